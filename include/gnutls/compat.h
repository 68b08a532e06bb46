/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tlshim: names kept for programs written against older GnuTLS releases.
 *
 * Old type names, renamed constants and deprecated functions.  Using any
 * of them produces a deprecation warning with GCC and Clang.  Normally
 * pulled in by <gnutls/gnutls.h>; including it directly also works.
 */

#ifndef GNUTLS_COMPAT_H
#define GNUTLS_COMPAT_H

#include <gnutls/gnutls.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The reference headers' own spelling of the deprecation marker, kept for
 * programs that use it.  Our declarations use _TLSHIM_ATTR_DEPRECATED.
 */
#ifdef __GNUC__
# define _GNUTLS_GCC_VERSION \
    (__GNUC__ * 10000 + __GNUC_MINOR__ * 100 + __GNUC_PATCHLEVEL__)
# if !defined GNUTLS_INTERNAL_BUILD && _GNUTLS_GCC_VERSION >= 30100
#  define _GNUTLS_GCC_ATTR_DEPRECATED __attribute__((__deprecated__))
# endif
#endif
#ifndef _GNUTLS_GCC_ATTR_DEPRECATED
# define _GNUTLS_GCC_ATTR_DEPRECATED
#endif

/* ---- Constants ---------------------------------------------------------- */

/* Renamed constants */
#define GNUTLS_SUPPLEMENTAL_USER_MAPPING_DATA 0
#define GNUTLS_VERIFY_ALLOW_X509_V1_CA_CRT    (0)
#define GNUTLS_A_MISSING_SRP_USERNAME         GNUTLS_A_UNKNOWN_PSK_IDENTITY
#define GNUTLS_A_UNKNOWN_SRP_USERNAME         GNUTLS_A_UNKNOWN_PSK_IDENTITY
#define GNUTLS_OPENPGP_KEY                    GNUTLS_OPENPGP_CERT
#define GNUTLS_OPENPGP_KEY_FINGERPRINT        GNUTLS_OPENPGP_CERT_FINGERPRINT
#define GNUTLS_X509_CRT_FULL                  GNUTLS_CRT_PRINT_FULL
#define GNUTLS_X509_CRT_ONELINE               GNUTLS_CRT_PRINT_ONELINE
#define GNUTLS_X509_CRT_UNSIGNED_FULL         GNUTLS_CRT_PRINT_UNSIGNED_FULL

/* Renamed functions */
#define gnutls_openpgp_crt_get_id              gnutls_openpgp_crt_get_key_id
#define gnutls_openpgp_key_check_hostname      gnutls_openpgp_crt_check_hostname
#define gnutls_openpgp_key_deinit              gnutls_openpgp_crt_deinit
#define gnutls_openpgp_key_export              gnutls_openpgp_crt_export
#define gnutls_openpgp_key_get_creation_time   gnutls_openpgp_crt_get_creation_time
#define gnutls_openpgp_key_get_expiration_time gnutls_openpgp_crt_get_expiration_time
#define gnutls_openpgp_key_get_fingerprint     gnutls_openpgp_crt_get_fingerprint
#define gnutls_openpgp_key_get_id              gnutls_openpgp_crt_get_id
#define gnutls_openpgp_key_get_key_usage       gnutls_openpgp_crt_get_key_usage
#define gnutls_openpgp_key_get_name            gnutls_openpgp_crt_get_name
#define gnutls_openpgp_key_get_pk_algorithm    gnutls_openpgp_crt_get_pk_algorithm
#define gnutls_openpgp_key_get_version         gnutls_openpgp_crt_get_version
#define gnutls_openpgp_key_import              gnutls_openpgp_crt_import
#define gnutls_openpgp_key_init                gnutls_openpgp_crt_init
#define gnutls_openpgp_send_key                gnutls_openpgp_send_cert

/* Library version under its older names */
#define LIBGNUTLS_VERSION GNUTLS_VERSION
#define LIBGNUTLS_VERSION_MAJOR GNUTLS_VERSION_MAJOR
#define LIBGNUTLS_VERSION_MINOR GNUTLS_VERSION_MINOR
#define LIBGNUTLS_VERSION_PATCH GNUTLS_VERSION_PATCH
#define LIBGNUTLS_VERSION_NUMBER GNUTLS_VERSION_NUMBER
#define LIBGNUTLS_EXTRA_VERSION GNUTLS_VERSION

/* ---- Types -------------------------------------------------------------- */

/* Old type names */
typedef gnutls_alert_description_t gnutls_alert_description
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_alert_level_t gnutls_alert_level _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_anon_client_credentials_t gnutls_anon_client_credentials
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_anon_server_credentials_t gnutls_anon_server_credentials
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_certificate_credentials_t gnutls_certificate_credentials
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_certificate_request_t gnutls_certificate_request
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_certificate_status_t gnutls_certificate_status
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_certificate_type_t gnutls_certificate_type
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_cipher_algorithm_t gnutls_cipher_algorithm
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_close_request_t gnutls_close_request _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_compression_method_t gnutls_compression_method
    _TLSHIM_ATTR_DEPRECATED;
typedef unsigned int gnutls_connection_end_t _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_connection_end_t gnutls_connection_end _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_credentials_type_t gnutls_credentials_type
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_datum_t gnutls_datum _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_dh_params_t gnutls_dh_params _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_digest_algorithm_t gnutls_digest_algorithm
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_kx_algorithm_t gnutls_kx_algorithm _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_mac_algorithm_t gnutls_mac_algorithm _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_openpgp_crt_status_t gnutls_openpgp_key_status_t
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_openpgp_crt_t gnutls_openpgp_key_t _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_openpgp_keyring_t gnutls_openpgp_keyring
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_openpgp_privkey_t gnutls_openpgp_privkey
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_params_type_t gnutls_params_type _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_pk_algorithm_t gnutls_pk_algorithm _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_rsa_params_t gnutls_rsa_params _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_session_t gnutls_session _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_sign_algorithm_t gnutls_sign_algorithm _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_srp_client_credentials_t gnutls_srp_client_credentials
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_srp_server_credentials_t gnutls_srp_server_credentials
    _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_transport_ptr_t gnutls_transport_ptr _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_x509_crl_t gnutls_x509_crl _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_x509_crq_t gnutls_x509_crq _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_x509_crt_t gnutls_x509_crt _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_x509_crt_fmt_t gnutls_x509_crt_fmt _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_x509_privkey_t gnutls_x509_privkey _TLSHIM_ATTR_DEPRECATED;
typedef gnutls_x509_subject_alt_name_t gnutls_x509_subject_alt_name
    _TLSHIM_ATTR_DEPRECATED;

/* ---- Functions ---------------------------------------------------------- */

/* Deprecated functions */
gnutls_compression_method_t
gnutls_compression_get(gnutls_session_t session) _TLSHIM_ATTR_DEPRECATED;
gnutls_compression_method_t gnutls_compression_get_id(
        const char *name) _TLSHIM_ATTR_CONST _TLSHIM_ATTR_DEPRECATED;
const char *gnutls_compression_get_name(gnutls_compression_method_t algorithm)
    _TLSHIM_ATTR_CONST _TLSHIM_ATTR_DEPRECATED;
const gnutls_compression_method_t *
gnutls_compression_list(void) _TLSHIM_ATTR_PURE _TLSHIM_ATTR_DEPRECATED;
void gnutls_global_set_mem_functions(
        gnutls_alloc_function alloc_func,
        gnutls_alloc_function secure_alloc_func,
        gnutls_is_secure_function is_secure_func,
        gnutls_realloc_function realloc_func,
        gnutls_free_function free_func) _TLSHIM_ATTR_DEPRECATED;
int gnutls_openpgp_privkey_sign_hash(
        gnutls_openpgp_privkey_t key, const gnutls_datum_t *hash,
        gnutls_datum_t *signature) _TLSHIM_ATTR_DEPRECATED;
int gnutls_priority_compression_list(
        gnutls_priority_t pcache,
        const unsigned int **list) _TLSHIM_ATTR_DEPRECATED;
int
gnutls_x509_crt_get_preferred_hash_algorithm(
        gnutls_x509_crt_t crt, gnutls_digest_algorithm_t *hash,
        unsigned int *mand) _TLSHIM_ATTR_DEPRECATED;
int gnutls_x509_privkey_sign_hash(
        gnutls_x509_privkey_t key, const gnutls_datum_t *hash,
        gnutls_datum_t *signature) _TLSHIM_ATTR_DEPRECATED;

/*
 * Accessors from the 2.x days, available as inline wrappers around
 * gnutls_session_get_random() when C99 inline functions are enabled.
 */
#ifdef _ISOC99_SOURCE
static inline const void *
gnutls_session_get_server_random(gnutls_session_t session)
    _TLSHIM_ATTR_DEPRECATED;
static inline const void *
gnutls_session_get_server_random(gnutls_session_t session)
{
    gnutls_datum_t value;

    gnutls_session_get_random(session, NULL, &value);
    return value.data;
}

static inline const void *
gnutls_session_get_client_random(gnutls_session_t session)
    _TLSHIM_ATTR_DEPRECATED;
static inline const void *
gnutls_session_get_client_random(gnutls_session_t session)
{
    gnutls_datum_t value;

    gnutls_session_get_random(session, &value, NULL);
    return value.data;
}
#endif

#ifdef __cplusplus
}
#endif

#endif /* GNUTLS_COMPAT_H */
