# SPDX-License-Identifier: LGPL-2.1-or-later
# X.509: unit tests of the ASN.1 layer and the Certificate class; a
# differential test over certificates generated at test time with certtool
# and openssl, and over the x509_parser corpus when present.
check_PROGRAMS += tests/x509/diff-x509
tests_x509_diff_x509_SOURCES = tests/x509/diff-x509.c
tests_x509_diff_x509_LDADD = $(DIFF_LDADD)
check_PROGRAMS += tests/x509/diff-aia
tests_x509_diff_aia_SOURCES = tests/x509/diff-aia.c
tests_x509_diff_aia_LDADD = $(DIFF_LDADD)
TESTS += tests/x509/diff-x509.sh tests/x509/corpus-x509.sh tests/x509/diff-aia.sh
EXTRA_DIST += tests/x509/diff-x509.sh tests/x509/corpus-x509.sh tests/x509/gen-certs.sh tests/x509/diff-aia.sh \
	tests/x509/corpus-known-diffs.txt

if HAVE_CHECK
check_PROGRAMS += tests/x509/test-x509
TESTS += tests/x509/test-x509
tests_x509_test_x509_SOURCES = tests/x509/test-x509.cc tests/unit/check-main.hh
tests_x509_test_x509_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_x509_test_x509_LDADD = $(UNIT_LDADD)
endif
