# SPDX-License-Identifier: LGPL-2.1-or-later
# Priority strings: the parser core and gnutls_priority_*.
lib_libtlshim_la_SOURCES += \
	lib/core/tls/priority.hh lib/core/tls/priority.cc lib/core/tls/priority-config.cc \
	lib/api/priority.hh lib/api/priority.cc
