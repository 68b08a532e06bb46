// SPDX-License-Identifier: LGPL-2.1-or-later
// The priority-string parser: tokens -> lists -> resolved cipher suites.
#include "core/tls/priority.hh"

#include <algorithm>
#include <array>

#include "core/algo/algo.hh"
#include "core/log.hh"

namespace tlshim::tls {
namespace {

using algo::iequals;

// ---- the algorithm sets of the keywords -------------------------------------

constexpr unsigned kProtocolsAll[] = {GNUTLS_TLS1_3, GNUTLS_TLS1_2, GNUTLS_TLS1_1, GNUTLS_TLS1_0, GNUTLS_DTLS1_2, GNUTLS_DTLS1_0};
constexpr unsigned kProtocolsTls[] = {GNUTLS_TLS1_3, GNUTLS_TLS1_2, GNUTLS_TLS1_1, GNUTLS_TLS1_0};
constexpr unsigned kProtocolsDtls[] = {GNUTLS_DTLS1_2, GNUTLS_DTLS1_0};
constexpr unsigned kProtocolsTls12[] = {GNUTLS_TLS1_2};

constexpr unsigned kCiphersNormal[] = {
    GNUTLS_CIPHER_AES_256_GCM, GNUTLS_CIPHER_CHACHA20_POLY1305, GNUTLS_CIPHER_AES_256_CCM, GNUTLS_CIPHER_AES_256_CBC,
    GNUTLS_CIPHER_AES_128_GCM, GNUTLS_CIPHER_AES_128_CCM, GNUTLS_CIPHER_AES_128_CBC,
};
constexpr unsigned kCiphersPerformance[] = {
    GNUTLS_CIPHER_AES_128_GCM, GNUTLS_CIPHER_AES_256_GCM, GNUTLS_CIPHER_CHACHA20_POLY1305, GNUTLS_CIPHER_AES_128_CCM,
    GNUTLS_CIPHER_AES_256_CCM, GNUTLS_CIPHER_AES_128_CBC, GNUTLS_CIPHER_AES_256_CBC,
};
constexpr unsigned kCiphersSecure128[] = {
    GNUTLS_CIPHER_AES_256_GCM, GNUTLS_CIPHER_CHACHA20_POLY1305, GNUTLS_CIPHER_AES_256_CBC, GNUTLS_CIPHER_AES_256_CCM,
    GNUTLS_CIPHER_AES_128_GCM, GNUTLS_CIPHER_AES_128_CBC, GNUTLS_CIPHER_AES_128_CCM,
};
constexpr unsigned kCiphersSecure192[] = {
    GNUTLS_CIPHER_AES_256_GCM, GNUTLS_CIPHER_CHACHA20_POLY1305, GNUTLS_CIPHER_AES_256_CBC, GNUTLS_CIPHER_AES_256_CCM,
};
constexpr unsigned kCiphersSuiteB128[] = {GNUTLS_CIPHER_AES_256_GCM, GNUTLS_CIPHER_AES_128_GCM};
constexpr unsigned kCiphersSuiteB192[] = {GNUTLS_CIPHER_AES_256_GCM};

constexpr unsigned kMacsNormal[] = {GNUTLS_MAC_SHA1, GNUTLS_MAC_AEAD};
constexpr unsigned kMacsAead[] = {GNUTLS_MAC_AEAD};

constexpr unsigned kKxNormal[] = {GNUTLS_KX_ECDHE_ECDSA, GNUTLS_KX_ECDHE_RSA, GNUTLS_KX_RSA, GNUTLS_KX_DHE_RSA};
constexpr unsigned kKxPerformance[] = {GNUTLS_KX_RSA, GNUTLS_KX_ECDHE_ECDSA, GNUTLS_KX_ECDHE_RSA, GNUTLS_KX_DHE_RSA};
constexpr unsigned kKxPfs[] = {GNUTLS_KX_ECDHE_ECDSA, GNUTLS_KX_ECDHE_RSA, GNUTLS_KX_DHE_RSA};
constexpr unsigned kKxSuiteB[] = {GNUTLS_KX_ECDHE_ECDSA};

constexpr unsigned kGroupsNormal[] = {
    GNUTLS_GROUP_SECP256R1, GNUTLS_GROUP_SECP384R1, GNUTLS_GROUP_SECP521R1, GNUTLS_GROUP_X25519, GNUTLS_GROUP_X448,
    GNUTLS_GROUP_FFDHE2048, GNUTLS_GROUP_FFDHE3072, GNUTLS_GROUP_FFDHE4096, GNUTLS_GROUP_FFDHE6144, GNUTLS_GROUP_FFDHE8192,
};
constexpr unsigned kGroupsEc[] = {
    GNUTLS_GROUP_SECP256R1, GNUTLS_GROUP_SECP384R1, GNUTLS_GROUP_SECP521R1, GNUTLS_GROUP_X25519, GNUTLS_GROUP_X448,
};
constexpr unsigned kGroupsDh[] = {
    GNUTLS_GROUP_FFDHE2048, GNUTLS_GROUP_FFDHE3072, GNUTLS_GROUP_FFDHE4096, GNUTLS_GROUP_FFDHE6144, GNUTLS_GROUP_FFDHE8192,
};
constexpr unsigned kGroupsGost[] = {
    GNUTLS_GROUP_GC256A, GNUTLS_GROUP_GC256B, GNUTLS_GROUP_GC256C, GNUTLS_GROUP_GC256D,
    GNUTLS_GROUP_GC512A, GNUTLS_GROUP_GC512B, GNUTLS_GROUP_GC512C,
};
constexpr unsigned kGroupsSecure192[] = {GNUTLS_GROUP_SECP384R1, GNUTLS_GROUP_SECP521R1, GNUTLS_GROUP_FFDHE8192};
constexpr unsigned kGroupsSuiteB128[] = {GNUTLS_GROUP_SECP256R1, GNUTLS_GROUP_SECP384R1};
constexpr unsigned kGroupsSuiteB192[] = {GNUTLS_GROUP_SECP384R1};

constexpr unsigned kSigsNormal[] = {
    GNUTLS_SIGN_RSA_SHA256, GNUTLS_SIGN_RSA_PSS_SHA256, GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, GNUTLS_SIGN_ECDSA_SHA256,
    GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, GNUTLS_SIGN_EDDSA_ED25519,
    GNUTLS_SIGN_RSA_SHA384, GNUTLS_SIGN_RSA_PSS_SHA384, GNUTLS_SIGN_RSA_PSS_RSAE_SHA384, GNUTLS_SIGN_ECDSA_SHA384,
    GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, GNUTLS_SIGN_EDDSA_ED448,
    GNUTLS_SIGN_RSA_SHA512, GNUTLS_SIGN_RSA_PSS_SHA512, GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, GNUTLS_SIGN_ECDSA_SHA512,
    GNUTLS_SIGN_ECDSA_SECP521R1_SHA512,
    GNUTLS_SIGN_RSA_SHA1, GNUTLS_SIGN_ECDSA_SHA1,
};
// SECURE128: the same without the SHA-1 schemes.
constexpr std::span<const unsigned> kSigsSecure128{kSigsNormal, 17};
// SECURE192/256: from the SHA-384 schemes on.
constexpr std::span<const unsigned> kSigsSecure192{kSigsNormal + 6, 11};
constexpr unsigned kSigsSuiteB128[] = {
    GNUTLS_SIGN_ECDSA_SHA256, GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, GNUTLS_SIGN_ECDSA_SHA384, GNUTLS_SIGN_ECDSA_SECP384R1_SHA384,
};
constexpr unsigned kSigsSuiteB192[] = {GNUTLS_SIGN_ECDSA_SHA384, GNUTLS_SIGN_ECDSA_SECP384R1_SHA384};

constexpr unsigned kCtypeDefault[] = {GNUTLS_CRT_X509};
constexpr unsigned kCtypeAll[] = {GNUTLS_CRT_X509, GNUTLS_CRT_RAWPK};

// A keyword's lists.  Only the Suite B keywords name protocol versions;
// the others leave the protocol list alone.
struct Keyword {
    const char *name;
    std::span<const unsigned> protocols, ciphers, macs, kx, groups, sigs;
    gnutls_sec_param_t level;
};

constexpr std::span<const unsigned> kAny{};

// NONE is handled apart (it sets nothing, not even the defaults).
const Keyword kKeywords[] = {
    {"NORMAL", kAny, kCiphersNormal, kMacsNormal, kKxNormal, kGroupsNormal, kSigsNormal, GNUTLS_SEC_PARAM_LOW},
    {"PFS", kAny, kCiphersNormal, kMacsNormal, kKxPfs, kGroupsNormal, kSigsNormal, GNUTLS_SEC_PARAM_LOW},
    {"LEGACY", kAny, kCiphersNormal, kMacsNormal, kKxNormal, kGroupsNormal, kSigsNormal, GNUTLS_SEC_PARAM_VERY_WEAK},
    {"PERFORMANCE", kAny, kCiphersPerformance, kMacsNormal, kKxPerformance, kGroupsNormal, kSigsNormal,
     GNUTLS_SEC_PARAM_LOW},
    {"SECURE128", kAny, kCiphersSecure128, kMacsNormal, kKxNormal, kGroupsNormal, kSigsSecure128,
     GNUTLS_SEC_PARAM_HIGH},
    {"SECURE", kAny, kCiphersSecure128, kMacsNormal, kKxNormal, kGroupsNormal, kSigsSecure128,
     GNUTLS_SEC_PARAM_HIGH},
    {"SECURE192", kAny, kCiphersSecure192, kMacsAead, kKxNormal, kGroupsSecure192, kSigsSecure192,
     GNUTLS_SEC_PARAM_ULTRA},
    {"SECURE256", kAny, kCiphersSecure192, kMacsAead, kKxNormal, kGroupsSecure192, kSigsSecure192,
     GNUTLS_SEC_PARAM_ULTRA},
    {"SUITEB128", kProtocolsTls12, kCiphersSuiteB128, kMacsAead, kKxSuiteB, kGroupsSuiteB128, kSigsSuiteB128,
     GNUTLS_SEC_PARAM_HIGH},
    {"SUITEB192", kProtocolsTls12, kCiphersSuiteB192, kMacsAead, kKxSuiteB, kGroupsSuiteB192, kSigsSuiteB192,
     GNUTLS_SEC_PARAM_ULTRA},
};

const Keyword *find_keyword(std::string_view name) noexcept
{
    for (const Keyword &k : kKeywords)
        if (iequals(k.name, name))
            return &k;
    return nullptr;
}

// ---- '%' flags ---------------------------------------------------------------

struct FlagRow {
    const char *name;
    void (*apply)(Priority &);
};

#define TLSHIM_FLAG(NAME, BODY) {NAME, [](Priority &p) { BODY; }}
const FlagRow kFlags[] = {
    TLSHIM_FLAG("COMPAT", p.flags.compat = true),
    TLSHIM_FLAG("DUMBFW", p.flags.dumbfw = true),
    TLSHIM_FLAG("NO_EXTENSIONS", p.flags.no_extensions = true),
    TLSHIM_FLAG("NO_TICKETS", p.flags.no_tickets = true),
    TLSHIM_FLAG("NO_TICKETS_TLS12", p.flags.no_tickets_tls12 = true),
    TLSHIM_FLAG("NO_SESSION_HASH", p.flags.no_session_hash = true),
    TLSHIM_FLAG("SERVER_PRECEDENCE", p.flags.server_precedence = true),
    TLSHIM_FLAG("SSL3_RECORD_VERSION", p.flags.record_version = RecordVersion::ssl3),
    TLSHIM_FLAG("LATEST_RECORD_VERSION", p.flags.record_version = RecordVersion::latest),
    TLSHIM_FLAG("STATELESS_COMPRESSION", p.flags.stateless_compression = true),
    TLSHIM_FLAG("NEW_PADDING", p.flags.new_padding = true),
    TLSHIM_FLAG("ALLOW_SMALL_RECORDS", p.flags.allow_small_records = true),
    TLSHIM_FLAG("NO_ETM", p.flags.no_etm = true),
    TLSHIM_FLAG("FORCE_ETM", p.flags.force_etm = true),
    TLSHIM_FLAG("FALLBACK_SCSV", p.flags.fallback_scsv = true),
    TLSHIM_FLAG("DISABLE_TLS13_COMPAT_MODE", p.flags.disable_tls13_compat_mode = true),
    TLSHIM_FLAG("DEBUG_ALLOW_KEY_USAGE_VIOLATIONS", p.flags.debug_allow_key_usage_violations = true),
    TLSHIM_FLAG("SAFE_RENEGOTIATION", p.flags.renegotiation = Renegotiation::safe),
    TLSHIM_FLAG("UNSAFE_RENEGOTIATION", p.flags.renegotiation = Renegotiation::unsafe),
    TLSHIM_FLAG("PARTIAL_RENEGOTIATION", p.flags.renegotiation = Renegotiation::partial),
    TLSHIM_FLAG("DISABLE_SAFE_RENEGOTIATION", p.flags.renegotiation = Renegotiation::disabled),
    TLSHIM_FLAG("DISABLE_WILDCARDS", p.verify_flags |= GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS),
    TLSHIM_FLAG("VERIFY_ALLOW_SIGN_RSA_MD5", p.verify_flags |= GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD5),
    TLSHIM_FLAG("VERIFY_DISABLE_CRL_CHECKS", p.verify_flags |= GNUTLS_VERIFY_DISABLE_CRL_CHECKS),
    TLSHIM_FLAG("VERIFY_ALLOW_X509_V1_CA_CRT", p.verify_flags |= GNUTLS_VERIFY_ALLOW_X509_V1_CA_CRT),
    TLSHIM_FLAG("VERIFY_ALLOW_SIGN_WITH_SHA1", p.verify_flags |= GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1),
    TLSHIM_FLAG("VERIFY_ALLOW_BROKEN", p.verify_flags |= GNUTLS_VERIFY_ALLOW_BROKEN),
    TLSHIM_FLAG("PROFILE_VERY_WEAK", p.profile = GNUTLS_PROFILE_VERY_WEAK),
    TLSHIM_FLAG("PROFILE_LOW", p.profile = GNUTLS_PROFILE_LOW),
    TLSHIM_FLAG("PROFILE_LEGACY", p.profile = GNUTLS_PROFILE_LEGACY),
    TLSHIM_FLAG("PROFILE_MEDIUM", p.profile = GNUTLS_PROFILE_MEDIUM),
    TLSHIM_FLAG("PROFILE_HIGH", p.profile = GNUTLS_PROFILE_HIGH),
    TLSHIM_FLAG("PROFILE_ULTRA", p.profile = GNUTLS_PROFILE_ULTRA),
    TLSHIM_FLAG("PROFILE_FUTURE", p.profile = GNUTLS_PROFILE_FUTURE),
    TLSHIM_FLAG("PROFILE_SUITEB128", p.profile = GNUTLS_PROFILE_SUITEB128),
    TLSHIM_FLAG("PROFILE_SUITEB192", p.profile = GNUTLS_PROFILE_SUITEB192),
};
#undef TLSHIM_FLAG

// gnutls_priority_string_list(..., GNUTLS_PRIORITY_LIST_SPECIAL) walks the
// reference's hash table of flag names slot by slot, empty slots included;
// the order below is that observable order.
constexpr const char *kSpecialNames[] = {
    "", "", "", "", "", "", "NO_ETM", "", "", "FORCE_ETM", "NO_TICKETS", "NEW_PADDING", "", "NO_EXTENSIONS", "", "",
    "COMPAT", "DISABLE_WILDCARDS", "SAFE_RENEGOTIATION", "SSL3_RECORD_VERSION", "NO_SESSION_HASH",
    "STATELESS_COMPRESSION", "SERVER_PRECEDENCE", "", "PROFILE_MEDIUM", "UNSAFE_RENEGOTIATION",
    "DISABLE_SAFE_RENEGOTIATION", "PROFILE_HIGH", "FALLBACK_SCSV", "PROFILE_FUTURE", "DISABLE_TLS13_COMPAT_MODE",
    "PARTIAL_RENEGOTIATION", "DEBUG_ALLOW_KEY_USAGE_VIOLATIONS", "", "VERIFY_ALLOW_BROKEN", "", "DUMBFW",
    "PROFILE_VERY_WEAK", "", "ALLOW_SMALL_RECORDS", "VERIFY_DISABLE_CRL_CHECKS", "NO_TICKETS_TLS12",
    "VERIFY_ALLOW_X509_V1_CA_CRT", "PROFILE_ULTRA", "PROFILE_LEGACY", "VERIFY_ALLOW_SIGN_RSA_MD5",
    "LATEST_RECORD_VERSION", "PROFILE_SUITEB128", "", "", "", "PROFILE_LOW", "PROFILE_SUITEB192", "", "", "", "",
};
static_assert(std::size(kSpecialNames) == 57);

constexpr const char *kKeywordNames[] = {
    "NORMAL", "PFS", "SECURE128", "SECURE192", "SUITEB128", "SUITEB192", "LEGACY", "PERFORMANCE",
};

// ---- list editing -----------------------------------------------------------

void add(std::vector<unsigned> &list, unsigned v)
{
    if (std::find(list.begin(), list.end(), v) == list.end())
        list.push_back(v);
}

void add_all(std::vector<unsigned> &list, std::span<const unsigned> vs)
{
    for (unsigned v : vs)
        add(list, v);
}

void remove(std::vector<unsigned> &list, unsigned v)
{
    list.erase(std::remove(list.begin(), list.end(), v), list.end());
}

void remove_all(std::vector<unsigned> &list, std::span<const unsigned> vs)
{
    for (unsigned v : vs)
        remove(list, v);
}

bool istarts(std::string_view s, std::string_view prefix) noexcept
{
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool is_blank(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// A keyword either replaces the lists it defines (`replace`) or appends
// its algorithms that are missing.
void apply_keyword(Priority &p, const Keyword &k, bool replace)
{
    auto apply = [replace](std::vector<unsigned> &list, std::span<const unsigned> set) {
        if (replace)
            list.assign(set.begin(), set.end());
        else
            add_all(list, set);
    };
    if (!k.protocols.empty())
        apply(p.protocols, k.protocols);
    apply(p.ciphers, k.ciphers);
    apply(p.macs, k.macs);
    apply(p.kx, k.kx);
    apply(p.groups, k.groups);
    apply(p.sigs, k.sigs);
    if (replace || p.level == GNUTLS_SEC_PARAM_UNKNOWN)
        p.level = k.level;
}

// What every string except "NONE..." starts from, before its first token.
void set_defaults(Priority &p)
{
    p.protocols.assign(std::begin(kProtocolsAll), std::end(kProtocolsAll));
    p.ctype_client.assign(std::begin(kCtypeDefault), std::end(kCtypeDefault));
    p.ctype_server.assign(std::begin(kCtypeDefault), std::end(kCtypeDefault));
    p.sigs.assign(std::begin(kSigsNormal), std::end(kSigsNormal));
    p.groups.assign(std::begin(kGroupsNormal), std::end(kGroupsNormal));
}

// One edit: `add` for '+', otherwise removal.  Returns false for a name
// nothing accepts.
bool apply_edit(Priority &p, std::string_view name, bool adding)
{
    auto edit = [adding](std::vector<unsigned> &list, unsigned v) { adding ? add(list, v) : remove(list, v); };
    // "-X-ALL" empties the list; "+X-ALL" appends the default set.
    auto edit_all = [adding](std::vector<unsigned> &list, std::span<const unsigned> set) {
        if (adding)
            add_all(list, set);
        else
            list.clear();
    };

    if (istarts(name, "VERS-")) {
        std::string_view v = name.substr(5);
        if (iequals(v, "ALL")) {
            edit_all(p.protocols, kProtocolsAll);
        } else if (iequals(v, "TLS-ALL")) {
            adding ? add_all(p.protocols, kProtocolsTls) : remove_all(p.protocols, kProtocolsTls);
        } else if (iequals(v, "DTLS-ALL")) {
            if (adding) {
                add_all(p.protocols, kProtocolsDtls);
            } else {
                remove_all(p.protocols, kProtocolsDtls);
                remove(p.protocols, GNUTLS_DTLS0_9);
            }
        } else {
            const algo::Protocol *pr = algo::protocol_by_name(v);
            if (pr == nullptr)
                return false;
            if (pr->listed)  // SSL 3.0 is known, accepted, and never enabled
                edit(p.protocols, pr->id);
        }
        return true;
    }
    if (istarts(name, "COMP-"))  // only the null method exists: nothing to edit
        return true;
    if (istarts(name, "GROUP-") || istarts(name, "CURVE-")) {
        const bool curve_form = istarts(name, "CURVE-");
        std::string_view v = name.substr(curve_form ? 6 : 6);
        if (iequals(v, "ALL")) {
            edit_all(p.groups, kGroupsNormal);
            return true;
        }
        if (!curve_form) {
            std::span<const unsigned> set;
            if (iequals(v, "EC-ALL"))
                set = kGroupsEc;
            else if (iequals(v, "DH-ALL"))
                set = kGroupsDh;
            else if (iequals(v, "GOST-ALL"))
                set = kGroupsGost;
            if (!set.empty()) {
                adding ? add_all(p.groups, set) : remove_all(p.groups, set);
                return true;
            }
            const algo::Group *g = algo::group_by_name(v);
            if (g == nullptr)
                return false;
            edit(p.groups, g->id);
            return true;
        }
        const algo::Curve *c = algo::curve_by_name(v);
        if (c == nullptr || c->group == GNUTLS_GROUP_INVALID)
            return false;
        edit(p.groups, c->group);
        return true;
    }
    if (istarts(name, "SIGN-")) {
        std::string_view v = name.substr(5);
        if (iequals(v, "ALL")) {
            edit_all(p.sigs, kSigsNormal);
            return true;
        }
        const algo::Sign *s = algo::sign_by_name(v);
        if (s == nullptr)
            return false;
        edit(p.sigs, s->id);
        return true;
    }
    if (istarts(name, "CTYPE-")) {
        std::string_view v = name.substr(6);
        bool client = true, server = true;
        if (istarts(v, "CLI-")) {
            server = false;
            v = v.substr(4);
        } else if (istarts(v, "SRV-")) {
            client = false;
            v = v.substr(4);
        }
        if (iequals(v, "ALL")) {
            if (client)
                edit_all(p.ctype_client, kCtypeAll);
            if (server)
                edit_all(p.ctype_server, kCtypeAll);
            return true;
        }
        if (iequals(v, "OPENPGP"))  // no longer supported, still accepted
            return true;
        const algo::CertType *t = algo::cert_type_by_name(v);
        if (t == nullptr)
            return false;
        if (client)
            edit(p.ctype_client, t->id);
        if (server)
            edit(p.ctype_server, t->id);
        return true;
    }
    if (iequals(name, "CIPHER-ALL")) {
        edit_all(p.ciphers, kCiphersNormal);
        return true;
    }
    if (iequals(name, "MAC-ALL")) {
        edit_all(p.macs, kMacsNormal);
        return true;
    }
    if (iequals(name, "KX-ALL")) {
        edit_all(p.kx, kKxNormal);
        return true;
    }
    if (const algo::Cipher *c = algo::cipher_by_name(name)) {
        edit(p.ciphers, c->id);
        return true;
    }
    if (const algo::Mac *m = algo::mac_by_name(name)) {
        edit(p.macs, m->id);
        return true;
    }
    if (const algo::Kx *k = algo::kx_by_name(name)) {
        edit(p.kx, static_cast<unsigned>(k->id));
        return true;
    }
    // Names that are accepted and change nothing: other CIPHER-/MAC-/KX-
    // forms, and key exchanges that are listed but cannot be enabled.
    if (istarts(name, "CIPHER-") || istarts(name, "MAC-") || istarts(name, "KX-"))
        return true;
    for (const algo::Kx &k : algo::kx_table())
        if (!k.by_name && iequals(k.name, name))
            return true;
    return false;
}

bool apply_flag(Priority &p, std::string_view name)
{
    for (const FlagRow &f : kFlags)
        if (name == f.name) {
            f.apply(p);
            return true;
        }
    return false;
}

bool is_tls13_only(const Priority &p) noexcept
{
    return std::all_of(p.protocols.begin(), p.protocols.end(), [](unsigned v) { return v == GNUTLS_TLS1_3; });
}

// The rules that relate the lists to each other, then the suites.
Err finish(Priority &p)
{
    // TLS 1.2 and later negotiate signature algorithms: without any, only
    // older versions remain.
    if (p.sigs.empty())
        std::erase_if(p.protocols, [](unsigned v) {
            const algo::Protocol *pr = algo::protocol(static_cast<int>(v));
            return pr != nullptr && (pr->selectable_prf || pr->tls13_sem);
        });
    // TLS 1.3 cannot work without hello extensions, and is not offered
    // next to key exchanges it has no equivalent of (SRP, RSA-PSK) or the
    // null cipher.
    auto has = [](const std::vector<unsigned> &list, unsigned v) {
        return std::find(list.begin(), list.end(), v) != list.end();
    };
    if (p.flags.no_extensions || has(p.kx, GNUTLS_KX_SRP) || has(p.kx, GNUTLS_KX_SRP_RSA) ||
        has(p.kx, GNUTLS_KX_SRP_DSS) || has(p.kx, GNUTLS_KX_RSA_PSK) || has(p.ciphers, GNUTLS_CIPHER_NULL))
        remove(p.protocols, GNUTLS_TLS1_3);
    // TLS 1.3 is not offered next to older TLS versions without TLS 1.2.
    if (p.has_protocol(GNUTLS_TLS1_3) && !p.has_protocol(GNUTLS_TLS1_2) &&
        (p.has_protocol(GNUTLS_TLS1_1) || p.has_protocol(GNUTLS_TLS1_0)))
        remove(p.protocols, GNUTLS_TLS1_3);
    if (p.protocols.empty())
        return Err::no_priorities_were_set;
    // The PSK key exchanges name the TLS 1.3 PSK modes too (psk_ke for
    // PSK, psk_dhe_ke for DHE-PSK and ECDHE-PSK), in their order.
    auto psk_kx = [](unsigned k) {
        return k == GNUTLS_KX_PSK || k == GNUTLS_KX_DHE_PSK || k == GNUTLS_KX_ECDHE_PSK;
    };
    p.psk_kx.clear();
    for (unsigned k : p.kx)
        if (psk_kx(k))
            p.psk_kx.push_back(k);
    // The curves of the leading elliptic-curve groups, before the groups
    // may be reordered below.
    for (unsigned g : p.groups) {
        const algo::Group *gr = algo::group(static_cast<int>(g));
        if (gr == nullptr || gr->curve == GNUTLS_ECC_CURVE_INVALID)
            break;
        p.curves.push_back(gr->curve);
    }
    // TLS 1.3 alone has no use for TLS 1.2 key exchanges, unless a PSK one
    // is among them (GnuTLS then keeps the list).
    if (is_tls13_only(p) && p.psk_kx.empty())
        p.kx.clear();
    // When the first Diffie-Hellman key exchange of the list is a
    // finite-field one, the finite-field groups go first (GnuTLS's hello
    // then lists and shares them first).
    {
        for (unsigned k : p.kx) {
            const bool dhe = k == GNUTLS_KX_DHE_RSA || k == GNUTLS_KX_DHE_DSS || k == GNUTLS_KX_ANON_DH ||
                             k == GNUTLS_KX_DHE_PSK;
            const bool ecdhe = k == GNUTLS_KX_ECDHE_RSA || k == GNUTLS_KX_ECDHE_ECDSA || k == GNUTLS_KX_ANON_ECDH ||
                               k == GNUTLS_KX_ECDHE_PSK;
            if (dhe)
                std::stable_partition(p.groups.begin(), p.groups.end(), [](unsigned g) {
                    const algo::Group *gr = algo::group(static_cast<int>(g));
                    return gr != nullptr && gr->kind == algo::GroupKind::ffdhe;
                });
            if (dhe || ecdhe)
                break;
        }
    }

    const auto table = algo::suite_table();
    auto add_suite = [&](int kx, unsigned cipher, unsigned mac) {
        const algo::CipherSuite *s = algo::suite_by_algorithms(kx, static_cast<int>(cipher), static_cast<int>(mac));
        if (s != nullptr)
            add(p.suites, static_cast<unsigned>(s - table.data()));
    };
    for (unsigned c : p.ciphers)
        for (unsigned m : p.macs)
            add_suite(GNUTLS_KX_UNKNOWN, c, m);
    for (unsigned k : p.kx)
        for (unsigned c : p.ciphers)
            for (unsigned m : p.macs)
                add_suite(static_cast<int>(k), c, m);
    if (p.suites.empty())
        return Err::no_priorities_were_set;

    // TLS 1.3 key exchange needs a group.
    if (p.groups.empty())
        remove(p.protocols, GNUTLS_TLS1_3);

    return Err::ok;
}

// A priority string without '@' resolution.
ParseResult parse_plain(std::string_view text)
{
    auto p = std::make_shared<Priority>();
    std::size_t pos = 0;
    // The first bare keyword replaces the lists; later keywords, and
    // "+KEYWORD" anywhere, append to them.
    bool keyword_seen = false;
    {
        std::size_t b = 0;
        while (b < text.size() && is_blank(text[b]))
            b++;
        const std::size_t e = std::min(text.find(':'), text.size());
        if (iequals(text.substr(b, e - b), "NONE")) {
            keyword_seen = true;
            if (e == text.size())
                pos = text.size() + 1;  // nothing follows
            else
                pos = e + 1;
        } else {
            set_defaults(*p);
        }
    }
    while (pos <= text.size()) {
        const std::size_t start = pos;
        std::size_t end = text.find(':', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::size_t b = start;
        while (b < end && is_blank(text[b]))
            b++;
        std::string_view tok = text.substr(b, end - b);
        auto fail = [&]() {
            TLSHIM_DEBUG("priority: bad token at offset %zu\n", start);
            return ParseResult{nullptr, Err::invalid_request, start};
        };
        if (tok.empty())
            return fail();

        bool ok = false;
        if (const Keyword *k = find_keyword(tok)) {
            apply_keyword(*p, *k, !keyword_seen);
            keyword_seen = true;
            ok = true;
        } else if (const Keyword *pk = tok[0] == '+' ? find_keyword(tok.substr(1)) : nullptr) {
            apply_keyword(*p, *pk, false);
            ok = true;
        } else if (tok[0] == '%') {
            ok = apply_flag(*p, tok.substr(1));
        } else if (tok[0] == '+') {
            ok = apply_edit(*p, tok.substr(1), true);
        } else if (tok[0] == '-' || tok[0] == '!') {
            ok = apply_edit(*p, tok.substr(1), false);
        }
        if (!ok)
            return fail();
        pos = end + 1;
    }
    if (Err e = finish(*p); e != Err::ok)
        return ParseResult{nullptr, e, 0};
    return ParseResult{std::move(p), Err::ok, 0};
}

}  // namespace

// ---- Priority ---------------------------------------------------------------

std::span<const unsigned> Priority::compression() noexcept
{
    static constexpr unsigned kNull[] = {GNUTLS_COMP_NULL};
    return kNull;
}

bool Priority::has_protocol(gnutls_protocol_t v) const noexcept
{
    return std::find(protocols.begin(), protocols.end(), static_cast<unsigned>(v)) != protocols.end();
}

gnutls_protocol_t Priority::max_tls() const noexcept
{
    unsigned best = 0;
    for (unsigned v : protocols) {
        const algo::Protocol *pr = algo::protocol(static_cast<int>(v));
        if (pr != nullptr && !pr->dtls && v > best)
            best = v;
    }
    return best != 0 ? static_cast<gnutls_protocol_t>(best) : GNUTLS_VERSION_UNKNOWN;
}

gnutls_protocol_t Priority::max_dtls() const noexcept
{
    unsigned best = 0;
    for (unsigned v : protocols) {
        const algo::Protocol *pr = algo::protocol(static_cast<int>(v));
        if (pr != nullptr && pr->dtls && v > best)
            best = v;
    }
    return best != 0 ? static_cast<gnutls_protocol_t>(best) : GNUTLS_VERSION_UNKNOWN;
}

bool Priority::suite_usable(std::size_t pos) const noexcept
{
    if (pos >= suites.size())
        return false;
    const algo::CipherSuite &s = algo::suite_table()[suites[pos]];
    const gnutls_protocol_t tls = max_tls(), dtls = max_dtls();
    if (tls != GNUTLS_VERSION_UNKNOWN && s.min_tls <= tls)
        return true;
    return dtls != GNUTLS_VERSION_UNKNOWN && s.min_dtls != GNUTLS_VERSION_UNKNOWN && s.min_dtls <= dtls;
}

Err Priority::suite_index(std::size_t pos, unsigned &table_index) const noexcept
{
    if (pos >= suites.size())
        return Err::requested_data_not_available;
    if (!suite_usable(pos))
        return Err::unknown_cipher_suite;
    table_index = suites[pos];
    return Err::ok;
}

// ---- entry points -----------------------------------------------------------

ParseResult parse_priority(std::string_view text)
{
    if (text.empty() || text[0] != '@')
        return parse_plain(text);

    // "@KW1,KW2,...[:rest]": the first keyword the system file defines
    // replaces the first token.  Every error is reported at offset 0.
    const std::size_t colon = text.find(':');
    const std::string_view names = text.substr(1, colon == std::string_view::npos ? std::string_view::npos : colon - 1);
    const std::string_view rest = colon == std::string_view::npos ? std::string_view{} : text.substr(colon);
    const SystemConfig cfg = load_system_config(system_config_path());
    std::size_t b = 0;
    while (b <= names.size()) {
        std::size_t e = names.find(',', b);
        if (e == std::string_view::npos)
            e = names.size();
        if (const std::string *value = cfg.keyword(names.substr(b, e - b))) {
            std::string resolved = *value;
            resolved += rest;
            ParseResult r = parse_plain(resolved);
            r.err_offset = 0;
            return r;
        }
        b = e + 1;
    }
    TLSHIM_DEBUG("priority: no system keyword among '%.*s'\n", static_cast<int>(names.size()), names.data());
    return ParseResult{nullptr, Err::invalid_request, 0};
}

ParseResult init_priority(const char *text, bool append, const char *builtin_default)
{
    if (text != nullptr && !append)
        return parse_priority(text);

    const SystemConfig cfg = load_system_config(system_config_path());
    std::string def = cfg.default_priority ? *cfg.default_priority
                                           : std::string(builtin_default != nullptr ? builtin_default : "NORMAL");
    if (text == nullptr) {
        ParseResult r = parse_priority(def);
        r.err_offset = 0;
        return r;
    }
    const std::size_t prefix = def.size() + 1;
    def += ':';
    def += text;
    ParseResult r = parse_priority(def);
    r.err_offset = r.err_offset >= prefix ? r.err_offset - prefix : 0;
    return r;
}

std::span<const char *const> keyword_names() noexcept
{
    return kKeywordNames;
}

std::span<const char *const> special_names() noexcept
{
    return kSpecialNames;
}

}  // namespace tlshim::tls
