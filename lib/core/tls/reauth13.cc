// SPDX-License-Identifier: LGPL-2.1-or-later
// TLS 1.3 post-handshake client authentication (RFC 8446 section 4.6.2),
// behind gnutls_reauth.
//
// The exchange is hashed on top of the handshake transcript (kept in
// Session::hs_transcript_ when the handshake ended): CertificateRequest,
// Certificate, CertificateVerify, Finished, whose key derives from the
// client's current application traffic secret.  Each exchange starts from
// the handshake transcript again.
#include <algorithm>
#include <cstring>

#include "core/algo/algo.hh"
#include "core/crypto/random.hh"
#include "core/log.hh"
#include "core/tls/handshake.hh"
#include "core/tls/messages.hh"
#include "core/tls/reauth13.hh"
#include "core/tls/session.hh"
#include "core/tls/sig-scheme.hh"
#include "core/x509/certificate.hh"
#include "core/x509/key.hh"

namespace tlshim::tls {

namespace {

Err transcript_hash(const Transcript &t, std::uint8_t *out, std::size_t &len)
{
    len = t.size();
    return t.current(out);
}

template <class M>
Err append(HandshakeType type, const M &m, Transcript &t, std::vector<std::uint8_t> &out)
{
    std::vector<std::uint8_t> msg;
    Writer w(msg);
    if (!write_message(type, m, w) || !w.ok())
        return Err::internal;
    t.add(Bytes(msg));
    out.insert(out.end(), msg.begin(), msg.end());
    return Err::ok;
}

}  // namespace

Err Session::reauth()
{
    if (Err f = failure(); !ok(f))
        return Err::invalid_session;
    if (!handshake_done_ || negotiated_.version != GNUTLS_TLS1_3)
        return Err::invalid_request;
    return server() ? reauth_server() : reauth_client();
}

Err Session::reauth_client()
{
    if (!reauth_)
        return Err::invalid_request;  // no request pending
    Reauth &r = *reauth_;
    if (!r.built) {
        r.t = hs_transcript_;
        r.t.add(Bytes(r.request));
        CertQuery q;
        q.tls13 = true;
        q.peer_schemes = U16List(Bytes(r.schemes));
        CertCandidate cand;
        gnutls_sign_algorithm_t scheme = GNUTLS_SIGN_UNKNOWN;
        bool found = false;
        if (Err e = choose_certificate(q, q.peer_schemes, cand, scheme, found); !ok(e))
            return fail(e);
        Certificate13 cert;
        cert.context = Bytes(r.context);
        if (found)
            for (Bytes der : cand.chain)
                cert.entries.push_back(CertificateEntry{der, Bytes(), ExtensionList()});
        if (Err e = append(HandshakeType::certificate, cert, r.t, r.out); !ok(e))
            return fail(e);
        std::uint8_t th[kMaxHashSize];
        std::size_t len = 0;
        if (found) {
            if (Err e = transcript_hash(r.t, th, len); !ok(e))
                return fail(e);
            const std::vector<std::uint8_t> content = certificate_verify_content13(false, Bytes(th, len));
            std::vector<std::uint8_t> sig;
            if (Err e = cand.signer->sign_data(scheme, 0, Bytes(content), sig); !ok(e))
                return fail(e);
            CertificateVerify cv;
            cv.scheme = algo::sign(scheme)->tls_id;
            cv.signature = Bytes(sig);
            if (Err e = append(HandshakeType::certificate_verify, cv, r.t, r.out); !ok(e))
                return fail(e);
            our_cert_index_ = cand.index;
            negotiated_.client_sign = scheme;
        }
        if (Err e = transcript_hash(r.t, th, len); !ok(e))
            return fail(e);
        std::uint8_t vd[kMaxHashSize];
        if (Err e = finished_verify_data(secrets13_.prf, secrets13_.client_ap.span(), Bytes(th, len), vd); !ok(e))
            return fail(e);
        Finished fin;
        fin.verify_data = Bytes(vd, len);
        if (Err e = append(HandshakeType::finished, fin, r.t, r.out); !ok(e))
            return fail(e);
        r.built = true;
    }
    if (Err e = seal_handshake(Bytes(r.out), r.out_pos); !ok(e))
        return e;
    if (Err e = flush(); !ok(e))
        return e;
    reauth_.reset();
    return Err::ok;
}

Err Session::reauth_server()
{
    if (!pha_offered_ || options().client_cert_request == GNUTLS_CERT_IGNORE)
        return Err::invalid_request;
    if (!reauth_) {
        auto r = std::make_unique<Reauth>();
        r->t = hs_transcript_;
        r->context.resize(32);
        if (Err e = crypto::random(crypto::RandomLevel::nonce, MutableBytes(r->context)); !ok(e))
            return e;
        std::vector<std::uint8_t> ext;
        std::vector<Bytes> names;
        ca_names(names);
        if (Err e = certificate_request13_extensions(priority_->sigs, names, ext); !ok(e))
            return e;
        CertificateRequest13 cr;
        cr.context = Bytes(r->context);
        cr.extensions = Bytes(ext).subspan(2);
        if (Err e = append(HandshakeType::certificate_request, cr, r->t, r->out); !ok(e))
            return e;
        reauth_ = std::move(r);
    }
    Reauth &r = *reauth_;
    if (Err e = seal_handshake(Bytes(r.out), r.out_pos); !ok(e))
        return e;
    if (Err e = flush(); !ok(e))
        return e;
    // The client's answer; application data before it goes to the
    // application first (GNUTLS_E_GOT_APPLICATION_DATA, then call again).
    for (;;) {
        HandshakeMessage m;
        if (post_in_.next(m)) {
            Err e = reauth_finish_read(m);
            post_in_.pop();
            if (!ok(e) || !reauth_)
                return e;
            continue;
        }
        if (pending() != 0)
            return Err::got_application_data;
        ContentType type;
        MutableBytes plain;
        if (Err e = read_record(type, plain); !ok(e))
            return e;
        if (type == ContentType::application_data && !plain.empty()) {
            keep_application_data(plain);
            return Err::got_application_data;
        }
        if (type != ContentType::handshake) {
            release_record();
            if (type == ContentType::alert)  // close_notify
                return fail(Err::unexpected_packet);
            continue;
        }
        Err a = post_in_.add(plain);
        release_record();
        if (!ok(a))
            return fail(a);
    }
}

Err Session::reauth_finish_read(const HandshakeMessage &m)
{
    Reauth &r = *reauth_;
    std::uint8_t th[kMaxHashSize];
    std::size_t len = 0;
    switch (r.step) {
    case Reauth::Step::want_certificate: {
        if (m.type != static_cast<std::uint8_t>(HandshakeType::certificate))
            return fail(Err::unexpected_handshake_packet);
        Certificate13 cert;
        if (Err e = parse(m.body, cert); !ok(e))
            return fail(e);
        if (!std::equal(cert.context.begin(), cert.context.end(), r.context.begin(), r.context.end()))
            return fail(Err::received_illegal_parameter);
        r.t.add(m.raw);
        if (cert.entries.empty()) {
            if (options().client_cert_request == GNUTLS_CERT_REQUIRE)
                return fail(Err::certificate_required);
            r.step = Reauth::Step::want_finished;
            return Err::ok;
        }
        for (const CertificateEntry &e : cert.entries)
            r.chain.emplace_back(e.data.begin(), e.data.end());
        x509::Certificate leaf;
        Bytes spki;
        if (!ok(leaf.import_der(Bytes(r.chain[0]))) || !ok(leaf.spki_raw(spki)) || !ok(r.peer_key.import_spki(spki)))
            return fail(Err::certificate_error);
        r.step = Reauth::Step::want_certificate_verify;
        return Err::ok;
    }
    case Reauth::Step::want_certificate_verify: {
        if (m.type != static_cast<std::uint8_t>(HandshakeType::certificate_verify))
            return fail(Err::unexpected_handshake_packet);
        CertificateVerify cv;
        if (Err e = parse(m.body, cv, true); !ok(e))
            return fail(e);
        gnutls_sign_algorithm_t scheme = GNUTLS_SIGN_UNKNOWN;
        if (Err e = check_peer_scheme(cv.scheme, priority_->sigs, key_info(r.peer_key), true, scheme); !ok(e))
            return fail(Err::received_illegal_parameter);
        if (Err e = transcript_hash(r.t, th, len); !ok(e))
            return fail(e);
        const std::vector<std::uint8_t> content = certificate_verify_content13(false, Bytes(th, len));
        if (Err e = r.peer_key.verify_data(scheme, Bytes(content), cv.signature); !ok(e))
            return fail(Err::pk_sig_verify_failed);
        r.t.add(m.raw);
        peer_chain_ = std::move(r.chain);
        negotiated_.client_sign = scheme;
        if (Err e = verify_peer(); !ok(e))
            return fail(e);
        r.step = Reauth::Step::want_finished;
        return Err::ok;
    }
    case Reauth::Step::want_finished: {
        if (m.type != static_cast<std::uint8_t>(HandshakeType::finished))
            return fail(Err::unexpected_handshake_packet);
        if (Err e = transcript_hash(r.t, th, len); !ok(e))
            return fail(e);
        Finished fin;
        if (Err e = parse(m.body, fin, len); !ok(e))
            return fail(e);
        std::uint8_t vd[kMaxHashSize];
        if (Err e = finished_verify_data(secrets13_.prf, secrets13_.client_ap.span(), Bytes(th, len), vd); !ok(e))
            return fail(e);
        if (ct_memcmp(vd, fin.verify_data.data(), len) != 0)
            return fail(Err::error_in_finished);
        reauth_.reset();
        return Err::ok;
    }
    }
    return fail(Err::internal);
}

// A CertificateRequest after the handshake (client side).
Err Session::keep_reauth_request(const HandshakeMessage &m)
{
    if (server() || !pha_offered_ || reauth_)
        return fail(Err::unexpected_handshake_packet);
    CertificateRequest13 cr;
    if (Err e = parse(m.body, cr); !ok(e))
        return fail(e);
    if (Err e = cr.ext.check_permitted_tls13(HandshakeType::certificate_request); !ok(e))
        return fail(e);
    U16List schemes;
    if (Err e = parse_signature_algorithms(cr.ext.find(ExtensionType::signature_algorithms)->body, schemes); !ok(e))
        return fail(e);
    auto r = std::make_unique<Reauth>();
    r->request.assign(m.raw.begin(), m.raw.end());
    r->context.assign(cr.context.begin(), cr.context.end());
    r->schemes.assign(schemes.wire().begin(), schemes.wire().end());
    reauth_ = std::move(r);
    cert_requested_ = true;
    return Err::reauth_request;
}

}  // namespace tlshim::tls
