# SPDX-License-Identifier: LGPL-2.1-or-later
# Chain verification, host names, name constraints, trust lists.
lib_libtlshim_la_SOURCES += \
	lib/core/x509/hostname.hh lib/core/x509/hostname.cc \
	lib/core/x509/constraints.hh lib/core/x509/constraints.cc \
	lib/core/x509/verify.hh lib/core/x509/verify.cc \
	lib/api/trust-list.hh lib/api/trust-list.cc \
	lib/api/x509-verify.cc lib/api/name-constraints.cc
