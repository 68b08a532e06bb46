// SPDX-License-Identifier: LGPL-2.1-or-later
// TLS 1.3 handshake: the parts both sides share (I/O, keys, Certificate,
// CertificateVerify, Finished) and the driver loop.  The client states are
// in client13.cc, the server states in server13.cc.
#include "core/tls/handshake.hh"

#include <algorithm>
#include <cstring>

#include "core/log.hh"
#include "core/tls/prf12.hh"
#include "core/tls/sig-scheme.hh"
#include "core/x509/certificate.hh"
#include "core/x509/key.hh"

namespace tlshim::tls {

namespace {

void copy_secret(Secret &dst, const Secret &src) noexcept
{
    dst.resize(src.size());
    std::memcpy(dst.data(), src.data(), src.size());
}

}  // namespace

Session::Hs::Hs(Session &sess)
    : s(sess), prio(*sess.priority()), state(sess.server() ? State::wait_client_hello : State::client_start),
      server(sess.server())
{
    in.set_max_message(128 * 1024);
    compat = !prio.flags.disable_tls13_compat_mode;
    if (server)
        s.set_record_version(kTls12);
    else {
        s.peer_ocsp_.clear();
        s.peer_ocsp_checked_ = false;
    }
}

Session::Hs::~Hs() = default;

Err Session::Hs::run()
{
    for (;;) {
        Err e = Err::ok;
        switch (state) {
        case State::client_start: e = client_start(); break;
        case State::client_send_hello: e = client_send_hello(); break;
        case State::wait_server_hello: e = wait_server_hello(); break;
        case State::wait_encrypted_extensions: e = wait_encrypted_extensions(); break;
        case State::wait_cert_or_request: e = wait_cert_or_request(); break;
        case State::wait_certificate: e = wait_certificate(); break;
        case State::wait_certificate_verify: e = wait_certificate_verify(); break;
        case State::wait_finished: e = wait_finished(); break;
        case State::send_client_flight: e = send_client_flight(); break;
        case State::client_flight_sent:
            e = emit();
            if (ok(e))
                state = State::done;
            break;
        case State::wait_client_hello: e = wait_client_hello(); break;
        case State::send_retry: e = send_retry(); break;
        case State::send_server_flight: e = send_server_flight(); break;
        case State::server_flight_sent:
            e = emit();
            if (ok(e))
                state = client_cert_requested ? State::wait_client_certificate : State::wait_client_finished;
            break;
        case State::wait_client_certificate: e = wait_client_certificate(); break;
        case State::wait_client_finished: e = wait_client_finished(); break;
        case State::send_tickets: e = send_tickets(); break;
        case State::wait_certificate12: e = wait_certificate12(); break;
        case State::wait_certificate_status12: e = wait_certificate_status12(); break;
        case State::wait_server_kx12: e = wait_server_kx12(); break;
        case State::wait_cert_request_or_done12: e = wait_cert_request_or_done12(); break;
        case State::send_client_flight12: e = send_client_flight12(); break;
        case State::wait_ticket_or_ccs12: e = wait_ticket_or_ccs12(); break;
        case State::send_client_finished12: e = send_finished12_flight(); break;
        case State::send_server_flight12: e = send_server_flight12(); break;
        case State::wait_client_certificate12: e = wait_client_certificate12(); break;
        case State::wait_client_kx12: e = wait_client_kx12(); break;
        case State::wait_certificate_verify12: e = wait_certificate_verify12(); break;
        case State::wait_client_ccs12: e = wait_client_ccs12(); break;
        case State::send_server_finished12: e = send_finished12_flight(); break;
        case State::done: return Err::ok;
        }
        if (!ok(e))
            return e;
    }
}

// ---- I/O --------------------------------------------------------------------

Err Session::Hs::read_message(HandshakeMessage &msg)
{
    // Application data kept by an earlier call must be read first.
    if (s.pending() > 0)
        return Err::got_application_data;
    for (;;) {
        if (in.next(msg)) {
            // A HelloRequest in the middle of a handshake means nothing
            // (RFC 5246 section 7.4.1.1) and is not part of the transcript.
            if (!server && tls12() && msg.type == static_cast<std::uint8_t>(HandshakeType::hello_request)) {
                if (renegotiation)
                    return s.fail(Err::unexpected_handshake_packet);
                in.pop();
                continue;
            }
            // The application's hook sees each incoming message once before
            // it is processed (a state may leave a message for the next).
            if (msg.raw.data() != pre_hooked) {
                pre_hooked = msg.raw.data();
                if (Err e = s.hook(HookPoint{msg.type, false, true}, msg.body); !ok(e))
                    return s.fail(e);
            }
            return Err::ok;
        }
        ContentType type;
        MutableBytes plain;
        Err e = read_bounded(type, plain);
        if (!ok(e))
            return e;
        switch (type) {
        case ContentType::handshake: {
            Err a = in.add(plain);
            s.release_record();
            if (!ok(a))
                return s.fail(a);
            continue;
        }
        case ContentType::change_cipher_spec: {
            if (tls12()) {
                // RFC 5246 section 7.1: one byte 0x01, where the state
                // expects it and between whole messages; the peer's new
                // keys take over.
                const bool good = plain.size() == 1 && plain[0] == 1 && expect_ccs && !ccs_received && in.empty() &&
                                  pending_read != nullptr;
                s.release_record();
                if (!good)
                    return s.fail(Err::unexpected_packet);
                s.set_read_keys(std::move(pending_read));
                ccs_received = true;
                expect_ccs = false;
                continue;
            }
            // RFC 8446 section 5: one byte 0x01, unprotected, at most once,
            // and only in the middle of the handshake.
            const bool good = plain.size() == 1 && plain[0] == 1 && !ccs_received;
            s.release_record();
            if (!good)
                return s.fail(Err::unexpected_packet);
            ccs_received = true;
            continue;
        }
        case ContentType::alert:  // close_notify in the middle of a handshake
            s.release_record();
            return s.fail(Err::unexpected_packet);
        case ContentType::application_data:
            // A renegotiation runs under the old keys, and the peer may
            // still send data until its ChangeCipherSpec (RFC 5246 section
            // 7.4.1.1): it is kept for gnutls_record_recv and the handshake
            // returns GNUTLS_E_GOT_APPLICATION_DATA, to be called again.
            if (renegotiation && !ccs_received) {
                if (plain.empty()) {
                    s.release_record();
                    continue;
                }
                s.keep_application_data(plain);
                return Err::got_application_data;
            }
            s.release_record();
            return s.fail(Err::unexpected_packet);
        default:
            s.release_record();
            return s.fail(Err::unexpected_packet);
        }
    }
}

Err Session::Hs::read_bounded(ContentType &type, MutableBytes &plain)
{
    // gnutls_handshake_set_timeout bounds the whole handshake.  A blocking
    // session waits for the transport at most for the time left (when the
    // transport can wait: the descriptor, or a pull_timeout function); a
    // non-blocking one is only checked between calls.
    const unsigned limit = s.options().handshake_timeout_ms;
    if (limit == 0 || limit == GNUTLS_INDEFINITE_TIMEOUT)
        return s.read_record(type, plain);
    using namespace std::chrono;
    const auto spent = duration_cast<milliseconds>(steady_clock::now() - started).count();
    if (spent >= static_cast<long long>(limit))
        return s.fail(Err::timed_out);
    const Transport &t = s.transport();
    const bool can_wait = (s.flags() & GNUTLS_NONBLOCK) == 0 && (t.pull_fn == nullptr || t.pull_timeout_fn != nullptr);
    if (!can_wait)
        return s.read_record(type, plain);
    const unsigned saved = s.read_timeout();
    const unsigned left = static_cast<unsigned>(limit - spent);
    s.set_read_timeout(saved != 0 && saved < left ? saved : left);
    Err e = s.read_record(type, plain);
    s.set_read_timeout(saved);
    if (e == Err::timed_out)
        return s.fail(e);
    return e;
}

void Session::Hs::consume(const HandshakeMessage &msg)
{
    transcript.add(msg.raw);
    messages12.insert(messages12.end(), msg.raw.begin(), msg.raw.end());
    s.last_in_ = msg.type;
    (void)s.hook(HookPoint{msg.type, true, true}, msg.body);
    pre_hooked = nullptr;
    in.pop();
}

Err Session::Hs::read_expected(HandshakeType t, HandshakeMessage &m)
{
    if (Err e = read_message(m); !ok(e))
        return e;
    return expect(m, t);
}

Err Session::Hs::expect(const HandshakeMessage &m, HandshakeType t) const
{
    if (m.type != static_cast<std::uint8_t>(t))
        return s.fail(Err::unexpected_handshake_packet);
    return Err::ok;
}

Err Session::Hs::queue(std::vector<std::uint8_t> &&msg)
{
    if (msg.size() < kHandshakeHeaderSize)
        return Err::internal;
    const std::uint8_t type = msg[0];
    const Bytes body = Bytes(msg).subspan(kHandshakeHeaderSize);
    if (Err e = s.hook(HookPoint{type, false, false}, body); !ok(e))
        return s.fail(e);
    transcript.add(Bytes(msg));
    messages12.insert(messages12.end(), msg.begin(), msg.end());
    out.insert(out.end(), msg.begin(), msg.end());
    s.last_out_ = type;
    if (Err e = s.hook(HookPoint{type, true, false}, body); !ok(e))
        return s.fail(e);
    return Err::ok;
}

Err Session::seal_handshake(Bytes msgs, std::size_t &pos)
{
    while (pos < msgs.size()) {
        const std::size_t n = std::min(msgs.size() - pos, max_send());
        if (Err e = queue_record(ContentType::handshake, msgs.subspan(pos, n)); !ok(e))
            return e;
        pos += n;
    }
    return Err::ok;
}

Err Session::Hs::seal_out()
{
    if (Err e = s.seal_handshake(Bytes(out), out_pos); !ok(e))
        return e;
    out.clear();
    out_pos = 0;
    return Err::ok;
}

Err Session::Hs::emit()
{
    if (Err e = seal_out(); !ok(e))
        return e;
    return s.flush();
}

Err Session::Hs::send_ccs()
{
    if (!compat || ccs_sent)
        return Err::ok;
    // Everything written before goes first, under the same (null) keys.
    if (Err e = seal_out(); !ok(e))
        return e;
    static const std::uint8_t one = 1;
    if (Err e = s.queue_record(ContentType::change_cipher_spec, Bytes(&one, 1)); !ok(e))
        return e;
    ccs_sent = true;
    return Err::ok;
}

// ---- keys -------------------------------------------------------------------

gnutls_protocol_t Session::protocol_version() const noexcept
{
    if (hs_ && hs_->suite != nullptr) {
        if (hs_->version12 != 0)
            return static_cast<gnutls_protocol_t>(hs_->version_id12());
        if (hs_->suite->min_tls == GNUTLS_TLS1_3)
            return GNUTLS_TLS1_3;
    }
    return negotiated_.version;
}

Err Session::Hs::transcript_hash(std::uint8_t *buf, std::size_t &len) const
{
    len = transcript.size();
    return transcript.current(buf);
}

static Err make_protection(const algo::CipherSuite &suite, const Secret &secret, std::unique_ptr<Protection> &p)
{
    const algo::Cipher *c = algo::cipher(suite.cipher);
    if (c == nullptr)
        return Err::internal;
    SecretBytes key, iv;
    if (Err e = traffic_key_iv(suite.prf, secret.span(), c->key_size, c->iv_size, key, iv); !ok(e))
        return e;
    return Tls13Aead::create(suite.cipher, key, iv, p);
}

Err Session::Hs::install_read(const Secret &secret)
{
    // A message may not straddle a key change (RFC 8446 section 5.1).
    if (!in.empty())
        return s.fail(Err::unexpected_packet);
    std::unique_ptr<Protection> p;
    if (Err e = make_protection(*suite, secret, p); !ok(e))
        return s.fail(e);
    s.set_read_keys(std::move(p));
    return Err::ok;
}

Err Session::Hs::install_write(const Secret &secret)
{
    std::unique_ptr<Protection> p;
    if (Err e = make_protection(*suite, secret, p); !ok(e))
        return s.fail(e);
    s.set_write_keys(std::move(p));
    return Err::ok;
}

Err Session::Hs::derive_handshake_secrets(Bytes shared)
{
    std::uint8_t th[kMaxHashSize];
    std::size_t len = 0;
    if (Err e = ks.early(Bytes(psk)); !ok(e))
        return s.fail(e);
    if (Err e = ks.handshake(shared); !ok(e))
        return s.fail(e);
    if (Err e = transcript_hash(th, len); !ok(e))
        return s.fail(e);
    if (Err e = ks.derive("c hs traffic", Bytes(th, len), client_hs); !ok(e))
        return s.fail(e);
    if (Err e = ks.derive("s hs traffic", Bytes(th, len), server_hs); !ok(e))
        return s.fail(e);
    (void)s.keylog("CLIENT_HANDSHAKE_TRAFFIC_SECRET", client_hs.span());
    (void)s.keylog("SERVER_HANDSHAKE_TRAFFIC_SECRET", server_hs.span());
    return Err::ok;
}

Err Session::Hs::derive_application_secrets()
{
    std::uint8_t th[kMaxHashSize];
    std::size_t len = 0;
    Secrets13 &k = s.secrets13_;
    if (Err e = ks.master(); !ok(e))
        return s.fail(e);
    if (Err e = transcript_hash(th, len); !ok(e))
        return s.fail(e);
    if (Err e = ks.derive("c ap traffic", Bytes(th, len), k.client_ap); !ok(e))
        return s.fail(e);
    if (Err e = ks.derive("s ap traffic", Bytes(th, len), k.server_ap); !ok(e))
        return s.fail(e);
    if (Err e = ks.derive("exp master", Bytes(th, len), k.exporter); !ok(e))
        return s.fail(e);
    k.prf = suite->prf;
    k.suite = suite->code_point();
    return Err::ok;
}

std::uint16_t Session::Hs::our_record_limit() const noexcept
{
    // TLS 1.3 counts the content type byte: a full record is 2^14 + 1.
    const std::size_t want = s.options().max_record_request;
    if (want == 0 || want >= kMaxPlaintext)
        return static_cast<std::uint16_t>(kMaxPlaintext + 1);
    return static_cast<std::uint16_t>(want + 1);
}

void Session::Hs::log_application_secrets()
{
    const Secrets13 &k = s.secrets13_;
    (void)s.keylog("EXPORTER_SECRET", k.exporter.span());
    (void)s.keylog("CLIENT_TRAFFIC_SECRET_0", k.client_ap.span());
    (void)s.keylog("SERVER_TRAFFIC_SECRET_0", k.server_ap.span());
}

// ---- Certificate, CertificateVerify, Finished --------------------------------

Err Session::Hs::pick_certificate(const CertQuery &q, U16List peer, CertCandidate &chosen,
                                    gnutls_sign_algorithm_t &scheme, bool &found)
{
    if (Err e = s.choose_certificate(q, peer, chosen, scheme, found); !ok(e))
        return s.fail(e);
    return Err::ok;
}

bool Session::names_match(const CertCandidate &c, std::string_view name)
{
    if (name.empty())
        return false;
    for (const std::string &n : c.names)
        if (n.size() == name.size() && std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) {
                return algo::ascii_lower(a) == algo::ascii_lower(b);
            }))
            return true;
    return false;
}

Err Session::choose_certificate(const CertQuery &q, U16List peer, CertCandidate &chosen,
                                gnutls_sign_algorithm_t &scheme, bool &found)
{
    found = false;
    std::vector<CertCandidate> cands;
    if (Err e = certificate_candidates(q, cands); !ok(e))
        return e;
    // Prefer a key whose names match the requested server name, then any.
    for (int pass = 0; pass < 2 && !found; pass++) {
        for (CertCandidate &c : cands) {
            if (c.chain.empty() || c.signer == nullptr)
                continue;
            if (pass == 0 && !names_match(c, q.server_name))
                continue;
            x509::Certificate leaf;
            Bytes spki;
            x509::PublicKey pub;
            if (!ok(leaf.import_der(c.chain[0])) || !ok(leaf.spki_raw(spki)) || !ok(pub.import_spki(spki)))
                continue;
            const gnutls_sign_algorithm_t sc = choose_scheme(priority_->sigs, peer, key_info(pub), q.tls13);
            if (sc == GNUTLS_SIGN_UNKNOWN)
                continue;
            chosen = std::move(c);
            scheme = sc;
            found = true;
            break;
        }
    }
    return Err::ok;
}

Err Session::Hs::send_certificate(const CertCandidate *cand, Bytes context)
{
    Certificate13 m;
    m.context = context;
    std::vector<std::uint8_t> status;  // the leaf's status_request extension (RFC 8446 section 4.4.2.1)
    if (cand != nullptr) {
        for (std::size_t i = 0; i < cand->chain.size(); i++) {
            CertificateEntry e;
            e.data = cand->chain[i];
            if (i == 0 && server && status_ack && status_type == 1) {
                Writer sw(status);
                ExtensionWriter x(sw);
                write_certificate_status(Bytes(ocsp_response), x.begin(ExtensionType::status_request));
                x.end();
                if (!x.finish() || status.size() < 2)
                    return s.fail(Err::internal);
                e.extensions = Bytes(status).subspan(2);
            }
            m.entries.push_back(e);
        }
    }
    std::vector<std::uint8_t> msg;
    Writer w(msg);
    if (!write_message(HandshakeType::certificate, m, w) || !w.ok())
        return s.fail(Err::internal);
    return queue(std::move(msg));
}

Err Session::Hs::send_certificate_verify(const CertCandidate &cand, gnutls_sign_algorithm_t scheme)
{
    std::uint8_t th[kMaxHashSize];
    std::size_t len = 0;
    if (Err e = transcript_hash(th, len); !ok(e))
        return s.fail(e);
    const std::vector<std::uint8_t> content = certificate_verify_content13(server, Bytes(th, len));
    std::vector<std::uint8_t> sig;
    if (Err e = cand.signer->sign_data(scheme, 0, Bytes(content), sig); !ok(e))
        return s.fail(e);
    const algo::Sign *row = algo::sign(scheme);
    CertificateVerify cv;
    cv.scheme = row != nullptr ? row->tls_id : 0;
    cv.signature = Bytes(sig);
    std::vector<std::uint8_t> msg;
    Writer w(msg);
    if (!write_message(HandshakeType::certificate_verify, cv, w) || !w.ok())
        return s.fail(Err::internal);
    return queue(std::move(msg));
}

Err Session::Hs::send_finished()
{
    std::uint8_t th[kMaxHashSize], vd[kMaxHashSize];
    std::size_t len = 0;
    if (Err e = transcript_hash(th, len); !ok(e))
        return s.fail(e);
    const Secret &base = server ? server_hs : client_hs;
    if (Err e = finished_verify_data(suite->prf, base.span(), Bytes(th, len), vd); !ok(e))
        return s.fail(e);
    Finished fin;
    fin.verify_data = Bytes(vd, len);
    std::vector<std::uint8_t> msg;
    Writer w(msg);
    if (!write_message(HandshakeType::finished, fin, w) || !w.ok())
        return s.fail(Err::internal);
    return queue(std::move(msg));
}

Err Session::Hs::receive_certificate(const HandshakeMessage &m, Bytes context, bool allow_empty, bool &empty)
{
    Certificate13 cert;
    if (Err e = parse(m.body, cert); !ok(e))
        return s.fail(e);
    // The server's context is empty; a client echoes the request's.
    if (!std::equal(cert.context.begin(), cert.context.end(), context.begin(), context.end()))
        return s.fail(Err::received_illegal_parameter);
    for (const CertificateEntry &e : cert.entries)
        if (Err x = e.ext.check_permitted_tls13(HandshakeType::certificate); !ok(x))
            return s.fail(x);
    // A server's OCSP response for its leaf, if we asked for one.
    if (!server && !cert.entries.empty())
        if (const Extension *st = cert.entries[0].ext.find(ExtensionType::status_request)) {
            if (!status_sent)
                return s.fail(Err::received_illegal_extension);
            if (Err x = receive_certificate_status(st->body); !ok(x))
                return x;
        }
    empty = cert.entries.empty();
    if (empty) {
        if (!allow_empty)
            return s.fail(server ? Err::certificate_required : Err::no_certificate_found);
        s.peer_chain_.clear();
        consume(m);
        return Err::ok;
    }
    std::vector<std::vector<std::uint8_t>> chain;
    for (const CertificateEntry &e : cert.entries)
        chain.emplace_back(e.data.begin(), e.data.end());
    x509::Certificate leaf;
    Bytes spki;
    if (!ok(leaf.import_der(Bytes(chain[0]))) || !ok(leaf.spki_raw(spki)))
        return s.fail(Err::certificate_error);
    if (Err e = peer_key.import_spki(spki); !ok(e))
        return s.fail(Err::certificate_error);
    s.peer_chain_ = std::move(chain);
    consume(m);
    return Err::ok;
}

Err Session::Hs::receive_certificate_verify(const HandshakeMessage &m)
{
    CertificateVerify cv;
    if (Err e = parse(m.body, cv, true); !ok(e))
        return s.fail(e);
    gnutls_sign_algorithm_t scheme = GNUTLS_SIGN_UNKNOWN;
    if (Err e = check_peer_scheme(cv.scheme, prio.sigs, key_info(peer_key), true, scheme); !ok(e))
        return s.fail(Err::received_illegal_parameter);
    std::uint8_t th[kMaxHashSize];
    std::size_t len = 0;
    if (Err e = transcript_hash(th, len); !ok(e))
        return s.fail(e);
    const std::vector<std::uint8_t> content = certificate_verify_content13(!server, Bytes(th, len));
    if (Err e = peer_key.verify_data(scheme, Bytes(content), cv.signature); !ok(e)) {
        TLSHIM_DEBUG("tlshim: CertificateVerify did not verify (%d)\n", static_cast<int>(e));
        return s.fail(Err::pk_sig_verify_failed);
    }
    consume(m);
    peer_scheme = scheme;
    peer_authenticated = true;
    if (Err e = s.verify_peer(); !ok(e))
        return s.fail(e);
    return Err::ok;
}

Err Session::Hs::receive_finished(const HandshakeMessage &m)
{
    std::uint8_t th[kMaxHashSize], vd[kMaxHashSize];
    std::size_t len = 0;
    if (Err e = transcript_hash(th, len); !ok(e))
        return s.fail(e);
    Finished fin;
    if (Err e = parse(m.body, fin, len); !ok(e))
        return s.fail(e);
    const Secret &base = server ? client_hs : server_hs;
    if (Err e = finished_verify_data(suite->prf, base.span(), Bytes(th, len), vd); !ok(e))
        return s.fail(e);
    if (fin.verify_data.size() != len || ct_memcmp(vd, fin.verify_data.data(), len) != 0)
        return s.fail(Err::error_in_finished);
    consume(m);
    return Err::ok;
}

void Session::Hs::finish()
{
    Negotiated &n = s.negotiated_;
    if (tls12()) {
        finish12();
        return;
    }
    n.version = GNUTLS_TLS1_3;
    n.cipher = suite->cipher;
    n.mac = GNUTLS_MAC_AEAD;
    const algo::Group *g = psk_ke ? nullptr : algo::group(group);
    const bool ffdhe = g != nullptr && g->kind == algo::GroupKind::ffdhe;
    if (psk_external || psk_session) {
        // Named as GnuTLS names them: by the mode and the group's kind
        // (a resumption of a PSK session too).
        n.kx = g == nullptr ? GNUTLS_KX_PSK : ffdhe ? GNUTLS_KX_DHE_PSK : GNUTLS_KX_ECDHE_PSK;
        n.psk_identity = ext_identity;
    } else {
        n.kx = ffdhe ? GNUTLS_KX_DHE_RSA : GNUTLS_KX_ECDHE_RSA;
    }
    n.group = psk_ke ? GNUTLS_GROUP_INVALID : group;
    n.server_sign = server ? our_scheme : peer_scheme;
    n.client_sign = server ? peer_scheme : (have_our_cert ? our_scheme : GNUTLS_SIGN_UNKNOWN);
    std::memcpy(n.client_random, client_random, 32);
    std::memcpy(n.server_random, server_random, 32);
    n.session_id = session_id;
    n.resumed = resumed;
    s.our_cert_index_ = have_our_cert ? our_cert.index : -1;
    s.cert_requested_ = cert_request_received;
    s.set_plain_ccs(false);
    s.hs_transcript_ = transcript;
    apply_fragment_limit();
}

// ---- PSK resumption ---------------------------------------------------------------

Err Session::Hs::compute_binder(gnutls_mac_algorithm_t prf, bool external, Bytes key, Bytes prefix,
                                  std::uint8_t *out, std::size_t &len)
{
    // binder_key = Derive-Secret(Early Secret(psk), "ext binder" or
    // "res binder", ""), and the binder is a Finished computed with it over
    // the transcript up to and including the truncated ClientHello.
    KeySchedule13 early;
    if (Err e = early.init(prf); !ok(e))
        return e;
    if (Err e = early.early(key); !ok(e))
        return e;
    crypto::Hash h;
    if (Err e = h.init(static_cast<gnutls_digest_algorithm_t>(prf)); !ok(e))
        return e;
    std::uint8_t empty[kMaxHashSize], th[kMaxHashSize];
    len = h.size();
    h.digest(empty);
    Secret binder_key;
    if (Err e = early.derive(external ? "ext binder" : "res binder", Bytes(empty, len), binder_key); !ok(e))
        return e;
    if (transcript.has_hash()) {
        if (Err e = transcript.current_with(prefix, th); !ok(e))
            return e;
    } else {
        h.update(prefix);
        h.digest(th);
    }
    return finished_verify_data(prf, binder_key.span(), Bytes(th, len), out);
}

std::vector<std::uint8_t> psk_modes_offered(const Priority &prio)
{
    std::vector<std::uint8_t> modes;
    for (unsigned k : prio.psk_kx) {
        const std::uint8_t m = k == GNUTLS_KX_PSK ? 0 : 1;
        if (std::find(modes.begin(), modes.end(), m) == modes.end())
            modes.push_back(m);
    }
    if (modes.empty())
        modes = {1, 0};
    return modes;
}

bool psk_mode_allowed(const Priority &prio, std::uint8_t mode)
{
    if (prio.psk_kx.empty())
        return mode == 1;
    for (unsigned k : prio.psk_kx)
        if ((k == GNUTLS_KX_PSK ? 0 : 1) == mode)
            return true;
    return false;
}

// ---- Session entry points ------------------------------------------------------

static void copy_into(Secret &dst, const Secret &src) noexcept
{
    copy_secret(dst, src);
}

Err Session::export_keying_material(std::string_view label, Bytes context, MutableBytes out,
                                    bool context_given) const
{
    // RFC 8446 section 7.5: HKDF-Expand-Label(Derive-Secret(exporter, label, ""),
    // "exporter", Hash(context), length).
    if (!handshake_done_)
        return Err::invalid_request;
    if (negotiated_.version != GNUTLS_TLS1_3) {
        // RFC 5705 over the TLS 1.2 PRF (the context, when given, goes in
        // with its length).
        const Secrets12 &k = secrets12_;
        return export12(k.prf, k.master.span(), label, Bytes(negotiated_.client_random, 32),
                        Bytes(negotiated_.server_random, 32), context_given ? &context : nullptr, out);
    }
    const Secrets13 &k = secrets13_;
    crypto::Hash h;
    if (Err e = h.init(static_cast<gnutls_digest_algorithm_t>(k.prf)); !ok(e))
        return e;
    std::uint8_t empty_hash[kMaxHashSize], ctx_hash[kMaxHashSize];
    h.digest(empty_hash);
    h.update(context);
    h.digest(ctx_hash);
    Secret derived;
    if (Err e = derive_secret(k.prf, k.exporter.span(), label, Bytes(empty_hash, h.size()), derived); !ok(e))
        return e;
    return expand_label(k.prf, derived.span(), "exporter", Bytes(ctx_hash, h.size()), out);
}

Err Session::set_ticket_key(Bytes key)
{
    if (key.size() != kTicketKeySize)
        return Err::invalid_request;
    ticket_key_.assign(key.begin(), key.end());
    return Err::ok;
}

bool Session::tickets_enabled() const noexcept
{
    return (flags_ & GNUTLS_NO_TICKETS) == 0 && (priority_ == nullptr || !priority_->flags.no_tickets);
}

Err Session::session_data(std::vector<std::uint8_t> &out) const
{
    return encode_session_data(ticket_, out);
}

Err Session::set_session_data(Bytes blob)
{
    ClientTicket t;
    if (Err e = decode_session_data(blob, t); !ok(e))
        return e;
    offer_ = std::move(t);
    return Err::ok;
}

Err Session::handshake()
{
    if (Err f = failure(); !ok(f))
        return Err::invalid_session;
    if (handshake_done_ && !hs_ && negotiated_.version == GNUTLS_TLS1_3) {
        // TLS 1.3 has no renegotiation: on a server this is a no-op (after
        // gnutls_rehandshake's key update, say); a client updates its keys
        // and asks the server to do the same.
        if (key_update_pending_)
            return key_update(false);
        if (server())
            return Err::ok;
        return key_update(true);
    }
    if (!hs_) {
        if (priority_ == nullptr)
            return Err::no_priorities_were_set;
        if (priority_->max_tls() == GNUTLS_VERSION_UNKNOWN)
            return Err::unimplemented;  // DTLS is not built yet
        const bool reneg = handshake_done_;
        hs_ = std::make_unique<Hs>(*this);
        hs_->renegotiation = reneg;
        if (reneg) {
            // A ClientHello that gnutls_record_recv announced is the start.
            hs_->in = std::move(post_in_);
            post_in_.clear();
            hello_pending_ = false;
        } else {
            set_plain_ccs(true);
        }
    }
    Err e = hs_->run();
    if (!ok(e)) {
        if (e == Err::got_application_data)
            return e;  // read it with gnutls_record_recv, then call again
        if (e == Err::warning_alert_received) {
            // The peer declined to renegotiate (no_renegotiation): back to
            // the established session.  Other warnings are reported and the
            // handshake goes on with the next call.
            if (hs_->renegotiation && last_alert() == GNUTLS_A_NO_RENEGOTIATION && !hs_->ccs_sent)
                hs_.reset();
            else if (!hs_->renegotiation && last_alert() == GNUTLS_A_NO_RENEGOTIATION && hs_->tls12()) {
                hs_.reset();
                return fail(Err::unexpected_packet);
            }
            return e;
        }
        if (e != Err::again && e != Err::interrupted) {
            hs_.reset();
            return fail(e);
        }
        return e;
    }
    hs_->finish();
    hs_.reset();
    handshake_done_ = true;
    return Err::ok;
}

Err Session::update_traffic_keys(bool ours)
{
    // application_traffic_secret_N+1 (RFC 8446 section 7.2) and its keys.
    Secrets13 &k = secrets13_;
    Secret &secret = (ours == server()) ? k.server_ap : k.client_ap;
    Secret next;
    if (Err e = next_traffic_secret(k.prf, secret, next); !ok(e))
        return e;
    copy_into(secret, next);
    const algo::CipherSuite *suite = algo::suite_by_code(k.suite);
    if (suite == nullptr)
        return Err::internal;
    std::unique_ptr<Protection> p;
    if (Err e = make_protection(*suite, secret, p); !ok(e))
        return e;
    if (ours)
        set_write_keys(std::move(p));
    else
        set_read_keys(std::move(p));
    return Err::ok;
}

Err Session::key_update(bool ask_peer)
{
    if (!handshake_done_ || negotiated_.version != GNUTLS_TLS1_3)
        return Err::invalid_request;
    if (key_update_pending_) {
        Err e = flush();
        if (ok(e))
            key_update_pending_ = false;
        return e;
    }
    std::uint8_t msg[5] = {static_cast<std::uint8_t>(HandshakeType::key_update), 0, 0, 1,
                           static_cast<std::uint8_t>(ask_peer ? 1 : 0)};
    const HookPoint pre{static_cast<unsigned>(HandshakeType::key_update), false, false};
    if (Err e = hook(pre, Bytes(msg + 4, 1)); !ok(e))
        return e;
    if (Err e = queue_record(ContentType::handshake, Bytes(msg, 5)); !ok(e))
        return e;
    (void)hook(HookPoint{pre.htype, true, false}, Bytes(msg + 4, 1));
    if (Err e = update_traffic_keys(true); !ok(e))
        return fail(e);
    Err e = flush();
    if (e == Err::again || e == Err::interrupted)
        key_update_pending_ = true;
    return e;
}

Err Session::before_send()
{
    if (key_update_pending_)
        return key_update(false);  // finishing one that met EAGAIN
    if (!key_update_owed_)
        return Err::ok;
    key_update_owed_ = false;
    Err e = key_update(false);
    return e;
}

Err Session::rehandshake()
{
    if (!server())
        return Err::invalid_request;
    if (handshake_done_ && negotiated_.version == GNUTLS_TLS1_3)
        return key_update(true);
    if (!handshake_done_ || hs_)
        return Err::invalid_request;
    // TLS 1.2: a HelloRequest under the current keys (RFC 5246 section
    // 7.4.1.1); resumable after AGAIN without sending a second one.
    if (!hello_request_queued_) {
        static const std::uint8_t msg[4] = {static_cast<std::uint8_t>(HandshakeType::hello_request), 0, 0, 0};
        const HookPoint pre{static_cast<unsigned>(HandshakeType::hello_request), false, false};
        if (Err e = hook(pre, Bytes()); !ok(e))
            return e;
        if (Err e = queue_record(ContentType::handshake, Bytes(msg, 4)); !ok(e))
            return e;
        (void)hook(HookPoint{pre.htype, true, false}, Bytes());
        last_out_ = GNUTLS_HANDSHAKE_HELLO_REQUEST;
        hello_request_queued_ = true;
    }
    Err e = flush();
    if (ok(e))
        hello_request_queued_ = false;
    return e;
}

Err Session::post_handshake(Bytes fragment)
{
    if (handshake_done_ && negotiated_.version != GNUTLS_TLS1_3 && negotiated_.version != GNUTLS_VERSION_UNKNOWN)
        return post_handshake12(fragment);
    if (!handshake_done_ || negotiated_.version != GNUTLS_TLS1_3)
        return fail(Err::unexpected_packet);
    if (Err e = post_in_.add(fragment); !ok(e))
        return fail(e);
    HandshakeMessage m;
    while (post_in_.next(m)) {
        if (Err e = hook(HookPoint{m.type, false, true}, m.body); !ok(e))
            return fail(e);
        switch (static_cast<HandshakeType>(m.type)) {
        case HandshakeType::new_session_ticket: {
            if (server())
                return fail(Err::unexpected_handshake_packet);
            NewSessionTicket13 t;
            if (Err e = parse(m.body, t); !ok(e))
                return fail(e);
            // The ticket's PSK (section 4.6.1): HKDF-Expand-Label(
            // resumption_master_secret, "resumption", nonce, Hash.length).
            const Secrets13 &k = secrets13_;
            ClientTicket ct;
            ct.psk.resize(k.resumption.size());
            if (Err e = expand_label(k.prf, k.resumption.span(), "resumption", t.nonce, MutableBytes(ct.psk)); !ok(e))
                return fail(e);
            ct.identity.assign(t.ticket.begin(), t.ticket.end());
            ct.age_add = t.age_add;
            ct.lifetime = t.lifetime;
            ct.received_ms = now_ms();
            ct.suite = k.suite;
            if (negotiated_.kx == GNUTLS_KX_PSK || negotiated_.kx == GNUTLS_KX_DHE_PSK ||
                negotiated_.kx == GNUTLS_KX_ECDHE_PSK)
                ct.flags |= kTicketPsk;
            ct.server_name = options().server_name;
            ct.peer_chain = peer_chain_;
            if (t.lifetime != 0 && tickets_enabled())
                ticket_ = std::move(ct);
            (void)hook(HookPoint{m.type, true, true}, m.body);
            break;
        }
        case HandshakeType::certificate_request: {
            Err e = keep_reauth_request(m);
            post_in_.pop();
            return e;
        }
        case HandshakeType::key_update: {
            KeyUpdate ku;
            if (Err e = parse(m.body, ku); !ok(e))
                return fail(e);
            // The record carrying the KeyUpdate must end with it.
            post_in_.pop();
            if (!post_in_.empty())
                return fail(Err::unexpected_packet);
            if (Err e = update_traffic_keys(false); !ok(e))
                return fail(e);
            (void)hook(HookPoint{m.type, true, true}, Bytes(&ku.request_update, 1));
            if (ku.request_update == 1)
                key_update_owed_ = true;
            return Err::ok;
        }
        default:
            return fail(Err::unexpected_handshake_packet);
        }
        post_in_.pop();
    }
    return Err::ok;
}

// Defaults for a session without a facade (unit tests drive the core with
// their own subclasses).
Err Session::certificate_candidates(const CertQuery &, std::vector<CertCandidate> &)
{
    return Err::ok;
}

Err Session::verify_peer()
{
    return Err::ok;
}

Err Session::hook(const HookPoint &, Bytes)
{
    return Err::ok;
}

Err Session::keylog(const char *, Bytes)
{
    return Err::ok;
}

void Session::ca_names(std::vector<Bytes> &out)
{
    out.clear();
}

void Session::kx_credentials(gnutls_kx_algorithm_t, KxCredentials &out)
{
    out = KxCredentials{};
    out.certificate = true;
}

Err Session::psk_server_key(Bytes, SecretBytes &)
{
    return Err::insufficient_credentials;
}

Err Session::psk_client_key(std::string &, SecretBytes &)
{
    return Err::insufficient_credentials;
}

bool Session::db_retrieve(Bytes, SecretBytes &)
{
    return false;
}

void Session::db_store(Bytes, Bytes) {}

void Session::db_remove(Bytes) {}

bool Session::db_expired(std::uint64_t) const
{
    return false;
}

}  // namespace tlshim::tls
