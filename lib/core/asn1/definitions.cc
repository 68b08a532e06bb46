// SPDX-License-Identifier: LGPL-2.1-or-later
// tlshim's ASN.1 definitions, in libtasn1's definition syntax, parsed at
// initialisation with asn1_parser2tree().  Written for tlshim from the
// modules of the RFCs cited beside each group; only the types the library
// decodes or encodes are here.  The module is IMPLICIT TAGS (as the RFC
// 5280 implicit module); places where RFC 5280's explicit module tags
// explicitly say EXPLICIT.
#include "core/asn1/asn1.hh"

namespace tlshim::asn1 {

const char *const kDefinitions = R"ASN1(
TLSHIM { }

DEFINITIONS IMPLICIT TAGS ::=

BEGIN

-- RFC 5280, 4.1: certificate
Certificate ::= SEQUENCE {
    tbsCertificate       TBSCertificate,
    signatureAlgorithm   AlgorithmIdentifier,
    signature            BIT STRING }

TBSCertificate ::= SEQUENCE {
    version         [0] EXPLICIT Version DEFAULT v1,
    serialNumber         CertificateSerialNumber,
    signature            AlgorithmIdentifier,
    issuer               Name,
    validity             Validity,
    subject              Name,
    subjectPublicKeyInfo SubjectPublicKeyInfo,
    issuerUniqueID  [1]  IMPLICIT BIT STRING OPTIONAL,
    subjectUniqueID [2]  IMPLICIT BIT STRING OPTIONAL,
    extensions      [3]  EXPLICIT Extensions OPTIONAL }

Version ::= INTEGER { v1(0), v2(1), v3(2) }

CertificateSerialNumber ::= INTEGER

Validity ::= SEQUENCE {
    notBefore      Time,
    notAfter       Time }

Time ::= CHOICE {
    utcTime        UTCTime,
    generalTime    GeneralizedTime }

SubjectPublicKeyInfo ::= SEQUENCE {
    algorithm            AlgorithmIdentifier,
    subjectPublicKey     BIT STRING }

AlgorithmIdentifier ::= SEQUENCE {
    algorithm               OBJECT IDENTIFIER,
    parameters              ANY DEFINED BY algorithm OPTIONAL }

Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension

Extension ::= SEQUENCE {
    extnID      OBJECT IDENTIFIER,
    critical    BOOLEAN DEFAULT FALSE,
    extnValue   OCTET STRING }

-- RFC 5280, 4.1.2.4: names
Name ::= CHOICE {
    rdnSequence  RDNSequence }

RDNSequence ::= SEQUENCE OF RelativeDistinguishedName

RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue

AttributeTypeAndValue ::= SEQUENCE {
    type     OBJECT IDENTIFIER,
    value    ANY DEFINED BY type }

DirectoryString ::= CHOICE {
    teletexString           TeletexString,
    printableString         PrintableString,
    universalString         UniversalString,
    utf8String              UTF8String,
    bmpString               BMPString,
    ia5String               IA5String }

-- RFC 5280, 4.2.1: standard extensions
AuthorityKeyIdentifier ::= SEQUENCE {
    keyIdentifier             [0] KeyIdentifier           OPTIONAL,
    authorityCertIssuer       [1] GeneralNames            OPTIONAL,
    authorityCertSerialNumber [2] CertificateSerialNumber OPTIONAL }

KeyIdentifier ::= OCTET STRING

SubjectKeyIdentifier ::= KeyIdentifier

KeyUsage ::= BIT STRING

CertificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation

PolicyInformation ::= SEQUENCE {
    policyIdentifier   OBJECT IDENTIFIER,
    policyQualifiers   SEQUENCE SIZE (1..MAX) OF PolicyQualifierInfo OPTIONAL }

PolicyQualifierInfo ::= SEQUENCE {
    policyQualifierId  OBJECT IDENTIFIER,
    qualifier          ANY DEFINED BY policyQualifierId }

SubjectAltName ::= GeneralNames

GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName

GeneralName ::= CHOICE {
    otherName                 [0] AnotherName,
    rfc822Name                [1] IA5String,
    dNSName                   [2] IA5String,
    x400Address               [3] ANY,
    directoryName             [4] EXPLICIT RDNSequence,
    ediPartyName              [5] ANY,
    uniformResourceIdentifier [6] IA5String,
    iPAddress                 [7] OCTET STRING,
    registeredID              [8] OBJECT IDENTIFIER }

AnotherName ::= SEQUENCE {
    type-id    OBJECT IDENTIFIER,
    value      [0] EXPLICIT ANY DEFINED BY type-id }

BasicConstraints ::= SEQUENCE {
    cA                      BOOLEAN DEFAULT FALSE,
    pathLenConstraint       INTEGER (0..MAX) OPTIONAL }

NameConstraints ::= SEQUENCE {
    permittedSubtrees       [0] GeneralSubtrees OPTIONAL,
    excludedSubtrees        [1] GeneralSubtrees OPTIONAL }

GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree

GeneralSubtree ::= SEQUENCE {
    base                    GeneralName,
    minimum         [0]     INTEGER DEFAULT 0,
    maximum         [1]     INTEGER OPTIONAL }

ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF OBJECT IDENTIFIER

CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint

DistributionPoint ::= SEQUENCE {
    distributionPoint       [0]     EXPLICIT DistributionPointName OPTIONAL,
    reasons                 [1]     BIT STRING OPTIONAL,
    cRLIssuer               [2]     GeneralNames OPTIONAL }

DistributionPointName ::= CHOICE {
    fullName                [0]     GeneralNames,
    nameRelativeToCRLIssuer [1]     RelativeDistinguishedName }

AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription

AccessDescription ::= SEQUENCE {
    accessMethod          OBJECT IDENTIFIER,
    accessLocation        GeneralName }

-- RFC 6120, 13.7.1.4: XMPP addresses in subjectAltName otherName
XmppAddr ::= UTF8String

-- RFC 5280, 5.1: certificate revocation lists
CertificateList ::= SEQUENCE {
    tbsCertList          TBSCertList,
    signatureAlgorithm   AlgorithmIdentifier,
    signature            BIT STRING }

TBSCertList ::= SEQUENCE {
    version                 Version OPTIONAL,
    signature               AlgorithmIdentifier,
    issuer                  Name,
    thisUpdate              Time,
    nextUpdate              Time OPTIONAL,
    revokedCertificates     SEQUENCE OF SEQUENCE {
        userCertificate         CertificateSerialNumber,
        revocationDate          Time,
        crlEntryExtensions      Extensions OPTIONAL } OPTIONAL,
    crlExtensions           [0] EXPLICIT Extensions OPTIONAL }

-- RFC 8017, appendix A: RSA keys
RSAPublicKey ::= SEQUENCE {
    modulus           INTEGER,
    publicExponent    INTEGER }

RSAPrivateKey ::= SEQUENCE {
    version           INTEGER,
    modulus           INTEGER,
    publicExponent    INTEGER,
    privateExponent   INTEGER,
    prime1            INTEGER,
    prime2            INTEGER,
    exponent1         INTEGER,
    exponent2         INTEGER,
    coefficient       INTEGER,
    otherPrimeInfos   OtherPrimeInfos OPTIONAL }

OtherPrimeInfos ::= SEQUENCE SIZE(1..MAX) OF OtherPrimeInfo

OtherPrimeInfo ::= SEQUENCE {
    prime             INTEGER,
    exponent          INTEGER,
    coefficient       INTEGER }

-- RFC 4055, section 3.1 / RFC 8017, A.2.3: RSASSA-PSS parameters
RSASSA-PSS-params ::= SEQUENCE {
    hashAlgorithm      [0] EXPLICIT AlgorithmIdentifier OPTIONAL,
    maskGenAlgorithm   [1] EXPLICIT AlgorithmIdentifier OPTIONAL,
    saltLength         [2] EXPLICIT INTEGER DEFAULT 20,
    trailerField       [3] EXPLICIT INTEGER DEFAULT 1 }

-- RFC 3279, 2.3.2 / FIPS 186: DSA
DSAParameters ::= SEQUENCE {
    p   INTEGER,
    q   INTEGER,
    g   INTEGER }

DSAPublicKey ::= INTEGER

DSASignatureValue ::= SEQUENCE {
    r   INTEGER,
    s   INTEGER }

-- RFC 5480 / RFC 5915: elliptic curves
ECParameters ::= CHOICE {
    namedCurve         OBJECT IDENTIFIER }

ECPrivateKey ::= SEQUENCE {
    version        INTEGER,
    privateKey     OCTET STRING,
    parameters [0] EXPLICIT ECParameters OPTIONAL,
    publicKey  [1] EXPLICIT BIT STRING OPTIONAL }

-- RFC 4491, 2.3.1 / RFC 9215: GOST R 34.10 public key parameters
GostR3410-PublicKeyParameters ::= SEQUENCE {
    publicKeyParamSet   OBJECT IDENTIFIER,
    digestParamSet      OBJECT IDENTIFIER OPTIONAL,
    encryptionParamSet  OBJECT IDENTIFIER OPTIONAL }

-- RFC 5958: asymmetric key packages (PKCS #8)
OneAsymmetricKey ::= SEQUENCE {
    version                   INTEGER,
    privateKeyAlgorithm       AlgorithmIdentifier,
    privateKey                OCTET STRING,
    attributes            [0] Attributes OPTIONAL,
    publicKey             [1] BIT STRING OPTIONAL }

PrivateKeyInfo ::= OneAsymmetricKey

Attributes ::= SET OF Attribute

Attribute ::= SEQUENCE {
    type      OBJECT IDENTIFIER,
    values    SET OF ANY }

EncryptedPrivateKeyInfo ::= SEQUENCE {
    encryptionAlgorithm  AlgorithmIdentifier,
    encryptedData        OCTET STRING }

-- RFC 8410: CurvePrivateKey
CurvePrivateKey ::= OCTET STRING

-- RFC 8018, appendix A: PBES2 and PBKDF2
PBES2-params ::= SEQUENCE {
    keyDerivationFunc AlgorithmIdentifier,
    encryptionScheme  AlgorithmIdentifier }

PBKDF2-params ::= SEQUENCE {
    salt           OCTET STRING,
    iterationCount INTEGER (1..MAX),
    keyLength      INTEGER (1..MAX) OPTIONAL,
    prf            AlgorithmIdentifier OPTIONAL }

PBE-IV ::= OCTET STRING

-- crl: RFC 5280, 5.2.3
CRLNumber ::= INTEGER

-- print/ext: RFC 3820 proxy certificates, RFC 7633 TLS features, RFC 3280
-- private key usage period, RFC 5280 policy qualifiers and inhibitAnyPolicy,
-- RFC 4556 Kerberos principal names
ProxyCertInfo ::= SEQUENCE {
    pCPathLenConstraint  INTEGER (0..MAX) OPTIONAL,
    proxyPolicy          ProxyPolicy }

ProxyPolicy ::= SEQUENCE {
    policyLanguage       OBJECT IDENTIFIER,
    policy               OCTET STRING OPTIONAL }

TlsFeatures ::= SEQUENCE OF INTEGER

PrivateKeyUsagePeriod ::= SEQUENCE {
    notBefore       [0]  GeneralizedTime OPTIONAL,
    notAfter        [1]  GeneralizedTime OPTIONAL }

SkipCerts ::= INTEGER (0..MAX)

CPSuri ::= IA5String

UserNotice ::= SEQUENCE {
    noticeRef        NoticeReference OPTIONAL,
    explicitText     DisplayText OPTIONAL }

NoticeReference ::= SEQUENCE {
    organization     DisplayText,
    noticeNumbers    SEQUENCE OF INTEGER }

DisplayText ::= CHOICE {
    ia5String        IA5String,
    visibleString    VisibleString,
    bmpString        BMPString,
    utf8String       UTF8String }

KRB5PrincipalName ::= SEQUENCE {
    realm           [0] EXPLICIT GeneralString,
    principalName   [1] EXPLICIT KRB5PrincipalNameBody }

KRB5PrincipalNameBody ::= SEQUENCE {
    name-type       [0] EXPLICIT INTEGER,
    name-string     [1] EXPLICIT SEQUENCE OF GeneralString }

-- dh params: PKCS #3 DHParameter
DHParameter ::= SEQUENCE {
    prime               INTEGER,
    base                INTEGER,
    privateValueLength  INTEGER OPTIONAL }

-- RFC 4490 4.2 and RFC 9189: the GOST key transport of a TLS 1.2
-- ClientKeyExchange (suite TLS_GOSTR341112_256_WITH_28147_CNT_IMIT)
TLSGostKeyTransportBlob ::= SEQUENCE {
    keyBlob        GostR3410-KeyTransport,
    proxyKeyBlobs  SEQUENCE OF ANY OPTIONAL }

GostR3410-KeyTransport ::= SEQUENCE {
    sessionEncryptedKey  Gost28147-89-EncryptedKey,
    transportParameters  [0] GostR3410-TransportParameters OPTIONAL }

Gost28147-89-EncryptedKey ::= SEQUENCE {
    encryptedKey  OCTET STRING,
    maskKey   [0] OCTET STRING OPTIONAL,
    macKey        OCTET STRING }

GostR3410-TransportParameters ::= SEQUENCE {
    encryptionParamSet      OBJECT IDENTIFIER,
    ephemeralPublicKey  [0] SubjectPublicKeyInfo OPTIONAL,
    ukm                     OCTET STRING }

END
)ASN1";

}  // namespace tlshim::asn1
