// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/crypto/gost28147.hh"

#include <cstring>

#include "core/secret.hh"

namespace tlshim::crypto::gost {

namespace {

// The S-box sets: row r (written as 16 hex digits, the images of 0..f) is
// applied to bits 4r..4r+3.  TC26 Z: RFC 7836 appendix (the Magma S-box of
// RFC 8891); CryptoPro A-D: RFC 4357 section 11.2.
constexpr const char *kRows[5][8] = {
    {"c462a5b9e8d703f1", "68239a5c1e47bd0f", "b3582fade174c960", "c821d4f670a53e9b",
     "7f5a816d093eb42c", "5df692cab78143e0", "8e25691cf4b0da37", "17ed05834fa69cb2"},
    {"96328b17a4efc0d5", "37e98af0526cb4d1", "e462b3d8cf5a0719", "e7acd13902b4f856",
     "b5198df0e423c7a6", "3adc120b75948fe6", "1d297a608c45f3be", "baf50ce8623917d4"},
    {"84b135092eacd67f", "012a4d5c973fb86e", "ec0a92db758f3614", "750db6123acf4e98",
     "27cf95ab140d68e3", "83264debc17fa095", "52ab91c374d06f8e", "04be8371a296fd5c"},
    {"1bc29d0f458ea763", "017db4528efc9a63", "825049fa37cd6e1b", "36015da8b297efc4",
     "8db0451293ce6fa7", "c9b18e247365a0fd", "a968de20f35b41c7", "7405a2fec61bd938"},
    {"fc2a645079ed1b83", "b634cfe27d805a91", "1cb0fe65ad489372", "15eca70d62b493f8",
     "0c89d2ab73654ef1", "80f325eb1a47c9d6", "306f1e92d8c4ba57", "1a68fb04c3597d2e"},
};

constexpr std::uint32_t digit(char c) { return c <= '9' ? static_cast<std::uint32_t>(c - '0') : static_cast<std::uint32_t>(c - 'a' + 10); }

constexpr std::uint32_t rol(std::uint32_t x, int n) { return x << n | x >> (32 - n); }

// Every row must be a permutation of the 16 nibbles.
constexpr bool rows_are_permutations()
{
    for (const auto &set : kRows)
        for (const char *row : set) {
            unsigned seen = 0;
            for (int i = 0; i < 16; i++)
                seen |= 1u << digit(row[i]);
            if (seen != 0xffff || row[16] != '\0')
                return false;
        }
    return true;
}
static_assert(rows_are_permutations());

struct Tables {
    std::uint32_t t[4][256];
};

// Table j maps byte j of the round input to its two substituted nibbles,
// already in place and rotated left by 11, so that the round function is
// four lookups and three XORs.
constexpr Tables make_tables(int set)
{
    Tables t{};
    for (int j = 0; j < 4; j++)
        for (std::uint32_t b = 0; b < 256; b++) {
            std::uint32_t lo = digit(kRows[set][2 * j][b & 15]);
            std::uint32_t hi = digit(kRows[set][2 * j + 1][b >> 4]);
            t.t[j][b] = rol((lo | hi << 4) << (8 * j), 11);
        }
    return t;
}

constexpr Tables kTables[5] = {make_tables(0), make_tables(1), make_tables(2), make_tables(3), make_tables(4)};

// RFC 4357 2.3.2: the constant the CryptoPro key meshing decrypts.
constexpr std::uint8_t kMeshConstant[32] = {
    0x69, 0x00, 0x72, 0x22, 0x64, 0xc9, 0x04, 0x23, 0x8d, 0x3a, 0xdb, 0x96, 0x46, 0xe9, 0x2a, 0xc4,
    0x18, 0xfe, 0xac, 0x94, 0x00, 0xed, 0x07, 0x12, 0xc0, 0x86, 0xdc, 0xc2, 0xef, 0x4c, 0xa9, 0x2b,
};

// The counter-mode constants of GOST 28147-89 section 3.1.
constexpr std::uint32_t kC1 = 0x01010104;  // added modulo 2^32 - 1 to N4
constexpr std::uint32_t kC2 = 0x01010101;  // added modulo 2^32 to N3

inline std::uint32_t load32(const std::uint8_t *p) noexcept
{
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

inline void store32(std::uint8_t *p, std::uint32_t v) noexcept
{
    p[0] = static_cast<std::uint8_t>(v);
    p[1] = static_cast<std::uint8_t>(v >> 8);
    p[2] = static_cast<std::uint8_t>(v >> 16);
    p[3] = static_cast<std::uint8_t>(v >> 24);
}

inline void xor_bytes(std::uint8_t *out, const std::uint8_t *a, const std::uint8_t *b, std::size_t n) noexcept
{
    for (std::size_t i = 0; i < n; i++)
        out[i] = static_cast<std::uint8_t>(a[i] ^ b[i]);
}

}  // namespace

Sbox sbox_of(gnutls_gost_paramset_t p) noexcept
{
    switch (p) {
    case GNUTLS_GOST_PARAMSET_CP_A: return Sbox::cryptopro_a;
    case GNUTLS_GOST_PARAMSET_CP_B: return Sbox::cryptopro_b;
    case GNUTLS_GOST_PARAMSET_CP_C: return Sbox::cryptopro_c;
    case GNUTLS_GOST_PARAMSET_CP_D: return Sbox::cryptopro_d;
    default: return Sbox::tc26z;
    }
}

// --- Block -----------------------------------------------------------------------------

Block::~Block() { secure_wipe(k_, sizeof k_); }

void Block::set_key(const std::uint8_t key[32], Sbox s) noexcept
{
    for (int i = 0; i < 8; i++)
        k_[i] = load32(key + 4 * i);
    sbox_ = s;
    t_ = kTables[static_cast<int>(s)].t;
}

namespace {

// Eight rounds with the key words in the given order; each pair of rounds
// updates both halves, which stands for the swap between rounds.
#define TLSHIM_GOST_ROUND(a, b, k) b ^= t[0][((a) + (k)) & 0xff] ^ t[1][(((a) + (k)) >> 8) & 0xff] ^ \
                                        t[2][(((a) + (k)) >> 16) & 0xff] ^ t[3][((a) + (k)) >> 24]
#define TLSHIM_GOST_UP(a, b)                                                                      \
    do {                                                                                          \
        TLSHIM_GOST_ROUND(a, b, k0); TLSHIM_GOST_ROUND(b, a, k1);                                 \
        TLSHIM_GOST_ROUND(a, b, k2); TLSHIM_GOST_ROUND(b, a, k3);                                 \
        TLSHIM_GOST_ROUND(a, b, k4); TLSHIM_GOST_ROUND(b, a, k5);                                 \
        TLSHIM_GOST_ROUND(a, b, k6); TLSHIM_GOST_ROUND(b, a, k7);                                 \
    } while (0)
#define TLSHIM_GOST_DOWN(a, b)                                                                    \
    do {                                                                                          \
        TLSHIM_GOST_ROUND(a, b, k7); TLSHIM_GOST_ROUND(b, a, k6);                                 \
        TLSHIM_GOST_ROUND(a, b, k5); TLSHIM_GOST_ROUND(b, a, k4);                                 \
        TLSHIM_GOST_ROUND(a, b, k3); TLSHIM_GOST_ROUND(b, a, k2);                                 \
        TLSHIM_GOST_ROUND(a, b, k1); TLSHIM_GOST_ROUND(b, a, k0);                                 \
    } while (0)

}  // namespace

void Block::encrypt_words(std::uint32_t &n1, std::uint32_t &n2) const noexcept
{
    const std::uint32_t (*t)[256] = t_;
    const std::uint32_t k0 = k_[0], k1 = k_[1], k2 = k_[2], k3 = k_[3], k4 = k_[4], k5 = k_[5], k6 = k_[6], k7 = k_[7];
    std::uint32_t a = n1, b = n2;
    // Rounds 1-24: K0..K7 three times; rounds 25-32: K7..K0.
    TLSHIM_GOST_UP(a, b);
    TLSHIM_GOST_UP(a, b);
    TLSHIM_GOST_UP(a, b);
    TLSHIM_GOST_DOWN(a, b);
    // The last round does not swap.
    n1 = b;
    n2 = a;
}

void Block::imit16_words(std::uint32_t &n1, std::uint32_t &n2) const noexcept
{
    const std::uint32_t (*t)[256] = t_;
    const std::uint32_t k0 = k_[0], k1 = k_[1], k2 = k_[2], k3 = k_[3], k4 = k_[4], k5 = k_[5], k6 = k_[6], k7 = k_[7];
    std::uint32_t a = n1, b = n2;
    TLSHIM_GOST_UP(a, b);
    TLSHIM_GOST_UP(a, b);
    n1 = a;
    n2 = b;
}

void Block::encrypt(const std::uint8_t in[8], std::uint8_t out[8]) const noexcept
{
    std::uint32_t n1 = load32(in), n2 = load32(in + 4);
    encrypt_words(n1, n2);
    store32(out, n1);
    store32(out + 4, n2);
}

void Block::decrypt(const std::uint8_t in[8], std::uint8_t out[8]) const noexcept
{
    const std::uint32_t (*t)[256] = t_;
    const std::uint32_t k0 = k_[0], k1 = k_[1], k2 = k_[2], k3 = k_[3], k4 = k_[4], k5 = k_[5], k6 = k_[6], k7 = k_[7];
    std::uint32_t a = load32(in), b = load32(in + 4);
    // K0..K7 once, then K7..K0 three times.
    TLSHIM_GOST_UP(a, b);
    TLSHIM_GOST_DOWN(a, b);
    TLSHIM_GOST_DOWN(a, b);
    TLSHIM_GOST_DOWN(a, b);
    store32(out, b);
    store32(out + 4, a);
}

#undef TLSHIM_GOST_DOWN
#undef TLSHIM_GOST_UP
#undef TLSHIM_GOST_ROUND

void Block::imit16(std::uint8_t state[8]) const noexcept
{
    std::uint32_t n1 = load32(state), n2 = load32(state + 4);
    imit16_words(n1, n2);
    store32(state, n1);
    store32(state + 4, n2);
}

void Block::mesh_cryptopro() noexcept
{
    std::uint8_t next[32];
    for (int i = 0; i < 32; i += 8)
        decrypt(kMeshConstant + i, next + i);
    set_key(next, sbox_);
    secure_wipe(next, sizeof next);
}

// --- Cnt -------------------------------------------------------------------------------

Cnt::~Cnt()
{
    secure_wipe(gamma_, sizeof gamma_);
    n3_ = n4_ = 0;
}

void Cnt::init(const std::uint8_t key[32], const std::uint8_t iv[8], Sbox s) noexcept
{
    cur_.set_key(key, s);
    n3_ = n4_ = 0;
    used_ = 8;
    since_mesh_ = 0;
    if (iv != nullptr)
        set_iv(iv);
}

void Cnt::set_iv(const std::uint8_t iv[8]) noexcept
{
    n3_ = load32(iv);
    n4_ = load32(iv + 4);
    cur_.encrypt_words(n3_, n4_);
}

void Cnt::next_block() noexcept
{
    if (since_mesh_ == kMeshingInterval) {
        cur_.mesh_cryptopro();
        cur_.encrypt_words(n3_, n4_);
        since_mesh_ = 0;
    }
    n3_ += kC2;
    std::uint32_t s = n4_ + kC1;
    n4_ = s < n4_ ? s + 1 : s;  // modulo 2^32 - 1
    std::uint32_t g1 = n3_, g2 = n4_;
    cur_.encrypt_words(g1, g2);
    store32(gamma_, g1);
    store32(gamma_ + 4, g2);
    used_ = 0;
    since_mesh_ += 8;
}

void Cnt::crypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept
{
    // The rest of a block started by an earlier call.
    for (; used_ < 8 && len != 0; len--)
        *out++ = static_cast<std::uint8_t>(*in++ ^ gamma_[used_++]);
    for (; len >= 8; in += 8, out += 8, len -= 8) {
        next_block();
        std::uint64_t x, g;
        std::memcpy(&x, in, 8);
        std::memcpy(&g, gamma_, 8);
        x ^= g;
        std::memcpy(out, &x, 8);
        used_ = 8;
    }
    if (len != 0) {
        next_block();
        xor_bytes(out, in, gamma_, len);
        used_ = len;
    }
}

// --- Cfb -------------------------------------------------------------------------------

Cfb::~Cfb() { secure_wipe(reg_, sizeof reg_); }

void Cfb::init(const std::uint8_t key[32], const std::uint8_t iv[8], Sbox s) noexcept
{
    cur_.set_key(key, s);
    since_mesh_ = 0;
    set_iv(iv);
}

void Cfb::set_iv(const std::uint8_t iv[8]) noexcept { std::memcpy(reg_, iv, 8); }

void Cfb::gamma(std::uint8_t out[8]) noexcept
{
    if (since_mesh_ == kMeshingInterval) {
        cur_.mesh_cryptopro();
        cur_.encrypt(reg_, out);
        cur_.encrypt(out, out);
        since_mesh_ = 8;
        return;
    }
    cur_.encrypt(reg_, out);
    since_mesh_ += 8;
}

template <bool Enc>
void Cfb::run(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept
{
    std::uint8_t g[8];
    for (; len >= 8; in += 8, out += 8, len -= 8) {
        gamma(g);
        std::uint64_t x, k;
        std::memcpy(&x, in, 8);
        std::memcpy(&k, g, 8);
        std::uint64_t y = x ^ k;
        std::memcpy(out, &y, 8);
        // The ciphertext feeds back (read before `out` may overwrite `in`).
        std::memcpy(reg_, Enc ? &y : &x, 8);
    }
    if (len != 0) {
        gamma(g);
        xor_bytes(out, in, g, len);
    }
    secure_wipe(g, sizeof g);
}

void Cfb::encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept { run<true>(in, out, len); }
void Cfb::decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept { run<false>(in, out, len); }

// --- Imit ------------------------------------------------------------------------------

Imit::~Imit()
{
    secure_wipe(pending_, sizeof pending_);
    secure_wipe(iv_, sizeof iv_);
    n1_ = n2_ = 0;
}

void Imit::init(const std::uint8_t key[32], Sbox s) noexcept
{
    cur_.set_key(key, s);
    std::memset(iv_, 0, sizeof iv_);
    since_mesh_ = 0;
    restart();
}

void Imit::set_iv(const std::uint8_t iv[8]) noexcept
{
    std::memcpy(iv_, iv, 8);
    restart();
}

void Imit::restart() noexcept
{
    n1_ = load32(iv_);
    n2_ = load32(iv_ + 4);
    npending_ = 0;
    blocks_ = 0;
}

void Imit::absorb(const std::uint8_t block[8]) noexcept
{
    if (since_mesh_ == kMeshingInterval) {
        cur_.mesh_cryptopro();
        since_mesh_ = 0;
    }
    n1_ ^= load32(block);
    n2_ ^= load32(block + 4);
    cur_.imit16_words(n1_, n2_);
    since_mesh_ += 8;
    blocks_++;
}

void Imit::update(const std::uint8_t *data, std::size_t len) noexcept
{
    if (npending_ != 0) {
        std::size_t take = 8 - npending_ < len ? 8 - npending_ : len;
        std::memcpy(pending_ + npending_, data, take);
        npending_ += take;
        data += take;
        len -= take;
        if (npending_ < 8)
            return;
        // A full pending block waits until more data (or the digest) comes,
        // so that the final block is known at digest time.
        absorb(pending_);
        npending_ = 0;
    }
    while (len >= 8) {
        absorb(data);
        data += 8;
        len -= 8;
    }
    std::memcpy(pending_, data, len);
    npending_ = len;
}

void Imit::digest(std::uint8_t out[4]) noexcept
{
    if (npending_ != 0) {
        std::memset(pending_ + npending_, 0, 8 - npending_);
        absorb(pending_);
    }
    // A message of one block is padded with a zero block.
    if (blocks_ == 1) {
        std::uint8_t zero[8] = {};
        absorb(zero);
    }
    store32(out, n1_);
    restart();
}

// --- key wrap ----------------------------------------------------------------------------

void kek_diversify_cryptopro(Sbox s, const std::uint8_t kek[32], const std::uint8_t ukm[8],
                             std::uint8_t out[32]) noexcept
{
    std::uint8_t k[32];
    std::memcpy(k, kek, 32);
    Cfb cfb;
    for (int i = 0; i < 8; i++) {
        std::uint32_t set = 0, clear = 0;
        for (int j = 0; j < 8; j++) {
            std::uint32_t w = load32(k + 4 * j);
            if ((ukm[i] >> j) & 1)
                set += w;
            else
                clear += w;
        }
        std::uint8_t iv[8];
        store32(iv, set);
        store32(iv + 4, clear);
        cfb.init(k, iv, s);
        cfb.encrypt(k, k, 32);
    }
    std::memcpy(out, k, 32);
    secure_wipe(k, sizeof k);
}

namespace {

void wrap_mac(const Block &kek, const std::uint8_t ukm[8], const std::uint8_t cek[32], std::uint8_t mac[4]) noexcept
{
    std::uint32_t n1 = load32(ukm), n2 = load32(ukm + 4);
    for (int i = 0; i < 32; i += 8) {
        n1 ^= load32(cek + i);
        n2 ^= load32(cek + i + 4);
        kek.imit16_words(n1, n2);
    }
    store32(mac, n1);
}

}  // namespace

void key_wrap_cryptopro(Sbox s, const std::uint8_t kek[32], const std::uint8_t ukm[8], const std::uint8_t cek[32],
                        std::uint8_t enc[32], std::uint8_t mac[4]) noexcept
{
    std::uint8_t k[32];
    kek_diversify_cryptopro(s, kek, ukm, k);
    Block b;
    b.set_key(k, s);
    secure_wipe(k, sizeof k);
    wrap_mac(b, ukm, cek, mac);
    for (int i = 0; i < 32; i += 8)
        b.encrypt(cek + i, enc + i);
}

bool key_unwrap_cryptopro(Sbox s, const std::uint8_t kek[32], const std::uint8_t ukm[8], const std::uint8_t enc[32],
                          const std::uint8_t mac[4], std::uint8_t cek[32]) noexcept
{
    std::uint8_t k[32];
    kek_diversify_cryptopro(s, kek, ukm, k);
    Block b;
    b.set_key(k, s);
    secure_wipe(k, sizeof k);
    std::uint8_t plain[32], want[4];
    for (int i = 0; i < 32; i += 8)
        b.decrypt(enc + i, plain + i);
    wrap_mac(b, ukm, plain, want);
    bool good = ct_memcmp(want, mac, 4) == 0;
    if (good)
        std::memcpy(cek, plain, 32);
    else
        std::memset(cek, 0, 32);
    secure_wipe(plain, sizeof plain);
    return good;
}

}  // namespace tlshim::crypto::gost
