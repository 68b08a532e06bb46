// SPDX-License-Identifier: LGPL-2.1-or-later
// Distinguished names: decoding with libtasn1 and RFC 4514 text.
#include "core/x509/dn.hh"

#include <cstring>
#include <string_view>

#include "core/asn1/asn1.hh"

namespace tlshim::x509 {

namespace {

// The string type an attribute's value must have to be printed as text.
enum class Kind { directory, printable, ia5 };

struct DnAttr {
    const char *oid;
    const char *name;  // null: known (printed as text) but without a short name
    Kind kind = Kind::directory;
};

// Attribute types GnuTLS prints by name (RFC 4519, RFC 4524, RFC 3039,
// PKCS #9, CA/B forum EV jurisdiction, Russian qualified-certificate ids).
constexpr DnAttr kAttrs[] = {
    {"2.5.4.3", "CN"},
    {"2.5.4.4", "surName"},
    {"2.5.4.5", "serialNumber"},
    {"2.5.4.6", "C", Kind::printable},
    {"2.5.4.7", "L"},
    {"2.5.4.8", "ST"},
    {"2.5.4.9", "street"},
    {"2.5.4.10", "O"},
    {"2.5.4.11", "OU"},
    {"2.5.4.12", "title"},
    {"2.5.4.13", "description"},
    {"2.5.4.15", "businessCategory"},
    {"2.5.4.17", "postalCode"},
    {"2.5.4.20", "telephoneNumber"},
    {"2.5.4.41", "name"},
    {"2.5.4.42", "givenName"},
    {"2.5.4.43", "initials"},
    {"2.5.4.44", "generationQualifier"},
    {"2.5.4.46", "dnQualifier"},
    {"2.5.4.65", "pseudonym"},
    {"0.9.2342.19200300.100.1.1", "UID"},
    {"0.9.2342.19200300.100.1.25", "DC", Kind::ia5},
    {"1.2.840.113549.1.9.1", "EMAIL", Kind::ia5},
    {"1.2.840.113549.1.9.7", nullptr},
    {"1.3.6.1.5.5.7.9.2", "placeOfBirth"},
    {"1.3.6.1.5.5.7.9.3", "gender", Kind::printable},
    {"1.3.6.1.5.5.7.9.4", "countryOfCitizenship", Kind::printable},
    {"1.3.6.1.5.5.7.9.5", "countryOfResidence", Kind::printable},
    {"1.3.6.1.4.1.311.60.2.1.1", "jurisdictionOfIncorporationLocalityName"},
    {"1.3.6.1.4.1.311.60.2.1.2", "jurisdictionOfIncorporationStateOrProvinceName"},
    {"1.3.6.1.4.1.311.60.2.1.3", "jurisdictionOfIncorporationCountryName", Kind::printable},
    {"1.2.643.3.131.1.1", "INN"},
    {"1.2.643.100.1", "OGRN"},
    {"1.2.643.100.3", "SNILS"},
    {"1.2.643.100.5", "OGRNIP"},
};

const DnAttr *find_attr(std::string_view oid) noexcept
{
    for (const auto &a : kAttrs)
        if (oid == a.oid)
            return &a;
    return nullptr;
}

void put_utf8(std::string &out, std::uint32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xe0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

// UCS-2 (BMPString) or UCS-4 (UniversalString), big-endian, to UTF-8.
bool ucs_to_utf8(Bytes in, std::size_t width, std::string &out)
{
    // A trailing partial character is dropped.
    Reader r(in.first(in.size() - in.size() % width));
    while (!r.empty()) {
        std::uint32_t c;
        if (width == 2) {
            std::uint16_t v;
            if (!r.u16(v))
                return false;
            c = v;
            if (c >= 0xd800 && c <= 0xdbff) {
                std::uint16_t lo;
                if (!r.u16(lo) || lo < 0xdc00 || lo > 0xdfff)
                    return false;
                c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
            } else if (c >= 0xdc00 && c <= 0xdfff) {
                return false;
            }
        } else {
            if (!r.u32(c) || c > 0x10ffff)
                return false;
        }
        put_utf8(out, c);
    }
    return true;
}

void hex_form(Bytes der, std::string &out)
{
    static const char digits[] = "0123456789abcdef";
    out += '#';
    for (auto b : der) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
}

// RFC 4514 section 2.4 escaping.
void escape(std::string_view v, std::string &out)
{
    for (std::size_t i = 0; i < v.size(); i++) {
        char c = v[i];
        bool esc = std::strchr(",+\"\\<>;", c) != nullptr && c != '\0';
        if (i == 0 && (c == '#' || c == ' '))
            esc = true;
        if (i + 1 == v.size() && c == ' ')
            esc = true;
        if (esc)
            out += '\\';
        out += c;
    }
}

}  // namespace

const char *dn_oid_name(std::string_view oid) noexcept
{
    const DnAttr *a = find_attr(oid);
    return a ? a->name : nullptr;
}

bool dn_oid_known(std::string_view oid) noexcept { return find_attr(oid) != nullptr; }

Err dn_value_to_string(std::string_view oid, Bytes der, std::string &out)
{
    const DnAttr *attr = find_attr(oid);
    if (!attr) {
        hex_form(der, out);
        return Err::ok;
    }
    asn1::Node n;
    if (Err e = n.decode("DirectoryString", der); !ok(e)) {
        hex_form(der, out);
        return Err::ok;
    }
    std::vector<std::uint8_t> which;
    if (Err e = n.read("", which); !ok(e))
        return e;
    std::string choice(which.begin(), which.end());
    while (!choice.empty() && choice.back() == '\0')
        choice.pop_back();
    bool expected = attr->kind == Kind::printable ? choice == "printableString"
                    : attr->kind == Kind::ia5   ? choice == "ia5String"
                                                : choice != "ia5String";
    if (!expected) {
        hex_form(der, out);
        return Err::ok;
    }
    std::vector<std::uint8_t> v;
    if (Err e = n.read(choice, v); !ok(e))
        return e;
    if (v.empty()) {
        hex_form(der, out);
        return Err::ok;
    }
    std::string text;
    // A TeletexString outside printable ASCII, or a UniversalString that is
    // not whole characters, is shown as '#' and the hex of its contents,
    // escaped as text (so the '#' gets a backslash), as GnuTLS does.
    auto content_hex = [&] {
        text.clear();
        hex_form(v, text);
    };
    if (choice == "bmpString") {
        if (!ucs_to_utf8(v, 2, text)) {
            hex_form(der, out);
            return Err::ok;
        }
    } else if (choice == "universalString") {
        if (v.size() % 4 != 0 || !ucs_to_utf8(v, 4, text))
            content_hex();
    } else if (choice == "teletexString") {
        bool printable = true;
        for (auto b : v)
            if (b < 0x20 || b > 0x7e)
                printable = false;
        if (printable)
            text.assign(v.begin(), v.end());
        else
            content_hex();
    } else {
        text.assign(v.begin(), v.end());
    }
    // A value with an embedded NUL cannot be text: GnuTLS prints it in hex.
    if (text.find('\0') != std::string::npos) {
        hex_form(der, out);
        return Err::ok;
    }
    escape(text, out);
    return Err::ok;
}

Err dn_to_string(Bytes name_der, std::string &out, bool reverse)
{
    out.clear();
    asn1::Node n;
    if (Err e = n.decode("RDNSequence", name_der); !ok(e))
        return e;
    int rdns = 0;
    if (Err e = n.count("", rdns); !ok(e))
        return e;
    if (rdns == 0)
        return Err::requested_data_not_available;
    for (int k = 0; k < rdns; k++) {
        int i = reverse ? rdns - k : k + 1;
        std::string rdn = "?" + std::to_string(i);
        int attrs = 0;
        if (Err e = n.count(rdn, attrs); !ok(e))
            return e;
        if (k != 0)
            out += ',';
        for (int j = 1; j <= attrs; j++) {
            std::string base = rdn + ".?" + std::to_string(j);
            std::string oid;
            if (Err e = n.read_oid(base + ".type", oid); !ok(e))
                return e;
            std::vector<std::uint8_t> value;
            if (Err e = n.read(base + ".value", value); !ok(e))
                return e;
            if (j > 1)
                out += '+';
            const char *name = dn_oid_name(oid);
            out += name ? name : oid;
            out += '=';
            if (Err e = dn_value_to_string(oid, value, out); !ok(e))
                return e;
        }
    }
    return Err::ok;
}

Err DnObject::assign(Bytes name_der)
{
    der.assign(name_der.begin(), name_der.end());
    rdns.clear();
    if (der.empty())
        return Err::ok;
    asn1::Node n;
    if (Err e = n.decode("RDNSequence", der); !ok(e)) {
        der.clear();
        return e;
    }
    int count = 0;
    if (Err e = n.count("", count); !ok(e))
        return e;
    for (int i = 1; i <= count; i++) {
        std::string rdn = "?" + std::to_string(i);
        int attrs = 0;
        if (Err e = n.count(rdn, attrs); !ok(e))
            return e;
        std::vector<Ava> set;
        for (int j = 1; j <= attrs; j++) {
            std::string base = rdn + ".?" + std::to_string(j);
            Ava a;
            if (Err e = n.read_oid(base + ".type", a.oid); !ok(e))
                return e;
            if (Err e = n.raw_der(der, base + ".value", a.value_der); !ok(e))
                return e;
            // Tag and contents of the value's TLV.
            Bytes v = a.value_der;
            if (v.size() < 2)
                return Err::asn1_der_error;
            unsigned char cls = 0;
            int taglen = 0;
            unsigned long tag = 0;
            if (asn1_get_tag_der(v.data(), static_cast<int>(v.size()), &cls, &taglen, &tag) != ASN1_SUCCESS)
                return Err::asn1_der_error;
            int lenlen = 0;
            long l = asn1_get_length_der(v.data() + taglen, static_cast<int>(v.size()) - taglen, &lenlen);
            if (l < 0 || static_cast<std::size_t>(taglen + lenlen + l) > v.size())
                return Err::asn1_der_error;
            a.tag = tag;
            a.value = v.subspan(static_cast<std::size_t>(taglen + lenlen), static_cast<std::size_t>(l));
            set.push_back(std::move(a));
        }
        rdns.push_back(std::move(set));
    }
    return Err::ok;
}

std::vector<const Ava *> DnObject::all() const
{
    std::vector<const Ava *> out;
    for (const auto &set : rdns)
        for (const auto &a : set)
            out.push_back(&a);
    return out;
}

const Ava *DnObject::find(std::string_view oid, unsigned indx) const
{
    for (const auto &set : rdns)
        for (const auto &a : set)
            if (a.oid == oid && indx-- == 0)
                return &a;
    return nullptr;
}

Err ava_text(const Ava &ava, std::string &out)
{
    out.clear();
    return dn_value_to_string(ava.oid, ava.value_der, out);
}

}  // namespace tlshim::x509
