#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Unchanged Debian programs linked to libgnutls.so.30 start on tlshim: the
# dynamic linker resolves every import (they are built with BIND_NOW, so a
# missing symbol or version would stop them) and ld.so's own trace proves
# that our library, not the system's, was the one loaded and initialised.
set -u
: "${TLSHIM_LIBDIR:?}"
libdir=$(cd "$TLSHIM_LIBDIR" && pwd -P)
# The library in libdir must be tlshim's (it carries its own identification).
grep -q 'tlshim: initialising' "$libdir/libgnutls.so.30" 2>/dev/null ||
  { echo "FAIL: $libdir/libgnutls.so.30 is not a tlshim build"; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pre=
case "${TLSHIM_SANITIZERS:-}" in
  *address*) pre=$(${CC:-gcc} -print-file-name=libasan.so) ;;
esac
fail=0
ran=0

# run NAME REQUIRED EXPECTED-TEXT COMMAND...
run() {
  name=$1 required=$2 expect=$3
  shift 3
  if ! command -v "$1" > /dev/null 2>&1; then
    if [ "$required" = yes ]; then
      echo "FAIL: $name: $1 is not installed (the test command installs it)"; fail=1
    else
      echo "note: $name: $1 not installed, not checked"
    fi
    return
  fi
  timeout 60 env LD_DEBUG=libs LD_DEBUG_OUTPUT="$tmp/ld" LD_LIBRARY_PATH="$libdir" ${pre:+LD_PRELOAD=$pre} \
    ASAN_OPTIONS=detect_leaks=0 "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
  rc=$?
  if [ $rc -eq 124 ] && [ -n "$pre" ]; then
    # Some programs deadlock with the sanitizer runtime preloaded whatever
    # libgnutls they use (msmtp does); only such a program is excused.
    rm -f "$tmp"/ld.*
    if ! timeout 20 env ${pre:+LD_PRELOAD=$pre} ASAN_OPTIONS=detect_leaks=0 "$@" > /dev/null 2>&1 < /dev/null; then
      echo "note: $name hangs under the sanitizer runtime on the real GnuTLS too; not checked in this build"
      return
    fi
  fi
  if [ $rc -eq 124 ]; then
    echo "FAIL: $name timed out on tlshim"; fail=1; rm -f "$tmp"/ld.*; return
  fi
  loaded=$(cat "$tmp"/ld.* 2>/dev/null | sed -n 's/.*calling init: \(.*libgnutls\.so\.30\).*/\1/p' | head -n 1)
  rm -f "$tmp"/ld.*
  if [ "$loaded" != "$libdir/libgnutls.so.30" ]; then
    echo "FAIL: $name: ld.so initialised '${loaded:-no libgnutls}', not $libdir/libgnutls.so.30"; fail=1; return
  fi
  if grep -q 'symbol lookup error\|version .* not found\|undefined symbol' "$tmp/err"; then
    echo "FAIL: $name: dynamic-linker error:"; cat "$tmp/err"; fail=1; return
  fi
  if [ -n "$expect" ] && ! grep -q "$expect" "$tmp/out" "$tmp/err"; then
    echo "FAIL: $name (exit $rc) did not print '$expect':"; head -5 "$tmp/out" "$tmp/err"; fail=1; return
  fi
  ran=$((ran + 1))
  echo "ok: $name started on $loaded (exit $rc)"
}

run "wget --version" yes "GNU Wget" wget --version
run "gnutls-cli --version" yes "gnutls-cli 3" gnutls-cli --version
run "gnutls-serv --help" yes "gnutls-serv" gnutls-serv --help
run "certtool --help" yes "certtool" certtool --help
run "lftp --version" yes "LFTP" lftp --version
run "msmtp --version" yes "msmtp version" msmtp --version
run "ldapsearch -VV" yes "ldapsearch" ldapsearch -VV
# git over https loads libcurl-gnutls, which loads libgnutls (the connection
# itself is refused: nothing listens on port 9).
run "git ls-remote https (libcurl-gnutls)" yes "unable to access" git ls-remote https://127.0.0.1:9/none.git
# lighttpd loads mod_gnutls, which loads libgnutls; -tt checks the configuration
# after loading the modules.
printf 'server.modules = ("mod_gnutls")\nserver.document-root = "%s"\nserver.port = 18443\n' "$tmp" > "$tmp/lighttpd.conf"
if [ -f /usr/lib/lighttpd/mod_gnutls.so ]; then
  run "lighttpd + mod_gnutls" yes "" lighttpd -tt -f "$tmp/lighttpd.conf"
else
  echo "FAIL: lighttpd mod_gnutls is not installed (the test command installs it)"; fail=1
fi

[ $fail -eq 0 ] && echo "PASS: $ran programs started on tlshim"
exit $fail
