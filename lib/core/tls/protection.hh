// SPDX-License-Identifier: LGPL-2.1-or-later
// Record protection: the keys of one direction for one epoch, and the
// transformation between a record's plaintext and its protected fragment.
//
// A Protection object does no I/O and allocates nothing per record: seal()
// and open() work in place on a buffer the record layer owns. The sequence
// number is passed in (the record layer counts it), so the same objects
// serve DTLS later, where the 64-bit value is epoch || sequence.
//
// Implementations:
//   NullProtection    epoch 0: the fragment is the plaintext.
//   Tls13Aead         RFC 8446 section 5.2-5.3: per-record nonce = iv XOR seq,
//                     the header is the additional data, the real content
//                     type and optional zero padding travel inside.
//   Tls12Aead         RFC 5288 / RFC 6655 (GCM, CCM: 4-byte salt from the key
//                     block + 8-byte explicit nonce on the wire) and RFC 7905
//                     (ChaCha20-Poly1305: iv XOR seq, nothing explicit); the
//                     additional data is seq || type || version || length.
//   Tls12Cbc          RFC 5246 section 6.2.3.1-6.2.3.2: HMAC then CBC
//                     encryption with TLS padding (explicit per-record IV in
//                     TLS 1.1+, chained IV in TLS 1.0), or RFC 7366
//                     encrypt-then-MAC; also HMAC with a stream or the NULL
//                     cipher. Implemented in protection-cbc.cc.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>
#include <memory>

#include "core/bytes.hh"
#include "core/crypto/aead.hh"
#include "core/crypto/cipher.hh"
#include "core/error.hh"
#include "core/secret.hh"

namespace tlshim::tls {

enum class ContentType : std::uint8_t {
    invalid = 0,
    change_cipher_spec = 20,
    alert = 21,
    handshake = 22,
    application_data = 23,
    heartbeat = 24,
};

// What open() and seal() see of the record header. `version` is the wire
// value (0x0303 for TLS 1.2 and 1.3 records).
struct RecordHeader {
    ContentType type = ContentType::invalid;
    std::uint16_t version = 0;
};

inline constexpr std::size_t kMaxPlaintext = 16384;  // 2^14, RFC 8446 section 5.1

class Protection {
public:
    virtual ~Protection() = default;

    // Bytes that precede the plaintext inside the fragment (an explicit
    // nonce); seal() expects the plaintext at buf[prefix_size()].
    virtual std::size_t prefix_size() const noexcept = 0;
    // The most a fragment can exceed its plaintext, with `pad` bytes of
    // TLS 1.3 padding requested.
    virtual std::size_t overhead(std::size_t pad) const noexcept = 0;
    // Whether this protection is the identity (epoch 0).
    virtual bool null() const noexcept { return false; }
    // Whether the real content type travels inside (TLS 1.3).
    virtual bool inner_type() const noexcept { return false; }

    // Protects the plaintext that lies at buf[prefix_size(), prefix_size()+len)
    // in place. `hdr` gives the content type and the header version; on
    // return `hdr.type` is the type to put on the wire and `out_len` the
    // fragment length. `buf` must have room for the overhead.
    virtual Err seal(RecordHeader &hdr, std::uint64_t seq, MutableBytes buf, std::size_t len,
                     std::size_t pad, std::size_t &out_len) = 0;
    // Removes the protection from a received fragment in place. On success
    // `plain` points into `fragment` and `hdr.type` holds the real content
    // type. A fragment that fails authentication gives Err::decryption_failed
    // and nothing is left readable in the buffer.
    virtual Err open(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain) = 0;
};

class NullProtection final : public Protection {
public:
    std::size_t prefix_size() const noexcept override { return 0; }
    std::size_t overhead(std::size_t) const noexcept override { return 0; }
    bool null() const noexcept override { return true; }
    Err seal(RecordHeader &hdr, std::uint64_t seq, MutableBytes buf, std::size_t len, std::size_t pad,
             std::size_t &out_len) override;
    Err open(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain) override;
};

// Largest static IV of the AEADs used in TLS (12 bytes).
inline constexpr std::size_t kMaxIvSize = 12;

class Tls13Aead final : public Protection {
public:
    // key and iv as derived by HKDF-Expand-Label(secret, "key"/"iv").
    static Err create(gnutls_cipher_algorithm_t alg, Bytes key, Bytes iv, std::unique_ptr<Protection> &out);

    std::size_t prefix_size() const noexcept override { return 0; }
    std::size_t overhead(std::size_t pad) const noexcept override { return 1 + pad + tag_size_; }
    bool inner_type() const noexcept override { return true; }
    Err seal(RecordHeader &hdr, std::uint64_t seq, MutableBytes buf, std::size_t len, std::size_t pad,
             std::size_t &out_len) override;
    Err open(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain) override;

private:
    Tls13Aead() = default;
    std::unique_ptr<crypto::Aead> aead_;
    FixedSecret<kMaxIvSize> iv_;
    std::size_t tag_size_ = 16;
};

class Tls12Aead final : public Protection {
public:
    // For GCM and CCM, `iv` is the 4-byte implicit salt from the key block;
    // for ChaCha20-Poly1305 it is the 12-byte IV.
    static Err create(gnutls_cipher_algorithm_t alg, Bytes key, Bytes iv, std::unique_ptr<Protection> &out);

    std::size_t prefix_size() const noexcept override { return explicit_size_; }
    std::size_t overhead(std::size_t) const noexcept override { return explicit_size_ + tag_size_; }
    Err seal(RecordHeader &hdr, std::uint64_t seq, MutableBytes buf, std::size_t len, std::size_t pad,
             std::size_t &out_len) override;
    Err open(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain) override;

private:
    Tls12Aead() = default;
    void nonce(std::uint64_t seq, Bytes explicit_part, std::uint8_t *out) const noexcept;

    std::unique_ptr<crypto::Aead> aead_;
    FixedSecret<kMaxIvSize> iv_;
    std::size_t explicit_size_ = 8;  // 0 for ChaCha20-Poly1305
    std::size_t tag_size_ = 16;
};

namespace detail {
class CbcMac;
}

class Tls12Cbc final : public Protection {
public:
    // explicit_iv: TLS 1.1/1.2 (a random IV per record, prefix_size() == block size); otherwise TLS 1.0 with `iv`
    // as the initial chained IV.  etm: RFC 7366 encrypt-then-MAC.  A stream cipher or GNUTLS_CIPHER_NULL gives
    // MAC-then-encrypt without padding (`iv` empty, explicit_iv and etm false).
    static Err create(gnutls_cipher_algorithm_t cipher, gnutls_mac_algorithm_t mac, Bytes enc_key, Bytes mac_key,
                      Bytes iv, bool explicit_iv, bool etm, std::unique_ptr<Protection> &out);
    ~Tls12Cbc() override;

    std::size_t prefix_size() const noexcept override { return explicit_iv_ ? block_ : 0; }
    std::size_t overhead(std::size_t) const noexcept override;
    Err seal(RecordHeader &hdr, std::uint64_t seq, MutableBytes buf, std::size_t len, std::size_t pad,
             std::size_t &out_len) override;
    Err open(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain) override;

private:
    Tls12Cbc() = default;
    Err open_mte(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain);
    Err open_etm(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain);
    Err open_stream(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain);

    std::unique_ptr<crypto::Cipher> cipher_;  // null for GNUTLS_CIPHER_NULL
    std::unique_ptr<detail::CbcMac> mac_;
    std::size_t block_ = 16;  // 1 for stream ciphers and NULL: no padding
    bool explicit_iv_ = true;
    bool etm_ = false;
};

}  // namespace tlshim::tls
