// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/pk/edwards.hh"

#include <nettle/curve25519.h>
#include <nettle/curve448.h>
#include <nettle/eddsa.h>

#include <cstring>

#include "core/crypto/random.hh"

namespace tlshim::pk {

std::size_t raw_curve_key_size(gnutls_ecc_curve_t curve) noexcept
{
    switch (curve) {
    case GNUTLS_ECC_CURVE_ED25519: return ED25519_KEY_SIZE;
    case GNUTLS_ECC_CURVE_ED448: return ED448_KEY_SIZE;
    case GNUTLS_ECC_CURVE_X25519: return CURVE25519_SIZE;
    case GNUTLS_ECC_CURVE_X448: return CURVE448_SIZE;
    default: return 0;
    }
}

std::size_t eddsa_signature_size(gnutls_ecc_curve_t curve) noexcept
{
    switch (curve) {
    case GNUTLS_ECC_CURVE_ED25519: return ED25519_SIGNATURE_SIZE;
    case GNUTLS_ECC_CURVE_ED448: return ED448_SIGNATURE_SIZE;
    default: return 0;
    }
}

void RawCurveKey::reset() noexcept
{
    priv_.clear();
    secure_wipe(pub_, sizeof pub_);
    pub_len_ = 0;
    curve_ = GNUTLS_ECC_CURVE_INVALID;
}

Err RawCurveKey::import_private(gnutls_ecc_curve_t curve, Bytes priv) noexcept
{
    reset();
    std::size_t n = raw_curve_key_size(curve);
    if (n == 0)
        return Err::invalid_request;
    if (priv.size() != n)
        return Err::illegal_parameter;
    priv_.resize(n);
    std::memcpy(priv_.data(), priv.data(), n);
    switch (curve) {
    case GNUTLS_ECC_CURVE_ED25519: ed25519_sha512_public_key(pub_, priv_.data()); break;
    case GNUTLS_ECC_CURVE_ED448: ed448_shake256_public_key(pub_, priv_.data()); break;
    case GNUTLS_ECC_CURVE_X25519: curve25519_mul_g(pub_, priv_.data()); break;
    case GNUTLS_ECC_CURVE_X448: curve448_mul_g(pub_, priv_.data()); break;
    default: break;
    }
    pub_len_ = n;
    curve_ = curve;
    return Err::ok;
}

Err RawCurveKey::import_pair(gnutls_ecc_curve_t curve, Bytes priv, Bytes pub) noexcept
{
    Err e = import_private(curve, priv);
    if (e != Err::ok)
        return e;
    if (pub.size() != pub_len_ || std::memcmp(pub.data(), pub_, pub_len_) != 0) {
        reset();
        return Err::illegal_parameter;
    }
    return Err::ok;
}

Err RawCurveKey::import_public(gnutls_ecc_curve_t curve, Bytes pub) noexcept
{
    reset();
    std::size_t n = raw_curve_key_size(curve);
    if (n == 0)
        return Err::invalid_request;
    if (pub.size() != n)
        return Err::illegal_parameter;
    std::memcpy(pub_, pub.data(), n);
    pub_len_ = n;
    curve_ = curve;
    return Err::ok;
}

Err RawCurveKey::generate(gnutls_ecc_curve_t curve) noexcept
{
    reset();
    std::size_t n = raw_curve_key_size(curve);
    if (n == 0)
        return Err::invalid_request;
    FixedSecret<57> seed;
    seed.resize(n);
    Err e = crypto::random(crypto::RandomLevel::key, seed.span());
    if (e != Err::ok)
        return e;
    return import_private(curve, seed.span());
}

Err eddsa_sign(const RawCurveKey &key, Bytes msg, std::vector<std::uint8_t> &sig)
{
    std::size_t n = eddsa_signature_size(key.curve());
    if (n == 0 || !key.has_private())
        return Err::invalid_request;
    sig.assign(n, 0);
    if (key.curve() == GNUTLS_ECC_CURVE_ED25519)
        ed25519_sha512_sign(key.public_key().data(), key.private_key().data(), msg.size(), msg.data(), sig.data());
    else
        ed448_shake256_sign(key.public_key().data(), key.private_key().data(), msg.size(), msg.data(), sig.data());
    return Err::ok;
}

Err eddsa_verify(const RawCurveKey &key, Bytes msg, Bytes sig) noexcept
{
    std::size_t n = eddsa_signature_size(key.curve());
    if (n == 0)
        return Err::invalid_request;
    if (sig.size() != n)
        return Err::pk_sig_verify_failed;
    int ok = key.curve() == GNUTLS_ECC_CURVE_ED25519
                 ? ed25519_sha512_verify(key.public_key().data(), msg.size(), msg.data(), sig.data())
                 : ed448_shake256_verify(key.public_key().data(), msg.size(), msg.data(), sig.data());
    return ok ? Err::ok : Err::pk_sig_verify_failed;
}

Err x_shared(const RawCurveKey &ours, Bytes peer, SecretBytes &shared)
{
    gnutls_ecc_curve_t c = ours.curve();
    if ((c != GNUTLS_ECC_CURVE_X25519 && c != GNUTLS_ECC_CURVE_X448) || !ours.has_private())
        return Err::invalid_request;
    std::size_t n = raw_curve_key_size(c);
    if (peer.size() != n)
        return Err::illegal_parameter;
    SecretBytes out(n);
    if (c == GNUTLS_ECC_CURVE_X25519)
        curve25519_mul(out.data(), ours.private_key().data(), peer.data());
    else
        curve448_mul(out.data(), ours.private_key().data(), peer.data());
    // RFC 7748, 6.1/6.2: an all-zero result means a small-order peer value.
    std::uint8_t acc = 0;
    for (std::uint8_t b : out)
        acc |= b;
    if (acc == 0)
        return Err::illegal_parameter;
    shared = std::move(out);
    return Err::ok;
}

}  // namespace tlshim::pk
