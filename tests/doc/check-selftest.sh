#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The generator and the checks on a small made-up tree: a clean one passes,
# and each deliberately broken one fails with the expected message.
set -u
: "${top_srcdir:?}"
PYTHONDONTWRITEBYTECODE=1; export PYTHONDONTWRITEBYTECODE
exec "${PYTHON:-python3}" "$top_srcdir/tests/doc/selftest.py" "$top_srcdir"
