// SPDX-License-Identifier: LGPL-2.1-or-later
// Standard certificate extensions: DER <-> structures, on libtasn1.
#include "core/x509/ext.hh"

#include <cstdio>
#include <cstring>

namespace tlshim::x509 {

namespace {

std::string choice_name(const asn1::Node &n, const std::string &path)
{
    std::vector<std::uint8_t> v;
    if (!ok(n.read(path, v)))
        return {};
    std::string s(v.begin(), v.end());
    while (!s.empty() && s.back() == '\0')
        s.pop_back();
    return s;
}

// Element names of libtasn1 paths: "" is the root.
std::string join(const std::string &base, const std::string &child)
{
    return base.empty() ? child : base + "." + child;
}

Err write(asn1::Node &n, const std::string &path, const void *v, int len)
{
    int rc = asn1_write_value(n.get(), path.c_str(), v, len);
    return rc == ASN1_SUCCESS ? Err::ok : asn1::from_asn1(rc);
}

Err write_str(asn1::Node &n, const std::string &path, const char *s)
{
    return write(n, path, s, 1);
}

Err write_new(asn1::Node &n, const std::string &path)
{
    return write(n, path, "NEW", 1);
}

// An unsigned INTEGER in the minimal two's complement big-endian form.
std::vector<std::uint8_t> int_bytes(unsigned long v)
{
    std::vector<std::uint8_t> out;
    do {
        out.insert(out.begin(), static_cast<std::uint8_t>(v & 0xff));
        v >>= 8;
    } while (v != 0);
    if (out[0] & 0x80)
        out.insert(out.begin(), 0);
    return out;
}

Err write_uint(asn1::Node &n, const std::string &path, unsigned long v)
{
    auto b = int_bytes(v);
    return write(n, path, b.data(), static_cast<int>(b.size()));
}

Err finish(asn1::Node &n, std::vector<std::uint8_t> &der)
{
    return n.encode("", der);
}

}  // namespace

Err read_general_name(const asn1::Node &n, Bytes der, const std::string &path, GeneralName &out)
{
    std::string which = choice_name(n, path);
    if (which.empty())
        return Err::requested_data_not_available;
    std::string p = join(path, which);
    out.data.clear();
    out.oid.clear();
    if (which == "dNSName") {
        out.type = GNUTLS_SAN_DNSNAME;
    } else if (which == "rfc822Name") {
        out.type = GNUTLS_SAN_RFC822NAME;
    } else if (which == "uniformResourceIdentifier") {
        out.type = GNUTLS_SAN_URI;
    } else if (which == "iPAddress") {
        out.type = GNUTLS_SAN_IPADDRESS;
    } else if (which == "registeredID") {
        out.type = GNUTLS_SAN_REGISTERED_ID;
        std::string oid;
        if (Err e = n.read_oid(p, oid); !ok(e))
            return e;
        out.data.assign(oid.begin(), oid.end());
        return Err::ok;
    } else if (which == "directoryName") {
        out.type = GNUTLS_SAN_DN;
        Bytes raw;
        if (Err e = n.raw_der(der, p, raw); !ok(e))
            return e;
        // The EXPLICIT [4] wrapper, when the element includes it, is not
        // part of the Name.
        if (!raw.empty() && raw[0] == 0xa4) {
            int lenlen = 0;
            long l = asn1_get_length_der(raw.data() + 1, static_cast<int>(raw.size() - 1), &lenlen);
            if (l < 0 || static_cast<std::size_t>(1 + lenlen + l) != raw.size())
                return Err::asn1_der_error;
            raw = raw.subspan(static_cast<std::size_t>(1 + lenlen));
        }
        out.data.assign(raw.begin(), raw.end());
        return Err::ok;
    } else if (which == "otherName") {
        out.type = GNUTLS_SAN_OTHERNAME;
        if (Err e = n.read_oid(p + ".type-id", out.oid); !ok(e))
            return e;
        return n.read(p + ".value", out.data);
    } else {
        return Err::x509_unknown_san;
    }
    return n.read(p, out.data);
}

Err write_general_name(asn1::Node &n, const std::string &path, const GeneralName &gn)
{
    const char *which = nullptr;
    switch (gn.type) {
    case GNUTLS_SAN_DNSNAME: which = "dNSName"; break;
    case GNUTLS_SAN_RFC822NAME: which = "rfc822Name"; break;
    case GNUTLS_SAN_URI: which = "uniformResourceIdentifier"; break;
    case GNUTLS_SAN_IPADDRESS: which = "iPAddress"; break;
    case GNUTLS_SAN_REGISTERED_ID: which = "registeredID"; break;
    case GNUTLS_SAN_DN: which = "directoryName"; break;
    case GNUTLS_SAN_OTHERNAME: which = "otherName"; break;
    default: return Err::invalid_request;
    }
    if (Err e = write_str(n, path, which); !ok(e))
        return e;
    std::string p = join(path, which);
    if (gn.type == GNUTLS_SAN_REGISTERED_ID) {
        std::string oid(gn.data.begin(), gn.data.end());
        return write_str(n, p, oid.c_str());
    }
    if (gn.type == GNUTLS_SAN_OTHERNAME) {
        if (Err e = write_str(n, p + ".type-id", gn.oid.c_str()); !ok(e))
            return e;
        return write(n, p + ".value", gn.data.data(), static_cast<int>(gn.data.size()));
    }
    if (gn.type == GNUTLS_SAN_DN) {
        // Rebuilt attribute by attribute from the Name's DER.
        asn1::Node name;
        if (Err e = name.decode("RDNSequence", gn.data); !ok(e))
            return e;
        int rdns = 0;
        if (Err e = name.count("", rdns); !ok(e))
            return e;
        for (int i = 1; i <= rdns; i++) {
            std::string r = "?" + std::to_string(i);
            int attrs = 0;
            if (Err e = name.count(r, attrs); !ok(e))
                return e;
            if (Err e = write_new(n, p); !ok(e))
                return e;
            for (int j = 1; j <= attrs; j++) {
                std::string a = r + ".?" + std::to_string(j);
                std::string oid;
                std::vector<std::uint8_t> value;
                if (Err e = name.read_oid(a + ".type", oid); !ok(e))
                    return e;
                if (Err e = name.read(a + ".value", value); !ok(e))
                    return e;
                if (Err e = write_new(n, p + ".?LAST"); !ok(e))
                    return e;
                if (Err e = write_str(n, p + ".?LAST.?LAST.type", oid.c_str()); !ok(e))
                    return e;
                if (Err e = write(n, p + ".?LAST.?LAST.value", value.data(), static_cast<int>(value.size())); !ok(e))
                    return e;
            }
        }
        return Err::ok;
    }
    return write(n, p, gn.data.data(), static_cast<int>(gn.data.size()));
}

Err decode_general_names(Bytes der, std::vector<GeneralName> &out)
{
    out.clear();
    asn1::Node n;
    if (Err e = n.decode("GeneralNames", der); !ok(e))
        return e;
    int count = 0;
    if (Err e = n.count("", count); !ok(e))
        return e;
    for (int i = 1; i <= count; i++) {
        GeneralName gn;
        Err e = read_general_name(n, der, "?" + std::to_string(i), gn);
        if (e == Err::x509_unknown_san)
            continue;
        if (!ok(e))
            return e;
        out.push_back(std::move(gn));
    }
    return Err::ok;
}

Err encode_general_names(const std::vector<GeneralName> &in, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("GeneralNames"); !ok(e))
        return e;
    for (std::size_t i = 0; i < in.size(); i++) {
        if (Err e = write_new(n, ""); !ok(e))
            return e;
        if (Err e = write_general_name(n, "?LAST", in[i]); !ok(e))
            return e;
    }
    return finish(n, der);
}

Err decode_basic_constraints(Bytes der, BasicConstraintsExt &out)
{
    asn1::Node n;
    if (Err e = n.decode("BasicConstraints", der); !ok(e))
        return e;
    out = {};
    bool b = false;
    if (ok(n.read_bool("cA", b)))
        out.ca = b;
    unsigned long v = 0;
    if (ok(n.read_uint("pathLenConstraint", v)))
        out.pathlen = static_cast<int>(v);
    return Err::ok;
}

Err encode_basic_constraints(const BasicConstraintsExt &in, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("BasicConstraints"); !ok(e))
        return e;
    if (Err e = write_str(n, "cA", in.ca ? "TRUE" : "FALSE"); !ok(e))
        return e;
    Err e = in.pathlen >= 0 ? write_uint(n, "pathLenConstraint", static_cast<unsigned>(in.pathlen))
                                     : write(n, "pathLenConstraint", nullptr, 0);
    if (!ok(e))
        return e;
    return finish(n, der);
}

Err decode_key_usage(Bytes der, unsigned &usage)
{
    asn1::Node n;
    if (Err e = n.decode("KeyUsage", der); !ok(e))
        return e;
    std::vector<std::uint8_t> bits;
    std::size_t nbits = 0;
    if (Err e = n.read_bits("", bits, nbits); !ok(e))
        return e;
    usage = 0;
    if (bits.size() > 0)
        usage |= bits[0];
    if (bits.size() > 1)
        usage |= static_cast<unsigned>(bits[1]) << 8;
    return Err::ok;
}

Err encode_key_usage(unsigned usage, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("KeyUsage"); !ok(e))
        return e;
    std::uint8_t b[2] = {static_cast<std::uint8_t>(usage & 0xff), static_cast<std::uint8_t>((usage >> 8) & 0xff)};
    int bits = 16;
    while (bits > 0 && !(b[(bits - 1) / 8] & (0x80 >> ((bits - 1) % 8))))
        bits--;
    if (Err e = write(n, "", b, bits); !ok(e))
        return e;
    return finish(n, der);
}

Err decode_key_purposes(Bytes der, std::vector<std::string> &oids)
{
    oids.clear();
    asn1::Node n;
    if (Err e = n.decode("ExtKeyUsageSyntax", der); !ok(e))
        return e;
    int count = 0;
    if (Err e = n.count("", count); !ok(e))
        return e;
    for (int i = 1; i <= count; i++) {
        std::string oid;
        if (Err e = n.read_oid("?" + std::to_string(i), oid); !ok(e))
            return e;
        oids.push_back(std::move(oid));
    }
    return Err::ok;
}

Err encode_key_purposes(const std::vector<std::string> &oids, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("ExtKeyUsageSyntax"); !ok(e))
        return e;
    for (const auto &o : oids) {
        if (Err e = write_new(n, ""); !ok(e))
            return e;
        if (Err e = write_str(n, "?LAST", o.c_str()); !ok(e))
            return e;
    }
    return finish(n, der);
}

Err decode_subject_key_id(Bytes der, std::vector<std::uint8_t> &id)
{
    asn1::Node n;
    if (Err e = n.decode("SubjectKeyIdentifier", der); !ok(e))
        return e;
    return n.read("", id);
}

Err encode_subject_key_id(Bytes id, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("SubjectKeyIdentifier"); !ok(e))
        return e;
    if (Err e = write(n, "", id.data(), static_cast<int>(id.size())); !ok(e))
        return e;
    return finish(n, der);
}

Err decode_authority_key_id(Bytes der, AuthorityKeyIdExt &out)
{
    out = {};
    asn1::Node n;
    if (Err e = n.decode("AuthorityKeyIdentifier", der); !ok(e))
        return e;
    if (ok(n.read("keyIdentifier", out.id)))
        out.has_id = true;
    int count = 0;
    if (ok(n.count("authorityCertIssuer", count))) {
        for (int i = 1; i <= count; i++) {
            GeneralName gn;
            Err e = read_general_name(n, der, "authorityCertIssuer.?" + std::to_string(i), gn);
            if (e == Err::x509_unknown_san)
                continue;
            if (!ok(e))
                return e;
            out.issuer.push_back(std::move(gn));
        }
    }
    if (ok(n.read("authorityCertSerialNumber", out.serial)))
        out.has_serial = true;
    return Err::ok;
}

Err encode_authority_key_id(const AuthorityKeyIdExt &in, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("AuthorityKeyIdentifier"); !ok(e))
        return e;
    Err e = in.has_id ? write(n, "keyIdentifier", in.id.data(), static_cast<int>(in.id.size()))
                      : write(n, "keyIdentifier", nullptr, 0);
    if (!ok(e))
        return e;
    if (in.issuer.empty()) {
        if (Err r = write(n, "authorityCertIssuer", nullptr, 0); !ok(r))
            return r;
    } else {
        for (const auto &gn : in.issuer) {
            if (Err r = write_new(n, "authorityCertIssuer"); !ok(r))
                return r;
            if (Err r = write_general_name(n, "authorityCertIssuer.?LAST", gn); !ok(r))
                return r;
        }
    }
    e = in.has_serial ? write(n, "authorityCertSerialNumber", in.serial.data(), static_cast<int>(in.serial.size()))
                      : write(n, "authorityCertSerialNumber", nullptr, 0);
    if (!ok(e))
        return e;
    return finish(n, der);
}

Err decode_crl_dist_points(Bytes der, std::vector<CrlDistPoint> &out)
{
    out.clear();
    asn1::Node n;
    if (Err e = n.decode("CRLDistributionPoints", der); !ok(e))
        return e;
    int count = 0;
    if (Err e = n.count("", count); !ok(e))
        return e;
    for (int i = 1; i <= count; i++) {
        std::string base = "?" + std::to_string(i);
        unsigned reasons = 0;
        std::vector<std::uint8_t> rb;
        std::size_t nbits = 0;
        if (ok(n.read_bits(base + ".reasons", rb, nbits))) {
            if (rb.size() > 0)
                reasons |= rb[0];
            if (rb.size() > 1)
                reasons |= static_cast<unsigned>(rb[1]) << 8;
        }
        int names = 0;
        if (!ok(n.count(base + ".distributionPoint.fullName", names)))
            continue;
        for (int j = 1; j <= names; j++) {
            CrlDistPoint dp;
            dp.reasons = reasons;
            Err e = read_general_name(n, der, base + ".distributionPoint.fullName.?" + std::to_string(j), dp.name);
            if (e == Err::x509_unknown_san)
                continue;
            if (!ok(e))
                return e;
            out.push_back(std::move(dp));
        }
    }
    return Err::ok;
}

Err encode_crl_dist_points(const std::vector<CrlDistPoint> &in, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("CRLDistributionPoints"); !ok(e))
        return e;
    for (const auto &dp : in) {
        if (Err e = write_new(n, ""); !ok(e))
            return e;
        if (dp.reasons) {
            std::uint8_t b[2] = {static_cast<std::uint8_t>(dp.reasons & 0xff),
                                 static_cast<std::uint8_t>((dp.reasons >> 8) & 0xff)};
            if (Err e = write(n, "?LAST.reasons", b, 9); !ok(e))
                return e;
        } else if (Err e = write(n, "?LAST.reasons", nullptr, 0); !ok(e)) {
            return e;
        }
        if (Err e = write(n, "?LAST.cRLIssuer", nullptr, 0); !ok(e))
            return e;
        if (Err e = write_str(n, "?LAST.distributionPoint", "fullName"); !ok(e))
            return e;
        if (Err e = write_new(n, "?LAST.distributionPoint.fullName"); !ok(e))
            return e;
        if (Err e = write_general_name(n, "?LAST.distributionPoint.fullName.?LAST", dp.name); !ok(e))
            return e;
    }
    return finish(n, der);
}

Err decode_aia(Bytes der, std::vector<AccessDescription> &out)
{
    out.clear();
    asn1::Node n;
    if (Err e = n.decode("AuthorityInfoAccessSyntax", der); !ok(e))
        return e;
    int count = 0;
    if (Err e = n.count("", count); !ok(e))
        return e;
    for (int i = 1; i <= count; i++) {
        std::string base = "?" + std::to_string(i);
        AccessDescription ad;
        if (Err e = n.read_oid(base + ".accessMethod", ad.method); !ok(e))
            return e;
        Err e = read_general_name(n, der, base + ".accessLocation", ad.location);
        if (e == Err::x509_unknown_san)
            continue;
        if (!ok(e))
            return e;
        out.push_back(std::move(ad));
    }
    return Err::ok;
}

Err encode_aia(const std::vector<AccessDescription> &in, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("AuthorityInfoAccessSyntax"); !ok(e))
        return e;
    for (const auto &ad : in) {
        if (Err e = write_new(n, ""); !ok(e))
            return e;
        if (Err e = write_str(n, "?LAST.accessMethod", ad.method.c_str()); !ok(e))
            return e;
        if (Err e = write_general_name(n, "?LAST.accessLocation", ad.location); !ok(e))
            return e;
    }
    return finish(n, der);
}

namespace {

// The text of a DisplayText CHOICE (BMP strings converted to UTF-8).
Err display_text(const asn1::Node &n, const std::string &path, std::string &out)
{
    std::string which = choice_name(n, path);
    if (which.empty())
        return Err::requested_data_not_available;
    std::vector<std::uint8_t> v;
    if (Err e = n.read(join(path, which), v); !ok(e))
        return e;
    if (which == "bmpString") {
        out.clear();
        for (std::size_t i = 0; i + 1 < v.size(); i += 2) {
            unsigned c = (static_cast<unsigned>(v[i]) << 8) | v[i + 1];
            if (c < 0x80) {
                out += static_cast<char>(c);
            } else if (c < 0x800) {
                out += static_cast<char>(0xc0 | (c >> 6));
                out += static_cast<char>(0x80 | (c & 0x3f));
            } else {
                out += static_cast<char>(0xe0 | (c >> 12));
                out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
                out += static_cast<char>(0x80 | (c & 0x3f));
            }
        }
        return Err::ok;
    }
    out.assign(v.begin(), v.end());
    return Err::ok;
}

}  // namespace

Err decode_policies(Bytes der, std::vector<Policy> &out)
{
    out.clear();
    asn1::Node n;
    if (Err e = n.decode("CertificatePolicies", der); !ok(e))
        return e;
    int count = 0;
    if (Err e = n.count("", count); !ok(e))
        return e;
    for (int i = 1; i <= count; i++) {
        std::string base = "?" + std::to_string(i);
        Policy p;
        if (Err e = n.read_oid(base + ".policyIdentifier", p.oid); !ok(e))
            return e;
        int quals = 0;
        if (ok(n.count(base + ".policyQualifiers", quals))) {
            for (int j = 1; j <= quals; j++) {
                std::string q = base + ".policyQualifiers.?" + std::to_string(j);
                std::string qid;
                if (Err e = n.read_oid(q + ".policyQualifierId", qid); !ok(e))
                    return e;
                std::vector<std::uint8_t> value;
                if (Err e = n.read(q + ".qualifier", value); !ok(e))
                    return e;
                PolicyQualifier pq;
                if (qid == "1.3.6.1.5.5.7.2.1") {
                    asn1::Node u;
                    if (Err e = u.decode("CPSuri", value); !ok(e))
                        return e;
                    std::vector<std::uint8_t> s;
                    if (Err e = u.read("", s); !ok(e))
                        return e;
                    pq.type = GNUTLS_X509_QUALIFIER_URI;
                    pq.data.assign(s.begin(), s.end());
                } else if (qid == "1.3.6.1.5.5.7.2.2") {
                    asn1::Node u;
                    if (Err e = u.decode("UserNotice", value); !ok(e))
                        return e;
                    pq.type = GNUTLS_X509_QUALIFIER_NOTICE;
                    Err e = display_text(u, "explicitText", pq.data);
                    if (!ok(e) && e != Err::requested_data_not_available)
                        return e;
                } else {
                    pq.type = GNUTLS_X509_QUALIFIER_UNKNOWN;
                }
                if (pq.data.find('\0') != std::string::npos)
                    return Err::asn1_embedded_null_in_string;
                p.qualifiers.push_back(std::move(pq));
            }
        }
        out.push_back(std::move(p));
    }
    return Err::ok;
}

Err encode_policies(const std::vector<Policy> &in, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("CertificatePolicies"); !ok(e))
        return e;
    for (const auto &p : in) {
        if (Err e = write_new(n, ""); !ok(e))
            return e;
        if (Err e = write_str(n, "?LAST.policyIdentifier", p.oid.c_str()); !ok(e))
            return e;
        if (p.qualifiers.empty()) {
            if (Err e = write(n, "?LAST.policyQualifiers", nullptr, 0); !ok(e))
                return e;
            continue;
        }
        for (const auto &q : p.qualifiers) {
            std::vector<std::uint8_t> value;
            const char *qid;
            if (q.type == GNUTLS_X509_QUALIFIER_URI) {
                qid = "1.3.6.1.5.5.7.2.1";
                asn1::Node u;
                if (Err e = u.create("CPSuri"); !ok(e))
                    return e;
                if (Err e = write(u, "", q.data.data(), static_cast<int>(q.data.size())); !ok(e))
                    return e;
                if (Err e = u.encode("", value); !ok(e))
                    return e;
            } else if (q.type == GNUTLS_X509_QUALIFIER_NOTICE) {
                qid = "1.3.6.1.5.5.7.2.2";
                asn1::Node u;
                if (Err e = u.create("UserNotice"); !ok(e))
                    return e;
                if (Err e = write(u, "noticeRef", nullptr, 0); !ok(e))
                    return e;
                if (Err e = write_str(u, "explicitText", "utf8String"); !ok(e))
                    return e;
                if (Err e = write(u, "explicitText.utf8String", q.data.data(), static_cast<int>(q.data.size())); !ok(e))
                    return e;
                if (Err e = u.encode("", value); !ok(e))
                    return e;
            } else {
                return Err::invalid_request;
            }
            if (Err e = write_new(n, "?LAST.policyQualifiers"); !ok(e))
                return e;
            if (Err e = write_str(n, "?LAST.policyQualifiers.?LAST.policyQualifierId", qid); !ok(e))
                return e;
            if (Err e = write(n, "?LAST.policyQualifiers.?LAST.qualifier", value.data(), static_cast<int>(value.size())); !ok(e))
                return e;
        }
    }
    return finish(n, der);
}

Err decode_proxy(Bytes der, ProxyExt &out)
{
    out = {};
    asn1::Node n;
    if (Err e = n.decode("ProxyCertInfo", der); !ok(e))
        return e;
    unsigned long v = 0;
    Err e = n.read_uint("pCPathLenConstraint", v);
    if (ok(e))
        out.pathlen = static_cast<int>(v);
    else if (e != Err::requested_data_not_available)
        return e;
    if (Err r = n.read_oid("proxyPolicy.policyLanguage", out.language); !ok(r))
        return r;
    Err p = n.read("proxyPolicy.policy", out.policy);
    if (ok(p))
        out.has_policy = true;
    else if (p != Err::requested_data_not_available)
        return p;
    return Err::ok;
}

Err encode_proxy(const ProxyExt &in, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("ProxyCertInfo"); !ok(e))
        return e;
    Err e = in.pathlen >= 0 ? write_uint(n, "pCPathLenConstraint", static_cast<unsigned>(in.pathlen))
                            : write(n, "pCPathLenConstraint", nullptr, 0);
    if (!ok(e))
        return e;
    if (Err r = write_str(n, "proxyPolicy.policyLanguage", in.language.c_str()); !ok(r))
        return r;
    e = in.has_policy ? write(n, "proxyPolicy.policy", in.policy.data(), static_cast<int>(in.policy.size()))
                      : write(n, "proxyPolicy.policy", nullptr, 0);
    if (!ok(e))
        return e;
    return finish(n, der);
}

Err decode_tlsfeatures(Bytes der, std::vector<std::uint16_t> &out)
{
    out.clear();
    asn1::Node n;
    if (Err e = n.decode("TlsFeatures", der); !ok(e))
        return e;
    int count = 0;
    if (Err e = n.count("", count); !ok(e))
        return e;
    for (int i = 1; i <= count; i++) {
        unsigned long v = 0;
        if (Err e = n.read_uint("?" + std::to_string(i), v); !ok(e))
            return e;
        if (v > 0xffff)
            return Err::certificate_error;
        out.push_back(static_cast<std::uint16_t>(v));
    }
    return Err::ok;
}

Err encode_tlsfeatures(const std::vector<std::uint16_t> &in, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("TlsFeatures"); !ok(e))
        return e;
    for (auto f : in) {
        if (Err e = write_new(n, ""); !ok(e))
            return e;
        if (Err e = write_uint(n, "?LAST", f); !ok(e))
            return e;
    }
    return finish(n, der);
}

Err decode_private_key_usage_period(Bytes der, PrivateKeyUsagePeriod &out)
{
    out = {};
    asn1::Node n;
    if (Err e = n.decode("PrivateKeyUsagePeriod", der); !ok(e))
        return e;
    auto get = [&](const char *name, std::time_t &t) {
        std::vector<std::uint8_t> v;
        if (!ok(n.read(name, v)))
            return;
        std::string s(v.begin(), v.end());
        while (!s.empty() && s.back() == '\0')
            s.pop_back();
        std::time_t r;
        if (asn1::parse_time(s, true, r))
            t = r;
    };
    get("notBefore", out.not_before);
    get("notAfter", out.not_after);
    return Err::ok;
}

namespace {

std::string generalized_time(std::time_t t)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

}  // namespace

Err encode_private_key_usage_period(const PrivateKeyUsagePeriod &in, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("PrivateKeyUsagePeriod"); !ok(e))
        return e;
    auto put = [&](const char *name, std::time_t t) {
        if (t == static_cast<std::time_t>(-1))
            return write(n, name, nullptr, 0);
        std::string s = generalized_time(t);
        return write(n, name, s.data(), static_cast<int>(s.size()));
    };
    if (Err e = put("notBefore", in.not_before); !ok(e))
        return e;
    if (Err e = put("notAfter", in.not_after); !ok(e))
        return e;
    return finish(n, der);
}

Err decode_inhibit_anypolicy(Bytes der, unsigned &skip)
{
    asn1::Node n;
    if (Err e = n.decode("SkipCerts", der); !ok(e))
        return e;
    unsigned long v = 0;
    if (Err e = n.read_uint("", v); !ok(e))
        return e;
    skip = static_cast<unsigned>(v);
    return Err::ok;
}

Err encode_inhibit_anypolicy(unsigned skip, std::vector<std::uint8_t> &der)
{
    asn1::Node n;
    if (Err e = n.create("SkipCerts"); !ok(e))
        return e;
    if (Err e = write_uint(n, "", skip); !ok(e))
        return e;
    return finish(n, der);
}

}  // namespace tlshim::x509
