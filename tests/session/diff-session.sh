#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# A session before its handshake behaves the same on the real GnuTLS and on tlshim.
exec "$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/session/diff-session"
