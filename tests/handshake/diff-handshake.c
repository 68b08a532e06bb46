/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * TLS 1.3 client and server in one process, over memory pipes, through
 * the public API only.  Every scenario prints what both ends negotiated
 * and saw (versions, algorithms, errors, certificates, data integrity), so
 * the output of a run on the real GnuTLS is the oracle for a run on
 * tlshim (tests/common/run-diff.sh compares them).
 *
 * Each scenario runs twice: over a transport that moves whole buffers, and
 * over one that returns EAGAIN on every other call and moves one byte at a
 * time.
 *
 * Usage: diff-handshake CERTDIR (made by tests/handshake/gen-certs.sh)
 */
#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include "../common/loaded-lib.h"

static const char *dir;

/* ---- memory transport ---- */

struct pipe {
	unsigned char *buf;
	size_t len, cap;
};

struct end {
	gnutls_session_t session;
	struct pipe *in, *out;
	int slow;
	unsigned tick;
	size_t moved;
};

static void pipe_reset(struct pipe *p)
{
	free(p->buf);
	memset(p, 0, sizeof *p);
}

static ssize_t do_push(gnutls_transport_ptr_t ptr, const void *data, size_t size)
{
	struct end *e = ptr;
	if (e->slow) {
		if (++e->tick & 1) {
			gnutls_transport_set_errno(e->session, EAGAIN);
			return -1;
		}
		if (size > 1)
			size = 1;
	}
	if (e->out->len + size > e->out->cap) {
		size_t cap = (e->out->cap + size) * 2;
		unsigned char *b = realloc(e->out->buf, cap);
		if (b == NULL)
			abort();
		e->out->buf = b;
		e->out->cap = cap;
	}
	memcpy(e->out->buf + e->out->len, data, size);
	e->out->len += size;
	e->moved += size;
	return (ssize_t)size;
}

static ssize_t do_pull(gnutls_transport_ptr_t ptr, void *data, size_t size)
{
	struct end *e = ptr;
	if (e->slow) {
		if (++e->tick & 1) {
			gnutls_transport_set_errno(e->session, EAGAIN);
			return -1;
		}
		if (size > 1)
			size = 1;
	}
	if (e->in->len == 0) {
		gnutls_transport_set_errno(e->session, EAGAIN);
		return -1;
	}
	if (size > e->in->len)
		size = e->in->len;
	memcpy(data, e->in->buf, size);
	memmove(e->in->buf, e->in->buf + size, e->in->len - size);
	e->in->len -= size;
	e->moved += size;
	return (ssize_t)size;
}

static void attach(struct end *e, gnutls_session_t s, struct pipe *in, struct pipe *out, int slow)
{
	memset(e, 0, sizeof *e);
	e->session = s;
	e->in = in;
	e->out = out;
	e->slow = slow;
	gnutls_transport_set_ptr(s, e);
	gnutls_transport_set_push_function(s, do_push);
	gnutls_transport_set_pull_function(s, do_pull);
}

/* ---- scenario description ---- */

struct scenario {
	const char *name;
	const char *cprio, *sprio;
	const char *server_cert;  /* rsa, pss, p256, p384, ed25519 */
	const char *server_cert2; /* a second key pair, or NULL */
	int client_cert;          /* the client has a certificate */
	gnutls_certificate_request_t request;
	const char *verify_host;  /* client: gnutls_session_set_verify_cert */
	const char *sni;
	int alpn;                 /* 1: client h2,http/1.1; server http/1.1 */
	int key_update;           /* exercise key updates and rehandshake */
};

static const char *err_name(int rc)
{
	const char *n = gnutls_strerror_name(rc);
	return n != NULL ? n : "?";
}

static gnutls_certificate_credentials_t server_cred(const struct scenario *sc)
{
	gnutls_certificate_credentials_t cred;
	char c[1024], k[1024];
	if (gnutls_certificate_allocate_credentials(&cred) < 0)
		abort();
	snprintf(c, sizeof c, "%s/%s.pem", dir, sc->server_cert);
	snprintf(k, sizeof k, "%s/%s.key", dir, sc->server_cert);
	if (gnutls_certificate_set_x509_key_file(cred, c, k, GNUTLS_X509_FMT_PEM) < 0) {
		printf("cannot load %s\n", c);
		exit(1);
	}
	if (sc->server_cert2 != NULL) {
		snprintf(c, sizeof c, "%s/%s.pem", dir, sc->server_cert2);
		snprintf(k, sizeof k, "%s/%s.key", dir, sc->server_cert2);
		if (gnutls_certificate_set_x509_key_file(cred, c, k, GNUTLS_X509_FMT_PEM) < 0)
			exit(1);
	}
	snprintf(c, sizeof c, "%s/ca.pem", dir);
	if (gnutls_certificate_set_x509_trust_file(cred, c, GNUTLS_X509_FMT_PEM) <= 0)
		exit(1);
	return cred;
}

static gnutls_certificate_credentials_t client_cred(const struct scenario *sc)
{
	gnutls_certificate_credentials_t cred;
	char c[1024], k[1024];
	if (gnutls_certificate_allocate_credentials(&cred) < 0)
		abort();
	snprintf(c, sizeof c, "%s/ca.pem", dir);
	if (gnutls_certificate_set_x509_trust_file(cred, c, GNUTLS_X509_FMT_PEM) <= 0)
		exit(1);
	if (sc->client_cert) {
		snprintf(c, sizeof c, "%s/client.pem", dir);
		snprintf(k, sizeof k, "%s/client.key", dir);
		if (gnutls_certificate_set_x509_key_file(cred, c, k, GNUTLS_X509_FMT_PEM) < 0)
			exit(1);
	}
	return cred;
}

/* Drives both handshakes until both finished or nothing moves. */
static void handshake_both(gnutls_session_t c, gnutls_session_t s, struct end *ce, struct end *se, int *rc_c,
			   int *rc_s)
{
	int c_done = 0, s_done = 0, idle = 0;
	*rc_c = *rc_s = GNUTLS_E_AGAIN;
	while ((!c_done || !s_done) && idle < 50) {
		size_t before = ce->moved + se->moved;
		if (!c_done) {
			*rc_c = gnutls_handshake(c);
			if (*rc_c == 0 || gnutls_error_is_fatal(*rc_c))
				c_done = 1;
		}
		if (!s_done) {
			*rc_s = gnutls_handshake(s);
			if (*rc_s == 0 || gnutls_error_is_fatal(*rc_s))
				s_done = 1;
		}
		idle = (ce->moved + se->moved == before) ? idle + 1 : 0;
	}
}

static struct end *ends[2];

/* Sends len bytes one way and reads them on the other side; 0 if intact. */
static int transfer(gnutls_session_t from, gnutls_session_t to, size_t len)
{
	size_t moved = ends[0]->moved + ends[1]->moved;
	unsigned char *src = malloc(len), *dst = malloc(len);
	size_t sent = 0, got = 0;
	int idle = 0, rc = 0;
	for (size_t i = 0; i < len; i++)
		src[i] = (unsigned char)(i * 7 + (i >> 8));
	while ((sent < len || got < len) && idle < 1000) {
		int progress = 0;
		if (sent < len) {
			ssize_t n = gnutls_record_send(from, src + sent, len - sent);
			/* The real GnuTLS may return 0 from a send that only
			 * flushed a pending session ticket: call again. */
			if (n > 0) {
				sent += (size_t)n;
				progress = 1;
			} else if (n != 0 && n != GNUTLS_E_AGAIN && n != GNUTLS_E_INTERRUPTED) {
				printf("    send: %s\n", err_name((int)n));
				rc = -1;
				break;
			}
		}
		if (got < len) {
			ssize_t n = gnutls_record_recv(to, dst + got, len - got);
			if (n > 0) {
				got += (size_t)n;
				progress = 1;
			} else if (n != GNUTLS_E_AGAIN && n != GNUTLS_E_INTERRUPTED) {
				printf("    recv: %s\n", err_name((int)n));
				rc = -1;
				break;
			}
		}
		if (ends[0]->moved + ends[1]->moved != moved)
			progress = 1;
		moved = ends[0]->moved + ends[1]->moved;
		idle = progress ? 0 : idle + 1;
	}
	if (rc == 0 && (got != len || memcmp(src, dst, len) != 0))
		rc = -1;
	free(src);
	free(dst);
	return rc;
}

/* The key log and handshake hook of the first scenario: what is called,
 * in which order. */
static int trace_on;

static int keylog_cb(gnutls_session_t s, const char *label, const gnutls_datum_t *secret)
{
	if (trace_on)
		printf("    %s keylog %s (%u bytes)\n", gnutls_session_get_ptr(s) ? "server" : "client", label,
		       secret->size);
	return 0;
}

/* The extension types of the server's ServerHello, HelloRetryRequest,
 * EncryptedExtensions and (TLS 1.3) CertificateRequest, in wire order, as
 * the client receives them: scanners see this order. */
static char ext_trace[2048];

static void trace_extensions(const char *what, const unsigned char *p, size_t n)
{
	size_t len, used = strlen(ext_trace);
	if (n < 2)
		return;
	len = ((size_t)p[0] << 8) | p[1];
	p += 2;
	n -= 2;
	if (len < n)
		n = len;
	used += snprintf(ext_trace + used, sizeof ext_trace - used, " %s[", what);
	while (n >= 4 && used < sizeof ext_trace) {
		size_t elen = ((size_t)p[2] << 8) | p[3];
		used += snprintf(ext_trace + used, sizeof ext_trace - used, " %u", (unsigned)((p[0] << 8) | p[1]));
		if (elen + 4 > n)
			break;
		p += elen + 4;
		n -= elen + 4;
	}
	if (used < sizeof ext_trace)
		snprintf(ext_trace + used, sizeof ext_trace - used, " ]");
}

static void trace_server_message(gnutls_session_t s, unsigned htype, const gnutls_datum_t *msg)
{
	const unsigned char *p = msg->data;
	size_t n = msg->size, skip;
	/* with or without the 4-byte handshake header */
	if (n >= 4 && p[0] == htype && (((size_t)p[1] << 16) | ((size_t)p[2] << 8) | p[3]) == n - 4) {
		p += 4;
		n -= 4;
	}
	switch (htype) {
	case GNUTLS_HANDSHAKE_SERVER_HELLO:
	case GNUTLS_HANDSHAKE_HELLO_RETRY_REQUEST:
		if (n < 35)
			return;
		skip = 35 + p[34];
		if (n < skip + 3)
			return;
		trace_extensions(htype == GNUTLS_HANDSHAKE_SERVER_HELLO ? "SH" : "HRR", p + skip + 3, n - skip - 3);
		break;
	case GNUTLS_HANDSHAKE_ENCRYPTED_EXTENSIONS:
		trace_extensions("EE", p, n);
		break;
	case GNUTLS_HANDSHAKE_CERTIFICATE_REQUEST:
		if (gnutls_protocol_get_version(s) != GNUTLS_TLS1_3 || n < 1 || n < 1 + (size_t)p[0])
			return;
		trace_extensions("CR", p + 1 + p[0], n - 1 - p[0]);
		break;
	}
}

static int hook_cb(gnutls_session_t s, unsigned htype, unsigned when, unsigned incoming, const gnutls_datum_t *msg)
{
	if (incoming && when == GNUTLS_HOOK_PRE && !gnutls_session_get_ptr(s))
		trace_server_message(s, htype, msg);
	if (trace_on)
		printf("    %s hook %s %s %s (%u bytes)\n", gnutls_session_get_ptr(s) ? "server" : "client",
		       gnutls_handshake_description_get_name(htype), when == GNUTLS_HOOK_PRE ? "pre" : "post",
		       incoming ? "in" : "out", msg->size);
	return 0;
}

static void print_side(const char *who, gnutls_session_t s)
{
	gnutls_datum_t alpn;
	unsigned npeers = 0;
	const char *g = gnutls_group_get_name(gnutls_group_get(s));
	printf("  %s: %s %s %s group=%s", who, gnutls_protocol_get_name(gnutls_protocol_get_version(s)),
	       gnutls_cipher_get_name(gnutls_cipher_get(s)), gnutls_mac_get_name(gnutls_mac_get(s)),
	       g != NULL ? g : "none");
	if (gnutls_alpn_get_selected_protocol(s, &alpn) == 0)
		printf(" alpn=%.*s", (int)alpn.size, alpn.data);
	gnutls_certificate_get_peers(s, &npeers);
	printf(" peers=%u ours=%s resumed=%d\n", npeers, gnutls_certificate_get_ours(s) != NULL ? "yes" : "no",
	       gnutls_session_is_resumed(s));
	{
		char *desc = gnutls_session_get_desc(s);
		const char *kx = gnutls_kx_get_name(gnutls_kx_get(s));
		const char *sg = gnutls_sign_get_name(gnutls_sign_algorithm_get(s));
		const char *sgc = gnutls_sign_get_name(gnutls_sign_algorithm_get_client(s));
		printf("    kx=%s sign=%s client-sign=%s desc=%s\n", kx ? kx : "none", sg ? sg : "none",
		       sgc ? sgc : "none", desc ? desc : "none");
		gnutls_free(desc);
	}
}

static const struct scenario scenarios[];

/* A DHE exponent's or public value's size varies from run to run by a few
 * bits: print it exactly when it is an error or zero, else whether it is
 * plausible for the prime. */
static const char *dh_bits(int bits, int prime_bits)
{
	static char buf[4][32];
	static int k;
	k = (k + 1) % 4;
	if (bits <= 0 || prime_bits <= 0)
		snprintf(buf[k], sizeof buf[k], "%d", bits);
	else
		snprintf(buf[k], sizeof buf[k], "%s", bits >= prime_bits / 8 && bits <= prime_bits ? "plausible" : "WRONG");
	return buf[k];
}

/* Session facts after the handshake, then an alert and the closure. */
static void closing(gnutls_session_t c, gnutls_session_t s, struct end *ce, struct end *se)
{
	gnutls_datum_t cb1 = {NULL, 0}, cb2 = {NULL, 0};
	char buf[16];
	ssize_t n;
	int rc, idle = 0;
	{
		gnutls_datum_t g = {NULL, 0}, p = {NULL, 0};
		int rc1 = gnutls_dh_get_group(c, &g, &p);
		printf("  dh: group %s (%u/%u bytes) prime bits %d/%d secret bits %s/%s peer public bits %s/%s\n",
		       err_name(rc1), g.size, p.size, gnutls_dh_get_prime_bits(c), gnutls_dh_get_prime_bits(s),
		       dh_bits(gnutls_dh_get_secret_bits(c), gnutls_dh_get_prime_bits(c)),
		       dh_bits(gnutls_dh_get_secret_bits(s), gnutls_dh_get_prime_bits(s)),
		       dh_bits(gnutls_dh_get_peers_public_bits(c), gnutls_dh_get_prime_bits(c)),
		       dh_bits(gnutls_dh_get_peers_public_bits(s), gnutls_dh_get_prime_bits(s)));
		gnutls_free(g.data);
		gnutls_free(p.data);
	}
	printf("  auth type %d/%d, curve %s, ocsp checked %u\n", gnutls_auth_get_type(c), gnutls_auth_get_type(s),
	       gnutls_ecc_curve_get_name(gnutls_ecc_curve_get(c)) ? gnutls_ecc_curve_get_name(gnutls_ecc_curve_get(c))
								: "none",
	       gnutls_ocsp_status_request_is_checked(c, 0));
	for (int t = GNUTLS_CB_TLS_UNIQUE; t <= GNUTLS_CB_TLS_EXPORTER; t++) {
		int r1 = gnutls_session_channel_binding(c, t, &cb1), r2 = gnutls_session_channel_binding(s, t, &cb2);
		printf("  channel binding %d: %s/%s", t, err_name(r1), err_name(r2));
		if (r1 == 0 && r2 == 0)
			printf(" %u bytes, %s", cb1.size,
			       cb1.size == cb2.size && memcmp(cb1.data, cb2.data, cb1.size) == 0 ? "equal" : "DIFFERENT");
		printf("\n");
		gnutls_free(cb1.data);
		gnutls_free(cb2.data);
		cb1.data = cb2.data = NULL;
	}
	{
		/* Corking, padding and the overhead of a record. */
		static unsigned char data[23000], got[23000];
		size_t total = 0;
		ssize_t r;
		memset(data, 'c', sizeof data);
		printf("  overhead %zu/%zu\n", gnutls_record_overhead_size(c), gnutls_record_overhead_size(s));
		gnutls_record_cork(c);
		printf("  corked sends: %zd %zd %zd, held %zu\n", gnutls_record_send(c, data, 1000),
		       gnutls_record_send(c, data, 2000), gnutls_record_send(c, data, 20000),
		       gnutls_record_check_corked(c));
		printf("  uncork: %d, held %zu\n", gnutls_record_uncork(c, GNUTLS_RECORD_WAIT),
		       gnutls_record_check_corked(c));
		idle = 0;
		while (total < sizeof got && idle < 100000) {
			r = gnutls_record_recv(s, got + total, sizeof got - total);
			if (r > 0)
				total += (size_t)r;
			else if (r != GNUTLS_E_AGAIN)
				break;
			idle++;
		}
		printf("  server got %zu corked bytes\n", total);
		do
			r = gnutls_record_send2(c, data, 50, 100, 0);
		while (r == GNUTLS_E_AGAIN);
		printf("  send2 with padding: %zd\n", r);
		idle = 0;
		do
			r = gnutls_record_recv(s, got, sizeof got);
		while (r == GNUTLS_E_AGAIN && ++idle < 100000);
		printf("  server got %zd\n", r);
	}
	idle = 0;
	do
		rc = gnutls_alert_send(c, GNUTLS_AL_WARNING, GNUTLS_A_USER_CANCELED);
	while (rc == GNUTLS_E_AGAIN);
	printf("  client sends user_canceled: %s\n", err_name(rc));
	do
		n = gnutls_record_recv(s, buf, sizeof buf);
	while (n == GNUTLS_E_AGAIN && ++idle < 100000);
	printf("  server reads: %s, alert %s\n", err_name((int)n), gnutls_alert_get_name(gnutls_alert_get(s)));
	do
		rc = gnutls_bye(c, GNUTLS_SHUT_WR);
	while (rc == GNUTLS_E_AGAIN);
	printf("  client bye(WR): %s\n", err_name(rc));
	idle = 0;
	do
		n = gnutls_record_recv(s, buf, sizeof buf);
	while (n == GNUTLS_E_AGAIN && ++idle < 100000);
	printf("  server reads: %d\n", (int)n);
	idle = 0;
	do
		rc = gnutls_bye(s, GNUTLS_SHUT_RDWR);
	while (rc == GNUTLS_E_AGAIN && ++idle < 100000);
	printf("  server bye(RDWR): %s\n", err_name(rc));
	(void)ce;
	(void)se;
}

static void run(const struct scenario *sc, int slow)
{
	struct pipe c2s = {0}, s2c = {0};
	struct end ce, se;
	gnutls_session_t c, s;
	gnutls_certificate_credentials_t ccred = client_cred(sc), scred = server_cred(sc);
	int rc_c, rc_s;
	const char *err;

	printf("%s%s:\n", sc->name, slow ? " (eagain, 1 byte)" : "");
	gnutls_init(&c, GNUTLS_CLIENT);
	gnutls_init(&s, GNUTLS_SERVER);
	if (gnutls_priority_set_direct(c, sc->cprio, &err) < 0 || gnutls_priority_set_direct(s, sc->sprio, &err) < 0) {
		printf("  bad priority at %s\n", err);
		exit(1);
	}
	gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, ccred);
	gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, scred);
	gnutls_certificate_server_set_request(s, sc->request);
	if (sc->verify_host != NULL)
		gnutls_session_set_verify_cert(c, sc->verify_host, 0);
	if (sc->sni != NULL)
		gnutls_server_name_set(c, GNUTLS_NAME_DNS, sc->sni, strlen(sc->sni));
	if (sc->alpn) {
		gnutls_datum_t cp[2] = {{(unsigned char *)"h2", 2}, {(unsigned char *)"http/1.1", 8}};
		gnutls_datum_t sp[1] = {{(unsigned char *)"http/1.1", 8}};
		gnutls_alpn_set_protocols(c, cp, 2, 0);
		gnutls_alpn_set_protocols(s, sp, 1, 0);
	}
	attach(&ce, c, &s2c, &c2s, slow);
	attach(&se, s, &c2s, &s2c, slow);
	ends[0] = &ce;
	ends[1] = &se;
	trace_on = sc == &scenarios[0] && !slow;
	ext_trace[0] = 0;
	gnutls_session_set_ptr(s, s);
	gnutls_session_set_keylog_function(c, keylog_cb);
	gnutls_session_set_keylog_function(s, keylog_cb);
	gnutls_handshake_set_hook_function(c, GNUTLS_HANDSHAKE_ANY, GNUTLS_HOOK_BOTH, hook_cb);
	gnutls_handshake_set_hook_function(s, GNUTLS_HANDSHAKE_ANY, GNUTLS_HOOK_BOTH, hook_cb);

	handshake_both(c, s, &ce, &se, &rc_c, &rc_s);
	/* When one side fails, the real GnuTLS leaves the alert to the
	 * application (gnutls_alert_send_appropriate) while tlshim sends it:
	 * the other side then either still waits or saw the alert. */
	printf("  handshake: client=%s server=%s\n",
	       (rc_c == GNUTLS_E_AGAIN || rc_c == GNUTLS_E_FATAL_ALERT_RECEIVED) ? "incomplete" : err_name(rc_c),
	       (rc_s == GNUTLS_E_AGAIN || rc_s == GNUTLS_E_FATAL_ALERT_RECEIVED) ? "incomplete" : err_name(rc_s));
	printf("  server extensions:%s\n", ext_trace);
	if (sc->verify_host != NULL && rc_c != 0)
		printf("  verify status: 0x%x\n", gnutls_session_get_verify_cert_status(c));
	if (rc_c == 0 && rc_s == 0) {
		unsigned status = 99;
		char name[256];
		size_t nlen = sizeof name;
		unsigned type;
		char ek1[32], ek2[32];
		print_side("client", c);
		print_side("server", s);
		printf("  client certificate requested: %u\n", gnutls_certificate_client_get_request_status(c));
		printf("  client verifies: rc=%s", err_name(gnutls_certificate_verify_peers3(c, "localhost", &status)));
		printf(" status=0x%x\n", status);
		status = 99;
		printf("  server verifies: rc=%s", err_name(gnutls_certificate_verify_peers2(s, &status)));
		printf(" status=0x%x\n", status);
		{
			gnutls_typed_vdata_st vd[2] = {{GNUTLS_DT_DNS_HOSTNAME, (unsigned char *)"www.example.com", 0},
						       {GNUTLS_DT_KEY_PURPOSE_OID, (unsigned char *)GNUTLS_KP_TLS_WWW_CLIENT, 0}};
			status = 99;
			printf("  client verifies for a client purpose: rc=%s",
			       err_name(gnutls_certificate_verify_peers(c, vd, 2, &status)));
			printf(" status=0x%x\n", status);
			printf("  peer validity: %ld..%ld days\n",
			       (long)(gnutls_certificate_expiration_time_peers(c) - gnutls_certificate_activation_time_peers(c)) / 86400,
			       (long)(gnutls_certificate_expiration_time_peers(s) - gnutls_certificate_activation_time_peers(s)) / 86400);
		}
		if (gnutls_server_name_get(s, name, &nlen, &type, 0) == 0)
			printf("  server saw name %s\n", name);
		if (gnutls_prf_rfc5705(c, 11, "EXPORTER-xy", 3, "abc", sizeof ek1, ek1) == 0 &&
		    gnutls_prf_rfc5705(s, 11, "EXPORTER-xy", 3, "abc", sizeof ek2, ek2) == 0)
			printf("  exporters agree: %s\n", memcmp(ek1, ek2, sizeof ek1) == 0 ? "yes" : "no");
		printf("  client->server 100000 bytes: %s\n", transfer(c, s, 100000) == 0 ? "ok" : "FAILED");
		printf("  server->client 70000 bytes: %s\n", transfer(s, c, 70000) == 0 ? "ok" : "FAILED");
		if (sc->key_update) {
			int rc;
			do
				rc = gnutls_session_key_update(c, GNUTLS_KU_PEER);
			while (rc == GNUTLS_E_AGAIN);
			printf("  client key update: %s\n", err_name(rc));
			printf("  after it, client->server: %s\n", transfer(c, s, 5000) == 0 ? "ok" : "FAILED");
			printf("  after it, server->client: %s\n", transfer(s, c, 5000) == 0 ? "ok" : "FAILED");
			do
				rc = gnutls_rehandshake(s);
			while (rc == GNUTLS_E_AGAIN);
			printf("  server rehandshake: %s\n", err_name(rc));
			printf("  after it, server->client: %s\n", transfer(s, c, 5000) == 0 ? "ok" : "FAILED");
			printf("  after it, client->server: %s\n", transfer(c, s, 5000) == 0 ? "ok" : "FAILED");
			printf("  client rehandshake: %s\n", err_name(gnutls_rehandshake(c)));
			do
				rc = gnutls_handshake(c);
			while (rc == GNUTLS_E_AGAIN);
			printf("  client handshake again: %s\n", err_name(rc));
			printf("  then, client->server: %s\n", transfer(c, s, 3000) == 0 ? "ok" : "FAILED");
		}
		closing(c, s, &ce, &se);
	} else {
		/* The failing side tells the peer (tlshim already did: then
		 * nothing more goes out); AGAIN just means it is queued. */
		int rc = 0;
		if (rc_c < 0 && rc_c != GNUTLS_E_AGAIN)
			rc = gnutls_alert_send_appropriate(c, rc_c);
		else if (rc_s < 0 && rc_s != GNUTLS_E_AGAIN)
			rc = gnutls_alert_send_appropriate(s, rc_s);
		printf("  alert_send_appropriate: %s\n", rc == 0 || rc == GNUTLS_E_AGAIN ? "ok" : err_name(rc));
	}
	gnutls_deinit(c);
	gnutls_deinit(s);
	gnutls_certificate_free_credentials(ccred);
	gnutls_certificate_free_credentials(scred);
	pipe_reset(&c2s);
	pipe_reset(&s2c);
}

#define T13 "NORMAL:-VERS-ALL:+VERS-TLS1.3"
#define T12 "NORMAL:-VERS-ALL:+VERS-TLS1.2"
#define T11 "NORMAL:-VERS-ALL:+VERS-TLS1.1"
#define T10 "NORMAL:-VERS-ALL:+VERS-TLS1.0"

static const struct scenario scenarios[] = {
	{"default, RSA", T13, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 1},
	{"RSA-PSS certificate", T13, "NORMAL", "pss", NULL, 0, GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 0},
	{"ECDSA P-256 certificate", T13, "NORMAL", "p256", NULL, 0, GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 0},
	{"ECDSA P-384 certificate", T13, "NORMAL", "p384", NULL, 0, GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 0},
	{"Ed25519 certificate", T13, "NORMAL", "ed25519", NULL, 0, GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 0},
	{"AES-128-GCM", T13 ":-CIPHER-ALL:+AES-128-GCM", "NORMAL", "p256", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"AES-256-GCM", T13 ":-CIPHER-ALL:+AES-256-GCM", "NORMAL", "p256", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"CHACHA20-POLY1305", T13 ":-CIPHER-ALL:+CHACHA20-POLY1305", "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, NULL,
	 NULL, 0, 1},
	{"AES-128-CCM", T13 ":-CIPHER-ALL:+AES-128-CCM", "NORMAL:+AES-128-CCM", "p256", NULL, 0, GNUTLS_CERT_IGNORE,
	 NULL, NULL, 0, 0},
	{"X25519", T13 ":-GROUP-ALL:+GROUP-X25519", "NORMAL", "p256", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"SECP256R1", T13 ":-GROUP-ALL:+GROUP-SECP256R1", "NORMAL", "p256", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"SECP384R1", T13 ":-GROUP-ALL:+GROUP-SECP384R1", "NORMAL", "p256", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"SECP521R1", T13 ":-GROUP-ALL:+GROUP-SECP521R1", "NORMAL", "p256", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"X448", T13 ":-GROUP-ALL:+GROUP-X448", "NORMAL:+GROUP-X448", "p256", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"FFDHE2048", T13 ":-GROUP-ALL:+GROUP-FFDHE2048", "NORMAL", "p256", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"FFDHE3072", T13 ":-GROUP-ALL:+GROUP-FFDHE3072", "NORMAL", "p256", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"HelloRetryRequest", T13 ":-GROUP-ALL:+GROUP-X25519:+GROUP-SECP384R1", "NORMAL:-GROUP-ALL:+GROUP-SECP384R1",
	 "rsa", NULL, 0, GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 1},
	{"no common group", T13 ":-GROUP-ALL:+GROUP-X25519", "NORMAL:-GROUP-ALL:+GROUP-SECP384R1", "rsa", NULL, 0,
	 GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"no common cipher", T13 ":-CIPHER-ALL:+AES-256-GCM", "NORMAL:-CIPHER-ALL:+AES-128-GCM", "rsa", NULL, 0,
	 GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"client certificate required and sent", T13, "NORMAL", "rsa", NULL, 1, GNUTLS_CERT_REQUIRE, "localhost", NULL,
	 0, 1},
	{"client certificate requested, none", T13, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_REQUEST, "localhost", NULL, 0,
	 0},
	{"client certificate required, none", T13, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_REQUIRE, "localhost", NULL, 0,
	 0},
	{"wrong host name", T13, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, "wrong.example.org", NULL, 0, 0},
	{"SNI and ALPN", T13, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, "www.example.com", "www.example.com", 1, 0},
	{"two keys, client wants ECDSA", T13 ":-SIGN-ALL:+SIGN-ECDSA-SECP256R1-SHA256", "NORMAL", "rsa", "p256", 0,
	 GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 0},
	{"two keys, client wants RSA-PSS", T13 ":-SIGN-ALL:+SIGN-RSA-PSS-RSAE-SHA256", "NORMAL", "p256", "rsa", 0,
	 GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 0},
	{"server precedence", T13, "NORMAL:-CIPHER-ALL:+CHACHA20-POLY1305:+AES-128-GCM:%SERVER_PRECEDENCE", "rsa",
	 NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	/* TLS 1.2 */
	{"TLS1.2 ECDHE-RSA", T12, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 0},
	{"TLS1.2 ECDHE-ECDSA P-256", T12, "NORMAL", "p256", NULL, 0, GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 0},
	{"TLS1.2 ECDHE-ECDSA P-384", T12, "NORMAL", "p384", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.2 Ed25519", T12, "NORMAL", "ed25519", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.2 RSA-PSS certificate", T12, "NORMAL", "pss", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.2 AES-128-GCM", T12 ":-CIPHER-ALL:+AES-128-GCM", "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, NULL,
	 NULL, 0, 0},
	{"TLS1.2 CHACHA20-POLY1305", T12 ":-CIPHER-ALL:+CHACHA20-POLY1305", "NORMAL", "p256", NULL, 0,
	 GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.2 X25519", T12 ":-GROUP-ALL:+GROUP-X25519", "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0,
	 0},
	{"TLS1.2 SECP521R1", T12 ":-GROUP-ALL:+GROUP-SECP521R1", "NORMAL", "p256", NULL, 0, GNUTLS_CERT_IGNORE, NULL,
	 NULL, 0, 0},
	{"TLS1.2 client certificate required and sent", T12, "NORMAL", "rsa", NULL, 1, GNUTLS_CERT_REQUIRE,
	 "localhost", NULL, 0, 0},
	{"TLS1.2 client certificate requested, none", T12, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_REQUEST, "localhost",
	 NULL, 0, 0},
	{"TLS1.2 client certificate required, none", T12, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_REQUIRE, "localhost",
	 NULL, 0, 0},
	{"TLS1.2 wrong host name", T12, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, "wrong.example.org", NULL, 0, 0},
	{"TLS1.2 SNI and ALPN", T12, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, "www.example.com",
	 "www.example.com", 1, 0},
	{"TLS1.2 two keys, client wants ECDSA", T12 ":-SIGN-ALL:+SIGN-ECDSA-SHA256", "NORMAL", "rsa", "p256",
	 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.2 server precedence", T12, "NORMAL:-CIPHER-ALL:+CHACHA20-POLY1305:+AES-128-GCM:%SERVER_PRECEDENCE",
	 "rsa", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.2 AES-128-CBC-SHA1 (encrypt-then-MAC)", T12 ":-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA1", "NORMAL", "rsa",
	 NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.2 AES-256-CBC-SHA384, ECDSA", T12 ":-CIPHER-ALL:+AES-256-CBC:-MAC-ALL:+SHA384", "NORMAL", "p384", NULL,
	 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.2 AES-128-CBC-SHA256, no EtM", T12 ":-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA256:%NO_ETM", "NORMAL",
	 "rsa", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.2 AES-128-CCM", T12 ":-CIPHER-ALL:+AES-128-CCM", "NORMAL:+AES-128-CCM", "p256", NULL, 0,
	 GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.2 DHE-RSA (RFC 7919 group)", T12 ":-KX-ALL:+DHE-RSA", "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE,
	 "localhost", NULL, 0, 0},
	{"TLS1.2 DHE-RSA, AES-128-CBC-SHA256", T12 ":-KX-ALL:+DHE-RSA:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA256",
	 "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.2 RSA key transport", T12 ":-KX-ALL:+RSA", "NORMAL", "rsaenc", NULL, 0, GNUTLS_CERT_IGNORE, "localhost",
	 NULL, 0, 0},
	{"TLS1.2 RSA key transport, certificate without keyEncipherment", T12 ":-KX-ALL:+RSA", "NORMAL", "rsa", NULL,
	 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.2 RSA key transport, client certificate", T12 ":-KX-ALL:+RSA", "NORMAL", "rsaenc", NULL, 1,
	 GNUTLS_CERT_REQUIRE, NULL, NULL, 0, 0},
	{"TLS1.2 RSA key transport, ECDSA-only server", T12 ":-KX-ALL:+RSA", "NORMAL", "p256", NULL, 0,
	 GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.0 DHE-RSA", T10 ":-KX-ALL:+DHE-RSA", "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.1 ECDHE-RSA", T11, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 0},
	{"TLS1.1 ECDHE-ECDSA", T11, "NORMAL", "p256", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.1 client certificate", T11, "NORMAL", "rsa", NULL, 1, GNUTLS_CERT_REQUIRE, "localhost", NULL, 0, 0},
	{"TLS1.0 ECDHE-RSA", T10, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 0},
	{"TLS1.0 ECDHE-ECDSA, client certificate", T10, "NORMAL", "p256", NULL, 1, GNUTLS_CERT_REQUEST, NULL, NULL, 0,
	 0},
	{"TLS1.2 client, TLS1.0 server", T12 ":+VERS-TLS1.0", T10, "rsa", NULL, 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
	{"TLS1.3 client, TLS1.2 server", "NORMAL", T12, "rsa", NULL, 0, GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 0},
	{"TLS1.2 no common cipher", T12 ":-CIPHER-ALL:+AES-256-GCM", "NORMAL:-CIPHER-ALL:+AES-128-GCM", "rsa", NULL,
	 0, GNUTLS_CERT_IGNORE, NULL, NULL, 0, 0},
};

/* Resumption with a session ticket: a full handshake, then one that
 * resumes with the data of the first. */
/* PSK and anonymous key exchanges (TLS 1.2). */
static const unsigned char psk_bytes[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

static int psk_lookup(gnutls_session_t s, const char *user, gnutls_datum_t *key)
{
	(void)s;
	if (strcmp(user, "alice") != 0)
		return -1;
	key->data = gnutls_malloc(sizeof psk_bytes);
	memcpy(key->data, psk_bytes, sizeof psk_bytes);
	key->size = sizeof psk_bytes;
	return 0;
}

static void psk_anon(const char *name, const char *prio, int anon, const char *user, int wrong_key, int slow)
{
	struct pipe c2s = {0}, s2c = {0};
	struct end ce, se;
	gnutls_session_t c, s;
	gnutls_psk_client_credentials_t pc = NULL;
	gnutls_psk_server_credentials_t ps = NULL;
	gnutls_anon_client_credentials_t ac = NULL;
	gnutls_anon_server_credentials_t as = NULL;
	unsigned char kb[16];
	gnutls_datum_t key = {kb, sizeof kb};
	int rc_c, rc_s;
	printf("%s%s:\n", name, slow ? " (eagain, 1 byte)" : "");
	memcpy(kb, psk_bytes, sizeof kb);
	if (wrong_key)
		kb[0] ^= 1;
	gnutls_init(&c, GNUTLS_CLIENT);
	gnutls_init(&s, GNUTLS_SERVER);
	gnutls_priority_set_direct(c, prio, NULL);
	gnutls_priority_set_direct(s, prio, NULL);
	if (anon) {
		gnutls_anon_allocate_client_credentials(&ac);
		gnutls_anon_allocate_server_credentials(&as);
		gnutls_anon_set_server_known_dh_params(as, GNUTLS_SEC_PARAM_MEDIUM);
		gnutls_credentials_set(c, GNUTLS_CRD_ANON, ac);
		gnutls_credentials_set(s, GNUTLS_CRD_ANON, as);
	} else {
		gnutls_psk_allocate_client_credentials(&pc);
		gnutls_psk_allocate_server_credentials(&ps);
		gnutls_psk_set_client_credentials(pc, user, &key, GNUTLS_PSK_KEY_RAW);
		gnutls_psk_set_server_credentials_function(ps, psk_lookup);
		gnutls_psk_set_server_credentials_hint(ps, "the hint");
		gnutls_psk_set_server_known_dh_params(ps, GNUTLS_SEC_PARAM_MEDIUM);
		gnutls_credentials_set(c, GNUTLS_CRD_PSK, pc);
		gnutls_credentials_set(s, GNUTLS_CRD_PSK, ps);
	}
	attach(&ce, c, &s2c, &c2s, slow);
	attach(&se, s, &c2s, &s2c, slow);
	ends[0] = &ce;
	ends[1] = &se;
	handshake_both(c, s, &ce, &se, &rc_c, &rc_s);
	printf("  handshake: client=%s server=%s\n",
	       (rc_c == GNUTLS_E_AGAIN || rc_c == GNUTLS_E_FATAL_ALERT_RECEIVED) ? "incomplete" : err_name(rc_c),
	       (rc_s == GNUTLS_E_AGAIN || rc_s == GNUTLS_E_FATAL_ALERT_RECEIVED) ? "incomplete" : err_name(rc_s));
	if (rc_c == 0 && rc_s == 0) {
		char *d = gnutls_session_get_desc(c);
		printf("  %s kx=%s desc=%s auth=%d/%d\n", gnutls_protocol_get_name(gnutls_protocol_get_version(c)),
		       gnutls_kx_get_name(gnutls_kx_get(c)), d, gnutls_auth_get_type(c), gnutls_auth_get_type(s));
		gnutls_free(d);
		if (!anon) {
			const char *u = gnutls_psk_server_get_username(s), *h = gnutls_psk_client_get_hint(c);
			printf("  server saw user %s, client saw hint %s\n", u ? u : "(none)", h ? h : "(none)");
		}
		printf("  dh prime bits %d/%d\n", gnutls_dh_get_prime_bits(c), gnutls_dh_get_prime_bits(s));
		printf("  client->server 20000 bytes: %s\n", transfer(c, s, 20000) == 0 ? "ok" : "FAILED");
		printf("  server->client 20000 bytes: %s\n", transfer(s, c, 20000) == 0 ? "ok" : "FAILED");
	}
	gnutls_deinit(c);
	gnutls_deinit(s);
	if (anon) {
		gnutls_anon_free_client_credentials(ac);
		gnutls_anon_free_server_credentials(as);
	} else {
		gnutls_psk_free_client_credentials(pc);
		gnutls_psk_free_server_credentials(ps);
	}
	pipe_reset(&c2s);
	pipe_reset(&s2c);
}

/* TLS 1.3 external PSKs (RFC 8446 section 4.2.11): psk_ke and
 * psk_dhe_ke, the server's choice of mode, group and suite, a wrong key
 * and an unknown identity (with and without a certificate to fall back
 * on), and a resumption of a PSK session. */
static void psk13(const char *name, const char *cprio, const char *sprio, const char *user, int wrong_key,
		  int with_cert, int resume, int slow)
{
	struct pipe c2s = {0}, s2c = {0};
	struct end ce, se;
	gnutls_session_t c, s;
	gnutls_psk_client_credentials_t pc;
	gnutls_psk_server_credentials_t ps;
	gnutls_certificate_credentials_t ccred = NULL, scred = NULL;
	struct scenario sc = {0};
	unsigned char kb[16];
	gnutls_datum_t key = {kb, sizeof kb}, ticket_key = {NULL, 0}, data = {NULL, 0};
	int rc_c, rc_s;
	printf("%s%s:\n", name, slow ? " (eagain, 1 byte)" : "");
	memcpy(kb, psk_bytes, sizeof kb);
	if (wrong_key)
		kb[0] ^= 1;
	sc.server_cert = "rsa";
	gnutls_psk_allocate_client_credentials(&pc);
	gnutls_psk_allocate_server_credentials(&ps);
	gnutls_psk_set_client_credentials(pc, user, &key, GNUTLS_PSK_KEY_RAW);
	gnutls_psk_set_server_credentials_function(ps, psk_lookup);
	gnutls_psk_set_server_known_dh_params(ps, GNUTLS_SEC_PARAM_MEDIUM);
	if (with_cert) {
		ccred = client_cred(&sc);
		scred = server_cred(&sc);
	}
	gnutls_session_ticket_key_generate(&ticket_key);
	for (int round = 0; round <= resume; round++) {
		gnutls_init(&c, GNUTLS_CLIENT);
		gnutls_init(&s, GNUTLS_SERVER);
		gnutls_priority_set_direct(c, cprio, NULL);
		gnutls_priority_set_direct(s, sprio, NULL);
		gnutls_credentials_set(c, GNUTLS_CRD_PSK, pc);
		gnutls_credentials_set(s, GNUTLS_CRD_PSK, ps);
		if (with_cert) {
			gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, ccred);
			gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, scred);
		}
		gnutls_session_ticket_enable_server(s, &ticket_key);
		if (round > 0)
			gnutls_session_set_data(c, data.data, data.size);
		attach(&ce, c, &s2c, &c2s, slow);
		attach(&se, s, &c2s, &s2c, slow);
		ends[0] = &ce;
		ends[1] = &se;
		handshake_both(c, s, &ce, &se, &rc_c, &rc_s);
		printf("  %shandshake: client=%s server=%s\n", round > 0 ? "second " : "",
		       (rc_c == GNUTLS_E_AGAIN || rc_c == GNUTLS_E_FATAL_ALERT_RECEIVED) ? "incomplete" : err_name(rc_c),
		       (rc_s == GNUTLS_E_AGAIN || rc_s == GNUTLS_E_FATAL_ALERT_RECEIVED) ? "incomplete" : err_name(rc_s));
		if (rc_c == 0 && rc_s == 0) {
			const char *u = gnutls_psk_server_get_username(s), *cu = gnutls_psk_server_get_username(c);
			unsigned n = 0;
			printf("  %s kx=%s/%s group=%s/%s cipher=%s/%s\n",
			       gnutls_protocol_get_name(gnutls_protocol_get_version(c)), gnutls_kx_get_name(gnutls_kx_get(c)),
			       gnutls_kx_get_name(gnutls_kx_get(s)), gnutls_group_get_name(gnutls_group_get(c)),
			       gnutls_group_get_name(gnutls_group_get(s)), gnutls_cipher_get_name(gnutls_cipher_get(c)),
			       gnutls_cipher_get_name(gnutls_cipher_get(s)));
			printf("  auth=%d/%d resumed=%d/%d user=%s/%s peer certs=%s\n", gnutls_auth_get_type(c),
			       gnutls_auth_get_type(s), gnutls_session_is_resumed(c), gnutls_session_is_resumed(s),
			       cu ? cu : "(none)", u ? u : "(none)", gnutls_certificate_get_peers(c, &n) != NULL ? "yes" : "no");
			{
				char *dc = gnutls_session_get_desc(c), *ds = gnutls_session_get_desc(s);
				printf("  desc=%s/%s\n", dc, ds);
				gnutls_free(dc);
				gnutls_free(ds);
			}
			printf("  client->server 20000 bytes: %s\n", transfer(c, s, 20000) == 0 ? "ok" : "FAILED");
			printf("  server->client 20000 bytes: %s\n", transfer(s, c, 20000) == 0 ? "ok" : "FAILED");
			if (round == 0 && resume) {
				/* the tickets arrive with the data */
				gnutls_free(data.data);
				data.data = NULL;
				printf("  session data: %s\n", err_name(gnutls_session_get_data2(c, &data)));
			}
		}
		gnutls_deinit(c);
		gnutls_deinit(s);
		pipe_reset(&c2s);
		pipe_reset(&s2c);
		if (rc_c != 0 || rc_s != 0)
			break;
	}
	gnutls_free(data.data);
	gnutls_free(ticket_key.data);
	gnutls_psk_free_client_credentials(pc);
	gnutls_psk_free_server_credentials(ps);
	if (with_cert) {
		gnutls_certificate_free_credentials(ccred);
		gnutls_certificate_free_credentials(scred);
	}
}

/* A one-entry session cache for the server (gnutls_db_set_*). */
static gnutls_datum_t db_key, db_value;
static int db_stores, db_lookups;

static int db_store(void *ptr, gnutls_datum_t key, gnutls_datum_t data)
{
	(void)ptr;
	free(db_key.data);
	free(db_value.data);
	db_key.data = malloc(key.size);
	db_value.data = malloc(data.size);
	memcpy(db_key.data, key.data, key.size);
	memcpy(db_value.data, data.data, data.size);
	db_key.size = key.size;
	db_value.size = data.size;
	db_stores++;
	return 0;
}

static gnutls_datum_t db_fetch(void *ptr, gnutls_datum_t key)
{
	gnutls_datum_t out = {NULL, 0};
	(void)ptr;
	db_lookups++;
	if (db_key.data != NULL && key.size == db_key.size && memcmp(key.data, db_key.data, key.size) == 0) {
		out.data = gnutls_malloc(db_value.size);
		memcpy(out.data, db_value.data, db_value.size);
		out.size = db_value.size;
	}
	return out;
}

static int db_delete(void *ptr, gnutls_datum_t key)
{
	(void)ptr;
	(void)key;
	free(db_key.data);
	free(db_value.data);
	db_key.data = db_value.data = NULL;
	return 0;
}

static void resumption(const char *cprio, int slow, int use_db)
{
	struct scenario sc = {"resumption", cprio, "NORMAL", "rsa", NULL, 0, GNUTLS_CERT_IGNORE, "localhost", NULL, 0, 0};
	gnutls_certificate_credentials_t ccred = client_cred(&sc), scred = server_cred(&sc);
	gnutls_datum_t key, data = {NULL, 0};
	const char *err;
	printf("resumption %s%s%s:\n", cprio, use_db ? " by session ID" : "", slow ? " (eagain, 1 byte)" : "");
	db_stores = db_lookups = 0;
	if (gnutls_session_ticket_key_generate(&key) < 0)
		exit(1);
	for (int round = 0; round < 3; round++) {
		struct pipe c2s = {0}, s2c = {0};
		struct end ce, se;
		gnutls_session_t c, s;
		int rc_c, rc_s, rc;
		gnutls_init(&c, GNUTLS_CLIENT);
		gnutls_init(&s, GNUTLS_SERVER);
		gnutls_priority_set_direct(c, cprio, &err);
		gnutls_priority_set_direct(s, "NORMAL", &err);
		gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, ccred);
		gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, scred);
		if (use_db) {
			gnutls_db_set_store_function(s, db_store);
			gnutls_db_set_retrieve_function(s, db_fetch);
			gnutls_db_set_remove_function(s, db_delete);
			gnutls_db_set_ptr(s, &db_key);
			if (gnutls_db_get_ptr(s) != &db_key)
				printf("  db_get_ptr: wrong\n");
		} else {
			gnutls_session_ticket_enable_server(s, &key);
		}
		gnutls_session_set_verify_cert(c, "localhost", 0);
		if (data.data != NULL)
			printf("  set_data: %s\n", err_name(gnutls_session_set_data(c, data.data, data.size)));
		attach(&ce, c, &s2c, &c2s, slow);
		attach(&se, s, &c2s, &s2c, slow);
		ends[0] = &ce;
		ends[1] = &se;
		handshake_both(c, s, &ce, &se, &rc_c, &rc_s);
		printf("  round %d: client=%s server=%s resumed=%d/%d\n", round, err_name(rc_c), err_name(rc_s),
		       gnutls_session_is_resumed(c), gnutls_session_is_resumed(s));
		if (rc_c == 0 && rc_s == 0) {
			unsigned n = 0;
			gnutls_certificate_get_peers(c, &n);
			printf("  peers seen by client: %u\n", n);
			printf("  server->client: %s\n", transfer(s, c, 1000) == 0 ? "ok" : "FAILED");
			printf("  client->server: %s\n", transfer(c, s, 1000) == 0 ? "ok" : "FAILED");
			gnutls_free(data.data);
			data.data = NULL;
			rc = gnutls_session_get_data2(c, &data);
			printf("  get_data2: %s\n", err_name(rc));
			if (use_db) {
				time_t t = gnutls_db_check_entry_time(&db_value);
				time_t x = gnutls_db_check_entry_expire_time(&db_value);
				printf("  cache: %d stores, %d lookups, entry time %s, lifetime %ld\n", db_stores, db_lookups,
				       t > time(NULL) - 60 && t <= time(NULL) ? "now" : "wrong", (long)(x - t));
			}
		}
		gnutls_deinit(c);
		gnutls_deinit(s);
		pipe_reset(&c2s);
		pipe_reset(&s2c);
	}
	gnutls_free(data.data);
	gnutls_free(key.data);
	db_delete(NULL, db_key);
	gnutls_certificate_free_credentials(ccred);
	gnutls_certificate_free_credentials(scred);
}

/* Post-handshake authentication: the server asks for a certificate after
 * the handshake, the client answers with gnutls_reauth. */
static void post_handshake_auth(int client_has_cert, gnutls_certificate_request_t req, int slow)
{
	struct scenario sc = {"pha", T13, "NORMAL", "rsa", NULL, client_has_cert, req, "localhost", NULL, 0, 0};
	gnutls_certificate_credentials_t ccred = client_cred(&sc), scred = server_cred(&sc);
	struct pipe c2s = {0}, s2c = {0};
	struct end ce, se;
	gnutls_session_t c, s;
	int rc_c, rc_s, rs = GNUTLS_E_AGAIN, rcl = GNUTLS_E_AGAIN, idle = 0;
	char buf[64];
	unsigned n = 0;
	printf("post-handshake auth, client cert %d, request %d%s:\n", client_has_cert, req,
	       slow ? " (eagain, 1 byte)" : "");
	gnutls_init(&c, GNUTLS_CLIENT | GNUTLS_POST_HANDSHAKE_AUTH);
	gnutls_init(&s, GNUTLS_SERVER | GNUTLS_POST_HANDSHAKE_AUTH);
	gnutls_priority_set_direct(c, T13, NULL);
	gnutls_priority_set_direct(s, "NORMAL", NULL);
	gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, ccred);
	gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, scred);
	attach(&ce, c, &s2c, &c2s, slow);
	attach(&se, s, &c2s, &s2c, slow);
	ends[0] = &ce;
	ends[1] = &se;
	handshake_both(c, s, &ce, &se, &rc_c, &rc_s);
	printf("  handshake: %s/%s, server flags has PHA: %d\n", err_name(rc_c), err_name(rc_s),
	       (gnutls_session_get_flags(s) & GNUTLS_SFLAGS_POST_HANDSHAKE_AUTH) != 0);
	printf("  reauth without a request mode: %s\n", err_name(gnutls_reauth(s, 0)));
	gnutls_certificate_server_set_request(s, req);
	printf("  client reauth with nothing asked: %s\n", err_name(gnutls_reauth(c, 0)));
	/* Drive both: the server in gnutls_reauth, the client reading until it
	 * sees the request, then answering. */
	while ((rs == GNUTLS_E_AGAIN || rcl == GNUTLS_E_AGAIN) && idle < 100000) {
		if (rs == GNUTLS_E_AGAIN)
			rs = gnutls_reauth(s, 0);
		if (rcl == GNUTLS_E_AGAIN) {
			ssize_t r = gnutls_record_recv(c, buf, sizeof buf);
			if (r == GNUTLS_E_REAUTH_REQUEST) {
				printf("  client saw the request\n");
				rcl = GNUTLS_E_INTERRUPTED;
			} else if (r != GNUTLS_E_AGAIN) {
				rcl = (int)r;
			}
		}
		if (rcl == GNUTLS_E_INTERRUPTED) {
			int r = gnutls_reauth(c, 0);
			if (r != GNUTLS_E_AGAIN && r != GNUTLS_E_INTERRUPTED)
				rcl = r == 0 ? 1 : r;
		}
		idle++;
	}
	printf("  server reauth: %s, client: %s\n", err_name(rs), rcl == 1 ? "answered" : err_name(rcl));
	gnutls_certificate_get_peers(s, &n);
	printf("  server now has %u peer certificates, client sign %s\n", n,
	       gnutls_sign_get_name(gnutls_sign_algorithm_get_client(s)) ? gnutls_sign_get_name(gnutls_sign_algorithm_get_client(s)) : "none");
	if (rs == 0)
		printf("  then client->server: %s\n", transfer(c, s, 2000) == 0 ? "ok" : "FAILED");
	gnutls_deinit(c);
	gnutls_deinit(s);
	gnutls_certificate_free_credentials(ccred);
	gnutls_certificate_free_credentials(scred);
	pipe_reset(&c2s);
	pipe_reset(&s2c);
}

/* A peer that never answers: gnutls_handshake_set_timeout ends the wait. */
static void silent_peer(void)
{
	int sv[2];
	gnutls_session_t c;
	gnutls_certificate_credentials_t cred;
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		exit(1);
	gnutls_certificate_allocate_credentials(&cred);
	gnutls_init(&c, GNUTLS_CLIENT);
	gnutls_set_default_priority(c);
	gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, cred);
	gnutls_transport_set_int(c, sv[0]);
	gnutls_handshake_set_timeout(c, 300);
	printf("silent peer: %s\n", err_name(gnutls_handshake(c)));
	gnutls_deinit(c);
	gnutls_certificate_free_credentials(cred);
	close(sv[0]);
	close(sv[1]);
}

/* Certificates from the application's retrieve callback, in its three
 * forms (1: gnutls_retr2_st, 2: pcerts the application keeps, 3: pcerts
 * the library releases), on the server or on a client asked for one. */
static struct {
	const char *name; /* "rsa" or "client": which key pair to hand over */
	int calls, nreqs, first_ca_size, npk;
	gnutls_pcert_st kept[1];
	gnutls_privkey_t kept_key;
	int kept_loaded;
} retr;

static void retr_paths(char *c, size_t cn, char *k, size_t kn)
{
	snprintf(c, cn, "%s/%s.pem", dir, retr.name);
	snprintf(k, kn, "%s/%s.key", dir, retr.name);
}

static void retr_note(const gnutls_datum_t *req_ca, int nreqs, int npk)
{
	retr.calls++;
	retr.nreqs = nreqs;
	retr.first_ca_size = nreqs > 0 ? (int)req_ca[0].size : -1;
	retr.npk = npk > 0;
}

static int retr_cb1(gnutls_session_t s, const gnutls_datum_t *req_ca, int nreqs, const gnutls_pk_algorithm_t *pk,
		    int npk, gnutls_retr2_st *st)
{
	char c[1024], k[1024];
	gnutls_datum_t cd, kd;
	(void)s;
	(void)pk;
	retr_note(req_ca, nreqs, npk);
	retr_paths(c, sizeof c, k, sizeof k);
	if (gnutls_load_file(c, &cd) < 0 || gnutls_load_file(k, &kd) < 0)
		return -1;
	memset(st, 0, sizeof *st);
	st->cert_type = GNUTLS_CRT_X509;
	st->key_type = GNUTLS_PRIVKEY_X509;
	st->cert.x509 = gnutls_malloc(sizeof(gnutls_x509_crt_t));
	gnutls_x509_crt_init(&st->cert.x509[0]);
	gnutls_x509_crt_import(st->cert.x509[0], &cd, GNUTLS_X509_FMT_PEM);
	st->ncerts = 1;
	gnutls_x509_privkey_init(&st->key.x509);
	gnutls_x509_privkey_import(st->key.x509, &kd, GNUTLS_X509_FMT_PEM);
	st->deinit_all = 1;
	gnutls_free(cd.data);
	gnutls_free(kd.data);
	return 0;
}

static int retr_cb2(gnutls_session_t s, const gnutls_datum_t *req_ca, int nreqs, const gnutls_pk_algorithm_t *pk,
		    int npk, gnutls_pcert_st **pcert, unsigned int *n, gnutls_privkey_t *key)
{
	char c[1024], k[1024];
	(void)s;
	(void)pk;
	retr_note(req_ca, nreqs, npk);
	if (!retr.kept_loaded) {
		gnutls_datum_t cd, kd;
		retr_paths(c, sizeof c, k, sizeof k);
		if (gnutls_load_file(c, &cd) < 0 || gnutls_load_file(k, &kd) < 0)
			return -1;
		gnutls_pcert_import_x509_raw(&retr.kept[0], &cd, GNUTLS_X509_FMT_PEM, 0);
		gnutls_privkey_init(&retr.kept_key);
		gnutls_privkey_import_x509_raw(retr.kept_key, &kd, GNUTLS_X509_FMT_PEM, NULL, 0);
		gnutls_free(cd.data);
		gnutls_free(kd.data);
		retr.kept_loaded = 1;
	}
	*pcert = retr.kept;
	*n = 1;
	*key = retr.kept_key;
	return 0;
}

static int retr_cb3(gnutls_session_t s, const struct gnutls_cert_retr_st *info, gnutls_pcert_st **certs,
		    unsigned int *ncerts, gnutls_ocsp_data_st **ocsp, unsigned int *nocsp, gnutls_privkey_t *key,
		    unsigned int *flags)
{
	char c[1024], k[1024];
	gnutls_datum_t cd, kd;
	(void)s;
	retr_note(info->req_ca_rdn, (int)info->nreqs, (int)info->pk_algos_length);
	retr_paths(c, sizeof c, k, sizeof k);
	if (gnutls_load_file(c, &cd) < 0 || gnutls_load_file(k, &kd) < 0)
		return -1;
	*certs = gnutls_malloc(sizeof(gnutls_pcert_st));
	gnutls_pcert_import_x509_raw(&(*certs)[0], &cd, GNUTLS_X509_FMT_PEM, 0);
	*ncerts = 1;
	*ocsp = NULL;
	*nocsp = 0;
	gnutls_privkey_init(key);
	gnutls_privkey_import_x509_raw(*key, &kd, GNUTLS_X509_FMT_PEM, NULL, 0);
	*flags = GNUTLS_CERT_RETR_DEINIT_ALL;
	gnutls_free(cd.data);
	gnutls_free(kd.data);
	return 0;
}

static void retrieve_cb(int form, const char *prio, int on_client, int slow)
{
	struct pipe c2s = {0}, s2c = {0};
	struct end ce, se;
	gnutls_session_t c, s;
	gnutls_certificate_credentials_t cc, sc, cb;
	char path[1024], key[1024];
	int rc_c, rc_s;
	printf("retrieve function %d on the %s, %s%s:\n", form, on_client ? "client" : "server", prio,
	       slow ? " (eagain, 1 byte)" : "");
	memset(&retr, 0, sizeof retr);
	retr.name = on_client ? "client" : "rsa";
	gnutls_certificate_allocate_credentials(&cc);
	gnutls_certificate_allocate_credentials(&sc);
	snprintf(path, sizeof path, "%s/ca.pem", dir);
	gnutls_certificate_set_x509_trust_file(cc, path, GNUTLS_X509_FMT_PEM);
	gnutls_certificate_set_x509_trust_file(sc, path, GNUTLS_X509_FMT_PEM);
	if (on_client) {
		snprintf(path, sizeof path, "%s/rsa.pem", dir);
		snprintf(key, sizeof key, "%s/rsa.key", dir);
		gnutls_certificate_set_x509_key_file(sc, path, key, GNUTLS_X509_FMT_PEM);
	}
	cb = on_client ? cc : sc;
	if (form == 1)
		gnutls_certificate_set_retrieve_function(cb, retr_cb1);
	else if (form == 2)
		gnutls_certificate_set_retrieve_function2(cb, retr_cb2);
	else
		gnutls_certificate_set_retrieve_function3(cb, retr_cb3);
	gnutls_init(&c, GNUTLS_CLIENT);
	gnutls_init(&s, GNUTLS_SERVER);
	gnutls_priority_set_direct(c, prio, NULL);
	gnutls_priority_set_direct(s, prio, NULL);
	gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, cc);
	gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, sc);
	if (on_client)
		gnutls_certificate_server_set_request(s, GNUTLS_CERT_REQUIRE);
	gnutls_session_set_verify_cert(c, "localhost", 0);
	attach(&ce, c, &s2c, &c2s, slow);
	attach(&se, s, &c2s, &s2c, slow);
	ends[0] = &ce;
	ends[1] = &se;
	handshake_both(c, s, &ce, &se, &rc_c, &rc_s);
	printf("  handshake: client=%s server=%s\n", err_name(rc_c), err_name(rc_s));
	printf("  callback: calls=%d nreqs=%d first CA name %d bytes, key types given: %s\n", retr.calls > 0,
	       retr.nreqs, retr.first_ca_size, retr.npk ? "yes" : "no");
	if (rc_c == 0 && rc_s == 0) {
		unsigned n = 0, status = 99;
		gnutls_session_t with = on_client ? c : s, other = on_client ? s : c;
		const gnutls_datum_t *ours = gnutls_certificate_get_ours(with);
		const gnutls_datum_t *peers = gnutls_certificate_get_peers(other, &n);
		printf("  ours %s, peer received %u, same: %s\n", ours != NULL ? "set" : "none", n,
		       ours != NULL && n > 0 && ours->size == peers[0].size &&
				       memcmp(ours->data, peers[0].data, ours->size) == 0
			       ? "yes"
			       : "no");
		printf("  verify by the peer: rc=%s", err_name(gnutls_certificate_verify_peers2(other, &status)));
		printf(" status=0x%x\n", status);
		printf("  client->server 5000 bytes: %s\n", transfer(c, s, 5000) == 0 ? "ok" : "FAILED");
	}
	gnutls_deinit(c);
	gnutls_deinit(s);
	gnutls_certificate_free_credentials(cc);
	gnutls_certificate_free_credentials(sc);
	if (retr.kept_loaded) {
		gnutls_pcert_deinit(&retr.kept[0]);
		gnutls_privkey_deinit(retr.kept_key);
	}
	pipe_reset(&c2s);
	pipe_reset(&s2c);
}

int main(int argc, char **argv)
{
	char lib[4096];
	if (argc != 2) {
		fprintf(stderr, "usage: %s CERTDIR\n", argv[0]);
		return 2;
	}
	dir = argv[1];
	if (tlshim_loaded_gnutls(lib, sizeof lib) != 0)
		return 1;
	printf("LOADED %s\n", lib);
	gnutls_global_init();
	for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
		run(&scenarios[i], 0);
		run(&scenarios[i], 1);
	}
	silent_peer();
	for (int slow = 0; slow < 2; slow++) {
		post_handshake_auth(1, GNUTLS_CERT_REQUIRE, slow);
		post_handshake_auth(0, GNUTLS_CERT_REQUEST, slow);
	}
	for (int slow = 0; slow < 2; slow++)
		for (int form = 1; form <= 3; form++) {
			retrieve_cb(form, T13, 0, slow);
			retrieve_cb(form, T12, 0, slow);
			retrieve_cb(form, T13, 1, slow);
			retrieve_cb(form, T12, 1, slow);
		}
	for (int slow = 0; slow < 2; slow++) {
		resumption(T13, slow, 0);
		resumption(T13 ":-CIPHER-ALL:+AES-128-GCM", slow, 0);
		resumption(T13 ":-GROUP-ALL:+GROUP-X25519:+GROUP-SECP384R1:-CIPHER-ALL:+AES-128-GCM", slow, 0);
		psk_anon("TLS1.2 PSK", T12 ":-KX-ALL:+PSK", 0, "alice", 0, slow);
		psk_anon("TLS1.2 DHE-PSK", T12 ":-KX-ALL:+DHE-PSK", 0, "alice", 0, slow);
		psk_anon("TLS1.2 ECDHE-PSK", T12 ":-KX-ALL:+ECDHE-PSK", 0, "alice", 0, slow);
		psk_anon("TLS1.2 PSK, wrong key", T12 ":-KX-ALL:+PSK", 0, "alice", 1, slow);
		psk_anon("TLS1.2 PSK, unknown user", T12 ":-KX-ALL:+PSK", 0, "mallory", 0, slow);
		psk13("TLS1.3 PSK (psk_ke)", T13 ":-KX-ALL:+PSK", T13 ":-KX-ALL:+PSK", "alice", 0, 0, 0, slow);
		psk13("TLS1.3 ECDHE-PSK", T13 ":-KX-ALL:+ECDHE-PSK", T13 ":-KX-ALL:+ECDHE-PSK", "alice", 0, 0, 0, slow);
		psk13("TLS1.3 DHE-PSK", T13 ":-KX-ALL:+DHE-PSK", T13 ":-KX-ALL:+DHE-PSK", "alice", 0, 0, 0, slow);
		psk13("TLS1.3 DHE-PSK ffdhe3072", T13 ":-KX-ALL:+DHE-PSK:-GROUP-ALL:+GROUP-FFDHE3072",
		      T13 ":-KX-ALL:+DHE-PSK", "alice", 0, 0, 0, slow);
		psk13("TLS1.3 client psk_ke+psk_dhe_ke, server PSK first", T13 ":-KX-ALL:+ECDHE-PSK:+PSK",
		      T13 ":-KX-ALL:+PSK:+ECDHE-PSK", "alice", 0, 0, 0, slow);
		psk13("TLS1.3 client PSK first, server ECDHE-PSK first", T13 ":-KX-ALL:+PSK:+ECDHE-PSK",
		      T13 ":-KX-ALL:+ECDHE-PSK:+PSK", "alice", 0, 0, 0, slow);
		psk13("TLS1.3 client psk_ke, server psk_dhe_ke", T13 ":-KX-ALL:+PSK", T13 ":-KX-ALL:+ECDHE-PSK",
		      "alice", 0, 0, 0, slow);
		psk13("TLS1.3 client psk_ke, server psk_dhe_ke, certificates", T13 ":-KX-ALL:+PSK",
		      T13 ":+ECDHE-PSK", "alice", 0, 1, 0, slow);
		psk13("TLS1.3 PSK, AES-256-GCM preferred", T13 ":-KX-ALL:+ECDHE-PSK:-CIPHER-ALL:+AES-256-GCM:+AES-128-GCM",
		      T13 ":-KX-ALL:+ECDHE-PSK", "alice", 0, 0, 0, slow);
		psk13("TLS1.3 PSK, AES-256-GCM only", T13 ":-KX-ALL:+ECDHE-PSK:-CIPHER-ALL:+AES-256-GCM",
		      T13 ":-KX-ALL:+ECDHE-PSK", "alice", 0, 0, 0, slow);
		psk13("TLS1.3 PSK, AES-256-GCM only, certificates", T13 ":+ECDHE-PSK:-CIPHER-ALL:+AES-256-GCM",
		      T13 ":+ECDHE-PSK", "alice", 0, 1, 0, slow);
		psk13("TLS1.3 PSK, server precedence AES-256-GCM", T13 ":-KX-ALL:+ECDHE-PSK",
		      T13 ":-KX-ALL:+ECDHE-PSK:-CIPHER-ALL:+AES-256-GCM:+AES-128-GCM:%SERVER_PRECEDENCE", "alice", 0, 0,
		      0, slow);
		psk13("TLS1.3 PSK, wrong key", T13 ":-KX-ALL:+ECDHE-PSK", T13 ":-KX-ALL:+ECDHE-PSK", "alice", 1, 0, 0,
		      slow);
		psk13("TLS1.3 PSK, wrong key, certificates", T13 ":+ECDHE-PSK", T13 ":+ECDHE-PSK", "alice", 1, 1, 0,
		      slow);
		psk13("TLS1.3 PSK, unknown user", T13 ":-KX-ALL:+ECDHE-PSK", T13 ":-KX-ALL:+ECDHE-PSK", "mallory", 0, 0,
		      0, slow);
		psk13("TLS1.3 PSK, unknown user, certificates", T13 ":+ECDHE-PSK", T13 ":+ECDHE-PSK", "mallory", 0, 1,
		      0, slow);
		psk13("TLS1.3 PSK, server without PSK key exchange", T13 ":+ECDHE-PSK", T13, "alice", 0, 1, 0, slow);
		psk13("TLS1.3 client psk_ke, server without PSK key exchange", T13 ":-KX-ALL:+PSK", T13, "alice", 0, 1, 0,
		      slow);
		psk13("TLS1.3 PSK, TLS1.2+1.3 server without PSK key exchange", T13 ":+ECDHE-PSK", "NORMAL", "alice", 0, 1,
		      0, slow);
		psk13("TLS1.3 client psk_dhe_ke, server psk_ke", T13 ":-KX-ALL:+ECDHE-PSK", T13 ":-KX-ALL:+PSK", "alice", 0,
		      1, 0, slow);
		psk13("TLS1.3 client DHE-PSK, server ECDHE-PSK", T13 ":-KX-ALL:+DHE-PSK", T13 ":-KX-ALL:+ECDHE-PSK", "alice",
		      0, 0, 0, slow);
		psk13("TLS1.3 client ECDHE-PSK, server DHE-PSK", T13 ":-KX-ALL:+ECDHE-PSK", T13 ":-KX-ALL:+DHE-PSK", "alice",
		      0, 0, 0, slow);
		psk13("TLS1.3 PSK, resumed", T13 ":-KX-ALL:+ECDHE-PSK", T13 ":-KX-ALL:+ECDHE-PSK", "alice", 0, 0, 1,
		      slow);
		psk13("TLS1.3 PSK (psk_ke), resumed", T13 ":-KX-ALL:+PSK", T13 ":-KX-ALL:+PSK", "alice", 0, 0, 1, slow);
		psk13("TLS1.3 or 1.2 PSK", "NORMAL:-KX-ALL:+ECDHE-PSK", "NORMAL:-KX-ALL:+ECDHE-PSK", "alice", 0, 0, 0,
		      slow);
		psk_anon("TLS1.2 anonymous ECDH", T12 ":-KX-ALL:+ANON-ECDH", 1, NULL, 0, slow);
		psk_anon("TLS1.2 anonymous DH", T12 ":-KX-ALL:+ANON-DH", 1, NULL, 0, slow);
		resumption(T12, slow, 0);
		resumption(T12 ":%NO_TICKETS", slow, 1);
		resumption(T12 ":-CIPHER-ALL:+CHACHA20-POLY1305", slow, 1);
	}
	gnutls_global_deinit();
	return 0;
}
