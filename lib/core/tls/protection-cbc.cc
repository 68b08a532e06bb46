// SPDX-License-Identifier: LGPL-2.1-or-later
// TLS 1.0-1.2 record protection with HMAC: CBC block ciphers (MAC then
// encrypt, RFC 5246 section 6.2.3.2, or encrypt then MAC, RFC 7366) and,
// without padding, stream ciphers and the NULL cipher.
//
// Timing of MAC-then-encrypt decryption (Lucky Thirteen)
// -------------------------------------------------------
// After CBC decryption the plaintext P (n bytes, n public) is
//     content[len] || mac[maclen] || padding[pad] || pad
// where pad, and with it len, must stay secret until the MAC has been
// checked: a receiver whose work depends on them is a padding oracle.
// open_mte() therefore
//  - never branches on P's bytes: the padding check runs over the last
//    min(256, n) bytes of P with masks, and an invalid padding is treated as
//    pad = 0 (the result being remembered in a mask, not in control flow);
//  - computes the HMAC over exactly `len` bytes with a fixed amount of work.
//    HMAC's inner hash is evaluated block by block by hand (CbcMacImpl::
//    mac_ct): every block that could belong to the padded message for ANY
//    len in the range the padding byte allows is compressed, its bytes being
//    chosen with masks (message byte, the 0x80 terminator, zeros, or the
//    length field), and the chaining value after the block where the real
//    message ends is selected with a mask.  So the number of compression
//    function calls depends only on n, never on pad.  Nettle 3.8 exports no
//    SHA-2 compression function, so one compression is driven through the
//    ordinary update function on a context whose buffer is empty (a full
//    block is then compressed directly) and the chaining value is read from
//    the context's public state words;
//  - compares the received MAC, found at a secret offset, by scanning every
//    offset the padding allows and accumulating differences under a mask;
//  - reports bad padding and a bad MAC alike as Err::decryption_failed, and
//    wipes the decrypted buffer on failure.
// With encrypt-then-MAC the MAC covers the ciphertext and is checked (in
// constant time) before anything is decrypted, so padding needs no such
// care; it is still checked without out-of-range reads.
#include "core/tls/protection.hh"

#include <cstring>
#include <initializer_list>
#include <new>

#include <nettle/md5.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>

#include "core/algo/algo.hh"
#include "core/crypto/cipher.hh"
#include "core/crypto/gost28147.hh"
#include "core/crypto/random.hh"

namespace tlshim::tls {

namespace {

constexpr std::size_t kHeaderSize = 13;  // seq_num || type || version || length
constexpr std::size_t kMaxCiphertext = kMaxPlaintext + 2048;  // RFC 5246 section 6.2.3
constexpr std::size_t kMaxMacSize = 48;
constexpr std::size_t kMaxBlock = 16;

// ---- constant-time helpers (all-ones / all-zeros masks) ----
constexpr unsigned kSizeBits = sizeof(std::size_t) * 8;

inline std::size_t ct_is_zero(std::size_t x) noexcept
{
    return static_cast<std::size_t>(0) - ((~x & (x - 1)) >> (kSizeBits - 1));
}
inline std::size_t ct_eq(std::size_t a, std::size_t b) noexcept { return ct_is_zero(a ^ b); }
// a < b, for values below 2^(bits-1).
inline std::size_t ct_lt(std::size_t a, std::size_t b) noexcept
{
    return static_cast<std::size_t>(0) - ((a - b) >> (kSizeBits - 1));
}
inline std::size_t ct_le(std::size_t a, std::size_t b) noexcept { return ~ct_lt(b, a); }

void make_header(std::uint8_t *h, std::uint64_t seq, const RecordHeader &hdr, std::size_t len) noexcept
{
    for (int i = 7; i >= 0; i--) {
        h[i] = static_cast<std::uint8_t>(seq);
        seq >>= 8;
    }
    h[8] = static_cast<std::uint8_t>(hdr.type);
    h[9] = static_cast<std::uint8_t>(hdr.version >> 8);
    h[10] = static_cast<std::uint8_t>(hdr.version);
    h[11] = static_cast<std::uint8_t>(len >> 8);
    h[12] = static_cast<std::uint8_t>(len);
}

// ---- Nettle hashes described for the hand-driven HMAC ----
template <typename C, typename W, std::size_t BS, std::size_t DS, std::size_t LB, bool BE, void (*Init)(C *),
          void (*Update)(C *, std::size_t, const std::uint8_t *), void (*Digest)(C *, std::size_t, std::uint8_t *)>
struct HashTraits {
    using Ctx = C;
    using Word = W;
    static constexpr std::size_t block = BS;        // compression block
    static constexpr std::size_t digest_size = DS;  // output bytes
    static constexpr std::size_t len_bytes = LB;    // bit-length field of the final block
    static constexpr bool big_endian = BE;
    static void init(Ctx *c) { Init(c); }
    static void update(Ctx *c, std::size_t n, const std::uint8_t *p) { Update(c, n, p); }
    static void digest(Ctx *c, std::size_t n, std::uint8_t *out) { Digest(c, n, out); }
};

using Md5 = HashTraits<md5_ctx, std::uint32_t, 64, 16, 8, false, nettle_md5_init, nettle_md5_update, nettle_md5_digest>;
using Sha1 =
    HashTraits<sha1_ctx, std::uint32_t, 64, 20, 8, true, nettle_sha1_init, nettle_sha1_update, nettle_sha1_digest>;
using Sha256 = HashTraits<sha256_ctx, std::uint32_t, 64, 32, 8, true, nettle_sha256_init, nettle_sha256_update,
                          nettle_sha256_digest>;
using Sha384 = HashTraits<sha512_ctx, std::uint64_t, 128, 48, 16, true, nettle_sha384_init, nettle_sha512_update,
                          nettle_sha384_digest>;

}  // namespace

namespace detail {

// HMAC keyed once per direction; the record MACs of RFC 5246 section 6.2.3.1.
class CbcMac {
public:
    virtual ~CbcMac() = default;
    virtual std::size_t size() const noexcept = 0;
    // The MAC of the concatenation of `parts` (not const: GOST's IMIT runs
    // on from one record to the next).
    virtual void mac(std::initializer_list<Bytes> parts, std::uint8_t *out) noexcept = 0;
    // HMAC over header[13] || data[0, len) where `len` is secret, lies in
    // [min_len, data.size()], and does not influence the amount of work.
    virtual void mac_ct(const std::uint8_t *header, Bytes data, std::size_t len, std::size_t min_len,
                        std::uint8_t *out) const noexcept = 0;
};

}  // namespace detail

namespace {

template <typename H>
class CbcMacImpl final : public detail::CbcMac {
public:
    explicit CbcMacImpl(Bytes key) noexcept
    {
        std::uint8_t k[H::block] = {};
        if (key.size() > H::block) {
            typename H::Ctx c;
            H::init(&c);
            H::update(&c, key.size(), key.data());
            H::digest(&c, H::digest_size, k);
            secure_wipe(&c, sizeof c);
        } else if (!key.empty()) {
            std::memcpy(k, key.data(), key.size());
        }
        std::uint8_t pad[H::block];
        for (std::size_t i = 0; i < H::block; i++)
            pad[i] = static_cast<std::uint8_t>(k[i] ^ 0x36);
        H::init(&inner_);
        H::update(&inner_, H::block, pad);
        for (std::size_t i = 0; i < H::block; i++)
            pad[i] = static_cast<std::uint8_t>(k[i] ^ 0x5c);
        H::init(&outer_);
        H::update(&outer_, H::block, pad);
        secure_wipe(k, sizeof k);
        secure_wipe(pad, sizeof pad);
    }
    ~CbcMacImpl() override
    {
        secure_wipe(&inner_, sizeof inner_);
        secure_wipe(&outer_, sizeof outer_);
    }

    std::size_t size() const noexcept override { return H::digest_size; }

    void mac(std::initializer_list<Bytes> parts, std::uint8_t *out) noexcept override
    {
        typename H::Ctx c = inner_;
        for (Bytes p : parts)
            if (!p.empty())
                H::update(&c, p.size(), p.data());
        std::uint8_t ih[H::digest_size];
        H::digest(&c, H::digest_size, ih);
        finish(ih, out);
        secure_wipe(&c, sizeof c);
    }

    void mac_ct(const std::uint8_t *header, Bytes data, std::size_t len, std::size_t min_len,
                std::uint8_t *out) const noexcept override
    {
        constexpr std::size_t bs = H::block;
        typename H::Ctx c = inner_;  // its buffer is empty: the key block is done
        const std::size_t mlen = kHeaderSize + len;           // secret
        const std::size_t max_mlen = kHeaderSize + data.size();  // public
        // Blocks made only of message bytes whatever `len` is go through the
        // ordinary update.
        const std::size_t pre = ((kHeaderSize + min_len) / bs) * bs;
        if (pre != 0) {
            H::update(&c, kHeaderSize, header);
            H::update(&c, pre - kHeaderSize, data.data());
        }
        // The rest, up to the last block the longest message could need, by
        // hand: byte choices by mask, one compression per block, and the
        // chaining value kept from the block where the real message ends.
        const std::size_t first = pre / bs;
        const std::size_t last = (max_mlen + H::len_bytes) / bs;
        const std::size_t final_block = (mlen + H::len_bytes) / bs;  // secret
        const std::uint64_t bits = static_cast<std::uint64_t>(mlen + bs) * 8;  // the key block counts
        constexpr std::size_t words = sizeof(c.state) / sizeof(c.state[0]);
        typename H::Word acc[words] = {};
        std::uint8_t blk[bs];
        for (std::size_t i = first; i <= last; i++) {
            const std::size_t is_final = ct_eq(i, final_block);
            for (std::size_t j = 0; j < bs; j++) {
                const std::size_t pos = i * bs + j;
                std::uint8_t b = 0;
                if (pos < kHeaderSize)
                    b = header[pos];
                else if (pos - kHeaderSize < data.size())
                    b = data[pos - kHeaderSize];
                b = static_cast<std::uint8_t>((b & ct_lt(pos, mlen)) | (0x80 & ct_eq(pos, mlen)));
                if (j >= bs - H::len_bytes) {
                    const std::size_t k = j - (bs - H::len_bytes);  // byte of the length field
                    const std::size_t shift = H::big_endian ? (H::len_bytes - 1 - k) * 8 : k * 8;
                    const std::uint8_t lb = shift < 64 ? static_cast<std::uint8_t>(bits >> shift) : 0;
                    b = static_cast<std::uint8_t>(b | (lb & is_final));
                }
                blk[j] = b;
            }
            H::update(&c, bs, blk);
            const auto wmask = static_cast<typename H::Word>(is_final);
            for (std::size_t w = 0; w < words; w++)
                acc[w] |= c.state[w] & wmask;
        }
        std::uint8_t ih[H::digest_size];
        for (std::size_t i = 0; i < H::digest_size; i++) {
            const std::size_t ws = sizeof(typename H::Word);
            const typename H::Word w = acc[i / ws];
            const std::size_t k = i % ws;
            ih[i] = static_cast<std::uint8_t>(H::big_endian ? w >> (8 * (ws - 1 - k)) : w >> (8 * k));
        }
        finish(ih, out);
        secure_wipe(&c, sizeof c);
        secure_wipe(acc, sizeof acc);
        secure_wipe(blk, sizeof blk);
    }

private:
    // out = H(opad-key || inner hash); wipes the inner hash.
    void finish(std::uint8_t *ih, std::uint8_t *out) const noexcept
    {
        typename H::Ctx o = outer_;
        H::update(&o, H::digest_size, ih);
        H::digest(&o, H::digest_size, out);
        secure_wipe(&o, sizeof o);
        secure_wipe(ih, H::digest_size);
    }

    typename H::Ctx inner_, outer_;
};

// GOST 28147-89 IMIT, the MAC of TLS_GOSTR341112_256_WITH_28147_CNT_IMIT
// (RFC 9189).  As in OpenSSL's and GnuTLS's implementations of the suite, the
// MAC state is not restarted per record: each record's tag is the IMIT of
// everything authenticated so far in this direction, this record included.
class ImitMac final : public detail::CbcMac {
public:
    explicit ImitMac(Bytes key) noexcept { imit_.init(key.data()); }
    std::size_t size() const noexcept override { return 4; }
    void mac(std::initializer_list<Bytes> parts, std::uint8_t *out) noexcept override
    {
        for (Bytes p : parts)
            if (!p.empty())
                imit_.update(p.data(), p.size());
        crypto::gost::Imit fin = imit_;  // the running state goes on unpadded
        fin.digest(out);
    }
    // Only the CBC path calls this, and create() pairs IMIT with stream
    // ciphers only; it gives the right value, in time that depends on len.
    void mac_ct(const std::uint8_t *header, Bytes data, std::size_t len, std::size_t, std::uint8_t *out) const noexcept
        override
    {
        crypto::gost::Imit c = imit_;
        c.update(header, kHeaderSize);
        c.update(data.data(), len);
        c.digest(out);
    }

private:
    crypto::gost::Imit imit_;
};

detail::CbcMac *new_mac(gnutls_mac_algorithm_t mac, Bytes key)
{
    switch (mac) {
    case GNUTLS_MAC_GOST28147_TC26Z_IMIT: return key.size() == 32 ? new ImitMac(key) : nullptr;
    case GNUTLS_MAC_MD5: return new CbcMacImpl<Md5>(key);
    case GNUTLS_MAC_SHA1: return new CbcMacImpl<Sha1>(key);
    case GNUTLS_MAC_SHA256: return new CbcMacImpl<Sha256>(key);
    case GNUTLS_MAC_SHA384: return new CbcMacImpl<Sha384>(key);
    default: return nullptr;
    }
}

}  // namespace

Tls12Cbc::~Tls12Cbc() = default;

Err Tls12Cbc::create(gnutls_cipher_algorithm_t cipher, gnutls_mac_algorithm_t mac, Bytes enc_key, Bytes mac_key,
                     Bytes iv, bool explicit_iv, bool etm, std::unique_ptr<Protection> &out)
{
    const algo::Cipher *c = algo::cipher(cipher);
    if (c == nullptr)
        return Err::invalid_request;
    std::unique_ptr<Tls12Cbc> p(new Tls12Cbc);
    switch (c->kind) {
    case algo::CipherKind::block:
        if (c->block_size > kMaxBlock || (!explicit_iv && iv.size() != c->block_size))
            return Err::invalid_request;
        p->block_ = c->block_size;
        p->explicit_iv_ = explicit_iv;
        p->etm_ = etm;
        if (Err e = crypto::Cipher::create(cipher, enc_key, explicit_iv ? nullptr : &iv, p->cipher_); !ok(e))
            return e;
        if (p->cipher_->padding_block() != c->block_size)  // not a CBC mode
            return Err::invalid_request;
        break;
    case algo::CipherKind::stream:
        p->block_ = 1;
        p->explicit_iv_ = false;
        // GOST 28147 CNT starts from an IV of the key block; RC4-like ciphers have none.
        if (Err e = crypto::Cipher::create(cipher, enc_key, iv.empty() ? nullptr : &iv, p->cipher_); !ok(e))
            return e;
        break;
    case algo::CipherKind::null:
        p->block_ = 1;
        p->explicit_iv_ = false;
        break;
    case algo::CipherKind::aead:
        return Err::invalid_request;
    }
    p->mac_.reset(new_mac(mac, mac_key));
    if (!p->mac_ || (mac == GNUTLS_MAC_GOST28147_TC26Z_IMIT && p->block_ != 1))
        return Err::invalid_request;
    out = std::move(p);
    return Err::ok;
}

std::size_t Tls12Cbc::overhead(std::size_t) const noexcept
{
    // IV, MAC and at most one block of padding (the padding is minimal).
    return prefix_size() + mac_->size() + (block_ > 1 ? block_ : 0);
}

Err Tls12Cbc::seal(RecordHeader &hdr, std::uint64_t seq, MutableBytes buf, std::size_t len, std::size_t,
                   std::size_t &out_len)
{
    const std::size_t prefix = prefix_size();
    const std::size_t maclen = mac_->size();
    if (len > kMaxPlaintext)
        return Err::internal;
    std::uint8_t *p = buf.data() + prefix;
    std::uint8_t h[kHeaderSize];

    if (block_ == 1) {  // stream or NULL cipher: MAC, then encrypt
        if (len + maclen > buf.size())
            return Err::internal;
        make_header(h, seq, hdr, len);
        mac_->mac({Bytes(h, sizeof h), Bytes(p, len)}, p + len);
        if (cipher_ && !ok(cipher_->encrypt(p, p, len + maclen)))
            return Err::encryption_failed;
        out_len = len + maclen;
        return Err::ok;
    }

    // Minimal TLS padding: padlen + 1 bytes, each padlen, up to a block boundary.
    const std::size_t covered = etm_ ? len : len + maclen;
    const std::size_t padlen = block_ - 1 - covered % block_;
    const std::size_t clen = covered + padlen + 1;  // encrypted bytes after the IV
    if (prefix + clen + (etm_ ? maclen : 0) > buf.size())
        return Err::internal;
    if (!etm_) {
        make_header(h, seq, hdr, len);
        mac_->mac({Bytes(h, sizeof h), Bytes(p, len)}, p + len);
    }
    std::memset(p + covered, static_cast<int>(padlen), padlen + 1);
    if (explicit_iv_) {
        if (!ok(crypto::random(crypto::RandomLevel::nonce, buf.first(block_))) ||
            !ok(cipher_->set_iv(buf.first(block_))))
            return Err::encryption_failed;
    }
    if (!ok(cipher_->encrypt(p, p, clen)))
        return Err::encryption_failed;
    out_len = prefix + clen;
    if (etm_) {
        // RFC 7366 section 3: the MAC covers the IV and the ciphertext.
        make_header(h, seq, hdr, out_len);
        mac_->mac({Bytes(h, sizeof h), Bytes(buf.data(), out_len)}, buf.data() + out_len);
        out_len += maclen;
    }
    return Err::ok;
}

Err Tls12Cbc::open(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain)
{
    if (fragment.size() > kMaxCiphertext)
        return Err::record_overflow;
    if (block_ == 1)
        return open_stream(hdr, seq, fragment, plain);
    return etm_ ? open_etm(hdr, seq, fragment, plain) : open_mte(hdr, seq, fragment, plain);
}

Err Tls12Cbc::open_stream(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain)
{
    const std::size_t maclen = mac_->size();
    if (fragment.size() < maclen)
        return Err::decryption_failed;
    if (cipher_ && !ok(cipher_->decrypt(fragment.data(), fragment.data(), fragment.size())))
        return Err::decryption_failed;
    const std::size_t len = fragment.size() - maclen;
    std::uint8_t h[kHeaderSize];
    make_header(h, seq, hdr, len);
    std::uint8_t tag[kMaxMacSize];
    mac_->mac({Bytes(h, sizeof h), Bytes(fragment.data(), len)}, tag);
    const bool good = ct_memcmp(tag, fragment.data() + len, maclen) == 0;
    secure_wipe(tag, sizeof tag);
    if (!good) {
        secure_wipe(fragment.data(), fragment.size());
        return Err::decryption_failed;
    }
    if (len > kMaxPlaintext)
        return Err::record_overflow;
    plain = fragment.first(len);
    return Err::ok;
}

Err Tls12Cbc::open_etm(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain)
{
    const std::size_t prefix = prefix_size();
    const std::size_t maclen = mac_->size();
    if (fragment.size() < prefix + block_ + maclen)
        return Err::decryption_failed;
    const std::size_t authed = fragment.size() - maclen;  // IV || ciphertext
    const std::size_t clen = authed - prefix;
    if (clen % block_ != 0)
        return Err::decryption_failed;
    std::uint8_t h[kHeaderSize];
    make_header(h, seq, hdr, authed);
    std::uint8_t tag[kMaxMacSize];
    mac_->mac({Bytes(h, sizeof h), Bytes(fragment.data(), authed)}, tag);
    const bool good = ct_memcmp(tag, fragment.data() + authed, maclen) == 0;
    secure_wipe(tag, sizeof tag);
    if (!good)
        return Err::decryption_failed;

    std::uint8_t *p = fragment.data() + prefix;
    if (explicit_iv_ && !ok(cipher_->set_iv(fragment.first(block_))))
        return Err::decryption_failed;
    if (!ok(cipher_->decrypt(p, p, clen)))
        return Err::decryption_failed;
    // Authenticated already: the padding is the sender's own, but a
    // malformed one must still fail cleanly.
    const std::size_t padlen = p[clen - 1];
    std::size_t bad = ct_lt(clen, padlen + 1);
    for (std::size_t i = 0; i < clen && i <= 255; i++)
        bad |= ct_le(i, padlen) & ~ct_is_zero(p[clen - 1 - i] ^ padlen);
    if (bad) {
        secure_wipe(fragment.data(), fragment.size());
        return Err::decryption_failed;
    }
    const std::size_t len = clen - padlen - 1;
    if (len > kMaxPlaintext)
        return Err::record_overflow;
    plain = MutableBytes(p, len);
    return Err::ok;
}

Err Tls12Cbc::open_mte(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain)
{
    const std::size_t prefix = prefix_size();
    const std::size_t maclen = mac_->size();
    // Checks on public lengths only.
    if (fragment.size() < prefix + block_ || (fragment.size() - prefix) % block_ != 0 ||
        fragment.size() - prefix < maclen + 1)
        return Err::decryption_failed;
    const std::size_t n = fragment.size() - prefix;
    std::uint8_t *p = fragment.data() + prefix;
    if (explicit_iv_ && !ok(cipher_->set_iv(fragment.first(block_))))
        return Err::decryption_failed;
    if (!ok(cipher_->decrypt(p, p, n)))
        return Err::decryption_failed;

    // The padding, checked with masks: `good` stays all-ones only if the
    // padding length fits and every padding byte repeats it.  An impossible
    // length is replaced by 0 so that the MAC below still runs on a
    // length in range.
    const std::size_t room = n - maclen - 1;  // the most padding can be
    std::size_t padlen = p[n - 1];
    std::size_t good = ct_le(padlen, room);
    padlen &= good;
    const std::size_t to_check = n < 256 ? n : 256;
    for (std::size_t i = 0; i < to_check; i++)
        good &= ~(ct_le(i, padlen) & ~ct_is_zero(p[n - 1 - i] ^ padlen));
    const std::size_t len = room - padlen;  // secret
    const std::size_t min_len = room > 255 ? room - 255 : 0;

    std::uint8_t h[kHeaderSize];
    make_header(h, seq, hdr, len);
    std::uint8_t tag[kMaxMacSize];
    mac_->mac_ct(h, Bytes(p, room), len, min_len, tag);

    // The received MAC starts at the secret offset `len`: look at every
    // offset it could have and keep the differences of the right one.
    std::size_t diff = 0;
    for (std::size_t off = min_len; off <= room; off++) {
        const std::size_t here = ct_eq(off, len);
        std::size_t d = 0;
        for (std::size_t k = 0; k < maclen; k++)
            d |= p[off + k] ^ tag[k];
        diff |= d & here;
    }
    secure_wipe(tag, sizeof tag);
    good &= ct_is_zero(diff);
    if (!good) {
        secure_wipe(fragment.data(), fragment.size());
        return Err::decryption_failed;
    }
    if (len > kMaxPlaintext)
        return Err::record_overflow;
    plain = MutableBytes(p, len);
    return Err::ok;
}

}  // namespace tlshim::tls
