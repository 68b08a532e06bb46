// SPDX-License-Identifier: LGPL-2.1-or-later
// Distinguished names (RFC 5280 Name) as the text GnuTLS prints (RFC 4514
// style): RDNs separated by ',', the attributes of a
// multi-valued RDN joined by '+', attribute types by their short name
// (CN, O, ...) or in dotted form, string values with the RFC 4514 special
// characters escaped, other values as '#' and the hex of their DER.
#pragma once

#include <string>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::x509 {

// The short name GnuTLS uses for a DN attribute OID, or null.
const char *dn_oid_name(std::string_view oid) noexcept;
// Whether the attribute's value is a string GnuTLS prints as text.
bool dn_oid_known(std::string_view oid) noexcept;

// Formats the DER of a Name (a SEQUENCE OF RDN): RDNs in encoding order,
// or last first (RFC 4514 order) with `reverse`.  Errors from decoding.
Err dn_to_string(Bytes name_der, std::string &out, bool reverse = false);

// Formats one AttributeTypeAndValue value (its DER, tag included).
Err dn_value_to_string(std::string_view oid, Bytes value_der, std::string &out);

}  // namespace tlshim::x509
