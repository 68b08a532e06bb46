#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The renegotiation scenarios on the system's real GnuTLS 3.7.9: proves that
# every assertion of tests/renegotiation/renegotiation.c describes the
# reference behaviour.
RENEG_LIB=real exec sh "$top_srcdir/tests/renegotiation/renegotiation.sh"
