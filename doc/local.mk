# SPDX-License-Identifier: LGPL-2.1-or-later
# Section 3 manual pages, generated from the doc comments in lib/ by doc/mkman.py
# into $(builddir)/doc/man: one page per documented public function, a short
# page per public stub, and the index gnutls.3.  The list of pages follows
# lib/abi/symbols.tsv, so it is installed by the -local hooks, not man3_MANS.
MKMAN = $(PYTHON) $(top_srcdir)/doc/mkman.py
MKMAN_INPUTS = $(top_srcdir)/doc/mkman.py $(top_srcdir)/lib/abi/symbols.tsv \
	$(wildcard $(top_srcdir)/lib/abi/private.h $(top_srcdir)/include/gnutls/*.h) \
	$(wildcard $(top_srcdir)/lib/*/*.cc $(top_srcdir)/lib/*/*/*.cc $(top_srcdir)/lib/*/*/*/*.cc)
EXTRA_DIST += doc/mkman.py

doc/man.stamp: $(MKMAN_INPUTS)
	$(AM_V_GEN)$(MKDIR_P) doc/man && $(MKMAN) generate $(top_srcdir) doc/man && touch $@

all-local: doc/man.stamp
install-data-local: install-doc-man
uninstall-local: uninstall-doc-man
clean-local: clean-doc-man
.PHONY: install-doc-man uninstall-doc-man clean-doc-man

install-doc-man: doc/man.stamp
	@$(NORMAL_INSTALL)
	$(MKDIR_P) '$(DESTDIR)$(mandir)/man3'
	@echo " $(INSTALL_DATA) doc/man/*.3 '$(DESTDIR)$(mandir)/man3'"; \
	$(INSTALL_DATA) doc/man/*.3 '$(DESTDIR)$(mandir)/man3'
uninstall-doc-man:
	@$(NORMAL_UNINSTALL)
	@list=`$(MKMAN) list $(top_srcdir)` || exit 1; \
	test -d '$(DESTDIR)$(mandir)/man3' || exit 0; \
	echo " ( cd '$(DESTDIR)$(mandir)/man3' && rm -f <the generated pages> )"; \
	cd '$(DESTDIR)$(mandir)/man3' && rm -f $$list
clean-doc-man:
	-rm -rf doc/man doc/man.stamp

include tests/doc/local.mk
