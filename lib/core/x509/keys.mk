# SPDX-License-Identifier: LGPL-2.1-or-later
# Keys: SubjectPublicKeyInfo, PKCS#1, PKCS#8/PBES2, SEC1, RFC 8410; gnutls_x509_privkey_*.
