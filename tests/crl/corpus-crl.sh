#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The CRL parser corpus (shared/corpora/x509_crl_parser, beside the source
# tree) through import, every getter, print and export gives the same
# output on the real GnuTLS and on tlshim; so do truncated copies of each
# input (which both libraries must reject alike).  Inputs listed in
# corpus-known-diffs.txt (documented differences) are left out of the
# comparison but must still be survived.  Skipped where the corpora are absent.
set -u
corpora="$top_srcdir/../shared/corpora"
if [ ! -d "$corpora" ]; then
  echo "SKIP: $corpora is absent"
  exit 77
fi
dir="$corpora/x509_crl_parser"
[ -d "$dir" ] || { echo "FAIL: $dir is missing"; exit 1; }
prog="$top_builddir/tests/crl/diff-crl"
known="$top_srcdir/tests/crl/corpus-known-diffs.txt"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' "$known" 2>/dev/null | grep . > "$tmp/skip"
set --
skipped=
for f in "$dir"/*; do
  name=$(basename "$f")
  if grep -qx "$name" "$tmp/skip"; then skipped="$skipped $f"; continue; fi
  set -- "$@" "$f"
done
if [ -n "$skipped" ]; then
  pre=
  case "${TLSHIM_SANITIZERS:-}" in
    *address*) pre=$(${CC:-gcc} -print-file-name=libasan.so) ;;
  esac
  # shellcheck disable=SC2086
  env LD_LIBRARY_PATH="$TLSHIM_LIBDIR" ${pre:+LD_PRELOAD=$pre} ASAN_OPTIONS=detect_leaks=0 \
    "$prog" -c $skipped > /dev/null 2> "$tmp/err" || { echo "FAIL: tlshim does not survive:$skipped"; cat "$tmp/err"; exit 1; }
fi
[ $# -gt 0 ] || { echo "FAIL: nothing to compare"; exit 1; }
exec "$top_srcdir/tests/common/run-diff.sh" "$prog" -c "$@"
