#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Certificates generated now (gen-certs.sh) print identically in every
# gnutls_x509_crt_print() format, and give the same DN objects, getter
# results and extension round trips, on the real GnuTLS and on tlshim.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$top_srcdir/tests/print/gen-certs.sh" "$tmp/certs" || exit $?
"$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/print/diff-print" --getters "$tmp/certs"
