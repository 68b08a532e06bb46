// SPDX-License-Identifier: LGPL-2.1-or-later
// Ephemeral key exchange for TLS: one key pair on a named group and the
// shared secret with a peer's public value.
//
// The wire forms are those of a TLS 1.3 key_share entry (RFC 8446 section
// 4.2.8.2), which TLS 1.2 uses too (RFC 8422 ECPoint, RFC 7919 dh_Ys):
//   * secp256r1/384r1/521r1: the uncompressed point 0x04 || X || Y;
//   * x25519/x448: the 32/56-byte u-coordinate (RFC 7748);
//   * ffdhe2048..8192: Y left-padded to the length of the prime.
// The shared secret is the ECDH x-coordinate, the X25519/X448 output, or
// the DH value left-padded to the prime's length (TLS 1.3) or with leading
// zeros stripped (TLS 1.2, `tls12_strip`).
//
// A peer value that is malformed, not on the curve, of small order or out
// of range gives Err::received_illegal_parameter (illegal_parameter); a
// group tlshim cannot compute on gives Err::ecc_unsupported_curve.
#pragma once

#include <gnutls/gnutls.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/secret.hh"

namespace tlshim::tls {

class KeyShare {
public:
    KeyShare();
    ~KeyShare();
    KeyShare(KeyShare &&) noexcept;
    KeyShare &operator=(KeyShare &&) noexcept;
    KeyShare(const KeyShare &) = delete;
    KeyShare &operator=(const KeyShare &) = delete;

    // Whether tlshim can generate shares on the group (an algo::Group that is
    // listed and of kind ec, montgomery or ffdhe).
    static bool supported(gnutls_group_t group) noexcept;

    // A fresh key pair; Err::ecc_unsupported_curve for a group that is not
    // supported().
    Err generate(gnutls_group_t group);
    // For known-answer tests: the private key given (EC scalar / X25519
    // scalar / DH exponent, big-endian or as RFC 7748 bytes).
    Err generate_from(gnutls_group_t group, Bytes priv);

    bool valid() const noexcept;
    gnutls_group_t group() const noexcept { return group_; }
    // Our public value in wire form (valid while this object lives).
    Bytes public_value() const noexcept { return Bytes(pub_); }

    // The shared secret with the peer's public value (wire form).  With
    // tls12_strip, a finite-field peer value may also come shorter than the
    // prime (a TLS 1.2 dh_Ys without its leading zeros).
    Err shared(Bytes peer, SecretBytes &out, bool tls12_strip = false) const;

    // Forget the private key.
    void reset() noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    gnutls_group_t group_ = GNUTLS_GROUP_INVALID;
    std::vector<std::uint8_t> pub_;
};

}  // namespace tlshim::tls
