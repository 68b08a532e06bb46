/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tlshim: known-answer self tests of the cryptographic primitives
 * (GnuTLS 3.7.9 interface).
 */

#ifndef GNUTLS_SELF_TEST_H
#define GNUTLS_SELF_TEST_H

#include <gnutls/gnutls.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Constants ---------------------------------------------------------- */

/* Flags */
#define GNUTLS_SELF_TEST_FLAG_ALL       1
#define GNUTLS_SELF_TEST_FLAG_NO_COMPAT (1 << 1)

/* ---- Functions ---------------------------------------------------------- */

/* Per-algorithm self tests */
int gnutls_cipher_self_test(unsigned int flags,
                            gnutls_cipher_algorithm_t cipher);
int gnutls_digest_self_test(unsigned int flags,
                            gnutls_digest_algorithm_t digest);
int gnutls_hkdf_self_test(unsigned int flags, gnutls_mac_algorithm_t mac);
int gnutls_mac_self_test(unsigned int flags, gnutls_mac_algorithm_t mac);
int gnutls_pbkdf2_self_test(unsigned int flags, gnutls_mac_algorithm_t mac);
int gnutls_pk_self_test(unsigned int flags, gnutls_pk_algorithm_t pk);
int gnutls_tlsprf_self_test(unsigned int flags, gnutls_mac_algorithm_t mac);

#ifdef __cplusplus
}
#endif

#endif /* GNUTLS_SELF_TEST_H */
