#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The base64 decoder corpus (shared/corpora/base64_decoder, beside the source
# tree) decodes to the same results on the real GnuTLS and on tlshim, without
# crash or sanitizer report.  Skipped where the corpora are not present.
corpora="$top_srcdir/../shared/corpora"
if [ ! -d "$corpora" ]; then
  echo "SKIP: $corpora is absent"
  exit 77
fi
dir="$corpora/base64_decoder"
[ -d "$dir" ] || { echo "FAIL: $dir is missing"; exit 1; }
exec "$top_srcdir/tests/common/run-diff.sh" "$top_builddir/tests/encoding/corpus-base64" "$dir"
