// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the ASN.1 layer (definitions, Node, time parsing) and of the
// X.509 Certificate class and DN formatting.
#include "core/asn1/asn1.hh"
#include "core/global.hh"
#include "core/x509/certificate.hh"
#include "core/x509/dn.hh"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "../unit/check-main.hh"

using namespace tlshim;

namespace {

// An Ed25519 self-signed certificate made with certtool for this test:
// CN "unit, test", serial 42, 2020-01-02 03:04:05 .. 2051-06-07 08:09:10,
// basicConstraints CA (critical), SAN dNSName a.example + iPAddress
// 192.0.2.7, keyUsage keyCertSign (critical), subjectKeyIdentifier.
const char kPem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBODCB66ADAgECAgEqMAUGAytlcDAVMRMwEQYDVQQDEwp1bml0LCB0ZXN0MCAX\n"
    "DTIwMDEwMjAzMDQwNVoYDzIwNTEwNjA3MDgwOTEwWjAVMRMwEQYDVQQDEwp1bml0\n"
    "LCB0ZXN0MCowBQYDK2VwAyEALgY3r/4X4nl77hUIm6qAXXkHBRuvhuMRrpRGYzFQ\n"
    "JeijXjBcMA8GA1UdEwEB/wQFMAMBAf8wGgYDVR0RBBMwEYIJYS5leGFtcGxlhwTA\n"
    "AAIHMA4GA1UdDwEB/wQEAwICBDAdBgNVHQ4EFgQUaocFLCQW0ntkyxOl+z9xQncx\n"
    "0lkwBQYDK2VwA0EAKUeU9IKk63LfUzeaZLy9tH4nGfk5AojxdY7GOLxXydHqq93x\n"
    "JH7SogYWuJUCVdPnW5hCSNHVFFF+xctbyiUKAQ==\n"
    "-----END CERTIFICATE-----\n";

void setup() { ck_assert_int_eq(static_cast<int>(global::init()), 0); }
void teardown() { global::deinit(); }

}  // namespace

START_TEST(definitions_parse)
{
    ck_assert_ptr_nonnull(asn1::definitions());
    const char *types[] = {"Certificate", "TBSCertificate", "Name", "DirectoryString",
                           "SubjectPublicKeyInfo", "Extensions", "BasicConstraints",
                           "GeneralNames", "AuthorityKeyIdentifier", "NameConstraints",
                           "CRLDistributionPoints", "CertificatePolicies",
                           "AuthorityInfoAccessSyntax", "CertificateList", "RSAPublicKey",
                           "RSAPrivateKey", "RSASSA-PSS-params", "OneAsymmetricKey",
                           "EncryptedPrivateKeyInfo", "PBES2-params", "PBKDF2-params",
                           "ECPrivateKey", "DSAParameters", "ExtKeyUsageSyntax"};
    for (const char *t : types) {
        asn1::Node n;
        ck_assert_msg(ok(n.create(t)), "type %s", t);
        ck_assert(static_cast<bool>(n));
    }
    asn1::Node n;
    ck_assert(!ok(n.create("NoSuchType")));
}
END_TEST

START_TEST(node_decode_encode)
{
    // BasicConstraints { cA TRUE, pathLen 3 }
    const std::uint8_t der[] = {0x30, 0x06, 0x01, 0x01, 0xff, 0x02, 0x01, 0x03};
    asn1::Node n;
    ck_assert(ok(n.decode("BasicConstraints", Bytes(der, sizeof der))));
    bool ca = false;
    ck_assert(ok(n.read_bool("cA", ca)) && ca);
    unsigned long pl = 0;
    ck_assert(ok(n.read_uint("pathLenConstraint", pl)) && pl == 3);
    std::vector<std::uint8_t> out;
    ck_assert(ok(n.encode("", out)));
    ck_assert_uint_eq(out.size(), sizeof der);
    ck_assert(std::memcmp(out.data(), der, sizeof der) == 0);
    // Trailing data and non-DER BOOLEAN are refused.
    const std::uint8_t trailing[] = {0x30, 0x03, 0x01, 0x01, 0xff, 0x00};
    ck_assert(!ok(n.decode("BasicConstraints", Bytes(trailing, sizeof trailing))));
    // A BOOLEAN of two bytes.
    const std::uint8_t long_bool[] = {0x30, 0x04, 0x01, 0x02, 0x00, 0xff};
    ck_assert(!ok(n.decode("BasicConstraints", Bytes(long_bool, sizeof long_bool))));
    ck_assert(!static_cast<bool>(n));
    // An absent OPTIONAL element.
    const std::uint8_t empty[] = {0x30, 0x00};
    ck_assert(ok(n.decode("BasicConstraints", Bytes(empty, sizeof empty))));
    ck_assert(n.read_uint("pathLenConstraint", pl) == Err::requested_data_not_available);
}
END_TEST

START_TEST(time_parsing)
{
    std::time_t t = 0;
    ck_assert(asn1::parse_time("200102030405Z", false, t) && t == 1577934245);
    ck_assert(asn1::parse_time("20510607080910Z", true, t) && t == 2569738150);
    ck_assert(asn1::parse_time("500101000000Z", false, t) && t == 0);  // 1950 reads as 0
    ck_assert(asn1::parse_time("19009999999999Z", true, t) && t == 0);
    ck_assert(!asn1::parse_time("200102250405Z", false, t));  // hour 25
    ck_assert(asn1::parse_time("491231235959Z", false, t) && t == 2524607999);
    ck_assert(!asn1::parse_time("201302030405Z", false, t));  // month 13
    ck_assert(!asn1::parse_time("2001020304Z0", false, t));
    ck_assert(!asn1::parse_time("", true, t));
}
END_TEST

START_TEST(certificate_import)
{
    x509::Certificate c;
    ck_assert(ok(c.import_pem(as_bytes(kPem))));
    ck_assert_int_eq(c.version(), 3);
    std::vector<std::uint8_t> serial;
    ck_assert(ok(c.serial(serial)) && serial.size() == 1 && serial[0] == 42);
    ck_assert_int_eq(static_cast<long long>(c.activation_time()), 1577934245LL);
    ck_assert_int_eq(static_cast<long long>(c.expiration_time()), 2569738150LL);
    std::string dn;
    ck_assert(ok(c.subject_dn(dn)));
    ck_assert_str_eq(dn.c_str(), "CN=unit\\, test");
    ck_assert(ok(c.issuer_dn(dn)));
    ck_assert_str_eq(dn.c_str(), "CN=unit\\, test");
    unsigned bits = 0;
    ck_assert_int_eq(c.pk_algorithm(&bits), GNUTLS_PK_EDDSA_ED25519);
    ck_assert_uint_eq(bits, 256);
    ck_assert_int_eq(c.signature_algorithm(), GNUTLS_SIGN_EDDSA_ED25519);
    ck_assert_uint_eq(c.extensions().size(), 4);
    bool crit = false, ca = false;
    int pathlen = 0;
    ck_assert(ok(c.basic_constraints(crit, ca, pathlen)) && crit && ca && pathlen == -1);
    unsigned ku = 0;
    ck_assert(ok(c.key_usage(ku, crit)) && ku == GNUTLS_KEY_KEY_CERT_SIGN && crit);
    x509::AltName an;
    ck_assert(ok(c.alt_name(0, an, crit)) && an.type == GNUTLS_SAN_DNSNAME);
    ck_assert(std::string(an.value.begin(), an.value.end()) == "a.example");
    ck_assert(ok(c.alt_name(1, an, crit)) && an.type == GNUTLS_SAN_IPADDRESS);
    ck_assert(an.value == std::vector<std::uint8_t>({192, 0, 2, 7}));
    ck_assert(c.alt_name(2, an, crit) == Err::requested_data_not_available);
    std::vector<std::uint8_t> id;
    ck_assert(ok(c.subject_key_id(id, crit)) && id.size() == 20);
    ck_assert(c.authority_key_id(id, crit) == Err::requested_data_not_available);
    // The DER round trip: exported PEM imports to the same DER.
    std::vector<std::uint8_t> pem;
    ck_assert(ok(c.export_pem(pem)));
    x509::Certificate d;
    ck_assert(ok(d.import_pem(pem)));
    ck_assert(d.der().size() == c.der().size());
    ck_assert(std::memcmp(d.der().data(), c.der().data(), c.der().size()) == 0);
    std::vector<std::uint8_t> re;
    ck_assert(ok(c.reencode(re)) && re.size() == c.der().size());
}
END_TEST

START_TEST(certificate_errors)
{
    x509::Certificate c;
    ck_assert(c.import_pem(as_bytes("no armour here")) == Err::base64_unexpected_header);
    const std::uint8_t junk[] = {0x30, 0x03, 0x02, 0x01, 0x01};
    ck_assert(!ok(c.import_der(Bytes(junk, sizeof junk))));
    ck_assert(c.empty());
    // Truncations of a valid certificate never succeed and never crash.
    x509::Certificate good;
    ck_assert(ok(good.import_pem(as_bytes(kPem))));
    std::vector<std::uint8_t> der(good.der().begin(), good.der().end());
    for (std::size_t n = 0; n < der.size(); n++)
        ck_assert_msg(!ok(c.import_der(Bytes(der.data(), n))), "truncated to %zu", n);
    // A repeated extension: turn the keyUsage OID (2.5.29.15) into basicConstraints (2.5.29.19).
    const std::uint8_t ku_oid[] = {0x06, 0x03, 0x55, 0x1d, 0x0f};
    auto it = std::search(der.begin(), der.end(), ku_oid, ku_oid + sizeof ku_oid);
    ck_assert(it != der.end());
    it[4] = 0x13;
    ck_assert(c.import_der(der) == Err::x509_duplicate_extension);
}
END_TEST

START_TEST(dn_escaping)
{
    auto fmt = [](const char *oid, std::vector<std::uint8_t> der) {
        std::string s;
        ck_assert(ok(x509::dn_value_to_string(oid, der, s)));
        return s;
    };
    // UTF8String with RFC 4514 specials: escaped; '=' is not.
    ck_assert(fmt("2.5.4.3", {0x0c, 0x07, ' ', 'a', ',', '+', '=', '#', ' '}) == std::string("\\ a\\,\\+=#\\ "));
    ck_assert(fmt("2.5.4.3", {0x0c, 0x02, '#', 'x'}) == std::string("\\#x"));
    // BMPString becomes UTF-8; a trailing odd byte is dropped.
    ck_assert(fmt("2.5.4.10", {0x1e, 0x05, 0x00, 'h', 0x00, 0xe9, 0x00}) == std::string("h\xc3\xa9"));
    // Unknown OIDs, embedded NULs and unexpected string types: '#' + hex of the DER.
    ck_assert(fmt("1.2.3.4", {0x0c, 0x01, 'a'}) == std::string("#0c0161"));
    ck_assert(fmt("2.5.4.3", {0x13, 0x02, 'a', 0x00}) == std::string("#13026100"));
    ck_assert(fmt("2.5.4.6", {0x0c, 0x02, 'F', 'R'}) == std::string("#0c024652"));
    ck_assert(fmt("2.5.4.10", {0x16, 0x01, 'o'}) == std::string("#16016f"));
    // Empty values: hex of the DER.  A TeletexString outside printable ASCII
    // or a UniversalString of partial characters: '#' + hex of the contents,
    // escaped as text.
    ck_assert(fmt("2.5.4.3", {0x0c, 0x00}) == std::string("#0c00"));
    ck_assert(fmt("2.5.4.11", {0x14, 0x02, 'H', 0x10}) == std::string("\\#4810"));
    ck_assert(fmt("2.5.4.11", {0x14, 0x02, 'H', 'i'}) == std::string("Hi"));
    ck_assert(fmt("2.5.4.8", {0x1c, 0x01, 'T'}) == std::string("\\#54"));
    ck_assert(fmt("2.5.4.8", {0x1c, 0x04, 0, 0, 0, 'T'}) == std::string("T"));
    ck_assert_str_eq(x509::dn_oid_name("0.9.2342.19200300.100.1.25"), "DC");
    ck_assert_ptr_null(x509::dn_oid_name("2.5.4.97"));
    // A whole name, in encoded order and reversed; multi-valued RDN with '+'.
    const std::vector<std::uint8_t> fixed = {
        0x30, 0x22,
        0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x06, 0x13, 0x01, 'F',
        0x31, 0x14, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 'c',
        0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x0a, 0x0c, 0x01, 'o'};
    std::string s;
    ck_assert(ok(x509::dn_to_string(fixed, s)));
    ck_assert_str_eq(s.c_str(), "C=F,CN=c+O=o");
    ck_assert(ok(x509::dn_to_string(fixed, s, true)));
    ck_assert_str_eq(s.c_str(), "CN=c+O=o,C=F");
    const std::uint8_t empty[] = {0x30, 0x00};
    ck_assert(x509::dn_to_string(Bytes(empty, 2), s) == Err::requested_data_not_available);
}
END_TEST

START_TEST(pem_list)
{
    std::string two = std::string(kPem) + "junk\n" + kPem;
    std::vector<std::vector<std::uint8_t>> ders;
    ck_assert(ok(x509::pem_certificates(as_bytes(two), ders)));
    ck_assert_uint_eq(ders.size(), 2);
    ck_assert(ders[0] == ders[1]);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("x509");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, definitions_parse);
    tcase_add_test(tc, node_decode_encode);
    tcase_add_test(tc, time_parsing);
    tcase_add_test(tc, certificate_import);
    tcase_add_test(tc, certificate_errors);
    tcase_add_test(tc, dn_escaping);
    tcase_add_test(tc, pem_list);
    suite_add_tcase(s, tc);
    return s;
}
