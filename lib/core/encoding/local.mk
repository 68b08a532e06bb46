# SPDX-License-Identifier: LGPL-2.1-or-later
# Encodings of the core: base64 and PEM, hexadecimal, UTF-16/UTF-8, IP text,
# and the memory primitives of the public API; plus their C facade.
lib_libtlshim_la_SOURCES += \
	lib/core/encoding/search.hh lib/core/encoding/search.cc \
	lib/core/encoding/base64.hh lib/core/encoding/base64.cc \
	lib/core/encoding/hex.hh lib/core/encoding/hex.cc \
	lib/core/encoding/text.hh lib/core/encoding/text.cc \
	lib/core/encoding/memory.hh lib/core/encoding/memory.cc \
	lib/core/encoding/idna.hh lib/core/encoding/idna.cc \
	lib/api/encoding.cc lib/api/idna.cc
