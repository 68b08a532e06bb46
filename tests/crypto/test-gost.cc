// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of GOST 28147-89 (core/crypto/gost28147.hh): the RFC 8891
// block vector, known answers across the key meshing points, the mode
// semantics (continuous counter mode, CFB partial blocks, MAC restarts),
// the CryptoPro key wrap (known answer, round trip, tampering) and the
// classic API's GOST ciphers and MAC.
#include <gnutls/crypto.h>
#include <gnutls/self-test.h>

#include <cstring>
#include <memory>
#include <vector>

#include "core/crypto/cipher.hh"
#include "core/crypto/gost28147.hh"
#include "core/crypto/hash.hh"
#include "core/crypto/kat.hh"
#include "core/crypto/mac.hh"

#include "../unit/check-main.hh"

using namespace tlshim;
using namespace tlshim::crypto;
using Buf = std::vector<std::uint8_t>;

namespace {

bool eq(const Buf &a, const std::uint8_t *b, std::size_t n) { return a.size() == n && std::memcmp(a.data(), b, n) == 0; }

Buf seq(std::size_t n, std::uint8_t start = 0)
{
    Buf b(n);
    for (std::size_t i = 0; i < n; i++)
        b[i] = static_cast<std::uint8_t>(start + i);
    return b;
}

Buf sha256(const Buf &in)
{
    Buf out(32);
    ck_assert_int_eq(static_cast<int>(Hash::compute(GNUTLS_DIG_SHA256, in, out.data())), 0);
    return out;
}

const gost::Sbox kAllSboxes[] = {gost::Sbox::tc26z, gost::Sbox::cryptopro_a, gost::Sbox::cryptopro_b,
                                 gost::Sbox::cryptopro_c, gost::Sbox::cryptopro_d};

}  // namespace

// RFC 8891 A.3 (Magma = GOST 28147-89 with the TC26 Z S-box): key
// ffeeddcc...fcfdfeff, plaintext fedcba9876543210, ciphertext
// 4ee901e5c2d8ca3d.  RFC 8891 writes the key words and the block
// big-endian; RFC 5830 (and GnuTLS) little-endian, so the key is fed with
// each 4-byte word reversed and the block with its 8 bytes reversed.
START_TEST(magma_rfc8891)
{
    Buf magma_key = kat::unhex("ffeeddccbbaa99887766554433221100f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    Buf magma_pt = kat::unhex("fedcba9876543210"), magma_ct = kat::unhex("4ee901e5c2d8ca3d");
    std::uint8_t key[32], pt[8], ct[8], out[8];
    for (int w = 0; w < 8; w++)
        for (int i = 0; i < 4; i++)
            key[4 * w + i] = magma_key[4 * w + 3 - i];
    for (int i = 0; i < 8; i++) {
        pt[i] = magma_pt[7 - i];
        ct[i] = magma_ct[7 - i];
    }
    gost::Block b;
    b.set_key(key, gost::Sbox::tc26z);
    b.encrypt(pt, out);
    ck_assert_mem_eq(out, ct, 8);
    b.decrypt(ct, out);
    ck_assert_mem_eq(out, pt, 8);
    // The word interface is the same transformation.
    std::uint32_t n1 = 0x76543210, n2 = 0xfedcba98;  // pt's halves, little-endian
    b.encrypt_words(n1, n2);
    ck_assert_uint_eq(n1, 0xc2d8ca3du);
    ck_assert_uint_eq(n2, 0x4ee901e5u);
    // A copy encrypts alike; another S-box does not.
    gost::Block c(b);
    c.encrypt(pt, out);
    ck_assert_mem_eq(out, ct, 8);
    c.set_key(key, gost::Sbox::cryptopro_a);
    c.encrypt(pt, out);
    ck_assert(std::memcmp(out, ct, 8) != 0);
}
END_TEST

START_TEST(sbox_mapping)
{
    ck_assert(gost::sbox_of(GNUTLS_GOST_PARAMSET_TC26_Z) == gost::Sbox::tc26z);
    ck_assert(gost::sbox_of(GNUTLS_GOST_PARAMSET_CP_A) == gost::Sbox::cryptopro_a);
    ck_assert(gost::sbox_of(GNUTLS_GOST_PARAMSET_CP_B) == gost::Sbox::cryptopro_b);
    ck_assert(gost::sbox_of(GNUTLS_GOST_PARAMSET_CP_C) == gost::Sbox::cryptopro_c);
    ck_assert(gost::sbox_of(GNUTLS_GOST_PARAMSET_CP_D) == gost::Sbox::cryptopro_d);
    ck_assert(gost::sbox_of(GNUTLS_GOST_PARAMSET_UNKNOWN) == gost::Sbox::tc26z);
}
END_TEST

// Every S-box set decrypts what it encrypts, and the sets differ.
START_TEST(block_round_trip)
{
    Buf key = seq(32, 0x40), pt = seq(8, 0xf0);
    std::uint8_t outs[5][8];
    for (int s = 0; s < 5; s++) {
        gost::Block b;
        b.set_key(key.data(), kAllSboxes[s]);
        std::uint8_t back[8];
        b.encrypt(pt.data(), outs[s]);
        b.decrypt(outs[s], back);
        ck_assert(eq(pt, back, 8));
        for (int t = 0; t < s; t++)
            ck_assert(std::memcmp(outs[s], outs[t], 8) != 0);
    }
    // Key meshing replaces the key by the decrypted RFC 4357 constant.
    gost::Block b, m;
    b.set_key(key.data(), gost::Sbox::tc26z);
    m = b;
    m.mesh_cryptopro();
    static const char *kConst = "6900722264c904238d3adb9646e92ac418feac9400ed0712c086dcc2ef4ca92b";
    Buf c = kat::unhex(kConst), next(32);
    for (int i = 0; i < 32; i += 8)
        b.decrypt(c.data() + i, next.data() + i);
    gost::Block expect;
    expect.set_key(next.data(), gost::Sbox::tc26z);
    std::uint8_t x[8], y[8];
    m.encrypt(pt.data(), x);
    expect.encrypt(pt.data(), y);
    ck_assert_mem_eq(x, y, 8);
}
END_TEST

// 3000 bytes cross two meshing points.  Known answers computed with OpenSSL's
// GOST engine (gost89-cnt-12, gost89 with CryptoPro-A, gost-mac-12), key
// 00..1f, IV a0..a7, zero plaintext; the same as GnuTLS 3.7.9 gives.
START_TEST(meshing_known_answers)
{
    Buf key = seq(32), iv = seq(8, 0xa0), zero(3000, 0), out(3000);
    gost::Cnt cnt;
    cnt.init(key.data(), iv.data());
    cnt.crypt(zero.data(), out.data(), out.size());
    ck_assert(sha256(out) == kat::unhex("f7c1c58a7c820d8f8cdcb274cd24ee8ede6ac685ed266b2eb2de8aa87420cb86"));
    ck_assert(eq(kat::unhex("1b9b101eaae254bab69a89afcd1b13fd0ce58f70846e2015"), out.data() + 2040, 24));

    // 64 KiB: the addition modulo 2^32 - 1 wraps around many times.
    Buf zero64(65536, 0), out64(65536);
    cnt.init(key.data(), iv.data());
    cnt.crypt(zero64.data(), out64.data(), out64.size());
    ck_assert(sha256(out64) == kat::unhex("8e9dbe72d8a8404d6c345d4fdaaffc754926018979caaaad1a0d47729a5ed55d"));

    gost::Cfb cfb;
    cfb.init(key.data(), iv.data(), gost::Sbox::cryptopro_a);
    cfb.encrypt(zero.data(), out.data(), out.size());
    ck_assert(sha256(out) == kat::unhex("997419e223ce652d76752c085b05d441c36761cc6373b8db9956ae06c09cc0c6"));
    ck_assert(eq(kat::unhex("1c83f24292faf14cdeb6d27030b6b7e444a69f9bbef54afd"), out.data() + 2040, 24));

    gost::Imit imit;
    imit.init(key.data());
    imit.update(zero.data(), zero.size());
    std::uint8_t mac[4];
    imit.digest(mac);
    ck_assert(eq(kat::unhex("faf984cf"), mac, 4));
}
END_TEST

// The known answers of kat.cc (shared with the self tests) through the core
// classes directly and in pieces.
START_TEST(kat_vectors_in_pieces)
{
    int seen = 0;
    for (const auto &v : kat::ciphers()) {
        bool cnt = v.alg == GNUTLS_CIPHER_GOST28147_TC26Z_CNT;
        gost::Sbox s;
        switch (v.alg) {
        case GNUTLS_CIPHER_GOST28147_TC26Z_CNT:
        case GNUTLS_CIPHER_GOST28147_TC26Z_CFB: s = gost::Sbox::tc26z; break;
        case GNUTLS_CIPHER_GOST28147_CPA_CFB: s = gost::Sbox::cryptopro_a; break;
        case GNUTLS_CIPHER_GOST28147_CPB_CFB: s = gost::Sbox::cryptopro_b; break;
        case GNUTLS_CIPHER_GOST28147_CPC_CFB: s = gost::Sbox::cryptopro_c; break;
        case GNUTLS_CIPHER_GOST28147_CPD_CFB: s = gost::Sbox::cryptopro_d; break;
        default: continue;
        }
        seen++;
        Buf key = kat::unhex(v.key), iv = kat::unhex(v.iv), pt = kat::unhex(v.plaintext), ct = kat::unhex(v.ciphertext);
        Buf out(pt.size());
        if (cnt) {
            gost::Cnt c;
            c.init(key.data(), iv.data(), s);
            // Pieces of 3 bytes: the counter mode continues inside blocks.
            for (std::size_t at = 0; at < pt.size(); at += 3)
                c.crypt(pt.data() + at, out.data() + at, pt.size() - at < 3 ? pt.size() - at : 3);
        } else {
            gost::Cfb c;
            c.init(key.data(), iv.data(), s);
            // Whole blocks, then the partial rest.
            c.encrypt(pt.data(), out.data(), 16);
            c.encrypt(pt.data() + 16, out.data() + 16, pt.size() - 16);
            gost::Cfb d;
            d.init(key.data(), iv.data(), s);
            Buf back(ct.size());
            d.decrypt(ct.data(), back.data(), 8);
            d.decrypt(ct.data() + 8, back.data() + 8, ct.size() - 8);
            ck_assert(back == pt);
        }
        ck_assert_msg(out == ct, "cipher %d", v.alg);
    }
    ck_assert_int_eq(seen, 6);
    for (const auto &v : kat::macs()) {
        if (v.alg != GNUTLS_MAC_GOST28147_TC26Z_IMIT)
            continue;
        seen++;
        Buf key = kat::unhex(v.key), msg = kat::unhex(v.msg);
        gost::Imit m;
        m.init(key.data());
        for (std::uint8_t b : msg)
            m.update(&b, 1);
        std::uint8_t mac[4];
        m.digest(mac);
        ck_assert(eq(kat::unhex(v.mac), mac, 4));
    }
    ck_assert_int_eq(seen, 7);
}
END_TEST

// Counter mode: any split gives the one-call key stream (also across the
// meshing points), in place too; set_iv keeps the unused key stream.
START_TEST(cnt_streaming)
{
    Buf key = seq(32, 7), iv = seq(8, 0x30), msg = seq(2600, 0x11), ref(msg.size()), out(msg.size());
    gost::Cnt a;
    a.init(key.data(), iv.data());
    a.crypt(msg.data(), ref.data(), msg.size());
    static const std::size_t sizes[] = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987};
    gost::Cnt b;
    b.init(key.data(), iv.data());
    std::size_t at = 0;
    for (int i = 0; at < msg.size(); i++) {
        std::size_t n = sizes[i % 15] < msg.size() - at ? sizes[i % 15] : msg.size() - at;
        b.crypt(msg.data() + at, out.data() + at, n);
        at += n;
    }
    ck_assert(out == ref);
    // Decryption is the same operation, here in place.
    gost::Cnt c;
    c.init(key.data(), iv.data());
    c.crypt(out.data(), out.data(), out.size());
    ck_assert(out == msg);
    // After 5 bytes, a new IV: the 3 remaining bytes of the block come first.
    gost::Cnt d, e;
    d.init(key.data(), iv.data());
    Buf g(16), zero(16, 0);
    d.crypt(zero.data(), g.data(), 5);
    d.set_iv(iv.data());
    d.crypt(zero.data(), g.data() + 5, 11);
    e.init(key.data(), iv.data());
    Buf h(16);
    e.crypt(zero.data(), h.data(), 16);
    ck_assert(std::memcmp(g.data() + 5, h.data() + 5, 3) == 0);  // rest of block 1
    ck_assert(std::memcmp(g.data() + 8, h.data(), 8) == 0);      // block 1 again from the IV
}
END_TEST

// CFB: whole blocks chain; a partial block does not advance the register, so
// the next call starts again from it (Nettle's CFB semantics, kept by GnuTLS).
START_TEST(cfb_partial_blocks)
{
    Buf key = seq(32, 0x55), iv = seq(8, 0x99), zero(32, 0), ks(32), p(32);
    gost::Cfb a;
    a.init(key.data(), iv.data(), gost::Sbox::cryptopro_b);
    a.encrypt(zero.data(), ks.data(), 32);
    gost::Cfb b;
    b.init(key.data(), iv.data(), gost::Sbox::cryptopro_b);
    b.encrypt(zero.data(), p.data(), 5);
    b.encrypt(zero.data(), p.data() + 5, 8);
    ck_assert(std::memcmp(p.data(), ks.data(), 5) == 0);
    ck_assert(std::memcmp(p.data() + 5, ks.data(), 8) == 0);
    // Ciphertext feedback: a changed plaintext byte changes the next block.
    Buf m1 = seq(24), m2 = m1, c1(24), c2(24);
    m2[3] ^= 1;
    gost::Cfb x, y;
    x.init(key.data(), iv.data(), gost::Sbox::tc26z);
    y.init(key.data(), iv.data(), gost::Sbox::tc26z);
    x.encrypt(m1.data(), c1.data(), 24);
    y.encrypt(m2.data(), c2.data(), 24);
    ck_assert_uint_eq(c1[3] ^ c2[3], 1);
    ck_assert(std::memcmp(c1.data() + 8, c2.data() + 8, 8) != 0);
}
END_TEST

// The MAC: pieces, restart after digest, the one-block rule, the IV.
START_TEST(imit_behaviour)
{
    Buf key = seq(32, 0x21), msg = seq(1100, 3);
    std::uint8_t m1[4], m2[4], m3[4];
    gost::Imit a;
    a.init(key.data());
    a.update(msg.data(), 40);
    a.digest(m1);
    a.update(msg.data(), 17);
    a.update(msg.data() + 17, 23);
    a.digest(m2);
    ck_assert_mem_eq(m1, m2, 4);
    // The empty message gives zero (no block is processed).
    a.digest(m3);
    ck_assert(eq(Buf(4, 0), m3, 4));
    // A message of up to one block is processed as two blocks (a zero block
    // follows); a zero-padded short block equals the padded block.
    Buf one = seq(5, 0x70), padded = one;
    padded.resize(16, 0);
    gost::Imit b, c;
    b.init(key.data());
    c.init(key.data());
    b.update(one.data(), one.size());
    b.digest(m1);
    c.update(padded.data(), padded.size());
    c.digest(m2);
    ck_assert_mem_eq(m1, m2, 4);
    // An IV equals whitening the first block (messages of two blocks or more).
    Buf iv = seq(8, 0xc0), white = msg;
    for (int i = 0; i < 8; i++)
        white[i] ^= iv[i];
    gost::Imit d, e;
    d.init(key.data());
    d.set_iv(iv.data());
    d.update(msg.data(), 64);
    d.digest(m1);
    e.init(key.data());
    e.update(white.data(), 64);
    e.digest(m2);
    ck_assert_mem_eq(m1, m2, 4);
    // Different data, different MAC.
    white[63] ^= 0x80;
    e.init(key.data());
    e.update(white.data(), 64);
    e.digest(m3);
    ck_assert(std::memcmp(m2, m3, 4) != 0);
}
END_TEST

// CryptoPro key wrap.  Known answer: KEK 546d2033...2c3d73 (the test key of
// Bouncy Castle's GOST 28147 tests), UKM 1234567890abcdef, CEK 01..20,
// CryptoPro-A.  The wrapped key is the one published with the CryptoPro key
// wrap test of the public "cipher tools" algorithm collection (Hawkynt,
// algorithms/special/cryptopro-wrap), whose MAC used a 32-round
// transformation; the 4-byte MAC here was cross-checked with OpenSSL's GOST
// engine (gost-mac, CryptoPro-A) under the diversified KEK over the CEK with
// its first block XORed with the UKM, which is the MAC with the UKM as IV.
START_TEST(key_wrap_known_answer)
{
    Buf kek = kat::unhex("546d203368656c326973652073736e62206167796967747473656865202c3d73");
    Buf ukm = kat::unhex("1234567890abcdef"), cek = seq(32, 1);
    std::uint8_t enc[32], mac[4], back[32];
    gost::key_wrap_cryptopro(gost::Sbox::cryptopro_a, kek.data(), ukm.data(), cek.data(), enc, mac);
    ck_assert(eq(kat::unhex("0b45e8051b41a19ae67354da4e6249dc477444e855ce81375361fad40dbf6593"), enc, 32));
    ck_assert(eq(kat::unhex("c1b95d8a"), mac, 4));
    ck_assert(gost::key_unwrap_cryptopro(gost::Sbox::cryptopro_a, kek.data(), ukm.data(), enc, mac, back));
    ck_assert(eq(cek, back, 32));
    // The diversified KEK used for that check.
    std::uint8_t div[32];
    gost::kek_diversify_cryptopro(gost::Sbox::cryptopro_a, kek.data(), ukm.data(), div);
    ck_assert(eq(kat::unhex("7edd891cacdd1c2a3bd2dc9f1b10a5b01a5ff72c55a91e61bb7af813d2f2ae93"), div, 32));
}
END_TEST

// Round trips for every S-box, an unwrap by a separate path (the block
// cipher and the Imit class), and tampering with any input.
START_TEST(key_wrap_round_trip_and_tamper)
{
    Buf kek = seq(32, 0x80), ukm = seq(8, 0x5a), cek = seq(32, 0xe0);
    for (gost::Sbox s : kAllSboxes) {
        std::uint8_t enc[32], mac[4], back[32];
        gost::key_wrap_cryptopro(s, kek.data(), ukm.data(), cek.data(), enc, mac);
        ck_assert(!eq(cek, enc, 32));
        ck_assert(gost::key_unwrap_cryptopro(s, kek.data(), ukm.data(), enc, mac, back));
        ck_assert(eq(cek, back, 32));

        // Separate path: diversify, ECB-decrypt, MAC with the UKM as IV.
        std::uint8_t div[32], plain[32], mac2[4];
        gost::kek_diversify_cryptopro(s, kek.data(), ukm.data(), div);
        gost::Block b;
        b.set_key(div, s);
        for (int i = 0; i < 32; i += 8)
            b.decrypt(enc + i, plain + i);
        ck_assert(eq(cek, plain, 32));
        gost::Imit m;
        m.init(div, s);
        m.set_iv(ukm.data());
        m.update(plain, 32);
        m.digest(mac2);
        ck_assert_mem_eq(mac, mac2, 4);

        // Any modification is refused and leaves no key behind.
        for (int what = 0; what < 4; what++) {
            std::uint8_t e2[32], m2[4], k2[32], u2[8];
            std::memcpy(e2, enc, 32);
            std::memcpy(m2, mac, 4);
            std::memcpy(k2, kek.data(), 32);
            std::memcpy(u2, ukm.data(), 8);
            switch (what) {
            case 0: e2[17] ^= 0x04; break;
            case 1: m2[3] ^= 0x80; break;
            case 2: k2[0] ^= 0x01; break;
            case 3: u2[7] ^= 0x10; break;
            }
            std::memset(back, 0xaa, sizeof back);
            ck_assert(!gost::key_unwrap_cryptopro(s, k2, u2, e2, m2, back));
            ck_assert(eq(Buf(32, 0), back, 32));
        }
    }
}
END_TEST

// The classic API: sizes, errors, and the same bytes as the core classes.
START_TEST(facade)
{
    Buf key = seq(32, 9), iv = seq(8, 0x42), msg = seq(1500, 1), ref(msg.size()), out(msg.size());
    gnutls_datum_t k = {key.data(), 32}, v = {iv.data(), 8};
    gnutls_cipher_hd_t h;
    ck_assert_int_eq(gnutls_cipher_get_block_size(GNUTLS_CIPHER_GOST28147_TC26Z_CNT), 8);
    ck_assert_int_eq(gnutls_cipher_get_iv_size(GNUTLS_CIPHER_GOST28147_CPC_CFB), 8);
    ck_assert_uint_eq(gnutls_cipher_get_key_size(GNUTLS_CIPHER_GOST28147_CPD_CFB), 32);
    ck_assert_uint_eq(gnutls_hmac_get_len(GNUTLS_MAC_GOST28147_TC26Z_IMIT), 4);
    ck_assert_uint_eq(gnutls_hmac_get_key_size(GNUTLS_MAC_GOST28147_TC26Z_IMIT), 32);

    gnutls_datum_t short_key = {key.data(), 31};
    ck_assert_int_eq(gnutls_cipher_init(&h, GNUTLS_CIPHER_GOST28147_TC26Z_CNT, &short_key, &v), GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t iv4 = {iv.data(), 4};
    ck_assert_int_eq(gnutls_cipher_init(&h, GNUTLS_CIPHER_GOST28147_CPA_CFB, &k, &iv4), GNUTLS_E_INVALID_REQUEST);

    ck_assert_int_eq(gnutls_cipher_init(&h, GNUTLS_CIPHER_GOST28147_TC26Z_CNT, &k, &v), 0);
    ck_assert_int_eq(gnutls_cipher_encrypt2(h, msg.data(), 700, out.data(), 700), 0);
    ck_assert_int_eq(gnutls_cipher_encrypt2(h, msg.data() + 700, 800, out.data() + 700, 800), 0);
    gnutls_cipher_deinit(h);
    gost::Cnt c;
    c.init(key.data(), iv.data());
    c.crypt(msg.data(), ref.data(), msg.size());
    ck_assert(out == ref);

    ck_assert_int_eq(gnutls_cipher_init(&h, GNUTLS_CIPHER_GOST28147_CPD_CFB, &k, &v), 0);
    ck_assert_int_eq(gnutls_cipher_encrypt2(h, msg.data(), msg.size(), out.data(), out.size()), 0);
    gnutls_cipher_deinit(h);
    gost::Cfb f;
    f.init(key.data(), iv.data(), gost::Sbox::cryptopro_d);
    f.encrypt(msg.data(), ref.data(), msg.size());
    ck_assert(out == ref);
    ck_assert_int_eq(gnutls_cipher_init(&h, GNUTLS_CIPHER_GOST28147_CPD_CFB, &k, &v), 0);
    ck_assert_int_eq(gnutls_cipher_decrypt(h, out.data(), out.size()), 0);
    gnutls_cipher_deinit(h);
    ck_assert(out == msg);

    std::uint8_t m1[4], m2[4];
    ck_assert_int_eq(gnutls_hmac_fast(GNUTLS_MAC_GOST28147_TC26Z_IMIT, key.data(), 32, msg.data(), msg.size(), m1), 0);
    gost::Imit im;
    im.init(key.data());
    im.update(msg.data(), msg.size());
    im.digest(m2);
    ck_assert_mem_eq(m1, m2, 4);
    gnutls_hmac_hd_t mh;
    ck_assert_int_eq(gnutls_hmac_init(&mh, GNUTLS_MAC_GOST28147_TC26Z_IMIT, key.data(), 16), GNUTLS_E_INVALID_REQUEST);

    ck_assert_int_eq(gnutls_cipher_self_test(0, GNUTLS_CIPHER_GOST28147_TC26Z_CNT), 0);
    ck_assert_int_eq(gnutls_cipher_self_test(0, GNUTLS_CIPHER_GOST28147_CPB_CFB), 0);
    ck_assert_int_eq(gnutls_mac_self_test(0, GNUTLS_MAC_GOST28147_TC26Z_IMIT), 0);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("gost28147");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, magma_rfc8891);
    tcase_add_test(tc, sbox_mapping);
    tcase_add_test(tc, block_round_trip);
    tcase_add_test(tc, meshing_known_answers);
    tcase_add_test(tc, kat_vectors_in_pieces);
    tcase_add_test(tc, cnt_streaming);
    tcase_add_test(tc, cfb_partial_blocks);
    tcase_add_test(tc, imit_behaviour);
    tcase_add_test(tc, key_wrap_known_answer);
    tcase_add_test(tc, key_wrap_round_trip_and_tamper);
    tcase_add_test(tc, facade);
    suite_add_tcase(s, tc);
    return s;
}
