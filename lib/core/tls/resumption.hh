// SPDX-License-Identifier: LGPL-2.1-or-later
// Session resumption: TLS 1.3 tickets (RFC 8446 sections 4.6.1 and 2.2),
// TLS 1.2 tickets (RFC 5077) and session IDs (RFC 5246 section 7.4.1.2).
//
// Server side: the state a ticket must carry (the resumption PSK, the
// suite, when it was issued and its age obfuscation) is sealed with the
// server's ticket key (gnutls_session_ticket_key_generate: 64 bytes, of
// which 16 name the key and 32 are the AES-256-GCM key) into the opaque
// ticket.  Nothing is kept per client on the server.
//
//   ticket = key_name(16) || nonce(12) || AES-256-GCM(state) || tag(16)
//   state  = version(2) suite(2) issued_ms(8) lifetime(4) age_add(4)
//            psk<1..255> flags(1) [psk_identity<0..2^16-1> with kTicketPsk]
//
// For TLS 1.2 the "psk" is the master secret and flags bit 0 says the
// session used the extended master secret; the same state, unsealed, is
// what the server's session cache (gnutls_db_set_store_function) holds.
//
// Client side: what gnutls_session_get_data2() hands the application
// (the last ticket received, with its PSK) and gnutls_session_set_data()
// takes back.  The blob is ours; only tlshim reads it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/secret.hh"

namespace tlshim::tls {

inline constexpr std::size_t kTicketKeySize = 64;
inline constexpr std::uint32_t kTicketLifetime = 6 * 3600;  // seconds (GnuTLS's default expiration)
// TLS 1.3: NewSessionTicket messages a server sends after each handshake.
inline constexpr int kTicketsPerHandshake = 2;

struct TicketState {
    std::uint16_t version = 0;
    std::uint16_t suite = 0;
    std::uint64_t issued_ms = 0;
    std::uint32_t lifetime = 0;
    std::uint32_t age_add = 0;
    SecretBytes psk;
    std::uint8_t flags = 0;  // kTicketEms, kTicketEtm, kTicketPsk
    std::string psk_identity;  // kTicketPsk: the external PSK's identity
};
inline constexpr std::uint8_t kTicketEms = 1;
inline constexpr std::uint8_t kTicketEtm = 2;
// TLS 1.3: the session authenticated with an external PSK (a resumption
// reports the PSK key exchange and identity again, as GnuTLS does).
inline constexpr std::uint8_t kTicketPsk = 4;

// The state in the clear (the session cache) and back.
Err encode_state(const TicketState &st, SecretBytes &out);
Err decode_state(Bytes in, TicketState &st);

// Seals `st` under the ticket key (kTicketKeySize bytes).
Err seal_ticket(Bytes ticket_key, const TicketState &st, std::vector<std::uint8_t> &ticket);
// Opens a ticket; Err::decryption_failed when it was not made with this key
// or was altered.
Err open_ticket(Bytes ticket_key, Bytes ticket, TicketState &st);

// A ticket the client holds.
struct ClientTicket {
    std::uint16_t version = 0x0304;      // the protocol version of the session
    std::vector<std::uint8_t> identity;  // the opaque ticket (TLS 1.2: may be empty)
    std::vector<std::uint8_t> session_id;  // TLS 1.2
    std::uint8_t flags = 0;              // TLS 1.2: kTicketEms; TLS 1.3: kTicketPsk
    SecretBytes psk;
    std::uint16_t suite = 0;
    std::uint32_t age_add = 0;
    std::uint32_t lifetime = 0;
    std::uint64_t received_ms = 0;
    std::string server_name;
    // The server's certificate chain, as the session that got the ticket
    // saw it (a resumed session reports it again).
    std::vector<std::vector<std::uint8_t>> peer_chain;
    bool valid() const noexcept { return (!identity.empty() || !session_id.empty()) && !psk.empty(); }
};

Err encode_session_data(const ClientTicket &t, std::vector<std::uint8_t> &out);
Err decode_session_data(Bytes blob, ClientTicket &t);

// Milliseconds since the epoch (tickets' clocks).
std::uint64_t now_ms() noexcept;

}  // namespace tlshim::tls
