/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tlshim: socket-level helpers: TCP Fast Open and kernel TLS status
 * (GnuTLS 3.7.9 interface).
 */

#ifndef GNUTLS_SOCKET_H
#define GNUTLS_SOCKET_H

#include <gnutls/gnutls.h>
#include <sys/socket.h>  /* struct sockaddr, socklen_t */

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Enumerations ------------------------------------------------------- */

/* Directions in which kernel TLS is active. */
typedef enum {
    GNUTLS_KTLS_RECV   = 1,
    GNUTLS_KTLS_SEND   = 2,
    GNUTLS_KTLS_DUPLEX = 3
} gnutls_transport_ktls_enable_flags_t;

/* ---- Functions ---------------------------------------------------------- */

/* Kernel TLS and TCP Fast Open */
gnutls_transport_ktls_enable_flags_t
gnutls_transport_is_ktls_enabled(gnutls_session_t session);
void gnutls_transport_set_fastopen(gnutls_session_t session, int fd,
                                   struct sockaddr *connect_addr,
                                   socklen_t connect_addrlen,
                                   unsigned int flags);

#ifdef __cplusplus
}
#endif

#endif /* GNUTLS_SOCKET_H */
