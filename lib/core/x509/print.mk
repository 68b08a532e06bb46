# SPDX-License-Identifier: LGPL-2.1-or-later
# Certificate printing, DN objects and extension codecs (gnutls_x509_ext_*).
lib_libtlshim_la_SOURCES += lib/core/x509/ext.cc lib/core/x509/ext.hh \
	lib/core/x509/print.cc lib/core/x509/print.hh \
	lib/api/x509-dn.cc lib/api/x509-ext.cc lib/api/x509-print.cc
