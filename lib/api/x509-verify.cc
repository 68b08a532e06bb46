// SPDX-License-Identifier: LGPL-2.1-or-later
// Verification of certificates without a trust list, identity checks, and
// the text of verification results.
#include <cstring>
#include <string>
#include <vector>

#include "api/api.hh"
#include "api/x509-crl.hh"
#include "api/x509-crt.hh"
#include "core/global.hh"
#include "core/x509/hostname.hh"
#include "core/x509/verify.hh"

using namespace tlshim;

namespace {

int list_verify(const gnutls_x509_crt_t *certs, unsigned n, const gnutls_x509_crt_t *cas, unsigned ncas,
                const gnutls_x509_crl_t *crls, unsigned ncrls, unsigned flags, unsigned *status)
{
    std::vector<const x509::Certificate *> chain, anchors;
    std::vector<const x509::Crl *> revs;
    for (unsigned i = 0; i < n; i++) {
        if (certs[i] == nullptr)
            return GNUTLS_E_INVALID_REQUEST;
        chain.push_back(&certs[i]->cert);
    }
    for (unsigned i = 0; i < ncas; i++)
        if (cas[i] != nullptr)
            anchors.push_back(&cas[i]->cert);
    for (unsigned i = 0; i < ncrls; i++)
        if (crls[i] != nullptr)
            revs.push_back(&crls[i]->crl);
    x509::VerifyParams p;
    p.flags = flags;
    p.now = global::now();
    p.crls = revs;
    *status = x509::verify_chain(chain, anchors, p);
    return 0;
}

}  // namespace

/**
 * gnutls_x509_crt_list_verify:
 * @cert_list: the certificates, each issued by the next one
 * @cert_list_length: the number of certificates
 * @CA_list: the trusted certificate authorities
 * @CA_list_length: the number of entries in @CA_list
 * @CRL_list: revocation lists to check the certificates against, or %NULL
 * @CRL_list_length: the number of entries in @CRL_list
 * @flags: gnutls_certificate_verify_flags
 * @verify: where the gnutls_certificate_status_t bits are stored
 *
 * Verifies a chain given in issuing order (it is not reordered) against
 * the trusted authorities: signatures, validity periods, CA and path
 * length constraints, name constraints, unknown critical extensions and
 * revocation.  The chain stops at its first trusted member.
 *
 * Returns: zero when the verification could be carried out (its result
 * is in @verify), or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_list_verify(const gnutls_x509_crt_t *cert_list, unsigned cert_list_length,
                                           const gnutls_x509_crt_t *CA_list, unsigned CA_list_length,
                                           const gnutls_x509_crl_t *CRL_list, unsigned CRL_list_length,
                                           unsigned int flags, unsigned int *verify)
{
    if (cert_list == nullptr || cert_list_length == 0 || verify == nullptr ||
        (CA_list == nullptr && CA_list_length > 0) || (CRL_list == nullptr && CRL_list_length > 0))
        return GNUTLS_E_NO_CERTIFICATE_FOUND;
    return api::guard([&] {
        return list_verify(cert_list, cert_list_length, CA_list, CA_list_length, CRL_list, CRL_list_length,
                           flags, verify);
    });
}

/**
 * gnutls_x509_crt_verify:
 * @cert: the certificate to verify
 * @CA_list: the trusted certificate authorities
 * @CA_list_length: the number of entries in @CA_list
 * @flags: gnutls_certificate_verify_flags
 * @verify: where the gnutls_certificate_status_t bits are stored
 *
 * Verifies one certificate against the trusted authorities, as
 * gnutls_x509_crt_list_verify() does for a chain of one.
 *
 * Returns: zero when the verification could be carried out, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_verify(gnutls_x509_crt_t cert, const gnutls_x509_crt_t *CA_list,
                                      unsigned CA_list_length, unsigned int flags, unsigned int *verify)
{
    if (cert == nullptr || verify == nullptr || (CA_list == nullptr && CA_list_length > 0))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard(
        [&] { return list_verify(&cert, 1, CA_list, CA_list_length, nullptr, 0, flags, verify); });
}

/**
 * gnutls_x509_crt_check_hostname2:
 * @cert: the certificate
 * @hostname: the expected host name (UTF-8, or an IP address in text form)
 * @flags: %GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS, %GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES
 *
 * Checks the certificate's identity against a host name (RFC 6125).  The
 * DNS names of the subject alternative names are used, or the subject's
 * common name when there are none.  A wildcard matches within the
 * left-most label only, and only when two or more labels follow it.  A
 * host name that is an IP address is compared with the IP address names
 * only (unless %GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES).  Internationalised
 * names are compared in their ASCII form.
 *
 * Returns: non-zero when the certificate matches, zero otherwise.
 **/
TLSHIM_API unsigned gnutls_x509_crt_check_hostname2(gnutls_x509_crt_t cert, const char *hostname,
                                                    unsigned int flags)
{
    if (cert == nullptr || hostname == nullptr)
        return 0;
    return api::guard_value(0u, [&] {
        return x509::certificate_matches_host(cert->cert, hostname, flags) ? 1u : 0u;
    });
}

/**
 * gnutls_x509_crt_check_hostname:
 * @cert: the certificate
 * @hostname: the expected host name
 *
 * Same as gnutls_x509_crt_check_hostname2() with no flags.
 *
 * Returns: non-zero when the certificate matches, zero otherwise.
 **/
TLSHIM_API unsigned gnutls_x509_crt_check_hostname(gnutls_x509_crt_t cert, const char *hostname)
{
    return gnutls_x509_crt_check_hostname2(cert, hostname, 0);
}

/**
 * gnutls_x509_crt_check_email:
 * @cert: the certificate
 * @email: the expected e-mail address
 * @flags: unused, zero
 *
 * Checks the certificate's e-mail addresses (the rfc822Name alternative
 * names, or the subject's emailAddress when there are none) against
 * @email, ignoring case.
 *
 * Returns: non-zero when the certificate matches, zero otherwise.
 **/
TLSHIM_API unsigned gnutls_x509_crt_check_email(gnutls_x509_crt_t cert, const char *email, unsigned flags)
{
    (void)flags;
    if (cert == nullptr || email == nullptr)
        return 0;
    return api::guard_value(0u, [&] { return x509::certificate_matches_email(cert->cert, email) ? 1u : 0u; });
}

/**
 * gnutls_x509_crt_check_ip:
 * @cert: the certificate
 * @ip: the address in binary form
 * @ip_size: 4 for IPv4, 16 for IPv6
 * @flags: unused, zero
 *
 * Checks whether the certificate's IP address alternative names include @ip.
 *
 * Returns: non-zero when the certificate matches, zero otherwise.
 *
 * Since: 3.6.0
 **/
TLSHIM_API unsigned gnutls_x509_crt_check_ip(gnutls_x509_crt_t cert, const unsigned char *ip,
                                             unsigned int ip_size, unsigned int flags)
{
    (void)flags;
    if (cert == nullptr || ip == nullptr || (ip_size != 4 && ip_size != 16))
        return 0;
    return api::guard_value(0u, [&] {
        return x509::certificate_matches_ip(cert->cert, Bytes(ip, ip_size)) ? 1u : 0u;
    });
}

/**
 * gnutls_x509_crt_check_issuer:
 * @cert: a certificate
 * @issuer: the presumed issuer
 *
 * Tells whether @issuer's subject is @cert's issuer name (and their key
 * identifiers, when both are present, agree).  No signature is checked.
 *
 * Returns: non-zero when @issuer is the issuer of @cert, zero otherwise.
 **/
TLSHIM_API unsigned gnutls_x509_crt_check_issuer(gnutls_x509_crt_t cert, gnutls_x509_crt_t issuer)
{
    if (cert == nullptr || issuer == nullptr)
        return 0;
    return api::guard_value(0u, [&] { return x509::is_issuer(cert->cert, issuer->cert) ? 1u : 0u; });
}

/**
 * gnutls_x509_crt_check_key_purpose:
 * @cert: the certificate
 * @purpose: a key purpose OID, such as %GNUTLS_KP_TLS_WWW_SERVER
 * @flags: %GNUTLS_KP_FLAG_DISALLOW_ANY to not accept anyExtendedKeyUsage
 *
 * Checks whether the certificate may be used for @purpose.  A certificate
 * without an extended key usage extension may be used for any purpose.
 *
 * Returns: non-zero when the purpose is allowed, zero otherwise.
 **/
TLSHIM_API unsigned gnutls_x509_crt_check_key_purpose(gnutls_x509_crt_t cert, const char *purpose,
                                                      unsigned flags)
{
    if (cert == nullptr || purpose == nullptr)
        return 0;
    return api::guard_value(0u, [&] {
        return x509::key_purpose_allowed(cert->cert, purpose, !(flags & GNUTLS_KP_FLAG_DISALLOW_ANY)) ? 1u : 0u;
    });
}

/**
 * gnutls_x509_crt_check_revocation:
 * @cert: the certificate
 * @crl_list: revocation lists
 * @crl_list_length: the number of entries in @crl_list
 *
 * Tells whether a revocation list by the certificate's issuer lists its
 * serial number.  The signatures of the lists are not checked.
 *
 * Returns: 1 when the certificate is revoked, 0 when it is not, or a
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_check_revocation(gnutls_x509_crt_t cert, const gnutls_x509_crl_t *crl_list,
                                                unsigned crl_list_length)
{
    if (cert == nullptr || (crl_list == nullptr && crl_list_length > 0))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        Bytes issuer;
        std::vector<std::uint8_t> serial;
        if (Err e = cert->cert.issuer_raw(issuer); !ok(e))
            return api::to_gnutls(e);
        if (Err e = cert->cert.serial(serial); !ok(e))
            return api::to_gnutls(e);
        for (unsigned i = 0; i < crl_list_length; i++) {
            Bytes ci;
            if (crl_list[i] == nullptr || !ok(crl_list[i]->crl.issuer_raw(ci)))
                continue;
            if (ci.size() != issuer.size() || !std::equal(ci.begin(), ci.end(), issuer.begin()))
                continue;
            if (crl_list[i]->crl.is_revoked(serial))
                return 1;
        }
        return 0;
    });
}

/**
 * gnutls_certificate_verification_status_print:
 * @status: gnutls_certificate_status_t bits from a verification
 * @type: the certificate type the status is about
 * @out: where the text is stored (gnutls_malloc()ed, NUL-terminated)
 * @flags: unused, zero
 *
 * Describes a verification result in English: whether the certificate is
 * trusted, then one sentence per reason.  Some reasons (issuer and
 * revocation problems) are only described for X.509 certificates.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_certificate_verification_status_print(unsigned int status, gnutls_certificate_type_t type,
                                                             gnutls_datum_t *out, unsigned int flags)
{
    (void)flags;
    if (out == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        struct Reason {
            unsigned bit;
            const char *text;
        };
        static constexpr Reason kX509Only[] = {
            {GNUTLS_CERT_REVOKED, "The certificate chain is revoked. "},
            {GNUTLS_CERT_MISMATCH, "The certificate doesn't match the local copy (TOFU). "},
            {GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED,
             "The revocation or OCSP data are old and have been superseded. "},
            {GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE,
             "The revocation or OCSP data are issued with a future date. "},
            {GNUTLS_CERT_SIGNER_NOT_FOUND, "The certificate issuer is unknown. "},
            {GNUTLS_CERT_SIGNER_NOT_CA, "The certificate issuer is not a CA. "},
        };
        static constexpr Reason kAny[] = {
            {GNUTLS_CERT_INSECURE_ALGORITHM, "The certificate chain uses insecure algorithm. "},
            {GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE,
             "The certificate chain violates the signer's constraints. "},
            {GNUTLS_CERT_PURPOSE_MISMATCH, "The certificate chain does not match the intended purpose. "},
            {GNUTLS_CERT_NOT_ACTIVATED, "The certificate chain uses not yet valid certificate. "},
            {GNUTLS_CERT_EXPIRED, "The certificate chain uses expired certificate. "},
            {GNUTLS_CERT_SIGNATURE_FAILURE, "The signature in the certificate is invalid. "},
            {GNUTLS_CERT_UNEXPECTED_OWNER, "The name in the certificate does not match the expected. "},
            {GNUTLS_CERT_MISSING_OCSP_STATUS,
             "The certificate requires the server to include an OCSP status in its response, "
             "but the OCSP status is missing. "},
            {GNUTLS_CERT_INVALID_OCSP_STATUS, "The received OCSP status response is invalid. "},
            {GNUTLS_CERT_UNKNOWN_CRIT_EXTENSIONS, "The certificate contains an unknown critical extension. "},
        };
        std::string s = status == 0 ? "The certificate is trusted. " : "The certificate is NOT trusted. ";
        if (type == GNUTLS_CRT_X509)
            for (const auto &r : kX509Only)
                if (status & r.bit)
                    s += r.text;
        for (const auto &r : kAny)
            if (status & r.bit)
                s += r.text;
        return api::datum_out(s.data(), s.size(), out, true);
    });
}
