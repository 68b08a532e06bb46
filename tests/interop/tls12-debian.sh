#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Unchanged Debian programs on the library under test over TLS 1.2:
#   1. gnutls-cli --rehandshake against "openssl s_server -tls1_2 -rev
#      -client_renegotiation": a line goes out and comes back reversed after
#      the client's renegotiation;
#   2. gnutls-serv (echo) against "openssl s_client -tls1_2", which
#      renegotiates with its "R" command between two lines;
#   3. wget downloading a file from "openssl s_server -tls1_2 -WWW";
#   5. client certificates with CA names, TLS 1.2 and 1.3: the real
#      gnutls-cli lists the same "trusted authorities" from gnutls-serv on the
#      library under test as from the real gnutls-serv, and gnutls-cli on the
#      library under test lists them from the real gnutls-serv and sends its
#      certificate;
#   4. gnutls-cli --benchmark-tls-ciphers and --benchmark-tls-kx complete,
#      every row has a figure, and the rows are those of the same command
#      on the real GnuTLS (both run at the same time; each takes some 45 s).
# Each program proves which libgnutls.so.30 it mapped (the preload reporter,
# or /proc/PID/maps for gnutls-serv).
. "${top_srcdir:?}/tests/interop/common.sh"
require_cmd openssl gnutls-cli gnutls-serv wget sha256sum
make_certs

P12="NORMAL:-VERS-ALL:+VERS-TLS1.2"
REAL="env -u LD_LIBRARY_PATH -u LD_PRELOAD"

# start_ossl NAME ARGS...: openssl s_server -tls1_2 on a free port; OSSL_PID, OSSL_PORT.
start_ossl() {
  _n=$1
  shift
  start_bg "$_n" openssl s_server -accept 0 -tls1_2 "$@"
  OSSL_PID=$BG_PID
  if ! wait_for "$TMP/$_n.out" "ACCEPT" 20 "$OSSL_PID"; then
    not_ok "$_n: openssl s_server did not start" "$TMP/$_n.out" "$TMP/$_n.err"
    return 1
  fi
  OSSL_PORT=$(sed -n 's/^ACCEPT .*:\([0-9]*\)$/\1/p' "$TMP/$_n.out" | head -n 1)
  wait_listen "$OSSL_PORT" 10 "$OSSL_PID"
}

# The benchmarks run in the background from the start (they take longest):
# on the library under test with the reporter, and on the real GnuTLS.
build_reporter
for b in ciphers kx; do
  rm -f "$TMP/bench-$b.maps"
  start_bg bench-$b timeout 170 env LD_LIBRARY_PATH="$LIBDIR" LD_PRELOAD="${ASAN_PRE:+$ASAN_PRE }$REPORTER" \
    TLSHIM_MAPS_REPORT="$TMP/bench-$b.maps" ASAN_OPTIONS="$ASAN_FOREIGN" gnutls-cli --benchmark-tls-$b
  eval "BENCH_$b=\$BG_PID"
  # shellcheck disable=SC2086
  start_bg bench-$b-real timeout 170 $REAL gnutls-cli --benchmark-tls-$b
  eval "BENCH_REAL_$b=\$BG_PID"
done

# 1. gnutls-cli renegotiates (client-initiated) with s_server -rev, then
# sends a line, which comes back reversed.
n=gnutls-cli-rehandshake
if start_ossl $n -rev -msg -client_renegotiation -cert "$CERTS/p256.crt" -key "$CERTS/p256.key"; then
  mkfifo "$TMP/$n.fifo"
  exec 4<> "$TMP/$n.fifo"
  BG_STDIN=$TMP/$n.fifo start_bg $n-cli env LD_LIBRARY_PATH="$LIBDIR" LD_PRELOAD="${ASAN_PRE:+$ASAN_PRE }$REPORTER" \
    TLSHIM_MAPS_REPORT="$TMP/$n.maps" ASAN_OPTIONS="$ASAN_FOREIGN" \
    gnutls-cli -p "$OSSL_PORT" --x509cafile "$CERTS/ca.crt" --priority "$P12" --rehandshake localhost
  cpid=$BG_PID
  wait_for "$TMP/$n-cli.out" "ReHandshake was completed" 20 "$cpid" && printf 'tlshim-tls12-line\n' >&4
  wait_for "$TMP/$n-cli.out" "enil-21slt-mihslt" 20 "$cpid"
  got=$?
  exec 4>&-
  wait_bg "$cpid" 20
  rc=$?
  if assert_reported $n "$n"; then
    if [ $got -ne 0 ] || { [ $rc -ne 0 ] && ! hang_excused $n $rc; }; then
      not_ok "$n: no reversed line after the renegotiation (exit $rc)" "$TMP/$n-cli.out" "$TMP/$n-cli.err" "$TMP/$n.out"
    elif [ "$(grep -c '^<<< .*ClientHello' "$TMP/$n.out")" != 2 ] ||
         [ "$(grep -c '^<<< .*Handshake.*Finished' "$TMP/$n.out")" != 2 ]; then
      not_ok "$n: s_server's trace does not show two complete handshakes" "$TMP/$n.out"
    elif ! grep -q "Description: (TLS1.2-X.509)" "$TMP/$n-cli.out" || ! grep -q "The certificate is trusted" "$TMP/$n-cli.out"; then
      not_ok "$n: not a verified TLS 1.2 session" "$TMP/$n-cli.out"
    else
      ok "$n: renegotiated with s_server, reversed line received"
    fi
  fi
  stop_bg "$OSSL_PID"
fi

# 2. gnutls-serv echoes for s_client, which renegotiates ("R") between
# its two lines.
n=gnutls-serv-reneg
port=$(free_port)
start_bg $n env LD_LIBRARY_PATH="$LIBDIR" ${ASAN_PRE:+LD_PRELOAD=$ASAN_PRE} ASAN_OPTIONS="$ASAN_FOREIGN" \
  gnutls-serv --echo -p "$port" --priority "$P12" --x509certfile "$CERTS/rsa.crt" --x509keyfile "$CERTS/rsa.key"
spid=$BG_PID
if ! wait_listen "$port" 30 "$spid"; then
  not_ok "$n: gnutls-serv does not listen" "$TMP/$n.out" "$TMP/$n.err"
elif assert_lib_pid "$spid" "$n"; then
  mkfifo "$TMP/$n.fifo"
  exec 4<> "$TMP/$n.fifo"
  BG_STDIN=$TMP/$n.fifo start_bg $n-sc openssl s_client -connect "127.0.0.1:$port" -tls1_2 -msg \
    -CAfile "$CERTS/ca.crt" -verify_return_error -verify_hostname localhost -servername localhost
  cpid=$BG_PID
  sc=$TMP/$n-sc.out
  printf 'line-one\n' >&4
  wait_count "$sc" '^line-one' 1 20 "$cpid" && printf 'R\n' >&4 &&
    wait_count "$sc" '^<<< .*Handshake.*Finished' 2 20 "$cpid" && printf 'line-two\n' >&4 &&
    wait_count "$sc" '^line-two' 1 20 "$cpid"
  exec 4>&-
  wait_bg "$cpid" 20
  rc=$?
  if [ $rc -ne 0 ]; then
    not_ok "$n: s_client failed (exit $rc)" "$sc" "$TMP/$n-sc.err" "$TMP/$n.err"
  elif [ "$(grep -c '^>>> .*ClientHello' "$sc")" != 2 ] || ! grep -q '^line-two' "$sc"; then
    not_ok "$n: no renegotiation followed by an echoed line" "$sc" "$TMP/$n.err"
  elif ! grep -q "New, TLSv1.2" "$sc" || ! grep -q "Verify return code: 0 (ok)" "$sc" ||
       ! grep -q "Secure Renegotiation IS supported" "$sc"; then
    not_ok "$n: not a verified TLS 1.2 session with RFC 5746" "$sc"
  elif ! grep -q "Received hello message" "$TMP/$n.err"; then
    not_ok "$n: gnutls-serv did not report the new hello" "$TMP/$n.err"
  else
    ok "$n: s_client renegotiated with gnutls-serv, lines echoed"
  fi
fi
stop_bg "$spid"

# 3. wget over TLS 1.2.
n=wget
mkdir -p "$TMP/www"
head -c 3000000 /dev/urandom > "$TMP/www/file.bin"
want=$(sha256sum < "$TMP/www/file.bin" | cut -d' ' -f1)
cd "$TMP/www" || exit 1
start_ossl $n -WWW -cert "$CERTS/p384.crt" -key "$CERTS/p384.key"
started=$?
cd "$OLDPWD" || exit 1
if [ $started -eq 0 ]; then
  foreign_on_lib $n wget -q --secure-protocol=TLSv1_2 --ca-certificate="$CERTS/ca.crt" --no-config \
    -O "$TMP/$n.bin" "https://localhost:$OSSL_PORT/file.bin" > "$TMP/$n.wout" 2> "$TMP/$n.werr"
  rc=$?
  if assert_reported $n "$n"; then
    got=$(sha256sum < "$TMP/$n.bin" 2>/dev/null | cut -d' ' -f1)
    if [ "$got" = "$want" ] && [ $rc -ne 0 ] && hang_excused $n $rc; then
      ok "$n: 3 MB downloaded over TLS 1.2, checksum matches"
    elif [ $rc -ne 0 ]; then
      not_ok "$n: wget failed (exit $rc)" "$TMP/$n.werr" "$TMP/$n.err"
    elif [ "$got" != "$want" ]; then
      not_ok "$n: the downloaded file differs"
    else
      ok "$n: 3 MB downloaded over TLS 1.2, checksum matches"
    fi
  fi
  stop_bg "$OSSL_PID"
fi

# 5. CA names in the certificate request.  authorities FILE: the "Server's
# trusted authorities" list gnutls-cli -V printed, or "NONE".
authorities() {
  if grep -q "Server's trusted authorities" "$1"; then
    sed -n "/Server's trusted authorities/,/Successfully sent/p" "$1"
  else
    echo NONE
  fi
}
CLIENT_CERT="--x509certfile $CERTS/client.crt --x509keyfile $CERTS/client.key"
for v in 1.2 1.3; do
  pv="NORMAL:-VERS-ALL:+VERS-TLS$v"
  # 5a. The real gnutls-cli against gnutls-serv on the real library, then on ours.
  for side in real tested; do
    n=ca-names-$v-$side
    port=$(free_port)
    if [ $side = real ]; then
      # shellcheck disable=SC2086
      start_bg $n $REAL gnutls-serv --echo -r -p "$port" --x509certfile "$CERTS/rsa.crt" --x509keyfile "$CERTS/rsa.key" \
        --x509cafile "$CERTS/ca.crt"
    else
      start_bg $n env LD_LIBRARY_PATH="$LIBDIR" ${ASAN_PRE:+LD_PRELOAD=$ASAN_PRE} ASAN_OPTIONS="$ASAN_FOREIGN" \
        gnutls-serv --echo -r -p "$port" --x509certfile "$CERTS/rsa.crt" --x509keyfile "$CERTS/rsa.key" \
        --x509cafile "$CERTS/ca.crt"
    fi
    spid=$BG_PID
    if ! wait_listen "$port" 30 "$spid"; then
      not_ok "$n: gnutls-serv does not listen" "$TMP/$n.out" "$TMP/$n.err"
    elif [ $side = real ] || assert_lib_pid "$spid" "$n"; then
      # shellcheck disable=SC2086
      printf 'ca-names-line\n' | timeout 20 $REAL gnutls-cli -V -p "$port" --x509cafile "$CERTS/ca.crt" $CLIENT_CERT \
        --priority "$pv" localhost > "$TMP/$n.cli" 2>&1
      authorities "$TMP/$n.cli" > "$TMP/$n.auth"
      if ! grep -q "Description: (TLS$v-X.509)" "$TMP/$n.cli"; then
        not_ok "$n: no TLS $v session" "$TMP/$n.cli" "$TMP/$n.err"
      elif [ $side = tested ] && ! cmp -s "$TMP/ca-names-$v-real.auth" "$TMP/$n.auth"; then
        diff "$TMP/ca-names-$v-real.auth" "$TMP/$n.auth" > "$TMP/$n.diff"
        not_ok "$n: the CA names differ from the real gnutls-serv's (< real, > tested)" "$TMP/$n.diff"
      elif ! grep -q "CN=tlshim interop test CA" "$TMP/$n.auth" || ! grep -q "sent 1 certificate" "$TMP/$n.auth"; then
        not_ok "$n: the test CA was not named or no certificate was sent" "$TMP/$n.auth"
      else
        ok "$n: gnutls-serv ($side) named the test CA over TLS $v, the client certificate was sent"
      fi
    fi
    stop_bg "$spid"
  done
  # 5b. gnutls-cli on the library under test against the real gnutls-serv.
  n=ca-names-$v-client
  port=$(free_port)
  # shellcheck disable=SC2086
  start_bg $n $REAL gnutls-serv --echo -r -p "$port" --x509certfile "$CERTS/rsa.crt" --x509keyfile "$CERTS/rsa.key" \
    --x509cafile "$CERTS/ca.crt"
  spid=$BG_PID
  if ! wait_listen "$port" 30 "$spid"; then
    not_ok "$n: gnutls-serv does not listen" "$TMP/$n.out" "$TMP/$n.err"
  else
    # shellcheck disable=SC2086
    printf 'ca-names-line\n' | foreign_on_lib $n gnutls-cli -V -p "$port" --x509cafile "$CERTS/ca.crt" $CLIENT_CERT \
      --priority "$pv" localhost > "$TMP/$n.cli" 2>&1
    rc=$?
    authorities "$TMP/$n.cli" > "$TMP/$n.auth"
    if assert_reported $n "$n"; then
      if ! grep -q "Description: (TLS$v-X.509)" "$TMP/$n.cli"; then
        not_ok "$n: no TLS $v session (exit $rc)" "$TMP/$n.cli" "$TMP/$n.err"
      elif ! cmp -s "$TMP/ca-names-$v-real.auth" "$TMP/$n.auth"; then
        diff "$TMP/ca-names-$v-real.auth" "$TMP/$n.auth" > "$TMP/$n.diff"
        not_ok "$n: gnutls-cli on tlshim lists other CA names than on the real GnuTLS (< real, > tested)" "$TMP/$n.diff"
      else
        ok "$n: gnutls-cli on the library under test received the CA names over TLS $v and sent its certificate"
      fi
    fi
  fi
  stop_bg "$spid"
done

# 4. The benchmarks.  A row of --benchmark-tls-ciphers is
# "CIPHER - TLS1.x  <number> <unit>/sec"; a row of --benchmark-tls-kx is a
# "(...)" description followed by " - <number> transactions/sec".
# rows KIND FILE: the row names, one a line, sorted; "BAD: line" for a row
# without a figure.
rows() {
  case $1 in
    ciphers)
      awk '/ - TLS1\.[0-9]/ {
             if (match($0, / - TLS1\.[0-9]+/)) { name = substr($0, 1, RSTART + RLENGTH - 1) }
             sub(/^ */, "", name)
             rest = substr($0, RSTART + RLENGTH)
             if (rest ~ /^ +[0-9]+(\.[0-9]+)? [KMGT]?B\/sec *$/) print name; else print "BAD: " $0
           }' "$2" ;;
    kx)
      awk '/^\(/ { if (name != "") print "BAD: " name; name = $0; next }
           /^ - [0-9]+(\.[0-9]+)? transactions\/sec/ { if (name != "") print name; name = ""; next }
           END { if (name != "") print "BAD: " name }' "$2" ;;
  esac | sort
}
for b in ciphers kx; do
  n=benchmark-tls-$b
  eval "pid=\$BENCH_$b rpid=\$BENCH_REAL_$b"
  # shellcheck disable=SC2154
  wait_bg "$pid" 180
  rc=$?
  wait_bg "$rpid" 180
  rrc=$?
  rows $b "$TMP/bench-$b.out" > "$TMP/$n.rows"
  rows $b "$TMP/bench-$b-real.out" > "$TMP/$n.real-rows"
  if ! assert_reported bench-$b "$n"; then :
  elif [ $rc -ne 0 ] && ! hang_excused $n $rc; then
    not_ok "$n: gnutls-cli failed (exit $rc)" "$TMP/bench-$b.out" "$TMP/bench-$b.err"
  elif [ $rrc -ne 0 ]; then
    not_ok "$n: gnutls-cli on the real GnuTLS failed (exit $rrc)" "$TMP/bench-$b-real.out" "$TMP/bench-$b-real.err"
  elif [ ! -s "$TMP/$n.rows" ] || grep -q '^BAD' "$TMP/$n.rows"; then
    not_ok "$n: rows without a figure" "$TMP/$n.rows" "$TMP/bench-$b.out"
  elif grep -Eqi 'error|fail' "$TMP/bench-$b.out" "$TMP/bench-$b.err"; then
    not_ok "$n: error lines in the output" "$TMP/bench-$b.out" "$TMP/bench-$b.err"
  elif ! cmp -s "$TMP/$n.rows" "$TMP/$n.real-rows"; then
    diff "$TMP/$n.real-rows" "$TMP/$n.rows" > "$TMP/$n.diff"
    not_ok "$n: the rows differ from the real GnuTLS's (< real, > tested)" "$TMP/$n.diff"
  else
    ok "$n: $(wc -l < "$TMP/$n.rows") rows, each with a figure, as on the real GnuTLS"
  fi
done

finish
