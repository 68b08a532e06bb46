// SPDX-License-Identifier: LGPL-2.1-or-later
// Certificate revocation lists: decoding with libtasn1 and accessors.
#include "core/x509/crl.hh"

#include <algorithm>
#include <ctime>

#include "core/algo/algo.hh"
#include "core/encoding/base64.hh"
#include "core/x509/dn.hh"
#include "core/x509/key.hh"

namespace tlshim::x509 {

namespace {

constexpr const char *kTbs = "tbsCertList";

// The contents of an extnValue OCTET STRING, as a view into `der`.
Err octets_in(Bytes raw, Bytes &out)
{
    if (raw.size() < 2)
        return Err::asn1_der_error;
    int lenlen = 0;
    long l = asn1_get_length_der(raw.data() + 1, static_cast<int>(raw.size() - 1), &lenlen);
    if (l < 0 || static_cast<std::size_t>(1 + lenlen + l) != raw.size())
        return Err::asn1_der_error;
    out = raw.subspan(static_cast<std::size_t>(1 + lenlen));
    return Err::ok;
}

// Reads the Extensions element at `path` (absent is fine).
Err load_exts(const asn1::Node &n, Bytes der, const std::string &path, std::vector<Extension> &out)
{
    out.clear();
    int count = 0;
    if (Err e = n.count(path, count); !ok(e))
        return Err::ok;
    for (int i = 1; i <= count; i++) {
        std::string base = path + ".?" + std::to_string(i);
        Extension x;
        if (Err e = n.read_oid(base + ".extnID", x.oid); !ok(e))
            return e;
        bool crit = false;
        if (ok(n.read_bool(base + ".critical", crit)))
            x.critical = crit;
        Bytes raw;
        if (Err e = n.raw_der(der, base + ".extnValue", raw); !ok(e))
            return e;
        if (Err e = octets_in(raw, x.value); !ok(e))
            return e;
        out.push_back(std::move(x));
    }
    return Err::ok;
}


// The authorityCertIssuer of an AuthorityKeyIdentifier value, re-tagged as
// the GeneralNames it is ([1] IMPLICIT) and decoded; `der` keeps the bytes.
Err aki_names(const asn1::Node &aki, Bytes value, std::vector<std::uint8_t> &der, asn1::Node &names)
{
    Bytes raw;
    if (Err e = aki.raw_der(value, "authorityCertIssuer", raw); !ok(e))
        return e;
    der.assign(raw.begin(), raw.end());
    if (der.empty())
        return Err::asn1_der_error;
    der[0] = 0x30;
    return names.decode("GeneralNames", der);
}


// A directoryName taken out of GeneralNames: the RDNSequence inside its
// [4] EXPLICIT tag (left as is when there is no such tag).
Bytes dn_inside(Bytes raw)
{
    if (raw.size() < 2 || raw[0] != 0xa4)
        return raw;
    int lenlen = 0;
    long l = asn1_get_length_der(raw.data() + 1, static_cast<int>(raw.size() - 1), &lenlen);
    if (l < 0 || static_cast<std::size_t>(1 + lenlen + l) != raw.size())
        return raw;
    return raw.subspan(static_cast<std::size_t>(1 + lenlen));
}

}  // namespace

int signature_algorithm_of(std::string_view oid, Bytes params)
{
    if (oid == "1.2.840.113549.1.1.10") {
        // RSASSA-PSS: the hash is named in the parameters (RFC 4055).
        asn1::Node p;
        if (params.empty() || !ok(p.decode("RSASSA-PSS-params", params)))
            return GNUTLS_SIGN_UNKNOWN;
        std::string hash;
        if (!ok(p.read_oid("hashAlgorithm.algorithm", hash)))
            hash = "1.3.14.3.2.26";  // SHA-1 by default
        // A mask generation function given must be MGF1 over a readable
        // AlgorithmIdentifier.
        std::string mgf;
        if (ok(p.read_oid("maskGenAlgorithm.algorithm", mgf))) {
            std::vector<std::uint8_t> mparams;
            asn1::Node m;
            std::string mhash;
            if (mgf != "1.2.840.113549.1.1.8" || !ok(p.read("maskGenAlgorithm.parameters", mparams)) ||
                !ok(m.decode("AlgorithmIdentifier", mparams)) || !ok(m.read_oid("algorithm", mhash)))
                return GNUTLS_SIGN_UNKNOWN;
        }
        const algo::Mac *d = algo::digest_by_oid(hash);
        if (!d)
            return GNUTLS_SIGN_UNKNOWN;
        const algo::Sign *s = algo::sign_by_pk_hash(GNUTLS_PK_RSA_PSS, d->id);
        return s ? s->id : GNUTLS_SIGN_UNKNOWN;
    }
    const algo::Sign *s = algo::sign_by_oid(oid);
    return s ? s->id : GNUTLS_SIGN_UNKNOWN;
}

void Crl::clear() noexcept
{
    node_.reset();
    der_.clear();
    revoked_.clear();
    exts_.clear();
}

Err Crl::import_der(Bytes der)
{
    clear();
    der_.assign(der.begin(), der.end());
    asn1::Node n;
    Err e = n.decode("CertificateList", der_);
    Bytes tbs;
    if (ok(e))
        e = n.raw_der(der_, kTbs, tbs, true);
    // The signature algorithm must be there, inside and outside.
    std::string inner, outer;
    if (ok(e))
        e = n.read_oid(std::string(kTbs) + ".signature.algorithm", inner);
    if (ok(e))
        e = n.read_oid("signatureAlgorithm.algorithm", outer);
    if (!ok(e)) {
        clear();
        return e;
    }
    node_ = std::move(n);
    std::time_t t;
    e = node_.read_time(std::string(kTbs) + ".thisUpdate", t);
    if (ok(e))
        e = load_exts(node_, der_, std::string(kTbs) + ".crlExtensions", exts_);
    if (ok(e))
        e = load_revoked();
    if (!ok(e)) {
        clear();
        return e;
    }
    return Err::ok;
}

Err Crl::load_revoked()
{
    int count = 0;
    if (!ok(node_.count(std::string(kTbs) + ".revokedCertificates", count)))
        return Err::ok;
    revoked_.reserve(static_cast<std::size_t>(count));
    for (int i = 1; i <= count; i++) {
        std::string base = std::string(kTbs) + ".revokedCertificates.?" + std::to_string(i);
        RevokedEntry r;
        if (Err e = node_.read(base + ".userCertificate", r.serial); !ok(e))
            return e;
        std::time_t t;
        if (ok(node_.read_time(base + ".revocationDate", t)))
            r.when = t;
        revoked_.push_back(std::move(r));
    }
    return Err::ok;
}

Err Crl::import_pem(Bytes text)
{
    encoding::PemBlock block;
    if (Err e = encoding::pem_find(text, "X509 CRL", block); !ok(e))
        return e;
    std::vector<std::uint8_t> der;
    if (Err e = encoding::base64_decode(block.body, der); !ok(e))
        return e;
    return import_der(der);
}

Err Crl::reencode(std::vector<std::uint8_t> &out) const
{
    return node_.encode("", out);
}

Err Crl::export_pem(std::vector<std::uint8_t> &out) const
{
    std::vector<std::uint8_t> der;
    if (Err e = reencode(der); !ok(e))
        return e;
    out.clear();
    Writer w(out);
    return encoding::pem_encode("X509 CRL", der, w);
}

int Crl::version() const
{
    std::vector<std::uint8_t> v;
    Err e = node_.read(std::string(kTbs) + ".version", v);
    if (e == Err::requested_data_not_available)
        return 1;
    if (!ok(e))
        return static_cast<int>(e);
    if (v.empty())
        return 1;
    return static_cast<int>(v.back()) + 1;
}

Err Crl::issuer_raw(Bytes &out) const
{
    return node_.raw_der(der_, std::string(kTbs) + ".issuer.rdnSequence", out);
}

Err Crl::issuer_dn(std::string &out) const
{
    return issuer_dn(out, false);
}

Err Crl::issuer_dn(std::string &out, bool reverse) const
{
    Bytes raw;
    if (Err e = issuer_raw(raw); !ok(e))
        return e;
    return dn_to_string(raw, out, reverse);
}

std::time_t Crl::this_update() const
{
    std::time_t t;
    if (!ok(node_.read_time(std::string(kTbs) + ".thisUpdate", t)))
        return static_cast<std::time_t>(-1);
    return t;
}

std::time_t Crl::next_update() const
{
    std::time_t t;
    if (!ok(node_.read_time(std::string(kTbs) + ".nextUpdate", t)))
        return static_cast<std::time_t>(-1);
    return t;
}

Err Crl::signature_oid(std::string &out) const
{
    return node_.read_oid("signatureAlgorithm.algorithm", out);
}

int Crl::signature_algorithm() const
{
    std::string oid;
    if (Err e = signature_oid(oid); !ok(e))
        return static_cast<int>(e);
    std::vector<std::uint8_t> params;
    node_.read("signatureAlgorithm.parameters", params);
    return signature_algorithm_of(oid, params);
}

Err Crl::tbs_raw(Bytes &out) const
{
    return node_.raw_der(der_, kTbs, out);
}

Err Crl::signature_algorithm_raw(Bytes &out) const
{
    return node_.raw_der(der_, "signatureAlgorithm", out);
}

Err Crl::signature_value(std::vector<std::uint8_t> &out) const
{
    return read_signature_bits(node_, out);
}

bool Crl::is_revoked(Bytes serial) const noexcept
{
    for (const auto &r : revoked_)
        if (std::equal(r.serial.begin(), r.serial.end(), serial.begin(), serial.end()))
            return true;
    return false;
}

const Extension *Crl::extension(std::string_view oid) const noexcept
{
    for (const auto &x : exts_)
        if (x.oid == oid)
            return &x;
    return nullptr;
}

Err Crl::authority_key_id(std::vector<std::uint8_t> &out, bool &critical) const
{
    return read_extension_field(extension("2.5.29.35"), "AuthorityKeyIdentifier", "keyIdentifier", out, critical);
}

Err Crl::number(std::vector<std::uint8_t> &out, bool &critical) const
{
    return read_extension_field(extension("2.5.29.20"), "CRLNumber", "", out, critical);
}

Err Crl::authority_key_gn_serial(unsigned seq, unsigned &type, std::vector<std::uint8_t> &name,
                                 std::vector<std::uint8_t> &serial, bool &critical) const
{
    const Extension *x = extension("2.5.29.35");
    if (!x)
        return Err::requested_data_not_available;
    critical = x->critical;
    asn1::Node n;
    if (Err e = n.decode("AuthorityKeyIdentifier", x->value); !ok(e))
        return e;
    std::vector<std::uint8_t> gder;
    asn1::Node g;
    if (Err e = aki_names(n, x->value, gder, g); !ok(e))
        return e;
    std::string base = "?" + std::to_string(seq + 1);
    std::vector<std::uint8_t> which;
    if (Err e = g.read(base, which); !ok(e))
        return e == Err::asn1_element_not_found ? Err::requested_data_not_available : e;
    std::string choice(which.begin(), which.end());
    while (!choice.empty() && choice.back() == '\0')
        choice.pop_back();
    std::string path = base + "." + choice;
    name.clear();
    if (choice == "directoryName") {
        type = GNUTLS_SAN_DN;
        Bytes dn;
        std::string text;
        if (Err e = g.raw_der(gder, path, dn); !ok(e))
            return e;
        if (Err e = dn_to_string(dn_inside(dn), text, true); !ok(e))
            return e;
        name.assign(text.begin(), text.end());
    } else {
        if (choice == "dNSName")
            type = GNUTLS_SAN_DNSNAME;
        else if (choice == "rfc822Name")
            type = GNUTLS_SAN_RFC822NAME;
        else if (choice == "uniformResourceIdentifier")
            type = GNUTLS_SAN_URI;
        else if (choice == "iPAddress")
            type = GNUTLS_SAN_IPADDRESS;
        else
            return Err::x509_unknown_san;
        if (Err e = g.read(path, name); !ok(e))
            return e;
    }
    return n.read("authorityCertSerialNumber", serial);
}

Err Crl::issuer_attribute(std::string_view oid, unsigned indx, bool raw,
                          std::vector<std::uint8_t> &out) const
{
    Bytes name;
    if (Err e = issuer_raw(name); !ok(e))
        return e;
    asn1::Node n;
    if (Err e = n.decode("RDNSequence", name); !ok(e))
        return e;
    int rdns = 0;
    if (Err e = n.count("", rdns); !ok(e))
        return e;
    for (int i = 1; i <= rdns; i++) {
        std::string rdn = "?" + std::to_string(i);
        int attrs = 0;
        if (Err e = n.count(rdn, attrs); !ok(e))
            return e;
        for (int j = 1; j <= attrs; j++) {
            std::string base = rdn + ".?" + std::to_string(j);
            std::string type;
            if (Err e = n.read_oid(base + ".type", type); !ok(e))
                return e;
            if (type != oid || indx-- != 0)
                continue;
            std::vector<std::uint8_t> value;
            if (Err e = n.read(base + ".value", value); !ok(e))
                return e;
            if (raw) {
                out = std::move(value);
                return Err::ok;
            }
            std::string text;
            if (Err e = dn_value_to_string(type, value, text); !ok(e))
                return e;
            out.assign(text.begin(), text.end());
            return Err::ok;
        }
    }
    return Err::requested_data_not_available;
}

Err Crl::issuer_oid(unsigned indx, std::string &out) const
{
    Bytes name;
    if (Err e = issuer_raw(name); !ok(e))
        return e;
    asn1::Node n;
    if (Err e = n.decode("RDNSequence", name); !ok(e))
        return e;
    int rdns = 0;
    if (Err e = n.count("", rdns); !ok(e))
        return e;
    for (int i = 1; i <= rdns; i++) {
        std::string rdn = "?" + std::to_string(i);
        int attrs = 0;
        if (Err e = n.count(rdn, attrs); !ok(e))
            return e;
        if (indx >= static_cast<unsigned>(attrs)) {
            indx -= static_cast<unsigned>(attrs);
            continue;
        }
        return n.read_oid(rdn + ".?" + std::to_string(indx + 1) + ".type", out);
    }
    return Err::requested_data_not_available;
}

namespace {

void put_time(std::string &out, std::time_t t)
{
    struct tm tm {};
    char buf[64];
    if (gmtime_r(&t, &tm) == nullptr || std::strftime(buf, sizeof buf, "%a %b %d %H:%M:%S UTC %Y", &tm) == 0) {
        out += "unknown";
        return;
    }
    out += buf;
}

void put_hex(std::string &out, Bytes b)
{
    static const char digits[] = "0123456789abcdef";
    for (auto c : b) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
}

const char *crit_text(bool critical) { return critical ? "critical" : "not critical"; }

void print_aki(std::string &out, const Extension &x)
{
    asn1::Node n;
    if (!ok(n.decode("AuthorityKeyIdentifier", x.value))) {
        out += "\t\t\terror: unable to decode the extension\n";
        return;
    }
    std::vector<std::uint8_t> serial, id;
    int count = 0;
    std::vector<std::uint8_t> gder;
    asn1::Node g;
    if (ok(aki_names(n, x.value, gder, g)) && ok(g.count("", count))) {
        for (int i = 1; i <= count; i++) {
            std::string base = "?" + std::to_string(i) + ".directoryName";
            Bytes dn;
            std::string text;
            if (ok(g.raw_der(gder, base, dn)) && ok(dn_to_string(dn_inside(dn), text, true))) {
                out += "\t\t\tdirectoryName: ";
                out += text;
                out += '\n';
            }
        }
        if (ok(n.read("authorityCertSerialNumber", serial))) {
            out += "\t\t\tserial: ";
            put_hex(out, serial);
            out += '\n';
        }
    }
    if (ok(n.read("keyIdentifier", id))) {
        out += "\t\t\t";
        put_hex(out, id);
        out += '\n';
    }
}

void print_unknown(std::string &out, const Extension &x)
{
    out += "\t\t\tASCII: ";
    for (auto c : x.value)
        out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '.';
    out += "\n\t\t\tHexdump: ";
    put_hex(out, x.value);
    out += '\n';
}

}  // namespace

Err Crl::print(int format, std::string &out) const
{
    out.clear();
    const bool unsigned_only = format == GNUTLS_CRT_PRINT_UNSIGNED_FULL;
    out += "X.509 Certificate Revocation List Information:\n";
    out += "\tVersion: " + std::to_string(version()) + "\n";
    if (!unsigned_only) {
        std::string dn;
        if (ok(issuer_dn(dn, true)))
            out += "\tIssuer: " + dn + "\n";
    }
    out += "\tUpdate dates:\n\t\tIssued: ";
    put_time(out, this_update());
    out += '\n';
    std::time_t next = next_update();
    if (next == static_cast<std::time_t>(-1)) {
        out += "\t\tNo next update time.\n";
    } else {
        out += "\t\tNext at: ";
        put_time(out, next);
        out += '\n';
    }
    // A version 1 list has no extensions to show, even if it carries some.
    if (!exts_.empty() && version() >= 2) {
        out += "\tExtensions:\n";
        for (const auto &x : exts_) {
            if (x.oid == "2.5.29.20") {
                out += "\t\tCRL Number (";
                out += crit_text(x.critical);
                out += "): ";
                asn1::Node n;
                std::vector<std::uint8_t> num;
                if (ok(n.decode("CRLNumber", x.value)) && ok(n.read("", num)))
                    put_hex(out, num);
                else
                    out += "error";
                out += '\n';
            } else if (x.oid == "2.5.29.35") {
                out += "\t\tAuthority Key Identifier (";
                out += crit_text(x.critical);
                out += "):\n";
                print_aki(out, x);
            } else {
                out += "\t\tUnknown extension " + x.oid + " (";
                out += crit_text(x.critical);
                out += "):\n";
                print_unknown(out, x);
            }
        }
    }
    if (revoked_.empty()) {
        out += "\tNo revoked certificates.\n";
    } else {
        out += "\tRevoked certificates (" + std::to_string(revoked_.size()) + "):\n";
        for (const auto &r : revoked_) {
            out += "\t\tSerial Number (hex): ";
            put_hex(out, r.serial);
            out += "\n\t\tRevoked at: ";
            put_time(out, r.when);
            out += '\n';
        }
    }
    if (unsigned_only)
        return Err::ok;
    out += "\tSignature Algorithm: ";
    int sign = signature_algorithm();
    const algo::Sign *sa = sign > 0 ? algo::sign(sign) : nullptr;
    std::string oid;
    if (sa)
        out += sa->name;
    else if (ok(signature_oid(oid)))
        out += oid;
    else
        out += "unknown";
    out += '\n';
    if (sa && !sa->secure_for_certs)
        out += "warning: signed using a broken signature algorithm that can be forged.\n";
    out += "\tSignature:\n";
    std::vector<std::uint8_t> sig;
    std::size_t bits = 0;
    if (ok(node_.read_bits("signature", sig, bits))) {
        static const char digits[] = "0123456789abcdef";
        for (std::size_t i = 0; i < sig.size(); i++) {
            out += (i % 16 == 0) ? "\t\t" : ":";
            out += digits[sig[i] >> 4];
            out += digits[sig[i] & 15];
            if (i % 16 == 15 || i + 1 == sig.size())
                out += '\n';
        }
    }
    return Err::ok;
}

bool Crl::issued_by(const Certificate &issuer) const
{
    Bytes mine, theirs;
    if (!ok(issuer_raw(mine)) || !ok(issuer.subject_raw(theirs)))
        return false;
    if (std::equal(mine.begin(), mine.end(), theirs.begin(), theirs.end()))
        return true;
    // Different encodings of what may be the same name: compare the text forms.
    std::string a, b;
    if (!ok(dn_to_string(mine, a)) || !ok(dn_to_string(theirs, b)))
        return false;
    return a == b;
}

unsigned Crl::verify_status(const std::vector<const Certificate *> &cas, unsigned flags,
                            std::time_t now) const
{
    constexpr unsigned kInvalid = GNUTLS_CERT_INVALID;
    const Certificate *issuer = nullptr;
    for (const Certificate *c : cas)
        if (c && !c->empty() && issued_by(*c)) {
            issuer = c;
            break;
        }
    // The update times are checked whatever the flags and the issuer.
    unsigned st = 0;
    if (this_update() > now)
        st |= GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE | kInvalid;
    std::time_t next = next_update();
    if (next != static_cast<std::time_t>(-1) && next < now)
        st |= GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED | kInvalid;
    if (!issuer)
        return st | GNUTLS_CERT_SIGNER_NOT_FOUND | kInvalid;
    if (!(flags & GNUTLS_VERIFY_DISABLE_CA_SIGN)) {
        bool crit = false, ca = false;
        int pathlen = -1;
        bool has_bc = ok(issuer->basic_constraints(crit, ca, pathlen));
        if (!(has_bc && ca))
            st |= GNUTLS_CERT_SIGNER_NOT_CA | kInvalid;
        unsigned usage = 0;
        if (ok(issuer->key_usage(usage, crit)) && !(usage & GNUTLS_KEY_CRL_SIGN))
            st |= GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE | kInvalid;
    }
    Bytes tbs, alg;
    std::vector<std::uint8_t> sig;
    gnutls_sign_algorithm_t sign = GNUTLS_SIGN_UNKNOWN;
    PssParams pss;
    if (!ok(tbs_raw(tbs)) || !ok(signature_algorithm_raw(alg)) || !ok(signature_value(sig)) ||
        !ok(decode_signature_algorithm(alg, sign, pss)) || !algo::sign(sign)) {
        st |= GNUTLS_CERT_SIGNATURE_FAILURE | kInvalid;
    } else {
        const algo::Sign *row = algo::sign(sign);
        // Lists signed with SHA-1 pass; only algorithms broken outright fail.
        if (!row->secure && !(flags & GNUTLS_VERIFY_ALLOW_BROKEN))
            st |= GNUTLS_CERT_INSECURE_ALGORITHM | kInvalid;
        Bytes spki;
        PublicKey key;
        VerifyOptions opt;
        opt.allow_broken = true;
        opt.for_certificate = true;
        if (!ok(issuer->spki_raw(spki)) || !ok(key.import_spki(spki)) ||
            !ok(key.verify_data(sign, tbs, sig, pss.present ? &pss : nullptr, opt)))
            st |= GNUTLS_CERT_SIGNATURE_FAILURE | kInvalid;
    }
    return st;
}

Err pem_crls(Bytes text, std::vector<std::vector<std::uint8_t>> &out)
{
    out.clear();
    std::size_t from = 0;
    for (;;) {
        encoding::PemBlock block;
        Err e = encoding::pem_find(text, "X509 CRL", block, from);
        if (e == Err::base64_unexpected_header)
            break;
        if (!ok(e))
            return e;
        from = block.next;
        std::vector<std::uint8_t> der;
        if (Err d = encoding::base64_decode(block.body, der); !ok(d))
            return d;
        out.push_back(std::move(der));
    }
    return Err::ok;
}

}  // namespace tlshim::x509
