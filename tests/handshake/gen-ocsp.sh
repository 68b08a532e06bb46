#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Usage: gen-ocsp.sh DIR [CERT [CA]]
# Adds to DIR (made by gen-certs.sh, or tests/interop's make_certs) two
# OCSP responses about CERT (default rsa.pem), signed with `openssl ocsp`
# by the CA (default ca.pem, key ca.key): ocsp-good.der (status good) and
# ocsp-revoked.der (revoked yesterday), both valid for a week.
set -u
cd "$1" || exit 1
cert=${2:-rsa.pem}
ca=${3:-ca.pem}
serial=$(openssl x509 -in "$cert" -noout -serial | sed 's/^serial=//')
expiry=$(date -u -d '+30 days' +%y%m%d%H%M%SZ)
revoked=$(date -u -d '-1 days' +%y%m%d%H%M%SZ)
# The responder's database (the format of `openssl ca`'s index.txt).
printf 'V\t%s\t\t%s\tunknown\t/CN=localhost\n' "$expiry" "$serial" > index-good.txt
printf 'R\t%s\t%s\t%s\tunknown\t/CN=localhost\n' "$expiry" "$revoked" "$serial" > index-revoked.txt
for status in good revoked; do
  openssl ocsp -issuer "$ca" -cert "$cert" -no_nonce -reqout request-$status.der >/dev/null 2>&1 || exit 1
  openssl ocsp -index index-$status.txt -rsigner "$ca" -rkey ca.key -CA "$ca" -reqin request-$status.der \
    -respout ocsp-$status.der -ndays 7 >/dev/null 2>&1 || exit 1
done
exit 0
