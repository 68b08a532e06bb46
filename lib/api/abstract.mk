# SPDX-License-Identifier: LGPL-2.1-or-later
# Abstract keys and pcerts: gnutls_pubkey_*, gnutls_privkey_*, gnutls_pcert_*.
lib_libtlshim_la_SOURCES += \
	lib/api/abstract-key.hh lib/api/pubkey.cc lib/api/privkey.cc lib/api/pcert.cc
