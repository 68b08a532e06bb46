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
#include "core/x509/certificate.hh"

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
    Err export_pem(std::vector<std::uint8_t> &out) const;  // of reencode()

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

    // Added by the CRL module.
    // The issuer as text, last RDN first with `reverse` (RFC 4514 order).
    Err issuer_dn(std::string &out, bool reverse) const;
    // The outer signatureAlgorithm OID, dotted.
    Err signature_oid(std::string &out) const;
    // crlExtensions in encoded order; extension() finds the first by OID.
    const std::vector<Extension> &extensions() const noexcept { return exts_; }
    const Extension *extension(std::string_view oid) const noexcept;
    // The seq-th name of the authority key identifier's authorityCertIssuer
    // (type: a gnutls_x509_subject_alt_name_t; a directory name as RFC 4514
    // text) and its authorityCertSerialNumber.
    Err authority_key_gn_serial(unsigned seq, unsigned &type, std::vector<std::uint8_t> &name,
                                std::vector<std::uint8_t> &serial, bool &critical) const;
    void clear() noexcept;
    // The DER encoding of the decoded structure: what GnuTLS exports (the
    // same bytes as der() unless the input was leniently decoded).
    Err reencode(std::vector<std::uint8_t> &out) const;
    // The indx-th attribute of the issuer with that OID (in encoded order):
    // its value as text (escaped as in a DN string) or, with `raw`, the DER
    // of the value.
    Err issuer_attribute(std::string_view oid, unsigned indx, bool raw,
                         std::vector<std::uint8_t> &out) const;
    // The OID of the indx-th distinct attribute type of the issuer.
    Err issuer_oid(unsigned indx, std::string &out) const;
    // gnutls_x509_crl_print's text for a gnutls_certificate_print_formats_t.
    Err print(int format, std::string &out) const;
    // Whether `issuer`'s subject is this list's issuer.
    bool issued_by(const Certificate &issuer) const;
    // gnutls_x509_crl_verify's status bits (gnutls_certificate_status_t) for
    // this list checked against candidate issuers, at time `now`.
    unsigned verify_status(const std::vector<const Certificate *> &cas, unsigned flags,
                           std::time_t now) const;

private:
    std::vector<std::uint8_t> der_;
    asn1::Node node_;
    std::vector<RevokedEntry> revoked_;
    std::vector<Extension> exts_;

    Err load_revoked();
};

// GnuTLS's signature algorithm id for an AlgorithmIdentifier (OID and the
// DER of its parameters, empty when absent); GNUTLS_SIGN_UNKNOWN if unknown.
int signature_algorithm_of(std::string_view oid, Bytes params);

Err pem_crls(Bytes text, std::vector<std::vector<std::uint8_t>> &out);

}  // namespace tlshim::x509
