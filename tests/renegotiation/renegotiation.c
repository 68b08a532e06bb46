/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Renegotiation through the public GnuTLS API, with assertions.
 *
 * A client and a server session live in one process and talk over two
 * in-memory byte queues.  Every scenario sets up a fresh pair, completes a
 * handshake and then exercises one aspect of TLS 1.2 renegotiation (or of
 * gnutls_rehandshake under TLS 1.3), checking return codes, alerts, what
 * went on the wire (record headers) and that application data arrives
 * intact.  A mismatch prints "FAIL scenario: expected X got Y" and ends
 * that scenario group (each group runs in a child process, so the others
 * still run); a scenario that passes prints "ok scenario".  The exit status
 * is 0 only when every scenario passed.
 *
 * The expectations describe GnuTLS 3.7.9 (see the renegotiation spec): the
 * program must pass on the real library, and later on tlshim unchanged.
 * Behaviour documented as accidental ("quirks") is never asserted.
 *
 * Usage: renegotiation CERTDIR plain|hostile [LABEL-SUBSTRING]
 *   plain:   the transport moves whole buffers (EAGAIN only when empty)
 *   hostile: every other push/pull call fails with EAGAIN, the others move
 *            one byte
 * CERTDIR is made by tests/handshake/gen-certs.sh; the optional third
 * argument runs only the scenario groups whose label contains it.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gnutls/gnutls.h>

#include "../common/loaded-lib.h"

#define P12 "NORMAL:-VERS-ALL:+VERS-TLS1.2"
#define P13 "NORMAL:-VERS-ALL:+VERS-TLS1.3"

static int hostile;
static const char *certdir;
static const char *scenario = "setup";

/* ---- reporting ---- */

static const char *code_name(long rc)
{
	static char buf[8][64];
	static unsigned slot;
	char *b = buf[slot++ % 8];
	const char *n = rc < 0 ? gnutls_strerror_name((int)rc) : NULL;
	if (n != NULL)
		snprintf(b, 64, "%s (%ld)", n, rc);
	else
		snprintf(b, 64, "%ld", rc);
	return b;
}

static void fail(const char *fmt, ...)
{
	va_list ap;
	printf("FAIL %s [%s]: ", scenario, hostile ? "hostile" : "plain");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	_exit(1); /* (no leak report about the sessions left behind) */
}

/* The return code of WHAT must be WANT. */
static void expect_rc(const char *what, long want, long got)
{
	if (want != got)
		fail("%s: expected %s got %s", what, code_name(want), code_name(got));
}

static void expect_true(const char *what, int cond)
{
	if (!cond)
		fail("expected %s", what);
}

/* ---- memory transport ---- */

/* Bytes in flight one way: len bytes at buf + head. */
struct queue {
	unsigned char *buf;
	size_t head, len, cap;
};

struct end {
	gnutls_session_t session;
	const char *name;
	struct queue *in, *out;
	unsigned tick;
	size_t moved;
	int block_push; /* fail the next push with this errno (EAGAIN, EINTR) */
	int in_closed;  /* the peer closed the connection: pull returns 0 */
	/* renegotiation_info seen by the handshake hook in the last incoming
	 * hello: -2 none seen yet, -1 hello without it, else its length */
	int ri_len;
	unsigned char ri_first;
	int scsv;       /* incoming ClientHellos that offered the SCSV */
	int key_update; /* last incoming KeyUpdate byte, -1 if none */
	unsigned key_updates;
};

static void queue_free(struct queue *q)
{
	free(q->buf);
	memset(q, 0, sizeof *q);
}

/* The hostile transport: every other call fails with EAGAIN. */
static int hostile_skip(struct end *e)
{
	return hostile && (++e->tick & 1);
}

static ssize_t do_push(gnutls_transport_ptr_t ptr, const void *data, size_t size)
{
	struct end *e = ptr;
	if (e->block_push) {
		gnutls_transport_set_errno(e->session, e->block_push);
		e->block_push = 0;
		return -1;
	}
	if (hostile_skip(e)) {
		gnutls_transport_set_errno(e->session, EAGAIN);
		return -1;
	}
	if (hostile && size > 1)
		size = 1;
	if (e->out->head + e->out->len + size > e->out->cap && e->out->head > 0) {
		memmove(e->out->buf, e->out->buf + e->out->head, e->out->len);
		e->out->head = 0;
	}
	if (e->out->head + e->out->len + size > e->out->cap) {
		size_t cap = (e->out->cap + size) * 2;
		unsigned char *b = realloc(e->out->buf, cap);
		if (b == NULL)
			abort();
		e->out->buf = b;
		e->out->cap = cap;
	}
	memcpy(e->out->buf + e->out->head + e->out->len, data, size);
	e->out->len += size;
	e->moved += size;
	return (ssize_t)size;
}

static ssize_t do_pull(gnutls_transport_ptr_t ptr, void *data, size_t size)
{
	struct end *e = ptr;
	if (hostile_skip(e)) {
		gnutls_transport_set_errno(e->session, EAGAIN);
		return -1;
	}
	if (e->in->len == 0) {
		if (e->in_closed)
			return 0;
		gnutls_transport_set_errno(e->session, EAGAIN);
		return -1;
	}
	if (hostile && size > 1)
		size = 1;
	if (size > e->in->len)
		size = e->in->len;
	memcpy(data, e->in->buf + e->in->head, size);
	e->in->head += size;
	e->in->len -= size;
	if (e->in->len == 0)
		e->in->head = 0;
	e->moved += size;
	return (ssize_t)size;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* A pull-timeout function for a peer that stays silent: data queued means
 * ready; otherwise it waits the time asked for (at most 2 s) and reports a
 * timeout, since nobody can write into the queue meanwhile. */
static int do_pull_timeout(gnutls_transport_ptr_t ptr, unsigned ms)
{
	struct end *e = ptr;
	if (e->in->len > 0 || e->in_closed)
		return 1;
	if (ms != 0) {
		struct timespec ts;
		if (ms > 2000)
			ms = 2000;
		ts.tv_sec = ms / 1000;
		ts.tv_nsec = (long)(ms % 1000) * 1000000L;
		nanosleep(&ts, NULL);
	}
	return 0;
}

/* Record headers found in a queue (whole records only). */
struct records {
	unsigned n;
	unsigned char type[64];
	unsigned len[64];
};

static struct records parse_records(const struct queue *q)
{
	struct records r;
	size_t off = 0;
	memset(&r, 0, sizeof r);
	while (off + 5 <= q->len && r.n < 64) {
		const unsigned char *h = q->buf + q->head + off;
		unsigned len = (unsigned)h[3] << 8 | h[4];
		r.type[r.n] = h[0];
		r.len[r.n] = len;
		r.n++;
		off += 5 + len;
	}
	return r;
}

/* The queue holds exactly N records, all of TYPE. */
static struct records expect_records(const char *what, const struct queue *q, unsigned n, int type)
{
	struct records r = parse_records(q);
	unsigned total = 0;
	if (r.n != n)
		fail("%s: expected %u record(s) on the wire got %u", what, n, r.n);
	for (unsigned i = 0; i < r.n; i++) {
		total += 5 + r.len[i];
		if (type >= 0 && r.type[i] != type)
			fail("%s: expected record %u of type %d got type %d", what, i, type, r.type[i]);
	}
	if (total != q->len)
		fail("%s: expected %u bytes of whole records got %zu", what, total, q->len);
	return r;
}

/* ---- handshake hook: renegotiation_info and KeyUpdate ---- */

/* Finds extension TYPE in a ClientHello/ServerHello body; returns its data
 * length (and first byte) or -1. */
static int find_extension(const unsigned char *m, size_t len, int client_hello, unsigned type, unsigned char *first)
{
	size_t off = 2 + 32, end;
	if (off + 1 > len)
		return -3;
	off += 1 + m[off]; /* session id */
	if (client_hello) {
		if (off + 2 > len)
			return -3;
		off += 2 + ((size_t)m[off] << 8 | m[off + 1]); /* cipher suites */
		if (off + 1 > len)
			return -3;
		off += 1 + m[off]; /* compression methods */
	} else {
		off += 3; /* cipher suite, compression */
	}
	if (off + 2 > len)
		return -1; /* no extensions at all */
	end = off + 2 + ((size_t)m[off] << 8 | m[off + 1]);
	off += 2;
	if (end > len)
		return -3;
	while (off + 4 <= end) {
		unsigned t = (unsigned)m[off] << 8 | m[off + 1];
		size_t l = (size_t)m[off + 2] << 8 | m[off + 3];
		if (off + 4 + l > end)
			return -3;
		if (t == type) {
			*first = l > 0 ? m[off + 4] : 0;
			return (int)l;
		}
		off += 4 + l;
	}
	return -1;
}

/* Whether a ClientHello offers TLS_EMPTY_RENEGOTIATION_INFO_SCSV (0x00ff). */
static int has_scsv(const unsigned char *m, size_t len)
{
	size_t off = 2 + 32, n;
	if (off + 1 > len)
		return 0;
	off += 1 + m[off];
	if (off + 2 > len)
		return 0;
	n = (size_t)m[off] << 8 | m[off + 1];
	off += 2;
	for (size_t i = 0; i + 1 < n && off + i + 1 < len; i += 2)
		if (m[off + i] == 0x00 && m[off + i + 1] == 0xff)
			return 1;
	return 0;
}

static int hook(gnutls_session_t s, unsigned htype, unsigned when, unsigned incoming, const gnutls_datum_t *msg)
{
	struct end *e = gnutls_session_get_ptr(s);
	if (e == NULL || !incoming || when != GNUTLS_HOOK_PRE)
		return 0;
	if (htype == GNUTLS_HANDSHAKE_CLIENT_HELLO || htype == GNUTLS_HANDSHAKE_SERVER_HELLO)
		e->ri_len = find_extension(msg->data, msg->size, htype == GNUTLS_HANDSHAKE_CLIENT_HELLO, 0xff01,
					   &e->ri_first);
	if (htype == GNUTLS_HANDSHAKE_CLIENT_HELLO)
		e->scsv += has_scsv(msg->data, msg->size);
	else if (htype == GNUTLS_HANDSHAKE_KEY_UPDATE) {
		e->key_update = msg->size == 1 ? msg->data[0] : -2;
		e->key_updates++;
	}
	return 0;
}

/* ---- credentials ---- */

enum { CRED_SERVER_RSA, CRED_SERVER_P256, CRED_CLIENT_NONE, CRED_CLIENT_CERT, CRED_CLIENT_OTHER, NCREDS };
static gnutls_certificate_credentials_t creds[NCREDS];
static gnutls_datum_t cert_der[NCREDS];

static int read_file(const char *path, gnutls_datum_t *out)
{
	FILE *f = fopen(path, "rb");
	static unsigned char buf[65536];
	size_t n;
	if (f == NULL)
		return -1;
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	out->data = malloc(n + 1);
	if (out->data == NULL)
		abort();
	memcpy(out->data, buf, n);
	out->data[n] = 0;
	out->size = (unsigned)n;
	return 0;
}

static gnutls_certificate_credentials_t load_cred(int idx, const char *name)
{
	gnutls_certificate_credentials_t cred;
	char c[1024], k[1024];
	if (gnutls_certificate_allocate_credentials(&cred) < 0)
		abort();
	snprintf(c, sizeof c, "%s/ca.pem", certdir);
	if (gnutls_certificate_set_x509_trust_file(cred, c, GNUTLS_X509_FMT_PEM) <= 0)
		fail("cannot load %s", c);
	if (name != NULL) {
		gnutls_datum_t pem;
		snprintf(c, sizeof c, "%s/%s.pem", certdir, name);
		snprintf(k, sizeof k, "%s/%s.key", certdir, name);
		if (gnutls_certificate_set_x509_key_file(cred, c, k, GNUTLS_X509_FMT_PEM) < 0)
			fail("cannot load %s", c);
		if (read_file(c, &pem) != 0 || gnutls_pem_base64_decode2("CERTIFICATE", &pem, &cert_der[idx]) < 0)
			fail("cannot decode %s", c);
		free(pem.data);
	}
	return cred;
}

static void load_creds(void)
{
	creds[CRED_SERVER_RSA] = load_cred(CRED_SERVER_RSA, "rsa");
	creds[CRED_SERVER_P256] = load_cred(CRED_SERVER_P256, "p256");
	creds[CRED_CLIENT_NONE] = load_cred(CRED_CLIENT_NONE, NULL);
	creds[CRED_CLIENT_CERT] = load_cred(CRED_CLIENT_CERT, "client");
	/* a second client identity: any certified key does */
	creds[CRED_CLIENT_OTHER] = load_cred(CRED_CLIENT_OTHER, "p384");
}

static void free_creds(void)
{
	for (int i = 0; i < NCREDS; i++) {
		gnutls_certificate_free_credentials(creds[i]);
		gnutls_free(cert_der[i].data);
	}
}

/* ---- a client/server pair ---- */

struct pair {
	gnutls_session_t c, s;
	struct queue c2s, s2c;
	struct end ce, se;
};

static void attach(struct end *e, gnutls_session_t s, const char *name, struct queue *in, struct queue *out)
{
	memset(e, 0, sizeof *e);
	e->session = s;
	e->name = name;
	e->in = in;
	e->out = out;
	e->ri_len = -2;
	e->key_update = -1;
	gnutls_transport_set_ptr(s, e);
	gnutls_transport_set_push_function(s, do_push);
	gnutls_transport_set_pull_function(s, do_pull);
	gnutls_session_set_ptr(s, e);
	gnutls_handshake_set_hook_function(s, GNUTLS_HANDSHAKE_ANY, GNUTLS_HOOK_PRE, hook);
}

static void set_prio(gnutls_session_t s, const char *prio)
{
	const char *err = NULL;
	int rc = gnutls_priority_set_direct(s, prio, &err);
	if (rc < 0)
		fail("priority '%s' rejected at '%s': %s", prio, err ? err : "?", code_name(rc));
}

static void pair_init(struct pair *p, const char *cprio, const char *sprio, unsigned cflags, unsigned sflags,
		      int ccred, int scred)
{
	memset(p, 0, sizeof *p);
	if (gnutls_init(&p->c, GNUTLS_CLIENT | cflags) < 0 || gnutls_init(&p->s, GNUTLS_SERVER | sflags) < 0)
		fail("gnutls_init failed");
	set_prio(p->c, cprio);
	set_prio(p->s, sprio);
	gnutls_credentials_set(p->c, GNUTLS_CRD_CERTIFICATE, creds[ccred]);
	gnutls_credentials_set(p->s, GNUTLS_CRD_CERTIFICATE, creds[scred]);
	attach(&p->ce, p->c, "client", &p->s2c, &p->c2s);
	attach(&p->se, p->s, "server", &p->c2s, &p->s2c);
}

static void pair_free(struct pair *p)
{
	gnutls_deinit(p->c);
	gnutls_deinit(p->s);
	queue_free(&p->c2s);
	queue_free(&p->s2c);
}

static int again(long rc)
{
	return rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED;
}

/* Keeps a side's handshake going while it can progress on its own (a
 * blocked write, or bytes waiting in its queue). */
static int hs_settle(struct end *e)
{
	int rc;
	long n = 0;
	do
		rc = gnutls_handshake(e->session);
	while (again(rc) && (gnutls_record_get_direction(e->session) == 1 || e->in->len > 0 || e->in_closed) && ++n < 1000000);
	return rc;
}

/* The same for gnutls_record_recv. */
static ssize_t recv_settle(struct end *e, void *buf, size_t len)
{
	ssize_t rc;
	long n = 0;
	do
		rc = gnutls_record_recv(e->session, buf, len);
	while (again(rc) && (gnutls_record_get_direction(e->session) == 1 || e->in->len > 0 || e->in_closed) && ++n < 1000000);
	return rc;
}

/* Runs both handshakes until each returned something other than
 * AGAIN/INTERRUPTED or nothing moves any more (then a side that still
 * waits reports GNUTLS_E_AGAIN).  The client goes first. */
static void drive(struct pair *p, int *rc_c, int *rc_s)
{
	int cd = 0, sd = 0;
	*rc_c = *rc_s = GNUTLS_E_AGAIN;
	for (int round = 0; round < 200 && !(cd && sd); round++) {
		size_t before = p->ce.moved + p->se.moved;
		if (!cd) {
			*rc_c = hs_settle(&p->ce);
			cd = !again(*rc_c);
		}
		if (!sd) {
			*rc_s = hs_settle(&p->se);
			sd = !again(*rc_s);
		}
		if (p->ce.moved + p->se.moved == before)
			break;
	}
	if (*rc_c == GNUTLS_E_INTERRUPTED)
		*rc_c = GNUTLS_E_AGAIN;
	if (*rc_s == GNUTLS_E_INTERRUPTED)
		*rc_s = GNUTLS_E_AGAIN;
}

/* The side that waits for a failed peer: GnuTLS 3.7.9 leaves the alert to
 * the application, so the waiting side stalls (GNUTLS_E_AGAIN).  A library
 * that sends the alert itself is accepted too, but then the waiting side
 * must have received exactly the alert gnutls_error_to_alert() prescribes
 * for the peer's error.  Returns 1 when that alert arrived. */
static int expect_stalled(const char *what, struct end *e, int rc, int peer_rc)
{
	int level = 0;
	int desc = gnutls_error_to_alert(peer_rc, &level);
	if (rc == GNUTLS_E_AGAIN)
		return 0;
	expect_rc(what, level == GNUTLS_AL_FATAL ? GNUTLS_E_FATAL_ALERT_RECEIVED : GNUTLS_E_WARNING_ALERT_RECEIVED,
		  rc);
	expect_rc("the alert received from the failed peer", desc, gnutls_alert_get(e->session));
	return 1;
}

/* Drives both handshakes and checks their results.  An expected
 * GNUTLS_E_AGAIN opposite an expected error means "stalled", see
 * expect_stalled.  Returns 1 if a stalled side got an alert instead. */
static int expect_drive(const char *what, struct pair *p, int want_c, int want_s)
{
	int rc_c, rc_s;
	char buf[256];
	int stall_c = want_c == GNUTLS_E_AGAIN && want_s < 0 && want_s != GNUTLS_E_AGAIN;
	int stall_s = want_s == GNUTLS_E_AGAIN && want_c < 0 && want_c != GNUTLS_E_AGAIN;
	int alerted = 0;
	drive(p, &rc_c, &rc_s);
	snprintf(buf, sizeof buf, "%s: client handshake", what);
	if (stall_c)
		alerted = expect_stalled(buf, &p->ce, rc_c, want_s);
	else
		expect_rc(buf, want_c, rc_c);
	snprintf(buf, sizeof buf, "%s: server handshake", what);
	if (stall_s)
		alerted = expect_stalled(buf, &p->se, rc_s, want_c);
	else
		expect_rc(buf, want_s, rc_s);
	return alerted;
}

/* Sends LEN bytes in full (record by record, re-calling after AGAIN). */
static void send_all(struct end *e, const void *data, size_t len)
{
	size_t sent = 0;
	long n = 0;
	while (sent < len) {
		ssize_t rc = gnutls_record_send(e->session, (const char *)data + sent, len - sent);
		if (rc > 0)
			sent += (size_t)rc;
		else if (rc != 0 && !again(rc))
			fail("%s record_send: expected a byte count got %s", e->name, code_name(rc));
		if (++n > 1000000)
			fail("%s record_send: no progress", e->name);
	}
}

/* Receives exactly LEN bytes that must already be on their way. */
static void recv_exact(struct end *e, unsigned char *buf, size_t len)
{
	size_t got = 0;
	while (got < len) {
		ssize_t rc = recv_settle(e, buf + got, len - got);
		if (rc <= 0)
			fail("%s record_recv after %zu of %zu bytes: expected data got %s", e->name, got, len,
			     code_name(rc));
		got += (size_t)rc;
	}
}

static void fill(unsigned char *b, size_t len, unsigned seed)
{
	unsigned x = seed * 2654435761u + 1;
	for (size_t i = 0; i < len; i++) {
		x = x * 1103515245u + 12345u;
		b[i] = (unsigned char)(x >> 16);
	}
}

static unsigned long checksum(const unsigned char *b, size_t len)
{
	unsigned long h = 2166136261ul;
	for (size_t i = 0; i < len; i++)
		h = (h ^ b[i]) * 16777619ul;
	return h & 0xfffffffful;
}

/* LEN checksummed bytes from one side to the other; afterwards nothing
 * else is pending on the receiver. */
static void transfer(struct end *from, struct end *to, size_t len, unsigned seed)
{
	unsigned char *src = malloc(len), *dst = malloc(len);
	unsigned char extra[16];
	ssize_t rc;
	if (src == NULL || dst == NULL)
		abort();
	fill(src, len, seed);
	send_all(from, src, len);
	recv_exact(to, dst, len);
	if (checksum(src, len) != checksum(dst, len) || memcmp(src, dst, len) != 0)
		fail("%s->%s data: expected checksum %08lx got %08lx", from->name, to->name, checksum(src, len),
		     checksum(dst, len));
	rc = recv_settle(to, extra, sizeof extra);
	expect_rc("recv after the transfer", GNUTLS_E_AGAIN, rc);
	free(src);
	free(dst);
}

static void both_ways(struct pair *p, size_t len, unsigned seed)
{
	transfer(&p->ce, &p->se, len, seed);
	transfer(&p->se, &p->ce, len + 17, seed + 1);
}

/* A keying-material exporter value; both sides must agree. */
struct exporter {
	unsigned char v[32];
};

static struct exporter exporter(struct pair *p)
{
	struct exporter a, b;
	int rc1 = gnutls_prf_rfc5705(p->c, 11, "EXPORTER-rn", 0, NULL, sizeof a.v, (char *)a.v);
	int rc2 = gnutls_prf_rfc5705(p->s, 11, "EXPORTER-rn", 0, NULL, sizeof b.v, (char *)b.v);
	expect_rc("client exporter", 0, rc1);
	expect_rc("server exporter", 0, rc2);
	expect_true("client and server to export the same keying material", memcmp(a.v, b.v, sizeof a.v) == 0);
	return a;
}

static void expect_new_keys(const struct exporter *old, struct pair *p)
{
	struct exporter now = exporter(p);
	expect_true("new keying material after the renegotiation", memcmp(old->v, now.v, sizeof now.v) != 0);
}

static void expect_not_resumed(struct pair *p)
{
	expect_rc("client session_is_resumed", 0, gnutls_session_is_resumed(p->c));
	expect_rc("server session_is_resumed", 0, gnutls_session_is_resumed(p->s));
}

static void expect_safe_status(struct pair *p, int c, int s)
{
	expect_rc("client safe_renegotiation_status", c, gnutls_safe_renegotiation_status(p->c) != 0);
	expect_rc("server safe_renegotiation_status", s, gnutls_safe_renegotiation_status(p->s) != 0);
}

static void rehandshake(struct end *e)
{
	int rc;
	long n = 0;
	do
		rc = gnutls_rehandshake(e->session);
	while (again(rc) && ++n < 1000000);
	expect_rc("server rehandshake", 0, rc);
}

static void alert(struct end *e, gnutls_alert_level_t level, gnutls_alert_description_t desc)
{
	int rc;
	long n = 0;
	do
		rc = gnutls_alert_send(e->session, level, desc);
	while (again(rc) && ++n < 1000000);
	expect_rc("alert_send", 0, rc);
}

/* Pair with a completed TLS 1.2 handshake. */
static void established(struct pair *p, const char *cprio, const char *sprio, unsigned cflags, unsigned sflags,
			int ccred, int scred)
{
	pair_init(p, cprio, sprio, cflags, sflags, ccred, scred);
	expect_drive("initial handshake", p, 0, 0);
}

static void begin(const char *name)
{
	scenario = name;
}

static void passed(void)
{
	printf("ok %s\n", scenario);
	fflush(stdout);
}

/* A client-initiated renegotiation starts: the client's handshake sends
 * one ClientHello record and waits; the server's recv reports it. */
static void client_starts(struct pair *p)
{
	unsigned char buf[64];
	int rc = hs_settle(&p->ce);
	expect_rc("client handshake on an established session", GNUTLS_E_AGAIN, rc);
	expect_rc("client direction while waiting for the server", 0, gnutls_record_get_direction(p->c));
	expect_records("client renegotiation ClientHello", &p->c2s, 1, 22);
	expect_rc("server record_recv with a ClientHello queued", GNUTLS_E_REHANDSHAKE,
		  recv_settle(&p->se, buf, sizeof buf));
}

/* A server-initiated one: HelloRequest, reported by the client's recv. */
static void server_starts(struct pair *p)
{
	unsigned char buf[64];
	rehandshake(&p->se);
	expect_rc("client record_recv after HelloRequest", GNUTLS_E_REHANDSHAKE, recv_settle(&p->ce, buf, sizeof buf));
}

/* ================= scenarios ================= */

/* §2.2, §3.1, §3.2: a server-initiated renegotiation. */
static void sc_server_initiated(void)
{
	struct pair p;
	struct exporter before;
	struct records r;
	unsigned char buf[64];
	int cipher;
	begin("server-initiated renegotiation");
	established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	expect_not_resumed(&p);
	expect_safe_status(&p, 1, 1);
	before = exporter(&p);
	both_ways(&p, 3000, 1);

	/* Records queued before the HelloRequest come first; one HelloRequest
	 * per call even when the first push is blocked. */
	send_all(&p.se, "before", 6);
	p.se.block_push = EAGAIN;
	expect_rc("rehandshake with a blocked push", GNUTLS_E_AGAIN, gnutls_rehandshake(p.s));
	expect_rc("direction after the blocked rehandshake", 1, gnutls_record_get_direction(p.s));
	rehandshake(&p.se);
	r = expect_records("data then HelloRequest", &p.s2c, 2, -1);
	expect_rc("first record type", 23, r.type[0]);
	expect_rc("HelloRequest record type", 22, r.type[1]);
	cipher = gnutls_cipher_get(p.s);
	if (cipher == GNUTLS_CIPHER_AES_128_GCM || cipher == GNUTLS_CIPHER_AES_256_GCM)
		expect_rc("HelloRequest record length under AES-GCM", 28, r.len[1]);
	expect_rc("client recv: data queued before the HelloRequest", 6, recv_settle(&p.ce, buf, sizeof buf));
	expect_true("the data before the HelloRequest", memcmp(buf, "before", 6) == 0);
	expect_rc("client recv: the HelloRequest", GNUTLS_E_REHANDSHAKE, recv_settle(&p.ce, buf, sizeof buf));
	expect_rc("client recv again (reported once)", GNUTLS_E_AGAIN, recv_settle(&p.ce, buf, sizeof buf));
	/* data after the HelloRequest, still under the old keys */
	send_all(&p.se, "after", 5);
	expect_rc("client recv: data after the HelloRequest", 5, recv_settle(&p.ce, buf, sizeof buf));
	expect_true("the data after the HelloRequest", memcmp(buf, "after", 5) == 0);
	expect_rc("client recv: nothing more", GNUTLS_E_AGAIN, recv_settle(&p.ce, buf, sizeof buf));

	/* The server stays usable meanwhile, and its handshake waits. */
	expect_rc("server handshake before the ClientHello", GNUTLS_E_AGAIN, hs_settle(&p.se));
	expect_rc("server writes nothing while waiting", 0, (long)p.s2c.len);

	expect_drive("renegotiation", &p, 0, 0);
	expect_not_resumed(&p);
	expect_safe_status(&p, 1, 1);
	expect_new_keys(&before, &p);
	both_ways(&p, 4000, 2);
	pair_free(&p);
	passed();
}

/* §3.1: two HelloRequests give two REHANDSHAKE; draining both first, the
 * renegotiation then succeeds. */
static void sc_two_hello_requests(void)
{
	struct pair p;
	unsigned char buf[64];
	struct exporter before;
	begin("two HelloRequests");
	established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	before = exporter(&p);
	rehandshake(&p.se);
	rehandshake(&p.se);
	expect_records("two HelloRequests", &p.s2c, 2, 22);
	expect_rc("client recv: first HelloRequest", GNUTLS_E_REHANDSHAKE, recv_settle(&p.ce, buf, sizeof buf));
	expect_rc("client recv: second HelloRequest", GNUTLS_E_REHANDSHAKE, recv_settle(&p.ce, buf, sizeof buf));
	expect_rc("client recv: nothing more", GNUTLS_E_AGAIN, recv_settle(&p.ce, buf, sizeof buf));
	expect_drive("renegotiation", &p, 0, 0);
	expect_new_keys(&before, &p);
	both_ways(&p, 1000, 3);
	pair_free(&p);
	passed();
}

/* §3.2 (server loop), §5: the server keeps reading after its
 * HelloRequest: earlier client data first, then REHANDSHAKE for the
 * ClientHello; data sent before the ClientHello travels under the old
 * keys. */
static void sc_server_loop(void)
{
	struct pair p;
	unsigned char buf[64];
	struct records r;
	struct exporter before;
	begin("server recv loop during renegotiation");
	established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	before = exporter(&p);
	rehandshake(&p.se);
	send_all(&p.ce, "early", 5);
	expect_rc("client recv: HelloRequest", GNUTLS_E_REHANDSHAKE, recv_settle(&p.ce, buf, sizeof buf));
	expect_rc("client handshake: ClientHello sent", GNUTLS_E_AGAIN, hs_settle(&p.ce));
	r = expect_records("client data then ClientHello", &p.c2s, 2, -1);
	expect_rc("first record type", 23, r.type[0]);
	expect_rc("second record type", 22, r.type[1]);
	expect_rc("server recv: the earlier data", 5, recv_settle(&p.se, buf, sizeof buf));
	expect_true("the earlier data", memcmp(buf, "early", 5) == 0);
	expect_rc("server recv: the ClientHello", GNUTLS_E_REHANDSHAKE, recv_settle(&p.se, buf, sizeof buf));
	expect_drive("renegotiation", &p, 0, 0);
	expect_not_resumed(&p);
	expect_new_keys(&before, &p);
	both_ways(&p, 2000, 4);
	pair_free(&p);
	passed();
}

/* §3.3: the client refuses with a warning no_renegotiation alert while the
 * server reads records. */
static void sc_client_refuses_recv(void)
{
	struct pair p;
	unsigned char buf[64];
	struct exporter before, after;
	begin("client refuses, server in record_recv");
	established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	before = exporter(&p);
	server_starts(&p);
	alert(&p.ce, GNUTLS_AL_WARNING, GNUTLS_A_NO_RENEGOTIATION);
	expect_records("the alert", &p.c2s, 1, 21);
	expect_rc("server recv: the refusal", GNUTLS_E_WARNING_ALERT_RECEIVED, recv_settle(&p.se, buf, sizeof buf));
	expect_rc("server alert_get", GNUTLS_A_NO_RENEGOTIATION, gnutls_alert_get(p.s));
	expect_true("alert name GNUTLS_A_NO_RENEGOTIATION",
		    strcmp(gnutls_alert_get_strname(gnutls_alert_get(p.s)), "GNUTLS_A_NO_RENEGOTIATION") == 0);
	both_ways(&p, 1500, 5);
	after = exporter(&p);
	expect_true("the old keys after a refusal", memcmp(before.v, after.v, sizeof after.v) == 0);
	pair_free(&p);
	passed();
}

/* §3.3: the refusal while the server waits in gnutls_handshake, sent with
 * gnutls_alert_send_appropriate; the handshake then waits again. */
static void sc_client_refuses_handshake(void)
{
	struct pair p;
	unsigned char buf[64];
	begin("client refuses, server in handshake");
	established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	rehandshake(&p.se);
	expect_rc("server handshake waits for a ClientHello", GNUTLS_E_AGAIN, hs_settle(&p.se));
	expect_rc("client recv: HelloRequest", GNUTLS_E_REHANDSHAKE, recv_settle(&p.ce, buf, sizeof buf));
	{
		int rc;
		do
			rc = gnutls_alert_send_appropriate(p.c, GNUTLS_E_REHANDSHAKE);
		while (again(rc));
		expect_rc("alert_send_appropriate(REHANDSHAKE)", 0, rc);
	}
	expect_records("the alert", &p.c2s, 1, 21);
	expect_rc("server handshake: the refusal", GNUTLS_E_WARNING_ALERT_RECEIVED, hs_settle(&p.se));
	expect_rc("server alert_get", GNUTLS_A_NO_RENEGOTIATION, gnutls_alert_get(p.s));
	both_ways(&p, 1500, 6);
	expect_rc("server handshake after the refusal waits", GNUTLS_E_AGAIN, hs_settle(&p.se));
	expect_rc("server writes nothing", 0, (long)p.s2c.len);
	pair_free(&p);
	passed();
}

/* §3.4: the client ignores the HelloRequest and keeps sending; a server in
 * gnutls_handshake gets GOT_APPLICATION_DATA, reads the data and waits
 * again; a later compliance completes the renegotiation. */
static void sc_client_ignores(void)
{
	struct pair p;
	unsigned char data[100], buf[128];
	struct exporter before;
	begin("client ignores the HelloRequest");
	established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	before = exporter(&p);
	server_starts(&p);
	fill(data, sizeof data, 7);
	transfer(&p.ce, &p.se, 100, 8);
	expect_rc("server handshake waits", GNUTLS_E_AGAIN, hs_settle(&p.se));
	send_all(&p.ce, data, 50);
	expect_rc("server handshake with data arriving", GNUTLS_E_GOT_APPLICATION_DATA, hs_settle(&p.se));
	expect_rc("server check_pending", 50, (long)gnutls_record_check_pending(p.s));
	expect_rc("server recv of the buffered data", 50, recv_settle(&p.se, buf, sizeof buf));
	expect_true("the buffered data", memcmp(buf, data, 50) == 0);
	expect_rc("server check_pending after reading", 0, (long)gnutls_record_check_pending(p.s));
	expect_rc("server handshake again", GNUTLS_E_AGAIN, hs_settle(&p.se));
	/* a second round of the same */
	send_all(&p.ce, data + 50, 50);
	expect_rc("server handshake with more data", GNUTLS_E_GOT_APPLICATION_DATA, hs_settle(&p.se));
	expect_rc("server recv of the second data", 50, recv_settle(&p.se, buf, sizeof buf));
	expect_true("the second data", memcmp(buf, data + 50, 50) == 0);
	expect_rc("server recv: nothing duplicated", GNUTLS_E_AGAIN, recv_settle(&p.se, buf, sizeof buf));
	/* the client complies after all */
	expect_drive("late renegotiation", &p, 0, 0);
	expect_not_resumed(&p);
	expect_new_keys(&before, &p);
	both_ways(&p, 2000, 9);
	pair_free(&p);
	passed();
}

/* §3.5: GNUTLS_AUTO_REAUTH on the client: record_recv renegotiates by
 * itself. */
static void sc_auto_reauth(void)
{
	struct pair p;
	unsigned char buf[64];
	struct exporter before;
	int rs = GNUTLS_E_AGAIN;
	begin("client with GNUTLS_AUTO_REAUTH");
	established(&p, P12, P12, GNUTLS_AUTO_REAUTH, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	before = exporter(&p);
	rehandshake(&p.se);
	for (int round = 0; round < 100; round++) {
		size_t moved = p.ce.moved + p.se.moved;
		ssize_t rc = recv_settle(&p.ce, buf, sizeof buf);
		expect_rc("client recv while renegotiating", GNUTLS_E_AGAIN, rc);
		if (again(rs))
			rs = hs_settle(&p.se);
		if (p.ce.moved + p.se.moved == moved)
			break;
	}
	expect_rc("server handshake", 0, rs);
	expect_not_resumed(&p);
	expect_new_keys(&before, &p);
	both_ways(&p, 2000, 10);
	pair_free(&p);
	passed();
}

/* §4.1, §4.2, §4.5: client-initiated renegotiation accepted. */
static void sc_client_initiated(void)
{
	struct pair p;
	struct exporter before;
	begin("client-initiated renegotiation");
	established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	before = exporter(&p);
	expect_rc("client rehandshake", GNUTLS_E_INVALID_REQUEST, gnutls_rehandshake(p.c));
	expect_rc("client rehandshake writes nothing", 0, (long)p.c2s.len);
	both_ways(&p, 500, 11);
	client_starts(&p);
	expect_drive("renegotiation", &p, 0, 0);
	expect_not_resumed(&p);
	expect_safe_status(&p, 1, 1);
	before = (expect_new_keys(&before, &p), exporter(&p));
	both_ways(&p, 2500, 12);
	/* §4.5: a server handshake first just waits for the ClientHello */
	expect_rc("server handshake on an established session", GNUTLS_E_AGAIN, hs_settle(&p.se));
	expect_rc("server writes nothing", 0, (long)p.s2c.len);
	expect_drive("second renegotiation", &p, 0, 0);
	expect_new_keys(&before, &p);
	both_ways(&p, 700, 13);
	pair_free(&p);
	passed();
}

/* §4.3: the server refuses a client-initiated renegotiation. */
static void sc_server_refuses(void)
{
	struct pair p;
	unsigned char data[300], buf[400];
	size_t got = 0;
	int unexpected = 0;
	begin("server refuses a client-initiated renegotiation");
	established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	client_starts(&p);
	alert(&p.se, GNUTLS_AL_WARNING, GNUTLS_A_NO_RENEGOTIATION);
	expect_records("the alert", &p.s2c, 1, 21);
	expect_rc("client handshake: the refusal", GNUTLS_E_WARNING_ALERT_RECEIVED, hs_settle(&p.ce));
	expect_rc("client alert_get", GNUTLS_A_NO_RENEGOTIATION, gnutls_alert_get(p.c));
	transfer(&p.se, &p.ce, 1200, 14);
	/* client to server: the server may first report the stale ClientHello
	 * once (not asserted either way); the data must arrive intact */
	fill(data, sizeof data, 15);
	send_all(&p.ce, data, sizeof data);
	while (got < sizeof data) {
		ssize_t rc = recv_settle(&p.se, buf + got, sizeof buf - got);
		if (rc == GNUTLS_E_UNEXPECTED_PACKET && !unexpected && got == 0) {
			unexpected = 1;
			continue;
		}
		if (rc <= 0)
			fail("server recv after the refusal: expected data got %s", code_name(rc));
		got += (size_t)rc;
	}
	expect_rc("server received bytes", (long)sizeof data, (long)got);
	expect_true("the client data after the refusal", memcmp(buf, data, sizeof data) == 0);
	transfer(&p.ce, &p.se, 800, 16);
	pair_free(&p);
	passed();
}

/* §4.4, §5: data from the server while the renegotiating client waits for
 * the ServerHello gives GOT_APPLICATION_DATA and the data is readable.
 * (Continuing that handshake is not asserted.) */
static void sc_client_gets_data(void)
{
	struct pair p;
	unsigned char data[40], buf[64];
	begin("client gets data while waiting for the ServerHello");
	established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	expect_rc("client handshake", GNUTLS_E_AGAIN, hs_settle(&p.ce));
	fill(data, sizeof data, 17);
	send_all(&p.se, data, sizeof data);
	expect_rc("client handshake with data arriving", GNUTLS_E_GOT_APPLICATION_DATA, hs_settle(&p.ce));
	expect_rc("client check_pending", (long)sizeof data, (long)gnutls_record_check_pending(p.c));
	expect_rc("client recv", (long)sizeof data, recv_settle(&p.ce, buf, sizeof buf));
	expect_true("the data", memcmp(buf, data, sizeof data) == 0);
	pair_free(&p);
	passed();
}

/* ---- §6 RFC 5746 ---- */

enum { M_NONE, M_SAFE, M_PARTIAL, M_UNSAFE, M_DISABLE, NMODES };
static const char *const mode_kw[NMODES] = {"", ":%SAFE_RENEGOTIATION", ":%PARTIAL_RENEGOTIATION",
					    ":%UNSAFE_RENEGOTIATION", ":%DISABLE_SAFE_RENEGOTIATION"};
static const char *const mode_name[NMODES] = {"default", "SAFE", "PARTIAL", "UNSAFE", "DISABLE"};

/* After UNSAFE_RENEGOTIATION_DENIED on DENIER (peer stalled): the denier
 * is invalidated; its alert reaches the waiting peer as no_renegotiation,
 * and the peer stays live. */
static void denied_aftermath(struct end *denier, struct end *peer, int rc, int alerted)
{
	int r;
	expect_rc("denier record_send", GNUTLS_E_INVALID_SESSION, gnutls_record_send(denier->session, "x", 1));
	if (!alerted) {
		do
			r = gnutls_alert_send_appropriate(denier->session, rc);
		while (again(r));
		expect_rc("denier alert_send_appropriate", 0, r);
		expect_records("the denier's alert", denier->out, 1, 21);
		expect_rc("peer handshake sees the alert", GNUTLS_E_WARNING_ALERT_RECEIVED, hs_settle(peer));
		expect_rc("peer alert_get", GNUTLS_A_NO_RENEGOTIATION, gnutls_alert_get(peer->session));
	}
	send_all(peer, "still alive", 11);
}

static void sc_rfc5746_matrix(void)
{
	static char name[128];
	char cp[128], sp[128];
	int lvl;
	begin("RFC 5746 error_to_alert");
	expect_rc("error_to_alert(UNSAFE_RENEGOTIATION_DENIED)", GNUTLS_A_NO_RENEGOTIATION,
		  gnutls_error_to_alert(GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED, &lvl));
	expect_rc("its level", GNUTLS_AL_WARNING, lvl);
	expect_rc("error_to_alert(SAFE_RENEGOTIATION_FAILED)", GNUTLS_A_HANDSHAKE_FAILURE,
		  gnutls_error_to_alert(GNUTLS_E_SAFE_RENEGOTIATION_FAILED, &lvl));
	expect_rc("its level", GNUTLS_AL_FATAL, lvl);
	expect_rc("error_to_alert(REHANDSHAKE)", GNUTLS_A_NO_RENEGOTIATION,
		  gnutls_error_to_alert(GNUTLS_E_REHANDSHAKE, &lvl));
	expect_rc("its level", GNUTLS_AL_WARNING, lvl);
	passed();

	for (int cm = 0; cm < NMODES; cm++)
		for (int sm = 0; sm < NMODES; sm++) {
			int both = cm != M_DISABLE && sm != M_DISABLE;
			int init_c = 0, init_s = 0;  /* initial handshake results */
			int ren_c = 0, ren_s = 0;    /* renegotiation results */
			snprintf(name, sizeof name, "RFC 5746 client %s, server %s", mode_name[cm], mode_name[sm]);
			begin(name);
			snprintf(cp, sizeof cp, P12 "%s", mode_kw[cm]);
			snprintf(sp, sizeof sp, P12 "%s", mode_kw[sm]);
			if (sm == M_DISABLE && cm == M_SAFE) {
				init_c = GNUTLS_E_SAFE_RENEGOTIATION_FAILED;
				init_s = GNUTLS_E_AGAIN;
			} else if (sm == M_DISABLE && (cm == M_NONE || cm == M_PARTIAL)) {
				ren_c = GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED;
				ren_s = GNUTLS_E_AGAIN;
			} else if (cm == M_DISABLE && sm == M_SAFE) {
				init_c = GNUTLS_E_AGAIN;
				init_s = GNUTLS_E_SAFE_RENEGOTIATION_FAILED;
			} else if (cm == M_DISABLE && (sm == M_NONE || sm == M_PARTIAL)) {
				ren_c = GNUTLS_E_AGAIN;
				ren_s = GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED;
			}
			for (int who = 0; who < 2; who++) { /* 0: server-initiated, 1: client-initiated */
				struct pair p;
				unsigned char buf[64];
				int alerted;
				pair_init(&p, cp, sp, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
				expect_safe_status(&p, 0, 0);
				expect_drive("initial handshake", &p, init_c, init_s);
				expect_rc("RI in the initial ClientHello (-1: absent)", cm == M_DISABLE ? -1 : 1,
					  p.se.ri_len);
				if (init_c != 0 || init_s != 0) {
					pair_free(&p);
					break;
				}
				expect_rc("RI in the initial ServerHello (-1: absent)", both ? 1 : -1, p.ce.ri_len);
				if (both)
					expect_rc("initial RI data", 0, p.se.ri_first | p.ce.ri_first);
				expect_safe_status(&p, both, both);
				both_ways(&p, 300, 20);
				if (who == 0) {
					rehandshake(&p.se);
					expect_rc("client recv: HelloRequest", GNUTLS_E_REHANDSHAKE,
						  recv_settle(&p.ce, buf, sizeof buf));
				} else {
					expect_rc("client-initiated handshake", GNUTLS_E_AGAIN, hs_settle(&p.ce));
					expect_rc("server recv: ClientHello", GNUTLS_E_REHANDSHAKE,
						  recv_settle(&p.se, buf, sizeof buf));
				}
				p.se.ri_len = p.ce.ri_len = -2;
				alerted = expect_drive(who ? "client-initiated renegotiation"
							   : "server-initiated renegotiation",
						       &p, ren_c, ren_s);
				if (ren_c == 0 && ren_s == 0) {
					expect_rc("RI in the renegotiation ClientHello", cm == M_DISABLE ? -1 : 13,
						  p.se.ri_len);
					expect_rc("RI in the renegotiation ServerHello", both ? 25 : -1, p.ce.ri_len);
					if (both) {
						expect_rc("ClientHello RI length byte", 12, p.se.ri_first);
						expect_rc("ServerHello RI length byte", 24, p.ce.ri_first);
					}
					expect_safe_status(&p, both, both);
					expect_not_resumed(&p);
					expect_rc("ClientHellos with the SCSV", 0, p.se.scsv);
					both_ways(&p, 300, 21);
				} else if (ren_c == GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED) {
					denied_aftermath(&p.ce, &p.se, ren_c, alerted);
				} else {
					denied_aftermath(&p.se, &p.ce, ren_s, alerted);
				}
				pair_free(&p);
			}
			passed();
		}
}

/* §6.4: a priority change between handshakes that drops RI. */
static void sc_rfc5746_dropped(void)
{
	for (int side = 0; side < 2; side++) {
		struct pair p;
		begin(side == 0 ? "RFC 5746 client stops sending RI" : "RFC 5746 server stops echoing RI");
		established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
		set_prio(side == 0 ? p.c : p.s, P12 ":%DISABLE_SAFE_RENEGOTIATION");
		client_starts(&p);
		if (side == 0)
			expect_drive("renegotiation", &p, GNUTLS_E_AGAIN, GNUTLS_E_SAFE_RENEGOTIATION_FAILED);
		else
			expect_drive("renegotiation", &p, GNUTLS_E_SAFE_RENEGOTIATION_FAILED, GNUTLS_E_AGAIN);
		pair_free(&p);
		passed();
	}
}

/* ---- §7 ---- */

static int peer_is(gnutls_session_t s, int cred)
{
	unsigned n = 0;
	const gnutls_datum_t *c = gnutls_certificate_get_peers(s, &n);
	if (cred < 0)
		return n == 0;
	return n >= 1 && c[0].size == cert_der[cred].size && memcmp(c[0].data, cert_der[cred].data, c[0].size) == 0;
}

/* §7.1: a client certificate may be added in a renegotiation and omitted
 * later; a different one is refused. */
static void sc_client_cert(unsigned sflags)
{
	struct pair p;
	unsigned status = 99;
	begin(sflags ? "client certificate changes with GNUTLS_ALLOW_ID_CHANGE"
		     : "client certificate added on renegotiation");
	established(&p, P12, P12, 0, sflags, CRED_CLIENT_CERT, CRED_SERVER_RSA);
	expect_true("no client certificate initially", peer_is(p.s, -1));
	expect_rc("client request status initially", 0, gnutls_certificate_client_get_request_status(p.c));
	gnutls_certificate_server_set_request(p.s, GNUTLS_CERT_REQUIRE);
	server_starts(&p);
	expect_drive("renegotiation with a certificate request", &p, 0, 0);
	expect_true("the server to see the client certificate", peer_is(p.s, CRED_CLIENT_CERT));
	expect_rc("client request status", 1, gnutls_certificate_client_get_request_status(p.c));
	expect_rc("server verify_peers2", 0, gnutls_certificate_verify_peers2(p.s, &status));
	expect_rc("verification status", 0, status);
	both_ways(&p, 1000, 30);
	/* omitted later */
	gnutls_certificate_server_set_request(p.s, GNUTLS_CERT_REQUEST);
	gnutls_credentials_set(p.c, GNUTLS_CRD_CERTIFICATE, creds[CRED_CLIENT_NONE]);
	client_starts(&p);
	expect_drive("renegotiation without a client certificate", &p, 0, 0);
	/* (what get_peers reports then is not asserted: 3.7.9 keeps showing
	 * the earlier certificate) */
	expect_true("the client to present no certificate", gnutls_certificate_get_ours(p.c) == NULL);
	both_ways(&p, 1000, 31);
	/* a different one */
	gnutls_credentials_set(p.c, GNUTLS_CRD_CERTIFICATE, creds[CRED_CLIENT_OTHER]);
	client_starts(&p);
	if (sflags & GNUTLS_ALLOW_ID_CHANGE) {
		expect_drive("renegotiation with another client certificate", &p, 0, 0);
		expect_true("the server to see the new client certificate", peer_is(p.s, CRED_CLIENT_OTHER));
		both_ways(&p, 1000, 32);
	} else {
		int rc_c, rc_s;
		drive(&p, &rc_c, &rc_s);
		expect_rc("server handshake with another client certificate", GNUTLS_E_SESSION_USER_ID_CHANGED, rc_s);
	}
	pair_free(&p);
	passed();
}

/* §7.1, §7.2: the server presents another certificate. */
static void sc_server_cert(unsigned cflags)
{
	struct pair p;
	begin(cflags ? "server certificate changes with GNUTLS_ALLOW_ID_CHANGE" : "server certificate changes");
	established(&p, P12, P12, cflags, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	expect_true("the client to see the RSA certificate", peer_is(p.c, CRED_SERVER_RSA));
	gnutls_credentials_set(p.s, GNUTLS_CRD_CERTIFICATE, creds[CRED_SERVER_P256]);
	server_starts(&p);
	if (cflags & GNUTLS_ALLOW_ID_CHANGE) {
		expect_drive("renegotiation", &p, 0, 0);
		expect_true("the client to see the ECDSA certificate", peer_is(p.c, CRED_SERVER_P256));
		both_ways(&p, 1000, 33);
	} else {
		expect_drive("renegotiation", &p, GNUTLS_E_SESSION_USER_ID_CHANGED, GNUTLS_E_AGAIN);
	}
	pair_free(&p);
	passed();
}

/* §7.4: the cipher suite changes with the priorities. */
static void sc_cipher_change(void)
{
	struct pair p;
	struct exporter before;
	begin("cipher suite change across renegotiation");
	established(&p, P12 ":-CIPHER-ALL:+AES-128-GCM", P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	expect_rc("initial client cipher", GNUTLS_CIPHER_AES_128_GCM, gnutls_cipher_get(p.c));
	before = exporter(&p);
	set_prio(p.c, P12 ":-CIPHER-ALL:+CHACHA20-POLY1305");
	server_starts(&p);
	expect_drive("renegotiation to ChaCha20", &p, 0, 0);
	expect_rc("client cipher", GNUTLS_CIPHER_CHACHA20_POLY1305, gnutls_cipher_get(p.c));
	expect_rc("server cipher", GNUTLS_CIPHER_CHACHA20_POLY1305, gnutls_cipher_get(p.s));
	before = (expect_new_keys(&before, &p), exporter(&p));
	both_ways(&p, 3000, 34);
	set_prio(p.c, P12 ":-CIPHER-ALL:+AES-256-GCM");
	client_starts(&p);
	expect_drive("renegotiation to AES-256-GCM", &p, 0, 0);
	expect_rc("client cipher", GNUTLS_CIPHER_AES_256_GCM, gnutls_cipher_get(p.c));
	expect_rc("server cipher", GNUTLS_CIPHER_AES_256_GCM, gnutls_cipher_get(p.s));
	expect_new_keys(&before, &p);
	both_ways(&p, 3000, 35);
	pair_free(&p);
	passed();
}

/* §7.3: extended master secret turned on in a renegotiation. */
static void sc_ems_on(void)
{
	struct pair p;
	begin("extended master secret enabled on renegotiation");
	established(&p, P12 ":%NO_SESSION_HASH", P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	expect_rc("client EMS status", 0, gnutls_session_ext_master_secret_status(p.c));
	expect_rc("server EMS status", 0, gnutls_session_ext_master_secret_status(p.s));
	set_prio(p.c, P12);
	server_starts(&p);
	expect_drive("renegotiation", &p, 0, 0);
	expect_rc("client EMS status", 1, gnutls_session_ext_master_secret_status(p.c));
	expect_rc("server EMS status", 1, gnutls_session_ext_master_secret_status(p.s));
	both_ways(&p, 1000, 36);
	pair_free(&p);
	passed();
}

/* §7.3: extended master secret turned off on renegotiation, by either
 * side: the renegotiation fails on both sides and no data flows (the real
 * GnuTLS fails with mismatched keys, GNUTLS_E_DECRYPTION_FAILED on the
 * server and a stalled client; tlshim refuses at the hello with
 * insufficient_security, which tests/handshake/interleave checks). */
static void sc_ems_off(void)
{
	struct pair p;
	int rc_c, rc_s, side;
	begin("extended master secret dropped on renegotiation");
	for (side = 0; side < 2; side++) {
		established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
		expect_rc("client EMS status", 1, gnutls_session_ext_master_secret_status(p.c));
		set_prio(side == 0 ? p.c : p.s, P12 ":%NO_SESSION_HASH");
		server_starts(&p);
		drive(&p, &rc_c, &rc_s);
		expect_true(side == 0 ? "client drops EMS: the server fails" : "server drops EMS: the server fails",
			    rc_s < 0 && rc_s != GNUTLS_E_AGAIN);
		expect_true(side == 0 ? "client drops EMS: the client does not complete"
				      : "server drops EMS: the client does not complete",
			    rc_c != 0);
		pair_free(&p);
	}
	passed();
}

/* §7.4: a TLS 1.3-capable client renegotiating with a TLS 1.2 server. */
static void sc_tls13_client_tls12_server(void)
{
	struct pair p;
	begin("TLS 1.3-capable client, TLS 1.2 server");
	established(&p, "NORMAL", P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	expect_rc("version", GNUTLS_TLS1_2, gnutls_protocol_get_version(p.c));
	server_starts(&p);
	expect_drive("renegotiation", &p, 0, 0);
	expect_rc("client version", GNUTLS_TLS1_2, gnutls_protocol_get_version(p.c));
	expect_rc("server version", GNUTLS_TLS1_2, gnutls_protocol_get_version(p.s));
	both_ways(&p, 1000, 37);
	client_starts(&p);
	expect_drive("client-initiated renegotiation", &p, 0, 0);
	both_ways(&p, 1000, 38);
	pair_free(&p);
	passed();
}

/* §7.5: session tickets: a renegotiation issues new session data. */
static void sc_tickets(void)
{
	struct pair p;
	gnutls_datum_t key, d1 = {NULL, 0}, d2 = {NULL, 0};
	begin("session ticket renewed by renegotiation");
	if (gnutls_session_ticket_key_generate(&key) < 0)
		fail("ticket key");
	pair_init(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	expect_rc("enable tickets", 0, gnutls_session_ticket_enable_server(p.s, &key));
	expect_drive("initial handshake", &p, 0, 0);
	expect_rc("get_data2", 0, gnutls_session_get_data2(p.c, &d1));
	server_starts(&p);
	expect_drive("renegotiation", &p, 0, 0);
	expect_not_resumed(&p);
	expect_rc("get_data2", 0, gnutls_session_get_data2(p.c, &d2));
	expect_true("new session data", d1.size != d2.size || memcmp(d1.data, d2.data, d1.size) != 0);
	both_ways(&p, 1000, 39);
	gnutls_free(d1.data);
	gnutls_free(d2.data);
	gnutls_free(key.data);
	pair_free(&p);
	passed();
}

/* ---- §8 ---- */

/* §8.4: a renegotiation that never starts, bounded by a handshake
 * timeout; the timed-out session is invalid afterwards. */
static void sc_timeout(void)
{
	struct pair p;
	double t0, dt;
	int rc;
	begin("handshake timeout on a renegotiation");
	established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	gnutls_transport_set_pull_timeout_function(p.s, do_pull_timeout);
	rehandshake(&p.se);
	gnutls_handshake_set_timeout(p.s, 300);
	t0 = now_ms();
	do
		rc = gnutls_handshake(p.s);
	while (again(rc) && now_ms() - t0 < 3000);
	dt = now_ms() - t0;
	expect_rc("server handshake against a silent client", GNUTLS_E_TIMEDOUT, rc);
	if (dt < 250 || dt > 2000)
		fail("timeout: expected about 300 ms got %.0f ms", dt);
	expect_rc("server send after the timeout", GNUTLS_E_INVALID_SESSION, gnutls_record_send(p.s, "x", 1));
	pair_free(&p);
	passed();
}

/* §8.1-8.3, 8.5, 8.6: the record layer around the handshakes. */
static void sc_record_layer(void)
{
	struct pair p;
	unsigned char big[20000], buf[2000];
	ssize_t rc;
	double t0;
	begin("record layer semantics");
	pair_init(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	expect_rc("send before the handshake", GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE, gnutls_record_send(p.c, "x", 1));
	expect_rc("recv before the handshake", GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE,
		  gnutls_record_recv(p.s, buf, sizeof buf));
	p.ce.block_push = EINTR;
	expect_rc("handshake with an interrupted push", GNUTLS_E_INTERRUPTED, gnutls_handshake(p.c));
	expect_rc("direction after the interrupted push", 1, gnutls_record_get_direction(p.c));
	expect_drive("handshake", &p, 0, 0);
	expect_rc("direction after a blocked read", 0,
		  (gnutls_record_recv(p.s, buf, sizeof buf), gnutls_record_get_direction(p.s)));

	expect_rc("send(NULL, 0) with nothing queued", GNUTLS_E_INVALID_REQUEST, gnutls_record_send(p.c, NULL, 0));
	expect_rc("send(buf, 0)", GNUTLS_E_INVALID_REQUEST, gnutls_record_send(p.c, "x", 0));
	expect_rc("nothing written", 0, (long)p.c2s.len);
	expect_rc("recv(buf, 0)", GNUTLS_E_INVALID_REQUEST, gnutls_record_recv(p.s, buf, 0));

	/* a blocked send is finished by send(NULL, 0), with the original count */
	fill(big, sizeof big, 40);
	p.ce.block_push = EAGAIN;
	expect_rc("blocked send", GNUTLS_E_AGAIN, gnutls_record_send(p.c, big, 50));
	expect_rc("direction after the blocked send", 1, gnutls_record_get_direction(p.c));
	do
		rc = gnutls_record_send(p.c, NULL, 0);
	while (again(rc));
	expect_rc("send(NULL, 0) finishing it", 50, rc);
	expect_records("one record", &p.c2s, 1, 23);
	recv_exact(&p.se, buf, 50);
	expect_true("the flushed data", memcmp(buf, big, 50) == 0);

	/* one record per call */
	do
		rc = gnutls_record_send(p.c, big, sizeof big);
	while (again(rc));
	expect_rc("send(20000)", 16384, rc);
	recv_exact(&p.se, buf, 1); /* (a partial read of a big record) */
	send_all(&p.ce, big, 30);
	send_all(&p.ce, big, 40);
	{
		size_t left = 16383;
		while (left > 0) {
			rc = recv_settle(&p.se, buf, left < sizeof buf ? left : sizeof buf);
			if (rc <= 0)
				fail("recv of the big record: expected data got %s", code_name(rc));
			left -= (size_t)rc;
		}
	}
	expect_rc("recv(1000) of a 30-byte record", 30, recv_settle(&p.se, buf, 1000));
	expect_rc("recv(1000) of a 40-byte record", 40, recv_settle(&p.se, buf, 1000));
	send_all(&p.ce, big, 100);
	expect_rc("check_pending with ciphertext only", 0, (long)gnutls_record_check_pending(p.s));
	expect_rc("recv(10) of a 100-byte record", 10, recv_settle(&p.se, buf, 10));
	expect_rc("check_pending after a partial read", 90, (long)gnutls_record_check_pending(p.s));
	expect_rc("recv of the rest", 90, recv_settle(&p.se, buf, 1000));
	expect_true("the rest", memcmp(buf, big + 10, 90) == 0);

	/* a record timeout does not invalidate the session */
	gnutls_transport_set_pull_timeout_function(p.s, do_pull_timeout);
	gnutls_record_set_timeout(p.s, 100);
	t0 = now_ms();
	do
		rc = gnutls_record_recv(p.s, buf, sizeof buf);
	while (again(rc) && now_ms() - t0 < 3000);
	expect_rc("recv with a record timeout", GNUTLS_E_TIMEDOUT, rc);
	send_all(&p.ce, "later", 5);
	expect_rc("recv after the timeout", 5, recv_settle(&p.se, buf, sizeof buf));
	gnutls_record_set_timeout(p.s, 0);

	/* close_notify: data first, then 0 for good; half-close */
	send_all(&p.ce, "last", 4);
	{
		int r;
		do
			r = gnutls_bye(p.c, GNUTLS_SHUT_WR);
		while (again(r));
		expect_rc("client bye(SHUT_WR)", 0, r);
	}
	{
		struct records r = expect_records("data and close_notify", &p.c2s, 2, -1);
		expect_rc("close_notify record type", 21, r.type[1]);
	}
	expect_rc("client send after bye", GNUTLS_E_INVALID_SESSION, gnutls_record_send(p.c, "x", 1));
	expect_rc("server recv: data before close_notify", 4, recv_settle(&p.se, buf, sizeof buf));
	expect_rc("server recv: close_notify", 0, recv_settle(&p.se, buf, sizeof buf));
	expect_rc("server recv: still 0", 0, recv_settle(&p.se, buf, sizeof buf));
	transfer(&p.se, &p.ce, 700, 41);
	{
		int r;
		do
			r = gnutls_bye(p.s, GNUTLS_SHUT_RDWR);
		while (again(r));
		expect_rc("server bye(SHUT_RDWR) after close_notify", 0, r);
	}
	pair_free(&p);

	/* EOF without close_notify */
	established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	p.se.in_closed = 1;
	expect_rc("recv at EOF", GNUTLS_E_PREMATURE_TERMINATION, recv_settle(&p.se, buf, sizeof buf));
	expect_rc("recv after it", GNUTLS_E_INVALID_SESSION, recv_settle(&p.se, buf, sizeof buf));
	pair_free(&p);
	passed();
}

/* ---- TLS 1.3: §2.3, §9.2 ---- */

static void sc_tls13(void)
{
	struct pair p;
	unsigned char buf[64];
	struct records r;
	begin("TLS 1.3 rehandshake is a key update");
	established(&p, P13, P13, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_RSA);
	expect_rc("version", GNUTLS_TLS1_3, gnutls_protocol_get_version(p.s));
	/* let the client take the tickets and anything else pending */
	expect_rc("client recv before", GNUTLS_E_AGAIN, recv_settle(&p.ce, buf, sizeof buf));
	both_ways(&p, 1000, 50);
	expect_rc("client rehandshake", GNUTLS_E_INVALID_REQUEST, gnutls_rehandshake(p.c));
	expect_rc("client rehandshake writes nothing", 0, (long)p.c2s.len);
	rehandshake(&p.se);
	r = expect_records("the KeyUpdate", &p.s2c, 1, 23);
	expect_rc("KeyUpdate record length", 22, r.len[0]);
	expect_rc("client recv: the KeyUpdate", GNUTLS_E_AGAIN, recv_settle(&p.ce, buf, sizeof buf));
	expect_rc("KeyUpdates seen by the client", 1, p.ce.key_updates);
	expect_rc("KeyUpdate request_update", 1, p.ce.key_update);
	expect_rc("server handshake on an established session", 0, hs_settle(&p.se));
	expect_rc("server handshake writes nothing", 0, (long)p.s2c.len);
	transfer(&p.se, &p.ce, 1500, 51);
	transfer(&p.ce, &p.se, 1500, 52);
	expect_rc("KeyUpdates seen by the server (the deferred answer)", 1, p.se.key_updates);
	expect_rc("answer request_update", 0, p.se.key_update);
	/* several in a row: the client never reports REHANDSHAKE */
	for (int i = 0; i < 3; i++) {
		rehandshake(&p.se);
		expect_rc("client recv: KeyUpdate", GNUTLS_E_AGAIN, recv_settle(&p.ce, buf, sizeof buf));
		both_ways(&p, 200, 53 + i);
	}
	expect_rc("KeyUpdates seen by the client", 4, p.ce.key_updates);
	pair_free(&p);
	passed();
}

/* ---- stress ---- */

static void sc_stress(void)
{
	struct pair p;
	struct exporter prev;
	unsigned char buf[64];
	size_t len = hostile ? 1024 : 4096;
	begin("100 renegotiations back to back");
	established(&p, P12, P12, 0, 0, CRED_CLIENT_NONE, CRED_SERVER_P256);
	prev = exporter(&p);
	for (unsigned i = 0; i < 100; i++) {
		transfer(&p.ce, &p.se, len + i, 100 + i);
		transfer(&p.se, &p.ce, len + 2 * i, 300 + i);
		if (i & 1) {
			int rc = hs_settle(&p.ce);
			if (rc != GNUTLS_E_AGAIN)
				fail("renegotiation %u: client handshake: expected %s got %s", i,
				     code_name(GNUTLS_E_AGAIN), code_name(rc));
			rc = (int)recv_settle(&p.se, buf, sizeof buf);
			if (rc != GNUTLS_E_REHANDSHAKE)
				fail("renegotiation %u: server recv: expected %s got %s", i,
				     code_name(GNUTLS_E_REHANDSHAKE), code_name(rc));
		} else {
			int rc;
			rehandshake(&p.se);
			rc = (int)recv_settle(&p.ce, buf, sizeof buf);
			if (rc != GNUTLS_E_REHANDSHAKE)
				fail("renegotiation %u: client recv: expected %s got %s", i,
				     code_name(GNUTLS_E_REHANDSHAKE), code_name(rc));
		}
		{
			int rc_c, rc_s;
			struct exporter now;
			drive(&p, &rc_c, &rc_s);
			if (rc_c != 0 || rc_s != 0)
				fail("renegotiation %u: expected 0/0 got %s/%s", i, code_name(rc_c), code_name(rc_s));
			expect_not_resumed(&p);
			now = exporter(&p);
			if (memcmp(now.v, prev.v, sizeof now.v) == 0)
				fail("renegotiation %u: expected new keys got the old ones", i);
			prev = now;
		}
	}
	both_ways(&p, len, 999);
	pair_free(&p);
	passed();
}

static void sc_client_cert_fixed(void)
{
	sc_client_cert(0);
}

static void sc_client_cert_change(void)
{
	sc_client_cert(GNUTLS_ALLOW_ID_CHANGE);
}

static void sc_server_cert_fixed(void)
{
	sc_server_cert(0);
}

static void sc_server_cert_change(void)
{
	sc_server_cert(GNUTLS_ALLOW_ID_CHANGE);
}

static const struct {
	const char *label;
	void (*fn)(void);
} all[] = {
	{"server-initiated", sc_server_initiated},
	{"two-hello-requests", sc_two_hello_requests},
	{"server-loop", sc_server_loop},
	{"client-refuses-recv", sc_client_refuses_recv},
	{"client-refuses-handshake", sc_client_refuses_handshake},
	{"client-ignores", sc_client_ignores},
	{"auto-reauth", sc_auto_reauth},
	{"client-initiated", sc_client_initiated},
	{"server-refuses", sc_server_refuses},
	{"client-gets-data", sc_client_gets_data},
	{"rfc5746-matrix", sc_rfc5746_matrix},
	{"rfc5746-dropped", sc_rfc5746_dropped},
	{"client-cert", sc_client_cert_fixed},
	{"client-cert-id-change", sc_client_cert_change},
	{"server-cert", sc_server_cert_fixed},
	{"server-cert-id-change", sc_server_cert_change},
	{"cipher-change", sc_cipher_change},
	{"ems-on", sc_ems_on},
	{"ems-off", sc_ems_off},
	{"tls13-client-tls12-server", sc_tls13_client_tls12_server},
	{"tickets", sc_tickets},
	{"timeout", sc_timeout},
	{"record-layer", sc_record_layer},
	{"tls13-rehandshake", sc_tls13},
	{"stress", sc_stress},
};

/* Each scenario runs in a child process, so that one failure (or crash,
 * or hang: 60 s at most) does not hide the results of the others. */
static int run_one(const char *label, void (*fn)(void))
{
	pid_t pid;
	int status;
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		alarm(60);
		fn();
		free_creds();
		gnutls_global_deinit();
		fflush(stdout);
		exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		fail("waitpid");
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFSIGNALED(status))
		printf("FAIL %s [%s]: expected the scenario to finish got signal %d%s\n", label,
		       hostile ? "hostile" : "plain", WTERMSIG(status),
		       WTERMSIG(status) == SIGALRM ? " (no end within 60 s)" : "");
	else if (WEXITSTATUS(status) != 1)
		printf("FAIL %s [%s]: expected exit status 0 got %d\n", label, hostile ? "hostile" : "plain",
		       WEXITSTATUS(status));
	return 1;
}

int main(int argc, char **argv)
{
	char lib[4096];
	double t0;
	int failed = 0, ran = 0;
	if (argc < 3 || argc > 4 || (strcmp(argv[2], "plain") != 0 && strcmp(argv[2], "hostile") != 0)) {
		fprintf(stderr, "usage: %s CERTDIR plain|hostile [SCENARIO-LABEL-SUBSTRING]\n", argv[0]);
		return 2;
	}
	certdir = argv[1];
	hostile = strcmp(argv[2], "hostile") == 0;
	if (tlshim_loaded_gnutls(lib, sizeof lib) != 0) {
		printf("FAIL setup: no libgnutls.so.30 mapped\n");
		return 1;
	}
	printf("LOADED %s\n", lib);
	fflush(stdout);
	if (gnutls_global_init() < 0)
		fail("global_init");
	load_creds();
	t0 = now_ms();
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		if (argc == 4 && strstr(all[i].label, argv[3]) == NULL)
			continue;
		ran++;
		failed += run_one(all[i].label, all[i].fn);
	}
	free_creds();
	gnutls_global_deinit();
	if (ran == 0) {
		printf("FAIL setup: no scenario matches '%s'\n", argv[3]);
		return 1;
	}
	if (failed) {
		printf("%d of %d scenario groups failed (%s transport)\n", failed, ran, hostile ? "hostile" : "plain");
		return 1;
	}
	printf("all scenarios passed (%s transport, %.0f ms)\n", hostile ? "hostile" : "plain", now_ms() - t0);
	return 0;
}
