// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/crypto/mac.hh"

#include <cstring>

#include <nettle/hmac.h>

#include "core/secret.hh"

namespace tlshim::crypto {

gnutls_digest_algorithm_t hmac_underlying_digest(gnutls_mac_algorithm_t alg) noexcept
{
    // GnuTLS offers HMAC over these digests (not over SHA-3 with Nettle 3.8,
    // nor over MD2, RIPEMD-160 or the MD5+SHA1 pair).
    switch (alg) {
    case GNUTLS_MAC_MD5:
    case GNUTLS_MAC_SHA1:
    case GNUTLS_MAC_SHA224:
    case GNUTLS_MAC_SHA256:
    case GNUTLS_MAC_SHA384:
    case GNUTLS_MAC_SHA512:
    case GNUTLS_MAC_GOSTR_94:
    case GNUTLS_MAC_STREEBOG_256:
    case GNUTLS_MAC_STREEBOG_512:
        return static_cast<gnutls_digest_algorithm_t>(alg);
    default:
        return GNUTLS_DIG_UNKNOWN;
    }
}

MacInfo mac_info(gnutls_mac_algorithm_t alg) noexcept
{
    if (gnutls_digest_algorithm_t d = hmac_underlying_digest(alg); d != GNUTLS_DIG_UNKNOWN)
        return {MacKind::hmac, hash_output_size(d), 0, false};
    switch (alg) {
    case GNUTLS_MAC_UMAC_96: return {MacKind::umac96, UMAC96_DIGEST_SIZE, UMAC_KEY_SIZE, true};
    case GNUTLS_MAC_UMAC_128: return {MacKind::umac128, UMAC128_DIGEST_SIZE, UMAC_KEY_SIZE, true};
    case GNUTLS_MAC_AES_CMAC_128: return {MacKind::cmac128, CMAC128_DIGEST_SIZE, AES128_KEY_SIZE, false};
    case GNUTLS_MAC_AES_CMAC_256: return {MacKind::cmac256, CMAC128_DIGEST_SIZE, AES256_KEY_SIZE, false};
    case GNUTLS_MAC_AES_GMAC_128: return {MacKind::gmac128, GCM_DIGEST_SIZE, AES128_KEY_SIZE, true};
    case GNUTLS_MAC_AES_GMAC_192: return {MacKind::gmac192, GCM_DIGEST_SIZE, AES192_KEY_SIZE, true};
    case GNUTLS_MAC_AES_GMAC_256: return {MacKind::gmac256, GCM_DIGEST_SIZE, AES256_KEY_SIZE, true};
    case GNUTLS_MAC_GOST28147_TC26Z_IMIT: return {MacKind::gost_imit, gost::kImitSize, gost::kKeySize, false};
    default: return {MacKind::none, 0, 0, false};
    }
}

Mac::Mac() noexcept { std::memset(&s_, 0, sizeof s_); }

Mac::Mac(const Mac &other) noexcept : alg_(other.alg_), info_(other.info_), hash_(other.hash_), imit_(other.imit_)
{
    std::memcpy(&s_, &other.s_, sizeof s_);
}

Mac &Mac::operator=(const Mac &other) noexcept
{
    if (this != &other) {
        alg_ = other.alg_;
        info_ = other.info_;
        hash_ = other.hash_;
        std::memcpy(&s_, &other.s_, sizeof s_);
        imit_ = other.imit_;
    }
    return *this;
}

Mac::~Mac() { wipe(); }

void Mac::wipe() noexcept { secure_wipe(&s_, sizeof s_); }

namespace {

nettle_cipher_func *gmac_cipher(MacKind k)
{
    switch (k) {
    case MacKind::gmac128: return reinterpret_cast<nettle_cipher_func *>(aes128_encrypt);
    case MacKind::gmac192: return reinterpret_cast<nettle_cipher_func *>(aes192_encrypt);
    default: return reinterpret_cast<nettle_cipher_func *>(aes256_encrypt);
    }
}

}  // namespace

Err Mac::init(gnutls_mac_algorithm_t alg, Bytes key) noexcept
{
    MacInfo info = mac_info(alg);
    if (info.kind == MacKind::none)
        return Err::invalid_request;
    if (info.key_size != 0 && key.size() != info.key_size)
        return Err::invalid_request;
    wipe();
    alg_ = alg;
    info_ = info;
    hash_ = nullptr;
    const std::uint8_t *k = key.data();
    switch (info.kind) {
    case MacKind::hmac:
        hash_ = hash_meta(hmac_underlying_digest(alg));
        nettle_hmac_set_key(&s_.hmac.outer, &s_.hmac.inner, &s_.hmac.state, hash_, key.size(),
                            key.empty() ? reinterpret_cast<const std::uint8_t *>("") : k);
        break;
    case MacKind::umac96: umac96_set_key(&s_.umac96, k); break;
    case MacKind::umac128: umac128_set_key(&s_.umac128, k); break;
    case MacKind::cmac128: cmac_aes128_set_key(&s_.cmac128, k); break;
    case MacKind::cmac256: cmac_aes256_set_key(&s_.cmac256, k); break;
    case MacKind::gmac128:
    case MacKind::gmac192:
    case MacKind::gmac256:
        if (info.kind == MacKind::gmac128)
            aes128_set_encrypt_key(&s_.gmac.cipher.a128, k);
        else if (info.kind == MacKind::gmac192)
            aes192_set_encrypt_key(&s_.gmac.cipher.a192, k);
        else
            aes256_set_encrypt_key(&s_.gmac.cipher.a256, k);
        gcm_set_key(&s_.gmac.key, &s_.gmac.cipher, gmac_cipher(info.kind));
        break;
    case MacKind::gost_imit: imit_.init(k, gost::Sbox::tc26z); break;
    case MacKind::none: break;
    }
    return Err::ok;
}

Err Mac::set_nonce(Bytes nonce) noexcept
{
    switch (info_.kind) {
    case MacKind::umac96:
    case MacKind::umac128:
        if (nonce.empty() || nonce.size() > UMAC_BLOCK_SIZE)
            return Err::invalid_request;
        if (info_.kind == MacKind::umac96)
            umac96_set_nonce(&s_.umac96, nonce.size(), nonce.data());
        else
            umac128_set_nonce(&s_.umac128, nonce.size(), nonce.data());
        return Err::ok;
    case MacKind::gmac128:
    case MacKind::gmac192:
    case MacKind::gmac256:
        gcm_set_iv(&s_.gmac.ctx, &s_.gmac.key, nonce.size(), nonce.data());
        s_.gmac.npending = 0;
        return Err::ok;
    default:
        return Err::ok;
    }
}

Err Mac::update(Bytes data) noexcept
{
    const std::uint8_t *p = data.data();
    std::size_t n = data.size();
    if (n == 0)
        return Err::ok;
    switch (info_.kind) {
    case MacKind::hmac: nettle_hmac_update(&s_.hmac.state, hash_, n, p); break;
    case MacKind::umac96: umac96_update(&s_.umac96, n, p); break;
    case MacKind::umac128: umac128_update(&s_.umac128, n, p); break;
    case MacKind::cmac128: cmac_aes128_update(&s_.cmac128, n, p); break;
    case MacKind::cmac256: cmac_aes256_update(&s_.cmac256, n, p); break;
    case MacKind::gmac128:
    case MacKind::gmac192:
    case MacKind::gmac256: {
        // Nettle's GHASH takes whole blocks until the last call; keep the
        // partial block here.  After a digest that consumed a partial
        // block, the authenticated length is no longer block-aligned and
        // more data needs a new nonce first.
        GmacState &g = s_.gmac;
        if (g.ctx.auth_size % GCM_BLOCK_SIZE != 0)
            return Err::invalid_request;
        if (g.npending != 0) {
            std::size_t take = GCM_BLOCK_SIZE - g.npending;
            if (take > n)
                take = n;
            std::memcpy(g.pending + g.npending, p, take);
            g.npending += take;
            p += take;
            n -= take;
            if (g.npending < GCM_BLOCK_SIZE)
                return Err::ok;
            gcm_update(&g.ctx, &g.key, GCM_BLOCK_SIZE, g.pending);
            g.npending = 0;
        }
        std::size_t whole = n - n % GCM_BLOCK_SIZE;
        if (whole != 0)
            gcm_update(&g.ctx, &g.key, whole, p);
        std::memcpy(g.pending, p + whole, n - whole);
        g.npending = n - whole;
        break;
    }
    case MacKind::gost_imit: imit_.update(p, n); break;
    case MacKind::none: return Err::invalid_request;
    }
    return Err::ok;
}

void Mac::digest(std::uint8_t *out) noexcept
{
    switch (info_.kind) {
    case MacKind::hmac:
        nettle_hmac_digest(&s_.hmac.outer, &s_.hmac.inner, &s_.hmac.state, hash_, info_.output_size, out);
        break;
    case MacKind::umac96: umac96_digest(&s_.umac96, UMAC96_DIGEST_SIZE, out); break;
    case MacKind::umac128: umac128_digest(&s_.umac128, UMAC128_DIGEST_SIZE, out); break;
    case MacKind::cmac128: cmac_aes128_digest(&s_.cmac128, CMAC128_DIGEST_SIZE, out); break;
    case MacKind::cmac256: cmac_aes256_digest(&s_.cmac256, CMAC128_DIGEST_SIZE, out); break;
    case MacKind::gmac128:
    case MacKind::gmac192:
    case MacKind::gmac256: {
        GmacState &g = s_.gmac;
        if (g.npending != 0) {
            gcm_update(&g.ctx, &g.key, g.npending, g.pending);
            g.npending = 0;
        }
        gcm_digest(&g.ctx, &g.key, &g.cipher, gmac_cipher(info_.kind), GCM_DIGEST_SIZE, out);
        break;
    }
    case MacKind::gost_imit: imit_.digest(out); break;
    case MacKind::none: break;
    }
}

Err Mac::compute(gnutls_mac_algorithm_t alg, Bytes key, Bytes in, std::uint8_t *out) noexcept
{
    MacInfo info = mac_info(alg);
    if (info.kind == MacKind::none || info.needs_nonce)
        return Err::invalid_request;
    Mac m;
    if (Err e = m.init(alg, key); !ok(e))
        return e;
    if (Err e = m.update(in); !ok(e))
        return e;
    m.digest(out);
    return Err::ok;
}

}  // namespace tlshim::crypto
