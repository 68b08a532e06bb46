// SPDX-License-Identifier: LGPL-2.1-or-later
// Name constraints (RFC 5280 4.2.1.10): the permitted and excluded subtrees
// a CA places on the names of the certificates below it, and the checks of
// names and certificates against them.
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/x509/certificate.hh"

namespace tlshim::x509 {

struct NameConstraint {
    gnutls_x509_subject_alt_name_t type;
    // DNS name / e-mail constraint / URI as text; IP address followed by its
    // mask (8 or 32 bytes); directoryName as the DER of the Name.
    std::vector<std::uint8_t> data;
};

class NameConstraints {
public:
    std::vector<NameConstraint> permitted;
    std::vector<NameConstraint> excluded;

    bool empty() const noexcept { return permitted.empty() && excluded.empty(); }
    void clear() noexcept
    {
        permitted.clear();
        excluded.clear();
    }

    // Appends the subtrees of a NameConstraints extension value (DER).
    Err import_der(Bytes der);
    // Appends the constraints of the certificate's extension;
    // Err::requested_data_not_available when it has none.
    Err import_certificate(const Certificate &cert, bool &critical);

    // Is a name of this type acceptable?  Types without constraints always are.
    bool check(gnutls_x509_subject_alt_name_t type, Bytes name) const;
    // Are all of the certificate's names (subject alternative names, the
    // subject's CN and emailAddress when no name of that kind is in the
    // alternative names, and its subject DN) acceptable?
    bool check_certificate(const Certificate &cert) const;
    // The same restricted to names of one type (GNUTLS_SAN_DN: the subject).
    bool check_certificate(const Certificate &cert, gnutls_x509_subject_alt_name_t type) const;
};

// Does one constraint (type already equal) cover the name?
bool name_constraint_matches(const NameConstraint &c, Bytes name);

}  // namespace tlshim::x509
