/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test of the encoding functions: base64 and PEM, hexadecimal,
 * gnutls_memset/gnutls_memcmp and the private text helpers.  Every call is
 * made on well-formed, edge and malformed inputs and with short buffers; the
 * output (return codes, sizes, bytes, what is left in the result on failure)
 * must be identical on the real GnuTLS and on tlshim (see run-diff.sh).
 * Calls that crash the real library (null arguments) are not made.
 */
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi/private.h"
#include "../common/loaded-lib.h"

#define SENTINEL ((unsigned char *)0x1)

static void put_bytes(const unsigned char *p, size_t n)
{
	putchar('"');
	for (size_t i = 0; i < n; i++) {
		unsigned c = p[i];
		if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\r')
			fputs("\\r", stdout);
		else if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 32 || c > 126)
			printf("\\x%02x", c);
		else
			putchar((int)c);
	}
	putchar('"');
}

/* A datum after a call: its bytes on success, what was left in it otherwise. */
static void put_result(int r, gnutls_datum_t *d, unsigned extra_nuls)
{
	printf(" r=%d", r);
	if (r == 0) {
		printf(" size=%u ", d->size);
		put_bytes(d->data, d->size);
		for (unsigned i = 0; i < extra_nuls; i++)
			if (d->data[d->size + i] != 0)
				printf(" NO-NUL");
		gnutls_free(d->data);
	} else {
		printf(" data=%s size=%u", d->data == NULL ? "null" : d->data == SENTINEL ? "kept" : "other",
		       d->size);
	}
	putchar('\n');
}

static uint32_t fnv(const unsigned char *p, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static unsigned char pattern[4096];

/* ---------------------------------------------------------------- base64 -- */

static const char *labels[] = {
	NULL, "", "X", "CERTIFICATE", "RSA PRIVATE KEY", "A\nB",
	"12345678901234567890123456789012345678901234567890",  /* 50 */
	"123456789012345678901234567890123456789012345678901", /* 51 */
};
#define NLABELS (sizeof labels / sizeof labels[0])

static void test_encode(void)
{
	static const unsigned lens[] = {0, 1, 2, 3, 4, 5, 47, 48, 49, 95, 96, 97, 144, 200, 1000};
	for (size_t l = 0; l < NLABELS; l++) {
		for (size_t k = 0; k < sizeof lens / sizeof lens[0]; k++) {
			gnutls_datum_t in = {pattern, lens[k]};
			gnutls_datum_t out = {SENTINEL, 7};
			int r = gnutls_pem_base64_encode2(labels[l], &in, &out);
			printf("pem_encode2 label=%zu len=%u", l, lens[k]);
			put_result(r, &out, 1);

			/* The caller-buffer form: query, one short, exact, one more. */
			size_t need = 0;
			r = gnutls_pem_base64_encode(labels[l], &in, NULL, &need);
			printf("pem_encode query r=%d need=%zu\n", r, need);
			if (r != GNUTLS_E_SHORT_MEMORY_BUFFER)
				continue;
			size_t tries[] = {need - 2, need - 1, need, need + 5};
			for (size_t t = 0; t < 4; t++) {
				if (tries[t] > need + 5)
					continue; /* need - 2 wrapped around */
				char *buf = malloc(need + 8);
				memset(buf, 'Z', need + 8);
				size_t sz = tries[t];
				r = gnutls_pem_base64_encode(labels[l], &in, buf, &sz);
				printf("pem_encode room=%zu r=%d size=%zu ", tries[t], r, sz);
				put_bytes((unsigned char *)buf, need + 1 < tries[t] ? need + 1 : tries[t]);
				putchar('\n');
				free(buf);
			}
		}
	}
	for (unsigned n = 0; n <= 100; n++) {
		gnutls_datum_t in = {pattern + 7, n}, out = {SENTINEL, 7};
		int r = gnutls_base64_encode2(&in, &out);
		printf("base64_encode2 len=%u", n);
		put_result(r, &out, 1);
	}
	{
		gnutls_datum_t in = {NULL, 0}, out = {SENTINEL, 7};
		int r = gnutls_base64_encode2(&in, &out);
		printf("base64_encode2 null-empty");
		put_result(r, &out, 1);
		printf("pem_encode2 null result r=%d\n", gnutls_pem_base64_encode2("X", &in, NULL));
		printf("base64_encode2 null result r=%d\n", gnutls_base64_encode2(&in, NULL));
	}
}

struct text {
	const char *s;
	size_t n;
};
#define T(s) {s, sizeof(s) - 1}

static const struct text pem_inputs[] = {
	T(""),
	T("YWJj"),
	T("-----BEGIN X-----\nYWJj\n-----END X-----\n"),
	T("-----BEGIN X-----\r\nYWJj\r\n-----END X-----\r\n"),
	T("junk before\r\n-----BEGIN X-----\r\nYW\r\nJj\r\n-----END X-----\r\ntrailer"),
	T("-----BEGIN XY-----\nYWJj\n-----END XY-----\n"),
	T("-----BEGIN X-----\nYWJj\n-----END Y-----\n"),
	T("-----BEGIN X-----\nYWJj\n-----END "),
	T("-----BEGIN X-----\nYWJj\n-----END"),
	T("-----BEGIN X-----\nYWJj\n-----ENDx"),
	T("-----BEGIN X-----\nYWJj\n-----END X"),
	T("-----BEGIN X-----\nYWJj-----END X"),
	T("-----BEGIN X-----\nYWJj\n----END X-----\n"),
	T("-----BEGIN X-----\nYWJj\n"),
	T("-----BEGIN X-----\nYWJj"),
	T("-----BEGIN X-----"),
	T("-----BEGIN X"),
	T("-----BEGIN "),
	T("-----BEGIN"),
	T("-----BEGIN X-----\n-----END X-----\n"),
	T("-----BEGIN X-----\n\n-----END X-----\n"),
	T("-----BEGIN X-----\nY W J j\n-----END X-----\n"),
	T("-----BEGIN X-----\nY\tW\vJ\fj\r\n-----END X-----\n"),
	T("-----BEGIN X-----\nYWJ\n-----END X-----\n"),
	T("-----BEGIN X-----\nYWI=\n-----END X-----\n"),
	T("-----BEGIN X-----\nYWI\n-----END X-----\n"),
	T("-----BEGIN X-----\nYQ==\n-----END X-----\n"),
	T("-----BEGIN X-----\nYQ=\n-----END X-----\n"),
	T("-----BEGIN X-----\nYQ= =\n-----END X-----\n"),
	T("-----BEGIN X-----\nYQ===\n-----END X-----\n"),
	T("-----BEGIN X-----\nYR==\n-----END X-----\n"),
	T("-----BEGIN X-----\nYWK=\n-----END X-----\n"),
	T("-----BEGIN X-----\nA===\n-----END X-----\n"),
	T("-----BEGIN X-----\n====\n-----END X-----\n"),
	T("-----BEGIN X-----\nYQ==YWJj\n-----END X-----\n"),
	T("-----BEGIN X-----\nYWJj\n=\n-----END X-----\n"),
	T("-----BEGIN X-----\nYWJj*\n-----END X-----\n"),
	T("-----BEGIN X-----\nYWJj-\n-----END X-----\n"),
	T("-----BEGIN X-----\nYW-Jj\n-----END X-----\n"),
	T("-----BEGIN X-----\nYWJj-ZGVm\n-----END X-----\n"),
	T("-----BEGIN X-----\nYWJj\nZGVm\n-----END X-----\n"),
	T("-----BEGIN X-----\nYW+j\n-----END X-----\n"),
	T("-----BEGIN X-----\nYW/j\n-----END X-----\n"),
	T("-----BEGIN X-----\nYW_j\n-----END X-----\n"),
	T("-----BEGIN X-----\nYW\0Jj\n-----END X-----\n"),
	T("-----BEGIN X-----\nYW\x85Jj\n-----END X-----\n"),
	T("-----BEGIN X-----\n\xff\n-----END X-----\n"),
	T("-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\n\nYWJj\n-----END X-----\n"),
	T("-----BEGIN X----- trailing\nYWJj\n-----END X-----\n"),
	T("-----BEGIN X-----YWJj\n-----END X-----\n"),
	T("-----BEGIN X--\nYWJj\n-----END X-----\n"),
	T("-----BEGIN X\nYWJj\n-----END X-----\n"),
	T("-----BEGIN X\nYWJj-----\nZGVm\n-----END X-----\n"),
	T("-----BEGIN X-----END \nYWJj\n"),
	T("-----BEGIN X----------BEGIN X-----\nYWJj\n-----END X-----\n"),
	T("-----BEGIN X-------\nYWJj\n-----END X-----\n"),
	T("-----BEGIN X-----\nYWJj\n-----BEGIN X-----\nZGVm\n-----END X-----\n"),
	T("-----BEGIN X-----\nYWJj\n-----END X-----\n-----BEGIN Y-----\nZGVm\n-----END Y-----\n"),
	T("-----BEGIN Y-----\nZGVm\n-----END Y-----\n-----BEGIN X-----\nYWJj\n-----END X-----\n"),
	T("-----BEGIN Y-----\nZGVm\n-----END Y-----\n-----BEGIN XY-----\nYWJj\n-----END XY-----\n"),
	T("-----BEGIN -----\nYWJj\n-----END -----\n"),
	T("-----BEGIN \nYWJj\n-----END -----\n"),
	T("-----BEGINX\nYWJj\n-----END -----\n"),
	T("-----begin X-----\nYWJj\n-----END X-----\n"),
	T("\0-----BEGIN X-----\nYWJj\n-----END X-----\n"),
	T("-----BEGIN X\0-----\nYWJj\n-----END X\0-----\n"),
	T("-----BEGIN \0X-----\nYWJj\n-----END X-----\n"),
	T("-----BEGIN X-----\nYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXpBQkNERUZHSElKS0xNTk9QUVJTVFVW\nV1hZWg==\n-----END X-----\n"),
	T("YWJj-"), T("YWJj\n"), T(" YWJj"), T("YWJj-ZGVm"), T("\n"), T(" "), T("-"), T("YW\0Jj"),
	T("YWJj\0"), T("YWJ"), T("YQ"), T("YQ="), T("YQ=="), T("Y"), T("YWJjYQ==\n"), T("YWJj="),
	T("YWJj\r\n"), T("YW Jj"), T("="), T("=="), T("===="), T("YWJj===="), T("AAAAA==="),
	T("AA=A"), T("AA=="), T("AAA="), T("AA==AA=="), T("A=A="), T("=AAA"), T("AA\r=\n="),
	T("YW\x80Jj"), T("////"), T("++++"), T("-----END X-----"),
	/* What is left in the result on failure depends on the body's shape. */
	T("\v-"), T("\f-"), T("\t-"), T("\r\n-"), T("*"), T("Y"), T("\xff"),
	T("-----BEGIN X-----\n\n\n\n-----END X-----\n"), T("-----BEGIN X-----    -----END X-----\n"),
	T("-----BEGIN X-----\v\v\v\v-----END X-----\n"), T("-----BEGIN X-----\f\f\f\f-----END X-----\n"),
	T("-----BEGIN X-----\t\t\t\t-----END X-----\n"), T("-----BEGIN X-----Y-----END X-----\n"),
	T("-----BEGIN X-----YW-----END X-----\n"), T("-----BEGIN X-----YWJ-----END X-----\n"),
	T("-----BEGIN X-----YWJ*-----END X-----\n"), T("-----BEGIN X-----YQ=-----END X-----\n"),
	T("-----BEGIN X-----YQ=\n-----END X-----\n"), T("-----BEGIN X-----\nY-ZZZZZZZZ\n-----END X-----\n"),
	T("-----BEGIN X------ZZZZZZZ\n-----END X-----\n"), T("-----BEGIN X-----\n\n\n-ZZZZ-----END X-----\n"),
	T("-----BEGIN X-----\n\xff\n-----END X-----\n"), T("-----BEGIN X-----\n\xff\xff\n-----END X-----\n"),
};
#define NPEM (sizeof pem_inputs / sizeof pem_inputs[0])

static void test_decode(void)
{
	static const char *headers[] = {NULL, "", "X", "Y", "XY", "CERTIFICATE"};
	for (size_t i = 0; i < NPEM; i++) {
		gnutls_datum_t in = {(unsigned char *)pem_inputs[i].s, (unsigned)pem_inputs[i].n};
		printf("input %zu ", i);
		put_bytes(in.data, in.size);
		putchar('\n');
		for (size_t h = 0; h < sizeof headers / sizeof headers[0]; h++) {
			gnutls_datum_t out = {SENTINEL, 5};
			int r = gnutls_pem_base64_decode2(headers[h], &in, &out);
			printf("  pem_decode2 hdr=%s", headers[h] ? headers[h] : "(null)");
			put_result(r, &out, 0);

			size_t need = 0;
			r = gnutls_pem_base64_decode(headers[h], &in, NULL, &need);
			printf("  pem_decode query r=%d need=%zu\n", r, need);
			if (r != GNUTLS_E_SHORT_MEMORY_BUFFER)
				continue;
			size_t tries[] = {0, need - 1, need, need + 3};
			for (size_t t = 0; t < 4; t++) {
				unsigned char buf[256];
				memset(buf, 'Z', sizeof buf);
				size_t sz = tries[t];
				r = gnutls_pem_base64_decode(headers[h], &in, buf, &sz);
				printf("  pem_decode room=%zu r=%d size=%zu ", tries[t], r, sz);
				put_bytes(buf, need + 1);
				putchar('\n');
			}
		}
		gnutls_datum_t out = {SENTINEL, 5};
		int r = gnutls_base64_decode2(&in, &out);
		printf("  base64_decode2");
		put_result(r, &out, 0);
	}
	{
		gnutls_datum_t in = {NULL, 0}, out = {SENTINEL, 5};
		int r = gnutls_base64_decode2(&in, &out);
		printf("base64_decode2 null-empty");
		put_result(r, &out, 0);
		out.data = SENTINEL;
		r = gnutls_pem_base64_decode2(NULL, &in, &out);
		printf("pem_decode2 null-empty");
		put_result(r, &out, 0);
		printf("pem_decode2 null result r=%d\n", gnutls_pem_base64_decode2("X", &in, NULL));
	}
	/* Labels of many lengths, found with and without the header. */
	for (size_t len = 1; len <= 2000; len = len * 3 + 1) {
		char *label = malloc(len + 1);
		char *text = malloc(2 * len + 64);
		memset(label, 'L', len);
		label[len] = 0;
		int n = sprintf(text, "-----BEGIN %s-----\nYWJj\n-----END %s-----\n", label, label);
		gnutls_datum_t in = {(unsigned char *)text, (unsigned)n}, out = {SENTINEL, 5};
		int r = gnutls_pem_base64_decode2(label, &in, &out);
		printf("long label %zu", len);
		put_result(r, &out, 0);
		free(label);
		free(text);
	}
}

/* Encode then decode every length 0..300 (both forms), on both libraries. */
static void test_round_trips(void)
{
	for (unsigned n = 0; n <= 300; n++) {
		gnutls_datum_t in = {pattern + n, n}, pem = {NULL, 0}, b64 = {NULL, 0};
		gnutls_datum_t back1 = {NULL, 0}, back2 = {NULL, 0};
		int r1 = gnutls_pem_base64_encode2("TEST DATA", &in, &pem);
		int r2 = r1 ? r1 : gnutls_pem_base64_decode2("TEST DATA", &pem, &back1);
		int r3 = gnutls_base64_encode2(&in, &b64);
		int r4 = r3 ? r3 : gnutls_base64_decode2(&b64, &back2);
		printf("round %u pem=%d/%d %08x %u ok=%d b64=%d/%d %08x ok=%d\n", n, r1, r2,
		       fnv(pem.data, pem.size), pem.size,
		       r2 == 0 && back1.size == n && memcmp(back1.data, in.data, n) == 0, r3, r4,
		       fnv(b64.data, b64.size),
		       r4 == 0 && back2.size == n && (n == 0 || memcmp(back2.data, in.data, n) == 0));
		gnutls_free(pem.data);
		gnutls_free(b64.data);
		if (r2 == 0)
			gnutls_free(back1.data);
		if (r4 == 0)
			gnutls_free(back2.data);
	}
}

/* ------------------------------------------------------------------- hex -- */

static void test_hex_encode(void)
{
	for (unsigned n = 0; n <= 6; n++) {
		gnutls_datum_t in = {pattern + 250, n};
		for (size_t room = 0; room <= 2 * n + 3; room++) {
			char buf[32];
			memset(buf, 'Z', sizeof buf);
			size_t sz = room;
			int r = gnutls_hex_encode(&in, buf, &sz);
			printf("hex_encode len=%u room=%zu r=%d size=%zu ", n, room, r, sz);
			put_bytes((unsigned char *)buf, room + 1);
			putchar('\n');
		}
		gnutls_datum_t out = {SENTINEL, 7};
		int r = gnutls_hex_encode2(&in, &out);
		printf("hex_encode2 len=%u", n);
		put_result(r, &out, 1);
	}
	gnutls_datum_t in = {pattern, 256}, out = {NULL, 0};
	int r = gnutls_hex_encode2(&in, &out);
	printf("hex_encode2 all bytes");
	put_result(r, &out, 1);
}

/* Every string of up to four characters over a small alphabet, through
 * gnutls_hex_decode, gnutls_hex_decode2 and gnutls_hex2bin with several rooms. */
static void hex_decode_one(const char *s, size_t n)
{
	gnutls_datum_t in = {(unsigned char *)s, (unsigned)n};
	printf("hex ");
	put_bytes(in.data, n);
	for (size_t room = 0; room <= 3; room++) {
		unsigned char buf[8];
		memset(buf, 0xee, sizeof buf);
		size_t sz = room;
		int r = gnutls_hex_decode(&in, buf, &sz);
		printf(" | dec%zu r=%d size=%zu %02x%02x%02x", room, r, sz, buf[0], buf[1], buf[2]);
		memset(buf, 0xee, sizeof buf);
		sz = room;
		r = gnutls_hex2bin(s, n, buf, &sz);
		printf(" | h2b%zu r=%d size=%zu %02x%02x%02x", room, r, sz, buf[0], buf[1], buf[2]);
	}
	gnutls_datum_t out = {SENTINEL, 9};
	int r = gnutls_hex_decode2(&in, &out);
	printf(" | dec2");
	put_result(r, &out, 0);
}

static void test_hex_decode(void)
{
	static const char alphabet[] = "0aF:g \n";
	const size_t na = sizeof alphabet - 1;
	char s[4];
	hex_decode_one("", 0);
	for (size_t len = 1; len <= 4; len++) {
		size_t total = 1;
		for (size_t i = 0; i < len; i++)
			total *= na;
		for (size_t v = 0; v < total; v++) {
			size_t x = v;
			for (size_t i = 0; i < len; i++, x /= na)
				s[i] = alphabet[x % na];
			hex_decode_one(s, len);
		}
	}
	static const struct text more[] = {
		T("000102030405060708090a0b0c0d0e0f"), T("ABCDEF"), T("abcdef"), T("aBcDeF"),
		T("0x12"), T("1g"), T("g1"), T("12345"), T("ab\0cd"), T("ab:cd:ef:01"),
		T("  ab  cd  "), T("ffffffffffffffffffffffffffffffff"), T("\xff\xfe"),
	};
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
		hex_decode_one(more[i].s, more[i].n);
	/* Every second character after a digit, for gnutls_hex2bin. */
	for (int c = 0; c < 256; c++) {
		char t[3] = {'7', (char)c, 'x'};
		unsigned char buf[4] = {0};
		size_t sz = sizeof buf;
		int r = gnutls_hex2bin(t, 3, buf, &sz);
		printf("hex2bin 7+%02x r=%d size=%zu %02x%02x\n", c, r, sz, buf[0], buf[1]);
	}
}

/* ------------------------------------------------------ memory primitives -- */

static void test_memory(void)
{
	static const struct text pairs[][2] = {
		{T("a"), T("a")}, {T("a"), T("b")}, {T("\x01"), T("\x00")}, {T("\xff"), T("\x00")},
		{T("\x80"), T("\x7f")}, {T("\x11\x22"), T("\x22\x11")}, {T("abcdef"), T("abcdeg")},
		{T("\x0f\xf0"), T("\xf0\x0f")},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		printf("memcmp %zu -> %d\n", i, gnutls_memcmp(pairs[i][0].s, pairs[i][1].s, pairs[i][0].n));
	printf("memcmp n=0 -> %d\n", gnutls_memcmp("a", "b", 0));
	for (unsigned n = 1; n <= 64; n++)
		printf("memcmp pattern %u -> %d\n", n, gnutls_memcmp(pattern, pattern + 256, n));
	unsigned char buf[16];
	memset(buf, 'x', sizeof buf);
	gnutls_memset(buf + 2, 'A', 5);
	gnutls_memset(buf + 8, 0x141, 3);
	gnutls_memset(buf + 12, 0, 2);
	gnutls_memset(buf, 'q', 0);
	printf("memset ");
	put_bytes(buf, sizeof buf);
	putchar('\n');
}

/* --------------------------------------------------------- private helpers -- */

static void test_bin2hex(void)
{
	/* Multi-character separators make the reference library write past the
	 * room it is given; only the room itself is compared. */
	static const char *seps[] = {NULL, "", ":", " ", "XY", "-=+"};
	for (size_t s = 0; s < sizeof seps / sizeof seps[0]; s++)
		for (unsigned n = 1; n <= 6; n++)
			for (size_t room = 0; room <= 22; room++) {
				char buf[64];
				memset(buf, '.', sizeof buf);
				const char *r = _gnutls_bin2hex(pattern + 100, n, buf, room, seps[s]);
				printf("bin2hex sep=%s n=%u room=%zu -> %s ", seps[s] ? seps[s] : "(null)", n,
				       room, r == NULL ? "NULL" : r == buf ? "buf" : "other");
				put_bytes((unsigned char *)buf, room);
				putchar('\n');
			}
	char big[1200];
	const char *r = _gnutls_bin2hex(pattern, 300, big, sizeof big, ":");
	printf("bin2hex 300 -> %s %zu %08x\n", r == big ? "buf" : "?", strlen(big),
	       fnv((unsigned char *)big, strlen(big)));
}

static void test_ip(void)
{
	static const unsigned char addrs[][16] = {
		{192, 168, 1, 2}, {0, 0, 0, 0}, {255, 255, 255, 255}, {10, 0, 0, 1},
		{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
		{0},
		{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
		{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4},
		{0x20, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1},
		{0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0},
		{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
		{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4},
		{0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	};
	static const unsigned sizes[] = {0, 3, 4, 5, 8, 15, 16, 17, 32};
	static const unsigned rooms[] = {0, 1, 15, 16, 17, 45, 46, 47, 48, 64};
	for (size_t a = 0; a < sizeof addrs / sizeof addrs[0]; a++)
		for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
			for (size_t k = 0; k < sizeof rooms / sizeof rooms[0]; k++) {
				unsigned char ip[32] = {0};
				memcpy(ip, addrs[a], 16);
				char buf[80];
				memset(buf, '.', sizeof buf);
				const char *r = _gnutls_ip_to_string(ip, sizes[s], buf, rooms[k]);
				printf("ip %zu size=%u room=%u -> %s ", a, sizes[s], rooms[k],
				       r == NULL ? "NULL" : r == buf ? "buf" : "other");
				put_bytes((unsigned char *)buf, rooms[k]);
				putchar('\n');
			}
	/* Address + netmask pairs, with contiguous and broken masks. */
	static const unsigned char masks4[][4] = {
		{255, 255, 255, 0}, {0, 0, 0, 0}, {255, 255, 255, 255}, {255, 0, 255, 0},
		{0x80, 0, 0, 0}, {255, 0xfe, 0, 0}, {0xf0, 0xff, 0, 0}, {255, 255, 255, 0xfe}, {0, 0, 0, 1},
	};
	for (size_t a = 0; a < 4; a++)
		for (size_t m = 0; m < sizeof masks4 / sizeof masks4[0]; m++) {
			unsigned char pair[8];
			memcpy(pair, addrs[a], 4);
			memcpy(pair + 4, masks4[m], 4);
			char buf[40];
			const char *r = _gnutls_cidr_to_string(pair, 8, buf, sizeof buf);
			printf("cidr4 %zu/%zu -> %s\n", a, m, r ? r : "NULL");
		}
	for (size_t a = 4; a < sizeof addrs / sizeof addrs[0]; a++)
		for (unsigned bits = 0; bits <= 128; bits += 7) {
			unsigned char pair[32] = {0};
			memcpy(pair, addrs[a], 16);
			for (unsigned b = 0; b < bits; b++)
				pair[16 + b / 8] |= (unsigned char)(0x80 >> (b % 8));
			if (bits % 3 == 2)
				pair[31] ^= 1; /* sometimes not contiguous */
			char buf[80];
			const char *r = _gnutls_cidr_to_string(pair, 32, buf, sizeof buf);
			printf("cidr6 %zu/%u -> %s\n", a, bits, r ? r : "NULL");
		}
	static const unsigned csizes[] = {0, 4, 7, 8, 9, 16, 31, 32, 33};
	for (size_t s = 0; s < sizeof csizes / sizeof csizes[0]; s++)
		for (unsigned room = 0; room <= 50; room += (room < 20 ? 1 : 7)) {
			unsigned char pair[40];
			memset(pair, 0xff, sizeof pair);
			pair[0] = 10;
			char buf[64];
			memset(buf, '.', sizeof buf);
			const char *r = _gnutls_cidr_to_string(pair, csizes[s], buf, room);
			printf("cidr size=%u room=%u -> %s ", csizes[s], room,
			       r == NULL ? "NULL" : r == buf ? "buf" : "other");
			put_bytes((unsigned char *)buf, room);
			putchar('\n');
		}
}

static const struct text ucs2_inputs[] = {
	T("\0"), T("a"), T("\0a"), T("a\0"), T("\0a\0b"), T("\0a\0"), T("\0\0"), T("\0\xe9"), T("\x20\xac"),
	T("\xd8\x3d\xde\x00"), T("\x3d\xd8\x00\xde"), T("\xd8\x3d"), T("\x3d\xd8"), T("\xde\x00"),
	T("\x00\xde"), T("\xd8\x3d\x00\x41"), T("\xdb\xff\xdf\xff"), T("\xff\xdb\xff\xdf"),
	T("\xd8\x00\xd8\x00"), T("\xff\xfe"), T("\xfe\xff\x00\x41"), T("\xff\xfe\x41\x00"),
	T("\x00h\x00\xe9\x00l\x00l\x00o"),
};
static const struct text utf8_inputs[] = {
	T("\0"), T("a"), T("ab"), T("a\0b"), T("\xc3\xa9"), T("\xe2\x82\xac"), T("\xf0\x9f\x98\x80"),
	T("\xff"), T("\xc3"), T("a\xc2"), T("\x80"), T("\xed\xa0\x80"), T("\xed\x9f\xbf"), T("\xc0\x80"),
	T("\xc1\xbf"), T("\xc2\x80"), T("\xe0\x9f\xbf"), T("\xe0\xa0\x80"), T("\xf0\x8f\xbf\xbf"),
	T("\xf0\x90\x80\x80"), T("\xf4\x8f\xbf\xbf"), T("\xf4\x90\x80\x80"), T("\xf5\x80\x80\x80"),
	T("\xf8\x88\x80\x80\x80"), T("\xef\xbb\xbf" "a"), T("\xef\xbf\xbf"), T("h\xc3\xa9llo w\xc3\xb6rld"),
	T("\xe2\x82"), T("\xf0\x9f\x98"),
};

static void test_unicode(void)
{
	for (unsigned be = 0; be <= 2; be++) {
		for (size_t i = 0; i < sizeof ucs2_inputs / sizeof ucs2_inputs[0]; i++) {
			gnutls_datum_t out = {SENTINEL, 7};
			int r = _gnutls_ucs2_to_utf8(ucs2_inputs[i].s, ucs2_inputs[i].n, &out, be);
			printf("ucs2_to_utf8 be=%u %zu", be, i);
			put_result(r, &out, 1);
		}
		for (size_t i = 0; i < sizeof utf8_inputs / sizeof utf8_inputs[0]; i++) {
			gnutls_datum_t out = {SENTINEL, 7};
			int r = _gnutls_utf8_to_ucs2(utf8_inputs[i].s, utf8_inputs[i].n, &out, be);
			printf("utf8_to_ucs2 be=%u %zu", be, i);
			put_result(r, &out, 2);
		}
		gnutls_datum_t out = {SENTINEL, 7};
		printf("empty r=%d r=%d\n", _gnutls_ucs2_to_utf8("", 0, &out, be),
		       _gnutls_utf8_to_ucs2("", 0, &out, be));
	}
	/* Every lead byte with a few second bytes (and valid continuation bytes
	 * after), in both directions of the big-endian flag. */
	static const unsigned char seconds[] = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff};
	for (int lead = 0; lead < 256; lead++) {
		printf("utf8 lead %02x:", lead);
		for (size_t s = 0; s < sizeof seconds; s++) {
			unsigned char t[4] = {(unsigned char)lead, seconds[s], 0x80, 0x80};
			for (size_t len = 2; len <= 4; len++) {
				gnutls_datum_t out = {SENTINEL, 7};
				int r = _gnutls_utf8_to_ucs2(t, len, &out, 1);
				printf(" %d", r);
				if (r == 0) {
					printf("/%08x", fnv(out.data, out.size));
					gnutls_free(out.data);
				}
			}
		}
		putchar('\n');
	}
	/* Every high byte of a big-endian unit followed by a low surrogate or a letter. */
	for (int hi = 0; hi < 256; hi++) {
		unsigned char t[4] = {(unsigned char)hi, 0x12, 0xdc, 0x00};
		unsigned char u[4] = {(unsigned char)hi, 0x12, 0x00, 0x41};
		gnutls_datum_t o1 = {SENTINEL, 7}, o2 = {SENTINEL, 7};
		int r1 = _gnutls_ucs2_to_utf8(t, 4, &o1, 1);
		int r2 = _gnutls_ucs2_to_utf8(u, 4, &o2, 1);
		printf("ucs2 hi %02x: %d/%08x %d/%08x\n", hi, r1, r1 ? 0 : fnv(o1.data, o1.size), r2,
		       r2 ? 0 : fnv(o2.data, o2.size));
		if (r1 == 0)
			gnutls_free(o1.data);
		if (r2 == 0)
			gnutls_free(o2.data);
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
	for (size_t i = 0; i < sizeof pattern; i++)
		pattern[i] = (unsigned char)(i * 167 + (i >> 8) * 13 + 5);

	test_encode();
	test_decode();
	test_round_trips();
	test_hex_encode();
	test_hex_decode();
	test_memory();
	test_bin2hex();
	test_ip();
	test_unicode();
	return 0;
}
