// SPDX-License-Identifier: LGPL-2.1-or-later
// Error codes: names, descriptions, fatality and the matching TLS alerts.
#include "api/api.hh"

#include <cstdio>

#include "core/algo/errors.hh"

namespace algo = tlshim::algo;

// The core's Err values are the public codes (api::to_gnutls is a cast).
using tlshim::Err;
#define TLSHIM_SAME(e, g) static_assert(static_cast<int>(Err::e) == (g), #g)
TLSHIM_SAME(ok, GNUTLS_E_SUCCESS);
TLSHIM_SAME(unsupported_version, GNUTLS_E_UNSUPPORTED_VERSION_PACKET);
TLSHIM_SAME(unexpected_packet_length, GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
TLSHIM_SAME(invalid_session, GNUTLS_E_INVALID_SESSION);
TLSHIM_SAME(fatal_alert_received, GNUTLS_E_FATAL_ALERT_RECEIVED);
TLSHIM_SAME(unexpected_packet, GNUTLS_E_UNEXPECTED_PACKET);
TLSHIM_SAME(warning_alert_received, GNUTLS_E_WARNING_ALERT_RECEIVED);
TLSHIM_SAME(error_in_finished, GNUTLS_E_ERROR_IN_FINISHED_PACKET);
TLSHIM_SAME(unexpected_handshake_packet, GNUTLS_E_UNEXPECTED_HANDSHAKE_PACKET);
TLSHIM_SAME(decryption_failed, GNUTLS_E_DECRYPTION_FAILED);
TLSHIM_SAME(memory, GNUTLS_E_MEMORY_ERROR);
TLSHIM_SAME(again, GNUTLS_E_AGAIN);
TLSHIM_SAME(expired, GNUTLS_E_EXPIRED);
TLSHIM_SAME(db_error, GNUTLS_E_DB_ERROR);
TLSHIM_SAME(insufficient_credentials, GNUTLS_E_INSUFFICIENT_CREDENTIALS);
TLSHIM_SAME(hash_failed, GNUTLS_E_HASH_FAILED);
TLSHIM_SAME(base64_decoding, GNUTLS_E_BASE64_DECODING_ERROR);
TLSHIM_SAME(rehandshake, GNUTLS_E_REHANDSHAKE);
TLSHIM_SAME(got_application_data, GNUTLS_E_GOT_APPLICATION_DATA);
TLSHIM_SAME(record_limit_reached, GNUTLS_E_RECORD_LIMIT_REACHED);
TLSHIM_SAME(encryption_failed, GNUTLS_E_ENCRYPTION_FAILED);
TLSHIM_SAME(certificate_error, GNUTLS_E_CERTIFICATE_ERROR);
TLSHIM_SAME(pk_encryption_failed, GNUTLS_E_PK_ENCRYPTION_FAILED);
TLSHIM_SAME(pk_decryption_failed, GNUTLS_E_PK_DECRYPTION_FAILED);
TLSHIM_SAME(pk_sign_failed, GNUTLS_E_PK_SIGN_FAILED);
TLSHIM_SAME(no_certificate_found, GNUTLS_E_NO_CERTIFICATE_FOUND);
TLSHIM_SAME(invalid_request, GNUTLS_E_INVALID_REQUEST);
TLSHIM_SAME(short_memory_buffer, GNUTLS_E_SHORT_MEMORY_BUFFER);
TLSHIM_SAME(interrupted, GNUTLS_E_INTERRUPTED);
TLSHIM_SAME(push_error, GNUTLS_E_PUSH_ERROR);
TLSHIM_SAME(pull_error, GNUTLS_E_PULL_ERROR);
TLSHIM_SAME(received_illegal_parameter, GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER);
TLSHIM_SAME(requested_data_not_available, GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
TLSHIM_SAME(pkcs1_wrong_pad, GNUTLS_E_PKCS1_WRONG_PAD);
TLSHIM_SAME(internal, GNUTLS_E_INTERNAL_ERROR);
TLSHIM_SAME(file_error, GNUTLS_E_FILE_ERROR);
TLSHIM_SAME(asn1_der_error, GNUTLS_E_ASN1_DER_ERROR);
TLSHIM_SAME(unknown_pk_algorithm, GNUTLS_E_UNKNOWN_PK_ALGORITHM);
TLSHIM_SAME(pk_sig_verify_failed, GNUTLS_E_PK_SIG_VERIFY_FAILED);
TLSHIM_SAME(unknown_hash_algorithm, GNUTLS_E_UNKNOWN_HASH_ALGORITHM);
TLSHIM_SAME(mac_verify_failed, GNUTLS_E_MAC_VERIFY_FAILED);
TLSHIM_SAME(unknown_algorithm, GNUTLS_E_UNKNOWN_ALGORITHM);
TLSHIM_SAME(unsupported_signature_algorithm, GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM);
TLSHIM_SAME(premature_termination, GNUTLS_E_PREMATURE_TERMINATION);
TLSHIM_SAME(base64_encoding, GNUTLS_E_BASE64_ENCODING_ERROR);
TLSHIM_SAME(random_failed, GNUTLS_E_RANDOM_FAILED);
TLSHIM_SAME(base64_unexpected_header, GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);
TLSHIM_SAME(timed_out, GNUTLS_E_TIMEDOUT);
TLSHIM_SAME(illegal_parameter, GNUTLS_E_ILLEGAL_PARAMETER);
TLSHIM_SAME(parsing_error, GNUTLS_E_PARSING_ERROR);
TLSHIM_SAME(self_test_error, GNUTLS_E_SELF_TEST_ERROR);
TLSHIM_SAME(lib_in_error_state, GNUTLS_E_LIB_IN_ERROR_STATE);
TLSHIM_SAME(invalid_utf8_string, GNUTLS_E_INVALID_UTF8_STRING);
TLSHIM_SAME(record_overflow, GNUTLS_E_RECORD_OVERFLOW);
TLSHIM_SAME(unimplemented, GNUTLS_E_UNIMPLEMENTED_FEATURE);
#undef TLSHIM_SAME

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
 *
 * Since: 3.7.9
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
 *
 * Since: 3.7.9
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
 *
 * Since: 3.7.9
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
 *
 * Since: 3.7.9
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
 *
 * Since: 3.7.9
 **/
TLSHIM_API int gnutls_error_to_alert(int err, int *level)
{
    return algo::error_to_alert(err, level);
}
