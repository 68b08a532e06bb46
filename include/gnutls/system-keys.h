/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tlshim: keys held by the operating system key store
 * (GnuTLS 3.7.9 interface).
 */

#ifndef GNUTLS_SYSTEM_KEYS_H
#define GNUTLS_SYSTEM_KEYS_H

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Types -------------------------------------------------------------- */

/* Iterating over and managing system keys */
typedef struct system_key_iter_st *gnutls_system_key_iter_t;

/* ---- Functions ---------------------------------------------------------- */

/* Iterating over and managing system keys */
int gnutls_system_key_add_x509(gnutls_x509_crt_t crt,
                               gnutls_x509_privkey_t privkey,
                               const char *label, char **cert_url,
                               char **key_url);
int gnutls_system_key_delete(const char *cert_url, const char *key_url);
void gnutls_system_key_iter_deinit(gnutls_system_key_iter_t iter);
int gnutls_system_key_iter_get_info(gnutls_system_key_iter_t *iter,
                                    unsigned int cert_type, char **cert_url,
                                    char **key_url, char **label,
                                    gnutls_datum_t *der, unsigned int flags);

#ifdef __cplusplus
}
#endif

#endif /* GNUTLS_SYSTEM_KEYS_H */
