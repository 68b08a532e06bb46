# SPDX-License-Identifier: LGPL-2.1-or-later
# TLS engine: record protection known answers, round trips, tampering and
# framing; the TLS 1.3 key schedule against RFC 8448; the record-level
# connection over memory transports (including an EAGAIN/one-byte one).
if HAVE_CHECK
check_PROGRAMS += tests/tls/test-record tests/tls/test-key-schedule tests/tls/test-connection
TESTS += tests/tls/test-record tests/tls/test-key-schedule tests/tls/test-connection
tests_tls_test_record_SOURCES = tests/tls/test-record.cc tests/unit/check-main.hh
tests_tls_test_record_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_tls_test_record_LDADD = $(UNIT_LDADD)
tests_tls_test_key_schedule_SOURCES = tests/tls/test-key-schedule.cc tests/unit/check-main.hh
tests_tls_test_key_schedule_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_tls_test_key_schedule_LDADD = $(UNIT_LDADD)
tests_tls_test_connection_SOURCES = tests/tls/test-connection.cc tests/unit/check-main.hh
tests_tls_test_connection_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_tls_test_connection_LDADD = $(UNIT_LDADD)
endif
