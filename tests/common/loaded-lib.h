/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * For tests that run a program "on tlshim": report which libgnutls.so.30
 * the dynamic linker actually mapped, read from /proc/self/maps.
 */
#ifndef TLSHIM_TESTS_LOADED_LIB_H
#define TLSHIM_TESTS_LOADED_LIB_H

#include <stdio.h>
#include <string.h>

/* Writes the path of the mapped libgnutls.so.30* into out; returns 0 if found. */
static inline int tlshim_loaded_gnutls(char *out, size_t outlen)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[4096];
	int rc = -1;
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		char *path = strchr(line, '/');
		if (path == NULL || strstr(path, "libgnutls.so.30") == NULL)
			continue;
		path[strcspn(path, "\n")] = '\0';
		snprintf(out, outlen, "%s", path);
		rc = 0;
		break;
	}
	fclose(f);
	return rc;
}

#endif
