// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the record-level connection over in-memory transports: one
// that delivers whatever is there, and a hostile one that alternates
// EAGAIN with single bytes in both directions. Keys are installed by hand
// (the handshake is tested elsewhere).
#include "core/tls/connection.hh"

#include <cerrno>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "../unit/check-main.hh"

using namespace tlshim;
using namespace tlshim::tls;

namespace {

struct Pipe {
    std::deque<std::uint8_t> q;
    bool closed = false;
};

struct End {
    Pipe *in = nullptr, *out = nullptr;
    Connection *conn = nullptr;
    bool trickle = false;  // EAGAIN on every other call, one byte otherwise
    unsigned calls = 0;
    unsigned eagains = 0;
};

bool stall(End *e)
{
    if (e->trickle && e->calls++ % 2 == 0) {
        e->eagains++;
        e->conn->transport().set_errno(EAGAIN);
        return true;
    }
    return false;
}

ssize_t pull(gnutls_transport_ptr_t p, void *buf, size_t n)
{
    End *e = static_cast<End *>(p);
    if (stall(e))
        return -1;
    if (e->in->q.empty()) {
        if (e->in->closed)
            return 0;
        e->conn->transport().set_errno(EAGAIN);
        return -1;
    }
    std::size_t k = e->trickle ? 1 : std::min(n, e->in->q.size());
    for (std::size_t i = 0; i < k; i++) {
        static_cast<std::uint8_t *>(buf)[i] = e->in->q.front();
        e->in->q.pop_front();
    }
    return static_cast<ssize_t>(k);
}

ssize_t push(gnutls_transport_ptr_t p, const void *buf, size_t n)
{
    End *e = static_cast<End *>(p);
    if (stall(e))
        return -1;
    std::size_t k = e->trickle ? 1 : n;
    const auto *b = static_cast<const std::uint8_t *>(buf);
    e->out->q.insert(e->out->q.end(), b, b + k);
    return static_cast<ssize_t>(k);
}

struct Pair {
    Pipe ab, ba;
    Connection a, b;
    End ea, eb;

    explicit Pair(bool tls13, bool trickle = false)
    {
        ea = {&ba, &ab, &a, trickle};
        eb = {&ab, &ba, &b, trickle};
        for (auto [c, e] : {std::pair{&a, &ea}, std::pair{&b, &eb}}) {
            c->transport().pull_fn = pull;
            c->transport().push_fn = push;
            c->transport().recv_ptr = e;
            c->transport().send_ptr = e;
            c->set_record_version(0x0303);
        }
        std::vector<std::uint8_t> k1(16, 0x11), k2(16, 0x22), iv1(12, 0x33), iv2(12, 0x44), s1(4, 5), s2(4, 6);
        auto make = [&](Bytes key, Bytes iv, Bytes salt) {
            std::unique_ptr<Protection> p;
            Err e = tls13 ? Tls13Aead::create(GNUTLS_CIPHER_AES_128_GCM, key, iv, p)
                          : Tls12Aead::create(GNUTLS_CIPHER_AES_128_GCM, key, salt, p);
            ck_assert(ok(e));
            return p;
        };
        a.set_write_keys(make(k1, iv1, s1));
        b.set_read_keys(make(k1, iv1, s1));
        b.set_write_keys(make(k2, iv2, s2));
        a.set_read_keys(make(k2, iv2, s2));
    }
};

// Sends all of `data` from `c`, repeating calls after EAGAIN as the API
// requires (with NULL/0), and returns the number of EAGAINs seen.
unsigned send_all(Connection &c, Bytes data)
{
    unsigned again = 0;
    std::size_t off = 0;
    while (off < data.size()) {
        long n = c.send(data.subspan(off));
        while (n == GNUTLS_E_AGAIN) {
            again++;
            ck_assert_int_eq(c.direction(), 1);
            n = c.send(Bytes());
        }
        ck_assert_msg(n > 0, "send returned %ld", n);
        off += static_cast<std::size_t>(n);
    }
    return again;
}

std::vector<std::uint8_t> recv_n(Connection &c, std::size_t want, std::size_t chunk)
{
    std::vector<std::uint8_t> got;
    std::vector<std::uint8_t> buf(chunk);
    while (got.size() < want) {
        long n = c.recv(buf);
        if (n == GNUTLS_E_AGAIN) {
            ck_assert_int_eq(c.direction(), 0);
            continue;
        }
        ck_assert_msg(n > 0, "recv returned %ld", n);
        got.insert(got.end(), buf.begin(), buf.begin() + n);
    }
    return got;
}

std::vector<std::uint8_t> pattern(std::size_t n)
{
    std::vector<std::uint8_t> v(n);
    for (std::size_t i = 0; i < n; i++)
        v[i] = static_cast<std::uint8_t>(i * 7 + i / 251);
    return v;
}

}  // namespace

START_TEST(data_both_ways)
{
    for (bool tls13 : {true, false}) {
        Pair p(tls13);
        auto msg = pattern(5);
        send_all(p.a, msg);
        ck_assert(recv_n(p.b, 5, 100) == msg);
        auto back = pattern(40000);
        send_all(p.b, back);
        ck_assert(recv_n(p.a, back.size(), 4096) == back);
        ck_assert_uint_eq(p.a.read_seq(), 3);  // 16384 + 16384 + 7232
    }
}
END_TEST

START_TEST(trickle_transport_loses_nothing)
{
    Pair p(true, true);
    auto data = pattern(40000);
    // The sender can only push while the receiver drains, so interleave.
    std::size_t off = 0;
    std::vector<std::uint8_t> got;
    std::vector<std::uint8_t> buf(777);
    long pending = 0;
    bool waiting = false;
    while (got.size() < data.size()) {
        if (off < data.size()) {
            long n = waiting ? p.a.send(Bytes()) : p.a.send(Bytes(data).subspan(off));
            if (n == GNUTLS_E_AGAIN) {
                waiting = true;
                ck_assert_int_eq(p.a.direction(), 1);
            } else {
                ck_assert_msg(n > 0, "send %ld", n);
                if (waiting && pending)
                    ck_assert_int_eq(n, pending);
                waiting = false;
                off += static_cast<std::size_t>(n);
            }
            if (waiting && pending == 0)
                pending = static_cast<long>(std::min<std::size_t>(data.size() - off, kMaxPlaintext));
            if (!waiting)
                pending = 0;
        }
        long r = p.b.recv(buf);
        if (r == GNUTLS_E_AGAIN)
            continue;
        ck_assert_msg(r > 0, "recv %ld", r);
        got.insert(got.end(), buf.begin(), buf.begin() + r);
    }
    ck_assert(got == data);
    ck_assert_uint_gt(p.ea.eagains, 100);
    ck_assert_uint_gt(p.eb.eagains, 100);
}
END_TEST

START_TEST(pending_and_max_send)
{
    Pair p(true);
    p.a.set_max_send(100);
    auto data = pattern(250);
    ck_assert_int_eq(p.a.send(data), 100);
    std::uint8_t buf[10];
    std::uint64_t seq = 99;
    ck_assert_int_eq(p.b.recv(MutableBytes(buf, 10), &seq), 10);
    ck_assert_uint_eq(seq, 0);
    ck_assert_uint_eq(p.b.pending(), 90);
    ck_assert(std::memcmp(buf, data.data(), 10) == 0);
}
END_TEST

START_TEST(close_notify_and_premature_end)
{
    Pair p(true);
    send_all(p.a, pattern(10));
    ck_assert(ok(p.a.bye(GNUTLS_SHUT_WR)));
    ck_assert(recv_n(p.b, 10, 64) == pattern(10));
    std::uint8_t buf[16];
    ck_assert_int_eq(p.b.recv(MutableBytes(buf, 16)), 0);
    ck_assert_int_eq(p.b.recv(MutableBytes(buf, 16)), 0);
    ck_assert(p.b.read_closed());
    ck_assert_int_eq(p.a.send(pattern(3)), GNUTLS_E_INVALID_SESSION);

    Pair q(true);
    q.ab.closed = true;  // the transport ends without close_notify
    ck_assert_int_eq(q.b.recv(MutableBytes(buf, 16)), GNUTLS_E_PREMATURE_TERMINATION);
}
END_TEST

START_TEST(bye_rdwr_waits_for_peer)
{
    Pair p(true);
    ck_assert(p.a.bye(GNUTLS_SHUT_RDWR) == Err::again);  // the peer has not answered
    send_all(p.b, pattern(20));                           // data before its close_notify is dropped
    ck_assert(ok(p.b.bye(GNUTLS_SHUT_WR)));
    ck_assert(ok(p.a.bye(GNUTLS_SHUT_RDWR)));
    ck_assert(p.a.read_closed());
}
END_TEST

START_TEST(tampering_is_fatal_and_sticky)
{
    Pair p(true);
    send_all(p.a, pattern(50));
    p.ab.q[20] ^= 0x80;
    std::uint8_t buf[64];
    ck_assert_int_eq(p.b.recv(MutableBytes(buf, 64)), GNUTLS_E_DECRYPTION_FAILED);
    // Reported once; then the session is unusable.
    ck_assert_int_eq(p.b.recv(MutableBytes(buf, 64)), GNUTLS_E_INVALID_SESSION);
    ck_assert_int_eq(p.b.send(pattern(5)), GNUTLS_E_INVALID_SESSION);
    // The peer was told: bad_record_mac, fatal.
    ck_assert_int_eq(p.a.recv(MutableBytes(buf, 64)), GNUTLS_E_FATAL_ALERT_RECEIVED);
    ck_assert_int_eq(p.a.last_alert(), GNUTLS_A_BAD_RECORD_MAC);
    ck_assert_int_eq(p.a.send(pattern(5)), GNUTLS_E_INVALID_SESSION);
}
END_TEST

START_TEST(alerts_warning_and_fatal)
{
    Pair p(false);  // TLS 1.2: a warning is only a warning
    ck_assert(ok(p.a.send_alert(GNUTLS_AL_WARNING, GNUTLS_A_NO_RENEGOTIATION)));
    send_all(p.a, pattern(4));
    std::uint8_t buf[8];
    ck_assert_int_eq(p.b.recv(MutableBytes(buf, 8)), GNUTLS_E_WARNING_ALERT_RECEIVED);
    ck_assert_int_eq(p.b.last_alert(), GNUTLS_A_NO_RENEGOTIATION);
    ck_assert_int_eq(p.b.recv(MutableBytes(buf, 8)), 4);

    Pair q(true);  // TLS 1.3: any alert but close_notify ends the connection
    ck_assert(ok(q.a.send_alert(GNUTLS_AL_WARNING, GNUTLS_A_NO_RENEGOTIATION)));
    ck_assert_int_eq(q.b.recv(MutableBytes(buf, 8)), GNUTLS_E_FATAL_ALERT_RECEIVED);
    Pair r(true);
    // user_canceled too, as the real GnuTLS 3.7.9 treats it
    // (tests/handshake/diff-handshake checks that against it).
    ck_assert(ok(r.a.send_alert(GNUTLS_AL_WARNING, GNUTLS_A_USER_CANCELED)));
    ck_assert_int_eq(r.b.recv(MutableBytes(buf, 8)), GNUTLS_E_FATAL_ALERT_RECEIVED);
}
END_TEST

START_TEST(unexpected_records)
{
    Pair p(true);
    // A handshake message after the handshake, with nobody to take it.
    ck_assert(ok(p.a.write_record(ContentType::handshake, Bytes(pattern(4)))));
    std::uint8_t buf[8];
    ck_assert_int_eq(p.b.recv(MutableBytes(buf, 8)), GNUTLS_E_UNEXPECTED_PACKET);
    ck_assert_int_eq(p.a.recv(MutableBytes(buf, 8)), GNUTLS_E_FATAL_ALERT_RECEIVED);
    ck_assert_int_eq(p.a.last_alert(), GNUTLS_A_UNEXPECTED_MESSAGE);

    // A garbage header: unknown content type.
    Pair q(true);
    for (std::uint8_t c : {0x63, 0x03, 0x03, 0x00, 0x01, 0x00})
        q.ab.q.push_back(c);
    ck_assert_int_lt(q.b.recv(MutableBytes(buf, 8)), 0);
    ck_assert(q.b.failure() != Err::ok);

    // Too many empty application-data records in a row.
    Pair r(true);
    for (int i = 0; i < 40; i++)
        ck_assert(ok(r.a.write_record(ContentType::application_data, Bytes())));
    ck_assert_int_eq(r.b.recv(MutableBytes(buf, 8)), GNUTLS_E_UNEXPECTED_PACKET);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("connection");
    TCase *tc = tcase_create("connection");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, data_both_ways);
    tcase_add_test(tc, trickle_transport_loses_nothing);
    tcase_add_test(tc, pending_and_max_send);
    tcase_add_test(tc, close_notify_and_premature_end);
    tcase_add_test(tc, bye_rdwr_waits_for_peer);
    tcase_add_test(tc, tampering_is_fatal_and_sticky);
    tcase_add_test(tc, alerts_warning_and_fatal);
    tcase_add_test(tc, unexpected_records);
    suite_add_tcase(s, tc);
    return s;
}
