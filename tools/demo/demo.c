/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A small GnuTLS program, compiled against tlshim's headers and linked the
 * ordinary way (-lgnutls).  tools/demo.sh runs it on the system's GnuTLS and
 * on tlshim; it prints which library the dynamic linker mapped, then uses
 * the parts of the API that tlshim implements so far.
 */
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <stdio.h>
#include <string.h>

#include "../../tests/common/loaded-lib.h"

static void hex(const char *label, const unsigned char *p, size_t n)
{
	printf("%-28s ", label);
	for (size_t i = 0; i < n; i++)
		printf("%02x", p[i]);
	printf("\n");
}

int main(void)
{
	char path[4096] = "?";
	unsigned char out[64];
	gnutls_datum_t b64 = {NULL, 0};
	const gnutls_datum_t msg = {(unsigned char *)"abc", 3};
	int ret;

	tlshim_loaded_gnutls(path, sizeof path);
	printf("library mapped:              %s\n", path);
	printf("gnutls_check_version(NULL):  %s\n", gnutls_check_version(NULL));
	printf("version 3.6.0 acceptable:    %s\n", gnutls_check_version("3.6.0") ? "yes" : "no");

	ret = gnutls_hash_fast(GNUTLS_DIG_SHA256, "abc", 3, out);
	if (ret == 0)
		hex("SHA-256(\"abc\"):", out, 32);
	else
		printf("gnutls_hash_fast:            %s\n", gnutls_strerror_name(ret));
	ret = gnutls_hmac_fast(GNUTLS_MAC_SHA256, "key", 3, "The quick brown fox jumps over the lazy dog", 43, out);
	if (ret == 0)
		hex("HMAC-SHA256(key, fox):", out, 32);
	else
		printf("gnutls_hmac_fast:            %s\n", gnutls_strerror_name(ret));
	ret = gnutls_base64_encode2(&msg, &b64);
	if (ret == 0) {
		printf("base64(\"abc\"):               %.*s\n", (int)b64.size, b64.data);
		gnutls_free(b64.data);
	} else
		printf("gnutls_base64_encode2:       %s\n", gnutls_strerror_name(ret));
	printf("strerror_name(-28):          %s\n", gnutls_strerror_name(GNUTLS_E_AGAIN));
	printf("cipher name (AES-128-GCM):   %s\n", gnutls_cipher_get_name(GNUTLS_CIPHER_AES_128_GCM));
	printf("ffdhe2048 prime:             %u bytes\n", gnutls_ffdhe_2048_group_prime.size);

	/* The TLS engine is the next milestone: a handshake reports so. */
	{
		gnutls_session_t s = NULL;
		ret = gnutls_init(&s, GNUTLS_CLIENT);
		printf("gnutls_init:                 %s\n", ret == 0 ? "ok" : gnutls_strerror_name(ret));
		if (ret == 0)
			gnutls_deinit(s);
	}
	return 0;
}
