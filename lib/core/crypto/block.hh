// SPDX-License-Identifier: LGPL-2.1-or-later
// Internal: Nettle block ciphers described as traits, so that the modes in
// cipher.cc and aead.cc are written once as templates.
#pragma once

#include <cstddef>
#include <cstdint>

#include <nettle/aes.h>
#include <nettle/arctwo.h>
#include <nettle/camellia.h>
#include <nettle/des.h>
#include <nettle/nettle-types.h>

namespace tlshim::crypto::detail {

// Nettle's block functions take their own context type; the modes take the
// generic nettle_cipher_func (as Nettle's own wrappers do).
template <typename F>
inline nettle_cipher_func *as_cipher_func(F f)
{
    return reinterpret_cast<nettle_cipher_func *>(f);
}

#define TLSHIM_BLOCK(NAME, CTX, KEYSZ, BLK, SETENC, SETDEC, ENC, DEC)                           \
    struct NAME {                                                                           \
        using Ctx = CTX;                                                                    \
        static constexpr std::size_t key_size = KEYSZ;                                      \
        static constexpr std::size_t block_size = BLK;                                      \
        static void set_encrypt_key(Ctx *c, const std::uint8_t *k) { SETENC; }              \
        static void set_decrypt_key(Ctx *c, const std::uint8_t *k) { SETDEC; }              \
        static nettle_cipher_func *encrypt() { return as_cipher_func(ENC); }           \
        static nettle_cipher_func *decrypt() { return as_cipher_func(DEC); }           \
    };

TLSHIM_BLOCK(Aes128, aes128_ctx, 16, 16, aes128_set_encrypt_key(c, k), aes128_set_decrypt_key(c, k), aes128_encrypt, aes128_decrypt)
TLSHIM_BLOCK(Aes192, aes192_ctx, 24, 16, aes192_set_encrypt_key(c, k), aes192_set_decrypt_key(c, k), aes192_encrypt, aes192_decrypt)
TLSHIM_BLOCK(Aes256, aes256_ctx, 32, 16, aes256_set_encrypt_key(c, k), aes256_set_decrypt_key(c, k), aes256_encrypt, aes256_decrypt)
TLSHIM_BLOCK(Camellia128, camellia128_ctx, 16, 16, camellia128_set_encrypt_key(c, k), camellia128_set_decrypt_key(c, k), camellia128_crypt, camellia128_crypt)
TLSHIM_BLOCK(Camellia192, camellia256_ctx, 24, 16, camellia192_set_encrypt_key(c, k), camellia192_set_decrypt_key(c, k), camellia256_crypt, camellia256_crypt)
TLSHIM_BLOCK(Camellia256, camellia256_ctx, 32, 16, camellia256_set_encrypt_key(c, k), camellia256_set_decrypt_key(c, k), camellia256_crypt, camellia256_crypt)
TLSHIM_BLOCK(Des3, des3_ctx, 24, 8, (void)des3_set_key(c, k), (void)des3_set_key(c, k), des3_encrypt, des3_decrypt)
TLSHIM_BLOCK(Des, des_ctx, 8, 8, (void)des_set_key(c, k), (void)des_set_key(c, k), des_encrypt, des_decrypt)
// RC2 with a 40-bit key and 40 effective key bits.
TLSHIM_BLOCK(Rc2_40, arctwo_ctx, 5, 8, arctwo_set_key(c, 5, k), arctwo_set_key(c, 5, k), arctwo_encrypt, arctwo_decrypt)

#undef TLSHIM_BLOCK

}  // namespace tlshim::crypto::detail
