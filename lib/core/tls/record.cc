// SPDX-License-Identifier: LGPL-2.1-or-later
// Record framing (see record.hh).
#include "core/tls/record.hh"

#include <cstring>

#include "core/secret.hh"

namespace tlshim::tls {

RecordReader::RecordReader() : buf_(kHeaderSize + kMaxFragment12) {}

std::size_t RecordReader::wanted() const noexcept
{
    if (header_error_ != Err::ok || opened_)
        return 0;
    return need_ - have_;
}

MutableBytes RecordReader::space() noexcept
{
    if (opened_ || header_error_ != Err::ok)
        return {};
    return MutableBytes(buf_.data() + have_, need_ - have_);
}

void RecordReader::received(std::size_t n) noexcept
{
    if (n > need_ - have_)
        n = need_ - have_;
    have_ += n;
    if (have_ == kHeaderSize && need_ == kHeaderSize)
        parse_header();
}

void RecordReader::parse_header() noexcept
{
    Reader r(buf_.data(), kHeaderSize);
    std::uint8_t type = 0;
    std::uint16_t version = 0, len = 0;
    r.u8(type);
    r.u16(version);
    r.u16(len);
    hdr_.type = static_cast<ContentType>(type);
    hdr_.version = version;
    if (type < 20 || type > 24)
        header_error_ = Err::unexpected_packet;
    else if ((version >> 8) != 3)
        header_error_ = Err::unsupported_version;
    else if (len > max_fragment_)
        header_error_ = Err::record_overflow;
    need_ = kHeaderSize + len;
}

Err RecordReader::open(Protection &prot, std::uint64_t seq, RecordHeader &hdr, MutableBytes &plain)
{
    if (header_error_ != Err::ok)
        return header_error_;
    if (opened_ || have_ < kHeaderSize || have_ != need_)
        return Err::internal;
    hdr = hdr_;
    MutableBytes fragment(buf_.data() + kHeaderSize, need_ - kHeaderSize);
    if (prot.null() && fragment.size() > kMaxPlaintext)
        return Err::record_overflow;
    Err e = prot.open(hdr, seq, fragment, plain);
    if (!ok(e))
        return e;
    opened_ = true;
    return Err::ok;
}

void RecordReader::release() noexcept
{
    // Decrypted application data does not linger in the buffer.
    if (opened_ && need_ > kHeaderSize)
        secure_wipe(buf_.data() + kHeaderSize, need_ - kHeaderSize);
    have_ = 0;
    need_ = kHeaderSize;
    opened_ = false;
    hdr_ = {};
}

RecordWriter::RecordWriter(std::size_t capacity) : buf_(capacity) {}

bool RecordWriter::fits(const Protection &prot, std::size_t len, std::size_t pad) const noexcept
{
    return used_ + kHeaderSize + len + prot.overhead(pad) <= buf_.size();
}

Err RecordWriter::seal(Protection &prot, std::uint64_t seq, RecordHeader hdr, Bytes data, std::size_t pad)
{
    if (data.size() > kMaxPlaintext || (!prot.inner_type() && pad != 0))
        return Err::invalid_request;
    if (empty())
        used_ = sent_ = 0;
    if (!fits(prot, data.size(), pad))
        return Err::short_memory_buffer;
    std::uint8_t *rec = buf_.data() + used_;
    MutableBytes body(rec + kHeaderSize, buf_.size() - used_ - kHeaderSize);
    if (!data.empty())
        std::memmove(body.data() + prot.prefix_size(), data.data(), data.size());
    std::size_t frag = 0;
    if (Err e = prot.seal(hdr, seq, body, data.size(), pad, frag); !ok(e))
        return e;
    Writer w(MutableBytes(rec, kHeaderSize));
    w.u8(static_cast<std::uint8_t>(hdr.type)).u16(hdr.version).u16(static_cast<std::uint16_t>(frag));
    if (!w.ok())
        return Err::internal;
    used_ += kHeaderSize + frag;
    return Err::ok;
}

void RecordWriter::sent(std::size_t n) noexcept
{
    sent_ += n > used_ - sent_ ? used_ - sent_ : n;
    if (sent_ == used_)
        used_ = sent_ = 0;
}

}  // namespace tlshim::tls
