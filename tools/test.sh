#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Builds tlshim twice from a clean tree (normal, then ASan+UBSan) and runs the
# whole test suite on both.  Installs missing Debian packages first.
set -e
cd "$(dirname "$0")/.."
sh tools/deps.sh
./bootstrap
jobs=$(nproc 2>/dev/null || echo 2)
for variant in plain sanitizers; do
  dir=_build/$variant
  rm -rf "$dir"
  mkdir -p "$dir"
  flags=
  [ $variant = sanitizers ] && flags=--enable-sanitizers
  (cd "$dir" && ../../configure $flags > configure.log && make -j"$jobs" > make.log 2>&1 || { tail -50 make.log; exit 1; }
   if ! make -j"$jobs" check > check.log 2>&1; then
     grep -E '^(FAIL|ERROR|XPASS)' check.log || true
     for f in $(grep -lE '^(FAIL|ERROR)' $(find . -name '*.log' -path '*tests*') 2>/dev/null); do echo "== $f"; tail -40 "$f"; done
     tail -15 check.log
     exit 1
   fi
   sed -n '/^=====/,$p' check.log | grep -E '^# (TOTAL|PASS|SKIP|FAIL|ERROR|XFAIL|XPASS)' || true
   grep -E '^SKIP' check.log || true)
  echo "tlshim: $variant build: make check passed"
done
echo "tlshim: all tests passed (plain and sanitizer builds)"
