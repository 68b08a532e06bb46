#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Each page's ARGUMENTS and SYNOPSIS match the definition and the declaration in include/gnutls/*.h.
exec sh "$top_srcdir/tests/doc/run-check.sh" args
