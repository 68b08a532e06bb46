// SPDX-License-Identifier: LGPL-2.1-or-later
// The objects behind the anonymous, PSK and SRP credential handles.
//
// The facade (lib/api/cred-other.cc) fills them; the key exchanges read
// them.  DH parameters referenced here (dh_params) stay owned by the
// application; everything else is owned by the credential.  Keys and
// passwords live in SecretBytes so they are wiped when released.
#pragma once

#include <gnutls/gnutls.h>

#include <string>
#include <string_view>

#include "core/error.hh"
#include "core/secret.hh"

// What a server offering DHE takes from its credentials: explicit
// parameters, a security level selecting an RFC 7919 group, or a callback.
struct tlshim_dhe_server_params {
    gnutls_dh_params_t dh_params = nullptr;  // application-owned
    gnutls_sec_param_t dh_sec_param = GNUTLS_SEC_PARAM_UNKNOWN;
    gnutls_params_function *params_func = nullptr;
};

struct gnutls_anon_server_credentials_st {
    tlshim_dhe_server_params dhe;
};

// Anonymous clients need no configuration.
struct gnutls_anon_client_credentials_st {
    int reserved = 0;
};

struct gnutls_psk_client_credentials_st {
    // The identity sent to the server (may contain any byte with
    // gnutls_psk_set_client_credentials2) and the key, both valid when
    // have_key is set.
    std::string username;
    tlshim::SecretBytes key;
    bool have_key = false;
    // Asked for the identity and key at handshake time, when set
    // (func2 first).
    gnutls_psk_client_credentials_function *func = nullptr;
    gnutls_psk_client_credentials_function2 *func2 = nullptr;
};

struct gnutls_psk_server_credentials_st {
    // Lines "username:hexkey", read when a client's identity is looked up.
    std::string password_file;
    bool have_file = false;
    // The PSK identity hint sent to TLS 1.2 clients.
    std::string hint;
    bool have_hint = false;
    gnutls_psk_server_credentials_function *func = nullptr;
    gnutls_psk_server_credentials_function2 *func2 = nullptr;
    tlshim_dhe_server_params dhe;  // for DHE-PSK
};

struct gnutls_srp_client_credentials_st {
    std::string username;
    tlshim::SecretBytes password;
    bool have_password = false;
    gnutls_srp_client_credentials_function *func = nullptr;
};

struct gnutls_srp_server_credentials_st {
    // The tpasswd file ("user:verifier:salt:index") and its tpasswd.conf
    // ("index:prime:generator"), read at lookup time.
    std::string password_file;
    std::string password_conf_file;
    bool have_files = false;
    gnutls_srp_server_credentials_function *func = nullptr;
    // Seed and length of the salts invented for unknown users.
    tlshim::SecretBytes fake_salt_seed;
    unsigned fake_salt_length = 0;
};

namespace tlshim::api {

// The key of a PSK identity from the credentials' password file: the first
// line whose user name (text before the first ':') equals `user`; its key
// is the hexadecimal text after the ':'.  Errors: Err::file_error (no file
// set, or it cannot be read), Err::requested_data_not_available (no such
// user), Err::parsing_error (the key is not valid hexadecimal).
Err find_psk(const gnutls_psk_server_credentials_st &cred, std::string_view user, SecretBytes &key);

// The server's key for `user`: the application's callback when one was set
// (function2 before function), the password file otherwise.  A callback
// failure is Err::requested_data_not_available.
Err find_psk(const gnutls_psk_server_credentials_st &cred, gnutls_session_t session, std::string_view user,
             SecretBytes &key);

// The client's identity and key: from its callback when one was set,
// otherwise the stored ones (Err::insufficient_credentials when none).
Err client_psk(const gnutls_psk_client_credentials_st &cred, gnutls_session_t session, std::string &user,
               SecretBytes &key);

}  // namespace tlshim::api
