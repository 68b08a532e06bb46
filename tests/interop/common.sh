# SPDX-License-Identifier: LGPL-2.1-or-later
# Shared helpers of the interoperability scripts (sourced, POSIX sh).
#
# The library under test is the libgnutls.so.30 in $TLSHIM_LIBDIR.  Programs
# meant to run on it get LD_LIBRARY_PATH=$TLSHIM_LIBDIR and every one of them
# must prove that it really mapped that file: long-running ones through
# /proc/PID/maps, short-lived ones through a tiny LD_PRELOAD reporter that
# copies the path from /proc/self/maps into a file.  Peers (OpenSSL, the real
# gnutls-serv/gnutls-cli) run without LD_LIBRARY_PATH.
#
# Every wait is bounded and every background process is killed on exit.

set -u
: "${TLSHIM_LIBDIR:?TLSHIM_LIBDIR must name the directory of the libgnutls.so.30 to test}"
: "${top_builddir:?}"
: "${top_srcdir:?}"

LIBDIR=$(cd "$TLSHIM_LIBDIR" 2>/dev/null && pwd -P) || { echo "FAIL: no directory $TLSHIM_LIBDIR"; exit 1; }
[ -e "$LIBDIR/libgnutls.so.30" ] || { echo "FAIL: no libgnutls.so.30 in $LIBDIR"; exit 1; }
# The kernel shows the file a mapping came from with symlinks resolved.
EXPECTED_LIB=$(readlink -f "$LIBDIR/libgnutls.so.30")
EXAMPLES=$top_builddir/doc/examples
CLIENT=$EXAMPLES/tls-client
SERVER=$EXAMPLES/tls-server
# How long a single client run or a wait for a server may take.
STEP_TIMEOUT=${INTEROP_TIMEOUT:-60}

# In a sanitizer build the example programs are instrumented: anything else
# preloaded into them (the reporter) must come after the sanitizer runtime,
# ASAN_RT.  Programs we did not write need the runtime preloaded (ASAN_PRE)
# only when the library under test is instrumented: preloaded into them on
# the real GnuTLS, it makes some (wget, gnutls-cli) hang at exit in a
# library destructor (p11-kit's), whatever the test does.
ASAN_RT=
ASAN_PRE=
case "${TLSHIM_SANITIZERS:-}" in
  *address*)
    ASAN_RT=$(${CC:-gcc} -print-file-name=libasan.so)
    if grep -q '__asan_init' "$EXPECTED_LIB" 2>/dev/null; then
      ASAN_PRE=$ASAN_RT
    fi ;;
esac
# Leaks are reported for our example programs (they must not leak), not for
# the unchanged programs we did not write.
ASAN_FOREIGN=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0

TMP=$(mktemp -d "${TMPDIR:-/tmp}/interop.XXXXXX") || exit 1
PIDS=
FAILED=0
PASSED=0

cleanup() {
  for _p in $PIDS; do
    kill "$_p" 2>/dev/null
  done
  # give them a moment, then make sure
  for _p in $PIDS; do
    _i=0
    while kill -0 "$_p" 2>/dev/null && [ $_i -lt 20 ]; do sleep 0.1; _i=$((_i + 1)); done
    kill -9 "$_p" 2>/dev/null
  done
  if [ -n "${KEEP_TMP:-}" ]; then echo "note: kept $TMP"; else rm -rf "$TMP"; fi
}
trap 'cleanup' EXIT
trap 'exit 1' INT TERM HUP

skip() { echo "SKIP: $*"; exit 77; }

require_cmd() {
  for c in "$@"; do
    command -v "$c" > /dev/null 2>&1 || skip "$c is not installed"
  done
}

for _p in "$CLIENT" "$SERVER"; do
  [ -x "$_p" ] || { echo "FAIL: $_p is not built (make check builds it)"; exit 1; }
done

# --- results ---------------------------------------------------------------

ok() { PASSED=$((PASSED + 1)); echo "ok: $*"; }

# not_ok NAME [FILE...]: a failed check, with the files that explain it.
not_ok() {
  _name=$1
  shift
  FAILED=$((FAILED + 1))
  echo "FAIL: $_name"
  for _f in "$@"; do
    [ -f "$_f" ] || continue
    echo "  --- $(basename "$_f") (last lines)"
    tail -n 15 "$_f" | sed 's/^/  | /'
  done
}

finish() {
  if [ "$FAILED" -eq 0 ]; then
    echo "PASS: $PASSED checks on $EXPECTED_LIB"
    exit 0
  fi
  echo "FAIL: $FAILED of $((PASSED + FAILED)) checks failed (library $EXPECTED_LIB)"
  exit 1
}

# --- which library a process uses --------------------------------------------

# loaded_lib_of PID: the libgnutls.so.30 file mapped by a running process.
loaded_lib_of() {
  grep -o '/[^ ]*libgnutls\.so\.30[^ ]*' "/proc/$1/maps" 2>/dev/null | head -n 1
}

# assert_lib_pid PID NAME: the running process PID mapped the library under test.
assert_lib_pid() {
  _got=$(loaded_lib_of "$1")
  if [ "$_got" = "$EXPECTED_LIB" ]; then
    return 0
  fi
  not_ok "$2 runs on '${_got:-no libgnutls}', not on $EXPECTED_LIB"
  return 1
}

# The reporter: preloaded into short-lived programs, it appends
# "PID PATH" to the file named by $TLSHIM_MAPS_REPORT for the mapped
# libgnutls.so.30, when the program starts and again when it exits (in case
# the library was loaded later with dlopen).
REPORTER=$TMP/maps-report.so
build_reporter() {
  [ -f "$REPORTER" ] && return 0
  cat > "$TMP/maps-report.c" <<'EOF'
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void report(void)
{
	const char *out = getenv("TLSHIM_MAPS_REPORT");
	char line[4096], msg[4200];
	FILE *maps;
	if (out == NULL || (maps = fopen("/proc/self/maps", "r")) == NULL)
		return;
	while (fgets(line, sizeof line, maps) != NULL) {
		char *path = strchr(line, '/');
		if (path == NULL || strstr(path, "libgnutls.so.30") == NULL)
			continue;
		path[strcspn(path, "\n")] = '\0';
		int fd = open(out, O_WRONLY | O_APPEND | O_CREAT, 0644);
		if (fd >= 0) {
			int n = snprintf(msg, sizeof msg, "%ld %s\n", (long)getpid(), path);
			if (write(fd, msg, (size_t)n) < 0)
				n = 0;
			close(fd);
		}
		break;
	}
	fclose(maps);
}

__attribute__((constructor)) static void at_start(void) { report(); }
__attribute__((destructor)) static void at_exit_(void) { report(); }
EOF
  ${CC:-gcc} -shared -fPIC -O1 -o "$REPORTER" "$TMP/maps-report.c" ||
    { echo "FAIL: cannot build the preload reporter with ${CC:-gcc}"; exit 1; }
}

# on_lib REPORT-NAME COMMAND...: runs one of our example programs (bounded
# by STEP_TIMEOUT) on the library under test with the reporter preloaded;
# the report goes to $TMP/REPORT-NAME.maps.
on_lib() {
  build_reporter
  _rep=$TMP/$1.maps
  shift
  rm -f "$_rep"
  timeout "$STEP_TIMEOUT" env LD_LIBRARY_PATH="$LIBDIR" LD_PRELOAD="${ASAN_RT:+$ASAN_RT }$REPORTER" \
    TLSHIM_MAPS_REPORT="$_rep" ASAN_OPTIONS="${ASAN_OPTIONS:-}" "$@"
}

# foreign_on_lib REPORT-NAME COMMAND...: the same for a program we did not
# write (not instrumented; its leaks are not ours to report).
foreign_on_lib() {
  build_reporter
  _rep=$TMP/$1.maps
  shift
  rm -f "$_rep"
  timeout 20 env LD_LIBRARY_PATH="$LIBDIR" LD_PRELOAD="${ASAN_PRE:+$ASAN_PRE }$REPORTER" \
    TLSHIM_MAPS_REPORT="$_rep" ASAN_OPTIONS="$ASAN_FOREIGN" "$@"
}

# hang_excused NAME STATUS: a program we did not write that did its work
# but was killed by the timeout at exit is excused when the sanitizer runtime
# was preloaded into it (some programs deadlock in a library destructor at
# exit under it, on the real GnuTLS as well).
hang_excused() {
  [ "$2" -eq 124 ] && [ -n "$ASAN_PRE" ] || return 1
  echo "note: $1 did its work but hung at exit under the preloaded sanitizer runtime"
  return 0
}

# assert_reported REPORT-NAME WHAT: the reporter saw the library under test
# (and nothing else) in every process of that run.
assert_reported() {
  _rep=$TMP/$1.maps
  if [ ! -s "$_rep" ]; then
    not_ok "$2: no libgnutls.so.30 was mapped (no report in $_rep)"
    return 1
  fi
  _bad=$(awk -v want="$EXPECTED_LIB" '$2 != want { print $2 }' "$_rep" | head -n 1)
  if [ -n "$_bad" ]; then
    not_ok "$2 ran on '$_bad', not on $EXPECTED_LIB"
    return 1
  fi
  return 0
}

# --- background processes -----------------------------------------------------

# start_bg NAME COMMAND...: starts COMMAND in the background with its output
# in $TMP/NAME.out and $TMP/NAME.err and its input from $BG_STDIN (default
# /dev/null); BG_PID is its pid (the program's own: env executes it in
# place), remembered for the cleanup.
start_bg() {
  _name=$1
  shift
  # (descriptors 3 and 4, which scripts use for fifos, are not inherited:
  # a reader must see the end of its fifo when the script closes it)
  "$@" < "${BG_STDIN:-/dev/null}" > "$TMP/$_name.out" 2> "$TMP/$_name.err" 3>&- 4>&- &
  BG_PID=$!
  PIDS="$PIDS $BG_PID"
}

# stop_bg PID: terminates a background process and reaps it.
stop_bg() {
  kill "$1" 2>/dev/null
  _i=0
  while kill -0 "$1" 2>/dev/null && [ $_i -lt 50 ]; do sleep 0.1; _i=$((_i + 1)); done
  kill -9 "$1" 2>/dev/null
  wait "$1" 2>/dev/null
  return 0
}

# wait_bg PID [SECONDS]: waits for a background process to exit by itself
# (killing it after SECONDS); returns its exit status (or 124 when killed).
wait_bg() {
  _i=0
  _lim=$(( ${2:-$STEP_TIMEOUT} * 10 ))
  while kill -0 "$1" 2>/dev/null; do
    if [ $_i -ge $_lim ]; then
      stop_bg "$1"
      return 124
    fi
    sleep 0.1
    _i=$((_i + 1))
  done
  wait "$1"
}

# wait_for FILE TEXT [SECONDS] [PID]: waits until FILE contains TEXT (a fixed
# string); fails after SECONDS or as soon as PID has exited.
wait_for() {
  _i=0
  _lim=$(( ${3:-$STEP_TIMEOUT} * 10 ))
  while ! grep -qF -- "$2" "$1" 2>/dev/null; do
    if [ $_i -ge $_lim ]; then return 1; fi
    if [ -n "${4:-}" ] && ! kill -0 "$4" 2>/dev/null; then
      grep -qF -- "$2" "$1" 2>/dev/null
      return
    fi
    sleep 0.1
    _i=$((_i + 1))
  done
  return 0
}

# wait_count FILE REGEX COUNT [SECONDS] [PID]: waits until COUNT lines of
# FILE match REGEX (basic regular expression).
wait_count() {
  _i=0
  _lim=$(( ${4:-$STEP_TIMEOUT} * 10 ))
  while [ "$(grep -c -- "$2" "$1" 2>/dev/null)" -lt "$3" ]; do
    if [ $_i -ge $_lim ]; then return 1; fi
    if [ -n "${5:-}" ] && ! kill -0 "$5" 2>/dev/null; then return 1; fi
    sleep 0.1
    _i=$((_i + 1))
  done
  return 0
}

# is_listening PORT: something listens on TCP PORT (IPv4 or IPv6).
is_listening() {
  _hex=$(printf '%04X' "$1")
  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null |
    awk -v p=":$_hex" '$4 == "0A" && substr($2, length($2) - 4) == p { f = 1 } END { exit !f }'
}

# wait_listen PORT [SECONDS] [PID]: waits until the port accepts connections.
wait_listen() {
  _i=0
  _lim=$(( ${2:-$STEP_TIMEOUT} * 10 ))
  until is_listening "$1"; do
    if [ $_i -ge $_lim ]; then return 1; fi
    if [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; then return 1; fi
    sleep 0.1
    _i=$((_i + 1))
  done
  return 0
}

# free_port: a TCP port nothing uses at the moment.
free_port() {
  while :; do
    _p=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000 ))
    _hex=$(printf '%04X' "$_p")
    if ! cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '{ print $2 }' | grep -q ":$_hex\$"; then
      echo "$_p"
      return
    fi
  done
}

# --- our example server ---------------------------------------------------------

# start_server NAME ARGS...: runs tls-server on the library under test and
# waits until it listens.  Sets SRV_PID and SRV_PORT; the server's output is
# $TMP/NAME.out.
start_server() {
  _name=$1
  shift
  start_bg "$_name" env LD_LIBRARY_PATH="$LIBDIR" ${ASAN_RT:+LD_PRELOAD=$ASAN_RT} "$SERVER" --port 0 "$@"
  SRV_PID=$BG_PID
  SRV_PORT=
  if ! wait_for "$TMP/$_name.out" "port: " "$STEP_TIMEOUT" "$SRV_PID"; then
    not_ok "$_name: tls-server did not start" "$TMP/$_name.err"
    return 1
  fi
  SRV_PORT=$(sed -n 's/^port: //p' "$TMP/$_name.out" | head -n 1)
  wait_listen "$SRV_PORT" 10 "$SRV_PID" || { not_ok "$_name: not listening on $SRV_PORT"; stop_bg "$SRV_PID"; return 1; }
  assert_lib_pid "$SRV_PID" "$_name (tls-server)" && return 0
  stop_bg "$SRV_PID"
  return 1
}

# --- certificates -------------------------------------------------------------------

# make_certs: a CA and, signed by it, server certificates for localhost
# (rsa, rsa-pss, p256, p384, ed25519) and a client certificate (client),
# in $CERTS/NAME.crt and NAME.key; $CERTS/ca.crt is the CA.
CERTS=$TMP/certs
make_certs() {
  require_cmd openssl
  mkdir -p "$CERTS"
  (
    set -e
    cd "$CERTS"
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key 2>/dev/null
    openssl req -x509 -new -key ca.key -subj "/CN=tlshim interop test CA" -days 30 -out ca.crt \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    genkey() {
      case $1 in
        rsa|client) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key" ;;
        rsa-pss) openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out "$1.key" ;;
        p256) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" ;;
        p384) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$1.key" ;;
        ed25519) openssl genpkey -algorithm ED25519 -out "$1.key" ;;
      esac
    }
    for n in rsa rsa-pss p256 p384 ed25519 client; do
      genkey $n 2>/dev/null
      case $n in
        client) cn=tlshim-client; eku=clientAuth; san="DNS:tlshim-client" ;;
        *) cn=localhost; eku=serverAuth; san="DNS:localhost,IP:127.0.0.1" ;;
      esac
      case $n in
        rsa|client) ku=digitalSignature,keyEncipherment ;;
        *) ku=digitalSignature ;;
      esac
      printf '[ext]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,%s\nextendedKeyUsage=%s\nsubjectAltName=%s\n' \
        "$ku" "$eku" "$san" > $n.ext
      openssl req -new -key $n.key -subj "/CN=$cn" -out $n.csr 2>/dev/null
      openssl x509 -req -in $n.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
        -extfile $n.ext -extensions ext -out $n.crt 2>/dev/null
    done
  ) || { echo "FAIL: could not create the test certificates"; exit 1; }
}

# make_gost_cert: $CERTS/gost.crt and gost.key, a GOST R 34.10-2012-256 key
# (curve CryptoPro-XchA, the GnuTLS default), and gost512.crt/gost512.key, a
# GOST R 34.10-2012-512 key (TC26-512-A), certified by the test CA.
# OpenSSL 3 has no GOST, so the real GnuTLS's certtool makes both.
make_gost_cert() {
  require_cmd certtool
  [ -f "$CERTS/gost.crt" ] && return 0
  (
    set -e
    cd "$CERTS"
    env -u LD_LIBRARY_PATH -u LD_PRELOAD certtool --generate-privkey --key-type gost12-256 \
      --outfile gost.key > /dev/null 2>&1
    printf 'cn = localhost\ndns_name = localhost\nip_address = 127.0.0.1\ntls_www_server\nsigning_key\nencryption_key\nexpiration_days = 30\n' > gost.tmpl
    env -u LD_LIBRARY_PATH -u LD_PRELOAD certtool --generate-certificate --load-privkey gost.key \
      --load-ca-certificate ca.crt --load-ca-privkey ca.key --template gost.tmpl --outfile gost.crt > /dev/null 2>&1
    env -u LD_LIBRARY_PATH -u LD_PRELOAD certtool --generate-privkey --key-type gost12-512 --curve TC26-512-A \
      --outfile gost512.key > /dev/null 2>&1
    env -u LD_LIBRARY_PATH -u LD_PRELOAD certtool --generate-certificate --load-privkey gost512.key \
      --load-ca-certificate ca.crt --load-ca-privkey ca.key --template gost.tmpl --outfile gost512.crt > /dev/null 2>&1
  ) || { echo "FAIL: could not create the GOST test certificates"; exit 1; }
}

# A priority string allowing TLS 1.3 only.
TLS13="NORMAL:-VERS-ALL:+VERS-TLS1.3"

# field NAME FILE: the value of the first "NAME: value" line of FILE.
field() { sed -n "s/^$1: //p" "$2" | head -n 1; }

# expect_field CHECK FILE NAME VALUE: the first NAME line of FILE is VALUE.
expect_field() {
  _got=$(field "$3" "$2")
  [ "$_got" = "$4" ] && return 0
  not_ok "$1: $3 is '$_got', expected '$4'" "$2"
  return 1
}
