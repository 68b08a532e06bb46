#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Writes the inputs of the credentials test into directory $1 with certtool
# and openssl: an RSA CA, an intermediate, RSA and ECDSA server chains, an
# encrypted server key, a key that matches nothing, trust bundles (PEM and
# DER), a CRL, a directory of CA files, an OCSP response and a raw public key.
set -u
out=$1
mkdir -p "$out/cadir" || exit 1
cd "$out" || exit 1
q() { "$@" >/dev/null 2>&1 || { echo "gen-cred: failed: $*" >&2; exit 1; }; }

tmpl() { # file cn serial [extra lines...]
  f=$1; cn=$2; serial=$3; shift 3
  { echo "cn = \"$cn\""; echo "organization = \"tlshim test\""; echo "serial = $serial";
    echo "expiration_days = 3650"; for l in "$@"; do echo "$l"; done; } > "$f"
}

q certtool -p --key-type rsa --bits 2048 --outfile ca.key
tmpl ca.tmpl "Test Root CA" 1 ca cert_signing_key crl_signing_key
q certtool -s --load-privkey ca.key --template ca.tmpl --outfile ca.pem
q certtool -p --key-type ecdsa --curve secp256r1 --outfile ca2.key
tmpl ca2.tmpl "Second Root CA" 2 ca cert_signing_key
q certtool -s --load-privkey ca2.key --template ca2.tmpl --outfile ca2.pem

q certtool -p --key-type rsa --bits 2048 --outfile int.key
tmpl int.tmpl "Test Intermediate" 3 ca cert_signing_key crl_signing_key
q certtool -c --load-privkey int.key --load-ca-privkey ca.key --load-ca-certificate ca.pem --template int.tmpl --outfile int.pem

q certtool -p --key-type rsa --bits 2048 --outfile srv-rsa.key
tmpl srv.tmpl "rsa.example.com" 4 'dns_name = "rsa.example.com"' 'dns_name = "www.rsa.example.com"' tls_www_server signing_key encryption_key
q certtool -c --load-privkey srv-rsa.key --load-ca-privkey int.key --load-ca-certificate int.pem --template srv.tmpl --outfile srv-rsa.pem
cat srv-rsa.pem int.pem > srv-rsa-chain.pem

q certtool -p --key-type ecdsa --curve secp256r1 --outfile srv-ec.key
tmpl ec.tmpl "ec.example.com" 5 'dns_name = "ec.example.com"' tls_www_server signing_key
q certtool -c --load-privkey srv-ec.key --load-ca-privkey ca2.key --load-ca-certificate ca2.pem --template ec.tmpl --outfile srv-ec.pem

q certtool -p --key-type ed25519 --outfile srv-ed.key
tmpl ed.tmpl "ed.example.com" 6 tls_www_server signing_key
q certtool -c --load-privkey srv-ed.key --load-ca-privkey ca.key --load-ca-certificate ca.pem --template ed.tmpl --outfile srv-ed.pem

# the RSA server key encrypted with a password (PKCS#8, PBES2)
q openssl pkcs8 -topk8 -in srv-rsa.key -v2 aes-256-cbc -passout pass:secret -out srv-rsa-enc.key
# a key that matches none of the certificates
q certtool -p --key-type rsa --bits 2048 --outfile other.key
q certtool -p --key-type ecdsa --curve secp256r1 --outfile other-ec.key

# DER forms
q openssl x509 -in ca.pem -outform DER -out ca.der
q openssl x509 -in srv-ec.pem -outform DER -out srv-ec.der
q certtool -k --load-privkey srv-ec.key --outder --outfile srv-ec-key.der
cat ca.pem ca2.pem > bundle.pem
cat ca.pem ca2.pem int.pem > bundle3.pem

# a CRL from the root revoking the intermediate, and an empty one from the intermediate
cat > crl.tmpl <<EOT
crl_next_update = 30
crl_number = 7
EOT
q certtool --generate-crl --load-ca-privkey ca.key --load-ca-certificate ca.pem --load-certificate int.pem --template crl.tmpl --outfile ca.crl
q certtool --generate-crl --load-ca-privkey int.key --load-ca-certificate int.pem --template crl.tmpl --outfile int.crl
cat ca.crl int.crl > both.crl
q openssl crl -in ca.crl -outform DER -out ca-crl.der

# a directory of CA files (and files that are not certificates)
cp ca.pem cadir/ca.pem; cp ca2.pem cadir/ca2.crt; cp int.pem cadir/int.pem
echo "not a certificate" > cadir/readme.txt
mkdir -p cadir/sub && cp ca.pem cadir/sub/nested.pem

# the raw public key of the EC server key
q certtool --load-privkey srv-ec.key --pubkey-info --outfile srv-ec.pub
q certtool --load-privkey srv-ec.key --pubkey-info --outder --outfile srv-ec-pub.der

# an OCSP response for the RSA server certificate, signed by its issuer
if command -v openssl >/dev/null 2>&1; then
  : > index.txt
  openssl ocsp -issuer int.pem -cert srv-rsa.pem -no_nonce -reqout ocsp-req.der >/dev/null 2>&1 &&
  openssl ocsp -index index.txt -rsigner int.pem -rkey int.key -CA int.pem -reqin ocsp-req.der \
      -respout ocsp-rsa.der -ndays 7 >/dev/null 2>&1
  openssl ocsp -issuer ca2.pem -cert srv-ec.pem -no_nonce -reqout ocsp-req2.der >/dev/null 2>&1 &&
  openssl ocsp -index index.txt -rsigner ca2.pem -rkey ca2.key -CA ca2.pem -reqin ocsp-req2.der \
      -respout ocsp-ec.der -ndays 3 >/dev/null 2>&1
  openssl ocsp -issuer ca.pem -cert int.pem -no_nonce -reqout ocsp-req3.der >/dev/null 2>&1 &&
  openssl ocsp -index index.txt -rsigner ca.pem -rkey ca.key -CA ca.pem -reqin ocsp-req3.der \
      -respout ocsp-int.der -ndays 5 >/dev/null 2>&1
fi
for f in ocsp-rsa.der ocsp-ec.der ocsp-int.der; do
  [ -s "$f" ] || { echo "gen-cred: no OCSP response $f" >&2; exit 1; }
done
# PEM bundles of OCSP responses for the RSA chain, in chain order and reversed
pem_ocsp() { echo "-----BEGIN OCSP RESPONSE-----"; base64 -w64 "$1"; echo "-----END OCSP RESPONSE-----"; }
{ pem_ocsp ocsp-rsa.der; pem_ocsp ocsp-int.der; } > ocsp-two.pem
{ pem_ocsp ocsp-int.der; pem_ocsp ocsp-rsa.der; } > ocsp-two-rev.pem
exit 0
