#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Revocation lists generated now with certtool and openssl (gen-crls.sh)
# give the same results through every gnutls_x509_crl_* getter, print,
# export, list import, issuer check and verification on the real GnuTLS
# and on tlshim.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$top_srcdir/tests/crl/gen-crls.sh" "$tmp/crls" || exit $?
"$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/crl/diff-crl" "$tmp/crls"
