// SPDX-License-Identifier: LGPL-2.1-or-later
// The key-exchange half of the TLS 1.0-1.2 handshake: ServerKeyExchange
// parameters, ClientKeyExchange bodies and the premaster secret, for
//   * RSA key transport (RFC 5246 7.4.7.1), the server side free of
//     padding oracles;
//   * ephemeral finite-field DH (DHE_RSA, DHE_DSS, ANON_DH) on an RFC 7919
//     group or on the application's parameters (RFC 5246 7.4.3, 8.1.2);
//   * ephemeral ECDH (ECDHE_RSA, ECDHE_ECDSA, ANON_ECDH) on a named curve
//     (RFC 8422 5.4, 5.7);
//   * pre-shared keys: PSK, DHE_PSK, RSA_PSK (RFC 4279), ECDHE_PSK
//     (RFC 5489);
//   * GOST VKO key transport (VKO_GOST_12, RFC 9189; kx-gost.hh).
// Nothing here does I/O or knows the session: bytes go in and out, and the
// handshake state machine decides when to call what.
//
// Server:  ServerKx kx; kx.init(GNUTLS_KX_ECDHE_RSA); kx.set_group(...);
//          kx.write_params(params)      -> ServerKeyExchange minus signature
//          kx.read_client(body, pms)    -> premaster secret
// Client:  ClientKx kx; kx.init(GNUTLS_KX_ECDHE_RSA, offered_groups, min_bits);
//          kx.parse_server_params(body, params, rest)
//          kx.write(body, pms)          -> ClientKeyExchange, premaster
//
// Errors follow messages.hh: a body that breaks a length bound or has
// bytes left over is Err::unexpected_packet_length (decode_error); a value
// the protocol forbids (curve_type other than named_curve, a curve the
// client did not offer, a point off the curve, a DH value out of range) is
// Err::received_illegal_parameter; a server prime below the client's
// minimum is Err::dh_prime_unacceptable.  Calls in the wrong order or
// without the inputs the exchange needs give Err::invalid_request.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/secret.hh"
#include "core/tls/messages.hh"

namespace tlshim::x509 {
class PublicKey;
class Signer;
}  // namespace tlshim::x509

namespace tlshim::pk {
class DhParams;
}

namespace tlshim::tls {

// How a TLS 1.2 key exchange behaves on the wire.
struct Kx12Traits {
    gnutls_kx_algorithm_t id;
    KeyExchange kind;    // message layout (anonymous kinds share dhe/ecdhe)
    bool signed_params;  // ServerKeyExchange carries a signature
    bool anonymous;      // no certificate at all (ANON_DH, ANON_ECDH)
};

// The row of a key exchange this module implements, null otherwise (SRP,
// RSA-EXPORT, unknown ids).
const Kx12Traits *kx12_traits(gnutls_kx_algorithm_t kx) noexcept;
bool kx12_is_dhe(gnutls_kx_algorithm_t kx) noexcept;    // DHE_*, ANON_DH, DHE_PSK
bool kx12_is_ecdhe(gnutls_kx_algorithm_t kx) noexcept;  // ECDHE_*, ANON_ECDH
bool kx12_is_psk(gnutls_kx_algorithm_t kx) noexcept;    // PSK, DHE_PSK, ECDHE_PSK, RSA_PSK
// Whether a server sends ServerKeyExchange: never for RSA, for PSK and
// RSA_PSK only when it has an identity hint, always for the others.
bool kx12_server_sends_params(gnutls_kx_algorithm_t kx, bool has_hint) noexcept;

inline constexpr std::size_t kRsaPremasterSize = 48;
// Largest server DH prime a client works with (larger ones get
// Err::dh_prime_unacceptable: the exponentiation would be a denial of
// service).
inline constexpr unsigned kMaxDhPrimeBits = 16384;

// What the exchange used, for gnutls_group_get(), gnutls_dh_get_*() and
// gnutls_ecc_curve_get().
struct KxInfo {
    // ECDHE: the curve.  DHE: the RFC 7919 group whose prime and generator
    // the parameters equal, GNUTLS_GROUP_INVALID for any other parameters.
    gnutls_group_t group = GNUTLS_GROUP_INVALID;
    // DHE only.
    unsigned dh_prime_bits = 0;
    unsigned dh_secret_bits = 0;     // size of our private exponent
    std::vector<std::uint8_t> dh_p;  // big-endian, no leading zeros
    std::vector<std::uint8_t> dh_g;
    // DHE: the peer's Y (no leading zeros); ECDHE: the peer's point.
    std::vector<std::uint8_t> peer_public;
};

// Splits a ServerKeyExchange body into `params` (PSK hint and (EC)DH
// parameters: for a signed exchange exactly the bytes the signature
// covers after the two randoms) and `rest` (the digitally-signed struct,
// for the caller to parse).  Only lengths are checked here; for an
// unsigned exchange anything after the parameters is a decode error.
// Err::invalid_request for a key exchange without ServerKeyExchange (RSA).
Err split_server_kx(gnutls_kx_algorithm_t kx, Bytes body, Bytes &params, Bytes &rest) noexcept;

// A server's PSK lookup: fill `key` for `identity` and return Err::ok, or
// return the error the handshake should fail with (the caller's choice for
// an unknown identity; an empty key counts as a failure).
using PskLookup = std::function<Err(Bytes identity, SecretBytes &key)>;

class ServerKx {
public:
    ServerKx();
    ~ServerKx();
    ServerKx(ServerKx &&) noexcept;
    ServerKx &operator=(ServerKx &&) noexcept;
    ServerKx(const ServerKx &) = delete;
    ServerKx &operator=(const ServerKx &) = delete;

    // Starts over for `kx`; Err::invalid_request when kx12_traits() does
    // not know it.
    Err init(gnutls_kx_algorithm_t kx);
    // ECDHE kinds: the curve (x25519, x448, secp256r1/384r1/521r1).  DHE
    // kinds: an RFC 7919 group.  Err::invalid_request for a group of the
    // wrong kind, Err::ecc_unsupported_curve for one tlshim cannot use.
    Err set_group(gnutls_group_t group);
    // DHE kinds: the application's parameters (q may be empty; key_bits 0
    // derives the private exponent size from the prime).
    Err set_dh_params(Bytes p, Bytes g, Bytes q = {}, unsigned key_bits = 0);
    Err set_dh_params(const pk::DhParams &params);
    // PSK kinds: the identity hint (empty: none).
    Err set_psk_hint(Bytes hint);
    // Known-answer tests: our ephemeral private key (EC scalar, RFC 7748
    // scalar or DH exponent) instead of a fresh one.
    Err set_private_key(Bytes priv);
    // GOST: the hello randoms (its UKM is derived from them).
    void set_randoms(Bytes client_random, Bytes server_random);

    gnutls_kx_algorithm_t kx() const noexcept;
    // Whether a ServerKeyExchange is to be sent (see kx12_server_sends_params).
    bool sends_params() const noexcept;
    // Creates the ephemeral key and writes the ServerKeyExchange body up to
    // the signature (the caller appends it for a signed exchange).  `out` is
    // left empty when no ServerKeyExchange is sent.
    Err write_params(std::vector<std::uint8_t> &out);

    // Reads a ClientKeyExchange body and derives the premaster secret.
    //   psk:            PSK kinds: the key lookup;
    //   rsa_key:        RSA, RSA_PSK and VKO_GOST_12: the certificate's key
    //                   (GOST needs a key the library holds);
    //   client_version: RSA and RSA_PSK: the version the ClientHello
    //                   offered (its legacy_version).
    // For RSA key transport no error depends on the ciphertext's contents:
    // a bad one yields a random premaster and the handshake fails at
    // Finished (RFC 5246 7.4.7.1).
    Err read_client(Bytes body, SecretBytes &premaster, const PskLookup &psk = {},
                    const x509::Signer *rsa_key = nullptr, std::uint16_t client_version = kTls12);

    // PSK kinds: the identity the client sent (valid while this object
    // lives and is not re-initialised).
    Bytes psk_identity() const noexcept;
    const KxInfo &info() const noexcept;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

class ClientKx {
public:
    ClientKx();
    ~ClientKx();
    ClientKx(ClientKx &&) noexcept;
    ClientKx &operator=(ClientKx &&) noexcept;
    ClientKx(const ClientKx &) = delete;
    ClientKx &operator=(const ClientKx &) = delete;

    // Starts over for `kx`.  offered_groups: the client's supported_groups
    // (an ECDHE server must pick one of its curves); min_dh_bits: the
    // smallest DHE prime accepted.
    Err init(gnutls_kx_algorithm_t kx, std::vector<gnutls_group_t> offered_groups = {},
             unsigned min_dh_bits = 0);
    // Known-answer tests: our ephemeral private key.
    Err set_private_key(Bytes priv);
    // GOST: the hello randoms (its UKM is derived from them).
    void set_randoms(Bytes client_random, Bytes server_random);

    gnutls_kx_algorithm_t kx() const noexcept;
    // Whether ServerKeyExchange is mandatory (everything but RSA, PSK and
    // RSA_PSK) / allowed at all (everything but RSA).
    bool requires_server_params() const noexcept;
    bool accepts_server_params() const noexcept;

    // Reads a ServerKeyExchange body: `params` and `rest` as in
    // split_server_kx().  The server's values are checked, our key pair is
    // created and the (EC)DH secret computed here.
    Err parse_server_params(Bytes body, Bytes &params, Bytes &rest);
    // PSK kinds: the hint the server sent (empty when none).
    Bytes psk_hint() const noexcept;

    // Writes the ClientKeyExchange body (appended to `body`) and the
    // premaster secret.
    //   psk_identity, psk_key: PSK kinds (the key must not be empty);
    //   server_key:     RSA, RSA_PSK and VKO_GOST_12: the server certificate's key;
    //   client_version: RSA and RSA_PSK: the ClientHello's legacy_version,
    //                   the first two premaster bytes.
    Err write(std::vector<std::uint8_t> &body, SecretBytes &premaster, Bytes psk_identity = {},
              Bytes psk_key = {}, const x509::PublicKey *server_key = nullptr,
              std::uint16_t client_version = kTls12);

    const KxInfo &info() const noexcept;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// The RSA premaster decryption of a server (RFC 5246 7.4.7.1): always 48
// bytes in `premaster`, the decrypted secret when the ciphertext was
// valid, fresh random bytes otherwise, the first two set to
// client_version.  A signer holding a library key decrypts in constant
// time; any other signer is asked for a plain decryption whose outcome is
// folded in without a branch.  Errors only for conditions independent of
// the ciphertext (no RSA key, random generator failure).
Err rsa_premaster_decrypt(const x509::Signer &key, Bytes ct, MutableBytes premaster,
                          std::uint16_t client_version);

}  // namespace tlshim::tls
