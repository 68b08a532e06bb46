// SPDX-License-Identifier: LGPL-2.1-or-later
// Ciphers, MACs and digests.
#include "core/algo/table.hh"

namespace tlshim::algo {
namespace {

using K = CipherKind;

// In the order of gnutls_cipher_list(); the unlisted rows follow.
// id, name, key, block, iv, tag, kind, TLS fixed IV, TLS explicit nonce, TLS 1.3, listed
constexpr Cipher kCiphers[] = {
    {GNUTLS_CIPHER_AES_256_CBC, "AES-256-CBC", 32, 16, 16, 0, K::block, 0, 0, false, true},
    {GNUTLS_CIPHER_AES_192_CBC, "AES-192-CBC", 24, 16, 16, 0, K::block, 0, 0, false, true},
    {GNUTLS_CIPHER_AES_128_CBC, "AES-128-CBC", 16, 16, 16, 0, K::block, 0, 0, false, true},
    {GNUTLS_CIPHER_AES_128_GCM, "AES-128-GCM", 16, 16, 12, 16, K::aead, 4, 8, true, true},
    {GNUTLS_CIPHER_AES_192_GCM, "AES-192-GCM", 24, 16, 12, 16, K::aead, 4, 8, false, true},
    {GNUTLS_CIPHER_AES_256_GCM, "AES-256-GCM", 32, 16, 12, 16, K::aead, 4, 8, true, true},
    {GNUTLS_CIPHER_AES_128_CCM, "AES-128-CCM", 16, 16, 12, 16, K::aead, 4, 8, true, true},
    {GNUTLS_CIPHER_AES_256_CCM, "AES-256-CCM", 32, 16, 12, 16, K::aead, 4, 8, false, true},
    {GNUTLS_CIPHER_AES_128_CCM_8, "AES-128-CCM-8", 16, 16, 12, 8, K::aead, 4, 8, true, true},
    {GNUTLS_CIPHER_AES_256_CCM_8, "AES-256-CCM-8", 32, 16, 12, 8, K::aead, 4, 8, false, true},
    {GNUTLS_CIPHER_ARCFOUR_128, "ARCFOUR-128", 16, 1, 0, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_ESTREAM_SALSA20_256, "ESTREAM-SALSA20-256", 32, 64, 8, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_SALSA20_256, "SALSA20-256", 32, 64, 8, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_CHACHA20_32, "CHACHA20-32", 32, 64, 16, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_CHACHA20_64, "CHACHA20-64", 32, 64, 16, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_CAMELLIA_256_CBC, "CAMELLIA-256-CBC", 32, 16, 16, 0, K::block, 0, 0, false, true},
    {GNUTLS_CIPHER_CAMELLIA_192_CBC, "CAMELLIA-192-CBC", 24, 16, 16, 0, K::block, 0, 0, false, true},
    {GNUTLS_CIPHER_CAMELLIA_128_CBC, "CAMELLIA-128-CBC", 16, 16, 16, 0, K::block, 0, 0, false, true},
    {GNUTLS_CIPHER_CHACHA20_POLY1305, "CHACHA20-POLY1305", 32, 64, 12, 16, K::aead, 12, 0, true, true},
    {GNUTLS_CIPHER_CAMELLIA_128_GCM, "CAMELLIA-128-GCM", 16, 16, 12, 16, K::aead, 4, 8, false, true},
    {GNUTLS_CIPHER_CAMELLIA_256_GCM, "CAMELLIA-256-GCM", 32, 16, 12, 16, K::aead, 4, 8, false, true},
    {GNUTLS_CIPHER_GOST28147_TC26Z_CFB, "GOST28147-TC26Z-CFB", 32, 8, 8, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_GOST28147_CPA_CFB, "GOST28147-CPA-CFB", 32, 8, 8, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_GOST28147_CPB_CFB, "GOST28147-CPB-CFB", 32, 8, 8, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_GOST28147_CPC_CFB, "GOST28147-CPC-CFB", 32, 8, 8, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_GOST28147_CPD_CFB, "GOST28147-CPD-CFB", 32, 8, 8, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_AES_128_CFB8, "AES-128-CFB8", 16, 16, 16, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_AES_192_CFB8, "AES-192-CFB8", 24, 16, 16, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_AES_256_CFB8, "AES-256-CFB8", 32, 16, 16, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_AES_128_XTS, "AES-128-XTS", 32, 16, 16, 0, K::block, 0, 0, false, true},
    {GNUTLS_CIPHER_AES_256_XTS, "AES-256-XTS", 64, 16, 16, 0, K::block, 0, 0, false, true},
    {GNUTLS_CIPHER_AES_128_SIV, "AES-128-SIV", 32, 16, 16, 16, K::aead, 0, 0, false, true},
    {GNUTLS_CIPHER_AES_256_SIV, "AES-256-SIV", 64, 16, 16, 16, K::aead, 0, 0, false, true},
    // The cipher of the GOST TLS 1.2 suite: its 8-byte IV comes from the key block.
    {GNUTLS_CIPHER_GOST28147_TC26Z_CNT, "GOST28147-TC26Z-CNT", 32, 8, 8, 0, K::stream, 8, 0, false, true},
    {GNUTLS_CIPHER_MAGMA_CTR_ACPKM, "MAGMA-CTR-ACPKM", 32, 8, 8, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_KUZNYECHIK_CTR_ACPKM, "KUZNYECHIK-CTR-ACPKM", 32, 16, 16, 0, K::stream, 0, 0, false, true},
    {GNUTLS_CIPHER_3DES_CBC, "3DES-CBC", 24, 8, 8, 0, K::block, 0, 0, false, true},
    {GNUTLS_CIPHER_DES_CBC, "DES-CBC", 8, 8, 8, 0, K::block, 0, 0, false, true},
    {GNUTLS_CIPHER_RC2_40_CBC, "RC2-40", 5, 8, 8, 0, K::block, 0, 0, false, true},
    {GNUTLS_CIPHER_NULL, "NULL", 0, 1, 0, 0, K::null, 0, 0, false, true},
    // Known by id only.
    {GNUTLS_CIPHER_ARCFOUR_40, "ARCFOUR-40", 5, 1, 0, 0, K::stream, 0, 0, false, false},
};

TLSHIM_ALGO_LIST(kCipherList, gnutls_cipher_algorithm_t, kCiphers, r.listed);

using M = MacKind;

// In the order of gnutls_mac_list() (gnutls_digest_list() keeps the same
// relative order); unlisted rows follow.
// id, name, digest OID, HMAC OID, output, key, nonce, block, kind, digest?, MAC listed, digest listed
constexpr Mac kMacs[] = {
    {GNUTLS_MAC_SHA1, "SHA1", "1.3.14.3.2.26", "1.2.840.113549.2.7", 20, 20, 0, 64, M::hmac, true, true, true},
    {GNUTLS_MAC_SHA256, "SHA256", "2.16.840.1.101.3.4.2.1", "1.2.840.113549.2.9", 32, 32, 0, 64, M::hmac, true, true, true},
    {GNUTLS_MAC_SHA384, "SHA384", "2.16.840.1.101.3.4.2.2", "1.2.840.113549.2.10", 48, 48, 0, 128, M::hmac, true, true, true},
    {GNUTLS_MAC_SHA512, "SHA512", "2.16.840.1.101.3.4.2.3", "1.2.840.113549.2.11", 64, 64, 0, 128, M::hmac, true, true, true},
    {GNUTLS_MAC_SHA224, "SHA224", "2.16.840.1.101.3.4.2.4", "1.2.840.113549.2.8", 28, 28, 0, 64, M::hmac, true, true, true},
    {GNUTLS_MAC_UMAC_96, "UMAC-96", nullptr, nullptr, 12, 16, 8, 0, M::umac, false, true, false},
    {GNUTLS_MAC_UMAC_128, "UMAC-128", nullptr, nullptr, 16, 16, 8, 0, M::umac, false, true, false},
    {GNUTLS_MAC_AEAD, "AEAD", nullptr, nullptr, 0, 0, 0, 0, M::aead, false, true, false},
    {GNUTLS_MAC_MD5, "MD5", "1.2.840.113549.2.5", nullptr, 16, 16, 0, 64, M::hmac, true, true, true},
    {GNUTLS_MAC_GOSTR_94, "GOSTR341194", "1.2.643.2.2.9", "1.2.643.2.2.10", 32, 32, 0, 32, M::hmac, true, true, true},
    {GNUTLS_MAC_STREEBOG_256, "STREEBOG-256", "1.2.643.7.1.1.2.2", "1.2.643.7.1.1.4.1", 32, 32, 0, 64, M::hmac, true, true, true},
    {GNUTLS_MAC_STREEBOG_512, "STREEBOG-512", "1.2.643.7.1.1.2.3", "1.2.643.7.1.1.4.2", 64, 64, 0, 64, M::hmac, true, true, true},
    {GNUTLS_MAC_AES_CMAC_128, "AES-CMAC-128", nullptr, nullptr, 16, 16, 0, 0, M::cmac, false, true, false},
    {GNUTLS_MAC_AES_CMAC_256, "AES-CMAC-256", nullptr, nullptr, 16, 32, 0, 0, M::cmac, false, true, false},
    {GNUTLS_MAC_AES_GMAC_128, "AES-GMAC-128", nullptr, nullptr, 16, 16, 12, 0, M::gmac, false, true, false},
    {GNUTLS_MAC_AES_GMAC_192, "AES-GMAC-192", nullptr, nullptr, 16, 24, 12, 0, M::gmac, false, true, false},
    {GNUTLS_MAC_AES_GMAC_256, "AES-GMAC-256", nullptr, nullptr, 16, 32, 12, 0, M::gmac, false, true, false},
    {GNUTLS_MAC_GOST28147_TC26Z_IMIT, "GOST28147-TC26Z-IMIT", nullptr, nullptr, 4, 32, 0, 0, M::gost_imit, false, true, false},
    {GNUTLS_MAC_MAGMA_OMAC, "OMAC-MAGMA", nullptr, nullptr, 8, 32, 0, 0, M::omac, false, true, false},
    {GNUTLS_MAC_KUZNYECHIK_OMAC, "OMAC-KUZNYECHIK", nullptr, nullptr, 16, 32, 0, 0, M::omac, false, true, false},
    // Known by id (and, for digests, by name and OID) but not listed.
    {GNUTLS_MAC_NULL, "MAC-NULL", nullptr, nullptr, 0, 0, 0, 0, M::null, false, false, false},
    {GNUTLS_MAC_RMD160, "RIPEMD160", "1.3.36.3.2.1", nullptr, 20, 20, 0, 64, M::hmac, true, false, false},
    // GnuTLS reports MD2 with no output size: it cannot be computed.
    {GNUTLS_MAC_MD2, "MD2", "1.2.840.113549.2.2", nullptr, 0, 0, 0, 16, M::hmac, true, false, false},
    {GNUTLS_MAC_SHA3_224, "SHA3-224", "2.16.840.1.101.3.4.2.7", nullptr, 28, 28, 0, 144, M::hmac, true, false, false},
    {GNUTLS_MAC_SHA3_256, "SHA3-256", "2.16.840.1.101.3.4.2.8", nullptr, 32, 32, 0, 136, M::hmac, true, false, false},
    {GNUTLS_MAC_SHA3_384, "SHA3-384", "2.16.840.1.101.3.4.2.9", nullptr, 48, 48, 0, 104, M::hmac, true, false, false},
    {GNUTLS_MAC_SHA3_512, "SHA3-512", "2.16.840.1.101.3.4.2.10", nullptr, 64, 64, 0, 72, M::hmac, true, false, false},
    // The TLS 1.0/1.1 handshake hash: the two digests side by side.
    {GNUTLS_MAC_MD5_SHA1, "MD5+SHA1", nullptr, nullptr, 36, 36, 0, 64, M::md5_sha1, false, false, false},
    // Extendable-output functions: no fixed output size.
    {GNUTLS_MAC_SHAKE_128, "SHAKE-128", "2.16.840.1.101.3.4.2.11", nullptr, 0, 0, 0, 168, M::xof, true, false, false},
    {GNUTLS_MAC_SHAKE_256, "SHAKE-256", "2.16.840.1.101.3.4.2.12", nullptr, 0, 0, 0, 136, M::xof, true, false, false},
};

TLSHIM_ALGO_LIST(kMacList, gnutls_mac_algorithm_t, kMacs, r.mac_listed);

constexpr auto kDigestList = detail::zero_list<detail::count(kMacs, [](const Mac &r) { return r.digest_listed; }),
                                               gnutls_digest_algorithm_t>(
        kMacs, [](const Mac &r) { return r.digest_listed; },
        [](const Mac &r) { return static_cast<gnutls_digest_algorithm_t>(r.id); });

}  // namespace

std::span<const Cipher> cipher_table() noexcept
{
    return kCiphers;
}

const Cipher *cipher(int id) noexcept
{
    return detail::find(kCiphers, [id](const Cipher &c) { return c.id == id; });
}

const Cipher *cipher_by_name(std::string_view name) noexcept
{
    return detail::find(kCiphers, [name](const Cipher &c) { return c.listed && iequals(c.name, name); });
}

const gnutls_cipher_algorithm_t *cipher_list() noexcept
{
    return kCipherList.data();
}

std::span<const Mac> mac_table() noexcept
{
    return kMacs;
}

const Mac *mac(int id) noexcept
{
    return detail::find(kMacs, [id](const Mac &m) { return m.id == id; });
}

const Mac *digest(int id) noexcept
{
    const Mac *m = mac(id);
    return m != nullptr && m->digest ? m : nullptr;
}

const Mac *mac_by_name(std::string_view name) noexcept
{
    return detail::find(kMacs, [name](const Mac &m) { return m.mac_listed && iequals(m.name, name); });
}

const Mac *digest_by_name(std::string_view name) noexcept
{
    return detail::find(kMacs, [name](const Mac &m) { return m.digest && iequals(m.name, name); });
}

const Mac *digest_by_oid(std::string_view oid) noexcept
{
    return detail::find(kMacs, [oid](const Mac &m) { return m.digest && detail::same(m.oid, oid); });
}

const Mac *mac_by_oid(std::string_view oid) noexcept
{
    return detail::find(kMacs, [oid](const Mac &m) { return detail::same(m.mac_oid, oid); });
}

const gnutls_mac_algorithm_t *mac_list() noexcept
{
    return kMacList.data();
}

const gnutls_digest_algorithm_t *digest_list() noexcept
{
    return kDigestList.data();
}

}  // namespace tlshim::algo
