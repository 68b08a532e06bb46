# SPDX-License-Identifier: LGPL-2.1-or-later
# Certificate credentials: gnutls_certificate_*.
lib_libtlshim_la_SOURCES += \
	lib/api/cred.hh lib/api/cred.cc \
	lib/core/x509/credentials.hh lib/core/x509/credentials.cc
