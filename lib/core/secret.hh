// SPDX-License-Identifier: LGPL-2.1-or-later
// Containers for secret material: they wipe their memory when they release it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <new>
#include <span>
#include <vector>

namespace tlshim {

// Overwrites len bytes at p with zeros in a way the compiler may not elide.
void secure_wipe(void *p, std::size_t len) noexcept;

// Constant-time comparison of two equally long byte ranges: 0 when equal.
int ct_memcmp(const void *a, const void *b, std::size_t len) noexcept;

// std::allocator that zeroes every block before giving it back.
template <typename T>
struct WipingAllocator {
    using value_type = T;
    WipingAllocator() noexcept = default;
    template <typename U>
    WipingAllocator(const WipingAllocator<U> &) noexcept {}
    T *allocate(std::size_t n)
    {
        if (n > std::numeric_limits<std::size_t>::max() / sizeof(T))
            throw std::bad_alloc();
        return static_cast<T *>(::operator new(n * sizeof(T)));
    }
    void deallocate(T *p, std::size_t n) noexcept
    {
        secure_wipe(p, n * sizeof(T));
        ::operator delete(p);
    }
    template <typename U>
    bool operator==(const WipingAllocator<U> &) const noexcept { return true; }
};

// A growable byte buffer for keys, secrets and plaintext: wiped on free,
// on reallocation and on destruction.
using SecretBytes = std::vector<std::uint8_t, WipingAllocator<std::uint8_t>>;

// A fixed-capacity secret that lives inside its owner (no heap), e.g. a
// traffic secret or a key schedule value.  Wiped on destruction.
template <std::size_t N>
class FixedSecret {
public:
    FixedSecret() noexcept = default;
    FixedSecret(const FixedSecret &) = delete;
    FixedSecret &operator=(const FixedSecret &) = delete;
    ~FixedSecret() { secure_wipe(bytes_, sizeof bytes_); }

    std::uint8_t *data() noexcept { return bytes_; }
    const std::uint8_t *data() const noexcept { return bytes_; }
    std::size_t size() const noexcept { return len_; }
    static constexpr std::size_t capacity() noexcept { return N; }
    // Sets the used length (<= N); returns false if it does not fit.
    bool resize(std::size_t n) noexcept
    {
        if (n > N)
            return false;
        len_ = n;
        return true;
    }
    std::span<std::uint8_t> span() noexcept { return {bytes_, len_}; }
    std::span<const std::uint8_t> span() const noexcept { return {bytes_, len_}; }
    void clear() noexcept
    {
        secure_wipe(bytes_, sizeof bytes_);
        len_ = 0;
    }

private:
    std::uint8_t bytes_[N] = {};
    std::size_t len_ = 0;
};

// Wipes an object (a Nettle context, say) when the scope ends.
template <typename T>
class WipeOnExit {
public:
    explicit WipeOnExit(T &obj) noexcept : obj_(obj) {}
    WipeOnExit(const WipeOnExit &) = delete;
    WipeOnExit &operator=(const WipeOnExit &) = delete;
    ~WipeOnExit() { secure_wipe(&obj_, sizeof(T)); }

private:
    T &obj_;
};

}  // namespace tlshim
