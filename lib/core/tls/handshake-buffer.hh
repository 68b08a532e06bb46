// SPDX-License-Identifier: LGPL-2.1-or-later
// Reassembly of handshake messages from the payloads of handshake records:
// a message may span several records and a record may carry several
// messages (RFC 8446 section 5.1, RFC 5246 section 6.2.1). The buffer is
// reused, so after the first large message it no longer allocates.
//
// The caller (the handshake driver) adds each handshake record's plaintext,
// then takes whole messages with next() and releases each with pop(). At a
// key change it checks aligned(): a message may not straddle it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::tls {

struct HandshakeMessage {
    std::uint8_t type = 0;
    Bytes body;  // the message body
    Bytes raw;   // header and body, as hashed into the transcript
};

class HandshakeBuffer {
public:
    // Largest message body accepted (GnuTLS's default is 128 KiB; see
    // gnutls_handshake_set_max_packet_length); 0 means no limit.
    void set_max_message(std::size_t n) noexcept { max_ = n; }
    std::size_t max_message() const noexcept { return max_; }

    // Appends one record's plaintext. An empty handshake record is not
    // allowed (RFC 8446 section 5.1): Err::unexpected_packet. A message
    // announcing more than the limit: Err::handshake_too_large.
    Err add(Bytes fragment);

    // The next complete message, if one is buffered. Its spans stay valid
    // until pop() or add().
    bool next(HandshakeMessage &out) const noexcept;
    void pop() noexcept;

    // No partial message is buffered (whole messages may be).
    bool aligned() const noexcept;
    bool empty() const noexcept { return start_ == end_; }
    void clear() noexcept;

private:
    std::vector<std::uint8_t> buf_;
    std::size_t start_ = 0, end_ = 0;
    std::size_t max_ = 128 * 1024;
};

}  // namespace tlshim::tls
