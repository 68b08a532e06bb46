// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/crypto/random.hh"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>

#include <sys/random.h>
#include <unistd.h>

#include <nettle/chacha.h>

#include "core/log.hh"
#include "core/secret.hh"

namespace tlshim::crypto {

namespace {

// Bumped by random_refresh(); generators compare it with the value they saw
// when they were seeded.
std::atomic<std::uint64_t> g_generation{0};

constexpr std::uint64_t kReseedSeconds = 3600;

bool kernel_random(std::uint8_t *out, std::size_t len) noexcept
{
    while (len > 0) {
        ssize_t n = getrandom(out, len, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        out += n;
        len -= static_cast<std::size_t>(n);
    }
    return true;
}

std::uint64_t seconds_now() noexcept
{
    struct timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::uint64_t>(ts.tv_sec);
}

class Drbg {
public:
    explicit Drbg(std::uint64_t reseed_bytes) noexcept : reseed_bytes_(reseed_bytes) {}
    Drbg(const Drbg &) = delete;
    Drbg &operator=(const Drbg &) = delete;
    ~Drbg() { secure_wipe(&ctx_, sizeof ctx_); }

    Err generate(std::uint8_t *out, std::size_t len) noexcept
    {
        if (needs_seed())
            if (Err e = seed(); !ok(e))
                return e;
        // Keystream for the caller, then a fresh key from the same stream.
        std::memset(out, 0, len);
        if (len != 0)
            chacha_crypt(&ctx_, len, out, out);
        rekey();
        produced_ += len;
        return Err::ok;
    }

private:
    bool needs_seed() const noexcept
    {
        return !seeded_ || pid_ != getpid() || generation_ != g_generation.load(std::memory_order_acquire) ||
               produced_ >= reseed_bytes_ || seconds_now() - seeded_at_ >= kReseedSeconds;
    }

    Err seed() noexcept
    {
        std::uint8_t key[CHACHA_KEY_SIZE];
        if (!kernel_random(key, sizeof key)) {
            log::write(1, "tlshim: getrandom failed (%d)\n", errno);
            secure_wipe(key, sizeof key);
            return Err::random_failed;
        }
        generation_ = g_generation.load(std::memory_order_acquire);
        chacha_set_key(&ctx_, key);
        secure_wipe(key, sizeof key);
        const std::uint8_t zero_nonce[CHACHA_NONCE_SIZE] = {};
        chacha_set_nonce(&ctx_, zero_nonce);
        pid_ = getpid();
        seeded_at_ = seconds_now();
        produced_ = 0;
        seeded_ = true;
        return Err::ok;
    }

    void rekey() noexcept
    {
        std::uint8_t key[CHACHA_KEY_SIZE] = {};
        chacha_crypt(&ctx_, sizeof key, key, key);
        chacha_set_key(&ctx_, key);
        secure_wipe(key, sizeof key);
        const std::uint8_t zero_nonce[CHACHA_NONCE_SIZE] = {};
        chacha_set_nonce(&ctx_, zero_nonce);
    }

    chacha_ctx ctx_{};
    std::uint64_t reseed_bytes_;
    std::uint64_t produced_ = 0;
    std::uint64_t seeded_at_ = 0;
    std::uint64_t generation_ = 0;
    pid_t pid_ = 0;
    bool seeded_ = false;
};

Drbg &nonce_drbg() noexcept
{
    thread_local Drbg d(std::uint64_t{1} << 24);
    return d;
}

Drbg &key_drbg() noexcept
{
    thread_local Drbg d(std::uint64_t{1} << 20);
    return d;
}

}  // namespace

Err random(RandomLevel level, MutableBytes out) noexcept
{
    switch (level) {
    case RandomLevel::nonce: return nonce_drbg().generate(out.data(), out.size());
    case RandomLevel::random:
    case RandomLevel::key: return key_drbg().generate(out.data(), out.size());
    }
    return Err::random_failed;
}

Err random(int level, void *out, std::size_t len) noexcept
{
    if (level < 0 || level > 2)
        return Err::random_failed;
    if (len == 0)
        return Err::ok;
    return random(static_cast<RandomLevel>(level), MutableBytes(static_cast<std::uint8_t *>(out), len));
}

void random_refresh() noexcept { g_generation.fetch_add(1, std::memory_order_acq_rel); }

}  // namespace tlshim::crypto
