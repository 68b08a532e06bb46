// SPDX-License-Identifier: LGPL-2.1-or-later
// What the TLS 1.2 key exchanges take from a session's credentials: which
// kinds were set, the server's DHE parameters (explicit, by security
// level, or from the params callback), the PSK hint, and the PSK keys of
// both sides.  The engine asks through the Session virtuals implemented
// here; it never sees the credential structures.
#include "api/api.hh"
#include "api/cred-other.hh"
#include "api/cred.hh"
#include "api/dh-params.hh"
#include "api/session.hh"
#include "core/algo/algo.hh"

using namespace tlshim;

namespace {

// The RFC 7919 group a security level asks for: the smallest reaching the
// level's finite-field size.
gnutls_group_t group_for_level(gnutls_sec_param_t level) noexcept
{
    const unsigned bits = algo::sec_param_to_pk_bits(GNUTLS_PK_DH, level);
    if (bits == 0)
        return GNUTLS_GROUP_INVALID;
    static const std::pair<unsigned, gnutls_group_t> groups[] = {
        {2048, GNUTLS_GROUP_FFDHE2048}, {3072, GNUTLS_GROUP_FFDHE3072}, {4096, GNUTLS_GROUP_FFDHE4096},
        {6144, GNUTLS_GROUP_FFDHE6144}, {8192, GNUTLS_GROUP_FFDHE8192}};
    for (const auto &[size, group] : groups)
        if (size >= bits)
            return group;
    return GNUTLS_GROUP_FFDHE8192;
}

void use_dhe(gnutls_session_t session, gnutls_dh_params_t params, gnutls_sec_param_t level,
             gnutls_params_function *func, tls::KxCredentials &out)
{
    if (params == nullptr && func != nullptr) {
        // The older callback interface: the application hands parameters
        // over per session.
        gnutls_params_st st{};
        if (func(session, GNUTLS_PARAMS_DH, &st) == 0)
            params = st.params.dh;
    }
    out.dh = api::dh_group(params);
    if (out.dh == nullptr && level != GNUTLS_SEC_PARAM_UNKNOWN)
        out.dh_group = group_for_level(level);
}

}  // namespace

void gnutls_session_int::kx_credentials(gnutls_kx_algorithm_t kx, tls::KxCredentials &out)
{
    out = tls::KxCredentials{};
    auto *cert = static_cast<gnutls_certificate_credentials_t>(credentials[GNUTLS_CRD_CERTIFICATE]);
    out.certificate = cert != nullptr;
    out.anon = credentials[GNUTLS_CRD_ANON] != nullptr;
    out.psk = credentials[GNUTLS_CRD_PSK] != nullptr;
    if (!server())
        return;
    switch (kx) {
    case GNUTLS_KX_DHE_RSA:
    case GNUTLS_KX_DHE_DSS:
        if (cert != nullptr)
            use_dhe(this, cert->dh_params, cert->dh_sec_param, cert->params_func, out);
        break;
    case GNUTLS_KX_ANON_DH:
        if (auto *anon = static_cast<gnutls_anon_server_credentials_t>(credentials[GNUTLS_CRD_ANON]))
            use_dhe(this, anon->dhe.dh_params, anon->dhe.dh_sec_param, anon->dhe.params_func, out);
        break;
    case GNUTLS_KX_DHE_PSK:
        if (auto *psk = static_cast<gnutls_psk_server_credentials_t>(credentials[GNUTLS_CRD_PSK]))
            use_dhe(this, psk->dhe.dh_params, psk->dhe.dh_sec_param, psk->dhe.params_func, out);
        break;
    default:
        break;
    }
    if (auto *psk = static_cast<gnutls_psk_server_credentials_t>(credentials[GNUTLS_CRD_PSK]);
        psk != nullptr && psk->have_hint)
        out.psk_hint = psk->hint;
}

Err gnutls_session_int::psk_server_key(Bytes identity, SecretBytes &key)
{
    auto *psk = static_cast<gnutls_psk_server_credentials_t>(credentials[GNUTLS_CRD_PSK]);
    if (psk == nullptr)
        return Err::insufficient_credentials;
    const std::string_view user(reinterpret_cast<const char *>(identity.data()), identity.size());
    // An identity the credentials do not know fails the handshake with
    // GnuTLS's code for a failed password/key lookup.
    if (Err e = api::find_psk(*psk, this, user, key); !ok(e) || key.empty())
        return Err::srp_pwd_error;
    return Err::ok;
}

Err gnutls_session_int::psk_client_key(std::string &identity, SecretBytes &key)
{
    auto *psk = static_cast<gnutls_psk_client_credentials_t>(credentials[GNUTLS_CRD_PSK]);
    if (psk == nullptr)
        return Err::insufficient_credentials;
    return api::client_psk(*psk, this, identity, key);
}
