// SPDX-License-Identifier: LGPL-2.1-or-later
// Certificate and extension descriptions (gnutls_x509_crt_print layouts).
#include "core/x509/print.hh"

#include <cstdio>
#include <cstring>

#include "core/algo/algo.hh"
#include "core/algo/errors.hh"
#include "core/crypto/hash.hh"
#include "core/encoding/base64.hh"
#include "core/encoding/text.hh"
#include "core/x509/dn.hh"
#include "core/x509/ext.hh"

namespace tlshim::x509 {

namespace {

const char kHex[] = "0123456789abcdef";

void append_hex(std::string &out, Bytes b)
{
    for (auto c : b) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
}

// Colon-separated hex, 16 octets a line, each line after `prefix`.
void hex_lines(std::string &out, Bytes b, const char *prefix)
{
    for (std::size_t i = 0; i < b.size(); i++) {
        if (i % 16 == 0)
            out += prefix;
        out += kHex[b[i] >> 4];
        out += kHex[b[i] & 15];
        if (i + 1 == b.size() || i % 16 == 15)
            out += '\n';
        else
            out += ':';
    }
}

// An integer's magnitude as GnuTLS shows it: no redundant leading zeros,
// and a zero octet in front when the top bit is set.
std::vector<std::uint8_t> mpi_form(Bytes v)
{
    std::size_t i = 0;
    while (i < v.size() && v[i] == 0)
        i++;
    std::vector<std::uint8_t> out;
    if (i < v.size() && (v[i] & 0x80))
        out.push_back(0);
    out.insert(out.end(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
    return out;
}

std::size_t bit_length(Bytes v)
{
    std::size_t i = 0;
    while (i < v.size() && v[i] == 0)
        i++;
    if (i == v.size())
        return 0;
    std::size_t bits = (v.size() - i) * 8;
    for (std::uint8_t b = v[i]; !(b & 0x80); b = static_cast<std::uint8_t>(b << 1))
        bits--;
    return bits;
}

const char *const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string long_time(std::time_t t)
{
    struct tm tm;
    if (gmtime_r(&t, &tm) == nullptr)
        return "unknown";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %s %02d %02d:%02d:%02d UTC %d", kDays[tm.tm_wday % 7],
                  kMonths[tm.tm_mon % 12], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  tm.tm_year + 1900);
    return buf;
}

std::string short_time(std::time_t t)
{
    struct tm tm;
    if (gmtime_r(&t, &tm) == nullptr)
        return "unknown";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%d-%02d-%02d %02d:%02d:%02d UTC", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

std::string errtext(Err e) { return algo::error_message(static_cast<int>(e)); }

void error_line(std::string &out, const char *what, Err e)
{
    out += "error: ";
    out += what;
    out += ": ";
    out += errtext(e);
    out += '\n';
}

// ---- public key material ---------------------------------------------------

struct KeyMaterial {
    int pk = GNUTLS_PK_UNKNOWN;
    unsigned bits = 0;
    // RSA: n, e; DSA: y, p, q, g; EC: x, y; EdDSA: x.
    std::vector<std::uint8_t> a, b, c, d;
    gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;
    bool pss_params = false;
    gnutls_digest_algorithm_t pss_hash = GNUTLS_DIG_UNKNOWN;
    unsigned long pss_salt = 20;
};

// Decodes the certificate's public key.  Err::unknown_pk_algorithm for a
// key type GnuTLS does not know (nothing is printed about those).
Err decode_key(const Certificate &cert, KeyMaterial &k)
{
    Bytes spki;
    if (Err e = cert.spki_raw(spki); !ok(e))
        return e;
    asn1::Node n;
    if (Err e = n.decode("SubjectPublicKeyInfo", spki); !ok(e))
        return e;
    std::string oid;
    if (Err e = n.read_oid("algorithm.algorithm", oid); !ok(e))
        return e;
    const algo::Pk *pk = algo::pk_by_oid(oid);
    if (!pk)
        return Err::unknown_pk_algorithm;
    k.pk = pk->id;
    std::vector<std::uint8_t> key;
    std::size_t keybits = 0;
    if (Err e = n.read_bits("subjectPublicKey", key, keybits); !ok(e))
        return e;
    std::vector<std::uint8_t> params;
    bool has_params = ok(n.read("algorithm.parameters", params));
    switch (k.pk) {
    case GNUTLS_PK_RSA:
    case GNUTLS_PK_RSA_PSS: {
        asn1::Node r;
        if (Err e = r.decode("RSAPublicKey", key); !ok(e))
            return e;
        std::vector<std::uint8_t> nn, ee;
        if (Err e = r.read("modulus", nn); !ok(e))
            return e;
        if (Err e = r.read("publicExponent", ee); !ok(e))
            return e;
        k.a = mpi_form(nn);
        k.b = mpi_form(ee);
        k.bits = static_cast<unsigned>(bit_length(nn));
        if (k.pk == GNUTLS_PK_RSA_PSS && has_params && !params.empty() &&
            !(params.size() == 2 && params[0] == 0x05)) {
            asn1::Node pp;
            if (Err e = pp.decode("RSASSA-PSS-params", params); !ok(e))
                return e;
            std::string h;
            if (!ok(pp.read_oid("hashAlgorithm.algorithm", h)))
                h = "1.3.14.3.2.26";
            const algo::Mac *d = algo::digest_by_oid(h);
            if (!d)
                return Err::unknown_hash_algorithm;
            k.pss_hash = static_cast<gnutls_digest_algorithm_t>(d->id);
            unsigned long salt = 20;
            if (ok(pp.read_uint("saltLength", salt)))
                k.pss_salt = salt;
            k.pss_params = true;
        }
        return Err::ok;
    }
    case GNUTLS_PK_DSA: {
        if (!has_params)
            return Err::asn1_element_not_found;
        asn1::Node dp, dy;
        if (Err e = dp.decode("DSAParameters", params); !ok(e))
            return e;
        if (Err e = dy.decode("DSAPublicKey", key); !ok(e))
            return e;
        std::vector<std::uint8_t> y, p, q, g;
        if (Err e = dy.read("", y); !ok(e))
            return e;
        if (Err e = dp.read("p", p); !ok(e))
            return e;
        if (Err e = dp.read("q", q); !ok(e))
            return e;
        if (Err e = dp.read("g", g); !ok(e))
            return e;
        k.a = mpi_form(y);
        k.b = mpi_form(p);
        k.c = mpi_form(q);
        k.d = mpi_form(g);
        k.bits = static_cast<unsigned>(bit_length(p));
        return Err::ok;
    }
    case GNUTLS_PK_ECDSA: {
        if (!has_params)
            return Err::asn1_element_not_found;
        asn1::Node ep;
        if (Err e = ep.decode("ECParameters", params); !ok(e))
            return e;
        std::string curve;
        if (Err e = ep.read_oid("namedCurve", curve); !ok(e))
            return e;
        const algo::Curve *c = algo::curve_by_oid(curve);
        if (!c)
            return Err::ecc_unsupported_curve;
        k.curve = c->id;
        std::size_t size = c->size;
        if (key.size() != 1 + 2 * size || key[0] != 0x04)
            return Err::parsing_error;
        k.a = mpi_form(Bytes(key).subspan(1, size));
        k.b = mpi_form(Bytes(key).subspan(1 + size, size));
        unsigned bits = 0;
        cert.pk_algorithm(&bits);
        k.bits = bits;
        return Err::ok;
    }
    case GNUTLS_PK_EDDSA_ED25519:
    case GNUTLS_PK_EDDSA_ED448:
    case GNUTLS_PK_ECDH_X25519:
    case GNUTLS_PK_ECDH_X448: {
        k.curve = k.pk == GNUTLS_PK_EDDSA_ED25519 ? GNUTLS_ECC_CURVE_ED25519
                  : k.pk == GNUTLS_PK_EDDSA_ED448 ? GNUTLS_ECC_CURVE_ED448
                  : k.pk == GNUTLS_PK_ECDH_X25519 ? GNUTLS_ECC_CURVE_X25519
                                                  : GNUTLS_ECC_CURVE_X448;
        const algo::Curve *c = algo::curve(k.curve);
        if (c && key.size() != c->size)
            return Err::parsing_error;
        k.a = key;
        unsigned bits = 0;
        cert.pk_algorithm(&bits);
        k.bits = bits;
        return Err::ok;
    }
    default:
        return Err::unimplemented;
    }
}

std::string sha_b64(Bytes data)
{
    std::uint8_t h[32];
    crypto::Hash::compute(GNUTLS_DIG_SHA256, data, h);
    std::vector<std::uint8_t> out;
    Writer w(out);
    encoding::base64_encode(Bytes(h, 32), w);
    return std::string(out.begin(), out.end());
}

std::string digest_hex(gnutls_digest_algorithm_t alg, Bytes data)
{
    std::uint8_t h[crypto::kMaxHashSize];
    if (!ok(crypto::Hash::compute(alg, data, h)))
        return {};
    std::string s;
    append_hex(s, Bytes(h, crypto::hash_output_size(alg)));
    return s;
}

void ascii_dump(std::string &out, Bytes b)
{
    for (auto c : b)
        out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '.';
}

const char *crit_text(bool critical) { return critical ? "critical" : "not critical"; }

// ---- general names ---------------------------------------------------------

void print_gn(std::string &out, const std::string &prefix, const GeneralName &gn, bool constraint = false)
{
    auto text_name = [&](const char *label, bool check) {
        std::string v(gn.data.begin(), gn.data.end());
        bool illegal = false;
        bool nul = false;
        for (auto &ch : v) {
            auto c = static_cast<unsigned char>(ch);
            if (c < 0x20 || c >= 0x7f)
                illegal = true;
            if (c == 0) {
                nul = true;
                ch = '!';
            }
        }
        if (nul)
            out += "warning: SAN contains an embedded NUL, replacing with '!'\n";
        out += prefix;
        out += label;
        out += ": ";
        out += v;
        if (check && illegal)
            out += " (contains illegal chars)";
        out += '\n';
    };
    switch (gn.type) {
    case GNUTLS_SAN_DNSNAME:
        text_name("DNSname", true);
        return;
    case GNUTLS_SAN_RFC822NAME:
        text_name("RFC822Name", true);
        return;
    case GNUTLS_SAN_URI:
        text_name("URI", false);
        return;
    case GNUTLS_SAN_IPADDRESS: {
        char buf[128];
        bool good = constraint ? encoding::cidr_to_string(gn.data, buf)
                               : (gn.data.size() == 4 || gn.data.size() == 16) && encoding::ip_to_string(gn.data, buf);
        out += prefix;
        out += "IPAddress: ";
        out += good ? buf : "(error)";
        out += '\n';
        return;
    }
    case GNUTLS_SAN_DN: {
        std::string dn;
        dn_to_string(gn.data, dn, true);
        out += prefix;
        out += "directoryName: ";
        out += dn;
        out += '\n';
        return;
    }
    case GNUTLS_SAN_REGISTERED_ID:
        out += prefix;
        out += "Registered ID: ";
        out.append(gn.data.begin(), gn.data.end());
        out += '\n';
        return;
    case GNUTLS_SAN_OTHERNAME: {
        if (gn.oid == kOidXmppAddr) {
            asn1::Node u;
            std::vector<std::uint8_t> t;
            if (ok(u.decode("XmppAddr", gn.data)) && ok(u.read("", t))) {
                out += prefix;
                out += "XMPP Address: ";
                out.append(t.begin(), t.end());
                out += '\n';
                return;
            }
        } else if (gn.oid == kOidKrb5Principal) {
            asn1::Node u;
            std::vector<std::uint8_t> realm;
            int count = 0;
            if (ok(u.decode("KRB5PrincipalName", gn.data)) && ok(u.read("realm", realm)) &&
                ok(u.count("principalName.name-string", count))) {
                std::string s;
                for (int i = 1; i <= count; i++) {
                    std::vector<std::uint8_t> part;
                    if (!ok(u.read("principalName.name-string.?" + std::to_string(i), part)))
                        break;
                    if (i > 1)
                        s += '/';
                    s.append(part.begin(), part.end());
                }
                s += '@';
                s.append(realm.begin(), realm.end());
                out += prefix;
                out += "KRB5Principal: ";
                out += s;
                out += '\n';
                return;
            }
        }
        out += prefix;
        out += "otherName OID: ";
        out += gn.oid;
        out += '\n';
        out += prefix;
        out += "otherName DER: ";
        append_hex(out, gn.data);
        out += '\n';
        out += prefix;
        out += "otherName ASCII: ";
        ascii_dump(out, gn.data);
        out += '\n';
        return;
    }
    default:
        return;
    }
}

// ---- extensions ------------------------------------------------------------

std::string tabs(unsigned n) { return std::string(n, '\t'); }

void header(std::string &out, unsigned indent, const char *name, bool critical)
{
    out += tabs(indent);
    out += name;
    out += " (";
    out += crit_text(critical);
    out += "):\n";
}

void print_key_usage(std::string &out, const std::string &p, unsigned u)
{
    static const struct {
        unsigned bit;
        const char *text;
    } kBits[] = {
        {GNUTLS_KEY_DIGITAL_SIGNATURE, "Digital signature."},
        {GNUTLS_KEY_NON_REPUDIATION, "Non repudiation."},
        {GNUTLS_KEY_KEY_ENCIPHERMENT, "Key encipherment."},
        {GNUTLS_KEY_DATA_ENCIPHERMENT, "Data encipherment."},
        {GNUTLS_KEY_KEY_AGREEMENT, "Key agreement."},
        {GNUTLS_KEY_KEY_CERT_SIGN, "Certificate signing."},
        {GNUTLS_KEY_CRL_SIGN, "CRL signing."},
        {GNUTLS_KEY_ENCIPHER_ONLY, "Key encipher only."},
        {GNUTLS_KEY_DECIPHER_ONLY, "Key decipher only."},
    };
    for (const auto &b : kBits)
        if (u & b.bit) {
            out += p;
            out += b.text;
            out += '\n';
        }
}

const char *purpose_name(const std::string &oid)
{
    static const struct {
        const char *oid;
        const char *name;
    } kNames[] = {
        {GNUTLS_KP_TLS_WWW_SERVER, "TLS WWW Server."},
        {GNUTLS_KP_TLS_WWW_CLIENT, "TLS WWW Client."},
        {GNUTLS_KP_CODE_SIGNING, "Code signing."},
        {GNUTLS_KP_EMAIL_PROTECTION, "Email protection."},
        {GNUTLS_KP_TIME_STAMPING, "Time stamping."},
        {GNUTLS_KP_OCSP_SIGNING, "OCSP signing."},
        {GNUTLS_KP_IPSEC_IKE, "Ipsec IKE."},
        {GNUTLS_KP_ANY, "Any purpose."},
    };
    for (const auto &n : kNames)
        if (oid == n.oid)
            return n.name;
    return nullptr;
}

void print_name_constraints(std::string &out, const std::string &p, Bytes der, Err &err)
{
    asn1::Node n;
    if (Err e = n.decode("NameConstraints", der); !ok(e)) {
        err = e;
        return;
    }
    const char *parts[2][2] = {{"permittedSubtrees", "Permitted:"}, {"excludedSubtrees", "Excluded:"}};
    for (auto &part : parts) {
        int count = 0;
        if (!ok(n.count(part[0], count)) || count == 0)
            continue;
        std::vector<GeneralName> names;
        for (int i = 1; i <= count; i++) {
            GeneralName gn;
            Err e = read_general_name(n, der, std::string(part[0]) + ".?" + std::to_string(i) + ".base", gn);
            if (e == Err::x509_unknown_san)
                continue;
            if (!ok(e)) {
                err = e;
                return;
            }
            names.push_back(std::move(gn));
        }
        if (names.empty())
            continue;
        out += p;
        out += part[1];
        out += '\n';
        for (const auto &gn : names)
            print_gn(out, p + "\t", gn, true);
    }
}

}  // namespace

void print_extension(const Extension &x, unsigned indent, bool numbers, std::string &out)
{
    (void)numbers;
    const std::string p = tabs(indent + 1);
    const std::string &oid = x.oid;
    if (oid == kOidBasicConstraints) {
        header(out, indent, "Basic Constraints", x.critical);
        BasicConstraintsExt bc;
        if (Err e = decode_basic_constraints(x.value, bc); !ok(e)) {
            error_line(out, "get_basic_constraints", e);
            return;
        }
        out += p + "Certificate Authority (CA): " + (bc.ca ? "TRUE" : "FALSE") + "\n";
        if (bc.pathlen >= 0)
            out += p + "Path Length Constraint: " + std::to_string(bc.pathlen) + "\n";
    } else if (oid == kOidExtKeyUsage) {
        header(out, indent, "Key Purpose", x.critical);
        std::vector<std::string> oids;
        if (Err e = decode_key_purposes(x.value, oids); !ok(e)) {
            error_line(out, "gnutls_x509_ext_import_key_purposes", e);
            return;
        }
        for (const auto &o : oids) {
            const char *name = purpose_name(o);
            out += p + (name ? name : o) + "\n";
        }
    } else if (oid == kOidSubjectKeyId) {
        header(out, indent, "Subject Key Identifier", x.critical);
        std::vector<std::uint8_t> id;
        if (Err e = decode_subject_key_id(x.value, id); !ok(e)) {
            error_line(out, "get_subject_key_id", e);
            return;
        }
        out += p;
        append_hex(out, id);
        out += '\n';
    } else if (oid == kOidAuthorityKeyId) {
        header(out, indent, "Authority Key Identifier", x.critical);
        AuthorityKeyIdExt aki;
        if (Err e = decode_authority_key_id(x.value, aki); !ok(e)) {
            error_line(out, "gnutls_x509_ext_import_authority_key_id", e);
            return;
        }
        for (const auto &gn : aki.issuer)
            print_gn(out, p, gn);
        if (aki.has_serial) {
            out += p + "serial: ";
            append_hex(out, aki.serial);
            out += '\n';
        }
        if (aki.has_id) {
            out += p;
            append_hex(out, aki.id);
            out += '\n';
        }
    } else if (oid == kOidKeyUsage) {
        header(out, indent, "Key Usage", x.critical);
        unsigned u = 0;
        if (Err e = decode_key_usage(x.value, u); !ok(e)) {
            error_line(out, "get_key_usage", e);
            return;
        }
        print_key_usage(out, p, u);
    } else if (oid == kOidSubjectAltName || oid == kOidIssuerAltName) {
        bool san = oid == kOidSubjectAltName;
        header(out, indent, san ? "Subject Alternative Name" : "Issuer Alternative Name", x.critical);
        std::vector<GeneralName> names;
        if (Err e = decode_general_names(x.value, names); !ok(e)) {
            error_line(out, san ? "get_subject_alt_name" : "get_issuer_alt_name", e);
            return;
        }
        for (const auto &gn : names)
            print_gn(out, p, gn);
    } else if (oid == kOidCrlDistPoints) {
        header(out, indent, "CRL Distribution points", x.critical);
        std::vector<CrlDistPoint> dps;
        if (Err e = decode_crl_dist_points(x.value, dps); !ok(e)) {
            error_line(out, "gnutls_x509_ext_import_crl_dist_points", e);
            return;
        }
        for (const auto &dp : dps)
            print_gn(out, p, dp.name);
    } else if (oid == kOidPolicies) {
        std::vector<Policy> pols;
        if (Err e = decode_policies(x.value, pols); !ok(e)) {
            error_line(out, "certificate policies import", e);
            return;
        }
        header(out, indent, "Certificate Policies", x.critical);
        for (const auto &pol : pols) {
            out += p + pol.oid;
            if (pol.oid == "2.5.29.32.0")
                out += " (anyPolicy)";
            out += '\n';
            for (const auto &q : pol.qualifiers) {
                if (q.type == GNUTLS_X509_QUALIFIER_URI)
                    out += p + "\tURI: " + q.data + "\n";
                else if (q.type == GNUTLS_X509_QUALIFIER_NOTICE)
                    out += p + "\tNote: " + q.data + "\n";
                else
                    out += p + "\tUnknown qualifier: (null)\n";
            }
        }
    } else if (oid == kOidNameConstraints) {
        header(out, indent, "Name Constraints", x.critical);
        Err e = Err::ok;
        print_name_constraints(out, p, x.value, e);
        if (!ok(e))
            error_line(out, "get_name_constraints", e);
    } else if (oid == kOidInhibitAnyPolicy) {
        unsigned skip = 0;
        if (Err e = decode_inhibit_anypolicy(x.value, skip); !ok(e)) {
            error_line(out, "get_inhibit_anypolicy", e);
            return;
        }
        out += tabs(indent) + "Inhibit anyPolicy skip certs: " + std::to_string(skip) + " (" +
               crit_text(x.critical) + ")\n";
    } else if (oid == kOidAia) {
        header(out, indent, "Authority Information Access", x.critical);
        std::vector<AccessDescription> ads;
        if (Err e = decode_aia(x.value, ads); !ok(e)) {
            error_line(out, "get_aia", e);
            return;
        }
        for (const auto &ad : ads) {
            const char *what = ad.method == "1.3.6.1.5.5.7.48.1"   ? "id-ad-ocsp"
                               : ad.method == "1.3.6.1.5.5.7.48.2" ? "id-ad-caIssuers"
                                                                   : "UNKNOWN";
            out += p + "Access Method: " + ad.method + " (" + what + ")\n";
            out += p + "Access Location ";
            print_gn(out, "", ad.location);
        }
    } else if (oid == kOidProxy) {
        header(out, indent, "Proxy Certificate Information", x.critical);
        ProxyExt px;
        if (Err e = decode_proxy(x.value, px); !ok(e)) {
            error_line(out, "get_proxy", e);
            return;
        }
        if (px.pathlen >= 0)
            out += p + "Path Length Constraint: " + std::to_string(px.pathlen) + "\n";
        out += p + "Policy Language: " + px.language;
        if (px.language == "1.3.6.1.5.5.7.21.1")
            out += " (id-ppl-inheritALL)";
        else if (px.language == "1.3.6.1.5.5.7.21.2")
            out += " (id-ppl-independent)";
        out += '\n';
        if (px.has_policy && !px.policy.empty()) {
            out += p + "Policy:\n" + p + "\tASCII: ";
            ascii_dump(out, px.policy);
            out += "\n" + p + "\tHexdump: ";
            append_hex(out, px.policy);
            out += '\n';
        }
    } else if (oid == kOidTlsFeatures) {
        header(out, indent, "TLS Features", x.critical);
        std::vector<std::uint16_t> f;
        if (Err e = decode_tlsfeatures(x.value, f); !ok(e)) {
            error_line(out, "get_tlsfeatures", e);
            return;
        }
        for (auto v : f) {
            if (v == 5)
                out += p + "OCSP Status Request(5)\n";
            else
                out += p + std::to_string(v) + "\n";
        }
    } else if (oid == kOidPrivateKeyUsagePeriod) {
        header(out, indent, "Private Key Usage Period", x.critical);
        PrivateKeyUsagePeriod pk;
        if (Err e = decode_private_key_usage_period(x.value, pk); !ok(e)) {
            error_line(out, "get_private_key_usage_period", e);
            return;
        }
        if (pk.not_before != static_cast<std::time_t>(-1))
            out += p + "Not Before: " + long_time(pk.not_before) + "\n";
        if (pk.not_after != static_cast<std::time_t>(-1))
            out += p + "Not After: " + long_time(pk.not_after) + "\n";
    } else {
        out += tabs(indent) + "Unknown extension " + oid + " (" + crit_text(x.critical) + "):\n";
        out += p + "ASCII: ";
        ascii_dump(out, x.value);
        out += "\n" + p + "Hexdump: ";
        append_hex(out, x.value);
        out += '\n';
    }
}

Err certificate_key_id(const Certificate &cert, gnutls_digest_algorithm_t hash, std::vector<std::uint8_t> &out)
{
    KeyMaterial k;
    if (Err e = decode_key(cert, k); !ok(e))
        return e;
    Bytes spki;
    if (Err e = cert.spki_raw(spki); !ok(e))
        return e;
    out.resize(crypto::hash_output_size(hash));
    if (out.empty())
        return Err::invalid_request;
    return crypto::Hash::compute(hash, spki, out.data());
}

namespace {

void print_key(std::string &out, const KeyMaterial &k, bool numbers)
{
    auto field = [&](const std::string &label, Bytes v) {
        out += "\t\t" + label + ":";
        if (numbers) {
            out += ' ';
            append_hex(out, v);
            out += '\n';
        } else {
            out += '\n';
            hex_lines(out, v, "\t\t\t");
        }
    };
    // The size shown is that of the magnitude in whole octets.
    auto bits_of = [](Bytes v) {
        std::size_t i = 0;
        while (i < v.size() && v[i] == 0)
            i++;
        return std::to_string((v.size() - i) * 8);
    };
    switch (k.pk) {
    case GNUTLS_PK_RSA:
    case GNUTLS_PK_RSA_PSS:
        if (k.pss_params) {
            const algo::Mac *d = algo::digest(k.pss_hash);
            out += "\t\tParameters:\n\t\t\tHash Algorithm: ";
            out += d ? d->name : "unknown";
            out += "\n\t\t\tSalt Length: " + std::to_string(k.pss_salt) + "\n";
        }
        field("Modulus (bits " + bits_of(k.a) + ")", k.a);
        field("Exponent (bits " + bits_of(k.b) + ")", k.b);
        break;
    case GNUTLS_PK_DSA:
        field("Public key (bits " + bits_of(k.b) + ")", k.a);
        field("P", k.b);
        field("Q", k.c);
        field("G", k.d);
        break;
    case GNUTLS_PK_ECDSA:
    case GNUTLS_PK_EDDSA_ED25519:
    case GNUTLS_PK_EDDSA_ED448:
    case GNUTLS_PK_ECDH_X25519:
    case GNUTLS_PK_ECDH_X448: {
        const algo::Curve *c = algo::curve(k.curve);
        out += "\t\tCurve:\t";
        out += c ? c->name : "unknown";
        out += '\n';
        field("X", k.a);
        if (k.pk == GNUTLS_PK_ECDSA)
            field("Y", k.b);
        break;
    }
    default:
        break;
    }
}

std::string pk_label(const Certificate &cert, Bytes spki, unsigned *bits)
{
    int r = cert.pk_algorithm(bits);
    const char *name = r > 0 ? algo::pk_name(r) : nullptr;
    if (name)
        return name;
    if (bits && r < 0)
        *bits = 0;
    asn1::Node n;
    std::string oid;
    if (ok(n.decode("SubjectPublicKeyInfo", spki)))
        n.read_oid("algorithm.algorithm", oid);
    return oid;
}

std::string sign_label(const Certificate &cert, const algo::Sign **sign)
{
    int id = cert.signature_algorithm();
    const algo::Sign *s = id > 0 ? algo::sign(id) : nullptr;
    *sign = s;
    if (s)
        return s->name;
    Bytes alg;
    std::string oid;
    asn1::Node n;
    if (ok(cert.signature_algorithm_raw(alg)) && ok(n.decode("AlgorithmIdentifier", alg)))
        n.read_oid("algorithm", oid);
    return oid;
}

void oneline(const Certificate &cert, std::string &out)
{
    std::string dn;
    // An empty name reads "no subject," (no space follows).
    if (Err e = cert.subject_dn(dn, true); ok(e))
        out += "subject `" + dn + "', ";
    else if (e == Err::requested_data_not_available)
        out += "no subject,";
    else
        out += "unknown subject (" + errtext(e) + "), ";
    if (Err e = cert.issuer_dn(dn, true); ok(e))
        out += "issuer `" + dn + "', ";
    else if (e == Err::requested_data_not_available)
        out += "no issuer,";
    else
        out += "unknown issuer (" + errtext(e) + "), ";
    std::vector<std::uint8_t> serial;
    if (ok(cert.serial(serial))) {
        out += "serial 0x";
        append_hex(out, serial);
        out += ", ";
    }
    Bytes spki;
    cert.spki_raw(spki);
    unsigned bits = 0;
    std::string pk = pk_label(cert, spki, &bits);
    out += pk + " key " + std::to_string(bits) + " bits, ";
    const algo::Sign *s = nullptr;
    std::string sig = sign_label(cert, &s);
    out += "signed using " + sig;
    if (s && !s->secure_for_certs)
        out += " (broken!)";
    out += ", ";
    out += "activated `" + short_time(cert.activation_time()) + "', ";
    out += "expires `" + short_time(cert.expiration_time()) + "', ";
    if (const Extension *x = cert.extension(kOidProxy)) {
        ProxyExt px;
        if (ok(decode_proxy(x->value, px)))
            out += "proxy certificate (policy=" + px.language + ", pathlen=" + std::to_string(px.pathlen) + "), ";
    }
    KeyMaterial k;
    if (ok(decode_key(cert, k)))
        out += "pin-sha256=\"" + sha_b64(spki) + "\"";
}

void key_ids(const Certificate &cert, std::string &out)
{
    KeyMaterial k;
    Bytes spki;
    if (!ok(decode_key(cert, k)) || !ok(cert.spki_raw(spki)))
        return;
    out += "\tPublic Key ID:\n\t\tsha1:" + digest_hex(GNUTLS_DIG_SHA1, spki) + "\n\t\tsha256:" +
           digest_hex(GNUTLS_DIG_SHA256, spki) + "\n";
    out += "\tPublic Key PIN:\n\t\tpin-sha256:" + sha_b64(spki) + "\n";
}

void full(const Certificate &cert, int format, std::string &out)
{
    bool unsigned_full = format == GNUTLS_CRT_PRINT_UNSIGNED_FULL;
    bool numbers = format == GNUTLS_CRT_PRINT_FULL_NUMBERS;
    out += "X.509 Certificate Information:\n";
    out += "\tVersion: " + std::to_string(cert.version()) + "\n";
    std::vector<std::uint8_t> serial;
    if (ok(cert.serial(serial))) {
        out += "\tSerial Number (hex): ";
        append_hex(out, serial);
        out += '\n';
    }
    std::string dn;
    if (!unsigned_full) {
        if (Err e = cert.issuer_dn(dn, true); ok(e))
            out += "\tIssuer: " + dn + "\n";
        else if (e == Err::requested_data_not_available)
            out += "\tIssuer:\n";
        else
            error_line(out, "get_issuer_dn", e);
    }
    out += "\tValidity:\n";
    out += "\t\tNot Before: " + long_time(cert.activation_time()) + "\n";
    out += "\t\tNot After: " + long_time(cert.expiration_time()) + "\n";
    if (Err e = cert.subject_dn(dn, true); ok(e))
        out += "\tSubject: " + dn + "\n";
    else if (e == Err::requested_data_not_available)
        out += "\tSubject:\n";
    else
        error_line(out, "get_dn", e);

    Bytes spki;
    cert.spki_raw(spki);
    KeyMaterial k;
    Err ke = decode_key(cert, k);
    if (!ok(ke) && ke != Err::unknown_pk_algorithm)
        out += "error importing public key: " + errtext(ke) + "\n";
    out += "\tSubject Public Key Algorithm: " + pk_label(cert, spki, nullptr) + "\n";
    if (ok(ke)) {
        gnutls_sec_param_t sp = algo::pk_bits_to_sec_param(k.pk, k.bits);
        const algo::SecParam *s = algo::sec_param(sp);
        out += "\tAlgorithm Security Level: ";
        out += s ? s->name : "Unknown";
        out += " (" + std::to_string(k.bits) + " bits)\n";
        print_key(out, k, numbers);
    }

    std::vector<std::uint8_t> uid;
    if (ok(cert.issuer_unique_id(uid))) {
        out += "\tIssuer Unique ID:\n";
        hex_lines(out, uid, "\t\t\t");
    }
    if (ok(cert.subject_unique_id(uid))) {
        out += "\tSubject Unique ID:\n";
        hex_lines(out, uid, "\t\t\t");
    }

    if (!cert.extensions().empty()) {
        out += "\tExtensions:\n";
        for (const auto &x : cert.extensions())
            print_extension(x, 2, numbers, out);
    }

    if (!unsigned_full) {
        const algo::Sign *s = nullptr;
        out += "\tSignature Algorithm: " + sign_label(cert, &s) + "\n";
        if (s && s->pk == GNUTLS_PK_RSA_PSS) {
            Bytes alg;
            asn1::Node n, pp;
            std::vector<std::uint8_t> params;
            unsigned long salt = 20;
            if (ok(cert.signature_algorithm_raw(alg)) && ok(n.decode("AlgorithmIdentifier", alg)) &&
                ok(n.read("parameters", params)) && ok(pp.decode("RSASSA-PSS-params", params)))
                pp.read_uint("saltLength", salt);
            out += "\t\tSalt Length: " + std::to_string(salt) + "\n";
        }
        if (s && !s->secure_for_certs)
            out += "warning: signed using a broken signature algorithm that can be forged.\n";
        std::vector<std::uint8_t> sig;
        if (Err e = cert.signature_value(sig); ok(e)) {
            out += "\tSignature:\n";
            hex_lines(out, sig, "\t\t");
        } else {
            error_line(out, "get_signature", e);
        }
    }

    out += "Other Information:\n";
    if (!unsigned_full) {
        std::vector<std::uint8_t> der;
        cert.reencode(der);
        out += "\tFingerprint:\n\t\tsha1:" + digest_hex(GNUTLS_DIG_SHA1, der) + "\n\t\tsha256:" +
               digest_hex(GNUTLS_DIG_SHA256, der) + "\n";
    }
    key_ids(cert, out);
}

}  // namespace

Err print_certificate(const Certificate &cert, int format, std::string &out)
{
    out.clear();
    if (cert.empty())
        return Err::invalid_request;
    switch (format) {
    case GNUTLS_CRT_PRINT_ONELINE:
        oneline(cert, out);
        break;
    case GNUTLS_CRT_PRINT_COMPACT:
        oneline(cert, out);
        out += '\n';
        key_ids(cert, out);
        break;
    default:
        full(cert, format, out);
        break;
    }
    return Err::ok;
}

}  // namespace tlshim::x509
