// SPDX-License-Identifier: LGPL-2.1-or-later
// The algorithm registry: one constant table per family of algorithms.
//
// Every name, identifier, object identifier, size, TLS code point and
// default security judgement that the rest of tlshim needs about an
// algorithm lives here, as plain data with small lookup functions.  The
// identifiers are the public GnuTLS enum values; names are the exact strings
// GnuTLS reports, and the order of each table is the order in which GnuTLS
// lists the algorithms (so the public *_list() functions walk a table).
//
// Conventions of every family:
//  - `xxx(id)` returns the row of an identifier, or null;
//  - `xxx_by_name(name)` finds a row the way the public *_get_id() does
//    (case rules and the set of rows searched differ per family and are
//    documented on each function);
//  - `xxx_table()` is the whole table, in list order;
//  - `xxx_list()` is the zero-terminated array of the public *_list().
// Adding an algorithm means adding a row (and, where GnuTLS lists it, putting
// the row at the position GnuTLS lists it).
//
// Lookups take identifiers as int: applications may pass any number where
// the API expects an enum, and such a value must not be handled as an
// object of the enum type (see tlshim::api::raw() in the facade).
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace tlshim::algo {

// ASCII-only case-insensitive comparison (GnuTLS compares algorithm names
// independently of the locale).
constexpr char ascii_lower(char c) noexcept
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr bool iequals(std::string_view a, std::string_view b) noexcept
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); i++)
        if (ascii_lower(a[i]) != ascii_lower(b[i]))
            return false;
    return true;
}

// ---- Symmetric ciphers ----------------------------------------------------

enum class CipherKind : std::uint8_t { null, stream, block, aead };

struct Cipher {
    gnutls_cipher_algorithm_t id;
    const char *name;
    std::uint8_t key_size;    // bytes
    std::uint8_t block_size;  // bytes; 1 for byte-wise stream ciphers
    std::uint8_t iv_size;     // IV / nonce bytes (gnutls_cipher_get_iv_size)
    std::uint8_t tag_size;    // authentication tag bytes of an AEAD, else 0
    CipherKind kind;
    // TLS 1.2 AEAD record nonces: `tls_fixed_iv` bytes come from the key
    // block and `tls_explicit_nonce` bytes travel with each record.
    std::uint8_t tls_fixed_iv;
    std::uint8_t tls_explicit_nonce;
    bool tls13;   // usable by a TLS 1.3 cipher suite
    bool listed;  // in gnutls_cipher_list(), and found by name
};

std::span<const Cipher> cipher_table() noexcept;
const Cipher *cipher(int id) noexcept;
// Listed ciphers only, case-insensitive.
const Cipher *cipher_by_name(std::string_view name) noexcept;
const gnutls_cipher_algorithm_t *cipher_list() noexcept;

// ---- MACs and digests -----------------------------------------------------
// Digests and MACs share one identifier space (GNUTLS_DIG_x == GNUTLS_MAC_x)
// and one table.

enum class MacKind : std::uint8_t { null, hmac, aead, umac, cmac, gmac, gost_imit, omac, xof, md5_sha1 };

struct Mac {
    gnutls_mac_algorithm_t id;
    const char *name;
    const char *oid;      // the digest's OID (gnutls_digest_get_oid), or null
    const char *mac_oid;  // the HMAC's OID (gnutls_oid_to_mac), or null
    std::uint8_t output_size;  // gnutls_hmac_get_len / gnutls_hash_get_len
    std::uint8_t key_size;     // gnutls_mac_get_key_size / gnutls_hmac_get_key_size
    std::uint8_t nonce_size;   // gnutls_mac_get_nonce_size
    std::uint16_t block_size;  // the hash's internal block (HMAC padding), 0 if none
    MacKind kind;
    bool digest;         // also a message digest (gnutls_digest_* functions)
    bool mac_listed;     // in gnutls_mac_list(), and found by gnutls_mac_get_id()
    bool digest_listed;  // in gnutls_digest_list()
};

std::span<const Mac> mac_table() noexcept;
const Mac *mac(int id) noexcept;
// The row if it is a digest.
const Mac *digest(int id) noexcept;
// Listed MACs only, case-insensitive.
const Mac *mac_by_name(std::string_view name) noexcept;
// Every digest (listed or not), case-insensitive.
const Mac *digest_by_name(std::string_view name) noexcept;
const Mac *digest_by_oid(std::string_view oid) noexcept;
const Mac *mac_by_oid(std::string_view oid) noexcept;
const gnutls_mac_algorithm_t *mac_list() noexcept;
const gnutls_digest_algorithm_t *digest_list() noexcept;

// ---- Key exchange (TLS 1.2 and older) --------------------------------------

struct Kx {
    int id;  // a gnutls_kx_algorithm_t, except RSA-EXPORT's -1 (outside the enum)
    const char *name;
    gnutls_credentials_type_t cred;  // the credentials kind of the exchange
    // The key type of the server certificate, UNKNOWN if the server sends
    // none (a server of RSA-PSK or SRP-RSA needs it besides `cred`).
    gnutls_pk_algorithm_t cert_pk;
    bool dhe;          // finite-field ephemeral Diffie-Hellman
    bool ecdhe;        // elliptic-curve ephemeral Diffie-Hellman
    bool rsa_encrypt;  // the premaster secret is encrypted to the server's RSA key
    bool listed;       // in gnutls_kx_list()
    bool by_name;      // found by gnutls_kx_get_id()
};

std::span<const Kx> kx_table() noexcept;
const Kx *kx(int id) noexcept;
// Case-insensitive.
const Kx *kx_by_name(std::string_view name) noexcept;
const gnutls_kx_algorithm_t *kx_list() noexcept;

// ---- Public-key algorithms ------------------------------------------------

struct Pk {
    gnutls_pk_algorithm_t id;
    const char *name;
    const char *oid;  // subjectPublicKeyInfo algorithm OID, or null
    bool curve_based;  // key strength measured as a curve size
    bool listed;       // in gnutls_pk_list() (some ids are listed twice)
};

std::span<const Pk> pk_table() noexcept;
// The first row of the id (null for GNUTLS_PK_UNKNOWN).
const Pk *pk(int id) noexcept;
// GnuTLS's name of an id, null if none (it names id 0 "GOST R 34.10-94").
const char *pk_name(int id) noexcept;
// Case-sensitive, every row.
const Pk *pk_by_name(std::string_view name) noexcept;
const Pk *pk_by_oid(std::string_view oid) noexcept;
const gnutls_pk_algorithm_t *pk_list() noexcept;
bool pk_is_curve_based(int id) noexcept;

// ---- Signature algorithms -------------------------------------------------

struct Sign {
    gnutls_sign_algorithm_t id;  // some ids have a second row with an older OID
    const char *name;
    const char *oid;  // the AlgorithmIdentifier OID in certificates, or null
    gnutls_digest_algorithm_t hash;
    gnutls_pk_algorithm_t pk;
    gnutls_pk_algorithm_t pk2;  // a second key type the scheme works with, or UNKNOWN
    std::uint16_t tls_id;       // TLS SignatureScheme code point, 0 if none
    gnutls_ecc_curve_t curve;   // the curve a TLS 1.3 ECDSA scheme is bound to
    bool tls12;         // may be negotiated in TLS 1.2
    bool tls13;         // may be offered in TLS 1.3
    bool tls13_verify;  // may sign a TLS 1.3 CertificateVerify
    bool secure;        // default: acceptable in TLS (gnutls_sign_is_secure)
    bool secure_for_certs;  // default: acceptable in certificates
};

std::span<const Sign> sign_table() noexcept;
// The first row of the id.
const Sign *sign(int id) noexcept;
// Case-insensitive.
const Sign *sign_by_name(std::string_view name) noexcept;
const Sign *sign_by_oid(std::string_view oid) noexcept;
// The first scheme using this key type and hash (gnutls_pk_to_sign).
const Sign *sign_by_pk_hash(int pk, int hash) noexcept;
// The TLS 1.2 (tls13 == false) or TLS 1.3 scheme of a code point.
const Sign *sign_by_tls_id(std::uint16_t tls_id, bool tls13) noexcept;
const gnutls_sign_algorithm_t *sign_list() noexcept;
bool sign_supports_pk(const Sign &s, int pk) noexcept;

// ---- Elliptic curves and key-exchange groups ------------------------------

struct Curve {
    gnutls_ecc_curve_t id;
    const char *name;
    const char *oid;
    std::uint8_t size;         // bytes of a field element / scalar
    gnutls_pk_algorithm_t pk;  // as gnutls_ecc_curve_get_pk() reports
    gnutls_group_t group;      // the TLS group on this curve, INVALID if none
    bool supported;  // tlshim computes on it; listed, found by name and OID
};

std::span<const Curve> curve_table() noexcept;
const Curve *curve(int id) noexcept;
// Supported curves only, case-insensitive.
const Curve *curve_by_name(std::string_view name) noexcept;
// Supported curves only.
const Curve *curve_by_oid(std::string_view oid) noexcept;
const gnutls_ecc_curve_t *curve_list() noexcept;

enum class GroupKind : std::uint8_t { ec, montgomery, ffdhe, gost };

struct Group {
    gnutls_group_t id;
    const char *name;
    std::uint16_t tls_id;       // TLS NamedGroup code point
    GroupKind kind;
    gnutls_ecc_curve_t curve;   // INVALID for finite-field groups
    gnutls_pk_algorithm_t pk;   // the key type of a share
    std::uint16_t prime_bits;   // finite-field groups: modulus size
    std::uint16_t share_size;   // bytes of a TLS 1.3 key_share entry, 0 if none
    bool tls13;   // may be used in TLS 1.3
    bool listed;  // supported: in gnutls_group_list(), found by name
};

std::span<const Group> group_table() noexcept;
const Group *group(int id) noexcept;
// Listed groups only, case-insensitive.
const Group *group_by_name(std::string_view name) noexcept;
const Group *group_by_tls_id(std::uint16_t tls_id) noexcept;
const gnutls_group_t *group_list() noexcept;

// ---- Protocol versions ----------------------------------------------------

struct Protocol {
    gnutls_protocol_t id;
    const char *name;
    std::uint8_t major, minor;  // the version on the wire
    bool dtls;
    bool tls13_sem;       // TLS 1.3 handshake and record protection
    bool explicit_iv;     // CBC records carry their IV (TLS 1.1+ and DTLS)
    bool selectable_prf;  // PRF hash and signature hash chosen by the suite/peer (TLS 1.2+)
    bool listed;          // supported: in gnutls_protocol_list()
};

std::span<const Protocol> protocol_table() noexcept;
const Protocol *protocol(int id) noexcept;
// Every row, case-insensitive.
const Protocol *protocol_by_name(std::string_view name) noexcept;
const Protocol *protocol_by_wire(std::uint8_t major, std::uint8_t minor) noexcept;
const gnutls_protocol_t *protocol_list() noexcept;

// ---- Cipher suites --------------------------------------------------------

struct CipherSuite {
    std::uint8_t code[2];   // IANA code point
    const char *name;       // as gnutls_cipher_suite_info() reports it
    const char *iana_name;  // the canonical name (gnutls_ciphersuite_get)
    gnutls_kx_algorithm_t kx;  // UNKNOWN for TLS 1.3 suites
    gnutls_cipher_algorithm_t cipher;
    gnutls_mac_algorithm_t mac;  // GNUTLS_MAC_AEAD for AEAD ciphers
    gnutls_protocol_t min_tls;
    gnutls_protocol_t max_tls;
    gnutls_protocol_t min_dtls;  // GNUTLS_VERSION_UNKNOWN: not available in DTLS
    gnutls_protocol_t max_dtls;
    gnutls_mac_algorithm_t prf;  // TLS 1.2+ PRF / TLS 1.3 HKDF hash

    std::uint16_t code_point() const noexcept
    {
        return static_cast<std::uint16_t>((code[0] << 8) | code[1]);
    }
};

std::span<const CipherSuite> suite_table() noexcept;
const CipherSuite *suite_by_code(std::uint16_t code) noexcept;
// The first suite made of these three algorithms.
const CipherSuite *suite_by_algorithms(int kx, int cipher, int mac) noexcept;

// ---- Certificate types, compression ----------------------------------------

struct CertType {
    gnutls_certificate_type_t id;
    const char *name;
    const char *id_names[2];  // names gnutls_certificate_type_get_id() accepts
};

std::span<const CertType> cert_type_table() noexcept;
const CertType *cert_type(int id) noexcept;
// Case-insensitive, against id_names.
const CertType *cert_type_by_name(std::string_view name) noexcept;
const gnutls_certificate_type_t *cert_type_list() noexcept;

struct Compression {
    gnutls_compression_method_t id;
    const char *name;
};

const Compression *compression(int id) noexcept;
const Compression *compression_by_name(std::string_view name) noexcept;
const gnutls_compression_method_t *compression_list() noexcept;

// ---- Security levels ------------------------------------------------------

struct SecParam {
    gnutls_sec_param_t id;
    const char *name;
    unsigned symmetric_bits;
    unsigned pk_bits;    // RSA and finite-field Diffie-Hellman moduli
    unsigned dsa_bits;   // DSA moduli
    unsigned ecc_bits;   // curve sizes
};

std::span<const SecParam> sec_param_table() noexcept;  // ascending strength
const SecParam *sec_param(int id) noexcept;
// The key size of a level for a key type (0 if unknown).
unsigned sec_param_to_pk_bits(int pk, int param) noexcept;
// The strongest level a key of this size reaches.
gnutls_sec_param_t pk_bits_to_sec_param(int pk, unsigned bits) noexcept;

// ---- Smaller name tables --------------------------------------------------

struct GostParamset {
    gnutls_gost_paramset_t id;
    const char *name;
    const char *oid;
};
const GostParamset *gost_paramset(int id) noexcept;
const GostParamset *gost_paramset_by_oid(std::string_view oid) noexcept;

struct VerifyProfile {
    gnutls_certificate_verification_profiles_t id;
    const char *name;
    gnutls_sec_param_t sec_param;  // the minimum security level it demands
};
const VerifyProfile *verify_profile(int id) noexcept;
// Case-insensitive.
const VerifyProfile *verify_profile_by_name(std::string_view name) noexcept;

// Password-based encryption of private keys (PKCS #8 / PKCS #12).
enum class PkcsSchemeKind : std::uint8_t { pkcs12, pbes1, pbes2 };
struct PkcsSchema {
    unsigned flag;      // one gnutls_pkcs_encrypt_flags_t bit
    const char *name;
    const char *oid;    // PBES2: the cipher's OID; otherwise the scheme's
    gnutls_cipher_algorithm_t cipher;
    PkcsSchemeKind kind;
};
std::span<const PkcsSchema> pkcs_schema_table() noexcept;
// Ignores GNUTLS_PKCS_NULL_PASSWORD; null unless exactly one scheme remains.
const PkcsSchema *pkcs_schema(unsigned flags) noexcept;

struct SrtpProfile {
    gnutls_srtp_profile_t id;
    const char *name;
};
const SrtpProfile *srtp_profile(int id) noexcept;
// Case-sensitive.
const SrtpProfile *srtp_profile_by_name(std::string_view name) noexcept;

// GnuTLS's names of PKCS #11 object types ("Unknown" for others).
const char *pkcs11_type_name(int type) noexcept;
// Names of handshake messages ("Unknown Handshake packet" for others).
const char *handshake_name(int type) noexcept;

struct Alert {
    gnutls_alert_description_t id;
    const char *description;  // gnutls_alert_get_name
    const char *symbol;       // gnutls_alert_get_strname
};
const Alert *alert(int id) noexcept;

// Built-in TLS extensions: code point and the name GnuTLS reports.
struct Extension {
    std::uint16_t tls_id;
    const char *name;
};
std::span<const Extension> extension_table() noexcept;
const Extension *extension(unsigned tls_id) noexcept;

}  // namespace tlshim::algo
