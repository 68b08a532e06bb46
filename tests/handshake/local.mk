# SPDX-License-Identifier: LGPL-2.1-or-later
# The TLS handshake through the public API: client and server in one
# process over memory transports, compared with the real GnuTLS.
check_PROGRAMS += tests/handshake/diff-handshake
tests_handshake_diff_handshake_SOURCES = tests/handshake/diff-handshake.c
tests_handshake_diff_handshake_LDADD = $(DIFF_LDADD)
TESTS += tests/handshake/diff-handshake.sh
EXTRA_DIST += tests/handshake/diff-handshake.sh tests/handshake/gen-certs.sh
# The ClientHello for a set of priority strings, compared field by field.
check_PROGRAMS += tests/handshake/diff-hello
tests_handshake_diff_hello_SOURCES = tests/handshake/diff-hello.c
tests_handshake_diff_hello_LDADD = $(DIFF_LDADD)
TESTS += tests/handshake/diff-hello.sh
EXTRA_DIST += tests/handshake/diff-hello.sh
# max_fragment_length, record_size_limit and OCSP stapling.
check_PROGRAMS += tests/handshake/diff-mfl-ocsp
tests_handshake_diff_mfl_ocsp_SOURCES = tests/handshake/diff-mfl-ocsp.c
tests_handshake_diff_mfl_ocsp_LDADD = $(DIFF_LDADD)
TESTS += tests/handshake/diff-mfl-ocsp.sh
EXTRA_DIST += tests/handshake/diff-mfl-ocsp.sh tests/handshake/gen-ocsp.sh
# Data interleaved with a renegotiation (tlshim's behaviour; not differential).
check_PROGRAMS += tests/handshake/interleave
tests_handshake_interleave_SOURCES = tests/handshake/interleave.c
tests_handshake_interleave_LDADD = $(DIFF_LDADD)
TESTS += tests/handshake/interleave.sh
EXTRA_DIST += tests/handshake/interleave.sh
if HAVE_CHECK
check_PROGRAMS += tests/handshake/test-malformed
TESTS += tests/handshake/test-malformed
tests_handshake_test_malformed_SOURCES = tests/handshake/test-malformed.cc tests/unit/check-main.hh
tests_handshake_test_malformed_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_handshake_test_malformed_LDADD = $(UNIT_LDADD)
endif
