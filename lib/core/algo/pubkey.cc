// SPDX-License-Identifier: LGPL-2.1-or-later
// Public-key algorithms, signature algorithms, curves, groups, security levels.
#include "core/algo/table.hh"

namespace tlshim::algo {
namespace {

constexpr gnutls_pk_algorithm_t kNoPk = GNUTLS_PK_UNKNOWN;

// In the order of gnutls_pk_list(); unlisted rows follow.  Several rows share
// an id: their names and OIDs are further spellings of the same algorithm.
// id, name, OID, curve-based, listed
constexpr Pk kPks[] = {
    {GNUTLS_PK_RSA, "RSA", "1.2.840.113549.1.1.1", false, true},
    {GNUTLS_PK_RSA_PSS, "RSA-PSS", "1.2.840.113549.1.1.10", false, true},
    {GNUTLS_PK_RSA, "RSA (X.509)", "2.5.8.1.1", false, true},
    {GNUTLS_PK_DSA, "DSA", "1.2.840.10040.4.1", false, true},
    {GNUTLS_PK_GOST_12_512, "GOST R 34.10-2012-512", "1.2.643.7.1.1.1.2", true, true},
    {GNUTLS_PK_GOST_12_256, "GOST R 34.10-2012-256", "1.2.643.7.1.1.1.1", true, true},
    {GNUTLS_PK_GOST_01, "GOST R 34.10-2001", "1.2.643.2.2.19", true, true},
    {GNUTLS_PK_ECDSA, "EC/ECDSA", "1.2.840.10045.2.1", true, true},
    {GNUTLS_PK_EDDSA_ED25519, "EdDSA (Ed25519)", "1.3.101.112", true, true},
    {GNUTLS_PK_EDDSA_ED448, "EdDSA (Ed448)", "1.3.101.113", true, true},
    {GNUTLS_PK_DH, "DH", nullptr, false, true},
    {GNUTLS_PK_ECDH_X25519, "ECDH (X25519)", "1.3.101.110", true, true},
    {GNUTLS_PK_ECDH_X448, "ECDH (X448)", "1.3.101.111", true, true},
    // RSA keys found in certificates under a signature algorithm's OID.
    {GNUTLS_PK_RSA, "RSA-MD5", "1.2.840.113549.1.1.4", false, false},
    {GNUTLS_PK_RSA, "RSA-SHA1", "1.2.840.113549.1.1.5", false, false},
    {GNUTLS_PK_RSA, "RSA-SHA1", "1.3.14.3.2.29", false, false},
    // GnuTLS reports this name for the id 0 (no algorithm of its own).
    {GNUTLS_PK_UNKNOWN, "GOST R 34.10-94", nullptr, false, false},
};

TLSHIM_ALGO_LIST(kPkList, gnutls_pk_algorithm_t, kPks, r.listed);

// In the order of gnutls_sign_list().
//  id, name, OID, hash, pk, second pk, TLS code point, curve,
//  TLS 1.2, TLS 1.3 offer, TLS 1.3 CertificateVerify, secure, secure for certificates
#define S_RSA_PSS(id, name, hash, code) \
    {id, name, "1.2.840.113549.1.1.10", hash, GNUTLS_PK_RSA_PSS, GNUTLS_PK_RSA, code, GNUTLS_ECC_CURVE_INVALID, true, true, true, true, true}
#define S_NOTLS(id, name, oid, hash, pk) \
    {id, name, oid, hash, pk, kNoPk, 0, GNUTLS_ECC_CURVE_INVALID, false, false, false, true, true}
#define S_WEAK(id, name, oid, hash, pk, code, tls13) \
    {id, name, oid, hash, pk, kNoPk, code, GNUTLS_ECC_CURVE_INVALID, code != 0, tls13, false, true, false}
constexpr Sign kSigns[] = {
    {GNUTLS_SIGN_RSA_SHA256, "RSA-SHA256", "1.2.840.113549.1.1.11", GNUTLS_DIG_SHA256, GNUTLS_PK_RSA, kNoPk, 0x0401, GNUTLS_ECC_CURVE_INVALID, true, true, false, true, true},
    {GNUTLS_SIGN_RSA_SHA384, "RSA-SHA384", "1.2.840.113549.1.1.12", GNUTLS_DIG_SHA384, GNUTLS_PK_RSA, kNoPk, 0x0501, GNUTLS_ECC_CURVE_INVALID, true, true, false, true, true},
    {GNUTLS_SIGN_RSA_SHA512, "RSA-SHA512", "1.2.840.113549.1.1.13", GNUTLS_DIG_SHA512, GNUTLS_PK_RSA, kNoPk, 0x0601, GNUTLS_ECC_CURVE_INVALID, true, true, false, true, true},
    S_RSA_PSS(GNUTLS_SIGN_RSA_PSS_SHA256, "RSA-PSS-SHA256", GNUTLS_DIG_SHA256, 0x0809),
    S_RSA_PSS(GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, "RSA-PSS-RSAE-SHA256", GNUTLS_DIG_SHA256, 0x0804),
    S_RSA_PSS(GNUTLS_SIGN_RSA_PSS_SHA384, "RSA-PSS-SHA384", GNUTLS_DIG_SHA384, 0x080a),
    S_RSA_PSS(GNUTLS_SIGN_RSA_PSS_RSAE_SHA384, "RSA-PSS-RSAE-SHA384", GNUTLS_DIG_SHA384, 0x0805),
    S_RSA_PSS(GNUTLS_SIGN_RSA_PSS_SHA512, "RSA-PSS-SHA512", GNUTLS_DIG_SHA512, 0x080b),
    S_RSA_PSS(GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, "RSA-PSS-RSAE-SHA512", GNUTLS_DIG_SHA512, 0x0806),
    {GNUTLS_SIGN_EDDSA_ED25519, "EdDSA-Ed25519", "1.3.101.112", GNUTLS_DIG_SHA512, GNUTLS_PK_EDDSA_ED25519, kNoPk, 0x0807, GNUTLS_ECC_CURVE_INVALID, true, true, true, true, true},
    {GNUTLS_SIGN_EDDSA_ED448, "EdDSA-Ed448", "1.3.101.113", GNUTLS_DIG_SHAKE_256, GNUTLS_PK_EDDSA_ED448, kNoPk, 0x0808, GNUTLS_ECC_CURVE_INVALID, true, true, true, true, true},
    // TLS 1.2 meaning of 0x0403/0x0503/0x0603: ECDSA on any curve.
    {GNUTLS_SIGN_ECDSA_SHA256, "ECDSA-SHA256", "1.2.840.10045.4.3.2", GNUTLS_DIG_SHA256, GNUTLS_PK_ECDSA, kNoPk, 0x0403, GNUTLS_ECC_CURVE_INVALID, true, false, false, true, true},
    {GNUTLS_SIGN_ECDSA_SHA384, "ECDSA-SHA384", "1.2.840.10045.4.3.3", GNUTLS_DIG_SHA384, GNUTLS_PK_ECDSA, kNoPk, 0x0503, GNUTLS_ECC_CURVE_INVALID, true, false, false, true, true},
    {GNUTLS_SIGN_ECDSA_SHA512, "ECDSA-SHA512", "1.2.840.10045.4.3.4", GNUTLS_DIG_SHA512, GNUTLS_PK_ECDSA, kNoPk, 0x0603, GNUTLS_ECC_CURVE_INVALID, true, false, false, true, true},
    // TLS 1.3 meaning of the same code points: each bound to one curve.
    {GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, "ECDSA-SECP256R1-SHA256", nullptr, GNUTLS_DIG_SHA256, GNUTLS_PK_ECDSA, kNoPk, 0x0403, GNUTLS_ECC_CURVE_SECP256R1, false, true, true, true, true},
    {GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, "ECDSA-SECP384R1-SHA384", nullptr, GNUTLS_DIG_SHA384, GNUTLS_PK_ECDSA, kNoPk, 0x0503, GNUTLS_ECC_CURVE_SECP384R1, false, true, true, true, true},
    {GNUTLS_SIGN_ECDSA_SECP521R1_SHA512, "ECDSA-SECP521R1-SHA512", nullptr, GNUTLS_DIG_SHA512, GNUTLS_PK_ECDSA, kNoPk, 0x0603, GNUTLS_ECC_CURVE_SECP521R1, false, true, true, true, true},
    S_NOTLS(GNUTLS_SIGN_ECDSA_SHA3_224, "ECDSA-SHA3-224", "2.16.840.1.101.3.4.3.9", GNUTLS_DIG_SHA3_224, GNUTLS_PK_ECDSA),
    S_NOTLS(GNUTLS_SIGN_ECDSA_SHA3_256, "ECDSA-SHA3-256", "2.16.840.1.101.3.4.3.10", GNUTLS_DIG_SHA3_256, GNUTLS_PK_ECDSA),
    S_NOTLS(GNUTLS_SIGN_ECDSA_SHA3_384, "ECDSA-SHA3-384", "2.16.840.1.101.3.4.3.11", GNUTLS_DIG_SHA3_384, GNUTLS_PK_ECDSA),
    S_NOTLS(GNUTLS_SIGN_ECDSA_SHA3_512, "ECDSA-SHA3-512", "2.16.840.1.101.3.4.3.12", GNUTLS_DIG_SHA3_512, GNUTLS_PK_ECDSA),
    S_NOTLS(GNUTLS_SIGN_RSA_SHA3_224, "RSA-SHA3-224", "2.16.840.1.101.3.4.3.13", GNUTLS_DIG_SHA3_224, GNUTLS_PK_RSA),
    S_NOTLS(GNUTLS_SIGN_RSA_SHA3_256, "RSA-SHA3-256", "2.16.840.1.101.3.4.3.14", GNUTLS_DIG_SHA3_256, GNUTLS_PK_RSA),
    S_NOTLS(GNUTLS_SIGN_RSA_SHA3_384, "RSA-SHA3-384", "2.16.840.1.101.3.4.3.15", GNUTLS_DIG_SHA3_384, GNUTLS_PK_RSA),
    S_NOTLS(GNUTLS_SIGN_RSA_SHA3_512, "RSA-SHA3-512", "2.16.840.1.101.3.4.3.16", GNUTLS_DIG_SHA3_512, GNUTLS_PK_RSA),
    S_NOTLS(GNUTLS_SIGN_DSA_SHA3_224, "DSA-SHA3-224", "2.16.840.1.101.3.4.3.5", GNUTLS_DIG_SHA3_224, GNUTLS_PK_DSA),
    S_NOTLS(GNUTLS_SIGN_DSA_SHA3_256, "DSA-SHA3-256", "2.16.840.1.101.3.4.3.6", GNUTLS_DIG_SHA3_256, GNUTLS_PK_DSA),
    S_NOTLS(GNUTLS_SIGN_DSA_SHA3_384, "DSA-SHA3-384", "2.16.840.1.101.3.4.3.7", GNUTLS_DIG_SHA3_384, GNUTLS_PK_DSA),
    S_NOTLS(GNUTLS_SIGN_DSA_SHA3_512, "DSA-SHA3-512", "2.16.840.1.101.3.4.3.8", GNUTLS_DIG_SHA3_512, GNUTLS_PK_DSA),
    // PKCS #1 v1.5 padding without a DigestInfo (the TLS 1.0/1.1 signature).
    S_NOTLS(GNUTLS_SIGN_RSA_RAW, "RSA-RAW", nullptr, GNUTLS_DIG_UNKNOWN, GNUTLS_PK_RSA),
    S_WEAK(GNUTLS_SIGN_RSA_SHA1, "RSA-SHA1", "1.2.840.113549.1.1.5", GNUTLS_DIG_SHA1, GNUTLS_PK_RSA, 0x0201, true),
    S_WEAK(GNUTLS_SIGN_RSA_SHA1, "RSA-SHA1", "1.3.14.3.2.29", GNUTLS_DIG_SHA1, GNUTLS_PK_RSA, 0x0201, true),
    S_NOTLS(GNUTLS_SIGN_RSA_SHA224, "RSA-SHA224", "1.2.840.113549.1.1.14", GNUTLS_DIG_SHA224, GNUTLS_PK_RSA),
    S_WEAK(GNUTLS_SIGN_RSA_RMD160, "RSA-RMD160", "1.3.36.3.3.1.2", GNUTLS_DIG_RMD160, GNUTLS_PK_RSA, 0, false),
    S_WEAK(GNUTLS_SIGN_DSA_SHA1, "DSA-SHA1", "1.2.840.10040.4.3", GNUTLS_DIG_SHA1, GNUTLS_PK_DSA, 0x0202, false),
    S_WEAK(GNUTLS_SIGN_DSA_SHA1, "DSA-SHA1", "1.3.14.3.2.27", GNUTLS_DIG_SHA1, GNUTLS_PK_DSA, 0x0202, false),
    S_NOTLS(GNUTLS_SIGN_DSA_SHA224, "DSA-SHA224", "2.16.840.1.101.3.4.3.1", GNUTLS_DIG_SHA224, GNUTLS_PK_DSA),
    S_NOTLS(GNUTLS_SIGN_DSA_SHA256, "DSA-SHA256", "2.16.840.1.101.3.4.3.2", GNUTLS_DIG_SHA256, GNUTLS_PK_DSA),
    {GNUTLS_SIGN_RSA_MD5, "RSA-MD5", "1.2.840.113549.1.1.4", GNUTLS_DIG_MD5, GNUTLS_PK_RSA, kNoPk, 0, GNUTLS_ECC_CURVE_INVALID, false, false, false, false, false},
    {GNUTLS_SIGN_RSA_MD5, "RSA-MD5", "1.3.14.3.2.25", GNUTLS_DIG_MD5, GNUTLS_PK_RSA, kNoPk, 0, GNUTLS_ECC_CURVE_INVALID, false, false, false, false, false},
    {GNUTLS_SIGN_RSA_MD2, "RSA-MD2", "1.2.840.113549.1.1.2", GNUTLS_DIG_MD2, GNUTLS_PK_RSA, kNoPk, 0, GNUTLS_ECC_CURVE_INVALID, false, false, false, false, false},
    S_WEAK(GNUTLS_SIGN_ECDSA_SHA1, "ECDSA-SHA1", "1.2.840.10045.4.1", GNUTLS_DIG_SHA1, GNUTLS_PK_ECDSA, 0x0203, true),
    S_NOTLS(GNUTLS_SIGN_ECDSA_SHA224, "ECDSA-SHA224", "1.2.840.10045.4.3.1", GNUTLS_DIG_SHA224, GNUTLS_PK_ECDSA),
    // GOST R 34.10-2012 in TLS 1.2 (RFC 9189 code points).
    {GNUTLS_SIGN_GOST_512, "GOSTR341012-512", "1.2.643.7.1.1.3.3", GNUTLS_DIG_STREEBOG_512, GNUTLS_PK_GOST_12_512, kNoPk, 0x0841, GNUTLS_ECC_CURVE_INVALID, true, false, false, true, true},
    {GNUTLS_SIGN_GOST_256, "GOSTR341012-256", "1.2.643.7.1.1.3.2", GNUTLS_DIG_STREEBOG_256, GNUTLS_PK_GOST_12_256, kNoPk, 0x0840, GNUTLS_ECC_CURVE_INVALID, true, false, false, true, true},
    // GOST R 34.11-94 is no longer trusted.
    {GNUTLS_SIGN_GOST_94, "GOSTR341001", "1.2.643.2.2.3", GNUTLS_DIG_GOSTR_94, GNUTLS_PK_GOST_01, kNoPk, 0, GNUTLS_ECC_CURVE_INVALID, false, false, false, false, false},
    S_NOTLS(GNUTLS_SIGN_DSA_SHA384, "DSA-SHA384", "2.16.840.1.101.3.4.3.3", GNUTLS_DIG_SHA384, GNUTLS_PK_DSA),
    S_NOTLS(GNUTLS_SIGN_DSA_SHA512, "DSA-SHA512", "2.16.840.1.101.3.4.3.4", GNUTLS_DIG_SHA512, GNUTLS_PK_DSA),
};
#undef S_RSA_PSS
#undef S_NOTLS
#undef S_WEAK

TLSHIM_ALGO_LIST(kSignList, gnutls_sign_algorithm_t, kSigns, true);

// In the order of gnutls_ecc_curve_list(); the unsupported curves sit next
// to their supported relatives.
// id, name, OID, size, pk (as reported), group, supported
constexpr Curve kCurves[] = {
    {GNUTLS_ECC_CURVE_SECP192R1, "SECP192R1", "1.2.840.10045.3.1.1", 24, GNUTLS_PK_ECDSA, GNUTLS_GROUP_SECP192R1, true},
    {GNUTLS_ECC_CURVE_SECP224R1, "SECP224R1", "1.3.132.0.33", 28, GNUTLS_PK_ECDSA, GNUTLS_GROUP_SECP224R1, true},
    {GNUTLS_ECC_CURVE_SECP256R1, "SECP256R1", "1.2.840.10045.3.1.7", 32, GNUTLS_PK_ECDSA, GNUTLS_GROUP_SECP256R1, true},
    {GNUTLS_ECC_CURVE_SECP384R1, "SECP384R1", "1.3.132.0.34", 48, GNUTLS_PK_ECDSA, GNUTLS_GROUP_SECP384R1, true},
    {GNUTLS_ECC_CURVE_SECP521R1, "SECP521R1", "1.3.132.0.35", 66, GNUTLS_PK_ECDSA, GNUTLS_GROUP_SECP521R1, true},
    {GNUTLS_ECC_CURVE_X25519, "X25519", "1.3.101.110", 32, GNUTLS_PK_ECDH_X25519, GNUTLS_GROUP_X25519, true},
    {GNUTLS_ECC_CURVE_ED25519, "Ed25519", "1.3.101.112", 32, GNUTLS_PK_EDDSA_ED25519, GNUTLS_GROUP_INVALID, true},
    {GNUTLS_ECC_CURVE_X448, "X448", "1.3.101.111", 56, GNUTLS_PK_ECDH_X448, GNUTLS_GROUP_X448, true},
    {GNUTLS_ECC_CURVE_ED448, "Ed448", "1.3.101.113", 57, GNUTLS_PK_EDDSA_ED448, GNUTLS_GROUP_INVALID, true},
    // GOST R 34.10-2001 parameter sets (GnuTLS reports no key type for them).
    {GNUTLS_ECC_CURVE_GOST256CPA, "CryptoPro-A", "1.2.643.2.2.35.1", 32, kNoPk, GNUTLS_GROUP_INVALID, true},
    {GNUTLS_ECC_CURVE_GOST256CPB, "CryptoPro-B", "1.2.643.2.2.35.2", 32, kNoPk, GNUTLS_GROUP_INVALID, false},
    {GNUTLS_ECC_CURVE_GOST256CPC, "CryptoPro-C", "1.2.643.2.2.35.3", 32, kNoPk, GNUTLS_GROUP_INVALID, false},
    {GNUTLS_ECC_CURVE_GOST256CPXA, "CryptoPro-XchA", "1.2.643.2.2.36.0", 32, kNoPk, GNUTLS_GROUP_INVALID, true},
    {GNUTLS_ECC_CURVE_GOST256CPXB, "CryptoPro-XchB", "1.2.643.2.2.36.1", 32, kNoPk, GNUTLS_GROUP_INVALID, false},
    // GOST R 34.10-2012 (TC26) curves.
    {GNUTLS_ECC_CURVE_GOST256A, "TC26-256-A", "1.2.643.7.1.2.1.1.1", 32, GNUTLS_PK_GOST_12_256, GNUTLS_GROUP_GC256A, false},
    {GNUTLS_ECC_CURVE_GOST256B, "TC26-256-B", "1.2.643.7.1.2.1.1.2", 32, GNUTLS_PK_GOST_12_256, GNUTLS_GROUP_GC256B, true},
    {GNUTLS_ECC_CURVE_GOST256C, "TC26-256-C", "1.2.643.7.1.2.1.1.3", 32, GNUTLS_PK_GOST_12_256, GNUTLS_GROUP_GC256C, false},
    {GNUTLS_ECC_CURVE_GOST256D, "TC26-256-D", "1.2.643.7.1.2.1.1.4", 32, GNUTLS_PK_GOST_12_256, GNUTLS_GROUP_GC256D, false},
    {GNUTLS_ECC_CURVE_GOST512A, "TC26-512-A", "1.2.643.7.1.2.1.2.1", 64, GNUTLS_PK_GOST_12_512, GNUTLS_GROUP_GC512A, true},
    {GNUTLS_ECC_CURVE_GOST512B, "TC26-512-B", "1.2.643.7.1.2.1.2.2", 64, GNUTLS_PK_GOST_12_512, GNUTLS_GROUP_GC512B, false},
    {GNUTLS_ECC_CURVE_GOST512C, "TC26-512-C", "1.2.643.7.1.2.1.2.3", 64, GNUTLS_PK_GOST_12_512, GNUTLS_GROUP_GC512C, false},
};

TLSHIM_ALGO_LIST(kCurveList, gnutls_ecc_curve_t, kCurves, r.supported);

using G = GroupKind;
constexpr gnutls_ecc_curve_t kNoCurve = GNUTLS_ECC_CURVE_INVALID;

// In the order of gnutls_group_list(); unlisted rows follow.
// id, name, TLS code point, kind, curve, pk, prime bits, TLS 1.3 share size, TLS 1.3, listed
constexpr Group kGroups[] = {
    {GNUTLS_GROUP_SECP192R1, "SECP192R1", 0x0013, G::ec, GNUTLS_ECC_CURVE_SECP192R1, GNUTLS_PK_ECDSA, 0, 49, true, true},
    {GNUTLS_GROUP_SECP224R1, "SECP224R1", 0x0015, G::ec, GNUTLS_ECC_CURVE_SECP224R1, GNUTLS_PK_ECDSA, 0, 57, true, true},
    {GNUTLS_GROUP_SECP256R1, "SECP256R1", 0x0017, G::ec, GNUTLS_ECC_CURVE_SECP256R1, GNUTLS_PK_ECDSA, 0, 65, true, true},
    {GNUTLS_GROUP_SECP384R1, "SECP384R1", 0x0018, G::ec, GNUTLS_ECC_CURVE_SECP384R1, GNUTLS_PK_ECDSA, 0, 97, true, true},
    {GNUTLS_GROUP_SECP521R1, "SECP521R1", 0x0019, G::ec, GNUTLS_ECC_CURVE_SECP521R1, GNUTLS_PK_ECDSA, 0, 133, true, true},
    {GNUTLS_GROUP_X25519, "X25519", 0x001d, G::montgomery, GNUTLS_ECC_CURVE_X25519, GNUTLS_PK_ECDH_X25519, 0, 32, true, true},
    {GNUTLS_GROUP_GC256B, "GC256B", 0x0023, G::gost, GNUTLS_ECC_CURVE_GOST256B, GNUTLS_PK_GOST_12_256, 0, 0, false, true},
    {GNUTLS_GROUP_GC512A, "GC512A", 0x0026, G::gost, GNUTLS_ECC_CURVE_GOST512A, GNUTLS_PK_GOST_12_512, 0, 0, false, true},
    {GNUTLS_GROUP_X448, "X448", 0x001e, G::montgomery, GNUTLS_ECC_CURVE_X448, GNUTLS_PK_ECDH_X448, 0, 56, true, true},
    {GNUTLS_GROUP_FFDHE2048, "FFDHE2048", 0x0100, G::ffdhe, kNoCurve, GNUTLS_PK_DH, 2048, 256, true, true},
    {GNUTLS_GROUP_FFDHE3072, "FFDHE3072", 0x0101, G::ffdhe, kNoCurve, GNUTLS_PK_DH, 3072, 384, true, true},
    {GNUTLS_GROUP_FFDHE4096, "FFDHE4096", 0x0102, G::ffdhe, kNoCurve, GNUTLS_PK_DH, 4096, 512, true, true},
    {GNUTLS_GROUP_FFDHE6144, "FFDHE6144", 0x0103, G::ffdhe, kNoCurve, GNUTLS_PK_DH, 6144, 768, true, true},
    {GNUTLS_GROUP_FFDHE8192, "FFDHE8192", 0x0104, G::ffdhe, kNoCurve, GNUTLS_PK_DH, 8192, 1024, true, true},
    // Named by GnuTLS, but on curves tlshim does not compute on.
    {GNUTLS_GROUP_GC256A, "GC256A", 0x0022, G::gost, GNUTLS_ECC_CURVE_GOST256A, GNUTLS_PK_GOST_12_256, 0, 0, false, false},
    {GNUTLS_GROUP_GC256C, "GC256C", 0x0024, G::gost, GNUTLS_ECC_CURVE_GOST256C, GNUTLS_PK_GOST_12_256, 0, 0, false, false},
    {GNUTLS_GROUP_GC256D, "GC256D", 0x0025, G::gost, GNUTLS_ECC_CURVE_GOST256D, GNUTLS_PK_GOST_12_256, 0, 0, false, false},
    {GNUTLS_GROUP_GC512B, "GC512B", 0x0027, G::gost, GNUTLS_ECC_CURVE_GOST512B, GNUTLS_PK_GOST_12_512, 0, 0, false, false},
    {GNUTLS_GROUP_GC512C, "GC512C", 0x0028, G::gost, GNUTLS_ECC_CURVE_GOST512C, GNUTLS_PK_GOST_12_512, 0, 0, false, false},
};

TLSHIM_ALGO_LIST(kGroupList, gnutls_group_t, kGroups, r.listed);

// Ascending strength.  id, name, symmetric bits, RSA/DH bits, DSA bits, ECC bits
constexpr SecParam kSecParams[] = {
    {GNUTLS_SEC_PARAM_INSECURE, "Insecure", 0, 0, 0, 0},
    {GNUTLS_SEC_PARAM_EXPORT, "Export", 42, 512, 0, 0},
    {GNUTLS_SEC_PARAM_VERY_WEAK, "Very weak", 64, 767, 0, 0},
    {GNUTLS_SEC_PARAM_WEAK, "Weak", 72, 1008, 1008, 160},
    {GNUTLS_SEC_PARAM_LOW, "Low", 80, 1024, 1024, 160},
    {GNUTLS_SEC_PARAM_LEGACY, "Legacy", 96, 1776, 2048, 192},
    {GNUTLS_SEC_PARAM_MEDIUM, "Medium", 112, 2048, 2048, 224},
    {GNUTLS_SEC_PARAM_HIGH, "High", 128, 3072, 3072, 256},
    {GNUTLS_SEC_PARAM_ULTRA, "Ultra", 192, 8192, 8192, 384},
    {GNUTLS_SEC_PARAM_FUTURE, "Future", 256, 15360, 15360, 512},
};

constexpr GostParamset kGostParamsets[] = {
    {GNUTLS_GOST_PARAMSET_TC26_Z, "TC26-Z", "1.2.643.7.1.2.5.1.1"},
    {GNUTLS_GOST_PARAMSET_CP_A, "CryptoPro-A", "1.2.643.2.2.31.1"},
    {GNUTLS_GOST_PARAMSET_CP_B, "CryptoPro-B", "1.2.643.2.2.31.2"},
    {GNUTLS_GOST_PARAMSET_CP_C, "CryptoPro-C", "1.2.643.2.2.31.3"},
    {GNUTLS_GOST_PARAMSET_CP_D, "CryptoPro-D", "1.2.643.2.2.31.4"},
};

}  // namespace

// ---- public-key algorithms

std::span<const Pk> pk_table() noexcept
{
    return kPks;
}

const Pk *pk(int id) noexcept
{
    if (id == GNUTLS_PK_UNKNOWN)
        return nullptr;
    return detail::find(kPks, [id](const Pk &p) { return p.id == id; });
}

const char *pk_name(int id) noexcept
{
    const Pk *p = detail::find(kPks, [id](const Pk &r) { return r.id == id; });
    return p != nullptr ? p->name : nullptr;
}

const Pk *pk_by_name(std::string_view name) noexcept
{
    return detail::find(kPks, [name](const Pk &p) { return detail::same(p.name, name); });
}

const Pk *pk_by_oid(std::string_view oid) noexcept
{
    return detail::find(kPks, [oid](const Pk &p) { return detail::same(p.oid, oid); });
}

const gnutls_pk_algorithm_t *pk_list() noexcept
{
    return kPkList.data();
}

bool pk_is_curve_based(int id) noexcept
{
    const Pk *p = pk(id);
    return p != nullptr && p->curve_based;
}

// ---- signatures

std::span<const Sign> sign_table() noexcept
{
    return kSigns;
}

const Sign *sign(int id) noexcept
{
    return detail::find(kSigns, [id](const Sign &s) { return s.id == id; });
}

const Sign *sign_by_name(std::string_view name) noexcept
{
    return detail::find(kSigns, [name](const Sign &s) { return iequals(s.name, name); });
}

const Sign *sign_by_oid(std::string_view oid) noexcept
{
    return detail::find(kSigns, [oid](const Sign &s) { return detail::same(s.oid, oid); });
}

const Sign *sign_by_pk_hash(int pk, int hash) noexcept
{
    return detail::find(kSigns, [pk, hash](const Sign &s) { return s.pk == pk && s.hash == hash; });
}

const Sign *sign_by_tls_id(std::uint16_t tls_id, bool tls13) noexcept
{
    if (tls_id == 0)
        return nullptr;
    return detail::find(kSigns, [tls_id, tls13](const Sign &s) {
        return s.tls_id == tls_id && (tls13 ? s.tls13 : s.tls12);
    });
}

const gnutls_sign_algorithm_t *sign_list() noexcept
{
    return kSignList.data();
}

bool sign_supports_pk(const Sign &s, int pk) noexcept
{
    return pk != GNUTLS_PK_UNKNOWN && (s.pk == pk || s.pk2 == pk);
}

// ---- curves and groups

std::span<const Curve> curve_table() noexcept
{
    return kCurves;
}

const Curve *curve(int id) noexcept
{
    return detail::find(kCurves, [id](const Curve &c) { return c.id == id; });
}

const Curve *curve_by_name(std::string_view name) noexcept
{
    return detail::find(kCurves, [name](const Curve &c) { return c.supported && iequals(c.name, name); });
}

const Curve *curve_by_oid(std::string_view oid) noexcept
{
    return detail::find(kCurves, [oid](const Curve &c) { return c.supported && detail::same(c.oid, oid); });
}

const gnutls_ecc_curve_t *curve_list() noexcept
{
    return kCurveList.data();
}

std::span<const Group> group_table() noexcept
{
    return kGroups;
}

const Group *group(int id) noexcept
{
    return detail::find(kGroups, [id](const Group &g) { return g.id == id; });
}

const Group *group_by_name(std::string_view name) noexcept
{
    return detail::find(kGroups, [name](const Group &g) { return g.listed && iequals(g.name, name); });
}

const Group *group_by_tls_id(std::uint16_t tls_id) noexcept
{
    return detail::find(kGroups, [tls_id](const Group &g) { return g.tls_id == tls_id; });
}

const gnutls_group_t *group_list() noexcept
{
    return kGroupList.data();
}

// ---- security levels

std::span<const SecParam> sec_param_table() noexcept
{
    return kSecParams;
}

const SecParam *sec_param(int id) noexcept
{
    return detail::find(kSecParams, [id](const SecParam &s) { return s.id == id; });
}

unsigned sec_param_to_pk_bits(int pk, int param) noexcept
{
    const SecParam *s = sec_param(param);
    if (s == nullptr)
        return 0;
    if (pk == GNUTLS_PK_DSA)
        return s->dsa_bits;
    return pk_is_curve_based(pk) ? s->ecc_bits : s->pk_bits;
}

gnutls_sec_param_t pk_bits_to_sec_param(int pk, unsigned bits) noexcept
{
    if (bits == 0)
        return GNUTLS_SEC_PARAM_UNKNOWN;
    const bool ecc = pk_is_curve_based(pk);
    gnutls_sec_param_t best = GNUTLS_SEC_PARAM_UNKNOWN;
    for (const SecParam &s : kSecParams) {
        if ((ecc ? s.ecc_bits : s.pk_bits) > bits)
            break;
        best = s.id;
    }
    return best;
}

// ---- GOST 28147 parameter sets

const GostParamset *gost_paramset(int id) noexcept
{
    return detail::find(kGostParamsets, [id](const GostParamset &g) { return g.id == id; });
}

const GostParamset *gost_paramset_by_oid(std::string_view oid) noexcept
{
    return detail::find(kGostParamsets, [oid](const GostParamset &g) { return detail::same(g.oid, oid); });
}

}  // namespace tlshim::algo
