// SPDX-License-Identifier: LGPL-2.1-or-later
// The record layer's framing: bytes in, records out, and back. It does no
// I/O. The reader says how many bytes it wants next (the 5-byte header, then
// exactly the rest of that record, so nothing beyond the record is taken
// from the transport), the session's transport module pulls them into the
// span the reader hands out, and the reader decrypts the record in place.
// The writer seals records into one preallocated output buffer that the
// transport module drains. Neither allocates per record.
//
// Sequence numbers and keys belong to the caller (see protection.hh): the
// reader and writer only frame and check lengths. DTLS will add a second
// framing with a 13-byte header carrying epoch and sequence number.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/tls/protection.hh"

namespace tlshim::tls {

inline constexpr std::size_t kHeaderSize = 5;
// RFC 5246 section 6.2.3: a TLSCiphertext fragment is at most 2^14 + 2048.
inline constexpr std::size_t kMaxFragment12 = kMaxPlaintext + 2048;
// RFC 8446 section 5.2: at most 2^14 + 256 under TLS 1.3 protection.
inline constexpr std::size_t kMaxFragment13 = kMaxPlaintext + 256;

class RecordReader {
public:
    RecordReader();

    // Bytes still needed before the next record is complete (0 when it is).
    std::size_t wanted() const noexcept;
    // Where the transport should put up to wanted() bytes. Empty while a
    // decrypted record has not been released.
    MutableBytes space() noexcept;
    // The transport put n bytes into space().
    void received(std::size_t n) noexcept;
    // Whether some bytes of a record have arrived but not all of it.
    bool partial() const noexcept { return have_ != 0 && wanted() != 0; }

    // The largest fragment accepted; a longer one is Err::record_overflow.
    void set_max_fragment(std::size_t n) noexcept { max_fragment_ = n; }

    // Once wanted() is 0: the record's header and protected fragment.
    // The header is checked when it arrives; a bad one is reported by
    // header_error() (and wanted() stays 0 so the caller sees it at once).
    Err header_error() const noexcept { return header_error_; }
    RecordHeader header() const noexcept { return hdr_; }
    // Removes the protection in place; `plain` stays valid until release().
    Err open(Protection &prot, std::uint64_t seq, RecordHeader &hdr, MutableBytes &plain);
    // Finished with the record: the buffer takes the next one.
    void release() noexcept;

    // Bytes of the record now in the buffer (for tests and diagnostics).
    std::size_t buffered() const noexcept { return have_; }

private:
    void parse_header() noexcept;

    std::vector<std::uint8_t> buf_;
    std::size_t have_ = 0;
    std::size_t need_ = kHeaderSize;  // header + fragment length once known
    std::size_t max_fragment_ = kMaxFragment12;
    RecordHeader hdr_{};
    Err header_error_ = Err::ok;
    bool opened_ = false;
};

class RecordWriter {
public:
    // capacity: how many bytes of sealed records may wait for the transport
    // (at least one maximal record).
    explicit RecordWriter(std::size_t capacity = 2 * (kHeaderSize + kMaxFragment12));

    // Room for a record of `len` plaintext bytes under `prot`?
    bool fits(const Protection &prot, std::size_t len, std::size_t pad) const noexcept;
    // Seals one record (len <= kMaxPlaintext) and appends it to the output.
    // Err::short_memory_buffer when it does not fit (drain first).
    Err seal(Protection &prot, std::uint64_t seq, RecordHeader hdr, Bytes data, std::size_t pad = 0);

    // The sealed bytes not yet sent, and how many the transport took.
    Bytes pending() const noexcept { return Bytes(buf_.data() + sent_, used_ - sent_); }
    void sent(std::size_t n) noexcept;
    bool empty() const noexcept { return used_ == sent_; }

private:
    std::vector<std::uint8_t> buf_;
    std::size_t used_ = 0;
    std::size_t sent_ = 0;
};

}  // namespace tlshim::tls
