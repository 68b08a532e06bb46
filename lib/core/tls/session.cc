// SPDX-License-Identifier: LGPL-2.1-or-later
// TLS session (see session.hh).
#include "core/tls/session.hh"

#include "core/tls/handshake.hh"
#include "core/tls/reauth13.hh"

namespace tlshim::tls {

Session::Session(unsigned flags) : flags_(flags)
{
    transport().no_signal = (flags & GNUTLS_NO_SIGNAL) != 0;
    // Until a descriptor or pointer is set the transport is -1, as GnuTLS
    // reports it.
    transport().set_int(-1, -1);
}

Session::~Session() = default;

}  // namespace tlshim::tls
