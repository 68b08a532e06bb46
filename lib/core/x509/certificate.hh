// SPDX-License-Identifier: LGPL-2.1-or-later
// X.509 certificates (RFC 5280): decoding with libtasn1 and the accessors
// behind the gnutls_x509_crt_* API.  A Certificate keeps the DER it was
// imported from; every accessor reads the decoded structure.
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <ctime>
#include <string>
#include <vector>

#include "core/asn1/asn1.hh"
#include "core/bytes.hh"
#include "core/error.hh"
#include "core/x509/dn.hh"

namespace tlshim::x509 {

struct Extension {
    std::string oid;
    bool critical = false;
    Bytes value;  // the contents of extnValue (inside the certificate's DER)
};

// One GeneralName, as gnutls_x509_crt_get_subject_alt_name reports it.
struct AltName {
    gnutls_x509_subject_alt_name_t type;
    std::vector<std::uint8_t> value;  // text (no NUL) or raw bytes
    bool text = false;                // value is a string (size reported +1 when short)
};

class Certificate {
public:
    // Decodes a DER certificate; keeps a copy of `der`.
    Err import_der(Bytes der);
    // Decodes the first "CERTIFICATE" / "X509 CERTIFICATE" PEM block.
    Err import_pem(Bytes text);
    bool empty() const noexcept { return !node_; }

    Bytes der() const noexcept { return der_; }
    // The DER encoding of the decoded structure (what GnuTLS fingerprints).
    Err reencode(std::vector<std::uint8_t> &out) const;
    // PEM with the label CERTIFICATE.
    Err export_pem(std::vector<std::uint8_t> &out) const;

    int version() const;
    Err serial(std::vector<std::uint8_t> &out) const;
    std::time_t activation_time() const;
    std::time_t expiration_time() const;
    Err subject_raw(Bytes &out) const;
    Err issuer_raw(Bytes &out) const;
    // Names as text, RDNs in encoded order (last first with `reverse`).
    Err subject_dn(std::string &out, bool reverse = false) const;
    Err issuer_dn(std::string &out, bool reverse = false) const;
    // GnuTLS's public-key algorithm id (negative error); with `bits`, the
    // key is decoded for its size (and decoding errors are reported).
    int pk_algorithm(unsigned *bits) const;
    int signature_algorithm() const;

    // The pieces a verifier needs, as views into der(): the signed part
    // (tbsCertificate, tag and length included), the SubjectPublicKeyInfo,
    // and the outer signatureAlgorithm AlgorithmIdentifier.
    Err tbs_raw(Bytes &out) const;
    Err spki_raw(Bytes &out) const;
    Err signature_algorithm_raw(Bytes &out) const;
    // The signature value (the BIT STRING's contents, no unused-bits octet).
    Err signature_value(std::vector<std::uint8_t> &out) const;

    // The unique identifiers of v2 certificates (BIT STRING contents).
    Err issuer_unique_id(std::vector<std::uint8_t> &out) const;
    Err subject_unique_id(std::vector<std::uint8_t> &out) const;
    // The OIDs of the public key algorithm and the (outer) signature algorithm.
    Err pk_oid(std::string &out) const;
    Err signature_oid(std::string &out) const;

    // The subject and issuer names as DN objects (empty before import).
    const DnObject &subject_object() const noexcept { return subject_obj_; }
    const DnObject &issuer_object() const noexcept { return issuer_obj_; }

    // The PIN callback an application attached (kept, not used: no tokens).
    void set_pin_function(void (*fn)(), void *userdata) noexcept
    {
        pin_fn_ = fn;
        pin_data_ = userdata;
    }

    const std::vector<Extension> &extensions() const noexcept { return exts_; }
    // The indx-th extension with that OID, or null.
    const Extension *extension(std::string_view oid, unsigned indx = 0) const noexcept;

    Err alt_name(unsigned seq, AltName &out, bool &critical) const;
    Err basic_constraints(bool &critical, bool &ca, int &pathlen) const;
    Err key_usage(unsigned &usage, bool &critical) const;
    Err subject_key_id(std::vector<std::uint8_t> &out, bool &critical) const;
    Err authority_key_id(std::vector<std::uint8_t> &out, bool &critical) const;

private:
    Err load_extensions();

    std::vector<std::uint8_t> der_;
    asn1::Node node_;
    std::vector<Extension> exts_;
    DnObject subject_obj_;
    DnObject issuer_obj_;
    void (*pin_fn_)() = nullptr;
    void *pin_data_ = nullptr;
};

// Splits a PEM text holding several certificates into their DER.
Err pem_certificates(Bytes text, std::vector<std::vector<std::uint8_t>> &out);

// Shared by certificates and CRLs. Decodes an extension's value as the ASN.1
// `type` and reads the field at `path` ("" for the whole value); reports
// the critical flag. Err::requested_data_not_available when x is null.
Err read_extension_field(const Extension *x, const char *type, const char *path,
                         std::vector<std::uint8_t> &out, bool &critical);
// The signature BIT STRING of a signed structure, as whole bytes.
Err read_signature_bits(const asn1::Node &signed_structure, std::vector<std::uint8_t> &out);

}  // namespace tlshim::x509
