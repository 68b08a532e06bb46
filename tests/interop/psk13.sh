#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# TLS 1.3 external PSKs (RFC 8446 section 4.2.11) against the real GnuTLS
# and OpenSSL:
#   1. gnutls-cli on the library under test (--pskusername/--pskkey)
#      against the real gnutls-serv --pskpasswd, psk_dhe_ke and psk_ke;
#   2. the real gnutls-cli against gnutls-serv on the library under test;
#   3. gnutls-cli on the library under test against "openssl s_server
#      -tls1_3 -psk HEX -psk_identity ID -nocert" (a SHA-256 PSK).
# gnutls-serv proves its library through /proc/PID/maps, gnutls-cli
# through the preload reporter.
. "${top_srcdir:?}/tests/interop/common.sh"
require_cmd gnutls-serv gnutls-cli openssl

REAL="env -u LD_LIBRARY_PATH -u LD_PRELOAD"
KEY=0102030405060708090a0b0c0d0e0f10
printf 'alice:%s\n' "$KEY" > "$TMP/psk.passwd"
T13=NORMAL:-VERS-ALL:+VERS-TLS1.3

# gcli_ours NAME PORT PRIORITY [INPUT]: gnutls-cli on the library under test
# with alice's key; its output in $TMP/NAME.cli.
gcli_ours() {
  printf '%s' "${4:-ping-$1
}" | foreign_on_lib "$1" gnutls-cli -p "$2" --priority "$3" --pskusername alice --pskkey "$KEY" \
    127.0.0.1 > "$TMP/$1.cli" 2>&1
  _rc=$?
  assert_reported "$1" "$1: gnutls-cli" || return 1
  return $_rc
}

# 1. Our gnutls-cli against the real gnutls-serv.
for kx in ECDHE-PSK DHE-PSK PSK; do
  n=cli-$kx
  port=$(free_port)
  start_bg "$n" $REAL gnutls-serv --echo -p "$port" --priority "$T13:-KX-ALL:+$kx" --pskpasswd "$TMP/psk.passwd"
  spid=$BG_PID
  if ! wait_listen "$port" 20 "$spid"; then
    not_ok "$n: gnutls-serv did not start" "$TMP/$n.err"
    continue
  fi
  if gcli_ours "$n" "$port" "$T13:-KX-ALL:+$kx"; then
    # (GnuTLS 3.7.9 leaves the key exchange out of a TLS 1.3 PSK session's
    # description, and names the certificate type all the same; the PSK
    # line says who we are.)
    if grep -qF -- "- Description: (TLS1.3-X.509)--(" "$TMP/$n.cli" &&
       grep -qF "PSK authentication. Connected as 'alice'" "$TMP/$n.cli" && grep -q "ping-$n" "$TMP/$n.cli"; then
      ok "$n: our gnutls-cli against gnutls-serv"
    else
      not_ok "$n: unexpected session" "$TMP/$n.cli" "$TMP/$n.out"
    fi
  else
    not_ok "$n: gnutls-cli failed" "$TMP/$n.cli" "$TMP/$n.out" "$TMP/$n.err"
  fi
  stop_bg "$spid"
done

# A wrong key fails on both sides.
n=cli-wrong-key
port=$(free_port)
start_bg "$n" $REAL gnutls-serv --echo -p "$port" --priority "$T13:-KX-ALL:+ECDHE-PSK" --pskpasswd "$TMP/psk.passwd"
spid=$BG_PID
if wait_listen "$port" 20 "$spid"; then
  printf 'x\n' | foreign_on_lib "$n" gnutls-cli -p "$port" --priority "$T13:-KX-ALL:+ECDHE-PSK" \
    --pskusername alice --pskkey 0102030405060708090a0b0c0d0e0f11 127.0.0.1 > "$TMP/$n.cli" 2>&1
  if [ $? -ne 0 ] && ! grep -q "Handshake was completed" "$TMP/$n.cli"; then
    ok "$n: refused"
  else
    not_ok "$n: a wrong key was accepted" "$TMP/$n.cli"
  fi
  stop_bg "$spid"
else
  not_ok "$n: gnutls-serv did not start" "$TMP/$n.err"
fi

# 2. The real gnutls-cli against gnutls-serv on the library under test.
for kx in ECDHE-PSK PSK; do
  n=serv-$kx
  port=$(free_port)
  start_bg "$n" env LD_LIBRARY_PATH="$LIBDIR" ${ASAN_PRE:+LD_PRELOAD=$ASAN_PRE} ASAN_OPTIONS="$ASAN_FOREIGN" \
    gnutls-serv --echo -p "$port" --priority "$T13:-KX-ALL:+$kx" --pskpasswd "$TMP/psk.passwd"
  spid=$BG_PID
  if ! wait_listen "$port" 30 "$spid"; then
    not_ok "$n: gnutls-serv does not listen" "$TMP/$n.out" "$TMP/$n.err"
    continue
  fi
  if assert_lib_pid "$spid" "$n"; then
    printf 'ping-%s\n' "$n" | timeout "$STEP_TIMEOUT" $REAL gnutls-cli -p "$port" --priority "$T13:-KX-ALL:+$kx" \
      --pskusername alice --pskkey "$KEY" 127.0.0.1 > "$TMP/$n.cli" 2>&1
    rc=$?
    if [ $rc -eq 0 ] && grep -qF "PSK authentication. Connected as 'alice'" "$TMP/$n.cli" &&
       grep -q "ping-$n" "$TMP/$n.cli"; then
      ok "$n: real gnutls-cli against our gnutls-serv"
    else
      not_ok "$n: real gnutls-cli failed (exit $rc)" "$TMP/$n.cli" "$TMP/$n.out" "$TMP/$n.err"
    fi
  fi
  stop_bg "$spid"
done

# 3. Our gnutls-cli against OpenSSL's PSK server.
n=openssl
port=$(free_port)
start_bg "$n" $REAL openssl s_server -accept "$port" -tls1_3 -psk "$KEY" -psk_identity alice -nocert -www
spid=$BG_PID
if wait_listen "$port" 20 "$spid"; then
  if gcli_ours "$n" "$port" "$T13:+ECDHE-PSK" "$(printf 'GET / HTTP/1.0\r\n\r\n')"; then
    # s_server -psk makes a SHA-256 session: TLS_AES_128_GCM_SHA256 or
    # TLS_CHACHA20_POLY1305_SHA256, whichever comes first in our hello.
    if grep -q "Cipher is TLS_CHACHA20_POLY1305_SHA256" "$TMP/$n.cli" &&
       grep -qF "PSK authentication. Connected as 'alice'" "$TMP/$n.cli"; then
      ok "$n: our gnutls-cli against openssl s_server -psk"
    else
      not_ok "$n: unexpected session" "$TMP/$n.cli" "$TMP/$n.out"
    fi
  else
    not_ok "$n: gnutls-cli failed" "$TMP/$n.cli" "$TMP/$n.out" "$TMP/$n.err"
  fi
  stop_bg "$spid"
else
  not_ok "$n: openssl s_server did not start" "$TMP/$n.err"
fi

finish
