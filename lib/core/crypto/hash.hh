// SPDX-License-Identifier: LGPL-2.1-or-later
// Message digests on Nettle.
//
// Hash is a value type: it owns its Nettle state inline (no allocation),
// can be copied (the copy continues independently from the same point), and
// wipes its state when destroyed.  digest() leaves the object ready for a
// new message, which is what GnuTLS's gnutls_hash_output() exposes.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>

#include <nettle/gosthash94.h>
#include <nettle/md2.h>
#include <nettle/md5.h>
#include <nettle/nettle-meta.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include <nettle/sha3.h>
#include <nettle/streebog.h>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::crypto {

// Largest digest any supported algorithm produces.
inline constexpr std::size_t kMaxHashSize = 64;
// Largest internal block of any supported hash (SHA3-224's rate).
inline constexpr std::size_t kMaxHashBlock = 144;

// Storage big enough for the state of any supported Nettle hash.
union HashState {
    md2_ctx md2;
    md5_ctx md5;
    sha1_ctx sha1;
    sha256_ctx sha256;
    sha512_ctx sha512;
    sha3_224_ctx sha3;
    gosthash94cp_ctx gost94;
    streebog512_ctx streebog;
};

// The Nettle description of a digest algorithm, or null when it is not one
// tlshim computes as a single Nettle hash (MD5+SHA1 is two).
const nettle_hash *hash_meta(gnutls_digest_algorithm_t alg) noexcept;

// Output length of a supported digest, 0 for anything else.
std::size_t hash_output_size(gnutls_digest_algorithm_t alg) noexcept;

class Hash {
public:
    Hash() noexcept;
    Hash(const Hash &other) noexcept;
    Hash &operator=(const Hash &other) noexcept;
    ~Hash();

    // Selects the algorithm and starts a message; Err::invalid_request when
    // the algorithm is not one GnuTLS computes with gnutls_hash_init().
    Err init(gnutls_digest_algorithm_t alg) noexcept;
    void update(Bytes data) noexcept;
    void update(const void *data, std::size_t len) noexcept;
    // Writes size() bytes and starts a new message.
    void digest(std::uint8_t *out) noexcept;
    std::size_t size() const noexcept { return size_; }
    gnutls_digest_algorithm_t algorithm() const noexcept { return alg_; }

    // One-shot digest of `in` into out (hash_output_size(alg) bytes).
    static Err compute(gnutls_digest_algorithm_t alg, Bytes in, std::uint8_t *out) noexcept;

private:
    void wipe() noexcept;

    gnutls_digest_algorithm_t alg_ = GNUTLS_DIG_UNKNOWN;
    const nettle_hash *meta_ = nullptr;
    std::size_t size_ = 0;
    HashState state_;
    sha1_ctx second_;  // the SHA-1 half of MD5+SHA1
};

}  // namespace tlshim::crypto
