# SPDX-License-Identifier: LGPL-2.1-or-later
# Handshake messages and extensions: the wire codec of TLS 1.2 and 1.3.
