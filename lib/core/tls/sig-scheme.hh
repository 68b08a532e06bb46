// SPDX-License-Identifier: LGPL-2.1-or-later
// Signature schemes in the TLS handshake: which schemes a key can sign
// with, which one to use given what the peer accepts, whether a scheme the
// peer used is acceptable, and the bytes a TLS 1.3 CertificateVerify
// signs.
//
// Schemes are the algo::Sign rows (gnutls_sign_algorithm_t ids) with their
// TLS code points (algo::Sign::tls_id).  TLS 1.3 restricts them (RFC 8446
// section 4.2.3 and 4.4.3): no PKCS#1 v1.5 in CertificateVerify, no SHA-1,
// ECDSA bound to its curve (ecdsa_secp256r1_sha256 needs a P-256 key ...).
// rsa_pss_rsae_* need an rsaEncryption key, rsa_pss_pss_* an RSA-PSS key
// (and one whose parameters, if any, allow the scheme's hash and a salt of
// the hash's length).
#pragma once

#include <gnutls/gnutls.h>

#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/tls/extensions.hh"
#include "core/x509/key.hh"

namespace tlshim::tls {

// What matters about a key for choosing a scheme.
struct KeyInfo {
    gnutls_pk_algorithm_t pk = GNUTLS_PK_UNKNOWN;  // RSA, RSA_PSS, ECDSA, EDDSA_ED25519, EDDSA_ED448
    unsigned bits = 0;
    gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;  // ECDSA/EdDSA keys
    x509::PssParams pss;                                  // RSA-PSS restrictions
};

// Whether the key can produce (or a public key of this kind can verify)
// signatures of the scheme, under TLS 1.3 rules (`tls13`) or TLS 1.2 rules.
bool scheme_fits_key(gnutls_sign_algorithm_t scheme, const KeyInfo &key, bool tls13) noexcept;

// The scheme to sign with: the first entry of `ours` (our priority order,
// gnutls_sign_algorithm_t values) that the peer listed in `peer` (its
// signature_algorithms code points), that fits the key and that is allowed
// in the version.  GNUTLS_SIGN_UNKNOWN when none (the caller then tries
// another key, or fails the handshake).
gnutls_sign_algorithm_t choose_scheme(const std::vector<unsigned> &ours, U16List peer, const KeyInfo &key,
                                      bool tls13) noexcept;

// Checks the scheme a peer signed with (code point `tls_id` from a
// CertificateVerify or ServerKeyExchange): it must be one we offered
// (`ours`, in our priority), allowed in the version and fit the peer's key.
// On success `scheme` is its id.  Errors: Err::unsupported_signature_algorithm
// for a code point we do not know or did not offer or that does not fit the
// key (the engine sends illegal_parameter for it).
Err check_peer_scheme(std::uint16_t tls_id, const std::vector<unsigned> &ours, const KeyInfo &peer_key,
                      bool tls13, gnutls_sign_algorithm_t &scheme) noexcept;

// The signature_algorithms list a hello or CertificateRequest carries,
// given our priority list and whether TLS 1.2 is among the versions on
// offer: the code points in our order, with the entries the real GnuTLS
// 3.7.9 sends in the same situation.  Like it, an entry is left out when
// its code point equals the one sent just before it, so the TLS 1.2 and
// 1.3 rows of a code point collapse only when adjacent (a code point can
// appear twice otherwise).  TLS 1.3 is assumed to be on offer: rows valid
// only in TLS 1.3 are always kept (the reference drops them when it offers
// TLS 1.2 alone).
std::vector<std::uint16_t> advertised_schemes(const std::vector<unsigned> &ours, bool with_tls12);

// RFC 8446 section 4.4.3: 64 spaces, the context string ("TLS 1.3, server
// CertificateVerify" or "TLS 1.3, client CertificateVerify"), a zero byte,
// then the transcript hash.
std::vector<std::uint8_t> certificate_verify_content13(bool server, Bytes transcript_hash);

// The KeyInfo of a public key.
KeyInfo key_info(const x509::PublicKey &key) noexcept;

}  // namespace tlshim::tls
