// SPDX-License-Identifier: LGPL-2.1-or-later
// Bounds-checked reading and writing of wire data.
//
// Every parser in the core reads through Reader and every encoder writes
// through Writer; nothing else indexes into a wire buffer.  A Reader never
// reads past its range; each getter returns false (and consumes nothing) when
// the input is short.  A Writer records the first failure (no room, length
// prefix overflow) and stays failed, so a sequence of writes needs one check
// at the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace tlshim {

using Bytes = std::span<const std::uint8_t>;
using MutableBytes = std::span<std::uint8_t>;

inline Bytes as_bytes(std::string_view s) noexcept
{
    return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()};
}

class Reader {
public:
    Reader() noexcept = default;
    explicit Reader(Bytes in) noexcept : data_(in) {}
    Reader(const void *p, std::size_t n) noexcept
        : data_(static_cast<const std::uint8_t *>(p), n) {}

    std::size_t remaining() const noexcept { return data_.size(); }
    bool empty() const noexcept { return data_.empty(); }
    // The bytes not read yet.
    Bytes rest() const noexcept { return data_; }

    bool u8(std::uint8_t &out) noexcept;
    bool u16(std::uint16_t &out) noexcept;
    bool u24(std::uint32_t &out) noexcept;
    bool u32(std::uint32_t &out) noexcept;
    bool u64(std::uint64_t &out) noexcept;
    // Takes the next n bytes.
    bool bytes(std::size_t n, Bytes &out) noexcept;
    bool copy(MutableBytes out) noexcept;
    bool skip(std::size_t n) noexcept;
    // Looks at the next byte without consuming it.
    bool peek_u8(std::uint8_t &out) const noexcept;

    // A length-prefixed vector (prefix of 1, 2 or 3 bytes, big-endian) whose
    // length must lie in [min, max]; on success `sub` reads its contents.
    bool vec8(Reader &sub, std::size_t min = 0, std::size_t max = 0xff) noexcept;
    bool vec16(Reader &sub, std::size_t min = 0, std::size_t max = 0xffff) noexcept;
    bool vec24(Reader &sub, std::size_t min = 0, std::size_t max = 0xffffff) noexcept;

private:
    bool vec(unsigned prefix, Reader &sub, std::size_t min, std::size_t max) noexcept;
    Bytes data_;
};

// A write cursor over either a caller-provided fixed buffer (never allocates)
// or a growable vector.
class Writer {
public:
    // Writes into fixed storage; running out of room makes the writer fail.
    explicit Writer(MutableBytes storage) noexcept : fixed_(storage) {}
    // Appends to a vector, growing it as needed.
    explicit Writer(std::vector<std::uint8_t> &grow) noexcept : grow_(&grow), base_(grow.size()) {}

    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;

    bool ok() const noexcept { return ok_; }
    // Bytes written through this writer so far.
    std::size_t size() const noexcept { return len_; }
    // The bytes written so far (valid until the next write on a growable writer).
    Bytes written() const noexcept;

    Writer &u8(std::uint8_t v) noexcept;
    Writer &u16(std::uint16_t v) noexcept;
    Writer &u24(std::uint32_t v) noexcept;
    Writer &u32(std::uint32_t v) noexcept;
    Writer &u64(std::uint64_t v) noexcept;
    Writer &bytes(Bytes b) noexcept;
    Writer &bytes(std::string_view s) noexcept { return bytes(as_bytes(s)); }
    Writer &zeros(std::size_t n) noexcept;
    // Reserves n bytes and returns them for the caller to fill (empty span on failure).
    MutableBytes reserve(std::size_t n) noexcept;

    // A length-prefixed vector: open() writes a placeholder prefix of
    // `prefix` bytes and close() fills it in (failing when the contents
    // exceed what the prefix can express or `max`).
    struct Vec {
        std::size_t at;
        unsigned prefix;
    };
    Vec open(unsigned prefix) noexcept;
    Writer &close(Vec v, std::size_t max = SIZE_MAX) noexcept;

    void fail() noexcept { ok_ = false; }

private:
    std::uint8_t *room(std::size_t n) noexcept;
    std::uint8_t *at(std::size_t off) noexcept;

    MutableBytes fixed_;
    std::vector<std::uint8_t> *grow_ = nullptr;
    std::size_t base_ = 0;
    std::size_t len_ = 0;
    bool ok_ = true;
};

}  // namespace tlshim
