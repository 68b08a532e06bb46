#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# OpenSSL interoperability of tlshim's abstract keys, for every key type:
# a signature made with gnutls_privkey_sign_data2 verifies with openssl,
# and one made by openssl verifies with gnutls_pubkey_verify_data2; a
# modified message is refused on both sides.
set -u
: "${TLSHIM_LIBDIR:?}"
command -v openssl >/dev/null 2>&1 || { echo "SKIP: openssl not found"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$top_srcdir/tests/abstract/gen-keys.sh" "$tmp/keys" || exit $?
prog="$top_builddir/tests/abstract/interop-abstract"
pre=
case "${TLSHIM_SANITIZERS:-}" in
  *address*) pre=$(${CC:-gcc} -print-file-name=libasan.so) ;;
esac
run() {
  env LD_LIBRARY_PATH="$TLSHIM_LIBDIR" ${pre:+LD_PRELOAD=$pre} ASAN_OPTIONS=detect_leaks=0 "$prog" "$@" 2> "$tmp/err"
  rc=$?
  grep -q "^LOADED $(cd "$TLSHIM_LIBDIR" && pwd -P)/" "$tmp/err" || grep -q "^LOADED $TLSHIM_LIBDIR/" "$tmp/err" ||
    { echo "FAIL: not run on tlshim:"; cat "$tmp/err"; exit 1; }
  return $rc
}
printf 'interoperability test message\n' > "$tmp/data"
printf 'interoperability test messagE\n' > "$tmp/bad"
fail=0
n=0
# key  gnutls-sign-name  openssl-digest  openssl-options
while read -r key sign dgst opts; do
  k="$tmp/keys/$key.key"
  pub="$tmp/keys/$key.pub"
  # tlshim signs, openssl verifies.
  if ! run sign "$k" "$sign" "$tmp/data" "$tmp/sig1"; then
    echo "FAIL: $key $sign: tlshim could not sign"; cat "$tmp/err"; fail=1; continue
  fi
  if [ "$dgst" = raw ]; then
    ov() { openssl pkeyutl -verify -pubin -inkey "$pub" -rawin -in "$1" -sigfile "$2" >/dev/null 2>&1; }
    os() { openssl pkeyutl -sign -inkey "$k" -rawin -in "$1" -out "$2" >/dev/null 2>&1; }
  else
    # shellcheck disable=SC2086
    ov() { openssl dgst -$dgst $opts -verify "$pub" -signature "$2" "$1" >/dev/null 2>&1; }
    # shellcheck disable=SC2086
    os() { openssl dgst -$dgst $opts -sign "$k" -out "$2" "$1" >/dev/null 2>&1; }
  fi
  if ov "$tmp/data" "$tmp/sig1"; then n=$((n + 1)); else echo "FAIL: $key $sign: openssl rejects tlshim's signature"; fail=1; fi
  if ov "$tmp/bad" "$tmp/sig1"; then echo "FAIL: $key $sign: openssl accepts a modified message"; fail=1; fi
  # openssl signs, tlshim verifies.
  if ! os "$tmp/data" "$tmp/sig2"; then echo "FAIL: $key $sign: openssl could not sign"; fail=1; continue; fi
  if run verify "$pub" "$sign" "$tmp/data" "$tmp/sig2" >/dev/null; then n=$((n + 1)); else
    echo "FAIL: $key $sign: tlshim rejects openssl's signature"; cat "$tmp/err"; fail=1; fi
  if run verify "$pub" "$sign" "$tmp/bad" "$tmp/sig2" >/dev/null; then
    echo "FAIL: $key $sign: tlshim accepts a modified message"; fail=1; fi
done <<'EOT'
rsa RSA-SHA256 sha256
rsa RSA-SHA512 sha512
rsa RSA-PSS-RSAE-SHA256 sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest
pss RSA-PSS-SHA256 sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest
pss RSA-PSS-SHA384 sha384 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest
pssr RSA-PSS-SHA256 sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32
p256 ECDSA-SHA256 sha256
p384 ECDSA-SHA384 sha384
p521 ECDSA-SHA512 sha512
p256 ECDSA-SECP256R1-SHA256 sha256
ed25519 EdDSA-Ed25519 raw
ed448 EdDSA-Ed448 raw
EOT
[ $fail -eq 0 ] || exit 1
echo "PASS: $n signatures exchanged with openssl"
