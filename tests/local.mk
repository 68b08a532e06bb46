# SPDX-License-Identifier: LGPL-2.1-or-later
include tests/unit/local.mk
include tests/abi/local.mk
include tests/headers/local.mk
include tests/crypto/local.mk
include tests/algo/local.mk
include tests/encoding/local.mk
