#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Chains generated now with certtool and openssl (gen-chains.sh) give the
# same verification status, status text, host name, e-mail and IP matches,
# trust-list and name-constraints results on the real GnuTLS and on tlshim.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$top_srcdir/tests/verify/gen-chains.sh" "$tmp/chains" || exit $?
"$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/verify/diff-verify" "$tmp/chains"
