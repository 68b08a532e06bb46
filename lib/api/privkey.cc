// SPDX-License-Identifier: LGPL-2.1-or-later
// C facade: abstract private keys (gnutls_privkey_*).
//
// An abstract key signs through a tlshim::x509::Signer: X509Signer for keys
// the library holds (a gnutls_x509_privkey_t), ExtSigner for keys whose
// operations are the application's callbacks.
#include "api/api.hh"
#include "api/abstract-key.hh"
#include "api/x509-privkey.hh"

#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include <vector>

#include "core/algo/algo.hh"
#include "core/crypto/hash.hh"
#include "core/pk/rsa.hh"

using namespace tlshim;

namespace {

bool is_eddsa(gnutls_pk_algorithm_t pk) noexcept
{
    return pk == GNUTLS_PK_EDDSA_ED25519 || pk == GNUTLS_PK_EDDSA_ED448;
}

// RSA-PSS salt choice of the signing flags (null: the key's or the default).
const x509::PssParams *salt_override(unsigned flags, gnutls_sign_algorithm_t sign, x509::PssParams &tmp)
{
    const algo::Sign *s = algo::sign(sign);
    if (s == nullptr || s->pk != GNUTLS_PK_RSA_PSS)
        return nullptr;
    if (flags & GNUTLS_PRIVKEY_FLAG_REPRODUCIBLE) {
        tmp.present = true;
        tmp.salt_size = 0;
        return &tmp;
    }
    if (flags & GNUTLS_PRIVKEY_FLAG_RSA_PSS_FIXED_SALT_LENGTH) {
        tmp.present = true;
        tmp.salt_size = static_cast<unsigned>(crypto::hash_output_size(s->hash));
        return &tmp;
    }
    return nullptr;
}

// A TLS 1.3 ECDSA scheme names a curve; a key on another curve signs with
// the same hash anyway (the verifier is the one to refuse the pairing).
gnutls_sign_algorithm_t uncurved(gnutls_sign_algorithm_t sign, gnutls_ecc_curve_t key_curve)
{
    const algo::Sign *s = algo::sign(sign);
    if (s == nullptr || s->curve == GNUTLS_ECC_CURVE_INVALID || s->curve == key_curve)
        return sign;
    const algo::Sign *g = algo::sign_by_pk_hash(GNUTLS_PK_ECDSA, s->hash);
    return g != nullptr ? g->id : sign;
}

// A key held by the library.
class X509Signer final : public x509::Signer {
public:
    explicit X509Signer(gnutls_x509_privkey_t k) noexcept : k_(k) {}
    gnutls_pk_algorithm_t algorithm() const override { return k_->key.algorithm(); }
    unsigned bits() const override { return k_->key.bits(); }
    x509::PssParams pss() const override { return k_->key.pss(); }
    Err sign_data(gnutls_sign_algorithm_t sign, unsigned flags, Bytes data,
                  std::vector<std::uint8_t> &sig) const override
    {
        x509::PssParams tmp;
        sign = uncurved(sign, k_->key.curve());
        return k_->key.sign_data(sign, data, sig, salt_override(flags, sign, tmp));
    }
    Err sign_hash(gnutls_sign_algorithm_t sign, unsigned flags, Bytes hash,
                  std::vector<std::uint8_t> &sig) const override
    {
        x509::PssParams tmp;
        sign = uncurved(sign, k_->key.curve());
        return k_->key.sign_hash(sign, hash, sig, salt_override(flags, sign, tmp));
    }
    Err decrypt(Bytes ct, SecretBytes &plain) const override
    {
        if (k_->key.algorithm() != GNUTLS_PK_RSA)
            return Err::internal;
        return k_->key.decrypt(ct, plain);
    }
    const x509::PrivateKey *held_key() const noexcept override { return &k_->key; }

private:
    gnutls_x509_privkey_t k_;
};

// Takes a signature the application allocated into `sig`.
Err take_datum(int r, gnutls_datum_t &d, std::vector<std::uint8_t> &out)
{
    if (r < 0) {
        api::free_datum(&d);
        return static_cast<Err>(r);
    }
    try {
        out.assign(d.data, d.data + d.size);
    } catch (...) {
        api::free_datum(&d);
        throw;
    }
    api::free_datum(&d);
    return Err::ok;
}

// A key whose operations are the application's callbacks.
class ExtSigner final : public x509::Signer {
public:
    explicit ExtSigner(gnutls_privkey_t owner) noexcept : owner_(owner) {}
    gnutls_pk_algorithm_t algorithm() const override { return owner_->ext.pk; }
    unsigned bits() const override { return owner_->ext.bits; }
    x509::PssParams pss() const override { return {}; }

    Err sign_data(gnutls_sign_algorithm_t sign, unsigned flags, Bytes data,
                  std::vector<std::uint8_t> &sig) const override
    {
        const api::ExtKey &x = owner_->ext;
        const algo::Sign *s = algo::sign(sign);
        if (s == nullptr)
            return Err::unsupported_signature_algorithm;
        if (Err e = check(*s); !ok(e))
            return e;
        if (x.sign_data != nullptr) {
            gnutls_datum_t in{const_cast<unsigned char *>(data.data()), static_cast<unsigned>(data.size())};
            gnutls_datum_t out{nullptr, 0};
            int r = x.sign_data(owner_, sign, x.userdata, flags, &in, &out);
            return take_datum(r, out, sig);
        }
        if (is_eddsa(x.pk))
            return Err::invalid_request;
        std::uint8_t digest[crypto::kMaxHashSize];
        std::size_t n = crypto::hash_output_size(s->hash);
        if (n == 0)
            return Err::invalid_request;
        if (Err e = crypto::Hash::compute(s->hash, data, digest); !ok(e))
            return e;
        return sign_hash(sign, flags, Bytes(digest, n), sig);
    }

    Err sign_hash(gnutls_sign_algorithm_t sign, unsigned flags, Bytes hash,
                  std::vector<std::uint8_t> &sig) const override
    {
        const api::ExtKey &x = owner_->ext;
        const algo::Sign *s = algo::sign(sign);
        if (s == nullptr)
            return Err::unsupported_signature_algorithm;
        if (Err e = check(*s); !ok(e))
            return e;
        if (is_eddsa(x.pk))
            return Err::invalid_request;
        gnutls_datum_t out{nullptr, 0};
        if (x.sign_hash != nullptr) {
            gnutls_datum_t in{const_cast<unsigned char *>(hash.data()), static_cast<unsigned>(hash.size())};
            int r = x.sign_hash(owner_, sign, x.userdata, flags, &in, &out);
            return take_datum(r, out, sig);
        }
        if (x.sign == nullptr)
            return Err::invalid_request;
        // The old callback signs what it is given: a DigestInfo for RSA
        // PKCS#1 v1.5, the raw value for RSA-RAW and ECDSA.  It cannot make
        // RSA-PSS signatures.
        std::vector<std::uint8_t> input;
        if (s->pk == GNUTLS_PK_RSA_PSS)
            return Err::invalid_request;
        if ((x.pk == GNUTLS_PK_RSA) && s->hash != GNUTLS_DIG_UNKNOWN) {
            Bytes prefix = pk::digest_info_prefix(s->hash);
            if (prefix.empty())
                return Err::invalid_request;
            input.assign(prefix.begin(), prefix.end());
        }
        input.insert(input.end(), hash.begin(), hash.end());
        gnutls_datum_t in{input.data(), static_cast<unsigned>(input.size())};
        int r = x.sign(owner_, x.userdata, &in, &out);
        return take_datum(r, out, sig);
    }

    Err decrypt(Bytes ct, SecretBytes &plain) const override
    {
        const api::ExtKey &x = owner_->ext;
        if (x.decrypt == nullptr)
            return Err::invalid_request;
        gnutls_datum_t in{const_cast<unsigned char *>(ct.data()), static_cast<unsigned>(ct.size())};
        gnutls_datum_t out{nullptr, 0};
        int r = x.decrypt(owner_, x.userdata, &in, &out);
        if (r < 0) {
            api::free_datum(&out);
            return static_cast<Err>(r);
        }
        try {
            plain.assign(out.data, out.data + out.size);
        } catch (...) {
            secure_wipe(out.data, out.size);
            api::free_datum(&out);
            throw;
        }
        secure_wipe(out.data, out.size);
        api::free_datum(&out);
        return Err::ok;
    }

private:
    // The key type must fit the scheme, and an application that can tell
    // (GNUTLS_PRIVKEY_INFO_HAVE_SIGN_ALGO) must accept it.
    Err check(const algo::Sign &s) const
    {
        const api::ExtKey &x = owner_->ext;
        if (s.id != GNUTLS_SIGN_RSA_RAW && !algo::sign_supports_pk(s, x.pk))
            return Err::constraint_error;
        // RSA-PSS needs the modulus size, which only the application knows.
        if (s.pk == GNUTLS_PK_RSA_PSS && x.bits == 0)
            return Err::pk_invalid_pubkey;
        return Err::ok;
    }

    gnutls_privkey_t owner_;
};

int need_loaded(gnutls_privkey_t key) noexcept
{
    return (key == nullptr || key->empty()) ? GNUTLS_E_INVALID_REQUEST : 0;
}

// The X.509 key behind an abstract key of that type, or null.
gnutls_x509_privkey_t x509_of(gnutls_privkey_t key) noexcept
{
    if (key == nullptr || key->empty() || key->type != GNUTLS_PRIVKEY_X509)
        return nullptr;
    return key->x509;
}

// Makes `key` hold `x` (taking ownership when `owned`).
void hold_x509(gnutls_privkey_t key, gnutls_x509_privkey_t x, bool owned)
{
    auto signer = std::make_unique<X509Signer>(x);
    key->clear();
    key->type = GNUTLS_PRIVKEY_X509;
    key->x509 = x;
    key->owns_x509 = owned;
    key->signer = std::move(signer);
}

// A fresh X.509 key, filled by `fill`, then held (owned) by `key`.
template <typename F>
int with_new_x509(gnutls_privkey_t key, F &&fill)
{
    gnutls_x509_privkey_t x = nullptr;
    if (int r = gnutls_x509_privkey_init(&x); r < 0)
        return r;
    int r = fill(x);
    if (r < 0) {
        gnutls_x509_privkey_deinit(x);
        return r;
    }
    try {
        hold_x509(key, x, true);
    } catch (...) {
        gnutls_x509_privkey_deinit(x);
        throw;
    }
    return 0;
}

Bytes view(const gnutls_datum_t *d) noexcept
{
    if (d == nullptr || d->data == nullptr)
        return {};
    return Bytes(d->data, d->size);
}

int sig_out(Err e, const std::vector<std::uint8_t> &sig, gnutls_datum_t *signature)
{
    if (!ok(e))
        return api::to_gnutls(e);
    return api::datum_out(sig.data(), sig.size(), signature);
}

}  // namespace

gnutls_privkey_st::~gnutls_privkey_st()
{
    clear();
}

void gnutls_privkey_st::clear() noexcept
{
    if (type == GNUTLS_PRIVKEY_EXT && signer && ext.deinit != nullptr)
        ext.deinit(this, ext.userdata);
    signer.reset();
    if (x509 != nullptr && owns_x509)
        gnutls_x509_privkey_deinit(x509);
    x509 = nullptr;
    owns_x509 = false;
    ext = tlshim::api::ExtKey{};
    type = GNUTLS_PRIVKEY_X509;
}

namespace tlshim::api {

const x509::Signer *privkey_signer(gnutls_privkey_t key) noexcept
{
    return key == nullptr ? nullptr : key->signer.get();
}

Err privkey_public_key(gnutls_privkey_t key, x509::PublicKey &out)
{
    gnutls_x509_privkey_t x = x509_of(key);
    if (x == nullptr)
        return Err::invalid_request;
    return x->key.public_key(out);
}

}  // namespace tlshim::api

/**
 * gnutls_privkey_init:
 * @key: where the new private key object is stored
 *
 * Creates an empty abstract private key, to be filled by one of the
 * gnutls_privkey_import functions or gnutls_privkey_generate(), and
 * released with gnutls_privkey_deinit().
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_privkey_init(gnutls_privkey_t *key)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        *key = new gnutls_privkey_st;
        return 0;
    });
}

/**
 * gnutls_privkey_deinit:
 * @key: a private key object, or %NULL
 *
 * Releases an abstract private key, together with the key it holds when it
 * owns it (an imported key with %GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE or
 * %GNUTLS_PRIVKEY_IMPORT_COPY, or a generated one).
 *
 * Since: 2.12.0
 **/
TLSHIM_API void gnutls_privkey_deinit(gnutls_privkey_t key)
{
    delete key;
}

/**
 * gnutls_privkey_set_pin_function:
 * @key: a private key
 * @fn: the callback asking for a PIN
 * @userdata: passed to @fn
 *
 * Records the PIN callback used when the key lives on a token.  tlshim
 * supports no tokens, so the callback is only stored.
 *
 * Since: 3.1.0
 **/
TLSHIM_API void gnutls_privkey_set_pin_function(gnutls_privkey_t key, gnutls_pin_callback_t fn, void *userdata)
{
    if (key == nullptr)
        return;
    key->pin_fn = fn;
    key->pin_data = userdata;
}

/**
 * gnutls_privkey_set_flags:
 * @key: a private key
 * @flags: %GNUTLS_PRIVKEY_* flags applying to later operations
 *
 * Sets flags that change how the key signs (for example
 * %GNUTLS_PRIVKEY_FLAG_RSA_PSS_FIXED_SALT_LENGTH) or how it is exported.
 *
 * Since: 3.6.0
 **/
TLSHIM_API void gnutls_privkey_set_flags(gnutls_privkey_t key, unsigned int flags)
{
    if (key == nullptr)
        return;
    key->flags = flags;
    if (key->type == GNUTLS_PRIVKEY_X509 && key->x509 != nullptr)
        gnutls_x509_privkey_set_flags(key->x509, flags);
}

/**
 * gnutls_privkey_get_type:
 * @key: a private key
 *
 * Tells where the key's operations happen.
 *
 * Returns: %GNUTLS_PRIVKEY_X509 for a key held by the library (also for an
 * empty object), %GNUTLS_PRIVKEY_EXT for a key imported with
 * gnutls_privkey_import_ext() and its variants.
 *
 * Since: 2.12.0
 **/
TLSHIM_API gnutls_privkey_type_t gnutls_privkey_get_type(gnutls_privkey_t key)
{
    if (key == nullptr)
        return GNUTLS_PRIVKEY_X509;
    return key->type;
}

/**
 * gnutls_privkey_status:
 * @key: a private key
 *
 * Tells whether the key is usable.  Only token keys can become unusable;
 * tlshim has none.
 *
 * Returns: 1.
 *
 * Since: 3.1.10
 **/
TLSHIM_API int gnutls_privkey_status(gnutls_privkey_t key)
{
    (void)key;
    return 1;
}

/**
 * gnutls_privkey_get_pk_algorithm:
 * @key: a private key
 * @bits: if not %NULL, receives the key size in bits
 *
 * Tells the key's algorithm and size.
 *
 * Returns: a #gnutls_pk_algorithm_t value, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_privkey_get_pk_algorithm(gnutls_privkey_t key, unsigned int *bits)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (key->empty()) {
        if (bits != nullptr)
            *bits = 0;
        return GNUTLS_E_INVALID_REQUEST;
    }
    if (bits != nullptr)
        *bits = key->signer->bits();
    return static_cast<int>(key->signer->algorithm());
}

/**
 * gnutls_privkey_import_x509:
 * @pkey: the abstract key to fill
 * @key: an X.509 private key
 * @flags: %GNUTLS_PRIVKEY_IMPORT_COPY to take a copy of @key,
 *   %GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE to take ownership of it, or zero to
 *   use it in place (it must then outlive @pkey)
 *
 * Makes the abstract key operate with an X.509 private key.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_privkey_import_x509(gnutls_privkey_t pkey, gnutls_x509_privkey_t key, unsigned int flags)
{
    if (pkey == nullptr || key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        if (flags & GNUTLS_PRIVKEY_IMPORT_COPY) {
            return with_new_x509(pkey, [&](gnutls_x509_privkey_t x) {
                if (Err e = x->key.copy_from(key->key); !ok(e))
                    return api::to_gnutls(e);
                x->flags = key->flags;
                return 0;
            });
        }
        hold_x509(pkey, key, (flags & GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE) != 0);
        return 0;
    });
}

/**
 * gnutls_privkey_export_x509:
 * @pkey: an abstract key holding an X.509 private key
 * @key: receives a copy of it, to release with gnutls_x509_privkey_deinit()
 *
 * Gives a copy of the X.509 key behind an abstract key.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST when the key is not
 * an X.509 key, or another negative error code.
 *
 * Since: 3.4.0
 **/
TLSHIM_API int gnutls_privkey_export_x509(gnutls_privkey_t pkey, gnutls_x509_privkey_t *key)
{
    gnutls_x509_privkey_t src = x509_of(pkey);
    if (src == nullptr || key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        gnutls_x509_privkey_t x = nullptr;
        if (int r = gnutls_x509_privkey_init(&x); r < 0)
            return r;
        if (Err e = x->key.copy_from(src->key); !ok(e)) {
            gnutls_x509_privkey_deinit(x);
            return api::to_gnutls(e);
        }
        x->flags = src->flags;
        *key = x;
        return 0;
    });
}

/**
 * gnutls_privkey_import_x509_raw:
 * @pkey: the abstract key to fill
 * @data: an encoded private key
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @password: the password of an encrypted key, or %NULL
 * @flags: #gnutls_pkcs_encrypt_flags_t bits
 *
 * Decodes a private key in any of the forms gnutls_x509_privkey_import2()
 * accepts and makes the abstract key operate with it.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.1.0
 **/
TLSHIM_API int gnutls_privkey_import_x509_raw(gnutls_privkey_t pkey, const gnutls_datum_t *data,
                                              gnutls_x509_crt_fmt_t format, const char *password,
                                              unsigned int flags)
{
    if (pkey == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        return with_new_x509(pkey, [&](gnutls_x509_privkey_t x) {
            return gnutls_x509_privkey_import2(x, data, format, password, flags);
        });
    });
}

/**
 * gnutls_privkey_import_rsa_raw:
 * @key: the abstract key to fill
 * @m: the modulus
 * @e: the public exponent
 * @d: the private exponent
 * @p: the first prime
 * @q: the second prime
 * @u: the CRT coefficient (q^-1 mod p), or %NULL to compute it
 * @e1: d mod (p-1), or %NULL to compute it
 * @e2: d mod (q-1), or %NULL to compute it
 *
 * Sets an RSA private key from its numbers (big-endian).
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_privkey_import_rsa_raw(gnutls_privkey_t key, const gnutls_datum_t *m,
                                             const gnutls_datum_t *e, const gnutls_datum_t *d,
                                             const gnutls_datum_t *p, const gnutls_datum_t *q,
                                             const gnutls_datum_t *u, const gnutls_datum_t *e1,
                                             const gnutls_datum_t *e2)
{
    if (key == nullptr || m == nullptr || e == nullptr || d == nullptr || p == nullptr || q == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        return with_new_x509(key, [&](gnutls_x509_privkey_t x) {
            return api::to_gnutls(x->key.import_rsa(view(m), view(e), view(d), view(p), view(q), view(u),
                                                    view(e1), view(e2)));
        });
    });
}

/**
 * gnutls_privkey_import_ecc_raw:
 * @key: the abstract key to fill
 * @curve: the curve
 * @x: the public point's x coordinate (for Ed25519/Ed448: the public key,
 *   or %NULL)
 * @y: the public point's y coordinate (%NULL for Ed25519/Ed448)
 * @k: the private value (for Ed25519/Ed448: the private key)
 *
 * Sets an elliptic-curve private key from its numbers (big-endian).
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_privkey_import_ecc_raw(gnutls_privkey_t key, gnutls_ecc_curve_t curve,
                                             const gnutls_datum_t *x, const gnutls_datum_t *y,
                                             const gnutls_datum_t *k)
{
    if (key == nullptr || k == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int c = api::raw(curve);
    return api::guard([&] {
        const algo::Curve *row = algo::curve(c);
        if (row == nullptr || !row->supported)
            return GNUTLS_E_ECC_UNSUPPORTED_CURVE;
        return with_new_x509(key, [&](gnutls_x509_privkey_t xk) {
            return api::to_gnutls(xk->key.import_ecc(row->id, view(x), view(y), view(k)));
        });
    });
}

/**
 * gnutls_privkey_export_rsa_raw2:
 * @key: an RSA or RSA-PSS private key
 * @m: if not %NULL, receives the modulus
 * @e: if not %NULL, receives the public exponent
 * @d: if not %NULL, receives the private exponent
 * @p: if not %NULL, receives the first prime
 * @q: if not %NULL, receives the second prime
 * @u: if not %NULL, receives the CRT coefficient
 * @e1: if not %NULL, receives d mod (p-1)
 * @e2: if not %NULL, receives d mod (q-1)
 * @flags: %GNUTLS_EXPORT_FLAG_NO_LZ to omit the zero byte that otherwise
 *   precedes a number whose top bit is set
 *
 * Gives the numbers of an RSA private key, big-endian, in datums allocated
 * with gnutls_malloc().
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_privkey_export_rsa_raw2(gnutls_privkey_t key, gnutls_datum_t *m, gnutls_datum_t *e,
                                              gnutls_datum_t *d, gnutls_datum_t *p, gnutls_datum_t *q,
                                              gnutls_datum_t *u, gnutls_datum_t *e1, gnutls_datum_t *e2,
                                              unsigned int flags)
{
    gnutls_x509_privkey_t x = x509_of(key);
    if (x == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    gnutls_pk_algorithm_t pk = x->key.algorithm();
    if (pk != GNUTLS_PK_RSA && pk != GNUTLS_PK_RSA_PSS)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        SecretBytes v[8];
        if (Err r = x->key.export_rsa(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]); !ok(r))
            return api::to_gnutls(r);
        gnutls_datum_t *outs[8] = {m, e, d, p, q, u, e1, e2};
        for (int i = 0; i < 8; i++) {
            if (int r = api::int_out(v[i], outs[i], flags); r < 0) {
                for (int j = 0; j < i; j++)
                    api::free_datum(outs[j]);
                return r;
            }
        }
        return 0;
    });
}

/**
 * gnutls_privkey_export_rsa_raw:
 * @key: an RSA or RSA-PSS private key
 * @m: if not %NULL, receives the modulus
 * @e: if not %NULL, receives the public exponent
 * @d: if not %NULL, receives the private exponent
 * @p: if not %NULL, receives the first prime
 * @q: if not %NULL, receives the second prime
 * @u: if not %NULL, receives the CRT coefficient
 * @e1: if not %NULL, receives d mod (p-1)
 * @e2: if not %NULL, receives d mod (q-1)
 *
 * gnutls_privkey_export_rsa_raw2() with no flags.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.3.0
 **/
TLSHIM_API int gnutls_privkey_export_rsa_raw(gnutls_privkey_t key, gnutls_datum_t *m, gnutls_datum_t *e,
                                             gnutls_datum_t *d, gnutls_datum_t *p, gnutls_datum_t *q,
                                             gnutls_datum_t *u, gnutls_datum_t *e1, gnutls_datum_t *e2)
{
    return gnutls_privkey_export_rsa_raw2(key, m, e, d, p, q, u, e1, e2, 0);
}

/**
 * gnutls_privkey_export_ecc_raw2:
 * @key: an elliptic-curve private key
 * @curve: if not %NULL, receives the curve
 * @x: if not %NULL, receives the x coordinate (for Ed25519/Ed448: the public key)
 * @y: if not %NULL, receives the y coordinate (nothing for Ed25519/Ed448)
 * @k: if not %NULL, receives the private value
 * @flags: %GNUTLS_EXPORT_FLAG_NO_LZ to omit the zero byte that otherwise
 *   precedes a number whose top bit is set
 *
 * Gives the numbers of an elliptic-curve private key, big-endian, in datums
 * allocated with gnutls_malloc().
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_privkey_export_ecc_raw2(gnutls_privkey_t key, gnutls_ecc_curve_t *curve,
                                              gnutls_datum_t *x, gnutls_datum_t *y, gnutls_datum_t *k,
                                              unsigned int flags)
{
    gnutls_x509_privkey_t xk = x509_of(key);
    if (xk == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    gnutls_pk_algorithm_t pk = xk->key.algorithm();
    if (pk != GNUTLS_PK_ECDSA && pk != GNUTLS_PK_EDDSA_ED25519 && pk != GNUTLS_PK_EDDSA_ED448 &&
        pk != GNUTLS_PK_ECDH_X25519 && pk != GNUTLS_PK_ECDH_X448)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        gnutls_ecc_curve_t c;
        SecretBytes px, py, pk_;
        if (Err r = xk->key.export_ecc(c, px, py, pk_); !ok(r))
            return api::to_gnutls(r);
        if (curve != nullptr)
            *curve = c;
        if (pk != GNUTLS_PK_ECDSA) {
            if (y != nullptr)
                *y = gnutls_datum_t{nullptr, 0};
            if (x != nullptr) {
                if (int r = api::datum_out(px.data(), px.size(), x); r < 0)
                    return r;
            }
            if (k != nullptr) {
                if (int r = api::datum_out(pk_.data(), pk_.size(), k); r < 0) {
                    api::free_datum(x);
                    return r;
                }
            }
            return 0;
        }
        if (int r = api::int_out(px, x, flags); r < 0)
            return r;
        if (int r = api::int_out(py, y, flags); r < 0) {
            api::free_datum(x);
            return r;
        }
        if (int r = api::int_out(pk_, k, flags); r < 0) {
            api::free_datum(x);
            api::free_datum(y);
            return r;
        }
        return 0;
    });
}

/**
 * gnutls_privkey_export_ecc_raw:
 * @key: an elliptic-curve private key
 * @curve: if not %NULL, receives the curve
 * @x: if not %NULL, receives the x coordinate
 * @y: if not %NULL, receives the y coordinate
 * @k: if not %NULL, receives the private value
 *
 * gnutls_privkey_export_ecc_raw2() with no flags.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.3.0
 **/
TLSHIM_API int gnutls_privkey_export_ecc_raw(gnutls_privkey_t key, gnutls_ecc_curve_t *curve,
                                             gnutls_datum_t *x, gnutls_datum_t *y, gnutls_datum_t *k)
{
    return gnutls_privkey_export_ecc_raw2(key, curve, x, y, k, 0);
}

/**
 * gnutls_privkey_import_gost_raw:
 * @key: the abstract key to fill
 * @curve: the curve (CryptoPro-A, CryptoPro-XchA, TC26-256-B or TC26-512-A)
 * @digest: %GNUTLS_DIG_GOSTR_94, %GNUTLS_DIG_STREEBOG_256 or
 *   %GNUTLS_DIG_STREEBOG_512, which decides the key type
 * @paramset: the GOST 28147 parameter set, or %GNUTLS_GOST_PARAMSET_UNKNOWN
 *   for the key type's default
 * @x: the public point's x coordinate, least significant byte first
 * @y: the public point's y coordinate, least significant byte first
 * @k: the private value, least significant byte first
 *
 * Sets a GOST R 34.10 private key from its values, as
 * gnutls_x509_privkey_import_gost_raw() does.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.3
 **/
TLSHIM_API int gnutls_privkey_import_gost_raw(gnutls_privkey_t key, gnutls_ecc_curve_t curve,
                                              gnutls_digest_algorithm_t digest, gnutls_gost_paramset_t paramset,
                                              const gnutls_datum_t *x, const gnutls_datum_t *y,
                                              const gnutls_datum_t *k)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        return with_new_x509(key, [&](gnutls_x509_privkey_t xk) {
            int r = gnutls_x509_privkey_import_gost_raw(xk, curve, digest, paramset, x, y, k);
            // Exported natively like a generated key (GnuTLS does so).
            if (r >= 0)
                xk->key.set_gost_bare_export(true);
            return r;
        });
    });
}

/**
 * gnutls_privkey_export_gost_raw2:
 * @key: a GOST R 34.10 private key
 * @curve: if not %NULL, receives the curve
 * @digest: if not %NULL, receives the key's digest
 * @paramset: if not %NULL, receives the GOST 28147 parameter set
 * @x: if not %NULL, receives the x coordinate
 * @y: if not %NULL, receives the y coordinate
 * @k: if not %NULL, receives the private value
 * @flags: gnutls_abstract_export_flags_t values; they change nothing for
 *   these little-endian values
 *
 * Gives the values of a GOST key in datums allocated with gnutls_malloc(),
 * least significant byte first, without their most significant zero bytes.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.3
 **/
TLSHIM_API int gnutls_privkey_export_gost_raw2(gnutls_privkey_t key, gnutls_ecc_curve_t *curve,
                                               gnutls_digest_algorithm_t *digest, gnutls_gost_paramset_t *paramset,
                                               gnutls_datum_t *x, gnutls_datum_t *y, gnutls_datum_t *k,
                                               unsigned int flags)
{
    (void)flags;
    gnutls_x509_privkey_t xk = x509_of(key);
    if (xk == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return gnutls_x509_privkey_export_gost_raw(xk, curve, digest, paramset, x, y, k);
}

/**
 * gnutls_privkey_generate2:
 * @pkey: the abstract key to fill
 * @algo: the key type
 * @bits: the size in bits (for curves, GNUTLS_CURVE_TO_BITS() selects one)
 * @flags: %GNUTLS_PRIVKEY_FLAG_* generation flags
 * @data: #gnutls_keygen_data_st options (such as %GNUTLS_KEYGEN_SPKI), or %NULL
 * @data_size: the number of @data entries
 *
 * Generates a new private key held by the abstract key, as
 * gnutls_x509_privkey_generate2() does.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.5.0
 **/
TLSHIM_API int gnutls_privkey_generate2(gnutls_privkey_t pkey, gnutls_pk_algorithm_t algo, unsigned int bits,
                                        unsigned int flags, const gnutls_keygen_data_st *data,
                                        unsigned data_size)
{
    if (pkey == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        return with_new_x509(pkey, [&](gnutls_x509_privkey_t x) {
            return gnutls_x509_privkey_generate2(x, algo, bits, flags, data, data_size);
        });
    });
}

/**
 * gnutls_privkey_generate:
 * @key: the abstract key to fill
 * @algo: the key type
 * @bits: the size in bits (for curves, GNUTLS_CURVE_TO_BITS() selects one)
 * @flags: %GNUTLS_PRIVKEY_FLAG_* generation flags
 *
 * gnutls_privkey_generate2() without options.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.3.0
 **/
TLSHIM_API int gnutls_privkey_generate(gnutls_privkey_t key, gnutls_pk_algorithm_t algo, unsigned int bits,
                                       unsigned int flags)
{
    return gnutls_privkey_generate2(key, algo, bits, flags, nullptr, 0);
}

/**
 * gnutls_privkey_verify_params:
 * @key: a private key
 *
 * Checks that the key's numbers are consistent.
 *
 * Returns: zero when they are, or a negative error code.
 *
 * Since: 3.3.0
 **/
TLSHIM_API int gnutls_privkey_verify_params(gnutls_privkey_t key)
{
    gnutls_x509_privkey_t x = x509_of(key);
    if (x == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return api::to_gnutls(x->key.verify_params()); });
}

/**
 * gnutls_privkey_get_seed:
 * @key: a private key
 * @digest: if not %NULL, receives the digest used in the generation
 * @seed: where to write the seed
 * @seed_size: in: the buffer's size; out: the seed's length
 *
 * Gives the seed a provably generated key was made from.
 *
 * Returns: zero on success, or a negative error code
 * (%GNUTLS_E_INVALID_REQUEST for keys without a seed).
 *
 * Since: 3.5.0
 **/
TLSHIM_API int gnutls_privkey_get_seed(gnutls_privkey_t key, gnutls_digest_algorithm_t *digest, void *seed,
                                       size_t *seed_size)
{
    gnutls_x509_privkey_t x = x509_of(key);
    if (x == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int r = gnutls_x509_privkey_get_seed(x, digest, seed, seed_size);
    // Keys that were not generated provably have no seed.
    return r == GNUTLS_E_UNIMPLEMENTED_FEATURE ? GNUTLS_E_INVALID_REQUEST : r;
}

/**
 * gnutls_privkey_verify_seed:
 * @key: a private key
 * @digest: the digest used in the generation, or %GNUTLS_DIG_UNKNOWN
 * @seed: the seed, or %NULL to use the one stored with the key
 * @seed_size: the seed's length
 *
 * Checks that a provably generated key matches its seed.
 *
 * Returns: zero when it does, or a negative error code.
 *
 * Since: 3.5.0
 **/
TLSHIM_API int gnutls_privkey_verify_seed(gnutls_privkey_t key, gnutls_digest_algorithm_t digest,
                                          const void *seed, size_t seed_size)
{
    gnutls_x509_privkey_t x = x509_of(key);
    if (x == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return gnutls_x509_privkey_verify_seed(x, digest, seed, seed_size);
}

/**
 * gnutls_privkey_get_spki:
 * @key: a private key
 * @spki: receives the key's type and RSA-PSS parameters
 * @flags: must be zero
 *
 * Reads the parameters the key is restricted to.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the
 * key carries none, or another negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_privkey_get_spki(gnutls_privkey_t key, const gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (key == nullptr || spki == nullptr || key->empty())
        return GNUTLS_E_INVALID_REQUEST;
    x509::PssParams p = key->signer->pss();
    if (key->signer->algorithm() != GNUTLS_PK_RSA_PSS || !p.present)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    spki->pk = GNUTLS_PK_RSA_PSS;
    spki->pss = p;
    return 0;
}

/**
 * gnutls_privkey_set_spki:
 * @key: a private key
 * @spki: the type and RSA-PSS parameters to restrict the key to
 * @flags: must be zero
 *
 * Restricts an RSA or RSA-PSS key to RSA-PSS signatures with the given
 * parameters.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_privkey_set_spki(gnutls_privkey_t key, const gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    gnutls_x509_privkey_t x = x509_of(key);
    if (x == nullptr || spki == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (spki->pk == GNUTLS_PK_UNKNOWN)
        return 0;
    gnutls_pk_algorithm_t pk = x->key.algorithm();
    if (spki->pk != GNUTLS_PK_RSA_PSS || (pk != GNUTLS_PK_RSA && pk != GNUTLS_PK_RSA_PSS))
        return GNUTLS_E_INVALID_REQUEST;
    x->key.set_pss(spki->pss);
    return 0;
}

// ---- signing -------------------------------------------------------------------

namespace {

// The scheme gnutls_privkey_sign_data()/sign_hash() use for a digest.
int scheme_for_hash(const x509::Signer &s, int hash, unsigned flags, gnutls_sign_algorithm_t &out)
{
    gnutls_pk_algorithm_t pk = s.algorithm();
    if (flags & GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS) {
        if (pk != GNUTLS_PK_RSA && pk != GNUTLS_PK_RSA_PSS)
            return GNUTLS_E_INVALID_REQUEST;
        pk = GNUTLS_PK_RSA_PSS;
    }
    if (hash == GNUTLS_DIG_UNKNOWN)
        return GNUTLS_E_INVALID_REQUEST;
    x509::PssParams kp = s.pss();
    if (kp.present && hash != kp.hash)
        return GNUTLS_E_CONSTRAINT_ERROR;
    const algo::Sign *row = algo::sign_by_pk_hash(pk, hash);
    if (row == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    out = row->id;
    return 0;
}

// The raw-value signature of GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA: RSA PKCS#1
// v1.5 over the value as given.  gnutls_privkey_sign_hash() also lets an
// ECDSA key sign a value whose length is that of a SHA-1/SHA-2 digest.
int tls1_scheme(const x509::Signer &s, std::size_t len, bool allow_ecdsa, int bad, gnutls_sign_algorithm_t &out)
{
    if (s.algorithm() == GNUTLS_PK_RSA) {
        out = GNUTLS_SIGN_RSA_RAW;
        return 0;
    }
    if (allow_ecdsa && s.algorithm() == GNUTLS_PK_ECDSA) {
        static const gnutls_digest_algorithm_t digests[] = {GNUTLS_DIG_SHA1, GNUTLS_DIG_SHA224, GNUTLS_DIG_SHA256,
                                                            GNUTLS_DIG_SHA384, GNUTLS_DIG_SHA512};
        for (gnutls_digest_algorithm_t d : digests) {
            if (crypto::hash_output_size(d) != len)
                continue;
            if (const algo::Sign *row = algo::sign_by_pk_hash(GNUTLS_PK_ECDSA, d)) {
                out = row->id;
                return 0;
            }
        }
    }
    return bad;
}

}  // namespace

/**
 * gnutls_privkey_sign_data:
 * @signer: a private key
 * @hash: the digest to sign with
 * @flags: %GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS for an RSA-PSS signature with
 *   an RSA key, or other %GNUTLS_PRIVKEY_* signing flags
 * @data: the data to sign
 * @signature: receives the signature (allocated with gnutls_malloc())
 *
 * Hashes @data with @hash and signs it with the scheme of the key's type
 * for that digest.  Ed25519 keys need %GNUTLS_DIG_SHA512 and Ed448 keys
 * %GNUTLS_DIG_SHAKE_256 here; gnutls_privkey_sign_data2() names the
 * signature algorithm directly.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_privkey_sign_data(gnutls_privkey_t signer, gnutls_digest_algorithm_t hash,
                                        unsigned int flags, const gnutls_datum_t *data,
                                        gnutls_datum_t *signature)
{
    if (int r = need_loaded(signer); r < 0)
        return r;
    if (data == nullptr || signature == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int h = api::raw(hash);
    return api::guard([&] {
        gnutls_sign_algorithm_t sign;
        if (int r = scheme_for_hash(*signer->signer, h, flags, sign); r < 0)
            return r;
        std::vector<std::uint8_t> sig;
        Err e = signer->signer->sign_data(sign, flags | signer->flags, view(data), sig);
        return sig_out(e, sig, signature);
    });
}

/**
 * gnutls_privkey_sign_data2:
 * @signer: a private key
 * @algo: the signature algorithm
 * @flags: %GNUTLS_PRIVKEY_* signing flags
 * @data: the data to sign
 * @signature: receives the signature (allocated with gnutls_malloc())
 *
 * Signs @data with the given signature algorithm, which must suit the key.
 *
 * Returns: zero on success, %GNUTLS_E_CONSTRAINT_ERROR when the algorithm
 * does not suit the key, or another negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_privkey_sign_data2(gnutls_privkey_t signer, gnutls_sign_algorithm_t algo,
                                         unsigned int flags, const gnutls_datum_t *data,
                                         gnutls_datum_t *signature)
{
    if (int r = need_loaded(signer); r < 0)
        return r;
    if (data == nullptr || signature == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int sign = api::raw(algo);
    return api::guard([&] {
        if (algo::sign(sign) == nullptr)
            return GNUTLS_E_INVALID_REQUEST;
        std::vector<std::uint8_t> sig;
        Err e = signer->signer->sign_data(static_cast<gnutls_sign_algorithm_t>(sign), flags | signer->flags,
                                          view(data), sig);
        return sig_out(e, sig, signature);
    });
}

/**
 * gnutls_privkey_sign_hash:
 * @signer: a private key
 * @hash_algo: the digest @hash_data was computed with
 * @flags: %GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA to sign @hash_data as given
 *   (RSA PKCS#1 v1.5 without DigestInfo, as TLS 1.0 does, or ECDSA),
 *   %GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS for an RSA-PSS signature, or other
 *   %GNUTLS_PRIVKEY_* signing flags
 * @hash_data: the digest to sign
 * @signature: receives the signature (allocated with gnutls_malloc())
 *
 * Signs a precomputed digest with the scheme of the key's type for
 * @hash_algo.  EdDSA keys cannot sign a digest.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_privkey_sign_hash(gnutls_privkey_t signer, gnutls_digest_algorithm_t hash_algo,
                                        unsigned int flags, const gnutls_datum_t *hash_data,
                                        gnutls_datum_t *signature)
{
    if (int r = need_loaded(signer); r < 0)
        return r;
    if (hash_data == nullptr || signature == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int h = api::raw(hash_algo);
    return api::guard([&] {
        const x509::Signer &s = *signer->signer;
        gnutls_sign_algorithm_t sign;
        if (flags & GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA) {
            if (int r = tls1_scheme(s, hash_data->size, true, GNUTLS_E_INVALID_REQUEST, sign); r < 0)
                return r;
        } else {
            if (int r = scheme_for_hash(s, h, flags, sign); r < 0)
                return r;
            if (is_eddsa(s.algorithm()))
                return GNUTLS_E_INVALID_REQUEST;
        }
        std::vector<std::uint8_t> sig;
        Err e = s.sign_hash(sign, flags | signer->flags, view(hash_data), sig);
        return sig_out(e, sig, signature);
    });
}

/**
 * gnutls_privkey_sign_hash2:
 * @signer: a private key
 * @algo: the signature algorithm (ignored with %GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA)
 * @flags: %GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA to sign @hash_data as given, or
 *   other %GNUTLS_PRIVKEY_* signing flags
 * @hash_data: the digest to sign
 * @signature: receives the signature (allocated with gnutls_malloc())
 *
 * Signs a precomputed digest with the given signature algorithm.
 *
 * Returns: zero on success, %GNUTLS_E_CONSTRAINT_ERROR when the algorithm
 * does not suit the key, or another negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_privkey_sign_hash2(gnutls_privkey_t signer, gnutls_sign_algorithm_t algo,
                                         unsigned int flags, const gnutls_datum_t *hash_data,
                                         gnutls_datum_t *signature)
{
    if (int r = need_loaded(signer); r < 0)
        return r;
    if (hash_data == nullptr || signature == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int sign_in = api::raw(algo);
    return api::guard([&] {
        const x509::Signer &s = *signer->signer;
        gnutls_sign_algorithm_t sign;
        if (flags & GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA) {
            if (int r = tls1_scheme(s, hash_data->size, false, GNUTLS_E_CONSTRAINT_ERROR, sign); r < 0)
                return r;
        } else {
            if (algo::sign(sign_in) == nullptr)
                return GNUTLS_E_INVALID_REQUEST;
            sign = static_cast<gnutls_sign_algorithm_t>(sign_in);
        }
        std::vector<std::uint8_t> sig;
        Err e = s.sign_hash(sign, flags | signer->flags, view(hash_data), sig);
        return sig_out(e, sig, signature);
    });
}

/**
 * gnutls_privkey_decrypt_data:
 * @key: an RSA private key
 * @flags: must be zero
 * @ciphertext: the encrypted data
 * @plaintext: receives the decrypted data (allocated with gnutls_malloc())
 *
 * Decrypts an RSA PKCS#1 v1.5 encrypted message.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_privkey_decrypt_data(gnutls_privkey_t key, unsigned int flags,
                                           const gnutls_datum_t *ciphertext, gnutls_datum_t *plaintext)
{
    (void)flags;
    if (int r = need_loaded(key); r < 0)
        return r;
    if (ciphertext == nullptr || plaintext == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        SecretBytes plain;
        if (Err e = key->signer->decrypt(view(ciphertext), plain); !ok(e))
            return api::to_gnutls(e);
        return api::datum_out(plain.data(), plain.size(), plaintext);
    });
}

/**
 * gnutls_privkey_decrypt_data2:
 * @key: an RSA private key
 * @flags: must be zero
 * @ciphertext: the encrypted data
 * @plaintext: where to write the decrypted data
 * @plaintext_size: the exact length the decrypted data must have
 *
 * Decrypts an RSA PKCS#1 v1.5 encrypted message of a known length into a
 * caller buffer.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.5
 **/
TLSHIM_API int gnutls_privkey_decrypt_data2(gnutls_privkey_t key, unsigned int flags,
                                            const gnutls_datum_t *ciphertext, unsigned char *plaintext,
                                            size_t plaintext_size)
{
    (void)flags;
    if (int r = need_loaded(key); r < 0)
        return r;
    if (ciphertext == nullptr || plaintext == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        SecretBytes plain;
        if (Err e = key->signer->decrypt(view(ciphertext), plain); !ok(e))
            return api::to_gnutls(e);
        if (plain.size() != plaintext_size)
            return GNUTLS_E_DECRYPTION_FAILED;
        std::memcpy(plaintext, plain.data(), plain.size());
        return 0;
    });
}

// ---- keys operated by the application -------------------------------------------

namespace {

int import_ext_common(gnutls_privkey_t pkey, gnutls_pk_algorithm_t pk, const api::ExtKey &x, unsigned flags)
{
    // A deinit function implies GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE (as in
    // GnuTLS), so no flag changes anything here.
    (void)flags;
    if (pkey == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        auto signer = std::make_unique<ExtSigner>(pkey);
        pkey->clear();
        pkey->type = GNUTLS_PRIVKEY_EXT;
        pkey->ext = x;
        pkey->ext.pk = pk;
        if (x.info != nullptr) {
            int bits = x.info(pkey, GNUTLS_PRIVKEY_INFO_PK_ALGO_BITS, x.userdata);
            pkey->ext.bits = bits > 0 ? static_cast<unsigned>(bits) : 0;
        }
        pkey->signer = std::move(signer);
        return 0;
    });
}

}  // namespace

/**
 * gnutls_privkey_import_ext:
 * @pkey: the abstract key to fill
 * @pk: the key's type
 * @userdata: passed to the callbacks
 * @sign_func: signs what it is given (a DigestInfo for RSA, a digest for ECDSA)
 * @decrypt_func: decrypts RSA PKCS#1 v1.5 data, or %NULL
 * @flags: zero
 *
 * Makes the abstract key operate through application callbacks, for keys
 * the library cannot hold (hardware, remote signers).
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_privkey_import_ext(gnutls_privkey_t pkey, gnutls_pk_algorithm_t pk, void *userdata,
                                         gnutls_privkey_sign_func sign_func,
                                         gnutls_privkey_decrypt_func decrypt_func, unsigned int flags)
{
    return gnutls_privkey_import_ext2(pkey, pk, userdata, sign_func, decrypt_func, nullptr, flags);
}

/**
 * gnutls_privkey_import_ext2:
 * @pkey: the abstract key to fill
 * @pk: the key's type
 * @userdata: passed to the callbacks
 * @sign_func: signs what it is given (a DigestInfo for RSA, a digest for ECDSA)
 * @decrypt_func: decrypts RSA PKCS#1 v1.5 data, or %NULL
 * @deinit_func: releases @userdata, or %NULL
 * @flags: %GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE or zero: a @deinit_func is
 *   called when the abstract key is released in either case
 *
 * Like gnutls_privkey_import_ext(), with a release callback.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.1
 **/
TLSHIM_API int gnutls_privkey_import_ext2(gnutls_privkey_t pkey, gnutls_pk_algorithm_t pk, void *userdata,
                                          gnutls_privkey_sign_func sign_func,
                                          gnutls_privkey_decrypt_func decrypt_func,
                                          gnutls_privkey_deinit_func deinit_func, unsigned int flags)
{
    if (sign_func == nullptr && decrypt_func == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    api::ExtKey x;
    x.userdata = userdata;
    x.sign = sign_func;
    x.decrypt = decrypt_func;
    x.deinit = deinit_func;
    gnutls_pk_algorithm_t p;
    int v = api::raw(pk);
    std::memcpy(&p, &v, sizeof p);
    return import_ext_common(pkey, p, x, flags);
}

/**
 * gnutls_privkey_import_ext3:
 * @pkey: the abstract key to fill
 * @userdata: passed to the callbacks
 * @sign_func: signs what it is given (a DigestInfo for RSA, a digest for ECDSA)
 * @decrypt_func: decrypts RSA PKCS#1 v1.5 data, or %NULL
 * @deinit_func: releases @userdata, or %NULL
 * @info_func: answers %GNUTLS_PRIVKEY_INFO_* questions (the key type at least)
 * @flags: %GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE or zero: a @deinit_func is
 *   called when the abstract key is released in either case
 *
 * Like gnutls_privkey_import_ext2(), the key type coming from @info_func.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.4.0
 **/
TLSHIM_API int gnutls_privkey_import_ext3(gnutls_privkey_t pkey, void *userdata,
                                          gnutls_privkey_sign_func sign_func,
                                          gnutls_privkey_decrypt_func decrypt_func,
                                          gnutls_privkey_deinit_func deinit_func,
                                          gnutls_privkey_info_func info_func, unsigned int flags)
{
    if (pkey == nullptr || info_func == nullptr || (sign_func == nullptr && decrypt_func == nullptr))
        return GNUTLS_E_INVALID_REQUEST;
    int pk = info_func(pkey, GNUTLS_PRIVKEY_INFO_PK_ALGO, userdata);
    if (pk < 0)
        return GNUTLS_E_INVALID_REQUEST;
    api::ExtKey x;
    x.userdata = userdata;
    x.sign = sign_func;
    x.decrypt = decrypt_func;
    x.deinit = deinit_func;
    x.info = info_func;
    gnutls_pk_algorithm_t p;
    std::memcpy(&p, &pk, sizeof p);
    return import_ext_common(pkey, p, x, flags);
}

/**
 * gnutls_privkey_import_ext4:
 * @pkey: the abstract key to fill
 * @userdata: passed to the callbacks
 * @sign_data_func: signs a message with a given algorithm (needed for EdDSA), or %NULL
 * @sign_hash_func: signs a digest with a given algorithm, or %NULL
 * @decrypt_func: decrypts RSA PKCS#1 v1.5 data, or %NULL
 * @deinit_func: releases @userdata, or %NULL
 * @info_func: answers %GNUTLS_PRIVKEY_INFO_* questions: the key type, and
 *   which signature algorithms the key supports
 * @flags: %GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE or zero: a @deinit_func is
 *   called when the abstract key is released in either case
 *
 * Makes the abstract key operate through callbacks that receive the
 * signature algorithm, so that they can make any kind of signature
 * (RSA-PSS, EdDSA) the key supports.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_privkey_import_ext4(gnutls_privkey_t pkey, void *userdata,
                                          gnutls_privkey_sign_data_func sign_data_func,
                                          gnutls_privkey_sign_hash_func sign_hash_func,
                                          gnutls_privkey_decrypt_func decrypt_func,
                                          gnutls_privkey_deinit_func deinit_func,
                                          gnutls_privkey_info_func info_func, unsigned int flags)
{
    if (pkey == nullptr || info_func == nullptr ||
        (sign_data_func == nullptr && sign_hash_func == nullptr && decrypt_func == nullptr))
        return GNUTLS_E_INVALID_REQUEST;
    int pk = info_func(pkey, GNUTLS_PRIVKEY_INFO_PK_ALGO, userdata);
    if (pk < 0)
        return GNUTLS_E_INVALID_REQUEST;
    api::ExtKey x;
    x.userdata = userdata;
    x.sign_data = sign_data_func;
    x.sign_hash = sign_hash_func;
    x.decrypt = decrypt_func;
    x.deinit = deinit_func;
    x.info = info_func;
    gnutls_pk_algorithm_t p;
    std::memcpy(&p, &pk, sizeof p);
    return import_ext_common(pkey, p, x, flags);
}

// ---- keys tlshim cannot reach: tokens, TPM, OpenPGP --------------------------

/**
 * gnutls_privkey_import_url:
 * @key: the abstract key to fill
 * @url: a PKCS #11 or TPM URL
 * @flags: must be zero
 *
 * Imports a key stored on a token.  tlshim has no PKCS #11 or TPM support:
 * a "pkcs11:" URL names an object it cannot find, a "tpmkey:" URL an
 * unsupported feature.
 *
 * Returns: %GNUTLS_E_PKCS11_REQUESTED_OBJECT_NOT_AVAILBLE for a "pkcs11:"
 * URL, %GNUTLS_E_UNIMPLEMENTED_FEATURE for a "tpmkey:" URL,
 * %GNUTLS_E_INVALID_REQUEST otherwise.
 *
 * Since: 3.1.0
 **/
TLSHIM_API int gnutls_privkey_import_url(gnutls_privkey_t key, const char *url, unsigned int flags)
{
    (void)flags;
    if (key == nullptr || url == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (std::strncmp(url, "pkcs11:", 7) == 0)
        return GNUTLS_E_PKCS11_REQUESTED_OBJECT_NOT_AVAILBLE;
    if (std::strncmp(url, "tpmkey:", 7) == 0)
        return GNUTLS_E_UNIMPLEMENTED_FEATURE;
    return GNUTLS_E_INVALID_REQUEST;
}

/**
 * gnutls_privkey_import_tpm_url:
 * @pkey: the abstract key to fill
 * @url: a TPM key URL
 * @srk_password: the storage root key's password
 * @key_password: the key's password
 * @flags: %GNUTLS_PRIVKEY_DISABLE_CALLBACKS or zero
 *
 * TPM keys are not supported.
 *
 * Returns: %GNUTLS_E_UNIMPLEMENTED_FEATURE.
 *
 * Since: 3.1.0
 **/
TLSHIM_API int gnutls_privkey_import_tpm_url(gnutls_privkey_t pkey, const char *url, const char *srk_password,
                                             const char *key_password, unsigned int flags)
{
    (void)pkey;
    (void)url;
    (void)srk_password;
    (void)key_password;
    (void)flags;
    return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}

/**
 * gnutls_privkey_import_tpm_raw:
 * @pkey: the abstract key to fill
 * @fdata: a TPM key blob
 * @format: its encoding
 * @srk_password: the storage root key's password
 * @key_password: the key's password
 * @flags: %GNUTLS_PRIVKEY_DISABLE_CALLBACKS or zero
 *
 * TPM keys are not supported.
 *
 * Returns: %GNUTLS_E_UNIMPLEMENTED_FEATURE.
 *
 * Since: 3.1.0
 **/
TLSHIM_API int gnutls_privkey_import_tpm_raw(gnutls_privkey_t pkey, const gnutls_datum_t *fdata,
                                             gnutls_tpmkey_fmt_t format, const char *srk_password,
                                             const char *key_password, unsigned int flags)
{
    (void)pkey;
    (void)fdata;
    (void)format;
    (void)srk_password;
    (void)key_password;
    (void)flags;
    return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}

/**
 * gnutls_privkey_import_openpgp_raw:
 * @pkey: the abstract key to fill
 * @data: an OpenPGP key
 * @format: its encoding
 * @keyid: the subkey to use
 * @password: its password
 *
 * OpenPGP keys are not supported; kept for binary compatibility.
 *
 * Returns: %GNUTLS_E_UNIMPLEMENTED_FEATURE.
 **/
TLSHIM_API int gnutls_privkey_import_openpgp_raw(gnutls_privkey_t pkey, const gnutls_datum_t *data,
                                                 gnutls_openpgp_crt_fmt_t format,
                                                 const gnutls_openpgp_keyid_t keyid, const char *password)
{
    (void)pkey;
    (void)data;
    (void)format;
    (void)keyid;
    (void)password;
    return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}
