// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of record protection and framing: known answers computed with
// an independent implementation (Python's cryptography package), round
// trips for every TLS AEAD, tampering, byte-at-a-time input, and header
// checks.
#include "core/tls/handshake-buffer.hh"
#include "core/tls/protection.hh"
#include "core/tls/record.hh"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "../unit/check-main.hh"

using namespace tlshim;
using namespace tlshim::tls;

namespace {

std::vector<std::uint8_t> unhex(const char *s)
{
    std::vector<std::uint8_t> out;
    for (; s[0] && s[1]; s += 2)
        out.push_back(static_cast<std::uint8_t>(std::stoi(std::string(s, 2), nullptr, 16)));
    return out;
}

std::vector<std::uint8_t> range(std::uint8_t from, std::size_t n)
{
    std::vector<std::uint8_t> v(n);
    for (std::size_t i = 0; i < n; i++)
        v[i] = static_cast<std::uint8_t>(from + i);
    return v;
}

const char kPlain[] = "hello, tlshim";

// Feeds `wire` to a reader `chunk` bytes at a time and opens the record.
Err read_record(RecordReader &rd, Protection &prot, std::uint64_t seq, Bytes wire, std::size_t chunk,
                RecordHeader &hdr, MutableBytes &plain)
{
    std::size_t off = 0;
    while (rd.wanted() > 0) {
        MutableBytes sp = rd.space();
        std::size_t n = std::min({chunk, sp.size(), wire.size() - off});
        if (n == 0)
            return Err::again;
        std::memcpy(sp.data(), wire.data() + off, n);
        off += n;
        rd.received(n);
    }
    ck_assert_uint_eq(off, wire.size());
    return rd.open(prot, seq, hdr, plain);
}

}  // namespace

START_TEST(tls13_gcm_known_answer)
{
    auto key = range(0x00, 16), iv = range(0x10, 12);
    std::unique_ptr<Protection> p;
    ck_assert(ok(Tls13Aead::create(GNUTLS_CIPHER_AES_128_GCM, key, iv, p)));
    RecordWriter w;
    RecordHeader h{ContentType::handshake, 0x0303};
    ck_assert(ok(w.seal(*p, 1, h, as_bytes(kPlain).first(13), 3)));
    auto want = unhex("170303002148bc1f43cc2607d1e6ee7a3dbc17a2bc12b031d7229031926a6c6f4a37815703cd");
    ck_assert_uint_eq(w.pending().size(), want.size());
    ck_assert(std::memcmp(w.pending().data(), want.data(), want.size()) == 0);

    RecordReader rd;
    RecordHeader got;
    MutableBytes plain;
    ck_assert(ok(read_record(rd, *p, 1, want, 1, got, plain)));
    ck_assert(got.type == ContentType::handshake);
    ck_assert_uint_eq(plain.size(), 13);
    ck_assert(std::memcmp(plain.data(), kPlain, 13) == 0);
}
END_TEST

START_TEST(tls12_gcm_and_chacha_known_answers)
{
    auto key = range(0x00, 16), key32 = range(0x00, 32), iv = range(0x10, 12);
    const std::uint8_t salt[] = {0xa0, 0xa1, 0xa2, 0xa3};
    std::unique_ptr<Protection> gcm, chacha;
    ck_assert(ok(Tls12Aead::create(GNUTLS_CIPHER_AES_128_GCM, key, Bytes(salt, 4), gcm)));
    ck_assert(ok(Tls12Aead::create(GNUTLS_CIPHER_CHACHA20_POLY1305, key32, iv, chacha)));
    RecordHeader h{ContentType::application_data, 0x0303};

    RecordWriter w;
    ck_assert(ok(w.seal(*gcm, 5, h, as_bytes(kPlain).first(13))));
    auto want = unhex("17030300250000000000000005b97bffd249f36592e62586ad5f3ddc50a08ddc0df356b066581e222a81");
    ck_assert(w.pending().size() == want.size() && std::memcmp(w.pending().data(), want.data(), want.size()) == 0);
    w.sent(w.pending().size());
    ck_assert(w.empty());

    ck_assert(ok(w.seal(*chacha, 7, h, as_bytes(kPlain).first(13))));
    want = unhex("170303001db675392dc771253ae8fa276e2532b3afa250bcc95bb204fe8e21f52476");
    ck_assert(w.pending().size() == want.size() && std::memcmp(w.pending().data(), want.data(), want.size()) == 0);

    RecordReader rd;
    RecordHeader got;
    MutableBytes plain;
    ck_assert(ok(read_record(rd, *chacha, 7, want, 3, got, plain)));
    ck_assert(got.type == ContentType::application_data && plain.size() == 13);
    ck_assert(std::memcmp(plain.data(), kPlain, 13) == 0);
}
END_TEST

START_TEST(round_trips_every_aead)
{
    struct Case {
        gnutls_cipher_algorithm_t alg;
        std::size_t key;
        bool tls13;
    } cases[] = {
        {GNUTLS_CIPHER_AES_128_GCM, 16, true},   {GNUTLS_CIPHER_AES_256_GCM, 32, true},
        {GNUTLS_CIPHER_CHACHA20_POLY1305, 32, true}, {GNUTLS_CIPHER_AES_128_CCM, 16, true},
        {GNUTLS_CIPHER_AES_128_CCM_8, 16, true}, {GNUTLS_CIPHER_AES_128_GCM, 16, false},
        {GNUTLS_CIPHER_AES_256_GCM, 32, false},  {GNUTLS_CIPHER_CHACHA20_POLY1305, 32, false},
        {GNUTLS_CIPHER_AES_128_CCM, 16, false},  {GNUTLS_CIPHER_AES_256_CCM, 32, false},
        {GNUTLS_CIPHER_AES_128_CCM_8, 16, false},
    };
    std::vector<std::uint8_t> data = range(0x30, 255);
    data.resize(kMaxPlaintext, 0x5a);
    for (const Case &c : cases) {
        auto key = range(0x40, c.key);
        bool chacha = c.alg == GNUTLS_CIPHER_CHACHA20_POLY1305;
        auto iv = range(0x70, c.tls13 || chacha ? 12 : 4);
        std::unique_ptr<Protection> p;
        Err e = c.tls13 ? Tls13Aead::create(c.alg, key, iv, p) : Tls12Aead::create(c.alg, key, iv, p);
        ck_assert_msg(ok(e), "create %d", c.alg);
        for (std::size_t len : {std::size_t{0}, std::size_t{1}, std::size_t{100}, kMaxPlaintext}) {
            RecordWriter w;
            std::size_t pad = c.tls13 && len < 1000 ? 17 : 0;
            RecordHeader h{ContentType::application_data, 0x0303};
            ck_assert(ok(w.seal(*p, 42, h, Bytes(data.data(), len), pad)));
            std::vector<std::uint8_t> wire(w.pending().begin(), w.pending().end());
            RecordReader rd;
            rd.set_max_fragment(c.tls13 ? kMaxFragment13 : kMaxFragment12);
            RecordHeader got;
            MutableBytes plain;
            ck_assert_msg(ok(read_record(rd, *p, 42, wire, 4096, got, plain)), "open %d len %zu", c.alg, len);
            ck_assert(got.type == ContentType::application_data);
            ck_assert_uint_eq(plain.size(), len);
            ck_assert(len == 0 || std::memcmp(plain.data(), data.data(), len) == 0);
            rd.release();

            // A different sequence number, or any flipped byte, fails.
            RecordReader rd2;
            ck_assert(read_record(rd2, *p, 43, wire, 4096, got, plain) == Err::decryption_failed);
            for (std::size_t at : {std::size_t{5}, wire.size() / 2, wire.size() - 1}) {
                auto bad = wire;
                bad[at] ^= 0x01;
                RecordReader rd3;
                ck_assert_msg(read_record(rd3, *p, 42, bad, 4096, got, plain) == Err::decryption_failed,
                              "tamper %d at %zu", c.alg, at);
            }
        }
    }
}
END_TEST

START_TEST(tls13_inner_plaintext_rules)
{
    auto key = range(0, 16), iv = range(0x10, 12);
    std::unique_ptr<Protection> p;
    ck_assert(ok(Tls13Aead::create(GNUTLS_CIPHER_AES_128_GCM, key, iv, p)));
    // An inner plaintext of zeros only has no content type: unexpected_message.
    std::vector<std::uint8_t> frag(8 + 16, 0);
    std::unique_ptr<crypto::Aead> a;
    ck_assert(ok(crypto::Aead::create(GNUTLS_CIPHER_AES_128_GCM, key, a)));
    std::uint8_t nonce[12];
    std::memcpy(nonce, iv.data(), 12);
    const std::uint8_t aad[5] = {23, 3, 3, 0, 24};
    ck_assert(ok(a->seal(Bytes(nonce, 12), Bytes(aad, 5), frag.data(), 8, frag.data(), MutableBytes(frag.data() + 8, 16))));
    RecordHeader h{ContentType::application_data, 0x0303};
    MutableBytes plain;
    auto f1 = frag;
    ck_assert(p->open(h, 0, f1, plain) == Err::unexpected_packet);
    // A protected record must say application_data on the outside.
    RecordHeader h2{ContentType::handshake, 0x0303};
    auto f2 = frag;
    ck_assert(p->open(h2, 0, f2, plain) == Err::unexpected_packet);
    // Too short to hold a tag.
    auto f3 = std::vector<std::uint8_t>(16, 0);
    ck_assert(p->open(h, 0, f3, plain) == Err::decryption_failed);
}
END_TEST

START_TEST(header_checks)
{
    NullProtection null;
    RecordHeader got;
    MutableBytes plain;
    {
        RecordReader rd;  // unknown content type
        auto wire = unhex("6303030001aa");
        ck_assert(read_record(rd, null, 0, Bytes(wire).first(5), 1, got, plain) == Err::unexpected_packet);
        ck_assert_uint_eq(rd.wanted(), 0);
    }
    {
        RecordReader rd;  // not a 3.x version
        auto wire = unhex("1602010001");
        ck_assert(read_record(rd, null, 0, wire, 5, got, plain) == Err::unsupported_version);
    }
    {
        RecordReader rd;  // longer than the limit
        rd.set_max_fragment(kMaxFragment13);
        auto wire = unhex("1703034101");
        ck_assert(read_record(rd, null, 0, wire, 5, got, plain) == Err::record_overflow);
    }
    {
        RecordReader rd;  // a plaintext record above 2^14
        auto wire = unhex("1603034001");
        wire.resize(5 + 0x4001, 0);
        ck_assert(read_record(rd, null, 0, wire, 999, got, plain) == Err::record_overflow);
    }
    {
        RecordReader rd;  // exactly what was asked for, one byte at a time
        auto wire = unhex("160301000401020304");
        ck_assert_uint_eq(rd.wanted(), 5);
        ck_assert(ok(read_record(rd, null, 0, wire, 1, got, plain)));
        ck_assert(got.type == ContentType::handshake && got.version == 0x0301);
        ck_assert(plain.size() == 4 && plain[3] == 4);
        ck_assert(rd.space().empty());  // held until released
        rd.release();
        ck_assert_uint_eq(rd.wanted(), 5);
    }
}
END_TEST

START_TEST(writer_queue_and_partial_sends)
{
    NullProtection null;
    RecordWriter w(2 * (kHeaderSize + 10));
    RecordHeader h{ContentType::alert, 0x0303};
    const std::uint8_t alert[2] = {2, 40};
    ck_assert(ok(w.seal(null, 0, h, Bytes(alert, 2))));
    ck_assert(ok(w.seal(null, 1, h, Bytes(alert, 2))));
    ck_assert_uint_eq(w.pending().size(), 14);
    std::vector<std::uint8_t> big(12, 0);  // 14 + 5 + 12 > 30
    ck_assert(w.seal(null, 2, h, big) == Err::short_memory_buffer);
    w.sent(3);
    ck_assert_uint_eq(w.pending().size(), 11);
    ck_assert_uint_eq(w.pending()[0], 0x00);  // rest of the first header: length 0x0002
    w.sent(11);
    ck_assert(w.empty());
    ck_assert(ok(w.seal(null, 2, h, Bytes(big.data(), 10))));
}
END_TEST

START_TEST(handshake_reassembly)
{
    // Two messages split at every possible point across two records, and
    // both in one record.
    auto wire = unhex("0100000301020302000000" "0b000002aabb");
    for (std::size_t cut = 1; cut < wire.size(); cut++) {
        HandshakeBuffer hb;
        HandshakeMessage m;
        ck_assert(ok(hb.add(Bytes(wire).first(cut))));
        std::size_t got = 0;
        while (hb.next(m)) {
            got++;
            hb.pop();
        }
        ck_assert(hb.aligned() == (cut == 7 || cut == 11 || cut == wire.size()));
        ck_assert(ok(hb.add(Bytes(wire).subspan(cut))));
        while (hb.next(m)) {
            got++;
            ck_assert(m.type == 1 || m.type == 2 || m.type == 11);
            if (m.type == 1)
                ck_assert(m.body.size() == 3 && m.body[2] == 3 && m.raw.size() == 7);
            if (m.type == 2)
                ck_assert(m.body.empty());
            if (m.type == 11)
                ck_assert(m.body.size() == 2 && m.body[1] == 0xbb);
            hb.pop();
        }
        ck_assert_uint_eq(got, 3);
        ck_assert(hb.empty() && hb.aligned());
    }
    HandshakeBuffer hb;
    ck_assert(hb.add(Bytes()) == Err::unexpected_packet);
    hb.set_max_message(16);
    ck_assert(hb.add(unhex("0b000011")) == Err::handshake_too_large);
    HandshakeBuffer hb2;
    hb2.set_max_message(16);
    ck_assert(ok(hb2.add(unhex("0b000010"))));  // exactly the limit is fine
    HandshakeMessage m;
    ck_assert(!hb2.next(m) && !hb2.aligned());
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("record");
    TCase *tc = tcase_create("record");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, tls13_gcm_known_answer);
    tcase_add_test(tc, tls12_gcm_and_chacha_known_answers);
    tcase_add_test(tc, round_trips_every_aead);
    tcase_add_test(tc, tls13_inner_plaintext_rules);
    tcase_add_test(tc, header_checks);
    tcase_add_test(tc, writer_queue_and_partial_sends);
    tcase_add_test(tc, handshake_reassembly);
    suite_add_tcase(s, tc);
    return s;
}
