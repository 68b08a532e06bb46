#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Every function, variable and typedef declared by our include/gnutls/*.h
# must match the reference GnuTLS 3.7.9 headers, header by header: same
# set of declarations, same types (as spelled and canonically), same
# deprecation/const/pure attributes.  See check-prototypes.py for the three
# methods used.
#
# Environment: top_srcdir (source root), CC (default gcc), CXX (default
# g++), CLANG (default clang), PYTHON (default python3),
# GNUTLS_REF_INCLUDE (directory holding the reference gnutls/, default
# /usr/include).

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${CC:=gcc}"
: "${CXX:=g++}"
: "${CLANG:=clang}"
: "${PYTHON:=python3}"
: "${GNUTLS_REF_INCLUDE:=/usr/include}"
export CC CXX CLANG

test_name=check-prototypes
. "$top_srcdir/tests/headers/common.sh"

status=0
"$PYTHON" "$here/check-prototypes.py" --ref "$ref" --ours "$ours" --tmp "$tmp" || status=1
if [ $status -eq 0 ]; then
    echo "PASS: check-prototypes"
else
    echo "FAIL: check-prototypes"
fi
exit $status
