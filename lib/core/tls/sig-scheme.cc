// SPDX-License-Identifier: LGPL-2.1-or-later
// Signature-scheme negotiation.  The facts about each scheme (its key
// type, hash, curve, code point and the versions that may use it) come from
// the algo::Sign table; this file combines them with what is known about a
// key and with the lists both sides put forward.
#include "core/tls/sig-scheme.hh"

#include <algorithm>
#include <string_view>

#include "core/algo/algo.hh"

namespace tlshim::tls {

namespace {

// The rsa_pss_rsae_* schemes: RSASSA-PSS signatures made with an ordinary
// rsaEncryption key.  The other PSS rows are rsa_pss_pss_*, for keys whose
// certificate names RSASSA-PSS itself.
bool is_pss_rsae(gnutls_sign_algorithm_t id) noexcept
{
    switch (id) {
    case GNUTLS_SIGN_RSA_PSS_RSAE_SHA256:
    case GNUTLS_SIGN_RSA_PSS_RSAE_SHA384:
    case GNUTLS_SIGN_RSA_PSS_RSAE_SHA512:
        return true;
    default:
        return false;
    }
}

bool is_pss(const algo::Sign &s) noexcept
{
    return s.pk == GNUTLS_PK_RSA_PSS;
}

std::size_t hash_size(gnutls_digest_algorithm_t hash) noexcept
{
    const algo::Mac *d = algo::digest(hash);
    return d ? d->output_size : 0;
}

// RFC 8017 section 9.1.1: the encoded message of emLen = ceil((modBits-1)/8)
// bytes must hold the hash, a salt and two more bytes.  TLS uses a salt as
// long as the hash (RFC 8446 section 4.2.3).  A key of unknown size is not
// judged here (the signing operation itself will refuse it).
bool pss_fits_modulus(unsigned bits, std::size_t hlen) noexcept
{
    if (bits == 0)
        return true;
    std::size_t em_len = (static_cast<std::size_t>(bits) - 1 + 7) / 8;
    return em_len >= 2 * hlen + 2;
}

// An RSA-PSS key restricted by its parameters accepts only their hash, and
// no salt shorter than theirs.
bool pss_params_allow(const x509::PssParams &p, gnutls_digest_algorithm_t hash, std::size_t hlen) noexcept
{
    return !p.present || (p.hash == hash && p.salt_size <= hlen);
}

bool pss_fits_key(const algo::Sign &s, const KeyInfo &key) noexcept
{
    std::size_t hlen = hash_size(s.hash);
    if (hlen == 0 || !pss_fits_modulus(key.bits, hlen))
        return false;
    if (is_pss_rsae(s.id))
        return key.pk == GNUTLS_PK_RSA;
    return key.pk == GNUTLS_PK_RSA_PSS && pss_params_allow(key.pss, s.hash, hlen);
}

// Whether the version may use the scheme at all: in TLS 1.3 only for a
// CertificateVerify (the one signature that version makes).
bool allowed_in_version(const algo::Sign &s, bool tls13) noexcept
{
    return s.tls_id != 0 && (tls13 ? s.tls13_verify : s.tls12);
}

bool in_list(const std::vector<unsigned> &ours, gnutls_sign_algorithm_t id) noexcept
{
    return std::find(ours.begin(), ours.end(), static_cast<unsigned>(id)) != ours.end();
}

}  // namespace

bool scheme_fits_key(gnutls_sign_algorithm_t scheme, const KeyInfo &key, bool tls13) noexcept
{
    const algo::Sign *s = algo::sign(scheme);
    if (!s || !allowed_in_version(*s, tls13) || key.pk == GNUTLS_PK_UNKNOWN)
        return false;
    if (is_pss(*s))
        return pss_fits_key(*s, key);
    if (s->pk != key.pk)
        return false;
    // TLS 1.3 ties each ECDSA code point to one curve; TLS 1.2 rows carry
    // no curve and accept any.
    return s->curve == GNUTLS_ECC_CURVE_INVALID || s->curve == key.curve;
}

gnutls_sign_algorithm_t choose_scheme(const std::vector<unsigned> &ours, U16List peer, const KeyInfo &key,
                                      bool tls13) noexcept
{
    for (unsigned id : ours) {
        const algo::Sign *s = algo::sign(static_cast<int>(id));
        if (!s || s->tls_id == 0 || !peer.contains(s->tls_id))
            continue;
        if (scheme_fits_key(s->id, key, tls13))
            return s->id;
    }
    return GNUTLS_SIGN_UNKNOWN;
}

Err check_peer_scheme(std::uint16_t tls_id, const std::vector<unsigned> &ours, const KeyInfo &peer_key,
                      bool tls13, gnutls_sign_algorithm_t &scheme) noexcept
{
    const algo::Sign *s = algo::sign_by_tls_id(tls_id, tls13);
    if (!s || !in_list(ours, s->id) || !scheme_fits_key(s->id, peer_key, tls13))
        return Err::unsupported_signature_algorithm;
    scheme = s->id;
    return Err::ok;
}

// Observed behaviour of the reference library, which this reproduces: each
// entry of the priority list that has a code point usable in one of the
// versions on offer is sent in priority order; an entry is skipped only
// when its code point equals the one sent just before it (so the TLS 1.2
// and TLS 1.3 rows of 0x0403 collapse when adjacent, as in the default
// list, but not when other schemes stand between them).
std::vector<std::uint16_t> advertised_schemes(const std::vector<unsigned> &ours, bool with_tls12)
{
    std::vector<std::uint16_t> out;
    for (unsigned id : ours) {
        const algo::Sign *s = algo::sign(static_cast<int>(id));
        if (!s || s->tls_id == 0 || !(s->tls13 || (with_tls12 && s->tls12)))
            continue;
        if (!out.empty() && out.back() == s->tls_id)
            continue;
        out.push_back(s->tls_id);
    }
    return out;
}

std::vector<std::uint8_t> certificate_verify_content13(bool server, Bytes transcript_hash)
{
    static constexpr std::string_view kServer = "TLS 1.3, server CertificateVerify";
    static constexpr std::string_view kClient = "TLS 1.3, client CertificateVerify";
    std::vector<std::uint8_t> out;
    out.reserve(64 + kServer.size() + 1 + transcript_hash.size());
    Writer w(out);
    for (int i = 0; i < 64; i++)
        w.u8(0x20);
    w.bytes(server ? kServer : kClient).u8(0).bytes(transcript_hash);
    return out;
}

KeyInfo key_info(const x509::PublicKey &key) noexcept
{
    KeyInfo info;
    if (key.empty())
        return info;
    info.pk = key.algorithm();
    info.bits = key.bits();
    info.curve = key.curve();
    info.pss = key.pss();
    return info;
}

}  // namespace tlshim::tls
