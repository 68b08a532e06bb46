# SPDX-License-Identifier: LGPL-2.1-or-later
# Set-up and helpers shared by the header tests; sourced with top_srcdir,
# test_name, CC, CLANG and GNUTLS_REF_INCLUDE set.  Defines here, ours,
# ref and a temporary directory tmp (removed on exit); skips (77) when the
# reference headers or clang are missing.

here=$top_srcdir/tests/headers
ours=$top_srcdir/include
ref=$GNUTLS_REF_INCLUDE

if [ ! -f "$ref/gnutls/gnutls.h" ]; then
    echo "SKIP: reference GnuTLS headers not found in $ref/gnutls"
    exit 77
fi
if ! command -v "$CLANG" >/dev/null 2>&1; then
    echo "SKIP: $CLANG not found (needed to read and compile the headers)"
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/$test_name.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

HEADERS="gnutls.h x509.h x509-ext.h abstract.h crypto.h dtls.h ocsp.h pkcs7.h
pkcs11.h pkcs12.h compat.h socket.h urls.h system-keys.h self-test.h tpm.h
openpgp.h"

for h in $HEADERS; do
    if [ ! -f "$ours/gnutls/$h" ]; then
        echo "FAIL: $ours/gnutls/$h is missing"
        exit 1
    fi
done

# A build against our headers must not silently pick up a reference
# header (which would happen if ours forgot to provide one).
# Usage: check_no_reference_header [compiler flags...] source
check_no_reference_header() {
    deps=$($CC -std=gnu11 -M -I"$ours" "$@" 2>/dev/null | tr ' \\' '\n\n' |
           grep "^$ref/gnutls/")
    if [ -n "$deps" ]; then
        echo "FAIL: a build with -I$ours still reads reference headers:"
        echo "$deps"
        return 1
    fi
    return 0
}
