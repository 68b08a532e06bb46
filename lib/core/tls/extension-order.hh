// SPDX-License-Identifier: LGPL-2.1-or-later
// The order in which GnuTLS 3.7 lists the extensions it sends.
//
// Peers cannot tell extension order from semantics, but scanners and
// fingerprinting middleboxes do: a drop-in replacement sends its ServerHello,
// EncryptedExtensions and CertificateRequest extensions in the order the real
// library uses (observed on the wire; it is the order of its ClientHello).
// The message writers add extensions wherever their logic finds convenient
// and then put the finished block in that order.
#pragma once

#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::tls {

// Hello messages and EncryptedExtensions follow one order; a TLS 1.3
// CertificateRequest starts with signature_algorithms and
// certificate_authorities and goes on in that order.
enum class ExtOrder : std::uint8_t { hello, certificate_request };

// The position of an extension type in GnuTLS's sending order; types it
// never sends come after all others, by number.
unsigned extension_rank(std::uint16_t type, ExtOrder kind = ExtOrder::hello) noexcept;

// Reorders, in place and stably, the extensions of `list` (the contents of
// an extensions vector, without its length prefix) by extension_rank.
// Err::unexpected_packet_length when `list` is not a well-formed sequence of
// extensions (then it is left as it was).
Err order_extensions(MutableBytes list, ExtOrder kind = ExtOrder::hello);
// The same for a whole extensions block (its u16 length first), as the
// message writers build it.
Err order_extension_block(std::vector<std::uint8_t> &block, ExtOrder kind = ExtOrder::hello);

}  // namespace tlshim::tls
