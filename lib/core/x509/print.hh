// SPDX-License-Identifier: LGPL-2.1-or-later
// Human-readable descriptions of certificates and their extensions, in the
// layouts gnutls_x509_crt_print() and gnutls_x509_ext_print() produce
// (FULL, UNSIGNED_FULL, FULL_NUMBERS, COMPACT and ONELINE).
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <string>

#include "core/error.hh"
#include "core/x509/certificate.hh"

namespace tlshim::x509 {

// Describes `cert` in one of the gnutls_certificate_print_formats_t layouts
// (an unknown value is handled as FULL).
Err print_certificate(const Certificate &cert, int format, std::string &out);

// Describes one extension as the "Extensions:" section does, with the
// given indentation depth of its header line (2 in a certificate).
void print_extension(const Extension &ext, unsigned indent, bool numbers, std::string &out);

// The SHA-1 or SHA-256 key identifier of a certificate's public key (of
// the DER SubjectPublicKeyInfo, after checking that the key decodes).
Err certificate_key_id(const Certificate &cert, gnutls_digest_algorithm_t hash,
                       std::vector<std::uint8_t> &out);

}  // namespace tlshim::x509
