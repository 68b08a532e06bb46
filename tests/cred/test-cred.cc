// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the credential helpers in core/x509/credentials: OCSP
// response decoding (on responses assembled here from DER pieces),
// matching a response to a certificate, PEM splitting and file reading.
#include "core/x509/credentials.hh"
#include "core/crypto/hash.hh"
#include "core/global.hh"

#include <gnutls/gnutls.h>

#include <cstdio>
#include <string>
#include <vector>

#include "../unit/check-main.hh"

using namespace tlshim;
using V = std::vector<std::uint8_t>;

namespace {

void setup() { ck_assert_int_eq(static_cast<int>(global::init()), 0); }
void teardown() { global::deinit(); }

V tlv(std::uint8_t tag, const V &content)
{
    V out{tag};
    std::size_t n = content.size();
    if (n < 0x80) {
        out.push_back(static_cast<std::uint8_t>(n));
    } else if (n < 0x100) {
        out.push_back(0x81);
        out.push_back(static_cast<std::uint8_t>(n));
    } else {
        out.push_back(0x82);
        out.push_back(static_cast<std::uint8_t>(n >> 8));
        out.push_back(static_cast<std::uint8_t>(n));
    }
    out.insert(out.end(), content.begin(), content.end());
    return out;
}

V cat(std::initializer_list<V> parts)
{
    V out;
    for (const auto &p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

V str(const char *s) { return V(s, s + std::char_traits<char>::length(s)); }

const V sha1_oid = {0x2b, 0x0e, 0x03, 0x02, 0x1a};
const V basic_oid = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01};

V single(const V &name_hash, const V &serial, bool with_next)
{
    V certid = tlv(0x30, cat({tlv(0x30, cat({tlv(0x06, sha1_oid), tlv(0x05, {})})),
                              tlv(0x04, name_hash), tlv(0x04, V(20, 0x11)), tlv(0x02, serial)}));
    V body = cat({certid, tlv(0x80, {}), tlv(0x18, str("20260101000000Z"))});
    if (with_next)
        body = cat({body, tlv(0xa0, tlv(0x18, str("20300102030405Z")))});
    return tlv(0x30, body);
}

// An OCSPResponse whose basic response holds the given single responses.
V response(const V &singles, std::uint8_t status = 0)
{
    V tbs = tlv(0x30, cat({tlv(0xa2, tlv(0x04, V(20, 0x22))), tlv(0x18, str("20260101000000Z")),
                           tlv(0x30, singles)}));
    V basic = tlv(0x30, cat({tbs, tlv(0x30, tlv(0x06, {0x2a, 0x03})), tlv(0x03, {0x00, 0x01})}));
    V bytes = tlv(0xa0, tlv(0x30, cat({tlv(0x06, basic_oid), tlv(0x04, basic)})));
    return tlv(0x30, cat({tlv(0x0a, {status}), bytes}));
}

}  // namespace

START_TEST(ocsp_parse_fields)
{
    V hash(20, 0x33);
    V der = response(cat({single(hash, {0x04}, true), single(hash, {0x01, 0x00}, false)}));
    std::vector<x509::OcspSingle> out;
    ck_assert_int_eq(static_cast<int>(x509::ocsp_parse(der, out)), 0);
    ck_assert_uint_eq(out.size(), 2);
    ck_assert_int_eq(out[0].hash, GNUTLS_DIG_SHA1);
    ck_assert(out[0].issuer_name_hash == hash);
    ck_assert(out[0].serial == V{0x04});
    // 2030-01-02 03:04:05 UTC
    ck_assert_int_eq(static_cast<long long>(out[0].next_update), 1893553445LL);
    ck_assert(out[1].serial == (V{0x01, 0x00}));
    ck_assert_int_eq(static_cast<long long>(out[1].next_update), -1);
}
END_TEST

START_TEST(ocsp_parse_rejects)
{
    std::vector<x509::OcspSingle> out;
    V good = response(single(V(20, 1), {0x05}, true));
    // a certificate-like SEQUENCE in SEQUENCE is not a response
    V notocsp = tlv(0x30, tlv(0x30, tlv(0x02, {0x01})));
    ck_assert_int_eq(static_cast<int>(x509::ocsp_parse(notocsp, out)), GNUTLS_E_ASN1_TAG_ERROR);
    // "tryLater" without a body
    V later = tlv(0x30, tlv(0x0a, {0x03}));
    ck_assert_int_eq(static_cast<int>(x509::ocsp_parse(later, out)), GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    // an unsuccessful status is refused even with a body
    ck_assert_int_eq(static_cast<int>(x509::ocsp_parse(response(single(V(20, 1), {0x05}, true), 1), out)),
                     GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    // every truncation fails without reading past the end
    for (std::size_t n = 0; n < good.size(); n++) {
        V cut(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(n));
        ck_assert_int_ne(static_cast<int>(x509::ocsp_parse(cut, out)), 0);
    }
    ck_assert_int_eq(static_cast<int>(x509::ocsp_parse(good, out)), 0);
    ck_assert_uint_eq(out.size(), 1);
    // a malformed time
    V bad = good;
    for (std::size_t i = 0; i + 4 < bad.size(); i++)
        if (bad[i] == '2' && bad[i + 1] == '0' && bad[i + 2] == '3' && bad[i + 3] == '0')
            bad[i + 2] = 'x';
    ck_assert_int_ne(static_cast<int>(x509::ocsp_parse(bad, out)), 0);
}
END_TEST

START_TEST(ocsp_matches_certificate)
{
    // A minimal certificate: only the fields the matcher reads need to be
    // right, but it must decode, so build a real-looking TBSCertificate.
    V issuer = tlv(0x30, tlv(0x31, tlv(0x30, cat({tlv(0x06, {0x55, 0x04, 0x03}), tlv(0x0c, str("CA"))}))));
    V subject = tlv(0x30, tlv(0x31, tlv(0x30, cat({tlv(0x06, {0x55, 0x04, 0x03}), tlv(0x0c, str("leaf"))}))));
    V alg = tlv(0x30, cat({tlv(0x06, {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02})}));
    V validity = tlv(0x30, cat({tlv(0x17, str("260101000000Z")), tlv(0x17, str("360101000000Z"))}));
    V point(65, 0x04);
    V spki = tlv(0x30, cat({tlv(0x30, cat({tlv(0x06, {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01}),
                                          tlv(0x06, {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07})})),
                            tlv(0x03, cat({V{0x00}, point}))}));
    V tbs = tlv(0x30, cat({tlv(0xa0, tlv(0x02, {0x02})), tlv(0x02, {0x2a}), alg, issuer, validity, subject, spki}));
    V cert = tlv(0x30, cat({tbs, alg, tlv(0x03, {0x00, 0x30, 0x00})}));

    std::uint8_t h[20];
    ck_assert_int_eq(static_cast<int>(crypto::Hash::compute(GNUTLS_DIG_SHA1, issuer, h)), 0);
    V name_hash(h, h + 20);
    std::vector<x509::OcspSingle> out;
    ck_assert_int_eq(static_cast<int>(x509::ocsp_parse(response(cat({single(name_hash, {0x2a}, true),
                                                                     single(name_hash, {0x2b}, true),
                                                                     single(V(20, 0), {0x2a}, true)})),
                                                       out)),
                     0);
    ck_assert_uint_eq(out.size(), 3);
    ck_assert(x509::ocsp_is_about(out[0], cert));
    ck_assert(!x509::ocsp_is_about(out[1], cert));  // other serial
    ck_assert(!x509::ocsp_is_about(out[2], cert));  // other issuer
    ck_assert(!x509::ocsp_is_about(out[0], V{0x30, 0x00}));

    std::vector<std::string> names;
    ck_assert_int_eq(static_cast<int>(x509::certificate_names(cert, names)), 0);
    ck_assert_uint_eq(names.size(), 1);
    ck_assert_str_eq(names[0].c_str(), "leaf");
}
END_TEST

START_TEST(pem_blocks_split)
{
    const char *text =
        "junk\n-----BEGIN OCSP RESPONSE-----\nAQID\n-----END OCSP RESPONSE-----\n"
        "-----BEGIN CERTIFICATE-----\nBAU=\n-----END CERTIFICATE-----\n"
        "-----BEGIN OCSP RESPONSE-----\nBgcI\n-----END OCSP RESPONSE-----\n";
    std::vector<V> out;
    ck_assert_int_eq(static_cast<int>(x509::pem_blocks(as_bytes(text), "OCSP RESPONSE", out)), 0);
    ck_assert_uint_eq(out.size(), 2);
    ck_assert(out[0] == (V{1, 2, 3}));
    ck_assert(out[1] == (V{6, 7, 8}));
    ck_assert_int_eq(static_cast<int>(x509::pem_blocks(as_bytes("no armour"), "OCSP RESPONSE", out)), 0);
    ck_assert(out.empty());
    const char *broken = "-----BEGIN OCSP RESPONSE-----\n!!!!\n-----END OCSP RESPONSE-----\n";
    ck_assert_int_eq(static_cast<int>(x509::pem_blocks(as_bytes(broken), "OCSP RESPONSE", out)),
                     GNUTLS_E_BASE64_DECODING_ERROR);
}
END_TEST

START_TEST(read_file_contents)
{
    char path[] = "/tmp/tlshim-cred-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    std::string big(10000, 'x');
    big[9999] = 'y';
    FILE *f = fdopen(fd, "wb");
    ck_assert_uint_eq(std::fwrite(big.data(), 1, big.size(), f), big.size());
    std::fclose(f);
    V out;
    ck_assert_int_eq(static_cast<int>(x509::read_file(path, out)), 0);
    ck_assert_uint_eq(out.size(), 10000);
    ck_assert_int_eq(out[9999], 'y');
    std::remove(path);
    ck_assert_int_eq(static_cast<int>(x509::read_file(path, out)), GNUTLS_E_FILE_ERROR);
    ck_assert_int_eq(static_cast<int>(x509::read_file(nullptr, out)), GNUTLS_E_FILE_ERROR);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("cred");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, ocsp_parse_fields);
    tcase_add_test(tc, ocsp_parse_rejects);
    tcase_add_test(tc, ocsp_matches_certificate);
    tcase_add_test(tc, pem_blocks_split);
    tcase_add_test(tc, read_file_contents);
    suite_add_tcase(s, tc);
    return s;
}
