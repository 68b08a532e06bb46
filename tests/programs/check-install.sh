#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# `make install` puts the library, the headers, gnutls.pc and the man pages in
# place, and a program built the legacy way (pkg-config gnutls) against the
# installed tree compiles, links and runs on tlshim.
set -u
: "${top_builddir:?}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
err() { echo "FAIL: $*"; fail=1; }
prefix=/opt/tlshim-test
${MAKE:-make} -s -C "$top_builddir" install DESTDIR="$tmp" prefix=$prefix > "$tmp/install.log" 2>&1 ||
  { echo "FAIL: make install"; tail -20 "$tmp/install.log"; exit 1; }
root=$tmp$prefix
[ -L "$root/lib/libgnutls.so.30" ] || err "lib/libgnutls.so.30 not installed"
[ -f "$root/lib/libgnutls.so.30.34.3" ] || err "lib/libgnutls.so.30.34.3 not installed"
n=$(ls "$root/include/gnutls/"*.h 2>/dev/null | wc -l)
[ "$n" -eq 17 ] || err "$n public headers installed, expected 17"
[ -f "$root/share/man/man3/gnutls_check_version.3" ] || err "man pages not installed"
[ -f "$root/share/man/man3/gnutls.3" ] || err "index page gnutls(3) not installed"
pc=$root/lib/pkgconfig
ver=$(PKG_CONFIG_PATH=$pc PKG_CONFIG_SYSROOT_DIR=$tmp pkg-config --modversion gnutls)
[ "$ver" = "3.7.9" ] || err "pkg-config reports gnutls version '$ver'"
flags=$(PKG_CONFIG_PATH=$pc PKG_CONFIG_SYSROOT_DIR=$tmp pkg-config --cflags --libs gnutls)
cat > "$tmp/prog.c" <<'C'
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[4096];
	while (f && fgets(line, sizeof line, f))
		if (strstr(line, "libgnutls.so.30"))
			printf("%s", strchr(line, '/'));
	printf("version %s\n", gnutls_check_version(NULL));
	return gnutls_check_version("3.7.0") ? 0 : 1;
}
C
${CC:-cc} ${TLSHIM_SANITIZERS:-} -o "$tmp/prog" "$tmp/prog.c" $flags -Wl,-rpath,"$root/lib" > "$tmp/cc.log" 2>&1 ||
  { err "a program does not build with \`pkg-config gnutls\`:"; cat "$tmp/cc.log"; }
if [ -x "$tmp/prog" ]; then
  out=$(ASAN_OPTIONS=detect_leaks=0 "$tmp/prog") || err "the program failed: $out"
  echo "$out" | grep -q "^$root/lib/libgnutls.so.30" || err "the program did not run on the installed tlshim: $out"
fi
[ $fail -eq 0 ] && echo "PASS: installed tree complete; a pkg-config build runs on it"
exit $fail
