#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# GNUTLS_DEBUG_LEVEL turns on logging to stderr as "gnutls[LEVEL]: message"
# when the program installed no log function; without it, nothing is logged.
set -u
: "${top_builddir:?}"
prog=$top_builddir/tests/unit/debug-env
quiet=$(env -u GNUTLS_DEBUG_LEVEL "$prog" 2>&1) || { echo "FAIL: helper failed"; exit 1; }
[ -z "$quiet" ] || { echo "FAIL: output without GNUTLS_DEBUG_LEVEL: $quiet"; exit 1; }
loud=$(GNUTLS_DEBUG_LEVEL=2 "$prog" 2>&1) || { echo "FAIL: helper failed"; exit 1; }
echo "$loud" | grep -q '^gnutls\[2\]: ' || { echo "FAIL: no 'gnutls[2]: ' lines on stderr: $loud"; exit 1; }
deep=$(GNUTLS_DEBUG_LEVEL=1 "$prog" 2>&1)
echo "$deep" | grep -q '^gnutls\[2\]: ' && { echo "FAIL: level-2 messages at level 1: $deep"; exit 1; }
echo "PASS: GNUTLS_DEBUG_LEVEL honoured ($(echo "$loud" | wc -l) lines at level 2)"
