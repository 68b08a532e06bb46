/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tlshim: DTLS specifics: MTU, retransmission timeouts and the
 * stateless cookie exchange (GnuTLS 3.7.9 interface).
 */

#ifndef GNUTLS_DTLS_H
#define GNUTLS_DTLS_H

#include <gnutls/gnutls.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Constants ---------------------------------------------------------- */

/* Cookie exchange */
#define GNUTLS_COOKIE_KEY_SIZE 16

/* ---- Types -------------------------------------------------------------- */

/* Cookie exchange */
/* State carried from a cookie exchange into the new session. */
typedef struct {
    unsigned int record_seq;
    unsigned int hsk_read_seq;
    unsigned int hsk_write_seq;
} gnutls_dtls_prestate_st;

/* ---- Functions ---------------------------------------------------------- */

/* Cookie exchange */
int gnutls_dtls_cookie_send(gnutls_datum_t *key, void *client_data,
                            size_t client_data_size,
                            gnutls_dtls_prestate_st *prestate,
                            gnutls_transport_ptr_t ptr,
                            gnutls_push_func push_func);
int gnutls_dtls_cookie_verify(gnutls_datum_t *key, void *client_data,
                              size_t client_data_size, void *_msg,
                              size_t msg_size,
                              gnutls_dtls_prestate_st *prestate);
void gnutls_dtls_prestate_set(gnutls_session_t session,
                              gnutls_dtls_prestate_st *prestate);

/* Timeouts and MTU */
unsigned int gnutls_dtls_get_data_mtu(gnutls_session_t session);
unsigned int gnutls_dtls_get_mtu(gnutls_session_t session);
unsigned int gnutls_dtls_get_timeout(gnutls_session_t session);
int gnutls_dtls_set_data_mtu(gnutls_session_t session, unsigned int mtu);
void gnutls_dtls_set_mtu(gnutls_session_t session, unsigned int mtu);
void gnutls_dtls_set_timeouts(gnutls_session_t session,
                              unsigned int retrans_timeout,
                              unsigned int total_timeout);
unsigned int gnutls_record_get_discarded(gnutls_session_t session);

#ifdef __cplusplus
}
#endif

#endif /* GNUTLS_DTLS_H */
