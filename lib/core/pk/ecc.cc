// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/pk/ecc.hh"

#include <nettle/dsa.h>

#include <cstring>

namespace tlshim::pk {

const ecc_curve *nist_curve(gnutls_ecc_curve_t curve) noexcept
{
    switch (curve) {
    case GNUTLS_ECC_CURVE_SECP256R1: return nettle_get_secp_256r1();
    case GNUTLS_ECC_CURVE_SECP384R1: return nettle_get_secp_384r1();
    case GNUTLS_ECC_CURVE_SECP521R1: return nettle_get_secp_521r1();
    default: return nullptr;
    }
}

std::size_t nist_curve_bytes(gnutls_ecc_curve_t curve) noexcept
{
    const ecc_curve *c = nist_curve(curve);
    return c ? (ecc_bit_size(c) + 7) / 8 : 0;
}

const ecc_curve *gost_curve(gnutls_ecc_curve_t curve) noexcept
{
    switch (curve) {
    case GNUTLS_ECC_CURVE_GOST256B:
    case GNUTLS_ECC_CURVE_GOST256CPA:
    case GNUTLS_ECC_CURVE_GOST256CPXA: return nettle_get_gost_gc256b();
    case GNUTLS_ECC_CURVE_GOST512A: return nettle_get_gost_gc512a();
    default: return nullptr;
    }
}

const ecc_curve *ec_curve(gnutls_ecc_curve_t curve) noexcept
{
    const ecc_curve *c = nist_curve(curve);
    return c ? c : gost_curve(curve);
}

std::size_t ec_curve_bytes(gnutls_ecc_curve_t curve) noexcept
{
    const ecc_curve *c = ec_curve(curve);
    return c ? (ecc_bit_size(c) + 7) / 8 : 0;
}

// --- points ------------------------------------------------------------------

Err EcPoint::init(gnutls_ecc_curve_t curve) noexcept
{
    reset();
    const ecc_curve *c = ec_curve(curve);
    if (!c)
        return Err::invalid_request;
    ecc_point_init(&p_, c);
    curve_ = curve;
    init_ = true;
    return Err::ok;
}

void EcPoint::reset() noexcept
{
    if (init_) {
        secure_wipe(p_.p, 2 * ecc_size(p_.ecc) * sizeof(mp_limb_t));
        ecc_point_clear(&p_);
    }
    init_ = valid_ = false;
    curve_ = GNUTLS_ECC_CURVE_INVALID;
}

Err EcPoint::set(gnutls_ecc_curve_t curve, Bytes x, Bytes y) noexcept
{
    Err e = init(curve);
    if (e != Err::ok)
        return e;
    std::size_t len = ec_curve_bytes(curve);
    if (strip_leading_zeros(x).size() > len || strip_leading_zeros(y).size() > len)
        return Err::illegal_parameter;
    Mpz mx(x), my(y);
    // Nettle refuses coordinates outside [0, p) and points off the curve;
    // the point at infinity has no affine form, so it is refused as well.
    if (!ecc_point_set(&p_, mx.get(), my.get()))
        return Err::illegal_parameter;
    valid_ = true;
    return Err::ok;
}

Err EcPoint::set_encoded(gnutls_ecc_curve_t curve, Bytes encoded) noexcept
{
    std::size_t len = ec_curve_bytes(curve);
    if (len == 0) {
        reset();
        return Err::invalid_request;
    }
    Reader rd(encoded);
    std::uint8_t form = 0;
    Bytes x, y;
    if (!rd.u8(form) || form != 0x04 || !rd.bytes(len, x) || !rd.bytes(len, y) || !rd.empty()) {
        reset();
        return Err::illegal_parameter;
    }
    return set(curve, x, y);
}

Err EcPoint::get(SecretBytes &x, SecretBytes &y) const
{
    if (!valid())
        return Err::invalid_request;
    Mpz mx, my;
    ecc_point_get(&p_, mx.get(), my.get());
    std::size_t len = ec_curve_bytes(curve_);
    x = mx.bytes(len);
    y = my.bytes(len);
    return x.size() == len && y.size() == len ? Err::ok : Err::internal;
}

Err EcPoint::encoded(std::vector<std::uint8_t> &out) const
{
    SecretBytes x, y;
    Err e = get(x, y);
    if (e != Err::ok)
        return e;
    out.clear();
    out.push_back(0x04);
    out.insert(out.end(), x.begin(), x.end());
    out.insert(out.end(), y.begin(), y.end());
    return Err::ok;
}

// --- scalars -----------------------------------------------------------------

Err EcScalar::init(gnutls_ecc_curve_t curve) noexcept
{
    reset();
    const ecc_curve *c = ec_curve(curve);
    if (!c)
        return Err::invalid_request;
    ecc_scalar_init(&s_, c);
    init_ = true;
    return Err::ok;
}

void EcScalar::reset() noexcept
{
    if (init_) {
        secure_wipe(s_.p, ecc_size(s_.ecc) * sizeof(mp_limb_t));
        ecc_scalar_clear(&s_);
    }
    init_ = valid_ = false;
}

Err EcScalar::set(gnutls_ecc_curve_t curve, Bytes k) noexcept
{
    Err e = init(curve);
    if (e != Err::ok)
        return e;
    if (strip_leading_zeros(k).size() > ec_curve_bytes(curve))
        return Err::illegal_parameter;
    Mpz mk(k);
    // Nettle accepts only 0 < k < q.
    if (!ecc_scalar_set(&s_, mk.get()))
        return Err::illegal_parameter;
    valid_ = true;
    return Err::ok;
}

Err EcScalar::get(SecretBytes &k) const
{
    if (!valid())
        return Err::invalid_request;
    Mpz mk;
    ecc_scalar_get(&s_, mk.get());
    k = mk.bytes((ecc_bit_size(s_.ecc) + 7) / 8);
    return k.empty() ? Err::internal : Err::ok;
}

// --- keys ----------------------------------------------------------------------

namespace {

// True when both points have the same affine coordinates.
bool same_point(const ecc_point *a, const ecc_point *b) noexcept
{
    Mpz ax, ay, bx, by;
    ecc_point_get(a, ax.get(), ay.get());
    ecc_point_get(b, bx.get(), by.get());
    return mpz_cmp(ax.get(), bx.get()) == 0 && mpz_cmp(ay.get(), by.get()) == 0;
}

}  // namespace

Err EcKey::import(gnutls_ecc_curve_t curve, Bytes x, Bytes y, Bytes k) noexcept
{
    priv_.reset();
    Err e = pub_.set(curve, x, y);
    if (e != Err::ok)
        return e;
    if (k.empty())
        return Err::ok;
    e = priv_.set(curve, k);
    if (e != Err::ok) {
        pub_.reset();
        return e;
    }
    EcPoint check;
    check.init(curve);
    ecc_point_mul_g(check.nettle(), priv_.nettle());
    if (!same_point(check.nettle(), pub_.nettle())) {
        pub_.reset();
        priv_.reset();
        return Err::illegal_parameter;
    }
    return Err::ok;
}

Err EcKey::import_private(gnutls_ecc_curve_t curve, Bytes k) noexcept
{
    pub_.reset();
    Err e = priv_.set(curve, k);
    if (e != Err::ok)
        return e;
    pub_.init(curve);
    ecc_point_mul_g(pub_.nettle(), priv_.nettle());
    pub_.mark_valid();
    return Err::ok;
}

Err EcKey::generate(gnutls_ecc_curve_t curve) noexcept
{
    Err e = pub_.init(curve);
    if (e != Err::ok)
        return e;
    priv_.init(curve);
    NettleRandom rng;
    ecdsa_generate_keypair(pub_.nettle(), priv_.nettle(), &rng, NettleRandom::fill);
    if (rng.status != Err::ok) {
        pub_.reset();
        priv_.reset();
        return rng.status;
    }
    pub_.mark_valid();
    priv_.mark_valid();
    return Err::ok;
}

// --- ECDSA -------------------------------------------------------------------------

Err ecdsa_sign(const EcKey &key, Bytes digest, Mpz &r, Mpz &s) noexcept
{
    if (!key.has_private() || digest.empty())
        return Err::invalid_request;
    DsaSig sig;
    NettleRandom rng;
    ::ecdsa_sign(key.priv().nettle(), &rng, NettleRandom::fill, digest.size(), digest.data(), &sig.sig);
    if (rng.status != Err::ok)
        return rng.status;
    mpz_set(r.get(), sig.sig.r);
    mpz_set(s.get(), sig.sig.s);
    return Err::ok;
}

Err ecdsa_verify(const EcPoint &pub, Bytes digest, const Mpz &r, const Mpz &s) noexcept
{
    if (!pub.valid() || digest.empty())
        return Err::invalid_request;
    DsaSig sig;
    mpz_set(sig.sig.r, r.get());
    mpz_set(sig.sig.s, s.get());
    // Nettle rejects r or s outside [1, q-1].
    return ::ecdsa_verify(pub.nettle(), digest.size(), digest.data(), &sig.sig) ? Err::ok : Err::pk_sig_verify_failed;
}

namespace {

void der_length(Writer &w, std::size_t len) noexcept
{
    if (len < 0x80)
        w.u8(static_cast<std::uint8_t>(len));
    else if (len <= 0xff)
        w.u8(0x81).u8(static_cast<std::uint8_t>(len));
    else
        w.u8(0x82).u16(static_cast<std::uint16_t>(len));
}

// Content octets of a non-negative INTEGER: minimal, with a leading zero
// when the top bit would otherwise make it negative.
std::vector<std::uint8_t> der_integer_body(const Mpz &z)
{
    SecretBytes b = z.bytes();
    std::vector<std::uint8_t> out;
    if (b.empty() || (b[0] & 0x80))
        out.push_back(0);
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

bool read_length(Reader &rd, std::size_t &len) noexcept
{
    std::uint8_t b = 0;
    if (!rd.u8(b))
        return false;
    if (b < 0x80) {
        len = b;
        return true;
    }
    if (b == 0x81) {
        if (!rd.u8(b) || b < 0x80)  // long form only when needed
            return false;
        len = b;
        return true;
    }
    std::uint16_t v = 0;
    if (b == 0x82 && rd.u16(v) && v > 0xff) {
        len = v;
        return true;
    }
    return false;
}

bool read_integer(Reader &rd, Mpz &z) noexcept
{
    std::uint8_t tag = 0;
    std::size_t len = 0;
    Bytes body;
    if (!rd.u8(tag) || tag != 0x02 || !read_length(rd, len) || len == 0 || !rd.bytes(len, body))
        return false;
    if (body[0] & 0x80)  // negative
        return false;
    if (len > 1 && body[0] == 0 && !(body[1] & 0x80))  // not minimal
        return false;
    z.set_bytes(body);
    return true;
}

}  // namespace

Err ecdsa_sig_encode(const Mpz &r, const Mpz &s, std::vector<std::uint8_t> &der)
{
    if (mpz_sgn(r.get()) < 0 || mpz_sgn(s.get()) < 0)
        return Err::invalid_request;
    std::vector<std::uint8_t> rb = der_integer_body(r), sb = der_integer_body(s);
    std::vector<std::uint8_t> body;
    Writer wb(body);
    wb.u8(0x02);
    der_length(wb, rb.size());
    wb.bytes(rb).u8(0x02);
    der_length(wb, sb.size());
    wb.bytes(sb);
    if (!wb.ok())
        return Err::internal;
    der.clear();
    Writer w(der);
    w.u8(0x30);
    der_length(w, body.size());
    w.bytes(body);
    return w.ok() ? Err::ok : Err::internal;
}

Err ecdsa_sig_decode(Bytes der, Mpz &r, Mpz &s) noexcept
{
    Reader rd(der);
    std::uint8_t tag = 0;
    std::size_t len = 0;
    Bytes body;
    if (!rd.u8(tag) || tag != 0x30 || !read_length(rd, len) || !rd.bytes(len, body) || !rd.empty())
        return Err::asn1_der_error;
    Reader in(body);
    if (!read_integer(in, r) || !read_integer(in, s) || !in.empty())
        return Err::asn1_der_error;
    return Err::ok;
}

Err ecdsa_sign_der(const EcKey &key, Bytes digest, std::vector<std::uint8_t> &der)
{
    Mpz r, s;
    Err e = ecdsa_sign(key, digest, r, s);
    if (e != Err::ok)
        return e;
    return ecdsa_sig_encode(r, s, der);
}

Err ecdsa_verify_der(const EcPoint &pub, Bytes digest, Bytes der) noexcept
{
    if (!pub.valid() || digest.empty())
        return Err::invalid_request;
    Mpz r, s;
    if (ecdsa_sig_decode(der, r, s) != Err::ok)
        return Err::pk_sig_verify_failed;
    return ecdsa_verify(pub, digest, r, s);
}

// --- ECDH ------------------------------------------------------------------------

Err ecdh_shared(const EcKey &ours, const EcPoint &peer, SecretBytes &shared)
{
    if (!ours.has_private() || !peer.valid() || peer.curve() != ours.curve())
        return Err::invalid_request;
    EcPoint result;
    Err e = result.init(ours.curve());
    if (e != Err::ok)
        return e;
    ecc_point_mul(result.nettle(), ours.priv().nettle(), peer.nettle());
    Mpz x, y;
    ecc_point_get(result.nettle(), x.get(), y.get());
    if (mpz_sgn(x.get()) == 0 && mpz_sgn(y.get()) == 0)  // infinity
        return Err::illegal_parameter;
    shared = x.bytes(ec_curve_bytes(ours.curve()));
    x.wipe();
    y.wipe();
    return shared.empty() ? Err::internal : Err::ok;
}

}  // namespace tlshim::pk
