#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# max_fragment_length and OCSP stapling against OpenSSL, with the unchanged
# Debian gnutls-serv and gnutls-cli on the library under test, TLS 1.2 and
# TLS 1.3:
#   1. gnutls-serv --ocsp-response (echo) against "openssl s_client -status
#      -maxfraglen 512" (which speaks no record_size_limit): s_client prints
#      the stapled response (good) and a verified chain, the server
#      answered max_fragment_length, no record from the server is longer
#      than 512 bytes of plaintext (OpenSSL itself does not check that, its
#      -trace shows the lengths), and long lines come back intact;
#   2. gnutls-cli --recordsize 512 --save-ocsp against "openssl s_server
#      -status_file -www": the saved response is byte for byte the one the
#      server stapled, both hellos carry max_fragment_length, the server's
#      page arrives in records of at most 512 bytes.
# gnutls-serv proves its library through /proc/PID/maps, gnutls-cli
# through the preload reporter.
. "${top_srcdir:?}/tests/interop/common.sh"
require_cmd openssl gnutls-cli gnutls-serv cmp
make_certs
sh "$top_srcdir/tests/handshake/gen-ocsp.sh" "$CERTS" rsa.crt ca.crt ||
  { echo "FAIL: could not make the OCSP responses"; exit 1; }
RESP=$CERTS/ocsp-good.der

# Two lines of 3000 characters (matched anywhere: s_client -trace shares
# stdout with the data and may write its notes in the middle of a line).
head -c 4500 /dev/urandom | base64 -w 0 | tr -d '+/=' | head -c 6000 | fold -w 3000 > "$TMP/lines"
echo >> "$TMP/lines"
LINE1=$(head -n 1 "$TMP/lines" | cut -c1-80)
LINE2=$(sed -n 2p "$TMP/lines" | cut -c1-80)

# max_record NAME FILE: the longest record OpenSSL's -trace shows it
# received ("Received Record") in FILE, or sent with NAME=Sent.
max_record() {
  awk -v what="$1 Record" '$0 == what { r = 1; next } r && /Length =/ { if ($3 + 0 > m) m = $3 + 0; r = 0 }
    END { print m + 0 }' "$2"
}

for v in tls1_2 tls1_3; do
  # Plaintext limit plus what protection adds (TLS 1.2 GCM: 24 bytes; TLS
  # 1.3: content type and tag, 17 bytes).
  case $v in tls1_2) limit=536 ;; tls1_3) limit=529 ;; esac

  # 1. Our server, OpenSSL's client.
  n=gnutls-serv-$v
  port=$(free_port)
  start_bg $n env LD_LIBRARY_PATH="$LIBDIR" ${ASAN_PRE:+LD_PRELOAD=$ASAN_PRE} ASAN_OPTIONS="$ASAN_FOREIGN" \
    gnutls-serv --echo -p "$port" --x509certfile "$CERTS/rsa.crt" --x509keyfile "$CERTS/rsa.key" \
    --ocsp-response "$RESP"
  spid=$BG_PID
  if ! wait_listen "$port" 30 "$spid"; then
    not_ok "$n: gnutls-serv does not listen" "$TMP/$n.out" "$TMP/$n.err"
  elif assert_lib_pid "$spid" "$n"; then
    sc=$TMP/$n.sc
    (cat "$TMP/lines"; sleep 2) | timeout "$STEP_TIMEOUT" openssl s_client -connect "127.0.0.1:$port" -$v \
      -status -maxfraglen 512 -trace -CAfile "$CERTS/ca.crt" -verify_return_error -verify_hostname localhost \
      -servername localhost > "$sc" 2> "$TMP/$n.scerr"
    rc=$?
    biggest=$(max_record Received "$sc")
    if [ $rc -ne 0 ]; then
      not_ok "$n: s_client failed (exit $rc)" "$sc" "$TMP/$n.scerr" "$TMP/$n.err"
    elif ! grep -q "OCSP Response Status: successful" "$sc" || ! grep -q "Cert Status: good" "$sc"; then
      not_ok "$n: s_client saw no stapled response" "$sc"
    elif ! grep -q "Verify return code: 0 (ok)" "$sc"; then
      not_ok "$n: the chain did not verify" "$sc"
    elif [ "$(grep -c 'max_fragment_length := 2^9 (512 bytes)' "$sc")" -lt 2 ]; then
      not_ok "$n: the server did not answer max_fragment_length" "$sc"
    elif [ "$biggest" -gt "$limit" ] || [ "$biggest" -lt 512 ]; then
      not_ok "$n: records from the server up to $biggest bytes (want $limit)" "$sc"
    elif ! grep -q "$LINE1" "$sc" || ! grep -q "$LINE2" "$sc"; then
      not_ok "$n: the lines did not come back" "$sc" "$TMP/$n.err"
    else
      ok "$n: stapled response and 512-byte fragments for s_client -status -maxfraglen 512"
    fi
  fi
  stop_bg "$spid"

  # 2. Our client, OpenSSL's server (its stdin a fifo that stays open).
  n=gnutls-cli-$v
  mkfifo "$TMP/$n.fifo"
  exec 4<> "$TMP/$n.fifo"
  BG_STDIN=$TMP/$n.fifo start_bg $n-ss openssl s_server -accept 0 -$v -www -trace \
    -cert "$CERTS/rsa.crt" -key "$CERTS/rsa.key" -status_file "$RESP"
  ss_pid=$BG_PID
  ss=$TMP/$n-ss.out
  if ! wait_for "$ss" "ACCEPT" 20 "$ss_pid"; then
    not_ok "$n: openssl s_server did not start" "$ss" "$TMP/$n-ss.err"
  else
    port=$(sed -n 's/^ACCEPT .*:\([0-9]*\)$/\1/p' "$ss" | head -n 1)
    wait_listen "$port" 10 "$ss_pid"
    (printf 'GET / HTTP/1.0\r\n\r\n'; sleep 2) | foreign_on_lib $n gnutls-cli -p "$port" \
      --x509cafile "$CERTS/ca.crt" --recordsize 512 --save-ocsp "$TMP/$n.der" localhost \
      > "$TMP/$n.out" 2> "$TMP/$n.err"
    rc=$?
    biggest=$(max_record Sent "$ss")
    if ! assert_reported $n "$n"; then
      :
    elif [ $rc -ne 0 ] && ! hang_excused $n $rc; then
      not_ok "$n: gnutls-cli failed (exit $rc)" "$TMP/$n.out" "$TMP/$n.err" "$ss"
    elif ! cmp -s "$TMP/$n.der" "$RESP"; then
      not_ok "$n: the saved OCSP response is not the stapled one" "$TMP/$n.out" "$TMP/$n.err"
    elif ! grep -q "The certificate is trusted" "$TMP/$n.out"; then
      not_ok "$n: the chain did not verify" "$TMP/$n.out"
    elif [ "$(grep -c 'max_fragment_length := 2^9 (512 bytes)' "$ss")" -lt 2 ]; then
      not_ok "$n: max_fragment_length was not offered and answered" "$ss"
    elif [ "$biggest" -gt "$limit" ] || [ "$biggest" -lt 512 ]; then
      not_ok "$n: records from the server up to $biggest bytes (want $limit)" "$ss"
    elif ! grep -q "Ciphers supported in s_server binary" "$TMP/$n.out"; then
      not_ok "$n: the page did not arrive" "$TMP/$n.out" "$TMP/$n.err"
    else
      ok "$n: saved the stapled response, 512-byte fragments with s_server"
    fi
  fi
  exec 4>&-
  stop_bg "$ss_pid"
done
finish
