// SPDX-License-Identifier: LGPL-2.1-or-later
// TLS 1.2 handshake (RFC 5246): the steps client and server share — the
// master secret and key block, ChangeCipherSpec, Finished, Certificate —
// and the renegotiation_info rules of RFC 5746.  The client states are in
// client12.cc, the server states in server12.cc; both enter from the
// hello processing of the version-neutral code in client13.cc/server13.cc.
//
// Keys: after the key exchange both directions' protections are made from
// the key block at once and kept pending; our ChangeCipherSpec installs
// the write side (everything queued before it was sealed under the old
// keys), the peer's installs the read side (read_message() accepts a CCS
// only where the state expects one and no message is half-read).
#include <algorithm>
#include <cstring>

#include "core/crypto/hash.hh"
#include "core/log.hh"
#include "core/tls/handshake.hh"
#include "core/tls/prf12.hh"
#include "core/tls/resumption.hh"
#include "core/x509/certificate.hh"

namespace tlshim::tls {

Err Session::Hs::derive_master12(Bytes pms)
{
    const gnutls_mac_algorithm_t prf = prf_mac(*suite, static_cast<gnutls_protocol_t>(version_id12()));
    std::uint8_t hash[kMaxHashSize];
    std::size_t len = 0;
    Bytes session_hash;
    if (ems) {
        // RFC 7627 section 4: the hash of the messages up to and including
        // ClientKeyExchange.
        if (Err e = transcript_hash(hash, len); !ok(e))
            return s.fail(e);
        session_hash = Bytes(hash, len);
    }
    if (Err e = master_secret(prf, pms, Bytes(client_random, 32), Bytes(server_random, 32), session_hash, master);
        !ok(e))
        return s.fail(e);
    std::memcpy(s.keylog_random_, client_random, 32);
    s.keylog_random_set_ = true;
    (void)s.keylog("CLIENT_RANDOM", master.span());
    return install_keys12();
}

unsigned Session::Hs::version_id12() const noexcept
{
    switch (version12) {
    case 0x0301: return GNUTLS_TLS1_0;
    case 0x0302: return GNUTLS_TLS1_1;
    default: return GNUTLS_TLS1_2;
    }
}

Err Session::Hs::install_keys12()
{
    const gnutls_protocol_t v = static_cast<gnutls_protocol_t>(version_id12());
    KeyBlock kb;
    if (Err e = key_block(*suite, v, master.span(), Bytes(client_random, 32), Bytes(server_random, 32), kb); !ok(e))
        return s.fail(e);
    std::unique_ptr<Protection> c, sv;
    if (Err e = make_protection12(*suite, v, etm, kb, true, c); !ok(e))
        return s.fail(e);
    if (Err e = make_protection12(*suite, v, etm, kb, false, sv); !ok(e))
        return s.fail(e);
    pending_write = std::move(server ? sv : c);
    pending_read = std::move(server ? c : sv);
    return Err::ok;
}

Err Session::Hs::send_ccs12()
{
    // Everything before the CCS is sealed under the current keys; the CCS
    // itself too; then the new write keys take over.
    if (Err e = seal_out(); !ok(e))
        return e;
    if (pending_write == nullptr)
        return s.fail(Err::internal);
    static const std::uint8_t one = 1;
    if (Err e = s.queue_record(ContentType::change_cipher_spec, Bytes(&one, 1)); !ok(e))
        return e;
    s.set_write_keys(std::move(pending_write));
    ccs_sent = true;
    return Err::ok;
}

Err Session::Hs::end_flight12()
{
    // ChangeCipherSpec, then Finished under the new keys, then the flush;
    // each step once, whatever EAGAIN interrupts.
    if (flight_step == kFlightCcs) {
        if (Err e = send_ccs12(); !ok(e))
            return e;
        flight_step = kFlightFinished;
    }
    if (flight_step == kFlightFinished) {
        if (Err e = queue_finished12(); !ok(e))
            return e;
        flight_step = kFlightFlush;
    }
    if (Err e = emit(); !ok(e))
        return e;
    flight_step = 0;
    return Err::ok;
}

Err Session::Hs::queue_finished12()
{
    std::uint8_t th[kMaxHashSize];
    std::size_t len = 0;
    if (Err e = transcript_hash(th, len); !ok(e))
        return s.fail(e);
    VerifyData &vd = server ? server_verify : client_verify;
    const gnutls_mac_algorithm_t prf = prf_mac(*suite, static_cast<gnutls_protocol_t>(version_id12()));
    if (Err e = finished12(prf, master.span(), !server, Bytes(th, len), vd); !ok(e))
        return s.fail(e);
    Finished fin;
    fin.verify_data = vd.view();
    std::vector<std::uint8_t> msg;
    Writer w(msg);
    if (!write_message(HandshakeType::finished, fin, w) || !w.ok())
        return s.fail(Err::internal);
    return queue(std::move(msg));
}

Err Session::Hs::check_finished12(const HandshakeMessage &m)
{
    std::uint8_t th[kMaxHashSize];
    std::size_t len = 0;
    if (Err e = transcript_hash(th, len); !ok(e))
        return s.fail(e);
    Finished fin;
    VerifyData &vd = server ? client_verify : server_verify;
    if (Err e = parse(m.body, fin, kVerifyDataSize); !ok(e))
        return s.fail(e);
    const gnutls_mac_algorithm_t prf = prf_mac(*suite, static_cast<gnutls_protocol_t>(version_id12()));
    if (Err e = finished12(prf, master.span(), server, Bytes(th, len), vd); !ok(e))
        return s.fail(e);
    if (fin.verify_data.size() != kVerifyDataSize || ct_memcmp(vd.data, fin.verify_data.data(), kVerifyDataSize) != 0)
        return s.fail(Err::error_in_finished);
    consume(m);
    return Err::ok;
}

Err Session::Hs::queue_certificate12(const CertCandidate *cand)
{
    Certificate12 m;
    if (cand != nullptr)
        for (const Bytes &c : cand->chain)
            m.certificates.push_back(c);
    std::vector<std::uint8_t> msg;
    Writer w(msg);
    if (!write_message(HandshakeType::certificate, m, w) || !w.ok())
        return s.fail(Err::internal);
    return queue(std::move(msg));
}

Err Session::Hs::receive_certificate12(const HandshakeMessage &m, bool allow_empty, bool &empty)
{
    Certificate12 cert;
    if (Err e = parse(m.body, cert); !ok(e))
        return s.fail(e);
    empty = cert.certificates.empty();
    if (empty) {
        if (!allow_empty)
            return s.fail(server ? Err::no_certificate_found : Err::no_certificate_found);
        s.peer_chain_.clear();
        consume(m);
        return Err::ok;
    }
    std::vector<std::vector<std::uint8_t>> chain;
    for (Bytes c : cert.certificates)
        chain.emplace_back(c.begin(), c.end());
    x509::Certificate leaf;
    Bytes spki;
    if (!ok(leaf.import_der(Bytes(chain[0]))) || !ok(leaf.spki_raw(spki)))
        return s.fail(Err::certificate_error);
    if (Err e = peer_key.import_spki(spki); !ok(e))
        return s.fail(Err::certificate_error);
    // RFC 5746 / GnuTLS: across a renegotiation the peer stays who it was.
    std::uint8_t id[32];
    if (Err e = crypto::Hash::compute(GNUTLS_DIG_SHA256, Bytes(chain[0]), id); !ok(e))
        return s.fail(e);
    if (!s.peer_identity_.empty() && (s.flags() & GNUTLS_ALLOW_ID_CHANGE) == 0 &&
        (s.peer_identity_.size() != 32 || std::memcmp(s.peer_identity_.data(), id, 32) != 0))
        return s.fail(Err::session_user_id_changed);
    if (s.peer_identity_.empty())
        s.peer_identity_.assign(id, id + 32);
    s.peer_chain_ = std::move(chain);
    consume(m);
    return Err::ok;
}

Err Session::Hs::check_renegotiation_info(const ExtensionList &ext, bool scsv)
{
    // RFC 5746 section 3: empty on the initial handshake; on a
    // renegotiation the client's verify_data (ClientHello) or both
    // (ServerHello) of the handshake before.
    const Renegotiation mode = prio.flags.renegotiation;
    if (mode == Renegotiation::disabled)
        return Err::ok;
    const Extension *ri = ext.find(ExtensionType::renegotiation_info);
    const Secrets12 &old = s.secrets12_;
    const bool was_safe = renegotiation && s.negotiated_.safe_renegotiation;
    if (ri == nullptr && !(server && scsv)) {
        if (renegotiation) {
            if (was_safe)
                return s.fail(Err::safe_renegotiation_failed);
            if (mode != Renegotiation::unsafe)
                return s.fail(Err::unsafe_renegotiation_denied);
            return Err::ok;
        }
        if (mode == Renegotiation::safe)
            return s.fail(Err::safe_renegotiation_failed);
        return Err::ok;
    }
    Bytes data;
    if (ri != nullptr)
        if (Err e = parse_renegotiation_info(ri->body, data); !ok(e))
            return s.fail(e);
    if (renegotiation) {
        if (scsv && server)  // the SCSV is for initial handshakes only (section 3.7)
            return s.fail(Err::safe_renegotiation_failed);
        if (!was_safe)
            return s.fail(Err::safe_renegotiation_failed);
        std::uint8_t expect[2 * kVerifyDataSize];
        std::memcpy(expect, old.client_verify.data, kVerifyDataSize);
        std::memcpy(expect + kVerifyDataSize, old.server_verify.data, kVerifyDataSize);
        const std::size_t n = server ? kVerifyDataSize : 2 * kVerifyDataSize;
        if (data.size() != n || ct_memcmp(expect, data.data(), n) != 0)
            return s.fail(Err::safe_renegotiation_failed);
    } else if (!data.empty()) {
        return s.fail(Err::safe_renegotiation_failed);
    }
    safe_reneg = true;
    return Err::ok;
}

// TLS 1.0/1.1 signatures (RFC 4346 sections 7.4.3 and 7.4.8): no scheme on
// the wire; RSA signs MD5(data) || SHA-1(data) without a DigestInfo, ECDSA
// and DSA sign SHA-1(data).
Err Session::Hs::legacy_sign(const CertCandidate &c, Bytes data, std::vector<std::uint8_t> &sig)
{
    const gnutls_pk_algorithm_t pk = c.signer->algorithm();
    if (pk == GNUTLS_PK_RSA) {
        std::uint8_t h[36];
        if (Err e = crypto::Hash::compute(GNUTLS_DIG_MD5_SHA1, data, h); !ok(e))
            return e;
        return c.signer->sign_hash(GNUTLS_SIGN_RSA_RAW, 0, Bytes(h, 36), sig);
    }
    if (pk == GNUTLS_PK_ECDSA)
        return c.signer->sign_data(GNUTLS_SIGN_ECDSA_SHA1, 0, data, sig);
    if (pk == GNUTLS_PK_DSA)
        return c.signer->sign_data(GNUTLS_SIGN_DSA_SHA1, 0, data, sig);
    return Err::insufficient_credentials;  // no TLS 1.0 signature for this key type
}

Err Session::Hs::legacy_verify(Bytes data, Bytes sig)
{
    const gnutls_pk_algorithm_t pk = peer_key.algorithm();
    x509::VerifyOptions opt;
    opt.allow_sha1 = true;
    if (pk == GNUTLS_PK_RSA) {
        std::uint8_t h[36];
        if (Err e = crypto::Hash::compute(GNUTLS_DIG_MD5_SHA1, data, h); !ok(e))
            return e;
        return peer_key.verify_hash(GNUTLS_SIGN_RSA_RAW, Bytes(h, 36), sig, nullptr, opt);
    }
    if (pk == GNUTLS_PK_ECDSA)
        return peer_key.verify_data(GNUTLS_SIGN_ECDSA_SHA1, data, sig, nullptr, opt);
    if (pk == GNUTLS_PK_DSA)
        return peer_key.verify_data(GNUTLS_SIGN_DSA_SHA1, data, sig, nullptr, opt);
    return Err::pk_sig_verify_failed;
}

void Session::Hs::finish12()
{
    if (!resumed)
        record_kx_info();
    Negotiated &n = s.negotiated_;
    n.version = static_cast<gnutls_protocol_t>(version_id12());
    n.cipher = suite->cipher;
    n.mac = suite->mac;
    n.kx = suite->kx;
    n.group = group;
    n.server_sign = server ? our_scheme : peer_scheme;
    n.client_sign = server ? peer_scheme : (have_our_cert && !legacy() ? our_scheme : GNUTLS_SIGN_UNKNOWN);
    std::memcpy(n.client_random, client_random, 32);
    std::memcpy(n.server_random, server_random, 32);
    n.session_id = session_id;
    n.resumed = resumed;
    n.alpn.assign(alpn_selected.begin(), alpn_selected.end());
    // RFC 5746 status: set once the peer showed support, and kept.
    if (!renegotiation)
        n.safe_renegotiation = safe_reneg;
    n.extended_master_secret = ems;
    n.encrypt_then_mac = etm;
    unsigned f = n.session_flags & ~(GNUTLS_SFLAGS_SAFE_RENEGOTIATION | GNUTLS_SFLAGS_EXT_MASTER_SECRET |
                                     GNUTLS_SFLAGS_ETM | GNUTLS_SFLAGS_RFC7919);
    if (n.safe_renegotiation)
        f |= GNUTLS_SFLAGS_SAFE_RENEGOTIATION;
    if (ems)
        f |= GNUTLS_SFLAGS_EXT_MASTER_SECRET;
    if (etm)
        f |= GNUTLS_SFLAGS_ETM;
    n.session_flags = f;
    Secrets12 &k = s.secrets12_;
    k.prf = prf_mac(*suite, n.version);
    k.suite = suite->code_point();
    k.master.resize(master.size());
    std::memcpy(k.master.data(), master.data(), master.size());
    k.client_verify = client_verify;
    k.server_verify = server_verify;
    s.our_cert_index_ = have_our_cert ? our_cert.index : -1;
    s.cert_requested_ = cert_request_received;
    s.set_plain_ccs(false);
    const std::uint8_t flags = static_cast<std::uint8_t>((ems ? kTicketEms : 0) | (etm ? kTicketEtm : 0));
    if (!server) {
        // What gnutls_session_get_data2 hands out: the session ID, the
        // ticket (a new one, or the one we resumed with) and the master
        // secret.
        ClientTicket t;
        t.version = version12;
        t.flags = flags;
        t.suite = suite->code_point();
        t.session_id = session_id;
        if (!ticket12.empty())
            t.identity = ticket12;
        else if (resumed)
            t.identity = s.offer_.identity;
        t.psk.assign(master.data(), master.data() + master.size());
        t.lifetime = ticket12_lifetime != 0 ? ticket12_lifetime : kTicketLifetime;
        t.received_ms = now_ms();
        t.server_name = s.options().server_name;
        t.peer_chain = s.peer_chain_;
        s.ticket_ = std::move(t);
    } else if (!resumed && !session_id.empty()) {
        TicketState st;
        st.version = version12;
        st.suite = suite->code_point();
        st.issued_ms = now_ms();
        st.lifetime = kTicketLifetime;
        st.psk.assign(master.data(), master.data() + master.size());
        st.flags = flags;
        SecretBytes blob;
        if (ok(encode_state(st, blob)))
            s.db_store(session_id, Bytes(blob));
    }
    apply_fragment_limit();
}

long Session::recv(MutableBytes out, std::uint64_t *seq)
{
    for (;;) {
        if (auto_reauth_ && pending() == 0) {
            Err e = handshake();
            if (e == Err::got_application_data)
                return Connection::recv(out, seq);
            if (!ok(e)) {
                if (e != Err::again && e != Err::interrupted)
                    auto_reauth_ = false;
                return static_cast<long>(e);
            }
            auto_reauth_ = false;
        }
        const long n = Connection::recv(out, seq);
        if (n != static_cast<long>(Err::rehandshake) || server() || (flags_ & GNUTLS_AUTO_REAUTH) == 0)
            return n;
        auto_reauth_ = true;
    }
}

Bytes Session::tls_unique() const noexcept
{
    if (!handshake_done_ || negotiated_.version == GNUTLS_TLS1_3)
        return Bytes();
    return negotiated_.resumed ? secrets12_.server_verify.view() : secrets12_.client_verify.view();
}

Err Session::post_handshake12(Bytes fragment)
{
    // On an established TLS 1.2 session the only handshake messages are a
    // HelloRequest (to a client) and a ClientHello (to a server): both ask
    // the application to renegotiate (GNUTLS_E_REHANDSHAKE).
    // In the middle of a renegotiation (gnutls_record_recv called between
    // two gnutls_handshake calls) the messages belong to that handshake:
    // kept for it, and the application told to go on with it.
    if (hs_ != nullptr) {
        if (Err e = hs_->in.add(fragment); !ok(e))
            return fail(e);
        return Err::rehandshake;
    }
    if (hello_pending_)
        return fail(Err::unexpected_handshake_packet);
    if (Err e = post_in_.add(fragment); !ok(e))
        return fail(e);
    HandshakeMessage m;
    if (!post_in_.next(m))
        return Err::again;  // a message split across records
    if (!server() && m.type == static_cast<std::uint8_t>(HandshakeType::hello_request)) {
        if (Err e = hook(HookPoint{m.type, false, true}, m.body); !ok(e))
            return fail(e);
        if (Err e = parse_empty_message(m.body); !ok(e))
            return fail(e);
        last_in_ = m.type;
        (void)hook(HookPoint{m.type, true, true}, m.body);
        post_in_.pop();
        if (!post_in_.empty())
            return fail(Err::unexpected_handshake_packet);
        return Err::rehandshake;
    }
    if (server() && m.type == static_cast<std::uint8_t>(HandshakeType::client_hello)) {
        // Kept for the gnutls_handshake that answers it (which shows it to
        // the hook, as it does every message it processes).
        hello_pending_ = true;
        return Err::rehandshake;
    }
    return fail(Err::unexpected_handshake_packet);
}

// ---- key exchange ----------------------------------------------------------------

Err Session::Hs::kx_client_write(std::vector<std::uint8_t> &msg)
{
    std::string identity;
    SecretBytes key;
    if (kx12_is_psk(suite->kx))
        if (Err e = s.psk_client_key(identity, key); !ok(e))
            return e;
    std::vector<std::uint8_t> body;
    client_kx.set_randoms(Bytes(client_random, 32), Bytes(server_random, 32));
    if (Err e = client_kx.write(body, premaster, as_bytes(identity), Bytes(key), &peer_key, client_version); !ok(e))
        return e;
    if (kx12_is_psk(suite->kx)) {
        s.negotiated_.psk_identity = identity;
        const Bytes hint = client_kx.psk_hint();
        s.negotiated_.psk_hint.assign(hint.begin(), hint.end());
    }
    msg.clear();
    Writer w(msg);
    w.u8(static_cast<std::uint8_t>(HandshakeType::client_key_exchange));
    auto v = w.open(3);
    w.bytes(Bytes(body));
    w.close(v);
    return w.ok() ? Err::ok : Err::internal;
}

Err Session::Hs::kx_server_params(std::vector<std::uint8_t> &params)
{
    if (Err e = server_kx.init(suite->kx); !ok(e))
        return e;
    server_kx.set_randoms(Bytes(client_random, 32), Bytes(server_random, 32));
    if (kx12_is_ecdhe(suite->kx)) {
        if (Err e = server_kx.set_group(group); !ok(e))
            return e;
    } else if (kx12_is_dhe(suite->kx)) {
        if (group != GNUTLS_GROUP_INVALID) {
            if (Err e = server_kx.set_group(group); !ok(e))
                return e;
        } else if (kx_creds.dh != nullptr) {
            if (Err e = server_kx.set_dh_params(*kx_creds.dh); !ok(e))
                return e;
        } else {
            return Err::insufficient_credentials;
        }
    }
    if (kx12_is_psk(suite->kx) && !kx_creds.psk_hint.empty())
        if (Err e = server_kx.set_psk_hint(as_bytes(kx_creds.psk_hint)); !ok(e))
            return e;
    return server_kx.write_params(params);
}

Err Session::Hs::kx_server_read(Bytes body)
{
    const PskLookup lookup = [this](Bytes identity, SecretBytes &key) { return s.psk_server_key(identity, key); };
    const bool transport =
        suite->kx == GNUTLS_KX_RSA || suite->kx == GNUTLS_KX_RSA_PSK || suite->kx == GNUTLS_KX_VKO_GOST_12;
    const x509::Signer *rsa = transport ? our_cert.signer : nullptr;
    if (Err e = server_kx.read_client(body, premaster, lookup, rsa, client_version); !ok(e))
        return e;
    if (kx12_is_psk(suite->kx)) {
        const Bytes id = server_kx.psk_identity();
        const std::string name(id.begin(), id.end());
        // GnuTLS keeps the first identity: a renegotiation may not change it.
        if (renegotiation && (s.flags() & GNUTLS_ALLOW_ID_CHANGE) == 0 && name != s.negotiated_.psk_identity)
            return Err::session_user_id_changed;
        s.negotiated_.psk_identity = name;
    }
    return Err::ok;
}

// The sizes and numbers gnutls_dh_get_* and gnutls_group_get report.
void Session::Hs::record_kx_info()
{
    const KxInfo &info = server ? server_kx.info() : client_kx.info();
    Negotiated &n = s.negotiated_;
    n.dhe = kx12_is_dhe(suite->kx);
    n.dh_prime_bits = info.dh_prime_bits;
    n.dh_secret_bits = info.dh_secret_bits;
    n.dh_p = info.dh_p;
    n.dh_g = info.dh_g;
    n.dh_peer_public = n.dhe ? info.peer_public : std::vector<std::uint8_t>();
    std::size_t bits = 0;
    for (std::size_t i = 0; i < n.dh_peer_public.size(); i++)
        if (n.dh_peer_public[i] != 0) {
            unsigned top = n.dh_peer_public[i], b = 0;
            while (top != 0) {
                top >>= 1;
                b++;
            }
            bits = (n.dh_peer_public.size() - i - 1) * 8 + b;
            break;
        }
    n.dh_peer_public_bits = static_cast<unsigned>(bits);
    if (kx12_is_ecdhe(suite->kx) || kx12_is_dhe(suite->kx))
        group = info.group;
}

}  // namespace tlshim::tls
