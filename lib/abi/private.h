/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Prototypes of the GNUTLS_PRIVATE_3_4 and GNUTLS_FIPS140_3_4 functions that
 * libgnutls.so.30 exports without declaring them in a public header.  Only
 * their return types matter to callers of the stubs; the three buffer
 * functions used by libgnutls-dane are implemented in lib/api/buffer.cc.
 */
#ifndef TLSHIM_ABI_PRIVATE_H
#define TLSHIM_ABI_PRIVATE_H

#include <gnutls/gnutls.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The growable buffer of the private ABI (32 bytes on x86-64): allocation,
 * start of the content, allocated size, content length. */
typedef struct gnutls_buffer_st {
	uint8_t *allocd;
	uint8_t *data;
	size_t max_length;
	size_t length;
} gnutls_buffer_st;

void _gnutls_buffer_init(gnutls_buffer_st *buf);
void _gnutls_buffer_clear(gnutls_buffer_st *buf);
int _gnutls_buffer_append_str(gnutls_buffer_st *buf, const char *str);
int _gnutls_buffer_to_datum(gnutls_buffer_st *buf, gnutls_datum_t *out, unsigned is_str);
void _gnutls_buffer_pop_datum(gnutls_buffer_st *buf, gnutls_datum_t *out, size_t max);
int _gnutls_buffer_unescape(gnutls_buffer_st *buf);

/* FIPS 186-4 helpers (Nettle-style: non-zero on success). */
int _dsa_generate_dss_g(void *params, size_t domain_seed_size, const uint8_t *domain_seed,
			void *progress_ctx, void *progress, unsigned index);
int _dsa_generate_dss_pq(void *params, void *cert, unsigned seed_length, void *seed,
			 void *progress_ctx, void *progress, unsigned p_bits, unsigned q_bits);
int _dsa_validate_dss_g(void *pub, size_t domain_seed_size, const uint8_t *domain_seed, unsigned index);
int _dsa_validate_dss_pq(void *pub, void *cert);
int _rsa_generate_fips186_4_keypair(void *pub, void *key, unsigned seed_length, uint8_t *seed,
				    void *progress_ctx, void *progress, unsigned n_size);
int dsa_generate_dss_keypair(void *params, void *y, void *x, void *random_ctx, void *random,
			     void *progress_ctx, void *progress);
int _gnutls_cipher_get_iv(void *handle, void *iv, size_t ivlen);
int _gnutls_decode_ber_rs_raw(const gnutls_datum_t *sig, gnutls_datum_t *r, gnutls_datum_t *s);
int _gnutls_encode_ber_rs_raw(gnutls_datum_t *sig, const gnutls_datum_t *r, const gnutls_datum_t *s);
int _gnutls_prf_raw(int mac, size_t master_size, const void *master, size_t label_size,
		    const char *label, size_t seed_size, const uint8_t *seed, size_t outsize, char *out);

/* TLS 1.3 PSK extension parser (used by GnuTLS's own tests). */
int _gnutls13_psk_ext_parser_init(void *p, const unsigned char *data, size_t len);
int _gnutls13_psk_ext_iter_next_identity(void *iter, void *psk);
int _gnutls13_psk_ext_iter_next_binder(void *iter, gnutls_datum_t *binder);
int _gnutls_anti_replay_check(void *anti_replay, uint32_t client_ticket_age,
			      struct timespec *ticket_creation_time, gnutls_datum_t *id);

/* Conversions and string helpers. */
const char *_gnutls_bin2hex(const void *old, size_t oldlen, char *buffer, size_t buffer_size,
			    const char *separator);
const char *_gnutls_cidr_to_string(const void *ip, unsigned ip_size, char *out, unsigned out_size);
const char *_gnutls_ip_to_string(const void *ip, unsigned ip_size, char *out, unsigned out_size);
int _gnutls_ucs2_to_utf8(const void *data, size_t size, gnutls_datum_t *output, unsigned be);
int _gnutls_utf8_to_ucs2(const void *data, size_t size, gnutls_datum_t *output, unsigned be);
time_t _gnutls_utcTime2gtime(const char *ttime);
time_t _gnutls_x509_generalTime2gtime(const char *ttime);
int _gnutls_pkcs12_string_to_key(const void *mac, unsigned id, const uint8_t *salt,
				 unsigned salt_size, unsigned iter, const char *pw,
				 unsigned req_keylen, uint8_t *keybuf);
int _gnutls_pkcs7_unpad(gnutls_datum_t *data);
int _gnutls_x509_name_constraints_merge(void *nc, void *nc2);
int _gnutls_pkcs11_token_get_url(void *url, const char *label, int detailed, char **out);

/* Algorithm tables and library internals. */
const void *_gnutls_cipher_to_entry(gnutls_cipher_algorithm_t c);
const void *_gnutls_mac_to_entry(gnutls_mac_algorithm_t c);
const void *_gnutls_version_to_entry(gnutls_protocol_t c);
unsigned _gnutls_digest_exists(gnutls_digest_algorithm_t algo);
unsigned _gnutls_ecc_curve_is_supported(gnutls_ecc_curve_t curve);
int _gnutls_crypto_register_cipher(gnutls_cipher_algorithm_t algorithm, int priority,
				   void *init, void *setkey, void *setiv, void *encrypt,
				   void *decrypt, void *deinit);
void _gnutls_global_set_gettime_function(void (*gettime)(struct timespec *));
void _gnutls_lib_force_operational(void);
void _gnutls_lib_simulate_error(void);
void _gnutls_log(int level, const char *fmt, ...);
void _gnutls_mpi_log(const char *prefix, void *a);
const char *_gnutls_resolve_priorities(const char *priorities);
int _gnutls_iov_iter_init(void *iter, const giovec_t *iov, size_t iov_count, size_t block_size);
ssize_t _gnutls_iov_iter_next(void *iter, uint8_t **data);
int _gnutls_iov_iter_sync(void *iter, const uint8_t *data, size_t data_size);

/* Session internals that GnuTLS's tests poke at. */
void _gnutls_hello_set_default_version(gnutls_session_t session, unsigned char major, unsigned char minor);
void _gnutls_record_set_default_version(gnutls_session_t session, unsigned char major, unsigned char minor);
size_t _gnutls_record_overhead(void *ver, void *cipher, void *mac, unsigned max);
void _gnutls_rsa_pms_set_version(gnutls_session_t session, unsigned char major, unsigned char minor);
int _gnutls_server_name_set_raw(gnutls_session_t session, int type, const void *name, size_t name_length);
void _gnutls_set_session_ticket_key_rotation_callback(gnutls_session_t session, void *cb);
void _gnutls_supplemental_deinit(void);

#ifdef __cplusplus
}
#endif

#endif /* TLSHIM_ABI_PRIVATE_H */
