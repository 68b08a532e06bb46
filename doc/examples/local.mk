# SPDX-License-Identifier: LGPL-2.1-or-later
# Example client and server written against the public API only.
# Built by "make check" against our headers and linked like the differential
# programs (-lgnutls, resolved at run time through LD_LIBRARY_PATH), so the
# same binaries run on tlshim and on the real GnuTLS.
check_PROGRAMS += doc/examples/tls-client doc/examples/tls-server
doc_examples_tls_client_SOURCES = doc/examples/tls-client.c
doc_examples_tls_client_LDADD = $(DIFF_LDADD)
doc_examples_tls_server_SOURCES = doc/examples/tls-server.c
doc_examples_tls_server_LDADD = $(DIFF_LDADD)
