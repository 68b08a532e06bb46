// SPDX-License-Identifier: LGPL-2.1-or-later
// Public encoding helpers: base64 and PEM, hexadecimal, the two memory
// primitives, and the private text helpers of GNUTLS_PRIVATE_3_4.
//
// The size conventions differ from one function to the next; each one
// follows what the reference library observably does (noted per function).
#include "api/api.hh"

#include <climits>
#include <cstring>
#include <string_view>
#include <vector>

#include "abi/private.h"
#include "core/encoding/base64.hh"
#include "core/encoding/hex.hh"
#include "core/encoding/memory.hh"
#include "core/encoding/text.hh"
#include "core/secret.hh"

namespace enc = tlshim::encoding;
using tlshim::Bytes;
using tlshim::Err;
using tlshim::MutableBytes;
using tlshim::SecretBytes;
using tlshim::Writer;
using tlshim::api::datum_out;
using tlshim::api::guard;
using tlshim::api::to_gnutls;

namespace {

// The bytes of a datum, or false when it cannot be read (null datum, or
// null data with a non-zero size).
bool datum_bytes(const gnutls_datum_t *d, Bytes &out) noexcept
{
    if (d == nullptr || (d->data == nullptr && d->size != 0))
        return false;
    out = Bytes(d->data, d->size);
    return true;
}

std::string_view label_of(const char *s) noexcept
{
    return s == nullptr ? std::string_view() : std::string_view(s);
}

}  // namespace

/**
 * gnutls_pem_base64_encode:
 * @msg: the label of the block (such as "CERTIFICATE"), or %NULL
 * @data: the bytes to encode
 * @result: where the text is written
 * @result_size: in: the room in @result; out: the length of the text
 *
 * Encodes data as a PEM block into a caller buffer.  The block is a
 * "-----BEGIN @msg-----" line, the base64 text of @data in lines of 64
 * characters, and a "-----END @msg-----" line, each line ended by a
 * newline.  When @msg is %NULL or empty the bare base64 text is written
 * instead, on a single line with no newline.  No terminating NUL is written.
 *
 * When @result is %NULL or too small, %GNUTLS_E_SHORT_MEMORY_BUFFER is
 * returned and @result_size is set to the length of the text plus one.
 *
 * Returns: zero on success, %GNUTLS_E_BASE64_ENCODING_ERROR when @msg is
 * longer than 50 characters, or another negative error code.
 **/
TLSHIM_API int gnutls_pem_base64_encode(const char *msg, const gnutls_datum_t *data, char *result,
                                        size_t *result_size)
{
    Bytes in;
    if (!datum_bytes(data, in) || result_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    std::string_view label = label_of(msg);
    if (label.size() > enc::pem_max_label)
        return GNUTLS_E_BASE64_ENCODING_ERROR;
    std::size_t len = enc::pem_encoded_length(label, in.size());
    if (len == SIZE_MAX)
        return GNUTLS_E_INVALID_REQUEST;
    if (result == nullptr || *result_size < len) {
        *result_size = len + 1;
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    Writer w(MutableBytes(reinterpret_cast<std::uint8_t *>(result), len));
    if (Err e = enc::pem_encode(label, in, w); !tlshim::ok(e))
        return to_gnutls(e);
    *result_size = len;
    return 0;
}

/**
 * gnutls_pem_base64_encode2:
 * @msg: the label of the block, or %NULL
 * @data: the bytes to encode
 * @result: receives the text, allocated with gnutls_malloc()
 *
 * Encodes data as a PEM block into newly allocated memory.  The text is the
 * one gnutls_pem_base64_encode() writes; the caller releases it with
 * gnutls_free().  The size does not count the NUL byte that follows the text.
 *
 * Returns: zero on success, %GNUTLS_E_BASE64_ENCODING_ERROR when @msg is
 * longer than 50 characters, or another negative error code.
 **/
TLSHIM_API int gnutls_pem_base64_encode2(const char *msg, const gnutls_datum_t *data,
                                         gnutls_datum_t *result)
{
    if (result == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    Bytes in;
    if (!datum_bytes(data, in))
        return GNUTLS_E_INVALID_REQUEST;
    return guard([&] {
        std::vector<std::uint8_t> text;
        Writer w(text);
        if (Err e = enc::pem_encode(label_of(msg), in, w); !tlshim::ok(e))
            return e == Err::short_memory_buffer ? GNUTLS_E_MEMORY_ERROR : to_gnutls(e);
        return datum_out(text.data(), text.size(), result, true);
    });
}

/**
 * gnutls_pem_base64_decode:
 * @header: the label to look for (a prefix of the label), or %NULL for any
 * @b64_data: the text to search
 * @result: where the decoded bytes are written
 * @result_size: in: the room in @result; out: the number of bytes
 *
 * Decodes the first matching PEM block into a caller buffer.  The block is
 * the first one in @b64_data whose BEGIN line starts with
 * "-----BEGIN @header"; its base64 contents are decoded.  Text before the
 * block, whitespace and line ends of any kind are accepted; the contents end
 * at the first dash.
 *
 * When @result is %NULL or too small, %GNUTLS_E_SHORT_MEMORY_BUFFER is
 * returned and @result_size is set to the decoded length.
 *
 * Returns: zero on success, %GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR when no
 * such block exists, %GNUTLS_E_BASE64_DECODING_ERROR when it is malformed,
 * or another negative error code.
 **/
TLSHIM_API int gnutls_pem_base64_decode(const char *header, const gnutls_datum_t *b64_data,
                                        unsigned char *result, size_t *result_size)
{
    Bytes in;
    if (!datum_bytes(b64_data, in) || result_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return guard([&] {
        SecretBytes der;
        if (Err e = enc::pem_decode(in, label_of(header), der); !tlshim::ok(e))
            return to_gnutls(e);
        return tlshim::api::copy_out(der.data(), der.size(), result, result_size);
    });
}

/**
 * gnutls_pem_base64_decode2:
 * @header: the label to look for (a prefix of the label), or %NULL for any
 * @b64_data: the text to search
 * @result: receives the decoded bytes, allocated with gnutls_malloc()
 *
 * Decodes the first matching PEM block into newly allocated memory.  The
 * block is found as gnutls_pem_base64_decode() does; the caller releases
 * the decoded bytes with gnutls_free().  When
 * no block is found @result is left as it is; when a block of four bytes or
 * more (not only whitespace) cannot be decoded, its data pointer is set to
 * %NULL.
 *
 * Returns: zero on success, %GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR when no
 * such block exists, %GNUTLS_E_BASE64_DECODING_ERROR when it is malformed,
 * or another negative error code.
 **/
TLSHIM_API int gnutls_pem_base64_decode2(const char *header, const gnutls_datum_t *b64_data,
                                         gnutls_datum_t *result)
{
    if (result == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    Bytes in;
    if (!datum_bytes(b64_data, in))
        return GNUTLS_E_INVALID_REQUEST;
    return guard([&] {
        enc::PemBlock block;
        if (Err e = enc::pem_find(in, label_of(header), block); !tlshim::ok(e))
            return to_gnutls(e);
        SecretBytes der;
        if (Err e = enc::base64_decode(block.body, der); !tlshim::ok(e)) {
            // The reference library clears the pointer when it got as far
            // as allocating the output: the block had four bytes or more,
            // not all of them line breaks, tabs or spaces.
            if (block.contents.size() >= 4 && enc::base64_body_length(block.body) != 0)
                result->data = nullptr;
            return to_gnutls(e);
        }
        return datum_out(der.data(), der.size(), result, true);
    });
}

/**
 * gnutls_base64_encode2:
 * @data: the bytes to encode
 * @result: receives the text, allocated with gnutls_malloc()
 *
 * Encodes data in base64 into newly allocated memory.  The text uses the
 * standard alphabet with padding, on a single line without armour or
 * newline.  The caller releases the text with
 * gnutls_free(); its size does not count the NUL byte that follows it.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_base64_encode2(const gnutls_datum_t *data, gnutls_datum_t *result)
{
    return gnutls_pem_base64_encode2(nullptr, data, result);
}

/**
 * gnutls_base64_decode2:
 * @b64_data: the base64 text
 * @result: receives the decoded bytes, allocated with gnutls_malloc()
 *
 * Decodes base64 text into newly allocated memory.  The text has no armour;
 * whitespace is ignored and the text
 * ends at the first dash; padding must be complete.  An empty input gives an
 * empty result; a text that decodes to nothing else is an error.  The caller
 * releases the bytes with gnutls_free().  On failure the data pointer of
 * @result is set to %NULL, unless the text held nothing but line breaks,
 * tabs and spaces before its first dash.
 *
 * Returns: zero on success, %GNUTLS_E_BASE64_DECODING_ERROR for malformed
 * text, or another negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_base64_decode2(const gnutls_datum_t *b64_data, gnutls_datum_t *result)
{
    Bytes in;
    if (!datum_bytes(b64_data, in))
        return GNUTLS_E_INVALID_REQUEST;
    return guard([&] {
        SecretBytes der;
        if (!in.empty()) {
            if (Err e = enc::base64_decode(in, der); !tlshim::ok(e)) {
                // The reference library clears the pointer once it has
                // started decoding, that is unless the text was blank.
                if (result != nullptr && enc::base64_body_length(in) != 0)
                    result->data = nullptr;
                return to_gnutls(e);
            }
        }
        if (result == nullptr)
            return GNUTLS_E_INVALID_REQUEST;
        return datum_out(der.data(), der.size(), result, true);
    });
}

/**
 * gnutls_hex_encode:
 * @data: the bytes to encode
 * @result: where the text is written
 * @result_size: in: the room in @result; out: the length written, NUL included
 *
 * Encodes data as hexadecimal text into a caller buffer.  The text is
 * lower-case hexadecimal digits followed by a NUL byte.  On
 * success @result_size is set to twice the size of @data plus one (the NUL
 * is counted).  When the room is smaller than that,
 * %GNUTLS_E_SHORT_MEMORY_BUFFER is returned and @result_size is left
 * unchanged.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_hex_encode(const gnutls_datum_t *data, char *result, size_t *result_size)
{
    Bytes in;
    if (!datum_bytes(data, in) || result_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    std::size_t need = in.size() * 2 + 1;
    if (*result_size < need)
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    if (result == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    Writer w(MutableBytes(reinterpret_cast<std::uint8_t *>(result), need));
    enc::hex_encode(in, w);
    w.u8(0);
    *result_size = need;
    return 0;
}

/**
 * gnutls_hex_encode2:
 * @data: the bytes to encode
 * @result: receives the text, allocated with gnutls_malloc()
 *
 * Encodes data as hexadecimal text into newly allocated memory.  The digits
 * are lower-case; the caller releases them with gnutls_free().  The size
 * does not count the NUL byte that follows the digits.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_hex_encode2(const gnutls_datum_t *data, gnutls_datum_t *result)
{
    Bytes in;
    if (!datum_bytes(data, in) || result == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return guard([&] {
        std::vector<std::uint8_t> text;
        Writer w(text);
        if (!enc::hex_encode(in, w))
            return GNUTLS_E_MEMORY_ERROR;
        return datum_out(text.data(), text.size(), result, true);
    });
}

/**
 * gnutls_hex_decode:
 * @hex_data: pairs of hexadecimal digits, in either case
 * @result: where the bytes are written
 * @result_size: in: the room in @result; out: the number of bytes
 *
 * Decodes strict hexadecimal text into a caller buffer.  The text must
 * contain nothing but digit pairs (no separators or whitespace).  When the
 * room is smaller than half the length of the text,
 * %GNUTLS_E_SHORT_MEMORY_BUFFER is returned and @result_size is left
 * unchanged.
 *
 * Returns: zero on success, %GNUTLS_E_PARSING_ERROR for a non-digit or an
 * odd number of digits, or another negative error code.
 **/
TLSHIM_API int gnutls_hex_decode(const gnutls_datum_t *hex_data, void *result, size_t *result_size)
{
    Bytes in;
    if (!datum_bytes(hex_data, in) || result_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (*result_size < in.size() / 2)
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    if (result == nullptr) {
        // Nowhere to write: report a malformed text, refuse a valid one.
        return guard([&] {
            std::vector<std::uint8_t> scratch;
            Writer w(scratch);
            if (Err e = enc::hex_decode(in, w); !tlshim::ok(e))
                return to_gnutls(e);
            if (scratch.empty()) {
                *result_size = 0;
                return 0;
            }
            return GNUTLS_E_INVALID_REQUEST;
        });
    }
    Writer w(MutableBytes(static_cast<std::uint8_t *>(result), *result_size));
    if (Err e = enc::hex_decode(in, w); !tlshim::ok(e))
        return to_gnutls(e);
    *result_size = w.size();
    return 0;
}

/**
 * gnutls_hex_decode2:
 * @data: pairs of hexadecimal digits, in either case
 * @result: receives the bytes, allocated with gnutls_malloc()
 *
 * Decodes strict hexadecimal text into newly allocated memory.  The text is
 * read as gnutls_hex_decode() does; the caller releases the bytes with
 * gnutls_free().  On failure the data
 * pointer of @result is %NULL and its size is half the length of the text.
 *
 * Returns: zero on success, %GNUTLS_E_PARSING_ERROR for a non-digit or an
 * odd number of digits, or another negative error code.
 **/
TLSHIM_API int gnutls_hex_decode2(const gnutls_datum_t *data, gnutls_datum_t *result)
{
    Bytes in;
    if (!datum_bytes(data, in) || result == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    std::size_t len = in.size() / 2;
    auto *p = static_cast<std::uint8_t *>(gnutls_malloc(len == 0 ? 1 : len));
    if (p == nullptr)
        return GNUTLS_E_MEMORY_ERROR;
    Writer w(MutableBytes(p, len));
    Err e = enc::hex_decode(in, w);
    result->size = static_cast<unsigned int>(len);
    if (!tlshim::ok(e)) {
        (gnutls_free)(p);
        result->data = nullptr;
        return to_gnutls(e);
    }
    result->data = p;
    return 0;
}

/**
 * gnutls_hex2bin:
 * @hex_data: hexadecimal text
 * @hex_size: the length of @hex_data
 * @bin_data: where the bytes are written
 * @bin_size: in: the room in @bin_data; out: the number of bytes
 *
 * Decodes hexadecimal text, tolerating separators.  Characters that are not
 * hexadecimal digits are skipped between byte values, so "01:ab:ff", "01 ab ff" and
 * "0x01" are accepted.  A digit followed by a non-digit stands for a byte on
 * its own.  On failure @bin_size is left unchanged.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER when @bin_data is
 * too small, %GNUTLS_E_PARSING_ERROR when the text ends in the middle of a
 * byte, or another negative error code.
 **/
TLSHIM_API int gnutls_hex2bin(const char *hex_data, size_t hex_size, void *bin_data, size_t *bin_size)
{
    if (bin_size == nullptr || (hex_data == nullptr && hex_size != 0))
        return GNUTLS_E_INVALID_REQUEST;
    Bytes in(reinterpret_cast<const std::uint8_t *>(hex_data), hex_size);
    if (bin_data == nullptr) {
        // Nowhere to write: report what the text and the room allow, and
        // refuse a text that decodes to something.
        return guard([&] {
            std::size_t room = *bin_size < hex_size / 2 + 1 ? *bin_size : hex_size / 2 + 1;
            std::vector<std::uint8_t> scratch(room);
            Writer fixed(MutableBytes(scratch.data(), scratch.size()));
            if (Err e = enc::hex_decode_lenient(in, fixed); !tlshim::ok(e))
                return to_gnutls(e);
            if (fixed.size() != 0)
                return GNUTLS_E_INVALID_REQUEST;
            *bin_size = 0;
            return 0;
        });
    }
    Writer w(MutableBytes(static_cast<std::uint8_t *>(bin_data), *bin_size));
    if (Err e = enc::hex_decode_lenient(in, w); !tlshim::ok(e))
        return to_gnutls(e);
    *bin_size = w.size();
    return 0;
}

/**
 * gnutls_memset:
 * @data: the memory to fill
 * @c: the byte value to store
 * @size: the number of bytes
 *
 * Fills memory in a way the compiler cannot remove.  It works like
 * memset(), but the stores happen even when the memory is not read again
 * (to erase secrets).
 **/
TLSHIM_API void gnutls_memset(void *data, int c, size_t size)
{
    enc::secure_fill(data, c, size);
}

/**
 * gnutls_memcmp:
 * @s1: the first range
 * @s2: the second range
 * @n: the number of bytes to compare
 *
 * Compares two byte ranges in constant time.  The time depends only on @n,
 * not on where the ranges differ.  The result tells equal from different;
 * it does not order them.
 *
 * Returns: zero when the ranges are equal, a non-zero value otherwise.
 **/
TLSHIM_API int gnutls_memcmp(const void *s1, const void *s2, size_t n)
{
    return enc::ct_difference(s1, s2, n);
}

/**
 * _gnutls_bin2hex:
 * @old: the bytes to print
 * @oldlen: the number of bytes
 * @buffer: where the text is written
 * @buffer_size: the room in @buffer
 * @separator: a one-character separator between bytes, or %NULL
 *
 * Private helper: prints bytes as lower-case hexadecimal pairs, optionally
 * separated, NUL terminated and cut to what fits in @buffer_size.
 *
 * Returns: @buffer, or %NULL when @buffer_size is below 3.
 **/
TLSHIM_API const char *_gnutls_bin2hex(const void *old, size_t oldlen, char *buffer, size_t buffer_size,
                                       const char *separator)
{
    if (buffer == nullptr || (old == nullptr && oldlen != 0))
        return nullptr;
    Bytes in(static_cast<const std::uint8_t *>(old), oldlen);
    if (!enc::hex_dump(in, std::span<char>(buffer, buffer_size), label_of(separator)))
        return nullptr;
    return buffer;
}

/**
 * _gnutls_ip_to_string:
 * @ip: a 4-byte IPv4 or 16-byte IPv6 address
 * @ip_size: 4 or 16
 * @out: where the text is written
 * @out_size: the room in @out (at least 16 for IPv4, 48 for IPv6)
 *
 * Private helper: prints an IP address in its usual text form.
 *
 * Returns: @out, or %NULL for a bad size or too little room.
 **/
TLSHIM_API const char *_gnutls_ip_to_string(const void *ip, unsigned ip_size, char *out, unsigned out_size)
{
    if (ip == nullptr || out == nullptr)
        return nullptr;
    Bytes in(static_cast<const std::uint8_t *>(ip), ip_size);
    return enc::ip_to_string(in, std::span<char>(out, out_size)) ? out : nullptr;
}

/**
 * _gnutls_cidr_to_string:
 * @ip: an address followed by its netmask (8 bytes for IPv4, 32 for IPv6)
 * @ip_size: 8 or 32
 * @out: where the text is written
 * @out_size: the room in @out
 *
 * Private helper: prints "address/prefix", the prefix being the number of
 * leading one bits of the netmask (-1 when they are not contiguous).  The
 * text is cut to fit @out_size, as snprintf() does.
 *
 * Returns: @out, or %NULL for a bad size.
 **/
TLSHIM_API const char *_gnutls_cidr_to_string(const void *ip, unsigned ip_size, char *out, unsigned out_size)
{
    if (ip == nullptr || (out == nullptr && out_size != 0))
        return nullptr;
    Bytes in(static_cast<const std::uint8_t *>(ip), ip_size);
    return enc::cidr_to_string(in, std::span<char>(out, out_size)) ? out : nullptr;
}

namespace {

// Hands converted text to the caller followed by `nuls` zero bytes.
int text_out(const std::vector<std::uint8_t> &v, unsigned nuls, gnutls_datum_t *output) noexcept
{
    if (v.size() > UINT_MAX - nuls)
        return GNUTLS_E_INVALID_REQUEST;
    auto *p = static_cast<std::uint8_t *>(gnutls_malloc(v.size() + nuls));
    if (p == nullptr)
        return GNUTLS_E_MEMORY_ERROR;
    if (!v.empty())
        std::memcpy(p, v.data(), v.size());
    std::memset(p + v.size(), 0, nuls);
    output->data = p;
    output->size = static_cast<unsigned int>(v.size());
    return 0;
}

}  // namespace

/**
 * _gnutls_ucs2_to_utf8:
 * @data: UTF-16 text
 * @size: its length in bytes (a trailing odd byte is ignored)
 * @output: receives the UTF-8 text, allocated with gnutls_malloc()
 * @be: non-zero for big-endian code units, zero for little-endian
 *
 * Private helper: converts UTF-16 (such as a BMPString) to UTF-8.  The
 * result is followed by a NUL byte that its size does not count.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for empty input, or
 * %GNUTLS_E_MEMORY_ERROR when the text cannot be converted (an unpaired
 * surrogate), as the reference library reports it.
 **/
TLSHIM_API int _gnutls_ucs2_to_utf8(const void *data, size_t size, gnutls_datum_t *output, unsigned be)
{
    if (size == 0 || data == nullptr || output == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return guard([&] {
        std::vector<std::uint8_t> text;
        Bytes in(static_cast<const std::uint8_t *>(data), size);
        if (!tlshim::ok(enc::utf16_to_utf8(in, be != 0, text)))
            return GNUTLS_E_MEMORY_ERROR;
        return text_out(text, 1, output);
    });
}

/**
 * _gnutls_utf8_to_ucs2:
 * @data: UTF-8 text
 * @size: its length in bytes
 * @output: receives the UTF-16 text, allocated with gnutls_malloc()
 * @be: non-zero for big-endian code units, zero for little-endian
 *
 * Private helper: converts UTF-8 to UTF-16 (characters beyond the BMP
 * become surrogate pairs).  The result is followed by two zero bytes that
 * its size does not count.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for empty input, or
 * %GNUTLS_E_MEMORY_ERROR when the text is not well-formed UTF-8, as the
 * reference library reports it.
 **/
TLSHIM_API int _gnutls_utf8_to_ucs2(const void *data, size_t size, gnutls_datum_t *output, unsigned be)
{
    if (size == 0 || data == nullptr || output == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return guard([&] {
        std::vector<std::uint8_t> text;
        Bytes in(static_cast<const std::uint8_t *>(data), size);
        if (!tlshim::ok(enc::utf8_to_utf16(in, be != 0, text)))
            return GNUTLS_E_MEMORY_ERROR;
        return text_out(text, 2, output);
    });
}
