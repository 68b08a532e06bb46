// SPDX-License-Identifier: LGPL-2.1-or-later
// The TLS 1.3 key schedule (RFC 8446 section 7) and the handshake
// transcript hash (section 4.4.1).
//
// Transcript: handshake messages are added as they are sent or received.
// Until the hash is known (a client learns it from ServerHello) they are
// kept; set_hash() then replays them. After a HelloRetryRequest the first
// ClientHello is replaced by the synthetic message_hash message.
//
// KeySchedule13 walks Early Secret -> Handshake Secret -> Master Secret;
// the free functions derive the secrets, keys and verify_data from them.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/bytes.hh"
#include "core/crypto/hash.hh"
#include "core/error.hh"
#include "core/secret.hh"

namespace tlshim::tls {

inline constexpr std::size_t kMaxHashSize = 64;
using Secret = FixedSecret<kMaxHashSize>;

class Transcript {
public:
    // Adds one handshake message (header included).
    void add(Bytes msg);
    // Chooses the hash: the buffered messages are hashed now.
    Err set_hash(gnutls_digest_algorithm_t alg);
    bool has_hash() const noexcept { return hashing_; }
    gnutls_digest_algorithm_t hash() const noexcept { return hash_.algorithm(); }
    std::size_t size() const noexcept { return hash_.size(); }
    // The hash of everything added so far (size() bytes).
    Err current(std::uint8_t *out) const;
    // The hash of everything added so far followed by `extra`, leaving the
    // transcript as it is (PSK binders hash a partial ClientHello).  The
    // hash must have been chosen.
    Err current_with(Bytes extra, std::uint8_t *out) const;
    // RFC 8446 section 4.4.1: after a HelloRetryRequest the transcript
    // restarts with message_hash(Hash(ClientHello1)). Call it after the
    // first ClientHello is in and before the HelloRetryRequest is added.
    Err restart_for_retry();
    // Forget everything (a new handshake).
    void reset() noexcept;

private:
    crypto::Hash hash_;
    std::vector<std::uint8_t> pending_;  // messages before the hash is known
    bool hashing_ = false;
};

// HKDF-Expand-Label(secret, label, context, out.size()) with the "tls13 "
// prefix.
Err expand_label(gnutls_mac_algorithm_t mac, Bytes secret, std::string_view label, Bytes context,
                 MutableBytes out) noexcept;
// Derive-Secret(secret, label, transcript_hash): the context is the hash
// the caller already computed.
Err derive_secret(gnutls_mac_algorithm_t mac, Bytes secret, std::string_view label, Bytes transcript_hash,
                  Secret &out) noexcept;

class KeySchedule13 {
public:
    // mac: GNUTLS_MAC_SHA256 or GNUTLS_MAC_SHA384 (the suite's hash).
    Err init(gnutls_mac_algorithm_t mac) noexcept;
    gnutls_mac_algorithm_t mac() const noexcept { return mac_; }
    std::size_t hash_size() const noexcept { return size_; }

    // Early Secret = HKDF-Extract(0, PSK or zeros).
    Err early(Bytes psk) noexcept;
    // Handshake Secret = HKDF-Extract(Derive-Secret(ES, "derived", ""), (EC)DHE).
    Err handshake(Bytes shared) noexcept;
    // Master Secret = HKDF-Extract(Derive-Secret(HS, "derived", ""), zeros).
    Err master() noexcept;

    // Derive-Secret from the current stage's secret.
    Err derive(std::string_view label, Bytes transcript_hash, Secret &out) const noexcept;
    const Secret &current() const noexcept { return secret_; }

private:
    Err next_stage(Bytes ikm) noexcept;

    gnutls_mac_algorithm_t mac_ = GNUTLS_MAC_UNKNOWN;
    std::size_t size_ = 0;
    Secret secret_;
};

// The record keys for a traffic secret (RFC 8446 section 7.3).
Err traffic_key_iv(gnutls_mac_algorithm_t mac, Bytes secret, std::size_t key_size, std::size_t iv_size,
                   SecretBytes &key, SecretBytes &iv);
// application_traffic_secret_N+1 (section 7.2, "traffic upd").
Err next_traffic_secret(gnutls_mac_algorithm_t mac, const Secret &current, Secret &next) noexcept;
// Finished.verify_data = HMAC(finished_key, transcript_hash) (section 4.4.4).
Err finished_verify_data(gnutls_mac_algorithm_t mac, Bytes base_key, Bytes transcript_hash,
                         std::uint8_t *out) noexcept;

}  // namespace tlshim::tls
