// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/crypto/cipher.hh"

#include <cstring>
#include <new>

#include <nettle/arcfour.h>
#include <nettle/cbc.h>
#include <nettle/cfb.h>
#include <nettle/chacha-poly1305.h>
#include <nettle/chacha.h>
#include <nettle/gcm.h>
#include <nettle/salsa20.h>
#include <nettle/xts.h>

#include "core/crypto/block.hh"
#include "core/crypto/gost28147.hh"
#include "core/secret.hh"

namespace tlshim::crypto {

namespace {

using namespace detail;

// Copies an IV of at most `n` bytes into a zero-filled buffer of n bytes.
void load_iv(std::uint8_t *dst, std::size_t n, Bytes iv) noexcept
{
    std::memset(dst, 0, n);
    if (!iv.empty())
        std::memcpy(dst, iv.data(), iv.size() < n ? iv.size() : n);
}

// --- CBC -----------------------------------------------------------------------
template <typename B>
class CbcCipher final : public Cipher {
public:
    CbcCipher(gnutls_cipher_algorithm_t alg, const std::uint8_t *key) noexcept : Cipher(alg)
    {
        B::set_encrypt_key(&enc_, key);
        B::set_decrypt_key(&dec_, key);
        std::memset(iv_, 0, sizeof iv_);
    }
    ~CbcCipher() override
    {
        secure_wipe(&enc_, sizeof enc_);
        secure_wipe(&dec_, sizeof dec_);
        secure_wipe(iv_, sizeof iv_);
    }
    Err set_iv(Bytes iv) noexcept override
    {
        load_iv(iv_, B::block_size, iv);
        return Err::ok;
    }
    Err encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        if (len % B::block_size != 0)
            return Err::invalid_request;
        if (len != 0)
            cbc_encrypt(&enc_, B::encrypt(), B::block_size, iv_, len, out, in);
        return Err::ok;
    }
    Err decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        if (len % B::block_size != 0)
            return Err::invalid_request;
        if (len != 0)
            cbc_decrypt(&dec_, B::decrypt(), B::block_size, iv_, len, out, in);
        return Err::ok;
    }
    std::size_t padding_block() const noexcept override { return B::block_size; }

private:
    typename B::Ctx enc_, dec_;
    std::uint8_t iv_[16];
};

// --- CFB8 ----------------------------------------------------------------------
template <typename B>
class Cfb8Cipher final : public Cipher {
public:
    Cfb8Cipher(gnutls_cipher_algorithm_t alg, const std::uint8_t *key) noexcept : Cipher(alg)
    {
        B::set_encrypt_key(&enc_, key);
        std::memset(iv_, 0, sizeof iv_);
    }
    ~Cfb8Cipher() override
    {
        secure_wipe(&enc_, sizeof enc_);
        secure_wipe(iv_, sizeof iv_);
    }
    Err set_iv(Bytes iv) noexcept override
    {
        load_iv(iv_, B::block_size, iv);
        have_iv_ = true;
        return Err::ok;
    }
    // Until an IV is set, GnuTLS passes the data through unchanged.
    Err encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        if (!have_iv_)
            std::memmove(out, in, len);
        else if (len != 0)
            cfb8_encrypt(&enc_, B::encrypt(), B::block_size, iv_, len, out, in);
        return Err::ok;
    }
    Err decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        if (!have_iv_)
            std::memmove(out, in, len);
        else if (len != 0)
            cfb8_decrypt(&enc_, B::encrypt(), B::block_size, iv_, len, out, in);
        return Err::ok;
    }
    // GnuTLS pads every block-cipher mode, CFB8 included.
    std::size_t padding_block() const noexcept override { return B::block_size; }

private:
    typename B::Ctx enc_;
    std::uint8_t iv_[16];
    bool have_iv_ = false;
};

// --- XTS -----------------------------------------------------------------------
template <typename Key, void (*SetEnc)(Key *, const std::uint8_t *), void (*SetDec)(Key *, const std::uint8_t *),
          void (*Enc)(Key *, const std::uint8_t *, std::size_t, std::uint8_t *, const std::uint8_t *),
          void (*Dec)(Key *, const std::uint8_t *, std::size_t, std::uint8_t *, const std::uint8_t *)>
class XtsCipher final : public Cipher {
public:
    XtsCipher(gnutls_cipher_algorithm_t alg, const std::uint8_t *key) noexcept : Cipher(alg)
    {
        SetEnc(&enc_, key);
        SetDec(&dec_, key);
        std::memset(tweak_, 0, sizeof tweak_);
    }
    ~XtsCipher() override
    {
        secure_wipe(&enc_, sizeof enc_);
        secure_wipe(&dec_, sizeof dec_);
        secure_wipe(tweak_, sizeof tweak_);
    }
    Err set_iv(Bytes iv) noexcept override
    {
        load_iv(tweak_, sizeof tweak_, iv);
        return Err::ok;
    }
    // Each call is one data unit, encrypted from the tweak (ciphertext stealing
    // covers lengths that are not whole blocks).
    Err encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        if (len < XTS_BLOCK_SIZE)
            return Err::invalid_request;
        Enc(&enc_, tweak_, len, out, in);
        return Err::ok;
    }
    Err decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        if (len < XTS_BLOCK_SIZE)
            return Err::invalid_request;
        Dec(&dec_, tweak_, len, out, in);
        return Err::ok;
    }
    std::size_t padding_block() const noexcept override { return XTS_BLOCK_SIZE; }

private:
    Key enc_, dec_;
    std::uint8_t tweak_[XTS_BLOCK_SIZE];
};

// --- stream ciphers ---------------------------------------------------------------
class ArcfourCipher final : public Cipher {
public:
    ArcfourCipher(gnutls_cipher_algorithm_t alg, Bytes key) noexcept : Cipher(alg)
    {
        arcfour_set_key(&ctx_, key.size(), key.data());
    }
    ~ArcfourCipher() override { secure_wipe(&ctx_, sizeof ctx_); }
    Err set_iv(Bytes) noexcept override { return Err::ok; }
    Err encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        arcfour_crypt(&ctx_, len, out, in);
        return Err::ok;
    }
    Err decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        return encrypt(in, out, len);
    }
    bool strict_output() const noexcept override { return false; }

private:
    arcfour_ctx ctx_;
};

class Salsa20Cipher final : public Cipher {
public:
    Salsa20Cipher(gnutls_cipher_algorithm_t alg, const std::uint8_t *key, bool r12) noexcept
        : Cipher(alg), r12_(r12)
    {
        std::memset(&ctx_, 0, sizeof ctx_);
        salsa20_256_set_key(&ctx_, key);
    }
    ~Salsa20Cipher() override { secure_wipe(&ctx_, sizeof ctx_); }
    Err set_iv(Bytes iv) noexcept override
    {
        std::uint8_t n[SALSA20_NONCE_SIZE];
        load_iv(n, sizeof n, iv);
        salsa20_set_nonce(&ctx_, n);
        return Err::ok;
    }
    Err encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        if (len == 0)
            return Err::ok;
        if (r12_)
            salsa20r12_crypt(&ctx_, len, out, in);
        else
            salsa20_crypt(&ctx_, len, out, in);
        return Err::ok;
    }
    Err decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        return encrypt(in, out, len);
    }
    bool strict_output() const noexcept override { return false; }

private:
    salsa20_ctx ctx_;
    bool r12_;
};

// ChaCha20 with a 16-byte IV: a 32-bit counter and 96-bit nonce (CHACHA20_32)
// or a 64-bit counter and 64-bit nonce (CHACHA20_64), counter first.
class ChachaCipher final : public Cipher {
public:
    ChachaCipher(gnutls_cipher_algorithm_t alg, const std::uint8_t *key, bool counter32) noexcept
        : Cipher(alg), counter32_(counter32)
    {
        std::memset(&ctx_, 0, sizeof ctx_);
        chacha_set_key(&ctx_, key);
    }
    ~ChachaCipher() override { secure_wipe(&ctx_, sizeof ctx_); }
    Err set_iv(Bytes iv) noexcept override
    {
        std::uint8_t b[16];
        load_iv(b, sizeof b, iv);
        if (counter32_) {
            chacha_set_nonce96(&ctx_, b + 4);
            chacha_set_counter32(&ctx_, b);
        } else {
            chacha_set_nonce(&ctx_, b + 8);
            chacha_set_counter(&ctx_, b);
        }
        secure_wipe(b, sizeof b);
        return Err::ok;
    }
    Err encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        if (len == 0)
            return Err::ok;
        if (counter32_)
            chacha_crypt32(&ctx_, len, out, in);
        else
            chacha_crypt(&ctx_, len, out, in);
        return Err::ok;
    }
    Err decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        return encrypt(in, out, len);
    }
    bool strict_output() const noexcept override { return false; }

private:
    chacha_ctx ctx_;
    bool counter32_;
};

// --- GOST 28147-89 ----------------------------------------------------------------------
// CFB with CryptoPro key meshing, one class for the five S-box sets.
class GostCfbCipher final : public Cipher {
public:
    GostCfbCipher(gnutls_cipher_algorithm_t alg, const std::uint8_t *key, gost::Sbox s) noexcept : Cipher(alg)
    {
        const std::uint8_t zero[gost::kBlockSize] = {};
        cfb_.init(key, zero, s);
    }
    Err set_iv(Bytes iv) noexcept override
    {
        std::uint8_t b[gost::kBlockSize];
        load_iv(b, sizeof b, iv);
        cfb_.set_iv(b);
        return Err::ok;
    }
    Err encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        cfb_.encrypt(in, out, len);
        return Err::ok;
    }
    Err decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        cfb_.decrypt(in, out, len);
        return Err::ok;
    }

private:
    gost::Cfb cfb_;
};

// Counter mode with CryptoPro key meshing (the TLS GOST suite's cipher).
// Without an IV the counter starts from zero registers, as in GnuTLS.
class GostCntCipher final : public Cipher {
public:
    GostCntCipher(gnutls_cipher_algorithm_t alg, const std::uint8_t *key) noexcept : Cipher(alg)
    {
        cnt_.init(key, nullptr, gost::Sbox::tc26z);
    }
    Err set_iv(Bytes iv) noexcept override
    {
        std::uint8_t b[gost::kBlockSize];
        load_iv(b, sizeof b, iv);
        cnt_.set_iv(b);
        return Err::ok;
    }
    Err encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        cnt_.crypt(in, out, len);
        return Err::ok;
    }
    Err decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        return encrypt(in, out, len);
    }

private:
    gost::Cnt cnt_;
};

// --- GCM driven step by step ------------------------------------------------------------
// Associated data first (one piece unless block-aligned), then data in
// whole blocks except the last piece, then the tag.
template <typename B>
class GcmCipher final : public Cipher {
public:
    GcmCipher(gnutls_cipher_algorithm_t alg, const std::uint8_t *key) noexcept : Cipher(alg)
    {
        std::memset(&ctx_, 0, sizeof ctx_);
        B::set_encrypt_key(&cipher_, key);
        gcm_set_key(&key_, &cipher_, B::encrypt());
    }
    ~GcmCipher() override
    {
        secure_wipe(&cipher_, sizeof cipher_);
        secure_wipe(&key_, sizeof key_);
        secure_wipe(&ctx_, sizeof ctx_);
    }
    Err set_iv(Bytes iv) noexcept override
    {
        gcm_set_iv(&ctx_, &key_, iv.size(), iv.data());
        return Err::ok;
    }
    Err add_auth(Bytes ad) noexcept override
    {
        if (ctx_.data_size != 0 || ctx_.auth_size % GCM_BLOCK_SIZE != 0)
            return Err::invalid_request;
        if (!ad.empty())
            gcm_update(&ctx_, &key_, ad.size(), ad.data());
        return Err::ok;
    }
    Err encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        if (ctx_.data_size % GCM_BLOCK_SIZE != 0)
            return Err::invalid_request;
        if (len != 0)
            gcm_encrypt(&ctx_, &key_, &cipher_, B::encrypt(), len, out, in);
        return Err::ok;
    }
    Err decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        if (ctx_.data_size % GCM_BLOCK_SIZE != 0)
            return Err::invalid_request;
        if (len != 0)
            gcm_decrypt(&ctx_, &key_, &cipher_, B::encrypt(), len, out, in);
        return Err::ok;
    }
    Err tag(MutableBytes out) noexcept override
    {
        std::size_t n = out.size() < GCM_DIGEST_SIZE ? out.size() : GCM_DIGEST_SIZE;
        if (n != 0)
            gcm_digest(&ctx_, &key_, &cipher_, B::encrypt(), n, out.data());
        return Err::ok;
    }

private:
    typename B::Ctx cipher_;
    gcm_key key_;
    gcm_ctx ctx_;
};

class ChachaPolyCipher final : public Cipher {
public:
    ChachaPolyCipher(gnutls_cipher_algorithm_t alg, const std::uint8_t *key) noexcept : Cipher(alg)
    {
        std::memset(&ctx_, 0, sizeof ctx_);
        chacha_poly1305_set_key(&ctx_, key);
    }
    ~ChachaPolyCipher() override { secure_wipe(&ctx_, sizeof ctx_); }
    Err set_iv(Bytes iv) noexcept override
    {
        std::uint8_t n[CHACHA_POLY1305_NONCE_SIZE];
        load_iv(n, sizeof n, iv);
        chacha_poly1305_set_nonce(&ctx_, n);
        return Err::ok;
    }
    Err add_auth(Bytes ad) noexcept override
    {
        if (ctx_.data_size != 0)
            return Err::invalid_request;
        if (!ad.empty())
            chacha_poly1305_update(&ctx_, ad.size(), ad.data());
        return Err::ok;
    }
    Err encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        if (ctx_.data_size % CHACHA_POLY1305_BLOCK_SIZE != 0)
            return Err::invalid_request;
        if (len != 0)
            chacha_poly1305_encrypt(&ctx_, len, out, in);
        return Err::ok;
    }
    Err decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept override
    {
        if (ctx_.data_size % CHACHA_POLY1305_BLOCK_SIZE != 0)
            return Err::invalid_request;
        if (len != 0)
            chacha_poly1305_decrypt(&ctx_, len, out, in);
        return Err::ok;
    }
    Err tag(MutableBytes out) noexcept override
    {
        std::size_t n = out.size() < CHACHA_POLY1305_DIGEST_SIZE ? out.size() : CHACHA_POLY1305_DIGEST_SIZE;
        if (n != 0)
            chacha_poly1305_digest(&ctx_, n, out.data());
        return Err::ok;
    }

private:
    chacha_poly1305_ctx ctx_;
};

// --- the table --------------------------------------------------------------------------
enum class IvRule : std::uint8_t {
    exact,    // the IV must have exactly iv_size bytes
    at_most,  // shorter IVs are zero-extended
    prefix,   // any length: the first iv_size bytes, zero-extended
    any,      // the IV is ignored
};

struct Spec {
    gnutls_cipher_algorithm_t alg;
    std::size_t key_size;  // 0: ARCFOUR's 1..256 bytes
    std::size_t iv_size;
    IvRule iv_rule;
    // GnuTLS's AES implementation reports wrong sizes as an internal error,
    // its other ciphers as an invalid request.
    Err size_error;
    Cipher *(*make)(gnutls_cipher_algorithm_t, Bytes key);
};

template <typename T, typename... A>
Cipher *make_new(A... a)
{
    return new T(a...);
}

using XtsAes128 = XtsCipher<xts_aes128_key, xts_aes128_set_encrypt_key, xts_aes128_set_decrypt_key,
                            xts_aes128_encrypt_message, xts_aes128_decrypt_message>;
using XtsAes256 = XtsCipher<xts_aes256_key, xts_aes256_set_encrypt_key, xts_aes256_set_decrypt_key,
                            xts_aes256_encrypt_message, xts_aes256_decrypt_message>;

#define KEYED(T) [](gnutls_cipher_algorithm_t a, Bytes k) -> Cipher * { return new T(a, k.data()); }

const Spec kSpecs[] = {
    {GNUTLS_CIPHER_ARCFOUR_128, 0, 0, IvRule::any, Err::invalid_request,
     [](gnutls_cipher_algorithm_t a, Bytes k) -> Cipher * { return new ArcfourCipher(a, k); }},
    {GNUTLS_CIPHER_3DES_CBC, 24, 8, IvRule::at_most, Err::invalid_request, KEYED(CbcCipher<Des3>)},
    {GNUTLS_CIPHER_AES_128_CBC, 16, 16, IvRule::exact, Err::internal, KEYED(CbcCipher<Aes128>)},
    {GNUTLS_CIPHER_AES_192_CBC, 24, 16, IvRule::exact, Err::internal, KEYED(CbcCipher<Aes192>)},
    {GNUTLS_CIPHER_AES_256_CBC, 32, 16, IvRule::exact, Err::internal, KEYED(CbcCipher<Aes256>)},
    {GNUTLS_CIPHER_CAMELLIA_128_CBC, 16, 16, IvRule::at_most, Err::invalid_request, KEYED(CbcCipher<Camellia128>)},
    {GNUTLS_CIPHER_CAMELLIA_192_CBC, 24, 16, IvRule::at_most, Err::invalid_request, KEYED(CbcCipher<Camellia192>)},
    {GNUTLS_CIPHER_CAMELLIA_256_CBC, 32, 16, IvRule::at_most, Err::invalid_request, KEYED(CbcCipher<Camellia256>)},
    {GNUTLS_CIPHER_DES_CBC, 8, 8, IvRule::at_most, Err::invalid_request, KEYED(CbcCipher<Des>)},
    {GNUTLS_CIPHER_RC2_40_CBC, 5, 8, IvRule::at_most, Err::invalid_request, KEYED(CbcCipher<Rc2_40>)},
    {GNUTLS_CIPHER_AES_128_GCM, 16, 12, IvRule::exact, Err::internal, KEYED(GcmCipher<Aes128>)},
    {GNUTLS_CIPHER_AES_192_GCM, 24, 12, IvRule::exact, Err::internal, KEYED(GcmCipher<Aes192>)},
    {GNUTLS_CIPHER_AES_256_GCM, 32, 12, IvRule::exact, Err::internal, KEYED(GcmCipher<Aes256>)},
    {GNUTLS_CIPHER_CAMELLIA_128_GCM, 16, 12, IvRule::at_most, Err::invalid_request, KEYED(GcmCipher<Camellia128>)},
    {GNUTLS_CIPHER_CAMELLIA_256_GCM, 32, 12, IvRule::at_most, Err::invalid_request, KEYED(GcmCipher<Camellia256>)},
    {GNUTLS_CIPHER_CHACHA20_POLY1305, 32, 12, IvRule::at_most, Err::invalid_request, KEYED(ChachaPolyCipher)},
    {GNUTLS_CIPHER_SALSA20_256, 32, 8, IvRule::exact, Err::invalid_request,
     [](gnutls_cipher_algorithm_t a, Bytes k) -> Cipher * { return new Salsa20Cipher(a, k.data(), false); }},
    {GNUTLS_CIPHER_ESTREAM_SALSA20_256, 32, 8, IvRule::exact, Err::invalid_request,
     [](gnutls_cipher_algorithm_t a, Bytes k) -> Cipher * { return new Salsa20Cipher(a, k.data(), true); }},
    {GNUTLS_CIPHER_CHACHA20_32, 32, 16, IvRule::at_most, Err::invalid_request,
     [](gnutls_cipher_algorithm_t a, Bytes k) -> Cipher * { return new ChachaCipher(a, k.data(), true); }},
    {GNUTLS_CIPHER_CHACHA20_64, 32, 16, IvRule::at_most, Err::invalid_request,
     [](gnutls_cipher_algorithm_t a, Bytes k) -> Cipher * { return new ChachaCipher(a, k.data(), false); }},
    {GNUTLS_CIPHER_AES_128_CFB8, 16, 16, IvRule::at_most, Err::invalid_request, KEYED(Cfb8Cipher<Aes128>)},
    {GNUTLS_CIPHER_AES_192_CFB8, 24, 16, IvRule::at_most, Err::invalid_request, KEYED(Cfb8Cipher<Aes192>)},
    {GNUTLS_CIPHER_AES_256_CFB8, 32, 16, IvRule::at_most, Err::invalid_request, KEYED(Cfb8Cipher<Aes256>)},
    {GNUTLS_CIPHER_AES_128_XTS, 32, 16, IvRule::exact, Err::internal, KEYED(XtsAes128)},
    {GNUTLS_CIPHER_AES_256_XTS, 64, 16, IvRule::exact, Err::internal, KEYED(XtsAes256)},
#define GOST_CFB(ALG, SBOX)                                                                          \
    {ALG, 32, 8, IvRule::exact, Err::invalid_request, [](gnutls_cipher_algorithm_t a, Bytes k) -> Cipher * { \
         return new GostCfbCipher(a, k.data(), gost::Sbox::SBOX);                                          \
     }}
    // GnuTLS also runs CFB with a 16-byte IV as two interleaved registers and
    // fails on other sizes; only the 8-byte IV is accepted here.
    GOST_CFB(GNUTLS_CIPHER_GOST28147_TC26Z_CFB, tc26z),
    GOST_CFB(GNUTLS_CIPHER_GOST28147_CPA_CFB, cryptopro_a),
    GOST_CFB(GNUTLS_CIPHER_GOST28147_CPB_CFB, cryptopro_b),
    GOST_CFB(GNUTLS_CIPHER_GOST28147_CPC_CFB, cryptopro_c),
    GOST_CFB(GNUTLS_CIPHER_GOST28147_CPD_CFB, cryptopro_d),
#undef GOST_CFB
    // GnuTLS takes 8 bytes from any IV given to it; tlshim takes at most the
    // bytes given and zero-extends.
    {GNUTLS_CIPHER_GOST28147_TC26Z_CNT, 32, 8, IvRule::prefix, Err::invalid_request, KEYED(GostCntCipher)},
};

#undef KEYED

const Spec *find(gnutls_cipher_algorithm_t alg) noexcept
{
    for (const Spec &s : kSpecs)
        if (s.alg == alg)
            return &s;
    return nullptr;
}

bool iv_fits(const Spec &s, std::size_t n) noexcept
{
    switch (s.iv_rule) {
    case IvRule::exact: return n == s.iv_size;
    case IvRule::at_most: return n <= s.iv_size;
    case IvRule::prefix: return true;
    case IvRule::any: return true;
    }
    return false;
}

}  // namespace

Err Cipher::create(gnutls_cipher_algorithm_t alg, Bytes key, const Bytes *iv, std::unique_ptr<Cipher> &out)
{
    const Spec *s = find(alg);
    if (s == nullptr)
        return Err::invalid_request;
    if (s->key_size == 0 ? (key.size() < ARCFOUR_MIN_KEY_SIZE || key.size() > ARCFOUR_MAX_KEY_SIZE)
                         : key.size() != s->key_size)
        return s->size_error;
    if (iv != nullptr && !iv_fits(*s, iv->size()))
        return s->size_error;
    std::unique_ptr<Cipher> c(s->make(alg, key));
    if (iv != nullptr && s->iv_rule != IvRule::any)
        c->set_iv(*iv);
    out = std::move(c);
    return Err::ok;
}

bool Cipher::accepts_iv(std::size_t len) const noexcept
{
    const Spec *s = find(alg_);
    return s != nullptr && iv_fits(*s, len);
}

std::size_t Cipher::padded_size(std::size_t len) const noexcept
{
    std::size_t block = padding_block();
    return block != 0 ? len + (block - len % block) : len;
}

Err Cipher::encrypt_padded(Bytes in, MutableBytes out, std::size_t &written) noexcept
{
    std::size_t block = padding_block();
    std::size_t total = padded_size(in.size());
    if (total < in.size())
        return Err::invalid_request;
    if (out.size() < total)
        return Err::short_memory_buffer;
    if (block == 0) {
        if (Err e = encrypt(in.data(), out.data(), in.size()); !ok(e))
            return e;
        written = total;
        return Err::ok;
    }
    // The whole blocks first, then the padded last block as a second
    // operation (as GnuTLS does; for XTS each call is its own data unit).
    std::size_t whole = in.size() - in.size() % block;
    std::size_t pad = total - in.size();
    std::uint8_t last[64];
    if (block > sizeof last)
        return Err::internal;
    if (in.size() != whole)
        std::memcpy(last, in.data() + whole, in.size() - whole);
    std::memset(last + (in.size() - whole), static_cast<int>(pad), pad);
    Err e = whole != 0 ? encrypt(in.data(), out.data(), whole) : Err::ok;
    if (ok(e))
        e = encrypt(last, out.data() + whole, block);
    secure_wipe(last, sizeof last);
    if (!ok(e))
        return e;
    written = total;
    return Err::ok;
}

Err Cipher::decrypt_padded(Bytes in, MutableBytes out, std::size_t &written) noexcept
{
    if (out.size() < in.size())
        return Err::short_memory_buffer;
    if (Err e = decrypt(in.data(), out.data(), in.size()); !ok(e))
        return e;
    std::size_t block = padding_block();
    if (block == 0) {
        written = in.size();
        return Err::ok;
    }
    std::size_t len = in.size();
    // pad must be in 1..min(block, len) and the last pad bytes must all
    // equal it; every byte of the last block is examined whatever pad is.
    std::size_t span = len < block ? len : block;
    const std::uint8_t *tail = out.data() + len - span;
    unsigned pad = span != 0 ? tail[span - 1] : 0;
    unsigned bad = static_cast<unsigned>(pad == 0) | static_cast<unsigned>(pad > span);
    for (std::size_t i = 0; i < span; i++) {
        unsigned in_pad = static_cast<unsigned>(span - i <= pad);  // byte i is padding
        bad |= in_pad & static_cast<unsigned>(tail[i] != pad);
    }
    if (bad != 0) {
        secure_wipe(out.data(), len);
        return Err::decryption_failed;
    }
    written = len - pad;
    return Err::ok;
}

}  // namespace tlshim::crypto
