#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Signatures interoperate with OpenSSL in both directions: for RSA PKCS#1
# v1.5, RSA-PSS (RSA keys and RSA-PSS keys), ECDSA P-256/384/521, Ed25519
# and Ed448, a signature made with gnutls_x509_privkey_sign_data verifies
# with openssl, and openssl's signature verifies with tlshim's PublicKey;
# a corrupted signature is refused by both.  Skipped without openssl.
set -u
command -v openssl >/dev/null 2>&1 || { echo "SKIP: openssl not found"; exit 77; }
tool="$top_builddir/tests/keys/key-tool"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail=0
n=0
printf 'interoperability test message\n' > data
q() { "$@" >/dev/null 2>&1; }
bad() { echo "FAIL: $*"; fail=1; }

q openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.pem || bad "openssl RSA keygen"
q openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out pss.pem || bad "openssl RSA-PSS keygen"
for c in P-256 P-384 P-521; do
  q openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:$c -out $c.pem || bad "openssl $c keygen"
done
q openssl genpkey -algorithm ED25519 -out ed25519.pem || bad "openssl Ed25519 keygen"
q openssl genpkey -algorithm ED448 -out ed448.pem || bad "openssl Ed448 keygen"
for k in rsa pss P-256 P-384 P-521 ed25519 ed448; do
  q openssl pkey -in $k.pem -pubout -out $k.pub || bad "openssl pubout $k"
done

# key  digest  our-sign-algorithm  openssl-dgst-options
while read -r key dig ours opts; do
  n=$((n + 1))
  # tlshim signs, openssl verifies.
  if ! "$tool" sign $key.pem $dig data sig.ours; then
    bad "tlshim could not sign with $key/$dig"; continue
  fi
  case $key in
    ed*) ok_cmd="openssl pkeyutl -verify -pubin -inkey $key.pub -rawin -in data -sigfile" ;;
    *) ok_cmd="openssl dgst -$dig $opts -verify $key.pub -signature" ;;
  esac
  if ! q $ok_cmd sig.ours data && ! q $ok_cmd sig.ours; then
    bad "openssl rejects tlshim's $ours signature ($key)"
  fi
  # openssl signs, tlshim verifies.
  case $key in
    ed*) q openssl pkeyutl -sign -inkey $key.pem -rawin -in data -out sig.ossl ;;
    *) q openssl dgst -$dig $opts -sign $key.pem -out sig.ossl data ;;
  esac || { bad "openssl could not sign with $key/$dig"; continue; }
  "$tool" verify $key.pub $ours data sig.ossl || bad "tlshim rejects openssl's $ours signature ($key)"
  # A flipped bit must be refused (XOR, so that the byte really changes).
  b=$(od -An -tu1 -j10 -N1 sig.ossl | tr -d ' ')
  printf "$(printf '\\%03o' $((b ^ 1)))" | dd of=sig.ossl bs=1 seek=10 conv=notrunc 2>/dev/null
  if "$tool" verify $key.pub $ours data sig.ossl 2>/dev/null; then
    bad "tlshim accepts a corrupted $ours signature ($key)"
  fi
done <<EOT
rsa sha256 RSA-SHA256 -sigopt rsa_padding_mode:pkcs1
rsa sha384 RSA-SHA384 -sigopt rsa_padding_mode:pkcs1
rsa sha512 RSA-SHA512 -sigopt rsa_padding_mode:pkcs1
rsa sha1 RSA-SHA1 -sigopt rsa_padding_mode:pkcs1
pss sha256 RSA-PSS-SHA256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest
pss sha384 RSA-PSS-SHA384 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest
pss sha512 RSA-PSS-SHA512 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest
P-256 sha256 ECDSA-SHA256
P-256 sha1 ECDSA-SHA1
P-384 sha384 ECDSA-SHA384
P-521 sha512 ECDSA-SHA512
ed25519 sha512 EdDSA-Ed25519 -
ed448 shake256 EdDSA-Ed448 -
EOT

# RSA-PSS with an ordinary RSA key (the rsae schemes): openssl signs, tlshim verifies.
if q openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest -sign rsa.pem -out sig.rsae data; then
  n=$((n + 1))
  "$tool" verify rsa.pub RSA-PSS-RSAE-SHA256 data sig.rsae || bad "tlshim rejects openssl's RSA-PSS-RSAE-SHA256 signature"
  "$tool" verify rsa.pub RSA-SHA256 data sig.rsae 2>/dev/null && bad "a PSS signature verifies as PKCS#1 v1.5"
else
  bad "openssl could not make an RSA-PSS signature with an RSA key"
fi
[ $fail -eq 0 ] || exit 1
echo "PASS: $n signature schemes interoperate with openssl in both directions"
