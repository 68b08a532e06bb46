// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/pk/dh.hh"

#include <array>

#include "core/crypto/random.hh"
#include "core/pk/ffdhe.hh"

namespace tlshim::pk {

namespace {

using namespace ffdhe;
static_assert(kP2048.size() == 256 && kP8192.size() == 1024);

const FfdheGroup kGroups[] = {
    {2048, kKeyBits2048, kP2048, kTwo, kQ2048},
    {3072, kKeyBits3072, kP3072, kTwo, kQ3072},
    {4096, kKeyBits4096, kP4096, kTwo, kQ4096},
    {6144, kKeyBits6144, kP6144, kTwo, kQ6144},
    {8192, kKeyBits8192, kP8192, kTwo, kQ8192},
};

}  // namespace

const FfdheGroup *ffdhe_group(unsigned bits) noexcept
{
    for (const auto &g : kGroups)
        if (g.bits == bits)
            return &g;
    return nullptr;
}

const FfdheGroup *ffdhe_group(gnutls_group_t group) noexcept
{
    switch (group) {
    case GNUTLS_GROUP_FFDHE2048: return ffdhe_group(2048u);
    case GNUTLS_GROUP_FFDHE3072: return ffdhe_group(3072u);
    case GNUTLS_GROUP_FFDHE4096: return ffdhe_group(4096u);
    case GNUTLS_GROUP_FFDHE6144: return ffdhe_group(6144u);
    case GNUTLS_GROUP_FFDHE8192: return ffdhe_group(8192u);
    default: return nullptr;
    }
}

// --- parameters ----------------------------------------------------------------

Err DhParams::set(Bytes p, Bytes g, Bytes q, unsigned key_bits) noexcept
{
    valid_ = false;
    p_.set_bytes(p);
    g_.set_bytes(g);
    q_.set_bytes(q);
    // p odd and of a useful size, 1 < g < p-1, q (if any) below p.
    Mpz pm1;
    mpz_sub_ui(pm1.get(), p_.get(), 1);
    if (mpz_sizeinbase(p_.get(), 2) < 512 || mpz_even_p(p_.get()) || mpz_cmp_ui(g_.get(), 1) <= 0 ||
        mpz_cmp(g_.get(), pm1.get()) >= 0 || (mpz_sgn(q_.get()) != 0 && mpz_cmp(q_.get(), p_.get()) >= 0))
        return Err::invalid_request;
    if (key_bits == 0) {
        // Without a recommendation: the subgroup order's size, or (for
        // unknown q) a conservative fixed size for the prime's strength.
        std::size_t pbits = mpz_sizeinbase(p_.get(), 2);
        key_bits = mpz_sgn(q_.get()) != 0 ? mpz_sizeinbase(q_.get(), 2)
                   : pbits <= 2048       ? 256
                   : pbits <= 3072       ? 276
                   : pbits <= 4096       ? 336
                   : pbits <= 6144       ? 376
                                         : 512;
    }
    if (key_bits < 2 || key_bits > mpz_sizeinbase(p_.get(), 2))
        return Err::invalid_request;
    key_bits_ = key_bits;
    valid_ = true;
    return Err::ok;
}

Err DhParams::set_ffdhe(unsigned bits) noexcept
{
    const FfdheGroup *grp = ffdhe_group(bits);
    if (!grp) {
        valid_ = false;
        return Err::invalid_request;
    }
    return set(grp->prime, grp->generator, grp->q, grp->key_bits);
}

Err DhParams::check_public(const Mpz &y) const noexcept
{
    if (!valid_)
        return Err::invalid_request;
    Mpz pm1;
    mpz_sub_ui(pm1.get(), p_.get(), 1);
    if (mpz_cmp_ui(y.get(), 1) <= 0 || mpz_cmp(y.get(), pm1.get()) >= 0)
        return Err::received_illegal_parameter;
    if (has_q()) {
        Mpz r;
        mpz_powm(r.get(), y.get(), q_.get(), p_.get());
        if (mpz_cmp_ui(r.get(), 1) != 0)
            return Err::received_illegal_parameter;
    }
    return Err::ok;
}

// --- keys ----------------------------------------------------------------------

Err DhKey::generate(const DhParams &params) noexcept
{
    valid_ = false;
    if (!params.valid())
        return Err::invalid_request;
    unsigned bits = params.key_bits();
    FixedSecret<1024> buf;
    std::size_t len = (bits + 7) / 8;
    if (!buf.resize(len))
        return Err::invalid_request;
    for (int attempt = 0; attempt < 64; ++attempt) {
        Err e = crypto::random(crypto::RandomLevel::key, buf.span());
        if (e != Err::ok)
            return e;
        if (bits % 8)
            buf.data()[0] &= static_cast<std::uint8_t>((1u << (bits % 8)) - 1);
        x_.set_bytes(buf.span());
        if (mpz_cmp_ui(x_.get(), 1) <= 0)
            continue;
        if (params.has_q() && mpz_cmp(x_.get(), params.q().get()) >= 0)
            continue;
        mpz_powm_sec(y_.get(), params.g().get(), x_.get(), params.p().get());
        valid_ = true;
        return Err::ok;
    }
    x_.wipe();
    return Err::random_failed;
}

Err DhKey::import_private(const DhParams &params, Bytes x) noexcept
{
    valid_ = false;
    if (!params.valid())
        return Err::invalid_request;
    x_.set_bytes(x);
    Mpz pm1;
    mpz_sub_ui(pm1.get(), params.p().get(), 1);
    if (mpz_cmp_ui(x_.get(), 1) <= 0 || mpz_cmp(x_.get(), pm1.get()) >= 0) {
        x_.wipe();
        return Err::illegal_parameter;
    }
    mpz_powm_sec(y_.get(), params.g().get(), x_.get(), params.p().get());
    valid_ = true;
    return Err::ok;
}

SecretBytes DhKey::public_value(const DhParams &params) const { return y_.bytes(params.size()); }

Err dh_shared(const DhParams &params, const DhKey &ours, Bytes peer_y, bool pad, SecretBytes &shared)
{
    if (!params.valid() || !ours.valid())
        return Err::invalid_request;
    if (peer_y.size() > params.size())
        return Err::received_illegal_parameter;
    Mpz y(peer_y);
    Err e = params.check_public(y);
    if (e != Err::ok)
        return e;
    Mpz z;
    mpz_powm_sec(z.get(), y.get(), ours.x().get(), params.p().get());
    // z is never 0 or 1 for a checked y and x < q, but refuse it anyway.
    if (mpz_cmp_ui(z.get(), 1) <= 0)
        return Err::received_illegal_parameter;
    shared = pad ? z.bytes(params.size()) : z.bytes();
    return shared.empty() ? Err::internal : Err::ok;
}

}  // namespace tlshim::pk
