#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Application data interleaved with a TLS 1.2 renegotiation where RFC 5246
# allows it (tests/handshake/interleave.c), on tlshim only: the real
# GnuTLS 3.7.9 fails these sessions (doc/differences.md).  Both transports:
# whole buffers, and EAGAIN on every other call with one byte at a time.
set -u
: "${top_srcdir:?}" "${top_builddir:?}" "${TLSHIM_LIBDIR:?}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
sh "$top_srcdir/tests/handshake/gen-certs.sh" "$tmp/certs" || exit $?
want=$(readlink -f "$TLSHIM_LIBDIR/libgnutls.so.30")
status=0
for variant in plain hostile; do
  LD_LIBRARY_PATH=$TLSHIM_LIBDIR "$top_builddir/tests/handshake/interleave" "$tmp/certs" $variant > "$tmp/out" 2>&1
  rc=$?
  got=$(sed -n '1s/^LOADED //p' "$tmp/out")
  if [ "$(readlink -f "$got" 2>/dev/null)" != "$want" ]; then
    echo "FAIL ($variant): loaded '${got:-nothing}', not $want"
    status=1
  elif [ $rc -ne 0 ] || ! tail -n 1 "$tmp/out" | grep -q '^all passed'; then
    echo "FAIL ($variant):"
    cat "$tmp/out"
    status=1
  else
    echo "ok ($variant)"
  fi
done
exit $status
