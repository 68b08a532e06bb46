// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the priority-string parser core: token errors and their
// offsets, duplicates, ordering rules, the rules that relate the lists,
// flags, the suite order, and the system configuration reader.
#include "core/tls/priority.hh"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/algo/algo.hh"

#include "../unit/check-main.hh"

using namespace tlshim;
using tlshim::tls::parse_priority;
using tlshim::tls::ParseResult;

namespace {

// Parsing without a system file, so that tests do not depend on the host.
ParseResult parse(const char *s)
{
    setenv("GNUTLS_SYSTEM_PRIORITY_FILE", "/nonexistent/tlshim-test", 1);
    return parse_priority(s);
}

void expect_error(const char *s, Err err, std::size_t offset)
{
    ParseResult r = parse(s);
    ck_assert_msg(r.priority == nullptr, "'%s' was accepted", s);
    ck_assert_msg(r.err == err, "'%s': error %d, expected %d", s, static_cast<int>(r.err), static_cast<int>(err));
    ck_assert_msg(r.err_offset == offset, "'%s': offset %zu, expected %zu", s, r.err_offset, offset);
}

tls::PriorityPtr expect_ok(const char *s)
{
    ParseResult r = parse(s);
    ck_assert_msg(r.priority != nullptr && r.err == Err::ok, "'%s' rejected (%d at %zu)", s, static_cast<int>(r.err),
                  r.err_offset);
    return r.priority;
}

bool same(const std::vector<unsigned> &v, std::initializer_list<unsigned> want)
{
    return v == std::vector<unsigned>(want);
}

const char *suite_name(const tls::Priority &p, std::size_t pos)
{
    return algo::suite_table()[p.suites[pos]].name;
}

}  // namespace

START_TEST(normal_lists)
{
    auto p = expect_ok("NORMAL");
    ck_assert(same(p->protocols, {GNUTLS_TLS1_3, GNUTLS_TLS1_2, GNUTLS_TLS1_1, GNUTLS_TLS1_0, GNUTLS_DTLS1_2, GNUTLS_DTLS1_0}));
    ck_assert_uint_eq(p->ciphers.size(), 7);
    ck_assert_uint_eq(p->ciphers[0], GNUTLS_CIPHER_AES_256_GCM);
    ck_assert(same(p->macs, {GNUTLS_MAC_SHA1, GNUTLS_MAC_AEAD}));
    ck_assert(same(p->kx, {GNUTLS_KX_ECDHE_ECDSA, GNUTLS_KX_ECDHE_RSA, GNUTLS_KX_RSA, GNUTLS_KX_DHE_RSA}));
    ck_assert_uint_eq(p->groups.size(), 10);
    ck_assert_uint_eq(p->curves.size(), 5);  // the FFDHE groups have no curve
    ck_assert_uint_eq(p->sigs.size(), 19);
    ck_assert(same(p->ctype_client, {GNUTLS_CRT_X509}));
    ck_assert(same(p->ctype_server, {GNUTLS_CRT_X509}));
    // TLS 1.3 suites first, then key exchange, cipher, MAC order.
    ck_assert_uint_eq(p->suites.size(), 29);
    ck_assert_str_eq(suite_name(*p, 0), "TLS_AES_256_GCM_SHA384");
    ck_assert_str_eq(suite_name(*p, 3), "TLS_AES_128_CCM_SHA256");
    ck_assert_str_eq(suite_name(*p, 4), "TLS_ECDHE_ECDSA_AES_256_GCM_SHA384");
    ck_assert_str_eq(suite_name(*p, 28), "TLS_DHE_RSA_AES_128_CBC_SHA1");
    ck_assert(p->flags.renegotiation == tls::Renegotiation::partial);
    ck_assert(!p->flags.server_precedence);
}
END_TEST

START_TEST(keywords_case_and_order)
{
    auto a = expect_ok("performance");
    ck_assert_uint_eq(a->ciphers[0], GNUTLS_CIPHER_AES_128_GCM);
    ck_assert_uint_eq(a->kx[0], GNUTLS_KX_RSA);
    ck_assert_str_eq(suite_name(*a, 4), "TLS_RSA_AES_128_GCM_SHA256");
    auto s = expect_ok("SECURE256");
    ck_assert(same(s->groups, {GNUTLS_GROUP_SECP384R1, GNUTLS_GROUP_SECP521R1, GNUTLS_GROUP_FFDHE8192}));
    ck_assert(same(s->macs, {GNUTLS_MAC_AEAD}));
    ck_assert_uint_eq(s->suites.size(), 12);
    // A later keyword appends what is missing, after what is there.
    auto m = expect_ok("SECURE256:NORMAL");
    ck_assert_uint_eq(m->groups.size(), 10);
    ck_assert_uint_eq(m->groups[0], GNUTLS_GROUP_SECP384R1);
    ck_assert_uint_eq(m->groups[3], GNUTLS_GROUP_SECP256R1);
    auto b = expect_ok("SUITEB192");
    ck_assert(same(b->protocols, {GNUTLS_TLS1_2}));
    ck_assert(same(b->kx, {GNUTLS_KX_ECDHE_ECDSA}));
    // Leading blanks of a token are skipped.
    expect_ok("  NORMAL: %COMPAT");
}
END_TEST

START_TEST(bad_tokens_and_offsets)
{
    expect_error("NORMAL:+BOGUS", Err::invalid_request, 7);
    expect_error("NORMAL:", Err::invalid_request, 7);
    expect_error(":NORMAL", Err::invalid_request, 0);
    expect_error("", Err::invalid_request, 0);
    expect_error("NORMAL::%COMPAT", Err::invalid_request, 7);
    expect_error("NORMAL:  :%COMPAT", Err::invalid_request, 7);
    expect_error("NORMAL:%COMPAT ", Err::invalid_request, 7);
    expect_error("NORMAL:-VERS-TLS1.2:AES-128-GCM", Err::invalid_request, 20);  // no prefix
    expect_error("NORMAL:%compat", Err::invalid_request, 7);  // flags are case-sensitive
    expect_error("NORMAL:%NO_PADDING", Err::invalid_request, 7);
    expect_error("NORMAL:+SIGN-BOGUS", Err::invalid_request, 7);
    expect_error("NORMAL:+GROUP-BOGUS", Err::invalid_request, 7);
    expect_error("NORMAL:+CURVE-FFDHE2048", Err::invalid_request, 7);  // not a curve
    expect_error("NORMAL:+CTYPE-BOGUS", Err::invalid_request, 7);
    expect_error("NORMAL:+VERS-TLS9.9", Err::invalid_request, 7);
    expect_error("NORMAL:NONE", Err::invalid_request, 7);  // NONE only comes first
    expect_error("NORMAL:-SECURE256", Err::invalid_request, 7);
    expect_error("BOGUS", Err::invalid_request, 0);
    // Unknown @keywords (no system file here) are reported at the start.
    expect_error("@SYSTEM:+BOGUS", Err::invalid_request, 0);
    // Accepted and without effect.
    auto p = expect_ok("NORMAL:+CIPHER-FOO:+COMP-DEFLATE:+VERS-SSL3.0:+RSA-EXPORT:+CTYPE-OPENPGP");
    ck_assert_uint_eq(p->ciphers.size(), 7);
    ck_assert_uint_eq(p->protocols.size(), 6);
    ck_assert_uint_eq(p->kx.size(), 4);
}
END_TEST

START_TEST(duplicates_and_ordering)
{
    auto p = expect_ok("NORMAL:+AES-128-GCM:+SHA1:+VERS-TLS1.2:+GROUP-X25519");
    ck_assert_uint_eq(p->ciphers.size(), 7);
    ck_assert_uint_eq(p->ciphers[4], GNUTLS_CIPHER_AES_128_GCM);
    ck_assert_uint_eq(p->macs.size(), 2);
    ck_assert_uint_eq(p->groups.size(), 10);
    auto s = expect_ok("NORMAL:-SIGN-ALL:+SIGN-RSA-SHA1:+SIGN-RSA-SHA256:+SIGN-RSA-SHA1");
    ck_assert(same(s->sigs, {GNUTLS_SIGN_RSA_SHA1, GNUTLS_SIGN_RSA_SHA256}));
    auto v = expect_ok("NORMAL:-VERS-TLS1.3:+VERS-TLS1.3");
    ck_assert_uint_eq(v->protocols.back(), GNUTLS_TLS1_3);
    auto g = expect_ok("NORMAL:-GROUP-ALL:+GROUP-FFDHE4096:+GROUP-ALL");
    ck_assert_uint_eq(g->groups[0], GNUTLS_GROUP_FFDHE4096);
    ck_assert_uint_eq(g->groups.size(), 10);
    ck_assert(g->curves.empty());  // the leading group is not a curve
    auto r = expect_ok("NORMAL:!AES-256-GCM:-ECDHE-RSA");
    ck_assert_uint_eq(r->ciphers[0], GNUTLS_CIPHER_CHACHA20_POLY1305);
    ck_assert(same(r->kx, {GNUTLS_KX_ECDHE_ECDSA, GNUTLS_KX_RSA, GNUTLS_KX_DHE_RSA}));
    auto c = expect_ok("NORMAL:-CTYPE-SRV-X509:+CTYPE-RAWPK");
    ck_assert(same(c->ctype_client, {GNUTLS_CRT_X509, GNUTLS_CRT_RAWPK}));
    ck_assert(same(c->ctype_server, {GNUTLS_CRT_RAWPK}));
    // "-X-ALL" empties the list, even of items outside the default set.
    auto k = expect_ok("NORMAL:+PSK:-KX-ALL");
    ck_assert(k->kx.empty());
    ck_assert_uint_eq(k->suites.size(), 4);
}
END_TEST

START_TEST(list_rules)
{
    expect_error("NONE", Err::no_priorities_were_set, 0);
    expect_error("NORMAL:-VERS-ALL", Err::no_priorities_were_set, 0);
    expect_error("NORMAL:-CIPHER-ALL", Err::no_priorities_were_set, 0);
    expect_error("NORMAL:-VERS-ALL:+VERS-TLS1.3:-MAC-ALL:+SHA256", Err::no_priorities_were_set, 0);
    // Without signature algorithms TLS 1.2 and later are dropped.
    auto s = expect_ok("NORMAL:-SIGN-ALL");
    ck_assert(same(s->protocols, {GNUTLS_TLS1_1, GNUTLS_TLS1_0, GNUTLS_DTLS1_0}));
    // Without groups TLS 1.3 is dropped.
    auto g = expect_ok("NORMAL:-GROUP-ALL");
    ck_assert(!g->has_protocol(GNUTLS_TLS1_3));
    // TLS 1.3 next to TLS 1.0 without TLS 1.2 is dropped.
    auto v = expect_ok("NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.0");
    ck_assert(same(v->protocols, {GNUTLS_TLS1_0}));
    // TLS 1.3 alone: no TLS 1.2 key exchange, only TLS 1.3 suites.
    auto t = expect_ok("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    ck_assert(t->kx.empty());
    ck_assert_uint_eq(t->suites.size(), 4);
    auto n = expect_ok("NORMAL:%NO_EXTENSIONS");
    ck_assert(!n->has_protocol(GNUTLS_TLS1_3));
    ck_assert(n->flags.no_extensions);
}
END_TEST

START_TEST(suite_index)
{
    auto p = expect_ok("NORMAL:-VERS-ALL:+VERS-TLS1.0");
    unsigned idx = 999;
    ck_assert(p->suite_index(0, idx) == Err::unknown_cipher_suite);  // a TLS 1.3 suite
    ck_assert(p->suite_index(4, idx) == Err::unknown_cipher_suite);  // a TLS 1.2 GCM suite
    ck_assert(p->suite_index(7, idx) == Err::ok);                    // ..._AES_256_CBC_SHA1
    ck_assert_str_eq(algo::suite_table()[idx].name, "TLS_ECDHE_ECDSA_AES_256_CBC_SHA1");
    ck_assert(p->suite_index(p->suites.size(), idx) == Err::requested_data_not_available);
    auto d = expect_ok("NORMAL:-VERS-ALL:+VERS-DTLS1.2");
    ck_assert(d->suite_index(0, idx) == Err::unknown_cipher_suite);
    ck_assert(d->suite_index(4, idx) == Err::ok);
}
END_TEST

START_TEST(flags)
{
    auto p = expect_ok("NORMAL:%SERVER_PRECEDENCE:%SAFE_RENEGOTIATION:%NO_TICKETS:%VERIFY_ALLOW_BROKEN:%PROFILE_HIGH:"
                       "%LATEST_RECORD_VERSION:%VERIFY_ALLOW_SIGN_WITH_SHA1");
    ck_assert(p->flags.server_precedence);
    ck_assert(p->flags.no_tickets);
    ck_assert(p->flags.renegotiation == tls::Renegotiation::safe);
    ck_assert(p->flags.record_version == tls::RecordVersion::latest);
    ck_assert(p->profile == GNUTLS_PROFILE_HIGH);
    ck_assert_uint_eq(p->verify_flags, GNUTLS_VERIFY_ALLOW_BROKEN | GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1);
    auto q = expect_ok("%COMPAT:NORMAL:%UNSAFE_RENEGOTIATION");
    ck_assert(q->flags.compat);
    ck_assert(q->flags.renegotiation == tls::Renegotiation::unsafe);
}
END_TEST

START_TEST(default_and_append)
{
    setenv("GNUTLS_SYSTEM_PRIORITY_FILE", "/nonexistent/tlshim-test", 1);
    ParseResult r = tls::init_priority("-VERS-TLS1.3:%COMPAT", true, "NORMAL");
    ck_assert(r.priority != nullptr && !r.priority->has_protocol(GNUTLS_TLS1_3));
    r = tls::init_priority("%COMPAT:+BOGUS", true, "NORMAL");
    ck_assert(r.err == Err::invalid_request);
    ck_assert_uint_eq(r.err_offset, 8);  // relative to the application's text
    r = tls::init_priority("", true, "NORMAL");
    ck_assert(r.err == Err::invalid_request && r.err_offset == 0);
    r = tls::init_priority(nullptr, false, "SECURE256");
    ck_assert(r.priority != nullptr && r.priority->groups.size() == 3);
}
END_TEST

START_TEST(system_config)
{
    auto cfg = tls::parse_system_config("# comment\n[global]\noverride-mode = blocklist\n\n[priorities]\n"
                                        "  SYSTEM =  NORMAL:-VERS-TLS1.0  \n;other comment\nMYKW=SECURE256\n"
                                        "[overrides]\ndefault-priority-string = PERFORMANCE\n");
    ck_assert(cfg.valid);
    ck_assert(cfg.keyword("SYSTEM") != nullptr);
    ck_assert_str_eq(cfg.keyword("SYSTEM")->c_str(), "NORMAL:-VERS-TLS1.0");
    ck_assert(cfg.keyword("mykw") == nullptr);  // keywords are case-sensitive
    ck_assert(cfg.default_priority && *cfg.default_priority == "PERFORMANCE");
    auto bad = tls::parse_system_config("[priorities]\nSYSTEM = NORMAL\nnot a setting\n");
    ck_assert(!bad.valid);
    ck_assert(bad.keyword("SYSTEM") == nullptr);
    ck_assert(!tls::parse_system_config("[priorities\nA=B\n").valid);

    // Through a file named by the environment.
    char path[] = "/tmp/tlshim-priority-XXXXXX";
    int fd = mkstemp(path);
    ck_assert(fd >= 0);
    const char text[] = "[priorities]\nSYSTEM = NORMAL:-VERS-ALL:+VERS-TLS1.2\nFALLBACK = SECURE256\n";
    ck_assert(write(fd, text, sizeof text - 1) == static_cast<ssize_t>(sizeof text - 1));
    close(fd);
    setenv("GNUTLS_SYSTEM_PRIORITY_FILE", path, 1);
    ParseResult r = parse_priority("@SYSTEM:+VERS-TLS1.1");
    ck_assert(r.priority != nullptr);
    ck_assert(same(r.priority->protocols, {GNUTLS_TLS1_2, GNUTLS_TLS1_1}));
    r = parse_priority("@NOPE,FALLBACK");
    ck_assert(r.priority != nullptr && r.priority->groups.size() == 3);
    r = parse_priority("@NOPE");
    ck_assert(r.err == Err::invalid_request && r.err_offset == 0);
    r = parse_priority("@SYSTEM:-VERS-TLS1.2:+BOGUS");
    ck_assert(r.err == Err::invalid_request && r.err_offset == 0);
    unlink(path);
}
END_TEST

START_TEST(string_lists)
{
    ck_assert_uint_eq(tls::keyword_names().size(), 8);
    ck_assert_str_eq(tls::keyword_names()[0], "NORMAL");
    std::size_t named = 0;
    for (const char *n : tls::special_names()) {
        if (*n == '\0')
            continue;
        named++;
        // Every listed flag name is accepted.
        std::string s = std::string("NORMAL:%") + n;
        expect_ok(s.c_str());
    }
    ck_assert_uint_eq(named, 35);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("priority");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, normal_lists);
    tcase_add_test(tc, keywords_case_and_order);
    tcase_add_test(tc, bad_tokens_and_offsets);
    tcase_add_test(tc, duplicates_and_ordering);
    tcase_add_test(tc, list_rules);
    tcase_add_test(tc, suite_index);
    tcase_add_test(tc, flags);
    tcase_add_test(tc, default_and_append);
    tcase_add_test(tc, system_config);
    tcase_add_test(tc, string_lists);
    suite_add_tcase(s, tc);
    return s;
}
