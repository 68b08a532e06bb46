// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/x509/credentials.hh"

#include <gnutls/gnutls.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "core/asn1/asn1.hh"
#include "core/crypto/hash.hh"
#include "core/encoding/base64.hh"
#include "core/log.hh"
#include "core/x509/certificate.hh"
#include "core/x509/dn.hh"

namespace tlshim::x509 {

namespace {

// --- a minimal DER walker for the OCSP fields we need ------------------------

// Reads one TLV; false on a truncated or malformed header (long lengths of
// more than four octets are refused).
bool der_tlv(Reader &r, std::uint8_t &tag, Reader &content) noexcept
{
    std::uint8_t t = 0, l = 0;
    if (!r.u8(t) || !r.u8(l))
        return false;
    std::size_t len = l;
    if (l & 0x80) {
        unsigned n = l & 0x7f;
        if (n == 0 || n > 4)
            return false;
        len = 0;
        for (unsigned i = 0; i < n; i++) {
            std::uint8_t b = 0;
            if (!r.u8(b))
                return false;
            len = (len << 8) | b;
        }
    }
    Bytes v;
    if (!r.bytes(len, v))
        return false;
    tag = t;
    content = Reader(v);
    return true;
}

// The next element, which must carry `tag`.
Err expect(Reader &r, std::uint8_t tag, Reader &content) noexcept
{
    std::uint8_t t = 0;
    if (!r.peek_u8(t))
        return Err::asn1_der_error;
    if (t != tag)
        return Err::asn1_tag_error;
    return der_tlv(r, t, content) ? Err::ok : Err::asn1_der_error;
}

// Skips the next element if it carries `tag`.
bool skip_if(Reader &r, std::uint8_t tag) noexcept
{
    std::uint8_t t = 0;
    Reader ignored;
    if (!r.peek_u8(t) || t != tag)
        return false;
    return der_tlv(r, t, ignored);
}

std::vector<std::uint8_t> to_vec(Bytes b) { return {b.begin(), b.end()}; }

bool same(Bytes a, std::initializer_list<std::uint8_t> b) noexcept
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

// The digests a CertID may name, by the contents of their OID.
int digest_of_oid(Bytes oid) noexcept
{
    if (same(oid, {0x2b, 0x0e, 0x03, 0x02, 0x1a}))
        return GNUTLS_DIG_SHA1;
    if (same(oid, {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01}))
        return GNUTLS_DIG_SHA256;
    if (same(oid, {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02}))
        return GNUTLS_DIG_SHA384;
    if (same(oid, {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03}))
        return GNUTLS_DIG_SHA512;
    if (same(oid, {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04}))
        return GNUTLS_DIG_SHA224;
    return GNUTLS_DIG_UNKNOWN;
}

Err read_generalized_time(Reader &content, std::time_t &out) noexcept
{
    Bytes b = content.rest();
    std::string_view text(reinterpret_cast<const char *>(b.data()), b.size());
    return asn1::parse_time(text, true, out) ? Err::ok : Err::asn1_der_error;
}

Err parse_single(Reader &r, OcspSingle &s)
{
    Reader single, certid, alg, oid, octets, serial;
    if (Err e = expect(r, 0x30, single); !ok(e))
        return e;
    if (Err e = expect(single, 0x30, certid); !ok(e))
        return e;
    if (Err e = expect(certid, 0x30, alg); !ok(e))
        return e;
    if (Err e = expect(alg, 0x06, oid); !ok(e))
        return e;
    s.hash = digest_of_oid(oid.rest());
    if (Err e = expect(certid, 0x04, octets); !ok(e))
        return e;
    s.issuer_name_hash = to_vec(octets.rest());
    if (Err e = expect(certid, 0x04, octets); !ok(e))  // issuerKeyHash
        return e;
    if (Err e = expect(certid, 0x02, serial); !ok(e))
        return e;
    s.serial = to_vec(serial.rest());
    // certStatus: good [0] / revoked [1] / unknown [2], whatever its form
    std::uint8_t tag = 0;
    Reader status, when;
    if (!der_tlv(single, tag, status) || (tag & 0x1f) > 2 || (tag & 0xc0) != 0x80)
        return Err::asn1_der_error;
    std::time_t this_update = 0;
    if (Err e = expect(single, 0x18, when); !ok(e))
        return e;
    if (Err e = read_generalized_time(when, this_update); !ok(e))
        return e;
    Reader next;
    if (expect(single, 0xa0, next) == Err::ok) {
        if (Err e = expect(next, 0x18, when); !ok(e))
            return e;
        if (Err e = read_generalized_time(when, s.next_update); !ok(e))
            return e;
    }
    return Err::ok;
}

}  // namespace

Err read_file(const char *path, std::vector<std::uint8_t> &out)
{
    out.clear();
    if (path == nullptr)
        return Err::file_error;
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> f(std::fopen(path, "rb"), &std::fclose);
    if (!f) {
        TLSHIM_DEBUG("cannot open %s: %s\n", path, std::strerror(errno));
        return Err::file_error;
    }
    std::uint8_t buf[4096];
    for (;;) {
        std::size_t n = std::fread(buf, 1, sizeof buf, f.get());
        out.insert(out.end(), buf, buf + n);
        if (n < sizeof buf)
            break;
    }
    if (std::ferror(f.get())) {
        out.clear();
        return Err::file_error;
    }
    return Err::ok;
}

Err pem_blocks(Bytes text, std::string_view label, std::vector<std::vector<std::uint8_t>> &out)
{
    out.clear();
    std::size_t from = 0;
    for (;;) {
        encoding::PemBlock block;
        Err e = encoding::pem_find(text, label, block, from);
        if (e == Err::base64_unexpected_header)
            return Err::ok;
        if (!ok(e))
            return e;
        from = block.next;
        std::vector<std::uint8_t> der;
        if (Err d = encoding::base64_decode(block.body, der); !ok(d))
            return d;
        out.push_back(std::move(der));
    }
}

Err certificate_names(Bytes cert_der, std::vector<std::string> &out)
{
    out.clear();
    Certificate cert;
    if (Err e = cert.import_der(cert_der); !ok(e))
        return e;
    for (unsigned seq = 0;; seq++) {
        AltName an;
        bool critical = false;
        if (!ok(cert.alt_name(seq, an, critical)))
            break;
        if (an.type == GNUTLS_SAN_DNSNAME)
            out.emplace_back(an.value.begin(), an.value.end());
    }
    if (!out.empty())
        return Err::ok;
    // Name ::= SEQUENCE OF SET OF SEQUENCE { type OID, value ANY }
    Bytes subject;
    if (Err e = cert.subject_raw(subject); !ok(e))
        return e;
    Reader r(subject), rdns;
    if (!ok(expect(r, 0x30, rdns)))
        return Err::ok;
    while (!rdns.empty()) {
        Reader set;
        if (!ok(expect(rdns, 0x31, set)))
            break;
        while (!set.empty()) {
            Reader atv, oid;
            if (!ok(expect(set, 0x30, atv)) || !ok(expect(atv, 0x06, oid)))
                break;
            if (!same(oid.rest(), {0x55, 0x04, 0x03}))
                continue;
            std::string cn;
            if (ok(dn_value_to_string("2.5.4.3", atv.rest(), cn)))
                out.push_back(std::move(cn));
        }
    }
    return Err::ok;
}

Err ocsp_parse(Bytes der, std::vector<OcspSingle> &out)
{
    out.clear();
    Reader r(der), resp, status, bytes, wrapper, type, octets;
    if (Err e = expect(r, 0x30, resp); !ok(e))
        return e;
    if (Err e = expect(resp, 0x0a, status); !ok(e))
        return e;
    if (!same(status.rest(), {0x00}))  // not "successful": nothing to staple
        return Err::requested_data_not_available;
    if (Err e = expect(resp, 0xa0, bytes); !ok(e))
        return e == Err::asn1_der_error ? e : Err::requested_data_not_available;
    if (Err e = expect(bytes, 0x30, wrapper); !ok(e))
        return e;
    if (Err e = expect(wrapper, 0x06, type); !ok(e))
        return e;
    // id-pkix-ocsp-basic (1.3.6.1.5.5.7.48.1.1)
    if (!same(type.rest(), {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01}))
        return Err::requested_data_not_available;
    if (Err e = expect(wrapper, 0x04, octets); !ok(e))
        return e;
    Reader basic_outer(octets.rest()), basic, tbs, responses, ignored;
    if (Err e = expect(basic_outer, 0x30, basic); !ok(e))
        return e;
    if (Err e = expect(basic, 0x30, tbs); !ok(e))
        return e;
    skip_if(tbs, 0xa0);  // version
    if (!skip_if(tbs, 0xa1) && !skip_if(tbs, 0xa2))  // responderID
        return Err::asn1_tag_error;
    if (Err e = expect(tbs, 0x18, ignored); !ok(e))  // producedAt
        return e;
    if (Err e = expect(tbs, 0x30, responses); !ok(e))
        return e;
    while (!responses.empty()) {
        OcspSingle s;
        if (Err e = parse_single(responses, s); !ok(e))
            return e;
        out.push_back(std::move(s));
    }
    return Err::ok;
}

bool ocsp_is_about(const OcspSingle &r, Bytes cert_der)
{
    Certificate cert;
    if (!ok(cert.import_der(cert_der)))
        return false;
    std::vector<std::uint8_t> serial;
    if (!ok(cert.serial(serial)) || serial != r.serial)
        return false;
    Bytes issuer;
    if (!ok(cert.issuer_raw(issuer)))
        return false;
    auto alg = static_cast<gnutls_digest_algorithm_t>(r.hash);
    std::size_t n = crypto::hash_output_size(alg);
    if (n == 0 || n != r.issuer_name_hash.size())
        return false;
    std::uint8_t digest[64];
    if (n > sizeof digest || !ok(crypto::Hash::compute(alg, issuer, digest)))
        return false;
    return std::memcmp(digest, r.issuer_name_hash.data(), n) == 0;
}

}  // namespace tlshim::x509
