// SPDX-License-Identifier: LGPL-2.1-or-later
// Ciphers of GnuTLS's classic cipher interface (gnutls_cipher_init()):
// block ciphers in CBC, CFB8 and XTS modes, stream ciphers, and the AEADs
// that can also be driven step by step (GCM, ChaCha20-Poly1305).
//
// A Cipher is created once per key (the only allocation) and then encrypts
// or decrypts in place or between buffers without allocating.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>
#include <memory>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::crypto {

class Cipher {
public:
    virtual ~Cipher() = default;

    // Creates a keyed cipher; `iv` may be null (no IV set yet).  The error
    // codes for unsupported algorithms and wrong key or IV sizes are those
    // GnuTLS gives for the same algorithm.
    static Err create(gnutls_cipher_algorithm_t alg, Bytes key, const Bytes *iv,
                      std::unique_ptr<Cipher> &out);

    gnutls_cipher_algorithm_t algorithm() const noexcept { return alg_; }
    // Whether an IV of `len` bytes is acceptable for this cipher.
    bool accepts_iv(std::size_t len) const noexcept;

    // Sets a new IV or nonce (restarting the message for AEADs).
    virtual Err set_iv(Bytes iv) noexcept = 0;
    // `in` and `out` may be the same buffer.  Block modes need whole blocks.
    virtual Err encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept = 0;
    virtual Err decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept = 0;
    // Associated data and the tag, for the AEADs (Err::invalid_request otherwise).
    virtual Err add_auth(Bytes) noexcept { return Err::invalid_request; }
    virtual Err tag(MutableBytes) noexcept { return Err::invalid_request; }
    // The block size PKCS#7 padding rounds to, or 0 when the mode is not padded.
    virtual std::size_t padding_block() const noexcept { return 0; }
    // Whether an output buffer shorter than the input is an error.
    virtual bool strict_output() const noexcept { return true; }

    // Encryption with PKCS#7 padding (RFC 5652 section 6.3) for the modes
    // that have a padding_block(), plain encryption otherwise.  `out` must
    // hold padded_size(len) bytes; `written` receives the output length.
    std::size_t padded_size(std::size_t len) const noexcept;
    Err encrypt_padded(Bytes in, MutableBytes out, std::size_t &written) noexcept;
    // Decrypts `in` into `out` (at least in.size() bytes) and removes PKCS#7
    // padding when the mode has it.  A malformed padding gives
    // Err::decryption_failed and wipes the output; the check reads the whole
    // last block without branching on its contents.
    Err decrypt_padded(Bytes in, MutableBytes out, std::size_t &written) noexcept;

protected:
    explicit Cipher(gnutls_cipher_algorithm_t alg) noexcept : alg_(alg) {}

private:
    gnutls_cipher_algorithm_t alg_;
};

}  // namespace tlshim::crypto
