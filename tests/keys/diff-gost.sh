#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# GOST R 34.10 keys on the real GnuTLS and on tlshim:
#  1. diff-gost's deterministic report must be identical on both;
#  2. signatures made on one library must verify on the other, both ways
#     (and fail once tampered);
#  3. the unchanged certtool prints the same for GOST keys (-k) on both,
#     and a key tlshim generates reads back on the real GnuTLS.
set -u
: "${TLSHIM_LIBDIR:?}"
prog="$top_builddir/tests/keys/diff-gost"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$top_srcdir/tests/common/run-diff.sh" "$prog" || exit 1

pre=
case "${TLSHIM_SANITIZERS:-}" in
  *address*) pre=$(${CC:-gcc} -print-file-name=libasan.so) ;;
esac
real() { env -u LD_LIBRARY_PATH ASAN_OPTIONS=detect_leaks=0 "$@"; }
ours() { env LD_LIBRARY_PATH="$TLSHIM_LIBDIR" ${pre:+LD_PRELOAD=$pre} ASAN_OPTIONS=detect_leaks=0 "$@"; }
ourdir=$(cd "$TLSHIM_LIBDIR" && pwd -P)
# Runs "$1 $2 DIR" (sign on one library, verify on the other) and checks
# which library each run loaded.
cross() {
  signer=$1 verifier=$2 dir="$tmp/$1-$2"
  mkdir "$dir"
  $signer "$prog" sign "$dir" > "$dir/sign.out" 2>&1 || { echo "FAIL: signing on $signer"; cat "$dir/sign.out"; exit 1; }
  $verifier "$prog" verify "$dir" > "$dir/verify.out" 2>&1 || { echo "FAIL: $signer's signatures on $verifier"; cat "$dir/verify.out"; exit 1; }
  for f in sign verify; do
    who=$signer; [ $f = verify ] && who=$verifier
    lib=$(sed -n '1s/^LOADED //p' "$dir/$f.out")
    case "$who:$lib" in
      ours:"$ourdir"/*|ours:"$TLSHIM_LIBDIR"/*) ;;
      real:/usr/lib/*) ;;
      *) echo "FAIL: the $f run ($who) loaded '$lib'"; exit 1 ;;
    esac
  done
  n=$(grep -c 'verify rc=0$' "$dir/verify.out")
  [ "$n" -eq 10 ] || { echo "FAIL: $n of 10 signatures from $signer verified on $verifier"; cat "$dir/verify.out"; exit 1; }
  echo "PASS: 10 signatures made on $signer verify on $verifier"
}
cross ours real
cross real ours

command -v certtool > /dev/null || { echo "SKIP: no certtool"; exit 77; }
# The key of gnutls-cli's benchmark and one certtool makes now, on both.
strings /usr/bin/gnutls-cli | sed -n '/BEGIN PRIVATE KEY/,/END PRIVATE KEY/p' | sed -n '1,/END PRIVATE KEY/p' > "$tmp/bench.key"
grep -q 'END PRIVATE KEY' "$tmp/bench.key" || { echo "FAIL: no key found in gnutls-cli"; exit 1; }
real certtool --generate-privkey --key-type gost12-512 --outfile "$tmp/g512.key" 2> /dev/null || exit 1
real certtool --generate-privkey --key-type gost01 --curve CryptoPro-XchA --outfile "$tmp/g01.key" 2> /dev/null || exit 1
for k in bench g512 g01; do
  real certtool -k --infile "$tmp/$k.key" > "$tmp/$k.real" 2>&1
  ours certtool -k --infile "$tmp/$k.key" > "$tmp/$k.ours" 2>&1
  grep -q 'Algorithm: GOST R 34.10' "$tmp/$k.real" || { echo "FAIL: certtool -k printed no GOST key for $k"; cat "$tmp/$k.real"; exit 1; }
  cmp -s "$tmp/$k.real" "$tmp/$k.ours" || { echo "FAIL: certtool -k differs for $k"; diff "$tmp/$k.real" "$tmp/$k.ours"; exit 1; }
done
echo "PASS: certtool -k prints the same for 3 GOST keys on both libraries"
for t in gost12-256 gost12-512 gost01; do
  ours certtool --generate-privkey --key-type $t --outfile "$tmp/new.key" > /dev/null 2>&1 || { echo "FAIL: certtool --generate-privkey --key-type $t on tlshim"; exit 1; }
  real certtool -k --infile "$tmp/new.key" > "$tmp/new.real" 2>&1 || { echo "FAIL: the real GnuTLS cannot read tlshim's $t key"; cat "$tmp/new.key"; exit 1; }
  ours certtool -k --infile "$tmp/new.key" > "$tmp/new.ours" 2>&1
  cmp -s "$tmp/new.real" "$tmp/new.ours" || { echo "FAIL: certtool -k differs for a $t key made on tlshim"; diff "$tmp/new.real" "$tmp/new.ours"; exit 1; }
done
echo "PASS: certtool --generate-privkey on tlshim makes keys the real GnuTLS reads identically"
