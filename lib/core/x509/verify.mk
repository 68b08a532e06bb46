# SPDX-License-Identifier: LGPL-2.1-or-later
# Chain verification, host names, name constraints, trust lists.
