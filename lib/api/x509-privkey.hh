// SPDX-License-Identifier: LGPL-2.1-or-later
// The object behind gnutls_x509_privkey_t, shared by the facade files that
// take X.509 private keys (the abstract-key layer imports from it).
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "core/x509/key.hh"

struct gnutls_x509_privkey_int {
    tlshim::x509::PrivateKey key;
    unsigned flags = 0;  // gnutls_privkey_flags_t given with gnutls_x509_privkey_set_flags
    gnutls_pin_callback_t pin_fn = nullptr;
    void *pin_data = nullptr;
};
