// SPDX-License-Identifier: LGPL-2.1-or-later
// Matching a certificate's identity against what the application expected
// (RFC 6125): DNS host names with the wildcard rules GnuTLS applies, IP
// addresses, and e-mail addresses.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/bytes.hh"
#include "core/x509/certificate.hh"

namespace tlshim::x509 {

// Does a presented DNS identity (a dNSName or CN, case-insensitive ASCII)
// cover the host?  A wildcard is honoured only when `wildcards` is set,
// when '*' opens the left-most label, and when at least two labels follow
// it ("*.example.com", not "*.com" or "w*.example.com").
bool dns_name_matches(std::string_view presented, std::string_view host, bool wildcards) noexcept;

// The host name text parsed as an IPv4 or IPv6 address (4 or 16 bytes), or false.
bool parse_ip_address(std::string_view text, std::vector<std::uint8_t> &out);

// The values of one attribute type of a Name (DER), as text, in encoded order.
Err dn_attribute_values(Bytes name_der, std::string_view oid, std::vector<std::string> &out);

// gnutls_x509_crt_check_hostname2 (flags: GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS,
// GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES).
bool certificate_matches_host(const Certificate &cert, std::string_view host, unsigned flags);
// gnutls_x509_crt_check_ip: raw 4- or 16-byte address against the IP SANs.
bool certificate_matches_ip(const Certificate &cert, Bytes ip);
// gnutls_x509_crt_check_email: rfc822Name SANs, or the subject's emailAddress
// when the certificate has none; case-insensitive.
bool certificate_matches_email(const Certificate &cert, std::string_view email);

}  // namespace tlshim::x509
