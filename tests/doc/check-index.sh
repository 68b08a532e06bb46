#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The index page gnutls.3 lists every implemented public function and every stub.
exec sh "$top_srcdir/tests/doc/run-check.sh" index
