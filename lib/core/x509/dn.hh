// SPDX-License-Identifier: LGPL-2.1-or-later
// Distinguished names (RFC 5280 Name) as the text GnuTLS prints (RFC 4514
// style): RDNs separated by ',', the attributes of a
// multi-valued RDN joined by '+', attribute types by their short name
// (CN, O, ...) or in dotted form, string values with the RFC 4514 special
// characters escaped, other values as '#' and the hex of their DER.
#pragma once

#include <string>
#include <vector>

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

// One attribute of a name, as views into the name's DER.
struct Ava {
    std::string oid;
    Bytes value_der;  // the value's TLV
    Bytes value;      // its contents
    unsigned long tag = 0;
};

// A decoded name, as gnutls_x509_dn_t exposes it: the DER and its
// attributes per RDN (views into `der`).
struct DnObject {
    std::vector<std::uint8_t> der;
    std::vector<std::vector<Ava>> rdns;

    // Takes a copy of `name_der` and decodes it; an empty input gives an
    // empty object.
    Err assign(Bytes name_der);
    bool empty() const noexcept { return der.empty(); }
    // The attributes in encoded order, flattened.
    std::vector<const Ava *> all() const;
    // The indx-th attribute with that OID, or null.
    const Ava *find(std::string_view oid, unsigned indx) const;
};

// The text of one attribute value as the DN string shows it (escaped).
Err ava_text(const Ava &ava, std::string &out);

}  // namespace tlshim::x509
