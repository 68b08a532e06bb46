// SPDX-License-Identifier: LGPL-2.1-or-later
// Public keys (SubjectPublicKeyInfo and raw forms), RSASSA-PSS parameters,
// signature algorithm identifiers, and signing/verification by GnuTLS
// signature id for both key halves.  Private-key encodings are in
// key-der.cc.
#include "core/x509/key.hh"

#include <algorithm>
#include <cstring>

#include "core/algo/algo.hh"
#include "core/crypto/hash.hh"
#include "core/encoding/base64.hh"
#include "core/log.hh"
#include "core/x509/key-impl.hh"

namespace tlshim::x509 {

namespace {
const PssParams kNoPss{};
// GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY (not in the core's error list).
constexpr Err kIncompatibleSigWithKey = static_cast<Err>(GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY);
constexpr std::uint8_t kDerNull[] = {0x05, 0x00};
}  // namespace

// ---- helpers shared with key-der.cc ----------------------------------------

namespace keyutil {

Err write(asn1::Node &n, const char *path, const void *value, int len) noexcept
{
    return asn1::from_asn1(asn1_write_value(n.get(), path, value, len));
}

Err write(asn1::Node &n, const char *path, Bytes value) noexcept
{
    if (value.size() > 0x7fffffff)
        return Err::invalid_request;
    // libtasn1 treats a zero length as "compute it from a C string"; an
    // empty octet string is written from a non-null dummy pointer.
    static const std::uint8_t empty = 0;
    return write(n, path, value.empty() ? &empty : value.data(), static_cast<int>(value.size()));
}

Err write_oid(asn1::Node &n, const char *path, const char *oid) noexcept
{
    return write(n, path, oid, 1);
}

Err write_uint(asn1::Node &n, const char *path, Bytes v)
{
    SecretBytes buf;
    buf.reserve(v.size() + 1);
    std::size_t i = 0;
    while (i < v.size() && v[i] == 0)
        i++;
    if (i == v.size() || (v[i] & 0x80))
        buf.push_back(0);
    buf.insert(buf.end(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
    return write(n, path, Bytes(buf.data(), buf.size()));
}

Err write_absent(asn1::Node &n, const char *path) noexcept
{
    return asn1::from_asn1(asn1_write_value(n.get(), path, nullptr, 0));
}

Bytes unsigned_view(const std::vector<std::uint8_t> &v) noexcept
{
    std::size_t i = 0;
    while (i < v.size() && v[i] == 0)
        i++;
    return Bytes(v.data() + i, v.size() - i);
}

unsigned bit_length(Bytes v) noexcept
{
    std::size_t i = 0;
    while (i < v.size() && v[i] == 0)
        i++;
    if (i == v.size())
        return 0;
    unsigned bits = static_cast<unsigned>((v.size() - i) * 8);
    for (std::uint8_t b = v[i]; !(b & 0x80); b = static_cast<std::uint8_t>(b << 1))
        bits--;
    return bits;
}

gnutls_ecc_curve_t raw_curve_of(gnutls_pk_algorithm_t pk) noexcept
{
    switch (pk) {
    case GNUTLS_PK_EDDSA_ED25519: return GNUTLS_ECC_CURVE_ED25519;
    case GNUTLS_PK_EDDSA_ED448: return GNUTLS_ECC_CURVE_ED448;
    case GNUTLS_PK_ECDH_X25519: return GNUTLS_ECC_CURVE_X25519;
    case GNUTLS_PK_ECDH_X448: return GNUTLS_ECC_CURVE_X448;
    default: return GNUTLS_ECC_CURVE_INVALID;
    }
}

gnutls_pk_algorithm_t pk_of_raw_curve(gnutls_ecc_curve_t c) noexcept
{
    switch (c) {
    case GNUTLS_ECC_CURVE_ED25519: return GNUTLS_PK_EDDSA_ED25519;
    case GNUTLS_ECC_CURVE_ED448: return GNUTLS_PK_EDDSA_ED448;
    case GNUTLS_ECC_CURVE_X25519: return GNUTLS_PK_ECDH_X25519;
    case GNUTLS_ECC_CURVE_X448: return GNUTLS_PK_ECDH_X448;
    default: return GNUTLS_PK_UNKNOWN;
    }
}

unsigned curve_bits(gnutls_ecc_curve_t c) noexcept
{
    switch (c) {
    case GNUTLS_ECC_CURVE_ED25519:
    case GNUTLS_ECC_CURVE_X25519: return 256;
    case GNUTLS_ECC_CURVE_ED448: return 456;
    case GNUTLS_ECC_CURVE_X448: return 448;
    default: {
        const algo::Curve *cv = algo::curve(c);
        return cv ? cv->size * 8u : 0;
    }
    }
}

Err key_algorithm_params(gnutls_pk_algorithm_t pk, gnutls_ecc_curve_t curve, const PssParams &pss,
                         std::vector<std::uint8_t> &der)
{
    der.clear();
    switch (pk) {
    case GNUTLS_PK_RSA:
        der.assign(kDerNull, kDerNull + sizeof kDerNull);
        return Err::ok;
    case GNUTLS_PK_RSA_PSS:
        if (!pss.present)
            return Err::ok;
        return encode_pss_params(pss, der);
    case GNUTLS_PK_ECDSA: {
        const algo::Curve *c = algo::curve(curve);
        if (!c || !c->oid)
            return Err::ecc_unsupported_curve;
        asn1::Node n;
        if (Err e = n.create("ECParameters"); !ok(e))
            return e;
        if (Err e = write(n, "", "namedCurve", 1); !ok(e))
            return e;
        if (Err e = write_oid(n, "namedCurve", c->oid); !ok(e))
            return e;
        return n.encode("", der);
    }
    default:
        return Err::ok;
    }
}

Err decode_ec_params(Bytes der, gnutls_ecc_curve_t &curve)
{
    asn1::Node n;
    if (Err e = n.decode("ECParameters", der); !ok(e))
        return e;
    std::string oid;
    if (Err e = n.read_oid("namedCurve", oid); !ok(e))
        return e;
    const algo::Curve *c = algo::curve_by_oid(oid);
    if (!c || c->pk != GNUTLS_PK_ECDSA || !pk::nist_curve(c->id))
        return Err::ecc_unsupported_curve;
    curve = c->id;
    return Err::ok;
}


bool is_gost(gnutls_pk_algorithm_t pk) noexcept
{
    return pk == GNUTLS_PK_GOST_01 || pk == GNUTLS_PK_GOST_12_256 || pk == GNUTLS_PK_GOST_12_512;
}

gnutls_digest_algorithm_t gost_default_digest(gnutls_pk_algorithm_t pk) noexcept
{
    switch (pk) {
    case GNUTLS_PK_GOST_01: return GNUTLS_DIG_GOSTR_94;
    case GNUTLS_PK_GOST_12_256: return GNUTLS_DIG_STREEBOG_256;
    case GNUTLS_PK_GOST_12_512: return GNUTLS_DIG_STREEBOG_512;
    default: return GNUTLS_DIG_UNKNOWN;
    }
}

gnutls_gost_paramset_t gost_default_paramset(gnutls_pk_algorithm_t pk) noexcept
{
    return pk == GNUTLS_PK_GOST_01 ? GNUTLS_GOST_PARAMSET_CP_A : GNUTLS_GOST_PARAMSET_TC26_Z;
}

gnutls_pk_algorithm_t gost_pk_of_digest(gnutls_digest_algorithm_t d) noexcept
{
    switch (d) {
    case GNUTLS_DIG_GOSTR_94: return GNUTLS_PK_GOST_01;
    case GNUTLS_DIG_STREEBOG_256: return GNUTLS_PK_GOST_12_256;
    case GNUTLS_DIG_STREEBOG_512: return GNUTLS_PK_GOST_12_512;
    default: return GNUTLS_PK_UNKNOWN;
    }
}

Err gost_check_curve(gnutls_pk_algorithm_t pk, gnutls_ecc_curve_t curve) noexcept
{
    // The size is checked first (as GnuTLS does: a 512-bit key on P-256 is
    // an invalid request, a 256-bit one an unsupported curve).
    const algo::Curve *c = algo::curve(curve);
    if (!c)
        return Err::ecc_unsupported_curve;
    std::size_t want = pk == GNUTLS_PK_GOST_12_512 ? 64 : 32;
    if (!is_gost(pk) || c->size != want)
        return Err::invalid_request;
    return pk::gost_curve(curve) ? Err::ok : Err::ecc_unsupported_curve;
}

namespace {

// The digest parameter OIDs of GostR3410-PublicKeyParameters.
struct GostDigestOid {
    gnutls_digest_algorithm_t digest;
    const char *oid;
};
constexpr GostDigestOid kGostDigestOids[] = {
    {GNUTLS_DIG_GOSTR_94, "1.2.643.2.2.30.1"},  // id-GostR3411-94-CryptoProParamSet
    {GNUTLS_DIG_STREEBOG_256, "1.2.643.7.1.1.2.2"},
    {GNUTLS_DIG_STREEBOG_512, "1.2.643.7.1.1.2.3"},
};

// The TC26 curves for 256-bit keys (OID arc 1.2.643.7.1.2.1.1).
bool tc26_256_curve(gnutls_ecc_curve_t c) noexcept
{
    return c == GNUTLS_ECC_CURVE_GOST256A || c == GNUTLS_ECC_CURVE_GOST256B || c == GNUTLS_ECC_CURVE_GOST256C ||
           c == GNUTLS_ECC_CURVE_GOST256D;
}

}  // namespace

Err encode_gost_params(gnutls_pk_algorithm_t pk, gnutls_ecc_curve_t curve, gnutls_digest_algorithm_t digest,
                       gnutls_gost_paramset_t paramset, std::vector<std::uint8_t> &der)
{
    der.clear();
    const algo::Curve *c = algo::curve(curve);
    if (!c || !c->oid)
        return Err::ecc_unsupported_curve;
    asn1::Node n;
    if (Err e = n.create("GostR3410-PublicKeyParameters"); !ok(e))
        return e;
    if (Err e = write_oid(n, "publicKeyParamSet", c->oid); !ok(e))
        return e;
    const char *doid = nullptr;
    for (const GostDigestOid &d : kGostDigestOids)
        if (d.digest == digest)
            doid = d.oid;
    if (!doid)
        return Err::invalid_request;
    bool with_digest = !(pk == GNUTLS_PK_GOST_12_256 && tc26_256_curve(curve));
    if (Err e = with_digest ? write_oid(n, "digestParamSet", doid) : write_absent(n, "digestParamSet"); !ok(e))
        return e;
    const algo::GostParamset *ps = algo::gost_paramset(paramset);
    bool with_paramset = pk == GNUTLS_PK_GOST_01 && paramset != GNUTLS_GOST_PARAMSET_CP_A && ps && ps->oid;
    if (Err e = with_paramset ? write_oid(n, "encryptionParamSet", ps->oid) : write_absent(n, "encryptionParamSet");
        !ok(e))
        return e;
    return n.encode("", der);
}

Err decode_gost_params(gnutls_pk_algorithm_t pk, Bytes der, gnutls_ecc_curve_t &curve,
                       gnutls_digest_algorithm_t &digest, gnutls_gost_paramset_t &paramset)
{
    asn1::Node n;
    if (Err e = n.decode("GostR3410-PublicKeyParameters", der); !ok(e))
        return e;
    std::string oid;
    if (Err e = n.read_oid("publicKeyParamSet", oid); !ok(e))
        return e;
    const algo::Curve *c = algo::curve_by_oid(oid);
    if (!c)
        return Err::ecc_unsupported_curve;
    if (Err e = gost_check_curve(pk, c->id); !ok(e))
        return e == Err::invalid_request ? Err::pk_invalid_pubkey : e;
    curve = c->id;
    digest = gost_default_digest(pk);
    if (ok(n.read_oid("digestParamSet", oid))) {
        digest = GNUTLS_DIG_UNKNOWN;
        for (const GostDigestOid &d : kGostDigestOids)
            if (oid == d.oid)
                digest = d.digest;
        if (digest == GNUTLS_DIG_UNKNOWN)
            return Err::unknown_hash_algorithm;
    }
    paramset = gost_default_paramset(pk);
    if (ok(n.read_oid("encryptionParamSet", oid))) {
        const algo::GostParamset *ps = algo::gost_paramset_by_oid(oid);
        if (!ps)
            return Err::unknown_algorithm;
        paramset = ps->id;
    }
    return Err::ok;
}

Err gost_point_le(const pk::EcPoint &p, std::vector<std::uint8_t> &out)
{
    SecretBytes x, y;
    if (Err e = p.get(x, y); !ok(e))
        return e;
    out.assign(x.rbegin(), x.rend());
    out.insert(out.end(), y.rbegin(), y.rend());
    return Err::ok;
}

Err gost_point_from_le(gnutls_ecc_curve_t curve, Bytes le, pk::EcPoint &p)
{
    std::size_t len = pk::ec_curve_bytes(curve);
    if (len == 0 || !pk::gost_curve(curve))
        return Err::ecc_unsupported_curve;
    if (le.size() != 2 * len)
        return Err::pk_invalid_pubkey;
    SecretBytes x = pk::reversed(le.first(len)), y = pk::reversed(le.subspan(len));
    return p.set(curve, Bytes(x.data(), x.size()), Bytes(y.data(), y.size()));
}

Err gost_point_raw(const pk::EcPoint &p, SecretBytes &x_le, SecretBytes &y_le)
{
    std::vector<std::uint8_t> le;
    if (Err e = gost_point_le(p, le); !ok(e))
        return e;
    std::size_t len = le.size() / 2;
    Bytes x = le_minimal(Bytes(le.data(), len)), y = le_minimal(Bytes(le.data() + len, len));
    x_le.assign(x.begin(), x.end());
    y_le.assign(y.begin(), y.end());
    return Err::ok;
}

Err gost_raw_params(gnutls_digest_algorithm_t digest, gnutls_ecc_curve_t curve, gnutls_gost_paramset_t &paramset,
                    gnutls_pk_algorithm_t &pk) noexcept
{
    pk = gost_pk_of_digest(digest);
    if (pk == GNUTLS_PK_UNKNOWN)
        return Err::invalid_request;
    if (Err e = gost_check_curve(pk, curve); !ok(e))
        return e;
    if (paramset == GNUTLS_GOST_PARAMSET_UNKNOWN)
        paramset = gost_default_paramset(pk);
    else if (!algo::gost_paramset(paramset))
        return Err::invalid_request;
    return Err::ok;
}

bool le_to_be(Bytes le, std::size_t len, SecretBytes &out)
{
    Bytes m = le_minimal(le);
    if (m.size() > len)
        return false;
    out.assign(len - m.size(), 0);
    out.insert(out.end(), m.rbegin(), m.rend());
    return true;
}

Bytes le_minimal(Bytes le) noexcept
{
    std::size_t n = le.size();
    while (n > 0 && le[n - 1] == 0)
        n--;
    return le.first(n);
}

}  // namespace keyutil

using namespace keyutil;

// ---- RSASSA-PSS parameters -------------------------------------------------

Err decode_pss_params(Bytes der, PssParams &out)
{
    out = PssParams{};
    out.present = true;
    out.hash = GNUTLS_DIG_SHA1;
    out.salt_size = 20;
    if (der.empty())
        return Err::ok;
    asn1::Node n;
    if (Err e = n.decode("RSASSA-PSS-params", der); !ok(e))
        return e;
    std::string oid;
    if (ok(n.read_oid("hashAlgorithm.algorithm", oid))) {
        const algo::Mac *m = algo::digest_by_oid(oid);
        if (!m)
            return Err::unknown_hash_algorithm;
        out.hash = static_cast<gnutls_digest_algorithm_t>(m->id);
    }
    // The mask generation function must be MGF1 with the same hash.
    if (ok(n.read_oid("maskGenAlgorithm.algorithm", oid))) {
        if (oid != "1.2.840.113549.1.1.8")
            return Err::unknown_algorithm;
        std::vector<std::uint8_t> p;
        if (Err e = n.read("maskGenAlgorithm.parameters", p); !ok(e))
            return e;
        asn1::Node a;
        if (Err e = a.decode("AlgorithmIdentifier", p); !ok(e))
            return e;
        if (Err e = a.read_oid("algorithm", oid); !ok(e))
            return e;
        const algo::Mac *m = algo::digest_by_oid(oid);
        if (!m || static_cast<gnutls_digest_algorithm_t>(m->id) != out.hash)
            return Err::constraint_error;
    } else if (out.hash != GNUTLS_DIG_SHA1) {
        return Err::constraint_error;
    }
    unsigned long v = 0;
    if (ok(n.read_uint("saltLength", v))) {
        if (v > 0xffff)
            return Err::asn1_der_error;
        out.salt_size = static_cast<unsigned>(v);
    }
    if (ok(n.read_uint("trailerField", v)) && v != 1)
        return Err::certificate_error;
    return Err::ok;
}

Err encode_pss_params(const PssParams &in, std::vector<std::uint8_t> &der)
{
    der.clear();
    const algo::Mac *m = algo::digest(in.hash);
    if (!m || !m->oid)
        return Err::invalid_request;
    asn1::Node n;
    if (Err e = n.create("RSASSA-PSS-params"); !ok(e))
        return e;
    // hashAlgorithm (parameters absent, as GnuTLS writes it), MGF1 over
    // the same hash.
    if (Err e = write_oid(n, "hashAlgorithm.algorithm", m->oid); !ok(e))
        return e;
    if (Err e = write_absent(n, "hashAlgorithm.parameters"); !ok(e))
        return e;
    if (Err e = write_oid(n, "maskGenAlgorithm.algorithm", "1.2.840.113549.1.1.8"); !ok(e))
        return e;
    asn1::Node a;
    std::vector<std::uint8_t> mgf;
    if (Err e = a.create("AlgorithmIdentifier"); !ok(e))
        return e;
    if (Err e = write_oid(a, "algorithm", m->oid); !ok(e))
        return e;
    if (Err e = write_absent(a, "parameters"); !ok(e))
        return e;
    if (Err e = a.encode("", mgf); !ok(e))
        return e;
    if (Err e = write(n, "maskGenAlgorithm.parameters", mgf); !ok(e))
        return e;
    // saltLength has a DEFAULT of 20: left unset (so not encoded) then.
    if (in.salt_size != 20) {
        const std::uint8_t salt[2] = {static_cast<std::uint8_t>(in.salt_size >> 8),
                                      static_cast<std::uint8_t>(in.salt_size)};
        if (Err e = write_uint(n, "saltLength", Bytes(salt, 2)); !ok(e))
            return e;
    }
    return n.encode("", der);
}

Err decode_signature_algorithm(Bytes algorithm_identifier, gnutls_sign_algorithm_t &sign, PssParams &pss)
{
    sign = GNUTLS_SIGN_UNKNOWN;
    pss = PssParams{};
    asn1::Node n;
    if (Err e = n.decode("AlgorithmIdentifier", algorithm_identifier); !ok(e))
        return e;
    std::string oid;
    if (Err e = n.read_oid("algorithm", oid); !ok(e))
        return e;
    if (oid == "1.2.840.113549.1.1.10") {
        std::vector<std::uint8_t> p;
        Err e = n.read("parameters", p);
        if (!ok(e) && e != Err::requested_data_not_available)
            return e;
        if (Err e2 = decode_pss_params(p, pss); !ok(e2))
            return e2;
        switch (pss.hash) {
        case GNUTLS_DIG_SHA256: sign = GNUTLS_SIGN_RSA_PSS_SHA256; break;
        case GNUTLS_DIG_SHA384: sign = GNUTLS_SIGN_RSA_PSS_SHA384; break;
        case GNUTLS_DIG_SHA512: sign = GNUTLS_SIGN_RSA_PSS_SHA512; break;
        default: sign = GNUTLS_SIGN_UNKNOWN; break;
        }
        return Err::ok;
    }
    if (const algo::Sign *s = algo::sign_by_oid(oid))
        sign = s->id;
    return Err::ok;
}

// ---- PublicKey -------------------------------------------------------------

PublicKey::PublicKey() = default;
PublicKey::~PublicKey() = default;
PublicKey::PublicKey(PublicKey &&) noexcept = default;
PublicKey &PublicKey::operator=(PublicKey &&) noexcept = default;

bool PublicKey::empty() const noexcept { return !impl_ || impl_->pk == GNUTLS_PK_UNKNOWN; }
gnutls_pk_algorithm_t PublicKey::algorithm() const noexcept { return impl_ ? impl_->pk : GNUTLS_PK_UNKNOWN; }
gnutls_ecc_curve_t PublicKey::curve() const noexcept { return impl_ ? impl_->curve : GNUTLS_ECC_CURVE_INVALID; }
const PssParams &PublicKey::pss() const noexcept { return impl_ ? impl_->pss : kNoPss; }
gnutls_digest_algorithm_t PublicKey::gost_digest() const noexcept
{
    return impl_ ? impl_->gost_digest : GNUTLS_DIG_UNKNOWN;
}
gnutls_gost_paramset_t PublicKey::gost_paramset() const noexcept
{
    return impl_ ? impl_->gost_paramset : GNUTLS_GOST_PARAMSET_UNKNOWN;
}

unsigned PublicKey::bits() const noexcept
{
    if (empty())
        return 0;
    if (impl_->pk == GNUTLS_PK_RSA || impl_->pk == GNUTLS_PK_RSA_PSS)
        return impl_->rsa.bits();
    return curve_bits(impl_->curve);
}

void PublicKey::set_pss(const PssParams &p) noexcept
{
    if (!impl_)
        return;
    impl_->pss = p;
    // Parameters restrict an RSA key to RSA-PSS.
    if (p.present && impl_->pk == GNUTLS_PK_RSA)
        impl_->pk = GNUTLS_PK_RSA_PSS;
}

Err PublicKey::copy_from(const PublicKey &other)
{
    if (other.empty()) {
        impl_.reset();
        return Err::ok;
    }
    std::vector<std::uint8_t> der;
    if (Err e = other.export_spki(der); !ok(e))
        return e;
    if (Err e = import_spki(der); !ok(e))
        return e;
    impl_->pss = other.impl_->pss;
    return Err::ok;
}

Err PublicKey::import_rsa(Bytes n, Bytes e)
{
    auto im = std::make_unique<Impl>();
    if (Err r = im->rsa.set(pk::strip_leading_zeros(n), pk::strip_leading_zeros(e)); !ok(r))
        return r;
    im->pk = GNUTLS_PK_RSA;
    impl_ = std::move(im);
    return Err::ok;
}

Err PublicKey::import_ecc(gnutls_ecc_curve_t curve, Bytes x, Bytes y)
{
    auto im = std::make_unique<Impl>();
    if (gnutls_pk_algorithm_t rpk = pk_of_raw_curve(curve); rpk != GNUTLS_PK_UNKNOWN) {
        if (Err e = im->raw.import_public(curve, x); !ok(e))
            return e;
        im->pk = rpk;
    } else {
        if (!pk::nist_curve(curve))
            return Err::ecc_unsupported_curve;
        // Coordinates may come with or without leading zeros.
        std::size_t len = pk::nist_curve_bytes(curve);
        Bytes xs = pk::strip_leading_zeros(x), ys = pk::strip_leading_zeros(y);
        if (xs.size() > len || ys.size() > len)
            return Err::invalid_request;
        std::vector<std::uint8_t> px(len - xs.size(), 0), py(len - ys.size(), 0);
        px.insert(px.end(), xs.begin(), xs.end());
        py.insert(py.end(), ys.begin(), ys.end());
        if (Err e = im->ec.set(curve, px, py); !ok(e))
            return e;
        im->pk = GNUTLS_PK_ECDSA;
    }
    im->curve = curve;
    impl_ = std::move(im);
    return Err::ok;
}

Err PublicKey::export_rsa(SecretBytes &n, SecretBytes &e) const
{
    if (empty() || (impl_->pk != GNUTLS_PK_RSA && impl_->pk != GNUTLS_PK_RSA_PSS))
        return Err::invalid_request;
    n = impl_->rsa.n();
    e = impl_->rsa.e();
    return Err::ok;
}

Err PublicKey::export_ecc(gnutls_ecc_curve_t &curve, SecretBytes &x, SecretBytes &y) const
{
    if (empty())
        return Err::invalid_request;
    curve = impl_->curve;
    if (impl_->pk == GNUTLS_PK_ECDSA)
        return impl_->ec.get(x, y);
    if (raw_curve_of(impl_->pk) != GNUTLS_ECC_CURVE_INVALID) {
        Bytes p = impl_->raw.public_key();
        x.assign(p.begin(), p.end());
        y.clear();
        return Err::ok;
    }
    return Err::invalid_request;
}

Err PublicKey::import_gost(gnutls_ecc_curve_t curve, gnutls_digest_algorithm_t digest,
                           gnutls_gost_paramset_t paramset, Bytes x_le, Bytes y_le)
{
    gnutls_pk_algorithm_t pk;
    if (Err e = gost_raw_params(digest, curve, paramset, pk); !ok(e))
        return e;
    // Values come little-endian, possibly without their high zero bytes.
    std::size_t len = pk::ec_curve_bytes(curve);
    SecretBytes x, y;
    if (!le_to_be(x_le, len, x) || !le_to_be(y_le, len, y))
        return Err::invalid_request;
    auto im = std::make_unique<Impl>();
    if (Err e = im->ec.set(curve, Bytes(x.data(), x.size()), Bytes(y.data(), y.size())); !ok(e))
        return e;
    set_gost(*im, pk, curve, digest, paramset);
    impl_ = std::move(im);
    return Err::ok;
}

Err PublicKey::export_gost(gnutls_ecc_curve_t &curve, gnutls_digest_algorithm_t &digest,
                           gnutls_gost_paramset_t &paramset, SecretBytes &x_le, SecretBytes &y_le) const
{
    if (empty() || !is_gost(impl_->pk))
        return Err::invalid_request;
    if (Err e = gost_point_raw(impl_->ec, x_le, y_le); !ok(e))
        return e;
    curve = impl_->curve;
    digest = impl_->gost_digest;
    paramset = impl_->gost_paramset;
    return Err::ok;
}

Err PublicKey::import_spki(Bytes der)
{
    asn1::Node n;
    if (Err e = n.decode("SubjectPublicKeyInfo", der); !ok(e))
        return e;
    std::string oid;
    if (Err e = n.read_oid("algorithm.algorithm", oid); !ok(e))
        return e;
    const algo::Pk *p = algo::pk_by_oid(oid);
    if (!p)
        return Err::unknown_pk_algorithm;
    std::vector<std::uint8_t> key, params;
    std::size_t nbits = 0;
    if (Err e = n.read_bits("subjectPublicKey", key, nbits); !ok(e))
        return e;
    if (nbits % 8)
        return Err::asn1_der_error;
    Err pe = n.read("algorithm.parameters", params);
    if (!ok(pe) && pe != Err::requested_data_not_available)
        return pe;

    auto im = std::make_unique<Impl>();
    im->pk = p->id;
    switch (p->id) {
    case GNUTLS_PK_RSA:
    case GNUTLS_PK_RSA_PSS: {
        if (p->id == GNUTLS_PK_RSA_PSS && !params.empty()) {
            if (Err e = decode_pss_params(params, im->pss); !ok(e))
                return e;
        }
        asn1::Node k;
        std::vector<std::uint8_t> mod, exp;
        if (Err e = k.decode("RSAPublicKey", key); !ok(e))
            return e;
        if (Err e = k.read("modulus", mod); !ok(e))
            return e;
        if (Err e = k.read("publicExponent", exp); !ok(e))
            return e;
        if (Err e = im->rsa.set(unsigned_view(mod), unsigned_view(exp)); !ok(e))
            return Err::pk_invalid_pubkey;
        break;
    }
    case GNUTLS_PK_ECDSA: {
        if (params.empty())
            return Err::asn1_element_not_found;
        if (Err e = decode_ec_params(params, im->curve); !ok(e))
            return e;
        if (Err e = im->ec.set_encoded(im->curve, key); !ok(e))
            return Err::pk_invalid_pubkey;
        break;
    }
    case GNUTLS_PK_GOST_01:
    case GNUTLS_PK_GOST_12_256:
    case GNUTLS_PK_GOST_12_512: {
        if (params.empty())
            return Err::asn1_element_not_found;
        if (Err e = decode_gost_params(p->id, params, im->curve, im->gost_digest, im->gost_paramset); !ok(e))
            return e;
        // The key is an OCTET STRING inside the BIT STRING: LE(X) || LE(Y).
        asn1::Node k;
        std::vector<std::uint8_t> le;
        if (Err e = k.decode("CurvePrivateKey", key); !ok(e))
            return e;
        if (Err e = k.read("", le); !ok(e))
            return e;
        if (Err e = gost_point_from_le(im->curve, le, im->ec); !ok(e))
            return Err::pk_invalid_pubkey;
        break;
    }
    case GNUTLS_PK_EDDSA_ED25519:
    case GNUTLS_PK_EDDSA_ED448:
    case GNUTLS_PK_ECDH_X25519:
    case GNUTLS_PK_ECDH_X448:
        im->curve = raw_curve_of(p->id);
        if (Err e = im->raw.import_public(im->curve, key); !ok(e))
            return Err::pk_invalid_pubkey;
        break;
    default:
        return Err::unknown_pk_algorithm;
    }
    impl_ = std::move(im);
    return Err::ok;
}

Err PublicKey::export_spki(std::vector<std::uint8_t> &der) const
{
    der.clear();
    if (empty())
        return Err::invalid_request;
    const algo::Pk *p = algo::pk(impl_->pk);
    if (!p || !p->oid)
        return Err::unknown_pk_algorithm;
    std::vector<std::uint8_t> params, key;
    if (Err e = is_gost(impl_->pk)
                    ? encode_gost_params(impl_->pk, impl_->curve, impl_->gost_digest, impl_->gost_paramset, params)
                    : key_algorithm_params(impl_->pk, impl_->curve, impl_->pss, params);
        !ok(e))
        return e;
    switch (impl_->pk) {
    case GNUTLS_PK_RSA:
    case GNUTLS_PK_RSA_PSS: {
        asn1::Node k;
        if (Err e = k.create("RSAPublicKey"); !ok(e))
            return e;
        SecretBytes n = impl_->rsa.n(), e = impl_->rsa.e();
        if (Err r = write_uint(k, "modulus", Bytes(n.data(), n.size())); !ok(r))
            return r;
        if (Err r = write_uint(k, "publicExponent", Bytes(e.data(), e.size())); !ok(r))
            return r;
        if (Err r = k.encode("", key); !ok(r))
            return r;
        break;
    }
    case GNUTLS_PK_ECDSA:
        if (Err e = impl_->ec.encoded(key); !ok(e))
            return e;
        break;
    case GNUTLS_PK_GOST_01:
    case GNUTLS_PK_GOST_12_256:
    case GNUTLS_PK_GOST_12_512: {
        std::vector<std::uint8_t> le;
        if (Err e = gost_point_le(impl_->ec, le); !ok(e))
            return e;
        asn1::Node k;
        if (Err e = k.create("CurvePrivateKey"); !ok(e))
            return e;
        if (Err e = write(k, "", le); !ok(e))
            return e;
        if (Err e = k.encode("", key); !ok(e))
            return e;
        break;
    }
    default: {
        Bytes pub = impl_->raw.public_key();
        key.assign(pub.begin(), pub.end());
        break;
    }
    }
    asn1::Node n;
    if (Err e = n.create("SubjectPublicKeyInfo"); !ok(e))
        return e;
    if (Err e = write_oid(n, "algorithm.algorithm", p->oid); !ok(e))
        return e;
    if (Err e = params.empty() ? write_absent(n, "algorithm.parameters") : write(n, "algorithm.parameters", params); !ok(e))
        return e;
    if (Err e = write(n, "subjectPublicKey", key.data(), static_cast<int>(key.size() * 8)); !ok(e))
        return e;
    return n.encode("", der);
}

Err PublicKey::import_pem_or_der(Bytes data, gnutls_x509_crt_fmt_t fmt)
{
    if (fmt == GNUTLS_X509_FMT_PEM) {
        std::vector<std::uint8_t> der;
        if (Err e = encoding::pem_decode(data, "PUBLIC KEY", der); !ok(e))
            return e;
        return import_spki(der);
    }
    return import_spki(data);
}

Err PublicKey::key_id(unsigned flags, std::vector<std::uint8_t> &out) const
{
    out.clear();
    std::vector<std::uint8_t> der;
    if (Err e = export_spki(der); !ok(e))
        return e;
    gnutls_digest_algorithm_t h = GNUTLS_DIG_SHA1;
    if (flags & (GNUTLS_KEYID_USE_SHA512 | GNUTLS_KEYID_USE_BEST_KNOWN))
        h = GNUTLS_DIG_SHA512;
    else if (flags & GNUTLS_KEYID_USE_SHA256)
        h = GNUTLS_DIG_SHA256;
    out.resize(crypto::hash_output_size(h));
    return crypto::Hash::compute(h, der, out.data());
}

// ---- signatures --------------------------------------------------------------

namespace {

// The hash, key type and salt a signature operation will use, after the
// checks that do not depend on the signature value.
struct SignPlan {
    const algo::Sign *row = nullptr;
    gnutls_digest_algorithm_t hash = GNUTLS_DIG_UNKNOWN;
    bool pss = false;
    std::size_t salt = 0;
};

// `verifying`: a TLS 1.3 scheme bound to another curve than the key's is
// refused on verification (signing with it just uses its hash, as GnuTLS does).
Err plan_signature(gnutls_sign_algorithm_t sign, gnutls_pk_algorithm_t keypk, gnutls_ecc_curve_t curve,
                   const PssParams &keypss, const PssParams *pss, SignPlan &plan, bool verifying)
{
    const algo::Sign *s = algo::sign(sign);
    if (!s)
        return Err::unsupported_signature_algorithm;
    if (!algo::sign_supports_pk(*s, keypk))
        return Err::constraint_error;
    if (verifying && s->curve != GNUTLS_ECC_CURVE_INVALID && s->curve != curve)
        return kIncompatibleSigWithKey;
    plan.row = s;
    plan.hash = s->hash;
    plan.pss = s->pk == GNUTLS_PK_RSA_PSS;
    if (keypk == GNUTLS_PK_RSA_PSS && !plan.pss)
        return Err::constraint_error;
    if (plan.pss) {
        plan.salt = crypto::hash_output_size(plan.hash);
        if (keypss.present) {
            if (keypss.hash != plan.hash)
                return Err::constraint_error;
            plan.salt = keypss.salt_size;
        }
        if (pss && pss->present) {
            if (pss->hash != GNUTLS_DIG_UNKNOWN && pss->hash != plan.hash)
                return Err::constraint_error;
            if (keypss.present && pss->salt_size < keypss.salt_size)
                return Err::constraint_error;
            plan.salt = pss->salt_size;
        }
    }
    return Err::ok;
}

bool is_eddsa(gnutls_pk_algorithm_t pk) noexcept
{
    return pk == GNUTLS_PK_EDDSA_ED25519 || pk == GNUTLS_PK_EDDSA_ED448;
}

Err policy_check(const algo::Sign &s, const VerifyOptions &opt) noexcept
{
    if (opt.allow_broken)
        return Err::ok;
    bool secure = opt.for_certificate ? s.secure_for_certs : s.secure;
    if (!secure && opt.for_certificate && opt.allow_sha1 && s.hash == GNUTLS_DIG_SHA1)
        secure = true;
    return secure ? Err::ok : Err::insufficient_security;
}

}  // namespace

Err PublicKey::verify_data(gnutls_sign_algorithm_t sign, Bytes data, Bytes sig, const PssParams *pss) const
{
    return verify_data(sign, data, sig, pss, VerifyOptions{});
}

Err PublicKey::verify_hash(gnutls_sign_algorithm_t sign, Bytes hash, Bytes sig, const PssParams *pss) const
{
    return verify_hash(sign, hash, sig, pss, VerifyOptions{});
}

Err PublicKey::verify_data(gnutls_sign_algorithm_t sign, Bytes data, Bytes sig, const PssParams *pss,
                           const VerifyOptions &opt) const
{
    if (empty())
        return Err::invalid_request;
    SignPlan plan;
    if (Err e = plan_signature(sign, impl_->pk, impl_->curve, impl_->pss, pss, plan, true); !ok(e))
        return e;
    if (Err e = policy_check(*plan.row, opt); !ok(e))
        return e;
    if (is_eddsa(impl_->pk))
        return pk::eddsa_verify(impl_->raw, data, sig);
    if (plan.hash == GNUTLS_DIG_UNKNOWN)  // RSA-RAW: the data is the DigestInfo
        return verify_hash(sign, data, sig, pss, opt);
    std::uint8_t digest[crypto::kMaxHashSize];
    std::size_t dlen = crypto::hash_output_size(plan.hash);
    if (dlen == 0)
        return Err::unknown_hash_algorithm;
    if (Err e = crypto::Hash::compute(plan.hash, data, digest); !ok(e))
        return e;
    return verify_hash(sign, Bytes(digest, dlen), sig, pss, opt);
}

Err PublicKey::verify_hash(gnutls_sign_algorithm_t sign, Bytes hash, Bytes sig, const PssParams *pss,
                           const VerifyOptions &opt) const
{
    if (empty())
        return Err::invalid_request;
    SignPlan plan;
    if (Err e = plan_signature(sign, impl_->pk, impl_->curve, impl_->pss, pss, plan, true); !ok(e))
        return e;
    if (Err e = policy_check(*plan.row, opt); !ok(e))
        return e;
    switch (impl_->pk) {
    case GNUTLS_PK_RSA:
    case GNUTLS_PK_RSA_PSS:
        if (sig.size() != impl_->rsa.size())
            return Err::pk_sig_verify_failed;
        if (plan.pss) {
            if (hash.size() != crypto::hash_output_size(plan.hash))
                return Err::pk_sig_verify_failed;
            return pk::rsa_pss_verify(impl_->rsa, plan.hash, hash, sig, plan.salt);
        }
        if (plan.hash == GNUTLS_DIG_UNKNOWN)
            return pk::rsa_pkcs1_verify_raw(impl_->rsa, hash, sig);
        if (hash.size() != crypto::hash_output_size(plan.hash))
            return Err::pk_sig_verify_failed;
        return pk::rsa_pkcs1_verify(impl_->rsa, plan.hash, hash, sig);
    case GNUTLS_PK_ECDSA:
        return pk::ecdsa_verify_der(impl_->ec, hash, sig);
    case GNUTLS_PK_GOST_01:
    case GNUTLS_PK_GOST_12_256:
    case GNUTLS_PK_GOST_12_512:
        return pk::gost_verify(impl_->ec, hash, sig);
    default:
        // EdDSA signs the message itself; a precomputed hash cannot be verified.
        return Err::invalid_request;
    }
}

Err PublicKey::encrypt(Bytes plain, std::vector<std::uint8_t> &ct) const
{
    if (empty() || impl_->pk != GNUTLS_PK_RSA)
        return Err::invalid_request;
    return pk::rsa_encrypt(impl_->rsa, plain, ct);
}

// ---- PrivateKey: the operations (encodings are in key-der.cc) ---------------

PrivateKey::PrivateKey() = default;
PrivateKey::~PrivateKey() = default;
PrivateKey::PrivateKey(PrivateKey &&) noexcept = default;
PrivateKey &PrivateKey::operator=(PrivateKey &&) noexcept = default;

bool PrivateKey::empty() const noexcept { return !impl_ || impl_->pk == GNUTLS_PK_UNKNOWN; }
gnutls_pk_algorithm_t PrivateKey::algorithm() const noexcept { return impl_ ? impl_->pk : GNUTLS_PK_UNKNOWN; }
gnutls_ecc_curve_t PrivateKey::curve() const noexcept { return impl_ ? impl_->curve : GNUTLS_ECC_CURVE_INVALID; }
const PssParams &PrivateKey::pss() const noexcept { return impl_ ? impl_->pss : kNoPss; }
gnutls_digest_algorithm_t PrivateKey::gost_digest() const noexcept
{
    return impl_ ? impl_->gost_digest : GNUTLS_DIG_UNKNOWN;
}
gnutls_gost_paramset_t PrivateKey::gost_paramset() const noexcept
{
    return impl_ ? impl_->gost_paramset : GNUTLS_GOST_PARAMSET_UNKNOWN;
}

unsigned PrivateKey::bits() const noexcept
{
    if (empty())
        return 0;
    if (impl_->pk == GNUTLS_PK_RSA || impl_->pk == GNUTLS_PK_RSA_PSS)
        return impl_->rsa.bits();
    return curve_bits(impl_->curve);
}

void PrivateKey::set_pss(const PssParams &p) noexcept
{
    if (!impl_)
        return;
    impl_->pss = p;
    // Parameters restrict an RSA key to RSA-PSS.
    if (p.present && impl_->pk == GNUTLS_PK_RSA)
        impl_->pk = GNUTLS_PK_RSA_PSS;
}

Err PrivateKey::public_key(PublicKey &out) const
{
    if (empty())
        return Err::invalid_request;
    switch (impl_->pk) {
    case GNUTLS_PK_RSA:
    case GNUTLS_PK_RSA_PSS: {
        pk::RsaPublicKey pub;
        if (Err e = impl_->rsa.public_key(pub); !ok(e))
            return e;
        if (Err e = out.import_rsa(pub.n(), pub.e()); !ok(e))
            return e;
        break;
    }
    case GNUTLS_PK_ECDSA: {
        SecretBytes x, y;
        if (Err e = impl_->ec.pub().get(x, y); !ok(e))
            return e;
        if (Err e = out.import_ecc(impl_->curve, x, y); !ok(e))
            return e;
        break;
    }
    case GNUTLS_PK_GOST_01:
    case GNUTLS_PK_GOST_12_256:
    case GNUTLS_PK_GOST_12_512: {
        std::vector<std::uint8_t> le;
        if (Err e = gost_point_le(impl_->ec.pub(), le); !ok(e))
            return e;
        std::size_t len = le.size() / 2;
        if (Err e = out.import_gost(impl_->curve, impl_->gost_digest, impl_->gost_paramset, Bytes(le.data(), len),
                                    Bytes(le.data() + len, len));
            !ok(e))
            return e;
        break;
    }
    default:
        if (Err e = out.import_ecc(impl_->curve, impl_->raw.public_key(), {}); !ok(e))
            return e;
        break;
    }
    // import_rsa() made an RSA key; carry the type and restrictions over.
    out.impl_->pk = impl_->pk;
    out.impl_->pss = impl_->pss;
    return Err::ok;
}

Err PrivateKey::sign_data(gnutls_sign_algorithm_t sign, Bytes data, std::vector<std::uint8_t> &sig,
                          const PssParams *pss) const
{
    if (empty())
        return Err::invalid_request;
    SignPlan plan;
    if (Err e = plan_signature(sign, impl_->pk, impl_->curve, impl_->pss, pss, plan, false); !ok(e))
        return e;
    if (is_eddsa(impl_->pk))
        return pk::eddsa_sign(impl_->raw, data, sig);
    if (plan.hash == GNUTLS_DIG_UNKNOWN)
        return sign_hash(sign, data, sig, pss);
    std::uint8_t digest[crypto::kMaxHashSize];
    std::size_t dlen = crypto::hash_output_size(plan.hash);
    if (dlen == 0)
        return Err::unknown_hash_algorithm;
    if (Err e = crypto::Hash::compute(plan.hash, data, digest); !ok(e))
        return e;
    return sign_hash(sign, Bytes(digest, dlen), sig, pss);
}

Err PrivateKey::sign_hash(gnutls_sign_algorithm_t sign, Bytes hash, std::vector<std::uint8_t> &sig,
                          const PssParams *pss) const
{
    if (empty())
        return Err::invalid_request;
    SignPlan plan;
    if (Err e = plan_signature(sign, impl_->pk, impl_->curve, impl_->pss, pss, plan, false); !ok(e))
        return e;
    switch (impl_->pk) {
    case GNUTLS_PK_RSA:
    case GNUTLS_PK_RSA_PSS:
        if (plan.pss) {
            if (hash.size() != crypto::hash_output_size(plan.hash))
                return Err::invalid_request;
            return pk::rsa_pss_sign(impl_->rsa, plan.hash, hash, sig, plan.salt);
        }
        if (plan.hash == GNUTLS_DIG_UNKNOWN)
            return pk::rsa_pkcs1_sign_raw(impl_->rsa, hash, sig);
        if (hash.size() != crypto::hash_output_size(plan.hash))
            return Err::invalid_request;
        return pk::rsa_pkcs1_sign(impl_->rsa, plan.hash, hash, sig);
    case GNUTLS_PK_ECDSA:
        return pk::ecdsa_sign_der(impl_->ec, hash, sig);
    case GNUTLS_PK_GOST_01:
    case GNUTLS_PK_GOST_12_256:
    case GNUTLS_PK_GOST_12_512:
        return pk::gost_sign(impl_->ec, hash, sig);
    default:
        return Err::invalid_request;
    }
}

Err PrivateKey::decrypt(Bytes ct, SecretBytes &plain) const
{
    if (empty() || impl_->pk != GNUTLS_PK_RSA)
        return Err::invalid_request;
    return pk::rsa_decrypt(impl_->rsa, ct, plain);
}

// ---- GOST: parameters and VKO ------------------------------------------------

Err PrivateKey::set_gost_params(gnutls_digest_algorithm_t digest, gnutls_gost_paramset_t paramset)
{
    if (empty() || !is_gost(impl_->pk) || gost_pk_of_digest(digest) != impl_->pk)
        return Err::invalid_request;
    if (paramset == GNUTLS_GOST_PARAMSET_UNKNOWN)
        paramset = gost_default_paramset(impl_->pk);
    else if (!algo::gost_paramset(paramset))
        return Err::invalid_request;
    impl_->gost_digest = digest;
    impl_->gost_paramset = paramset;
    return Err::ok;
}

void PrivateKey::set_gost_bare_export(bool bare) noexcept
{
    if (!empty() && is_gost(impl_->pk))
        impl_->gost_bare = bare;
}

Err PrivateKey::vko(const PublicKey &peer, Bytes ukm, SecretBytes &kek) const
{
    kek.clear();
    if (empty() || peer.empty() || !is_gost(impl_->pk) || !is_gost(peer.algorithm()) ||
        pk::gost_curve(impl_->curve) == nullptr || pk::gost_curve(impl_->curve) != pk::gost_curve(peer.curve()))
        return Err::invalid_request;
    SecretBytes point;
    if (Err e = pk::gost_vko_point(impl_->ec, peer.impl()->ec, ukm, point); !ok(e))
        return e;
    kek.assign(32, 0);
    return crypto::Hash::compute(GNUTLS_DIG_STREEBOG_256, Bytes(point.data(), point.size()), kek.data());
}

}  // namespace tlshim::x509
