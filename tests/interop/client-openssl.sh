#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The example client (doc/examples/tls-client) on the library under test
# against "openssl s_server -tls1_3": every TLS 1.3 cipher suite, every
# group, every server certificate type, HelloRetryRequest, resumption, a
# client certificate, ALPN, SNI, key updates from both sides and a 64 MiB
# download checked against sha256sum.  What OpenSSL itself saw (its status
# page, its -msg trace) is checked too, not only what the client reports.
. "${top_srcdir:?}/tests/interop/common.sh"
require_cmd openssl sha256sum
make_certs

# start_ossl NAME ARGS...: openssl s_server on a free port (stdin closed).
# Sets OSSL_PID and OSSL_PORT.
start_ossl() {
  _n=$1
  shift
  start_bg "$_n" openssl s_server -accept 0 -tls1_3 -msg "$@"
  OSSL_PID=$BG_PID
  OSSL_PORT=
  if ! wait_for "$TMP/$_n.out" "ACCEPT" 20 "$OSSL_PID"; then
    not_ok "$_n: openssl s_server did not start" "$TMP/$_n.out" "$TMP/$_n.err"
    return 1
  fi
  OSSL_PORT=$(sed -n 's/^ACCEPT .*:\([0-9]*\)$/\1/p' "$TMP/$_n.out" | head -n 1)
  wait_listen "$OSSL_PORT" 10 "$OSSL_PID"
}

# client NAME ARGS...: the example client on the library under test against
# the current s_server; output in $TMP/NAME.cli and $TMP/NAME.cerr.
client() {
  _n=$1
  shift
  on_lib "$_n" "$CLIENT" --timeout 20 "$@" 127.0.0.1 "$OSSL_PORT" > "$TMP/$_n.cli" 2> "$TMP/$_n.cerr"
  CLI_RC=$?
  assert_reported "$_n" "$_n: tls-client" || return 1
  if [ "$CLI_RC" -ne 0 ]; then
    not_ok "$_n: tls-client failed (exit $CLI_RC)" "$TMP/$_n.cli" "$TMP/$_n.cerr" "$TMP/$_n.out"
    return 1
  fi
  return 0
}

# Server certificate types and the signature scheme each one signs with.
sigalg_of() {
  case $1 in
    rsa) echo RSA-PSS-RSAE-SHA256 ;;
    rsa-pss) echo RSA-PSS-SHA256 ;;
    p256) echo ECDSA-SECP256R1-SHA256 ;;
    p384) echo ECDSA-SECP384R1-SHA384 ;;
    ed25519) echo EdDSA-Ed25519 ;;
  esac
}
gnutls_cipher_of() {
  case $1 in
    TLS_AES_128_GCM_SHA256) echo AES-128-GCM ;;
    TLS_AES_256_GCM_SHA384) echo AES-256-GCM ;;
    TLS_CHACHA20_POLY1305_SHA256) echo CHACHA20-POLY1305 ;;
    TLS_AES_128_CCM_SHA256) echo AES-128-CCM ;;
  esac
}
gnutls_group_of() {
  case $1 in
    X25519) echo X25519 ;; X448) echo X448 ;;
    P-256) echo SECP256R1 ;; P-384) echo SECP384R1 ;; P-521) echo SECP521R1 ;;
    ffdhe2048) echo FFDHE2048 ;; ffdhe3072) echo FFDHE3072 ;;
  esac
}

# 1. Suites x groups x certificate types: a covering set in which every
# suite, group and certificate type appears at least once.  The server
# allows exactly one suite and one group, so the handshake can only succeed
# with them; several combinations need a HelloRetryRequest (the client's
# first key shares are X25519 and P-256).
while read -r suite group cert; do
  n="suite-$(gnutls_cipher_of "$suite")-$(gnutls_group_of "$group")-$cert"
  start_ossl "$n" -cert "$CERTS/$cert.crt" -key "$CERTS/$cert.key" -ciphersuites "$suite" -groups "$group" -www || continue
  if client "$n" --priority "$TLS13" --ca "$CERTS/ca.crt" --sni localhost --http / --save "$TMP/$n.page"; then
    expect_field "$n" "$TMP/$n.cli" version TLS1.3 &&
      expect_field "$n" "$TMP/$n.cli" cipher "$(gnutls_cipher_of "$suite")" &&
      expect_field "$n" "$TMP/$n.cli" group "$(gnutls_group_of "$group")" &&
      expect_field "$n" "$TMP/$n.cli" sigalg "$(sigalg_of "$cert")" &&
      expect_field "$n" "$TMP/$n.cli" verify ok &&
      expect_field "$n" "$TMP/$n.cli" status "HTTP/1.0 200 ok" &&
      if grep -q "New, TLSv1.3, Cipher is $suite" "$TMP/$n.page"; then
        ok "$n"
      else
        not_ok "$n: s_server's page does not report a new TLSv1.3 session with $suite" "$TMP/$n.page"
      fi
  fi
  stop_bg "$OSSL_PID"
done <<EOF
TLS_AES_128_GCM_SHA256 X25519 rsa
TLS_AES_256_GCM_SHA384 P-256 rsa-pss
TLS_CHACHA20_POLY1305_SHA256 P-384 p256
TLS_AES_128_CCM_SHA256 P-521 p384
TLS_AES_128_GCM_SHA256 X448 ed25519
TLS_AES_256_GCM_SHA384 ffdhe2048 rsa
TLS_CHACHA20_POLY1305_SHA256 ffdhe3072 p256
TLS_AES_128_CCM_SHA256 X25519 ed25519
EOF

# 2. HelloRetryRequest: the client's first choice (X25519) is refused, the
# server asks for P-384; OpenSSL's trace shows two ClientHellos.
n=hrr
if start_ossl $n -cert "$CERTS/p256.crt" -key "$CERTS/p256.key" -groups P-384 -www; then
  if client $n --priority "$TLS13:-GROUP-ALL:+GROUP-X25519:+GROUP-SECP256R1:+GROUP-SECP384R1" --http /; then
    hellos=$(grep -c '<<< .*ClientHello' "$TMP/$n.out")
    if [ "$hellos" != 2 ]; then
      not_ok "$n: s_server saw $hellos ClientHello messages, expected 2" "$TMP/$n.out"
    elif expect_field $n "$TMP/$n.cli" group SECP384R1; then
      ok "$n: HelloRetryRequest to P-384"
    fi
  fi
  stop_bg "$OSSL_PID"
fi

# 3. Resumption with a ticket: the second connection is resumed, on both sides.
n=resume
if start_ossl $n -cert "$CERTS/rsa.crt" -key "$CERTS/rsa.key" -www; then
  if client $n --priority "$TLS13" --ca "$CERTS/ca.crt" --sni localhost --resume --http / --save "$TMP/$n.page"; then
    r=$(sed -n 's/^resumed: //p' "$TMP/$n.cli" | tr '\n' ' ')
    if [ "$r" != "no yes " ]; then
      not_ok "$n: resumed lines are '$r', expected 'no yes'" "$TMP/$n.cli"
    elif ! grep -q "Reused, TLSv1.3" "$TMP/$n.page"; then
      not_ok "$n: s_server did not report a reused session" "$TMP/$n.page"
    else
      ok "$n: second connection resumed"
    fi
  fi
  stop_bg "$OSSL_PID"
fi

# 4. Client certificate required by the server (-Verify 1): accepted with
# one, refused without.
n=client-cert
if start_ossl $n -cert "$CERTS/p256.crt" -key "$CERTS/p256.key" -CAfile "$CERTS/ca.crt" -Verify 1 -verify_return_error -www; then
  if client $n --priority "$TLS13" --cert "$CERTS/client.crt" --key "$CERTS/client.key" --http / --save "$TMP/$n.page"; then
    if ! grep -q "CN *= *tlshim-client" "$TMP/$n.out" "$TMP/$n.page"; then
      not_ok "$n: s_server did not see the client certificate" "$TMP/$n.out"
    elif expect_field $n "$TMP/$n.cli" cert-requested yes; then
      ok "$n: client certificate accepted"
    fi
  fi
  # without a certificate the server must refuse the client
  on_lib "$n-none" "$CLIENT" --timeout 20 --priority "$TLS13" --http / 127.0.0.1 "$OSSL_PORT" > "$TMP/$n-none.cli" 2> "$TMP/$n-none.cerr"
  rc=$?
  if assert_reported "$n-none" "$n-none: tls-client"; then
    if [ $rc -eq 0 ] || [ $rc -ge 124 ]; then
      not_ok "$n-none: a client without certificate got through (exit $rc)" "$TMP/$n-none.cli"
    else
      ok "$n-none: refused without a client certificate"
    fi
  fi
  stop_bg "$OSSL_PID"
fi

# 5. ALPN: s_server prints the protocols the client offered and picks one.
n=alpn
if start_ossl $n -cert "$CERTS/rsa.crt" -key "$CERTS/rsa.key" -alpn h2,http/1.1 -www; then
  if client $n --priority "$TLS13" --alpn http/1.1 --alpn foo --http /; then
    if ! grep -q "ALPN protocols advertised by the client: http/1.1, foo" "$TMP/$n.out"; then
      not_ok "$n: s_server did not get the ALPN list" "$TMP/$n.out"
    elif expect_field $n "$TMP/$n.cli" alpn http/1.1; then
      ok "$n: ALPN http/1.1 selected"
    fi
  fi
  stop_bg "$OSSL_PID"
fi

# SNI: s_server switches to its second certificate (ECDSA) only when the
# client names "localhost"; another name keeps the first one (RSA).
for sni in localhost other.example; do
  n=sni-$sni
  start_ossl $n -cert "$CERTS/rsa.crt" -key "$CERTS/rsa.key" -servername localhost \
    -cert2 "$CERTS/p256.crt" -key2 "$CERTS/p256.key" -www || continue
  if client $n --priority "$TLS13" --sni $sni --http /; then
    if ! grep -q "Hostname in TLS extension: \"$sni\"" "$TMP/$n.out"; then
      not_ok "$n: s_server did not get the server name" "$TMP/$n.out"
    elif [ $sni = localhost ]; then
      grep -q "Switching server context" "$TMP/$n.out" &&
        expect_field $n "$TMP/$n.cli" sigalg ECDSA-SECP256R1-SHA256 && ok "$n: second certificate chosen"
    else
      expect_field $n "$TMP/$n.cli" sigalg RSA-PSS-RSAE-SHA256 && ok "$n: default certificate kept"
    fi
  fi
  stop_bg "$OSSL_PID"
done

# 6. KeyUpdate from the client, asking the server to update too: OpenSSL's
# trace shows the message in both directions, and the page still arrives.
n=key-update-client
if start_ossl $n -cert "$CERTS/rsa.crt" -key "$CERTS/rsa.key" -www; then
  if client $n --priority "$TLS13" --key-update --http /; then
    if ! grep -q '<<< .*KeyUpdate' "$TMP/$n.out" || ! grep -q '>>> .*KeyUpdate' "$TMP/$n.out"; then
      not_ok "$n: no KeyUpdate exchange in s_server's trace" "$TMP/$n.out"
    elif expect_field $n "$TMP/$n.cli" status "HTTP/1.0 200 ok"; then
      ok "$n: client-initiated key update"
    fi
  fi
  stop_bg "$OSSL_PID"
fi

# 7. KeyUpdate from the server: s_server's "K" (update requested) and "k"
# commands typed on its stdin between messages.
n=key-update-server
mkfifo "$TMP/$n.fifo"
# opened read-write, the fifo never blocks and never reaches end of file
exec 3<> "$TMP/$n.fifo"
BG_STDIN=$TMP/$n.fifo start_bg $n openssl s_server -accept 0 -tls1_3 -msg -cert "$CERTS/p384.crt" -key "$CERTS/p384.key"
OSSL_PID=$BG_PID
if wait_for "$TMP/$n.out" ACCEPT 20 "$OSSL_PID"; then
  OSSL_PORT=$(sed -n 's/^ACCEPT .*:\([0-9]*\)$/\1/p' "$TMP/$n.out" | head -n 1)
  wait_listen "$OSSL_PORT" 10 "$OSSL_PID"
  build_reporter
  start_bg $n-client env LD_LIBRARY_PATH="$LIBDIR" LD_PRELOAD="${ASAN_RT:+$ASAN_RT }$REPORTER" \
    TLSHIM_MAPS_REPORT="$TMP/$n.maps" "$CLIENT" --timeout 20 --priority "$TLS13" \
    --send hello --expect first --expect second --send bye 127.0.0.1 "$OSSL_PORT"
  cpid=$BG_PID
  # each command is typed only once the previous step is visible in
  # s_server's output, so that it reads "K" and "k" as lines of their own
  if wait_for "$TMP/$n.out" hello 20 "$OSSL_PID"; then
    printf 'K\n' >&3
    wait_count "$TMP/$n.out" '>>> .*KeyUpdate' 1 20 "$OSSL_PID"
    printf 'first\n' >&3
    wait_for "$TMP/$n-client.out" "received: first" 20 "$cpid"
    printf 'k\n' >&3
    wait_count "$TMP/$n.out" '>>> .*KeyUpdate' 2 20 "$OSSL_PID"
    printf 'second\n' >&3
  fi
  wait_bg "$cpid" 30
  rc=$?
  wait_for "$TMP/$n.out" bye 5 "$OSSL_PID"
  if ! assert_reported $n "$n: tls-client"; then :
  elif [ $rc -ne 0 ]; then
    not_ok "$n: tls-client failed (exit $rc)" "$TMP/$n-client.out" "$TMP/$n-client.err" "$TMP/$n.out"
  elif [ "$(grep -c '>>> .*KeyUpdate' "$TMP/$n.out")" -lt 2 ] || ! grep -q '<<< .*KeyUpdate' "$TMP/$n.out"; then
    not_ok "$n: s_server's trace lacks the key updates (2 sent, 1 answer)" "$TMP/$n.out"
  elif ! grep -q '^bye$' "$TMP/$n.out"; then
    not_ok "$n: s_server did not get the client's data after the updates" "$TMP/$n.out"
  elif ! grep -q '^received: second$' "$TMP/$n-client.out"; then
    not_ok "$n: the client did not get the server's data after the updates" "$TMP/$n-client.out"
  else
    ok "$n: server-initiated key updates (K and k)"
  fi
else
  not_ok "$n: openssl s_server did not start" "$TMP/$n.err"
fi
exec 3>&-
stop_bg "$OSSL_PID"

# 8. A 64 MiB file over -WWW, compared with sha256sum of the file itself.
n=download-64M
mkdir -p "$TMP/www"
head -c 67108864 /dev/urandom > "$TMP/www/big.bin"
want=$(sha256sum "$TMP/www/big.bin" | cut -d' ' -f1)
cd "$TMP/www" || exit 1
start_ossl $n -cert "$CERTS/p256.crt" -key "$CERTS/p256.key" -WWW
started=$?
cd "$OLDPWD" || exit 1
if [ $started -eq 0 ]; then
  if client $n --priority "$TLS13" --ca "$CERTS/ca.crt" --sni localhost --http /big.bin; then
    expect_field $n "$TMP/$n.cli" bytes 67108864 &&
      expect_field $n "$TMP/$n.cli" sha256 "$want" &&
      ok "$n: 64 MiB with the right SHA-256"
  fi
  stop_bg "$OSSL_PID"
fi

finish
