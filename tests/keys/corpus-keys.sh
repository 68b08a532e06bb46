#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The private-key parser corpora (shared/corpora/private_key_parser and
# pkcs8_key_parser, beside the source tree) go through every import path
# without a crash, a hang or a sanitizer report.  Skipped where the corpora
# are absent.
set -u
corpora="$top_srcdir/../shared/corpora"
if [ ! -d "$corpora" ]; then
  echo "SKIP: $corpora is absent"
  exit 77
fi
n=0
for sub in private_key_parser pkcs8_key_parser; do
  dir="$corpora/$sub"
  [ -d "$dir" ] || { echo "FAIL: $dir is missing"; exit 1; }
  # Batches keep the command lines short.
  ls "$dir" | sed "s|^|$dir/|" > "${TMPDIR:-/tmp}/keys-corpus.$$"
  while read -r f; do set -- "$@" "$f"; done < "${TMPDIR:-/tmp}/keys-corpus.$$"
  rm -f "${TMPDIR:-/tmp}/keys-corpus.$$"
  count=$#
  [ "$count" -gt 0 ] || { echo "FAIL: $dir is empty"; exit 1; }
  if ! timeout 600 "$top_builddir/tests/keys/key-tool" import "$@"; then
    echo "FAIL: key-tool import crashed or failed on $sub"
    exit 1
  fi
  n=$((n + count))
  set --
done
echo "PASS: $n corpus inputs imported without a crash"
