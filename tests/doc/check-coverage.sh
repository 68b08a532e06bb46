#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Every implemented public function has a doc comment and a page; every stub has a page.
exec sh "$top_srcdir/tests/doc/run-check.sh" coverage
