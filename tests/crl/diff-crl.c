/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test program for gnutls_x509_crl_*: prints what every getter
 * returns for the CRLs of a directory (made by gen-crls.sh), the printed
 * forms, the exports, list imports and the issuer checks and verification
 * against the CAs of that directory.  With -c, each further argument is a
 * DER file of a corpus: import, then the same dump where it succeeds.
 * Run on the real GnuTLS and on tlshim by run-diff.sh; outputs must match.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "../common/loaded-lib.h"

static void hex(const char *label, const unsigned char *p, size_t n)
{
	size_t i;
	printf("%s(%u):", label, (unsigned)n);
	for (i = 0; i < n; i++)
		printf("%02x", p[i]);
	printf("\n");
}

static void datum_text(const char *label, int rc, gnutls_datum_t *d)
{
	printf("%s rc=%d", label, rc);
	if (rc >= 0) {
		printf(" size=%u nul=%d\n%.*s\n", d->size, d->data ? d->data[d->size] == 0 : -1,
		       (int)d->size, (const char *)d->data);
		gnutls_free(d->data);
	} else {
		printf("\n");
	}
	d->data = NULL;
	d->size = 0;
}

/* Reads a whole file into d (malloc'd; released with free_file()). */
static int read_file(const char *path, gnutls_datum_t *d)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p = NULL;
	size_t n = 0, cap = 0, r;
	if (f == NULL)
		return -1;
	do {
		if (n == cap) {
			unsigned char *q = realloc(p, cap = cap * 2 + 4096);
			if (q == NULL) {
				free(p);
				fclose(f);
				return -1;
			}
			p = q;
		}
		r = fread(p + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	d->data = p;
	d->size = (unsigned)n;
	return 0;
}

static void free_file(gnutls_datum_t *d)
{
	free(d->data);
	d->data = NULL;
}

/* A getter filling (buf, size): probes with NULL, then with the size given. */
#define PROBE(label, call_null, call_buf)                                          \
	do {                                                                          \
		unsigned char buf[4096];                                              \
		size_t size = 0;                                                      \
		int rc = call_null;                                                   \
		printf("%s probe rc=%d size=%u\n", label, rc, (unsigned)size);       \
		if (rc == GNUTLS_E_SHORT_MEMORY_BUFFER && size <= sizeof buf) {       \
			size_t need = size;                                           \
			size = need - 1;                                              \
			rc = call_buf;                                                \
			printf("%s short rc=%d size=%u\n", label, rc, (unsigned)size); \
			size = need;                                                  \
			memset(buf, 0xaa, sizeof buf);                                \
			rc = call_buf;                                                \
			printf("%s rc=%d size=%u ", label, rc, (unsigned)size);      \
			hex("", buf, size);                                           \
		}                                                                     \
	} while (0)

static void dump(gnutls_x509_crl_t crl)
{
	int rc, i;
	unsigned j, crit;
	gnutls_datum_t d = {NULL, 0};
	char oid[256];
	size_t osz;

	printf("version=%d\n", gnutls_x509_crl_get_version(crl));
	printf("sigalg=%d\n", gnutls_x509_crl_get_signature_algorithm(crl));
	osz = sizeof oid;
	rc = gnutls_x509_crl_get_signature_oid(crl, oid, &osz);
	printf("sigoid rc=%d %s size=%u\n", rc, rc == 0 ? oid : "", (unsigned)osz);
	osz = 3;
	rc = gnutls_x509_crl_get_signature_oid(crl, oid, &osz);
	printf("sigoid short rc=%d size=%u\n", rc, (unsigned)osz);
	printf("this=%lld next=%lld\n", (long long)gnutls_x509_crl_get_this_update(crl),
	       (long long)gnutls_x509_crl_get_next_update(crl));
	PROBE("sig", gnutls_x509_crl_get_signature(crl, NULL, &size),
	      gnutls_x509_crl_get_signature(crl, (char *)buf, &size));

	rc = gnutls_x509_crl_get_crt_count(crl);
	printf("count=%d\n", rc);
	for (i = 0; i <= rc; i++) {
		unsigned char ser[128];
		size_t ssz = sizeof ser;
		time_t t = 0;
		int r = gnutls_x509_crl_get_crt_serial(crl, i, ser, &ssz, &t);
		printf("serial[%d] rc=%d t=%lld ", i, r, (long long)t);
		hex("", ser, r == 0 ? ssz : 0);
		ssz = 0;
		r = gnutls_x509_crl_get_crt_serial(crl, i, ser, &ssz, NULL);
		printf("serial[%d] short rc=%d size=%u\n", i, r, (unsigned)ssz);
	}
	{
		gnutls_x509_crl_iter_t it = NULL;
		for (j = 0; j < 100; j++) {
			unsigned char ser[128];
			size_t ssz = sizeof ser;
			time_t t = 0;
			int r = gnutls_x509_crl_iter_crt_serial(crl, &it, ser, &ssz, &t);
			printf("iter[%u] rc=%d t=%lld ", j, r, (long long)t);
			hex("", ser, r == 0 ? ssz : 0);
			if (r < 0)
				break;
		}
		gnutls_x509_crl_iter_deinit(it);
	}

	PROBE("issuer", gnutls_x509_crl_get_issuer_dn(crl, NULL, &size),
	      gnutls_x509_crl_get_issuer_dn(crl, (char *)buf, &size));
	rc = gnutls_x509_crl_get_issuer_dn2(crl, &d);
	datum_text("issuer2", rc, &d);
	rc = gnutls_x509_crl_get_issuer_dn3(crl, &d, 0);
	datum_text("issuer3", rc, &d);
	rc = gnutls_x509_crl_get_issuer_dn3(crl, &d, GNUTLS_X509_DN_FLAG_COMPAT);
	datum_text("issuer3compat", rc, &d);
	rc = gnutls_x509_crl_get_raw_issuer_dn(crl, &d);
	printf("rawissuer rc=%d ", rc);
	hex("", d.data, rc == 0 ? d.size : 0);
	if (rc == 0)
		gnutls_free(d.data);
	d.data = NULL;
	{
		static const char *oids[] = {GNUTLS_OID_X520_COMMON_NAME, GNUTLS_OID_X520_ORGANIZATION_NAME,
					     GNUTLS_OID_X520_COUNTRY_NAME, "1.2.3.4"};
		for (j = 0; j < 4; j++) {
			unsigned k, raw;
			for (raw = 0; raw < 2; raw++)
				for (k = 0; k < 2; k++) {
					char lab[64];
					snprintf(lab, sizeof lab, "dnbyoid %s %u raw=%u", oids[j], k, raw);
					PROBE(lab, gnutls_x509_crl_get_issuer_dn_by_oid(crl, oids[j], k, raw, NULL, &size),
					      gnutls_x509_crl_get_issuer_dn_by_oid(crl, oids[j], k, raw, buf, &size));
				}
		}
	}
	for (j = 0; j < 6; j++) {
		char lab[32];
		snprintf(lab, sizeof lab, "dnoid[%u]", j);
		PROBE(lab, gnutls_x509_crl_get_dn_oid(crl, j, NULL, &size),
		      gnutls_x509_crl_get_dn_oid(crl, j, buf, &size));
	}

	crit = 7;
	PROBE("akid", gnutls_x509_crl_get_authority_key_id(crl, NULL, &size, &crit),
	      gnutls_x509_crl_get_authority_key_id(crl, buf, &size, &crit));
	printf("akid crit=%u\n", crit);
	{
		unsigned char alt[512], ser[64];
		size_t asz = sizeof alt, ssz = sizeof ser;
		unsigned type = 99, k;
		for (k = 0; k < 2; k++) {
			crit = 7;
			asz = sizeof alt;
			ssz = sizeof ser;
			rc = gnutls_x509_crl_get_authority_key_gn_serial(crl, k, alt, &asz, &type, ser, &ssz, &crit);
			printf("akgn[%u] rc=%d type=%u crit=%u ", k, rc, type, crit);
			if (rc == 0) {
				hex("alt", alt, asz);
				hex("serial", ser, ssz);
			} else {
				printf("\n");
			}
		}
		asz = 2;
		ssz = sizeof ser;
		rc = gnutls_x509_crl_get_authority_key_gn_serial(crl, 0, alt, &asz, &type, ser, &ssz, &crit);
		printf("akgn short rc=%d asz=%u\n", rc, (unsigned)asz);
		asz = sizeof alt;
		ssz = 0;
		rc = gnutls_x509_crl_get_authority_key_gn_serial(crl, 0, alt, &asz, &type, ser, &ssz, &crit);
		printf("akgn short serial rc=%d ssz=%u\n", rc, (unsigned)ssz);
	}
	crit = 7;
	PROBE("number", gnutls_x509_crl_get_number(crl, NULL, &size, &crit),
	      gnutls_x509_crl_get_number(crl, buf, &size, &crit));
	printf("number crit=%u\n", crit);

	for (j = 0; j < 8; j++) {
		char lab[32];
		gnutls_datum_t ext = {NULL, 0};
		snprintf(lab, sizeof lab, "extoid[%u]", j);
		PROBE(lab, gnutls_x509_crl_get_extension_oid(crl, j, NULL, &size),
		      gnutls_x509_crl_get_extension_oid(crl, j, buf, &size));
		snprintf(lab, sizeof lab, "extinfo[%u]", j);
		crit = 7;
		PROBE(lab, gnutls_x509_crl_get_extension_info(crl, j, NULL, &size, &crit),
		      gnutls_x509_crl_get_extension_info(crl, j, buf, &size, &crit));
		printf("extinfo[%u] crit=%u\n", j, crit);
		snprintf(lab, sizeof lab, "extdata[%u]", j);
		PROBE(lab, gnutls_x509_crl_get_extension_data(crl, j, NULL, &size),
		      gnutls_x509_crl_get_extension_data(crl, j, buf, &size));
		rc = gnutls_x509_crl_get_extension_data2(crl, j, &ext);
		printf("extdata2[%u] rc=%d ", j, rc);
		hex("", ext.data, rc == 0 ? ext.size : 0);
		if (rc == 0)
			gnutls_free(ext.data);
		if (rc < 0)
			break;
	}

	rc = gnutls_x509_crl_print(crl, GNUTLS_CRT_PRINT_FULL, &d);
	datum_text("print full", rc, &d);
	rc = gnutls_x509_crl_print(crl, GNUTLS_CRT_PRINT_ONELINE, &d);
	datum_text("print oneline", rc, &d);
	rc = gnutls_x509_crl_print(crl, GNUTLS_CRT_PRINT_UNSIGNED_FULL, &d);
	datum_text("print unsigned", rc, &d);
	rc = gnutls_x509_crl_print(crl, GNUTLS_CRT_PRINT_COMPACT, &d);
	datum_text("print compact", rc, &d);

	PROBE("export der", gnutls_x509_crl_export(crl, GNUTLS_X509_FMT_DER, NULL, &size),
	      gnutls_x509_crl_export(crl, GNUTLS_X509_FMT_DER, buf, &size));
	PROBE("export pem", gnutls_x509_crl_export(crl, GNUTLS_X509_FMT_PEM, NULL, &size),
	      gnutls_x509_crl_export(crl, GNUTLS_X509_FMT_PEM, buf, &size));
	rc = gnutls_x509_crl_export2(crl, GNUTLS_X509_FMT_PEM, &d);
	datum_text("export2 pem", rc, &d);
	rc = gnutls_x509_crl_export2(crl, GNUTLS_X509_FMT_DER, &d);
	printf("export2 der rc=%d ", rc);
	hex("", d.data, rc == 0 ? d.size : 0);
	if (rc == 0)
		gnutls_free(d.data);
	d.data = NULL;
}

static gnutls_x509_crt_t load_crt(const char *dir, const char *name)
{
	char path[4096];
	gnutls_datum_t d;
	gnutls_x509_crt_t c = NULL;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (read_file(path, &d) < 0)
		return NULL;
	if (gnutls_x509_crt_init(&c) < 0 || gnutls_x509_crt_import(c, &d, GNUTLS_X509_FMT_PEM) < 0) {
		gnutls_x509_crt_deinit(c);
		c = NULL;
	}
	free_file(&d);
	return c;
}

static const char *const ca_names[] = {"ca-rsa.pem", "ca-ec.pem", "ca-rsa-twin.pem", "leaf-5.pem",
				       "ca-nocrl.pem"};
#define NCAS 5

static void issuers(gnutls_x509_crl_t crl, gnutls_x509_crt_t *cas)
{
	unsigned i, flags[] = {0, GNUTLS_VERIFY_DISABLE_CA_SIGN, GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1,
			       GNUTLS_VERIFY_DISABLE_TIME_CHECKS, GNUTLS_VERIFY_ALLOW_BROKEN};
	for (i = 0; i < NCAS; i++) {
		unsigned f;
		if (cas[i] == NULL)
			continue;
		printf("check_issuer %s=%u\n", ca_names[i], gnutls_x509_crl_check_issuer(crl, cas[i]));
		for (f = 0; f < sizeof flags / sizeof flags[0]; f++) {
			unsigned verify = 0xdead;
			int rc = gnutls_x509_crl_verify(crl, &cas[i], 1, flags[f], &verify);
			printf("verify %s flags=%x rc=%d status=%x\n", ca_names[i], flags[f], rc, verify);
		}
	}
	{
		unsigned verify = 0xdead;
		int rc = gnutls_x509_crl_verify(crl, cas, NCAS, 0, &verify);
		printf("verify all rc=%d status=%x\n", rc, verify);
		gnutls_x509_crt_t rev[NCAS];
		for (i = 0; i < NCAS; i++)
			rev[i] = cas[NCAS - 1 - i];
		rc = gnutls_x509_crl_verify(crl, rev, NCAS, 0, &verify);
		printf("verify all reversed rc=%d status=%x\n", rc, verify);
		rc = gnutls_x509_crl_verify(crl, NULL, 0, 0, &verify);
		printf("verify none rc=%d status=%x\n", rc, verify);
	}
}

static int is_crl_file(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return (n > 8 && strcmp(e->d_name + n - 8, ".crl.pem") == 0) ||
	       (n > 8 && strcmp(e->d_name + n - 8, ".crl.der") == 0);
}

static void list_imports(const char *dir)
{
	char path[4096];
	gnutls_datum_t d;
	gnutls_x509_crl_t *list = NULL, fixed[3];
	unsigned n = 0, i, max;
	int rc;

	snprintf(path, sizeof path, "%s/all.pem", dir);
	if (read_file(path, &d) < 0)
		return;
	rc = gnutls_x509_crl_list_import2(&list, &n, &d, GNUTLS_X509_FMT_PEM, 0);
	printf("list_import2 rc=%d n=%u\n", rc, n);
	for (i = 0; rc == 0 && i < n; i++) {
		gnutls_datum_t t;
		int r = gnutls_x509_crl_get_issuer_dn2(list[i], &t);
		printf("  [%u] count=%d ", i, gnutls_x509_crl_get_crt_count(list[i]));
		datum_text("dn", r, &t);
		gnutls_x509_crl_deinit(list[i]);
	}
	if (rc == 0)
		gnutls_free(list);
	n = 0;
	rc = gnutls_x509_crl_list_import2(&list, &n, &d, GNUTLS_X509_FMT_PEM,
					  GNUTLS_X509_CRT_LIST_FAIL_IF_UNSORTED);
	printf("list_import2 unsorted-flag rc=%d n=%u\n", rc, n);
	for (i = 0; rc == 0 && i < n; i++)
		gnutls_x509_crl_deinit(list[i]);
	if (rc == 0)
		gnutls_free(list);

	max = 3;
	rc = gnutls_x509_crl_list_import(fixed, &max, &d, GNUTLS_X509_FMT_PEM, 0);
	printf("list_import max3 rc=%d max=%u\n", rc, max);
	for (i = 0; rc > 0 && i < (unsigned)rc; i++)
		gnutls_x509_crl_deinit(fixed[i]);
	max = 3;
	rc = gnutls_x509_crl_list_import(fixed, &max, &d, GNUTLS_X509_FMT_PEM,
					 GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED);
	printf("list_import max3 exceed rc=%d max=%u\n", rc, max);
	for (i = 0; rc > 0 && i < (unsigned)rc; i++)
		gnutls_x509_crl_deinit(fixed[i]);
	max = 3;
	rc = gnutls_x509_crl_list_import(fixed, &max, &d, GNUTLS_X509_FMT_DER, 0);
	printf("list_import pem-as-der rc=%d max=%u\n", rc, max);
	for (i = 0; rc > 0 && i < (unsigned)rc; i++)
		gnutls_x509_crl_deinit(fixed[i]);
	free_file(&d);

	d.data = (unsigned char *)"no pem here";
	d.size = 11;
	n = 0;
	rc = gnutls_x509_crl_list_import2(&list, &n, &d, GNUTLS_X509_FMT_PEM, 0);
	printf("list_import2 nothing rc=%d n=%u\n", rc, n);
	max = 3;
	rc = gnutls_x509_crl_list_import(fixed, &max, &d, GNUTLS_X509_FMT_PEM, 0);
	printf("list_import nothing rc=%d max=%u\n", rc, max);
}

static int import_dump(const char *path, int fmt, gnutls_x509_crt_t *cas)
{
	gnutls_datum_t d;
	gnutls_x509_crl_t crl;
	int rc;

	if (read_file(path, &d) < 0) {
		printf("%s: unreadable\n", path);
		return 1;
	}
	gnutls_x509_crl_init(&crl);
	rc = gnutls_x509_crl_import(crl, &d, fmt);
	printf("import rc=%d\n", rc);
	if (rc == 0) {
		dump(crl);
		if (cas)
			issuers(crl, cas);
	}
	/* The other encoding must be refused. */
	gnutls_x509_crl_deinit(crl);
	gnutls_x509_crl_init(&crl);
	rc = gnutls_x509_crl_import(crl, &d, fmt == GNUTLS_X509_FMT_DER ? GNUTLS_X509_FMT_PEM : GNUTLS_X509_FMT_DER);
	printf("import as other format rc=%d\n", rc);
	gnutls_x509_crl_deinit(crl);
	free_file(&d);
	return 0;
}

/* Damaged copies of a corpus input: truncated at eight points, and with
 * one byte changed at sixteen places; each is imported and, when that
 * succeeds, dumped. */
static void mutants(const char *path)
{
	gnutls_datum_t d, m;
	unsigned k;
	if (read_file(path, &d) < 0 || d.size < 16) {
		free_file(&d);
		return;
	}
	for (k = 0; k < 24; k++) {
		gnutls_x509_crl_t crl;
		int rc;
		unsigned char *copy = malloc(d.size);
		if (copy == NULL)
			break;
		memcpy(copy, d.data, d.size);
		m.data = copy;
		m.size = d.size;
		if (k < 8) {
			m.size = d.size * k / 8;
			printf("-- truncated to %u\n", m.size);
		} else {
			unsigned pos = (unsigned)((unsigned long)d.size * (k - 8) / 16);
			copy[pos] ^= (k & 1) ? 0x80 : 0x01;
			printf("-- byte %u changed\n", pos);
		}
		gnutls_x509_crl_init(&crl);
		rc = gnutls_x509_crl_import(crl, &m, GNUTLS_X509_FMT_DER);
		printf("import rc=%d\n", rc);
		if (rc == 0)
			dump(crl);
		gnutls_x509_crl_deinit(crl);
		free(copy);
	}
	free_file(&d);
}

int main(int argc, char **argv)
{
	char lib[4096] = "";
	int i, n;
	struct dirent **names;
	gnutls_x509_crt_t cas[NCAS];

	if (tlshim_loaded_gnutls(lib, sizeof lib) != 0)
		return 1;
	printf("LOADED %s\n", lib);
	if (argc < 2)
		return 2;
	if (strcmp(argv[1], "-c") == 0) {
		for (i = 2; i < argc; i++) {
			const char *base = strrchr(argv[i], '/');
			printf("== %s\n", base ? base + 1 : argv[i]);
			import_dump(argv[i], GNUTLS_X509_FMT_DER, NULL);
			mutants(argv[i]);
		}
		return 0;
	}
	for (i = 0; i < NCAS; i++)
		cas[i] = load_crt(argv[1], ca_names[i]);
	n = scandir(argv[1], &names, is_crl_file, alphasort);
	if (n <= 0)
		return 3;
	for (i = 0; i < n; i++) {
		char path[4096];
		size_t len = strlen(names[i]->d_name);
		snprintf(path, sizeof path, "%s/%s", argv[1], names[i]->d_name);
		printf("== %s\n", names[i]->d_name);
		import_dump(path, strcmp(names[i]->d_name + len - 3, "pem") == 0 ? GNUTLS_X509_FMT_PEM : GNUTLS_X509_FMT_DER,
			    cas);
		free(names[i]);
	}
	free(names);
	list_imports(argv[1]);
	for (i = 0; i < NCAS; i++)
		gnutls_x509_crt_deinit(cas[i]);
	return 0;
}
