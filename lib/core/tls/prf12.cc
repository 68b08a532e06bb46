// SPDX-License-Identifier: LGPL-2.1-or-later
// The TLS 1.0-1.2 PRF and its uses (see prf12.hh).
#include "core/tls/prf12.hh"

#include <cstring>
#include <initializer_list>

#include "core/crypto/mac.hh"

namespace tlshim::tls {

namespace {

// P_hash(secret, label || seed) XORed into `out` (RFC 5246 section 5):
//   A(0) = label || seed, A(i) = HMAC(secret, A(i-1)),
//   output = HMAC(secret, A(1) || label || seed) || HMAC(secret, A(2) || label || seed) || ...
// The seed comes in pieces so callers need not concatenate (no allocation).
Err p_hash_xor(gnutls_mac_algorithm_t mac, Bytes secret, std::string_view label, std::initializer_list<Bytes> seed,
               MutableBytes out) noexcept
{
    crypto::Mac h;
    if (Err e = h.init(mac, secret); !ok(e))
        return e;
    const std::size_t n = h.size();
    FixedSecret<crypto::kMaxMacSize> a, block;
    a.resize(n);
    block.resize(n);

    // A(1) = HMAC(secret, label || seed)
    h.update(as_bytes(label));
    for (Bytes s : seed)
        h.update(s);
    h.digest(a.data());

    std::size_t done = 0;
    while (done < out.size()) {
        h.update(a.span());
        h.update(as_bytes(label));
        for (Bytes s : seed)
            h.update(s);
        h.digest(block.data());
        const std::size_t take = out.size() - done < n ? out.size() - done : n;
        for (std::size_t i = 0; i < take; i++)
            out[done + i] ^= block.data()[i];
        done += take;
        if (done < out.size()) {
            h.update(a.span());
            h.digest(a.data());
        }
    }
    return Err::ok;
}

Err prf_parts(gnutls_mac_algorithm_t mac, Bytes secret, std::string_view label, std::initializer_list<Bytes> seed,
              MutableBytes out) noexcept
{
    if (mac != GNUTLS_MAC_MD5_SHA1 && crypto::hmac_underlying_digest(mac) == GNUTLS_DIG_UNKNOWN)
        return Err::invalid_request;
    if (out.empty())
        return Err::ok;
    if (mac == GNUTLS_MAC_MD5_SHA1) {
        // RFC 2246 section 5: the secret is split into two halves that share
        // the middle byte when its length is odd.
        const std::size_t half = (secret.size() + 1) / 2;
        Bytes s1 = secret.first(half);
        Bytes s2 = secret.subspan(secret.size() - half);
        std::memset(out.data(), 0, out.size());
        if (Err e = p_hash_xor(GNUTLS_MAC_MD5, s1, label, seed, out); !ok(e))
            return e;
        return p_hash_xor(GNUTLS_MAC_SHA1, s2, label, seed, out);
    }
    std::memset(out.data(), 0, out.size());
    return p_hash_xor(mac, secret, label, seed, out);
}

}  // namespace

Err prf12(gnutls_mac_algorithm_t mac, Bytes secret, std::string_view label, Bytes seed, MutableBytes out) noexcept
{
    Err e = prf_parts(mac, secret, label, {seed}, out);
    if (!ok(e))
        secure_wipe(out.data(), out.size());
    return e;
}

Err master_secret(gnutls_mac_algorithm_t prf, Bytes premaster, Bytes client_random, Bytes server_random,
                  Bytes session_hash, MasterSecret &out) noexcept
{
    out.resize(48);
    Err e = session_hash.empty()
                ? prf_parts(prf, premaster, "master secret", {client_random, server_random}, out.span())
                : prf_parts(prf, premaster, "extended master secret", {session_hash}, out.span());
    if (!ok(e))
        out.clear();
    return e;
}

gnutls_mac_algorithm_t prf_mac(const algo::CipherSuite &cs, gnutls_protocol_t version) noexcept
{
    const algo::Protocol *p = algo::protocol(version);
    const bool selectable = p != nullptr ? p->selectable_prf : (version == GNUTLS_TLS1_2 || version == GNUTLS_DTLS1_2);
    return selectable ? cs.prf : GNUTLS_MAC_MD5_SHA1;
}

namespace {

struct KeySizes {
    std::size_t mac = 0, key = 0, iv = 0;
};

Err suite_sizes(const algo::CipherSuite &cs, gnutls_protocol_t version, KeySizes &out) noexcept
{
    const algo::Cipher *c = algo::cipher(cs.cipher);
    const algo::Protocol *p = algo::protocol(version);
    if (c == nullptr || p == nullptr || p->tls13_sem)
        return Err::invalid_request;
    out.key = c->key_size;
    switch (c->kind) {
    case algo::CipherKind::aead:
        out.mac = 0;
        out.iv = c->tls_fixed_iv;
        return Err::ok;
    case algo::CipherKind::block:
        out.iv = p->explicit_iv ? 0 : c->block_size;
        break;
    case algo::CipherKind::stream:
    case algo::CipherKind::null:
        // GOST 28147 CNT takes its initial counter from the key block (RFC 9189).
        out.iv = c->tls_fixed_iv;
        break;
    }
    const algo::Mac *m = algo::mac(cs.mac);
    if (m == nullptr)
        return Err::invalid_request;
    if (m->kind == algo::MacKind::hmac)
        out.mac = m->output_size;  // RFC 5246 6.3: an HMAC key is as long as its output
    else if (m->kind == algo::MacKind::gost_imit)
        out.mac = m->key_size;
    else
        return Err::invalid_request;
    return Err::ok;
}

}  // namespace

Err key_block(const algo::CipherSuite &cs, gnutls_protocol_t version, Bytes master, Bytes client_random,
              Bytes server_random, KeyBlock &out)
{
    KeySizes sz;
    if (Err e = suite_sizes(cs, version, sz); !ok(e))
        return e;
    const std::size_t total = 2 * (sz.mac + sz.key + sz.iv);
    SecretBytes kb(total);
    // RFC 5246 section 6.3: the seed is server_random || client_random (the
    // reverse of the master secret's order).
    if (Err e = prf_parts(prf_mac(cs, version), master, "key expansion", {server_random, client_random}, kb);
        !ok(e))
        return e;
    std::size_t off = 0;
    auto take = [&](SecretBytes &dst, std::size_t n) {
        dst.assign(kb.begin() + static_cast<std::ptrdiff_t>(off), kb.begin() + static_cast<std::ptrdiff_t>(off + n));
        off += n;
    };
    take(out.client_mac, sz.mac);
    take(out.server_mac, sz.mac);
    take(out.client_key, sz.key);
    take(out.server_key, sz.key);
    take(out.client_iv, sz.iv);
    take(out.server_iv, sz.iv);
    return Err::ok;
}

Err finished12(gnutls_mac_algorithm_t prf, Bytes master, bool client, Bytes handshake_hash,
               VerifyData &out) noexcept
{
    return prf_parts(prf, master, client ? "client finished" : "server finished", {handshake_hash},
                     MutableBytes(out.data, kVerifyDataSize));
}

Err make_protection12(const algo::CipherSuite &cs, gnutls_protocol_t version, bool encrypt_then_mac,
                      const KeyBlock &kb, bool client_write, std::unique_ptr<Protection> &out)
{
    const algo::Cipher *c = algo::cipher(cs.cipher);
    const algo::Protocol *p = algo::protocol(version);
    if (c == nullptr || p == nullptr || p->tls13_sem)
        return Err::invalid_request;
    const SecretBytes &key = client_write ? kb.client_key : kb.server_key;
    const SecretBytes &iv = client_write ? kb.client_iv : kb.server_iv;
    if (c->kind == algo::CipherKind::aead)
        return Tls12Aead::create(cs.cipher, key, iv, out);
    const SecretBytes &mac_key = client_write ? kb.client_mac : kb.server_mac;
    // Encrypt-then-MAC changes only block ciphers (RFC 7366 section 3).
    const bool block = c->kind == algo::CipherKind::block;
    return Tls12Cbc::create(cs.cipher, cs.mac, key, mac_key, iv, block && p->explicit_iv,
                            block && encrypt_then_mac, out);
}

Err export12(gnutls_mac_algorithm_t prf, Bytes master, std::string_view label, Bytes client_random,
             Bytes server_random, const Bytes *context, MutableBytes out) noexcept
{
    Err e;
    if (context == nullptr) {
        e = prf_parts(prf, master, label, {client_random, server_random}, out);
    } else {
        if (context->size() > 0xffff)
            return Err::invalid_request;
        const std::uint8_t len[2] = {static_cast<std::uint8_t>(context->size() >> 8),
                                     static_cast<std::uint8_t>(context->size())};
        e = prf_parts(prf, master, label, {client_random, server_random, Bytes(len, 2), *context}, out);
    }
    if (!ok(e))
        secure_wipe(out.data(), out.size());
    return e;
}

}  // namespace tlshim::tls
