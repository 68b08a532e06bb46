// SPDX-License-Identifier: LGPL-2.1-or-later
// Error values of the C++ core.
//
// The core's error type is a scoped enum whose numeric values are the ones
// the GnuTLS ABI gives the corresponding GNUTLS_E_* codes, so the C facade
// maps a core result to the public code with api::to_gnutls() (a cast).
// TLSHIM_ERRORS is the one list: the enum is generated from it here, and
// lib/api/api.cc checks every value against the public header at compile
// time.  To add an error: one X(name, GNUTLS_E_NAME, value) line.
#pragma once

#define TLSHIM_ERRORS(X) \
    X(ok, GNUTLS_E_SUCCESS, 0) \
    X(unsupported_version, GNUTLS_E_UNSUPPORTED_VERSION_PACKET, -8) \
    X(unexpected_packet_length, GNUTLS_E_UNEXPECTED_PACKET_LENGTH, -9) \
    X(invalid_session, GNUTLS_E_INVALID_SESSION, -10) \
    X(fatal_alert_received, GNUTLS_E_FATAL_ALERT_RECEIVED, -12) \
    X(unexpected_packet, GNUTLS_E_UNEXPECTED_PACKET, -15) \
    X(warning_alert_received, GNUTLS_E_WARNING_ALERT_RECEIVED, -16) \
    X(error_in_finished, GNUTLS_E_ERROR_IN_FINISHED_PACKET, -18) \
    X(unexpected_handshake_packet, GNUTLS_E_UNEXPECTED_HANDSHAKE_PACKET, -19) \
    X(unknown_cipher_suite, GNUTLS_E_UNKNOWN_CIPHER_SUITE, -21) \
    X(decryption_failed, GNUTLS_E_DECRYPTION_FAILED, -24) \
    X(memory, GNUTLS_E_MEMORY_ERROR, -25) \
    X(again, GNUTLS_E_AGAIN, -28) \
    X(expired, GNUTLS_E_EXPIRED, -29) \
    X(db_error, GNUTLS_E_DB_ERROR, -30) \
    X(insufficient_credentials, GNUTLS_E_INSUFFICIENT_CREDENTIALS, -32) \
    X(hash_failed, GNUTLS_E_HASH_FAILED, -33) \
    X(base64_decoding, GNUTLS_E_BASE64_DECODING_ERROR, -34) \
    X(rehandshake, GNUTLS_E_REHANDSHAKE, -37) \
    X(got_application_data, GNUTLS_E_GOT_APPLICATION_DATA, -38) \
    X(record_limit_reached, GNUTLS_E_RECORD_LIMIT_REACHED, -39) \
    X(encryption_failed, GNUTLS_E_ENCRYPTION_FAILED, -40) \
    X(certificate_error, GNUTLS_E_CERTIFICATE_ERROR, -43) \
    X(pk_encryption_failed, GNUTLS_E_PK_ENCRYPTION_FAILED, -44) \
    X(pk_decryption_failed, GNUTLS_E_PK_DECRYPTION_FAILED, -45) \
    X(pk_sign_failed, GNUTLS_E_PK_SIGN_FAILED, -46) \
    X(no_certificate_found, GNUTLS_E_NO_CERTIFICATE_FOUND, -49) \
    X(invalid_request, GNUTLS_E_INVALID_REQUEST, -50) \
    X(short_memory_buffer, GNUTLS_E_SHORT_MEMORY_BUFFER, -51) \
    X(interrupted, GNUTLS_E_INTERRUPTED, -52) \
    X(push_error, GNUTLS_E_PUSH_ERROR, -53) \
    X(pull_error, GNUTLS_E_PULL_ERROR, -54) \
    X(received_illegal_parameter, GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER, -55) \
    X(requested_data_not_available, GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE, -56) \
    X(pkcs1_wrong_pad, GNUTLS_E_PKCS1_WRONG_PAD, -57) \
    X(internal, GNUTLS_E_INTERNAL_ERROR, -59) \
    X(dh_prime_unacceptable, GNUTLS_E_DH_PRIME_UNACCEPTABLE, -63) \
    X(file_error, GNUTLS_E_FILE_ERROR, -64) \
    X(x509_unknown_san, GNUTLS_E_X509_UNKNOWN_SAN, -62) \
    X(asn1_element_not_found, GNUTLS_E_ASN1_ELEMENT_NOT_FOUND, -67) \
    X(asn1_identifier_not_found, GNUTLS_E_ASN1_IDENTIFIER_NOT_FOUND, -68) \
    X(asn1_der_error, GNUTLS_E_ASN1_DER_ERROR, -69) \
    X(asn1_value_not_found, GNUTLS_E_ASN1_VALUE_NOT_FOUND, -70) \
    X(asn1_generic_error, GNUTLS_E_ASN1_GENERIC_ERROR, -71) \
    X(asn1_value_not_valid, GNUTLS_E_ASN1_VALUE_NOT_VALID, -72) \
    X(asn1_tag_error, GNUTLS_E_ASN1_TAG_ERROR, -73) \
    X(asn1_tag_implicit, GNUTLS_E_ASN1_TAG_IMPLICIT, -74) \
    X(asn1_type_any_error, GNUTLS_E_ASN1_TYPE_ANY_ERROR, -75) \
    X(asn1_syntax_error, GNUTLS_E_ASN1_SYNTAX_ERROR, -76) \
    X(asn1_der_overflow, GNUTLS_E_ASN1_DER_OVERFLOW, -77) \
    X(unknown_pk_algorithm, GNUTLS_E_UNKNOWN_PK_ALGORITHM, -80) \
    X(pk_sig_verify_failed, GNUTLS_E_PK_SIG_VERIFY_FAILED, -89) \
    X(unknown_hash_algorithm, GNUTLS_E_UNKNOWN_HASH_ALGORITHM, -96) \
    X(mac_verify_failed, GNUTLS_E_MAC_VERIFY_FAILED, -100) \
    X(unknown_algorithm, GNUTLS_E_UNKNOWN_ALGORITHM, -105) \
    X(unsupported_signature_algorithm, GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM, -106) \
    X(premature_termination, GNUTLS_E_PREMATURE_TERMINATION, -110) \
    X(base64_encoding, GNUTLS_E_BASE64_ENCODING_ERROR, -201) \
    X(random_failed, GNUTLS_E_RANDOM_FAILED, -206) \
    X(base64_unexpected_header, GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR, -207) \
    X(timed_out, GNUTLS_E_TIMEDOUT, -319) \
    X(illegal_parameter, GNUTLS_E_ILLEGAL_PARAMETER, -325) \
    X(no_priorities_were_set, GNUTLS_E_NO_PRIORITIES_WERE_SET, -326) \
    X(parsing_error, GNUTLS_E_PARSING_ERROR, -302) \
    X(ecc_unsupported_curve, GNUTLS_E_ECC_UNSUPPORTED_CURVE, -322) \
    X(self_test_error, GNUTLS_E_SELF_TEST_ERROR, -400) \
    X(no_self_test, GNUTLS_E_NO_SELF_TEST, -401) \
    X(lib_in_error_state, GNUTLS_E_LIB_IN_ERROR_STATE, -402) \
    X(invalid_utf8_string, GNUTLS_E_INVALID_UTF8_STRING, -412) \
    X(record_overflow, GNUTLS_E_RECORD_OVERFLOW, -417) \
    X(handshake_too_large, GNUTLS_E_HANDSHAKE_TOO_LARGE, -210) \
    X(unavailable_during_handshake, GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE, -408) \
    X(certificate_time_error, GNUTLS_E_CERTIFICATE_TIME_ERROR, -416) \
    X(asn1_time_error, GNUTLS_E_ASN1_TIME_ERROR, -418) \
    X(x509_duplicate_extension, GNUTLS_E_X509_DUPLICATE_EXTENSION, -430) \
    X(unknown_cipher_type, GNUTLS_E_UNKNOWN_CIPHER_TYPE, -6) \
    X(invalid_password, GNUTLS_E_INVALID_PASSWORD, -99) \
    X(constraint_error, GNUTLS_E_CONSTRAINT_ERROR, -101) \
    X(insufficient_security, GNUTLS_E_INSUFFICIENT_SECURITY, -217) \
    X(key_import_failed, GNUTLS_E_KEY_IMPORT_FAILED, -346) \
    X(asn1_embedded_null_in_string, GNUTLS_E_ASN1_EMBEDDED_NULL_IN_STRING, -351) \
    X(pk_generation_error, GNUTLS_E_PK_GENERATION_ERROR, -403) \
    X(pk_invalid_pubkey, GNUTLS_E_PK_INVALID_PUBKEY, -409) \
    X(pk_invalid_privkey, GNUTLS_E_PK_INVALID_PRIVKEY, -410) \
    X(received_illegal_extension, GNUTLS_E_RECEIVED_ILLEGAL_EXTENSION, -58) \
    X(unexpected_extensions_length, GNUTLS_E_UNEXPECTED_EXTENSIONS_LENGTH, -350) \
    X(missing_extension, GNUTLS_E_MISSING_EXTENSION, -427) \
    X(certificate_required, GNUTLS_E_CERTIFICATE_REQUIRED, -112) \
    X(no_cipher_suites, GNUTLS_E_NO_CIPHER_SUITES, -87) \
    X(no_common_key_share, GNUTLS_E_NO_COMMON_KEY_SHARE, -423) \
    X(no_application_protocol, GNUTLS_E_NO_APPLICATION_PROTOCOL, -344) \
    X(certificate_verification_error, GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR, -348) \
    X(channel_binding_not_available, GNUTLS_E_CHANNEL_BINDING_NOT_AVAILABLE, -213) \
    X(reauth_request, GNUTLS_E_REAUTH_REQUEST, -424) \
    X(safe_renegotiation_failed, GNUTLS_E_SAFE_RENEGOTIATION_FAILED, -107) \
    X(unsafe_renegotiation_denied, GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED, -108) \
    X(session_user_id_changed, GNUTLS_E_SESSION_USER_ID_CHANGED, -406) \
    X(inappropriate_fallback, GNUTLS_E_INAPPROPRIATE_FALLBACK, -347) \
    X(key_usage_violation, GNUTLS_E_KEY_USAGE_VIOLATION, -48) \
    X(srp_pwd_error, GNUTLS_E_KEYFILE_ERROR, -31) \
    X(unimplemented, GNUTLS_E_UNIMPLEMENTED_FEATURE, -1250)

namespace tlshim {

enum class Err : int {
#define TLSHIM_ERR_ENUM(name, code, value) name = value,
    TLSHIM_ERRORS(TLSHIM_ERR_ENUM)
#undef TLSHIM_ERR_ENUM
};

// True when the value is a success.
constexpr bool ok(Err e) noexcept { return e == Err::ok; }

}  // namespace tlshim
