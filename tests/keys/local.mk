# SPDX-License-Identifier: LGPL-2.1-or-later
# Tests: keys.  Check unit tests of the key core (test-gost: GOST R 34.10
# and the RFC 7836 VKO answer); differential tests of gnutls_x509_privkey_*
# over keys generated at test time (gen-keys.sh) and of the GOST key and
# signature APIs (diff-gost, also across libraries and with certtool); an
# OpenSSL interoperability test of signatures in both directions; the
# private-key parser corpora (when ../shared is present).
KEYS_TOOL_CPPFLAGS = $(AM_CPPFLAGS) $(NETTLE_CFLAGS) $(GMP_CFLAGS)
KEYS_TOOL_LDADD = lib/libtlshim.la $(GMP_LIBS)

check_PROGRAMS += tests/keys/diff-keys tests/keys/key-tool tests/keys/diff-gost
tests_keys_diff_keys_SOURCES = tests/keys/diff-keys.c
tests_keys_diff_keys_LDADD = $(DIFF_LDADD)
tests_keys_diff_gost_SOURCES = tests/keys/diff-gost.c
tests_keys_diff_gost_LDADD = $(DIFF_LDADD)
tests_keys_key_tool_SOURCES = tests/keys/key-tool.cc
tests_keys_key_tool_CPPFLAGS = $(KEYS_TOOL_CPPFLAGS)
tests_keys_key_tool_LDADD = $(KEYS_TOOL_LDADD)
TESTS += tests/keys/diff-keys.sh tests/keys/interop-openssl.sh tests/keys/corpus-keys.sh \
	tests/keys/diff-gost.sh
EXTRA_DIST += tests/keys/diff-keys.sh tests/keys/interop-openssl.sh tests/keys/corpus-keys.sh \
	tests/keys/diff-gost.sh \
	tests/keys/gen-keys.sh

if HAVE_CHECK
check_PROGRAMS += tests/keys/test-keys tests/keys/test-gost
TESTS += tests/keys/test-keys tests/keys/test-gost
tests_keys_test_keys_SOURCES = tests/keys/test-keys.cc tests/unit/check-main.hh
tests_keys_test_keys_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_keys_test_keys_LDADD = $(UNIT_LDADD)
tests_keys_test_gost_SOURCES = tests/keys/test-gost.cc tests/unit/check-main.hh
tests_keys_test_gost_CPPFLAGS = $(UNIT_CPPFLAGS) $(NETTLE_CFLAGS) $(GMP_CFLAGS)
tests_keys_test_gost_LDADD = $(UNIT_LDADD)
endif
