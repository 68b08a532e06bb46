#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The ClientHello of tests/handshake/diff-hello.c for a set of priority
# strings must be the same on tlshim as on the real GnuTLS.
exec "$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/handshake/diff-hello"
