// SPDX-License-Identifier: LGPL-2.1-or-later
// The two memory primitives of the public API (gnutls_memset and
// gnutls_memcmp), next to core/secret.hh's secure_wipe and ct_memcmp.
#pragma once

#include <cstddef>

namespace tlshim::encoding {

// Fills len bytes at p with the byte value c; the compiler may not elide it
// even when the memory is not read afterwards.
void secure_fill(void *p, int c, std::size_t len) noexcept;

// Constant-time comparison: the bitwise OR of a[i] ^ b[i] over all bytes,
// so 0 when the ranges are equal and a value in 1..255 otherwise.  (This is
// the value gnutls_memcmp() returns; ct_memcmp() only tells equal or not.)
int ct_difference(const void *a, const void *b, std::size_t len) noexcept;

}  // namespace tlshim::encoding
