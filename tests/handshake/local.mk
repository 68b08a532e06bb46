# SPDX-License-Identifier: LGPL-2.1-or-later
# The TLS handshake through the public API: client and server in one
# process over memory transports, compared with the real GnuTLS.
check_PROGRAMS += tests/handshake/diff-handshake
tests_handshake_diff_handshake_SOURCES = tests/handshake/diff-handshake.c
tests_handshake_diff_handshake_LDADD = $(DIFF_LDADD)
TESTS += tests/handshake/diff-handshake.sh
EXTRA_DIST += tests/handshake/diff-handshake.sh tests/handshake/gen-certs.sh
