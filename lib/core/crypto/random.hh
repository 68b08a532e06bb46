// SPDX-License-Identifier: LGPL-2.1-or-later
// The library's random generator.
//
// Each thread has its own ChaCha20-based generators (one for nonces, one for
// keys and other secret randomness), seeded from getrandom(2).  After every
// request the generator replaces its own key with fresh keystream, so a
// later compromise of the state does not reveal earlier output.  A
// generator reseeds from the kernel when the process has forked (the pid
// changed), after a fixed amount of output or time, and when refresh() is
// called.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::crypto {

enum class RandomLevel : int { nonce = 0, random = 1, key = 2 };

// Fills `out`; Err::random_failed when the kernel source fails or the level is unknown.
Err random(RandomLevel level, MutableBytes out) noexcept;
Err random(int level, void *out, std::size_t len) noexcept;

// Makes every thread's generators reseed before their next output.
void random_refresh() noexcept;

}  // namespace tlshim::crypto
