// SPDX-License-Identifier: LGPL-2.1-or-later
// Internationalised domain names.
#include "api/api.hh"

#include <string>

#include "core/encoding/idna.hh"

namespace {

int convert_out(tlshim::Err e, const std::string &s, gnutls_datum_t *out) noexcept
{
    if (!tlshim::ok(e))
        return tlshim::api::to_gnutls(e);
    return tlshim::api::datum_out(s.data(), s.size(), out, true);
}

}  // namespace

/**
 * gnutls_idna_map:
 * @input: a host name in UTF-8
 * @ilen: the length of @input in bytes
 * @out: receives the ASCII-compatible name, NUL-terminated (free with gnutls_free())
 * @flags: 0, or %GNUTLS_IDNA_FORCE_2008 to refuse names that only the
 *   transitional (IDNA2003-compatible) processing accepts
 *
 * Converts an internationalised host name to the ASCII form used on the
 * wire and in certificates, such as "xn--fa-hia.de" for "faß.de", following
 * IDNA2008 with the UTS #46 mapping (so upper-case letters are folded).  A
 * name that is already ASCII is copied unchanged.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_UTF8_STRING when the name is
 * not valid UTF-8 or cannot be converted, or another negative error code.
 **/
TLSHIM_API int gnutls_idna_map(const char *input, unsigned ilen, gnutls_datum_t *out, unsigned flags)
{
    if (out == nullptr || (input == nullptr && ilen != 0))
        return GNUTLS_E_INVALID_REQUEST;
    return tlshim::api::guard([&] {
        std::string s;
        tlshim::Err e = tlshim::encoding::idna_to_ascii(std::string_view(input != nullptr ? input : "", ilen),
                                                        (flags & GNUTLS_IDNA_FORCE_2008) != 0, s);
        return convert_out(e, s, out);
    });
}

/**
 * gnutls_idna_reverse_map:
 * @input: a host name in ASCII-compatible form
 * @ilen: the length of @input in bytes
 * @out: receives the name in UTF-8, NUL-terminated (free with gnutls_free())
 * @flags: must be zero
 *
 * Converts the "xn--" labels of a host name back to UTF-8, for display.
 * Other labels are copied unchanged.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_UTF8_STRING when a label
 * cannot be decoded, or another negative error code.
 **/
TLSHIM_API int gnutls_idna_reverse_map(const char *input, unsigned ilen, gnutls_datum_t *out, unsigned flags)
{
    (void)flags;
    if (out == nullptr || (input == nullptr && ilen != 0))
        return GNUTLS_E_INVALID_REQUEST;
    return tlshim::api::guard([&] {
        std::string s;
        tlshim::Err e = tlshim::encoding::idna_to_unicode(std::string_view(input != nullptr ? input : "", ilen), s);
        return convert_out(e, s, out);
    });
}
