/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * max_fragment_length (RFC 6066 section 4) with record_size_limit
 * (RFC 8449), and OCSP stapling (status_request, RFC 6066 section 8 and
 * RFC 8446 section 4.4.2.1), between a client and a server in one
 * process.  Everything printed is observable through the public API or on
 * the wire (hello extensions, the TLS 1.2 server flight, record sizes,
 * error codes and the alerts that go out), so a run on the real GnuTLS is
 * the oracle for a run on tlshim (tests/common/run-diff.sh).
 *
 * A tap between the two ends can rewrite the unprotected handshake
 * messages once (a ClientHello, or the TLS 1.2 server flight) to show how
 * each side treats a bad or unsolicited extension or CertificateStatus.
 *
 * Usage: diff-mfl-ocsp CERTDIR (gen-certs.sh, then gen-ocsp.sh)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>

#include "../common/loaded-lib.h"

static const char *dir;

#define T13 "NORMAL:-VERS-ALL:+VERS-TLS1.3"
#define T12 "NORMAL:-VERS-ALL:+VERS-TLS1.2"

/* ---- byte queues between the ends ---------------------------------------- */

struct queue {
	unsigned char *data;
	size_t len, cap;
};

static void q_put(struct queue *q, const void *p, size_t n)
{
	if (q->len + n > q->cap) {
		q->cap = (q->len + n) * 2 + 64;
		q->data = realloc(q->data, q->cap);
		if (q->data == NULL)
			abort();
	}
	memcpy(q->data + q->len, p, n);
	q->len += n;
}

static void q_take(struct queue *q, size_t n)
{
	memmove(q->data, q->data + n, q->len - n);
	q->len -= n;
}

struct peer {
	gnutls_session_t s;
	struct queue *rx, *tx;
	int trickle;     /* EAGAIN every other call, one byte at a time */
	unsigned calls;
	size_t traffic;
};

static int peer_stalls(struct peer *p, size_t *n)
{
	if (!p->trickle)
		return 0;
	if (++p->calls % 2 == 1) {
		gnutls_transport_set_errno(p->s, EAGAIN);
		return 1;
	}
	*n = *n > 0 ? 1 : 0;
	return 0;
}

static ssize_t peer_push(gnutls_transport_ptr_t ptr, const void *buf, size_t n)
{
	struct peer *p = ptr;
	if (peer_stalls(p, &n))
		return -1;
	q_put(p->tx, buf, n);
	p->traffic += n;
	return (ssize_t)n;
}

static ssize_t peer_pull(gnutls_transport_ptr_t ptr, void *buf, size_t n)
{
	struct peer *p = ptr;
	if (peer_stalls(p, &n))
		return -1;
	if (p->rx->len == 0) {
		gnutls_transport_set_errno(p->s, EAGAIN);
		return -1;
	}
	if (n > p->rx->len)
		n = p->rx->len;
	memcpy(buf, p->rx->data, n);
	q_take(p->rx, n);
	p->traffic += n;
	return (ssize_t)n;
}

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned be24(const unsigned char *p)
{
	return (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
}

static const char *ename(int rc)
{
	const char *n = gnutls_strerror_name(rc);
	return n != NULL ? n : "?";
}

/* ---- the tap: unprotected handshake records -------------------------------- */

/* The leading handshake records of a queue, unwrapped: the messages they
 * carry and how many queue bytes they take.  0 when no whole record. */
static size_t plain_messages(const struct queue *q, struct queue *msgs)
{
	size_t pos = 0;
	msgs->len = 0;
	while (pos + 5 <= q->len && q->data[pos] == 22) {
		size_t n = be16(q->data + pos + 3);
		if (pos + 5 + n > q->len)
			break;
		q_put(msgs, q->data + pos + 5, n);
		pos += 5 + n;
	}
	return pos;
}

/* A transform of a flight of messages, in place in `msgs`. */
typedef void (*rewrite_fn)(struct queue *msgs);

static void apply_rewrite(struct queue *q, rewrite_fn fn)
{
	struct queue msgs = {0}, out = {0};
	unsigned char hdr[5];
	size_t used = plain_messages(q, &msgs);
	if (used == 0) {
		free(msgs.data);
		return;
	}
	fn(&msgs);
	memcpy(hdr, q->data, 3);
	hdr[3] = (unsigned char)(msgs.len >> 8);
	hdr[4] = (unsigned char)msgs.len;
	q_put(&out, hdr, 5);
	q_put(&out, msgs.data, msgs.len);
	q_put(&out, q->data + used, q->len - used);
	free(q->data);
	*q = out;
	free(msgs.data);
}

/* Where message `type` starts in a flight, or -1. */
static long find_message(const struct queue *msgs, unsigned type)
{
	size_t pos = 0;
	while (pos + 4 <= msgs->len) {
		if (msgs->data[pos] == type)
			return (long)pos;
		pos += 4 + be24(msgs->data + pos + 1);
	}
	return -1;
}

static void splice(struct queue *q, size_t at, size_t drop, const unsigned char *ins, size_t n)
{
	struct queue out = {0};
	q_put(&out, q->data, at);
	q_put(&out, ins, n);
	q_put(&out, q->data + at + drop, q->len - at - drop);
	free(q->data);
	*q = out;
}

static void put24(unsigned char *p, size_t v)
{
	p[0] = (unsigned char)(v >> 16);
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)v;
}

/* Offset of the extension block (its 2-byte length) of a hello message. */
static size_t hello_ext_block(const unsigned char *m)
{
	const unsigned char *b = m + 4;
	size_t off = 4 + 2 + 32;
	off += 1 + b[34];  /* session id */
	if (m[0] == 1) {   /* ClientHello: suites, compressions */
		off += 2 + be16(m + off);
		off += 1 + m[off];
	} else {           /* ServerHello: suite, compression */
		off += 3;
	}
	return off;
}

/* Replaces (or adds, or with body == NULL removes) extension `type` of the
 * hello message of `htype` in a flight, fixing the lengths. */
static void set_extension(struct queue *msgs, unsigned htype, unsigned type, const unsigned char *body, size_t n)
{
	long at = find_message(msgs, htype);
	size_t blk, end, pos, old_len = 0, old_at;
	unsigned char ext[4 + 256];
	int found = 0;
	if (at < 0)
		return;
	blk = (size_t)at + hello_ext_block(msgs->data + at);
	end = blk + 2 + be16(msgs->data + blk);
	for (pos = blk + 2; pos + 4 <= end; pos += 4 + be16(msgs->data + pos + 2))
		if (be16(msgs->data + pos) == type) {
			found = 1;
			break;
		}
	old_at = found ? pos : end;
	if (found)
		old_len = 4 + be16(msgs->data + pos + 2);
	ext[0] = (unsigned char)(type >> 8);
	ext[1] = (unsigned char)type;
	ext[2] = (unsigned char)(n >> 8);
	ext[3] = (unsigned char)n;
	if (body != NULL)
		memcpy(ext + 4, body, n);
	splice(msgs, old_at, old_len, ext, body != NULL ? 4 + n : 0);
	{
		size_t delta_add = body != NULL ? 4 + n : 0;
		size_t blen = be16(msgs->data + blk) + delta_add - old_len;
		size_t mlen = be24(msgs->data + at + 1) + delta_add - old_len;
		msgs->data[blk] = (unsigned char)(blen >> 8);
		msgs->data[blk + 1] = (unsigned char)blen;
		put24(msgs->data + at + 1, mlen);
	}
}

/* Replaces the body of message `htype` (or inserts a message after
 * message `after` when there is none). */
static void set_message(struct queue *msgs, unsigned htype, unsigned after, const unsigned char *body, size_t n)
{
	long at = find_message(msgs, htype);
	unsigned char *m = malloc(4 + n);
	size_t old = 0;
	if (m == NULL)
		abort();
	m[0] = (unsigned char)htype;
	put24(m + 1, n);
	memcpy(m + 4, body, n);
	if (at < 0) {
		at = find_message(msgs, after);
		if (at < 0) {
			free(m);
			return;
		}
		at += 4 + (long)be24(msgs->data + at + 1);
	} else {
		old = 4 + be24(msgs->data + at + 1);
	}
	splice(msgs, (size_t)at, old, m, 4 + n);
	free(m);
}

/* The extension types of a hello message, and the bodies of the ones
 * this test is about. */
static void print_hello(const char *who, const unsigned char *m)
{
	size_t blk = hello_ext_block(m), end, pos;
	if (blk + 2 > 4 + be24(m + 1)) {
		printf("    %s: no extensions\n", who);
		return;
	}
	end = blk + 2 + be16(m + blk);
	printf("    %s extensions:", who);
	for (pos = blk + 2; pos + 4 <= end; pos += 4 + be16(m + pos + 2)) {
		unsigned t = be16(m + pos), n = be16(m + pos + 2);
		printf(" %u", t);
		if (t == 1 || t == 5 || t == 28) {
			printf("=");
			for (unsigned i = 0; i < n; i++)
				printf("%02x", m[pos + 4 + i]);
		}
	}
	printf("\n");
}

/* ---- one connection ---------------------------------------------------------- */

struct setup {
	const char *cprio, *sprio;
	size_t cmax, smax;           /* gnutls_record_set_max_size (0: not called) */
	int enable_ocsp;             /* client: gnutls_ocsp_status_request_enable_client */
	unsigned cflags;             /* extra gnutls_init flags of the client */
	int ocsp_how;                /* server: 0 none, 1 file, 2 file2, 3 mem, 4 function, 5 function2 */
	const char *ocsp_name;       /* the response file under dir (ocsp-good.der ...) */
	int verify;                  /* client: verify the peer and print the status */
	rewrite_fn to_server, to_client;
	int trickle;
};

static gnutls_datum_t ocsp_blob;   /* what the server's callback returns */
static int ocsp_calls;

static int ocsp_cb(gnutls_session_t s, void *ptr, gnutls_datum_t *resp)
{
	(void)s;
	ocsp_calls++;
	if (ptr != &ocsp_blob)
		return GNUTLS_E_INTERNAL_ERROR;
	if (ocsp_blob.size == 0)
		return GNUTLS_E_NO_CERTIFICATE_STATUS;
	resp->data = gnutls_malloc(ocsp_blob.size);
	if (resp->data == NULL)
		return GNUTLS_E_MEMORY_ERROR;
	memcpy(resp->data, ocsp_blob.data, ocsp_blob.size);
	resp->size = ocsp_blob.size;
	return 0;
}

/* A file of the certificate directory, whole (free() the data). */
static int read_blob(const char *name, gnutls_datum_t *out)
{
	char path[1024];
	FILE *f;
	long n;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) != 0) {
		if (f != NULL)
			fclose(f);
		return -1;
	}
	out->data = malloc((size_t)n);
	out->size = (unsigned)n;
	if (out->data == NULL || fread(out->data, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

static gnutls_certificate_credentials_t server_creds(const struct setup *st)
{
	gnutls_certificate_credentials_t cred;
	char c[1024], k[1024];
	int rc = 0;
	gnutls_certificate_allocate_credentials(&cred);
	snprintf(c, sizeof c, "%s/rsa.pem", dir);
	snprintf(k, sizeof k, "%s/rsa.key", dir);
	if (gnutls_certificate_set_x509_key_file(cred, c, k, GNUTLS_X509_FMT_PEM) < 0)
		exit(1);
	snprintf(c, sizeof c, "%s/%s", dir, st->ocsp_name != NULL ? st->ocsp_name : "ocsp-good.der");
	switch (st->ocsp_how) {
	case 1:
		rc = gnutls_certificate_set_ocsp_status_request_file(cred, c, 0);
		break;
	case 2:
		rc = gnutls_certificate_set_ocsp_status_request_file2(cred, c, 0, GNUTLS_X509_FMT_DER);
		break;
	case 3: {
		gnutls_datum_t d;
		if (read_blob(st->ocsp_name, &d) < 0)
			exit(1);
		rc = gnutls_certificate_set_ocsp_status_request_mem(cred, &d, 0, GNUTLS_X509_FMT_DER);
		free(d.data);
		break;
	}
	case 4:
		gnutls_certificate_set_ocsp_status_request_function(cred, ocsp_cb, &ocsp_blob);
		break;
	case 5:
		rc = gnutls_certificate_set_ocsp_status_request_function2(cred, 0, ocsp_cb, &ocsp_blob);
		break;
	}
	if (rc < 0)
		printf("  loading the OCSP response: %s\n", ename(rc));
	return cred;
}

/* Application data one way: the sizes of the records as the receiver gets
 * them (each gnutls_record_recv returns at most one record). */
static void stream(gnutls_session_t from, gnutls_session_t to, size_t len, const char *label)
{
	unsigned char *src = malloc(len), *dst = malloc(len);
	size_t sent = 0, got = 0, last = 0, run = 0;
	int idle = 0;
	if (src == NULL || dst == NULL)
		abort();
	for (size_t i = 0; i < len; i++)
		src[i] = (unsigned char)(i * 13 + 5);
	printf("  %s %zu bytes, records:", label, len);
	while (got < len && idle < 100000) {
		ssize_t n;
		int moved = 0;
		if (sent < len) {
			n = gnutls_record_send(from, src + sent, len - sent);
			if (n > 0) {
				sent += (size_t)n;
				moved = 1;
			} else if (n < 0 && n != GNUTLS_E_AGAIN && n != GNUTLS_E_INTERRUPTED) {
				printf(" send %s", ename((int)n));
				break;
			}
		}
		n = gnutls_record_recv(to, dst + got, len - got);
		if (n > 0) {
			if ((size_t)n != last && run > 0) {
				printf(" %zux%zu", last, run);
				run = 0;
			}
			last = (size_t)n;
			run++;
			got += (size_t)n;
			moved = 1;
		} else if (n != GNUTLS_E_AGAIN && n != GNUTLS_E_INTERRUPTED) {
			printf(" recv %s", ename((int)n));
			break;
		}
		idle = moved ? 0 : idle + 1;
	}
	if (run > 0)
		printf(" %zux%zu", last, run);
	printf(", %s\n", got == len && memcmp(src, dst, len) == 0 ? "intact" : "BROKEN");
	free(src);
	free(dst);
}

/* The first unprotected alert record of a queue (level/description). */
static void print_alert(const char *who, const struct queue *q)
{
	size_t pos = 0;
	while (pos + 5 <= q->len) {
		size_t n = be16(q->data + pos + 3);
		if (q->data[pos] == 21 && n == 2 && pos + 7 <= q->len) {
			printf("  %s sent alert %u/%u\n", who, q->data[pos + 5], q->data[pos + 6]);
			return;
		}
		pos += 5 + n;
	}
	printf("  %s sent no plaintext alert\n", who);
}

/* Whether a verified response was "checked" is left out: the real GnuTLS
 * validates stapled responses during certificate verification, tlshim
 * does not yet (doc/differences.md). */
static void print_ocsp(gnutls_session_t c, const gnutls_datum_t *expect, int verified)
{
	gnutls_datum_t r = {NULL, 0};
	int rc = gnutls_ocsp_status_request_get(c, &r);
	printf("  client get: %s", ename(rc));
	if (rc == 0)
		printf(" %u bytes, %s", r.size,
		       expect != NULL && expect->size == r.size && memcmp(expect->data, r.data, r.size) == 0
			       ? "as stapled"
			       : "DIFFERENT");
	printf("\n");
	for (unsigned i = 0; i < 3; i++) {
		gnutls_datum_t r2 = {NULL, 0};
		rc = gnutls_ocsp_status_request_get2(c, i, &r2);
		printf("  client get2(%u): %s", i, ename(rc));
		if (rc == 0)
			printf(" %u bytes, %s", r2.size, r.data != NULL && r2.size == r.size && memcmp(r2.data, r.data, r.size) == 0
								   ? "same"
								   : "DIFFERENT");
		printf("\n");
	}
	if (!verified)
		printf("  client is_checked: %u\n", gnutls_ocsp_status_request_is_checked(c, 0));
	printf("  client response available: %u\n", gnutls_ocsp_status_request_is_checked(c, GNUTLS_OCSP_SR_IS_AVAIL));
}

static void connect_pair(const char *title, const struct setup *st, const gnutls_datum_t *expect)
{
	struct queue c2s = {0}, s2c = {0}, seen = {0};
	struct peer pc = {0}, ps = {0};
	gnutls_session_t c, s;
	gnutls_certificate_credentials_t ccred, scred;
	gnutls_datum_t none = {NULL, 0};
	char ca[1024];
	const char *err;
	int rc_c = GNUTLS_E_AGAIN, rc_s = GNUTLS_E_AGAIN, c_done = 0, s_done = 0, idle = 0;
	int rewrote_c = 0, rewrote_s = 0, tapped = 0;

	printf("%s%s:\n", title, st->trickle ? " (trickle)" : "");
	ocsp_calls = 0;
	gnutls_certificate_allocate_credentials(&ccred);
	snprintf(ca, sizeof ca, "%s/ca.pem", dir);
	gnutls_certificate_set_x509_trust_file(ccred, ca, GNUTLS_X509_FMT_PEM);
	scred = server_creds(st);
	gnutls_init(&c, GNUTLS_CLIENT | st->cflags);
	gnutls_init(&s, GNUTLS_SERVER);
	if (gnutls_priority_set_direct(c, st->cprio, &err) < 0 || gnutls_priority_set_direct(s, st->sprio, &err) < 0)
		exit(1);
	gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, ccred);
	gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, scred);
	if (st->cmax)
		printf("  client set_max_size(%zu): %d\n", st->cmax, (int)gnutls_record_set_max_size(c, st->cmax));
	if (st->smax)
		printf("  server set_max_size(%zu): %d\n", st->smax, (int)gnutls_record_set_max_size(s, st->smax));
	if (st->enable_ocsp)
		printf("  client enable_client: %s\n", ename(gnutls_ocsp_status_request_enable_client(c, NULL, 0, NULL)));
	if (st->verify)
		gnutls_session_set_verify_cert(c, "localhost", 0);
	pc = (struct peer){c, &s2c, &c2s, st->trickle, 0, 0};
	ps = (struct peer){s, &c2s, &s2c, st->trickle, 0, 0};
	gnutls_transport_set_ptr(c, &pc);
	gnutls_transport_set_ptr(s, &ps);
	gnutls_transport_set_push_function(c, peer_push);
	gnutls_transport_set_pull_function(c, peer_pull);
	gnutls_transport_set_push_function(s, peer_push);
	gnutls_transport_set_pull_function(s, peer_pull);

	while ((!c_done || !s_done) && idle < 200) {
		size_t before = pc.traffic + ps.traffic;
		if (!c_done) {
			if (st->to_client != NULL && !rewrote_c && s2c.len > 0 && plain_messages(&s2c, &seen) > 0) {
				apply_rewrite(&s2c, st->to_client);
				rewrote_c = 1;
			}
			/* The TLS 1.2 server flight as the client gets it. */
			if (!tapped && s2c.len > 0 && plain_messages(&s2c, &seen) > 0 && find_message(&seen, 2) == 0 &&
			    find_message(&seen, 14) >= 0) {
				long at;
				tapped = 1;
				print_hello("ServerHello", seen.data);
				printf("    flight:");
				for (at = 0; at + 4 <= (long)seen.len; at += 4 + (long)be24(seen.data + at + 1))
					printf(" %u", seen.data[at]);
				printf("\n");
			}
			rc_c = gnutls_handshake(c);
			if (rc_c == 0 || gnutls_error_is_fatal(rc_c))
				c_done = 1;
			/* The first failure ends the exchange: tlshim sends its
			 * alert itself, the real GnuTLS leaves that to the
			 * application (below). */
			if (c_done && rc_c != 0)
				break;
		}
		if (!s_done) {
			if (st->to_server != NULL && !rewrote_s && c2s.len > 0 && plain_messages(&c2s, &seen) > 0) {
				apply_rewrite(&c2s, st->to_server);
				rewrote_s = 1;
			}
			rc_s = gnutls_handshake(s);
			if (rc_s == 0 || gnutls_error_is_fatal(rc_s))
				s_done = 1;
		}
		idle = pc.traffic + ps.traffic == before ? idle + 1 : 0;
		if (s_done && rc_s != 0)
			break;
	}
	printf("  handshake: client %s, server %s\n", (rc_c == GNUTLS_E_AGAIN || rc_c == GNUTLS_E_FATAL_ALERT_RECEIVED) ? "incomplete" : ename(rc_c),
	       (rc_s == GNUTLS_E_AGAIN || rc_s == GNUTLS_E_FATAL_ALERT_RECEIVED) ? "incomplete" : ename(rc_s));
	if (rc_c == 0 && rc_s == 0) {
		printf("  %s, max size client %zu server %zu, callback calls %d\n",
		       gnutls_protocol_get_name(gnutls_protocol_get_version(c)), gnutls_record_get_max_size(c),
		       gnutls_record_get_max_size(s), ocsp_calls);
		if (st->verify) {
			unsigned status = 99;
			int rc = gnutls_certificate_verify_peers2(c, &status);
			printf("  client verifies: %s status 0x%x\n", ename(rc), status);
		}
		print_ocsp(c, expect != NULL ? expect : &none, st->verify);
		stream(c, s, 9000, "client->server");
		stream(s, c, 9000, "server->client");
	} else {
		/* The side that failed first says why (tlshim already did, then
		 * nothing more goes out); the alert is read off the wire. */
		gnutls_session_t failed = (rc_s != GNUTLS_E_AGAIN && rc_s != GNUTLS_E_FATAL_ALERT_RECEIVED) ? s : c;
		int rc = failed == s ? rc_s : rc_c;
		struct queue *q = failed == s ? &s2c : &c2s;
		if (rc < 0 && rc != GNUTLS_E_AGAIN)
			(void)gnutls_alert_send_appropriate(failed, rc);
		print_alert(failed == s ? "server" : "client", q);
		if (st->verify)
			printf("  verify status 0x%x\n", gnutls_session_get_verify_cert_status(c));
	}
	gnutls_deinit(c);
	gnutls_deinit(s);
	gnutls_certificate_free_credentials(ccred);
	gnutls_certificate_free_credentials(scred);
	free(c2s.data);
	free(s2c.data);
	free(seen.data);
}

/* ---- the ClientHello alone ----------------------------------------------------- */

static struct queue hello_out;

static ssize_t hello_push(gnutls_transport_ptr_t p, const void *d, size_t n)
{
	(void)p;
	q_put(&hello_out, d, n);
	return (ssize_t)n;
}

static ssize_t hello_pull(gnutls_transport_ptr_t p, void *d, size_t n)
{
	(void)d;
	(void)n;
	gnutls_transport_set_errno((gnutls_session_t)p, EAGAIN);
	return -1;
}

static void client_hello(const char *prio, size_t max, unsigned flags, int with_cert_cred, int enable)
{
	gnutls_session_t s;
	gnutls_certificate_credentials_t cred = NULL;
	gnutls_anon_client_credentials_t anon = NULL;
	hello_out.len = 0;
	gnutls_init(&s, GNUTLS_CLIENT | flags);
	gnutls_priority_set_direct(s, prio, NULL);
	printf("hello %s max %zu flags 0x%x cert-cred %d enable %d:\n", prio, max, flags, with_cert_cred, enable);
	if (with_cert_cred) {
		gnutls_certificate_allocate_credentials(&cred);
		gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
	} else {
		gnutls_anon_allocate_client_credentials(&anon);
		gnutls_credentials_set(s, GNUTLS_CRD_ANON, anon);
	}
	if (max)
		printf("  set_max_size: %d, get_max_size %zu\n", (int)gnutls_record_set_max_size(s, max),
		       gnutls_record_get_max_size(s));
	if (enable)
		printf("  enable_client: %s\n", ename(gnutls_ocsp_status_request_enable_client(s, NULL, 0, NULL)));
	gnutls_transport_set_ptr(s, s);
	gnutls_transport_set_push_function(s, hello_push);
	gnutls_transport_set_pull_function(s, hello_pull);
	printf("  handshake: %s\n", ename(gnutls_handshake(s)));
	if (hello_out.len > 9 && hello_out.data[0] == 22 && hello_out.data[5] == 1)
		print_hello("ClientHello", hello_out.data + 5);
	gnutls_deinit(s);
	if (cred != NULL)
		gnutls_certificate_free_credentials(cred);
	if (anon != NULL)
		gnutls_anon_free_client_credentials(anon);
}

/* ---- rewrites ------------------------------------------------------------------- */

static void ch_mfl_0(struct queue *m)
{
	static const unsigned char v[1] = {0};
	set_extension(m, 1, 1, v, 1);
}
static void ch_mfl_5(struct queue *m)
{
	static const unsigned char v[1] = {5};
	set_extension(m, 1, 1, v, 1);
}
static void ch_mfl_long(struct queue *m)
{
	static const unsigned char v[2] = {1, 1};
	set_extension(m, 1, 1, v, 2);
}
static void ch_mfl_empty(struct queue *m)
{
	set_extension(m, 1, 1, (const unsigned char *)"", 0);
}
/* max_fragment_length only: the server's answer shows, then the
 * transcripts disagree. */
static void ch_mfl_only(struct queue *m)
{
	set_extension(m, 1, 28, NULL, 0);
}
/* Without record_size_limit, max_fragment_length counts (RFC 8449
 * section 5). */
static void ch_mfl_only_0(struct queue *m)
{
	ch_mfl_only(m);
	ch_mfl_0(m);
}
static void ch_mfl_only_5(struct queue *m)
{
	ch_mfl_only(m);
	ch_mfl_5(m);
}
static void ch_mfl_only_long(struct queue *m)
{
	ch_mfl_only(m);
	ch_mfl_long(m);
}
static void ch_mfl_only_empty(struct queue *m)
{
	ch_mfl_only(m);
	ch_mfl_empty(m);
}
static void ch_no_status(struct queue *m)
{
	set_extension(m, 1, 5, NULL, 0);
}
static void ch_status_bad_type(struct queue *m)
{
	static const unsigned char v[5] = {2, 0, 0, 0, 0};
	set_extension(m, 1, 5, v, 5);
}
static void ch_status_short(struct queue *m)
{
	static const unsigned char v[3] = {1, 0, 0};
	set_extension(m, 1, 5, v, 3);
}
static void sh_mfl_2(struct queue *m)
{
	static const unsigned char v[1] = {2};
	set_extension(m, 2, 1, v, 1);
}
static void sh_mfl_1(struct queue *m)
{
	static const unsigned char v[1] = {1};
	set_extension(m, 2, 1, v, 1);
}
static void sh_mfl_9(struct queue *m)
{
	static const unsigned char v[1] = {9};
	set_extension(m, 2, 1, v, 1);
}
static void sh_only_mfl_1(struct queue *m)
{
	set_extension(m, 2, 28, NULL, 0);
	sh_mfl_1(m);
}
static void sh_only_mfl_2(struct queue *m)
{
	set_extension(m, 2, 28, NULL, 0);
	sh_mfl_2(m);
}
static void sh_only_mfl_9(struct queue *m)
{
	set_extension(m, 2, 28, NULL, 0);
	sh_mfl_9(m);
}
static void sh_only_mfl_long(struct queue *m)
{
	static const unsigned char v[2] = {1, 0};
	set_extension(m, 2, 28, NULL, 0);
	set_extension(m, 2, 1, v, 2);
}
static void sh_status_body(struct queue *m)
{
	static const unsigned char v[1] = {0};
	set_extension(m, 2, 5, v, 1);
}
static void sh_status_ack(struct queue *m)
{
	set_extension(m, 2, 5, (const unsigned char *)"", 0);
}
static void cs_bad_type(struct queue *m)
{
	static const unsigned char v[6] = {2, 0, 0, 2, 0x30, 0};
	set_message(m, 22, 11, v, sizeof v);
}
static void cs_bad_length(struct queue *m)
{
	static const unsigned char v[6] = {1, 0, 0, 9, 0x30, 0};
	set_message(m, 22, 11, v, sizeof v);
}
static void cs_empty_response(struct queue *m)
{
	static const unsigned char v[4] = {1, 0, 0, 0};
	set_message(m, 22, 11, v, sizeof v);
}
static void cs_garbage(struct queue *m)
{
	static const unsigned char v[9] = {1, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'};
	set_message(m, 22, 11, v, sizeof v);
}

int main(int argc, char **argv)
{
	static const size_t sizes[] = {512, 1024, 2048, 4096, 1000, 16384};
	static const char *const vers[2] = {T12, T13};
	gnutls_datum_t good = {NULL, 0}, revoked = {NULL, 0};
	char lib[4096], title[256];
	if (argc != 2) {
		fprintf(stderr, "usage: %s CERTDIR\n", argv[0]);
		return 2;
	}
	dir = argv[1];
	if (tlshim_loaded_gnutls(lib, sizeof lib) != 0)
		return 1;
	printf("LOADED %s\n", lib);
	gnutls_global_init();
	if (read_blob("ocsp-good.der", &good) < 0 || read_blob("ocsp-revoked.der", &revoked) < 0)
		return 1;

	/* The ClientHello. */
	for (int v = 0; v < 2; v++) {
		static const size_t all[] = {0, 511, 512, 513, 1024, 2048, 4096, 4097, 8192, 16384, 16385};
		for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
			client_hello(vers[v], all[i], 0, 1, 0);
		client_hello(vers[v], 0, 0, 1, 1);
	}
	/* Without certificate credentials (anonymous key exchange). */
	client_hello(T12 ":+ANON-ECDH", 0, 0, 0, 0);
	client_hello(T12 ":+ANON-ECDH", 0, 0, 0, 1);
	client_hello(T12, 0, GNUTLS_NO_EXTENSIONS, 1, 0);
	client_hello(T12, 0, GNUTLS_NO_EXTENSIONS, 1, 1);
	client_hello(T12, 1024, GNUTLS_NO_EXTENSIONS, 1, 0);
	{
		gnutls_session_t sv;
		gnutls_init(&sv, GNUTLS_SERVER);
		printf("server enable_client: %s\n", ename(gnutls_ocsp_status_request_enable_client(sv, NULL, 0, NULL)));
		gnutls_deinit(sv);
	}

	/* Record sizes. */
	for (int v = 0; v < 2; v++) {
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			struct setup st = {vers[v], "NORMAL", sizes[i], 0, 0, 0, 0, NULL, 0, NULL, NULL, 0};
			snprintf(title, sizeof title, "%s: client asks %zu", v ? "TLS1.3" : "TLS1.2", sizes[i]);
			connect_pair(title, &st, NULL);
			st.cmax = 0;
			st.smax = sizes[i];
			snprintf(title, sizeof title, "%s: server asks %zu", v ? "TLS1.3" : "TLS1.2", sizes[i]);
			connect_pair(title, &st, NULL);
			st.cmax = sizes[i];
			st.smax = 2048;
			snprintf(title, sizeof title, "%s: client asks %zu, server 2048", v ? "TLS1.3" : "TLS1.2", sizes[i]);
			connect_pair(title, &st, NULL);
		}
		{
			struct setup st = {vers[v], "NORMAL", 512, 0, 0, 0, 0, NULL, 0, NULL, NULL, 1};
			connect_pair(v ? "TLS1.3: client asks 512" : "TLS1.2: client asks 512", &st, NULL);
		}
	}

	/* Bad max_fragment_length values (the ClientHello is unprotected in
	 * both versions; the ServerHello's extensions only in TLS 1.2). */
	for (int v = 0; v < 2; v++) {
		static const struct {
			const char *name;
			rewrite_fn fn;
		} bad[] = {{"mfl 0", ch_mfl_0}, {"mfl 5", ch_mfl_5}, {"mfl two bytes", ch_mfl_long},
			   {"mfl empty", ch_mfl_empty}, {"mfl without record_size_limit", ch_mfl_only},
			   {"mfl 0 without record_size_limit", ch_mfl_only_0},
			   {"mfl 5 without record_size_limit", ch_mfl_only_5},
			   {"mfl two bytes without record_size_limit", ch_mfl_only_long},
			   {"mfl empty without record_size_limit", ch_mfl_only_empty}};
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			struct setup st = {vers[v], "NORMAL", 512, 0, 0, 0, 0, NULL, 0, NULL, NULL, 0};
			st.to_server = bad[i].fn;
			snprintf(title, sizeof title, "%s: ClientHello %s", v ? "TLS1.3" : "TLS1.2", bad[i].name);
			connect_pair(title, &st, NULL);
		}
	}
	{
		static const struct {
			const char *name;
			size_t cmax;
			rewrite_fn fn;
		} bad[] = {{"mfl 2 for 512", 512, sh_mfl_2},  {"mfl 1 for 512", 512, sh_mfl_1},
			   {"mfl 9 for 512", 512, sh_mfl_9},  {"mfl 1 unsolicited", 0, sh_mfl_1},
			   {"mfl 1 for 1000", 1000, sh_mfl_1}, {"mfl 1 alone for 512", 512, sh_only_mfl_1},
			   {"mfl 2 alone for 512", 512, sh_only_mfl_2}, {"mfl 9 alone for 512", 512, sh_only_mfl_9},
			   {"mfl two bytes alone for 512", 512, sh_only_mfl_long}, {"mfl 1 alone unsolicited", 0, sh_only_mfl_1}};
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			struct setup st = {T12, "NORMAL", bad[i].cmax, 0, 0, 0, 0, NULL, 0, NULL, NULL, 0};
			st.to_client = bad[i].fn;
			snprintf(title, sizeof title, "TLS1.2: ServerHello %s", bad[i].name);
			connect_pair(title, &st, NULL);
		}
	}

	/* OCSP stapling. */
	for (int v = 0; v < 2; v++) {
		static const char *const how[] = {"none", "file", "file2", "mem", "function", "function2"};
		for (int h = 0; h <= 5; h++) {
			for (int en = 0; en < 2; en++) {
				struct setup st = {vers[v], "NORMAL", 0, 0, en, 0, h, "ocsp-good.der", 1, NULL, NULL, 0};
				ocsp_blob = good;
				snprintf(title, sizeof title, "%s: OCSP %s, client %s", v ? "TLS1.3" : "TLS1.2", how[h],
					 en ? "enables" : "default");
				connect_pair(title, &st, h ? &good : NULL);
			}
		}
		{
			struct setup st = {vers[v], "NORMAL", 0, 0, 1, 0, 2, "ocsp-good.der", 1, NULL, NULL, 1};
			connect_pair(v ? "TLS1.3: OCSP file2" : "TLS1.2: OCSP file2", &st, &good);
		}
		{
			/* A callback that has nothing: no status is sent. */
			struct setup st = {vers[v], "NORMAL", 0, 0, 1, 0, 4, NULL, 0, NULL, NULL, 0};
			ocsp_blob.data = NULL;
			ocsp_blob.size = 0;
			connect_pair(v ? "TLS1.3: OCSP callback without a response" : "TLS1.2: OCSP callback without a response",
				     &st, NULL);
		}
		{
			/* Whatever the callback returns is stapled as it is. */
			static unsigned char junk[] = "not an OCSP response";
			struct setup st = {vers[v], "NORMAL", 0, 0, 1, 0, 4, NULL, 0, NULL, NULL, 0};
			ocsp_blob.data = junk;
			ocsp_blob.size = sizeof junk - 1;
			connect_pair(v ? "TLS1.3: OCSP callback with junk" : "TLS1.2: OCSP callback with junk", &st,
				     &ocsp_blob);
		}
		{
			/* The client did not ask (the ClientHello loses status_request
			 * on the way: the transcripts then disagree). */
			struct setup st = {vers[v], "NORMAL", 0, 0, 0, 0, 2, "ocsp-good.der", 0, NULL, NULL, 0};
			st.to_server = ch_no_status;
			connect_pair(v ? "TLS1.3: OCSP, status_request removed" : "TLS1.2: OCSP, status_request removed",
				     &st, &good);
			st.to_server = ch_status_bad_type;
			connect_pair(v ? "TLS1.3: OCSP, status_type 2" : "TLS1.2: OCSP, status_type 2", &st, &good);
			st.to_server = ch_status_short;
			connect_pair(v ? "TLS1.3: OCSP, short status_request" : "TLS1.2: OCSP, short status_request", &st,
				     &good);
		}
	}
	{
		/* A client that does not ask (GNUTLS_NO_EXTENSIONS). */
		struct setup st = {T12, "NORMAL", 0, 0, 0, GNUTLS_NO_EXTENSIONS, 2, "ocsp-good.der", 0, NULL, NULL, 0};
		connect_pair("TLS1.2: OCSP, client without extensions", &st, &good);
		st.enable_ocsp = 1;
		connect_pair("TLS1.2: OCSP, client without extensions but enabled", &st, &good);
		st.enable_ocsp = 0;
		st.to_client = sh_status_ack;
		st.ocsp_how = 0;
		connect_pair("TLS1.2: unsolicited status_request in ServerHello", &st, NULL);
	}
	{
		static const struct {
			const char *name;
			int how;
			rewrite_fn fn;
		} bad[] = {{"status_request with a body", 2, sh_status_body},
			   {"CertificateStatus of type 2", 2, cs_bad_type},
			   {"CertificateStatus with a bad length", 2, cs_bad_length},
			   {"CertificateStatus with an empty response", 2, cs_empty_response},
			   {"CertificateStatus not announced", 0, cs_garbage},
			   {"CertificateStatus with junk", 2, cs_garbage}};
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			struct setup st = {T12, "NORMAL", 0, 0, 1, 0, bad[i].how, "ocsp-good.der", 0, NULL, NULL, 0};
			st.to_client = bad[i].fn;
			snprintf(title, sizeof title, "TLS1.2: %s", bad[i].name);
			connect_pair(title, &st, &good);
		}
	}
	free(good.data);
	free(revoked.data);
	free(hello_out.data);
	gnutls_global_deinit();
	return 0;
}
