#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The exported ABI of the built libgnutls.so.30 is exactly the reference:
# SONAME, file version, version nodes with their parents, every symbol in its
# node with its kind, data objects with their sizes, and nothing else.
set -u
: "${top_srcdir:?}" "${TLSHIM_LIBDIR:?}"
abi=$top_srcdir/lib/abi
lib=$TLSHIM_LIBDIR/libgnutls.so.30
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
err() { echo "FAIL: $*"; fail=1; }

[ -f "$lib" ] || { echo "FAIL: $lib not built"; exit 1; }
real=$(readlink -f "$lib")
case "$real" in
  */libgnutls.so.30.34.3) ;;
  *) err "library file is $(basename "$real"), expected libgnutls.so.30.34.3" ;;
esac

soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libgnutls.so.30" ] || err "SONAME is '$soname'"

# Version definitions and their parents, in order.
readelf -V -W "$lib" | sed -n '/Version definition/,/Version needs/p' | awk '
  /Name:/ { for (i = 1; i <= NF; i++) if ($i == "Name:") name = $(i+1);
            if ($0 ~ /BASE/) { print name; next } print name }
  /Parent 1:/ { print "  parent " $NF }' > "$tmp/nodes"
grep -v '^$' "$abi/version-nodes.txt" > "$tmp/nodes.ref"
diff -u "$tmp/nodes.ref" "$tmp/nodes" > "$tmp/nodes.diff" || { err "version nodes differ:"; cat "$tmp/nodes.diff"; }

# Every defined dynamic symbol: name, node, kind.
objdump -T "$lib" | awk '
  $2 ~ /^[gw]$/ || $2 == "g" {
    # columns: value flags [flags] type section size version name
  }
  /\*ABS\*/ { next }
  / D[FO] / || / DF / || / DO / {
    n = NF; name = $n; ver = $(n-1); kind = "";
    if ($0 ~ / DF /) kind = "func"; else if ($0 ~ / DO /) kind = "data";
    if ($0 ~ /\*UND\*/) next;
    print name "\t" ver "\t" kind }' | sort > "$tmp/exports"
grep -v '^#' "$abi/gnutls-3.7.9.symbols.tsv" | sort > "$tmp/exports.ref"
count=$(wc -l < "$tmp/exports")
[ "$count" -ge 1000 ] || err "only $count exports found (objdump parsing broken?)"
if ! diff -u "$tmp/exports.ref" "$tmp/exports" > "$tmp/exports.diff"; then
  err "exported symbols differ from the reference (- reference, + ours):"
  grep '^[-+][^-+]' "$tmp/exports.diff" | head -50
fi

# Versioned node symbols (GNUTLS_3_4 ...) are the only ABS entries.
objdump -T "$lib" | awk '/\*ABS\*/ {print $NF}' | sort > "$tmp/abs"
grep -v '^ \|^libgnutls' "$abi/version-nodes.txt" | grep -v '^$' | sort > "$tmp/abs.ref"
diff -u "$tmp/abs.ref" "$tmp/abs" > /dev/null || { err "absolute symbols are not exactly the version nodes"; diff -u "$tmp/abs.ref" "$tmp/abs" | head; }

# Data objects have the reference sizes.
readelf --dyn-syms -W "$lib" | awk '$4 == "OBJECT" && $8 ~ /@@/ {split($8, a, "@@"); print a[1] "\t" $3}' | sort > "$tmp/sizes"
grep -v '^#' "$abi/data-sizes.tsv" | sort > "$tmp/sizes.ref"
diff -u "$tmp/sizes.ref" "$tmp/sizes" > "$tmp/sizes.diff" || { err "data object sizes differ:"; cat "$tmp/sizes.diff"; }

# No C++ or helper symbol leaks, whatever the table says.
nm -D --defined-only "$lib" | awk '{print $NF}' | sed 's/@.*//' | grep -vE '^(gnutls_|_gnutls|_dsa_|_rsa_generate_fips186_4_keypair$|dsa_generate_dss_keypair$|GNUTLS_)' > "$tmp/leaks"
[ -s "$tmp/leaks" ] && { err "symbols outside the GnuTLS ABI are exported:"; head "$tmp/leaks"; }

[ $fail -eq 0 ] && echo "PASS: $count symbols in $(grep -vc '^ ' "$tmp/nodes.ref") version nodes match the reference ABI"
exit $fail
