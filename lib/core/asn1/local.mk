# SPDX-License-Identifier: LGPL-2.1-or-later
# ASN.1 on libtasn1: our definitions module (RFC 5280, 8017, 5958, 5915,
# 8410, 4055), loaded at initialisation, and an RAII node wrapper.
lib_libtlshim_la_SOURCES += \
	lib/core/asn1/definitions.cc \
	lib/core/asn1/asn1.hh lib/core/asn1/asn1.cc
