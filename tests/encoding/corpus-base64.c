/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Robustness corpus for the base64 and PEM decoders: every file of the
 * directory given as argument is decoded with gnutls_pem_base64_decode2()
 * (any label, and "CERTIFICATE") and gnutls_base64_decode2(); the result
 * codes and decoded bytes are printed, in file name order, so that
 * run-diff.sh can require identical results on the real GnuTLS and tlshim.
 */
#include <dirent.h>
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/loaded-lib.h"

static void put_result(const char *what, int r, gnutls_datum_t *d)
{
	printf("  %s r=%d", what, r);
	if (r == 0) {
		printf(" size=%u ", d->size);
		for (unsigned i = 0; i < d->size; i++)
			printf("%02x", d->data[i]);
		gnutls_free(d->data);
	}
	putchar('\n');
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int main(int argc, char **argv)
{
	char path[4096];
	if (argc != 2) {
		fprintf(stderr, "usage: %s DIRECTORY\n", argv[0]);
		return 2;
	}
	if (tlshim_loaded_gnutls(path, sizeof path) != 0) {
		fprintf(stderr, "libgnutls.so.30 is not mapped\n");
		return 1;
	}
	printf("LOADED %s\n", path);

	struct dirent **names;
	int n = scandir(argv[1], &names, NULL, by_name);
	if (n < 0) {
		perror(argv[1]);
		return 1;
	}
	int files = 0;
	for (int i = 0; i < n; i++) {
		if (names[i]->d_name[0] == '.') {
			free(names[i]);
			continue;
		}
		snprintf(path, sizeof path, "%s/%s", argv[1], names[i]->d_name);
		FILE *f = fopen(path, "rb");
		if (f == NULL) {
			perror(path);
			return 1;
		}
		fseek(f, 0, SEEK_END);
		long len = ftell(f);
		rewind(f);
		/* Exactly len bytes: no terminator after the data, so an over-read is an ASan report. */
		unsigned char *buf = malloc(len > 0 ? (size_t)len : 1);
		if (buf == NULL || fread(buf, 1, (size_t)len, f) != (size_t)len) {
			fprintf(stderr, "%s: read error\n", path);
			return 1;
		}
		fclose(f);
		gnutls_datum_t in = {buf, (unsigned)len}, out = {NULL, 0};
		printf("%s (%ld bytes)\n", names[i]->d_name, len);
		put_result("pem_decode2(any)", gnutls_pem_base64_decode2(NULL, &in, &out), &out);
		put_result("pem_decode2(CERTIFICATE)", gnutls_pem_base64_decode2("CERTIFICATE", &in, &out), &out);
		put_result("base64_decode2", gnutls_base64_decode2(&in, &out), &out);
		free(buf);
		free(names[i]);
		files++;
	}
	free(names);
	printf("%d files\n", files);
	return files > 0 ? 0 : 1;
}
