// SPDX-License-Identifier: LGPL-2.1-or-later
// The Edwards/Montgomery curves of RFC 8032 and RFC 7748 on Nettle:
// Ed25519 and Ed448 signatures (pure, empty context), X25519 and X448 key
// agreement.  Keys are raw byte strings; the private halves live in
// FixedSecret storage.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/secret.hh"

namespace tlshim::pk {

// Key length of ED25519 (32), ED448 (57), X25519 (32), X448 (56); 0 otherwise.
std::size_t raw_curve_key_size(gnutls_ecc_curve_t curve) noexcept;
// Signature length of ED25519 (64) and ED448 (114); 0 otherwise.
std::size_t eddsa_signature_size(gnutls_ecc_curve_t curve) noexcept;

// A key on one of those four curves: the public key, and optionally the
// private one (seed for EdDSA, scalar for X25519/X448).
class RawCurveKey {
public:
    // Imports a private key and derives the public one.
    Err import_private(gnutls_ecc_curve_t curve, Bytes priv) noexcept;
    // Imports both halves; Err::illegal_parameter when they do not match.
    Err import_pair(gnutls_ecc_curve_t curve, Bytes priv, Bytes pub) noexcept;
    // Imports a public key alone.
    Err import_public(gnutls_ecc_curve_t curve, Bytes pub) noexcept;
    Err generate(gnutls_ecc_curve_t curve) noexcept;

    bool valid() const noexcept { return curve_ != GNUTLS_ECC_CURVE_INVALID; }
    bool has_private() const noexcept { return priv_.size() != 0; }
    gnutls_ecc_curve_t curve() const noexcept { return curve_; }
    Bytes public_key() const noexcept { return {pub_, pub_len_}; }
    Bytes private_key() const noexcept { return priv_.span(); }
    void reset() noexcept;

private:
    gnutls_ecc_curve_t curve_ = GNUTLS_ECC_CURVE_INVALID;
    FixedSecret<57> priv_;
    std::uint8_t pub_[57] = {};
    std::size_t pub_len_ = 0;
};

// EdDSA over the whole message (Ed25519 / Ed448 with an empty context).
Err eddsa_sign(const RawCurveKey &key, Bytes msg, std::vector<std::uint8_t> &sig);
Err eddsa_verify(const RawCurveKey &key, Bytes msg, Bytes sig) noexcept;

// X25519/X448: the shared secret from our private key and the peer's
// public value.  Err::illegal_parameter for a peer value of the wrong
// length or an all-zero result (a small-order peer point).
Err x_shared(const RawCurveKey &ours, Bytes peer, SecretBytes &shared);

}  // namespace tlshim::pk
