// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the crypto layer: known answers for every algorithm,
// context reuse and copying, tamper detection, the random generator, and
// the facade's size and error conventions.
#include <gnutls/crypto.h>
#include <gnutls/self-test.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <vector>

#include "core/crypto/aead.hh"
#include "core/crypto/cipher.hh"
#include "core/crypto/hash.hh"
#include "core/crypto/kat.hh"
#include "core/crypto/kdf.hh"
#include "core/crypto/mac.hh"
#include "core/crypto/random.hh"
#include "core/crypto/selftest.hh"

#include "../unit/check-main.hh"

using namespace tlshim;
using namespace tlshim::crypto;
using Buf = std::vector<std::uint8_t>;

static bool eq(const Buf &a, const std::uint8_t *b, std::size_t n) { return a.size() == n && std::memcmp(a.data(), b, n) == 0; }

START_TEST(digest_vectors)
{
    for (const auto &v : kat::digests()) {
        Buf msg = kat::unhex(v.msg), want = kat::unhex(v.digest);
        std::uint8_t out[kMaxHashSize];
        ck_assert_int_eq(static_cast<int>(Hash::compute(v.alg, msg, out)), 0);
        ck_assert_msg(eq(want, out, hash_output_size(v.alg)), "digest %d", v.alg);
        // Same answer through the facade, in two pieces.
        gnutls_hash_hd_t h;
        ck_assert_int_eq(gnutls_hash_init(&h, v.alg), 0);
        ck_assert_int_eq(gnutls_hash(h, msg.data(), 1), 0);
        ck_assert_int_eq(gnutls_hash(h, msg.data() + 1, msg.size() - 1), 0);
        std::memset(out, 0, sizeof out);
        gnutls_hash_deinit(h, out);
        ck_assert_msg(eq(want, out, want.size()), "facade digest %d", v.alg);
    }
}
END_TEST

START_TEST(digest_reuse_and_copy)
{
    // SHA-256("abc") and SHA-256("") from FIPS 180-4 / the empty-string value.
    Buf abc = kat::unhex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    Buf empty = kat::unhex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    Hash h;
    ck_assert_int_eq(static_cast<int>(h.init(GNUTLS_DIG_SHA256)), 0);
    h.update("ab", 2);
    Hash c(h);
    h.update("c", 1);
    std::uint8_t out[32];
    h.digest(out);
    ck_assert(eq(abc, out, 32));
    h.digest(out);  // a new, empty message
    ck_assert(eq(empty, out, 32));
    c.update("c", 1);
    c.digest(out);
    ck_assert(eq(abc, out, 32));
    // MD5+SHA1 is the concatenation of the two digests.
    std::uint8_t both[36];
    ck_assert_int_eq(static_cast<int>(Hash::compute(GNUTLS_DIG_MD5_SHA1, as_bytes("abc"), both)), 0);
    ck_assert(eq(kat::unhex("900150983cd24fb0d6963f7d28e17f72a9993e364706816aba3e25717850c26c9cd0d89d"), both, 36));
    // Unsupported digests.
    ck_assert_int_eq(static_cast<int>(h.init(GNUTLS_DIG_RMD160)), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(static_cast<int>(h.init(GNUTLS_DIG_SHAKE_128)), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(gnutls_hash_fast(GNUTLS_DIG_UNKNOWN, "abc", 3, out), GNUTLS_E_INVALID_REQUEST);
}
END_TEST

START_TEST(mac_vectors)
{
    for (const auto &v : kat::macs()) {
        Buf key = kat::unhex(v.key), nonce = kat::unhex(v.nonce), msg = kat::unhex(v.msg), want = kat::unhex(v.mac);
        gnutls_hmac_hd_t h;
        ck_assert_int_eq(gnutls_hmac_init(&h, v.alg, key.data(), key.size()), 0);
        if (!nonce.empty())
            gnutls_hmac_set_nonce(h, nonce.data(), nonce.size());
        ck_assert_int_eq(gnutls_hmac(h, msg.data(), msg.size()), 0);
        std::uint8_t out[kMaxMacSize] = {};
        gnutls_hmac_deinit(h, out);
        ck_assert_msg(eq(want, out, want.size()), "mac %d", v.alg);
        if (nonce.empty()) {
            std::memset(out, 0, sizeof out);
            ck_assert_int_eq(gnutls_hmac_fast(v.alg, key.data(), key.size(), msg.data(), msg.size(), out), 0);
            ck_assert_msg(eq(want, out, want.size()), "mac fast %d", v.alg);
        } else {
            ck_assert_int_eq(gnutls_hmac_fast(v.alg, key.data(), key.size(), msg.data(), msg.size(), out),
                             GNUTLS_E_INVALID_REQUEST);
        }
    }
}
END_TEST

START_TEST(mac_behaviour)
{
    // RFC 4231 test case 1 (HMAC-SHA-256), fed byte by byte, then reused.
    Buf key(20, 0x0b), want = kat::unhex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    Mac m;
    ck_assert_int_eq(static_cast<int>(m.init(GNUTLS_MAC_SHA256, key)), 0);
    for (char c : std::string("Hi There"))
        m.update(Bytes(reinterpret_cast<const std::uint8_t *>(&c), 1));
    Mac copy(m);
    std::uint8_t out[32];
    m.digest(out);
    ck_assert(eq(want, out, 32));
    m.update(as_bytes("Hi There"));  // the key survives the digest
    m.digest(out);
    ck_assert(eq(want, out, 32));
    copy.digest(out);
    ck_assert(eq(want, out, 32));
    // Fixed-size keys are checked; SHA-3 HMAC is not offered (as in GnuTLS with Nettle 3.8).
    ck_assert_int_eq(static_cast<int>(m.init(GNUTLS_MAC_AES_CMAC_128, Bytes(key.data(), 15))), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(static_cast<int>(m.init(GNUTLS_MAC_UMAC_96, Bytes(key.data(), 8))), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(static_cast<int>(m.init(GNUTLS_MAC_SHA3_256, key)), GNUTLS_E_INVALID_REQUEST);
    // GMAC across unaligned updates equals the one-piece answer.
    const auto &g = kat::macs()[11];
    ck_assert_int_eq(g.alg, GNUTLS_MAC_AES_GMAC_128);
    Buf gk = kat::unhex(g.key), gn = kat::unhex(g.nonce), gm = kat::unhex(g.msg), gw = kat::unhex(g.mac);
    ck_assert_int_eq(static_cast<int>(m.init(g.alg, gk)), 0);
    m.set_nonce(gn);
    for (std::size_t i = 0; i < gm.size(); i += 5)
        ck_assert_int_eq(static_cast<int>(m.update(Bytes(gm.data() + i, std::min<std::size_t>(5, gm.size() - i)))), 0);
    m.digest(out);
    ck_assert(eq(gw, out, 16));
    // More data after an unaligned digest needs a new nonce.
    ck_assert_int_eq(static_cast<int>(m.update(as_bytes("x"))), GNUTLS_E_INVALID_REQUEST);
}
END_TEST

START_TEST(kdf_vectors)
{
    for (const auto &v : kat::hkdf()) {
        Buf ikm = kat::unhex(v.ikm), salt = kat::unhex(v.salt), info = kat::unhex(v.info), prk = kat::unhex(v.prk),
            okm = kat::unhex(v.okm);
        std::uint8_t p[64];
        gnutls_datum_t k{ikm.data(), static_cast<unsigned>(ikm.size())}, s{salt.data(), static_cast<unsigned>(salt.size())};
        ck_assert_int_eq(gnutls_hkdf_extract(v.mac, &k, salt.empty() ? nullptr : &s, p), 0);
        ck_assert(eq(prk, p, prk.size()));
        Buf out(okm.size());
        gnutls_datum_t pk{prk.data(), static_cast<unsigned>(prk.size())}, in{info.data(), static_cast<unsigned>(info.size())};
        ck_assert_int_eq(gnutls_hkdf_expand(v.mac, &pk, info.empty() ? nullptr : &in, out.data(), out.size()), 0);
        ck_assert(out == okm);
    }
    for (const auto &v : kat::pbkdf2()) {
        Buf pw = kat::unhex(v.password), salt = kat::unhex(v.salt), want = kat::unhex(v.key), out(want.size());
        ck_assert_int_eq(static_cast<int>(pbkdf2(v.mac, pw, salt, v.iterations, out)), 0);
        ck_assert_msg(out == want, "pbkdf2 %d/%u", v.mac, v.iterations);
    }
    Buf prk(32, 1), big(255 * 32 + 1);
    ck_assert_int_eq(static_cast<int>(hkdf_expand(GNUTLS_MAC_SHA256, prk, {}, MutableBytes(big.data(), 255 * 32))), 0);
    ck_assert_int_eq(static_cast<int>(hkdf_expand(GNUTLS_MAC_SHA256, prk, {}, big)), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(static_cast<int>(hkdf_expand(GNUTLS_MAC_AES_CMAC_128, prk, {}, MutableBytes(big.data(), 16))),
                     GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(static_cast<int>(pbkdf2(GNUTLS_MAC_SHA1, prk, prk, 0, MutableBytes(big.data(), 16))),
                     GNUTLS_E_INVALID_REQUEST);
}
END_TEST

START_TEST(cipher_vectors)
{
    for (const auto &v : kat::ciphers()) {
        Buf key = kat::unhex(v.key), iv = kat::unhex(v.iv), pt = kat::unhex(v.plaintext), ct = kat::unhex(v.ciphertext);
        gnutls_cipher_hd_t h;
        gnutls_datum_t k{key.data(), static_cast<unsigned>(key.size())}, i{iv.data(), static_cast<unsigned>(iv.size())};
        ck_assert_int_eq(gnutls_cipher_init(&h, v.alg, &k, iv.empty() ? nullptr : &i), 0);
        Buf buf = pt;
        ck_assert_int_eq(gnutls_cipher_encrypt(h, buf.data(), buf.size()), 0);
        ck_assert_msg(buf == ct, "cipher %d", v.alg);
        gnutls_cipher_deinit(h);
        ck_assert_int_eq(gnutls_cipher_init(&h, v.alg, &k, iv.empty() ? nullptr : &i), 0);
        Buf back(pt.size());
        ck_assert_int_eq(gnutls_cipher_decrypt2(h, ct.data(), ct.size(), back.data(), back.size()), 0);
        ck_assert_msg(back == pt, "decrypt %d", v.alg);
        gnutls_cipher_deinit(h);
    }
}
END_TEST

START_TEST(cbc_chaining_and_padding)
{
    // SP 800-38A F.2.1 split across two calls: the IV chains.
    const auto &v = kat::ciphers()[2];
    ck_assert_int_eq(v.alg, GNUTLS_CIPHER_AES_128_CBC);
    Buf key = kat::unhex(v.key), iv = kat::unhex(v.iv), pt = kat::unhex(v.plaintext), ct = kat::unhex(v.ciphertext);
    Bytes ivb(iv);
    std::unique_ptr<Cipher> c;
    ck_assert_int_eq(static_cast<int>(Cipher::create(v.alg, key, &ivb, c)), 0);
    Buf out(pt.size());
    ck_assert_int_eq(static_cast<int>(c->encrypt(pt.data(), out.data(), 16)), 0);
    ck_assert_int_eq(static_cast<int>(c->encrypt(pt.data() + 16, out.data() + 16, 16)), 0);
    ck_assert(out == ct);
    ck_assert_int_eq(static_cast<int>(c->encrypt(pt.data(), out.data(), 15)), GNUTLS_E_INVALID_REQUEST);
    // PKCS#7 through the facade: 5 bytes become one block and come back.
    gnutls_cipher_hd_t h;
    gnutls_datum_t k{key.data(), 16}, i{iv.data(), 16};
    ck_assert_int_eq(gnutls_cipher_init(&h, v.alg, &k, &i), 0);
    std::uint8_t enc[32], dec[32];
    size_t elen = sizeof enc;
    ck_assert_int_eq(gnutls_cipher_encrypt3(h, "hello", 5, enc, &elen, GNUTLS_CIPHER_PADDING_PKCS7), 0);
    ck_assert_uint_eq(elen, 16);
    gnutls_cipher_set_iv(h, iv.data(), 16);
    size_t dlen = 16;
    ck_assert_int_eq(gnutls_cipher_decrypt3(h, enc, elen, dec, &dlen, GNUTLS_CIPHER_PADDING_PKCS7), 0);
    ck_assert_uint_eq(dlen, 5);
    ck_assert(std::memcmp(dec, "hello", 5) == 0);
    // A corrupted last block gives bad padding (with overwhelming probability).
    enc[15] ^= 0x80;
    gnutls_cipher_set_iv(h, iv.data(), 16);
    dlen = 16;
    ck_assert_int_eq(gnutls_cipher_decrypt3(h, enc, elen, dec, &dlen, GNUTLS_CIPHER_PADDING_PKCS7),
                     GNUTLS_E_DECRYPTION_FAILED);
    dlen = 15;
    ck_assert_int_eq(gnutls_cipher_decrypt3(h, enc, elen, dec, &dlen, 0), GNUTLS_E_SHORT_MEMORY_BUFFER);
    gnutls_cipher_deinit(h);
    // Wrong sizes: AES reports them as an internal error, like GnuTLS.
    k.size = 15;
    ck_assert_int_eq(gnutls_cipher_init(&h, v.alg, &k, &i), GNUTLS_E_INTERNAL_ERROR);
    ck_assert_int_eq(gnutls_cipher_init(&h, GNUTLS_CIPHER_AES_128_CCM, &k, &i), GNUTLS_E_INVALID_REQUEST);
}
END_TEST

START_TEST(aead_vectors)
{
    for (const auto &v : kat::aeads()) {
        Buf key = kat::unhex(v.key), nonce = kat::unhex(v.nonce), aad = kat::unhex(v.aad), pt = kat::unhex(v.plaintext),
            ct = kat::unhex(v.ciphertext), tag = kat::unhex(v.tag);
        std::unique_ptr<Aead> a;
        ck_assert_int_eq(static_cast<int>(Aead::create(v.alg, key, a)), 0);
        // In place.
        Buf buf = pt, t(tag.size());
        ck_assert_int_eq(static_cast<int>(a->seal(nonce, aad, buf.data(), buf.size(), buf.data(), t)), 0);
        ck_assert_msg(buf == ct && t == tag, "aead %d", v.alg);
        ck_assert_int_eq(static_cast<int>(a->open(nonce, aad, buf.data(), buf.size(), buf.data(), t)), 0);
        ck_assert(buf == pt);
        // The context is reusable for the next message.
        Buf again(pt.size());
        ck_assert_int_eq(static_cast<int>(a->seal(nonce, aad, pt.data(), pt.size(), again.data(), t)), 0);
        ck_assert(again == ct && t == tag);
        // A tag of no bytes, or longer than the algorithm's, is refused.
        std::uint8_t big[kMaxTagSize + 1];
        ck_assert_int_eq(static_cast<int>(a->seal(nonce, aad, pt.data(), pt.size(), again.data(), MutableBytes(big, 0))),
                         GNUTLS_E_INVALID_REQUEST);
        ck_assert_int_eq(static_cast<int>(a->open(nonce, aad, ct.data(), ct.size(), again.data(), Bytes(big, sizeof big))),
                         GNUTLS_E_INVALID_REQUEST);
    }
}
END_TEST

// Every AEAD: a flipped bit in the tag, ciphertext or associated data is
// refused, and nothing of the plaintext is released.
START_TEST(aead_tamper)
{
    for (const auto &v : kat::aeads()) {
        Buf key = kat::unhex(v.key), nonce = kat::unhex(v.nonce), aad = kat::unhex(v.aad), pt = kat::unhex(v.plaintext),
            ct = kat::unhex(v.ciphertext), tag = kat::unhex(v.tag);
        if (aad.empty())
            aad = {1, 2, 3};
        gnutls_aead_cipher_hd_t h;
        gnutls_datum_t k{key.data(), static_cast<unsigned>(key.size())};
        ck_assert_int_eq(gnutls_aead_cipher_init(&h, v.alg, &k), 0);
        Buf wire(pt.size() + tag.size());
        size_t wlen = wire.size();
        ck_assert_int_eq(gnutls_aead_cipher_encrypt(h, nonce.data(), nonce.size(), aad.data(), aad.size(), 0, pt.data(),
                                                    pt.size(), wire.data(), &wlen),
                         0);
        ck_assert_uint_eq(wlen, wire.size());
        for (std::size_t pos : {std::size_t{0}, wire.size() / 2, wire.size() - 1}) {
            Buf bad = wire;
            bad[pos] ^= 0x01;
            Buf out(pt.size(), 0xee);
            size_t olen = out.size();
            ck_assert_int_eq(gnutls_aead_cipher_decrypt(h, nonce.data(), nonce.size(), aad.data(), aad.size(), 0, bad.data(),
                                                        bad.size(), out.data(), &olen),
                             GNUTLS_E_DECRYPTION_FAILED);
            ck_assert_uint_eq(olen, pt.size());
            for (std::uint8_t b : out)
                ck_assert_msg(b == 0 || b == 0xee, "plaintext released by %d", v.alg);
        }
        Buf badad = aad;
        badad[0] ^= 0x80;
        Buf out(pt.size());
        size_t olen = out.size();
        ck_assert_int_eq(gnutls_aead_cipher_decrypt(h, nonce.data(), nonce.size(), badad.data(), badad.size(), 0,
                                                    wire.data(), wire.size(), out.data(), &olen),
                         GNUTLS_E_DECRYPTION_FAILED);
        ck_assert_int_eq(gnutls_aead_cipher_decrypt(h, nonce.data(), nonce.size(), aad.data(), aad.size(), 0, wire.data(),
                                                    wire.size(), out.data(), &olen),
                         0);
        ck_assert(out == pt);
        gnutls_aead_cipher_deinit(h);
    }
}
END_TEST

START_TEST(aead_sizes)
{
    Buf key(16, 7), nonce(12, 9);
    gnutls_aead_cipher_hd_t h;
    gnutls_datum_t k{key.data(), 16};
    ck_assert_int_eq(gnutls_aead_cipher_init(&h, GNUTLS_CIPHER_AES_128_GCM, &k), 0);
    std::uint8_t out[64];
    size_t olen = 20;  // 5 + 16 needed
    ck_assert_int_eq(gnutls_aead_cipher_encrypt(h, nonce.data(), 12, "AD", 2, 0, "hello", 5, out, &olen),
                     GNUTLS_E_SHORT_MEMORY_BUFFER);
    ck_assert_uint_eq(olen, 20);
    olen = sizeof out;
    ck_assert_int_eq(gnutls_aead_cipher_encrypt(h, nonce.data(), 12, "AD", 2, 17, "hello", 5, out, &olen),
                     GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(gnutls_aead_cipher_encrypt(h, nonce.data(), 12, "AD", 2, 8, "hello", 5, out, &olen), 0);
    ck_assert_uint_eq(olen, 13);
    std::uint8_t pt[16];
    size_t plen = sizeof pt;
    ck_assert_int_eq(gnutls_aead_cipher_decrypt(h, nonce.data(), 12, "AD", 2, 8, out, olen, pt, &plen), 0);
    ck_assert_uint_eq(plen, 5);
    plen = sizeof pt;
    ck_assert_int_eq(gnutls_aead_cipher_decrypt(h, nonce.data(), 12, "AD", 2, 0, out, 3, pt, &plen),
                     GNUTLS_E_DECRYPTION_FAILED);
    gnutls_aead_cipher_deinit(h);
    k.size = 15;
    ck_assert_int_eq(gnutls_aead_cipher_init(&h, GNUTLS_CIPHER_AES_128_GCM, &k), GNUTLS_E_INTERNAL_ERROR);
    ck_assert_int_eq(gnutls_aead_cipher_init(&h, GNUTLS_CIPHER_AES_128_CBC, &k), GNUTLS_E_INVALID_REQUEST);
    // CCM nonces outside 7..14 bytes are refused rather than aborting.
    k.size = 16;
    ck_assert_int_eq(gnutls_aead_cipher_init(&h, GNUTLS_CIPHER_AES_128_CCM, &k), 0);
    olen = sizeof out;
    ck_assert_int_eq(gnutls_aead_cipher_encrypt(h, nonce.data(), 6, nullptr, 0, 0, "hello", 5, out, &olen),
                     GNUTLS_E_INVALID_REQUEST);
    gnutls_aead_cipher_deinit(h);
}
END_TEST

START_TEST(random_output)
{
    for (int level = 0; level <= 2; level++) {
        std::uint8_t a[64] = {}, b[64] = {}, zero[64] = {};
        ck_assert_int_eq(gnutls_rnd(static_cast<gnutls_rnd_level_t>(level), a, sizeof a), 0);
        ck_assert_int_eq(gnutls_rnd(static_cast<gnutls_rnd_level_t>(level), b, sizeof b), 0);
        ck_assert(std::memcmp(a, zero, sizeof a) != 0);
        ck_assert(std::memcmp(a, b, sizeof a) != 0);
        gnutls_rnd_refresh();
        ck_assert_int_eq(gnutls_rnd(static_cast<gnutls_rnd_level_t>(level), b, sizeof b), 0);
        ck_assert(std::memcmp(a, b, sizeof a) != 0);
    }
    std::uint8_t x[4];
    ck_assert_int_eq(gnutls_rnd(static_cast<gnutls_rnd_level_t>(3), x, sizeof x), GNUTLS_E_RANDOM_FAILED);
    ck_assert_int_eq(gnutls_rnd(GNUTLS_RND_KEY, nullptr, 0), 0);
    // Byte frequencies of a large output are plausible.
    std::vector<std::uint8_t> big(1 << 16);
    ck_assert_int_eq(static_cast<int>(random(RandomLevel::key, big)), 0);
    unsigned counts[256] = {};
    for (std::uint8_t c : big)
        counts[c]++;
    for (unsigned c : counts)
        ck_assert(c > 128 && c < 384);
}
END_TEST

// A forked child must not repeat the parent's output.
START_TEST(random_after_fork)
{
    for (int level = 0; level <= 2; level++) {
        std::uint8_t warm[16];
        ck_assert_int_eq(gnutls_rnd(static_cast<gnutls_rnd_level_t>(level), warm, sizeof warm), 0);
        int fds[2];
        ck_assert_int_eq(pipe(fds), 0);
        pid_t pid = fork();
        ck_assert(pid >= 0);
        if (pid == 0) {
            std::uint8_t c[32];
            int rc = gnutls_rnd(static_cast<gnutls_rnd_level_t>(level), c, sizeof c);
            ssize_t n = write(fds[1], c, sizeof c);
            _exit(rc == 0 && n == static_cast<ssize_t>(sizeof c) ? 0 : 1);
        }
        close(fds[1]);
        std::uint8_t p[32], c[32];
        ck_assert_int_eq(gnutls_rnd(static_cast<gnutls_rnd_level_t>(level), p, sizeof p), 0);
        ck_assert_int_eq(static_cast<int>(read(fds[0], c, sizeof c)), static_cast<int>(sizeof c));
        close(fds[0]);
        int status = 0;
        waitpid(pid, &status, 0);
        ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        ck_assert(std::memcmp(p, c, sizeof p) != 0);
    }
}
END_TEST

START_TEST(self_tests)
{
    ck_assert_int_eq(gnutls_digest_self_test(GNUTLS_SELF_TEST_FLAG_ALL, GNUTLS_DIG_UNKNOWN), 0);
    ck_assert_int_eq(gnutls_mac_self_test(GNUTLS_SELF_TEST_FLAG_ALL, GNUTLS_MAC_UNKNOWN), 0);
    ck_assert_int_eq(gnutls_cipher_self_test(GNUTLS_SELF_TEST_FLAG_ALL, GNUTLS_CIPHER_UNKNOWN), 0);
    ck_assert_int_eq(gnutls_hkdf_self_test(GNUTLS_SELF_TEST_FLAG_ALL, GNUTLS_MAC_UNKNOWN), 0);
    ck_assert_int_eq(gnutls_pbkdf2_self_test(GNUTLS_SELF_TEST_FLAG_ALL, GNUTLS_MAC_UNKNOWN), 0);
    ck_assert_int_eq(gnutls_digest_self_test(0, GNUTLS_DIG_SHA3_384), 0);
    ck_assert_int_eq(gnutls_mac_self_test(0, GNUTLS_MAC_AES_GMAC_192), 0);
    ck_assert_int_eq(gnutls_cipher_self_test(0, GNUTLS_CIPHER_AES_256_SIV), 0);
    ck_assert_int_eq(gnutls_digest_self_test(0, GNUTLS_DIG_MD5_SHA1), GNUTLS_E_NO_SELF_TEST);
    ck_assert_int_eq(gnutls_mac_self_test(0, GNUTLS_MAC_UMAC_96), GNUTLS_E_NO_SELF_TEST);
    ck_assert_int_eq(gnutls_cipher_self_test(0, GNUTLS_CIPHER_AES_128_CCM_8), GNUTLS_E_NO_SELF_TEST);
    ck_assert_int_eq(gnutls_hkdf_self_test(0, GNUTLS_MAC_SHA1), GNUTLS_E_NO_SELF_TEST);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("crypto");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, digest_vectors);
    tcase_add_test(tc, digest_reuse_and_copy);
    tcase_add_test(tc, mac_vectors);
    tcase_add_test(tc, mac_behaviour);
    tcase_add_test(tc, kdf_vectors);
    tcase_add_test(tc, cipher_vectors);
    tcase_add_test(tc, cbc_chaining_and_padding);
    tcase_add_test(tc, aead_vectors);
    tcase_add_test(tc, aead_tamper);
    tcase_add_test(tc, aead_sizes);
    tcase_add_test(tc, random_output);
    tcase_add_test(tc, random_after_fork);
    tcase_add_test(tc, self_tests);
    suite_add_tcase(s, tc);
    return s;
}
