/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Application data interleaved with a TLS 1.2 renegotiation at the points
 * RFC 5246 allows it and GnuTLS 3.7.9 does not (it accepts data only while
 * waiting for the first hello; see doc/differences.md): the server's data
 * after its flight reaches the client in the middle of the client's
 * handshake, and the client's data after its ClientHello reaches the
 * server in the middle of the server's.  Each side's gnutls_handshake
 * returns GNUTLS_E_GOT_APPLICATION_DATA, gnutls_record_recv returns the
 * data, and gnutls_handshake then completes without repeating anything.
 *
 * Then a renegotiation that would drop the extended master secret is
 * refused with insufficient_security, either side dropping it.
 *
 * tlshim only (the real GnuTLS fails these sessions by design).  Usage:
 * interleave CERTDIR plain|hostile; the first line names the library. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>

#include "../common/loaded-lib.h"

struct pipe {
	unsigned char buf[1 << 20];
	size_t len;
};

struct end {
	gnutls_session_t s;
	struct pipe *in, *out;
	int hostile;
	unsigned tick;
};

static struct pipe c2s, s2c;
static int failures;

static ssize_t do_push(gnutls_transport_ptr_t p, const void *data, size_t n)
{
	struct end *e = p;
	if (e->hostile && (++e->tick & 1)) {
		gnutls_transport_set_errno(e->s, EAGAIN);
		return -1;
	}
	if (e->hostile && n > 1)
		n = 1;
	if (e->out->len + n > sizeof e->out->buf)
		abort();
	memcpy(e->out->buf + e->out->len, data, n);
	e->out->len += n;
	return (ssize_t)n;
}

static ssize_t do_pull(gnutls_transport_ptr_t p, void *data, size_t n)
{
	struct end *e = p;
	if ((e->hostile && (++e->tick & 1)) || e->in->len == 0) {
		gnutls_transport_set_errno(e->s, EAGAIN);
		return -1;
	}
	if (e->hostile && n > 1)
		n = 1;
	if (n > e->in->len)
		n = e->in->len;
	memcpy(data, e->in->buf, n);
	memmove(e->in->buf, e->in->buf + n, e->in->len - n);
	e->in->len -= n;
	return (ssize_t)n;
}

static const char *name(int rc)
{
	static char num[2][16];
	static int k;
	if (rc < 0 && gnutls_strerror_name(rc) != NULL)
		return gnutls_strerror_name(rc);
	k ^= 1;
	snprintf(num[k], sizeof num[k], "%d", rc);
	return num[k];
}

static void expect(const char *what, int want, int got)
{
	if (want != got) {
		printf("FAIL %s: expected %s got %s\n", what, name(want), name(got));
		failures++;
	} else {
		printf("ok %s: %s\n", what, name(got));
	}
}

/* Calls the handshake until it returns something other than AGAIN (the
 * hostile transport needs many calls to move a message). */
static int hs(struct end *e)
{
	int rc = GNUTLS_E_AGAIN;
	for (int i = 0; i < 20000 && rc == GNUTLS_E_AGAIN; i++)
		rc = gnutls_handshake(e->s);
	return rc;
}

static int rcv(struct end *e, char *buf, size_t n)
{
	int rc = GNUTLS_E_AGAIN;
	for (int i = 0; i < 20000 && rc == GNUTLS_E_AGAIN; i++)
		rc = (int)gnutls_record_recv(e->s, buf, n);
	return rc;
}

static void snd(struct end *e, const char *text)
{
	ssize_t rc = gnutls_record_send(e->s, text, strlen(text));
	for (int i = 0; i < 20000 && rc == GNUTLS_E_AGAIN; i++)
		rc = gnutls_record_send(e->s, NULL, 0);
	expect("send", (int)strlen(text), (int)rc);
}

/* Both handshakes to completion, alternating. */
static void both(struct end *c, struct end *s, int *rc_c, int *rc_s)
{
	*rc_c = *rc_s = GNUTLS_E_AGAIN;
	for (int i = 0; i < 200000 && (*rc_c == GNUTLS_E_AGAIN || *rc_s == GNUTLS_E_AGAIN); i++) {
		if (*rc_c == GNUTLS_E_AGAIN)
			*rc_c = gnutls_handshake(c->s);
		if (*rc_s == GNUTLS_E_AGAIN)
			*rc_s = gnutls_handshake(s->s);
	}
}

static void expect_data(struct end *e, const char *want)
{
	char buf[256];
	int n = rcv(e, buf, sizeof buf - 1);
	if (n < 0 || (size_t)n != strlen(want) || memcmp(buf, want, (size_t)n) != 0) {
		printf("FAIL data: expected '%s' got %d\n", want, n);
		failures++;
	} else {
		buf[n] = 0;
		printf("ok data: %s\n", buf);
	}
}

/* Two fresh sessions over empty pipes (client TLS 1.2 only), through their
 * initial handshake. */
static void pair_up(struct end *ce, struct end *se, gnutls_certificate_credentials_t sc,
		    gnutls_certificate_credentials_t cc, int hostile)
{
	int rc_c, rc_s;
	c2s.len = s2c.len = 0;
	memset(ce, 0, sizeof *ce);
	memset(se, 0, sizeof *se);
	gnutls_init(&ce->s, GNUTLS_CLIENT);
	gnutls_init(&se->s, GNUTLS_SERVER);
	gnutls_priority_set_direct(ce->s, "NORMAL:-VERS-ALL:+VERS-TLS1.2", NULL);
	gnutls_priority_set_direct(se->s, "NORMAL", NULL);
	gnutls_credentials_set(ce->s, GNUTLS_CRD_CERTIFICATE, cc);
	gnutls_credentials_set(se->s, GNUTLS_CRD_CERTIFICATE, sc);
	ce->in = &s2c, ce->out = &c2s, se->in = &c2s, se->out = &s2c;
	ce->hostile = se->hostile = hostile;
	gnutls_transport_set_ptr(ce->s, ce);
	gnutls_transport_set_ptr(se->s, se);
	gnutls_transport_set_push_function(ce->s, do_push);
	gnutls_transport_set_push_function(se->s, do_push);
	gnutls_transport_set_pull_function(ce->s, do_pull);
	gnutls_transport_set_pull_function(se->s, do_pull);
	both(ce, se, &rc_c, &rc_s);
	expect("initial handshake, client", 0, rc_c);
	expect("initial handshake, server", 0, rc_s);
	expect("extended master secret, client", 1, gnutls_session_ext_master_secret_status(ce->s));
}

int main(int argc, char **argv)
{
	gnutls_certificate_credentials_t sc, cc;
	struct end ce = {0}, se = {0};
	char path[4096], path2[4096];
	int rc_c, rc_s, hostile;

	if (argc != 3)
		return 2;
	hostile = strcmp(argv[2], "hostile") == 0;
	{
		char lib[4096] = "none";
		tlshim_loaded_gnutls(lib, sizeof lib);
		printf("LOADED %s\n", lib);
	}
	gnutls_certificate_allocate_credentials(&sc);
	gnutls_certificate_allocate_credentials(&cc);
	snprintf(path, sizeof path, "%s/rsa.pem", argv[1]);
	snprintf(path2, sizeof path2, "%s/rsa.key", argv[1]);
	if (gnutls_certificate_set_x509_key_file(sc, path, path2, GNUTLS_X509_FMT_PEM) < 0) {
		printf("FAIL: cannot load %s\n", path);
		return 2;
	}
	pair_up(&ce, &se, sc, cc, hostile);

	/* 1. Server-initiated; the server's data follows its flight. */
	{
		int rc = gnutls_rehandshake(se.s);
		for (int i = 0; i < 20000 && rc == GNUTLS_E_AGAIN; i++)
			rc = gnutls_rehandshake(se.s);
		expect("server rehandshake", 0, rc);
	}
	{
		char buf[16];
		expect("client recv: HelloRequest", GNUTLS_E_REHANDSHAKE, rcv(&ce, buf, sizeof buf));
	}
	expect("client handshake: ClientHello out", GNUTLS_E_AGAIN, hs(&ce));
	expect("server handshake: flight out", GNUTLS_E_AGAIN, hs(&se));
	snd(&se, "server data after its flight");
	expect("client handshake meets the data", GNUTLS_E_GOT_APPLICATION_DATA, hs(&ce));
	expect("check_pending", 1, gnutls_record_check_pending(ce.s) > 0);
	expect_data(&ce, "server data after its flight");
	both(&ce, &se, &rc_c, &rc_s);
	expect("renegotiation 1, client", 0, rc_c);
	expect("renegotiation 1, server", 0, rc_s);
	snd(&ce, "after 1, client to server");
	expect_data(&se, "after 1, client to server");
	snd(&se, "after 1, server to client");
	expect_data(&ce, "after 1, server to client");

	/* 2. Client-initiated; the client's data follows its ClientHello and
	 * reaches the server after the hello, while it waits for the client's
	 * key exchange. */
	expect("client handshake: ClientHello out", GNUTLS_E_AGAIN, hs(&ce));
	{
		char buf[16];
		expect("server recv: ClientHello", GNUTLS_E_REHANDSHAKE, rcv(&se, buf, sizeof buf));
	}
	expect("server handshake: flight out", GNUTLS_E_AGAIN, hs(&se));
	snd(&ce, "client data before its key exchange");
	expect("client handshake: its flight out", GNUTLS_E_AGAIN, hs(&ce));
	expect("server handshake meets the data", GNUTLS_E_GOT_APPLICATION_DATA, hs(&se));
	expect_data(&se, "client data before its key exchange");
	both(&ce, &se, &rc_c, &rc_s);
	expect("renegotiation 2, client", 0, rc_c);
	expect("renegotiation 2, server", 0, rc_s);
	snd(&ce, "after 2, client to server");
	expect_data(&se, "after 2, client to server");
	snd(&se, "after 2, server to client");
	expect_data(&ce, "after 2, server to client");

	/* 3. The extended master secret cannot be dropped by a renegotiation
	 * (the real GnuTLS goes on with mismatched keys and fails with
	 * GNUTLS_E_DECRYPTION_FAILED later): a client that stops offering it
	 * is refused by the server, and a server that stops accepting it
	 * refuses, both with insufficient_security. */
	for (int side = 0; side < 2; side++) {
		char buf[16];
		if (side == 1) {
			gnutls_deinit(ce.s);
			gnutls_deinit(se.s);
			pair_up(&ce, &se, sc, cc, hostile);
		}
		gnutls_priority_set_direct(side == 0 ? ce.s : se.s,
					   side == 0 ? "NORMAL:-VERS-ALL:+VERS-TLS1.2:%NO_SESSION_HASH" : "NORMAL:%NO_SESSION_HASH",
					   NULL);
		expect("client handshake: ClientHello out", GNUTLS_E_AGAIN, hs(&ce));
		expect("server recv: ClientHello", GNUTLS_E_REHANDSHAKE, rcv(&se, buf, sizeof buf));
		both(&ce, &se, &rc_c, &rc_s);
		/* The server application passes its error on, as GnuTLS asks:
		 * tlshim sent the alert with the failure, but a transport that
		 * would block keeps it queued until this call. */
		{
			int rc = gnutls_alert_send_appropriate(se.s, rc_s);
			for (int i = 0; i < 20000 && rc == GNUTLS_E_AGAIN; i++)
				rc = gnutls_alert_send_appropriate(se.s, rc_s);
			expect("server alert_send_appropriate", 0, rc);
		}
		if (rc_c == GNUTLS_E_AGAIN)
			rc_c = hs(&ce);
		expect(side == 0 ? "EMS dropped by the client, server" : "EMS dropped by the server, server",
		       GNUTLS_E_INSUFFICIENT_SECURITY, rc_s);
		expect(side == 0 ? "EMS dropped by the client, client" : "EMS dropped by the server, client",
		       GNUTLS_E_FATAL_ALERT_RECEIVED, rc_c);
		expect("alert the client received", GNUTLS_A_INSUFFICIENT_SECURITY, (int)gnutls_alert_get(ce.s));
	}

	gnutls_deinit(ce.s);
	gnutls_deinit(se.s);
	gnutls_certificate_free_credentials(sc);
	gnutls_certificate_free_credentials(cc);
	printf("%s\n", failures ? "FAILED" : "all passed");
	return failures ? 1 : 0;
}
