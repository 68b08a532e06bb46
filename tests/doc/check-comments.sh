#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Every doc comment in lib/ is well formed and names exactly the parameters of its definition.
exec sh "$top_srcdir/tests/doc/run-check.sh" comments
