/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tls-client: a small TLS client written against the public GnuTLS API only.
 *
 *   tls-client [options] HOST PORT
 *
 *   --priority STR   priority string (default "NORMAL")
 *   --ca FILE        trusted CA certificates (PEM); when given, the server's
 *                    certificate is verified for the --sni name or HOST
 *   --cert FILE      client certificate chain (PEM), with --key FILE
 *   --key FILE       private key of the client certificate (PEM)
 *   --sni NAME       server name to send (default: HOST unless it is an
 *                    IP address)
 *   --alpn PROTO     offer an ALPN protocol (repeatable, in order)
 *   --http PATH      send "GET PATH HTTP/1.0", read the answer to the end
 *                    and print the size and SHA-256 of the body
 *   --save FILE      with --http: also write the body to FILE
 *   --echo N         send N bytes of a fixed pattern and check that the
 *                    same bytes come back
 *   --send TEXT      send TEXT followed by a newline       } repeatable,
 *   --expect TEXT    read until TEXT has been received     } run in order
 *   --key-update     after the handshake, update our keys and ask the
 *                    server to update its own
 *   --resume         connect twice; the second connection resumes the
 *                    first one's session
 *   --rehandshake    renegotiate (TLS 1.2 and older) once the first
 *                    --expect text has arrived, or right after the
 *                    handshake when there is no --expect
 *   --refuse-rehandshake
 *                    answer a server's renegotiation request with a
 *                    no_renegotiation warning instead of a new handshake
 *   --timeout SEC    give up when the peer is silent this long (default 30)
 *   --verbose        more details on stderr
 *
 * Every fact about a connection is printed on its own "name: value" line on
 * stdout (version, cipher, group, sigalg, resumed, alpn, bytes, sha256...),
 * so that scripts can check them.  A request from the server to renegotiate
 * (GNUTLS_E_REHANDSHAKE from gnutls_record_recv) is obeyed by default; each
 * completed renegotiation prints "renegotiated: yes" and the new "reneg-*"
 * parameters, and "renegotiations: N" ends every connection.  On any error
 * the program prints the library's description of it (and its number) on
 * stderr and exits with status 1.
 */
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_ALPN 8
#define MAX_STEPS 16

struct step {
	int expect; /* 0: send the text, 1: wait for it */
	const char *text;
};

struct options {
	const char *host, *port;
	const char *priority;
	const char *ca, *cert, *key, *sni;
	const char *alpn[MAX_ALPN];
	unsigned alpn_count;
	const char *http_path, *save_path;
	long echo_bytes; /* -1: no echo */
	struct step steps[MAX_STEPS];
	unsigned step_count;
	int key_update, resume, verbose, timeout;
	int rehandshake, refuse_rehandshake;
};

/* Renegotiation state of the current connection. */
static struct {
	int pending;		  /* a new handshake is under way */
	unsigned renegotiations; /* completed ones */
} reneg;

static struct options opt = { .priority = "NORMAL", .echo_bytes = -1, .timeout = 30 };

static void usage(void)
{
	fprintf(stderr, "usage: tls-client [--priority STR] [--ca FILE] [--cert FILE --key FILE] [--sni NAME]\n"
			"                  [--alpn PROTO]... [--http PATH [--save FILE] | --echo N] [--send TEXT] [--expect TEXT]\n"
			"                  [--key-update] [--resume] [--rehandshake | --refuse-rehandshake]\n"
			"                  [--timeout SEC] [--verbose] HOST PORT\n");
	exit(2);
}

/* Reports a failed library call and stops the program. */
static void die(const char *what, int err)
{
	fprintf(stderr, "tls-client: %s: %s (%d)\n", what, gnutls_strerror(err), err);
	exit(1);
}

static void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("tls-client: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void parse_args(int argc, char **argv)
{
	int i;
	for (i = 1; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		const char *name = argv[i];
		/* every option but the flags takes one value */
		int flag = !strcmp(name, "--key-update") || !strcmp(name, "--resume") || !strcmp(name, "--verbose") ||
			   !strcmp(name, "--rehandshake") || !strcmp(name, "--refuse-rehandshake");
		const char *val = NULL;
		if (!flag) {
			if (i + 1 >= argc)
				usage();
			val = argv[++i];
		}
		if (!strcmp(name, "--priority"))
			opt.priority = val;
		else if (!strcmp(name, "--ca"))
			opt.ca = val;
		else if (!strcmp(name, "--cert"))
			opt.cert = val;
		else if (!strcmp(name, "--key"))
			opt.key = val;
		else if (!strcmp(name, "--sni"))
			opt.sni = val;
		else if (!strcmp(name, "--alpn")) {
			if (opt.alpn_count == MAX_ALPN)
				fail("too many --alpn options");
			opt.alpn[opt.alpn_count++] = val;
		} else if (!strcmp(name, "--http"))
			opt.http_path = val;
		else if (!strcmp(name, "--save"))
			opt.save_path = val;
		else if (!strcmp(name, "--echo"))
			opt.echo_bytes = atol(val);
		else if (!strcmp(name, "--send") || !strcmp(name, "--expect")) {
			if (opt.step_count == MAX_STEPS)
				fail("too many --send/--expect options");
			opt.steps[opt.step_count].expect = name[2] == 'e';
			opt.steps[opt.step_count++].text = val;
		} else if (!strcmp(name, "--timeout"))
			opt.timeout = atoi(val);
		else if (!strcmp(name, "--key-update"))
			opt.key_update = 1;
		else if (!strcmp(name, "--resume"))
			opt.resume = 1;
		else if (!strcmp(name, "--rehandshake"))
			opt.rehandshake = 1;
		else if (!strcmp(name, "--refuse-rehandshake"))
			opt.refuse_rehandshake = 1;
		else if (!strcmp(name, "--verbose"))
			opt.verbose = 1;
		else
			usage();
	}
	if (argc - i != 2 || (opt.cert == NULL) != (opt.key == NULL) || (opt.http_path && opt.echo_bytes >= 0) ||
	    (opt.rehandshake && opt.refuse_rehandshake))
		usage();
	opt.host = argv[i];
	opt.port = argv[i + 1];
	/* By default the server name is the host we connect to, unless that is
	 * a numeric address (a name indication never carries an address). */
	if (opt.sni == NULL) {
		unsigned char addr[16];
		if (inet_pton(AF_INET, opt.host, addr) != 1 && inet_pton(AF_INET6, opt.host, addr) != 1)
			opt.sni = opt.host;
	}
}

/* Opens a TCP connection to HOST:PORT. */
static int tcp_connect(void)
{
	struct addrinfo hints, *res, *ai;
	int fd = -1, rc;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	rc = getaddrinfo(opt.host, opt.port, &hints, &res);
	if (rc != 0)
		fail("%s:%s: %s", opt.host, opt.port, gai_strerror(rc));
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (fd < 0)
			continue;
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0)
		fail("cannot connect to %s port %s", opt.host, opt.port);
	return fd;
}

/* The socket is blocking, but the library may still ask to be called again
 * (GNUTLS_E_AGAIN), for instance after it processed a post-handshake
 * message such as a session ticket or a key update. */
static void send_all(gnutls_session_t session, const void *data, size_t len)
{
	const unsigned char *p = data;
	while (len > 0) {
		ssize_t n = gnutls_record_send(session, p, len);
		if (n == GNUTLS_E_INTERRUPTED || n == GNUTLS_E_AGAIN)
			continue;
		if (n < 0)
			die("sending", (int)n);
		p += n;
		len -= (size_t)n;
	}
}

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

/* Drives the pending renegotiation.  It returns when the new handshake is
 * complete, when the server declined it with a no_renegotiation warning
 * (the connection then goes on unchanged), or when application data came
 * in before the server's hello: those wait in the library for the next
 * gnutls_record_recv(), and the handshake is resumed after them. */
static void continue_renegotiation(gnutls_session_t session)
{
	for (;;) {
		int rc = gnutls_handshake(session);
		if (rc == 0) {
			reneg.pending = 0;
			reneg.renegotiations++;
			printf("renegotiated: yes\n");
			print_renegotiated(session);
			return;
		}
		/* not fatal, although gnutls_error_is_fatal() says so */
		if (rc == GNUTLS_E_GOT_APPLICATION_DATA)
			return;
		if (rc == GNUTLS_E_WARNING_ALERT_RECEIVED) {
			if (gnutls_alert_get(session) == GNUTLS_A_NO_RENEGOTIATION) {
				reneg.pending = 0;
				printf("renegotiated: refused\n");
				return;
			}
			continue; /* other warnings do not stop the handshake */
		}
		if (rc == GNUTLS_E_INTERRUPTED || rc == GNUTLS_E_AGAIN)
			continue;
		die("renegotiation", rc);
	}
}

/* Reads what is available.  Returns the number of bytes, 0 when the server
 * closed the connection properly (close_notify), and -1 when it closed the
 * TCP connection without one.  Renegotiation requests are handled on the
 * way. */
static ssize_t receive(gnutls_session_t session, void *buf, size_t len)
{
	for (;;) {
		ssize_t n;
		if (reneg.pending)
			continue_renegotiation(session);
		n = gnutls_record_recv(session, buf, len);
		if (n >= 0)
			return n;
		if (n == GNUTLS_E_INTERRUPTED || n == GNUTLS_E_AGAIN)
			continue; /* GNUTLS_E_TIMEDOUT ends the program below */
		if (n == GNUTLS_E_REHANDSHAKE) {
			/* The server sent a HelloRequest (TLS 1.2 and older).  We may
			 * run a new handshake, or decline with a warning alert; a
			 * server has to accept that answer. */
			if (opt.refuse_rehandshake) {
				int rc = gnutls_alert_send(session, GNUTLS_AL_WARNING, GNUTLS_A_NO_RENEGOTIATION);
				if (rc < 0)
					die("gnutls_alert_send", rc);
				printf("rehandshake-request: refused\n");
			} else {
				printf("rehandshake-request: accepted\n");
				reneg.pending = 1;
			}
			continue;
		}
		if (n == GNUTLS_E_PREMATURE_TERMINATION)
			return -1;
		die("receiving", (int)n);
	}
}

/* The bytes --echo sends: a pattern that does not repeat within a record,
 * so lost, doubled or reordered records are noticed. */
static unsigned char pattern_byte(size_t i)
{
	return (unsigned char)((i % 251) + (i >> 16));
}

static void print_hex(const char *label, const unsigned char *p, size_t len)
{
	printf("%s: ", label);
	for (size_t i = 0; i < len; i++)
		printf("%02x", p[i]);
	printf("\n");
}

/* --http: one GET, then everything the server sends until it closes.
 * The status line and headers are separated from the body, which is
 * counted and hashed as it arrives (it may be much larger than memory we
 * want to hold). */
static void do_http(gnutls_session_t session)
{
	char request[1024];
	unsigned char buf[16384], digest[32];
	char head[8192];
	size_t head_len = 0, body_len = 0;
	int in_body = 0;
	ssize_t n;
	gnutls_hash_hd_t hash;
	FILE *save = NULL;
	int rc;

	if (opt.save_path != NULL && (save = fopen(opt.save_path, "wb")) == NULL)
		fail("cannot write %s", opt.save_path);
	snprintf(request, sizeof request, "GET %s HTTP/1.0\r\n\r\n", opt.http_path);
	send_all(session, request, strlen(request));

	rc = gnutls_hash_init(&hash, GNUTLS_DIG_SHA256);
	if (rc < 0)
		die("gnutls_hash_init", rc);
	while ((n = receive(session, buf, sizeof buf)) > 0) {
		size_t off = 0;
		while (!in_body && off < (size_t)n) {
			/* collect the header one byte at a time until the empty line */
			if (head_len + 1 >= sizeof head)
				fail("HTTP header too long");
			head[head_len++] = (char)buf[off++];
			head[head_len] = '\0';
			if (head_len >= 4 && memcmp(head + head_len - 4, "\r\n\r\n", 4) == 0)
				in_body = 1;
		}
		if (off < (size_t)n) {
			gnutls_hash(hash, buf + off, (size_t)n - off);
			body_len += (size_t)n - off;
			if (save != NULL && fwrite(buf + off, 1, (size_t)n - off, save) != (size_t)n - off)
				fail("cannot write %s", opt.save_path);
		}
	}
	gnutls_hash_deinit(hash, digest);
	if (save != NULL && fclose(save) != 0)
		fail("cannot write %s", opt.save_path);
	printf("close: %s\n", n == 0 ? "notify" : "tcp");
	if (!in_body)
		fail("the server closed the connection before the end of the HTTP header");
	head[strcspn(head, "\r\n")] = '\0';
	printf("status: %s\n", head);
	printf("bytes: %zu\n", body_len);
	print_hex("sha256", digest, sizeof digest);
}

/* --echo N: sends the pattern in pieces and reads each piece back before
 * sending the next one, so neither side ever waits on a full socket. */
static void do_echo(gnutls_session_t session)
{
	static unsigned char out[16384], in[16384];
	size_t done = 0, total = (size_t)opt.echo_bytes;

	while (done < total) {
		size_t chunk = total - done < sizeof out ? total - done : sizeof out;
		size_t got = 0;
		for (size_t i = 0; i < chunk; i++)
			out[i] = pattern_byte(done + i);
		send_all(session, out, chunk);
		while (got < chunk) {
			ssize_t n = receive(session, in + got, chunk - got);
			if (n <= 0)
				fail("the server closed the connection after %zu echoed bytes", done + got);
			got += (size_t)n;
		}
		if (memcmp(in, out, chunk) != 0)
			fail("echoed data differ from what was sent, in bytes %zu..%zu", done, done + chunk);
		done += chunk;
	}
	printf("echo: %zu bytes ok\n", done);
}

/* --send / --expect, in the order given on the command line. */
static void start_renegotiation(gnutls_session_t session);

static void do_steps(gnutls_session_t session)
{
	static char seen[65536];
	size_t seen_len = 0;
	int expected = 0;

	for (unsigned s = 0; s < opt.step_count; s++) {
		const char *text = opt.steps[s].text;
		if (!opt.steps[s].expect) {
			/* the text and its newline go in one record (at
			 * most 2^14 bytes) */
			static char line[16384 + 1];
			int len = snprintf(line, sizeof line, "%s\n", text);
			if (len < 0 || (size_t)len >= sizeof line)
				fail("--send text too long");
			send_all(session, line, (size_t)len);
			printf("sent: %s\n", text);
			continue;
		}
		/* keep reading until the text shows up in what was received so far
		 * (the text seen for an earlier --expect is consumed) */
		for (;;) {
			seen[seen_len] = '\0';
			char *hit = strstr(seen, text);
			if (hit != NULL) {
				size_t used = (size_t)(hit - seen) + strlen(text);
				memmove(seen, seen + used, seen_len - used);
				seen_len -= used;
				break;
			}
			if (seen_len + 1 >= sizeof seen)
				fail("received 64 KiB without seeing \"%s\"", text);
			ssize_t n = receive(session, seen + seen_len, sizeof seen - 1 - seen_len);
			if (n <= 0)
				fail("the server closed the connection before sending \"%s\"", text);
			/* binary zeroes would hide text from strstr; show them as '.' */
			for (ssize_t i = 0; i < n; i++)
				if (seen[seen_len + i] == '\0')
					seen[seen_len + i] = '.';
			seen_len += (size_t)n;
		}
		printf("received: %s\n", text);
		if (expected++ == 0 && opt.rehandshake)
			start_renegotiation(session);
	}
}

/* --rehandshake: on an established TLS 1.2 session, gnutls_handshake()
 * starts a new handshake with a ClientHello. */
static void start_renegotiation(gnutls_session_t session)
{
	printf("rehandshake: started\n");
	reneg.pending = 1;
	continue_renegotiation(session);
}

/* Prints the public key type and size of the peer's certificate. */
static void print_peer_certificate(gnutls_session_t session)
{
	unsigned count = 0;
	const gnutls_datum_t *chain = gnutls_certificate_get_peers(session, &count);
	gnutls_x509_crt_t crt;
	unsigned bits = 0;

	if (chain == NULL || count == 0) {
		printf("peer-cert: none\n");
		return;
	}
	if (gnutls_x509_crt_init(&crt) < 0)
		return;
	if (gnutls_x509_crt_import(crt, &chain[0], GNUTLS_X509_FMT_DER) == 0) {
		int pk = gnutls_x509_crt_get_pk_algorithm(crt, &bits);
		printf("peer-cert: %s %u\n", gnutls_pk_get_name((gnutls_pk_algorithm_t)pk), bits);
	}
	gnutls_x509_crt_deinit(crt);
}

/* One line per negotiated parameter. */
static void print_session(gnutls_session_t session)
{
	gnutls_datum_t alpn;
	char *desc;

	printf("version: %s\n", gnutls_protocol_get_name(gnutls_protocol_get_version(session)));
	printf("cipher: %s\n", gnutls_cipher_get_name(gnutls_cipher_get(session)));
	printf("group: %s\n", gnutls_group_get(session) ? gnutls_group_get_name(gnutls_group_get(session)) : "none");
	printf("sigalg: %s\n", gnutls_sign_algorithm_get(session) ? gnutls_sign_get_name(gnutls_sign_algorithm_get(session))
								  : "none");
	print_peer_certificate(session);
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
	if (opt.cert != NULL)
		printf("cert-requested: %s\n", gnutls_certificate_client_get_request_status(session) ? "yes" : "no");
	if (opt.verbose) {
		desc = gnutls_session_get_desc(session);
		if (desc != NULL)
			fprintf(stderr, "tls-client: session %s\n", desc);
		gnutls_free(desc);
	}
}

/* Connects once.  When resume_data is given the session resumes it; when
 * save is given, the session's resumption data are stored there. */
static void run_connection(gnutls_certificate_credentials_t cred, gnutls_priority_t prio,
			   const gnutls_datum_t *resume_data, gnutls_datum_t *save)
{
	gnutls_session_t session;
	int rc, fd;

	rc = gnutls_init(&session, GNUTLS_CLIENT);
	if (rc < 0)
		die("gnutls_init", rc);
	rc = gnutls_priority_set(session, prio);
	if (rc < 0)
		die("gnutls_priority_set", rc);
	rc = gnutls_credentials_set(session, GNUTLS_CRD_CERTIFICATE, cred);
	if (rc < 0)
		die("gnutls_credentials_set", rc);
	if (opt.sni != NULL) {
		rc = gnutls_server_name_set(session, GNUTLS_NAME_DNS, opt.sni, strlen(opt.sni));
		if (rc < 0)
			die("gnutls_server_name_set", rc);
	}
	/* With trusted CAs, the library checks the server's certificate chain
	 * and name during the handshake itself. */
	if (opt.ca != NULL)
		gnutls_session_set_verify_cert(session, opt.sni ? opt.sni : opt.host, 0);
	if (opt.alpn_count > 0) {
		gnutls_datum_t protos[MAX_ALPN];
		for (unsigned i = 0; i < opt.alpn_count; i++) {
			protos[i].data = (unsigned char *)opt.alpn[i];
			protos[i].size = (unsigned)strlen(opt.alpn[i]);
		}
		rc = gnutls_alpn_set_protocols(session, protos, opt.alpn_count, 0);
		if (rc < 0)
			die("gnutls_alpn_set_protocols", rc);
	}
	if (resume_data != NULL) {
		rc = gnutls_session_set_data(session, resume_data->data, resume_data->size);
		if (rc < 0)
			die("gnutls_session_set_data", rc);
	}

	fd = tcp_connect();
	gnutls_transport_set_int(session, fd);
	/* a silent server makes the handshake or a read fail instead of hanging */
	gnutls_handshake_set_timeout(session, (unsigned)opt.timeout * 1000);
	gnutls_record_set_timeout(session, (unsigned)opt.timeout * 1000);

	do {
		rc = gnutls_handshake(session);
	} while (rc < 0 && gnutls_error_is_fatal(rc) == 0);
	if (rc < 0) {
		if (rc == GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR) {
			gnutls_datum_t text;
			unsigned status = gnutls_session_get_verify_cert_status(session);
			if (gnutls_certificate_verification_status_print(status, GNUTLS_CRT_X509, &text, 0) == 0) {
				fprintf(stderr, "tls-client: %s\n", text.data);
				gnutls_free(text.data);
			}
		}
		die("handshake", rc);
	}
	print_session(session);
	if (opt.ca != NULL)
		printf("verify: ok\n");

	if (opt.key_update) {
		/* GNUTLS_KU_PEER also asks the server to change its sending keys */
		rc = gnutls_session_key_update(session, GNUTLS_KU_PEER);
		if (rc < 0)
			die("gnutls_session_key_update", rc);
		printf("key-update: sent\n");
	}

	reneg.pending = 0;
	reneg.renegotiations = 0;
	if (opt.rehandshake) {
		int has_expect = 0;
		for (unsigned s = 0; s < opt.step_count; s++)
			has_expect |= opt.steps[s].expect;
		if (!has_expect)
			start_renegotiation(session);
	}

	do_steps(session);
	if (opt.http_path != NULL)
		do_http(session);
	else if (opt.echo_bytes >= 0)
		do_echo(session);

	/* Under TLS 1.3 the ticket for resumption comes after the handshake, so
	 * the data are taken after some application data were exchanged. */
	if (save != NULL) {
		rc = gnutls_session_get_data2(session, save);
		if (rc < 0)
			die("gnutls_session_get_data2", rc);
	}

	printf("renegotiations: %u\n", reneg.renegotiations);

	/* A server that already closed the connection (HTTP) cannot read our
	 * close_notify any more; that is fine. */
	gnutls_bye(session, GNUTLS_SHUT_WR);
	close(fd);
	gnutls_deinit(session);
}

int main(int argc, char **argv)
{
	gnutls_certificate_credentials_t cred;
	gnutls_priority_t prio;
	const char *err_pos = NULL;
	int rc;

	parse_args(argc, argv);
	/* A peer that already closed the connection must not kill us when we
	 * send (our close_notify, say): the send fails with EPIPE instead. */
	signal(SIGPIPE, SIG_IGN);
	/* output lines should reach a pipe even if we are killed later */
	setvbuf(stdout, NULL, _IOLBF, 0);

	rc = gnutls_certificate_allocate_credentials(&cred);
	if (rc < 0)
		die("gnutls_certificate_allocate_credentials", rc);
	if (opt.ca != NULL) {
		rc = gnutls_certificate_set_x509_trust_file(cred, opt.ca, GNUTLS_X509_FMT_PEM);
		if (rc < 0)
			die(opt.ca, rc);
	}
	if (opt.cert != NULL) {
		rc = gnutls_certificate_set_x509_key_file(cred, opt.cert, opt.key, GNUTLS_X509_FMT_PEM);
		if (rc < 0)
			die(opt.cert, rc);
	}
	rc = gnutls_priority_init(&prio, opt.priority, &err_pos);
	if (rc < 0) {
		fprintf(stderr, "tls-client: priority string error at: %s\n", err_pos ? err_pos : "?");
		die("gnutls_priority_init", rc);
	}

	if (opt.resume) {
		gnutls_datum_t data = { NULL, 0 };
		printf("connection: 1\n");
		run_connection(cred, prio, NULL, &data);
		printf("connection: 2\n");
		run_connection(cred, prio, &data, NULL);
		gnutls_free(data.data);
	} else {
		run_connection(cred, prio, NULL, NULL);
	}

	gnutls_priority_deinit(prio);
	gnutls_certificate_free_credentials(cred);
	return 0;
}
