#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Algorithm names, ids, lists, properties and error codes are the same on the
# real GnuTLS and on tlshim (gnutls_strerror texts excepted: only their kind).
exec "$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/algo/diff-algorithms"
