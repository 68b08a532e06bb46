#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Constants and layouts of our include/gnutls/*.h must equal those of the
# reference GnuTLS 3.7.9 headers: every enum constant, every integer or
# string macro (value and type), the expansion of every other macro, the
# size/alignment/field offsets of every public struct and union, and the
# size of every typedef.  gen-constants.py writes a program that prints all
# of these; it is built once against each header set and the outputs must
# be identical.  Run in both the normal and the GNUTLS_INTERNAL_BUILD
# configuration.
#
# Environment: top_srcdir (source root), CC (default gcc), CLANG (default
# clang), PYTHON (default python3), GNUTLS_REF_INCLUDE (directory holding
# the reference gnutls/, default /usr/include).

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${CC:=gcc}"
: "${CLANG:=clang}"
: "${PYTHON:=python3}"
: "${GNUTLS_REF_INCLUDE:=/usr/include}"
export CLANG

test_name=check-constants
. "$top_srcdir/tests/headers/common.sh"

status=0

"$PYTHON" "$here/gen-constants.py" --ref "$ref" -o "$tmp/constants.c" || {
    echo "FAIL: gen-constants.py failed"
    exit 1
}

for mode in normal internal; do
    case $mode in
    normal) defs= ;;
    internal) defs=-DGNUTLS_INTERNAL_BUILD ;;
    esac
    $CC -std=gnu11 -w $defs -I"$ref" "$tmp/constants.c" -o "$tmp/ref-$mode" || {
        echo "FAIL: generated program does not build against the reference headers"
        exit 1
    }
    if ! $CC -std=gnu11 -w $defs -I"$ours" "$tmp/constants.c" -o "$tmp/our-$mode" 2>"$tmp/err"; then
        echo "FAIL ($mode): generated program does not build against $ours:"
        head -n 40 "$tmp/err"
        status=1
        continue
    fi
    check_no_reference_header $defs "$tmp/constants.c" || { status=1; continue; }
    "$tmp/ref-$mode" >"$tmp/ref-$mode.out" || { echo "FAIL: reference program failed"; exit 1; }
    "$tmp/our-$mode" >"$tmp/our-$mode.out" || { echo "FAIL: program built on our headers failed"; status=1; continue; }
    if ! diff -u "$tmp/ref-$mode.out" "$tmp/our-$mode.out" >"$tmp/diff-$mode"; then
        echo "FAIL ($mode): constants or layouts differ (- reference, + ours):"
        cat "$tmp/diff-$mode"
        status=1
    fi
done

# The list must be complete: a broken extractor must not pass quietly.
counts=$(grep '^counts ' "$tmp/ref-normal.out" | tr '\n' ' ')
num() { echo "$counts" | sed -n "s/.*$1=\([0-9]*\).*/\1/p"; }
nint=$(num integer-values); nstr=$(num string-values); nenum=$(num enum-constants)
nrec=$(num records); nfield=$(num fields); ntype=$(num types); nmacro=$(num macros)
nconst=$((nint + nstr))
if [ "$nconst" -lt 1000 ] || [ "$nenum" -lt 500 ] || [ "$nrec" -lt 10 ] ||
   [ "$nfield" -lt 50 ] || [ "$ntype" -lt 200 ] || [ "$nmacro" -lt 400 ]; then
    echo "FAIL: suspiciously few items extracted from the reference: $counts"
    status=1
fi

# Same set of macro names (our private _TLSHIM_* helpers aside).
"$PYTHON" "$here/gen-constants.py" --macro-names "$ref" >"$tmp/ref-macros" &&
"$PYTHON" "$here/gen-constants.py" --macro-names "$ours" |
    grep -v '^_TLSHIM_' >"$tmp/our-macros" || { echo "FAIL: listing macros"; exit 1; }
if ! diff -u "$tmp/ref-macros" "$tmp/our-macros" >"$tmp/diff-macros"; then
    echo "FAIL: the headers define different macros (- reference only, + ours only):"
    grep '^[-+][^-+]' "$tmp/diff-macros"
    status=1
fi

echo "compared $nconst constant values ($nenum enum constants, $((nint - nenum)) integer" \
     "and $nstr string macros), $nmacro macros by expansion, $nrec structs/unions" \
     "with $nfield fields, $ntype type sizes; 2 configurations"
if [ $status -eq 0 ]; then
    echo "PASS: check-constants"
else
    echo "FAIL: check-constants"
fi
exit $status
