// SPDX-License-Identifier: LGPL-2.1-or-later
// Certificate revocation lists (RFC 5280 section 5): decoding and accessors.
//
// This header is the contract between the CRL module and its users (the
// gnutls_x509_crl_* facade, trust lists and chain verification). Extend it;
// do not change what is declared here without updating every caller.
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <ctime>
#include <string>
#include <vector>

#include "core/asn1/asn1.hh"
#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::x509 {

struct RevokedEntry {
    std::vector<std::uint8_t> serial;  // INTEGER contents as encoded
    std::time_t when = -1;
};

class Crl {
public:
    Err import_der(Bytes der);
    Err import_pem(Bytes text);
    bool empty() const noexcept { return !node_; }

    Bytes der() const noexcept { return der_; }
    Err export_pem(std::vector<std::uint8_t> &out) const;

    int version() const;  // 1 or 2
    Err issuer_raw(Bytes &out) const;
    Err issuer_dn(std::string &out) const;
    std::time_t this_update() const;
    std::time_t next_update() const;  // -1 when absent
    int signature_algorithm() const;

    // For verification: views into der().
    Err tbs_raw(Bytes &out) const;
    Err signature_algorithm_raw(Bytes &out) const;
    Err signature_value(std::vector<std::uint8_t> &out) const;

    // Revoked certificates in list order.
    const std::vector<RevokedEntry> &revoked() const noexcept { return revoked_; }
    // Is this serial (INTEGER contents as in the certificate) on the list?
    bool is_revoked(Bytes serial) const noexcept;

    Err authority_key_id(std::vector<std::uint8_t> &out, bool &critical) const;
    Err number(std::vector<std::uint8_t> &out, bool &critical) const;

private:
    std::vector<std::uint8_t> der_;
    asn1::Node node_;
    std::vector<RevokedEntry> revoked_;
};

Err pem_crls(Bytes text, std::vector<std::vector<std::uint8_t>> &out);

}  // namespace tlshim::x509
