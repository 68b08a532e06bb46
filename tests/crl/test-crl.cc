// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the Crl class: decoding and accessors on a known list, the
// issuer check and signature verification against its CA, and robustness:
// every truncation and single-bit change of the input gives an error or a
// consistent object, never a crash.
#include "core/global.hh"
#include "core/x509/certificate.hh"
#include "core/x509/crl.hh"

#include <cstring>
#include <string>
#include <vector>

#include "../unit/check-main.hh"

using namespace tlshim;

namespace {

// Made with certtool for this test: issuer CN "unit CA" (Ed25519), v2,
// thisUpdate 2024-02-01 00:00:00, nextUpdate 2036-11-23 08:47:07, one entry
// (serial 0x1234, revoked 2024-01-02 03:04:05), authority key id and CRL
// number 5.
const char kCrl[] =
    "-----BEGIN X509 CRL-----\n"
    "MIHRMIGEAgEBMAUGAytlcDASMRAwDgYDVQQDEwd1bml0IENBFw0yNDAyMDEwMDAw\n"
    "MDBaFw0zNjExMjMwODQ3MDdaMBUwEwICEjQXDTI0MDEwMjAzMDQwNVqgLzAtMB8G\n"
    "A1UdIwQYMBaAFHeqw3L1bbKSXav0Num8oW1jfnkBMAoGA1UdFAQDAgEFMAUGAytl\n"
    "cANBAKs8MgmQJTSbr478s72UEhMY/xBSxfk1nfAeedZ9l1dak/JllxsnFnNoloKa\n"
    "LSJs4wGU8aZjt7+5bUChnJNf/wg=\n"
    "-----END X509 CRL-----\n";

// Its issuer.
const char kCa[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBFDCBx6ADAgECAgEJMAUGAytlcDASMRAwDgYDVQQDEwd1bml0IENBMB4XDTI2\n"
    "MTEyNjA4NDcwNloXDTM2MTEyMzA4NDcwNlowEjEQMA4GA1UEAxMHdW5pdCBDQTAq\n"
    "MAUGAytlcAMhAIOyQIjuqP8x7AZWeW5lhVpbYfZ49sBtyFGSuuGokS+Uo0IwQDAP\n"
    "BgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBAjAdBgNVHQ4EFgQUd6rDcvVt\n"
    "spJdq/Q26byhbWN+eQEwBQYDK2VwA0EAJHybM8B0fUG/Ya/5EEycb1iJO1d5c/y5\n"
    "uGcBHsXbWJT0GNyJI5jnC3DkbRdOeDmsfJIIc/emQ2Vr2RqHumppAg==\n"
    "-----END CERTIFICATE-----\n";

Bytes text(const char *s) { return Bytes(reinterpret_cast<const std::uint8_t *>(s), std::strlen(s)); }

void setup() { ck_assert_int_eq(static_cast<int>(global::init()), 0); }
void teardown() { global::deinit(); }

// Uses every accessor, so that a damaged object is exercised.
void touch(const x509::Crl &c)
{
    std::string s;
    std::vector<std::uint8_t> v;
    Bytes b;
    bool crit = false;
    (void)c.version();
    (void)c.issuer_dn(s);
    (void)c.issuer_dn(s, true);
    (void)c.this_update();
    (void)c.next_update();
    (void)c.signature_algorithm();
    (void)c.tbs_raw(b);
    (void)c.signature_value(v);
    (void)c.authority_key_id(v, crit);
    (void)c.number(v, crit);
    (void)c.issuer_attribute("2.5.4.3", 0, false, v);
    (void)c.issuer_oid(0, s);
    (void)c.reencode(v);
    unsigned type = 0;
    std::vector<std::uint8_t> ser;
    (void)c.authority_key_gn_serial(0, type, v, ser, crit);
    ck_assert_int_eq(static_cast<int>(c.print(GNUTLS_CRT_PRINT_FULL, s)), 0);
    ck_assert(!s.empty());
}

}  // namespace

START_TEST(decode_fields)
{
    x509::Crl c;
    ck_assert_int_eq(static_cast<int>(c.import_pem(text(kCrl))), 0);
    ck_assert(!c.empty());
    ck_assert_int_eq(c.version(), 2);
    std::string dn;
    ck_assert_int_eq(static_cast<int>(c.issuer_dn(dn)), 0);
    ck_assert_str_eq(dn.c_str(), "CN=unit CA");
    ck_assert_int_eq(static_cast<long>(c.this_update()), 1706745600L);
    ck_assert_int_eq(static_cast<long>(c.next_update()), 2111042827L);
    ck_assert_int_eq(c.signature_algorithm(), GNUTLS_SIGN_EDDSA_ED25519);
    ck_assert_uint_eq(c.revoked().size(), 1);
    const auto &r = c.revoked()[0];
    ck_assert_uint_eq(r.serial.size(), 2);
    ck_assert_uint_eq(r.serial[0], 0x12);
    ck_assert_uint_eq(r.serial[1], 0x34);
    ck_assert_int_eq(static_cast<long>(r.when), 1704164645L);
    const std::uint8_t yes[] = {0x12, 0x34}, no[] = {0x12, 0x35};
    ck_assert(c.is_revoked(Bytes(yes, 2)));
    ck_assert(!c.is_revoked(Bytes(no, 2)));
    std::vector<std::uint8_t> num;
    bool crit = true;
    ck_assert_int_eq(static_cast<int>(c.number(num, crit)), 0);
    ck_assert(!crit);
    ck_assert_uint_eq(num.size(), 1);
    ck_assert_uint_eq(num[0], 5);
    std::vector<std::uint8_t> akid;
    ck_assert_int_eq(static_cast<int>(c.authority_key_id(akid, crit)), 0);
    ck_assert_uint_eq(akid.size(), 20);
    ck_assert_uint_eq(akid[0], 0x77);
    ck_assert_uint_eq(c.extensions().size(), 2);
    std::vector<std::uint8_t> re;
    ck_assert_int_eq(static_cast<int>(c.reencode(re)), 0);
    Bytes der = c.der();
    ck_assert(re.size() == der.size() && std::memcmp(re.data(), der.data(), re.size()) == 0);
    std::string out;
    ck_assert_int_eq(static_cast<int>(c.print(GNUTLS_CRT_PRINT_FULL, out)), 0);
    ck_assert_msg(out.find("\t\tSerial Number (hex): 1234\n") != std::string::npos, "%s", out.c_str());
    ck_assert_msg(out.find("\t\tCRL Number (not critical): 05\n") != std::string::npos, "%s", out.c_str());
}
END_TEST

START_TEST(verify_with_issuer)
{
    x509::Crl c;
    x509::Certificate ca;
    ck_assert_int_eq(static_cast<int>(c.import_pem(text(kCrl))), 0);
    ck_assert_int_eq(static_cast<int>(ca.import_pem(text(kCa))), 0);
    ck_assert(c.issued_by(ca));
    std::vector<const x509::Certificate *> cas{&ca};
    ck_assert_uint_eq(c.verify_status(cas, 0, 1800000000), 0);
    // After nextUpdate, and before thisUpdate.
    ck_assert_uint_eq(c.verify_status(cas, 0, 2200000000),
                      GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED | GNUTLS_CERT_INVALID);
    ck_assert_uint_eq(c.verify_status(cas, 0, 1600000000),
                      GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE | GNUTLS_CERT_INVALID);
    ck_assert_uint_eq(c.verify_status({}, 0, 1800000000),
                      GNUTLS_CERT_SIGNER_NOT_FOUND | GNUTLS_CERT_INVALID);
    // A changed signature byte.
    std::vector<std::uint8_t> der(c.der().begin(), c.der().end());
    der[der.size() - 5] ^= 0x01;
    x509::Crl bad;
    ck_assert_int_eq(static_cast<int>(bad.import_der(der)), 0);
    ck_assert_uint_eq(bad.verify_status(cas, 0, 1800000000),
                      GNUTLS_CERT_SIGNATURE_FAILURE | GNUTLS_CERT_INVALID);
}
END_TEST

START_TEST(pem_lists)
{
    std::string two = std::string(kCa) + kCrl + "junk\n" + kCrl;
    std::vector<std::vector<std::uint8_t>> ders;
    ck_assert_int_eq(static_cast<int>(x509::pem_crls(text(two.c_str()), ders)), 0);
    ck_assert_uint_eq(ders.size(), 2);
    x509::Crl c;
    ck_assert_int_eq(static_cast<int>(c.import_pem(text(kCa))), GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);
    ck_assert(c.empty());
}
END_TEST

START_TEST(damaged_inputs)
{
    x509::Crl good;
    ck_assert_int_eq(static_cast<int>(good.import_pem(text(kCrl))), 0);
    std::vector<std::uint8_t> der(good.der().begin(), good.der().end());
    // Every truncation fails cleanly.
    for (std::size_t n = 0; n < der.size(); n++) {
        x509::Crl c;
        Err e = c.import_der(Bytes(der.data(), n));
        ck_assert_msg(!ok(e), "truncated to %zu accepted", n);
        ck_assert(c.empty());
    }
    // Every single-bit change either fails or gives a usable object.
    unsigned accepted = 0;
    for (std::size_t i = 0; i < der.size(); i++)
        for (int bit = 0; bit < 8; bit++) {
            std::vector<std::uint8_t> m = der;
            m[i] ^= static_cast<std::uint8_t>(1u << bit);
            x509::Crl c;
            if (ok(c.import_der(m))) {
                accepted++;
                touch(c);
            } else {
                ck_assert(c.empty());
            }
        }
    // Changes inside values (names, times, signature) still decode.
    ck_assert_uint_gt(accepted, 0);
    // Trailing garbage is refused.
    der.push_back(0);
    x509::Crl c;
    ck_assert(!ok(c.import_der(der)));
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("crl");
    TCase *tc = tcase_create("crl");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, decode_fields);
    tcase_add_test(tc, verify_with_issuer);
    tcase_add_test(tc, pem_lists);
    tcase_add_test(tc, damaged_inputs);
    suite_add_tcase(s, tc);
    return s;
}
