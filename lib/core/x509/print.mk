# SPDX-License-Identifier: LGPL-2.1-or-later
# Certificate printing, DN objects and extension codecs (gnutls_x509_ext_*).
