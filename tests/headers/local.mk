# SPDX-License-Identifier: LGPL-2.1-or-later
# Header conformance tests: our include/gnutls/*.h against the reference
# GnuTLS 3.7.9 headers.  Included from the top-level Makefile.am.

TESTS += \
	tests/headers/check-constants.sh \
	tests/headers/check-prototypes.sh \
	tests/headers/check-compile.sh

EXTRA_DIST += \
	tests/headers/check-constants.sh \
	tests/headers/check-prototypes.sh \
	tests/headers/check-compile.sh \
	tests/headers/common.sh \
	tests/headers/gen-constants.py \
	tests/headers/check-prototypes.py \
	tests/headers/refheaders.py
