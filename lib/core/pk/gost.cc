// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/pk/gost.hh"

#include <nettle/dsa.h>
#include <nettle/gostdsa.h>

#include <algorithm>

namespace tlshim::pk {

namespace {

std::size_t curve_len(gnutls_ecc_curve_t c) noexcept
{
    return gost_curve(c) ? ec_curve_bytes(c) : 0;
}

}  // namespace

SecretBytes reversed(Bytes in)
{
    SecretBytes out(in.rbegin(), in.rend());
    return out;
}

Err gost_sign(const EcKey &key, Bytes digest, Mpz &r, Mpz &s) noexcept
{
    if (!key.has_private() || digest.empty() || curve_len(key.curve()) == 0)
        return Err::invalid_request;
    DsaSig sig;
    NettleRandom rng;
    ::gostdsa_sign(key.priv().nettle(), &rng, NettleRandom::fill, digest.size(), digest.data(), &sig.sig);
    if (rng.status != Err::ok)
        return rng.status;
    mpz_set(r.get(), sig.sig.r);
    mpz_set(s.get(), sig.sig.s);
    return Err::ok;
}

Err gost_sign(const EcKey &key, Bytes digest, std::vector<std::uint8_t> &sig)
{
    Mpz r, s;
    if (Err e = gost_sign(key, digest, r, s); e != Err::ok)
        return e;
    return gost_sig_encode(r, s, curve_len(key.curve()), sig);
}

Err gost_verify(const EcPoint &pub, Bytes digest, const Mpz &r, const Mpz &s) noexcept
{
    if (!pub.valid() || digest.empty() || curve_len(pub.curve()) == 0)
        return Err::invalid_request;
    DsaSig sig;
    mpz_set(sig.sig.r, r.get());
    mpz_set(sig.sig.s, s.get());
    // Nettle refuses r or s outside [1, q-1].
    return ::gostdsa_verify(pub.nettle(), digest.size(), digest.data(), &sig.sig) ? Err::ok
                                                                                 : Err::pk_sig_verify_failed;
}

Err gost_verify(const EcPoint &pub, Bytes digest, Bytes sig) noexcept
{
    std::size_t len = curve_len(pub.curve());
    if (!pub.valid() || digest.empty() || len == 0)
        return Err::invalid_request;
    if (sig.size() != 2 * len)
        return Err::pk_sig_verify_failed;
    Mpz r, s;
    if (gost_sig_decode(sig, r, s) != Err::ok)
        return Err::pk_sig_verify_failed;
    return gost_verify(pub, digest, r, s);
}

Err gost_sig_encode(const Mpz &r, const Mpz &s, std::size_t len, std::vector<std::uint8_t> &sig)
{
    if (len == 0 || mpz_sgn(r.get()) < 0 || mpz_sgn(s.get()) < 0)
        return Err::invalid_request;
    sig.assign(2 * len, 0);
    if (!s.to_bytes(MutableBytes(sig.data(), len)) || !r.to_bytes(MutableBytes(sig.data() + len, len)))
        return Err::invalid_request;
    return Err::ok;
}

Err gost_sig_decode(Bytes sig, Mpz &r, Mpz &s) noexcept
{
    if (sig.empty() || sig.size() % 2 != 0)
        return Err::invalid_request;
    std::size_t half = sig.size() / 2;
    s.set_bytes(sig.first(half));
    r.set_bytes(sig.subspan(half));
    return Err::ok;
}

Err gost_rs_join(Bytes r, Bytes s, std::vector<std::uint8_t> &sig)
{
    if (r.size() != s.size())
        return Err::illegal_parameter;
    sig.assign(s.begin(), s.end());
    sig.insert(sig.end(), r.begin(), r.end());
    return Err::ok;
}

Err gost_rs_split(Bytes sig, std::vector<std::uint8_t> &r, std::vector<std::uint8_t> &s)
{
    if (sig.size() % 2 != 0)
        return Err::parsing_error;
    std::size_t half = sig.size() / 2;
    s.assign(sig.begin(), sig.begin() + static_cast<std::ptrdiff_t>(half));
    r.assign(sig.begin() + static_cast<std::ptrdiff_t>(half), sig.end());
    return Err::ok;
}

Err gost_vko_point(const EcKey &ours, const EcPoint &peer, Bytes ukm, SecretBytes &point)
{
    std::size_t len = curve_len(ours.curve());
    if (!ours.has_private() || !peer.valid() || len == 0 || peer.curve() == GNUTLS_ECC_CURVE_INVALID ||
        gost_curve(peer.curve()) != gost_curve(ours.curve()))
        return Err::invalid_request;
    // An all-zero UKM is replaced by 1 (RFC 7836 section 4.3.1); Nettle
    // does the same, but an empty one it cannot take.
    static const std::uint8_t one = 1;
    if (ukm.empty())
        ukm = Bytes(&one, 1);
    point.assign(2 * len, 0);
    ::gostdsa_vko(ours.priv().nettle(), peer.nettle(), ukm.size(), ukm.data(), point.data());
    bool zero = std::all_of(point.begin(), point.end(), [](std::uint8_t b) { return b == 0; });
    return zero ? Err::illegal_parameter : Err::ok;
}

}  // namespace tlshim::pk
