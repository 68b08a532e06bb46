/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test of GOST 28147-89 through the public crypto API: the
 * counter mode of the TLS GOST suite (GOST28147-TC26Z-CNT), the five CFB
 * ciphers and the TC26 Z imitovstavka MAC, on deterministic data of many
 * lengths (past the 1024-byte key meshing points), one-shot and in calls
 * of odd sizes, both directions, IV changes, the sizes the API reports and
 * the self tests.  The output must be the same on the real GnuTLS and on
 * tlshim (run-diff.sh).
 *
 * Calls that abort or hang in the real library are not made: CFB with an
 * IV of a size other than 8 (or none), and MAC keys of a size other than 32.
 */
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/self-test.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../common/loaded-lib.h"

#define MAXLEN 3100

static unsigned char KEY[32], KEY2[32], IV[8], IV2[8], MSG[MAXLEN];
static unsigned char CT[MAXLEN], OUT[MAXLEN], TMP[MAXLEN];

static void hex(const char *label, const unsigned char *p, size_t n)
{
	printf("%s:", label);
	for (size_t i = 0; i < n; i++)
		printf("%02x", p[i]);
	putchar('\n');
}

/* A compact fingerprint of a long output (FNV-1a, 64 bits) and its last bytes. */
static void summary(const char *label, const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	printf("%s: len %zu fnv %016llx tail ", label, n, (unsigned long long)h);
	size_t t = n < 12 ? n : 12;
	for (size_t i = n - t; i < n; i++)
		printf("%02x", p[i]);
	putchar('\n');
}

static const int CIPHERS[] = {
	GNUTLS_CIPHER_GOST28147_TC26Z_CNT, GNUTLS_CIPHER_GOST28147_TC26Z_CFB, GNUTLS_CIPHER_GOST28147_CPA_CFB,
	GNUTLS_CIPHER_GOST28147_CPB_CFB,   GNUTLS_CIPHER_GOST28147_CPC_CFB,   GNUTLS_CIPHER_GOST28147_CPD_CFB,
};
#define NCIPHERS (sizeof CIPHERS / sizeof CIPHERS[0])

static const size_t LENS[] = {0,    1,    2,    7,    8,    9,    15,   16,   17,   31,   63,   64,   65,  127,
			      1015, 1016, 1017, 1023, 1024, 1025, 1031, 1032, 1033, 1040, 2047, 2048, 2049, 2055,
			      2056, 2057, 3000, 3072, 3073};
#define NLENS (sizeof LENS / sizeof LENS[0])

/* Odd call sizes, cycled. */
static const size_t ODD[] = {1, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 61, 127, 251, 509, 1021};
#define NODD (sizeof ODD / sizeof ODD[0])

static gnutls_cipher_hd_t open_cipher(int alg, const unsigned char *key, const unsigned char *iv, size_t ivlen)
{
	gnutls_cipher_hd_t h;
	gnutls_datum_t k = {(unsigned char *)key, 32}, v = {(unsigned char *)iv, (unsigned)ivlen};
	int r = gnutls_cipher_init(&h, alg, &k, iv != NULL ? &v : NULL);
	if (r < 0) {
		printf("cipher_init %d = %d\n", alg, r);
		return NULL;
	}
	return h;
}

/* Encrypts (or decrypts) n bytes in calls of the sizes in ODD, starting at
 * index `start`; for CFB the sizes are rounded up to whole blocks so that
 * only the last call is partial (when `whole` is set). */
static void in_calls(gnutls_cipher_hd_t h, int decrypt, const unsigned char *in, unsigned char *out, size_t n,
		     size_t start, int whole)
{
	size_t at = 0, i = start;
	while (at < n) {
		size_t c = ODD[i++ % NODD];
		if (whole)
			c = (c + 7) / 8 * 8;
		if (c > n - at)
			c = n - at;
		int r = decrypt ? gnutls_cipher_decrypt2(h, in + at, c, out + at, c)
				: gnutls_cipher_encrypt2(h, in + at, c, out + at, c);
		if (r != 0)
			printf("  call of %zu at %zu = %d\n", c, at, r);
		at += c;
	}
}

static void properties(void)
{
	for (size_t i = 0; i < NCIPHERS; i++) {
		int a = CIPHERS[i];
		printf("cipher %d %s key %zu iv %u block %u tag %u id %d\n", a, gnutls_cipher_get_name(a),
		       gnutls_cipher_get_key_size(a), gnutls_cipher_get_iv_size(a), gnutls_cipher_get_block_size(a),
		       gnutls_cipher_get_tag_size(a), gnutls_cipher_get_id(gnutls_cipher_get_name(a)));
		printf("  self test %d\n", gnutls_cipher_self_test(0, a));
	}
	int m = GNUTLS_MAC_GOST28147_TC26Z_IMIT;
	printf("mac %d %s len %u key %zu nonce %zu id %d\n", m, gnutls_mac_get_name(m), gnutls_hmac_get_len(m),
	       gnutls_hmac_get_key_size(m), gnutls_mac_get_nonce_size(m), gnutls_mac_get_id(gnutls_mac_get_name(m)));
	printf("  self test %d\n", gnutls_mac_self_test(0, m));
}

static void init_errors(void)
{
	static const unsigned ks[] = {0, 16, 31, 33, 64};
	for (size_t i = 0; i < NCIPHERS; i++) {
		for (size_t j = 0; j < sizeof ks / sizeof ks[0]; j++) {
			gnutls_cipher_hd_t h;
			gnutls_datum_t k = {KEY, ks[j]}, v = {IV, 8};
			unsigned char big[64] = {0};
			if (ks[j] > 32)
				k.data = big;
			int r = gnutls_cipher_init(&h, CIPHERS[i], &k, &v);
			printf("cipher %d key size %u = %d\n", CIPHERS[i], ks[j], r);
			if (r == 0)
				gnutls_cipher_deinit(h);
		}
	}
}

static void one_cipher(int a)
{
	int cnt = a == GNUTLS_CIPHER_GOST28147_TC26Z_CNT;
	gnutls_cipher_hd_t h;
	printf("== cipher %d\n", a);

	/* The reference key stream: 3000 bytes in one call, in full. */
	h = open_cipher(a, KEY, IV, 8);
	if (h == NULL)
		return;
	gnutls_cipher_encrypt2(h, MSG, 3000, CT, 3000);
	gnutls_cipher_deinit(h);
	for (size_t at = 0; at < 3000; at += 64) {
		char label[32];
		snprintf(label, sizeof label, "  ct %4zu", at);
		hex(label, CT + at, 3000 - at < 64 ? 3000 - at : 64);
	}

	/* Every length in one call, both directions. */
	for (size_t i = 0; i < NLENS; i++) {
		size_t n = LENS[i];
		char label[48];
		h = open_cipher(a, KEY, IV, 8);
		int r = gnutls_cipher_encrypt2(h, MSG, n, OUT, n);
		gnutls_cipher_deinit(h);
		snprintf(label, sizeof label, "  enc %zu r %d", n, r);
		summary(label, OUT, n);
		h = open_cipher(a, KEY, IV, 8);
		r = gnutls_cipher_decrypt2(h, OUT, n, TMP, n);
		gnutls_cipher_deinit(h);
		printf("  dec %zu r %d back %d\n", n, r, memcmp(TMP, MSG, n) == 0);
	}

	/* Calls of odd sizes (for CFB: whole blocks but the last one). */
	for (size_t start = 0; start < 4; start++) {
		char label[48];
		h = open_cipher(a, KEY, IV, 8);
		in_calls(h, 0, MSG, OUT, 3000, start, !cnt);
		gnutls_cipher_deinit(h);
		snprintf(label, sizeof label, "  calls %zu", start);
		summary(label, OUT, 3000);
		printf("  same as one call %d\n", memcmp(OUT, CT, 3000) == 0);
		h = open_cipher(a, KEY, IV, 8);
		in_calls(h, 1, OUT, TMP, 3000, start + 5, !cnt);
		gnutls_cipher_deinit(h);
		printf("  decrypted in calls %d\n", memcmp(TMP, MSG, 3000) == 0);
	}

	/* Truly odd calls for CFB too: a partial block ends each call. */
	if (!cnt) {
		h = open_cipher(a, KEY, IV, 8);
		in_calls(h, 0, MSG, OUT, 3000, 0, 0);
		gnutls_cipher_deinit(h);
		summary("  partial calls", OUT, 3000);
		h = open_cipher(a, KEY, IV, 8);
		in_calls(h, 1, OUT, TMP, 3000, 0, 0);
		gnutls_cipher_deinit(h);
		printf("  partial calls back %d\n", memcmp(TMP, MSG, 3000) == 0);
		/* A partial block just before a meshing point. */
		static const size_t around[] = {1016, 5, 8, 1000, 3, 8, 16};
		h = open_cipher(a, KEY, IV, 8);
		size_t at = 0;
		for (size_t i = 0; i < sizeof around / sizeof around[0]; i++) {
			gnutls_cipher_encrypt2(h, MSG + at, around[i], OUT + at, around[i]);
			at += around[i];
		}
		gnutls_cipher_deinit(h);
		summary("  partial at meshing", OUT, at);
	}

	/* In place (gnutls_cipher_encrypt/decrypt). */
	h = open_cipher(a, KEY, IV, 8);
	memcpy(OUT, MSG, 2100);
	gnutls_cipher_encrypt(h, OUT, 1500);
	gnutls_cipher_encrypt(h, OUT + 1500, 600);
	gnutls_cipher_deinit(h);
	printf("  in place same %d\n", memcmp(OUT, CT, 2100) == 0);
	h = open_cipher(a, KEY, IV, 8);
	gnutls_cipher_decrypt(h, OUT, 2100);
	gnutls_cipher_deinit(h);
	printf("  in place back %d\n", memcmp(OUT, MSG, 2100) == 0);

	/* A new IV in the middle of a stream (after a meshing point). */
	h = open_cipher(a, KEY, IV, 8);
	gnutls_cipher_encrypt2(h, MSG, 1100, OUT, 1100);
	gnutls_cipher_set_iv(h, IV2, 8);
	gnutls_cipher_encrypt2(h, MSG, 40, OUT, 40);
	hex("  after set_iv", OUT, 40);
	gnutls_cipher_encrypt2(h, MSG + 40, 2000, OUT + 40, 2000);
	summary("  after set_iv, longer", OUT, 2040);
	gnutls_cipher_set_iv(h, IV, 8);
	gnutls_cipher_encrypt2(h, MSG, 40, OUT, 40);
	printf("  set_iv back to the first %d\n", memcmp(OUT, CT, 40) == 0);
	gnutls_cipher_deinit(h);

	/* Another key. */
	h = open_cipher(a, KEY2, IV2, 8);
	gnutls_cipher_encrypt2(h, MSG, 2100, OUT, 2100);
	gnutls_cipher_deinit(h);
	summary("  key2", OUT, 2100);

	if (cnt) {
		/* Without an IV, and IVs of other sizes (longer ones are cut). */
		h = open_cipher(a, KEY, NULL, 0);
		gnutls_cipher_encrypt2(h, MSG, 2100, OUT, 2100);
		summary("  no iv", OUT, 2100);
		gnutls_cipher_set_iv(h, IV, 8);
		gnutls_cipher_encrypt2(h, MSG, 64, OUT, 64);
		printf("  no iv then set_iv same %d\n", memcmp(OUT, CT, 64) == 0);
		gnutls_cipher_deinit(h);
		unsigned char iv16[16];
		memcpy(iv16, IV2, 8);
		memset(iv16 + 8, 0x5a, 8);
		h = open_cipher(a, KEY, iv16, 16);
		gnutls_cipher_encrypt2(h, MSG, 64, OUT, 64);
		hex("  iv of 16", OUT, 64);
		gnutls_cipher_set_iv(h, iv16, 12);
		gnutls_cipher_encrypt2(h, MSG, 64, OUT, 64);
		hex("  set_iv of 12", OUT, 64);
		gnutls_cipher_deinit(h);
	}
}

static void mac(void)
{
	int m = GNUTLS_MAC_GOST28147_TC26Z_IMIT;
	unsigned char out[16], out2[16];
	gnutls_hmac_hd_t h, c;
	printf("== mac\n");
	for (size_t n = 0; n <= 40; n++) {
		memset(out, 0xee, sizeof out);
		int r = gnutls_hmac_fast(m, KEY, 32, MSG, n, out);
		char label[32];
		snprintf(label, sizeof label, "  fast %zu r %d", n, r);
		hex(label, out, 6);
	}
	for (size_t i = 0; i < NLENS; i++) {
		size_t n = LENS[i];
		char label[48];
		gnutls_hmac_fast(m, KEY, 32, MSG, n, out);
		gnutls_hmac_fast(m, KEY2, 32, MSG, n, out2);
		snprintf(label, sizeof label, "  fast %zu", n);
		hex(label, out, 4);
		hex("    key2", out2, 4);
		/* The same message in odd pieces. */
		int r = gnutls_hmac_init(&h, m, KEY, 32);
		if (r != 0) {
			printf("  hmac_init = %d\n", r);
			continue;
		}
		size_t at = 0, k = i;
		while (at < n) {
			size_t cs = ODD[k++ % NODD];
			if (cs > n - at)
				cs = n - at;
			gnutls_hmac(h, MSG + at, cs);
			at += cs;
		}
		gnutls_hmac_deinit(h, out2);
		printf("    pieces same %d\n", memcmp(out, out2, 4) == 0);
	}

	/* Output restarts with the same key; the nonce is ignored; copies. */
	gnutls_hmac_init(&h, m, KEY, 32);
	gnutls_hmac(h, MSG, 1500);
	gnutls_hmac_output(h, out);
	hex("  out 1500", out, 4);
	gnutls_hmac_output(h, out);
	hex("  out empty", out, 4);
	gnutls_hmac(h, MSG, 9);
	gnutls_hmac_output(h, out);
	hex("  out 9", out, 4);
	gnutls_hmac_set_nonce(h, IV, 8);
	gnutls_hmac(h, MSG, 9);
	gnutls_hmac_output(h, out);
	hex("  nonce then 9", out, 4);
	gnutls_hmac(h, MSG, 1030);
	c = gnutls_hmac_copy(h);
	gnutls_hmac(h, MSG + 1030, 20);
	gnutls_hmac_deinit(h, out);
	hex("  orig 1050", out, 4);
	if (c != NULL) {
		gnutls_hmac(c, MSG + 1030, 20);
		gnutls_hmac_deinit(c, out2);
		printf("  copy same %d\n", memcmp(out, out2, 4) == 0);
	}
}

int main(void)
{
	char path[4096];
	if (tlshim_loaded_gnutls(path, sizeof path) != 0) {
		fprintf(stderr, "libgnutls.so.30 is not mapped\n");
		return 1;
	}
	printf("LOADED %s\n", path);
	for (size_t i = 0; i < sizeof KEY; i++) {
		KEY[i] = (unsigned char)(i * 11 + 5);
		KEY2[i] = (unsigned char)(0xff - i * 3);
	}
	for (size_t i = 0; i < sizeof IV; i++) {
		IV[i] = (unsigned char)(0xa0 + i);
		IV2[i] = (unsigned char)(0x13 * i + 1);
	}
	for (size_t i = 0; i < MAXLEN; i++)
		MSG[i] = (unsigned char)(i * 7 + (i >> 8) + 3);
	properties();
	init_errors();
	for (size_t i = 0; i < NCIPHERS; i++)
		one_cipher(CIPHERS[i]);
	mac();
	return 0;
}
