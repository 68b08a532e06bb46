// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the TLS 1.2 key exchanges (tls::ServerKx / tls::ClientKx):
// full server -> client -> server runs on every key exchange and group with
// the premaster layouts of RFC 5246, RFC 4279 and RFC 8422, known answers
// (RFC 7748 X25519; DHE on the RFC 3526 2048-bit group against values
// computed independently with Python's pow()), the RSA premaster decryption
// on hostile ciphertexts, and malformed or hostile peer messages.
#include "core/tls/kx12.hh"

#include <gnutls/gnutls.h>

#include <cstring>
#include <string>
#include <vector>

#include "../unit/check-main.hh"
#include "core/algo/algo.hh"
#include "core/pk/dh.hh"
#include "core/pk/mpz.hh"
#include "core/x509/key.hh"

using namespace tlshim;
using tlshim::tls::ClientKx;
using tlshim::tls::ServerKx;

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

bool same(Bytes a, Bytes b)
{
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

#define ck_assert_hex(bytes, expected)                  \
    do {                                                \
        const std::string got_hex_ = hex(bytes);        \
        ck_assert_str_eq(got_hex_.c_str(), (expected)); \
    } while (0)

#define ck_assert_err(expr, err) ck_assert_int_eq(static_cast<int>(expr), static_cast<int>(Err::err))

// RFC 3526 section 3: the 2048-bit MODP group (a safe prime, generator 2),
// standing in for application DH parameters.
const char kP14[] = "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7edee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf0598da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3be39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf6955817183995497cea956ae515d2261898fa051015728e5a8aacaa68ffffffffffffffff";
// Exponents and the values Python computed for them on that group:
// Ys = 2^xs, Yc = 2^xc, Z = Ys^xc mod p (xc chosen so that Z has a leading
// zero byte, which the TLS 1.2 premaster drops).
const char kXs[] = "5e1c0a5f3b7d2e9a4c6b8d0f1e3a5c7b9d2f4e6a8c0b1d3f5e7a9c2b4d6f8e0a";
const char kYs[] = "d8eb6b3efc2cdc1d532391b454ee08c08496303667484bd333c2f2bdef0fbb536886efa896e9d83bf1b5e2958ce2bb0edc9c7a731f5aba63f4e033ad6931463f0aef9804a13a10f0129280b0133bf936cdabddd56cae5bcf199651c5a6471ed8897064ef95395c2e492a23d6139384db9fb5f13ac313e51f4ba0ca628119dee69903b3fa07da40c2aff50262eedfcefc11e4a343b40204b3f070c36421f15f67aeeabdb83931257d49487c4f16091f23c7d219928c6953193ee0802a54d9721df43147ce7e525220fb06549f498cb61163632a3f9a28bed5dfd6dccbd0c3daae46b33be3aeffd6da88f9331d65336be51f491db6f99d9f04dbb7dbc849299aad";
const char kXc[] = "3c5e7a9b1d2f4a6c8e0b2d4f6a8c1e3b5d7f9a2c4e6b8d1f3a5c7e9b2d4f6cbf";
const char kYc[] = "6652bc662e100b56f08812735a47e44468c6afd4b0b51c3de2ad71cc3ebe8d066726bc7363b6c2be98b4a8c3d7c555dfcb9510eea42229cdcfbf76bcd375c1d04a40138e24f3ba7fbf5b1054b9bb7beb05e35860138adb9b6f2c8d181e13fe3e126c6954a6221588cf0e8a8c29e3ea5b59fd7e1b276a8ca8b40ec2dc29a8ed2393971667450bfe39bc25194155718fda865098970511326ccb6de2ee61b054c5d8c2c562b2b6b44eaa401500c333cb3407372ab91b5708f1500a38cc81142db0aa459e77975b0ecf441279c6492c690f52613fd33b5630675d0337c2fa680b5bee65228600206519ce57730067915b1f0d17a797b7ca1cf6f8c3984d64975558";
const char kZ[] = "b34da978584d7bd174fc82faebcf69ed1bc7dc2f738f2b0046ae20db55dc4295e1517f0ca15537dc9c107e67bab43044490b0924c3a3e5ba3aa0dc4002c735e62358149e4fef241cbfd0226bf20b9cae01b0245de92e9b2be081378dc5bd204a3a5f01bef445eb19227d740d18144a86bca965a2a2ec4e190f87e68d2972e8d22f4d740aa2781c75764efa46c7d02a2b5afc2615de886061d155ef17257c7d8088430a5482e832053aaf35ba9d531f3cdc61af286b0058937b4e7f7891e2bbb4dafbc9e5cc55bc69639acd1ae42f4789933763a2bc915839ff98097bf1da22c0f8248b2dd120966e0328d3f22e4bf63134bad8108f20a165640f9a6ed3b4c1";

const std::vector<gnutls_group_t> kOffered = {
    GNUTLS_GROUP_X25519,    GNUTLS_GROUP_X448,      GNUTLS_GROUP_SECP256R1, GNUTLS_GROUP_SECP384R1,
    GNUTLS_GROUP_SECP521R1, GNUTLS_GROUP_FFDHE2048, GNUTLS_GROUP_FFDHE3072, GNUTLS_GROUP_FFDHE4096,
    GNUTLS_GROUP_FFDHE6144, GNUTLS_GROUP_FFDHE8192,
};

struct Curve {
    gnutls_group_t group;
    std::size_t secret_size;  // bytes of the x-coordinate / X25519/X448 output
};
const Curve kCurves[] = {
    {GNUTLS_GROUP_X25519, 32},    {GNUTLS_GROUP_X448, 56},      {GNUTLS_GROUP_SECP256R1, 32},
    {GNUTLS_GROUP_SECP384R1, 48}, {GNUTLS_GROUP_SECP521R1, 66},
};
constexpr int kNumCurves = sizeof kCurves / sizeof kCurves[0];
const gnutls_kx_algorithm_t kEcdheKx[] = {GNUTLS_KX_ECDHE_RSA, GNUTLS_KX_ECDHE_ECDSA, GNUTLS_KX_ANON_ECDH,
                                          GNUTLS_KX_ECDHE_PSK};
const gnutls_group_t kFfdhe[] = {GNUTLS_GROUP_FFDHE2048, GNUTLS_GROUP_FFDHE3072, GNUTLS_GROUP_FFDHE4096,
                                 GNUTLS_GROUP_FFDHE6144, GNUTLS_GROUP_FFDHE8192};
constexpr int kNumFfdhe = sizeof kFfdhe / sizeof kFfdhe[0];
const gnutls_kx_algorithm_t kDheKx[] = {GNUTLS_KX_DHE_RSA, GNUTLS_KX_DHE_DSS, GNUTLS_KX_ANON_DH,
                                        GNUTLS_KX_DHE_PSK};

const std::uint8_t kPsk[] = {0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b,
                             0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x42};
const char kIdentity[] = "Client_identity";
const char kHint[] = "my hint";

// Knows one identity; anything else is refused with an error the test can
// recognise.
Err lookup(Bytes identity, SecretBytes &key)
{
    if (!same(identity, as_bytes(kIdentity)))
        return Err::db_error;
    key.assign(std::begin(kPsk), std::end(kPsk));
    return Err::ok;
}

bool signed_kx(gnutls_kx_algorithm_t kx)
{
    return kx == GNUTLS_KX_ECDHE_RSA || kx == GNUTLS_KX_ECDHE_ECDSA || kx == GNUTLS_KX_DHE_RSA ||
           kx == GNUTLS_KX_DHE_DSS;
}

// A signer over a library key: `held` decides whether the key itself is
// exposed (the constant-time path) or only its plain decryption (the
// path of keys whose operations run elsewhere).
class TestSigner final : public x509::Signer {
public:
    TestSigner(const x509::PrivateKey &k, bool held) : k_(k), held_(held) {}
    gnutls_pk_algorithm_t algorithm() const override { return k_.algorithm(); }
    unsigned bits() const override { return k_.bits(); }
    x509::PssParams pss() const override { return k_.pss(); }
    Err sign_data(gnutls_sign_algorithm_t sign, unsigned, Bytes data, std::vector<std::uint8_t> &sig) const override
    {
        return k_.sign_data(sign, data, sig);
    }
    Err sign_hash(gnutls_sign_algorithm_t sign, unsigned, Bytes hash, std::vector<std::uint8_t> &sig) const override
    {
        return k_.sign_hash(sign, hash, sig);
    }
    Err decrypt(Bytes ct, SecretBytes &plain) const override
    {
        ++decrypt_calls;
        return k_.decrypt(ct, plain);
    }
    const x509::PrivateKey *held_key() const noexcept override { return held_ ? &k_ : nullptr; }
    mutable int decrypt_calls = 0;

private:
    const x509::PrivateKey &k_;
    bool held_;
};

// One RSA key for the whole run (generation is slow).
struct RsaFixture {
    x509::PrivateKey priv;
    x509::PublicKey pub;
    SecretBytes n, e;
    RsaFixture()
    {
        ck_assert_err(priv.generate(GNUTLS_PK_RSA, 2048), ok);
        ck_assert_err(priv.public_key(pub), ok);
        SecretBytes d, p, q, u, e1, e2;
        ck_assert_err(priv.export_rsa(n, e, d, p, q, u, e1, e2), ok);
    }
};

RsaFixture &rsa()
{
    static RsaFixture f;
    return f;
}

// Everything a run produced.
struct Run {
    std::vector<std::uint8_t> ske, cke;
    SecretBytes server_pms, client_pms;
    ServerKx server;
    ClientKx client;
};

// Server params -> client parse -> client write -> server read, each step
// asserted to succeed; `setup` configures the server's group.
template <typename Setup>
void exchange(gnutls_kx_algorithm_t kx, Run &r, Setup setup, const x509::Signer *signer = nullptr)
{
    ck_assert_err(r.server.init(kx), ok);
    setup(r.server);
    if (tls::kx12_is_psk(kx))
        ck_assert_err(r.server.set_psk_hint(as_bytes(kHint)), ok);
    ck_assert_err(r.server.write_params(r.ske), ok);
    ck_assert_int_eq(r.server.sends_params(), kx != GNUTLS_KX_RSA);
    ck_assert_int_eq(r.ske.empty(), kx == GNUTLS_KX_RSA);

    ck_assert_err(r.client.init(kx, kOffered, 1024), ok);
    if (r.client.accepts_server_params()) {
        // A signed exchange is followed by the signature: the split gives
        // back exactly what the server wrote as params.
        std::vector<std::uint8_t> body = r.ske;
        const std::uint8_t sig[] = {0x04, 0x01, 0x00, 0x03, 0xaa, 0xbb, 0xcc};
        if (signed_kx(kx))
            body.insert(body.end(), std::begin(sig), std::end(sig));
        Bytes params, rest;
        ck_assert_err(r.client.parse_server_params(body, params, rest), ok);
        ck_assert(same(params, r.ske));
        ck_assert(same(rest, signed_kx(kx) ? Bytes(sig) : Bytes()));
        Bytes p2, r2;
        ck_assert_err(tls::split_server_kx(kx, body, p2, r2), ok);
        ck_assert(same(p2, params) && same(r2, rest));
        if (tls::kx12_is_psk(kx))
            ck_assert(same(r.client.psk_hint(), as_bytes(kHint)));
    }
    Bytes id = tls::kx12_is_psk(kx) ? as_bytes(kIdentity) : Bytes();
    Bytes key = tls::kx12_is_psk(kx) ? Bytes(kPsk) : Bytes();
    ck_assert_err(r.client.write(r.cke, r.client_pms, id, key, &rsa().pub, 0x0303), ok);
    ck_assert_err(r.server.read_client(r.cke, r.server_pms, lookup, signer, 0x0303), ok);
    ck_assert(!r.client_pms.empty());
    ck_assert(same(r.client_pms, r.server_pms));
    if (tls::kx12_is_psk(kx))
        ck_assert(same(r.server.psk_identity(), as_bytes(kIdentity)));
}

// The RFC 4279 layout: u16 n || other(n) || u16 len(psk) || psk; returns other.
Bytes psk_layout(Bytes pms)
{
    ck_assert_uint_ge(pms.size(), 4);
    std::size_t n = (std::size_t(pms[0]) << 8) | pms[1];
    ck_assert_uint_eq(pms.size(), 2 + n + 2 + sizeof kPsk);
    ck_assert_uint_eq((std::size_t(pms[2 + n]) << 8) | pms[3 + n], sizeof kPsk);
    ck_assert(same(pms.subspan(4 + n), Bytes(kPsk)));
    return pms.subspan(2, n);
}

}  // namespace

// ---- Round trips ------------------------------------------------------------------

START_TEST(ecdhe_every_curve)
{
    const Curve &c = kCurves[_i % kNumCurves];
    gnutls_kx_algorithm_t kx = kEcdheKx[_i / kNumCurves];
    Run r;
    exchange(kx, r, [&](ServerKx &s) { ck_assert_err(s.set_group(c.group), ok); });
    Bytes z = r.client_pms;
    if (kx == GNUTLS_KX_ECDHE_PSK)
        z = psk_layout(r.client_pms);
    ck_assert_uint_eq(z.size(), c.secret_size);
    ck_assert_int_eq(r.client.info().group, c.group);
    ck_assert_int_eq(r.server.info().group, c.group);
    ck_assert_uint_eq(r.client.info().dh_prime_bits, 0);
    // Each side saw the other's point.
    ck_assert(!r.client.info().peer_public.empty());
    ck_assert(!r.server.info().peer_public.empty());
    // ServerECDHParams: named_curve(3), the NamedCurve code point, ECPoint.
    std::size_t at = kx == GNUTLS_KX_ECDHE_PSK ? 2 + std::strlen(kHint) : 0;
    ck_assert_uint_eq(r.ske[at], 3);
    ck_assert_uint_eq((unsigned(r.ske[at + 1]) << 8) | r.ske[at + 2], algo::group(c.group)->tls_id);
    ck_assert_uint_eq(r.ske[at + 3], r.ske.size() - at - 4);
}
END_TEST

START_TEST(dhe_every_ffdhe_group)
{
    gnutls_group_t g = kFfdhe[_i % kNumFfdhe];
    gnutls_kx_algorithm_t kx = kDheKx[_i / kNumFfdhe];
    unsigned bits = algo::group(g)->prime_bits;
    Run r;
    exchange(kx, r, [&](ServerKx &s) { ck_assert_err(s.set_group(g), ok); });
    Bytes z = r.client_pms;
    if (kx == GNUTLS_KX_DHE_PSK)
        z = psk_layout(r.client_pms);
    // Leading zeros stripped (RFC 5246 8.1.2).
    ck_assert_uint_gt(z.size(), 0);
    ck_assert_uint_le(z.size(), bits / 8);
    ck_assert_uint_ne(z[0], 0);
    // The client recognises the RFC 7919 group from p and g.
    ck_assert_int_eq(r.client.info().group, g);
    ck_assert_int_eq(r.server.info().group, g);
    ck_assert_uint_eq(r.client.info().dh_prime_bits, bits);
    ck_assert_uint_eq(r.server.info().dh_prime_bits, bits);
    ck_assert(same(r.client.info().dh_p, pk::strip_leading_zeros(pk::ffdhe_group(g)->prime)));
    ck_assert_hex(r.client.info().dh_g, "02");
    ck_assert_uint_gt(r.client.info().dh_secret_bits, 0);
    // Each side holds the other's public value.
    ck_assert(same(r.client.info().peer_public, pk::strip_leading_zeros(Bytes(r.ske).subspan(r.ske.size() - bits / 8))));
    ck_assert(same(r.server.info().peer_public,
                   pk::strip_leading_zeros(Bytes(r.cke).subspan(r.cke.size() - bits / 8))));
}
END_TEST

START_TEST(dhe_application_params)
{
    auto p = unhex(kP14);
    const std::uint8_t two[] = {2};
    Run r;
    exchange(GNUTLS_KX_DHE_RSA, r, [&](ServerKx &s) { ck_assert_err(s.set_dh_params(p, two), ok); });
    ck_assert_uint_ne(r.client_pms[0], 0);
    ck_assert_int_eq(r.client.info().group, GNUTLS_GROUP_INVALID);
    ck_assert_int_eq(r.server.info().group, GNUTLS_GROUP_INVALID);
    ck_assert_uint_eq(r.client.info().dh_prime_bits, 2048);
    ck_assert(same(r.client.info().dh_p, p));
    ck_assert_hex(r.client.info().dh_g, "02");

    // Parameters given as a pk::DhParams object work the same.
    pk::DhParams params;
    ck_assert_err(params.set(p, two, {}), ok);
    Run r2;
    exchange(GNUTLS_KX_ANON_DH, r2, [&](ServerKx &s) { ck_assert_err(s.set_dh_params(params), ok); });
    ck_assert_uint_eq(r2.client.info().dh_prime_bits, 2048);

    // Application parameters that happen to be ffdhe2048 are reported as
    // that group by the client.
    const pk::FfdheGroup *f = pk::ffdhe_group(2048u);
    Run r3;
    exchange(GNUTLS_KX_DHE_RSA, r3, [&](ServerKx &s) { ck_assert_err(s.set_dh_params(f->prime, f->generator), ok); });
    ck_assert_int_eq(r3.client.info().group, GNUTLS_GROUP_FFDHE2048);
}
END_TEST

START_TEST(rsa_round_trip)
{
    for (int held = 0; held < 2; ++held) {
        TestSigner signer(rsa().priv, held);
        Run r;
        exchange(GNUTLS_KX_RSA, r, [](ServerKx &) {}, &signer);
        ck_assert_uint_eq(r.client_pms.size(), 48);
        ck_assert_uint_eq(r.client_pms[0], 3);
        ck_assert_uint_eq(r.client_pms[1], 3);
        // u16 length || ciphertext of the modulus size.
        ck_assert_uint_eq(r.cke.size(), 2 + 256);
        ck_assert_uint_eq((unsigned(r.cke[0]) << 8) | r.cke[1], 256);
        // The constant-time path does not go through the plain decryption.
        ck_assert_int_eq(signer.decrypt_calls, held ? 0 : 1);
    }
    // The client_version goes into the first two bytes.
    TestSigner signer(rsa().priv, true);
    ServerKx s;
    ClientKx c;
    ck_assert_err(s.init(GNUTLS_KX_RSA), ok);
    ck_assert_err(c.init(GNUTLS_KX_RSA), ok);
    std::vector<std::uint8_t> cke;
    SecretBytes cp, sp;
    ck_assert_err(c.write(cke, cp, {}, {}, &rsa().pub, 0x0302), ok);
    ck_assert_err(s.read_client(cke, sp, {}, &signer, 0x0302), ok);
    ck_assert_hex(Bytes(cp).first(2), "0302");
    ck_assert(same(cp, sp));
}
END_TEST

START_TEST(psk_round_trips)
{
    TestSigner signer(rsa().priv, true);
    Run r;
    exchange(GNUTLS_KX_PSK, r, [](ServerKx &) {});
    Bytes other = psk_layout(r.client_pms);
    ck_assert_uint_eq(other.size(), sizeof kPsk);
    for (std::uint8_t b : other)
        ck_assert_uint_eq(b, 0);
    // ServerKeyExchange is just the hint.
    ck_assert_uint_eq(r.ske.size(), 2 + std::strlen(kHint));

    Run r2;
    exchange(GNUTLS_KX_RSA_PSK, r2, [](ServerKx &) {}, &signer);
    other = psk_layout(r2.client_pms);
    ck_assert_uint_eq(other.size(), 48);
    ck_assert_hex(other.first(2), "0303");

    // Without a hint, PSK and RSA_PSK send no ServerKeyExchange and the
    // client goes on without one; DHE_PSK and ECDHE_PSK always send it.
    ck_assert(!tls::kx12_server_sends_params(GNUTLS_KX_PSK, false));
    ck_assert(!tls::kx12_server_sends_params(GNUTLS_KX_RSA_PSK, false));
    ck_assert(tls::kx12_server_sends_params(GNUTLS_KX_DHE_PSK, false));
    ck_assert(tls::kx12_server_sends_params(GNUTLS_KX_ECDHE_PSK, false));
    ck_assert(!tls::kx12_server_sends_params(GNUTLS_KX_RSA, true));
    ServerKx s;
    ck_assert_err(s.init(GNUTLS_KX_PSK), ok);
    std::vector<std::uint8_t> ske{1, 2, 3};
    ck_assert_err(s.write_params(ske), ok);
    ck_assert(ske.empty() && !s.sends_params());
    ClientKx c;
    ck_assert_err(c.init(GNUTLS_KX_PSK), ok);
    ck_assert(!c.requires_server_params() && c.accepts_server_params());
    std::vector<std::uint8_t> cke;
    SecretBytes cp, sp;
    ck_assert_err(c.write(cke, cp, as_bytes(kIdentity), kPsk), ok);
    ck_assert_err(s.read_client(cke, sp, lookup), ok);
    ck_assert(same(cp, sp));
    ck_assert_uint_eq(cke.size(), 2 + std::strlen(kIdentity));

    // An unknown identity: the lookup's error comes back, no premaster.
    ServerKx s2;
    ClientKx c2;
    ck_assert_err(s2.init(GNUTLS_KX_PSK), ok);
    ck_assert_err(c2.init(GNUTLS_KX_PSK), ok);
    cke.clear();
    ck_assert_err(c2.write(cke, cp, as_bytes("mallory"), kPsk), ok);
    ck_assert_err(s2.read_client(cke, sp, lookup), db_error);
    ck_assert(sp.empty());
    ck_assert(same(s2.psk_identity(), as_bytes("mallory")));
    // An empty key is refused on both sides.
    ck_assert_err(c2.write(cke, cp, as_bytes(kIdentity), {}), invalid_request);
    auto empty_key = [](Bytes, SecretBytes &k) {
        k.clear();
        return Err::ok;
    };
    ck_assert_err(s2.read_client(Bytes(cke).first(2 + std::strlen("mallory")), sp, empty_key), insufficient_credentials);
}
END_TEST

// ---- Known answers -------------------------------------------------------------

// RFC 7748 section 6.1: Alice is the server, Bob the client.
START_TEST(ecdhe_x25519_known_answer)
{
    auto a = unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    auto b = unhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    ServerKx s;
    ClientKx c;
    ck_assert_err(s.init(GNUTLS_KX_ANON_ECDH), ok);
    ck_assert_err(s.set_group(GNUTLS_GROUP_X25519), ok);
    ck_assert_err(s.set_private_key(a), ok);
    std::vector<std::uint8_t> ske;
    ck_assert_err(s.write_params(ske), ok);
    ck_assert_hex(ske, "03001d20"
                       "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    ck_assert_err(c.init(GNUTLS_KX_ANON_ECDH, {GNUTLS_GROUP_X25519}), ok);
    ck_assert_err(c.set_private_key(b), ok);
    Bytes params, rest;
    ck_assert_err(c.parse_server_params(ske, params, rest), ok);
    std::vector<std::uint8_t> cke;
    SecretBytes cp, sp;
    ck_assert_err(c.write(cke, cp), ok);
    ck_assert_hex(cke, "20de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    const char *k = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
    ck_assert_hex(cp, k);
    ck_assert_err(s.read_client(cke, sp), ok);
    ck_assert_hex(sp, k);
}
END_TEST

START_TEST(dhe_known_answer)
{
    auto p = unhex(kP14);
    const std::uint8_t two[] = {2};
    ServerKx s;
    ClientKx c;
    ck_assert_err(s.init(GNUTLS_KX_ANON_DH), ok);
    ck_assert_err(s.set_dh_params(p, two), ok);
    ck_assert_err(s.set_private_key(unhex(kXs)), ok);
    std::vector<std::uint8_t> ske;
    ck_assert_err(s.write_params(ske), ok);
    std::string expect = std::string("0100") + kP14 + "000102" + "0100" + kYs;
    ck_assert_hex(ske, expect.c_str());

    ck_assert_err(c.init(GNUTLS_KX_ANON_DH, {}, 2048), ok);
    ck_assert_err(c.set_private_key(unhex(kXc)), ok);
    Bytes params, rest;
    ck_assert_err(c.parse_server_params(ske, params, rest), ok);
    std::vector<std::uint8_t> cke;
    SecretBytes cp, sp;
    ck_assert_err(c.write(cke, cp), ok);
    expect = std::string("0100") + kYc;
    ck_assert_hex(cke, expect.c_str());
    // Z has a leading zero byte: the premaster is 255 bytes.
    ck_assert_uint_eq(cp.size(), 255);
    ck_assert_hex(cp, kZ);
    ck_assert_err(s.read_client(cke, sp), ok);
    ck_assert_hex(sp, kZ);
    ck_assert_hex(c.info().peer_public, kYs);
    ck_assert_hex(s.info().peer_public, kYc);
    // Yc with extra leading zeros is the same value.
    std::vector<std::uint8_t> padded{0x01, 0x02, 0x00, 0x00};
    padded.insert(padded.end(), cke.begin() + 2, cke.end());
    sp.clear();
    ck_assert_err(s.read_client(padded, sp), ok);
    ck_assert_hex(sp, kZ);
    ck_assert_hex(s.info().peer_public, kYc);
}
END_TEST

// ---- RSA: no oracle -------------------------------------------------------------

namespace {

// m^e mod n, left-padded to the modulus size: a ciphertext of any block.
std::vector<std::uint8_t> raw_rsa(Bytes m)
{
    pk::Mpz n(rsa().n), e(rsa().e), x(m), c;
    mpz_powm(c.get(), x.get(), e.get(), n.get());
    SecretBytes out = c.bytes(rsa().n.size());
    return {out.begin(), out.end()};
}

// A PKCS#1 v1.5 block: 00 `type` PS 00 msg, PS of nonzero bytes.
std::vector<std::uint8_t> block(std::uint8_t type, Bytes msg, bool separator = true)
{
    std::size_t k = rsa().n.size();
    std::vector<std::uint8_t> b(k, 0x5a);
    b[0] = 0;
    b[1] = type;
    if (separator)
        b[k - msg.size() - 1] = 0;
    std::memcpy(b.data() + k - msg.size(), msg.data(), msg.size());
    return b;
}

std::vector<std::uint8_t> cke_of(Bytes ct)
{
    std::vector<std::uint8_t> body{static_cast<std::uint8_t>(ct.size() >> 8), static_cast<std::uint8_t>(ct.size())};
    body.insert(body.end(), ct.begin(), ct.end());
    return body;
}

SecretBytes server_pms(const x509::Signer &signer, Bytes ct)
{
    ServerKx s;
    ck_assert_err(s.init(GNUTLS_KX_RSA), ok);
    SecretBytes pms;
    ck_assert_err(s.read_client(cke_of(ct), pms, {}, &signer, 0x0303), ok);
    ck_assert_uint_eq(pms.size(), 48);
    ck_assert_hex(Bytes(pms).first(2), "0303");
    return pms;
}

// A bad ciphertext: success, 48 bytes, not the message, and fresh random
// bytes each time.
void expect_random(const x509::Signer &signer, Bytes ct, Bytes msg)
{
    SecretBytes a = server_pms(signer, ct);
    SecretBytes b = server_pms(signer, ct);
    ck_assert(!same(a, msg));
    ck_assert(!same(Bytes(a).subspan(2), msg.size() >= 2 ? msg.subspan(2) : msg));
    ck_assert(!same(a, b));
}

}  // namespace

START_TEST(rsa_bad_ciphertexts)
{
    std::vector<std::uint8_t> msg(48);
    for (std::size_t i = 0; i < msg.size(); ++i)
        msg[i] = static_cast<std::uint8_t>(i * 7 + 1);
    msg[0] = 3;
    msg[1] = 3;
    for (int held = 0; held < 2; ++held) {
        TestSigner signer(rsa().priv, held);
        // Our hand-made block is right: the server gets the message.
        SecretBytes good = server_pms(signer, raw_rsa(block(2, msg)));
        ck_assert(same(good, msg));
        // Block type 1, no zero separator, a 47-byte message, a 49-byte one.
        expect_random(signer, raw_rsa(block(1, msg)), msg);
        expect_random(signer, raw_rsa(block(2, msg, false)), msg);
        expect_random(signer, raw_rsa(block(2, Bytes(msg).first(47))), Bytes(msg).first(47));
        std::vector<std::uint8_t> longer = msg;
        longer.push_back(0x99);
        expect_random(signer, raw_rsa(block(2, longer)), msg);
        // Ciphertext one byte short, one byte long, and not below n.
        auto ct = raw_rsa(block(2, msg));
        expect_random(signer, Bytes(ct).first(ct.size() - 1), msg);
        std::vector<std::uint8_t> ct2 = ct;
        ct2.insert(ct2.begin(), 0);
        expect_random(signer, ct2, msg);
        std::vector<std::uint8_t> big(ct.size(), 0xff);
        expect_random(signer, big, msg);
        // Empty ciphertext.
        expect_random(signer, Bytes(), msg);
        // Wrong version in the block: the client_version replaces it, so
        // the premaster differs from what that client computed.
        std::vector<std::uint8_t> old = msg;
        old[1] = 1;
        SecretBytes pms = server_pms(signer, raw_rsa(block(2, old)));
        ck_assert(!same(pms, old));
        ck_assert(same(Bytes(pms).subspan(2), Bytes(old).subspan(2)));
    }
    // No RSA key to decrypt with: refused before looking at the data.
    ServerKx s;
    ck_assert_err(s.init(GNUTLS_KX_RSA), ok);
    SecretBytes pms;
    ck_assert_err(s.read_client(cke_of(raw_rsa(block(2, msg))), pms, {}, nullptr), invalid_request);
}
END_TEST

// ---- Malformed and hostile input --------------------------------------------------

namespace {

Err client_parse(gnutls_kx_algorithm_t kx, Bytes body, std::vector<gnutls_group_t> offered = kOffered,
                 unsigned min_bits = 1024)
{
    ClientKx c;
    ck_assert_err(c.init(kx, offered, min_bits), ok);
    Bytes params, rest;
    Err e = c.parse_server_params(body, params, rest);
    if (e != Err::ok) {
        // Nothing usable is left: write() refuses to go on.
        std::vector<std::uint8_t> cke;
        SecretBytes pms;
        ck_assert_err(c.write(cke, pms), invalid_request);
        ck_assert(cke.empty() && pms.empty());
    }
    return e;
}

std::vector<std::uint8_t> cat(std::initializer_list<Bytes> parts)
{
    std::vector<std::uint8_t> out;
    for (Bytes p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

std::vector<std::uint8_t> u16(std::size_t n)
{
    return {static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)};
}

// ServerDHParams from big-endian values.
std::vector<std::uint8_t> dh_params(Bytes p, Bytes g, Bytes ys)
{
    return cat({u16(p.size()), p, u16(g.size()), g, u16(ys.size()), ys});
}

}  // namespace

START_TEST(malformed_server_ecdh)
{
    const auto pub = unhex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    auto good = cat({unhex("03001d20"), pub});
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, good), ok);
    // Truncated anywhere.
    for (std::size_t n = 0; n < good.size(); ++n)
        ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, Bytes(good).first(n)), unexpected_packet_length);
    // Trailing bytes after unsigned parameters.
    auto trailing = cat({good, unhex("00")});
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, trailing), unexpected_packet_length);
    ck_assert_err(client_parse(GNUTLS_KX_ECDHE_PSK, cat({u16(0), trailing})), unexpected_packet_length);
    // Explicit curves.
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, cat({unhex("01001d20"), pub})), received_illegal_parameter);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, cat({unhex("02001d20"), pub})), received_illegal_parameter);
    // Unknown curve, a finite-field group, a curve not offered.
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, cat({unhex("03123420"), pub})), received_illegal_parameter);
    ck_assert_err(client_parse(GNUTLS_KX_ECDHE_RSA, cat({unhex("03010020"), pub, unhex("0401000100")})),
                  received_illegal_parameter);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, good, {GNUTLS_GROUP_SECP256R1}), received_illegal_parameter);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, good, {}), received_illegal_parameter);
    // Empty point.
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, unhex("03001d00")), unexpected_packet_length);
    // Point length byte beyond the data.
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, cat({unhex("03001d21"), pub})), unexpected_packet_length);
    // X25519 value of the wrong size, all-zero (small order).
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, cat({unhex("03001d1f"), Bytes(pub).first(31)})),
                  received_illegal_parameter);
    std::vector<std::uint8_t> zero(32, 0);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, cat({unhex("03001d20"), zero})), received_illegal_parameter);
    // P-256: a point off the curve, compressed, the wrong size.
    auto p256 = unhex("04dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180"
                      "5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3");
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, cat({unhex("03001741"), p256})), ok);
    auto off = p256;
    off[64] ^= 1;
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, cat({unhex("03001741"), off})), received_illegal_parameter);
    auto compressed = cat({unhex("03"), Bytes(p256).subspan(1, 32)});
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, cat({unhex("03001721"), compressed})),
                  received_illegal_parameter);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, cat({unhex("03001740"), Bytes(p256).first(64)})),
                  received_illegal_parameter);
    // A P-256 point offered as X25519.
    ck_assert_err(client_parse(GNUTLS_KX_ANON_ECDH, cat({unhex("03001d41"), p256})), received_illegal_parameter);
    // PSK hint length beyond the data.
    ck_assert_err(client_parse(GNUTLS_KX_ECDHE_PSK, cat({u16(5), unhex("6869")})), unexpected_packet_length);
    // RSA has no ServerKeyExchange.
    ck_assert_err(client_parse(GNUTLS_KX_RSA, good), unexpected_handshake_packet);
    Bytes p, r;
    ck_assert_err(tls::split_server_kx(GNUTLS_KX_RSA, good, p, r), invalid_request);
    ck_assert_err(tls::split_server_kx(GNUTLS_KX_ANON_ECDH, trailing, p, r), unexpected_packet_length);
}
END_TEST

START_TEST(malformed_server_dh)
{
    auto p = unhex(kP14);
    auto ys = unhex(kYs);
    const std::uint8_t two[] = {2};
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(p, two, ys), kOffered, 2048), ok);
    // Leading zeros on the wire do not matter.
    auto p0 = cat({unhex("0000"), p});
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(p0, unhex("0002"), ys), kOffered, 2048), ok);
    // Truncation, empty fields, trailing bytes.
    auto good = dh_params(p, two, ys);
    for (std::size_t n : {0, 1, 2, 100, 258, 260, 261, 262, 300})
        ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, Bytes(good).first(n)), unexpected_packet_length);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, Bytes(good).first(good.size() - 1)), unexpected_packet_length);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params({}, two, ys)), unexpected_packet_length);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(p, {}, ys)), unexpected_packet_length);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(p, two, {})), unexpected_packet_length);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, cat({good, unhex("00")})), unexpected_packet_length);
    // A prime below the minimum, and one above what we compute with.
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, good, kOffered, 3072), dh_prime_unacceptable);
    const pk::FfdheGroup *f = pk::ffdhe_group(2048u);
    std::vector<std::uint8_t> y1024(128, 0x11);
    auto p1024 = Bytes(p).first(128);  // not prime, but the size is what counts
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(p1024, two, y1024), kOffered, 2048), dh_prime_unacceptable);
    std::vector<std::uint8_t> huge(2049, 0xff);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(huge, two, y1024), kOffered, 0), dh_prime_unacceptable);
    // A prime too small to compute with at all, even when the caller allows it.
    std::vector<std::uint8_t> tiny{0x17};
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(tiny, two, two), kOffered, 0), dh_prime_unacceptable);
    // Even "prime", zero prime.
    auto even = p;
    even.back() ^= 1;
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(even, two, ys)), received_illegal_parameter);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(unhex("0000"), two, ys), kOffered, 0),
                  received_illegal_parameter);
    // g outside 1 < g < p-1.
    pk::Mpz pm1(p);
    mpz_sub_ui(pm1.get(), pm1.get(), 1);
    SecretBytes pm1b = pm1.bytes();
    const std::uint8_t zero[] = {0}, one[] = {1};
    for (Bytes g : {Bytes(zero), Bytes(one), Bytes(pm1b), Bytes(p)})
        ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(p, g, ys)), received_illegal_parameter);
    // Ys outside 1 < Ys < p-1, and of the wrong subgroup on an RFC 7919 group.
    const auto above = cat({one, p});
    for (Bytes y : {Bytes(zero), Bytes(one), Bytes(pm1b), Bytes(p), Bytes(above)})
        ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(p, two, y)), received_illegal_parameter);
    // 2 generates the whole prime-order subgroup of ffdhe2048, but
    // p-2 = -2 does not (it has order 2q).
    pk::Mpz fm2(f->prime);
    mpz_sub_ui(fm2.get(), fm2.get(), 2);
    SecretBytes fm2b = fm2.bytes();
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(f->prime, f->generator, two)), ok);
    ck_assert_err(client_parse(GNUTLS_KX_ANON_DH, dh_params(f->prime, f->generator, fm2b)),
                  received_illegal_parameter);
}
END_TEST

START_TEST(malformed_client_kx)
{
    // ECDHE: a server that wrote its parameters, then hostile bodies.
    auto ecdhe_server = [](gnutls_kx_algorithm_t kx, gnutls_group_t g, ServerKx &s) {
        ck_assert_err(s.init(kx), ok);
        ck_assert_err(s.set_group(g), ok);
        std::vector<std::uint8_t> ske;
        ck_assert_err(s.write_params(ske), ok);
    };
    auto read = [](ServerKx &s, Bytes body) {
        SecretBytes pms;
        Err e = s.read_client(body, pms, lookup);
        if (e != Err::ok)
            ck_assert(pms.empty());
        return e;
    };
    ServerKx s;
    ecdhe_server(GNUTLS_KX_ECDHE_RSA, GNUTLS_GROUP_X25519, s);
    const auto pub = unhex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    auto good = cat({unhex("20"), pub});
    ck_assert_err(read(s, good), ok);
    ck_assert_err(read(s, {}), unexpected_packet_length);
    ck_assert_err(read(s, unhex("00")), unexpected_packet_length);  // empty point
    ck_assert_err(read(s, Bytes(good).first(20)), unexpected_packet_length);
    ck_assert_err(read(s, cat({good, unhex("00")})), unexpected_packet_length);
    std::vector<std::uint8_t> zero(32, 0);
    ck_assert_err(read(s, cat({unhex("20"), zero})), received_illegal_parameter);
    ck_assert_err(read(s, cat({unhex("1f"), Bytes(pub).first(31)})), received_illegal_parameter);
    ServerKx s256;
    ecdhe_server(GNUTLS_KX_ECDHE_ECDSA, GNUTLS_GROUP_SECP256R1, s256);
    auto p256 = unhex("04d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63"
                      "56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab");
    ck_assert_err(read(s256, cat({unhex("41"), p256})), ok);
    p256[10] ^= 0x80;
    ck_assert_err(read(s256, cat({unhex("41"), p256})), received_illegal_parameter);
    // ECDHE_PSK: identity first.
    ServerKx sp;
    ecdhe_server(GNUTLS_KX_ECDHE_PSK, GNUTLS_GROUP_X25519, sp);
    auto id = as_bytes(kIdentity);
    ck_assert_err(read(sp, cat({u16(id.size()), id, good})), ok);
    ck_assert_err(read(sp, cat({u16(id.size() + 40), id, good})), unexpected_packet_length);
    ck_assert_err(read(sp, cat({u16(id.size()), id})), unexpected_packet_length);
    ck_assert_err(read(sp, cat({u16(7), as_bytes("mallory"), good})), db_error);
    ck_assert_err(read(sp, cat({u16(id.size()), id, unhex("20"), zero})), received_illegal_parameter);

    // DHE: Yc out of range.
    ServerKx sd;
    ck_assert_err(sd.init(GNUTLS_KX_DHE_RSA), ok);
    ck_assert_err(sd.set_group(GNUTLS_GROUP_FFDHE2048), ok);
    std::vector<std::uint8_t> ske;
    ck_assert_err(sd.write_params(ske), ok);
    const pk::FfdheGroup *f = pk::ffdhe_group(2048u);
    pk::Mpz pm1(f->prime);
    mpz_sub_ui(pm1.get(), pm1.get(), 1);
    SecretBytes pm1b = pm1.bytes(256);
    const std::uint8_t zero1[] = {0}, one1[] = {1};
    for (Bytes y : {Bytes(zero1), Bytes(one1), Bytes(pm1b), f->prime})
        ck_assert_err(read(sd, cat({u16(y.size()), y})), received_illegal_parameter);
    ck_assert_err(read(sd, u16(0)), unexpected_packet_length);
    ck_assert_err(read(sd, cat({u16(3), unhex("0102")})), unexpected_packet_length);
    ck_assert_err(read(sd, cat({u16(1), unhex("02"), unhex("00")})), unexpected_packet_length);
    ck_assert_err(read(sd, cat({u16(1), unhex("02")})), ok);  // 2 = g: legal, if silly

    // RSA: the length prefix must match.
    TestSigner signer(rsa().priv, true);
    ServerKx sr;
    ck_assert_err(sr.init(GNUTLS_KX_RSA), ok);
    SecretBytes pms;
    std::vector<std::uint8_t> ct(256, 0x42);
    ck_assert_err(sr.read_client(cat({u16(257), ct}), pms, {}, &signer), unexpected_packet_length);
    ck_assert_err(sr.read_client(cat({u16(255), ct}), pms, {}, &signer), unexpected_packet_length);
    ck_assert_err(sr.read_client(Bytes(ct), pms, {}, &signer), unexpected_packet_length);

    // Reading a ClientKeyExchange before the parameters were written.
    ServerKx early;
    ck_assert_err(early.init(GNUTLS_KX_ECDHE_RSA), ok);
    ck_assert_err(early.set_group(GNUTLS_GROUP_X25519), ok);
    ck_assert_err(read(early, good), invalid_request);
}
END_TEST

START_TEST(configuration_errors)
{
    ServerKx s;
    ck_assert_err(s.init(GNUTLS_KX_SRP), invalid_request);
    ck_assert_err(s.init(GNUTLS_KX_UNKNOWN), invalid_request);
    // The GOST key transport (RFC 9189) has its own module (kx-gost): it is
    // known here, without parameters or signature.
    const tls::Kx12Traits *gost = tls::kx12_traits(GNUTLS_KX_VKO_GOST_12);
    ck_assert(gost != nullptr && gost->kind == tls::KeyExchange::gost && !gost->signed_params && !gost->anonymous);
    ck_assert(tls::kx12_traits(GNUTLS_KX_SRP_RSA) == nullptr);
    ck_assert_err(s.init(GNUTLS_KX_ECDHE_RSA), ok);
    ck_assert_err(s.set_group(GNUTLS_GROUP_FFDHE2048), invalid_request);
    ck_assert_err(s.set_dh_params(unhex(kP14), unhex("02")), invalid_request);
    ck_assert_err(s.set_psk_hint(as_bytes("x")), invalid_request);
    std::vector<std::uint8_t> out;
    ck_assert_err(s.write_params(out), invalid_request);  // no curve yet
    ck_assert_err(s.init(GNUTLS_KX_DHE_RSA), ok);
    ck_assert_err(s.set_group(GNUTLS_GROUP_X25519), invalid_request);
    ck_assert_err(s.write_params(out), invalid_request);  // no parameters yet
    ck_assert(out.empty());
    ClientKx c;
    ck_assert_err(c.init(GNUTLS_KX_SRP_RSA), invalid_request);
    ck_assert_err(c.init(GNUTLS_KX_RSA), ok);
    ck_assert(!c.accepts_server_params() && !c.requires_server_params());
    SecretBytes pms;
    ck_assert_err(c.write(out, pms), invalid_request);  // no server key
    ck_assert(out.empty() && pms.empty());
    ck_assert_err(c.init(GNUTLS_KX_ECDHE_ECDSA, kOffered), ok);
    ck_assert(c.requires_server_params());
    ck_assert_err(c.write(out, pms), invalid_request);  // no ServerKeyExchange yet
    // A second ServerKeyExchange.
    auto ske = unhex("03001d208520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    ck_assert_err(c.init(GNUTLS_KX_ANON_ECDH, kOffered), ok);
    Bytes p, r;
    ck_assert_err(c.parse_server_params(ske, p, r), ok);
    ck_assert_err(c.parse_server_params(ske, p, r), unexpected_handshake_packet);
    // Moved-from objects refuse politely.
    ClientKx moved = std::move(c);
    ck_assert_err(c.parse_server_params(ske, p, r), invalid_request);
    ck_assert_int_eq(c.kx(), GNUTLS_KX_UNKNOWN);
    ck_assert_int_eq(moved.kx(), GNUTLS_KX_ANON_ECDH);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("kx12");
    TCase *tc = tcase_create("kx12");
    tcase_set_timeout(tc, 600);
    tcase_add_loop_test(tc, ecdhe_every_curve, 0, kNumCurves * 4);
    tcase_add_loop_test(tc, dhe_every_ffdhe_group, 0, kNumFfdhe * 4);
    tcase_add_test(tc, dhe_application_params);
    tcase_add_test(tc, rsa_round_trip);
    tcase_add_test(tc, psk_round_trips);
    tcase_add_test(tc, ecdhe_x25519_known_answer);
    tcase_add_test(tc, dhe_known_answer);
    tcase_add_test(tc, rsa_bad_ciphertexts);
    tcase_add_test(tc, malformed_server_ecdh);
    tcase_add_test(tc, malformed_server_dh);
    tcase_add_test(tc, malformed_client_kx);
    tcase_add_test(tc, configuration_errors);
    suite_add_tcase(s, tc);
    return s;
}
