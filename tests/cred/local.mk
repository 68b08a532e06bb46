# SPDX-License-Identifier: LGPL-2.1-or-later
# Tests: cred
# Certificate credentials: a differential test of every gnutls_certificate_*
# setter and getter over chains, keys, trust bundles, CRLs and OCSP
# responses generated at test time; unit tests of the core helpers.
check_PROGRAMS += tests/cred/diff-cred
tests_cred_diff_cred_SOURCES = tests/cred/diff-cred.c
tests_cred_diff_cred_LDADD = $(DIFF_LDADD)
TESTS += tests/cred/diff-cred.sh
EXTRA_DIST += tests/cred/diff-cred.sh tests/cred/gen-cred.sh

if HAVE_CHECK
check_PROGRAMS += tests/cred/test-cred
TESTS += tests/cred/test-cred
tests_cred_test_cred_SOURCES = tests/cred/test-cred.cc tests/unit/check-main.hh
tests_cred_test_cred_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_cred_test_cred_LDADD = $(UNIT_LDADD)
endif
