#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Writes private keys of every type tlshim handles into directory $1, in
# every encoding: PKCS#1, SEC1 (with and without the public key), PKCS#8
# plain and PBES2-encrypted (AES-128/192/256-CBC, 3DES-CBC; HMAC-SHA1 and
# HMAC-SHA256), PEM and DER, made by openssl and by certtool.  An encrypted
# key NAME has its password in NAME.pass.  Exits 77 when neither tool exists.
set -u
out=$1
mkdir -p "$out" || exit 1
cd "$out" || exit 1
have_certtool=false; command -v certtool >/dev/null 2>&1 && have_certtool=true
have_openssl=false; command -v openssl >/dev/null 2>&1 && have_openssl=true
$have_openssl || $have_certtool || { echo "SKIP: neither openssl nor certtool"; exit 77; }
q() { "$@" >/dev/null 2>&1; }

if $have_openssl; then
  q openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out o-rsa.p8.pem
  q openssl pkey -in o-rsa.p8.pem -outform DER -out o-rsa.p8.der
  q openssl pkey -in o-rsa.p8.pem -traditional -out o-rsa.p1.pem
  q openssl rsa -in o-rsa.p8.pem -outform DER -traditional -out o-rsa.p1.der
  q openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out o-rsa1024.pem
  q openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_pss_keygen_md:sha256 \
    -pkeyopt rsa_pss_keygen_mgf1_md:sha256 -pkeyopt rsa_pss_keygen_saltlen:32 -out o-pss-sha256.pem
  q openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out o-pss-noparams.pem
  for c in P-256 P-384 P-521; do
    q openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:$c -out o-$c.p8.pem
    q openssl ec -in o-$c.p8.pem -out o-$c.sec1.pem
    q openssl ec -in o-$c.p8.pem -outform DER -out o-$c.sec1.der
    q openssl ec -in o-$c.p8.pem -no_public -out o-$c-nopub.sec1.pem
  done
  q openssl pkey -in o-P-256.p8.pem -outform DER -out o-P-256.p8.der
  for a in ED25519 ED448 X25519 X448; do
    q openssl genpkey -algorithm $a -out o-$a.pem
    q openssl pkey -in o-$a.pem -outform DER -out o-$a.der
  done
  # PBES2 variants (openssl's default PRF is HMAC-SHA256).
  q openssl pkcs8 -topk8 -in o-rsa.p8.pem -v2 aes-256-cbc -passout pass:secret -out o-rsa-aes256.pem
  q openssl pkcs8 -topk8 -in o-P-256.p8.pem -v2 aes-128-cbc -v2prf hmacWithSHA1 -passout pass:secret \
    -outform DER -out o-P-256-aes128-sha1.der
  q openssl pkcs8 -topk8 -in o-P-384.p8.pem -v2 aes-192-cbc -v2prf hmacWithSHA512 -passout pass:secret \
    -out o-P-384-aes192-sha512.pem
  q openssl pkcs8 -topk8 -in o-ED25519.pem -v2 des3 -passout pass:secret -out o-ED25519-3des.pem
  q openssl pkcs8 -topk8 -in o-X448.pem -v2 aes-256-cbc -v2prf hmacWithSHA384 -passout pass:'pass word' \
    -out o-X448-aes256.pem
  for f in o-rsa-aes256.pem o-P-256-aes128-sha1.der o-P-384-aes192-sha512.pem o-ED25519-3des.pem; do
    echo secret > $f.pass
  done
  echo 'pass word' > o-X448-aes256.pem.pass
fi

if $have_certtool; then
  q certtool -p --key-type rsa --bits 2048 --outfile c-rsa.pem
  q certtool -p --key-type rsa-pss --bits 2048 --outfile c-pss.pem
  q certtool -p --key-type rsa-pss --hash sha384 --bits 2048 --outfile c-pss384.pem
  q certtool -p --key-type ecdsa --curve secp256r1 --outfile c-p256.pem
  q certtool -p --key-type ecdsa --curve secp521r1 --outfile c-p521.pem
  q certtool -p --key-type ed25519 --outfile c-ed25519-rt.pem
  q certtool -p --key-type ed448 --outfile c-ed448.pem
  q certtool -p --key-type x25519 --outfile c-x25519.pem
  q certtool -p --key-type rsa --bits 2048 --outfile c-rsa8.key
  q certtool --to-p8 --load-privkey c-rsa8.key --password secret --outfile c-rsa-pbes2.pem
  echo secret > c-rsa-pbes2.pem.pass
  rm -f c-rsa8.key
fi
# Empty files from a tool that does not know an option are not keys.
for f in *.pem *.der; do [ -s "$f" ] || rm -f "$f"; done
ls *.pem *.der >/dev/null 2>&1 || { echo "SKIP: no keys could be generated"; exit 77; }
exit 0
