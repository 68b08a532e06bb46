// SPDX-License-Identifier: LGPL-2.1-or-later
// The table of error codes.
#include "core/algo/errors.hh"

#include <gnutls/gnutls.h>

#include "core/algo/table.hh"

namespace tlshim::algo {
namespace {

constexpr std::uint8_t W = GNUTLS_AL_WARNING;
constexpr std::uint8_t F = GNUTLS_AL_FATAL;

// code, name, description, fatal, alert, alert level
constexpr ErrorInfo kErrors[] = {
    {GNUTLS_E_SUCCESS, "GNUTLS_E_SUCCESS", "The operation succeeded.", false, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNKNOWN_COMPRESSION_ALGORITHM, "GNUTLS_E_UNKNOWN_COMPRESSION_ALGORITHM", "The compression method is not known or not supported.", true, GNUTLS_A_ILLEGAL_PARAMETER, F},
    {GNUTLS_E_UNKNOWN_CIPHER_TYPE, "GNUTLS_E_UNKNOWN_CIPHER_TYPE", "The cipher is not known or not supported.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_LARGE_PACKET, "GNUTLS_E_LARGE_PACKET", "The data is larger than a record may carry.", false, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNSUPPORTED_VERSION_PACKET, "GNUTLS_E_UNSUPPORTED_VERSION_PACKET", "The peer uses a protocol version that is not supported.", true, GNUTLS_A_PROTOCOL_VERSION, F},
    {GNUTLS_E_UNEXPECTED_PACKET_LENGTH, "GNUTLS_E_UNEXPECTED_PACKET_LENGTH", "A received message has an invalid length; the connection may have been cut.", true, GNUTLS_A_DECODE_ERROR, F},
    {GNUTLS_E_INVALID_SESSION, "GNUTLS_E_INVALID_SESSION", "The session is not valid or has been invalidated.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_FATAL_ALERT_RECEIVED, "GNUTLS_E_FATAL_ALERT_RECEIVED", "The peer sent a fatal alert.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNEXPECTED_PACKET, "GNUTLS_E_UNEXPECTED_PACKET", "A message of an unexpected type was received.", true, GNUTLS_A_UNEXPECTED_MESSAGE, F},
    {GNUTLS_E_WARNING_ALERT_RECEIVED, "GNUTLS_E_WARNING_ALERT_RECEIVED", "The peer sent a warning alert.", false, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_ERROR_IN_FINISHED_PACKET, "GNUTLS_E_ERROR_IN_FINISHED_PACKET", "The Finished message did not verify.", true, GNUTLS_A_DECRYPT_ERROR, F},
    {GNUTLS_E_UNEXPECTED_HANDSHAKE_PACKET, "GNUTLS_E_UNEXPECTED_HANDSHAKE_PACKET", "A handshake message arrived out of order.", true, GNUTLS_A_UNEXPECTED_MESSAGE, F},
    {GNUTLS_E_UNKNOWN_CIPHER_SUITE, "GNUTLS_E_UNKNOWN_CIPHER_SUITE", "No acceptable cipher suite is shared with the peer.", true, GNUTLS_A_HANDSHAKE_FAILURE, F},
    {GNUTLS_E_UNWANTED_ALGORITHM, "GNUTLS_E_UNWANTED_ALGORITHM", "The peer selected an algorithm that is not allowed.", true, GNUTLS_A_HANDSHAKE_FAILURE, F},
    {GNUTLS_E_MPI_SCAN_FAILED, "GNUTLS_E_MPI_SCAN_FAILED", "A big integer could not be decoded.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_DECRYPTION_FAILED, "GNUTLS_E_DECRYPTION_FAILED", "A record failed to decrypt or authenticate.", true, GNUTLS_A_BAD_RECORD_MAC, F},
    {GNUTLS_E_MEMORY_ERROR, "GNUTLS_E_MEMORY_ERROR", "Out of memory.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_DECOMPRESSION_FAILED, "GNUTLS_E_DECOMPRESSION_FAILED", "Decompressing a record failed.", true, GNUTLS_A_DECOMPRESSION_FAILURE, F},
    {GNUTLS_E_COMPRESSION_FAILED, "GNUTLS_E_COMPRESSION_FAILED", "Compressing a record failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_AGAIN, "GNUTLS_E_AGAIN", "The operation would block; call it again later.", false, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_EXPIRED, "GNUTLS_E_EXPIRED", "The session or the data has expired.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_DB_ERROR, "GNUTLS_E_DB_ERROR", "The session cache reported an error.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_SRP_PWD_ERROR, "GNUTLS_E_SRP_PWD_ERROR", "The password or key file could not be used.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_INSUFFICIENT_CREDENTIALS, "GNUTLS_E_INSUFFICIENT_CREDENTIALS", "The credentials are missing or not enough for this operation.", true, GNUTLS_A_HANDSHAKE_FAILURE, F},
    {GNUTLS_E_HASH_FAILED, "GNUTLS_E_HASH_FAILED", "Computing a hash failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_BASE64_DECODING_ERROR, "GNUTLS_E_BASE64_DECODING_ERROR", "The data is not valid base64.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_MPI_PRINT_FAILED, "GNUTLS_E_MPI_PRINT_FAILED", "A big integer could not be encoded.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_REHANDSHAKE, "GNUTLS_E_REHANDSHAKE", "The peer asks for a new handshake.", false, GNUTLS_A_NO_RENEGOTIATION, W},
    {GNUTLS_E_GOT_APPLICATION_DATA, "GNUTLS_E_GOT_APPLICATION_DATA", "Application data arrived while a handshake was expected.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_RECORD_LIMIT_REACHED, "GNUTLS_E_RECORD_LIMIT_REACHED", "Too many records were sent under the same keys.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_ENCRYPTION_FAILED, "GNUTLS_E_ENCRYPTION_FAILED", "Encrypting a record failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_CERTIFICATE_ERROR, "GNUTLS_E_CERTIFICATE_ERROR", "The certificate could not be used.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_PK_ENCRYPTION_FAILED, "GNUTLS_E_PK_ENCRYPTION_FAILED", "Public-key encryption failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PK_DECRYPTION_FAILED, "GNUTLS_E_PK_DECRYPTION_FAILED", "Public-key decryption failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PK_SIGN_FAILED, "GNUTLS_E_PK_SIGN_FAILED", "Creating a signature failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_X509_UNSUPPORTED_CRITICAL_EXTENSION, "GNUTLS_E_X509_UNSUPPORTED_CRITICAL_EXTENSION", "The certificate has a critical extension that is not understood.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_KEY_USAGE_VIOLATION, "GNUTLS_E_KEY_USAGE_VIOLATION", "The key usage of the certificate does not allow this operation.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_NO_CERTIFICATE_FOUND, "GNUTLS_E_NO_CERTIFICATE_FOUND", "No certificate was found, or the peer sent none.", true, GNUTLS_A_DECODE_ERROR, F},
    {GNUTLS_E_INVALID_REQUEST, "GNUTLS_E_INVALID_REQUEST", "The arguments or the state do not allow this request.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_SHORT_MEMORY_BUFFER, "GNUTLS_E_SHORT_MEMORY_BUFFER", "The output buffer is too small.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_INTERRUPTED, "GNUTLS_E_INTERRUPTED", "The operation was interrupted; call it again.", false, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PUSH_ERROR, "GNUTLS_E_PUSH_ERROR", "Sending data to the transport failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PULL_ERROR, "GNUTLS_E_PULL_ERROR", "Receiving data from the transport failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER, "GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER", "The peer sent an illegal parameter.", true, GNUTLS_A_ILLEGAL_PARAMETER, F},
    {GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE, "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE", "The requested item is not present.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS1_WRONG_PAD, "GNUTLS_E_PKCS1_WRONG_PAD", "The PKCS #1 padding is invalid.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_RECEIVED_ILLEGAL_EXTENSION, "GNUTLS_E_RECEIVED_ILLEGAL_EXTENSION", "The peer sent an extension that is not allowed here.", true, GNUTLS_A_UNSUPPORTED_EXTENSION, F},
    {GNUTLS_E_INTERNAL_ERROR, "GNUTLS_E_INTERNAL_ERROR", "An internal error occurred in the library.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_CERTIFICATE_KEY_MISMATCH, "GNUTLS_E_CERTIFICATE_KEY_MISMATCH", "The private key does not belong to the certificate.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNSUPPORTED_CERTIFICATE_TYPE, "GNUTLS_E_UNSUPPORTED_CERTIFICATE_TYPE", "The certificate type is not supported.", true, GNUTLS_A_UNSUPPORTED_CERTIFICATE, F},
    {GNUTLS_E_X509_UNKNOWN_SAN, "GNUTLS_E_X509_UNKNOWN_SAN", "The subject alternative name type is not known.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_DH_PRIME_UNACCEPTABLE, "GNUTLS_E_DH_PRIME_UNACCEPTABLE", "The Diffie-Hellman prime of the peer is not acceptable.", true, GNUTLS_A_INSUFFICIENT_SECURITY, F},
    {GNUTLS_E_FILE_ERROR, "GNUTLS_E_FILE_ERROR", "A file could not be read or written.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_ASN1_ELEMENT_NOT_FOUND, "GNUTLS_E_ASN1_ELEMENT_NOT_FOUND", "ASN.1: a required element is missing.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_ASN1_IDENTIFIER_NOT_FOUND, "GNUTLS_E_ASN1_IDENTIFIER_NOT_FOUND", "ASN.1: an identifier was not found.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_ASN1_DER_ERROR, "GNUTLS_E_ASN1_DER_ERROR", "ASN.1: the DER encoding is invalid.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_ASN1_VALUE_NOT_FOUND, "GNUTLS_E_ASN1_VALUE_NOT_FOUND", "ASN.1: a value is missing.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_ASN1_GENERIC_ERROR, "GNUTLS_E_ASN1_GENERIC_ERROR", "ASN.1: the structure could not be processed.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_ASN1_VALUE_NOT_VALID, "GNUTLS_E_ASN1_VALUE_NOT_VALID", "ASN.1: a value is not valid.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_ASN1_TAG_ERROR, "GNUTLS_E_ASN1_TAG_ERROR", "ASN.1: an unexpected tag was found.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_ASN1_TAG_IMPLICIT, "GNUTLS_E_ASN1_TAG_IMPLICIT", "ASN.1: an implicit tag is not valid here.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_ASN1_TYPE_ANY_ERROR, "GNUTLS_E_ASN1_TYPE_ANY_ERROR", "ASN.1: an ANY value could not be processed.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_ASN1_SYNTAX_ERROR, "GNUTLS_E_ASN1_SYNTAX_ERROR", "ASN.1: syntax error in the definitions.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_ASN1_DER_OVERFLOW, "GNUTLS_E_ASN1_DER_OVERFLOW", "ASN.1: the encoding runs past the end of the data.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_TOO_MANY_EMPTY_PACKETS, "GNUTLS_E_TOO_MANY_EMPTY_PACKETS", "Too many empty records were received.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_OPENPGP_UID_REVOKED, "GNUTLS_E_OPENPGP_UID_REVOKED", "The OpenPGP user ID has been revoked.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNKNOWN_PK_ALGORITHM, "GNUTLS_E_UNKNOWN_PK_ALGORITHM", "The public-key algorithm is not known or not supported.", true, GNUTLS_A_HANDSHAKE_FAILURE, F},
    {GNUTLS_E_TOO_MANY_HANDSHAKE_PACKETS, "GNUTLS_E_TOO_MANY_HANDSHAKE_PACKETS", "Too many handshake messages were received.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_RECEIVED_DISALLOWED_NAME, "GNUTLS_E_RECEIVED_DISALLOWED_NAME", "The peer sent a name that is not allowed.", true, GNUTLS_A_ILLEGAL_PARAMETER, F},
    {GNUTLS_E_NO_TEMPORARY_RSA_PARAMS, "GNUTLS_E_NO_TEMPORARY_RSA_PARAMS", "No temporary RSA parameters are available.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_NO_COMPRESSION_ALGORITHMS, "GNUTLS_E_NO_COMPRESSION_ALGORITHMS", "No compression method is shared with the peer.", true, GNUTLS_A_HANDSHAKE_FAILURE, F},
    {GNUTLS_E_NO_CIPHER_SUITES, "GNUTLS_E_NO_CIPHER_SUITES", "No cipher suite is enabled.", true, GNUTLS_A_HANDSHAKE_FAILURE, F},
    {GNUTLS_E_OPENPGP_GETKEY_FAILED, "GNUTLS_E_OPENPGP_GETKEY_FAILED", "The OpenPGP key could not be retrieved.", true, GNUTLS_A_CERTIFICATE_UNOBTAINABLE, F},
    {GNUTLS_E_PK_SIG_VERIFY_FAILED, "GNUTLS_E_PK_SIG_VERIFY_FAILED", "The signature did not verify.", true, GNUTLS_A_DECRYPT_ERROR, F},
    {GNUTLS_E_ILLEGAL_SRP_USERNAME, "GNUTLS_E_ILLEGAL_SRP_USERNAME", "The SRP user name is not valid.", true, GNUTLS_A_ILLEGAL_PARAMETER, F},
    {GNUTLS_E_SRP_PWD_PARSING_ERROR, "GNUTLS_E_SRP_PWD_PARSING_ERROR", "The password or key file could not be parsed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_NO_TEMPORARY_DH_PARAMS, "GNUTLS_E_NO_TEMPORARY_DH_PARAMS", "No Diffie-Hellman parameters are available.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_OPENPGP_FINGERPRINT_UNSUPPORTED, "GNUTLS_E_OPENPGP_FINGERPRINT_UNSUPPORTED", "OpenPGP fingerprints are not supported.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_X509_UNSUPPORTED_ATTRIBUTE, "GNUTLS_E_X509_UNSUPPORTED_ATTRIBUTE", "The certificate attribute is not supported.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNKNOWN_HASH_ALGORITHM, "GNUTLS_E_UNKNOWN_HASH_ALGORITHM", "The hash algorithm is not known or not supported.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNKNOWN_PKCS_CONTENT_TYPE, "GNUTLS_E_UNKNOWN_PKCS_CONTENT_TYPE", "The PKCS content type is not known.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNKNOWN_PKCS_BAG_TYPE, "GNUTLS_E_UNKNOWN_PKCS_BAG_TYPE", "The PKCS #12 bag type is not known.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_INVALID_PASSWORD, "GNUTLS_E_INVALID_PASSWORD", "The password is wrong or the data is damaged.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_MAC_VERIFY_FAILED, "GNUTLS_E_MAC_VERIFY_FAILED", "The MAC did not verify; the password may be wrong.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_CONSTRAINT_ERROR, "GNUTLS_E_CONSTRAINT_ERROR", "A certificate constraint is not satisfied.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_IA_VERIFY_FAILED, "GNUTLS_E_IA_VERIFY_FAILED", "Inner application verification failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNKNOWN_ALGORITHM, "GNUTLS_E_UNKNOWN_ALGORITHM", "The algorithm is not known or not supported.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM, "GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM", "The signature algorithm is not supported or not allowed.", true, GNUTLS_A_HANDSHAKE_FAILURE, F},
    {GNUTLS_E_SAFE_RENEGOTIATION_FAILED, "GNUTLS_E_SAFE_RENEGOTIATION_FAILED", "The secure renegotiation check failed.", true, GNUTLS_A_HANDSHAKE_FAILURE, F},
    {GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED, "GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED", "Renegotiation without secure renegotiation support was refused.", true, GNUTLS_A_NO_RENEGOTIATION, W},
    {GNUTLS_E_UNKNOWN_SRP_USERNAME, "GNUTLS_E_UNKNOWN_SRP_USERNAME", "The SRP user name is not known.", true, GNUTLS_A_UNKNOWN_PSK_IDENTITY, F},
    {GNUTLS_E_PREMATURE_TERMINATION, "GNUTLS_E_PREMATURE_TERMINATION", "The connection was closed without a proper TLS shutdown.", true, GNUTLS_A_UNEXPECTED_MESSAGE, F},
    {GNUTLS_E_MALFORMED_CIDR, "GNUTLS_E_MALFORMED_CIDR", "The CIDR notation is malformed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_CERTIFICATE_REQUIRED, "GNUTLS_E_CERTIFICATE_REQUIRED", "The peer requires a certificate.", true, GNUTLS_A_CERTIFICATE_REQUIRED, F},
    {GNUTLS_E_BASE64_ENCODING_ERROR, "GNUTLS_E_BASE64_ENCODING_ERROR", "Base64 encoding failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_INCOMPATIBLE_GCRYPT_LIBRARY, "GNUTLS_E_INCOMPATIBLE_GCRYPT_LIBRARY", "The crypto library version is not compatible.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_INCOMPATIBLE_LIBTASN1_LIBRARY, "GNUTLS_E_INCOMPATIBLE_LIBTASN1_LIBRARY", "The libtasn1 library version is not compatible.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_OPENPGP_KEYRING_ERROR, "GNUTLS_E_OPENPGP_KEYRING_ERROR", "The OpenPGP keyring could not be used.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_X509_UNSUPPORTED_OID, "GNUTLS_E_X509_UNSUPPORTED_OID", "The object identifier is not supported.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_RANDOM_FAILED, "GNUTLS_E_RANDOM_FAILED", "Generating random data failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR, "GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR", "The PEM header is not the one expected.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_OPENPGP_SUBKEY_ERROR, "GNUTLS_E_OPENPGP_SUBKEY_ERROR", "The OpenPGP subkey could not be used.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_CRYPTO_ALREADY_REGISTERED, "GNUTLS_E_CRYPTO_ALREADY_REGISTERED", "An implementation is already registered for this algorithm.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_HANDSHAKE_TOO_LARGE, "GNUTLS_E_HANDSHAKE_TOO_LARGE", "A handshake message is too large.", true, GNUTLS_A_DECODE_ERROR, F},
    {GNUTLS_E_CRYPTODEV_IOCTL_ERROR, "GNUTLS_E_CRYPTODEV_IOCTL_ERROR", "A crypto device request failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_CRYPTODEV_DEVICE_ERROR, "GNUTLS_E_CRYPTODEV_DEVICE_ERROR", "The crypto device could not be opened.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_CHANNEL_BINDING_NOT_AVAILABLE, "GNUTLS_E_CHANNEL_BINDING_NOT_AVAILABLE", "The channel binding data is not available.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_BAD_COOKIE, "GNUTLS_E_BAD_COOKIE", "The DTLS cookie is not valid.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_OPENPGP_PREFERRED_KEY_ERROR, "GNUTLS_E_OPENPGP_PREFERRED_KEY_ERROR", "The preferred OpenPGP key could not be used.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_INCOMPAT_DSA_KEY_WITH_TLS_PROTOCOL, "GNUTLS_E_INCOMPAT_DSA_KEY_WITH_TLS_PROTOCOL", "This DSA key cannot be used with the negotiated protocol version.", true, GNUTLS_A_HANDSHAKE_FAILURE, F},
    {GNUTLS_E_INSUFFICIENT_SECURITY, "GNUTLS_E_INSUFFICIENT_SECURITY", "The peer offers less security than required.", true, GNUTLS_A_INSUFFICIENT_SECURITY, F},
    {GNUTLS_E_HEARTBEAT_PONG_RECEIVED, "GNUTLS_E_HEARTBEAT_PONG_RECEIVED", "A heartbeat response was received.", false, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_HEARTBEAT_PING_RECEIVED, "GNUTLS_E_HEARTBEAT_PING_RECEIVED", "A heartbeat request was received.", false, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNRECOGNIZED_NAME, "GNUTLS_E_UNRECOGNIZED_NAME", "The server name sent is not recognized.", true, GNUTLS_A_UNRECOGNIZED_NAME, F},
    {GNUTLS_E_PKCS11_ERROR, "GNUTLS_E_PKCS11_ERROR", "PKCS #11: the module reported an error.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_LOAD_ERROR, "GNUTLS_E_PKCS11_LOAD_ERROR", "PKCS #11: the module could not be loaded.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PARSING_ERROR, "GNUTLS_E_PARSING_ERROR", "The input could not be parsed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_PIN_ERROR, "GNUTLS_E_PKCS11_PIN_ERROR", "PKCS #11: the PIN was not accepted.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_SLOT_ERROR, "GNUTLS_E_PKCS11_SLOT_ERROR", "PKCS #11: slot error.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_LOCKING_ERROR, "GNUTLS_E_LOCKING_ERROR", "A lock could not be taken or released.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_ATTRIBUTE_ERROR, "GNUTLS_E_PKCS11_ATTRIBUTE_ERROR", "PKCS #11: attribute error.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_DEVICE_ERROR, "GNUTLS_E_PKCS11_DEVICE_ERROR", "PKCS #11: device error.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_DATA_ERROR, "GNUTLS_E_PKCS11_DATA_ERROR", "PKCS #11: data error.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_UNSUPPORTED_FEATURE_ERROR, "GNUTLS_E_PKCS11_UNSUPPORTED_FEATURE_ERROR", "PKCS #11: the feature is not supported.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_KEY_ERROR, "GNUTLS_E_PKCS11_KEY_ERROR", "PKCS #11: key error.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_PIN_EXPIRED, "GNUTLS_E_PKCS11_PIN_EXPIRED", "PKCS #11: the PIN has expired.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_PIN_LOCKED, "GNUTLS_E_PKCS11_PIN_LOCKED", "PKCS #11: the PIN is locked.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_SESSION_ERROR, "GNUTLS_E_PKCS11_SESSION_ERROR", "PKCS #11: session error.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_SIGNATURE_ERROR, "GNUTLS_E_PKCS11_SIGNATURE_ERROR", "PKCS #11: signature error.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_TOKEN_ERROR, "GNUTLS_E_PKCS11_TOKEN_ERROR", "PKCS #11: token error.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PKCS11_USER_ERROR, "GNUTLS_E_PKCS11_USER_ERROR", "PKCS #11: user error.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_CRYPTO_INIT_FAILED, "GNUTLS_E_CRYPTO_INIT_FAILED", "The cryptographic back end could not be initialized.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_TIMEDOUT, "GNUTLS_E_TIMEDOUT", "The operation timed out.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_USER_ERROR, "GNUTLS_E_USER_ERROR", "The operation was cancelled by the application.", true, GNUTLS_A_USER_CANCELED, F},
    {GNUTLS_E_ECC_NO_SUPPORTED_CURVES, "GNUTLS_E_ECC_NO_SUPPORTED_CURVES", "No elliptic curve is shared with the peer.", true, GNUTLS_A_HANDSHAKE_FAILURE, F},
    {GNUTLS_E_ECC_UNSUPPORTED_CURVE, "GNUTLS_E_ECC_UNSUPPORTED_CURVE", "The elliptic curve is not supported.", true, GNUTLS_A_HANDSHAKE_FAILURE, F},
    {GNUTLS_E_PKCS11_REQUESTED_OBJECT_NOT_AVAILBLE, "GNUTLS_E_PKCS11_REQUESTED_OBJECT_NOT_AVAILBLE", "PKCS #11: the requested object is not available.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_CERTIFICATE_LIST_UNSORTED, "GNUTLS_E_CERTIFICATE_LIST_UNSORTED", "The certificate chain is not in order.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_ILLEGAL_PARAMETER, "GNUTLS_E_ILLEGAL_PARAMETER", "A parameter is not valid.", true, GNUTLS_A_ILLEGAL_PARAMETER, F},
    {GNUTLS_E_NO_PRIORITIES_WERE_SET, "GNUTLS_E_NO_PRIORITIES_WERE_SET", "No usable priorities are set.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_X509_UNSUPPORTED_EXTENSION, "GNUTLS_E_X509_UNSUPPORTED_EXTENSION", "The certificate extension is not supported.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_SESSION_EOF, "GNUTLS_E_SESSION_EOF", "The peer closed the session.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_TPM_ERROR, "GNUTLS_E_TPM_ERROR", "TPM: the operation failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_TPM_KEY_PASSWORD_ERROR, "GNUTLS_E_TPM_KEY_PASSWORD_ERROR", "TPM: the key password was not accepted.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_TPM_SRK_PASSWORD_ERROR, "GNUTLS_E_TPM_SRK_PASSWORD_ERROR", "TPM: the SRK password was not accepted.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_TPM_SESSION_ERROR, "GNUTLS_E_TPM_SESSION_ERROR", "TPM: the session could not be opened.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_TPM_KEY_NOT_FOUND, "GNUTLS_E_TPM_KEY_NOT_FOUND", "TPM: the key was not found.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_TPM_UNINITIALIZED, "GNUTLS_E_TPM_UNINITIALIZED", "TPM: the device is not initialized.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_TPM_NO_LIB, "GNUTLS_E_TPM_NO_LIB", "TPM: support library not available.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_NO_CERTIFICATE_STATUS, "GNUTLS_E_NO_CERTIFICATE_STATUS", "No certificate status (OCSP) response was received.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_OCSP_RESPONSE_ERROR, "GNUTLS_E_OCSP_RESPONSE_ERROR", "The OCSP response is not usable.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_RANDOM_DEVICE_ERROR, "GNUTLS_E_RANDOM_DEVICE_ERROR", "The system random source could not be used.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_AUTH_ERROR, "GNUTLS_E_AUTH_ERROR", "Authentication failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_NO_APPLICATION_PROTOCOL, "GNUTLS_E_NO_APPLICATION_PROTOCOL", "No application protocol (ALPN) is shared with the peer.", true, GNUTLS_A_NO_APPLICATION_PROTOCOL, F},
    {GNUTLS_E_SOCKETS_INIT_ERROR, "GNUTLS_E_SOCKETS_INIT_ERROR", "The socket layer could not be initialized.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_KEY_IMPORT_FAILED, "GNUTLS_E_KEY_IMPORT_FAILED", "The key could not be imported.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_INAPPROPRIATE_FALLBACK, "GNUTLS_E_INAPPROPRIATE_FALLBACK", "A version fallback was detected and refused.", true, GNUTLS_A_INAPPROPRIATE_FALLBACK, F},
    {GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR, "GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR", "The certificate failed verification.", true, GNUTLS_A_BAD_CERTIFICATE, F},
    {GNUTLS_E_PRIVKEY_VERIFICATION_ERROR, "GNUTLS_E_PRIVKEY_VERIFICATION_ERROR", "The private key failed its consistency check.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNEXPECTED_EXTENSIONS_LENGTH, "GNUTLS_E_UNEXPECTED_EXTENSIONS_LENGTH", "The extensions block has an invalid length.", true, GNUTLS_A_DECODE_ERROR, F},
    {GNUTLS_E_ASN1_EMBEDDED_NULL_IN_STRING, "GNUTLS_E_ASN1_EMBEDDED_NULL_IN_STRING", "ASN.1: a string contains a NUL character.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_SELF_TEST_ERROR, "GNUTLS_E_SELF_TEST_ERROR", "A self test failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_NO_SELF_TEST, "GNUTLS_E_NO_SELF_TEST", "No self test exists for this algorithm.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_LIB_IN_ERROR_STATE, "GNUTLS_E_LIB_IN_ERROR_STATE", "The library is in an error state and refuses to operate.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PK_GENERATION_ERROR, "GNUTLS_E_PK_GENERATION_ERROR", "Key generation failed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_IDNA_ERROR, "GNUTLS_E_IDNA_ERROR", "The internationalized name could not be converted.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_SESSION_USER_ID_CHANGED, "GNUTLS_E_SESSION_USER_ID_CHANGED", "The peer identity changed during renegotiation.", true, GNUTLS_A_INSUFFICIENT_SECURITY, F},
    {GNUTLS_E_HANDSHAKE_DURING_FALSE_START, "GNUTLS_E_HANDSHAKE_DURING_FALSE_START", "A handshake cannot run during false start.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE, "GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE", "This is not available while the handshake is running.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PK_INVALID_PUBKEY, "GNUTLS_E_PK_INVALID_PUBKEY", "The public key is not valid.", true, GNUTLS_A_ILLEGAL_PARAMETER, F},
    {GNUTLS_E_PK_INVALID_PRIVKEY, "GNUTLS_E_PK_INVALID_PRIVKEY", "The private key is not valid.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_NOT_YET_ACTIVATED, "GNUTLS_E_NOT_YET_ACTIVATED", "The item is not yet valid.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_INVALID_UTF8_STRING, "GNUTLS_E_INVALID_UTF8_STRING", "The string is not valid UTF-8.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_NO_EMBEDDED_DATA, "GNUTLS_E_NO_EMBEDDED_DATA", "The structure contains no embedded data.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_INVALID_UTF8_EMAIL, "GNUTLS_E_INVALID_UTF8_EMAIL", "The e-mail address is not valid UTF-8.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_INVALID_PASSWORD_STRING, "GNUTLS_E_INVALID_PASSWORD_STRING", "The password contains characters that are not allowed.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_CERTIFICATE_TIME_ERROR, "GNUTLS_E_CERTIFICATE_TIME_ERROR", "The certificate is expired or not yet valid.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_RECORD_OVERFLOW, "GNUTLS_E_RECORD_OVERFLOW", "A received record is larger than allowed.", true, GNUTLS_A_RECORD_OVERFLOW, F},
    {GNUTLS_E_ASN1_TIME_ERROR, "GNUTLS_E_ASN1_TIME_ERROR", "ASN.1: the time value is not valid.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY, "GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY", "The signature algorithm does not fit the key.", true, GNUTLS_A_ILLEGAL_PARAMETER, F},
    {GNUTLS_E_PK_INVALID_PUBKEY_PARAMS, "GNUTLS_E_PK_INVALID_PUBKEY_PARAMS", "The public key parameters are not valid.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_PK_NO_VALIDATION_PARAMS, "GNUTLS_E_PK_NO_VALIDATION_PARAMS", "The key lacks the parameters needed to validate it.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_OCSP_MISMATCH_WITH_CERTS, "GNUTLS_E_OCSP_MISMATCH_WITH_CERTS", "The OCSP response does not match the certificates.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_NO_COMMON_KEY_SHARE, "GNUTLS_E_NO_COMMON_KEY_SHARE", "No key share group is shared with the peer.", true, GNUTLS_A_HANDSHAKE_FAILURE, F},
    {GNUTLS_E_REAUTH_REQUEST, "GNUTLS_E_REAUTH_REQUEST", "The peer asks for re-authentication.", false, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_TOO_MANY_MATCHES, "GNUTLS_E_TOO_MANY_MATCHES", "More than one item matches.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_CRL_VERIFICATION_ERROR, "GNUTLS_E_CRL_VERIFICATION_ERROR", "The revocation list failed verification.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_MISSING_EXTENSION, "GNUTLS_E_MISSING_EXTENSION", "A required extension is missing.", true, GNUTLS_A_MISSING_EXTENSION, F},
    {GNUTLS_E_DB_ENTRY_EXISTS, "GNUTLS_E_DB_ENTRY_EXISTS", "The session cache already holds this entry.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_EARLY_DATA_REJECTED, "GNUTLS_E_EARLY_DATA_REJECTED", "The server rejected the early data.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_X509_DUPLICATE_EXTENSION, "GNUTLS_E_X509_DUPLICATE_EXTENSION", "The certificate contains the same extension twice.", true, GNUTLS_A_INTERNAL_ERROR, F},
    {GNUTLS_E_UNIMPLEMENTED_FEATURE, "GNUTLS_E_UNIMPLEMENTED_FEATURE", "This feature is not implemented.", true, GNUTLS_A_INTERNAL_ERROR, F},
};

constexpr const char *kUnknownMessage = "Unknown error code.";

}  // namespace

std::span<const ErrorInfo> error_table() noexcept
{
    return kErrors;
}

const ErrorInfo *error_info(int code) noexcept
{
    return detail::find(kErrors, [code](const ErrorInfo &e) { return e.code == code; });
}

const char *error_message(int code) noexcept
{
    const ErrorInfo *e = error_info(code);
    return e != nullptr ? e->message : kUnknownMessage;
}

const char *unknown_error_message() noexcept
{
    return kUnknownMessage;
}

bool error_is_fatal(int code) noexcept
{
    if (code >= 0)
        return false;
    const ErrorInfo *e = error_info(code);
    return e == nullptr || e->fatal;
}

int error_to_alert(int code, int *level) noexcept
{
    const ErrorInfo *e = error_info(code);
    int alert = GNUTLS_A_INTERNAL_ERROR;
    int lvl = GNUTLS_AL_FATAL;
    if (e != nullptr) {
        alert = e->alert;
        lvl = e->level;
    }
    if (level != nullptr)
        *level = lvl;
    return alert;
}

}  // namespace tlshim::algo
