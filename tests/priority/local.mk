# SPDX-License-Identifier: LGPL-2.1-or-later
# Tests: priority strings.  A differential test of every list a priority
# string resolves to (and of error codes and positions) on both libraries,
# and Check unit tests of the parser core.
check_PROGRAMS += tests/priority/diff-priority
tests_priority_diff_priority_SOURCES = tests/priority/diff-priority.c
tests_priority_diff_priority_LDADD = $(DIFF_LDADD)
TESTS += tests/priority/diff-priority.sh
EXTRA_DIST += tests/priority/diff-priority.sh

if HAVE_CHECK
check_PROGRAMS += tests/priority/test-priority
TESTS += tests/priority/test-priority
tests_priority_test_priority_SOURCES = tests/priority/test-priority.cc tests/unit/check-main.hh
tests_priority_test_priority_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_priority_test_priority_LDADD = $(UNIT_LDADD)
endif
