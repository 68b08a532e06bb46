/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tlshim: registration of custom URL schemes for keys and certificates
 * (GnuTLS 3.7.9 interface).
 */

#ifndef GNUTLS_URLS_H
#define GNUTLS_URLS_H

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Types -------------------------------------------------------------- */

/* Handlers for a URL scheme */
typedef int (*gnutls_get_raw_issuer_func)(const char *, gnutls_x509_crt_t,
                                          gnutls_datum_t *, unsigned int);
typedef int (*gnutls_privkey_import_url_func)(
        gnutls_privkey_t, const char *, unsigned int);
typedef int (*gnutls_pubkey_import_url_func)(
        gnutls_pubkey_t, const char *, unsigned int);
typedef int (*gnutls_x509_crt_import_url_func)(
        gnutls_x509_crt_t, const char *, unsigned int);

/* Handlers for a custom key/certificate URL scheme. */
typedef struct gnutls_custom_url_st {
    const char *name;
    unsigned int name_size;
    gnutls_privkey_import_url_func import_key;
    gnutls_x509_crt_import_url_func import_crt;
    gnutls_pubkey_import_url_func import_pubkey;
    gnutls_get_raw_issuer_func get_issuer;
    void *future1;
    void *future2;
} gnutls_custom_url_st;

/* ---- Functions ---------------------------------------------------------- */

/* Registration */
int gnutls_register_custom_url(const gnutls_custom_url_st *st);

#ifdef __cplusplus
}
#endif

#endif /* GNUTLS_URLS_H */
