// SPDX-License-Identifier: LGPL-2.1-or-later
// Certificate chain verification: issuer matching, ordering of an unordered
// peer list, and the checks that produce gnutls_certificate_status_t bits
// (signatures and their algorithms, validity periods, CA and key-usage
// constraints, path lengths, name constraints, unknown critical extensions,
// revocation lists, key purposes and the expected identity).
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <ctime>
#include <span>
#include <string>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/x509/certificate.hh"
#include "core/x509/crl.hh"

namespace tlshim::x509 {

// Was `cert` issued by `issuer`: the issuer name equals the issuer's
// subject and, when both carry key identifiers, those agree too.
bool is_issuer(const Certificate &cert, const Certificate &issuer);
bool is_self_signed(const Certificate &cert);
// The same certificate (same DER).
bool same_certificate(const Certificate &a, const Certificate &b);

// Does the certificate's extended key usage allow the purpose (an OID)?
// Certificates without the extension allow every purpose; with
// `any_allowed`, anyExtendedKeyUsage does as well.
bool key_purpose_allowed(const Certificate &cert, std::string_view purpose, bool any_allowed = true);

// The signature of `cert` (or of a CRL) checked with `issuer`'s key; the
// status bits it yields (0, GNUTLS_CERT_SIGNATURE_FAILURE and/or
// GNUTLS_CERT_INSECURE_ALGORITHM, with GNUTLS_CERT_INVALID).
unsigned check_certificate_signature(const Certificate &cert, const Certificate &issuer, unsigned flags);
unsigned check_crl_signature(const Crl &crl, const Certificate &issuer, unsigned flags);

// Puts a peer's list in issuing order: the first certificate stays first and
// each next one is an issuer of the previous, taken from anywhere in the
// list; duplicates and unrelated certificates are left out.  With
// GNUTLS_VERIFY_DO_NOT_ALLOW_UNSORTED_CHAIN the list is only cut where it
// stops being in order.
std::vector<const Certificate *> order_chain(std::span<const Certificate *const> in, unsigned flags);

// What to check besides the chain itself.
struct VerifyParams {
    unsigned flags = 0;           // gnutls_certificate_verify_flags
    std::time_t now = 0;
    std::span<const Crl *const> crls;
    // Identity of the end-entity certificate (empty: not checked).
    std::string hostname;
    std::string email;
    std::vector<std::uint8_t> ip;
    std::string purpose;          // key purpose OID
    unsigned max_depth = 16;
};

// Verifies a chain given in issuing order (chain[0] the end entity) against
// the trusted certificates `anchors`.  The chain ends at its first trusted
// member (unless GNUTLS_VERIFY_DO_NOT_ALLOW_SAME).  Returns the status bits.
unsigned verify_chain(std::span<const Certificate *const> chain,
                      std::span<const Certificate *const> anchors, const VerifyParams &p);

}  // namespace tlshim::x509
