// SPDX-License-Identifier: LGPL-2.1-or-later
// The record level of a TLS connection: what gnutls_record_send,
// gnutls_record_recv, gnutls_alert_send and gnutls_bye do once keys are in
// place, with GnuTLS's non-blocking contract (a call that returned
// GNUTLS_E_AGAIN or GNUTLS_E_INTERRUPTED is repeated and resumes exactly
// where it stopped; nothing is lost or sent twice).
//
// The handshake state machines sit on top: they read records through
// read_record(), install keys with set_read_keys()/set_write_keys(), and
// receive the handshake messages that arrive after the handshake through
// the PostHandshake hook (TLS 1.3 NewSessionTicket and KeyUpdate, TLS 1.2
// HelloRequest).
//
// A fatal error is sticky: once one is reported (and its alert sent), every
// later call fails with the same code.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/bytes.hh"
#include "core/error.hh"
#include "core/tls/protection.hh"
#include "core/tls/record.hh"
#include "core/tls/transport.hh"

namespace tlshim::tls {

class Connection {
public:
    Connection();
    virtual ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    Transport &transport() noexcept { return transport_; }

    // ---- keys and versions (used by the handshake)
    void set_read_keys(std::unique_ptr<Protection> p) noexcept;
    void set_write_keys(std::unique_ptr<Protection> p) noexcept;
    // The version written in outgoing record headers.
    void set_record_version(std::uint16_t v) noexcept { record_version_ = v; }
    // The version incoming headers must carry (0: any 3.x).
    void set_expected_version(std::uint16_t v) noexcept { expected_version_ = v; }
    // The largest plaintext per outgoing record (record_size_limit,
    // max_fragment_length, gnutls_record_set_max_size).
    void set_max_send(std::size_t n) noexcept { max_send_ = n; }
    std::size_t max_send() const noexcept { return max_send_; }
    // The largest protected fragment accepted.
    void set_max_receive_fragment(std::size_t n) noexcept { reader_.set_max_fragment(n); }
    // gnutls_record_set_timeout: how long a read waits for the transport
    // before failing with Err::timed_out (0: no limit).
    void set_read_timeout(unsigned ms) noexcept { read_timeout_ms_ = ms; }
    unsigned read_timeout() const noexcept { return read_timeout_ms_; }
    // TLS 1.3 middlebox compatibility (RFC 8446 section 5): while set, a
    // change_cipher_spec record is passed to the caller unprotected (and
    // without consuming a sequence number) even when keys are in place.
    void set_plain_ccs(bool allow) noexcept { plain_ccs_ = allow; }
    // Whether outgoing records are protected (keys installed).
    bool write_protected() const noexcept { return !write_prot_->null(); }
    bool read_protected() const noexcept { return !read_prot_->null(); }
    // TLS 1.3 padding added to each record (0: none).
    void set_padding(std::size_t n) noexcept { padding_ = n; }
    std::uint64_t read_seq() const noexcept { return read_seq_; }
    std::uint64_t write_seq() const noexcept { return write_seq_; }

    // ---- application data
    // gnutls_record_send: sends at most one record's worth and returns how
    // many bytes it took, or a negative GNUTLS_E_* code. After
    // GNUTLS_E_AGAIN the call must be repeated (the data argument is then
    // ignored; NULL/0 is fine) and returns the length of the original data.
    long send(Bytes data);
    // gnutls_record_recv: bytes of application data (0 at close_notify), or
    // a negative code. seq receives the record's sequence number.
    long recv(MutableBytes out, std::uint64_t *seq = nullptr);
    // gnutls_record_send2: like send(), with `pad` bytes of TLS 1.3 padding
    // in the record (ignored by protections without padding).
    long send_padded(Bytes data, std::size_t pad);
    // gnutls_record_cork/uncork: while corked, send() collects the data;
    // uncork() sends it in as few records as possible and returns how many
    // bytes went out (with `wait`, retrying on EAGAIN/EINTR).
    void cork() noexcept { corked_ = true; }
    long uncork(bool wait);
    std::size_t corked_bytes() const noexcept { return cork_buf_.size() - cork_pos_; }
    // gnutls_record_overhead_size: bytes a record adds to its data (header,
    // protection, content type) with the current write keys.
    std::size_t record_overhead() const noexcept;
    // gnutls_record_check_pending: decrypted bytes not yet returned.
    std::size_t pending() const noexcept { return app_end_ - app_pos_; }
    // gnutls_record_get_direction: 0 when the last call that returned
    // GNUTLS_E_AGAIN/INTERRUPTED was reading, 1 when it was writing.
    int direction() const noexcept { return direction_; }

    // ---- alerts and closure
    // gnutls_alert_send: sends one alert record (resumable after AGAIN).
    Err send_alert(gnutls_alert_level_t level, gnutls_alert_description_t desc);
    // gnutls_alert_get: the last alert received.
    gnutls_alert_description_t last_alert() const noexcept { return last_alert_; }
    // gnutls_bye: close_notify, and with GNUTLS_SHUT_RDWR wait for the peer's.
    Err bye(gnutls_close_request_t how);

    // ---- for the handshake layer
    // Reads the next record. Alerts are handled here (a warning other than
    // close_notify comes back as Err::warning_alert_received, a fatal one as
    // Err::fatal_alert_received); every other type is returned with its
    // plaintext, valid until release_record().
    Err read_record(ContentType &type, MutableBytes &plain);
    void release_record() noexcept;
    // Queues one record of the given type and tries to send everything.
    // After again/interrupted the record may or may not be queued: callers
    // that must know use queue_record() and flush().
    Err write_record(ContentType type, Bytes data);
    // Seals one record into the output queue without sending it, unless
    // the queue is full: then it first flushes, and an again/interrupted
    // from that means nothing was queued.
    Err queue_record(ContentType type, Bytes data);
    // Sends whatever is queued.
    Err flush();
    // Reports a fatal error: sends the matching alert (best effort, once)
    // and makes the connection unusable. Returns e.
    Err fail(Err e);
    Err failure() const noexcept { return failed_; }
    // Whether a fatal alert went out already (on a failure, by fail()).
    bool fatal_alert_sent() const noexcept { return alert_sent_; }
    bool read_closed() const noexcept { return read_closed_; }

    // Keeps the record just read (application data, from read_record) for
    // the next recv(): for a handshake-level reader that met application
    // data it must not consume (GNUTLS_E_GOT_APPLICATION_DATA).
    void keep_application_data(MutableBytes plain) noexcept;

    // Handles a handshake record that arrives on an established connection
    // while the application reads. Returns Err::ok to keep reading, or an
    // error/notice for gnutls_record_recv to return (e.g. Err::rehandshake).
    // The default refuses: unexpected_message.
    virtual Err post_handshake(Bytes fragment);
    // Called by send() before it takes new application data: the place for
    // handshake messages owed to the peer (a TLS 1.3 KeyUpdate reply).
    virtual Err before_send();

private:
    Err process_alert(Bytes body);
    Err check_version() const noexcept;

    Transport transport_;
    RecordReader reader_;
    RecordWriter writer_;
    std::unique_ptr<Protection> read_prot_, write_prot_;
    std::uint64_t read_seq_ = 0, write_seq_ = 0;
    std::uint16_t record_version_ = 0x0301;
    std::uint16_t expected_version_ = 0;
    std::size_t max_send_ = kMaxPlaintext;
    std::size_t padding_ = 0;
    unsigned read_timeout_ms_ = 0;

    // The application data of the record being consumed (inside reader_).
    MutableBytes app_;
    std::size_t app_pos_ = 0, app_end_ = 0;
    std::uint64_t app_seq_ = 0;
    std::size_t empty_records_ = 0;

    std::size_t send_pending_ = 0;  // application bytes sealed but not yet pushed
    bool corked_ = false;
    std::vector<std::uint8_t> cork_buf_;
    std::size_t cork_pos_ = 0;
    std::size_t cork_sent_ = 0;     // sent by an uncork() that met EAGAIN
    bool close_sent_ = false;
    bool alert_queued_ = false;
    bool read_closed_ = false;
    bool alert_sent_ = false;
    bool plain_ccs_ = false;
    int direction_ = 0;
    Err failed_ = Err::ok;
    gnutls_alert_description_t last_alert_ = GNUTLS_A_CLOSE_NOTIFY;
};

}  // namespace tlshim::tls
