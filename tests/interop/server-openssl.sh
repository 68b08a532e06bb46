#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The example server (doc/examples/tls-server) on the library under test
# against "openssl s_client -tls1_3": every TLS 1.3 cipher suite, every
# group, every certificate type (the server holds all five pairs and
# s_client's -sigalgs decides which one must be used), HelloRetryRequest,
# resumption with -sess_out/-sess_in, client certificates, ALPN, SNI, key
# updates from both sides, echoed data and a 64 MiB transfer checked with
# sha256sum.  Both ends' reports are checked.
. "${top_srcdir:?}/tests/interop/common.sh"
require_cmd openssl sha256sum
make_certs

ALL_PAIRS=
for c in rsa rsa-pss p256 p384 ed25519; do
  ALL_PAIRS="$ALL_PAIRS --cert $CERTS/$c.crt --key $CERTS/$c.key"
done

# sclient NAME STDIN ARGS...: openssl s_client against the current server,
# output in $TMP/NAME.sc (stdout) and $TMP/NAME.scerr.
sclient() {
  _n=$1 _in=$2
  shift 2
  timeout "$STEP_TIMEOUT" openssl s_client -connect "127.0.0.1:$SRV_PORT" -tls1_3 "$@" \
    < "$_in" > "$TMP/$_n.sc" 2> "$TMP/$_n.scerr"
}

# server_done NAME: waits for the server (started with --count) to finish;
# it must have served every connection without error.
server_done() {
  wait_bg "$SRV_PID" 30
  _st=$?
  if [ $_st -ne 0 ]; then
    not_ok "$1: tls-server exited with $_st" "$TMP/$1.out" "$TMP/$1.err" "$TMP/$1.sc"
    return 1
  fi
}

printf 'GET /bytes/1000 HTTP/1.0\r\n\r\n' > "$TMP/get1000"
printf 'GET /bytes/67108864 HTTP/1.0\r\n\r\n' > "$TMP/get64M"

sigalg_ossl() {
  case $1 in
    rsa) echo rsa_pss_rsae_sha256 ;; rsa-pss) echo rsa_pss_pss_sha256 ;;
    p256) echo ecdsa_secp256r1_sha256 ;; p384) echo ecdsa_secp384r1_sha384 ;;
    ed25519) echo ed25519 ;;
  esac
}
sigalg_gnutls() {
  case $1 in
    rsa) echo RSA-PSS-RSAE-SHA256 ;; rsa-pss) echo RSA-PSS-SHA256 ;;
    p256) echo ECDSA-SECP256R1-SHA256 ;; p384) echo ECDSA-SECP384R1-SHA384 ;;
    ed25519) echo EdDSA-Ed25519 ;;
  esac
}
cipher_gnutls() {
  case $1 in
    TLS_AES_128_GCM_SHA256) echo AES-128-GCM ;; TLS_AES_256_GCM_SHA384) echo AES-256-GCM ;;
    TLS_CHACHA20_POLY1305_SHA256) echo CHACHA20-POLY1305 ;; TLS_AES_128_CCM_SHA256) echo AES-128-CCM ;;
  esac
}
group_gnutls() {
  case $1 in
    X25519) echo X25519 ;; X448) echo X448 ;;
    P-256) echo SECP256R1 ;; P-384) echo SECP384R1 ;; P-521) echo SECP521R1 ;;
    ffdhe2048) echo FFDHE2048 ;; ffdhe3072) echo FFDHE3072 ;;
  esac
}

# 1. Suites x groups x certificate types (a covering set).  s_client offers
# one suite, one group and one signature scheme, and verifies the chain.
while read -r suite group cert; do
  n="suite-$(cipher_gnutls "$suite")-$(group_gnutls "$group")-$cert"
  # shellcheck disable=SC2086
  start_server "$n" --priority "$TLS13:+AES-128-CCM" --http --count 1 $ALL_PAIRS || continue
  sclient "$n" "$TMP/get1000" -ign_eof -ciphersuites "$suite" -groups "$group" -sigalgs "$(sigalg_ossl "$cert")" \
    -CAfile "$CERTS/ca.crt" -verify_return_error -verify_hostname localhost -servername localhost
  rc=$?
  server_done "$n" || continue
  if [ $rc -ne 0 ]; then
    not_ok "$n: s_client failed (exit $rc)" "$TMP/$n.sc" "$TMP/$n.scerr"
  elif ! grep -q "New, TLSv1.3, Cipher is $suite" "$TMP/$n.sc" || ! grep -q "Verify return code: 0 (ok)" "$TMP/$n.sc"; then
    not_ok "$n: s_client did not report a verified TLSv1.3 session with $suite" "$TMP/$n.sc"
  elif ! grep -q "^HTTP/1.0 200 OK" "$TMP/$n.sc"; then
    not_ok "$n: no HTTP answer" "$TMP/$n.sc"
  else
    expect_field "$n" "$TMP/$n.out" version TLS1.3 &&
      expect_field "$n" "$TMP/$n.out" cipher "$(cipher_gnutls "$suite")" &&
      expect_field "$n" "$TMP/$n.out" group "$(group_gnutls "$group")" &&
      expect_field "$n" "$TMP/$n.out" sigalg "$(sigalg_gnutls "$cert")" &&
      expect_field "$n" "$TMP/$n.out" bytes 1000 &&
      ok "$n"
  fi
done <<EOF
TLS_AES_128_GCM_SHA256 X25519 rsa
TLS_AES_256_GCM_SHA384 P-256 rsa-pss
TLS_CHACHA20_POLY1305_SHA256 P-384 p256
TLS_AES_128_CCM_SHA256 P-521 p384
TLS_AES_128_GCM_SHA256 X448 ed25519
TLS_AES_256_GCM_SHA384 ffdhe2048 rsa
TLS_CHACHA20_POLY1305_SHA256 ffdhe3072 p384
TLS_AES_128_CCM_SHA256 X25519 rsa-pss
EOF

# 2. HelloRetryRequest: s_client sends an X25519 key share, the server only
# accepts P-384; s_client's trace shows two ClientHellos.
n=hrr
if start_server $n --priority "$TLS13:-GROUP-ALL:+GROUP-SECP384R1" --http --count 1 \
     --cert "$CERTS/p256.crt" --key "$CERTS/p256.key"; then
  sclient $n "$TMP/get1000" -ign_eof -msg -groups X25519:P-384
  rc=$?
  if server_done $n; then
    hellos=$(grep -c '>>> .*ClientHello' "$TMP/$n.sc")
    if [ $rc -ne 0 ]; then
      not_ok "$n: s_client failed (exit $rc)" "$TMP/$n.scerr"
    elif [ "$hellos" != 2 ]; then
      not_ok "$n: s_client sent $hellos ClientHello messages, expected 2" "$TMP/$n.sc"
    elif expect_field $n "$TMP/$n.out" group SECP384R1; then
      ok "$n: HelloRetryRequest to P-384"
    fi
  fi
fi

# 3. Resumption: a ticket saved by the first s_client resumes the second.
n=resume
if start_server $n --priority "$TLS13" --http --count 2 --cert "$CERTS/rsa.crt" --key "$CERTS/rsa.key"; then
  sclient $n-1 "$TMP/get1000" -ign_eof -sess_out "$TMP/sess.pem"
  sclient $n-2 "$TMP/get1000" -ign_eof -sess_in "$TMP/sess.pem"
  rc=$?
  if server_done $n; then
    r=$(sed -n 's/^resumed: //p' "$TMP/$n.out" | tr '\n' ' ')
    if [ $rc -ne 0 ] || ! grep -q "Reused, TLSv1.3" "$TMP/$n-2.sc"; then
      not_ok "$n: s_client did not resume (exit $rc)" "$TMP/$n-1.sc" "$TMP/$n-2.sc"
    elif [ "$r" != "no yes " ]; then
      not_ok "$n: the server's resumed lines are '$r', expected 'no yes'" "$TMP/$n.out"
    else
      ok "$n: second connection resumed"
    fi
  fi
fi

# 4. Client certificates: required and given (verified by the server),
# required and missing (refused), requested and missing (accepted).
n=client-cert
if start_server $n --priority "$TLS13" --http --count 1 --cert "$CERTS/p256.crt" --key "$CERTS/p256.key" \
     --ca "$CERTS/ca.crt" --require-client-cert; then
  sclient $n "$TMP/get1000" -ign_eof -cert "$CERTS/client.crt" -key "$CERTS/client.key"
  rc=$?
  if server_done $n; then
    if [ $rc -ne 0 ]; then
      not_ok "$n: s_client failed (exit $rc)" "$TMP/$n.sc" "$TMP/$n.scerr"
    else
      expect_field $n "$TMP/$n.out" client-cert "RSA 2048" &&
        expect_field $n "$TMP/$n.out" client-verify ok && ok "$n: client certificate verified"
    fi
  fi
fi
n=client-cert-missing
if start_server $n --priority "$TLS13" --http --count 1 --cert "$CERTS/p256.crt" --key "$CERTS/p256.key" \
     --ca "$CERTS/ca.crt" --require-client-cert; then
  sclient $n "$TMP/get1000" -ign_eof
  wait_bg "$SRV_PID" 30
  src=$?
  if [ $src -ne 1 ] || ! grep -q '^error: ' "$TMP/$n.out" || grep -q "^HTTP/1.0 200" "$TMP/$n.sc"; then
    not_ok "$n: a client without certificate was not refused (server exit $src)" "$TMP/$n.out" "$TMP/$n.sc"
  else
    ok "$n: refused without a client certificate"
  fi
fi
n=client-cert-optional
if start_server $n --priority "$TLS13" --http --count 1 --cert "$CERTS/p256.crt" --key "$CERTS/p256.key" \
     --ca "$CERTS/ca.crt" --request-client-cert; then
  sclient $n "$TMP/get1000" -ign_eof
  if server_done $n; then
    expect_field $n "$TMP/$n.out" client-cert none && ok "$n: requested, none given, accepted"
  fi
fi

# 5. ALPN and SNI, as seen by both ends.
n=alpn-sni
if start_server $n --priority "$TLS13" --http --count 1 --cert "$CERTS/rsa.crt" --key "$CERTS/rsa.key" \
     --alpn h2 --alpn http/1.1; then
  sclient $n "$TMP/get1000" -ign_eof -alpn foo,http/1.1 -servername localhost
  rc=$?
  if server_done $n; then
    if [ $rc -ne 0 ] || ! grep -q "ALPN protocol: http/1.1" "$TMP/$n.sc"; then
      not_ok "$n: s_client did not get ALPN http/1.1 (exit $rc)" "$TMP/$n.sc"
    else
      expect_field $n "$TMP/$n.out" alpn http/1.1 && expect_field $n "$TMP/$n.out" sni localhost &&
        ok "$n: ALPN http/1.1, SNI localhost"
    fi
  fi
fi

# 6. Key updates and echoed data: the server updates its keys after the
# first read and asks s_client to do the same (--rehandshake); s_client
# answers with its next line, then sends "K" (update requested) and "k"
# between lines.  Every line must come back.
# (s_client answers the server's request before typing "K": the real GnuTLS
# 3.7.9 refuses a KeyUpdate with update_requested sent as the answer to its
# own request.)
n=key-update
if start_server $n --priority "$TLS13" --echo --rehandshake --count 1 --cert "$CERTS/p384.crt" --key "$CERTS/p384.key"; then
  # s_client's input is a fifo; each line is typed once the previous step
  # shows in its output, so that it reads "K" and "k" as lines of their own
  mkfifo "$TMP/$n.fifo"
  exec 4<> "$TMP/$n.fifo"
  BG_STDIN=$TMP/$n.fifo start_bg $n-sc openssl s_client -connect "127.0.0.1:$SRV_PORT" -tls1_3 -msg
  cpid=$BG_PID
  sc=$TMP/$n-sc.out
  printf 'line-one\n' >&4
  wait_for "$sc" line-one 20 "$cpid" && printf 'line-two\n' >&4 &&
    wait_count "$sc" '^line-two' 1 20 "$cpid" && printf 'K\n' >&4 &&
    wait_count "$sc" '>>> .*KeyUpdate' 2 20 "$cpid" && printf 'line-three\n' >&4 &&
    wait_count "$sc" '^line-three' 1 20 "$cpid" && printf 'k\n' >&4 &&
    wait_count "$sc" '>>> .*KeyUpdate' 3 20 "$cpid" && printf 'line-four\n' >&4 &&
    wait_count "$sc" '^line-four' 1 20 "$cpid"
  exec 4>&-
  wait_bg "$cpid" 20
  rc=$?
  if server_done $n; then
    if [ $rc -ne 0 ]; then
      not_ok "$n: s_client failed (exit $rc)" "$TMP/$n-sc.out" "$TMP/$n-sc.err"
    elif ! grep -q '^line-four' "$sc" || ! grep -q '^line-three' "$sc" ||
         ! grep -q '^line-two' "$sc" || ! grep -q '^line-one' "$sc"; then
      not_ok "$n: lines were not echoed" "$sc"
    elif [ "$(grep -c '>>> .*KeyUpdate' "$sc")" -lt 3 ] || [ "$(grep -c '<<< .*KeyUpdate' "$sc")" -lt 2 ]; then
      # s_client: its answer, K and k; the server: its request and its
      # answer to K
      not_ok "$n: s_client's trace lacks key updates" "$sc"
    else
      expect_field $n "$TMP/$n.out" rehandshake ok &&
        expect_field $n "$TMP/$n.out" echoed 39 && ok "$n: key updates both ways, data echoed"
    fi
  fi
fi

# 7. 64 MiB from the server: what s_client received hashes to what the
# server says it sent (the body is the last 64 MiB of s_client's output).
n=download-64M
if start_server $n --priority "$TLS13" --http --count 1 --cert "$CERTS/ed25519.crt" --key "$CERTS/ed25519.key"; then
  sclient $n "$TMP/get64M" -quiet
  rc=$?
  if server_done $n; then
    got=$(tail -c 67108864 "$TMP/$n.sc" | sha256sum | cut -d' ' -f1)
    size=$(wc -c < "$TMP/$n.sc")
    if [ $rc -ne 0 ] || ! grep -q "^HTTP/1.0 200 OK" "$TMP/$n.sc" || [ "$size" -lt 67108864 ]; then
      not_ok "$n: s_client got $size bytes (exit $rc)" "$TMP/$n.scerr"
    else
      expect_field $n "$TMP/$n.out" bytes 67108864 && expect_field $n "$TMP/$n.out" sha256 "$got" &&
        ok "$n: 64 MiB, SHA-256 matches"
    fi
  fi
  rm -f "$TMP/$n.sc"
fi

finish
