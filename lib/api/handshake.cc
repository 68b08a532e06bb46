// SPDX-License-Identifier: LGPL-2.1-or-later
// C facade: the handshake and what surrounds it — gnutls_handshake, key
// updates, the peer's certificates and their verification, the hooks the
// engine calls back into (credentials, verification, handshake hook, key
// log) and the TLS 1.3 exporter.
#include "api/api.hh"
#include "api/session.hh"

#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "api/abstract-key.hh"
#include "api/cred.hh"
#include "api/trust-list.hh"
#include "api/x509-crt.hh"
#include "core/algo/algo.hh"
#include "core/tls/resumption.hh"
#include "core/tls/sig-scheme.hh"

using namespace tlshim;

namespace {

gnutls_certificate_credentials_t cert_cred(gnutls_session_t s) noexcept
{
    return static_cast<gnutls_certificate_credentials_t>(s->credentials[GNUTLS_CRD_CERTIFICATE]);
}

// Imports the peer's chain as certificate objects; the caller deinits them.
int import_peer_chain(gnutls_session_t session, std::vector<gnutls_x509_crt_t> &out)
{
    for (const auto &der : session->peer_chain()) {
        gnutls_x509_crt_t crt = nullptr;
        int rc = gnutls_x509_crt_init(&crt);
        if (rc < 0)
            return rc;
        const gnutls_datum_t d{const_cast<unsigned char *>(der.data()), static_cast<unsigned>(der.size())};
        rc = gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_DER);
        if (rc < 0) {
            gnutls_x509_crt_deinit(crt);
            return rc;
        }
        out.push_back(crt);
    }
    return 0;
}

void free_chain(std::vector<gnutls_x509_crt_t> &v) noexcept
{
    for (gnutls_x509_crt_t c : v)
        gnutls_x509_crt_deinit(c);
    v.clear();
}

// SSLKEYLOGFILE: NSS key log lines, appended by every session of the process.
void write_keylog_file(Bytes client_random, const char *label, Bytes secret)
{
    static std::mutex lock;
    static FILE *file = nullptr;
    static bool tried = false;
    std::lock_guard<std::mutex> g(lock);
    if (!tried) {
        tried = true;
        const char *path = std::getenv("SSLKEYLOGFILE");
        if (path != nullptr && *path != '\0')
            file = std::fopen(path, "a");
    }
    if (file == nullptr)
        return;
    std::fprintf(file, "%s ", label);
    for (std::uint8_t b : client_random)
        std::fprintf(file, "%02x", b);
    std::fputc(' ', file);
    for (std::uint8_t b : secret)
        std::fprintf(file, "%02x", b);
    std::fputc('\n', file);
    std::fflush(file);
}

}  // namespace

// ---- the engine's hooks --------------------------------------------------------

void gnutls_session_int::Retrieved::release() noexcept
{
    for (unsigned i = 0; pcerts != nullptr && i < npcerts; i++)
        gnutls_pcert_deinit(&pcerts[i]);
    gnutls_free(pcerts);
    for (unsigned i = 0; ocsp != nullptr && i < nocsp; i++)
        gnutls_free(ocsp[i].response.data);
    gnutls_free(ocsp);
    if (key != nullptr)
        gnutls_privkey_deinit(key);
    der.clear();
    ours.clear();
    ours_datum = gnutls_datum_t{nullptr, 0};
    pcerts = nullptr;
    ocsp = nullptr;
    key = nullptr;
    npcerts = nocsp = 0;
}

gnutls_session_int::~gnutls_session_int()
{
    retrieved.release();
}

// The application's certificate retrieve callback (whichever form was
// installed) chooses the key; a client passes on the key types the server's
// signature algorithms accept and the CA names the server sent.  What the callback hands over must outlive the handshake:
// the chain is read and the key signs later, so owned objects are kept in
// `retrieved` until the next call or the session's end.
Err gnutls_session_int::retrieve_candidate(gnutls_certificate_credentials_t cred, const tls::CertQuery &q,
                                           std::vector<tls::CertCandidate> &out)
{
    // A client is told the key types the server's signature algorithms
    // allow; a server, as in GnuTLS, gets none (it picks by itself).
    std::vector<gnutls_pk_algorithm_t> pks;
    for (std::size_t i = 0; !server() && i < q.peer_schemes.size(); i++) {
        const algo::Sign *row = algo::sign_by_tls_id(q.peer_schemes[i], q.tls13);
        if (row != nullptr && std::find(pks.begin(), pks.end(), row->pk) == pks.end())
            pks.push_back(row->pk);
    }
    std::vector<gnutls_datum_t> cas;
    for (Bytes dn : q.issuers)
        cas.push_back(gnutls_datum_t{const_cast<unsigned char *>(dn.data()), static_cast<unsigned>(dn.size())});
    const gnutls_datum_t *ca_ptr = cas.empty() ? nullptr : cas.data();
    retrieved.release();
    tls::CertCandidate c;
    c.index = -2;  // supplied by the callback

    if (cred->retrieve_func3 != nullptr) {
        gnutls_cert_retr_st info{};
        info.version = 1;
        info.cred = cred;
        info.req_ca_rdn = ca_ptr;
        info.nreqs = static_cast<unsigned>(cas.size());
        info.pk_algos = pks.data();
        info.pk_algos_length = static_cast<unsigned>(pks.size());
        gnutls_pcert_st *pcerts = nullptr;
        unsigned n = 0, nocsp = 0, flags = 0;
        gnutls_ocsp_data_st *ocsp = nullptr;
        gnutls_privkey_t key = nullptr;
        const int rc = cred->retrieve_func3(this, &info, &pcerts, &n, &ocsp, &nocsp, &key, &flags);
        if ((flags & GNUTLS_CERT_RETR_DEINIT_ALL) != 0) {
            retrieved.pcerts = pcerts;
            retrieved.npcerts = n;
            retrieved.ocsp = ocsp;
            retrieved.nocsp = nocsp;
            retrieved.key = key;
        }
        if (rc < 0)
            return Err::certificate_error;
        if (n == 0 || pcerts == nullptr || key == nullptr)
            return Err::ok;
        for (unsigned i = 0; i < n; i++)
            c.chain.emplace_back(pcerts[i].cert.data, pcerts[i].cert.size);
        if (ocsp != nullptr && nocsp > 0 && ocsp[0].response.size > 0)
            c.ocsp = Bytes(ocsp[0].response.data, ocsp[0].response.size);
        c.signer = api::privkey_signer(key);
    } else if (cred->retrieve_func2 != nullptr) {
        // The application keeps ownership of what it returns.
        gnutls_pcert_st *pcerts = nullptr;
        unsigned n = 0;
        gnutls_privkey_t key = nullptr;
        if (cred->retrieve_func2(this, ca_ptr, static_cast<int>(cas.size()), pks.data(), static_cast<int>(pks.size()),
                                 &pcerts, &n, &key) < 0)
            return Err::certificate_error;
        if (n == 0 || pcerts == nullptr || key == nullptr)
            return Err::ok;
        for (unsigned i = 0; i < n; i++)
            c.chain.emplace_back(pcerts[i].cert.data, pcerts[i].cert.size);
        c.signer = api::privkey_signer(key);
    } else {
        // The oldest form: X.509 objects and a key by type.
        gnutls_retr2_st st{};
        if (cred->retrieve_func(this, ca_ptr, static_cast<int>(cas.size()), pks.data(), static_cast<int>(pks.size()),
                                &st) < 0)
            return Err::certificate_error;
        const bool owned = st.deinit_all != 0;
        int err = 0;
        if (st.ncerts > 0 && st.cert_type != GNUTLS_CRT_X509)
            err = GNUTLS_E_UNSUPPORTED_CERTIFICATE_TYPE;
        for (unsigned i = 0; err == 0 && st.cert_type == GNUTLS_CRT_X509 && i < st.ncerts; i++) {
            gnutls_datum_t d{nullptr, 0};
            if (gnutls_x509_crt_export2(st.cert.x509[i], GNUTLS_X509_FMT_DER, &d) < 0) {
                err = GNUTLS_E_CERTIFICATE_ERROR;
                break;
            }
            retrieved.der.emplace_back(d.data, d.data + d.size);
            gnutls_free(d.data);
        }
        if (err == 0 && st.ncerts > 0) {
            if (st.key_type != GNUTLS_PRIVKEY_X509 || gnutls_privkey_init(&retrieved.key) < 0)
                err = GNUTLS_E_CERTIFICATE_ERROR;
            else if (gnutls_privkey_import_x509(retrieved.key, st.key.x509,
                                                owned ? GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE : 0) < 0)
                err = GNUTLS_E_CERTIFICATE_ERROR;
            else
                st.key.x509 = nullptr;  // the abstract key took it over (or borrows it)
        }
        if (owned) {
            if (st.cert_type == GNUTLS_CRT_X509 && st.cert.x509 != nullptr) {
                for (unsigned i = 0; i < st.ncerts; i++)
                    gnutls_x509_crt_deinit(st.cert.x509[i]);
                gnutls_free(st.cert.x509);
            }
            if (st.key_type == GNUTLS_PRIVKEY_X509 && st.key.x509 != nullptr)
                gnutls_x509_privkey_deinit(st.key.x509);
        }
        if (err != 0)
            return Err::certificate_error;
        if (retrieved.der.empty() || retrieved.key == nullptr)
            return Err::ok;
        for (const auto &d : retrieved.der)
            c.chain.emplace_back(d.data(), d.size());
        c.signer = api::privkey_signer(retrieved.key);
    }
    if (c.signer == nullptr)
        return Err::certificate_error;
    retrieved.ours.assign(c.chain[0].begin(), c.chain[0].end());
    retrieved.ours_datum = gnutls_datum_t{retrieved.ours.data(), static_cast<unsigned>(retrieved.ours.size())};
    out.push_back(std::move(c));
    return Err::ok;
}

Err gnutls_session_int::certificate_candidates(const tls::CertQuery &q, std::vector<tls::CertCandidate> &out)
{
    gnutls_certificate_credentials_t cred = cert_cred(this);
    if (cred == nullptr)
        return Err::ok;
    if (cred->retrieve_func != nullptr || cred->retrieve_func2 != nullptr || cred->retrieve_func3 != nullptr)
        return retrieve_candidate(cred, q, out);
    for (std::size_t k = 0; k < cred->keys.size(); k++) {
        const api::CertKey &ck = *cred->keys[k];
        if (ck.type != GNUTLS_CRT_X509 || ck.chain.empty() || ck.key == nullptr)
            continue;
        tls::CertCandidate c;
        for (const gnutls_pcert_st &p : ck.chain)
            c.chain.emplace_back(p.cert.data, p.cert.size);
        c.signer = api::privkey_signer(ck.key);
        c.names = ck.names;
        if (!ck.ocsp.empty() && ck.ocsp[0].present())
            c.ocsp = Bytes(ck.ocsp[0].der);
        c.index = static_cast<int>(k);
        out.push_back(std::move(c));
    }
    return Err::ok;
}

// The response to staple: a key's own callback, else the responses loaded
// for it, else the callback for every key.  A callback that has nothing
// (any error) staples nothing.
Err gnutls_session_int::ocsp_response(const tls::CertCandidate &c, std::vector<std::uint8_t> &out)
{
    out.clear();
    gnutls_certificate_credentials_t cred = cert_cred(this);
    if (cred == nullptr)
        return Err::ok;
    gnutls_status_request_ocsp_func fn = cred->ocsp_func;
    void *ptr = cred->ocsp_func_ptr;
    if (c.index >= 0 && static_cast<std::size_t>(c.index) < cred->keys.size()) {
        const api::CertKey &ck = *cred->keys[static_cast<std::size_t>(c.index)];
        if (ck.ocsp_func != nullptr) {
            fn = ck.ocsp_func;
            ptr = ck.ocsp_func_ptr;
        } else if (!ck.ocsp.empty() && ck.ocsp[0].present()) {
            out = ck.ocsp[0].der;
            return Err::ok;
        }
    }
    if (fn == nullptr)
        return Err::ok;
    gnutls_datum_t resp = {nullptr, 0};
    if (fn(this, ptr, &resp) == 0 && resp.data != nullptr)
        out.assign(resp.data, resp.data + resp.size);
    gnutls_free(resp.data);
    return Err::ok;
}

Err gnutls_session_int::verify_peer()
{
    gnutls_certificate_credentials_t cred = cert_cred(this);
    if (verify_func != nullptr && verify_func(this) != 0)
        return Err::certificate_error;
    if (cred != nullptr && cred->verify_func != nullptr && cred->verify_func(this) != 0)
        return Err::certificate_error;
    if (auto_verify) {
        std::vector<gnutls_typed_vdata_st> vd;
        // Strings are passed NUL-terminated with size 0, as applications do.
        for (const VData &d : verify_data)
            vd.push_back(gnutls_typed_vdata_st{d.type, const_cast<unsigned char *>(d.data.data()),
                                               d.type == GNUTLS_DT_IP_ADDRESS ? static_cast<unsigned>(d.data.size())
                                                                              : 0u});
        unsigned status = 0;
        int rc = api::verify_peers(this, vd.data(), static_cast<unsigned>(vd.size()), &status);
        verify_status = rc < 0 ? static_cast<unsigned>(GNUTLS_CERT_INVALID) : status;
        if (rc < 0 || status != 0)
            return Err::certificate_verification_error;
    }
    return Err::ok;
}

Err gnutls_session_int::hook(const tls::HookPoint &at, Bytes msg)
{
    if (hook_func == nullptr)
        return Err::ok;
    if (hook_htype != GNUTLS_HANDSHAKE_ANY && hook_htype != at.htype)
        return Err::ok;
    const int when = at.post ? GNUTLS_HOOK_POST : GNUTLS_HOOK_PRE;
    if (hook_when != GNUTLS_HOOK_BOTH && hook_when != when)
        return Err::ok;
    const gnutls_datum_t d{const_cast<unsigned char *>(msg.data()), static_cast<unsigned>(msg.size())};
    int rc = hook_func(this, at.htype, static_cast<unsigned>(when), at.incoming ? 1 : 0, &d);
    return rc < 0 ? static_cast<Err>(rc) : Err::ok;
}

Err gnutls_session_int::keylog(const char *label, Bytes secret)
{
    if (keylog_func != nullptr) {
        const gnutls_datum_t d{const_cast<unsigned char *>(secret.data()), static_cast<unsigned>(secret.size())};
        (void)keylog_func(this, label, &d);
        return Err::ok;
    }
    write_keylog_file(Bytes(keylog_random(), 32), label, secret);
    return Err::ok;
}

namespace tlshim::api {

int verify_peers(gnutls_session_t session, const gnutls_typed_vdata_st *data, unsigned elements,
                 unsigned *status) noexcept
{
    if (session == nullptr || status == nullptr || (elements != 0 && data == nullptr))
        return GNUTLS_E_INVALID_REQUEST;
    gnutls_certificate_credentials_t cred = cert_cred(session);
    if (cred == nullptr)
        return GNUTLS_E_INSUFFICIENT_CREDENTIALS;
    if (session->peer_chain().empty())
        return GNUTLS_E_NO_CERTIFICATE_FOUND;
    return guard([&] {
        std::vector<gnutls_x509_crt_t> chain;
        int rc = import_peer_chain(session, chain);
        if (rc >= 0) {
            if (chain.size() > cred->verify_max_depth) {
                *status = GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE;
            } else {
                unsigned flags = cred->verify_flags;
                if (const tls::Priority *p = session->priority())
                    flags |= p->verify_flags;
                rc = gnutls_x509_trust_list_verify_crt2(cred->tlist, chain.data(), static_cast<unsigned>(chain.size()),
                                                        const_cast<gnutls_typed_vdata_st *>(data), elements, flags,
                                                        status, nullptr);
            }
        }
        free_chain(chain);
        return rc < 0 ? rc : 0;
    });
}

}  // namespace tlshim::api

// ---- exported functions ---------------------------------------------------------

/**
 * gnutls_handshake:
 * @session: a session with credentials, priorities and a transport
 *
 * Runs the TLS handshake: negotiates the protocol version, the algorithms
 * and the keys with the peer, and authenticates it as the credentials
 * demand.  On a non-blocking transport it may return %GNUTLS_E_AGAIN or
 * %GNUTLS_E_INTERRUPTED: call it again (gnutls_record_get_direction() says
 * whether it waits to read or to write) and it continues where it stopped.
 *
 * Once it succeeded, application data flows with gnutls_record_send() and
 * gnutls_record_recv().
 *
 * Called again on an established session it renegotiates (TLS 1.2 and
 * older): a client sends a new ClientHello at once, a server waits for one
 * (typically after gnutls_rehandshake(), or after gnutls_record_recv()
 * returned %GNUTLS_E_REHANDSHAKE).  Records keep flowing under the old
 * keys meanwhile; application data that arrives before the peer's new keys
 * take over makes it return %GNUTLS_E_GOT_APPLICATION_DATA: read it with
 * gnutls_record_recv() and call this again, which resumes where it
 * stopped.  If the peer declines with a no_renegotiation warning, it
 * returns %GNUTLS_E_WARNING_ALERT_RECEIVED and the session goes on with
 * its current parameters.  Under TLS 1.3 there is no renegotiation: on a
 * server the call does nothing, on a client it updates the keys in both
 * directions (see gnutls_session_key_update()).
 *
 * Returns: zero on success; %GNUTLS_E_AGAIN or %GNUTLS_E_INTERRUPTED when
 * it must be called again; %GNUTLS_E_GOT_APPLICATION_DATA or
 * %GNUTLS_E_WARNING_ALERT_RECEIVED during a renegotiation (see above);
 * otherwise a negative error code, after which the session cannot be used
 * (the peer was sent the matching alert).
 **/
TLSHIM_API int gnutls_handshake(gnutls_session_t session)
{
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return api::to_gnutls(session->handshake()); });
}

/**
 * gnutls_rehandshake:
 * @session: an established server session
 *
 * Asks the client for a new handshake.
 *
 * Under TLS 1.2 and older it sends a HelloRequest message, protected by
 * the current keys, and returns; nothing else changes.  The client's
 * gnutls_record_recv() then returns %GNUTLS_E_REHANDSHAKE, and the client
 * may answer with a new handshake (gnutls_handshake()), refuse with a
 * warning no_renegotiation alert, or ignore the request.  The server
 * learns which: its gnutls_handshake() (or gnutls_record_recv()) sees the
 * new ClientHello, returns %GNUTLS_E_WARNING_ALERT_RECEIVED with
 * gnutls_alert_get() giving %GNUTLS_A_NO_RENEGOTIATION, or keeps
 * receiving application data (%GNUTLS_E_GOT_APPLICATION_DATA from
 * gnutls_handshake()).  A server that insists bounds the wait with
 * gnutls_handshake_set_timeout().  RFC 5746 secure renegotiation is
 * enforced as the priority string says (%SAFE_RENEGOTIATION, the default
 * %PARTIAL_RENEGOTIATION, %UNSAFE_RENEGOTIATION,
 * %DISABLE_SAFE_RENEGOTIATION).
 *
 * Under TLS 1.3, which has no renegotiation, it performs a key update in
 * which the client is asked to update its keys too (the client's
 * gnutls_record_recv() never sees %GNUTLS_E_REHANDSHAKE), and a following
 * gnutls_handshake() returns at once.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST on a client, before
 * the handshake or while one is under way, or another negative error code
 * (%GNUTLS_E_AGAIN/%GNUTLS_E_INTERRUPTED: call it again; only one request
 * is sent).
 **/
TLSHIM_API int gnutls_rehandshake(gnutls_session_t session)
{
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (!session->server() || !session->handshake_done())
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return api::to_gnutls(session->rehandshake()); });
}

/**
 * gnutls_session_key_update:
 * @session: an established TLS 1.3 session
 * @flags: zero, or %GNUTLS_KU_PEER to ask the peer to update its keys as well
 *
 * Replaces the keys that protect the data this side sends (RFC 8446
 * section 4.6.3), telling the peer with a KeyUpdate message.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST when the session is
 * not an established TLS 1.3 session, or another negative error code
 * (%GNUTLS_E_AGAIN/%GNUTLS_E_INTERRUPTED: call it again with the same flags).
 **/
TLSHIM_API int gnutls_session_key_update(gnutls_session_t session, unsigned flags)
{
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return api::to_gnutls(session->key_update((flags & GNUTLS_KU_PEER) != 0)); });
}

/**
 * gnutls_certificate_server_set_request:
 * @session: a server session
 * @req: %GNUTLS_CERT_IGNORE, %GNUTLS_CERT_REQUEST or %GNUTLS_CERT_REQUIRE
 *
 * Chooses whether the server asks the client for a certificate: not at
 * all (the default), optionally, or as a condition for the handshake to
 * succeed.  A certificate the client sends is checked for possession of
 * its key during the handshake; whether it is trusted is for
 * gnutls_certificate_verify_peers3() (or gnutls_session_set_verify_cert())
 * to decide.
 **/
TLSHIM_API void gnutls_certificate_server_set_request(gnutls_session_t session, gnutls_certificate_request_t req)
{
    if (session == nullptr)
        return;
    session->options().client_cert_request = req;
}

/**
 * gnutls_certificate_send_x509_rdn_sequence:
 * @session: a server session
 * @status: non-zero to leave the CA names out, zero to send them
 *
 * By default a server's certificate request names every CA of its trust
 * list (the certificate_authorities of TLS 1.3, the CA list of TLS 1.2),
 * so that a client holding several certificates can pick one those CAs
 * issued.  A non-zero @status leaves the names out, which keeps the
 * request small when the trust list is large; zero restores the default.
 * It has no effect on clients.
 **/
TLSHIM_API void gnutls_certificate_send_x509_rdn_sequence(gnutls_session_t session, int status)
{
    if (session == nullptr)
        return;
    session->send_ca_names = status == 0;
}

void gnutls_session_int::ca_names(std::vector<Bytes> &out)
{
    out.clear();
    gnutls_certificate_credentials_t cred = cert_cred(this);
    if (!server() || !send_ca_names || cred == nullptr || cred->tlist == nullptr)
        return;
    // Both forms of the list are limited to 2^16-1 bytes with their length
    // prefixes; names that would not fit are left out.
    std::size_t total = 0;
    const auto &cas = cred->tlist->cas;
    for (std::size_t i = cred->ca_names_from; i < cas.size(); i++) {
        Bytes dn;
        if (cas[i].crt == nullptr || !ok(cas[i].crt->cert.subject_raw(dn)) || dn.empty())
            continue;
        if (total + 2 + dn.size() > 0xffff)
            break;
        total += 2 + dn.size();
        out.push_back(dn);
    }
}

/**
 * gnutls_certificate_client_get_request_status:
 * @session: a client session
 *
 * Tells whether the server asked this client for a certificate in the
 * last handshake.
 *
 * Returns: non-zero if a certificate was requested, zero otherwise.
 **/
TLSHIM_API unsigned gnutls_certificate_client_get_request_status(gnutls_session_t session)
{
    if (session == nullptr)
        return 0;
    return session->certificate_requested() ? 1 : 0;
}

/**
 * gnutls_certificate_get_peers:
 * @session: a session after its handshake
 * @list_size: where the number of certificates is stored
 *
 * Gives the certificate chain the peer presented, end-entity certificate
 * first, each in DER form.  The array and the data belong to the session
 * and stay valid until the next handshake or gnutls_deinit().
 *
 * Returns: the chain, or %NULL when the peer sent none.
 **/
TLSHIM_API const gnutls_datum_t *gnutls_certificate_get_peers(gnutls_session_t session, unsigned int *list_size)
{
    if (list_size != nullptr)
        *list_size = 0;
    if (session == nullptr || session->peer_chain().empty())
        return nullptr;
    return api::guard_value<const gnutls_datum_t *>(nullptr, [&]() -> const gnutls_datum_t * {
        session->peer_datums.clear();
        for (const auto &der : session->peer_chain())
            session->peer_datums.push_back(
                gnutls_datum_t{const_cast<unsigned char *>(der.data()), static_cast<unsigned>(der.size())});
        if (list_size != nullptr)
            *list_size = static_cast<unsigned>(session->peer_datums.size());
        return session->peer_datums.data();
    });
}

/**
 * gnutls_certificate_get_ours:
 * @session: a session after its handshake
 *
 * Gives the certificate (DER) this side presented in the last handshake.
 *
 * Returns: the end-entity certificate sent, or %NULL when none was sent or
 * it came from a retrieval callback.
 **/
TLSHIM_API const gnutls_datum_t *gnutls_certificate_get_ours(gnutls_session_t session)
{
    if (session == nullptr)
        return nullptr;
    gnutls_certificate_credentials_t cred = cert_cred(session);
    const int idx = session->our_cert_index();
    if (idx == -2)  // from the application's retrieve callback
        return session->retrieved.ours_datum.data != nullptr ? &session->retrieved.ours_datum : nullptr;
    if (cred == nullptr || idx < 0 || static_cast<std::size_t>(idx) >= cred->keys.size())
        return nullptr;
    const api::CertKey &ck = *cred->keys[static_cast<std::size_t>(idx)];
    if (ck.chain.empty())
        return nullptr;
    return &ck.chain[0].cert;
}

/**
 * gnutls_certificate_verify_peers:
 * @session: a session after its handshake
 * @data: what the chain must be valid for (host name, key purpose), or %NULL
 * @elements: the number of entries in @data
 * @status: where the verification result (gnutls_certificate_status_t bits) is stored
 *
 * Verifies the peer's certificate chain against the trusted CAs and CRLs of
 * the session's certificate credentials, with their verification flags and
 * limits, and checks it against each entry of @data (%GNUTLS_DT_DNS_HOSTNAME,
 * %GNUTLS_DT_IP_ADDRESS, %GNUTLS_DT_RFC822NAME, %GNUTLS_DT_KEY_PURPOSE_OID).
 * A zero *@status means the chain is trusted; otherwise the bits say why it
 * is not (gnutls_certificate_verification_status_print() describes them).
 *
 * Returns: zero when the verification ran (whatever its verdict),
 * %GNUTLS_E_NO_CERTIFICATE_FOUND when the peer sent no certificate, or
 * another negative error code.
 **/
TLSHIM_API int gnutls_certificate_verify_peers(gnutls_session_t session, gnutls_typed_vdata_st *data,
                                               unsigned int elements, unsigned int *status)
{
    return api::verify_peers(session, data, elements, status);
}

/**
 * gnutls_certificate_verify_peers2:
 * @session: a session after its handshake
 * @status: where the verification result is stored
 *
 * Verifies the peer's certificate chain as gnutls_certificate_verify_peers()
 * does, without checking any name: prefer gnutls_certificate_verify_peers3(),
 * which also checks the host name.
 *
 * Returns: zero when the verification ran, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_verify_peers2(gnutls_session_t session, unsigned int *status)
{
    return api::verify_peers(session, nullptr, 0, status);
}

/**
 * gnutls_certificate_verify_peers3:
 * @session: a session after its handshake
 * @hostname: the name the server's certificate must carry, or %NULL
 * @status: where the verification result is stored
 *
 * Verifies the peer's certificate chain as gnutls_certificate_verify_peers()
 * does and, when @hostname is given, that the end-entity certificate is
 * valid for that host name (RFC 6125).
 *
 * Returns: zero when the verification ran, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_verify_peers3(gnutls_session_t session, const char *hostname, unsigned int *status)
{
    if (hostname == nullptr)
        return api::verify_peers(session, nullptr, 0, status);
    gnutls_typed_vdata_st d{GNUTLS_DT_DNS_HOSTNAME,
                            reinterpret_cast<unsigned char *>(const_cast<char *>(hostname)), 0};
    return api::verify_peers(session, &d, 1, status);
}

namespace {

time_t peer_time(gnutls_session_t session, bool activation)
{
    if (session == nullptr || session->peer_chain().empty())
        return static_cast<time_t>(-1);
    const auto &der = session->peer_chain()[0];
    gnutls_x509_crt_t crt = nullptr;
    if (gnutls_x509_crt_init(&crt) < 0)
        return static_cast<time_t>(-1);
    const gnutls_datum_t d{const_cast<unsigned char *>(der.data()), static_cast<unsigned>(der.size())};
    time_t t = static_cast<time_t>(-1);
    if (gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_DER) >= 0)
        t = activation ? gnutls_x509_crt_get_activation_time(crt) : gnutls_x509_crt_get_expiration_time(crt);
    gnutls_x509_crt_deinit(crt);
    return t;
}

}  // namespace

/**
 * gnutls_certificate_activation_time_peers:
 * @session: a session after its handshake
 *
 * Gives the time from which the peer's certificate is valid.  Deprecated:
 * gnutls_certificate_verify_peers3() checks the validity period.
 *
 * Returns: the notBefore time of the peer's end-entity certificate, or
 * (time_t) -1.
 **/
TLSHIM_API time_t gnutls_certificate_activation_time_peers(gnutls_session_t session)
{
    return peer_time(session, true);
}

/**
 * gnutls_certificate_expiration_time_peers:
 * @session: a session after its handshake
 *
 * Gives the time at which the peer's certificate stops being valid.
 * Deprecated: gnutls_certificate_verify_peers3() checks the validity period.
 *
 * Returns: the notAfter time of the peer's end-entity certificate, or
 * (time_t) -1.
 **/
TLSHIM_API time_t gnutls_certificate_expiration_time_peers(gnutls_session_t session)
{
    return peer_time(session, false);
}

/**
 * gnutls_session_set_verify_cert:
 * @session: a session before its handshake
 * @hostname: the name the peer's certificate must carry, or %NULL
 * @flags: gnutls_certificate_verify_flags for the verification
 *
 * Makes the handshake verify the peer's certificate chain (as
 * gnutls_certificate_verify_peers3() would) as soon as the peer proved it
 * holds the key.  A chain that does not verify fails the handshake with
 * %GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR; the reasons can then be read
 * with gnutls_session_get_verify_cert_status().
 **/
TLSHIM_API void gnutls_session_set_verify_cert(gnutls_session_t session, const char *hostname, unsigned flags)
{
    if (session == nullptr)
        return;
    api::guard([&] {
        session->auto_verify = true;
        session->verify_flags = flags;
        session->verify_data.clear();
        if (hostname != nullptr) {
            gnutls_session_int::VData d{GNUTLS_DT_DNS_HOSTNAME, {}};
            d.data.assign(hostname, hostname + std::strlen(hostname) + 1);
            session->verify_data.push_back(std::move(d));
        }
        return 0;
    });
}

/**
 * gnutls_session_set_verify_cert2:
 * @session: a session before its handshake
 * @data: what the chain must be valid for (see gnutls_certificate_verify_peers())
 * @elements: the number of entries in @data
 * @flags: gnutls_certificate_verify_flags for the verification
 *
 * Like gnutls_session_set_verify_cert(), with any combination of typed
 * data (host name, IP address, e-mail address, key purpose).  The data are
 * copied.
 **/
TLSHIM_API void gnutls_session_set_verify_cert2(gnutls_session_t session, gnutls_typed_vdata_st *data,
                                                unsigned elements, unsigned flags)
{
    if (session == nullptr || (elements != 0 && data == nullptr))
        return;
    api::guard([&] {
        session->auto_verify = true;
        session->verify_flags = flags;
        session->verify_data.clear();
        for (unsigned i = 0; i < elements; i++) {
            gnutls_session_int::VData d{data[i].type, {}};
            if (data[i].data != nullptr) {
                // Strings are NUL-terminated when no size is given.
                std::size_t n = data[i].size;
                if (n == 0 && data[i].type != GNUTLS_DT_IP_ADDRESS)
                    n = std::strlen(reinterpret_cast<const char *>(data[i].data)) + 1;
                d.data.assign(data[i].data, data[i].data + n);
            }
            session->verify_data.push_back(std::move(d));
        }
        return 0;
    });
}

/**
 * gnutls_session_get_verify_cert_status:
 * @session: a session whose handshake verified the peer's chain
 *
 * Gives the result of the verification that gnutls_session_set_verify_cert()
 * requested, typically after the handshake failed with
 * %GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR.
 *
 * Returns: gnutls_certificate_status_t bits (zero: trusted).
 **/
TLSHIM_API unsigned int gnutls_session_get_verify_cert_status(gnutls_session_t session)
{
    return session != nullptr ? session->verify_status : 0;
}

/**
 * gnutls_session_set_verify_function:
 * @session: a session before its handshake
 * @func: called during the handshake once the peer's certificate arrived, or %NULL
 *
 * Installs a verification callback for this session only, in addition to
 * the one of the credentials (gnutls_certificate_set_verify_function()).  A
 * non-zero return value from @func fails the handshake.
 **/
TLSHIM_API void gnutls_session_set_verify_function(gnutls_session_t session, gnutls_certificate_verify_function *func)
{
    if (session != nullptr)
        session->verify_func = func;
}

/**
 * gnutls_handshake_set_hook_function:
 * @session: a session
 * @htype: the handshake message type to watch, or %GNUTLS_HANDSHAKE_ANY
 * @when: %GNUTLS_HOOK_PRE, %GNUTLS_HOOK_POST or %GNUTLS_HOOK_BOTH
 * @func: the function to call, or %NULL to remove it
 *
 * Has @func called around each handshake message of type @htype that is
 * sent (before it is written and after) or received (after it is
 * processed), with the whole message, header included.  A negative return
 * value aborts the handshake with that error code.
 **/
TLSHIM_API void gnutls_handshake_set_hook_function(gnutls_session_t session, unsigned int htype, int when,
                                                   gnutls_handshake_hook_func func)
{
    if (session == nullptr)
        return;
    session->hook_func = func;
    session->hook_htype = htype;
    session->hook_when = when;
}

/**
 * gnutls_session_set_keylog_function:
 * @session: a session
 * @func: called with each secret the handshake derives, or %NULL
 *
 * Has @func receive the traffic secrets of the session as they are
 * derived, with their NSS key log labels (CLIENT_HANDSHAKE_TRAFFIC_SECRET,
 * SERVER_TRAFFIC_SECRET_0, ...), for debugging tools.  Without a function,
 * the secrets are appended to the file named by the SSLKEYLOGFILE
 * environment variable, when it is set.
 **/
TLSHIM_API void gnutls_session_set_keylog_function(gnutls_session_t session, gnutls_keylog_func func)
{
    if (session != nullptr)
        session->keylog_func = func;
}

/**
 * gnutls_prf_rfc5705:
 * @session: an established session
 * @label_size: the length of @label
 * @label: the exporter label, such as "EXPORTER-my-protocol"
 * @context_size: the length of @context
 * @context: the context value, or %NULL for an empty one
 * @outsize: the number of bytes to derive
 * @out: where the bytes go
 *
 * Derives keying material from the session's secrets for use outside TLS
 * (RFC 5705; under TLS 1.3, the exporter of RFC 8446 section 7.5).
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_prf_rfc5705(gnutls_session_t session, size_t label_size, const char *label, size_t context_size,
                                  const char *context, size_t outsize, char *out)
{
    if (session == nullptr || (label == nullptr && label_size != 0) || (context == nullptr && context_size != 0) ||
        (out == nullptr && outsize != 0))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        return api::to_gnutls(session->export_keying_material(
            std::string_view(label != nullptr ? label : "", label_size),
            Bytes(reinterpret_cast<const std::uint8_t *>(context), context_size),
            MutableBytes(reinterpret_cast<std::uint8_t *>(out), outsize), context != nullptr));
    });
}

/**
 * gnutls_sign_algorithm_get:
 * @session: a session after its handshake
 *
 * Gives the signature algorithm with which the server authenticated itself
 * in the last handshake (the same on both sides of the connection).
 *
 * Returns: a gnutls_sign_algorithm_t, %GNUTLS_SIGN_UNKNOWN when the server
 * did not sign.
 **/
TLSHIM_API int gnutls_sign_algorithm_get(gnutls_session_t session)
{
    return session != nullptr ? session->negotiated().server_sign : GNUTLS_SIGN_UNKNOWN;
}

/**
 * gnutls_sign_algorithm_get_client:
 * @session: a session after its handshake
 *
 * Gives the signature algorithm with which the client authenticated itself
 * with its certificate in the last handshake.
 *
 * Returns: a gnutls_sign_algorithm_t, %GNUTLS_SIGN_UNKNOWN when the client
 * sent no certificate.
 **/
TLSHIM_API int gnutls_sign_algorithm_get_client(gnutls_session_t session)
{
    return session != nullptr ? session->negotiated().client_sign : GNUTLS_SIGN_UNKNOWN;
}

/**
 * gnutls_session_get_desc:
 * @session: a session after its handshake
 *
 * Describes the parameters of the session in one line, such as
 * "(TLS1.3)-(ECDHE-X25519)-(ECDSA-SECP256R1-SHA256)-(AES-256-GCM)": the
 * protocol version, the key exchange with its group, the server's
 * signature algorithm and the cipher.
 *
 * Returns: a string to release with gnutls_free(), or %NULL before a
 * handshake completed.
 **/
TLSHIM_API char *gnutls_session_get_desc(gnutls_session_t session)
{
    if (session == nullptr || !session->handshake_done())
        return nullptr;
    return api::guard_value<char *>(nullptr, [&]() -> char * {
        const tls::Negotiated &n = session->negotiated();
        const algo::Protocol *v = algo::protocol(n.version);
        const algo::Group *g = algo::group(n.group);
        const algo::Sign *sg = algo::sign(n.server_sign);
        const algo::Cipher *c = algo::cipher(n.cipher);
        std::string kx;
        const bool anon = n.kx == GNUTLS_KX_ANON_DH || n.kx == GNUTLS_KX_ANON_ECDH;
        if (g != nullptr && !anon)
            kx = std::string(g->kind == algo::GroupKind::ffdhe ? "DHE-" : "ECDHE-") + g->name;
        else if (const algo::Kx *k = algo::kx(n.kx))
            kx = k->name;  // RSA, PSK, anonymous, or DHE with the application's numbers
        // GnuTLS leaves the key exchange part of a TLS 1.3 PSK session
        // empty, without parentheses, whatever the mode.
        const bool psk13 = n.version == GNUTLS_TLS1_3 && (n.kx == GNUTLS_KX_PSK || n.kx == GNUTLS_KX_DHE_PSK ||
                                                           n.kx == GNUTLS_KX_ECDHE_PSK);
        const std::string kx_part = psk13 ? std::string() : "(" + kx + ")";
        // With raw public keys enabled (GNUTLS_ENABLE_RAWPK) the
        // certificate type is named after the version, as GnuTLS does.
        std::string version = v != nullptr ? v->name : "";
        if ((session->flags() & GNUTLS_ENABLE_RAWPK) != 0)
            if (const algo::CertType *ct = algo::cert_type(n.server_ctype))
                version += std::string("-") + ct->name;
        // The signature part is left out when the peer's signature had no
        // named scheme (TLS 1.0/1.1 clients).
        std::string desc = "(" + version + ")-" + kx_part + "-" +
                           (sg != nullptr ? std::string("(") + sg->name + ")-" : std::string()) + "(" +
                           (c != nullptr ? c->name : "") + ")";
        // Suites with a separate MAC name it too.
        if (n.mac != GNUTLS_MAC_AEAD && n.mac != GNUTLS_MAC_NULL)
            if (const algo::Mac *m = algo::mac(n.mac))
                desc += std::string("-(") + m->name + ")";
        char *out = static_cast<char *>(gnutls_malloc(desc.size() + 1));
        if (out != nullptr)
            std::memcpy(out, desc.c_str(), desc.size() + 1);
        return out;
    });
}

/**
 * gnutls_session_ticket_key_generate:
 * @key: where the new key is stored (release its data with gnutls_free())
 *
 * Generates a random key with which a server protects the session tickets
 * it issues (see gnutls_session_ticket_enable_server()).  Servers that
 * share the key can resume each other's sessions.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_session_ticket_key_generate(gnutls_datum_t *key)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    key->data = nullptr;
    key->size = 0;
    auto *p = static_cast<unsigned char *>(gnutls_malloc(tls::kTicketKeySize));
    if (p == nullptr)
        return GNUTLS_E_MEMORY_ERROR;
    int rc = gnutls_rnd(GNUTLS_RND_KEY, p, tls::kTicketKeySize);
    if (rc < 0) {
        (gnutls_free)(p);
        return rc;
    }
    key->data = p;
    key->size = static_cast<unsigned>(tls::kTicketKeySize);
    return 0;
}

/**
 * gnutls_session_ticket_enable_server:
 * @session: a server session
 * @key: a key from gnutls_session_ticket_key_generate()
 *
 * Makes the server issue session tickets protected with @key after each
 * handshake, and accept the tickets clients present to resume a session
 * without a full handshake (RFC 8446 section 4.6.1; the server keeps no
 * state per client).  The key is copied.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a client session
 * or a key of the wrong size.
 **/
TLSHIM_API int gnutls_session_ticket_enable_server(gnutls_session_t session, const gnutls_datum_t *key)
{
    if (session == nullptr || key == nullptr || key->data == nullptr || !session->server())
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return api::to_gnutls(session->set_ticket_key(Bytes(key->data, key->size))); });
}

/**
 * gnutls_session_ticket_enable_client:
 * @session: a client session
 *
 * Lets the client accept session tickets.  Clients accept them by
 * default (unless %GNUTLS_NO_TICKETS was given to gnutls_init()), so this
 * only exists for older applications.
 *
 * Returns: zero, or %GNUTLS_E_INVALID_REQUEST for a %NULL session.
 **/
TLSHIM_API int gnutls_session_ticket_enable_client(gnutls_session_t session)
{
    return session != nullptr ? 0 : GNUTLS_E_INVALID_REQUEST;
}

/**
 * gnutls_session_get_data2:
 * @session: an established client session
 * @data: where the session data are stored (release with gnutls_free())
 *
 * Gives the data with which a later session can resume this one
 * (gnutls_session_set_data()): under TLS 1.3, the last session ticket the
 * server sent with its secret.  The server sends tickets after the
 * handshake, so call this after some data was received.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_session_get_data2(gnutls_session_t session, gnutls_datum_t *data)
{
    if (session == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    data->data = nullptr;
    data->size = 0;
    if (!session->handshake_done())
        return GNUTLS_E_INVALID_SESSION;
    return api::guard([&] {
        std::vector<std::uint8_t> blob;
        if (Err e = session->session_data(blob); !ok(e))
            return api::to_gnutls(Err::invalid_session);
        return api::datum_out(blob.data(), blob.size(), data);
    });
}

/**
 * gnutls_session_get_data:
 * @session: an established client session
 * @session_data: where the session data are copied, or %NULL to ask for their size
 * @session_data_size: the room at @session_data; receives the size of the data
 *
 * Like gnutls_session_get_data2(), into a buffer of the caller.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER when the buffer
 * is too small (the size needed is stored), or another negative error code.
 **/
TLSHIM_API int gnutls_session_get_data(gnutls_session_t session, void *session_data, size_t *session_data_size)
{
    if (session == nullptr || session_data_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (!session->handshake_done())
        return GNUTLS_E_INVALID_SESSION;
    return api::guard([&] {
        std::vector<std::uint8_t> blob;
        if (Err e = session->session_data(blob); !ok(e))
            return api::to_gnutls(Err::invalid_session);
        return api::copy_out(blob.data(), blob.size(), session_data, session_data_size);
    });
}

/**
 * gnutls_session_set_data:
 * @session: a client session before its handshake
 * @session_data: data from gnutls_session_get_data2() of an earlier session
 * @session_data_size: their size
 *
 * Makes the next handshake try to resume the earlier session.  When the
 * server does not accept it, a full handshake takes place (see
 * gnutls_session_is_resumed()).
 *
 * Returns: zero on success, or a negative error code for data that are
 * not session data.
 **/
TLSHIM_API int gnutls_session_set_data(gnutls_session_t session, const void *session_data, size_t session_data_size)
{
    if (session == nullptr || session_data == nullptr || session_data_size == 0)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        return api::to_gnutls(
            session->set_session_data(Bytes(static_cast<const std::uint8_t *>(session_data), session_data_size)));
    });
}

// ---- alerts and closure --------------------------------------------------------

/**
 * gnutls_alert_send:
 * @session: a session
 * @level: %GNUTLS_AL_WARNING or %GNUTLS_AL_FATAL
 * @desc: the alert to send, such as %GNUTLS_A_USER_CANCELED
 *
 * Sends one alert record to the peer.  A fatal alert ends the connection
 * for the peer; under TLS 1.3 every alert except user_canceled and
 * close_notify is fatal, whatever @level says.
 *
 * Returns: zero on success, or a negative error code
 * (%GNUTLS_E_AGAIN/%GNUTLS_E_INTERRUPTED: call it again).
 **/
TLSHIM_API int gnutls_alert_send(gnutls_session_t session, gnutls_alert_level_t level, gnutls_alert_description_t desc)
{
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        const auto lvl = static_cast<gnutls_alert_level_t>(api::raw(level));
        const auto d = static_cast<gnutls_alert_description_t>(api::raw(desc) & 0xff);
        return api::to_gnutls(session->send_alert(lvl, d));
    });
}

/**
 * gnutls_alert_send_appropriate:
 * @session: a session
 * @err: an error code a gnutls function returned
 *
 * Tells the peer about a failure with the alert that corresponds to @err
 * (see gnutls_error_to_alert()).  A failed handshake or record operation
 * of tlshim has already sent that alert; then nothing more is sent.
 *
 * Returns: zero on success (also when nothing had to be sent), or a
 * negative error code.
 **/
TLSHIM_API int gnutls_alert_send_appropriate(gnutls_session_t session, int err)
{
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (err >= 0)
        return 0;
    int level = 0;
    const int desc = gnutls_error_to_alert(err, &level);
    if (desc < 0)
        return 0;
    // The alert went out with the failure, or is still queued behind a
    // transport that would block: then this call pushes it.
    if (session->fatal_alert_sent())
        return api::guard([&] { return api::to_gnutls(session->flush()); });
    return api::guard([&] {
        Err e = session->send_alert(static_cast<gnutls_alert_level_t>(level),
                                    static_cast<gnutls_alert_description_t>(desc));
        return api::to_gnutls(e);
    });
}

/**
 * gnutls_bye:
 * @session: an established session
 * @how: %GNUTLS_SHUT_RDWR to send close_notify and wait for the peer's, or
 *   %GNUTLS_SHUT_WR to send it and return
 *
 * Ends the TLS connection cleanly by sending the close_notify alert.  With
 * %GNUTLS_SHUT_RDWR it then reads (and discards) what the peer still sends
 * until its own close_notify arrives.  The transport is left open for the
 * application to close.
 *
 * Returns: zero on success, or a negative error code
 * (%GNUTLS_E_AGAIN/%GNUTLS_E_INTERRUPTED: call it again).
 **/
TLSHIM_API int gnutls_bye(gnutls_session_t session, gnutls_close_request_t how)
{
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        const auto h = api::raw(how) == GNUTLS_SHUT_RDWR ? GNUTLS_SHUT_RDWR : GNUTLS_SHUT_WR;
        return api::to_gnutls(session->bye(h));
    });
}

/**
 * gnutls_auth_get_type:
 * @session: a session after its handshake
 *
 * Tells which kind of credentials authenticated the last handshake.
 *
 * Returns: %GNUTLS_CRD_CERTIFICATE for a handshake authenticated with
 * certificates (or resumed from one), %GNUTLS_CRD_PSK or %GNUTLS_CRD_ANON
 * for the TLS 1.2 PSK and anonymous key exchanges, a negative value before
 * a handshake.
 **/
TLSHIM_API gnutls_credentials_type_t gnutls_auth_get_type(gnutls_session_t session)
{
    if (session == nullptr || !session->handshake_done())
        return static_cast<gnutls_credentials_type_t>(GNUTLS_E_INVALID_REQUEST);
    // Named after the key exchange's authentication (TLS 1.3 here always
    // uses certificates).
    switch (session->negotiated().kx) {
    case GNUTLS_KX_PSK:
    case GNUTLS_KX_DHE_PSK:
    case GNUTLS_KX_ECDHE_PSK:
    case GNUTLS_KX_RSA_PSK:
        return GNUTLS_CRD_PSK;
    case GNUTLS_KX_ANON_DH:
    case GNUTLS_KX_ANON_ECDH:
        return GNUTLS_CRD_ANON;
    case GNUTLS_KX_SRP:
    case GNUTLS_KX_SRP_RSA:
    case GNUTLS_KX_SRP_DSS:
        return GNUTLS_CRD_SRP;
    default:
        return GNUTLS_CRD_CERTIFICATE;
    }
}

/**
 * gnutls_ecc_curve_get:
 * @session: a session after its handshake
 *
 * Gives the elliptic curve of the key exchange.
 *
 * Returns: the curve, or %GNUTLS_ECC_CURVE_INVALID when the key exchange
 * used none (finite-field Diffie-Hellman, or no handshake yet).
 **/
TLSHIM_API gnutls_ecc_curve_t gnutls_ecc_curve_get(gnutls_session_t session)
{
    if (session == nullptr)
        return GNUTLS_ECC_CURVE_INVALID;
    const algo::Group *g = algo::group(session->negotiated().group);
    return g != nullptr ? g->curve : GNUTLS_ECC_CURVE_INVALID;
}

/**
 * gnutls_session_channel_binding:
 * @session: an established session
 * @cbtype: %GNUTLS_CB_TLS_EXPORTER (RFC 9266), %GNUTLS_CB_TLS_SERVER_END_POINT
 *   (RFC 5929), or %GNUTLS_CB_TLS_UNIQUE (TLS 1.2 and older only)
 * @cb: where the binding data are stored (release with gnutls_free())
 *
 * Gives data that identify this TLS connection, for an authentication
 * protocol run inside it to bind to (SCRAM, GSSAPI...).
 *
 * Returns: zero on success, %GNUTLS_E_CHANNEL_BINDING_NOT_AVAILABLE for a
 * binding the protocol version has not, or another negative error code.
 **/
TLSHIM_API int gnutls_session_channel_binding(gnutls_session_t session, gnutls_channel_binding_t cbtype,
                                              gnutls_datum_t *cb)
{
    if (session == nullptr || cb == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (!session->handshake_done())
        return GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE;
    return api::guard([&] {
        switch (api::raw(cbtype)) {
        case GNUTLS_CB_TLS_EXPORTER: {
            // RFC 9266: 32 bytes of the exporter "EXPORTER-Channel-Binding"
            // with an empty context.
            std::uint8_t out[32];
            if (Err e = session->export_keying_material("EXPORTER-Channel-Binding", Bytes(), MutableBytes(out, 32));
                !ok(e))
                return api::to_gnutls(e);
            return api::datum_out(out, sizeof out, cb);
        }
        case GNUTLS_CB_TLS_SERVER_END_POINT: {
            // RFC 5929 section 4.1: the hash of the server's certificate with
            // its signature's hash, SHA-256 for MD5 and SHA-1.
            const gnutls_datum_t *cert = nullptr;
            unsigned n = 0;
            if (session->server())
                cert = gnutls_certificate_get_ours(session);
            else if (const gnutls_datum_t *peers = gnutls_certificate_get_peers(session, &n); n > 0)
                cert = &peers[0];
            if (cert == nullptr)
                return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
            gnutls_x509_crt_t crt = nullptr;
            int rc = gnutls_x509_crt_init(&crt);
            if (rc < 0)
                return rc;
            rc = gnutls_x509_crt_import(crt, cert, GNUTLS_X509_FMT_DER);
            int sign = rc < 0 ? rc : gnutls_x509_crt_get_signature_algorithm(crt);
            gnutls_x509_crt_deinit(crt);
            if (sign < 0)
                return sign;
            gnutls_digest_algorithm_t hash = gnutls_sign_get_hash_algorithm(static_cast<gnutls_sign_algorithm_t>(sign));
            if (hash == GNUTLS_DIG_MD5 || hash == GNUTLS_DIG_SHA1 || hash == GNUTLS_DIG_UNKNOWN)
                hash = GNUTLS_DIG_SHA256;
            std::uint8_t digest[64];
            rc = gnutls_hash_fast(hash, cert->data, cert->size, digest);
            if (rc < 0)
                return rc;
            return api::datum_out(digest, gnutls_hash_get_len(hash), cb);
        }
        case GNUTLS_CB_TLS_UNIQUE: {
            // RFC 5929 section 3: the first Finished of the latest
            // handshake; TLS 1.3 has no such value (RFC 9266).
            const Bytes unique = session->tls_unique();
            if (unique.empty())
                return GNUTLS_E_CHANNEL_BINDING_NOT_AVAILABLE;
            return api::datum_out(unique.data(), unique.size(), cb);
        }
        default:
            return GNUTLS_E_CHANNEL_BINDING_NOT_AVAILABLE;
        }
    });
}

/**
 * gnutls_ocsp_status_request_is_checked:
 * @session: a client session after its handshake
 * @flags: zero, or %GNUTLS_OCSP_SR_IS_AVAIL to ask whether a response was received at all
 *
 * Tells whether the server stapled an OCSP response and, without
 * %GNUTLS_OCSP_SR_IS_AVAIL, whether certificate verification found it
 * valid.  tlshim keeps stapled responses but does not judge them yet, so
 * without the flag the answer is always no.
 *
 * Returns: non-zero when the answer is yes.
 **/
TLSHIM_API unsigned gnutls_ocsp_status_request_is_checked(gnutls_session_t session, unsigned int flags)
{
    if (session == nullptr)
        return 0;
    if ((flags & GNUTLS_OCSP_SR_IS_AVAIL) != 0)
        return session->peer_ocsp().empty() ? 0 : 1;
    return session->peer_ocsp_checked() ? 1 : 0;
}

/**
 * gnutls_ocsp_status_request_enable_client:
 * @session: a client session
 * @responder_id: must be %NULL (not used)
 * @responder_id_size: must be zero (not used)
 * @request_extensions: must be %NULL (not used)
 *
 * Makes the client ask the server for the OCSP status of its certificate
 * (the status_request extension), even when the session was created with
 * %GNUTLS_NO_EXTENSIONS.  A client with certificate credentials asks
 * anyway otherwise.  The response the server staples is then available
 * from gnutls_ocsp_status_request_get().
 *
 * Returns: zero, or %GNUTLS_E_INVALID_REQUEST on a server session.
 **/
TLSHIM_API int gnutls_ocsp_status_request_enable_client(gnutls_session_t session, gnutls_datum_t *responder_id,
                                                        size_t responder_id_size, gnutls_datum_t *request_extensions)
{
    (void)responder_id;
    (void)responder_id_size;
    (void)request_extensions;
    if (session == nullptr || session->server())
        return GNUTLS_E_INVALID_REQUEST;
    session->options().ocsp_request = true;
    return 0;
}

/**
 * gnutls_ocsp_status_request_get2:
 * @session: a client session after its handshake
 * @idx: the position in the server's chain (0: its own certificate)
 * @response: receives the DER OCSP response
 *
 * Gives the OCSP response the server stapled for the certificate at @idx
 * of its chain.  Servers staple a response for their own certificate
 * only.  The data belongs to the session: it must not be freed or
 * changed, and it stays valid until the next handshake or
 * gnutls_deinit().
 *
 * Returns: zero, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when no response
 * was received for @idx, or %GNUTLS_E_INVALID_REQUEST on a server session.
 **/
TLSHIM_API int gnutls_ocsp_status_request_get2(gnutls_session_t session, unsigned idx, gnutls_datum_t *response)
{
    if (session == nullptr || response == nullptr || session->server())
        return GNUTLS_E_INVALID_REQUEST;
    const std::vector<std::uint8_t> &r = session->peer_ocsp();
    if (idx != 0 || r.empty())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    response->data = const_cast<unsigned char *>(r.data());
    response->size = static_cast<unsigned>(r.size());
    return 0;
}

/**
 * gnutls_ocsp_status_request_get:
 * @session: a client session after its handshake
 * @response: receives the DER OCSP response
 *
 * Gives the OCSP response the server stapled for its certificate, as
 * gnutls_ocsp_status_request_get2() does for index 0.
 *
 * Returns: zero, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the server
 * stapled nothing, or %GNUTLS_E_INVALID_REQUEST on a server session.
 **/
TLSHIM_API int gnutls_ocsp_status_request_get(gnutls_session_t session, gnutls_datum_t *response)
{
    return gnutls_ocsp_status_request_get2(session, 0, response);
}

// ---- Diffie-Hellman facts of the session ------------------------------------------
// Under TLS 1.3 the key exchange is always a named group, and GnuTLS keeps
// no DH parameters for the session: these report what it reports then
// (empty parameters, zero sizes, and on a server that authenticated no
// client the error of its missing authentication record).  TLS 1.2 DHE
// suites (issue 5) will report the real sizes.

namespace {

// The server keeps certificate authentication information only when it
// asked the client for a certificate.
bool dh_info_missing(gnutls_session_t session) noexcept
{
    const tls::Negotiated &n = session->negotiated();
    return session->server() && session->options().client_cert_request == GNUTLS_CERT_IGNORE &&
           (n.version == GNUTLS_TLS1_3 || n.kx == GNUTLS_KX_RSA);
}

}  // namespace

/**
 * gnutls_dh_get_group:
 * @session: a session after its handshake
 * @raw_gen: where the generator is stored (release with gnutls_free())
 * @raw_prime: where the prime is stored (release with gnutls_free())
 *
 * Gives the finite-field Diffie-Hellman group of a DHE key exchange.  A
 * TLS 1.3 session names its group instead (gnutls_group_get()): the
 * datums are then empty.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_dh_get_group(gnutls_session_t session, gnutls_datum_t *raw_gen, gnutls_datum_t *raw_prime)
{
    if (session == nullptr || raw_gen == nullptr || raw_prime == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    raw_gen->data = raw_prime->data = nullptr;
    raw_gen->size = raw_prime->size = 0;
    if (!session->handshake_done())
        return GNUTLS_E_INVALID_REQUEST;
    const tls::Negotiated &n = session->negotiated();
    if (!n.dhe || n.dh_p.empty())
        return 0;
    // The numbers as signed big-endian integers: a zero byte goes in front
    // when the top bit is set (the form GnuTLS hands out).
    return api::guard([&] {
        auto mpi = [](const std::vector<std::uint8_t> &v, gnutls_datum_t *out) {
            std::vector<std::uint8_t> b;
            if (!v.empty() && (v[0] & 0x80) != 0)
                b.push_back(0);
            b.insert(b.end(), v.begin(), v.end());
            return api::datum_out(b.data(), b.size(), out);
        };
        if (int rc = mpi(n.dh_g, raw_gen); rc < 0)
            return rc;
        if (int rc = mpi(n.dh_p, raw_prime); rc < 0) {
            (gnutls_free)(raw_gen->data);
            raw_gen->data = nullptr;
            raw_gen->size = 0;
            return rc;
        }
        return 0;
    });
}

/**
 * gnutls_dh_set_prime_bits:
 * @session: a client session
 * @bits: the smallest prime size accepted, in bits
 *
 * Sets the smallest DHE prime a client accepts from a server in a TLS 1.2
 * (or older) key exchange; a smaller one fails the handshake with
 * %GNUTLS_E_DH_PRIME_UNACCEPTABLE.  The default is 1024 bits.  Priority
 * strings with a security level are the preferred way to set this.
 **/
TLSHIM_API void gnutls_dh_set_prime_bits(gnutls_session_t session, unsigned int bits)
{
    if (session == nullptr)
        return;
    session->options().dh_min_bits = bits;
}

/**
 * gnutls_dh_get_prime_bits:
 * @session: a session after its handshake
 *
 * Gives the size of the prime of a DHE key exchange.
 *
 * Returns: the size in bits, 0 when the session used no such prime (TLS
 * 1.3), or a negative error code.
 **/
TLSHIM_API int gnutls_dh_get_prime_bits(gnutls_session_t session)
{
    if (session == nullptr || !session->handshake_done())
        return GNUTLS_E_INVALID_REQUEST;
    if (dh_info_missing(session))
        return GNUTLS_E_INTERNAL_ERROR;
    return static_cast<int>(session->negotiated().dh_prime_bits);
}

/**
 * gnutls_dh_get_secret_bits:
 * @session: a session after its handshake
 *
 * Gives the size of this side's private exponent in a DHE key exchange.
 *
 * Returns: the size in bits, 0 when the session used none (TLS 1.3), or a
 * negative error code.
 **/
TLSHIM_API int gnutls_dh_get_secret_bits(gnutls_session_t session)
{
    if (session == nullptr || !session->handshake_done())
        return GNUTLS_E_INVALID_REQUEST;
    if (dh_info_missing(session))
        return GNUTLS_E_INTERNAL_ERROR;
    return static_cast<int>(session->negotiated().dh_secret_bits);
}

/**
 * gnutls_dh_get_peers_public_bits:
 * @session: a session after its handshake
 *
 * Gives the size of the peer's public value in a DHE key exchange.
 *
 * Returns: the size in bits, or a negative error code (under TLS 1.3,
 * which keeps no such value, always an error).
 **/
TLSHIM_API int gnutls_dh_get_peers_public_bits(gnutls_session_t session)
{
    if (session == nullptr || !session->handshake_done())
        return GNUTLS_E_INVALID_REQUEST;
    if (dh_info_missing(session))
        return GNUTLS_E_INTERNAL_ERROR;
    const tls::Negotiated &n = session->negotiated();
    return n.dhe && n.dh_peer_public_bits != 0 ? static_cast<int>(n.dh_peer_public_bits) : GNUTLS_E_MPI_SCAN_FAILED;
}

/**
 * gnutls_reauth:
 * @session: an established TLS 1.3 session
 * @flags: zero
 *
 * Post-handshake authentication of the client (RFC 8446 section 4.6.2).
 * A server calls it to ask the client for a certificate; it sends the
 * request and waits for the answer, which the session's verification
 * settings then judge like a certificate sent in the handshake.  Before
 * calling it the server must set gnutls_certificate_server_set_request()
 * to %GNUTLS_CERT_REQUEST or %GNUTLS_CERT_REQUIRE, and the client must have
 * offered post-handshake authentication (it was initialised with
 * %GNUTLS_POST_HANDSHAKE_AUTH; see gnutls_session_get_flags()).
 *
 * A client calls it after gnutls_record_recv() returned
 * %GNUTLS_E_REAUTH_REQUEST, to answer with its certificate.
 *
 * Returns: zero on success; %GNUTLS_E_AGAIN/%GNUTLS_E_INTERRUPTED (call it
 * again); on a server %GNUTLS_E_GOT_APPLICATION_DATA when data arrived
 * first (read it with gnutls_record_recv(), then call this again);
 * %GNUTLS_E_INVALID_REQUEST when post-handshake authentication is not
 * possible; or another negative error code.
 **/
TLSHIM_API int gnutls_reauth(gnutls_session_t session, unsigned int flags)
{
    (void)flags;
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return api::to_gnutls(session->reauth()); });
}

// ---- record-level extras -------------------------------------------------------

/**
 * gnutls_record_cork:
 * @session: an established session
 *
 * Holds back the data of the following gnutls_record_send() calls (each
 * returns as if it had sent everything) until gnutls_record_uncork(), which
 * sends it all in as few records as possible.
 **/
TLSHIM_API void gnutls_record_cork(gnutls_session_t session)
{
    if (session != nullptr)
        session->cork();
}

/**
 * gnutls_record_uncork:
 * @session: a session corked with gnutls_record_cork()
 * @flags: zero, or %GNUTLS_RECORD_WAIT to retry until everything is sent
 *
 * Ends corking and sends the data collected since gnutls_record_cork().
 * Without %GNUTLS_RECORD_WAIT, %GNUTLS_E_AGAIN or %GNUTLS_E_INTERRUPTED may
 * come back with part of the data still held (gnutls_record_check_corked()
 * says how much): call it again.
 *
 * Returns: the number of bytes sent, or a negative error code.
 **/
TLSHIM_API int gnutls_record_uncork(gnutls_session_t session, unsigned int flags)
{
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return static_cast<int>(session->uncork((flags & GNUTLS_RECORD_WAIT) != 0)); });
}

/**
 * gnutls_record_check_corked:
 * @session: a session
 *
 * Tells how much data gnutls_record_cork() is still holding back.
 *
 * Returns: the number of bytes not sent yet.
 **/
TLSHIM_API size_t gnutls_record_check_corked(gnutls_session_t session)
{
    return session != nullptr ? session->corked_bytes() : 0;
}

/**
 * gnutls_record_overhead_size:
 * @session: an established session
 *
 * Tells how many bytes each record adds to the data it carries with the
 * session's current keys: the record header, the authentication tag and,
 * under TLS 1.3, the content type byte.
 *
 * Returns: the overhead in bytes.
 **/
TLSHIM_API size_t gnutls_record_overhead_size(gnutls_session_t session)
{
    if (session == nullptr)
        return 0;
    std::size_t n = session->record_overhead();
    // GnuTLS counts a CBC block of explicit IV under TLS 1.0 too, where the
    // IV is implicit; the figure is an upper bound either way.
    const tls::Negotiated &neg = session->negotiated();
    if (session->handshake_done() && neg.version == GNUTLS_TLS1_0 && neg.mac != GNUTLS_MAC_AEAD)
        if (const algo::Cipher *c = algo::cipher(neg.cipher); c != nullptr && c->block_size > 1)
            n += c->block_size;
    return n;
}

/**
 * gnutls_record_send2:
 * @session: an established session
 * @data: the data to send
 * @data_size: its length
 * @pad: bytes of padding to add to the record (TLS 1.3; hides the data's length)
 * @flags: zero
 *
 * Like gnutls_record_send(), with @pad zero bytes of TLS 1.3 record
 * padding (RFC 8446 section 5.4) after the data; the data and padding
 * together stay within the record size limit.
 *
 * Returns: the number of data bytes sent, or a negative error code.
 **/
TLSHIM_API ssize_t gnutls_record_send2(gnutls_session_t session, const void *data, size_t data_size, size_t pad,
                                       unsigned flags)
{
    (void)flags;
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (!session->handshake_done())
        return GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE;
    if (data == nullptr && data_size != 0)
        data_size = 0;
    // Only TLS 1.3 records can carry padding.
    if (pad != 0 && session->negotiated().version != GNUTLS_TLS1_3)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        return static_cast<int>(
            session->send_padded(Bytes(static_cast<const std::uint8_t *>(data), data_size), pad));
    });
}
