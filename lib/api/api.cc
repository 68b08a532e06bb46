// SPDX-License-Identifier: LGPL-2.1-or-later
#include "api/api.hh"

#include <climits>

namespace tlshim::api {

// Every core error value equals the public code it stands for.
#define TLSHIM_CHECK_ERR(name, code, value)                                      \
    static_assert(static_cast<int>(Err::name) == (code) && (code) == (value),    \
                  "tlshim::Err::" #name " must equal " #code);
TLSHIM_ERRORS(TLSHIM_CHECK_ERR)
#undef TLSHIM_CHECK_ERR

int copy_out(const void *src, std::size_t len, void *dst, std::size_t *size) noexcept
{
    if (size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (dst == nullptr || *size < len) {
        *size = len;
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    if (len != 0)
        std::memcpy(dst, src, len);
    *size = len;
    return 0;
}

int datum_out(const void *src, std::size_t len, gnutls_datum_t *out, bool nul_terminate) noexcept
{
    if (out == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    out->data = nullptr;
    out->size = 0;
    if (len > UINT_MAX - 1)
        return GNUTLS_E_INVALID_REQUEST;
    std::size_t alloc = len + (nul_terminate ? 1 : 0);
    auto *p = static_cast<unsigned char *>(gnutls_malloc(alloc == 0 ? 1 : alloc));
    if (p == nullptr)
        return GNUTLS_E_MEMORY_ERROR;
    if (len != 0)
        std::memcpy(p, src, len);
    if (nul_terminate)
        p[len] = 0;
    out->data = p;
    out->size = static_cast<unsigned int>(len);
    return 0;
}

}  // namespace tlshim::api
