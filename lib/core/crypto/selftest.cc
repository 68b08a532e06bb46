// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/crypto/selftest.hh"

#include <cstring>
#include <memory>
#include <vector>

#include "core/crypto/aead.hh"
#include "core/crypto/cipher.hh"
#include "core/crypto/hash.hh"
#include "core/crypto/kat.hh"
#include "core/crypto/kdf.hh"
#include "core/crypto/mac.hh"
#include "core/log.hh"

namespace tlshim::crypto {

namespace {

using Buf = std::vector<std::uint8_t>;

bool same(const Buf &a, const std::uint8_t *b, std::size_t n) { return a.size() == n && std::memcmp(a.data(), b, n) == 0; }
bool same(const Buf &a, const Buf &b) { return a == b; }

bool run(const kat::DigestVector &v)
{
    Buf msg = kat::unhex(v.msg), want = kat::unhex(v.digest);
    std::uint8_t out[kMaxHashSize];
    if (!ok(Hash::compute(v.alg, msg, out)) || !same(want, out, hash_output_size(v.alg)))
        return false;
    // Byte-at-a-time through a copied context.
    Hash h;
    if (!ok(h.init(v.alg)))
        return false;
    for (std::uint8_t b : msg)
        h.update(&b, 1);
    Hash copy(h);
    copy.digest(out);
    return same(want, out, h.size());
}

bool run(const kat::MacVector &v)
{
    Buf key = kat::unhex(v.key), nonce = kat::unhex(v.nonce), msg = kat::unhex(v.msg), want = kat::unhex(v.mac);
    Mac m;
    if (!ok(m.init(v.alg, key)))
        return false;
    if (!nonce.empty() && !ok(m.set_nonce(nonce)))
        return false;
    std::size_t half = msg.size() / 2;
    if (!ok(m.update(Bytes(msg.data(), half))) || !ok(m.update(Bytes(msg.data() + half, msg.size() - half))))
        return false;
    std::uint8_t out[kMaxMacSize];
    m.digest(out);
    return same(want, out, m.size());
}

bool run(const kat::CipherVector &v)
{
    Buf key = kat::unhex(v.key), iv = kat::unhex(v.iv), pt = kat::unhex(v.plaintext), ct = kat::unhex(v.ciphertext);
    Bytes ivb(iv);
    std::unique_ptr<Cipher> c;
    if (!ok(Cipher::create(v.alg, key, &ivb, c)))
        return false;
    Buf out(pt.size());
    if (!ok(c->encrypt(pt.data(), out.data(), pt.size())) || !same(ct, out))
        return false;
    // A fresh context for the other direction (ARCFOUR has no IV to reset).
    if (!ok(Cipher::create(v.alg, key, &ivb, c)) || !ok(c->decrypt(out.data(), out.data(), out.size())))
        return false;
    return same(pt, out);
}

bool run(const kat::AeadVector &v)
{
    Buf key = kat::unhex(v.key), nonce = kat::unhex(v.nonce), aad = kat::unhex(v.aad), pt = kat::unhex(v.plaintext),
        ct = kat::unhex(v.ciphertext), tag = kat::unhex(v.tag);
    std::unique_ptr<Aead> a;
    if (!ok(Aead::create(v.alg, key, a)))
        return false;
    Buf out(pt.size()), t(tag.size());
    if (!ok(a->seal(nonce, aad, pt.data(), pt.size(), out.data(), t)) || !same(ct, out) || !same(tag, t))
        return false;
    if (!ok(a->open(nonce, aad, out.data(), out.size(), out.data(), tag)) || !same(pt, out))
        return false;
    // A modified tag must be rejected.
    tag[0] ^= 1;
    return a->open(nonce, aad, ct.data(), ct.size(), out.data(), tag) == Err::decryption_failed;
}

bool run(const kat::HkdfVector &v)
{
    Buf ikm = kat::unhex(v.ikm), salt = kat::unhex(v.salt), info = kat::unhex(v.info), prk = kat::unhex(v.prk),
        okm = kat::unhex(v.okm);
    std::uint8_t p[kMaxMacSize];
    if (!ok(hkdf_extract(v.mac, ikm, salt, p)) || !same(prk, p, prk.size()))
        return false;
    Buf out(okm.size());
    return ok(hkdf_expand(v.mac, prk, info, out)) && same(okm, out);
}

bool run(const kat::Pbkdf2Vector &v)
{
    Buf pw = kat::unhex(v.password), salt = kat::unhex(v.salt), want = kat::unhex(v.key);
    Buf out(want.size());
    return ok(pbkdf2(v.mac, pw, salt, v.iterations, out)) && same(want, out);
}

template <typename V, typename A>
Err run_all(std::span<const V> vectors, bool all, A alg, A V::*field, const char *what)
{
    bool found = false;
    for (const V &v : vectors) {
        if (!all && v.*field != alg)
            continue;
        found = true;
        if (!run(v)) {
            log::write(2, "tlshim: %s self test failed for algorithm %d\n", what, static_cast<int>(v.*field));
            return Err::self_test_error;
        }
    }
    return found ? Err::ok : Err::no_self_test;
}

}  // namespace

Err digest_self_test(bool all, gnutls_digest_algorithm_t alg)
{
    all = all || alg == GNUTLS_DIG_UNKNOWN;
    return run_all(kat::digests(), all, alg, &kat::DigestVector::alg, "digest");
}

Err mac_self_test(bool all, gnutls_mac_algorithm_t alg)
{
    all = all || alg == GNUTLS_MAC_UNKNOWN;
    return run_all(kat::macs(), all, alg, &kat::MacVector::alg, "MAC");
}

Err cipher_self_test(bool all, gnutls_cipher_algorithm_t alg)
{
    all = all || alg == GNUTLS_CIPHER_UNKNOWN;
    // GnuTLS has no self test for the 8-byte-tag CCM variants; the vectors
    // still serve the unit tests.
    if (!all && (alg == GNUTLS_CIPHER_AES_128_CCM_8 || alg == GNUTLS_CIPHER_AES_256_CCM_8))
        return Err::no_self_test;
    Err a = run_all(kat::ciphers(), all, alg, &kat::CipherVector::alg, "cipher");
    Err b = run_all(kat::aeads(), all, alg, &kat::AeadVector::alg, "cipher");
    if (a == Err::self_test_error || b == Err::self_test_error)
        return Err::self_test_error;
    return ok(a) || ok(b) ? Err::ok : Err::no_self_test;
}

Err hkdf_self_test(bool all, gnutls_mac_algorithm_t mac)
{
    all = all || mac == GNUTLS_MAC_UNKNOWN;
    // GnuTLS only has HKDF vectors for HMAC-SHA256.
    if (!all && mac != GNUTLS_MAC_SHA256)
        return Err::no_self_test;
    return run_all(kat::hkdf(), all, mac, &kat::HkdfVector::mac, "HKDF");
}

Err pbkdf2_self_test(bool all, gnutls_mac_algorithm_t mac)
{
    all = all || mac == GNUTLS_MAC_UNKNOWN;
    if (!all && mac != GNUTLS_MAC_SHA256)
        return Err::no_self_test;
    return run_all(kat::pbkdf2(), all, mac, &kat::Pbkdf2Vector::mac, "PBKDF2");
}

}  // namespace tlshim::crypto
