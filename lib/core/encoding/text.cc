// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/encoding/text.hh"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <cstdio>

namespace tlshim::encoding {

namespace {

std::uint16_t load16(const std::uint8_t *p, bool big_endian) noexcept
{
    return big_endian ? static_cast<std::uint16_t>(p[0] << 8 | p[1])
                      : static_cast<std::uint16_t>(p[1] << 8 | p[0]);
}

void store16(std::vector<std::uint8_t> &out, std::uint32_t unit, bool big_endian)
{
    auto hi = static_cast<std::uint8_t>(unit >> 8), lo = static_cast<std::uint8_t>(unit);
    out.push_back(big_endian ? hi : lo);
    out.push_back(big_endian ? lo : hi);
}

void put_utf8(std::vector<std::uint8_t> &out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<std::uint8_t>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<std::uint8_t>(0xc0 | cp >> 6));
        out.push_back(static_cast<std::uint8_t>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<std::uint8_t>(0xe0 | cp >> 12));
        out.push_back(static_cast<std::uint8_t>(0x80 | (cp >> 6 & 0x3f)));
        out.push_back(static_cast<std::uint8_t>(0x80 | (cp & 0x3f)));
    } else {
        out.push_back(static_cast<std::uint8_t>(0xf0 | cp >> 18));
        out.push_back(static_cast<std::uint8_t>(0x80 | (cp >> 12 & 0x3f)));
        out.push_back(static_cast<std::uint8_t>(0x80 | (cp >> 6 & 0x3f)));
        out.push_back(static_cast<std::uint8_t>(0x80 | (cp & 0x3f)));
    }
}

constexpr bool is_high_surrogate(std::uint32_t u) noexcept { return u >= 0xd800 && u <= 0xdbff; }
constexpr bool is_low_surrogate(std::uint32_t u) noexcept { return u >= 0xdc00 && u <= 0xdfff; }

// Reads one well-formed UTF-8 sequence at in[i]; returns its length (0 when
// malformed) and the code point in cp.
std::size_t get_utf8(Bytes in, std::size_t i, std::uint32_t &cp) noexcept
{
    std::uint8_t b0 = in[i];
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len;
    std::uint8_t lo = 0x80, hi = 0xbf;  // allowed range of the second byte
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        len = 2;
        cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        len = 3;
        cp = b0 & 0x0f;
        if (b0 == 0xe0)
            lo = 0xa0;  // no overlong forms
        else if (b0 == 0xed)
            hi = 0x9f;  // no surrogates
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        len = 4;
        cp = b0 & 0x07;
        if (b0 == 0xf0)
            lo = 0x90;  // no overlong forms
        else if (b0 == 0xf4)
            hi = 0x8f;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (in.size() - i < len)
        return 0;
    for (std::size_t k = 1; k < len; k++) {
        std::uint8_t b = in[i + k];
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xbf))
            return 0;
        cp = cp << 6 | (b & 0x3f);
    }
    return len;
}

}  // namespace

Err utf16_to_utf8(Bytes in, bool big_endian, std::vector<std::uint8_t> &out)
{
    const std::size_t units = in.size() / 2;
    out.reserve(out.size() + units * 3);
    for (std::size_t i = 0; i < units; i++) {
        std::uint32_t u = load16(in.data() + 2 * i, big_endian);
        if (is_low_surrogate(u))
            return Err::invalid_utf8_string;
        if (is_high_surrogate(u)) {
            if (i + 1 >= units)
                return Err::invalid_utf8_string;
            std::uint32_t u2 = load16(in.data() + 2 * (i + 1), big_endian);
            if (!is_low_surrogate(u2))
                return Err::invalid_utf8_string;
            u = 0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00);
            i++;
        }
        put_utf8(out, u);
    }
    return Err::ok;
}

Err utf8_to_utf16(Bytes in, bool big_endian, std::vector<std::uint8_t> &out)
{
    out.reserve(out.size() + in.size() * 2);
    std::size_t i = 0;
    while (i < in.size()) {
        std::uint32_t cp = 0;
        std::size_t len = get_utf8(in, i, cp);
        if (len == 0)
            return Err::invalid_utf8_string;
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            store16(out, 0xd800 | cp >> 10, big_endian);
            store16(out, 0xdc00 | (cp & 0x3ff), big_endian);
        } else {
            store16(out, cp, big_endian);
        }
    }
    return Err::ok;
}

std::size_t ip_text_room(std::size_t address_size) noexcept
{
    // INET_ADDRSTRLEN for IPv4; IPv6 asks for a little more than
    // INET6_ADDRSTRLEN, as the reference library does.
    return address_size == 4 ? 16 : address_size == 16 ? 48 : SIZE_MAX;
}

bool ip_to_string(Bytes address, std::span<char> out) noexcept
{
    std::size_t room = ip_text_room(address.size());
    if (room == SIZE_MAX || out.size() < room)
        return false;
    int family = address.size() == 4 ? AF_INET : AF_INET6;
    return inet_ntop(family, address.data(), out.data(), static_cast<socklen_t>(out.size())) != nullptr;
}

int netmask_prefix(Bytes mask) noexcept
{
    int prefix = 0;
    bool zero_seen = false;
    for (std::uint8_t b : mask) {
        for (int bit = 7; bit >= 0; bit--) {
            if ((b >> bit) & 1) {
                if (zero_seen)
                    return -1;
                prefix++;
            } else {
                zero_seen = true;
            }
        }
    }
    return prefix;
}

bool cidr_to_string(Bytes address_and_mask, std::span<char> out) noexcept
{
    if (address_and_mask.size() != 8 && address_and_mask.size() != 32)
        return false;
    std::size_t half = address_and_mask.size() / 2;
    char ip[48];
    if (!ip_to_string(address_and_mask.first(half), ip))
        return false;
    int prefix = netmask_prefix(address_and_mask.subspan(half));
    if (!out.empty())
        std::snprintf(out.data(), out.size(), "%s/%d", ip, prefix);
    return true;
}

}  // namespace tlshim::encoding
