// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the core's identity matching (host names, IP addresses) and
// name constraints, with the behaviour observed on GnuTLS 3.7.9.
#include "core/x509/constraints.hh"
#include "core/x509/hostname.hh"

#include <cstring>
#include <string>

#include "../unit/check-main.hh"

using namespace tlshim;
using namespace tlshim::x509;

START_TEST(dns_exact_and_case)
{
    ck_assert(dns_name_matches("www.example.com", "www.example.com", true));
    ck_assert(dns_name_matches("WWW.Example.COM", "www.example.com", true));
    ck_assert(dns_name_matches("www.example.com", "WWW.EXAMPLE.COM", false));
    ck_assert(!dns_name_matches("www.example.com", "www.example.com.", true));
    ck_assert(!dns_name_matches("www.example.com", "example.com", true));
    ck_assert(!dns_name_matches("", "", true));
    ck_assert(!dns_name_matches("example.com", "", true));
}
END_TEST

START_TEST(dns_wildcards)
{
    // One left-most label, possibly empty.
    ck_assert(dns_name_matches("*.example.com", "www.example.com", true));
    ck_assert(dns_name_matches("*.example.com", "xn--abc.example.com", true));
    ck_assert(dns_name_matches("*.example.com", ".example.com", true));
    ck_assert(!dns_name_matches("*.example.com", "a.b.example.com", true));
    ck_assert(!dns_name_matches("*.example.com", "example.com", true));
    // Disabled wildcards leave only the literal comparison.
    ck_assert(!dns_name_matches("*.example.com", "www.example.com", false));
    ck_assert(dns_name_matches("*.example.com", "*.example.com", false));
    // '*' must open the label; a suffix after it is allowed.
    ck_assert(dns_name_matches("*w.example.com", "www.example.com", true));
    ck_assert(dns_name_matches("*w.example.com", "w.example.com", true));
    ck_assert(!dns_name_matches("*w.example.com", "wa.example.com", true));
    ck_assert(!dns_name_matches("w*.example.com", "wa.example.com", true));
    ck_assert(!dns_name_matches("a.*.example.com", "a.x.example.com", true));
    ck_assert(!dns_name_matches("xn--*.example.com", "xn--abc.example.com", true));
    // At least two labels after the wildcard.
    ck_assert(!dns_name_matches("*.com", "foo.com", true));
    ck_assert(!dns_name_matches("*", "anything", true));
    ck_assert(dns_name_matches("*.co.uk", "x.co.uk", true));
    ck_assert(dns_name_matches("*.xn--caf-dma.example", "a.xn--caf-dma.example", true));
}
END_TEST

START_TEST(ip_parsing)
{
    std::vector<std::uint8_t> ip;
    ck_assert(parse_ip_address("192.0.2.1", ip));
    ck_assert_uint_eq(ip.size(), 4);
    ck_assert_uint_eq(ip[0], 192);
    ck_assert_uint_eq(ip[3], 1);
    ck_assert(parse_ip_address("2001:DB8:0:0::1", ip));
    ck_assert_uint_eq(ip.size(), 16);
    ck_assert_uint_eq(ip[1], 0x01);
    ck_assert_uint_eq(ip[15], 1);
    ck_assert(!parse_ip_address("www.example.com", ip));
    ck_assert(!parse_ip_address("192.0.2", ip));
    ck_assert(!parse_ip_address("", ip));
}
END_TEST

static NameConstraint nc(gnutls_x509_subject_alt_name_t t, std::string_view v)
{
    NameConstraint c;
    c.type = t;
    c.data.assign(v.begin(), v.end());
    return c;
}

START_TEST(constraints_dns)
{
    NameConstraints n;
    n.permitted.push_back(nc(GNUTLS_SAN_DNSNAME, "example.com"));
    n.excluded.push_back(nc(GNUTLS_SAN_DNSNAME, "bad.example.com"));
    ck_assert(n.check(GNUTLS_SAN_DNSNAME, as_bytes("example.com")));
    ck_assert(n.check(GNUTLS_SAN_DNSNAME, as_bytes("a.example.com")));
    ck_assert(n.check(GNUTLS_SAN_DNSNAME, as_bytes("EXAMPLE.COM")));
    ck_assert(!n.check(GNUTLS_SAN_DNSNAME, as_bytes("notexample.com")));
    ck_assert(!n.check(GNUTLS_SAN_DNSNAME, as_bytes("www.example.org")));
    ck_assert(!n.check(GNUTLS_SAN_DNSNAME, as_bytes("bad.example.com")));
    ck_assert(!n.check(GNUTLS_SAN_DNSNAME, as_bytes("x.bad.example.com")));
    // Types without constraints are unrestricted.
    ck_assert(n.check(GNUTLS_SAN_RFC822NAME, as_bytes("a@other.com")));
}
END_TEST

START_TEST(constraints_email)
{
    NameConstraints n;
    n.permitted.push_back(nc(GNUTLS_SAN_RFC822NAME, "example.com"));
    n.permitted.push_back(nc(GNUTLS_SAN_RFC822NAME, ".example.net"));
    n.excluded.push_back(nc(GNUTLS_SAN_RFC822NAME, "boss@example.com"));
    ck_assert(n.check(GNUTLS_SAN_RFC822NAME, as_bytes("a@example.com")));
    ck_assert(!n.check(GNUTLS_SAN_RFC822NAME, as_bytes("a@sub.example.com")));
    ck_assert(n.check(GNUTLS_SAN_RFC822NAME, as_bytes("a@sub.example.net")));
    ck_assert(!n.check(GNUTLS_SAN_RFC822NAME, as_bytes("a@example.net")));
    ck_assert(!n.check(GNUTLS_SAN_RFC822NAME, as_bytes("BOSS@example.com")));
}
END_TEST

START_TEST(constraints_ip)
{
    NameConstraints n;
    NameConstraint c;
    c.type = GNUTLS_SAN_IPADDRESS;
    c.data = {192, 0, 2, 0, 255, 255, 255, 0};
    n.permitted.push_back(c);
    const std::uint8_t in[4] = {192, 0, 2, 77}, out[4] = {198, 51, 100, 1};
    const std::uint8_t v6[16] = {0x20, 0x01, 0x0d, 0xb8};
    ck_assert(n.check(GNUTLS_SAN_IPADDRESS, Bytes(in, 4)));
    ck_assert(!n.check(GNUTLS_SAN_IPADDRESS, Bytes(out, 4)));
    // IPv4 subtrees do not restrict IPv6 addresses.
    ck_assert(n.check(GNUTLS_SAN_IPADDRESS, Bytes(v6, 16)));
}
END_TEST

START_TEST(constraints_dn_prefix)
{
    // SEQUENCE { SET { SEQUENCE { OID 2.5.4.10, UTF8String "Ex" } } }
    const std::uint8_t o[] = {0x30, 0x0d, 0x31, 0x0b, 0x30, 0x09, 0x06, 0x03, 0x55,
                              0x04, 0x0a, 0x0c, 0x02, 'E',  'x'};
    // The same RDN followed by CN=a.
    const std::uint8_t ocn[] = {0x30, 0x19, 0x31, 0x0b, 0x30, 0x09, 0x06, 0x03, 0x55, 0x04,
                                0x0a, 0x0c, 0x02, 'E',  'x',  0x31, 0x0a, 0x30, 0x08, 0x06,
                                0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 'a'};
    const std::uint8_t other[] = {0x30, 0x0d, 0x31, 0x0b, 0x30, 0x09, 0x06, 0x03, 0x55,
                                  0x04, 0x0a, 0x0c, 0x02, 'E',  'y'};
    NameConstraint c;
    c.type = GNUTLS_SAN_DN;
    c.data.assign(o, o + sizeof o);
    ck_assert(name_constraint_matches(c, Bytes(ocn, sizeof ocn)));
    ck_assert(name_constraint_matches(c, Bytes(o, sizeof o)));
    ck_assert(!name_constraint_matches(c, Bytes(other, sizeof other)));
    c.data.assign(ocn, ocn + sizeof ocn);
    ck_assert(!name_constraint_matches(c, Bytes(o, sizeof o)));
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("verify");
    TCase *t = tcase_create("core");
    tcase_add_test(t, dns_exact_and_case);
    tcase_add_test(t, dns_wildcards);
    tcase_add_test(t, ip_parsing);
    tcase_add_test(t, constraints_dns);
    tcase_add_test(t, constraints_email);
    tcase_add_test(t, constraints_ip);
    tcase_add_test(t, constraints_dn_prefix);
    suite_add_tcase(s, t);
    return s;
}
