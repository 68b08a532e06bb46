# SPDX-License-Identifier: LGPL-2.1-or-later
# DH parameters and the anonymous, PSK and SRP credentials.
lib_libtlshim_la_SOURCES += \
	lib/api/dh-params.hh lib/api/dh-params.cc \
	lib/api/cred-other.hh lib/api/cred-other.cc
