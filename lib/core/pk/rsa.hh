// SPDX-License-Identifier: LGPL-2.1-or-later
// RSA on Nettle: keys (wiped on destruction), PKCS#1 v1.5 and PSS
// signatures over a digest, PKCS#1 v1.5 encryption, and decryption both
// as a plain operation and in the Bleichenbacher-safe form the TLS 1.2
// RSA key exchange needs.
#pragma once

#include <gnutls/gnutls.h>
#include <nettle/rsa.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/pk/mpz.hh"
#include "core/secret.hh"

namespace tlshim::pk {

// The raw integers of an RSA key, big-endian without leading zeros.
struct RsaRaw {
    SecretBytes n, e, d, p, q, dp, dq, qinv;
};

class RsaPublicKey {
public:
    RsaPublicKey() noexcept;
    RsaPublicKey(const RsaPublicKey &) = delete;
    RsaPublicKey &operator=(const RsaPublicKey &) = delete;
    ~RsaPublicKey();

    // Sets modulus and public exponent; Err::invalid_request when they do
    // not form a usable key.
    Err set(Bytes n, Bytes e) noexcept;
    bool valid() const noexcept { return valid_; }
    // Modulus length in bytes (the signature and ciphertext length).
    std::size_t size() const noexcept { return key_.size; }
    unsigned bits() const noexcept;
    const rsa_public_key *nettle() const noexcept { return &key_; }
    SecretBytes n() const;
    SecretBytes e() const;

private:
    rsa_public_key key_;
    bool valid_ = false;
};

class RsaPrivateKey {
public:
    RsaPrivateKey() noexcept;
    RsaPrivateKey(const RsaPrivateKey &) = delete;
    RsaPrivateKey &operator=(const RsaPrivateKey &) = delete;
    ~RsaPrivateKey();

    // Imports a key.  n, e, p, q are required; d is required when any of
    // dp, dq, qinv is missing (they are then computed from d, p, q).
    // Err::invalid_request when the values do not form a key
    // (p*q != n, or the CRT values are inconsistent).
    Err import(Bytes n, Bytes e, Bytes d, Bytes p, Bytes q, Bytes dp, Bytes dq, Bytes qinv) noexcept;
    Err import(const RsaRaw &raw) noexcept;
    Err export_raw(RsaRaw &out) const;
    // New key with e = 65537; bits must be at least 1024 (2048, 3072,
    // 4096 in practice).
    Err generate(unsigned bits) noexcept;

    bool valid() const noexcept { return valid_; }
    std::size_t size() const noexcept { return pub_.size; }
    unsigned bits() const noexcept;
    const rsa_public_key *nettle_public() const noexcept { return &pub_; }
    const rsa_private_key *nettle_private() const noexcept { return &priv_; }
    // A copy of the public half.
    Err public_key(RsaPublicKey &out) const;

private:
    void wipe() noexcept;

    rsa_public_key pub_;
    rsa_private_key priv_;
    bool valid_ = false;
};

// The DER DigestInfo prefix (AlgorithmIdentifier with NULL parameters and
// the OCTET STRING header) for a digest, empty for unsupported ones.
Bytes digest_info_prefix(gnutls_digest_algorithm_t alg) noexcept;

// PKCS#1 v1.5 signature of a digest of `alg` (wrapped into a DigestInfo).
// The signature is size() bytes.
Err rsa_pkcs1_sign(const RsaPrivateKey &key, gnutls_digest_algorithm_t alg, Bytes digest,
                   std::vector<std::uint8_t> &sig);
// Same over caller-supplied data (a complete DigestInfo, or the 36-byte
// MD5+SHA-1 concatenation of TLS 1.0/1.1).
Err rsa_pkcs1_sign_raw(const RsaPrivateKey &key, Bytes data, std::vector<std::uint8_t> &sig);
// Err::pk_sig_verify_failed for any mismatch.
Err rsa_pkcs1_verify(const RsaPublicKey &key, gnutls_digest_algorithm_t alg, Bytes digest, Bytes sig) noexcept;
Err rsa_pkcs1_verify_raw(const RsaPublicKey &key, Bytes data, Bytes sig) noexcept;

// Salt length meaning "the digest length".
inline constexpr std::size_t kPssSaltDigest = static_cast<std::size_t>(-1);

// RSA-PSS (MGF1 with the same digest) over SHA-256/384/512.
Err rsa_pss_sign(const RsaPrivateKey &key, gnutls_digest_algorithm_t alg, Bytes digest,
                 std::vector<std::uint8_t> &sig, std::size_t salt_len = kPssSaltDigest);
Err rsa_pss_verify(const RsaPublicKey &key, gnutls_digest_algorithm_t alg, Bytes digest, Bytes sig,
                   std::size_t salt_len = kPssSaltDigest) noexcept;

// PKCS#1 v1.5 (type 2) encryption; ciphertext is size() bytes.
Err rsa_encrypt(const RsaPublicKey &key, Bytes plain, std::vector<std::uint8_t> &ct);
// Plain PKCS#1 v1.5 decryption (gnutls_privkey_decrypt_data):
// Err::decryption_failed for bad padding or a ciphertext of the wrong size.
Err rsa_decrypt(const RsaPrivateKey &key, Bytes ct, SecretBytes &plain);

// The TLS 1.2 RSA key-exchange decryption (RFC 5246, 7.4.7.1).  Always
// fills `premaster` (48 bytes) without branching on whether the padding
// or the length was right: with the decrypted secret when the ciphertext
// was valid, otherwise with fresh random bytes.  The first two bytes are
// then set to the client_version of the ClientHello (major, minor).
// Returns an error only for conditions that do not depend on the
// plaintext: a wrong-sized output buffer or a failed random generator.
Err rsa_decrypt_premaster(const RsaPrivateKey &key, Bytes ct, MutableBytes premaster,
                          std::uint8_t major, std::uint8_t minor) noexcept;

}  // namespace tlshim::pk
