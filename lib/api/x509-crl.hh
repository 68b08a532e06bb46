// SPDX-License-Identifier: LGPL-2.1-or-later
// The object behind gnutls_x509_crl_t, shared by the facade files that
// take revocation lists.
#pragma once

#include "core/x509/crl.hh"

struct gnutls_x509_crl_int {
    tlshim::x509::Crl crl;
};
