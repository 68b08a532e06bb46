// SPDX-License-Identifier: LGPL-2.1-or-later
// Library-wide logging: the application's log and audit callbacks and the
// log level.  Messages are formatted only when their level is enabled.
#pragma once

#include <cstdarg>

// ABI-visible log level (GnuTLS exports it as _gnutls_log_level; its storage
// is defined with the other exported objects in lib/api/data.cc).
extern "C" int _gnutls_log_level;

namespace tlshim::log {

using LogFunc = void (*)(int level, const char *msg);
using AuditFunc = void (*)(void *session, const char *msg);

void set_function(LogFunc f) noexcept;
void set_audit_function(AuditFunc f) noexcept;
void set_level(int level) noexcept;
inline int level() noexcept { return _gnutls_log_level; }
inline bool enabled(int lvl) noexcept { return _gnutls_log_level >= lvl; }

// Level 2 is GnuTLS's "debug" level; 3+ are handshake, record and buffer detail.
void write(int lvl, const char *fmt, ...) noexcept __attribute__((format(printf, 2, 3)));
void vwrite(int lvl, const char *fmt, va_list ap) noexcept;
// An audit message (a security-relevant event) about a session (may be null).
void audit(void *session, const char *fmt, ...) noexcept __attribute__((format(printf, 2, 3)));

// Applies GNUTLS_DEBUG_LEVEL from the environment (called at initialisation).
void init_from_environment() noexcept;

}  // namespace tlshim::log

#define TLSHIM_DEBUG(...)                          \
    do {                                           \
        if (::tlshim::log::enabled(2))             \
            ::tlshim::log::write(2, __VA_ARGS__);  \
    } while (0)
