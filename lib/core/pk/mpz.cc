// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/pk/mpz.hh"

#include <cstring>

#include "core/crypto/random.hh"

namespace tlshim::pk {

void wipe_limbs(mpz_ptr z) noexcept
{
    if (z->_mp_alloc > 0 && z->_mp_d != nullptr)
        secure_wipe(z->_mp_d, static_cast<std::size_t>(z->_mp_alloc) * sizeof(mp_limb_t));
}

void Mpz::set_bytes(Bytes big_endian) noexcept
{
    wipe();
    if (!big_endian.empty())
        mpz_import(z_, big_endian.size(), 1, 1, 1, 0, big_endian.data());
}

void Mpz::wipe() noexcept
{
    wipe_limbs(z_);
    mpz_set_ui(z_, 0);
}

std::size_t Mpz::byte_size() const noexcept
{
    if (mpz_sgn(z_) == 0)
        return 0;
    return (mpz_sizeinbase(z_, 2) + 7) / 8;
}

bool Mpz::to_bytes(MutableBytes out) const noexcept
{
    if (mpz_sgn(z_) < 0)
        return false;
    std::size_t n = byte_size();
    if (n > out.size())
        return false;
    if (out.size() > n)
        std::memset(out.data(), 0, out.size() - n);
    if (n > 0) {
        std::size_t written = 0;
        mpz_export(out.data() + (out.size() - n), &written, 1, 1, 1, 0, z_);
    }
    return true;
}

SecretBytes Mpz::bytes() const
{
    SecretBytes out(byte_size());
    to_bytes(out);
    return out;
}

SecretBytes Mpz::bytes(std::size_t len) const
{
    SecretBytes out(len);
    if (!to_bytes(out))
        out.clear();
    return out;
}

void NettleRandom::fill(void *ctx, std::size_t len, std::uint8_t *dst) noexcept
{
    auto *self = static_cast<NettleRandom *>(ctx);
    Err e = crypto::random(crypto::RandomLevel::key, MutableBytes(dst, len));
    if (e != Err::ok) {
        // Never leave Nettle with predictable bytes silently: remember the failure.
        if (self->status == Err::ok)
            self->status = e;
    }
}

Bytes strip_leading_zeros(Bytes b) noexcept
{
    std::size_t i = 0;
    while (i < b.size() && b[i] == 0)
        ++i;
    return b.subspan(i);
}

}  // namespace tlshim::pk
