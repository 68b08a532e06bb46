// SPDX-License-Identifier: LGPL-2.1-or-later
// Public and private keys of every type the PKI layer handles, with their
// DER forms (SubjectPublicKeyInfo, PKCS#1, PKCS#8 plain and PBES2-encrypted,
// SEC1, RFC 8410) and signing/verification by GnuTLS signature algorithm id.
//
// This header is the contract between the key module and its users (the
// abstract-key facade, certificate/CRL verification, credentials, and later
// the TLS engine). Extend it; do not change what is declared here without
// updating every caller.
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/secret.hh"

namespace tlshim::x509 {

// RSASSA-PSS parameters (RFC 4055) as GnuTLS's gnutls_x509_spki_st holds
// them: the hash and the salt length. A key whose SPKI carries parameters is
// restricted to them.
struct PssParams {
    gnutls_digest_algorithm_t hash = GNUTLS_DIG_UNKNOWN;
    unsigned salt_size = 0;
    bool present = false;
};

// Decode an RSASSA-PSS-params DER value (an AlgorithmIdentifier's
// parameters). Empty input means the RFC 4055 defaults (SHA-1, salt 20).
Err decode_pss_params(Bytes der, PssParams &out);
Err encode_pss_params(const PssParams &in, std::vector<std::uint8_t> &der);

// The signature algorithm named by an AlgorithmIdentifier (DER, tag and
// length included), with the PSS parameters when it is RSASSA-PSS.
Err decode_signature_algorithm(Bytes algorithm_identifier, gnutls_sign_algorithm_t &sign,
                               PssParams &pss);

// Flags for verification, a subset of gnutls_certificate_verify_flags and
// gnutls_pubkey_flags that matter at this level.
struct VerifyOptions {
    bool allow_sha1 = false;  // GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1 (certificates)
    bool allow_broken = false; // GNUTLS_VERIFY_ALLOW_BROKEN: MD5/MD2/SHA1 accepted
    bool for_certificate = false; // apply secure_for_certs instead of secure
};

class PublicKey {
public:
    PublicKey();
    ~PublicKey();
    PublicKey(PublicKey &&) noexcept;
    PublicKey &operator=(PublicKey &&) noexcept;
    PublicKey(const PublicKey &) = delete;
    PublicKey &operator=(const PublicKey &) = delete;
    Err copy_from(const PublicKey &other);

    bool empty() const noexcept;
    gnutls_pk_algorithm_t algorithm() const noexcept;
    unsigned bits() const noexcept;
    gnutls_ecc_curve_t curve() const noexcept;  // ECDSA/EdDSA/ECDH-X keys, else INVALID
    const PssParams &pss() const noexcept;     // RSA-PSS restrictions (present=false if none)

    // SubjectPublicKeyInfo (RFC 5280), DER.
    Err import_spki(Bytes der);
    Err export_spki(std::vector<std::uint8_t> &der) const;
    // PEM "PUBLIC KEY" (or DER when the text is not PEM).
    Err import_pem_or_der(Bytes data, gnutls_x509_crt_fmt_t fmt);

    Err import_rsa(Bytes n, Bytes e);
    Err import_ecc(gnutls_ecc_curve_t curve, Bytes x, Bytes y);  // EdDSA/X25519: x = key, y empty
    Err export_rsa(SecretBytes &n, SecretBytes &e) const;
    Err export_ecc(gnutls_ecc_curve_t &curve, SecretBytes &x, SecretBytes &y) const;
    void set_pss(const PssParams &p) noexcept;

    // GOST R 34.10 keys (GNUTLS_PK_GOST_01/12_256/12_512). The digest and
    // GOST 28147 parameter set of the key's parameters (the type's defaults
    // when absent); UNKNOWN for other keys.
    gnutls_digest_algorithm_t gost_digest() const noexcept;
    gnutls_gost_paramset_t gost_paramset() const noexcept;
    // Raw form, coordinates little-endian (as gnutls_pubkey_import_gost_raw
    // takes them). The key type follows from the digest (GOST R 34.11-94:
    // 2001, Streebog-256/512: 2012-256/512); paramset UNKNOWN: the default.
    Err import_gost(gnutls_ecc_curve_t curve, gnutls_digest_algorithm_t digest, gnutls_gost_paramset_t paramset,
                    Bytes x_le, Bytes y_le);
    // Coordinates little-endian without most significant zero bytes.
    Err export_gost(gnutls_ecc_curve_t &curve, gnutls_digest_algorithm_t &digest, gnutls_gost_paramset_t &paramset,
                    SecretBytes &x_le, SecretBytes &y_le) const;

    // gnutls_pubkey_get_key_id: SHA-1 (default), SHA-256 or SHA-512 of the
    // DER SubjectPublicKeyInfo, per GNUTLS_KEYID_USE_* flags.
    Err key_id(unsigned flags, std::vector<std::uint8_t> &out) const;

    // Verify a signature over data (the hash is computed here) or over a
    // precomputed hash (for RSA PKCS#1 v1.5 with GNUTLS_DIG_UNKNOWN the
    // hash input is the already DigestInfo-encoded value). Returns
    // Err::pk_sig_verify_failed on a bad signature, constraint errors
    // (e.g. Err::constraint_error, Err::insufficient_security) otherwise.
    Err verify_data(gnutls_sign_algorithm_t sign, Bytes data, Bytes sig,
                    const PssParams *pss = nullptr) const;
    Err verify_hash(gnutls_sign_algorithm_t sign, Bytes hash, Bytes sig,
                    const PssParams *pss = nullptr) const;
    // Same with explicit policy options (the overloads above apply the
    // default ones: the TLS "secure" table, nothing broken allowed).
    Err verify_data(gnutls_sign_algorithm_t sign, Bytes data, Bytes sig, const PssParams *pss,
                    const VerifyOptions &opt) const;
    Err verify_hash(gnutls_sign_algorithm_t sign, Bytes hash, Bytes sig, const PssParams *pss,
                    const VerifyOptions &opt) const;

    // RSA PKCS#1 v1.5 encryption (RSA key transport).
    Err encrypt(Bytes plain, std::vector<std::uint8_t> &ct) const;

    // The implementation (RsaPublicKey / EcPoint / RawCurveKey) is private
    // to key.cc.
    struct Impl;
    const Impl *impl() const noexcept { return impl_.get(); }

private:
    friend class PrivateKey;  // PrivateKey::public_key() fills the Impl
    std::unique_ptr<Impl> impl_;
};

// The private-key encodings GnuTLS distinguishes on import and export.
enum class KeyFormat {
    automatic,  // import: try PKCS#8, PKCS#1, SEC1 and raw forms in turn
    pkcs1,      // RSAPrivateKey (RFC 8017) — RSA only
    sec1,       // ECPrivateKey (RFC 5915) — ECDSA only
    pkcs8,      // PrivateKeyInfo / OneAsymmetricKey (RFC 5958)
    pkcs8_encrypted,  // EncryptedPrivateKeyInfo with PBES2 (RFC 8018)
};

class PrivateKey {
public:
    PrivateKey();
    ~PrivateKey();
    PrivateKey(PrivateKey &&) noexcept;
    PrivateKey &operator=(PrivateKey &&) noexcept;
    PrivateKey(const PrivateKey &) = delete;
    PrivateKey &operator=(const PrivateKey &) = delete;
    Err copy_from(const PrivateKey &other);

    bool empty() const noexcept;
    gnutls_pk_algorithm_t algorithm() const noexcept;
    unsigned bits() const noexcept;
    gnutls_ecc_curve_t curve() const noexcept;
    const PssParams &pss() const noexcept;
    void set_pss(const PssParams &p) noexcept;

    // DER import. password may be null for unencrypted keys; an encrypted
    // key without a password gives Err::decryption_failed... exactly the
    // codes gnutls_x509_privkey_import2 returns.
    Err import_der(Bytes der, KeyFormat fmt, const char *password, unsigned pkcs8_flags);
    // PEM import: "RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY",
    // "ENCRYPTED PRIVATE KEY".
    Err import_pem(Bytes text, const char *password, unsigned pkcs8_flags);

    Err import_rsa(Bytes n, Bytes e, Bytes d, Bytes p, Bytes q, Bytes u, Bytes e1, Bytes e2);
    Err import_ecc(gnutls_ecc_curve_t curve, Bytes x, Bytes y, Bytes k);  // EdDSA: x = pub (may be empty), k = seed
    Err export_rsa(SecretBytes &n, SecretBytes &e, SecretBytes &d, SecretBytes &p, SecretBytes &q,
                   SecretBytes &u, SecretBytes &e1, SecretBytes &e2) const;
    Err export_ecc(gnutls_ecc_curve_t &curve, SecretBytes &x, SecretBytes &y, SecretBytes &k) const;

    // GOST R 34.10 keys, as PublicKey's: little-endian values; x and y may
    // be empty on import (then derived from k).
    gnutls_digest_algorithm_t gost_digest() const noexcept;
    gnutls_gost_paramset_t gost_paramset() const noexcept;
    Err import_gost(gnutls_ecc_curve_t curve, gnutls_digest_algorithm_t digest, gnutls_gost_paramset_t paramset,
                    Bytes x_le, Bytes y_le, Bytes k_le);
    Err export_gost(gnutls_ecc_curve_t &curve, gnutls_digest_algorithm_t &digest, gnutls_gost_paramset_t &paramset,
                    SecretBytes &x_le, SecretBytes &y_le, SecretBytes &k_le) const;
    // Replaces a GOST key's digest and parameter set (e.g. an ephemeral
    // key made to match a peer's); Err::invalid_request for other keys or a
    // digest of another key type.
    Err set_gost_params(gnutls_digest_algorithm_t digest, gnutls_gost_paramset_t paramset);
    // The native export of a GOST key (KeyFormat::automatic): GnuTLS writes
    // a key that came from generation or gnutls_privkey_import_gost_raw as
    // the bare private-value OCTET STRING (PEM label "UNKNOWN"), one
    // imported from PKCS#8 or gnutls_x509_privkey_import_gost_raw as PKCS#8.
    // generate() sets it; this sets it for the abstract raw import.
    void set_gost_bare_export(bool bare) noexcept;

    // VKO GOST R 34.10-2012 (RFC 7836 section 4.3.1) with 256-bit output:
    // KEK = Streebog-256(LE(X) || LE(Y)) of the point (ukm * d) * peer, ukm
    // read as a little-endian integer (an all-zero one counts as 1; both
    // curves we support have cofactor 1).  GOST keys only, peer on the same
    // curve; Err::invalid_request otherwise.
    Err vko(const PublicKey &peer, Bytes ukm, SecretBytes &kek) const;

    // Export as DER in the given format; pkcs8_encrypted needs a password
    // and the gnutls_pkcs_encrypt_flags_t cipher choice.
    Err export_der(KeyFormat fmt, const char *password, unsigned pkcs8_flags, SecretBytes &der) const;
    // PEM armour of export_der with the label GnuTLS uses for the format.
    Err export_pem(KeyFormat fmt, const char *password, unsigned pkcs8_flags, SecretBytes &pem) const;

    // Generation: bits for RSA; for ECDSA/EdDSA/ECDH-X and GOST the curve
    // is taken from GNUTLS_CURVE_TO_BITS(bits) or the default for the bit
    // size (GOST: CryptoPro-A for 2001 and 2012-256, TC26-512-A for
    // 2012-512; the digest and parameter set are the type's defaults).
    Err generate(gnutls_pk_algorithm_t pk, unsigned bits, const PssParams *pss = nullptr);
    // Consistency of the key material (gnutls_x509_privkey_verify_params).
    Err verify_params() const;

    Err public_key(PublicKey &out) const;

    // Sign data (hashed here) or a precomputed hash. For RSA PKCS#1 v1.5 with
    // GNUTLS_DIG_UNKNOWN (raw) the input is signed as is (TLS 1.0/1.1 MD5+SHA1).
    Err sign_data(gnutls_sign_algorithm_t sign, Bytes data, std::vector<std::uint8_t> &sig,
                  const PssParams *pss = nullptr) const;
    Err sign_hash(gnutls_sign_algorithm_t sign, Bytes hash, std::vector<std::uint8_t> &sig,
                  const PssParams *pss = nullptr) const;

    // RSA PKCS#1 v1.5 decryption; the TLS premaster form lives in pk/rsa.hh.
    Err decrypt(Bytes ct, SecretBytes &plain) const;

    struct Impl;
    const Impl *impl() const noexcept { return impl_.get(); }

private:
    std::unique_ptr<Impl> impl_;
};

// Whatever can sign (and RSA-decrypt) with a private key: a PrivateKey held
// by the library, or a key whose operations run elsewhere (the application
// callbacks of gnutls_privkey_import_ext*).  The abstract-key facade
// (lib/api/abstract-key.hh) provides both kinds; certificate signing and the
// TLS engine sign through this interface only.
class Signer {
public:
    virtual ~Signer() = default;
    virtual gnutls_pk_algorithm_t algorithm() const = 0;
    virtual unsigned bits() const = 0;
    // RSA-PSS restrictions of the key (present=false when none).
    virtual PssParams pss() const = 0;
    // `flags` are gnutls_privkey_flags_t bits (e.g. GNUTLS_PRIVKEY_FLAG_REPRODUCIBLE).
    virtual Err sign_data(gnutls_sign_algorithm_t sign, unsigned flags, Bytes data,
                          std::vector<std::uint8_t> &sig) const = 0;
    // For RSA with GNUTLS_SIGN_RSA_RAW the input is signed as is (the TLS 1.0
    // MD5+SHA-1 concatenation or a DigestInfo).
    virtual Err sign_hash(gnutls_sign_algorithm_t sign, unsigned flags, Bytes hash,
                          std::vector<std::uint8_t> &sig) const = 0;
    virtual Err decrypt(Bytes ct, SecretBytes &plain) const = 0;
    // The library-held key behind the signer, null when its operations run
    // elsewhere.  The TLS 1.2 RSA key exchange decrypts through it in
    // constant time (pk::rsa_decrypt_premaster) when it is there.
    virtual const PrivateKey *held_key() const noexcept { return nullptr; }
};

}  // namespace tlshim::x509
