#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Adds to a directory made by gen-certs.sh two OCSP responses about
# rsa.pem, signed by the test CA with `openssl ocsp`: ocsp-good.der (status
# good) and ocsp-revoked.der (revoked yesterday), both valid for a week.
set -u
cd "$1" || exit 1
serial=$(openssl x509 -in rsa.pem -noout -serial | sed 's/^serial=//')
expiry=$(date -u -d '+30 days' +%y%m%d%H%M%SZ)
revoked=$(date -u -d '-1 days' +%y%m%d%H%M%SZ)
# The responder's database (the format of `openssl ca`'s index.txt).
printf 'V\t%s\t\t%s\tunknown\t/CN=localhost\n' "$expiry" "$serial" > index-good.txt
printf 'R\t%s\t%s\t%s\tunknown\t/CN=localhost\n' "$expiry" "$revoked" "$serial" > index-revoked.txt
for status in good revoked; do
  openssl ocsp -issuer ca.pem -cert rsa.pem -no_nonce -reqout request-$status.der >/dev/null 2>&1 || exit 1
  openssl ocsp -index index-$status.txt -rsigner ca.pem -rkey ca.key -CA ca.pem -reqin request-$status.der \
    -respout ocsp-$status.der -ndays 7 >/dev/null 2>&1 || exit 1
done
exit 0
