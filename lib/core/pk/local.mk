# SPDX-License-Identifier: LGPL-2.1-or-later
# Public-key cryptography core on Nettle/hogweed and GMP: RSA, ECDSA,
# EdDSA, ECDH/X25519/X448, GOST R 34.10 (signatures, VKO) and
# finite-field DH.
lib_libtlshim_la_SOURCES += \
	lib/core/pk/mpz.hh lib/core/pk/mpz.cc \
	lib/core/pk/rsa.hh lib/core/pk/rsa.cc \
	lib/core/pk/ecc.hh lib/core/pk/ecc.cc \
	lib/core/pk/gost.hh lib/core/pk/gost.cc \
	lib/core/pk/edwards.hh lib/core/pk/edwards.cc \
	lib/core/pk/ffdhe.hh lib/core/pk/dh.hh lib/core/pk/dh.cc
