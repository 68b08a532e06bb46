// SPDX-License-Identifier: LGPL-2.1-or-later
// The private growable buffer of GNUTLS_PRIVATE_3_4.  libgnutls-dane (loaded
// by gnutls-cli) allocates a gnutls_buffer_st itself and builds strings with
// these functions, so the struct layout and the ownership rules are ABI:
// the content is handed over in a datum the caller frees with gnutls_free.
#include "api/api.hh"

#include <climits>
#include <cstdint>

#include "abi/private.h"

static_assert(sizeof(gnutls_buffer_st) == 4 * sizeof(void *), "ABI: four word-sized fields");

namespace {

// Makes room for `extra` more bytes after the content.
int reserve(gnutls_buffer_st *buf, std::size_t extra) noexcept
{
    std::size_t offset = static_cast<std::size_t>(buf->data - buf->allocd);
    if (buf->allocd == nullptr)
        offset = 0;
    if (buf->length > SIZE_MAX - extra)
        return GNUTLS_E_MEMORY_ERROR;
    std::size_t need = buf->length + extra;
    if (buf->allocd != nullptr && buf->max_length - offset >= need)
        return 0;
    // Move the content to the front when that is enough; otherwise grow.
    if (buf->allocd != nullptr && buf->max_length >= need) {
        std::memmove(buf->allocd, buf->data, buf->length);
        buf->data = buf->allocd;
        return 0;
    }
    std::size_t cap = buf->max_length > need ? buf->max_length : need;
    cap = cap < SIZE_MAX / 2 ? cap * 2 : cap;
    if (cap < 64)
        cap = 64;
    auto *p = static_cast<std::uint8_t *>(gnutls_malloc(cap));
    if (p == nullptr)
        return GNUTLS_E_MEMORY_ERROR;
    if (buf->length != 0)
        std::memcpy(p, buf->data, buf->length);
    (gnutls_free)(buf->allocd);
    buf->allocd = p;
    buf->data = p;
    buf->max_length = cap;
    return 0;
}

int append(gnutls_buffer_st *buf, const void *src, std::size_t len) noexcept
{
    if (int r = reserve(buf, len); r < 0)
        return r;
    if (len != 0)
        std::memcpy(buf->data + buf->length, src, len);
    buf->length += len;
    return 0;
}

}  // namespace

TLSHIM_API void _gnutls_buffer_init(gnutls_buffer_st *buf)
{
    if (buf == nullptr)
        return;
    buf->allocd = nullptr;
    buf->data = nullptr;
    buf->max_length = 0;
    buf->length = 0;
}

TLSHIM_API void _gnutls_buffer_clear(gnutls_buffer_st *buf)
{
    if (buf == nullptr)
        return;
    (gnutls_free)(buf->allocd);
    _gnutls_buffer_init(buf);
}

TLSHIM_API int _gnutls_buffer_append_str(gnutls_buffer_st *buf, const char *str)
{
    if (buf == nullptr || str == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return append(buf, str, std::strlen(str));
}

TLSHIM_API int _gnutls_buffer_to_datum(gnutls_buffer_st *buf, gnutls_datum_t *out, unsigned is_str)
{
    if (buf == nullptr || out == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (buf->length == 0 && !is_str) {
        out->data = nullptr;
        out->size = 0;
        _gnutls_buffer_clear(buf);
        return 0;
    }
    if (buf->length > UINT_MAX - 1)
        return GNUTLS_E_INVALID_REQUEST;
    if (is_str) {
        if (int r = reserve(buf, 1); r < 0)
            return r;
        buf->data[buf->length] = 0;
    }
    if (buf->data != buf->allocd)
        std::memmove(buf->allocd, buf->data, buf->length + (is_str ? 1 : 0));
    out->data = buf->allocd;
    out->size = static_cast<unsigned int>(buf->length);
    _gnutls_buffer_init(buf);  // ownership passed to the caller
    return 0;
}

TLSHIM_API void _gnutls_buffer_pop_datum(gnutls_buffer_st *buf, gnutls_datum_t *out, size_t max)
{
    if (buf == nullptr || out == nullptr)
        return;
    std::size_t n = max < buf->length ? max : buf->length;
    out->data = buf->data;
    out->size = static_cast<unsigned int>(n);
    buf->data += n;
    buf->length -= n;
    if (buf->length == 0)
        buf->data = buf->allocd;
}

// Decodes %XX escapes in place (as used in PKCS#11 URLs).
TLSHIM_API int _gnutls_buffer_unescape(gnutls_buffer_st *buf)
{
    if (buf == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    auto hexval = [](std::uint8_t c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::size_t in = 0, out = 0;
    while (in < buf->length) {
        std::uint8_t c = buf->data[in];
        if (c == '%') {
            if (buf->length - in < 3)
                return GNUTLS_E_PARSING_ERROR;
            int hi = hexval(buf->data[in + 1]), lo = hexval(buf->data[in + 2]);
            if (hi < 0 || lo < 0)
                return GNUTLS_E_PARSING_ERROR;
            buf->data[out++] = static_cast<std::uint8_t>(hi * 16 + lo);
            in += 3;
        } else {
            buf->data[out++] = c;
            in++;
        }
    }
    buf->length = out;
    return 0;
}

/**
 * gnutls_buffer_append_data:
 * @dest: the buffer to extend
 * @data: the bytes to append
 * @data_size: how many bytes @data holds
 *
 * Appends @data_size bytes to a buffer that the library passed to one of
 * the application's callbacks (an extension's send function, for
 * example).  The buffer grows as needed.
 *
 * Returns: zero on success, or a negative error code
 * (%GNUTLS_E_MEMORY_ERROR when it cannot grow).
 **/
TLSHIM_API int gnutls_buffer_append_data(gnutls_buffer_t dest, const void *data, size_t data_size)
{
    if (dest == nullptr || (data == nullptr && data_size != 0))
        return GNUTLS_E_INVALID_REQUEST;
    return append(dest, data, data_size);
}
