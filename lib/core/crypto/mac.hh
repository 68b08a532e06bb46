// SPDX-License-Identifier: LGPL-2.1-or-later
// Message authentication codes on Nettle: HMAC over the digests of hash.hh,
// UMAC-96/128, AES-CMAC-128/256, AES-GMAC-128/192/256, and the GOST 28147-89
// imitovstavka of gost28147.hh.
//
// Mac is a value type like Hash: inline state, copyable, wiped on
// destruction.  digest() behaves as Nettle's digest functions do (HMAC and
// CMAC restart with the same key; UMAC advances its nonce; GMAC needs a new
// nonce; the GOST imitovstavka restarts like HMAC), which is what
// gnutls_hmac_output() exposes.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>

#include <nettle/cmac.h>
#include <nettle/gcm.h>
#include <nettle/umac.h>

#include "core/bytes.hh"
#include "core/crypto/gost28147.hh"
#include "core/crypto/hash.hh"
#include "core/error.hh"

namespace tlshim::crypto {

inline constexpr std::size_t kMaxMacSize = 64;

enum class MacKind : std::uint8_t {
    none, hmac, umac96, umac128, cmac128, cmac256, gmac128, gmac192, gmac256, gost_imit
};

// Properties of a MAC algorithm that the core computes; kind none when unsupported.
struct MacInfo {
    MacKind kind;
    std::size_t output_size;
    std::size_t key_size;  // 0: any length (HMAC)
    bool needs_nonce;      // UMAC and GMAC have no default nonce in the one-shot form
};
MacInfo mac_info(gnutls_mac_algorithm_t alg) noexcept;

// The digest underlying an HMAC algorithm, or GNUTLS_DIG_UNKNOWN.
gnutls_digest_algorithm_t hmac_underlying_digest(gnutls_mac_algorithm_t alg) noexcept;

class Mac {
public:
    Mac() noexcept;
    Mac(const Mac &other) noexcept;
    Mac &operator=(const Mac &other) noexcept;
    ~Mac();

    // Keys the MAC.  Err::invalid_request for an unsupported algorithm or a
    // key of the wrong length for a fixed-key MAC.
    Err init(gnutls_mac_algorithm_t alg, Bytes key) noexcept;
    // Sets the nonce of UMAC (1..16 bytes) or GMAC (any length, usually 12);
    // ignored by the other MACs (GnuTLS ignores it for the GOST imitovstavka too).
    Err set_nonce(Bytes nonce) noexcept;
    Err update(Bytes data) noexcept;
    // Writes size() bytes.
    void digest(std::uint8_t *out) noexcept;
    std::size_t size() const noexcept { return info_.output_size; }
    gnutls_mac_algorithm_t algorithm() const noexcept { return alg_; }

    // One-shot MAC; Err::invalid_request for MACs that need a nonce.
    static Err compute(gnutls_mac_algorithm_t alg, Bytes key, Bytes in, std::uint8_t *out) noexcept;

private:
    void wipe() noexcept;

    struct HmacState {
        HashState outer, inner, state;
    };
    struct GmacState {
        union {
            aes128_ctx a128;
            aes192_ctx a192;
            aes256_ctx a256;
        } cipher;
        gcm_key key;
        gcm_ctx ctx;
        std::uint8_t pending[GCM_BLOCK_SIZE];
        std::size_t npending;
    };
    union State {
        HmacState hmac;
        umac96_ctx umac96;
        umac128_ctx umac128;
        cmac_aes128_ctx cmac128;
        cmac_aes256_ctx cmac256;
        GmacState gmac;
    };

    gnutls_mac_algorithm_t alg_ = GNUTLS_MAC_UNKNOWN;
    MacInfo info_{MacKind::none, 0, 0, false};
    const nettle_hash *hash_ = nullptr;
    State s_;
    gost::Imit imit_;  // GOST28147_TC26Z_IMIT (not trivially destructible, so outside the union)
};

}  // namespace tlshim::crypto
