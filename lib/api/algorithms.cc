// SPDX-License-Identifier: LGPL-2.1-or-later
// Names, identifiers, lists and properties of algorithms: the public face of
// the registry in lib/core/algo.  Every function here is a table lookup; a
// null name or OID is treated as an unknown one.
#include "api/api.hh"

#include <gnutls/pkcs11.h>
#include <gnutls/x509.h>

#include <cstring>
#include <string_view>

#include "abi/private.h"
#include "core/algo/algo.hh"

namespace algo = tlshim::algo;
using tlshim::api::raw;

namespace {

// Looks a C string up with `find`; `none` when it is null or not found.
template <typename R, typename F>
R by_name(const char *name, F find, R none) noexcept
{
    if (name == nullptr)
        return none;
    const auto *row = find(std::string_view(name));
    return row != nullptr ? static_cast<R>(row->id) : none;
}


template <typename Row>
const char *name_of(const Row *row) noexcept
{
    return row != nullptr ? row->name : nullptr;
}

}  // namespace

// ===================================================================== protocols

/**
 * gnutls_protocol_get_name:
 * @version: a protocol version
 *
 * Gives the name of a protocol version, such as "TLS1.2" or "DTLS1.0".
 *
 * Returns: a static string, or %NULL if @version is not a known version.
 **/
TLSHIM_API const char *gnutls_protocol_get_name(gnutls_protocol_t version)
{
    return name_of(algo::protocol(raw(version)));
}

/**
 * gnutls_protocol_get_id:
 * @name: a protocol version name, such as "TLS1.3"
 *
 * Finds the protocol version with this name; letter case does not matter.
 *
 * Returns: the version, or %GNUTLS_VERSION_UNKNOWN if the name is not known.
 **/
TLSHIM_API gnutls_protocol_t gnutls_protocol_get_id(const char *name)
{
    return by_name(name, algo::protocol_by_name, GNUTLS_VERSION_UNKNOWN);
}

/**
 * gnutls_protocol_list:
 *
 * Lists the protocol versions the library supports, TLS versions first.
 *
 * Returns: a static array terminated by zero.
 **/
TLSHIM_API const gnutls_protocol_t *gnutls_protocol_list(void)
{
    return algo::protocol_list();
}

// ======================================================================= ciphers

/**
 * gnutls_cipher_get_name:
 * @algorithm: a cipher algorithm
 *
 * Gives the name of a cipher, such as "AES-128-GCM".
 *
 * Returns: a static string, or %NULL if @algorithm is not known.
 **/
TLSHIM_API const char *gnutls_cipher_get_name(gnutls_cipher_algorithm_t algorithm)
{
    return name_of(algo::cipher(raw(algorithm)));
}

/**
 * gnutls_cipher_get_id:
 * @name: a cipher name, such as "AES-256-CBC"
 *
 * Finds a supported cipher by name; letter case does not matter.
 *
 * Returns: the cipher, or %GNUTLS_CIPHER_UNKNOWN if no supported cipher has this name.
 **/
TLSHIM_API gnutls_cipher_algorithm_t gnutls_cipher_get_id(const char *name)
{
    return by_name(name, algo::cipher_by_name, GNUTLS_CIPHER_UNKNOWN);
}

/**
 * gnutls_cipher_list:
 *
 * Lists the ciphers the library supports, in its order of preference.  The
 * null cipher comes last.
 *
 * Returns: a static array terminated by zero.
 **/
TLSHIM_API const gnutls_cipher_algorithm_t *gnutls_cipher_list(void)
{
    return algo::cipher_list();
}

/**
 * gnutls_cipher_get_key_size:
 * @algorithm: a cipher algorithm
 *
 * Gives the key length a cipher takes.
 *
 * Returns: the key size in bytes, or 0 if @algorithm is not known.
 **/
TLSHIM_API size_t gnutls_cipher_get_key_size(gnutls_cipher_algorithm_t algorithm)
{
    const algo::Cipher *c = algo::cipher(raw(algorithm));
    return c != nullptr ? c->key_size : 0;
}

/**
 * gnutls_cipher_get_block_size:
 * @algorithm: a cipher algorithm
 *
 * Gives the block length of a cipher; byte-oriented stream ciphers have
 * blocks of one byte.
 *
 * Returns: the block size in bytes, or 0 if @algorithm is not known.
 **/
TLSHIM_API unsigned gnutls_cipher_get_block_size(gnutls_cipher_algorithm_t algorithm)
{
    const algo::Cipher *c = algo::cipher(raw(algorithm));
    return c != nullptr ? c->block_size : 0;
}

/**
 * gnutls_cipher_get_iv_size:
 * @algorithm: a cipher algorithm
 *
 * Gives the length of the initialization vector or nonce a cipher expects.
 * For AEAD ciphers this is the nonce length to use with
 * gnutls_aead_cipher_encrypt().
 *
 * Returns: the IV size in bytes; 0 for ciphers without an IV or unknown ones.
 **/
TLSHIM_API unsigned gnutls_cipher_get_iv_size(gnutls_cipher_algorithm_t algorithm)
{
    const algo::Cipher *c = algo::cipher(raw(algorithm));
    return c != nullptr ? c->iv_size : 0;
}

/**
 * gnutls_cipher_get_tag_size:
 * @algorithm: a cipher algorithm
 *
 * Gives the length of the authentication tag of an AEAD cipher.
 *
 * Returns: the tag size in bytes; 0 for other ciphers and unknown ones.
 **/
TLSHIM_API unsigned gnutls_cipher_get_tag_size(gnutls_cipher_algorithm_t algorithm)
{
    const algo::Cipher *c = algo::cipher(raw(algorithm));
    return c != nullptr ? c->tag_size : 0;
}

// ========================================================================== MACs

/**
 * gnutls_mac_get_name:
 * @algorithm: a MAC algorithm
 *
 * Gives the name of a MAC algorithm, such as "SHA256" for HMAC-SHA256.
 *
 * Returns: a static string, or %NULL if @algorithm is not known.
 **/
TLSHIM_API const char *gnutls_mac_get_name(gnutls_mac_algorithm_t algorithm)
{
    return name_of(algo::mac(raw(algorithm)));
}

/**
 * gnutls_mac_get_id:
 * @name: a MAC name, such as "SHA1"
 *
 * Finds a supported MAC algorithm by name; letter case does not matter.
 *
 * Returns: the MAC, or %GNUTLS_MAC_UNKNOWN if no supported MAC has this name.
 **/
TLSHIM_API gnutls_mac_algorithm_t gnutls_mac_get_id(const char *name)
{
    return by_name(name, algo::mac_by_name, GNUTLS_MAC_UNKNOWN);
}

/**
 * gnutls_mac_list:
 *
 * Lists the MAC algorithms the library supports, in its order of preference.
 *
 * Returns: a static array terminated by zero.
 **/
TLSHIM_API const gnutls_mac_algorithm_t *gnutls_mac_list(void)
{
    return algo::mac_list();
}

/**
 * gnutls_mac_get_key_size:
 * @algorithm: a MAC algorithm
 *
 * Gives the key length normally used with a MAC (for HMAC, the output length
 * of its hash).
 *
 * Returns: the key size in bytes, or 0 if @algorithm is not known.
 **/
TLSHIM_API size_t gnutls_mac_get_key_size(gnutls_mac_algorithm_t algorithm)
{
    const algo::Mac *m = algo::mac(raw(algorithm));
    return m != nullptr ? m->key_size : 0;
}

/**
 * gnutls_mac_get_nonce_size:
 * @algorithm: a MAC algorithm
 *
 * Gives the nonce length of MACs that take one (UMAC, GMAC).
 *
 * Returns: the nonce size in bytes; 0 for MACs without a nonce and unknown ones.
 **/
TLSHIM_API size_t gnutls_mac_get_nonce_size(gnutls_mac_algorithm_t algorithm)
{
    const algo::Mac *m = algo::mac(raw(algorithm));
    return m != nullptr ? m->nonce_size : 0;
}

/**
 * gnutls_hmac_get_len:
 * @algorithm: a MAC algorithm
 *
 * Gives the length of the tag a MAC produces.
 *
 * Returns: the output size in bytes, or 0 if @algorithm is not known.
 **/
TLSHIM_API unsigned gnutls_hmac_get_len(gnutls_mac_algorithm_t algorithm)
{
    const algo::Mac *m = algo::mac(raw(algorithm));
    return m != nullptr ? m->output_size : 0;
}

/**
 * gnutls_hmac_get_key_size:
 * @algorithm: a MAC algorithm
 *
 * Gives the key length of a MAC, as gnutls_mac_get_key_size() does.
 *
 * Returns: the key size in bytes, or 0 if @algorithm is not known.
 **/
TLSHIM_API unsigned gnutls_hmac_get_key_size(gnutls_mac_algorithm_t algorithm)
{
    const algo::Mac *m = algo::mac(raw(algorithm));
    return m != nullptr ? m->key_size : 0;
}

/**
 * gnutls_oid_to_mac:
 * @oid: a dotted object identifier
 *
 * Finds the HMAC algorithm an object identifier (as used in PKCS #5 and
 * PKCS #12 structures) stands for.
 *
 * Returns: the MAC, or %GNUTLS_MAC_UNKNOWN if the identifier is not known.
 **/
TLSHIM_API gnutls_mac_algorithm_t gnutls_oid_to_mac(const char *oid)
{
    return by_name(oid, algo::mac_by_oid, GNUTLS_MAC_UNKNOWN);
}

// ======================================================================= digests

/**
 * gnutls_digest_get_name:
 * @algorithm: a digest algorithm
 *
 * Gives the name of a hash function, such as "SHA384".
 *
 * Returns: a static string, or %NULL if @algorithm is not a known digest.
 **/
TLSHIM_API const char *gnutls_digest_get_name(gnutls_digest_algorithm_t algorithm)
{
    return name_of(algo::digest(raw(algorithm)));
}

/**
 * gnutls_digest_get_id:
 * @name: a digest name, such as "SHA256"
 *
 * Finds a hash function by name; letter case does not matter.
 *
 * Returns: the digest, or %GNUTLS_DIG_UNKNOWN if the name is not known.
 **/
TLSHIM_API gnutls_digest_algorithm_t gnutls_digest_get_id(const char *name)
{
    return by_name(name, algo::digest_by_name, GNUTLS_DIG_UNKNOWN);
}

/**
 * gnutls_digest_get_oid:
 * @algorithm: a digest algorithm
 *
 * Gives the object identifier of a hash function, in dotted form.
 *
 * Returns: a static string, or %NULL if the digest has none or is not known.
 **/
TLSHIM_API const char *gnutls_digest_get_oid(gnutls_digest_algorithm_t algorithm)
{
    const algo::Mac *m = algo::digest(raw(algorithm));
    return m != nullptr ? m->oid : nullptr;
}

/**
 * gnutls_digest_list:
 *
 * Lists the hash functions the library supports, in its order of preference.
 *
 * Returns: a static array terminated by zero.
 **/
TLSHIM_API const gnutls_digest_algorithm_t *gnutls_digest_list(void)
{
    return algo::digest_list();
}

/**
 * gnutls_hash_get_len:
 * @algorithm: a digest algorithm
 *
 * Gives the length of the output of a hash function.
 *
 * Returns: the digest size in bytes, or 0 if @algorithm is not known.
 **/
TLSHIM_API unsigned gnutls_hash_get_len(gnutls_digest_algorithm_t algorithm)
{
    const algo::Mac *m = algo::mac(raw(algorithm));
    return m != nullptr ? m->output_size : 0;
}

/**
 * gnutls_oid_to_digest:
 * @oid: a dotted object identifier
 *
 * Finds the hash function an object identifier stands for.
 *
 * Returns: the digest, or %GNUTLS_DIG_UNKNOWN if the identifier is not known.
 **/
TLSHIM_API gnutls_digest_algorithm_t gnutls_oid_to_digest(const char *oid)
{
    return by_name(oid, algo::digest_by_oid, GNUTLS_DIG_UNKNOWN);
}

// ================================================================== key exchange

/**
 * gnutls_kx_get_name:
 * @algorithm: a key exchange algorithm
 *
 * Gives the name of a TLS 1.2 key exchange method, such as "ECDHE-RSA".
 *
 * Returns: a static string, or %NULL if @algorithm is not known.
 **/
TLSHIM_API const char *gnutls_kx_get_name(gnutls_kx_algorithm_t algorithm)
{
    return name_of(algo::kx(raw(algorithm)));
}

/**
 * gnutls_kx_get_id:
 * @name: a key exchange name, such as "DHE-RSA"
 *
 * Finds a key exchange method by name; letter case does not matter.
 *
 * Returns: the method, or %GNUTLS_KX_UNKNOWN if the name is not known.
 **/
TLSHIM_API gnutls_kx_algorithm_t gnutls_kx_get_id(const char *name)
{
    return by_name(name, algo::kx_by_name, GNUTLS_KX_UNKNOWN);
}

/**
 * gnutls_kx_list:
 *
 * Lists the key exchange methods the library knows, in its order of
 * preference.
 *
 * Returns: a static array terminated by zero.
 **/
TLSHIM_API const gnutls_kx_algorithm_t *gnutls_kx_list(void)
{
    return algo::kx_list();
}

// ================================================================ public keys

/**
 * gnutls_pk_algorithm_get_name:
 * @algorithm: a public-key algorithm
 *
 * Gives the name of a public-key algorithm, such as "RSA" or "EC/ECDSA".
 *
 * Returns: a static string, or %NULL if @algorithm is not known.
 **/
TLSHIM_API const char *gnutls_pk_algorithm_get_name(gnutls_pk_algorithm_t algorithm)
{
    return algo::pk_name(raw(algorithm));
}

/**
 * gnutls_pk_get_name:
 * @algorithm: a public-key algorithm
 *
 * Gives the name of a public-key algorithm, like gnutls_pk_algorithm_get_name(),
 * but never %NULL.
 *
 * Returns: a static string; "Unknown" if @algorithm is not known.
 **/
TLSHIM_API const char *gnutls_pk_get_name(gnutls_pk_algorithm_t algorithm)
{
    const char *name = algo::pk_name(raw(algorithm));
    return name != nullptr ? name : "Unknown";
}

/**
 * gnutls_pk_get_id:
 * @name: a public-key algorithm name, such as "RSA"
 *
 * Finds a public-key algorithm by name.  Unlike the other lookups by name,
 * this one is case-sensitive.
 *
 * Returns: the algorithm, or %GNUTLS_PK_UNKNOWN if the name is not known.
 **/
TLSHIM_API gnutls_pk_algorithm_t gnutls_pk_get_id(const char *name)
{
    return by_name(name, algo::pk_by_name, GNUTLS_PK_UNKNOWN);
}

/**
 * gnutls_pk_get_oid:
 * @algorithm: a public-key algorithm
 *
 * Gives the object identifier that marks keys of this algorithm in a
 * certificate's subject public key info.
 *
 * Returns: a static string, or %NULL if there is none or @algorithm is not known.
 **/
TLSHIM_API const char *gnutls_pk_get_oid(gnutls_pk_algorithm_t algorithm)
{
    const algo::Pk *p = algo::pk(raw(algorithm));
    return p != nullptr ? p->oid : nullptr;
}

/**
 * gnutls_pk_list:
 *
 * Lists the public-key algorithms the library knows.  An algorithm known
 * under several identifiers may appear more than once.
 *
 * Returns: a static array terminated by zero.
 **/
TLSHIM_API const gnutls_pk_algorithm_t *gnutls_pk_list(void)
{
    return algo::pk_list();
}

/**
 * gnutls_oid_to_pk:
 * @oid: a dotted object identifier
 *
 * Finds the public-key algorithm of a key identified by this OID.
 *
 * Returns: the algorithm, or %GNUTLS_PK_UNKNOWN if the identifier is not known.
 **/
TLSHIM_API gnutls_pk_algorithm_t gnutls_oid_to_pk(const char *oid)
{
    return by_name(oid, algo::pk_by_oid, GNUTLS_PK_UNKNOWN);
}

/**
 * gnutls_pk_to_sign:
 * @pk: a public-key algorithm
 * @hash: a digest algorithm
 *
 * Finds the signature algorithm that signs with keys of type @pk over
 * a @hash digest.
 *
 * Returns: the signature algorithm, or %GNUTLS_SIGN_UNKNOWN if there is none.
 **/
TLSHIM_API gnutls_sign_algorithm_t gnutls_pk_to_sign(gnutls_pk_algorithm_t pk, gnutls_digest_algorithm_t hash)
{
    const algo::Sign *s = algo::sign_by_pk_hash(raw(pk), raw(hash));
    return s != nullptr ? s->id : GNUTLS_SIGN_UNKNOWN;
}

/**
 * gnutls_pk_bits_to_sec_param:
 * @algo: a public-key algorithm
 * @bits: the size of a key, in bits
 *
 * Tells which security level a key of this size reaches.  For curve-based
 * algorithms @bits is the curve size; for the others, the modulus size.
 *
 * Returns: the security level; %GNUTLS_SEC_PARAM_UNKNOWN when @bits is zero.
 **/
TLSHIM_API gnutls_sec_param_t gnutls_pk_bits_to_sec_param(gnutls_pk_algorithm_t algo, unsigned int bits)
{
    return tlshim::algo::pk_bits_to_sec_param(raw(algo), bits);
}

// ============================================================== security levels

/**
 * gnutls_sec_param_get_name:
 * @param: a security level
 *
 * Gives the name of a security level, such as "Medium".
 *
 * Returns: a static string; "Unknown" if @param is not a known level.
 **/
TLSHIM_API const char *gnutls_sec_param_get_name(gnutls_sec_param_t param)
{
    const algo::SecParam *s = algo::sec_param(raw(param));
    return s != nullptr ? s->name : "Unknown";
}

/**
 * gnutls_sec_param_to_pk_bits:
 * @algo: a public-key algorithm
 * @param: a security level
 *
 * Gives the key size to generate for a public-key algorithm to reach a
 * security level: a modulus size for RSA, DSA and Diffie-Hellman, a curve size
 * for elliptic-curve algorithms.
 *
 * Returns: the size in bits, or 0 if @param is not a known level.
 **/
TLSHIM_API unsigned int gnutls_sec_param_to_pk_bits(gnutls_pk_algorithm_t algo, gnutls_sec_param_t param)
{
    return tlshim::algo::sec_param_to_pk_bits(raw(algo), raw(param));
}

/**
 * gnutls_sec_param_to_symmetric_bits:
 * @param: a security level
 *
 * Gives the strength of a symmetric key that matches a security level.
 *
 * Returns: the key size in bits, or 0 if @param is not a known level.
 **/
TLSHIM_API unsigned int gnutls_sec_param_to_symmetric_bits(gnutls_sec_param_t param)
{
    const algo::SecParam *s = algo::sec_param(raw(param));
    return s != nullptr ? s->symmetric_bits : 0;
}

// ==================================================================== signatures

/**
 * gnutls_sign_get_name:
 * @algorithm: a signature algorithm
 *
 * Gives the name of a signature algorithm, such as "RSA-PSS-RSAE-SHA256".
 *
 * Returns: a static string, or %NULL if @algorithm is not known.
 **/
TLSHIM_API const char *gnutls_sign_get_name(gnutls_sign_algorithm_t algorithm)
{
    return name_of(algo::sign(raw(algorithm)));
}

/**
 * gnutls_sign_get_id:
 * @name: a signature algorithm name, such as "ECDSA-SHA256"
 *
 * Finds a signature algorithm by name; letter case does not matter.
 *
 * Returns: the algorithm, or %GNUTLS_SIGN_UNKNOWN if the name is not known.
 **/
TLSHIM_API gnutls_sign_algorithm_t gnutls_sign_get_id(const char *name)
{
    return by_name(name, algo::sign_by_name, GNUTLS_SIGN_UNKNOWN);
}

/**
 * gnutls_sign_get_oid:
 * @sign: a signature algorithm
 *
 * Gives the object identifier of a signature algorithm, as used in
 * certificates.
 *
 * Returns: a static string, or %NULL if there is none or @sign is not known.
 **/
TLSHIM_API const char *gnutls_sign_get_oid(gnutls_sign_algorithm_t sign)
{
    const algo::Sign *s = algo::sign(raw(sign));
    return s != nullptr ? s->oid : nullptr;
}

/**
 * gnutls_sign_list:
 *
 * Lists the signature algorithms the library knows, in its order of
 * preference.  Algorithms with more than one object identifier appear once
 * per identifier.
 *
 * Returns: a static array terminated by zero.
 **/
TLSHIM_API const gnutls_sign_algorithm_t *gnutls_sign_list(void)
{
    return algo::sign_list();
}

/**
 * gnutls_sign_get_hash_algorithm:
 * @sign: a signature algorithm
 *
 * Gives the digest a signature algorithm signs.
 *
 * Returns: the digest, or %GNUTLS_DIG_UNKNOWN if there is none or @sign is not known.
 **/
TLSHIM_API gnutls_digest_algorithm_t gnutls_sign_get_hash_algorithm(gnutls_sign_algorithm_t sign)
{
    const algo::Sign *s = algo::sign(raw(sign));
    return s != nullptr ? s->hash : GNUTLS_DIG_UNKNOWN;
}

/**
 * gnutls_sign_get_pk_algorithm:
 * @sign: a signature algorithm
 *
 * Gives the public-key algorithm of a signature algorithm.  The RSA-PSS
 * schemes report %GNUTLS_PK_RSA_PSS even though they also work with plain
 * RSA keys (see gnutls_sign_supports_pk_algorithm()).
 *
 * Returns: the algorithm, or %GNUTLS_PK_UNKNOWN if @sign is not known.
 **/
TLSHIM_API gnutls_pk_algorithm_t gnutls_sign_get_pk_algorithm(gnutls_sign_algorithm_t sign)
{
    const algo::Sign *s = algo::sign(raw(sign));
    return s != nullptr ? s->pk : GNUTLS_PK_UNKNOWN;
}

/**
 * gnutls_sign_is_secure2:
 * @algorithm: a signature algorithm
 * @flags: zero, or %GNUTLS_SIGN_FLAG_SECURE_FOR_CERTS
 *
 * Tells whether a signature algorithm is considered secure.  Without flags
 * the question is about signatures made during a handshake; with
 * %GNUTLS_SIGN_FLAG_SECURE_FOR_CERTS it is about signatures in certificates,
 * where SHA-1 is no longer accepted.
 *
 * Returns: non-zero if the algorithm is secure for that use, zero otherwise
 * (also for unknown algorithms).
 **/
TLSHIM_API unsigned gnutls_sign_is_secure2(gnutls_sign_algorithm_t algorithm, unsigned int flags)
{
    const algo::Sign *s = algo::sign(raw(algorithm));
    if (s == nullptr)
        return 0;
    return ((flags & GNUTLS_SIGN_FLAG_SECURE_FOR_CERTS) ? s->secure_for_certs : s->secure) ? 1 : 0;
}

/**
 * gnutls_sign_is_secure:
 * @algorithm: a signature algorithm
 *
 * The same as gnutls_sign_is_secure2() without flags.
 *
 * Returns: non-zero if the algorithm is considered secure, zero otherwise.
 **/
TLSHIM_API unsigned gnutls_sign_is_secure(gnutls_sign_algorithm_t algorithm)
{
    const algo::Sign *s = algo::sign(raw(algorithm));
    return s != nullptr && s->secure ? 1 : 0;
}

/**
 * gnutls_sign_supports_pk_algorithm:
 * @sign: a signature algorithm
 * @pk: a public-key algorithm
 *
 * Tells whether keys of type @pk can make signatures of type @sign.
 *
 * Returns: non-zero if they can, zero otherwise.
 **/
TLSHIM_API unsigned gnutls_sign_supports_pk_algorithm(gnutls_sign_algorithm_t sign, gnutls_pk_algorithm_t pk)
{
    const algo::Sign *s = algo::sign(raw(sign));
    return s != nullptr && algo::sign_supports_pk(*s, raw(pk)) ? 1 : 0;
}

/**
 * gnutls_oid_to_sign:
 * @oid: a dotted object identifier
 *
 * Finds the signature algorithm an object identifier stands for.
 *
 * Returns: the algorithm, or %GNUTLS_SIGN_UNKNOWN if the identifier is not known.
 **/
TLSHIM_API gnutls_sign_algorithm_t gnutls_oid_to_sign(const char *oid)
{
    return by_name(oid, algo::sign_by_oid, GNUTLS_SIGN_UNKNOWN);
}

// ======================================================================== curves

/**
 * gnutls_ecc_curve_get_name:
 * @curve: an elliptic curve
 *
 * Gives the name of an elliptic curve, such as "SECP256R1" or "X25519".
 *
 * Returns: a static string, or %NULL if @curve is not known.
 **/
TLSHIM_API const char *gnutls_ecc_curve_get_name(gnutls_ecc_curve_t curve)
{
    return name_of(algo::curve(raw(curve)));
}

/**
 * gnutls_ecc_curve_get_id:
 * @name: a curve name, such as "SECP384R1"
 *
 * Finds a supported elliptic curve by name; letter case does not matter.
 *
 * Returns: the curve, or %GNUTLS_ECC_CURVE_INVALID if no supported curve has this name.
 **/
TLSHIM_API gnutls_ecc_curve_t gnutls_ecc_curve_get_id(const char *name)
{
    return by_name(name, algo::curve_by_name, GNUTLS_ECC_CURVE_INVALID);
}

/**
 * gnutls_ecc_curve_get_oid:
 * @curve: an elliptic curve
 *
 * Gives the object identifier of a curve, in dotted form.
 *
 * Returns: a static string, or %NULL if @curve is not known.
 **/
TLSHIM_API const char *gnutls_ecc_curve_get_oid(gnutls_ecc_curve_t curve)
{
    const algo::Curve *c = algo::curve(raw(curve));
    return c != nullptr ? c->oid : nullptr;
}

/**
 * gnutls_ecc_curve_get_size:
 * @curve: an elliptic curve
 *
 * Gives the size of the field elements of a curve.
 *
 * Returns: the size in bytes, or 0 if @curve is not known.
 **/
TLSHIM_API int gnutls_ecc_curve_get_size(gnutls_ecc_curve_t curve)
{
    const algo::Curve *c = algo::curve(raw(curve));
    return c != nullptr ? c->size : 0;
}

/**
 * gnutls_ecc_curve_get_pk:
 * @curve: an elliptic curve
 *
 * Gives the public-key algorithm whose keys live on this curve.
 *
 * Returns: the algorithm, or %GNUTLS_PK_UNKNOWN if there is none or @curve is not known.
 **/
TLSHIM_API gnutls_pk_algorithm_t gnutls_ecc_curve_get_pk(gnutls_ecc_curve_t curve)
{
    const algo::Curve *c = algo::curve(raw(curve));
    return c != nullptr ? c->pk : GNUTLS_PK_UNKNOWN;
}

/**
 * gnutls_ecc_curve_list:
 *
 * Lists the elliptic curves the library supports.
 *
 * Returns: a static array terminated by zero.
 **/
TLSHIM_API const gnutls_ecc_curve_t *gnutls_ecc_curve_list(void)
{
    return algo::curve_list();
}

/**
 * gnutls_oid_to_ecc_curve:
 * @oid: a dotted object identifier
 *
 * Finds the supported elliptic curve an object identifier stands for.
 *
 * Returns: the curve, or %GNUTLS_ECC_CURVE_INVALID if the identifier is not
 * one of a supported curve.
 **/
TLSHIM_API gnutls_ecc_curve_t gnutls_oid_to_ecc_curve(const char *oid)
{
    return by_name(oid, algo::curve_by_oid, GNUTLS_ECC_CURVE_INVALID);
}

TLSHIM_API unsigned _gnutls_ecc_curve_is_supported(gnutls_ecc_curve_t curve)
{
    const algo::Curve *c = algo::curve(raw(curve));
    return c != nullptr && c->supported ? 1 : 0;
}

// ======================================================================== groups

/**
 * gnutls_group_get_name:
 * @group: a key exchange group
 *
 * Gives the name of a group, such as "X25519" or "FFDHE2048".
 *
 * Returns: a static string, or %NULL if @group is not known.
 **/
TLSHIM_API const char *gnutls_group_get_name(gnutls_group_t group)
{
    return name_of(algo::group(raw(group)));
}

/**
 * gnutls_group_get_id:
 * @name: a group name, such as "SECP256R1"
 *
 * Finds a supported key exchange group by name; letter case does not matter.
 *
 * Returns: the group, or %GNUTLS_GROUP_INVALID if no supported group has this name.
 **/
TLSHIM_API gnutls_group_t gnutls_group_get_id(const char *name)
{
    return by_name(name, algo::group_by_name, GNUTLS_GROUP_INVALID);
}

/**
 * gnutls_group_list:
 *
 * Lists the key exchange groups the library supports, in its order of
 * preference.
 *
 * Returns: a static array terminated by zero.
 **/
TLSHIM_API const gnutls_group_t *gnutls_group_list(void)
{
    return algo::group_list();
}

// ============================================================= certificate types

/**
 * gnutls_certificate_type_get_name:
 * @type: a certificate type
 *
 * Gives the name of a certificate type: "X.509" or "Raw Public Key".
 *
 * Returns: a static string, or %NULL if @type is not known.
 **/
TLSHIM_API const char *gnutls_certificate_type_get_name(gnutls_certificate_type_t type)
{
    return name_of(algo::cert_type(raw(type)));
}

/**
 * gnutls_certificate_type_get_id:
 * @name: a certificate type name: "X.509" (or "X509") or "RawPK"
 *
 * Finds a certificate type by name; letter case does not matter.
 *
 * Returns: the type, or %GNUTLS_CRT_UNKNOWN if the name is not known.
 **/
TLSHIM_API gnutls_certificate_type_t gnutls_certificate_type_get_id(const char *name)
{
    return by_name(name, algo::cert_type_by_name, GNUTLS_CRT_UNKNOWN);
}

/**
 * gnutls_certificate_type_list:
 *
 * Lists the certificate types the library supports.
 *
 * Returns: a static array terminated by zero.
 **/
TLSHIM_API const gnutls_certificate_type_t *gnutls_certificate_type_list(void)
{
    return algo::cert_type_list();
}

// =================================================================== compression

/**
 * gnutls_compression_get_name:
 * @algorithm: a compression method
 *
 * Gives the name of a record compression method.  Only "NULL" (no
 * compression) remains.
 *
 * Returns: a static string, or %NULL if @algorithm is not known.
 * Deprecated: record compression is no longer supported.
 **/
TLSHIM_API const char *gnutls_compression_get_name(gnutls_compression_method_t algorithm)
{
    return name_of(algo::compression(raw(algorithm)));
}

/**
 * gnutls_compression_get_id:
 * @name: a compression method name
 *
 * Finds a record compression method by name; letter case does not matter.
 *
 * Returns: the method, or %GNUTLS_COMP_UNKNOWN if the name is not known.
 * Deprecated: record compression is no longer supported.
 **/
TLSHIM_API gnutls_compression_method_t gnutls_compression_get_id(const char *name)
{
    return by_name(name, algo::compression_by_name, GNUTLS_COMP_UNKNOWN);
}

/**
 * gnutls_compression_list:
 *
 * Lists the record compression methods: only the null method.
 *
 * Returns: a static array terminated by zero.
 * Deprecated: record compression is no longer supported.
 **/
TLSHIM_API const gnutls_compression_method_t *gnutls_compression_list(void)
{
    return algo::compression_list();
}

// ================================================================= cipher suites

/**
 * gnutls_cipher_suite_info:
 * @idx: a position in the table of cipher suites, from 0
 * @cs_id: where the two bytes of the suite's code point are written, or %NULL
 * @kx: where the key exchange method is stored, or %NULL
 * @cipher: where the cipher is stored, or %NULL
 * @mac: where the MAC is stored, or %NULL
 * @min_version: where the first protocol version allowing the suite is stored, or %NULL
 *
 * Walks the table of cipher suites the library knows: call it with @idx
 * 0, 1, 2, ... until it returns %NULL.  TLS 1.3 suites report
 * %GNUTLS_KX_UNKNOWN as key exchange; AEAD suites report %GNUTLS_MAC_AEAD.
 *
 * Returns: the name of the suite (such as "TLS_ECDHE_RSA_AES_128_GCM_SHA256"),
 * or %NULL when @idx is past the end of the table.
 **/
TLSHIM_API const char *gnutls_cipher_suite_info(size_t idx, unsigned char *cs_id, gnutls_kx_algorithm_t *kx,
                                                gnutls_cipher_algorithm_t *cipher, gnutls_mac_algorithm_t *mac,
                                                gnutls_protocol_t *min_version)
{
    const auto suites = algo::suite_table();
    if (idx >= suites.size())
        return nullptr;
    const algo::CipherSuite &s = suites[idx];
    if (cs_id != nullptr) {
        cs_id[0] = s.code[0];
        cs_id[1] = s.code[1];
    }
    if (kx != nullptr)
        *kx = s.kx;
    if (cipher != nullptr)
        *cipher = s.cipher;
    if (mac != nullptr)
        *mac = s.mac;
    if (min_version != nullptr)
        *min_version = s.min_tls;
    return s.name;
}

/**
 * gnutls_cipher_suite_get_name:
 * @kx_algorithm: a key exchange method
 * @cipher_algorithm: a cipher
 * @mac_algorithm: a MAC
 *
 * Names the cipher suite made of these three algorithms.  The name lacks the
 * "TLS_" prefix of the names gnutls_cipher_suite_info() gives, for example
 * "ECDHE_RSA_AES_128_GCM_SHA256".
 *
 * Returns: a static string, or %NULL if no suite combines these algorithms.
 **/
TLSHIM_API const char *gnutls_cipher_suite_get_name(gnutls_kx_algorithm_t kx_algorithm,
                                                    gnutls_cipher_algorithm_t cipher_algorithm,
                                                    gnutls_mac_algorithm_t mac_algorithm)
{
    const algo::CipherSuite *s = algo::suite_by_algorithms(raw(kx_algorithm), raw(cipher_algorithm), raw(mac_algorithm));
    return s != nullptr ? s->name + 4 : nullptr;
}

// ======================================================================== alerts

/**
 * gnutls_alert_get_name:
 * @alert: an alert description
 *
 * Describes a TLS alert in words, for example "Handshake failed".
 *
 * Returns: a static string, or %NULL if @alert is not known.
 **/
TLSHIM_API const char *gnutls_alert_get_name(gnutls_alert_description_t alert)
{
    const algo::Alert *a = algo::alert(raw(alert));
    return a != nullptr ? a->description : nullptr;
}

/**
 * gnutls_alert_get_strname:
 * @alert: an alert description
 *
 * Gives the symbolic name of a TLS alert, such as "GNUTLS_A_HANDSHAKE_FAILURE".
 *
 * Returns: a static string, or %NULL if @alert is not known.
 **/
TLSHIM_API const char *gnutls_alert_get_strname(gnutls_alert_description_t alert)
{
    const algo::Alert *a = algo::alert(raw(alert));
    return a != nullptr ? a->symbol : nullptr;
}

// ==================================================================== handshake

/**
 * gnutls_handshake_description_get_name:
 * @type: a handshake message type
 *
 * Gives the name of a handshake message type, such as "CLIENT HELLO"; useful
 * in handshake hooks and logs.
 *
 * Returns: a static string; "Unknown Handshake packet" for unknown types.
 **/
TLSHIM_API const char *gnutls_handshake_description_get_name(gnutls_handshake_description_t type)
{
    return algo::handshake_name(raw(type));
}

// ================================================================= GOST 28147

/**
 * gnutls_gost_paramset_get_name:
 * @param: a GOST 28147 parameter set
 *
 * Gives the name of a GOST 28147-89 S-box parameter set, such as "TC26-Z".
 *
 * Returns: a static string; "Unknown" if @param is not known.
 **/
TLSHIM_API const char *gnutls_gost_paramset_get_name(gnutls_gost_paramset_t param)
{
    const algo::GostParamset *g = algo::gost_paramset(raw(param));
    return g != nullptr ? g->name : "Unknown";
}

/**
 * gnutls_gost_paramset_get_oid:
 * @param: a GOST 28147 parameter set
 *
 * Gives the object identifier of a GOST 28147-89 parameter set.
 *
 * Returns: a static string, or %NULL if @param is not known.
 **/
TLSHIM_API const char *gnutls_gost_paramset_get_oid(gnutls_gost_paramset_t param)
{
    const algo::GostParamset *g = algo::gost_paramset(raw(param));
    return g != nullptr ? g->oid : nullptr;
}

/**
 * gnutls_oid_to_gost_paramset:
 * @oid: a dotted object identifier
 *
 * Finds the GOST 28147-89 parameter set an object identifier stands for.
 *
 * Returns: the parameter set, or %GNUTLS_GOST_PARAMSET_UNKNOWN if the
 * identifier is not known.
 **/
TLSHIM_API gnutls_gost_paramset_t gnutls_oid_to_gost_paramset(const char *oid)
{
    return by_name(oid, algo::gost_paramset_by_oid, GNUTLS_GOST_PARAMSET_UNKNOWN);
}

// ======================================================== verification profiles

/**
 * gnutls_certificate_verification_profile_get_name:
 * @id: a verification profile
 *
 * Gives the name of a certificate verification profile, such as "Medium".
 *
 * Returns: a static string, or %NULL if @id is not known.
 **/
TLSHIM_API const char *gnutls_certificate_verification_profile_get_name(gnutls_certificate_verification_profiles_t id)
{
    return name_of(algo::verify_profile(raw(id)));
}

/**
 * gnutls_certificate_verification_profile_get_id:
 * @name: a profile name, such as "High" or "SuiteB128"
 *
 * Finds a certificate verification profile by name; letter case does not
 * matter.
 *
 * Returns: the profile, or %GNUTLS_PROFILE_UNKNOWN if the name is not known.
 **/
TLSHIM_API gnutls_certificate_verification_profiles_t gnutls_certificate_verification_profile_get_id(const char *name)
{
    return by_name(name, algo::verify_profile_by_name, GNUTLS_PROFILE_UNKNOWN);
}

// ======================================================== private key encryption

/**
 * gnutls_pkcs_schema_get_name:
 * @schema: one encryption scheme of gnutls_pkcs_encrypt_flags_t
 *
 * Gives the name of a password-based encryption scheme for private keys,
 * such as "PBES2-AES256-CBC".  The %GNUTLS_PKCS_NULL_PASSWORD flag is ignored.
 *
 * Returns: a static string, or %NULL if @schema is not exactly one known scheme.
 **/
TLSHIM_API const char *gnutls_pkcs_schema_get_name(unsigned int schema)
{
    return name_of(algo::pkcs_schema(schema));
}

/**
 * gnutls_pkcs_schema_get_oid:
 * @schema: one encryption scheme of gnutls_pkcs_encrypt_flags_t
 *
 * Gives the object identifier written for a password-based encryption
 * scheme: the cipher's for PBES2 schemes, the scheme's own otherwise.
 *
 * Returns: a static string, or %NULL if @schema is not exactly one known scheme.
 **/
TLSHIM_API const char *gnutls_pkcs_schema_get_oid(unsigned int schema)
{
    const algo::PkcsSchema *p = algo::pkcs_schema(schema);
    return p != nullptr ? p->oid : nullptr;
}

/**
 * gnutls_pkcs11_type_get_name:
 * @type: a PKCS #11 object type
 *
 * Gives a readable name of a PKCS #11 object type, such as "Private key".
 *
 * Returns: a static string; "Unknown" for unknown types.
 **/
TLSHIM_API const char *gnutls_pkcs11_type_get_name(gnutls_pkcs11_obj_type_t type)
{
    return algo::pkcs11_type_name(raw(type));
}

// ========================================================================= SRTP

/**
 * gnutls_srtp_get_profile_id:
 * @name: an SRTP protection profile name, such as "SRTP_AES128_CM_HMAC_SHA1_80"
 * @profile: where the profile is stored
 *
 * Finds a DTLS-SRTP protection profile by its exact (case-sensitive) name.
 *
 * Returns: zero on success, %GNUTLS_E_ILLEGAL_PARAMETER if the name is not
 * known, or %GNUTLS_E_INVALID_REQUEST if an argument is %NULL.
 **/
TLSHIM_API int gnutls_srtp_get_profile_id(const char *name, gnutls_srtp_profile_t *profile)
{
    if (name == nullptr || profile == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const algo::SrtpProfile *p = algo::srtp_profile_by_name(name);
    if (p == nullptr)
        return GNUTLS_E_ILLEGAL_PARAMETER;
    *profile = p->id;
    return 0;
}

/**
 * gnutls_srtp_get_profile_name:
 * @profile: a DTLS-SRTP protection profile
 *
 * Gives the name of a DTLS-SRTP protection profile.
 *
 * Returns: a static string, or %NULL if @profile is not known.
 **/
TLSHIM_API const char *gnutls_srtp_get_profile_name(gnutls_srtp_profile_t profile)
{
    return name_of(algo::srtp_profile(raw(profile)));
}

// ==================================================== run-time table changes

// GnuTLS accepts these only while it applies a system-wide configuration in
// allowlist mode; tlshim reads no such configuration, so, like GnuTLS in its
// default mode, it always refuses them.

/**
 * gnutls_digest_set_secure:
 * @dig: a digest algorithm
 * @secure: whether signatures over this digest should be trusted
 *
 * Would change whether a digest is trusted in signatures.  The defaults
 * can only be changed by a system-wide configuration, which tlshim does not
 * read, so the request is always refused.
 *
 * Returns: %GNUTLS_E_INVALID_REQUEST.
 **/
TLSHIM_API int gnutls_digest_set_secure(gnutls_digest_algorithm_t dig, unsigned int secure)
{
    (void)dig;
    (void)secure;
    return GNUTLS_E_INVALID_REQUEST;
}

/**
 * gnutls_sign_set_secure:
 * @sign: a signature algorithm
 * @secure: whether the algorithm should be trusted
 *
 * Would change whether a signature algorithm is trusted.  The defaults can
 * only be changed by a system-wide configuration, which tlshim does not
 * read, so the request is always refused.
 *
 * Returns: %GNUTLS_E_INVALID_REQUEST.
 **/
TLSHIM_API int gnutls_sign_set_secure(gnutls_sign_algorithm_t sign, unsigned int secure)
{
    (void)sign;
    (void)secure;
    return GNUTLS_E_INVALID_REQUEST;
}

/**
 * gnutls_sign_set_secure_for_certs:
 * @sign: a signature algorithm
 * @secure: whether the algorithm should be trusted in certificates
 *
 * Would change whether a signature algorithm is trusted in certificates.
 * The defaults can only be changed by a system-wide configuration, which
 * tlshim does not read, so the request is always refused.
 *
 * Returns: %GNUTLS_E_INVALID_REQUEST.
 **/
TLSHIM_API int gnutls_sign_set_secure_for_certs(gnutls_sign_algorithm_t sign, unsigned int secure)
{
    (void)sign;
    (void)secure;
    return GNUTLS_E_INVALID_REQUEST;
}

/**
 * gnutls_ecc_curve_set_enabled:
 * @curve: an elliptic curve
 * @enabled: whether the curve should be usable
 *
 * Would enable or disable an elliptic curve for the whole process.  This
 * can only be done by a system-wide configuration, which tlshim does not
 * read, so the request is always refused.
 *
 * Returns: %GNUTLS_E_INVALID_REQUEST.
 **/
TLSHIM_API int gnutls_ecc_curve_set_enabled(gnutls_ecc_curve_t curve, unsigned int enabled)
{
    (void)curve;
    (void)enabled;
    return GNUTLS_E_INVALID_REQUEST;
}

/**
 * gnutls_protocol_set_enabled:
 * @version: a protocol version
 * @enabled: whether the version should be usable
 *
 * Would enable or disable a protocol version for the whole process.  This
 * can only be done by a system-wide configuration, which tlshim does not
 * read, so the request is always refused.
 *
 * Returns: %GNUTLS_E_INVALID_REQUEST.
 **/
TLSHIM_API int gnutls_protocol_set_enabled(gnutls_protocol_t version, unsigned int enabled)
{
    (void)version;
    (void)enabled;
    return GNUTLS_E_INVALID_REQUEST;
}
