# SPDX-License-Identifier: LGPL-2.1-or-later
# Abstract keys and pcerts: gnutls_pubkey_*, gnutls_privkey_*, gnutls_pcert_*.
