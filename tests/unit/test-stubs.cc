// SPDX-License-Identifier: LGPL-2.1-or-later
// Every generated stub (lib/abi/stubs.inc) answers "not implemented" for its
// return type and logs its own name at debug level.
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/compat.h>
#include <gnutls/crypto.h>
#include <gnutls/dtls.h>
#include <gnutls/ocsp.h>
#include <gnutls/openpgp.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <gnutls/self-test.h>
#include <gnutls/socket.h>
#include <gnutls/system-keys.h>
#include <gnutls/tpm.h>
#include <gnutls/urls.h>
#include <gnutls/x509-ext.h>
#include <gnutls/x509.h>

#include <string>
#include <type_traits>

#include "abi/private.h"
#include "abi/signature.hh"
#include "check-main.hh"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#pragma GCC diagnostic ignored "-Wcast-function-type"

namespace {
std::string g_log;
void capture(int, const char *msg) { g_log += msg; }

int g_checked = 0;

template <typename R>
void check_stub(void (*raw)(), const char *name)
{
    g_log.clear();
    auto fn = reinterpret_cast<R (*)()>(raw);
    if constexpr (std::is_void_v<R>) {
        fn();
    } else if constexpr (std::is_same_v<R, int>) {
        ck_assert_msg(fn() == GNUTLS_E_UNIMPLEMENTED_FEATURE, "%s: not GNUTLS_E_UNIMPLEMENTED_FEATURE", name);
    } else {
        ck_assert_msg(fn() == R{}, "%s: stub did not return NULL/0", name);
    }
    std::string want = std::string("tlshim: ") + name + " is not implemented\n";
    ck_assert_msg(g_log == want, "%s: logged '%s'", name, g_log.c_str());
    g_checked++;
}
}  // namespace

#define TLSHIM_STUB(fn) check_stub<tlshim::abi::Signature<decltype(fn)>::result>(reinterpret_cast<void (*)()>(&fn), #fn);

START_TEST(every_stub_answers_unimplemented)
{
    gnutls_global_set_log_function(capture);
    gnutls_global_set_log_level(2);
#include "abi/stubs.inc"
    gnutls_global_set_log_level(0);
    gnutls_global_set_log_function(NULL);
    ck_assert_int_gt(g_checked, 0);
}
END_TEST

START_TEST(stubs_are_silent_below_debug_level)
{
    gnutls_global_set_log_function(capture);
    gnutls_global_set_log_level(1);
    g_log.clear();
    ck_assert_int_eq(_gnutls_pkcs7_unpad(nullptr), GNUTLS_E_UNIMPLEMENTED_FEATURE);
    ck_assert(g_log.empty());
    gnutls_global_set_log_level(0);
    gnutls_global_set_log_function(NULL);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("stubs");
    TCase *tc = tcase_create("generated");
    tcase_add_test(tc, every_stub_answers_unimplemented);
    tcase_add_test(tc, stubs_are_silent_below_debug_level);
    suite_add_tcase(s, tc);
    return s;
}
