#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The example programs on the library under test against the real GnuTLS
# tools (gnutls-serv and gnutls-cli run without LD_LIBRARY_PATH, on the
# system's libgnutls): the example client against gnutls-serv and the
# example server against gnutls-cli, over TLS 1.3, for each certificate type
# with the cipher suites and groups spread over them, resumption and client
# certificates.  Both ends' reports are checked.
. "${top_srcdir:?}/tests/interop/common.sh"
require_cmd gnutls-serv gnutls-cli openssl
make_certs

# The real tools: no LD_LIBRARY_PATH, no preloads of ours.
REAL="env -u LD_LIBRARY_PATH -u LD_PRELOAD"

# start_gserv NAME PRIORITY CERT: gnutls-serv (echo mode) on a free port
# with one certificate; sets GS_PID and GS_PORT.
start_gserv() {
  GS_PORT=$(free_port)
  # shellcheck disable=SC2086
  start_bg "$1" $REAL gnutls-serv --echo -p "$GS_PORT" --priority "$2" \
    --x509certfile "$CERTS/$3.crt" --x509keyfile "$CERTS/$3.key"
  GS_PID=$BG_PID
  wait_listen "$GS_PORT" 20 "$GS_PID" && return 0
  not_ok "$1: gnutls-serv did not start" "$TMP/$1.err"
  return 1
}
# start_gserv_cc NAME: the same, requiring and verifying client certificates.
start_gserv_cc() {
  GS_PORT=$(free_port)
  # shellcheck disable=SC2086
  start_bg "$1" $REAL gnutls-serv --echo -p "$GS_PORT" --priority "$TLS13" \
    --x509certfile "$CERTS/p256.crt" --x509keyfile "$CERTS/p256.key" \
    --x509cafile "$CERTS/ca.crt" --require-client-cert --verify-client-cert
  GS_PID=$BG_PID
  wait_listen "$GS_PORT" 20 "$GS_PID" && return 0
  not_ok "gnutls-serv did not start" "$TMP/$1.err"
  return 1
}

# client NAME ARGS...: the example client on the library under test against
# gnutls-serv, exchanging two lines; output in $TMP/NAME.cli.
client() {
  _n=$1
  shift
  on_lib "$_n" "$CLIENT" --timeout 20 "$@" --send "ping-$_n" --expect "ping-$_n" --send "second line" \
    --expect "second line" 127.0.0.1 "$GS_PORT" > "$TMP/$_n.cli" 2> "$TMP/$_n.cerr"
  CLI_RC=$?
  assert_reported "$_n" "$_n: tls-client" || return 1
  if [ "$CLI_RC" -ne 0 ]; then
    not_ok "$_n: tls-client failed (exit $CLI_RC)" "$TMP/$_n.cli" "$TMP/$_n.cerr" "$TMP/$_n.out"
    return 1
  fi
}

# gcli NAME ARGS...: the real gnutls-cli against our server: it sends a line
# and must get it back; its input is then closed and it must exit cleanly.
gcli() {
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
  _got=$?
  exec 4>&-
  wait_bg "$_cpid" 20
  _rc=$?
  if [ $_got -ne 0 ] || [ $_rc -ne 0 ]; then
    not_ok "$_n: gnutls-cli did not get its line back (exit $_rc)" "$TMP/$_n-cli.out" "$TMP/$_n-cli.err" "$TMP/$_n.out"
    return 1
  fi
}

# The server's end must be done without error.
server_done() {
  wait_bg "$SRV_PID" 30
  _st=$?
  [ $_st -eq 0 ] && return 0
  not_ok "$1: tls-server exited with $_st" "$TMP/$1.out" "$TMP/$1.err"
  return 1
}

ALL_PAIRS=
for c in rsa rsa-pss p256 p384 ed25519; do
  ALL_PAIRS="$ALL_PAIRS --cert $CERTS/$c.crt --key $CERTS/$c.key"
done

# cert  cipher  group  signature scheme
CASES="rsa AES-128-GCM X25519 RSA-PSS-RSAE-SHA256
rsa-pss AES-256-GCM SECP384R1 RSA-PSS-SHA256
p256 CHACHA20-POLY1305 FFDHE2048 ECDSA-SECP256R1-SHA256
p384 AES-128-CCM SECP521R1 ECDSA-SECP384R1-SHA384
ed25519 AES-128-GCM X448 EdDSA-Ed25519"

# desc_has FILE GROUP SIGALG CIPHER: the tool's "- Description:" line
# names these parameters.
desc_has() {
  case $2 in FFDHE*) _kx=DHE-$2 ;; *) _kx=ECDHE-$2 ;; esac
  grep -qF -- "- Description: (TLS1.3-X.509)-($_kx)-($3)-($4)" "$1"
}

# 1. Our client against gnutls-serv: gnutls-serv allows one cipher and one
# group and has one certificate.
while read -r cert cipher group sig; do
  n=client-$cert-$cipher-$group
  start_gserv "$n" "$TLS13:-CIPHER-ALL:+$cipher:-GROUP-ALL:+GROUP-$group" "$cert" || continue
  if client "$n" --priority "$TLS13" --ca "$CERTS/ca.crt" --sni localhost; then
    if ! desc_has "$TMP/$n.out" "$group" "$sig" "$cipher"; then
      not_ok "$n: gnutls-serv reports another session" "$TMP/$n.out"
    else
      expect_field "$n" "$TMP/$n.cli" cipher "$cipher" && expect_field "$n" "$TMP/$n.cli" group "$group" &&
        expect_field "$n" "$TMP/$n.cli" sigalg "$sig" && expect_field "$n" "$TMP/$n.cli" verify ok &&
        ok "$n"
    fi
  fi
  stop_bg "$GS_PID"
done <<EOF
$CASES
EOF

# 2. Our client resumes with a ticket from gnutls-serv.
n=client-resume
if start_gserv $n "$TLS13" rsa; then
  if client $n --priority "$TLS13" --resume; then
    r=$(sed -n 's/^resumed: //p' "$TMP/$n.cli" | tr '\n' ' ')
    if [ "$r" = "no yes " ]; then
      ok "$n: second connection resumed"
    else
      not_ok "$n: resumed lines are '$r', expected 'no yes'" "$TMP/$n.cli"
    fi
  fi
  stop_bg "$GS_PID"
fi

# 3. Our client's certificate, required and verified by gnutls-serv.
n=client-cert
if start_gserv_cc $n; then
  if client $n --priority "$TLS13" --cert "$CERTS/client.crt" --key "$CERTS/client.key"; then
    if grep -q "Subject: CN=tlshim-client" "$TMP/$n.out" && grep -q "Status: The certificate is trusted" "$TMP/$n.out"; then
      expect_field $n "$TMP/$n.cli" cert-requested yes && ok "$n: client certificate verified by gnutls-serv"
    else
      not_ok "$n: gnutls-serv did not verify the client certificate" "$TMP/$n.out"
    fi
  fi
  stop_bg "$GS_PID"
fi

# 4. gnutls-cli against our server, which holds all five certificates: the
# signature scheme gnutls-cli allows decides which one is used.
while read -r cert cipher group sig; do
  n=server-$cert-$cipher-$group
  # shellcheck disable=SC2086
  start_server "$n" --priority "$TLS13" --echo --count 1 $ALL_PAIRS || continue
  case $sig in EdDSA-Ed25519) psig=EDDSA-ED25519 ;; *) psig=$sig ;; esac
  if gcli "$n" --priority "$TLS13:-CIPHER-ALL:+$cipher:-GROUP-ALL:+GROUP-$group:-SIGN-ALL:+SIGN-$psig" &&
     server_done "$n"; then
    if ! desc_has "$TMP/$n-cli.out" "$group" "$sig" "$cipher" ||
       ! grep -q "Status: The certificate is trusted" "$TMP/$n-cli.out"; then
      not_ok "$n: gnutls-cli reports another session" "$TMP/$n-cli.out"
    else
      expect_field "$n" "$TMP/$n.out" cipher "$cipher" && expect_field "$n" "$TMP/$n.out" group "$group" &&
        expect_field "$n" "$TMP/$n.out" sigalg "$sig" && expect_field "$n" "$TMP/$n.out" sni localhost &&
        ok "$n"
    fi
  fi
  stop_bg "$SRV_PID"
done <<EOF
$CASES
EOF

# 5. gnutls-cli resumes a session of our server.
n=server-resume
if start_server $n --priority "$TLS13" --echo --count 2 --cert "$CERTS/rsa.crt" --key "$CERTS/rsa.key"; then
  if gcli $n --priority "$TLS13" --resume && server_done $n; then
    r=$(sed -n 's/^resumed: //p' "$TMP/$n.out" | tr '\n' ' ')
    if ! grep -q "This is a resumed session" "$TMP/$n-cli.out"; then
      not_ok "$n: gnutls-cli did not resume" "$TMP/$n-cli.out"
    elif [ "$r" != "no yes " ]; then
      not_ok "$n: the server's resumed lines are '$r', expected 'no yes'" "$TMP/$n.out"
    else
      ok "$n: second connection resumed"
    fi
  fi
  stop_bg "$SRV_PID"
fi

# 6. gnutls-cli's certificate, required and verified by our server.
n=server-client-cert
if start_server $n --priority "$TLS13" --echo --count 1 --cert "$CERTS/p384.crt" --key "$CERTS/p384.key" \
     --ca "$CERTS/ca.crt" --require-client-cert; then
  if gcli $n --priority "$TLS13" --x509certfile "$CERTS/client.crt" --x509keyfile "$CERTS/client.key" &&
     server_done $n; then
    expect_field $n "$TMP/$n.out" client-cert "RSA 2048" && expect_field $n "$TMP/$n.out" client-verify ok &&
      ok "$n: gnutls-cli's certificate verified"
  fi
  stop_bg "$SRV_PID"
fi

finish
