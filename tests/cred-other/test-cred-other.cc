// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of what the key exchanges read from the PSK credentials:
// find_psk() (key file and server callbacks) and client_psk() (stored
// identity and key, client callbacks), and of the stored key formats.
#include "api/cred-other.hh"
#include "api/dh-params.hh"
#include "core/global.hh"

#include <gnutls/gnutls.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "../unit/check-main.hh"

using namespace tlshim;

namespace {

std::string g_dir;

void setup()
{
    ck_assert_int_eq(static_cast<int>(global::init()), 0);
    char tmpl[] = "/tmp/tlshim-psk-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(tmpl));
    g_dir = tmpl;
}

void teardown()
{
    std::string cmd = "rm -rf '" + g_dir + "'";
    ck_assert_int_eq(std::system(cmd.c_str()), 0);
    global::deinit();
}

std::string write_file(const char *name, const char *text)
{
    std::string path = g_dir + "/" + name;
    std::FILE *f = std::fopen(path.c_str(), "w");
    ck_assert_ptr_nonnull(f);
    std::fputs(text, f);
    std::fclose(f);
    return path;
}

bool key_is(const SecretBytes &k, std::initializer_list<std::uint8_t> want)
{
    return k.size() == want.size() && std::equal(k.begin(), k.end(), want.begin());
}

int server_cb(gnutls_session_t, const char *user, gnutls_datum_t *key)
{
    if (std::strcmp(user, "cb") != 0)
        return -1;
    key->data = static_cast<unsigned char *>(gnutls_malloc(2));
    key->data[0] = 0xc0;
    key->data[1] = 0xde;
    key->size = 2;
    return 0;
}

int server_cb2(gnutls_session_t, const gnutls_datum_t *user, gnutls_datum_t *key)
{
    if (user->size != 3 || std::memcmp(user->data, "a\0b", 3) != 0)
        return -1;
    key->data = static_cast<unsigned char *>(gnutls_malloc(1));
    key->data[0] = 0x42;
    key->size = 1;
    return 0;
}

int client_cb(gnutls_session_t, char **user, gnutls_datum_t *key)
{
    *user = static_cast<char *>(gnutls_malloc(4));
    std::memcpy(*user, "cbu", 4);
    key->data = static_cast<unsigned char *>(gnutls_malloc(1));
    key->data[0] = 0x99;
    key->size = 1;
    return 0;
}

}  // namespace

START_TEST(psk_file_lookup)
{
    gnutls_psk_server_credentials_t s;
    ck_assert_int_eq(gnutls_psk_allocate_server_credentials(&s), 0);
    SecretBytes key;
    // No file yet.
    ck_assert(api::find_psk(*s, "alice", key) == Err::file_error);
    std::string path = write_file("psk", "alice:0102AB\r\nbob:zz\n:00\nalice2:ff\nlast:0a0b");
    ck_assert_int_eq(gnutls_psk_set_server_credentials_file(s, path.c_str()), 0);
    ck_assert(api::find_psk(*s, "alice", key) == Err::ok);
    ck_assert(key_is(key, {0x01, 0x02, 0xab}));
    ck_assert(api::find_psk(*s, "alice2", key) == Err::ok && key_is(key, {0xff}));
    ck_assert(api::find_psk(*s, "", key) == Err::ok && key_is(key, {0x00}));
    ck_assert(api::find_psk(*s, "last", key) == Err::ok && key_is(key, {0x0a, 0x0b}));
    ck_assert(api::find_psk(*s, "bob", key) == Err::parsing_error);
    ck_assert(api::find_psk(*s, "alic", key) == Err::requested_data_not_available);
    ck_assert(api::find_psk(*s, "carol", key) == Err::requested_data_not_available);
    ck_assert(key.empty());
    // The file is read at lookup time: changes are seen, removal is an error.
    write_file("psk", "carol:beef\n");
    ck_assert(api::find_psk(*s, "carol", key) == Err::ok && key_is(key, {0xbe, 0xef}));
    ck_assert_int_eq(unlink(path.c_str()), 0);
    ck_assert(api::find_psk(*s, "carol", key) == Err::file_error);
    gnutls_psk_free_server_credentials(s);
}
END_TEST

START_TEST(psk_server_callbacks)
{
    gnutls_psk_server_credentials_t s;
    ck_assert_int_eq(gnutls_psk_allocate_server_credentials(&s), 0);
    SecretBytes key;
    gnutls_psk_set_server_credentials_function(s, server_cb);
    ck_assert(api::find_psk(*s, nullptr, "cb", key) == Err::ok && key_is(key, {0xc0, 0xde}));
    ck_assert(api::find_psk(*s, nullptr, "other", key) == Err::requested_data_not_available);
    ck_assert(api::find_psk(*s, nullptr, std::string_view("a\0b", 3), key) == Err::requested_data_not_available);
    // function2 takes precedence and sees identities with any byte.
    gnutls_psk_set_server_credentials_function2(s, server_cb2);
    ck_assert(api::find_psk(*s, nullptr, std::string_view("a\0b", 3), key) == Err::ok && key_is(key, {0x42}));
    ck_assert(api::find_psk(*s, nullptr, "cb", key) == Err::requested_data_not_available);
    gnutls_psk_free_server_credentials(s);
}
END_TEST

START_TEST(psk_client_credentials)
{
    gnutls_psk_client_credentials_t c;
    ck_assert_int_eq(gnutls_psk_allocate_client_credentials(&c), 0);
    std::string user;
    SecretBytes key;
    ck_assert(api::client_psk(*c, nullptr, user, key) == Err::insufficient_credentials);
    gnutls_datum_t hexkey = {(unsigned char *)"DEADbeef", 8};
    ck_assert_int_eq(gnutls_psk_set_client_credentials(c, "me", &hexkey, GNUTLS_PSK_KEY_HEX), 0);
    ck_assert(api::client_psk(*c, nullptr, user, key) == Err::ok);
    ck_assert(user == "me" && key_is(key, {0xde, 0xad, 0xbe, 0xef}));
    // A failed setter keeps the previous credentials.
    gnutls_datum_t bad = {(unsigned char *)"zz", 2};
    ck_assert_int_eq(gnutls_psk_set_client_credentials(c, "other", &bad, GNUTLS_PSK_KEY_HEX), GNUTLS_E_PARSING_ERROR);
    ck_assert(api::client_psk(*c, nullptr, user, key) == Err::ok && user == "me");
    gnutls_datum_t raw = {(unsigned char *)"DEADbeef", 8};
    gnutls_datum_t name = {(unsigned char *)"x\0y", 3};
    ck_assert_int_eq(gnutls_psk_set_client_credentials2(c, &name, &raw, GNUTLS_PSK_KEY_RAW), 0);
    ck_assert(api::client_psk(*c, nullptr, user, key) == Err::ok);
    ck_assert(user == std::string("x\0y", 3) && key.size() == 8 && std::memcmp(key.data(), "DEADbeef", 8) == 0);
    gnutls_psk_set_client_credentials_function(c, client_cb);
    ck_assert(api::client_psk(*c, nullptr, user, key) == Err::ok);
    ck_assert(user == "cbu" && key_is(key, {0x99}));
    gnutls_psk_free_client_credentials(c);
}
END_TEST

START_TEST(dh_params_group)
{
    gnutls_dh_params_t p;
    ck_assert_int_eq(gnutls_dh_params_init(&p), 0);
    ck_assert_ptr_null(api::dh_group(p));
    // Tiny numbers are stored (for export) but are no usable group.
    unsigned char small[] = {0x17}, gen[] = {0x05};
    gnutls_datum_t sp = {small, 1}, sg = {gen, 1};
    ck_assert_int_eq(gnutls_dh_params_import_raw(p, &sp, &sg), 0);
    ck_assert_ptr_null(api::dh_group(p));
    ck_assert_int_eq(gnutls_dh_params_import_raw3(p, &gnutls_ffdhe_2048_group_prime, &gnutls_ffdhe_2048_group_q,
                                                  &gnutls_ffdhe_2048_group_generator),
                     0);
    const pk::DhParams *g = api::dh_group(p);
    ck_assert_ptr_nonnull(g);
    ck_assert(g->has_q());
    ck_assert_uint_eq(g->size(), 256);
    ck_assert_uint_eq(g->key_bits(), 2047);
    ck_assert_int_eq(gnutls_dh_params_generate2(p, 3000), 0);
    g = api::dh_group(p);
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->size(), 384);
    ck_assert_uint_eq(g->key_bits(), 276);
    ck_assert_int_eq(gnutls_dh_params_generate2(p, 20000), 0);
    ck_assert_uint_eq(api::dh_group(p)->size(), 1024);
    gnutls_dh_params_deinit(p);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("cred-other");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, psk_file_lookup);
    tcase_add_test(tc, psk_server_callbacks);
    tcase_add_test(tc, psk_client_credentials);
    tcase_add_test(tc, dh_params_group);
    suite_add_tcase(s, tc);
    return s;
}
