#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Authority Information Access lookups and URL imports agree with the real
# GnuTLS, on certificates made now by openssl.
command -v openssl >/dev/null 2>&1 || { echo "SKIP: openssl not found"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mk() {
  name=$1; shift
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/$name.key" \
    -out "$tmp/$name.pem" -subj "/CN=$name" -days 30 "$@" >/dev/null 2>&1 || { echo "FAIL: openssl ($name)"; exit 1; }
}
mk aia -addext "authorityInfoAccess=OCSP;URI:http://ocsp.example.com/,caIssuers;URI:http://ca.example.com/ca.crt,caIssuers;DNS:x.example.com,OCSP;email:ocsp@example.com"
mk critical -addext "authorityInfoAccess=critical,caIssuers;URI:http://ca.example.com/ca.crt"
mk other -addext "authorityInfoAccess=1.2.3.4;URI:http://other.example.com/,OCSP;IP:192.0.2.1"
mk none
exec "$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/x509/diff-aia" \
  "$tmp/aia.pem" "$tmp/critical.pem" "$tmp/other.pem" "$tmp/none.pem"
