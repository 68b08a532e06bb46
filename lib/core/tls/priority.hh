// SPDX-License-Identifier: LGPL-2.1-or-later
// Priority strings: what a TLS session may negotiate, and in which order.
//
// A priority string ("NORMAL:-VERS-TLS1.0:+AES-128-CBC:%SERVER_PRECEDENCE")
// is a base keyword followed by ':'-separated edits.  parse_priority() turns
// one into an immutable Priority: ordered lists of algorithm identifiers
// (the public GnuTLS enum values, stored as unsigned so that the C facade
// can hand the arrays out as they are), the resolved cipher-suite list in
// offer order, and the behaviour switches of the '%' flags.  The TLS engine
// reads a Priority through a shared_ptr<const Priority>, so a session keeps
// its priorities alive after the application released its handle.
//
// The language, as the reference library accepts it:
//  - tokens are separated by ':'; leading blanks of a token are skipped,
//    an empty token (or one with trailing blanks) is an error;
//  - unless the string starts with NONE, it starts from default protocol
//    versions, certificate types, signature algorithms and groups (and no
//    cipher, MAC or key exchange);
//  - the first bare keyword (NORMAL, PFS, ...) replaces the lists it
//    defines (the Suite B keywords also define the protocol versions);
//    later keywords, and "+KEYWORD" anywhere, append the keyword's
//    algorithms that are not listed yet; NONE is only valid first;
//  - "+NAME" appends NAME to its list unless it is already there, "-NAME"
//    and "!NAME" remove it; NAME is a cipher, MAC or key exchange name, or
//    VERS-*, GROUP-*, CURVE-*, SIGN-*, CTYPE-[CLI-|SRV-]*, COMP-*;
//    the *-ALL forms append the default set, or empty the whole list;
//  - "%FLAG" sets a behaviour flag (flag names are case-sensitive);
//  - "@KW1,KW2,...[:edits]" replaces the first token with the first
//    keyword defined in the [priorities] section of the system file.
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hh"

namespace tlshim::tls {

// How the safe-renegotiation extension (RFC 5746) is enforced.
enum class Renegotiation : std::uint8_t {
    partial,   // default: clients may talk to unpatched servers, no insecure renegotiation
    safe,      // %SAFE_RENEGOTIATION: the peer must support the extension
    unsafe,    // %UNSAFE_RENEGOTIATION: anything goes
    disabled,  // %DISABLE_SAFE_RENEGOTIATION: the extension is not sent nor checked
};

// The record-layer version of the first ClientHello.
enum class RecordVersion : std::uint8_t {
    default_,  // TLS 1.0 in the initial ClientHello
    ssl3,      // %SSL3_RECORD_VERSION
    latest,    // %LATEST_RECORD_VERSION: the highest enabled version
};

// Behaviour switches of the '%' flags.  Every flag the reference accepts
// has a field; the engine reads those it implements.
struct PriorityFlags {
    bool compat = false;                 // %COMPAT: tolerate broken peers (large records, no padding)
    bool dumbfw = false;                 // %DUMBFW: pad the ClientHello past 512 bytes
    bool no_extensions = false;          // %NO_EXTENSIONS: send no hello extensions (implies no TLS 1.3)
    bool no_tickets = false;             // %NO_TICKETS: no session tickets at all
    bool no_tickets_tls12 = false;       // %NO_TICKETS_TLS12: no tickets in TLS 1.2
    bool no_session_hash = false;        // %NO_SESSION_HASH: no extended master secret
    bool server_precedence = false;      // %SERVER_PRECEDENCE: the server's order decides
    bool stateless_compression = false;  // %STATELESS_COMPRESSION: accepted, no effect (no compression)
    bool new_padding = false;            // %NEW_PADDING: accepted, no effect
    bool allow_small_records = false;    // %ALLOW_SMALL_RECORDS: accept a record size limit below 512
    bool no_etm = false;                 // %NO_ETM: no encrypt-then-MAC
    bool force_etm = false;              // %FORCE_ETM: require encrypt-then-MAC with CBC suites
    bool fallback_scsv = false;          // %FALLBACK_SCSV: add TLS_FALLBACK_SCSV to the ClientHello
    bool disable_tls13_compat_mode = false;  // %DISABLE_TLS13_COMPAT_MODE: no middlebox compatibility
    bool debug_allow_key_usage_violations = false;  // %DEBUG_ALLOW_KEY_USAGE_VIOLATIONS
    Renegotiation renegotiation = Renegotiation::partial;
    RecordVersion record_version = RecordVersion::default_;
};

class Priority {
public:
    // Ordered lists of public enum values.
    std::vector<unsigned> protocols;  // gnutls_protocol_t
    std::vector<unsigned> ciphers;    // gnutls_cipher_algorithm_t
    std::vector<unsigned> macs;       // gnutls_mac_algorithm_t
    std::vector<unsigned> kx;         // gnutls_kx_algorithm_t
    // The PSK key exchanges of `kx` (PSK, DHE_PSK, ECDHE_PSK) in order,
    // kept under TLS 1.3 alone too: they enable TLS 1.3 external PSKs
    // and order the psk_key_exchange_modes.
    std::vector<unsigned> psk_kx;
    std::vector<unsigned> groups;     // gnutls_group_t
    std::vector<unsigned> sigs;       // gnutls_sign_algorithm_t
    std::vector<unsigned> ctype_client;  // gnutls_certificate_type_t
    std::vector<unsigned> ctype_server;
    // The curves of the leading elliptic-curve groups (gnutls_ecc_curve_t):
    // the prefix of `groups` up to the first group without a curve.
    std::vector<unsigned> curves;
    // The cipher suites in offer order, as indices into algo::suite_table().
    // TLS 1.3 suites come first; the list may hold suites that none of the
    // enabled versions can use (see suite_usable()).
    std::vector<unsigned> suites;

    PriorityFlags flags;
    // GNUTLS_VERIFY_* bits the %VERIFY_* flags add to certificate checks.
    unsigned verify_flags = 0;
    // The security level of the keyword (minimum key sizes), and the
    // verification profile of a %PROFILE_* flag (UNKNOWN if none).
    gnutls_sec_param_t level = GNUTLS_SEC_PARAM_UNKNOWN;
    gnutls_certificate_verification_profiles_t profile = GNUTLS_PROFILE_UNKNOWN;

    // The compression methods: only the null method exists.
    static std::span<const unsigned> compression() noexcept;

    bool has_protocol(gnutls_protocol_t v) const noexcept;
    // Highest enabled TLS / DTLS version, GNUTLS_VERSION_UNKNOWN if none.
    gnutls_protocol_t max_tls() const noexcept;
    gnutls_protocol_t max_dtls() const noexcept;
    // Whether the suite at position `pos` of `suites` can be used by one of
    // the enabled protocol versions.
    bool suite_usable(std::size_t pos) const noexcept;
    // gnutls_priority_get_cipher_suite_index(): the table index of the suite
    // at position `pos`; requested_data_not_available past the end,
    // unknown_cipher_suite if no enabled version can use it.
    Err suite_index(std::size_t pos, unsigned &table_index) const noexcept;
};

using PriorityPtr = std::shared_ptr<const Priority>;

// The outcome of parsing: a priority, or an error with the byte offset of
// the offending token (0 for errors that concern the whole string, such as
// an unknown @KEYWORD or an empty result).
struct ParseResult {
    PriorityPtr priority;
    Err err = Err::ok;
    std::size_t err_offset = 0;
};

// Parses a complete priority string (an '@' string is resolved through the
// system configuration).
ParseResult parse_priority(std::string_view text);

// What gnutls_priority_init2() does with the application's string:
// `text` may be null (use the default string); with `append`, the text is
// appended to the default string.  `builtin_default` is the library's
// default (the exported _gnutls_default_priority_string); the system file's
// default-priority-string override takes precedence.  On error,
// err_offset is relative to `text` (0 when the error lies in the default
// part).  gnutls_priority_set_direct() and gnutls_set_default_priority*()
// are expected to call this too.
ParseResult init_priority(const char *text, bool append, const char *builtin_default);

// ---- system configuration ------------------------------------------------

// The parts of the system priority file that priorities use: the
// [priorities] keywords and the default priority string override.
struct SystemConfig {
    bool valid = false;  // the file was read and every line made sense
    std::vector<std::pair<std::string, std::string>> keywords;  // [priorities]
    std::optional<std::string> default_priority;  // [overrides] default-priority-string
    const std::string *keyword(std::string_view name) const noexcept;  // case-sensitive
};

// The path in force: $GNUTLS_SYSTEM_PRIORITY_FILE, else /etc/gnutls/config.
std::string system_config_path();
// Reads and parses the file (an unreadable or malformed file gives an
// invalid configuration, which defines no keyword).
SystemConfig load_system_config(const std::string &path);
// Parses the text of a configuration file.
SystemConfig parse_system_config(std::string_view text);

// Names gnutls_priority_string_list() reports.
std::span<const char *const> keyword_names() noexcept;
std::span<const char *const> special_names() noexcept;

}  // namespace tlshim::tls
