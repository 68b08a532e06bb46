// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of signature-scheme selection: which schemes fit which keys in
// TLS 1.2 and TLS 1.3, the choice against a peer's list, the check of the
// peer's scheme, the advertised list (compared with what the reference
// library sends) and the TLS 1.3 CertificateVerify content.
#include "core/tls/sig-scheme.hh"

#include <gnutls/gnutls.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "../unit/check-main.hh"
#include "core/tls/priority.hh"

using namespace tlshim;
using namespace tlshim::tls;

namespace {

#define ck_assert_err(expr, err) ck_assert_int_eq(static_cast<int>(expr), static_cast<int>(Err::err))

KeyInfo ec_key(gnutls_ecc_curve_t curve, unsigned bits)
{
    KeyInfo k;
    k.pk = GNUTLS_PK_ECDSA;
    k.curve = curve;
    k.bits = bits;
    return k;
}
KeyInfo p256() { return ec_key(GNUTLS_ECC_CURVE_SECP256R1, 256); }
KeyInfo p384() { return ec_key(GNUTLS_ECC_CURVE_SECP384R1, 384); }

KeyInfo rsa_key(unsigned bits, gnutls_pk_algorithm_t pk = GNUTLS_PK_RSA)
{
    KeyInfo k;
    k.pk = pk;
    k.bits = bits;
    return k;
}

KeyInfo pss_key(gnutls_digest_algorithm_t hash, unsigned salt, unsigned bits = 2048)
{
    KeyInfo k = rsa_key(bits, GNUTLS_PK_RSA_PSS);
    k.pss.hash = hash;
    k.pss.salt_size = salt;
    k.pss.present = true;
    return k;
}

KeyInfo ed_key(gnutls_pk_algorithm_t pk, gnutls_ecc_curve_t curve)
{
    KeyInfo k;
    k.pk = pk;
    k.curve = curve;
    k.bits = pk == GNUTLS_PK_EDDSA_ED25519 ? 256 : 456;
    return k;
}

std::vector<unsigned> sigs_of(const char *priority)
{
    ParseResult r = parse_priority(priority);
    ck_assert_int_eq(static_cast<int>(r.err), 0);
    ck_assert_ptr_nonnull(r.priority.get());
    return r.priority->sigs;
}

std::vector<unsigned> normal() { return sigs_of("NORMAL"); }

// The code points of the default (NORMAL) signature list, as the reference
// sends them.
const std::vector<std::uint16_t> kNormalWire = {
    0x0401, 0x0809, 0x0804, 0x0403, 0x0807, 0x0501, 0x080a, 0x0805,
    0x0503, 0x0808, 0x0601, 0x080b, 0x0806, 0x0603, 0x0201, 0x0203,
};

U16Builder wire_of(const std::vector<std::uint16_t> &v)
{
    U16Builder b;
    for (std::uint16_t x : v)
        b.add(x);
    return b;
}

std::string show(const std::vector<std::uint16_t> &v)
{
    std::string s;
    char buf[8];
    for (std::uint16_t x : v) {
        std::snprintf(buf, sizeof buf, "%04x ", x);
        s += buf;
    }
    return s;
}

#define ck_assert_wire(got, ...)                                        \
    do {                                                                \
        const std::string got_ = show(got);                             \
        const std::string want_ = show(std::vector<std::uint16_t>{__VA_ARGS__}); \
        ck_assert_str_eq(got_.c_str(), want_.c_str());                  \
    } while (0)

}  // namespace

// ---- scheme_fits_key -------------------------------------------------------

START_TEST(fits_ecdsa)
{
    // TLS 1.3: each ECDSA code point belongs to one curve.
    ck_assert(scheme_fits_key(GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, p256(), true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, p384(), true));
    ck_assert(scheme_fits_key(GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, p384(), true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, p256(), true));
    ck_assert(scheme_fits_key(GNUTLS_SIGN_ECDSA_SECP521R1_SHA512,
                              ec_key(GNUTLS_ECC_CURVE_SECP521R1, 521), true));
    // The TLS 1.2 rows are not TLS 1.3 schemes, nor the reverse.
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_ECDSA_SHA256, p256(), true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, p256(), false));
    // TLS 1.2: any hash on any curve, SHA-1 included.
    ck_assert(scheme_fits_key(GNUTLS_SIGN_ECDSA_SHA256, p384(), false));
    ck_assert(scheme_fits_key(GNUTLS_SIGN_ECDSA_SHA512, p256(), false));
    ck_assert(scheme_fits_key(GNUTLS_SIGN_ECDSA_SHA1, p256(), false));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_ECDSA_SHA1, p256(), true));
    // Other key types.
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_ECDSA_SHA256, rsa_key(2048), false));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, rsa_key(2048), true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_ECDSA_SECP256R1_SHA256,
                               ed_key(GNUTLS_PK_EDDSA_ED25519, GNUTLS_ECC_CURVE_ED25519), true));
}
END_TEST

START_TEST(fits_rsa)
{
    KeyInfo rsa = rsa_key(2048);
    // PKCS#1 v1.5 only in TLS 1.2.
    ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_SHA256, rsa, false));
    ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_SHA1, rsa, false));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_SHA256, rsa, true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_SHA512, rsa, true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_SHA1, rsa, true));
    // No code point: never.
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_SHA224, rsa, false));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_SHA3_256, rsa, false));
    // rsa_pss_rsae_* with an rsaEncryption key, in both versions.
    for (bool tls13 : {false, true}) {
        ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, rsa, tls13));
        ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA384, rsa, tls13));
        ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, rsa, tls13));
        ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA256, rsa, tls13));
        ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA512, rsa, tls13));
    }
    // An RSA-PSS key signs only rsa_pss_pss_*.
    KeyInfo pss = rsa_key(2048, GNUTLS_PK_RSA_PSS);
    for (bool tls13 : {false, true}) {
        ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA256, pss, tls13));
        ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA384, pss, tls13));
        ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA512, pss, tls13));
        ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, pss, tls13));
    }
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_SHA256, pss, false));
}
END_TEST

START_TEST(fits_pss_restrictions)
{
    // A key restricted to SHA-256 with a 32-byte salt.
    KeyInfo k = pss_key(GNUTLS_DIG_SHA256, 32);
    ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA256, k, true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA384, k, true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA512, k, false));
    // A shorter minimum salt is fine; a minimum longer than the hash is
    // not (TLS salts are as long as the hash).
    ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA256, pss_key(GNUTLS_DIG_SHA256, 20), true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA256, pss_key(GNUTLS_DIG_SHA256, 33), true));
    ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA384, pss_key(GNUTLS_DIG_SHA384, 48), true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA384, pss_key(GNUTLS_DIG_SHA1, 20), true));
    // Parameters only bind RSA-PSS keys' own schemes.
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, k, true));
}
END_TEST

START_TEST(fits_pss_modulus_size)
{
    // emLen = ceil((bits-1)/8) must hold 2*hLen + 2 bytes.
    ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, rsa_key(1024), true));
    ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA384, rsa_key(1024), true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, rsa_key(1024), true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, rsa_key(1024), false));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, rsa_key(1033), true));
    ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, rsa_key(1034), true));
    ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, rsa_key(1040), true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA512, rsa_key(1024, GNUTLS_PK_RSA_PSS), true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, rsa_key(512), true));
    // PKCS#1 v1.5 has no such bound here.
    ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_SHA512, rsa_key(1024), false));
}
END_TEST

START_TEST(fits_eddsa_and_unknown)
{
    KeyInfo ed25519 = ed_key(GNUTLS_PK_EDDSA_ED25519, GNUTLS_ECC_CURVE_ED25519);
    KeyInfo ed448 = ed_key(GNUTLS_PK_EDDSA_ED448, GNUTLS_ECC_CURVE_ED448);
    for (bool tls13 : {false, true}) {
        ck_assert(scheme_fits_key(GNUTLS_SIGN_EDDSA_ED25519, ed25519, tls13));
        ck_assert(!scheme_fits_key(GNUTLS_SIGN_EDDSA_ED448, ed25519, tls13));
        ck_assert(scheme_fits_key(GNUTLS_SIGN_EDDSA_ED448, ed448, tls13));
        ck_assert(!scheme_fits_key(GNUTLS_SIGN_EDDSA_ED25519, ed448, tls13));
        ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, ed25519, tls13));
        // Unknown schemes and keys.
        ck_assert(!scheme_fits_key(GNUTLS_SIGN_UNKNOWN, rsa_key(2048), tls13));
        ck_assert(!scheme_fits_key(static_cast<gnutls_sign_algorithm_t>(9999), rsa_key(2048), tls13));
        ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, KeyInfo{}, tls13));
        ck_assert(!scheme_fits_key(GNUTLS_SIGN_EDDSA_ED25519, KeyInfo{}, tls13));
    }
}
END_TEST

// ---- choose_scheme ----------------------------------------------------------

START_TEST(choose_follows_our_order)
{
    std::vector<unsigned> ours = normal();
    U16Builder all = wire_of(kNormalWire);
    // With the whole default list on both sides, our first fitting entry.
    ck_assert_int_eq(choose_scheme(ours, all.list(), rsa_key(2048), false), GNUTLS_SIGN_RSA_SHA256);
    ck_assert_int_eq(choose_scheme(ours, all.list(), rsa_key(2048), true), GNUTLS_SIGN_RSA_PSS_RSAE_SHA256);
    ck_assert_int_eq(choose_scheme(ours, all.list(), rsa_key(2048, GNUTLS_PK_RSA_PSS), true),
                     GNUTLS_SIGN_RSA_PSS_SHA256);
    ck_assert_int_eq(choose_scheme(ours, all.list(), p256(), false), GNUTLS_SIGN_ECDSA_SHA256);
    ck_assert_int_eq(choose_scheme(ours, all.list(), p256(), true), GNUTLS_SIGN_ECDSA_SECP256R1_SHA256);
    ck_assert_int_eq(choose_scheme(ours, all.list(), p384(), true), GNUTLS_SIGN_ECDSA_SECP384R1_SHA384);
    ck_assert_int_eq(choose_scheme(ours, all.list(), ed_key(GNUTLS_PK_EDDSA_ED448, GNUTLS_ECC_CURVE_ED448), true),
                     GNUTLS_SIGN_EDDSA_ED448);
    // The peer's order does not matter; its contents do.
    U16Builder reversed{0x0806, 0x0805, 0x0804};
    ck_assert_int_eq(choose_scheme(ours, reversed.list(), rsa_key(2048), true), GNUTLS_SIGN_RSA_PSS_RSAE_SHA256);
    U16Builder only512{0x0806, 0x0601};
    ck_assert_int_eq(choose_scheme(ours, only512.list(), rsa_key(2048), false), GNUTLS_SIGN_RSA_SHA512);
    ck_assert_int_eq(choose_scheme(ours, only512.list(), rsa_key(2048), true), GNUTLS_SIGN_RSA_PSS_RSAE_SHA512);
    // A restricted RSA-PSS key gets the scheme of its hash.
    ck_assert_int_eq(choose_scheme(ours, all.list(), pss_key(GNUTLS_DIG_SHA384, 48), true),
                     GNUTLS_SIGN_RSA_PSS_SHA384);
}
END_TEST

START_TEST(choose_nothing_fits)
{
    std::vector<unsigned> ours = normal();
    // 0x0403 is P-256 only in TLS 1.3; a P-384 key can use it in TLS 1.2.
    U16Builder peer{0x0403, 0x0804};
    ck_assert_int_eq(choose_scheme(ours, peer.list(), p384(), true), GNUTLS_SIGN_UNKNOWN);
    ck_assert_int_eq(choose_scheme(ours, peer.list(), p384(), false), GNUTLS_SIGN_ECDSA_SHA256);
    // PKCS#1 v1.5 alone does not do for TLS 1.3.
    U16Builder pkcs1{0x0401, 0x0501, 0x0601, 0x0201};
    ck_assert_int_eq(choose_scheme(ours, pkcs1.list(), rsa_key(2048), true), GNUTLS_SIGN_UNKNOWN);
    ck_assert_int_eq(choose_scheme(ours, pkcs1.list(), rsa_key(2048), false), GNUTLS_SIGN_RSA_SHA256);
    // The peer lists nothing, or only what we do not have.
    ck_assert_int_eq(choose_scheme(ours, U16List(), rsa_key(2048), false), GNUTLS_SIGN_UNKNOWN);
    U16Builder unknown{0x1234, 0x0000, 0xfefe};
    ck_assert_int_eq(choose_scheme(ours, unknown.list(), rsa_key(2048), false), GNUTLS_SIGN_UNKNOWN);
    std::vector<unsigned> only_rsae512 = {GNUTLS_SIGN_RSA_PSS_RSAE_SHA512};
    U16Builder rsae256{0x0804};
    ck_assert_int_eq(choose_scheme(only_rsae512, rsae256.list(), rsa_key(2048), true), GNUTLS_SIGN_UNKNOWN);
    // A key restricted to a hash the peer does not accept.
    U16Builder pss256{0x0809, 0x0804};
    ck_assert_int_eq(choose_scheme(ours, pss256.list(), pss_key(GNUTLS_DIG_SHA512, 64), true),
                     GNUTLS_SIGN_UNKNOWN);
    // Too small a modulus for every PSS hash the peer offers.
    U16Builder rsae512{0x0806};
    ck_assert_int_eq(choose_scheme(ours, rsae512.list(), rsa_key(1024), true), GNUTLS_SIGN_UNKNOWN);
    // No key.
    ck_assert_int_eq(choose_scheme(ours, peer.list(), KeyInfo{}, false), GNUTLS_SIGN_UNKNOWN);
}
END_TEST

// ---- check_peer_scheme ------------------------------------------------------

START_TEST(check_peer)
{
    std::vector<unsigned> ours = normal();
    gnutls_sign_algorithm_t s = GNUTLS_SIGN_UNKNOWN;
    ck_assert_err(check_peer_scheme(0x0403, ours, p256(), true, s), ok);
    ck_assert_int_eq(s, GNUTLS_SIGN_ECDSA_SECP256R1_SHA256);
    ck_assert_err(check_peer_scheme(0x0403, ours, p384(), false, s), ok);
    ck_assert_int_eq(s, GNUTLS_SIGN_ECDSA_SHA256);
    ck_assert_err(check_peer_scheme(0x0804, ours, rsa_key(2048), true, s), ok);
    ck_assert_int_eq(s, GNUTLS_SIGN_RSA_PSS_RSAE_SHA256);
    ck_assert_err(check_peer_scheme(0x080b, ours, rsa_key(2048, GNUTLS_PK_RSA_PSS), true, s), ok);
    ck_assert_int_eq(s, GNUTLS_SIGN_RSA_PSS_SHA512);
    ck_assert_err(check_peer_scheme(0x0201, ours, rsa_key(2048), false, s), ok);
    ck_assert_int_eq(s, GNUTLS_SIGN_RSA_SHA1);
    ck_assert_err(check_peer_scheme(0x0807, ours, ed_key(GNUTLS_PK_EDDSA_ED25519, GNUTLS_ECC_CURVE_ED25519), true, s),
                  ok);
    ck_assert_int_eq(s, GNUTLS_SIGN_EDDSA_ED25519);
}
END_TEST

START_TEST(check_peer_refusals)
{
    std::vector<unsigned> ours = normal();
    gnutls_sign_algorithm_t s = GNUTLS_SIGN_DSA_SHA1;  // must stay untouched
    // Curve mismatch in TLS 1.3.
    ck_assert_err(check_peer_scheme(0x0403, ours, p384(), true, s), unsupported_signature_algorithm);
    // PKCS#1 v1.5 and SHA-1 in a TLS 1.3 CertificateVerify.
    ck_assert_err(check_peer_scheme(0x0401, ours, rsa_key(2048), true, s), unsupported_signature_algorithm);
    ck_assert_err(check_peer_scheme(0x0201, ours, rsa_key(2048), true, s), unsupported_signature_algorithm);
    ck_assert_err(check_peer_scheme(0x0203, ours, p256(), true, s), unsupported_signature_algorithm);
    // Key type mismatches.
    ck_assert_err(check_peer_scheme(0x0809, ours, rsa_key(2048), true, s), unsupported_signature_algorithm);
    ck_assert_err(check_peer_scheme(0x0804, ours, rsa_key(2048, GNUTLS_PK_RSA_PSS), true, s),
                  unsupported_signature_algorithm);
    ck_assert_err(check_peer_scheme(0x0403, ours, rsa_key(2048), false, s), unsupported_signature_algorithm);
    ck_assert_err(check_peer_scheme(0x080a, ours, pss_key(GNUTLS_DIG_SHA256, 32), true, s),
                  unsupported_signature_algorithm);
    // Unknown code points, and a DSA scheme known but not offered.
    ck_assert_err(check_peer_scheme(0x1234, ours, rsa_key(2048), false, s), unsupported_signature_algorithm);
    ck_assert_err(check_peer_scheme(0x0000, ours, rsa_key(2048), false, s), unsupported_signature_algorithm);
    KeyInfo dsa = rsa_key(2048, GNUTLS_PK_DSA);
    ck_assert_err(check_peer_scheme(0x0202, ours, dsa, false, s), unsupported_signature_algorithm);
    // Known and fitting, but not in our list.
    std::vector<unsigned> narrow = {GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, GNUTLS_SIGN_ECDSA_SHA256};
    ck_assert_err(check_peer_scheme(0x0805, narrow, rsa_key(2048), true, s), unsupported_signature_algorithm);
    // 0x0403 in TLS 1.3 is the P-256 scheme, which `narrow` lacks.
    ck_assert_err(check_peer_scheme(0x0403, narrow, p256(), true, s), unsupported_signature_algorithm);
    ck_assert_int_eq(s, GNUTLS_SIGN_DSA_SHA1);
    ck_assert_err(check_peer_scheme(0x0403, narrow, p256(), false, s), ok);
    ck_assert_int_eq(s, GNUTLS_SIGN_ECDSA_SHA256);
}
END_TEST

// ---- advertised_schemes ------------------------------------------------------
//
// The expected lists were captured from the reference GnuTLS 3.7.9: its
// gnutls-cli, run with each priority string below, connected to a small
// Python listener on 127.0.0.1 that read the ClientHello record and printed
// the code points of the signature_algorithms extension (13).

START_TEST(advertised_default)
{
    // "NORMAL" (TLS 1.3 and 1.2 on offer) and "NORMAL:-VERS-ALL:+VERS-TLS1.3"
    // both sent exactly kNormalWire.
    const std::string want = show(kNormalWire);
    std::string got = show(advertised_schemes(normal(), true));
    ck_assert_str_eq(got.c_str(), want.c_str());
    got = show(advertised_schemes(sigs_of("NORMAL:-VERS-ALL:+VERS-TLS1.3"), false));
    ck_assert_str_eq(got.c_str(), want.c_str());
}
END_TEST

START_TEST(advertised_edge_cases)
{
    const char *mix =
        "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:-SIGN-ALL:+SIGN-ECDSA-SHA256:+SIGN-GOSTR341012-256"
        ":+SIGN-DSA-SHA1:+SIGN-ECDSA-SHA384:+SIGN-RSA-SHA1:+SIGN-ECDSA-SECP384R1-SHA384:+SIGN-DSA-SHA256"
        ":+SIGN-RSA-SHA224:+SIGN-ECDSA-SHA224:+SIGN-RSA-PSS-SHA256";
    // TLS 1.3 and 1.2: schemes without a code point vanish; the two rows of
    // 0x0503 are not adjacent, and both are sent.
    ck_assert_wire(advertised_schemes(sigs_of(mix), true), 0x0403, 0x0840, 0x0202, 0x0503, 0x0201, 0x0503, 0x0809);
    // The same list with TLS 1.3 only: the TLS 1.2-only rows are dropped.
    const char *mix13 =
        "NORMAL:-VERS-ALL:+VERS-TLS1.3:-SIGN-ALL:+SIGN-ECDSA-SHA256:+SIGN-GOSTR341012-256"
        ":+SIGN-DSA-SHA1:+SIGN-ECDSA-SHA384:+SIGN-RSA-SHA1:+SIGN-ECDSA-SECP384R1-SHA384:+SIGN-DSA-SHA256"
        ":+SIGN-RSA-SHA224:+SIGN-ECDSA-SHA224:+SIGN-RSA-PSS-SHA256";
    ck_assert_wire(advertised_schemes(sigs_of(mix13), false), 0x0201, 0x0503, 0x0809);
    // Adjacent rows of one code point collapse, even with a scheme without
    // code point between them; with another scheme between, they do not.
    const char *base = "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:-SIGN-ALL";
    std::string p = std::string(base) + ":+SIGN-ECDSA-SHA256:+SIGN-RSA-SHA224:+SIGN-ECDSA-SECP256R1-SHA256";
    ck_assert_wire(advertised_schemes(sigs_of(p.c_str()), true), 0x0403);
    p = std::string(base) + ":+SIGN-ECDSA-SECP256R1-SHA256:+SIGN-ECDSA-SHA256";
    ck_assert_wire(advertised_schemes(sigs_of(p.c_str()), true), 0x0403);
    p = std::string(base) + ":+SIGN-ECDSA-SHA256:+SIGN-ECDSA-SHA384:+SIGN-ECDSA-SECP256R1-SHA256";
    ck_assert_wire(advertised_schemes(sigs_of(p.c_str()), true), 0x0403, 0x0503, 0x0403);
    p = std::string(base) + ":+SIGN-ECDSA-SHA256:+SIGN-GOSTR341012-256:+SIGN-ECDSA-SECP256R1-SHA256";
    ck_assert_wire(advertised_schemes(sigs_of(p.c_str()), true), 0x0403, 0x0840, 0x0403);
    // Nothing to send.
    ck_assert_uint_eq(advertised_schemes({}, true).size(), 0);
    ck_assert_uint_eq(advertised_schemes({GNUTLS_SIGN_RSA_SHA224, 9999}, true).size(), 0);
}
END_TEST

// ---- certificate_verify_content13 --------------------------------------------

START_TEST(cv_content)
{
    // RFC 8446 section 4.4.3's example: a transcript hash of 32 bytes of 01.
    std::uint8_t hash[32];
    std::memset(hash, 0x01, sizeof hash);
    for (bool server : {true, false}) {
        std::vector<std::uint8_t> c = certificate_verify_content13(server, hash);
        const char *label = server ? "TLS 1.3, server CertificateVerify" : "TLS 1.3, client CertificateVerify";
        ck_assert_uint_eq(c.size(), 64 + std::strlen(label) + 1 + 32);
        for (std::size_t i = 0; i < 64; i++)
            ck_assert_uint_eq(c[i], 0x20);
        ck_assert(std::memcmp(c.data() + 64, label, std::strlen(label)) == 0);
        ck_assert_uint_eq(c[64 + 33], 0);
        ck_assert(std::memcmp(c.data() + 98, hash, 32) == 0);
    }
    // A SHA-384 transcript hash.
    std::uint8_t h48[48] = {0xaa};
    std::vector<std::uint8_t> c = certificate_verify_content13(true, h48);
    ck_assert_uint_eq(c.size(), 98 + 48);
    ck_assert_uint_eq(c[98], 0xaa);
}
END_TEST

// ---- key_info ---------------------------------------------------------------

START_TEST(key_info_of_keys)
{
    ck_assert_int_eq(key_info(x509::PublicKey()).pk, GNUTLS_PK_UNKNOWN);

    x509::PrivateKey priv;
    x509::PublicKey pub;
    ck_assert_err(priv.generate(GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP384R1)), ok);
    ck_assert_err(priv.public_key(pub), ok);
    KeyInfo k = key_info(pub);
    ck_assert_int_eq(k.pk, GNUTLS_PK_ECDSA);
    ck_assert_int_eq(k.curve, GNUTLS_ECC_CURVE_SECP384R1);
    ck_assert_uint_eq(k.bits, 384);
    ck_assert(!k.pss.present);
    ck_assert(scheme_fits_key(GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, k, true));

    x509::PrivateKey ed;
    x509::PublicKey edpub;
    ck_assert_err(ed.generate(GNUTLS_PK_EDDSA_ED25519, 0), ok);
    ck_assert_err(ed.public_key(edpub), ok);
    k = key_info(edpub);
    ck_assert_int_eq(k.pk, GNUTLS_PK_EDDSA_ED25519);
    ck_assert(scheme_fits_key(GNUTLS_SIGN_EDDSA_ED25519, k, true));

    x509::PrivateKey rsa;
    x509::PublicKey rsapub;
    x509::PssParams params;
    params.hash = GNUTLS_DIG_SHA384;
    params.salt_size = 48;
    params.present = true;
    ck_assert_err(rsa.generate(GNUTLS_PK_RSA_PSS, 1024, &params), ok);
    ck_assert_err(rsa.public_key(rsapub), ok);
    k = key_info(rsapub);
    ck_assert_int_eq(k.pk, GNUTLS_PK_RSA_PSS);
    ck_assert_uint_eq(k.bits, 1024);
    ck_assert(k.pss.present);
    ck_assert_int_eq(k.pss.hash, GNUTLS_DIG_SHA384);
    ck_assert_uint_eq(k.pss.salt_size, 48);
    ck_assert(scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA384, k, true));
    ck_assert(!scheme_fits_key(GNUTLS_SIGN_RSA_PSS_SHA256, k, true));
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("kx-sig-scheme");
    TCase *tc = tcase_create("sig-scheme");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, fits_ecdsa);
    tcase_add_test(tc, fits_rsa);
    tcase_add_test(tc, fits_pss_restrictions);
    tcase_add_test(tc, fits_pss_modulus_size);
    tcase_add_test(tc, fits_eddsa_and_unknown);
    tcase_add_test(tc, choose_follows_our_order);
    tcase_add_test(tc, choose_nothing_fits);
    tcase_add_test(tc, check_peer);
    tcase_add_test(tc, check_peer_refusals);
    tcase_add_test(tc, advertised_default);
    tcase_add_test(tc, advertised_edge_cases);
    tcase_add_test(tc, cv_content);
    tcase_add_test(tc, key_info_of_keys);
    suite_add_tcase(s, tc);
    return s;
}
