// SPDX-License-Identifier: LGPL-2.1-or-later
// Shared main() for the Check unit tests: a test file defines
// `Suite *make_suite(void)` and includes this header once.
#pragma once

#include <check.h>
#include <cstdlib>

Suite *make_suite(void);

int main(void)
{
    SRunner *sr = srunner_create(make_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
