# SPDX-License-Identifier: LGPL-2.1-or-later
# X.509 certificates: parsing, distinguished names, extensions; and the facade.
lib_libtlshim_la_SOURCES += \
	lib/core/x509/dn.hh lib/core/x509/dn.cc \
	lib/core/x509/certificate.hh lib/core/x509/certificate.cc \
	lib/api/x509-crt.hh lib/api/x509-crt.cc
lib_libtlshim_la_SOURCES += lib/core/x509/key.hh lib/core/x509/crl.hh
