// SPDX-License-Identifier: LGPL-2.1-or-later
// Identity checks of certificates: host names, IP addresses, e-mail addresses.
#include "core/x509/hostname.hh"

#include <arpa/inet.h>

#include <algorithm>

#include "core/asn1/asn1.hh"
#include "core/encoding/idna.hh"

namespace tlshim::x509 {

namespace {

constexpr const char *kOidCommonName = "2.5.4.3";
constexpr const char *kOidEmailAddress = "1.2.840.113549.1.9.1";

char lower(char c) noexcept
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequal(std::string_view a, std::string_view b) noexcept
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); i++)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

bool has_nul(std::string_view s) noexcept
{
    return s.find('\0') != std::string_view::npos;
}

// The text of a string-typed DER value (UTF8String, PrintableString,
// IA5String, TeletexString, BMPString, UniversalString as UTF-8).
bool der_string_text(Bytes der, std::string &out)
{
    Reader r(der);
    std::uint8_t tag = 0, len0 = 0;
    if (!r.u8(tag) || !r.u8(len0))
        return false;
    std::size_t len = len0;
    if (len0 & 0x80) {
        unsigned n = len0 & 0x7f;
        if (n == 0 || n > 3)
            return false;
        len = 0;
        for (unsigned i = 0; i < n; i++) {
            std::uint8_t b = 0;
            if (!r.u8(b))
                return false;
            len = (len << 8) | b;
        }
    }
    Bytes body;
    if (!r.bytes(len, body))
        return false;
    out.clear();
    auto put_utf8 = [&out](std::uint32_t cp) {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
        } else {
            out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
        }
    };
    switch (tag) {
    case 0x0c: case 0x13: case 0x16: case 0x14: case 0x12: case 0x1a:
        out.assign(body.begin(), body.end());
        return true;
    case 0x1e:  // BMPString
        if (body.size() % 2)
            return false;
        for (std::size_t i = 0; i < body.size(); i += 2)
            put_utf8((static_cast<std::uint32_t>(body[i]) << 8) | body[i + 1]);
        return true;
    case 0x1c:  // UniversalString
        if (body.size() % 4)
            return false;
        for (std::size_t i = 0; i < body.size(); i += 4)
            put_utf8((static_cast<std::uint32_t>(body[i]) << 24) |
                     (static_cast<std::uint32_t>(body[i + 1]) << 16) |
                     (static_cast<std::uint32_t>(body[i + 2]) << 8) | body[i + 3]);
        return true;
    default:
        return false;
    }
}

}  // namespace

bool dns_name_matches(std::string_view presented, std::string_view host, bool wildcards) noexcept
{
    if (presented.empty() || host.empty())
        return false;
    if (iequal(presented, host))
        return true;
    if (!wildcards || presented[0] != '*')
        return false;
    std::size_t dot = presented.find('.');
    if (dot == std::string_view::npos)
        return false;
    std::string_view label_tail = presented.substr(1, dot - 1);  // after '*'
    std::string_view rest = presented.substr(dot + 1);
    // No second wildcard, and at least two labels after the wildcard label.
    if (label_tail.find('*') != std::string_view::npos || rest.find('*') != std::string_view::npos)
        return false;
    if (rest.find('.') == std::string_view::npos)
        return false;
    std::size_t hdot = host.find('.');
    if (hdot == std::string_view::npos)
        return false;
    std::string_view hlabel = host.substr(0, hdot);
    std::string_view hrest = host.substr(hdot + 1);
    if (!iequal(rest, hrest))
        return false;
    if (hlabel.size() < label_tail.size())
        return false;
    return iequal(hlabel.substr(hlabel.size() - label_tail.size()), label_tail);
}

bool parse_ip_address(std::string_view text, std::vector<std::uint8_t> &out)
{
    if (text.empty() || text.size() > 64 || has_nul(text))
        return false;
    std::string s(text);
    std::uint8_t buf[16];
    if (s.find(':') != std::string::npos) {
        if (inet_pton(AF_INET6, s.c_str(), buf) != 1)
            return false;
        out.assign(buf, buf + 16);
        return true;
    }
    if (inet_pton(AF_INET, s.c_str(), buf) != 1)
        return false;
    out.assign(buf, buf + 4);
    return true;
}

Err dn_attribute_values(Bytes name_der, std::string_view oid, std::vector<std::string> &out)
{
    asn1::Node n;
    if (Err e = n.decode("RDNSequence", name_der); !ok(e))
        return e;
    int rdns = 0;
    if (Err e = n.count("", rdns); !ok(e))
        return e;
    for (int i = 1; i <= rdns; i++) {
        std::string rdn = "?" + std::to_string(i);
        int atvs = 0;
        if (Err e = n.count(rdn, atvs); !ok(e))
            return e;
        for (int j = 1; j <= atvs; j++) {
            std::string atv = rdn + ".?" + std::to_string(j);
            std::string type;
            if (!ok(n.read_oid(atv + ".type", type)) || type != oid)
                continue;
            Bytes raw;
            if (Err e = n.raw_der(name_der, atv + ".value", raw); !ok(e))
                return e;
            std::string text;
            if (der_string_text(raw, text))
                out.push_back(std::move(text));
        }
    }
    return Err::ok;
}

bool certificate_matches_ip(const Certificate &cert, Bytes ip)
{
    for (unsigned i = 0;; i++) {
        AltName an;
        bool crit = false;
        Err e = cert.alt_name(i, an, crit);
        if (e == Err::requested_data_not_available)
            return false;
        if (!ok(e))
            continue;
        if (an.type == GNUTLS_SAN_IPADDRESS && an.value.size() == ip.size() &&
            std::equal(an.value.begin(), an.value.end(), ip.begin()))
            return true;
    }
}

bool certificate_matches_host(const Certificate &cert, std::string_view host, unsigned flags)
{
    if (host.empty() || has_nul(host))
        return false;
    if (!(flags & GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES)) {
        std::vector<std::uint8_t> ip;
        if (parse_ip_address(host, ip))
            return certificate_matches_ip(cert, ip);
    }
    std::string ascii;
    if (!ok(encoding::idna_to_ascii(host, false, ascii)))
        return false;
    const bool wildcards = !(flags & GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS);
    bool have_dns = false;
    for (unsigned i = 0;; i++) {
        AltName an;
        bool crit = false;
        Err e = cert.alt_name(i, an, crit);
        if (e == Err::requested_data_not_available)
            break;
        if (!ok(e) || an.type != GNUTLS_SAN_DNSNAME)
            continue;
        have_dns = true;
        std::string_view name(reinterpret_cast<const char *>(an.value.data()), an.value.size());
        if (!has_nul(name) && dns_name_matches(name, ascii, wildcards))
            return true;
    }
    if (have_dns)
        return false;
    Bytes subject;
    if (!ok(cert.subject_raw(subject)))
        return false;
    std::vector<std::string> cns;
    // Only an unambiguous subject (exactly one CN) is used.
    if (!ok(dn_attribute_values(subject, kOidCommonName, cns)) || cns.size() != 1)
        return false;
    const std::string &cn = cns.front();
    return !has_nul(cn) && dns_name_matches(cn, ascii, wildcards);
}

bool certificate_matches_email(const Certificate &cert, std::string_view email)
{
    if (email.empty() || has_nul(email))
        return false;
    bool have_email = false;
    for (unsigned i = 0;; i++) {
        AltName an;
        bool crit = false;
        Err e = cert.alt_name(i, an, crit);
        if (e == Err::requested_data_not_available)
            break;
        if (!ok(e) || an.type != GNUTLS_SAN_RFC822NAME)
            continue;
        have_email = true;
        std::string_view name(reinterpret_cast<const char *>(an.value.data()), an.value.size());
        if (!has_nul(name) && iequal(name, email))
            return true;
    }
    if (have_email)
        return false;
    Bytes subject;
    if (!ok(cert.subject_raw(subject)))
        return false;
    std::vector<std::string> values;
    if (!ok(dn_attribute_values(subject, kOidEmailAddress, values)) || values.size() != 1)
        return false;
    return !has_nul(values.front()) && iequal(values.front(), email);
}

}  // namespace tlshim::x509
