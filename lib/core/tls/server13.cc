// SPDX-License-Identifier: LGPL-2.1-or-later
// TLS 1.3 server states (RFC 8446 sections 4.1 to 4.4, server side).
#include <algorithm>
#include <cstring>

#include "core/crypto/random.hh"
#include "core/log.hh"
#include "core/tls/extension-order.hh"
#include "core/tls/handshake.hh"
#include "core/tls/resumption.hh"
#include "core/tls/sig-scheme.hh"

namespace tlshim::tls {

namespace {

bool contains_group(const std::vector<unsigned> &ours, std::uint16_t tls_id)
{
    const algo::Group *g = algo::group_by_tls_id(tls_id);
    if (g == nullptr || !g->tls13 || !KeyShare::supported(g->id))
        return false;
    return std::find(ours.begin(), ours.end(), static_cast<unsigned>(g->id)) != ours.end();
}

// The suite both sides accept: in the client's order unless the server's
// order takes precedence (%SERVER_PRECEDENCE).
// `prf`, when known, restricts the choice to the suites of that hash (an
// external PSK's).
const algo::CipherSuite *select_suite(const Priority &prio, U16List offered,
                                      gnutls_mac_algorithm_t prf = GNUTLS_MAC_UNKNOWN)
{
    const auto table = algo::suite_table();
    std::vector<const algo::CipherSuite *> ours;
    for (std::size_t pos = 0; pos < prio.suites.size(); pos++) {
        const algo::CipherSuite &cs = table[prio.suites[pos]];
        if (cs.min_tls == GNUTLS_TLS1_3 && prio.suite_usable(pos) && (prf == GNUTLS_MAC_UNKNOWN || cs.prf == prf))
            ours.push_back(&cs);
    }
    if (prio.flags.server_precedence) {
        for (const algo::CipherSuite *cs : ours)
            if (offered.contains(cs->code_point()))
                return cs;
        return nullptr;
    }
    for (std::size_t i = 0; i < offered.size(); i++)
        for (const algo::CipherSuite *cs : ours)
            if (cs->code_point() == offered[i])
                return cs;
    return nullptr;
}

bool name_equal(Bytes a, const std::string &b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](std::uint8_t x, char y) { return x == static_cast<std::uint8_t>(y); });
}

}  // namespace

Err Session::Hs::wait_client_hello()
{
    HandshakeMessage m;
    if (Err e = read_expected(HandshakeType::client_hello, m); !ok(e))
        return e;
    ClientHello ch;
    if (Err e = parse(m.body, ch); !ok(e))
        return s.fail(e);
    return process_client_hello(ch, m);
}

Err Session::Hs::process_client_hello(const ClientHello &ch, const HandshakeMessage &m)
{
    // The version: TLS 1.3 when both have it, else the highest TLS 1.2 or
    // older version both have (a renegotiation keeps TLS 1.2).
    const Extension *sv = ch.ext.find(ExtensionType::supported_versions);
    bool use13 = false;
    std::uint16_t older = 0;
    auto enabled = [&](std::uint16_t v) {
        return (v == kTls12 && prio.has_protocol(GNUTLS_TLS1_2)) ||
               (v == 0x0302 && prio.has_protocol(GNUTLS_TLS1_1)) || (v == 0x0301 && prio.has_protocol(GNUTLS_TLS1_0));
    };
    if (sv != nullptr && !renegotiation) {
        U16List versions;
        if (Err e = parse_supported_versions(sv->body, versions); !ok(e))
            return s.fail(e);
        use13 = versions.contains(kTls13) && prio.has_protocol(GNUTLS_TLS1_3);
        for (std::uint16_t v : {kTls12, std::uint16_t{0x0302}, std::uint16_t{0x0301}})
            if (older == 0 && versions.contains(v) && enabled(v))
                older = v;
    } else {
        for (std::uint16_t v : {kTls12, std::uint16_t{0x0302}, std::uint16_t{0x0301}})
            if (older == 0 && ch.legacy_version >= v && enabled(v))
                older = v;
    }
    if (!use13) {
        if (older == 0 || retried)
            return s.fail(Err::unsupported_version);
        return process_client_hello12(ch, m, older);
    }
    // TLS 1.3 allows exactly the null compression method (section 4.1.2).
    if (ch.compression_methods.size() != 1 || ch.compression_methods[0] != 0)
        return s.fail(Err::received_illegal_parameter);
    if (Err e = ch.ext.check_permitted_tls13(HandshakeType::client_hello); !ok(e))
        return s.fail(e);
    if (retried) {
        if (!std::equal(ch.session_id.begin(), ch.session_id.end(), session_id.begin(), session_id.end()) ||
            ch.random.size() != 32 || std::memcmp(ch.random.data(), client_random, 32) != 0)
            return s.fail(Err::received_illegal_parameter);
    } else {
        std::memcpy(client_random, ch.random.data(), 32);
        std::memcpy(s.negotiated_.client_random, client_random, 32);
        session_id.assign(ch.session_id.begin(), ch.session_id.end());
    }

    // A PSK offer: its mode is the first of the client's list that we
    // accept (the client's order decides, as with GnuTLS).  With PSK
    // credentials and a mode in common, the suite must suit an external
    // PSK: SHA-256.
    int mode = -1;
    if (const Extension *pe = ch.ext.find(ExtensionType::pre_shared_key)) {
        // pre_shared_key must come last (section 4.2.11), after the modes.
        if (ch.ext.all().back().type != ExtensionType::pre_shared_key)
            return s.fail(Err::received_illegal_parameter);
        const Extension *modes = ch.ext.find(ExtensionType::psk_key_exchange_modes);
        if (modes == nullptr)
            return s.fail(Err::missing_extension);
        Bytes mode_list;
        if (Err e = parse_psk_modes(modes->body, mode_list); !ok(e))
            return s.fail(e);
        OfferedPsks offered;
        if (Err e = parse_offered_psks(pe->body, offered); !ok(e))
            return s.fail(e);
        for (std::uint8_t m : mode_list)
            if (m <= 1 && psk_mode_allowed(prio, m)) {
                mode = m;
                break;
            }
    }
    KxCredentials kc;
    s.kx_credentials(GNUTLS_KX_PSK, kc);
    const bool external_possible = mode >= 0 && kc.psk;
    const algo::CipherSuite *chosen =
        select_suite(prio, ch.cipher_suites, external_possible ? kExternalPskPrf : GNUTLS_MAC_UNKNOWN);
    if (chosen == nullptr)
        return s.fail(Err::no_cipher_suites);
    if (retried && chosen != suite)
        return s.fail(Err::received_illegal_parameter);
    suite = chosen;

    // The PSK, if one of the offer is acceptable (its binder checked).
    resumed = psk_external = psk_session = psk_ke = false;
    psk.clear();
    if (mode >= 0)
        if (Err e = check_psk_offer(ch, m, kc.psk); !ok(e))
            return e;
    psk_ke = (resumed || psk_external) && mode == 0;

    // Without a pre-shared key, all three are needed (section 9.2); in
    // psk_ke mode none is used.
    const Extension *sg = ch.ext.find(ExtensionType::supported_groups);
    const Extension *ksx = ch.ext.find(ExtensionType::key_share);
    const Extension *sa = ch.ext.find(ExtensionType::signature_algorithms);
    const bool have_psk = resumed || psk_external;
    if ((!have_psk && (sg == nullptr || ksx == nullptr || sa == nullptr)) ||
        (have_psk && !psk_ke && (sg == nullptr || ksx == nullptr)))
        return s.fail(Err::missing_extension);
    U16List groups, schemes;
    if (sa != nullptr)
        if (Err e = parse_signature_algorithms(sa->body, schemes); !ok(e))
            return s.fail(e);
    KeyShare mine;
    SecretBytes shared;
    if (psk_ke) {
        // No (EC)DHE: zeros stand for its secret (section 7.1).
        shared.assign(algo::mac(suite->prf)->output_size, 0);
    } else {
        if (Err e = parse_supported_groups(sg->body, groups); !ok(e))
            return s.fail(e);
        std::vector<KeyShareEntry> client_shares;
        if (Err e = parse_key_share_client(ksx->body, client_shares); !ok(e))
            return s.fail(e);
        for (const KeyShareEntry &k : client_shares)
            if (!groups.contains(k.group))
                return s.fail(Err::received_illegal_parameter);

        // The group: a share the client sent, else a retry for a group both
        // support.
        const KeyShareEntry *use = nullptr;
        if (prio.flags.server_precedence) {
            for (unsigned id : prio.groups) {
                const algo::Group *g = algo::group(static_cast<int>(id));
                if (g == nullptr)
                    continue;
                for (const KeyShareEntry &k : client_shares)
                    if (k.group == g->tls_id && contains_group(prio.groups, k.group))
                        use = &k;
                if (use != nullptr)
                    break;
            }
        } else {
            for (const KeyShareEntry &k : client_shares)
                if (contains_group(prio.groups, k.group)) {
                    use = &k;
                    break;
                }
        }
        if (use == nullptr) {
            if (retried)
                return s.fail(Err::received_illegal_parameter);  // the retry named a group
            std::uint16_t want = 0;
            if (prio.flags.server_precedence) {
                for (unsigned id : prio.groups) {
                    const algo::Group *g = algo::group(static_cast<int>(id));
                    if (g != nullptr && groups.contains(g->tls_id) && contains_group(prio.groups, g->tls_id)) {
                        want = g->tls_id;
                        break;
                    }
                }
            } else {
                for (std::size_t i = 0; i < groups.size() && want == 0; i++)
                    if (contains_group(prio.groups, groups[i]))
                        want = groups[i];
            }
            if (want == 0)
                return s.fail(Err::no_common_key_share);
            group = algo::group_by_tls_id(want)->id;
            if (Err e = transcript.set_hash(static_cast<gnutls_digest_algorithm_t>(suite->prf)); !ok(e))
                return s.fail(e);
            consume(m);
            if (Err e = transcript.restart_for_retry(); !ok(e))
                return s.fail(e);
            state = State::send_retry;
            return Err::ok;
        }
        if (retried && algo::group_by_tls_id(use->group)->id != group)
            return s.fail(Err::received_illegal_parameter);
        group = algo::group_by_tls_id(use->group)->id;
        if (Err e = mine.generate(group); !ok(e))
            return s.fail(e);
        if (Err e = mine.shared(use->key_exchange, shared); !ok(e))
            return s.fail(e);
    }

    // Server name and application protocol.
    if (Err e = read_server_name(ch.ext); !ok(e))
        return e;
    // Post-handshake authentication needs both sides' consent: the client's
    // extension and the server's GNUTLS_POST_HANDSHAKE_AUTH.
    if (ch.ext.has(ExtensionType::post_handshake_auth) && (s.flags() & GNUTLS_POST_HANDSHAKE_AUTH) != 0) {
        s.pha_offered_ = true;
        s.negotiated_.session_flags |= GNUTLS_SFLAGS_POST_HANDSHAKE_AUTH;
    }
    if (const Extension *rl = ch.ext.find(ExtensionType::record_size_limit))
        if (Err e = parse_record_size_limit(rl->body, peer_record_limit); !ok(e))
            return s.fail(e);
    if (Err e = read_mfl_and_status(ch.ext); !ok(e))
        return e;
    if (Err e = select_alpn(ch.ext); !ok(e))
        return e;

    if (!resumed && !psk_external) {
        // The certificate to authenticate with.
        CertQuery q;
        q.tls13 = true;
        q.peer_schemes = schemes;
        q.server_name = std::string_view(s.negotiated_.peer_server_name);
        if (Err e = pick_certificate(q, schemes, our_cert, our_scheme, have_our_cert); !ok(e))
            return e;
        if (!have_our_cert)
            return s.fail(Err::insufficient_credentials);
    }

    if (!retried)
        if (Err e = transcript.set_hash(static_cast<gnutls_digest_algorithm_t>(suite->prf)); !ok(e))
            return s.fail(e);
    consume(m);

    // ServerHello: written now, so that the handshake secrets can follow.
    if (Err e = crypto::random(crypto::RandomLevel::nonce, MutableBytes(server_random, 32)); !ok(e))
        return s.fail(e);
    ServerHello sh;
    sh.legacy_version = kTls12;
    sh.random = Bytes(server_random, 32);
    sh.session_id = Bytes(session_id);
    sh.cipher_suite = suite->code_point();
    sh.has_extensions = true;
    std::vector<std::uint8_t> ext;
    Writer ew(ext);
    {
        ExtensionWriter x(ew);
        write_u16(kTls13, x.begin(ExtensionType::supported_versions));
        x.end();
        if (!psk_ke) {
            write_key_share_entry(KeyShareEntry{algo::group(group)->tls_id, mine.public_value()},
                                  x.begin(ExtensionType::key_share));
            x.end();
        }
        if (resumed || psk_external) {
            write_u16(psk_index, x.begin(ExtensionType::pre_shared_key));
            x.end();
        }
        if (!x.finish())
            return s.fail(Err::internal);
    }
    if (!ok(order_extension_block(ext)))
        return s.fail(Err::internal);
    sh.extensions = Bytes(ext).subspan(2);
    std::vector<std::uint8_t> msg;
    Writer w(msg);
    if (!write_message(HandshakeType::server_hello, sh, w) || !w.ok())
        return s.fail(Err::internal);
    if (Err e = queue(std::move(msg)); !ok(e))
        return e;
    if (Err e = ks.init(suite->prf); !ok(e))
        return s.fail(e);
    if (Err e = derive_handshake_secrets(shared); !ok(e))
        return e;
    if (session_id.empty())
        compat = false;  // the client did not ask for compatibility mode
    s.set_record_version(kTls12);
    state = State::send_server_flight;
    return Err::ok;
}

// server_name (RFC 6066): kept for gnutls_server_name_get; `acked` when a
// host name came (the server then acknowledges the extension).
Err Session::Hs::read_server_name(const ExtensionList &ext)
{
    if (const Extension *sn = ext.find(ExtensionType::server_name)) {
        ServerNameList names;
        if (Err e = parse_server_name(sn->body, names); !ok(e))
            return s.fail(e);
        s.negotiated_.peer_server_name.assign(names.host_name.begin(), names.host_name.end());
    }
    return Err::ok;
}

// ALPN (RFC 7301): the first protocol in the client's order (or ours with
// GNUTLS_ALPN_SERVER_PRECEDENCE) that both sides know.
Err Session::Hs::select_alpn(const ExtensionList &ext)
{
    const Options &o = s.options();
    alpn_selected.clear();
    if (const Extension *a = ext.find(ExtensionType::application_layer_protocol_negotiation)) {
        AlpnList offered;
        if (Err e = parse_alpn(a->body, offered); !ok(e))
            return s.fail(e);
        if (!o.alpn.empty()) {
            const bool ours_first = (o.alpn_flags & GNUTLS_ALPN_SERVER_PRECEDENCE) != 0;
            if (ours_first) {
                for (const std::string &n : o.alpn) {
                    for (Bytes name : offered.names)
                        if (name_equal(name, n))
                            alpn_selected.assign(n.begin(), n.end());
                    if (!alpn_selected.empty())
                        break;
                }
            } else {
                for (Bytes name : offered.names) {
                    for (const std::string &n : o.alpn)
                        if (name_equal(name, n))
                            alpn_selected.assign(n.begin(), n.end());
                    if (!alpn_selected.empty())
                        break;
                }
            }
            if (alpn_selected.empty() && (o.alpn_flags & GNUTLS_ALPN_MANDATORY) != 0)
                return s.fail(Err::no_application_protocol);
        }
    }
    return Err::ok;
}

Err Session::Hs::send_retry()
{
    if (!flight_built) {
        ServerHello hrr;
        hrr.legacy_version = kTls12;
        hrr.random = Bytes(kHelloRetryRandom.data(), kHelloRetryRandom.size());
        hrr.session_id = Bytes(session_id);
        hrr.cipher_suite = suite->code_point();
        hrr.has_extensions = true;
        std::vector<std::uint8_t> ext;
        Writer ew(ext);
        {
            ExtensionWriter x(ew);
            write_u16(kTls13, x.begin(ExtensionType::supported_versions));
            x.end();
            write_u16(algo::group(group)->tls_id, x.begin(ExtensionType::key_share));
            x.end();
            if (!x.finish())
                return s.fail(Err::internal);
        }
        if (!ok(order_extension_block(ext)))
            return s.fail(Err::internal);
        hrr.extensions = Bytes(ext).subspan(2);
        std::vector<std::uint8_t> msg;
        Writer w(msg);
        if (!write_message(HandshakeType::server_hello, hrr, w) || !w.ok())
            return s.fail(Err::internal);
        if (Err e = queue(std::move(msg)); !ok(e))
            return e;
        if (session_id.empty())
            compat = false;
        flight_built = true;
    }
    if (Err e = send_ccs(); !ok(e))
        return e;
    if (Err e = emit(); !ok(e))
        return e;
    flight_built = false;
    retried = true;
    state = State::wait_client_hello;
    return Err::ok;
}

Err Session::Hs::send_server_flight()
{
    // Step 1: ServerHello (already queued) and the compatibility CCS under
    // the null keys; step 2: the encrypted flight.
    if (Err e = send_ccs(); !ok(e))
        return e;
    if (Err e = seal_out(); !ok(e))
        return e;
    if (!flight_built) {
        if (Err e = install_write(server_hs); !ok(e))
            return e;
        // EncryptedExtensions.
        EncryptedExtensions ee;
        std::vector<std::uint8_t> ext;
        Writer ew(ext);
        {
            ExtensionWriter x(ew);
            if (!alpn_selected.empty()) {
                std::vector<Bytes> one{Bytes(alpn_selected)};
                write_alpn(one, x.begin(ExtensionType::application_layer_protocol_negotiation));
                x.end();
                s.negotiated_.alpn.assign(alpn_selected.begin(), alpn_selected.end());
            }
            // record_size_limit: answered when the client sent one (RFC 8449).
            if (peer_record_limit != 0) {
                write_record_size_limit(our_record_limit(), x.begin(ExtensionType::record_size_limit));
                x.end();
            } else if (mfl_code != 0) {
                write_max_fragment_length(mfl_code, x.begin(ExtensionType::max_fragment_length));
                x.end();
            }
            if (!x.finish())
                return s.fail(Err::internal);
        }
        if (!ok(order_extension_block(ext)))
            return s.fail(Err::internal);
        ee.extensions = Bytes(ext).subspan(2);
        std::vector<std::uint8_t> msg;
        Writer w(msg);
        if (!write_message(HandshakeType::encrypted_extensions, ee, w) || !w.ok())
            return s.fail(Err::internal);
        if (Err e = queue(std::move(msg)); !ok(e))
            return e;
        // CertificateRequest (not in a resumed session: section 4.3.2).
        if (!resumed && !psk_external && s.options().client_cert_request != GNUTLS_CERT_IGNORE) {
            CertificateRequest13 cr;
            std::vector<std::uint8_t> crext;
            std::vector<Bytes> names;
            s.ca_names(names);
            if (Err e = certificate_request13_extensions(prio.sigs, names, crext); !ok(e))
                return s.fail(e);
            cr.extensions = Bytes(crext).subspan(2);
            std::vector<std::uint8_t> crmsg;
            Writer w2(crmsg);
            if (!write_message(HandshakeType::certificate_request, cr, w2) || !w2.ok())
                return s.fail(Err::internal);
            if (Err e = queue(std::move(crmsg)); !ok(e))
                return e;
            client_cert_requested = true;
        }
        if (!resumed && !psk_external) {
            if (Err e = prepare_ocsp_response(); !ok(e))
                return e;
            if (Err e = send_certificate(&our_cert, Bytes()); !ok(e))
                return e;
            if (Err e = send_certificate_verify(our_cert, our_scheme); !ok(e))
                return e;
        }
        if (Err e = send_finished(); !ok(e))
            return e;
        if (Err e = derive_application_secrets(); !ok(e))
            return e;
        log_application_secrets();
        flight_built = true;
    }
    if (Err e = seal_out(); !ok(e))
        return e;
    if (Err e = install_write(s.secrets13_.server_ap); !ok(e))
        return e;
    if (Err e = install_read(client_hs); !ok(e))
        return e;
    state = State::server_flight_sent;
    return Err::ok;
}

Err Session::Hs::wait_client_certificate()
{
    HandshakeMessage m;
    if (Err e = read_expected(HandshakeType::certificate, m); !ok(e))
        return e;
    bool empty = false;
    const bool required = s.options().client_cert_request == GNUTLS_CERT_REQUIRE;
    if (Err e = receive_certificate(m, Bytes(), !required, empty); !ok(e))
        return e;
    state = empty ? State::wait_client_finished : State::wait_certificate_verify;
    return Err::ok;
}

Err Session::Hs::wait_client_finished()
{
    HandshakeMessage m;
    if (Err e = read_expected(HandshakeType::finished, m); !ok(e))
        return e;
    if (Err e = receive_finished(m); !ok(e))
        return e;
    std::uint8_t th[kMaxHashSize];
    std::size_t len = 0;
    if (Err e = transcript_hash(th, len); !ok(e))
        return s.fail(e);
    if (Err e = ks.derive("res master", Bytes(th, len), s.secrets13_.resumption); !ok(e))
        return s.fail(e);
    if (Err e = install_read(s.secrets13_.client_ap); !ok(e))
        return e;
    flight_built = false;
    state = State::send_tickets;
    return Err::ok;
}

Err Session::Hs::send_tickets()
{
    if (!flight_built) {
        flight_built = true;
        if (s.ticket_key_.empty() || !s.tickets_enabled()) {
            state = State::done;
            return Err::ok;
        }
        // Two tickets, as GnuTLS sends (a client can open two connections
        // at once); each PSK is derived from the resumption secret and a
        // nonce unique within the connection (section 4.6.1).
        for (int i = 0; i < kTicketsPerHandshake; i++) {
            const Secrets13 &k = s.secrets13_;
            const std::uint8_t nonce = s.ticket_nonce_++;
            TicketState st;
            st.version = kTls13;
            st.suite = suite->code_point();
            st.issued_ms = now_ms();
            st.lifetime = kTicketLifetime;
            if (psk_external || psk_session) {
                st.flags |= kTicketPsk;
                st.psk_identity = ext_identity;
            }
            std::uint8_t add[4];
            if (Err e = crypto::random(crypto::RandomLevel::nonce, MutableBytes(add, 4)); !ok(e))
                return s.fail(e);
            st.age_add = (std::uint32_t{add[0]} << 24) | (std::uint32_t{add[1]} << 16) | (std::uint32_t{add[2]} << 8) | add[3];
            st.psk.resize(k.resumption.size());
            if (Err e = expand_label(k.prf, k.resumption.span(), "resumption", Bytes(&nonce, 1), MutableBytes(st.psk));
                !ok(e))
                return s.fail(e);
            std::vector<std::uint8_t> ticket;
            if (Err e = seal_ticket(Bytes(s.ticket_key_), st, ticket); !ok(e))
                return s.fail(e);
            NewSessionTicket13 nst;
            nst.lifetime = st.lifetime;
            nst.age_add = st.age_add;
            nst.nonce = Bytes(&nonce, 1);
            nst.ticket = Bytes(ticket);
            std::vector<std::uint8_t> msg;
            Writer w(msg);
            if (!write_message(HandshakeType::new_session_ticket, nst, w) || !w.ok())
                return s.fail(Err::internal);
            // Post-handshake messages are not part of the transcript.
            const Bytes body = Bytes(msg).subspan(kHandshakeHeaderSize);
            if (Err e = s.hook(HookPoint{msg[0], false, false}, body); !ok(e))
                return s.fail(e);
            out.insert(out.end(), msg.begin(), msg.end());
            (void)s.hook(HookPoint{msg[0], true, false}, body);
        }
    }
    if (Err e = emit(); !ok(e))
        return e;
    state = State::done;
    return Err::ok;
}

Err Session::Hs::check_psk_offer(const ClientHello &ch, const HandshakeMessage &m, bool external_creds)
{
    // Called once a mode in common and the suite are known; the extension
    // was checked well-formed by the caller.
    OfferedPsks offered;
    if (Err e = parse_offered_psks(ch.ext.find(ExtensionType::pre_shared_key)->body, offered); !ok(e))
        return s.fail(e);
    const bool tickets = !s.ticket_key_.empty() && s.tickets_enabled();
    const bool external = external_creds && suite->prf == kExternalPskPrf;
    // The first identity we can use wins: one of our tickets, else (with
    // PSK credentials) an external identity, whose lookup must succeed.
    for (std::size_t i = 0; i < offered.identities.size(); i++) {
        const Bytes identity = offered.identities[i].identity;
        TicketState st;
        bool is_ticket = false;
        if (tickets && ok(open_ticket(Bytes(s.ticket_key_), identity, st))) {
            const algo::CipherSuite *tcs = algo::suite_by_code(st.suite);
            const std::uint64_t now = now_ms();
            is_ticket = st.version == kTls13 && tcs != nullptr && tcs->prf == suite->prf && now >= st.issued_ms &&
                        now - st.issued_ms <= std::uint64_t{st.lifetime} * 1000;
        }
        SecretBytes key;
        if (is_ticket) {
            key.assign(st.psk.begin(), st.psk.end());
        } else if (external) {
            if (Err e = s.psk_server_key(identity, key); !ok(e))
                return s.fail(e);
        } else {
            continue;
        }
        Bytes prefix;
        if (Err e = binder_prefix(m.raw, prefix); !ok(e))
            return s.fail(e);
        std::uint8_t binder[kMaxHashSize];
        std::size_t len = 0;
        if (Err e = compute_binder(suite->prf, !is_ticket, Bytes(key), prefix, binder, len); !ok(e))
            return s.fail(e);
        // The binder authenticates the whole hello; a wrong one ends the
        // handshake (GnuTLS reports it as an illegal parameter for
        // external PSKs).
        const Bytes got = offered.binders[i];
        if (got.size() != len || ct_memcmp(binder, got.data(), len) != 0)
            return s.fail(is_ticket ? Err::error_in_finished : Err::received_illegal_parameter);
        if (is_ticket) {
            resumed = true;
            psk_session = (st.flags & kTicketPsk) != 0;
            if (psk_session)
                ext_identity = st.psk_identity;
        } else {
            psk_external = true;
            ext_identity.assign(reinterpret_cast<const char *>(identity.data()), identity.size());
        }
        psk = std::move(key);
        psk_index = static_cast<std::uint16_t>(i);
        return Err::ok;
    }
    return Err::ok;
}

Err certificate_request13_extensions(const std::vector<unsigned> &sigs, const std::vector<Bytes> &ca_names,
                                     std::vector<std::uint8_t> &block)
{
    block.clear();
    Writer w(block);
    {
        ExtensionWriter x(w);
        U16Builder schemes;
        for (std::uint16_t sc : advertised_schemes(sigs, false))
            schemes.add(sc);
        write_u16_list(schemes.list(), x.begin(ExtensionType::signature_algorithms));
        x.end();
        if (!ca_names.empty()) {
            write_certificate_authorities(ca_names, x.begin(ExtensionType::certificate_authorities));
            x.end();
        }
        // An empty status_request invites the client to staple an OCSP
        // response to its certificate (RFC 8446 section 4.4.2.1); GnuTLS
        // always includes it.
        x.begin(ExtensionType::status_request);
        x.end();
        if (!x.finish())
            return Err::internal;
    }
    return order_extension_block(block, ExtOrder::certificate_request);
}

}  // namespace tlshim::tls
