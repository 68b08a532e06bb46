// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the public-key core: RFC 8032 / RFC 7748 / NIST CAVS
// known answers, OpenSSL-made RSA and ECDSA signatures, sign/verify round
// trips for every key type, tampering, invalid peer values, and the
// Bleichenbacher-safe premaster decryption.
#include <gmp.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/crypto/hash.hh"
#include "core/pk/dh.hh"
#include "core/pk/ecc.hh"
#include "core/pk/edwards.hh"
#include "core/pk/mpz.hh"
#include "core/pk/rsa.hh"

#include "../unit/check-main.hh"

using namespace tlshim;
using namespace tlshim::pk;
using Buf = std::vector<std::uint8_t>;

static Buf unhex(const char *s)
{
    Buf out;
    for (std::size_t i = 0; s[i] && s[i + 1]; i += 2)
        out.push_back(static_cast<std::uint8_t>(std::stoi(std::string(s + i, 2), nullptr, 16)));
    return out;
}
template <typename A, typename B>
static bool same(const A &a, const B &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}
static Bytes msg_bytes(const char *m) { return Bytes(reinterpret_cast<const std::uint8_t *>(m), std::strlen(m)); }
static Buf digest(gnutls_digest_algorithm_t alg, Bytes msg)
{
    Buf d(crypto::hash_output_size(alg));
    ck_assert_int_eq(static_cast<int>(crypto::Hash::compute(alg, msg, d.data())), 0);
    return d;
}
#define OK(expr) ck_assert_int_eq(static_cast<int>(expr), 0)
#define FAILS_WITH(expr, err) ck_assert_int_eq(static_cast<int>(expr), static_cast<int>(err))

// Generated once with OpenSSL 3.0 (through python3-cryptography); message:
static const char kMsg[] = "tlshim public-key known answer";
static const char kRsaN[] =
    "e63393d657614ba54d63d40ad70f5b07496956d550c4d1b65b72307c08c6edb91a2bb6ebeb88718232464df990262ae4"
    "b1546024c5a98f423b8721d4081371951f4d1e4679384677ca9eb611f505690101c8a37b538b672fbd187e06c1c75c4e"
    "f65794b14cb91d62bf00246646f8a292c2ac61d8944d3a32ee1537830c97ec26ece29733641d22b2b332df85aaa9a6fd"
    "4f2a4a389226cc3173ff3c08739088cb0719fa6d6205f93a142700d97c2a18ee7005267872f269481dbf12ca4591f8f8"
    "70e0e68104e5aad09573509150c95594836f6ae85c36e4024ae66ac44c1feee8a599197985c9de3f6e49983305bb3ace"
    "6d5c4e1624649b0485ffdba17f9a703b"
    ;
static const char kRsaE[] =
    "010001"
    ;
static const char kRsaD[] =
    "38ec9c2c2ea3629f57c9cdcf786ad5a9b19f98d75b07b08c1584e1346abf365dc578f5dcd4fb82861d848117ab6ba4c3"
    "b48e16d04108b2e23ff2248d5809e6d6674d1ca574a853d49f882ba1b9234359fa64f0f8382a8ab3a560ff1910a609cf"
    "84df1767d87f16232af4100c32949d2f0970b3296952c7877c94468be37b55ebba2c4399e6bbea647e92081aca271a20"
    "011a3c689951aa9b60e4f7a109a0b73051a8a8def4733fef937f54d29bab2c0a8f57d58add8b7b1d7d147881ee5c0399"
    "855631e629aa347301684b4d272d93268e037db4e06a6d2f5a1baf0d934d9d6713255ea168d1d6e32c87f03376035b6b"
    "891c66434a5dcf637a6be344e0d6da51"
    ;
static const char kRsaP[] =
    "f41c5aafb21baea2a0dda7a02fecd45a45c75bfb93c30d2f14c813c772731f46d4711d78df24e7dd5f7910b25ba7080c"
    "85d754ec0f1813ed6c5b7d5a872d6e4b8c246955504e06612748b91f873ac9f99734c2b9e1f6e1110000a38dc560ad5e"
    "c5ebd52dbfd6f9e308bf242204423b45c94f7b507f9cea978e290c7d5b8006cf"
    ;
static const char kRsaQ[] =
    "f169cc53013e91886521650fcf70d6307de604c85b147ad89d11ce46bc063dce7de6357430b3b19f1fabe125a2652eee"
    "8fd0eba223ff59aacf6f4fb4314c578883d00ea6e4f4aebf44ca50d7a2e82378c89f719d3dd2bc9e97b74943308abca5"
    "8257e7c757d39e8e325fb23845d3d672cd2f7db2445f26a8a6975ff3d5505ad5"
    ;
static const char kRsaDp[] =
    "57a2023046a947651c88d60f5c8511aaa29831fe3b8a6f2632b8acd911ce2031463ca14eee148aa45f0cd020a7646c30"
    "4ab005cd8491a93db7839499b6236a0ff6ec6f5ff0274285081c4450fc33efa409532880a08d07391a1e2098d97d9e5f"
    "827fea14b564d06a5f8e76c33b7227632324c4691e96cf64bee51f95b50e5de3"
    ;
static const char kRsaDq[] =
    "77b6c2470b1feee5575917179f03d2835b7b5c35caccbe1a7ad1609c3d134f44fdb3d2201b2290db5ac64e30ee7604ae"
    "f28c64bd13e2c5a1699a464912054c86faee8ac582563fedc37c1c58c2852149fd1aec295086175901dd372c657ef70b"
    "90366d4eb223d3c5a9ff408e9d39ee67218f02630b7aafde04369eb378bd8f3d"
    ;
static const char kRsaQinv[] =
    "50fbfca00713c23c1adc3b6408652e9eea41920a8f7a0a908e8604b6d8a6602a304070275c959015f17ca7bf3c13ba24"
    "9aeee8faacc65f5b0c3132ea8d5b7e35f20af0015aa5334fdf494862be5cb1950ffd28d43f7811254317aaeed3000a21"
    "de692bc4f1feebc03006e16a753af7d3ada490ac319937485aa47277683154f8"
    ;
static const char kRsaPkcs1Sha256[] =
    "2844e8083bb478164f885ac6ba05a525bdfc752dcbe03165414d7e5f11b13cb755bd842d9a729173f15c760e8825e381"
    "caba018b45a5050a3c1f86e63e1ec059fd4212039650010ff3392e4ae7af3b46d69527217ca3f842aebe98ba30e26706"
    "cefc0f148014c6d3b3fe04e4085b6ae30f7029eee92e633f17e5d56ccad701d28dbd3fb3d253a0488d4398ae6616bbc3"
    "b049f6d12e51ddc1d95a666cb0bc6d7571b2d288d5559c346da038110c915307bb4fb70b06d707d542354078828904cb"
    "df91f0558083da59020e14ec5c76adb0128c756598f30fc18a507cf2e742ed27e157fa4f33b63518bdde57dc7483804e"
    "34fe97e469d6cbfd04d173b799d1481d"
    ;
static const char kRsaPssSha256[] =
    "40da359b8271f58728e5b3efd81c2c84ef76df2ff8c10f9496328f3de62f492e06824d34ad0dccabfd2cc0f82641e637"
    "0013d253c5d300a8401bb9a5604bf9a5c771fb02f9dee14a4a0073d954b936d91055432cc7f8afd6f6e05791a26cff86"
    "3e77d221868ed605ab98c24d6608291ee690b19bdc2130e814d931f89854d5a9f98ddcececc2b6635aac8364257ec661"
    "6ccf0a1e94bd4aa46bb0d8660cf08c1546433b2d0304f9b6487ed559145b9a8928e983eb6a75f8e2444d0178cd1e8295"
    "849fc0e03d368999c0abe532095bf23232903496d631a5fcbb518309a3e9914b0637511ca194d7794b717c0b13b9d8cd"
    "534a80b6213cad937678380f01f7835e"
    ;
static const char kRsaPssSha384Salt0[] =
    "5226b27e8fb553f09025117bfc829e6b0a03f4468ef7d804579ba1adfa8daf620a536135020afc5ddcc5724e8050a2aa"
    "8742fe3e15136ae8f6c7e959d06dd19c5c588fd6adcb06cc399ed800335aff6e25f569c4813588e6cbbe16f4153f71d8"
    "f29bc26fa506831ef70cd59addb965ed44650e8294188b1c2f2ee9c5b5e38a2ef62f3c5d83152b8743b1ce560941bd3a"
    "ae3116fb4c4a6e9be0de0e1c303810686ab95cc89cd075ed963f08044da4744bc746a1367681a497858591af0a32275e"
    "90db0f2c78a9f008854a366727ff3489f4d03f180580395aec835c8f9a09360621652bf2d384fd73425d9d24a056eed1"
    "afcddf90a96713e3d929d264354a442a"
    ;
static const char kEcX[] =
    "8829f779819c095e35bc4da22ffd83f05baaf61bf5679e08189c115ae91cd299"
    ;
static const char kEcY[] =
    "929bed2eff4808e59310d429524e149b234f9a1946fa5faf0519ff7b693532ec"
    ;
static const char kEcdsaSha256Der[] =
    "3044022000879ec8f3eb8fce0d6b9907b21795160033baf905ccffebf29b936e48c9a99e0220521d879eccb56b5d2ce5"
    "659faf6fc3ddd3d13adbe446787fbe12b7185679ac7f"
    ;
static const char kEc384X[] =
    "94ab79b731b42433bbc12f5e4ee48e27d2c340128678fae0adb1f9af0ea3c177e4979b420524d415dfeeab422c592f73"
    ;
static const char kEc384Y[] =
    "9692738a1b61603e5d77508c29993979bf9445833257a36fe51687a7140342c55f205af69205314ef2b5c23e7fd09a1c"
    ;
static const char kEcdsa384Sha384Der[] =
    "3066023100995d506168bb48b82d22d50df179c776d46177768688b6e4599b76e2c504c49b32a257093cf98e4e6dfe80"
    "3cf35adb26023100cd55462598994e2807be30866b75e4c169acbaa0fbe8ff1603c76e1156c541135490d689d72aa8ef"
    "cd67f31fb4517f8f"
    ;

// --- RFC 8032 ------------------------------------------------------------------

START_TEST(ed25519_rfc8032)
{
    // RFC 8032, 7.1, TEST 1 (empty message) and TEST 2 (one byte).
    RawCurveKey k;
    OK(k.import_private(GNUTLS_ECC_CURVE_ED25519, unhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")));
    ck_assert(same(k.public_key(), unhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")));
    Buf sig;
    OK(eddsa_sign(k, {}, sig));
    ck_assert(same(sig, unhex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")));
    RawCurveKey pub;
    OK(pub.import_public(GNUTLS_ECC_CURVE_ED25519, k.public_key()));
    OK(eddsa_verify(pub, {}, sig));
    sig[10] ^= 1;
    FAILS_WITH(eddsa_verify(pub, {}, sig), Err::pk_sig_verify_failed);

    RawCurveKey k2;
    OK(k2.import_pair(GNUTLS_ECC_CURVE_ED25519, unhex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"),
                      unhex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")));
    Buf m = unhex("72");
    OK(eddsa_sign(k2, m, sig));
    ck_assert(same(sig, unhex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")));
    OK(eddsa_verify(k2, m, sig));
    m[0] ^= 1;
    FAILS_WITH(eddsa_verify(k2, m, sig), Err::pk_sig_verify_failed);
    // A mismatched pair, wrong sizes.
    FAILS_WITH(k2.import_pair(GNUTLS_ECC_CURVE_ED25519, unhex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"),
                              k.public_key()),
               Err::illegal_parameter);
    FAILS_WITH(k2.import_private(GNUTLS_ECC_CURVE_ED25519, unhex("4ccd")), Err::illegal_parameter);
    FAILS_WITH(eddsa_verify(k, {}, Bytes(sig.data(), 63)), Err::pk_sig_verify_failed);
}
END_TEST

START_TEST(ed448_rfc8032)
{
    // RFC 8032, 7.4, "Blank" and "1 octet".
    RawCurveKey k;
    OK(k.import_private(GNUTLS_ECC_CURVE_ED448, unhex("6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b")));
    ck_assert(same(k.public_key(), unhex("5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180")));
    Buf sig;
    OK(eddsa_sign(k, {}, sig));
    ck_assert(same(sig, unhex("533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600")));
    RawCurveKey pub;
    OK(pub.import_public(GNUTLS_ECC_CURVE_ED448, k.public_key()));
    OK(eddsa_verify(pub, {}, sig));
    sig[100] ^= 0x40;
    FAILS_WITH(eddsa_verify(pub, {}, sig), Err::pk_sig_verify_failed);
    FAILS_WITH(eddsa_verify(pub, msg_bytes("x"), sig), Err::pk_sig_verify_failed);
}
END_TEST

// --- RFC 7748 ------------------------------------------------------------------

START_TEST(x25519_rfc7748)
{
    // 5.2, first vector: scalar times an arbitrary u.
    RawCurveKey a;
    SecretBytes z;
    OK(a.import_private(GNUTLS_ECC_CURVE_X25519, unhex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4")));
    OK(x_shared(a, unhex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"), z));
    ck_assert(same(z, unhex("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")));
    // 6.1: both sides of the exchange.
    RawCurveKey alice, bob;
    OK(alice.import_private(GNUTLS_ECC_CURVE_X25519, unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")));
    OK(bob.import_private(GNUTLS_ECC_CURVE_X25519, unhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")));
    ck_assert(same(alice.public_key(), unhex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")));
    ck_assert(same(bob.public_key(), unhex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")));
    SecretBytes za, zb;
    OK(x_shared(alice, bob.public_key(), za));
    OK(x_shared(bob, alice.public_key(), zb));
    ck_assert(same(za, unhex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")));
    ck_assert(same(za, zb));
    // Small-order peer values give an all-zero secret: refused.
    Buf zero(32, 0), one(32, 0);
    one[0] = 1;
    FAILS_WITH(x_shared(alice, zero, z), Err::illegal_parameter);
    FAILS_WITH(x_shared(alice, one, z), Err::illegal_parameter);
    FAILS_WITH(x_shared(alice, Bytes(zero.data(), 31), z), Err::illegal_parameter);
    // A public key alone cannot agree.
    RawCurveKey pub;
    OK(pub.import_public(GNUTLS_ECC_CURVE_X25519, bob.public_key()));
    FAILS_WITH(x_shared(pub, alice.public_key(), z), Err::invalid_request);
}
END_TEST

START_TEST(x448_rfc7748)
{
    RawCurveKey alice, bob;
    OK(alice.import_private(GNUTLS_ECC_CURVE_X448, unhex("9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b")));
    OK(bob.import_private(GNUTLS_ECC_CURVE_X448, unhex("1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d6927c120bb5ee8972b0d3e21374c9c921b09d1b0366f10b65173992d")));
    ck_assert(same(alice.public_key(), unhex("9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0")));
    ck_assert(same(bob.public_key(), unhex("3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609")));
    SecretBytes za, zb, z;
    OK(x_shared(alice, bob.public_key(), za));
    OK(x_shared(bob, alice.public_key(), zb));
    ck_assert(same(za, unhex("07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282bb60c0b56fd2464c335543936521c24403085d59a449a5037514a879d")));
    ck_assert(same(za, zb));
    Buf zero(56, 0), one(56, 0);
    one[0] = 1;
    FAILS_WITH(x_shared(alice, zero, z), Err::illegal_parameter);
    FAILS_WITH(x_shared(alice, one, z), Err::illegal_parameter);
    FAILS_WITH(x_shared(alice, Buf(57, 5), z), Err::illegal_parameter);
}
END_TEST

// --- NIST P-256 ECDH (CAVS ecccdh, P-256 COUNT = 0) -----------------------------

START_TEST(p256_ecdh_cavs)
{
    EcKey ours;
    OK(ours.import_private(GNUTLS_ECC_CURVE_SECP256R1, unhex("7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534")));
    SecretBytes x, y;
    OK(ours.pub().get(x, y));
    ck_assert(same(x, unhex("ead218590119e8876b29146ff89ca61770c4edbbf97d38ce385ed281d8a6b230")));
    ck_assert(same(y, unhex("28af61281fd35e2fa7002523acc85a429cb06ee6648325389f59edfce1405141")));
    Buf px = unhex("700c48f77f56584c5cc632ca65640db91b6bacce3a4df6b42ce7cc838833d287");
    Buf py = unhex("db71e509e3fd9b060ddb20ba5c51dcc5948d46fbf640dfe0441782cab85fa4ac");
    EcPoint peer;
    OK(peer.set(GNUTLS_ECC_CURVE_SECP256R1, px, py));
    SecretBytes z;
    OK(ecdh_shared(ours, peer, z));
    ck_assert(same(z, unhex("46fc62106420ff012e54a434fbdd2d25ccc5852060561e68040dd7778997bd7b")));
    // The same through the uncompressed encoding.
    Buf enc{0x04};
    enc.insert(enc.end(), px.begin(), px.end());
    enc.insert(enc.end(), py.begin(), py.end());
    EcPoint peer2;
    OK(peer2.set_encoded(GNUTLS_ECC_CURVE_SECP256R1, enc));
    OK(ecdh_shared(ours, peer2, z));
    ck_assert(same(z, unhex("46fc62106420ff012e54a434fbdd2d25ccc5852060561e68040dd7778997bd7b")));
    Buf back;
    OK(peer2.encoded(back));
    ck_assert(same(back, enc));

    // Invalid peer points.
    EcPoint bad;
    Buf py1 = py;
    py1.back() ^= 1;
    FAILS_WITH(bad.set(GNUTLS_ECC_CURVE_SECP256R1, px, py1), Err::illegal_parameter);  // off the curve
    FAILS_WITH(bad.set(GNUTLS_ECC_CURVE_SECP256R1, Buf(32, 0), Buf(32, 0)), Err::illegal_parameter);  // "infinity"
    Buf p = unhex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
    FAILS_WITH(bad.set(GNUTLS_ECC_CURVE_SECP256R1, p, py), Err::illegal_parameter);  // x = field prime
    FAILS_WITH(bad.set_encoded(GNUTLS_ECC_CURVE_SECP256R1, Buf{0x00}), Err::illegal_parameter);
    Buf comp{0x02};
    comp.insert(comp.end(), px.begin(), px.end());
    FAILS_WITH(bad.set_encoded(GNUTLS_ECC_CURVE_SECP256R1, comp), Err::illegal_parameter);
    enc.pop_back();
    FAILS_WITH(bad.set_encoded(GNUTLS_ECC_CURVE_SECP256R1, enc), Err::illegal_parameter);
    FAILS_WITH(ecdh_shared(ours, bad, z), Err::invalid_request);
    // A point on another curve.
    EcKey other;
    OK(other.generate(GNUTLS_ECC_CURVE_SECP384R1));
    FAILS_WITH(ecdh_shared(ours, other.pub(), z), Err::invalid_request);
    // Private scalars out of range.
    EcScalar s;
    FAILS_WITH(s.set(GNUTLS_ECC_CURVE_SECP256R1, Buf(32, 0)), Err::illegal_parameter);
    FAILS_WITH(s.set(GNUTLS_ECC_CURVE_SECP256R1, Buf(32, 0xff)), Err::illegal_parameter);
    // A key whose point does not match its scalar.
    EcKey mism;
    FAILS_WITH(mism.import(GNUTLS_ECC_CURVE_SECP256R1, px, py, unhex("7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534")),
               Err::illegal_parameter);
}
END_TEST

START_TEST(ecdh_roundtrip)
{
    for (auto c : {GNUTLS_ECC_CURVE_SECP256R1, GNUTLS_ECC_CURVE_SECP384R1, GNUTLS_ECC_CURVE_SECP521R1}) {
        EcKey a, b;
        OK(a.generate(c));
        OK(b.generate(c));
        SecretBytes za, zb;
        OK(ecdh_shared(a, b.pub(), za));
        OK(ecdh_shared(b, a.pub(), zb));
        ck_assert(same(za, zb));
        ck_assert_uint_eq(za.size(), nist_curve_bytes(c));
    }
    for (auto c : {GNUTLS_ECC_CURVE_X25519, GNUTLS_ECC_CURVE_X448}) {
        RawCurveKey a, b;
        OK(a.generate(c));
        OK(b.generate(c));
        SecretBytes za, zb;
        OK(x_shared(a, b.public_key(), za));
        OK(x_shared(b, a.public_key(), zb));
        ck_assert(same(za, zb));
    }
}
END_TEST

// --- OpenSSL-made signatures ------------------------------------------------------

START_TEST(rsa_verify_openssl)
{
    RsaPublicKey pub;
    OK(pub.set(unhex(kRsaN), unhex(kRsaE)));
    ck_assert_uint_eq(pub.bits(), 2048);
    Bytes m = msg_bytes(kMsg);
    Buf d256 = digest(GNUTLS_DIG_SHA256, m), d384 = digest(GNUTLS_DIG_SHA384, m);
    Buf sig = unhex(kRsaPkcs1Sha256);
    OK(rsa_pkcs1_verify(pub, GNUTLS_DIG_SHA256, d256, sig));
    // A different digest algorithm with the same bytes is a different DigestInfo.
    FAILS_WITH(rsa_pkcs1_verify(pub, GNUTLS_DIG_SHA3_256, d256, sig), Err::pk_sig_verify_failed);
    Buf pss = unhex(kRsaPssSha256);
    OK(rsa_pss_verify(pub, GNUTLS_DIG_SHA256, d256, pss));
    OK(rsa_pss_verify(pub, GNUTLS_DIG_SHA256, d256, pss, 32));
    FAILS_WITH(rsa_pss_verify(pub, GNUTLS_DIG_SHA256, d256, pss, 20), Err::pk_sig_verify_failed);
    FAILS_WITH(rsa_pkcs1_verify(pub, GNUTLS_DIG_SHA256, d256, pss), Err::pk_sig_verify_failed);
    FAILS_WITH(rsa_pss_verify(pub, GNUTLS_DIG_SHA256, d256, sig), Err::pk_sig_verify_failed);
    OK(rsa_pss_verify(pub, GNUTLS_DIG_SHA384, d384, unhex(kRsaPssSha384Salt0), 0));
    // Tampering: signature, digest, over-long signature.
    sig[100] ^= 1;
    FAILS_WITH(rsa_pkcs1_verify(pub, GNUTLS_DIG_SHA256, d256, sig), Err::pk_sig_verify_failed);
    sig[100] ^= 1;
    d256[0] ^= 1;
    FAILS_WITH(rsa_pkcs1_verify(pub, GNUTLS_DIG_SHA256, d256, sig), Err::pk_sig_verify_failed);
    FAILS_WITH(rsa_pss_verify(pub, GNUTLS_DIG_SHA256, d256, pss), Err::pk_sig_verify_failed);
    sig.insert(sig.begin(), 0);
    d256[0] ^= 1;
    FAILS_WITH(rsa_pkcs1_verify(pub, GNUTLS_DIG_SHA256, d256, sig), Err::pk_sig_verify_failed);
    // Digest of the wrong length.
    FAILS_WITH(rsa_pkcs1_verify(pub, GNUTLS_DIG_SHA256, d384, unhex(kRsaPkcs1Sha256)), Err::invalid_request);
}
END_TEST

START_TEST(ecdsa_verify_openssl)
{
    Bytes m = msg_bytes(kMsg);
    EcPoint pub;
    OK(pub.set(GNUTLS_ECC_CURVE_SECP256R1, unhex(kEcX), unhex(kEcY)));
    Buf d = digest(GNUTLS_DIG_SHA256, m);
    Buf der = unhex(kEcdsaSha256Der);
    OK(ecdsa_verify_der(pub, d, der));
    // Decoding and re-encoding gives the same DER.
    Mpz r, s;
    OK(ecdsa_sig_decode(der, r, s));
    Buf again;
    OK(ecdsa_sig_encode(r, s, again));
    ck_assert(same(again, der));
    OK(ecdsa_verify(pub, d, r, s));
    // Tampered signature, digest, trailing garbage, swapped (s, r).
    Buf bad = der;
    bad[bad.size() - 1] ^= 1;
    FAILS_WITH(ecdsa_verify_der(pub, d, bad), Err::pk_sig_verify_failed);
    bad = der;
    bad.push_back(0);
    FAILS_WITH(ecdsa_verify_der(pub, d, bad), Err::pk_sig_verify_failed);
    FAILS_WITH(ecdsa_verify(pub, d, s, r), Err::pk_sig_verify_failed);
    d[3] ^= 0x80;
    FAILS_WITH(ecdsa_verify_der(pub, d, der), Err::pk_sig_verify_failed);

    EcPoint pub384;
    OK(pub384.set(GNUTLS_ECC_CURVE_SECP384R1, unhex(kEc384X), unhex(kEc384Y)));
    Buf d384 = digest(GNUTLS_DIG_SHA384, m);
    OK(ecdsa_verify_der(pub384, d384, unhex(kEcdsa384Sha384Der)));
    FAILS_WITH(ecdsa_verify_der(pub, d384, unhex(kEcdsa384Sha384Der)), Err::pk_sig_verify_failed);
}
END_TEST

START_TEST(ecdsa_der_strict)
{
    Mpz r, s;
    // Non-minimal integer, negative integer, empty integer, wrong tags.
    FAILS_WITH(ecdsa_sig_decode(unhex("3007020200010201" "01"), r, s), Err::asn1_der_error);
    FAILS_WITH(ecdsa_sig_decode(unhex("30060201810201" "01"), r, s), Err::asn1_der_error);
    FAILS_WITH(ecdsa_sig_decode(unhex("300502000201" "01"), r, s), Err::asn1_der_error);
    FAILS_WITH(ecdsa_sig_decode(unhex("31060201010201" "01"), r, s), Err::asn1_der_error);
    FAILS_WITH(ecdsa_sig_decode(unhex("3081060201010201" "01"), r, s), Err::asn1_der_error);
    OK(ecdsa_sig_decode(unhex("30070202008002017f"), r, s));
    ck_assert_uint_eq(mpz_get_ui(r.get()), 0x80);
    ck_assert_uint_eq(mpz_get_ui(s.get()), 0x7f);
    Buf der;
    OK(ecdsa_sig_encode(r, s, der));
    ck_assert(same(der, unhex("30070202008002017f")));
}
END_TEST

// --- round trips ----------------------------------------------------------------

static void rsa_private(RsaPrivateKey &k)
{
    OK(k.import(unhex(kRsaN), unhex(kRsaE), unhex(kRsaD), unhex(kRsaP), unhex(kRsaQ), unhex(kRsaDp), unhex(kRsaDq),
                unhex(kRsaQinv)));
}

static void rsa_sign_all(const RsaPrivateKey &k)
{
    RsaPublicKey pub;
    OK(k.public_key(pub));
    Bytes m = msg_bytes("round trip");
    for (auto alg : {GNUTLS_DIG_SHA1, GNUTLS_DIG_SHA224, GNUTLS_DIG_SHA256, GNUTLS_DIG_SHA384, GNUTLS_DIG_SHA512}) {
        Buf d = digest(alg, m), sig;
        OK(rsa_pkcs1_sign(k, alg, d, sig));
        ck_assert_uint_eq(sig.size(), k.size());
        OK(rsa_pkcs1_verify(pub, alg, d, sig));
        sig[5] ^= 4;
        FAILS_WITH(rsa_pkcs1_verify(pub, alg, d, sig), Err::pk_sig_verify_failed);
    }
    for (auto alg : {GNUTLS_DIG_SHA256, GNUTLS_DIG_SHA384, GNUTLS_DIG_SHA512}) {
        Buf d = digest(alg, m), sig, sig2;
        OK(rsa_pss_sign(k, alg, d, sig));
        OK(rsa_pss_sign(k, alg, d, sig2));
        ck_assert(!same(sig, sig2));  // random salt
        OK(rsa_pss_verify(pub, alg, d, sig));
        OK(rsa_pss_verify(pub, alg, d, sig2));
        OK(rsa_pss_sign(k, alg, d, sig, 0));
        OK(rsa_pss_verify(pub, alg, d, sig, 0));
        FAILS_WITH(rsa_pss_verify(pub, alg, d, sig), Err::pk_sig_verify_failed);
        sig[0] ^= 1;
        FAILS_WITH(rsa_pss_verify(pub, alg, d, sig, 0), Err::pk_sig_verify_failed);
    }
    Buf d1 = digest(GNUTLS_DIG_SHA1, m), sig;
    FAILS_WITH(rsa_pss_sign(k, GNUTLS_DIG_SHA1, d1, sig), Err::unsupported_signature_algorithm);
    // TLS 1.0/1.1 style: MD5 || SHA-1 without a DigestInfo.
    Buf both = digest(GNUTLS_DIG_MD5, m);
    both.insert(both.end(), d1.begin(), d1.end());
    OK(rsa_pkcs1_sign_raw(k, both, sig));
    OK(rsa_pkcs1_verify_raw(pub, both, sig));
    FAILS_WITH(rsa_pkcs1_verify(pub, GNUTLS_DIG_SHA1, d1, sig), Err::pk_sig_verify_failed);
    both[35] ^= 1;
    FAILS_WITH(rsa_pkcs1_verify_raw(pub, both, sig), Err::pk_sig_verify_failed);
}

START_TEST(rsa_roundtrip)
{
    RsaPrivateKey k;
    rsa_private(k);
    rsa_sign_all(k);
    // Export gives back what was imported.
    RsaRaw raw;
    OK(k.export_raw(raw));
    ck_assert(same(raw.n, unhex(kRsaN)));
    ck_assert(same(raw.qinv, unhex(kRsaQinv)));
    ck_assert(same(raw.d, unhex(kRsaD)));
    // Without the CRT values (computed), and without d (recovered).
    RsaPrivateKey k2, k3;
    OK(k2.import(unhex(kRsaN), unhex(kRsaE), unhex(kRsaD), unhex(kRsaP), unhex(kRsaQ), {}, {}, {}));
    RsaRaw raw2;
    OK(k2.export_raw(raw2));
    ck_assert(same(raw2.dp, raw.dp) && same(raw2.dq, raw.dq) && same(raw2.qinv, raw.qinv));
    OK(k3.import(unhex(kRsaN), unhex(kRsaE), {}, unhex(kRsaP), unhex(kRsaQ), unhex(kRsaDp), unhex(kRsaDq), unhex(kRsaQinv)));
    Buf d = digest(GNUTLS_DIG_SHA256, msg_bytes(kMsg)), sig;
    OK(rsa_pkcs1_sign(k3, GNUTLS_DIG_SHA256, d, sig));
    ck_assert(same(sig, unhex(kRsaPkcs1Sha256)));  // PKCS#1 v1.5 is deterministic
    // Inconsistent material.
    RsaPrivateKey bad;
    FAILS_WITH(bad.import(unhex(kRsaN), unhex(kRsaE), unhex(kRsaD), unhex(kRsaQ), unhex(kRsaQ), {}, {}, {}), Err::invalid_request);
    FAILS_WITH(bad.import(unhex(kRsaN), unhex(kRsaE), unhex(kRsaD), unhex(kRsaP), unhex(kRsaQ), unhex(kRsaDq), unhex(kRsaDp),
                          unhex(kRsaQinv)),
               Err::invalid_request);
    FAILS_WITH(rsa_pkcs1_sign(bad, GNUTLS_DIG_SHA256, d, sig), Err::invalid_request);
}
END_TEST

START_TEST(rsa_generate_keys)
{
    RsaPrivateKey k;
    OK(k.generate(2048));
    ck_assert_uint_eq(k.bits(), 2048);
    rsa_sign_all(k);
    RsaRaw raw;
    OK(k.export_raw(raw));
    RsaPrivateKey k2;
    OK(k2.import(raw));
    RsaPublicKey pub;
    OK(k.public_key(pub));
    Buf d = digest(GNUTLS_DIG_SHA256, msg_bytes("x")), sig;
    OK(rsa_pkcs1_sign(k2, GNUTLS_DIG_SHA256, d, sig));
    OK(rsa_pkcs1_verify(pub, GNUTLS_DIG_SHA256, d, sig));
    ck_assert_int_eq(mpz_get_ui(pub.nettle()->e), 65537);
    FAILS_WITH(k.generate(512), Err::invalid_request);
    RsaPrivateKey k3072;
    OK(k3072.generate(3072));
    ck_assert_uint_eq(k3072.bits(), 3072);
    ck_assert_uint_eq(k3072.size(), 384);
    RsaPublicKey pub3072;
    OK(k3072.public_key(pub3072));
    OK(rsa_pss_sign(k3072, GNUTLS_DIG_SHA256, d, sig));
    OK(rsa_pss_verify(pub3072, GNUTLS_DIG_SHA256, d, sig));
}
END_TEST

// c = m^e mod n for a chosen encoded message m (any padding).
static Buf raw_encrypt(const RsaPublicKey &pub, const Buf &em)
{
    Mpz m(em), c;
    mpz_powm(c.get(), m.get(), pub.nettle()->e, pub.nettle()->n);
    Buf out(pub.size());
    ck_assert(c.to_bytes(out));
    return out;
}

START_TEST(rsa_encryption)
{
    RsaPrivateKey k;
    rsa_private(k);
    RsaPublicKey pub;
    OK(k.public_key(pub));
    Buf plain = unhex("00112233445566778899aabbccddeeff"), ct;
    OK(rsa_encrypt(pub, plain, ct));
    ck_assert_uint_eq(ct.size(), 256);
    SecretBytes out;
    OK(rsa_decrypt(k, ct, out));
    ck_assert(same(out, plain));
    Buf ct2;
    OK(rsa_encrypt(pub, plain, ct2));
    ck_assert(!same(ct, ct2));  // random padding
    FAILS_WITH(rsa_encrypt(pub, Buf(246, 1), ct2), Err::pk_encryption_failed);
    // A block with type-1 (signature) padding does not decrypt.
    Buf em(256, 0xff);
    em[0] = 0;
    em[1] = 1;
    em[200] = 0;
    Buf bad = raw_encrypt(pub, em);
    FAILS_WITH(rsa_decrypt(k, bad, out), Err::decryption_failed);
    FAILS_WITH(rsa_decrypt(k, Buf(257, 1), out), Err::decryption_failed);
}
END_TEST

START_TEST(rsa_premaster)
{
    RsaPrivateKey k;
    rsa_private(k);
    RsaPublicKey pub;
    OK(k.public_key(pub));
    Buf pms(48);
    for (std::size_t i = 0; i < pms.size(); ++i)
        pms[i] = static_cast<std::uint8_t>(i + 1);
    pms[0] = 3;
    pms[1] = 3;
    Buf ct;
    OK(rsa_encrypt(pub, pms, ct));
    std::uint8_t out[48], out2[48];
    OK(rsa_decrypt_premaster(k, ct, out, 3, 3));
    ck_assert(same(Bytes(out), pms));
    // The version bytes always come from the ClientHello.
    OK(rsa_decrypt_premaster(k, ct, out, 3, 1));
    ck_assert(out[0] == 3 && out[1] == 1 && std::memcmp(out + 2, pms.data() + 2, 46) == 0);

    // Bad padding, a 47-byte secret, a wrong-length ciphertext, a
    // ciphertext above the modulus: same return value, random secret.
    Buf em(256, 0x55);
    em[0] = 0;
    em[1] = 1;  // type 1 instead of 2
    em[256 - 49] = 0;
    Buf short_ct;
    OK(rsa_encrypt(pub, Bytes(pms.data(), 47), short_ct));
    Buf big(256, 0xff);
    for (const Buf &c : {raw_encrypt(pub, em), short_ct, Buf(ct.begin() + 1, ct.end()), big}) {
        OK(rsa_decrypt_premaster(k, c, out, 3, 3));
        OK(rsa_decrypt_premaster(k, c, out2, 3, 3));
        ck_assert(out[0] == 3 && out[1] == 3);
        ck_assert(std::memcmp(out + 2, out2 + 2, 46) != 0);  // fresh randomness each time
        ck_assert(std::memcmp(out + 2, pms.data() + 2, 46) != 0);
    }
    FAILS_WITH(rsa_decrypt_premaster(k, ct, MutableBytes(out, 47), 3, 3), Err::invalid_request);
}
END_TEST

START_TEST(ecdsa_roundtrip)
{
    struct {
        gnutls_ecc_curve_t c;
        gnutls_digest_algorithm_t h;
    } cases[] = {{GNUTLS_ECC_CURVE_SECP256R1, GNUTLS_DIG_SHA256},
                 {GNUTLS_ECC_CURVE_SECP384R1, GNUTLS_DIG_SHA384},
                 {GNUTLS_ECC_CURVE_SECP521R1, GNUTLS_DIG_SHA512},
                 {GNUTLS_ECC_CURVE_SECP256R1, GNUTLS_DIG_SHA512}};
    for (auto &tc : cases) {
        EcKey k;
        OK(k.generate(tc.c));
        Buf d = digest(tc.h, msg_bytes("ecdsa")), der;
        OK(ecdsa_sign_der(k, d, der));
        OK(ecdsa_verify_der(k.pub(), d, der));
        // Export and re-import (public and private).
        SecretBytes x, y, s;
        OK(k.pub().get(x, y));
        OK(k.priv().get(s));
        ck_assert_uint_eq(s.size(), nist_curve_bytes(tc.c));
        EcKey k2, pubonly;
        OK(k2.import(tc.c, x, y, s));
        OK(pubonly.import(tc.c, x, y, {}));
        ck_assert(!pubonly.has_private());
        OK(ecdsa_verify_der(pubonly.pub(), d, der));
        Mpz r, ss;
        OK(ecdsa_sign(k2, d, r, ss));
        OK(ecdsa_verify(pubonly.pub(), d, r, ss));
        FAILS_WITH(ecdsa_sign(pubonly, d, r, ss), Err::invalid_request);
        d[0] ^= 1;
        FAILS_WITH(ecdsa_verify_der(k.pub(), d, der), Err::pk_sig_verify_failed);
        FAILS_WITH(ecdsa_verify(k.pub(), d, r, ss), Err::pk_sig_verify_failed);
    }
}
END_TEST

START_TEST(eddsa_roundtrip)
{
    for (auto c : {GNUTLS_ECC_CURVE_ED25519, GNUTLS_ECC_CURVE_ED448}) {
        RawCurveKey k, k2, pub;
        OK(k.generate(c));
        OK(k2.generate(c));
        ck_assert(!same(k.private_key(), k2.private_key()));
        OK(pub.import_public(c, k.public_key()));
        Buf sig;
        OK(eddsa_sign(k, msg_bytes("hello"), sig));
        ck_assert_uint_eq(sig.size(), eddsa_signature_size(c));
        OK(eddsa_verify(pub, msg_bytes("hello"), sig));
        FAILS_WITH(eddsa_verify(pub, msg_bytes("hellp"), sig), Err::pk_sig_verify_failed);
        FAILS_WITH(eddsa_verify(k2, msg_bytes("hello"), sig), Err::pk_sig_verify_failed);
        FAILS_WITH(eddsa_sign(pub, msg_bytes("hello"), sig), Err::invalid_request);
    }
}
END_TEST

// --- finite-field DH ------------------------------------------------------------------

START_TEST(ffdhe_groups)
{
    unsigned expect_key_bits[] = {256, 276, 336, 376, 512};
    unsigned i = 0;
    for (unsigned bits : {2048u, 3072u, 4096u, 6144u, 8192u}) {
        const FfdheGroup *g = ffdhe_group(bits);
        ck_assert_ptr_nonnull(g);
        ck_assert_uint_eq(g->key_bits, expect_key_bits[i++]);
        Mpz p(g->prime), q(g->q), t;
        ck_assert_uint_eq(mpz_sizeinbase(p.get(), 2), bits);
        // RFC 7919 shape: 64 one bits at both ends, p = 2q + 1.
        for (unsigned b = 0; b < 64; ++b)
            ck_assert(mpz_tstbit(p.get(), b) && mpz_tstbit(p.get(), bits - 1 - b));
        mpz_mul_2exp(t.get(), q.get(), 1);
        mpz_add_ui(t.get(), t.get(), 1);
        ck_assert(mpz_cmp(t.get(), p.get()) == 0);
        if (bits <= 3072)
            ck_assert(mpz_probab_prime_p(p.get(), 2) && mpz_probab_prime_p(q.get(), 2));

        DhParams params;
        OK(params.set_ffdhe(bits));
        DhKey a, b;
        OK(a.generate(params));
        OK(b.generate(params));
        ck_assert(mpz_sizeinbase(a.x().get(), 2) <= g->key_bits);
        SecretBytes ya = a.public_value(params), yb = b.public_value(params), za, zb;
        ck_assert_uint_eq(ya.size(), bits / 8);
        OK(dh_shared(params, a, yb, true, za));
        OK(dh_shared(params, b, ya, true, zb));
        ck_assert_uint_eq(za.size(), bits / 8);
        ck_assert(same(za, zb));
        OK(dh_shared(params, b, ya, false, zb));
        ck_assert(same(strip_leading_zeros(za), zb));
    }
    ck_assert_ptr_null(ffdhe_group(1024u));
    ck_assert_ptr_eq(ffdhe_group(GNUTLS_GROUP_FFDHE3072), ffdhe_group(3072u));
}
END_TEST

START_TEST(dh_peer_checks)
{
    DhParams params;
    OK(params.set_ffdhe(2048));
    DhKey a;
    OK(a.generate(params));
    Mpz p(ffdhe_group(2048u)->prime);
    auto value = [&](long delta) {
        Mpz v;
        if (delta >= 0)
            mpz_set_ui(v.get(), static_cast<unsigned long>(delta));
        else
            mpz_sub_ui(v.get(), p.get(), static_cast<unsigned long>(-delta));
        return v.bytes(256);
    };
    SecretBytes z;
    // 0, 1, p-1 and p are outside 1 < y < p-1.
    for (long d : {0L, 1L, -1L})
        FAILS_WITH(dh_shared(params, a, value(d), true, z), Err::received_illegal_parameter);
    FAILS_WITH(dh_shared(params, a, p.bytes(), true, z), Err::received_illegal_parameter);
    // p-2 is in range but not in the order-q subgroup (-2 is a non-residue mod p).
    FAILS_WITH(dh_shared(params, a, value(-2), true, z), Err::received_illegal_parameter);
    // 4 = 2^2 is in the subgroup; too long values are refused.
    OK(dh_shared(params, a, value(4), true, z));
    FAILS_WITH(dh_shared(params, a, Buf(257, 1), true, z), Err::received_illegal_parameter);
    // Custom parameters without q: range check only.
    DhParams custom;
    OK(custom.set(ffdhe_group(2048u)->prime, Buf{2}, {}));
    ck_assert_uint_eq(custom.key_bits(), 256);
    DhKey b;
    OK(b.generate(custom));
    OK(dh_shared(custom, b, value(-2), true, z));
    FAILS_WITH(dh_shared(custom, b, value(1), true, z), Err::received_illegal_parameter);
    FAILS_WITH(custom.set(Buf{0x17}, Buf{2}, {}), Err::invalid_request);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("pk");
    TCase *tc = tcase_create("pk");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, ed25519_rfc8032);
    tcase_add_test(tc, ed448_rfc8032);
    tcase_add_test(tc, x25519_rfc7748);
    tcase_add_test(tc, x448_rfc7748);
    tcase_add_test(tc, p256_ecdh_cavs);
    tcase_add_test(tc, ecdh_roundtrip);
    tcase_add_test(tc, rsa_verify_openssl);
    tcase_add_test(tc, ecdsa_verify_openssl);
    tcase_add_test(tc, ecdsa_der_strict);
    tcase_add_test(tc, rsa_roundtrip);
    tcase_add_test(tc, rsa_generate_keys);
    tcase_add_test(tc, rsa_encryption);
    tcase_add_test(tc, rsa_premaster);
    tcase_add_test(tc, ecdsa_roundtrip);
    tcase_add_test(tc, eddsa_roundtrip);
    tcase_add_test(tc, ffdhe_groups);
    tcase_add_test(tc, dh_peer_checks);
    suite_add_tcase(s, tc);
    return s;
}
