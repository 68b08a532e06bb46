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

# compare REAL.json OURS.json [KEY,KEY...]: every finding (or only those
# KEYs) must be the same; prints "DIFF" blocks, "RACYONLY yes|no" and a
# "COMPARED" line.
compare() {
  "${PYTHON:-python3}" - "$@" <<'PY'
import json, sys
# Findings that describe the run rather than the server.
VOLATILE = {"scanTime", "scanProblem", "engine_problem"}
# Resumption findings depend on timing: testssl closes s_client at once, and
# whether a TLS 1.3 ticket arrived first decides them (under the load of two
# parallel full scans each library has lost it now and then: "not
# supported" or "connect problem").  A difference in these alone is
# checked again by a quiet scan of the server defaults, one side at a time.
RACY = {"sessionresumption_ticket", "sessionresumption_ID"}
only = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else None
def load(path):
    out = {}
    for f in json.load(open(path)):
        key = f["id"]
        if key in VOLATILE or (only is not None and key not in only):
            continue
        out.setdefault(key, []).append((f.get("severity"), f.get("finding")))
    return out
real, ours = load(sys.argv[1]), load(sys.argv[2])
diff = []
for key in sorted(set(real) | set(ours)):
    r, o = real.get(key), ours.get(key)
    # A resumption check testssl could not perform ("connect problem", seen
    # on either library) says nothing about the server.
    if key in RACY and any(v and any("connect problem" in str(x[1]) for x in v) for v in (r, o)):
        print("SKIPPED %s (testssl could not run it: %s / %s)" % (key, r, o))
        continue
    if r != o:
        diff.append(key)
        print("DIFF %s\n  real GnuTLS: %s\n  tlshim:      %s" % (key, real.get(key), ours.get(key)))
print("DIFFKEYS %s" % ",".join(diff))
print("RACYONLY %s" % ("yes" if diff and all(k in RACY for k in diff) else "no"))
print("COMPARED %d findings, %d differ" % (len(real), len(diff)))
sys.exit(1 if diff or len(real) < (1 if only else 50) else 0)
PY
}
if compare "$TMP/real.json" "$TMP/ours.json" > "$TMP/compare.out"; then
  ok "testssl: $(sed -n 's/^COMPARED //p' "$TMP/compare.out")"
elif grep -q "^RACYONLY yes" "$TMP/compare.out"; then
  keys=$(sed -n 's/^DIFFKEYS //p' "$TMP/compare.out")
  cat "$TMP/compare.out"
  echo "note: only timing-dependent findings differ ($keys); scanning the server defaults again, one side at a time"
  for side in ours real; do
    eval "port=\$port_$side"
    timeout 600 testssl --quiet --color 0 --warnings off --nodns none -S --jsonfile "$TMP/$side-S.json" \
      "127.0.0.1:$port" > "$TMP/rescan-$side.out" 2>&1
  done
  if compare "$TMP/real-S.json" "$TMP/ours-S.json" "$keys" > "$TMP/compare-S.out"; then
    ok "testssl: $(sed -n 's/^COMPARED //p' "$TMP/compare.out" | sed 's/ differ$//') differ in the full scans, all timing-dependent, and none when scanned again alone"
  else
    cat "$TMP/compare-S.out"
    not_ok "testssl finds deviations from the real GnuTLS (also when scanned again alone)"
  fi
else
  cat "$TMP/compare.out"
  not_ok "testssl finds deviations from the real GnuTLS"
fi
finish
