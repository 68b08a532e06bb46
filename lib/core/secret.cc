// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/secret.hh"

#include <string.h>

namespace tlshim {

void secure_wipe(void *p, std::size_t len) noexcept
{
    if (p != nullptr && len != 0)
        explicit_bzero(p, len);
}

int ct_memcmp(const void *a, const void *b, std::size_t len) noexcept
{
    const volatile std::uint8_t *x = static_cast<const volatile std::uint8_t *>(a);
    const volatile std::uint8_t *y = static_cast<const volatile std::uint8_t *>(b);
    std::uint8_t diff = 0;
    for (std::size_t i = 0; i < len; i++)
        diff |= static_cast<std::uint8_t>(x[i] ^ y[i]);
    return diff != 0;
}

}  // namespace tlshim
