#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# max_fragment_length, record_size_limit and OCSP stapling between a
# client and a server in one process: the hellos, the TLS 1.2 server
# flight, record sizes, stapled responses and the errors and alerts for
# bad or unsolicited extensions must be the same on tlshim as on the real
# GnuTLS.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
sh "$top_srcdir/tests/handshake/gen-certs.sh" "$tmp/certs" || exit $?
sh "$top_srcdir/tests/handshake/gen-ocsp.sh" "$tmp/certs" || exit 1
"$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/handshake/diff-mfl-ocsp" "$tmp/certs"
