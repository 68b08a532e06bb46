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
echo "== 4. TLS 1.3 through tlshim"
work=$(mktemp -d)
pids=
cleanup() { for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
sh "$top/tests/handshake/gen-certs.sh" "$work/certs" > /dev/null
c=$work/certs
cc -I"$top/include" -o tls-server "$top/doc/examples/tls-server.c" -lgnutls
cc -I"$top/include" -o tls-client "$top/doc/examples/tls-client.c" -lgnutls
# Which libgnutls.so.30 a running process mapped.
mapped() { grep -m1 -o '/[^ ]*libgnutls\.so\.30[^ ]*' "/proc/$1/maps" 2>/dev/null; }
wait_port() { # file with a "port: N" line
  i=0; while [ $i -lt 100 ]; do p=$(sed -n 's/^port: //p' "$1"); [ -n "$p" ] && { echo "$p"; return; }; sleep 0.1; i=$((i+1)); done
}

echo "-- 4a. the example server and client, both on tlshim; the server calls"
echo "   gnutls_rehandshake() (a key update under TLS 1.3), the client updates its keys too"
env LD_LIBRARY_PATH="$lib" ./tls-server --port 0 --cert "$c/rsa.pem" --key "$c/rsa.key" \
  --cert "$c/p256.pem" --key "$c/p256.key" --echo --rehandshake --count 1 > "$work/server.out" 2>&1 &
spid=$!; pids="$pids $spid"
port=$(wait_port "$work/server.out")
echo "server pid $spid mapped: $(mapped $spid)"
env LD_LIBRARY_PATH="$lib" ./tls-client --ca "$c/ca.pem" --echo 100000 --key-update localhost "$port" | sed 's/^/   client> /'
wait $spid 2>/dev/null || true
sed 's/^/   server> /' "$work/server.out"

echo "-- 4b. the unchanged gnutls-cli on tlshim against OpenSSL's s_server"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
openssl s_server -accept "$port" -cert "$c/p256.pem" -key "$c/p256.key" -tls1_3 -www -quiet > /dev/null 2>&1 &
pids="$pids $!"
sleep 1
printf 'GET / HTTP/1.0\r\n\r\n' | env LD_DEBUG=libs LD_LIBRARY_PATH="$lib" gnutls-cli --x509cafile="$c/ca.pem" -p "$port" localhost \
  > "$work/cli.out" 2> "$work/cli.err" || true
echo "   loaded: $(sed -n 's/.*calling init: \(.*libgnutls.so.30\).*/\1/p' "$work/cli.err" | head -1)"
grep -E '^- (Description|Status)|^New, |Cipher is|^HTTP' "$work/cli.out" | sed 's/^/   /' | head -6

echo "-- 4c. the unchanged wget on tlshim fetching a file over HTTPS from s_server -WWW"
head -c 1048576 /dev/urandom > "$work/file.bin"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work" && exec openssl s_server -accept "$port" -cert "$c/rsa.pem" -key "$c/rsa.key" -tls1_3 -WWW -quiet > /dev/null 2>&1) &
pids="$pids $!"
sleep 1
env LD_DEBUG=libs LD_LIBRARY_PATH="$lib" wget -q --ca-certificate="$c/ca.pem" -O "$work/got.bin" \
  "https://localhost:$port/file.bin" 2> "$work/wget.err" || echo "   wget failed"
echo "   loaded: $(sed -n 's/.*calling init: \(.*libgnutls.so.30\).*/\1/p' "$work/wget.err" | head -1)"
echo "   sent     $(sha256sum < "$work/file.bin" | cut -c1-64)"
echo "   received $(sha256sum < "$work/got.bin" 2>/dev/null | cut -c1-64)"
echo
echo "TLS 1.2 and renegotiation come next (issue 5); see doc/compatibility.md"
echo "for what is implemented today."
