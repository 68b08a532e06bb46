// SPDX-License-Identifier: LGPL-2.1-or-later
// Hexadecimal text: encoding (lower case), a strict decoder, the lenient
// decoder behind gnutls_hex2bin(), and the separated dump format of the
// private _gnutls_bin2hex().  All run in linear time and stay inside their
// input and output ranges.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::encoding {

// Value of a hexadecimal digit (either case), or -1.
constexpr int hex_digit(std::uint8_t c) noexcept
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Appends two lower-case digits per byte.  False when the writer is full.
bool hex_encode(Bytes in, Writer &out) noexcept;

// Decodes pairs of hexadecimal digits (either case) and nothing else.
// Bytes are written as they are decoded, so on an error the writer holds
// what came before it.  Errors: Err::parsing_error (a non-digit, or an odd
// digit at the end), Err::short_memory_buffer (the writer is full).
Err hex_decode(Bytes text, Writer &out) noexcept;

// The lenient reading of gnutls_hex2bin(): bytes that are not hexadecimal
// digits are skipped where a pair would start (so "ab:cd", "ab cd" and
// "0xab" are accepted); a digit followed by a non-digit yields that single
// digit's value.  Before each output byte the writer must have room
// (Err::short_memory_buffer), and a digit must not be the last byte of the
// text (Err::parsing_error).
Err hex_decode_lenient(Bytes text, Writer &out) noexcept;

// The dump format of _gnutls_bin2hex(), bytes observable in the reference
// library included: requires out.size() >= 3 (false otherwise).  The first
// byte of `in` is written as two digits, then each further byte is preceded
// by the separator while another step fits, and the result is NUL
// terminated.  Each step advances by 2 characters without a separator and
// by 3 with one, whatever the separator's length (only 0 or 1 character
// separators give a readable result; longer ones overlap, and writes past
// `out` are dropped).  An empty `in` gives an empty string.
bool hex_dump(Bytes in, std::span<char> out, std::string_view separator) noexcept;

}  // namespace tlshim::encoding
