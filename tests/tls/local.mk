# SPDX-License-Identifier: LGPL-2.1-or-later
# TLS engine: record protection known answers, round trips, tampering and
# framing; the TLS 1.3 key schedule against RFC 8448.
if HAVE_CHECK
check_PROGRAMS += tests/tls/test-record tests/tls/test-key-schedule
TESTS += tests/tls/test-record tests/tls/test-key-schedule
tests_tls_test_record_SOURCES = tests/tls/test-record.cc tests/unit/check-main.hh
tests_tls_test_record_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_tls_test_record_LDADD = $(UNIT_LDADD)
tests_tls_test_key_schedule_SOURCES = tests/tls/test-key-schedule.cc tests/unit/check-main.hh
tests_tls_test_key_schedule_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_tls_test_key_schedule_LDADD = $(UNIT_LDADD)
endif
