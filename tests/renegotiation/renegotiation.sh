#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs the renegotiation scenarios (tests/renegotiation/renegotiation.c)
# over both memory transports, on the library named by RENEG_LIB:
#   tlshim (default): the libgnutls.so.30 in $TLSHIM_LIBDIR
#   real:             the system's GnuTLS (proves the expectations)
# The first output line of the program names the library it mapped; a run
# on any other library fails.
set -u
: "${top_srcdir:?}"
: "${top_builddir:?}"
lib=${RENEG_LIB:-tlshim}
prog=$top_builddir/tests/renegotiation/renegotiation
[ -x "$prog" ] || { echo "FAIL: $prog is not built (make check builds it)"; exit 1; }

case $lib in
  real)
    expected=$(readlink -f /usr/lib/x86_64-linux-gnu/libgnutls.so.30 2>/dev/null)
    [ -n "$expected" ] && [ -e "$expected" ] || { echo "SKIP: the real libgnutls.so.30 is not installed"; exit 77; }
    ;;
  tlshim)
    : "${TLSHIM_LIBDIR:?}"
    grep -q 'tlshim: initialising' "$TLSHIM_LIBDIR/libgnutls.so.30" 2>/dev/null ||
      { echo "FAIL: $TLSHIM_LIBDIR/libgnutls.so.30 is not a tlshim build"; exit 1; }
    expected=$(readlink -f "$TLSHIM_LIBDIR/libgnutls.so.30")
    ;;
  *)
    echo "FAIL: RENEG_LIB must be 'real' or 'tlshim', not '$lib'"; exit 1 ;;
esac

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
sh "$top_srcdir/tests/handshake/gen-certs.sh" "$tmp/certs" || exit $?

# A bound on a run, so that a library that loops forever fails the test.
limit=
command -v timeout >/dev/null 2>&1 && limit="timeout 300"

# In a sanitizer build the program is instrumented and leak detection stays
# on: the program frees everything, and so does the real GnuTLS here.
asan_opts=${ASAN_OPTIONS:-}

status=0
for variant in plain hostile; do
  out=$tmp/$variant.out
  if [ "$lib" = real ]; then
    env -u LD_LIBRARY_PATH ASAN_OPTIONS="$asan_opts" $limit "$prog" "$tmp/certs" $variant > "$out" 2> "$tmp/err"
  else
    env LD_LIBRARY_PATH="$TLSHIM_LIBDIR" ASAN_OPTIONS="$asan_opts" $limit "$prog" "$tmp/certs" $variant > "$out" 2> "$tmp/err"
  fi
  rc=$?
  loaded=$(sed -n '1s/^LOADED //p' "$out")
  if [ "$(readlink -f "$loaded" 2>/dev/null)" != "$expected" ]; then
    echo "FAIL ($variant): the program loaded '${loaded:-nothing}', not $expected"
    cat "$tmp/err"
    status=1
    continue
  fi
  sed 1d "$out"
  if [ $rc -ne 0 ] || ! tail -n 1 "$out" | grep -q '^all scenarios passed'; then
    echo "FAIL ($variant): exit status $rc on $loaded"
    tail -n 30 "$tmp/err"
    status=1
  else
    echo "PASS ($variant) on $loaded"
  fi
done
exit $status
