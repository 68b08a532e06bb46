// SPDX-License-Identifier: LGPL-2.1-or-later
// Known-answer test vectors compiled into the library; used by the
// gnutls_*_self_test() functions and by the unit tests.  All byte strings
// are lowercase hex.
#pragma once

#include <gnutls/gnutls.h>

#include <cstdint>
#include <span>
#include <vector>

namespace tlshim::crypto::kat {

struct DigestVector {
    gnutls_digest_algorithm_t alg;
    const char *msg, *digest;
};
struct MacVector {
    gnutls_mac_algorithm_t alg;
    const char *key, *nonce, *msg, *mac;
};
// Ciphers without authentication, driven through the classic interface.
struct CipherVector {
    gnutls_cipher_algorithm_t alg;
    const char *key, *iv, *plaintext, *ciphertext;
};
struct AeadVector {
    gnutls_cipher_algorithm_t alg;
    const char *key, *nonce, *aad, *plaintext, *ciphertext, *tag;
};
struct HkdfVector {
    gnutls_mac_algorithm_t mac;
    const char *ikm, *salt, *info, *prk, *okm;
};
struct Pbkdf2Vector {
    gnutls_mac_algorithm_t mac;
    const char *password, *salt;
    unsigned iterations;
    const char *key;
};

std::span<const DigestVector> digests() noexcept;
std::span<const MacVector> macs() noexcept;
std::span<const CipherVector> ciphers() noexcept;
std::span<const AeadVector> aeads() noexcept;
std::span<const HkdfVector> hkdf() noexcept;
std::span<const Pbkdf2Vector> pbkdf2() noexcept;

// Decodes a lowercase hex string.
inline std::vector<std::uint8_t> unhex(const char *hex)
{
    auto nibble = [](char c) -> std::uint8_t {
        return static_cast<std::uint8_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    };
    std::vector<std::uint8_t> out;
    for (const char *p = hex; p[0] != '\0' && p[1] != '\0'; p += 2)
        out.push_back(static_cast<std::uint8_t>(nibble(p[0]) << 4 | nibble(p[1])));
    return out;
}

}  // namespace tlshim::crypto::kat
