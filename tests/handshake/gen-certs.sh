#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Writes into directory $1 a test CA (ca.pem) and certified keys signed by
# it, named by key type: rsa, pss (RSA-PSS), p256, p384, ed25519 (server
# certificates for "localhost") and client (an ECDSA client certificate).
# Each has NAME.pem (certificate) and NAME.key (PKCS#8 key).
set -u
out=$1
mkdir -p "$out" && cd "$out" || exit 1
command -v openssl >/dev/null 2>&1 || { echo "SKIP: openssl is missing"; exit 77; }
days=30
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem \
  -subj "/CN=tlshim test CA" -days $days \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign >/dev/null 2>&1 || exit 1
newkey() {
  case $1 in
    rsa|rsaenc) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key" ;;
    pss) openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out "$1.key" ;;
    p256|client) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" ;;
    p384) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$1.key" ;;
    ed25519) openssl genpkey -algorithm ED25519 -out "$1.key" ;;
  esac
}
for name in rsa pss p256 p384 ed25519 client rsaenc; do
  newkey $name >/dev/null 2>&1 || exit 1
  if [ $name = client ]; then
    subj="/CN=tlshim test client"; eku=clientAuth; san="email:client@example.org"
  else
    subj="/CN=localhost"; eku=serverAuth; san="DNS:localhost,DNS:www.example.com,IP:127.0.0.1"
  fi
  openssl req -new -key $name.key -subj "$subj" -out $name.csr >/dev/null 2>&1 || exit 1
  # rsaenc: an RSA key that may also be used for RSA key transport (TLS 1.2).
  usage=digitalSignature
  [ $name = rsaenc ] && usage=digitalSignature,keyEncipherment
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,%s\nextendedKeyUsage=%s\nsubjectAltName=%s\n' \
    $usage $eku "$san" > $name.ext
  openssl x509 -req -in $name.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days $days \
    -extfile $name.ext -out $name.pem >/dev/null 2>&1 || exit 1
done
exit 0
