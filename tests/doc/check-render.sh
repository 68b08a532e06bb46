#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Each page renders with groff without a warning and has NAME, SYNOPSIS and DESCRIPTION (77 without groff).
exec sh "$top_srcdir/tests/doc/run-check.sh" render
