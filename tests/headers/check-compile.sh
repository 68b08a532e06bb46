#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Each of our include/gnutls/*.h must compile on its own, as C and as C++,
# with warnings as errors; so must a program that includes all of them and
# uses a few declarations, and each must include the same headers as its
# reference counterpart.  Stricter warning sets are also tried, and are
# required wherever a (non-system) copy of the reference headers passes
# them.  Finally, using a deprecated interface must warn, as it does with
# GnuTLS, except when GNUTLS_INTERNAL_BUILD is defined.
#
# Environment: top_srcdir (source root), CC (default gcc), CXX (default
# g++), CLANG (default clang), CLANGXX (default clang++),
# GNUTLS_REF_INCLUDE (directory holding the reference gnutls/, default
# /usr/include).

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${CC:=gcc}"
: "${CXX:=g++}"
: "${CLANG:=clang}"
: "${CLANGXX:=${CLANG}++}"
: "${GNUTLS_REF_INCLUDE:=/usr/include}"

test_name=check-compile
. "$top_srcdir/tests/headers/common.sh"

# A copy of the reference outside the system include path, so that its
# warnings are not hidden the way system headers' are.
mkdir -p "$tmp/ref" && cp -R "$ref/gnutls" "$tmp/ref/" || exit 1

W="-Wall -Wextra -Werror -pedantic"
STRICT_C="-Wstrict-prototypes -Wmissing-prototypes -Wundef -Wshadow -Wcast-qual -Wredundant-decls -Wold-style-definition -Wnested-externs"
STRICT_CXX="-Wold-style-cast -Wzero-as-null-pointer-constant -Wundef -Wshadow -Wredundant-decls"

# name|required|lang|compiler|flags   (required=yes: must pass whatever the
# reference does; otherwise only where the reference copy passes too)
sets="c99|yes|c|$CC|-std=c99 $W
gnu11|yes|c|$CC|-std=gnu11 $W
c11-gnu-source|no|c|$CC|-std=c11 -D_GNU_SOURCE $W
gnu11-internal|no|c|$CC|-std=gnu11 -DGNUTLS_INTERNAL_BUILD $W
gnu11-strict|no|c|$CC|-std=gnu11 $W $STRICT_C
c89|no|c|$CC|-std=c89 $W
clang-c99|no|c|$CLANG|-std=c99 $W
clang-gnu11-strict|no|c|$CLANG|-std=gnu11 $W -Wstrict-prototypes -Wmissing-prototypes -Wundef -Wshadow -Wduplicate-enum -Wassign-enum -Wc++-compat
c++11|yes|c++|$CXX|-std=c++11 $W
c++20|yes|c++|$CXX|-std=c++20 $W
c++11-strict|no|c++|$CXX|-std=c++11 $W $STRICT_CXX
c++98|no|c++|$CXX|-std=c++98 $W
clang-c++11|no|c++|$CLANGXX|-std=c++11 $W
clang-c++20|no|c++|$CLANGXX|-std=c++20 $W -Wold-style-cast -Wundef -Wshadow"

status=0
checked=0
notreq=0

try() { # lang compiler flags incdir source
    _lang=$1 _cc=$2 _flags=$3 _inc=$4 _src=$5
    # shellcheck disable=SC2086
    "$_cc" -x "$_lang" $_flags -I"$_inc" -fsyntax-only "$_src" >"$tmp/log" 2>&1
}

echo "$sets" >"$tmp/sets"
while IFS='|' read -r name required lang cc flags; do
    if ! command -v "$cc" >/dev/null 2>&1; then
        echo "note: $cc not found, skipping the $name set"
        continue
    fi
    for h in $HEADERS; do
        printf '#include <gnutls/%s>\n' "$h" >"$tmp/one.src"
        if try "$lang" "$cc" "$flags" "$ours" "$tmp/one.src"; then
            checked=$((checked + 1))
            continue
        fi
        if [ "$required" = yes ] || try "$lang" "$cc" "$flags" "$tmp/ref" "$tmp/one.src"; then
            # try() above overwrote the log; redo ours for the message
            try "$lang" "$cc" "$flags" "$ours" "$tmp/one.src"
            echo "FAIL: gnutls/$h does not compile standalone [$name: $cc $flags]:"
            head -n 20 "$tmp/log"
            status=1
        else
            notreq=$((notreq + 1))
        fi
    done
done <"$tmp/sets"

# All headers at once, using a few declarations of each kind.
cat >"$tmp/all.src" <<'EOF'
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/x509-ext.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/dtls.h>
#include <gnutls/ocsp.h>
#include <gnutls/pkcs7.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/compat.h>
#include <gnutls/socket.h>
#include <gnutls/urls.h>
#include <gnutls/system-keys.h>
#include <gnutls/self-test.h>
#include <gnutls/tpm.h>
#include <gnutls/openpgp.h>

int use_headers(void);
int use_headers(void)
{
    gnutls_session_t session;
    gnutls_datum_t d = { 0, 0 };
    gnutls_x509_crt_t crt;
    unsigned bits = GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1);
    int ret = gnutls_init(&session, GNUTLS_CLIENT | GNUTLS_NONBLOCK);

    if (ret < 0 || !gnutls_check_version_numeric(3, 7, 0))
        return ret;
    gnutls_transport_set_int(session, 0);
    ret = gnutls_x509_crt_init(&crt);
    if (ret == GNUTLS_E_SUCCESS)
        ret = gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_PEM);
    gnutls_deinit(session);
    return ret + (int)GNUTLS_BITS_TO_CURVE(bits) + (int)sizeof(GNUTLS_VERSION);
}
EOF
for set in "c|$CC|-std=gnu11 $W" "c|$CC|-std=c99 $W" "c++|$CXX|-std=c++11 $W" "c++|$CXX|-std=c++20 $W"; do
    lang=${set%%|*}; rest=${set#*|}; cc=${rest%%|*}; flags=${rest#*|}
    if try "$lang" "$cc" "$flags" "$ours" "$tmp/all.src"; then
        checked=$((checked + 1))
    else
        echo "FAIL: the all-headers program does not compile [$cc $flags]:"
        head -n 30 "$tmp/log"
        status=1
    fi
done

# Deprecated interfaces warn when used (functions, typedefs, inline
# helpers), as with GnuTLS; never inside the library build.
cat >"$tmp/depr.src" <<'EOF'
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <gnutls/openpgp.h>
int use_old(gnutls_session_t s);
int use_old(gnutls_session_t s)
{
    gnutls_datum d = { 0, 0 };                          /* deprecated typedef */
    (void)d;
    (void)gnutls_session_get_server_random(s);          /* deprecated inline */
    return (int)gnutls_compression_get(s);              /* deprecated function */
}
EOF
for set in "c|$CC|-std=gnu11 -D_GNU_SOURCE" "c++|$CXX|-std=c++11"; do
    lang=${set%%|*}; rest=${set#*|}; cc=${rest%%|*}; flags=${rest#*|}
    for inc in "$tmp/ref" "$ours"; do
        try "$lang" "$cc" "$flags" "$inc" "$tmp/depr.src"
        n=$(grep -c 'deprecated' "$tmp/log")
        if [ "$n" -lt 3 ]; then
            echo "FAIL: expected 3 deprecation warnings with $inc [$cc $flags], got $n:"
            cat "$tmp/log"
            status=1
        fi
        if ! try "$lang" "$cc" "$flags -DGNUTLS_INTERNAL_BUILD -Werror" "$inc" "$tmp/depr.src"; then
            echo "FAIL: deprecation warnings inside the library build with $inc [$cc $flags]:"
            cat "$tmp/log"
            status=1
        fi
        checked=$((checked + 2))
    done
done

# Same include relationships as the reference.  One intended addition:
# our compat.h includes gnutls.h so that it also works on its own.
incs() { sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*\([<"][^>"]*[>"]\).*/\1/p' "$1" | sort -u; }
for h in $HEADERS; do
    incs "$ref/gnutls/$h" >"$tmp/inc-ref"
    incs "$ours/gnutls/$h" >"$tmp/inc-ours"
    if [ "$h" = compat.h ]; then
        grep -v '^<gnutls/gnutls.h>$' "$tmp/inc-ours" >"$tmp/inc-x"; mv "$tmp/inc-x" "$tmp/inc-ours"
    fi
    if ! diff "$tmp/inc-ref" "$tmp/inc-ours" >"$tmp/inc-diff"; then
        echo "FAIL: gnutls/$h includes different headers (< reference, > ours):"
        grep '^[<>]' "$tmp/inc-diff"
        status=1
    fi
done

echo "$checked compilations passed; $notreq failures in optional sets where the reference fails too"
if [ $status -eq 0 ]; then
    echo "PASS: check-compile"
else
    echo "FAIL: check-compile"
fi
exit $status
