// SPDX-License-Identifier: LGPL-2.1-or-later
// The VKO GOST R 34.10-2012 key transport of the TLS 1.2 GOST suite
// TLS_GOSTR341112_256_WITH_28147_CNT_IMIT (RFC 9189; GnuTLS's VKO-GOST-12).
//
// There is no ServerKeyExchange.  The client draws a 32-byte premaster
// secret and an ephemeral key on the curve of the server's certified GOST
// key, derives a key-encryption key with VKO (RFC 7836 4.3.1) from the
// ephemeral key, the server's key and a user keying material (UKM) made
// of the first 8 bytes of Streebog-256(client_random || server_random),
// wraps the premaster with the CryptoPro key wrap (RFC 4357 6.3, 6.5) and
// sends it in a DER TLSGostKeyTransportBlob (RFC 4490 4.2 structures) as
// the whole ClientKeyExchange body.  The server reverses this with its
// certified private key.
#pragma once

#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/secret.hh"

namespace tlshim::x509 {
class PublicKey;
class PrivateKey;
}  // namespace tlshim::x509

namespace tlshim::tls {

inline constexpr std::size_t kGostPremasterSize = 32;
inline constexpr std::size_t kGostUkmSize = 8;

// UKM = Streebog-256(client_random || server_random)[0..8).
Err gost_ukm(Bytes client_random, Bytes server_random, std::uint8_t ukm[kGostUkmSize]) noexcept;

// Client: draws the premaster secret and writes the key transport blob.
// Err::invalid_request when `server_key` is not a GOST R 34.10-2012 key.
Err gost_kx_write(const x509::PublicKey &server_key, Bytes client_random, Bytes server_random,
                  std::vector<std::uint8_t> &blob, SecretBytes &premaster);

// Server: unwraps the premaster secret from `blob`.  A blob that is not
// valid DER of the expected structure is Err::unexpected_packet_length
// (decode_error); an ephemeral key that is not on our key's curve, a UKM
// other than the expected one or an unknown parameter set is
// Err::received_illegal_parameter; a wrapped key whose MAC does not check
// is Err::decryption_failed.
Err gost_kx_read(const x509::PrivateKey &key, Bytes client_random, Bytes server_random, Bytes blob,
                 SecretBytes &premaster);

}  // namespace tlshim::tls
