// SPDX-License-Identifier: LGPL-2.1-or-later
// ECDSA and ECDH over the NIST prime curves P-256, P-384 and P-521 on
// Nettle: points and scalars (wiped), key import/export as big-endian
// coordinates, signatures as (r, s) and as DER Ecdsa-Sig-Value, and the
// ECDH shared secret with validation of the peer's point.
//
// Points, scalars and key pairs also work on the two GOST R 34.10 curves
// Nettle implements (see gost_curve(); the GOST algorithms are in gost.hh).
#pragma once

#include <gnutls/gnutls.h>
#include <nettle/dsa.h>
#include <nettle/ecc-curve.h>
#include <nettle/ecc.h>
#include <nettle/ecdsa.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/pk/mpz.hh"
#include "core/secret.hh"

namespace tlshim::pk {

// Nettle's curve for SECP256R1/384R1/521R1, null for anything else.
const ecc_curve *nist_curve(gnutls_ecc_curve_t curve) noexcept;
// Length in bytes of a coordinate or scalar (32, 48, 66), 0 if unsupported.
std::size_t nist_curve_bytes(gnutls_ecc_curve_t curve) noexcept;

// Nettle's curve for a GOST R 34.10 curve id, null when Nettle lacks it.
// Nettle has two: gc256b (TC26-256-B, whose parameters CryptoPro-A and
// CryptoPro-XchA share) and gc512a (TC26-512-A).  TC26-256-A/C/D,
// TC26-512-B/C and CryptoPro-B/C/XchB are not supported: keys on them are
// refused with Err::ecc_unsupported_curve.
const ecc_curve *gost_curve(gnutls_ecc_curve_t curve) noexcept;
// Either kind: the curve for points, scalars and key pairs, null if none.
const ecc_curve *ec_curve(gnutls_ecc_curve_t curve) noexcept;
// Coordinate/scalar length in bytes for ec_curve(), 0 if unsupported.
std::size_t ec_curve_bytes(gnutls_ecc_curve_t curve) noexcept;

class EcPoint {
public:
    EcPoint() noexcept = default;
    EcPoint(const EcPoint &) = delete;
    EcPoint &operator=(const EcPoint &) = delete;
    ~EcPoint() { reset(); }

    // Sets affine (x, y); Err::illegal_parameter when the point is not on
    // the curve (which also excludes the point at infinity), invalid_request
    // for an unsupported curve.
    Err set(gnutls_ecc_curve_t curve, Bytes x, Bytes y) noexcept;
    // Parses the uncompressed SEC1 form 04 || X || Y (each exactly the
    // coordinate length); compressed points and the 00 infinity are refused.
    Err set_encoded(gnutls_ecc_curve_t curve, Bytes encoded) noexcept;
    // The coordinates, left-padded to the coordinate length.
    Err get(SecretBytes &x, SecretBytes &y) const;
    // 04 || X || Y.
    Err encoded(std::vector<std::uint8_t> &out) const;

    bool valid() const noexcept { return init_ && valid_; }
    gnutls_ecc_curve_t curve() const noexcept { return curve_; }
    const ecc_point *nettle() const noexcept { return &p_; }
    ecc_point *nettle() noexcept { return &p_; }
    // Prepares an empty point on `curve` for Nettle to fill.
    Err init(gnutls_ecc_curve_t curve) noexcept;
    void mark_valid() noexcept { valid_ = init_; }
    void reset() noexcept;

private:
    ecc_point p_{};
    gnutls_ecc_curve_t curve_ = GNUTLS_ECC_CURVE_INVALID;
    bool init_ = false, valid_ = false;
};

class EcScalar {
public:
    EcScalar() noexcept = default;
    EcScalar(const EcScalar &) = delete;
    EcScalar &operator=(const EcScalar &) = delete;
    ~EcScalar() { reset(); }

    // Sets the private scalar; Err::illegal_parameter unless 0 < k < order.
    Err set(gnutls_ecc_curve_t curve, Bytes k) noexcept;
    // The scalar, left-padded to the curve's length.
    Err get(SecretBytes &k) const;

    bool valid() const noexcept { return init_ && valid_; }
    const ecc_scalar *nettle() const noexcept { return &s_; }
    ecc_scalar *nettle() noexcept { return &s_; }
    Err init(gnutls_ecc_curve_t curve) noexcept;
    void mark_valid() noexcept { valid_ = init_; }
    void reset() noexcept;

private:
    ecc_scalar s_{};
    bool init_ = false, valid_ = false;
};

// A key pair (or a public key alone) on one NIST or GOST curve.
class EcKey {
public:
    // Imports x, y and (optionally, may be empty) k.  With k, the point
    // must equal k*G.
    Err import(gnutls_ecc_curve_t curve, Bytes x, Bytes y, Bytes k) noexcept;
    // Imports the private scalar alone and derives the public point.
    Err import_private(gnutls_ecc_curve_t curve, Bytes k) noexcept;
    Err generate(gnutls_ecc_curve_t curve) noexcept;

    bool has_private() const noexcept { return priv_.valid(); }
    bool valid() const noexcept { return pub_.valid(); }
    gnutls_ecc_curve_t curve() const noexcept { return pub_.curve(); }
    const EcPoint &pub() const noexcept { return pub_; }
    const EcScalar &priv() const noexcept { return priv_; }

private:
    EcPoint pub_;
    EcScalar priv_;
};

// Nettle's (r, s) signature pair, cleared on destruction.
struct DsaSig {
    dsa_signature sig;
    DsaSig() noexcept { dsa_signature_init(&sig); }
    ~DsaSig() { dsa_signature_clear(&sig); }
    DsaSig(const DsaSig &) = delete;
    DsaSig &operator=(const DsaSig &) = delete;
};

// ECDSA over a digest (Nettle truncates it to the order's length).
Err ecdsa_sign(const EcKey &key, Bytes digest, Mpz &r, Mpz &s) noexcept;
Err ecdsa_verify(const EcPoint &pub, Bytes digest, const Mpz &r, const Mpz &s) noexcept;
// Same with the signature as DER: SEQUENCE { INTEGER r, INTEGER s }.
Err ecdsa_sign_der(const EcKey &key, Bytes digest, std::vector<std::uint8_t> &der);
Err ecdsa_verify_der(const EcPoint &pub, Bytes digest, Bytes der) noexcept;

// The DER Ecdsa-Sig-Value of (r, s), and its strict parser (minimal
// lengths and integers, nothing trailing; Err::asn1_der_error otherwise).
Err ecdsa_sig_encode(const Mpz &r, const Mpz &s, std::vector<std::uint8_t> &der);
Err ecdsa_sig_decode(Bytes der, Mpz &r, Mpz &s) noexcept;

// ECDH: the x-coordinate of k*peer, left-padded to the coordinate length.
// The peer point was validated when it was set (on the curve, not
// infinity); a result at infinity is refused too.
Err ecdh_shared(const EcKey &ours, const EcPoint &peer, SecretBytes &shared);

}  // namespace tlshim::pk
