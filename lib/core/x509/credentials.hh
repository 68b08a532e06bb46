// SPDX-License-Identifier: LGPL-2.1-or-later
// Helpers for certificate credentials that are not facade work: reading
// the files an application names, splitting PEM bundles, the names a
// certificate answers to, and the few fields of a stapled OCSP response
// (RFC 6960) that a server needs before sending it: which certificate it
// is about and when it stops being valid.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::x509 {

// The whole contents of a file.  Err::file_error when it cannot be read.
Err read_file(const char *path, std::vector<std::uint8_t> &out);

// The decoded bodies of every PEM block whose label starts with `label`,
// in order.  A block that is not valid base64 is Err::base64_decoding.
Err pem_blocks(Bytes text, std::string_view label, std::vector<std::vector<std::uint8_t>> &out);

// The names a server certificate answers to: its DNS subjectAltNames, or
// when it has none, its common names.
Err certificate_names(Bytes cert_der, std::vector<std::string> &out);

// One SingleResponse of a BasicOCSPResponse.
struct OcspSingle {
    int hash = 0;  // gnutls_digest_algorithm_t of the CertID
    std::vector<std::uint8_t> issuer_name_hash;
    std::vector<std::uint8_t> serial;  // INTEGER contents
    std::time_t next_update = -1;      // -1 when absent
};

// Decodes an OCSPResponse (DER) down to its single responses.  Errors:
// Err::asn1_tag_error / Err::asn1_der_error for data that is not an
// OCSPResponse, Err::requested_data_not_available for a response without
// a basic response body.
Err ocsp_parse(Bytes der, std::vector<OcspSingle> &out);

// Whether a single response is about the certificate (DER): same serial
// number, and issuerNameHash over the certificate's issuer name.
bool ocsp_is_about(const OcspSingle &r, Bytes cert_der);

}  // namespace tlshim::x509
