# SPDX-License-Identifier: LGPL-2.1-or-later
# Tests: verify
# A differential test over chains generated at test time (gen-chains.sh)
# and a unit test of host name matching and name constraints in the core.
check_PROGRAMS += tests/verify/diff-verify
tests_verify_diff_verify_SOURCES = tests/verify/diff-verify.c
tests_verify_diff_verify_LDADD = $(DIFF_LDADD)
TESTS += tests/verify/diff-verify.sh
EXTRA_DIST += tests/verify/diff-verify.sh tests/verify/gen-chains.sh

if HAVE_CHECK
check_PROGRAMS += tests/verify/test-verify
TESTS += tests/verify/test-verify
tests_verify_test_verify_SOURCES = tests/verify/test-verify.cc tests/unit/check-main.hh
tests_verify_test_verify_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_verify_test_verify_LDADD = $(UNIT_LDADD)
endif
