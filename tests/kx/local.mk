# SPDX-License-Identifier: LGPL-2.1-or-later
# Key shares (RFC 7748 / RFC 8448 known answers, round trips on every group,
# hostile peer values) and signature-scheme selection.
if HAVE_CHECK
check_PROGRAMS += tests/kx/test-key-share tests/kx/test-sig-scheme
TESTS += tests/kx/test-key-share tests/kx/test-sig-scheme
tests_kx_test_key_share_SOURCES = tests/kx/test-key-share.cc tests/unit/check-main.hh
tests_kx_test_key_share_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_kx_test_key_share_LDADD = $(UNIT_LDADD)
tests_kx_test_sig_scheme_SOURCES = tests/kx/test-sig-scheme.cc tests/unit/check-main.hh
tests_kx_test_sig_scheme_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_kx_test_sig_scheme_LDADD = $(UNIT_LDADD)
endif

# TLS 1.2 key exchanges: round trips on every kx and group, known answers,
# RSA premaster decryption without an oracle, malformed peer messages.
if HAVE_CHECK
check_PROGRAMS += tests/kx/test-kx12
TESTS += tests/kx/test-kx12
tests_kx_test_kx12_SOURCES = tests/kx/test-kx12.cc tests/unit/check-main.hh
tests_kx_test_kx12_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_kx_test_kx12_LDADD = $(UNIT_LDADD)
endif
