// SPDX-License-Identifier: LGPL-2.1-or-later
// The facade's session object: the core session plus what only the C API
// needs (the user pointer, the credentials by type, the application's
// callbacks), and the hooks through which the engine reaches the
// credentials and callbacks (lib/api/handshake.cc).
#pragma once

#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/tls/session.hh"

struct gnutls_session_int : tlshim::tls::Session {
    explicit gnutls_session_int(unsigned flags) : tlshim::tls::Session(flags) {}
    ~gnutls_session_int() override;
    gnutls_session_int(const gnutls_session_int &) = delete;
    gnutls_session_int &operator=(const gnutls_session_int &) = delete;

    void *user_ptr = nullptr;
    // gnutls_credentials_set: one pointer per gnutls_credentials_type_t
    // (GNUTLS_CRD_CERTIFICATE = 1 ... GNUTLS_CRD_IA = 5).
    std::array<void *, 6> credentials{};

    // gnutls_session_set_verify_cert/cert2: verify the peer's chain during
    // the handshake against these typed data (host name, purpose).
    struct VData {
        gnutls_vdata_types_t type;
        std::vector<std::uint8_t> data;
    };
    bool auto_verify = false;
    std::vector<VData> verify_data;
    unsigned verify_flags = 0;
    unsigned verify_status = 0;  // gnutls_session_get_verify_cert_status
    gnutls_certificate_verify_function *verify_func = nullptr;  // gnutls_session_set_verify_function

    // gnutls_handshake_set_hook_function.
    gnutls_handshake_hook_func hook_func = nullptr;
    unsigned hook_htype = 0;
    int hook_when = 0;
    // gnutls_session_set_keylog_function.
    gnutls_keylog_func keylog_func = nullptr;
    // The array gnutls_certificate_get_peers hands out.
    std::vector<gnutls_datum_t> peer_datums;
    // gnutls_db_set_*: the server's session cache.
    gnutls_db_retr_func db_retrieve_func = nullptr;
    gnutls_db_store_func db_store_func = nullptr;
    gnutls_db_remove_func db_remove_func = nullptr;
    void *db_ptr = nullptr;
    unsigned db_expiration = 21600;  // seconds (gnutls_db_set_cache_expiration)
    // What a certificate retrieve callback handed over, kept until the next
    // call or the session's end (the engine reads the chain and signs with
    // the key during the handshake): DER copies of a gnutls_retr2_st chain,
    // and whatever the callback asked the library to release.
    struct Retrieved {
        std::vector<std::vector<unsigned char>> der;
        gnutls_pcert_st *pcerts = nullptr;  // owned when non-null
        unsigned npcerts = 0;
        gnutls_ocsp_data_st *ocsp = nullptr;  // owned when non-null
        unsigned nocsp = 0;
        gnutls_privkey_t key = nullptr;  // owned when non-null
        // A copy of the end-entity certificate, for gnutls_certificate_get_ours.
        std::vector<unsigned char> ours;
        gnutls_datum_t ours_datum{nullptr, 0};
        void release() noexcept;
    } retrieved;
    // gnutls_certificate_send_x509_rdn_sequence: false stops a server from
    // naming its trusted CAs in a CertificateRequest.
    bool send_ca_names = true;

protected:
    tlshim::Err certificate_candidates(const tlshim::tls::CertQuery &q,
                                       std::vector<tlshim::tls::CertCandidate> &out) override;
    tlshim::Err retrieve_candidate(gnutls_certificate_credentials_t cred, const tlshim::tls::CertQuery &q,
                                   std::vector<tlshim::tls::CertCandidate> &out);
    tlshim::Err verify_peer() override;
    tlshim::Err ocsp_response(const tlshim::tls::CertCandidate &c, std::vector<std::uint8_t> &out) override;
    tlshim::Err hook(const tlshim::tls::HookPoint &at, tlshim::Bytes msg) override;
    tlshim::Err keylog(const char *label, tlshim::Bytes secret) override;
    bool db_retrieve(tlshim::Bytes id, tlshim::SecretBytes &data) override;
    void db_store(tlshim::Bytes id, tlshim::Bytes data) override;
    void db_remove(tlshim::Bytes id) override;
    bool db_expired(std::uint64_t issued_ms) const override;
    void kx_credentials(gnutls_kx_algorithm_t kx, tlshim::tls::KxCredentials &out) override;
    void ca_names(std::vector<tlshim::Bytes> &out) override;
    tlshim::Err psk_server_key(tlshim::Bytes identity, tlshim::SecretBytes &key) override;
    tlshim::Err psk_client_key(std::string &identity, tlshim::SecretBytes &key) override;
};

namespace tlshim::api {
// gnutls_certificate_verify_peers() for the session's peer chain.
int verify_peers(gnutls_session_t session, const gnutls_typed_vdata_st *data, unsigned elements,
                 unsigned *status) noexcept;
}  // namespace tlshim::api
