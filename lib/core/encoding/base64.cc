// SPDX-License-Identifier: LGPL-2.1-or-later
// Base64 on top of Nettle's primitives (its decoder already skips ASCII
// whitespace, rejects bytes outside the alphabet, data after padding and
// non-zero unused bits); this file adds the '-' terminator, the "empty is
// an error" rule and the PEM armour around them.
#include "core/encoding/base64.hh"

#include <nettle/base64.h>

#include <cstring>
#include <string>

#include "core/encoding/search.hh"

namespace tlshim::encoding {

namespace {

constexpr std::string_view kBegin = "-----BEGIN ";
constexpr std::string_view kEnd = "-----END ";
constexpr std::string_view kDashes = "-----";
constexpr std::size_t kLineChars = 64;                    // characters per PEM line
constexpr std::size_t kLineBytes = kLineChars / 4 * 3;   // bytes encoded per line

// a + b, or SIZE_MAX on overflow.
constexpr std::size_t add(std::size_t a, std::size_t b) noexcept
{
    return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

}  // namespace

std::size_t base64_encoded_length(std::size_t n) noexcept
{
    std::size_t groups = n / 3 + (n % 3 != 0 ? 1 : 0);
    return groups > SIZE_MAX / 4 ? SIZE_MAX : groups * 4;
}

bool base64_encode(Bytes in, Writer &out) noexcept
{
    std::size_t len = base64_encoded_length(in.size());
    if (len == SIZE_MAX) {
        out.fail();
        return false;
    }
    MutableBytes dst = out.reserve(len);
    if (!out.ok())
        return false;
    if (len != 0)
        nettle_base64_encode_raw(reinterpret_cast<char *>(dst.data()), in.size(), in.data());
    return true;
}

Bytes base64_body(Bytes text) noexcept
{
    if (text.empty())
        return text;
    const void *dash = std::memchr(text.data(), '-', text.size());
    if (dash == nullptr)
        return text;
    return text.first(static_cast<std::size_t>(static_cast<const std::uint8_t *>(dash) - text.data()));
}

std::size_t base64_body_length(Bytes text) noexcept
{
    std::size_t n = 0;
    for (std::uint8_t c : base64_body(text))
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            n++;
    return n;
}

std::size_t base64_decoded_max(Bytes text) noexcept
{
    // Nettle asks for ((n + 1) * 6) / 8 bytes; this bound is never smaller
    // and cannot overflow.
    std::size_t n = base64_body(text).size();
    return n == 0 ? 0 : n / 4 * 3 + 3;
}

Err base64_decode(Bytes text, MutableBytes out, std::size_t &written) noexcept
{
    written = 0;
    Bytes body = base64_body(text);
    if (out.size() < base64_decoded_max(body))
        return Err::short_memory_buffer;
    if (body.empty())
        return Err::base64_decoding;

    base64_decode_ctx ctx;
    WipeOnExit<base64_decode_ctx> wipe(ctx);
    nettle_base64_decode_init(&ctx);
    std::size_t n = 0;
    if (nettle_base64_decode_update(&ctx, &n, out.data(), body.size(),
                                    reinterpret_cast<const char *>(body.data())) != 1)
        return Err::base64_decoding;
    if (nettle_base64_decode_final(&ctx) != 1 || n == 0)
        return Err::base64_decoding;
    written = n;
    return Err::ok;
}

std::size_t pem_encoded_length(std::string_view label, std::size_t n) noexcept
{
    std::size_t b64 = base64_encoded_length(n);
    if (label.empty() || b64 == SIZE_MAX)
        return b64;
    std::size_t lines = b64 / kLineChars + (b64 % kLineChars != 0 ? 1 : 0);
    std::size_t armour = kBegin.size() + kEnd.size() + 2 * (kDashes.size() + 1);
    if (label.size() > (SIZE_MAX - armour) / 2)
        return SIZE_MAX;
    return add(add(b64, lines), armour + 2 * label.size());
}

Err pem_encode(std::string_view label, Bytes data, Writer &out) noexcept
{
    if (label.size() > pem_max_label)
        return Err::base64_encoding;
    if (label.empty())
        return base64_encode(data, out) ? Err::ok : Err::short_memory_buffer;

    out.bytes(kBegin).bytes(label).bytes(kDashes).u8('\n');
    while (!data.empty() && out.ok()) {
        std::size_t take = data.size() < kLineBytes ? data.size() : kLineBytes;
        base64_encode(data.first(take), out);
        out.u8('\n');
        data = data.subspan(take);
    }
    out.bytes(kEnd).bytes(label).bytes(kDashes).u8('\n');
    return out.ok() ? Err::ok : Err::short_memory_buffer;
}

Err pem_find(Bytes text, std::string_view label, PemBlock &block, std::size_t from)
{
    std::string begin_line;
    begin_line.reserve(kBegin.size() + label.size());
    begin_line.append(kBegin).append(label);

    std::size_t pos = Needle(as_bytes(begin_line)).find(text, from);
    if (pos == Needle::npos)
        return Err::base64_unexpected_header;

    // The label runs to the next five dashes; the body starts right after them.
    static const Needle dashes(as_bytes(kDashes));
    std::size_t close = dashes.find(text, pos + begin_line.size());
    if (close == Needle::npos)
        return Err::base64_decoding;
    std::size_t start = close + kDashes.size();

    static const Needle end_marker(as_bytes(kEnd));
    std::size_t end = end_marker.find(text, start);
    if (end == Needle::npos)
        return Err::base64_decoding;

    const auto *label_start = text.data() + pos + kBegin.size();
    block.begin = pos;
    block.label = std::string_view(reinterpret_cast<const char *>(label_start),
                                   close - (pos + kBegin.size()));
    block.contents = text.subspan(start, end - start);
    block.body = base64_body(block.contents);
    block.next = end + kEnd.size();
    return Err::ok;
}

}  // namespace tlshim::encoding
