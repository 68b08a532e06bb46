#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The ABI table agrees with the reference data, and doc/compatibility.md is
# what the table generates (so the committed report never goes stale).
set -u
: "${top_srcdir:?}"
PYTHON=${PYTHON:-python3}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" "$top_srcdir/lib/abi/gen-abi.py" check "$top_srcdir" || { echo "FAIL: symbols.tsv is inconsistent"; exit 1; }
"$PYTHON" "$top_srcdir/lib/abi/gen-abi.py" coverage "$top_srcdir" "$tmp/compat.md" > "$tmp/summary" || exit 1
if ! cmp -s "$tmp/compat.md" "$top_srcdir/doc/compatibility.md"; then
  echo "FAIL: doc/compatibility.md is stale: run 'make coverage' and commit it"
  diff -u "$top_srcdir/doc/compatibility.md" "$tmp/compat.md" | head -20
  exit 1
fi
cat "$tmp/summary"
echo "PASS: the ABI table is consistent and doc/compatibility.md is current"
