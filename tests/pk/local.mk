# SPDX-License-Identifier: LGPL-2.1-or-later
# Public-key core: known answers, round trips, tamper and peer-value checks,
# and an interoperability test against the openssl command.
if HAVE_CHECK
check_PROGRAMS += tests/pk/test-pk tests/pk/pk-driver
TESTS += tests/pk/test-pk tests/pk/interop-openssl.sh
tests_pk_test_pk_SOURCES = tests/pk/test-pk.cc tests/unit/check-main.hh
tests_pk_test_pk_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_pk_test_pk_LDADD = $(UNIT_LDADD)
tests_pk_pk_driver_SOURCES = tests/pk/pk-driver.cc
tests_pk_pk_driver_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_pk_pk_driver_LDADD = $(UNIT_LDADD)
endif
EXTRA_DIST += tests/pk/interop-openssl.sh tests/pk/openssl-key.py
