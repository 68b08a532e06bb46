// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the TLS 1.0-1.2 PRF and what is derived from it.  The TLS
// 1.2 P_SHA256 / P_SHA384 vectors are the ones published on the IETF TLS
// working group list; every other expected value was computed independently
// with Python's hmac/hashlib (a direct transcription of RFC 2246 section 5
// and RFC 5246 sections 5, 6.3, 7.4.9, 8.1, RFC 7627 and RFC 5705).
#include "core/tls/prf12.hh"

#include <gnutls/gnutls.h>

#include <cstring>
#include <string>
#include <vector>

#include "../unit/check-main.hh"
#include "core/algo/algo.hh"
#include "core/crypto/hash.hh"

using namespace tlshim;
using namespace tlshim::tls;

namespace {

std::vector<std::uint8_t> unhex(const char *h)
{
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; h[i] && h[i + 1]; i += 2)
        out.push_back(static_cast<std::uint8_t>(std::stoi(std::string(h + i, 2), nullptr, 16)));
    return out;
}

std::string hex(Bytes b)
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    for (std::uint8_t c : b) {
        s += digits[c >> 4];
        s += digits[c & 15];
    }
    return s;
}

std::vector<std::uint8_t> seq_bytes(std::size_t n, unsigned start, unsigned step = 1)
{
    std::vector<std::uint8_t> v(n);
    for (std::size_t i = 0; i < n; i++)
        v[i] = static_cast<std::uint8_t>(start + step * i);
    return v;
}

// The fixed inputs of the derivation tests.
struct Inputs {
    std::vector<std::uint8_t> pms, cr, sr;
    Inputs() : pms(48), cr(seq_bytes(32, 0, 3)), sr(32)
    {
        pms[0] = 3;
        pms[1] = 3;
        for (int i = 0; i < 46; i++)
            pms[2 + i] = static_cast<std::uint8_t>(7 * i + 1);
        for (int i = 0; i < 32; i++)
            sr[i] = static_cast<std::uint8_t>(0xff - i);
    }
};

const char kMs256[] = "63d603f47aa9046fdfd5c1ff9d8636c1799b3fe56cce549280c678f92430821759374b1ea626b18010a6526624228222";
const char kMs10[] = "bf6735c4e448da0a6b2bd5e9dbc3977a06690678993a67341f1bceddb2caf4dac2363da0e01e2f4b9e5233ba5b7280de";

std::vector<std::uint8_t> digest(gnutls_digest_algorithm_t alg, const char *msg)
{
    std::vector<std::uint8_t> out(crypto::hash_output_size(alg));
    crypto::Hash::compute(alg, as_bytes(msg), out.data());
    return out;
}

// Compares the hex form of bytes (a named string: Check keeps the pointer).
#define CK_HEX(bytes, expected)                       \
    do {                                              \
        const std::string got_ = hex(bytes);          \
        ck_assert_str_eq(got_.c_str(), expected);     \
    } while (0)

const algo::CipherSuite &suite(std::uint16_t code)
{
    const algo::CipherSuite *cs = algo::suite_by_code(code);
    ck_assert_ptr_nonnull(cs);
    return *cs;
}

}  // namespace

START_TEST(prf_sha256_vector)
{
    auto secret = unhex("9bbe436ba940f017b17652849a71db35");
    auto seed = unhex("a0ba9f936cda311827a6f796ffd5198c");
    std::vector<std::uint8_t> out(100);
    ck_assert_int_eq(static_cast<int>(prf12(GNUTLS_MAC_SHA256, secret, "test label", seed, out)), 0);
    CK_HEX(out,
                     "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af"
                     "0fa022f7077def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
                     "87347b66");
    // A shorter output is a prefix of the longer one.
    std::vector<std::uint8_t> shorter(33);
    ck_assert_int_eq(static_cast<int>(prf12(GNUTLS_MAC_SHA256, secret, "test label", seed, shorter)), 0);
    ck_assert(std::memcmp(shorter.data(), out.data(), shorter.size()) == 0);
}
END_TEST

START_TEST(prf_sha384_vector)
{
    auto secret = unhex("b80b733d6ceefcdc71566ea48e5567df");
    auto seed = unhex("cd665cf6a8447dd6ff8b27555edb7465");
    std::vector<std::uint8_t> out(148);
    ck_assert_int_eq(static_cast<int>(prf12(GNUTLS_MAC_SHA384, secret, "test label", seed, out)), 0);
    CK_HEX(out,
                     "7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cde9ca0faa60be9fe34f82b1233c9146a0"
                     "e534cb400fed2700884f9dc236f80edd8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425"
                     "9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee691c8f3a26854308d5eaa3be85e099070"
                     "3d73e56f");
}
END_TEST

START_TEST(prf_tls10)
{
    // Even secret length: the halves are disjoint.
    auto secret = seq_bytes(48, 1);
    auto seed = seq_bytes(64, 0x40);
    std::vector<std::uint8_t> out(104);
    ck_assert_int_eq(static_cast<int>(prf12(GNUTLS_MAC_MD5_SHA1, secret, "test label", seed, out)), 0);
    CK_HEX(out,
                     "d0a16814be91db10bba4079a59043951d2fac8abc7585ac1ba12e7229c245dbe95488c75020d40fd132da92b0ba7c2fb"
                     "c69539651be3ac09e09e2e31417b320b603d0a0da419cef40e03ed7dfa4c6e98d20c0ddc3377a039d13b0805a91a1bfc"
                     "b1f62515ff7b88ac");
    // Odd secret length: both halves share the middle byte.
    auto secret47 = seq_bytes(47, 0x10);
    std::vector<std::uint8_t> out2(64);
    ck_assert_int_eq(
        static_cast<int>(prf12(GNUTLS_MAC_MD5_SHA1, secret47, "PRF Testvector", Bytes(seed).first(32), out2)), 0);
    CK_HEX(out2,
                     "8adf22ea473f4c3407d2ee78be0b0045b18f8b902afd01faa09264cfb97178b1d9124edafd7ad3c97931cc4c7c1c5938"
                     "d5c1e8dcd9b4bb702cc06b9fba6a4977");
}
END_TEST

START_TEST(prf_bad_mac)
{
    std::uint8_t out[16];
    const std::uint8_t s[4] = {1, 2, 3, 4};
    ck_assert_int_eq(static_cast<int>(prf12(GNUTLS_MAC_AEAD, Bytes(s), "x", Bytes(s), out)),
                     static_cast<int>(Err::invalid_request));
    ck_assert_int_eq(static_cast<int>(prf12(GNUTLS_MAC_UMAC_96, Bytes(s), "x", Bytes(s), out)),
                     static_cast<int>(Err::invalid_request));
    // An empty output is not an error.
    ck_assert_int_eq(static_cast<int>(prf12(GNUTLS_MAC_SHA256, Bytes(s), "x", Bytes(s), MutableBytes())), 0);
    ck_assert_int_eq(static_cast<int>(prf12(GNUTLS_MAC_MD5_SHA1, Bytes(), "x", Bytes(), MutableBytes())), 0);
}
END_TEST

START_TEST(master_secrets)
{
    Inputs in;
    MasterSecret ms;
    ck_assert_int_eq(static_cast<int>(master_secret(GNUTLS_MAC_SHA256, in.pms, in.cr, in.sr, {}, ms)), 0);
    ck_assert_int_eq(ms.size(), 48);
    CK_HEX(ms.span(), kMs256);
    ck_assert_int_eq(static_cast<int>(master_secret(GNUTLS_MAC_MD5_SHA1, in.pms, in.cr, in.sr, {}, ms)), 0);
    CK_HEX(ms.span(), kMs10);
    // RFC 7627: the session hash replaces the randoms.
    auto sh = digest(GNUTLS_DIG_SHA384, "handshake messages");
    ck_assert_int_eq(static_cast<int>(master_secret(GNUTLS_MAC_SHA384, in.pms, in.cr, in.sr, sh, ms)), 0);
    CK_HEX(ms.span(),
                     "469eb513d2ee5b7a5d381a6e2fae72c0497e7cb9261a285aa2fe074f0eba02a6beb3bc107809848892fd3128a472190a");
}
END_TEST

START_TEST(key_blocks)
{
    Inputs in;
    auto ms256 = unhex(kMs256);
    auto ms10 = unhex(kMs10);
    KeyBlock kb;
    // TLS_RSA_WITH_AES_128_CBC_SHA (0x002f) under TLS 1.2: 20-byte MAC keys, no IVs.
    const auto &cbc = suite(0x002f);
    ck_assert_int_eq(static_cast<int>(key_block(cbc, GNUTLS_TLS1_2, ms256, in.cr, in.sr, kb)), 0);
    CK_HEX(kb.client_mac, "7795f808a13b53959549e5b03bc68e2c996eb141");
    CK_HEX(kb.server_mac, "6fac8481dc379bc599d3b306889966781713a643");
    CK_HEX(kb.client_key, "d0753766c6bd315d78d0e86deeef2679");
    CK_HEX(kb.server_key, "f347121cf09391c9db7fb547d0fcf395");
    ck_assert_int_eq(kb.client_iv.size(), 0);
    ck_assert_int_eq(kb.server_iv.size(), 0);
    ck_assert_int_eq(prf_mac(cbc, GNUTLS_TLS1_2), GNUTLS_MAC_SHA256);

    // The same suite under TLS 1.0: MD5+SHA1 PRF and 16-byte implicit IVs.
    ck_assert_int_eq(prf_mac(cbc, GNUTLS_TLS1_0), GNUTLS_MAC_MD5_SHA1);
    ck_assert_int_eq(prf_mac(cbc, GNUTLS_TLS1_1), GNUTLS_MAC_MD5_SHA1);
    ck_assert_int_eq(static_cast<int>(key_block(cbc, GNUTLS_TLS1_0, ms10, in.cr, in.sr, kb)), 0);
    std::string all = hex(kb.client_mac) + hex(kb.server_mac) + hex(kb.client_key) + hex(kb.server_key) +
                      hex(kb.client_iv) + hex(kb.server_iv);
    ck_assert_str_eq(all.c_str(),
                     "5d84baaea8fdd31fc779819f682b64275a35d8e63746a52e5214461c369c5c642514499c2ad350fb44ad45f78737f8a6"
                     "f4ee5e5a828011fa2db2e3f3e27a68bd332881b638eb811cbc313f1bd65610d15d73dfde924bf318e80c89b15cc1f627"
                     "44869427266e80f1");
    ck_assert_int_eq(kb.client_iv.size(), 16);

    // TLS_RSA_WITH_AES_256_GCM_SHA384 (0x009d): no MAC keys, 4-byte salts, SHA-384 PRF.
    const auto &gcm = suite(0x009d);
    ck_assert_int_eq(prf_mac(gcm, GNUTLS_TLS1_2), GNUTLS_MAC_SHA384);
    ck_assert_int_eq(static_cast<int>(key_block(gcm, GNUTLS_TLS1_2, ms256, in.cr, in.sr, kb)), 0);
    ck_assert_int_eq(kb.client_mac.size(), 0);
    ck_assert_int_eq(kb.server_mac.size(), 0);
    all = hex(kb.client_key) + hex(kb.server_key) + hex(kb.client_iv) + hex(kb.server_iv);
    ck_assert_str_eq(all.c_str(),
                     "485cabac6652171d319fc7c89d82ad71588c22f458552d440d4535b2f05378d49eee6b8ad1132ded21a9345b14b6007a"
                     "ee4bbae5c97123e8747a6f742ed0acb97fb3bd98720eb10e");

    // ChaCha20-Poly1305 (0xcca8): 12-byte IVs.
    ck_assert_int_eq(static_cast<int>(key_block(suite(0xcca8), GNUTLS_TLS1_2, ms256, in.cr, in.sr, kb)), 0);
    ck_assert_int_eq(kb.client_key.size(), 32);
    ck_assert_int_eq(kb.client_iv.size(), 12);
    ck_assert_int_eq(kb.client_mac.size(), 0);
    // A TLS 1.3 version has no key block.
    ck_assert_int_ne(static_cast<int>(key_block(cbc, GNUTLS_TLS1_3, ms256, in.cr, in.sr, kb)), 0);
}
END_TEST

START_TEST(finished)
{
    auto ms256 = unhex(kMs256);
    auto ms10 = unhex(kMs10);
    auto hh = digest(GNUTLS_DIG_SHA256, "transcript");
    VerifyData out;
    ck_assert_int_eq(static_cast<int>(finished12(GNUTLS_MAC_SHA256, ms256, true, hh, out)), 0);
    CK_HEX(out.view(), "05b11457f1d60b823fd1320f");
    ck_assert_int_eq(static_cast<int>(finished12(GNUTLS_MAC_SHA256, ms256, false, hh, out)), 0);
    CK_HEX(out.view(), "41504b7e4f2f956ad5f63876");
    // TLS 1.0/1.1: the handshake hash is MD5 || SHA-1.
    auto hh10 = digest(GNUTLS_DIG_MD5_SHA1, "transcript");
    ck_assert_int_eq(hh10.size(), 36);
    ck_assert_int_eq(static_cast<int>(finished12(GNUTLS_MAC_MD5_SHA1, ms10, true, hh10, out)), 0);
    CK_HEX(out.view(), "87aecd804d4bc7d9894bd1bc");
}
END_TEST

START_TEST(exporter)
{
    Inputs in;
    auto ms256 = unhex(kMs256);
    std::uint8_t out[40];
    ck_assert_int_eq(static_cast<int>(export12(GNUTLS_MAC_SHA256, ms256, "EXPORTER-test", in.cr, in.sr, nullptr,
                                               out)),
                     0);
    CK_HEX(Bytes(out, 40),
                     "3c2ae78d46c9745e82a44f52d573c0aeb6f87f91f73e531c1baf77f833f9da05c8716e255c8572e4");
    Bytes ctx = as_bytes("context value");
    ck_assert_int_eq(
        static_cast<int>(export12(GNUTLS_MAC_SHA256, ms256, "EXPORTER-test", in.cr, in.sr, &ctx, out)), 0);
    CK_HEX(Bytes(out, 40),
                     "6238aa2d41cd90312593ce089eead156eb650fae83d31d7e5c944de4ff654651583d5e4f356d08f8");
    // An empty context is not the same as no context (RFC 5705 section 4).
    Bytes empty;
    ck_assert_int_eq(
        static_cast<int>(export12(GNUTLS_MAC_SHA256, ms256, "EXPORTER-test", in.cr, in.sr, &empty, out)), 0);
    CK_HEX(Bytes(out, 40),
                     "878ce03b60d6bd6bd943a6e07e051f653dcd540e7457a1321d8cffde81401278b340f9ed7a4febb2");
    std::vector<std::uint8_t> huge(65536);
    Bytes hc(huge);
    ck_assert_int_eq(
        static_cast<int>(export12(GNUTLS_MAC_SHA256, ms256, "EXPORTER-test", in.cr, in.sr, &hc, out)),
        static_cast<int>(Err::invalid_request));
}
END_TEST

// The protections built from a key block talk to each other: what the
// client writes, the server's read side (built from the same block) opens.
START_TEST(protection_from_key_block)
{
    Inputs in;
    auto ms256 = unhex(kMs256);
    const std::uint16_t suites[] = {0x002f, 0x0035, 0xc02f, 0xc030, 0xcca8, 0x003c, 0x000a, 0xc0a0};
    const gnutls_protocol_t versions[] = {GNUTLS_TLS1_0, GNUTLS_TLS1_1, GNUTLS_TLS1_2};
    int tried = 0;
    for (std::uint16_t code : suites) {
        const algo::CipherSuite *cs = algo::suite_by_code(code);
        if (cs == nullptr)
            continue;
        for (gnutls_protocol_t v : versions) {
            if (v < cs->min_tls)
                continue;
            for (int etm = 0; etm < 2; etm++) {
                KeyBlock kb;
                ck_assert_int_eq(static_cast<int>(key_block(*cs, v, ms256, in.cr, in.sr, kb)), 0);
                std::unique_ptr<Protection> w, r, wrong;
                ck_assert_int_eq(static_cast<int>(make_protection12(*cs, v, etm, kb, true, w)), 0);
                ck_assert_int_eq(static_cast<int>(make_protection12(*cs, v, etm, kb, true, r)), 0);
                ck_assert_int_eq(static_cast<int>(make_protection12(*cs, v, etm, kb, false, wrong)), 0);
                std::vector<std::uint8_t> buf(w->prefix_size() + 100 + w->overhead(0));
                std::memcpy(buf.data() + w->prefix_size(), "0123456789", 10);
                RecordHeader h{ContentType::application_data, 0x0303};
                std::size_t n = 0;
                ck_assert_int_eq(static_cast<int>(w->seal(h, 3, buf, 10, 0, n)), 0);
                std::vector<std::uint8_t> copy(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n));
                MutableBytes plain;
                RecordHeader rh{ContentType::application_data, 0x0303};
                ck_assert_int_eq(static_cast<int>(r->open(rh, 3, MutableBytes(buf.data(), n), plain)), 0);
                ck_assert_int_eq(plain.size(), 10);
                ck_assert(std::memcmp(plain.data(), "0123456789", 10) == 0);
                // The other direction's keys do not open it.
                ck_assert_int_eq(static_cast<int>(wrong->open(rh, 3, copy, plain)),
                                 static_cast<int>(Err::decryption_failed));
                tried++;
            }
        }
    }
    ck_assert_int_ge(tried, 20);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("tls12-prf");
    TCase *tc = tcase_create("prf");
    tcase_add_test(tc, prf_sha256_vector);
    tcase_add_test(tc, prf_sha384_vector);
    tcase_add_test(tc, prf_tls10);
    tcase_add_test(tc, prf_bad_mac);
    tcase_add_test(tc, master_secrets);
    tcase_add_test(tc, key_blocks);
    tcase_add_test(tc, finished);
    tcase_add_test(tc, exporter);
    tcase_add_test(tc, protection_from_key_block);
    suite_add_tcase(s, tc);
    return s;
}
