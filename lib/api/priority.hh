// SPDX-License-Identifier: LGPL-2.1-or-later
// The object behind gnutls_priority_t.  It only holds a reference to the
// immutable core priority: a session that was given these priorities takes
// its own reference, so the application may release the handle while
// sessions still use it.
#pragma once

#include "core/tls/priority.hh"

struct gnutls_priority_st {
    tlshim::tls::PriorityPtr prio;
};
