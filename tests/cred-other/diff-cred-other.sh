#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# DH parameters and the anonymous, PSK and SRP credentials behave the same
# on the real GnuTLS and on tlshim.
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
"$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/cred-other/diff-cred-other" "$dir"
