// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/log.hh"

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace tlshim::log {

namespace {
std::atomic<LogFunc> g_log{nullptr};
std::atomic<AuditFunc> g_audit{nullptr};

// Used when GNUTLS_DEBUG_LEVEL is set and the application installed no
// function of its own: one line per message on stderr.
void stderr_log(int lvl, const char *msg)
{
    std::fprintf(stderr, "gnutls[%d]: %s", lvl, msg);
}
}  // namespace

void set_function(LogFunc f) noexcept { g_log.store(f); }
void set_audit_function(AuditFunc f) noexcept { g_audit.store(f); }
void set_level(int lvl) noexcept { _gnutls_log_level = lvl; }

void vwrite(int lvl, const char *fmt, va_list ap) noexcept
{
    LogFunc f = g_log.load();
    if (f == nullptr || !enabled(lvl))
        return;
    char buf[1024];
    int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
    if (n < 0)
        return;
    f(lvl, buf);
}

void write(int lvl, const char *fmt, ...) noexcept
{
    va_list ap;
    va_start(ap, fmt);
    vwrite(lvl, fmt, ap);
    va_end(ap);
}

void audit(void *session, const char *fmt, ...) noexcept
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (AuditFunc a = g_audit.load()) {
        a(session, buf);
        return;
    }
    // Without an audit function, audit messages go to the debug log at level 1.
    LogFunc f = g_log.load();
    if (f != nullptr && enabled(1))
        f(1, buf);
}

void init_from_environment() noexcept
{
    const char *env = std::getenv("GNUTLS_DEBUG_LEVEL");
    if (env == nullptr || *env == '\0')
        return;
    char *end = nullptr;
    long v = std::strtol(env, &end, 10);
    if (end == env)
        return;
    set_level(static_cast<int>(v));
    if (g_log.load() == nullptr)
        g_log.store(stderr_log);
}

}  // namespace tlshim::log
