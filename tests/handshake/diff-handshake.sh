#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# TLS 1.3 handshakes between a client and a server in one process, over
# memory pipes (whole buffers, and EAGAIN with one byte at a time): what
# both sides negotiate and report must be the same on tlshim as on the
# real GnuTLS.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
sh "$top_srcdir/tests/handshake/gen-certs.sh" "$tmp/certs" || exit $?
"$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/handshake/diff-handshake" "$tmp/certs"
