// SPDX-License-Identifier: LGPL-2.1-or-later
// Self tests of the crypto layer against the vectors of kat.hh.
//
// Each function tests one algorithm, or every algorithm that has vectors
// when `all` is set or the algorithm is the "unknown" value 0 (as GnuTLS
// does).  Results: Err::ok, Err::self_test_error when an answer is wrong,
// Err::no_self_test for an algorithm without vectors.
#pragma once

#include <gnutls/gnutls.h>

#include "core/error.hh"

namespace tlshim::crypto {

Err digest_self_test(bool all, gnutls_digest_algorithm_t alg);
Err mac_self_test(bool all, gnutls_mac_algorithm_t alg);
Err cipher_self_test(bool all, gnutls_cipher_algorithm_t alg);
Err hkdf_self_test(bool all, gnutls_mac_algorithm_t mac);
Err pbkdf2_self_test(bool all, gnutls_mac_algorithm_t mac);

}  // namespace tlshim::crypto
