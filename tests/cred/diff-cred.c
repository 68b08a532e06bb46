/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test of certificate credentials: every setter's return code
 * and count, and what the getters hand back (raw certificates, subject
 * names, key algorithms, issuers, trust counts), over the files that
 * gen-cred.sh wrote into the directory given as argument.  The output is
 * compared line by line between the real GnuTLS and tlshim.
 */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/loaded-lib.h"

static const char *dir;

static const char *path(const char *name)
{
	static char buf[4][4096];
	static int n;
	n = (n + 1) % 4;
	snprintf(buf[n], sizeof buf[n], "%s/%s", dir, name);
	return buf[n];
}

/* Reads a file into a gnutls_malloc'd datum (gnutls_load_file is not what is under test). */
static gnutls_datum_t load(const char *name)
{
	gnutls_datum_t d = { NULL, 0 };
	FILE *f = fopen(path(name), "rb");
	long n;
	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "cannot load %s\n", name);
		exit(1);
	}
	d.data = gnutls_malloc((size_t)n + 1);
	if (d.data == NULL || fread(d.data, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "cannot read %s\n", name);
		exit(1);
	}
	d.size = (unsigned)n;
	fclose(f);
	return d;
}

static void rc(const char *what, int r)
{
	printf("%s: %d%s%s\n", what, r, r < 0 ? " " : "", r < 0 ? gnutls_strerror_name(r) : "");
}

static void hexline(const char *what, const gnutls_datum_t *d)
{
	/* a short prefix, the length and a checksum keep the output readable */
	unsigned sum = 0;
	printf("%s: len=%u head=", what, d->size);
	for (unsigned i = 0; i < d->size && i < 16; i++)
		printf("%02x", d->data[i]);
	for (unsigned i = 0; i < d->size; i++)
		sum = sum * 31 + d->data[i];
	printf(" sum=%08x\n", sum);
}

static void print_subject(const char *what, gnutls_x509_crt_t crt)
{
	gnutls_datum_t dn;
	int r = gnutls_x509_crt_get_dn2(crt, &dn);
	if (r < 0) {
		rc(what, r);
		return;
	}
	printf("%s: %s\n", what, dn.data);
	gnutls_free(dn.data);
}

/* All chains of a credential through get_crt_raw and get_x509_crt. */
static void dump_keys(const char *tag, gnutls_certificate_credentials_t c)
{
	char what[256];
	for (unsigned i = 0; i < 8; i++) {
		gnutls_datum_t d = { NULL, 0 };
		int r = gnutls_certificate_get_crt_raw(c, i, 0, &d);
		snprintf(what, sizeof what, "%s get_crt_raw(%u,0)", tag, i);
		if (r < 0) {
			rc(what, r);
			break;
		}
		hexline(what, &d);
		for (unsigned j = 1; j < 5; j++) {
			r = gnutls_certificate_get_crt_raw(c, i, j, &d);
			snprintf(what, sizeof what, "%s get_crt_raw(%u,%u)", tag, i, j);
			if (r < 0) {
				rc(what, r);
				break;
			}
			hexline(what, &d);
		}
		gnutls_x509_crt_t *list = NULL;
		unsigned n = 0;
		r = gnutls_certificate_get_x509_crt(c, i, &list, &n);
		snprintf(what, sizeof what, "%s get_x509_crt(%u)", tag, i);
		rc(what, r);
		if (r >= 0) {
			printf("%s count=%u\n", what, n);
			for (unsigned j = 0; j < n; j++) {
				snprintf(what, sizeof what, "%s crt[%u][%u]", tag, i, j);
				print_subject(what, list[j]);
				gnutls_x509_crt_deinit(list[j]);
			}
			gnutls_free(list);
		}
		gnutls_x509_privkey_t key = NULL;
		r = gnutls_certificate_get_x509_key(c, i, &key);
		snprintf(what, sizeof what, "%s get_x509_key(%u)", tag, i);
		rc(what, r);
		if (r >= 0) {
			printf("%s pk=%d bits=%u\n", what, gnutls_x509_privkey_get_pk_algorithm2(key, NULL),
			       0u);
			gnutls_x509_privkey_deinit(key);
		}
	}
	{
		gnutls_x509_crt_t *list = NULL;
		unsigned n = 0;
		gnutls_x509_privkey_t key = NULL;
		gnutls_datum_t d;
		rc("get_crt_raw(99,0)", gnutls_certificate_get_crt_raw(c, 99, 0, &d));
		rc("get_x509_crt(99)", gnutls_certificate_get_x509_crt(c, 99, &list, &n));
		rc("get_x509_key(99)", gnutls_certificate_get_x509_key(c, 99, &key));
	}
}

static gnutls_x509_crt_t crt_file(const char *name)
{
	gnutls_datum_t d = load(name);
	gnutls_x509_crt_t crt;
	gnutls_x509_crt_init(&crt);
	int r = gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_PEM);
	gnutls_free(d.data);
	if (r < 0) {
		fprintf(stderr, "import %s: %d\n", name, r);
		exit(1);
	}
	return crt;
}

static void test_trust(void)
{
	gnutls_certificate_credentials_t c;
	gnutls_datum_t d;

	printf("== trust\n");
	rc("allocate", gnutls_certificate_allocate_credentials(&c));
	printf("verify_flags default: %u\n", gnutls_certificate_get_verify_flags(c));
	gnutls_certificate_set_verify_flags(c, GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1 | GNUTLS_VERIFY_DISABLE_CRL_CHECKS);
	printf("verify_flags set: %u\n", gnutls_certificate_get_verify_flags(c));
	gnutls_certificate_set_verify_limits(c, 8192, 5);
	rc("trust_file bundle PEM", gnutls_certificate_set_x509_trust_file(c, path("bundle.pem"), GNUTLS_X509_FMT_PEM));
	rc("trust_file bundle3 PEM", gnutls_certificate_set_x509_trust_file(c, path("bundle3.pem"), GNUTLS_X509_FMT_PEM));
	rc("trust_file ca DER", gnutls_certificate_set_x509_trust_file(c, path("ca.der"), GNUTLS_X509_FMT_DER));
	rc("trust_file DER as PEM", gnutls_certificate_set_x509_trust_file(c, path("ca.der"), GNUTLS_X509_FMT_PEM));
	rc("trust_file missing", gnutls_certificate_set_x509_trust_file(c, path("nonexistent.pem"), GNUTLS_X509_FMT_PEM));
	rc("trust_file key file", gnutls_certificate_set_x509_trust_file(c, path("ca.key"), GNUTLS_X509_FMT_PEM));
	d = load("bundle.pem");
	rc("trust_mem bundle", gnutls_certificate_set_x509_trust_mem(c, &d, GNUTLS_X509_FMT_PEM));
	gnutls_free(d.data);
	d = load("ca.der");
	rc("trust_mem DER", gnutls_certificate_set_x509_trust_mem(c, &d, GNUTLS_X509_FMT_DER));
	gnutls_free(d.data);
	d = load("ca.key");
	rc("trust_mem garbage", gnutls_certificate_set_x509_trust_mem(c, &d, GNUTLS_X509_FMT_PEM));
	gnutls_free(d.data);
	rc("trust_dir", gnutls_certificate_set_x509_trust_dir(c, path("cadir"), GNUTLS_X509_FMT_PEM));
	rc("trust_dir missing", gnutls_certificate_set_x509_trust_dir(c, path("nonexistent"), GNUTLS_X509_FMT_PEM));
	{
		gnutls_x509_crt_t l[2] = { crt_file("ca.pem"), crt_file("int.pem") };
		rc("trust list of 2", gnutls_certificate_set_x509_trust(c, l, 2));
		rc("trust list of 0", gnutls_certificate_set_x509_trust(c, l, 0));
		gnutls_x509_crt_deinit(l[0]);
		gnutls_x509_crt_deinit(l[1]);
	}
	/* issuers come from the trusted CAs */
	{
		gnutls_x509_crt_t leaf = crt_file("srv-rsa.pem"), in = crt_file("int.pem"), ec = crt_file("srv-ed.pem");
		gnutls_x509_crt_t issuer = NULL;
		int r = gnutls_certificate_get_issuer(c, leaf, &issuer, 0);
		rc("get_issuer srv-rsa", r);
		if (r >= 0)
			print_subject("  issuer", issuer);
		issuer = NULL;
		r = gnutls_certificate_get_issuer(c, in, &issuer, GNUTLS_TL_GET_COPY);
		rc("get_issuer int (copy)", r);
		if (r >= 0) {
			print_subject("  issuer", issuer);
			gnutls_x509_crt_deinit(issuer);
		}
		r = gnutls_certificate_get_issuer(c, ec, &issuer, 0);
		rc("get_issuer srv-ed", r);
		gnutls_x509_crt_deinit(leaf);
		gnutls_x509_crt_deinit(in);
		gnutls_x509_crt_deinit(ec);
	}
	/* CRLs */
	rc("crl_file PEM", gnutls_certificate_set_x509_crl_file(c, path("ca.crl"), GNUTLS_X509_FMT_PEM));
	rc("crl_file two PEM", gnutls_certificate_set_x509_crl_file(c, path("both.crl"), GNUTLS_X509_FMT_PEM));
	rc("crl_file DER", gnutls_certificate_set_x509_crl_file(c, path("ca-crl.der"), GNUTLS_X509_FMT_DER));
	rc("crl_file missing", gnutls_certificate_set_x509_crl_file(c, path("nonexistent.crl"), GNUTLS_X509_FMT_PEM));
	rc("crl_file not a CRL", gnutls_certificate_set_x509_crl_file(c, path("ca.pem"), GNUTLS_X509_FMT_PEM));
	d = load("both.crl");
	rc("crl_mem two", gnutls_certificate_set_x509_crl_mem(c, &d, GNUTLS_X509_FMT_PEM));
	gnutls_free(d.data);
	{
		gnutls_x509_crl_t crls[2];
		gnutls_datum_t a = load("ca.crl"), b = load("int.crl");
		gnutls_x509_crl_init(&crls[0]);
		gnutls_x509_crl_init(&crls[1]);
		rc("  crl import a", gnutls_x509_crl_import(crls[0], &a, GNUTLS_X509_FMT_PEM));
		rc("  crl import b", gnutls_x509_crl_import(crls[1], &b, GNUTLS_X509_FMT_PEM));
		rc("set_x509_crl 2", gnutls_certificate_set_x509_crl(c, crls, 2));
		gnutls_x509_crl_deinit(crls[0]);
		gnutls_x509_crl_deinit(crls[1]);
		gnutls_free(a.data);
		gnutls_free(b.data);
	}
	rc("set_x509_crl none", gnutls_certificate_set_x509_crl(c, NULL, 0));
	{
		gnutls_datum_t g = { (unsigned char *)"garbage", 7 };
		rc("crl_mem garbage PEM", gnutls_certificate_set_x509_crl_mem(c, &g, GNUTLS_X509_FMT_PEM));
		rc("crl_mem garbage DER", gnutls_certificate_set_x509_crl_mem(c, &g, GNUTLS_X509_FMT_DER));
		rc("trust_mem garbage DER", gnutls_certificate_set_x509_trust_mem(c, &g, GNUTLS_X509_FMT_DER));
	}
	rc("crl_file DER as PEM", gnutls_certificate_set_x509_crl_file(c, path("ca-crl.der"), GNUTLS_X509_FMT_PEM));
	rc("crl_file PEM as DER", gnutls_certificate_set_x509_crl_file(c, path("ca.crl"), GNUTLS_X509_FMT_DER));
	rc("trust_file directory", gnutls_certificate_set_x509_trust_file(c, dir, GNUTLS_X509_FMT_DER));
	rc("trust_dir of DER", gnutls_certificate_set_x509_trust_dir(c, path("cadir"), GNUTLS_X509_FMT_DER));
	gnutls_certificate_free_crls(c);
	gnutls_certificate_free_ca_names(c);
	{
		gnutls_x509_trust_list_t tl = NULL;
		gnutls_certificate_get_trust_list(c, &tl);
		printf("get_trust_list: %s\n", tl ? "set" : "null");
	}
	gnutls_certificate_free_cas(c);
	{
		gnutls_x509_crt_t leaf = crt_file("srv-rsa.pem"), issuer = NULL;
		rc("get_issuer after free_cas", gnutls_certificate_get_issuer(c, leaf, &issuer, 0));
		gnutls_x509_crt_deinit(leaf);
	}
	gnutls_certificate_free_credentials(c);

	/* a trust list of our own */
	{
		gnutls_x509_trust_list_t tl;
		gnutls_x509_trust_list_init(&tl, 0);
		rc("tl add_trust_file", gnutls_x509_trust_list_add_trust_file(tl, path("bundle3.pem"), NULL, GNUTLS_X509_FMT_PEM, 0, 0));
		rc("allocate", gnutls_certificate_allocate_credentials(&c));
		gnutls_certificate_set_trust_list(c, tl, 0);
		gnutls_x509_trust_list_t back = NULL;
		gnutls_certificate_get_trust_list(c, &back);
		printf("get_trust_list same: %d\n", back == tl);
		gnutls_x509_crt_t leaf = crt_file("srv-rsa.pem"), issuer = NULL;
		int r = gnutls_certificate_get_issuer(c, leaf, &issuer, 0);
		rc("get_issuer via set_trust_list", r);
		if (r >= 0)
			print_subject("  issuer", issuer);
		gnutls_x509_crt_deinit(leaf);
		rc("trust_file into it", gnutls_certificate_set_x509_trust_file(c, path("bundle.pem"), GNUTLS_X509_FMT_PEM));
		gnutls_certificate_free_credentials(c); /* frees tl too */
	}

	/* CRLs checked against the trusted CAs */
	rc("allocate", gnutls_certificate_allocate_credentials(&c));
	gnutls_certificate_set_flags(c, GNUTLS_CERTIFICATE_VERIFY_CRLS);
	rc("VERIFY_CRLS crl_file no CA", gnutls_certificate_set_x509_crl_file(c, path("ca.crl"), GNUTLS_X509_FMT_PEM));
	rc("VERIFY_CRLS trust_file ca", gnutls_certificate_set_x509_trust_file(c, path("ca.pem"), GNUTLS_X509_FMT_PEM));
	rc("VERIFY_CRLS crl_file both", gnutls_certificate_set_x509_crl_file(c, path("both.crl"), GNUTLS_X509_FMT_PEM));
	rc("VERIFY_CRLS crl_file ca", gnutls_certificate_set_x509_crl_file(c, path("ca.crl"), GNUTLS_X509_FMT_PEM));
	gnutls_certificate_free_credentials(c);

	/* the system trust store */
	rc("allocate", gnutls_certificate_allocate_credentials(&c));
	rc("system_trust", gnutls_certificate_set_x509_system_trust(c));
	rc("system_trust again", gnutls_certificate_set_x509_system_trust(c));
	gnutls_certificate_free_credentials(c);
}

static void test_keys(void)
{
	gnutls_certificate_credentials_t c;
	gnutls_datum_t cd, kd;

	printf("== keys\n");
	rc("allocate", gnutls_certificate_allocate_credentials(&c));
	rc("key_file rsa chain", gnutls_certificate_set_x509_key_file(c, path("srv-rsa-chain.pem"), path("srv-rsa.key"), GNUTLS_X509_FMT_PEM));
	rc("key_file ec", gnutls_certificate_set_x509_key_file(c, path("srv-ec.pem"), path("srv-ec.key"), GNUTLS_X509_FMT_PEM));
	rc("key_file mismatch", gnutls_certificate_set_x509_key_file(c, path("srv-rsa.pem"), path("other.key"), GNUTLS_X509_FMT_PEM));
	rc("key_file mismatch type", gnutls_certificate_set_x509_key_file(c, path("srv-rsa.pem"), path("srv-ec.key"), GNUTLS_X509_FMT_PEM));
	rc("key_file missing cert", gnutls_certificate_set_x509_key_file(c, path("nonexistent.pem"), path("srv-ec.key"), GNUTLS_X509_FMT_PEM));
	rc("key_file missing key", gnutls_certificate_set_x509_key_file(c, path("srv-ec.pem"), path("nonexistent.key"), GNUTLS_X509_FMT_PEM));
	rc("key_file encrypted no pass", gnutls_certificate_set_x509_key_file(c, path("srv-rsa.pem"), path("srv-rsa-enc.key"), GNUTLS_X509_FMT_PEM));
	rc("key_file cert is key", gnutls_certificate_set_x509_key_file(c, path("srv-ec.key"), path("srv-ec.key"), GNUTLS_X509_FMT_PEM));
	rc("key_file key is cert", gnutls_certificate_set_x509_key_file(c, path("srv-ec.pem"), path("srv-ec.pem"), GNUTLS_X509_FMT_PEM));
	rc("key_file2 encrypted", gnutls_certificate_set_x509_key_file2(c, path("srv-rsa.pem"), path("srv-rsa-enc.key"), GNUTLS_X509_FMT_PEM, "secret", 0));
	rc("key_file2 wrong pass", gnutls_certificate_set_x509_key_file2(c, path("srv-rsa.pem"), path("srv-rsa-enc.key"), GNUTLS_X509_FMT_PEM, "wrong", 0));
	rc("key_file2 DER", gnutls_certificate_set_x509_key_file2(c, path("srv-ec.der"), path("srv-ec-key.der"), GNUTLS_X509_FMT_DER, NULL, 0));
	rc("key_file ed25519", gnutls_certificate_set_x509_key_file(c, path("srv-ed.pem"), path("srv-ed.key"), GNUTLS_X509_FMT_PEM));
	dump_keys("A", c);

	gnutls_certificate_set_flags(c, GNUTLS_CERTIFICATE_API_V2);
	rc("V2 key_file ec", gnutls_certificate_set_x509_key_file(c, path("srv-ec.pem"), path("srv-ec.key"), GNUTLS_X509_FMT_PEM));
	rc("V2 key_file2 rsa", gnutls_certificate_set_x509_key_file2(c, path("srv-rsa-chain.pem"), path("srv-rsa.key"), GNUTLS_X509_FMT_PEM, NULL, 0));
	cd = load("srv-ec.pem");
	kd = load("srv-ec.key");
	rc("V2 key_mem ec", gnutls_certificate_set_x509_key_mem(c, &cd, &kd, GNUTLS_X509_FMT_PEM));
	rc("V2 key_mem2 ec", gnutls_certificate_set_x509_key_mem2(c, &cd, &kd, GNUTLS_X509_FMT_PEM, NULL, 0));
	gnutls_free(kd.data);
	kd = load("other-ec.key");
	rc("V2 key_mem2 mismatch", gnutls_certificate_set_x509_key_mem2(c, &cd, &kd, GNUTLS_X509_FMT_PEM, NULL, 0));
	gnutls_certificate_set_flags(c, GNUTLS_CERTIFICATE_API_V2 | GNUTLS_CERTIFICATE_SKIP_KEY_CERT_MATCH);
	rc("V2 key_mem2 mismatch skip-check", gnutls_certificate_set_x509_key_mem2(c, &cd, &kd, GNUTLS_X509_FMT_PEM, NULL, 0));
	gnutls_free(kd.data);
	gnutls_free(cd.data);
	gnutls_certificate_set_flags(c, 0);
	dump_keys("B", c);
	gnutls_certificate_free_keys(c);
	dump_keys("C", c);

	/* memory forms, no flags */
	cd = load("srv-rsa-chain.pem");
	kd = load("srv-rsa-enc.key");
	rc("key_mem2 encrypted", gnutls_certificate_set_x509_key_mem2(c, &cd, &kd, GNUTLS_X509_FMT_PEM, "secret", 0));
	rc("key_mem encrypted no pass", gnutls_certificate_set_x509_key_mem(c, &cd, &kd, GNUTLS_X509_FMT_PEM));
	gnutls_free(kd.data);
	kd.data = (unsigned char *)"garbage";
	kd.size = 7;
	rc("key_mem garbage key", gnutls_certificate_set_x509_key_mem(c, &cd, &kd, GNUTLS_X509_FMT_PEM));
	rc("key_mem garbage cert", gnutls_certificate_set_x509_key_mem(c, &kd, &kd, GNUTLS_X509_FMT_PEM));
	rc("key_mem garbage DER", gnutls_certificate_set_x509_key_mem(c, &kd, &kd, GNUTLS_X509_FMT_DER));
	{
		gnutls_datum_t vk = load("srv-ec.key");
		rc("key_mem garbage cert valid key", gnutls_certificate_set_x509_key_mem(c, &kd, &vk, GNUTLS_X509_FMT_PEM));
		rc("key_mem key as cert", gnutls_certificate_set_x509_key_mem(c, &vk, &vk, GNUTLS_X509_FMT_PEM));
		gnutls_free(vk.data);
	}
	rc("key_file DER key as PEM", gnutls_certificate_set_x509_key_file(c, path("srv-ec.pem"), path("srv-ec-key.der"), GNUTLS_X509_FMT_PEM));
	rc("key_file PEM as DER", gnutls_certificate_set_x509_key_file(c, path("srv-ec.der"), path("srv-ec.key"), GNUTLS_X509_FMT_DER));
	rc("set_key nothing", gnutls_certificate_set_key(c, NULL, 0, NULL, 0, NULL));
	rc("set_x509_key nothing", gnutls_certificate_set_x509_key(c, NULL, 0, NULL));
	gnutls_free(cd.data);
	dump_keys("D", c);

	/* set_x509_key: certificate objects and an x509 private key */
	{
		gnutls_x509_crt_t l[2] = { crt_file("srv-rsa.pem"), crt_file("int.pem") };
		gnutls_x509_privkey_t k, other;
		gnutls_datum_t kk = load("srv-rsa.key"), ok = load("other.key");
		gnutls_x509_privkey_init(&k);
		gnutls_x509_privkey_init(&other);
		rc("  privkey import", gnutls_x509_privkey_import(k, &kk, GNUTLS_X509_FMT_PEM));
		rc("  privkey import other", gnutls_x509_privkey_import(other, &ok, GNUTLS_X509_FMT_PEM));
		rc("set_x509_key 2", gnutls_certificate_set_x509_key(c, l, 2, k));
		rc("set_x509_key mismatch", gnutls_certificate_set_x509_key(c, l, 2, other));
		rc("set_x509_key 1", gnutls_certificate_set_x509_key(c, l, 1, k));
		gnutls_certificate_set_flags(c, GNUTLS_CERTIFICATE_API_V2);
		rc("V2 set_x509_key 1", gnutls_certificate_set_x509_key(c, l, 1, k));
		gnutls_certificate_set_flags(c, 0);
		gnutls_x509_privkey_deinit(k); /* the credential keeps its own copy */
		gnutls_x509_privkey_deinit(other);
		gnutls_x509_crt_deinit(l[0]);
		gnutls_x509_crt_deinit(l[1]);
		gnutls_free(kk.data);
		gnutls_free(ok.data);
	}
	dump_keys("E", c);
	gnutls_certificate_free_credentials(c);

	/* set_key: pcerts and an abstract private key, ownership passes on success */
	rc("allocate", gnutls_certificate_allocate_credentials(&c));
	gnutls_certificate_set_flags(c, GNUTLS_CERTIFICATE_API_V2);
	{
		gnutls_pcert_st *pc = gnutls_malloc(4 * sizeof *pc);
		unsigned n = 4;
		gnutls_privkey_t pk;
		gnutls_datum_t cc = load("srv-rsa-chain.pem"), kk = load("srv-rsa.key");
		const char *names[] = { "alias.example.com", "rsa.example.com" };
		rc("  pcert_list_import", gnutls_pcert_list_import_x509_raw(pc, &n, &cc, GNUTLS_X509_FMT_PEM, 0));
		printf("  pcert count %u\n", n);
		gnutls_privkey_init(&pk);
		rc("  privkey_import_x509_raw", gnutls_privkey_import_x509_raw(pk, &kk, GNUTLS_X509_FMT_PEM, NULL, 0));
		rc("V2 set_key with names", gnutls_certificate_set_key(c, names, 2, pc, (int)n, pk));
		gnutls_free(pc); /* the structures now belong to the credential */
		gnutls_free(cc.data);
		gnutls_free(kk.data);
	}
	{
		gnutls_pcert_st *pc = gnutls_malloc(sizeof *pc);
		unsigned n = 1;
		gnutls_privkey_t pk;
		gnutls_datum_t cc = load("srv-ec.pem"), kk = load("other-ec.key");
		rc("  pcert_list_import", gnutls_pcert_list_import_x509_raw(pc, &n, &cc, GNUTLS_X509_FMT_PEM, 0));
		gnutls_privkey_init(&pk);
		rc("  privkey_import_x509_raw", gnutls_privkey_import_x509_raw(pk, &kk, GNUTLS_X509_FMT_PEM, NULL, 0));
		int r = gnutls_certificate_set_key(c, NULL, 0, pc, (int)n, pk);
		rc("V2 set_key mismatch", r);
		if (r < 0) {
			gnutls_pcert_deinit(&pc[0]);
			gnutls_privkey_deinit(pk);
		}
		gnutls_free(pc);
		gnutls_free(cc.data);
		gnutls_free(kk.data);
	}
	{
		gnutls_pcert_st *pc = gnutls_malloc(sizeof *pc);
		unsigned n = 1;
		gnutls_privkey_t pk;
		gnutls_datum_t cc = load("srv-ec.pem"), kk = load("srv-ec.key");
		rc("  pcert_list_import", gnutls_pcert_list_import_x509_raw(pc, &n, &cc, GNUTLS_X509_FMT_PEM, 0));
		gnutls_privkey_init(&pk);
		rc("  privkey_import_x509_raw", gnutls_privkey_import_x509_raw(pk, &kk, GNUTLS_X509_FMT_PEM, NULL, 0));
		rc("V2 set_key ec", gnutls_certificate_set_key(c, NULL, 0, pc, (int)n, pk));
		gnutls_free(pc);
		gnutls_free(cc.data);
		gnutls_free(kk.data);
	}
	dump_keys("F", c);

	/* OCSP responses per certificate chain */
	rc("ocsp_file idx0", gnutls_certificate_set_ocsp_status_request_file(c, path("ocsp-rsa.der"), 0));
	rc("ocsp_file idx1 wrong cert", gnutls_certificate_set_ocsp_status_request_file(c, path("ocsp-rsa.der"), 1));
	rc("ocsp_file idx7", gnutls_certificate_set_ocsp_status_request_file(c, path("ocsp-rsa.der"), 7));
	rc("ocsp_file missing", gnutls_certificate_set_ocsp_status_request_file(c, path("nonexistent.der"), 0));
	rc("ocsp_file not ocsp", gnutls_certificate_set_ocsp_status_request_file(c, path("ca.der"), 0));
	rc("ocsp_file2 idx1", gnutls_certificate_set_ocsp_status_request_file2(c, path("ocsp-ec.der"), 1, GNUTLS_X509_FMT_DER));
	{
		gnutls_datum_t r = load("ocsp-ec.der");
		rc("ocsp_mem idx1", gnutls_certificate_set_ocsp_status_request_mem(c, &r, 1, GNUTLS_X509_FMT_DER));
		gnutls_free(r.data);
	}
	for (unsigned i = 0; i < 3; i++)
		for (int o = -1; o < 3; o++) {
			char what[64];
			snprintf(what, sizeof what, "ocsp_expiration(%u,%d) ", i, o);
			printf("%s: %lld\n", what, (long long)gnutls_certificate_get_ocsp_expiration(c, i, o, 0));
		}
	rc("ocsp_file2 two PEM", gnutls_certificate_set_ocsp_status_request_file2(c, path("ocsp-two.pem"), 0, GNUTLS_X509_FMT_PEM));
	rc("ocsp_file2 two PEM reversed", gnutls_certificate_set_ocsp_status_request_file2(c, path("ocsp-two-rev.pem"), 0, GNUTLS_X509_FMT_PEM));
	rc("ocsp_file2 DER as PEM", gnutls_certificate_set_ocsp_status_request_file2(c, path("ocsp-rsa.der"), 0, GNUTLS_X509_FMT_PEM));
	rc("ocsp_file int response idx0", gnutls_certificate_set_ocsp_status_request_file(c, path("ocsp-int.der"), 0));
	rc("ocsp_file2 two PEM idx1", gnutls_certificate_set_ocsp_status_request_file2(c, path("ocsp-two.pem"), 1, GNUTLS_X509_FMT_PEM));
	for (int o = -1; o < 3; o++)
		printf("ocsp_expiration(0,%d) after PEM: %lld\n", o, (long long)gnutls_certificate_get_ocsp_expiration(c, 0, o, 0));
	printf("ocsp_expiration(5,0): %lld\n", (long long)gnutls_certificate_get_ocsp_expiration(c, 5, 0, 0));
	rc("ocsp_function2 idx0", gnutls_certificate_set_ocsp_status_request_function2(c, 0, NULL, NULL));
	rc("ocsp_function2 idx1", gnutls_certificate_set_ocsp_status_request_function2(c, 1, NULL, NULL));
	rc("ocsp_function2 idx2", gnutls_certificate_set_ocsp_status_request_function2(c, 2, NULL, NULL));
	gnutls_certificate_set_flags(c, GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK);
	rc("ocsp_file idx1 wrong cert skip-check", gnutls_certificate_set_ocsp_status_request_file(c, path("ocsp-rsa.der"), 1));
	gnutls_certificate_free_credentials(c);

	/* raw public keys */
	rc("allocate", gnutls_certificate_allocate_credentials(&c));
	{
		const char *names[] = { "raw.example.com" };
		rc("rawpk_key_file", gnutls_certificate_set_rawpk_key_file(c, path("srv-ec.pub"), path("srv-ec.key"), GNUTLS_X509_FMT_PEM, NULL, 0, names, 1, 0, 0));
		rc("rawpk_key_file mismatch", gnutls_certificate_set_rawpk_key_file(c, path("srv-ec.pub"), path("other-ec.key"), GNUTLS_X509_FMT_PEM, NULL, 0, NULL, 0, 0, 0));
		rc("rawpk_key_file missing", gnutls_certificate_set_rawpk_key_file(c, path("nonexistent.pub"), path("srv-ec.key"), GNUTLS_X509_FMT_PEM, NULL, 0, NULL, 0, 0, 0));
		rc("rawpk_key_file no spki", gnutls_certificate_set_rawpk_key_file(c, NULL, path("srv-ec.key"), GNUTLS_X509_FMT_PEM, NULL, 0, NULL, 0, 0, 0));
		rc("rawpk_key_file no key", gnutls_certificate_set_rawpk_key_file(c, path("srv-ec.pub"), NULL, GNUTLS_X509_FMT_PEM, NULL, 0, NULL, 0, 0, 0));
		rc("rawpk_key_file certificate", gnutls_certificate_set_rawpk_key_file(c, path("srv-ec.pem"), path("srv-ec.key"), GNUTLS_X509_FMT_PEM, NULL, 0, NULL, 0, 0, 0));
		gnutls_datum_t s = load("srv-ec-pub.der"), k = load("srv-ec-key.der");
		rc("rawpk_key_mem DER", gnutls_certificate_set_rawpk_key_mem(c, &s, &k, GNUTLS_X509_FMT_DER, NULL, 0, NULL, 0, 0));
		gnutls_free(s.data);
		gnutls_free(k.data);
		gnutls_datum_t d;
		gnutls_certificate_set_flags(c, GNUTLS_CERTIFICATE_API_V2);
		rc("V2 rawpk_key_file", gnutls_certificate_set_rawpk_key_file(c, path("srv-ec.pub"), path("srv-ec.key"), GNUTLS_X509_FMT_PEM, NULL, 0, NULL, 0, 0, 0));
		for (unsigned i = 0; i < 5; i++) {
			char what[64];
			snprintf(what, sizeof what, "rawpk get_crt_raw(%u,0)", i);
			int r = gnutls_certificate_get_crt_raw(c, i, 0, &d);
			rc(what, r);
			if (r >= 0)
				hexline(what, &d);
		}
		rc("rawpk ocsp_file", gnutls_certificate_set_ocsp_status_request_file(c, path("ocsp-ec.der"), 0));
		gnutls_x509_crt_t *list = NULL;
		unsigned n = 0;
		rc("rawpk get_x509_crt(0)", gnutls_certificate_get_x509_crt(c, 0, &list, &n));
	}
	gnutls_certificate_free_credentials(c);

	/* miscellaneous setters */
	rc("allocate", gnutls_certificate_allocate_credentials(&c));
	rc("known_dh_params medium", gnutls_certificate_set_known_dh_params(c, GNUTLS_SEC_PARAM_MEDIUM));
	rc("known_dh_params high", gnutls_certificate_set_known_dh_params(c, GNUTLS_SEC_PARAM_HIGH));
	rc("known_dh_params ultra", gnutls_certificate_set_known_dh_params(c, GNUTLS_SEC_PARAM_ULTRA));
	rc("known_dh_params legacy", gnutls_certificate_set_known_dh_params(c, GNUTLS_SEC_PARAM_LEGACY));
	rc("ocsp_file no keys", gnutls_certificate_set_ocsp_status_request_file(c, path("ocsp-rsa.der"), 0));
	printf("ocsp_expiration no keys: %lld\n", (long long)gnutls_certificate_get_ocsp_expiration(c, 0, 0, 0));
	gnutls_certificate_set_pin_function(c, NULL, NULL);
	gnutls_certificate_set_retrieve_function(c, NULL);
	gnutls_certificate_set_retrieve_function2(c, NULL);
	gnutls_certificate_set_retrieve_function3(c, NULL);
	gnutls_certificate_set_verify_function(c, NULL);
	gnutls_certificate_set_params_function(c, NULL);
	gnutls_certificate_set_ocsp_status_request_function(c, NULL, NULL);
	rc("ocsp_function2 no keys", gnutls_certificate_set_ocsp_status_request_function2(c, 0, NULL, NULL));
	printf("verify_flags default: %u\n", gnutls_certificate_get_verify_flags(c));
	gnutls_certificate_free_credentials(c);
	gnutls_certificate_free_credentials(NULL);
}

int main(int argc, char **argv)
{
	char lib[4096];
	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	dir = argv[1];
	if (tlshim_loaded_gnutls(lib, sizeof lib) != 0) {
		fprintf(stderr, "libgnutls.so.30 not mapped\n");
		return 1;
	}
	printf("LOADED %s\n", lib);
	if (gnutls_global_init() < 0)
		return 1;
	test_trust();
	test_keys();
	gnutls_global_deinit();
	return 0;
}
