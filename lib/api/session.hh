// SPDX-License-Identifier: LGPL-2.1-or-later
// The facade's session object: the core session plus what only the C API
// needs (the user pointer, the credentials by type).
#pragma once

#include <gnutls/gnutls.h>

#include <array>

#include "core/tls/session.hh"

struct gnutls_session_int : tlshim::tls::Session {
    explicit gnutls_session_int(unsigned flags) : tlshim::tls::Session(flags) {}

    void *user_ptr = nullptr;
    // gnutls_credentials_set: one pointer per gnutls_credentials_type_t
    // (GNUTLS_CRD_CERTIFICATE = 1 ... GNUTLS_CRD_IA = 5).
    std::array<void *, 6> credentials{};
};
