#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Builds tlshim and shows it working as libgnutls.so.30: the exported ABI,
# unmodified Debian programs starting on it, and a GnuTLS program run on the
# real library and on tlshim side by side.  Installs missing packages first.
set -e
cd "$(dirname "$0")/.."
top=$(pwd)
sh tools/deps.sh
./bootstrap > /dev/null 2>&1
mkdir -p _build/demo
cd _build/demo
[ -f Makefile ] || ../../configure > configure.log
make -j"$(nproc 2>/dev/null || echo 2)" > make.log 2>&1 || { tail -40 make.log; exit 1; }
lib=$(pwd -P)/lib/.libs
so=$lib/libgnutls.so.30

echo "== 1. The library"
echo "file:    $(readlink -f "$so")"
echo "SONAME:  $(readelf -d "$so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')"
echo "exports: $(objdump -T "$so" | grep -c ' D[FO] .*GNUTLS_') symbols in $(objdump -T "$so" | grep -c '\*ABS\*') version nodes"
python3 "$top/lib/abi/gen-abi.py" coverage "$top" /dev/null | sed 's/^/  /'

echo
echo "== 2. Unmodified Debian programs on tlshim (LD_LIBRARY_PATH=$lib)"
for cmd in "wget --version" "gnutls-cli --version" "certtool --help"; do
  out=$(env LD_DEBUG=libs LD_LIBRARY_PATH="$lib" $cmd 2>&1 >/dev/null | sed -n 's/.*calling init: \(.*libgnutls.so.30\).*/\1/p' | head -1)
  first=$(env LD_LIBRARY_PATH="$lib" $cmd 2>/dev/null | head -1)
  printf '%-22s -> %s\n%-22s    loaded: %s\n' "$cmd" "$first" "" "$out"
done

echo
echo "== 3. One GnuTLS program, two libraries"
cc -I"$top/include" -o demo "$top/tools/demo/demo.c" -lgnutls
echo "-- on the system's GnuTLS 3.7.9:"
env -u LD_LIBRARY_PATH ./demo
echo "-- on tlshim:"
env LD_LIBRARY_PATH="$lib" ./demo
echo
echo "The TLS engine (handshake, records, renegotiation) is being built next;"
echo "see doc/compatibility.md for what is implemented today."
