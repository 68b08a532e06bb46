# SPDX-License-Identifier: LGPL-2.1-or-later
# The algorithm registry: unit tests of the core tables, and a differential
# test of every name, id, list, property and error code on both libraries.
check_PROGRAMS += tests/algo/diff-algorithms
tests_algo_diff_algorithms_SOURCES = tests/algo/diff-algorithms.c
tests_algo_diff_algorithms_LDADD = $(DIFF_LDADD)
TESTS += tests/algo/diff-algorithms.sh
EXTRA_DIST += tests/algo/diff-algorithms.sh

if HAVE_CHECK
check_PROGRAMS += tests/algo/test-algo
TESTS += tests/algo/test-algo
tests_algo_test_algo_SOURCES = tests/algo/test-algo.cc tests/unit/check-main.hh
tests_algo_test_algo_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_algo_test_algo_LDADD = $(UNIT_LDADD)
endif
