#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Host-name IDNA mapping gives the same results on the real GnuTLS and on tlshim.
exec "$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/encoding/diff-idna"
