// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/encoding/memory.hh"

#include <cstdint>
#include <cstring>

#include "core/secret.hh"

namespace tlshim::encoding {

void secure_fill(void *p, int c, std::size_t len) noexcept
{
    if (p == nullptr || len == 0)
        return;
    if (c == 0) {
        secure_wipe(p, len);
        return;
    }
    std::memset(p, c, len);
    // The stores above must happen: p escapes into an opaque statement.
    __asm__ __volatile__("" : : "r"(p) : "memory");
}

int ct_difference(const void *a, const void *b, std::size_t len) noexcept
{
    const volatile std::uint8_t *x = static_cast<const volatile std::uint8_t *>(a);
    const volatile std::uint8_t *y = static_cast<const volatile std::uint8_t *>(b);
    std::uint8_t diff = 0;
    for (std::size_t i = 0; i < len; i++)
        diff |= static_cast<std::uint8_t>(x[i] ^ y[i]);
    return diff;
}

}  // namespace tlshim::encoding
