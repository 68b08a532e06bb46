/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test of X.509 certificate parsing: for every file of the
 * directories given as arguments (in sorted order), imports it as DER and as
 * PEM (single and list import) and prints the result of every getter.  Run by
 * run-diff.sh on the real GnuTLS and on tlshim; the outputs must be equal.
 */
#include <dirent.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "../common/loaded-lib.h"

static void hex(const char *label, const unsigned char *p, size_t n)
{
	size_t i;
	printf("  %s[%zu]=", label, n);
	for (i = 0; i < n && i < 64; i++)
		printf("%02x", p[i]);
	if (n > 64)
		printf("...");
	printf("\n");
}

static void str(const char *label, const char *s, size_t n)
{
	size_t i;
	printf("  %s[%zu]=", label, n);
	for (i = 0; i < n && i < 400; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\')
			putchar(c);
		else
			printf("\\x%02x", c);
	}
	printf("\n");
}

/* A getter of the (buf, size) family, called with a too-small and a big buffer. */
#define SIZED(label, call_buf_sz)                                                    \
	do {                                                                         \
		char buf[8192];                                                      \
		size_t sz = 0;                                                       \
		char *b = NULL;                                                      \
		int r = (call_buf_sz);                                               \
		printf("  %s: short rc=%d size=%zu\n", label, r, sz);                \
		sz = sizeof buf;                                                     \
		b = buf;                                                             \
		r = (call_buf_sz);                                                   \
		printf("  %s: rc=%d\n", label, r);                                   \
		if (r >= 0)                                                          \
			str(label, buf, sz);                                         \
	} while (0)

static void dump_dn_variants(gnutls_x509_crt_t crt)
{
	gnutls_datum_t d;
	int r;
	r = gnutls_x509_crt_get_dn2(crt, &d);
	printf("  dn2 rc=%d\n", r);
	if (r >= 0) {
		str("dn2", (char *)d.data, d.size);
		gnutls_free(d.data);
	}
	r = gnutls_x509_crt_get_dn3(crt, &d, GNUTLS_X509_DN_FLAG_COMPAT);
	printf("  dn3c rc=%d\n", r);
	if (r >= 0) {
		str("dn3c", (char *)d.data, d.size);
		gnutls_free(d.data);
	}
	r = gnutls_x509_crt_get_dn3(crt, &d, 0);
	printf("  dn3 rc=%d\n", r);
	if (r >= 0) {
		str("dn3", (char *)d.data, d.size);
		gnutls_free(d.data);
	}
	r = gnutls_x509_crt_get_issuer_dn3(crt, &d, 0);
	printf("  idn3 rc=%d\n", r);
	if (r >= 0) {
		str("idn3", (char *)d.data, d.size);
		gnutls_free(d.data);
	}
	r = gnutls_x509_crt_get_issuer_dn2(crt, &d);
	printf("  idn2 rc=%d\n", r);
	if (r >= 0) {
		str("idn2", (char *)d.data, d.size);
		gnutls_free(d.data);
	}
	r = gnutls_x509_crt_get_issuer_dn3(crt, &d, GNUTLS_X509_DN_FLAG_COMPAT);
	printf("  idn3c rc=%d\n", r);
	if (r >= 0) {
		str("idn3c", (char *)d.data, d.size);
		gnutls_free(d.data);
	}
	r = gnutls_x509_crt_get_raw_dn(crt, &d);
	printf("  rawdn rc=%d\n", r);
	if (r >= 0) {
		hex("rawdn", d.data, d.size);
		gnutls_free(d.data);
	}
	r = gnutls_x509_crt_get_raw_issuer_dn(crt, &d);
	printf("  rawidn rc=%d\n", r);
	if (r >= 0) {
		hex("rawidn", d.data, d.size);
		gnutls_free(d.data);
	}
}

static void dump_crt(gnutls_x509_crt_t crt)
{
	unsigned char buf[8192];
	size_t sz;
	unsigned int bits = 0, crit = 0, ca = 0, ku = 0, san_type;
	int r, i, pathlen = 0;
	gnutls_datum_t d;

	printf("  version=%d\n", gnutls_x509_crt_get_version(crt));
	sz = sizeof buf;
	r = gnutls_x509_crt_get_serial(crt, buf, &sz);
	printf("  serial rc=%d\n", r);
	if (r >= 0)
		hex("serial", buf, sz);
	sz = 1;
	r = gnutls_x509_crt_get_serial(crt, buf, &sz);
	printf("  serial short rc=%d size=%zu\n", r, sz);
	printf("  activation=%lld expiration=%lld\n",
	       (long long)gnutls_x509_crt_get_activation_time(crt),
	       (long long)gnutls_x509_crt_get_expiration_time(crt));
	SIZED("dn", gnutls_x509_crt_get_dn(crt, b, &sz));
	SIZED("idn", gnutls_x509_crt_get_issuer_dn(crt, b, &sz));
	dump_dn_variants(crt);
	r = gnutls_x509_crt_get_pk_algorithm(crt, &bits);
	printf("  pk=%d bits=%u\n", r, bits);
	r = gnutls_x509_crt_get_pk_algorithm(crt, NULL);
	printf("  pk(null)=%d\n", r);
	printf("  sig=%d\n", gnutls_x509_crt_get_signature_algorithm(crt));
	sz = sizeof buf;
	r = gnutls_x509_crt_get_fingerprint(crt, GNUTLS_DIG_SHA256, buf, &sz);
	printf("  fpr rc=%d\n", r);
	if (r >= 0)
		hex("fpr", buf, sz);
	sz = sizeof buf;
	r = gnutls_x509_crt_get_fingerprint(crt, GNUTLS_DIG_SHA1, buf, &sz);
	if (r >= 0)
		hex("fpr1", buf, sz);
	sz = 4;
	r = gnutls_x509_crt_get_fingerprint(crt, GNUTLS_DIG_SHA1, buf, &sz);
	printf("  fpr short rc=%d size=%zu\n", r, sz);

	r = gnutls_x509_crt_get_basic_constraints(crt, &crit, &ca, &pathlen);
	printf("  bc rc=%d crit=%u ca=%u pathlen=%d\n", r, crit, ca, pathlen);
	crit = 0;
	r = gnutls_x509_crt_get_ca_status(crt, &crit);
	printf("  ca_status rc=%d crit=%u\n", r, crit);
	crit = 0;
	r = gnutls_x509_crt_get_key_usage(crt, &ku, &crit);
	printf("  ku rc=%d ku=%u crit=%u\n", r, ku, crit);
	sz = sizeof buf;
	crit = 0;
	r = gnutls_x509_crt_get_subject_key_id(crt, buf, &sz, &crit);
	printf("  skid rc=%d crit=%u\n", r, crit);
	if (r >= 0)
		hex("skid", buf, sz);
	sz = sizeof buf;
	crit = 0;
	r = gnutls_x509_crt_get_authority_key_id(crt, buf, &sz, &crit);
	printf("  akid rc=%d crit=%u\n", r, crit);
	if (r >= 0)
		hex("akid", buf, sz);

	for (i = 0; i < 64; i++) {
		sz = sizeof buf;
		crit = 0;
		r = gnutls_x509_crt_get_subject_alt_name(crt, i, buf, &sz, &crit);
		printf("  san[%d] rc=%d crit=%u\n", i, r, crit);
		if (r < 0)
			break;
		str("san", (char *)buf, sz);
		sz = sizeof buf;
		r = gnutls_x509_crt_get_subject_alt_name2(crt, i, buf, &sz, &san_type, &crit);
		printf("  san2[%d] rc=%d type=%u\n", i, r, san_type);
		sz = 0;
		r = gnutls_x509_crt_get_subject_alt_name(crt, i, NULL, &sz, &crit);
		printf("  san short rc=%d size=%zu\n", r, sz);
	}

	for (i = 0; i < 64; i++) {
		sz = sizeof buf;
		crit = 0;
		r = gnutls_x509_crt_get_extension_info(crt, i, buf, &sz, &crit);
		printf("  ext[%d] rc=%d crit=%u\n", i, r, crit);
		if (r < 0)
			break;
		str("oid", (char *)buf, sz);
		sz = sizeof buf;
		r = gnutls_x509_crt_get_extension_oid(crt, i, buf, &sz);
		printf("  extoid rc=%d\n", r);
		if (r >= 0)
			str("extoid", (char *)buf, sz);
		sz = sizeof buf;
		r = gnutls_x509_crt_get_extension_data(crt, i, buf, &sz);
		printf("  extdata rc=%d\n", r);
		if (r >= 0)
			hex("extdata", buf, sz);
		r = gnutls_x509_crt_get_extension_data2(crt, i, &d);
		printf("  extdata2 rc=%d\n", r);
		if (r >= 0) {
			hex("extdata2", d.data, d.size);
			gnutls_free(d.data);
		}
	}
	{
		static const char *oids[] = {"2.5.29.19", "2.5.29.15", "2.5.29.17", "2.5.29.14",
					     "2.5.29.35", "2.5.29.37", "1.2.3.4", NULL};
		const char **o;
		for (o = oids; *o; o++) {
			sz = sizeof buf;
			crit = 0;
			r = gnutls_x509_crt_get_extension_by_oid(crt, *o, 0, buf, &sz, &crit);
			printf("  byoid %s rc=%d crit=%u\n", *o, r, crit);
			if (r >= 0)
				hex("byoid", buf, sz);
			crit = 0;
			r = gnutls_x509_crt_get_extension_by_oid2(crt, *o, 0, &d, &crit);
			printf("  byoid2 %s rc=%d crit=%u\n", *o, r, crit);
			if (r >= 0) {
				hex("byoid2", d.data, d.size);
				gnutls_free(d.data);
			}
		}
	}
	r = gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_DER, &d);
	printf("  export2 der rc=%d\n", r);
	if (r >= 0) {
		hex("der", d.data, d.size);
		gnutls_free(d.data);
	}
	r = gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_PEM, &d);
	printf("  export2 pem rc=%d\n", r);
	if (r >= 0) {
		str("pem", (char *)d.data, d.size);
		gnutls_free(d.data);
	}
	sz = 10;
	r = gnutls_x509_crt_export(crt, GNUTLS_X509_FMT_PEM, buf, &sz);
	printf("  export short rc=%d size=%zu\n", r, sz);
	sz = sizeof buf;
	r = gnutls_x509_crt_export(crt, GNUTLS_X509_FMT_DER, buf, &sz);
	printf("  export rc=%d size=%zu\n", r, sz);
}

static void one_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	static unsigned char data[1 << 20];
	size_t n;
	gnutls_datum_t d;
	gnutls_x509_crt_t crt, other;
	gnutls_x509_crt_t *list = NULL;
	unsigned int count = 0, i;
	int r;
	const char *base = strrchr(path, '/');

	if (f == NULL) {
		printf("FILE %s: cannot open\n", path);
		return;
	}
	n = fread(data, 1, sizeof data, f);
	fclose(f);
	printf("FILE %s (%zu bytes)\n", base ? base + 1 : path, n);
	d.data = data;
	d.size = (unsigned int)n;

	gnutls_x509_crt_init(&crt);
	r = gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_DER);
	printf(" import der rc=%d\n", r);
	if (r >= 0) {
		dump_crt(crt);
		gnutls_x509_crt_init(&other);
		if (gnutls_x509_crt_import(other, &d, GNUTLS_X509_FMT_DER) >= 0)
			printf("  equals self=%u equals2=%u\n", gnutls_x509_crt_equals(crt, other),
			       gnutls_x509_crt_equals2(crt, &d));
		gnutls_x509_crt_deinit(other);
	}
	gnutls_x509_crt_deinit(crt);

	gnutls_x509_crt_init(&crt);
	r = gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_PEM);
	printf(" import pem rc=%d\n", r);
	if (r >= 0)
		dump_crt(crt);
	gnutls_x509_crt_deinit(crt);

	r = gnutls_x509_crt_list_import2(&list, &count, &d, GNUTLS_X509_FMT_PEM, 0);
	printf(" list_import2 pem rc=%d count=%u\n", r, count);
	if (r >= 0) {
		for (i = 0; i < count; i++) {
			char buf[1024];
			size_t sz = sizeof buf;
			int rr = gnutls_x509_crt_get_dn(list[i], buf, &sz);
			printf("  [%u] rc=%d %s\n", i, rr, rr >= 0 ? buf : "");
			gnutls_x509_crt_deinit(list[i]);
		}
		gnutls_free(list);
	}
	{
		gnutls_x509_crt_t arr[2];
		unsigned int max = 2;
		r = gnutls_x509_crt_list_import(arr, &max, &d, GNUTLS_X509_FMT_PEM,
						GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED);
		printf(" list_import pem max2 rc=%d max=%u\n", r, max);
		for (i = 0; r > 0 && i < (unsigned)r; i++)
			gnutls_x509_crt_deinit(arr[i]);
	}
}

/* Mode --crashers: print only the names of the files on which the library
 * crashes (the real GnuTLS 3.7.9 aborts on a few corpus inputs).  Otherwise,
 * files listed in $X509_DIFF_SKIP (one name a line) are not run. */
static int crashers_mode;
static char skip_names[4096][64];
static int nskip;

static int skipped(const char *path)
{
	const char *base = strrchr(path, '/');
	int i;
	base = base ? base + 1 : path;
	for (i = 0; i < nskip; i++)
		if (strcmp(skip_names[i], base) == 0)
			return 1;
	return 0;
}

static void run_file(const char *path)
{
	pid_t pid;
	int status;
	if (skipped(path)) {
		printf("FILE %s: skipped (the reference crashes on it)\n", strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
		return;
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (crashers_mode && freopen("/dev/null", "w", stdout) == NULL)
			_exit(2);
		one_file(path);
		fflush(stdout);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		printf("fork failed\n");
		exit(1);
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		const char *base = strrchr(path, '/');
		if (crashers_mode)
			printf("%s\n", base ? base + 1 : path);
		else
			printf("FILE %s: CRASHED\n", base ? base + 1 : path);
	}
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	char lib[4096];
	int a;
	if (tlshim_loaded_gnutls(lib, sizeof lib) != 0) {
		printf("LOADED none\n");
		return 1;
	}
	printf("LOADED %s\n", lib);
	if (getenv("X509_DIFF_SKIP") != NULL) {
		FILE *f = fopen(getenv("X509_DIFF_SKIP"), "r");
		while (f != NULL && nskip < 4096 && fgets(skip_names[nskip], sizeof skip_names[0], f) != NULL) {
			skip_names[nskip][strcspn(skip_names[nskip], "\n")] = '\0';
			nskip++;
		}
		if (f != NULL)
			fclose(f);
	}
	gnutls_global_init();
	for (a = 1; a < argc; a++) {
		DIR *dir = strcmp(argv[a], "--crashers") == 0 ? NULL : opendir(argv[a]);
		struct dirent *e;
		char **names = NULL;
		size_t n = 0, i;
		if (strcmp(argv[a], "--crashers") == 0) {
			crashers_mode = 1;
			continue;
		}
		if (dir == NULL) {
			run_file(argv[a]);
			continue;
		}
		while ((e = readdir(dir)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			names = realloc(names, (n + 1) * sizeof *names);
			names[n] = malloc(strlen(argv[a]) + strlen(e->d_name) + 2);
			sprintf(names[n], "%s/%s", argv[a], e->d_name);
			n++;
		}
		closedir(dir);
		qsort(names, n, sizeof *names, cmp);
		for (i = 0; i < n; i++) {
			run_file(names[i]);
			free(names[i]);
		}
		free(names);
	}
	gnutls_global_deinit();
	return 0;
}
