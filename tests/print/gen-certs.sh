#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Writes into directory $1 the certificates of tests/x509/gen-certs.sh plus
# certificates carrying every extension type certtool and openssl can make:
# policies with qualifiers, AIA, CRL distribution points, name constraints,
# otherNames (XMPP, Kerberos, unknown), proxy certificate information, TLS
# features, IP SANs, private key usage period, inhibit anyPolicy, issuer
# alternative names, authority key identifiers with issuer and serial,
# unknown critical and non-critical extensions; DSA and RSA-PSS keys.
set -u
out=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
"$top/tests/x509/gen-certs.sh" "$out" >/dev/null 2>&1
mkdir -p "$out" || exit 1
cd "$out" || exit 1
if command -v certtool >/dev/null 2>&1; then
  certtool -p --key-type rsa --bits 1024 --outfile prsa.key >/dev/null 2>&1
  certtool -p --key-type dsa --bits 1024 --outfile pdsa.key >/dev/null 2>&1
  cat > p1.tmpl <<'EOT'
cn = "Print test"
organization = "Org"
serial = 1234
expiration_days = 365
dns_name = www.example.com
ip_address = 192.0.2.1
ip_address = 2001:db8::1
uri = https://example.com/
xmpp_name = juliet@im.example.com
krb5_principal = user@REALM.COM
other_name_utf8 = "1.2.3.4 hello"
ca
path_len = 3
cert_signing_key
signing_key
encryption_key
tls_www_server
key_purpose_oid = 1.2.3.4.5
crl_dist_points = "http://crl.example.com/ca.crl"
ocsp_uri = "http://ocsp.example.com"
ca_issuers_uri = "http://ca.example.com/ca.crt"
policy1 = 1.3.6.1.4.1.5484.1.10.99.1.0
policy1_txt = "A policy"
policy1_url = "http://pol.example.com"
nc_permit_dns = example.com
nc_exclude_email = bad@example.com
nc_permit_ip = 192.168.0.0/16
tls_feature = 5
tls_feature = 17
inhibit_anypolicy_skip_certs = 2
add_extension = "1.2.3.4 0x0403010203"
add_critical_extension = "1.2.3.5 0x0500"
EOT
  certtool -s --load-privkey prsa.key --template p1.tmpl --outfile p1-full.pem >/dev/null 2>&1
  printf 'cn = dsa\nserial = 5\nexpiration_days = 10\n' > p2.tmpl
  certtool -s --load-privkey pdsa.key --template p2.tmpl --outfile p2-dsa.pem >/dev/null 2>&1
  printf 'cn = leaf\nserial = 6\nexpiration_days = 10\ntls_www_client\nemail_protection_key\ntime_stamping_key\nocsp_signing_key\ncode_signing_key\nipsec_ike_key\n' > p3.tmpl
  certtool -c --load-privkey pdsa.key --load-ca-privkey prsa.key --load-ca-certificate p1-full.pem \
    --template p3.tmpl --outfile p3-signed.pem >/dev/null 2>&1
fi
if command -v openssl >/dev/null 2>&1; then
  cat > p.cnf <<'EOT'
[req]
distinguished_name=dn
[dn]
[ext]
subjectAltName=DNS:o.example,IP:10.0.0.1,email:x@y.z,URI:ldap://h/,otherName:1.2.3.4;UTF8:other,RID:1.2.3,dirName:dir_sect,otherName:1.3.6.1.5.5.7.8.5;UTF8:jabber@x.org
issuerAltName=DNS:issuer.example,email:i@e.com
keyUsage=critical,digitalSignature,nonRepudiation,keyEncipherment,dataEncipherment,keyAgreement,keyCertSign,cRLSign,encipherOnly,decipherOnly
extendedKeyUsage=serverAuth,clientAuth,codeSigning,emailProtection,timeStamping,OCSPSigning,ipsecIKE,msCodeInd,1.3.6.1.5.5.7.3.5,anyExtendedKeyUsage
basicConstraints=critical,CA:TRUE
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always,issuer:always
crlDistributionPoints=crldp1,crldp2
authorityInfoAccess=OCSP;URI:http://ocsp.x/,caIssuers;URI:http://ca.x/,1.2.3.4;DNS:other.x
certificatePolicies=ia5org,1.2.3.4,@pol1,2.5.29.32.0
nameConstraints=permitted;dirName:dir_sect,excluded;URI:.bad.com,permitted;IP:10.0.0.0/255.0.0.0,excluded;IP:2001:db8::/ffff:ffff::
policyConstraints=requireExplicitPolicy:1,inhibitPolicyMapping:2
inhibitAnyPolicy=3
tlsfeature=status_request
proxyCertInfo=critical,language:id-ppl-anyLanguage,pathlen:3,policy:text:AB
2.5.29.16=DER:3022800f32303230303130313030303030305a810f32303330303130313030303030305a
nsComment=Hello
nsCertType=server
[dir_sect]
C=UK
O=My Org
CN=dir name
[crldp1]
fullname=URI:http://crl1.x/a.crl,DNS:crl.x
reasons=keyCompromise,CACompromise
CRLissuer=dirName:dir_sect
[crldp2]
fullname=URI:http://crl2.x/b.crl
[pol1]
policyIdentifier=1.3.6.1.4.1.99
CPS.1="http://cps.x/"
userNotice.1=@notice
[notice]
explicitText="Explicit Text Here"
organization="Org Name"
noticeNumbers=1,2,3,4
EOT
  openssl req -x509 -config p.cnf -extensions ext -newkey rsa:1024 -nodes -keyout p4.key -out p4-openssl.pem \
    -days 10 -subj "/CN=openssl/OU=a+OU=b/DC=example" >/dev/null 2>&1
fi
rm -f ./*.key ./*.tmpl ./*.cnf
n=$(ls | wc -l)
[ "$n" -gt 0 ] || { echo "no certificate could be generated"; exit 77; }
exit 0
