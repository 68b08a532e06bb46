# SPDX-License-Identifier: LGPL-2.1-or-later
# Tests: abstract
# A differential test of gnutls_pubkey_*, gnutls_privkey_*, gnutls_pcert_*
# over keys generated at test time (gen-keys.sh), and an OpenSSL interop
# test: signatures made through gnutls_privkey_sign_data2 verify with
# openssl, and openssl's verify with gnutls_pubkey_verify_data2.
check_PROGRAMS += tests/abstract/diff-abstract tests/abstract/interop-abstract
tests_abstract_diff_abstract_SOURCES = tests/abstract/diff-abstract.c
tests_abstract_diff_abstract_LDADD = $(DIFF_LDADD)
tests_abstract_interop_abstract_SOURCES = tests/abstract/interop-abstract.c
tests_abstract_interop_abstract_LDADD = $(DIFF_LDADD)
TESTS += tests/abstract/diff-abstract.sh tests/abstract/interop-abstract.sh
EXTRA_DIST += tests/abstract/diff-abstract.sh tests/abstract/interop-abstract.sh tests/abstract/gen-keys.sh
