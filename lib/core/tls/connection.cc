// SPDX-License-Identifier: LGPL-2.1-or-later
// Record-level connection (see connection.hh).
#include "core/tls/connection.hh"

#include <algorithm>
#include <cstring>

#include "core/algo/errors.hh"
#include "core/log.hh"

namespace tlshim::tls {

namespace {

// Consecutive empty application-data records tolerated before the peer is
// treated as hostile (they cost a decryption each and deliver nothing).
constexpr std::size_t kMaxEmptyRecords = 32;

bool would_block(Err e) noexcept
{
    return e == Err::again || e == Err::interrupted;
}

}  // namespace

Connection::Connection()
    : read_prot_(std::make_unique<NullProtection>()), write_prot_(std::make_unique<NullProtection>())
{
}

Connection::~Connection() = default;

void Connection::set_read_keys(std::unique_ptr<Protection> p) noexcept
{
    read_prot_ = std::move(p);
    read_seq_ = 0;
}

void Connection::set_write_keys(std::unique_ptr<Protection> p) noexcept
{
    write_prot_ = std::move(p);
    write_seq_ = 0;
}

Err Connection::flush()
{
    while (!writer_.empty()) {
        std::size_t sent = 0;
        Err e = transport_.push(writer_.pending(), sent);
        if (would_block(e)) {
            direction_ = 1;
            return e;
        }
        if (!ok(e))
            return e;
        if (sent == 0)
            return Err::push_error;
        writer_.sent(sent);
    }
    return Err::ok;
}

Err Connection::queue_record(ContentType type, Bytes data)
{
    if (!writer_.fits(*write_prot_, data.size(), padding_)) {
        if (Err e = flush(); !ok(e))
            return e;
    }
    if (write_seq_ == UINT64_MAX)
        return Err::record_limit_reached;
    RecordHeader hdr{type, record_version_};
    std::size_t pad = write_prot_->inner_type() ? std::min(padding_, kMaxPlaintext - data.size()) : 0;
    if (Err e = writer_.seal(*write_prot_, write_seq_, hdr, data, pad); !ok(e))
        return e;
    write_seq_++;
    return Err::ok;
}

Err Connection::write_record(ContentType type, Bytes data)
{
    if (Err e = queue_record(type, data); !ok(e))
        return e;
    return flush();
}

Err Connection::fail(Err e)
{
    if (failed_ != Err::ok)
        return failed_;
    failed_ = e;
    if (!alert_sent_) {
        int level = 0;
        int desc = algo::error_to_alert(static_cast<int>(e), &level);
        if (desc >= 0) {
            alert_sent_ = true;
            // The level GnuTLS gives the error (a refused unsafe
            // renegotiation is a warning no_renegotiation; all else fatal).
            const std::uint8_t body[2] = {
                static_cast<std::uint8_t>(level == GNUTLS_AL_WARNING ? GNUTLS_AL_WARNING : GNUTLS_AL_FATAL),
                static_cast<std::uint8_t>(desc)};
            // Best effort: the connection is over whether or not it leaves.
            (void)write_record(ContentType::alert, Bytes(body, 2));
        }
    }
    TLSHIM_DEBUG("tlshim: connection failed: %d\n", static_cast<int>(e));
    return e;
}

Err Connection::check_version() const noexcept
{
    if (expected_version_ != 0 && reader_.header().version != expected_version_)
        return Err::unsupported_version;
    return Err::ok;
}

Err Connection::read_record(ContentType &type, MutableBytes &plain)
{
    // A failure is reported once; afterwards the session is simply unusable
    // (GNUTLS_E_INVALID_SESSION), as with GnuTLS.
    if (failed_ != Err::ok)
        return Err::invalid_session;
    while (reader_.wanted() > 0) {
        if (read_timeout_ms_ != 0) {
            Err w = transport_.wait_readable(read_timeout_ms_);
            if (would_block(w))
                direction_ = 0;
            if (!ok(w))
                return w;
        }
        std::size_t got = 0;
        Err e = transport_.pull(reader_.space(), got);
        if (would_block(e)) {
            direction_ = 0;
            return e;
        }
        if (!ok(e))
            return e;
        if (got == 0) {
            // End of stream without close_notify: the session is over (the
            // next call reports GNUTLS_E_INVALID_SESSION, as with GnuTLS).
            failed_ = Err::premature_termination;
            return Err::premature_termination;
        }
        reader_.received(got);
    }
    if (Err e = reader_.header_error(); !ok(e))
        return fail(e);
    if (Err e = check_version(); !ok(e))
        return fail(e);
    RecordHeader hdr;
    if (plain_ccs_ && (reader_.header().type == ContentType::change_cipher_spec ||
                       (reader_.header().type == ContentType::alert && !read_prot_->null()))) {
        // Middlebox compatibility: never protected, outside the sequence.
        // During the handshake a peer that fails before it has our keys'
        // counterpart sends its alert in the clear; it is taken as such.
        NullProtection none;
        if (Err e = reader_.open(none, 0, hdr, plain); !ok(e))
            return fail(e);
        type = hdr.type;
        if (type == ContentType::alert) {
            Err e = process_alert(plain);
            release_record();
            plain = {};
            return ok(e) ? Err::fatal_alert_received : e;
        }
        return Err::ok;
    }
    if (read_seq_ == UINT64_MAX)
        return fail(Err::record_limit_reached);
    if (Err e = reader_.open(*read_prot_, read_seq_, hdr, plain); !ok(e))
        return fail(e);
    read_seq_++;
    type = hdr.type;
    if (type == ContentType::alert) {
        Err e = process_alert(plain);
        if (!ok(e)) {
            release_record();
            return e;
        }
        plain = {};
    }
    return Err::ok;
}

void Connection::release_record() noexcept
{
    reader_.release();
}

Err Connection::process_alert(Bytes body)
{
    // One alert per record, never fragmented (RFC 8446 section 5.1; GnuTLS
    // holds TLS 1.2 peers to the same).
    if (body.size() != 2)
        return fail(Err::unexpected_packet_length);
    const std::uint8_t level = body[0], desc = body[1];
    last_alert_ = static_cast<gnutls_alert_description_t>(desc);
    if (desc == GNUTLS_A_CLOSE_NOTIFY) {
        read_closed_ = true;
        return Err::ok;
    }
    // Under TLS 1.3 every alert but close_notify ends the connection,
    // whatever level it claims (RFC 8446 section 6; GnuTLS treats
    // user_canceled so too).
    const bool tls13 = read_prot_->inner_type();
    if (level == GNUTLS_AL_FATAL || tls13) {
        alert_sent_ = true;  // no alert in reply to a fatal one
        failed_ = Err::fatal_alert_received;
        return failed_;
    }
    return Err::warning_alert_received;
}

Err Connection::post_handshake(Bytes)
{
    return fail(Err::unexpected_packet);
}

void Connection::keep_application_data(MutableBytes plain) noexcept
{
    app_ = plain;
    app_pos_ = 0;
    app_end_ = plain.size();
    app_seq_ = read_seq_ - 1;
}

Err Connection::before_send()
{
    return Err::ok;
}

long Connection::send(Bytes data)
{
    if (corked_ && send_pending_ == 0) {
        if (failed_ != Err::ok)
            return static_cast<long>(Err::invalid_session);
        cork_buf_.insert(cork_buf_.end(), data.begin(), data.end());
        return static_cast<long>(data.size());
    }
    return send_padded(data, padding_);
}

long Connection::uncork(bool wait)
{
    corked_ = false;
    for (;;) {
        while (cork_pos_ < cork_buf_.size()) {
            const long n = send(Bytes(cork_buf_).subspan(cork_pos_));
            if (n < 0) {
                const Err e = static_cast<Err>(n);
                if (would_block(e) && wait)
                    continue;
                if (would_block(e))
                    corked_ = true;  // the rest stays corked for the next call
                return n;
            }
            cork_pos_ += static_cast<std::size_t>(n);
            cork_sent_ += static_cast<std::size_t>(n);
        }
        const long total = static_cast<long>(cork_sent_);
        cork_buf_.clear();
        cork_pos_ = cork_sent_ = 0;
        return total;
    }
}

std::size_t Connection::record_overhead() const noexcept
{
    return kHeaderSize + write_prot_->overhead(0);
}

long Connection::send_padded(Bytes data, std::size_t pad)
{
    if (failed_ != Err::ok)
        return static_cast<long>(Err::invalid_session);
    if (send_pending_ != 0) {
        // Finishing the call that returned GNUTLS_E_AGAIN: its record is
        // already sealed; only the pushing remains.
        if (Err e = flush(); !ok(e))
            return static_cast<long>(e);
        long n = static_cast<long>(send_pending_);
        send_pending_ = 0;
        return n;
    }
    if (close_sent_)
        return static_cast<long>(Err::invalid_session);
    if (Err e = before_send(); !ok(e)) {
        if (would_block(e))
            direction_ = 1;
        return static_cast<long>(e);
    }
    if (data.empty())  // nothing to send and nothing pending: a mistake, as with GnuTLS
        return static_cast<long>(Err::invalid_request);
    const std::size_t len = std::min(data.size(), max_send_);
    const std::size_t saved_padding = padding_;
    padding_ = pad;
    Err e = write_record(ContentType::application_data, data.first(len));
    padding_ = saved_padding;
    if (would_block(e)) {
        send_pending_ = len;
        return static_cast<long>(e);
    }
    if (!ok(e))
        return static_cast<long>(e);
    return static_cast<long>(len);
}

long Connection::recv(MutableBytes out, std::uint64_t *seq)
{
    for (;;) {
        if (app_pos_ < app_end_) {
            if (out.empty())
                return 0;
            const std::size_t n = std::min(out.size(), app_end_ - app_pos_);
            std::memcpy(out.data(), app_.data() + app_pos_, n);
            app_pos_ += n;
            if (seq)
                *seq = app_seq_;
            if (app_pos_ == app_end_) {
                app_pos_ = app_end_ = 0;
                app_ = {};
                release_record();
            }
            return static_cast<long>(n);
        }
        if (failed_ != Err::ok)
            return static_cast<long>(Err::invalid_session);
        if (read_closed_)
            return 0;
        ContentType type;
        MutableBytes plain;
        Err e = read_record(type, plain);
        if (!ok(e))
            return static_cast<long>(e);
        switch (type) {
        case ContentType::application_data:
            if (plain.empty()) {
                release_record();
                if (++empty_records_ > kMaxEmptyRecords)
                    return static_cast<long>(fail(Err::unexpected_packet));
                continue;
            }
            empty_records_ = 0;
            app_ = plain;
            app_pos_ = 0;
            app_end_ = plain.size();
            app_seq_ = read_seq_ - 1;
            continue;
        case ContentType::alert:  // close_notify
            release_record();
            return 0;
        case ContentType::handshake: {
            Err h = post_handshake(plain);
            release_record();
            if (!ok(h))
                return static_cast<long>(h);
            // Like GnuTLS, hand control back after a post-handshake message
            // (a NewSessionTicket or KeyUpdate): GNUTLS_E_AGAIN, even on a
            // blocking transport, so that an application waiting in
            // select() does not block here when no data follows.
            direction_ = 0;
            return static_cast<long>(Err::again);
        }
        default:
            release_record();
            return static_cast<long>(fail(Err::unexpected_packet));
        }
    }
}

Err Connection::send_alert(gnutls_alert_level_t level, gnutls_alert_description_t desc)
{
    if (alert_queued_) {
        // The previous call returned GNUTLS_E_AGAIN with its alert queued.
        if (Err e = flush(); !ok(e))
            return e;
        alert_queued_ = false;
        return Err::ok;
    }
    if (failed_ != Err::ok && alert_sent_)
        return Err::invalid_session;
    const std::uint8_t body[2] = {static_cast<std::uint8_t>(level), static_cast<std::uint8_t>(desc)};
    Err e = write_record(ContentType::alert, Bytes(body, 2));
    if (level == GNUTLS_AL_FATAL)
        alert_sent_ = true;
    if (would_block(e))
        alert_queued_ = true;
    return e;
}

Err Connection::bye(gnutls_close_request_t how)
{
    if (!close_sent_) {
        if (failed_ != Err::ok)
            return Err::invalid_session;
        const std::uint8_t body[2] = {GNUTLS_AL_WARNING, GNUTLS_A_CLOSE_NOTIFY};
        close_sent_ = true;  // queued: a repeated call only flushes
        if (Err e = write_record(ContentType::alert, Bytes(body, 2)); !ok(e))
            return e;
    } else if (Err e = flush(); !ok(e)) {
        return e;
    }
    if (how != GNUTLS_SHUT_RDWR)
        return Err::ok;
    // Wait for the peer's close_notify, discarding what comes before it.
    app_pos_ = app_end_ = 0;
    app_ = {};
    release_record();
    while (!read_closed_) {
        ContentType type;
        MutableBytes plain;
        Err e = read_record(type, plain);
        if (e == Err::warning_alert_received)
            continue;
        if (!ok(e))
            return e;
        release_record();
    }
    return Err::ok;
}

}  // namespace tlshim::tls
