// SPDX-License-Identifier: LGPL-2.1-or-later
// GOST 28147-89 (RFC 5830), which Nettle 3.8 does not offer publicly: the
// keyed block transformation, counter mode ("gamma") and the imitovstavka
// MAC with CryptoPro key meshing (RFC 4357 section 2.3), CFB with the same
// meshing, and the CryptoPro key wrap (RFC 4357 sections 6.3-6.5).
//
// Conventions (those of RFC 4357 and of GnuTLS's wire formats): the 256-bit
// key is eight 32-bit words K0..K7, each stored little-endian; a 64-bit block
// is the two halves N1 (bytes 0-3) and N2 (bytes 4-7), little-endian.  The
// substitution applies S-box row i to bits 4i..4i+3 of the sum.
//
// RFC 8891's "Magma" is this cipher with the TC26 Z S-box but big-endian
// conventions: its key is the byte string with each 4-byte word reversed,
// and its blocks are our blocks with all 8 bytes reversed.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>

namespace tlshim::crypto::gost {

inline constexpr std::size_t kKeySize = 32;
inline constexpr std::size_t kBlockSize = 8;
inline constexpr std::size_t kImitSize = 4;
// Bytes processed with one key before CryptoPro key meshing replaces it.
inline constexpr std::size_t kMeshingInterval = 1024;

// The S-box sets ("parameter sets") of GOST 28147-89.
enum class Sbox : std::uint8_t { tc26z, cryptopro_a, cryptopro_b, cryptopro_c, cryptopro_d };
// The S-box of a parameter set; TC26 Z for unknown values.
Sbox sbox_of(gnutls_gost_paramset_t p) noexcept;

// The keyed cipher.  Copyable; the key is wiped on destruction.  The
// substitution and rotation are done with four precomputed 256-entry tables
// per S-box set (shared, not secret).
class Block {
public:
    Block() noexcept = default;
    Block(const Block &) noexcept = default;
    Block &operator=(const Block &) noexcept = default;
    ~Block();

    void set_key(const std::uint8_t key[32], Sbox s) noexcept;
    Sbox sbox() const noexcept { return sbox_; }

    // Electronic codebook transformation of one block (32 rounds).
    void encrypt(const std::uint8_t in[8], std::uint8_t out[8]) const noexcept;
    void decrypt(const std::uint8_t in[8], std::uint8_t out[8]) const noexcept;
    // The 16-round transformation of the MAC, in place.
    void imit16(std::uint8_t state[8]) const noexcept;
    // The same on the halves of a block.
    void encrypt_words(std::uint32_t &n1, std::uint32_t &n2) const noexcept;
    void imit16_words(std::uint32_t &n1, std::uint32_t &n2) const noexcept;

    // CryptoPro key meshing (RFC 4357 2.3.2) of the key: the new key is the
    // meshing constant decrypted with the current key.  The mode then
    // re-encrypts its own IV register with the new key where RFC 4357 says so.
    void mesh_cryptopro() noexcept;

private:
    std::uint32_t k_[8] = {};
    const std::uint32_t (*t_)[256] = nullptr;
    Sbox sbox_ = Sbox::tc26z;
};

// Counter mode ("gamma", GOST 28147-89 section 3) with CryptoPro key meshing
// after every 1024 bytes of keystream, continuous across calls: a call may
// stop in the middle of a block and the next one goes on with the rest of it.
// This is GnuTLS's GNUTLS_CIPHER_GOST28147_TC26Z_CNT and the cipher of
// TLS_GOSTR341112_256_WITH_28147_CNT_IMIT.
class Cnt {
public:
    Cnt() noexcept = default;
    Cnt(const Cnt &) noexcept = default;
    Cnt &operator=(const Cnt &) noexcept = default;
    ~Cnt();

    // A null `iv` leaves the counter registers at zero instead of the
    // encrypted IV (what GnuTLS does for a cipher opened without an IV).
    void init(const std::uint8_t key[32], const std::uint8_t iv[8], Sbox s = Sbox::tc26z) noexcept;
    // Loads the counter registers from a new IV encrypted with the current
    // (possibly meshed) key, as gnutls_cipher_set_iv() does in GnuTLS: the
    // key, the meshing count and the unused rest of the current key-stream
    // block are kept.  For a fresh start use init().
    void set_iv(const std::uint8_t iv[8]) noexcept;
    // Encryption and decryption are the same; `in` and `out` may be equal.
    void crypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept;

private:
    void next_block() noexcept;

    Block cur_;      // the key in use (meshed every 1024 bytes)
    std::uint32_t n3_ = 0, n4_ = 0;  // the counter registers
    std::uint8_t gamma_[8] = {};
    std::size_t used_ = 8;            // bytes of gamma_ consumed
    std::size_t since_mesh_ = 0;      // keystream bytes produced with cur_
};

// Cipher feedback mode with CryptoPro key meshing, as GnuTLS's
// GOST28147_*_CFB ciphers: every 1024 bytes of key stream the key is meshed
// and the block being encrypted is first encrypted once more with the new key
// (RFC 4357 2.3.2).  Whole blocks advance the feedback register; a call that
// ends in a partial block uses the register's key stream for it without
// advancing it (as Nettle's CFB does), so only the last call of a message
// may be partial.
class Cfb {
public:
    Cfb() noexcept = default;
    Cfb(const Cfb &) noexcept = default;
    Cfb &operator=(const Cfb &) noexcept = default;
    ~Cfb();

    void init(const std::uint8_t key[32], const std::uint8_t iv[8], Sbox s) noexcept;
    // Replaces the feedback register; like GnuTLS, the current (possibly
    // meshed) key and the meshing count are kept.
    void set_iv(const std::uint8_t iv[8]) noexcept;
    void encrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept;
    void decrypt(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept;

private:
    void gamma(std::uint8_t out[8]) noexcept;
    template <bool Enc>
    void run(const std::uint8_t *in, std::uint8_t *out, std::size_t len) noexcept;

    Block cur_;
    std::uint8_t reg_[8] = {};  // the feedback register (the last ciphertext block)
    std::size_t since_mesh_ = 0;
};

// The imitovstavka (GOST 28147-89 section 5) with CryptoPro key meshing,
// truncated to 4 bytes: GnuTLS's GNUTLS_MAC_GOST28147_TC26Z_IMIT and the MAC
// of the GOST TLS 1.2 suite.  digest() finishes the message and starts the
// next one from the IV; as in GnuTLS the key in use and its meshing count
// carry over from message to message (a TLS connection's MAC key is meshed
// across records).
class Imit {
public:
    Imit() noexcept = default;
    Imit(const Imit &) noexcept = default;
    Imit &operator=(const Imit &) noexcept = default;
    ~Imit();

    void init(const std::uint8_t key[32], Sbox s = Sbox::tc26z) noexcept;
    // The initial value of the MAC register (zero unless set); starts a new message.
    void set_iv(const std::uint8_t iv[8]) noexcept;
    void update(const std::uint8_t *data, std::size_t len) noexcept;
    void digest(std::uint8_t out[4]) noexcept;

private:
    void absorb(const std::uint8_t block[8]) noexcept;
    void restart() noexcept;

    Block cur_;  // the key in use (meshed every 1024 bytes, across messages)
    std::uint8_t iv_[8] = {};
    std::uint32_t n1_ = 0, n2_ = 0;
    std::uint8_t pending_[8] = {};
    std::size_t npending_ = 0;
    std::size_t blocks_ = 0;        // whole blocks absorbed
    std::size_t since_mesh_ = 0;
};

// CryptoPro key wrap (RFC 4357 6.3): the KEK is first diversified by the UKM
// (6.5), then the 32-byte CEK is ECB-encrypted with it and authenticated
// with a 4-byte imitovstavka whose register starts at the UKM.
void key_wrap_cryptopro(Sbox s, const std::uint8_t kek[32], const std::uint8_t ukm[8], const std::uint8_t cek[32],
                        std::uint8_t enc[32], std::uint8_t mac[4]) noexcept;
// RFC 4357 6.4: false (and a zeroed `cek`) when the MAC does not match; the
// comparison takes the same time wherever the MACs differ.
bool key_unwrap_cryptopro(Sbox s, const std::uint8_t kek[32], const std::uint8_t ukm[8], const std::uint8_t enc[32],
                          const std::uint8_t mac[4], std::uint8_t cek[32]) noexcept;
// RFC 4357 6.5 on its own.
void kek_diversify_cryptopro(Sbox s, const std::uint8_t kek[32], const std::uint8_t ukm[8],
                             std::uint8_t out[32]) noexcept;

}  // namespace tlshim::crypto::gost
