# SPDX-License-Identifier: LGPL-2.1-or-later
# Unchanged Debian programs running on our library.
TESTS += tests/programs/check-load.sh tests/programs/check-install.sh
EXTRA_DIST += tests/programs/check-load.sh tests/programs/check-install.sh
