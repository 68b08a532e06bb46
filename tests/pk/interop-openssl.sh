#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Interoperability of the public-key core with OpenSSL: for RSA PKCS#1
# v1.5, RSA-PSS, ECDSA P-256/384/521, Ed25519 and Ed448, keys made by
# `openssl genpkey` are imported as raw integers/bytes into tests/pk/pk-driver;
# signatures made by the driver must verify with `openssl`, signatures made
# by `openssl` must verify with the driver, and tampered ones must fail on
# both sides.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}" "${PYTHON:=python3}"
if ! command -v openssl >/dev/null 2>&1; then
    echo "SKIP: openssl not found"
    exit 77
fi
driver="$top_builddir/tests/pk/pk-driver"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pk-interop.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
printf 'tlshim and openssl agree on this message\n' >"$tmp/msg"

fails=0
ok() { echo "ok:   $1"; }
bad() { echo "FAIL: $1"; fails=$((fails + 1)); }

# genkey NAME genpkey-args...: NAME.pem, NAME.pub.pem and NAME.key (raw)
genkey() {
    name=$1
    shift
    openssl genpkey "$@" -out "$tmp/$name.pem" 2>/dev/null &&
        openssl pkey -in "$tmp/$name.pem" -pubout -out "$tmp/$name.pub.pem" &&
        openssl pkey -in "$tmp/$name.pem" -text -noout | "$PYTHON" "$top_srcdir/tests/pk/openssl-key.py" >"$tmp/$name.key" ||
        { echo "ERROR: cannot make key $name"; exit 99; }
}

# flip IN OUT: a copy of IN with one bit of its middle byte changed
flip() {
    "$PYTHON" -c 'import sys
b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 2] ^= 1
open(sys.argv[2], "wb").write(b)' "$1" "$2"
}

# ossl_sign SCHEME NAME SIGFILE / ossl_verify SCHEME NAME SIGFILE
ossl_opts() {
    case $1 in
    rsa-pss-*) echo "-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest" ;;
    *) echo "" ;;
    esac
}
ossl_sign() {
    case $1 in
    ed25519 | ed448) openssl pkeyutl -sign -inkey "$tmp/$2.pem" -rawin -in "$tmp/msg" -out "$3" ;;
    # shellcheck disable=SC2046
    *) openssl dgst "-${1##*-}" -sign "$tmp/$2.pem" $(ossl_opts "$1") -out "$3" "$tmp/msg" ;;
    esac
}
ossl_verify() {
    case $1 in
    ed25519 | ed448) openssl pkeyutl -verify -pubin -inkey "$tmp/$2.pub.pem" -rawin -in "$tmp/msg" -sigfile "$3" ;;
    # shellcheck disable=SC2046
    *) openssl dgst "-${1##*-}" -verify "$tmp/$2.pub.pem" $(ossl_opts "$1") -signature "$3" "$tmp/msg" ;;
    esac >/dev/null 2>&1
}

run_case() {
    scheme=$1
    name=$2
    what="$scheme ($name)"
    # ours -> openssl
    if "$driver" sign "$scheme" "$tmp/$name.key" "$tmp/msg" "$tmp/ours.sig"; then
        if ossl_verify "$scheme" "$name" "$tmp/ours.sig"; then ok "openssl verifies our $what"; else bad "openssl rejects our $what"; fi
        flip "$tmp/ours.sig" "$tmp/ours.bad"
        if ossl_verify "$scheme" "$name" "$tmp/ours.bad"; then bad "openssl accepts tampered $what"; else ok "openssl rejects tampered $what"; fi
        "$driver" verify "$scheme" "$tmp/$name.key" "$tmp/msg" "$tmp/ours.sig" &&
            ok "we verify our own $what" || bad "we reject our own $what"
    else
        bad "we cannot sign $what"
    fi
    # openssl -> ours
    if ossl_sign "$scheme" "$name" "$tmp/theirs.sig"; then
        "$driver" verify "$scheme" "$tmp/$name.key" "$tmp/msg" "$tmp/theirs.sig" 2>/dev/null &&
            ok "we verify openssl's $what" || bad "we reject openssl's $what"
        flip "$tmp/theirs.sig" "$tmp/theirs.bad"
        "$driver" verify "$scheme" "$tmp/$name.key" "$tmp/msg" "$tmp/theirs.bad" 2>/dev/null
        rc=$?
        [ "$rc" -eq 1 ] && ok "we reject tampered openssl $what" || bad "tampered openssl $what: exit $rc, want 1"
    else
        bad "openssl cannot sign $what"
    fi
}

genkey rsa2048 -algorithm RSA -pkeyopt rsa_keygen_bits:2048
genkey rsa3072 -algorithm RSA -pkeyopt rsa_keygen_bits:3072
genkey p256 -algorithm EC -pkeyopt ec_paramgen_curve:P-256
genkey p384 -algorithm EC -pkeyopt ec_paramgen_curve:P-384
genkey p521 -algorithm EC -pkeyopt ec_paramgen_curve:P-521
genkey ed25519 -algorithm ED25519
genkey ed448 -algorithm ED448

for h in sha1 sha224 sha256 sha384 sha512; do run_case "rsa-pkcs1-$h" rsa2048; done
run_case rsa-pkcs1-sha256 rsa3072
for h in sha256 sha384 sha512; do run_case "rsa-pss-$h" rsa2048; done
run_case rsa-pss-sha256 rsa3072
run_case ecdsa-sha256 p256
run_case ecdsa-sha384 p384
run_case ecdsa-sha512 p521
run_case ecdsa-sha256 p384
run_case ed25519 ed25519
run_case ed448 ed448

# A key of one type with another type's scheme is refused.
"$driver" sign ed25519 "$tmp/p256.key" "$tmp/msg" "$tmp/x.sig" 2>/dev/null
[ $? -eq 2 ] && ok "mismatched scheme refused" || bad "mismatched scheme accepted"

[ "$fails" -eq 0 ] || { echo "$fails interop check(s) failed"; exit 1; }
exit 0
