// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/crypto/kdf.hh"

#include <cstring>

#include "core/crypto/mac.hh"
#include "core/secret.hh"

namespace tlshim::crypto {

namespace {
bool is_hmac(gnutls_mac_algorithm_t mac) noexcept { return hmac_underlying_digest(mac) != GNUTLS_DIG_UNKNOWN; }
}  // namespace

Err hkdf_extract(gnutls_mac_algorithm_t mac, Bytes ikm, Bytes salt, std::uint8_t *prk) noexcept
{
    if (!is_hmac(mac))
        return Err::invalid_request;
    // An absent salt is a string of zeros as long as the hash output; for
    // HMAC that is the same key as the empty string.
    Mac m;
    if (Err e = m.init(mac, salt); !ok(e))
        return e;
    m.update(ikm);
    m.digest(prk);
    return Err::ok;
}

Err hkdf_expand(gnutls_mac_algorithm_t mac, Bytes prk, Bytes info, MutableBytes out) noexcept
{
    if (!is_hmac(mac))
        return Err::invalid_request;
    Mac base;
    if (Err e = base.init(mac, prk); !ok(e))
        return e;
    const std::size_t hlen = base.size();
    if (out.size() > 255 * hlen)
        return Err::invalid_request;
    std::uint8_t t[kMaxMacSize];
    WipeOnExit<decltype(t)> wipe_t(t);
    std::size_t done = 0;
    for (unsigned i = 1; done < out.size(); i++) {
        // Each digest leaves the HMAC keyed and ready for the next message.
        if (i > 1)
            base.update(Bytes(t, hlen));
        base.update(info);
        const std::uint8_t ctr = static_cast<std::uint8_t>(i);
        base.update(Bytes(&ctr, 1));
        base.digest(t);
        std::size_t n = out.size() - done < hlen ? out.size() - done : hlen;
        std::memcpy(out.data() + done, t, n);
        done += n;
    }
    return Err::ok;
}

Err pbkdf2(gnutls_mac_algorithm_t mac, Bytes password, Bytes salt, unsigned iterations,
           MutableBytes out) noexcept
{
    if (!is_hmac(mac) || iterations == 0)
        return Err::invalid_request;
    Mac base;
    if (Err e = base.init(mac, password); !ok(e))
        return e;
    const std::size_t hlen = base.size();
    std::uint8_t u[kMaxMacSize], t[kMaxMacSize];
    WipeOnExit<decltype(u)> wipe_u(u);
    WipeOnExit<decltype(t)> wipe_t(t);
    std::size_t done = 0;
    for (std::uint32_t block = 1; done < out.size(); block++) {
        if (block == 0)
            return Err::invalid_request;  // more than 2^32-1 blocks
        const std::uint8_t be[4] = {static_cast<std::uint8_t>(block >> 24), static_cast<std::uint8_t>(block >> 16),
                                    static_cast<std::uint8_t>(block >> 8), static_cast<std::uint8_t>(block)};
        base.update(salt);
        base.update(Bytes(be, 4));
        base.digest(u);
        std::memcpy(t, u, hlen);
        for (unsigned i = 1; i < iterations; i++) {
            base.update(Bytes(u, hlen));
            base.digest(u);
            for (std::size_t j = 0; j < hlen; j++)
                t[j] ^= u[j];
        }
        std::size_t n = out.size() - done < hlen ? out.size() - done : hlen;
        std::memcpy(out.data() + done, t, n);
        done += n;
    }
    return Err::ok;
}

}  // namespace tlshim::crypto
