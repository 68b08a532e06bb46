# SPDX-License-Identifier: LGPL-2.1-or-later
# The C facade's foundation: shared helpers, exported data, life cycle, private buffer.
lib_libtlshim_la_SOURCES += \
	lib/api/api.hh lib/api/api.cc \
	lib/api/data.cc lib/api/data-groups.inc \
	lib/api/library.cc \
	lib/api/buffer.cc
# Sessions: life cycle, transport, record I/O, configuration and state getters.
lib_libtlshim_la_SOURCES += lib/api/session.hh lib/api/session.cc lib/api/handshake.cc lib/api/db.cc lib/api/session-kx.cc
