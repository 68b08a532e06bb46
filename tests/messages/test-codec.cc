// SPDX-License-Identifier: LGPL-2.1-or-later
// The handshake codec: write->parse round trips of every message and
// extension body, rejection of malformed input with the alert RFC 8446
// section 6.2 prescribes (through algo::error_to_alert), the ClientHello
// helpers (PSK binder prefix, padding), and a deterministic mutation loop
// over the RFC 8448 messages in which anything that parses must write back
// to the same bytes.
#include "core/tls/messages.hh"
#include "core/algo/errors.hh"

#include <gnutls/gnutls.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "../unit/check-main.hh"
#include "vectors.hh"

using namespace tlshim;
using namespace tlshim::tls;

namespace {

using Vec = std::vector<std::uint8_t>;

Vec unhex(const char *s)
{
    Vec out;
    for (; s[0] && s[1]; s += 2)
        out.push_back(static_cast<std::uint8_t>(std::stoi(std::string(s, 2), nullptr, 16)));
    return out;
}

bool same(Bytes a, Bytes b)
{
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

int alert(Err e)
{
    return algo::error_to_alert(static_cast<int>(e), nullptr);
}

#define ck_assert_alert(expr, want) ck_assert_int_eq(alert(expr), (want))
#define DECODE GNUTLS_A_DECODE_ERROR
#define ILLEGAL GNUTLS_A_ILLEGAL_PARAMETER

Bytes body_of(Bytes msg)
{
    return msg.subspan(kHandshakeHeaderSize);
}

// Writes a message body with write(m, w).
template <class T>
Vec encode(const T &m)
{
    Vec out;
    Writer w(out);
    ck_assert(write(m, w));
    return out;
}

// Writes an extension body through a typed writer.
template <class F>
Vec ext_body(F f)
{
    Vec out;
    Writer w(out);
    ck_assert(f(w));
    return out;
}

// An extension block (without its length) from (type, body) pairs.
Vec block(std::initializer_list<std::pair<std::uint16_t, Vec>> exts)
{
    Vec out;
    Writer w(out);
    for (const auto &[t, b] : exts) {
        w.u16(t).u16(static_cast<std::uint16_t>(b.size())).bytes(b);
    }
    return out;
}

ClientHello base_client_hello(Bytes random, Bytes ext)
{
    static const std::uint8_t suites[] = {0x13, 0x01, 0xc0, 0x2f};
    static const std::uint8_t comp[] = {0};
    ClientHello ch;
    ch.random = random;
    ch.cipher_suites = U16List(Bytes(suites));
    ch.compression_methods = Bytes(comp);
    ch.has_extensions = true;
    ch.extensions = ext;
    return ch;
}

const Vec kRandom(32, 0x5a);

}  // namespace

// ---- Round trips ----------------------------------------------------------

START_TEST(roundtrip_hellos)
{
    Vec sid(32, 7);
    auto ext = block({{0x0017, {}}, {0xff01, {0}}});
    ClientHello ch = base_client_hello(kRandom, ext);
    ch.legacy_version = kTls12;
    ch.session_id = sid;
    Vec body = encode(ch);
    ClientHello back;
    ck_assert(ok(parse(body, back)));
    ck_assert_uint_eq(back.legacy_version, kTls12);
    ck_assert(same(back.random, kRandom));
    ck_assert(same(back.session_id, sid));
    ck_assert(back.cipher_suites.size() == 2 && back.cipher_suites[1] == 0xc02f);
    ck_assert(back.ext.has(ExtensionType::extended_master_secret));
    ck_assert_uint_eq(back.ext.all()[1].offset, 4);
    ck_assert(same(encode(back), body));

    // Without an extension block (SSL 3 / early TLS clients).
    ch.has_extensions = false;
    body = encode(ch);
    ck_assert(ok(parse(body, back)));
    ck_assert(!back.has_extensions && back.ext.size() == 0);
    ck_assert(same(encode(back), body));
    // An empty block is legal before TLS 1.3 and kept.
    ch.has_extensions = true;
    ch.extensions = Bytes();
    body = encode(ch);
    ck_assert(ok(parse(body, back)));
    ck_assert(back.has_extensions && back.ext.size() == 0);
    ck_assert(same(encode(back), body));

    // ServerHello, HelloRetryRequest and the downgrade sentinels.
    ServerHello sh;
    Vec r = kRandom;
    sh.random = r;
    sh.cipher_suite = 0xc02f;
    body = encode(sh);
    ServerHello sb;
    ck_assert(ok(parse(body, sb)));
    ck_assert(!sb.has_extensions && !sb.is_hello_retry_request && sb.downgrade == Downgrade::none);
    ck_assert_uint_eq(sb.cipher_suite, 0xc02f);
    ck_assert(same(encode(sb), body));
    std::memcpy(r.data() + 24, kDowngradeTls12.data(), 8);
    ck_assert(ok(parse(encode(sh), sb)));
    ck_assert(sb.downgrade == Downgrade::tls12);
    std::memcpy(r.data() + 24, kDowngradeTls11.data(), 8);
    ck_assert(ok(parse(encode(sh), sb)));
    ck_assert(sb.downgrade == Downgrade::tls11);

    Vec hrr(kHelloRetryRandom.begin(), kHelloRetryRandom.end());
    auto hrr_ext = block({{43, {0x03, 0x04}}, {51, {0x00, 0x17}}, {44, {0x00, 0x02, 0xab, 0xcd}}});
    sh.random = hrr;
    sh.cipher_suite = 0x1302;
    sh.has_extensions = true;
    sh.extensions = hrr_ext;
    body = encode(sh);
    ck_assert(ok(parse(body, sb)));
    ck_assert(sb.is_hello_retry_request);
    ck_assert(ok(sb.ext.check_permitted_tls13(HandshakeType::hello_retry_request)));
    ck_assert_alert(sb.ext.check_permitted_tls13(HandshakeType::server_hello), ILLEGAL);  // cookie
    std::uint16_t group = 0;
    ck_assert(ok(parse_key_share_hrr(sb.ext.find(ExtensionType::key_share)->body, group)));
    ck_assert_uint_eq(group, 0x0017);
    Bytes cookie;
    ck_assert(ok(parse_cookie(sb.ext.find(ExtensionType::cookie)->body, cookie)));
    ck_assert(same(cookie, Vec{0xab, 0xcd}));
    ck_assert(same(encode(sb), body));

    // Empty-bodied messages.
    ck_assert(ok(parse_empty_message(Bytes())));
    ck_assert_alert(parse_empty_message(Vec{0}), DECODE);
}
END_TEST

START_TEST(roundtrip_certificates)
{
    Vec c1(300, 0x30), c2(5, 0x31);
    // TLS 1.3 Certificate with per-entry extensions and a context.
    Certificate13 c;
    Vec ctx{1, 2, 3};
    auto ocsp = block({{5, {1, 0, 0, 2, 0xaa, 0xbb}}});
    c.context = ctx;
    c.entries.push_back(CertificateEntry{c1, ocsp, {}});
    c.entries.push_back(CertificateEntry{c2, {}, {}});
    Vec body = encode(c);
    Certificate13 cb;
    ck_assert(ok(parse(body, cb)));
    ck_assert(same(cb.context, ctx));
    ck_assert_uint_eq(cb.entries.size(), 2);
    ck_assert(same(cb.entries[0].data, c1) && same(cb.entries[1].data, c2));
    ck_assert(cb.entries[0].ext.has(ExtensionType::status_request));
    ck_assert(ok(cb.entries[0].ext.check_permitted_tls13(HandshakeType::certificate)));
    ck_assert_uint_eq(cb.entries[1].ext.size(), 0);
    ck_assert(same(encode(cb), body));
    // An empty list (a client without a certificate).
    Certificate13 none;
    ck_assert(ok(parse(encode(none), cb)));
    ck_assert(cb.entries.empty());

    Certificate12 c12;
    c12.certificates = {c1, c2};
    body = encode(c12);
    Certificate12 b12;
    ck_assert(ok(parse(body, b12)));
    ck_assert(b12.certificates.size() == 2 && same(b12.certificates[0], c1));
    ck_assert(same(encode(b12), body));

    // CertificateRequest, TLS 1.3.
    auto sa = block({{13, {0, 4, 0x08, 0x04, 0x04, 0x03}}, {47, {0, 5, 0, 3, 'a', 'b', 'c'}}});
    CertificateRequest13 cr;
    cr.context = ctx;
    cr.extensions = sa;
    body = encode(cr);
    CertificateRequest13 crb;
    ck_assert(ok(parse(body, crb)));
    ck_assert(same(crb.context, ctx) && crb.ext.size() == 2);
    ck_assert(ok(crb.ext.check_permitted_tls13(HandshakeType::certificate_request)));
    std::vector<Bytes> names;
    ck_assert(ok(parse_certificate_authorities(crb.ext.find(ExtensionType::certificate_authorities)->body, names)));
    ck_assert(names.size() == 1 && same(names[0], Vec{'a', 'b', 'c'}));
    ck_assert(same(encode(crb), body));

    // CertificateRequest, TLS 1.2 and 1.0.
    CertificateRequest12 r12;
    Vec types{1, 64};
    U16Builder algs{0x0401, 0x0804};
    Vec dns;
    {
        Writer w(dns);
        w.u16(2).u8('x').u8('y').u16(1).u8('z');
    }
    r12.certificate_types = types;
    r12.signature_algorithms = algs.list();
    r12.authorities = dns;
    body = encode(r12);
    CertificateRequest12 rb;
    ck_assert(ok(parse(body, rb, true)));
    ck_assert(same(rb.certificate_types, types));
    ck_assert(rb.signature_algorithms.size() == 2 && rb.signature_algorithms[1] == 0x0804);
    ck_assert_uint_eq(rb.authority_names.size(), 2);
    ck_assert(same(rb.authority_names[1], Vec{'z'}));
    ck_assert(same(encode(rb), body));
    r12.has_signature_algorithms = false;
    body = encode(r12);
    ck_assert(ok(parse(body, rb, false)));
    ck_assert(!rb.has_signature_algorithms && rb.authority_names.size() == 2);
    ck_assert(same(encode(rb), body));
    ck_assert(!ok(parse(body, rb, true)));

    // CertificateVerify with and without a scheme.
    Vec sig(256, 0xee);
    CertificateVerify cv{true, 0x0403, sig};
    body = encode(cv);
    CertificateVerify cvb;
    ck_assert(ok(parse(body, cvb, true)));
    ck_assert(cvb.scheme == 0x0403 && same(cvb.signature, sig));
    ck_assert(same(encode(cvb), body));
    cv.has_scheme = false;
    body = encode(cv);
    ck_assert(ok(parse(body, cvb, false)));
    ck_assert(!cvb.has_scheme && same(cvb.signature, sig));
    ck_assert(same(encode(cvb), body));

    // CertificateStatus.
    CertificateStatus cs;
    Vec resp(70000, 0x42);  // beyond 2^16: a 24-bit length
    cs.response = resp;
    body = encode(cs);
    CertificateStatus csb;
    ck_assert(ok(parse(body, csb)));
    ck_assert(csb.status_type == 1 && same(csb.response, resp));
    ck_assert(same(encode(csb), body));
}
END_TEST

START_TEST(roundtrip_post_handshake)
{
    Vec nonce{0, 1}, ticket(100, 9);
    auto ed = block({{42, {0, 0, 0x40, 0}}});
    NewSessionTicket13 t;
    t.lifetime = 604800;
    t.age_add = 0xdeadbeef;
    t.nonce = nonce;
    t.ticket = ticket;
    t.extensions = ed;
    Vec body = encode(t);
    NewSessionTicket13 tb;
    ck_assert(ok(parse(body, tb)));
    ck_assert(tb.lifetime == 604800 && tb.age_add == 0xdeadbeef);
    ck_assert(same(tb.nonce, nonce) && same(tb.ticket, ticket));
    ck_assert(ok(tb.ext.check_permitted_tls13(HandshakeType::new_session_ticket)));
    std::uint32_t max_ed = 0;
    ck_assert(ok(parse_max_early_data(tb.ext.find(ExtensionType::early_data)->body, max_ed)));
    ck_assert_uint_eq(max_ed, 0x4000);
    ck_assert(same(encode(tb), body));

    NewSessionTicket12 t12{7200, {}};
    body = encode(t12);  // an empty ticket: the server will not issue one
    NewSessionTicket12 t12b;
    ck_assert(ok(parse(body, t12b)));
    ck_assert(t12b.lifetime_hint == 7200 && t12b.ticket.empty());
    t12.ticket = ticket;
    body = encode(t12);
    ck_assert(ok(parse(body, t12b)));
    ck_assert(same(t12b.ticket, ticket) && same(encode(t12b), body));

    for (std::uint8_t v = 0; v <= 1; v++) {
        KeyUpdate ku{v};
        body = encode(ku);
        KeyUpdate kb;
        ck_assert(ok(parse(body, kb)));
        ck_assert_uint_eq(kb.request_update, v);
        ck_assert(same(encode(kb), body));
    }

    Vec vd(12, 3);
    Finished f{vd};
    body = encode(f);
    Finished fb;
    ck_assert(ok(parse(body, fb, 12)));
    ck_assert(same(fb.verify_data, vd));
}
END_TEST

START_TEST(roundtrip_key_exchange)
{
    Vec point(65, 4), p(256, 0xff), g{2}, ys(256, 0x11), sig(64, 0x99), hint{'h', 'i'};
    const KeyExchange kinds[] = {KeyExchange::dhe,     KeyExchange::ecdhe,     KeyExchange::psk,
                                 KeyExchange::dhe_psk, KeyExchange::ecdhe_psk, KeyExchange::rsa_psk};
    const KxSignature sigs[] = {KxSignature::none, KxSignature::legacy, KxSignature::scheme};
    for (auto kind : kinds) {
        for (auto s : sigs) {
            ServerKeyExchange m;
            m.kind = kind;
            m.sig = s;
            m.psk_identity_hint = hint;
            m.named_group = 0x0017;
            m.point = point;
            m.dh_p = p;
            m.dh_g = g;
            m.dh_ys = ys;
            m.scheme = 0x0403;
            m.signature = sig;
            Vec body = encode(m);
            ServerKeyExchange b;
            ck_assert(ok(parse(body, b, kind, s)));
            ck_assert(same(encode(b), body));
            Vec params;
            Writer pw(params);
            ck_assert(write_params(m, pw));
            ck_assert(same(b.params, params));
            if (kind == KeyExchange::ecdhe || kind == KeyExchange::ecdhe_psk) {
                ck_assert(b.named_group == 0x0017 && same(b.point, point));
                ck_assert_uint_eq(b.params.size(), 4 + point.size());
            }
            if (kind == KeyExchange::dhe || kind == KeyExchange::dhe_psk)
                ck_assert(same(b.dh_p, p) && same(b.dh_g, g) && same(b.dh_ys, ys));
            if (kind != KeyExchange::dhe && kind != KeyExchange::ecdhe)
                ck_assert(same(b.psk_identity_hint, hint));
            if (s != KxSignature::none)
                ck_assert(same(b.signature, sig));
            ck_assert_uint_eq(b.scheme, s == KxSignature::scheme ? 0x0403 : 0);
        }
    }
    ServerKeyExchange none;
    ck_assert(!ok(parse(Bytes(), none, KeyExchange::rsa, KxSignature::none)));

    const KeyExchange ckinds[] = {KeyExchange::rsa, KeyExchange::dhe, KeyExchange::ecdhe,
                                  KeyExchange::psk, KeyExchange::dhe_psk, KeyExchange::ecdhe_psk,
                                  KeyExchange::rsa_psk};
    Vec epms(256, 0x77);
    for (auto kind : ckinds) {
        ClientKeyExchange m;
        m.kind = kind;
        m.psk_identity = hint;
        m.encrypted_premaster = epms;
        m.point = point;
        m.dh_yc = ys;
        Vec body = encode(m);
        ClientKeyExchange b;
        ck_assert(ok(parse(body, b, kind)));
        ck_assert(same(encode(b), body));
        if (kind == KeyExchange::rsa)
            ck_assert(same(b.encrypted_premaster, epms) && body.size() == 258);
        if (kind == KeyExchange::psk)
            ck_assert(same(b.psk_identity, hint) && body.size() == 4);
        if (kind == KeyExchange::ecdhe_psk)
            ck_assert(same(b.point, point) && same(b.psk_identity, hint));
    }
}
END_TEST

START_TEST(roundtrip_extensions)
{
    // server_name
    Vec body = ext_body([](Writer &w) { return write_server_name(as_bytes("example.com"), w); });
    ServerNameList sni;
    ck_assert(ok(parse_server_name(body, sni)));
    ck_assert(same(sni.host_name, as_bytes("example.com")));
    // max_fragment_length
    std::uint8_t mfl = 0;
    body = ext_body([](Writer &w) { return write_max_fragment_length(4, w); });
    ck_assert(ok(parse_max_fragment_length(body, mfl)) && mfl == 4);
    // status_request
    Vec ids{0, 3, 'a', 'b', 'c'}, rext{0x30, 0};
    StatusRequest sr{1, ids, rext};
    body = ext_body([&](Writer &w) { return write_status_request(sr, w); });
    StatusRequest srb;
    ck_assert(ok(parse_status_request(body, srb)));
    ck_assert(srb.status_type == 1 && same(srb.responder_id_list, ids) && same(srb.request_extensions, rext));
    ck_assert(same(ext_body([&](Writer &w) { return write_status_request(srb, w); }), body));
    // supported_groups / signature_algorithms / signature_algorithms_cert
    U16Builder g{0x001d, 0x0017};
    body = ext_body([&](Writer &w) { return write_u16_list(g.list(), w); });
    U16List gl;
    ck_assert(ok(parse_supported_groups(body, gl)) && gl.size() == 2 && gl.contains(0x0017));
    ck_assert(ok(parse_signature_algorithms(body, gl)) && gl[0] == 0x001d);
    // ec_point_formats
    Vec pf{0};
    body = ext_body([&](Writer &w) { return write_ec_point_formats(pf, w); });
    Bytes pfb;
    ck_assert(ok(parse_ec_point_formats(body, pfb)) && same(pfb, pf));
    // ALPN
    std::vector<Bytes> protos{as_bytes("h2"), as_bytes("http/1.1")};
    body = ext_body([&](Writer &w) { return write_alpn(protos, w); });
    AlpnList al;
    ck_assert(ok(parse_alpn(body, al)));
    ck_assert(al.names.size() == 2 && same(al.names[1], as_bytes("http/1.1")));
    Bytes sel;
    ck_assert_alert(parse_alpn_reply(body, sel), ILLEGAL);
    std::vector<Bytes> one{as_bytes("h2")};
    body = ext_body([&](Writer &w) { return write_alpn(one, w); });
    ck_assert(ok(parse_alpn_reply(body, sel)) && same(sel, as_bytes("h2")));
    // client/server_certificate_type
    Vec ct{2, 0};
    body = ext_body([&](Writer &w) { return write_cert_type_list(ct, w); });
    Bytes ctb;
    ck_assert(ok(parse_cert_type_list(body, ctb)) && same(ctb, ct));
    std::uint8_t one_type = 9;
    ck_assert(ok(parse_cert_type_reply(Vec{2}, one_type)) && one_type == 2);
    // padding, empty extensions
    ck_assert(ok(parse_padding(Vec(100, 0))));
    ck_assert(ok(parse_padding(Bytes())));
    ck_assert(ok(parse_empty(Bytes())));
    // record_size_limit
    std::uint16_t rsl = 0;
    body = ext_body([](Writer &w) { return write_record_size_limit(64, w); });
    ck_assert(ok(parse_record_size_limit(body, rsl)) && rsl == 64);
    // pre_shared_key
    Vec id1{'t', 'k', 't'}, id2(200, 'i'), b1(32, 1), b2(48, 2);
    OfferedPsks psks;
    psks.identities = {PskIdentity{id1, 0x01020304}, PskIdentity{id2, 5}};
    psks.binders = {b1, b2};
    body = ext_body([&](Writer &w) { return write_offered_psks(psks, w); });
    OfferedPsks pb;
    ck_assert(ok(parse_offered_psks(body, pb)));
    ck_assert(pb.identities.size() == 2 && pb.binders.size() == 2);
    ck_assert(same(pb.identities[0].identity, id1) && pb.identities[0].obfuscated_ticket_age == 0x01020304);
    ck_assert(same(pb.identities[1].identity, id2) && same(pb.binders[1], b2));
    ck_assert_uint_eq(pb.binders_offset, 2 + (2 + 3 + 4) + (2 + 200 + 4));
    ck_assert(same(ext_body([&](Writer &w) { return write_offered_psks(pb, w); }), body));
    std::uint16_t selected = 9;
    body = ext_body([](Writer &w) { return write_u16(1, w); });
    ck_assert(ok(parse_selected_identity(body, selected)) && selected == 1);
    // supported_versions
    U16Builder vs{kTls13, kTls12};
    body = ext_body([&](Writer &w) { return write_supported_versions(vs.list(), w); });
    U16List vl;
    ck_assert(ok(parse_supported_versions(body, vl)) && vl.size() == 2 && vl[1] == kTls12);
    // cookie, psk modes
    Vec ck(500, 0xc0);
    body = ext_body([&](Writer &w) { return write_cookie(ck, w); });
    Bytes ckb;
    ck_assert(ok(parse_cookie(body, ckb)) && same(ckb, ck));
    Vec modes{0, 1};
    body = ext_body([&](Writer &w) { return write_psk_modes(modes, w); });
    Bytes mb;
    ck_assert(ok(parse_psk_modes(body, mb)) && same(mb, modes));
    // certificate_authorities
    std::vector<Bytes> cas{as_bytes("0\x03\x31\x01\x00"), as_bytes("dn2")};
    body = ext_body([&](Writer &w) { return write_certificate_authorities(cas, w); });
    std::vector<Bytes> cab;
    ck_assert(ok(parse_certificate_authorities(body, cab)));
    ck_assert(cab.size() == 2 && same(cab[1], as_bytes("dn2")));
    // key_share (client, server)
    Vec k1(32, 1), k2(65, 4);
    std::vector<KeyShareEntry> shares{{0x001d, k1}, {0x0017, k2}};
    body = ext_body([&](Writer &w) { return write_key_share_client(shares, w); });
    std::vector<KeyShareEntry> sb;
    ck_assert(ok(parse_key_share_client(body, sb)));
    ck_assert(sb.size() == 2 && sb[1].group == 0x0017 && same(sb[1].key_exchange, k2));
    body = ext_body([&](Writer &w) { return write_key_share_client({}, w); });
    ck_assert(ok(parse_key_share_client(body, sb)) && sb.empty());  // empty: ask for HRR
    KeyShareEntry one_share;
    body = ext_body([&](Writer &w) { return write_key_share_entry(shares[0], w); });
    ck_assert(ok(parse_key_share_server(body, one_share)) && one_share.group == 0x001d);
    // renegotiation_info
    Vec vd(24, 0x24);
    body = ext_body([&](Writer &w) { return write_renegotiation_info(vd, w); });
    Bytes vdb;
    ck_assert(ok(parse_renegotiation_info(body, vdb)) && same(vdb, vd));
}
END_TEST

// ---- Rejections ------------------------------------------------------------

START_TEST(reject_client_hello)
{
    ClientHello ch;
    // Odd cipher_suites.
    ck_assert_alert(parse(unhex("0303" "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a"
                                "00" "0003130113" "0100"), ch), DECODE);
    // Empty cipher_suites.
    ck_assert_alert(parse(unhex("0303" "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a"
                                "00" "0000" "0100"), ch), DECODE);
    // Empty compression methods.
    ck_assert_alert(parse(unhex("0303" "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a"
                                "00" "00021301" "00"), ch), DECODE);
    // A 33-byte session id.
    Vec longsid = unhex("0303" "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a" "21");
    longsid.insert(longsid.end(), 33, 0);
    Vec tail = unhex("00021301" "0100");
    longsid.insert(longsid.end(), tail.begin(), tail.end());
    ck_assert_alert(parse(longsid, ch), DECODE);
    longsid[34] = 0x20;  // 32 bytes: fine once the extra byte is gone
    longsid.erase(longsid.begin() + 35);
    ck_assert(ok(parse(longsid, ch)));

    // Trailing byte after the extensions; extension block length wrong.
    Vec good(body_of(Bytes(rfc8448::kClientHello)).begin(), body_of(Bytes(rfc8448::kClientHello)).end());
    Vec bad = good;
    bad.push_back(0);
    ck_assert_alert(parse(bad, ch), DECODE);
    bad = good;
    bad.pop_back();
    ck_assert_alert(parse(bad, ch), DECODE);
    ck_assert_int_eq(static_cast<int>(parse(bad, ch)), GNUTLS_E_UNEXPECTED_EXTENSIONS_LENGTH);
    // An extension whose length runs past the block.
    auto ext = unhex("0017" "0005" "00");
    ClientHello m = base_client_hello(kRandom, ext);
    ck_assert_alert(parse(encode(m), ch), DECODE);

    // Duplicate extensions.
    auto dup = block({{0x0017, {}}, {0x000a, {0, 2, 0, 0x17}}, {0x0017, {}}});
    m = base_client_hello(kRandom, dup);
    ck_assert_int_eq(static_cast<int>(parse(encode(m), ch)), GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER);
    ck_assert_alert(parse(encode(m), ch), ILLEGAL);
    // The same check for every message with extensions.
    EncryptedExtensions ee;
    Vec eeb;
    {
        Writer w(eeb);
        w.u16(static_cast<std::uint16_t>(dup.size())).bytes(dup);
    }
    ck_assert_alert(parse(eeb, ee), ILLEGAL);
    ExtensionList list;
    ck_assert_alert(list.parse(dup), ILLEGAL);
    ck_assert_uint_eq(list.size(), 0);

    // The ExtensionWriter refuses to repeat a type.
    Vec out;
    Writer w(out);
    ExtensionWriter x(w);
    x.add(ExtensionType::padding, Bytes());
    x.add(ExtensionType::padding, Bytes());
    ck_assert(!x.finish());
}
END_TEST

START_TEST(reject_server_messages)
{
    // ServerHello with a compression method.
    ServerHello sh;
    sh.random = kRandom;
    sh.cipher_suite = 0x1301;
    sh.compression_method = 1;
    ServerHello sb;
    ck_assert_alert(parse(encode(sh), sb), ILLEGAL);
    sh.compression_method = 0;
    Vec body = encode(sh);
    body.push_back(0);  // one byte where the extension length should be
    ck_assert_alert(parse(body, sb), DECODE);

    // Extensions in the wrong TLS 1.3 message, unsolicited, missing.
    ClientHello ch;
    ck_assert(ok(parse(body_of(Bytes(rfc8448::kClientHello)), ch)));
    auto ee_ext = block({{51, {0, 0x1d, 0, 1, 0}}});
    EncryptedExtensions ee;
    ee.extensions = ee_ext;
    EncryptedExtensions eb;
    ck_assert(ok(parse(encode(ee), eb)));
    ck_assert_alert(eb.ext.check_permitted_tls13(HandshakeType::encrypted_extensions), ILLEGAL);
    auto alpn = block({{16, {0, 3, 2, 'h', '2'}}});
    ee.extensions = alpn;
    ck_assert(ok(parse(encode(ee), eb)));
    ck_assert(ok(eb.ext.check_permitted_tls13(HandshakeType::encrypted_extensions)));
    ck_assert_alert(eb.ext.check_solicited(ch.ext), GNUTLS_A_UNSUPPORTED_EXTENSION);
    ck_assert_alert(eb.ext.require(ExtensionType::supported_versions), GNUTLS_A_MISSING_EXTENSION);
    // TLS 1.2-only extensions are not for TLS 1.3 server messages; unknown
    // ones are left to check_solicited.
    auto ems = block({{23, {}}, {0x7777, {}}});
    ee.extensions = ems;
    ck_assert(ok(parse(encode(ee), eb)));
    ck_assert_alert(eb.ext.check_permitted_tls13(HandshakeType::encrypted_extensions), ILLEGAL);
    ck_assert(!permitted_tls13(static_cast<ExtensionType>(0x7777), HandshakeType::encrypted_extensions));
    ck_assert(permitted_tls13(ExtensionType::padding, HandshakeType::client_hello));
    ck_assert(!permitted_tls13(ExtensionType::padding, HandshakeType::server_hello));

    // CertificateRequest 1.3: signature_algorithms is mandatory.
    CertificateRequest13 cr;
    auto ca = block({{47, {0, 3, 0, 1, 'a'}}});
    cr.extensions = ca;
    CertificateRequest13 crb;
    ck_assert_int_eq(static_cast<int>(parse(encode(cr), crb)), GNUTLS_E_MISSING_EXTENSION);
    ck_assert_alert(parse(unhex("00" "0000"), crb), DECODE);
    // CertificateRequest 1.2: empty types, odd algorithms.
    CertificateRequest12 r12;
    ck_assert_alert(parse(unhex("00" "00020401" "0000"), r12, true), DECODE);
    ck_assert_alert(parse(unhex("0101" "0003040102" "0000"), r12, true), DECODE);
    ck_assert_alert(parse(unhex("0101" "00020401" "0003" "0000aa"), r12, true), DECODE);

    // Certificates of zero length.
    Certificate12 c12;
    ck_assert_alert(parse(unhex("000003" "000000"), c12), DECODE);
    Certificate13 c13;
    ck_assert_alert(parse(unhex("00" "000005" "000000" "0000"), c13), DECODE);
    ck_assert_alert(parse(unhex("00" "000004" "000001" "30"), c13), DECODE);  // entry without extensions
    ck_assert(ok(parse(unhex("00" "000006" "000001" "30" "0000"), c13)));

    // CertificateStatus: type 2 or an empty response.
    CertificateStatus cs;
    ck_assert_alert(parse(unhex("02" "000001" "00"), cs), ILLEGAL);
    ck_assert_alert(parse(unhex("01" "000000"), cs), DECODE);

    // ServerKeyExchange: explicit curves, empty point, empty prime.
    ServerKeyExchange ske;
    ck_assert_alert(parse(unhex("01" "0017" "0104"), ske, KeyExchange::ecdhe, KxSignature::none), ILLEGAL);
    ck_assert_alert(parse(unhex("03" "0017" "00"), ske, KeyExchange::ecdhe, KxSignature::none), DECODE);
    ck_assert_alert(parse(unhex("0000" "000102" "000101"), ske, KeyExchange::dhe, KxSignature::none), DECODE);
    // Signature missing / trailing byte.
    ck_assert_alert(parse(unhex("03" "0017" "0104"), ske, KeyExchange::ecdhe, KxSignature::scheme), DECODE);
    ck_assert(ok(parse(unhex("03" "0017" "0104" "0403" "0000"), ske, KeyExchange::ecdhe, KxSignature::scheme)));
    ck_assert_alert(parse(unhex("03" "0017" "0104" "0403" "0000" "00"), ske, KeyExchange::ecdhe, KxSignature::scheme), DECODE);

    // ClientKeyExchange: empty ECDH point or DH value.
    ClientKeyExchange cke;
    ck_assert_alert(parse(unhex("00"), cke, KeyExchange::ecdhe), DECODE);
    ck_assert_alert(parse(unhex("0000"), cke, KeyExchange::dhe), DECODE);
    ck_assert_alert(parse(unhex("0002" "61"), cke, KeyExchange::psk), DECODE);  // identity cut short

    // NewSessionTicket 1.3: empty ticket; KeyUpdate 2.
    NewSessionTicket13 nst;
    ck_assert_alert(parse(unhex("00000001" "00000002" "00" "0000" "0000"), nst), DECODE);
    ck_assert(ok(parse(unhex("00000001" "00000002" "00" "000101" "0000"), nst)));
    KeyUpdate ku;
    ck_assert_alert(parse(unhex("02"), ku), ILLEGAL);
    ck_assert_alert(parse(unhex("ff"), ku), ILLEGAL);
    ck_assert_alert(parse(unhex("0100"), ku), DECODE);
    ck_assert_alert(parse(Bytes(), ku), DECODE);

    // Handshake framing.
    HandshakeType t;
    Bytes b;
    ck_assert_alert(parse_handshake(unhex("14000003" "0000"), t, b), DECODE);
    ck_assert_alert(parse_handshake(unhex("14000001" "0000"), t, b), DECODE);
    ck_assert(ok(parse_handshake(unhex("18000001" "01"), t, b)));
    ck_assert(t == HandshakeType::key_update && b.size() == 1);
}
END_TEST

START_TEST(reject_extensions)
{
    ServerNameList sni;
    ck_assert_alert(parse_server_name(unhex("0003" "000000"), sni), DECODE);     // zero-length name
    ck_assert_alert(parse_server_name(unhex("0000"), sni), DECODE);              // empty list
    ck_assert_alert(parse_server_name(unhex("0004" "00000261"), sni), DECODE);  // name past its list
    ck_assert_alert(parse_server_name(unhex("0005" "0000026100"), sni), ILLEGAL);   // NUL byte
    ck_assert_alert(parse_server_name(unhex("0008" "0000016100000162"), sni), ILLEGAL);  // two host names
    Vec two_types = unhex("0008" "0000016107000162");
    ck_assert(ok(parse_server_name(two_types, sni)));  // unknown type skipped
    ck_assert(same(sni.host_name, as_bytes("a")));
    Vec out;
    Writer w(out);
    ck_assert(!write_server_name(Bytes(), w));

    std::uint8_t u8v;
    ck_assert_alert(parse_max_fragment_length(unhex("00"), u8v), ILLEGAL);
    ck_assert_alert(parse_max_fragment_length(unhex("05"), u8v), ILLEGAL);
    ck_assert_alert(parse_max_fragment_length(unhex("0101"), u8v), DECODE);

    std::uint16_t u16v;
    ck_assert_alert(parse_record_size_limit(unhex("003f"), u16v), ILLEGAL);
    ck_assert(ok(parse_record_size_limit(unhex("0040"), u16v)));
    ck_assert_alert(parse_record_size_limit(unhex("40"), u16v), DECODE);

    U16List l;
    ck_assert_alert(parse_supported_groups(unhex("0003001d00"), l), DECODE);
    ck_assert_alert(parse_supported_groups(unhex("0000"), l), DECODE);
    ck_assert_alert(parse_signature_algorithms(unhex("000204"), l), DECODE);
    ck_assert_alert(parse_supported_versions(unhex("03030403"), l), DECODE);
    ck_assert_alert(parse_supported_versions(unhex("00"), l), DECODE);
    ck_assert_alert(parse_selected_version(unhex("030400"), u16v), DECODE);

    Bytes b;
    ck_assert_alert(parse_cookie(unhex("0000"), b), DECODE);
    ck_assert_alert(parse_psk_modes(unhex("00"), b), DECODE);
    ck_assert_alert(parse_ec_point_formats(unhex("00"), b), DECODE);
    ck_assert_alert(parse_cert_type_list(unhex("00"), b), DECODE);
    ck_assert_alert(parse_renegotiation_info(unhex("0200"), b), DECODE);
    ck_assert_alert(parse_empty(unhex("00")), DECODE);
    ck_assert_alert(parse_padding(unhex("000100")), ILLEGAL);

    AlpnList al;
    ck_assert_alert(parse_alpn(unhex("0003" "00" "0161"), al), DECODE);  // empty name
    ck_assert_alert(parse_alpn(unhex("0000"), al), DECODE);
    ck_assert_alert(parse_alpn_reply(unhex("0006" "026832" "026833"), b), ILLEGAL);

    std::vector<KeyShareEntry> shares;
    ck_assert_alert(parse_key_share_client(unhex("000a" "001d000161" "001d000162"), shares), ILLEGAL);
    ck_assert(shares.empty());
    ck_assert_alert(parse_key_share_client(unhex("0004" "001d0000"), shares), DECODE);
    KeyShareEntry ks;
    ck_assert_alert(parse_key_share_server(unhex("001d000161" "00"), ks), DECODE);

    std::vector<Bytes> names;
    ck_assert_alert(parse_certificate_authorities(unhex("0002" "0000"), names), DECODE);
    ck_assert_alert(parse_certificate_authorities(unhex("0003" "000000"), names), DECODE);

    StatusRequest sr;
    ck_assert_alert(parse_status_request(unhex("01" "0002" "0000" "0000"), sr), DECODE);  // empty ResponderID
    ck_assert(ok(parse_status_request(unhex("01" "0000" "0000"), sr)));

    // pre_shared_key: counts must match, binders are 32..255 bytes.
    OfferedPsks psks;
    Vec id = unhex("0007" "000161" "00000000");
    Vec two_binders;
    {
        Writer bw(two_binders);
        bw.u16(66).u8(32).zeros(32).u8(32).zeros(32);
    }
    Vec mismatch = id;
    mismatch.insert(mismatch.end(), two_binders.begin(), two_binders.end());
    ck_assert_alert(parse_offered_psks(mismatch, psks), ILLEGAL);
    Vec short_binder = id;
    {
        Writer bw(short_binder);
        bw.u16(32).u8(31).zeros(31);
    }
    ck_assert_alert(parse_offered_psks(short_binder, psks), DECODE);
    Vec no_ids = unhex("0000");
    {
        Writer bw(no_ids);
        bw.u16(33).u8(32).zeros(32);
    }
    ck_assert_alert(parse_offered_psks(no_ids, psks), DECODE);
    Vec fine = id;
    {
        Writer bw(fine);
        bw.u16(33).u8(32).zeros(32);
    }
    ck_assert(ok(parse_offered_psks(fine, psks)));
    ck_assert_uint_eq(psks.binders_offset, 9);
}
END_TEST

// Every truncation of a message fails with decode_error; a hello cut right
// after the compression methods is a valid extension-less hello.
START_TEST(truncations)
{
    const Bytes msgs[] = {Bytes(rfc8448::kClientHello), Bytes(rfc8448::kServerHello),
                          Bytes(rfc8448::kEncryptedExtensions), Bytes(rfc8448::kCertificate),
                          Bytes(rfc8448::kCertificateVerify), Bytes(rfc8448::kServerFinished)};
    for (std::size_t m = 0; m < 6; m++) {
        Bytes full = msgs[m];
        HandshakeType t;
        Bytes body;
        for (std::size_t n = 0; n < full.size(); n++)
            ck_assert_alert(parse_handshake(full.first(n), t, body), DECODE);
        body = body_of(full);
        for (std::size_t n = 0; n < body.size(); n++) {
            Bytes cut = body.first(n);
            Err e = Err::ok;
            ClientHello ch;
            ServerHello sh;
            EncryptedExtensions ee;
            Certificate13 c;
            CertificateVerify cv;
            Finished f;
            switch (m) {
            case 0:
                e = parse(cut, ch);
                if (n == 2 + 32 + 1 + 8 + 2) {
                    ck_assert(ok(e) && !ch.has_extensions);
                    continue;
                }
                break;
            case 1:
                e = parse(cut, sh);
                if (n == 2 + 32 + 1 + 2 + 1) {
                    ck_assert(ok(e) && !sh.has_extensions);
                    continue;
                }
                break;
            case 2: e = parse(cut, ee); break;
            case 3: e = parse(cut, c); break;
            case 4: e = parse(cut, cv, true); break;
            case 5: e = parse(cut, f, 32); break;
            }
            ck_assert_msg(alert(e) == DECODE, "message %zu cut at %zu: %d", m, n, static_cast<int>(e));
        }
    }
}
END_TEST

// ---- Helpers ---------------------------------------------------------------

START_TEST(psk_binders_and_padding)
{
    // A ClientHello with a PSK offer (binders zeroed) as its last extension.
    Vec id(20, 'x');
    Vec zero32(32, 0);
    OfferedPsks psks;
    psks.identities = {PskIdentity{id, 1234}};
    psks.binders = {zero32};
    Vec psk_body = ext_body([&](Writer &w) { return write_offered_psks(psks, w); });
    auto ext = block({{43, {2, 3, 4}}, {45, {1, 1}}, {41, psk_body}});
    ClientHello ch = base_client_hello(kRandom, ext);
    Vec msg;
    {
        Writer w(msg);
        ck_assert(write_message(HandshakeType::client_hello, ch, w));
    }
    Bytes prefix;
    ck_assert(ok(binder_prefix(msg, prefix)));
    // The binders vector (2 + 1 + 32 bytes) is all that follows the prefix.
    ck_assert_uint_eq(prefix.size(), msg.size() - 35);
    ck_assert(same(prefix, Bytes(msg).first(prefix.size())));
    ck_assert_uint_eq(msg[prefix.size()], 0);
    ck_assert_uint_eq(msg[prefix.size() + 1], 33);

    Vec binder(32, 0xb1);
    ck_assert(ok(fill_binders(msg, {Bytes(binder)})));
    ck_assert(same(Bytes(msg).last(32), binder));
    Vec wrong(48, 1);
    ck_assert(!ok(fill_binders(msg, {Bytes(wrong)})));
    ck_assert(!ok(fill_binders(msg, {Bytes(binder), Bytes(binder)})));

    // Padding goes before pre_shared_key, which stays last.
    Vec padded = msg;
    ck_assert(ok(pad_client_hello(padded, 512)));
    ck_assert_uint_eq(padded.size(), 512);
    HandshakeType t;
    Bytes body;
    ck_assert(ok(parse_handshake(padded, t, body)));
    ClientHello pch;
    ck_assert(ok(parse(body, pch)));
    ck_assert(pch.ext.all().back().type == ExtensionType::pre_shared_key);
    const Extension *pad = pch.ext.find(ExtensionType::padding);
    ck_assert(pad != nullptr);
    ck_assert(ok(parse_padding(pad->body)));
    ck_assert(same(Bytes(padded).last(32), binder));
    Bytes prefix2;
    ck_assert(ok(binder_prefix(padded, prefix2)));
    ck_assert_uint_eq(prefix2.size(), padded.size() - 35);
    // Already long enough, or already padded: no change / refused.
    Vec again = padded;
    ck_assert(ok(pad_client_hello(again, 300)));
    ck_assert(same(again, padded));
    ck_assert(!ok(pad_client_hello(again, 600)));
    // Short of the target by less than the extension header: overshoots by
    // at most 4 bytes with an empty padding extension.
    Vec close = msg;
    ck_assert(ok(pad_client_hello(close, msg.size() + 2)));
    ck_assert_uint_eq(close.size(), msg.size() + 4);

    // Without PSK: padding is appended.
    auto plain = block({{43, {2, 3, 4}}});
    ClientHello ch2 = base_client_hello(kRandom, plain);
    Vec msg2;
    {
        Writer w(msg2);
        ck_assert(write_message(HandshakeType::client_hello, ch2, w));
    }
    ck_assert_alert(binder_prefix(msg2, prefix), GNUTLS_A_MISSING_EXTENSION);
    ck_assert(ok(pad_client_hello(msg2, 517)));
    ck_assert_uint_eq(msg2.size(), 517);
    ck_assert(ok(parse_handshake(msg2, t, body)));
    ck_assert(ok(parse(body, pch)));
    ck_assert(pch.ext.all().back().type == ExtensionType::padding);

    // pre_shared_key not last.
    auto notlast = block({{41, psk_body}, {43, {2, 3, 4}}});
    ClientHello ch3 = base_client_hello(kRandom, notlast);
    Vec msg3;
    {
        Writer w(msg3);
        ck_assert(write_message(HandshakeType::client_hello, ch3, w));
    }
    ck_assert_alert(binder_prefix(msg3, prefix), ILLEGAL);
}
END_TEST

// ---- Mutation loop ---------------------------------------------------------

namespace {

std::uint64_t rng_state = 0x9e3779b97f4a7c15ull;
std::uint32_t rnd()
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return static_cast<std::uint32_t>(rng_state >> 16);
}

bool acceptable(Err e)
{
    int a = alert(e);
    return a == DECODE || a == ILLEGAL || a == GNUTLS_A_MISSING_EXTENSION;
}

// Anything that parses must write back to exactly the input.
template <class T, class... A>
void exact(Bytes in, A... args)
{
    T m;
    Err e = parse(in, m, args...);
    if (!ok(e)) {
        ck_assert_msg(acceptable(e), "unexpected error %d", static_cast<int>(e));
        return;
    }
    Vec out;
    Writer w(out);
    ck_assert(write(m, w));
    ck_assert(same(out, in));
}

void try_everything(Bytes in)
{
    exact<ClientHello>(in);
    exact<ServerHello>(in);
    exact<EncryptedExtensions>(in);
    exact<CertificateRequest13>(in);
    exact<CertificateRequest12>(in, true);
    exact<CertificateRequest12>(in, false);
    exact<Certificate13>(in);
    exact<Certificate12>(in);
    exact<CertificateVerify>(in, true);
    exact<CertificateVerify>(in, false);
    exact<CertificateStatus>(in);
    exact<NewSessionTicket13>(in);
    exact<NewSessionTicket12>(in);
    exact<KeyUpdate>(in);
    if (!in.empty())
        exact<Finished>(in, in.size());
    for (auto k : {KeyExchange::dhe, KeyExchange::ecdhe, KeyExchange::psk, KeyExchange::ecdhe_psk,
                   KeyExchange::dhe_psk, KeyExchange::rsa_psk}) {
        exact<ServerKeyExchange>(in, k, KxSignature::scheme);
        exact<ServerKeyExchange>(in, k, KxSignature::none);
        exact<ClientKeyExchange>(in, k);
    }
    exact<ClientKeyExchange>(in, KeyExchange::rsa);

    // Extension bodies: must not crash; errors of the right classes.
    ExtensionList list;
    Err e = list.parse(in);
    ck_assert(ok(e) || acceptable(e));
    ServerNameList sni;
    StatusRequest sr;
    U16List l;
    Bytes b;
    AlpnList al;
    OfferedPsks psks;
    std::vector<Bytes> names;
    std::vector<KeyShareEntry> shares;
    KeyShareEntry ks;
    std::uint8_t u8v;
    std::uint16_t u16v;
    std::uint32_t u32v;
    const Err results[] = {
        parse_server_name(in, sni),          parse_max_fragment_length(in, u8v),
        parse_status_request(in, sr),        parse_supported_groups(in, l),
        parse_signature_algorithms(in, l),   parse_ec_point_formats(in, b),
        parse_alpn(in, al),                  parse_alpn_reply(in, b),
        parse_cert_type_list(in, b),         parse_cert_type_reply(in, u8v),
        parse_padding(in),                   parse_record_size_limit(in, u16v),
        parse_offered_psks(in, psks),        parse_selected_identity(in, u16v),
        parse_max_early_data(in, u32v),      parse_supported_versions(in, l),
        parse_cookie(in, b),                 parse_psk_modes(in, b),
        parse_certificate_authorities(in, names), parse_key_share_client(in, shares),
        parse_key_share_server(in, ks),      parse_renegotiation_info(in, b),
        parse_empty(in)};
    for (Err r : results)
        ck_assert(ok(r) || acceptable(r));
    // Typed results point into the input.
    if (ok(parse_offered_psks(in, psks)))
        for (const auto &bd : psks.binders)
            ck_assert(bd.data() >= in.data() && bd.data() + bd.size() <= in.data() + in.size());
}

}  // namespace

START_TEST(mutation_loop)
{
    const Bytes msgs[] = {Bytes(rfc8448::kClientHello), Bytes(rfc8448::kServerHello),
                          Bytes(rfc8448::kEncryptedExtensions), Bytes(rfc8448::kCertificate),
                          Bytes(rfc8448::kCertificateVerify), Bytes(rfc8448::kServerFinished)};
    unsigned parsed_ok = 0;
    for (int iter = 0; iter < 6000; iter++) {
        Bytes src = body_of(msgs[iter % 6]);
        Vec buf(src.begin(), src.end());
        unsigned edits = 1 + rnd() % 4;
        for (unsigned k = 0; k < edits; k++) {
            std::uint32_t op = rnd() % 3;
            std::size_t pos = buf.empty() ? 0 : rnd() % buf.size();
            if (op == 0 && !buf.empty())
                buf[pos] ^= static_cast<std::uint8_t>(1u << (rnd() % 8));
            else if (op == 1)
                buf.insert(buf.begin() + static_cast<std::ptrdiff_t>(pos), static_cast<std::uint8_t>(rnd()));
            else if (!buf.empty())
                buf.erase(buf.begin() + static_cast<std::ptrdiff_t>(pos));
        }
        // An exact-size heap copy so the sanitizer sees any overread.
        std::unique_ptr<std::uint8_t[]> exact_copy(new std::uint8_t[buf.size() + 1]);
        if (!buf.empty())
            std::memcpy(exact_copy.get(), buf.data(), buf.size());
        Bytes in(exact_copy.get(), buf.size());
        try_everything(in);
        ClientHello ch;
        if (ok(parse(in, ch)))
            parsed_ok++;
        // The framing helpers on the mutated message too.
        Vec msg;
        {
            Writer w(msg);
            w.u8(1).u24(static_cast<std::uint32_t>(buf.size())).bytes(buf);
        }
        Bytes prefix;
        Err e = binder_prefix(msg, prefix);
        ck_assert(ok(e) || acceptable(e) || e == Err::invalid_request);
        Vec padded = msg;
        e = pad_client_hello(padded, 512);
        if (ok(e)) {
            HandshakeType t;
            Bytes body;
            ClientHello pch;
            ck_assert(ok(parse_handshake(padded, t, body)));
            ck_assert(ok(parse(body, pch)));
        }
    }
    // Some mutants (e.g. a flipped random byte) still parse.
    ck_assert_uint_gt(parsed_ok, 0);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("handshake-codec");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, roundtrip_hellos);
    tcase_add_test(tc, roundtrip_certificates);
    tcase_add_test(tc, roundtrip_post_handshake);
    tcase_add_test(tc, roundtrip_key_exchange);
    tcase_add_test(tc, roundtrip_extensions);
    tcase_add_test(tc, reject_client_hello);
    tcase_add_test(tc, reject_server_messages);
    tcase_add_test(tc, reject_extensions);
    tcase_add_test(tc, truncations);
    tcase_add_test(tc, psk_binders_and_padding);
    tcase_add_test(tc, mutation_loop);
    suite_add_tcase(s, tc);
    return s;
}
