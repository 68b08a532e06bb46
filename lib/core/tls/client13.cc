// SPDX-License-Identifier: LGPL-2.1-or-later
// TLS 1.3 client states (RFC 8446 sections 4.1 to 4.4, client side).
#include <algorithm>
#include <cstring>

#include "core/crypto/random.hh"
#include "core/log.hh"
#include "core/tls/handshake.hh"
#include "core/tls/resumption.hh"
#include "core/tls/sig-scheme.hh"

namespace tlshim::tls {

namespace {

// The groups we may offer under TLS 1.3, in priority order.
std::vector<gnutls_group_t> tls13_groups(const Priority &prio)
{
    std::vector<gnutls_group_t> out;
    for (unsigned id : prio.groups) {
        const algo::Group *g = algo::group(static_cast<int>(id));
        if (g != nullptr && g->tls13 && KeyShare::supported(g->id))
            out.push_back(g->id);
    }
    return out;
}

algo::GroupKind kind_of(gnutls_group_t g)
{
    const algo::Group *row = algo::group(g);
    return row != nullptr ? row->kind : algo::GroupKind::gost;
}

// The TLS 1.3 suites of the priority, in order.
std::vector<const algo::CipherSuite *> tls13_suites(const Priority &prio)
{
    std::vector<const algo::CipherSuite *> out;
    const auto table = algo::suite_table();
    for (std::size_t pos = 0; pos < prio.suites.size(); pos++) {
        const algo::CipherSuite &cs = table[prio.suites[pos]];
        if (cs.min_tls == GNUTLS_TLS1_3 && prio.suite_usable(pos))
            out.push_back(&cs);
    }
    return out;
}

// Whether a version below TLS 1.3 is enabled (the hello then lists the
// signature schemes only TLS 1.2 uses too).
bool offers_tls12_or_older(const Priority &prio)
{
    return prio.has_protocol(GNUTLS_TLS1_2) || prio.has_protocol(GNUTLS_TLS1_1) || prio.has_protocol(GNUTLS_TLS1_0);
}

}  // namespace

Err Session::Hs::client_session_id()
{
    // A saved TLS 1.2 session is offered through its session ID; one
    // known only by its ticket gets a fresh ID, which the server echoes
    // when it accepts the ticket (RFC 5077 section 3.4).
    const ClientTicket &t = s.offer_;
    resume12_offered = !renegotiation && t.valid() && t.version <= kTls12 && t.psk.size() == 48 &&
                       prio.has_protocol(GNUTLS_TLS1_2) && t.version == kTls12 &&
                       (t.identity.empty() || s.tickets_enabled()) &&
                       (!t.session_id.empty() || !t.identity.empty());
    if (!resume12_offered)
        return Err::ok;
    if (!t.session_id.empty()) {
        session_id = t.session_id;
        return Err::ok;
    }
    session_id.resize(32);
    if (Err e = crypto::random(crypto::RandomLevel::nonce, MutableBytes(session_id)); !ok(e))
        return s.fail(e);
    return Err::ok;
}

bool Session::Hs::client_can_use(gnutls_kx_algorithm_t kx)
{
    const Kx12Traits *t = kx12_traits(kx);
    if (t == nullptr)
        return false;
    KxCredentials kc;
    s.kx_credentials(kx, kc);
    if (kx12_is_psk(kx))
        return kc.psk && (kx != GNUTLS_KX_RSA_PSK || kc.certificate);
    if (t->anonymous)
        return kc.anon;
    return kc.certificate;
}

Err Session::Hs::load_external_psk(bool &usable)
{
    // An external PSK goes into a TLS 1.3 hello when PSK credentials are
    // set and the priority enables a PSK key exchange (as GnuTLS does).
    usable = false;
    if (!offer13() || prio.psk_kx.empty())
        return Err::ok;
    KxCredentials kc;
    s.kx_credentials(GNUTLS_KX_PSK, kc);
    if (!kc.psk)
        return Err::ok;
    if (!ext_loaded) {
        if (Err e = s.psk_client_key(ext_identity, ext_key); !ok(e))
            return s.fail(e);
        ext_loaded = true;
    }
    // A PskIdentity is <1..2^16-1> bytes.
    usable = !ext_identity.empty() && ext_identity.size() <= 0xffff && !ext_key.empty();
    return Err::ok;
}

bool Session::Hs::offer13() const noexcept
{
    return prio.has_protocol(GNUTLS_TLS1_3) && !renegotiation && !prio.flags.no_extensions;
}

Err Session::Hs::client_start()
{
    if (Err e = crypto::random(crypto::RandomLevel::nonce, MutableBytes(client_random, 32)); !ok(e))
        return s.fail(e);
    if (Err e = client_session_id(); !ok(e))
        return e;

    if (!offer13()) {
        // TLS 1.2 and older only (a renegotiation keeps the version): no
        // key shares; supported_groups lists the elliptic curves when an
        // ECDHE suite is offered and the finite-field groups when a DHE
        // one is (as GnuTLS does).
        bool ecdhe = false, dhe = false;
        const auto table = algo::suite_table();
        for (std::size_t pos = 0; pos < prio.suites.size(); pos++) {
            const algo::CipherSuite &cs = table[prio.suites[pos]];
            if (cs.min_tls == GNUTLS_TLS1_3 || !prio.suite_usable(pos) || !client_can_use(cs.kx))
                continue;
            ecdhe = ecdhe || kx12_is_ecdhe(cs.kx);
            dhe = dhe || kx12_is_dhe(cs.kx);
        }
        offered_groups.clear();
        for (unsigned id : prio.groups) {
            const algo::Group *g = algo::group(static_cast<int>(id));
            if (g == nullptr || !KeyShare::supported(g->id))
                continue;
            if (g->kind == algo::GroupKind::ffdhe ? dhe : ecdhe)
                offered_groups.push_back(g->tls_id);
        }
        shares.clear();
        compat = false;
        if (Err e = build_client_hello(); !ok(e))
            return e;
        state = State::client_send_hello;
        return Err::ok;
    }
    if (compat && !resume12_offered) {
        session_id.resize(32);
        if (Err e = crypto::random(crypto::RandomLevel::nonce, MutableBytes(session_id)); !ok(e))
            return s.fail(e);
    }
    std::memcpy(s.negotiated_.client_random, client_random, 32);
    const std::vector<gnutls_group_t> groups = tls13_groups(prio);
    if (groups.empty())
        return s.fail(Err::no_common_key_share);
    offered_groups.clear();
    for (gnutls_group_t g : groups)
        offered_groups.push_back(algo::group(g)->tls_id);
    // A share for the first group, and one for the first group of another
    // kind (a server preferring, say, finite-field groups then needs no retry).
    shares.clear();
    KeyShare first;
    if (Err e = first.generate(groups[0]); !ok(e))
        return s.fail(e);
    shares.push_back(std::move(first));
    for (gnutls_group_t g : groups) {
        if (kind_of(g) == kind_of(groups[0]))
            continue;
        KeyShare second;
        if (Err e = second.generate(g); !ok(e))
            return s.fail(e);
        shares.push_back(std::move(second));
        break;
    }
    if (Err e = build_client_hello(); !ok(e))
        return e;
    state = State::client_send_hello;
    return Err::ok;
}

Err Session::Hs::build_client_hello()
{
    const bool v13 = offer13();
    std::vector<const algo::CipherSuite *> suites;
    if (v13)
        suites = tls13_suites(prio);
    {
        // TLS 1.2 suites only where we have the credentials their key
        // exchange needs (as GnuTLS does).
        const auto table = algo::suite_table();
        for (std::size_t pos = 0; pos < prio.suites.size(); pos++) {
            const algo::CipherSuite &cs = table[prio.suites[pos]];
            if (cs.min_tls != GNUTLS_TLS1_3 && prio.suite_usable(pos) && client_can_use(cs.kx))
                suites.push_back(&cs);
        }
    }
    if (suites.empty())
        return s.fail(Err::no_cipher_suites);
    U16Builder suite_list;
    for (const algo::CipherSuite *cs : suites)
        suite_list.add(cs->code_point());
    static const std::uint8_t null_compression = 0;

    ClientHello ch;
    // The highest version up to TLS 1.2 that we enable (TLS 1.3 is named in
    // supported_versions only).
    ch.legacy_version = (v13 || prio.has_protocol(GNUTLS_TLS1_2)) ? kTls12
                        : prio.has_protocol(GNUTLS_TLS1_1)         ? std::uint16_t{0x0302}
                                                                   : std::uint16_t{0x0301};
    ch.random = Bytes(client_random, 32);
    ch.session_id = Bytes(session_id);
    ch.cipher_suites = suite_list.list();
    ch.compression_methods = Bytes(&null_compression, 1);
    ch.has_extensions = true;

    std::vector<std::uint8_t> ext;
    Writer ew(ext);
    {
        // The extension block is written on its own, then framed by the
        // ClientHello writer (ch.extensions holds its contents).
        // The set and order of GnuTLS 3.7's TLS 1.3 ClientHello (peers and
        // middleboxes see the same hello whichever library sends it); the
        // TLS 1.2 extensions are harmless to a TLS 1.3 server.
        ExtensionWriter x(ew);
        const Options &o = s.options();
        status_sent = client_sends_status_request();
        if (status_sent) {
            write_status_request(StatusRequest{}, x.begin(ExtensionType::status_request));
            x.end();
        }
        // Without groups (an RSA- or PSK-only priority) neither list is sent.
        if (!offered_groups.empty()) {
            U16Builder groups;
            for (std::uint16_t g : offered_groups)
                groups.add(g);
            write_u16_list(groups.list(), x.begin(ExtensionType::supported_groups));
            x.end();
            static const std::uint8_t uncompressed = 0;
            write_ec_point_formats(Bytes(&uncompressed, 1), x.begin(ExtensionType::ec_point_formats));
            x.end();
        }
        // signature_algorithms exists from TLS 1.2 on (RFC 5246 section 7.4.1.4.1).
        if (v13 || prio.has_protocol(GNUTLS_TLS1_2)) {
            U16Builder schemes;
            for (std::uint16_t sc : advertised_schemes(prio.sigs, offers_tls12_or_older(prio)))
                schemes.add(sc);
            write_u16_list(schemes.list(), x.begin(ExtensionType::signature_algorithms));
            x.end();
        }
        if (!o.alpn.empty()) {
            std::vector<Bytes> names;
            for (const std::string &n : o.alpn)
                names.push_back(as_bytes(n));
            write_alpn(names, x.begin(ExtensionType::application_layer_protocol_negotiation));
            x.end();
        }
        // encrypt_then_mac only matters to CBC suites: GnuTLS sends it when
        // the priority lists a MAC that is not the AEAD placeholder, and in
        // every hello that offers TLS 1.3.
        const bool macs = std::any_of(prio.macs.begin(), prio.macs.end(),
                                      [](unsigned id) { return id != GNUTLS_MAC_AEAD; });
        if (!prio.flags.no_etm && (macs || v13))
            x.add(ExtensionType::encrypt_then_mac, Bytes());
        if (!prio.flags.no_session_hash && (s.flags() & GNUTLS_NO_EXTENSIONS) == 0)
            x.add(ExtensionType::extended_master_secret, Bytes());
        if (s.tickets_enabled()) {
            // A saved TLS 1.2 session's ticket, or an empty extension that
            // asks for one (RFC 5077 section 3.1).
            const bool t12 = resume12_offered && !prio.flags.no_tickets_tls12;
            x.add(ExtensionType::session_ticket, t12 ? Bytes(s.offer_.identity) : Bytes());
        }
        if (v13) {
            std::vector<KeyShareEntry> entries;
            for (const KeyShare &k : shares)
                entries.push_back(KeyShareEntry{static_cast<std::uint16_t>(algo::group(k.group())->tls_id),
                                                k.public_value()});
            write_key_share_client(entries, x.begin(ExtensionType::key_share));
            x.end();
            U16Builder versions{kTls13};
            if (prio.has_protocol(GNUTLS_TLS1_2))
                versions.add(kTls12);
            if (prio.has_protocol(GNUTLS_TLS1_1))
                versions.add(0x0302);
            if (prio.has_protocol(GNUTLS_TLS1_0))
                versions.add(0x0301);
            write_supported_versions(versions.list(), x.begin(ExtensionType::supported_versions));
            x.end();
        }
        if (prio.flags.renegotiation != Renegotiation::disabled) {
            // RFC 5746: empty at first, our last Finished when renegotiating.
            const Bytes vd = renegotiation ? s.secrets12_.client_verify.view() : Bytes();
            write_renegotiation_info(vd, x.begin(ExtensionType::renegotiation_info));
            x.end();
        }
        if (!o.server_name.empty()) {
            write_server_name(as_bytes(o.server_name), x.begin(ExtensionType::server_name));
            x.end();
        }
        if (!cookie.empty()) {
            write_cookie(Bytes(cookie), x.begin(ExtensionType::cookie));
            x.end();
        }
        bool external = false;
        if (Err e = load_external_psk(external); !ok(e))
            return e;
        // After a retry, only a PSK of the chosen suite's hash may remain
        // (section 4.1.4).
        if (external && retried && suite != nullptr && suite->prf != kExternalPskPrf)
            external = false;
        // The modes go with tickets, and with a PSK key exchange in the
        // priority even under %NO_TICKETS (as GnuTLS does).
        if (v13 && (s.tickets_enabled() || !prio.psk_kx.empty())) {
            const std::vector<std::uint8_t> modes = psk_modes_offered(prio);
            write_psk_modes(Bytes(modes), x.begin(ExtensionType::psk_key_exchange_modes));
            x.end();
            if ((s.flags() & GNUTLS_POST_HANDSHAKE_AUTH) != 0) {
                x.add(ExtensionType::post_handshake_auth, Bytes());
                s.pha_offered_ = true;
            }
        }
        // TLS 1.3 counts the content type byte in the limit; TLS 1.2 does not.
        write_record_size_limit(static_cast<std::uint16_t>(our_record_limit() - (v13 ? 0 : 1)),
                                x.begin(ExtensionType::record_size_limit));
        x.end();
        // max_fragment_length for servers without record_size_limit.
        if (const std::uint8_t code = our_mfl_code(); code != 0) {
            write_max_fragment_length(code, x.begin(ExtensionType::max_fragment_length));
            x.end();
        }
        // pre_shared_key comes last: the ticket of a resumption first, then
        // the external PSK; the binders are filled in below.
        psk_offered = false;
        ticket_index = ext_index = -1;
        const ClientTicket &t = s.offer_;
        const algo::CipherSuite *tcs = algo::suite_by_code(t.suite);
        bool usable = v13 && t.version == kTls13 && t.valid() && s.tickets_enabled() && tcs != nullptr &&
                      std::find(suites.begin(), suites.end(), tcs) != suites.end();
        if (usable && retried && suite != nullptr && suite->prf != tcs->prf)
            usable = false;  // the retry chose a hash the ticket cannot use
        OfferedPsks offer;
        const std::vector<std::uint8_t> zero(kMaxHashSize, 0);
        if (usable) {
            const std::uint32_t age = static_cast<std::uint32_t>(now_ms() - t.received_ms) + t.age_add;
            ticket_index = static_cast<int>(offer.identities.size());
            offer.identities.push_back(PskIdentity{Bytes(t.identity), age});
            offer.binders.push_back(Bytes(zero).first(algo::mac(tcs->prf)->output_size));
        }
        if (external) {
            // An external identity has no age (section 4.2.11).
            ext_index = static_cast<int>(offer.identities.size());
            offer.identities.push_back(PskIdentity{as_bytes(ext_identity), 0});
            offer.binders.push_back(Bytes(zero).first(algo::mac(kExternalPskPrf)->output_size));
        }
        if (!offer.identities.empty()) {
            write_offered_psks(offer, x.begin(ExtensionType::pre_shared_key));
            x.end();
            psk_offered = true;
        }
        if (!x.finish())
            return s.fail(Err::internal);
    }
    // ExtensionWriter wrote the 2-byte block length; ClientHello wants the
    // contents.
    if (ext.size() < 2)
        return s.fail(Err::internal);
    ch.extensions = Bytes(ext).subspan(2);
    std::vector<std::uint8_t> msg;
    Writer w(msg);
    if (!write_message(HandshakeType::client_hello, ch, w) || !w.ok())
        return s.fail(Err::internal);
    if (prio.flags.dumbfw)
        if (Err e = pad_client_hello(msg, 512 + 4); !ok(e))
            return s.fail(e);
    if (psk_offered) {
        Bytes prefix;
        if (Err e = binder_prefix(Bytes(msg), prefix); !ok(e))
            return s.fail(e);
        std::uint8_t binders[2][kMaxHashSize];
        std::vector<Bytes> list;
        if (ticket_index >= 0) {
            std::size_t len = 0;
            if (Err e = compute_binder(algo::suite_by_code(s.offer_.suite)->prf, false, Bytes(s.offer_.psk), prefix,
                                       binders[0], len);
                !ok(e))
                return s.fail(e);
            list.push_back(Bytes(binders[0], len));
        }
        if (ext_index >= 0) {
            std::size_t len = 0;
            if (Err e = compute_binder(kExternalPskPrf, true, Bytes(ext_key), prefix, binders[1], len); !ok(e))
                return s.fail(e);
            list.push_back(Bytes(binders[1], len));
        }
        if (Err e = fill_binders(MutableBytes(msg), list); !ok(e))
            return s.fail(e);
    }
    hello = msg;
    client_version = ch.legacy_version;
    // The record version of the first hello: TLS 1.0 when TLS 1.3 is on
    // offer (RFC 8446 section 5.1), else the lowest version enabled (as
    // GnuTLS does); %SSL3_RECORD_VERSION / %LATEST_RECORD_VERSION override it.  A
    // renegotiation keeps the session's.
    if (!retried && !renegotiation) {
        std::uint16_t rv = 0x0301;  // TLS 1.3 on offer, or TLS 1.0 enabled
        if (!v13 && !prio.has_protocol(GNUTLS_TLS1_0))
            rv = prio.has_protocol(GNUTLS_TLS1_1) ? std::uint16_t{0x0302} : kTls12;
        if (prio.flags.record_version == RecordVersion::ssl3)
            rv = 0x0300;
        else if (prio.flags.record_version == RecordVersion::latest)
            rv = ch.legacy_version;
        s.set_record_version(rv);
    }
    return queue(std::move(msg));
}

Err Session::Hs::client_send_hello()
{
    // After a HelloRetryRequest the compatibility CCS goes before the second
    // ClientHello (RFC 8446 appendix D.4).
    if (retried && compat && !ccs_sent) {
        static const std::uint8_t one = 1;
        s.set_record_version(kTls12);
        if (Err e = s.queue_record(ContentType::change_cipher_spec, Bytes(&one, 1)); !ok(e))
            return e;
        ccs_sent = true;
    }
    if (Err e = emit(); !ok(e))
        return e;
    // Every record after the first ClientHello says TLS 1.2 (section 5.1).
    s.set_record_version(kTls12);
    state = State::wait_server_hello;
    return Err::ok;
}

Err reparse_client_hello(const std::vector<std::uint8_t> &msg, ClientHello &ch)
{
    HandshakeType t;
    Bytes body;
    if (Err e = parse_handshake(Bytes(msg), t, body); !ok(e))
        return e;
    return parse(body, ch);
}

Err Session::Hs::process_retry(const ServerHello &sh, const HandshakeMessage &m)
{
    if (retried || !offer13())
        return s.fail(Err::unexpected_handshake_packet);
    ClientHello ch;
    if (Err e = reparse_client_hello(hello, ch); !ok(e))
        return s.fail(Err::internal);
    if (Err e = sh.ext.check_permitted_tls13(HandshakeType::hello_retry_request); !ok(e))
        return s.fail(e);
    if (Err e = sh.ext.check_solicited(ch.ext); !ok(e))
        return s.fail(e);
    const Extension *sv = sh.ext.find(ExtensionType::supported_versions);
    std::uint16_t version = 0;
    if (sv == nullptr)
        return s.fail(Err::missing_extension);
    if (Err e = parse_selected_version(sv->body, version); !ok(e))
        return s.fail(e);
    if (version != kTls13)
        return s.fail(Err::received_illegal_parameter);
    if (!std::equal(sh.session_id.begin(), sh.session_id.end(), session_id.begin(), session_id.end()))
        return s.fail(Err::received_illegal_parameter);
    if (!ch.cipher_suites.contains(sh.cipher_suite))
        return s.fail(Err::received_illegal_parameter);
    suite = algo::suite_by_code(sh.cipher_suite);
    if (suite == nullptr || suite->min_tls != GNUTLS_TLS1_3)
        return s.fail(Err::received_illegal_parameter);

    bool changed = false;
    if (const Extension *ks_ext = sh.ext.find(ExtensionType::key_share)) {
        std::uint16_t want = 0;
        if (Err e = parse_key_share_hrr(ks_ext->body, want); !ok(e))
            return s.fail(e);
        const algo::Group *g = algo::group_by_tls_id(want);
        const bool offered = std::find(offered_groups.begin(), offered_groups.end(), want) != offered_groups.end();
        bool already = false;
        for (const KeyShare &k : shares)
            if (algo::group(k.group())->tls_id == want)
                already = true;
        if (g == nullptr || !offered || already)
            return s.fail(Err::received_illegal_parameter);
        KeyShare fresh;
        if (Err e = fresh.generate(g->id); !ok(e))
            return s.fail(e);
        shares.clear();
        shares.push_back(std::move(fresh));
        changed = true;
    }
    if (const Extension *c = sh.ext.find(ExtensionType::cookie)) {
        Bytes value;
        if (Err e = parse_cookie(c->body, value); !ok(e))
            return s.fail(e);
        cookie.assign(value.begin(), value.end());
        changed = true;
    }
    // A retry that would not change the ClientHello is illegal (section 4.1.4).
    if (!changed)
        return s.fail(Err::received_illegal_parameter);

    if (Err e = transcript.set_hash(static_cast<gnutls_digest_algorithm_t>(suite->prf)); !ok(e))
        return s.fail(e);
    if (Err e = transcript.restart_for_retry(); !ok(e))
        return s.fail(e);
    consume(m);
    retried = true;
    if (Err e = build_client_hello(); !ok(e))
        return e;
    state = State::client_send_hello;
    return Err::ok;
}

Err Session::Hs::wait_server_hello()
{
    HandshakeMessage m;
    if (Err e = read_expected(HandshakeType::server_hello, m); !ok(e))
        return e;
    ServerHello sh;
    if (Err e = parse(m.body, sh); !ok(e))
        return s.fail(e);
    if (sh.is_hello_retry_request)
        return process_retry(sh, m);

    const Extension *sv = sh.ext.find(ExtensionType::supported_versions);
    if (sv == nullptr) {
        // The server chose TLS 1.2 or older.
        const std::uint16_t v = sh.legacy_version;
        const bool enabled = (v == kTls12 && prio.has_protocol(GNUTLS_TLS1_2)) ||
                             (v == 0x0302 && prio.has_protocol(GNUTLS_TLS1_1)) ||
                             (v == 0x0301 && prio.has_protocol(GNUTLS_TLS1_0));
        if (!enabled || retried) {
            // A downgrade sentinel says a TLS 1.3 server was pushed down.
            if (sh.downgrade != Downgrade::none)
                return s.fail(Err::received_illegal_parameter);
            return s.fail(Err::unsupported_version);
        }
        return process_server_hello12(sh, m, v);
    }
    if (renegotiation)
        return s.fail(Err::received_illegal_parameter);
    std::uint16_t version = 0;
    if (Err e = parse_selected_version(sv->body, version); !ok(e))
        return s.fail(e);
    if (version != kTls13 || sh.legacy_version != kTls12)
        return s.fail(Err::received_illegal_parameter);
    ClientHello ch;
    if (Err e = reparse_client_hello(hello, ch); !ok(e))
        return s.fail(Err::internal);
    if (Err e = sh.ext.check_permitted_tls13(HandshakeType::server_hello); !ok(e))
        return s.fail(e);
    if (Err e = sh.ext.check_solicited(ch.ext); !ok(e))
        return s.fail(e);
    if (sh.ext.has(ExtensionType::cookie))
        return s.fail(Err::received_illegal_extension);
    if (!std::equal(sh.session_id.begin(), sh.session_id.end(), session_id.begin(), session_id.end()))
        return s.fail(Err::received_illegal_parameter);
    const algo::CipherSuite *chosen = algo::suite_by_code(sh.cipher_suite);
    if (chosen == nullptr || chosen->min_tls != GNUTLS_TLS1_3 || !ch.cipher_suites.contains(sh.cipher_suite))
        return s.fail(Err::received_illegal_parameter);
    // After a retry the suite may not change (section 4.1.4).
    if (retried && chosen != suite)
        return s.fail(Err::received_illegal_parameter);
    suite = chosen;

    if (const Extension *p = sh.ext.find(ExtensionType::pre_shared_key)) {
        std::uint16_t index = 0;
        if (Err e = parse_selected_identity(p->body, index); !ok(e))
            return s.fail(e);
        // The index must name an identity we offered, whose hash is the
        // suite's (section 4.2.11).
        if (!psk_offered)
            return s.fail(Err::received_illegal_parameter);
        if (ticket_index >= 0 && index == ticket_index) {
            const algo::CipherSuite *tcs = algo::suite_by_code(s.offer_.suite);
            if (tcs == nullptr || tcs->prf != suite->prf)
                return s.fail(Err::received_illegal_parameter);
            resumed = true;
            psk_session = (s.offer_.flags & kTicketPsk) != 0;
            psk.assign(s.offer_.psk.begin(), s.offer_.psk.end());
            s.peer_chain_ = s.offer_.peer_chain;
        } else if (ext_index >= 0 && index == ext_index) {
            if (suite->prf != kExternalPskPrf)
                return s.fail(Err::received_illegal_parameter);
            psk_external = true;
            psk.assign(ext_key.begin(), ext_key.end());
        } else {
            return s.fail(Err::received_illegal_parameter);
        }
    }
    const Extension *ks_ext = sh.ext.find(ExtensionType::key_share);
    SecretBytes shared;
    // The mode the server chose must be one we listed (section 4.2.9).
    const std::vector<std::uint8_t> modes = psk_modes_offered(prio);
    auto listed = [&](std::uint8_t mode) { return std::find(modes.begin(), modes.end(), mode) != modes.end(); };
    if (ks_ext == nullptr) {
        // Only a PSK handshake in psk_ke mode goes without (EC)DHE; its
        // input to the key schedule is a string of zeros (section 7.1).
        if (!resumed && !psk_external)
            return s.fail(Err::missing_extension);
        if (!listed(0))
            return s.fail(Err::missing_extension);
        psk_ke = true;
        shared.assign(algo::mac(suite->prf)->output_size, 0);
    } else {
        if ((resumed || psk_external) && !listed(1))
            return s.fail(Err::received_illegal_parameter);
        KeyShareEntry entry;
        if (Err e = parse_key_share_server(ks_ext->body, entry); !ok(e))
            return s.fail(e);
        const KeyShare *mine = nullptr;
        for (const KeyShare &k : shares)
            if (algo::group(k.group())->tls_id == entry.group)
                mine = &k;
        if (mine == nullptr)
            return s.fail(Err::received_illegal_parameter);
        if (Err e = mine->shared(entry.key_exchange, shared); !ok(e))
            return s.fail(e);
        group = mine->group();
    }
    std::memcpy(server_random, sh.random.data(), 32);

    if (!retried)
        if (Err e = transcript.set_hash(static_cast<gnutls_digest_algorithm_t>(suite->prf)); !ok(e))
            return s.fail(e);
    consume(m);
    if (Err e = ks.init(suite->prf); !ok(e))
        return s.fail(e);
    if (Err e = derive_handshake_secrets(shared); !ok(e))
        return e;
    if (Err e = install_read(server_hs); !ok(e))
        return e;
    // Our handshake keys go in now (after the compatibility CCS), so that an
    // alert we send from here on is protected as the server expects.
    if (compat && !ccs_sent) {
        static const std::uint8_t one = 1;
        if (Err e = s.queue_record(ContentType::change_cipher_spec, Bytes(&one, 1)); !ok(e))
            return s.fail(e);
        ccs_sent = true;
    }
    if (Err e = install_write(client_hs); !ok(e))
        return e;
    s.set_record_version(kTls12);
    shares.clear();
    state = State::wait_encrypted_extensions;
    return Err::ok;
}

Err Session::Hs::wait_encrypted_extensions()
{
    HandshakeMessage m;
    if (Err e = read_expected(HandshakeType::encrypted_extensions, m); !ok(e))
        return e;
    EncryptedExtensions ee;
    if (Err e = parse(m.body, ee); !ok(e))
        return s.fail(e);
    ClientHello ch;
    if (Err e = reparse_client_hello(hello, ch); !ok(e))
        return s.fail(Err::internal);
    if (Err e = ee.ext.check_permitted_tls13(HandshakeType::encrypted_extensions); !ok(e))
        return s.fail(e);
    if (Err e = ee.ext.check_solicited(ch.ext); !ok(e))
        return s.fail(e);
    if (ee.ext.has(ExtensionType::cookie))
        return s.fail(Err::received_illegal_extension);
    if (const Extension *a = ee.ext.find(ExtensionType::application_layer_protocol_negotiation)) {
        Bytes sel;
        if (Err e = parse_alpn_reply(a->body, sel); !ok(e))
            return s.fail(e);
        bool ours = false;
        for (const std::string &n : s.options().alpn)
            if (n.size() == sel.size() && std::equal(sel.begin(), sel.end(), n.begin(),
                                                     [](std::uint8_t x, char y) { return x == static_cast<std::uint8_t>(y); }))
                ours = true;
        if (!ours)
            return s.fail(Err::received_illegal_parameter);
        s.negotiated_.alpn.assign(sel.begin(), sel.end());
    }
    if (const Extension *sn = ee.ext.find(ExtensionType::server_name))
        if (Err e = parse_empty(sn->body); !ok(e))
            return s.fail(e);
    if (const Extension *rl = ee.ext.find(ExtensionType::record_size_limit))
        if (Err e = parse_record_size_limit(rl->body, peer_record_limit); !ok(e))
            return s.fail(e);
    if (Err e = read_mfl_and_status_reply(ee.ext, true); !ok(e))
        return e;
    consume(m);
    // A PSK handshake authenticates through the PSK: Finished is next.
    state = (resumed || psk_external) ? State::wait_finished : State::wait_cert_or_request;
    return Err::ok;
}

Err Session::Hs::wait_cert_or_request()
{
    HandshakeMessage m;
    if (Err e = read_message(m); !ok(e))
        return e;
    if (m.type == static_cast<std::uint8_t>(HandshakeType::certificate)) {
        state = State::wait_certificate;
        return Err::ok;  // left in the buffer for the next state
    }
    if (Err e = expect(m, HandshakeType::certificate_request); !ok(e))
        return e;
    CertificateRequest13 cr;
    if (Err e = parse(m.body, cr); !ok(e))
        return s.fail(e);
    if (Err e = cr.ext.check_permitted_tls13(HandshakeType::certificate_request); !ok(e))
        return s.fail(e);
    // In the handshake the context is empty (section 4.3.2).
    if (!cr.context.empty())
        return s.fail(Err::received_illegal_parameter);
    U16List schemes;
    if (Err e = parse_signature_algorithms(cr.ext.find(ExtensionType::signature_algorithms)->body, schemes); !ok(e))
        return s.fail(e);
    peer_schemes.assign(schemes.wire().begin(), schemes.wire().end());
    ca_names.clear();
    if (const auto *ca = cr.ext.find(ExtensionType::certificate_authorities)) {
        std::vector<Bytes> names;
        if (Err e = parse_certificate_authorities(ca->body, names); !ok(e))
            return s.fail(e);
        for (Bytes n : names)
            ca_names.emplace_back(n.begin(), n.end());
    }
    request_context.assign(cr.context.begin(), cr.context.end());
    cert_request_received = true;
    consume(m);
    state = State::wait_certificate;
    return Err::ok;
}

Err Session::Hs::wait_certificate()
{
    HandshakeMessage m;
    if (Err e = read_expected(HandshakeType::certificate, m); !ok(e))
        return e;
    bool empty = false;
    if (Err e = receive_certificate(m, Bytes(), false, empty); !ok(e))
        return e;
    state = State::wait_certificate_verify;
    return Err::ok;
}

Err Session::Hs::wait_certificate_verify()
{
    HandshakeMessage m;
    if (Err e = read_expected(HandshakeType::certificate_verify, m); !ok(e))
        return e;
    if (Err e = receive_certificate_verify(m); !ok(e))
        return e;
    // Both sides come here for the peer's CertificateVerify.
    state = server ? State::wait_client_finished : State::wait_finished;
    return Err::ok;
}

Err Session::Hs::wait_finished()
{
    HandshakeMessage m;
    if (Err e = read_expected(HandshakeType::finished, m); !ok(e))
        return e;
    if (Err e = receive_finished(m); !ok(e))
        return e;
    if (Err e = derive_application_secrets(); !ok(e))
        return e;
    if (Err e = install_read(s.secrets13_.server_ap); !ok(e))
        return e;
    state = State::send_client_flight;
    return Err::ok;
}

Err Session::Hs::send_client_flight()
{
    if (Err e = send_ccs(); !ok(e))
        return e;
    if (!flight_built) {
        if (cert_request_received) {
            CertQuery q;
            q.tls13 = true;
            q.peer_schemes = U16List(Bytes(peer_schemes));
            for (const std::vector<std::uint8_t> &n : ca_names)
                q.issuers.push_back(Bytes(n));
            if (Err e = pick_certificate(q, q.peer_schemes, our_cert, our_scheme, have_our_cert); !ok(e))
                return e;
            if (Err e = send_certificate(have_our_cert ? &our_cert : nullptr, Bytes(request_context)); !ok(e))
                return e;
            if (have_our_cert)
                if (Err e = send_certificate_verify(our_cert, our_scheme); !ok(e))
                    return e;
        }
        if (Err e = send_finished(); !ok(e))
            return e;
        log_application_secrets();
        flight_built = true;
    }
    if (Err e = seal_out(); !ok(e))
        return e;
    std::uint8_t th[kMaxHashSize];
    std::size_t len = 0;
    if (Err e = transcript_hash(th, len); !ok(e))
        return s.fail(e);
    if (Err e = ks.derive("res master", Bytes(th, len), s.secrets13_.resumption); !ok(e))
        return s.fail(e);
    if (Err e = install_write(s.secrets13_.client_ap); !ok(e))
        return e;
    state = State::client_flight_sent;
    return Err::ok;
}

}  // namespace tlshim::tls
