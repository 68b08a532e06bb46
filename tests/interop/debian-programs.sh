#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Unchanged Debian programs on the library under test, TLS 1.3 only, with
# OpenSSL at the other end:
#   - gnutls-cli against "openssl s_server -rev" (a line goes out, the
#     reversed line comes back);
#   - gnutls-serv --http against "openssl s_client" (GET / is answered,
#     after the two NewSessionTickets GnuTLS 3.7.9 sends);
#   - wget downloading a file from "openssl s_server -WWW", verified against
#     our CA, its checksum compared with the original;
#   - gnutls-cli fetching "GET /" from "openssl s_server -www" over every
#     TLS 1.3 suite, group and server certificate type (a covering set);
#   - the same the other way: openssl s_client fetching "GET /" from
#     gnutls-serv --http (every suite, group and certificate type, with
#     ffdhe2048 to ffdhe8192).
# Each program proves which libgnutls.so.30 it mapped: the short-lived ones
# through the preload reporter, gnutls-serv through /proc/PID/maps.
. "${top_srcdir:?}/tests/interop/common.sh"
require_cmd openssl gnutls-cli gnutls-serv wget sha256sum
make_certs

# start_ossl NAME ARGS...: openssl s_server -tls1_3 on a free port; OSSL_PID, OSSL_PORT.
start_ossl() {
  _n=$1
  shift
  start_bg "$_n" openssl s_server -accept 0 -tls1_3 "$@"
  OSSL_PID=$BG_PID
  if ! wait_for "$TMP/$_n.out" "ACCEPT" 20 "$OSSL_PID"; then
    not_ok "$_n: openssl s_server did not start" "$TMP/$_n.out" "$TMP/$_n.err"
    return 1
  fi
  OSSL_PORT=$(sed -n 's/^ACCEPT .*:\([0-9]*\)$/\1/p' "$TMP/$_n.out" | head -n 1)
  wait_listen "$OSSL_PORT" 10 "$OSSL_PID"
}

# 1. gnutls-cli, verifying the server against our CA, sends a line to
# s_server -rev and must read it back reversed; closing its input ends it.
n=gnutls-cli
if start_ossl $n -rev -cert "$CERTS/p256.crt" -key "$CERTS/p256.key"; then
  mkfifo "$TMP/$n.fifo"
  exec 4<> "$TMP/$n.fifo"
  build_reporter
  BG_STDIN=$TMP/$n.fifo start_bg $n-cli env LD_LIBRARY_PATH="$LIBDIR" LD_PRELOAD="${ASAN_PRE:+$ASAN_PRE }$REPORTER" \
    TLSHIM_MAPS_REPORT="$TMP/$n.maps" ASAN_OPTIONS="$ASAN_FOREIGN" \
    gnutls-cli -p "$OSSL_PORT" --x509cafile "$CERTS/ca.crt" --priority "$TLS13" localhost
  cpid=$BG_PID
  printf 'tlshim-interop-line\n' >&4
  wait_for "$TMP/$n-cli.out" "enil-poretni-mihslt" 20 "$cpid"
  got=$?
  exec 4>&-
  wait_bg "$cpid" 20
  rc=$?
  if assert_reported $n "$n"; then
    if [ $got -ne 0 ] || { [ $rc -ne 0 ] && ! hang_excused $n $rc; }; then
      not_ok "$n: no reversed line (exit $rc)" "$TMP/$n-cli.out" "$TMP/$n-cli.err" "$TMP/$n.out"
    elif ! grep -q "Description: (TLS1.3" "$TMP/$n-cli.out" || ! grep -q "The certificate is trusted" "$TMP/$n-cli.out"; then
      not_ok "$n: not a verified TLS 1.3 session" "$TMP/$n-cli.out"
    else
      ok "$n: line sent and reversed line received over TLS 1.3"
    fi
  fi
  stop_bg "$OSSL_PID"
fi

# 2. gnutls-serv --http, answering openssl s_client's GET /.
n=gnutls-serv
port=$(free_port)
start_bg $n env LD_LIBRARY_PATH="$LIBDIR" ${ASAN_PRE:+LD_PRELOAD=$ASAN_PRE} ASAN_OPTIONS="$ASAN_FOREIGN" \
  gnutls-serv --http -p "$port" --priority "$TLS13" --x509certfile "$CERTS/rsa.crt" --x509keyfile "$CERTS/rsa.key"
spid=$BG_PID
if ! wait_listen "$port" 30 "$spid"; then
  not_ok "$n: gnutls-serv does not listen" "$TMP/$n.out" "$TMP/$n.err"
elif assert_lib_pid "$spid" "$n"; then
  printf 'GET / HTTP/1.0\r\n\r\n' > "$TMP/get"
  timeout "$STEP_TIMEOUT" openssl s_client -connect "127.0.0.1:$port" -tls1_3 -ign_eof -msg \
    -CAfile "$CERTS/ca.crt" -verify_return_error -verify_hostname localhost -servername localhost \
    < "$TMP/get" > "$TMP/$n.sc" 2> "$TMP/$n.scerr"
  rc=$?
  if [ $rc -ne 0 ]; then
    not_ok "$n: s_client failed (exit $rc)" "$TMP/$n.sc" "$TMP/$n.scerr" "$TMP/$n.err"
  elif ! grep -q "^HTTP/1.0 200 OK" "$TMP/$n.sc" || ! grep -q "New, TLSv1.3" "$TMP/$n.sc" ||
       ! grep -q "Verify return code: 0 (ok)" "$TMP/$n.sc"; then
    not_ok "$n: no HTTP answer over a verified TLS 1.3 session" "$TMP/$n.sc"
  elif [ "$(grep -c '^<<< .*NewSessionTicket' "$TMP/$n.sc")" != 2 ]; then
    not_ok "$n: not the two NewSessionTickets the real GnuTLS sends" "$TMP/$n.sc"
  else
    ok "$n: GET / answered over TLS 1.3 after two tickets"
  fi
fi
stop_bg "$spid"

# 3. wget fetching a file over HTTPS from s_server -WWW.
n=wget
mkdir -p "$TMP/www"
head -c 3000000 /dev/urandom > "$TMP/www/file.bin"
want=$(sha256sum < "$TMP/www/file.bin" | cut -d' ' -f1)
cd "$TMP/www" || exit 1
start_ossl $n -WWW -cert "$CERTS/rsa-pss.crt" -key "$CERTS/rsa-pss.key"
started=$?
cd "$OLDPWD" || exit 1
if [ $started -eq 0 ]; then
  foreign_on_lib $n wget -q --secure-protocol=TLSv1_3 --ca-certificate="$CERTS/ca.crt" --no-config \
    -O "$TMP/$n.bin" "https://localhost:$OSSL_PORT/file.bin" > "$TMP/$n.wout" 2> "$TMP/$n.werr"
  rc=$?
  if assert_reported $n "$n"; then
    got=$(sha256sum < "$TMP/$n.bin" 2>/dev/null | cut -d' ' -f1)
    if [ "$got" = "$want" ] && [ $rc -ne 0 ] && hang_excused $n $rc; then
      ok "$n: 3 MB downloaded over TLS 1.3, checksum matches"
    elif [ $rc -ne 0 ]; then
      not_ok "$n: wget failed (exit $rc)" "$TMP/$n.werr" "$TMP/$n.err"
    elif [ "$got" != "$want" ]; then
      not_ok "$n: the downloaded file differs"
    else
      ok "$n: 3 MB downloaded over TLS 1.3, checksum matches"
    fi
  fi
  stop_bg "$OSSL_PID"
fi

# 4. gnutls-cli over every suite, group and certificate type: each row is
# the server's certificate, the one suite and the one group s_server allows,
# and what gnutls-cli must then report in its Description line.
PRIO="$TLS13:+AES-128-CCM:+GROUP-X448"
while read -r cert suite group want_kx want_cipher; do
  n=cli-$cert-$suite-$group
  start_ossl $n -www -cert "$CERTS/$cert.crt" -key "$CERTS/$cert.key" -ciphersuites "$suite" -groups "$group" || continue
  printf 'GET / HTTP/1.0\r\n\r\n' | foreign_on_lib $n gnutls-cli -p "$OSSL_PORT" --x509cafile "$CERTS/ca.crt" \
    --priority "$PRIO" localhost > "$TMP/$n.cout" 2> "$TMP/$n.cerr"
  rc=$?
  if assert_reported $n "$n"; then
    if [ $rc -ne 0 ] && ! hang_excused $n $rc; then
      not_ok "$n: gnutls-cli failed (exit $rc)" "$TMP/$n.cout" "$TMP/$n.cerr"
    elif ! grep -q "Description: (TLS1.3-X.509)-($want_kx)-(.*)-($want_cipher)" "$TMP/$n.cout" ||
         ! grep -q "The certificate is trusted" "$TMP/$n.cout" || ! grep -q "^HTTP/1.0 200 ok" "$TMP/$n.cout"; then
      not_ok "$n: expected a verified ($want_kx, $want_cipher) session and the status page" "$TMP/$n.cout"
    else
      ok "$n: $want_kx $want_cipher, page received"
    fi
  fi
  stop_bg "$OSSL_PID"
done <<'EOT'
rsa TLS_AES_128_GCM_SHA256 X25519 ECDHE-X25519 AES-128-GCM
rsa-pss TLS_AES_256_GCM_SHA384 P-256 ECDHE-SECP256R1 AES-256-GCM
p256 TLS_CHACHA20_POLY1305_SHA256 P-384 ECDHE-SECP384R1 CHACHA20-POLY1305
p384 TLS_AES_128_CCM_SHA256 P-521 ECDHE-SECP521R1 AES-128-CCM
ed25519 TLS_AES_256_GCM_SHA384 X448 ECDHE-X448 AES-256-GCM
rsa TLS_AES_128_GCM_SHA256 ffdhe2048 DHE-FFDHE2048 AES-128-GCM
p256 TLS_AES_256_GCM_SHA384 ffdhe3072 DHE-FFDHE3072 AES-256-GCM
rsa-pss TLS_CHACHA20_POLY1305_SHA256 ffdhe4096 DHE-FFDHE4096 CHACHA20-POLY1305
ed25519 TLS_AES_128_GCM_SHA256 ffdhe6144 DHE-FFDHE6144 AES-128-GCM
p384 TLS_AES_256_GCM_SHA384 ffdhe8192 DHE-FFDHE8192 AES-256-GCM
EOT

# 5. gnutls-serv --http over every suite, group and certificate type: each
# row is gnutls-serv's certificate and the one suite and group s_client
# offers; s_client must report them and receive the page.
while read -r cert suite group want_group; do
  n=serv-$cert-$suite-$group
  port=$(free_port)
  start_bg $n env LD_LIBRARY_PATH="$LIBDIR" ${ASAN_PRE:+LD_PRELOAD=$ASAN_PRE} ASAN_OPTIONS="$ASAN_FOREIGN" \
    gnutls-serv --http -p "$port" --priority "$PRIO" --x509certfile "$CERTS/$cert.crt" --x509keyfile "$CERTS/$cert.key"
  spid=$BG_PID
  if ! wait_listen "$port" 30 "$spid"; then
    not_ok "$n: gnutls-serv does not listen" "$TMP/$n.out" "$TMP/$n.err"
  elif assert_lib_pid "$spid" "$n"; then
    printf 'GET / HTTP/1.0\r\n\r\n' | timeout "$STEP_TIMEOUT" openssl s_client -connect "127.0.0.1:$port" -tls1_3 \
      -ign_eof -ciphersuites "$suite" -groups "$group" -CAfile "$CERTS/ca.crt" -verify_return_error \
      -verify_hostname localhost -servername localhost > "$TMP/$n.sc" 2> "$TMP/$n.scerr"
    rc=$?
    if [ $rc -ne 0 ]; then
      not_ok "$n: s_client failed (exit $rc)" "$TMP/$n.sc" "$TMP/$n.scerr" "$TMP/$n.err"
    elif ! grep -q "New, TLSv1.3, Cipher is $suite" "$TMP/$n.sc" || ! grep -q "Verify return code: 0 (ok)" "$TMP/$n.sc" ||
         ! grep -q "^Server Temp Key: $want_group" "$TMP/$n.sc" || ! grep -q "^HTTP/1.0 200 OK" "$TMP/$n.sc"; then
      not_ok "$n: expected a verified $suite session over $group and the page" "$TMP/$n.sc"
    else
      ok "$n: $suite over $group, page received"
    fi
  fi
  stop_bg "$spid"
done <<'EOT'
rsa TLS_AES_256_GCM_SHA384 P-384 ECDH, secp384r1
rsa-pss TLS_CHACHA20_POLY1305_SHA256 X25519 X25519
p256 TLS_AES_128_CCM_SHA256 ffdhe2048 DH, 2048 bits
p384 TLS_AES_128_GCM_SHA256 P-521 ECDH, secp521r1
ed25519 TLS_AES_128_GCM_SHA256 P-256 ECDH, prime256v1
rsa TLS_AES_128_GCM_SHA256 X448 X448
p256 TLS_CHACHA20_POLY1305_SHA256 ffdhe3072 DH, 3072 bits
rsa-pss TLS_AES_256_GCM_SHA384 ffdhe4096 DH, 4096 bits
p384 TLS_AES_128_GCM_SHA256 ffdhe6144 DH, 6144 bits
ed25519 TLS_AES_256_GCM_SHA384 ffdhe8192 DH, 8192 bits
EOT

finish
