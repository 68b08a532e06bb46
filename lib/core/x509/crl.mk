# SPDX-License-Identifier: LGPL-2.1-or-later
# Certificate revocation lists: gnutls_x509_crl_*.
lib_libtlshim_la_SOURCES += \
	lib/core/x509/crl.cc \
	lib/api/x509-crl.hh lib/api/x509-crl.cc
