// SPDX-License-Identifier: LGPL-2.1-or-later
// TLS 1.2 server states (RFC 5246 section 7.3, server side), entered from
// process_client_hello() when TLS 1.2 is the version both sides have:
//
//   ClientHello -> our flight (ServerHello, [Certificate],
//   [ServerKeyExchange], [CertificateRequest], ServerHelloDone)
//   -> [Certificate] -> ClientKeyExchange -> [CertificateVerify] -> CCS
//   -> Finished -> ([NewSessionTicket], CCS, Finished).
#include <algorithm>
#include <cstring>

#include "core/crypto/random.hh"
#include "core/log.hh"
#include "core/tls/extension-order.hh"
#include "core/tls/handshake.hh"
#include "core/tls/prf12.hh"
#include "core/tls/resumption.hh"
#include "core/tls/sig-scheme.hh"
#include "core/x509/certificate.hh"

namespace tlshim::tls {

namespace {

constexpr std::uint16_t kRenegotiationScsv = 0x00ff;  // RFC 5746 section 3.3
constexpr std::uint16_t kFallbackScsv = 0x5600;       // RFC 7507

// RFC 8446 section 4.1.3: the last eight bytes of a TLS 1.3 server's random
// when it negotiates TLS 1.2 ("DOWNGRD" 01) or below ("DOWNGRD" 00).
void mark_downgrade(std::uint8_t *random, bool tls12) noexcept
{
    static const std::uint8_t tag[7] = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44};
    std::memcpy(random + 24, tag, 7);
    random[31] = tls12 ? 1 : 0;
}

bool ec_group_usable(const algo::Group *g) noexcept
{
    return g != nullptr && g->kind != algo::GroupKind::ffdhe && KeyShare::supported(g->id);
}

struct Candidate {
    CertCandidate cert;
    KeyInfo key;
    bool name_match = false;
    // The certificate's key usage (GNUTLS_KEY_*), all bits when it has none.
    unsigned usage = ~0u;
};

}  // namespace

Err Session::Hs::process_client_hello12(const ClientHello &ch, const HandshakeMessage &m, std::uint16_t version)
{
    const gnutls_protocol_t pv = protocol_of(version);
    if (renegotiation && s.negotiated_.version != pv)
        return s.fail(Err::unsupported_version);
    if (ch.compression_methods.empty() ||
        std::find(ch.compression_methods.begin(), ch.compression_methods.end(), 0) == ch.compression_methods.end())
        return s.fail(Err::received_illegal_parameter);
    // A client that retried with a lower version than it could: RFC 7507.
    if (ch.cipher_suites.contains(kFallbackScsv) && prio.max_tls() > GNUTLS_TLS1_2 && !renegotiation)
        return s.fail(Err::inappropriate_fallback);
    if (Err e = check_renegotiation_info(ch.ext, ch.cipher_suites.contains(kRenegotiationScsv)); !ok(e))
        return e;
    std::memcpy(client_random, ch.random.data(), 32);
    client_version = ch.legacy_version;

    U16List groups, schemes;
    if (const Extension *sg = ch.ext.find(ExtensionType::supported_groups))
        if (Err e = parse_supported_groups(sg->body, groups); !ok(e))
            return s.fail(e);
    // Without signature_algorithms, SHA-1 with the key's algorithm is
    // assumed (RFC 5246 section 7.4.1.4.1).
    static const std::uint8_t sha1_defaults[4] = {0x02, 0x01, 0x02, 0x03};
    schemes = U16List(Bytes(sha1_defaults, 4));
    if (const Extension *sa = ch.ext.find(ExtensionType::signature_algorithms); sa != nullptr && version >= kTls12)
        if (Err e = parse_signature_algorithms(sa->body, schemes); !ok(e))
            return s.fail(e);
    if (Err e = read_server_name(ch.ext); !ok(e))
        return e;

    ems = ch.ext.has(ExtensionType::extended_master_secret) && !prio.flags.no_session_hash;
    // A session that used the extended master secret keeps it: a
    // renegotiation without it (the client's choice or our priorities')
    // would key the new session with the weaker derivation (RFC 7627's
    // reasoning in section 5.3, applied to renegotiation).  GnuTLS 3.7.9
    // fails this case only later, with mismatched keys.
    if (renegotiation && s.negotiated_.extended_master_secret && !ems)
        return s.fail(Err::insufficient_security);
    const bool tickets = !s.ticket_key_.empty() && s.tickets_enabled() && !prio.flags.no_tickets_tls12;
    const Extension *ticket_ext = ch.ext.find(ExtensionType::session_ticket);
    ticket_expected = tickets && ticket_ext != nullptr;  // we issue a ticket
    if (!renegotiation)
        if (Err e = try_resume12(ch, ticket_ext, version); !ok(e))
            return e;
    if (resumed) {
        version12 = version;
        s.set_plain_ccs(false);
        s.set_record_version(version);
        if (Err e = transcript.set_hash(static_cast<gnutls_digest_algorithm_t>(
                prf_mac(*suite, static_cast<gnutls_protocol_t>(version_id12())))); !ok(e))
            return s.fail(e);
        if (Err e = select_alpn(ch.ext); !ok(e))
            return e;
        consume(m);
        if (Err e = crypto::random(crypto::RandomLevel::nonce, MutableBytes(server_random, 32)); !ok(e))
            return s.fail(e);
        if (prio.has_protocol(GNUTLS_TLS1_3) || (version < kTls12 && prio.has_protocol(GNUTLS_TLS1_2)))
            mark_downgrade(server_random, version == kTls12);
        session_id.assign(ch.session_id.begin(), ch.session_id.end());
        if (Err e = install_keys12(); !ok(e))
            return e;
        state = State::send_server_flight12;
        return Err::ok;
    }

    // Our certified keys, once.
    std::vector<Candidate> cands;
    {
        CertQuery q;
        q.tls13 = false;
        q.peer_schemes = schemes;
        q.server_name = std::string_view(s.negotiated_.peer_server_name);
        std::vector<CertCandidate> list;
        if (Err e = s.certificate_candidates(q, list); !ok(e))
            return s.fail(e);
        for (CertCandidate &c : list) {
            if (c.chain.empty() || c.signer == nullptr)
                continue;
            x509::Certificate leaf;
            Bytes spki;
            x509::PublicKey pub;
            if (!ok(leaf.import_der(c.chain[0])) || !ok(leaf.spki_raw(spki)) || !ok(pub.import_spki(spki)))
                continue;
            Candidate cand;
            cand.key = key_info(pub);
            bool critical = false;
            if (unsigned u = 0; ok(leaf.key_usage(u, critical)))
                cand.usage = u;
            cand.name_match = s.names_match(c, q.server_name);
            cand.cert = std::move(c);
            cands.push_back(std::move(cand));
        }
        // Keys that answer to the requested name first.
        std::stable_partition(cands.begin(), cands.end(), [](const Candidate &c) { return c.name_match; });
    }

    // The suite: in the client's order unless %SERVER_PRECEDENCE, among
    // ours for TLS 1.2, with credentials and a group for its key exchange.
    const auto table = algo::suite_table();
    std::vector<const algo::CipherSuite *> ours;
    for (std::size_t pos = 0; pos < prio.suites.size(); pos++) {
        const algo::CipherSuite &cs = table[prio.suites[pos]];
        if (cs.min_tls <= pv && cs.max_tls >= pv && cs.min_tls != GNUTLS_TLS1_3 &&
            prio.suite_usable(pos) && ch.cipher_suites.contains(cs.code_point()))
            ours.push_back(&cs);
    }
    std::vector<const algo::CipherSuite *> order;
    if (prio.flags.server_precedence) {
        order = ours;
    } else {
        for (std::size_t i = 0; i < ch.cipher_suites.size(); i++)
            for (const algo::CipherSuite *cs : ours)
                if (cs->code_point() == ch.cipher_suites[i])
                    order.push_back(cs);
    }
    // The elliptic curve for ECDHE: the client's preference (or ours).
    gnutls_group_t ec_group = GNUTLS_GROUP_INVALID;
    if (groups.empty()) {
        for (unsigned id : prio.groups)
            if (ec_group_usable(algo::group(static_cast<int>(id)))) {
                ec_group = static_cast<gnutls_group_t>(id);
                break;
            }
    } else if (prio.flags.server_precedence) {
        for (unsigned id : prio.groups) {
            const algo::Group *g = algo::group(static_cast<int>(id));
            if (ec_group_usable(g) && groups.contains(g->tls_id)) {
                ec_group = g->id;
                break;
            }
        }
    } else {
        for (std::size_t i = 0; i < groups.size() && ec_group == GNUTLS_GROUP_INVALID; i++) {
            const algo::Group *g = algo::group_by_tls_id(groups[i]);
            if (ec_group_usable(g) &&
                std::find(prio.groups.begin(), prio.groups.end(), static_cast<unsigned>(g->id)) != prio.groups.end())
                ec_group = g->id;
        }
    }

    // The finite-field group for DHE (RFC 7919): one the client lists, if it
    // lists any; else the credentials' parameters decide.
    gnutls_group_t ff_group = GNUTLS_GROUP_INVALID;
    bool client_lists_ffdhe = false;
    for (std::size_t i = 0; i < groups.size(); i++) {
        const algo::Group *g = algo::group_by_tls_id(groups[i]);
        if (g != nullptr && g->kind == algo::GroupKind::ffdhe)
            client_lists_ffdhe = true;
    }
    if (client_lists_ffdhe) {
        if (prio.flags.server_precedence) {
            for (unsigned id : prio.groups) {
                const algo::Group *g = algo::group(static_cast<int>(id));
                if (g != nullptr && g->kind == algo::GroupKind::ffdhe && groups.contains(g->tls_id) &&
                    KeyShare::supported(g->id)) {
                    ff_group = g->id;
                    break;
                }
            }
        } else {
            for (std::size_t i = 0; i < groups.size() && ff_group == GNUTLS_GROUP_INVALID; i++) {
                const algo::Group *g = algo::group_by_tls_id(groups[i]);
                if (g != nullptr && g->kind == algo::GroupKind::ffdhe && KeyShare::supported(g->id) &&
                    std::find(prio.groups.begin(), prio.groups.end(), static_cast<unsigned>(g->id)) !=
                        prio.groups.end())
                    ff_group = g->id;
            }
        }
    }

    suite = nullptr;
    for (const algo::CipherSuite *cs : order) {
        const Kx12Traits *traits = kx12_traits(cs->kx);
        if (traits == nullptr)
            continue;
        KxCredentials kc;
        s.kx_credentials(cs->kx, kc);
        if ((kx12_is_psk(cs->kx) && !kc.psk) || (traits->anonymous && !kc.anon))
            continue;
        const bool ecdhe = kx12_is_ecdhe(cs->kx);
        if (ecdhe && ec_group == GNUTLS_GROUP_INVALID)
            continue;
        gnutls_group_t dh_group = GNUTLS_GROUP_INVALID;
        if (kx12_is_dhe(cs->kx)) {
            // A client that lists FFDHE groups gets one of them, or none.
            if (client_lists_ffdhe)
                dh_group = ff_group;
            else if (kc.dh == nullptr)
                dh_group = kc.dh_group;
            if (dh_group == GNUTLS_GROUP_INVALID && (client_lists_ffdhe || kc.dh == nullptr))
                continue;
            if (dh_group != GNUTLS_GROUP_INVALID)
                kc.dh = nullptr;
        }
        if (kx12_has_certificate(cs->kx)) {
            Candidate *found = nullptr;
            gnutls_sign_algorithm_t scheme = GNUTLS_SIGN_UNKNOWN;
            const bool transport =
                cs->kx == GNUTLS_KX_RSA || cs->kx == GNUTLS_KX_RSA_PSK || cs->kx == GNUTLS_KX_VKO_GOST_12;
            for (Candidate &c : cands) {
                if (!kx12_key_fits(c.key.pk, cs->kx))
                    continue;
                // RFC 5280 key usage (kx12_key_usage).
                const unsigned need = kx12_key_usage(cs->kx);
                if ((c.usage & need) == 0 && !prio.flags.debug_allow_key_usage_violations)
                    continue;
                if (!transport) {
                    scheme = choose_scheme(prio.sigs, schemes, c.key, false);
                    if (scheme == GNUTLS_SIGN_UNKNOWN)
                        continue;
                }
                found = &c;
                break;
            }
            if (found == nullptr)
                continue;
            our_cert = std::move(found->cert);
            our_scheme = scheme;
            have_our_cert = true;
        }
        suite = cs;
        group = ecdhe ? ec_group : dh_group;
        kx_creds = std::move(kc);
        break;
    }
    if (suite == nullptr)
        return s.fail(cands.empty() && !ours.empty() ? Err::insufficient_credentials : Err::no_cipher_suites);

    etm = ch.ext.has(ExtensionType::encrypt_then_mac) && !prio.flags.no_etm && suite->mac != GNUTLS_MAC_AEAD;
    if (Err e = select_alpn(ch.ext); !ok(e))
        return e;
    if (const Extension *rl = ch.ext.find(ExtensionType::record_size_limit))
        if (Err e = parse_record_size_limit(rl->body, peer_record_limit); !ok(e))
            return s.fail(e);
    if (Err e = read_mfl_and_status(ch.ext); !ok(e))
        return e;
    if (!resumed && kx12_has_certificate(suite->kx))
        if (Err e = prepare_ocsp_response(); !ok(e))
            return e;

    version12 = version;
    s.set_plain_ccs(false);
    s.set_record_version(version);
    if (Err e = transcript.set_hash(static_cast<gnutls_digest_algorithm_t>(
            prf_mac(*suite, static_cast<gnutls_protocol_t>(version_id12())))); !ok(e))
        return s.fail(e);
    consume(m);

    if (Err e = crypto::random(crypto::RandomLevel::nonce, MutableBytes(server_random, 32)); !ok(e))
        return s.fail(e);
    if (!renegotiation &&
        (prio.has_protocol(GNUTLS_TLS1_3) || (version < kTls12 && prio.has_protocol(GNUTLS_TLS1_2))))
        mark_downgrade(server_random, version == kTls12);
    // A fresh session ID (a renegotiation is a new session too).
    session_id.resize(32);
    if (Err e = crypto::random(crypto::RandomLevel::nonce, MutableBytes(session_id)); !ok(e))
        return s.fail(e);
    state = State::send_server_flight12;
    return Err::ok;
}

Err Session::Hs::try_resume12(const ClientHello &ch, const Extension *ticket_ext, std::uint16_t version)
{
    // A ticket (RFC 5077 section 3.4) or a session ID from the cache; what
    // cannot be used means a full handshake, not an error.
    TicketState st;
    bool found = false;
    if (ticket_ext != nullptr && !ticket_ext->body.empty() && ticket_expected)
        found = ok(open_ticket(Bytes(s.ticket_key_), ticket_ext->body, st));
    const bool by_ticket = found;
    if (!found && !ch.session_id.empty()) {
        SecretBytes blob;
        if (s.db_retrieve(ch.session_id, blob))
            found = ok(decode_state(Bytes(blob), st));
        if (found && s.db_expired(st.issued_ms)) {
            s.db_remove(ch.session_id);
            found = false;
        }
    }
    if (!found)
        return Err::ok;
    const algo::CipherSuite *tcs = algo::suite_by_code(st.suite);
    const std::uint64_t now = now_ms();
    if (st.version != version || tcs == nullptr || st.psk.size() != 48 || !ch.cipher_suites.contains(st.suite) ||
        now < st.issued_ms || now - st.issued_ms > std::uint64_t{st.lifetime} * 1000)
        return Err::ok;
    bool allowed = false;
    const auto table = algo::suite_table();
    for (std::size_t pos = 0; pos < prio.suites.size(); pos++)
        if (&table[prio.suites[pos]] == tcs && prio.suite_usable(pos))
            allowed = true;
    // RFC 7627 section 5.3: the extended master secret must be as before.
    if (!allowed || ((st.flags & kTicketEms) != 0) != ems)
        return Err::ok;
    suite = tcs;
    master.resize(48);
    std::memcpy(master.data(), st.psk.data(), 48);
    etm = (st.flags & kTicketEtm) != 0;
    resumed = true;
    // Like GnuTLS, a session resumed from a ticket keeps that ticket: no
    // session_ticket extension and no NewSessionTicket (RFC 5077 3.1 allows both).
    if (by_ticket)
        ticket_expected = false;
    return Err::ok;
}

Err Session::Hs::queue_ticket12()
{
    TicketState st;
    st.version = version12;
    st.suite = suite->code_point();
    st.issued_ms = now_ms();
    st.lifetime = kTicketLifetime;
    st.psk.assign(master.data(), master.data() + master.size());
    st.flags = static_cast<std::uint8_t>((ems ? kTicketEms : 0) | (etm ? kTicketEtm : 0));
    std::vector<std::uint8_t> ticket;
    if (Err e = seal_ticket(Bytes(s.ticket_key_), st, ticket); !ok(e))
        return s.fail(e);
    NewSessionTicket12 nst;
    nst.lifetime_hint = st.lifetime;
    nst.ticket = Bytes(ticket);
    std::vector<std::uint8_t> msg;
    Writer w(msg);
    if (!write_message(HandshakeType::new_session_ticket, nst, w) || !w.ok())
        return s.fail(Err::internal);
    return queue(std::move(msg));
}

Err Session::Hs::send_server_flight12()
{
    if (flight_step == 0) {
        ServerHello sh;
        sh.legacy_version = version12;
        sh.random = Bytes(server_random, 32);
        sh.session_id = Bytes(session_id);
        sh.cipher_suite = suite->code_point();
        sh.has_extensions = true;
        std::vector<std::uint8_t> ext;
        Writer ew(ext);
        std::vector<std::uint8_t> ri;
        if (safe_reneg && renegotiation) {
            const Secrets12 &old = s.secrets12_;
            ri.assign(old.client_verify.view().begin(), old.client_verify.view().end());
            ri.insert(ri.end(), old.server_verify.view().begin(), old.server_verify.view().end());
        }
        {
            // In the order GnuTLS writes them (the order of its ClientHello).
            ExtensionWriter x(ew);
            if (status_ack)
                x.add(ExtensionType::status_request, Bytes());
            if (group != GNUTLS_GROUP_INVALID && algo::group(group)->kind != algo::GroupKind::ffdhe) {
                static const std::uint8_t uncompressed = 0;
                write_ec_point_formats(Bytes(&uncompressed, 1), x.begin(ExtensionType::ec_point_formats));
                x.end();
            }
            if (!alpn_selected.empty()) {
                const std::vector<Bytes> one{Bytes(alpn_selected)};
                write_alpn(one, x.begin(ExtensionType::application_layer_protocol_negotiation));
                x.end();
            }
            if (etm)
                x.add(ExtensionType::encrypt_then_mac, Bytes());
            if (ems)
                x.add(ExtensionType::extended_master_secret, Bytes());
            if (ticket_expected)
                x.add(ExtensionType::session_ticket, Bytes());
            if (safe_reneg && prio.flags.renegotiation != Renegotiation::disabled) {
                write_renegotiation_info(Bytes(ri), x.begin(ExtensionType::renegotiation_info));
                x.end();
            }
            if (peer_record_limit != 0) {
                const std::size_t want = s.options().max_record_request;
                write_record_size_limit(
                    static_cast<std::uint16_t>(want == 0 || want >= kMaxPlaintext ? kMaxPlaintext : want),
                    x.begin(ExtensionType::record_size_limit));
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
        sh.extensions = Bytes(ext).subspan(2);
        sh.has_extensions = ext.size() > 2;
        std::vector<std::uint8_t> msg;
        Writer w(msg);
        if (!write_message(HandshakeType::server_hello, sh, w) || !w.ok())
            return s.fail(Err::internal);
        if (Err e = queue(std::move(msg)); !ok(e))
            return e;
        if (resumed) {
            // Abbreviated handshake: our CCS and Finished follow at once.
            flight_step = 0;
            state = State::send_server_finished12;
            return Err::ok;
        }

        if (kx12_has_certificate(suite->kx))
            if (Err e = queue_certificate12(&our_cert); !ok(e))
                return e;
        // CertificateStatus (RFC 6066 section 8) for an ocsp request we acknowledged.
        if (status_ack && status_type == 1) {
            std::vector<std::uint8_t> smsg;
            Writer sw(smsg);
            sw.u8(static_cast<std::uint8_t>(HandshakeType::certificate_status));
            auto body = sw.open(3);
            write_certificate_status(Bytes(ocsp_response), sw);
            sw.close(body);
            if (!sw.ok())
                return s.fail(Err::internal);
            if (Err e = queue(std::move(smsg)); !ok(e))
                return e;
        }

        {
            std::vector<std::uint8_t> params;
            if (Err e = kx_server_params(params); !ok(e))
                return s.fail(e);
            if (server_kx.sends_params()) {
                std::vector<std::uint8_t> kmsg;
                Writer kw(kmsg);
                kw.u8(static_cast<std::uint8_t>(HandshakeType::server_key_exchange));
                auto body = kw.open(3);
                kw.bytes(Bytes(params));
                if (kx12_has_certificate(suite->kx) && suite->kx != GNUTLS_KX_RSA_PSK) {
                    // digitally-signed over client_random + server_random + params.
                    std::vector<std::uint8_t> signed_data(client_random, client_random + 32);
                    signed_data.insert(signed_data.end(), server_random, server_random + 32);
                    signed_data.insert(signed_data.end(), params.begin(), params.end());
                    std::vector<std::uint8_t> sig;
                    Err se = legacy() ? legacy_sign(our_cert, Bytes(signed_data), sig)
                                      : our_cert.signer->sign_data(our_scheme, 0, Bytes(signed_data), sig);
                    if (!ok(se))
                        return s.fail(se);
                    if (!legacy()) {
                        const algo::Sign *row = algo::sign(our_scheme);
                        kw.u16(row != nullptr ? row->tls_id : 0);
                    }
                    auto sv = kw.open(2);
                    kw.bytes(Bytes(sig));
                    kw.close(sv);
                }
                kw.close(body);
                if (!kw.ok())
                    return s.fail(Err::internal);
                if (Err e = queue(std::move(kmsg)); !ok(e))
                    return e;
            }
        }

        client_cert_requested =
            kx12_has_certificate(suite->kx) && s.options().client_cert_request != GNUTLS_CERT_IGNORE;
        if (client_cert_requested) {
            // rsa_sign(1), ecdsa_sign(64) (RFC 5246, RFC 8422).
            static const std::uint8_t types[2] = {1, 64};
            CertificateRequest12 cr;
            cr.certificate_types = Bytes(types, 2);
            cr.has_signature_algorithms = !legacy();
            U16Builder list;
            for (std::uint16_t sc : advertised_schemes(prio.sigs, true))
                list.add(sc);
            cr.signature_algorithms = list.list();
            std::vector<Bytes> names;
            s.ca_names(names);
            std::vector<std::uint8_t> authorities;
            if (!names.empty()) {
                Writer aw(authorities);
                if (!write_certificate_authorities(names, aw) || !aw.ok())
                    return s.fail(Err::internal);
                cr.authorities = Bytes(authorities).subspan(2);
            }
            std::vector<std::uint8_t> cmsg;
            Writer cw(cmsg);
            if (!write_message(HandshakeType::certificate_request, cr, cw) || !cw.ok())
                return s.fail(Err::internal);
            if (Err e = queue(std::move(cmsg)); !ok(e))
                return e;
        }
        std::vector<std::uint8_t> done{static_cast<std::uint8_t>(HandshakeType::server_hello_done), 0, 0, 0};
        if (Err e = queue(std::move(done)); !ok(e))
            return e;
        flight_step = 1;
    }
    if (Err e = emit(); !ok(e))
        return e;
    flight_step = 0;
    state = client_cert_requested ? State::wait_client_certificate12 : State::wait_client_kx12;
    return Err::ok;
}

Err Session::Hs::wait_client_certificate12()
{
    HandshakeMessage m;
    if (Err e = read_expected(HandshakeType::certificate, m); !ok(e))
        return e;
    const bool required = s.options().client_cert_request == GNUTLS_CERT_REQUIRE;
    bool empty = false;
    if (Err e = receive_certificate12(m, !required, empty); !ok(e))
        return e;
    client_cert_sent = !empty;
    state = State::wait_client_kx12;
    return Err::ok;
}

Err Session::Hs::wait_client_kx12()
{
    HandshakeMessage m;
    if (Err e = read_expected(HandshakeType::client_key_exchange, m); !ok(e))
        return e;
    if (Err e = kx_server_read(m.body); !ok(e))
        return s.fail(e);
    consume(m);
    if (Err e = derive_master12(Bytes(premaster)); !ok(e))
        return e;
    state = client_cert_sent ? State::wait_certificate_verify12 : State::wait_client_ccs12;
    return Err::ok;
}

Err Session::Hs::wait_certificate_verify12()
{
    HandshakeMessage m;
    if (Err e = read_expected(HandshakeType::certificate_verify, m); !ok(e))
        return e;
    CertificateVerify cv;
    if (Err e = parse(m.body, cv, !legacy()); !ok(e))
        return s.fail(e);
    gnutls_sign_algorithm_t scheme = GNUTLS_SIGN_UNKNOWN;
    if (legacy()) {
        if (Err e = legacy_verify(Bytes(messages12), cv.signature); !ok(e))
            return s.fail(Err::pk_sig_verify_failed);
    } else {
        if (Err e = check_peer_scheme(cv.scheme, prio.sigs, key_info(peer_key), false, scheme); !ok(e))
            return s.fail(Err::received_illegal_parameter);
        // The signature covers every message before this one.
        if (Err e = peer_key.verify_data(scheme, Bytes(messages12), cv.signature); !ok(e))
            return s.fail(Err::pk_sig_verify_failed);
    }
    consume(m);
    peer_scheme = scheme;
    peer_authenticated = true;
    if (Err e = s.verify_peer(); !ok(e))
        return s.fail(e);
    state = State::wait_client_ccs12;
    return Err::ok;
}

Err Session::Hs::wait_client_ccs12()
{
    expect_ccs = true;
    HandshakeMessage m;
    if (Err e = read_message(m); !ok(e))
        return e;
    if (!ccs_received)
        return s.fail(Err::unexpected_handshake_packet);
    if (Err e = expect(m, HandshakeType::finished); !ok(e))
        return e;
    if (Err e = check_finished12(m); !ok(e))
        return e;
    state = resumed ? State::done : State::send_server_finished12;
    return Err::ok;
}

Err Session::Hs::send_finished12_flight()
{
    if (flight_step == 0) {
        if (server && ticket_expected)
            if (Err e = queue_ticket12(); !ok(e))
                return e;
        flight_step = kFlightCcs;
    }
    if (Err e = end_flight12(); !ok(e))
        return e;
    // Who finishes first: the server in an abbreviated handshake, the
    // client in a full one.
    state = (resumed == server) ? (server ? State::wait_client_ccs12 : State::wait_ticket_or_ccs12) : State::done;
    return Err::ok;
}

}  // namespace tlshim::tls
