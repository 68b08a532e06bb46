// SPDX-License-Identifier: LGPL-2.1-or-later
// The TLS 1.3 handshake (RFC 8446), client and server, as one state
// machine per handshake.
//
// Session::handshake() creates a Hs and calls step() until it reports
// completion or an error; after GNUTLS_E_AGAIN/INTERRUPTED the next call
// resumes in the same state.  Each state is one member function that
// either consumes one incoming message or produces output, then moves on:
//
//   client: start -> wait_server_hello [-> (HelloRetryRequest) send
//           second ClientHello -> wait_server_hello] -> wait_encrypted_extensions
//           -> wait_cert_or_request -> wait_certificate -> wait_certificate_verify
//           -> wait_finished -> send_client_flight -> done
//   server: wait_client_hello [-> send HelloRetryRequest -> wait_client_hello]
//           -> send_server_flight -> wait_client_certificate
//           -> wait_certificate_verify -> wait_client_finished -> send_tickets -> done
//
// Output: messages are appended to `out_` (and to the transcript) and
// sealed into records by emit(), which is resumable; a state that changes
// the write keys does so only after emit() has sealed everything written
// under the old ones.  Input: read_message() assembles whole messages from
// handshake records (a message may not straddle a key change), accepts the
// one unprotected change_cipher_spec record of middlebox compatibility
// mode, and refuses anything else.
#pragma once

#include <gnutls/gnutls.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/algo/algo.hh"
#include "core/bytes.hh"
#include "core/error.hh"
#include "core/secret.hh"
#include "core/tls/handshake-buffer.hh"
#include "core/tls/key-schedule.hh"
#include "core/tls/key-share.hh"
#include "core/tls/kx12.hh"
#include "core/tls/prf12.hh"
#include "core/tls/messages.hh"
#include "core/tls/session.hh"
#include "core/x509/key.hh"

namespace tlshim::tls {

// The ClientHello we sent (a whole message), parsed again.
Err reparse_client_hello(const std::vector<std::uint8_t> &msg, ClientHello &ch);
// TLS 1.3 PSK key exchange modes (section 4.2.9): 0 psk_ke, 1 psk_dhe_ke.
// What a client lists, in order: the priority's PSK key exchanges mapped
// to modes (GnuTLS's rule), or psk_dhe_ke then psk_ke without any.
std::vector<std::uint8_t> psk_modes_offered(const Priority &prio);
// Whether a server accepts a mode: the modes of its PSK key exchanges, or
// psk_dhe_ke alone without any.
bool psk_mode_allowed(const Priority &prio, std::uint8_t mode);
// The hash GnuTLS ties external PSKs to.
inline constexpr gnutls_mac_algorithm_t kExternalPskPrf = GNUTLS_MAC_SHA256;
// The gnutls_protocol_t of a wire version.
gnutls_protocol_t protocol_of(std::uint16_t wire) noexcept;
// TLS 1.2 key exchange properties.
bool kx12_has_certificate(gnutls_kx_algorithm_t kx) noexcept;
bool kx12_key_fits(gnutls_pk_algorithm_t pk, gnutls_kx_algorithm_t kx) noexcept;
// The RFC 5280 key usage bits of which the certificate needs one for the exchange.
unsigned kx12_key_usage(gnutls_kx_algorithm_t kx) noexcept;
// The extensions block (u16 length first) of a TLS 1.3 CertificateRequest,
// in the handshake or after it: signature_algorithms, certificate_authorities
// when `ca_names` is not empty, and an empty status_request, in GnuTLS's order.
Err certificate_request13_extensions(const std::vector<unsigned> &sigs, const std::vector<Bytes> &ca_names,
                                     std::vector<std::uint8_t> &block);

struct Session::Hs {
    enum class State : std::uint8_t {
        // client
        client_start,
        client_send_hello,
        wait_server_hello,
        wait_encrypted_extensions,
        wait_cert_or_request,
        wait_certificate,
        wait_certificate_verify,
        wait_finished,
        send_client_flight,
        client_flight_sent,
        // server
        wait_client_hello,
        send_retry,
        send_server_flight,
        server_flight_sent,
        wait_client_certificate,
        wait_client_finished,
        send_tickets,
        // TLS 1.2 client (RFC 5246 section 7.3)
        wait_certificate12,
        wait_certificate_status12,  // RFC 6066 section 8, when the server acknowledged status_request
        wait_server_kx12,
        wait_cert_request_or_done12,
        send_client_flight12,
        wait_ticket_or_ccs12,
        send_client_finished12,  // resumption: our CCS and Finished come last
        // TLS 1.2 server
        send_server_flight12,
        wait_client_certificate12,
        wait_client_kx12,
        wait_certificate_verify12,
        wait_client_ccs12,
        send_server_finished12,
        done,
    };

    explicit Hs(Session &s);
    ~Hs();

    // Runs states until the handshake completes (Err::ok), must wait
    // (again/interrupted) or fails.
    Err run();

    // ---- I/O
    Err read_message(HandshakeMessage &msg);
    Err read_bounded(ContentType &type, MutableBytes &plain);
    void consume(const HandshakeMessage &msg);
    // Appends a whole message to the output and the transcript.
    Err queue(std::vector<std::uint8_t> &&msg);
    // Seals everything queued into records (resumable), then sends.
    Err seal_out();
    Err emit();
    Err send_ccs();
    Err expect(const HandshakeMessage &m, HandshakeType t) const;
    // read_message() and expect() in one.
    Err read_expected(HandshakeType t, HandshakeMessage &m);

    // ---- keys
    Err install_read(const Secret &secret);
    Err install_write(const Secret &secret);
    Err derive_handshake_secrets(Bytes shared);
    Err derive_application_secrets();
    void log_application_secrets();
    // record_size_limit (RFC 8449): what we announce, what the peer did (0: nothing).
    std::uint16_t our_record_limit() const noexcept;
    Err transcript_hash(std::uint8_t *out, std::size_t &len) const;

    // ---- shared message handling
    Err send_certificate(const CertCandidate *cand, Bytes context);
    Err send_certificate_verify(const CertCandidate &cand, gnutls_sign_algorithm_t scheme);
    Err send_finished();
    Err receive_certificate(const HandshakeMessage &m, Bytes context, bool allow_empty, bool &empty);
    Err receive_certificate_verify(const HandshakeMessage &m);
    Err receive_finished(const HandshakeMessage &m);
    Err pick_certificate(const CertQuery &q, U16List peer_schemes, CertCandidate &chosen,
                         gnutls_sign_algorithm_t &scheme, bool &found);
    void finish();

    // ---- client states
    Err client_start();
    Err build_client_hello();
    Err client_send_hello();
    Err wait_server_hello();
    Err process_retry(const ServerHello &sh, const HandshakeMessage &m);
    Err wait_encrypted_extensions();
    Err wait_cert_or_request();
    Err wait_certificate();
    Err wait_certificate_verify();
    Err wait_finished();
    Err send_client_flight();

    // ---- server states
    Err wait_client_hello();
    Err process_client_hello(const ClientHello &ch, const HandshakeMessage &m);
    Err send_retry();
    Err select_alpn(const ExtensionList &ext);
    // The client's host name (GnuTLS servers never acknowledge it).
    Err read_server_name(const ExtensionList &ext);
    Err send_server_flight();
    Err wait_client_certificate();
    Err wait_client_finished();
    Err send_tickets();

    // ---- TLS 1.2 (handshake12.cc, client12.cc, server12.cc)
    Err process_server_hello12(const ServerHello &sh, const HandshakeMessage &m, std::uint16_t version);
    Err wait_certificate12();
    Err wait_certificate_status12();
    Err wait_server_kx12();
    Err wait_cert_request_or_done12();
    Err send_client_flight12();
    Err wait_ticket_or_ccs12();
    Err process_client_hello12(const ClientHello &ch, const HandshakeMessage &m, std::uint16_t version);
    Err send_server_flight12();
    Err wait_client_certificate12();
    Err wait_client_kx12();
    Err wait_certificate_verify12();
    Err wait_client_ccs12();
    Err send_finished12_flight();
    // Shared TLS 1.2 steps.
    Err derive_master12(Bytes premaster);
    Err install_keys12();  // pending read/write protections from the key block
    Err queue_finished12();
    Err check_finished12(const HandshakeMessage &m);
    Err send_ccs12();
    // The end of a TLS 1.2 flight: CCS, Finished, flush (flight_step
    // kFlightCcs .. kFlightFlush; resumable).
    Err end_flight12();
    static constexpr int kFlightCcs = 10, kFlightFinished = 11, kFlightFlush = 12;
    void finish12();
    Err legacy_sign(const CertCandidate &c, Bytes data, std::vector<std::uint8_t> &sig);
    Err legacy_verify(Bytes data, Bytes sig);
    bool legacy() const noexcept { return version12 != 0 && version12 < kTls12; }
    Err try_resume12(const ClientHello &ch, const Extension *ticket_ext, std::uint16_t version);
    Err queue_ticket12();
    Err queue_certificate12(const CertCandidate *cand);
    Err receive_certificate12(const HandshakeMessage &m, bool allow_empty, bool &empty);
    // The renegotiation_info check of RFC 5746 section 3 (both sides).
    Err check_renegotiation_info(const ExtensionList &ext, bool scsv);
    bool tls12() const noexcept { return version12 != 0; }
    // Client: whether this ClientHello offers TLS 1.3.
    bool offer13() const noexcept;
    Err client_session_id();
    bool client_can_use(gnutls_kx_algorithm_t kx);
    // The key exchange of the chosen suite (handshake12.cc).
    Err kx_client_write(std::vector<std::uint8_t> &msg);
    Err kx_server_params(std::vector<std::uint8_t> &params);
    Err kx_server_read(Bytes body);
    void record_kx_info();
    unsigned version_id12() const noexcept;  // gnutls_protocol_t of version12
    // PSK binders (section 4.2.11.2): the binder for `psk` over the
    // transcript so far followed by `prefix`.
    // `external`: an external PSK ("ext binder"), else a resumption one
    // ("res binder"); `prf` is the PSK's hash.
    Err compute_binder(gnutls_mac_algorithm_t prf, bool external, Bytes psk, Bytes prefix, std::uint8_t *out,
                       std::size_t &len);
    // Client: loads the external PSK of the credentials once per handshake
    // (ext_identity, ext_key); false when none is to be offered.
    Err load_external_psk(bool &usable);
    Err add_psk_offer(std::vector<std::uint8_t> &msg);
    // Server: the first acceptable PSK of the offer (resumption ticket, or
    // external identity with `external_creds`); sets resumed or
    // psk_external, psk and psk_index.
    Err check_psk_offer(const ClientHello &ch, const HandshakeMessage &m, bool external_creds);

    Session &s;
    const Priority &prio;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    State state;
    bool server;

    HandshakeBuffer in;
    std::vector<std::uint8_t> out;
    std::size_t out_pos = 0;
    Transcript transcript;
    KeySchedule13 ks;
    const algo::CipherSuite *suite = nullptr;

    std::uint8_t client_random[32] = {};
    std::uint8_t server_random[32] = {};
    std::vector<std::uint8_t> session_id;  // legacy_session_id (ours or the client's)
    std::vector<KeyShare> shares;          // client: offered; server: ours
    gnutls_group_t group = GNUTLS_GROUP_INVALID;
    std::vector<std::uint8_t> cookie;
    bool retried = false;       // a HelloRetryRequest happened
    bool ccs_sent = false;
    bool ccs_received = false;
    bool compat = true;         // middlebox compatibility mode
    bool flight_built = false;  // server: the second flight is in `out`
    std::uint16_t peer_record_limit = 0;       // the peer's record_size_limit (0: none)

    // ---- max_fragment_length and status_request (mfl-status.cc)
    std::uint8_t mfl_code = 0;  // max_fragment_length in force (0: none; record_size_limit wins)
    bool status_requested = false;  // server: the client asked for a certificate status
    std::uint8_t status_type = 0;   // server: the status_type it asked for (1: ocsp)
    bool status_sent = false;       // client: the ClientHello carries status_request
    bool status_ack = false;        // status_request acknowledged (server: sent; client: received)
    std::vector<std::uint8_t> ocsp_response;  // server: what it staples for the leaf
    // Client: the max_fragment_length code we send (0: none).
    std::uint8_t our_mfl_code() const noexcept;
    // Client: whether the ClientHello carries status_request.
    bool client_sends_status_request();
    // Server: reads max_fragment_length and status_request of a ClientHello.
    Err read_mfl_and_status(const ExtensionList &ext);
    // Server: the response to staple for the chosen certificate (after
    // read_mfl_and_status and once our_cert is known); sets status_ack.
    Err prepare_ocsp_response();
    // Client: the server's max_fragment_length and status_request answers
    // (ServerHello or EncryptedExtensions).
    Err read_mfl_and_status_reply(const ExtensionList &ext, bool tls13);
    // Client: a CertificateStatus body (TLS 1.2 message or TLS 1.3 leaf extension).
    Err receive_certificate_status(Bytes body);
    // Both: record limits once the handshake is over.
    void apply_fragment_limit();
    std::vector<std::uint8_t> hello;  // client: the last ClientHello sent (whole message)
    std::vector<std::uint8_t> alpn_selected;

    // What we offered / what the peer offered (copies: the messages go).
    std::vector<std::uint8_t> our_extensions_sent;  // client: the extension types of the ClientHello
    std::vector<std::uint16_t> offered_groups;      // client: supported_groups sent
    std::vector<std::uint8_t> peer_schemes;         // wire form of the peer's signature_algorithms
    std::vector<std::uint8_t> request_context;      // CertificateRequest context

    Secret client_hs, server_hs;
    bool peer_authenticated = false;
    bool resumed = false;
    bool psk_offered = false;  // client: the ClientHello carries pre_shared_key
    SecretBytes psk;           // the PSK in use, resumption or external (empty: none)
    // TLS 1.3 external PSKs (RFC 8446 section 4.2.11), always SHA-256.
    bool psk_external = false;   // the handshake authenticates with an external PSK
    bool psk_session = false;    // resumed from a session that used an external PSK
    bool psk_ke = false;         // psk_ke mode: no (EC)DHE
    bool ext_loaded = false;     // client: ext_identity/ext_key were asked for
    std::string ext_identity;    // client: ours; server: the one accepted
    SecretBytes ext_key;
    int ticket_index = -1, ext_index = -1;  // client: positions in the offered identities
    std::uint16_t psk_index = 0;            // server: the identity selected
    bool cert_request_received = false;
    bool client_cert_requested = false;  // server: a CertificateRequest was sent
    CertCandidate our_cert;
    bool have_our_cert = false;
    gnutls_sign_algorithm_t our_scheme = GNUTLS_SIGN_UNKNOWN;
    gnutls_sign_algorithm_t peer_scheme = GNUTLS_SIGN_UNKNOWN;
    x509::PublicKey peer_key;
    const std::uint8_t *pre_hooked = nullptr;  // the incoming message the pre hook saw

    // ---- TLS 1.2 state
    std::uint16_t version12 = 0;       // the negotiated wire version when below TLS 1.3
    bool renegotiation = false;        // this handshake renegotiates an established session
    bool ems = false;                  // extended master secret (RFC 7627)
    bool etm = false;                  // encrypt-then-MAC (RFC 7366)
    bool safe_reneg = false;           // the peer sent renegotiation_info (or the SCSV)
    bool ticket_expected = false;      // client: the server will send NewSessionTicket
    bool expect_ccs = false;           // a ChangeCipherSpec may come next
    std::vector<std::uint8_t> messages12;  // the handshake messages so far (CertificateVerify signs them)
    ServerKx server_kx;                // TLS 1.2 key exchange, server side
    ClientKx client_kx;                // and client side
    std::uint16_t client_version = kTls12;  // the ClientHello's legacy_version (RSA premaster)
    KxCredentials kx_creds;            // server: what the chosen key exchange uses
    SecretBytes premaster;
    FixedSecret<48> master;
    std::unique_ptr<Protection> pending_read, pending_write;
    VerifyData client_verify, server_verify;
    std::vector<std::uint8_t> peer_cert_schemes;  // client: the CertificateRequest's signature_algorithms (wire)
    std::vector<std::vector<std::uint8_t>> ca_names;  // client: its certificate_authorities
    std::vector<std::uint8_t> ticket12;            // client: a NewSessionTicket's ticket
    std::uint32_t ticket12_lifetime = 0;
    bool resume12_offered = false;                 // client: the hello offers a saved TLS 1.2 session
    int flight_step = 0;                           // progress through a flight (resumable)
    bool client_cert_sent = false;
};

}  // namespace tlshim::tls
