#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Differential test driver: runs PROGRAM [ARGS] once on the system's real
# GnuTLS and once on tlshim (LD_LIBRARY_PATH=$TLSHIM_LIBDIR), and requires
# identical output.  The program must print "LOADED <path>" as its first
# line (see loaded-lib.h); the driver checks that each run mapped the
# library it was meant to, so a run that silently used the wrong one fails.
set -u
: "${TLSHIM_LIBDIR:?}"
prog=$1
shift
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
grep -q 'tlshim: initialising' "$TLSHIM_LIBDIR/libgnutls.so.30" 2>/dev/null ||
  { echo "FAIL: $TLSHIM_LIBDIR/libgnutls.so.30 is not a tlshim build"; exit 1; }
sysdir=$(dirname "$(readlink -f /usr/lib/x86_64-linux-gnu/libgnutls.so.30 2>/dev/null || echo /nonexistent)")
[ -e "$sysdir/libgnutls.so.30" ] || { echo "SKIP: the real libgnutls.so.30 is not installed"; exit 77; }
# A sanitizer build of tlshim needs the runtime preloaded into uninstrumented programs.
pre=
case "${TLSHIM_SANITIZERS:-}" in
  *address*) pre=$(${CC:-gcc} -print-file-name=libasan.so) ;;
esac
# Leak reports from the reference run would be about the real GnuTLS (which
# keeps some allocations to exit in several APIs), not about tlshim: the
# reference side runs without leak detection, like the tlshim side (whose
# leaks the unit tests catch).
env -u LD_LIBRARY_PATH ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 "$prog" "$@" > "$tmp/ref" 2> "$tmp/ref.err"
rc_ref=$?
env LD_LIBRARY_PATH="$TLSHIM_LIBDIR" ${pre:+LD_PRELOAD=$pre} ASAN_OPTIONS=detect_leaks=0 "$prog" "$@" > "$tmp/ours" 2> "$tmp/ours.err"
rc_ours=$?
ref_lib=$(sed -n '1s/^LOADED //p' "$tmp/ref")
our_lib=$(sed -n '1s/^LOADED //p' "$tmp/ours")
case "$ref_lib" in "$sysdir"/*) ;; *) echo "FAIL: reference run loaded '$ref_lib'"; cat "$tmp/ref.err"; exit 1 ;; esac
case "$our_lib" in "$(cd "$TLSHIM_LIBDIR" && pwd -P)"/*|"$TLSHIM_LIBDIR"/*) ;; *) echo "FAIL: tlshim run loaded '$our_lib'"; cat "$tmp/ours.err"; exit 1 ;; esac
sed -i 1d "$tmp/ref" "$tmp/ours"
if [ $rc_ref -ne 0 ] || [ $rc_ours -ne 0 ]; then
  echo "FAIL: exit status real=$rc_ref tlshim=$rc_ours"; cat "$tmp/ref.err" "$tmp/ours.err"; exit 1
fi
lines=$(wc -l < "$tmp/ref")
[ "$lines" -gt 0 ] || { echo "FAIL: the program printed nothing to compare"; exit 1; }
if ! diff -u "$tmp/ref" "$tmp/ours" > "$tmp/diff"; then
  echo "FAIL: output differs (- real GnuTLS, + tlshim):"
  head -80 "$tmp/diff"
  exit 1
fi
echo "PASS: $lines lines identical on the real GnuTLS ($ref_lib) and on tlshim ($our_lib)"
