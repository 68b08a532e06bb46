# SPDX-License-Identifier: LGPL-2.1-or-later
# Helpers shared by the header tests; sourced, with ref, ours and CC set.

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
