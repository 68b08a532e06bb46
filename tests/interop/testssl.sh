#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Third-party conformance: testssl.sh (Debian's package) scans Debian's
# unchanged gnutls-serv twice at the same time, once on the library under
# test and once on the real GnuTLS, both with the same RSA and ECDSA
# certificates.  The scan covers protocols (SSLv2 to TLS 1.3), the standard
# cipher categories, forward secrecy, the server's preferences and cipher
# order per protocol, the server defaults (extensions, tickets, resumption,
# certificates) and every vulnerability check (secure and client-initiated
# renegotiation, Heartbleed, CCS injection, Ticketbleed, ROBOT, CRIME,
# BREACH, POODLE, TLS_FALLBACK_SCSV, SWEET32, FREAK, DROWN, LOGJAM, BEAST,
# LUCKY13, Winshock, RC4).  Every finding must be the same on both: a
# deviation the real GnuTLS 3.7.9 does not show fails the test.
. "${top_srcdir:?}/tests/interop/common.sh"
require_cmd testssl gnutls-serv "${PYTHON:-python3}"
make_certs

SCAN="-p -s -f -P -S -U"
# Slow when the library under test is instrumented; bounded all the same.
SCAN_TIMEOUT=${TESTSSL_TIMEOUT:-1500}
CERTARGS="--x509keyfile $CERTS/rsa.key --x509certfile $CERTS/rsa.crt --x509keyfile $CERTS/p256.key --x509certfile $CERTS/p256.crt"
REAL="env -u LD_LIBRARY_PATH -u LD_PRELOAD"

port_ours=$(free_port)
start_bg serv-ours env LD_LIBRARY_PATH="$LIBDIR" ${ASAN_PRE:+LD_PRELOAD=$ASAN_PRE} ASAN_OPTIONS="$ASAN_FOREIGN" \
  gnutls-serv -p "$port_ours" $CERTARGS
pid_ours=$BG_PID
port_real=$(free_port)
[ "$port_real" = "$port_ours" ] && port_real=$(free_port)
start_bg serv-real $REAL gnutls-serv -p "$port_real" $CERTARGS
pid_real=$BG_PID
wait_listen "$port_ours" 30 "$pid_ours" || { not_ok "gnutls-serv on tlshim does not listen" "$TMP/serv-ours.err"; finish; }
wait_listen "$port_real" 30 "$pid_real" || { not_ok "gnutls-serv on the real GnuTLS does not listen" "$TMP/serv-real.err"; finish; }
assert_lib_pid "$pid_ours" "gnutls-serv" || finish
case "$(loaded_lib_of "$pid_real")" in
  "$EXPECTED_LIB"|"") not_ok "the reference gnutls-serv does not run on the real GnuTLS"; finish ;;
esac

# Both scans at once (each makes some thousand connections).
for side in ours real; do
  eval "port=\$port_$side"
  start_bg scan-$side timeout "$SCAN_TIMEOUT" testssl --quiet --color 0 --warnings off --nodns none \
    $SCAN --jsonfile "$TMP/$side.json" "127.0.0.1:$port"
  eval "scan_$side=\$BG_PID"
done
for side in ours real; do
  eval "pid=\$scan_$side"
  wait_bg "$pid" "$((SCAN_TIMEOUT + 30))"
  rc=$?
  # testssl's exit status counts findings; only a timeout or no report is a failure.
  if [ $rc -eq 124 ] || [ ! -s "$TMP/$side.json" ]; then
    not_ok "testssl against gnutls-serv ($side) did not complete (status $rc)" "$TMP/scan-$side.out" "$TMP/scan-$side.err"
    finish
  fi
done
# The server on tlshim must still be the same process: a crash would have
# turned the rest of the scan into "not offered" findings.
if kill -0 "$pid_ours" 2>/dev/null; then
  ok "gnutls-serv on tlshim survived the scan"
else
  not_ok "gnutls-serv on tlshim died during the scan" "$TMP/serv-ours.err"
fi

"${PYTHON:-python3}" - "$TMP/real.json" "$TMP/ours.json" > "$TMP/compare.out" <<'PY'
import json, sys
# Findings that describe the run rather than the server.
# sessionresumption_ID: under TLS 1.3 testssl resumes by ID with s_client
# -no_ticket, so the finding depends on whether a ticket arrived before
# s_client closed: both libraries were "supported" in a quiet -S scan, and
# tlshim "not supported" under the load of the two parallel full scans.
VOLATILE = {"scanTime", "scanProblem", "engine_problem", "sessionresumption_ID"}
def load(path):
    out = {}
    for f in json.load(open(path)):
        key = f["id"]
        if key in VOLATILE:
            continue
        out.setdefault(key, []).append((f.get("severity"), f.get("finding")))
    return out
real, ours = load(sys.argv[1]), load(sys.argv[2])
bad = 0
for key in sorted(set(real) | set(ours)):
    if real.get(key) != ours.get(key):
        bad += 1
        print("DIFF %s\n  real GnuTLS: %s\n  tlshim:      %s" % (key, real.get(key), ours.get(key)))
print("COMPARED %d findings, %d differ" % (len(real), bad))
sys.exit(1 if bad or len(real) < 50 else 0)
PY
if [ $? -eq 0 ]; then
  ok "testssl: $(sed -n 's/^COMPARED //p' "$TMP/compare.out")"
else
  cat "$TMP/compare.out"
  not_ok "testssl finds deviations from the real GnuTLS"
fi
finish
