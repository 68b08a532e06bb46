#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Writes CAs and revocation lists into directory $1 with certtool and openssl:
#   ca-rsa.pem, ca-ec.pem   issuers (ca-rsa-twin.pem: same name as ca-rsa, other key;
#                           ca-nocrl.pem: key usage without cRLSign)
#   *.crl.pem / *.crl.der   the CRLs, in both encodings
#   all.pem                 every PEM CRL concatenated
# certtool: revoked entries, CRL number and authority key id, an ECDSA
# issuer, a GeneralizedTime next update, an empty list, an issuer without
# cRLSign, a list issued in the future and already superseded.  openssl ca: a v1
# list (no extensions), a v2 list with reason codes, invalidity dates and
# an authority key id naming the issuer and serial, a SHA-1 signature.  With python3: a list
# without nextUpdate and one with an unknown critical extension (re-signed).
set -u
out=$1
mkdir -p "$out" || exit 1
cd "$out" || exit 1
have_certtool=false; command -v certtool >/dev/null 2>&1 && have_certtool=true
have_openssl=false; command -v openssl >/dev/null 2>&1 && have_openssl=true
py=${PYTHON:-python3}

der() { # x.crl.pem -> x.crl.der
  if $have_openssl; then openssl crl -in "$1.crl.pem" -outform DER -out "$1.crl.der" 2>/dev/null; fi
}

if $have_certtool; then
  certtool -p --key-type rsa --bits 2048 --outfile ca-rsa.key >/dev/null 2>&1
  certtool -p --key-type rsa --bits 2048 --outfile twin.key >/dev/null 2>&1
  certtool -p --key-type ecdsa --curve secp256r1 --outfile ca-ec.key >/dev/null 2>&1
  certtool -p --key-type ecdsa --curve secp256r1 --outfile leaf.key >/dev/null 2>&1
  cat > ca.tmpl <<'EOT'
cn = "Test CA, CRL"
organization = "Example"
country = FR
serial = 1
expiration_days = 365
ca
cert_signing_key
crl_signing_key
EOT
  certtool -s --load-privkey ca-rsa.key --template ca.tmpl --outfile ca-rsa.pem >/dev/null 2>&1
  certtool -s --load-privkey twin.key --template ca.tmpl --outfile ca-rsa-twin.pem >/dev/null 2>&1
  sed 's/Test CA, CRL/EC CA/' ca.tmpl > ca-ec.tmpl
  certtool -s --load-privkey ca-ec.key --template ca-ec.tmpl --outfile ca-ec.pem >/dev/null 2>&1
  for s in 5 0x0102030405060708090a 255; do
    printf 'cn = "leaf %s"\nserial = %s\nexpiration_days = 30\n' "$s" "$s" > l.tmpl
    certtool -c --load-privkey leaf.key --load-ca-privkey ca-rsa.key --load-ca-certificate ca-rsa.pem \
      --template l.tmpl --outfile leaf-$s.pem >/dev/null 2>&1
    cat leaf-$s.pem >> revoked.pem
  done
  cat > c1.tmpl <<'EOT'
crl_next_update = 30
crl_number = 7
crl_revocation_date = "2024-01-02 03:04:05"
crl_this_update_date = "2024-02-01 00:00:00"
EOT
  certtool --generate-crl --load-ca-privkey ca-rsa.key --load-ca-certificate ca-rsa.pem \
    --load-certificate revoked.pem --template c1.tmpl --outfile ct1.crl.pem >/dev/null 2>&1 && der ct1
  printf 'crl_next_update = -1\ncrl_number = 0x0102030405060708090a0b0c0d0e0f\n' > c2.tmpl
  certtool --generate-crl --load-ca-privkey ca-rsa.key --load-ca-certificate ca-rsa.pem \
    --template c2.tmpl --outfile ct2.crl.pem >/dev/null 2>&1 && der ct2
  # An issuer whose key usage does not allow signing CRLs.
  printf 'cn = "No CRL sign"\nserial = 3\nexpiration_days = 365\nca\ncert_signing_key\n' > nocrl.tmpl
  certtool -s --load-privkey twin.key --template nocrl.tmpl --outfile ca-nocrl.pem >/dev/null 2>&1
  printf 'crl_next_update = 10\n' > c4.tmpl
  certtool --generate-crl --load-ca-privkey twin.key --load-ca-certificate ca-nocrl.pem \
    --template c4.tmpl --outfile ct4.crl.pem >/dev/null 2>&1 && der ct4
  # Issued in the future, superseded already.
  printf 'crl_this_update_date = "2040-01-01 00:00:00"\ncrl_next_update = -2\n' > c5.tmpl
  certtool --generate-crl --load-ca-privkey ca-rsa.key --load-ca-certificate ca-rsa.pem \
    --template c5.tmpl --outfile ct5.crl.pem >/dev/null 2>&1 && der ct5
  printf 'crl_next_update = 400\n' > c3.tmpl
  certtool --generate-crl --load-ca-privkey ca-ec.key --load-ca-certificate ca-ec.pem \
    --load-certificate revoked.pem --template c3.tmpl --outfile ct3.crl.pem >/dev/null 2>&1 && der ct3
fi

if $have_openssl && [ -f ca-rsa.pem ]; then
  mkdir -p db
  : > db/index.txt
  # Entries of the openssl database: revoked serials with and without reasons.
  printf 'R\t301231235959Z\t230101000000Z\t0A\tunknown\t/CN=one\n' >> db/index.txt
  printf 'R\t301231235959Z\t230102000000Z,keyCompromise\t0B0C\tunknown\t/CN=two\n' >> db/index.txt
  printf 'R\t301231235959Z\t230103000000Z,certificateHold,holdInstructionReject\t7F\tunknown\t/CN=three\n' >> db/index.txt
  printf 'R\t301231235959Z\t230104000000Z,keyCompromise,20221231120000Z\t80\tunknown\t/CN=four\n' >> db/index.txt
  cat > ca.cnf <<'EOT'
[ca]
default_ca = myca
[myca]
dir = .
database = db/index.txt
default_md = sha256
default_crl_days = 7
[v2ext]
authorityKeyIdentifier = keyid:always,issuer:always
EOT
  awk '!/keyCompromise|certificateHold/' db/index.txt > db/index1.txt
  sed 's#db/index.txt#db/index1.txt#' ca.cnf > ca1.cnf
  openssl ca -config ca1.cnf -gencrl -keyfile ca-rsa.key -cert ca-rsa.pem -out os1.crl.pem >/dev/null 2>&1 && der os1
  echo 2A > db/crlnumber
  sed -i 's#^database = db/index.txt#&\ncrlnumber = db/crlnumber#' ca.cnf
  openssl ca -config ca.cnf -gencrl -crlexts v2ext -keyfile ca-rsa.key -cert ca-rsa.pem \
    -crlhours 5 -md sha384 -out os2.crl.pem >/dev/null 2>&1 && der os2
  openssl ca -config ca.cnf -gencrl -keyfile ca-ec.key -cert ca-ec.pem -out os3.crl.pem >/dev/null 2>&1 && der os3
  openssl ca -config ca1.cnf -gencrl -keyfile ca-rsa.key -cert ca-rsa.pem -md sha1 -out os4.crl.pem >/dev/null 2>&1 && der os4
fi

# Lists openssl and certtool cannot make, re-signed by the RSA CA.
if $have_openssl && [ -f ct1.crl.der ] && "$py" -c 'import sys' >/dev/null 2>&1; then
  "$py" - ct1.crl.der ca-rsa.key <<'EOT'
import subprocess, sys

def tlv(b, i):
    t = b[i]; l = b[i + 1]; j = i + 2
    if l & 0x80:
        n = l & 0x7f; l = int.from_bytes(b[j:j + n], 'big'); j += n
    return t, j, j + l

def enc(t, body):
    n = len(body)
    if n < 128:
        h = bytes([n])
    else:
        lb = n.to_bytes((n.bit_length() + 7) // 8, 'big'); h = bytes([0x80 | len(lb)]) + lb
    return bytes([t]) + h + body

der = open(sys.argv[1], 'rb').read()
_, s, e = tlv(der, 0)
_, ts, te = tlv(der, s)               # tbsCertList
alg_start = te
_, _, ae = tlv(der, alg_start)
alg = der[alg_start:ae]
items = []
i = ts
while i < te:
    t, cs, ce = tlv(der, i); items.append(der[i:ce]); i = ce

def sign(tbs_items, name):
    tbs = enc(0x30, b''.join(tbs_items))
    sig = subprocess.run(['openssl', 'dgst', '-sha256', '-sign', sys.argv[2]], input=tbs,
                         stdout=subprocess.PIPE, check=True).stdout
    crl = enc(0x30, tbs + alg + enc(0x03, b'\0' + sig))
    open(name + '.crl.der', 'wb').write(crl)

# items: version, signature, issuer, thisUpdate, nextUpdate, revoked, [0] exts
sign(items[:4] + items[5:], 'py1')  # no nextUpdate
ext = enc(0x30, enc(0x06, bytes([0x2a, 0x03, 0x04])) + enc(0x01, b'\xff') + enc(0x04, enc(0x04, b'abc')))
exts = items[6]
_, es, ee = tlv(exts, 0)
_, ss, se = tlv(exts, es)
newexts = enc(0xa0, enc(0x30, exts[ss:se] + ext))
sign(items[:6] + [newexts], 'py2')  # an unknown critical extension
EOT
  for f in py1 py2; do
    [ -f $f.crl.der ] && openssl crl -inform DER -in $f.crl.der -out $f.crl.pem 2>/dev/null
  done
fi
cat ./*.crl.pem > all.pem 2>/dev/null
rm -f ./*.key ./*.tmpl ./*.cnf l.tmpl revoked.pem
rm -rf db
n=$(ls ./*.crl.der 2>/dev/null | wc -l)
[ "$n" -gt 0 ] || { echo "no CRL could be generated"; exit 77; }
exit 0
