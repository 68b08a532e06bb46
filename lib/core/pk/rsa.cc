// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/pk/rsa.hh"

#include <nettle/rsa.h>

#include <cstring>

#include "core/crypto/hash.hh"
#include "core/crypto/random.hh"

namespace tlshim::pk {

namespace {

void wipe_public(rsa_public_key &k) noexcept
{
    wipe_limbs(k.n);
    wipe_limbs(k.e);
}

void wipe_private(rsa_private_key &k) noexcept
{
    wipe_limbs(k.d);
    wipe_limbs(k.p);
    wipe_limbs(k.q);
    wipe_limbs(k.a);
    wipe_limbs(k.b);
    wipe_limbs(k.c);
}

void set_mpz(mpz_ptr z, Bytes b) noexcept
{
    wipe_limbs(z);
    mpz_set_ui(z, 0);
    if (!b.empty())
        mpz_import(z, b.size(), 1, 1, 1, 0, b.data());
}

SecretBytes get_mpz(mpz_srcptr z)
{
    SecretBytes out(mpz_sgn(z) == 0 ? 0 : (mpz_sizeinbase(z, 2) + 7) / 8);
    if (!out.empty()) {
        std::size_t n = 0;
        mpz_export(out.data(), &n, 1, 1, 1, 0, z);
    }
    return out;
}

// Signature integer -> exactly `size` big-endian bytes.
Err put_fixed(const Mpz &s, std::size_t size, std::vector<std::uint8_t> &out)
{
    out.assign(size, 0);
    if (!s.to_bytes(out)) {
        out.clear();
        return Err::internal;
    }
    return Err::ok;
}

// A received signature/ciphertext must be a positive number of bytes no
// longer than the modulus.
bool size_ok(Bytes sig, std::size_t modulus) noexcept { return !sig.empty() && sig.size() <= modulus; }

}  // namespace

// --- public key --------------------------------------------------------------

RsaPublicKey::RsaPublicKey() noexcept { rsa_public_key_init(&key_); }

RsaPublicKey::~RsaPublicKey()
{
    wipe_public(key_);
    rsa_public_key_clear(&key_);
}

Err RsaPublicKey::set(Bytes n, Bytes e) noexcept
{
    valid_ = false;
    set_mpz(key_.n, n);
    set_mpz(key_.e, e);
    if (mpz_sgn(key_.n) <= 0 || mpz_even_p(key_.n) || mpz_cmp_ui(key_.e, 3) < 0 || mpz_even_p(key_.e) ||
        mpz_cmp(key_.e, key_.n) >= 0)
        return Err::invalid_request;
    if (!rsa_public_key_prepare(&key_))
        return Err::invalid_request;
    valid_ = true;
    return Err::ok;
}

unsigned RsaPublicKey::bits() const noexcept { return valid_ ? mpz_sizeinbase(key_.n, 2) : 0; }
SecretBytes RsaPublicKey::n() const { return get_mpz(key_.n); }
SecretBytes RsaPublicKey::e() const { return get_mpz(key_.e); }

// --- private key -------------------------------------------------------------

RsaPrivateKey::RsaPrivateKey() noexcept
{
    rsa_public_key_init(&pub_);
    rsa_private_key_init(&priv_);
}

RsaPrivateKey::~RsaPrivateKey()
{
    wipe();
    rsa_private_key_clear(&priv_);
    rsa_public_key_clear(&pub_);
}

void RsaPrivateKey::wipe() noexcept
{
    wipe_public(pub_);
    wipe_private(priv_);
}

Err RsaPrivateKey::import(Bytes n, Bytes e, Bytes d, Bytes p, Bytes q, Bytes dp, Bytes dq, Bytes qinv) noexcept
{
    valid_ = false;
    set_mpz(pub_.n, n);
    set_mpz(pub_.e, e);
    set_mpz(priv_.d, d);
    set_mpz(priv_.p, p);
    set_mpz(priv_.q, q);
    set_mpz(priv_.a, dp);
    set_mpz(priv_.b, dq);
    set_mpz(priv_.c, qinv);

    if (mpz_cmp_ui(priv_.p, 2) <= 0 || mpz_cmp_ui(priv_.q, 2) <= 0 || mpz_cmp_ui(pub_.e, 3) < 0)
        return Err::invalid_request;
    Mpz t, pm1, qm1;
    mpz_mul(t.get(), priv_.p, priv_.q);
    if (mpz_cmp(t.get(), pub_.n) != 0)
        return Err::invalid_request;
    mpz_sub_ui(pm1.get(), priv_.p, 1);
    mpz_sub_ui(qm1.get(), priv_.q, 1);

    bool need_crt = dp.empty() || dq.empty() || qinv.empty();
    if (need_crt) {
        if (mpz_sgn(priv_.d) <= 0)
            return Err::invalid_request;
        mpz_fdiv_r(priv_.a, priv_.d, pm1.get());
        mpz_fdiv_r(priv_.b, priv_.d, qm1.get());
        if (!mpz_invert(priv_.c, priv_.q, priv_.p))
            return Err::invalid_request;
    }
    // Consistency: e*dp = 1 mod p-1, e*dq = 1 mod q-1, qinv*q = 1 mod p.
    mpz_mul(t.get(), pub_.e, priv_.a);
    mpz_fdiv_r(t.get(), t.get(), pm1.get());
    bool good = mpz_cmp_ui(t.get(), 1) == 0;
    mpz_mul(t.get(), pub_.e, priv_.b);
    mpz_fdiv_r(t.get(), t.get(), qm1.get());
    good = good && mpz_cmp_ui(t.get(), 1) == 0;
    mpz_mul(t.get(), priv_.c, priv_.q);
    mpz_fdiv_r(t.get(), t.get(), priv_.p);
    good = good && mpz_cmp_ui(t.get(), 1) == 0;
    if (!good)
        return Err::invalid_request;
    if (mpz_sgn(priv_.d) == 0) {
        // Without d: recover it as e^-1 mod lcm(p-1, q-1) so export is complete.
        Mpz l;
        mpz_lcm(l.get(), pm1.get(), qm1.get());
        if (!mpz_invert(priv_.d, pub_.e, l.get()))
            return Err::invalid_request;
    }
    if (!rsa_public_key_prepare(&pub_) || !rsa_private_key_prepare(&priv_))
        return Err::invalid_request;
    if (pub_.size != priv_.size)
        return Err::invalid_request;
    valid_ = true;
    return Err::ok;
}

Err RsaPrivateKey::import(const RsaRaw &r) noexcept { return import(r.n, r.e, r.d, r.p, r.q, r.dp, r.dq, r.qinv); }

Err RsaPrivateKey::export_raw(RsaRaw &out) const
{
    if (!valid_)
        return Err::invalid_request;
    out.n = get_mpz(pub_.n);
    out.e = get_mpz(pub_.e);
    out.d = get_mpz(priv_.d);
    out.p = get_mpz(priv_.p);
    out.q = get_mpz(priv_.q);
    out.dp = get_mpz(priv_.a);
    out.dq = get_mpz(priv_.b);
    out.qinv = get_mpz(priv_.c);
    return Err::ok;
}

Err RsaPrivateKey::generate(unsigned bits) noexcept
{
    valid_ = false;
    if (bits < 1024 || bits > 16384)
        return Err::invalid_request;
    mpz_set_ui(pub_.e, 65537);
    NettleRandom rng;
    int r = rsa_generate_keypair(&pub_, &priv_, &rng, NettleRandom::fill, nullptr, nullptr, bits, 0);
    if (rng.status != Err::ok) {
        wipe();
        return rng.status;
    }
    if (!r) {
        wipe();
        return Err::internal;
    }
    valid_ = true;
    return Err::ok;
}

unsigned RsaPrivateKey::bits() const noexcept { return valid_ ? mpz_sizeinbase(pub_.n, 2) : 0; }

Err RsaPrivateKey::public_key(RsaPublicKey &out) const
{
    if (!valid_)
        return Err::invalid_request;
    return out.set(get_mpz(pub_.n), get_mpz(pub_.e));
}

// --- PKCS#1 v1.5 signatures --------------------------------------------------

Bytes digest_info_prefix(gnutls_digest_algorithm_t alg) noexcept
{
    // DigestInfo ::= SEQUENCE { SEQUENCE { OID, NULL }, OCTET STRING digest }
    // up to the digest itself (RFC 8017, 9.2 note 1; SHA-3 OIDs from NIST).
    static const std::uint8_t md5[] = {0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48,
                                       0x86, 0xf7, 0x0d, 0x02, 0x05, 0x05, 0x00, 0x04, 0x10};
    static const std::uint8_t sha1[] = {0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e,
                                        0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14};
#define TLSHIM_NIST_HASH(name, seqlen, last, dlen)                                                      \
    static const std::uint8_t name[] = {0x30, seqlen, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, \
                                        0x65, 0x03, 0x04, 0x02, last, 0x05, 0x00, 0x04, dlen};
    TLSHIM_NIST_HASH(sha256, 0x31, 0x01, 0x20)
    TLSHIM_NIST_HASH(sha384, 0x41, 0x02, 0x30)
    TLSHIM_NIST_HASH(sha512, 0x51, 0x03, 0x40)
    TLSHIM_NIST_HASH(sha224, 0x2d, 0x04, 0x1c)
    TLSHIM_NIST_HASH(sha3_224, 0x2d, 0x07, 0x1c)
    TLSHIM_NIST_HASH(sha3_256, 0x31, 0x08, 0x20)
    TLSHIM_NIST_HASH(sha3_384, 0x41, 0x09, 0x30)
    TLSHIM_NIST_HASH(sha3_512, 0x51, 0x0a, 0x40)
#undef TLSHIM_NIST_HASH
    switch (alg) {
    case GNUTLS_DIG_MD5: return md5;
    case GNUTLS_DIG_SHA1: return sha1;
    case GNUTLS_DIG_SHA224: return sha224;
    case GNUTLS_DIG_SHA256: return sha256;
    case GNUTLS_DIG_SHA384: return sha384;
    case GNUTLS_DIG_SHA512: return sha512;
    case GNUTLS_DIG_SHA3_224: return sha3_224;
    case GNUTLS_DIG_SHA3_256: return sha3_256;
    case GNUTLS_DIG_SHA3_384: return sha3_384;
    case GNUTLS_DIG_SHA3_512: return sha3_512;
    default: return {};
    }
}

namespace {

// prefix || digest into a fixed buffer; false for an unknown digest or wrong length.
bool build_digest_info(gnutls_digest_algorithm_t alg, Bytes digest, std::uint8_t (&buf)[19 + 64], std::size_t &len) noexcept
{
    Bytes prefix = digest_info_prefix(alg);
    if (prefix.empty() || digest.size() != prefix.back() || digest.size() > 64)
        return false;
    std::memcpy(buf, prefix.data(), prefix.size());
    std::memcpy(buf + prefix.size(), digest.data(), digest.size());
    len = prefix.size() + digest.size();
    return true;
}

}  // namespace

Err rsa_pkcs1_sign_raw(const RsaPrivateKey &key, Bytes data, std::vector<std::uint8_t> &sig)
{
    if (!key.valid() || data.empty())
        return Err::invalid_request;
    // EMSA-PKCS1-v1_5 needs at least 11 bytes of padding.
    if (data.size() + 11 > key.size())
        return Err::pk_sign_failed;
    Mpz s;
    NettleRandom rng;
    int r = rsa_pkcs1_sign_tr(key.nettle_public(), key.nettle_private(), &rng, NettleRandom::fill, data.size(),
                              data.data(), s.get());
    if (rng.status != Err::ok)
        return rng.status;
    if (!r)
        return Err::pk_sign_failed;
    return put_fixed(s, key.size(), sig);
}

Err rsa_pkcs1_sign(const RsaPrivateKey &key, gnutls_digest_algorithm_t alg, Bytes digest, std::vector<std::uint8_t> &sig)
{
    std::uint8_t buf[19 + 64];
    std::size_t len = 0;
    if (!build_digest_info(alg, digest, buf, len))
        return Err::invalid_request;
    return rsa_pkcs1_sign_raw(key, Bytes(buf, len), sig);
}

Err rsa_pkcs1_verify_raw(const RsaPublicKey &key, Bytes data, Bytes sig) noexcept
{
    if (!key.valid() || data.empty())
        return Err::invalid_request;
    if (!size_ok(sig, key.size()))
        return Err::pk_sig_verify_failed;
    Mpz s(sig);
    return rsa_pkcs1_verify(key.nettle(), data.size(), data.data(), s.get()) ? Err::ok : Err::pk_sig_verify_failed;
}

Err rsa_pkcs1_verify(const RsaPublicKey &key, gnutls_digest_algorithm_t alg, Bytes digest, Bytes sig) noexcept
{
    std::uint8_t buf[19 + 64];
    std::size_t len = 0;
    if (!build_digest_info(alg, digest, buf, len))
        return Err::invalid_request;
    return rsa_pkcs1_verify_raw(key, Bytes(buf, len), sig);
}

// --- PSS -----------------------------------------------------------------------

Err rsa_pss_sign(const RsaPrivateKey &key, gnutls_digest_algorithm_t alg, Bytes digest,
                 std::vector<std::uint8_t> &sig, std::size_t salt_len)
{
    if (!key.valid())
        return Err::invalid_request;
    std::size_t hlen = crypto::hash_output_size(alg);
    if (digest.size() != hlen || hlen == 0)
        return Err::invalid_request;
    if (salt_len == kPssSaltDigest)
        salt_len = hlen;
    // The encoded message (modulus bits - 1) must hold hash, salt and two bytes.
    std::size_t em_len = (key.bits() - 1 + 7) / 8;
    if (salt_len + hlen + 2 > em_len)
        return Err::pk_sign_failed;
    SecretBytes salt(salt_len);
    if (salt_len > 0) {
        Err e = crypto::random(crypto::RandomLevel::nonce, salt);
        if (e != Err::ok)
            return e;
    }
    Mpz s;
    NettleRandom rng;
    int r = 0;
    auto *pub = key.nettle_public();
    auto *priv = key.nettle_private();
    switch (alg) {
    case GNUTLS_DIG_SHA256:
        r = rsa_pss_sha256_sign_digest_tr(pub, priv, &rng, NettleRandom::fill, salt_len, salt.data(), digest.data(), s.get());
        break;
    case GNUTLS_DIG_SHA384:
        r = rsa_pss_sha384_sign_digest_tr(pub, priv, &rng, NettleRandom::fill, salt_len, salt.data(), digest.data(), s.get());
        break;
    case GNUTLS_DIG_SHA512:
        r = rsa_pss_sha512_sign_digest_tr(pub, priv, &rng, NettleRandom::fill, salt_len, salt.data(), digest.data(), s.get());
        break;
    default:
        return Err::unsupported_signature_algorithm;
    }
    if (rng.status != Err::ok)
        return rng.status;
    if (!r)
        return Err::pk_sign_failed;
    return put_fixed(s, key.size(), sig);
}

Err rsa_pss_verify(const RsaPublicKey &key, gnutls_digest_algorithm_t alg, Bytes digest, Bytes sig,
                   std::size_t salt_len) noexcept
{
    if (!key.valid())
        return Err::invalid_request;
    std::size_t hlen = crypto::hash_output_size(alg);
    if (digest.size() != hlen || hlen == 0)
        return Err::invalid_request;
    if (salt_len == kPssSaltDigest)
        salt_len = hlen;
    if (!size_ok(sig, key.size()))
        return Err::pk_sig_verify_failed;
    Mpz s(sig);
    int r = 0;
    switch (alg) {
    case GNUTLS_DIG_SHA256: r = rsa_pss_sha256_verify_digest(key.nettle(), salt_len, digest.data(), s.get()); break;
    case GNUTLS_DIG_SHA384: r = rsa_pss_sha384_verify_digest(key.nettle(), salt_len, digest.data(), s.get()); break;
    case GNUTLS_DIG_SHA512: r = rsa_pss_sha512_verify_digest(key.nettle(), salt_len, digest.data(), s.get()); break;
    default: return Err::unsupported_signature_algorithm;
    }
    return r ? Err::ok : Err::pk_sig_verify_failed;
}

// --- encryption ------------------------------------------------------------------

Err rsa_encrypt(const RsaPublicKey &key, Bytes plain, std::vector<std::uint8_t> &ct)
{
    if (!key.valid())
        return Err::invalid_request;
    if (plain.size() + 11 > key.size())
        return Err::pk_encryption_failed;
    Mpz c;
    NettleRandom rng;
    int r = rsa_encrypt(key.nettle(), &rng, NettleRandom::fill, plain.size(), plain.data(), c.get());
    if (rng.status != Err::ok)
        return rng.status;
    if (!r)
        return Err::pk_encryption_failed;
    return put_fixed(c, key.size(), ct);
}

Err rsa_decrypt(const RsaPrivateKey &key, Bytes ct, SecretBytes &plain)
{
    if (!key.valid())
        return Err::invalid_request;
    if (!size_ok(ct, key.size()))
        return Err::decryption_failed;
    Mpz c(ct);
    SecretBytes buf(key.size());
    std::size_t len = buf.size();
    NettleRandom rng;
    int r = rsa_decrypt_tr(key.nettle_public(), key.nettle_private(), &rng, NettleRandom::fill, &len, buf.data(), c.get());
    if (rng.status != Err::ok)
        return rng.status;
    if (!r)
        return Err::decryption_failed;
    buf.resize(len);
    plain = std::move(buf);
    return Err::ok;
}

Err rsa_decrypt_premaster(const RsaPrivateKey &key, Bytes ct, MutableBytes premaster, std::uint8_t major,
                          std::uint8_t minor) noexcept
{
    constexpr std::size_t kLen = 48;
    if (!key.valid() || premaster.size() != kLen)
        return Err::invalid_request;
    // The fallback is drawn first, whatever happens next.
    FixedSecret<kLen> fallback, decrypted;
    fallback.resize(kLen);
    decrypted.resize(kLen);
    Err e = crypto::random(crypto::RandomLevel::key, fallback.span());
    if (e != Err::ok)
        return e;
    // The ciphertext length is public; a wrong one simply counts as a failure.
    unsigned length_ok = ct.size() == key.size() ? 1u : 0u;
    Mpz c(length_ok ? ct : Bytes());
    NettleRandom rng;
    // rsa_sec_decrypt runs in constant time and reports success only when
    // the padding is valid and the message is exactly 48 bytes.
    int r = rsa_sec_decrypt(key.nettle_public(), key.nettle_private(), &rng, NettleRandom::fill, kLen,
                            decrypted.data(), c.get());
    if (rng.status != Err::ok)
        return rng.status;
    // mask = 0xff on success, 0x00 on failure, without a branch.
    unsigned good = static_cast<unsigned>(r & 1) & length_ok;
    auto mask = static_cast<std::uint8_t>(0u - good);
    for (std::size_t i = 0; i < kLen; ++i)
        premaster[i] = static_cast<std::uint8_t>((decrypted.data()[i] & mask) | (fallback.data()[i] & ~mask));
    premaster[0] = major;
    premaster[1] = minor;
    return Err::ok;
}

}  // namespace tlshim::pk
