// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/encoding/hex.hh"

namespace tlshim::encoding {

namespace {

constexpr char kDigits[] = "0123456789abcdef";

}  // namespace

bool hex_encode(Bytes in, Writer &out) noexcept
{
    if (in.size() > SIZE_MAX / 2) {
        out.fail();
        return false;
    }
    MutableBytes dst = out.reserve(in.size() * 2);
    if (!out.ok())
        return false;
    for (std::size_t i = 0; i < in.size(); i++) {
        dst[2 * i] = static_cast<std::uint8_t>(kDigits[in[i] >> 4]);
        dst[2 * i + 1] = static_cast<std::uint8_t>(kDigits[in[i] & 0x0f]);
    }
    return true;
}

Err hex_decode(Bytes text, Writer &out) noexcept
{
    for (std::size_t i = 0; i < text.size(); i += 2) {
        if (text.size() - i < 2)
            return Err::parsing_error;
        int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
        if (hi < 0 || lo < 0)
            return Err::parsing_error;
        if (!out.u8(static_cast<std::uint8_t>(hi << 4 | lo)).ok())
            return Err::short_memory_buffer;
    }
    return Err::ok;
}

Err hex_decode_lenient(Bytes text, Writer &out) noexcept
{
    std::size_t i = 0;
    while (i < text.size()) {
        int hi = hex_digit(text[i]);
        if (hi < 0) {
            i++;
            continue;
        }
        MutableBytes slot = out.reserve(1);
        if (!out.ok())
            return Err::short_memory_buffer;
        if (text.size() - i < 2)
            return Err::parsing_error;
        int lo = hex_digit(text[i + 1]);
        slot[0] = static_cast<std::uint8_t>(lo < 0 ? hi : (hi << 4 | lo));
        i += 2;
    }
    return Err::ok;
}

bool hex_dump(Bytes in, std::span<char> out, std::string_view separator) noexcept
{
    if (out.size() < 3)
        return false;
    // Every store goes through put(), which drops what falls outside `out`.
    auto put = [&out](std::size_t at, char c) {
        if (at < out.size())
            out[at] = c;
    };
    auto put_byte = [&put](std::size_t at, std::uint8_t b) {
        put(at, kDigits[b >> 4]);
        put(at + 1, kDigits[b & 0x0f]);
        put(at + 2, '\0');
    };
    if (in.empty()) {
        out[0] = '\0';
        return true;
    }
    put_byte(0, in[0]);
    std::size_t at = 2;
    const std::size_t step = separator.empty() ? 2 : 3;
    for (std::size_t i = 1; i < in.size() && at + step < out.size(); i++) {
        std::size_t digits = at;
        if (!separator.empty()) {
            for (std::size_t s = 0; s < separator.size() && at + s < out.size(); s++)
                put(at + s, separator[s]);
            digits = at + separator.size();
        }
        put_byte(digits, in[i]);
        at += step;
    }
    put(at, '\0');
    return true;
}

}  // namespace tlshim::encoding
