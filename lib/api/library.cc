// SPDX-License-Identifier: LGPL-2.1-or-later
// Library life cycle, logging and process-wide settings.
#include "api/api.hh"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "abi/private.h"
#include "core/global.hh"
#include "core/x509/credentials.hh"

namespace {

// Compares dotted version strings numerically ("3.10.0" > "3.9.2");
// missing components count as zero.
int compare_versions(const char *a, const char *b) noexcept
{
    while (*a != '\0' || *b != '\0') {
        char *ea = nullptr, *eb = nullptr;
        unsigned long x = std::strtoul(a, &ea, 10);
        unsigned long y = std::strtoul(b, &eb, 10);
        if (x != y)
            return x < y ? -1 : 1;
        a = (*ea == '.') ? ea + 1 : ea;
        b = (*eb == '.') ? eb + 1 : eb;
        if (ea == a && eb == b && *a != '\0' && *b != '\0')
            break; /* neither advanced: stop on garbage */
        if (*ea != '.' && *ea != '\0')
            a = "";
        if (*eb != '.' && *eb != '\0')
            b = "";
    }
    return 0;
}

}  // namespace

/**
 * gnutls_global_init:
 *
 * Initialises the library: reads GNUTLS_DEBUG_LEVEL from the environment and
 * prepares the random generator and the other process-wide state.  The library
 * already initialises itself when it is loaded, so calling this is optional;
 * each call must be matched by one call to gnutls_global_deinit(), and only
 * the first call (and the last deinit) does any work.  It is thread-safe.
 *
 * Returns: %GNUTLS_E_SUCCESS (0) on success, or a negative error code if a
 * subsystem could not be set up.
 **/
TLSHIM_API int gnutls_global_init(void)
{
    return tlshim::api::to_gnutls(tlshim::global::init());
}

/**
 * gnutls_global_deinit:
 *
 * Releases one reference taken by gnutls_global_init().  When the last one is
 * released the process-wide state is freed.  Calls beyond the number of
 * initialisations are ignored.
 **/
TLSHIM_API void gnutls_global_deinit(void)
{
    tlshim::global::deinit();
}

/**
 * gnutls_check_version:
 * @req_version: the lowest version the caller accepts, such as "3.6.0", or %NULL
 *
 * Tells which GnuTLS version this library provides and whether it is recent
 * enough.  tlshim provides the interface of GnuTLS 3.7.9.
 *
 * Returns: the version string ("3.7.9") when @req_version is %NULL or not
 * newer than it, otherwise %NULL.
 **/
TLSHIM_API const char *gnutls_check_version(const char *req_version)
{
    if (req_version == nullptr || compare_versions(req_version, GNUTLS_VERSION) <= 0)
        return GNUTLS_VERSION;
    return nullptr;
}

/**
 * gnutls_global_set_log_function:
 * @log_func: the function that receives each log message
 *
 * Installs the function that receives the library's debugging messages.  It
 * is called with the message's level and the formatted text; only messages
 * whose level does not exceed the level set with
 * gnutls_global_set_log_level() are formatted and delivered.
 **/
TLSHIM_API void gnutls_global_set_log_function(gnutls_log_func log_func)
{
    tlshim::log::set_function(log_func);
}

/**
 * gnutls_global_set_audit_log_function:
 * @log_func: the function that receives each audit message
 *
 * Installs the function that receives audit messages: reports of events that
 * matter to security (a peer misbehaving, say), with the session they concern
 * (or %NULL).  Without one, audit messages go to the log function at level 1.
 **/
TLSHIM_API void gnutls_global_set_audit_log_function(gnutls_audit_log_func log_func)
{
    tlshim::log::set_audit_function(reinterpret_cast<tlshim::log::AuditFunc>(log_func));
}

/**
 * gnutls_global_set_log_level:
 * @level: the highest level of message to deliver, from 0 (none) to 9 (all)
 *
 * Chooses how much the library logs through the function installed with
 * gnutls_global_set_log_function().  Level 2 gives general debugging
 * information; higher levels add handshake, record and buffer detail.
 * The environment variable GNUTLS_DEBUG_LEVEL sets it at initialisation.
 **/
TLSHIM_API void gnutls_global_set_log_level(int level)
{
    tlshim::log::set_level(level);
}

/**
 * gnutls_global_set_time_function:
 * @time_func: a function with the prototype of time(2)
 *
 * Replaces the clock the library uses for certificate validity, session
 * expiry and ticket ages.  Mainly useful for tests.  Passing %NULL restores
 * the system clock.
 **/
TLSHIM_API void gnutls_global_set_time_function(gnutls_time_func time_func)
{
    tlshim::global::set_time_function(time_func);
}

/**
 * gnutls_global_set_mem_functions:
 * @alloc_func: ignored
 * @secure_alloc_func: ignored
 * @is_secure_func: ignored
 * @realloc_func: ignored
 * @free_func: ignored
 *
 * Kept for source and binary compatibility only: replacing the allocator is
 * no longer supported, and the call has no effect (as in GnuTLS since 3.3).
 * The library allocates through the exported gnutls_malloc() family, which
 * use the C library's allocator.
 **/
TLSHIM_API void gnutls_global_set_mem_functions(gnutls_alloc_function alloc_func,
                                                gnutls_alloc_function secure_alloc_func,
                                                gnutls_is_secure_function is_secure_func,
                                                gnutls_realloc_function realloc_func,
                                                gnutls_free_function free_func)
{
    (void)alloc_func;
    (void)secure_alloc_func;
    (void)is_secure_func;
    (void)realloc_func;
    (void)free_func;
    TLSHIM_DEBUG("tlshim: gnutls_global_set_mem_functions() is deprecated and has no effect\n");
}

/* Private ABI used by GnuTLS's own programs and tests. */

TLSHIM_API void _gnutls_global_set_gettime_function(void (*gettime)(struct timespec *))
{
    tlshim::global::set_monotonic_function(gettime);
}

TLSHIM_API void _gnutls_log(int level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tlshim::log::vwrite(level, fmt, ap);
    va_end(ap);
}

/**
 * gnutls_load_file:
 * @filename: the path of the file
 * @data: receives the contents
 *
 * Reads a whole file into @data, for the functions that take PEM or DER
 * in memory.  The buffer is allocated with gnutls_malloc() and followed by
 * a zero byte that @data->size does not count, so text files can be used
 * as strings; release it with gnutls_free().
 *
 * Returns: %GNUTLS_E_SUCCESS, %GNUTLS_E_FILE_ERROR when the file cannot
 * be read, or %GNUTLS_E_MEMORY_ERROR.
 *
 * Since: 3.1.0
 **/
TLSHIM_API int gnutls_load_file(const char *filename, gnutls_datum_t *data)
{
    if (filename == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    std::vector<std::uint8_t> bytes;
    if (tlshim::Err e = tlshim::x509::read_file(filename, bytes); !tlshim::ok(e))
        return tlshim::api::to_gnutls(e);
    return tlshim::api::datum_out(bytes.data(), bytes.size(), data, true);
}
