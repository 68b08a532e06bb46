// SPDX-License-Identifier: LGPL-2.1-or-later
// Handshake message reassembly (see handshake-buffer.hh).
#include "core/tls/handshake-buffer.hh"

#include <cstring>

namespace tlshim::tls {

namespace {
constexpr std::size_t kHeader = 4;  // msg_type(1) || length(3)
}

Err HandshakeBuffer::add(Bytes fragment)
{
    if (fragment.empty())
        return Err::unexpected_packet;
    // Drop what has been consumed before growing.
    if (start_ != 0) {
        std::memmove(buf_.data(), buf_.data() + start_, end_ - start_);
        end_ -= start_;
        start_ = 0;
    }
    if (buf_.size() < end_ + fragment.size())
        buf_.resize(end_ + fragment.size());
    std::memcpy(buf_.data() + end_, fragment.data(), fragment.size());
    end_ += fragment.size();
    // Every message header now complete must respect the limit, so an
    // oversized announcement is refused before its body is buffered.
    std::size_t at = start_;
    while (end_ - at >= kHeader) {
        Reader r(buf_.data() + at + 1, 3);
        std::uint32_t len = 0;
        r.u24(len);
        if (max_ != 0 && len > max_)
            return Err::handshake_too_large;
        if (end_ - at - kHeader < len)
            break;
        at += kHeader + len;
    }
    return Err::ok;
}

bool HandshakeBuffer::next(HandshakeMessage &out) const noexcept
{
    if (end_ - start_ < kHeader)
        return false;
    Reader r(buf_.data() + start_, end_ - start_);
    std::uint8_t type = 0;
    std::uint32_t len = 0;
    Bytes body;
    if (!r.u8(type) || !r.u24(len) || !r.bytes(len, body))
        return false;
    out.type = type;
    out.body = body;
    out.raw = Bytes(buf_.data() + start_, kHeader + len);
    return true;
}

void HandshakeBuffer::pop() noexcept
{
    HandshakeMessage m;
    if (next(m))
        start_ += m.raw.size();
    if (start_ == end_)
        start_ = end_ = 0;
}

bool HandshakeBuffer::aligned() const noexcept
{
    std::size_t at = start_;
    while (at < end_) {
        if (end_ - at < kHeader)
            return false;
        Reader r(buf_.data() + at + 1, 3);
        std::uint32_t len = 0;
        r.u24(len);
        if (end_ - at - kHeader < len)
            return false;
        at += kHeader + len;
    }
    return true;
}

void HandshakeBuffer::clear() noexcept
{
    start_ = end_ = 0;
}

}  // namespace tlshim::tls
