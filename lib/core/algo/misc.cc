// SPDX-License-Identifier: LGPL-2.1-or-later
// The smaller name tables: certificate types, compression, verification
// profiles, key-encryption schemes, SRTP profiles, PKCS #11 object types,
// handshake messages, alerts and extensions.
#include "core/algo/table.hh"

#include <gnutls/pkcs11.h>
#include <gnutls/x509.h>

namespace tlshim::algo {
namespace {

// In the order of gnutls_certificate_type_list().  OpenPGP is gone: GnuTLS
// neither names nor lists it any more.
constexpr CertType kCertTypes[] = {
    {GNUTLS_CRT_X509, "X.509", {"X.509", "X509"}},
    {GNUTLS_CRT_RAWPK, "Raw Public Key", {"RawPK", nullptr}},
};

TLSHIM_ALGO_LIST(kCertTypeList, gnutls_certificate_type_t, kCertTypes, true);

// Record compression was removed from TLS; only the null method remains.
constexpr Compression kCompressions[] = {
    {GNUTLS_COMP_NULL, "NULL"},
};

TLSHIM_ALGO_LIST(kCompressionList, gnutls_compression_method_t, kCompressions, true);

constexpr VerifyProfile kProfiles[] = {
    {GNUTLS_PROFILE_VERY_WEAK, "Very weak", GNUTLS_SEC_PARAM_VERY_WEAK},
    {GNUTLS_PROFILE_LOW, "Low", GNUTLS_SEC_PARAM_LOW},
    {GNUTLS_PROFILE_LEGACY, "Legacy", GNUTLS_SEC_PARAM_LEGACY},
    {GNUTLS_PROFILE_MEDIUM, "Medium", GNUTLS_SEC_PARAM_MEDIUM},
    {GNUTLS_PROFILE_HIGH, "High", GNUTLS_SEC_PARAM_HIGH},
    {GNUTLS_PROFILE_ULTRA, "Ultra", GNUTLS_SEC_PARAM_ULTRA},
    {GNUTLS_PROFILE_FUTURE, "Future", GNUTLS_SEC_PARAM_FUTURE},
    // NSA Suite B (RFC 6460) at the 128- and 192-bit levels.
    {GNUTLS_PROFILE_SUITEB128, "SuiteB128", GNUTLS_SEC_PARAM_HIGH},
    {GNUTLS_PROFILE_SUITEB192, "SuiteB192", GNUTLS_SEC_PARAM_ULTRA},
};

using P = PkcsSchemeKind;
// flag, name, OID, cipher, kind
constexpr PkcsSchema kPkcsSchemas[] = {
    {GNUTLS_PKCS_PKCS12_3DES, "PKCS12-3DES-SHA1", "1.2.840.113549.1.12.1.3", GNUTLS_CIPHER_3DES_CBC, P::pkcs12},
    {GNUTLS_PKCS_PKCS12_ARCFOUR, "PKCS12-ARCFOUR-SHA1", "1.2.840.113549.1.12.1.1", GNUTLS_CIPHER_ARCFOUR_128, P::pkcs12},
    {GNUTLS_PKCS_PKCS12_RC2_40, "PKCS12-RC2-40-SHA1", "1.2.840.113549.1.12.1.6", GNUTLS_CIPHER_RC2_40_CBC, P::pkcs12},
    {GNUTLS_PKCS_PBES2_3DES, "PBES2-3DES-CBC", "1.2.840.113549.3.7", GNUTLS_CIPHER_3DES_CBC, P::pbes2},
    {GNUTLS_PKCS_PBES2_AES_128, "PBES2-AES128-CBC", "2.16.840.1.101.3.4.1.2", GNUTLS_CIPHER_AES_128_CBC, P::pbes2},
    {GNUTLS_PKCS_PBES2_AES_192, "PBES2-AES192-CBC", "2.16.840.1.101.3.4.1.22", GNUTLS_CIPHER_AES_192_CBC, P::pbes2},
    {GNUTLS_PKCS_PBES2_AES_256, "PBES2-AES256-CBC", "2.16.840.1.101.3.4.1.42", GNUTLS_CIPHER_AES_256_CBC, P::pbes2},
    {GNUTLS_PKCS_PBES2_DES, "PBES2-DES-CBC", "1.3.14.3.2.7", GNUTLS_CIPHER_DES_CBC, P::pbes2},
    {GNUTLS_PKCS_PBES1_DES_MD5, "PBES1-DES-CBC-MD5", "1.2.840.113549.1.5.3", GNUTLS_CIPHER_DES_CBC, P::pbes1},
    {GNUTLS_PKCS_PBES2_GOST_TC26Z, "PBES2-GOST28147-89-TC26Z", "1.2.643.7.1.2.5.1.1", GNUTLS_CIPHER_GOST28147_TC26Z_CFB, P::pbes2},
    {GNUTLS_PKCS_PBES2_GOST_CPA, "PBES2-GOST28147-89-CPA", "1.2.643.2.2.31.1", GNUTLS_CIPHER_GOST28147_CPA_CFB, P::pbes2},
    {GNUTLS_PKCS_PBES2_GOST_CPB, "PBES2-GOST28147-89-CPB", "1.2.643.2.2.31.2", GNUTLS_CIPHER_GOST28147_CPB_CFB, P::pbes2},
    {GNUTLS_PKCS_PBES2_GOST_CPC, "PBES2-GOST28147-89-CPC", "1.2.643.2.2.31.3", GNUTLS_CIPHER_GOST28147_CPC_CFB, P::pbes2},
    {GNUTLS_PKCS_PBES2_GOST_CPD, "PBES2-GOST28147-89-CPD", "1.2.643.2.2.31.4", GNUTLS_CIPHER_GOST28147_CPD_CFB, P::pbes2},
};

// GnuTLS spells the last profile without "HMAC".
constexpr SrtpProfile kSrtpProfiles[] = {
    {GNUTLS_SRTP_AES128_CM_HMAC_SHA1_80, "SRTP_AES128_CM_HMAC_SHA1_80"},
    {GNUTLS_SRTP_AES128_CM_HMAC_SHA1_32, "SRTP_AES128_CM_HMAC_SHA1_32"},
    {GNUTLS_SRTP_NULL_HMAC_SHA1_80, "SRTP_NULL_HMAC_SHA1_80"},
    {GNUTLS_SRTP_NULL_HMAC_SHA1_32, "SRTP_NULL_SHA1_32"},
};

struct Name {
    int id;
    const char *name;
};

constexpr Name kPkcs11Types[] = {
    {GNUTLS_PKCS11_OBJ_X509_CRT, "X.509 Certificate"},
    {GNUTLS_PKCS11_OBJ_PUBKEY, "Public key"},
    {GNUTLS_PKCS11_OBJ_PRIVKEY, "Private key"},
    {GNUTLS_PKCS11_OBJ_SECRET_KEY, "Secret key"},
    {GNUTLS_PKCS11_OBJ_DATA, "Data"},
    {GNUTLS_PKCS11_OBJ_X509_CRT_EXTENSION, "X.509 certificate extension"},
};

constexpr Name kHandshakeNames[] = {
    {0, "HELLO REQUEST"},
    {1, "CLIENT HELLO"},
    {2, "SERVER HELLO"},
    {3, "HELLO VERIFY REQUEST"},
    {4, "NEW SESSION TICKET"},
    {5, "END OF EARLY DATA"},
    {8, "ENCRYPTED EXTENSIONS"},
    {11, "CERTIFICATE"},
    {12, "SERVER KEY EXCHANGE"},
    {13, "CERTIFICATE REQUEST"},
    {14, "SERVER HELLO DONE"},
    {15, "CERTIFICATE VERIFY"},
    {16, "CLIENT KEY EXCHANGE"},
    {20, "FINISHED"},
    {22, "CERTIFICATE STATUS"},
    {23, "SUPPLEMENTAL"},
    {24, "KEY_UPDATE"},
    {25, "COMPRESSED CERTIFICATE"},
    {254, "CHANGE CIPHER SPEC"},
    {1024, "SSL2 CLIENT HELLO"},
    {1025, "HELLO RETRY REQUEST"},
};

constexpr Alert kAlerts[] = {
    {GNUTLS_A_CLOSE_NOTIFY, "Close notify", "GNUTLS_A_CLOSE_NOTIFY"},
    {GNUTLS_A_UNEXPECTED_MESSAGE, "Unexpected message", "GNUTLS_A_UNEXPECTED_MESSAGE"},
    {GNUTLS_A_BAD_RECORD_MAC, "Bad record MAC", "GNUTLS_A_BAD_RECORD_MAC"},
    {GNUTLS_A_DECRYPTION_FAILED, "Decryption failed", "GNUTLS_A_DECRYPTION_FAILED"},
    {GNUTLS_A_RECORD_OVERFLOW, "Record overflow", "GNUTLS_A_RECORD_OVERFLOW"},
    {GNUTLS_A_DECOMPRESSION_FAILURE, "Decompression failed", "GNUTLS_A_DECOMPRESSION_FAILURE"},
    {GNUTLS_A_HANDSHAKE_FAILURE, "Handshake failed", "GNUTLS_A_HANDSHAKE_FAILURE"},
    {GNUTLS_A_SSL3_NO_CERTIFICATE, "No certificate (SSL 3.0)", "GNUTLS_A_SSL3_NO_CERTIFICATE"},
    {GNUTLS_A_BAD_CERTIFICATE, "Certificate is bad", "GNUTLS_A_BAD_CERTIFICATE"},
    {GNUTLS_A_UNSUPPORTED_CERTIFICATE, "Certificate is not supported", "GNUTLS_A_UNSUPPORTED_CERTIFICATE"},
    {GNUTLS_A_CERTIFICATE_REVOKED, "Certificate was revoked", "GNUTLS_A_CERTIFICATE_REVOKED"},
    {GNUTLS_A_CERTIFICATE_EXPIRED, "Certificate is expired", "GNUTLS_A_CERTIFICATE_EXPIRED"},
    {GNUTLS_A_CERTIFICATE_UNKNOWN, "Unknown certificate", "GNUTLS_A_CERTIFICATE_UNKNOWN"},
    {GNUTLS_A_ILLEGAL_PARAMETER, "Illegal parameter", "GNUTLS_A_ILLEGAL_PARAMETER"},
    {GNUTLS_A_UNKNOWN_CA, "CA is unknown", "GNUTLS_A_UNKNOWN_CA"},
    {GNUTLS_A_ACCESS_DENIED, "Access was denied", "GNUTLS_A_ACCESS_DENIED"},
    {GNUTLS_A_DECODE_ERROR, "Decode error", "GNUTLS_A_DECODE_ERROR"},
    {GNUTLS_A_DECRYPT_ERROR, "Decrypt error", "GNUTLS_A_DECRYPT_ERROR"},
    {GNUTLS_A_EXPORT_RESTRICTION, "Export restriction", "GNUTLS_A_EXPORT_RESTRICTION"},
    {GNUTLS_A_PROTOCOL_VERSION, "Error in protocol version", "GNUTLS_A_PROTOCOL_VERSION"},
    {GNUTLS_A_INSUFFICIENT_SECURITY, "Insufficient security", "GNUTLS_A_INSUFFICIENT_SECURITY"},
    {GNUTLS_A_INTERNAL_ERROR, "Internal error", "GNUTLS_A_INTERNAL_ERROR"},
    {GNUTLS_A_INAPPROPRIATE_FALLBACK, "Inappropriate fallback", "GNUTLS_A_INAPPROPRIATE_FALLBACK"},
    {GNUTLS_A_USER_CANCELED, "User canceled", "GNUTLS_A_USER_CANCELED"},
    {GNUTLS_A_NO_RENEGOTIATION, "No renegotiation is allowed", "GNUTLS_A_NO_RENEGOTIATION"},
    {GNUTLS_A_MISSING_EXTENSION, "An extension was expected but was not seen", "GNUTLS_A_MISSING_EXTENSION"},
    {GNUTLS_A_UNSUPPORTED_EXTENSION, "An unsupported extension was sent", "GNUTLS_A_UNSUPPORTED_EXTENSION"},
    {GNUTLS_A_CERTIFICATE_UNOBTAINABLE, "Could not retrieve the specified certificate", "GNUTLS_A_CERTIFICATE_UNOBTAINABLE"},
    {GNUTLS_A_UNRECOGNIZED_NAME, "The server name sent was not recognized", "GNUTLS_A_UNRECOGNIZED_NAME"},
    {GNUTLS_A_UNKNOWN_PSK_IDENTITY, "The SRP/PSK username is missing or not known", "GNUTLS_A_UNKNOWN_PSK_IDENTITY"},
    {GNUTLS_A_CERTIFICATE_REQUIRED, "Certificate is required", "GNUTLS_A_CERTIFICATE_REQUIRED"},
    {GNUTLS_A_NO_APPLICATION_PROTOCOL, "No supported application protocol could be negotiated", "GNUTLS_A_NO_APPLICATION_PROTOCOL"},
};

constexpr Extension kExtensions[] = {
    {0, "Server Name Indication"},
    {1, "Maximum Record Size"},
    {5, "OCSP Status Request"},
    {10, "Supported Groups"},
    {11, "Supported EC Point Formats"},
    {12, "SRP"},
    {13, "Signature Algorithms"},
    {14, "SRTP"},
    {15, "Heartbeat"},
    {16, "ALPN"},
    {19, "Client Certificate Type"},
    {20, "Server Certificate Type"},
    {21, "ClientHello Padding"},
    {22, "Encrypt-then-MAC"},
    {23, "Extended Master Secret"},
    {27, "Compress Certificate"},
    {28, "Record Size Limit"},
    {35, "Session Ticket"},
    {41, "Pre Shared Key"},
    {42, "Early Data"},
    {43, "Supported Versions"},
    {44, "Cookie"},
    {45, "PSK Key Exchange Modes"},
    {49, "Post Handshake Auth"},
    {51, "Key Share"},
    {65281, "Safe Renegotiation"},
};

}  // namespace

std::span<const CertType> cert_type_table() noexcept
{
    return kCertTypes;
}

const CertType *cert_type(int id) noexcept
{
    return detail::find(kCertTypes, [id](const CertType &c) { return c.id == id; });
}

const CertType *cert_type_by_name(std::string_view name) noexcept
{
    return detail::find(kCertTypes, [name](const CertType &c) {
        return detail::isame(c.id_names[0], name) || detail::isame(c.id_names[1], name);
    });
}

const gnutls_certificate_type_t *cert_type_list() noexcept
{
    return kCertTypeList.data();
}

const Compression *compression(int id) noexcept
{
    return detail::find(kCompressions, [id](const Compression &c) { return c.id == id; });
}

const Compression *compression_by_name(std::string_view name) noexcept
{
    return detail::find(kCompressions, [name](const Compression &c) { return iequals(c.name, name); });
}

const gnutls_compression_method_t *compression_list() noexcept
{
    return kCompressionList.data();
}

const VerifyProfile *verify_profile(int id) noexcept
{
    return detail::find(kProfiles, [id](const VerifyProfile &p) { return p.id == id; });
}

const VerifyProfile *verify_profile_by_name(std::string_view name) noexcept
{
    return detail::find(kProfiles, [name](const VerifyProfile &p) { return iequals(p.name, name); });
}

std::span<const PkcsSchema> pkcs_schema_table() noexcept
{
    return kPkcsSchemas;
}

const PkcsSchema *pkcs_schema(unsigned flags) noexcept
{
    const unsigned scheme = flags & ~static_cast<unsigned>(GNUTLS_PKCS_NULL_PASSWORD);
    return detail::find(kPkcsSchemas, [scheme](const PkcsSchema &p) { return p.flag == scheme; });
}

const SrtpProfile *srtp_profile(int id) noexcept
{
    return detail::find(kSrtpProfiles, [id](const SrtpProfile &p) { return p.id == id; });
}

const SrtpProfile *srtp_profile_by_name(std::string_view name) noexcept
{
    return detail::find(kSrtpProfiles, [name](const SrtpProfile &p) { return detail::same(p.name, name); });
}

const char *pkcs11_type_name(int type) noexcept
{
    const Name *n = detail::find(kPkcs11Types, [type](const Name &r) { return r.id == type; });
    return n != nullptr ? n->name : "Unknown";
}

const char *handshake_name(int type) noexcept
{
    const Name *n = detail::find(kHandshakeNames, [type](const Name &r) { return r.id == type; });
    return n != nullptr ? n->name : "Unknown Handshake packet";
}

const Alert *alert(int id) noexcept
{
    return detail::find(kAlerts, [id](const Alert &a) { return a.id == id; });
}

std::span<const Extension> extension_table() noexcept
{
    return kExtensions;
}

const Extension *extension(unsigned tls_id) noexcept
{
    return detail::find(kExtensions, [tls_id](const Extension &e) { return e.tls_id == tls_id; });
}

}  // namespace tlshim::algo
