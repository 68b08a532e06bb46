/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * gnutls_x509_crt_get_authority_info_access over every selector and index,
 * and gnutls_x509_crt_import_url over URL kinds, for the certificates named
 * on the command line. Run by run-diff.sh on both libraries.
 */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>

#include "../common/loaded-lib.h"

static int load(const char *path, gnutls_datum_t *out)
{
	FILE *f = fopen(path, "rb");
	long n;
	if (f == NULL)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	out->data = malloc((size_t)n + 1);
	out->size = (unsigned)fread(out->data, 1, (size_t)n, f);
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	static const int whats[] = {GNUTLS_IA_ACCESSMETHOD_OID, GNUTLS_IA_ACCESSLOCATION_GENERALNAME_TYPE,
				    GNUTLS_IA_URI, GNUTLS_IA_OCSP_URI, GNUTLS_IA_CAISSUERS_URI, GNUTLS_IA_UNKNOWN, 0, 3};
	static const char *urls[] = {"pkcs11:token=x;object=y", "tpmkey:uuid=1", "file:///etc/x", "/etc/x", "", "system:x"};
	char path[4096];
	if (tlshim_loaded_gnutls(path, sizeof path) != 0) {
		fprintf(stderr, "libgnutls.so.30 is not mapped\n");
		return 1;
	}
	printf("LOADED %s\n", path);
	for (int f = 1; f < argc; f++) {
		gnutls_datum_t pem;
		gnutls_x509_crt_t c;
		if (load(argv[f], &pem) != 0)
			return 1;
		gnutls_x509_crt_init(&c);
		printf("%s: import %d\n", argv[f], gnutls_x509_crt_import(c, &pem, GNUTLS_X509_FMT_PEM));
		for (unsigned w = 0; w < sizeof whats / sizeof whats[0]; w++)
			for (unsigned seq = 0; seq < 5; seq++) {
				gnutls_datum_t d = {NULL, 0};
				unsigned crit = 7;
				int rc = gnutls_x509_crt_get_authority_info_access(c, seq, whats[w], &d, &crit);
				printf("  what=%d seq=%u rc=%d crit=%u size=%u", whats[w], seq, rc, crit, d.size);
				if (rc == 0)
					printf(" [%.*s]", (int)d.size, (char *)d.data);
				printf("\n");
				if (rc == 0)
					gnutls_free(d.data);
			}
		for (unsigned u = 0; u < sizeof urls / sizeof urls[0]; u++)
			printf("  import_url %s: %d\n", urls[u], gnutls_x509_crt_import_url(c, urls[u], 0));
		gnutls_x509_crt_deinit(c);
		free(pem.data);
	}
	return 0;
}
