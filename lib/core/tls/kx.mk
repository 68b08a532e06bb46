# SPDX-License-Identifier: LGPL-2.1-or-later
# TLS key exchange shares and signature-scheme selection.
lib_libtlshim_la_SOURCES += \
	lib/core/tls/key-share.hh lib/core/tls/key-share.cc \
	lib/core/tls/sig-scheme.hh lib/core/tls/sig-scheme.cc
