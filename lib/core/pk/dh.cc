// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/pk/dh.hh"

#include <array>

#include "core/crypto/random.hh"

namespace tlshim::pk {

namespace {

// RFC 7919, appendix A: ffdhe2048 (256-bit private exponents).
constexpr char kFfdhe2048[] =
    "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
    "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
    "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
    "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
    "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
    "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
    "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
    "C58EF1837D1683B2C6F34A26C1B2EFFA886B423861285C97FFFFFFFFFFFFFFFF";
// RFC 7919, appendix A: ffdhe3072 (276-bit private exponents).
constexpr char kFfdhe3072[] =
    "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
    "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
    "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
    "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
    "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
    "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
    "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
    "C58EF1837D1683B2C6F34A26C1B2EFFA886B4238611FCFDCDE355B3B6519035B"
    "BC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C"
    "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF"
    "5CAE82AB9C9DF69EE86D2BC522363A0DABC521979B0DEADA1DBF9A42D5C4484E"
    "0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B66C62E37FFFFFFFFFFFFFFFF";
// RFC 7919, appendix A: ffdhe4096 (336-bit private exponents).
constexpr char kFfdhe4096[] =
    "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
    "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
    "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
    "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
    "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
    "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
    "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
    "C58EF1837D1683B2C6F34A26C1B2EFFA886B4238611FCFDCDE355B3B6519035B"
    "BC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C"
    "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF"
    "5CAE82AB9C9DF69EE86D2BC522363A0DABC521979B0DEADA1DBF9A42D5C4484E"
    "0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B669E1EF16E6F52C3164DF4FB"
    "7930E9E4E58857B6AC7D5F42D69F6D187763CF1D5503400487F55BA57E31CC7A"
    "7135C886EFB4318AED6A1E012D9E6832A907600A918130C46DC778F971AD0038"
    "092999A333CB8B7A1A1DB93D7140003C2A4ECEA9F98D0ACC0A8291CDCEC97DCF"
    "8EC9B55A7F88A46B4DB5A851F44182E1C68A007E5E655F6AFFFFFFFFFFFFFFFF";
// RFC 7919, appendix A: ffdhe6144 (376-bit private exponents).
constexpr char kFfdhe6144[] =
    "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
    "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
    "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
    "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
    "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
    "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
    "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
    "C58EF1837D1683B2C6F34A26C1B2EFFA886B4238611FCFDCDE355B3B6519035B"
    "BC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C"
    "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF"
    "5CAE82AB9C9DF69EE86D2BC522363A0DABC521979B0DEADA1DBF9A42D5C4484E"
    "0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B669E1EF16E6F52C3164DF4FB"
    "7930E9E4E58857B6AC7D5F42D69F6D187763CF1D5503400487F55BA57E31CC7A"
    "7135C886EFB4318AED6A1E012D9E6832A907600A918130C46DC778F971AD0038"
    "092999A333CB8B7A1A1DB93D7140003C2A4ECEA9F98D0ACC0A8291CDCEC97DCF"
    "8EC9B55A7F88A46B4DB5A851F44182E1C68A007E5E0DD9020BFD64B645036C7A"
    "4E677D2C38532A3A23BA4442CAF53EA63BB454329B7624C8917BDD64B1C0FD4C"
    "B38E8C334C701C3ACDAD0657FCCFEC719B1F5C3E4E46041F388147FB4CFDB477"
    "A52471F7A9A96910B855322EDB6340D8A00EF092350511E30ABEC1FFF9E3A26E"
    "7FB29F8C183023C3587E38DA0077D9B4763E4E4B94B2BBC194C6651E77CAF992"
    "EEAAC0232A281BF6B3A739C1226116820AE8DB5847A67CBEF9C9091B462D538C"
    "D72B03746AE77F5E62292C311562A846505DC82DB854338AE49F5235C95B9117"
    "8CCF2DD5CACEF403EC9D1810C6272B045B3B71F9DC6B80D63FDD4A8E9ADB1E69"
    "62A69526D43161C1A41D570D7938DAD4A40E329CD0E40E65FFFFFFFFFFFFFFFF";
// RFC 7919, appendix A: ffdhe8192 (512-bit private exponents).
constexpr char kFfdhe8192[] =
    "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
    "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
    "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
    "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
    "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
    "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
    "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
    "C58EF1837D1683B2C6F34A26C1B2EFFA886B4238611FCFDCDE355B3B6519035B"
    "BC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C"
    "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF"
    "5CAE82AB9C9DF69EE86D2BC522363A0DABC521979B0DEADA1DBF9A42D5C4484E"
    "0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B669E1EF16E6F52C3164DF4FB"
    "7930E9E4E58857B6AC7D5F42D69F6D187763CF1D5503400487F55BA57E31CC7A"
    "7135C886EFB4318AED6A1E012D9E6832A907600A918130C46DC778F971AD0038"
    "092999A333CB8B7A1A1DB93D7140003C2A4ECEA9F98D0ACC0A8291CDCEC97DCF"
    "8EC9B55A7F88A46B4DB5A851F44182E1C68A007E5E0DD9020BFD64B645036C7A"
    "4E677D2C38532A3A23BA4442CAF53EA63BB454329B7624C8917BDD64B1C0FD4C"
    "B38E8C334C701C3ACDAD0657FCCFEC719B1F5C3E4E46041F388147FB4CFDB477"
    "A52471F7A9A96910B855322EDB6340D8A00EF092350511E30ABEC1FFF9E3A26E"
    "7FB29F8C183023C3587E38DA0077D9B4763E4E4B94B2BBC194C6651E77CAF992"
    "EEAAC0232A281BF6B3A739C1226116820AE8DB5847A67CBEF9C9091B462D538C"
    "D72B03746AE77F5E62292C311562A846505DC82DB854338AE49F5235C95B9117"
    "8CCF2DD5CACEF403EC9D1810C6272B045B3B71F9DC6B80D63FDD4A8E9ADB1E69"
    "62A69526D43161C1A41D570D7938DAD4A40E329CCFF46AAA36AD004CF600C838"
    "1E425A31D951AE64FDB23FCEC9509D43687FEB69EDD1CC5E0B8CC3BDF64B10EF"
    "86B63142A3AB8829555B2F747C932665CB2C0F1CC01BD70229388839D2AF05E4"
    "54504AC78B7582822846C0BA35C35F5C59160CC046FD8251541FC68C9C86B022"
    "BB7099876A460E7451A8A93109703FEE1C217E6C3826E52C51AA691E0E423CFC"
    "99E9E31650C1217B624816CDAD9A95F9D5B8019488D9C0A0A1FE3075A577E231"
    "83F81D4A3F2FA4571EFC8CE0BA8A4FE8B6855DFE72B0A66EDED2FBABFBE58A30"
    "FAFABE1C5D71A87E2F741EF8C1FE86FEA6BBFDE530677F0D97D11D49F7A8443D"
    "0822E506A9F4614E011E2A94838FF88CD68C8BB7C5C6424CFFFFFFFFFFFFFFFF";

constexpr std::uint8_t hex_nibble(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c - 'a' + 10;
}

template <std::size_t H>
constexpr std::array<std::uint8_t, (H - 1) / 2> from_hex(const char (&hex)[H])
{
    std::array<std::uint8_t, (H - 1) / 2> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<std::uint8_t>(hex_nibble(hex[2 * i]) << 4 | hex_nibble(hex[2 * i + 1]));
    return out;
}

// (p - 1) / 2 for an odd p: clear the low bit and shift right by one.
template <std::size_t N>
constexpr std::array<std::uint8_t, N> half_minus_one(const std::array<std::uint8_t, N> &p)
{
    std::array<std::uint8_t, N> out{};
    unsigned carry = 0;
    for (std::size_t i = 0; i < N; ++i) {
        std::uint8_t b = p[i];
        if (i == N - 1)
            b &= 0xfe;
        out[i] = static_cast<std::uint8_t>((b >> 1) | (carry << 7));
        carry = b & 1u;
    }
    return out;
}

constexpr auto kP2048 = from_hex(kFfdhe2048);
constexpr auto kP3072 = from_hex(kFfdhe3072);
constexpr auto kP4096 = from_hex(kFfdhe4096);
constexpr auto kP6144 = from_hex(kFfdhe6144);
constexpr auto kP8192 = from_hex(kFfdhe8192);
constexpr auto kQ2048 = half_minus_one(kP2048);
constexpr auto kQ3072 = half_minus_one(kP3072);
constexpr auto kQ4096 = half_minus_one(kP4096);
constexpr auto kQ6144 = half_minus_one(kP6144);
constexpr auto kQ8192 = half_minus_one(kP8192);
constexpr std::uint8_t kTwo[] = {2};

static_assert(kP2048.size() == 256 && kP8192.size() == 1024);

const FfdheGroup kGroups[] = {
    {2048, 256, kP2048, kTwo, kQ2048},
    {3072, 276, kP3072, kTwo, kQ3072},
    {4096, 336, kP4096, kTwo, kQ4096},
    {6144, 376, kP6144, kTwo, kQ6144},
    {8192, 512, kP8192, kTwo, kQ8192},
};

}  // namespace

const FfdheGroup *ffdhe_group(unsigned bits) noexcept
{
    for (const auto &g : kGroups)
        if (g.bits == bits)
            return &g;
    return nullptr;
}

const FfdheGroup *ffdhe_group(gnutls_group_t group) noexcept
{
    switch (group) {
    case GNUTLS_GROUP_FFDHE2048: return ffdhe_group(2048u);
    case GNUTLS_GROUP_FFDHE3072: return ffdhe_group(3072u);
    case GNUTLS_GROUP_FFDHE4096: return ffdhe_group(4096u);
    case GNUTLS_GROUP_FFDHE6144: return ffdhe_group(6144u);
    case GNUTLS_GROUP_FFDHE8192: return ffdhe_group(8192u);
    default: return nullptr;
    }
}

// --- parameters ----------------------------------------------------------------

Err DhParams::set(Bytes p, Bytes g, Bytes q, unsigned key_bits) noexcept
{
    valid_ = false;
    p_.set_bytes(p);
    g_.set_bytes(g);
    q_.set_bytes(q);
    // p odd and of a useful size, 1 < g < p-1, q (if any) below p.
    Mpz pm1;
    mpz_sub_ui(pm1.get(), p_.get(), 1);
    if (mpz_sizeinbase(p_.get(), 2) < 512 || mpz_even_p(p_.get()) || mpz_cmp_ui(g_.get(), 1) <= 0 ||
        mpz_cmp(g_.get(), pm1.get()) >= 0 || (mpz_sgn(q_.get()) != 0 && mpz_cmp(q_.get(), p_.get()) >= 0))
        return Err::invalid_request;
    if (key_bits == 0) {
        // Without a recommendation: the subgroup order's size, or (for
        // unknown q) a conservative fixed size for the prime's strength.
        std::size_t pbits = mpz_sizeinbase(p_.get(), 2);
        key_bits = mpz_sgn(q_.get()) != 0 ? mpz_sizeinbase(q_.get(), 2)
                   : pbits <= 2048       ? 256
                   : pbits <= 3072       ? 276
                   : pbits <= 4096       ? 336
                   : pbits <= 6144       ? 376
                                         : 512;
    }
    if (key_bits < 2 || key_bits > mpz_sizeinbase(p_.get(), 2))
        return Err::invalid_request;
    key_bits_ = key_bits;
    valid_ = true;
    return Err::ok;
}

Err DhParams::set_ffdhe(unsigned bits) noexcept
{
    const FfdheGroup *grp = ffdhe_group(bits);
    if (!grp) {
        valid_ = false;
        return Err::invalid_request;
    }
    return set(grp->prime, grp->generator, grp->q, grp->key_bits);
}

Err DhParams::check_public(const Mpz &y) const noexcept
{
    if (!valid_)
        return Err::invalid_request;
    Mpz pm1;
    mpz_sub_ui(pm1.get(), p_.get(), 1);
    if (mpz_cmp_ui(y.get(), 1) <= 0 || mpz_cmp(y.get(), pm1.get()) >= 0)
        return Err::received_illegal_parameter;
    if (has_q()) {
        Mpz r;
        mpz_powm(r.get(), y.get(), q_.get(), p_.get());
        if (mpz_cmp_ui(r.get(), 1) != 0)
            return Err::received_illegal_parameter;
    }
    return Err::ok;
}

// --- keys ----------------------------------------------------------------------

Err DhKey::generate(const DhParams &params) noexcept
{
    valid_ = false;
    if (!params.valid())
        return Err::invalid_request;
    unsigned bits = params.key_bits();
    FixedSecret<1024> buf;
    std::size_t len = (bits + 7) / 8;
    if (!buf.resize(len))
        return Err::invalid_request;
    for (int attempt = 0; attempt < 64; ++attempt) {
        Err e = crypto::random(crypto::RandomLevel::key, buf.span());
        if (e != Err::ok)
            return e;
        if (bits % 8)
            buf.data()[0] &= static_cast<std::uint8_t>((1u << (bits % 8)) - 1);
        x_.set_bytes(buf.span());
        if (mpz_cmp_ui(x_.get(), 1) <= 0)
            continue;
        if (params.has_q() && mpz_cmp(x_.get(), params.q().get()) >= 0)
            continue;
        mpz_powm_sec(y_.get(), params.g().get(), x_.get(), params.p().get());
        valid_ = true;
        return Err::ok;
    }
    x_.wipe();
    return Err::random_failed;
}

Err DhKey::import_private(const DhParams &params, Bytes x) noexcept
{
    valid_ = false;
    if (!params.valid())
        return Err::invalid_request;
    x_.set_bytes(x);
    Mpz pm1;
    mpz_sub_ui(pm1.get(), params.p().get(), 1);
    if (mpz_cmp_ui(x_.get(), 1) <= 0 || mpz_cmp(x_.get(), pm1.get()) >= 0) {
        x_.wipe();
        return Err::illegal_parameter;
    }
    mpz_powm_sec(y_.get(), params.g().get(), x_.get(), params.p().get());
    valid_ = true;
    return Err::ok;
}

SecretBytes DhKey::public_value(const DhParams &params) const { return y_.bytes(params.size()); }

Err dh_shared(const DhParams &params, const DhKey &ours, Bytes peer_y, bool pad, SecretBytes &shared)
{
    if (!params.valid() || !ours.valid())
        return Err::invalid_request;
    if (peer_y.size() > params.size())
        return Err::received_illegal_parameter;
    Mpz y(peer_y);
    Err e = params.check_public(y);
    if (e != Err::ok)
        return e;
    Mpz z;
    mpz_powm_sec(z.get(), y.get(), ours.x().get(), params.p().get());
    // z is never 0 or 1 for a checked y and x < q, but refuse it anyway.
    if (mpz_cmp_ui(z.get(), 1) <= 0)
        return Err::received_illegal_parameter;
    shared = pad ? z.bytes(params.size()) : z.bytes();
    return shared.empty() ? Err::internal : Err::ok;
}

}  // namespace tlshim::pk
