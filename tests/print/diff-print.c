/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test of certificate printing, DN objects, the remaining
 * certificate getters and the extension codecs: for every file named on the
 * command line (or every file of a directory, in sorted order), imports the
 * certificate (PEM, else DER), writes gnutls_x509_crt_print() in every
 * format, and with --getters the results of the getters and an
 * import/export round trip of each extension the codecs handle.  With
 * --mask-errors the embedded error descriptions are masked.  With
 * --formats=LIST only the listed formats (letters: o=ONELINE, f=FULL,
 * c=COMPACT, u=UNSIGNED_FULL, n=FULL_NUMBERS) are printed.  Run by
 * run-diff.sh on the real GnuTLS and on tlshim; outputs must be equal.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/x509-ext.h>

#include "../common/loaded-lib.h"

static const char *formats = "ofcun";
static int getters = 0;
static int mask_errors = 0;

/* Writes a description; with --mask-errors the gnutls_strerror() texts it
 * embeds (tlshim words its error descriptions itself) are replaced by
 * "<msg>", so that only the structure and the failing step are compared. */
static void put_text(const char *s)
{
	const char *line = s;
	if (!mask_errors) {
		fputs(s, stdout);
		return;
	}
	while (*line) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		const char *p;
		if (strncmp(line, "error importing public key: ", 28) == 0) {
			printf("error importing public key: <msg>");
		} else if (strncmp(line, "error: ", 7) == 0 && (p = memchr(line + 7, ':', n - 7)) != NULL) {
			printf("%.*s: <msg>", (int)(p - line), line);
		} else {
			/* "unknown subject (...)" and "unknown issuer (...)" */
			size_t i = 0;
			while (i < n) {
				if ((n - i > 17 && strncmp(line + i, "unknown subject (", 17) == 0) ||
				    (n - i > 16 && strncmp(line + i, "unknown issuer (", 16) == 0)) {
					const char *close = memchr(line + i, ')', n - i);
					size_t k = (size_t)(strchr(line + i, '(') - line);
					if (close != NULL) {
						printf("%.*s<msg>)", (int)(k + 1 - i), line + i);
						i = (size_t)(close - line) + 1;
						continue;
					}
				}
				putchar(line[i++]);
			}
		}
		if (!end)
			break;
		putchar('\n');
		line = end + 1;
	}
}

static void hexs(const char *label, const unsigned char *p, size_t n)
{
	size_t i;
	printf("  %s[%zu]=", label, n);
	for (i = 0; i < n && i < 80; i++)
		printf("%02x", p[i]);
	printf("%s\n", n > 80 ? "..." : "");
}

static void txt(const char *label, const unsigned char *p, size_t n)
{
	size_t i;
	printf("  %s[%zu]=", label, n);
	for (i = 0; i < n && i < 300; i++)
		printf(p[i] >= 0x20 && p[i] < 0x7f && p[i] != '\\' ? "%c" : "\\x%02x", p[i]);
	printf("\n");
}

static void datum(const char *label, int r, gnutls_datum_t *d, int text)
{
	printf("  %s rc=%d\n", label, r);
	if (r >= 0 && d->data != NULL) {
		if (text)
			txt(label, d->data, d->size);
		else
			hexs(label, d->data, d->size);
		gnutls_free(d->data);
		d->data = NULL;
	}
}

static void dump_dn(const char *what, gnutls_x509_dn_t dn)
{
	int i, j, r;
	gnutls_datum_t d = {NULL, 0};
	for (i = 0; i < 40; i++) {
		gnutls_x509_ava_st ava;
		r = gnutls_x509_dn_get_rdn_ava(dn, i, 0, &ava);
		if (r < 0) {
			printf("  %s ava %d rc=%d\n", what, i, r);
			break;
		}
		for (j = 0; j < 10; j++) {
			r = gnutls_x509_dn_get_rdn_ava(dn, i, j, &ava);
			if (r < 0)
				break;
			printf("  %s ava %d.%d tag=%lu\n", what, i, j, ava.value_tag);
			txt("oid", ava.oid.data, ava.oid.size);
			txt("value", ava.value.data, ava.value.size);
		}
	}
	r = gnutls_x509_dn_get_str(dn, &d);
	datum("dn_get_str", r, &d, 1);
	r = gnutls_x509_dn_get_str2(dn, &d, 0);
	datum("dn_get_str2", r, &d, 1);
	r = gnutls_x509_dn_get_str2(dn, &d, GNUTLS_X509_DN_FLAG_COMPAT);
	datum("dn_get_str2c", r, &d, 1);
	r = gnutls_x509_dn_export2(dn, GNUTLS_X509_FMT_PEM, &d);
	datum("dn_export2", r, &d, 1);
	r = gnutls_x509_dn_export2(dn, GNUTLS_X509_FMT_DER, &d);
	if (r >= 0) {
		gnutls_x509_dn_t copy;
		char buf[2048];
		size_t sz = sizeof buf;
		gnutls_x509_dn_init(&copy);
		printf("  dn_import rc=%d\n", gnutls_x509_dn_import(copy, &d));
		r = gnutls_x509_rdn_get(&d, buf, &sz);
		printf("  rdn_get rc=%d\n", r);
		if (r >= 0)
			txt("rdn_get", (unsigned char *)buf, sz);
		r = 0;
		for (i = 0; i < 40; i++) {
			sz = sizeof buf;
			r = gnutls_x509_rdn_get_oid(&d, i, buf, &sz);
			printf("  rdn_get_oid %d rc=%d\n", i, r);
			if (r < 0)
				break;
			txt("oid", (unsigned char *)buf, sz);
			{
				char v[2048];
				size_t vs = sizeof v;
				r = gnutls_x509_rdn_get_by_oid(&d, buf, 0, 0, v, &vs);
				printf("  rdn_get_by_oid rc=%d\n", r);
				if (r >= 0)
					txt("v", (unsigned char *)v, vs);
			}
		}
		gnutls_x509_dn_deinit(copy);
	}
	datum("dn_export2 der", r, &d, 0);
}

static void by_oid(gnutls_x509_crt_t crt, int issuer)
{
	int i, k, r;
	char oid[256], buf[2048];
	size_t sz;
	for (i = 0; i < 40; i++) {
		sz = sizeof oid;
		r = issuer ? gnutls_x509_crt_get_issuer_dn_oid(crt, i, oid, &sz) : gnutls_x509_crt_get_dn_oid(crt, i, oid, &sz);
		printf("  %s dn_oid %d rc=%d\n", issuer ? "issuer" : "subject", i, r);
		if (r < 0)
			break;
		for (k = 0; k < 2; k++) {
			int raw;
			for (raw = 0; raw < 2; raw++) {
				sz = 1;
				r = issuer ? gnutls_x509_crt_get_issuer_dn_by_oid(crt, oid, k, raw, buf, &sz)
					   : gnutls_x509_crt_get_dn_by_oid(crt, oid, k, raw, buf, &sz);
				printf("  by_oid %s %d raw=%d short rc=%d size=%zu\n", oid, k, raw, r, sz);
				sz = sizeof buf;
				r = issuer ? gnutls_x509_crt_get_issuer_dn_by_oid(crt, oid, k, raw, buf, &sz)
					   : gnutls_x509_crt_get_dn_by_oid(crt, oid, k, raw, buf, &sz);
				printf("  by_oid %s %d raw=%d rc=%d\n", oid, k, raw, r);
				if (r >= 0)
					txt("value", (unsigned char *)buf, sz);
			}
		}
	}
}

/* Import then export through the extension codecs; the DER must come back. */
static void roundtrip(const char *oid, const gnutls_datum_t *ext)
{
	gnutls_datum_t out = {NULL, 0};
	int r = 1;
	if (strcmp(oid, GNUTLS_X509EXT_OID_KEY_USAGE) == 0) {
		unsigned u;
		r = gnutls_x509_ext_import_key_usage(ext, &u);
		printf("  ku import rc=%d usage=%u\n", r, r >= 0 ? u : 0);
		if (r >= 0)
			r = gnutls_x509_ext_export_key_usage(u, &out);
	} else if (strcmp(oid, GNUTLS_X509EXT_OID_BASIC_CONSTRAINTS) == 0) {
		unsigned ca;
		int pl;
		r = gnutls_x509_ext_import_basic_constraints(ext, &ca, &pl);
		printf("  bc import rc=%d ca=%u pathlen=%d\n", r, r >= 0 ? ca : 0, r >= 0 ? pl : 0);
		if (r >= 0)
			r = gnutls_x509_ext_export_basic_constraints(ca, pl, &out);
	} else if (strcmp(oid, GNUTLS_X509EXT_OID_SUBJECT_KEY_ID) == 0) {
		gnutls_datum_t id;
		r = gnutls_x509_ext_import_subject_key_id(ext, &id);
		printf("  ski import rc=%d\n", r);
		if (r >= 0) {
			r = gnutls_x509_ext_export_subject_key_id(&id, &out);
			gnutls_free(id.data);
		}
	} else if (strcmp(oid, GNUTLS_X509EXT_OID_EXTENDED_KEY_USAGE) == 0) {
		gnutls_x509_key_purposes_t p;
		gnutls_datum_t o;
		unsigned i;
		gnutls_x509_key_purpose_init(&p);
		r = gnutls_x509_ext_import_key_purposes(ext, p, 0);
		printf("  eku import rc=%d\n", r);
		for (i = 0; r >= 0 && gnutls_x509_key_purpose_get(p, i, &o) >= 0; i++)
			txt("purpose", o.data, o.size);
		if (r >= 0)
			r = gnutls_x509_ext_export_key_purposes(p, &out);
		gnutls_x509_key_purpose_deinit(p);
	} else if (strcmp(oid, "2.5.29.54") == 0) {
		unsigned skip;
		r = gnutls_x509_ext_import_inhibit_anypolicy(ext, &skip);
		printf("  inhibit import rc=%d skip=%u\n", r, r >= 0 ? skip : 0);
		if (r >= 0)
			r = gnutls_x509_ext_export_inhibit_anypolicy(skip, &out);
	} else if (strcmp(oid, GNUTLS_X509EXT_OID_PRIVATE_KEY_USAGE_PERIOD) == 0) {
		time_t a, b;
		r = gnutls_x509_ext_import_private_key_usage_period(ext, &a, &b);
		printf("  pkup import rc=%d %ld %ld\n", r, r >= 0 ? (long)a : 0, r >= 0 ? (long)b : 0);
		if (r >= 0)
			r = gnutls_x509_ext_export_private_key_usage_period(a, b, &out);
	} else if (strcmp(oid, GNUTLS_X509EXT_OID_TLSFEATURES) == 0) {
		gnutls_x509_tlsfeatures_t f;
		unsigned i, v;
		gnutls_x509_tlsfeatures_init(&f);
		r = gnutls_x509_ext_import_tlsfeatures(ext, f, 0);
		printf("  tlsfeatures import rc=%d\n", r);
		for (i = 0; r >= 0 && gnutls_x509_tlsfeatures_get(f, i, &v) >= 0; i++)
			printf("  feature %u\n", v);
		if (r >= 0)
			r = gnutls_x509_ext_export_tlsfeatures(f, &out);
		gnutls_x509_tlsfeatures_deinit(f);
	} else {
		return;
	}
	printf("  %s export rc=%d roundtrip=%s\n", oid, r,
	       r >= 0 && out.size == ext->size && memcmp(out.data, ext->data, out.size) == 0 ? "same" : "differs");
	gnutls_free(out.data);
}

static void dump_getters(gnutls_x509_crt_t crt)
{
	char buf[8192];
	size_t sz;
	int r, i;
	unsigned u, crit;
	gnutls_datum_t a = {NULL, 0}, b = {NULL, 0}, c = {NULL, 0}, d = {NULL, 0};
	gnutls_x509_dn_t dn;

	r = gnutls_x509_crt_get_subject(crt, &dn);
	printf("  get_subject rc=%d\n", r);
	if (r >= 0)
		dump_dn("subject", dn);
	r = gnutls_x509_crt_get_issuer(crt, &dn);
	printf("  get_issuer rc=%d\n", r);
	if (r >= 0)
		dump_dn("issuer", dn);
	by_oid(crt, 0);
	by_oid(crt, 1);

	sz = 0;
	r = gnutls_x509_crt_get_pk_oid(crt, NULL, &sz);
	printf("  pk_oid short rc=%d size=%zu\n", r, sz);
	sz = sizeof buf;
	r = gnutls_x509_crt_get_pk_oid(crt, buf, &sz);
	printf("  pk_oid rc=%d\n", r);
	if (r >= 0)
		txt("pk_oid", (unsigned char *)buf, sz);
	sz = sizeof buf;
	r = gnutls_x509_crt_get_signature_oid(crt, buf, &sz);
	printf("  signature_oid rc=%d\n", r);
	if (r >= 0)
		txt("signature_oid", (unsigned char *)buf, sz);
	sz = 0;
	r = gnutls_x509_crt_get_signature(crt, NULL, &sz);
	printf("  signature short rc=%d size=%zu\n", r, sz);
	sz = sizeof buf;
	r = gnutls_x509_crt_get_signature(crt, buf, &sz);
	printf("  signature rc=%d\n", r);
	if (r >= 0)
		hexs("signature", (unsigned char *)buf, sz);
	{
		unsigned flags[] = {0, GNUTLS_KEYID_USE_SHA256, GNUTLS_KEYID_USE_SHA512};
		for (i = 0; i < 3; i++) {
			sz = sizeof buf;
			r = gnutls_x509_crt_get_key_id(crt, flags[i], (unsigned char *)buf, &sz);
			printf("  key_id %u rc=%d\n", flags[i], r);
			if (r >= 0)
				hexs("key_id", (unsigned char *)buf, sz);
		}
	}
	r = gnutls_x509_crt_get_pk_rsa_raw(crt, &a, &b);
	printf("  pk_rsa_raw rc=%d\n", r);
	if (r >= 0) {
		datum("m", r, &a, 0);
		datum("e", r, &b, 0);
	}
	{
		gnutls_ecc_curve_t curve;
		r = gnutls_x509_crt_get_pk_ecc_raw(crt, &curve, &a, &b);
		printf("  pk_ecc_raw rc=%d\n", r);
		if (r >= 0) {
			printf("  curve=%d\n", (int)curve);
			datum("x", r, &a, 0);
			datum("y", r, &b, 0);
		}
	}
	r = gnutls_x509_crt_get_pk_dsa_raw(crt, &a, &b, &c, &d);
	printf("  pk_dsa_raw rc=%d\n", r);
	if (r >= 0) {
		datum("p", r, &a, 0);
		datum("q", r, &b, 0);
		datum("g", r, &c, 0);
		datum("y", r, &d, 0);
	}
	sz = sizeof buf;
	r = gnutls_x509_crt_get_subject_unique_id(crt, buf, &sz);
	printf("  subject_unique_id rc=%d\n", r);
	if (r >= 0)
		hexs("uid", (unsigned char *)buf, sz);
	sz = sizeof buf;
	r = gnutls_x509_crt_get_issuer_unique_id(crt, buf, &sz);
	printf("  issuer_unique_id rc=%d\n", r);
	if (r >= 0)
		hexs("uid", (unsigned char *)buf, sz);
	for (i = 0; i < 40; i++) {
		crit = 7;
		sz = sizeof buf;
		r = gnutls_x509_crt_get_key_purpose_oid(crt, i, buf, &sz, &crit);
		printf("  key_purpose %d rc=%d crit=%u\n", i, r, crit);
		if (r < 0)
			break;
		txt("purpose", (unsigned char *)buf, sz);
	}
	crit = 7;
	r = gnutls_x509_crt_get_inhibit_anypolicy(crt, &u, &crit);
	printf("  inhibit_anypolicy rc=%d skip=%u crit=%u\n", r, r >= 0 ? u : 0, crit);
	{
		time_t t1 = 0, t2 = 0;
		crit = 7;
		r = gnutls_x509_crt_get_private_key_usage_period(crt, &t1, &t2, &crit);
		printf("  pkup rc=%d %ld %ld crit=%u\n", r, (long)t1, (long)t2, crit);
	}
	{
		int pathlen = 99;
		char *lang = NULL, *pol = NULL;
		size_t polsz = 0;
		crit = 7;
		r = gnutls_x509_crt_get_proxy(crt, &crit, &pathlen, &lang, &pol, &polsz);
		printf("  proxy rc=%d crit=%u pathlen=%d lang=%s policy=%.*s\n", r, crit, pathlen,
		       lang ? lang : "(null)", pol ? (int)polsz : 6, pol ? pol : "(null)");
		gnutls_free(lang);
		gnutls_free(pol);
	}
	{
		gnutls_x509_tlsfeatures_t f, want;
		unsigned v;
		gnutls_x509_tlsfeatures_init(&f);
		crit = 7;
		r = gnutls_x509_crt_get_tlsfeatures(crt, f, 0, &crit);
		printf("  tlsfeatures rc=%d crit=%u\n", r, crit);
		for (i = 0; gnutls_x509_tlsfeatures_get(f, i, &v) >= 0; i++)
			printf("  feature %u\n", v);
		gnutls_x509_tlsfeatures_init(&want);
		printf("  check_crt empty=%u\n", gnutls_x509_tlsfeatures_check_crt(want, crt));
		gnutls_x509_tlsfeatures_add(want, 5);
		printf("  check_crt 5=%u\n", gnutls_x509_tlsfeatures_check_crt(want, crt));
		gnutls_x509_tlsfeatures_add(want, 17);
		printf("  check_crt 5,17=%u\n", gnutls_x509_tlsfeatures_check_crt(want, crt));
		gnutls_x509_tlsfeatures_deinit(want);
		gnutls_x509_tlsfeatures_deinit(f);
	}
	for (i = 0; i < 64; i++) {
		gnutls_datum_t oid, ext;
		r = gnutls_x509_crt_get_extension_info(crt, i, buf, &(size_t){sizeof buf}, &crit);
		if (r < 0)
			break;
		r = gnutls_x509_crt_get_extension_data2(crt, i, &ext);
		if (r < 0)
			continue;
		oid.data = (unsigned char *)buf;
		oid.size = (unsigned)strlen(buf);
		(void)oid;
		roundtrip(buf, &ext);
		gnutls_free(ext.data);
	}
}

static int read_file(const char *path, gnutls_datum_t *d)
{
	FILE *f = fopen(path, "rb");
	long n;
	if (f == NULL)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	d->data = malloc(n > 0 ? (size_t)n : 1);
	d->size = (unsigned)n;
	if (n > 0 && fread(d->data, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(d->data);
		return -1;
	}
	fclose(f);
	return 0;
}

static void print_one(const char *name, const char *path)
{
	gnutls_datum_t d, out;
	gnutls_x509_crt_t crt;
	int r;
	const char *p;

	if (read_file(path, &d) < 0) {
		printf("== %s: unreadable\n", name);
		return;
	}
	gnutls_x509_crt_init(&crt);
	r = gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_PEM);
	if (r < 0)
		r = gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_DER);
	printf("== %s: import %d\n", name, r);
	if (r >= 0) {
		for (p = formats; *p; p++) {
			gnutls_certificate_print_formats_t f;
			switch (*p) {
			case 'o': f = GNUTLS_CRT_PRINT_ONELINE; break;
			case 'f': f = GNUTLS_CRT_PRINT_FULL; break;
			case 'c': f = GNUTLS_CRT_PRINT_COMPACT; break;
			case 'u': f = GNUTLS_CRT_PRINT_UNSIGNED_FULL; break;
			case 'n': f = GNUTLS_CRT_PRINT_FULL_NUMBERS; break;
			default: continue;
			}
			r = gnutls_x509_crt_print(crt, f, &out);
			printf("-- format %c: %d\n", *p, r);
			if (r >= 0) {
				if (out.data[out.size] != 0)
					printf("(not NUL-terminated)\n");
				put_text((char *)out.data);
				printf("\n");
				if (!mask_errors)
					printf("-- size %u\n", out.size);
				gnutls_free(out.data);
			}
		}
		if (getters)
			dump_getters(crt);
	}
	gnutls_x509_crt_deinit(crt);
	free(d.data);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	if (dir == NULL) {
		const char *base = strrchr(path, '/');
		print_one(base ? base + 1 : path, path);
		return;
	}
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		names[n++] = strdup(e->d_name);
	}
	closedir(dir);
	qsort(names, n, sizeof *names, cmp);
	for (i = 0; i < n; i++) {
		char full[4096];
		snprintf(full, sizeof full, "%s/%s", path, names[i]);
		print_one(names[i], full);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	char lib[4096];
	int i;
	if (tlshim_loaded_gnutls(lib, sizeof lib) != 0)
		strcpy(lib, "(none)");
	printf("LOADED %s\n", lib);
	gnutls_global_init();
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--mask-errors") == 0) {
			mask_errors = 1;
			continue;
		}
		if (strcmp(argv[i], "--getters") == 0) {
			getters = 1;
			continue;
		}
		if (strncmp(argv[i], "--formats=", 10) == 0) {
			formats = argv[i] + 10;
			continue;
		}
		walk(argv[i]);
	}
	gnutls_global_deinit();
	return 0;
}
