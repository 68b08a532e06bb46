// SPDX-License-Identifier: LGPL-2.1-or-later
// The private representations behind x509::PublicKey and x509::PrivateKey,
// and small helpers shared by the key module's own source files (key.cc for
// public keys and signatures, key-der.cc for private-key encodings).
#pragma once

#include <string>
#include <vector>

#include "core/asn1/asn1.hh"
#include "core/pk/ecc.hh"
#include "core/pk/edwards.hh"
#include "core/pk/gost.hh"
#include "core/pk/rsa.hh"
#include "core/x509/key.hh"

namespace tlshim::x509 {

struct PublicKey::Impl {
    gnutls_pk_algorithm_t pk = GNUTLS_PK_UNKNOWN;
    gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;
    PssParams pss;
    pk::RsaPublicKey rsa;   // RSA, RSA-PSS
    pk::EcPoint ec;         // ECDSA, GOST R 34.10
    pk::RawCurveKey raw;    // EdDSA, X25519/X448
    // GOST keys: the digest and GOST 28147 parameter set of the key's
    // parameters (the defaults for the key type when they were absent).
    gnutls_digest_algorithm_t gost_digest = GNUTLS_DIG_UNKNOWN;
    gnutls_gost_paramset_t gost_paramset = GNUTLS_GOST_PARAMSET_UNKNOWN;
};

struct PrivateKey::Impl {
    gnutls_pk_algorithm_t pk = GNUTLS_PK_UNKNOWN;
    gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;
    PssParams pss;
    pk::RsaPrivateKey rsa;
    pk::EcKey ec;           // ECDSA, GOST R 34.10
    pk::RawCurveKey raw;
    gnutls_digest_algorithm_t gost_digest = GNUTLS_DIG_UNKNOWN;
    gnutls_gost_paramset_t gost_paramset = GNUTLS_GOST_PARAMSET_UNKNOWN;
    // A generated GOST key: GnuTLS's native export (gnutls_x509_privkey_export)
    // writes such a key as the bare private-value OCTET STRING under the PEM
    // label "UNKNOWN" instead of PKCS#8; we write the same bytes.
    bool gost_bare = false;
    // Whether the ECPrivateKey we encode names its curve: GnuTLS re-encodes
    // a SEC1 key the way it was imported, so a key taken from PKCS#8
    // without inner parameters is exported without them.
    bool sec1_params = true;
    // The length of the ECPrivateKey's privateKey octets as imported (GnuTLS
    // writes them back unchanged); 0: the scalar's minimal length.
    std::size_t sec1_scalar_len = 0;
};

namespace keyutil {

// libtasn1 writes: raw value bytes (len in bytes, bits for BIT STRING).
Err write(asn1::Node &n, const char *path, const void *value, int len) noexcept;
Err write(asn1::Node &n, const char *path, Bytes value) noexcept;
// An OBJECT IDENTIFIER in dotted text.
Err write_oid(asn1::Node &n, const char *path, const char *oid) noexcept;
// An unsigned big-endian integer (a zero octet is prepended when needed).
Err write_uint(asn1::Node &n, const char *path, Bytes big_endian);
// An absent OPTIONAL element.
Err write_absent(asn1::Node &n, const char *path) noexcept;

// A big-endian INTEGER read as unsigned (leading zero octets removed).
Bytes unsigned_view(const std::vector<std::uint8_t> &v) noexcept;
// Bits of an unsigned big-endian number.
unsigned bit_length(Bytes v) noexcept;

// The curve for a pk algorithm of the raw-curve family, INVALID otherwise.
gnutls_ecc_curve_t raw_curve_of(gnutls_pk_algorithm_t pk) noexcept;
gnutls_pk_algorithm_t pk_of_raw_curve(gnutls_ecc_curve_t c) noexcept;
// Key size in bits as GnuTLS reports it for a curve.
unsigned curve_bits(gnutls_ecc_curve_t c) noexcept;

// AlgorithmIdentifier parameters for a key: RSA NULL, ECDSA named curve,
// RSA-PSS parameters when restricted; empty = absent.
Err key_algorithm_params(gnutls_pk_algorithm_t pk, gnutls_ecc_curve_t curve, const PssParams &pss,
                         std::vector<std::uint8_t> &der);
// Decodes ECParameters (named curve) into a supported curve.
Err decode_ec_params(Bytes der, gnutls_ecc_curve_t &curve);

// ---- GOST R 34.10 keys ----
bool is_gost(gnutls_pk_algorithm_t pk) noexcept;
// The digest and parameter set a GOST key has when its parameters do not
// name them; the key type a digest implies (GOST R 34.11-94: 2001,
// Streebog: 2012 of that size), UNKNOWN for other digests.
gnutls_digest_algorithm_t gost_default_digest(gnutls_pk_algorithm_t pk) noexcept;
gnutls_gost_paramset_t gost_default_paramset(gnutls_pk_algorithm_t pk) noexcept;
gnutls_pk_algorithm_t gost_pk_of_digest(gnutls_digest_algorithm_t d) noexcept;
// A curve a GOST key of type pk can live on: one Nettle has
// (Err::ecc_unsupported_curve otherwise) of the key's size
// (Err::invalid_request otherwise; 2001 and 2012-256 on 256-bit curves).
Err gost_check_curve(gnutls_pk_algorithm_t pk, gnutls_ecc_curve_t curve) noexcept;
// GostR3410-PublicKeyParameters: the curve, the digest (left out for
// GOST R 34.10-2012-256 on the TC26 curves, as GnuTLS writes them) and the
// parameter set (written only for a 2001 key whose set is not CryptoPro-A).
Err encode_gost_params(gnutls_pk_algorithm_t pk, gnutls_ecc_curve_t curve, gnutls_digest_algorithm_t digest,
                       gnutls_gost_paramset_t paramset, std::vector<std::uint8_t> &der);
Err decode_gost_params(gnutls_pk_algorithm_t pk, Bytes der, gnutls_ecc_curve_t &curve,
                       gnutls_digest_algorithm_t &digest, gnutls_gost_paramset_t &paramset);
// The public point as LE(X) || LE(Y), each at the curve's length, and back.
Err gost_point_le(const pk::EcPoint &p, std::vector<std::uint8_t> &out);
Err gost_point_from_le(gnutls_ecc_curve_t curve, Bytes le, pk::EcPoint &p);
// The coordinates little-endian without their most significant zero bytes
// (the raw-export form).
Err gost_point_raw(const pk::EcPoint &p, SecretBytes &x_le, SecretBytes &y_le);
// The checks of a raw GOST import: the key type the digest implies, a curve
// for it (gost_check_curve) and a known parameter set (UNKNOWN becomes the
// type's default).
Err gost_raw_params(gnutls_digest_algorithm_t digest, gnutls_ecc_curve_t curve, gnutls_gost_paramset_t &paramset,
                    gnutls_pk_algorithm_t &pk) noexcept;
// Records a GOST key's identity in a PublicKey::Impl or PrivateKey::Impl.
template <typename Impl>
void set_gost(Impl &im, gnutls_pk_algorithm_t pk, gnutls_ecc_curve_t curve, gnutls_digest_algorithm_t digest,
              gnutls_gost_paramset_t paramset) noexcept
{
    im.pk = pk;
    im.curve = curve;
    im.gost_digest = digest;
    im.gost_paramset = paramset;
}
// A little-endian number as big-endian at exactly len bytes; false when it
// does not fit.
bool le_to_be(Bytes le, std::size_t len, SecretBytes &out);
// A little-endian number without its most significant zero bytes (the
// form GnuTLS gives GOST values in: raw export, the PKCS#8 private value).
Bytes le_minimal(Bytes le) noexcept;

}  // namespace keyutil

}  // namespace tlshim::x509
