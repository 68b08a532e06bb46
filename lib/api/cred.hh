// SPDX-License-Identifier: LGPL-2.1-or-later
// The object behind gnutls_certificate_credentials_t.
//
// A credential holds what one side of a TLS connection presents and what it
// trusts:
//   * a list of certified keys (CertKey): a chain of gnutls_pcert_st (X.509
//     certificates, or a single raw public key) with its DER, the private
//     key, the names the chain answers to (for SNI), the key's algorithm,
//     and the stapled OCSP responses, one slot per chain position;
//   * a trust list (CAs and CRLs) used to verify the peer;
//   * verification flags and limits;
//   * the application's callbacks (certificate retrieval, peer
//     verification, OCSP responses, PIN entry, DH parameters).
// The facade fills it (lib/api/cred.cc); the TLS engine reads it.  Every
// object referenced here is owned by the credential and released by
// gnutls_certificate_free_credentials(), except dh_params and the
// callbacks' user pointers.
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include <ctime>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tlshim::api {

// One stapled OCSP response (DER) and the nextUpdate time it announces
// (-1 when it has none).
struct OcspResponse {
    std::vector<std::uint8_t> der;
    std::time_t expires = -1;
    bool present() const noexcept { return !der.empty(); }
};

// A certificate chain (or raw public key) with its private key.
struct CertKey {
    CertKey() = default;
    CertKey(const CertKey &) = delete;
    CertKey &operator=(const CertKey &) = delete;
    ~CertKey();

    // chain[0] is the end-entity certificate; chain[i].cert is its DER (for a
    // raw public key: the SubjectPublicKeyInfo).  Each entry is released with
    // gnutls_pcert_deinit().
    std::vector<gnutls_pcert_st> chain;
    gnutls_privkey_t key = nullptr;
    // Names for server name selection: those given by the application, or
    // else the DNS names and common name of chain[0].
    std::vector<std::string> names;
    gnutls_pk_algorithm_t pk = GNUTLS_PK_UNKNOWN;
    gnutls_certificate_type_t type = GNUTLS_CRT_X509;
    // ocsp[i] staples the status of chain[i] (same size as chain).
    std::vector<OcspResponse> ocsp;
    gnutls_status_request_ocsp_func ocsp_func = nullptr;
    void *ocsp_func_ptr = nullptr;
};

}  // namespace tlshim::api

struct gnutls_certificate_credentials_st {
    gnutls_certificate_credentials_st() = default;
    gnutls_certificate_credentials_st(const gnutls_certificate_credentials_st &) = delete;
    gnutls_certificate_credentials_st &operator=(const gnutls_certificate_credentials_st &) = delete;
    ~gnutls_certificate_credentials_st();

    // Our certified keys, in the order they were added (the index returned
    // by the setters under GNUTLS_CERTIFICATE_API_V2).
    std::vector<std::unique_ptr<tlshim::api::CertKey>> keys;

    // CAs and CRLs (owned; never null after allocation).
    gnutls_x509_trust_list_t tlist = nullptr;

    unsigned flags = 0;           // gnutls_certificate_flags
    // gnutls_certificate_free_ca_names: the CAs of tlist->cas before this
    // index are not named to clients (they are still trusted).
    std::size_t ca_names_from = 0;
    unsigned verify_flags = 0;    // gnutls_certificate_verify_flags
    // Limits applied to peer chains (gnutls_certificate_set_verify_limits).
    unsigned verify_max_bits = 16384;
    unsigned verify_max_depth = 16;

    // DH parameters: a pointer owned by the application, or a security
    // level selecting one of the RFC 7919 groups (GNUTLS_SEC_PARAM_UNKNOWN
    // when none was chosen).
    gnutls_dh_params_t dh_params = nullptr;
    gnutls_sec_param_t dh_sec_param = GNUTLS_SEC_PARAM_UNKNOWN;
    gnutls_params_function *params_func = nullptr;

    // Callbacks.
    gnutls_certificate_retrieve_function *retrieve_func = nullptr;
    gnutls_certificate_retrieve_function2 *retrieve_func2 = nullptr;
    gnutls_certificate_retrieve_function3 *retrieve_func3 = nullptr;
    gnutls_certificate_verify_function *verify_func = nullptr;
    gnutls_pin_callback_t pin_func = nullptr;
    void *pin_data = nullptr;
    // Applies to every key (gnutls_certificate_set_ocsp_status_request_function).
    gnutls_status_request_ocsp_func ocsp_func = nullptr;
    void *ocsp_func_ptr = nullptr;
};
