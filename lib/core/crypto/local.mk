# SPDX-License-Identifier: LGPL-2.1-or-later
# The crypto layer on Nettle: digests, MACs, KDFs, ciphers, AEADs, the
# random generator and the known-answer self tests.
lib_libtlshim_la_SOURCES += \
	lib/core/crypto/hash.hh lib/core/crypto/hash.cc \
	lib/core/crypto/mac.hh lib/core/crypto/mac.cc \
	lib/core/crypto/kdf.hh lib/core/crypto/kdf.cc \
	lib/core/crypto/block.hh \
	lib/core/crypto/gost28147.hh lib/core/crypto/gost28147.cc \
	lib/core/crypto/cipher.hh lib/core/crypto/cipher.cc \
	lib/core/crypto/aead.hh lib/core/crypto/aead.cc \
	lib/core/crypto/random.hh lib/core/crypto/random.cc \
	lib/core/crypto/kat.hh lib/core/crypto/kat.cc \
	lib/core/crypto/selftest.hh lib/core/crypto/selftest.cc \
	lib/api/crypto.cc
