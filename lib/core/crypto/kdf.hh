// SPDX-License-Identifier: LGPL-2.1-or-later
// Key derivation: HKDF (RFC 5869) and PBKDF2 (RFC 8018) over HMAC.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::crypto {

// HKDF-Extract: writes the MAC's output length of pseudorandom key.
// Only HMAC algorithms are accepted (Err::invalid_request otherwise).
Err hkdf_extract(gnutls_mac_algorithm_t mac, Bytes ikm, Bytes salt, std::uint8_t *prk) noexcept;

// HKDF-Expand: fills `out` (at most 255 MAC outputs long).
Err hkdf_expand(gnutls_mac_algorithm_t mac, Bytes prk, Bytes info, MutableBytes out) noexcept;

// PBKDF2 with HMAC as the PRF; iterations must be at least 1.
Err pbkdf2(gnutls_mac_algorithm_t mac, Bytes password, Bytes salt, unsigned iterations,
           MutableBytes out) noexcept;

}  // namespace tlshim::crypto
