// SPDX-License-Identifier: LGPL-2.1-or-later
// ASN.1 on libtasn1.
//
// tlshim's own definitions module (definitions.cc) is parsed once at
// initialisation (a TLSHIM_SUBSYSTEM); Node owns one structure created from
// it and deletes it when destroyed.  All DER decoding of certificates, keys
// and their parts goes through libtasn1; the helpers below read the decoded
// elements by libtasn1 path name ("tbsCertificate.serialNumber",
// "?1" for the first element of a SEQUENCE OF, ...).
#pragma once

#include <libtasn1.h>

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::asn1 {

extern const char *const kDefinitions;

// The parsed definitions (null before initialisation or if parsing failed).
asn1_node definitions() noexcept;

// Error of a libtasn1 result code, as GnuTLS reports it to applications.
Err from_asn1(int rc) noexcept;

class Node {
public:
    Node() noexcept = default;
    Node(const Node &) = delete;
    Node &operator=(const Node &) = delete;
    Node(Node &&o) noexcept : n_(o.n_) { o.n_ = nullptr; }
    Node &operator=(Node &&o) noexcept;
    ~Node() { reset(); }

    // Creates an empty structure of the named type ("Certificate").
    Err create(const char *type) noexcept;
    // create() + DER decoding of exactly `der` (strict DER when `strict`).
    Err decode(const char *type, Bytes der, bool strict = true) noexcept;

    void reset() noexcept;
    asn1_node get() const noexcept { return n_; }
    explicit operator bool() const noexcept { return n_ != nullptr; }

    // Reads the value of an element.  Errors: Err::requested_data_not_available
    // when the element is absent, Err::asn1_der_error etc. otherwise.
    Err read(const std::string &path, std::vector<std::uint8_t> &out) const;
    // The value with its libtasn1 type (ASN1_ETYPE_*); for a BIT STRING,
    // `bits` receives its length in bits.
    Err read_typed(const std::string &path, std::vector<std::uint8_t> &out,
                   unsigned &etype) const;
    // An OBJECT IDENTIFIER in dotted form.
    Err read_oid(const std::string &path, std::string &out) const;
    // INTEGER as big-endian two's complement bytes (as stored).
    Err read_integer(const std::string &path, std::vector<std::uint8_t> &out) const { return read(path, out); }
    // INTEGER that fits in a long, its bytes read as an unsigned number.
    Err read_uint(const std::string &path, unsigned long &out) const;
    // BIT STRING: the bytes and the number of bits.
    Err read_bits(const std::string &path, std::vector<std::uint8_t> &out, std::size_t &bits) const;
    // BOOLEAN (absent with a DEFAULT reads as the default).
    Err read_bool(const std::string &path, bool &out) const;
    // Time CHOICE (utcTime / generalTime) -> seconds since the epoch (UTC).
    Err read_time(const std::string &path, std::time_t &out) const;
    // The DER encoding of a sub-element, taken from the decoded input `der`.
    // An absent element is Err::requested_data_not_available, or with
    // `asn1_errors` the libtasn1 code's own mapping (element not found).
    Err raw_der(Bytes der, const std::string &path, Bytes &out, bool asn1_errors = false) const;
    // Number of elements of a SEQUENCE OF / SET OF.
    Err count(const std::string &path, int &n) const;
    // DER encoding of an element (all of the structure with an empty path).
    Err encode(const std::string &path, std::vector<std::uint8_t> &out) const;

private:
    asn1_node n_ = nullptr;
};

// RFC 5280 4.1.2.5 time strings -> time_t (UTC).  `generalized` selects
// GeneralizedTime (YYYYMMDDHHMMSSZ) vs UTCTime (YYMMDDHHMMSSZ, 50..99 ->
// 19xx).  False when the text is not a valid time of that form.
bool parse_time(std::string_view text, bool generalized, std::time_t &out) noexcept;

}  // namespace tlshim::asn1
