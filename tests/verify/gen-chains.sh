#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Writes into directory $1 a corpus of certificate chains made now with
# certtool (and openssl for a damaged signature), plus a manifest
# "cases.txt" the differential program reads.  Every certificate is valid
# from 2020-01-01 to 2040-01-01 unless the case is about time; the program
# verifies at a fixed time (2030-01-01).
#
# Manifest lines (fields separated by one space, "-" for none):
#   chain NAME PEERS CAS CRLS HOST PURPOSE   a chain to verify
#   host NAME CERT                           a certificate for host name checks
set -u
out=$1
mkdir -p "$out" || exit 1
cd "$out" || exit 1
command -v certtool >/dev/null 2>&1 || { echo "certtool is missing"; exit 77; }
PY=${PYTHON:-python3}
: > cases.txt
fail() { echo "gen-chains: $*" >&2; exit 1; }

key() { # NAME TYPE [ARGS]
  n=$1; shift
  certtool -p "$@" --outfile "$n.key" >/dev/null 2>&1 || fail "key $n"
}
# tmpl NAME LINES... -> NAME.tmpl with default dates
tmpl() {
  n=$1; shift
  {
    echo 'activation_date = "2020-01-01 00:00:00"'
    echo 'expiration_date = "2040-01-01 00:00:00"'
    for l in "$@"; do echo "$l"; done
  } > "$n.tmpl"
}
selfsign() { # NAME KEY [certtool args]
  n=$1; k=$2; shift 2
  certtool -s --load-privkey "$k.key" --template "$n.tmpl" --outfile "$n.pem" "$@" >/dev/null 2>&1 \
    || fail "self-sign $n"
}
sign() { # NAME KEY CA [certtool args]
  n=$1; k=$2; ca=$3; shift 3
  certtool -c --load-privkey "$k.key" --load-ca-certificate "$ca.pem" --load-ca-privkey "$ca.key.ref" \
    --template "$n.tmpl" --outfile "$n.pem" "$@" >/dev/null 2>&1 || fail "sign $n by $ca"
}
# A certificate's signing key is recorded in NAME.key.ref (a copy of the key file).
ref() { cp "$2.key" "$1.key.ref"; }
chain() { echo "chain $*" >> cases.txt; }
cat_() { o=$1; shift; cat "$@" > "$o"; }

key rsa --key-type rsa --bits 2048
key rsa2 --key-type rsa --bits 2048
key pss --key-type rsa-pss --bits 2048
key p256 --key-type ecdsa --curve secp256r1
key p384 --key-type ecdsa --curve secp384r1
key ed --key-type ed25519

CA='ca'; CS='cert_signing_key'; CRLS='crl_signing_key'
# Roots and intermediates.
tmpl root 'cn = "Test Root"' 'serial = 1' "$CA" "$CS" "$CRLS"
selfsign root rsa; ref root rsa
tmpl root2 'cn = "Other Root"' 'serial = 2' "$CA" "$CS"
selfsign root2 rsa2; ref root2 rsa2
tmpl int 'cn = "Test Intermediate"' 'o = "Example"' 'serial = 3' "$CA" "$CS" "$CRLS"
sign int p256 root; ref int p256
tmpl int2 'cn = "Second Intermediate"' 'serial = 4' "$CA" "$CS" "$CRLS"
sign int2 p384 int; ref int2 p384

leafbase='signing_key encryption_key tls_www_server'
tmpl leaf 'cn = "www.example.com"' 'serial = 10' 'dns_name = www.example.com' 'dns_name = example.com' \
  'ip_address = 192.0.2.1' 'email = admin@example.com' signing_key encryption_key tls_www_server
sign leaf rsa int
cat_ leaf.chain leaf.pem int.pem
chain ok leaf.chain root.pem - www.example.com -
chain ok-anchor-included leaf.chain,root.pem root.pem - www.example.com -
chain ok-ip leaf.chain root.pem - 192.0.2.1 -
chain ok-purpose-server leaf.chain root.pem - - 1.3.6.1.5.5.7.3.1
chain purpose-client leaf.chain root.pem - - 1.3.6.1.5.5.7.3.2
chain purpose-codesign leaf.chain root.pem - - 1.3.6.1.5.5.7.3.3
chain wrong-host leaf.chain root.pem - other.example.com -
chain wrong-ip leaf.chain root.pem - 192.0.2.2 -
chain untrusted-root leaf.chain root2.pem - - -
chain untrusted-root-included leaf.chain,root.pem root2.pem - - -
chain missing-intermediate leaf.pem root.pem - - -
chain int-trusted leaf.pem int.pem - - -
chain int-and-root-trusted leaf.pem int.pem,root.pem - - -
chain leaf-trusted leaf.pem leaf.pem - - -
chain no-cas leaf.chain - - - -
chain reversed int.pem,leaf.pem root.pem - - -
chain shuffled root.pem,leaf.pem,int.pem root.pem - - -
chain duplicates leaf.pem,int.pem,int.pem,leaf.pem root.pem - - -
chain extra-unrelated leaf.pem,root2.pem,int.pem root.pem - - -
chain root-only root.pem root.pem - - -
chain root-untrusted-self root.pem root2.pem - - -

# A deeper chain with every key type.
s=80
for k in rsa pss p256 ed; do
  s=$((s + 1))
  tmpl deep-$k "cn = \"deep $k\"" "serial = $s" "dns_name = deep-$k.example.net" $leafbase
  sign deep-$k $k int2
  chain deep-$k deep-$k.pem,int2.pem,int.pem root.pem - deep-$k.example.net -
done
chain deep-unsorted int.pem,deep-p256.pem,int2.pem root.pem - - -

# Validity periods.
tmpl expired 'cn = "expired"' 'serial = 20' $leafbase
sed -i 's/^expiration_date.*/expiration_date = "2025-01-01 00:00:00"/' expired.tmpl
sign expired p256 int
chain expired-leaf expired.pem,int.pem root.pem - - -
tmpl future 'cn = "future"' 'serial = 21' $leafbase
sed -i 's/^activation_date.*/activation_date = "2035-01-01 00:00:00"/' future.tmpl
sign future p256 int
chain future-leaf future.pem,int.pem root.pem - - -
tmpl int-exp 'cn = "Expired Intermediate"' 'serial = 22' "$CA" "$CS"
sed -i 's/^expiration_date.*/expiration_date = "2025-01-01 00:00:00"/' int-exp.tmpl
sign int-exp p384 root; ref int-exp p384
tmpl under-exp 'cn = "under expired"' 'serial = 23' $leafbase
sign under-exp ed int-exp
chain expired-intermediate under-exp.pem,int-exp.pem root.pem - - -
tmpl root-exp 'cn = "Expired Root"' 'serial = 24' "$CA" "$CS"
sed -i 's/^expiration_date.*/expiration_date = "2025-01-01 00:00:00"/' root-exp.tmpl
selfsign root-exp rsa2; ref root-exp rsa2
tmpl under-rexp 'cn = "under expired root"' 'serial = 25' $leafbase
sign under-rexp p256 root-exp
chain expired-root under-rexp.pem root-exp.pem - - -
chain expired-root-included under-rexp.pem,root-exp.pem root-exp.pem - - -

# Constraints of the issuer.
tmpl notca 'cn = "Not a CA"' 'serial = 30' "$CS" signing_key
sign notca p384 root; ref notca p384
tmpl under-notca 'cn = "under not-ca"' 'serial = 31' $leafbase
sign under-notca p256 notca
chain issuer-not-ca under-notca.pem,notca.pem root.pem - - -
tmpl nocs 'cn = "No certsign"' 'serial = 32' "$CA" signing_key
sign nocs p384 root; ref nocs p384
tmpl under-nocs 'cn = "under no-certsign"' 'serial = 33' $leafbase
sign under-nocs p256 nocs
chain no-keycertsign under-nocs.pem,nocs.pem root.pem - - -
tmpl pl0 'cn = "Pathlen Zero"' 'serial = 34' "$CA" "$CS" 'path_len = 0'
sign pl0 p384 root; ref pl0 p384
tmpl pl0-sub 'cn = "Under Pathlen Zero"' 'serial = 35' "$CA" "$CS"
sign pl0-sub p256 pl0; ref pl0-sub p256
tmpl pl0-leaf 'cn = "pathlen leaf"' 'serial = 36' $leafbase
sign pl0-leaf ed pl0-sub
chain pathlen-exceeded pl0-leaf.pem,pl0-sub.pem,pl0.pem root.pem - - -
tmpl pl0-ok 'cn = "pathlen ok leaf"' 'serial = 37' $leafbase
sign pl0-ok ed pl0
chain pathlen-ok pl0-ok.pem,pl0.pem root.pem - - -
tmpl client 'cn = "client only"' 'serial = 38' signing_key tls_www_client
sign client p256 int
chain eku-client client.pem,int.pem root.pem - - 1.3.6.1.5.5.7.3.1
chain eku-client-ok client.pem,int.pem root.pem - - 1.3.6.1.5.5.7.3.2
tmpl noeku 'cn = "no eku"' 'serial = 39' signing_key
sign noeku p256 int
chain no-eku noeku.pem,int.pem root.pem - - 1.3.6.1.5.5.7.3.1
tmpl crit 'cn = "critical"' 'serial = 40' $leafbase 'add_critical_extension = "1.2.3.5 0x0500"'
sign crit p256 int
chain unknown-critical crit.pem,int.pem root.pem - - -

# Name constraints.
tmpl ncint 'cn = "Constrained"' 'serial = 50' "$CA" "$CS" 'nc_permit_dns = example.com' \
  'nc_exclude_dns = bad.example.com' 'nc_permit_email = example.com' 'nc_permit_ip = 192.0.2.0/24'
sign ncint p384 root; ref ncint p384
tmpl nc-good 'cn = "good"' 'serial = 51' $leafbase 'dns_name = a.example.com' 'email = x@example.com' 'ip_address = 192.0.2.7'
sign nc-good p256 ncint
chain nc-permitted nc-good.pem,ncint.pem root.pem - - -
tmpl nc-bad 'cn = "bad"' 'serial = 52' $leafbase 'dns_name = www.bad.example.com'
sign nc-bad p256 ncint
chain nc-excluded nc-bad.pem,ncint.pem root.pem - - -
tmpl nc-out 'cn = "out"' 'serial = 53' $leafbase 'dns_name = www.example.org'
sign nc-out p256 ncint
chain nc-not-permitted nc-out.pem,ncint.pem root.pem - - -
tmpl nc-ip 'cn = "ip"' 'serial = 54' $leafbase 'dns_name = ip.example.com' 'ip_address = 198.51.100.1'
sign nc-ip p256 ncint
chain nc-ip-outside nc-ip.pem,ncint.pem root.pem - - -
tmpl nc-cn 'cn = "host.example.net"' 'serial = 55' $leafbase
sign nc-cn p256 ncint
chain nc-cn-only nc-cn.pem,ncint.pem root.pem - - -

# Algorithms.
tmpl sha1 'cn = "sha1 leaf"' 'serial = 60' $leafbase
sign sha1 rsa int --hash sha1
chain sha1-leaf sha1.pem,int.pem root.pem - - -
tmpl int-sha1 'cn = "SHA1 Intermediate"' 'serial = 61' "$CA" "$CS"
sign int-sha1 rsa2 root --hash sha1; ref int-sha1 rsa2
tmpl under-sha1 'cn = "under sha1"' 'serial = 62' $leafbase
sign under-sha1 p256 int-sha1
chain sha1-intermediate under-sha1.pem,int-sha1.pem root.pem - - -
tmpl root-sha1 'cn = "SHA1 Root"' 'serial = 63' "$CA" "$CS"
selfsign root-sha1 rsa2 --hash sha1; ref root-sha1 rsa2
tmpl under-rsha1 'cn = "under sha1 root"' 'serial = 64' $leafbase
sign under-rsha1 p256 root-sha1
chain sha1-root under-rsha1.pem,root-sha1.pem root-sha1.pem - - -
tmpl pssroot 'cn = "PSS Root"' 'serial = 65' "$CA" "$CS"
selfsign pssroot pss; ref pssroot pss
tmpl under-pss 'cn = "under pss"' 'serial = 66' $leafbase
sign under-pss ed pssroot
chain pss-root under-pss.pem pssroot.pem - - -
tmpl edroot 'cn = "Ed Root"' 'serial = 67' "$CA" "$CS"
selfsign edroot ed; ref edroot ed
tmpl under-ed 'cn = "under ed"' 'serial = 68' $leafbase
sign under-ed rsa edroot
chain ed-root under-ed.pem edroot.pem - - -
tmpl v1ca 'cn = "V1 CA"' 'serial = 69' v1
selfsign v1ca rsa2; ref v1ca rsa2
tmpl under-v1 'cn = "under v1"' 'serial = 70' $leafbase
sign under-v1 p256 v1ca
chain v1-root under-v1.pem v1ca.pem - - -
chain v1-root-included under-v1.pem,v1ca.pem v1ca.pem - - -
tmpl v1int 'cn = "V1 Intermediate"' 'serial = 71' v1
sign v1int p384 root; ref v1int p384
tmpl under-v1int 'cn = "under v1 int"' 'serial = 72' $leafbase
sign under-v1int p256 v1int
chain v1-intermediate under-v1int.pem,v1int.pem root.pem - - -

# A damaged signature (last byte of the certificate flipped).
if command -v openssl >/dev/null 2>&1; then
  openssl x509 -in leaf.pem -outform DER -out leaf.der 2>/dev/null || fail "openssl"
  $PY - <<'EOP' || fail "flip"
d = bytearray(open('leaf.der', 'rb').read())
d[-1] ^= 0x01
open('badsig.der', 'wb').write(bytes(d))
EOP
  openssl x509 -inform DER -in badsig.der -out badsig.pem 2>/dev/null || fail "openssl"
  chain bad-signature badsig.pem,int.pem root.pem - - -
  openssl x509 -in int.pem -outform DER -out int.der 2>/dev/null || fail "openssl"
  $PY - <<'EOP' || fail "flip"
d = bytearray(open('int.der', 'rb').read())
d[-3] ^= 0x40
open('badint.der', 'wb').write(bytes(d))
EOP
  openssl x509 -inform DER -in badint.der -out badint.pem 2>/dev/null || fail "openssl"
  chain bad-int-signature leaf.pem,badint.pem root.pem - - -
fi

# Revocation.
crl() { # NAME CA [certs to revoke...]
  n=$1; ca=$2; shift 2
  printf 'crl_next_update = 3650\ncrl_number = 7\n' > "$n.crl.tmpl"
  if [ $# -gt 0 ]; then cat "$@" > "$n.revoke"; set -- --load-certificate "$n.revoke"; fi
  certtool --generate-crl --load-ca-privkey "$ca.key.ref" --load-ca-certificate "$ca.pem" \
    --template "$n.crl.tmpl" --outfile "$n.crl" "$@" >/dev/null 2>&1 || fail "crl $n"
}
crl revleaf int leaf.pem
crl empty int
crl revint root int.pem
crl wrongissuer root2 leaf.pem
chain revoked leaf.chain root.pem revleaf.crl - -
chain not-revoked leaf.chain root.pem empty.crl - -
chain revoked-intermediate leaf.chain root.pem revint.crl - -
chain revoked-both leaf.chain root.pem revint.crl,revleaf.crl - -
chain crl-other-issuer leaf.chain root.pem wrongissuer.crl - -

# Several problems at once, at different places of the chain.
chain expired-untrusted expired.pem,int.pem root2.pem - - -
chain expired-sha1-int under-sha1.pem,int-sha1.pem,root.pem root-exp.pem - - -
chain expired-leaf-expired-int under-exp.pem,int-exp.pem root-exp.pem - - -
chain future-missing-int future.pem root.pem - - -
chain bad-signature-expired-int badsig.pem,int.pem,int-exp.pem root.pem - - -
tmpl exp-under-nc 'cn = "expired bad"' 'serial = 56' $leafbase 'dns_name = x.bad.example.com'
sed -i 's/^expiration_date.*/expiration_date = "2025-01-01 00:00:00"/' exp-under-nc.tmpl
sign exp-under-nc p256 ncint
chain nc-and-expired exp-under-nc.pem,ncint.pem root.pem - - -
chain email-ok leaf.chain root.pem - admin@example.com -
chain email-wrong leaf.chain root.pem - other@example.com -
chain host-and-purpose-wrong client.pem,int.pem root.pem - www.example.com 1.3.6.1.5.5.7.3.1
chain host-on-untrusted leaf.chain root2.pem - other.example.com 1.3.6.1.5.5.7.3.4
tmpl int-client 'cn = "Client-only Intermediate"' 'serial = 57' "$CA" "$CS" tls_www_client
sign int-client p384 root; ref int-client p384
tmpl under-icl 'cn = "server under client ca"' 'serial = 58' $leafbase
sign under-icl p256 int-client
chain purpose-intermediate under-icl.pem,int-client.pem root.pem - - 1.3.6.1.5.5.7.3.1
tmpl anyeku 'cn = "any eku"' 'serial = 59' signing_key 'key_purpose_oid = 2.5.29.37.0'
sign anyeku p256 int
chain purpose-any anyeku.pem,int.pem root.pem - - 1.3.6.1.5.5.7.3.1
tmpl rootpl0 'cn = "Root Pathlen Zero"' 'serial = 90' "$CA" "$CS" 'path_len = 0'
selfsign rootpl0 rsa2; ref rootpl0 rsa2
tmpl under-rpl0 'cn = "Int under pathlen root"' 'serial = 91' "$CA" "$CS"
sign under-rpl0 p384 rootpl0; ref under-rpl0 p384
tmpl leaf-rpl0 'cn = "leaf under pathlen root"' 'serial = 92' $leafbase
sign leaf-rpl0 p256 under-rpl0
chain pathlen-anchor leaf-rpl0.pem,under-rpl0.pem rootpl0.pem - - -
chain pathlen-anchor-included leaf-rpl0.pem,under-rpl0.pem,rootpl0.pem rootpl0.pem - - -
chain pathlen-anchor-ok under-rpl0.pem rootpl0.pem - - -

# Revocation data out of date, or from the future.
crlt() { # NAME CA THIS NEXT cert...
  n=$1; ca=$2; t=$3; x=$4; shift 4
  printf 'crl_this_update_date = "%s"\ncrl_next_update_date = "%s"\ncrl_number = 9\n' "$t" "$x" > "$n.crl.tmpl"
  if [ $# -gt 0 ]; then cat "$@" > "$n.revoke"; set -- --load-certificate "$n.revoke"; fi
  certtool --generate-crl --load-ca-privkey "$ca.key.ref" --load-ca-certificate "$ca.pem" \
    --template "$n.crl.tmpl" --outfile "$n.crl" "$@" >/dev/null 2>&1 || fail "crl $n"
}
crlt oldcrl int "2021-01-01 00:00:00" "2022-01-01 00:00:00"
crlt futurecrl int "2035-01-01 00:00:00" "2036-01-01 00:00:00"
crlt oldrev int "2021-01-01 00:00:00" "2022-01-01 00:00:00" leaf.pem
chain crl-superseded leaf.chain root.pem oldcrl.crl - -
chain crl-future leaf.chain root.pem futurecrl.crl - -
chain crl-superseded-revoked leaf.chain root.pem oldrev.crl - -
# A CRL whose signature does not verify.
if command -v openssl >/dev/null 2>&1; then
  openssl crl -in revleaf.crl -outform DER -out revleaf.der 2>/dev/null || fail "openssl crl"
  $PY - <<'EOP' || fail "flip"
d = bytearray(open('revleaf.der', 'rb').read())
d[-1] ^= 0x01
open('badcrl.der', 'wb').write(bytes(d))
EOP
  openssl crl -inform DER -in badcrl.der -out badcrl.crl 2>/dev/null || fail "openssl crl"
  chain crl-bad-signature leaf.chain root.pem badcrl.crl - -
fi

# Real version 1 certificates (no extensions), made with openssl.
if command -v openssl >/dev/null 2>&1; then
  openssl req -new -key rsa2.key -subj "/CN=True V1 Root" -out v1r.csr 2>/dev/null &&
  openssl x509 -req -in v1r.csr -signkey rsa2.key -out tv1root.pem -days 7000 -set_serial 100 \
    -not_before 20200101000000Z -not_after 20400101000000Z >/dev/null 2>&1 ||
  openssl x509 -req -in v1r.csr -signkey rsa2.key -out tv1root.pem -days 7000 -set_serial 100 >/dev/null 2>&1
  if [ -s tv1root.pem ]; then
    ref tv1root rsa2
    openssl req -new -key p384.key -subj "/CN=True V1 Intermediate" -out v1i.csr 2>/dev/null
    openssl x509 -req -in v1i.csr -CA root.pem -CAkey rsa.key -out tv1int.pem -days 3000 -set_serial 101 \
      >/dev/null 2>&1 && ref tv1int p384
    tmpl under-tv1 'cn = "under true v1 root"' 'serial = 102' $leafbase
    sign under-tv1 p256 tv1root
    chain true-v1-root under-tv1.pem tv1root.pem - - -
    chain true-v1-root-included under-tv1.pem,tv1root.pem tv1root.pem - - -
    if [ -s tv1int.pem ]; then
      tmpl under-tv1i 'cn = "under true v1 int"' 'serial = 103' $leafbase
      sign under-tv1i p256 tv1int
      chain true-v1-intermediate under-tv1i.pem,tv1int.pem root.pem - - -
    fi
  fi
fi

# A chain longer than the default verification depth.
prev=root
i=0
list=
while [ $i -lt 17 ]; do
  i=$((i + 1))
  tmpl long$i "cn = \"Long $i\"" "serial = $((200 + i))" "$CA" "$CS"
  sign long$i p256 $prev; ref long$i p256
  list="long$i.pem${list:+,}$list"
  prev=long$i
done
tmpl longleaf 'cn = "long leaf"' 'serial = 300' $leafbase
sign longleaf p256 $prev
chain too-long longleaf.pem,$list root.pem - - -

# Host name corner cases.
hostcert() { # NAME LINES...
  n=$1; shift
  tmpl "$n" "serial = 99" signing_key "$@"
  sign "$n" p256 int
  echo "host $n $n.pem" >> cases.txt
}
hostcert h-wild 'cn = "ignored.example.com"' 'dns_name = *.example.com'
hostcert h-wild-partial 'cn = "x"' 'dns_name = w*.example.com'
hostcert h-wild-suffix 'cn = "x"' 'dns_name = *w.example.com'
hostcert h-wild-mid 'cn = "x"' 'dns_name = a.*.example.com'
hostcert h-wild-tld 'cn = "x"' 'dns_name = *.com'
hostcert h-wild-only 'cn = "x"' 'dns_name = *'
hostcert h-wild-two 'cn = "x"' 'dns_name = *.co.uk'
hostcert h-wild-xn 'cn = "x"' 'dns_name = *.xn--caf-dma.example'
hostcert h-xn-wild 'cn = "x"' 'dns_name = xn--*.example.com'
hostcert h-idna 'cn = "x"' 'dns_name = xn--caf-dma.example'
hostcert h-cn-only 'cn = "www.example.com"'
hostcert h-cn-wild 'cn = "*.example.com"'
hostcert h-cn-ip 'cn = "192.0.2.1"'
hostcert h-cn-and-san 'cn = "cn.example.com"' 'dns_name = san.example.com'
hostcert h-ip-san 'cn = "x"' 'ip_address = 192.0.2.1' 'ip_address = 2001:db8::1'
hostcert h-ip-in-dns 'cn = "x"' 'dns_name = 192.0.2.1'
hostcert h-upper 'cn = "x"' 'dns_name = WWW.Example.COM'
hostcert h-trailing-dot 'cn = "x"' 'dns_name = www.example.com.'
hostcert h-email 'cn = "x"' 'email = User@Example.com' 'dns_name = mail.example.com'
hostcert h-email-dn 'cn = "x"' 'email = "dn@example.com"'
hostcert h-dn-email 'dn = "CN=x,EMAIL=dnmail@example.com"'
hostcert h-two-cn 'dn = "CN=first.example.com,CN=www.example.com"'
hostcert h-wild-upper 'cn = "x"' 'dns_name = *.EXAMPLE.com'
hostcert h-no-names 'dn = "O=nobody"'

rm -f ./*.tmpl ./*.key ./*.key.ref ./*.revoke ./*.der ./*.csr
exit 0
