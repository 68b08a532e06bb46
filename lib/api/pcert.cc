// SPDX-License-Identifier: LGPL-2.1-or-later
// C facade: parsed certificates (gnutls_pcert_*): a certificate's DER kept
// with its public key as an abstract key, the form the credentials and the
// TLS engine use.
#include "api/api.hh"
#include "api/abstract-key.hh"
#include "api/x509-crt.hh"

#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace tlshim;

namespace {

// Fills `pcert` from a loaded certificate; on failure `pcert` is untouched.
int from_crt(gnutls_pcert_st *pcert, gnutls_x509_crt_t crt)
{
    gnutls_pubkey_t key = nullptr;
    if (int r = gnutls_pubkey_init(&key); r < 0)
        return r;
    if (int r = gnutls_pubkey_import_x509(key, crt, 0); r < 0) {
        gnutls_pubkey_deinit(key);
        return r;
    }
    Bytes der = crt->cert.der();
    gnutls_datum_t d;
    if (int r = api::datum_out(der.data(), der.size(), &d); r < 0) {
        gnutls_pubkey_deinit(key);
        return r;
    }
    pcert->pubkey = key;
    pcert->cert = d;
    pcert->type = GNUTLS_CRT_X509;
    return 0;
}

// Fills `pcert` as a raw public key certificate holding `key` (taken).
int from_pubkey(gnutls_pcert_st *pcert, gnutls_pubkey_t key)
{
    gnutls_datum_t d;
    if (int r = gnutls_pubkey_export2(key, GNUTLS_X509_FMT_DER, &d); r < 0)
        return r;
    pcert->pubkey = key;
    pcert->cert = d;
    pcert->type = GNUTLS_CRT_RAWPK;
    return 0;
}

// Whether `a` names `b` as its issuer.
bool issued_by(gnutls_x509_crt_t a, gnutls_x509_crt_t b)
{
    Bytes ia, sb;
    if (!ok(a->cert.issuer_raw(ia)) || !ok(b->cert.subject_raw(sb)))
        return false;
    return ia.size() == sb.size() && std::equal(ia.begin(), ia.end(), sb.begin());
}

bool self_issued(gnutls_x509_crt_t a)
{
    return issued_by(a, a);
}

// Whether each certificate is issued by the next one.
bool is_sorted(const std::vector<gnutls_x509_crt_t> &list)
{
    for (std::size_t i = 0; i + 1 < list.size(); i++)
        if (!issued_by(list[i], list[i + 1]))
            return false;
    return true;
}

// The chain that starts at list[0] and follows issuers found in the list;
// certificates that are not part of it are dropped (into `dropped`).
std::vector<gnutls_x509_crt_t> chain_from_first(const std::vector<gnutls_x509_crt_t> &list,
                                                std::vector<gnutls_x509_crt_t> &dropped)
{
    std::vector<gnutls_x509_crt_t> chain, rest;
    if (list.empty())
        return chain;
    chain.push_back(list[0]);
    rest.assign(list.begin() + 1, list.end());
    while (!self_issued(chain.back())) {
        auto it = std::find_if(rest.begin(), rest.end(),
                               [&](gnutls_x509_crt_t c) { return issued_by(chain.back(), c); });
        if (it == rest.end())
            break;
        chain.push_back(*it);
        rest.erase(it);
    }
    dropped = std::move(rest);
    return chain;
}

// Imports certificates one by one into pcerts[0..n); undoes everything on failure.
int from_crt_list(gnutls_pcert_st *pcerts, gnutls_x509_crt_t *crts, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        if (int r = from_crt(&pcerts[i], crts[i]); r < 0) {
            for (unsigned j = 0; j < i; j++)
                gnutls_pcert_deinit(&pcerts[j]);
            return r;
        }
    }
    return 0;
}

// `always_sort`: the file variant puts the chain in order whatever the flags.
int list_import(gnutls_pcert_st *pcerts, unsigned *pcert_max, const gnutls_datum_t *data,
                gnutls_x509_crt_fmt_t format, unsigned flags, bool always_sort)
{
    std::vector<gnutls_x509_crt_t> crts(*pcert_max == 0 ? 1 : *pcert_max, nullptr);
    unsigned n = *pcert_max;
    unsigned order_flags = GNUTLS_X509_CRT_LIST_SORT | GNUTLS_X509_CRT_LIST_FAIL_IF_UNSORTED;
    int r = gnutls_x509_crt_list_import(crts.data(), &n, data, format, flags & ~order_flags);
    if (r < 0) {
        if (r == GNUTLS_E_SHORT_MEMORY_BUFFER)
            *pcert_max = n;
        return r;
    }
    crts.resize(static_cast<unsigned>(r));
    auto release = [](std::vector<gnutls_x509_crt_t> &v) {
        for (gnutls_x509_crt_t c : v)
            gnutls_x509_crt_deinit(c);
        v.clear();
    };
    std::vector<gnutls_x509_crt_t> dropped;
    if (always_sort || (flags & GNUTLS_X509_CRT_LIST_SORT)) {
        std::vector<gnutls_x509_crt_t> chain = chain_from_first(crts, dropped);
        release(dropped);
        crts = std::move(chain);
    } else if ((flags & GNUTLS_X509_CRT_LIST_FAIL_IF_UNSORTED) && !is_sorted(crts)) {
        *pcert_max = static_cast<unsigned>(crts.size());
        release(crts);
        return GNUTLS_E_CERTIFICATE_LIST_UNSORTED;
    }
    n = static_cast<unsigned>(crts.size());
    r = from_crt_list(pcerts, crts.data(), n);
    release(crts);
    if (r < 0)
        return r;
    *pcert_max = n;
    return 0;
}

// The whole content of a file; false when it cannot be read.
bool read_file(const char *name, std::vector<unsigned char> &out)
{
    std::FILE *f = std::fopen(name, "rb");
    if (f == nullptr)
        return false;
    unsigned char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
        out.insert(out.end(), buf, buf + n);
    bool ok = std::ferror(f) == 0;
    std::fclose(f);
    return ok && out.size() <= 0xffffffffu;
}

}  // namespace

/**
 * gnutls_pcert_import_x509:
 * @pcert: the parsed certificate to fill
 * @crt: a certificate
 * @flags: zero
 *
 * Fills @pcert with a copy of the certificate's DER and its public key.
 * Release it with gnutls_pcert_deinit().
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_pcert_import_x509(gnutls_pcert_st *pcert, gnutls_x509_crt_t crt, unsigned int flags)
{
    (void)flags;
    if (pcert == nullptr || crt == nullptr || crt->cert.empty())
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return from_crt(pcert, crt); });
}

/**
 * gnutls_pcert_import_x509_raw:
 * @pcert: the parsed certificate to fill
 * @cert: an encoded certificate
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @flags: zero
 *
 * Decodes a certificate into @pcert, as gnutls_pcert_import_x509() does.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_pcert_import_x509_raw(gnutls_pcert_st *pcert, const gnutls_datum_t *cert,
                                            gnutls_x509_crt_fmt_t format, unsigned int flags)
{
    (void)flags;
    if (pcert == nullptr || cert == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        gnutls_x509_crt_int crt;
        Bytes in(cert->data, cert->size);
        Err e = fmt == GNUTLS_X509_FMT_PEM ? crt.cert.import_pem(in) : crt.cert.import_der(in);
        if (!ok(e))
            return api::to_gnutls(e);
        return from_crt(pcert, &crt);
    });
}

/**
 * gnutls_pcert_import_x509_list:
 * @pcert: an array of at least *@ncrt parsed certificates to fill
 * @crt: the certificates
 * @ncrt: in: the number of certificates; out: the number imported
 * @flags: %GNUTLS_X509_CRT_LIST_SORT to import only the chain that starts
 *   at the first certificate, in issuing order;
 *   %GNUTLS_X509_CRT_LIST_FAIL_IF_UNSORTED to refuse a list in which a
 *   certificate is not issued by the next one
 *
 * Imports a certificate chain, as gnutls_pcert_import_x509() does for each
 * certificate.
 *
 * Returns: zero on success, or a negative error code (then nothing is
 * left to release).
 *
 * Since: 3.4.0
 **/
TLSHIM_API int gnutls_pcert_import_x509_list(gnutls_pcert_st *pcert, gnutls_x509_crt_t *crt, unsigned *ncrt,
                                             unsigned int flags)
{
    if (pcert == nullptr || crt == nullptr || ncrt == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<gnutls_x509_crt_t> order(crt, crt + *ncrt);
        for (gnutls_x509_crt_t c : order)
            if (c == nullptr || c->cert.empty())
                return GNUTLS_E_INVALID_REQUEST;
        if (flags & GNUTLS_X509_CRT_LIST_SORT) {
            std::vector<gnutls_x509_crt_t> dropped;
            order = chain_from_first(order, dropped);
        } else if ((flags & GNUTLS_X509_CRT_LIST_FAIL_IF_UNSORTED) && !is_sorted(order)) {
            return GNUTLS_E_CERTIFICATE_LIST_UNSORTED;
        }
        unsigned n = static_cast<unsigned>(order.size());
        if (int r = from_crt_list(pcert, order.data(), n); r < 0)
            return r;
        *ncrt = n;
        return 0;
    });
}

/**
 * gnutls_pcert_list_import_x509_raw:
 * @pcerts: an array of *@pcert_max parsed certificates to fill
 * @pcert_max: in: the array's size; out: the number imported (or needed)
 * @data: one DER certificate, or PEM text holding several
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @flags: the flags of gnutls_x509_crt_list_import()
 *
 * Decodes a list of certificates into parsed certificates.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER (with the number
 * needed in @pcert_max) when the array is too small and
 * %GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED was given, or another
 * negative error code.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_pcert_list_import_x509_raw(gnutls_pcert_st *pcerts, unsigned int *pcert_max,
                                                 const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format,
                                                 unsigned int flags)
{
    if (pcerts == nullptr || pcert_max == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return list_import(pcerts, pcert_max, data, format, flags, false); });
}

/**
 * gnutls_pcert_list_import_x509_file:
 * @pcert_list: an array of *@pcert_list_size parsed certificates to fill
 * @pcert_list_size: in: the array's size; out: the number imported
 * @file: the name of a file holding certificates (PKCS #11 URLs are not supported)
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @pin_fn: PIN callback for token objects (unused)
 * @pin_fn_userdata: passed to @pin_fn
 * @flags: the flags of gnutls_x509_crt_list_import()
 *
 * Reads a file and decodes the certificates it holds, as
 * gnutls_pcert_list_import_x509_raw() does with %GNUTLS_X509_CRT_LIST_SORT:
 * the result is the chain that starts at the file's first certificate.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.3
 **/
TLSHIM_API int gnutls_pcert_list_import_x509_file(gnutls_pcert_st *pcert_list, unsigned *pcert_list_size,
                                                  const char *file, gnutls_x509_crt_fmt_t format,
                                                  gnutls_pin_callback_t pin_fn, void *pin_fn_userdata,
                                                  unsigned int flags)
{
    (void)pin_fn;
    (void)pin_fn_userdata;
    if (pcert_list == nullptr || pcert_list_size == nullptr || file == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<unsigned char> content;
        if (!read_file(file, content))
            return GNUTLS_E_FILE_ERROR;
        gnutls_datum_t data{content.data(), static_cast<unsigned>(content.size())};
        return list_import(pcert_list, pcert_list_size, &data, format, flags, true);
    });
}

/**
 * gnutls_pcert_import_rawpk:
 * @pcert: the parsed certificate to fill
 * @key: a public key; @pcert takes it over (released by gnutls_pcert_deinit())
 * @flags: zero
 *
 * Makes a raw public key certificate (RFC 7250): the key's
 * SubjectPublicKeyInfo stands for the certificate.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.6
 **/
TLSHIM_API int gnutls_pcert_import_rawpk(gnutls_pcert_st *pcert, gnutls_pubkey_t key, unsigned int flags)
{
    (void)flags;
    if (pcert == nullptr || key == nullptr)
        return GNUTLS_E_INSUFFICIENT_CREDENTIALS;
    return api::guard([&] { return from_pubkey(pcert, key); });
}

/**
 * gnutls_pcert_import_rawpk_raw:
 * @pcert: the parsed certificate to fill
 * @rawpubkey: an encoded SubjectPublicKeyInfo
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM ("PUBLIC KEY")
 * @key_usage: %GNUTLS_KEY_* bits to record for the key
 * @flags: zero
 *
 * Decodes a public key into a raw public key certificate (RFC 7250).
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.6
 **/
TLSHIM_API int gnutls_pcert_import_rawpk_raw(gnutls_pcert_st *pcert, const gnutls_datum_t *rawpubkey,
                                             gnutls_x509_crt_fmt_t format, unsigned int key_usage,
                                             unsigned int flags)
{
    (void)flags;
    if (pcert == nullptr || rawpubkey == nullptr)
        return GNUTLS_E_INSUFFICIENT_CREDENTIALS;
    return api::guard([&] {
        gnutls_pubkey_t key = nullptr;
        if (int r = gnutls_pubkey_init(&key); r < 0)
            return r;
        int r = gnutls_pubkey_import(key, rawpubkey, format);
        if (r >= 0)
            r = gnutls_pubkey_set_key_usage(key, key_usage);
        if (r >= 0)
            r = from_pubkey(pcert, key);
        if (r < 0)
            gnutls_pubkey_deinit(key);
        return r;
    });
}

/**
 * gnutls_pcert_export_x509:
 * @pcert: a parsed X.509 certificate
 * @crt: receives a new certificate object, to release with gnutls_x509_crt_deinit()
 *
 * Decodes the certificate kept in @pcert back into a certificate object.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.4.0
 **/
TLSHIM_API int gnutls_pcert_export_x509(gnutls_pcert_st *pcert, gnutls_x509_crt_t *crt)
{
    if (pcert == nullptr || crt == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (pcert->type != GNUTLS_CRT_X509)
        return GNUTLS_E_INVALID_REQUEST;
    gnutls_x509_crt_t c = nullptr;
    if (int r = gnutls_x509_crt_init(&c); r < 0)
        return r;
    if (int r = gnutls_x509_crt_import(c, &pcert->cert, GNUTLS_X509_FMT_DER); r < 0) {
        gnutls_x509_crt_deinit(c);
        return r;
    }
    *crt = c;
    return 0;
}

/**
 * gnutls_pcert_deinit:
 * @pcert: a parsed certificate
 *
 * Releases the public key and the certificate data held by @pcert (not
 * @pcert itself).
 *
 * Since: 3.0
 **/
TLSHIM_API void gnutls_pcert_deinit(gnutls_pcert_st *pcert)
{
    if (pcert == nullptr)
        return;
    gnutls_pubkey_deinit(pcert->pubkey);
    pcert->pubkey = nullptr;
    (gnutls_free)(pcert->cert.data);
    pcert->cert.data = nullptr;
    pcert->cert.size = 0;
}
