// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/crypto/hash.hh"

#include <cstring>

#include "core/secret.hh"

namespace tlshim::crypto {

static_assert(sizeof(HashState) >= sizeof(sha3_256_ctx) && sizeof(HashState) >= sizeof(sha3_512_ctx));
static_assert(sizeof(HashState) >= sizeof(streebog256_ctx) && sizeof(HashState) >= sizeof(sha224_ctx));

const nettle_hash *hash_meta(gnutls_digest_algorithm_t alg) noexcept
{
    switch (alg) {
    case GNUTLS_DIG_MD5: return &nettle_md5;
    case GNUTLS_DIG_SHA1: return &nettle_sha1;
    case GNUTLS_DIG_MD2: return &nettle_md2;
    case GNUTLS_DIG_SHA224: return &nettle_sha224;
    case GNUTLS_DIG_SHA256: return &nettle_sha256;
    case GNUTLS_DIG_SHA384: return &nettle_sha384;
    case GNUTLS_DIG_SHA512: return &nettle_sha512;
    case GNUTLS_DIG_SHA3_224: return &nettle_sha3_224;
    case GNUTLS_DIG_SHA3_256: return &nettle_sha3_256;
    case GNUTLS_DIG_SHA3_384: return &nettle_sha3_384;
    case GNUTLS_DIG_SHA3_512: return &nettle_sha3_512;
    // GnuTLS's GOST R 34.11-94 uses the CryptoPro S-boxes.
    case GNUTLS_DIG_GOSTR_94: return &nettle_gosthash94cp;
    case GNUTLS_DIG_STREEBOG_256: return &nettle_streebog256;
    case GNUTLS_DIG_STREEBOG_512: return &nettle_streebog512;
    default: return nullptr;
    }
}

std::size_t hash_output_size(gnutls_digest_algorithm_t alg) noexcept
{
    if (alg == GNUTLS_DIG_MD5_SHA1)
        return MD5_DIGEST_SIZE + SHA1_DIGEST_SIZE;
    const nettle_hash *m = hash_meta(alg);
    return m != nullptr ? m->digest_size : 0;
}

Hash::Hash() noexcept { std::memset(&state_, 0, sizeof state_); std::memset(&second_, 0, sizeof second_); }

Hash::Hash(const Hash &other) noexcept
    : alg_(other.alg_), meta_(other.meta_), size_(other.size_)
{
    std::memcpy(&state_, &other.state_, sizeof state_);
    std::memcpy(&second_, &other.second_, sizeof second_);
}

Hash &Hash::operator=(const Hash &other) noexcept
{
    if (this != &other) {
        alg_ = other.alg_;
        meta_ = other.meta_;
        size_ = other.size_;
        std::memcpy(&state_, &other.state_, sizeof state_);
        std::memcpy(&second_, &other.second_, sizeof second_);
    }
    return *this;
}

Hash::~Hash() { wipe(); }

void Hash::wipe() noexcept
{
    secure_wipe(&state_, sizeof state_);
    secure_wipe(&second_, sizeof second_);
}

Err Hash::init(gnutls_digest_algorithm_t alg) noexcept
{
    if (alg == GNUTLS_DIG_MD5_SHA1) {
        wipe();
        alg_ = alg;
        meta_ = &nettle_md5;
        size_ = MD5_DIGEST_SIZE + SHA1_DIGEST_SIZE;
        md5_init(&state_.md5);
        sha1_init(&second_);
        return Err::ok;
    }
    const nettle_hash *m = hash_meta(alg);
    if (m == nullptr)
        return Err::invalid_request;
    wipe();
    alg_ = alg;
    meta_ = m;
    size_ = m->digest_size;
    m->init(&state_);
    return Err::ok;
}

void Hash::update(Bytes data) noexcept { update(data.data(), data.size()); }

void Hash::update(const void *data, std::size_t len) noexcept
{
    if (meta_ == nullptr || len == 0)
        return;
    auto *p = static_cast<const std::uint8_t *>(data);
    meta_->update(&state_, len, p);
    if (alg_ == GNUTLS_DIG_MD5_SHA1)
        sha1_update(&second_, len, p);
}

void Hash::digest(std::uint8_t *out) noexcept
{
    if (meta_ == nullptr)
        return;
    if (alg_ == GNUTLS_DIG_MD5_SHA1) {
        md5_digest(&state_.md5, MD5_DIGEST_SIZE, out);
        sha1_digest(&second_, SHA1_DIGEST_SIZE, out + MD5_DIGEST_SIZE);
        return;
    }
    meta_->digest(&state_, size_, out);
}

Err Hash::compute(gnutls_digest_algorithm_t alg, Bytes in, std::uint8_t *out) noexcept
{
    Hash h;
    if (Err e = h.init(alg); !ok(e))
        return e;
    h.update(in);
    h.digest(out);
    return Err::ok;
}

}  // namespace tlshim::crypto
