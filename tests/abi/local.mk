# SPDX-License-Identifier: LGPL-2.1-or-later
TESTS += tests/abi/check-abi.sh tests/abi/check-table.sh tests/abi/check-layers.sh
EXTRA_DIST += tests/abi/check-abi.sh tests/abi/check-table.sh tests/abi/check-layers.sh lib/abi/data-sizes.tsv
