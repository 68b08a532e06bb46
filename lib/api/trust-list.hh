// SPDX-License-Identifier: LGPL-2.1-or-later
// The object behind gnutls_x509_trust_list_t: the trusted certificates
// (plain and named), the revocation lists, and who owns which object.
// Shared by the facade files that verify against trust lists (credentials).
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <string>
#include <vector>

#include "api/x509-crl.hh"
#include "api/x509-crt.hh"

struct gnutls_x509_trust_list_st {
    struct Ca {
        gnutls_x509_crt_t crt;
        bool internal;  // created by the list (freed by it in every case)
    };
    struct Named {
        gnutls_x509_crt_t crt;
        std::string name;
    };
    struct CrlEntry {
        gnutls_x509_crl_t crl;
        bool internal;
    };
    std::vector<Ca> cas;            // trusted, in the order added
    std::vector<Named> named;       // trusted only for their name
    std::vector<CrlEntry> crls;     // used for revocation checks
    // Objects handed over by the application that are no longer in the
    // lists above (duplicates, rejected CRLs, removed CAs): released with
    // the list when gnutls_x509_trust_list_deinit() is told to free all.
    std::vector<gnutls_x509_crt_t> spare_crts;
    std::vector<gnutls_x509_crl_t> spare_crls;
    // Internally created objects in the same situation: always released.
    std::vector<gnutls_x509_crt_t> spare_internal_crts;
    std::vector<gnutls_x509_crl_t> spare_internal_crls;
    // Copies removed CAs are remembered by (never trusted again).
    std::vector<std::vector<unsigned char>> distrusted;
    gnutls_x509_trust_list_getissuer_function *getissuer = nullptr;
    void *user_ptr = nullptr;
};

namespace tlshim::api {
// Status bits of a certificate list verified against the trust list
// (what gnutls_x509_trust_list_verify_crt2 computes); the facade of the
// credentials may reuse it.
int trust_list_verify(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *certs, unsigned n,
                      const gnutls_typed_vdata_st *data, unsigned elements, unsigned flags,
                      unsigned *status);
}  // namespace tlshim::api
