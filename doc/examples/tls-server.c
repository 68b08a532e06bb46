/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tls-server: a small TLS server written against the public GnuTLS API only.
 * It serves one connection at a time on 127.0.0.1.
 *
 *   tls-server [options]
 *
 *   --port N                 port to listen on; 0 (the default) lets the
 *                            system choose.  "port: N" is printed once the
 *                            server listens.
 *   --cert FILE --key FILE   a certificate chain and its key (PEM); repeat
 *                            for several pairs (say RSA and ECDSA): the
 *                            library picks one per client
 *   --ca FILE                CAs trusted for client certificates (PEM)
 *   --request-client-cert    ask for a client certificate
 *   --require-client-cert    ask for one and refuse clients without
 *   --priority STR           priority string (default "NORMAL")
 *   --alpn PROTO             a supported ALPN protocol (repeatable)
 *   --count N                exit after N connections (default 0: never)
 *   --echo                   send back everything received (the default)
 *   --http                   answer one HTTP GET: "/bytes/N" gets N bytes
 *                            of a fixed pattern, anything else a short text
 *   --rehandshake            call gnutls_rehandshake() after the first
 *                            read (under TLS 1.3 that updates the keys).
 *                            Under TLS 1.2 and older the server then runs
 *                            the new handshake to its end and prints
 *                            "renegotiated: yes", or "renegotiated: refused"
 *                            when the client answers with a no_renegotiation
 *                            warning.  In echo mode the request follows the
 *                            echo of the first data, in HTTP mode it comes
 *                            once the whole request has been read.
 *   --no-tickets             do not issue session tickets (clients then
 *                            resume through the session-ID cache)
 *   --dhe                    enable finite-field DHE key exchange under
 *                            TLS 1.2 for clients that do not name an
 *                            FFDHE group (the library's built-in group of
 *                            medium strength is used)
 *   --timeout SEC            drop a client silent this long (default 30)
 *   --verbose                more details on stderr
 *
 * Session tickets are enabled, so clients can resume; a small in-memory
 * cache also lets TLS 1.2 clients resume by session ID.  A renegotiation
 * started by the client (TLS 1.2 and older) is accepted whenever the
 * priority string allows it.  For each connection the negotiated parameters
 * are printed as "name: value" lines on stdout; a renegotiation adds
 * "renegotiated: ..." and "reneg-*" lines, and "renegotiations: N" closes
 * each connection.
 * A failed connection is reported on stderr and the server goes on; the
 * exit status is 1 if any connection failed.
 */
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_PAIRS 8
#define MAX_ALPN 8

static struct {
	int port;
	const char *certs[MAX_PAIRS], *keys[MAX_PAIRS];
	unsigned cert_count, key_count;
	const char *ca;
	gnutls_certificate_request_t client_cert;
	const char *priority;
	const char *alpn[MAX_ALPN];
	unsigned alpn_count;
	long count;
	int http, rehandshake, timeout, verbose, no_tickets, dhe;
} opt = { .client_cert = GNUTLS_CERT_IGNORE, .priority = "NORMAL", .timeout = 30 };

static void usage(void)
{
	fprintf(stderr, "usage: tls-server [--port N] [--cert FILE --key FILE]... [--ca FILE]\n"
			"                  [--request-client-cert | --require-client-cert] [--priority STR]\n"
			"                  [--alpn PROTO]... [--count N] [--echo | --http] [--rehandshake]\n"
			"                  [--no-tickets] [--dhe] [--timeout SEC] [--verbose]\n");
	exit(2);
}

static void die(const char *what, int err)
{
	fprintf(stderr, "tls-server: %s: %s\n", what, gnutls_strerror(err));
	exit(1);
}

static void parse_args(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *name = argv[i];
		const char *val = NULL;
		/* the options that take a value */
		static const char *const with_value[] = { "--port", "--cert",	  "--key",   "--ca",
							  "--priority", "--alpn", "--count", "--timeout" };
		for (size_t k = 0; k < sizeof with_value / sizeof with_value[0]; k++)
			if (!strcmp(name, with_value[k])) {
				if (i + 1 >= argc)
					usage();
				val = argv[++i];
			}
		if (!strcmp(name, "--port"))
			opt.port = atoi(val);
		else if (!strcmp(name, "--cert") || !strcmp(name, "--key")) {
			if (opt.cert_count == MAX_PAIRS || opt.key_count == MAX_PAIRS)
				usage();
			if (name[2] == 'c')
				opt.certs[opt.cert_count++] = val;
			else
				opt.keys[opt.key_count++] = val;
		} else if (!strcmp(name, "--ca"))
			opt.ca = val;
		else if (!strcmp(name, "--request-client-cert"))
			opt.client_cert = GNUTLS_CERT_REQUEST;
		else if (!strcmp(name, "--require-client-cert"))
			opt.client_cert = GNUTLS_CERT_REQUIRE;
		else if (!strcmp(name, "--priority"))
			opt.priority = val;
		else if (!strcmp(name, "--alpn")) {
			if (opt.alpn_count == MAX_ALPN)
				usage();
			opt.alpn[opt.alpn_count++] = val;
		} else if (!strcmp(name, "--count"))
			opt.count = atol(val);
		else if (!strcmp(name, "--echo"))
			opt.http = 0;
		else if (!strcmp(name, "--http"))
			opt.http = 1;
		else if (!strcmp(name, "--rehandshake"))
			opt.rehandshake = 1;
		else if (!strcmp(name, "--no-tickets"))
			opt.no_tickets = 1;
		else if (!strcmp(name, "--dhe"))
			opt.dhe = 1;
		else if (!strcmp(name, "--timeout"))
			opt.timeout = atoi(val);
		else if (!strcmp(name, "--verbose"))
			opt.verbose = 1;
		else
			usage();
	}
	if (opt.cert_count == 0 || opt.cert_count != opt.key_count)
		usage();
}

/* The body of "/bytes/N" answers (same pattern as tls-client --echo). */
static unsigned char pattern_byte(size_t i)
{
	return (unsigned char)((i % 251) + (i >> 16));
}

/* Sends everything or returns the (negative) error. */
static int send_all(gnutls_session_t session, const void *data, size_t len)
{
	const unsigned char *p = data;
	while (len > 0) {
		ssize_t n = gnutls_record_send(session, p, len);
		if (n == GNUTLS_E_INTERRUPTED || n == GNUTLS_E_AGAIN)
			continue;
		if (n < 0)
			return (int)n;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* What the server knows about the renegotiations of one connection. */
struct conn_state {
	int reneg_pending;	  /* a new handshake is under way */
	unsigned renegotiations; /* completed ones */
};

static const char *name_or_none(const char *name)
{
	return name != NULL ? name : "none";
}

/* The parameters that a renegotiation may have changed. */
static void print_renegotiated(gnutls_session_t session)
{
	printf("reneg-version: %s\n", name_or_none(gnutls_protocol_get_name(gnutls_protocol_get_version(session))));
	printf("reneg-cipher: %s\n", name_or_none(gnutls_cipher_get_name(gnutls_cipher_get(session))));
	printf("reneg-kx: %s\n", name_or_none(gnutls_kx_get_name(gnutls_kx_get(session))));
	printf("reneg-safe: %s\n", gnutls_safe_renegotiation_status(session) ? "yes" : "no");
}

/* Runs the pending renegotiation as far as it goes.  Returns 0 when it is
 * over (done or refused by the client) and also when application data
 * arrived before the client's hello: then st->reneg_pending stays set, the
 * data wait in the library for gnutls_record_recv(), and the handshake is
 * resumed on the next call.  A negative value is an error. */
static int continue_renegotiation(gnutls_session_t session, struct conn_state *st)
{
	for (;;) {
		int rc = gnutls_handshake(session);
		if (rc == 0) {
			st->reneg_pending = 0;
			st->renegotiations++;
			printf("renegotiated: yes\n");
			print_renegotiated(session);
			return 0;
		}
		/* the client sent data first; the library keeps them for
		 * gnutls_record_recv(), and the handshake may go on later */
		if (rc == GNUTLS_E_GOT_APPLICATION_DATA)
			return 0;
		if (rc == GNUTLS_E_WARNING_ALERT_RECEIVED) {
			/* a client may decline with a no_renegotiation warning; the
			 * connection then goes on with the current parameters */
			if (gnutls_alert_get(session) == GNUTLS_A_NO_RENEGOTIATION) {
				st->reneg_pending = 0;
				printf("renegotiated: refused\n");
				return 0;
			}
			continue; /* other warnings do not stop the handshake */
		}
		if (rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED)
			continue;
		/* the priority string forbids renegotiating with this client: tell
		 * it so with the matching alert (no_renegotiation) */
		if (rc == GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED) {
			printf("renegotiated: denied\n");
			gnutls_alert_send_appropriate(session, rc);
		}
		st->reneg_pending = 0;
		return rc;
	}
}

/* --rehandshake: asks the client for a new handshake.  Under TLS 1.3 the
 * same call updates the traffic keys and nothing more has to be done. */
static int request_rehandshake(gnutls_session_t session, struct conn_state *st)
{
	int rc = gnutls_rehandshake(session);
	if (rc < 0)
		return rc;
	printf("rehandshake: ok\n");
	if (gnutls_protocol_get_version(session) != GNUTLS_TLS1_3)
		st->reneg_pending = 1;
	return 0;
}

/* Receives what is available: bytes read, 0 when the client closed the
 * connection (with or without close_notify), or a negative error.  A
 * pending renegotiation is driven first; a ClientHello arriving on an
 * established TLS 1.2 connection starts one. */
static ssize_t receive(gnutls_session_t session, void *buf, size_t len, struct conn_state *st)
{
	for (;;) {
		ssize_t n;
		int held = 0;
		if (st->reneg_pending) {
			int rc = continue_renegotiation(session, st);
			if (rc < 0)
				return rc;
			/* data came before the client's hello: they are read now but
			 * handed to the caller only once the handshake is over, so
			 * that nothing we send (an echo) reaches a client that waits
			 * for our hello */
			held = st->reneg_pending;
		}
		n = gnutls_record_recv(session, buf, len);
		while (held && n > 0 && st->reneg_pending) {
			int rc = continue_renegotiation(session, st);
			if (rc < 0)
				return rc;
			if (st->reneg_pending)
				break; /* more data first: let the caller have these */
		}
		/* GNUTLS_E_AGAIN also comes after a post-handshake message (such
		 * as a key update) was processed: just read again */
		if (n == GNUTLS_E_INTERRUPTED || n == GNUTLS_E_AGAIN)
			continue;
		if (n == GNUTLS_E_REHANDSHAKE) {
			/* the client wants to renegotiate: run the handshake */
			printf("client-renegotiation: requested\n");
			st->reneg_pending = 1;
			continue;
		}
		if (n == GNUTLS_E_PREMATURE_TERMINATION) {
			printf("close: tcp\n");
			return 0;
		}
		if (n == 0)
			printf("close: notify\n");
		return n;
	}
}

static void print_hex(const char *label, const unsigned char *p, size_t len)
{
	printf("%s: ", label);
	for (size_t i = 0; i < len; i++)
		printf("%02x", p[i]);
	printf("\n");
}

/* Echo mode: everything received goes back, until the client closes. */
static int serve_echo(gnutls_session_t session, struct conn_state *st)
{
	static unsigned char buf[16384];
	size_t total = 0;
	int first = 1;
	ssize_t n;

	while ((n = receive(session, buf, sizeof buf, st)) > 0) {
		int rc;
		/* Under TLS 1.3 the key update is asked for before the echo.  Under
		 * TLS 1.2 the echo goes first: data arriving while the client waits
		 * for the server's hello would interrupt its handshake. */
		int tls13 = gnutls_protocol_get_version(session) == GNUTLS_TLS1_3;
		if (first && opt.rehandshake && tls13 && (rc = request_rehandshake(session, st)) < 0)
			return rc;
		rc = send_all(session, buf, (size_t)n);
		if (rc < 0)
			return rc;
		if (first && opt.rehandshake && !tls13 && (rc = request_rehandshake(session, st)) < 0)
			return rc;
		first = 0;
		total += (size_t)n;
	}
	if (n < 0)
		return (int)n;
	printf("echoed: %zu\n", total);
	return 0;
}

/* HTTP mode: read one request header, send the answer and finish. */
static int serve_http(gnutls_session_t session, struct conn_state *st)
{
	static unsigned char body[16384];
	char request[4096];
	size_t len = 0, size, sent = 0;
	char header[256];
	unsigned char digest[32];
	gnutls_hash_hd_t hash;
	int rc;
	char path[1024];
	const char *text = "Hello from tls-server.\n";

	while (len < 4 || memcmp(request + len - 4, "\r\n\r\n", 4) != 0) {
		/* byte by byte, so nothing after the header is read by mistake */
		ssize_t n;
		if (len + 1 >= sizeof request)
			return GNUTLS_E_RECORD_OVERFLOW;
		n = receive(session, request + len, 1, st);
		if (n < 0)
			return (int)n;
		if (n == 0) {
			fprintf(stderr, "tls-server: the client closed the connection within its request\n");
			return GNUTLS_E_PREMATURE_TERMINATION;
		}
		len++;
	}
	request[len] = '\0';
	if (opt.rehandshake) {
		if ((rc = request_rehandshake(session, st)) < 0)
			return rc;
		/* finish it before answering; data sent meanwhile are dropped */
		while (st->reneg_pending) {
			if ((rc = continue_renegotiation(session, st)) < 0)
				return rc;
			if (st->reneg_pending) {
				unsigned char junk[512];
				ssize_t n = gnutls_record_recv(session, junk, sizeof junk);
				if (n < 0 && n != GNUTLS_E_AGAIN && n != GNUTLS_E_INTERRUPTED)
					return (int)n;
				if (n == 0)
					return GNUTLS_E_PREMATURE_TERMINATION;
			}
		}
	}
	if (sscanf(request, "GET %1023s", path) != 1)
		snprintf(path, sizeof path, "?");
	printf("request: %s\n", path);
	if (strncmp(path, "/bytes/", 7) == 0)
		size = strtoul(path + 7, NULL, 10);
	else
		size = strlen(text);

	snprintf(header, sizeof header, "HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n"
					"Content-Length: %zu\r\n\r\n", size);
	rc = send_all(session, header, strlen(header));
	if (rc < 0)
		return rc;
	rc = gnutls_hash_init(&hash, GNUTLS_DIG_SHA256);
	if (rc < 0)
		return rc;
	while (sent < size) {
		size_t chunk = size - sent < sizeof body ? size - sent : sizeof body;
		if (strncmp(path, "/bytes/", 7) == 0)
			for (size_t i = 0; i < chunk; i++)
				body[i] = pattern_byte(sent + i);
		else
			memcpy(body, text, chunk);
		gnutls_hash(hash, body, chunk);
		rc = send_all(session, body, chunk);
		if (rc < 0)
			break;
		sent += chunk;
	}
	gnutls_hash_deinit(hash, digest);
	if (rc < 0)
		return rc;
	printf("bytes: %zu\n", sent);
	print_hex("sha256", digest, sizeof digest);
	return 0;
}

/* A tiny session cache for resumption by session ID: a fixed ring of
 * entries, the oldest overwritten first.  The library hands us opaque
 * session data under the session ID as key. */
#define CACHE_SLOTS 32
struct cache_entry {
	unsigned char key[64];
	unsigned key_len;
	unsigned char *data;
	unsigned data_len;
};
static struct {
	struct cache_entry slot[CACHE_SLOTS];
	unsigned next;
} cache;

static struct cache_entry *cache_find(const gnutls_datum_t *key)
{
	for (unsigned i = 0; i < CACHE_SLOTS; i++) {
		struct cache_entry *e = &cache.slot[i];
		if (e->data != NULL && e->key_len == key->size && memcmp(e->key, key->data, key->size) == 0)
			return e;
	}
	return NULL;
}

static int cache_store(void *ptr, gnutls_datum_t key, gnutls_datum_t data)
{
	struct cache_entry *e;
	(void)ptr;
	if (key.size > sizeof e->key)
		return -1;
	e = cache_find(&key);
	if (e == NULL) {
		e = &cache.slot[cache.next];
		cache.next = (cache.next + 1) % CACHE_SLOTS;
	}
	free(e->data);
	e->data = malloc(data.size ? data.size : 1);
	if (e->data == NULL)
		return -1;
	memcpy(e->key, key.data, key.size);
	e->key_len = key.size;
	memcpy(e->data, data.data, data.size);
	e->data_len = data.size;
	return 0;
}

/* The library frees what this returns with gnutls_free(). */
static gnutls_datum_t cache_fetch(void *ptr, gnutls_datum_t key)
{
	gnutls_datum_t out = { NULL, 0 };
	struct cache_entry *e = cache_find(&key);
	(void)ptr;
	if (e == NULL || (out.data = gnutls_malloc(e->data_len)) == NULL)
		return out;
	memcpy(out.data, e->data, e->data_len);
	out.size = e->data_len;
	return out;
}

static int cache_delete(void *ptr, gnutls_datum_t key)
{
	struct cache_entry *e = cache_find(&key);
	(void)ptr;
	if (e == NULL)
		return -1;
	free(e->data);
	e->data = NULL;
	return 0;
}

static void cache_clear(void)
{
	for (unsigned i = 0; i < CACHE_SLOTS; i++) {
		free(cache.slot[i].data);
		cache.slot[i].data = NULL;
	}
}

static void print_peer_certificate(gnutls_session_t session)
{
	unsigned count = 0, bits = 0;
	const gnutls_datum_t *chain = gnutls_certificate_get_peers(session, &count);
	gnutls_x509_crt_t crt;

	if (chain == NULL || count == 0) {
		printf("client-cert: none\n");
		return;
	}
	if (gnutls_x509_crt_init(&crt) < 0)
		return;
	if (gnutls_x509_crt_import(crt, &chain[0], GNUTLS_X509_FMT_DER) == 0) {
		int pk = gnutls_x509_crt_get_pk_algorithm(crt, &bits);
		printf("client-cert: %s %u\n", gnutls_pk_get_name((gnutls_pk_algorithm_t)pk), bits);
	}
	gnutls_x509_crt_deinit(crt);
}

/* Client certificates are checked explicitly once the handshake is done:
 * with --request-client-cert a client may send none, which is fine, but a
 * certificate that is sent must verify against --ca. */
static int verify_client(gnutls_session_t session)
{
	unsigned status = 0, count = 0;
	int rc;

	if (gnutls_certificate_get_peers(session, &count) == NULL || count == 0)
		return 0;
	rc = gnutls_certificate_verify_peers2(session, &status);
	if (rc < 0)
		return rc;
	if (status != 0) {
		gnutls_datum_t text;
		if (gnutls_certificate_verification_status_print(status, GNUTLS_CRT_X509, &text, 0) == 0) {
			fprintf(stderr, "tls-server: client certificate: %s\n", text.data);
			gnutls_free(text.data);
		}
		return GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR;
	}
	printf("client-verify: ok\n");
	return 0;
}

static void print_session(gnutls_session_t session)
{
	gnutls_datum_t alpn;
	char name[256];
	size_t name_len = sizeof name;
	unsigned type;
	gnutls_sign_algorithm_t sig = gnutls_sign_algorithm_get(session);

	printf("version: %s\n", gnutls_protocol_get_name(gnutls_protocol_get_version(session)));
	printf("cipher: %s\n", gnutls_cipher_get_name(gnutls_cipher_get(session)));
	printf("group: %s\n", gnutls_group_get(session) ? gnutls_group_get_name(gnutls_group_get(session)) : "none");
	/* the scheme our certificate's key signed the handshake with: it shows
	 * which of several certificates was chosen */
	printf("sigalg: %s\n", sig ? gnutls_sign_get_name(sig) : "none");
	printf("kx: %s\n", name_or_none(gnutls_kx_get_name(gnutls_kx_get(session))));
	printf("mac: %s\n", name_or_none(gnutls_mac_get_name(gnutls_mac_get(session))));
	printf("ems: %s\n", gnutls_session_ext_master_secret_status(session) ? "yes" : "no");
	printf("etm: %s\n", gnutls_session_etm_status(session) ? "yes" : "no");
	printf("safe-reneg: %s\n", gnutls_safe_renegotiation_status(session) ? "yes" : "no");
	printf("resumed: %s\n", gnutls_session_is_resumed(session) ? "yes" : "no");
	if (gnutls_alpn_get_selected_protocol(session, &alpn) == 0)
		printf("alpn: %.*s\n", (int)alpn.size, (const char *)alpn.data);
	else
		printf("alpn: none\n");
	if (gnutls_server_name_get(session, name, &name_len, &type, 0) == 0 && type == GNUTLS_NAME_DNS)
		printf("sni: %s\n", name);
	else
		printf("sni: none\n");
	print_peer_certificate(session);
	if (opt.verbose) {
		char *desc = gnutls_session_get_desc(session);
		if (desc != NULL)
			fprintf(stderr, "tls-server: session %s\n", desc);
		gnutls_free(desc);
	}
}

/* One connection from handshake to close; returns 0 or an error code. */
static int serve(int fd, gnutls_certificate_credentials_t cred, gnutls_priority_t prio,
		 const gnutls_datum_t *ticket_key)
{
	gnutls_session_t session;
	struct conn_state st = { 0, 0 };
	int rc;

	rc = gnutls_init(&session, GNUTLS_SERVER);
	if (rc < 0)
		return rc;
	if ((rc = gnutls_priority_set(session, prio)) < 0 ||
	    (rc = gnutls_credentials_set(session, GNUTLS_CRD_CERTIFICATE, cred)) < 0 ||
	    (!opt.no_tickets && (rc = gnutls_session_ticket_enable_server(session, ticket_key)) < 0))
		goto out;
	/* the session-ID cache (used by TLS 1.2 and older) */
	gnutls_db_set_retrieve_function(session, cache_fetch);
	gnutls_db_set_store_function(session, cache_store);
	gnutls_db_set_remove_function(session, cache_delete);
	gnutls_db_set_ptr(session, &cache);
	gnutls_certificate_server_set_request(session, opt.client_cert);
	if (opt.alpn_count > 0) {
		gnutls_datum_t protos[MAX_ALPN];
		for (unsigned i = 0; i < opt.alpn_count; i++) {
			protos[i].data = (unsigned char *)opt.alpn[i];
			protos[i].size = (unsigned)strlen(opt.alpn[i]);
		}
		if ((rc = gnutls_alpn_set_protocols(session, protos, opt.alpn_count, 0)) < 0)
			goto out;
	}
	gnutls_transport_set_int(session, fd);
	gnutls_handshake_set_timeout(session, (unsigned)opt.timeout * 1000);
	gnutls_record_set_timeout(session, (unsigned)opt.timeout * 1000);

	do {
		rc = gnutls_handshake(session);
	} while (rc < 0 && gnutls_error_is_fatal(rc) == 0);
	if (rc < 0)
		goto out;
	print_session(session);
	if ((rc = verify_client(session)) < 0)
		goto out;

	rc = opt.http ? serve_http(session, &st) : serve_echo(session, &st);
	printf("renegotiations: %u\n", st.renegotiations);
	if (rc == 0)
		gnutls_bye(session, GNUTLS_SHUT_WR);
out:
	gnutls_deinit(session);
	return rc;
}

int main(int argc, char **argv)
{
	gnutls_certificate_credentials_t cred;
	gnutls_priority_t prio;
	gnutls_datum_t ticket_key;
	const char *err_pos = NULL;
	struct sockaddr_in addr;
	socklen_t addr_len = sizeof addr;
	int rc, lfd, one = 1, failed = 0;

	parse_args(argc, argv);
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* A peer that already closed the connection must not kill us when we
	 * send (our close_notify, say): the send fails with EPIPE instead. */
	signal(SIGPIPE, SIG_IGN);

	rc = gnutls_certificate_allocate_credentials(&cred);
	if (rc < 0)
		die("gnutls_certificate_allocate_credentials", rc);
	/* Several pairs may share one credential; during each handshake the
	 * library uses the first one that suits what the client supports. */
	for (unsigned i = 0; i < opt.cert_count; i++) {
		rc = gnutls_certificate_set_x509_key_file(cred, opt.certs[i], opt.keys[i], GNUTLS_X509_FMT_PEM);
		if (rc < 0)
			die(opt.certs[i], rc);
	}
	if (opt.ca != NULL) {
		rc = gnutls_certificate_set_x509_trust_file(cred, opt.ca, GNUTLS_X509_FMT_PEM);
		if (rc < 0)
			die(opt.ca, rc);
	}
	if (opt.dhe) {
		rc = gnutls_certificate_set_known_dh_params(cred, GNUTLS_SEC_PARAM_MEDIUM);
		if (rc < 0)
			die("gnutls_certificate_set_known_dh_params", rc);
	}
	rc = gnutls_priority_init(&prio, opt.priority, &err_pos);
	if (rc < 0) {
		fprintf(stderr, "tls-server: priority string error at: %s\n", err_pos ? err_pos : "?");
		die("gnutls_priority_init", rc);
	}
	/* One secret key protects every session ticket this process issues. */
	rc = gnutls_session_ticket_key_generate(&ticket_key);
	if (rc < 0)
		die("gnutls_session_ticket_key_generate", rc);

	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd < 0) {
		perror("tls-server: socket");
		return 1;
	}
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = htons((unsigned short)opt.port);
	if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(lfd, 16) < 0 ||
	    getsockname(lfd, (struct sockaddr *)&addr, &addr_len) < 0) {
		perror("tls-server: bind");
		return 1;
	}
	printf("port: %u\n", ntohs(addr.sin_port));
	fflush(stdout);

	for (long n = 1; opt.count == 0 || n <= opt.count; n++) {
		int fd = accept(lfd, NULL, NULL);
		if (fd < 0) {
			perror("tls-server: accept");
			failed = 1;
			break;
		}
		printf("connection: %ld\n", n);
		rc = serve(fd, cred, prio, &ticket_key);
		close(fd);
		if (rc < 0) {
			fprintf(stderr, "tls-server: connection %ld: %s\n", n, gnutls_strerror(rc));
			printf("error: %s\n", gnutls_strerror(rc));
			printf("error-code: %d\n", rc);
			failed = 1;
		}
		printf("done: %ld\n", n);
	}

	close(lfd);
	cache_clear();
	gnutls_memset(ticket_key.data, 0, ticket_key.size);
	gnutls_free(ticket_key.data);
	gnutls_priority_deinit(prio);
	gnutls_certificate_free_credentials(cred);
	return failed;
}
