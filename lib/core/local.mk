# SPDX-License-Identifier: LGPL-2.1-or-later
# The C++ core's foundation: byte reader/writer, secrets, errors, logging, life cycle.
lib_libtlshim_la_SOURCES += \
	lib/core/error.hh \
	lib/core/bytes.hh lib/core/bytes.cc \
	lib/core/secret.hh lib/core/secret.cc \
	lib/core/log.hh lib/core/log.cc \
	lib/core/global.hh lib/core/global.cc
