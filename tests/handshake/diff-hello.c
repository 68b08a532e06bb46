/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The ClientHello a client sends for a set of priority strings, printed
 * field by field (random bytes, session IDs and key share values left out:
 * they are fresh each time): run on the real GnuTLS and on tlshim by
 * run-diff.sh, the two must match byte for byte otherwise, so that servers
 * and middleboxes see the same hello whichever library sends it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>

#include "../common/loaded-lib.h"

static unsigned char out[65536];
static size_t out_len;

static ssize_t push(gnutls_transport_ptr_t p, const void *data, size_t n)
{
	(void)p;
	if (out_len + n > sizeof out)
		n = sizeof out - out_len;
	memcpy(out + out_len, data, n);
	out_len += n;
	return (ssize_t)n;
}

static ssize_t pull(gnutls_transport_ptr_t p, void *data, size_t n)
{
	(void)data;
	(void)n;
	gnutls_transport_set_errno((gnutls_session_t)p, EAGAIN);
	return -1;
}

static unsigned u16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static void hex(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		printf("%02x", p[i]);
}

static gnutls_certificate_credentials_t cred;
static gnutls_psk_client_credentials_t pskcred;

/* pre_shared_key (RFC 8446 section 4.2.11): each identity with its
 * obfuscated age, then the binder lengths. */
static void show_psk(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *ids, *ids_end;
	if (p + 2 > end)
		return;
	ids = p + 2;
	ids_end = ids + u16(p);
	printf(":");
	while (ids + 2 <= ids_end) {
		unsigned n = u16(ids);
		printf(" id=");
		if (n <= 16)
			hex(ids + 2, n);
		else
			printf("(%u bytes)", n);
		printf("/age%s", u16(ids + 2 + n) == 0 && u16(ids + 4 + n) == 0 ? "=0" : "!=0");
		ids += 2 + n + 4;
	}
	p = ids_end + 2;
	printf(" binders");
	while (p < end) {
		printf(" %u", p[0]);
		p += 1 + p[0];
	}
}

static void show(const char *prio, int psk)
{
	gnutls_session_t s;
	const char *err = NULL;
	int rc;
	out_len = 0;
	gnutls_init(&s, GNUTLS_CLIENT);
	printf("%s%s:\n", prio, psk == 1 ? " (psk credentials)" : psk == 2 ? " (psk and certificate credentials)" : "");
	rc = gnutls_priority_set_direct(s, prio, &err);
	if (rc < 0) {
		printf("  priority: %s\n", gnutls_strerror_name(rc));
		gnutls_deinit(s);
		return;
	}
	/* GnuTLS leaves out what needs credentials the session lacks. */
	if (psk != 1)
		gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
	if (psk != 0)
		gnutls_credentials_set(s, GNUTLS_CRD_PSK, pskcred);
	gnutls_server_name_set(s, GNUTLS_NAME_DNS, "example.com", 11);
	gnutls_transport_set_ptr(s, s);
	gnutls_transport_set_push_function(s, push);
	gnutls_transport_set_pull_function(s, pull);
	rc = gnutls_handshake(s);
	printf("  handshake: %s\n", gnutls_strerror_name(rc));
	/* One record: header, then the message. */
	if (out_len < 9 || out[0] != 22) {
		printf("  no hello\n");
		gnutls_deinit(s);
		return;
	}
	{
		const unsigned char *m = out + 5, *end = out + 5 + u16(out + 3);
		const unsigned char *b = m + 4, *p;
		size_t n;
		printf("  record version %04x, message type %u\n", u16(out + 1), m[0]);
		printf("  legacy_version %04x\n", u16(b));
		p = b + 2 + 32;
		printf("  session id: %u bytes\n", p[0]);
		p += 1 + p[0];
		n = u16(p);
		printf("  suites:");
		for (size_t i = 0; i < n; i += 2)
			printf(" %04x", u16(p + 2 + i));
		printf("\n");
		p += 2 + n;
		printf("  compression: ");
		hex(p + 1, p[0]);
		printf("\n");
		p += 1 + p[0];
		if (p + 2 > end) {
			printf("  no extensions\n");
		} else {
			const unsigned char *e = p + 2, *eend = p + 2 + u16(p);
			while (e + 4 <= eend) {
				unsigned type = u16(e), len = u16(e + 2);
				printf("  extension %u (%u bytes)", type, len);
				if (type == 51) {
					/* key_share: the groups and key sizes only */
					const unsigned char *k = e + 6, *kend = e + 4 + len;
					printf(":");
					while (k + 4 <= kend) {
						printf(" %04x/%u", u16(k), u16(k + 2));
						k += 4 + u16(k + 2);
					}
				} else if (type == 41) {
					show_psk(e + 4, e + 4 + len);
				} else if (len > 0) {
					printf(": ");
					hex(e + 4, len);
				}
				printf("\n");
				e += 4 + len;
			}
		}
	}
	gnutls_deinit(s);
}

int main(void)
{
	static const char *const prios[] = {
		"NORMAL",
		"NORMAL:-VERS-ALL:+VERS-TLS1.3",
		"NORMAL:-VERS-ALL:+VERS-TLS1.2",
		"NORMAL:-VERS-ALL:+VERS-TLS1.1",
		"NORMAL:-VERS-ALL:+VERS-TLS1.0",
		"NORMAL:-VERS-ALL:+VERS-TLS1.1:+VERS-TLS1.0",
		"NORMAL:-VERS-TLS1.3",
		"NORMAL:%NO_ETM:%NO_SESSION_HASH",
		"NORMAL:%NO_TICKETS",
		"NORMAL:%DISABLE_SAFE_RENEGOTIATION",
		"NORMAL:-VERS-ALL:+VERS-TLS1.2:%DISABLE_SAFE_RENEGOTIATION",
		"NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-GCM",
		"NORMAL:-VERS-ALL:+VERS-TLS1.3:-MAC-ALL:+AEAD",
		"NONE:+VERS-TLS1.2:+AES-128-GCM:+AEAD:+SIGN-ALL:+COMP-NULL:+RSA",
		"NONE:+VERS-TLS1.2:+AES-128-CBC:+SHA1:+SIGN-ALL:+COMP-NULL:+ECDHE-RSA:+GROUP-ALL",
		"NONE:+VERS-TLS1.2:+AES-128-GCM:+AEAD:+SIGN-ALL:+COMP-NULL:+DHE-RSA:+GROUP-ALL",
		"NORMAL:-VERS-ALL:+VERS-TLS1.2:-SIGN-ALL:+SIGN-ECDSA-SHA256",
		"NORMAL:-GROUP-ALL:+GROUP-FFDHE2048",
		"SECURE256",
		"PERFORMANCE:%SERVER_PRECEDENCE",
		"NONE:+VERS-TLS1.0:+CAMELLIA-128-CBC:+SHA1:+SIGN-ALL:+COMP-NULL:+RSA",
		"NONE:+VERS-TLS1.0:+AES-128-CBC:+SHA1:+SIGN-ALL:+COMP-NULL:+RSA",
		"NONE:+VERS-TLS1.2:+CHACHA20-POLY1305:+AEAD:+SIGN-ALL:+COMP-NULL:+ECDHE-RSA:+CURVE-ALL",
	};
	static const char *const psk_prios[] = {
		"NORMAL:-VERS-ALL:+VERS-TLS1.3:-KX-ALL:+PSK",
		"NORMAL:-VERS-ALL:+VERS-TLS1.3:-KX-ALL:+DHE-PSK",
		"NORMAL:-VERS-ALL:+VERS-TLS1.3:-KX-ALL:+ECDHE-PSK",
		"NORMAL:-VERS-ALL:+VERS-TLS1.3:-KX-ALL:+ECDHE-PSK:+PSK",
		"NORMAL:-VERS-ALL:+VERS-TLS1.3:-KX-ALL:+PSK:+ECDHE-PSK",
		"NORMAL:-VERS-ALL:+VERS-TLS1.3:+PSK",
		"NORMAL:-VERS-ALL:+VERS-TLS1.3:+ECDHE-PSK:+DHE-PSK:+PSK",
		"NORMAL:-VERS-ALL:+VERS-TLS1.3:-KX-ALL:+PSK:%NO_TICKETS",
		"NORMAL:+PSK:+ECDHE-PSK",
		"NORMAL:-KX-ALL:+PSK",
		"NORMAL",
	};
	static const unsigned char key_bytes[4] = {1, 2, 3, 4};
	const gnutls_datum_t key = {(unsigned char *)key_bytes, sizeof key_bytes};
	char lib[4096] = "none";
	tlshim_loaded_gnutls(lib, sizeof lib);
	printf("LOADED %s\n", lib);
	gnutls_certificate_allocate_credentials(&cred);
	for (size_t i = 0; i < sizeof prios / sizeof prios[0]; i++)
		show(prios[i], 0);
	gnutls_psk_allocate_client_credentials(&pskcred);
	gnutls_psk_set_client_credentials(pskcred, "alice", &key, GNUTLS_PSK_KEY_RAW);
	for (size_t i = 0; i < sizeof psk_prios / sizeof psk_prios[0]; i++) {
		show(psk_prios[i], 0);
		show(psk_prios[i], 1);
		show(psk_prios[i], 2);
	}
	gnutls_psk_free_client_credentials(pskcred);
	gnutls_certificate_free_credentials(cred);
	return 0;
}
