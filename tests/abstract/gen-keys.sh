#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Writes private keys of every type the abstract-key tests cover into
# directory $1 (NAME.key, PEM), a self-signed certificate for each
# (NAME.crt) and its public key (NAME.pub, PEM SubjectPublicKeyInfo):
# RSA, RSA-PSS (unrestricted, and restricted to SHA-256/salt 32 by
# openssl), ECDSA P-256/P-384/P-521, Ed25519, Ed448.  Also chain.pem, three
# certificates in issuing order.
set -u
out=$1
mkdir -p "$out" || exit 1
cd "$out" || exit 1
command -v certtool >/dev/null 2>&1 || { echo "certtool not found"; exit 77; }
command -v openssl >/dev/null 2>&1 || { echo "openssl not found"; exit 77; }

certtool -p --key-type rsa --bits 2048 --outfile rsa.key >/dev/null 2>&1 || exit 1
certtool -p --key-type rsa-pss --bits 2048 --outfile pss.key >/dev/null 2>&1 || exit 1
openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_pss_keygen_md:sha256 \
  -pkeyopt rsa_pss_keygen_mgf1_md:sha256 -pkeyopt rsa_pss_keygen_saltlen:32 -out pssr.key >/dev/null 2>&1 || exit 1
certtool -p --key-type ecdsa --curve secp256r1 --outfile p256.key >/dev/null 2>&1 || exit 1
certtool -p --key-type ecdsa --curve secp384r1 --outfile p384.key >/dev/null 2>&1 || exit 1
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-521 -out p521.key >/dev/null 2>&1 || exit 1
certtool -p --key-type ed25519 --outfile ed25519.key >/dev/null 2>&1 || exit 1
certtool -p --key-type ed448 --outfile ed448.key >/dev/null 2>&1 || exit 1

i=0
for k in rsa pss pssr p256 p384 p521 ed25519 ed448; do
  i=$((i + 1))
  cat > $k.tmpl <<EOT
cn = "abstract test $k"
serial = $i
expiration_days = 30
signing_key
encryption_key
EOT
  certtool -s --load-privkey $k.key --template $k.tmpl --outfile $k.crt >/dev/null 2>&1 || exit 1
  openssl pkey -in $k.key -pubout -out $k.pub >/dev/null 2>&1 || exit 1
done

# A chain: root (p384) -> intermediate (p256) -> leaf (rsa).
printf 'cn = "root"\nserial = 100\nexpiration_days = 30\nca\ncert_signing_key\n' > root.tmpl
printf 'cn = "intermediate"\nserial = 101\nexpiration_days = 30\nca\ncert_signing_key\n' > int.tmpl
printf 'cn = "leaf"\nserial = 102\nexpiration_days = 30\nsigning_key\n' > leaf.tmpl
certtool -s --load-privkey p384.key --template root.tmpl --outfile root.pem >/dev/null 2>&1 || exit 1
certtool -c --load-privkey p256.key --load-ca-privkey p384.key --load-ca-certificate root.pem \
  --template int.tmpl --outfile int.pem >/dev/null 2>&1 || exit 1
certtool -c --load-privkey rsa.key --load-ca-privkey p256.key --load-ca-certificate int.pem \
  --template leaf.tmpl --outfile leaf.pem >/dev/null 2>&1 || exit 1
cat leaf.pem int.pem root.pem > chain.pem
cat root.pem leaf.pem int.pem > unsorted.pem
rm -f ./*.tmpl root.pem int.pem leaf.pem
exit 0
