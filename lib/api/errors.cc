// SPDX-License-Identifier: LGPL-2.1-or-later
// Error codes: names, descriptions, fatality and the matching TLS alerts.
#include "api/api.hh"

#include <cstdio>

#include "core/algo/errors.hh"

namespace algo = tlshim::algo;


/**
 * gnutls_strerror:
 * @error: an error code (a negative GNUTLS_E_ value, or zero)
 *
 * Describes an error code in a short English sentence, for messages to
 * users.  The wording is tlshim's own; programs that need a stable string
 * should use gnutls_strerror_name().
 *
 * Returns: a static string, never %NULL; codes the library does not know
 * share one generic description.
 **/
TLSHIM_API const char *gnutls_strerror(int error)
{
    return algo::error_message(error);
}

/**
 * gnutls_strerror_name:
 * @error: an error code
 *
 * Gives the symbolic name of an error code, for example
 * "GNUTLS_E_AGAIN" for %GNUTLS_E_AGAIN.
 *
 * Returns: a static string, or %NULL if the code has no name.
 **/
TLSHIM_API const char *gnutls_strerror_name(int error)
{
    const algo::ErrorInfo *e = algo::error_info(error);
    return e != nullptr ? e->name : nullptr;
}

/**
 * gnutls_perror:
 * @error: an error code
 *
 * Writes the description of an error code (see gnutls_strerror()) to the
 * standard error stream, on a line starting with "GnuTLS error: ".
 **/
TLSHIM_API void gnutls_perror(int error)
{
    std::fprintf(stderr, "GnuTLS error: %s\n", algo::error_message(error));
}

/**
 * gnutls_error_is_fatal:
 * @error: an error code returned by a library function
 *
 * Tells whether a session can continue after a function returned @error.
 * Codes such as %GNUTLS_E_AGAIN, %GNUTLS_E_INTERRUPTED or
 * %GNUTLS_E_WARNING_ALERT_RECEIVED are not fatal; most others are.  Zero and
 * positive values are never fatal, and unknown negative codes always are.
 *
 * Returns: non-zero if the error is fatal, zero otherwise.
 **/
TLSHIM_API int gnutls_error_is_fatal(int error)
{
    return algo::error_is_fatal(error) ? 1 : 0;
}

/**
 * gnutls_error_to_alert:
 * @err: an error code
 * @level: where the alert level is stored (%GNUTLS_AL_WARNING or %GNUTLS_AL_FATAL), or %NULL
 *
 * Chooses the TLS alert to send to the peer when a handshake fails with
 * @err, for example before closing the connection with gnutls_alert_send().
 * Codes without a more specific alert map to an internal_error alert.
 *
 * Returns: a gnutls_alert_description_t value.
 **/
TLSHIM_API int gnutls_error_to_alert(int err, int *level)
{
    return algo::error_to_alert(err, level);
}
