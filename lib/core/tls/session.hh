// SPDX-License-Identifier: LGPL-2.1-or-later
// A TLS session: the record-level Connection plus what the application
// configured before the handshake (Options) and what the handshake settled
// (Negotiated). The facade's struct gnutls_session_int derives from it.
//
// The handshake state machines (client and server, TLS 1.2 and 1.3) are
// driven through handshake(); they fill Negotiated and install keys.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/secret.hh"
#include "core/tls/connection.hh"
#include "core/tls/extensions.hh"
#include "core/tls/handshake-buffer.hh"
#include "core/tls/key-schedule.hh"
#include "core/tls/prf12.hh"
#include "core/tls/priority.hh"
#include "core/tls/resumption.hh"

namespace tlshim::x509 {
class Signer;
}
namespace tlshim::pk {
class DhParams;
}

namespace tlshim::tls {

// Application settings, all optional.
struct Options {
    std::string server_name;            // client: SNI to send (already ACE form)
    std::vector<std::string> alpn;      // protocols in preference order
    unsigned alpn_flags = 0;            // gnutls_alpn_flags_t
    unsigned handshake_timeout_ms = 0;  // 0: none
    unsigned record_timeout_ms = 0;     // gnutls_record_set_timeout
    std::size_t max_record_request = 0; // gnutls_record_set_max_size (0: not set)
    bool ocsp_request = false;          // client: gnutls_ocsp_status_request_enable_client
    // Client: the smallest DHE prime accepted (gnutls_dh_set_prime_bits).
    unsigned dh_min_bits = 1024;
    // Server: gnutls_certificate_server_set_request (IGNORE, REQUEST, REQUIRE).
    gnutls_certificate_request_t client_cert_request = GNUTLS_CERT_IGNORE;
};

// What the engine asks the certificate credentials for: the key pairs that
// could authenticate this side.  The facade answers (it owns the
// credentials and runs the application's callbacks); the engine chooses.
struct CertQuery {
    bool tls13 = true;
    U16List peer_schemes;          // the peer's signature_algorithms
    std::string_view server_name;  // server: the SNI host name received
    std::vector<Bytes> issuers;    // client: certificate_authorities / CA names
};

struct CertCandidate {
    std::vector<Bytes> chain;            // DER, end entity first
    const x509::Signer *signer = nullptr;
    std::vector<std::string> names;      // names it answers to (server SNI)
    Bytes ocsp;                          // stapled response for chain[0], may be empty
    int index = -1;                      // opaque to the engine (the facade's key index)
};

// What a side has for the TLS 1.2 key exchanges beside its certified keys
// (the facade answers from the session's credentials).
struct KxCredentials {
    bool certificate = false;  // certificate credentials were set
    bool anon = false;         // anonymous credentials were set
    bool psk = false;          // PSK credentials were set
    // Server, DHE kinds: the application's parameters, or the RFC 7919
    // group a security level selects.
    const pk::DhParams *dh = nullptr;
    gnutls_group_t dh_group = GNUTLS_GROUP_INVALID;
    // Server, PSK kinds: the identity hint (empty: none).
    std::string psk_hint;
};

// How gnutls_handshake_set_hook_function is called around a message.
struct HookPoint {
    unsigned htype;  // gnutls_handshake_description_t
    bool post;       // GNUTLS_HOOK_POST (else PRE)
    bool incoming;
};

// Secrets kept once the TLS 1.3 handshake completed (key update,
// exporters, resumption).
struct Secrets13 {
    gnutls_mac_algorithm_t prf = GNUTLS_MAC_UNKNOWN;
    std::uint16_t suite = 0;  // code point
    Secret client_ap, server_ap, exporter, resumption;
};

// What a TLS 1.2 session keeps once its handshake completed: the master
// secret (exporters, tickets) and both Finished verify_data values, which a
// renegotiation binds to (RFC 5746).
struct Secrets12 {
    gnutls_mac_algorithm_t prf = GNUTLS_MAC_UNKNOWN;
    std::uint16_t suite = 0;
    FixedSecret<48> master;
    VerifyData client_verify, server_verify;
};

// The outcome of the last completed handshake (GnuTLS's "unknown" values
// until then).
struct Negotiated {
    gnutls_protocol_t version = GNUTLS_VERSION_UNKNOWN;
    gnutls_cipher_algorithm_t cipher = GNUTLS_CIPHER_NULL;
    gnutls_mac_algorithm_t mac = GNUTLS_MAC_NULL;
    gnutls_kx_algorithm_t kx = GNUTLS_KX_UNKNOWN;
    gnutls_group_t group = GNUTLS_GROUP_INVALID;
    // The signature schemes the server and the client authenticated with.
    gnutls_sign_algorithm_t server_sign = GNUTLS_SIGN_UNKNOWN;
    gnutls_sign_algorithm_t client_sign = GNUTLS_SIGN_UNKNOWN;
    gnutls_certificate_type_t client_ctype = GNUTLS_CRT_X509;
    gnutls_certificate_type_t server_ctype = GNUTLS_CRT_X509;
    std::uint8_t client_random[32] = {};
    std::uint8_t server_random[32] = {};
    std::vector<std::uint8_t> session_id;
    std::string alpn;              // selected protocol, empty if none
    std::string peer_server_name;  // server: the SNI the client sent
    bool resumed = false;
    bool safe_renegotiation = false;
    bool extended_master_secret = false;
    bool encrypt_then_mac = false;
    unsigned session_flags = 0;  // gnutls_session_flags_t
    // TLS 1.2 DHE: the group's numbers and sizes (gnutls_dh_get_*).
    bool dhe = false;
    unsigned dh_prime_bits = 0, dh_secret_bits = 0, dh_peer_public_bits = 0;
    std::vector<std::uint8_t> dh_p, dh_g, dh_peer_public;
    // TLS 1.2 PSK: the identity the client used (gnutls_psk_server_get_username)
    // and the server's hint (gnutls_psk_client_get_hint).
    std::string psk_identity, psk_hint;
};

class Session : public Connection {
public:
    // flags: gnutls_init_flags_t bits.
    explicit Session(unsigned flags);
    ~Session() override;

    bool server() const noexcept { return (flags_ & GNUTLS_SERVER) != 0; }
    unsigned flags() const noexcept { return flags_; }
    Options &options() noexcept { return options_; }
    const Options &options() const noexcept { return options_; }
    const Negotiated &negotiated() const noexcept { return negotiated_; }
    // The version in use: the one a running handshake's hello exchange chose
    // (callbacks and hooks see it as GnuTLS shows it), else the negotiated one.
    gnutls_protocol_t protocol_version() const noexcept;
    bool handshake_done() const noexcept { return handshake_done_; }

    // gnutls_handshake_get_last_in/out: the last handshake message type
    // received / sent, -1 before any.
    int last_in() const noexcept { return last_in_; }
    int last_out() const noexcept { return last_out_; }

    // gnutls_handshake: runs (or resumes) the handshake.
    Err handshake();

    // gnutls_priority_set: the priorities the next handshake uses.
    void set_priority(PriorityPtr p) noexcept { priority_ = std::move(p); }
    const Priority *priority() const noexcept { return priority_.get(); }

    // gnutls_record_recv: Connection::recv, and with GNUTLS_AUTO_REAUTH a
    // client answers a HelloRequest itself (GNUTLS_E_AGAIN while the
    // renegotiation is under way) instead of returning GNUTLS_E_REHANDSHAKE.
    long recv(MutableBytes out, std::uint64_t *seq = nullptr);

    // gnutls_session_key_update (TLS 1.3): sends a KeyUpdate, asking the
    // peer to update too when `ask_peer`; resumable after AGAIN.
    Err key_update(bool ask_peer);
    // gnutls_rehandshake on a server.
    Err rehandshake();
    // gnutls_reauth: TLS 1.3 post-handshake client authentication (RFC 8446
    // section 4.6.2).  A server sends a CertificateRequest and reads the
    // client's answer; a client answers the request that made
    // gnutls_record_recv return GNUTLS_E_REAUTH_REQUEST.  Resumable.
    Err reauth();

    // The peer's certificate chain (DER, end entity first) and the index of
    // the certified key we presented (-1 if none).
    const std::vector<std::vector<std::uint8_t>> &peer_chain() const noexcept { return peer_chain_; }
    int our_cert_index() const noexcept { return our_cert_index_; }
    // Client: the OCSP response the server stapled for its certificate
    // (empty: none), and whether certificate verification accepted it.
    const std::vector<std::uint8_t> &peer_ocsp() const noexcept { return peer_ocsp_; }
    bool peer_ocsp_checked() const noexcept { return peer_ocsp_checked_; }
    void set_peer_ocsp_checked(bool v) noexcept { peer_ocsp_checked_ = v; }
    // gnutls_record_get_max_size: the limit this side asked for or the
    // max_fragment_length in force.
    std::size_t record_size_reported() const noexcept { return reported_max_; }
    // Client: whether the server asked for a certificate.
    bool certificate_requested() const noexcept { return cert_requested_; }

    // Server: gnutls_session_ticket_enable_server (kTicketKeySize bytes).
    Err set_ticket_key(Bytes key);
    bool tickets_enabled() const noexcept;
    // Client: gnutls_session_get_data2 / gnutls_session_set_data.
    Err session_data(std::vector<std::uint8_t> &out) const;
    Err set_session_data(Bytes blob);

    // TLS 1.3 exporter (RFC 8446 section 7.5).
    // tls-unique (RFC 5929): the first Finished of the last TLS 1.2
    // handshake (the client's, or the server's when resumed); empty
    // under TLS 1.3.
    Bytes tls_unique() const noexcept;
    // TLS 1.2: RFC 5705 (`context_given` says whether a context, perhaps
    // empty, goes into the seed).
    Err export_keying_material(std::string_view label, Bytes context, MutableBytes out,
                               bool context_given = true) const;

    // Handles TLS 1.3 post-handshake messages (NewSessionTicket, KeyUpdate).
    Err post_handshake(Bytes fragment) override;
    // Sends the KeyUpdate a peer's update_requested asked for (GnuTLS
    // answers with the next application data, not at once).
    Err before_send() override;

    struct Hs;  // the state of one TLS 1.3 handshake (handshake.hh)

protected:
    // ---- what the facade supplies
    // The certified keys that could authenticate this side (empty: none).
    virtual Err certificate_candidates(const CertQuery &q, std::vector<CertCandidate> &out);
    // Server: the OCSP response to staple for the chosen certified key
    // (empty: none).  The default returns the candidate's stored response.
    virtual Err ocsp_response(const CertCandidate &c, std::vector<std::uint8_t> &out);
    // The peer's chain (peer_chain()) arrived and its signature verified:
    // run the application's verification.  An error fails the handshake.
    virtual Err verify_peer();
    // gnutls_handshake_set_hook_function; a non-zero result aborts.
    virtual Err hook(const HookPoint &at, Bytes msg);
    // TLS 1.2 key exchanges: which credentials exist (server: per key
    // exchange, with its DH parameters and PSK hint).  The default has
    // certificates only.
    virtual void kx_credentials(gnutls_kx_algorithm_t kx, KxCredentials &out);
    // Server: the subject names (DER) of the CAs a CertificateRequest
    // advertises, in the order they were trusted.  The views stay valid for
    // the call that builds the message.  The default names none.
    virtual void ca_names(std::vector<Bytes> &out);
    // Server: the key of a PSK identity (Err::... to refuse it).
    virtual Err psk_server_key(Bytes identity, SecretBytes &key);
    // Client: the PSK identity and key to use.
    virtual Err psk_client_key(std::string &identity, SecretBytes &key);
    // The server's session cache (gnutls_db_set_*_function): the state of
    // a TLS 1.2 session by its ID.  The defaults keep nothing.
    virtual bool db_retrieve(Bytes id, SecretBytes &data);
    virtual void db_store(Bytes id, Bytes data);
    virtual void db_remove(Bytes id);
    // Whether an entry stored at `issued_ms` is past the cache expiration.
    virtual bool db_expired(std::uint64_t issued_ms) const;
    // gnutls_session_set_keylog_function / SSLKEYLOGFILE (NSS key log
    // labels: CLIENT_HANDSHAKE_TRAFFIC_SECRET ...).
    virtual Err keylog(const char *label, Bytes secret);

    Negotiated negotiated_;
    bool handshake_done_ = false;
    // The client random of the handshake a key log line belongs to.
    const std::uint8_t *keylog_random() const noexcept
    {
        return keylog_random_set_ ? keylog_random_ : negotiated_.client_random;
    }
    int last_in_ = -1, last_out_ = -1;

private:
    friend struct Hs;
    friend class Client13;
    friend class Server13;
    friend class HandshakeIo;

    unsigned flags_;
    Options options_;
    PriorityPtr priority_;
    std::unique_ptr<Hs> hs_;
    HandshakeBuffer post_in_;  // post-handshake messages being reassembled
    Secrets13 secrets13_;
    Secrets12 secrets12_;
    // SHA-256 of the first certificate the peer presented: a renegotiation
    // may not change it (GNUTLS_E_SESSION_USER_ID_CHANGED) unless
    // GNUTLS_ALLOW_ID_CHANGE.
    std::vector<std::uint8_t> peer_identity_;
    // Server: a ClientHello that arrived on an established TLS 1.2 session
    // (gnutls_record_recv returned GNUTLS_E_REHANDSHAKE); the next
    // gnutls_handshake starts from it.
    bool hello_pending_ = false;
    // The client random the NSS key log names a TLS 1.2 master secret by
    // (set before the CLIENT_RANDOM line; a renegotiation's differs from
    // the session's until it completes).
    std::uint8_t keylog_random_[32] = {};
    bool keylog_random_set_ = false;
    bool hello_request_queued_ = false;  // gnutls_rehandshake met AGAIN
    bool auto_reauth_ = false;           // a GNUTLS_AUTO_REAUTH renegotiation is running
    // Whether a certificate answers to a server name (SNI), ignoring case.
    static bool names_match(const CertCandidate &c, std::string_view name);
    Err post_handshake12(Bytes fragment);
    std::vector<std::vector<std::uint8_t>> peer_chain_;
    std::vector<std::uint8_t> peer_ocsp_;
    bool peer_ocsp_checked_ = false;
    std::size_t reported_max_ = kMaxPlaintext;
    int our_cert_index_ = -1;
    bool cert_requested_ = false;
    // A KeyUpdate we owe or are sending (resumable after AGAIN).
    bool key_update_pending_ = false;
    bool key_update_owed_ = false;
    // Post-handshake authentication: the transcript up to the client's
    // Finished, and the exchange in progress.
    Transcript hs_transcript_;
    struct Reauth;
    std::unique_ptr<Reauth> reauth_;
    bool pha_offered_ = false;  // client: post_handshake_auth sent; server: received
    Err reauth_client();
    Err reauth_server();
    Err reauth_finish_read(const HandshakeMessage &m);
    // Client: a CertificateRequest after the handshake, kept for
    // gnutls_reauth; returns Err::reauth_request.
    Err keep_reauth_request(const HandshakeMessage &m);
    // Steps our (`ours`) or the peer's application traffic secret forward
    // and installs the keys it gives (KeyUpdate).
    Err update_traffic_keys(bool ours);
    // Cuts handshake messages into records sealed into the output queue,
    // from `pos` on (advanced as records are sealed; resumable after
    // again/interrupted).
    Err seal_handshake(Bytes msgs, std::size_t &pos);
    // Chooses among certificate_candidates() the key to authenticate with:
    // one whose names match the server name first, then any, whose key fits
    // a scheme both sides accept.
    Err choose_certificate(const CertQuery &q, U16List peer, CertCandidate &chosen, gnutls_sign_algorithm_t &scheme,
                           bool &found);
    SecretBytes ticket_key_;       // server
    std::uint8_t ticket_nonce_ = 0;
    ClientTicket ticket_;          // client: the last ticket received
    ClientTicket offer_;           // client: the ticket to resume with
};

}  // namespace tlshim::tls
