// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the key core (tlshim::x509::PublicKey / PrivateKey):
// known keys imported and exported back byte for byte, PBES2 decryption of
// keys encrypted by OpenSSL (and the wrong-password error), sign/verify
// round trips for every key type and signature id, the signature policy,
// and truncated or bit-flipped DER that must fail cleanly.
#include "core/global.hh"
#include "core/x509/key.hh"

#include <cstring>
#include <string>
#include <vector>

#include "../unit/check-main.hh"

using namespace tlshim;
using tlshim::x509::KeyFormat;
using tlshim::x509::PrivateKey;
using tlshim::x509::PssParams;
using tlshim::x509::PublicKey;

namespace {

// Keys made with OpenSSL 3 for this test: an RSA-1024 key in PKCS#1 and
// PKCS#8 DER, its SubjectPublicKeyInfo; a P-256 key in SEC1 DER, its SPKI,
// and the same key PBES2-encrypted (1000 PBKDF2 iterations; AES-128-CBC
// with HMAC-SHA256, and 3DES-CBC with HMAC-SHA1) under "tlshim-test".
const char *const k_rsa_p1 =
    "3082025d0201000281810098e146c7cabb34fbe24dcdef8b848f54c17ebf"
    "8b696aa8c83a58f87d4ac83d300915be0f0ed630adb1cbaeff1b92b2804d"
    "d31d2567f5502998696035bfa0d167795d68827c77ca5e8792e94dc61fe3"
    "46b02e27230e07959e5e82746f3e62fabbf605b7171b9cadaaea7c5ef31f"
    "29d349cd60b81c1090959fca5472b18cc3bf93020301000102818069d5fb"
    "24314b2cc0fbc8153b328110a1025b76cb52ad4e2f5f855c7190a5d30640"
    "23d731a179d2b54c92cf91384b745bb284e67690e3991d52b010b4e4f6b6"
    "4034192c075d6060552f47e453e59115ec949d3cde8c38e07c6158e132b0"
    "539ccc2397f771dc3931758fe036349bbdd4cb1524cf6d37858bfdc9c096"
    "d0ecc7aec1024100cb0bc7656ad150b900e4a8ae85177ad4872641849d0b"
    "24cf0ed8339dce2c466751c8ec1d1140bd94850f6f66bd81fa65130af1d1"
    "2c722210520fc19d7067bd71024100c0c032ef66e608acce9dcd1669afe7"
    "1685eb2b1448cace26f38cc32f4c5c0d27fc11656f738d471163b05cf3a3"
    "b1642dcf50805350cce5c4ae12b22d0aa65b43024041fb6ceb9f1fb01cbe"
    "968fde4eafc7a1a2dda2b2e699c57767fa882382e94e63aae7211b7d0ccd"
    "cea2c2d64fcbcb9e4414411d3dfd3485af4a0b86be93d59271024100ba6f"
    "ad54beb4b5a3605e65e6cde724a0367c5738d187c88b087c18b70126f05a"
    "c28799138a3316908d5a232e4e20e103264979361d2b72fb205c591713fc"
    "00bd02410084d936427a97169af8201dc97438262ad9b34e7c6c23cdf028"
    "cb132338c8bab4cbe6d60a8c498c5311559e8c249d7bf0160c7f5e7fc084"
    "947b13d0351596fb42"
    ;
const char *const k_rsa_p8 =
    "30820277020100300d06092a864886f70d0101010500048202613082025d"
    "0201000281810098e146c7cabb34fbe24dcdef8b848f54c17ebf8b696aa8"
    "c83a58f87d4ac83d300915be0f0ed630adb1cbaeff1b92b2804dd31d2567"
    "f5502998696035bfa0d167795d68827c77ca5e8792e94dc61fe346b02e27"
    "230e07959e5e82746f3e62fabbf605b7171b9cadaaea7c5ef31f29d349cd"
    "60b81c1090959fca5472b18cc3bf93020301000102818069d5fb24314b2c"
    "c0fbc8153b328110a1025b76cb52ad4e2f5f855c7190a5d3064023d731a1"
    "79d2b54c92cf91384b745bb284e67690e3991d52b010b4e4f6b64034192c"
    "075d6060552f47e453e59115ec949d3cde8c38e07c6158e132b0539ccc23"
    "97f771dc3931758fe036349bbdd4cb1524cf6d37858bfdc9c096d0ecc7ae"
    "c1024100cb0bc7656ad150b900e4a8ae85177ad4872641849d0b24cf0ed8"
    "339dce2c466751c8ec1d1140bd94850f6f66bd81fa65130af1d12c722210"
    "520fc19d7067bd71024100c0c032ef66e608acce9dcd1669afe71685eb2b"
    "1448cace26f38cc32f4c5c0d27fc11656f738d471163b05cf3a3b1642dcf"
    "50805350cce5c4ae12b22d0aa65b43024041fb6ceb9f1fb01cbe968fde4e"
    "afc7a1a2dda2b2e699c57767fa882382e94e63aae7211b7d0ccdcea2c2d6"
    "4fcbcb9e4414411d3dfd3485af4a0b86be93d59271024100ba6fad54beb4"
    "b5a3605e65e6cde724a0367c5738d187c88b087c18b70126f05ac2879913"
    "8a3316908d5a232e4e20e103264979361d2b72fb205c591713fc00bd0241"
    "0084d936427a97169af8201dc97438262ad9b34e7c6c23cdf028cb132338"
    "c8bab4cbe6d60a8c498c5311559e8c249d7bf0160c7f5e7fc084947b13d0"
    "351596fb42"
    ;
const char *const k_ec_sec1 =
    "3077020101042005d4808b442120f135e9ba4cbbc36219d3240c0c9a15a2"
    "ce51f030aad3d2a2e9a00a06082a8648ce3d030107a14403420004c9257c"
    "2951f0f22552b2c86523ae796c55fd8cf8dd4bec1c3db4a8e9831fc4f47a"
    "26a1dae7cd5b3ad282809695ec6112ccb1ba1017a39bf42207533271ed5a"
    "92"
    ;
const char *const k_ec_enc =
    "3081ec305706092a864886f70d01050d304a302906092a864886f70d0105"
    "0c301c0408211daaff4972e6f1020203e8300c06082a864886f70d020905"
    "00301d060960864801650304010204109ac3a3984fea8edc7ff169ee5d25"
    "a623048190e1374f14eb79606c9edc75513c1af5306da69bef6604500fb1"
    "b73f39178dd48422bbfe2f2cf17beec6a370cb008ce678871cabb147e7d9"
    "ec691042340c73a9fb9948398da8e5c1545888550e88ac6be85887e768b4"
    "2ff3deae1af8d1896a0f7b95d760befd7bdeea394ecf7bfc84109413785d"
    "40e432de221afe0ef9ee95eccec26c2505133a6dd421b204e9c4367263"
    ;
const char *const k_ec_enc3des =
    "3081d5304006092a864886f70d01050d3033301b06092a864886f70d0105"
    "0c300e0408e7cd80a717496cec020203e8301406082a864886f70d030704"
    "086353fe32e379203b04819076343cc43d03b616e64c0a826d4cf141bf34"
    "da5df94a750f50bf1075b0c5fdc19d989e1135e2447b12093f5f9a8c2110"
    "00e7940a62162910d070c2a80c874f980154eb25f66cc7cff795702da301"
    "f39b01e1ae08a5fa01498b35dca27c2a7451d3a1844961f28a1a698745bd"
    "195a7f7e31ee98aad723affaf7f68461ebda13188426602113a72a994de0"
    "497911d88bd7"
    ;
const char *const k_ec_spki =
    "3059301306072a8648ce3d020106082a8648ce3d03010703420004c9257c"
    "2951f0f22552b2c86523ae796c55fd8cf8dd4bec1c3db4a8e9831fc4f47a"
    "26a1dae7cd5b3ad282809695ec6112ccb1ba1017a39bf42207533271ed5a"
    "92"
    ;
const char *const k_rsa_spki =
    "30819f300d06092a864886f70d010101050003818d003081890281810098"
    "e146c7cabb34fbe24dcdef8b848f54c17ebf8b696aa8c83a58f87d4ac83d"
    "300915be0f0ed630adb1cbaeff1b92b2804dd31d2567f5502998696035bf"
    "a0d167795d68827c77ca5e8792e94dc61fe346b02e27230e07959e5e8274"
    "6f3e62fabbf605b7171b9cadaaea7c5ef31f29d349cd60b81c1090959fca"
    "5472b18cc3bf930203010001"
    ;

// RFC 8410, section 10.3: an Ed25519 private key and its public key.
const char *const k_ed_p8 = "302e020100300506032b657004220420d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842";
const char *const k_ed_spki = "302a300506032b657003210019bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1";

std::vector<std::uint8_t> unhex(const char *h)
{
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; h[i] && h[i + 1]; i += 2) {
        auto nib = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
        out.push_back(static_cast<std::uint8_t>(nib(h[i]) << 4 | nib(h[i + 1])));
    }
    return out;
}

template <typename A, typename B>
bool same(const A &a, const B &b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0;
}

Bytes view(const std::vector<std::uint8_t> &v) { return Bytes(v.data(), v.size()); }

void setup() { ck_assert_int_eq(static_cast<int>(global::init()), 0); }
void teardown() { global::deinit(); }

void import_ok(PrivateKey &k, const char *hex, KeyFormat fmt)
{
    auto der = unhex(hex);
    ck_assert_int_eq(static_cast<int>(k.import_der(view(der), fmt, nullptr, 0)), 0);
}

}  // namespace

START_TEST(rsa_pkcs1_roundtrip)
{
    PrivateKey k;
    import_ok(k, k_rsa_p1, KeyFormat::pkcs1);
    ck_assert_int_eq(k.algorithm(), GNUTLS_PK_RSA);
    ck_assert_uint_eq(k.bits(), 1024);
    SecretBytes out;
    ck_assert_int_eq(static_cast<int>(k.export_der(KeyFormat::pkcs1, nullptr, 0, out)), 0);
    ck_assert(same(out, unhex(k_rsa_p1)));
    ck_assert_int_eq(static_cast<int>(k.export_der(KeyFormat::pkcs8, nullptr, 0, out)), 0);
    ck_assert(same(out, unhex(k_rsa_p8)));
    ck_assert_int_eq(static_cast<int>(k.verify_params()), 0);

    PublicKey pub;
    std::vector<std::uint8_t> spki;
    ck_assert_int_eq(static_cast<int>(k.public_key(pub)), 0);
    ck_assert_int_eq(static_cast<int>(pub.export_spki(spki)), 0);
    ck_assert(same(spki, unhex(k_rsa_spki)));
    PublicKey pub2;
    ck_assert_int_eq(static_cast<int>(pub2.import_spki(view(spki))), 0);
    ck_assert_uint_eq(pub2.bits(), 1024);
}
END_TEST

START_TEST(rsa_pkcs8_auto)
{
    PrivateKey k;
    import_ok(k, k_rsa_p8, KeyFormat::automatic);
    SecretBytes out;
    ck_assert_int_eq(static_cast<int>(k.export_der(KeyFormat::automatic, nullptr, 0, out)), 0);
    ck_assert(same(out, unhex(k_rsa_p1)));  // RSA's native form is PKCS#1
    // A PKCS#1 structure is not PKCS#8.
    PrivateKey k2;
    auto p1 = unhex(k_rsa_p1);
    ck_assert_int_ne(static_cast<int>(k2.import_der(view(p1), KeyFormat::pkcs8, nullptr, 0)), 0);
    ck_assert(k2.empty());
}
END_TEST

START_TEST(ec_sec1_roundtrip)
{
    PrivateKey k;
    import_ok(k, k_ec_sec1, KeyFormat::sec1);
    ck_assert_int_eq(k.algorithm(), GNUTLS_PK_ECDSA);
    ck_assert_int_eq(k.curve(), GNUTLS_ECC_CURVE_SECP256R1);
    SecretBytes out;
    ck_assert_int_eq(static_cast<int>(k.export_der(KeyFormat::sec1, nullptr, 0, out)), 0);
    ck_assert(same(out, unhex(k_ec_sec1)));
    PublicKey pub;
    std::vector<std::uint8_t> spki;
    ck_assert_int_eq(static_cast<int>(k.public_key(pub)), 0);
    ck_assert_int_eq(static_cast<int>(pub.export_spki(spki)), 0);
    ck_assert(same(spki, unhex(k_ec_spki)));
}
END_TEST

START_TEST(ed25519_rfc8410)
{
    PrivateKey k;
    import_ok(k, k_ed_p8, KeyFormat::pkcs8);
    ck_assert_int_eq(k.algorithm(), GNUTLS_PK_EDDSA_ED25519);
    SecretBytes out;
    ck_assert_int_eq(static_cast<int>(k.export_der(KeyFormat::pkcs8, nullptr, 0, out)), 0);
    ck_assert(same(out, unhex(k_ed_p8)));
    PublicKey pub;
    std::vector<std::uint8_t> spki;
    ck_assert_int_eq(static_cast<int>(k.public_key(pub)), 0);
    ck_assert_int_eq(static_cast<int>(pub.export_spki(spki)), 0);
    ck_assert(same(spki, unhex(k_ed_spki)));
    // SHA-1 key id of the SPKI (as certtool prints it for this key).
    std::vector<std::uint8_t> id;
    ck_assert_int_eq(static_cast<int>(pub.key_id(0, id)), 0);
    ck_assert_uint_eq(id.size(), 20);
}
END_TEST

START_TEST(pbes2_openssl)
{
    const char *const files[] = {k_ec_enc, k_ec_enc3des};
    for (const char *hex : files) {
        auto der = unhex(hex);
        PrivateKey k;
        ck_assert_int_eq(static_cast<int>(k.import_der(view(der), KeyFormat::pkcs8_encrypted, "tlshim-test", 0)), 0);
        SecretBytes out;
        ck_assert_int_eq(static_cast<int>(k.export_der(KeyFormat::sec1, nullptr, 0, out)), 0);
        // The PKCS#8 inner structure has no curve parameters; the public
        // key matches the SEC1 original.
        PrivateKey ref;
        import_ok(ref, k_ec_sec1, KeyFormat::sec1);
        PublicKey a, b;
        std::vector<std::uint8_t> ida, idb;
        ck_assert_int_eq(static_cast<int>(k.public_key(a)), 0);
        ck_assert_int_eq(static_cast<int>(ref.public_key(b)), 0);
        ck_assert_int_eq(static_cast<int>(a.key_id(GNUTLS_KEYID_USE_SHA256, ida)), 0);
        ck_assert_int_eq(static_cast<int>(b.key_id(GNUTLS_KEYID_USE_SHA256, idb)), 0);
        ck_assert(same(ida, idb));

        PrivateKey bad;
        ck_assert_int_eq(static_cast<int>(bad.import_der(view(der), KeyFormat::pkcs8_encrypted, "wrong", 0)),
                         static_cast<int>(Err::decryption_failed));
        ck_assert_int_eq(static_cast<int>(bad.import_der(view(der), KeyFormat::pkcs8_encrypted, nullptr, 0)),
                         static_cast<int>(Err::decryption_failed));
        ck_assert(bad.empty());
        // Automatic detection finds the encrypted form.
        PrivateKey autok;
        ck_assert_int_eq(static_cast<int>(autok.import_der(view(der), KeyFormat::automatic, "tlshim-test", 0)), 0);
    }
}
END_TEST

START_TEST(pbes2_roundtrip)
{
    PrivateKey k;
    import_ok(k, k_ed_p8, KeyFormat::pkcs8);
    const unsigned flags[] = {0, GNUTLS_PKCS_PBES2_AES_128, GNUTLS_PKCS_PBES2_3DES};
    for (unsigned f : flags) {
        SecretBytes enc;
        ck_assert_int_eq(static_cast<int>(k.export_der(KeyFormat::pkcs8_encrypted, "pw", f, enc)), 0);
        ck_assert(!same(enc, unhex(k_ed_p8)));
        PrivateKey k2;
        ck_assert_int_eq(static_cast<int>(k2.import_der(Bytes(enc.data(), enc.size()), KeyFormat::pkcs8_encrypted, "pw", 0)), 0);
        SecretBytes plain;
        ck_assert_int_eq(static_cast<int>(k2.export_der(KeyFormat::pkcs8, nullptr, 0, plain)), 0);
        ck_assert(same(plain, unhex(k_ed_p8)));
    }
    SecretBytes pem;
    ck_assert_int_eq(static_cast<int>(k.export_pem(KeyFormat::pkcs8, nullptr, 0, pem)), 0);
    std::string text(pem.begin(), pem.end());
    ck_assert(text.rfind("-----BEGIN PRIVATE KEY-----\n", 0) == 0);
    PrivateKey k3;
    ck_assert_int_eq(static_cast<int>(k3.import_pem(Bytes(pem.data(), pem.size()), nullptr, 0)), 0);
    ck_assert_int_eq(k3.algorithm(), GNUTLS_PK_EDDSA_ED25519);
}
END_TEST

START_TEST(sign_verify_all)
{
    struct Case {
        gnutls_pk_algorithm_t pk;
        unsigned bits;
        gnutls_sign_algorithm_t signs[8];
    };
    const Case cases[] = {
        {GNUTLS_PK_RSA, 2048, {GNUTLS_SIGN_RSA_SHA1, GNUTLS_SIGN_RSA_SHA224, GNUTLS_SIGN_RSA_SHA256, GNUTLS_SIGN_RSA_SHA384,
                               GNUTLS_SIGN_RSA_SHA512, GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, GNUTLS_SIGN_RSA_PSS_RSAE_SHA512}},
        {GNUTLS_PK_RSA_PSS, 2048, {GNUTLS_SIGN_RSA_PSS_SHA256, GNUTLS_SIGN_RSA_PSS_SHA384, GNUTLS_SIGN_RSA_PSS_SHA512}},
        {GNUTLS_PK_ECDSA, 256, {GNUTLS_SIGN_ECDSA_SHA1, GNUTLS_SIGN_ECDSA_SHA224, GNUTLS_SIGN_ECDSA_SHA256,
                                GNUTLS_SIGN_ECDSA_SHA384, GNUTLS_SIGN_ECDSA_SHA512, GNUTLS_SIGN_ECDSA_SECP256R1_SHA256}},
        {GNUTLS_PK_ECDSA, 384, {GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, GNUTLS_SIGN_ECDSA_SHA256}},
        {GNUTLS_PK_ECDSA, 521, {GNUTLS_SIGN_ECDSA_SECP521R1_SHA512}},
        {GNUTLS_PK_EDDSA_ED25519, 0, {GNUTLS_SIGN_EDDSA_ED25519}},
        {GNUTLS_PK_EDDSA_ED448, 0, {GNUTLS_SIGN_EDDSA_ED448}},
    };
    const std::uint8_t msg[] = "message to sign";
    for (const Case &c : cases) {
        PrivateKey k;
        ck_assert_int_eq(static_cast<int>(k.generate(c.pk, c.bits)), 0);
        ck_assert_int_eq(static_cast<int>(k.verify_params()), 0);
        PublicKey pub;
        ck_assert_int_eq(static_cast<int>(k.public_key(pub)), 0);
        ck_assert_int_eq(pub.algorithm(), c.pk);
        for (gnutls_sign_algorithm_t s : c.signs) {
            if (s == GNUTLS_SIGN_UNKNOWN)
                break;
            std::vector<std::uint8_t> sig;
            ck_assert_msg(ok(k.sign_data(s, Bytes(msg, sizeof msg), sig)), "sign %d with pk %d", s, c.pk);
            ck_assert_msg(ok(pub.verify_data(s, Bytes(msg, sizeof msg), view(sig))), "verify %d", s);
            // Another message, or a flipped signature bit, fails.
            ck_assert_int_eq(static_cast<int>(pub.verify_data(s, Bytes(msg, sizeof msg - 1), view(sig))),
                             static_cast<int>(Err::pk_sig_verify_failed));
            sig[sig.size() / 2] ^= 0x01;
            ck_assert_int_ne(static_cast<int>(pub.verify_data(s, Bytes(msg, sizeof msg), view(sig))), 0);
        }
    }
}
END_TEST

START_TEST(sign_policy)
{
    PrivateKey rsa, ec;
    import_ok(rsa, k_rsa_p1, KeyFormat::pkcs1);
    import_ok(ec, k_ec_sec1, KeyFormat::sec1);
    PublicKey rpub, epub;
    ck_assert_int_eq(static_cast<int>(rsa.public_key(rpub)), 0);
    ck_assert_int_eq(static_cast<int>(ec.public_key(epub)), 0);
    const std::uint8_t msg[] = "policy";
    std::vector<std::uint8_t> sig;
    // MD5 signatures can be made but are refused on verification unless
    // broken algorithms are allowed.
    ck_assert_int_eq(static_cast<int>(rsa.sign_data(GNUTLS_SIGN_RSA_MD5, Bytes(msg, 6), sig)), 0);
    ck_assert_int_eq(static_cast<int>(rpub.verify_data(GNUTLS_SIGN_RSA_MD5, Bytes(msg, 6), view(sig))),
                     static_cast<int>(Err::insufficient_security));
    x509::VerifyOptions broken;
    broken.allow_broken = true;
    ck_assert_int_eq(static_cast<int>(rpub.verify_data(GNUTLS_SIGN_RSA_MD5, Bytes(msg, 6), view(sig), nullptr, broken)), 0);
    // SHA-1 is fine in TLS, not in certificates (unless allowed).
    ck_assert_int_eq(static_cast<int>(rsa.sign_data(GNUTLS_SIGN_RSA_SHA1, Bytes(msg, 6), sig)), 0);
    ck_assert_int_eq(static_cast<int>(rpub.verify_data(GNUTLS_SIGN_RSA_SHA1, Bytes(msg, 6), view(sig))), 0);
    x509::VerifyOptions cert;
    cert.for_certificate = true;
    ck_assert_int_eq(static_cast<int>(rpub.verify_data(GNUTLS_SIGN_RSA_SHA1, Bytes(msg, 6), view(sig), nullptr, cert)),
                     static_cast<int>(Err::insufficient_security));
    cert.allow_sha1 = true;
    ck_assert_int_eq(static_cast<int>(rpub.verify_data(GNUTLS_SIGN_RSA_SHA1, Bytes(msg, 6), view(sig), nullptr, cert)), 0);
    // Wrong key type, wrong curve.
    ck_assert_int_eq(static_cast<int>(rpub.verify_data(GNUTLS_SIGN_ECDSA_SHA256, Bytes(msg, 6), view(sig))),
                     static_cast<int>(Err::constraint_error));
    // A TLS 1.3 scheme of another curve signs (with its hash) but does not verify.
    ck_assert_int_eq(static_cast<int>(ec.sign_data(GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, Bytes(msg, 6), sig)), 0);
    ck_assert_int_eq(static_cast<int>(epub.verify_data(GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, Bytes(msg, 6), view(sig))),
                     GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY);
    ck_assert_int_eq(static_cast<int>(epub.verify_data(GNUTLS_SIGN_ECDSA_SHA384, Bytes(msg, 6), view(sig))), 0);
    // Raw PKCS#1 v1.5 (DigestInfo supplied by the caller).
    const std::uint8_t raw[36] = {1, 2, 3};
    ck_assert_int_eq(static_cast<int>(rsa.sign_hash(GNUTLS_SIGN_RSA_RAW, Bytes(raw, 36), sig)), 0);
    ck_assert_int_eq(static_cast<int>(rpub.verify_hash(GNUTLS_SIGN_RSA_RAW, Bytes(raw, 36), view(sig))), 0);
}
END_TEST

START_TEST(pss_params)
{
    PssParams p;
    p.hash = GNUTLS_DIG_SHA384;
    p.salt_size = 48;
    p.present = true;
    std::vector<std::uint8_t> der;
    ck_assert_int_eq(static_cast<int>(x509::encode_pss_params(p, der)), 0);
    PssParams q;
    ck_assert_int_eq(static_cast<int>(x509::decode_pss_params(view(der), q)), 0);
    ck_assert(q.present);
    ck_assert_int_eq(q.hash, GNUTLS_DIG_SHA384);
    ck_assert_uint_eq(q.salt_size, 48);
    // Empty parameters: the RFC 4055 defaults.
    ck_assert_int_eq(static_cast<int>(x509::decode_pss_params(Bytes{}, q)), 0);
    ck_assert_int_eq(q.hash, GNUTLS_DIG_SHA1);
    ck_assert_uint_eq(q.salt_size, 20);

    // A key restricted to SHA-384 signs only with it.
    PrivateKey k;
    ck_assert_int_eq(static_cast<int>(k.generate(GNUTLS_PK_RSA_PSS, 2048, &p)), 0);
    const std::uint8_t msg[] = "pss";
    std::vector<std::uint8_t> sig;
    ck_assert_int_eq(static_cast<int>(k.sign_data(GNUTLS_SIGN_RSA_PSS_SHA256, Bytes(msg, 3), sig)),
                     static_cast<int>(Err::constraint_error));
    ck_assert_int_eq(static_cast<int>(k.sign_data(GNUTLS_SIGN_RSA_PSS_SHA384, Bytes(msg, 3), sig)), 0);
    PublicKey pub;
    ck_assert_int_eq(static_cast<int>(k.public_key(pub)), 0);
    ck_assert(pub.pss().present);
    std::vector<std::uint8_t> spki;
    ck_assert_int_eq(static_cast<int>(pub.export_spki(spki)), 0);
    PublicKey pub2;
    ck_assert_int_eq(static_cast<int>(pub2.import_spki(view(spki))), 0);
    ck_assert_int_eq(pub2.algorithm(), GNUTLS_PK_RSA_PSS);
    ck_assert_int_eq(pub2.pss().hash, GNUTLS_DIG_SHA384);
    ck_assert_uint_eq(pub2.pss().salt_size, 48);
    ck_assert_int_eq(static_cast<int>(pub2.verify_data(GNUTLS_SIGN_RSA_PSS_SHA384, Bytes(msg, 3), view(sig))), 0);

    // The signature AlgorithmIdentifier of RSA-PSS with SHA-384.
    std::vector<std::uint8_t> alg = {0x30, 0x00};
    std::vector<std::uint8_t> oid = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a};
    alg.insert(alg.end(), oid.begin(), oid.end());
    alg.insert(alg.end(), der.begin(), der.end());
    alg[1] = static_cast<std::uint8_t>(alg.size() - 2);
    gnutls_sign_algorithm_t sign;
    PssParams got;
    ck_assert_int_eq(static_cast<int>(x509::decode_signature_algorithm(view(alg), sign, got)), 0);
    ck_assert_int_eq(sign, GNUTLS_SIGN_RSA_PSS_SHA384);
    ck_assert_uint_eq(got.salt_size, 48);
}
END_TEST

START_TEST(malformed_der)
{
    const char *const keys[] = {k_rsa_p1, k_rsa_p8, k_ec_sec1, k_ed_p8, k_ec_enc};
    for (const char *hex : keys) {
        auto der = unhex(hex);
        // Every truncation fails without reading past the end.
        for (std::size_t n = 0; n < der.size(); n += (n < 40 ? 1 : 37)) {
            std::vector<std::uint8_t> cut(der.begin(), der.begin() + static_cast<std::ptrdiff_t>(n));
            PrivateKey k;
            ck_assert_int_ne(static_cast<int>(k.import_der(view(cut), KeyFormat::automatic, "tlshim-test", 0)), 0);
            ck_assert(k.empty());
        }
        // Flipped bits either fail or give a key that passes its own check.
        for (std::size_t i = 0; i < der.size(); i += 7) {
            auto bad = der;
            bad[i] ^= 0x40;
            PrivateKey k;
            if (ok(k.import_der(view(bad), KeyFormat::automatic, "tlshim-test", 0)))
                ck_assert_int_eq(static_cast<int>(k.verify_params()), 0);
        }
    }
    auto spki = unhex(k_ec_spki);
    for (std::size_t n = 0; n < spki.size(); n++) {
        PublicKey p;
        ck_assert_int_ne(static_cast<int>(p.import_spki(Bytes(spki.data(), n))), 0);
    }
    spki[spki.size() - 1] ^= 1;  // point no longer on the curve
    PublicKey p;
    ck_assert_int_ne(static_cast<int>(p.import_spki(view(spki))), 0);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("keys");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, rsa_pkcs1_roundtrip);
    tcase_add_test(tc, rsa_pkcs8_auto);
    tcase_add_test(tc, ec_sec1_roundtrip);
    tcase_add_test(tc, ed25519_rfc8410);
    tcase_add_test(tc, pbes2_openssl);
    tcase_add_test(tc, pbes2_roundtrip);
    tcase_add_test(tc, sign_verify_all);
    tcase_add_test(tc, sign_policy);
    tcase_add_test(tc, pss_params);
    tcase_add_test(tc, malformed_der);
    suite_add_tcase(s, tc);
    return s;
}
