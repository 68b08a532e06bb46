// SPDX-License-Identifier: LGPL-2.1-or-later
// Codecs of the standard X.509 certificate extensions (RFC 5280 4.2 and
// friends): each extension value (the DER inside extnValue) is decoded into
// a plain structure, and encoded back from one.  Used by the certificate
// getters, gnutls_x509_ext_* and the certificate printer.
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

#include "core/asn1/asn1.hh"
#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::x509 {

// Well-known extension OIDs.
inline constexpr const char *kOidSubjectKeyId = "2.5.29.14";
inline constexpr const char *kOidKeyUsage = "2.5.29.15";
inline constexpr const char *kOidPrivateKeyUsagePeriod = "2.5.29.16";
inline constexpr const char *kOidSubjectAltName = "2.5.29.17";
inline constexpr const char *kOidIssuerAltName = "2.5.29.18";
inline constexpr const char *kOidBasicConstraints = "2.5.29.19";
inline constexpr const char *kOidNameConstraints = "2.5.29.30";
inline constexpr const char *kOidCrlDistPoints = "2.5.29.31";
inline constexpr const char *kOidPolicies = "2.5.29.32";
inline constexpr const char *kOidAuthorityKeyId = "2.5.29.35";
inline constexpr const char *kOidExtKeyUsage = "2.5.29.37";
inline constexpr const char *kOidInhibitAnyPolicy = "2.5.29.54";
inline constexpr const char *kOidAia = "1.3.6.1.5.5.7.1.1";
inline constexpr const char *kOidProxy = "1.3.6.1.5.5.7.1.14";
inline constexpr const char *kOidTlsFeatures = "1.3.6.1.5.5.7.1.24";

inline constexpr const char *kOidXmppAddr = "1.3.6.1.5.5.7.8.5";
inline constexpr const char *kOidKrb5Principal = "1.3.6.1.5.2.2";
inline constexpr const char *kOidMsUpn = "1.3.6.1.4.1.311.20.2.3";

// One GeneralName (RFC 5280 4.2.1.6).  `data` holds, per type: the text of
// DNS/RFC822/URI names, the raw address of an IP address, the dotted OID of
// a registered ID, the DER of the Name of a directory name, and the DER of
// an otherName's value (its [0] EXPLICIT contents) with `oid` its type-id.
struct GeneralName {
    gnutls_x509_subject_alt_name_t type = GNUTLS_SAN_DNSNAME;
    std::vector<std::uint8_t> data;
    std::string oid;  // otherName type-id
};

// Decodes the GeneralName at `path` (a CHOICE) of a decoded structure whose
// DER is `der`.
Err read_general_name(const asn1::Node &n, Bytes der, const std::string &path, GeneralName &out);
// Stores a GeneralName at `path` (a CHOICE) of a structure being built.
Err write_general_name(asn1::Node &n, const std::string &path, const GeneralName &gn);

Err decode_general_names(Bytes der, std::vector<GeneralName> &out);
Err encode_general_names(const std::vector<GeneralName> &in, std::vector<std::uint8_t> &der);

struct BasicConstraintsExt {
    bool ca = false;
    int pathlen = -1;  // -1: absent
};
Err decode_basic_constraints(Bytes der, BasicConstraintsExt &out);
Err encode_basic_constraints(const BasicConstraintsExt &in, std::vector<std::uint8_t> &der);

Err decode_key_usage(Bytes der, unsigned &usage);
Err encode_key_usage(unsigned usage, std::vector<std::uint8_t> &der);

Err decode_key_purposes(Bytes der, std::vector<std::string> &oids);
Err encode_key_purposes(const std::vector<std::string> &oids, std::vector<std::uint8_t> &der);

Err decode_subject_key_id(Bytes der, std::vector<std::uint8_t> &id);
Err encode_subject_key_id(Bytes id, std::vector<std::uint8_t> &der);

struct AuthorityKeyIdExt {
    std::vector<std::uint8_t> id;
    bool has_id = false;
    std::vector<GeneralName> issuer;
    std::vector<std::uint8_t> serial;
    bool has_serial = false;
};
Err decode_authority_key_id(Bytes der, AuthorityKeyIdExt &out);
Err encode_authority_key_id(const AuthorityKeyIdExt &in, std::vector<std::uint8_t> &der);

// One entry per fullName GeneralName, as GnuTLS flattens distribution points.
struct CrlDistPoint {
    GeneralName name;
    unsigned reasons = 0;
};
Err decode_crl_dist_points(Bytes der, std::vector<CrlDistPoint> &out);
Err encode_crl_dist_points(const std::vector<CrlDistPoint> &in, std::vector<std::uint8_t> &der);

struct AccessDescription {
    std::string method;
    GeneralName location;
};
Err decode_aia(Bytes der, std::vector<AccessDescription> &out);
Err encode_aia(const std::vector<AccessDescription> &in, std::vector<std::uint8_t> &der);

struct PolicyQualifier {
    gnutls_x509_qualifier_t type = GNUTLS_X509_QUALIFIER_UNKNOWN;
    std::string data;  // the CPS URI or the explicit text of a user notice
};
struct Policy {
    std::string oid;
    std::vector<PolicyQualifier> qualifiers;
};
Err decode_policies(Bytes der, std::vector<Policy> &out);
Err encode_policies(const std::vector<Policy> &in, std::vector<std::uint8_t> &der);

struct ProxyExt {
    int pathlen = -1;  // -1: unlimited
    std::string language;
    std::vector<std::uint8_t> policy;
    bool has_policy = false;
};
Err decode_proxy(Bytes der, ProxyExt &out);
Err encode_proxy(const ProxyExt &in, std::vector<std::uint8_t> &der);

Err decode_tlsfeatures(Bytes der, std::vector<std::uint16_t> &out);
Err encode_tlsfeatures(const std::vector<std::uint16_t> &in, std::vector<std::uint8_t> &der);

struct PrivateKeyUsagePeriod {
    std::time_t not_before = -1;
    std::time_t not_after = -1;
};
Err decode_private_key_usage_period(Bytes der, PrivateKeyUsagePeriod &out);
Err encode_private_key_usage_period(const PrivateKeyUsagePeriod &in, std::vector<std::uint8_t> &der);

Err decode_inhibit_anypolicy(Bytes der, unsigned &skip);
Err encode_inhibit_anypolicy(unsigned skip, std::vector<std::uint8_t> &der);

}  // namespace tlshim::x509
