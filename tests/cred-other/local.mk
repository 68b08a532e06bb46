# SPDX-License-Identifier: LGPL-2.1-or-later
# DH parameters, anonymous, PSK and SRP credentials, compared with the real GnuTLS.
check_PROGRAMS += tests/cred-other/diff-cred-other
tests_cred_other_diff_cred_other_SOURCES = tests/cred-other/diff-cred-other.c
tests_cred_other_diff_cred_other_LDADD = $(DIFF_LDADD)
TESTS += tests/cred-other/diff-cred-other.sh
EXTRA_DIST += tests/cred-other/diff-cred-other.sh

# The lookups the key exchanges use (PSK key file, client identity), on the
# facade's structures directly.
if HAVE_CHECK
check_PROGRAMS += tests/cred-other/test-cred-other
TESTS += tests/cred-other/test-cred-other
tests_cred_other_test_cred_other_SOURCES = tests/cred-other/test-cred-other.cc tests/unit/check-main.hh
tests_cred_other_test_cred_other_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_cred_other_test_cred_other_LDADD = $(UNIT_LDADD)
endif
