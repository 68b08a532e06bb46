// SPDX-License-Identifier: LGPL-2.1-or-later
// The C facade of the crypto layer (gnutls/crypto.h and the symmetric
// self tests of gnutls/self-test.h): handles around the core's Hash, Mac,
// Cipher and Aead objects, the key derivation functions and the random
// generator.
#include "api/api.hh"

#include <gnutls/crypto.h>
#include <gnutls/self-test.h>

#include <climits>
#include <memory>

#include "core/crypto/aead.hh"
#include "core/crypto/cipher.hh"
#include "core/crypto/hash.hh"
#include "core/crypto/kdf.hh"
#include "core/crypto/mac.hh"
#include "core/crypto/random.hh"
#include "core/crypto/selftest.hh"
#include "core/secret.hh"

// The opaque handle types of the public header.
struct hash_hd_st {
    tlshim::crypto::Hash hash;
};
struct hmac_hd_st {
    tlshim::crypto::Mac mac;
};
struct api_cipher_hd_st {
    std::unique_ptr<tlshim::crypto::Cipher> cipher;
};
struct api_aead_cipher_hd_st {
    std::unique_ptr<tlshim::crypto::Aead> aead;
};

namespace {

using tlshim::Bytes;
using tlshim::Err;
using tlshim::MutableBytes;
using tlshim::api::guard;
using tlshim::api::to_gnutls;
namespace crypto = tlshim::crypto;

Bytes bytes_of(const void *p, std::size_t n) noexcept
{
    return n == 0 ? Bytes() : Bytes(static_cast<const std::uint8_t *>(p), n);
}

Bytes datum_bytes(const gnutls_datum_t *d) noexcept
{
    return d == nullptr || d->data == nullptr ? Bytes() : Bytes(d->data, d->size);
}

// Concatenates an I/O vector; false when it is malformed.
bool gather(const giovec_t *iov, int cnt, tlshim::SecretBytes &out)
{
    if (cnt < 0 || (cnt > 0 && iov == nullptr))
        return false;
    std::size_t total = 0;
    for (int i = 0; i < cnt; i++) {
        if (iov[i].iov_len != 0 && iov[i].iov_base == nullptr)
            return false;
        total += iov[i].iov_len;
    }
    out.resize(total);
    std::size_t at = 0;
    for (int i = 0; i < cnt; i++) {
        if (iov[i].iov_len != 0)
            std::memcpy(out.data() + at, iov[i].iov_base, iov[i].iov_len);
        at += iov[i].iov_len;
    }
    return true;
}

void scatter(const tlshim::SecretBytes &in, const giovec_t *iov, int cnt) noexcept
{
    std::size_t at = 0;
    for (int i = 0; i < cnt; i++) {
        if (iov[i].iov_len != 0)
            std::memcpy(iov[i].iov_base, in.data() + at, iov[i].iov_len);
        at += iov[i].iov_len;
    }
}

// An algorithm or level argument as the caller passed it.  C callers may
// pass any int; values outside the enumeration's range (which C++ does not
// allow in the enum type) become 255, a value no algorithm uses.
template <typename E>
E enum_arg(const E &v) noexcept
{
    static_assert(sizeof(E) == sizeof(int));
    int raw;
    std::memcpy(&raw, &v, sizeof raw);
    return static_cast<E>(raw >= 0 && raw <= 255 ? raw : 255);
}

// The tag length a caller asked for: 0 means the full tag.
bool pick_tag_size(const crypto::Aead &a, std::size_t requested, std::size_t &out) noexcept
{
    std::size_t max = a.max_tag_size();
    out = requested == 0 ? max : requested;
    return out <= max;
}

}  // namespace

/* ---------------------------------------------------------------------------------- */
/* Digests                                                                            */
/* ---------------------------------------------------------------------------------- */

/**
 * gnutls_hash_init:
 * @dig: receives the new digest context
 * @algorithm: the digest algorithm
 *
 * Creates a context that computes a message digest incrementally: feed data
 * with gnutls_hash(), read the result with gnutls_hash_output() or
 * gnutls_hash_deinit().
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST when the algorithm
 * cannot be used, or another negative error code.
 **/
TLSHIM_API int gnutls_hash_init(gnutls_hash_hd_t *dig, gnutls_digest_algorithm_t algorithm)
{
    return guard([&] {
        if (dig == nullptr)
            return GNUTLS_E_INVALID_REQUEST;
        auto h = std::make_unique<hash_hd_st>();
        if (Err e = h->hash.init(enum_arg(algorithm)); !tlshim::ok(e))
            return to_gnutls(e);
        *dig = h.release();
        return 0;
    });
}

/**
 * gnutls_hash:
 * @handle: a digest context
 * @text: the data to add
 * @textlen: the number of bytes at @text
 *
 * Adds data to the message being digested.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_hash(gnutls_hash_hd_t handle, const void *text, size_t textlen)
{
    if (handle == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (textlen != 0 && text != nullptr)
        handle->hash.update(text, textlen);
    return 0;
}

/**
 * gnutls_hash_output:
 * @handle: a digest context
 * @digest: where the digest is written (gnutls_hash_get_len() bytes), or %NULL
 *
 * Writes the digest of the data added so far and starts a new message in
 * the same context.
 **/
TLSHIM_API void gnutls_hash_output(gnutls_hash_hd_t handle, void *digest)
{
    if (handle != nullptr && digest != nullptr)
        handle->hash.digest(static_cast<std::uint8_t *>(digest));
}

/**
 * gnutls_hash_deinit:
 * @handle: a digest context
 * @digest: where the final digest is written, or %NULL
 *
 * Optionally writes the digest of the data added so far, then releases the
 * context and wipes its state.
 **/
TLSHIM_API void gnutls_hash_deinit(gnutls_hash_hd_t handle, void *digest)
{
    if (handle == nullptr)
        return;
    if (digest != nullptr)
        handle->hash.digest(static_cast<std::uint8_t *>(digest));
    delete handle;
}

/**
 * gnutls_hash_fast:
 * @algorithm: the digest algorithm
 * @text: the data to digest
 * @textlen: the number of bytes at @text
 * @digest: where the digest is written
 *
 * Computes the digest of one buffer in a single call.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST when the algorithm
 * cannot be used, or another negative error code.
 **/
TLSHIM_API int gnutls_hash_fast(gnutls_digest_algorithm_t algorithm, const void *text, size_t textlen,
                                void *digest)
{
    if (digest == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return to_gnutls(crypto::Hash::compute(enum_arg(algorithm), bytes_of(text, textlen), static_cast<std::uint8_t *>(digest)));
}

/**
 * gnutls_hash_copy:
 * @handle: a digest context
 *
 * Duplicates a digest context together with the data it has absorbed, so
 * that a common prefix is digested once and continued in two ways.
 *
 * Returns: the new context (release it with gnutls_hash_deinit()), or
 * %NULL when memory is short.
 **/
TLSHIM_API gnutls_hash_hd_t gnutls_hash_copy(gnutls_hash_hd_t handle)
{
    if (handle == nullptr)
        return nullptr;
    return tlshim::api::guard_value<gnutls_hash_hd_t>(nullptr, [&] { return new hash_hd_st(*handle); });
}

/* ---------------------------------------------------------------------------------- */
/* MACs                                                                               */
/* ---------------------------------------------------------------------------------- */

/**
 * gnutls_hmac_init:
 * @dig: receives the new MAC context
 * @algorithm: the MAC algorithm (an HMAC, UMAC, AES-CMAC or AES-GMAC)
 * @key: the key
 * @keylen: the length of @key in bytes
 *
 * Creates a keyed context that computes a message authentication code
 * incrementally.  HMAC takes keys of any length; the other algorithms need
 * exactly their key size.  UMAC and GMAC also need a nonce, set with
 * gnutls_hmac_set_nonce().
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for an unusable
 * algorithm or key, or another negative error code.
 **/
TLSHIM_API int gnutls_hmac_init(gnutls_hmac_hd_t *dig, gnutls_mac_algorithm_t algorithm, const void *key,
                                size_t keylen)
{
    return guard([&] {
        if (dig == nullptr || (key == nullptr && keylen != 0))
            return GNUTLS_E_INVALID_REQUEST;
        auto h = std::make_unique<hmac_hd_st>();
        if (Err e = h->mac.init(enum_arg(algorithm), bytes_of(key, keylen)); !tlshim::ok(e))
            return to_gnutls(e);
        *dig = h.release();
        return 0;
    });
}

/**
 * gnutls_hmac_set_nonce:
 * @handle: a MAC context
 * @nonce: the nonce
 * @nonce_len: the length of @nonce in bytes
 *
 * Sets the nonce of a MAC that uses one (UMAC, GMAC) and starts a new
 * message; other MACs ignore it.
 **/
TLSHIM_API void gnutls_hmac_set_nonce(gnutls_hmac_hd_t handle, const void *nonce, size_t nonce_len)
{
    if (handle == nullptr || (nonce == nullptr && nonce_len != 0))
        return;
    if (Err e = handle->mac.set_nonce(bytes_of(nonce, nonce_len)); !tlshim::ok(e))
        TLSHIM_DEBUG("tlshim: MAC nonce of %zu bytes refused\n", nonce_len);
}

/**
 * gnutls_hmac:
 * @handle: a MAC context
 * @text: the data to add
 * @textlen: the number of bytes at @text
 *
 * Adds data to the message being authenticated.
 *
 * Returns: zero on success, or a negative error code (for GMAC, when more
 * data follows an output without a new nonce).
 **/
TLSHIM_API int gnutls_hmac(gnutls_hmac_hd_t handle, const void *text, size_t textlen)
{
    if (handle == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (textlen == 0 || text == nullptr)
        return 0;
    return to_gnutls(handle->mac.update(bytes_of(text, textlen)));
}

/**
 * gnutls_hmac_output:
 * @handle: a MAC context
 * @digest: where the MAC is written (gnutls_hmac_get_len() bytes), or %NULL
 *
 * Writes the MAC of the data added so far.  HMAC and CMAC contexts then
 * start a new message with the same key.
 **/
TLSHIM_API void gnutls_hmac_output(gnutls_hmac_hd_t handle, void *digest)
{
    if (handle != nullptr && digest != nullptr)
        handle->mac.digest(static_cast<std::uint8_t *>(digest));
}

/**
 * gnutls_hmac_deinit:
 * @handle: a MAC context
 * @digest: where the final MAC is written, or %NULL
 *
 * Optionally writes the MAC of the data added so far, then releases the
 * context and wipes its key and state.
 **/
TLSHIM_API void gnutls_hmac_deinit(gnutls_hmac_hd_t handle, void *digest)
{
    if (handle == nullptr)
        return;
    if (digest != nullptr)
        handle->mac.digest(static_cast<std::uint8_t *>(digest));
    delete handle;
}

/**
 * gnutls_hmac_fast:
 * @algorithm: the MAC algorithm
 * @key: the key
 * @keylen: the length of @key in bytes
 * @text: the data to authenticate
 * @textlen: the number of bytes at @text
 * @digest: where the MAC is written
 *
 * Computes the MAC of one buffer in a single call.  MACs that need a nonce
 * (UMAC, GMAC) cannot be computed this way.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for an unusable
 * algorithm or key, or another negative error code.
 **/
TLSHIM_API int gnutls_hmac_fast(gnutls_mac_algorithm_t algorithm, const void *key, size_t keylen,
                                const void *text, size_t textlen, void *digest)
{
    if (digest == nullptr || (key == nullptr && keylen != 0))
        return GNUTLS_E_INVALID_REQUEST;
    return to_gnutls(crypto::Mac::compute(enum_arg(algorithm), bytes_of(key, keylen), bytes_of(text, textlen),
                                          static_cast<std::uint8_t *>(digest)));
}

/**
 * gnutls_hmac_copy:
 * @handle: a MAC context
 *
 * Duplicates a MAC context with its key and the data it has absorbed.
 *
 * Returns: the new context (release it with gnutls_hmac_deinit()), or
 * %NULL when memory is short.
 **/
TLSHIM_API gnutls_hmac_hd_t gnutls_hmac_copy(gnutls_hmac_hd_t handle)
{
    if (handle == nullptr)
        return nullptr;
    return tlshim::api::guard_value<gnutls_hmac_hd_t>(nullptr, [&] { return new hmac_hd_st(*handle); });
}

/* ---------------------------------------------------------------------------------- */
/* Key derivation                                                                     */
/* ---------------------------------------------------------------------------------- */

/**
 * gnutls_hkdf_extract:
 * @mac: the HMAC algorithm
 * @key: the input keying material
 * @salt: the salt, or %NULL for none
 * @output: where the pseudorandom key is written (the MAC's output length)
 *
 * Performs the extract step of HKDF (RFC 5869).
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST when @mac is not an
 * HMAC, or another negative error code.
 **/
TLSHIM_API int gnutls_hkdf_extract(gnutls_mac_algorithm_t mac, const gnutls_datum_t *key,
                                   const gnutls_datum_t *salt, void *output)
{
    if (output == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return to_gnutls(crypto::hkdf_extract(enum_arg(mac), datum_bytes(key), datum_bytes(salt),
                                          static_cast<std::uint8_t *>(output)));
}

/**
 * gnutls_hkdf_expand:
 * @mac: the HMAC algorithm
 * @key: the pseudorandom key (usually from gnutls_hkdf_extract())
 * @info: context information, or %NULL for none
 * @output: where the keying material is written
 * @length: how many bytes to produce (at most 255 MAC outputs)
 *
 * Performs the expand step of HKDF (RFC 5869).
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a non-HMAC
 * algorithm or too long an output, or another negative error code.
 **/
TLSHIM_API int gnutls_hkdf_expand(gnutls_mac_algorithm_t mac, const gnutls_datum_t *key,
                                  const gnutls_datum_t *info, void *output, size_t length)
{
    if (output == nullptr && length != 0)
        return GNUTLS_E_INVALID_REQUEST;
    return to_gnutls(crypto::hkdf_expand(enum_arg(mac), datum_bytes(key), datum_bytes(info),
                                         MutableBytes(static_cast<std::uint8_t *>(output), length)));
}

/**
 * gnutls_pbkdf2:
 * @mac: the HMAC algorithm used as the pseudorandom function
 * @key: the password
 * @salt: the salt
 * @iter_count: the number of iterations (at least 1)
 * @output: where the derived key is written
 * @length: the length of the derived key in bytes
 *
 * Derives a key from a password with PBKDF2 (RFC 8018).
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a non-HMAC
 * algorithm or a zero iteration count, or another negative error code.
 **/
TLSHIM_API int gnutls_pbkdf2(gnutls_mac_algorithm_t mac, const gnutls_datum_t *key, const gnutls_datum_t *salt,
                             unsigned iter_count, void *output, size_t length)
{
    if (output == nullptr && length != 0)
        return GNUTLS_E_INVALID_REQUEST;
    return to_gnutls(crypto::pbkdf2(enum_arg(mac), datum_bytes(key), datum_bytes(salt), iter_count,
                                    MutableBytes(static_cast<std::uint8_t *>(output), length)));
}

/* ---------------------------------------------------------------------------------- */
/* Classic cipher interface                                                           */
/* ---------------------------------------------------------------------------------- */

/**
 * gnutls_cipher_init:
 * @handle: receives the new cipher context
 * @cipher: the cipher algorithm
 * @key: the key
 * @iv: the initialization vector or nonce, or %NULL to set it later
 *
 * Creates a cipher context for encryption and decryption with
 * gnutls_cipher_encrypt() and gnutls_cipher_decrypt().  GCM and
 * ChaCha20-Poly1305 can be used here too, with gnutls_cipher_add_auth()
 * and gnutls_cipher_tag(); CCM and SIV only through
 * gnutls_aead_cipher_init().
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for an unusable
 * algorithm or a key or IV of the wrong size (some AES modes report the
 * wrong size as %GNUTLS_E_INTERNAL_ERROR, like GnuTLS), or another negative
 * error code.
 **/
TLSHIM_API int gnutls_cipher_init(gnutls_cipher_hd_t *handle, gnutls_cipher_algorithm_t cipher,
                                  const gnutls_datum_t *key, const gnutls_datum_t *iv)
{
    return guard([&] {
        if (handle == nullptr || key == nullptr)
            return GNUTLS_E_INVALID_REQUEST;
        auto h = std::make_unique<api_cipher_hd_st>();
        Bytes ivb = datum_bytes(iv);
        Err e = crypto::Cipher::create(enum_arg(cipher), datum_bytes(key), iv != nullptr && iv->data != nullptr ? &ivb : nullptr,
                                       h->cipher);
        if (!tlshim::ok(e))
            return to_gnutls(e);
        *handle = h.release();
        return 0;
    });
}

/**
 * gnutls_cipher_encrypt:
 * @handle: a cipher context
 * @text: the data, encrypted in place
 * @textlen: the number of bytes at @text
 *
 * Encrypts a buffer in place.  Block modes need a whole number of blocks.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_cipher_encrypt(const gnutls_cipher_hd_t handle, void *text, size_t textlen)
{
    if (handle == nullptr || (text == nullptr && textlen != 0))
        return GNUTLS_E_INVALID_REQUEST;
    auto *p = static_cast<std::uint8_t *>(text);
    return to_gnutls(handle->cipher->encrypt(p, p, textlen));
}

/**
 * gnutls_cipher_decrypt:
 * @handle: a cipher context
 * @ciphertext: the data, decrypted in place
 * @ciphertextlen: the number of bytes at @ciphertext
 *
 * Decrypts a buffer in place.  For AEAD ciphers the tag is not checked
 * here: compare the output of gnutls_cipher_tag() with the received tag.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_cipher_decrypt(const gnutls_cipher_hd_t handle, void *ciphertext, size_t ciphertextlen)
{
    if (handle == nullptr || (ciphertext == nullptr && ciphertextlen != 0))
        return GNUTLS_E_INVALID_REQUEST;
    auto *p = static_cast<std::uint8_t *>(ciphertext);
    return to_gnutls(handle->cipher->decrypt(p, p, ciphertextlen));
}

/**
 * gnutls_cipher_encrypt2:
 * @handle: a cipher context
 * @text: the plaintext
 * @textlen: the number of bytes at @text
 * @ciphertext: where the ciphertext is written (may be @text)
 * @ciphertextlen: the size of the @ciphertext buffer
 *
 * Encrypts @textlen bytes into a separate buffer.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER when the output
 * buffer is smaller than the input, or another negative error code.
 **/
TLSHIM_API int gnutls_cipher_encrypt2(gnutls_cipher_hd_t handle, const void *text, size_t textlen,
                                      void *ciphertext, size_t ciphertextlen)
{
    if (handle == nullptr || (textlen != 0 && (text == nullptr || ciphertext == nullptr)))
        return GNUTLS_E_INVALID_REQUEST;
    if (ciphertextlen < textlen)
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    return to_gnutls(handle->cipher->encrypt(static_cast<const std::uint8_t *>(text),
                                             static_cast<std::uint8_t *>(ciphertext), textlen));
}

/**
 * gnutls_cipher_decrypt2:
 * @handle: a cipher context
 * @ciphertext: the ciphertext
 * @ciphertextlen: the number of bytes at @ciphertext
 * @text: where the plaintext is written (may be @ciphertext)
 * @textlen: the size of the @text buffer
 *
 * Decrypts @ciphertextlen bytes into a separate buffer.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER when the output
 * buffer is smaller than the input, or another negative error code.
 **/
TLSHIM_API int gnutls_cipher_decrypt2(gnutls_cipher_hd_t handle, const void *ciphertext, size_t ciphertextlen,
                                      void *text, size_t textlen)
{
    if (handle == nullptr || (ciphertextlen != 0 && (ciphertext == nullptr || text == nullptr)))
        return GNUTLS_E_INVALID_REQUEST;
    if (textlen < ciphertextlen)
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    return to_gnutls(handle->cipher->decrypt(static_cast<const std::uint8_t *>(ciphertext),
                                             static_cast<std::uint8_t *>(text), ciphertextlen));
}

/**
 * gnutls_cipher_encrypt3:
 * @handle: a cipher context
 * @ptext: the plaintext
 * @ptext_len: the number of bytes at @ptext
 * @ctext: where the ciphertext is written
 * @ctext_len: in: the size of @ctext; out: the number of bytes written
 * @flags: %GNUTLS_CIPHER_PADDING_PKCS7 to pad the plaintext, or 0
 *
 * Encrypts like gnutls_cipher_encrypt2().  With
 * %GNUTLS_CIPHER_PADDING_PKCS7 and a CBC cipher, 1 to one block of PKCS#7
 * padding is appended first, so the output is always longer than the input.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER when @ctext is
 * too small, or another negative error code.
 **/
TLSHIM_API int gnutls_cipher_encrypt3(gnutls_cipher_hd_t handle, const void *ptext, size_t ptext_len, void *ctext,
                                      size_t *ctext_len, unsigned flags)
{
    if (handle == nullptr || ctext_len == nullptr || (ptext == nullptr && ptext_len != 0) || ctext == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    auto *out = static_cast<std::uint8_t *>(ctext);
    Bytes in(static_cast<const std::uint8_t *>(ptext), ptext_len);
    std::size_t written = 0;
    Err e = (flags & GNUTLS_CIPHER_PADDING_PKCS7) != 0
                ? handle->cipher->encrypt_padded(in, MutableBytes(out, *ctext_len), written)
                : (*ctext_len < ptext_len ? Err::short_memory_buffer
                                          : handle->cipher->encrypt(in.data(), out, in.size()));
    if (!tlshim::ok(e))
        return to_gnutls(e);
    *ctext_len = (flags & GNUTLS_CIPHER_PADDING_PKCS7) != 0 ? written : ptext_len;
    return 0;
}

/**
 * gnutls_cipher_decrypt3:
 * @handle: a cipher context
 * @ctext: the ciphertext
 * @ctext_len: the number of bytes at @ctext
 * @ptext: where the plaintext is written
 * @ptext_len: in: the size of @ptext (at least @ctext_len); out: the plaintext length
 * @flags: %GNUTLS_CIPHER_PADDING_PKCS7 to check and remove padding, or 0
 *
 * Decrypts like gnutls_cipher_decrypt2(); with %GNUTLS_CIPHER_PADDING_PKCS7
 * the PKCS#7 padding is verified and removed.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER when @ptext is
 * too small, %GNUTLS_E_DECRYPTION_FAILED when the padding is malformed, or
 * another negative error code.
 **/
TLSHIM_API int gnutls_cipher_decrypt3(gnutls_cipher_hd_t handle, const void *ctext, size_t ctext_len, void *ptext,
                                      size_t *ptext_len, unsigned flags)
{
    if (handle == nullptr || ptext_len == nullptr || ptext == nullptr || (ctext == nullptr && ctext_len != 0))
        return GNUTLS_E_INVALID_REQUEST;
    Bytes in(static_cast<const std::uint8_t *>(ctext), ctext_len);
    MutableBytes out(static_cast<std::uint8_t *>(ptext), *ptext_len);
    std::size_t written = 0;
    Err e = (flags & GNUTLS_CIPHER_PADDING_PKCS7) != 0
                ? handle->cipher->decrypt_padded(in, out, written)
                : (out.size() < in.size() ? Err::short_memory_buffer
                                          : handle->cipher->decrypt(in.data(), out.data(), in.size()));
    if (!tlshim::ok(e))
        return to_gnutls(e);
    *ptext_len = (flags & GNUTLS_CIPHER_PADDING_PKCS7) != 0 ? written : ctext_len;
    return 0;
}

/**
 * gnutls_cipher_set_iv:
 * @handle: a cipher context
 * @iv: the new IV or nonce
 * @ivlen: the length of @iv in bytes
 *
 * Replaces the IV; for GCM and ChaCha20-Poly1305 this starts a new message.
 * An IV of a size the cipher does not accept is ignored.
 **/
TLSHIM_API void gnutls_cipher_set_iv(gnutls_cipher_hd_t handle, void *iv, size_t ivlen)
{
    if (handle == nullptr || (iv == nullptr && ivlen != 0))
        return;
    if (!handle->cipher->accepts_iv(ivlen)) {
        TLSHIM_DEBUG("tlshim: IV of %zu bytes refused by cipher %d\n", ivlen,
                     static_cast<int>(handle->cipher->algorithm()));
        return;
    }
    handle->cipher->set_iv(bytes_of(iv, ivlen));
}

/**
 * gnutls_cipher_add_auth:
 * @handle: a cipher context of an AEAD cipher
 * @text: the associated data
 * @text_size: the number of bytes at @text
 *
 * Adds associated data (authenticated, not encrypted) to the current
 * message.  It must come before any data is encrypted or decrypted; with
 * GCM, only the last piece may be shorter than a block.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a cipher without
 * authentication or a call out of order.
 **/
TLSHIM_API int gnutls_cipher_add_auth(gnutls_cipher_hd_t handle, const void *text, size_t text_size)
{
    if (handle == nullptr || (text == nullptr && text_size != 0))
        return GNUTLS_E_INVALID_REQUEST;
    return to_gnutls(handle->cipher->add_auth(bytes_of(text, text_size)));
}

/**
 * gnutls_cipher_tag:
 * @handle: a cipher context of an AEAD cipher
 * @tag: where the authentication tag is written
 * @tag_size: the number of tag bytes wanted (at most the full tag is written)
 *
 * Computes the authentication tag of the current message.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a cipher without
 * authentication.
 **/
TLSHIM_API int gnutls_cipher_tag(gnutls_cipher_hd_t handle, void *tag, size_t tag_size)
{
    if (handle == nullptr || (tag == nullptr && tag_size != 0))
        return GNUTLS_E_INVALID_REQUEST;
    return to_gnutls(handle->cipher->tag(MutableBytes(static_cast<std::uint8_t *>(tag), tag_size)));
}

/**
 * gnutls_cipher_deinit:
 * @handle: a cipher context
 *
 * Releases a cipher context and wipes its key.
 **/
TLSHIM_API void gnutls_cipher_deinit(gnutls_cipher_hd_t handle)
{
    delete handle;
}

/* ---------------------------------------------------------------------------------- */
/* AEAD interface                                                                     */
/* ---------------------------------------------------------------------------------- */

/**
 * gnutls_aead_cipher_init:
 * @handle: receives the new AEAD context
 * @cipher: the AEAD algorithm (GCM, CCM, ChaCha20-Poly1305 or SIV)
 * @key: the key
 *
 * Creates a context for authenticated encryption, one whole message per
 * call.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for an algorithm
 * that is not an AEAD or a key of the wrong size (%GNUTLS_E_INTERNAL_ERROR
 * for AES-GCM, like GnuTLS), or another negative error code.
 **/
TLSHIM_API int gnutls_aead_cipher_init(gnutls_aead_cipher_hd_t *handle, gnutls_cipher_algorithm_t cipher,
                                       const gnutls_datum_t *key)
{
    return guard([&] {
        if (handle == nullptr || key == nullptr)
            return GNUTLS_E_INVALID_REQUEST;
        auto h = std::make_unique<api_aead_cipher_hd_st>();
        if (Err e = crypto::Aead::create(enum_arg(cipher), datum_bytes(key), h->aead); !tlshim::ok(e))
            return to_gnutls(e);
        *handle = h.release();
        return 0;
    });
}

/**
 * gnutls_aead_cipher_set_key:
 * @handle: an AEAD context
 * @key: the new key
 *
 * Replaces the key of an AEAD context.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a key of the
 * wrong size.
 **/
TLSHIM_API int gnutls_aead_cipher_set_key(gnutls_aead_cipher_hd_t handle, const gnutls_datum_t *key)
{
    if (handle == nullptr || key == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return to_gnutls(handle->aead->set_key(datum_bytes(key)));
}

/**
 * gnutls_aead_cipher_encrypt:
 * @handle: an AEAD context
 * @nonce: the nonce
 * @nonce_len: the length of @nonce
 * @auth: the associated data
 * @auth_len: the length of @auth
 * @tag_size: the tag length, or 0 for the algorithm's full tag
 * @ptext: the plaintext
 * @ptext_len: the length of @ptext
 * @ctext: where the ciphertext and tag are written
 * @ctext_len: in: the size of @ctext; out: the number of bytes written
 *
 * Encrypts and authenticates one message.  The output is the ciphertext
 * followed by the tag (for SIV, the tag comes first).
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER when @ctext
 * cannot hold @ptext_len plus the tag, %GNUTLS_E_INVALID_REQUEST for a tag
 * size or nonce the algorithm does not accept, or another negative error code.
 **/
TLSHIM_API int gnutls_aead_cipher_encrypt(gnutls_aead_cipher_hd_t handle, const void *nonce, size_t nonce_len,
                                          const void *auth, size_t auth_len, size_t tag_size, const void *ptext,
                                          size_t ptext_len, void *ctext, size_t *ctext_len)
{
    return guard([&] {
        if (handle == nullptr || ctext_len == nullptr || ctext == nullptr || (ptext == nullptr && ptext_len != 0) ||
            (nonce == nullptr && nonce_len != 0) || (auth == nullptr && auth_len != 0))
            return GNUTLS_E_INVALID_REQUEST;
        crypto::Aead &a = *handle->aead;
        std::size_t t;
        if (!pick_tag_size(a, tag_size, t) || ptext_len > SIZE_MAX - t)
            return GNUTLS_E_INVALID_REQUEST;
        if (*ctext_len < ptext_len + t)
            return GNUTLS_E_SHORT_MEMORY_BUFFER;
        auto *out = static_cast<std::uint8_t *>(ctext);
        std::uint8_t *ct = a.tag_first() ? out + t : out;
        std::uint8_t *tag = a.tag_first() ? out : out + ptext_len;
        Err e = a.seal(bytes_of(nonce, nonce_len), bytes_of(auth, auth_len), static_cast<const std::uint8_t *>(ptext),
                       ptext_len, ct, MutableBytes(tag, t));
        if (!tlshim::ok(e))
            return to_gnutls(e);
        *ctext_len = ptext_len + t;
        return 0;
    });
}

/**
 * gnutls_aead_cipher_decrypt:
 * @handle: an AEAD context
 * @nonce: the nonce
 * @nonce_len: the length of @nonce
 * @auth: the associated data
 * @auth_len: the length of @auth
 * @tag_size: the tag length, or 0 for the algorithm's full tag
 * @ctext: the ciphertext with its tag
 * @ctext_len: the length of @ctext
 * @ptext: where the plaintext is written
 * @ptext_len: in: the size of @ptext; out: the plaintext length
 *
 * Verifies and decrypts one message produced by gnutls_aead_cipher_encrypt().
 *
 * Returns: zero on success, %GNUTLS_E_DECRYPTION_FAILED when the message
 * is not authentic (nothing is released then), %GNUTLS_E_SHORT_MEMORY_BUFFER
 * when @ptext is too small, or another negative error code.
 **/
TLSHIM_API int gnutls_aead_cipher_decrypt(gnutls_aead_cipher_hd_t handle, const void *nonce, size_t nonce_len,
                                          const void *auth, size_t auth_len, size_t tag_size, const void *ctext,
                                          size_t ctext_len, void *ptext, size_t *ptext_len)
{
    return guard([&] {
        if (handle == nullptr || ptext_len == nullptr || (ctext == nullptr && ctext_len != 0) ||
            (nonce == nullptr && nonce_len != 0) || (auth == nullptr && auth_len != 0))
            return GNUTLS_E_INVALID_REQUEST;
        crypto::Aead &a = *handle->aead;
        std::size_t t;
        if (!pick_tag_size(a, tag_size, t))
            return GNUTLS_E_INVALID_REQUEST;
        if (ctext_len < t)
            return GNUTLS_E_DECRYPTION_FAILED;
        std::size_t plen = ctext_len - t;
        if (*ptext_len < plen)
            return GNUTLS_E_SHORT_MEMORY_BUFFER;
        if (ptext == nullptr && plen != 0)
            return GNUTLS_E_INVALID_REQUEST;
        const auto *in = static_cast<const std::uint8_t *>(ctext);
        const std::uint8_t *ct = a.tag_first() ? in + t : in;
        const std::uint8_t *tag = a.tag_first() ? in : in + plen;
        Err e = a.open(bytes_of(nonce, nonce_len), bytes_of(auth, auth_len), ct, plen,
                       static_cast<std::uint8_t *>(ptext), Bytes(tag, t));
        if (!tlshim::ok(e))
            return to_gnutls(e);
        *ptext_len = plen;
        return 0;
    });
}

/**
 * gnutls_aead_cipher_encryptv:
 * @handle: an AEAD context
 * @nonce: the nonce
 * @nonce_len: the length of @nonce
 * @auth_iov: the associated data, as an I/O vector
 * @auth_iovcnt: the number of elements of @auth_iov
 * @tag_size: the tag length, or 0 for the algorithm's full tag
 * @iov: the plaintext, as an I/O vector
 * @iovcnt: the number of elements of @iov
 * @ctext: where the ciphertext and tag are written
 * @ctext_len: in: the size of @ctext; out: the number of bytes written
 *
 * Like gnutls_aead_cipher_encrypt() with scattered associated data and
 * plaintext.
 *
 * Returns: zero on success, or a negative error code as for
 * gnutls_aead_cipher_encrypt().
 **/
TLSHIM_API int gnutls_aead_cipher_encryptv(gnutls_aead_cipher_hd_t handle, const void *nonce, size_t nonce_len,
                                           const giovec_t *auth_iov, int auth_iovcnt, size_t tag_size,
                                           const giovec_t *iov, int iovcnt, void *ctext, size_t *ctext_len)
{
    return guard([&] {
        tlshim::SecretBytes aad, plain;
        if (handle == nullptr || ctext_len == nullptr || !gather(auth_iov, auth_iovcnt, aad) ||
            !gather(iov, iovcnt, plain))
            return GNUTLS_E_INVALID_REQUEST;
        std::size_t t;
        if (!pick_tag_size(*handle->aead, tag_size, t))
            return GNUTLS_E_INVALID_REQUEST;
        if (*ctext_len < plain.size() + t)
            return to_gnutls(handle->aead->vector_short_buffer_error());
        return gnutls_aead_cipher_encrypt(handle, nonce, nonce_len, aad.data(), aad.size(), tag_size, plain.data(),
                                          plain.size(), ctext, ctext_len);
    });
}

/**
 * gnutls_aead_cipher_encryptv2:
 * @handle: an AEAD context
 * @nonce: the nonce
 * @nonce_len: the length of @nonce
 * @auth_iov: the associated data, as an I/O vector
 * @auth_iovcnt: the number of elements of @auth_iov
 * @iov: the plaintext, encrypted in place
 * @iovcnt: the number of elements of @iov
 * @tag: where the tag is written
 * @tag_size: in: the tag length wanted (0 for the full tag); out: the tag length
 *
 * Encrypts scattered data in place and returns the tag separately.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for an unacceptable
 * tag size or nonce, or another negative error code.
 **/
TLSHIM_API int gnutls_aead_cipher_encryptv2(gnutls_aead_cipher_hd_t handle, const void *nonce, size_t nonce_len,
                                            const giovec_t *auth_iov, int auth_iovcnt, const giovec_t *iov,
                                            int iovcnt, void *tag, size_t *tag_size)
{
    return guard([&] {
        if (handle == nullptr || tag == nullptr || tag_size == nullptr || (nonce == nullptr && nonce_len != 0))
            return GNUTLS_E_INVALID_REQUEST;
        crypto::Aead &a = *handle->aead;
        std::size_t t;
        if (!pick_tag_size(a, *tag_size, t))
            return GNUTLS_E_INVALID_REQUEST;
        tlshim::SecretBytes aad, data;
        if (!gather(auth_iov, auth_iovcnt, aad) || !gather(iov, iovcnt, data))
            return GNUTLS_E_INVALID_REQUEST;
        Err e = a.seal(bytes_of(nonce, nonce_len), aad, data.data(), data.size(), data.data(),
                       MutableBytes(static_cast<std::uint8_t *>(tag), t));
        if (!tlshim::ok(e))
            return to_gnutls(e);
        scatter(data, iov, iovcnt);
        *tag_size = t;
        return 0;
    });
}

/**
 * gnutls_aead_cipher_decryptv2:
 * @handle: an AEAD context
 * @nonce: the nonce
 * @nonce_len: the length of @nonce
 * @auth_iov: the associated data, as an I/O vector
 * @auth_iovcnt: the number of elements of @auth_iov
 * @iov: the ciphertext, decrypted in place when authentic
 * @iovcnt: the number of elements of @iov
 * @tag: the received tag
 * @tag_size: the length of @tag (0 for the full tag)
 *
 * Verifies and decrypts scattered data in place.  When verification fails
 * the buffers keep the ciphertext.
 *
 * Returns: zero on success, %GNUTLS_E_DECRYPTION_FAILED when the data is
 * not authentic, or another negative error code.
 **/
TLSHIM_API int gnutls_aead_cipher_decryptv2(gnutls_aead_cipher_hd_t handle, const void *nonce, size_t nonce_len,
                                            const giovec_t *auth_iov, int auth_iovcnt, const giovec_t *iov,
                                            int iovcnt, void *tag, size_t tag_size)
{
    return guard([&] {
        if (handle == nullptr || tag == nullptr || (nonce == nullptr && nonce_len != 0))
            return GNUTLS_E_INVALID_REQUEST;
        crypto::Aead &a = *handle->aead;
        std::size_t t;
        if (!pick_tag_size(a, tag_size, t))
            return GNUTLS_E_INVALID_REQUEST;
        tlshim::SecretBytes aad, data;
        if (!gather(auth_iov, auth_iovcnt, aad) || !gather(iov, iovcnt, data))
            return GNUTLS_E_INVALID_REQUEST;
        Err e = a.open(bytes_of(nonce, nonce_len), aad, data.data(), data.size(), data.data(),
                       Bytes(static_cast<const std::uint8_t *>(tag), t));
        if (!tlshim::ok(e))
            return to_gnutls(e);
        scatter(data, iov, iovcnt);
        return 0;
    });
}

/**
 * gnutls_aead_cipher_deinit:
 * @handle: an AEAD context
 *
 * Releases an AEAD context and wipes its key.
 **/
TLSHIM_API void gnutls_aead_cipher_deinit(gnutls_aead_cipher_hd_t handle)
{
    delete handle;
}

/* ---------------------------------------------------------------------------------- */
/* Random numbers                                                                     */
/* ---------------------------------------------------------------------------------- */

/**
 * gnutls_rnd:
 * @level: %GNUTLS_RND_NONCE, %GNUTLS_RND_RANDOM or %GNUTLS_RND_KEY
 * @data: where the random bytes are written
 * @len: how many bytes to produce
 *
 * Fills a buffer with cryptographically strong random bytes.  Nonce-level
 * output comes from a generator separate from the one that produces keys
 * and other secrets.
 *
 * Returns: zero on success, %GNUTLS_E_RANDOM_FAILED for an unknown level or
 * when the system's entropy source fails.
 **/
TLSHIM_API int gnutls_rnd(gnutls_rnd_level_t level, void *data, size_t len)
{
    if (data == nullptr && len != 0)
        return GNUTLS_E_INVALID_REQUEST;
    int raw;
    std::memcpy(&raw, &level, sizeof raw);
    return to_gnutls(crypto::random(raw, data, len));
}

/**
 * gnutls_rnd_refresh:
 *
 * Makes the random generators of every thread reseed from the operating
 * system before their next output.
 **/
TLSHIM_API void gnutls_rnd_refresh(void)
{
    crypto::random_refresh();
}

/* ---------------------------------------------------------------------------------- */
/* Self tests                                                                         */
/* ---------------------------------------------------------------------------------- */

/**
 * gnutls_digest_self_test:
 * @flags: %GNUTLS_SELF_TEST_FLAG_ALL to test every digest, or 0
 * @digest: the digest algorithm to test
 *
 * Checks a digest algorithm against known answers.
 *
 * Returns: zero when the answers are right, %GNUTLS_E_SELF_TEST_ERROR when
 * one is wrong, %GNUTLS_E_NO_SELF_TEST when the algorithm has no test.
 **/
TLSHIM_API int gnutls_digest_self_test(unsigned flags, gnutls_digest_algorithm_t digest)
{
    return guard([&] { return to_gnutls(crypto::digest_self_test((flags & GNUTLS_SELF_TEST_FLAG_ALL) != 0, enum_arg(digest))); });
}

/**
 * gnutls_mac_self_test:
 * @flags: %GNUTLS_SELF_TEST_FLAG_ALL to test every MAC, or 0
 * @mac: the MAC algorithm to test
 *
 * Checks a MAC algorithm against known answers.
 *
 * Returns: zero when the answers are right, %GNUTLS_E_SELF_TEST_ERROR when
 * one is wrong, %GNUTLS_E_NO_SELF_TEST when the algorithm has no test.
 **/
TLSHIM_API int gnutls_mac_self_test(unsigned flags, gnutls_mac_algorithm_t mac)
{
    return guard([&] { return to_gnutls(crypto::mac_self_test((flags & GNUTLS_SELF_TEST_FLAG_ALL) != 0, enum_arg(mac))); });
}

/**
 * gnutls_cipher_self_test:
 * @flags: %GNUTLS_SELF_TEST_FLAG_ALL to test every cipher, or 0
 * @cipher: the cipher algorithm to test
 *
 * Checks a cipher against known answers, in both directions; for AEADs a
 * modified tag must also be rejected.
 *
 * Returns: zero when the answers are right, %GNUTLS_E_SELF_TEST_ERROR when
 * one is wrong, %GNUTLS_E_NO_SELF_TEST when the algorithm has no test.
 **/
TLSHIM_API int gnutls_cipher_self_test(unsigned flags, gnutls_cipher_algorithm_t cipher)
{
    return guard([&] { return to_gnutls(crypto::cipher_self_test((flags & GNUTLS_SELF_TEST_FLAG_ALL) != 0, enum_arg(cipher))); });
}

/**
 * gnutls_hkdf_self_test:
 * @flags: %GNUTLS_SELF_TEST_FLAG_ALL to run every HKDF test, or 0
 * @mac: the HMAC algorithm to test HKDF with
 *
 * Checks HKDF against the known answers of RFC 5869.
 *
 * Returns: zero when the answers are right, %GNUTLS_E_SELF_TEST_ERROR when
 * one is wrong, %GNUTLS_E_NO_SELF_TEST when the algorithm has no test.
 **/
TLSHIM_API int gnutls_hkdf_self_test(unsigned flags, gnutls_mac_algorithm_t mac)
{
    return guard([&] { return to_gnutls(crypto::hkdf_self_test((flags & GNUTLS_SELF_TEST_FLAG_ALL) != 0, enum_arg(mac))); });
}

/**
 * gnutls_pbkdf2_self_test:
 * @flags: %GNUTLS_SELF_TEST_FLAG_ALL to run every PBKDF2 test, or 0
 * @mac: the HMAC algorithm to test PBKDF2 with
 *
 * Checks PBKDF2 against known answers.
 *
 * Returns: zero when the answers are right, %GNUTLS_E_SELF_TEST_ERROR when
 * one is wrong, %GNUTLS_E_NO_SELF_TEST when the algorithm has no test.
 **/
TLSHIM_API int gnutls_pbkdf2_self_test(unsigned flags, gnutls_mac_algorithm_t mac)
{
    return guard([&] { return to_gnutls(crypto::pbkdf2_self_test((flags & GNUTLS_SELF_TEST_FLAG_ALL) != 0, enum_arg(mac))); });
}
