# SPDX-License-Identifier: LGPL-2.1-or-later
# Public headers, installed as <gnutls/...> (include_gnutlsdir is
# $(includedir)/gnutls, set in the top-level Makefile.am that includes this).

include_gnutls_HEADERS += \
	include/gnutls/gnutls.h \
	include/gnutls/x509.h \
	include/gnutls/x509-ext.h \
	include/gnutls/abstract.h \
	include/gnutls/crypto.h \
	include/gnutls/dtls.h \
	include/gnutls/ocsp.h \
	include/gnutls/pkcs7.h \
	include/gnutls/pkcs11.h \
	include/gnutls/pkcs12.h \
	include/gnutls/compat.h \
	include/gnutls/socket.h \
	include/gnutls/urls.h \
	include/gnutls/system-keys.h \
	include/gnutls/self-test.h \
	include/gnutls/tpm.h \
	include/gnutls/openpgp.h
