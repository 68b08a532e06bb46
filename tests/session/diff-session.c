/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A session before its handshake: defaults of every getter, the transport
 * values, and the argument checks of the configuration setters (server
 * name, ALPN, record size, credentials). Calls that crash the real GnuTLS
 * before a handshake (gnutls_alert_send, gnutls_bye, gnutls_rehandshake on
 * a server, gnutls_record_overhead_size) are left out, and so is
 * gnutls_record_recv_seq, which the real library lets read from the
 * transport before a handshake. Run by run-diff.sh
 * on both libraries.
 */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../common/loaded-lib.h"

static void getters(const char *who, gnutls_session_t s)
{
	printf("%s: version=%d cipher=%d kx=%d mac=%d group=%d ctype=%d ctype2=%d/%d/%d/%d\n", who,
	       gnutls_protocol_get_version(s), gnutls_cipher_get(s), gnutls_kx_get(s), gnutls_mac_get(s),
	       gnutls_group_get(s), gnutls_certificate_type_get(s),
	       gnutls_certificate_type_get2(s, GNUTLS_CTYPE_CLIENT), gnutls_certificate_type_get2(s, GNUTLS_CTYPE_SERVER),
	       gnutls_certificate_type_get2(s, GNUTLS_CTYPE_OURS), gnutls_certificate_type_get2(s, GNUTLS_CTYPE_PEERS));
	printf("%s: resumed=%d safe=%u ems=%u etm=%u flags=%u dir=%d pending=%zu maxsize=%zu alert=%d\n", who,
	       gnutls_session_is_resumed(s), gnutls_safe_renegotiation_status(s),
	       gnutls_session_ext_master_secret_status(s), gnutls_session_etm_status(s), gnutls_session_get_flags(s),
	       gnutls_record_get_direction(s), gnutls_record_check_pending(s), gnutls_record_get_max_size(s),
	       gnutls_alert_get(s));
	printf("%s: last_in=%d last_out=%d ptr=%s\n", who, gnutls_handshake_get_last_in(s),
	       gnutls_handshake_get_last_out(s), gnutls_session_get_ptr(s) ? "set" : "null");
	gnutls_datum_t cr, sr, id;
	gnutls_session_get_random(s, &cr, &sr);
	unsigned zero = 1;
	for (unsigned i = 0; i < cr.size; i++)
		zero &= cr.data[i] == 0 && sr.data[i] == 0;
	printf("%s: random sizes %u %u zero=%u\n", who, cr.size, sr.size, zero);
	printf("%s: id2=%d", who, gnutls_session_get_id2(s, &id));
	printf(" size=%u\n", id.size);
	char buf[64];
	size_t len = sizeof buf;
	int rc = gnutls_session_get_id(s, buf, &len);
	printf("%s: get_id=%d len=%zu\n", who, rc, len);
	gnutls_datum_t sel;
	printf("%s: alpn_selected=%d\n", who, gnutls_alpn_get_selected_protocol(s, &sel));
	unsigned type = 77;
	len = sizeof buf;
	rc = gnutls_server_name_get(s, buf, &len, &type, 0);
	printf("%s: server_name_get=%d len=%zu type=%u\n", who, rc, len, type);
	printf("%s: recv=%zd send=%zd send0=%zd\n", who, gnutls_record_recv(s, buf, sizeof buf),
	       gnutls_record_send(s, "abc", 3), gnutls_record_send(s, NULL, 0));
}

int main(void)
{
	char path[4096];
	if (tlshim_loaded_gnutls(path, sizeof path) != 0) {
		fprintf(stderr, "libgnutls.so.30 is not mapped\n");
		return 1;
	}
	printf("LOADED %s\n", path);
	gnutls_session_t c, s;
	printf("init client %d\n", gnutls_init(&c, GNUTLS_CLIENT));
	printf("init server %d\n", gnutls_init(&s, GNUTLS_SERVER | GNUTLS_NONBLOCK | GNUTLS_NO_SIGNAL));
	getters("client", c);
	getters("server", s);

	/* Transport values. */
	gnutls_transport_ptr_t a, b;
	gnutls_transport_get_ptr2(c, &a, &b);
	printf("default transport int=%d ptr=%p ptr2=%p,%p\n", gnutls_transport_get_int(c), gnutls_transport_get_ptr(c), a, b);
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		return 1;
	gnutls_transport_set_int(c, sv[0]);
	int r, w;
	gnutls_transport_get_int2(c, &r, &w);
	printf("set_int: get_int=%d int2=%d,%d same=%d\n", gnutls_transport_get_int(c) == sv[0], r == sv[0],
	       w == sv[0], gnutls_transport_get_ptr(c) == (gnutls_transport_ptr_t)(long)sv[0]);
	gnutls_transport_set_int2(c, sv[0], sv[1]);
	gnutls_transport_get_int2(c, &r, &w);
	printf("set_int2: %d %d\n", r == sv[0], w == sv[1]);
	gnutls_transport_set_ptr2(c, (gnutls_transport_ptr_t)0x10, (gnutls_transport_ptr_t)0x20);
	gnutls_transport_get_ptr2(c, &a, &b);
	printf("set_ptr2: %p %p get_ptr=%p get_int=%d\n", a, b, gnutls_transport_get_ptr(c), gnutls_transport_get_int(c));
	gnutls_transport_set_ptr(c, (gnutls_transport_ptr_t)0x30);
	gnutls_transport_get_ptr2(c, &a, &b);
	printf("set_ptr: %p %p\n", a, b);
	gnutls_session_set_ptr(c, &sv);
	printf("session ptr same=%d\n", gnutls_session_get_ptr(c) == (void *)&sv);

	/* Server name. */
	char big[400];
	memset(big, 'a', sizeof big);
	printf("sni client dns=%d\n", gnutls_server_name_set(c, GNUTLS_NAME_DNS, "Example.COM.", 12));
	printf("sni client 255=%d 256=%d\n", gnutls_server_name_set(c, GNUTLS_NAME_DNS, big, 255),
	       gnutls_server_name_set(c, GNUTLS_NAME_DNS, big, 256));
	printf("sni client empty=%d null=%d type2=%d\n", gnutls_server_name_set(c, GNUTLS_NAME_DNS, "", 0),
	       gnutls_server_name_set(c, GNUTLS_NAME_DNS, NULL, 0), gnutls_server_name_set(c, 2, "x", 1));
	printf("sni client idn=%d badutf8=%d\n", gnutls_server_name_set(c, GNUTLS_NAME_DNS, "\xc3\xa9x.com", 6),
	       gnutls_server_name_set(c, GNUTLS_NAME_DNS, "\xff\xfe", 2));
	printf("sni server=%d\n", gnutls_server_name_set(s, GNUTLS_NAME_DNS, "x.com", 5));

	/* ALPN. */
	gnutls_datum_t p[9];
	for (int i = 0; i < 9; i++) {
		p[i].data = (unsigned char *)big;
		p[i].size = 2;
	}
	printf("alpn 8=%d 9=%d 0=%d\n", gnutls_alpn_set_protocols(c, p, 8, 0), gnutls_alpn_set_protocols(c, p, 9, 0),
	       gnutls_alpn_set_protocols(c, p, 0, 0));
	for (unsigned n = 30; n < 34; n++) {
		p[0].size = n;
		printf("alpn len %u=%d\n", n, gnutls_alpn_set_protocols(c, p, 1, 0));
	}
	p[0].size = 0;
	printf("alpn empty name=%d server=%d\n", gnutls_alpn_set_protocols(c, p, 1, 0),
	       gnutls_alpn_set_protocols(s, p + 1, 2, GNUTLS_ALPN_SERVER_PRECEDENCE));

	/* Record size. */
	static const size_t sizes[] = {0, 100, 511, 512, 4096, 16384, 16385, 20000};
	for (unsigned i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		printf("set_max_size %zu=%zd get=%zu\n", sizes[i], gnutls_record_set_max_size(c, sizes[i]),
		       gnutls_record_get_max_size(c));

	/* Credentials. */
	void *cr = NULL;
	printf("cred set bad=%d null=%d\n", gnutls_credentials_set(c, 77, NULL),
	       gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, NULL));
	printf("cred get cert=%d anon=%d\n", gnutls_credentials_get(c, GNUTLS_CRD_CERTIFICATE, &cr),
	       gnutls_credentials_get(c, GNUTLS_CRD_ANON, &cr));
	gnutls_credentials_clear(c);
	printf("cred get after clear=%d\n", gnutls_credentials_get(c, GNUTLS_CRD_CERTIFICATE, &cr));

	gnutls_handshake_set_timeout(c, 0);
	gnutls_record_set_timeout(c, 10);
	getters("client after setup", c);

	gnutls_deinit(c);
	gnutls_deinit(s);
	gnutls_deinit(NULL);
	close(sv[0]);
	close(sv[1]);
	return 0;
}
