# SPDX-License-Identifier: LGPL-2.1-or-later
# The TLS engine: record protection and framing (more to come with sessions).
lib_libtlshim_la_SOURCES += \
	lib/core/tls/protection.hh lib/core/tls/protection.cc \
	lib/core/tls/record.hh lib/core/tls/record.cc \
	lib/core/tls/handshake-buffer.hh lib/core/tls/handshake-buffer.cc \
	lib/core/tls/key-schedule.hh lib/core/tls/key-schedule.cc \
	lib/core/tls/transport.hh lib/core/tls/transport.cc \
	lib/core/tls/connection.hh lib/core/tls/connection.cc \
	lib/core/tls/session.hh lib/core/tls/session.cc
lib_libtlshim_la_SOURCES += \
	lib/core/tls/handshake.hh lib/core/tls/handshake13.cc lib/core/tls/mfl-status.cc \
	lib/core/tls/client13.cc lib/core/tls/server13.cc
lib_libtlshim_la_SOURCES += lib/core/tls/resumption.hh lib/core/tls/resumption.cc
lib_libtlshim_la_SOURCES += lib/core/tls/reauth13.hh lib/core/tls/reauth13.cc
# TLS 1.2: PRF, key block and CBC record protection; key exchanges.
lib_libtlshim_la_SOURCES += lib/core/tls/prf12.hh lib/core/tls/prf12.cc lib/core/tls/protection-cbc.cc
lib_libtlshim_la_SOURCES += lib/core/tls/kx12.hh lib/core/tls/kx12.cc
lib_libtlshim_la_SOURCES += lib/core/tls/kx-gost.hh lib/core/tls/kx-gost.cc
lib_libtlshim_la_SOURCES += lib/core/tls/extension-order.hh lib/core/tls/extension-order.cc
lib_libtlshim_la_SOURCES += lib/core/tls/handshake12.cc lib/core/tls/client12.cc lib/core/tls/server12.cc
