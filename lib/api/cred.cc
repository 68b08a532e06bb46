// SPDX-License-Identifier: LGPL-2.1-or-later
// C facade: certificate credentials (gnutls_certificate_*), built on the
// exported key, certificate and trust-list functions.  The session-level
// gnutls_certificate_* functions live with the TLS engine.
#include "api/api.hh"
#include "api/cred.hh"
#include "api/trust-list.hh"

#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include <algorithm>
#include <utility>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/secret.hh"
#include "core/x509/certificate.hh"
#include "core/x509/credentials.hh"

using namespace tlshim;
using api::CertKey;

namespace tlshim::api {

CertKey::~CertKey()
{
    for (auto &p : chain)
        gnutls_pcert_deinit(&p);
    if (key != nullptr)
        gnutls_privkey_deinit(key);
}

}  // namespace tlshim::api

gnutls_certificate_credentials_st::~gnutls_certificate_credentials_st()
{
    keys.clear();
    if (tlist != nullptr)
        gnutls_x509_trust_list_deinit(tlist, 1);
}

namespace {

// A datum viewing a byte vector (no copy).
gnutls_datum_t view(std::vector<std::uint8_t> &v) noexcept
{
    return {v.data(), static_cast<unsigned>(v.size())};
}

Bytes bytes_of(const gnutls_datum_t *d) noexcept
{
    return d->data == nullptr ? Bytes() : Bytes(d->data, d->size);
}

int read_file(const char *path, std::vector<std::uint8_t> &out)
{
    return api::to_gnutls(x509::read_file(path, out));
}

// Owns a private key until it is handed over.
struct KeyHolder {
    gnutls_privkey_t k = nullptr;
    KeyHolder() = default;
    KeyHolder(const KeyHolder &) = delete;
    KeyHolder &operator=(const KeyHolder &) = delete;
    ~KeyHolder()
    {
        if (k != nullptr)
            gnutls_privkey_deinit(k);
    }
    gnutls_privkey_t release() noexcept { return std::exchange(k, nullptr); }
};

// Owns a certificate chain until it is handed over.
struct ChainHolder {
    std::vector<gnutls_pcert_st> v;
    ChainHolder() = default;
    ChainHolder(const ChainHolder &) = delete;
    ChainHolder &operator=(const ChainHolder &) = delete;
    ~ChainHolder()
    {
        for (auto &p : v)
            gnutls_pcert_deinit(&p);
    }
};

int new_key(gnutls_certificate_credentials_t res, KeyHolder &out)
{
    int r = gnutls_privkey_init(&out.k);
    if (r < 0) {
        out.k = nullptr;
        return r;
    }
    if (res->pin_func != nullptr)
        gnutls_privkey_set_pin_function(out.k, res->pin_func, res->pin_data);
    return 0;
}

// A private key from PEM or DER data, encrypted or not.
int import_key(gnutls_certificate_credentials_t res, const gnutls_datum_t *data,
               gnutls_x509_crt_fmt_t fmt, const char *pass, unsigned flags, KeyHolder &out)
{
    if (int r = new_key(res, out); r < 0)
        return r;
    return gnutls_privkey_import_x509_raw(out.k, data, fmt, pass, flags);
}

// The certificates of a PEM bundle (in order) or a single DER certificate.
int import_chain(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt, ChainHolder &out)
{
    std::vector<std::vector<std::uint8_t>> ders;
    if (api::raw(fmt) == GNUTLS_X509_FMT_PEM) {
        if (Err e = x509::pem_certificates(bytes_of(data), ders); !ok(e))
            return api::to_gnutls(e);
        if (ders.empty())  // the real library reports data without a certificate so
            return GNUTLS_E_BASE64_DECODING_ERROR;
    } else {
        ders.emplace_back(bytes_of(data).begin(), bytes_of(data).end());
    }
    out.v.reserve(ders.size());
    for (auto &der : ders) {
        gnutls_pcert_st p{};
        gnutls_datum_t d = view(der);
        if (int r = gnutls_pcert_import_x509_raw(&p, &d, GNUTLS_X509_FMT_DER, 0); r < 0)
            return r;
        out.v.push_back(p);
    }
    return 0;
}

bool rsa_family(int pk) noexcept { return pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_RSA_PSS; }

struct Datum {
    gnutls_datum_t d{nullptr, 0};
    ~Datum() { (gnutls_free)(d.data); }
    bool operator==(const Datum &o) const noexcept
    {
        return d.size == o.d.size && (d.size == 0 || std::memcmp(d.data, o.d.data, d.size) == 0);
    }
};

// Whether a private key belongs to the public key of a certificate.
// Returns 0 when it does, GNUTLS_E_CERTIFICATE_KEY_MISMATCH when it does
// not, or another error when the keys cannot be read.
int check_pair(gnutls_pubkey_t cert_key, gnutls_privkey_t key)
{
    gnutls_pubkey_t pub = nullptr;
    if (int r = gnutls_pubkey_init(&pub); r < 0)
        return r;
    std::unique_ptr<std::remove_pointer_t<gnutls_pubkey_t>, void (*)(gnutls_pubkey_t)> hold(pub, gnutls_pubkey_deinit);
    if (int r = gnutls_pubkey_import_privkey(pub, key, 0, 0); r < 0)
        return r;
    int a = gnutls_pubkey_get_pk_algorithm(pub, nullptr);
    int b = gnutls_pubkey_get_pk_algorithm(cert_key, nullptr);
    if (a < 0 || b < 0)
        return a < 0 ? a : b;
    if (a != b && !(rsa_family(a) && rsa_family(b)))
        return GNUTLS_E_CERTIFICATE_KEY_MISMATCH;
    if (rsa_family(a)) {
        // RSA and RSA-PSS encodings of one key differ; compare the numbers.
        Datum n1, e1, n2, e2;
        if (int r = gnutls_pubkey_export_rsa_raw2(pub, &n1.d, &e1.d, 0); r < 0)
            return r;
        if (int r = gnutls_pubkey_export_rsa_raw2(cert_key, &n2.d, &e2.d, 0); r < 0)
            return r;
        return n1 == n2 && e1 == e2 ? 0 : GNUTLS_E_CERTIFICATE_KEY_MISMATCH;
    }
    unsigned char id1[64], id2[64];
    std::size_t s1 = sizeof id1, s2 = sizeof id2;
    if (int r = gnutls_pubkey_get_key_id(pub, GNUTLS_KEYID_USE_SHA256, id1, &s1); r < 0)
        return r;
    if (int r = gnutls_pubkey_get_key_id(cert_key, GNUTLS_KEYID_USE_SHA256, id2, &s2); r < 0)
        return r;
    return s1 == s2 && std::memcmp(id1, id2, s1) == 0 ? 0 : GNUTLS_E_CERTIFICATE_KEY_MISMATCH;
}

// What the *key* setters return on success.
int added(gnutls_certificate_credentials_t res, std::size_t index) noexcept
{
    return (res->flags & GNUTLS_CERTIFICATE_API_V2) ? static_cast<int>(index) : 0;
}

// Appends a chain and its key (taking both) and returns its index.
std::size_t add_pair(gnutls_certificate_credentials_t res, ChainHolder &chain, KeyHolder &key,
                     const char *const *names, unsigned names_size, gnutls_certificate_type_t type)
{
    auto ck = std::make_unique<CertKey>();
    ck->type = type;
    ck->ocsp.resize(chain.v.size());
    if (names != nullptr)
        for (unsigned i = 0; i < names_size; i++)
            if (names[i] != nullptr)
                ck->names.emplace_back(names[i]);
    if (ck->names.empty() && type == GNUTLS_CRT_X509 && !chain.v.empty())
        (void)x509::certificate_names(bytes_of(&chain.v[0].cert), ck->names);
    int pk = gnutls_privkey_get_pk_algorithm(key.k, nullptr);
    ck->pk = pk < 0 ? GNUTLS_PK_UNKNOWN : static_cast<gnutls_pk_algorithm_t>(pk);
    res->keys.reserve(res->keys.size() + 1);
    ck->chain = std::move(chain.v);
    chain.v.clear();
    ck->key = key.release();
    res->keys.push_back(std::move(ck));
    return res->keys.size() - 1;
}

// The common tail of the file/memory/object key setters: the pair is kept
// even when the key does not match (the real library does the same and
// reports the mismatch).
int add_and_check(gnutls_certificate_credentials_t res, ChainHolder &chain, KeyHolder &key,
                  const char *const *names, unsigned names_size, gnutls_certificate_type_t type)
{
    std::size_t i = add_pair(res, chain, key, names, names_size, type);
    const CertKey &ck = *res->keys[i];
    if (!(res->flags & GNUTLS_CERTIFICATE_SKIP_KEY_CERT_MATCH))
        if (int r = check_pair(ck.chain[0].pubkey, ck.key); r < 0)
            return r;
    return added(res, i);
}

int key_mem(gnutls_certificate_credentials_t res, const gnutls_datum_t *cert,
            const gnutls_datum_t *key, gnutls_x509_crt_fmt_t type, const char *pass, unsigned flags)
{
    if (res == nullptr || cert == nullptr || key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    KeyHolder k;
    if (int r = import_key(res, key, type, pass, flags, k); r < 0)
        return r;
    ChainHolder chain;
    if (int r = import_chain(cert, type, chain); r < 0)
        return r;
    return add_and_check(res, chain, k, nullptr, 0, GNUTLS_CRT_X509);
}

int key_file(gnutls_certificate_credentials_t res, const char *certfile, const char *keyfile,
             gnutls_x509_crt_fmt_t type, const char *pass, unsigned flags)
{
    if (res == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    std::vector<std::uint8_t> c, k;
    if (int r = read_file(keyfile, k); r < 0)
        return r;
    if (int r = read_file(certfile, c); r < 0) {
        secure_wipe(k.data(), k.size());
        return r;
    }
    gnutls_datum_t cd = view(c), kd = view(k);
    int r = key_mem(res, &cd, &kd, type, pass, flags);
    secure_wipe(k.data(), k.size());
    return r;
}

int rawpk_mem(gnutls_certificate_credentials_t cred, const gnutls_datum_t *spki,
              const gnutls_datum_t *pkey, gnutls_x509_crt_fmt_t format, const char *pass,
              unsigned key_usage, const char **names, unsigned names_length, unsigned key_flags)
{
    if (cred == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (spki == nullptr || pkey == nullptr)
        return GNUTLS_E_INSUFFICIENT_CREDENTIALS;
    KeyHolder k;
    if (int r = import_key(cred, pkey, format, pass, key_flags, k); r < 0)
        return r;
    ChainHolder chain;
    gnutls_pcert_st p{};
    if (int r = gnutls_pcert_import_rawpk_raw(&p, spki, format, key_usage, 0); r < 0)
        return r;
    chain.v.push_back(p);
    return add_and_check(cred, chain, k, names, names_length, GNUTLS_CRT_RAWPK);
}

// Flags for the trust list when the credential adds CAs or CRLs.
unsigned crl_tl_flags(gnutls_certificate_credentials_t res) noexcept
{
    unsigned f = GNUTLS_TL_USE_IN_TLS;
    if (res->flags & GNUTLS_CERTIFICATE_VERIFY_CRLS)
        f |= GNUTLS_TL_VERIFY_CRL | GNUTLS_TL_FAIL_ON_INVALID_CRL;
    return f;
}

// Counting CAs: data holding no certificate adds none (not an error).
int ca_count(int r) noexcept { return r == GNUTLS_E_NO_CERTIFICATE_FOUND ? 0 : r; }

// PEM data offered as CRLs must hold at least one CRL block; anything else
// is reported as a decoding failure (as the real library does).
int check_crl_pem(const gnutls_datum_t *d, gnutls_x509_crt_fmt_t type)
{
    if (api::raw(type) != GNUTLS_X509_FMT_PEM)
        return 0;
    std::vector<std::vector<std::uint8_t>> blocks;
    if (Err e = x509::pem_blocks(bytes_of(d), "X509 CRL", blocks); !ok(e))
        return api::to_gnutls(e);
    return blocks.empty() ? GNUTLS_E_BASE64_DECODING_ERROR : 0;
}

// OCSP responses into the chain slots they are about.
int ocsp_store(gnutls_certificate_credentials_t res, unsigned idx, const gnutls_datum_t *resp,
               gnutls_x509_crt_fmt_t fmt)
{
    if (idx >= res->keys.size())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    CertKey &ck = *res->keys[idx];
    std::vector<std::vector<std::uint8_t>> list;
    if (api::raw(fmt) == GNUTLS_X509_FMT_PEM) {
        if (Err e = x509::pem_blocks(bytes_of(resp), "OCSP RESPONSE", list); !ok(e))
            return api::to_gnutls(e);
        if (list.empty())
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    } else {
        list.emplace_back(bytes_of(resp).begin(), bytes_of(resp).end());
    }
    const bool check = !(res->flags & GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK);
    // Everything is validated first, then stored: a bad file changes nothing.
    std::vector<std::pair<std::size_t, api::OcspResponse>> staged;
    for (std::size_t i = 0; i < list.size(); i++) {
        std::vector<x509::OcspSingle> singles;
        Err e = x509::ocsp_parse(list[i], singles);
        if (!ok(e) && check)
            return api::to_gnutls(e);
        std::size_t slot = ck.chain.size();
        const x509::OcspSingle *found = nullptr;
        if (ck.type == GNUTLS_CRT_X509)
            for (std::size_t j = 0; j < ck.chain.size() && found == nullptr; j++)
                for (const auto &s : singles)
                    if (x509::ocsp_is_about(s, bytes_of(&ck.chain[j].cert))) {
                        found = &s;
                        slot = j;
                        break;
                    }
        if (found == nullptr) {
            if (check)
                return GNUTLS_E_OCSP_MISMATCH_WITH_CERTS;
            slot = i;
            if (!singles.empty())
                found = &singles[0];
        }
        if (slot >= ck.chain.size())
            return GNUTLS_E_INVALID_REQUEST;
        api::OcspResponse r;
        r.der = std::move(list[i]);
        r.expires = found != nullptr ? found->next_update : -1;
        staged.emplace_back(slot, std::move(r));
    }
    for (auto &[slot, r] : staged)
        ck.ocsp[slot] = std::move(r);
    return static_cast<int>(staged.size());
}

}  // namespace

/**
 * gnutls_certificate_allocate_credentials:
 * @res: where the new credentials are stored
 *
 * Creates an empty set of certificate credentials: no certificates or
 * keys of our own, an empty trust list and no verification flags.  Fill it
 * with the gnutls_certificate_set_*() functions, attach it to sessions with
 * gnutls_credentials_set(), and release it with
 * gnutls_certificate_free_credentials() once no session uses it.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_allocate_credentials(gnutls_certificate_credentials_t *res)
{
    if (res == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        auto c = std::make_unique<gnutls_certificate_credentials_st>();
        if (int r = gnutls_x509_trust_list_init(&c->tlist, 0); r < 0) {
            c->tlist = nullptr;
            return r;
        }
        *res = c.release();
        return 0;
    });
}

/**
 * gnutls_certificate_free_credentials:
 * @sc: the credentials, or %NULL
 *
 * Releases the credentials and everything they hold: certificate chains,
 * private keys, OCSP responses, the trust list with its CAs and CRLs.
 * DH parameters given with gnutls_certificate_set_dh_params() remain the
 * application's.  No session may still use the credentials.
 **/
TLSHIM_API void gnutls_certificate_free_credentials(gnutls_certificate_credentials_t sc)
{
    delete sc;
}

/**
 * gnutls_certificate_free_keys:
 * @sc: the credentials
 *
 * Drops every certificate chain and private key of the credentials (with
 * their OCSP responses).  The trust list is left alone.
 **/
TLSHIM_API void gnutls_certificate_free_keys(gnutls_certificate_credentials_t sc)
{
    if (sc != nullptr)
        sc->keys.clear();
}

/**
 * gnutls_certificate_free_cas:
 * @sc: the credentials
 *
 * Kept for compatibility: the trusted CAs stay in the credentials' trust
 * list, which is released with the credentials.  To replace them, install
 * a new list with gnutls_certificate_set_trust_list().
 **/
TLSHIM_API void gnutls_certificate_free_cas(gnutls_certificate_credentials_t sc)
{
    (void)sc;
}

/**
 * gnutls_certificate_free_ca_names:
 * @sc: the credentials
 *
 * Stops a server from naming the CAs trusted so far in the certificate
 * requests it sends; they stay trusted for verification.  CAs added
 * afterwards are named again.  Useful when the trust list is large (the
 * system's) and naming every CA would only waste bandwidth.  Clients never
 * send CA names, so for them it changes nothing.
 **/
TLSHIM_API void gnutls_certificate_free_ca_names(gnutls_certificate_credentials_t sc)
{
    if (sc != nullptr && sc->tlist != nullptr)
        sc->ca_names_from = sc->tlist->cas.size();
}

/**
 * gnutls_certificate_free_crls:
 * @sc: the credentials
 *
 * Kept for compatibility: CRLs stay in the credentials' trust list, which
 * is released with the credentials.  To replace them, install a new list
 * with gnutls_certificate_set_trust_list().
 **/
TLSHIM_API void gnutls_certificate_free_crls(gnutls_certificate_credentials_t sc)
{
    (void)sc;
}

/**
 * gnutls_certificate_set_flags:
 * @res: the credentials
 * @flags: an OR of #gnutls_certificate_flags values
 *
 * Replaces the credentials' flags.  %GNUTLS_CERTIFICATE_API_V2 makes the
 * key setters return the index of the added pair instead of zero;
 * %GNUTLS_CERTIFICATE_SKIP_KEY_CERT_MATCH and
 * %GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK turn off the consistency
 * checks of the key and OCSP setters; %GNUTLS_CERTIFICATE_VERIFY_CRLS makes
 * the CRL setters reject CRLs that no trusted CA signed.
 *
 * Since: 3.4.7
 **/
TLSHIM_API void gnutls_certificate_set_flags(gnutls_certificate_credentials_t res, unsigned int flags)
{
    if (res != nullptr)
        res->flags = flags;
}

/**
 * gnutls_certificate_set_verify_flags:
 * @res: the credentials
 * @flags: an OR of #gnutls_certificate_verify_flags values
 *
 * Sets the flags used when the peer's certificate chain is verified with
 * these credentials.
 **/
TLSHIM_API void gnutls_certificate_set_verify_flags(gnutls_certificate_credentials_t res,
                                                    unsigned int flags)
{
    if (res != nullptr)
        res->verify_flags = flags;
}

/**
 * gnutls_certificate_get_verify_flags:
 * @res: the credentials
 *
 * Reads back the verification flags set with
 * gnutls_certificate_set_verify_flags().
 *
 * Returns: the flags, an OR of #gnutls_certificate_verify_flags values.
 *
 * Since: 3.4.0
 **/
TLSHIM_API unsigned int gnutls_certificate_get_verify_flags(gnutls_certificate_credentials_t res)
{
    return res != nullptr ? res->verify_flags : 0;
}

/**
 * gnutls_certificate_set_verify_limits:
 * @res: the credentials
 * @max_bits: the largest public key size (in bits) accepted in a peer chain
 * @max_depth: the longest peer chain accepted
 *
 * Bounds the work spent verifying a peer's certificate chain: chains with
 * more certificates, or keys of more bits, are rejected.
 **/
TLSHIM_API void gnutls_certificate_set_verify_limits(gnutls_certificate_credentials_t res,
                                                     unsigned int max_bits, unsigned int max_depth)
{
    if (res == nullptr)
        return;
    res->verify_max_bits = max_bits;
    res->verify_max_depth = max_depth;
}

/**
 * gnutls_certificate_set_dh_params:
 * @res: the credentials
 * @dh_params: the Diffie-Hellman parameters for DHE key exchange
 *
 * Selects the parameters a server uses for finite-field DHE.  The
 * parameters stay owned by the application and must outlive the
 * credentials.  gnutls_certificate_set_known_dh_params() is the simpler
 * choice.
 **/
TLSHIM_API void gnutls_certificate_set_dh_params(gnutls_certificate_credentials_t res,
                                                 gnutls_dh_params_t dh_params)
{
    if (res != nullptr)
        res->dh_params = dh_params;
}

/**
 * gnutls_certificate_set_known_dh_params:
 * @res: the credentials
 * @sec_param: the security level the DHE group must reach
 *
 * Makes a server use one of the well-known RFC 7919 groups for
 * finite-field DHE, the smallest that reaches @sec_param.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.5.6
 **/
TLSHIM_API int gnutls_certificate_set_known_dh_params(gnutls_certificate_credentials_t res,
                                                      gnutls_sec_param_t sec_param)
{
    if (res == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    std::memcpy(&res->dh_sec_param, &sec_param, sizeof sec_param);
    return 0;
}

/**
 * gnutls_certificate_set_params_function:
 * @res: the credentials
 * @func: the callback, or %NULL
 *
 * Installs a callback asked for DH parameters when a server needs them and
 * none were set.
 **/
TLSHIM_API void gnutls_certificate_set_params_function(gnutls_certificate_credentials_t res,
                                                       gnutls_params_function *func)
{
    if (res != nullptr)
        res->params_func = func;
}

/**
 * gnutls_certificate_set_pin_function:
 * @cred: the credentials
 * @fn: the PIN callback, or %NULL
 * @userdata: passed to @fn
 *
 * Installs the callback that supplies PINs or passwords for the keys the
 * credentials load afterwards.
 *
 * Since: 3.1.0
 **/
TLSHIM_API void gnutls_certificate_set_pin_function(gnutls_certificate_credentials_t cred,
                                                    gnutls_pin_callback_t fn, void *userdata)
{
    if (cred == nullptr)
        return;
    cred->pin_func = fn;
    cred->pin_data = userdata;
}

/**
 * gnutls_certificate_set_retrieve_function:
 * @cred: the credentials
 * @func: the callback, or %NULL
 *
 * Installs a callback that picks the certificate chain and key to send
 * during a handshake (it receives the acceptable CA names and signature
 * algorithms), instead of the pairs stored in the credentials.
 **/
TLSHIM_API void gnutls_certificate_set_retrieve_function(gnutls_certificate_credentials_t cred,
                                                         gnutls_certificate_retrieve_function *func)
{
    if (cred == nullptr)
        return;
    // One callback at a time: the last one installed is the one used.
    cred->retrieve_func = nullptr;
    cred->retrieve_func2 = nullptr;
    cred->retrieve_func3 = nullptr;
    cred->retrieve_func = func;
}

/**
 * gnutls_certificate_set_retrieve_function2:
 * @cred: the credentials
 * @func: the callback, or %NULL
 *
 * Like gnutls_certificate_set_retrieve_function(), for a callback that
 * answers with a #gnutls_pcert_st chain and an abstract private key.
 *
 * Since: 3.0
 **/
TLSHIM_API void gnutls_certificate_set_retrieve_function2(gnutls_certificate_credentials_t cred,
                                                          gnutls_certificate_retrieve_function2 *func)
{
    if (cred == nullptr)
        return;
    // One callback at a time: the last one installed is the one used.
    cred->retrieve_func = nullptr;
    cred->retrieve_func2 = nullptr;
    cred->retrieve_func3 = nullptr;
    cred->retrieve_func2 = func;
}

/**
 * gnutls_certificate_set_retrieve_function3:
 * @cred: the credentials
 * @func: the callback, or %NULL
 *
 * Like gnutls_certificate_set_retrieve_function2(), for a callback that
 * receives its parameters in a structure and may also return OCSP
 * responses for the chain.
 *
 * Since: 3.6.3
 **/
TLSHIM_API void gnutls_certificate_set_retrieve_function3(gnutls_certificate_credentials_t cred,
                                                          gnutls_certificate_retrieve_function3 *func)
{
    if (cred == nullptr)
        return;
    // One callback at a time: the last one installed is the one used.
    cred->retrieve_func = nullptr;
    cred->retrieve_func2 = nullptr;
    cred->retrieve_func3 = nullptr;
    cred->retrieve_func3 = func;
}

/**
 * gnutls_certificate_set_verify_function:
 * @cred: the credentials
 * @func: the callback, or %NULL
 *
 * Installs a callback run during the handshake once the peer's certificate
 * has been received; a nonzero return from it aborts the handshake.
 *
 * Since: 2.10.0
 **/
TLSHIM_API void gnutls_certificate_set_verify_function(gnutls_certificate_credentials_t cred,
                                                       gnutls_certificate_verify_function *func)
{
    if (cred != nullptr)
        cred->verify_func = func;
}

/**
 * gnutls_certificate_set_x509_key_file2:
 * @res: the credentials
 * @certfile: a file holding the certificate chain, leaf first
 * @keyfile: a file holding the matching private key
 * @type: whether both files are PEM or DER
 * @pass: the key's password, or %NULL for an unencrypted key
 * @flags: #gnutls_pkcs_encrypt_flags_t values for the key import
 *
 * Adds a certificate chain and its private key read from files.  A PEM
 * chain file may hold several certificates; a DER file holds one.  Keys
 * may be PKCS#1, SEC1 or PKCS#8, optionally encrypted with @pass.
 *
 * The key is checked against the certificate unless
 * %GNUTLS_CERTIFICATE_SKIP_KEY_CERT_MATCH is set; on a mismatch the pair
 * still occupies an index and %GNUTLS_E_CERTIFICATE_KEY_MISMATCH is
 * returned.
 *
 * Returns: zero (or, with %GNUTLS_CERTIFICATE_API_V2, the index of the
 * new pair) on success, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_set_x509_key_file2(gnutls_certificate_credentials_t res,
                                                     const char *certfile, const char *keyfile,
                                                     gnutls_x509_crt_fmt_t type, const char *pass,
                                                     unsigned int flags)
{
    return api::guard([&] { return key_file(res, certfile, keyfile, type, pass, flags); });
}

/**
 * gnutls_certificate_set_x509_key_file:
 * @res: the credentials
 * @certfile: a file holding the certificate chain, leaf first
 * @keyfile: a file holding the matching unencrypted private key
 * @type: whether both files are PEM or DER
 *
 * gnutls_certificate_set_x509_key_file2() without a password.
 *
 * Returns: zero (or, with %GNUTLS_CERTIFICATE_API_V2, the index of the
 * new pair) on success, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_set_x509_key_file(gnutls_certificate_credentials_t res,
                                                    const char *certfile, const char *keyfile,
                                                    gnutls_x509_crt_fmt_t type)
{
    return api::guard([&] { return key_file(res, certfile, keyfile, type, nullptr, 0); });
}

/**
 * gnutls_certificate_set_x509_key_mem2:
 * @res: the credentials
 * @cert: the certificate chain, leaf first
 * @key: the matching private key
 * @type: whether @cert and @key are PEM or DER
 * @pass: the key's password, or %NULL for an unencrypted key
 * @flags: #gnutls_pkcs_encrypt_flags_t values for the key import
 *
 * Adds a certificate chain and its private key held in memory, as
 * gnutls_certificate_set_x509_key_file2() does for files.
 *
 * Returns: zero (or, with %GNUTLS_CERTIFICATE_API_V2, the index of the
 * new pair) on success, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_set_x509_key_mem2(gnutls_certificate_credentials_t res,
                                                    const gnutls_datum_t *cert, const gnutls_datum_t *key,
                                                    gnutls_x509_crt_fmt_t type, const char *pass,
                                                    unsigned int flags)
{
    return api::guard([&] { return key_mem(res, cert, key, type, pass, flags); });
}

/**
 * gnutls_certificate_set_x509_key_mem:
 * @res: the credentials
 * @cert: the certificate chain, leaf first
 * @key: the matching unencrypted private key
 * @type: whether @cert and @key are PEM or DER
 *
 * gnutls_certificate_set_x509_key_mem2() without a password.
 *
 * Returns: zero (or, with %GNUTLS_CERTIFICATE_API_V2, the index of the
 * new pair) on success, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_set_x509_key_mem(gnutls_certificate_credentials_t res,
                                                   const gnutls_datum_t *cert, const gnutls_datum_t *key,
                                                   gnutls_x509_crt_fmt_t type)
{
    return api::guard([&] { return key_mem(res, cert, key, type, nullptr, 0); });
}

/**
 * gnutls_certificate_set_x509_key:
 * @res: the credentials
 * @cert_list: the certificate chain, leaf first
 * @cert_list_size: the number of certificates in @cert_list
 * @key: the private key of the leaf certificate
 *
 * Adds a chain and key given as objects.  The credentials keep copies:
 * the caller still owns and releases @cert_list and @key.  A mismatching
 * key is handled as in gnutls_certificate_set_x509_key_file2().
 *
 * Returns: zero (or, with %GNUTLS_CERTIFICATE_API_V2, the index of the
 * new pair) on success, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_set_x509_key(gnutls_certificate_credentials_t res,
                                               gnutls_x509_crt_t *cert_list, int cert_list_size,
                                               gnutls_x509_privkey_t key)
{
    if (res == nullptr || cert_list == nullptr || cert_list_size <= 0 || key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        KeyHolder k;
        if (int r = new_key(res, k); r < 0)
            return r;
        if (int r = gnutls_privkey_import_x509(k.k, key, GNUTLS_PRIVKEY_IMPORT_COPY); r < 0)
            return r;
        ChainHolder chain;
        chain.v.reserve(static_cast<std::size_t>(cert_list_size));
        for (int i = 0; i < cert_list_size; i++) {
            gnutls_pcert_st p{};
            if (int r = gnutls_pcert_import_x509(&p, cert_list[i], 0); r < 0)
                return r;
            chain.v.push_back(p);
        }
        return add_and_check(res, chain, k, nullptr, 0, GNUTLS_CRT_X509);
    });
}

/**
 * gnutls_certificate_set_key:
 * @res: the credentials
 * @names: host names the chain is for (used to answer server name
 *   indication), or %NULL to take them from the certificate
 * @names_size: the number of entries in @names
 * @pcert_list: the certificate chain, leaf first
 * @pcert_list_size: the number of entries in @pcert_list
 * @key: the private key of the leaf certificate
 *
 * Adds a chain and its key given as parsed certificates and an abstract
 * key.  On success the credentials take over the contents of the
 * #gnutls_pcert_st entries and @key; the array itself stays the caller's.
 * On failure nothing is taken.  The key is checked against the leaf
 * unless %GNUTLS_CERTIFICATE_SKIP_KEY_CERT_MATCH is set.
 *
 * Returns: zero (or, with %GNUTLS_CERTIFICATE_API_V2, the index of the
 * new pair) on success, or a negative error code.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_certificate_set_key(gnutls_certificate_credentials_t res, const char **names,
                                          int names_size, gnutls_pcert_st *pcert_list,
                                          int pcert_list_size, gnutls_privkey_t key)
{
    if (res == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (pcert_list == nullptr || pcert_list_size <= 0 || key == nullptr)
        return GNUTLS_E_INSUFFICIENT_CREDENTIALS;
    return api::guard([&] {
        if (!(res->flags & GNUTLS_CERTIFICATE_SKIP_KEY_CERT_MATCH))
            if (int r = check_pair(pcert_list[0].pubkey, key); r < 0)
                return r;
        ChainHolder chain;
        KeyHolder k;
        chain.v.assign(pcert_list, pcert_list + pcert_list_size);
        k.k = key;
        gnutls_certificate_type_t type = pcert_list[0].type == GNUTLS_CRT_RAWPK ? GNUTLS_CRT_RAWPK : GNUTLS_CRT_X509;
        std::size_t i;
        try {
            i = add_pair(res, chain, k, names, names_size < 0 ? 0 : static_cast<unsigned>(names_size), type);
        } catch (...) {
            // The caller keeps ownership on failure.
            chain.v.clear();
            k.k = nullptr;
            throw;
        }
        return added(res, i);
    });
}

/**
 * gnutls_certificate_set_rawpk_key_mem:
 * @cred: the credentials
 * @spki: the raw public key (a SubjectPublicKeyInfo)
 * @pkey: the matching private key
 * @format: whether @spki and @pkey are PEM or DER
 * @pass: the key's password, or %NULL for an unencrypted key
 * @key_usage: #GNUTLS_KEY_* usage bits for the public key
 * @names: host names the key is for, or %NULL
 * @names_length: the number of entries in @names
 * @flags: #gnutls_pkcs_encrypt_flags_t values for the key import
 *
 * Adds a raw public key (RFC 7250) and its private key, held in memory.
 *
 * Returns: zero (or, with %GNUTLS_CERTIFICATE_API_V2, the index of the
 * new pair) on success, or a negative error code.
 *
 * Since: 3.6.6
 **/
TLSHIM_API int gnutls_certificate_set_rawpk_key_mem(gnutls_certificate_credentials_t cred,
                                                    const gnutls_datum_t *spki, const gnutls_datum_t *pkey,
                                                    gnutls_x509_crt_fmt_t format, const char *pass,
                                                    unsigned int key_usage, const char **names,
                                                    unsigned int names_length, unsigned int flags)
{
    return api::guard([&] {
        return rawpk_mem(cred, spki, pkey, format, pass, key_usage, names, names_length, flags);
    });
}

/**
 * gnutls_certificate_set_rawpk_key_file:
 * @cred: the credentials
 * @rawpkfile: a file holding the raw public key (a SubjectPublicKeyInfo)
 * @privkeyfile: a file holding the matching private key
 * @format: whether both files are PEM or DER
 * @pass: the key's password, or %NULL for an unencrypted key
 * @key_usage: #GNUTLS_KEY_* usage bits for the public key
 * @names: host names the key is for, or %NULL
 * @names_length: the number of entries in @names
 * @privkey_flags: #gnutls_pkcs_encrypt_flags_t values for the key import
 * @pkcs11_flags: flags for PKCS #11 objects (unused: files only)
 *
 * gnutls_certificate_set_rawpk_key_mem() for keys stored in files.
 *
 * Returns: zero (or, with %GNUTLS_CERTIFICATE_API_V2, the index of the
 * new pair) on success, or a negative error code.
 *
 * Since: 3.6.6
 **/
TLSHIM_API int gnutls_certificate_set_rawpk_key_file(gnutls_certificate_credentials_t cred,
                                                     const char *rawpkfile, const char *privkeyfile,
                                                     gnutls_x509_crt_fmt_t format, const char *pass,
                                                     unsigned int key_usage, const char **names,
                                                     unsigned int names_length, unsigned int privkey_flags,
                                                     unsigned int pkcs11_flags)
{
    (void)pkcs11_flags;
    if (cred == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (rawpkfile == nullptr || privkeyfile == nullptr)
        return GNUTLS_E_INSUFFICIENT_CREDENTIALS;
    return api::guard([&] {
        std::vector<std::uint8_t> s, k;
        if (int r = read_file(privkeyfile, k); r < 0)
            return r;
        int r = read_file(rawpkfile, s);
        if (r >= 0) {
            gnutls_datum_t sd = view(s), kd = view(k);
            r = rawpk_mem(cred, &sd, &kd, format, pass, key_usage, names, names_length, privkey_flags);
        }
        secure_wipe(k.data(), k.size());
        return r;
    });
}

/**
 * gnutls_certificate_get_crt_raw:
 * @sc: the credentials
 * @idx1: the index of the certificate chain
 * @idx2: the position in that chain (0 for the leaf)
 * @cert: receives the DER certificate
 *
 * Points @cert at one certificate (for a raw public key: the
 * SubjectPublicKeyInfo) stored in the credentials.  The data is not
 * copied: it stays valid as long as the chain does and must not be freed.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when
 * there is no such certificate, or another negative error code.
 *
 * Since: 3.2.5
 **/
TLSHIM_API int gnutls_certificate_get_crt_raw(gnutls_certificate_credentials_t sc, unsigned int idx1,
                                              unsigned int idx2, gnutls_datum_t *cert)
{
    if (sc == nullptr || cert == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (idx1 >= sc->keys.size() || idx2 >= sc->keys[idx1]->chain.size())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    *cert = sc->keys[idx1]->chain[idx2].cert;
    return 0;
}

/**
 * gnutls_certificate_get_x509_crt:
 * @res: the credentials
 * @index: the index of the certificate chain
 * @crt_list: receives an array of new certificate objects
 * @crt_list_size: receives the number of certificates
 *
 * Copies one stored certificate chain out as certificate objects.  The
 * caller releases each with gnutls_x509_crt_deinit() and the array with
 * gnutls_free().
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE for an
 * index without a chain, %GNUTLS_E_INVALID_REQUEST when the entry is a raw
 * public key, or another negative error code.
 *
 * Since: 3.4.0
 **/
TLSHIM_API int gnutls_certificate_get_x509_crt(gnutls_certificate_credentials_t res, unsigned int index,
                                               gnutls_x509_crt_t **crt_list, unsigned int *crt_list_size)
{
    if (res == nullptr || crt_list == nullptr || crt_list_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (index >= res->keys.size())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    const CertKey &ck = *res->keys[index];
    if (ck.type != GNUTLS_CRT_X509)
        return GNUTLS_E_INVALID_REQUEST;
    std::size_t n = ck.chain.size();
    auto *list = static_cast<gnutls_x509_crt_t *>(gnutls_malloc(n * sizeof(gnutls_x509_crt_t) + 1));
    if (list == nullptr)
        return GNUTLS_E_MEMORY_ERROR;
    for (std::size_t i = 0; i < n; i++) {
        int r = gnutls_x509_crt_init(&list[i]);
        if (r >= 0) {
            r = gnutls_x509_crt_import(list[i], &ck.chain[i].cert, GNUTLS_X509_FMT_DER);
            if (r < 0)
                gnutls_x509_crt_deinit(list[i]);
        }
        if (r < 0) {
            for (std::size_t j = 0; j < i; j++)
                gnutls_x509_crt_deinit(list[j]);
            (gnutls_free)(list);
            return r;
        }
    }
    *crt_list = list;
    *crt_list_size = static_cast<unsigned>(n);
    return 0;
}

/**
 * gnutls_certificate_get_x509_key:
 * @res: the credentials
 * @index: the index of the certificate chain
 * @key: receives a new private key object
 *
 * Copies the private key of one stored pair out as an X.509 private key;
 * the caller releases it with gnutls_x509_privkey_deinit().
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE for an
 * index without a key, or another negative error code (for instance when
 * the key cannot be exported).
 *
 * Since: 3.4.0
 **/
TLSHIM_API int gnutls_certificate_get_x509_key(gnutls_certificate_credentials_t res, unsigned int index,
                                               gnutls_x509_privkey_t *key)
{
    if (res == nullptr || key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (index >= res->keys.size() || res->keys[index]->key == nullptr)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    return gnutls_privkey_export_x509(res->keys[index]->key, key);
}

/**
 * gnutls_certificate_set_x509_trust_file:
 * @cred: the credentials
 * @cafile: a file of trusted CA certificates
 * @type: whether the file is PEM (any number of certificates) or DER (one)
 *
 * Adds the CA certificates of a file to the credentials' trust list; they
 * are used to verify peers and their names are sent in certificate
 * requests.  A PEM file without any certificate adds nothing.
 *
 * Returns: the number of certificates added, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_set_x509_trust_file(gnutls_certificate_credentials_t cred,
                                                      const char *cafile, gnutls_x509_crt_fmt_t type)
{
    if (cred == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> data;
        if (int r = read_file(cafile, data); r < 0)
            return r;
        gnutls_datum_t d = view(data);
        return ca_count(gnutls_x509_trust_list_add_trust_mem(cred->tlist, &d, nullptr, type,
                                                             GNUTLS_TL_USE_IN_TLS, 0));
    });
}

/**
 * gnutls_certificate_set_x509_trust_mem:
 * @res: the credentials
 * @ca: trusted CA certificates
 * @type: whether @ca is PEM (any number of certificates) or DER (one)
 *
 * gnutls_certificate_set_x509_trust_file() for certificates in memory.
 *
 * Returns: the number of certificates added, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_set_x509_trust_mem(gnutls_certificate_credentials_t res,
                                                     const gnutls_datum_t *ca, gnutls_x509_crt_fmt_t type)
{
    if (res == nullptr || ca == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return ca_count(gnutls_x509_trust_list_add_trust_mem(res->tlist, ca, nullptr, type,
                                                         GNUTLS_TL_USE_IN_TLS, 0));
}

/**
 * gnutls_certificate_set_x509_trust_dir:
 * @cred: the credentials
 * @ca_dir: a directory of CA certificate files
 * @type: whether the files are PEM or DER
 *
 * Adds the certificates of every file in a directory (not its
 * subdirectories) to the trust list.  Files that hold no certificate are
 * skipped; a directory that cannot be read adds nothing.
 *
 * Returns: the number of certificates added, or a negative error code.
 *
 * Since: 3.3.6
 **/
TLSHIM_API int gnutls_certificate_set_x509_trust_dir(gnutls_certificate_credentials_t cred,
                                                     const char *ca_dir, gnutls_x509_crt_fmt_t type)
{
    if (cred == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int r = gnutls_x509_trust_list_add_trust_dir(cred->tlist, ca_dir, nullptr, type, GNUTLS_TL_USE_IN_TLS, 0);
    return r == GNUTLS_E_FILE_ERROR ? 0 : ca_count(r);
}

/**
 * gnutls_certificate_set_x509_trust:
 * @res: the credentials
 * @ca_list: trusted CA certificates
 * @ca_list_size: the number of entries in @ca_list
 *
 * Adds copies of CA certificate objects to the trust list; the caller
 * keeps ownership of @ca_list.
 *
 * Returns: the number of certificates added, or a negative error code.
 *
 * Since: 2.4.0
 **/
TLSHIM_API int gnutls_certificate_set_x509_trust(gnutls_certificate_credentials_t res,
                                                 gnutls_x509_crt_t *ca_list, int ca_list_size)
{
    if (res == nullptr || ca_list == nullptr || ca_list_size <= 0)
        return GNUTLS_E_INVALID_REQUEST;
    int total = 0;
    for (int i = 0; i < ca_list_size; i++) {
        gnutls_datum_t der{nullptr, 0};
        int r = gnutls_x509_crt_export2(ca_list[i], GNUTLS_X509_FMT_DER, &der);
        if (r >= 0)
            r = gnutls_x509_trust_list_add_trust_mem(res->tlist, &der, nullptr, GNUTLS_X509_FMT_DER,
                                                     GNUTLS_TL_USE_IN_TLS, 0);
        (gnutls_free)(der.data);
        if (r < 0)
            return r;
        total += r;
    }
    return total;
}

/**
 * gnutls_certificate_set_x509_system_trust:
 * @cred: the credentials
 *
 * Adds the system's default trusted CAs to the trust list.
 *
 * Returns: the number of certificates added, or a negative error code
 * (%GNUTLS_E_UNIMPLEMENTED_FEATURE when the system has no trust store).
 *
 * Since: 3.0.20
 **/
TLSHIM_API int gnutls_certificate_set_x509_system_trust(gnutls_certificate_credentials_t cred)
{
    if (cred == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return gnutls_x509_trust_list_add_system_trust(cred->tlist, GNUTLS_TL_USE_IN_TLS, 0);
}

/**
 * gnutls_certificate_set_trust_list:
 * @res: the credentials
 * @tlist: the trust list to use from now on
 * @flags: must be zero
 *
 * Replaces the credentials' trust list (and releases the previous one with
 * everything in it).  The credentials take ownership of @tlist, which is
 * released with them.
 *
 * Since: 3.2.2
 **/
TLSHIM_API void gnutls_certificate_set_trust_list(gnutls_certificate_credentials_t res,
                                                  gnutls_x509_trust_list_t tlist, unsigned int flags)
{
    (void)flags;
    if (res == nullptr || tlist == res->tlist)
        return;
    if (res->tlist != nullptr)
        gnutls_x509_trust_list_deinit(res->tlist, 1);
    res->tlist = tlist;
    res->ca_names_from = 0;
}

/**
 * gnutls_certificate_get_trust_list:
 * @res: the credentials
 * @tlist: receives the credentials' trust list
 *
 * Gives access to the trust list behind the credentials, for instance to
 * add CAs or CRLs with the gnutls_x509_trust_list_*() functions.  The list
 * still belongs to the credentials: do not release it.
 *
 * Since: 3.4.0
 **/
TLSHIM_API void gnutls_certificate_get_trust_list(gnutls_certificate_credentials_t res,
                                                  gnutls_x509_trust_list_t *tlist)
{
    if (res != nullptr && tlist != nullptr)
        *tlist = res->tlist;
}

/**
 * gnutls_certificate_get_issuer:
 * @sc: the credentials
 * @cert: the certificate whose issuer is wanted
 * @issuer: receives the issuer
 * @flags: zero, or %GNUTLS_TL_GET_COPY for a copy the caller releases
 *
 * Looks up the issuer of @cert among the trusted CAs.  Without
 * %GNUTLS_TL_GET_COPY the certificate returned belongs to the credentials.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when no
 * trusted CA issued @cert, or another negative error code.
 **/
TLSHIM_API int gnutls_certificate_get_issuer(gnutls_certificate_credentials_t sc, gnutls_x509_crt_t cert,
                                             gnutls_x509_crt_t *issuer, unsigned int flags)
{
    if (sc == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return gnutls_x509_trust_list_get_issuer(sc->tlist, cert, issuer, flags);
}

/**
 * gnutls_certificate_set_x509_crl_file:
 * @res: the credentials
 * @crlfile: a file of CRLs
 * @type: whether the file is PEM (any number of CRLs) or DER (one)
 *
 * Adds the CRLs of a file to the trust list, to be checked when peers are
 * verified.  With %GNUTLS_CERTIFICATE_VERIFY_CRLS set, a CRL that no
 * trusted CA signed is an error.
 *
 * Returns: the number of CRLs added, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_set_x509_crl_file(gnutls_certificate_credentials_t res,
                                                    const char *crlfile, gnutls_x509_crt_fmt_t type)
{
    if (res == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> data;
        if (int r = read_file(crlfile, data); r < 0)
            return r;
        gnutls_datum_t d = view(data);
        if (int r = check_crl_pem(&d, type); r < 0)
            return r;
        return gnutls_x509_trust_list_add_trust_mem(res->tlist, nullptr, &d, type, crl_tl_flags(res),
                                                    res->verify_flags);
    });
}

/**
 * gnutls_certificate_set_x509_crl_mem:
 * @res: the credentials
 * @CRL: CRLs
 * @type: whether @CRL is PEM (any number of CRLs) or DER (one)
 *
 * gnutls_certificate_set_x509_crl_file() for CRLs in memory.
 *
 * Returns: the number of CRLs added, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_set_x509_crl_mem(gnutls_certificate_credentials_t res,
                                                   const gnutls_datum_t *CRL, gnutls_x509_crt_fmt_t type)
{
    if (res == nullptr || CRL == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (int r = api::guard([&] { return check_crl_pem(CRL, type); }); r < 0)
        return r;
    return gnutls_x509_trust_list_add_trust_mem(res->tlist, nullptr, CRL, type, crl_tl_flags(res),
                                                res->verify_flags);
}

/**
 * gnutls_certificate_set_x509_crl:
 * @res: the credentials
 * @crl_list: CRL objects
 * @crl_list_size: the number of entries in @crl_list
 *
 * Adds copies of CRL objects to the trust list; the caller keeps
 * ownership of @crl_list.
 *
 * Returns: the number of CRLs added, or a negative error code.
 *
 * Since: 2.4.0
 **/
TLSHIM_API int gnutls_certificate_set_x509_crl(gnutls_certificate_credentials_t res,
                                               gnutls_x509_crl_t *crl_list, int crl_list_size)
{
    if (res == nullptr || (crl_list == nullptr && crl_list_size > 0))
        return GNUTLS_E_INVALID_REQUEST;
    int total = 0;
    for (int i = 0; i < crl_list_size; i++) {
        gnutls_datum_t der{nullptr, 0};
        int r = gnutls_x509_crl_export2(crl_list[i], GNUTLS_X509_FMT_DER, &der);
        if (r >= 0)
            r = gnutls_x509_trust_list_add_trust_mem(res->tlist, nullptr, &der, GNUTLS_X509_FMT_DER,
                                                     crl_tl_flags(res), res->verify_flags);
        (gnutls_free)(der.data);
        if (r < 0)
            return r;
        total += r;
    }
    return total;
}

/**
 * gnutls_certificate_set_ocsp_status_request_mem:
 * @res: the credentials
 * @resp: one DER OCSP response, or PEM "OCSP RESPONSE" blocks
 * @idx: the index of the certificate chain the responses are for
 * @fmt: whether @resp is PEM or DER
 *
 * Stores OCSP responses that a server staples for the chain at @idx.  Each
 * response is filed under the certificate of the chain it is about; one
 * that matches none is refused with %GNUTLS_E_OCSP_MISMATCH_WITH_CERTS
 * unless %GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK is set (then the
 * responses are filed in order).  A response replaces the one stored for
 * the same certificate.
 *
 * Returns: the number of responses stored, or a negative error code.
 *
 * Since: 3.6.3
 **/
TLSHIM_API int gnutls_certificate_set_ocsp_status_request_mem(gnutls_certificate_credentials_t res,
                                                              const gnutls_datum_t *resp, unsigned int idx,
                                                              gnutls_x509_crt_fmt_t fmt)
{
    if (res == nullptr || resp == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return ocsp_store(res, idx, resp, fmt); });
}

/**
 * gnutls_certificate_set_ocsp_status_request_file2:
 * @res: the credentials
 * @response_file: a file of OCSP responses
 * @idx: the index of the certificate chain the responses are for
 * @fmt: whether the file is PEM or DER
 *
 * gnutls_certificate_set_ocsp_status_request_mem() for responses in a file.
 *
 * Returns: the number of responses stored, or a negative error code.
 *
 * Since: 3.6.3
 **/
TLSHIM_API int gnutls_certificate_set_ocsp_status_request_file2(gnutls_certificate_credentials_t res,
                                                                const char *response_file, unsigned int idx,
                                                                gnutls_x509_crt_fmt_t fmt)
{
    if (res == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        if (idx >= res->keys.size())
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        std::vector<std::uint8_t> data;
        if (int r = read_file(response_file, data); r < 0)
            return r;
        gnutls_datum_t d = view(data);
        return ocsp_store(res, idx, &d, fmt);
    });
}

/**
 * gnutls_certificate_set_ocsp_status_request_file:
 * @res: the credentials
 * @response_file: a file holding one DER OCSP response
 * @idx: the index of the certificate chain the response is for
 *
 * gnutls_certificate_set_ocsp_status_request_file2() for a DER file.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.1.3
 **/
TLSHIM_API int gnutls_certificate_set_ocsp_status_request_file(gnutls_certificate_credentials_t res,
                                                               const char *response_file, unsigned int idx)
{
    int r = gnutls_certificate_set_ocsp_status_request_file2(res, response_file, idx, GNUTLS_X509_FMT_DER);
    return r < 0 ? r : 0;
}

/**
 * gnutls_certificate_set_ocsp_status_request_function:
 * @res: the credentials
 * @ocsp_func: the callback producing an OCSP response, or %NULL
 * @ptr: passed to @ocsp_func
 *
 * Installs a callback that a server asks for the OCSP response to staple,
 * for any of the credentials' chains that has no callback of its own
 * (see gnutls_certificate_set_ocsp_status_request_function2()).
 *
 * Since: 3.1.3
 **/
TLSHIM_API void gnutls_certificate_set_ocsp_status_request_function(gnutls_certificate_credentials_t res,
                                                                    gnutls_status_request_ocsp_func ocsp_func,
                                                                    void *ptr)
{
    if (res == nullptr)
        return;
    res->ocsp_func = ocsp_func;
    res->ocsp_func_ptr = ptr;
}

/**
 * gnutls_certificate_set_ocsp_status_request_function2:
 * @res: the credentials
 * @idx: the index of the certificate chain
 * @ocsp_func: the callback producing an OCSP response, or %NULL
 * @ptr: passed to @ocsp_func
 *
 * Installs the callback that produces the OCSP response for the chain at
 * @idx.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when
 * there is no chain at @idx, or another negative error code.
 *
 * Since: 3.5.5
 **/
TLSHIM_API int gnutls_certificate_set_ocsp_status_request_function2(gnutls_certificate_credentials_t res,
                                                                    unsigned int idx,
                                                                    gnutls_status_request_ocsp_func ocsp_func,
                                                                    void *ptr)
{
    if (res == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (idx >= res->keys.size())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    res->keys[idx]->ocsp_func = ocsp_func;
    res->keys[idx]->ocsp_func_ptr = ptr;
    return 0;
}

/**
 * gnutls_certificate_get_ocsp_expiration:
 * @sc: the credentials
 * @idx: the index of the certificate chain
 * @oidx: the position in the chain, or -1 for the whole chain
 * @flags: must be zero
 *
 * Tells until when a stored OCSP response can be stapled: the nextUpdate
 * time of the response for certificate @oidx of chain @idx, or with -1 the
 * earliest such time over the chain.
 *
 * Returns: that time; -1 when there is no response for that certificate
 * (or it has no nextUpdate); -2 when @idx or @oidx is out of range; with
 * @oidx -1 and no response at all, zero.
 *
 * Since: 3.6.3
 **/
TLSHIM_API time_t gnutls_certificate_get_ocsp_expiration(gnutls_certificate_credentials_t sc,
                                                         unsigned int idx, int oidx, unsigned int flags)
{
    (void)flags;
    if (sc == nullptr || idx >= sc->keys.size())
        return static_cast<time_t>(-2);
    const CertKey &ck = *sc->keys[idx];
    if (oidx == -1) {
        time_t earliest = 0;
        for (const auto &o : ck.ocsp)
            if (o.present() && o.expires != -1 && (earliest == 0 || o.expires < earliest))
                earliest = o.expires;
        return earliest;
    }
    if (oidx < 0 || static_cast<std::size_t>(oidx) >= ck.ocsp.size())
        return static_cast<time_t>(-2);
    const auto &o = ck.ocsp[static_cast<std::size_t>(oidx)];
    return o.present() ? o.expires : static_cast<time_t>(-1);
}
