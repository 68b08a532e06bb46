#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# GOST 28147-89 (CNT, CFB, IMIT) gives the same results on the real GnuTLS and on tlshim.
exec "$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/crypto/diff-gost"
