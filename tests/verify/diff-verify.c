/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test of certificate verification: reads the manifest written
 * by gen-chains.sh (directory given as argument) and, at a fixed time, runs
 * every chain through trust lists (gnutls_x509_trust_list_verify_crt2 with
 * several flag sets, host names and key purposes), gnutls_x509_crt_list_verify
 * and gnutls_x509_crt_verify, and every host certificate through
 * gnutls_x509_crt_check_hostname2 / check_email / check_ip.  Each result is
 * printed with its status bits and gnutls_certificate_verification_status_print
 * text.  Run by run-diff.sh on the real GnuTLS and on tlshim.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "../common/loaded-lib.h"

#define FIXED_TIME ((time_t)1893456000) /* 2030-01-01 00:00:00 UTC */

static time_t fixed_time(time_t *t)
{
	if (t)
		*t = FIXED_TIME;
	return FIXED_TIME;
}

static const char *dir;

/* Reads a file of the corpus into d (malloc'ed, NUL-terminated). */
static int read_file(const char *name, gnutls_datum_t *d)
{
	char path[4096];
	FILE *f;
	long n;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (f == NULL)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	d->data = malloc((size_t)n + 1);
	d->size = (unsigned)fread(d->data, 1, (size_t)n, f);
	d->data[d->size] = 0;
	fclose(f);
	return 0;
}

/* Concatenates the comma-separated files of `list` into one PEM datum. */
static int read_files(const char *list, gnutls_datum_t *out)
{
	char buf[4096];
	char *save = NULL, *tok;
	size_t cap = 0;
	out->data = NULL;
	out->size = 0;
	snprintf(buf, sizeof buf, "%s", list);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		gnutls_datum_t d;
		if (read_file(tok, &d) < 0)
			return -1;
		cap = out->size + d.size + 1;
		out->data = realloc(out->data, cap);
		memcpy(out->data + out->size, d.data, d.size);
		out->size += d.size;
		out->data[out->size] = 0;
		free(d.data);
	}
	return 0;
}

static void print_status(const char *what, int rc, unsigned status)
{
	gnutls_datum_t txt = {NULL, 0};
	int r;
	printf("  %s: rc=%d status=0x%x", what, rc, status);
	if (rc >= 0) {
		r = gnutls_certificate_verification_status_print(status, GNUTLS_CRT_X509, &txt, 0);
		if (r == 0) {
			printf(" [%s] len=%u", (char *)txt.data, txt.size);
			gnutls_free(txt.data);
		} else {
			printf(" print=%d", r);
		}
	}
	printf("\n");
}

static const unsigned flag_sets[] = {
	0,
	GNUTLS_VERIFY_DISABLE_TIME_CHECKS,
	GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS,
	GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1,
	GNUTLS_VERIFY_ALLOW_BROKEN,
	GNUTLS_VERIFY_DO_NOT_ALLOW_SAME,
	GNUTLS_VERIFY_DISABLE_CA_SIGN,
	GNUTLS_VERIFY_ALLOW_ANY_X509_V1_CA_CRT,
	GNUTLS_VERIFY_DO_NOT_ALLOW_X509_V1_CA_CRT,
	GNUTLS_VERIFY_DISABLE_CRL_CHECKS,
	GNUTLS_VERIFY_DO_NOT_ALLOW_UNSORTED_CHAIN,
	GNUTLS_VERIFY_IGNORE_UNKNOWN_CRIT_EXTENSIONS,
	GNUTLS_VERIFY_DISABLE_TIME_CHECKS | GNUTLS_VERIFY_ALLOW_BROKEN,
};
#define NFLAGS (sizeof flag_sets / sizeof flag_sets[0])

static void do_chain(char *name, char *peers, char *cas, char *crls, char *host, char *purpose)
{
	gnutls_datum_t pd, cd = {NULL, 0}, rd = {NULL, 0};
	gnutls_x509_crt_t *plist = NULL, *clist = NULL;
	gnutls_x509_crl_t *rlist = NULL;
	unsigned np = 0, nc = 0, nr = 0, i;
	int rc;

	printf("chain %s peers=%s cas=%s crls=%s host=%s purpose=%s\n", name, peers, cas, crls,
	       host, purpose);
	if (read_files(peers, &pd) < 0) {
		printf("  cannot read\n");
		return;
	}
	rc = gnutls_x509_crt_list_import2(&plist, &np, &pd, GNUTLS_X509_FMT_PEM, 0);
	printf("  peers: rc=%d n=%u\n", rc, np);
	if (strcmp(cas, "-") != 0) {
		read_files(cas, &cd);
		rc = gnutls_x509_crt_list_import2(&clist, &nc, &cd, GNUTLS_X509_FMT_PEM, 0);
		printf("  cas: rc=%d n=%u\n", rc, nc);
	}
	if (strcmp(crls, "-") != 0) {
		read_files(crls, &rd);
		rc = gnutls_x509_crl_list_import2(&rlist, &nr, &rd, GNUTLS_X509_FMT_PEM, 0);
		printf("  crls: rc=%d n=%u\n", rc, nr);
	}

	for (i = 0; i < NFLAGS; i++) {
		gnutls_x509_trust_list_t tl;
		gnutls_typed_vdata_st vd[2];
		unsigned nvd = 0, status = 0;
		char what[64];

		gnutls_x509_trust_list_init(&tl, 0);
		if (cd.size) {
			rc = gnutls_x509_trust_list_add_trust_mem(tl, &cd, rd.size ? &rd : NULL,
								  GNUTLS_X509_FMT_PEM, 0, 0);
			if (i == 0)
				printf("  add_trust_mem: rc=%d\n", rc);
		}
		if (strcmp(host, "-") != 0) {
			vd[nvd].type = strchr(host, '@') ? GNUTLS_DT_RFC822NAME : GNUTLS_DT_DNS_HOSTNAME;
			vd[nvd].data = (unsigned char *)host;
			vd[nvd].size = 0;
			nvd++;
		}
		if (strcmp(purpose, "-") != 0) {
			vd[nvd].type = GNUTLS_DT_KEY_PURPOSE_OID;
			vd[nvd].data = (unsigned char *)purpose;
			vd[nvd].size = 0;
			nvd++;
		}
		status = 0xdeadbeef;
		rc = gnutls_x509_trust_list_verify_crt2(tl, plist, np, vd, nvd, flag_sets[i], &status,
							NULL);
		snprintf(what, sizeof what, "tl flags=0x%x", flag_sets[i]);
		print_status(what, rc, status);
		if (nvd && i == 0) {
			status = 0xdeadbeef;
			rc = gnutls_x509_trust_list_verify_crt(tl, plist, np, 0, &status, NULL);
			print_status("tl no vdata", rc, status);
		}
		gnutls_x509_trust_list_deinit(tl, 1);

		status = 0xdeadbeef;
		rc = gnutls_x509_crt_list_verify(plist, np, clist, nc, rlist, nr, flag_sets[i], &status);
		snprintf(what, sizeof what, "list_verify flags=0x%x", flag_sets[i]);
		print_status(what, rc, status);
		if (nc > 0) {
			status = 0xdeadbeef;
			rc = gnutls_x509_crt_verify(plist[0], clist, nc, flag_sets[i], &status);
			snprintf(what, sizeof what, "crt_verify flags=0x%x", flag_sets[i]);
			print_status(what, rc, status);
		}
	}

	/* Trust lists built with CRLs verified against the CAs, and by add_cas/add_crls. */
	if (nc > 0) {
		gnutls_x509_trust_list_t tl;
		unsigned status = 0;
		gnutls_x509_crt_t *copy;
		gnutls_x509_crl_t *rcopy = NULL;
		gnutls_x509_crt_list_import2(&copy, &nc, &cd, GNUTLS_X509_FMT_PEM, 0);
		gnutls_x509_trust_list_init(&tl, 0);
		rc = gnutls_x509_trust_list_add_cas(tl, copy, nc, 0);
		printf("  add_cas: rc=%d\n", rc);
		gnutls_free(copy);
		if (rd.size) {
			unsigned nr2 = 0;
			gnutls_x509_crl_list_import2(&rcopy, &nr2, &rd, GNUTLS_X509_FMT_PEM, 0);
			rc = gnutls_x509_trust_list_add_crls(tl, rcopy, nr2,
							     GNUTLS_TL_VERIFY_CRL | GNUTLS_TL_NO_DUPLICATES, 0);
			printf("  add_crls verified: rc=%d\n", rc);
			gnutls_free(rcopy);
		}
		rc = gnutls_x509_trust_list_verify_crt(tl, plist, np, 0, &status, NULL);
		print_status("tl add_cas", rc, status);
		for (i = 0; i < np; i++) {
			gnutls_x509_crt_t issuer = NULL;
			rc = gnutls_x509_trust_list_get_issuer(tl, plist[i], &issuer, 0);
			printf("  get_issuer[%u]: rc=%d\n", i, rc);
			if (rc == 0) {
				gnutls_datum_t dn;
				if (gnutls_x509_crt_get_dn2(issuer, &dn) == 0) {
					printf("    %s\n", dn.data);
					gnutls_free(dn.data);
				}
			}
			if (plist[i] && i + 1 < np)
				printf("  check_issuer[%u]: %u\n", i,
				       gnutls_x509_crt_check_issuer(plist[i], plist[i + 1]));
			if (nr > 0)
				printf("  check_revocation[%u]: %d\n", i,
				       gnutls_x509_crt_check_revocation(plist[i], rlist, nr));
		}
		gnutls_x509_trust_list_deinit(tl, 1);
	}

	for (i = 0; i < np; i++)
		gnutls_x509_crt_deinit(plist[i]);
	gnutls_free(plist);
	for (i = 0; i < nc; i++)
		gnutls_x509_crt_deinit(clist[i]);
	gnutls_free(clist);
	for (i = 0; i < nr; i++)
		gnutls_x509_crl_deinit(rlist[i]);
	gnutls_free(rlist);
	free(pd.data);
	free(cd.data);
	free(rd.data);
}

static const char *const hostnames[] = {
	"www.example.com", "example.com", "a.b.example.com", "WWW.EXAMPLE.COM", "www.example.com.",
	"wa.example.com", "w.example.com", "aw.example.com", "a.x.example.com", "foo.com",
	"x.co.uk", "anything", "café.example", "xn--caf-dma.example", "a.xn--caf-dma.example",
	"xn--abc.example.com", "192.0.2.1", "2001:db8::1", "2001:DB8:0:0::1", "192.0.2.2",
	"cn.example.com", "san.example.com", "mail.example.com", ".example.com", "", "*.example.com",
	"a..example.com", "ignored.example.com", "www.example.org", "first.example.com",
	"CAFÉ.example", "www.EXAMPLE.com",
};
static const char *const emails[] = {
	"User@Example.com", "user@example.com", "USER@EXAMPLE.COM", "other@example.com",
	"admin@example.com", "dn@example.com", "dnmail@example.com", "DNMAIL@example.COM", "x",
};
static const char *const ips[] = {"192.0.2.1", "2001:db8::1", "192.0.2.2", "::1"};

static void do_host(const char *name, const char *file)
{
	gnutls_datum_t d;
	gnutls_x509_crt_t crt;
	unsigned i, f;
	static const unsigned hflags[] = {0, GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS,
					  GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES};
	printf("host %s\n", name);
	if (read_file(file, &d) < 0)
		return;
	gnutls_x509_crt_init(&crt);
	if (gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_PEM) < 0) {
		printf("  import failed\n");
		goto out;
	}
	for (i = 0; i < sizeof hostnames / sizeof hostnames[0]; i++) {
		printf("  %-24s", hostnames[i]);
		for (f = 0; f < 3; f++)
			printf(" %u", gnutls_x509_crt_check_hostname2(crt, hostnames[i], hflags[f]));
		printf(" %u\n", gnutls_x509_crt_check_hostname(crt, hostnames[i]));
	}
	for (i = 0; i < sizeof emails / sizeof emails[0]; i++)
		printf("  email %s %u\n", emails[i], gnutls_x509_crt_check_email(crt, emails[i], 0));
	for (i = 0; i < sizeof ips / sizeof ips[0]; i++) {
		unsigned char ip[16];
		unsigned len = strchr(ips[i], ':') ? 16 : 4;
		inet_pton(len == 16 ? AF_INET6 : AF_INET, ips[i], ip);
		printf("  ip %s %u\n", ips[i], gnutls_x509_crt_check_ip(crt, ip, len, 0));
	}
out:
	gnutls_x509_crt_deinit(crt);
	free(d.data);
}

static gnutls_x509_crt_t load_crt(const char *name)
{
	gnutls_datum_t d;
	gnutls_x509_crt_t c = NULL;
	if (read_file(name, &d) < 0)
		return NULL;
	gnutls_x509_crt_init(&c);
	if (gnutls_x509_crt_import(c, &d, GNUTLS_X509_FMT_PEM) < 0) {
		gnutls_x509_crt_deinit(c);
		c = NULL;
	}
	free(d.data);
	return c;
}

static void print_dn(const char *label, gnutls_x509_crt_t c)
{
	gnutls_datum_t dn;
	if (gnutls_x509_crt_get_dn2(c, &dn) == 0) {
		printf("  %s: %s\n", label, dn.data);
		gnutls_free(dn.data);
	}
}

/* Trust-list management functions. */
static void do_trust_api(void)
{
	gnutls_x509_trust_list_t tl;
	gnutls_x509_trust_list_iter_t iter = NULL;
	gnutls_x509_crt_t c, leaf, in, issuer;
	gnutls_datum_t d;
	char path[4096];
	unsigned char buf[256];
	size_t sz;
	unsigned st, crit;
	int rc;

	printf("trust api\n");
	gnutls_x509_trust_list_init(&tl, 0);
	snprintf(path, sizeof path, "%s/root.pem", dir);
	printf("  add_trust_file: %d\n", gnutls_x509_trust_list_add_trust_file(tl, path, NULL, GNUTLS_X509_FMT_PEM, 0, 0));
	printf("  again no-dup: %d\n", gnutls_x509_trust_list_add_trust_file(tl, path, NULL, GNUTLS_X509_FMT_PEM, GNUTLS_TL_NO_DUPLICATES, 0));
	snprintf(path, sizeof path, "%s/int.pem", dir);
	printf("  add int: %d\n", gnutls_x509_trust_list_add_trust_file(tl, path, NULL, GNUTLS_X509_FMT_PEM, 0, 0));
	snprintf(path, sizeof path, "%s/missing.pem", dir);
	printf("  missing file: %d\n", gnutls_x509_trust_list_add_trust_file(tl, path, NULL, GNUTLS_X509_FMT_PEM, 0, 0));
	snprintf(path, sizeof path, "%s/cases.txt", dir);
	printf("  not pem: %d\n", gnutls_x509_trust_list_add_trust_file(tl, path, NULL, GNUTLS_X509_FMT_PEM, 0, 0));
	/* The iteration order follows the list's internal lookup structure,
	 * which is not part of the interface: compare the sorted names. */
	{
		char *dns[16];
		unsigned ndn = 0, a, b;
		while ((rc = gnutls_x509_trust_list_iter_get_ca(tl, &iter, &c)) == 0) {
			gnutls_datum_t dn;
			if (ndn < 16 && gnutls_x509_crt_get_dn2(c, &dn) == 0) {
				dns[ndn++] = strdup((char *)dn.data);
				gnutls_free(dn.data);
			}
			gnutls_x509_crt_deinit(c);
		}
		for (a = 0; a < ndn; a++)
			for (b = a + 1; b < ndn; b++)
				if (strcmp(dns[a], dns[b]) > 0) {
					char *t = dns[a];
					dns[a] = dns[b];
					dns[b] = t;
				}
		for (a = 0; a < ndn; a++) {
			printf("  iter: %s\n", dns[a]);
			free(dns[a]);
		}
	}
	printf("  iter end: %d %s\n", rc, iter ? "iter" : "null");

	leaf = load_crt("leaf.pem");
	in = load_crt("int.pem");
	if (leaf && in) {
		rc = gnutls_x509_crt_get_raw_issuer_dn(in, &d);
		if (rc == 0) {
			rc = gnutls_x509_trust_list_get_issuer_by_dn(tl, &d, &issuer, 0);
			printf("  by_dn: %d\n", rc);
			if (rc == 0)
				print_dn("by_dn", issuer);
			gnutls_free(d.data);
		}
		sz = sizeof buf;
		rc = gnutls_x509_crt_get_authority_key_id(leaf, buf, &sz, &crit);
		if (rc == 0) {
			d.data = buf;
			d.size = (unsigned)sz;
			rc = gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, NULL, &d, &issuer, 0);
			printf("  by_ski: %d\n", rc);
			if (rc == 0)
				print_dn("by_ski", issuer);
			rc = gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, NULL, &d, &issuer, GNUTLS_TL_GET_COPY);
			if (rc == 0) {
				print_dn("by_ski copy", issuer);
				gnutls_x509_crt_deinit(issuer);
			}
			d.size = 3;
			printf("  by_ski short: %d\n", gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, NULL, &d, &issuer, 0));
		}
		rc = gnutls_x509_trust_list_get_issuer(tl, leaf, &issuer, GNUTLS_TL_GET_COPY);
		printf("  get_issuer copy: %d\n", rc);
		if (rc == 0) {
			print_dn("issuer", issuer);
			gnutls_x509_crt_deinit(issuer);
		}
		st = 0;
		rc = gnutls_x509_trust_list_verify_crt(tl, &leaf, 1, 0, &st, NULL);
		print_status("leaf", rc, st);
		rc = gnutls_x509_trust_list_remove_cas(tl, &in, 1);
		printf("  remove int: %d\n", rc);
		rc = gnutls_x509_trust_list_verify_crt(tl, &leaf, 1, 0, &st, NULL);
		print_status("leaf after remove", rc, st);
		rc = gnutls_x509_trust_list_add_cas(tl, &in, 1, 0);
		printf("  re-add int: %d\n", rc);
		rc = gnutls_x509_trust_list_verify_crt(tl, &leaf, 1, 0, &st, NULL);
		print_status("leaf after re-add", rc, st);
		in = NULL; /* owned by the list now */
		rc = gnutls_x509_trust_list_add_named_crt(tl, leaf, "www.example.com", 15, 0);
		printf("  add_named: %d\n", rc);
		st = 0;
		rc = gnutls_x509_trust_list_verify_named_crt(tl, leaf, "www.example.com", 15, 0, &st, NULL);
		print_status("named ok", rc, st);
		rc = gnutls_x509_trust_list_verify_named_crt(tl, leaf, "www.example.co", 14, 0, &st, NULL);
		print_status("named wrong", rc, st);
		leaf = NULL;
	}
	gnutls_x509_trust_list_deinit(tl, 1);
	if (leaf)
		gnutls_x509_crt_deinit(leaf);
	if (in)
		gnutls_x509_crt_deinit(in);

	gnutls_x509_trust_list_init(&tl, 0);
	rc = gnutls_x509_trust_list_add_system_trust(tl, 0, 0);
	printf("  system trust: %s\n", rc > 0 ? "some" : rc == 0 ? "none" : "error");
	printf("  system again no-dup: %d\n", gnutls_x509_trust_list_add_system_trust(tl, GNUTLS_TL_NO_DUPLICATES, 0));
	gnutls_x509_trust_list_deinit(tl, 1);

	/* Argument errors. */
	gnutls_x509_trust_list_init(&tl, 0);
	c = load_crt("leaf.pem");
	printf("  verify 0 certs: %d\n", gnutls_x509_trust_list_verify_crt(tl, &c, 0, 0, &st, NULL));
	printf("  list_verify 0 certs: %d\n", gnutls_x509_crt_list_verify(&c, 0, NULL, 0, NULL, 0, 0, &st));
	st = 0xdead;
	printf("  crt_verify no CAs: %d 0x%x\n", gnutls_x509_crt_verify(c, NULL, 0, 0, &st), st);
	printf("  get_issuer empty: %d\n", gnutls_x509_trust_list_get_issuer(tl, c, &issuer, 0));
	gnutls_x509_crt_deinit(c);
	gnutls_x509_trust_list_deinit(tl, 1);
}

static void hexline(const char *label, const unsigned char *p, unsigned n)
{
	unsigned i;
	printf("  %s[%u]=", label, n);
	for (i = 0; i < n; i++)
		printf("%02x", p[i]);
	printf("\n");
}

/* Name constraints objects. */
static void do_nc_api(void)
{
	static const char *const files[] = {"nc-good.pem", "nc-bad.pem", "nc-out.pem", "nc-ip.pem",
					    "nc-cn.pem", "leaf.pem", "h-dn-email.pem", "h-no-names.pem"};
	static const unsigned types[] = {GNUTLS_SAN_DNSNAME, GNUTLS_SAN_RFC822NAME, GNUTLS_SAN_IPADDRESS,
					 GNUTLS_SAN_DN, GNUTLS_SAN_URI};
	static const char *const names[] = {"example.com", "a.example.com", "bad.example.com",
					    "x.bad.example.com", "notexample.com", "EXAMPLE.COM", "",
					    "www.example.org"};
	static const char *const mails[] = {"a@example.com", "a@sub.example.com", "a@other.com",
					    "example.com"};
	gnutls_x509_name_constraints_t nc;
	gnutls_x509_crt_t ca = load_crt("ncint.pem"), leaf = load_crt("leaf.pem");
	gnutls_datum_t d;
	unsigned i, j, type, crit = 7;
	int rc;
	unsigned char ip1[4] = {192, 0, 2, 9}, ip2[4] = {198, 51, 100, 1}, ip6[16] = {0x20, 1, 0xd, 0xb8};
	unsigned char net[8] = {10, 0, 0, 0, 255, 0, 0, 0};
	gnutls_datum_t dn = {(unsigned char *)"example.net", 11};

	printf("name constraints\n");
	if (!ca || !leaf)
		return;
	gnutls_x509_name_constraints_init(&nc);
	rc = gnutls_x509_crt_get_name_constraints(leaf, nc, 0, &crit);
	printf("  leaf: %d\n", rc);
	rc = gnutls_x509_crt_get_name_constraints(ca, nc, 0, &crit);
	printf("  ca: %d critical=%u\n", rc, crit);
	for (i = 0; gnutls_x509_name_constraints_get_permitted(nc, i, &type, &d) == 0; i++) {
		printf("  permitted type=%u", type);
		hexline("", d.data, d.size);
	}
	printf("  end permitted: %d\n", gnutls_x509_name_constraints_get_permitted(nc, i, &type, &d));
	for (i = 0; gnutls_x509_name_constraints_get_excluded(nc, i, &type, &d) == 0; i++) {
		printf("  excluded type=%u", type);
		hexline("", d.data, d.size);
	}
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		d.data = (unsigned char *)names[i];
		d.size = (unsigned)strlen(names[i]);
		printf("  check dns %s: %u\n", names[i], gnutls_x509_name_constraints_check(nc, GNUTLS_SAN_DNSNAME, &d));
	}
	for (i = 0; i < sizeof mails / sizeof mails[0]; i++) {
		d.data = (unsigned char *)mails[i];
		d.size = (unsigned)strlen(mails[i]);
		printf("  check email %s: %u\n", mails[i], gnutls_x509_name_constraints_check(nc, GNUTLS_SAN_RFC822NAME, &d));
	}
	d.data = ip1; d.size = 4;
	printf("  check ip1: %u\n", gnutls_x509_name_constraints_check(nc, GNUTLS_SAN_IPADDRESS, &d));
	d.data = ip2; d.size = 4;
	printf("  check ip2: %u\n", gnutls_x509_name_constraints_check(nc, GNUTLS_SAN_IPADDRESS, &d));
	d.data = ip6; d.size = 16;
	printf("  check ip6: %u\n", gnutls_x509_name_constraints_check(nc, GNUTLS_SAN_IPADDRESS, &d));
	d.data = (unsigned char *)"http://example.com/"; d.size = 19;
	printf("  check uri: %u\n", gnutls_x509_name_constraints_check(nc, GNUTLS_SAN_URI, &d));
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		gnutls_x509_crt_t c = load_crt(files[i]);
		if (!c)
			continue;
		printf("  check_crt %s:", files[i]);
		for (j = 0; j < sizeof types / sizeof types[0]; j++)
			printf(" %u", gnutls_x509_name_constraints_check_crt(nc, types[j], c));
		printf("\n");
		gnutls_x509_crt_deinit(c);
	}
	gnutls_x509_name_constraints_deinit(nc);

	/* Built by hand. */
	gnutls_x509_name_constraints_init(&nc);
	printf("  add dns: %d\n", gnutls_x509_name_constraints_add_permitted(nc, GNUTLS_SAN_DNSNAME, &dn));
	d.data = net; d.size = 8;
	printf("  add ip: %d\n", gnutls_x509_name_constraints_add_excluded(nc, GNUTLS_SAN_IPADDRESS, &d));
	d.size = 4;
	printf("  add bad ip: %d\n", gnutls_x509_name_constraints_add_excluded(nc, GNUTLS_SAN_IPADDRESS, &d));
	d.data = (unsigned char *)"a@b.c"; d.size = 5;
	printf("  add email: %d\n", gnutls_x509_name_constraints_add_excluded(nc, GNUTLS_SAN_RFC822NAME, &d));
	for (i = 0; gnutls_x509_name_constraints_get_excluded(nc, i, &type, &d) == 0; i++) {
		printf("  excluded type=%u", type);
		hexline("", d.data, d.size);
	}
	d.data = (unsigned char *)"www.example.net"; d.size = 15;
	printf("  check www.example.net: %u\n", gnutls_x509_name_constraints_check(nc, GNUTLS_SAN_DNSNAME, &d));
	d.data = (unsigned char *)"www.example.com"; d.size = 15;
	printf("  check www.example.com: %u\n", gnutls_x509_name_constraints_check(nc, GNUTLS_SAN_DNSNAME, &d));
	d.data = (unsigned char *)"a@b.c"; d.size = 5;
	printf("  check a@b.c: %u\n", gnutls_x509_name_constraints_check(nc, GNUTLS_SAN_RFC822NAME, &d));
	ip1[0] = 10;
	d.data = ip1; d.size = 4;
	printf("  check 10.0.2.9: %u\n", gnutls_x509_name_constraints_check(nc, GNUTLS_SAN_IPADDRESS, &d));
	gnutls_x509_name_constraints_deinit(nc);
	gnutls_x509_crt_deinit(ca);
	gnutls_x509_crt_deinit(leaf);
}

int main(int argc, char **argv)
{
	char lib[4096], path[4096], line[4096];
	FILE *f;

	if (tlshim_loaded_gnutls(lib, sizeof lib) != 0)
		return 1;
	printf("LOADED %s\n", lib);
	if (argc != 2)
		return 2;
	dir = argv[1];
	gnutls_global_set_time_function(fixed_time);
	snprintf(path, sizeof path, "%s/cases.txt", dir);
	f = fopen(path, "r");
	if (!f)
		return 3;
	while (fgets(line, sizeof line, f)) {
		char *v[8];
		int n = 0;
		char *save = NULL, *tok;
		line[strcspn(line, "\n")] = 0;
		for (tok = strtok_r(line, " ", &save); tok && n < 8; tok = strtok_r(NULL, " ", &save))
			v[n++] = tok;
		if (n == 7 && strcmp(v[0], "chain") == 0)
			do_chain(v[1], v[2], v[3], v[4], v[5], v[6]);
		else if (n == 3 && strcmp(v[0], "host") == 0)
			do_host(v[1], v[2]);
	}
	fclose(f);
	do_trust_api();
	do_nc_api();
	return 0;
}
