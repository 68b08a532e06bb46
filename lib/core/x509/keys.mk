# SPDX-License-Identifier: LGPL-2.1-or-later
# Keys: SubjectPublicKeyInfo, PKCS#1, PKCS#8/PBES2, SEC1, RFC 8410; gnutls_x509_privkey_*.
lib_libtlshim_la_SOURCES += \
	lib/core/x509/key-impl.hh lib/core/x509/key.cc lib/core/x509/key-der.cc \
	lib/api/x509-privkey.hh lib/api/x509-privkey.cc
