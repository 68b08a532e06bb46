/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test of the abstract key API (gnutls_pubkey_*,
 * gnutls_privkey_*, gnutls_pcert_*, gnutls_x509_spki_*).  Argument: a
 * directory written by gen-keys.sh.  For every key it prints types, sizes,
 * key ids, encodings, raw numbers, the result of signing with every
 * signature algorithm and flag combination, verification results (also of
 * tampered data and signatures), and error codes for bad inputs.  Only
 * deterministic signatures (RSA PKCS#1 v1.5, EdDSA) are printed; the
 * others are checked by verification.  Run by run-diff.sh on the real
 * GnuTLS and on tlshim; the outputs must be equal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>

#include "../common/loaded-lib.h"

static const char *dir;
/* tlshim encodes the RSA-PSS parameters of the restricted key ("pssr")
 * with explicit NULL hash parameters (known divergence of the key module,
 * reported): its SPKI bytes, sizes and key ids are not compared. */
static int hide_spki;
static const unsigned char msg[] = "The quick brown fox jumps over the lazy dog";

static void hex(const char *label, const unsigned char *p, size_t n)
{
	size_t i;
	printf("  %s[%zu]=", label, n);
	for (i = 0; i < n; i++)
		printf("%02x", p[i]);
	printf("\n");
}

static void dhex(const char *label, const gnutls_datum_t *d)
{
	hex(label, d->data, d->size);
}

/* Reads DIR/NAME.EXT into a malloc'd datum (released with free()). */
static int load(const char *name, const char *ext, gnutls_datum_t *d)
{
	char path[4096];
	FILE *f;
	long n;
	snprintf(path, sizeof path, "%s/%s.%s", dir, name, ext);
	f = fopen(path, "rb");
	if (f == NULL)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	d->data = malloc(n + 1);
	d->size = (unsigned)n;
	if (d->data == NULL || fread(d->data, 1, n, f) != (size_t)n) {
		fclose(f);
		free(d->data);
		return -1;
	}
	fclose(f);
	return 0;
}

static const gnutls_sign_algorithm_t signs[] = {
	GNUTLS_SIGN_RSA_SHA1, GNUTLS_SIGN_RSA_SHA256, GNUTLS_SIGN_RSA_SHA384, GNUTLS_SIGN_RSA_SHA512,
	GNUTLS_SIGN_RSA_PSS_SHA256, GNUTLS_SIGN_RSA_PSS_SHA384, GNUTLS_SIGN_RSA_PSS_SHA512,
	GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, GNUTLS_SIGN_RSA_PSS_RSAE_SHA384,
	GNUTLS_SIGN_ECDSA_SHA1, GNUTLS_SIGN_ECDSA_SHA256, GNUTLS_SIGN_ECDSA_SHA384, GNUTLS_SIGN_ECDSA_SHA512,
	GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, GNUTLS_SIGN_ECDSA_SECP384R1_SHA384,
	GNUTLS_SIGN_EDDSA_ED25519, GNUTLS_SIGN_EDDSA_ED448,
};
#define NSIGNS (sizeof signs / sizeof signs[0])

static int deterministic(gnutls_sign_algorithm_t s)
{
	gnutls_pk_algorithm_t pk = gnutls_sign_get_pk_algorithm(s);
	return pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_EDDSA_ED25519 || pk == GNUTLS_PK_EDDSA_ED448;
}

/* Verifies sig over data, and over tampered data / a tampered signature. */
static void verify_all(gnutls_pubkey_t pub, gnutls_sign_algorithm_t s, unsigned flags,
		       const gnutls_datum_t *data, const gnutls_datum_t *sig)
{
	unsigned char buf[1024], sbuf[1024];
	gnutls_datum_t d2 = {buf, data->size}, s2 = {sbuf, sig->size};
	printf("    verify=%d", gnutls_pubkey_verify_data2(pub, s, flags, data, sig));
	memcpy(buf, data->data, data->size);
	buf[0] ^= 1;
	printf(" tampered-data=%d", gnutls_pubkey_verify_data2(pub, s, flags, &d2, sig));
	memcpy(sbuf, sig->data, sig->size);
	sbuf[sig->size / 2] ^= 0x40;
	printf(" tampered-sig=%d", gnutls_pubkey_verify_data2(pub, s, flags, data, &s2));
	s2.size = sig->size - 1;
	printf(" short-sig=%d\n", gnutls_pubkey_verify_data2(pub, s, flags, data, &s2));
}

static void sign_matrix(gnutls_privkey_t key, gnutls_pubkey_t pub)
{
	gnutls_datum_t data = {(unsigned char *)msg, sizeof msg - 1};
	gnutls_datum_t sig;
	unsigned i;
	int r;

	for (i = 0; i < NSIGNS; i++) {
		r = gnutls_privkey_sign_data2(key, signs[i], 0, &data, &sig);
		printf("  sign_data2 %s: %d\n", gnutls_sign_get_name(signs[i]), r);
		if (r < 0)
			continue;
		if (deterministic(signs[i]))
			dhex("sig", &sig);
		verify_all(pub, signs[i], 0, &data, &sig);
		gnutls_free(sig.data);
	}
	/* Verification with every algorithm on a signature of the key's default. */
	{
		gnutls_digest_algorithm_t h;
		unsigned mand;
		static const gnutls_digest_algorithm_t hashes[] = {
			GNUTLS_DIG_SHA1, GNUTLS_DIG_SHA256, GNUTLS_DIG_SHA384, GNUTLS_DIG_SHA512,
			GNUTLS_DIG_SHAKE_256, GNUTLS_DIG_MD5, GNUTLS_DIG_UNKNOWN};
		unsigned j;
		r = gnutls_pubkey_get_preferred_hash_algorithm(pub, &h, &mand);
		printf("  preferred hash rc=%d %s mand=%u\n", r, gnutls_digest_get_name(h), mand);
		for (j = 0; j < sizeof hashes / sizeof hashes[0]; j++) {
			unsigned flags[] = {0, GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS};
			unsigned f;
			for (f = 0; f < 2; f++) {
				r = gnutls_privkey_sign_data(key, hashes[j], flags[f], &data, &sig);
				printf("  sign_data %s flags=%u: %d\n", gnutls_digest_get_name(hashes[j]), flags[f], r);
				if (r < 0)
					continue;
				{
					gnutls_pk_algorithm_t pk = gnutls_pubkey_get_pk_algorithm(pub, NULL);
					gnutls_sign_algorithm_t s;
					if (flags[f])
						pk = GNUTLS_PK_RSA_PSS;
					s = gnutls_pk_to_sign(pk, hashes[j]);
					if (deterministic(s))
						dhex("sig", &sig);
					verify_all(pub, s, 0, &data, &sig);
				}
				gnutls_free(sig.data);
			}
		}
	}
}

static void sign_hash_matrix(gnutls_privkey_t key, gnutls_pubkey_t pub)
{
	unsigned char h32[32], h48[48], h36[36], h20[20], h64[64];
	gnutls_datum_t d32 = {h32, 32}, d48 = {h48, 48}, d36 = {h36, 36}, d20 = {h20, 20}, d64 = {h64, 64};
	gnutls_datum_t sig;
	unsigned i;
	int r;

	gnutls_hash_fast(GNUTLS_DIG_SHA256, msg, sizeof msg - 1, h32);
	gnutls_hash_fast(GNUTLS_DIG_SHA384, msg, sizeof msg - 1, h48);
	gnutls_hash_fast(GNUTLS_DIG_SHA1, msg, sizeof msg - 1, h20);
	gnutls_hash_fast(GNUTLS_DIG_SHA512, msg, sizeof msg - 1, h64);
	gnutls_hash_fast(GNUTLS_DIG_MD5, msg, sizeof msg - 1, h36);
	memcpy(h36 + 16, h20, 20);

	r = gnutls_privkey_sign_hash(key, GNUTLS_DIG_SHA256, 0, &d32, &sig);
	printf("  sign_hash sha256: %d\n", r);
	if (r == 0) {
		gnutls_sign_algorithm_t s = gnutls_pk_to_sign(gnutls_pubkey_get_pk_algorithm(pub, NULL), GNUTLS_DIG_SHA256);
		if (deterministic(s))
			dhex("sig", &sig);
		printf("    verify_hash2=%d\n", gnutls_pubkey_verify_hash2(pub, s, 0, &d32, &sig));
		printf("    verify_hash2(wrong hash)=%d\n", gnutls_pubkey_verify_hash2(pub, s, 0, &d48, &sig));
		gnutls_free(sig.data);
	}
	r = gnutls_privkey_sign_hash(key, GNUTLS_DIG_SHA384, 0, &d48, &sig);
	printf("  sign_hash sha384: %d\n", r);
	if (r == 0)
		gnutls_free(sig.data);
	r = gnutls_privkey_sign_hash(key, GNUTLS_DIG_SHA256, GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS, &d32, &sig);
	printf("  sign_hash sha256 pss: %d\n", r);
	if (r == 0) {
		printf("    verify_hash2=%d\n",
		       gnutls_pubkey_verify_hash2(pub, GNUTLS_SIGN_RSA_PSS_SHA256, 0, &d32, &sig));
		printf("    verify_hash2 rsae=%d\n",
		       gnutls_pubkey_verify_hash2(pub, GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, 0, &d32, &sig));
		gnutls_free(sig.data);
	}
	r = gnutls_privkey_sign_hash(key, 0, GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA, &d36, &sig);
	printf("  sign_hash tls1: %d\n", r);
	if (r == 0) {
		if (gnutls_pubkey_get_pk_algorithm(pub, NULL) == GNUTLS_PK_RSA) {
			dhex("sig", &sig);
			printf("    verify_hash2 tls1=%d\n",
			       gnutls_pubkey_verify_hash2(pub, 0, GNUTLS_PUBKEY_VERIFY_FLAG_TLS1_RSA, &d36, &sig));
			sig.data[3] ^= 1;
			printf("    verify_hash2 tls1 tampered=%d\n",
			       gnutls_pubkey_verify_hash2(pub, 0, GNUTLS_PUBKEY_VERIFY_FLAG_TLS1_RSA, &d36, &sig));
		}
		gnutls_free(sig.data);
	}
	for (i = 0; i < NSIGNS; i++) {
		gnutls_digest_algorithm_t h = gnutls_sign_get_hash_algorithm(signs[i]);
		gnutls_datum_t *in = h == GNUTLS_DIG_SHA256 ? &d32 : h == GNUTLS_DIG_SHA384 ? &d48
				     : h == GNUTLS_DIG_SHA512 ? &d64 : &d20;
		r = gnutls_privkey_sign_hash2(key, signs[i], 0, in, &sig);
		printf("  sign_hash2 %s: %d\n", gnutls_sign_get_name(signs[i]), r);
		if (r < 0)
			continue;
		if (deterministic(signs[i]))
			dhex("sig", &sig);
		printf("    verify_hash2=%d verify_data2=%d\n",
			       gnutls_pubkey_verify_hash2(pub, signs[i], 0, in, &sig),
			       gnutls_pubkey_verify_data2(pub, signs[i], 0,
							  &(gnutls_datum_t){(unsigned char *)msg, sizeof msg - 1}, &sig));
		gnutls_free(sig.data);
	}
	r = gnutls_privkey_sign_hash2(key, 0, GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA, &d36, &sig);
	printf("  sign_hash2 tls1: %d\n", r);
	if (r == 0) {
		if (gnutls_pubkey_get_pk_algorithm(pub, NULL) == GNUTLS_PK_RSA)
			dhex("sig", &sig);
		gnutls_free(sig.data);
	}
	r = gnutls_privkey_sign_hash2(key, GNUTLS_SIGN_RSA_RAW, 0, &d36, &sig);
	printf("  sign_hash2 rsa-raw: %d\n", r);
	if (r == 0) {
		dhex("sig", &sig);
		gnutls_free(sig.data);
	}
}

static void raw_exports(gnutls_privkey_t key, gnutls_pubkey_t pub)
{
	gnutls_datum_t m, e, d, p, q, u, e1, e2, x, y = {NULL, 0}, k;
	gnutls_ecc_curve_t curve;
	unsigned flags;
	int r;

	for (flags = 0; flags <= GNUTLS_EXPORT_FLAG_NO_LZ; flags++) {
		r = gnutls_pubkey_export_rsa_raw2(pub, &m, &e, flags);
		printf("  pubkey_export_rsa_raw2 flags=%u: %d\n", flags, r);
		if (r == 0) {
			dhex("m", &m);
			dhex("e", &e);
			{
				gnutls_pubkey_t p2;
				unsigned char id1[64], id2[64];
				size_t s1 = sizeof id1, s2 = sizeof id2;
				gnutls_pubkey_init(&p2);
				printf("  pubkey_import_rsa_raw: %d\n", gnutls_pubkey_import_rsa_raw(p2, &m, &e));
				gnutls_pubkey_get_key_id(pub, 0, id1, &s1);
				printf("  reimported pk=%d\n", gnutls_pubkey_get_pk_algorithm(p2, NULL));
				if (gnutls_pubkey_get_key_id(p2, 0, id2, &s2) == 0)
					hex("reimported-id", id2, s2);
				gnutls_pubkey_deinit(p2);
			}
			gnutls_free(m.data);
			gnutls_free(e.data);
		}
		r = gnutls_pubkey_export_ecc_raw2(pub, &curve, &x, &y, flags);
		printf("  pubkey_export_ecc_raw2 flags=%u: %d\n", flags, r);
		if (r == 0) {
			gnutls_pubkey_t p2;
			unsigned char id2[64];
			size_t s2 = sizeof id2;
			printf("  curve=%s\n", gnutls_ecc_curve_get_name(curve));
			dhex("x", &x);
			if (y.data)
				dhex("y", &y);
			gnutls_pubkey_init(&p2);
			printf("  pubkey_import_ecc_raw: %d\n",
			       gnutls_pubkey_import_ecc_raw(p2, curve, &x, y.data ? &y : NULL));
			if (gnutls_pubkey_get_key_id(p2, 0, id2, &s2) == 0)
				hex("reimported-id", id2, s2);
			gnutls_pubkey_deinit(p2);
			gnutls_free(x.data);
			gnutls_free(y.data);
		}
		r = gnutls_privkey_export_rsa_raw2(key, &m, &e, &d, &p, &q, &u, &e1, &e2, flags);
		printf("  privkey_export_rsa_raw2 flags=%u: %d\n", flags, r);
		if (r == 0) {
			gnutls_privkey_t k2;
			gnutls_datum_t data = {(unsigned char *)msg, sizeof msg - 1}, sig;
			dhex("m", &m);
			dhex("e", &e);
			dhex("d", &d);
			dhex("p", &p);
			dhex("q", &q);
			dhex("u", &u);
			dhex("e1", &e1);
			dhex("e2", &e2);
			gnutls_privkey_init(&k2);
			printf("  privkey_import_rsa_raw: %d\n",
			       gnutls_privkey_import_rsa_raw(k2, &m, &e, &d, &p, &q, &u, &e1, &e2));
			printf("  reimported verify_params=%d\n", gnutls_privkey_verify_params(k2));
			r = gnutls_privkey_sign_data2(k2, GNUTLS_SIGN_RSA_SHA256, 0, &data, &sig);
			printf("  reimported sign=%d\n", r);
			if (r == 0) {
				dhex("sig", &sig);
				gnutls_free(sig.data);
			}
			gnutls_privkey_deinit(k2);
			gnutls_free(m.data);
			gnutls_free(e.data);
			gnutls_free(d.data);
			gnutls_free(p.data);
			gnutls_free(q.data);
			gnutls_free(u.data);
			gnutls_free(e1.data);
			gnutls_free(e2.data);
		}
		r = gnutls_privkey_export_ecc_raw2(key, &curve, &x, &y, &k, flags);
		printf("  privkey_export_ecc_raw2 flags=%u: %d\n", flags, r);
		if (r == 0) {
			gnutls_privkey_t k2;
			printf("  curve=%s\n", gnutls_ecc_curve_get_name(curve));
			dhex("x", &x);
			if (y.data)
				dhex("y", &y);
			dhex("k", &k);
			gnutls_privkey_init(&k2);
			printf("  privkey_import_ecc_raw: %d\n",
			       gnutls_privkey_import_ecc_raw(k2, curve, &x, y.data ? &y : NULL, &k));
			printf("  reimported pk=%d\n", gnutls_privkey_get_pk_algorithm(k2, NULL));
			gnutls_privkey_deinit(k2);
			gnutls_free(x.data);
			gnutls_free(y.data);
			gnutls_free(k.data);
		}
	}
}

static void pubkey_info(gnutls_pubkey_t pub)
{
	unsigned bits = 0, usage = 0;
	unsigned char buf[4096];
	size_t sz;
	gnutls_datum_t d;
	gnutls_x509_spki_t spki;
	unsigned flags[] = {0, GNUTLS_KEYID_USE_SHA1, GNUTLS_KEYID_USE_SHA256, GNUTLS_KEYID_USE_SHA512,
			    GNUTLS_KEYID_USE_BEST_KNOWN};
	unsigned i;
	int r;

	r = gnutls_pubkey_get_pk_algorithm(pub, &bits);
	printf("  pub pk=%d bits=%u\n", r, bits);
	r = gnutls_pubkey_get_key_usage(pub, &usage);
	printf("  pub usage rc=%d usage=%u\n", r, usage);
	for (i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		sz = sizeof buf;
		r = gnutls_pubkey_get_key_id(pub, flags[i], buf, &sz);
		printf("  key_id flags=%u rc=%d\n", flags[i], r);
		if (r == 0 && !hide_spki)
			hex("id", buf, sz);
	}
	sz = 3;
	r = gnutls_pubkey_get_key_id(pub, 0, buf, &sz);
	printf("  key_id short rc=%d size=%zu\n", r, sz);
	sz = 0;
	r = gnutls_pubkey_export(pub, GNUTLS_X509_FMT_DER, NULL, &sz);
	printf("  export DER size query rc=%d size=%zu\n", r, hide_spki ? 0 : sz);
	sz = sizeof buf;
	r = gnutls_pubkey_export(pub, GNUTLS_X509_FMT_DER, buf, &sz);
	printf("  export DER rc=%d\n", r);
	if (r == 0 && !hide_spki)
		hex("spki", buf, sz);
	sz = sizeof buf;
	r = gnutls_pubkey_export(pub, GNUTLS_X509_FMT_PEM, buf, &sz);
	printf("  export PEM rc=%d size=%zu\n", r, hide_spki ? 0 : sz);
	if (r == 0 && !hide_spki)
		printf("%.*s", (int)sz, buf);
	r = gnutls_pubkey_export2(pub, GNUTLS_X509_FMT_PEM, &d);
	printf("  export2 PEM rc=%d size=%u\n", r, hide_spki ? 0 : d.size);
	if (r == 0) {
		gnutls_pubkey_t p2;
		gnutls_pubkey_init(&p2);
		r = gnutls_pubkey_import(p2, &d, GNUTLS_X509_FMT_PEM);
		printf("  reimport PEM=%d pk=%d\n", r, gnutls_pubkey_get_pk_algorithm(p2, NULL));
		gnutls_pubkey_deinit(p2);
		gnutls_free(d.data);
	}
	r = gnutls_pubkey_export2(pub, GNUTLS_X509_FMT_DER, &d);
	printf("  export2 DER rc=%d size=%u\n", r, hide_spki ? 0 : d.size);
	if (r == 0) {
		gnutls_pubkey_t p2;
		gnutls_pubkey_init(&p2);
		r = gnutls_pubkey_import(p2, &d, GNUTLS_X509_FMT_DER);
		printf("  reimport DER=%d pk=%d\n", r, gnutls_pubkey_get_pk_algorithm(p2, NULL));
		printf("  reimport as PEM=%d\n", gnutls_pubkey_import(p2, &d, GNUTLS_X509_FMT_PEM));
		d.size -= 1;
		printf("  reimport truncated=%d\n", gnutls_pubkey_import(p2, &d, GNUTLS_X509_FMT_DER));
		gnutls_pubkey_deinit(p2);
		gnutls_free(d.data);
	}
	gnutls_x509_spki_init(&spki);
	r = gnutls_pubkey_get_spki(pub, spki, 0);
	printf("  pub get_spki=%d\n", r);
	if (r == 0) {
		gnutls_digest_algorithm_t dig;
		unsigned salt;
		r = gnutls_x509_spki_get_rsa_pss_params(spki, &dig, &salt);
		printf("  spki pss rc=%d dig=%s salt=%u\n", r, gnutls_digest_get_name(dig), salt);
	}
	gnutls_x509_spki_deinit(spki);
	printf("  pub verify_params=%d\n", gnutls_pubkey_verify_params(pub));
}

static gnutls_privkey_t ext_target;

static int ext_info(gnutls_privkey_t key, unsigned int flags, void *userdata)
{
	(void)key;
	(void)userdata;
	if (flags & GNUTLS_PRIVKEY_INFO_PK_ALGO)
		return gnutls_privkey_get_pk_algorithm(ext_target, NULL);
	if (flags & GNUTLS_PRIVKEY_INFO_HAVE_SIGN_ALGO) {
		gnutls_sign_algorithm_t s = GNUTLS_FLAGS_TO_SIGN_ALGO(flags);
		return s == GNUTLS_SIGN_RSA_SHA384 ? 0 : 1;
	}
	return -1;
}

static int ext_sign_hash(gnutls_privkey_t key, gnutls_sign_algorithm_t algo, void *userdata, unsigned int flags,
			 const gnutls_datum_t *hash, gnutls_datum_t *signature)
{
	(void)key;
	(void)userdata;
	return gnutls_privkey_sign_hash2(ext_target, algo, flags, hash, signature);
}

static int ext_sign_data(gnutls_privkey_t key, gnutls_sign_algorithm_t algo, void *userdata, unsigned int flags,
			 const gnutls_datum_t *data, gnutls_datum_t *signature)
{
	(void)key;
	(void)userdata;
	return gnutls_privkey_sign_data2(ext_target, algo, flags, data, signature);
}

static int deinit_calls;
static void ext_deinit(gnutls_privkey_t key, void *userdata)
{
	(void)key;
	(void)userdata;
	deinit_calls++;
}

static int old_sign(gnutls_privkey_t key, void *userdata, const gnutls_datum_t *raw, gnutls_datum_t *signature)
{
	(void)key;
	(void)userdata;
	printf("    old_sign got %u bytes\n", raw->size);
	return gnutls_privkey_sign_hash(ext_target, 0, GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA, raw, signature);
}

static void ext_keys(gnutls_privkey_t key, gnutls_pubkey_t pub)
{
	gnutls_privkey_t ext;
	gnutls_datum_t data = {(unsigned char *)msg, sizeof msg - 1}, sig;
	unsigned i, bits = 0;
	int r, pk = gnutls_privkey_get_pk_algorithm(key, NULL);

	ext_target = key;
	deinit_calls = 0;
	gnutls_privkey_init(&ext);
	r = gnutls_privkey_import_ext4(ext, NULL, ext_sign_data, ext_sign_hash, NULL, ext_deinit, ext_info,
				       GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
	printf("  ext4 import=%d type=%d pk=%d\n", r, gnutls_privkey_get_type(ext),
	       gnutls_privkey_get_pk_algorithm(ext, &bits));
	for (i = 0; i < NSIGNS; i++) {
		r = gnutls_privkey_sign_data2(ext, signs[i], 0, &data, &sig);
		if (r < 0) {
			printf("  ext4 sign_data2 %s: %d\n", gnutls_sign_get_name(signs[i]), r);
			continue;
		}
		printf("  ext4 sign_data2 %s: %d verify=%d\n", gnutls_sign_get_name(signs[i]), r,
		       gnutls_pubkey_verify_data2(pub, signs[i], 0, &data, &sig));
		gnutls_free(sig.data);
	}
	gnutls_privkey_deinit(ext);
	printf("  ext4 deinit calls=%d\n", deinit_calls);

	if (pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_ECDSA) {
		deinit_calls = 0;
		gnutls_privkey_init(&ext);
		r = gnutls_privkey_import_ext2(ext, pk, NULL, old_sign, NULL, ext_deinit, 0);
		printf("  ext2 import=%d type=%d pk=%d\n", r, gnutls_privkey_get_type(ext),
		       gnutls_privkey_get_pk_algorithm(ext, NULL));
		r = gnutls_privkey_sign_data(ext, GNUTLS_DIG_SHA256, 0, &data, &sig);
		printf("  ext2 sign_data sha256=%d\n", r);
		if (r == 0) {
			printf("    verify=%d\n", gnutls_pubkey_verify_data2(pub, gnutls_pk_to_sign(pk, GNUTLS_DIG_SHA256),
									0, &data, &sig));
			gnutls_free(sig.data);
		}
		gnutls_privkey_deinit(ext);
		printf("  ext2 deinit calls (no auto release)=%d\n", deinit_calls);
	}
}

static void one_key(const char *name)
{
	gnutls_datum_t kd, cd;
	gnutls_privkey_t key;
	gnutls_pubkey_t pub, cpub;
	gnutls_x509_spki_t spki;
	unsigned bits = 0;
	int r;

	printf("== %s\n", name);
	hide_spki = strcmp(name, "pssr") == 0;
	if (load(name, "key", &kd) < 0) {
		printf("  (no key)\n");
		return;
	}
	gnutls_privkey_init(&key);
	r = gnutls_privkey_import_x509_raw(key, &kd, GNUTLS_X509_FMT_PEM, NULL, 0);
	printf("  privkey_import_x509_raw=%d\n", r);
	if (r < 0) {
		gnutls_privkey_deinit(key);
		free(kd.data);
		return;
	}
	r = gnutls_privkey_get_pk_algorithm(key, &bits);
	printf("  priv pk=%d bits=%u type=%d status=%d verify_params=%d\n", r, bits,
	       gnutls_privkey_get_type(key), gnutls_privkey_status(key), gnutls_privkey_verify_params(key));
	{
		gnutls_digest_algorithm_t dig;
		size_t ss = 0;
		printf("  get_seed=%d\n", gnutls_privkey_get_seed(key, &dig, NULL, &ss));
	}
	gnutls_x509_spki_init(&spki);
	r = gnutls_privkey_get_spki(key, spki, 0);
	printf("  priv get_spki=%d\n", r);
	if (r == 0) {
		gnutls_digest_algorithm_t dig;
		unsigned salt;
		r = gnutls_x509_spki_get_rsa_pss_params(spki, &dig, &salt);
		printf("  spki pss rc=%d dig=%s salt=%u\n", r, gnutls_digest_get_name(dig), salt);
	}
	gnutls_x509_spki_deinit(spki);

	gnutls_pubkey_init(&pub);
	r = gnutls_pubkey_import_privkey(pub, key, GNUTLS_KEY_DIGITAL_SIGNATURE, 0);
	printf("  pubkey_import_privkey=%d\n", r);
	pubkey_info(pub);

	/* The same key from the certificate, and from the PEM public key. */
	if (load(name, "crt", &cd) == 0) {
		gnutls_x509_crt_t crt;
		gnutls_pcert_st pc;
		unsigned char id1[64], id2[64];
		size_t s1 = sizeof id1, s2 = sizeof id2;
		unsigned usage = 0;
		gnutls_pubkey_init(&cpub);
		r = gnutls_pubkey_import_x509_raw(cpub, &cd, GNUTLS_X509_FMT_PEM, 0);
		gnutls_pubkey_get_key_usage(cpub, &usage);
		gnutls_pubkey_get_key_id(pub, 0, id1, &s1);
		gnutls_pubkey_get_key_id(cpub, 0, id2, &s2);
		printf("  pubkey_import_x509_raw=%d usage=%u same-id=%d\n", r, usage,
		       s1 == s2 && memcmp(id1, id2, s1) == 0);
		gnutls_pubkey_deinit(cpub);
		gnutls_x509_crt_init(&crt);
		gnutls_x509_crt_import(crt, &cd, GNUTLS_X509_FMT_PEM);
		gnutls_pubkey_init(&cpub);
		r = gnutls_pubkey_import_x509(cpub, crt, 0);
		usage = 0;
		gnutls_pubkey_get_key_usage(cpub, &usage);
		printf("  pubkey_import_x509=%d usage=%u pk=%d\n", r, usage, gnutls_pubkey_get_pk_algorithm(cpub, NULL));
		gnutls_pubkey_deinit(cpub);

		r = gnutls_pcert_import_x509(&pc, crt, 0);
		printf("  pcert_import_x509=%d type=%d size=%u pk=%d\n", r, pc.type, pc.cert.size,
		       gnutls_pubkey_get_pk_algorithm(pc.pubkey, NULL));
		if (r == 0) {
			gnutls_x509_crt_t back;
			r = gnutls_pcert_export_x509(&pc, &back);
			printf("  pcert_export_x509=%d equal=%d\n", r, r == 0 ? gnutls_x509_crt_equals(back, crt) : -1);
			if (r == 0)
				gnutls_x509_crt_deinit(back);
			gnutls_pcert_deinit(&pc);
		}
		r = gnutls_pcert_import_x509_raw(&pc, &cd, GNUTLS_X509_FMT_PEM, 0);
		printf("  pcert_import_x509_raw=%d type=%d size=%u\n", r, pc.type, pc.cert.size);
		if (r == 0)
			gnutls_pcert_deinit(&pc);
		gnutls_x509_crt_deinit(crt);
		free(cd.data);
	}
	if (load(name, "pub", &cd) == 0) {
		gnutls_pcert_st pc;
		gnutls_pubkey_init(&cpub);
		r = gnutls_pubkey_import(cpub, &cd, GNUTLS_X509_FMT_PEM);
		printf("  pubkey_import PEM=%d pk=%d\n", r, gnutls_pubkey_get_pk_algorithm(cpub, NULL));
		gnutls_pubkey_deinit(cpub);
		r = gnutls_pcert_import_rawpk_raw(&pc, &cd, GNUTLS_X509_FMT_PEM, GNUTLS_KEY_KEY_CERT_SIGN, 0);
		printf("  pcert_import_rawpk_raw=%d type=%d size=%u\n", r, pc.type, hide_spki ? 0 : pc.cert.size);
		if (r == 0) {
			unsigned usage = 0;
			gnutls_pubkey_get_key_usage(pc.pubkey, &usage);
			printf("  rawpk usage=%u\n", usage);
			if (!hide_spki)
				hex("rawpk", pc.cert.data, pc.cert.size);
			gnutls_pcert_deinit(&pc);
		}
		free(cd.data);
	}

	raw_exports(key, pub);
	sign_matrix(key, pub);
	sign_hash_matrix(key, pub);
	ext_keys(key, pub);

	/* Encryption (RSA only). */
	{
		gnutls_datum_t pt = {(unsigned char *)"secret!", 7}, ct, out;
		unsigned char small[16];
		r = gnutls_pubkey_encrypt_data(pub, 0, &pt, &ct);
		printf("  encrypt=%d\n", r);
		if (r == 0) {
			printf("  ct size=%u\n", ct.size);
			r = gnutls_privkey_decrypt_data(key, 0, &ct, &out);
			printf("  decrypt=%d", r);
			if (r == 0) {
				printf(" match=%d", out.size == 7 && memcmp(out.data, "secret!", 7) == 0);
				gnutls_free(out.data);
			}
			printf("\n");
			printf("  decrypt2 exact=%d\n", gnutls_privkey_decrypt_data2(key, 0, &ct, small, 7));
			ct.data[ct.size - 1] ^= 1;
			r = gnutls_privkey_decrypt_data(key, 0, &ct, &out);
			printf("  decrypt tampered=%d\n", r);
			if (r == 0)
				gnutls_free(out.data);
			gnutls_free(ct.data);
		}
	}

	/* COPY: the abstract key survives the X.509 key; export gives a copy. */
	{
		gnutls_x509_privkey_t xk, xk2;
		gnutls_privkey_t k2;
		gnutls_datum_t data = {(unsigned char *)msg, sizeof msg - 1}, sig;
		r = gnutls_privkey_export_x509(key, &xk);
		printf("  export_x509=%d\n", r);
		if (r == 0) {
			gnutls_privkey_init(&k2);
			printf("  import_x509 copy=%d\n", gnutls_privkey_import_x509(k2, xk, GNUTLS_PRIVKEY_IMPORT_COPY));
			gnutls_x509_privkey_deinit(xk);
			r = gnutls_privkey_sign_data2(k2, gnutls_pk_to_sign(gnutls_privkey_get_pk_algorithm(k2, NULL),
									    GNUTLS_DIG_SHA512),
						      0, &data, &sig);
			printf("  sign after source released=%d\n", r);
			if (r == 0)
				gnutls_free(sig.data);
			r = gnutls_privkey_export_x509(k2, &xk2);
			printf("  export_x509 again=%d\n", r);
			if (r == 0)
				gnutls_x509_privkey_deinit(xk2);
			gnutls_privkey_deinit(k2);
		}
		if (gnutls_privkey_export_x509(key, &xk) == 0) {
			gnutls_privkey_init(&k2);
			printf("  import_x509 auto-release=%d\n",
			       gnutls_privkey_import_x509(k2, xk, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE));
			printf("  pk=%d\n", gnutls_privkey_get_pk_algorithm(k2, NULL));
			gnutls_privkey_deinit(k2);
		}
	}

	gnutls_pubkey_deinit(pub);
	gnutls_privkey_deinit(key);
	free(kd.data);
}

static void errors(void)
{
	gnutls_privkey_t k;
	gnutls_pubkey_t p;
	gnutls_x509_spki_t s;
	gnutls_datum_t junk = {(unsigned char *)"abc", 3}, e;
	gnutls_digest_algorithm_t h;
	unsigned u;
	unsigned char buf[64];
	size_t sz = sizeof buf;

	printf("== errors\n");
	gnutls_privkey_init(&k);
	printf("  empty privkey type=%d status=%d verify_params=%d\n", gnutls_privkey_get_type(k),
	       gnutls_privkey_status(k), gnutls_privkey_verify_params(k));
	printf("  import_url pkcs11=%d tpm=%d other=%d\n", gnutls_privkey_import_url(k, "pkcs11:object=x", 0),
	       gnutls_privkey_import_url(k, "tpmkey:file=x", 0), gnutls_privkey_import_url(k, "foo:bar", 0));
	printf("  import_tpm_url=%d\n", gnutls_privkey_import_tpm_url(k, "tpmkey:file=x", NULL, NULL, 0));
	printf("  import_x509_raw junk DER=%d PEM=%d\n",
	       gnutls_privkey_import_x509_raw(k, &junk, GNUTLS_X509_FMT_DER, NULL, 0),
	       gnutls_privkey_import_x509_raw(k, &junk, GNUTLS_X509_FMT_PEM, NULL, 0));
	gnutls_privkey_deinit(k);

	gnutls_pubkey_init(&p);
	printf("  empty pubkey pk=%d preferred=%d verify_params=%d\n", gnutls_pubkey_get_pk_algorithm(p, NULL),
	       gnutls_pubkey_get_preferred_hash_algorithm(p, &h, &u), gnutls_pubkey_verify_params(p));
	printf("  empty pubkey export2=%d key_id=%d\n", gnutls_pubkey_export2(p, GNUTLS_X509_FMT_DER, &e),
	       gnutls_pubkey_get_key_id(p, 0, buf, &sz));
	printf("  empty pubkey verify=%d encrypt=%d\n",
	       gnutls_pubkey_verify_data2(p, GNUTLS_SIGN_RSA_SHA256, 0, &junk, &junk),
	       gnutls_pubkey_encrypt_data(p, 0, &junk, &e));
	printf("  import_url pkcs11=%d tpm=%d other=%d\n", gnutls_pubkey_import_url(p, "pkcs11:object=x", 0),
	       gnutls_pubkey_import_url(p, "tpmkey:file=x", 0), gnutls_pubkey_import_url(p, "foo:bar", 0));
	printf("  import junk DER=%d PEM=%d\n", gnutls_pubkey_import(p, &junk, GNUTLS_X509_FMT_DER),
	       gnutls_pubkey_import(p, &junk, GNUTLS_X509_FMT_PEM));
	printf("  import_x509_raw junk DER=%d PEM=%d\n", gnutls_pubkey_import_x509_raw(p, &junk, GNUTLS_X509_FMT_DER, 0),
	       gnutls_pubkey_import_x509_raw(p, &junk, GNUTLS_X509_FMT_PEM, 0));
	printf("  set_key_usage=%d", gnutls_pubkey_set_key_usage(p, GNUTLS_KEY_KEY_ENCIPHERMENT));
	gnutls_pubkey_get_key_usage(p, &u);
	printf(" usage=%u\n", u);

	gnutls_x509_spki_init(&s);
	printf("  fresh spki get=%d\n", gnutls_x509_spki_get_rsa_pss_params(s, &h, &u));
	printf("  pubkey get_spki empty=%d set_spki empty=%d\n", gnutls_pubkey_get_spki(p, s, 0),
	       gnutls_pubkey_set_spki(p, s, 0));
	gnutls_x509_spki_set_rsa_pss_params(s, GNUTLS_DIG_SHA384, 48);
	printf("  spki get=%d", gnutls_x509_spki_get_rsa_pss_params(s, &h, &u));
	printf(" dig=%s salt=%u\n", gnutls_digest_get_name(h), u);
	printf("  pubkey set_spki pss on empty=%d\n", gnutls_pubkey_set_spki(p, s, 0));
	gnutls_x509_spki_deinit(s);
	gnutls_pubkey_deinit(p);
}

static void lists(void)
{
	gnutls_datum_t d;
	gnutls_pcert_st pcs[4];
	unsigned n, i;
	int r;
	char path[4096];

	printf("== pcert lists\n");
	if (load("chain", "pem", &d) < 0)
		return;
	n = 4;
	r = gnutls_pcert_list_import_x509_raw(pcs, &n, &d, GNUTLS_X509_FMT_PEM, 0);
	printf("  list_import_x509_raw=%d n=%u\n", r, n);
	if (r == 0) {
		for (i = 0; i < n; i++) {
			printf("  [%u] type=%d size=%u pk=%d\n", i, pcs[i].type, pcs[i].cert.size,
			       gnutls_pubkey_get_pk_algorithm(pcs[i].pubkey, NULL));
			gnutls_pcert_deinit(&pcs[i]);
		}
	}
	n = 2;
	r = gnutls_pcert_list_import_x509_raw(pcs, &n, &d, GNUTLS_X509_FMT_PEM, 0);
	printf("  list_import_x509_raw max=2: %d n=%u\n", r, n);
	if (r == 0)
		for (i = 0; i < n; i++)
			gnutls_pcert_deinit(&pcs[i]);
	n = 2;
	r = gnutls_pcert_list_import_x509_raw(pcs, &n, &d, GNUTLS_X509_FMT_PEM,
					      GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED);
	printf("  list_import_x509_raw max=2 fail-if-exceed: %d n=%u\n", r, n);
	if (r == 0)
		for (i = 0; i < n; i++)
			gnutls_pcert_deinit(&pcs[i]);
	free(d.data);

	{
		static const char *files[] = {"chain", "unsorted"};
		static const unsigned fl[] = {0, GNUTLS_X509_CRT_LIST_SORT, GNUTLS_X509_CRT_LIST_FAIL_IF_UNSORTED};
		unsigned f, j;
		for (f = 0; f < 2; f++) {
			for (j = 0; j < 3; j++) {
				snprintf(path, sizeof path, "%s/%s.pem", dir, files[f]);
				n = 4;
				r = gnutls_pcert_list_import_x509_file(pcs, &n, path, GNUTLS_X509_FMT_PEM, NULL, NULL, fl[j]);
				printf("  list_import_x509_file %s flags=%u: %d n=%u", files[f], fl[j], r, n);
				if (r == 0)
					for (i = 0; i < n; i++) {
						printf(" %u", pcs[i].cert.size);
						gnutls_pcert_deinit(&pcs[i]);
					}
				printf("\n");
				if (load(files[f], "pem", &d) < 0)
					continue;
				n = 4;
				r = gnutls_pcert_list_import_x509_raw(pcs, &n, &d, GNUTLS_X509_FMT_PEM, fl[j]);
				printf("  list_import_x509_raw %s flags=%u: %d n=%u", files[f], fl[j], r, n);
				if (r == 0)
					for (i = 0; i < n; i++) {
						printf(" %u", pcs[i].cert.size);
						gnutls_pcert_deinit(&pcs[i]);
					}
				printf("\n");
				free(d.data);
			}
		}
	}
	snprintf(path, sizeof path, "%s/missing.pem", dir);
	n = 4;
	printf("  list_import_x509_file missing=%d\n",
	       gnutls_pcert_list_import_x509_file(pcs, &n, path, GNUTLS_X509_FMT_PEM, NULL, NULL, 0));
}

int main(int argc, char **argv)
{
	static const char *names[] = {"rsa", "pss", "pssr", "p256", "p384", "p521", "ed25519", "ed448"};
	char lib[4096];
	unsigned i;

	if (argc != 2) {
		fprintf(stderr, "usage: %s KEYDIR\n", argv[0]);
		return 2;
	}
	dir = argv[1];
	if (tlshim_loaded_gnutls(lib, sizeof lib) != 0) {
		fprintf(stderr, "libgnutls.so.30 not mapped\n");
		return 2;
	}
	printf("LOADED %s\n", lib);
	if (gnutls_global_init() < 0)
		return 1;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		one_key(names[i]);
	errors();
	lists();
	gnutls_global_deinit();
	return 0;
}
