// SPDX-License-Identifier: LGPL-2.1-or-later
// TLS 1.2 client states (RFC 5246 section 7.3, client side), entered from
// wait_server_hello() when the server chose TLS 1.2:
//
//   ServerHello -> [Certificate] -> [ServerKeyExchange]
//   -> [CertificateRequest] -> ServerHelloDone -> our flight ([Certificate],
//   ClientKeyExchange, [CertificateVerify], CCS, Finished)
//   -> [NewSessionTicket] -> CCS -> Finished.
#include <algorithm>
#include <cstring>

#include "core/log.hh"
#include "core/tls/handshake.hh"
#include "core/tls/kx12.hh"
#include "core/tls/prf12.hh"
#include "core/tls/resumption.hh"
#include "core/tls/sig-scheme.hh"
#include "core/x509/certificate.hh"

namespace tlshim::tls {

bool kx12_has_certificate(gnutls_kx_algorithm_t kx) noexcept
{
    switch (kx) {
    case GNUTLS_KX_RSA:
    case GNUTLS_KX_DHE_RSA:
    case GNUTLS_KX_DHE_DSS:
    case GNUTLS_KX_ECDHE_RSA:
    case GNUTLS_KX_ECDHE_ECDSA:
    case GNUTLS_KX_RSA_PSK:
    case GNUTLS_KX_VKO_GOST_12:
        return true;
    default:
        return false;
    }
}

// Whether a certified key of this kind can serve the key exchange.
bool kx12_key_fits(gnutls_pk_algorithm_t pk, gnutls_kx_algorithm_t kx) noexcept
{
    switch (kx) {
    case GNUTLS_KX_RSA:
    case GNUTLS_KX_RSA_PSK:
        return pk == GNUTLS_PK_RSA;
    case GNUTLS_KX_DHE_RSA:
    case GNUTLS_KX_ECDHE_RSA:
        return pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_RSA_PSS;
    case GNUTLS_KX_ECDHE_ECDSA:
        return pk == GNUTLS_PK_ECDSA || pk == GNUTLS_PK_EDDSA_ED25519 || pk == GNUTLS_PK_EDDSA_ED448;
    case GNUTLS_KX_DHE_DSS:
        return pk == GNUTLS_PK_DSA;
    case GNUTLS_KX_VKO_GOST_12:
        return pk == GNUTLS_PK_GOST_12_256 || pk == GNUTLS_PK_GOST_12_512;
    default:
        return false;
    }
}

unsigned kx12_key_usage(gnutls_kx_algorithm_t kx) noexcept
{
    switch (kx) {
    case GNUTLS_KX_RSA:
    case GNUTLS_KX_RSA_PSK:
        return GNUTLS_KEY_KEY_ENCIPHERMENT;
    case GNUTLS_KX_VKO_GOST_12:
        // GnuTLS takes a GOST key for VKO with any of these (the certificate
        // of gnutls-cli's benchmark has digitalSignature only).
        return GNUTLS_KEY_KEY_ENCIPHERMENT | GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_KEY_AGREEMENT;
    default:
        return GNUTLS_KEY_DIGITAL_SIGNATURE;
    }
}

gnutls_protocol_t protocol_of(std::uint16_t wire) noexcept
{
    switch (wire) {
    case 0x0301: return GNUTLS_TLS1_0;
    case 0x0302: return GNUTLS_TLS1_1;
    case 0x0303: return GNUTLS_TLS1_2;
    case 0x0304: return GNUTLS_TLS1_3;
    default: return GNUTLS_VERSION_UNKNOWN;
    }
}


Err Session::Hs::process_server_hello12(const ServerHello &sh, const HandshakeMessage &m, std::uint16_t version)
{
    const gnutls_protocol_t pv = protocol_of(version);
    if (renegotiation && s.negotiated_.version != pv)
        return s.fail(Err::unsupported_version);
    // A server that could do better says so in its random (RFC 8446
    // section 4.1.3): a man in the middle removed our higher versions.
    if (!renegotiation && ((sh.downgrade == Downgrade::tls12 && prio.has_protocol(GNUTLS_TLS1_3)) ||
                           (sh.downgrade == Downgrade::tls11 && version < kTls12 &&
                            (prio.has_protocol(GNUTLS_TLS1_3) || prio.has_protocol(GNUTLS_TLS1_2)))))
        return s.fail(Err::received_illegal_parameter);
    ClientHello ch;
    if (Err e = reparse_client_hello(hello, ch); !ok(e))
        return s.fail(Err::internal);
    const algo::CipherSuite *chosen = algo::suite_by_code(sh.cipher_suite);
    if (chosen == nullptr || chosen->min_tls > pv || chosen->max_tls < pv || chosen->min_tls == GNUTLS_TLS1_3 ||
        !ch.cipher_suites.contains(sh.cipher_suite))
        return s.fail(Err::received_illegal_parameter);
    if (sh.compression_method != 0)
        return s.fail(Err::received_illegal_parameter);
    if (Err e = sh.ext.check_solicited(ch.ext); !ok(e))
        return s.fail(e);
    for (ExtensionType t : {ExtensionType::key_share, ExtensionType::pre_shared_key, ExtensionType::cookie,
                            ExtensionType::early_data, ExtensionType::post_handshake_auth})
        if (sh.ext.has(t))
            return s.fail(Err::received_illegal_extension);
    suite = chosen;
    if (Err e = check_renegotiation_info(sh.ext, false); !ok(e))
        return e;
    ems = sh.ext.has(ExtensionType::extended_master_secret);
    // Nor may the server drop it when renegotiating a session that used it
    // (see process_client_hello12).
    if (renegotiation && s.negotiated_.extended_master_secret && !ems)
        return s.fail(Err::insufficient_security);
    etm = sh.ext.has(ExtensionType::encrypt_then_mac) && suite->mac != GNUTLS_MAC_AEAD;
    ticket_expected = sh.ext.has(ExtensionType::session_ticket);
    if (const Extension *a = sh.ext.find(ExtensionType::application_layer_protocol_negotiation)) {
        Bytes sel;
        if (Err e = parse_alpn_reply(a->body, sel); !ok(e))
            return s.fail(e);
        bool ours = false;
        for (const std::string &n : s.options().alpn)
            if (n.size() == sel.size() && std::equal(sel.begin(), sel.end(), n.begin(), [](std::uint8_t x, char y) {
                    return x == static_cast<std::uint8_t>(y);
                }))
                ours = true;
        if (!ours)
            return s.fail(Err::received_illegal_parameter);
        alpn_selected.assign(sel.begin(), sel.end());
    }
    if (const Extension *rl = sh.ext.find(ExtensionType::record_size_limit))
        if (Err e = parse_record_size_limit(rl->body, peer_record_limit); !ok(e))
            return s.fail(e);
    if (Err e = read_mfl_and_status_reply(sh.ext, false); !ok(e))
        return e;
    if (const Extension *sn = sh.ext.find(ExtensionType::server_name))
        if (Err e = parse_empty(sn->body); !ok(e))
            return s.fail(e);

    std::memcpy(server_random, sh.random.data(), 32);
    // Resumption (RFC 5246 section 7.4.1.3, RFC 5077 section 3.4): the
    // server echoes the session ID we offered with the saved session.
    const ClientTicket &offer = s.offer_;
    if (resume12_offered && !session_id.empty() &&
        std::equal(sh.session_id.begin(), sh.session_id.end(), session_id.begin(), session_id.end())) {
        if (offer.suite != sh.cipher_suite || offer.version != version)
            return s.fail(Err::received_illegal_parameter);
        // RFC 7627 section 5.3: the session's extended master secret state.
        if (((offer.flags & kTicketEms) != 0) != ems)
            return s.fail(Err::received_illegal_parameter);
        resumed = true;
        master.resize(48);
        std::memcpy(master.data(), offer.psk.data(), 48);
        s.peer_chain_ = offer.peer_chain;
    }
    session_id.assign(sh.session_id.begin(), sh.session_id.end());
    version12 = version;
    s.set_plain_ccs(false);
    s.set_record_version(version);
    shares.clear();
    if (Err e = transcript.set_hash(static_cast<gnutls_digest_algorithm_t>(
            prf_mac(*suite, static_cast<gnutls_protocol_t>(version_id12())))); !ok(e))
        return s.fail(e);
    consume(m);
    if (resumed) {
        if (Err e = install_keys12(); !ok(e))
            return e;
        state = State::wait_ticket_or_ccs12;
        return Err::ok;
    }
    {
        std::vector<gnutls_group_t> groups;
        for (std::uint16_t id : offered_groups)
            if (const algo::Group *g = algo::group_by_tls_id(id))
                groups.push_back(g->id);
        if (Err e = client_kx.init(suite->kx, groups, s.options().dh_min_bits); !ok(e))
            return s.fail(Err::received_illegal_parameter);
    }
    state = kx12_has_certificate(suite->kx) ? State::wait_certificate12 : State::wait_server_kx12;
    return Err::ok;
}

Err Session::Hs::wait_certificate12()
{
    HandshakeMessage m;
    if (Err e = read_expected(HandshakeType::certificate, m); !ok(e))
        return e;
    bool empty = false;
    if (Err e = receive_certificate12(m, false, empty); !ok(e))
        return e;
    if (!kx12_key_fits(key_info(peer_key).pk, suite->kx))
        return s.fail(Err::certificate_error);
    // RFC 5280 key usage of the server's certificate for this exchange.
    {
        x509::Certificate leaf;
        unsigned usage = 0;
        bool critical = false;
        const unsigned need = kx12_key_usage(suite->kx);
        if (ok(leaf.import_der(Bytes(s.peer_chain_[0]))) && ok(leaf.key_usage(usage, critical)) &&
            (usage & need) == 0 && !prio.flags.debug_allow_key_usage_violations)
            return s.fail(Err::key_usage_violation);
    }
    state = status_ack                          ? State::wait_certificate_status12
            : client_kx.accepts_server_params() ? State::wait_server_kx12
                                                : State::wait_cert_request_or_done12;
    return Err::ok;
}

Err Session::Hs::wait_server_kx12()
{
    HandshakeMessage m;
    if (Err e = read_message(m); !ok(e))
        return e;
    if (m.type != static_cast<std::uint8_t>(HandshakeType::server_key_exchange)) {
        // Only PSK and RSA-PSK may go without (no identity hint).
        if (client_kx.requires_server_params())
            return s.fail(Err::unexpected_handshake_packet);
        state = State::wait_cert_request_or_done12;
        return Err::ok;
    }
    const bool is_signed = kx12_has_certificate(suite->kx) && suite->kx != GNUTLS_KX_RSA_PSK;
    Bytes params, rest;
    if (Err e = client_kx.parse_server_params(m.body, params, rest); !ok(e))
        return s.fail(e);
    if (is_signed) {
        // digitally-signed (RFC 5246 section 4.7; no scheme before TLS 1.2)
        // over client_random + server_random + params.
        Reader r(rest), sr;
        std::uint16_t code = 0;
        if ((!legacy() && !r.u16(code)) || !r.vec16(sr) || !r.empty())
            return s.fail(Err::unexpected_packet_length);
        const Bytes sig = sr.rest();
        std::vector<std::uint8_t> signed_data(client_random, client_random + 32);
        signed_data.insert(signed_data.end(), server_random, server_random + 32);
        signed_data.insert(signed_data.end(), params.begin(), params.end());
        if (legacy()) {
            if (Err e = legacy_verify(Bytes(signed_data), sig); !ok(e))
                return s.fail(Err::pk_sig_verify_failed);
        } else {
            gnutls_sign_algorithm_t scheme = GNUTLS_SIGN_UNKNOWN;
            if (Err e = check_peer_scheme(code, prio.sigs, key_info(peer_key), false, scheme); !ok(e))
                return s.fail(Err::received_illegal_parameter);
            if (Err e = peer_key.verify_data(scheme, Bytes(signed_data), sig); !ok(e)) {
                TLSHIM_DEBUG("tlshim: ServerKeyExchange signature did not verify (%d)\n", static_cast<int>(e));
                return s.fail(Err::pk_sig_verify_failed);
            }
            peer_scheme = scheme;
        }
    } else if (!rest.empty()) {
        return s.fail(Err::unexpected_packet_length);
    }
    consume(m);
    state = State::wait_cert_request_or_done12;
    return Err::ok;
}

Err Session::Hs::wait_cert_request_or_done12()
{
    HandshakeMessage m;
    if (Err e = read_message(m); !ok(e))
        return e;
    if (m.type == static_cast<std::uint8_t>(HandshakeType::certificate_request) && !cert_request_received &&
        kx12_has_certificate(suite->kx)) {
        CertificateRequest12 cr;
        if (Err e = parse(m.body, cr, !legacy()); !ok(e))
            return s.fail(e);
        // Before TLS 1.2 the key type decides (SHA-1 based signatures).
        static const std::uint8_t sha1_schemes[4] = {0x02, 0x01, 0x02, 0x03};
        const Bytes wire = legacy() ? Bytes(sha1_schemes, 4) : cr.signature_algorithms.wire();
        peer_cert_schemes.assign(wire.begin(), wire.end());
        ca_names.clear();
        for (Bytes n : cr.authority_names)
            ca_names.emplace_back(n.begin(), n.end());
        cert_request_received = true;
        consume(m);
        return Err::ok;
    }
    if (Err e = expect(m, HandshakeType::server_hello_done); !ok(e))
        return e;
    if (Err e = parse_empty_message(m.body); !ok(e))
        return s.fail(e);
    consume(m);
    if (kx12_has_certificate(suite->kx))
        if (Err e = s.verify_peer(); !ok(e))
            return s.fail(e);
    state = State::send_client_flight12;
    return Err::ok;
}

Err Session::Hs::send_client_flight12()
{
    if (flight_step == 0) {
        if (cert_request_received) {
            CertQuery q;
            q.tls13 = false;
            const U16List schemes{Bytes(peer_cert_schemes)};
            q.peer_schemes = schemes;
            for (const std::vector<std::uint8_t> &n : ca_names)
                q.issuers.push_back(Bytes(n));
            if (Err e = pick_certificate(q, schemes, our_cert, our_scheme, have_our_cert); !ok(e))
                return e;
            if (Err e = queue_certificate12(have_our_cert ? &our_cert : nullptr); !ok(e))
                return e;
        }
        std::vector<std::uint8_t> msg;
        if (Err e = kx_client_write(msg); !ok(e))
            return s.fail(e);
        if (Err e = queue(std::move(msg)); !ok(e))
            return e;
        if (Err e = derive_master12(Bytes(premaster)); !ok(e))
            return e;
        if (have_our_cert) {
            // CertificateVerify signs every handshake message so far
            // (RFC 5246 section 7.4.8).
            std::vector<std::uint8_t> sig;
            Err se = legacy() ? legacy_sign(our_cert, Bytes(messages12), sig)
                              : our_cert.signer->sign_data(our_scheme, 0, Bytes(messages12), sig);
            if (!ok(se))
                return s.fail(se);
            const algo::Sign *row = algo::sign(our_scheme);
            CertificateVerify cv;
            cv.has_scheme = !legacy();
            cv.scheme = row != nullptr ? row->tls_id : 0;
            cv.signature = Bytes(sig);
            std::vector<std::uint8_t> cvmsg;
            Writer cw(cvmsg);
            if (!write_message(HandshakeType::certificate_verify, cv, cw) || !cw.ok())
                return s.fail(Err::internal);
            if (Err e = queue(std::move(cvmsg)); !ok(e))
                return e;
        }
        flight_step = kFlightCcs;
    }
    if (Err e = end_flight12(); !ok(e))
        return e;
    state = State::wait_ticket_or_ccs12;
    return Err::ok;
}

Err Session::Hs::wait_ticket_or_ccs12()
{
    expect_ccs = true;
    HandshakeMessage m;
    if (Err e = read_message(m); !ok(e))
        return e;
    if (m.type == static_cast<std::uint8_t>(HandshakeType::new_session_ticket) && !ccs_received &&
        ticket_expected) {
        NewSessionTicket12 t;
        if (Err e = parse(m.body, t); !ok(e))
            return s.fail(e);
        ticket12.assign(t.ticket.begin(), t.ticket.end());
        ticket12_lifetime = t.lifetime_hint;
        ticket_expected = false;
        consume(m);
        return Err::ok;
    }
    if (!ccs_received)
        return s.fail(Err::unexpected_handshake_packet);
    if (Err e = expect(m, HandshakeType::finished); !ok(e))
        return e;
    if (Err e = check_finished12(m); !ok(e))
        return e;
    state = resumed ? State::send_client_finished12 : State::done;
    return Err::ok;
}

}  // namespace tlshim::tls
