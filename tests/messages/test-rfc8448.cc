// SPDX-License-Identifier: LGPL-2.1-or-later
// The handshake codec against the messages of RFC 8448 section 3: each is
// parsed and every field checked, then written back (from the parsed
// structure and, for the hellos, rebuilt from scratch with the typed
// extension writers) and compared byte for byte.  The transcript hashes of
// the RFC vouch for the transcription of the vectors.
#include "core/tls/messages.hh"
#include "core/algo/errors.hh"
#include "core/crypto/hash.hh"

#include <cstring>
#include <string>
#include <vector>

#include "../unit/check-main.hh"
#include "vectors.hh"

using namespace tlshim;
using namespace tlshim::tls;

namespace {

std::vector<std::uint8_t> unhex(const char *s)
{
    std::vector<std::uint8_t> out;
    for (; s[0] && s[1]; s += 2)
        out.push_back(static_cast<std::uint8_t>(std::stoi(std::string(s, 2), nullptr, 16)));
    return out;
}

bool same(Bytes a, Bytes b)
{
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

bool same_hex(Bytes a, const char *hex)
{
    auto b = unhex(hex);
    return same(a, b);
}

// Body of a whole message of the expected type.
Bytes body_of(Bytes msg, HandshakeType want)
{
    HandshakeType t;
    Bytes body;
    ck_assert_int_eq(static_cast<int>(parse_handshake(msg, t, body)), 0);
    ck_assert_int_eq(static_cast<int>(t), static_cast<int>(want));
    return body;
}

const std::uint16_t kGroups[] = {0x001d, 0x0017, 0x0018, 0x0019, 0x0100,
                                 0x0101, 0x0102, 0x0103, 0x0104};
const std::uint16_t kSchemes[] = {0x0403, 0x0503, 0x0603, 0x0203, 0x0804, 0x0805, 0x0806, 0x0401,
                                  0x0501, 0x0601, 0x0201, 0x0402, 0x0502, 0x0602, 0x0202};
const char kClientRandom[] = "cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7";
const char kServerRandom[] = "a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e26928";
const char kClientShare[] = "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c";
const char kServerShare[] = "c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f";

template <std::size_t N>
bool equals(U16List l, const std::uint16_t (&v)[N])
{
    if (l.size() != N)
        return false;
    for (std::size_t i = 0; i < N; i++)
        if (l[i] != v[i])
            return false;
    return true;
}

U16Builder build(std::initializer_list<std::uint16_t> v)
{
    return U16Builder(v);
}

}  // namespace

START_TEST(transcript_hashes)
{
    // RFC 8448: Hash(ClientHello || ServerHello) and the hash up to the
    // server Finished.
    std::uint8_t h[32];
    crypto::Hash hash;
    ck_assert(ok(hash.init(GNUTLS_DIG_SHA256)));
    hash.update(Bytes(rfc8448::kClientHello));
    hash.update(Bytes(rfc8448::kServerHello));
    hash.digest(h);
    ck_assert(same_hex(Bytes(h), "860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8"));
    hash.update(Bytes(rfc8448::kClientHello));
    hash.update(Bytes(rfc8448::kServerHello));
    hash.update(Bytes(rfc8448::kEncryptedExtensions));
    hash.update(Bytes(rfc8448::kCertificate));
    hash.update(Bytes(rfc8448::kCertificateVerify));
    hash.update(Bytes(rfc8448::kServerFinished));
    hash.digest(h);
    ck_assert(same_hex(Bytes(h), "9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13"));
    // The HelloRetryRequest random is SHA-256("HelloRetryRequest").
    ck_assert(ok(crypto::Hash::compute(GNUTLS_DIG_SHA256, as_bytes("HelloRetryRequest"), h)));
    ck_assert(same(Bytes(h), Bytes(kHelloRetryRandom)));
}
END_TEST

START_TEST(client_hello)
{
    Bytes msg(rfc8448::kClientHello);
    ClientHello ch;
    ck_assert_int_eq(static_cast<int>(parse(body_of(msg, HandshakeType::client_hello), ch)), 0);
    ck_assert_uint_eq(ch.legacy_version, 0x0303);
    ck_assert(same_hex(ch.random, kClientRandom));
    ck_assert_uint_eq(ch.session_id.size(), 0);
    ck_assert_uint_eq(ch.cipher_suites.size(), 3);
    ck_assert_uint_eq(ch.cipher_suites[0], 0x1301);
    ck_assert_uint_eq(ch.cipher_suites[1], 0x1303);
    ck_assert_uint_eq(ch.cipher_suites[2], 0x1302);
    ck_assert(ch.compression_methods.size() == 1 && ch.compression_methods[0] == 0);
    ck_assert(ch.offers_null_compression());
    ck_assert(ch.has_extensions);
    ck_assert_uint_eq(ch.extensions.size(), 0x91);

    const ExtensionType order[] = {
        ExtensionType::server_name,    ExtensionType::renegotiation_info,
        ExtensionType::supported_groups, ExtensionType::session_ticket,
        ExtensionType::key_share,      ExtensionType::supported_versions,
        ExtensionType::signature_algorithms, ExtensionType::psk_key_exchange_modes,
        ExtensionType::record_size_limit};
    ck_assert_uint_eq(ch.ext.size(), 9);
    for (std::size_t i = 0; i < 9; i++)
        ck_assert_uint_eq(static_cast<unsigned>(ch.ext.all()[i].type), static_cast<unsigned>(order[i]));
    ck_assert_uint_eq(ch.ext.all()[0].offset, 0);
    ck_assert(ok(ch.ext.check_permitted_tls13(HandshakeType::client_hello)));

    ServerNameList sni;
    ck_assert(ok(parse_server_name(ch.ext.find(ExtensionType::server_name)->body, sni)));
    ck_assert(same(sni.host_name, as_bytes("server")));
    Bytes reneg;
    ck_assert(ok(parse_renegotiation_info(ch.ext.find(ExtensionType::renegotiation_info)->body, reneg)));
    ck_assert_uint_eq(reneg.size(), 0);
    U16List groups;
    ck_assert(ok(parse_supported_groups(ch.ext.find(ExtensionType::supported_groups)->body, groups)));
    ck_assert(equals(groups, kGroups));
    ck_assert_uint_eq(ch.ext.find(ExtensionType::session_ticket)->body.size(), 0);
    std::vector<KeyShareEntry> shares;
    ck_assert(ok(parse_key_share_client(ch.ext.find(ExtensionType::key_share)->body, shares)));
    ck_assert_uint_eq(shares.size(), 1);
    ck_assert_uint_eq(shares[0].group, 0x001d);
    ck_assert(same_hex(shares[0].key_exchange, kClientShare));
    U16List versions;
    ck_assert(ok(parse_supported_versions(ch.ext.find(ExtensionType::supported_versions)->body, versions)));
    ck_assert(versions.size() == 1 && versions[0] == kTls13);
    U16List schemes;
    ck_assert(ok(parse_signature_algorithms(ch.ext.find(ExtensionType::signature_algorithms)->body, schemes)));
    ck_assert(equals(schemes, kSchemes));
    Bytes modes;
    ck_assert(ok(parse_psk_modes(ch.ext.find(ExtensionType::psk_key_exchange_modes)->body, modes)));
    ck_assert(modes.size() == 1 && modes[0] == 1);
    std::uint16_t limit = 0;
    ck_assert(ok(parse_record_size_limit(ch.ext.find(ExtensionType::record_size_limit)->body, limit)));
    ck_assert_uint_eq(limit, 0x4001);

    // Written back from the parsed structure.
    std::vector<std::uint8_t> out;
    Writer w(out);
    ck_assert(write_message(HandshakeType::client_hello, ch, w));
    ck_assert(same(out, msg));

    // Rebuilt from scratch with the typed writers.
    std::vector<std::uint8_t> exts;
    {
        Writer ew(exts);
        ExtensionWriter x(ew);
        ck_assert(write_server_name(as_bytes("server"), x.begin(ExtensionType::server_name)));
        x.end();
        ck_assert(write_renegotiation_info(Bytes(), x.begin(ExtensionType::renegotiation_info)));
        x.end();
        U16Builder g;
        for (auto v : kGroups)
            g.add(v);
        ck_assert(write_u16_list(g.list(), x.begin(ExtensionType::supported_groups)));
        x.end();
        x.add(ExtensionType::session_ticket, Bytes());
        auto share = unhex(kClientShare);
        ck_assert(write_key_share_client({KeyShareEntry{0x001d, share}}, x.begin(ExtensionType::key_share)));
        x.end();
        auto v = build({kTls13});
        ck_assert(write_supported_versions(v.list(), x.begin(ExtensionType::supported_versions)));
        x.end();
        U16Builder s;
        for (auto v2 : kSchemes)
            s.add(v2);
        ck_assert(write_u16_list(s.list(), x.begin(ExtensionType::signature_algorithms)));
        x.end();
        const std::uint8_t ke[] = {1};
        ck_assert(write_psk_modes(Bytes(ke), x.begin(ExtensionType::psk_key_exchange_modes)));
        x.end();
        ck_assert(write_record_size_limit(0x4001, x.begin(ExtensionType::record_size_limit)));
        x.end();
        ck_assert(x.finish());
    }
    // `exts` holds the 2-byte length, then the block.
    ClientHello fresh;
    auto random = unhex(kClientRandom);
    auto suites = build({0x1301, 0x1303, 0x1302});
    const std::uint8_t null_comp[] = {0};
    fresh.random = random;
    fresh.cipher_suites = suites.list();
    fresh.compression_methods = Bytes(null_comp);
    fresh.has_extensions = true;
    fresh.extensions = Bytes(exts).subspan(2);
    std::vector<std::uint8_t> again;
    Writer w2(again);
    ck_assert(write_message(HandshakeType::client_hello, fresh, w2));
    ck_assert(same(again, msg));
}
END_TEST

START_TEST(server_hello)
{
    Bytes msg(rfc8448::kServerHello);
    ServerHello sh;
    ck_assert_int_eq(static_cast<int>(parse(body_of(msg, HandshakeType::server_hello), sh)), 0);
    ck_assert_uint_eq(sh.legacy_version, 0x0303);
    ck_assert(same_hex(sh.random, kServerRandom));
    ck_assert_uint_eq(sh.session_id.size(), 0);
    ck_assert_uint_eq(sh.cipher_suite, 0x1301);
    ck_assert_uint_eq(sh.compression_method, 0);
    ck_assert(!sh.is_hello_retry_request);
    ck_assert(sh.downgrade == Downgrade::none);
    ck_assert(sh.has_extensions);
    ck_assert_uint_eq(sh.ext.size(), 2);
    ck_assert(sh.ext.all()[0].type == ExtensionType::key_share);
    ck_assert(sh.ext.all()[1].type == ExtensionType::supported_versions);
    ck_assert(ok(sh.ext.check_permitted_tls13(HandshakeType::server_hello)));
    KeyShareEntry ks;
    ck_assert(ok(parse_key_share_server(sh.ext.find(ExtensionType::key_share)->body, ks)));
    ck_assert_uint_eq(ks.group, 0x001d);
    ck_assert(same_hex(ks.key_exchange, kServerShare));
    std::uint16_t v = 0;
    ck_assert(ok(parse_selected_version(sh.ext.find(ExtensionType::supported_versions)->body, v)));
    ck_assert_uint_eq(v, kTls13);

    // Only extensions the ClientHello carried.
    ClientHello ch;
    ck_assert(ok(parse(body_of(Bytes(rfc8448::kClientHello), HandshakeType::client_hello), ch)));
    ck_assert(ok(sh.ext.check_solicited(ch.ext)));

    std::vector<std::uint8_t> out;
    Writer w(out);
    ck_assert(write_message(HandshakeType::server_hello, sh, w));
    ck_assert(same(out, msg));

    // From scratch.
    std::vector<std::uint8_t> exts;
    {
        Writer ew(exts);
        ExtensionWriter x(ew);
        auto share = unhex(kServerShare);
        ck_assert(write_key_share_entry(KeyShareEntry{0x001d, share}, x.begin(ExtensionType::key_share)));
        x.end();
        ck_assert(write_u16(kTls13, x.begin(ExtensionType::supported_versions)));
        x.end();
        ck_assert(x.finish());
    }
    auto random = unhex(kServerRandom);
    ServerHello fresh;
    fresh.random = random;
    fresh.cipher_suite = 0x1301;
    fresh.has_extensions = true;
    fresh.extensions = Bytes(exts).subspan(2);
    std::vector<std::uint8_t> again;
    Writer w2(again);
    ck_assert(write_message(HandshakeType::server_hello, fresh, w2));
    ck_assert(same(again, msg));
}
END_TEST

START_TEST(encrypted_extensions)
{
    Bytes msg(rfc8448::kEncryptedExtensions);
    EncryptedExtensions ee;
    ck_assert(ok(parse(body_of(msg, HandshakeType::encrypted_extensions), ee)));
    ck_assert_uint_eq(ee.extensions.size(), 0x22);
    ck_assert_uint_eq(ee.ext.size(), 3);
    ck_assert(ee.ext.all()[0].type == ExtensionType::supported_groups);
    ck_assert(ee.ext.all()[1].type == ExtensionType::record_size_limit);
    ck_assert(ee.ext.all()[2].type == ExtensionType::server_name);
    ck_assert(ok(ee.ext.check_permitted_tls13(HandshakeType::encrypted_extensions)));
    U16List groups;
    ck_assert(ok(parse_supported_groups(ee.ext.find(ExtensionType::supported_groups)->body, groups)));
    ck_assert(equals(groups, kGroups));
    std::uint16_t limit = 0;
    ck_assert(ok(parse_record_size_limit(ee.ext.find(ExtensionType::record_size_limit)->body, limit)));
    ck_assert_uint_eq(limit, 0x4001);
    ck_assert(ok(parse_empty(ee.ext.find(ExtensionType::server_name)->body)));
    ClientHello ch;
    ck_assert(ok(parse(body_of(Bytes(rfc8448::kClientHello), HandshakeType::client_hello), ch)));
    ck_assert(ok(ee.ext.check_solicited(ch.ext)));

    std::vector<std::uint8_t> out;
    Writer w(out);
    ck_assert(write_message(HandshakeType::encrypted_extensions, ee, w));
    ck_assert(same(out, msg));
}
END_TEST

START_TEST(certificate)
{
    Bytes msg(rfc8448::kCertificate);
    Certificate13 c;
    ck_assert(ok(parse(body_of(msg, HandshakeType::certificate), c)));
    ck_assert_uint_eq(c.context.size(), 0);
    ck_assert_uint_eq(c.entries.size(), 1);
    ck_assert_uint_eq(c.entries[0].data.size(), 0x1b0);
    // A DER SEQUENCE of 0x1ac bytes, ending in the signature.
    ck_assert(same_hex(c.entries[0].data.first(4), "308201ac"));
    ck_assert(same_hex(c.entries[0].data.last(4), "b42b4de1"));
    ck_assert_uint_eq(c.entries[0].extensions.size(), 0);
    ck_assert_uint_eq(c.entries[0].ext.size(), 0);

    std::vector<std::uint8_t> out;
    Writer w(out);
    ck_assert(write_message(HandshakeType::certificate, c, w));
    ck_assert(same(out, msg));
}
END_TEST

START_TEST(certificate_verify)
{
    Bytes msg(rfc8448::kCertificateVerify);
    CertificateVerify cv;
    ck_assert(ok(parse(body_of(msg, HandshakeType::certificate_verify), cv, true)));
    ck_assert(cv.has_scheme);
    ck_assert_uint_eq(cv.scheme, 0x0804);  // rsa_pss_rsae_sha256
    ck_assert_uint_eq(cv.signature.size(), 128);
    ck_assert(same_hex(cv.signature.first(4), "5a747c5d"));
    ck_assert(same_hex(cv.signature.last(4), "d42f74f3"));
    std::vector<std::uint8_t> out;
    Writer w(out);
    ck_assert(write_message(HandshakeType::certificate_verify, cv, w));
    ck_assert(same(out, msg));
}
END_TEST

START_TEST(finished)
{
    Bytes msg(rfc8448::kServerFinished);
    Finished f;
    Bytes body = body_of(msg, HandshakeType::finished);
    ck_assert(ok(parse(body, f, 32)));
    ck_assert(same_hex(f.verify_data, "9b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718"));
    // The expected length is the caller's: SHA-384 suites want 48 bytes,
    // TLS 1.2 wants 12.
    ck_assert_int_eq(algo::error_to_alert(static_cast<int>(parse(body, f, 48)), nullptr),
                     GNUTLS_A_DECODE_ERROR);
    ck_assert(!ok(parse(body, f, 12)));
    ck_assert(ok(parse(body, f, 32)));
    std::vector<std::uint8_t> out;
    Writer w(out);
    ck_assert(write_message(HandshakeType::finished, f, w));
    ck_assert(same(out, msg));
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("rfc8448-messages");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, transcript_hashes);
    tcase_add_test(tc, client_hello);
    tcase_add_test(tc, server_hello);
    tcase_add_test(tc, encrypted_extensions);
    tcase_add_test(tc, certificate);
    tcase_add_test(tc, certificate_verify);
    tcase_add_test(tc, finished);
    suite_add_tcase(s, tc);
    return s;
}
