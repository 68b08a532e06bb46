// SPDX-License-Identifier: LGPL-2.1-or-later
// The TLS 1.0-1.2 pseudo-random function and what is derived with it: the
// master secret (RFC 5246 section 8.1, RFC 7627), the key block (section
// 6.3), Finished.verify_data (section 7.4.9) and exported keying material
// (RFC 5705); and the record protection built from a key block.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "core/algo/algo.hh"
#include "core/bytes.hh"
#include "core/error.hh"
#include "core/secret.hh"
#include "core/tls/protection.hh"

namespace tlshim::tls {

// The TLS PRF.  mac == GNUTLS_MAC_SHA256 / GNUTLS_MAC_SHA384: TLS 1.2 P_hash (RFC 5246 section 5).
// mac == GNUTLS_MAC_MD5_SHA1: the TLS 1.0/1.1 PRF (RFC 2246 section 5: P_MD5 XOR P_SHA1 over the split secret).
// Any other HMAC gives P_<hash> as well; anything that is not an HMAC gives Err::invalid_request.
Err prf12(gnutls_mac_algorithm_t mac, Bytes secret, std::string_view label, Bytes seed, MutableBytes out) noexcept;

using MasterSecret = FixedSecret<48>;

// RFC 5246 8.1 (session_hash empty) or RFC 7627 extended master secret (session_hash = transcript hash up to and
// including ClientKeyExchange).
Err master_secret(gnutls_mac_algorithm_t prf, Bytes premaster, Bytes client_random, Bytes server_random,
                  Bytes session_hash, MasterSecret &out) noexcept;

// The key block (RFC 5246 6.3) cut into its parts: sizes from the suite (mac key 0 for AEADs; iv = 4 for GCM/CCM
// salt, 12 for ChaCha20-Poly1305, block size for CBC under TLS 1.0 (implicit IV), 0 for CBC under TLS 1.1/1.2).
struct KeyBlock {
    SecretBytes client_mac, server_mac, client_key, server_key, client_iv, server_iv;
};
Err key_block(const algo::CipherSuite &cs, gnutls_protocol_t version, Bytes master, Bytes client_random,
              Bytes server_random, KeyBlock &out);

// Finished.verify_data: 12 bytes (RFC 5246 7.4.9).  RFC 9189 asks for 32
// with the GOST suites, but GnuTLS 3.7.9 sends and expects 12 there too
// (seen on the wire against its gnutls-serv and gnutls-cli); interoperating
// with it wins.
inline constexpr std::size_t kVerifyDataSize = 12;
struct VerifyData {
    std::uint8_t data[kVerifyDataSize] = {};
    Bytes view() const noexcept { return Bytes(data, kVerifyDataSize); }
};

// PRF(master, "client finished"/"server finished", handshake_hash).
Err finished12(gnutls_mac_algorithm_t prf, Bytes master, bool client, Bytes handshake_hash,
               VerifyData &out) noexcept;

// The PRF hash of a suite under a version: GNUTLS_MAC_MD5_SHA1 below TLS 1.2, else cs.prf.
gnutls_mac_algorithm_t prf_mac(const algo::CipherSuite &cs, gnutls_protocol_t version) noexcept;

// Record protection for one direction from a key block: Tls12Aead for AEAD suites, Tls12Cbc otherwise.
Err make_protection12(const algo::CipherSuite &cs, gnutls_protocol_t version, bool encrypt_then_mac,
                      const KeyBlock &kb, bool client_write, std::unique_ptr<Protection> &out);

// TLS 1.2 exporter (RFC 5705): PRF(master, label, client_random + server_random [+ u16 len + context]).
// A context longer than 65535 bytes gives Err::invalid_request.
Err export12(gnutls_mac_algorithm_t prf, Bytes master, std::string_view label, Bytes client_random,
             Bytes server_random, const Bytes *context, MutableBytes out) noexcept;

}  // namespace tlshim::tls
