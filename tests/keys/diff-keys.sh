#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Keys generated now with openssl and certtool (gen-keys.sh) give the same
# results through gnutls_x509_privkey_* on the real GnuTLS and on tlshim:
# import codes, key types and sizes, key ids, the deterministic exports,
# RSA and EdDSA signatures, encrypted round trips, error codes.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$top_srcdir/tests/keys/gen-keys.sh" "$tmp/keys" || exit $?
"$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/keys/diff-keys" "$tmp/keys"
