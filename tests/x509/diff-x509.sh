#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Certificates generated now with certtool and openssl (gen-certs.sh) give
# the same results through every gnutls_x509_crt_* getter on the real GnuTLS
# and on tlshim.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$top_srcdir/tests/x509/gen-certs.sh" "$tmp/certs" || exit $?
"$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/x509/diff-x509" "$tmp/certs"
