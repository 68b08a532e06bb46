#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs one check of tests/doc/checkdoc.py on the sources and the built pages.
# Usage: run-check.sh comments|coverage|args|render|index
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
PYTHON=${PYTHON:-python3}
PYTHONDONTWRITEBYTECODE=1; export PYTHONDONTWRITEBYTECODE
mandir="$top_builddir/doc/man"
if [ "$1" != comments ] && [ ! -f "$top_builddir/doc/man.stamp" ]; then
  echo "FAIL: $mandir was not generated (run make first)"
  exit 1
fi
exec "$PYTHON" "$top_srcdir/tests/doc/checkdoc.py" "$1" "$top_srcdir" "$mandir"
