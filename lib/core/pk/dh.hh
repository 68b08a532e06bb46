// SPDX-License-Identifier: LGPL-2.1-or-later
// Finite-field Diffie-Hellman with GMP: group parameters (the RFC 7919
// FFDHE groups built in, or arbitrary p, g, q), key generation with the
// group's recommended private-exponent size, peer value validation and
// the shared secret.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/pk/mpz.hh"
#include "core/secret.hh"

namespace tlshim::pk {

// An RFC 7919 group: its prime (big-endian), generator 2, and the private
// exponent size in bits used for it.
struct FfdheGroup {
    unsigned bits;
    unsigned key_bits;
    Bytes prime;
    Bytes generator;
    // (p-1)/2, the order of the generator's subgroup.
    Bytes q;
};

// The group of 2048/3072/4096/6144/8192 bits, or null.
const FfdheGroup *ffdhe_group(unsigned bits) noexcept;
// Same, by TLS group id (GNUTLS_GROUP_FFDHE2048 ...), or null.
const FfdheGroup *ffdhe_group(gnutls_group_t group) noexcept;

class DhParams {
public:
    // Arbitrary parameters: q may be empty (then peer values get only the
    // range check); key_bits 0 means "derived from the prime's size".
    Err set(Bytes p, Bytes g, Bytes q, unsigned key_bits = 0) noexcept;
    Err set_ffdhe(unsigned bits) noexcept;

    bool valid() const noexcept { return valid_; }
    const Mpz &p() const noexcept { return p_; }
    const Mpz &g() const noexcept { return g_; }
    const Mpz &q() const noexcept { return q_; }
    bool has_q() const noexcept { return mpz_sgn(q_.get()) > 0; }
    unsigned key_bits() const noexcept { return key_bits_; }
    // Length of p in bytes.
    std::size_t size() const noexcept { return p_.byte_size(); }

    // Peer public value checks: 1 < y < p-1, and y^q = 1 mod p when q is known.
    Err check_public(const Mpz &y) const noexcept;

private:
    Mpz p_, g_, q_;
    unsigned key_bits_ = 0;
    bool valid_ = false;
};

class DhKey {
public:
    // A private exponent of params.key_bits() random bits (below q when
    // known, at least 2) and y = g^x mod p.
    Err generate(const DhParams &params) noexcept;
    // Imports a private exponent (and computes y).
    Err import_private(const DhParams &params, Bytes x) noexcept;

    bool valid() const noexcept { return valid_; }
    const Mpz &x() const noexcept { return x_; }
    const Mpz &y() const noexcept { return y_; }
    // y left-padded to the size of p.
    SecretBytes public_value(const DhParams &params) const;

private:
    Mpz x_, y_;
    bool valid_ = false;
};

// The shared secret peer_y^x mod p after checking the peer value.  With
// pad, it is left-padded to the length of p (TLS 1.3, RFC 8446 7.4.1);
// without, leading zeros are stripped (TLS 1.2, RFC 5246 8.1.2).
Err dh_shared(const DhParams &params, const DhKey &ours, Bytes peer_y, bool pad, SecretBytes &shared);

}  // namespace tlshim::pk
