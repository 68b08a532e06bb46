# SPDX-License-Identifier: LGPL-2.1-or-later
# Certificate credentials: gnutls_certificate_*.
