/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Helper of interop-abstract.sh, run on tlshim:
 *   interop-abstract sign KEY.pem SIGN-NAME DATA-FILE SIG-FILE
 *     signs the file with gnutls_privkey_sign_data2 and writes the signature;
 *   interop-abstract verify PUB.pem SIGN-NAME DATA-FILE SIG-FILE
 *     prints the result of gnutls_pubkey_verify_data2 (exit status 0 when
 *     the signature is valid, 1 when not).
 * The path of the libgnutls.so.30 in use is printed to stderr as
 * "LOADED <path>".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>

#include "../common/loaded-lib.h"

static int readf(const char *name, gnutls_datum_t *d)
{
	FILE *f = fopen(name, "rb");
	long n;
	if (f == NULL)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	d->data = malloc(n + 1);
	d->size = (unsigned)n;
	if (d->data == NULL || fread(d->data, 1, n, f) != (size_t)n) {
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	char lib[4096];
	gnutls_datum_t key, data, sig;
	gnutls_sign_algorithm_t s;
	int r;

	if (argc != 6) {
		fprintf(stderr, "usage: %s sign|verify KEY SIGN DATA SIG\n", argv[0]);
		return 2;
	}
	if (tlshim_loaded_gnutls(lib, sizeof lib) == 0)
		fprintf(stderr, "LOADED %s\n", lib);
	if (gnutls_global_init() < 0)
		return 2;
	s = gnutls_sign_get_id(argv[3]);
	if (s == GNUTLS_SIGN_UNKNOWN || readf(argv[2], &key) < 0 || readf(argv[4], &data) < 0) {
		fprintf(stderr, "bad arguments\n");
		return 2;
	}
	if (strcmp(argv[1], "sign") == 0) {
		gnutls_privkey_t k;
		FILE *f;
		gnutls_privkey_init(&k);
		r = gnutls_privkey_import_x509_raw(k, &key, GNUTLS_X509_FMT_PEM, NULL, 0);
		if (r < 0) {
			fprintf(stderr, "import: %s\n", gnutls_strerror(r));
			return 2;
		}
		r = gnutls_privkey_sign_data2(k, s, 0, &data, &sig);
		if (r < 0) {
			fprintf(stderr, "sign: %s\n", gnutls_strerror(r));
			return 2;
		}
		f = fopen(argv[5], "wb");
		if (f == NULL || fwrite(sig.data, 1, sig.size, f) != sig.size)
			return 2;
		fclose(f);
		gnutls_free(sig.data);
		gnutls_privkey_deinit(k);
	} else {
		gnutls_pubkey_t p;
		gnutls_pubkey_init(&p);
		r = gnutls_pubkey_import(p, &key, GNUTLS_X509_FMT_PEM);
		if (r < 0) {
			fprintf(stderr, "import: %s\n", gnutls_strerror(r));
			return 2;
		}
		if (readf(argv[5], &sig) < 0)
			return 2;
		r = gnutls_pubkey_verify_data2(p, s, 0, &data, &sig);
		printf("%d\n", r);
		free(sig.data);
		gnutls_pubkey_deinit(p);
		if (r < 0)
			return 1;
	}
	free(key.data);
	free(data.data);
	gnutls_global_deinit();
	return 0;
}
