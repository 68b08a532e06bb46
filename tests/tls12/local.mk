# SPDX-License-Identifier: LGPL-2.1-or-later
# TLS 1.2: the PRF (RFC 5246 / RFC 2246 known answers), master secret, key
# block, Finished and exporter values, and CBC record protection (round
# trips, tampering, malformed padding, independently built records).
if HAVE_CHECK
check_PROGRAMS += tests/tls12/test-prf12 tests/tls12/test-cbc
TESTS += tests/tls12/test-prf12 tests/tls12/test-cbc
tests_tls12_test_prf12_SOURCES = tests/tls12/test-prf12.cc tests/unit/check-main.hh
tests_tls12_test_prf12_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_tls12_test_prf12_LDADD = $(UNIT_LDADD)
tests_tls12_test_cbc_SOURCES = tests/tls12/test-cbc.cc tests/unit/check-main.hh
tests_tls12_test_cbc_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_tls12_test_cbc_LDADD = $(UNIT_LDADD)
endif
