// SPDX-License-Identifier: LGPL-2.1-or-later
// Ephemeral key shares on the TLS named groups, built on the public-key
// core: NIST curves through pk::EcKey, X25519/X448 through pk::RawCurveKey
// and the RFC 7919 groups through pk::DhParams/DhKey.  This file only
// picks the primitive for a group, converts between the primitive's forms
// and the wire forms, and turns every complaint about a peer value into
// the one error the handshake reports for it.
#include "core/tls/key-share.hh"

#include <utility>

#include "core/algo/algo.hh"
#include "core/log.hh"
#include "core/pk/dh.hh"
#include "core/pk/ecc.hh"
#include "core/pk/edwards.hh"

namespace tlshim::tls {

// Only the member that matches the group's kind is ever set; all of them
// wipe their secrets when destroyed.
struct KeyShare::Impl {
    pk::EcKey ec;
    pk::RawCurveKey raw;
    pk::DhParams dh_params;
    pk::DhKey dh;

    // Fills `self` with a key pair on `group`: the private key `priv` when
    // given, a fresh one otherwise.  `self` is left reset on failure.
    static Err create(KeyShare &self, gnutls_group_t group, const Bytes *priv);
    // Sets up the primitive of `g` and writes our public value in wire form.
    Err make_key(const algo::Group &g, const Bytes *priv, std::vector<std::uint8_t> &pub);
};

namespace {

// The group row when tlshim can compute on it, else null.
const algo::Group *usable_group(gnutls_group_t group) noexcept
{
    const algo::Group *g = algo::group(group);
    if (!g || !g->listed)
        return nullptr;
    switch (g->kind) {
    case algo::GroupKind::ec:
        return pk::nist_curve(g->curve) ? g : nullptr;
    case algo::GroupKind::montgomery:
        return pk::raw_curve_key_size(g->curve) != 0 ? g : nullptr;
    case algo::GroupKind::ffdhe:
        return pk::ffdhe_group(group) ? g : nullptr;
    case algo::GroupKind::gost:
        break;
    }
    return nullptr;
}

// A peer value the primitives refused is the peer's fault: the handshake
// answers it with an illegal_parameter alert.
Err peer_error(Err e) noexcept
{
    return e == Err::illegal_parameter ? Err::received_illegal_parameter : e;
}

template <typename Buf>
void assign(std::vector<std::uint8_t> &out, const Buf &in)
{
    out.assign(in.begin(), in.end());
}

}  // namespace

Err KeyShare::Impl::make_key(const algo::Group &g, const Bytes *priv, std::vector<std::uint8_t> &pub)
{
    Err e = Err::ecc_unsupported_curve;
    switch (g.kind) {
    case algo::GroupKind::ec:
        e = priv ? ec.import_private(g.curve, *priv) : ec.generate(g.curve);
        if (e == Err::ok)
            e = ec.pub().encoded(pub);
        break;
    case algo::GroupKind::montgomery:
        e = priv ? raw.import_private(g.curve, *priv) : raw.generate(g.curve);
        if (e == Err::ok)
            assign(pub, raw.public_key());
        break;
    case algo::GroupKind::ffdhe:
        e = dh_params.set_ffdhe(g.prime_bits);
        if (e == Err::ok)
            e = priv ? dh.import_private(dh_params, *priv) : dh.generate(dh_params);
        if (e == Err::ok)
            assign(pub, dh.public_value(dh_params));
        break;
    case algo::GroupKind::gost:
        break;
    }
    return e;
}

Err KeyShare::Impl::create(KeyShare &self, gnutls_group_t group, const Bytes *priv)
{
    self.reset();
    const algo::Group *g = usable_group(group);
    if (!g)
        return Err::ecc_unsupported_curve;
    auto impl = std::make_unique<Impl>();
    std::vector<std::uint8_t> pub;
    Err e = impl->make_key(*g, priv, pub);
    if (e != Err::ok) {
        TLSHIM_DEBUG("key share: no key on group %s (error %d)\n", g->name, static_cast<int>(e));
        return e;
    }
    if (pub.size() != g->share_size)
        return Err::internal;
    self.impl_ = std::move(impl);
    self.pub_ = std::move(pub);
    self.group_ = group;
    return Err::ok;
}

KeyShare::KeyShare() = default;
KeyShare::~KeyShare() = default;
KeyShare::KeyShare(KeyShare &&) noexcept = default;
KeyShare &KeyShare::operator=(KeyShare &&) noexcept = default;

bool KeyShare::supported(gnutls_group_t group) noexcept
{
    return usable_group(group) != nullptr;
}

bool KeyShare::valid() const noexcept
{
    return impl_ != nullptr && !pub_.empty();
}

void KeyShare::reset() noexcept
{
    impl_.reset();
    pub_.clear();
    group_ = GNUTLS_GROUP_INVALID;
}

Err KeyShare::generate(gnutls_group_t group)
{
    return Impl::create(*this, group, nullptr);
}

Err KeyShare::generate_from(gnutls_group_t group, Bytes priv)
{
    if (priv.empty()) {
        reset();
        return Err::invalid_request;
    }
    return Impl::create(*this, group, &priv);
}

Err KeyShare::shared(Bytes peer, SecretBytes &out, bool tls12_strip) const
{
    if (!valid())
        return Err::invalid_request;
    const algo::Group *g = algo::group(group_);
    if (!g)
        return Err::internal;

    switch (g->kind) {
    case algo::GroupKind::ec: {
        pk::EcPoint point;
        Err e = point.set_encoded(g->curve, peer);
        if (e != Err::ok)
            return peer_error(e);
        return peer_error(pk::ecdh_shared(impl_->ec, point, out));
    }
    case algo::GroupKind::montgomery:
        return peer_error(pk::x_shared(impl_->raw, peer, out));
    case algo::GroupKind::ffdhe:
        // TLS 1.3 key shares carry Y padded to the prime's length; the
        // TLS 1.2 dh_Ys may come without its leading zeros.
        if (peer.empty() || (!tls12_strip && peer.size() != g->share_size))
            return Err::received_illegal_parameter;
        return peer_error(pk::dh_shared(impl_->dh_params, impl_->dh, peer, !tls12_strip, out));
    case algo::GroupKind::gost:
        break;
    }
    return Err::internal;
}

}  // namespace tlshim::tls
