/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test of gnutls_x509_privkey_*: every key file named in the
 * directory given as argv[1] (files "*.pem" and "*.der"; a file NAME.pass
 * beside one holds its password) is imported with gnutls_x509_privkey_import2
 * and the results of the getters and deterministic exports are printed,
 * followed by a set of malformed inputs and their error codes.  The output
 * must be identical on the real GnuTLS and on tlshim.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>

#include "../common/loaded-lib.h"

static void hex(const char *label, const unsigned char *p, size_t n)
{
	size_t i;
	printf("%s[%u] ", label, (unsigned)n);
	for (i = 0; i < n; i++)
		printf("%02x", p[i]);
	printf("\n");
}

static void datum_hex(const char *label, int rc, gnutls_datum_t *d)
{
	if (rc < 0) {
		printf("%s rc=%d\n", label, rc);
		return;
	}
	hex(label, d->data, d->size);
	gnutls_free(d->data);
	d->data = NULL;
	d->size = 0;
}

static int read_file(const char *path, gnutls_datum_t *out)
{
	FILE *f = fopen(path, "rb");
	long n;
	if (f == NULL)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	out->data = malloc(n + 1);
	out->size = fread(out->data, 1, n, f);
	out->data[out->size] = 0;
	fclose(f);
	return 0;
}

static void print_key(gnutls_x509_privkey_t key)
{
	unsigned char buf[1024];
	size_t size;
	unsigned bits = 0;
	int rc, pk;
	gnutls_datum_t d = {NULL, 0};
	gnutls_datum_t m, e, dd, p, q, u, e1, e2, x, y, k;
	gnutls_ecc_curve_t curve;
	unsigned i;
	static const unsigned idflags[] = {0, GNUTLS_KEYID_USE_SHA256, GNUTLS_KEYID_USE_SHA512,
					   GNUTLS_KEYID_USE_BEST_KNOWN};

	pk = gnutls_x509_privkey_get_pk_algorithm2(key, &bits);
	printf("pk=%d bits=%u pk1=%d sec=%d\n", pk, bits, gnutls_x509_privkey_get_pk_algorithm(key),
	       (int)gnutls_x509_privkey_sec_param(key));
	printf("verify_params=%d\n", gnutls_x509_privkey_verify_params(key));
	for (i = 0; i < sizeof idflags / sizeof idflags[0]; i++) {
		size = sizeof buf;
		rc = gnutls_x509_privkey_get_key_id(key, idflags[i], buf, &size);
		if (rc < 0)
			printf("key_id(%u) rc=%d\n", idflags[i], rc);
		else
			hex("key_id", buf, size);
	}
	size = 4;
	rc = gnutls_x509_privkey_get_key_id(key, 0, buf, &size);
	printf("key_id short rc=%d size=%u\n", rc, (unsigned)size);

	rc = gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_DER, &d);
	datum_hex("export2.der", rc, &d);
	rc = gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_PEM, &d);
	if (rc >= 0)
		printf("export2.pem:\n%.*s", (int)d.size, (char *)d.data);
	datum_hex("export2.pem", rc, &d);
	rc = gnutls_x509_privkey_export2_pkcs8(key, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, &d);
	datum_hex("pkcs8.der", rc, &d);
	rc = gnutls_x509_privkey_export2_pkcs8(key, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &d);
	if (rc >= 0)
		printf("pkcs8.pem:\n%.*s", (int)d.size, (char *)d.data);
	datum_hex("pkcs8.pem", rc, &d);
	size = 10;
	rc = gnutls_x509_privkey_export(key, GNUTLS_X509_FMT_DER, buf, &size);
	printf("export short rc=%d size=%u\n", rc, (unsigned)size);
	size = 10;
	rc = gnutls_x509_privkey_export_pkcs8(key, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, buf, &size);
	printf("export_pkcs8 short rc=%d size=%u\n", rc, (unsigned)size);

	size = 10;
	rc = gnutls_x509_privkey_export(key, GNUTLS_X509_FMT_PEM, buf, &size);
	printf("export pem short rc=%d size=%u\n", rc, (unsigned)size);
	rc = gnutls_x509_privkey_export2_pkcs8(key, GNUTLS_X509_FMT_DER, NULL, 0, &d);
	datum_hex("pkcs8 nopass", rc, &d);

	rc = gnutls_x509_privkey_export_rsa_raw2(key, &m, &e, &dd, &p, &q, &u, &e1, &e2);
	printf("rsa_raw2 rc=%d\n", rc);
	if (rc >= 0) {
		gnutls_x509_privkey_t k2;
		gnutls_datum_t a = {NULL, 0}, b = {NULL, 0};
		gnutls_x509_privkey_init(&k2);
		rc = gnutls_x509_privkey_import_rsa_raw2(k2, &m, &e, &dd, &p, &q, &u, &e1, &e2);
		printf(" reimport=%d", rc);
		gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_DER, &a);
		gnutls_x509_privkey_export2(k2, GNUTLS_X509_FMT_DER, &b);
		printf(" same=%d", a.size == b.size && memcmp(a.data, b.data, a.size) == 0);
		gnutls_free(a.data);
		gnutls_free(b.data);
		gnutls_x509_privkey_deinit(k2);
		gnutls_x509_privkey_init(&k2);
		printf(" raw1=%d\n", gnutls_x509_privkey_import_rsa_raw(k2, &m, &e, &dd, &p, &q, &u));
		gnutls_x509_privkey_deinit(k2);
		datum_hex(" m", 0, &m);
		datum_hex(" e", 0, &e);
		datum_hex(" d", 0, &dd);
		datum_hex(" p", 0, &p);
		datum_hex(" q", 0, &q);
		datum_hex(" u", 0, &u);
		datum_hex(" e1", 0, &e1);
		datum_hex(" e2", 0, &e2);
	}
	rc = gnutls_x509_privkey_export_ecc_raw(key, &curve, &x, &y, &k);
	printf("ecc_raw rc=%d\n", rc);
	if (rc >= 0) {
		gnutls_x509_privkey_t k2;
		gnutls_x509_privkey_init(&k2);
		printf(" curve=%d reimport=%d\n", (int)curve,
		       gnutls_x509_privkey_import_ecc_raw(k2, curve, &x, &y, &k));
		printf(" reimport pk=%d\n", gnutls_x509_privkey_get_pk_algorithm(k2));
		gnutls_x509_privkey_deinit(k2);
		datum_hex(" x", 0, &x);
		if (y.data != NULL)
			datum_hex(" y", 0, &y);
		else
			printf(" y=NULL size=%u\n", y.size);
		datum_hex(" k", 0, &k);
	}
}

/* Signatures: the deterministic ones (RSA PKCS#1 v1.5, EdDSA) in full,
 * the randomized ones by return code and length. */
static void print_sigs(gnutls_x509_privkey_t key)
{
	static const gnutls_digest_algorithm_t digs[] = {GNUTLS_DIG_SHA1, GNUTLS_DIG_SHA256, GNUTLS_DIG_SHA384,
							 GNUTLS_DIG_SHA512, GNUTLS_DIG_MD5, GNUTLS_DIG_SHAKE_256};
	/* (SHAKE-256 only with Ed448 keys: the real GnuTLS crashes on it with RSA keys) */
	gnutls_datum_t data = {(unsigned char *)"differential test data", 22};
	unsigned char sig[1024];
	size_t size;
	unsigned i;
	int rc, pk = gnutls_x509_privkey_get_pk_algorithm(key);
	int det = pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_EDDSA_ED25519 || pk == GNUTLS_PK_EDDSA_ED448;

	for (i = 0; i < sizeof digs / sizeof digs[0]; i++) {
		if (digs[i] == GNUTLS_DIG_SHAKE_256 && pk != GNUTLS_PK_EDDSA_ED448)
			continue;
		size = sizeof sig;
		rc = gnutls_x509_privkey_sign_data(key, digs[i], 0, &data, sig, &size);
		if (rc < 0 || !det)
			printf("sign_data(%d) rc=%d%s\n", (int)digs[i], rc, rc < 0 ? "" : " ok");
		else
			hex("sign_data", sig, size);
	}
	size = 3;
	rc = gnutls_x509_privkey_sign_data(key, GNUTLS_DIG_SHA256, 0, &data, sig, &size);
	printf("sign_data short rc=%d size=%s\n", rc, det ? "(det)" : "-");
	if (det)
		printf(" needed=%u\n", (unsigned)size);
}

static void roundtrip_encrypted(gnutls_x509_privkey_t key)
{
	static const unsigned flags[] = {0, GNUTLS_PKCS_PBES2_AES_128, GNUTLS_PKCS_PBES2_AES_192,
					 GNUTLS_PKCS_PBES2_AES_256, GNUTLS_PKCS_PBES2_3DES,
					 GNUTLS_PKCS_PBES2_AES_256 | GNUTLS_PKCS_NULL_PASSWORD};
	unsigned i;
	for (i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		gnutls_datum_t d = {NULL, 0}, plain1 = {NULL, 0}, plain2 = {NULL, 0};
		gnutls_x509_privkey_t k2;
		int rc = gnutls_x509_privkey_export2_pkcs8(key, GNUTLS_X509_FMT_DER, "pass word", flags[i], &d);
		/* (the salt length is random: the size is not compared) */
		printf("enc flags=%#x rc=%d", flags[i], rc);
		if (rc >= 0) {
			gnutls_x509_privkey_init(&k2);
			rc = gnutls_x509_privkey_import_pkcs8(k2, &d, GNUTLS_X509_FMT_DER, "pass word", 0);
			printf(" reimport=%d", rc);
			if (rc >= 0) {
				gnutls_x509_privkey_export2_pkcs8(key, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, &plain1);
				gnutls_x509_privkey_export2_pkcs8(k2, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, &plain2);
				printf(" same=%d", plain1.size == plain2.size && memcmp(plain1.data, plain2.data, plain1.size) == 0);
				gnutls_free(plain1.data);
				gnutls_free(plain2.data);
			}
			gnutls_x509_privkey_deinit(k2);
			gnutls_x509_privkey_init(&k2);
			printf(" wrongpw=%d", gnutls_x509_privkey_import_pkcs8(k2, &d, GNUTLS_X509_FMT_DER, "wrong", 0));
			printf(" nopw=%d", gnutls_x509_privkey_import2(k2, &d, GNUTLS_X509_FMT_DER, NULL, 0));
			gnutls_x509_privkey_deinit(k2);
			gnutls_free(d.data);
		}
		printf("\n");
	}
}

static int compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void one_file(const char *dir, const char *name)
{
	char path[4096], pw[256] = "";
	gnutls_datum_t data;
	gnutls_x509_privkey_t key;
	FILE *f;
	int rc, fmt, has_pw = 0;

	snprintf(path, sizeof path, "%s/%s.pass", dir, name);
	if ((f = fopen(path, "r")) != NULL) {
		if (fgets(pw, sizeof pw, f) != NULL) {
			pw[strcspn(pw, "\n")] = 0;
			has_pw = 1;
		}
		fclose(f);
	}
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (read_file(path, &data) < 0)
		return;
	fmt = strstr(name, ".der") ? GNUTLS_X509_FMT_DER : GNUTLS_X509_FMT_PEM;
	printf("== %s\n", name);
	gnutls_x509_privkey_init(&key);
	rc = gnutls_x509_privkey_import2(key, &data, fmt, has_pw ? pw : NULL, 0);
	printf("import2=%d\n", rc);
	if (has_pw) {
		gnutls_x509_privkey_t k2;
		gnutls_x509_privkey_init(&k2);
		printf("import2 wrong pw=%d\n", gnutls_x509_privkey_import2(k2, &data, fmt, "not it", 0));
		gnutls_x509_privkey_deinit(k2);
		gnutls_x509_privkey_init(&k2);
		printf("import2 no pw=%d\n", gnutls_x509_privkey_import2(k2, &data, fmt, NULL, 0));
		gnutls_x509_privkey_deinit(k2);
		gnutls_x509_privkey_init(&k2);
		printf("import no pw=%d\n", gnutls_x509_privkey_import(k2, &data, fmt));
		gnutls_x509_privkey_deinit(k2);
	} else {
		gnutls_x509_privkey_t k2;
		gnutls_x509_privkey_init(&k2);
		printf("import=%d\n", gnutls_x509_privkey_import(k2, &data, fmt));
		gnutls_x509_privkey_deinit(k2);
		gnutls_x509_privkey_init(&k2);
		printf("import_pkcs8 plain=%d\n", gnutls_x509_privkey_import_pkcs8(k2, &data, fmt, NULL, GNUTLS_PKCS_PLAIN));
		gnutls_x509_privkey_deinit(k2);
	}
	if (rc >= 0) {
		gnutls_x509_privkey_t copy;
		print_key(key);
		print_sigs(key);
		if (strstr(name, "-rt") != NULL) /* PBKDF2 is slow: a few keys only */
			roundtrip_encrypted(key);
		gnutls_x509_privkey_init(&copy);
		rc = gnutls_x509_privkey_cpy(copy, key);
		printf("cpy=%d\n", rc);
		if (rc >= 0) {
			unsigned char a[64], b[64];
			size_t as = sizeof a, bs = sizeof b;
			gnutls_x509_privkey_get_key_id(key, 0, a, &as);
			gnutls_x509_privkey_get_key_id(copy, 0, b, &bs);
			printf("cpy same id=%d\n", as == bs && memcmp(a, b, as) == 0);
		}
		gnutls_x509_privkey_deinit(copy);
	}
	gnutls_x509_privkey_deinit(key);
	free(data.data);
}

static void bad_inputs(void)
{
	static const char *texts[] = {
		"",
		"garbage",
		"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n",
		"-----BEGIN PRIVATE KEY-----\nMIIBVQ==\n-----END PRIVATE KEY-----\n",
		"-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n",
		"-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAMCAQA=\n-----END ENCRYPTED PRIVATE KEY-----\n",
		"-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n",
		"-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n",
	};
	static const unsigned char ders[][8] = {
		{0x30, 0x03, 0x02, 0x01, 0x00}, {0x04, 0x01, 0x00}, {0xff}, {0x30, 0x80},
	};
	static const unsigned der_len[] = {5, 3, 1, 2};
	unsigned i;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		gnutls_datum_t d = {(unsigned char *)texts[i], (unsigned)strlen(texts[i])};
		gnutls_x509_privkey_t key;
		gnutls_x509_privkey_init(&key);
		printf("bad pem %u: import=%d", i, gnutls_x509_privkey_import(key, &d, GNUTLS_X509_FMT_PEM));
		printf(" import2=%d", gnutls_x509_privkey_import2(key, &d, GNUTLS_X509_FMT_PEM, NULL, 0));
		printf(" import2pw=%d", gnutls_x509_privkey_import2(key, &d, GNUTLS_X509_FMT_PEM, "pw", 0));
		printf(" pkcs8=%d", gnutls_x509_privkey_import_pkcs8(key, &d, GNUTLS_X509_FMT_PEM, NULL, 0));
		printf(" pkcs8plain=%d\n", gnutls_x509_privkey_import_pkcs8(key, &d, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN));
		gnutls_x509_privkey_deinit(key);
	}
	for (i = 0; i < sizeof ders / sizeof ders[0]; i++) {
		gnutls_datum_t d = {(unsigned char *)ders[i], der_len[i]};
		gnutls_x509_privkey_t key;
		gnutls_x509_privkey_init(&key);
		printf("bad der %u: import=%d", i, gnutls_x509_privkey_import(key, &d, GNUTLS_X509_FMT_DER));
		printf(" import2=%d", gnutls_x509_privkey_import2(key, &d, GNUTLS_X509_FMT_DER, NULL, 0));
		printf(" import2pw=%d", gnutls_x509_privkey_import2(key, &d, GNUTLS_X509_FMT_DER, "pw", 0));
		printf(" pkcs8=%d", gnutls_x509_privkey_import_pkcs8(key, &d, GNUTLS_X509_FMT_DER, NULL, 0));
		printf(" pkcs8plain=%d\n", gnutls_x509_privkey_import_pkcs8(key, &d, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN));
		gnutls_x509_privkey_deinit(key);
	}
	{
		gnutls_x509_privkey_t key;
		gnutls_datum_t d = {NULL, 0};
		unsigned bits = 0;
		unsigned char buf[64];
		size_t size = sizeof buf;
		gnutls_x509_privkey_init(&key);
		printf("empty: pk=%d pk2=%d", gnutls_x509_privkey_get_pk_algorithm(key),
		       gnutls_x509_privkey_get_pk_algorithm2(key, &bits));
		printf(" export2=%d", gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_DER, &d));
		printf(" keyid=%d", gnutls_x509_privkey_get_key_id(key, 0, buf, &size));
		printf(" verify=%d\n", gnutls_x509_privkey_verify_params(key));
		gnutls_x509_privkey_deinit(key);
	}
}

static void generated(void)
{
	static const struct { int pk; unsigned bits; } gens[] = {
		{GNUTLS_PK_RSA, 2048}, {GNUTLS_PK_RSA_PSS, 2048}, {GNUTLS_PK_ECDSA, 256}, {GNUTLS_PK_ECDSA, 384},
		{GNUTLS_PK_ECDSA, 521}, {GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP384R1)},
		{GNUTLS_PK_EDDSA_ED25519, 0}, {GNUTLS_PK_EDDSA_ED448, 0}, {GNUTLS_PK_ECDH_X25519, 0},
		{GNUTLS_PK_ECDH_X448, 0}, {GNUTLS_PK_ECDSA, 300}, {GNUTLS_PK_UNKNOWN, 0},
	};
	unsigned i;
	for (i = 0; i < sizeof gens / sizeof gens[0]; i++) {
		gnutls_x509_privkey_t key;
		unsigned bits = 0;
		int rc;
		gnutls_x509_privkey_init(&key);
		rc = gnutls_x509_privkey_generate(key, gens[i].pk, gens[i].bits, 0);
		printf("generate(%d,%#x)=%d", gens[i].pk, gens[i].bits, rc);
		if (rc >= 0) {
			printf(" pk=%d", gnutls_x509_privkey_get_pk_algorithm2(key, &bits));
			printf(" bits=%u verify=%d", bits, gnutls_x509_privkey_verify_params(key));
		}
		printf("\n");
		gnutls_x509_privkey_deinit(key);
	}
}

int main(int argc, char **argv)
{
	char lib[4096];
	DIR *d;
	struct dirent *de;
	char *names[512];
	size_t n = 0, i;

	gnutls_global_init();
	if (tlshim_loaded_gnutls(lib, sizeof lib) != 0)
		return 1;
	printf("LOADED %s\n", lib);
	if (argc > 1 && (d = opendir(argv[1])) != NULL) {
		while ((de = readdir(d)) != NULL && n < 512) {
			size_t l = strlen(de->d_name);
			if ((l > 4 && strcmp(de->d_name + l - 4, ".pem") == 0) ||
			    (l > 4 && strcmp(de->d_name + l - 4, ".der") == 0))
				names[n++] = strdup(de->d_name);
		}
		closedir(d);
		qsort(names, n, sizeof names[0], compare);
		for (i = 0; i < n; i++) {
			one_file(argv[1], names[i]);
			free(names[i]);
		}
	}
	bad_inputs();
	generated();
	gnutls_global_deinit();
	return 0;
}
