// SPDX-License-Identifier: LGPL-2.1-or-later
// Certificate chain verification.
#include "core/x509/verify.hh"

#include <algorithm>
#include <cstring>

#include "core/algo/algo.hh"
#include "core/asn1/asn1.hh"
#include "core/log.hh"
#include "core/x509/constraints.hh"
#include "core/x509/hostname.hh"
#include "core/x509/key.hh"

namespace tlshim::x509 {

namespace {

constexpr unsigned kInvalid = GNUTLS_CERT_INVALID;

bool equal_bytes(Bytes a, Bytes b) noexcept
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

// Extensions this verifier understands (others marked critical fail).
bool known_extension(std::string_view oid) noexcept
{
    static constexpr const char *kKnown[] = {
        "2.5.29.14",  // subject key identifier
        "2.5.29.15",  // key usage
        "2.5.29.16",  // private key usage period
        "2.5.29.17",  // subject alternative name
        "2.5.29.18",  // issuer alternative name
        "2.5.29.19",  // basic constraints
        "2.5.29.30",  // name constraints
        "2.5.29.31",  // CRL distribution points
        "2.5.29.32",  // certificate policies
        "2.5.29.35",  // authority key identifier
        "2.5.29.37",  // extended key usage
        "1.3.6.1.5.5.7.1.1",   // authority information access
        "1.3.6.1.5.5.7.1.24",  // TLS feature
        "1.3.6.1.5.5.7.1.14",  // proxy certificate information
    };
    for (const char *k : kKnown)
        if (oid == k)
            return true;
    return false;
}

bool has_unknown_critical(const Certificate &c)
{
    for (const auto &x : c.extensions())
        if (x.critical && !known_extension(x.oid))
            return true;
    return false;
}

unsigned time_status(const Certificate &c, std::time_t now)
{
    if (now < c.activation_time())
        return GNUTLS_CERT_NOT_ACTIVATED | kInvalid;
    if (now > c.expiration_time())
        return GNUTLS_CERT_EXPIRED | kInvalid;
    return 0;
}

bool acceptable_for_certs(const algo::Sign &row, unsigned flags) noexcept
{
    return row.secure_for_certs || (flags & GNUTLS_VERIFY_ALLOW_BROKEN) ||
           ((flags & GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1) && row.hash == GNUTLS_DIG_SHA1);
}

// GNUTLS_CERT_INSECURE_ALGORITHM when the certificate's signature
// algorithm is not acceptable for certificates.
unsigned algorithm_status(const Certificate &c, unsigned flags)
{
    Bytes alg;
    gnutls_sign_algorithm_t sign = GNUTLS_SIGN_UNKNOWN;
    PssParams pss;
    if (!ok(c.signature_algorithm_raw(alg)) || !ok(decode_signature_algorithm(alg, sign, pss)))
        return 0;
    const algo::Sign *row = algo::sign(sign);
    if (row && !acceptable_for_certs(*row, flags))
        return GNUTLS_CERT_INSECURE_ALGORITHM | kInvalid;
    return 0;
}

unsigned signature_status(Bytes tbs, Bytes alg, Bytes sig, const Certificate &issuer, unsigned flags)
{
    gnutls_sign_algorithm_t sign = GNUTLS_SIGN_UNKNOWN;
    PssParams pss;
    if (!ok(decode_signature_algorithm(alg, sign, pss)))
        return GNUTLS_CERT_SIGNATURE_FAILURE | kInvalid;
    unsigned st = 0;
    const algo::Sign *row = algo::sign(sign);
    if (!row)
        return GNUTLS_CERT_SIGNATURE_FAILURE | kInvalid;
    if (!acceptable_for_certs(*row, flags))
        st |= GNUTLS_CERT_INSECURE_ALGORITHM | kInvalid;
    Bytes spki;
    PublicKey key;
    if (!ok(issuer.spki_raw(spki)) || !ok(key.import_spki(spki)))
        return st | GNUTLS_CERT_SIGNATURE_FAILURE | kInvalid;
    VerifyOptions opt;
    opt.allow_broken = true;
    opt.for_certificate = true;
    Err e = key.verify_data(sign, tbs, sig, pss.present ? &pss : nullptr, opt);
    if (!ok(e)) {
        TLSHIM_DEBUG("verify: signature check failed (%d)\n", static_cast<int>(e));
        st |= GNUTLS_CERT_SIGNATURE_FAILURE | kInvalid;
    }
    return st;
}

bool is_ca(const Certificate &c, bool &has_bc)
{
    bool crit = false, ca = false;
    int pathlen = -1;
    has_bc = ok(c.basic_constraints(crit, ca, pathlen));
    return has_bc && ca;
}

// Status from using `issuer` as a CA for `cert`.
unsigned issuer_status(const Certificate &cert, const Certificate &issuer, bool anchor, unsigned flags)
{
    unsigned st = 0;
    if (!(flags & GNUTLS_VERIFY_DISABLE_CA_SIGN)) {
        bool has_bc = false;
        if (!is_ca(issuer, has_bc)) {
            bool v1 = issuer.version() == 1;
            bool allowed = v1 && ((flags & GNUTLS_VERIFY_ALLOW_ANY_X509_V1_CA_CRT) ||
                                  (anchor && !(flags & GNUTLS_VERIFY_DO_NOT_ALLOW_X509_V1_CA_CRT)));
            if (!allowed) {
                st |= GNUTLS_CERT_SIGNER_NOT_CA | kInvalid;
                // An untrusted issuer that states it is not a CA also
                // breaks the constraints it declares.
                if (!anchor && has_bc)
                    st |= GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE;
            }
        }
        unsigned usage = 0;
        bool crit = false;
        if (ok(issuer.key_usage(usage, crit)) && !(usage & GNUTLS_KEY_KEY_CERT_SIGN))
            st |= GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE | kInvalid;
    }
    st |= check_certificate_signature(cert, issuer, flags);
    return st;
}

int path_length(const Certificate &c)
{
    bool crit = false, ca = false;
    int pathlen = -1;
    if (!ok(c.basic_constraints(crit, ca, pathlen)) || !ca)
        return -1;
    return pathlen;
}

const Certificate *find_anchor(const Certificate &cert, std::span<const Certificate *const> anchors,
                               unsigned flags)
{
    const Certificate *first = nullptr;
    for (const Certificate *a : anchors) {
        if (!is_issuer(cert, *a))
            continue;
        if (!first)
            first = a;
        if (!(check_certificate_signature(cert, *a, flags | GNUTLS_VERIFY_ALLOW_BROKEN) &
              GNUTLS_CERT_SIGNATURE_FAILURE))
            return a;
    }
    return first;
}

unsigned crl_status(const Certificate &cert, const Certificate *issuer, const VerifyParams &p)
{
    unsigned st = 0;
    Bytes cert_issuer;
    std::vector<std::uint8_t> serial;
    if (!ok(cert.issuer_raw(cert_issuer)) || !ok(cert.serial(serial)))
        return 0;
    for (const Crl *crl : p.crls) {
        Bytes crl_issuer;
        if (!crl || !ok(crl->issuer_raw(crl_issuer)) || !equal_bytes(crl_issuer, cert_issuer))
            continue;
        // Lists are matched by issuer name only: the verifier neither checks
        // their signatures (gnutls_x509_trust_list_add_crls() can) nor their
        // update times here.
        (void)issuer;
        if (crl->is_revoked(serial))
            st |= GNUTLS_CERT_REVOKED | kInvalid;
    }
    return st;
}

}  // namespace

bool same_certificate(const Certificate &a, const Certificate &b)
{
    return equal_bytes(a.der(), b.der());
}

bool is_issuer(const Certificate &cert, const Certificate &issuer)
{
    Bytes in, sub;
    if (!ok(cert.issuer_raw(in)) || !ok(issuer.subject_raw(sub)) || !equal_bytes(in, sub))
        return false;
    std::vector<std::uint8_t> aki, ski;
    bool c1 = false, c2 = false;
    if (ok(cert.authority_key_id(aki, c1)) && ok(issuer.subject_key_id(ski, c2)) && !aki.empty() &&
        !ski.empty() && aki != ski)
        return false;
    return true;
}

bool is_self_signed(const Certificate &cert)
{
    return is_issuer(cert, cert);
}

bool key_purpose_allowed(const Certificate &cert, std::string_view purpose, bool any_allowed)
{
    const Extension *x = cert.extension("2.5.29.37");
    if (!x)
        return true;
    asn1::Node n;
    if (!ok(n.decode("ExtKeyUsageSyntax", x->value)))
        return false;
    int count = 0;
    if (!ok(n.count("", count)))
        return false;
    for (int i = 1; i <= count; i++) {
        std::string oid;
        if (!ok(n.read_oid("?" + std::to_string(i), oid)))
            continue;
        if (oid == purpose || (any_allowed && oid == "2.5.29.37.0"))
            return true;
    }
    return false;
}

unsigned check_certificate_signature(const Certificate &cert, const Certificate &issuer, unsigned flags)
{
    Bytes tbs, alg;
    std::vector<std::uint8_t> sig;
    if (!ok(cert.tbs_raw(tbs)) || !ok(cert.signature_algorithm_raw(alg)) || !ok(cert.signature_value(sig)))
        return GNUTLS_CERT_SIGNATURE_FAILURE | kInvalid;
    return signature_status(tbs, alg, sig, issuer, flags);
}

unsigned check_crl_signature(const Crl &crl, const Certificate &issuer, unsigned flags)
{
    Bytes tbs, alg;
    std::vector<std::uint8_t> sig;
    if (!ok(crl.tbs_raw(tbs)) || !ok(crl.signature_algorithm_raw(alg)) || !ok(crl.signature_value(sig)))
        return GNUTLS_CERT_SIGNATURE_FAILURE | kInvalid;
    return signature_status(tbs, alg, sig, issuer, flags);
}

std::vector<const Certificate *> order_chain(std::span<const Certificate *const> in, unsigned flags)
{
    std::vector<const Certificate *> out;
    if (in.empty())
        return out;
    out.push_back(in[0]);
    if (flags & GNUTLS_VERIFY_DO_NOT_ALLOW_UNSORTED_CHAIN) {
        for (std::size_t i = 1; i < in.size(); i++) {
            if (!is_issuer(*out.back(), *in[i]) || is_self_signed(*out.back()))
                break;
            out.push_back(in[i]);
        }
        return out;
    }
    std::vector<bool> used(in.size(), false);
    used[0] = true;
    while (!is_self_signed(*out.back())) {
        std::size_t j = 0;
        for (; j < in.size(); j++)
            if (!used[j] && !same_certificate(*in[j], *out.back()) && is_issuer(*out.back(), *in[j]))
                break;
        if (j == in.size())
            break;
        used[j] = true;
        out.push_back(in[j]);
    }
    return out;
}

namespace {

unsigned chain_status(std::span<const Certificate *const> chain_in,
                      std::span<const Certificate *const> anchors, const VerifyParams &p)
{
    const unsigned flags = p.flags;
    const bool time_checks = !(flags & GNUTLS_VERIFY_DISABLE_TIME_CHECKS);
    std::vector<const Certificate *> chain(chain_in.begin(), chain_in.end());
    if (chain.empty())
        return GNUTLS_CERT_SIGNER_NOT_FOUND | kInvalid;

    // A self-signed certificate at the end of a longer chain proves
    // nothing by itself: the chain is judged without it.
    if (chain.size() > 1 && is_self_signed(*chain.back()))
        chain.pop_back();

    // A chain ends at its first trusted certificate.
    std::size_t n = chain.size();
    if (!(flags & GNUTLS_VERIFY_DO_NOT_ALLOW_SAME)) {
        for (std::size_t i = 0; i < chain.size() && n == chain.size(); i++)
            for (const Certificate *a : anchors)
                if (same_certificate(*chain[i], *a)) {
                    n = i;
                    break;
                }
    }
    unsigned st = 0;
    if (n == 0)
        return 0;
    chain.resize(n);

    const Certificate *anchor = find_anchor(*chain[n - 1], anchors, flags);
    if (!anchor) {
        // Without an issuer, what can be judged of the certificate alone.
        const Certificate &top = *chain[n - 1];
        st |= GNUTLS_CERT_SIGNER_NOT_FOUND | kInvalid;
        st |= algorithm_status(top, flags);
        if (time_checks)
            st |= time_status(top, p.now);
        if (!(flags & GNUTLS_VERIFY_IGNORE_UNKNOWN_CRIT_EXTENSIONS) && has_unknown_critical(top))
            st |= GNUTLS_CERT_UNKNOWN_CRIT_EXTENSIONS | kInvalid;
        return st;
    }
    if (time_checks && !(flags & GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS))
        st |= time_status(*anchor, p.now);

    // issuers[i] is the certificate that signed chain[i].
    std::vector<const Certificate *> issuers(n);
    for (std::size_t i = 0; i < n; i++)
        issuers[i] = (i + 1 < n) ? chain[i + 1] : anchor;

    for (std::size_t k = n; k-- > 0;) {
        const Certificate &c = *chain[k];
        const Certificate &iss = *issuers[k];
        const bool is_anchor = (k + 1 == n);
        if (!is_anchor && !is_issuer(c, iss)) {
            st |= GNUTLS_CERT_SIGNER_NOT_FOUND | kInvalid;
            return st;
        }
        st |= issuer_status(c, iss, is_anchor, flags);
        if (time_checks)
            st |= time_status(c, p.now);
        if (!(flags & GNUTLS_VERIFY_IGNORE_UNKNOWN_CRIT_EXTENSIONS) && has_unknown_critical(c))
            st |= GNUTLS_CERT_UNKNOWN_CRIT_EXTENSIONS | kInvalid;
        // Nothing below a failing certificate is examined.
        if (st != 0)
            break;
    }

    // Path lengths: the CA at position j (1..n, n being the anchor) has
    // j - 1 intermediate CAs below it.
    if (!(flags & GNUTLS_VERIFY_DISABLE_CA_SIGN)) {
        for (std::size_t j = 1; j <= n; j++) {
            const Certificate &ca = (j == n) ? *anchor : *chain[j];
            int pl = path_length(ca);
            if (pl >= 0 && j - 1 > static_cast<std::size_t>(pl))
                st |= GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE | kInvalid;
        }
    }

    // Name constraints of every CA apply to the certificates below it.
    for (std::size_t j = 1; j <= n; j++) {
        const Certificate &ca = (j == n) ? *anchor : *chain[j];
        NameConstraints nc;
        bool crit = false;
        if (!ok(nc.import_certificate(ca, crit)) || nc.empty())
            continue;
        for (std::size_t i = 0; i < j; i++)
            if (!nc.check_certificate(*chain[i])) {
                st |= GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE | kInvalid;
                break;
            }
    }

    if (!p.crls.empty())
        for (std::size_t i = 0; i < n; i++)
            st |= crl_status(*chain[i], issuers[i], p);

    return st;
}

}  // namespace

unsigned verify_chain(std::span<const Certificate *const> chain,
                      std::span<const Certificate *const> anchors, const VerifyParams &p)
{
    unsigned st = chain_status(chain, anchors, p);
    if (chain.empty())
        return st;
    const Certificate &ee = *chain[0];
    if (!p.hostname.empty() && !certificate_matches_host(ee, p.hostname, p.flags))
        st |= GNUTLS_CERT_UNEXPECTED_OWNER | kInvalid;
    if (!p.email.empty() && !certificate_matches_email(ee, p.email))
        st |= GNUTLS_CERT_UNEXPECTED_OWNER | kInvalid;
    if (!p.ip.empty() && !certificate_matches_ip(ee, p.ip))
        st |= GNUTLS_CERT_UNEXPECTED_OWNER | kInvalid;
    if (!p.purpose.empty()) {
        for (const Certificate *c : chain)
            if (!key_purpose_allowed(*c, p.purpose)) {
                st |= GNUTLS_CERT_PURPOSE_MISMATCH | kInvalid;
                break;
            }
    }
    return st;
}

}  // namespace tlshim::x509
