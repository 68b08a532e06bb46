# SPDX-License-Identifier: LGPL-2.1-or-later
# Tests: print.  Certificate descriptions (gnutls_x509_crt_print), DN
# objects, certificate getters and extension codecs, compared with the real
# GnuTLS on generated certificates and on the x509_parser corpus.
check_PROGRAMS += tests/print/diff-print
tests_print_diff_print_SOURCES = tests/print/diff-print.c
tests_print_diff_print_LDADD = $(DIFF_LDADD)
TESTS += tests/print/diff-print.sh tests/print/corpus-print.sh
EXTRA_DIST += tests/print/diff-print.sh tests/print/corpus-print.sh tests/print/gen-certs.sh \
	tests/print/corpus-known-diffs.txt
