// SPDX-License-Identifier: LGPL-2.1-or-later
// Internationalised domain names (IDNA2008 with the UTS #46 mapping) through
// libidn2: host names in UTF-8 to their ASCII-compatible form and back.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hh"

namespace tlshim::encoding {

// UTF-8 host name -> ASCII-compatible encoding ("xn--" labels).  Pure-ASCII
// input is returned as it is.  Non-transitional processing with STD3 rules;
// unless `strict_2008`, a name refused there because it holds a code point
// IDNA2008 disallows is retried with transitional processing (the
// IDNA2003-compatible mapping).  Input stops at the first NUL.
// Err::invalid_utf8_string when the name cannot be converted.
Err idna_to_ascii(std::string_view in, bool strict_2008, std::string &out);

// ASCII-compatible host name -> UTF-8; names without "xn--" labels come back
// unchanged.  Err::invalid_utf8_string when a label cannot be decoded.
Err idna_to_unicode(std::string_view in, std::string &out);

}  // namespace tlshim::encoding
