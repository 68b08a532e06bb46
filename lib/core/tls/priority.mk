# SPDX-License-Identifier: LGPL-2.1-or-later
# Priority strings: the parser core and gnutls_priority_*.
