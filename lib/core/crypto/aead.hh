// SPDX-License-Identifier: LGPL-2.1-or-later
// Authenticated encryption with associated data, one message per call.
//
// Aead is the interface the record layer and gnutls_aead_cipher_*() use:
// created once per key (the only allocation), then seal()/open() any
// number of messages, in place or between buffers.  A faster implementation
// of an algorithm can be slotted in behind Aead::create() without changing
// its users.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>
#include <memory>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::crypto {

inline constexpr std::size_t kMaxTagSize = 16;

class Aead {
public:
    virtual ~Aead() = default;

    // Creates a keyed AEAD.  Err::invalid_request for an algorithm that is
    // not an AEAD; a wrong key size gives the code GnuTLS gives.
    static Err create(gnutls_cipher_algorithm_t alg, Bytes key, std::unique_ptr<Aead> &out);

    gnutls_cipher_algorithm_t algorithm() const noexcept { return alg_; }
    // Replaces the key (same algorithm); Err::invalid_request on a wrong size.
    virtual Err set_key(Bytes key) noexcept = 0;
    // The full tag length; shorter tags are accepted down to 1 byte.
    virtual std::size_t max_tag_size() const noexcept { return kMaxTagSize; }
    // Whether GnuTLS's wire form puts the tag before the ciphertext (SIV).
    virtual bool tag_first() const noexcept { return false; }
    // What GnuTLS answers when gnutls_aead_cipher_encryptv() gets too small
    // an output buffer: its Nettle-based AEADs (Camellia-GCM,
    // ChaCha20-Poly1305) say GNUTLS_E_UNEXPECTED_PACKET_LENGTH, the others
    // GNUTLS_E_SHORT_MEMORY_BUFFER.
    virtual Err vector_short_buffer_error() const noexcept { return Err::short_memory_buffer; }

    // Encrypts len bytes from `in` to `out` (which may be `in`) and writes
    // the tag (tag.size() bytes, 1..max_tag_size()).
    virtual Err seal(Bytes nonce, Bytes aad, const std::uint8_t *in, std::size_t len, std::uint8_t *out,
                     MutableBytes tag) = 0;
    // Decrypts and verifies; on failure returns Err::decryption_failed and
    // leaves no plaintext in `out` (it is zeroed).
    virtual Err open(Bytes nonce, Bytes aad, const std::uint8_t *in, std::size_t len, std::uint8_t *out,
                     Bytes tag) = 0;

protected:
    explicit Aead(gnutls_cipher_algorithm_t alg) noexcept : alg_(alg) {}

private:
    gnutls_cipher_algorithm_t alg_;
};

}  // namespace tlshim::crypto
