// SPDX-License-Identifier: LGPL-2.1-or-later
// The handshake messages of TLS 1.0 to 1.3: one plain structure per message
// body, a strict parse() and a write() for each.
//
// parse(body, out) reads a message body (without the 4-byte handshake
// header) through Reader, checks every length bound of the RFCs'
// presentation language and refuses leftover bytes.  Spans in `out` point
// into `body`: the caller keeps the handshake buffer alive while it uses
// the message.  Errors map to the alerts of RFC 8446 section 6.2 through
// algo::error_to_alert(): malformed lengths are Err::unexpected_packet_length
// (decode_error), values the protocol forbids Err::received_illegal_parameter
// (illegal_parameter); see extensions.hh for the extension errors.
//
// write(msg, w) writes the body; write_message() adds the handshake header.
// A writer returns false when a field breaks a bound (nothing useful is
// left in the Writer then) or the Writer fails.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/tls/extensions.hh"

namespace tlshim::tls {

// IANA "TLS HandshakeType" registry.
enum class HandshakeType : std::uint8_t {
    hello_request = 0,
    client_hello = 1,
    server_hello = 2,
    hello_verify_request = 3,
    new_session_ticket = 4,
    end_of_early_data = 5,
    hello_retry_request = 6,  // only in extension tables; sent as server_hello
    encrypted_extensions = 8,
    request_connection_id = 9,
    new_connection_id = 10,
    certificate = 11,
    server_key_exchange = 12,
    certificate_request = 13,
    server_hello_done = 14,
    certificate_verify = 15,
    client_key_exchange = 16,
    client_certificate_request = 17,
    finished = 20,
    certificate_url = 21,
    certificate_status = 22,
    supplemental_data = 23,
    key_update = 24,
    compressed_certificate = 25,
    ekt_key = 26,
    message_hash = 254,
};

inline constexpr std::uint16_t kSsl30 = 0x0300;
inline constexpr std::uint16_t kTls10 = 0x0301;
inline constexpr std::uint16_t kTls11 = 0x0302;
inline constexpr std::uint16_t kTls12 = 0x0303;
inline constexpr std::uint16_t kTls13 = 0x0304;

inline constexpr std::size_t kRandomSize = 32;
inline constexpr std::size_t kHandshakeHeaderSize = 4;

// RFC 8446 section 4.1.3: the random of a HelloRetryRequest
// (SHA-256 of "HelloRetryRequest") and the downgrade sentinels in the last
// eight bytes of a ServerHello random.
extern const std::array<std::uint8_t, kRandomSize> kHelloRetryRandom;
extern const std::array<std::uint8_t, 8> kDowngradeTls12;
extern const std::array<std::uint8_t, 8> kDowngradeTls11;

// ---- Framing --------------------------------------------------------------

// Splits a whole message (header included) into type and body; the body
// length must match the header exactly.
Err parse_handshake(Bytes msg, HandshakeType &type, Bytes &body) noexcept;
// Opens a message: writes the type and a placeholder 3-byte length.
Writer::Vec begin_message(Writer &w, HandshakeType type) noexcept;
bool end_message(Writer &w, Writer::Vec v) noexcept;

// ---- Hello messages -------------------------------------------------------

struct ClientHello {
    std::uint16_t legacy_version = kTls12;
    Bytes random;               // 32 bytes
    Bytes session_id;           // <0..32>
    U16List cipher_suites;      // <2..2^16-2>
    Bytes compression_methods;  // <1..2^8-1>
    bool has_extensions = false;  // an SSL 3 / TLS 1.0-1.2 peer may omit the block
    Bytes extensions;           // contents of the extensions vector
    ExtensionList ext;          // parsed view of `extensions` (parse only)

    bool offers_null_compression() const noexcept;
};
Err parse(Bytes body, ClientHello &out);
bool write(const ClientHello &m, Writer &w) noexcept;

enum class Downgrade : std::uint8_t { none, tls12, tls11 };

struct ServerHello {
    std::uint16_t legacy_version = kTls12;
    Bytes random;             // 32 bytes
    Bytes session_id;         // legacy_session_id_echo <0..32>
    std::uint16_t cipher_suite = 0;
    std::uint8_t compression_method = 0;  // anything else: illegal_parameter
    bool has_extensions = false;
    Bytes extensions;
    ExtensionList ext;

    // Set by parse() from the random.
    bool is_hello_retry_request = false;
    Downgrade downgrade = Downgrade::none;
};
Err parse(Bytes body, ServerHello &out);
bool write(const ServerHello &m, Writer &w) noexcept;

// HelloRequest, ServerHelloDone, EndOfEarlyData: empty bodies.
Err parse_empty_message(Bytes body) noexcept;

struct EncryptedExtensions {
    Bytes extensions;  // <0..2^16-1>
    ExtensionList ext;
};
Err parse(Bytes body, EncryptedExtensions &out);
bool write(const EncryptedExtensions &m, Writer &w) noexcept;

// ---- Certificates ---------------------------------------------------------

// TLS 1.3 CertificateRequest (RFC 8446 section 4.3.2): signature_algorithms
// is mandatory (Err::missing_extension).
struct CertificateRequest13 {
    Bytes context;     // <0..2^8-1>
    Bytes extensions;  // <2..2^16-1>
    ExtensionList ext;
};
Err parse(Bytes body, CertificateRequest13 &out);
bool write(const CertificateRequest13 &m, Writer &w) noexcept;

// TLS 1.0-1.2 CertificateRequest (RFC 5246 section 7.4.4); the signature
// algorithms exist from TLS 1.2 on.
struct CertificateRequest12 {
    Bytes certificate_types;            // <1..2^8-1>
    bool has_signature_algorithms = true;
    U16List signature_algorithms;       // <2..2^16-2>
    Bytes authorities;                  // DistinguishedName list, wire form <0..2^16-1>
    std::vector<Bytes> authority_names; // parse only
};
Err parse(Bytes body, CertificateRequest12 &out, bool with_signature_algorithms);
bool write(const CertificateRequest12 &m, Writer &w) noexcept;

struct CertificateEntry {
    Bytes data;        // cert_data or ASN1_subjectPublicKeyInfo <1..2^24-1>
    Bytes extensions;  // <0..2^16-1>
    ExtensionList ext;
};
struct Certificate13 {
    Bytes context;  // <0..2^8-1>
    std::vector<CertificateEntry> entries;  // list <0..2^24-1>
};
Err parse(Bytes body, Certificate13 &out);
bool write(const Certificate13 &m, Writer &w) noexcept;

struct Certificate12 {
    std::vector<Bytes> certificates;  // ASN.1Cert <1..2^24-1>, list <0..2^24-1>
};
Err parse(Bytes body, Certificate12 &out);
bool write(const Certificate12 &m, Writer &w) noexcept;

// TLS 1.2/1.3 carry a SignatureScheme before the signature; TLS 1.0/1.1
// do not.
struct CertificateVerify {
    bool has_scheme = true;
    std::uint16_t scheme = 0;
    Bytes signature;  // <0..2^16-1>
};
Err parse(Bytes body, CertificateVerify &out, bool with_scheme) noexcept;
bool write(const CertificateVerify &m, Writer &w) noexcept;

// verify_data is exactly the length the negotiated parameters give (12 in
// TLS 1.0-1.2, the hash size in TLS 1.3).
struct Finished {
    Bytes verify_data;
};
Err parse(Bytes body, Finished &out, std::size_t expected_len) noexcept;
bool write(const Finished &m, Writer &w) noexcept;

// CertificateStatus (RFC 6066 section 8): status_type ocsp(1) only.
struct CertificateStatus {
    std::uint8_t status_type = 1;
    Bytes response;  // OCSPResponse <1..2^24-1>
};
Err parse(Bytes body, CertificateStatus &out) noexcept;
bool write(const CertificateStatus &m, Writer &w) noexcept;

// ---- Post-handshake -------------------------------------------------------

struct NewSessionTicket13 {
    std::uint32_t lifetime = 0;
    std::uint32_t age_add = 0;
    Bytes nonce;       // <0..255>
    Bytes ticket;      // <1..2^16-1>
    Bytes extensions;  // <0..2^16-2>
    ExtensionList ext;
};
Err parse(Bytes body, NewSessionTicket13 &out);
bool write(const NewSessionTicket13 &m, Writer &w) noexcept;

// RFC 5077 section 3.3.
struct NewSessionTicket12 {
    std::uint32_t lifetime_hint = 0;
    Bytes ticket;  // <0..2^16-1>
};
Err parse(Bytes body, NewSessionTicket12 &out) noexcept;
bool write(const NewSessionTicket12 &m, Writer &w) noexcept;

struct KeyUpdate {
    std::uint8_t request_update = 0;  // 0 update_not_requested, 1 update_requested
};
Err parse(Bytes body, KeyUpdate &out) noexcept;
bool write(const KeyUpdate &m, Writer &w) noexcept;

// ---- TLS 1.2 key exchange -------------------------------------------------

enum class KeyExchange : std::uint8_t { rsa, dhe, ecdhe, psk, dhe_psk, ecdhe_psk, rsa_psk, gost };
// How a ServerKeyExchange is signed: not at all (anonymous and PSK
// suites), TLS 1.0/1.1 style (no scheme), or with a SignatureScheme.
enum class KxSignature : std::uint8_t { none, legacy, scheme };

struct ServerKeyExchange {
    KeyExchange kind = KeyExchange::ecdhe;
    Bytes psk_identity_hint;  // PSK kinds: <0..2^16-1>
    // ECDHE: ServerECDHParams (curve_type must be named_curve).
    std::uint16_t named_group = 0;
    Bytes point;  // <1..2^8-1>
    // DHE: ServerDHParams, each <1..2^16-1>.
    Bytes dh_p, dh_g, dh_ys;
    // The signed part: the (EC)DH parameters as they appear on the wire
    // (what the signature covers after the two randoms).
    Bytes params;
    KxSignature sig = KxSignature::none;
    std::uint16_t scheme = 0;
    Bytes signature;  // <0..2^16-1>
};
// RSA key exchange has no ServerKeyExchange; RSA_PSK has only the hint.
Err parse(Bytes body, ServerKeyExchange &out, KeyExchange kind, KxSignature sig) noexcept;
// Writes everything (params first, then the signature if m.sig says so);
// m.params is ignored.
bool write(const ServerKeyExchange &m, Writer &w) noexcept;
// Writes the (EC)DH params only: the bytes to sign.
bool write_params(const ServerKeyExchange &m, Writer &w) noexcept;

struct ClientKeyExchange {
    KeyExchange kind = KeyExchange::ecdhe;
    Bytes psk_identity;       // PSK kinds: <0..2^16-1>
    Bytes encrypted_premaster;  // RSA, RSA_PSK: <0..2^16-1> (TLS 1.0+ framing)
    Bytes point;              // ECDHE(_PSK): <1..2^8-1>
    Bytes dh_yc;              // DHE(_PSK): <1..2^16-1>
    Bytes key_transport;      // GOST: the DER TLSGostKeyTransportBlob, unframed (RFC 9189)
};
Err parse(Bytes body, ClientKeyExchange &out, KeyExchange kind) noexcept;
bool write(const ClientKeyExchange &m, Writer &w) noexcept;

// ---- Whole messages -------------------------------------------------------

// Writes header and body: write_message(HandshakeType::finished, fin, w).
template <class T>
bool write_message(HandshakeType type, const T &m, Writer &w) noexcept
{
    Writer::Vec v = begin_message(w, type);
    if (!write(m, w))
        return false;
    return end_message(w, v);
}

// ---- ClientHello helpers --------------------------------------------------

// RFC 8446 section 4.2.11.2: the part of a whole ClientHello message
// (header included) that the PSK binders cover: everything up to, not
// including, the binders list.  pre_shared_key must be the last extension
// (Err::received_illegal_parameter otherwise).
Err binder_prefix(Bytes client_hello_msg, Bytes &prefix);
// Overwrites the binders of an encoded ClientHello message in place; each
// binder must have the length of the placeholder it replaces.
Err fill_binders(MutableBytes client_hello_msg, const std::vector<Bytes> &binders);
// RFC 7685: grows an encoded ClientHello message (header included) to at
// least `target` bytes by adding a padding extension, placed before
// pre_shared_key (which stays last).  Nothing changes when the message is
// already long enough; a message that already has padding is refused
// (Err::invalid_request).
Err pad_client_hello(std::vector<std::uint8_t> &msg, std::size_t target);

}  // namespace tlshim::tls
