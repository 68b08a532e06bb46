// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of tls::KeyShare: RFC 7748, RFC 8448 and RFC 5903 known
// answers, round trips and wire sizes on every group, hostile peer values,
// and the TLS 1.2 form of a finite-field secret.
#include "core/tls/key-share.hh"

#include <gnutls/gnutls.h>

#include <cstring>
#include <string>
#include <vector>

#include "../unit/check-main.hh"
#include "core/algo/algo.hh"
#include "core/pk/dh.hh"

using namespace tlshim;
using tlshim::tls::KeyShare;

namespace {

std::vector<std::uint8_t> unhex(const char *h)
{
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; h[i] && h[i + 1]; i += 2)
        out.push_back(static_cast<std::uint8_t>(std::stoi(std::string(h + i, 2), nullptr, 16)));
    return out;
}

std::string hex(Bytes b)
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    for (std::uint8_t c : b) {
        s += digits[c >> 4];
        s += digits[c & 15];
    }
    return s;
}

const gnutls_group_t kGroups[] = {
    GNUTLS_GROUP_SECP256R1, GNUTLS_GROUP_SECP384R1, GNUTLS_GROUP_SECP521R1,
    GNUTLS_GROUP_X25519,    GNUTLS_GROUP_X448,      GNUTLS_GROUP_FFDHE2048,
    GNUTLS_GROUP_FFDHE3072, GNUTLS_GROUP_FFDHE4096, GNUTLS_GROUP_FFDHE6144,
    GNUTLS_GROUP_FFDHE8192,
};
constexpr int kNumGroups = sizeof kGroups / sizeof kGroups[0];

// Shared secret of `ours` with `peer`, asserting success.
SecretBytes agree(const KeyShare &ours, Bytes peer, bool strip = false)
{
    SecretBytes out;
    Err e = ours.shared(peer, out, strip);
    ck_assert_int_eq(static_cast<int>(e), 0);
    return out;
}

Err agree_err(const KeyShare &ours, Bytes peer, bool strip = false)
{
    SecretBytes out;
    Err e = ours.shared(peer, out, strip);
    if (e != Err::ok)
        ck_assert_uint_eq(out.size(), 0);
    return e;
}

// Compares bytes with a hex string (kept in a local: Check evaluates the
// arguments again to print them).
#define ck_assert_hex(bytes, expected)                   \
    do {                                                 \
        const std::string got_hex_ = hex(bytes);         \
        ck_assert_str_eq(got_hex_.c_str(), (expected));  \
    } while (0)

#define ck_assert_err(expr, err) ck_assert_int_eq(static_cast<int>(expr), static_cast<int>(Err::err))

}  // namespace

// RFC 7748 section 6.1.
START_TEST(x25519_rfc7748)
{
    auto a = unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    auto b = unhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    KeyShare alice, bob;
    ck_assert_err(alice.generate_from(GNUTLS_GROUP_X25519, a), ok);
    ck_assert_err(bob.generate_from(GNUTLS_GROUP_X25519, b), ok);
    ck_assert_hex(alice.public_value(),
                     "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    ck_assert_hex(bob.public_value(),
                     "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    const char *k = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
    ck_assert_hex(agree(alice, bob.public_value()), k);
    ck_assert_hex(agree(bob, alice.public_value()), k);
    // TLS 1.2 does not strip an X25519 secret.
    ck_assert_hex(agree(bob, alice.public_value(), true), k);
    ck_assert_int_eq(alice.group(), GNUTLS_GROUP_X25519);
}
END_TEST

// RFC 8448 section 3 (simple 1-RTT handshake): the x25519 key_share entries
// of the ClientHello and ServerHello and the (EC)DHE input of the key
// schedule.
START_TEST(x25519_rfc8448)
{
    auto client_priv = unhex("49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005");
    auto server_priv = unhex("b1580eeadf6dd589b8ef4f2d5652578cc810e9980191ec8d058308cea216a21e");
    KeyShare client, server;
    ck_assert_err(client.generate_from(GNUTLS_GROUP_X25519, client_priv), ok);
    ck_assert_err(server.generate_from(GNUTLS_GROUP_X25519, server_priv), ok);
    ck_assert_hex(client.public_value(),
                     "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c");
    ck_assert_hex(server.public_value(),
                     "c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f");
    const char *ecdhe = "8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d";
    ck_assert_hex(agree(client, server.public_value()), ecdhe);
    ck_assert_hex(agree(server, client.public_value()), ecdhe);
}
END_TEST

// RFC 7748 section 6.2.
START_TEST(x448_rfc7748)
{
    auto a = unhex("9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf5"
                   "74a9419744897391006382a6f127ab1d9ac2d8c0a598726b");
    auto b = unhex("1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d6927c120"
                   "bb5ee8972b0d3e21374c9c921b09d1b0366f10b65173992d");
    KeyShare alice, bob;
    ck_assert_err(alice.generate_from(GNUTLS_GROUP_X448, a), ok);
    ck_assert_err(bob.generate_from(GNUTLS_GROUP_X448, b), ok);
    ck_assert_hex(alice.public_value(), "9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c"
                                        "22c5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0");
    ck_assert_hex(bob.public_value(), "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b430"
                                      "27d8b972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609");
    const char *k = "07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282b"
                    "b60c0b56fd2464c335543936521c24403085d59a449a5037514a879d";
    ck_assert_hex(agree(alice, bob.public_value()), k);
    ck_assert_hex(agree(bob, alice.public_value()), k);
}
END_TEST

// RFC 5903 section 8.1 (ECDH on P-256), the points in the TLS form
// 04 || x || y; the shared secret is the x-coordinate.
START_TEST(p256_rfc5903)
{
    auto i = unhex("c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433");
    auto r = unhex("c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53");
    KeyShare init, resp;
    ck_assert_err(init.generate_from(GNUTLS_GROUP_SECP256R1, i), ok);
    ck_assert_err(resp.generate_from(GNUTLS_GROUP_SECP256R1, r), ok);
    ck_assert_hex(init.public_value(), "04dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180"
                                       "5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3");
    ck_assert_hex(resp.public_value(), "04d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63"
                                       "56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab");
    const char *k = "d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de";
    ck_assert_hex(agree(init, resp.public_value()), k);
    ck_assert_hex(agree(resp, init.public_value()), k);
    // The TLS 1.2 premaster of ECDHE is not stripped either.
    ck_assert_hex(agree(resp, init.public_value(), true), k);
}
END_TEST

// Both sides of a fresh exchange agree; public values have the length of a
// key_share entry, secrets the length of a field element / prime.
START_TEST(round_trip_every_group)
{
    gnutls_group_t g = kGroups[_i];
    const algo::Group *row = algo::group(g);
    ck_assert_ptr_nonnull(row);
    ck_assert(KeyShare::supported(g));
    KeyShare a, b;
    ck_assert_err(a.generate(g), ok);
    ck_assert_err(b.generate(g), ok);
    ck_assert(a.valid() && b.valid());
    ck_assert_int_eq(a.group(), g);
    ck_assert_uint_eq(a.public_value().size(), row->share_size);
    ck_assert_uint_eq(b.public_value().size(), row->share_size);
    ck_assert(hex(a.public_value()) != hex(b.public_value()));
    SecretBytes ab = agree(a, b.public_value());
    SecretBytes ba = agree(b, a.public_value());
    ck_assert_uint_gt(ab.size(), 0);
    ck_assert(ab == ba);
    std::size_t expected = row->kind == algo::GroupKind::ec ? (row->share_size - 1) / 2 : row->share_size;
    ck_assert_uint_eq(ab.size(), expected);
    // The peer's key on another group is refused by size or by curve.
    KeyShare other;
    ck_assert_err(other.generate(g == GNUTLS_GROUP_X25519 ? GNUTLS_GROUP_SECP256R1 : GNUTLS_GROUP_X25519), ok);
    ck_assert_err(agree_err(a, other.public_value()), received_illegal_parameter);
}
END_TEST

START_TEST(unsupported_and_invalid_use)
{
    KeyShare k;
    ck_assert(!k.valid());
    ck_assert(!KeyShare::supported(GNUTLS_GROUP_INVALID));
    ck_assert(!KeyShare::supported(GNUTLS_GROUP_GC256B));
    ck_assert(!KeyShare::supported(static_cast<gnutls_group_t>(999)));
    ck_assert_err(k.generate(GNUTLS_GROUP_GC512A), ecc_unsupported_curve);
    ck_assert_err(k.generate(GNUTLS_GROUP_INVALID), ecc_unsupported_curve);
    ck_assert(!k.valid());
    ck_assert_int_eq(k.group(), GNUTLS_GROUP_INVALID);
    // No key yet: nothing to agree with.
    std::uint8_t peer[32] = {9};
    ck_assert_err(agree_err(k, peer), invalid_request);
    // generate_from needs a key.
    ck_assert_err(k.generate_from(GNUTLS_GROUP_X25519, Bytes()), invalid_request);
    // A private key of the wrong size, or an EC scalar out of range.
    std::uint8_t zero[32] = {};
    ck_assert(k.generate_from(GNUTLS_GROUP_X25519, Bytes(zero, 31)) != Err::ok);
    ck_assert(!k.valid());
    ck_assert(k.generate_from(GNUTLS_GROUP_SECP256R1, zero) != Err::ok);
    ck_assert(!k.valid());

    ck_assert_err(k.generate(GNUTLS_GROUP_SECP256R1), ok);
    ck_assert(k.valid());
    KeyShare moved(std::move(k));
    ck_assert(moved.valid());
    ck_assert_int_eq(moved.group(), GNUTLS_GROUP_SECP256R1);
    moved.reset();
    ck_assert(!moved.valid());
    ck_assert_uint_eq(moved.public_value().size(), 0);
    ck_assert_int_eq(moved.group(), GNUTLS_GROUP_INVALID);
    ck_assert_err(agree_err(moved, peer), invalid_request);
}
END_TEST

START_TEST(hostile_ec_points)
{
    KeyShare ours, peer;
    ck_assert_err(ours.generate(GNUTLS_GROUP_SECP256R1), ok);
    ck_assert_err(peer.generate(GNUTLS_GROUP_SECP256R1), ok);
    std::vector<std::uint8_t> good(peer.public_value().begin(), peer.public_value().end());
    ck_assert_uint_eq(good.size(), 65);
    agree(ours, good);

    // Too short, too long, empty.
    ck_assert_err(agree_err(ours, Bytes(good.data(), 64)), received_illegal_parameter);
    std::vector<std::uint8_t> longer = good;
    longer.push_back(0);
    ck_assert_err(agree_err(ours, longer), received_illegal_parameter);
    ck_assert_err(agree_err(ours, Bytes()), received_illegal_parameter);
    // Not the uncompressed form: compressed prefixes, the infinity byte.
    for (std::uint8_t prefix : {0x00, 0x02, 0x03, 0x05}) {
        std::vector<std::uint8_t> bad = good;
        bad[0] = prefix;
        ck_assert_err(agree_err(ours, bad), received_illegal_parameter);
    }
    std::vector<std::uint8_t> compressed(good.begin(), good.begin() + 33);
    compressed[0] = static_cast<std::uint8_t>(0x02 | (good[64] & 1));
    ck_assert_err(agree_err(ours, compressed), received_illegal_parameter);
    // Off the curve: one bit of y flipped; and the all-zero point.
    std::vector<std::uint8_t> off = good;
    off[64] ^= 1;
    ck_assert_err(agree_err(ours, off), received_illegal_parameter);
    std::vector<std::uint8_t> zero(65, 0);
    zero[0] = 4;
    ck_assert_err(agree_err(ours, zero), received_illegal_parameter);
}
END_TEST

START_TEST(hostile_x25519_values)
{
    KeyShare ours;
    ck_assert_err(ours.generate(GNUTLS_GROUP_X25519), ok);
    std::uint8_t u[33] = {};
    // Wrong lengths.
    ck_assert_err(agree_err(ours, Bytes(u, 31)), received_illegal_parameter);
    ck_assert_err(agree_err(ours, Bytes(u, 33)), received_illegal_parameter);
    ck_assert_err(agree_err(ours, Bytes()), received_illegal_parameter);
    // Small-order points give an all-zero secret (RFC 7748 section 6.1):
    // u = 0, u = 1, and a point of order 8.
    ck_assert_err(agree_err(ours, Bytes(u, 32)), received_illegal_parameter);
    u[0] = 1;
    ck_assert_err(agree_err(ours, Bytes(u, 32)), received_illegal_parameter);
    auto order8 = unhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
    ck_assert_err(agree_err(ours, order8), received_illegal_parameter);

    KeyShare x448;
    ck_assert_err(x448.generate(GNUTLS_GROUP_X448), ok);
    std::uint8_t z[56] = {};
    ck_assert_err(agree_err(x448, Bytes(z, 56)), received_illegal_parameter);
    ck_assert_err(agree_err(x448, Bytes(z, 32)), received_illegal_parameter);
}
END_TEST

// A value of `len` bytes holding p - delta (p being the group's prime),
// left-padded.
std::vector<std::uint8_t> prime_minus(gnutls_group_t g, unsigned delta, std::size_t len)
{
    const pk::FfdheGroup *grp = pk::ffdhe_group(g);
    ck_assert_ptr_nonnull(grp);
    std::vector<std::uint8_t> v(grp->prime.begin(), grp->prime.end());
    // The RFC 7919 primes end in 0xff..ff, so no borrow for small deltas.
    ck_assert_uint_ge(v.back(), delta);
    v.back() = static_cast<std::uint8_t>(v.back() - delta);
    v.insert(v.begin(), len - v.size(), 0);
    return v;
}

START_TEST(hostile_ffdhe_values)
{
    const gnutls_group_t g = GNUTLS_GROUP_FFDHE2048;
    KeyShare ours, peer;
    ck_assert_err(ours.generate(g), ok);
    ck_assert_err(peer.generate(g), ok);
    std::vector<std::uint8_t> y(256, 0);
    // 0, 1, p-1, p, and a value outside the prime-order subgroup (p-2 =
    // -2, a non-residue modulo these primes).
    ck_assert_err(agree_err(ours, y), received_illegal_parameter);
    y[255] = 1;
    ck_assert_err(agree_err(ours, y), received_illegal_parameter);
    ck_assert_err(agree_err(ours, prime_minus(g, 1, 256)), received_illegal_parameter);
    ck_assert_err(agree_err(ours, prime_minus(g, 0, 256)), received_illegal_parameter);
    ck_assert_err(agree_err(ours, prime_minus(g, 2, 256)), received_illegal_parameter);
    // All ones is above p.
    std::vector<std::uint8_t> ones(256, 0xff);
    ck_assert_err(agree_err(ours, ones), received_illegal_parameter);
    // TLS 1.3 wants exactly the prime's length; TLS 1.2 accepts fewer
    // bytes but never more.
    std::vector<std::uint8_t> good(peer.public_value().begin(), peer.public_value().end());
    std::vector<std::uint8_t> padded = good;
    padded.insert(padded.begin(), 0);
    ck_assert_err(agree_err(ours, padded), received_illegal_parameter);
    ck_assert_err(agree_err(ours, padded, true), received_illegal_parameter);
    ck_assert_err(agree_err(ours, Bytes(good.data() + 1, 255)), received_illegal_parameter);
    ck_assert_err(agree_err(ours, Bytes(), true), received_illegal_parameter);
    // The small value 2 (the generator) in its short TLS 1.2 form is fine.
    std::uint8_t two = 2;
    SecretBytes s = agree(ours, Bytes(&two, 1), true);
    ck_assert_uint_gt(s.size(), 0);
}
END_TEST

// TLS 1.3 keeps the leading zeros of a finite-field secret, TLS 1.2 drops
// them.  Alice's exponent is 0x010001; Bob's, 137, is the smallest from 2
// up that makes the first byte of the secret zero (found by a search loop
// during development; the test checks that the byte is zero).
START_TEST(ffdhe_tls12_strips_leading_zeros)
{
    const gnutls_group_t g = GNUTLS_GROUP_FFDHE2048;
    const std::uint8_t xa[] = {0x01, 0x00, 0x01};
    const std::uint8_t xb[] = {137};
    KeyShare alice, bob;
    ck_assert_err(alice.generate_from(g, xa), ok);
    ck_assert_err(bob.generate_from(g, xb), ok);

    SecretBytes padded = agree(bob, alice.public_value());
    SecretBytes stripped = agree(bob, alice.public_value(), true);
    ck_assert_uint_eq(padded.size(), 256);
    ck_assert_uint_eq(padded[0], 0);
    std::size_t zeros = 0;
    while (zeros < padded.size() && padded[zeros] == 0)
        zeros++;
    ck_assert_uint_eq(stripped.size(), 256 - zeros);
    ck_assert_uint_ne(stripped[0], 0);
    ck_assert(std::memcmp(stripped.data(), padded.data() + zeros, stripped.size()) == 0);
    // Alice computes the same in both forms.
    ck_assert(agree(alice, bob.public_value()) == padded);
    ck_assert(agree(alice, bob.public_value(), true) == stripped);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("kx-key-share");
    TCase *tc = tcase_create("key-share");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, x25519_rfc7748);
    tcase_add_test(tc, x25519_rfc8448);
    tcase_add_test(tc, x448_rfc7748);
    tcase_add_test(tc, p256_rfc5903);
    tcase_add_loop_test(tc, round_trip_every_group, 0, kNumGroups);
    tcase_add_test(tc, unsupported_and_invalid_use);
    tcase_add_test(tc, hostile_ec_points);
    tcase_add_test(tc, hostile_x25519_values);
    tcase_add_test(tc, hostile_ffdhe_values);
    tcase_add_test(tc, ffdhe_tls12_strips_leading_zeros);
    suite_add_tcase(s, tc);
    return s;
}
