// SPDX-License-Identifier: LGPL-2.1-or-later
// Big integers for the public-key core: a GMP integer that wipes its limbs
// before it gives them back, big-endian import/export, and the bridge that
// lets Nettle draw from the library's random generator.
#pragma once

#include <gmp.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/secret.hh"

namespace tlshim::pk {

// Overwrites every allocated limb of z (its value becomes garbage; callers
// clear or reassign it afterwards).
void wipe_limbs(mpz_ptr z) noexcept;

class Mpz {
public:
    Mpz() noexcept { mpz_init(z_); }
    explicit Mpz(Bytes big_endian) noexcept : Mpz() { set_bytes(big_endian); }
    Mpz(const Mpz &) = delete;
    Mpz &operator=(const Mpz &) = delete;
    ~Mpz()
    {
        wipe_limbs(z_);
        mpz_clear(z_);
    }

    mpz_ptr get() noexcept { return z_; }
    mpz_srcptr get() const noexcept { return z_; }

    // Sets the value from an unsigned big-endian byte string (empty = 0).
    void set_bytes(Bytes big_endian) noexcept;
    // Sets the value to 0 and wipes the limbs that held the old one.
    void wipe() noexcept;
    // Number of bytes of the minimal big-endian form (0 for zero).
    std::size_t byte_size() const noexcept;
    // Writes the value big-endian, left-padded with zeros to exactly
    // out.size() bytes; false (nothing written) when it does not fit or is negative.
    bool to_bytes(MutableBytes out) const noexcept;
    // The minimal big-endian form (empty for zero).
    SecretBytes bytes() const;
    // The value left-padded to len bytes (empty when it does not fit).
    SecretBytes bytes(std::size_t len) const;

private:
    mpz_t z_;
};

// Passes Nettle's random callback through to tlshim::crypto::random() at
// the key level.  Nettle cannot report a failure, so the first one is
// recorded here and the operation is failed afterwards.
struct NettleRandom {
    Err status = Err::ok;
    static void fill(void *ctx, std::size_t len, std::uint8_t *dst) noexcept;
};

// Big-endian unsigned length of a byte string without its leading zeros.
Bytes strip_leading_zeros(Bytes b) noexcept;

}  // namespace tlshim::pk
