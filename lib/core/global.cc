// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/global.hh"

#include <atomic>
#include <cstdlib>
#include <mutex>

#include "core/log.hh"

namespace tlshim::global {

namespace {
std::mutex g_lock;
int g_count = 0;
Subsystem *g_subsystems = nullptr;
std::atomic<TimeFunc> g_time{nullptr};
std::atomic<MonotonicFunc> g_mono{nullptr};

bool env_set(const char *name)
{
    const char *v = std::getenv(name);
    return v != nullptr && std::atoi(v) != 0;
}
}  // namespace

void register_subsystem(Subsystem &s) noexcept
{
    std::lock_guard<std::mutex> lk(g_lock);
    s.next = g_subsystems;
    g_subsystems = &s;
}

Err init() noexcept
{
    std::lock_guard<std::mutex> lk(g_lock);
    if (g_count++ > 0)
        return Err::ok;
    log::init_from_environment();
    TLSHIM_DEBUG("tlshim: initialising (GnuTLS 3.7.9 ABI)\n");
    for (Subsystem *s = g_subsystems; s != nullptr; s = s->next) {
        if (s->init == nullptr)
            continue;
        Err e = s->init();
        if (!ok(e)) {
            log::write(1, "tlshim: initialisation of %s failed (%d)\n", s->name, static_cast<int>(e));
            for (Subsystem *t = g_subsystems; t != s; t = t->next)
                if (t->deinit != nullptr)
                    t->deinit();
            g_count--;
            return e;
        }
    }
    return Err::ok;
}

void deinit() noexcept
{
    std::lock_guard<std::mutex> lk(g_lock);
    if (g_count == 0)
        return;
    if (--g_count > 0)
        return;
    for (Subsystem *s = g_subsystems; s != nullptr; s = s->next)
        if (s->deinit != nullptr)
            s->deinit();
}

int init_count() noexcept
{
    std::lock_guard<std::mutex> lk(g_lock);
    return g_count;
}

void set_time_function(TimeFunc f) noexcept { g_time.store(f); }

std::time_t now() noexcept
{
    TimeFunc f = g_time.load();
    return f != nullptr ? f(nullptr) : std::time(nullptr);
}

void set_monotonic_function(MonotonicFunc f) noexcept { g_mono.store(f); }

unsigned long long monotonic_ms() noexcept
{
    struct timespec ts {};
    if (MonotonicFunc f = g_mono.load())
        f(&ts);
    else
        clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<unsigned long long>(ts.tv_sec) * 1000ULL +
           static_cast<unsigned long long>(ts.tv_nsec) / 1000000ULL;
}

namespace {
// Implicit initialisation when the library is loaded, and the matching
// release when it is unloaded.
bool g_implicit = false;

__attribute__((constructor(300))) void load_time_init()
{
    if (env_set("GNUTLS_NO_IMPLICIT_INIT") || env_set("GNUTLS_NO_EXPLICIT_INIT"))
        return;
    g_implicit = ok(init());
}

__attribute__((destructor(300))) void unload_time_deinit()
{
    if (g_implicit)
        deinit();
}
}  // namespace

}  // namespace tlshim::global
