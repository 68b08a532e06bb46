#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs, with apt-get, the Debian 12 packages that building and testing
# tlshim need (only the missing ones).  Run as root; a no-op when all are there.
set -e
PKGS="build-essential autoconf automake libtool pkg-config python3 \
 nettle-dev libgmp-dev libtasn1-6-dev libidn2-dev check \
 libgnutls28-dev gnutls-bin wget openssl clang groff-base man-db \
 lftp msmtp ldap-utils git lighttpd lighttpd-mod-gnutls testssl.sh"
missing=
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "tlshim: missing packages:$missing (run this as root to install them)" >&2
  exit 1
fi
echo "tlshim: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || true
apt-get install -y -qq --no-install-recommends $missing
