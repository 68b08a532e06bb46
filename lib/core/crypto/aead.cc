// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/crypto/aead.hh"

#include <cstring>
#include <type_traits>

#include <nettle/ccm.h>
#include <nettle/chacha-poly1305.h>
#include <nettle/gcm.h>
#include <nettle/siv-cmac.h>

#include "core/crypto/block.hh"
#include "core/secret.hh"

namespace tlshim::crypto {

namespace {

using namespace detail;

// Compares the computed tag with the received one; on a mismatch wipes
// the plaintext already written.
Err finish_open(const std::uint8_t *computed, Bytes tag, std::uint8_t *out, std::size_t len) noexcept
{
    if (ct_memcmp(computed, tag.data(), tag.size()) != 0) {
        if (len != 0)
            secure_wipe(out, len);
        return Err::decryption_failed;
    }
    return Err::ok;
}

bool tag_size_ok(std::size_t n, std::size_t max) noexcept { return n >= 1 && n <= max; }

// --- GCM (AES, Camellia) --------------------------------------------------------------
template <typename B>
class GcmAead final : public Aead {
public:
    GcmAead(gnutls_cipher_algorithm_t alg, const std::uint8_t *key) noexcept : Aead(alg) { rekey(key); }
    ~GcmAead() override
    {
        secure_wipe(&cipher_, sizeof cipher_);
        secure_wipe(&key_, sizeof key_);
    }
    Err set_key(Bytes key) noexcept override
    {
        if (key.size() != B::key_size)
            return Err::invalid_request;
        rekey(key.data());
        return Err::ok;
    }
    Err seal(Bytes nonce, Bytes aad, const std::uint8_t *in, std::size_t len, std::uint8_t *out,
             MutableBytes tag) noexcept override
    {
        if (!tag_size_ok(tag.size(), GCM_DIGEST_SIZE))
            return Err::invalid_request;
        gcm_ctx ctx;
        WipeOnExit<gcm_ctx> w(ctx);
        start(ctx, nonce, aad);
        if (len != 0)
            gcm_encrypt(&ctx, &key_, &cipher_, B::encrypt(), len, out, in);
        gcm_digest(&ctx, &key_, &cipher_, B::encrypt(), tag.size(), tag.data());
        return Err::ok;
    }
    Err vector_short_buffer_error() const noexcept override
    {
        constexpr bool camellia = std::is_same_v<typename B::Ctx, camellia128_ctx> ||
                                  std::is_same_v<typename B::Ctx, camellia256_ctx>;
        return camellia ? Err::unexpected_packet_length : Err::short_memory_buffer;
    }
    Err open(Bytes nonce, Bytes aad, const std::uint8_t *in, std::size_t len, std::uint8_t *out,
             Bytes tag) noexcept override
    {
        if (!tag_size_ok(tag.size(), GCM_DIGEST_SIZE))
            return Err::invalid_request;
        gcm_ctx ctx;
        WipeOnExit<gcm_ctx> w(ctx);
        start(ctx, nonce, aad);
        if (len != 0)
            gcm_decrypt(&ctx, &key_, &cipher_, B::encrypt(), len, out, in);
        std::uint8_t computed[GCM_DIGEST_SIZE];
        gcm_digest(&ctx, &key_, &cipher_, B::encrypt(), tag.size(), computed);
        return finish_open(computed, tag, out, len);
    }

private:
    void rekey(const std::uint8_t *key) noexcept
    {
        B::set_encrypt_key(&cipher_, key);
        gcm_set_key(&key_, &cipher_, B::encrypt());
    }
    void start(gcm_ctx &ctx, Bytes nonce, Bytes aad) noexcept
    {
        gcm_set_iv(&ctx, &key_, nonce.size(), nonce.data());
        if (!aad.empty())
            gcm_update(&ctx, &key_, aad.size(), aad.data());
    }

    typename B::Ctx cipher_;
    gcm_key key_;
};

// --- CCM (AES) ------------------------------------------------------------------------
template <typename B>
class CcmAead final : public Aead {
public:
    CcmAead(gnutls_cipher_algorithm_t alg, const std::uint8_t *key, std::size_t max_tag) noexcept
        : Aead(alg), max_tag_(max_tag)
    {
        B::set_encrypt_key(&cipher_, key);
    }
    ~CcmAead() override { secure_wipe(&cipher_, sizeof cipher_); }
    Err set_key(Bytes key) noexcept override
    {
        if (key.size() != B::key_size)
            return Err::invalid_request;
        B::set_encrypt_key(&cipher_, key.data());
        return Err::ok;
    }
    std::size_t max_tag_size() const noexcept override { return max_tag_; }
    Err seal(Bytes nonce, Bytes aad, const std::uint8_t *in, std::size_t len, std::uint8_t *out,
             MutableBytes tag) noexcept override
    {
        if (!tag_size_ok(tag.size(), max_tag_))
            return Err::invalid_request;
        ccm_ctx ctx;
        WipeOnExit<ccm_ctx> w(ctx);
        if (Err e = start(ctx, nonce, aad, len, tag.size()); !ok(e))
            return e;
        if (len != 0)
            ccm_encrypt(&ctx, &cipher_, B::encrypt(), len, out, in);
        ccm_digest(&ctx, &cipher_, B::encrypt(), tag.size(), tag.data());
        return Err::ok;
    }
    Err open(Bytes nonce, Bytes aad, const std::uint8_t *in, std::size_t len, std::uint8_t *out,
             Bytes tag) noexcept override
    {
        if (!tag_size_ok(tag.size(), max_tag_))
            return Err::invalid_request;
        ccm_ctx ctx;
        WipeOnExit<ccm_ctx> w(ctx);
        if (Err e = start(ctx, nonce, aad, len, tag.size()); !ok(e))
            return e;
        if (len != 0)
            ccm_decrypt(&ctx, &cipher_, B::encrypt(), len, out, in);
        std::uint8_t computed[CCM_DIGEST_SIZE];
        ccm_digest(&ctx, &cipher_, B::encrypt(), tag.size(), computed);
        return finish_open(computed, tag, out, len);
    }

private:
    Err start(ccm_ctx &ctx, Bytes nonce, Bytes aad, std::size_t len, std::size_t tag_len) noexcept
    {
        if (nonce.size() < CCM_MIN_NONCE_SIZE || nonce.size() > CCM_MAX_NONCE_SIZE)
            return Err::invalid_request;
        // The message length must fit the 15 - nonce length bytes CCM encodes it in.
        const std::size_t lbytes = 15 - nonce.size();
        if (lbytes < sizeof(std::size_t) && (len >> (8 * lbytes)) != 0)
            return Err::invalid_request;
        ccm_set_nonce(&ctx, &cipher_, B::encrypt(), nonce.size(), nonce.data(), aad.size(), len, tag_len);
        if (!aad.empty())
            ccm_update(&ctx, &cipher_, B::encrypt(), aad.size(), aad.data());
        return Err::ok;
    }

    typename B::Ctx cipher_;
    std::size_t max_tag_;
};

// --- ChaCha20-Poly1305 (RFC 8439) ---------------------------------------------------------------
class ChachaPolyAead final : public Aead {
public:
    ChachaPolyAead(gnutls_cipher_algorithm_t alg, const std::uint8_t *key) noexcept : Aead(alg)
    {
        std::memcpy(key_, key, sizeof key_);
    }
    ~ChachaPolyAead() override { secure_wipe(key_, sizeof key_); }
    Err set_key(Bytes key) noexcept override
    {
        if (key.size() != sizeof key_)
            return Err::invalid_request;
        std::memcpy(key_, key.data(), sizeof key_);
        return Err::ok;
    }
    Err vector_short_buffer_error() const noexcept override { return Err::unexpected_packet_length; }
    Err seal(Bytes nonce, Bytes aad, const std::uint8_t *in, std::size_t len, std::uint8_t *out,
             MutableBytes tag) noexcept override
    {
        if (!tag_size_ok(tag.size(), CHACHA_POLY1305_DIGEST_SIZE))
            return Err::invalid_request;
        chacha_poly1305_ctx ctx;
        WipeOnExit<chacha_poly1305_ctx> w(ctx);
        if (Err e = start(ctx, nonce, aad); !ok(e))
            return e;
        if (len != 0)
            chacha_poly1305_encrypt(&ctx, len, out, in);
        chacha_poly1305_digest(&ctx, tag.size(), tag.data());
        return Err::ok;
    }
    Err open(Bytes nonce, Bytes aad, const std::uint8_t *in, std::size_t len, std::uint8_t *out,
             Bytes tag) noexcept override
    {
        if (!tag_size_ok(tag.size(), CHACHA_POLY1305_DIGEST_SIZE))
            return Err::invalid_request;
        chacha_poly1305_ctx ctx;
        WipeOnExit<chacha_poly1305_ctx> w(ctx);
        if (Err e = start(ctx, nonce, aad); !ok(e))
            return e;
        if (len != 0)
            chacha_poly1305_decrypt(&ctx, len, out, in);
        std::uint8_t computed[CHACHA_POLY1305_DIGEST_SIZE];
        chacha_poly1305_digest(&ctx, tag.size(), computed);
        return finish_open(computed, tag, out, len);
    }

private:
    // GnuTLS reads the first 12 bytes of a longer nonce; a shorter one is refused.
    Err start(chacha_poly1305_ctx &ctx, Bytes nonce, Bytes aad) noexcept
    {
        if (nonce.size() < CHACHA_POLY1305_NONCE_SIZE)
            return Err::invalid_request;
        chacha_poly1305_set_key(&ctx, key_);
        chacha_poly1305_set_nonce(&ctx, nonce.data());
        if (!aad.empty())
            chacha_poly1305_update(&ctx, aad.size(), aad.data());
        return Err::ok;
    }

    std::uint8_t key_[CHACHA_POLY1305_KEY_SIZE];
};

// --- AES-SIV-CMAC (RFC 5297) ------------------------------------------------------------
// Nettle only offers the whole-message form, which puts the tag in front;
// both directions go through one scratch buffer per call.
template <typename Ctx, void (*SetKey)(Ctx *, const std::uint8_t *),
          void (*Enc)(const Ctx *, std::size_t, const std::uint8_t *, std::size_t, const std::uint8_t *,
                      std::size_t, std::uint8_t *, const std::uint8_t *),
          int (*Dec)(const Ctx *, std::size_t, const std::uint8_t *, std::size_t, const std::uint8_t *,
                     std::size_t, std::uint8_t *, const std::uint8_t *),
          std::size_t KeySize>
class SivAead final : public Aead {
public:
    SivAead(gnutls_cipher_algorithm_t alg, const std::uint8_t *key) noexcept : Aead(alg) { SetKey(&ctx_, key); }
    ~SivAead() override { secure_wipe(&ctx_, sizeof ctx_); }
    Err set_key(Bytes key) noexcept override
    {
        if (key.size() != KeySize)
            return Err::invalid_request;
        SetKey(&ctx_, key.data());
        return Err::ok;
    }
    bool tag_first() const noexcept override { return true; }
    Err seal(Bytes nonce, Bytes aad, const std::uint8_t *in, std::size_t len, std::uint8_t *out,
             MutableBytes tag) override
    {
        if (nonce.size() < SIV_MIN_NONCE_SIZE || tag.size() != SIV_DIGEST_SIZE)
            return Err::invalid_request;
        SecretBytes buf(len + SIV_DIGEST_SIZE);
        Enc(&ctx_, nonce.size(), nonce.data(), aad.size(), aad.data(), buf.size(), buf.data(), in);
        std::memcpy(tag.data(), buf.data(), SIV_DIGEST_SIZE);
        if (len != 0)
            std::memcpy(out, buf.data() + SIV_DIGEST_SIZE, len);
        return Err::ok;
    }
    Err open(Bytes nonce, Bytes aad, const std::uint8_t *in, std::size_t len, std::uint8_t *out,
             Bytes tag) override
    {
        if (nonce.size() < SIV_MIN_NONCE_SIZE || tag.size() != SIV_DIGEST_SIZE)
            return Err::invalid_request;
        SecretBytes buf(len + SIV_DIGEST_SIZE);
        std::memcpy(buf.data(), tag.data(), SIV_DIGEST_SIZE);
        if (len != 0)
            std::memcpy(buf.data() + SIV_DIGEST_SIZE, in, len);
        SecretBytes plain(len == 0 ? 1 : len);
        if (!Dec(&ctx_, nonce.size(), nonce.data(), aad.size(), aad.data(), len, plain.data(), buf.data())) {
            if (len != 0)
                secure_wipe(out, len);
            return Err::decryption_failed;
        }
        if (len != 0)
            std::memcpy(out, plain.data(), len);
        return Err::ok;
    }

private:
    Ctx ctx_;
};

using SivAes128 = SivAead<siv_cmac_aes128_ctx, siv_cmac_aes128_set_key, siv_cmac_aes128_encrypt_message,
                          siv_cmac_aes128_decrypt_message, 32>;
using SivAes256 = SivAead<siv_cmac_aes256_ctx, siv_cmac_aes256_set_key, siv_cmac_aes256_encrypt_message,
                          siv_cmac_aes256_decrypt_message, 64>;

struct Spec {
    gnutls_cipher_algorithm_t alg;
    std::size_t key_size;
    Err size_error;
    Aead *(*make)(gnutls_cipher_algorithm_t, const std::uint8_t *key);
};

#define MAKE(...) [](gnutls_cipher_algorithm_t a, const std::uint8_t *k) -> Aead * { return new __VA_ARGS__; }

const Spec kSpecs[] = {
    {GNUTLS_CIPHER_AES_128_GCM, 16, Err::internal, MAKE(GcmAead<Aes128>(a, k))},
    {GNUTLS_CIPHER_AES_192_GCM, 24, Err::internal, MAKE(GcmAead<Aes192>(a, k))},
    {GNUTLS_CIPHER_AES_256_GCM, 32, Err::internal, MAKE(GcmAead<Aes256>(a, k))},
    {GNUTLS_CIPHER_CAMELLIA_128_GCM, 16, Err::invalid_request, MAKE(GcmAead<Camellia128>(a, k))},
    {GNUTLS_CIPHER_CAMELLIA_256_GCM, 32, Err::invalid_request, MAKE(GcmAead<Camellia256>(a, k))},
    {GNUTLS_CIPHER_AES_128_CCM, 16, Err::invalid_request, MAKE(CcmAead<Aes128>(a, k, 16))},
    {GNUTLS_CIPHER_AES_256_CCM, 32, Err::invalid_request, MAKE(CcmAead<Aes256>(a, k, 16))},
    {GNUTLS_CIPHER_AES_128_CCM_8, 16, Err::invalid_request, MAKE(CcmAead<Aes128>(a, k, 8))},
    {GNUTLS_CIPHER_AES_256_CCM_8, 32, Err::invalid_request, MAKE(CcmAead<Aes256>(a, k, 8))},
    {GNUTLS_CIPHER_CHACHA20_POLY1305, 32, Err::invalid_request, MAKE(ChachaPolyAead(a, k))},
    {GNUTLS_CIPHER_AES_128_SIV, 32, Err::invalid_request, MAKE(SivAes128(a, k))},
    {GNUTLS_CIPHER_AES_256_SIV, 64, Err::invalid_request, MAKE(SivAes256(a, k))},
};

#undef MAKE

}  // namespace

Err Aead::create(gnutls_cipher_algorithm_t alg, Bytes key, std::unique_ptr<Aead> &out)
{
    for (const Spec &s : kSpecs) {
        if (s.alg != alg)
            continue;
        if (key.size() != s.key_size)
            return s.size_error;
        out.reset(s.make(alg, key.data()));
        return Err::ok;
    }
    return Err::invalid_request;
}

}  // namespace tlshim::crypto
