# SPDX-License-Identifier: LGPL-2.1-or-later
# Tests: crl.  A differential test over revocation lists generated at test
# time with certtool and openssl, the x509_crl_parser corpus when present,
# and unit tests of the Crl class.
check_PROGRAMS += tests/crl/diff-crl
tests_crl_diff_crl_SOURCES = tests/crl/diff-crl.c
tests_crl_diff_crl_LDADD = $(DIFF_LDADD)
TESTS += tests/crl/diff-crl.sh tests/crl/corpus-crl.sh
EXTRA_DIST += tests/crl/diff-crl.sh tests/crl/corpus-crl.sh tests/crl/gen-crls.sh \
	tests/crl/corpus-known-diffs.txt

if HAVE_CHECK
check_PROGRAMS += tests/crl/test-crl
TESTS += tests/crl/test-crl
tests_crl_test_crl_SOURCES = tests/crl/test-crl.cc tests/unit/check-main.hh
tests_crl_test_crl_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_crl_test_crl_LDADD = $(UNIT_LDADD)
endif
