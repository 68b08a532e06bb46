# SPDX-License-Identifier: LGPL-2.1-or-later
# libgnutls.so.30: a convenience library with every object (unit tests link it
# directly), wrapped into the shared library with the generated version script.

noinst_LTLIBRARIES += lib/libtlshim.la
lib_libtlshim_la_SOURCES =
lib_libtlshim_la_CPPFLAGS = $(AM_CPPFLAGS) $(NETTLE_CFLAGS) $(HOGWEED_CFLAGS) $(GMP_CFLAGS) $(TASN1_CFLAGS) $(IDN2_CFLAGS)
lib_libtlshim_la_LIBADD = $(HOGWEED_LIBS) $(NETTLE_LIBS) $(GMP_LIBS) $(TASN1_LIBS) $(IDN2_LIBS)

lib_LTLIBRARIES += lib/libgnutls.la
lib_libgnutls_la_SOURCES =
lib_libgnutls_la_LIBADD = lib/libtlshim.la $(SANITIZER_LIBS)
lib_libgnutls_la_LDFLAGS = $(AM_LDFLAGS) -version-info $(LT_GNUTLS_VERSION_INFO) -no-undefined \
	-Wl,--version-script=$(abs_top_builddir)/lib/abi/libgnutls.map -Wl,--no-undefined -Wl,-z,relro -Wl,-z,now
EXTRA_lib_libgnutls_la_DEPENDENCIES = lib/abi/libgnutls.map
# A C++ linker for the C++ objects inside the convenience library.
nodist_EXTRA_lib_libgnutls_la_SOURCES = lib/abi/dummy.cc

# --- the ABI table and what is generated from it ---------------------------------
ABI_GEN = $(PYTHON) $(top_srcdir)/lib/abi/gen-abi.py
ABI_TABLE = $(top_srcdir)/lib/abi/symbols.tsv $(top_srcdir)/lib/abi/gnutls-3.7.9.symbols.tsv \
	$(top_srcdir)/lib/abi/version-nodes.txt
EXTRA_DIST += lib/abi/gen-abi.py $(ABI_TABLE) $(wildcard $(top_srcdir)/lib/abi/imports/*.tsv)

lib/abi/libgnutls.map: $(ABI_TABLE) $(top_srcdir)/lib/abi/gen-abi.py
	$(AM_V_GEN)$(MKDIR_P) lib/abi && $(ABI_GEN) map $(top_srcdir) $@
lib/abi/stubs.inc: $(ABI_TABLE) $(top_srcdir)/lib/abi/gen-abi.py
	$(AM_V_GEN)$(MKDIR_P) lib/abi && $(ABI_GEN) stubs $(top_srcdir) $@
BUILT_SOURCES += lib/abi/libgnutls.map lib/abi/stubs.inc
CLEANFILES += lib/abi/libgnutls.map lib/abi/stubs.inc
lib_libtlshim_la_SOURCES += lib/abi/stubs.cc lib/abi/private.h lib/abi/signature.hh

# doc/compatibility.md follows the table: rebuilt whenever the table changes.
# (A read-only source tree, as in distcheck, keeps the shipped copy; the
# tests/abi/check-table.sh test reports a stale one.)
EXTRA_DIST += doc/compatibility.md
$(top_srcdir)/doc/compatibility.md: $(ABI_TABLE) $(top_srcdir)/lib/abi/gen-abi.py
	$(AM_V_GEN)if test -w $(top_srcdir)/doc; then $(ABI_GEN) coverage $(top_srcdir) $@ >/dev/null; \
	else echo "note: $(top_srcdir)/doc is read-only; not regenerating compatibility.md"; fi
all-local: $(top_srcdir)/doc/compatibility.md
.PHONY: coverage
coverage:
	@$(ABI_GEN) coverage $(top_srcdir) $(top_srcdir)/doc/compatibility.md
	@echo "wrote $(top_srcdir)/doc/compatibility.md"

include lib/core/local.mk
include lib/api/local.mk
include lib/core/crypto/local.mk
include lib/core/algo/local.mk
include lib/core/encoding/local.mk
include lib/core/pk/local.mk
include lib/core/asn1/local.mk
include lib/core/x509/local.mk
include lib/core/x509/keys.mk
include lib/core/x509/crl.mk
include lib/core/x509/verify.mk
include lib/core/x509/print.mk
include lib/api/abstract.mk
include lib/api/cred.mk
include lib/core/tls/local.mk
include lib/core/tls/priority.mk
include lib/core/tls/messages.mk
include lib/core/tls/kx.mk
include lib/api/cred-other.mk
