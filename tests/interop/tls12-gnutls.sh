#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# TLS 1.2 between the example programs on the library under test and the
# REAL GnuTLS tools (gnutls-serv and gnutls-cli without LD_LIBRARY_PATH, on
# the system's libgnutls):
#   1. our client against gnutls-serv and our server against gnutls-cli over
#      a set of suites, key exchanges and certificate types;
#      and the GOST suite of RFC 9189 both ways (256- and 512-bit keys);
#   2. resumption by ticket and by session ID, both ways;
#   3. renegotiation: "gnutls-cli --rehandshake" against our server, our
#      server's request (--rehandshake) obeyed by gnutls-cli, our client's
#      --rehandshake against gnutls-serv;
#   4. the RFC 5746 modes of the priority string (%SAFE_RENEGOTIATION,
#      default/partial, %UNSAFE_RENEGOTIATION) against a peer in
#      %DISABLE_SAFE_RENEGOTIATION mode, on either side.
. "${top_srcdir:?}/tests/interop/common.sh"
require_cmd gnutls-serv gnutls-cli openssl
make_certs

REAL="env -u LD_LIBRARY_PATH -u LD_PRELOAD"
P12="NORMAL:-VERS-ALL:+VERS-TLS1.2"
P12X="$P12:+SHA256:+SHA384"

# start_gserv NAME PRIORITY CERT [ARGS...]: the real gnutls-serv (echo mode)
# on a free port; GS_PID, GS_PORT.
start_gserv() {
  _n=$1 _p=$2 _c=$3
  shift 3
  GS_PORT=$(free_port)
  # shellcheck disable=SC2086
  start_bg "$_n" $REAL gnutls-serv --echo -p "$GS_PORT" --priority "$_p" \
    --x509certfile "$CERTS/$_c.crt" --x509keyfile "$CERTS/$_c.key" "$@"
  GS_PID=$BG_PID
  wait_listen "$GS_PORT" 20 "$GS_PID" && return 0
  not_ok "$_n: gnutls-serv did not start" "$TMP/$_n.err"
  return 1
}

# client NAME ARGS...: our client against gnutls-serv; CLI_RC is its exit
# status (checked by the caller), output in $TMP/NAME.cli / NAME.cerr.
client_run() {
  _n=$1
  shift
  on_lib "$_n" "$CLIENT" --timeout 20 "$@" 127.0.0.1 "$GS_PORT" > "$TMP/$_n.cli" 2> "$TMP/$_n.cerr"
  CLI_RC=$?
  assert_reported "$_n" "$_n: tls-client"
}
client() {
  _n=$1
  shift
  client_run "$_n" "$@" --send "ping-$_n" --expect "ping-$_n" --send "second line" --expect "second line" || return 1
  [ "$CLI_RC" -eq 0 ] && return 0
  not_ok "$_n: tls-client failed (exit $CLI_RC)" "$TMP/$_n.cli" "$TMP/$_n.cerr" "$TMP/$_n.out"
  return 1
}

# gcli_run NAME ARGS...: the real gnutls-cli against our server, sending a
# line and waiting for its echo; GC_GOT (0: echoed) and GC_RC (exit).
gcli_run() {
  _n=$1
  shift
  rm -f "$TMP/$_n.fifo"
  mkfifo "$TMP/$_n.fifo"
  exec 4<> "$TMP/$_n.fifo"
  # shellcheck disable=SC2086
  BG_STDIN=$TMP/$_n.fifo start_bg "$_n-cli" $REAL gnutls-cli -p "$SRV_PORT" --x509cafile "$CERTS/ca.crt" "$@" localhost
  _cpid=$BG_PID
  printf 'hello-%s\n' "$_n" >&4
  wait_for "$TMP/$_n-cli.out" "hello-$_n" 20 "$_cpid"
  GC_GOT=$?
  if [ $GC_GOT -eq 0 ] && [ -n "${GC_SECOND:-}" ]; then
    # a second line once the first came back (after a renegotiation)
    printf '%s\n' "$GC_SECOND" >&4
    wait_for "$TMP/$_n-cli.out" "$GC_SECOND" 20 "$_cpid"
    GC_GOT=$?
  fi
  exec 4>&-
  wait_bg "$_cpid" 20
  GC_RC=$?
}
gcli() {
  gcli_run "$@"
  [ $GC_GOT -eq 0 ] && [ $GC_RC -eq 0 ] && return 0
  not_ok "$1: gnutls-cli did not get its line back (exit $GC_RC)" "$TMP/$1-cli.out" "$TMP/$1-cli.err" "$TMP/$1.out"
  return 1
}

server_done() {
  wait_bg "$SRV_PID" 30
  _st=$?
  [ $_st -eq 0 ] && return 0
  not_ok "$1: tls-server exited with $_st" "$TMP/$1.out" "$TMP/$1.err"
  return 1
}

# desc_has FILE CIPHER MAC: the tool's "- Description:" line shows a TLS 1.2
# session with CIPHER (and MAC, named after it unless AEAD).
desc_has() {
  if [ "$3" = AEAD ]; then
    grep -q -- "- Description: (TLS1.2-X.509)-.*-($2)\$" "$1"
  else
    grep -q -- "- Description: (TLS1.2-X.509)-.*-($2)-($3)\$" "$1"
  fi
}

#   cert  kx  cipher  mac  (what the tools must negotiate)
CASES="rsa ECDHE-RSA AES-128-GCM AEAD
rsa-pss ECDHE-RSA AES-256-GCM AEAD
p256 ECDHE-ECDSA CHACHA20-POLY1305 AEAD
p384 ECDHE-ECDSA AES-256-CBC SHA384
ed25519 ECDHE-ECDSA AES-128-CCM AEAD
rsa DHE-RSA AES-256-GCM AEAD
rsa DHE-RSA AES-128-CBC SHA256
rsa RSA AES-128-CBC SHA1
rsa RSA AES-256-GCM AEAD"

# 1a. Our client against gnutls-serv, which allows one key exchange, one
# cipher and one MAC.
while read -r cert kx cipher mac; do
  n=client-$cert-$kx-$cipher-$mac
  start_gserv "$n" "$P12X:-KX-ALL:+$kx:-CIPHER-ALL:+$cipher:-MAC-ALL:+$mac" "$cert" || continue
  if client "$n" --priority "$P12X" --ca "$CERTS/ca.crt" --sni localhost; then
    if ! desc_has "$TMP/$n.out" "$cipher" "$mac"; then
      not_ok "$n: gnutls-serv reports another session" "$TMP/$n.out"
    else
      expect_field "$n" "$TMP/$n.cli" version TLS1.2 && expect_field "$n" "$TMP/$n.cli" kx "$kx" &&
        expect_field "$n" "$TMP/$n.cli" cipher "$cipher" && expect_field "$n" "$TMP/$n.cli" mac "$mac" &&
        expect_field "$n" "$TMP/$n.cli" verify ok && ok "$n"
    fi
  fi
  stop_bg "$GS_PID"
done <<EOF
$CASES
EOF

# 1b. gnutls-cli against our server (one certificate, everything allowed);
# gnutls-cli allows one key exchange, cipher and MAC.
while read -r cert kx cipher mac; do
  n=server-$cert-$kx-$cipher-$mac
  start_server "$n" --priority "$P12X" --dhe --echo --count 1 --cert "$CERTS/$cert.crt" --key "$CERTS/$cert.key" || continue
  if gcli "$n" --priority "$P12X:-KX-ALL:+$kx:-CIPHER-ALL:+$cipher:-MAC-ALL:+$mac" && server_done "$n"; then
    if ! desc_has "$TMP/$n-cli.out" "$cipher" "$mac" || ! grep -q "Status: The certificate is trusted" "$TMP/$n-cli.out"; then
      not_ok "$n: gnutls-cli reports another session" "$TMP/$n-cli.out"
    else
      expect_field "$n" "$TMP/$n.out" version TLS1.2 && expect_field "$n" "$TMP/$n.out" kx "$kx" &&
        expect_field "$n" "$TMP/$n.out" cipher "$cipher" && expect_field "$n" "$TMP/$n.out" mac "$mac" &&
        expect_field "$n" "$TMP/$n.out" sni localhost && ok "$n"
    fi
  fi
  stop_bg "$SRV_PID"
done <<EOF
$CASES
EOF

# 1c. The GOST suite (RFC 9189: VKO GOST R 34.10-2012 key transport,
# GOST 28147-89 CNT with IMIT, Streebog PRF) both ways, with a 3000-byte
# line and a second one so that the cipher's and the MAC's key meshing (every
# 1 KiB) and their state carried from record to record are exercised.
make_gost_cert
PG="NONE:+VERS-TLS1.2:+GOST28147-TC26Z-CNT:+GOST28147-TC26Z-IMIT:+SIGN-ALL:+SIGN-GOSTR341012-256:+SIGN-GOSTR341012-512:+COMP-NULL:+VKO-GOST-12:+GROUP-GOST-ALL"
long=$(head -c 3000 /dev/zero | tr '\0' g)
for g in gost gost512; do
n=client-$g
if start_gserv "$n" "$PG" $g; then
  if client_run "$n" --priority "$PG" --ca "$CERTS/ca.crt" --sni localhost --send "$long" --expect "$long" \
      --send "after-$n" --expect "after-$n" && [ "$CLI_RC" -eq 0 ]; then
    if grep -q -- "- Description: (TLS1.2-X.509)-(VKO-GOST-12)-(GOST28147-TC26Z-CNT)-(GOST28147-TC26Z-IMIT)\$" "$TMP/$n.out"; then
      expect_field "$n" "$TMP/$n.cli" kx VKO-GOST-12 && expect_field "$n" "$TMP/$n.cli" verify ok && ok "$n"
    else
      not_ok "$n: gnutls-serv reports another session" "$TMP/$n.out"
    fi
  else
    not_ok "$n: tls-client failed (exit $CLI_RC)" "$TMP/$n.cli" "$TMP/$n.cerr" "$TMP/$n.out"
  fi
  stop_bg "$GS_PID"
fi
n=server-$g
if start_server "$n" --priority "$PG" --echo --count 1 --cert "$CERTS/$g.crt" --key "$CERTS/$g.key"; then
  if GC_SECOND=$long gcli "$n" --priority "$PG" && server_done "$n"; then
    if grep -q -- "- Description: (TLS1.2-X.509)-(VKO-GOST-12)-(GOST28147-TC26Z-CNT)-(GOST28147-TC26Z-IMIT)\$" "$TMP/$n-cli.out" &&
       grep -q "Status: The certificate is trusted" "$TMP/$n-cli.out"; then
      expect_field "$n" "$TMP/$n.out" kx VKO-GOST-12 && expect_field "$n" "$TMP/$n.out" cipher GOST28147-TC26Z-CNT && ok "$n"
    else
      not_ok "$n: gnutls-cli reports another session" "$TMP/$n-cli.out"
    fi
  fi
  GC_SECOND=
  stop_bg "$SRV_PID"
fi
done

# 2. Resumption by ticket and by session ID (gnutls-serv --noticket, our
# server --no-tickets), both ways.
for how in ticket id; do
  n=client-resume-$how
  if [ $how = ticket ]; then flag=; else flag=--noticket; fi
  # shellcheck disable=SC2086
  if start_gserv $n "$P12" p256 $flag; then
    if client $n --priority "$P12" --resume; then
      r=$(sed -n 's/^resumed: //p' "$TMP/$n.cli" | tr '\n' ' ')
      if [ "$r" = "no yes " ]; then
        ok "$n: our client resumed by $how"
      else
        not_ok "$n: resumed lines are '$r', expected 'no yes'" "$TMP/$n.cli" "$TMP/$n.out"
      fi
    fi
    stop_bg "$GS_PID"
  fi
  n=server-resume-$how
  if [ $how = ticket ]; then flag=; else flag=--no-tickets; fi
  # shellcheck disable=SC2086
  if start_server $n --priority "$P12" --echo --count 2 --cert "$CERTS/rsa.crt" --key "$CERTS/rsa.key" $flag; then
    if gcli $n --priority "$P12" --resume && server_done $n; then
      r=$(sed -n 's/^resumed: //p' "$TMP/$n.out" | tr '\n' ' ')
      if ! grep -q "This is a resumed session" "$TMP/$n-cli.out"; then
        not_ok "$n: gnutls-cli did not resume" "$TMP/$n-cli.out"
      elif [ "$r" != "no yes " ]; then
        not_ok "$n: the server's resumed lines are '$r', expected 'no yes'" "$TMP/$n.out"
      else
        ok "$n: gnutls-cli resumed by $how"
      fi
    fi
    stop_bg "$SRV_PID"
  fi
done

# 3. Renegotiation.
# 3a. gnutls-cli --rehandshake renegotiates right after its handshake; our
# server accepts.
n=reneg-gnutls-cli
if start_server $n --priority "$P12" --echo --count 1 --cert "$CERTS/p256.crt" --key "$CERTS/p256.key"; then
  if gcli $n --priority "$P12" --rehandshake && server_done $n; then
    if ! grep -q "ReHandshake was completed" "$TMP/$n-cli.out"; then
      not_ok "$n: gnutls-cli did not complete its rehandshake" "$TMP/$n-cli.out"
    else
      expect_field $n "$TMP/$n.out" client-renegotiation requested && expect_field $n "$TMP/$n.out" renegotiated yes &&
        expect_field $n "$TMP/$n.out" reneg-safe yes && expect_field $n "$TMP/$n.out" renegotiations 1 &&
        ok "$n: gnutls-cli --rehandshake accepted"
    fi
  fi
  stop_bg "$SRV_PID"
fi

# 3b. Our server asks for a new handshake after the first line; gnutls-cli
# performs it, and a second line is echoed afterwards.
n=reneg-server
if start_server $n --priority "$P12" --echo --count 1 --rehandshake --cert "$CERTS/rsa.crt" --key "$CERTS/rsa.key"; then
  if GC_SECOND=after-renegotiation gcli $n --priority "$P12" && server_done $n; then
    if ! grep -q "Rehandshake was performed" "$TMP/$n-cli.out"; then
      not_ok "$n: gnutls-cli did not perform a rehandshake" "$TMP/$n-cli.out"
    else
      expect_field $n "$TMP/$n.out" rehandshake ok && expect_field $n "$TMP/$n.out" renegotiated yes &&
        expect_field $n "$TMP/$n.out" renegotiations 1 && ok "$n: our server's request obeyed by gnutls-cli"
    fi
  fi
  stop_bg "$SRV_PID"
fi

# 3c. Our client renegotiates with gnutls-serv after the first echo
# (gnutls-serv reports the new hello on stderr).
n=reneg-client
if start_gserv $n "$P12" ed25519; then
  if client $n --priority "$P12" --rehandshake; then
    if ! grep -q "Received hello message" "$TMP/$n.err"; then
      not_ok "$n: gnutls-serv did not see a new hello" "$TMP/$n.out"
    else
      expect_field $n "$TMP/$n.cli" renegotiated yes && expect_field $n "$TMP/$n.cli" reneg-safe yes &&
        expect_field $n "$TMP/$n.cli" renegotiations 1 && ok "$n: client-initiated renegotiation with gnutls-serv"
    fi
  fi
  stop_bg "$GS_PID"
fi

# 4. RFC 5746 modes against a legacy peer (%DISABLE_SAFE_RENEGOTIATION):
#   %SAFE_RENEGOTIATION      the first handshake is refused
#   default (partial)        first handshake allowed, renegotiation denied
#   %UNSAFE_RENEGOTIATION    both allowed
# (checked by error code: -107 GNUTLS_E_SAFE_RENEGOTIATION_FAILED, -108
# GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED)
LEGACY="$P12:%DISABLE_SAFE_RENEGOTIATION"
# 4a. Our server in each mode, gnutls-cli --rehandshake without RFC 5746.
for mode in SAFE PARTIAL UNSAFE; do
  n=server-mode-$mode
  start_server $n --priority "$P12:%${mode}_RENEGOTIATION" --echo --count 1 \
    --cert "$CERTS/rsa.crt" --key "$CERTS/rsa.key" || continue
  gcli_run $n --priority "$LEGACY" --rehandshake
  wait_bg "$SRV_PID" 30
  src=$?
  case $mode in
    SAFE)
      if [ $GC_GOT -eq 0 ] || [ $src -ne 1 ] || ! grep -q "^error-code: -107\$" "$TMP/$n.out"; then
        not_ok "$n: a legacy client was not refused (server exit $src)" "$TMP/$n.out" "$TMP/$n-cli.err"
      else
        ok "$n: legacy client refused"
      fi ;;
    PARTIAL)
      if [ $src -ne 1 ] || ! grep -q "^renegotiated: denied" "$TMP/$n.out" ||
         ! grep -q "^error-code: -108\$" "$TMP/$n.out"; then
        not_ok "$n: the legacy client's renegotiation was not denied (server exit $src)" "$TMP/$n.out" "$TMP/$n-cli.out"
      else
        expect_field $n "$TMP/$n.out" safe-reneg no && ok "$n: legacy client accepted, its renegotiation denied"
      fi ;;
    UNSAFE)
      if [ $GC_GOT -ne 0 ] || [ $src -ne 0 ] || ! grep -q "ReHandshake was completed" "$TMP/$n-cli.out"; then
        not_ok "$n: unsafe renegotiation failed (server exit $src)" "$TMP/$n.out" "$TMP/$n-cli.out" "$TMP/$n-cli.err"
      else
        expect_field $n "$TMP/$n.out" safe-reneg no && expect_field $n "$TMP/$n.out" renegotiated yes &&
          expect_field $n "$TMP/$n.out" reneg-safe no && ok "$n: legacy client renegotiated"
      fi ;;
  esac
  stop_bg "$SRV_PID"
done

# 4b. Our client in each mode with --rehandshake, gnutls-serv without RFC 5746.
for mode in SAFE PARTIAL UNSAFE; do
  n=client-mode-$mode
  start_gserv $n "$LEGACY" rsa || continue
  client_run $n --priority "$P12:%${mode}_RENEGOTIATION" --rehandshake --send ping --expect ping
  case $mode in
    SAFE)
      if [ "$CLI_RC" -ne 1 ] || ! grep -q "handshake: .*(-107)\$" "$TMP/$n.cerr"; then
        not_ok "$n: a legacy server was not refused (exit $CLI_RC)" "$TMP/$n.cli" "$TMP/$n.cerr"
      else
        ok "$n: legacy server refused"
      fi ;;
    PARTIAL)
      if [ "$CLI_RC" -ne 1 ] || ! grep -q "renegotiation: .*(-108)\$" "$TMP/$n.cerr"; then
        not_ok "$n: renegotiation with a legacy server was not denied (exit $CLI_RC)" "$TMP/$n.cli" "$TMP/$n.cerr"
      else
        expect_field $n "$TMP/$n.cli" safe-reneg no && ok "$n: legacy server accepted, renegotiation denied"
      fi ;;
    UNSAFE)
      if [ "$CLI_RC" -ne 0 ] || ! grep -q "Received hello message" "$TMP/$n.err"; then
        not_ok "$n: unsafe renegotiation failed (exit $CLI_RC)" "$TMP/$n.cli" "$TMP/$n.cerr" "$TMP/$n.out"
      else
        expect_field $n "$TMP/$n.cli" safe-reneg no && expect_field $n "$TMP/$n.cli" renegotiated yes &&
          expect_field $n "$TMP/$n.cli" reneg-safe no && ok "$n: renegotiated with a legacy server"
      fi ;;
  esac
  stop_bg "$GS_PID"
done

finish
