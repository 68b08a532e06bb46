// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/encoding/idna.hh"

#include <idn2.h>

#include <cstdlib>
#include <memory>

namespace tlshim::encoding {

namespace {

struct FreeC {
    void operator()(void *p) const noexcept { std::free(p); }
};

bool is_ascii(std::string_view s) noexcept
{
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

Err map_idn2_error(int rc) noexcept
{
    return rc == IDN2_MALLOC ? Err::memory : Err::invalid_utf8_string;
}

}  // namespace

Err idna_to_ascii(std::string_view in, bool strict_2008, std::string &out)
{
    // The name is a C string: it ends at the first NUL within the length.
    std::string name(in.substr(0, in.find('\0')));
    if (is_ascii(name)) {
        out = std::move(name);
        return Err::ok;
    }
    const int base = IDN2_NFC_INPUT | IDN2_USE_STD3_ASCII_RULES;
    std::uint8_t *raw = nullptr;
    int rc = idn2_lookup_u8(reinterpret_cast<const std::uint8_t *>(name.c_str()), &raw,
                            base | IDN2_NONTRANSITIONAL);
    // Only a name with a code point IDNA2008 disallows gets the second,
    // transitional attempt (emoji, say); other failures (bidi, joiners,
    // hyphens) are final.
    if (rc == IDN2_DISALLOWED && !strict_2008)
        rc = idn2_lookup_u8(reinterpret_cast<const std::uint8_t *>(name.c_str()), &raw,
                            base | IDN2_TRANSITIONAL);
    std::unique_ptr<std::uint8_t, FreeC> owned(raw);
    if (rc != IDN2_OK)
        return map_idn2_error(rc);
    out.assign(reinterpret_cast<const char *>(raw));
    return Err::ok;
}

Err idna_to_unicode(std::string_view in, std::string &out)
{
    std::string name(in.substr(0, in.find('\0')));
    char *raw = nullptr;
    int rc = idn2_to_unicode_8z8z(name.c_str(), &raw, 0);
    std::unique_ptr<char, FreeC> owned(raw);
    if (rc != IDN2_OK)
        return map_idn2_error(rc);
    out.assign(raw);
    return Err::ok;
}

}  // namespace tlshim::encoding
