#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# gnutls_x509_crt_print() in every format over the X.509 parser corpus
# (shared/corpora/x509_parser, beside the source tree): identical output on
# the real GnuTLS and on tlshim, with the gnutls_strerror() texts embedded
# in error lines masked (tlshim words its error descriptions itself).
# Left out: the inputs the real GnuTLS crashes on, those whose import still
# differs (tests/x509/corpus-known-diffs.txt), and those whose description
# still differs (corpus-known-diffs.txt here: GOST keys, RSA-PSS key
# parameters, and fuzzed extensions that GnuTLS decodes leniently).  tlshim
# must still survive all of them.  Skipped where the corpora are absent.
set -u
corpora="$top_srcdir/../shared/corpora"
if [ ! -d "$corpora" ]; then
  echo "SKIP: $corpora is absent"
  exit 77
fi
dir="$corpora/x509_parser"
[ -d "$dir" ] || { echo "FAIL: $dir is missing"; exit 1; }
prog="$top_builddir/tests/print/diff-print"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/skip"
if [ -x "$top_builddir/tests/x509/diff-x509" ]; then
  env -u LD_LIBRARY_PATH "$top_builddir/tests/x509/diff-x509" --crashers "$dir" 2>/dev/null | sed 1d >> "$tmp/skip"
fi
for known in "$top_srcdir/tests/x509/corpus-known-diffs.txt" "$top_srcdir/tests/print/corpus-known-diffs.txt"; do
  [ -f "$known" ] && grep -v '^#' "$known" | grep . >> "$tmp/skip"
done
sort -u "$tmp/skip" > "$tmp/skip.sorted"
ls "$dir" | grep -v -x -F -f "$tmp/skip.sorted" > "$tmp/files"
echo "$(wc -l < "$tmp/files") corpus file(s) compared, $(wc -l < "$tmp/skip.sorted") left out"
# tlshim must survive the inputs left out.
pre=
case "${TLSHIM_SANITIZERS:-}" in
  *address*) pre=$(${CC:-gcc} -print-file-name=libasan.so) ;;
esac
set --
while read -r name; do [ -e "$dir/$name" ] && set -- "$@" "$dir/$name"; done < "$tmp/skip.sorted"
if [ $# -gt 0 ]; then
  env LD_LIBRARY_PATH="$TLSHIM_LIBDIR" ${pre:+LD_PRELOAD=$pre} ASAN_OPTIONS=detect_leaks=0 \
    "$prog" --getters "$@" > /dev/null 2> "$tmp/ours.err" || { echo "FAIL: tlshim failed on a left-out input"; cat "$tmp/ours.err"; exit 1; }
fi
set --
while read -r name; do set -- "$@" "$dir/$name"; done < "$tmp/files"
exec "$top_srcdir/tests/common/run-diff.sh" "$prog" --mask-errors "$@"
