/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test of GOST R 34.10 keys and signatures.  Without
 * arguments it prints, for fixed keys (the one embedded in gnutls-cli and
 * keys made by the real certtool on each supported curve, plus PKCS#8
 * variants of the private value), everything deterministic the key APIs
 * give: import codes, types, sizes, raw values, key ids, every export, the
 * public key's SPKI and raw form, raw imports, generation results, GOST
 * self-signed certificates verified and tampered, signatures made by the
 * real GnuTLS verified, the RFC 4491 r/s helpers, and error codes; the output must be identical on
 * the real GnuTLS and on tlshim.
 *
 * "sign DIR" writes a signature per key and signature call into DIR, and
 * "verify DIR" checks them; diff-gost.sh signs on one library and verifies
 * on the other, both ways.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>

#include "../common/loaded-lib.h"

static const char k_bench[] =
	"-----BEGIN PRIVATE KEY-----\n"
	"MEgCAQAwHwYIKoUDBwEBAQEwEwYHKoUDAgIkAAYIKoUDBwEBAgIEIgQg0+JttJEV\n"
	"Ud+XBzX9q13ByKK+j2b+mEmNIo1yB0wGleo=\n"
	"-----END PRIVATE KEY-----\n";
static const char k_256b[] =
	"-----BEGIN PRIVATE KEY-----\n"
	"MEACAQAwFwYIKoUDBwEBAQEwCwYJKoUDBwECAQECBCIEIIf9QdKFJYj5rtWbRiKr\n"
	"LSa6Tqb79W6u1X7dw8BQCtlB\n"
	"-----END PRIVATE KEY-----\n";
static const char k_512a[] =
	"-----BEGIN PRIVATE KEY-----\n"
	"MGoCAQAwIQYIKoUDBwEBAQIwFQYJKoUDBwECAQIBBggqhQMHAQECAwRCBEA2BsHA\n"
	"qcoujTLC3ITHCHI4N209ORTyj1n/PIO8NDQkY+ac4XW2XCCB2rTW1uFT7u/aHyA5\n"
	"Bpg0VZ/RQsZQFPoK\n"
	"-----END PRIVATE KEY-----\n";
static const char k_01[] =
	"-----BEGIN PRIVATE KEY-----\n"
	"MEUCAQAwHAYGKoUDAgITMBIGByqFAwICIwEGByqFAwICHgEEIgQgboYTSPpV7nOZ\n"
	"O3NZYHHz1y7n7yhtj9Vo5x2sAZ26vqs=\n"
	"-----END PRIVATE KEY-----\n";
static const char k_01_256b[] =
	"-----BEGIN PRIVATE KEY-----\n"
	"MEcCAQAwHgYGKoUDAgITMBQGCSqFAwcBAgEBAgYHKoUDAgIeAQQiBCCM/fwrhp7P\n"
	"pbx87TkH7z4p4q8wkAkMVdoxn4ODmWnMvA==\n"
	"-----END PRIVATE KEY-----\n";
static const char c_256[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIBWTCCAQagAwIBAgIBBzAKBggqhQMHAQEDAjAUMRIwEAYDVQQDEwlHT1NUIHRl\n"
	"c3QwIBcNMjYxMTI2MTY0NTI1WhgPMjEyNjExMDIxNjQ1MjVaMBQxEjAQBgNVBAMT\n"
	"CUdPU1QgdGVzdDBeMBcGCCqFAwcBAQEBMAsGCSqFAwcBAgEBAgNDAARAu4D0U9CH\n"
	"00N62xvE/OP+kpBTpH6rO1iFh+lG1bdfuwX8WrDXBdlRlgnuX8YRvUHM8Yxx54bU\n"
	"jALVXSSUFYNfoKNCMEAwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAoQw\n"
	"HQYDVR0OBBYEFH2VXXqHdfCQ5L1V1f/aYgpksST2MAoGCCqFAwcBAQMCA0EAVOt7\n"
	"NjhuRIkJZzoOFIXsKIV7u6U59l5l4zRDqh9uggNr0jtuA0lA+ERPf0DPBVOCAkVT\n"
	"ZGOx1r+m1yau1KZQBg==\n"
	"-----END CERTIFICATE-----\n";
static const char c_512[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIB5zCCAVOgAwIBAgIBBzAKBggqhQMHAQEDAzAUMRIwEAYDVQQDEwlHT1NUIHRl\n"
	"c3QwIBcNMjYxMTI2MTY0NTI1WhgPMjEyNjExMDIxNjQ1MjVaMBQxEjAQBgNVBAMT\n"
	"CUdPU1QgdGVzdDCBqjAhBggqhQMHAQEBAjAVBgkqhQMHAQIBAgEGCCqFAwcBAQID\n"
	"A4GEAASBgB1cfD14AJ/NugcpJAEvCg0kSQ+6uAaLECCM6ymGhqGyNrfQVad405Bh\n"
	"K8+vw9YjY1NkB08Bdiq7LdBVZ5B4HBd/8k8c6o2aujW9+oV0Yqjm/G5P4BhziKmI\n"
	"xJQ2iCupV/VKwZxC51wsfnUN3a8Bbusp3Pa2jwymjGCjAcc/n4Ryo0IwQDAPBgNV\n"
	"HRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIChDAdBgNVHQ4EFgQUk7EQgZbpfrUR\n"
	"mwglwugdUuOcjzgwCgYIKoUDBwEBAwMDgYEALYu9Drz3S1rrR6JM7Olpm+27YWke\n"
	"Q6/yPEiPEYfOR3BEkzQ1Eio2kIy9mWGnSPxnBn+9XhWv5Ntwqn/T96GE0BvNeEPK\n"
	"EHLsiwH35bTBwleJ8XSmSA/iZJyD+uq6e/D+XBV3a6rgmi/Hgn5tpeRL7FMvDDMW\n"
	"94cahqwUpd1FhDk=\n"
	"-----END CERTIFICATE-----\n";
static const char c_01[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIBWjCCAQmgAwIBAgIBBzAIBgYqhQMCAgMwFDESMBAGA1UEAxMJR09TVCB0ZXN0\n"
	"MCAXDTI2MTEyNjE2NDUyNVoYDzIxMjYxMTAyMTY0NTI1WjAUMRIwEAYDVQQDEwlH\n"
	"T1NUIHRlc3QwYzAcBgYqhQMCAhMwEgYHKoUDAgIjAQYHKoUDAgIeAQNDAARACpql\n"
	"KY4VQ5LY6QFBsqdZTLXUDM0f2GHM4MWknwFNukDQtQLZ/iltD9T4tTDNhC3u10P+\n"
	"GmQHLgDH4IClEVlgCaNCMEAwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMC\n"
	"AoQwHQYDVR0OBBYEFAuvPHRHfxdIVEqZ5LYi0IJ+GFuAMAgGBiqFAwICAwNBANLQ\n"
	"CNXgtfu7r8afWBRAgLMYLCVfDb7KvnAS+Ej/MEVWWIi8h94pDGmR917injve/cva\n"
	"PITNGmoKGUr16BQ+e3Y=\n"
	"-----END CERTIFICATE-----\n";

/* The real GnuTLS 3.7.9's GOSTR341012-256 signature of "hello" with k_bench. */
static const unsigned char bench_sig[64] = {
	0xe4, 0xe7, 0xeb, 0xbf, 0x33, 0xcd, 0x97, 0x4c, 0x9f, 0x06, 0xb5, 0x6f, 0xa3, 0x8d, 0x7d, 0x85,
	0x26, 0xca, 0x6f, 0xcd, 0xdf, 0x7a, 0x6b, 0x4a, 0xaf, 0xfe, 0xb8, 0xf6, 0x6e, 0x47, 0xa6, 0x34,
	0x1f, 0xfc, 0x9f, 0x18, 0x5e, 0x77, 0xb6, 0x55, 0x9a, 0x43, 0x98, 0xf2, 0xf6, 0x71, 0x41, 0x3f,
	0x2a, 0x0e, 0x54, 0x55, 0x16, 0x6e, 0xd8, 0xd1, 0x87, 0x30, 0x37, 0x3b, 0xc4, 0x31, 0x59, 0x1c};

static const char *const keys[] = {k_bench, k_256b, k_512a, k_01, k_01_256b};
#define NKEYS (sizeof keys / sizeof keys[0])
static const unsigned char msg[] = "tlshim GOST differential test";

static void hex(const char *label, const unsigned char *p, size_t n)
{
	size_t i;
	printf("%s[%u] ", label, (unsigned)n);
	for (i = 0; i < n; i++)
		printf("%02x", p[i]);
	printf("\n");
}

static void datum(const char *label, int rc, gnutls_datum_t *d)
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

static void text(const char *label, int rc, gnutls_datum_t *d)
{
	if (rc < 0) {
		printf("%s rc=%d\n", label, rc);
		return;
	}
	printf("%s:\n%.*s", label, (int)d->size, (const char *)d->data);
	gnutls_free(d->data);
	d->data = NULL;
	d->size = 0;
}

static gnutls_datum_t str(const char *s)
{
	gnutls_datum_t d = {(unsigned char *)s, (unsigned)strlen(s)};
	return d;
}

static int load(gnutls_x509_privkey_t *k, const char *pem)
{
	gnutls_datum_t d = str(pem);
	int rc;
	gnutls_x509_privkey_init(k);
	rc = gnutls_x509_privkey_import2(*k, &d, GNUTLS_X509_FMT_PEM, NULL, 0);
	printf("import2 rc=%d\n", rc);
	return rc;
}

static int abstract_pair(gnutls_x509_privkey_t x, gnutls_privkey_t *p, gnutls_pubkey_t *pub)
{
	int rc;
	gnutls_privkey_init(p);
	gnutls_pubkey_init(pub);
	rc = gnutls_privkey_import_x509(*p, x, 0);
	if (rc >= 0)
		rc = gnutls_pubkey_import_privkey(*pub, *p, 0, 0);
	return rc;
}

static void print_gost_raw(const char *label, int rc, gnutls_ecc_curve_t c, gnutls_digest_algorithm_t d,
			   gnutls_gost_paramset_t ps, gnutls_datum_t *x, gnutls_datum_t *y, gnutls_datum_t *k)
{
	printf("%s rc=%d", label, rc);
	if (rc < 0) {
		printf("\n");
		return;
	}
	printf(" curve=%s digest=%s paramset=%s\n", gnutls_ecc_curve_get_name(c), gnutls_digest_get_name(d),
	       gnutls_gost_paramset_get_name(ps));
	datum(" x", 0, x);
	datum(" y", 0, y);
	if (k != NULL)
		datum(" k", 0, k);
}

static void key_id(const char *label, int rc, const unsigned char *buf, size_t n)
{
	if (rc < 0)
		printf("%s rc=%d\n", label, rc);
	else
		hex(label, buf, n);
}

static void key_ids(gnutls_x509_privkey_t k, gnutls_pubkey_t pub)
{
	static const unsigned flags[] = {0, GNUTLS_KEYID_USE_SHA256, GNUTLS_KEYID_USE_SHA512};
	unsigned char buf[64];
	size_t n, i;
	int rc;
	for (i = 0; i < 3; i++) {
		n = sizeof buf;
		rc = gnutls_x509_privkey_get_key_id(k, flags[i], buf, &n);
		key_id("privkey key id", rc, buf, n);
		n = sizeof buf;
		rc = gnutls_pubkey_get_key_id(pub, flags[i], buf, &n);
		key_id("pubkey key id", rc, buf, n);
	}
}

static int sign_for(int pk)
{
	switch (pk) {
	case GNUTLS_PK_GOST_01: return GNUTLS_SIGN_GOST_94;
	case GNUTLS_PK_GOST_12_256: return GNUTLS_SIGN_GOST_256;
	case GNUTLS_PK_GOST_12_512: return GNUTLS_SIGN_GOST_512;
	default: return GNUTLS_SIGN_UNKNOWN;
	}
}

static int hash_for(int pk)
{
	switch (pk) {
	case GNUTLS_PK_GOST_01: return GNUTLS_DIG_GOSTR_94;
	case GNUTLS_PK_GOST_12_256: return GNUTLS_DIG_STREEBOG_256;
	default: return GNUTLS_DIG_STREEBOG_512;
	}
}

/* Everything deterministic about one imported key. */
static void report_key(gnutls_x509_privkey_t k)
{
	gnutls_privkey_t p;
	gnutls_pubkey_t pub, back;
	gnutls_datum_t x, y, kk, out;
	gnutls_ecc_curve_t c;
	gnutls_digest_algorithm_t d;
	gnutls_gost_paramset_t ps;
	unsigned bits = 0, mand = 0;
	int pk, rc;

	pk = gnutls_x509_privkey_get_pk_algorithm2(k, &bits);
	printf("pk=%d (%s) bits=%u sec_param=%d verify_params=%d\n", pk, gnutls_pk_get_name(pk), bits,
	       gnutls_x509_privkey_sec_param(k), gnutls_x509_privkey_verify_params(k));
	rc = gnutls_x509_privkey_export_gost_raw(k, &c, &d, &ps, &x, &y, &kk);
	print_gost_raw("x509 export_gost_raw", rc, c, d, ps, &x, &y, &kk);
	rc = gnutls_x509_privkey_export_ecc_raw(k, &c, &x, &y, &kk);
	printf("x509 export_ecc_raw rc=%d\n", rc < 0 ? rc : 0);
	rc = gnutls_x509_privkey_export2(k, GNUTLS_X509_FMT_DER, &out);
	datum("export2 der", rc, &out);
	rc = gnutls_x509_privkey_export2(k, GNUTLS_X509_FMT_PEM, &out);
	text("export2 pem", rc, &out);
	rc = gnutls_x509_privkey_export2_pkcs8(k, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, &out);
	datum("pkcs8 plain", rc, &out);
	{
		/* Encrypted PKCS#8 (random salt): what comes back after a round trip. */
		gnutls_x509_privkey_t again;
		gnutls_x509_privkey_init(&again);
		rc = gnutls_x509_privkey_export2_pkcs8(k, GNUTLS_X509_FMT_PEM, "gost-pw", GNUTLS_PKCS_PBES2_AES_256, &out);
		printf("pkcs8 encrypted rc=%d\n", rc < 0 ? rc : 0);
		if (rc >= 0) {
			rc = gnutls_x509_privkey_import2(again, &out, GNUTLS_X509_FMT_PEM, "gost-pw", 0);
			printf("encrypted reimport rc=%d\n", rc);
			gnutls_free(out.data);
			rc = gnutls_x509_privkey_export2_pkcs8(again, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, &out);
			datum("reimported pkcs8", rc, &out);
		}
		gnutls_x509_privkey_deinit(again);
	}

	rc = abstract_pair(k, &p, &pub);
	printf("abstract rc=%d\n", rc);
	bits = 0;
	printf("privkey pk=%d pubkey pk=%d", gnutls_privkey_get_pk_algorithm(p, NULL),
	       gnutls_pubkey_get_pk_algorithm(pub, &bits));
	printf(" bits=%u\n", bits);
	rc = gnutls_pubkey_get_preferred_hash_algorithm(pub, &d, &mand);
	printf("preferred hash rc=%d %s mand=%u\n", rc, rc < 0 ? "-" : gnutls_digest_get_name(d), mand);
	rc = gnutls_privkey_export_gost_raw2(p, &c, &d, &ps, &x, &y, &kk, 0);
	print_gost_raw("privkey export_gost_raw2", rc, c, d, ps, &x, &y, &kk);
	rc = gnutls_privkey_export_gost_raw2(p, &c, &d, &ps, &x, &y, &kk, GNUTLS_EXPORT_FLAG_NO_LZ);
	print_gost_raw("privkey export_gost_raw2 NO_LZ", rc, c, d, ps, &x, &y, &kk);
	rc = gnutls_pubkey_export_gost_raw2(pub, &c, &d, &ps, &x, &y, 0);
	print_gost_raw("pubkey export_gost_raw2", rc, c, d, ps, &x, &y, NULL);
	rc = gnutls_pubkey_export_ecc_raw2(pub, &c, &x, &y, 0);
	printf("pubkey export_ecc_raw2 rc=%d\n", rc < 0 ? rc : 0);
	key_ids(k, pub);

	rc = gnutls_pubkey_export2(pub, GNUTLS_X509_FMT_DER, &out);
	if (rc >= 0) {
		gnutls_datum_t der = out;
		hex("spki", der.data, der.size);
		gnutls_pubkey_init(&back);
		rc = gnutls_pubkey_import(back, &der, GNUTLS_X509_FMT_DER);
		printf("spki reimport rc=%d pk=%d\n", rc, gnutls_pubkey_get_pk_algorithm(back, NULL));
		rc = gnutls_pubkey_export2(back, GNUTLS_X509_FMT_PEM, &out);
		text("spki pem", rc, &out);
		/* Raw round trip through the public key. */
		rc = gnutls_pubkey_export_gost_raw2(back, &c, &d, &ps, &x, &y, 0);
		if (rc >= 0) {
			gnutls_pubkey_t raw;
			gnutls_pubkey_init(&raw);
			rc = gnutls_pubkey_import_gost_raw(raw, c, d, ps, &x, &y);
			printf("pubkey import_gost_raw rc=%d\n", rc);
			rc = gnutls_pubkey_export2(raw, GNUTLS_X509_FMT_DER, &out);
			datum("raw spki", rc, &out);
			gnutls_pubkey_deinit(raw);
			gnutls_free(x.data);
			gnutls_free(y.data);
		}
		gnutls_pubkey_deinit(back);
		gnutls_free(der.data);
	} else {
		printf("spki rc=%d\n", rc);
	}

	/* Raw round trip of the private key. */
	rc = gnutls_privkey_export_gost_raw2(p, &c, &d, &ps, &x, &y, &kk, 0);
	if (rc >= 0) {
		gnutls_privkey_t raw;
		gnutls_x509_privkey_t xr;
		gnutls_privkey_init(&raw);
		rc = gnutls_privkey_import_gost_raw(raw, c, d, ps, &x, &y, &kk);
		printf("privkey import_gost_raw rc=%d\n", rc);
		rc = gnutls_privkey_export_x509(raw, &xr);
		if (rc >= 0) {
			rc = gnutls_x509_privkey_export2(xr, GNUTLS_X509_FMT_DER, &out);
			datum("raw privkey export2", rc, &out);
			gnutls_x509_privkey_deinit(xr);
		}
		gnutls_privkey_deinit(raw);
		gnutls_free(x.data);
		gnutls_free(y.data);
		gnutls_free(kk.data);
	}

	/* Signatures made here verify here (values are random). */
	{
		gnutls_datum_t m = {(unsigned char *)msg, sizeof msg - 1}, sig;
		int s = sign_for(pk);
		rc = gnutls_privkey_sign_data2(p, s, 0, &m, &sig);
		printf("sign_data2 %s rc=%d", gnutls_sign_get_name(s), rc);
		if (rc >= 0) {
			printf(" len=%u", sig.size);
			printf(" verify=%d", gnutls_pubkey_verify_data2(pub, s, 0, &m, &sig));
			printf(" verify broken=%d", gnutls_pubkey_verify_data2(pub, s, GNUTLS_VERIFY_ALLOW_BROKEN, &m, &sig));
			sig.data[3] ^= 0x40;
			printf(" tampered=%d", gnutls_pubkey_verify_data2(pub, s, GNUTLS_VERIFY_ALLOW_BROKEN, &m, &sig));
			printf(" wrong alg=%d", gnutls_pubkey_verify_data2(pub, GNUTLS_SIGN_ECDSA_SHA256, 0, &m, &sig));
			gnutls_free(sig.data);
		}
		printf("\n");
		rc = gnutls_privkey_sign_data(p, hash_for(pk), 0, &m, &sig);
		printf("sign_data rc=%d", rc);
		if (rc >= 0) {
			printf(" len=%u verify=%d", sig.size,
			       gnutls_pubkey_verify_data2(pub, s, GNUTLS_VERIFY_ALLOW_BROKEN, &m, &sig));
			gnutls_free(sig.data);
		}
		printf("\n");
	}
	gnutls_privkey_deinit(p);
	gnutls_pubkey_deinit(pub);
}

/* A PKCS#8 key with the private value of k_bench in another form. */
static void variant(const char *name, const unsigned char *inner, size_t n)
{
	static const unsigned char head[] = {
		0x02, 0x01, 0x00, 0x30, 0x1f, 0x06, 0x08, 0x2a, 0x85, 0x03, 0x07, 0x01, 0x01, 0x01, 0x01,
		0x30, 0x13, 0x06, 0x07, 0x2a, 0x85, 0x03, 0x02, 0x02, 0x24, 0x00, 0x06, 0x08, 0x2a, 0x85,
		0x03, 0x07, 0x01, 0x01, 0x02, 0x02};
	unsigned char der[128];
	gnutls_datum_t d;
	gnutls_x509_privkey_t k;
	size_t len = sizeof head + 2 + n;
	int rc;
	der[0] = 0x30;
	der[1] = (unsigned char)len;
	memcpy(der + 2, head, sizeof head);
	der[2 + sizeof head] = 0x04;
	der[3 + sizeof head] = (unsigned char)n;
	memcpy(der + 4 + sizeof head, inner, n);
	d.data = der;
	d.size = (unsigned)(len + 2);
	printf("== variant %s\n", name);
	gnutls_x509_privkey_init(&k);
	rc = gnutls_x509_privkey_import2(k, &d, GNUTLS_X509_FMT_DER, NULL, 0);
	printf("import2 rc=%d\n", rc);
	if (rc >= 0) {
		gnutls_datum_t x, y, kk, out;
		gnutls_ecc_curve_t c;
		gnutls_digest_algorithm_t dg;
		gnutls_gost_paramset_t ps;
		rc = gnutls_x509_privkey_export_gost_raw(k, &c, &dg, &ps, &x, &y, &kk);
		print_gost_raw("export_gost_raw", rc, c, dg, ps, &x, &y, &kk);
		rc = gnutls_x509_privkey_export2(k, GNUTLS_X509_FMT_DER, &out);
		datum("export2 der", rc, &out);
	}
	gnutls_x509_privkey_deinit(k);
}

static void variants(void)
{
	/* The little-endian private value of k_bench. */
	static const unsigned char le[32] = {
		0xd3, 0xe2, 0x6d, 0xb4, 0x91, 0x15, 0x51, 0xdf, 0x97, 0x07, 0x35, 0xfd, 0xab, 0x5d, 0xc1, 0xc8,
		0xa2, 0xbe, 0x8f, 0x66, 0xfe, 0x98, 0x49, 0x8d, 0x22, 0x8d, 0x72, 0x07, 0x4c, 0x06, 0x95, 0xea};
	unsigned char buf[40];
	size_t i;
	buf[0] = 0x04;
	buf[1] = 32;
	memcpy(buf + 2, le, 32);
	variant("octet string", buf, 34);
	buf[1] = 31;
	variant("short octet string", buf, 33);
	buf[0] = 0x02;
	buf[1] = 33;
	buf[2] = 0;
	for (i = 0; i < 32; i++)
		buf[3 + i] = le[31 - i];
	variant("integer", buf, 35);
	buf[1] = 32;
	for (i = 0; i < 32; i++)
		buf[2 + i] = le[31 - i];
	variant("integer without sign octet", buf, 34);
	variant("bare octets", le, 32);
}

static void raw_imports(void)
{
	static const int curves[] = {GNUTLS_ECC_CURVE_GOST256CPA, GNUTLS_ECC_CURVE_GOST256CPXA,
				     GNUTLS_ECC_CURVE_GOST256B, GNUTLS_ECC_CURVE_GOST512A};
	static const int digests[] = {GNUTLS_DIG_GOSTR_94, GNUTLS_DIG_STREEBOG_256, GNUTLS_DIG_STREEBOG_512};
	static const int paramsets[] = {GNUTLS_GOST_PARAMSET_UNKNOWN, GNUTLS_GOST_PARAMSET_TC26_Z,
					GNUTLS_GOST_PARAMSET_CP_A, GNUTLS_GOST_PARAMSET_CP_D};
	size_t i, j, n;
	printf("== raw imports\n");
	for (i = 0; i < sizeof curves / sizeof curves[0]; i++) {
		int is512 = curves[i] == GNUTLS_ECC_CURVE_GOST512A;
		gnutls_x509_privkey_t g;
		gnutls_datum_t x, y, k;
		gnutls_ecc_curve_t c;
		gnutls_digest_algorithm_t d;
		gnutls_gost_paramset_t ps;
		/* The values of a fixed key on the same curve (CryptoPro-A,
		 * CryptoPro-XchA and TC26-256-B share their parameters). */
		gnutls_datum_t pem = str(is512 ? k_512a : k_256b);
		gnutls_x509_privkey_init(&g);
		if (gnutls_x509_privkey_import2(g, &pem, GNUTLS_X509_FMT_PEM, NULL, 0) < 0 ||
		    gnutls_x509_privkey_export_gost_raw(g, &c, &d, &ps, &x, &y, &k) < 0) {
			printf("fixed key failed\n");
			gnutls_x509_privkey_deinit(g);
			continue;
		}
		for (n = 0; n < 3; n++) {
			/* Only the digests of key types that fit the curve. */
			if (is512 != (digests[n] == GNUTLS_DIG_STREEBOG_512))
				continue;
			for (j = 0; j < sizeof paramsets / sizeof paramsets[0]; j++) {
				gnutls_x509_privkey_t r;
				gnutls_datum_t der;
				int rc;
				gnutls_x509_privkey_init(&r);
				rc = gnutls_x509_privkey_import_gost_raw(r, curves[i], digests[n], paramsets[j], &x, &y, &k);
				printf("%s %s paramset %d: import rc=%d", gnutls_ecc_curve_get_name(curves[i]),
				       gnutls_digest_get_name(digests[n]), paramsets[j], rc);
				if (rc >= 0) {
					gnutls_ecc_curve_t c2;
					gnutls_digest_algorithm_t d2;
					gnutls_gost_paramset_t ps2;
					printf(" pk=%d", gnutls_x509_privkey_get_pk_algorithm(r));
					gnutls_x509_privkey_export_gost_raw(r, &c2, &d2, &ps2, NULL, NULL, NULL);
					printf(" -> %s %s %s\n", gnutls_ecc_curve_get_name(c2), gnutls_digest_get_name(d2),
					       gnutls_gost_paramset_get_name(ps2));
					{
						/* A copy and the public key keep the parameter set. */
						gnutls_x509_privkey_t cp;
						gnutls_privkey_t ap;
						gnutls_pubkey_t pub;
						gnutls_x509_privkey_init(&cp);
						rc = gnutls_x509_privkey_cpy(cp, r);
						gnutls_x509_privkey_export_gost_raw(cp, &c2, &d2, &ps2, NULL, NULL, NULL);
						printf(" cpy rc=%d paramset %s", rc, gnutls_gost_paramset_get_name(ps2));
						rc = abstract_pair(cp, &ap, &pub);
						gnutls_pubkey_export_gost_raw2(pub, &c2, &d2, &ps2, NULL, NULL, 0);
						printf(" pubkey rc=%d paramset %s\n", rc, gnutls_gost_paramset_get_name(ps2));
						gnutls_privkey_deinit(ap);
						gnutls_pubkey_deinit(pub);
						gnutls_x509_privkey_deinit(cp);
					}
					rc = gnutls_x509_privkey_export2(r, GNUTLS_X509_FMT_DER, &der);
					datum(" export2", rc, &der);
				} else {
					printf("\n");
				}
				gnutls_x509_privkey_deinit(r);
			}
		}
		gnutls_free(x.data);
		gnutls_free(y.data);
		gnutls_free(k.data);
		gnutls_x509_privkey_deinit(g);
	}
}

static void generation(void)
{
	static const int pks[] = {GNUTLS_PK_GOST_01, GNUTLS_PK_GOST_12_256, GNUTLS_PK_GOST_12_512};
	static const unsigned sizes[] = {0, 256, 512, 1024};
	static const int curves[] = {GNUTLS_ECC_CURVE_GOST256CPA, GNUTLS_ECC_CURVE_GOST256CPXA,
				     GNUTLS_ECC_CURVE_GOST256B,   GNUTLS_ECC_CURVE_GOST512A,
				     GNUTLS_ECC_CURVE_SECP256R1};
	size_t i, j;
	printf("== generation\n");
	for (i = 0; i < 3; i++) {
		for (j = 0; j < 4 + 5; j++) {
			gnutls_x509_privkey_t g;
			unsigned bits = j < 4 ? sizes[j] : GNUTLS_CURVE_TO_BITS(curves[j - 4]);
			unsigned got = 0;
			int rc;
			gnutls_x509_privkey_init(&g);
			rc = gnutls_x509_privkey_generate(g, pks[i], bits, 0);
			printf("%s bits %s%u: rc=%d", gnutls_pk_get_name(pks[i]), j < 4 ? "" : "curve ",
			       j < 4 ? bits : (unsigned)curves[j - 4], rc);
			if (rc >= 0) {
				gnutls_ecc_curve_t c;
				gnutls_digest_algorithm_t d;
				gnutls_gost_paramset_t ps;
				gnutls_datum_t out, x, y, k;
				int pk = gnutls_x509_privkey_get_pk_algorithm2(g, &got);
				gnutls_x509_privkey_export_gost_raw(g, &c, &d, &ps, &x, &y, &k);
				printf(" pk=%d bits=%u %s %s %s verify=%d", pk, got, gnutls_ecc_curve_get_name(c),
				       gnutls_digest_get_name(d), gnutls_gost_paramset_get_name(ps),
				       gnutls_x509_privkey_verify_params(g));
				/* The native export's PEM label and DER framing. */
				if (gnutls_x509_privkey_export2(g, GNUTLS_X509_FMT_PEM, &out) >= 0) {
					printf(" pem %.*s", (int)strcspn((char *)out.data, "\n"), (char *)out.data);
					gnutls_free(out.data);
				}
				if (gnutls_x509_privkey_export2(g, GNUTLS_X509_FMT_DER, &out) >= 0) {
					printf(" der tag %02x", out.data[0]);
					gnutls_free(out.data);
				}
				if (gnutls_x509_privkey_export2_pkcs8(g, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN,
								      &out) >= 0) {
					printf(" pkcs8 tag %02x", out.data[0]);
					gnutls_free(out.data);
				}
				gnutls_free(x.data);
				gnutls_free(y.data);
				gnutls_free(k.data);
			}
			printf("\n");
			gnutls_x509_privkey_deinit(g);
		}
	}
	{
		gnutls_privkey_t p;
		gnutls_privkey_init(&p);
		printf("privkey_generate 12-512: rc=%d\n",
		       gnutls_privkey_generate(p, GNUTLS_PK_GOST_12_512, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_GOST512A), 0));
		printf("privkey pk=%d\n", gnutls_privkey_get_pk_algorithm(p, NULL));
		gnutls_privkey_deinit(p);
	}
}

static void certificates(void)
{
	const char *const certs[] = {c_256, c_512, c_01};
	size_t i;
	printf("== certificates\n");
	for (i = 0; i < 3; i++) {
		gnutls_x509_crt_t crt;
		gnutls_datum_t d = str(certs[i]), x, y, der;
		gnutls_ecc_curve_t c;
		gnutls_digest_algorithm_t dg;
		gnutls_gost_paramset_t ps;
		unsigned bits = 0, status = 0;
		int rc;
		gnutls_x509_crt_init(&crt);
		rc = gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_PEM);
		printf("import rc=%d pk=%d", rc, gnutls_x509_crt_get_pk_algorithm(crt, &bits));
		printf(" bits=%u sig=%d\n", bits, gnutls_x509_crt_get_signature_algorithm(crt));
		rc = gnutls_x509_crt_get_pk_gost_raw(crt, &c, &dg, &ps, &x, &y);
		print_gost_raw("crt get_pk_gost_raw", rc, c, dg, ps, &x, &y, NULL);
		rc = gnutls_x509_crt_verify(crt, &crt, 1, 0, &status);
		printf("verify rc=%d status=%#x\n", rc, status);
		rc = gnutls_x509_crt_verify(crt, &crt, 1, GNUTLS_VERIFY_ALLOW_BROKEN, &status);
		printf("verify allow broken rc=%d status=%#x\n", rc, status);
		/* The same certificate with one signature bit flipped. */
		rc = gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_DER, &der);
		if (rc >= 0) {
			gnutls_x509_crt_t bad;
			der.data[der.size - 7] ^= 0x01;
			gnutls_x509_crt_init(&bad);
			rc = gnutls_x509_crt_import(bad, &der, GNUTLS_X509_FMT_DER);
			printf("tampered import rc=%d", rc);
			rc = gnutls_x509_crt_verify(bad, &bad, 1, GNUTLS_VERIFY_ALLOW_BROKEN, &status);
			printf(" verify rc=%d status=%#x\n", rc, status);
			gnutls_x509_crt_deinit(bad);
			gnutls_free(der.data);
		}
		gnutls_x509_crt_deinit(crt);
	}
}

static void errors(void)
{
	gnutls_x509_privkey_t k;
	gnutls_privkey_t p;
	gnutls_pubkey_t pub;
	gnutls_datum_t x, y, kk;
	gnutls_ecc_curve_t c;
	gnutls_digest_algorithm_t d;
	gnutls_gost_paramset_t ps;
	printf("== errors\n");
	gnutls_x509_privkey_init(&k);
	printf("empty export_gost_raw rc=%d\n", gnutls_x509_privkey_export_gost_raw(k, &c, &d, &ps, &x, &y, &kk));
	/* (The real GnuTLS's gnutls_x509_privkey_export_gost_raw and
	 * gnutls_privkey_export_gost_raw2 hand out any key's numbers; tlshim
	 * refuses keys that are not GOST ones, so only the pubkey call is here.) */
	gnutls_x509_privkey_generate(k, GNUTLS_PK_ECDSA, 256, 0);
	abstract_pair(k, &p, &pub);
	printf("ecdsa pubkey export_gost_raw2 rc=%d\n", gnutls_pubkey_export_gost_raw2(pub, &c, &d, &ps, &x, &y, 0));
	gnutls_privkey_deinit(p);
	gnutls_pubkey_deinit(pub);
	gnutls_x509_privkey_deinit(k);
	gnutls_pubkey_init(&pub);
	printf("empty pubkey export_gost_raw2 rc=%d\n", gnutls_pubkey_export_gost_raw2(pub, &c, &d, &ps, &x, &y, 0));
	gnutls_pubkey_deinit(pub);
	printf("null x509 export rc=%d\n", gnutls_x509_privkey_export_gost_raw(NULL, &c, &d, &ps, &x, &y, &kk));
	printf("null pubkey export rc=%d\n", gnutls_pubkey_export_gost_raw2(NULL, &c, &d, &ps, &x, &y, 0));
	printf("null privkey export rc=%d\n", gnutls_privkey_export_gost_raw2(NULL, &c, &d, &ps, &x, &y, &kk, 0));
	printf("unsupported curve generate rc=%d\n",
	       (gnutls_x509_privkey_init(&k), gnutls_x509_privkey_generate(k, GNUTLS_PK_GOST_12_256,
									    GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_GOST256A), 0)));
	printf("512 key on 256 curve rc=%d\n",
	       gnutls_x509_privkey_generate(k, GNUTLS_PK_GOST_12_512, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_GOST256B), 0));
	printf("2001 key on 512 curve rc=%d\n",
	       gnutls_x509_privkey_generate(k, GNUTLS_PK_GOST_01, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_GOST512A), 0));
	gnutls_x509_privkey_deinit(k);
}

static void embedded_signature(void)
{
	gnutls_x509_privkey_t k;
	gnutls_privkey_t p;
	gnutls_pubkey_t pub;
	gnutls_datum_t m = {(unsigned char *)"hello", 5}, sig;
	unsigned char bad[64];
	printf("== signature made by the real GnuTLS\n");
	load(&k, k_bench);
	abstract_pair(k, &p, &pub);
	sig.data = (unsigned char *)bench_sig;
	sig.size = sizeof bench_sig;
	printf("verify=%d\n", gnutls_pubkey_verify_data2(pub, GNUTLS_SIGN_GOST_256, 0, &m, &sig));
	memcpy(bad, bench_sig, sizeof bad);
	bad[0] ^= 0x80;
	sig.data = bad;
	printf("tampered=%d\n", gnutls_pubkey_verify_data2(pub, GNUTLS_SIGN_GOST_256, 0, &m, &sig));
	sig.size = 63;
	printf("short=%d\n", gnutls_pubkey_verify_data2(pub, GNUTLS_SIGN_GOST_256, 0, &m, &sig));
	gnutls_privkey_deinit(p);
	gnutls_pubkey_deinit(pub);
	gnutls_x509_privkey_deinit(k);
}

static void rs_values(void)
{
	static const unsigned lens[][2] = {{32, 32}, {3, 3}, {0, 0}, {64, 64}, {31, 32}, {33, 32}, {1, 2}};
	static const unsigned siglens[] = {0, 2, 63, 64, 65, 128};
	unsigned char a[64], b[64], z[128];
	size_t i;
	printf("== rs values\n");
	for (i = 0; i < 64; i++) {
		a[i] = (unsigned char)(i + 1);
		b[i] = (unsigned char)(0xa0 + i);
	}
	a[0] = 0;
	for (i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		gnutls_datum_t r = {a, lens[i][0]}, s = {b, lens[i][1]}, out;
		int rc = gnutls_encode_gost_rs_value(&out, &r, &s);
		printf("encode r%u s%u:", lens[i][0], lens[i][1]);
		datum("", rc, &out);
	}
	for (i = 0; i < sizeof z; i++)
		z[i] = (unsigned char)(i * 7);
	z[0] = 0;
	for (i = 0; i < sizeof siglens / sizeof siglens[0]; i++) {
		gnutls_datum_t sig = {z, siglens[i]}, r, s;
		int rc = gnutls_decode_gost_rs_value(&sig, &r, &s);
		printf("decode %u: rc=%d\n", siglens[i], rc);
		if (rc >= 0) {
			datum(" r", 0, &r);
			datum(" s", 0, &s);
		}
	}
	{
		/* A signature made now splits into values that verify again. */
		gnutls_x509_privkey_t k;
		gnutls_privkey_t p;
		gnutls_pubkey_t pub;
		gnutls_datum_t m = {(unsigned char *)msg, sizeof msg - 1}, sig, r, s, again;
		load(&k, k_512a);
		abstract_pair(k, &p, &pub);
		if (gnutls_privkey_sign_data2(p, GNUTLS_SIGN_GOST_512, 0, &m, &sig) >= 0 &&
		    gnutls_decode_gost_rs_value(&sig, &r, &s) >= 0) {
			printf("split %u %u\n", r.size, s.size);
			printf("rejoin rc=%d", gnutls_encode_gost_rs_value(&again, &r, &s));
			printf(" same=%d verify=%d\n", again.size == sig.size && memcmp(again.data, sig.data, sig.size) == 0,
			       gnutls_pubkey_verify_data2(pub, GNUTLS_SIGN_GOST_512, 0, &m, &again));
			gnutls_free(again.data);
			gnutls_free(r.data);
			gnutls_free(s.data);
			gnutls_free(sig.data);
		}
		gnutls_privkey_deinit(p);
		gnutls_pubkey_deinit(pub);
		gnutls_x509_privkey_deinit(k);
	}
}

/* sign/verify modes: one file per key and call, DIR/sig-<key>-<data|hash>. */
static int cross(const char *mode, const char *dir)
{
	size_t i, j;
	int failures = 0;
	for (i = 0; i < NKEYS; i++) {
		gnutls_x509_privkey_t k;
		gnutls_privkey_t p;
		gnutls_pubkey_t pub;
		int pk, s;
		gnutls_x509_privkey_init(&k);
		if (gnutls_x509_privkey_import2(k, &(gnutls_datum_t){(unsigned char *)keys[i], (unsigned)strlen(keys[i])},
						GNUTLS_X509_FMT_PEM, NULL, 0) < 0 ||
		    abstract_pair(k, &p, &pub) < 0) {
			printf("key %u: import failed\n", (unsigned)i);
			return 1;
		}
		pk = gnutls_x509_privkey_get_pk_algorithm(k);
		s = sign_for(pk);
		for (j = 0; j < 2; j++) {
			char path[4096];
			gnutls_datum_t m = {(unsigned char *)msg, sizeof msg - 1}, sig, h;
			unsigned char hash[64];
			FILE *f;
			int rc;
			snprintf(path, sizeof path, "%s/sig-%u-%s", dir, (unsigned)i, j ? "hash" : "data");
			gnutls_hash_fast(hash_for(pk), msg, sizeof msg - 1, hash);
			h.data = hash;
			h.size = gnutls_hash_get_len(hash_for(pk));
			if (strcmp(mode, "sign") == 0) {
				rc = j ? gnutls_privkey_sign_hash2(p, s, 0, &h, &sig) : gnutls_privkey_sign_data2(p, s, 0, &m, &sig);
				printf("key %u %s sign rc=%d\n", (unsigned)i, j ? "hash" : "data", rc);
				if (rc < 0) {
					failures++;
					continue;
				}
				f = fopen(path, "wb");
				if (f == NULL || fwrite(sig.data, 1, sig.size, f) != sig.size) {
					printf("cannot write %s\n", path);
					return 1;
				}
				fclose(f);
				gnutls_free(sig.data);
			} else {
				unsigned char buf[256];
				f = fopen(path, "rb");
				if (f == NULL) {
					printf("cannot read %s\n", path);
					return 1;
				}
				sig.data = buf;
				sig.size = (unsigned)fread(buf, 1, sizeof buf, f);
				fclose(f);
				rc = j ? gnutls_pubkey_verify_hash2(pub, s, GNUTLS_VERIFY_ALLOW_BROKEN, &h, &sig)
				       : gnutls_pubkey_verify_data2(pub, s, GNUTLS_VERIFY_ALLOW_BROKEN, &m, &sig);
				printf("key %u %s verify rc=%d\n", (unsigned)i, j ? "hash" : "data", rc);
				if (rc < 0)
					failures++;
				buf[sig.size / 2] ^= 0x08;
				rc = j ? gnutls_pubkey_verify_hash2(pub, s, GNUTLS_VERIFY_ALLOW_BROKEN, &h, &sig)
				       : gnutls_pubkey_verify_data2(pub, s, GNUTLS_VERIFY_ALLOW_BROKEN, &m, &sig);
				printf("key %u %s tampered rc=%d\n", (unsigned)i, j ? "hash" : "data", rc);
				if (rc != GNUTLS_E_PK_SIG_VERIFY_FAILED)
					failures++;
			}
		}
		gnutls_privkey_deinit(p);
		gnutls_pubkey_deinit(pub);
		gnutls_x509_privkey_deinit(k);
	}
	return failures != 0;
}

int main(int argc, char **argv)
{
	char lib[4096];
	size_t i;
	if (gnutls_global_init() < 0)
		return 1;
	if (tlshim_loaded_gnutls(lib, sizeof lib) != 0)
		return 1;
	printf("LOADED %s\n", lib);
	if (argc == 3)
		return cross(argv[1], argv[2]);
	for (i = 0; i < NKEYS; i++) {
		gnutls_x509_privkey_t k;
		printf("== key %u\n", (unsigned)i);
		if (load(&k, keys[i]) >= 0)
			report_key(k);
		gnutls_x509_privkey_deinit(k);
	}
	variants();
	embedded_signature();
	raw_imports();
	generation();
	certificates();
	rs_values();
	errors();
	gnutls_global_deinit();
	return 0;
}
