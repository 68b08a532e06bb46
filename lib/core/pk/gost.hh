// SPDX-License-Identifier: LGPL-2.1-or-later
// GOST R 34.10-2001/2012 on Nettle's gostdsa: signatures over a digest and
// the VKO key agreement, on the curves gost_curve() knows (gc256b and
// gc512a).  Keys are pk::EcKey/EcPoint on those curves, big-endian inside;
// the little-endian forms of the wire and of the raw key API are converted
// with reversed().
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/pk/ecc.hh"
#include "core/pk/mpz.hh"
#include "core/secret.hh"

namespace tlshim::pk {

// The bytes of `in` in the opposite order (big- <-> little-endian).
SecretBytes reversed(Bytes in);

// A signature over `digest` (the hash output as the hash function wrote
// it); the signature is s || r, each big-endian and padded to the curve's
// length (RFC 4491 section 2.2.2; 64 or 128 bytes).
Err gost_sign(const EcKey &key, Bytes digest, std::vector<std::uint8_t> &sig);
Err gost_sign(const EcKey &key, Bytes digest, Mpz &r, Mpz &s) noexcept;
// Err::pk_sig_verify_failed for a bad signature or one of the wrong length.
Err gost_verify(const EcPoint &pub, Bytes digest, Bytes sig) noexcept;
Err gost_verify(const EcPoint &pub, Bytes digest, const Mpz &r, const Mpz &s) noexcept;

// s || r of (r, s) for a curve of `len`-byte scalars, and back.
Err gost_sig_encode(const Mpz &r, const Mpz &s, std::size_t len, std::vector<std::uint8_t> &sig);
Err gost_sig_decode(Bytes sig, Mpz &r, Mpz &s) noexcept;

// The same at the byte level, for values of any (equal) length as given:
// s || r, Err::illegal_parameter when r and s differ in length; and the
// halves back (second half r, first half s), Err::parsing_error for an odd
// length.
Err gost_rs_join(Bytes r, Bytes s, std::vector<std::uint8_t> &sig);
Err gost_rs_split(Bytes sig, std::vector<std::uint8_t> &r, std::vector<std::uint8_t> &s);

// The shared point of VKO (RFC 7836 section 4.3.1): (ukm * d) * peer,
// where ukm is read as a little-endian integer (zero counts as one), as
// LE(X) || LE(Y), twice the curve's length.  Both curves Nettle has have
// cofactor 1.  The caller hashes it into the KEK.
Err gost_vko_point(const EcKey &ours, const EcPoint &peer, Bytes ukm, SecretBytes &point);

}  // namespace tlshim::pk
