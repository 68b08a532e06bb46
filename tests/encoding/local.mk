# SPDX-License-Identifier: LGPL-2.1-or-later
# Encodings: unit tests of the core, a differential test of the public and
# private functions, and the base64 decoder corpus run on both libraries.
check_PROGRAMS += tests/encoding/diff-encoding tests/encoding/corpus-base64
tests_encoding_diff_encoding_SOURCES = tests/encoding/diff-encoding.c
tests_encoding_diff_encoding_LDADD = $(DIFF_LDADD)
tests_encoding_corpus_base64_SOURCES = tests/encoding/corpus-base64.c
tests_encoding_corpus_base64_LDADD = $(DIFF_LDADD)
check_PROGRAMS += tests/encoding/diff-idna
tests_encoding_diff_idna_SOURCES = tests/encoding/diff-idna.c
tests_encoding_diff_idna_LDADD = $(DIFF_LDADD)
TESTS += tests/encoding/diff-encoding.sh tests/encoding/corpus-base64.sh tests/encoding/diff-idna.sh
EXTRA_DIST += tests/encoding/diff-encoding.sh tests/encoding/corpus-base64.sh tests/encoding/diff-idna.sh

if HAVE_CHECK
check_PROGRAMS += tests/encoding/test-encoding
TESTS += tests/encoding/test-encoding
tests_encoding_test_encoding_SOURCES = tests/encoding/test-encoding.cc tests/unit/check-main.hh
tests_encoding_test_encoding_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_encoding_test_encoding_LDADD = $(UNIT_LDADD)
endif
