// SPDX-License-Identifier: LGPL-2.1-or-later
// TLS 1.3 key schedule and transcript hash (see key-schedule.hh).
#include "core/tls/key-schedule.hh"

#include <cstring>

#include "core/crypto/kdf.hh"
#include "core/crypto/mac.hh"

namespace tlshim::tls {

void Transcript::add(Bytes msg)
{
    if (hashing_)
        hash_.update(msg);
    else
        pending_.insert(pending_.end(), msg.begin(), msg.end());
}

Err Transcript::set_hash(gnutls_digest_algorithm_t alg)
{
    if (Err e = hash_.init(alg); !ok(e))
        return e;
    hash_.update(pending_);
    secure_wipe(pending_.data(), pending_.size());
    pending_.clear();
    hashing_ = true;
    return Err::ok;
}

Err Transcript::current(std::uint8_t *out) const
{
    if (!hashing_)
        return Err::internal;
    crypto::Hash copy(hash_);
    copy.digest(out);
    return Err::ok;
}

Err Transcript::current_with(Bytes extra, std::uint8_t *out) const
{
    if (!hashing_)
        return Err::internal;
    crypto::Hash copy = hash_;
    copy.update(extra);
    copy.digest(out);
    return Err::ok;
}

Err Transcript::restart_for_retry()
{
    if (!hashing_)
        return Err::internal;
    std::uint8_t h[kMaxHashSize];
    WipeOnExit<decltype(h)> wipe(h);
    const std::size_t n = hash_.size();
    hash_.digest(h);  // digest() also restarts the hash
    // message_hash: type 254, a 3-byte length, then Hash(ClientHello1).
    const std::uint8_t head[4] = {254, 0, 0, static_cast<std::uint8_t>(n)};
    hash_.update(Bytes(head, 4));
    hash_.update(Bytes(h, n));
    return Err::ok;
}

void Transcript::reset() noexcept
{
    secure_wipe(pending_.data(), pending_.size());
    pending_.clear();
    hash_ = crypto::Hash();
    hashing_ = false;
}

Err expand_label(gnutls_mac_algorithm_t mac, Bytes secret, std::string_view label, Bytes context,
                 MutableBytes out) noexcept
{
    // struct { uint16 length; opaque label<7..255>; opaque context<0..255>; }
    std::uint8_t info[2 + 1 + 255 + 1 + 255];
    Writer w(MutableBytes(info, sizeof info));
    w.u16(static_cast<std::uint16_t>(out.size()));
    auto l = w.open(1);
    w.bytes("tls13 ").bytes(label);
    w.close(l, 255);
    auto c = w.open(1);
    w.bytes(context);
    w.close(c, 255);
    if (!w.ok() || out.size() > 0xffff)
        return Err::internal;
    return crypto::hkdf_expand(mac, secret, w.written(), out);
}

Err derive_secret(gnutls_mac_algorithm_t mac, Bytes secret, std::string_view label, Bytes transcript_hash,
                  Secret &out) noexcept
{
    if (!out.resize(transcript_hash.size()))
        return Err::internal;
    return expand_label(mac, secret, label, transcript_hash, out.span());
}

Err KeySchedule13::init(gnutls_mac_algorithm_t mac) noexcept
{
    gnutls_digest_algorithm_t dig;
    switch (mac) {
    case GNUTLS_MAC_SHA256:
        dig = GNUTLS_DIG_SHA256;
        break;
    case GNUTLS_MAC_SHA384:
        dig = GNUTLS_DIG_SHA384;
        break;
    default:
        return Err::invalid_request;
    }
    mac_ = mac;
    size_ = crypto::hash_output_size(dig);
    secret_.clear();
    return Err::ok;
}

Err KeySchedule13::next_stage(Bytes ikm) noexcept
{
    std::uint8_t zeros[kMaxHashSize] = {};
    Secret salt;
    if (secret_.size() != 0) {
        // Derive-Secret(previous, "derived", Hash("")).
        std::uint8_t empty[kMaxHashSize];
        if (Err e = crypto::Hash::compute(mac_ == GNUTLS_MAC_SHA256 ? GNUTLS_DIG_SHA256 : GNUTLS_DIG_SHA384,
                                          Bytes(), empty);
            !ok(e))
            return e;
        if (Err e = derive_secret(mac_, secret_.span(), "derived", Bytes(empty, size_), salt); !ok(e))
            return e;
    }
    if (ikm.empty())
        ikm = Bytes(zeros, size_);
    secret_.resize(size_);
    return crypto::hkdf_extract(mac_, ikm, salt.span(), secret_.data());
}

Err KeySchedule13::early(Bytes psk) noexcept
{
    if (size_ == 0)
        return Err::internal;
    secret_.clear();
    return next_stage(psk);
}

Err KeySchedule13::handshake(Bytes shared) noexcept
{
    if (secret_.size() == 0 || shared.empty())
        return Err::internal;
    return next_stage(shared);
}

Err KeySchedule13::master() noexcept
{
    if (secret_.size() == 0)
        return Err::internal;
    return next_stage(Bytes());
}

Err KeySchedule13::derive(std::string_view label, Bytes transcript_hash, Secret &out) const noexcept
{
    if (secret_.size() == 0 || transcript_hash.size() != size_)
        return Err::internal;
    return derive_secret(mac_, secret_.span(), label, transcript_hash, out);
}

Err traffic_key_iv(gnutls_mac_algorithm_t mac, Bytes secret, std::size_t key_size, std::size_t iv_size,
                   SecretBytes &key, SecretBytes &iv)
{
    key.resize(key_size);
    iv.resize(iv_size);
    if (Err e = expand_label(mac, secret, "key", Bytes(), MutableBytes(key)); !ok(e))
        return e;
    return expand_label(mac, secret, "iv", Bytes(), MutableBytes(iv));
}

Err next_traffic_secret(gnutls_mac_algorithm_t mac, const Secret &current, Secret &next) noexcept
{
    if (!next.resize(current.size()))
        return Err::internal;
    return expand_label(mac, current.span(), "traffic upd", Bytes(), next.span());
}

Err finished_verify_data(gnutls_mac_algorithm_t mac, Bytes base_key, Bytes transcript_hash,
                         std::uint8_t *out) noexcept
{
    std::uint8_t fk[kMaxHashSize];
    WipeOnExit<decltype(fk)> wipe(fk);
    const std::size_t n = transcript_hash.size();
    if (n > kMaxHashSize)
        return Err::internal;
    if (Err e = expand_label(mac, base_key, "finished", Bytes(), MutableBytes(fk, n)); !ok(e))
        return e;
    return crypto::Mac::compute(mac, Bytes(fk, n), transcript_hash, out);
}

}  // namespace tlshim::tls
