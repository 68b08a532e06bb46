#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# TLS 1.2 between the example programs on the library under test and
# OpenSSL 3 ("openssl s_server -tls1_2" / "openssl s_client -tls1_2"):
#   1. our client against s_server: a covering set of suites (AEAD, CBC with
#      and without encrypt-then-MAC), key exchanges (ECDHE-RSA, ECDHE-ECDSA,
#      DHE-RSA, RSA) and certificate types, the extended master secret with
#      and without, resumption by ticket and by session ID, a client
#      certificate;
#   2. our server against s_client, likewise;
#   3. renegotiation started by either side, refused, and with peers that
#      do not use RFC 5746 (our side in %DISABLE_SAFE_RENEGOTIATION mode:
#      OpenSSL always sends the renegotiation_info extension, so a legacy
#      peer can only be played by us);
#   4. 16 MiB in each direction, checked with sha256sum.
# What OpenSSL saw (its status page, -msg trace, -tlsextdebug dump or
# session summary) is checked as well as what our programs report.
. "${top_srcdir:?}/tests/interop/common.sh"
require_cmd openssl sha256sum
make_certs

P12="NORMAL:-VERS-ALL:+VERS-TLS1.2"
# NORMAL has SHA-1 as its only HMAC; the CBC suites with SHA-256/384 need more
P12X="$P12:+SHA256:+SHA384"

# start_ossl NAME ARGS...: openssl s_server -tls1_2 on a free port, input
# from $BG_STDIN.  Sets OSSL_PID and OSSL_PORT.
start_ossl() {
  _n=$1
  shift
  start_bg "$_n" openssl s_server -accept 0 -tls1_2 "$@"
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

# client_bg NAME ARGS...: the same in the background (CLI_PID); its output
# is $TMP/NAME-client.out.
client_bg() {
  _n=$1
  shift
  build_reporter
  rm -f "$TMP/$_n.maps"
  start_bg "$_n-client" env LD_LIBRARY_PATH="$LIBDIR" LD_PRELOAD="${ASAN_RT:+$ASAN_RT }$REPORTER" \
    TLSHIM_MAPS_REPORT="$TMP/$_n.maps" "$CLIENT" --timeout 20 "$@" 127.0.0.1 "$OSSL_PORT"
  CLI_PID=$BG_PID
}

# fields FILE NAME...: "name=value" for each NAME, on one line.
fields() {
  _f=$1
  shift
  for _k in "$@"; do printf '%s=%s ' "$_k" "$(field "$_k" "$_f")"; done
}

# expect_fields CHECK FILE WANT NAME...: the named fields of FILE are WANT
# (as printed by fields).
expect_fields() {
  _c=$1 _f=$2 _w=$3
  shift 3
  _g=$(fields "$_f" "$@")
  [ "$_g" = "$_w" ] && return 0
  not_ok "$_c: got '$_g', expected '$_w'" "$_f"
  return 1
}

# 1. Our client against s_server -www.  s_server allows one suite, and
# -no_etm switches encrypt-then-MAC off; its status page must show a new
# TLSv1.2 session with that suite.
#   cert  OpenSSL suite  s_server flag  cipher  kx  mac  etm
while read -r cert suite flag cipher kx mac etm; do
  n="client-$suite-$cert$flag"
  [ "$flag" = - ] && flag=
  # shellcheck disable=SC2086
  start_ossl "$n" -www -tlsextdebug -cert "$CERTS/$cert.crt" -key "$CERTS/$cert.key" -cipher "$suite" $flag || continue
  if client "$n" --priority "$P12X" --ca "$CERTS/ca.crt" --sni localhost --http / --save "$TMP/$n.page"; then
    # (the "New" line gives the version that introduced the suite)
    if ! grep -Eq "New, (SSLv3|TLSv1[.0-2]*), Cipher is $suite\$" "$TMP/$n.page" || ! grep -q "Protocol *: TLSv1.2\$" "$TMP/$n.page"; then
      not_ok "$n: s_server's page does not show a new TLSv1.2 session with $suite" "$TMP/$n.page"
    else
      expect_fields "$n" "$TMP/$n.cli" "version=TLS1.2 cipher=$cipher kx=$kx mac=$mac etm=$etm ems=yes verify=ok status=HTTP/1.0 200 ok " \
        version cipher kx mac etm ems verify status && ok "$n"
    fi
  fi
  stop_bg "$OSSL_PID"
done <<EOF
rsa ECDHE-RSA-AES128-GCM-SHA256 - AES-128-GCM ECDHE-RSA AEAD no
rsa-pss ECDHE-RSA-AES256-GCM-SHA384 - AES-256-GCM ECDHE-RSA AEAD no
p256 ECDHE-ECDSA-CHACHA20-POLY1305 - CHACHA20-POLY1305 ECDHE-ECDSA AEAD no
p384 ECDHE-ECDSA-AES128-CCM - AES-128-CCM ECDHE-ECDSA AEAD no
ed25519 ECDHE-ECDSA-AES256-GCM-SHA384 - AES-256-GCM ECDHE-ECDSA AEAD no
p256 ECDHE-ECDSA-AES128-SHA - AES-128-CBC ECDHE-ECDSA SHA1 yes
p384 ECDHE-ECDSA-AES256-SHA384 -no_etm AES-256-CBC ECDHE-ECDSA SHA384 no
rsa ECDHE-RSA-AES128-SHA256 - AES-128-CBC ECDHE-RSA SHA256 yes
rsa ECDHE-RSA-AES256-SHA -no_etm AES-256-CBC ECDHE-RSA SHA1 no
rsa DHE-RSA-AES128-GCM-SHA256 - AES-128-GCM DHE-RSA AEAD no
rsa DHE-RSA-CHACHA20-POLY1305 - CHACHA20-POLY1305 DHE-RSA AEAD no
rsa DHE-RSA-AES256-SHA256 -no_etm AES-256-CBC DHE-RSA SHA256 no
rsa AES128-GCM-SHA256 - AES-128-GCM RSA AEAD no
rsa AES256-SHA - AES-256-CBC RSA SHA1 yes
rsa AES128-SHA256 -no_etm AES-128-CBC RSA SHA256 no
EOF

# The extended master secret: offered by default (s_server's extension
# dump shows it), not offered with %NO_SESSION_HASH.
for mode in on off; do
  n=client-ems-$mode
  start_ossl $n -www -tlsextdebug -cert "$CERTS/rsa.crt" -key "$CERTS/rsa.key" || continue
  if [ $mode = on ]; then prio=$P12; want=yes; else prio="$P12:%NO_SESSION_HASH"; want=no; fi
  if client $n --priority "$prio" --http /; then
    if grep -q 'extended master secret" (id=23)' "$TMP/$n.out"; then seen=yes; else seen=no; fi
    if [ $seen != $want ]; then
      not_ok "$n: s_server saw the extended master secret extension: $seen, expected $want" "$TMP/$n.out"
    else
      expect_field $n "$TMP/$n.cli" ems $want && ok "$n: extended master secret $want on both sides"
    fi
  fi
  stop_bg "$OSSL_PID"
done

# Resumption, by ticket (s_server's default) and by session ID (s_server
# -no_ticket): the second connection is resumed on both sides.
for how in ticket id; do
  n=client-resume-$how
  if [ $how = ticket ]; then flag=; else flag=-no_ticket; fi
  # shellcheck disable=SC2086
  start_ossl $n -www -tlsextdebug -cert "$CERTS/p256.crt" -key "$CERTS/p256.key" $flag || continue
  if client $n --priority "$P12" --resume --http / --save "$TMP/$n.page"; then
    r=$(sed -n 's/^resumed: //p' "$TMP/$n.cli" | tr '\n' ' ')
    # a ticket shows as a non-empty session ticket extension in the second hello
    tickets=$(grep -c 'session ticket" (id=35), len=[1-9]' "$TMP/$n.out")
    if [ "$r" != "no yes " ]; then
      not_ok "$n: resumed lines are '$r', expected 'no yes'" "$TMP/$n.cli"
    elif ! grep -q "Reused, TLSv1.2" "$TMP/$n.page"; then
      not_ok "$n: s_server did not report a reused session" "$TMP/$n.page"
    elif [ $how = ticket ] && [ "$tickets" -lt 1 ]; then
      not_ok "$n: the client did not present its ticket" "$TMP/$n.out"
    elif [ $how = id ] && [ "$tickets" -ne 0 ]; then
      not_ok "$n: a ticket was presented to a server without tickets" "$TMP/$n.out"
    else
      ok "$n: second connection resumed by $how"
    fi
  fi
  stop_bg "$OSSL_PID"
done

# Client certificate required by s_server.
n=client-cert
if start_ossl $n -www -cert "$CERTS/p384.crt" -key "$CERTS/p384.key" -CAfile "$CERTS/ca.crt" -Verify 1 -verify_return_error; then
  if client $n --priority "$P12" --cert "$CERTS/client.crt" --key "$CERTS/client.key" --http / --save "$TMP/$n.page"; then
    if ! grep -q "CN *= *tlshim-client" "$TMP/$n.out" "$TMP/$n.err" "$TMP/$n.page"; then
      not_ok "$n: s_server did not see the client certificate" "$TMP/$n.out" "$TMP/$n.err"
    else
      expect_fields $n "$TMP/$n.cli" "version=TLS1.2 cert-requested=yes " version cert-requested &&
        ok "$n: client certificate accepted"
    fi
  fi
  stop_bg "$OSSL_PID"
fi

# 2. Our server against s_client: one certificate, one suite offered by
# s_client (which verifies the chain); both ends report the same session.
ALL_PAIRS=
for c in rsa rsa-pss p256 p384 ed25519; do
  ALL_PAIRS="$ALL_PAIRS --cert $CERTS/$c.crt --key $CERTS/$c.key"
done
printf 'GET /bytes/1000 HTTP/1.0\r\n\r\n' > "$TMP/get1000"

# sclient NAME STDIN ARGS...: openssl s_client -tls1_2 against our server.
sclient() {
  _n=$1 _in=$2
  shift 2
  timeout "$STEP_TIMEOUT" openssl s_client -connect "127.0.0.1:$SRV_PORT" -tls1_2 "$@" \
    < "$_in" > "$TMP/$_n.sc" 2> "$TMP/$_n.scerr"
}
server_done() {
  wait_bg "$SRV_PID" 30
  _st=$?
  [ $_st -eq 0 ] && return 0
  not_ok "$1: tls-server exited with $_st" "$TMP/$1.out" "$TMP/$1.err" "$TMP/$1.sc"
  return 1
}

while read -r cert suite flag cipher kx mac etm; do
  n="server-$suite-$cert$flag"
  [ "$flag" = - ] && flag=
  start_server "$n" --priority "$P12X" --dhe --http --count 1 --cert "$CERTS/$cert.crt" --key "$CERTS/$cert.key" || continue
  # shellcheck disable=SC2086
  sclient "$n" "$TMP/get1000" -ign_eof -cipher "$suite" $flag -CAfile "$CERTS/ca.crt" -verify_return_error \
    -verify_hostname localhost -servername localhost
  rc=$?
  server_done "$n" || continue
  if [ $rc -ne 0 ]; then
    not_ok "$n: s_client failed (exit $rc)" "$TMP/$n.sc" "$TMP/$n.scerr"
  elif ! grep -Eq "New, (SSLv3|TLSv1[.0-2]*), Cipher is $suite\$" "$TMP/$n.sc" || ! grep -q "Protocol *: TLSv1.2\$" "$TMP/$n.sc" || ! grep -q "Verify return code: 0 (ok)" "$TMP/$n.sc" ||
       ! grep -q "Extended master secret: yes" "$TMP/$n.sc" || ! grep -q "Secure Renegotiation IS supported" "$TMP/$n.sc"; then
    not_ok "$n: s_client did not report a verified TLSv1.2 session with $suite, EMS and RFC 5746" "$TMP/$n.sc"
  elif ! grep -q "^HTTP/1.0 200 OK" "$TMP/$n.sc"; then
    not_ok "$n: no HTTP answer" "$TMP/$n.sc"
  else
    expect_fields "$n" "$TMP/$n.out" "version=TLS1.2 cipher=$cipher kx=$kx mac=$mac etm=$etm ems=yes safe-reneg=yes bytes=1000 " \
      version cipher kx mac etm ems safe-reneg bytes && ok "$n"
  fi
done <<EOF
rsa ECDHE-RSA-AES256-GCM-SHA384 - AES-256-GCM ECDHE-RSA AEAD no
rsa-pss ECDHE-RSA-AES128-GCM-SHA256 - AES-128-GCM ECDHE-RSA AEAD no
p256 ECDHE-ECDSA-AES128-GCM-SHA256 - AES-128-GCM ECDHE-ECDSA AEAD no
p384 ECDHE-ECDSA-CHACHA20-POLY1305 - CHACHA20-POLY1305 ECDHE-ECDSA AEAD no
ed25519 ECDHE-ECDSA-AES128-CCM - AES-128-CCM ECDHE-ECDSA AEAD no
p256 ECDHE-ECDSA-AES256-SHA - AES-256-CBC ECDHE-ECDSA SHA1 yes
p384 ECDHE-ECDSA-AES256-SHA384 -no_etm AES-256-CBC ECDHE-ECDSA SHA384 no
rsa ECDHE-RSA-AES128-SHA - AES-128-CBC ECDHE-RSA SHA1 yes
rsa ECDHE-RSA-AES128-SHA256 -no_etm AES-128-CBC ECDHE-RSA SHA256 no
rsa DHE-RSA-AES256-GCM-SHA384 - AES-256-GCM DHE-RSA AEAD no
rsa DHE-RSA-AES128-SHA - AES-128-CBC DHE-RSA SHA1 yes
rsa AES256-GCM-SHA384 - AES-256-GCM RSA AEAD no
rsa AES128-SHA256 -no_etm AES-128-CBC RSA SHA256 no
EOF

# Resumption of our server's sessions: by ticket, and by session ID when
# the server issues no tickets.
for how in ticket id; do
  n=server-resume-$how
  if [ $how = ticket ]; then flag=; else flag=--no-tickets; fi
  # shellcheck disable=SC2086
  start_server $n --priority "$P12" --http --count 2 --cert "$CERTS/rsa.crt" --key "$CERTS/rsa.key" $flag || continue
  sclient $n-1 "$TMP/get1000" -ign_eof -sess_out "$TMP/$n.sess"
  sclient $n-2 "$TMP/get1000" -ign_eof -sess_in "$TMP/$n.sess"
  rc=$?
  if server_done $n; then
    r=$(sed -n 's/^resumed: //p' "$TMP/$n.out" | tr '\n' ' ')
    if [ $rc -ne 0 ] || ! grep -q "Reused, TLSv1.2" "$TMP/$n-2.sc"; then
      not_ok "$n: s_client did not resume (exit $rc)" "$TMP/$n-1.sc" "$TMP/$n-2.sc"
    elif [ "$r" != "no yes " ]; then
      not_ok "$n: the server's resumed lines are '$r', expected 'no yes'" "$TMP/$n.out"
    elif [ $how = ticket ] && ! grep -q "TLS session ticket:" "$TMP/$n-1.sc"; then
      not_ok "$n: s_client got no ticket" "$TMP/$n-1.sc"
    elif [ $how = id ] && grep -q "TLS session ticket:" "$TMP/$n-1.sc"; then
      not_ok "$n: s_client got a ticket from a server without tickets" "$TMP/$n-1.sc"
    else
      ok "$n: second connection resumed by $how"
    fi
  fi
done

# Client certificate required and verified by our server.
n=server-client-cert
if start_server $n --priority "$P12" --http --count 1 --cert "$CERTS/p256.crt" --key "$CERTS/p256.key" \
     --ca "$CERTS/ca.crt" --require-client-cert; then
  sclient $n "$TMP/get1000" -ign_eof -cert "$CERTS/client.crt" -key "$CERTS/client.key"
  rc=$?
  if server_done $n; then
    if [ $rc -ne 0 ]; then
      not_ok "$n: s_client failed (exit $rc)" "$TMP/$n.sc" "$TMP/$n.scerr"
    else
      expect_fields $n "$TMP/$n.out" "version=TLS1.2 client-cert=RSA 2048 client-verify=ok " version client-cert client-verify &&
        ok "$n: client certificate verified"
    fi
  fi
fi

# 3. Renegotiation.
# ossl_fifo NAME ARGS...: s_server -tls1_2 -msg with its input on fd 3 (a
# fifo), for its one-letter commands and the lines it sends.
ossl_fifo() {
  _n=$1
  shift
  rm -f "$TMP/$_n.fifo"
  mkfifo "$TMP/$_n.fifo"
  exec 3<> "$TMP/$_n.fifo"
  BG_STDIN=$TMP/$_n.fifo start_ossl "$_n" -msg "$@"
}
# client_result NAME: the background client's exit status and report.
client_result() {
  wait_bg "$CLI_PID" 30
  _rc=$?
  assert_reported "$1" "$1: tls-client" || return 1
  [ $_rc -eq 0 ] && return 0
  not_ok "$1: tls-client failed (exit $_rc)" "$TMP/$1-client.out" "$TMP/$1-client.err" "$TMP/$1.out"
  return 1
}
finished_count() { grep -c '^<<< .*Handshake.*Finished' "$1" 2>/dev/null; }

# 3a. s_server asks for a new handshake ("r"); our client obeys, then data
# still flow both ways.  With "R" s_server also asks for a certificate,
# which our client provides in the new handshake.
for cmd in r R; do
  n=reneg-server-$cmd
  ossl_fifo $n -cert "$CERTS/rsa.crt" -key "$CERTS/rsa.key" -CAfile "$CERTS/ca.crt" || { exec 3>&-; continue; }
  client_bg $n --priority "$P12" --cert "$CERTS/client.crt" --key "$CERTS/client.key" \
    --send ping-1 --expect pong-1 --send ping-2 --expect pong-2
  if wait_for "$TMP/$n.out" ping-1 20 "$OSSL_PID"; then
    printf '%s\n' $cmd >&3
    wait_count "$TMP/$n.out" '^<<< .*Handshake.*Finished' 2 20 "$OSSL_PID" && printf 'pong-1\n' >&3 &&
      wait_for "$TMP/$n.out" ping-2 20 "$OSSL_PID" && printf 'pong-2\n' >&3
  fi
  if client_result $n; then
    c=$TMP/$n-client.out
    if [ "$(grep -c '^<<< .*ClientHello' "$TMP/$n.out")" != 2 ] || [ "$(finished_count "$TMP/$n.out")" != 2 ]; then
      not_ok "$n: s_server's trace does not show two complete handshakes" "$TMP/$n.out"
    elif [ $cmd = R ] && ! grep -q "CN *= *tlshim-client" "$TMP/$n.out" "$TMP/$n.err"; then
      not_ok "$n: s_server did not get the client certificate in the new handshake" "$TMP/$n.out" "$TMP/$n.err"
    else
      expect_fields $n "$c" "rehandshake-request=accepted renegotiated=yes reneg-version=TLS1.2 reneg-safe=yes renegotiations=1 received=pong-1 " \
        rehandshake-request renegotiated reneg-version reneg-safe renegotiations received &&
        grep -q '^received: pong-2$' "$c" && ok "$n: server-initiated renegotiation ($cmd) completed"
    fi
  fi
  exec 3>&-
  stop_bg "$OSSL_PID"
done

# 3b. The same request refused by our client (--refuse-rehandshake): it
# answers with a warning no_renegotiation alert, which s_server's trace
# shows.  (OpenSSL then ends the connection: it treats the alert as fatal.)
n=reneg-server-refused
if ossl_fifo $n -cert "$CERTS/p256.crt" -key "$CERTS/p256.key"; then
  client_bg $n --priority "$P12" --refuse-rehandshake --send ping-1 --expect pong-1
  if wait_for "$TMP/$n.out" ping-1 20 "$OSSL_PID"; then
    printf 'r\n' >&3
    wait_for "$TMP/$n.out" "warning no_renegotiation" 20 "$OSSL_PID"
    printf 'pong-1\n' >&3
  fi
  wait_bg "$CLI_PID" 30
  if ! assert_reported $n "$n: tls-client"; then :
  elif ! grep -q '^<<< .*Alert.*warning no_renegotiation' "$TMP/$n.out"; then
    not_ok "$n: s_server did not receive a no_renegotiation warning" "$TMP/$n.out" "$TMP/$n-client.out"
  elif [ "$(grep -c '^<<< .*ClientHello' "$TMP/$n.out")" != 1 ]; then
    not_ok "$n: the client sent a new hello although it refused" "$TMP/$n.out"
  else
    expect_fields $n "$TMP/$n-client.out" "rehandshake-request=refused " rehandshake-request &&
      ok "$n: renegotiation refused with no_renegotiation"
  fi
  exec 3>&-
  stop_bg "$OSSL_PID"
fi

# 3c. Our client starts a new handshake (--rehandshake) after the first
# exchange with s_server -rev: accepted with -client_renegotiation, refused
# by OpenSSL's default; the connection goes on in both cases.
for allow in yes no; do
  n=reneg-client-$allow
  if [ $allow = yes ]; then flag=-client_renegotiation; want=yes; count=1; else flag=; want=refused; count=0; fi
  # shellcheck disable=SC2086
  start_ossl $n -rev -msg $flag -cert "$CERTS/p256.crt" -key "$CERTS/p256.key" || continue
  if client $n --priority "$P12" --rehandshake --send abc-1 --expect 1-cba --send xyz-2 --expect 2-zyx; then
    hellos=$(grep -c '^<<< .*ClientHello' "$TMP/$n.out")
    if [ $allow = yes ] && { [ "$hellos" != 2 ] || [ "$(finished_count "$TMP/$n.out")" != 2 ]; }; then
      not_ok "$n: s_server's trace does not show two complete handshakes" "$TMP/$n.out"
    elif [ $allow = no ] && ! grep -q '^>>> .*Alert.*warning no_renegotiation' "$TMP/$n.out"; then
      not_ok "$n: s_server did not refuse with no_renegotiation" "$TMP/$n.out"
    else
      expect_fields $n "$TMP/$n.cli" "rehandshake=started renegotiated=$want renegotiations=$count " \
        rehandshake renegotiated renegotiations && grep -q '^received: 2-zyx$' "$TMP/$n.cli" &&
        ok "$n: client-initiated renegotiation: $want"
    fi
  fi
  stop_bg "$OSSL_PID"
done

# 3d. s_client's "R" against our echo server, which accepts the new
# handshake; and our server's own request (--rehandshake), which s_client
# obeys by itself.  (s_client answers a HelloRequest with an attempt to
# resume; the real GnuTLS 3.7.9 server fails such a renegotiation with
# GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE when the client presents a session
# ticket, so s_client runs with -no_ticket there.)
for who in client server; do
  n=reneg-sclient-$who
  if [ $who = server ]; then flag=--rehandshake; scflag=-no_ticket; else flag=; scflag=; fi
  # shellcheck disable=SC2086
  start_server $n --priority "$P12" --echo --count 1 --cert "$CERTS/rsa.crt" --key "$CERTS/rsa.key" $flag || continue
  rm -f "$TMP/$n.fifo"
  mkfifo "$TMP/$n.fifo"
  exec 4<> "$TMP/$n.fifo"
  # shellcheck disable=SC2086
  BG_STDIN=$TMP/$n.fifo start_bg $n-sc openssl s_client -connect "127.0.0.1:$SRV_PORT" -tls1_2 -msg $scflag
  cpid=$BG_PID
  sc=$TMP/$n-sc.out
  printf 'line-one\n' >&4
  if wait_count "$sc" '^line-one' 1 20 "$cpid"; then
    [ $who = client ] && printf 'R\n' >&4
    wait_count "$sc" '^<<< .*Handshake.*Finished' 2 20 "$cpid" && printf 'line-two\n' >&4 &&
      wait_count "$sc" '^line-two' 1 20 "$cpid"
  fi
  exec 4>&-
  wait_bg "$cpid" 20
  rc=$?
  if server_done $n; then
    if [ $rc -ne 0 ]; then
      not_ok "$n: s_client failed (exit $rc)" "$sc" "$TMP/$n-sc.err"
    elif [ "$(grep -c '^>>> .*ClientHello' "$sc")" != 2 ] || ! grep -q '^line-two' "$sc"; then
      not_ok "$n: s_client did not renegotiate and go on" "$sc" "$TMP/$n.out"
    elif [ $who = server ] && ! grep -q '^<<< .*HelloRequest' "$sc"; then
      not_ok "$n: s_client got no HelloRequest" "$sc"
    else
      expect_fields $n "$TMP/$n.out" "renegotiated=yes reneg-version=TLS1.2 reneg-safe=yes renegotiations=1 echoed=18 " \
        renegotiated reneg-version reneg-safe renegotiations echoed && ok "$n: renegotiation started by the $who"
    fi
  fi
done

# 3e. Peers without RFC 5746.  OpenSSL always sends renegotiation_info, so
# the legacy side is ours, in %DISABLE_SAFE_RENEGOTIATION mode.
# Our server without the extension: s_client refuses it by default
# (OpenSSL 3 no longer connects to such servers) and accepts it with
# -legacy_server_connect; a renegotiation then needs
# -legacy_renegotiation on its side (-no_ticket: see 3d).
LEGACY="$P12:%DISABLE_SAFE_RENEGOTIATION"
n=legacy-server-refused
if start_server $n --priority "$LEGACY" --echo --count 1 --cert "$CERTS/rsa.crt" --key "$CERTS/rsa.key"; then
  printf 'hello\n' > "$TMP/hello"
  sclient $n "$TMP/hello"
  rc=$?
  wait_bg "$SRV_PID" 20
  if [ $rc -eq 0 ] || ! grep -q "unsafe legacy renegotiation disabled" "$TMP/$n.scerr"; then
    not_ok "$n: s_client accepted a server without RFC 5746 (exit $rc)" "$TMP/$n.sc" "$TMP/$n.scerr"
  else
    ok "$n: s_client refuses a server without RFC 5746"
  fi
fi
n=legacy-server-reneg
if start_server $n --priority "$LEGACY" --echo --count 1 --cert "$CERTS/rsa.crt" --key "$CERTS/rsa.key" --rehandshake; then
  rm -f "$TMP/$n.fifo"
  mkfifo "$TMP/$n.fifo"
  exec 4<> "$TMP/$n.fifo"
  BG_STDIN=$TMP/$n.fifo start_bg $n-sc openssl s_client -connect "127.0.0.1:$SRV_PORT" -tls1_2 -msg \
    -legacy_server_connect -legacy_renegotiation -no_ticket
  cpid=$BG_PID
  sc=$TMP/$n-sc.out
  printf 'line-one\n' >&4
  wait_count "$sc" '^line-one' 1 20 "$cpid" && wait_count "$sc" '^<<< .*Handshake.*Finished' 2 20 "$cpid" &&
    printf 'line-two\n' >&4 && wait_count "$sc" '^line-two' 1 20 "$cpid"
  exec 4>&-
  wait_bg "$cpid" 20
  if server_done $n; then
    if ! grep -q "Secure Renegotiation IS NOT supported" "$sc"; then
      not_ok "$n: the server sent renegotiation_info" "$sc"
    elif ! grep -q '^line-two' "$sc"; then
      not_ok "$n: no data after the renegotiation" "$sc" "$TMP/$n.out"
    else
      expect_fields $n "$TMP/$n.out" "safe-reneg=no renegotiated=yes reneg-safe=no " safe-reneg renegotiated reneg-safe &&
        ok "$n: legacy (unsafe) renegotiation with -legacy_renegotiation"
    fi
  fi
fi

# Our client without the extension: s_server accepts the first handshake
# (safe-reneg: no on our side).  Its request for a new handshake succeeds
# with -legacy_renegotiation; without, s_server still sends the request but
# answers our hello (which lacks renegotiation_info) with a fatal
# handshake_failure alert.
for legacy in no yes; do
  n=legacy-client-$legacy
  if [ $legacy = yes ]; then flag=-legacy_renegotiation; else flag=; fi
  # shellcheck disable=SC2086
  ossl_fifo $n -cert "$CERTS/rsa.crt" -key "$CERTS/rsa.key" $flag || { exec 3>&-; continue; }
  client_bg $n --priority "$LEGACY" --send ping-1 --expect pong-1
  if wait_for "$TMP/$n.out" ping-1 20 "$OSSL_PID"; then
    printf 'r\n' >&3
    if [ $legacy = yes ]; then
      wait_count "$TMP/$n.out" '^<<< .*Handshake.*Finished' 2 20 "$OSSL_PID"
    else
      wait_for "$TMP/$n.out" "fatal handshake_failure" 20 "$OSSL_PID"
    fi
    printf 'pong-1\n' >&3
  fi
  if [ $legacy = no ]; then
    wait_bg "$CLI_PID" 30
    rc=$?
    if ! assert_reported $n "$n: tls-client"; then :
    elif [ $rc -ne 1 ] || ! grep -q '^>>> .*Alert.*fatal handshake_failure' "$TMP/$n.out"; then
      not_ok "$n: s_server did not refuse the legacy client's new hello (client exit $rc)" "$TMP/$n.out" "$TMP/$n-client.out"
    else
      expect_fields $n "$TMP/$n-client.out" "safe-reneg=no rehandshake-request=accepted " safe-reneg rehandshake-request &&
        ok "$n: s_server refuses to renegotiate with a legacy client"
    fi
  elif client_result $n; then
    hellos=$(grep -c '^<<< .*ClientHello' "$TMP/$n.out")
    if [ $legacy = yes ] && [ "$hellos" != 2 ]; then
      not_ok "$n: no renegotiation with -legacy_renegotiation" "$TMP/$n.out" "$TMP/$n-client.out"
    else
      expect_fields $n "$TMP/$n-client.out" "safe-reneg=no renegotiated=yes reneg-safe=no renegotiations=1 " \
        safe-reneg renegotiated reneg-safe renegotiations && ok "$n: unsafe renegotiation with a legacy-enabled s_server"
    fi
  fi
  exec 3>&-
  stop_bg "$OSSL_PID"
done

# 4. 16 MiB in each direction over TLS 1.2.
n=download-16M
mkdir -p "$TMP/www"
head -c 16777216 /dev/urandom > "$TMP/www/big.bin"
want=$(sha256sum "$TMP/www/big.bin" | cut -d' ' -f1)
cd "$TMP/www" || exit 1
start_ossl $n -cert "$CERTS/p256.crt" -key "$CERTS/p256.key" -WWW
started=$?
cd "$OLDPWD" || exit 1
if [ $started -eq 0 ]; then
  if client $n --priority "$P12" --ca "$CERTS/ca.crt" --sni localhost --http /big.bin; then
    expect_fields $n "$TMP/$n.cli" "version=TLS1.2 bytes=16777216 sha256=$want " version bytes sha256 &&
      ok "$n: our client got 16 MiB from s_server, SHA-256 matches"
  fi
  stop_bg "$OSSL_PID"
fi
rm -rf "$TMP/www"

n=upload-16M
printf 'GET /bytes/16777216 HTTP/1.0\r\n\r\n' > "$TMP/get16M"
if start_server $n --priority "$P12" --http --count 1 --cert "$CERTS/rsa.crt" --key "$CERTS/rsa.key"; then
  sclient $n "$TMP/get16M" -quiet
  rc=$?
  if server_done $n; then
    got=$(tail -c 16777216 "$TMP/$n.sc" | sha256sum | cut -d' ' -f1)
    size=$(wc -c < "$TMP/$n.sc")
    if [ $rc -ne 0 ] || ! grep -q "^HTTP/1.0 200 OK" "$TMP/$n.sc" || [ "$size" -lt 16777216 ]; then
      not_ok "$n: s_client got $size bytes (exit $rc)" "$TMP/$n.scerr"
    else
      expect_fields $n "$TMP/$n.out" "version=TLS1.2 bytes=16777216 sha256=$got " version bytes sha256 &&
        ok "$n: s_client got 16 MiB from our server, SHA-256 matches"
    fi
  fi
  rm -f "$TMP/$n.sc"
fi

finish
