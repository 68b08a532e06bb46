// SPDX-License-Identifier: LGPL-2.1-or-later
// TLS 1.2 key exchanges: ServerKeyExchange parameters, ClientKeyExchange
// and the premaster secret.  The group arithmetic comes from KeyShare
// (curves) and pk::DhParams/DhKey (finite fields), RSA from the signer and
// pk::rsa_decrypt_premaster; the message layouts from messages.hh.  This
// file validates what the peer sent, keeps the ephemeral keys and puts
// the premaster secret together.
#include "core/tls/kx12.hh"

#include <algorithm>
#include <cstring>
#include <utility>

#include "core/algo/algo.hh"
#include "core/crypto/random.hh"
#include "core/log.hh"
#include "core/pk/dh.hh"
#include "core/pk/mpz.hh"
#include "core/pk/rsa.hh"
#include "core/tls/key-share.hh"
#include "core/tls/kx-gost.hh"
#include "core/x509/key-impl.hh"
#include "core/x509/key.hh"

namespace tlshim::tls {

namespace {

constexpr Err kDecode = Err::unexpected_packet_length;
constexpr Err kIllegal = Err::received_illegal_parameter;
constexpr std::uint8_t kNamedCurve = 3;  // ECCurveType named_curve (RFC 8422 5.4)

const Kx12Traits kTraits[] = {
    {GNUTLS_KX_RSA, KeyExchange::rsa, false, false},
    {GNUTLS_KX_DHE_DSS, KeyExchange::dhe, true, false},
    {GNUTLS_KX_DHE_RSA, KeyExchange::dhe, true, false},
    {GNUTLS_KX_ANON_DH, KeyExchange::dhe, false, true},
    {GNUTLS_KX_PSK, KeyExchange::psk, false, false},
    {GNUTLS_KX_DHE_PSK, KeyExchange::dhe_psk, false, false},
    {GNUTLS_KX_ANON_ECDH, KeyExchange::ecdhe, false, true},
    {GNUTLS_KX_ECDHE_RSA, KeyExchange::ecdhe, true, false},
    {GNUTLS_KX_ECDHE_ECDSA, KeyExchange::ecdhe, true, false},
    {GNUTLS_KX_ECDHE_PSK, KeyExchange::ecdhe_psk, false, false},
    {GNUTLS_KX_RSA_PSK, KeyExchange::rsa_psk, false, false},
    {GNUTLS_KX_VKO_GOST_12, KeyExchange::gost, false, false},
};

bool with_psk(KeyExchange k) noexcept
{
    return k == KeyExchange::psk || k == KeyExchange::dhe_psk || k == KeyExchange::ecdhe_psk ||
           k == KeyExchange::rsa_psk;
}
bool with_dh(KeyExchange k) noexcept { return k == KeyExchange::dhe || k == KeyExchange::dhe_psk; }
bool with_ecdh(KeyExchange k) noexcept { return k == KeyExchange::ecdhe || k == KeyExchange::ecdhe_psk; }
bool with_rsa(KeyExchange k) noexcept { return k == KeyExchange::rsa || k == KeyExchange::rsa_psk; }
// Key transport to the certified key: no ServerKeyExchange at all.
bool transport_only(KeyExchange k) noexcept { return k == KeyExchange::rsa || k == KeyExchange::gost; }
// PSK and RSA_PSK: the ServerKeyExchange (hint only) is optional.
bool optional_params(KeyExchange k) noexcept { return k == KeyExchange::psk || k == KeyExchange::rsa_psk; }

bool equal(Bytes a, Bytes b) noexcept
{
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

template <typename Vec>
void assign(Vec &out, Bytes in)
{
    out.assign(in.begin(), in.end());
}

// Bits of a big-endian number without leading zeros.
unsigned bit_length(Bytes v) noexcept
{
    if (v.empty())
        return 0;
    unsigned top = 0;
    for (unsigned b = v[0]; b != 0; b >>= 1)
        ++top;
    return static_cast<unsigned>((v.size() - 1) * 8) + top;
}

// The RFC 7919 group whose prime and generator these are, else INVALID.
gnutls_group_t identify_ffdhe(Bytes p, Bytes g) noexcept
{
    static const gnutls_group_t kFfdhe[] = {GNUTLS_GROUP_FFDHE2048, GNUTLS_GROUP_FFDHE3072,
                                            GNUTLS_GROUP_FFDHE4096, GNUTLS_GROUP_FFDHE6144,
                                            GNUTLS_GROUP_FFDHE8192};
    p = pk::strip_leading_zeros(p);
    g = pk::strip_leading_zeros(g);
    for (gnutls_group_t id : kFfdhe) {
        const pk::FfdheGroup *grp = pk::ffdhe_group(id);
        if (grp && equal(p, pk::strip_leading_zeros(grp->prime)) &&
            equal(g, pk::strip_leading_zeros(grp->generator)))
            return id;
    }
    return GNUTLS_GROUP_INVALID;
}

// A complaint of the primitives about a peer value.
Err peer_error(Err e) noexcept
{
    return e == Err::illegal_parameter ? kIllegal : e;
}

// The ServerKeyExchange fields up to the signature.
struct ServerParams {
    Bytes hint;
    std::uint16_t named_group = 0;
    Bytes point;
    Bytes p, g, ys;
    Bytes params;  // hint and parameters as on the wire
    Bytes rest;    // whatever follows (the signature)
};

Err read_server_params(const Kx12Traits &t, Bytes body, ServerParams &out) noexcept
{
    out = ServerParams{};
    if (t.kind == KeyExchange::rsa)
        return Err::unexpected_handshake_packet;
    Reader r(body), v;
    if (with_psk(t.kind)) {
        if (!r.vec16(v))
            return kDecode;
        out.hint = v.rest();
    }
    if (with_ecdh(t.kind)) {
        std::uint8_t curve_type;
        if (!r.u8(curve_type))
            return kDecode;
        // Explicit prime/char2 curves (1, 2) are deprecated (RFC 8422 5.4).
        if (curve_type != kNamedCurve)
            return kIllegal;
        if (!r.u16(out.named_group) || !r.vec8(v, 1, 0xff))
            return kDecode;
        out.point = v.rest();
    } else if (with_dh(t.kind)) {
        Reader p, g, y;
        if (!r.vec16(p, 1) || !r.vec16(g, 1) || !r.vec16(y, 1))
            return kDecode;
        out.p = p.rest();
        out.g = g.rest();
        out.ys = y.rest();
    }
    out.params = body.first(body.size() - r.remaining());
    out.rest = r.rest();
    if (!t.signed_params && !out.rest.empty())
        return kDecode;
    return Err::ok;
}

// RFC 4279 section 2: u16 len(other) || other || u16 len(psk) || psk, with
// `other` = zeros_len zero bytes when `other` is empty.
Err psk_premaster(Bytes other, std::size_t zeros_len, Bytes psk, SecretBytes &out)
{
    std::size_t olen = other.empty() ? zeros_len : other.size();
    if (olen > 0xffff || psk.empty() || psk.size() > 0xffff)
        return Err::invalid_request;
    out.assign(4 + olen + psk.size(), 0);
    Writer w{MutableBytes(out)};
    w.u16(static_cast<std::uint16_t>(olen));
    if (other.empty())
        w.zeros(olen);
    else
        w.bytes(other);
    w.u16(static_cast<std::uint16_t>(psk.size())).bytes(psk);
    return w.ok() && w.size() == out.size() ? Err::ok : Err::internal;
}

// 1 when x == 0, else 0, without a branch.
unsigned ct_is_zero(std::uint64_t x) noexcept
{
    return static_cast<unsigned>(((~x & (x - 1)) >> 63) & 1);
}

}  // namespace

// ---- Traits ------------------------------------------------------------------

const Kx12Traits *kx12_traits(gnutls_kx_algorithm_t kx) noexcept
{
    for (const auto &t : kTraits)
        if (t.id == kx)
            return &t;
    return nullptr;
}

bool kx12_is_dhe(gnutls_kx_algorithm_t kx) noexcept
{
    const Kx12Traits *t = kx12_traits(kx);
    return t && with_dh(t->kind);
}

bool kx12_is_ecdhe(gnutls_kx_algorithm_t kx) noexcept
{
    const Kx12Traits *t = kx12_traits(kx);
    return t && with_ecdh(t->kind);
}

bool kx12_is_psk(gnutls_kx_algorithm_t kx) noexcept
{
    const Kx12Traits *t = kx12_traits(kx);
    return t && with_psk(t->kind);
}

bool kx12_server_sends_params(gnutls_kx_algorithm_t kx, bool has_hint) noexcept
{
    const Kx12Traits *t = kx12_traits(kx);
    if (!t || transport_only(t->kind))
        return false;
    return optional_params(t->kind) ? has_hint : true;
}

Err split_server_kx(gnutls_kx_algorithm_t kx, Bytes body, Bytes &params, Bytes &rest) noexcept
{
    const Kx12Traits *t = kx12_traits(kx);
    if (!t || transport_only(t->kind))
        return Err::invalid_request;
    ServerParams sp;
    if (Err e = read_server_params(*t, body, sp); !ok(e))
        return e;
    params = sp.params;
    rest = sp.rest;
    return Err::ok;
}

// ---- RSA premaster decryption -----------------------------------------------

Err rsa_premaster_decrypt(const x509::Signer &key, Bytes ct, MutableBytes premaster,
                          std::uint16_t client_version)
{
    if (premaster.size() != kRsaPremasterSize)
        return Err::invalid_request;
    auto major = static_cast<std::uint8_t>(client_version >> 8);
    auto minor = static_cast<std::uint8_t>(client_version & 0xff);

    const x509::PrivateKey *held = key.held_key();
    if (held && held->algorithm() == GNUTLS_PK_RSA && held->impl())
        return pk::rsa_decrypt_premaster(held->impl()->rsa, ct, premaster, major, minor);
    if (key.algorithm() != GNUTLS_PK_RSA)
        return Err::invalid_request;

    // A key whose operations run elsewhere: take whatever its plain
    // decryption gives and fold success into a mask.  The fallback is
    // drawn before the decryption, whatever its outcome.
    FixedSecret<kRsaPremasterSize> fallback, decrypted;
    fallback.resize(kRsaPremasterSize);
    decrypted.resize(kRsaPremasterSize);
    if (Err e = crypto::random(crypto::RandomLevel::key, fallback.span()); !ok(e))
        return e;
    SecretBytes plain;
    Err e = key.decrypt(ct, plain);
    std::size_t n = std::min(plain.size(), kRsaPremasterSize);
    if (n != 0)
        std::memcpy(decrypted.data(), plain.data(), n);
    unsigned good = ct_is_zero(static_cast<std::uint64_t>(static_cast<std::int64_t>(e))) &
                    ct_is_zero(static_cast<std::uint64_t>(plain.size() ^ kRsaPremasterSize));
    auto mask = static_cast<std::uint8_t>(0u - good);
    for (std::size_t i = 0; i < kRsaPremasterSize; ++i)
        premaster[i] = static_cast<std::uint8_t>((decrypted.data()[i] & mask) | (fallback.data()[i] & ~mask));
    premaster[0] = major;
    premaster[1] = minor;
    return Err::ok;
}

// ---- Server -----------------------------------------------------------------------

struct ServerKx::Impl {
    const Kx12Traits *t = nullptr;
    gnutls_group_t group = GNUTLS_GROUP_INVALID;  // ECDHE curve / RFC 7919 group
    KeyShare ec;
    pk::DhParams dh;
    pk::DhKey dh_key;
    bool have_priv = false;
    SecretBytes priv;
    std::vector<std::uint8_t> hint;
    std::vector<std::uint8_t> identity;
    bool written = false;  // write_params() created the ephemeral key
    std::vector<std::uint8_t> randoms;  // GOST: client_random || server_random
    KxInfo info;
};

ServerKx::ServerKx() : impl_(std::make_unique<Impl>()) {}
ServerKx::~ServerKx() = default;
ServerKx::ServerKx(ServerKx &&) noexcept = default;
ServerKx &ServerKx::operator=(ServerKx &&) noexcept = default;

Err ServerKx::init(gnutls_kx_algorithm_t kx)
{
    impl_ = std::make_unique<Impl>();
    impl_->t = kx12_traits(kx);
    return impl_->t ? Err::ok : Err::invalid_request;
}

gnutls_kx_algorithm_t ServerKx::kx() const noexcept
{
    return impl_ && impl_->t ? impl_->t->id : GNUTLS_KX_UNKNOWN;
}

void ServerKx::set_randoms(Bytes client_random, Bytes server_random)
{
    if (!impl_)
        return;
    impl_->randoms.assign(client_random.begin(), client_random.end());
    impl_->randoms.insert(impl_->randoms.end(), server_random.begin(), server_random.end());
}

Err ServerKx::set_group(gnutls_group_t group)
{
    if (!impl_ || !impl_->t)
        return Err::invalid_request;
    const algo::Group *g = algo::group(group);
    if (!g)
        return Err::invalid_request;
    KeyExchange k = impl_->t->kind;
    if (with_ecdh(k)) {
        if (g->kind != algo::GroupKind::ec && g->kind != algo::GroupKind::montgomery)
            return Err::invalid_request;
        if (!KeyShare::supported(group))
            return Err::ecc_unsupported_curve;
    } else if (with_dh(k)) {
        if (g->kind != algo::GroupKind::ffdhe)
            return Err::invalid_request;
        if (Err e = impl_->dh.set_ffdhe(g->prime_bits); !ok(e))
            return Err::ecc_unsupported_curve;
    } else {
        return Err::invalid_request;
    }
    impl_->group = group;
    impl_->written = false;
    return Err::ok;
}

Err ServerKx::set_dh_params(Bytes p, Bytes g, Bytes q, unsigned key_bits)
{
    if (!impl_ || !impl_->t || !with_dh(impl_->t->kind))
        return Err::invalid_request;
    if (Err e = impl_->dh.set(p, g, q, key_bits); !ok(e))
        return e;
    impl_->group = GNUTLS_GROUP_INVALID;
    impl_->written = false;
    return Err::ok;
}

Err ServerKx::set_dh_params(const pk::DhParams &params)
{
    if (!params.valid())
        return Err::invalid_request;
    SecretBytes p = params.p().bytes(), g = params.g().bytes();
    SecretBytes q = params.has_q() ? params.q().bytes() : SecretBytes();
    return set_dh_params(p, g, q, params.key_bits());
}

Err ServerKx::set_psk_hint(Bytes hint)
{
    if (!impl_ || !impl_->t || !with_psk(impl_->t->kind) || hint.size() > 0xffff)
        return Err::invalid_request;
    assign(impl_->hint, hint);
    return Err::ok;
}

Err ServerKx::set_private_key(Bytes priv)
{
    if (!impl_ || !impl_->t || priv.empty())
        return Err::invalid_request;
    assign(impl_->priv, priv);
    impl_->have_priv = true;
    return Err::ok;
}

bool ServerKx::sends_params() const noexcept
{
    return impl_ && impl_->t && kx12_server_sends_params(impl_->t->id, !impl_->hint.empty());
}

Err ServerKx::write_params(std::vector<std::uint8_t> &out)
{
    out.clear();
    if (!impl_ || !impl_->t)
        return Err::invalid_request;
    Impl &s = *impl_;
    if (!s.t)
        return Err::invalid_request;
    if (!sends_params())
        return Err::ok;
    KeyExchange k = s.t->kind;
    ServerKeyExchange m;
    m.kind = k;
    m.sig = KxSignature::none;
    m.psk_identity_hint = s.hint;
    SecretBytes p, g, ys;
    if (with_ecdh(k)) {
        const algo::Group *grp = algo::group(s.group);
        if (!grp)
            return Err::invalid_request;  // no curve chosen
        Err e = s.have_priv ? s.ec.generate_from(s.group, s.priv) : s.ec.generate(s.group);
        if (!ok(e))
            return e;
        m.named_group = grp->tls_id;
        m.point = s.ec.public_value();
        s.info = KxInfo{};
        s.info.group = s.group;
    } else if (with_dh(k)) {
        if (!s.dh.valid())
            return Err::invalid_request;  // neither a group nor parameters
        Err e = s.have_priv ? s.dh_key.import_private(s.dh, s.priv) : s.dh_key.generate(s.dh);
        if (!ok(e))
            return e;
        p = s.dh.p().bytes();
        g = s.dh.g().bytes();
        ys = s.dh_key.public_value(s.dh);  // padded to the prime's length (RFC 7919 3)
        m.dh_p = p;
        m.dh_g = g;
        m.dh_ys = ys;
        s.info = KxInfo{};
        s.info.group = identify_ffdhe(p, g);
        s.info.dh_prime_bits = bit_length(p);
        s.info.dh_secret_bits = s.dh.key_bits();
        assign(s.info.dh_p, p);
        assign(s.info.dh_g, g);
    }
    Writer w(out);
    if (!tls::write(m, w)) {
        out.clear();
        return Err::internal;
    }
    s.written = true;
    return Err::ok;
}

Err ServerKx::read_client(Bytes body, SecretBytes &premaster, const PskLookup &psk, const x509::Signer *rsa_key,
                          std::uint16_t client_version)
{
    premaster.clear();
    if (!impl_)
        return Err::invalid_request;
    Impl &s = *impl_;
    if (!s.t)
        return Err::invalid_request;
    KeyExchange k = s.t->kind;
    if ((with_dh(k) || with_ecdh(k)) && !s.written)
        return Err::invalid_request;  // no ServerKeyExchange was made
    ClientKeyExchange m;
    if (Err e = parse(body, m, k); !ok(e))
        return e;

    SecretBytes key;
    if (with_psk(k)) {
        assign(s.identity, m.psk_identity);
        if (!psk)
            return Err::invalid_request;
        if (Err e = psk(m.psk_identity, key); !ok(e))
            return e;
        if (key.empty() || key.size() > 0xffff)
            return Err::insufficient_credentials;
    }

    if (k == KeyExchange::gost) {
        const x509::PrivateKey *held = rsa_key != nullptr ? rsa_key->held_key() : nullptr;
        if (held == nullptr || s.randoms.size() != 64)
            return Err::invalid_request;
        return gost_kx_read(*held, Bytes(s.randoms).first(32), Bytes(s.randoms).subspan(32), m.key_transport,
                            premaster);
    }
    SecretBytes other;  // the (EC)DH secret or the RSA-transported secret
    if (with_rsa(k)) {
        if (!rsa_key)
            return Err::invalid_request;
        other.assign(kRsaPremasterSize, 0);
        if (Err e = rsa_premaster_decrypt(*rsa_key, m.encrypted_premaster, MutableBytes(other), client_version);
            !ok(e))
            return e;
    } else if (with_ecdh(k)) {
        if (Err e = s.ec.shared(m.point, other); !ok(e)) {
            TLSHIM_DEBUG("kx12: client ECDH point refused (error %d)\n", static_cast<int>(e));
            return peer_error(e);
        }
        assign(s.info.peer_public, m.point);
    } else if (with_dh(k)) {
        Bytes yc = pk::strip_leading_zeros(m.dh_yc);
        if (Err e = pk::dh_shared(s.dh, s.dh_key, yc, false, other); !ok(e)) {
            TLSHIM_DEBUG("kx12: client DH value refused (error %d)\n", static_cast<int>(e));
            return peer_error(e);
        }
        assign(s.info.peer_public, yc);
    }

    switch (k) {
    case KeyExchange::rsa:
    case KeyExchange::dhe:
    case KeyExchange::ecdhe:
        premaster = std::move(other);
        return Err::ok;
    case KeyExchange::psk:
        return psk_premaster({}, key.size(), key, premaster);
    case KeyExchange::dhe_psk:
    case KeyExchange::ecdhe_psk:
    case KeyExchange::rsa_psk:
        return psk_premaster(other, 0, key, premaster);
    case KeyExchange::gost:
        break;
    }
    return Err::internal;
}

Bytes ServerKx::psk_identity() const noexcept
{
    return impl_ ? Bytes(impl_->identity) : Bytes();
}

const KxInfo &ServerKx::info() const noexcept
{
    static const KxInfo kNone;
    return impl_ ? impl_->info : kNone;
}

// ---- Client -----------------------------------------------------------------------

struct ClientKx::Impl {
    const Kx12Traits *t = nullptr;
    std::vector<gnutls_group_t> offered;
    unsigned min_dh_bits = 0;
    bool have_priv = false;
    SecretBytes priv;
    bool have_params = false;  // a ServerKeyExchange was accepted
    std::vector<std::uint8_t> hint;
    KeyShare ec;
    pk::DhParams dh;
    pk::DhKey dh_key;
    SecretBytes shared;                    // the (EC)DH secret
    std::vector<std::uint8_t> our_public;  // our point / Yc
    std::vector<std::uint8_t> randoms;     // GOST: client_random || server_random
    KxInfo info;

    Err ecdh(const ServerParams &sp);
    Err dhe(const ServerParams &sp);
};

Err ClientKx::Impl::ecdh(const ServerParams &sp)
{
    const algo::Group *g = algo::group_by_tls_id(sp.named_group);
    if (!g || !g->listed || (g->kind != algo::GroupKind::ec && g->kind != algo::GroupKind::montgomery)) {
        TLSHIM_DEBUG("kx12: server chose unknown curve 0x%04x\n", sp.named_group);
        return kIllegal;
    }
    if (std::find(offered.begin(), offered.end(), g->id) == offered.end()) {
        TLSHIM_DEBUG("kx12: server chose curve %s, which was not offered\n", g->name);
        return kIllegal;
    }
    if (!KeyShare::supported(g->id))
        return kIllegal;
    Err e = have_priv ? ec.generate_from(g->id, priv) : ec.generate(g->id);
    if (!ok(e))
        return e;
    if (e = ec.shared(sp.point, shared); !ok(e)) {
        TLSHIM_DEBUG("kx12: server ECDH point refused (error %d)\n", static_cast<int>(e));
        return peer_error(e);
    }
    assign(our_public, ec.public_value());
    info.group = g->id;
    assign(info.peer_public, sp.point);
    return Err::ok;
}

Err ClientKx::Impl::dhe(const ServerParams &sp)
{
    Bytes p = pk::strip_leading_zeros(sp.p);
    Bytes g = pk::strip_leading_zeros(sp.g);
    Bytes ys = pk::strip_leading_zeros(sp.ys);
    unsigned bits = bit_length(p);
    if (bits < min_dh_bits || bits > kMaxDhPrimeBits) {
        TLSHIM_DEBUG("kx12: server DH prime of %u bits refused (minimum %u)\n", bits, min_dh_bits);
        return Err::dh_prime_unacceptable;
    }
    if (p.empty() || (p.back() & 1) == 0)
        return kIllegal;
    {
        // 1 < g < p-1
        pk::Mpz pm1(p), gz(g);
        mpz_sub_ui(pm1.get(), pm1.get(), 1);
        if (mpz_cmp_ui(gz.get(), 1) <= 0 || mpz_cmp(gz.get(), pm1.get()) >= 0)
            return kIllegal;
    }
    gnutls_group_t named = identify_ffdhe(p, g);
    Err e = named != GNUTLS_GROUP_INVALID ? dh.set_ffdhe(bits) : dh.set(p, g, {}, 0);
    if (!ok(e))
        return Err::dh_prime_unacceptable;  // too small for the primitive
    e = have_priv ? dh_key.import_private(dh, priv) : dh_key.generate(dh);
    if (!ok(e))
        return e;
    if (e = pk::dh_shared(dh, dh_key, ys, false, shared); !ok(e))
        return peer_error(e);
    assign(our_public, dh_key.public_value(dh));
    info.group = named;
    info.dh_prime_bits = bits;
    info.dh_secret_bits = dh.key_bits();
    assign(info.dh_p, p);
    assign(info.dh_g, g);
    assign(info.peer_public, ys);
    return Err::ok;
}

ClientKx::ClientKx() : impl_(std::make_unique<Impl>()) {}
ClientKx::~ClientKx() = default;
ClientKx::ClientKx(ClientKx &&) noexcept = default;
ClientKx &ClientKx::operator=(ClientKx &&) noexcept = default;

Err ClientKx::init(gnutls_kx_algorithm_t kx, std::vector<gnutls_group_t> offered_groups, unsigned min_dh_bits)
{
    impl_ = std::make_unique<Impl>();
    impl_->t = kx12_traits(kx);
    impl_->offered = std::move(offered_groups);
    impl_->min_dh_bits = min_dh_bits;
    return impl_->t ? Err::ok : Err::invalid_request;
}

Err ClientKx::set_private_key(Bytes priv)
{
    if (!impl_ || !impl_->t || priv.empty())
        return Err::invalid_request;
    assign(impl_->priv, priv);
    impl_->have_priv = true;
    return Err::ok;
}

gnutls_kx_algorithm_t ClientKx::kx() const noexcept
{
    return impl_ && impl_->t ? impl_->t->id : GNUTLS_KX_UNKNOWN;
}

void ClientKx::set_randoms(Bytes client_random, Bytes server_random)
{
    if (!impl_)
        return;
    impl_->randoms.assign(client_random.begin(), client_random.end());
    impl_->randoms.insert(impl_->randoms.end(), server_random.begin(), server_random.end());
}

bool ClientKx::requires_server_params() const noexcept
{
    return impl_ && impl_->t && !transport_only(impl_->t->kind) && !optional_params(impl_->t->kind);
}

bool ClientKx::accepts_server_params() const noexcept
{
    return impl_ && impl_->t && !transport_only(impl_->t->kind);
}

Err ClientKx::parse_server_params(Bytes body, Bytes &params, Bytes &rest)
{
    if (!impl_)
        return Err::invalid_request;
    Impl &c = *impl_;
    if (!c.t)
        return Err::invalid_request;
    if (c.have_params)
        return Err::unexpected_handshake_packet;
    ServerParams sp;
    if (Err e = read_server_params(*c.t, body, sp); !ok(e))
        return e;
    c.info = KxInfo{};
    assign(c.hint, sp.hint);
    Err e = Err::ok;
    if (with_ecdh(c.t->kind))
        e = c.ecdh(sp);
    else if (with_dh(c.t->kind))
        e = c.dhe(sp);
    if (!ok(e)) {
        c.shared.clear();
        return e;
    }
    params = sp.params;
    rest = sp.rest;
    c.have_params = true;
    return Err::ok;
}

Bytes ClientKx::psk_hint() const noexcept
{
    return impl_ ? Bytes(impl_->hint) : Bytes();
}

Err ClientKx::write(std::vector<std::uint8_t> &body, SecretBytes &premaster, Bytes psk_identity, Bytes psk_key,
                    const x509::PublicKey *server_key, std::uint16_t client_version)
{
    premaster.clear();
    if (!impl_)
        return Err::invalid_request;
    Impl &c = *impl_;
    if (!c.t)
        return Err::invalid_request;
    KeyExchange k = c.t->kind;
    if (requires_server_params() && !c.have_params)
        return Err::invalid_request;
    if (with_psk(k) && (psk_key.empty() || psk_key.size() > 0xffff || psk_identity.size() > 0xffff))
        return Err::invalid_request;

    ClientKeyExchange m;
    m.kind = k;
    m.psk_identity = psk_identity;
    SecretBytes other;
    std::vector<std::uint8_t> ct;
    if (k == KeyExchange::gost) {
        if (!server_key || c.randoms.size() != 64)
            return Err::invalid_request;
        if (Err e = gost_kx_write(*server_key, Bytes(c.randoms).first(32), Bytes(c.randoms).subspan(32), ct, other);
            !ok(e))
            return e;
        m.key_transport = ct;
    } else if (with_rsa(k)) {
        if (!server_key || server_key->algorithm() != GNUTLS_PK_RSA)
            return Err::invalid_request;
        other.assign(kRsaPremasterSize, 0);
        if (Err e = crypto::random(crypto::RandomLevel::key, MutableBytes(other)); !ok(e))
            return e;
        other[0] = static_cast<std::uint8_t>(client_version >> 8);
        other[1] = static_cast<std::uint8_t>(client_version & 0xff);
        if (Err e = server_key->encrypt(other, ct); !ok(e))
            return e;
        m.encrypted_premaster = ct;
    } else if (with_ecdh(k)) {
        m.point = c.our_public;
        other = c.shared;
    } else if (with_dh(k)) {
        m.dh_yc = c.our_public;
        other = c.shared;
    }

    SecretBytes pms;
    Err e = Err::ok;
    switch (k) {
    case KeyExchange::rsa:
    case KeyExchange::dhe:
    case KeyExchange::ecdhe:
        pms = std::move(other);
        break;
    case KeyExchange::psk:
        e = psk_premaster({}, psk_key.size(), psk_key, pms);
        break;
    case KeyExchange::dhe_psk:
    case KeyExchange::ecdhe_psk:
    case KeyExchange::rsa_psk:
        e = psk_premaster(other, 0, psk_key, pms);
        break;
    case KeyExchange::gost:
        pms = std::move(other);
        break;
    }
    if (!ok(e))
        return e;

    std::size_t start = body.size();
    Writer w(body);
    if (!tls::write(m, w)) {
        body.resize(start);
        return Err::invalid_request;
    }
    premaster = std::move(pms);
    return Err::ok;
}

const KxInfo &ClientKx::info() const noexcept
{
    static const KxInfo kNone;
    return impl_ ? impl_->info : kNone;
}

}  // namespace tlshim::tls
