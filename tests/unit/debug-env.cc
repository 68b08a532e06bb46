// SPDX-License-Identifier: LGPL-2.1-or-later
// Helper for check-debug-env.sh: triggers a level-2 log message (a stub
// call) without installing a log function.
#include <gnutls/gnutls.h>

int main()
{
    if (gnutls_global_init() != 0)
        return 1;
    gnutls_session_t s = nullptr;
    int ret = gnutls_init(&s, GNUTLS_CLIENT);
    gnutls_global_deinit();
    return ret == GNUTLS_E_UNIMPLEMENTED_FEATURE || ret == 0 ? 0 : 1;
}
