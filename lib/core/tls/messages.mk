# SPDX-License-Identifier: LGPL-2.1-or-later
# Handshake messages and extensions: the wire codec of TLS 1.2 and 1.3.
lib_libtlshim_la_SOURCES += \
	lib/core/tls/extensions.hh lib/core/tls/extensions.cc \
	lib/core/tls/messages.hh lib/core/tls/messages.cc
