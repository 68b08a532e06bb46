// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the TLS 1.3 key schedule against RFC 8448 section 3 (the
// simple 1-RTT handshake), and of the transcript hash, including the
// HelloRetryRequest restart.
#include "core/tls/key-schedule.hh"
#include "core/crypto/mac.hh"

#include <cstring>
#include <string>
#include <vector>

#include "../unit/check-main.hh"

using namespace tlshim;
using namespace tlshim::tls;

namespace {

std::vector<std::uint8_t> unhex(const char *s)
{
    std::vector<std::uint8_t> out;
    for (; s[0] && s[1]; s += 2)
        out.push_back(static_cast<std::uint8_t>(std::stoi(std::string(s, 2), nullptr, 16)));
    return out;
}

bool same(Bytes a, const char *hex)
{
    auto b = unhex(hex);
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0;
}

// RFC 8448 section 3 values.
const char kEcdhe[] = "8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d";
const char kHashChSh[] = "860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8";
const char kHashChSf[] = "9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13";
const char kHashChCf[] = "209145a96ee8e2a122ff810047cc952684658d6049e86429426db87c54ad143d";

}  // namespace

START_TEST(rfc8448_simple_handshake_secrets)
{
    KeySchedule13 ks;
    ck_assert(ok(ks.init(GNUTLS_MAC_SHA256)));
    ck_assert(ok(ks.early(Bytes())));
    ck_assert(same(ks.current().span(), "33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a"));
    ck_assert(ok(ks.handshake(unhex(kEcdhe))));
    ck_assert(same(ks.current().span(), "1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac"));

    Secret chs, shs;
    ck_assert(ok(ks.derive("c hs traffic", unhex(kHashChSh), chs)));
    ck_assert(ok(ks.derive("s hs traffic", unhex(kHashChSh), shs)));
    ck_assert(same(chs.span(), "b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21"));
    ck_assert(same(shs.span(), "b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38"));

    SecretBytes key, iv;
    ck_assert(ok(traffic_key_iv(GNUTLS_MAC_SHA256, shs.span(), 16, 12, key, iv)));
    ck_assert(same(key, "3fce516009c21727d0f2e4e86ee403bc"));
    ck_assert(same(iv, "5d313eb2671276ee13000b30"));

    ck_assert(ok(ks.master()));
    ck_assert(same(ks.current().span(), "18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919"));
    Secret cap, sap, exp, res;
    ck_assert(ok(ks.derive("c ap traffic", unhex(kHashChSf), cap)));
    ck_assert(ok(ks.derive("s ap traffic", unhex(kHashChSf), sap)));
    ck_assert(ok(ks.derive("exp master", unhex(kHashChSf), exp)));
    ck_assert(ok(ks.derive("res master", unhex(kHashChCf), res)));
    ck_assert(same(cap.span(), "9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5"));
    ck_assert(same(sap.span(), "a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643"));
    ck_assert(same(exp.span(), "fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50"));
    ck_assert(same(res.span(), "7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c"));

    // Key update: each step is HKDF-Expand-Label(secret, "traffic upd").
    Secret next, again;
    ck_assert(ok(next_traffic_secret(GNUTLS_MAC_SHA256, cap, next)));
    ck_assert(ok(expand_label(GNUTLS_MAC_SHA256, cap.span(), "traffic upd", Bytes(),
                              MutableBytes(again.data(), 32))));
    ck_assert(std::memcmp(next.data(), again.data(), 32) == 0);
    ck_assert(std::memcmp(next.data(), cap.data(), 32) != 0);

    // Wrong-sized transcript hashes are refused.
    ck_assert(ks.derive("c ap traffic", Bytes(unhex(kHashChSf)).first(31), cap) == Err::internal);
}
END_TEST

START_TEST(transcript_buffers_until_hash_known_and_restarts)
{
    const auto ch = unhex("010000020304");
    const auto sh = unhex("0200000105");
    Transcript t;
    t.add(ch);
    t.add(sh);
    ck_assert(ok(t.set_hash(GNUTLS_DIG_SHA256)));
    std::uint8_t got[32], want[32];
    ck_assert(ok(t.current(got)));
    std::vector<std::uint8_t> both(ch);
    both.insert(both.end(), sh.begin(), sh.end());
    crypto::Hash::compute(GNUTLS_DIG_SHA256, both, want);
    ck_assert(std::memcmp(got, want, 32) == 0);
    // current() does not disturb the running hash.
    ck_assert(ok(t.current(got)));
    ck_assert(std::memcmp(got, want, 32) == 0);

    // After a HelloRetryRequest: message_hash || Hash(ClientHello1).
    Transcript r;
    ck_assert(ok(r.set_hash(GNUTLS_DIG_SHA384)));
    r.add(ch);
    ck_assert(ok(r.restart_for_retry()));
    std::vector<std::uint8_t> synth = {254, 0, 0, 48};
    synth.resize(4 + 48);
    crypto::Hash::compute(GNUTLS_DIG_SHA384, ch, synth.data() + 4);
    std::uint8_t g2[48], w2[48];
    ck_assert(ok(r.current(g2)));
    crypto::Hash::compute(GNUTLS_DIG_SHA384, synth, w2);
    ck_assert(std::memcmp(g2, w2, 48) == 0);
}
END_TEST

START_TEST(finished_verify_data_matches_hmac)
{
    // verify_data = HMAC(HKDF-Expand-Label(key, "finished", "", Hash.length), hash)
    auto base = unhex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38");
    auto th = unhex(kHashChSh);
    std::uint8_t vd[32];
    ck_assert(ok(finished_verify_data(GNUTLS_MAC_SHA256, base, th, vd)));
    std::uint8_t fk[32], want[32];
    ck_assert(ok(expand_label(GNUTLS_MAC_SHA256, base, "finished", Bytes(), MutableBytes(fk, 32))));
    ck_assert(ok(crypto::Mac::compute(GNUTLS_MAC_SHA256, Bytes(fk, 32), th, want)));
    ck_assert(std::memcmp(vd, want, 32) == 0);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("key-schedule");
    TCase *tc = tcase_create("key-schedule");
    tcase_add_test(tc, rfc8448_simple_handshake_secrets);
    tcase_add_test(tc, transcript_buffers_until_hash_known_and_restarts);
    tcase_add_test(tc, finished_verify_data_matches_hmac);
    suite_add_tcase(s, tc);
    return s;
}
