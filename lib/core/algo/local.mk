# SPDX-License-Identifier: LGPL-2.1-or-later
# The algorithm registry: tables of algorithms, names, code points and errors.
lib_libtlshim_la_SOURCES += \
	lib/core/algo/algo.hh lib/core/algo/table.hh \
	lib/core/algo/symmetric.cc \
	lib/core/algo/pubkey.cc \
	lib/core/algo/tls.cc \
	lib/core/algo/misc.cc \
	lib/core/algo/errors.hh lib/core/algo/errors.cc \
	lib/api/algorithms.cc \
	lib/api/errors.cc
