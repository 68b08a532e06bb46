// SPDX-License-Identifier: LGPL-2.1-or-later
// gnutls_x509_privkey_*: X.509 private keys (PKCS#1, SEC1, PKCS#8 plain
// and encrypted, RFC 8410) over tlshim::x509::PrivateKey.
#include "api/x509-privkey.hh"

#include "api/abstract-key.hh"

#include <gnutls/abstract.h>

#include <climits>
#include <cstring>
#include <new>
#include <string_view>

#include "api/api.hh"
#include "core/algo/algo.hh"
#include "core/asn1/asn1.hh"
#include "core/encoding/base64.hh"

using tlshim::Bytes;
using tlshim::Err;
using tlshim::SecretBytes;
using tlshim::x509::KeyFormat;
using tlshim::x509::PrivateKey;
namespace api = tlshim::api;
namespace enc = tlshim::encoding;

namespace {

Bytes bytes_of(const gnutls_datum_t *d) noexcept
{
    if (d == nullptr || d->data == nullptr)
        return {};
    return Bytes(d->data, d->size);
}

bool loaded(gnutls_x509_privkey_t key) noexcept { return key != nullptr && !key->key.empty(); }

// DER decoding problems of gnutls_x509_privkey_import() all read as one code.
int import_error(Err e) noexcept
{
    switch (e) {
    case Err::memory:
    case Err::pk_invalid_privkey:
    case Err::ecc_unsupported_curve:
    case Err::unknown_pk_algorithm:
        return api::to_gnutls(e);
    default:
        return GNUTLS_E_ASN1_DER_ERROR;
    }
}

// gnutls_x509_privkey_import: PKCS#1, SEC1 or unencrypted PKCS#8.
int import_plain(PrivateKey &key, Bytes data, int fmt)
{
    if (fmt != GNUTLS_X509_FMT_PEM) {
        static const KeyFormat order[] = {KeyFormat::pkcs1, KeyFormat::sec1, KeyFormat::pkcs8};
        for (KeyFormat f : order)
            if (ok(key.import_der(data, f, nullptr, 0)))
                return 0;
        return GNUTLS_E_ASN1_DER_ERROR;
    }
    struct Label {
        std::string_view label;
        KeyFormat fmt;
    };
    static const Label labels[] = {
        {"RSA PRIVATE KEY", KeyFormat::pkcs1},
        {"EC PRIVATE KEY", KeyFormat::sec1},
        {"PRIVATE KEY", KeyFormat::pkcs8},
    };
    for (const Label &l : labels) {
        enc::PemBlock block;
        if (!ok(enc::pem_find(data, l.label, block)) || block.label != l.label)
            continue;
        SecretBytes der;
        if (Err e = enc::base64_decode(block.body, der); !ok(e))
            return api::to_gnutls(e);
        Err e = key.import_der(Bytes(der.data(), der.size()), l.fmt, nullptr, 0);
        return ok(e) ? 0 : import_error(e);
    }
    return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
}

// gnutls_x509_privkey_import_pkcs8: PKCS#8, encrypted unless
// GNUTLS_PKCS_PLAIN is given (a plain one is accepted either way).
int import_pkcs8(PrivateKey &key, Bytes data, int fmt, const char *password, unsigned flags)
{
    const bool plain = (flags & GNUTLS_PKCS_PLAIN) != 0;
    const char *pw = password;
    if (pw == nullptr && (flags & GNUTLS_PKCS_NULL_PASSWORD))
        pw = "";
    SecretBytes der;
    bool encrypted = !plain;
    if (fmt == GNUTLS_X509_FMT_PEM) {
        enc::PemBlock block;
        bool found = false;
        for (int i = 0; i < 2 && !found; i++) {
            // The plain label first when the caller says the key is plain.
            bool want_enc = plain ? i == 1 : i == 0;
            std::string_view label = want_enc ? "ENCRYPTED PRIVATE KEY" : "PRIVATE KEY";
            if (ok(enc::pem_find(data, label, block)) && block.label == label) {
                found = true;
                if (!plain)
                    encrypted = want_enc;
            }
        }
        if (!found || !ok(enc::base64_decode(block.body, der)))
            return GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR;
        data = Bytes(der.data(), der.size());
    }
    if (!encrypted)
        return api::to_gnutls(key.import_der(data, KeyFormat::pkcs8, nullptr, 0));
    if (fmt != GNUTLS_X509_FMT_PEM) {
        // DER: an unencrypted PrivateKeyInfo is accepted too.
        tlshim::asn1::Node probe;
        Err pe = probe.decode("EncryptedPrivateKeyInfo", data);
        if (!ok(pe)) {
            if (ok(key.import_der(data, KeyFormat::pkcs8, nullptr, 0)))
                return 0;
            return api::to_gnutls(pe);
        }
    }
    if (pw == nullptr) {
        // Without a password only a well-formed structure reports that.
        tlshim::asn1::Node probe;
        if (Err e = probe.decode("EncryptedPrivateKeyInfo", data); !ok(e))
            return api::to_gnutls(e);
        return GNUTLS_E_DECRYPTION_FAILED;
    }
    return api::to_gnutls(key.import_der(data, KeyFormat::pkcs8_encrypted, pw, flags));
}

int import_auto(PrivateKey &key, Bytes data, int fmt, const char *password, unsigned flags)
{
    const bool pem = fmt == GNUTLS_X509_FMT_PEM;
    // The order of the attempts and which failure is reported follow the
    // reference library's observable results: a missing or wrong password
    // always shows; otherwise DER input reports a tag error, PEM input the
    // plain import's error (or, with a password, PKCS#8's when the plain
    // import found no block at all).
    int r1, r2;
    if (password == nullptr) {
        if ((r1 = import_plain(key, data, fmt)) == 0)
            return 0;
        if ((r2 = import_pkcs8(key, data, fmt, password, flags)) == 0)
            return 0;
    } else {
        if ((r2 = import_pkcs8(key, data, fmt, password, flags)) == 0)
            return 0;
        if ((r1 = import_plain(key, data, fmt)) == 0)
            return 0;
    }
    if (r2 == GNUTLS_E_DECRYPTION_FAILED)
        return r2;
    if (!pem)
        return GNUTLS_E_ASN1_TAG_ERROR;
    if (password != nullptr && (r1 == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE || r1 == GNUTLS_E_BASE64_DECODING_ERROR))
        return r2;
    return r1;
}

// Encodes in `fmt` (DER or PEM) into `out`.
Err encode(const PrivateKey &key, KeyFormat kf, int fmt, const char *password, unsigned flags, SecretBytes &out)
{
    if (fmt == GNUTLS_X509_FMT_PEM)
        return key.export_pem(kf, password, flags, out);
    return key.export_der(kf, password, flags, out);
}

int copy_encoded(const SecretBytes &b, int fmt, void *dst, size_t *size) noexcept
{
    if (size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (fmt != GNUTLS_X509_FMT_PEM)
        return api::copy_out(b.data(), b.size(), dst, size);
    // Text: room for a terminating NUL that the reported length leaves out.
    if (dst == nullptr || *size < b.size() + 1) {
        *size = b.size() + 1;
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    std::memcpy(dst, b.data(), b.size());
    static_cast<char *>(dst)[b.size()] = '\0';
    *size = b.size();
    return 0;
}

int datum_encoded(const SecretBytes &b, int fmt, gnutls_datum_t *out) noexcept
{
    return api::datum_out(b.data(), b.size(), out, fmt == GNUTLS_X509_FMT_PEM);
}

// The PKCS#8 export: plain with GNUTLS_PKCS_PLAIN, or without a password
// unless GNUTLS_PKCS_NULL_PASSWORD asks for encryption with none.
KeyFormat pkcs8_kind(const char *password, unsigned flags) noexcept
{
    if ((flags & GNUTLS_PKCS_PLAIN) || (password == nullptr && !(flags & GNUTLS_PKCS_NULL_PASSWORD)))
        return KeyFormat::pkcs8;
    return KeyFormat::pkcs8_encrypted;
}

// An integer as GnuTLS hands it out: minimal, with a zero octet in front
// when the top bit is set.
int integer_out(const SecretBytes &v, gnutls_datum_t *out) noexcept
{
    if (out == nullptr)
        return 0;
    std::size_t i = 0;
    while (i < v.size() && v[i] == 0)
        i++;
    bool lz = i < v.size() && (v[i] & 0x80);
    std::size_t len = v.size() - i + (lz ? 1 : 0);
    if (len == 0)
        len = 1;  // zero is one zero octet
    auto *p = static_cast<unsigned char *>(gnutls_malloc(len));
    if (p == nullptr)
        return GNUTLS_E_MEMORY_ERROR;
    p[0] = 0;
    if (v.size() > i)
        std::memcpy(p + (lz ? 1 : 0), v.data() + i, v.size() - i);
    out->data = p;
    out->size = static_cast<unsigned>(len);
    return 0;
}

void free_datum(gnutls_datum_t *d) noexcept
{
    if (d != nullptr && d->data != nullptr) {
        tlshim::secure_wipe(d->data, d->size);
        (gnutls_free)(d->data);
        d->data = nullptr;
        d->size = 0;
    }
}

// The signature algorithm gnutls_x509_privkey_sign_data() uses for a key
// and a digest, or an error.
int sign_for(const PrivateKey &key, int digest, gnutls_sign_algorithm_t &out) noexcept
{
    const int pk = key.algorithm();
    const auto &pss = key.pss();
    if (pk == GNUTLS_PK_RSA_PSS && pss.present && pss.hash != digest)
        return GNUTLS_E_CONSTRAINT_ERROR;
    switch (pk) {
    case GNUTLS_PK_RSA_PSS:
        switch (digest) {
        case GNUTLS_DIG_SHA256: out = GNUTLS_SIGN_RSA_PSS_SHA256; return 0;
        case GNUTLS_DIG_SHA384: out = GNUTLS_SIGN_RSA_PSS_SHA384; return 0;
        case GNUTLS_DIG_SHA512: out = GNUTLS_SIGN_RSA_PSS_SHA512; return 0;
        default: return GNUTLS_E_INVALID_REQUEST;
        }
    case GNUTLS_PK_EDDSA_ED25519:
        if (digest != GNUTLS_DIG_SHA512)
            return GNUTLS_E_INVALID_REQUEST;
        out = GNUTLS_SIGN_EDDSA_ED25519;
        return 0;
    case GNUTLS_PK_EDDSA_ED448:
        if (digest != GNUTLS_DIG_SHAKE_256)
            return GNUTLS_E_INVALID_REQUEST;
        out = GNUTLS_SIGN_EDDSA_ED448;
        return 0;
    case GNUTLS_PK_RSA:
    case GNUTLS_PK_ECDSA: {
        const tlshim::algo::Sign *s = tlshim::algo::sign_by_pk_hash(pk, digest);
        if (s == nullptr || s->curve != GNUTLS_ECC_CURVE_INVALID)
            return GNUTLS_E_INVALID_REQUEST;
        out = s->id;
        return 0;
    }
    default:
        return GNUTLS_E_INVALID_REQUEST;
    }
}

}  // namespace

/**
 * gnutls_x509_privkey_init:
 * @key: where the new key object is stored
 *
 * Allocates an empty private-key object.  Release it with
 * gnutls_x509_privkey_deinit().
 *
 * Returns: zero on success, or %GNUTLS_E_MEMORY_ERROR.
 **/
TLSHIM_API int gnutls_x509_privkey_init(gnutls_x509_privkey_t *key)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *key = new (std::nothrow) gnutls_x509_privkey_int;
    return *key == nullptr ? GNUTLS_E_MEMORY_ERROR : 0;
}

/**
 * gnutls_x509_privkey_deinit:
 * @key: the key object, or %NULL
 *
 * Wipes the key material and frees the object.
 **/
TLSHIM_API void gnutls_x509_privkey_deinit(gnutls_x509_privkey_t key)
{
    delete key;
}

/**
 * gnutls_x509_privkey_cpy:
 * @dst: the object that receives the copy
 * @src: the key to copy
 *
 * Replaces the key held by @dst with a copy of the key in @src.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_cpy(gnutls_x509_privkey_t dst, gnutls_x509_privkey_t src)
{
    if (dst == nullptr || !loaded(src))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return api::to_gnutls(dst->key.copy_from(src->key)); });
}

/**
 * gnutls_x509_privkey_import:
 * @key: the key object to fill
 * @data: the encoded key
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 *
 * Reads an unencrypted private key: an RSA key in PKCS#1 form, an elliptic
 * curve key in SEC1 form, or any supported key in PKCS#8 form.  PEM input
 * is recognised by its "RSA PRIVATE KEY", "EC PRIVATE KEY" or
 * "PRIVATE KEY" label.  Encrypted keys need gnutls_x509_privkey_import2().
 *
 * Returns: zero on success; %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when no
 * suitable PEM block is present, %GNUTLS_E_ASN1_DER_ERROR when the data
 * is not a key, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_import(gnutls_x509_privkey_t key, const gnutls_datum_t *data,
                                          gnutls_x509_crt_fmt_t format)
{
    if (key == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] { return import_plain(key->key, bytes_of(data), fmt); });
}

/**
 * gnutls_x509_privkey_import_pkcs8:
 * @key: the key object to fill
 * @data: the PKCS#8 structure
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @password: the password of an encrypted key, or %NULL
 * @flags: %GNUTLS_PKCS_PLAIN for an unencrypted key, otherwise zero or
 *   %GNUTLS_PKCS_NULL_PASSWORD
 *
 * Reads a PKCS#8 private key.  Encrypted keys use PBES2 with PBKDF2 and
 * AES-CBC or 3DES-CBC; PEM input carries the label "ENCRYPTED PRIVATE KEY"
 * (or "PRIVATE KEY" for a plain key).
 *
 * Returns: zero on success; %GNUTLS_E_DECRYPTION_FAILED when the password
 * is missing or wrong, %GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR when no
 * PKCS#8 PEM block is found, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_import_pkcs8(gnutls_x509_privkey_t key, const gnutls_datum_t *data,
                                                gnutls_x509_crt_fmt_t format, const char *password,
                                                unsigned int flags)
{
    if (key == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] { return import_pkcs8(key->key, bytes_of(data), fmt, password, flags); });
}

/**
 * gnutls_x509_privkey_import2:
 * @key: the key object to fill
 * @data: the encoded key
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @password: the password when the key is encrypted, or %NULL
 * @flags: gnutls_pkcs_encrypt_flags_t values for an encrypted PKCS#8 key
 *
 * Reads a private key in any form gnutls_x509_privkey_import() or
 * gnutls_x509_privkey_import_pkcs8() understands, trying them in turn.
 *
 * Returns: zero on success; %GNUTLS_E_DECRYPTION_FAILED for an encrypted
 * key without the right password, or the error of the most fitting
 * attempt.
 **/
TLSHIM_API int gnutls_x509_privkey_import2(gnutls_x509_privkey_t key, const gnutls_datum_t *data,
                                           gnutls_x509_crt_fmt_t format, const char *password,
                                           unsigned int flags)
{
    if (key == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] { return import_auto(key->key, bytes_of(data), fmt, password, flags); });
}

/**
 * gnutls_x509_privkey_import_openssl:
 * @key: the key object to fill
 * @data: the key in PEM form
 * @password: the password of an OpenSSL-encrypted key, or %NULL
 *
 * Reads a key in OpenSSL's traditional PEM form.  Keys carrying OpenSSL's
 * "Proc-Type: 4,ENCRYPTED" header are not supported by tlshim; unencrypted
 * ones are read as by gnutls_x509_privkey_import().
 *
 * Returns: zero on success, %GNUTLS_E_UNIMPLEMENTED_FEATURE for an
 * OpenSSL-encrypted key, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_import_openssl(gnutls_x509_privkey_t key, const gnutls_datum_t *data,
                                                  const char *password)
{
    (void)password;
    if (key == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        Bytes d = bytes_of(data);
        std::string_view text(reinterpret_cast<const char *>(d.data()), d.size());
        if (text.find("Proc-Type:") != std::string_view::npos && text.find("ENCRYPTED") != std::string_view::npos)
            return GNUTLS_E_UNIMPLEMENTED_FEATURE;
        return import_plain(key->key, d, GNUTLS_X509_FMT_PEM);
    });
}

/**
 * gnutls_x509_privkey_import_rsa_raw:
 * @key: the key object to fill
 * @m: the modulus
 * @e: the public exponent
 * @d: the private exponent
 * @p: the first prime
 * @q: the second prime
 * @u: the CRT coefficient (the inverse of @q modulo @p)
 *
 * Builds an RSA key from its big-endian integers; the CRT exponents are
 * computed.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_import_rsa_raw(gnutls_x509_privkey_t key, const gnutls_datum_t *m,
                                                  const gnutls_datum_t *e, const gnutls_datum_t *d,
                                                  const gnutls_datum_t *p, const gnutls_datum_t *q,
                                                  const gnutls_datum_t *u)
{
    return gnutls_x509_privkey_import_rsa_raw2(key, m, e, d, p, q, u, nullptr, nullptr);
}

/**
 * gnutls_x509_privkey_import_rsa_raw2:
 * @key: the key object to fill
 * @m: the modulus
 * @e: the public exponent
 * @d: the private exponent
 * @p: the first prime
 * @q: the second prime
 * @u: the CRT coefficient (the inverse of @q modulo @p)
 * @e1: d mod (p-1), or %NULL to compute it
 * @e2: d mod (q-1), or %NULL to compute it
 *
 * Builds an RSA key from its big-endian integers.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_import_rsa_raw2(gnutls_x509_privkey_t key, const gnutls_datum_t *m,
                                                   const gnutls_datum_t *e, const gnutls_datum_t *d,
                                                   const gnutls_datum_t *p, const gnutls_datum_t *q,
                                                   const gnutls_datum_t *u, const gnutls_datum_t *e1,
                                                   const gnutls_datum_t *e2)
{
    if (key == nullptr || m == nullptr || e == nullptr || p == nullptr || q == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        Bytes ub = bytes_of(u), e1b = bytes_of(e1), e2b = bytes_of(e2);
        // The CRT values are derived together: a partial set is recomputed.
        if (ub.empty() || e1b.empty() || e2b.empty())
            ub = e1b = e2b = Bytes{};
        return api::to_gnutls(key->key.import_rsa(bytes_of(m), bytes_of(e), bytes_of(d), bytes_of(p),
                                                  bytes_of(q), ub, e1b, e2b));
    });
}

/**
 * gnutls_x509_privkey_import_ecc_raw:
 * @key: the key object to fill
 * @curve: the curve
 * @x: the public point's x coordinate (the public key for Edwards and
 *   Montgomery curves)
 * @y: the public point's y coordinate (%NULL for Edwards and Montgomery curves)
 * @k: the private scalar or seed
 *
 * Builds an elliptic-curve key (ECDSA on the NIST curves, EdDSA or
 * X25519/X448) from its raw values.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_import_ecc_raw(gnutls_x509_privkey_t key, gnutls_ecc_curve_t curve,
                                                  const gnutls_datum_t *x, const gnutls_datum_t *y,
                                                  const gnutls_datum_t *k)
{
    if (key == nullptr || x == nullptr || k == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int c = api::raw(curve);
    return api::guard([&] {
        if (tlshim::algo::curve(c) == nullptr)
            return GNUTLS_E_ECC_UNSUPPORTED_CURVE;
        // Like the reference, the Montgomery curves read @y as an integer
        // too, and an empty one does not scan.
        if ((c == GNUTLS_ECC_CURVE_X25519 || c == GNUTLS_ECC_CURVE_X448) && (y == nullptr || y->size == 0))
            return GNUTLS_E_MPI_SCAN_FAILED;
        return api::to_gnutls(key->key.import_ecc(static_cast<gnutls_ecc_curve_t>(c), bytes_of(x),
                                                  bytes_of(y), bytes_of(k)));
    });
}

/**
 * gnutls_x509_privkey_fix:
 * @key: a key
 *
 * Recomputes values derived from the key material.  tlshim derives and
 * checks them whenever a key is imported, so there is nothing left to do.
 *
 * Returns: zero for a loaded key, otherwise %GNUTLS_E_INVALID_REQUEST.
 **/
TLSHIM_API int gnutls_x509_privkey_fix(gnutls_x509_privkey_t key)
{
    return loaded(key) ? 0 : GNUTLS_E_INVALID_REQUEST;
}

/**
 * gnutls_x509_privkey_get_pk_algorithm:
 * @key: a key
 *
 * Reports the public-key algorithm of the key.
 *
 * Returns: a gnutls_pk_algorithm_t value (%GNUTLS_PK_UNKNOWN for an empty
 * object), or a negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_get_pk_algorithm(gnutls_x509_privkey_t key)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return key->key.algorithm();
}

/**
 * gnutls_x509_privkey_get_pk_algorithm2:
 * @key: a key
 * @bits: if not %NULL, receives the key size in bits
 *
 * Reports the public-key algorithm of the key and its size.
 *
 * Returns: a gnutls_pk_algorithm_t value, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_get_pk_algorithm2(gnutls_x509_privkey_t key, unsigned int *bits)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (bits != nullptr)
        *bits = key->key.bits();
    return key->key.algorithm();
}

/**
 * gnutls_x509_privkey_sec_param:
 * @key: a key
 *
 * Reports the security level the key's type and size reach.
 *
 * Returns: a gnutls_sec_param_t value, %GNUTLS_SEC_PARAM_UNKNOWN when it
 * cannot be told.
 **/
TLSHIM_API gnutls_sec_param_t gnutls_x509_privkey_sec_param(gnutls_x509_privkey_t key)
{
    if (!loaded(key))
        return GNUTLS_SEC_PARAM_UNKNOWN;
    return tlshim::algo::pk_bits_to_sec_param(key->key.algorithm(), key->key.bits());
}

/**
 * gnutls_x509_privkey_get_key_id:
 * @key: a key
 * @flags: %GNUTLS_KEYID_USE_SHA1 (zero), %GNUTLS_KEYID_USE_SHA256,
 *   %GNUTLS_KEYID_USE_SHA512 or %GNUTLS_KEYID_USE_BEST_KNOWN
 * @output_data: the buffer for the identifier
 * @output_data_size: in: the buffer's size; out: the identifier's length
 *
 * Computes the key identifier: a hash of the DER SubjectPublicKeyInfo of
 * the key's public half, the same value a certificate for the key gives.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER with the needed
 * size when the buffer is too small, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_get_key_id(gnutls_x509_privkey_t key, unsigned int flags,
                                              unsigned char *output_data, size_t *output_data_size)
{
    if (key == nullptr || output_data_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (key->key.empty())
        return GNUTLS_E_ASN1_GENERIC_ERROR;
    return api::guard([&] {
        tlshim::x509::PublicKey pub;
        if (Err e = key->key.public_key(pub); !ok(e))
            return api::to_gnutls(e);
        std::vector<std::uint8_t> id;
        if (Err e = pub.key_id(flags, id); !ok(e))
            return api::to_gnutls(e);
        return api::copy_out(id.data(), id.size(), output_data, output_data_size);
    });
}

/**
 * gnutls_x509_privkey_export:
 * @key: a key
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @output_data: the buffer to write to, or %NULL to ask for the size
 * @output_data_size: in: the buffer's size; out: the length written or needed
 *
 * Writes the key unencrypted in its usual form: PKCS#1 ("RSA PRIVATE KEY")
 * for RSA and RSA-PSS keys, SEC1 ("EC PRIVATE KEY") for ECDSA keys and
 * PKCS#8 ("PRIVATE KEY") for the others.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER (with the needed
 * size) when the buffer is too small, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_export(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format,
                                          void *output_data, size_t *output_data_size)
{
    if (key == nullptr || output_data_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (key->key.empty())
        return GNUTLS_E_UNIMPLEMENTED_FEATURE;
    int fmt = api::raw(format);
    return api::guard([&] {
        SecretBytes out;
        if (Err e = encode(key->key, KeyFormat::automatic, fmt, nullptr, 0, out); !ok(e))
            return api::to_gnutls(e);
        return copy_encoded(out, fmt, output_data, output_data_size);
    });
}

/**
 * gnutls_x509_privkey_export2:
 * @key: a key
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @out: receives the encoding, allocated with gnutls_malloc()
 *
 * Like gnutls_x509_privkey_export(), into a newly allocated datum that the
 * caller releases with gnutls_free().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_export2(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format,
                                           gnutls_datum_t *out)
{
    if (key == nullptr || out == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (key->key.empty())
        return GNUTLS_E_UNIMPLEMENTED_FEATURE;
    int fmt = api::raw(format);
    return api::guard([&] {
        SecretBytes enc;
        if (Err e = encode(key->key, KeyFormat::automatic, fmt, nullptr, 0, enc); !ok(e))
            return api::to_gnutls(e);
        return datum_encoded(enc, fmt, out);
    });
}

/**
 * gnutls_x509_privkey_export_pkcs8:
 * @key: a key
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @password: the password to encrypt with, or %NULL
 * @flags: %GNUTLS_PKCS_PLAIN, or the encryption scheme
 *   (%GNUTLS_PKCS_PBES2_AES_128, %GNUTLS_PKCS_PBES2_AES_192,
 *   %GNUTLS_PKCS_PBES2_AES_256, %GNUTLS_PKCS_PBES2_3DES; zero selects
 *   AES-256), optionally with %GNUTLS_PKCS_NULL_PASSWORD
 * @output_data: the buffer to write to, or %NULL to ask for the size
 * @output_data_size: in: the buffer's size; out: the length written or needed
 *
 * Writes the key as PKCS#8.  Unless @flags has %GNUTLS_PKCS_PLAIN or no
 * password is given, the key is encrypted with PBES2 (PBKDF2 with
 * HMAC-SHA256) and labelled "ENCRYPTED PRIVATE KEY" in PEM.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER (with the needed
 * size) when the buffer is too small, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_export_pkcs8(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format,
                                                const char *password, unsigned int flags,
                                                void *output_data, size_t *output_data_size)
{
    if (key == nullptr || output_data_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (key->key.empty())
        return GNUTLS_E_UNIMPLEMENTED_FEATURE;
    int fmt = api::raw(format);
    return api::guard([&] {
        SecretBytes out;
        if (Err e = encode(key->key, pkcs8_kind(password, flags), fmt, password, flags, out); !ok(e))
            return api::to_gnutls(e);
        return copy_encoded(out, fmt, output_data, output_data_size);
    });
}

/**
 * gnutls_x509_privkey_export2_pkcs8:
 * @key: a key
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @password: the password to encrypt with, or %NULL
 * @flags: as for gnutls_x509_privkey_export_pkcs8()
 * @out: receives the encoding, allocated with gnutls_malloc()
 *
 * Like gnutls_x509_privkey_export_pkcs8(), into a newly allocated datum
 * that the caller releases with gnutls_free().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_export2_pkcs8(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format,
                                                 const char *password, unsigned int flags, gnutls_datum_t *out)
{
    if (key == nullptr || out == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (key->key.empty())
        return GNUTLS_E_UNIMPLEMENTED_FEATURE;
    int fmt = api::raw(format);
    return api::guard([&] {
        SecretBytes enc;
        if (Err e = encode(key->key, pkcs8_kind(password, flags), fmt, password, flags, enc); !ok(e))
            return api::to_gnutls(e);
        return datum_encoded(enc, fmt, out);
    });
}

/**
 * gnutls_x509_privkey_export_rsa_raw:
 * @key: an RSA key
 * @m: receives the modulus
 * @e: receives the public exponent
 * @d: receives the private exponent
 * @p: receives the first prime
 * @q: receives the second prime
 * @u: receives the CRT coefficient
 *
 * Hands out the integers of an RSA key, big-endian, in datums allocated
 * with gnutls_malloc().
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a key that is
 * not RSA, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_export_rsa_raw(gnutls_x509_privkey_t key, gnutls_datum_t *m,
                                                  gnutls_datum_t *e, gnutls_datum_t *d, gnutls_datum_t *p,
                                                  gnutls_datum_t *q, gnutls_datum_t *u)
{
    return gnutls_x509_privkey_export_rsa_raw2(key, m, e, d, p, q, u, nullptr, nullptr);
}

/**
 * gnutls_x509_privkey_export_rsa_raw2:
 * @key: an RSA key
 * @m: receives the modulus
 * @e: receives the public exponent
 * @d: receives the private exponent
 * @p: receives the first prime
 * @q: receives the second prime
 * @u: receives the CRT coefficient
 * @e1: receives d mod (p-1)
 * @e2: receives d mod (q-1)
 *
 * Hands out the integers of an RSA key, big-endian, in datums allocated
 * with gnutls_malloc().  Any output may be %NULL when not wanted.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a key that is
 * not RSA, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_export_rsa_raw2(gnutls_x509_privkey_t key, gnutls_datum_t *m,
                                                   gnutls_datum_t *e, gnutls_datum_t *d, gnutls_datum_t *p,
                                                   gnutls_datum_t *q, gnutls_datum_t *u, gnutls_datum_t *e1,
                                                   gnutls_datum_t *e2)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        SecretBytes vm, ve, vd, vp, vq, vu, ve1, ve2;
        if (Err err = key->key.export_rsa(vm, ve, vd, vp, vq, vu, ve1, ve2); !ok(err))
            return api::to_gnutls(err);
        gnutls_datum_t *outs[] = {m, e, d, p, q, u, e1, e2};
        const SecretBytes *vals[] = {&vm, &ve, &vd, &vp, &vq, &vu, &ve1, &ve2};
        for (std::size_t i = 0; i < 8; i++) {
            if (int rc = integer_out(*vals[i], outs[i]); rc < 0) {
                for (std::size_t j = 0; j < i; j++)
                    free_datum(outs[j]);
                return rc;
            }
        }
        return 0;
    });
}

/**
 * gnutls_x509_privkey_export_ecc_raw:
 * @key: an elliptic-curve key
 * @curve: receives the curve
 * @x: receives the x coordinate (the public key for Edwards and Montgomery curves)
 * @y: receives the y coordinate (left empty for Edwards and Montgomery curves)
 * @k: receives the private scalar or seed
 *
 * Hands out the values of an ECDSA, EdDSA or X25519/X448 key in datums
 * allocated with gnutls_malloc().
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for another key
 * type, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_export_ecc_raw(gnutls_x509_privkey_t key, gnutls_ecc_curve_t *curve,
                                                  gnutls_datum_t *x, gnutls_datum_t *y, gnutls_datum_t *k)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        gnutls_ecc_curve_t c;
        SecretBytes vx, vy, vk;
        if (Err err = key->key.export_ecc(c, vx, vy, vk); !ok(err))
            return api::to_gnutls(err);
        const bool raw = key->key.algorithm() != GNUTLS_PK_ECDSA;
        if (curve != nullptr)
            *curve = c;
        if (raw) {
            if (y != nullptr) {
                y->data = nullptr;
                y->size = 0;
            }
            if (x != nullptr)
                if (int rc = api::datum_out(vx.data(), vx.size(), x); rc < 0)
                    return rc;
            if (k != nullptr)
                if (int rc = api::datum_out(vk.data(), vk.size(), k); rc < 0) {
                    free_datum(x);
                    return rc;
                }
            return 0;
        }
        if (int rc = integer_out(vx, x); rc < 0)
            return rc;
        if (int rc = integer_out(vy, y); rc < 0) {
            free_datum(x);
            return rc;
        }
        if (int rc = integer_out(vk, k); rc < 0) {
            free_datum(x);
            free_datum(y);
            return rc;
        }
        return 0;
    });
}

/**
 * gnutls_x509_privkey_import_gost_raw:
 * @key: the key object to fill
 * @curve: the curve (CryptoPro-A, CryptoPro-XchA, TC26-256-B or TC26-512-A)
 * @digest: %GNUTLS_DIG_GOSTR_94, %GNUTLS_DIG_STREEBOG_256 or
 *   %GNUTLS_DIG_STREEBOG_512; it decides the key type (GOST R 34.10-2001,
 *   2012-256 or 2012-512)
 * @paramset: the GOST 28147 parameter set, or %GNUTLS_GOST_PARAMSET_UNKNOWN
 *   for the key type's default
 * @x: the public point's x coordinate, least significant byte first
 * @y: the public point's y coordinate, least significant byte first
 * @k: the private value, least significant byte first
 *
 * Sets a GOST R 34.10 private key from its values.  The point must be the
 * one the private value gives.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.3
 **/
TLSHIM_API int gnutls_x509_privkey_import_gost_raw(gnutls_x509_privkey_t key, gnutls_ecc_curve_t curve,
                                                   gnutls_digest_algorithm_t digest,
                                                   gnutls_gost_paramset_t paramset, const gnutls_datum_t *x,
                                                   const gnutls_datum_t *y, const gnutls_datum_t *k)
{
    if (key == nullptr || x == nullptr || y == nullptr || k == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int c = api::raw(curve), d = api::raw(digest), ps = api::raw(paramset);
    return api::guard([&] {
        tlshim::api::GostArgs a;
        if (int r = tlshim::api::gost_import_args(c, d, ps, a); r < 0)
            return r;
        PrivateKey fresh;
        if (Err e = fresh.import_gost(a.curve, a.digest, a.paramset, bytes_of(x), bytes_of(y), bytes_of(k)); !ok(e))
            return api::to_gnutls(e);
        key->key = std::move(fresh);
        return 0;
    });
}

/**
 * gnutls_x509_privkey_export_gost_raw:
 * @key: a GOST R 34.10 key
 * @curve: if not %NULL, receives the curve
 * @digest: if not %NULL, receives the key's digest
 * @paramset: if not %NULL, receives the GOST 28147 parameter set
 * @x: if not %NULL, receives the x coordinate
 * @y: if not %NULL, receives the y coordinate
 * @k: if not %NULL, receives the private value
 *
 * Hands out the values of a GOST key in datums allocated with
 * gnutls_malloc(), each least significant byte first and without its most
 * significant zero bytes.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for another key
 * type, or another negative error code.
 *
 * Since: 3.6.3
 **/
TLSHIM_API int gnutls_x509_privkey_export_gost_raw(gnutls_x509_privkey_t key, gnutls_ecc_curve_t *curve,
                                                   gnutls_digest_algorithm_t *digest,
                                                   gnutls_gost_paramset_t *paramset, gnutls_datum_t *x,
                                                   gnutls_datum_t *y, gnutls_datum_t *k)
{
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        gnutls_ecc_curve_t c;
        gnutls_digest_algorithm_t d;
        gnutls_gost_paramset_t ps;
        SecretBytes vx, vy, vk;
        if (Err err = key->key.export_gost(c, d, ps, vx, vy, vk); !ok(err))
            return api::to_gnutls(err);
        return tlshim::api::gost_out(c, d, ps, curve, digest, paramset, {{&vx, x}, {&vy, y}, {&vk, k}});
    });
}

/**
 * gnutls_x509_privkey_generate:
 * @key: the key object to fill
 * @algo: the key type
 * @bits: the modulus size for RSA; for elliptic curves a size in bits or
 *   GNUTLS_CURVE_TO_BITS() of a curve
 * @flags: gnutls_privkey_flags_t values (none are needed)
 *
 * Generates a new key.  Equivalent to gnutls_x509_privkey_generate2()
 * without extra data.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_generate(gnutls_x509_privkey_t key, gnutls_pk_algorithm_t algo,
                                            unsigned int bits, unsigned int flags)
{
    return gnutls_x509_privkey_generate2(key, algo, bits, flags, nullptr, 0);
}

/**
 * gnutls_x509_privkey_generate2:
 * @key: the key object to fill
 * @algo: the key type
 * @bits: the modulus size for RSA; for elliptic curves a size in bits
 *   (rounded up to the next supported curve) or GNUTLS_CURVE_TO_BITS()
 *   of a curve; ignored for the Edwards and Montgomery curves
 * @flags: gnutls_privkey_flags_t values
 * @data: extra parameters, or %NULL
 * @data_size: the number of entries in @data
 *
 * Generates a new key of type RSA, RSA-PSS, ECDSA (P-256, P-384, P-521),
 * Ed25519, Ed448, X25519, X448 or GOST R 34.10 (2001 and 2012-256 on
 * CryptoPro-A, CryptoPro-XchA or TC26-256-B, CryptoPro-A unless
 * GNUTLS_CURVE_TO_BITS() names one; 2012-512 on TC26-512-A).  Provable
 * (FIPS 186-4 seeded) generation is not supported.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_generate2(gnutls_x509_privkey_t key, gnutls_pk_algorithm_t algo,
                                             unsigned int bits, unsigned int flags,
                                             const gnutls_keygen_data_st *data, unsigned data_size)
{
    (void)data;
    if (key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (flags & GNUTLS_PRIVKEY_FLAG_PROVABLE)
        return GNUTLS_E_UNIMPLEMENTED_FEATURE;
    if (data_size != 0)
        return GNUTLS_E_UNIMPLEMENTED_FEATURE;
    int pk = api::raw(algo);
    return api::guard([&] {
        unsigned b = bits;
        if (pk == GNUTLS_PK_ECDSA && !GNUTLS_BITS_ARE_CURVE(b))
            b = b <= 256 ? 256 : b <= 384 ? 384 : 521;
        switch (pk) {
        case GNUTLS_PK_RSA:
        case GNUTLS_PK_RSA_PSS:
        case GNUTLS_PK_ECDSA:
        case GNUTLS_PK_EDDSA_ED25519:
        case GNUTLS_PK_EDDSA_ED448:
        case GNUTLS_PK_ECDH_X25519:
        case GNUTLS_PK_ECDH_X448:
        case GNUTLS_PK_GOST_01:
        case GNUTLS_PK_GOST_12_256:
        case GNUTLS_PK_GOST_12_512:
            break;
        default:
            return GNUTLS_E_INVALID_REQUEST;
        }
        PrivateKey fresh;
        if (Err e = fresh.generate(static_cast<gnutls_pk_algorithm_t>(pk), b); !ok(e))
            return api::to_gnutls(e);
        key->key = std::move(fresh);
        return 0;
    });
}

/**
 * gnutls_x509_privkey_verify_params:
 * @key: a key
 *
 * Checks that the key's values are consistent: for RSA that the primes
 * make up the modulus and the exponents match, for elliptic curves that
 * the public point belongs to the private scalar.
 *
 * Returns: zero when the key is consistent, otherwise a negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_verify_params(gnutls_x509_privkey_t key)
{
    if (!loaded(key))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return api::to_gnutls(key->key.verify_params()); });
}

/**
 * gnutls_x509_privkey_sign_data:
 * @key: a key
 * @digest: the hash algorithm to sign with
 * @flags: zero
 * @data: the data to sign
 * @signature: the buffer for the signature
 * @signature_size: in: the buffer's size; out: the signature's length
 *
 * Hashes @data with @digest and signs the hash with the key: PKCS#1 v1.5
 * for RSA keys, PSS for RSA-PSS keys (which may restrict the hash), ECDSA
 * for elliptic-curve keys.  Ed25519 keys need %GNUTLS_DIG_SHA512 and Ed448
 * keys %GNUTLS_DIG_SHAKE_256, and sign @data itself.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER (with the needed
 * size) when the buffer is too small, %GNUTLS_E_CONSTRAINT_ERROR when the
 * key's parameters forbid the hash, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_privkey_sign_data(gnutls_x509_privkey_t key, gnutls_digest_algorithm_t digest,
                                             unsigned int flags, const gnutls_datum_t *data, void *signature,
                                             size_t *signature_size)
{
    (void)flags;
    if (!loaded(key) || data == nullptr || signature_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int dig = api::raw(digest);
    return api::guard([&] {
        gnutls_sign_algorithm_t sign;
        if (int rc = sign_for(key->key, dig, sign); rc < 0)
            return rc;
        std::vector<std::uint8_t> sig;
        if (Err e = key->key.sign_data(sign, bytes_of(data), sig); !ok(e))
            return api::to_gnutls(e);
        return api::copy_out(sig.data(), sig.size(), signature, signature_size);
    });
}

/**
 * gnutls_x509_privkey_set_pin_function:
 * @key: a key
 * @fn: the callback that supplies PINs
 * @userdata: passed to @fn
 *
 * Stores a PIN callback with the key.  Keys in files never need one; it
 * is kept for the benefit of code that copies it to other objects.
 **/
TLSHIM_API void gnutls_x509_privkey_set_pin_function(gnutls_x509_privkey_t key, gnutls_pin_callback_t fn,
                                                     void *userdata)
{
    if (key == nullptr)
        return;
    key->pin_fn = fn;
    key->pin_data = userdata;
}

/**
 * gnutls_x509_privkey_set_flags:
 * @key: a key
 * @flags: gnutls_privkey_flags_t values
 *
 * Stores flags that modify how the key is used.
 **/
TLSHIM_API void gnutls_x509_privkey_set_flags(gnutls_x509_privkey_t key, unsigned int flags)
{
    if (key != nullptr)
        key->flags |= flags;
}

/**
 * gnutls_x509_privkey_get_spki:
 * @key: a key
 * @spki: receives the key's type and RSA-PSS parameters
 * @flags: must be zero
 *
 * Reads the parameters an RSA-PSS key is restricted to.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the
 * key carries no parameters, or another negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_x509_privkey_get_spki(gnutls_x509_privkey_t key, gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (key == nullptr || spki == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const tlshim::x509::PssParams &p = key->key.pss();
    if (key->key.algorithm() != GNUTLS_PK_RSA_PSS || !p.present)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    spki->pk = GNUTLS_PK_RSA_PSS;
    spki->pss = p;
    return 0;
}

/**
 * gnutls_x509_privkey_set_spki:
 * @key: a key
 * @spki: the type and RSA-PSS parameters to restrict the key to
 * @flags: must be zero
 *
 * Restricts an RSA key to RSA-PSS signatures with the given parameters
 * (the key becomes an RSA-PSS key).
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_x509_privkey_set_spki(gnutls_x509_privkey_t key, const gnutls_x509_spki_t spki,
                                            unsigned int flags)
{
    (void)flags;
    if (!loaded(key) || spki == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (spki->pk == GNUTLS_PK_UNKNOWN)
        return 0;
    gnutls_pk_algorithm_t pk = key->key.algorithm();
    if (spki->pk != GNUTLS_PK_RSA_PSS || (pk != GNUTLS_PK_RSA && pk != GNUTLS_PK_RSA_PSS))
        return GNUTLS_E_INVALID_REQUEST;
    key->key.set_pss(spki->pss);
    return 0;
}
