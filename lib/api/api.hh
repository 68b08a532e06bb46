// SPDX-License-Identifier: LGPL-2.1-or-later
// What every file of the C facade (lib/api/) includes.
//
// The facade is the only code that sees both the public GnuTLS headers and
// the C++ core.  Each exported function is defined with TLSHIM_API, checks
// its arguments, calls the core, and maps the core's result to a GNUTLS_E_*
// code.  No exception may leave an exported function: anything that can
// throw runs inside api::guard(), which turns std::bad_alloc into
// GNUTLS_E_MEMORY_ERROR and anything else into GNUTLS_E_INTERNAL_ERROR.
#pragma once

#include <gnutls/gnutls.h>

#include <cstring>
#include <exception>
#include <new>
#include <type_traits>

#include "core/error.hh"
#include "core/log.hh"

// Definition of an exported function (its declaration is in the public header).
#define TLSHIM_API extern "C" __attribute__((visibility("default")))
// Definition of an exported data object (inside an extern "C" block).
#define TLSHIM_API_DATA __attribute__((visibility("default")))

namespace tlshim::api {

// Core error -> public error code.  Core values equal the public ones
// (see core/error.hh); errors_map.cc checks that at compile time.
constexpr int to_gnutls(Err e) noexcept { return static_cast<int>(e); }

// Runs f() and returns its int result; an escaping exception becomes an error code.
template <typename F>
int guard(F &&f) noexcept
{
    try {
        return f();
    } catch (const std::bad_alloc &) {
        return GNUTLS_E_MEMORY_ERROR;
    } catch (...) {
        log::write(2, "tlshim: internal error: unexpected exception\n");
        return GNUTLS_E_INTERNAL_ERROR;
    }
}

// Same for functions whose failure value is not an int code (NULL, 0, ...).
template <typename R, typename F>
R guard_value(R on_error, F &&f) noexcept
{
    try {
        return f();
    } catch (...) {
        return on_error;
    }
}

// The number an application passed for an enum parameter.  C callers may
// pass any int there; loading such a value as the C++ enum type would be
// undefined behaviour (and -fsanitize=enum reports it), so the bytes are
// copied instead.  Use it before looking an enum argument up in a table.
template <typename E>
int raw(const E &e) noexcept
{
    static_assert(sizeof(E) == sizeof(int));
    int v;
    std::memcpy(&v, &e, sizeof v);
    return v;
}

// Copies `len` bytes to a caller buffer of *size bytes, following GnuTLS's
// convention: on a short buffer, *size receives the length needed and the
// result is GNUTLS_E_SHORT_MEMORY_BUFFER.
int copy_out(const void *src, std::size_t len, void *dst, std::size_t *size) noexcept;

// Hands bytes to the application in a gnutls_datum_t allocated with
// gnutls_malloc (the caller frees it with gnutls_free).  With nul_terminate,
// one extra zero byte follows the data (not counted in size).
int datum_out(const void *src, std::size_t len, gnutls_datum_t *out, bool nul_terminate = false) noexcept;

}  // namespace tlshim::api
