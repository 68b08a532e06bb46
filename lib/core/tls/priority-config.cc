// SPDX-License-Identifier: LGPL-2.1-or-later
// The system priority file: an INI-style text whose [priorities] section
// defines the keywords of "@KEYWORD" strings, and whose [overrides] section
// may replace the default priority string.
//
// Syntax accepted: blank lines; comments starting with '#' or ';';
// "[section]" headers; "name = value" or "name: value" lines (blanks
// around both trimmed, a " ; comment" after the value dropped); an
// indented line right after a setting is one more value of that setting.
// Any other line makes the whole file invalid, as the reference library
// then ignores the file's keywords.  The first definition of a keyword wins.
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "core/algo/algo.hh"
#include "core/log.hh"
#include "core/tls/priority.hh"

namespace tlshim::tls {
namespace {

constexpr const char *kDefaultSystemFile = "/etc/gnutls/config";

std::string_view trim(std::string_view s) noexcept
{
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return s;
}

// A value without a trailing " ; comment".
std::string_view strip_comment(std::string_view v) noexcept
{
    for (std::size_t i = 1; i < v.size(); i++)
        if (v[i] == ';' && (v[i - 1] == ' ' || v[i - 1] == '\t'))
            return trim(v.substr(0, i));
    return v;
}

struct FileCloser {
    void operator()(std::FILE *f) const noexcept { std::fclose(f); }
};

}  // namespace

const std::string *SystemConfig::keyword(std::string_view name) const noexcept
{
    if (!valid)
        return nullptr;
    for (const auto &[k, v] : keywords)
        if (k == name)
            return &v;
    return nullptr;
}

std::string system_config_path()
{
    const char *env = std::getenv("GNUTLS_SYSTEM_PRIORITY_FILE");
    return env != nullptr ? std::string(env) : std::string(kDefaultSystemFile);
}

SystemConfig parse_system_config(std::string_view text)
{
    SystemConfig cfg;
    std::string section, prev_name;
    // Handles one setting of the current section.
    auto setting = [&](std::string_view name, std::string_view value) {
        if (algo::iequals(section, "priorities"))
            cfg.keywords.emplace_back(std::string(name), std::string(value));
        else if (algo::iequals(section, "overrides") && algo::iequals(name, "default-priority-string") &&
                 !cfg.default_priority)
            cfg.default_priority = std::string(value);
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = text.size();
        const std::string_view raw = text.substr(pos, eol - pos);
        pos = eol + 1;
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#' || line.front() == ';')
            continue;
        // An indented line after a setting continues it: one more value
        // for the same name.
        if (!prev_name.empty() && line.data() != raw.data()) {
            setting(prev_name, strip_comment(line));
            continue;
        }
        if (line.front() == '[') {
            const std::size_t close = line.find(']');
            if (close == std::string_view::npos)
                return SystemConfig{};
            section = std::string(trim(line.substr(1, close - 1)));
            prev_name.clear();
            continue;
        }
        // "name = value" or "name: value", the first separator counting.
        const std::size_t sep = line.find_first_of("=:");
        if (sep == std::string_view::npos)
            return SystemConfig{};
        const std::string_view name = trim(line.substr(0, sep));
        setting(name, strip_comment(trim(line.substr(sep + 1))));
        prev_name = std::string(name);
    }
    cfg.valid = true;
    return cfg;
}

SystemConfig load_system_config(const std::string &path)
{
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "re"));
    if (!f) {
        TLSHIM_DEBUG("priority: no system configuration at %s\n", path.c_str());
        return SystemConfig{};
    }
    std::string text;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0)
        text.append(buf, n);
    SystemConfig cfg = parse_system_config(text);
    if (!cfg.valid)
        TLSHIM_DEBUG("priority: ignoring the malformed system configuration %s\n", path.c_str());
    return cfg;
}

}  // namespace tlshim::tls
