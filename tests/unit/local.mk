# SPDX-License-Identifier: LGPL-2.1-or-later
# Check-based unit tests of the core and the facade; each links the
# convenience library directly, so internal C++ interfaces are testable.
if HAVE_CHECK
UNIT_CPPFLAGS = $(AM_CPPFLAGS) $(CHECK_CFLAGS) $(NETTLE_CFLAGS) $(GMP_CFLAGS)
UNIT_LDADD = lib/libtlshim.la $(CHECK_LIBS) $(GMP_LIBS)

check_PROGRAMS += tests/unit/test-bytes tests/unit/test-global tests/unit/test-abi-data tests/unit/test-stubs
TESTS += tests/unit/test-bytes tests/unit/test-global tests/unit/test-abi-data tests/unit/test-stubs

tests_unit_test_bytes_SOURCES = tests/unit/test-bytes.cc tests/unit/check-main.hh
tests_unit_test_bytes_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_bytes_LDADD = $(UNIT_LDADD)

tests_unit_test_global_SOURCES = tests/unit/test-global.cc tests/unit/check-main.hh
tests_unit_test_global_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_global_LDADD = $(UNIT_LDADD)

tests_unit_test_abi_data_SOURCES = tests/unit/test-abi-data.cc tests/unit/check-main.hh
tests_unit_test_abi_data_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_abi_data_LDADD = $(UNIT_LDADD)
check_PROGRAMS += tests/unit/debug-env
TESTS += tests/unit/check-debug-env.sh
EXTRA_DIST += tests/unit/check-debug-env.sh
tests_unit_debug_env_SOURCES = tests/unit/debug-env.cc
tests_unit_debug_env_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_debug_env_LDADD = $(UNIT_LDADD)

tests_unit_test_stubs_SOURCES = tests/unit/test-stubs.cc tests/unit/check-main.hh
tests_unit_test_stubs_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_stubs_LDADD = $(UNIT_LDADD)
endif
