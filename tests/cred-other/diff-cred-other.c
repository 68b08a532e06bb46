/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * DH parameter objects and the anonymous, PSK and SRP credentials at the
 * API level: return codes of good and bad arguments, the bytes of every
 * export (PKCS #3 DER and PEM, raw numbers, copies), the short-buffer
 * convention, the PSK key formats, the session getters before a handshake
 * and SRP verifiers.  Calls that crash the real GnuTLS (exports of empty
 * parameters, cpy from empty parameters, freeing NULL credentials) are left
 * out.  gnutls_dh_params_generate2() is only compared where both libraries
 * agree by design (argument errors, prime size and private key size of a
 * 2048-bit request).  Run by run-diff.sh on both libraries; argv[1] is a
 * scratch directory for the PSK and SRP files.
 */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/loaded-lib.h"

static void hex(const char *label, const unsigned char *d, size_t n)
{
	printf("%s(%zu)=", label, n);
	for (size_t i = 0; i < n; i++)
		printf("%02x", d[i]);
	printf("\n");
}

static void export_all(const char *what, gnutls_dh_params_t p)
{
	gnutls_datum_t P = {NULL, 0}, G = {NULL, 0}, out;
	unsigned bits = 12345;
	int rc = gnutls_dh_params_export_raw(p, &P, &G, &bits);
	printf("%s: export_raw=%d bits=%u\n", what, rc, bits);
	if (rc == 0) {
		hex("  p", P.data, P.size);
		hex("  g", G.data, G.size);
		gnutls_free(P.data);
		gnutls_free(G.data);
	}
	if (rc != 0)
		return;
	rc = gnutls_dh_params_export_raw(p, &P, &G, NULL);
	printf("%s: export_raw(no bits)=%d\n", what, rc);
	if (rc == 0) {
		gnutls_free(P.data);
		gnutls_free(G.data);
	}
	unsigned char buf[4096];
	for (int fmt = GNUTLS_X509_FMT_DER; fmt <= GNUTLS_X509_FMT_PEM; fmt++) {
		memset(buf, 'X', sizeof buf);
		size_t sz = sizeof buf;
		rc = gnutls_dh_params_export_pkcs3(p, fmt, buf, &sz);
		printf("%s: export_pkcs3 fmt=%d rc=%d size=%zu term=%02x\n", what, fmt, rc, sz, rc == 0 ? buf[sz] : 0);
		if (rc == 0) {
			if (fmt == GNUTLS_X509_FMT_PEM)
				printf("%.*s", (int)sz, buf);
			else
				hex("  der", buf, sz);
		}
		size_t full = sz;
		sz = full;
		rc = gnutls_dh_params_export_pkcs3(p, fmt, buf, &sz);
		printf("%s: exact size rc=%d size=%zu\n", what, rc, sz);
		sz = 3;
		rc = gnutls_dh_params_export_pkcs3(p, fmt, buf, &sz);
		printf("%s: short rc=%d size=%zu\n", what, rc, sz);
		sz = full + 1;
		rc = gnutls_dh_params_export_pkcs3(p, fmt, NULL, &sz);
		printf("%s: null buffer rc=%d size=%zu\n", what, rc, sz);
		rc = gnutls_dh_params_export2_pkcs3(p, fmt, &out);
		/* Only the PEM form is NUL-terminated by the real GnuTLS. */
		printf("%s: export2 fmt=%d rc=%d size=%u same=%d term=%02x\n", what, fmt, rc, out.size,
		       rc == 0 && out.size == full && memcmp(out.data, buf, full) == 0,
		       rc == 0 && fmt == GNUTLS_X509_FMT_PEM ? out.data[out.size] : 0);
		if (rc == 0)
			gnutls_free(out.data);
	}
	rc = gnutls_dh_params_export2_pkcs3(p, 7, &out);
	printf("%s: export2 fmt=7 rc=%d size=%u pem=%d\n", what, rc, out.size,
	       rc == 0 && memcmp(out.data, "-----BEGIN DH PARAMETERS-----\n", 30) == 0);
	if (rc == 0)
		gnutls_free(out.data);
}

static void import_der(gnutls_dh_params_t p, const char *what, const unsigned char *der, size_t n, int fmt)
{
	gnutls_datum_t d = {(unsigned char *)der, (unsigned)n};
	int rc = gnutls_dh_params_import_pkcs3(p, &d, fmt);
	printf("import_pkcs3 %s: %d\n", what, rc);
	if (rc == 0)
		export_all(what, p);
}

static void import_text(gnutls_dh_params_t p, const char *what, const char *text, int fmt)
{
	import_der(p, what, (const unsigned char *)text, strlen(text), fmt);
}

static void dh_params(void)
{
	gnutls_dh_params_t p, c;
	printf("init %d %d\n", gnutls_dh_params_init(&p), gnutls_dh_params_init(&c));
	gnutls_datum_t P, G;
	unsigned bits = 7;
	printf("empty export_raw %d bits=%u\n", gnutls_dh_params_export_raw(p, &P, &G, &bits), bits);

	unsigned char small_p[] = {0x00, 0x00, 0x17}, small_g[] = {0x05}, high_p[] = {0x97}, zero[] = {0x00}, q[] = {0x0b};
	gnutls_datum_t SP = {small_p, 3}, SG = {small_g, 1}, HP = {high_p, 1}, Q = {q, 1}, Z = {zero, 1};
	gnutls_datum_t E = {NULL, 0}, E2 = {small_g, 0};

	printf("import_raw small %d\n", gnutls_dh_params_import_raw(p, &SP, &SG));
	export_all("small", p);
	printf("import_raw high bit %d\n", gnutls_dh_params_import_raw(p, &HP, &SG));
	export_all("high", p);
	printf("import_raw empty p %d\n", gnutls_dh_params_import_raw(p, &E, &SG));
	printf("import_raw empty g %d\n", gnutls_dh_params_import_raw(p, &HP, &E2));
	export_all("after failed import", p);
	printf("import_raw2 0 %d\n", gnutls_dh_params_import_raw2(p, &HP, &SG, 0));
	export_all("raw2 0", p);
	printf("import_raw2 5000 %d\n", gnutls_dh_params_import_raw2(p, &HP, &SG, 5000));
	export_all("raw2 5000", p);
	printf("import_raw3 small %d\n", gnutls_dh_params_import_raw3(p, &HP, &Q, &SG));
	export_all("raw3 small", p);
	printf("import_raw3 empty q %d\n", gnutls_dh_params_import_raw3(p, &HP, &E, &SG));

	/* The RFC 7919 groups through every import. */
	printf("import_raw ffdhe2048 %d\n",
	       gnutls_dh_params_import_raw(p, &gnutls_ffdhe_2048_group_prime, &gnutls_ffdhe_2048_group_generator));
	export_all("ffdhe2048 raw", p);
	printf("import_raw2 ffdhe3072 %d\n",
	       gnutls_dh_params_import_raw2(p, &gnutls_ffdhe_3072_group_prime, &gnutls_ffdhe_3072_group_generator,
					    gnutls_ffdhe_3072_key_bits));
	export_all("ffdhe3072 raw2", p);
	printf("import_raw3 ffdhe2048 %d\n",
	       gnutls_dh_params_import_raw3(p, &gnutls_ffdhe_2048_group_prime, &gnutls_ffdhe_2048_group_q,
					    &gnutls_ffdhe_2048_group_generator));
	export_all("ffdhe2048 raw3", p);

	/* Copies. */
	printf("cpy %d\n", gnutls_dh_params_cpy(c, p));
	export_all("copy of ffdhe2048 raw3", c);
	printf("import_raw small into source %d\n", gnutls_dh_params_import_raw(p, &SP, &SG));
	export_all("copy after source changed", c);
	printf("cpy small %d\n", gnutls_dh_params_cpy(c, p));
	export_all("copy of small", c);

	/* PKCS #3 imports. */
	gnutls_datum_t der;
	gnutls_dh_params_import_raw2(p, &gnutls_ffdhe_2048_group_prime, &gnutls_ffdhe_2048_group_generator, 300);
	printf("export2 for reimport %d\n", gnutls_dh_params_export2_pkcs3(p, GNUTLS_X509_FMT_DER, &der));
	import_der(c, "der with length", der.data, der.size, GNUTLS_X509_FMT_DER);
	import_der(c, "der as pem", der.data, der.size, GNUTLS_X509_FMT_PEM);
	import_der(c, "der, format 9", der.data, der.size, 9);
	gnutls_free(der.data);
	import_text(c, "pem small", "-----BEGIN DH PARAMETERS-----\nMAYCARcCAQU=\n-----END DH PARAMETERS-----\n",
		    GNUTLS_X509_FMT_PEM);
	import_text(c, "pem with junk and length",
		    "junk\n-----BEGIN DH PARAMETERS-----\nMAkCARcCAQUCAQM=\n-----END DH PARAMETERS-----\n",
		    GNUTLS_X509_FMT_PEM);
	import_text(c, "pem x9.42",
		    "-----BEGIN X9.42 DH PARAMETERS-----\nMAYCARcCAQU=\n-----END X9.42 DH PARAMETERS-----\n",
		    GNUTLS_X509_FMT_PEM);
	import_text(c, "pem bad base64", "-----BEGIN DH PARAMETERS-----\nMAYCAR@CAQU=\n-----END DH PARAMETERS-----\n",
		    GNUTLS_X509_FMT_PEM);
	import_text(c, "pem empty", "", GNUTLS_X509_FMT_PEM);
	static const unsigned char no_g[] = {0x30, 0x03, 0x02, 0x01, 0x17};
	static const unsigned char trailing[] = {0x30, 0x06, 0x02, 0x01, 0x17, 0x02, 0x01, 0x05, 0x00};
	static const unsigned char negative[] = {0x30, 0x06, 0x02, 0x01, 0x97, 0x02, 0x01, 0x05};
	static const unsigned char lead0[] = {0x30, 0x07, 0x02, 0x02, 0x00, 0x97, 0x02, 0x01, 0x05};
	static const unsigned char zero_p[] = {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x05};
	static const unsigned char zero_g[] = {0x30, 0x06, 0x02, 0x01, 0x17, 0x02, 0x01, 0x00};
	static const unsigned char zero_len[] = {0x30, 0x09, 0x02, 0x01, 0x17, 0x02, 0x01, 0x05, 0x02, 0x01, 0x00};
	static const unsigned char not_seq[] = {0x31, 0x06, 0x02, 0x01, 0x17, 0x02, 0x01, 0x05};
	import_der(c, "no generator", no_g, sizeof no_g, GNUTLS_X509_FMT_DER);
	import_der(c, "trailing byte", trailing, sizeof trailing, GNUTLS_X509_FMT_DER);
	import_der(c, "negative prime", negative, sizeof negative, GNUTLS_X509_FMT_DER);
	import_der(c, "leading zero", lead0, sizeof lead0, GNUTLS_X509_FMT_DER);
	import_der(c, "zero prime", zero_p, sizeof zero_p, GNUTLS_X509_FMT_DER);
	import_der(c, "zero generator", zero_g, sizeof zero_g, GNUTLS_X509_FMT_DER);
	import_der(c, "zero length", zero_len, sizeof zero_len, GNUTLS_X509_FMT_DER);
	import_der(c, "set instead of sequence", not_seq, sizeof not_seq, GNUTLS_X509_FMT_DER);
	import_der(c, "empty der", (const unsigned char *)"", 0, GNUTLS_X509_FMT_DER);
	(void)Z;

	/* generate2: argument errors, and what a 2048-bit request yields. */
	printf("generate2 0: %d\n", gnutls_dh_params_generate2(p, 0));
	printf("generate2 100: %d\n", gnutls_dh_params_generate2(p, 100));
	printf("generate2 189: %d\n", gnutls_dh_params_generate2(p, 189));
	int rc = gnutls_dh_params_generate2(p, 2048);
	bits = 0;
	int rc2 = gnutls_dh_params_export_raw(p, &P, &G, &bits);
	printf("generate2 2048: %d export=%d p=%u bits=%u\n", rc, rc2, P.size, bits);
	if (rc2 == 0) {
		gnutls_free(P.data);
		gnutls_free(G.data);
	}
	gnutls_dh_params_deinit(p);
	gnutls_dh_params_deinit(c);
	gnutls_dh_params_deinit(NULL);
}

static void anon(void)
{
	gnutls_anon_server_credentials_t s;
	gnutls_anon_client_credentials_t c;
	gnutls_dh_params_t p;
	printf("anon alloc %d %d\n", gnutls_anon_allocate_server_credentials(&s),
	       gnutls_anon_allocate_client_credentials(&c));
	gnutls_dh_params_init(&p);
	gnutls_dh_params_import_raw(p, &gnutls_ffdhe_2048_group_prime, &gnutls_ffdhe_2048_group_generator);
	gnutls_anon_set_server_dh_params(s, p);
	for (int sp = -1; sp <= 7; sp++)
		printf("anon known %d: %d\n", sp, gnutls_anon_set_server_known_dh_params(s, sp));
	printf("anon known 1000: %d\n", gnutls_anon_set_server_known_dh_params(s, 1000));
	gnutls_anon_set_server_params_function(s, NULL);
	gnutls_anon_set_params_function(s, NULL);
	gnutls_session_t ses;
	gnutls_init(&ses, GNUTLS_SERVER);
	printf("anon credentials_set %d\n", gnutls_credentials_set(ses, GNUTLS_CRD_ANON, s));
	gnutls_deinit(ses);
	gnutls_anon_free_server_credentials(s);
	gnutls_anon_free_client_credentials(c);
	gnutls_dh_params_deinit(p);
}

static int psk_client_cb(gnutls_session_t s, char **user, gnutls_datum_t *key)
{
	(void)s;
	(void)user;
	(void)key;
	return -1;
}

static int psk_server_cb(gnutls_session_t s, const char *user, gnutls_datum_t *key)
{
	(void)s;
	(void)user;
	(void)key;
	return -1;
}

static void psk(const char *dir)
{
	gnutls_psk_client_credentials_t c;
	gnutls_psk_server_credentials_t s;
	printf("psk alloc %d %d\n", gnutls_psk_allocate_client_credentials(&c),
	       gnutls_psk_allocate_server_credentials(&s));
	static const char *const keys[] = {"0102ab", "0102abcd", "ABCDEF01", "01zz", "012", "", "0x0102", "01:02:03:04",
					   "0102030405060708090a0b0c0d0e0f10", "0102ab\n", "00000000"};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		gnutls_datum_t k = {(unsigned char *)keys[i], (unsigned)strlen(keys[i])};
		printf("set hex '%s': %d raw: %d\n", keys[i], gnutls_psk_set_client_credentials(c, "user", &k, GNUTLS_PSK_KEY_HEX),
		       gnutls_psk_set_client_credentials(c, "user", &k, GNUTLS_PSK_KEY_RAW));
	}
	char h[100];
	printf("hex lengths:");
	for (int n = 0; n <= 20; n++) {
		for (int i = 0; i < n; i++)
			h[i] = "0123456789abcdef"[i % 16];
		gnutls_datum_t k = {(unsigned char *)h, (unsigned)n};
		printf(" %d:%d", n, gnutls_psk_set_client_credentials(c, "u", &k, GNUTLS_PSK_KEY_HEX));
	}
	printf("\n");
	gnutls_datum_t k = {(unsigned char *)"secret", 6};
	printf("set null key %d\n", gnutls_psk_set_client_credentials(c, "user", NULL, GNUTLS_PSK_KEY_RAW));
	printf("set null user %d\n", gnutls_psk_set_client_credentials(c, NULL, &k, GNUTLS_PSK_KEY_RAW));
	printf("set empty user %d\n", gnutls_psk_set_client_credentials(c, "", &k, GNUTLS_PSK_KEY_RAW));
	printf("set flags 2 %d\n", gnutls_psk_set_client_credentials(c, "u", &k, 2));
	printf("set flags -1 %d\n", gnutls_psk_set_client_credentials(c, "u", &k, -1));
	printf("set non-utf8 user %d\n", gnutls_psk_set_client_credentials(c, "\xff\xfe", &k, GNUTLS_PSK_KEY_RAW));
	gnutls_datum_t u = {(unsigned char *)"us\0er", 5}, eu = {NULL, 0}, eu2 = {(unsigned char *)"", 0};
	gnutls_datum_t hk = {(unsigned char *)"0102030405", 10};
	printf("set2 %d\n", gnutls_psk_set_client_credentials2(c, &u, &k, GNUTLS_PSK_KEY_RAW));
	printf("set2 hex %d\n", gnutls_psk_set_client_credentials2(c, &u, &hk, GNUTLS_PSK_KEY_HEX));
	printf("set2 null user %d\n", gnutls_psk_set_client_credentials2(c, NULL, &k, GNUTLS_PSK_KEY_RAW));
	printf("set2 null-data user %d\n", gnutls_psk_set_client_credentials2(c, &eu, &k, GNUTLS_PSK_KEY_RAW));
	printf("set2 empty user %d\n", gnutls_psk_set_client_credentials2(c, &eu2, &k, GNUTLS_PSK_KEY_RAW));
	printf("set2 null key %d\n", gnutls_psk_set_client_credentials2(c, &u, NULL, GNUTLS_PSK_KEY_RAW));
	gnutls_psk_set_client_credentials_function(c, psk_client_cb);
	gnutls_psk_set_client_credentials_function2(c, NULL);

	char path[4200];
	snprintf(path, sizeof path, "%s/psk.txt", dir);
	FILE *f = fopen(path, "w");
	if (f == NULL)
		exit(1);
	fputs("alice:0102ab\nbob:zz\n", f);
	fclose(f);
	printf("file ok %d\n", gnutls_psk_set_server_credentials_file(s, path));
	snprintf(path, sizeof path, "%s/missing/psk.txt", dir);
	printf("file missing %d\n", gnutls_psk_set_server_credentials_file(s, path));
	printf("file directory %d\n", gnutls_psk_set_server_credentials_file(s, dir));
	printf("file null %d\n", gnutls_psk_set_server_credentials_file(s, NULL));
	printf("hint %d\n", gnutls_psk_set_server_credentials_hint(s, "hello"));
	printf("hint empty %d\n", gnutls_psk_set_server_credentials_hint(s, ""));
	printf("hint null %d\n", gnutls_psk_set_server_credentials_hint(s, NULL));
	gnutls_psk_set_server_credentials_function(s, psk_server_cb);
	gnutls_psk_set_server_credentials_function2(s, NULL);
	gnutls_dh_params_t p;
	gnutls_dh_params_init(&p);
	gnutls_dh_params_import_raw(p, &gnutls_ffdhe_3072_group_prime, &gnutls_ffdhe_3072_group_generator);
	gnutls_psk_set_server_dh_params(s, p);
	for (int sp = -1; sp <= 7; sp++)
		printf("psk known %d: %d\n", sp, gnutls_psk_set_server_known_dh_params(s, sp));
	gnutls_psk_set_server_params_function(s, NULL);
	gnutls_psk_set_params_function(s, NULL);

	gnutls_session_t cs, ss;
	gnutls_init(&cs, GNUTLS_CLIENT);
	gnutls_init(&ss, GNUTLS_SERVER);
	for (int round = 0; round < 2; round++) {
		const char *r = gnutls_psk_client_get_hint(cs);
		printf("round %d: client hint %s", round, r ? r : "NULL");
		r = gnutls_psk_client_get_hint(ss);
		printf(", server's hint %s", r ? r : "NULL");
		r = gnutls_psk_server_get_username(ss);
		printf(", username %s", r ? r : "NULL");
		r = gnutls_psk_server_get_username(cs);
		printf(", client's username %s", r ? r : "NULL");
		r = gnutls_srp_server_get_username(ss);
		printf(", srp username %s\n", r ? r : "NULL");
		gnutls_datum_t d = {(unsigned char *)"x", 77};
		int rc = gnutls_psk_server_get_username2(ss, &d);
		printf("round %d: username2 %d size=%u untouched=%d\n", round, rc, d.size, d.data[0] == 'x');
		gnutls_credentials_set(cs, GNUTLS_CRD_PSK, c);
		gnutls_credentials_set(ss, GNUTLS_CRD_PSK, s);
	}
	gnutls_deinit(cs);
	gnutls_deinit(ss);
	gnutls_psk_free_client_credentials(c);
	gnutls_psk_free_server_credentials(s);
	gnutls_dh_params_deinit(p);
}

static int srp_client_cb(gnutls_session_t s, char **u, char **p)
{
	(void)s;
	(void)u;
	(void)p;
	return -1;
}

static void srp(const char *dir)
{
	gnutls_srp_client_credentials_t c;
	gnutls_srp_server_credentials_t s;
	printf("srp alloc %d %d\n", gnutls_srp_allocate_client_credentials(&c),
	       gnutls_srp_allocate_server_credentials(&s));
	printf("srp set %d\n", gnutls_srp_set_client_credentials(c, "user", "pass"));
	printf("srp set null user %d\n", gnutls_srp_set_client_credentials(c, NULL, "pass"));
	printf("srp set null password %d\n", gnutls_srp_set_client_credentials(c, "user", NULL));
	printf("srp set empty %d\n", gnutls_srp_set_client_credentials(c, "", ""));
	printf("srp set non-utf8 %d\n", gnutls_srp_set_client_credentials(c, "\xff", "\xfe"));
	gnutls_srp_set_client_credentials_function(c, srp_client_cb);
	char a[4200], b[4200];
	snprintf(a, sizeof a, "%s/tpasswd", dir);
	snprintf(b, sizeof b, "%s/missing", dir);
	FILE *f = fopen(a, "w");
	if (f == NULL)
		exit(1);
	fputs("user:verifier:salt:1\n", f);
	fclose(f);
	printf("srp files %d\n", gnutls_srp_set_server_credentials_file(s, a, a));
	printf("srp file missing %d\n", gnutls_srp_set_server_credentials_file(s, b, a));
	printf("srp conf missing %d\n", gnutls_srp_set_server_credentials_file(s, a, b));
	printf("srp null files %d\n", gnutls_srp_set_server_credentials_file(s, NULL, NULL));
	gnutls_srp_set_server_credentials_function(s, NULL);
	gnutls_datum_t seed = {(unsigned char *)"seed", 4};
	gnutls_srp_set_server_fake_salt_seed(s, &seed, 16);
	gnutls_srp_free_client_credentials(c);
	gnutls_srp_free_server_credentials(s);

	static const struct {
		const char *user, *pass, *salt;
		const gnutls_datum_t *g, *n;
	} v[] = {
		{"user", "pass", "\x01\x02\x03\x04", &gnutls_srp_1024_group_generator, &gnutls_srp_1024_group_prime},
		{"user", "", "\x01\x02\x03\x04", &gnutls_srp_2048_group_generator, &gnutls_srp_2048_group_prime},
		{"", "password", "saltsaltsalt", &gnutls_srp_1536_group_generator, &gnutls_srp_1536_group_prime},
		{"alice", "password123", "", &gnutls_srp_3072_group_generator, &gnutls_srp_3072_group_prime},
		{"bob", "x", "s", &gnutls_ffdhe_2048_group_generator, &gnutls_ffdhe_2048_group_prime},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		gnutls_datum_t salt = {(unsigned char *)v[i].salt, (unsigned)strlen(v[i].salt)}, out;
		int rc = gnutls_srp_verifier(v[i].user, v[i].pass, &salt, v[i].g, v[i].n, &out);
		printf("verifier %zu: %d\n", i, rc);
		if (rc == 0) {
			hex("  v", out.data, out.size);
			gnutls_free(out.data);
		}
	}
}

int main(int argc, char **argv)
{
	char path[4096];
	if (argc < 2)
		return 2;
	if (tlshim_loaded_gnutls(path, sizeof path) != 0) {
		fprintf(stderr, "libgnutls.so.30 is not mapped\n");
		return 1;
	}
	printf("LOADED %s\n", path);
	if (gnutls_global_init() < 0)
		return 1;
	dh_params();
	anon();
	psk(argv[1]);
	srp(argv[1]);
	gnutls_global_deinit();
	return 0;
}
