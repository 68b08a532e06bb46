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
#include <string>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/tls/connection.hh"

namespace tlshim::tls {

// Application settings, all optional.
struct Options {
    std::string server_name;            // client: SNI to send (already ACE form)
    std::vector<std::string> alpn;      // protocols in preference order
    unsigned alpn_flags = 0;            // gnutls_alpn_flags_t
    unsigned handshake_timeout_ms = 0;  // 0: none
    unsigned record_timeout_ms = 0;     // gnutls_record_set_timeout
    std::size_t max_record_request = 0; // gnutls_record_set_max_size (0: not set)
};

// The outcome of the last completed handshake (GnuTLS's "unknown" values
// until then).
struct Negotiated {
    gnutls_protocol_t version = GNUTLS_VERSION_UNKNOWN;
    gnutls_cipher_algorithm_t cipher = GNUTLS_CIPHER_NULL;
    gnutls_mac_algorithm_t mac = GNUTLS_MAC_NULL;
    gnutls_kx_algorithm_t kx = GNUTLS_KX_UNKNOWN;
    gnutls_group_t group = GNUTLS_GROUP_INVALID;
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
    bool handshake_done() const noexcept { return handshake_done_; }

    // gnutls_handshake_get_last_in/out: the last handshake message type
    // received / sent, -1 before any.
    int last_in() const noexcept { return last_in_; }
    int last_out() const noexcept { return last_out_; }

    // gnutls_handshake: runs (or resumes) the handshake.
    Err handshake();

protected:
    Negotiated negotiated_;
    bool handshake_done_ = false;
    int last_in_ = -1, last_out_ = -1;

private:
    unsigned flags_;
    Options options_;
};

}  // namespace tlshim::tls
