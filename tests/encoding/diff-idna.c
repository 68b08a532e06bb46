/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * gnutls_idna_map / gnutls_idna_reverse_map on a set of host names: ASCII,
 * upper case, German sharp s, Greek final sigma, emoji (transitional only),
 * STD3 violations, punycode that does not decode, invalid UTF-8, embedded
 * NULs, over-long labels.  Run by run-diff.sh on both libraries.
 */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>

#include "../common/loaded-lib.h"

static void show(const char *what, const char *in, unsigned len, unsigned flags, int r, gnutls_datum_t *o)
{
	printf("%s [", what);
	for (unsigned i = 0; i < len; i++)
		printf(in[i] >= 0x20 && in[i] < 0x7f ? "%c" : "\\x%02x", (unsigned char)in[i]);
	printf("] flags=%u -> %d", flags, r);
	if (r == 0)
		printf(" size=%u [%.*s] nul=%d", o->size, (int)o->size, (char *)o->data, o->data[o->size] == 0);
	printf("\n");
	gnutls_free(o->data);
	o->data = NULL;
	o->size = 0;
}

static void run(const char *in, unsigned len)
{
	static const unsigned flags[] = {0, GNUTLS_IDNA_FORCE_2008};
	for (unsigned i = 0; i < 2; i++) {
		gnutls_datum_t o = {NULL, 0};
		show("map", in, len, flags[i], gnutls_idna_map(in, len, &o, flags[i]), &o);
	}
	gnutls_datum_t o = {NULL, 0};
	show("rev", in, len, 0, gnutls_idna_reverse_map(in, len, &o, 0), &o);
}

int main(void)
{
	static const char *names[] = {
		"example.com", "EXAMPLE.com", "r\xc3\xa4ksm\xc3\xb6rg\xc3\xa5s.example", "fa\xc3\x9f.de",
		"xn--rksmrgs-5wao1o.example", "xn--zca.de", "XN--ZCA.DE", "\xff\xfe.com", "", "a..b",
		"xn--invalid-.com", "\xce\xa3\xce\x8a\xce\xa3\xce\xa5\xce\xa6\xce\x9f\xce\xa3.gr",
		"I\xe2\x9d\xa4U.ws", "xn--fa-hia.de", "ab--c.com", "\xe2\x98\x83.net", "_tcp.\xc3\xa4.com",
		"x_y.\xc3\xa4.com", "a-.\xc3\xa4.com", "-\xc3\xa4.com", "\xc3\xa4.com.", "\xc3\x84.COM",
		"xn--.com", "xn--a.com", "xn--ls8h.la", "\xf0\x9f\x92\xa9.la", "a\xcc\x88.com",
		"\xd9\x85\xd8\xab\xd8\xa7\xd9\x84.\xd8\xa5\xd8\xae\xd8\xaa\xd8\xa8\xd8\xa7\xd8\xb1",
		"1\xd9\x85.com", "\xe2\x80\x8d.com", "a\xe2\x80\x8c" "b.com", "\xef\xbc\xa1.com", "\xc3\xa4 b.com",
		"\xc3\xa4\xe3\x80\x82" "com", "*.\xc3\xa4.com", "\xc3\xa4:443",
	};
	char path[4096] = "?";
	char buf[400];

	tlshim_loaded_gnutls(path, sizeof path);
	printf("LOADED %s\n", path);
	for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
		run(names[i], (unsigned)strlen(names[i]));
	run("abc\0def", 7);
	run("ab\xc3\xa4\0def", 7);
	run("r\xc3\xa4k", 2); /* cut inside a UTF-8 sequence */
	run("xn--zca.dexyz", 10);
	memset(buf, 'a', sizeof buf);
	buf[5] = '\xc3';
	buf[6] = '\xa4';
	run(buf, 63);
	run(buf, 64);
	run(buf, 299);
	return 0;
}
