// SPDX-License-Identifier: LGPL-2.1-or-later
// C facade: abstract public keys (gnutls_pubkey_*) and SPKI parameter
// objects (gnutls_x509_spki_*).
#include "api/api.hh"
#include "api/abstract-key.hh"
#include "api/x509-crt.hh"

#include <gnutls/abstract.h>
#include <gnutls/x509.h>
#include <gnutls/crypto.h>

#include <string>
#include <vector>

#include "core/algo/algo.hh"
#include "core/encoding/base64.hh"
#include "core/encoding/hex.hh"
#include "core/pk/gost.hh"

using namespace tlshim;

namespace {

bool loaded(gnutls_pubkey_t k) noexcept { return k != nullptr && !k->key.empty(); }

Bytes view(const gnutls_datum_t *d) noexcept
{
    if (d == nullptr || d->data == nullptr)
        return {};
    return Bytes(d->data, d->size);
}

int encode(gnutls_pubkey_t key, int fmt, std::vector<std::uint8_t> &out)
{
    std::vector<std::uint8_t> der;
    if (Err e = key->key.export_spki(der); !ok(e))
        return api::to_gnutls(e);
    if (fmt != GNUTLS_X509_FMT_PEM) {
        out = std::move(der);
        return 0;
    }
    out.clear();
    Writer w(out);
    if (Err e = encoding::pem_encode("PUBLIC KEY", der, w); !ok(e))
        return api::to_gnutls(e);
    return 0;
}

// The verification options of gnutls_pubkey_verify_*2 flags.
x509::VerifyOptions verify_options(unsigned flags) noexcept
{
    x509::VerifyOptions o;
    o.allow_broken = (flags & GNUTLS_VERIFY_ALLOW_BROKEN) != 0;
    o.allow_sha1 = (flags & GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1) != 0;
    return o;
}

// The checks both verify functions make before the key is used.
int check_sign_for_key(gnutls_pubkey_t key, int sign)
{
    const algo::Sign *s = algo::sign(sign);
    if (s == nullptr)
        return GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM;
    if (!algo::sign_supports_pk(*s, key->key.algorithm()))
        return GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY;
    if (s->curve != GNUTLS_ECC_CURVE_INVALID && s->curve != key->key.curve())
        return GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY;
    return 0;
}

// The signature is checked first; only a valid signature is then judged
// against the security policy of `opt`.
template <typename F>
int verify_then_judge(const x509::VerifyOptions &opt, F &&verify)
{
    x509::VerifyOptions any = opt;
    any.allow_broken = true;
    if (Err e = verify(any); !ok(e))
        return api::to_gnutls(e);
    if (opt.allow_broken)
        return 0;
    return api::to_gnutls(verify(opt));
}

}  // namespace

namespace tlshim::api {

// An integer handed to the application: minimal big-endian, and (unless
// the caller asked for GNUTLS_EXPORT_FLAG_NO_LZ) with a zero byte in front
// when the top bit is set, so that it reads as positive.
int int_out(Bytes v, gnutls_datum_t *out, unsigned flags)
{
    if (out == nullptr)
        return 0;
    std::size_t i = 0;
    while (i + 1 < v.size() && v[i] == 0)
        i++;
    v = v.subspan(i);
    if (!(flags & GNUTLS_EXPORT_FLAG_NO_LZ) && !v.empty() && (v[0] & 0x80)) {
        std::vector<std::uint8_t> lz(1, 0);
        lz.insert(lz.end(), v.begin(), v.end());
        return api::datum_out(lz.data(), lz.size(), out);
    }
    return api::datum_out(v.data(), v.size(), out);
}

void free_datum(gnutls_datum_t *d) noexcept
{
    if (d != nullptr) {
        (gnutls_free)(d->data);
        d->data = nullptr;
        d->size = 0;
    }
}

int gost_import_args(int c, int d, int ps, GostArgs &out)
{
    const algo::Curve *row = algo::curve(c);
    if (row == nullptr)
        return GNUTLS_E_ECC_UNSUPPORTED_CURVE;
    if (ps != GNUTLS_GOST_PARAMSET_UNKNOWN && algo::gost_paramset(ps) == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (d != GNUTLS_DIG_GOSTR_94 && d != GNUTLS_DIG_STREEBOG_256 && d != GNUTLS_DIG_STREEBOG_512)
        return GNUTLS_E_INVALID_REQUEST;
    out.curve = row->id;
    out.digest = static_cast<gnutls_digest_algorithm_t>(d);
    out.paramset = static_cast<gnutls_gost_paramset_t>(ps);
    return 0;
}

int gost_out(gnutls_ecc_curve_t c, gnutls_digest_algorithm_t d, gnutls_gost_paramset_t ps, gnutls_ecc_curve_t *curve,
             gnutls_digest_algorithm_t *digest, gnutls_gost_paramset_t *paramset, std::initializer_list<GostOut> values)
{
    if (curve != nullptr)
        *curve = c;
    if (digest != nullptr)
        *digest = d;
    if (paramset != nullptr)
        *paramset = ps;
    for (const GostOut *v = values.begin(); v != values.end(); ++v) {
        if (v->out == nullptr)
            continue;
        if (int r = api::datum_out(v->value->data(), v->value->size(), v->out); r < 0) {
            for (const GostOut *f = values.begin(); f != v; ++f)
                free_datum(f->out);
            return r;
        }
    }
    return 0;
}

}  // namespace tlshim::api

using api::int_out;
using api::free_datum;

/**
 * gnutls_pubkey_init:
 * @key: where the new public key object is stored
 *
 * Creates an empty abstract public key, to be filled by one of the
 * gnutls_pubkey_import functions and released with gnutls_pubkey_deinit().
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_pubkey_init(gnutls_pubkey_t *key)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        *key = new gnutls_pubkey_st;
        return 0;
    });
}

/**
 * gnutls_pubkey_deinit:
 * @key: a public key object, or %NULL
 *
 * Releases a public key object.
 *
 * Since: 2.12.0
 **/
TLSHIM_API void gnutls_pubkey_deinit(gnutls_pubkey_t key)
{
    delete key;
}

/**
 * gnutls_pubkey_set_pin_function:
 * @key: a public key
 * @fn: the callback asking for a PIN
 * @userdata: passed to @fn
 *
 * Records the PIN callback used when the key lives on a token.  tlshim
 * supports no tokens, so the callback is only stored.
 *
 * Since: 3.1.0
 **/
TLSHIM_API void gnutls_pubkey_set_pin_function(gnutls_pubkey_t key, gnutls_pin_callback_t fn,
                                               void *userdata)
{
    if (key == nullptr)
        return;
    key->pin_fn = fn;
    key->pin_data = userdata;
}

/**
 * gnutls_pubkey_get_pk_algorithm:
 * @key: a public key
 * @bits: if not %NULL, receives the key size in bits
 *
 * Tells the key's algorithm and size.
 *
 * Returns: a #gnutls_pk_algorithm_t value (%GNUTLS_PK_UNKNOWN for an empty
 * key), or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_pubkey_get_pk_algorithm(gnutls_pubkey_t key, unsigned int *bits)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (bits != nullptr)
        *bits = key->key.bits();
    return static_cast<int>(key->key.algorithm());
}

/**
 * gnutls_pubkey_get_key_usage:
 * @key: a public key
 * @usage: receives the %GNUTLS_KEY_* bits
 *
 * Tells the key usage recorded for the key: the certificate's key usage
 * extension when imported from a certificate, or what
 * gnutls_pubkey_set_key_usage() stored.  Zero means no restriction.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_pubkey_get_key_usage(gnutls_pubkey_t key, unsigned int *usage)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (usage != nullptr)
        *usage = key->key_usage;
    return 0;
}

/**
 * gnutls_pubkey_set_key_usage:
 * @key: a public key
 * @usage: %GNUTLS_KEY_* bits
 *
 * Records the uses the key is intended for (written, for example, into a
 * certificate made from it).
 *
 * Returns: zero.
 *
 * Since: 3.1.0
 **/
TLSHIM_API int gnutls_pubkey_set_key_usage(gnutls_pubkey_t key, unsigned int usage)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    key->key_usage = usage;
    return 0;
}

/**
 * gnutls_pubkey_import_x509:
 * @key: the public key to fill
 * @crt: a certificate
 * @flags: must be zero
 *
 * Takes the certificate's subject public key, with its key usage.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_pubkey_import_x509(gnutls_pubkey_t key, gnutls_x509_crt_t crt, unsigned int flags)
{
    (void)flags;
    if (key == nullptr || crt == nullptr || crt->cert.empty())
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        Bytes spki;
        if (Err e = crt->cert.spki_raw(spki); !ok(e))
            return api::to_gnutls(e);
        x509::PublicKey k;
        if (Err e = k.import_spki(spki); !ok(e))
            return api::to_gnutls(e);
        unsigned usage = 0;
        bool critical = false;
        if (!ok(crt->cert.key_usage(usage, critical)))
            usage = 0;
        key->key = std::move(k);
        key->key_usage = usage;
        return 0;
    });
}

/**
 * gnutls_pubkey_import_x509_raw:
 * @pkey: the public key to fill
 * @data: an encoded certificate
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @flags: must be zero
 *
 * Decodes a certificate and takes its subject public key, as
 * gnutls_pubkey_import_x509() does.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.1.3
 **/
TLSHIM_API int gnutls_pubkey_import_x509_raw(gnutls_pubkey_t pkey, const gnutls_datum_t *data,
                                             gnutls_x509_crt_fmt_t format, unsigned int flags)
{
    if (pkey == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        gnutls_x509_crt_int crt;
        Bytes in(data->data, data->size);
        Err e = fmt == GNUTLS_X509_FMT_PEM ? crt.cert.import_pem(in) : crt.cert.import_der(in);
        if (!ok(e))
            return api::to_gnutls(e);
        return gnutls_pubkey_import_x509(pkey, &crt, flags);
    });
}

/**
 * gnutls_pubkey_import:
 * @key: the public key to fill
 * @data: a SubjectPublicKeyInfo structure
 * @format: %GNUTLS_X509_FMT_DER, or %GNUTLS_X509_FMT_PEM for a "PUBLIC KEY" block
 *
 * Decodes an encoded public key (the form gnutls_pubkey_export() writes).
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_pubkey_import(gnutls_pubkey_t key, const gnutls_datum_t *data,
                                    gnutls_x509_crt_fmt_t format)
{
    if (key == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        x509::PublicKey k;
        if (Err e = k.import_pem_or_der(view(data), fmt == GNUTLS_X509_FMT_PEM ? GNUTLS_X509_FMT_PEM
                                                                                : GNUTLS_X509_FMT_DER);
            !ok(e))
            return api::to_gnutls(e);
        key->key = std::move(k);
        return 0;
    });
}

/**
 * gnutls_pubkey_export:
 * @key: a public key
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @output_data: the buffer to write to, or %NULL to ask for the size
 * @output_data_size: in: the buffer's size; out: the length written or needed
 *
 * Writes the key as a SubjectPublicKeyInfo structure, in DER or as a PEM
 * block labelled "PUBLIC KEY".
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER (with the needed
 * size stored) when the buffer is too small, or another negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_pubkey_export(gnutls_pubkey_t key, gnutls_x509_crt_fmt_t format,
                                    void *output_data, size_t *output_data_size)
{
    if (key == nullptr || output_data_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        std::vector<std::uint8_t> out;
        if (int r = encode(key, fmt, out); r < 0)
            return r;
        return api::copy_out(out.data(), out.size(), output_data, output_data_size);
    });
}

/**
 * gnutls_pubkey_export2:
 * @key: a public key
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @out: receives the encoding, allocated with gnutls_malloc()
 *
 * Like gnutls_pubkey_export(), into a new datum that the caller releases
 * with gnutls_free().
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.1.3
 **/
TLSHIM_API int gnutls_pubkey_export2(gnutls_pubkey_t key, gnutls_x509_crt_fmt_t format,
                                     gnutls_datum_t *out)
{
    if (key == nullptr || out == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        std::vector<std::uint8_t> enc;
        if (!loaded(key))
            return GNUTLS_E_UNKNOWN_PK_ALGORITHM;
        if (int r = encode(key, fmt, enc); r < 0)
            return r;
        return api::datum_out(enc.data(), enc.size(), out, fmt == GNUTLS_X509_FMT_PEM);
    });
}

/**
 * gnutls_pubkey_get_key_id:
 * @key: a public key
 * @flags: %GNUTLS_KEYID_USE_SHA1 (the default), %GNUTLS_KEYID_USE_SHA256,
 *   %GNUTLS_KEYID_USE_SHA512 or %GNUTLS_KEYID_USE_BEST_KNOWN
 * @output_data: the buffer to write to, or %NULL to ask for the size
 * @output_data_size: in: the buffer's size; out: the length written or needed
 *
 * Computes the key identifier: a hash of the DER SubjectPublicKeyInfo.
 * Identical keys have identical identifiers, whatever they were imported
 * from.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER when the buffer is
 * too small, or another negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_pubkey_get_key_id(gnutls_pubkey_t key, unsigned int flags,
                                        unsigned char *output_data, size_t *output_data_size)
{
    if (key == nullptr || output_data_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        if (!loaded(key))
            return GNUTLS_E_ASN1_GENERIC_ERROR;
        std::vector<std::uint8_t> id;
        // The best digest known is SHA-512.
        unsigned f = (flags & GNUTLS_KEYID_USE_BEST_KNOWN) ? static_cast<unsigned>(GNUTLS_KEYID_USE_SHA512) : flags;
        if (Err e = key->key.key_id(f, id); !ok(e))
            return api::to_gnutls(e);
        return api::copy_out(id.data(), id.size(), output_data, output_data_size);
    });
}

/**
 * gnutls_pubkey_get_openpgp_key_id:
 * @key: a public key
 * @flags: %GNUTLS_PUBKEY_GET_OPENPGP_FINGERPRINT or zero
 * @output_data: the buffer to write to
 * @output_data_size: in: the buffer's size; out: the length written
 * @subkey: unused
 *
 * OpenPGP keys are not supported; kept for binary compatibility.
 *
 * Returns: %GNUTLS_E_UNIMPLEMENTED_FEATURE.
 **/
TLSHIM_API int gnutls_pubkey_get_openpgp_key_id(gnutls_pubkey_t key, unsigned int flags,
                                                unsigned char *output_data, size_t *output_data_size,
                                                unsigned int *subkey)
{
    (void)key;
    (void)flags;
    (void)output_data;
    (void)output_data_size;
    (void)subkey;
    return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}

/**
 * gnutls_pubkey_get_preferred_hash_algorithm:
 * @key: a public key
 * @hash: if not %NULL, receives the recommended digest
 * @mand: if not %NULL, set to 1 when the key only works with that digest
 *   (an RSA-PSS key restricted by its parameters), else 0
 *
 * Suggests the digest to sign with for this key: one matching the strength
 * of the curve for ECDSA, SHA-512 for Ed25519, SHAKE256 for Ed448, the
 * digest of its parameters for a restricted RSA-PSS key, the key's own
 * digest (mandatory) for GOST R 34.10, SHA-256 otherwise.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_pubkey_get_preferred_hash_algorithm(gnutls_pubkey_t key,
                                                          gnutls_digest_algorithm_t *hash,
                                                          unsigned int *mand)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (mand != nullptr)
        *mand = 0;
    gnutls_digest_algorithm_t h;
    switch (key->key.algorithm()) {
    case GNUTLS_PK_RSA:
        h = GNUTLS_DIG_SHA256;
        break;
    case GNUTLS_PK_RSA_PSS:
        h = GNUTLS_DIG_SHA256;
        if (key->key.pss().present) {
            h = key->key.pss().hash;
            if (mand != nullptr)
                *mand = 1;
        }
        break;
    case GNUTLS_PK_ECDSA: {
        unsigned bits = key->key.bits();
        h = bits <= 256 ? GNUTLS_DIG_SHA256 : bits <= 384 ? GNUTLS_DIG_SHA384 : GNUTLS_DIG_SHA512;
        break;
    }
    case GNUTLS_PK_EDDSA_ED25519:
        h = GNUTLS_DIG_SHA512;
        break;
    case GNUTLS_PK_EDDSA_ED448:
        h = GNUTLS_DIG_SHAKE_256;
        break;
    case GNUTLS_PK_GOST_01:
    case GNUTLS_PK_GOST_12_256:
    case GNUTLS_PK_GOST_12_512:
        h = key->key.gost_digest();
        if (mand != nullptr)
            *mand = 1;
        break;
    default:
        return GNUTLS_E_INTERNAL_ERROR;
    }
    if (hash != nullptr)
        *hash = h;
    return 0;
}

/**
 * gnutls_pubkey_import_rsa_raw:
 * @key: the public key to fill
 * @m: the modulus, big-endian
 * @e: the public exponent, big-endian
 *
 * Sets an RSA public key from its two numbers.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_pubkey_import_rsa_raw(gnutls_pubkey_t key, const gnutls_datum_t *m,
                                            const gnutls_datum_t *e)
{
    if (key == nullptr || m == nullptr || e == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        x509::PublicKey k;
        if (Err r = k.import_rsa(view(m), view(e)); !ok(r))
            return api::to_gnutls(r);
        key->key = std::move(k);
        return 0;
    });
}

/**
 * gnutls_pubkey_import_ecc_raw:
 * @key: the public key to fill
 * @curve: the curve
 * @x: the point's x coordinate; for Ed25519/Ed448 (and X25519/X448) the
 *   encoded public key
 * @y: the point's y coordinate; %NULL for the Edwards and Montgomery curves
 *
 * Sets an elliptic-curve public key from its coordinates.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_pubkey_import_ecc_raw(gnutls_pubkey_t key, gnutls_ecc_curve_t curve,
                                            const gnutls_datum_t *x, const gnutls_datum_t *y)
{
    if (key == nullptr || x == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int c = api::raw(curve);
    return api::guard([&] {
        const algo::Curve *row = algo::curve(c);
        if (row == nullptr || !row->supported)
            return GNUTLS_E_ECC_UNSUPPORTED_CURVE;
        x509::PublicKey k;
        if (Err r = k.import_ecc(row->id, view(x), view(y)); !ok(r))
            return api::to_gnutls(r);
        key->key = std::move(k);
        return 0;
    });
}

/**
 * gnutls_pubkey_export_rsa_raw2:
 * @key: an RSA or RSA-PSS public key
 * @m: if not %NULL, receives the modulus (allocated with gnutls_malloc())
 * @e: if not %NULL, receives the public exponent
 * @flags: %GNUTLS_EXPORT_FLAG_NO_LZ to omit the zero byte that otherwise
 *   precedes a number whose top bit is set
 *
 * Gives the numbers of an RSA public key, big-endian.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_pubkey_export_rsa_raw2(gnutls_pubkey_t key, gnutls_datum_t *m, gnutls_datum_t *e,
                                             unsigned flags)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    gnutls_pk_algorithm_t pk = key->key.algorithm();
    if (pk != GNUTLS_PK_RSA && pk != GNUTLS_PK_RSA_PSS)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        SecretBytes n, ex;
        if (Err r = key->key.export_rsa(n, ex); !ok(r))
            return api::to_gnutls(r);
        if (int r = int_out(n, m, flags); r < 0)
            return r;
        if (int r = int_out(ex, e, flags); r < 0) {
            free_datum(m);
            return r;
        }
        return 0;
    });
}

/**
 * gnutls_pubkey_export_rsa_raw:
 * @key: an RSA or RSA-PSS public key
 * @m: if not %NULL, receives the modulus (allocated with gnutls_malloc())
 * @e: if not %NULL, receives the public exponent
 *
 * gnutls_pubkey_export_rsa_raw2() with no flags.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.3.0
 **/
TLSHIM_API int gnutls_pubkey_export_rsa_raw(gnutls_pubkey_t key, gnutls_datum_t *m, gnutls_datum_t *e)
{
    return gnutls_pubkey_export_rsa_raw2(key, m, e, 0);
}

/**
 * gnutls_pubkey_export_ecc_raw2:
 * @key: an elliptic-curve public key
 * @curve: if not %NULL, receives the curve
 * @x: if not %NULL, receives the x coordinate (for Ed25519/Ed448: the key)
 * @y: if not %NULL, receives the y coordinate (nothing for Ed25519/Ed448)
 * @flags: %GNUTLS_EXPORT_FLAG_NO_LZ to omit the zero byte that otherwise
 *   precedes a coordinate whose top bit is set
 *
 * Gives the coordinates of an elliptic-curve public key, big-endian, in
 * datums allocated with gnutls_malloc().
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_pubkey_export_ecc_raw2(gnutls_pubkey_t key, gnutls_ecc_curve_t *curve,
                                             gnutls_datum_t *x, gnutls_datum_t *y, unsigned flags)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    gnutls_pk_algorithm_t pk = key->key.algorithm();
    if (pk != GNUTLS_PK_ECDSA && pk != GNUTLS_PK_EDDSA_ED25519 && pk != GNUTLS_PK_EDDSA_ED448 &&
        pk != GNUTLS_PK_ECDH_X25519 && pk != GNUTLS_PK_ECDH_X448)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        gnutls_ecc_curve_t c;
        SecretBytes px, py;
        if (Err r = key->key.export_ecc(c, px, py); !ok(r))
            return api::to_gnutls(r);
        if (curve != nullptr)
            *curve = c;
        if (pk != GNUTLS_PK_ECDSA) {
            if (y != nullptr)
                *y = gnutls_datum_t{nullptr, 0};
            if (x != nullptr)
                return api::datum_out(px.data(), px.size(), x);
            return 0;
        }
        if (int r = int_out(px, x, flags); r < 0)
            return r;
        if (int r = int_out(py, y, flags); r < 0) {
            free_datum(x);
            return r;
        }
        return 0;
    });
}

/**
 * gnutls_pubkey_export_ecc_raw:
 * @key: an elliptic-curve public key
 * @curve: if not %NULL, receives the curve
 * @x: if not %NULL, receives the x coordinate (for Ed25519/Ed448: the key)
 * @y: if not %NULL, receives the y coordinate
 *
 * gnutls_pubkey_export_ecc_raw2() with no flags.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_pubkey_export_ecc_raw(gnutls_pubkey_t key, gnutls_ecc_curve_t *curve,
                                            gnutls_datum_t *x, gnutls_datum_t *y)
{
    return gnutls_pubkey_export_ecc_raw2(key, curve, x, y, 0);
}

/**
 * gnutls_pubkey_import_gost_raw:
 * @key: the public key to fill
 * @curve: the curve (CryptoPro-A, CryptoPro-XchA, TC26-256-B or TC26-512-A)
 * @digest: %GNUTLS_DIG_GOSTR_94, %GNUTLS_DIG_STREEBOG_256 or
 *   %GNUTLS_DIG_STREEBOG_512, which decides the key type
 * @paramset: the GOST 28147 parameter set, or %GNUTLS_GOST_PARAMSET_UNKNOWN
 *   for the key type's default
 * @x: the point's x coordinate, least significant byte first
 * @y: the point's y coordinate, least significant byte first
 *
 * Sets a GOST R 34.10 public key from its point.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.3
 **/
TLSHIM_API int gnutls_pubkey_import_gost_raw(gnutls_pubkey_t key, gnutls_ecc_curve_t curve,
                                             gnutls_digest_algorithm_t digest, gnutls_gost_paramset_t paramset,
                                             const gnutls_datum_t *x, const gnutls_datum_t *y)
{
    if (key == nullptr || x == nullptr || y == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int c = api::raw(curve), d = api::raw(digest), ps = api::raw(paramset);
    return api::guard([&] {
        api::GostArgs a;
        if (int r = api::gost_import_args(c, d, ps, a); r < 0)
            return r;
        x509::PublicKey k;
        if (Err r = k.import_gost(a.curve, a.digest, a.paramset, view(x), view(y)); !ok(r))
            return api::to_gnutls(r);
        key->key = std::move(k);
        return 0;
    });
}

/**
 * gnutls_pubkey_export_gost_raw2:
 * @key: a GOST R 34.10 public key
 * @curve: if not %NULL, receives the curve
 * @digest: if not %NULL, receives the key's digest
 * @paramset: if not %NULL, receives the GOST 28147 parameter set
 * @x: if not %NULL, receives the x coordinate
 * @y: if not %NULL, receives the y coordinate
 * @flags: gnutls_abstract_export_flags_t values; they change nothing for
 *   these little-endian values
 *
 * Gives the point of a GOST key in datums allocated with gnutls_malloc(),
 * least significant byte first, without their most significant zero bytes.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.3
 **/
TLSHIM_API int gnutls_pubkey_export_gost_raw2(gnutls_pubkey_t key, gnutls_ecc_curve_t *curve,
                                              gnutls_digest_algorithm_t *digest, gnutls_gost_paramset_t *paramset,
                                              gnutls_datum_t *x, gnutls_datum_t *y, unsigned int flags)
{
    (void)flags;
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        gnutls_ecc_curve_t c;
        gnutls_digest_algorithm_t d;
        gnutls_gost_paramset_t ps;
        SecretBytes px, py;
        if (Err r = key->key.export_gost(c, d, ps, px, py); !ok(r))
            return api::to_gnutls(r);
        return api::gost_out(c, d, ps, curve, digest, paramset, {{&px, x}, {&py, y}});
    });
}

/**
 * gnutls_x509_crt_get_pk_gost_raw:
 * @crt: a certificate
 * @curve: if not %NULL, receives the curve
 * @digest: if not %NULL, receives the key's digest
 * @paramset: if not %NULL, receives the GOST 28147 parameter set
 * @x: if not %NULL, receives the x coordinate
 * @y: if not %NULL, receives the y coordinate
 *
 * Gives the GOST R 34.10 public key of a certificate, as
 * gnutls_pubkey_export_gost_raw2() does.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.3
 **/
TLSHIM_API int gnutls_x509_crt_get_pk_gost_raw(gnutls_x509_crt_t crt, gnutls_ecc_curve_t *curve,
                                               gnutls_digest_algorithm_t *digest, gnutls_gost_paramset_t *paramset,
                                               gnutls_datum_t *x, gnutls_datum_t *y)
{
    if (crt == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    gnutls_pubkey_t pub = nullptr;
    if (int r = gnutls_pubkey_init(&pub); r < 0)
        return r;
    int r = gnutls_pubkey_import_x509(pub, crt, 0);
    if (r >= 0)
        r = gnutls_pubkey_export_gost_raw2(pub, curve, digest, paramset, x, y, 0);
    gnutls_pubkey_deinit(pub);
    return r;
}

/**
 * gnutls_encode_gost_rs_value:
 * @sig_value: receives the encoded signature (allocated with gnutls_malloc())
 * @r: the r value, big-endian
 * @s: the s value, big-endian, as long as @r
 *
 * Joins the two halves of a GOST R 34.10 signature into the form of
 * RFC 4491 section 2.2.2: s followed by r.  The values are taken at the
 * length given, which must be the same for both.
 *
 * Returns: zero on success, %GNUTLS_E_ILLEGAL_PARAMETER when @r and @s
 * differ in length, or another negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_encode_gost_rs_value(gnutls_datum_t *sig_value, const gnutls_datum_t *r,
                                           const gnutls_datum_t *s)
{
    if (sig_value == nullptr || r == nullptr || s == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> out;
        if (Err e = pk::gost_rs_join(view(r), view(s), out); !ok(e))
            return api::to_gnutls(e);
        return api::datum_out(out.data(), out.size(), sig_value);
    });
}

/**
 * gnutls_decode_gost_rs_value:
 * @sig_value: a GOST R 34.10 signature in the form of RFC 4491 section 2.2.2
 * @r: receives the second half, the r value (allocated with gnutls_malloc())
 * @s: receives the first half, the s value (allocated with gnutls_malloc())
 *
 * Splits a GOST signature into its two values, each at half the
 * signature's length, leading zeros kept.
 *
 * Returns: zero on success, %GNUTLS_E_PARSING_ERROR for an odd length, or
 * another negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_decode_gost_rs_value(const gnutls_datum_t *sig_value, gnutls_datum_t *r, gnutls_datum_t *s)
{
    if (sig_value == nullptr || r == nullptr || s == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> rv, sv;
        if (Err e = pk::gost_rs_split(view(sig_value), rv, sv); !ok(e))
            return api::to_gnutls(e);
        if (int rc = api::datum_out(rv.data(), rv.size(), r); rc < 0)
            return rc;
        if (int rc = api::datum_out(sv.data(), sv.size(), s); rc < 0) {
            free_datum(r);
            return rc;
        }
        return 0;
    });
}

/**
 * gnutls_pubkey_import_privkey:
 * @key: the public key to fill
 * @pkey: a private key
 * @usage: %GNUTLS_KEY_* bits to record as the key usage
 * @flags: must be zero
 *
 * Derives the public key of a private key.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 2.12.0
 **/
TLSHIM_API int gnutls_pubkey_import_privkey(gnutls_pubkey_t key, gnutls_privkey_t pkey,
                                            unsigned int usage, unsigned int flags)
{
    (void)flags;
    if (key == nullptr || pkey == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        x509::PublicKey k;
        if (Err e = api::privkey_public_key(pkey, k); !ok(e))
            return api::to_gnutls(e);
        key->key = std::move(k);
        key->key_usage = usage;
        return 0;
    });
}

/**
 * gnutls_pubkey_verify_params:
 * @key: a public key
 *
 * Checks that the key's parameters are usable (the key was decoded and
 * validated on import).
 *
 * Returns: zero when they are, or a negative error code.
 *
 * Since: 3.3.0
 **/
TLSHIM_API int gnutls_pubkey_verify_params(gnutls_pubkey_t key)
{
    if (!loaded(key))
        return GNUTLS_E_INVALID_REQUEST;
    return 0;
}

/**
 * gnutls_pubkey_verify_data2:
 * @pubkey: a public key
 * @algo: the signature algorithm
 * @flags: %GNUTLS_VERIFY_ALLOW_BROKEN, %GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1
 * @data: the signed data
 * @signature: the signature
 *
 * Verifies a signature over @data (hashed here as @algo says).
 *
 * Returns: zero when the signature is valid,
 * %GNUTLS_E_PK_SIG_VERIFY_FAILED when it is not, or another negative error
 * code (such as %GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY or
 * %GNUTLS_E_INSUFFICIENT_SECURITY).
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_pubkey_verify_data2(gnutls_pubkey_t pubkey, gnutls_sign_algorithm_t algo,
                                          unsigned int flags, const gnutls_datum_t *data,
                                          const gnutls_datum_t *signature)
{
    if (pubkey == nullptr || data == nullptr || signature == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int sign = api::raw(algo);
    return api::guard([&] {
        if (flags & GNUTLS_VERIFY_USE_TLS1_RSA)
            return GNUTLS_E_INVALID_REQUEST;
        if (int r = check_sign_for_key(pubkey, sign); r < 0)
            return r;
        const x509::PssParams &kp = pubkey->key.pss();
        return verify_then_judge(verify_options(flags), [&](const x509::VerifyOptions &o) {
            return pubkey->key.verify_data(static_cast<gnutls_sign_algorithm_t>(sign), view(data),
                                           view(signature), kp.present ? &kp : nullptr, o);
        });
    });
}

/**
 * gnutls_pubkey_verify_hash2:
 * @key: a public key
 * @algo: the signature algorithm
 * @flags: %GNUTLS_VERIFY_USE_TLS1_RSA to verify an RSA PKCS#1 v1.5
 *   signature over a raw value (the TLS 1.0 MD5+SHA-1 hash), or the flags
 *   of gnutls_pubkey_verify_data2()
 * @hash: the hash of the signed data
 * @signature: the signature
 *
 * Verifies a signature over a precomputed hash.
 *
 * Returns: zero when the signature is valid,
 * %GNUTLS_E_PK_SIG_VERIFY_FAILED when it is not, or another negative error
 * code.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_pubkey_verify_hash2(gnutls_pubkey_t key, gnutls_sign_algorithm_t algo,
                                          unsigned int flags, const gnutls_datum_t *hash,
                                          const gnutls_datum_t *signature)
{
    if (key == nullptr || hash == nullptr || signature == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int sign = api::raw(algo);
    return api::guard([&] {
        x509::VerifyOptions opt = verify_options(flags);
        if (flags & GNUTLS_VERIFY_USE_TLS1_RSA) {
            gnutls_pk_algorithm_t pk = key->key.algorithm();
            if (pk != GNUTLS_PK_RSA)
                return GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY;
            opt.allow_broken = true;
            return api::to_gnutls(key->key.verify_hash(GNUTLS_SIGN_RSA_RAW, view(hash), view(signature),
                                                       nullptr, opt));
        }
        if (int r = check_sign_for_key(key, sign); r < 0)
            return r;
        const x509::PssParams &kp = key->key.pss();
        return verify_then_judge(opt, [&](const x509::VerifyOptions &o) {
            return key->key.verify_hash(static_cast<gnutls_sign_algorithm_t>(sign), view(hash), view(signature),
                                        kp.present ? &kp : nullptr, o);
        });
    });
}

/**
 * gnutls_pubkey_encrypt_data:
 * @key: an RSA public key
 * @flags: must be zero
 * @plaintext: the data to encrypt
 * @ciphertext: receives the encrypted data (allocated with gnutls_malloc())
 *
 * Encrypts a short message with RSA PKCS#1 v1.5 padding.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_pubkey_encrypt_data(gnutls_pubkey_t key, unsigned int flags,
                                          const gnutls_datum_t *plaintext, gnutls_datum_t *ciphertext)
{
    (void)flags;
    if (!loaded(key) || plaintext == nullptr || ciphertext == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> ct;
        if (Err e = key->key.encrypt(view(plaintext), ct); !ok(e))
            return api::to_gnutls(e);
        return api::datum_out(ct.data(), ct.size(), ciphertext);
    });
}

/**
 * gnutls_pubkey_get_spki:
 * @key: a public key
 * @spki: receives the key's type and RSA-PSS parameters
 * @flags: must be zero
 *
 * Reads the parameters the key is restricted to.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the
 * key carries no parameters, or another negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_pubkey_get_spki(gnutls_pubkey_t key, const gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (key == nullptr || spki == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const x509::PssParams &p = key->key.pss();
    if (key->key.algorithm() != GNUTLS_PK_RSA_PSS || !p.present)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    spki->pk = GNUTLS_PK_RSA_PSS;
    spki->pss = p;
    return 0;
}

/**
 * gnutls_pubkey_set_spki:
 * @key: a public key
 * @spki: the type and RSA-PSS parameters to restrict the key to
 * @flags: must be zero
 *
 * Restricts the key to RSA-PSS signatures with the given parameters.  Only
 * RSA and RSA-PSS keys accept parameters; an object holding none leaves
 * the key as it is.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_pubkey_set_spki(gnutls_pubkey_t key, const gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (key == nullptr || spki == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (spki->pk == GNUTLS_PK_UNKNOWN)
        return 0;
    gnutls_pk_algorithm_t pk = key->key.algorithm();
    if (spki->pk != GNUTLS_PK_RSA_PSS || (pk != GNUTLS_PK_RSA && pk != GNUTLS_PK_RSA_PSS))
        return GNUTLS_E_INVALID_REQUEST;
    key->key.set_pss(spki->pss);
    return 0;
}

// ---- gnutls_x509_spki_t ------------------------------------------------------

/**
 * gnutls_x509_spki_init:
 * @spki: where the new object is stored
 *
 * Creates an empty SubjectPublicKeyInfo parameters object (no key type, no
 * parameters), released with gnutls_x509_spki_deinit().
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_x509_spki_init(gnutls_x509_spki_t *spki)
{
    if (spki == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        *spki = new gnutls_x509_spki_st;
        return 0;
    });
}

/**
 * gnutls_x509_spki_deinit:
 * @spki: a parameters object, or %NULL
 *
 * Releases a SubjectPublicKeyInfo parameters object.
 *
 * Since: 3.6.0
 **/
TLSHIM_API void gnutls_x509_spki_deinit(gnutls_x509_spki_t spki)
{
    delete spki;
}

/**
 * gnutls_x509_spki_get_rsa_pss_params:
 * @spki: a parameters object
 * @dig: if not %NULL, receives the digest
 * @salt_size: if not %NULL, receives the salt length in bytes
 *
 * Reads the RSA-PSS parameters held by the object.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the
 * object holds none, or another negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_x509_spki_get_rsa_pss_params(gnutls_x509_spki_t spki, gnutls_digest_algorithm_t *dig,
                                                   unsigned int *salt_size)
{
    if (spki == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (spki->pk == GNUTLS_PK_UNKNOWN)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (spki->pk != GNUTLS_PK_RSA_PSS)
        return GNUTLS_E_INVALID_REQUEST;
    if (dig != nullptr)
        *dig = spki->pss.hash;
    if (salt_size != nullptr)
        *salt_size = spki->pss.salt_size;
    return 0;
}

/**
 * gnutls_x509_spki_set_rsa_pss_params:
 * @spki: a parameters object
 * @dig: the digest of the RSA-PSS signatures
 * @salt_size: the salt length in bytes
 *
 * Makes the object describe an RSA-PSS key restricted to @dig and salts of
 * at least @salt_size bytes.
 *
 * Since: 3.6.0
 **/
TLSHIM_API void gnutls_x509_spki_set_rsa_pss_params(gnutls_x509_spki_t spki, gnutls_digest_algorithm_t dig,
                                                    unsigned int salt_size)
{
    if (spki == nullptr)
        return;
    spki->pk = GNUTLS_PK_RSA_PSS;
    std::memcpy(&spki->pss.hash, &dig, sizeof dig);
    spki->pss.salt_size = salt_size;
    spki->pss.present = true;
}

// ---- keys tlshim cannot reach: tokens, TPM, OpenPGP --------------------------

/**
 * gnutls_pubkey_import_url:
 * @key: the public key to fill
 * @url: a PKCS #11 or TPM URL
 * @flags: %GNUTLS_PKCS11_OBJ_FLAG_* bits
 *
 * Imports a key stored on a token.  tlshim has no PKCS #11 or TPM support:
 * a "pkcs11:" URL names no object it can find and a "tpmkey:" URL names an
 * unsupported feature.
 *
 * Returns: %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE for a "pkcs11:" URL,
 * %GNUTLS_E_UNIMPLEMENTED_FEATURE for a "tpmkey:" URL,
 * %GNUTLS_E_INVALID_REQUEST for any other.
 *
 * Since: 3.1.0
 **/
TLSHIM_API int gnutls_pubkey_import_url(gnutls_pubkey_t key, const char *url, unsigned int flags)
{
    (void)flags;
    if (key == nullptr || url == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (std::strncmp(url, "pkcs11:", 7) == 0)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (std::strncmp(url, "tpmkey:", 7) == 0)
        return GNUTLS_E_UNIMPLEMENTED_FEATURE;
    return GNUTLS_E_INVALID_REQUEST;
}

/**
 * gnutls_pubkey_import_tpm_url:
 * @pkey: the public key to fill
 * @url: a TPM key URL
 * @srk_password: the storage root key's password
 * @flags: %GNUTLS_PUBKEY_DISABLE_CALLBACKS or zero
 *
 * TPM keys are not supported.
 *
 * Returns: %GNUTLS_E_UNIMPLEMENTED_FEATURE.
 *
 * Since: 3.1.0
 **/
TLSHIM_API int gnutls_pubkey_import_tpm_url(gnutls_pubkey_t pkey, const char *url, const char *srk_password,
                                            unsigned int flags)
{
    (void)pkey;
    (void)url;
    (void)srk_password;
    (void)flags;
    return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}

/**
 * gnutls_pubkey_import_tpm_raw:
 * @pkey: the public key to fill
 * @fdata: a TPM key blob
 * @format: its encoding
 * @srk_password: the storage root key's password
 * @flags: %GNUTLS_PUBKEY_DISABLE_CALLBACKS or zero
 *
 * TPM keys are not supported.
 *
 * Returns: %GNUTLS_E_UNIMPLEMENTED_FEATURE.
 *
 * Since: 3.1.0
 **/
TLSHIM_API int gnutls_pubkey_import_tpm_raw(gnutls_pubkey_t pkey, const gnutls_datum_t *fdata,
                                            gnutls_tpmkey_fmt_t format, const char *srk_password,
                                            unsigned int flags)
{
    (void)pkey;
    (void)fdata;
    (void)format;
    (void)srk_password;
    (void)flags;
    return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}

/**
 * gnutls_pubkey_import_openpgp_raw:
 * @pkey: the public key to fill
 * @data: an OpenPGP key
 * @format: its encoding
 * @keyid: the subkey to use
 * @flags: must be zero
 *
 * OpenPGP keys are not supported; kept for binary compatibility.
 *
 * Returns: %GNUTLS_E_UNIMPLEMENTED_FEATURE.
 **/
TLSHIM_API int gnutls_pubkey_import_openpgp_raw(gnutls_pubkey_t pkey, const gnutls_datum_t *data,
                                                gnutls_openpgp_crt_fmt_t format,
                                                const gnutls_openpgp_keyid_t keyid, unsigned int flags)
{
    (void)pkey;
    (void)data;
    (void)format;
    (void)keyid;
    (void)flags;
    return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}

/**
 * gnutls_pubkey_import_openpgp:
 * @key: the public key to fill
 * @crt: an OpenPGP certificate
 * @flags: must be zero
 *
 * OpenPGP keys are not supported; kept for binary compatibility.
 *
 * Returns: %GNUTLS_E_UNIMPLEMENTED_FEATURE.
 **/
TLSHIM_API int gnutls_pubkey_import_openpgp(gnutls_pubkey_t key, gnutls_openpgp_crt_t crt, unsigned int flags)
{
    (void)key;
    (void)crt;
    (void)flags;
    return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}

// ---- printing ------------------------------------------------------------------

/**
 * gnutls_pubkey_print:
 * @pubkey: a public key
 * @format: %GNUTLS_CRT_PRINT_FULL, %GNUTLS_CRT_PRINT_ONELINE, ...
 * @out: receives the text, NUL-terminated, allocated with gnutls_malloc()
 *
 * Describes the key for people: its algorithm, size, numbers (or curve
 * point), key identifiers and usage.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.1.5
 **/
TLSHIM_API int gnutls_pubkey_print(gnutls_pubkey_t pubkey, gnutls_certificate_print_formats_t format,
                                   gnutls_datum_t *out)
{
    if (!loaded(pubkey) || out == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        std::string s;
        auto hexs = [](Bytes b, std::size_t wrap_at, const char *indent) {
            static const char digits[] = "0123456789abcdef";
            std::string r;
            for (std::size_t i = 0; i < b.size(); i++) {
                if (wrap_at != 0 && i % wrap_at == 0) {
                    r += "\n";
                    r += indent;
                }
                r += digits[b[i] >> 4];
                r += digits[b[i] & 15];
                if (wrap_at != 0 && i + 1 < b.size())
                    r += ':';
            }
            return r;
        };
        gnutls_pk_algorithm_t pk = pubkey->key.algorithm();
        const char *name = algo::pk_name(pk);
        std::vector<std::uint8_t> id1, id256;
        if (Err e = pubkey->key.key_id(0, id1); !ok(e))
            return api::to_gnutls(e);
        if (Err e = pubkey->key.key_id(GNUTLS_KEYID_USE_SHA256, id256); !ok(e))
            return api::to_gnutls(e);
        if (fmt == GNUTLS_CRT_PRINT_ONELINE) {
            s = std::string(name ? name : "Unknown") + " " + std::to_string(pubkey->key.bits()) +
                " bits, sha256:" + hexs(id256, 0, "");
            return api::datum_out(s.data(), s.size(), out, true);
        }
        s += "Public Key Information:\n";
        s += "\tPublic Key Algorithm: " + std::string(name ? name : "Unknown") + "\n";
        s += "\tAlgorithm Security Level: ";
        s += gnutls_sec_param_get_name(gnutls_pk_bits_to_sec_param(pk, pubkey->key.bits()));
        s += " (" + std::to_string(pubkey->key.bits()) + " bits)\n";
        if (pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_RSA_PSS) {
            SecretBytes n, e;
            if (Err r = pubkey->key.export_rsa(n, e); !ok(r))
                return api::to_gnutls(r);
            std::vector<std::uint8_t> nl;
            if (!n.empty() && (n[0] & 0x80))
                nl.push_back(0);
            nl.insert(nl.end(), n.begin(), n.end());
            s += "\t\tModulus (bits " + std::to_string(pubkey->key.bits()) + "):" + hexs(nl, 16, "\t\t\t") + "\n";
            s += "\t\tExponent (bits " + std::to_string(e.size() * 8) + "):" + hexs(e, 16, "\t\t\t") + "\n";
        } else {
            gnutls_ecc_curve_t c;
            SecretBytes x, y;
            if (Err r = pubkey->key.export_ecc(c, x, y); !ok(r))
                return api::to_gnutls(r);
            const char *cn = gnutls_ecc_curve_get_name(c);
            s += "\t\tCurve:\t" + std::string(cn ? cn : "unknown") + "\n";
            if (y.empty()) {
                s += "\t\tX:" + hexs(x, 16, "\t\t\t") + "\n";
            } else {
                s += "\t\tX:" + hexs(x, 16, "\t\t\t") + "\n";
                s += "\t\tY:" + hexs(y, 16, "\t\t\t") + "\n";
            }
        }
        s += "\n";
        s += "Public Key Usage:\n";
        s += "\n";
        s += "Public Key ID:\n\tsha1:" + hexs(id1, 0, "") + "\n\tsha256:" + hexs(id256, 0, "") + "\n";
        s += "Public Key PIN:\n\tpin-sha256:";
        {
            std::vector<std::uint8_t> b64;
            Writer w(b64);
            encoding::base64_encode(id256, w);
            s += std::string(b64.begin(), b64.end());
        }
        s += "\n";
        return api::datum_out(s.data(), s.size(), out, true);
    });
}
