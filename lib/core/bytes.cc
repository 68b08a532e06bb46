// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/bytes.hh"

#include <cstring>
#include <new>

namespace tlshim {

namespace {
std::uint64_t load_be(const std::uint8_t *p, unsigned n) noexcept
{
    std::uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v = (v << 8) | p[i];
    return v;
}
void store_be(std::uint8_t *p, std::uint64_t v, unsigned n) noexcept
{
    for (unsigned i = n; i-- > 0;) {
        p[i] = static_cast<std::uint8_t>(v);
        v >>= 8;
    }
}
}  // namespace

bool Reader::u8(std::uint8_t &out) noexcept
{
    if (data_.size() < 1)
        return false;
    out = data_[0];
    data_ = data_.subspan(1);
    return true;
}

#define TLSHIM_READER_INT(name, type, n)                      \
    bool Reader::name(type &out) noexcept                     \
    {                                                         \
        if (data_.size() < (n))                               \
            return false;                                     \
        out = static_cast<type>(load_be(data_.data(), (n)));  \
        data_ = data_.subspan(n);                             \
        return true;                                          \
    }
TLSHIM_READER_INT(u16, std::uint16_t, 2)
TLSHIM_READER_INT(u24, std::uint32_t, 3)
TLSHIM_READER_INT(u32, std::uint32_t, 4)
TLSHIM_READER_INT(u64, std::uint64_t, 8)
#undef TLSHIM_READER_INT

bool Reader::bytes(std::size_t n, Bytes &out) noexcept
{
    if (data_.size() < n)
        return false;
    out = data_.first(n);
    data_ = data_.subspan(n);
    return true;
}

bool Reader::copy(MutableBytes out) noexcept
{
    Bytes b;
    if (!bytes(out.size(), b))
        return false;
    if (!b.empty())
        std::memcpy(out.data(), b.data(), b.size());
    return true;
}

bool Reader::skip(std::size_t n) noexcept
{
    Bytes ignored;
    return bytes(n, ignored);
}

bool Reader::peek_u8(std::uint8_t &out) const noexcept
{
    if (data_.empty())
        return false;
    out = data_[0];
    return true;
}

bool Reader::vec(unsigned prefix, Reader &sub, std::size_t min, std::size_t max) noexcept
{
    if (data_.size() < prefix)
        return false;
    std::size_t len = static_cast<std::size_t>(load_be(data_.data(), prefix));
    if (len < min || len > max || data_.size() - prefix < len)
        return false;
    sub = Reader(data_.subspan(prefix, len));
    data_ = data_.subspan(prefix + len);
    return true;
}

bool Reader::vec8(Reader &sub, std::size_t min, std::size_t max) noexcept { return vec(1, sub, min, max); }
bool Reader::vec16(Reader &sub, std::size_t min, std::size_t max) noexcept { return vec(2, sub, min, max); }
bool Reader::vec24(Reader &sub, std::size_t min, std::size_t max) noexcept { return vec(3, sub, min, max); }

Bytes Writer::written() const noexcept
{
    if (grow_ != nullptr)
        return Bytes(grow_->data() + base_, len_);
    return Bytes(fixed_.data(), len_);
}

std::uint8_t *Writer::at(std::size_t off) noexcept
{
    return grow_ != nullptr ? grow_->data() + base_ + off : fixed_.data() + off;
}

std::uint8_t *Writer::room(std::size_t n) noexcept
{
    if (!ok_)
        return nullptr;
    if (grow_ != nullptr) {
        try {
            grow_->resize(base_ + len_ + n);
        } catch (const std::bad_alloc &) {
            ok_ = false;
            return nullptr;
        }
    } else if (fixed_.size() - len_ < n) {
        ok_ = false;
        return nullptr;
    }
    std::uint8_t *p = at(len_);
    len_ += n;
    return p;
}

#define TLSHIM_WRITER_INT(name, type, n)          \
    Writer &Writer::name(type v) noexcept         \
    {                                             \
        if (std::uint8_t *p = room(n))            \
            store_be(p, v, n);                    \
        return *this;                             \
    }
TLSHIM_WRITER_INT(u8, std::uint8_t, 1)
TLSHIM_WRITER_INT(u16, std::uint16_t, 2)
TLSHIM_WRITER_INT(u32, std::uint32_t, 4)
TLSHIM_WRITER_INT(u64, std::uint64_t, 8)
#undef TLSHIM_WRITER_INT

Writer &Writer::u24(std::uint32_t v) noexcept
{
    if (v > 0xffffff) {
        ok_ = false;
        return *this;
    }
    if (std::uint8_t *p = room(3))
        store_be(p, v, 3);
    return *this;
}

Writer &Writer::bytes(Bytes b) noexcept
{
    if (std::uint8_t *p = room(b.size()); p != nullptr && !b.empty())
        std::memcpy(p, b.data(), b.size());
    return *this;
}

Writer &Writer::zeros(std::size_t n) noexcept
{
    if (std::uint8_t *p = room(n); p != nullptr && n != 0)
        std::memset(p, 0, n);
    return *this;
}

MutableBytes Writer::reserve(std::size_t n) noexcept
{
    std::uint8_t *p = room(n);
    return p != nullptr ? MutableBytes(p, n) : MutableBytes();
}

Writer::Vec Writer::open(unsigned prefix) noexcept
{
    Vec v{len_, prefix};
    if (prefix < 1 || prefix > 3)
        ok_ = false;
    else
        zeros(prefix);
    return v;
}

Writer &Writer::close(Vec v, std::size_t max) noexcept
{
    if (!ok_)
        return *this;
    std::size_t body = len_ - v.at - v.prefix;
    std::size_t limit = (std::size_t{1} << (8 * v.prefix)) - 1;
    if (body > limit || body > max) {
        ok_ = false;
        return *this;
    }
    store_be(at(v.at), body, v.prefix);
    return *this;
}

}  // namespace tlshim
