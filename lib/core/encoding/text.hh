// SPDX-License-Identifier: LGPL-2.1-or-later
// Text conversions used by the certificate and PKCS#12 code: UTF-16 <-> UTF-8
// (BMPString / PKCS#12 passwords) and IP addresses and networks as text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::encoding {

// UTF-16 (big- or little-endian code units) to UTF-8.  A trailing odd byte
// is ignored; surrogates must pair up (Err::invalid_utf8_string otherwise).
// No byte order mark is interpreted or produced, and U+0000 is kept.
// The result is appended to `out` (std::bad_alloc may propagate).
Err utf16_to_utf8(Bytes in, bool big_endian, std::vector<std::uint8_t> &out);

// Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
// above U+10FFFF) to UTF-16 code units in the given byte order; characters
// outside the BMP become surrogate pairs.  Err::invalid_utf8_string on
// malformed input.  Appends to `out`.
Err utf8_to_utf16(Bytes in, bool big_endian, std::vector<std::uint8_t> &out);

// Longest text ip_to_string() may produce, and the room it requires: an IPv4
// address needs 16 bytes, an IPv6 address 48.
std::size_t ip_text_room(std::size_t address_size) noexcept;

// Writes a 4- or 16-byte address in its usual text form (dotted quad, or
// RFC 5952 IPv6), NUL terminated.  False when the size is neither or `out`
// is smaller than ip_text_room().
bool ip_to_string(Bytes address, std::span<char> out) noexcept;

// Prefix length of a netmask: the number of leading one bits, or -1 when a
// one bit follows a zero bit.
int netmask_prefix(Bytes mask) noexcept;

// "<address>/<prefix>" for an 8- or 32-byte address+netmask pair, truncated
// to fit `out` (NUL terminated unless `out` is empty), as snprintf does.
// False when the size is neither 8 nor 32.
bool cidr_to_string(Bytes address_and_mask, std::span<char> out) noexcept;

}  // namespace tlshim::encoding
