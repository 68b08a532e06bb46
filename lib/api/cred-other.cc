// SPDX-License-Identifier: LGPL-2.1-or-later
// gnutls_anon_*, gnutls_psk_* and gnutls_srp_*: the credentials of the
// anonymous, pre-shared key and SRP key exchanges, and the session getters
// that report what those exchanges negotiated.
#include "api/cred-other.hh"
#include "api/session.hh"

#include <gmp.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <new>

#include "api/api.hh"
#include "api/dh-params.hh"
#include "core/bytes.hh"
#include "core/crypto/hash.hh"
#include "core/encoding/hex.hh"
#include "core/pk/mpz.hh"

using namespace tlshim;

namespace {

// True when something exists at `path` (the setters only check that).
bool file_exists(const char *path) noexcept
{
    struct stat st;
    return ::stat(path, &st) == 0;
}

// Strict hexadecimal -> bytes.  Err::parsing_error on anything but pairs of
// hexadecimal digits.
Err decode_hex(Bytes text, SecretBytes &out)
{
    if (text.size() % 2 != 0)
        return Err::parsing_error;
    out.assign(text.size() / 2, 0);
    Writer w{MutableBytes(out)};
    if (Err e = encoding::hex_decode(text, w); !ok(e)) {
        out.clear();
        return Err::parsing_error;
    }
    return Err::ok;
}

// The key of gnutls_psk_set_client_credentials*: raw bytes, or (for any
// flags but GNUTLS_PSK_KEY_RAW) hexadecimal text that must decode to at
// least 4 bytes.
int psk_key(const gnutls_datum_t *key, int flags, SecretBytes &out)
{
    Bytes in = key->data != nullptr ? Bytes(key->data, key->size) : Bytes();
    if (flags == GNUTLS_PSK_KEY_RAW) {
        out.assign(in.begin(), in.end());
        return 0;
    }
    if (Err e = decode_hex(in, out); !ok(e))
        return api::to_gnutls(e);
    if (out.size() < 4)
        return GNUTLS_E_INVALID_REQUEST;
    return 0;
}

// Copies a key datum handed over by an application callback and frees it.
void take_datum(gnutls_datum_t &d, SecretBytes &out)
{
    if (d.data != nullptr) {
        out.assign(d.data, d.data + d.size);
        secure_wipe(d.data, d.size);
        (gnutls_free)(d.data);
    } else {
        out.clear();
    }
    d.data = nullptr;
    d.size = 0;
}

}  // namespace

namespace tlshim::api {

Err find_psk(const gnutls_psk_server_credentials_st &cred, std::string_view user, SecretBytes &key)
{
    key.clear();
    if (!cred.have_file)
        return Err::file_error;
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> f(std::fopen(cred.password_file.c_str(), "re"),
                                                       &std::fclose);
    if (!f)
        return Err::file_error;
    // Reads one line at a time (any length); the line buffer may hold key
    // material, so it is a SecretBytes.
    SecretBytes line;
    for (;;) {
        line.clear();
        int c;
        while ((c = std::fgetc(f.get())) != EOF && c != '\n')
            line.push_back(static_cast<std::uint8_t>(c));
        if (line.empty() && c == EOF)
            break;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        Reader r{Bytes(line)};
        Bytes rest = r.rest();
        const std::uint8_t *colon = static_cast<const std::uint8_t *>(std::memchr(rest.data(), ':', rest.size()));
        if (colon != nullptr) {
            std::size_t ulen = static_cast<std::size_t>(colon - rest.data());
            Bytes name, hexkey;
            r.bytes(ulen, name);
            r.skip(1);
            hexkey = r.rest();
            if (name.size() == user.size() && std::memcmp(name.data(), user.data(), user.size()) == 0)
                return decode_hex(hexkey, key);
        }
        if (c == EOF)
            break;
    }
    return Err::requested_data_not_available;
}

Err find_psk(const gnutls_psk_server_credentials_st &cred, gnutls_session_t session, std::string_view user,
             SecretBytes &key)
{
    key.clear();
    if (cred.func2 != nullptr) {
        gnutls_datum_t name{reinterpret_cast<unsigned char *>(const_cast<char *>(user.data())),
                            static_cast<unsigned>(user.size())};
        gnutls_datum_t k{nullptr, 0};
        int rc = cred.func2(session, &name, &k);
        take_datum(k, key);
        return rc < 0 ? Err::requested_data_not_available : Err::ok;
    }
    if (cred.func != nullptr) {
        std::string name(user);
        if (name.find('\0') != std::string::npos)
            return Err::requested_data_not_available;
        gnutls_datum_t k{nullptr, 0};
        int rc = cred.func(session, name.c_str(), &k);
        take_datum(k, key);
        return rc < 0 ? Err::requested_data_not_available : Err::ok;
    }
    return find_psk(cred, user, key);
}

Err client_psk(const gnutls_psk_client_credentials_st &cred, gnutls_session_t session, std::string &user,
               SecretBytes &key)
{
    user.clear();
    key.clear();
    if (cred.func2 != nullptr) {
        gnutls_datum_t name{nullptr, 0}, k{nullptr, 0};
        int rc = cred.func2(session, &name, &k);
        if (name.data != nullptr) {
            user.assign(reinterpret_cast<const char *>(name.data), name.size);
            (gnutls_free)(name.data);
        }
        take_datum(k, key);
        return rc < 0 ? Err::insufficient_credentials : Err::ok;
    }
    if (cred.func != nullptr) {
        char *name = nullptr;
        gnutls_datum_t k{nullptr, 0};
        int rc = cred.func(session, &name, &k);
        if (name != nullptr) {
            user = name;
            (gnutls_free)(name);
        }
        take_datum(k, key);
        return rc < 0 ? Err::insufficient_credentials : Err::ok;
    }
    if (!cred.have_key)
        return Err::insufficient_credentials;
    user = cred.username;
    key = cred.key;
    return Err::ok;
}

}  // namespace tlshim::api

// --- anonymous -------------------------------------------------------------------

/**
 * gnutls_anon_allocate_server_credentials:
 * @sc: where the new credentials are stored
 *
 * Creates the credentials of a server offering anonymous (unauthenticated)
 * Diffie-Hellman key exchange.  Give it DH parameters with
 * gnutls_anon_set_server_known_dh_params() or
 * gnutls_anon_set_server_dh_params(), attach it to sessions with
 * gnutls_credentials_set() and %GNUTLS_CRD_ANON.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_anon_allocate_server_credentials(gnutls_anon_server_credentials_t *sc)
{
    if (sc == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *sc = new (std::nothrow) gnutls_anon_server_credentials_st();
    return *sc == nullptr ? GNUTLS_E_MEMORY_ERROR : 0;
}

/**
 * gnutls_anon_free_server_credentials:
 * @sc: the credentials to release, or %NULL
 *
 * Frees anonymous server credentials.  DH parameters that were given to
 * them remain the application's.
 **/
TLSHIM_API void gnutls_anon_free_server_credentials(gnutls_anon_server_credentials_t sc)
{
    delete sc;
}

/**
 * gnutls_anon_allocate_client_credentials:
 * @sc: where the new credentials are stored
 *
 * Creates the (empty) credentials of a client willing to use anonymous
 * key exchange; attach them with gnutls_credentials_set() and
 * %GNUTLS_CRD_ANON.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_anon_allocate_client_credentials(gnutls_anon_client_credentials_t *sc)
{
    if (sc == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *sc = new (std::nothrow) gnutls_anon_client_credentials_st();
    return *sc == nullptr ? GNUTLS_E_MEMORY_ERROR : 0;
}

/**
 * gnutls_anon_free_client_credentials:
 * @sc: the credentials to release, or %NULL
 *
 * Frees anonymous client credentials.
 **/
TLSHIM_API void gnutls_anon_free_client_credentials(gnutls_anon_client_credentials_t sc)
{
    delete sc;
}

/**
 * gnutls_anon_set_server_dh_params:
 * @res: the credentials
 * @dh_params: the Diffie-Hellman group to use
 *
 * Makes the server use the given group for anonymous DH.  The parameters
 * are not copied: they must stay alive as long as the credentials.
 * gnutls_anon_set_server_known_dh_params() is usually the better choice.
 **/
TLSHIM_API void gnutls_anon_set_server_dh_params(gnutls_anon_server_credentials_t res,
                                                 gnutls_dh_params_t dh_params)
{
    if (res != nullptr)
        res->dhe.dh_params = dh_params;
}

/**
 * gnutls_anon_set_server_known_dh_params:
 * @res: the credentials
 * @sec_param: the security level the group must reach
 *
 * Makes the server use the smallest RFC 7919 group that reaches
 * @sec_param for anonymous DH.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.5.6
 **/
TLSHIM_API int gnutls_anon_set_server_known_dh_params(gnutls_anon_server_credentials_t res,
                                                      gnutls_sec_param_t sec_param)
{
    if (res == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    std::memcpy(&res->dhe.dh_sec_param, &sec_param, sizeof sec_param);
    return 0;
}

/**
 * gnutls_anon_set_server_params_function:
 * @res: the credentials
 * @func: the callback, or %NULL
 *
 * Installs a callback asked for the DH parameters during a handshake when
 * none were set on the credentials.
 **/
TLSHIM_API void gnutls_anon_set_server_params_function(gnutls_anon_server_credentials_t res,
                                                       gnutls_params_function *func)
{
    if (res != nullptr)
        res->dhe.params_func = func;
}

/**
 * gnutls_anon_set_params_function:
 * @res: the credentials
 * @func: the callback, or %NULL
 *
 * The same as gnutls_anon_set_server_params_function().
 **/
TLSHIM_API void gnutls_anon_set_params_function(gnutls_anon_server_credentials_t res,
                                                gnutls_params_function *func)
{
    gnutls_anon_set_server_params_function(res, func);
}

// --- PSK ----------------------------------------------------------------------------

/**
 * gnutls_psk_allocate_client_credentials:
 * @sc: where the new credentials are stored
 *
 * Creates the credentials of a client authenticating with a pre-shared
 * key.  Set the identity and key with gnutls_psk_set_client_credentials()
 * or a callback, and attach them with gnutls_credentials_set() and
 * %GNUTLS_CRD_PSK.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_psk_allocate_client_credentials(gnutls_psk_client_credentials_t *sc)
{
    if (sc == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *sc = new (std::nothrow) gnutls_psk_client_credentials_st();
    return *sc == nullptr ? GNUTLS_E_MEMORY_ERROR : 0;
}

/**
 * gnutls_psk_free_client_credentials:
 * @sc: the credentials to release, or %NULL
 *
 * Frees PSK client credentials; the stored key is wiped.
 **/
TLSHIM_API void gnutls_psk_free_client_credentials(gnutls_psk_client_credentials_t sc)
{
    delete sc;
}

/**
 * gnutls_psk_set_client_credentials2:
 * @res: the credentials
 * @username: the identity to present (any bytes)
 * @key: the pre-shared key
 * @flags: %GNUTLS_PSK_KEY_RAW when @key holds the key itself,
 *   %GNUTLS_PSK_KEY_HEX (or any other value) when it holds the key in
 *   hexadecimal
 *
 * Sets the identity and key a client uses, replacing earlier ones.  A
 * hexadecimal key must consist of pairs of digits only and decode to at
 * least 4 bytes.
 *
 * Returns: zero on success, %GNUTLS_E_PARSING_ERROR for malformed
 * hexadecimal, %GNUTLS_E_INVALID_REQUEST for a missing argument or a too
 * short hexadecimal key, or another negative error code.
 *
 * Since: 3.6.13
 **/
TLSHIM_API int gnutls_psk_set_client_credentials2(gnutls_psk_client_credentials_t res,
                                                  const gnutls_datum_t *username, const gnutls_datum_t *key,
                                                  gnutls_psk_key_flags flags)
{
    int fl = api::raw(flags);
    if (res == nullptr || username == nullptr || username->data == nullptr || key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        SecretBytes k;
        if (int rc = psk_key(key, fl, k); rc < 0)
            return rc;
        res->username.assign(reinterpret_cast<const char *>(username->data), username->size);
        res->key = std::move(k);
        res->have_key = true;
        return 0;
    });
}

/**
 * gnutls_psk_set_client_credentials:
 * @res: the credentials
 * @username: the identity to present, a NUL-terminated string
 * @key: the pre-shared key
 * @flags: %GNUTLS_PSK_KEY_RAW or %GNUTLS_PSK_KEY_HEX
 *
 * Like gnutls_psk_set_client_credentials2() with a text identity.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_psk_set_client_credentials(gnutls_psk_client_credentials_t res, const char *username,
                                                 const gnutls_datum_t *key, gnutls_psk_key_flags flags)
{
    if (username == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    gnutls_datum_t user{reinterpret_cast<unsigned char *>(const_cast<char *>(username)),
                        static_cast<unsigned>(std::strlen(username))};
    return gnutls_psk_set_client_credentials2(res, &user, key, flags);
}

/**
 * gnutls_psk_set_client_credentials_function:
 * @cred: the credentials
 * @func: the callback, or %NULL
 *
 * Installs a callback that supplies the identity (a string allocated with
 * gnutls_malloc()) and the key (allocated with gnutls_malloc()) when a
 * handshake needs them; it takes precedence over stored credentials.
 **/
TLSHIM_API void gnutls_psk_set_client_credentials_function(gnutls_psk_client_credentials_t cred,
                                                           gnutls_psk_client_credentials_function *func)
{
    if (cred != nullptr)
        cred->func = func;
}

/**
 * gnutls_psk_set_client_credentials_function2:
 * @cred: the credentials
 * @func: the callback, or %NULL
 *
 * Like gnutls_psk_set_client_credentials_function() with the identity
 * returned as a datum, so it may hold any bytes.
 *
 * Since: 3.6.13
 **/
TLSHIM_API void gnutls_psk_set_client_credentials_function2(gnutls_psk_client_credentials_t cred,
                                                            gnutls_psk_client_credentials_function2 *func)
{
    if (cred != nullptr)
        cred->func2 = func;
}

/**
 * gnutls_psk_allocate_server_credentials:
 * @sc: where the new credentials are stored
 *
 * Creates the credentials of a server accepting pre-shared keys.  Tell it
 * where keys come from with gnutls_psk_set_server_credentials_file() or a
 * callback, and attach it with gnutls_credentials_set() and
 * %GNUTLS_CRD_PSK.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_psk_allocate_server_credentials(gnutls_psk_server_credentials_t *sc)
{
    if (sc == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *sc = new (std::nothrow) gnutls_psk_server_credentials_st();
    return *sc == nullptr ? GNUTLS_E_MEMORY_ERROR : 0;
}

/**
 * gnutls_psk_free_server_credentials:
 * @sc: the credentials to release, or %NULL
 *
 * Frees PSK server credentials.
 **/
TLSHIM_API void gnutls_psk_free_server_credentials(gnutls_psk_server_credentials_t sc)
{
    delete sc;
}

/**
 * gnutls_psk_set_server_credentials_file:
 * @res: the credentials
 * @password_file: the path of the key file
 *
 * Names the file holding the keys the server accepts, one
 * "username:hexadecimal-key" line per identity.  The file must exist now;
 * it is read again whenever a client's identity is looked up, so it can
 * be updated while the server runs.
 *
 * Returns: zero on success, %GNUTLS_E_FILE_ERROR when the file does not
 * exist, or another negative error code.
 **/
TLSHIM_API int gnutls_psk_set_server_credentials_file(gnutls_psk_server_credentials_t res,
                                                      const char *password_file)
{
    if (res == nullptr || password_file == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (!file_exists(password_file))
        return GNUTLS_E_FILE_ERROR;
    return api::guard([&] {
        res->password_file = password_file;
        res->have_file = true;
        return 0;
    });
}

/**
 * gnutls_psk_set_server_credentials_hint:
 * @res: the credentials
 * @hint: the identity hint, a NUL-terminated string
 *
 * Sets the hint a TLS 1.2 server sends to help clients choose their
 * identity.
 *
 * Returns: zero on success; %GNUTLS_E_MEMORY_ERROR when @hint is %NULL (as
 * in GnuTLS) or memory runs out.
 **/
TLSHIM_API int gnutls_psk_set_server_credentials_hint(gnutls_psk_server_credentials_t res, const char *hint)
{
    if (res == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (hint == nullptr)
        return GNUTLS_E_MEMORY_ERROR;
    return api::guard([&] {
        res->hint = hint;
        res->have_hint = true;
        return 0;
    });
}

/**
 * gnutls_psk_set_server_credentials_function:
 * @cred: the credentials
 * @func: the callback, or %NULL
 *
 * Installs a callback that supplies the key (allocated with gnutls_malloc())
 * of the identity a client presents; a negative return rejects the
 * identity.  It takes precedence over the key file.
 **/
TLSHIM_API void gnutls_psk_set_server_credentials_function(gnutls_psk_server_credentials_t cred,
                                                           gnutls_psk_server_credentials_function *func)
{
    if (cred != nullptr)
        cred->func = func;
}

/**
 * gnutls_psk_set_server_credentials_function2:
 * @cred: the credentials
 * @func: the callback, or %NULL
 *
 * Like gnutls_psk_set_server_credentials_function() with the identity
 * passed as a datum, so it may hold any bytes.
 *
 * Since: 3.6.13
 **/
TLSHIM_API void gnutls_psk_set_server_credentials_function2(gnutls_psk_server_credentials_t cred,
                                                            gnutls_psk_server_credentials_function2 *func)
{
    if (cred != nullptr)
        cred->func2 = func;
}

/**
 * gnutls_psk_set_server_dh_params:
 * @res: the credentials
 * @dh_params: the Diffie-Hellman group for DHE-PSK
 *
 * Makes the server use the given group for DHE-PSK.  The parameters are
 * not copied: they must stay alive as long as the credentials.
 **/
TLSHIM_API void gnutls_psk_set_server_dh_params(gnutls_psk_server_credentials_t res,
                                                gnutls_dh_params_t dh_params)
{
    if (res != nullptr)
        res->dhe.dh_params = dh_params;
}

/**
 * gnutls_psk_set_server_known_dh_params:
 * @res: the credentials
 * @sec_param: the security level the group must reach
 *
 * Makes the server use the smallest RFC 7919 group that reaches
 * @sec_param for DHE-PSK.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.5.6
 **/
TLSHIM_API int gnutls_psk_set_server_known_dh_params(gnutls_psk_server_credentials_t res,
                                                     gnutls_sec_param_t sec_param)
{
    if (res == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    std::memcpy(&res->dhe.dh_sec_param, &sec_param, sizeof sec_param);
    return 0;
}

/**
 * gnutls_psk_set_server_params_function:
 * @res: the credentials
 * @func: the callback, or %NULL
 *
 * Installs a callback asked for the DH parameters of DHE-PSK when none
 * were set on the credentials.
 **/
TLSHIM_API void gnutls_psk_set_server_params_function(gnutls_psk_server_credentials_t res,
                                                      gnutls_params_function *func)
{
    if (res != nullptr)
        res->dhe.params_func = func;
}

/**
 * gnutls_psk_set_params_function:
 * @res: the credentials
 * @func: the callback, or %NULL
 *
 * The same as gnutls_psk_set_server_params_function().
 **/
TLSHIM_API void gnutls_psk_set_params_function(gnutls_psk_server_credentials_t res,
                                               gnutls_params_function *func)
{
    gnutls_psk_set_server_params_function(res, func);
}

/**
 * gnutls_psk_client_get_hint:
 * @session: the session
 *
 * Tells the PSK identity hint the server sent.  The key exchanges that
 * carry a hint (TLS 1.2 PSK) are not negotiated by tlshim yet, so this
 * is always %NULL, as GnuTLS reports before a handshake or when the
 * server sent no hint.
 *
 * Returns: the hint, or %NULL.
 **/
TLSHIM_API const char *gnutls_psk_client_get_hint(gnutls_session_t session)
{
    if (session == nullptr || session->server() || session->negotiated().psk_hint.empty())
        return nullptr;
    return session->negotiated().psk_hint.c_str();
}

/**
 * gnutls_psk_server_get_username:
 * @session: the session
 *
 * Tells the identity a client authenticated with using a pre-shared key
 * (TLS 1.2 PSK key exchanges, TLS 1.3 external PSKs).  On a client it is
 * the identity the client used, as with GnuTLS; %NULL before a handshake
 * or when no PSK was used.
 *
 * Returns: the identity, or %NULL.
 **/
TLSHIM_API const char *gnutls_psk_server_get_username(gnutls_session_t session)
{
    if (session == nullptr || session->negotiated().psk_identity.empty())
        return nullptr;
    return session->negotiated().psk_identity.c_str();
}

/**
 * gnutls_psk_server_get_username2:
 * @session: the session
 * @out: receives the identity (pointing into the session)
 *
 * Like gnutls_psk_server_get_username() for identities that may hold any
 * byte.  Before a handshake, on a client, or when no PSK was used, the
 * result is %GNUTLS_E_INVALID_REQUEST and @out is left unchanged.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.13
 **/
TLSHIM_API int gnutls_psk_server_get_username2(gnutls_session_t session, gnutls_datum_t *out)
{
    if (session == nullptr || out == nullptr || !session->server() || session->negotiated().psk_identity.empty())
        return GNUTLS_E_INVALID_REQUEST;
    const std::string &id = session->negotiated().psk_identity;
    out->data = reinterpret_cast<unsigned char *>(const_cast<char *>(id.data()));
    out->size = static_cast<unsigned>(id.size());
    return 0;
}

// --- SRP ----------------------------------------------------------------------------

/**
 * gnutls_srp_allocate_client_credentials:
 * @sc: where the new credentials are stored
 *
 * Creates the credentials of a client authenticating with SRP (RFC 5054).
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_srp_allocate_client_credentials(gnutls_srp_client_credentials_t *sc)
{
    if (sc == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *sc = new (std::nothrow) gnutls_srp_client_credentials_st();
    return *sc == nullptr ? GNUTLS_E_MEMORY_ERROR : 0;
}

/**
 * gnutls_srp_free_client_credentials:
 * @sc: the credentials to release, or %NULL
 *
 * Frees SRP client credentials; the stored password is wiped.
 **/
TLSHIM_API void gnutls_srp_free_client_credentials(gnutls_srp_client_credentials_t sc)
{
    delete sc;
}

/**
 * gnutls_srp_set_client_credentials:
 * @res: the credentials
 * @username: the user name, a NUL-terminated string
 * @password: the password, a NUL-terminated string
 *
 * Sets the user name and password an SRP client logs in with.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST when an argument is
 * %NULL, or another negative error code.
 **/
TLSHIM_API int gnutls_srp_set_client_credentials(gnutls_srp_client_credentials_t res, const char *username,
                                                 const char *password)
{
    if (res == nullptr || username == nullptr || password == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        res->username = username;
        res->password.assign(password, password + std::strlen(password));
        res->have_password = true;
        return 0;
    });
}

/**
 * gnutls_srp_set_client_credentials_function:
 * @cred: the credentials
 * @func: the callback, or %NULL
 *
 * Installs a callback that supplies the user name and password (both
 * allocated with gnutls_malloc()) when a handshake needs them.
 **/
TLSHIM_API void gnutls_srp_set_client_credentials_function(gnutls_srp_client_credentials_t cred,
                                                           gnutls_srp_client_credentials_function *func)
{
    if (cred != nullptr)
        cred->func = func;
}

/**
 * gnutls_srp_allocate_server_credentials:
 * @sc: where the new credentials are stored
 *
 * Creates the credentials of a server accepting SRP logins.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_srp_allocate_server_credentials(gnutls_srp_server_credentials_t *sc)
{
    if (sc == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *sc = new (std::nothrow) gnutls_srp_server_credentials_st();
    return *sc == nullptr ? GNUTLS_E_MEMORY_ERROR : 0;
}

/**
 * gnutls_srp_free_server_credentials:
 * @sc: the credentials to release, or %NULL
 *
 * Frees SRP server credentials.
 **/
TLSHIM_API void gnutls_srp_free_server_credentials(gnutls_srp_server_credentials_t sc)
{
    delete sc;
}

/**
 * gnutls_srp_set_server_credentials_file:
 * @res: the credentials
 * @password_file: the verifier file (in the format of "srptool")
 * @password_conf_file: the file listing the groups the verifiers use
 *
 * Names the files a server looks users up in.  Both must exist now; they
 * are read when a user is looked up.
 *
 * Returns: zero on success, %GNUTLS_E_FILE_ERROR when a file does not
 * exist, %GNUTLS_E_INVALID_REQUEST for a %NULL argument, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_srp_set_server_credentials_file(gnutls_srp_server_credentials_t res,
                                                      const char *password_file, const char *password_conf_file)
{
    if (res == nullptr || password_file == nullptr || password_conf_file == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (!file_exists(password_file) || !file_exists(password_conf_file))
        return GNUTLS_E_FILE_ERROR;
    return api::guard([&] {
        res->password_file = password_file;
        res->password_conf_file = password_conf_file;
        res->have_files = true;
        return 0;
    });
}

/**
 * gnutls_srp_set_server_credentials_function:
 * @cred: the credentials
 * @func: the callback, or %NULL
 *
 * Installs a callback that supplies the salt, verifier, generator and
 * prime of a user (all allocated with gnutls_malloc()); it takes
 * precedence over the password files.
 **/
TLSHIM_API void gnutls_srp_set_server_credentials_function(gnutls_srp_server_credentials_t cred,
                                                           gnutls_srp_server_credentials_function *func)
{
    if (cred != nullptr)
        cred->func = func;
}

/**
 * gnutls_srp_set_server_fake_salt_seed:
 * @sc: the credentials
 * @seed: secret data from which salts for unknown users are derived
 * @salt_length: the length of those salts in bytes
 *
 * Sets how a server invents salts for users it does not know, so that a
 * client cannot tell existing and non-existing users apart.  The seed
 * should be random, kept secret and stay the same across restarts.
 *
 * Since: 3.3.0
 **/
TLSHIM_API void gnutls_srp_set_server_fake_salt_seed(gnutls_srp_server_credentials_t sc,
                                                     const gnutls_datum_t *seed, unsigned int salt_length)
{
    if (sc == nullptr || seed == nullptr)
        return;
    api::guard([&] {
        if (seed->data != nullptr)
            sc->fake_salt_seed.assign(seed->data, seed->data + seed->size);
        else
            sc->fake_salt_seed.clear();
        sc->fake_salt_length = salt_length;
        return 0;
    });
}

/**
 * gnutls_srp_server_get_username:
 * @session: the session
 *
 * Tells the user name an SRP client logged in with.  tlshim does not
 * negotiate SRP, so this is always %NULL, as GnuTLS reports when no SRP
 * exchange took place.
 *
 * Returns: the user name, or %NULL.
 **/
TLSHIM_API const char *gnutls_srp_server_get_username(gnutls_session_t session)
{
    (void)session;
    return nullptr;
}

/**
 * gnutls_srp_verifier:
 * @username: the user name
 * @password: the password
 * @salt: the user's salt
 * @generator: the generator of the SRP group
 * @prime: the prime of the SRP group
 * @res: receives the verifier (allocated with gnutls_malloc())
 *
 * Computes the SRP password verifier v = g^x mod N of RFC 5054, with
 * x = SHA1(salt | SHA1(username | ":" | password)), as an unsigned
 * big-endian number.  It is what a server stores instead of the password.
 * The predefined groups (gnutls_srp_2048_group_prime and friends) are the
 * usual choice of @generator and @prime.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_srp_verifier(const char *username, const char *password, const gnutls_datum_t *salt,
                                   const gnutls_datum_t *generator, const gnutls_datum_t *prime,
                                   gnutls_datum_t *res)
{
    if (username == nullptr || password == nullptr || salt == nullptr || generator == nullptr ||
        prime == nullptr || res == nullptr || prime->data == nullptr || prime->size == 0 ||
        generator->data == nullptr || generator->size == 0)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        constexpr std::size_t hlen = 20;
        SecretBytes buf;
        buf.insert(buf.end(), username, username + std::strlen(username));
        buf.push_back(':');
        buf.insert(buf.end(), password, password + std::strlen(password));
        std::uint8_t inner[hlen];
        WipeOnExit<decltype(inner)> wipe_inner(inner);
        if (Err e = crypto::Hash::compute(GNUTLS_DIG_SHA1, buf, inner); !ok(e))
            return api::to_gnutls(e);
        buf.clear();
        if (salt->data != nullptr)
            buf.insert(buf.end(), salt->data, salt->data + salt->size);
        buf.insert(buf.end(), inner, inner + hlen);
        std::uint8_t xh[hlen];
        WipeOnExit<decltype(xh)> wipe_xh(xh);
        if (Err e = crypto::Hash::compute(GNUTLS_DIG_SHA1, buf, xh); !ok(e))
            return api::to_gnutls(e);
        pk::Mpz x(Bytes(xh, hlen)), g(Bytes(generator->data, generator->size)), n(Bytes(prime->data, prime->size)),
            v;
        if (mpz_sgn(n.get()) == 0)
            return GNUTLS_E_INVALID_REQUEST;
        mpz_powm(v.get(), g.get(), x.get(), n.get());
        SecretBytes out = v.bytes();
        return api::datum_out(out.data(), out.size(), res);
    });
}
