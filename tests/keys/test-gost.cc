// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of GOST R 34.10 in the key core: the VKO known answer of
// RFC 7836 (appendix A.2, 512-bit keys, 256-bit KEK) in both directions,
// points and key pairs on the GOST curves Nettle has and the refusal of
// the others, signatures (round trips, tampering, a signature made by the
// real GnuTLS 3.7.9), the PKCS#8 and SubjectPublicKeyInfo encodings of the
// key embedded in gnutls-cli, and the ephemeral-key flow of the VKO key
// exchange (generate on the server key's curve, SPKI out and in).
#include "core/global.hh"
#include "core/pk/ecc.hh"
#include "core/pk/gost.hh"
#include "core/x509/key.hh"

#include <cstring>
#include <string>
#include <vector>

#include "../unit/check-main.hh"

using namespace tlshim;
using tlshim::x509::KeyFormat;
using tlshim::x509::PrivateKey;
using tlshim::x509::PublicKey;
using Buf = std::vector<std::uint8_t>;

namespace {

Buf unhex(const char *h)
{
    Buf out;
    for (std::size_t i = 0; h[i] && h[i + 1]; i += 2) {
        auto nib = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
        out.push_back(static_cast<std::uint8_t>(nib(h[i]) << 4 | nib(h[i + 1])));
    }
    return out;
}
Buf rev(const Buf &b) { return Buf(b.rbegin(), b.rend()); }
template <typename A, typename B>
bool same(const A &a, const B &b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0;
}
Bytes view(const Buf &v) { return Bytes(v.data(), v.size()); }
Bytes view(const SecretBytes &v) { return Bytes(v.data(), v.size()); }
#define OK(expr) ck_assert_int_eq(static_cast<int>(expr), 0)
#define FAILS_WITH(expr, err) ck_assert_int_eq(static_cast<int>(expr), static_cast<int>(err))

void setup() { ck_assert_int_eq(static_cast<int>(global::init()), 0); }
void teardown() { global::deinit(); }

// RFC 7836, appendix A.2 (VKO_GOSTR3410_2012_256 on
// id-tc26-gost-3410-12-512-paramSetA): both parties' private keys and
// public points as big-endian numbers, the UKM octets and the KEK.
const char *const kVkoPrivA =
    "67b63ca4ac8d2bb32618d89296c7476dbeb9f9048496f202b1902cf2ce41dbc2"
    "f847712d960483458d4b380867f426c7ca0ff5782702dbc44ee8fc72d9ec90c9";
const char *const kVkoPrivB =
    "dbd09213a592da5bbfd8ed068cccccbbfbeda4feac96b9b4908591440b071480"
    "3b9eb763ef932266d4c0181a9b73eacf9013efc65ec07c888515f1b6f759c848";
const char *const kVkoPubA[2] = {
    "a7c0adb12743c10c3c1beb97c8f631242f7937a1deb6bce5e664e49261baccd3"
    "f5dc56ec53b2abb90ca1eb703078ba546655a8b99f79188d2021ffaba4edb0aa",
    "5adb1c63a4e4465e0bbefd897fb9016475934cfa0f8c95f992ea402d47921f46"
    "382d00481b720314b19d8c878e75d81b9763358dd304b2ed3a364e07a3134691"};
const char *const kVkoPubB[2] = {
    "51a6d54ee932d176e87591121cce5f395cb2f2f147114d95f463c8a7ed74a9fc"
    "5ecd2325a35fb6387831ea66bc3d2aa42ede35872cc75372073a71b983e12f19",
    "793bde5bf72840ad22b02a363ae4772d4a52fc08ba1a20f7458a222a13bf98b5"
    "3be002d1973f1e398ce46c17da6d00d9b6d0076f8284dcc42e599b4c413b8804"};
const char *const kVkoUkm = "1d80603c8544c727";
const char *const kVkoKek = "c9a9a77320e2cc559ed72dce6f47e2192ccea95fa648670582c054c0ef36c221";

// The GOST R 34.10-2012-256 key embedded in gnutls-cli for its benchmark
// (PKCS#8, CryptoPro-XchA, Streebog-256), its SubjectPublicKeyInfo as the
// real GnuTLS exports it, and the real library's signature over "hello"
// with GOSTR341012-256.
const char *const kBenchP8 =
    "3048020100301f06082a85030701010101301306072a85030202240006082a85030701010202"
    "04220420d3e26db4911551df970735fdab5dc1c8a2be8f66fe98498d228d72074c0695ea";
const char *const kBenchSpki =
    "3066301f06082a85030701010101301306072a85030202240006082a8503070101020203430004"
    "4027db0c104c74256f50b13e5b0eac9cd1335c8d583d652769e0690cb5284cf8e3a0c811ab58ad"
    "f32cfe48cc76125e36bcdfbdd0ac9394bdd5fb4fb4d4939c94e5";
const char *const kBenchK = "d3e26db4911551df970735fdab5dc1c8a2be8f66fe98498d228d72074c0695ea";
const char *const kBenchX = "27db0c104c74256f50b13e5b0eac9cd1335c8d583d652769e0690cb5284cf8e3";
const char *const kBenchY = "a0c811ab58adf32cfe48cc76125e36bcdfbdd0ac9394bdd5fb4fb4d4939c94e5";
const char *const kBenchSig =
    "e4e7ebbf33cd974c9f06b56fa38d7d8526ca6fcddf7a6b4aaffeb8f66e47a634"
    "1ffc9f185e77b6559a4398f2f671413f2a0e5455166ed8d18730373bc431591c";

void import_vko_pair(const char *priv, const char *const pub[2], PrivateKey &k, PublicKey &p)
{
    OK(k.import_gost(GNUTLS_ECC_CURVE_GOST512A, GNUTLS_DIG_STREEBOG_512, GNUTLS_GOST_PARAMSET_UNKNOWN, {}, {},
                     view(rev(unhex(priv)))));
    OK(p.import_gost(GNUTLS_ECC_CURVE_GOST512A, GNUTLS_DIG_STREEBOG_512, GNUTLS_GOST_PARAMSET_UNKNOWN,
                     view(rev(unhex(pub[0]))), view(rev(unhex(pub[1])))));
}

}  // namespace

START_TEST(vko_rfc7836)
{
    PrivateKey a, b;
    PublicKey pa, pb;
    import_vko_pair(kVkoPrivA, kVkoPubA, a, pa);
    import_vko_pair(kVkoPrivB, kVkoPubB, b, pb);
    // Each private key gives the other's public point.
    PublicKey derived;
    OK(a.public_key(derived));
    Buf d1, d2;
    OK(derived.export_spki(d1));
    OK(pa.export_spki(d2));
    ck_assert(same(d1, d2));

    Buf ukm = unhex(kVkoUkm), want = unhex(kVkoKek);
    SecretBytes kek_a, kek_b;
    OK(a.vko(pb, view(ukm), kek_a));
    OK(b.vko(pa, view(ukm), kek_b));
    ck_assert(same(kek_a, want));
    ck_assert(same(kek_b, want));

    // Another UKM gives another KEK; a zero UKM counts as one.
    Buf ukm2 = ukm;
    ukm2[0] ^= 1;
    OK(a.vko(pb, view(ukm2), kek_a));
    ck_assert(!same(kek_a, want));
    SecretBytes z1, z2;
    OK(a.vko(pb, view(Buf(8, 0)), z1));
    Buf one(8, 0);
    one[0] = 1;
    OK(a.vko(pb, view(one), z2));
    ck_assert(same(z1, z2));

    // GOST keys only, peer on the same curve.
    PrivateKey other;
    OK(other.generate(GNUTLS_PK_GOST_12_256, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_GOST256B)));
    FAILS_WITH(other.vko(pb, view(ukm), kek_a), Err::invalid_request);
    PrivateKey ec;
    OK(ec.generate(GNUTLS_PK_ECDSA, 256));
    FAILS_WITH(ec.vko(pb, view(ukm), kek_a), Err::invalid_request);
    PublicKey ecpub;
    OK(ec.public_key(ecpub));
    FAILS_WITH(a.vko(ecpub, view(ukm), kek_a), Err::invalid_request);
    ck_assert_uint_eq(kek_a.size(), 0);
}
END_TEST

START_TEST(ecc_gost_curves)
{
    struct {
        gnutls_ecc_curve_t curve;
        std::size_t bytes;
    } supported[] = {{GNUTLS_ECC_CURVE_GOST256CPA, 32},
                     {GNUTLS_ECC_CURVE_GOST256CPXA, 32},
                     {GNUTLS_ECC_CURVE_GOST256B, 32},
                     {GNUTLS_ECC_CURVE_GOST512A, 64}};
    for (const auto &c : supported) {
        ck_assert_ptr_nonnull(pk::gost_curve(c.curve));
        ck_assert_ptr_null(pk::nist_curve(c.curve));
        ck_assert_uint_eq(pk::ec_curve_bytes(c.curve), c.bytes);
        pk::EcKey k;
        OK(k.generate(c.curve));
        ck_assert(k.has_private());
        // The private scalar alone gives the same point back.
        SecretBytes x, y, s;
        OK(k.pub().get(x, y));
        OK(k.priv().get(s));
        ck_assert_uint_eq(x.size(), c.bytes);
        pk::EcKey again;
        OK(again.import_private(c.curve, view(s)));
        SecretBytes x2, y2;
        OK(again.pub().get(x2, y2));
        ck_assert(same(x, x2) && same(y, y2));
        OK(again.import(c.curve, view(x), view(y), view(s)));
        // A coordinate changed: off the curve.
        x[x.size() - 1] ^= 1;
        pk::EcPoint p;
        FAILS_WITH(p.set(c.curve, view(x), view(y)), Err::illegal_parameter);
    }
    // CryptoPro-A, CryptoPro-XchA and TC26-256-B are one curve.
    ck_assert_ptr_eq(pk::gost_curve(GNUTLS_ECC_CURVE_GOST256CPA), pk::gost_curve(GNUTLS_ECC_CURVE_GOST256B));
    ck_assert_ptr_eq(pk::gost_curve(GNUTLS_ECC_CURVE_GOST256CPXA), pk::gost_curve(GNUTLS_ECC_CURVE_GOST256B));
    ck_assert_ptr_nonnull(pk::ec_curve(GNUTLS_ECC_CURVE_SECP384R1));
    // The GOST curves Nettle lacks are refused with "curve not supported".
    const gnutls_ecc_curve_t unsupported[] = {GNUTLS_ECC_CURVE_GOST256A,   GNUTLS_ECC_CURVE_GOST256C,
                                              GNUTLS_ECC_CURVE_GOST256D,   GNUTLS_ECC_CURVE_GOST512B,
                                              GNUTLS_ECC_CURVE_GOST512C,   GNUTLS_ECC_CURVE_GOST256CPB,
                                              GNUTLS_ECC_CURVE_GOST256CPC, GNUTLS_ECC_CURVE_GOST256CPXB};
    for (gnutls_ecc_curve_t c : unsupported) {
        ck_assert_ptr_null(pk::ec_curve(c));
        pk::EcKey k;
        FAILS_WITH(k.generate(c), Err::invalid_request);
        bool big = c == GNUTLS_ECC_CURVE_GOST512B || c == GNUTLS_ECC_CURVE_GOST512C;
        PrivateKey key;
        FAILS_WITH(key.generate(big ? GNUTLS_PK_GOST_12_512 : GNUTLS_PK_GOST_12_256, GNUTLS_CURVE_TO_BITS(c)),
                   Err::ecc_unsupported_curve);
        FAILS_WITH(key.import_gost(c, big ? GNUTLS_DIG_STREEBOG_512 : GNUTLS_DIG_STREEBOG_256,
                                   GNUTLS_GOST_PARAMSET_UNKNOWN, {}, {}, view(unhex(kBenchK))),
                   Err::ecc_unsupported_curve);
        // A key of the other size is refused for its size first.
        FAILS_WITH(key.generate(big ? GNUTLS_PK_GOST_12_256 : GNUTLS_PK_GOST_12_512, GNUTLS_CURVE_TO_BITS(c)),
                   Err::invalid_request);
    }
    // Key type and curve size must agree; no size picks another curve.
    PrivateKey key;
    FAILS_WITH(key.generate(GNUTLS_PK_GOST_12_512, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_GOST256B)),
               Err::invalid_request);
    FAILS_WITH(key.generate(GNUTLS_PK_GOST_01, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_GOST512A)),
               Err::invalid_request);
    FAILS_WITH(key.generate(GNUTLS_PK_GOST_12_256, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1)),
               Err::ecc_unsupported_curve);
    FAILS_WITH(key.generate(GNUTLS_PK_GOST_12_512, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1)),
               Err::invalid_request);
    OK(key.generate(GNUTLS_PK_GOST_12_512, 256));
    ck_assert_int_eq(key.curve(), GNUTLS_ECC_CURVE_GOST512A);
    ck_assert_uint_eq(key.bits(), 512);
    OK(key.generate(GNUTLS_PK_GOST_01, 4096));
    ck_assert_int_eq(key.curve(), GNUTLS_ECC_CURVE_GOST256CPA);
    ck_assert_int_eq(key.gost_digest(), GNUTLS_DIG_GOSTR_94);
    ck_assert_int_eq(key.gost_paramset(), GNUTLS_GOST_PARAMSET_CP_A);
    OK(key.verify_params());
}
END_TEST

START_TEST(gost_signatures)
{
    struct {
        gnutls_pk_algorithm_t pk;
        gnutls_sign_algorithm_t sign;
        std::size_t siglen;
    } cases[] = {{GNUTLS_PK_GOST_12_256, GNUTLS_SIGN_GOST_256, 64},
                 {GNUTLS_PK_GOST_12_512, GNUTLS_SIGN_GOST_512, 128},
                 {GNUTLS_PK_GOST_01, GNUTLS_SIGN_GOST_94, 64}};
    x509::VerifyOptions broken;
    broken.allow_broken = true;  // GOST R 34.11-94 is not trusted by default
    static const std::uint8_t msg[] = "tlshim GOST signature";
    Bytes data(msg, sizeof msg - 1);
    for (const auto &c : cases) {
        PrivateKey key;
        OK(key.generate(c.pk, 0));
        PublicKey pub;
        OK(key.public_key(pub));
        std::vector<std::uint8_t> sig;
        OK(key.sign_data(c.sign, data, sig));
        ck_assert_uint_eq(sig.size(), c.siglen);
        OK(pub.verify_data(c.sign, data, sig, nullptr, broken));
        // Tampered signature, tampered data, truncated signature.
        sig[5] ^= 0x10;
        FAILS_WITH(pub.verify_data(c.sign, data, sig, nullptr, broken), Err::pk_sig_verify_failed);
        sig[5] ^= 0x10;
        FAILS_WITH(pub.verify_data(c.sign, data.first(data.size() - 1), sig, nullptr, broken),
                   Err::pk_sig_verify_failed);
        FAILS_WITH(pub.verify_data(c.sign, data, Bytes(sig.data(), sig.size() - 1), nullptr, broken),
                   Err::pk_sig_verify_failed);
        // A signature algorithm of another key type.
        ck_assert_int_ne(static_cast<int>(key.sign_data(GNUTLS_SIGN_ECDSA_SHA256, data, sig)), 0);
    }
    // The pk layer's encoding: s || r, each big-endian at the curve's length.
    pk::EcKey k;
    OK(k.generate(GNUTLS_ECC_CURVE_GOST256B));
    Buf digest(32, 0x5a);
    pk::Mpz r, s;
    OK(pk::gost_sign(k, view(digest), r, s));
    std::vector<std::uint8_t> enc;
    OK(pk::gost_sig_encode(r, s, 32, enc));
    pk::Mpz r2, s2;
    OK(pk::gost_sig_decode(enc, r2, s2));
    ck_assert_int_eq(mpz_cmp(r.get(), r2.get()), 0);
    ck_assert_int_eq(mpz_cmp(s.get(), s2.get()), 0);
    Buf sb(32);
    ck_assert(s.to_bytes(MutableBytes(sb.data(), sb.size())));
    ck_assert(std::memcmp(enc.data(), sb.data(), 32) == 0);
    OK(pk::gost_verify(k.pub(), view(digest), enc));
}
END_TEST

START_TEST(bench_key_encodings)
{
    Buf p8 = unhex(kBenchP8);
    PrivateKey key;
    OK(key.import_der(view(p8), KeyFormat::pkcs8, nullptr, 0));
    ck_assert_int_eq(key.algorithm(), GNUTLS_PK_GOST_12_256);
    ck_assert_int_eq(key.curve(), GNUTLS_ECC_CURVE_GOST256CPXA);
    ck_assert_uint_eq(key.bits(), 256);
    ck_assert_int_eq(key.gost_digest(), GNUTLS_DIG_STREEBOG_256);
    ck_assert_int_eq(key.gost_paramset(), GNUTLS_GOST_PARAMSET_TC26_Z);
    gnutls_ecc_curve_t c;
    gnutls_digest_algorithm_t d;
    gnutls_gost_paramset_t ps;
    SecretBytes x, y, k;
    OK(key.export_gost(c, d, ps, x, y, k));
    ck_assert(same(k, unhex(kBenchK)));
    ck_assert(same(x, unhex(kBenchX)));
    ck_assert(same(y, unhex(kBenchY)));
    // PKCS#8 and the native form give the imported bytes back.
    SecretBytes out;
    OK(key.export_der(KeyFormat::pkcs8, nullptr, 0, out));
    ck_assert(same(out, p8));
    OK(key.export_der(KeyFormat::automatic, nullptr, 0, out));
    ck_assert(same(out, p8));
    FAILS_WITH(key.export_der(KeyFormat::sec1, nullptr, 0, out), Err::invalid_request);
    PublicKey pub;
    OK(key.public_key(pub));
    Buf spki;
    OK(pub.export_spki(spki));
    ck_assert(same(spki, unhex(kBenchSpki)));
    PublicKey back;
    OK(back.import_spki(view(spki)));
    ck_assert_int_eq(back.algorithm(), GNUTLS_PK_GOST_12_256);
    ck_assert_int_eq(back.curve(), GNUTLS_ECC_CURVE_GOST256CPXA);
    ck_assert_int_eq(back.gost_digest(), GNUTLS_DIG_STREEBOG_256);
    ck_assert_int_eq(back.gost_paramset(), GNUTLS_GOST_PARAMSET_TC26_Z);

    // The real GnuTLS's signature verifies; so does ours the other way
    // (diff-gost checks that the real library accepts ours).
    static const std::uint8_t hello[] = {'h', 'e', 'l', 'l', 'o'};
    Buf sig = unhex(kBenchSig);
    OK(back.verify_data(GNUTLS_SIGN_GOST_256, Bytes(hello, 5), view(sig)));
    sig[40] ^= 1;
    FAILS_WITH(back.verify_data(GNUTLS_SIGN_GOST_256, Bytes(hello, 5), view(sig)), Err::pk_sig_verify_failed);
    FAILS_WITH(back.verify_data(GNUTLS_SIGN_GOST_512, Bytes(hello, 5), view(sig)), Err::constraint_error);

    // The other private-value forms: INTEGER (big-endian), bare
    // little-endian octets; a shorter OCTET STRING is a smaller number.
    Buf head(p8.begin() + 2, p8.begin() + 2 + 3 + 33);
    auto wrap = [&head](const Buf &inner) {
        Buf body = head;
        body.push_back(0x04);
        body.push_back(static_cast<std::uint8_t>(inner.size()));
        body.insert(body.end(), inner.begin(), inner.end());
        Buf der{0x30, static_cast<std::uint8_t>(body.size())};
        der.insert(der.end(), body.begin(), body.end());
        return der;
    };
    Buf kle = unhex(kBenchK), kbe = rev(kle);
    Buf as_int{0x02, 0x21, 0x00};
    as_int.insert(as_int.end(), kbe.begin(), kbe.end());
    for (const Buf &inner : {as_int, kle}) {
        PrivateKey v;
        OK(v.import_der(view(wrap(inner)), KeyFormat::automatic, nullptr, 0));
        OK(v.export_gost(c, d, ps, x, y, k));
        ck_assert(same(k, kle));
        OK(v.export_der(KeyFormat::pkcs8, nullptr, 0, out));
        ck_assert(same(out, p8));
    }
    Buf short_oct{0x04, 31};
    short_oct.insert(short_oct.end(), kle.begin(), kle.end() - 1);
    PrivateKey v;
    OK(v.import_der(view(wrap(short_oct)), KeyFormat::pkcs8, nullptr, 0));
    OK(v.export_gost(c, d, ps, x, y, k));
    ck_assert(same(k, Buf(kle.begin(), kle.end() - 1)));
    OK(v.export_der(KeyFormat::pkcs8, nullptr, 0, out));
    ck_assert(same(out, wrap(short_oct)));
    // Zero is no key.
    FAILS_WITH(v.import_der(view(wrap(Buf{0x04, 0x01, 0x00})), KeyFormat::pkcs8, nullptr, 0),
               Err::pk_invalid_privkey);
    // Truncations fail cleanly.
    for (std::size_t n = 0; n < p8.size(); n++) {
        PrivateKey t;
        ck_assert_int_ne(static_cast<int>(t.import_der(Bytes(p8.data(), n), KeyFormat::pkcs8, nullptr, 0)), 0);
    }
    Buf spki_b = unhex(kBenchSpki);
    for (std::size_t n = 0; n < spki_b.size(); n++) {
        PublicKey t;
        ck_assert_int_ne(static_cast<int>(t.import_spki(Bytes(spki_b.data(), n))), 0);
    }
    spki_b[spki_b.size() - 1] ^= 1;
    PublicKey t;
    FAILS_WITH(t.import_spki(view(spki_b)), Err::pk_invalid_pubkey);
}
END_TEST

START_TEST(vko_ephemeral_flow)
{
    // The server's certified key, as a client sees it.
    PrivateKey server;
    OK(server.import_der(view(unhex(kBenchP8)), KeyFormat::pkcs8, nullptr, 0));
    PublicKey server_pub;
    OK(server_pub.import_spki(view(unhex(kBenchSpki))));
    // The client's ephemeral key on the same curve, sent as an SPKI.
    PrivateKey eph;
    OK(eph.generate(server_pub.algorithm(), GNUTLS_CURVE_TO_BITS(server_pub.curve())));
    ck_assert_int_eq(eph.curve(), GNUTLS_ECC_CURVE_GOST256CPXA);
    OK(eph.set_gost_params(server_pub.gost_digest(), server_pub.gost_paramset()));
    FAILS_WITH(eph.set_gost_params(GNUTLS_DIG_STREEBOG_512, GNUTLS_GOST_PARAMSET_UNKNOWN), Err::invalid_request);
    PublicKey eph_pub;
    OK(eph.public_key(eph_pub));
    Buf spki;
    OK(eph_pub.export_spki(spki));
    PublicKey received;
    OK(received.import_spki(view(spki)));
    ck_assert_int_eq(received.curve(), GNUTLS_ECC_CURVE_GOST256CPXA);
    Buf ukm = unhex("0102030405060708");
    SecretBytes client_kek, server_kek;
    OK(eph.vko(server_pub, view(ukm), client_kek));
    OK(server.vko(received, view(ukm), server_kek));
    ck_assert_uint_eq(client_kek.size(), 32);
    ck_assert(same(client_kek, server_kek));
    // 512-bit keys: KEK still 256 bits.
    PrivateKey a, b;
    OK(a.generate(GNUTLS_PK_GOST_12_512, 0));
    OK(b.generate(GNUTLS_PK_GOST_12_512, 0));
    PublicKey pa, pb;
    OK(a.public_key(pa));
    OK(b.public_key(pb));
    OK(a.vko(pb, view(ukm), client_kek));
    OK(b.vko(pa, view(ukm), server_kek));
    ck_assert_uint_eq(client_kek.size(), 32);
    ck_assert(same(client_kek, server_kek));
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("gost");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, vko_rfc7836);
    tcase_add_test(tc, ecc_gost_curves);
    tcase_add_test(tc, gost_signatures);
    tcase_add_test(tc, bench_key_encodings);
    tcase_add_test(tc, vko_ephemeral_flow);
    suite_add_tcase(s, tc);
    return s;
}
