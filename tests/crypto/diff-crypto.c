/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test of the symmetric crypto API: every supported digest,
 * MAC, cipher and AEAD on fixed keys and inputs, the KDFs, the self tests,
 * and the error codes for unsupported algorithms, wrong key/IV/nonce/tag
 * sizes, short buffers and failed authentication.  The output must be the
 * same on the real GnuTLS and on tlshim (run-diff.sh).  Calls that crash or
 * corrupt memory in the real library (wrong fixed-size MAC keys, CCM
 * nonces outside 7..14 bytes, ...) are not made; nor are the few calls
 * whose real results depend on uninitialised state.
 */
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/self-test.h>
#include <stdio.h>
#include <string.h>

#include "../common/loaded-lib.h"

static unsigned char KEY[128], IV[64], MSG[300];

/* In a sanitizer build this program is instrumented too; the real library
 * leaks the context of a refused gnutls_hash_init()/gnutls_hmac_init(), so
 * leak detection is off for it (tlshim's leaks are checked by the unit tests). */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}

static void hex(const char *label, const void *p, size_t n)
{
	const unsigned char *b = p;
	printf("%s:", label);
	for (size_t i = 0; i < n; i++)
		printf("%02x", b[i]);
	putchar('\n');
}

/* Output lengths, kept here so the test does not depend on the getters. */
static size_t dig_len(int a)
{
	switch (a) {
	case GNUTLS_DIG_MD5: case GNUTLS_DIG_MD2: return 16;
	case GNUTLS_DIG_SHA1: return 20;
	case GNUTLS_DIG_SHA224: case GNUTLS_DIG_SHA3_224: return 28;
	case GNUTLS_DIG_SHA256: case GNUTLS_DIG_SHA3_256: case GNUTLS_DIG_GOSTR_94: case GNUTLS_DIG_STREEBOG_256: return 32;
	case GNUTLS_DIG_SHA384: case GNUTLS_DIG_SHA3_384: return 48;
	case GNUTLS_DIG_SHA512: case GNUTLS_DIG_SHA3_512: case GNUTLS_DIG_STREEBOG_512: return 64;
	case GNUTLS_DIG_MD5_SHA1: return 36;
	}
	return 0;
}

static const size_t lens[] = {0, 1, 3, 55, 56, 63, 64, 65, 127, 128, 129, 300};
#define NLENS (sizeof lens / sizeof lens[0])

static void digests(void)
{
	static const int algs[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 200, 209, 210, 999};
	for (size_t ai = 0; ai < sizeof algs / sizeof algs[0]; ai++) {
		int a = algs[ai];
		unsigned char out[80], out2[80];
		gnutls_hash_hd_t h;
		int r = gnutls_hash_init(&h, a);
		printf("hash_init %d = %d\n", a, r);
		if (r < 0) {
			printf("hash_fast %d = %d\n", a, gnutls_hash_fast(a, "abc", 3, out));
			continue;
		}
		size_t n = dig_len(a);
		for (size_t li = 0; li < NLENS; li++) {
			memset(out, 0xee, sizeof out);
			r = gnutls_hash_fast(a, MSG, lens[li], out);
			printf("hash_fast %d len %zu = %d ", a, lens[li], r);
			hex("", out, n + 2);
		}
		/* Incremental, output resets, copy continues independently.  (The
		 * real library's handle API writes nothing for MD2, whose length
		 * it reports as 0; tlshim writes the digest.) */
		if (a == GNUTLS_DIG_MD2) {
			gnutls_hash_deinit(h, NULL);
			continue;
		}
		gnutls_hash(h, MSG, 10);
		gnutls_hash_hd_t c = gnutls_hash_copy(h);
		gnutls_hash(h, MSG + 10, 100);
		gnutls_hash_output(h, out);
		hex("  incr", out, n);
		gnutls_hash_output(h, out);
		hex("  after-output", out, n);
		gnutls_hash(c, MSG + 10, 100);
		gnutls_hash_deinit(c, out2);
		printf("  copy-same %d\n", memcmp(out2, out, n) != 0);
		gnutls_hash(h, "abc", 3);
		gnutls_hash_deinit(h, out);
		hex("  deinit", out, n);
	}
}

static void macs(void)
{
	static const int algs[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 200,
				   201, 202, 203, 204, 205, 206, 207, 209, 210, 999};
	for (size_t ai = 0; ai < sizeof algs / sizeof algs[0]; ai++) {
		int a = algs[ai];
		/* Key sizes of the fixed-key MACs; HMAC is tried with several. */
		size_t ks = a == 201 || a == 202 || a == 203 || a == 205 ? 16 : a == 206 ? 24 : a == 204 || a == 207 ? 32 : 20;
		int fixed = a >= 201 && a <= 207;
		size_t outlen = a == 201 ? 12 : fixed ? 16 : dig_len(a);
		unsigned char out[80];
		gnutls_hmac_hd_t h;
		int r = gnutls_hmac_init(&h, a, KEY, ks);
		printf("hmac_init %d = %d\n", a, r);
		if (r < 0) {
			printf("hmac_fast %d = %d\n", a, gnutls_hmac_fast(a, KEY, ks, "abc", 3, out));
			continue;
		}
		int nonce = a == 201 || a == 202 || a >= 205;
		if (!fixed) {
			static const size_t kl[] = {0, 1, 20, 64, 65, 128, 129};
			for (size_t ki = 0; ki < sizeof kl / sizeof kl[0]; ki++)
				for (size_t li = 0; li < NLENS; li += 3) {
					memset(out, 0xee, sizeof out);
					r = gnutls_hmac_fast(a, KEY, kl[ki], MSG, lens[li], out);
					printf("hmac_fast %d key %zu len %zu = %d ", a, kl[ki], lens[li], r);
					hex("", out, outlen + 1);
				}
		} else {
			r = gnutls_hmac_fast(a, KEY, ks, MSG, 33, out);
			printf("hmac_fast %d = %d", a, r);
			if (r == 0)
				hex("", out, outlen);
			else
				putchar('\n');
		}
		if (nonce)
			gnutls_hmac_set_nonce(h, IV, 12);
		gnutls_hmac(h, MSG, 32);
		gnutls_hmac_hd_t c = gnutls_hmac_copy(h);
		gnutls_hmac(h, MSG + 32, 50);
		memset(out, 0xee, sizeof out);
		gnutls_hmac_output(h, out);
		hex("  incr", out, outlen + 1);
		if (a < 205) {
			/* HMAC/CMAC restart with the key; UMAC moves to the next nonce. */
			gnutls_hmac(h, MSG, 5);
			gnutls_hmac_output(h, out);
			hex("  next", out, outlen);
		}
		if (nonce) {
			gnutls_hmac_set_nonce(h, IV + 1, 8);
			gnutls_hmac(h, MSG, 48);
			gnutls_hmac_output(h, out);
			hex("  nonce8", out, outlen);
			gnutls_hmac_set_nonce(h, IV + 2, 16);
			gnutls_hmac(h, MSG, 7);
			gnutls_hmac_output(h, out);
			hex("  nonce16", out, outlen);
		}
		gnutls_hmac(c, MSG + 32, 50);
		gnutls_hmac_deinit(c, out);
		hex("  copy", out, outlen);
		gnutls_hmac_deinit(h, NULL);
	}
}

static void kdfs(void)
{
	unsigned char out[1024];
	gnutls_datum_t ikm = {KEY, 22}, salt = {IV, 13}, info = {IV + 20, 10}, empty = {(unsigned char *)"", 0};
	static const int hm[] = {2, 3, 6, 7, 8, 9, 15, 16, 17};
	for (size_t i = 0; i < sizeof hm / sizeof hm[0]; i++) {
		int m = hm[i];
		size_t n = dig_len(m);
		int r = gnutls_hkdf_extract(m, &ikm, &salt, out);
		printf("hkdf_extract %d = %d ", m, r);
		hex("", out, n);
		r = gnutls_hkdf_extract(m, &ikm, &empty, out);
		printf("hkdf_extract %d empty salt = %d ", m, r);
		hex("", out, n);
		gnutls_datum_t prk = {out, (unsigned)n};
		unsigned char okm[1024];
		static const size_t ol[] = {0, 1, 42, 100};
		for (size_t j = 0; j < 4; j++) {
			memset(okm, 0xee, sizeof okm);
			r = gnutls_hkdf_expand(m, &prk, &info, okm, ol[j]);
			printf("hkdf_expand %d len %zu = %d ", m, ol[j], r);
			hex("", okm, ol[j] + 1);
		}
		printf("hkdf_expand %d max = %d\n", m, gnutls_hkdf_expand(m, &prk, &info, okm, 255 * n > sizeof okm ? 0 : 255 * n));
		printf("hkdf_expand %d too long = %d\n", m, gnutls_hkdf_expand(m, &prk, &info, okm, 255 * n + 1));
		gnutls_datum_t pw = {(unsigned char *)"password", 8}, s = {(unsigned char *)"salt", 4};
		static const unsigned it[] = {1, 2, 100};
		for (size_t j = 0; j < 3; j++) {
			memset(okm, 0xee, 80);
			r = gnutls_pbkdf2(m, &pw, &s, it[j], okm, n + 7);
			printf("pbkdf2 %d iter %u = %d ", m, it[j], r);
			hex("", okm, n + 8);
		}
		r = gnutls_pbkdf2(m, &pw, &empty, 3, okm, 16);
		printf("pbkdf2 %d empty salt = %d ", m, r);
		hex("", okm, 16);
		r = gnutls_pbkdf2(m, &empty, &s, 3, okm, 16);
		printf("pbkdf2 %d empty password = %d ", m, r);
		hex("", okm, 16);
		printf("pbkdf2 %d len 0 = %d\n", m, gnutls_pbkdf2(m, &pw, &s, 3, okm, 0));
	}
	printf("hkdf_extract sha3 = %d\n", gnutls_hkdf_extract(GNUTLS_MAC_SHA3_256, &ikm, &salt, out));
	printf("hkdf_expand sha3 = %d\n", gnutls_hkdf_expand(GNUTLS_MAC_SHA3_256, &ikm, &info, out, 10));
	printf("pbkdf2 sha3 = %d\n", gnutls_pbkdf2(GNUTLS_MAC_SHA3_256, &ikm, &salt, 1, out, 10));
}

struct cdesc {
	int alg;
	unsigned ks, ivs, block; /* block: the unit data must come in, 0 = stream */
	int aead;                /* usable with add_auth/tag */
};

static const struct cdesc ciphers[] = {
	{GNUTLS_CIPHER_ARCFOUR_128, 16, 0, 0, 0},        {GNUTLS_CIPHER_3DES_CBC, 24, 8, 8, 0},
	{GNUTLS_CIPHER_AES_128_CBC, 16, 16, 16, 0},      {GNUTLS_CIPHER_AES_192_CBC, 24, 16, 16, 0},
	{GNUTLS_CIPHER_AES_256_CBC, 32, 16, 16, 0},      {GNUTLS_CIPHER_CAMELLIA_128_CBC, 16, 16, 16, 0},
	{GNUTLS_CIPHER_CAMELLIA_192_CBC, 24, 16, 16, 0}, {GNUTLS_CIPHER_CAMELLIA_256_CBC, 32, 16, 16, 0},
	{GNUTLS_CIPHER_DES_CBC, 8, 8, 8, 0},             {GNUTLS_CIPHER_RC2_40_CBC, 5, 8, 8, 0},
	{GNUTLS_CIPHER_SALSA20_256, 32, 8, 0, 0},        {GNUTLS_CIPHER_ESTREAM_SALSA20_256, 32, 8, 0, 0},
	{GNUTLS_CIPHER_CHACHA20_32, 32, 16, 0, 0},       {GNUTLS_CIPHER_CHACHA20_64, 32, 16, 0, 0},
	{GNUTLS_CIPHER_AES_128_CFB8, 16, 16, 0, 0},      {GNUTLS_CIPHER_AES_192_CFB8, 24, 16, 0, 0},
	{GNUTLS_CIPHER_AES_256_CFB8, 32, 16, 0, 0},      {GNUTLS_CIPHER_AES_128_XTS, 32, 16, 16, 0},
	{GNUTLS_CIPHER_AES_256_XTS, 64, 16, 16, 0},      {GNUTLS_CIPHER_AES_128_GCM, 16, 12, 16, 1},
	{GNUTLS_CIPHER_AES_192_GCM, 24, 12, 16, 1},      {GNUTLS_CIPHER_AES_256_GCM, 32, 12, 16, 1},
	{GNUTLS_CIPHER_CAMELLIA_128_GCM, 16, 12, 16, 1}, {GNUTLS_CIPHER_CAMELLIA_256_GCM, 32, 12, 16, 1},
	{GNUTLS_CIPHER_CHACHA20_POLY1305, 32, 12, 64, 1},
};

/* Nettle's CBC asserts on partial blocks inside the real library; only
 * GnuTLS's own AES code reports them as an error. */
static int partial_ok(const struct cdesc *d)
{
	return d->block == 0 || d->aead || d->alg == GNUTLS_CIPHER_AES_128_CBC || d->alg == GNUTLS_CIPHER_AES_192_CBC ||
	       d->alg == GNUTLS_CIPHER_AES_256_CBC || d->alg == GNUTLS_CIPHER_AES_128_XTS ||
	       d->alg == GNUTLS_CIPHER_AES_256_XTS;
}

static void classic_ciphers(void)
{
	static const int bad[] = {0, 1, 6, 19, 20, 21, 22, 37, 38, 42, 999};
	unsigned char buf[400], out[400];
	gnutls_cipher_hd_t h;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		gnutls_datum_t k = {KEY, 16}, v = {IV, 16};
		printf("cipher_init %d = %d\n", bad[i], gnutls_cipher_init(&h, bad[i], &k, &v));
	}
	for (size_t ci = 0; ci < sizeof ciphers / sizeof ciphers[0]; ci++) {
		const struct cdesc *d = &ciphers[ci];
		gnutls_datum_t k = {KEY, d->ks}, v = {IV, d->ivs};
		printf("== cipher %d\n", d->alg);
		/* Wrong sizes. */
		if (d->alg != GNUTLS_CIPHER_ARCFOUR_128) {
			k.size = d->ks - 1;
			printf("  key-1 = %d\n", gnutls_cipher_init(&h, d->alg, &k, &v));
			k.size = d->ks + 1;
			printf("  key+1 = %d\n", gnutls_cipher_init(&h, d->alg, &k, &v));
			k.size = d->ks;
			v.size = d->ivs + 1;
			printf("  iv+1 = %d\n", gnutls_cipher_init(&h, d->alg, &k, &v));
			v.size = d->ivs;
		}
		int r = gnutls_cipher_init(&h, d->alg, &k, d->ivs ? &v : NULL);
		printf("  init = %d\n", r);
		if (r < 0)
			continue;
		/* The real library ignores the Salsa20 nonce (tlshim uses it). */
		if (d->alg == GNUTLS_CIPHER_SALSA20_256 || d->alg == GNUTLS_CIPHER_ESTREAM_SALSA20_256) {
			gnutls_cipher_deinit(h);
			continue;
		}
		/* A message in pieces (whole units except the last), then decrypted. */
		size_t unit = d->block ? d->block : 1;
		size_t total = d->block == 16 && d->alg != GNUTLS_CIPHER_AES_128_XTS && d->alg != GNUTLS_CIPHER_AES_256_XTS ? 160 : 150;
		if (!d->aead && d->block)
			total = 160;
		if (d->alg == GNUTLS_CIPHER_3DES_CBC || d->alg == GNUTLS_CIPHER_DES_CBC || d->alg == GNUTLS_CIPHER_RC2_40_CBC)
			total = 160;
		memcpy(buf, MSG, total);
		if (d->aead)
			printf("  add_auth = %d\n", gnutls_cipher_add_auth(h, MSG + 200, 20));
		else
			printf("  add_auth = %d\n", gnutls_cipher_add_auth(h, MSG + 200, 20));
		size_t first = d->block == 64 ? 64 : d->block ? 4 * unit : 64;
		if (d->alg == GNUTLS_CIPHER_AES_128_XTS || d->alg == GNUTLS_CIPHER_AES_256_XTS)
			first = total; /* each call is one data unit */
		r = gnutls_cipher_encrypt(h, buf, first);
		printf("  enc1 = %d\n", r);
		if (first < total) {
			r = gnutls_cipher_encrypt2(h, buf + first, total - first, out, total - first);
			printf("  enc2 = %d\n", r);
			memcpy(buf + first, out, total - first);
		}
		hex("  ct", buf, total);
		if (d->aead) {
			unsigned char tag[20];
			memset(tag, 0xee, sizeof tag);
			printf("  tag = %d ", gnutls_cipher_tag(h, tag, 16));
			hex("", tag, 17);
		} else {
			unsigned char tag[16];
			printf("  tag = %d\n", gnutls_cipher_tag(h, tag, 16));
		}
		gnutls_cipher_set_iv(h, IV, d->ivs);
		if (d->aead)
			gnutls_cipher_add_auth(h, MSG + 200, 20);
		r = gnutls_cipher_decrypt(h, buf, first);
		printf("  dec1 = %d\n", r);
		if (first < total) {
			r = gnutls_cipher_decrypt2(h, buf + first, total - first, out, total - first);
			printf("  dec2 = %d\n", r);
			memcpy(buf + first, out, total - first);
		}
		printf("  roundtrip %d\n", memcmp(buf, MSG, total) == 0);
		if (d->aead) {
			unsigned char tag[16];
			printf("  dtag = %d ", gnutls_cipher_tag(h, tag, 16));
			hex("", tag, 16);
		}
		/* A new IV, short lengths, short output buffers. */
		gnutls_cipher_set_iv(h, IV + 3, d->ivs);
		for (size_t l = 0; l <= 33; l++) {
			if (l > 1 && l != 15 && l != 16 && l != 17 && l != 32 && l != 33)
				continue;
			if (d->aead && l != 0 && l != 16 && l != 32)
				continue; /* GCM in pieces must use whole blocks */
			if (d->aead && d->block == 64 && l != 0)
				continue;
			if (!partial_ok(d) && l % d->block != 0)
				continue;
			memcpy(buf, MSG, 40);
			r = gnutls_cipher_encrypt(h, buf, l);
			printf("  enc len %zu = %d ", l, r);
			hex("", buf, l);
		}
		if (d->block && !d->aead && partial_ok(d)) {
			/* (Nettle-based ciphers of the real library overrun the output.) */
			gnutls_cipher_set_iv(h, IV, d->ivs);
			printf("  enc2 short = %d\n", gnutls_cipher_encrypt2(h, MSG, 32, out, 31));
			printf("  dec2 short = %d\n", gnutls_cipher_decrypt2(h, MSG, 32, out, 16));
		}
		/* encrypt3/decrypt3, with and without padding. */
		if (!d->aead) {
			static const size_t pl[] = {0, 1, 15, 16, 17, 32, 33};
			for (size_t j = 0; j < sizeof pl / sizeof pl[0]; j++) {
				if ((d->alg == GNUTLS_CIPHER_AES_128_XTS || d->alg == GNUTLS_CIPHER_AES_256_XTS) && pl[j] < 16)
					continue;
				for (int pad = 0; pad <= 1; pad++) {
					if (!pad && !partial_ok(d) && pl[j] % d->block != 0)
						continue;
					size_t cl = sizeof out;
					gnutls_cipher_set_iv(h, IV, d->ivs);
					memset(out, 0xee, 64);
					r = gnutls_cipher_encrypt3(h, MSG, pl[j], out, &cl, pad ? GNUTLS_CIPHER_PADDING_PKCS7 : 0);
					printf("  enc3 len %zu pad %d = %d", pl[j], pad, r);
					if (r < 0) {
						putchar('\n');
						continue;
					}
					printf(" cl %zu ", cl);
					hex("", out, cl);
					size_t ptl = cl;
					gnutls_cipher_set_iv(h, IV, d->ivs);
					r = gnutls_cipher_decrypt3(h, out, cl, buf, &ptl, pad ? GNUTLS_CIPHER_PADDING_PKCS7 : 0);
					printf("  dec3 = %d ptl %zu same %d\n", r, ptl, r == 0 && memcmp(buf, MSG, pl[j]) == 0);
				}
			}
			if (d->block == 8 || (d->block == 16 && d->alg != GNUTLS_CIPHER_AES_128_XTS && d->alg != GNUTLS_CIPHER_AES_256_XTS)) {
				size_t cl = d->block;
				printf("  enc3 short = %d cl %zu\n",
				       gnutls_cipher_encrypt3(h, MSG, d->block, out, &cl, GNUTLS_CIPHER_PADDING_PKCS7), cl);
				cl = sizeof out;
				if (partial_ok(d))
					printf("  enc3 partial nopad = %d cl %zu\n", gnutls_cipher_encrypt3(h, MSG, 5, out, &cl, 0), cl);
				/* Bad padding: plaintext whose last byte is 0, then > block. */
				for (int variant = 0; variant < 3; variant++) {
					unsigned char p[32];
					memset(p, variant == 0 ? 0 : variant == 1 ? 0x41 : 3, sizeof p);
					if (variant == 2)
						p[2 * d->block - 2] = 4; /* inconsistent padding bytes */
					gnutls_cipher_set_iv(h, IV, d->ivs);
					gnutls_cipher_encrypt2(h, p, 2 * d->block, out, 2 * d->block);
					gnutls_cipher_set_iv(h, IV, d->ivs);
					size_t ptl = 2 * d->block;
					r = gnutls_cipher_decrypt3(h, out, 2 * d->block, buf, &ptl, GNUTLS_CIPHER_PADDING_PKCS7);
					printf("  badpad %d = %d ptl %zu\n", variant, r, ptl);
				}
				size_t ptl = 4;
				if (partial_ok(d))
					printf("  dec3 short = %d ptl %zu\n",
					       gnutls_cipher_decrypt3(h, out, 2 * d->block, buf, &ptl, GNUTLS_CIPHER_PADDING_PKCS7), ptl);
				ptl = sizeof buf;
				if (partial_ok(d))
					printf("  dec3 partial = %d\n", gnutls_cipher_decrypt3(h, out, d->block + 1, buf, &ptl, 0));
			}
		}
		gnutls_cipher_deinit(h);
	}
	/* GCM through the classic interface: associated data rules. */
	gnutls_datum_t k = {KEY, 16}, v = {IV, 12};
	gnutls_cipher_init(&h, GNUTLS_CIPHER_AES_128_GCM, &k, &v);
	printf("gcm add_auth 2 = %d\n", gnutls_cipher_add_auth(h, "AD", 2));
	printf("gcm add_auth again = %d\n", gnutls_cipher_add_auth(h, "AD", 2));
	memcpy(buf, "hello", 5);
	printf("gcm enc 5 = %d ", gnutls_cipher_encrypt(h, buf, 5));
	hex("", buf, 5);
	printf("gcm add_auth after data = %d\n", gnutls_cipher_add_auth(h, "AD", 2));
	printf("gcm enc after partial = %d\n", gnutls_cipher_encrypt(h, buf, 16));
	unsigned char tag[16];
	printf("gcm tag = %d ", gnutls_cipher_tag(h, tag, 16));
	hex("", tag, 16);
	gnutls_cipher_deinit(h);
	k.size = 32;
	gnutls_cipher_init(&h, GNUTLS_CIPHER_CHACHA20_POLY1305, &k, &v);
	printf("chacha-poly add_auth = %d\n", gnutls_cipher_add_auth(h, "AD", 2));
	memcpy(buf, "hello", 5);
	printf("chacha-poly enc 5 = %d ", gnutls_cipher_encrypt(h, buf, 5));
	hex("", buf, 5);
	printf("chacha-poly tag = %d ", gnutls_cipher_tag(h, tag, 16));
	hex("", tag, 16);
	gnutls_cipher_deinit(h);
}

struct adesc {
	int alg;
	unsigned ks, ns, maxtag;
	unsigned nmin, nmax; /* nonce lengths to try */
	int siv;
};

static const struct adesc aeads[] = {
	{GNUTLS_CIPHER_AES_128_GCM, 16, 12, 16, 12, 12, 0},     {GNUTLS_CIPHER_AES_192_GCM, 24, 12, 16, 12, 12, 0},
	{GNUTLS_CIPHER_AES_256_GCM, 32, 12, 16, 12, 12, 0},     {GNUTLS_CIPHER_CAMELLIA_128_GCM, 16, 12, 16, 1, 16, 0},
	{GNUTLS_CIPHER_CAMELLIA_256_GCM, 32, 12, 16, 1, 16, 0}, {GNUTLS_CIPHER_AES_128_CCM, 16, 12, 16, 7, 14, 0},
	{GNUTLS_CIPHER_AES_256_CCM, 32, 12, 16, 7, 14, 0},      {GNUTLS_CIPHER_AES_128_CCM_8, 16, 12, 8, 7, 14, 0},
	{GNUTLS_CIPHER_AES_256_CCM_8, 32, 12, 8, 7, 14, 0},     {GNUTLS_CIPHER_CHACHA20_POLY1305, 32, 12, 16, 12, 20, 0},
	{GNUTLS_CIPHER_AES_128_SIV, 32, 16, 16, 1, 20, 1},      {GNUTLS_CIPHER_AES_256_SIV, 64, 16, 16, 1, 20, 1},
};

static void aead_ciphers(void)
{
	static const int bad[] = {0, 1, 2, 3, 4, 29, 32, 35, 999};
	unsigned char ct[400], pt[400];
	size_t cl, pl;
	gnutls_aead_cipher_hd_t h;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		gnutls_datum_t k = {KEY, 16};
		printf("aead_init %d = %d\n", bad[i], gnutls_aead_cipher_init(&h, bad[i], &k));
	}
	for (size_t ai = 0; ai < sizeof aeads / sizeof aeads[0]; ai++) {
		const struct adesc *d = &aeads[ai];
		gnutls_datum_t k = {KEY, d->ks};
		printf("== aead %d\n", d->alg);
		if (d->alg != GNUTLS_CIPHER_AES_128_CCM && d->alg != GNUTLS_CIPHER_AES_256_CCM &&
		    d->alg != GNUTLS_CIPHER_AES_128_CCM_8 && d->alg != GNUTLS_CIPHER_AES_256_CCM_8) {
			k.size = d->ks - 1;
			printf("  key-1 = %d\n", gnutls_aead_cipher_init(&h, d->alg, &k));
			k.size = d->ks + 1;
			printf("  key+1 = %d\n", gnutls_aead_cipher_init(&h, d->alg, &k));
			k.size = d->ks;
		}
		int r = gnutls_aead_cipher_init(&h, d->alg, &k);
		printf("  init = %d\n", r);
		if (r < 0)
			continue;
		for (size_t li = 0; li < NLENS; li++) {
			size_t adl = lens[(li + 3) % NLENS];
			cl = sizeof ct;
			r = gnutls_aead_cipher_encrypt(h, IV, d->ns, MSG + 100, adl, 0, MSG, lens[li], ct, &cl);
			printf("  enc len %zu ad %zu = %d cl %zu ", lens[li], adl, r, cl);
			hex("", ct, cl);
			pl = sizeof pt;
			r = gnutls_aead_cipher_decrypt(h, IV, d->ns, MSG + 100, adl, 0, ct, cl, pt, &pl);
			printf("  dec = %d pl %zu same %d\n", r, pl, r == 0 && memcmp(pt, MSG, pl) == 0);
		}
		for (unsigned n = d->nmin; n <= d->nmax; n++) {
			cl = sizeof ct;
			r = gnutls_aead_cipher_encrypt(h, IV + 1, n, "AD", 2, 0, "hello", 5, ct, &cl);
			printf("  nonce %u = %d ", n, r);
			hex("", ct, cl);
		}
		for (unsigned t = 0; t <= 20; t++) {
			if (d->siv && t != 0 && t != 16 && t < 17)
				continue;
			cl = sizeof ct;
			memset(ct, 0xee, 32);
			r = gnutls_aead_cipher_encrypt(h, IV, d->ns, "AD", 2, t, "hello", 5, ct, &cl);
			printf("  tag %u = %d cl %zu", t, r, cl);
			if (r < 0) {
				putchar('\n');
				continue;
			}
			hex(" ", ct, cl);
			pl = sizeof pt;
			r = gnutls_aead_cipher_decrypt(h, IV, d->ns, "AD", 2, t, ct, cl, pt, &pl);
			printf("  tag %u dec = %d pl %zu\n", t, r, pl);
		}
		/* Sizes and authentication failures. */
		cl = 5 + d->maxtag - 1;
		printf("  enc short = %d cl %zu\n", gnutls_aead_cipher_encrypt(h, IV, d->ns, "AD", 2, 0, "hello", 5, ct, &cl), cl);
		cl = 0;
		printf("  enc zero = %d cl %zu\n", gnutls_aead_cipher_encrypt(h, IV, d->ns, "AD", 2, 0, "hello", 5, ct, &cl), cl);
		cl = 5 + d->maxtag;
		printf("  enc exact = %d cl %zu\n", gnutls_aead_cipher_encrypt(h, IV, d->ns, "AD", 2, 0, "hello", 5, ct, &cl), cl);
		pl = 4;
		printf("  dec short = %d pl %zu\n", gnutls_aead_cipher_decrypt(h, IV, d->ns, "AD", 2, 0, ct, cl, pt, &pl), pl);
		pl = 5;
		printf("  dec exact = %d pl %zu\n", gnutls_aead_cipher_decrypt(h, IV, d->ns, "AD", 2, 0, ct, cl, pt, &pl), pl);
		for (size_t pos = 0; pos < cl; pos += 4) {
			ct[pos] ^= 0x20;
			pl = sizeof pt;
			r = gnutls_aead_cipher_decrypt(h, IV, d->ns, "AD", 2, 0, ct, cl, pt, &pl);
			printf("  tamper %zu = %d pl %zu\n", pos, r, pl);
			ct[pos] ^= 0x20;
		}
		pl = sizeof pt;
		printf("  wrong ad = %d\n", gnutls_aead_cipher_decrypt(h, IV, d->ns, "Ad", 2, 0, ct, cl, pt, &pl));
		pl = sizeof pt;
		printf("  wrong nonce = %d\n", gnutls_aead_cipher_decrypt(h, IV + 1, d->ns, "AD", 2, 0, ct, cl, pt, &pl));
		pl = sizeof pt;
		printf("  too short = %d pl %zu\n", gnutls_aead_cipher_decrypt(h, IV, d->ns, "AD", 2, 0, ct, 3, pt, &pl), pl);
		pl = sizeof pt;
		printf("  tag too big = %d\n", gnutls_aead_cipher_decrypt(h, IV, d->ns, "AD", 2, 17, ct, cl, pt, &pl));
		/* Scattered forms. */
		giovec_t ad[3] = {{(void *)"A", 1}, {(void *)"", 0}, {(void *)"D", 1}};
		giovec_t in[3] = {{(void *)MSG, 20}, {(void *)(MSG + 20), 0}, {(void *)(MSG + 20), 45}};
		cl = sizeof ct;
		r = gnutls_aead_cipher_encryptv(h, IV, d->ns, ad, 3, 0, in, 3, ct, &cl);
		printf("  encryptv = %d cl %zu ", r, cl);
		hex("", ct, cl);
		size_t cl2 = 30;
		printf("  encryptv short = %d cl %zu\n", gnutls_aead_cipher_encryptv(h, IV, d->ns, ad, 3, 0, in, 3, ct, &cl2), cl2);
		unsigned char b1[20], b2[45], tag[32];
		memcpy(b1, MSG, 20);
		memcpy(b2, MSG + 20, 45);
		giovec_t io[2] = {{b1, 20}, {b2, 45}};
		size_t tl = d->maxtag;
		r = gnutls_aead_cipher_encryptv2(h, IV, d->ns, ad, 3, io, 2, tag, &tl);
		printf("  encryptv2 = %d tl %zu ", r, tl);
		hex("", b1, 20);
		hex("   b2", b2, 45);
		hex("   tag", tag, tl);
		if (!d->siv) {
			r = gnutls_aead_cipher_decryptv2(h, IV, d->ns, ad, 3, io, 2, tag, tl);
			printf("  decryptv2 = %d same %d\n", r, memcmp(b1, MSG, 20) == 0 && memcmp(b2, MSG + 20, 45) == 0);
			tl = 4;
			r = gnutls_aead_cipher_encryptv2(h, IV, d->ns, ad, 3, io, 2, tag, &tl);
			printf("  encryptv2 tag 4 = %d tl %zu ", r, tl);
			hex("", tag, tl);
			/* A bad tag fails (the real library leaves the buffers decrypted
			 * then, tlshim leaves the ciphertext: not compared). */
			unsigned char s1[20], s2[45];
			memcpy(s1, b1, 20);
			memcpy(s2, b2, 45);
			tag[0] ^= 1;
			r = gnutls_aead_cipher_decryptv2(h, IV, d->ns, ad, 3, io, 2, tag, 4);
			printf("  decryptv2 bad tag = %d\n", r);
			tag[0] ^= 1;
			memcpy(b1, s1, 20);
			memcpy(b2, s2, 45);
			r = gnutls_aead_cipher_decryptv2(h, IV, d->ns, ad, 3, io, 2, tag, 4);
			printf("  decryptv2 tag 4 = %d same %d\n", r, memcmp(b1, MSG, 20) == 0 && memcmp(b2, MSG + 20, 45) == 0);
		} else {
			r = gnutls_aead_cipher_decryptv2(h, IV, d->ns, ad, 3, io, 2, tag, tl);
			printf("  decryptv2 = %d\n", r);
		}
		tl = 17;
		printf("  encryptv2 tag 17 = %d tl %zu\n", gnutls_aead_cipher_encryptv2(h, IV, d->ns, ad, 3, io, 2, tag, &tl), tl);
		printf("  decryptv2 tag 17 = %d\n", gnutls_aead_cipher_decryptv2(h, IV, d->ns, ad, 3, io, 2, tag, 17));
		/* Rekeying. */
		gnutls_datum_t k2 = {KEY + 1, d->ks};
		printf("  set_key = %d\n", gnutls_aead_cipher_set_key(h, &k2));
		cl = sizeof ct;
		r = gnutls_aead_cipher_encrypt(h, IV, d->ns, NULL, 0, 0, "hello", 5, ct, &cl);
		/* The real AES-GCM keeps its old GHASH key after set_key, so only
		 * the ciphertext is compared there. */
		int aesgcm = d->alg == GNUTLS_CIPHER_AES_128_GCM || d->alg == GNUTLS_CIPHER_AES_192_GCM ||
			     d->alg == GNUTLS_CIPHER_AES_256_GCM;
		printf("  after set_key = %d ", r);
		hex("", ct, aesgcm ? 5 : cl);
		/* The real CCM takes keys of any size (and crashes when used). */
		k2.size = d->ks - 1;
		if (d->nmin != 7)
			printf("  set_key bad = %d\n", gnutls_aead_cipher_set_key(h, &k2));
		gnutls_aead_cipher_deinit(h);
	}
}

static void misc(void)
{
	unsigned char b[64];
	printf("rnd nonce = %d\n", gnutls_rnd(GNUTLS_RND_NONCE, b, sizeof b));
	printf("rnd random = %d\n", gnutls_rnd(GNUTLS_RND_RANDOM, b, sizeof b));
	printf("rnd key = %d\n", gnutls_rnd(GNUTLS_RND_KEY, b, sizeof b));
	printf("rnd level 3 = %d\n", gnutls_rnd((gnutls_rnd_level_t)3, b, sizeof b));
	printf("rnd len 0 = %d\n", gnutls_rnd(GNUTLS_RND_KEY, b, 0));
	gnutls_rnd_refresh();
	printf("rnd after refresh = %d\n", gnutls_rnd(GNUTLS_RND_KEY, b, sizeof b));

	/* Self tests: which algorithms have one, and that they pass.  The GOST
	 * ciphers and MACs (not provided by tlshim) are left out. */
	for (int a = 0; a <= 20; a++)
		printf("digest_self_test %d = %d\n", a, gnutls_digest_self_test(0, a));
	for (int a = 0; a <= 220; a++) {
		if ((a > 20 && a < 200) || a == 208 || a == 211 || a == 212)
			continue;
		printf("mac_self_test %d = %d\n", a, gnutls_mac_self_test(0, a));
	}
	for (int a = 0; a <= 45; a++) {
		if ((a >= 24 && a <= 28) || a == 34 || a == 40 || a == 41)
			continue;
		printf("cipher_self_test %d = %d\n", a, gnutls_cipher_self_test(0, a));
	}
	for (int a = 0; a <= 20; a++)
		printf("hkdf_self_test %d = %d, pbkdf2_self_test = %d\n", a, gnutls_hkdf_self_test(0, a),
		       gnutls_pbkdf2_self_test(0, a));
	printf("all: %d %d %d %d %d\n", gnutls_digest_self_test(GNUTLS_SELF_TEST_FLAG_ALL, 0),
	       gnutls_mac_self_test(GNUTLS_SELF_TEST_FLAG_ALL, 0), gnutls_cipher_self_test(GNUTLS_SELF_TEST_FLAG_ALL, 0),
	       gnutls_hkdf_self_test(GNUTLS_SELF_TEST_FLAG_ALL, 0), gnutls_pbkdf2_self_test(GNUTLS_SELF_TEST_FLAG_ALL, 0));
	printf("unknown: %d %d %d\n", gnutls_digest_self_test(0, 999), gnutls_mac_self_test(0, 999),
	       gnutls_cipher_self_test(0, 999));
}

int main(void)
{
	char path[4096];
	if (tlshim_loaded_gnutls(path, sizeof path) != 0)
		return 1;
	printf("LOADED %s\n", path);
	for (size_t i = 0; i < sizeof KEY; i++)
		KEY[i] = (unsigned char)(i * 7 + 1);
	for (size_t i = 0; i < sizeof IV; i++)
		IV[i] = (unsigned char)(0xa0 + i);
	for (size_t i = 0; i < sizeof MSG; i++)
		MSG[i] = (unsigned char)(i * 13 + 5);
	digests();
	macs();
	kdfs();
	classic_ciphers();
	aead_ciphers();
	misc();
	return 0;
}
