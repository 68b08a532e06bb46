# SPDX-License-Identifier: LGPL-2.1-or-later
# Certificate revocation lists: gnutls_x509_crl_*.
