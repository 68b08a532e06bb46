# SPDX-License-Identifier: LGPL-2.1-or-later
# Crypto layer: unit tests of the core classes (known answers, tamper, RNG)
# and a differential test of the public crypto API on both libraries.
check_PROGRAMS += tests/crypto/diff-crypto
tests_crypto_diff_crypto_SOURCES = tests/crypto/diff-crypto.c
tests_crypto_diff_crypto_LDADD = $(DIFF_LDADD)
TESTS += tests/crypto/diff-crypto.sh
EXTRA_DIST += tests/crypto/diff-crypto.sh

check_PROGRAMS += tests/crypto/diff-gost
tests_crypto_diff_gost_SOURCES = tests/crypto/diff-gost.c
tests_crypto_diff_gost_LDADD = $(DIFF_LDADD)
TESTS += tests/crypto/diff-gost.sh
EXTRA_DIST += tests/crypto/diff-gost.sh

if HAVE_CHECK
check_PROGRAMS += tests/crypto/test-crypto
TESTS += tests/crypto/test-crypto
tests_crypto_test_crypto_SOURCES = tests/crypto/test-crypto.cc tests/unit/check-main.hh
tests_crypto_test_crypto_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_crypto_test_crypto_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/crypto/test-gost
TESTS += tests/crypto/test-gost
tests_crypto_test_gost_SOURCES = tests/crypto/test-gost.cc tests/unit/check-main.hh
tests_crypto_test_gost_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_crypto_test_gost_LDADD = $(UNIT_LDADD)
endif
