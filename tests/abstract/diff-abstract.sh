#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Keys of every supported type, generated now (gen-keys.sh), give the same
# results through the gnutls_pubkey_*, gnutls_privkey_* and gnutls_pcert_*
# functions on the real GnuTLS and on tlshim.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$top_srcdir/tests/abstract/gen-keys.sh" "$tmp/keys" || exit $?
"$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/abstract/diff-abstract" "$tmp/keys"
