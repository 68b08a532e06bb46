# SPDX-License-Identifier: LGPL-2.1-or-later
# TLS 1.2 renegotiation (and the TLS 1.3 behaviour of gnutls_rehandshake)
# through the public API: client and server in one process over memory
# transports, every scenario asserting what it sees.  real.sh proves the
# assertions on the system's real GnuTLS; renegotiation.sh runs the same
# program on tlshim.
check_PROGRAMS += tests/renegotiation/renegotiation
tests_renegotiation_renegotiation_SOURCES = tests/renegotiation/renegotiation.c
tests_renegotiation_renegotiation_LDADD = $(DIFF_LDADD)
TESTS += tests/renegotiation/real.sh
TESTS += tests/renegotiation/renegotiation.sh
EXTRA_DIST += tests/renegotiation/renegotiation.sh tests/renegotiation/real.sh
