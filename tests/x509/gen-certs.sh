#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Writes a varied set of certificates into directory $1 with certtool and
# openssl: RSA, RSA-PSS, ECDSA P-256/P-384, Ed25519; names with characters
# that need escaping, multi-valued RDNs, UTF-8, unknown attribute OIDs;
# subject alternative names of every common type; critical and non-critical
# extensions.  Each certificate is written as PEM (.pem) and DER (.der).
set -u
out=$1
mkdir -p "$out" || exit 1
cd "$out" || exit 1
ok=0
have_certtool=false; command -v certtool >/dev/null 2>&1 && have_certtool=true
have_openssl=false; command -v openssl >/dev/null 2>&1 && have_openssl=true

der() { # PEM file -> DER file beside it
  if $have_openssl; then openssl x509 -in "$1.pem" -outform DER -out "$1.der" 2>/dev/null; fi
}

if $have_certtool; then
  certtool -p --key-type rsa --bits 2048 --outfile rsa.key >/dev/null 2>&1
  certtool -p --key-type rsa-pss --bits 2048 --outfile pss.key >/dev/null 2>&1
  certtool -p --key-type ecdsa --curve secp256r1 --outfile p256.key >/dev/null 2>&1
  certtool -p --key-type ecdsa --curve secp384r1 --outfile p384.key >/dev/null 2>&1
  certtool -p --key-type ed25519 --outfile ed25519.key >/dev/null 2>&1
  i=0
  for key in rsa pss p256 p384 ed25519; do
    i=$((i + 1))
    cat > t$i.tmpl <<EOT
cn = "Test $key, with comma"
organization = "Org+Plus;Semi\"Quote<Less>Greater"
unit = "Unit One"
unit = "Unit #Two"
locality = " Leading space"
state = "Trailing space "
country = FR
dc = example
dc = com
uid = user$i
email = user$i@example.com
serial = $((i * 1000 + 17))
expiration_days = 365
dns_name = www$i.example.com
dns_name = *.example.org
ip_address = 192.0.2.$i
ip_address = 2001:db8::$i
email = alt$i@example.net
uri = https://example.com/path?$i
ca
path_len = $i
cert_signing_key
signing_key
encryption_key
tls_www_server
tls_www_client
crl_dist_points = "http://crl.example.com/ca.crl"
ocsp_uri = "http://ocsp.example.com"
policy1 = 1.3.6.1.4.1.5484.1.10.99.1.0
policy1_txt = "A policy"
EOT
    certtool -s --load-privkey $key.key --template t$i.tmpl --outfile c$i-$key.pem >/dev/null 2>&1 && der c$i-$key
  done
  cat > dn2.tmpl <<'EOT'
dn = "CN=trailing\\ ,OU=  two  spaces,O=back\\\\slash,L=new\nline,street=1 Main St,postalCode=12345,title=Dr,pseudonym=ps,givenName=G,surname=S,initials=I,serialNumber=SN1,dnQualifier=q"
serial = 6
expiration_days = 30
honor_crq_extensions
EOT
  certtool -s --load-privkey p256.key --template dn2.tmpl --outfile dn2.pem >/dev/null 2>&1 && der dn2
  cat > crit.tmpl <<'EOT'
cn = "critical"
serial = 7
activation_date = "2049-12-31 23:59:59"
expiration_date = "2051-01-01 00:00:00"
dns_name = only.example.com
key_purpose_oid = 1.3.6.1.5.5.7.3.9
add_extension = "1.2.3.4 0x0403010203"
add_critical_extension = "1.2.3.5 0x0500"
EOT
  certtool -s --load-privkey p384.key --template crit.tmpl --outfile crit.pem >/dev/null 2>&1 && der crit
  cat > v1.tmpl <<'EOT'
cn = "version one"
serial = 8
expiration_days = 1
v1
EOT
  certtool -s --load-privkey ed25519.key --template v1.tmpl --outfile v1.pem >/dev/null 2>&1 && der v1
fi

if $have_openssl; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout o1.key -out o1.pem -days 10 \
    -subj "/CN=openssl one/O=Multi+OU=Valued/2.5.4.97=VATFR-123/emailAddress=a@b.c" \
    -addext "subjectAltName=DNS:o.example,IP:10.0.0.1,email:x@y.z,URI:ldap://h/,otherName:1.2.3.4;UTF8:other,RID:1.2.3" \
    -addext "keyUsage=critical,digitalSignature" -addext "basicConstraints=critical,CA:FALSE" \
    -set_serial 0x00ff00ff00ff00ff00ff >/dev/null 2>&1 && der o1
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout o2.key -out o2.pem -days 10 \
    -utf8 -subj "/CN=日本語 テスト/O==eq \"q\"/OU=#x/L= sp " -sha384 >/dev/null 2>&1 && der o2
  openssl req -x509 -newkey rsa:2048 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -sha256 \
    -nodes -keyout o3.key -out o3.pem -days 10 -subj "/DC=org/DC=example/CN=pss" >/dev/null 2>&1 && der o3
  openssl req -x509 -newkey ed448 -nodes -keyout o4.key -out o4.pem -days 10 -subj "/CN=ed448" >/dev/null 2>&1 && der o4
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-521 -nodes -keyout o5.key -out o5.pem -days 10 \
    -subj "/CN=p521/serialNumber=1" -set_serial -5 >/dev/null 2>&1 && der o5
  # Multi-valued RDN, UTF-8, an unknown attribute OID, characters to escape.
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-384 -nodes -keyout o6.key -out o6.pem -days 10 \
    -utf8 -multivalue-rdn -subj "/C=DE/O=Ex, Inc./OU=a=b/OU=#hash/1.2.3.4.5=unknown/CN=Ünïcödé Name+UID=multi" \
    >/dev/null 2>&1 && der o6
  # BMPString and TeletexString values (string_mask), an empty subject.
  printf '[req]\ndistinguished_name=dn\nstring_mask=nombstr\n[dn]\n' > bmp.cnf
  openssl req -x509 -config bmp.cnf -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout o7.key -out o7.pem \
    -days 10 -subj "/CN=plain/O=x" >/dev/null 2>&1 && der o7
  printf '[req]\ndistinguished_name=dn\nstring_mask=MASK:0x800\n[dn]\n' > bmp2.cnf
  openssl req -x509 -config bmp2.cnf -utf8 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout o8.key -out o8.pem \
    -days 10 -subj "/CN=bmp é/O=b" >/dev/null 2>&1 && der o8
  openssl req -x509 -newkey ed25519 -nodes -keyout o9.key -out o9.pem -days 10 -subj "/" \
    -addext "subjectAltName=critical,DNS:empty.example" >/dev/null 2>&1 && der o9
  cat o1.pem o2.pem o3.pem > chain3.pem 2>/dev/null
fi
rm -f ./*.key ./*.tmpl ./*.cnf
n=$(ls | wc -l)
[ "$n" -gt 0 ] || { echo "no certificate could be generated"; exit 77; }
exit 0
