#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The X.509 parser corpus (shared/corpora/x509_parser, beside the source
# tree) gives the same results on the real GnuTLS and on tlshim, without
# crash or sanitizer report.  The real GnuTLS 3.7.9 aborts on a few inputs
# (an assertion in its DN code): those are left out of the comparison, and
# tlshim must merely survive them.  So are the inputs listed in
# corpus-known-diffs.txt, on which tlshim's results still differ (work in
# progress: GOST keys, some import-time checks, DN value corner cases); the
# list may only shrink.  Skipped where the corpora are absent.
set -u
corpora="$top_srcdir/../shared/corpora"
if [ ! -d "$corpora" ]; then
  echo "SKIP: $corpora is absent"
  exit 77
fi
dir="$corpora/x509_parser"
[ -d "$dir" ] || { echo "FAIL: $dir is missing"; exit 1; }
prog="$top_builddir/tests/x509/diff-x509"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
env -u LD_LIBRARY_PATH "$prog" --crashers "$dir" 2>/dev/null | sed 1d > "$tmp/skip"
echo "the real GnuTLS crashes on $(wc -l < "$tmp/skip") corpus file(s)"
known="$top_srcdir/tests/x509/corpus-known-diffs.txt"
if [ -f "$known" ]; then
  grep -v '^#' "$known" | grep . >> "$tmp/skip"
  echo "$(grep -v '^#' "$known" | grep -c .) file(s) with known differences are not compared"
fi
if [ -s "$tmp/skip" ]; then
  pre=
  case "${TLSHIM_SANITIZERS:-}" in
    *address*) pre=$(${CC:-gcc} -print-file-name=libasan.so) ;;
  esac
  set --
  while read -r name; do set -- "$@" "$dir/$name"; done < "$tmp/skip"
  env LD_LIBRARY_PATH="$TLSHIM_LIBDIR" ${pre:+LD_PRELOAD=$pre} ASAN_OPTIONS=detect_leaks=0 \
    "$prog" --crashers "$@" > "$tmp/ours" 2> "$tmp/ours.err"
  # (crashers mode prints the names of the files the library crashed on)
  if [ "$(sed 1d "$tmp/ours")" != "" ]; then
    echo "FAIL: tlshim crashes on:"; sed 1d "$tmp/ours"; cat "$tmp/ours.err"; exit 1
  fi
fi
X509_DIFF_SKIP="$tmp/skip" exec "$top_srcdir/tests/common/run-diff.sh" "$prog" "$dir"
