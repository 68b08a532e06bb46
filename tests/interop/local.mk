# SPDX-License-Identifier: LGPL-2.1-or-later
# Interoperability: the example programs and unchanged Debian programs on
# tlshim against OpenSSL and the real GnuTLS.
# Each script skips (77) when a peer program is missing.  INTEROP_TESTS is
# the one place to switch the whole set on or off.
INTEROP_TESTS = tests/interop/client-openssl.sh tests/interop/server-openssl.sh \
	tests/interop/gnutls.sh tests/interop/debian-programs.sh
INTEROP_TESTS += tests/interop/tls12-openssl.sh tests/interop/tls12-gnutls.sh tests/interop/tls12-debian.sh
INTEROP_TESTS += tests/interop/testssl.sh
INTEROP_TESTS += tests/interop/mfl-ocsp.sh
INTEROP_TESTS += tests/interop/psk13.sh
TESTS += $(INTEROP_TESTS)
EXTRA_DIST += $(INTEROP_TESTS) tests/interop/common.sh
