# SPDX-License-Identifier: LGPL-2.1-or-later
include tests/unit/local.mk
include tests/abi/local.mk
include tests/programs/local.mk
include tests/headers/local.mk
include tests/crypto/local.mk
include tests/algo/local.mk
include tests/encoding/local.mk
include tests/pk/local.mk
include tests/x509/local.mk
include tests/keys/local.mk
include tests/abstract/local.mk
include tests/crl/local.mk
include tests/verify/local.mk
include tests/print/local.mk
include tests/cred/local.mk
include tests/tls/local.mk
include tests/priority/local.mk
include tests/messages/local.mk
include tests/session/local.mk
include tests/handshake/local.mk
include tests/kx/local.mk
include tests/cred-other/local.mk
include tests/interop/local.mk
include tests/tls12/local.mk
include tests/renegotiation/local.mk
include doc/examples/local.mk
EXTRA_DIST += tests/common/loaded-lib.h tests/common/run-diff.sh
# Differential programs: built against the public headers, linked to the
# system's libgnutls (ABI-identical), and run by run-diff.sh on both libraries.
DIFF_LDADD = -lgnutls
