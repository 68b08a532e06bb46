// SPDX-License-Identifier: LGPL-2.1-or-later
// The table of error codes: GnuTLS's symbolic name of each code, tlshim's
// own description of it, whether GnuTLS treats it as fatal, and the alert a
// TLS peer is sent when a handshake fails with it.
#pragma once

#include <cstdint>
#include <span>

namespace tlshim::algo {

struct ErrorInfo {
    int code;
    const char *name;     // "GNUTLS_E_..."
    const char *message;  // a one-line description (tlshim's wording)
    bool fatal;           // the session cannot continue after it
    std::uint8_t alert;   // gnutls_alert_description_t to send
    std::uint8_t level;   // gnutls_alert_level_t of that alert
};

// Every named code, from 0 downwards.
std::span<const ErrorInfo> error_table() noexcept;
const ErrorInfo *error_info(int code) noexcept;
// The description of a code; a fixed text for codes without one.
const char *error_message(int code) noexcept;
// The text reported for codes that are not known.
const char *unknown_error_message() noexcept;
// Positive values and success are not fatal; unknown negative codes are.
bool error_is_fatal(int code) noexcept;
// The alert (and its level, when `level` is not null) for a failure.
int error_to_alert(int code, int *level) noexcept;

}  // namespace tlshim::algo
