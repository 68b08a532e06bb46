# SPDX-License-Identifier: LGPL-2.1-or-later
# Tests: handshake message and extension codec.
