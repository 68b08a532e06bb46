// SPDX-License-Identifier: LGPL-2.1-or-later
// Library life cycle and process-wide settings (time source, init count).
#pragma once

#include <ctime>

#include "core/error.hh"

namespace tlshim::global {

// Reference-counted initialisation.  The first init() prepares every
// subsystem (logging from the environment, the random generator); deinit()
// releases them when the count returns to zero.  The library initialises
// itself once when it is loaded, unless GNUTLS_NO_IMPLICIT_INIT (or the older
// GNUTLS_NO_EXPLICIT_INIT) is set to a non-zero value.
Err init() noexcept;
void deinit() noexcept;
int init_count() noexcept;

// The clock every validity check and timeout uses; the application may
// replace it (gnutls_global_set_time_function).
using TimeFunc = std::time_t (*)(std::time_t *);
void set_time_function(TimeFunc f) noexcept;
std::time_t now() noexcept;

// A monotonic clock in milliseconds for timeouts, replaceable for tests.
using MonotonicFunc = void (*)(struct timespec *);
void set_monotonic_function(MonotonicFunc f) noexcept;
unsigned long long monotonic_ms() noexcept;

// Subsystems that need set-up at init and tear-down at deinit register
// here (from their own translation units, at static-initialisation time).
struct Subsystem {
    const char *name;
    Err (*init)() noexcept;
    void (*deinit)() noexcept;
    Subsystem *next;
};
void register_subsystem(Subsystem &s) noexcept;

}  // namespace tlshim::global

// Declares a subsystem; its registration runs before the load-time
// initialisation (constructor priorities order them within the library).
#define TLSHIM_SUBSYSTEM(id, initfn, deinitfn)                                   \
    namespace {                                                                  \
    ::tlshim::global::Subsystem tlshim_subsystem_##id{#id, initfn, deinitfn,     \
                                                      nullptr};                  \
    __attribute__((constructor(150))) void tlshim_register_##id()                \
    {                                                                            \
        ::tlshim::global::register_subsystem(tlshim_subsystem_##id);             \
    }                                                                            \
    }

namespace tlshim::global {

}  // namespace tlshim::global
