// SPDX-License-Identifier: LGPL-2.1-or-later
// Base64 (RFC 4648, standard alphabet, padded) and PEM armour (RFC 7468).
//
// Encoding writes through a Writer, so the same code fills a caller's fixed
// buffer or a growable vector.  Decoding reads base64 text the way GnuTLS
// does (this is what applications and files in the wild rely on):
//   - ASCII whitespace (space, \t, \n, \v, \f, \r) anywhere is ignored;
//   - the text ends at the first '-' (the dashes of an END line, or of a
//     "Proc-Type:" style header) or at the end of the input;
//   - every other byte must be in the alphabet, padding must be canonical
//     (the unused low bits of the last group are zero) and nothing but
//     whitespace may follow it;
//   - a text that decodes to nothing is an error.
// All functions run in time linear in their input and never read outside it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/secret.hh"

namespace tlshim::encoding {

// --- base64 -----------------------------------------------------------------

// Length of the encoding of n bytes (no line breaks); SIZE_MAX on overflow.
std::size_t base64_encoded_length(std::size_t n) noexcept;

// Appends the base64 encoding of `in` (one line, padded).  False when the
// writer ran out of room.
bool base64_encode(Bytes in, Writer &out) noexcept;

// The part of `text` that base64 decoding looks at: up to the first '-'.
Bytes base64_body(Bytes text) noexcept;

// Number of bytes of base64_body(text) other than space, tab, CR and LF
// (the decoder also skips \v and \f; this count, which the facade needs to
// mimic the reference library's error paths, does not).
std::size_t base64_body_length(Bytes text) noexcept;

// Upper bound of the decoded size of `text` (whitespace counted as data).
std::size_t base64_decoded_max(Bytes text) noexcept;

// Decodes base64_body(text) into `out`, which must hold at least
// base64_decoded_max(text) bytes (Err::short_memory_buffer otherwise).
// `written` receives the decoded length.  Err::base64_decoding when the text
// is malformed or decodes to nothing; `out` may then hold partial data.
Err base64_decode(Bytes text, MutableBytes out, std::size_t &written) noexcept;

// Same, replacing the contents of a growable buffer (std::vector or
// SecretBytes).  std::bad_alloc may propagate.
template <typename Buffer>
Err base64_decode(Bytes text, Buffer &out)
{
    out.resize(base64_decoded_max(text));
    std::size_t n = 0;
    Err e = base64_decode(text, MutableBytes(out.data(), out.size()), n);
    out.resize(ok(e) ? n : 0);
    return e;
}

// --- PEM --------------------------------------------------------------------

// Longest label that pem_encode accepts (longer ones: Err::base64_encoding).
constexpr std::size_t pem_max_label = 50;

// Length of pem_encode's output; SIZE_MAX on overflow.  An empty label
// means raw base64 (no armour, no line breaks).
std::size_t pem_encoded_length(std::string_view label, std::size_t n) noexcept;

// Writes "-----BEGIN <label>-----\n", the base64 of `data` in lines of 64
// characters each ended by "\n", and "-----END <label>-----\n".  With an
// empty label, writes the bare base64 text instead.  Errors:
// Err::base64_encoding (label too long), Err::short_memory_buffer (the
// writer ran out of room).
Err pem_encode(std::string_view label, Bytes data, Writer &out) noexcept;

// One armoured block located in a text.  Offsets are relative to the text.
struct PemBlock {
    std::size_t begin = 0;   // where "-----BEGIN " starts
    std::string_view label;  // from after "-----BEGIN " up to the next "-----"
    Bytes contents;          // everything between those dashes and "-----END "
                             // (encapsulated headers such as Proc-Type included)
    Bytes body;              // the base64 text: `contents` up to its first '-'
    std::size_t next = 0;    // just past the "-----END " marker: where to look for the next block
};

// Finds the first block at or after offset `from` whose BEGIN line starts
// "-----BEGIN <label>" (a prefix match, as GnuTLS does; any label when
// `label` is empty).  Errors: Err::base64_unexpected_header when there is
// no such BEGIN line, Err::base64_decoding when the block is not closed
// (no "-----" after the label, or no "-----END " after the body).
// To walk a list of blocks (a certificate chain), call again with
// `from = block.next` until Err::base64_unexpected_header.
Err pem_find(Bytes text, std::string_view label, PemBlock &block, std::size_t from = 0);

// pem_find() + base64_decode() of the block's body into a growable buffer.
template <typename Buffer>
Err pem_decode(Bytes text, std::string_view label, Buffer &out, std::size_t from = 0)
{
    PemBlock block;
    if (Err e = pem_find(text, label, block, from); !ok(e))
        return e;
    return base64_decode(block.body, out);
}

}  // namespace tlshim::encoding
