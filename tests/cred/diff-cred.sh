#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Certificate credentials filled from files generated now (gen-cred.sh)
# give the same return codes, counts and stored data on the real GnuTLS
# and on tlshim.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$top_srcdir/tests/cred/gen-cred.sh" "$tmp/files" || exit $?
"$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/cred/diff-cred" "$tmp/files"
