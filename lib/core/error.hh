// SPDX-License-Identifier: LGPL-2.1-or-later
// Error values of the C++ core.
//
// The core never includes the public GnuTLS headers.  Its error type is a
// scoped enum whose numeric values are the ones the GnuTLS ABI gives the
// corresponding GNUTLS_E_* codes, so that the C facade maps a core result to
// the public code with api::to_gnutls() (a cast, checked by static_asserts
// in lib/api/errors_map.cc against the public header).
#pragma once

namespace tlshim {

enum class Err : int {
    ok = 0,
    unsupported_version = -8,
    unexpected_packet_length = -9,
    invalid_session = -10,
    fatal_alert_received = -12,
    unexpected_packet = -15,
    warning_alert_received = -16,
    error_in_finished = -18,
    unexpected_handshake_packet = -19,
    decryption_failed = -24,
    memory = -25,
    again = -28,
    expired = -29,
    db_error = -30,
    insufficient_credentials = -32,
    hash_failed = -33,
    base64_decoding = -34,
    rehandshake = -37,
    got_application_data = -38,
    record_limit_reached = -39,
    encryption_failed = -40,
    certificate_error = -43,
    pk_encryption_failed = -44,
    pk_decryption_failed = -45,
    pk_sign_failed = -46,
    no_certificate_found = -49,
    invalid_request = -50,
    short_memory_buffer = -51,
    interrupted = -52,
    push_error = -53,
    pull_error = -54,
    received_illegal_parameter = -55,
    requested_data_not_available = -56,
    pkcs1_wrong_pad = -57,
    internal = -59,
    file_error = -64,
    asn1_der_error = -69,
    unknown_pk_algorithm = -80,
    pk_sig_verify_failed = -89,
    unknown_hash_algorithm = -96,
    mac_verify_failed = -100,
    unknown_algorithm = -105,
    unsupported_signature_algorithm = -106,
    premature_termination = -110,
    base64_encoding = -201,
    random_failed = -206,
    base64_unexpected_header = -207,
    timed_out = -319,
    illegal_parameter = -325,
    parsing_error = -302,
    self_test_error = -400,
    lib_in_error_state = -402,
    invalid_utf8_string = -412,
    record_overflow = -417,
    unimplemented = -1250,
};

// True when the value is a success.
constexpr bool ok(Err e) noexcept { return e == Err::ok; }

}  // namespace tlshim
