// SPDX-License-Identifier: LGPL-2.1-or-later
// Life cycle, version check, logging and the private buffer ABI.
#include <gnutls/gnutls.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "abi/private.h"
#include "core/global.hh"
#include "check-main.hh"

START_TEST(check_version)
{
    ck_assert_str_eq(gnutls_check_version(NULL), "3.7.9");
    ck_assert_str_eq(gnutls_check_version("3.7.9"), "3.7.9");
    ck_assert_str_eq(gnutls_check_version("3.6.0"), "3.7.9");
    ck_assert_str_eq(gnutls_check_version("2.12"), "3.7.9");
    ck_assert_ptr_null(gnutls_check_version("3.7.10"));
    ck_assert_ptr_null(gnutls_check_version("3.8.0"));
    ck_assert_ptr_null(gnutls_check_version("4"));
    ck_assert_str_eq(gnutls_check_version(GNUTLS_VERSION), GNUTLS_VERSION);
}
END_TEST

START_TEST(init_is_reference_counted)
{
    int base = tlshim::global::init_count();
    ck_assert_int_ge(base, 1); /* implicit initialisation at load */
    ck_assert_int_eq(gnutls_global_init(), 0);
    ck_assert_int_eq(gnutls_global_init(), 0);
    ck_assert_int_eq(tlshim::global::init_count(), base + 2);
    gnutls_global_deinit();
    gnutls_global_deinit();
    ck_assert_int_eq(tlshim::global::init_count(), base);
}
END_TEST

static std::string g_logged;
static int g_last_level = -1;
static void capture(int level, const char *msg)
{
    g_last_level = level;
    g_logged += msg;
}

START_TEST(logging_respects_level)
{
    g_logged.clear();
    gnutls_global_set_log_function(capture);
    gnutls_global_set_log_level(0);
    _gnutls_log(2, "hidden %d\n", 1);
    ck_assert(g_logged.empty());
    gnutls_global_set_log_level(2);
    _gnutls_log(2, "shown %d\n", 2);
    ck_assert_str_eq(g_logged.c_str(), "shown 2\n");
    ck_assert_int_eq(g_last_level, 2);
    _gnutls_log(3, "too detailed\n");
    ck_assert_str_eq(g_logged.c_str(), "shown 2\n");
    gnutls_global_set_log_level(0);
    gnutls_global_set_log_function(NULL);
}
END_TEST

static time_t fixed_time(time_t *t)
{
    if (t)
        *t = 1234567890;
    return 1234567890;
}

START_TEST(time_function)
{
    gnutls_global_set_time_function(fixed_time);
    ck_assert_int_eq(tlshim::global::now(), 1234567890);
    gnutls_global_set_time_function(NULL);
    ck_assert_int_gt(tlshim::global::now(), 1600000000);
}
END_TEST

START_TEST(private_buffer_abi)
{
    gnutls_buffer_st buf;
    _gnutls_buffer_init(&buf);
    ck_assert_ptr_null(buf.data);
    for (int i = 0; i < 100; i++)
        ck_assert_int_eq(_gnutls_buffer_append_str(&buf, "abc"), 0);
    ck_assert_uint_eq(buf.length, 300);
    gnutls_datum_t d;
    ck_assert_int_eq(_gnutls_buffer_to_datum(&buf, &d, 1), 0);
    ck_assert_uint_eq(d.size, 300);
    ck_assert_uint_eq(d.data[300], 0);
    ck_assert(std::memcmp(d.data, "abcabc", 6) == 0);
    ck_assert_ptr_null(buf.allocd);
    gnutls_free(d.data);

    _gnutls_buffer_init(&buf);
    ck_assert_int_eq(_gnutls_buffer_append_str(&buf, "a%41%2fz"), 0);
    ck_assert_int_eq(_gnutls_buffer_unescape(&buf), 0);
    ck_assert_uint_eq(buf.length, 4);
    ck_assert(std::memcmp(buf.data, "aA/z", 4) == 0);
    gnutls_datum_t part;
    _gnutls_buffer_pop_datum(&buf, &part, 3);
    ck_assert_uint_eq(part.size, 3);
    ck_assert_uint_eq(buf.length, 1);
    ck_assert_uint_eq(buf.data[0], 'z');
    _gnutls_buffer_clear(&buf);
    ck_assert_ptr_null(buf.allocd);

    _gnutls_buffer_init(&buf);
    const unsigned char bin[] = {0, 1, 2, 0};
    ck_assert_int_eq(gnutls_buffer_append_data(&buf, bin, sizeof bin), 0);
    ck_assert_int_eq(gnutls_buffer_append_data(&buf, NULL, 0), 0);
    ck_assert_int_eq(gnutls_buffer_append_data(&buf, NULL, 1), GNUTLS_E_INVALID_REQUEST);
    ck_assert_uint_eq(buf.length, 4);
    ck_assert(std::memcmp(buf.data, bin, 4) == 0);
    _gnutls_buffer_clear(&buf);

    _gnutls_buffer_init(&buf);
    ck_assert_int_eq(_gnutls_buffer_append_str(&buf, "%4"), 0);
    ck_assert_int_eq(_gnutls_buffer_unescape(&buf), GNUTLS_E_PARSING_ERROR);
    _gnutls_buffer_clear(&buf);
}
END_TEST

START_TEST(deprecated_mem_functions_are_ignored)
{
    gnutls_alloc_function before = gnutls_malloc;
    gnutls_global_set_mem_functions(NULL, NULL, NULL, NULL, NULL);
    ck_assert_ptr_eq((void *)gnutls_malloc, (void *)before);
    void *p = gnutls_malloc(10);
    ck_assert_ptr_nonnull(p);
    p = gnutls_realloc(p, 100);
    ck_assert_ptr_nonnull(p);
    gnutls_free(p);
    char *s = gnutls_strdup("dup");
    ck_assert_str_eq(s, "dup");
    gnutls_free(s);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("global");
    TCase *tc = tcase_create("life cycle");
    tcase_add_test(tc, check_version);
    tcase_add_test(tc, init_is_reference_counted);
    tcase_add_test(tc, logging_respects_level);
    tcase_add_test(tc, time_function);
    tcase_add_test(tc, private_buffer_abi);
    tcase_add_test(tc, deprecated_mem_functions_are_ignored);
    suite_add_tcase(s, tc);
    return s;
}
