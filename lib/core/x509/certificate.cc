// SPDX-License-Identifier: LGPL-2.1-or-later
// X.509 certificates: decoding and accessors.
#include "core/x509/certificate.hh"

#include <algorithm>
#include <cstring>

#include "core/algo/algo.hh"
#include "core/encoding/base64.hh"
#include "core/x509/dn.hh"

namespace tlshim::x509 {

namespace {

std::string choice_of(const asn1::Node &n, const std::string &path)
{
    std::vector<std::uint8_t> v;
    if (!ok(n.read(path, v)))
        return {};
    std::string s(v.begin(), v.end());
    while (!s.empty() && s.back() == '\0')
        s.pop_back();
    return s;
}

std::size_t bit_length(const std::vector<std::uint8_t> &v)
{
    std::size_t i = 0;
    while (i < v.size() && v[i] == 0)
        i++;
    if (i == v.size())
        return 0;
    std::size_t bits = (v.size() - i) * 8;
    for (std::uint8_t b = v[i]; !(b & 0x80); b <<= 1)
        bits--;
    return bits;
}

}  // namespace

Err Certificate::import_der(Bytes der)
{
    exts_.clear();
    node_.reset();
    subject_obj_.assign({});
    issuer_obj_.assign({});
    der_.assign(der.begin(), der.end());
    asn1::Node n;
    if (Err e = n.decode("Certificate", der_); !ok(e)) {
        der_.clear();
        return e;
    }
    // libtasn1 accepts some truncated headers as an empty structure: the
    // signed part must be there.
    Bytes tbs;
    if (Err e = n.raw_der(der_, "tbsCertificate", tbs, true); !ok(e)) {
        der_.clear();
        return e;
    }
    // The signature algorithm inside and outside the signed part must agree.
    std::string inner, outer;
    if (Err e = n.read_oid("tbsCertificate.signature.algorithm", inner); !ok(e)) {
        der_.clear();
        return e;
    }
    if (Err e = n.read_oid("signatureAlgorithm.algorithm", outer); !ok(e)) {
        der_.clear();
        return e;
    }
    Bytes inner_der, outer_der;
    if (inner != outer ||
        (ok(n.raw_der(der_, "tbsCertificate.signature.algorithm", inner_der)) &&
         ok(n.raw_der(der_, "signatureAlgorithm.algorithm", outer_der)) &&
         !std::equal(inner_der.begin(), inner_der.end(), outer_der.begin(), outer_der.end()))) {
        der_.clear();
        return Err::certificate_error;
    }
    node_ = std::move(n);
    // Two extensions with the same OID make the certificate unacceptable,
    // and so does a negative version.
    Err e = load_extensions();
    std::vector<std::uint8_t> version;
    if (ok(e) && ok(node_.read("tbsCertificate.version", version)) && !version.empty() &&
        (version[0] & 0x80))
        e = Err::asn1_der_error;
    // The validity times must be real dates.
    std::time_t t;
    if (ok(e) && node_.read_time("tbsCertificate.validity.notBefore", t) == Err::certificate_time_error)
        e = Err::certificate_time_error;
    if (ok(e) && node_.read_time("tbsCertificate.validity.notAfter", t) == Err::certificate_time_error)
        e = Err::certificate_time_error;
    if (!ok(e)) {
        node_.reset();
        der_.clear();
        exts_.clear();
        return e;
    }
    // The names as DN objects (a name libtasn1 cannot split stays empty).
    Bytes name;
    if (!ok(subject_raw(name)) || !ok(subject_obj_.assign(name)))
        subject_obj_.assign({});
    if (!ok(issuer_raw(name)) || !ok(issuer_obj_.assign(name)))
        issuer_obj_.assign({});
    return Err::ok;
}

Err Certificate::import_pem(Bytes text)
{
    std::vector<std::uint8_t> der;
    encoding::PemBlock block;
    Err e = encoding::pem_find(text, "X509 CERTIFICATE", block);
    if (e == Err::base64_unexpected_header)
        e = encoding::pem_find(text, "CERTIFICATE", block);
    if (!ok(e))
        return e;
    if (Err d = encoding::base64_decode(block.body, der); !ok(d))
        return d;
    return import_der(der);
}

Err Certificate::reencode(std::vector<std::uint8_t> &out) const
{
    return node_.encode("", out);
}

Err Certificate::export_pem(std::vector<std::uint8_t> &out) const
{
    out.clear();
    Writer w(out);
    return encoding::pem_encode("CERTIFICATE", der_, w);
}

Err Certificate::load_extensions()
{
    int n = 0;
    Err e = node_.count("tbsCertificate.extensions", n);
    if (e == Err::requested_data_not_available || e == Err::asn1_element_not_found)
        return Err::ok;
    if (!ok(e))
        return Err::ok;
    // The OIDs first: a repeated extension is reported before anything else.
    std::vector<std::string> oids;
    for (int i = 1; i <= n; i++) {
        std::string oid;
        if (Err r = node_.read_oid("tbsCertificate.extensions.?" + std::to_string(i) + ".extnID", oid); !ok(r))
            return r;
        for (const auto &o : oids)
            if (o == oid)
                return Err::x509_duplicate_extension;
        oids.push_back(std::move(oid));
    }
    for (int i = 1; i <= n; i++) {
        std::string base = "tbsCertificate.extensions.?" + std::to_string(i);
        Extension x;
        x.oid = oids[static_cast<std::size_t>(i - 1)];
        bool crit = false;
        if (Err r = node_.read_bool(base + ".critical", crit); ok(r))
            x.critical = crit;
        Bytes raw;
        if (Err r = node_.raw_der(der_, base + ".extnValue", raw); !ok(r))
            return r;
        // Skip the OCTET STRING header.
        int lenlen = 0;
        long l = asn1_get_length_der(raw.data() + 1, static_cast<int>(raw.size() - 1), &lenlen);
        if (l < 0 || static_cast<std::size_t>(1 + lenlen + l) != raw.size())
            return Err::asn1_der_error;
        x.value = raw.subspan(static_cast<std::size_t>(1 + lenlen));
        exts_.push_back(std::move(x));
    }
    return Err::ok;
}

int Certificate::version() const
{
    std::vector<std::uint8_t> v;
    Err e = node_.read("tbsCertificate.version", v);
    if (e == Err::requested_data_not_available)
        return 1;
    if (!ok(e))
        return static_cast<int>(e);
    if (v.empty())
        return 1;
    return static_cast<int>(v.back()) + 1;
}

Err Certificate::serial(std::vector<std::uint8_t> &out) const
{
    return node_.read("tbsCertificate.serialNumber", out);
}

std::time_t Certificate::activation_time() const
{
    std::time_t t;
    if (!ok(node_.read_time("tbsCertificate.validity.notBefore", t)))
        return static_cast<std::time_t>(-1);
    return t;
}

std::time_t Certificate::expiration_time() const
{
    std::time_t t;
    if (!ok(node_.read_time("tbsCertificate.validity.notAfter", t)))
        return static_cast<std::time_t>(-1);
    return t;
}

Err Certificate::subject_raw(Bytes &out) const
{
    return node_.raw_der(der_, "tbsCertificate.subject.rdnSequence", out);
}

Err Certificate::issuer_raw(Bytes &out) const
{
    return node_.raw_der(der_, "tbsCertificate.issuer.rdnSequence", out);
}

Err Certificate::subject_dn(std::string &out, bool reverse) const
{
    Bytes raw;
    if (Err e = subject_raw(raw); !ok(e))
        return e;
    return dn_to_string(raw, out, reverse);
}

Err Certificate::issuer_dn(std::string &out, bool reverse) const
{
    Bytes raw;
    if (Err e = issuer_raw(raw); !ok(e))
        return e;
    return dn_to_string(raw, out, reverse);
}

int Certificate::pk_algorithm(unsigned *bitsp) const
{
    unsigned dummy = 0;
    unsigned &bits = bitsp ? *bitsp : dummy;
    bits = 0;
    std::string oid;
    const std::string spki = "tbsCertificate.subjectPublicKeyInfo";
    if (Err e = node_.read_oid(spki + ".algorithm.algorithm", oid); !ok(e))
        return static_cast<int>(e == Err::requested_data_not_available ? Err::asn1_element_not_found : e);
    const algo::Pk *pk = algo::pk_by_oid(oid);
    if (!pk) {
        if (!bitsp)
            return GNUTLS_PK_UNKNOWN;
        // Asked for the size of an unknown key: without parameters GnuTLS
        // fails on their absence, otherwise on the algorithm.
        std::vector<std::uint8_t> params;
        if (!ok(node_.read(spki + ".algorithm.parameters", params)))
            return static_cast<int>(Err::asn1_element_not_found);
        return static_cast<int>(Err::unimplemented);
    }
    if (!bitsp)
        return pk->id;
    switch (pk->id) {
    case GNUTLS_PK_EDDSA_ED25519:
    case GNUTLS_PK_ECDH_X25519:
        bits = 256;
        return pk->id;
    case GNUTLS_PK_EDDSA_ED448:
        bits = 456;
        return pk->id;
    case GNUTLS_PK_ECDH_X448:
        bits = 448;
        return pk->id;
    default:
        break;
    }
    std::vector<std::uint8_t> key;
    std::size_t keybits = 0;
    if (!ok(node_.read_bits(spki + ".subjectPublicKey", key, keybits)))
        return pk->id;
    switch (pk->id) {
    case GNUTLS_PK_RSA:
    case GNUTLS_PK_RSA_PSS: {
        asn1::Node k;
        std::vector<std::uint8_t> mod;
        if (Err e = k.decode("RSAPublicKey", key); !ok(e))
            return static_cast<int>(e);
        if (Err e = k.read("modulus", mod); !ok(e))
            return static_cast<int>(e);
        bits = static_cast<unsigned>(bit_length(mod));
        break;
    }
    case GNUTLS_PK_DSA: {
        std::vector<std::uint8_t> params, p;
        asn1::Node k;
        if (ok(node_.read(spki + ".algorithm.parameters", params)) &&
            ok(k.decode("DSAParameters", params)) && ok(k.read("p", p)))
            bits = static_cast<unsigned>(bit_length(p));
        break;
    }
    case GNUTLS_PK_ECDSA: {
        std::vector<std::uint8_t> params;
        asn1::Node k;
        std::string curve;
        if (ok(node_.read(spki + ".algorithm.parameters", params)) &&
            ok(k.decode("ECParameters", params)) && ok(k.read_oid("namedCurve", curve))) {
            if (const algo::Curve *c = algo::curve_by_oid(curve))
                bits = c->size * 8u;
        }
        break;
    }
    case GNUTLS_PK_GOST_01:
    case GNUTLS_PK_GOST_12_256:
    case GNUTLS_PK_GOST_12_512: {
        std::vector<std::uint8_t> params;
        asn1::Node k;
        std::string curve;
        if (Err e = node_.read(spki + ".algorithm.parameters", params); !ok(e))
            return static_cast<int>(e);
        if (Err e = k.decode("GostR3410-PublicKeyParameters", params); !ok(e))
            return static_cast<int>(e);
        if (Err e = k.read_oid("publicKeyParamSet", curve); !ok(e))
            return static_cast<int>(e);
        const algo::Curve *c = algo::curve_by_oid(curve);
        if (!c)
            return static_cast<int>(Err::ecc_unsupported_curve);
        bits = c->size * 8u;
        break;
    }
    case GNUTLS_PK_EDDSA_ED25519:
    case GNUTLS_PK_ECDH_X25519:
        bits = 256;
        break;
    case GNUTLS_PK_EDDSA_ED448:
        bits = 456;
        break;
    case GNUTLS_PK_ECDH_X448:
        bits = 448;
        break;
    default:
        break;
    }
    return pk->id;
}

int Certificate::signature_algorithm() const
{
    std::string oid;
    if (Err e = node_.read_oid("signatureAlgorithm.algorithm", oid); !ok(e))
        return static_cast<int>(e);
    if (oid == "1.2.840.113549.1.1.10") {
        // RSASSA-PSS: the hash comes from the parameters (RFC 4055).
        std::vector<std::uint8_t> params;
        if (!ok(node_.read("signatureAlgorithm.parameters", params)))
            return GNUTLS_SIGN_UNKNOWN;
        asn1::Node p;
        if (!ok(p.decode("RSASSA-PSS-params", params)))
            return GNUTLS_SIGN_UNKNOWN;
        std::string hash;
        if (!ok(p.read_oid("hashAlgorithm.algorithm", hash)))
            hash = "1.3.14.3.2.26";  // SHA-1, the default
        const algo::Mac *d = algo::digest_by_oid(hash);
        if (!d)
            return GNUTLS_SIGN_UNKNOWN;
        const algo::Sign *s = algo::sign_by_pk_hash(GNUTLS_PK_RSA_PSS, d->id);
        return s ? s->id : GNUTLS_SIGN_UNKNOWN;
    }
    const algo::Sign *s = algo::sign_by_oid(oid);
    return s ? s->id : GNUTLS_SIGN_UNKNOWN;
}

Err Certificate::tbs_raw(Bytes &out) const
{
    return node_.raw_der(der_, "tbsCertificate", out);
}

Err Certificate::spki_raw(Bytes &out) const
{
    return node_.raw_der(der_, "tbsCertificate.subjectPublicKeyInfo", out);
}

Err Certificate::signature_algorithm_raw(Bytes &out) const
{
    return node_.raw_der(der_, "signatureAlgorithm", out);
}

Err read_signature_bits(const asn1::Node &signed_structure, std::vector<std::uint8_t> &out)
{
    std::size_t bits = 0;
    if (Err e = signed_structure.read_bits("signature", out, bits); !ok(e))
        return e;
    if (bits % 8 != 0)
        return Err::certificate_error;
    return Err::ok;
}

Err read_extension_field(const Extension *x, const char *type, const char *path,
                         std::vector<std::uint8_t> &out, bool &critical)
{
    if (!x)
        return Err::requested_data_not_available;
    critical = x->critical;
    asn1::Node n;
    if (Err e = n.decode(type, x->value); !ok(e))
        return e;
    return n.read(path, out);
}

Err Certificate::signature_value(std::vector<std::uint8_t> &out) const
{
    return read_signature_bits(node_, out);
}

Err Certificate::issuer_unique_id(std::vector<std::uint8_t> &out) const
{
    std::size_t bits = 0;
    return node_.read_bits("tbsCertificate.issuerUniqueID", out, bits);
}

Err Certificate::subject_unique_id(std::vector<std::uint8_t> &out) const
{
    std::size_t bits = 0;
    return node_.read_bits("tbsCertificate.subjectUniqueID", out, bits);
}

Err Certificate::pk_oid(std::string &out) const
{
    return node_.read_oid("tbsCertificate.subjectPublicKeyInfo.algorithm.algorithm", out);
}

Err Certificate::signature_oid(std::string &out) const
{
    return node_.read_oid("signatureAlgorithm.algorithm", out);
}

const Extension *Certificate::extension(std::string_view oid, unsigned indx) const noexcept
{
    for (const auto &x : exts_)
        if (x.oid == oid && indx-- == 0)
            return &x;
    return nullptr;
}

Err Certificate::alt_name(unsigned seq, AltName &out, bool &critical) const
{
    const Extension *x = extension("2.5.29.17");
    if (!x)
        return Err::requested_data_not_available;
    critical = x->critical;
    asn1::Node n;
    if (Err e = n.decode("GeneralNames", x->value); !ok(e))
        return e;
    std::string base = "?" + std::to_string(seq + 1);
    std::string which = choice_of(n, base);
    if (which.empty())
        return Err::requested_data_not_available;
    out.value.clear();
    out.text = true;
    std::string path = base + "." + which;
    if (which == "dNSName") {
        out.type = GNUTLS_SAN_DNSNAME;
    } else if (which == "rfc822Name") {
        out.type = GNUTLS_SAN_RFC822NAME;
    } else if (which == "uniformResourceIdentifier") {
        out.type = GNUTLS_SAN_URI;
    } else if (which == "iPAddress") {
        out.type = GNUTLS_SAN_IPADDRESS;
        out.text = false;
    } else if (which == "registeredID") {
        out.type = GNUTLS_SAN_REGISTERED_ID;
        std::string oid;
        if (Err e = n.read_oid(path, oid); !ok(e))
            return e;
        out.value.assign(oid.begin(), oid.end());
        return Err::ok;
    } else if (which == "otherName") {
        out.type = GNUTLS_SAN_OTHERNAME;
        if (Err e = n.read(path + ".value", out.value); !ok(e))
            return e;
        std::string oid;
        if (ok(n.read_oid(path + ".type-id", oid)) && oid == "1.3.6.1.5.5.7.8.5") {
            // An XMPP address (RFC 6120): its UTF8String's text.
            asn1::Node u;
            std::vector<std::uint8_t> text;
            if (ok(u.decode("XmppAddr", out.value)) && ok(u.read("", text)) &&
                std::find(text.begin(), text.end(), 0) == text.end()) {
                out.type = GNUTLS_SAN_OTHERNAME_XMPP;
                out.value = std::move(text);
            }
        }
        return Err::ok;
    } else if (which == "directoryName") {
        out.type = GNUTLS_SAN_DN;
        Bytes raw;
        if (Err e = n.raw_der(x->value, path, raw); !ok(e))
            return e;
        std::string s;
        if (Err e = dn_to_string(raw, s); !ok(e))
            return e;
        out.value.assign(s.begin(), s.end());
        return Err::ok;
    } else {
        return Err::x509_unknown_san;
    }
    return n.read(path, out.value);
}

Err Certificate::basic_constraints(bool &critical, bool &ca, int &pathlen) const
{
    const Extension *x = extension("2.5.29.19");
    if (!x)
        return Err::requested_data_not_available;
    critical = x->critical;
    asn1::Node n;
    if (Err e = n.decode("BasicConstraints", x->value); !ok(e))
        return e;
    ca = false;
    bool b = false;
    if (ok(n.read_bool("cA", b)))
        ca = b;
    pathlen = -1;
    unsigned long v = 0;
    if (ok(n.read_uint("pathLenConstraint", v)))
        pathlen = static_cast<int>(v);
    return Err::ok;
}

Err Certificate::key_usage(unsigned &usage, bool &critical) const
{
    const Extension *x = extension("2.5.29.15");
    if (!x)
        return Err::requested_data_not_available;
    critical = x->critical;
    asn1::Node n;
    if (Err e = n.decode("KeyUsage", x->value); !ok(e))
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

Err Certificate::subject_key_id(std::vector<std::uint8_t> &out, bool &critical) const
{
    return read_extension_field(extension("2.5.29.14"), "SubjectKeyIdentifier", "", out, critical);
}

Err Certificate::authority_key_id(std::vector<std::uint8_t> &out, bool &critical) const
{
    return read_extension_field(extension("2.5.29.35"), "AuthorityKeyIdentifier", "keyIdentifier", out, critical);
}

Err pem_certificates(Bytes text, std::vector<std::vector<std::uint8_t>> &out)
{
    out.clear();
    std::size_t from = 0;
    for (;;) {
        encoding::PemBlock block;
        Err e = encoding::pem_find(text, "", block, from);
        if (e == Err::base64_unexpected_header)
            break;
        if (!ok(e))
            return e;
        from = block.next;
        if (block.label != "CERTIFICATE" && block.label != "X509 CERTIFICATE")
            continue;
        std::vector<std::uint8_t> der;
        if (Err d = encoding::base64_decode(block.body, der); !ok(d))
            return d;
        out.push_back(std::move(der));
    }
    return Err::ok;
}

}  // namespace tlshim::x509
