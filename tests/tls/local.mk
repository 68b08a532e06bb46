# SPDX-License-Identifier: LGPL-2.1-or-later
# TLS engine: record protection known answers, round trips, tampering and framing.
if HAVE_CHECK
check_PROGRAMS += tests/tls/test-record
TESTS += tests/tls/test-record
tests_tls_test_record_SOURCES = tests/tls/test-record.cc tests/unit/check-main.hh
tests_tls_test_record_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_tls_test_record_LDADD = $(UNIT_LDADD)
endif
