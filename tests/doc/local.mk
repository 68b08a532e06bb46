# SPDX-License-Identifier: LGPL-2.1-or-later
# Checks of the doc comments and of the manual pages generated from them.
DOC_TESTS = tests/doc/check-comments.sh tests/doc/check-coverage.sh tests/doc/check-args.sh \
	tests/doc/check-render.sh tests/doc/check-index.sh tests/doc/check-selftest.sh
TESTS += $(DOC_TESTS)
EXTRA_DIST += $(DOC_TESTS) tests/doc/run-check.sh tests/doc/checkdoc.py tests/doc/selftest.py
