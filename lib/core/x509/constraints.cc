// SPDX-License-Identifier: LGPL-2.1-or-later
// Name constraints: decoding and matching.
#include "core/x509/constraints.hh"

#include <algorithm>
#include <string>
#include <string_view>

#include "core/asn1/asn1.hh"
#include "core/x509/hostname.hh"

namespace tlshim::x509 {

namespace {

char lower(char c) noexcept
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequal(std::string_view a, std::string_view b) noexcept
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

// Does `name` end with `suffix` (case-insensitive)?
bool iends_with(std::string_view name, std::string_view suffix) noexcept
{
    return name.size() >= suffix.size() && iequal(name.substr(name.size() - suffix.size()), suffix);
}

std::string_view text(Bytes b) noexcept
{
    return {reinterpret_cast<const char *>(b.data()), b.size()};
}

// A DNS name is inside the subtree of `c`: equal, or a subdomain of it.
bool dns_in_subtree(std::string_view c, std::string_view name) noexcept
{
    if (c.empty())
        return true;
    if (c[0] == '.')
        return iends_with(name, c);
    if (iequal(c, name))
        return true;
    return name.size() > c.size() && iends_with(name, c) && name[name.size() - c.size() - 1] == '.';
}

bool email_in_subtree(std::string_view c, std::string_view email) noexcept
{
    if (c.empty())
        return true;
    if (c.find('@') != std::string_view::npos)
        return iequal(c, email);
    std::size_t at = email.rfind('@');
    std::string_view domain = at == std::string_view::npos ? email : email.substr(at + 1);
    if (c[0] == '.')
        return iends_with(domain, c);
    return iequal(c, domain);
}

// The RDNs of a Name as the DER of each RelativeDistinguishedName.
bool rdn_list(Bytes name, std::vector<Bytes> &out)
{
    Reader r(name);
    std::uint8_t tag = 0;
    if (!r.u8(tag) || tag != 0x30)
        return false;
    auto read_len = [](Reader &rd, std::size_t &len) {
        std::uint8_t l0 = 0;
        if (!rd.u8(l0))
            return false;
        if (!(l0 & 0x80)) {
            len = l0;
            return true;
        }
        unsigned n = l0 & 0x7f;
        if (n == 0 || n > 3)
            return false;
        len = 0;
        for (unsigned i = 0; i < n; i++) {
            std::uint8_t b = 0;
            if (!rd.u8(b))
                return false;
            len = (len << 8) | b;
        }
        return true;
    };
    std::size_t len = 0;
    Bytes body;
    if (!read_len(r, len) || !r.bytes(len, body))
        return false;
    Reader b(body);
    while (!b.empty()) {
        Bytes start = b.rest();
        std::uint8_t t = 0;
        std::size_t l = 0;
        Bytes v;
        if (!b.u8(t) || !read_len(b, l) || !b.bytes(l, v))
            return false;
        out.push_back(start.first(start.size() - b.remaining()));
    }
    return true;
}

bool dn_in_subtree(Bytes c, Bytes name)
{
    std::vector<Bytes> cr, nr;
    if (!rdn_list(c, cr) || !rdn_list(name, nr))
        return false;
    if (cr.size() > nr.size())
        return false;
    for (std::size_t i = 0; i < cr.size(); i++)
        if (!std::equal(cr[i].begin(), cr[i].end(), nr[i].begin(), nr[i].end()))
            return false;
    return true;
}

Err load_subtrees(const asn1::Node &n, Bytes der, const std::string &path, std::vector<NameConstraint> &out)
{
    int count = 0;
    if (!ok(n.count(path, count)))
        return Err::ok;  // absent
    for (int i = 1; i <= count; i++) {
        std::string base = path + ".?" + std::to_string(i) + ".base";
        std::vector<std::uint8_t> which;
        if (Err e = n.read(base, which); !ok(e))
            return e;
        std::string w(which.begin(), which.end());
        while (!w.empty() && w.back() == '\0')
            w.pop_back();
        NameConstraint c;
        std::string p = base + "." + w;
        if (w == "dNSName") {
            c.type = GNUTLS_SAN_DNSNAME;
        } else if (w == "rfc822Name") {
            c.type = GNUTLS_SAN_RFC822NAME;
        } else if (w == "iPAddress") {
            c.type = GNUTLS_SAN_IPADDRESS;
        } else if (w == "uniformResourceIdentifier") {
            c.type = GNUTLS_SAN_URI;
        } else if (w == "directoryName") {
            c.type = GNUTLS_SAN_DN;
            Bytes raw;
            if (Err e = n.raw_der(der, p, raw); !ok(e))
                return e;
            // The EXPLICIT tag wraps the Name: keep the inner SEQUENCE.
            Reader r(raw);
            std::uint8_t tag = 0, l0 = 0;
            if (!r.u8(tag) || !r.u8(l0))
                return Err::asn1_der_error;
            if (l0 & 0x80 && !r.skip(l0 & 0x7f))
                return Err::asn1_der_error;
            Bytes inner = r.rest();
            c.data.assign(inner.begin(), inner.end());
            out.push_back(std::move(c));
            continue;
        } else {
            continue;  // other forms are kept out of the checks
        }
        if (Err e = n.read(p, c.data); !ok(e))
            return e;
        out.push_back(std::move(c));
    }
    return Err::ok;
}

}  // namespace

bool name_constraint_matches(const NameConstraint &c, Bytes name)
{
    switch (c.type) {
    case GNUTLS_SAN_DNSNAME:
        return dns_in_subtree(text(c.data), text(name));
    case GNUTLS_SAN_RFC822NAME:
        return email_in_subtree(text(c.data), text(name));
    case GNUTLS_SAN_URI:
        return iequal(text(c.data), text(name));
    case GNUTLS_SAN_IPADDRESS: {
        if (c.data.size() != 2 * name.size())
            return false;
        std::size_t n = name.size();
        for (std::size_t i = 0; i < n; i++)
            if ((name[i] & c.data[n + i]) != (c.data[i] & c.data[n + i]))
                return false;
        return true;
    }
    case GNUTLS_SAN_DN:
        return dn_in_subtree(c.data, name);
    default:
        return false;
    }
}

Err NameConstraints::import_der(Bytes der)
{
    asn1::Node n;
    if (Err e = n.decode("NameConstraints", der); !ok(e))
        return e;
    if (Err e = load_subtrees(n, der, "permittedSubtrees", permitted); !ok(e))
        return e;
    return load_subtrees(n, der, "excludedSubtrees", excluded);
}

Err NameConstraints::import_certificate(const Certificate &cert, bool &critical)
{
    const Extension *x = cert.extension("2.5.29.30");
    if (!x)
        return Err::requested_data_not_available;
    critical = x->critical;
    return import_der(x->value);
}

bool NameConstraints::check(gnutls_x509_subject_alt_name_t type, Bytes name) const
{
    for (const auto &c : excluded)
        if (c.type == type && name_constraint_matches(c, name))
            return false;
    bool any = false;
    for (const auto &c : permitted) {
        // IP constraints only restrict addresses of their own family.
        if (c.type != type || (type == GNUTLS_SAN_IPADDRESS && c.data.size() != 2 * name.size()))
            continue;
        any = true;
        if (name_constraint_matches(c, name))
            return true;
    }
    return !any;
}

bool NameConstraints::check_certificate(const Certificate &cert) const
{
    return check_certificate(cert, static_cast<gnutls_x509_subject_alt_name_t>(0));
}

bool NameConstraints::check_certificate(const Certificate &cert, gnutls_x509_subject_alt_name_t only) const
{
    if (empty())
        return true;
    auto wanted = [only](gnutls_x509_subject_alt_name_t t) { return only == 0 || only == t; };
    bool have_dns = false, have_email = false;
    for (unsigned i = 0;; i++) {
        AltName an;
        bool crit = false;
        Err e = cert.alt_name(i, an, crit);
        if (e == Err::requested_data_not_available)
            break;
        if (!ok(e))
            continue;
        if (!wanted(an.type))
            continue;
        switch (an.type) {
        case GNUTLS_SAN_DNSNAME:
            have_dns = true;
            if (!check(GNUTLS_SAN_DNSNAME, an.value))
                return false;
            break;
        case GNUTLS_SAN_RFC822NAME:
            have_email = true;
            if (!check(GNUTLS_SAN_RFC822NAME, an.value))
                return false;
            break;
        case GNUTLS_SAN_IPADDRESS:
        case GNUTLS_SAN_URI:
            if (!check(an.type, an.value))
                return false;
            break;
        default:
            break;
        }
    }
    Bytes subject;
    if (!ok(cert.subject_raw(subject)))
        return true;
    std::vector<std::uint8_t> tmp;
    if (!have_dns && wanted(GNUTLS_SAN_DNSNAME)) {
        std::vector<std::string> cns;
        if (ok(dn_attribute_values(subject, "2.5.4.3", cns)))
            for (const auto &cn : cns)
                if (!check(GNUTLS_SAN_DNSNAME, as_bytes(cn)))
                    return false;
    }
    if (!have_email && wanted(GNUTLS_SAN_RFC822NAME)) {
        std::vector<std::string> mails;
        if (ok(dn_attribute_values(subject, "1.2.840.113549.1.9.1", mails)))
            for (const auto &m : mails)
                if (!check(GNUTLS_SAN_RFC822NAME, as_bytes(m)))
                    return false;
    }
    // An empty subject carries no name to check.
    if (wanted(GNUTLS_SAN_DN) && subject.size() > 2 && !check(GNUTLS_SAN_DN, subject))
        return false;
    return true;
}

}  // namespace tlshim::x509
