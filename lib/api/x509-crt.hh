// SPDX-License-Identifier: LGPL-2.1-or-later
// The object behind gnutls_x509_crt_t, shared by the facade files that
// take certificates.
#pragma once

#include "core/x509/certificate.hh"

struct gnutls_x509_crt_int {
    tlshim::x509::Certificate cert;
};
