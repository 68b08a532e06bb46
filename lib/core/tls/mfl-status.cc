// SPDX-License-Identifier: LGPL-2.1-or-later
// Two hello extensions of RFC 6066 that change what a handshake carries:
//
// max_fragment_length (section 4).  A client whose application asked for
// 512, 1024, 2048 or 4096 bytes per record (gnutls_record_set_max_size)
// offers the code beside record_size_limit.  RFC 8449 section 5: when the
// peer speaks record_size_limit, max_fragment_length is not looked at (not
// even checked).  Otherwise the server echoes the code and both sides
// fragment everything after the hello to that size at once, handshake
// messages included.
//
// status_request (section 8, and RFC 8446 section 4.4.2.1).  A client with
// certificate credentials asks for an OCSP response; a server that has one
// for its certificate acknowledges in the ServerHello (TLS 1.2) and sends
// it in a CertificateStatus message after its Certificate, or (TLS 1.3)
// puts it in the status_request extension of its leaf CertificateEntry.
// The client keeps the DER response for gnutls_ocsp_status_request_get;
// it does not judge it (see doc/differences.md).
#include <algorithm>

#include "core/tls/handshake.hh"

namespace tlshim::tls {

std::uint8_t Session::Hs::our_mfl_code() const noexcept
{
    return max_fragment_code(s.options().max_record_request);
}

bool Session::Hs::client_sends_status_request()
{
    // Only a client that can check a certificate asks; GNUTLS_NO_EXTENSIONS
    // drops the request unless the application enabled it explicitly.
    KxCredentials kc;
    s.kx_credentials(GNUTLS_KX_ECDHE_RSA, kc);
    if (!kc.certificate)
        return false;
    return (s.flags() & GNUTLS_NO_EXTENSIONS) == 0 || s.options().ocsp_request;
}

Err Session::Hs::read_mfl_and_status(const ExtensionList &ext)
{
    mfl_code = 0;
    if (!ext.has(ExtensionType::record_size_limit))
        if (const Extension *m = ext.find(ExtensionType::max_fragment_length))
            if (Err e = parse_max_fragment_request(m->body, mfl_code); !ok(e))
                return s.fail(e);
    if (mfl_code != 0)
        s.set_max_send(std::min(s.max_send(), max_fragment_size(mfl_code)));
    status_requested = false;
    status_type = 0;
    if (const Extension *sr = ext.find(ExtensionType::status_request)) {
        StatusRequest req;
        if (Err e = parse_status_request(sr->body, req); !ok(e))
            return s.fail(e);
        status_requested = true;
        status_type = req.status_type;
    }
    return Err::ok;
}

Err Session::Hs::prepare_ocsp_response()
{
    status_ack = false;
    ocsp_response.clear();
    if (!status_requested || !have_our_cert)
        return Err::ok;
    if (Err e = s.ocsp_response(our_cert, ocsp_response); !ok(e))
        return s.fail(e);
    status_ack = !ocsp_response.empty();
    return Err::ok;
}

Err Session::Hs::read_mfl_and_status_reply(const ExtensionList &ext, bool tls13)
{
    if (const Extension *m = ext.find(ExtensionType::max_fragment_length);
        m != nullptr && !ext.has(ExtensionType::record_size_limit)) {
        std::uint8_t code = 0;
        if (Err e = parse_max_fragment_length(m->body, code); !ok(e))
            return s.fail(e);
        // The server may only echo what we asked for (RFC 6066 section 4).
        if (code != our_mfl_code())
            return s.fail(Err::received_illegal_parameter);
        mfl_code = code;
        s.set_max_send(std::min(s.max_send(), max_fragment_size(code)));
    }
    if (!tls13)
        if (const Extension *sr = ext.find(ExtensionType::status_request)) {
            if (Err e = parse_empty(sr->body); !ok(e))
                return s.fail(e);
            status_ack = true;
        }
    return Err::ok;
}

Err Session::Hs::receive_certificate_status(Bytes body)
{
    std::uint8_t type = 0;
    Bytes response;
    if (Err e = parse_certificate_status(body, type, response); !ok(e))
        return s.fail(e);
    // A status type other than ocsp carries nothing we could use.
    if (type == 1)
        s.peer_ocsp_.assign(response.begin(), response.end());
    return Err::ok;
}

Err Session::Hs::wait_certificate_status12()
{
    HandshakeMessage m;
    if (Err e = read_message(m); !ok(e))
        return e;
    // The server may still leave the message out (RFC 6066 section 8).
    if (m.type == static_cast<std::uint8_t>(HandshakeType::certificate_status)) {
        if (Err e = receive_certificate_status(m.body); !ok(e))
            return e;
        consume(m);
    }
    state = client_kx.accepts_server_params() ? State::wait_server_kx12 : State::wait_cert_request_or_done12;
    return Err::ok;
}

void Session::Hs::apply_fragment_limit()
{
    // What this side asked for bounds its own records too; the peer's
    // record_size_limit (TLS 1.3 counts the content type byte) or the
    // max_fragment_length in force bound them further.
    const std::size_t want = s.options().max_record_request;
    std::size_t own = (want == 0 || want > kMaxPlaintext) ? kMaxPlaintext : want;
    std::size_t send = std::min(own, s.max_send());
    if (peer_record_limit != 0)
        send = std::min<std::size_t>(send, peer_record_limit - (tls12() ? 0u : 1u));
    else if (mfl_code != 0)
        own = send = max_fragment_size(mfl_code);
    s.set_max_send(send);
    s.reported_max_ = own;
}

Err Session::ocsp_response(const CertCandidate &c, std::vector<std::uint8_t> &out)
{
    out.assign(c.ocsp.begin(), c.ocsp.end());
    return Err::ok;
}

}  // namespace tlshim::tls
