#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Chains generated now with certtool and openssl (gen-chains.sh) give the
# same verification status, status text, host name, e-mail and IP matches,
# trust-list and name-constraints results on the real GnuTLS and on tlshim.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$top_srcdir/tests/verify/gen-chains.sh" "$tmp/chains" || exit $?
# In a sanitizer build the program is instrumented, and LeakSanitizer
# reports two certificates that the real GnuTLS keeps after the trust-list
# calls that transfer ownership (remove_cas + add_cas, add_named_crt).
# run-diff.sh already runs the tlshim side without leak detection; do the
# same on the reference side (leaks in tlshim are covered by the unit tests).
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
export ASAN_OPTIONS
"$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/verify/diff-verify" "$tmp/chains"
