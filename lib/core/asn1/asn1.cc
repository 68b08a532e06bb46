// SPDX-License-Identifier: LGPL-2.1-or-later
// ASN.1 on libtasn1: the definitions subsystem and the Node helpers.
#include "core/asn1/asn1.hh"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <sys/mman.h>
#include <unistd.h>

#include "core/global.hh"
#include "core/log.hh"

namespace tlshim::asn1 {

namespace {

asn1_node g_defs = nullptr;

Err init_definitions() noexcept
{
    if (g_defs)
        return Err::ok;
    // libtasn1 reads definitions from a file: hand it the embedded text
    // through an anonymous memory file (or, failing that, a temporary file).
    std::size_t len = std::strlen(kDefinitions);
    char path[64];
    int fd = static_cast<int>(::memfd_create("tlshim-asn1", MFD_CLOEXEC));
    std::string tmpname;
    if (fd >= 0) {
        std::snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    } else {
        const char *dir = std::getenv("TMPDIR");
        tmpname = std::string(dir && *dir ? dir : "/tmp") + "/tlshim-asn1-XXXXXX";
        fd = ::mkstemp(tmpname.data());
        if (fd < 0)
            return Err::file_error;
        std::snprintf(path, sizeof path, "%s", "");
    }
    std::size_t off = 0;
    while (off < len) {
        ssize_t w = ::write(fd, kDefinitions + off, len - off);
        if (w <= 0)
            break;
        off += static_cast<std::size_t>(w);
    }
    char msg[ASN1_MAX_ERROR_DESCRIPTION_SIZE] = {};
    int rc = off == len ? asn1_parser2tree(tmpname.empty() ? path : tmpname.c_str(), &g_defs, msg)
                        : ASN1_FILE_NOT_FOUND;
    ::close(fd);
    if (!tmpname.empty())
        ::unlink(tmpname.c_str());
    if (rc != ASN1_SUCCESS) {
        TLSHIM_DEBUG("asn1: definitions do not parse: %s\n", msg);
        g_defs = nullptr;
        return from_asn1(rc);
    }
    return Err::ok;
}

void deinit_definitions() noexcept
{
    if (g_defs)
        asn1_delete_structure(&g_defs);
    g_defs = nullptr;
}

}  // namespace

TLSHIM_SUBSYSTEM(asn1, init_definitions, deinit_definitions)

asn1_node definitions() noexcept { return g_defs; }

Err from_asn1(int rc) noexcept
{
    switch (rc) {
    case ASN1_SUCCESS: return Err::ok;
    case ASN1_FILE_NOT_FOUND: return Err::file_error;
    case ASN1_ELEMENT_NOT_FOUND: return Err::asn1_element_not_found;
    case ASN1_IDENTIFIER_NOT_FOUND: return Err::asn1_identifier_not_found;
    case ASN1_DER_ERROR: return Err::asn1_der_error;
    case ASN1_VALUE_NOT_FOUND: return Err::asn1_value_not_found;
    case ASN1_GENERIC_ERROR: return Err::asn1_generic_error;
    case ASN1_VALUE_NOT_VALID: return Err::asn1_value_not_valid;
    case ASN1_TAG_ERROR: return Err::asn1_tag_error;
    case ASN1_TAG_IMPLICIT: return Err::asn1_tag_implicit;
    case ASN1_ERROR_TYPE_ANY: return Err::asn1_type_any_error;
    case ASN1_SYNTAX_ERROR: return Err::asn1_syntax_error;
    case ASN1_MEM_ERROR: return Err::short_memory_buffer;
    case ASN1_MEM_ALLOC_ERROR: return Err::memory;
    case ASN1_DER_OVERFLOW: return Err::asn1_der_overflow;
    case ASN1_TIME_ENCODING_ERROR: return Err::asn1_time_error;
    default: return Err::asn1_generic_error;
    }
}

Node &Node::operator=(Node &&o) noexcept
{
    if (this != &o) {
        reset();
        n_ = o.n_;
        o.n_ = nullptr;
    }
    return *this;
}

void Node::reset() noexcept
{
    if (n_)
        asn1_delete_structure(&n_);
    n_ = nullptr;
}

Err Node::create(const char *type) noexcept
{
    reset();
    if (!g_defs)
        return Err::internal;
    std::string name = "TLSHIM.";
    name += type;
    return from_asn1(asn1_create_element(g_defs, name.c_str(), &n_));
}

Err Node::decode(const char *type, Bytes der, bool strict) noexcept
{
    if (Err e = create(type); !ok(e))
        return e;
    if (der.size() > 0x7fffffff)
        return Err::asn1_der_error;
    int len = static_cast<int>(der.size());
    int rc = asn1_der_decoding2(&n_, der.data(), &len,
                                strict ? ASN1_DECODE_FLAG_STRICT_DER : 0, nullptr);
    if (rc != ASN1_SUCCESS) {
        reset();
        return from_asn1(rc);
    }
    return Err::ok;
}

// Not-present elements become "requested data not available".
static Err read_error(int rc) noexcept
{
    if (rc == ASN1_ELEMENT_NOT_FOUND || rc == ASN1_VALUE_NOT_FOUND)
        return Err::requested_data_not_available;
    return from_asn1(rc);
}

Err Node::read_typed(const std::string &path, std::vector<std::uint8_t> &out,
                     unsigned &etype) const
{
    out.clear();
    int len = 0;
    unsigned t = 0;
    int rc = asn1_read_value_type(n_, path.c_str(), nullptr, &len, &t);
    if (rc == ASN1_SUCCESS || rc == ASN1_MEM_ERROR) {
        etype = t;
        if (len == 0)
            return Err::ok;
        // BIT STRING lengths come back in bits; the buffer size passed in
        // is in bytes.  The bit count may undercount the stored bytes by
        // up to 255 bits (a malformed unused-bits octet): keep a margin.
        std::size_t bytes = t == ASN1_ETYPE_BIT_STRING ? (static_cast<std::size_t>(len) + 7) / 8 + 40
                                                        : static_cast<std::size_t>(len);
        out.resize(bytes + 1);
        int l2 = static_cast<int>(bytes);
        rc = asn1_read_value_type(n_, path.c_str(), out.data(), &l2, &t);
        if (rc != ASN1_SUCCESS) {
            out.clear();
            return read_error(rc);
        }
        out.resize(t == ASN1_ETYPE_BIT_STRING ? (static_cast<std::size_t>(l2) + 7) / 8 : l2);
        return Err::ok;
    }
    return read_error(rc);
}

Err Node::read(const std::string &path, std::vector<std::uint8_t> &out) const
{
    unsigned t;
    return read_typed(path, out, t);
}

Err Node::read_oid(const std::string &path, std::string &out) const
{
    std::vector<std::uint8_t> v;
    if (Err e = read(path, v); !ok(e))
        return e;
    out.assign(v.begin(), v.end());
    while (!out.empty() && out.back() == '\0')
        out.pop_back();
    return Err::ok;
}

Err Node::read_uint(const std::string &path, unsigned long &out) const
{
    std::vector<std::uint8_t> v;
    if (Err e = read(path, v); !ok(e))
        return e;
    // The bytes as an unsigned number (a leading sign bit is not extended).
    while (v.size() > 1 && v[0] == 0)
        v.erase(v.begin());
    if (v.empty() || v.size() > sizeof(long))
        return Err::internal;
    unsigned long r = 0;
    for (auto b : v)
        r = (r << 8) | b;
    out = r;
    return Err::ok;
}

Err Node::read_bits(const std::string &path, std::vector<std::uint8_t> &out, std::size_t &bits) const
{
    out.clear();
    int len = 0;
    int rc = asn1_read_value(n_, path.c_str(), nullptr, &len);
    if (rc != ASN1_SUCCESS && rc != ASN1_MEM_ERROR)
        return read_error(rc);
    // The length comes back in bits, the buffer size goes in as bytes (with
    // a margin for a malformed unused-bits octet).
    std::size_t bytes = (static_cast<std::size_t>(len) + 7) / 8 + 40;
    out.resize(bytes);
    int l2 = static_cast<int>(bytes);
    rc = asn1_read_value(n_, path.c_str(), out.data(), &l2);
    if (rc != ASN1_SUCCESS) {
        out.clear();
        return read_error(rc);
    }
    bits = static_cast<std::size_t>(l2);
    out.resize((bits + 7) / 8);
    return Err::ok;
}

Err Node::read_bool(const std::string &path, bool &out) const
{
    char buf[16] = {};
    int len = sizeof buf - 1;
    int rc = asn1_read_value(n_, path.c_str(), buf, &len);
    if (rc != ASN1_SUCCESS)
        return read_error(rc);
    out = buf[0] == 'T';
    return Err::ok;
}

Err Node::read_time(const std::string &path, std::time_t &out) const
{
    char which[32] = {};
    int len = sizeof which - 1;
    int rc = asn1_read_value(n_, path.c_str(), which, &len);
    if (rc != ASN1_SUCCESS)
        return read_error(rc);
    bool gen;
    if (std::strcmp(which, "generalTime") == 0)
        gen = true;
    else if (std::strcmp(which, "utcTime") == 0)
        gen = false;
    else
        return Err::asn1_der_error;
    char text[64] = {};
    len = sizeof text - 1;
    rc = asn1_read_value(n_, (path + "." + which).c_str(), text, &len);
    if (rc != ASN1_SUCCESS)
        return read_error(rc);
    std::string_view tv(text, static_cast<std::size_t>(len));
    while (!tv.empty() && tv.back() == '\0')
        tv.remove_suffix(1);
    if (!parse_time(tv, gen, out))
        return Err::certificate_time_error;
    return Err::ok;
}

Err Node::raw_der(Bytes der, const std::string &path, Bytes &out, bool asn1_errors) const
{
    int start = 0, end = 0;
    int rc = asn1_der_decoding_startEnd(n_, der.data(), static_cast<int>(der.size()),
                                        path.c_str(), &start, &end);
    if (rc != ASN1_SUCCESS)
        return asn1_errors ? from_asn1(rc) : read_error(rc);
    if (start < 0 || end < start || static_cast<std::size_t>(end) >= der.size())
        return Err::asn1_der_error;
    out = der.subspan(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start + 1));
    return Err::ok;
}

Err Node::count(const std::string &path, int &n) const
{
    n = 0;
    int rc = asn1_number_of_elements(n_, path.c_str(), &n);
    if (rc != ASN1_SUCCESS)
        return read_error(rc);
    return Err::ok;
}

Err Node::encode(const std::string &path, std::vector<std::uint8_t> &out) const
{
    out.clear();
    int len = 0;
    const char *p = path.empty() ? "" : path.c_str();
    int rc = asn1_der_coding(n_, p, nullptr, &len, nullptr);
    if (rc != ASN1_MEM_ERROR && rc != ASN1_SUCCESS)
        return from_asn1(rc);
    out.resize(static_cast<std::size_t>(len));
    rc = asn1_der_coding(n_, p, out.data(), &len, nullptr);
    if (rc != ASN1_SUCCESS) {
        out.clear();
        return from_asn1(rc);
    }
    out.resize(static_cast<std::size_t>(len));
    return Err::ok;
}

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int &v) noexcept
{
    if (pos + n > s.size())
        return false;
    v = 0;
    for (std::size_t i = 0; i < n; i++) {
        char c = s[pos + i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    return true;
}

// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
long long days_from_civil(long long y, unsigned m, unsigned d) noexcept
{
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

}  // namespace

bool parse_time(std::string_view t, bool generalized, std::time_t &out) noexcept
{
    int year, mon, day, hour, min, sec = 0;
    std::size_t p = 0;
    if (generalized) {
        if (!digits(t, 0, 4, year))
            return false;
        p = 4;
    } else {
        if (!digits(t, 0, 2, year))
            return false;
        year += year < 50 ? 2000 : 1900;
        p = 2;
    }
    if (!digits(t, p, 2, mon) || !digits(t, p + 2, 2, day) || !digits(t, p + 4, 2, hour) ||
        !digits(t, p + 6, 2, min))
        return false;
    p += 8;
    if (p < t.size() && t[p] != 'Z') {
        if (!digits(t, p, 2, sec))
            return false;
        p += 2;
    }
    if (p >= t.size() || t[p] != 'Z' || p + 1 != t.size())
        return false;
    // Like GnuTLS, a year before the epoch reads as 0 whatever the rest.
    if (year < 1970) {
        out = 0;
        return true;
    }
    if (mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 60)
        return false;
    long long days = days_from_civil(year, static_cast<unsigned>(mon), 1) + day - 1;
    out = static_cast<std::time_t>(days * 86400 + hour * 3600 + min * 60 + sec);
    return true;
}

}  // namespace tlshim::asn1
