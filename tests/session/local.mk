# SPDX-License-Identifier: LGPL-2.1-or-later
# Sessions: defaults and argument checks before the handshake, compared with
# the real GnuTLS.
check_PROGRAMS += tests/session/diff-session
tests_session_diff_session_SOURCES = tests/session/diff-session.c
tests_session_diff_session_LDADD = $(DIFF_LDADD)
TESTS += tests/session/diff-session.sh
EXTRA_DIST += tests/session/diff-session.sh
