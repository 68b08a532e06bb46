// SPDX-License-Identifier: LGPL-2.1-or-later
// Record protection (see protection.hh).
#include "core/tls/protection.hh"

#include <cstring>

namespace tlshim::tls {

namespace {

void put_u64(std::uint8_t *p, std::uint64_t v) noexcept
{
    for (int i = 7; i >= 0; i--) {
        p[i] = static_cast<std::uint8_t>(v);
        v >>= 8;
    }
}

// TLS 1.2 additional data: seq_num || type || version || length (RFC 5246
// section 6.2.3.3), 13 bytes.
void tls12_aad(std::uint8_t *aad, std::uint64_t seq, const RecordHeader &hdr, std::size_t len) noexcept
{
    put_u64(aad, seq);
    aad[8] = static_cast<std::uint8_t>(hdr.type);
    aad[9] = static_cast<std::uint8_t>(hdr.version >> 8);
    aad[10] = static_cast<std::uint8_t>(hdr.version);
    aad[11] = static_cast<std::uint8_t>(len >> 8);
    aad[12] = static_cast<std::uint8_t>(len);
}

// The per-record nonce of RFC 8446 section 5.3 and RFC 7905: the sequence
// number, left-padded to the IV length, XORed into the static IV.
void xor_nonce(Bytes iv, std::uint64_t seq, std::uint8_t *out) noexcept
{
    std::memcpy(out, iv.data(), iv.size());
    for (std::size_t i = 0; i < 8; i++)
        out[iv.size() - 1 - i] ^= static_cast<std::uint8_t>(seq >> (8 * i));
}

bool is_content_type(std::uint8_t t) noexcept
{
    return t >= 20 && t <= 24;
}

}  // namespace

Err NullProtection::seal(RecordHeader &, std::uint64_t, MutableBytes buf, std::size_t len, std::size_t,
                         std::size_t &out_len)
{
    if (len > buf.size())
        return Err::internal;
    out_len = len;
    return Err::ok;
}

Err NullProtection::open(RecordHeader &, std::uint64_t, MutableBytes fragment, MutableBytes &plain)
{
    plain = fragment;
    return Err::ok;
}

Err Tls13Aead::create(gnutls_cipher_algorithm_t alg, Bytes key, Bytes iv, std::unique_ptr<Protection> &out)
{
    if (iv.size() != 12)
        return Err::invalid_request;
    std::unique_ptr<Tls13Aead> p(new Tls13Aead);
    if (Err e = crypto::Aead::create(alg, key, p->aead_); !ok(e))
        return e;
    p->iv_.resize(iv.size());
    std::memcpy(p->iv_.data(), iv.data(), iv.size());
    p->tag_size_ = p->aead_->max_tag_size();
    out = std::move(p);
    return Err::ok;
}

Err Tls13Aead::seal(RecordHeader &hdr, std::uint64_t seq, MutableBytes buf, std::size_t len, std::size_t pad,
                    std::size_t &out_len)
{
    // TLSInnerPlaintext: content || type || zeros[pad] (RFC 8446 section 5.2).
    const std::size_t inner = len + 1 + pad;
    const std::size_t total = inner + tag_size_;
    if (total > buf.size() || inner > kMaxPlaintext + 1)
        return Err::internal;
    buf[len] = static_cast<std::uint8_t>(hdr.type);
    std::memset(buf.data() + len + 1, 0, pad);

    // The outer header is the additional data.
    hdr.type = ContentType::application_data;
    const std::uint8_t aad[5] = {static_cast<std::uint8_t>(hdr.type), static_cast<std::uint8_t>(hdr.version >> 8),
                                 static_cast<std::uint8_t>(hdr.version), static_cast<std::uint8_t>(total >> 8),
                                 static_cast<std::uint8_t>(total)};
    std::uint8_t nonce[kMaxIvSize];
    xor_nonce(iv_.span(), seq, nonce);
    Err e = aead_->seal(Bytes(nonce, iv_.size()), Bytes(aad, sizeof aad), buf.data(), inner, buf.data(),
                        buf.subspan(inner, tag_size_));
    if (!ok(e))
        return Err::encryption_failed;
    out_len = total;
    return Err::ok;
}

Err Tls13Aead::open(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain)
{
    // RFC 8446 section 5.2: protected records are application_data on the
    // outside; a fragment shorter than the tag plus the type byte cannot be
    // genuine.
    if (hdr.type != ContentType::application_data)
        return Err::unexpected_packet;
    if (fragment.size() < tag_size_ + 1)
        return Err::decryption_failed;
    if (fragment.size() > kMaxPlaintext + 256)
        return Err::record_overflow;
    const std::size_t inner = fragment.size() - tag_size_;
    const std::uint8_t aad[5] = {static_cast<std::uint8_t>(hdr.type), static_cast<std::uint8_t>(hdr.version >> 8),
                                 static_cast<std::uint8_t>(hdr.version),
                                 static_cast<std::uint8_t>(fragment.size() >> 8),
                                 static_cast<std::uint8_t>(fragment.size())};
    std::uint8_t nonce[kMaxIvSize];
    xor_nonce(iv_.span(), seq, nonce);
    if (Err e = aead_->open(Bytes(nonce, iv_.size()), Bytes(aad, sizeof aad), fragment.data(), inner,
                            fragment.data(), fragment.subspan(inner, tag_size_));
        !ok(e))
        return Err::decryption_failed;
    // Strip the padding: the real type is the last non-zero byte. The
    // padding is not secret from the peer that chose it, but scanning from
    // the end keeps the work proportional to the padding only.
    std::size_t n = inner;
    while (n > 0 && fragment[n - 1] == 0)
        n--;
    if (n == 0)
        return Err::unexpected_packet;  // no content type at all
    const std::uint8_t type = fragment[n - 1];
    if (!is_content_type(type) || type == static_cast<std::uint8_t>(ContentType::change_cipher_spec))
        return Err::unexpected_packet;
    if (n - 1 > kMaxPlaintext)
        return Err::record_overflow;
    hdr.type = static_cast<ContentType>(type);
    plain = fragment.first(n - 1);
    return Err::ok;
}

Err Tls12Aead::create(gnutls_cipher_algorithm_t alg, Bytes key, Bytes iv, std::unique_ptr<Protection> &out)
{
    std::unique_ptr<Tls12Aead> p(new Tls12Aead);
    const bool chacha = alg == GNUTLS_CIPHER_CHACHA20_POLY1305;
    if (iv.size() != (chacha ? 12u : 4u))
        return Err::invalid_request;
    if (Err e = crypto::Aead::create(alg, key, p->aead_); !ok(e))
        return e;
    p->iv_.resize(iv.size());
    std::memcpy(p->iv_.data(), iv.data(), iv.size());
    p->explicit_size_ = chacha ? 0 : 8;
    p->tag_size_ = p->aead_->max_tag_size();
    out = std::move(p);
    return Err::ok;
}

void Tls12Aead::nonce(std::uint64_t seq, Bytes explicit_part, std::uint8_t *out) const noexcept
{
    if (explicit_size_ == 0) {
        xor_nonce(iv_.span(), seq, out);
        return;
    }
    std::memcpy(out, iv_.data(), 4);
    std::memcpy(out + 4, explicit_part.data(), 8);
}

Err Tls12Aead::seal(RecordHeader &hdr, std::uint64_t seq, MutableBytes buf, std::size_t len, std::size_t,
                    std::size_t &out_len)
{
    const std::size_t total = explicit_size_ + len + tag_size_;
    if (total > buf.size() || len > kMaxPlaintext)
        return Err::internal;
    // The explicit part of the nonce is the sequence number: unique per
    // key, which is all GCM and CCM require (RFC 5288 section 3).
    if (explicit_size_)
        put_u64(buf.data(), seq);
    std::uint8_t aad[13];
    tls12_aad(aad, seq, hdr, len);
    std::uint8_t n[kMaxIvSize];
    nonce(seq, Bytes(buf.data(), explicit_size_), n);
    std::uint8_t *p = buf.data() + explicit_size_;
    if (!ok(aead_->seal(Bytes(n, 12), Bytes(aad, sizeof aad), p, len, p, MutableBytes(p + len, tag_size_))))
        return Err::encryption_failed;
    out_len = total;
    return Err::ok;
}

Err Tls12Aead::open(RecordHeader &hdr, std::uint64_t seq, MutableBytes fragment, MutableBytes &plain)
{
    if (fragment.size() < explicit_size_ + tag_size_)
        return Err::decryption_failed;
    const std::size_t len = fragment.size() - explicit_size_ - tag_size_;
    if (len > kMaxPlaintext + 1024)
        return Err::record_overflow;
    std::uint8_t aad[13];
    tls12_aad(aad, seq, hdr, len);
    std::uint8_t n[kMaxIvSize];
    nonce(seq, Bytes(fragment.data(), explicit_size_), n);
    std::uint8_t *p = fragment.data() + explicit_size_;
    if (!ok(aead_->open(Bytes(n, 12), Bytes(aad, sizeof aad), p, len, p, Bytes(p + len, tag_size_))))
        return Err::decryption_failed;
    if (len > kMaxPlaintext)
        return Err::record_overflow;
    plain = MutableBytes(p, len);
    return Err::ok;
}

}  // namespace tlshim::tls
