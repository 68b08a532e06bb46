// SPDX-License-Identifier: LGPL-2.1-or-later
// Bad input to the TLS 1.3 handshake: hand-built records and ClientHello /
// ServerHello messages fed to the core state machines.  Each case checks
// the error the handshake reports and the alert that went out (RFC 8446
// section 6.2), and that nothing but that alert was sent.
#include <cerrno>
#include <cstring>
#include <deque>
#include <functional>
#include <vector>

#include "core/tls/key-share.hh"
#include "core/tls/messages.hh"
#include "core/tls/priority.hh"
#include "core/tls/session.hh"

#include "../unit/check-main.hh"

using namespace tlshim;
using namespace tlshim::tls;

namespace {

// A session whose transport reads from `in` and writes to `out`.
struct Harness {
    std::deque<std::uint8_t> in;
    std::vector<std::uint8_t> out;
    Session session;

    explicit Harness(unsigned flags, const char *prio = "NORMAL") : session(flags)
    {
        ParseResult r = parse_priority(prio);
        ck_assert(r.priority != nullptr);
        session.set_priority(r.priority);
        Transport &t = session.transport();
        t.recv_ptr = t.send_ptr = this;
        t.pull_fn = [](gnutls_transport_ptr_t p, void *buf, size_t n) -> ssize_t {
            auto *h = static_cast<Harness *>(p);
            if (h->in.empty()) {
                h->session.transport().set_errno(EAGAIN);
                return -1;
            }
            std::size_t k = std::min(n, h->in.size());
            for (std::size_t i = 0; i < k; i++) {
                static_cast<std::uint8_t *>(buf)[i] = h->in.front();
                h->in.pop_front();
            }
            return static_cast<ssize_t>(k);
        };
        t.push_fn = [](gnutls_transport_ptr_t p, const void *buf, size_t n) -> ssize_t {
            auto *h = static_cast<Harness *>(p);
            const auto *b = static_cast<const std::uint8_t *>(buf);
            h->out.insert(h->out.end(), b, b + n);
            return static_cast<ssize_t>(n);
        };
    }

    void record(std::uint8_t type, const std::vector<std::uint8_t> &body, std::uint16_t version = 0x0303)
    {
        in.push_back(type);
        in.push_back(static_cast<std::uint8_t>(version >> 8));
        in.push_back(static_cast<std::uint8_t>(version));
        in.push_back(static_cast<std::uint8_t>(body.size() >> 8));
        in.push_back(static_cast<std::uint8_t>(body.size()));
        in.insert(in.end(), body.begin(), body.end());
    }

    // The last record written must be a fatal alert with this description.
    void expect_alert(int desc) const
    {
        ck_assert_uint_ge(out.size(), 7);
        const std::uint8_t *a = out.data() + out.size() - 7;
        ck_assert_uint_eq(a[0], 21);
        ck_assert_uint_eq(a[3], 0);
        ck_assert_uint_eq(a[4], 2);
        ck_assert_uint_eq(a[5], 2);  // fatal
        ck_assert_int_eq(a[6], desc);
    }
};

// The pieces of a TLS 1.3 ClientHello a test may break.
struct HelloSpec {
    std::vector<std::uint8_t> compression{0};
    bool versions = true;
    bool groups = true;
    bool sigalgs = true;
    bool key_share = true;
    std::uint16_t share_group = 29;  // x25519
    bool duplicate_groups = false;
    bool truncate = false;
    // TLS 1.2 hellos: the suites, and renegotiation_info with this many
    // bytes of verify_data (-1: no extension).
    std::vector<std::uint16_t> suites{0x1301, 0x1302};
    int reneg_info = -1;
    std::uint16_t legacy_version = 0x0303;
    // TLS 1.3 PSK offers: psk_key_exchange_modes (psk_dhe_ke), and a
    // pre_shared_key body taken as it is (empty: no extension), last unless
    // `psk_not_last` (then an empty padding extension follows it).
    bool psk_modes = false;
    std::vector<std::uint8_t> psk_body;
    bool psk_not_last = false;
};

std::vector<std::uint8_t> client_hello(const HelloSpec &h)
{
    static KeyShare share;
    if (!share.valid())
        ck_assert(ok(share.generate(GNUTLS_GROUP_X25519)));
    std::vector<std::uint8_t> ext;
    Writer ew(ext);
    {
        ExtensionWriter x(ew);
        if (h.versions) {
            U16Builder v{kTls13};
            write_supported_versions(v.list(), x.begin(ExtensionType::supported_versions));
            x.end();
        }
        if (h.groups) {
            U16Builder g{29, 23};
            write_u16_list(g.list(), x.begin(ExtensionType::supported_groups));
            x.end();
        }
        if (h.sigalgs) {
            U16Builder s{0x0804, 0x0403, 0x0807};
            write_u16_list(s.list(), x.begin(ExtensionType::signature_algorithms));
            x.end();
        }
        if (h.key_share) {
            std::vector<KeyShareEntry> e{KeyShareEntry{h.share_group, share.public_value()}};
            write_key_share_client(e, x.begin(ExtensionType::key_share));
            x.end();
        }
        if (h.reneg_info >= 0) {
            const std::vector<std::uint8_t> vd(static_cast<std::size_t>(h.reneg_info), 0x5a);
            write_renegotiation_info(Bytes(vd), x.begin(ExtensionType::renegotiation_info));
            x.end();
        }
        if (h.psk_modes) {
            static const std::uint8_t dhe_ke = 1;
            write_psk_modes(Bytes(&dhe_ke, 1), x.begin(ExtensionType::psk_key_exchange_modes));
            x.end();
        }
        if (!h.psk_body.empty()) {
            x.add(ExtensionType::pre_shared_key, Bytes(h.psk_body));
            if (h.psk_not_last)
                x.add(ExtensionType::padding, Bytes());
        }
        ck_assert(x.finish());
    }
    if (h.duplicate_groups) {
        // A second supported_groups extension, appended by hand.
        const std::uint8_t dup[] = {0x00, 0x0a, 0x00, 0x04, 0x00, 0x02, 0x00, 0x1d};
        ext.insert(ext.end(), dup, dup + sizeof dup);
        const std::size_t len = ext.size() - 2;
        ext[0] = static_cast<std::uint8_t>(len >> 8);
        ext[1] = static_cast<std::uint8_t>(len);
    }
    static const std::uint8_t random[32] = {1, 2, 3};
    U16Builder suites;
    for (std::uint16_t cs : h.suites)
        suites.add(cs);
    ClientHello ch;
    ch.legacy_version = h.legacy_version;
    ch.random = Bytes(random, 32);
    ch.cipher_suites = suites.list();
    ch.compression_methods = Bytes(h.compression);
    ch.has_extensions = true;
    ch.extensions = Bytes(ext).subspan(2);
    std::vector<std::uint8_t> msg;
    Writer w(msg);
    ck_assert(write_message(HandshakeType::client_hello, ch, w));
    if (h.truncate)
        msg.resize(msg.size() - 3);  // the header still announces the full length
    return msg;
}

Err run_server(Harness &hs)
{
    Err e = Err::again;
    for (int i = 0; i < 4 && e == Err::again; i++)
        e = hs.session.handshake();
    return e;
}

void server_case(const HelloSpec &spec, Err want, int alert, const char *prio = "NORMAL")
{
    Harness hs(GNUTLS_SERVER, prio);
    std::vector<std::uint8_t> m = client_hello(spec);
    if (spec.truncate) {
        // A record that ends inside the message, then a record of another
        // type: the handshake message can never complete.
        hs.record(22, m);
        hs.record(23, {1, 2, 3});
    } else {
        hs.record(22, m);
    }
    ck_assert_int_eq(static_cast<int>(run_server(hs)), static_cast<int>(want));
    hs.expect_alert(alert);
    // The error is reported once; the session is unusable afterwards.
    ck_assert_int_eq(static_cast<int>(hs.session.handshake()), static_cast<int>(Err::invalid_session));
}

}  // namespace

START_TEST(good_hello_reaches_certificate_selection)
{
    // A well-formed hello gets as far as choosing a certificate; the core
    // session has none, so the server refuses with handshake_failure.
    server_case(HelloSpec{}, Err::insufficient_credentials, GNUTLS_A_HANDSHAKE_FAILURE);
}
END_TEST

// pre_shared_key bodies: identities<7..2^16-1> of (identity<1..2^16-1>,
// obfuscated_ticket_age u32), then binders<33..2^16-1> of <32..255>.
std::vector<std::uint8_t> psk_offer(unsigned identities, unsigned binders)
{
    std::vector<std::uint8_t> ids, bnd;
    for (unsigned i = 0; i < identities; i++) {
        const std::uint8_t id[] = {0x00, 0x04, 'u', 's', 'e', 'r', 0, 0, 0, 0};
        ids.insert(ids.end(), id, id + sizeof id);
    }
    for (unsigned i = 0; i < binders; i++) {
        bnd.push_back(32);
        bnd.insert(bnd.end(), 32, 0x42);
    }
    std::vector<std::uint8_t> out;
    out.push_back(static_cast<std::uint8_t>(ids.size() >> 8));
    out.push_back(static_cast<std::uint8_t>(ids.size()));
    out.insert(out.end(), ids.begin(), ids.end());
    out.push_back(static_cast<std::uint8_t>(bnd.size() >> 8));
    out.push_back(static_cast<std::uint8_t>(bnd.size()));
    out.insert(out.end(), bnd.begin(), bnd.end());
    return out;
}

START_TEST(bad_psk_offers)
{
    // A well-formed offer of an identity nobody knows: a full handshake
    // (which fails here for want of a certificate).
    HelloSpec good;
    good.psk_modes = true;
    good.psk_body = psk_offer(1, 1);
    server_case(good, Err::insufficient_credentials, GNUTLS_A_HANDSHAKE_FAILURE);
    // pre_shared_key must be the last extension (RFC 8446 section 4.2.11).
    HelloSpec not_last = good;
    not_last.psk_not_last = true;
    server_case(not_last, Err::received_illegal_parameter, GNUTLS_A_ILLEGAL_PARAMETER);
    // ... and comes with psk_key_exchange_modes (section 4.2.9).
    HelloSpec no_modes = good;
    no_modes.psk_modes = false;
    server_case(no_modes, Err::missing_extension, GNUTLS_A_MISSING_EXTENSION);
    // Truncated: the binders are cut short.
    HelloSpec truncated = good;
    truncated.psk_body.resize(truncated.psk_body.size() - 5);
    server_case(truncated, Err::unexpected_packet_length, GNUTLS_A_DECODE_ERROR);
    // One binder per identity.
    HelloSpec count = good;
    count.psk_body = psk_offer(2, 1);
    server_case(count, Err::received_illegal_parameter, GNUTLS_A_ILLEGAL_PARAMETER);
    // No identity at all.
    HelloSpec none = good;
    none.psk_body = psk_offer(0, 1);
    server_case(none, Err::unexpected_packet_length, GNUTLS_A_DECODE_ERROR);
}
END_TEST

START_TEST(bad_compression)
{
    HelloSpec h;
    h.compression = {1, 0};
    server_case(h, Err::received_illegal_parameter, GNUTLS_A_ILLEGAL_PARAMETER);
}
END_TEST

START_TEST(missing_extensions)
{
    HelloSpec a;
    a.sigalgs = false;
    server_case(a, Err::missing_extension, GNUTLS_A_MISSING_EXTENSION);
    HelloSpec b;
    b.key_share = false;
    server_case(b, Err::missing_extension, GNUTLS_A_MISSING_EXTENSION);
    HelloSpec c;
    c.groups = false;
    server_case(c, Err::missing_extension, GNUTLS_A_MISSING_EXTENSION);
}
END_TEST

START_TEST(no_tls13)
{
    // A hello without supported_versions asks for TLS 1.2: refused by a
    // TLS 1.3-only server, and by a TLS 1.2 one when it offers only TLS 1.3
    // suites.
    HelloSpec h;
    h.versions = false;
    server_case(h, Err::unsupported_version, GNUTLS_A_PROTOCOL_VERSION, "NORMAL:-VERS-ALL:+VERS-TLS1.3");
    server_case(h, Err::no_cipher_suites, GNUTLS_A_HANDSHAKE_FAILURE);
}
END_TEST

// TLS 1.2 hellos (no supported_versions): RFC 5746 and RFC 7507 checks
// come before the suite is chosen.
HelloSpec tls12_hello()
{
    HelloSpec h;
    h.versions = false;
    h.key_share = false;
    h.suites = {0xc02f, 0xc030};  // ECDHE-RSA with AES-GCM
    return h;
}

START_TEST(tls12_renegotiation_info_not_empty)
{
    HelloSpec h = tls12_hello();
    h.reneg_info = 12;  // an initial handshake must send it empty
    server_case(h, Err::safe_renegotiation_failed, GNUTLS_A_HANDSHAKE_FAILURE);
}
END_TEST

START_TEST(tls12_safe_renegotiation_required)
{
    HelloSpec h = tls12_hello();  // neither the extension nor the SCSV
    server_case(h, Err::safe_renegotiation_failed, GNUTLS_A_HANDSHAKE_FAILURE, "NORMAL:%SAFE_RENEGOTIATION");
    h.suites.push_back(0x00ff);  // the SCSV stands for an empty extension
    server_case(h, Err::insufficient_credentials, GNUTLS_A_HANDSHAKE_FAILURE, "NORMAL:%SAFE_RENEGOTIATION");
}
END_TEST

START_TEST(tls12_fallback_scsv)
{
    HelloSpec h = tls12_hello();
    h.suites.push_back(0x5600);  // TLS_FALLBACK_SCSV while we could do TLS 1.3
    server_case(h, Err::inappropriate_fallback, GNUTLS_A_INAPPROPRIATE_FALLBACK);
}
END_TEST

START_TEST(tls12_no_null_compression)
{
    HelloSpec h = tls12_hello();
    h.compression = {1};
    server_case(h, Err::received_illegal_parameter, GNUTLS_A_ILLEGAL_PARAMETER);
}
END_TEST

START_TEST(tls12_truncated)
{
    HelloSpec h = tls12_hello();
    h.truncate = true;
    server_case(h, Err::unexpected_packet, GNUTLS_A_UNEXPECTED_MESSAGE);
}
END_TEST

START_TEST(tls12_too_old)
{
    HelloSpec h = tls12_hello();
    h.legacy_version = 0x0300;  // SSL 3.0
    server_case(h, Err::unsupported_version, GNUTLS_A_PROTOCOL_VERSION);
}
END_TEST

START_TEST(share_for_unlisted_group)
{
    HelloSpec h;
    h.share_group = 24;  // secp384r1, not in supported_groups
    server_case(h, Err::received_illegal_parameter, GNUTLS_A_ILLEGAL_PARAMETER);
}
END_TEST

START_TEST(duplicate_extension)
{
    HelloSpec h;
    h.duplicate_groups = true;
    server_case(h, Err::received_illegal_parameter, GNUTLS_A_ILLEGAL_PARAMETER);
}
END_TEST

START_TEST(truncated_hello_then_other_record)
{
    HelloSpec h;
    h.truncate = true;
    server_case(h, Err::unexpected_packet, GNUTLS_A_UNEXPECTED_MESSAGE);
}
END_TEST

START_TEST(body_length_mismatch)
{
    // The handshake header announces fewer bytes than the ClientHello
    // needs: the message parses short and is a decode_error.
    Harness hs(GNUTLS_SERVER);
    std::vector<std::uint8_t> m = client_hello(HelloSpec{});
    m[3] = static_cast<std::uint8_t>(m[3] - 5);
    m.resize(m.size() - 5);
    hs.record(22, m);
    // (the cut falls inside the extension block)
    ck_assert_int_eq(static_cast<int>(run_server(hs)), static_cast<int>(Err::unexpected_extensions_length));
    hs.expect_alert(GNUTLS_A_DECODE_ERROR);
}
END_TEST

START_TEST(wrong_first_message_and_records)
{
    {
        Harness hs(GNUTLS_SERVER);
        hs.record(22, {20, 0, 0, 2, 1, 2});  // Finished first
        ck_assert_int_eq(static_cast<int>(run_server(hs)), static_cast<int>(Err::unexpected_handshake_packet));
        hs.expect_alert(GNUTLS_A_UNEXPECTED_MESSAGE);
    }
    {
        Harness hs(GNUTLS_SERVER);
        hs.record(23, {1, 2, 3});  // application data before anything
        ck_assert_int_eq(static_cast<int>(run_server(hs)), static_cast<int>(Err::unexpected_packet));
        hs.expect_alert(GNUTLS_A_UNEXPECTED_MESSAGE);
    }
    {
        Harness hs(GNUTLS_SERVER);
        hs.record(22, {});  // empty handshake record
        ck_assert_int_eq(static_cast<int>(run_server(hs)), static_cast<int>(Err::unexpected_packet));
        hs.expect_alert(GNUTLS_A_UNEXPECTED_MESSAGE);
    }
    {
        Harness hs(GNUTLS_SERVER);
        hs.record(20, {2});  // change_cipher_spec with a wrong value
        ck_assert_int_eq(static_cast<int>(run_server(hs)), static_cast<int>(Err::unexpected_packet));
        hs.expect_alert(GNUTLS_A_UNEXPECTED_MESSAGE);
    }
    {
        Harness hs(GNUTLS_SERVER);
        hs.record(22, std::vector<std::uint8_t>(16384 + 257, 0));  // over the limit
        ck_assert_int_eq(static_cast<int>(run_server(hs)), static_cast<int>(Err::record_overflow));
        hs.expect_alert(GNUTLS_A_RECORD_OVERFLOW);
    }
}
END_TEST

START_TEST(client_refuses_bad_server_hello)
{
    // A client's ClientHello goes out; the "server" answers with a
    // ServerHello for a suite the client did not offer.
    Harness hs(GNUTLS_CLIENT, "NORMAL:-CIPHER-ALL:+AES-128-GCM");
    ck_assert_int_eq(static_cast<int>(hs.session.handshake()), static_cast<int>(Err::again));
    ck_assert_uint_gt(hs.out.size(), 5);
    static const std::uint8_t random[32] = {9};
    KeyShare share;
    ck_assert(ok(share.generate(GNUTLS_GROUP_SECP256R1)));
    std::vector<std::uint8_t> ext;
    Writer ew(ext);
    {
        ExtensionWriter x(ew);
        write_u16(kTls13, x.begin(ExtensionType::supported_versions));
        x.end();
        write_key_share_entry(KeyShareEntry{23, share.public_value()}, x.begin(ExtensionType::key_share));
        x.end();
        ck_assert(x.finish());
    }
    // The client's session id must be echoed: take it from its hello.
    const std::uint8_t *ch = hs.out.data() + 5 + 4;
    const std::uint8_t sid_len = ch[2 + 32];
    ServerHello sh;
    sh.random = Bytes(random, 32);
    sh.session_id = Bytes(ch + 2 + 32 + 1, sid_len);
    sh.cipher_suite = 0x1302;  // AES-256-GCM: not offered
    sh.has_extensions = true;
    sh.extensions = Bytes(ext).subspan(2);
    std::vector<std::uint8_t> msg;
    Writer w(msg);
    ck_assert(write_message(HandshakeType::server_hello, sh, w));
    hs.out.clear();
    hs.record(22, msg);
    ck_assert_int_eq(static_cast<int>(hs.session.handshake()), static_cast<int>(Err::received_illegal_parameter));
    hs.expect_alert(GNUTLS_A_ILLEGAL_PARAMETER);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("handshake-malformed");
    TCase *tc = tcase_create("malformed");
    tcase_add_test(tc, good_hello_reaches_certificate_selection);
    tcase_add_test(tc, bad_compression);
    tcase_add_test(tc, bad_psk_offers);
    tcase_add_test(tc, missing_extensions);
    tcase_add_test(tc, no_tls13);
    tcase_add_test(tc, share_for_unlisted_group);
    tcase_add_test(tc, tls12_renegotiation_info_not_empty);
    tcase_add_test(tc, tls12_safe_renegotiation_required);
    tcase_add_test(tc, tls12_fallback_scsv);
    tcase_add_test(tc, tls12_no_null_compression);
    tcase_add_test(tc, tls12_truncated);
    tcase_add_test(tc, tls12_too_old);
    tcase_add_test(tc, duplicate_extension);
    tcase_add_test(tc, truncated_hello_then_other_record);
    tcase_add_test(tc, body_length_mismatch);
    tcase_add_test(tc, wrong_first_message_and_records);
    tcase_add_test(tc, client_refuses_bad_server_hello);
    suite_add_tcase(s, tc);
    return s;
}
