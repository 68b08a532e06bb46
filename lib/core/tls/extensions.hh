// SPDX-License-Identifier: LGPL-2.1-or-later
// Hello extensions of TLS 1.2 and 1.3: the extension block (parsed once,
// duplicates refused, order kept) and a codec for the body of each
// extension the engine understands.
//
// Parsing is zero copy: every span in a parsed structure points into the
// caller's input, which must outlive it.  Errors follow the alerts RFC 8446
// section 6.2 prescribes, through algo::error_to_alert():
//   Err::unexpected_packet_length / unexpected_extensions_length -> decode_error
//   Err::received_illegal_parameter                              -> illegal_parameter
//   Err::received_illegal_extension                              -> unsupported_extension
//   Err::missing_extension                                       -> missing_extension
// The writers put an extension *body* (without its type and length) into a
// Writer; ExtensionWriter frames them into a block.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::tls {

enum class HandshakeType : std::uint8_t;

// IANA "TLS ExtensionType Values".
enum class ExtensionType : std::uint16_t {
    server_name = 0,
    max_fragment_length = 1,
    client_certificate_url = 2,
    trusted_ca_keys = 3,
    truncated_hmac = 4,
    status_request = 5,
    user_mapping = 6,
    client_authz = 7,
    server_authz = 8,
    cert_type = 9,
    supported_groups = 10,
    ec_point_formats = 11,
    srp = 12,
    signature_algorithms = 13,
    use_srtp = 14,
    heartbeat = 15,
    application_layer_protocol_negotiation = 16,
    status_request_v2 = 17,
    signed_certificate_timestamp = 18,
    client_certificate_type = 19,
    server_certificate_type = 20,
    padding = 21,
    encrypt_then_mac = 22,
    extended_master_secret = 23,
    token_binding = 24,
    cached_info = 25,
    compress_certificate = 27,
    record_size_limit = 28,
    session_ticket = 35,
    pre_shared_key = 41,
    early_data = 42,
    supported_versions = 43,
    cookie = 44,
    psk_key_exchange_modes = 45,
    certificate_authorities = 47,
    oid_filters = 48,
    post_handshake_auth = 49,
    signature_algorithms_cert = 50,
    key_share = 51,
    renegotiation_info = 0xff01,
};

// A read-only view of a vector of big-endian 16-bit values (cipher suites,
// groups, signature schemes, versions) in wire form.
class U16List {
public:
    U16List() noexcept = default;
    // `wire` must have an even length.
    explicit U16List(Bytes wire) noexcept : wire_(wire) {}
    std::size_t size() const noexcept { return wire_.size() / 2; }
    bool empty() const noexcept { return wire_.size() < 2; }
    std::uint16_t operator[](std::size_t i) const noexcept
    {
        return static_cast<std::uint16_t>((wire_[2 * i] << 8) | wire_[2 * i + 1]);
    }
    bool contains(std::uint16_t v) const noexcept;
    Bytes wire() const noexcept { return wire_; }

private:
    Bytes wire_;
};

// Builds the wire form of a U16List (the storage must outlive the view).
class U16Builder {
public:
    U16Builder() = default;
    U16Builder(std::initializer_list<std::uint16_t> values);
    void add(std::uint16_t v);
    U16List list() const noexcept { return U16List(Bytes(buf_)); }

private:
    std::vector<std::uint8_t> buf_;
};

struct Extension {
    ExtensionType type{};
    Bytes body;            // extension_data
    std::size_t offset{};  // where the extension (its type field) starts in the block
};

// The extensions of one message.  parse() takes the contents of the
// extensions vector (without its 2-byte length) and refuses malformed
// framing (Err::unexpected_extensions_length) and any type that appears
// twice (Err::received_illegal_parameter, RFC 8446 section 4.2).
class ExtensionList {
public:
    Err parse(Bytes block);
    void clear() noexcept { items_.clear(); block_ = Bytes(); }

    const Extension *find(ExtensionType t) const noexcept;
    bool has(ExtensionType t) const noexcept { return find(t) != nullptr; }
    // In the order they were received.
    const std::vector<Extension> &all() const noexcept { return items_; }
    std::size_t size() const noexcept { return items_.size(); }
    Bytes block() const noexcept { return block_; }

    // RFC 8446 section 4.2: a recognised extension that is not specified for
    // this TLS 1.3 message -> Err::received_illegal_parameter.  `msg` is the
    // message carrying the list (use HandshakeType::hello_retry_request for
    // a HelloRetryRequest); unknown types are left to the caller.
    Err check_permitted_tls13(HandshakeType msg) const noexcept;
    // A response may only carry extensions the request carried (the cookie
    // of a HelloRetryRequest excepted): otherwise
    // Err::received_illegal_extension (unsupported_extension).
    Err check_solicited(const ExtensionList &request) const noexcept;
    // Err::missing_extension when `t` is absent.
    Err require(ExtensionType t) const noexcept;

private:
    Bytes block_;
    std::vector<Extension> items_;
};

// Whether a TLS 1.3 message may carry the extension (RFC 8446 section 4.2
// and the RFCs defining later extensions); false for unknown types.
bool permitted_tls13(ExtensionType t, HandshakeType msg) noexcept;
// Whether the type is one this codec knows.
bool is_known(ExtensionType t) noexcept;

// Writes an extension block: the 2-byte length and the extensions.
// Nothing is written if add()/begin() is never called and `omit_if_empty`.
class ExtensionWriter {
public:
    explicit ExtensionWriter(Writer &w) noexcept;
    // Adds a whole extension; a repeated type makes the writer fail.
    ExtensionWriter &add(ExtensionType t, Bytes body) noexcept;
    // Starts an extension whose body the caller writes to writer(); end()
    // closes it.
    Writer &begin(ExtensionType t) noexcept;
    void end() noexcept;
    Writer &writer() noexcept { return w_; }
    // Closes the block; false if anything failed.
    bool finish() noexcept;

private:
    bool seen(ExtensionType t) noexcept;
    Writer &w_;
    Writer::Vec block_{};
    Writer::Vec ext_{};
    bool open_ = false;
    std::vector<std::uint16_t> types_;
};

// ---- Typed bodies ---------------------------------------------------------

// An extension with no data (encrypt_then_mac, extended_master_secret,
// post_handshake_auth, early_data in ClientHello/EncryptedExtensions, the
// server's server_name and status_request acknowledgements).
Err parse_empty(Bytes body) noexcept;

// server_name (RFC 6066 section 3): the host_name of a client's list.
struct ServerNameList {
    Bytes host_name;  // empty if the list had no host_name entry
    Bytes list;       // the ServerName entries in wire form
};
Err parse_server_name(Bytes body, ServerNameList &out) noexcept;
bool write_server_name(Bytes host_name, Writer &w) noexcept;

// max_fragment_length (RFC 6066 section 4): 1..4 (2^9..2^12).  The
// strict form reads a server's echo: exactly one byte.
Err parse_max_fragment_length(Bytes body, std::uint8_t &out) noexcept;
bool write_max_fragment_length(std::uint8_t code, Writer &w) noexcept;
// A client's request as GnuTLS servers read it: an empty body asks for
// nothing (code 0), bytes after the first are not looked at, a code
// outside 1..4 is Err::received_illegal_parameter.
Err parse_max_fragment_request(Bytes body, std::uint8_t &code) noexcept;
// The plaintext limit of a code (0 for an unknown code), and the code of
// a limit (0 unless it is 512, 1024, 2048 or 4096).
std::size_t max_fragment_size(std::uint8_t code) noexcept;
std::uint8_t max_fragment_code(std::size_t size) noexcept;

// status_request (RFC 6066 section 8), client form.
struct StatusRequest {
    std::uint8_t status_type = 1;  // ocsp
    Bytes responder_id_list;       // ResponderID list, wire form
    Bytes request_extensions;      // DER Extensions
};
Err parse_status_request(Bytes body, StatusRequest &out) noexcept;
bool write_status_request(const StatusRequest &in, Writer &w) noexcept;

// CertificateStatus (RFC 6066 section 8), the body of the TLS 1.2 message
// and of a TLS 1.3 CertificateEntry's status_request: status_type, then
// for ocsp (1) an OCSPResponse <1..2^24-1>.  Another status type is
// returned with an empty response and not read further.
Err parse_certificate_status(Bytes body, std::uint8_t &status_type, Bytes &response) noexcept;
bool write_certificate_status(Bytes ocsp_response, Writer &w) noexcept;

// Lists of 16-bit values with the bounds of their definitions:
// supported_groups NamedGroupList<2..2^16-1>, signature_algorithms and
// signature_algorithms_cert <2..2^16-2>.
Err parse_supported_groups(Bytes body, U16List &out) noexcept;
Err parse_signature_algorithms(Bytes body, U16List &out) noexcept;
bool write_u16_list(U16List list, Writer &w) noexcept;

// ec_point_formats (RFC 8422 section 5.1.2): <1..2^8-1>.
Err parse_ec_point_formats(Bytes body, Bytes &formats) noexcept;
bool write_ec_point_formats(Bytes formats, Writer &w) noexcept;

// application_layer_protocol_negotiation (RFC 7301): names<1..255> in a
// list<2..2^16-1>; a server's reply names exactly one protocol
// (Err::received_illegal_parameter otherwise).
struct AlpnList {
    Bytes list;                  // wire form of the names
    std::vector<Bytes> names;
};
Err parse_alpn(Bytes body, AlpnList &out);
Err parse_alpn_reply(Bytes body, Bytes &selected);
bool write_alpn(const std::vector<Bytes> &names, Writer &w) noexcept;

// client_certificate_type / server_certificate_type (RFC 7250): the client
// lists types <1..2^8-1>, the server answers with one.
Err parse_cert_type_list(Bytes body, Bytes &types) noexcept;
Err parse_cert_type_reply(Bytes body, std::uint8_t &type) noexcept;
bool write_cert_type_list(Bytes types, Writer &w) noexcept;

// padding (RFC 7685): zero bytes only.
Err parse_padding(Bytes body) noexcept;

// record_size_limit (RFC 8449): a value below 64 is illegal_parameter.
Err parse_record_size_limit(Bytes body, std::uint16_t &limit) noexcept;
bool write_record_size_limit(std::uint16_t limit, Writer &w) noexcept;

// pre_shared_key (RFC 8446 section 4.2.11).
struct PskIdentity {
    Bytes identity;
    std::uint32_t obfuscated_ticket_age = 0;
};
struct OfferedPsks {
    std::vector<PskIdentity> identities;
    std::vector<Bytes> binders;
    // Bytes of the extension body taken by the identities vector (its
    // length prefix included): the binders list starts right after.
    std::size_t binders_offset = 0;
};
// Both vectors must hold the same number of entries (illegal_parameter).
Err parse_offered_psks(Bytes body, OfferedPsks &out);
bool write_offered_psks(const OfferedPsks &in, Writer &w) noexcept;
Err parse_selected_identity(Bytes body, std::uint16_t &index) noexcept;
bool write_u16(std::uint16_t v, Writer &w) noexcept;

// early_data in NewSessionTicket: max_early_data_size.
Err parse_max_early_data(Bytes body, std::uint32_t &size) noexcept;

// supported_versions: ClientHello list <2..254>, ServerHello one version.
Err parse_supported_versions(Bytes body, U16List &versions) noexcept;
Err parse_selected_version(Bytes body, std::uint16_t &version) noexcept;
bool write_supported_versions(U16List versions, Writer &w) noexcept;

// cookie <1..2^16-1>.
Err parse_cookie(Bytes body, Bytes &cookie) noexcept;
bool write_cookie(Bytes cookie, Writer &w) noexcept;

// psk_key_exchange_modes <1..255>.
Err parse_psk_modes(Bytes body, Bytes &modes) noexcept;
bool write_psk_modes(Bytes modes, Writer &w) noexcept;

// certificate_authorities: DistinguishedName<1..2^16-1> in a list
// <3..2^16-1>; also the list of a TLS 1.2 CertificateRequest (there <0..>).
Err parse_certificate_authorities(Bytes body, std::vector<Bytes> &names);
bool write_certificate_authorities(const std::vector<Bytes> &names, Writer &w) noexcept;

// key_share (RFC 8446 section 4.2.8).
struct KeyShareEntry {
    std::uint16_t group = 0;
    Bytes key_exchange;  // <1..2^16-1>
};
// ClientHello: client_shares<0..2^16-1>; a group offered twice is
// illegal_parameter.
Err parse_key_share_client(Bytes body, std::vector<KeyShareEntry> &shares);
bool write_key_share_client(const std::vector<KeyShareEntry> &shares, Writer &w) noexcept;
// ServerHello: one entry.
Err parse_key_share_server(Bytes body, KeyShareEntry &share) noexcept;
bool write_key_share_entry(const KeyShareEntry &share, Writer &w) noexcept;
// HelloRetryRequest: selected_group.
Err parse_key_share_hrr(Bytes body, std::uint16_t &group) noexcept;

// renegotiation_info (RFC 5746): renegotiated_connection<0..255>.
Err parse_renegotiation_info(Bytes body, Bytes &verify_data) noexcept;
bool write_renegotiation_info(Bytes verify_data, Writer &w) noexcept;

// Extensions whose bodies are opaque here (session_ticket,
// signed_certificate_timestamp, use_srtp, heartbeat, oid_filters) need no
// codec: the body is the value.

}  // namespace tlshim::tls
