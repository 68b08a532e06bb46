// SPDX-License-Identifier: LGPL-2.1-or-later
// The object behind gnutls_dh_params_t.
//
// It keeps the numbers exactly as the application gave them (minus leading
// zero bytes), because the exports must hand back whatever was imported,
// even groups the key exchange would refuse.  `group` is the same group as
// the core sees it; it is only valid() when the numbers form a usable group
// (see tlshim::pk::DhParams::set), and the DHE engine must check that.
#pragma once

#include <gnutls/gnutls.h>

#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/pk/dh.hh"

struct gnutls_dh_params_int {
    // Minimal big-endian forms (zero is empty).
    std::vector<std::uint8_t> p, g, q;
    // False until something was imported.
    bool present = false;
    // The private exponent size in bits (PKCS #3 privateValueLength, the
    // key_bits of gnutls_dh_params_import_raw2, or the size of q); 0 when
    // unspecified.
    unsigned q_bits = 0;
    tlshim::pk::DhParams group;

    bool empty() const noexcept { return !present; }
    // Replaces the contents (and recomputes `group`).
    void assign(tlshim::Bytes prime, tlshim::Bytes generator, tlshim::Bytes order, unsigned bits);
};

namespace tlshim::api {

// The core group of application-owned parameters for the DHE engine, or
// null when there are none or they are not a usable group.
inline const pk::DhParams *dh_group(gnutls_dh_params_t params) noexcept
{
    return params != nullptr && params->group.valid() ? &params->group : nullptr;
}

}  // namespace tlshim::api
