# SPDX-License-Identifier: LGPL-2.1-or-later
# Tests: handshake message and extension codec.
# test-rfc8448: the RFC 8448 section 3 messages parsed field by field and
# written back byte for byte; test-codec: round trips of every message and
# extension, rejections with the prescribed alert, a mutation loop.
if HAVE_CHECK
check_PROGRAMS += tests/messages/test-rfc8448 tests/messages/test-codec
TESTS += tests/messages/test-rfc8448 tests/messages/test-codec
tests_messages_test_rfc8448_SOURCES = tests/messages/test-rfc8448.cc tests/messages/vectors.hh tests/unit/check-main.hh
tests_messages_test_rfc8448_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_messages_test_rfc8448_LDADD = $(UNIT_LDADD)
tests_messages_test_codec_SOURCES = tests/messages/test-codec.cc tests/messages/vectors.hh tests/unit/check-main.hh
tests_messages_test_codec_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_messages_test_codec_LDADD = $(UNIT_LDADD)
endif
