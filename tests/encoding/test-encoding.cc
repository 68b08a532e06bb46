// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the encoding core: base64 (RFC 4648 vectors, round trips,
// the decoding rules), PEM (armour layout, search, lists of blocks, damaged
// blocks), hexadecimal, UTF-16/UTF-8, IP text and the memory primitives.
#include "core/encoding/base64.hh"
#include "core/encoding/hex.hh"
#include "core/encoding/memory.hh"
#include "core/encoding/search.hh"
#include "core/encoding/text.hh"

#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "../unit/check-main.hh"

using namespace tlshim;
using namespace tlshim::encoding;

// Compares as std::string (ck_assert_str_eq would keep a pointer into a temporary).
#define CHECK_STR(a, b)                                                              \
    do {                                                                             \
        std::string a_ = (a), b_ = (b);                                              \
        ck_assert_msg(a_ == b_, "\"%s\" != \"%s\"", a_.c_str(), b_.c_str());         \
    } while (0)

namespace {

std::string str(Bytes b)
{
    return std::string(reinterpret_cast<const char *>(b.data()), b.size());
}

std::string str(const std::vector<std::uint8_t> &v)
{
    return std::string(v.begin(), v.end());
}

std::string b64(std::string_view in)
{
    std::vector<std::uint8_t> out;
    Writer w(out);
    ck_assert(base64_encode(as_bytes(in), w));
    return str(out);
}

// Decodes into a growable buffer; returns the error and the text in `out`.
Err unb64(std::string_view in, std::string &out)
{
    std::vector<std::uint8_t> v;
    Err e = base64_decode(as_bytes(in), v);
    out = str(v);
    return e;
}

std::vector<std::uint8_t> pattern(std::size_t n, unsigned seed = 1)
{
    std::vector<std::uint8_t> v(n);
    std::uint32_t x = seed * 2654435761u + 12345;
    for (auto &b : v) {
        x = x * 1103515245u + 12345;
        b = static_cast<std::uint8_t>(x >> 16);
    }
    return v;
}

std::string pem(std::string_view label, Bytes data)
{
    std::vector<std::uint8_t> out;
    Writer w(out);
    ck_assert_int_eq(static_cast<int>(pem_encode(label, data, w)), 0);
    return str(out);
}

}  // namespace

// ------------------------------------------------------------------ base64 --

START_TEST(base64_rfc4648_vectors)
{
    static const char *const vec[][2] = {
        {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},         {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
    };
    for (auto &v : vec) {
        CHECK_STR(b64(v[0]), v[1]);
        ck_assert_uint_eq(base64_encoded_length(std::strlen(v[0])), std::strlen(v[1]));
        std::string back;
        Err e = unb64(v[1], back);
        if (*v[0] == '\0') {
            ck_assert(e == Err::base64_decoding);  // nothing decoded is an error
        } else {
            ck_assert(e == Err::ok);
            CHECK_STR(back, v[0]);
        }
    }
}
END_TEST

START_TEST(base64_round_trip_all_lengths)
{
    for (std::size_t n = 0; n <= 300; n++) {
        auto data = pattern(n, static_cast<unsigned>(n));
        std::vector<std::uint8_t> text;
        Writer w(text);
        ck_assert(base64_encode(data, w));
        ck_assert_uint_eq(text.size(), base64_encoded_length(n));
        ck_assert_uint_eq(text.size() % 4, 0);

        // The same into a caller buffer of exactly the right size, and one
        // byte short.
        std::vector<std::uint8_t> fixed(text.size());
        Writer wf{MutableBytes(fixed)};
        ck_assert(base64_encode(data, wf));
        ck_assert(fixed == text);
        if (!text.empty()) {
            std::vector<std::uint8_t> small(text.size() - 1);
            Writer ws{MutableBytes(small)};
            ck_assert(!base64_encode(data, ws));
        }

        std::vector<std::uint8_t> back;
        Err e = base64_decode(text, back);
        if (n == 0) {
            ck_assert(e == Err::base64_decoding);
            continue;
        }
        ck_assert(e == Err::ok);
        ck_assert(back == data);

        // Into a span of exactly base64_decoded_max() bytes (ASan checks the
        // bound), and a span one byte smaller.
        std::vector<std::uint8_t> exact(base64_decoded_max(text));
        std::size_t got = 0;
        ck_assert(base64_decode(text, MutableBytes(exact), got) == Err::ok);
        ck_assert_uint_eq(got, n);
        ck_assert(std::memcmp(exact.data(), data.data(), n) == 0);
        std::vector<std::uint8_t> shorter(exact.size() - 1);
        ck_assert(base64_decode(text, MutableBytes(shorter), got) == Err::short_memory_buffer);

        // A decoded secret lands in SecretBytes as well.
        SecretBytes secret;
        ck_assert(base64_decode(text, secret) == Err::ok);
        ck_assert(std::equal(secret.begin(), secret.end(), data.begin(), data.end()));
    }
}
END_TEST

START_TEST(base64_decoding_rules)
{
    std::string out;
    // Whitespace of every kind is ignored, anywhere.
    ck_assert(unb64(" Y W\tJ\nj\r\n\v\f", out) == Err::ok);
    CHECK_STR(out, "abc");
    ck_assert(unb64("YQ= =", out) == Err::ok);
    CHECK_STR(out, "a");
    // The text stops at the first dash.
    ck_assert(unb64("YWJj-ZGVm", out) == Err::ok);
    CHECK_STR(out, "abc");
    ck_assert(unb64("YW-Jj", out) == Err::base64_decoding);
    ck_assert(unb64("-YWJj", out) == Err::base64_decoding);
    ck_assert_uint_eq(base64_body(as_bytes("ab-cd")).size(), 2);
    // Malformed: incomplete groups, bad padding, data after padding,
    // non-zero unused bits, bytes outside the alphabet, empty results.
    for (const char *bad : {"Y", "YQ", "YQ=", "YWJ", "YQ===", "YWJj=", "====", "A===", "=AAA",
                            "AA=A", "A=A=", "YQ==YWJj", "YR==", "YWK=", "YW*j", "YW_j", "\xff",
                            "", " ", "\n\n", "="}) {
        ck_assert_msg(unb64(bad, out) == Err::base64_decoding, "accepted \"%s\"", bad);
    }
    ck_assert(unb64(std::string_view("YW\0Jj", 5), out) == Err::base64_decoding);
    // The URL-safe alphabet is not the standard one.
    ck_assert(unb64("YW+j", out) == Err::ok);
    ck_assert(unb64("YW/j", out) == Err::ok);
    ck_assert(unb64("YW-j", out) == Err::base64_decoding);
}
END_TEST

START_TEST(base64_decoder_never_leaves_its_buffers)
{
    // Random texts over an alphabet rich in the bytes that matter, decoded
    // into spans of exactly the advertised size.
    static const char alphabet[] = "AQYgw/+=-\n\r \t*\xff";
    std::uint32_t x = 7;
    for (int round = 0; round < 20000; round++) {
        x = x * 1103515245u + 12345;
        std::size_t n = (x >> 16) % 40;
        std::vector<std::uint8_t> text(n);
        for (auto &c : text) {
            x = x * 1103515245u + 12345;
            c = static_cast<std::uint8_t>(alphabet[(x >> 16) % (sizeof alphabet - 1)]);
        }
        std::vector<std::uint8_t> out(base64_decoded_max(text));
        std::size_t got = 99;
        Err e = base64_decode(text, MutableBytes(out), got);
        ck_assert(e == Err::ok || e == Err::base64_decoding);
        ck_assert(e == Err::ok ? (got >= 1 && got <= out.size()) : got == 0);
    }
}
END_TEST

// --------------------------------------------------------------------- PEM --

START_TEST(pem_encode_layout)
{
    // 100 bytes: a full line of 64 characters, then 72 more split 64 + 8.
    auto data = pattern(100);
    std::string text = pem("TEST", data);
    ck_assert_uint_eq(text.size(), pem_encoded_length("TEST", data.size()));
    ck_assert(text.rfind("-----BEGIN TEST-----\n", 0) == 0);
    ck_assert(text.size() >= 19 && text.compare(text.size() - 19, 19, "-----END TEST-----\n") == 0);
    std::size_t line_start = text.find('\n') + 1;
    std::vector<std::size_t> lines;
    while (text.compare(line_start, 5, "-----") != 0) {
        std::size_t nl = text.find('\n', line_start);
        lines.push_back(nl - line_start);
        line_start = nl + 1;
    }
    ck_assert_uint_eq(lines.size(), 3);
    ck_assert_uint_eq(lines[0], 64);
    ck_assert_uint_eq(lines[1], 64);
    ck_assert_uint_eq(lines[2], 8);

    // No data: the two armour lines only.  No label: bare base64.
    CHECK_STR(pem("X", {}), "-----BEGIN X-----\n-----END X-----\n");
    CHECK_STR(pem("", as_bytes("abc")), "YWJj");
    ck_assert_uint_eq(pem_encoded_length("", 3), 4);

    // Labels up to 50 characters.
    std::string label(50, 'L');
    std::vector<std::uint8_t> out;
    Writer w(out);
    ck_assert(pem_encode(label, as_bytes("x"), w) == Err::ok);
    label.push_back('L');
    Writer w2(out);
    ck_assert(pem_encode(label, as_bytes("x"), w2) == Err::base64_encoding);

    // A caller buffer one byte short fails; the exact size succeeds.
    std::size_t len = pem_encoded_length("TEST", data.size());
    std::vector<std::uint8_t> exact(len), shorter(len - 1);
    Writer we{MutableBytes(exact)}, ws{MutableBytes(shorter)};
    ck_assert(pem_encode("TEST", data, we) == Err::ok);
    ck_assert(str(exact) == text);
    ck_assert(pem_encode("TEST", data, ws) == Err::short_memory_buffer);
}
END_TEST

START_TEST(pem_round_trip_all_lengths)
{
    for (std::size_t n = 1; n <= 300; n++) {
        auto data = pattern(n, static_cast<unsigned>(n) + 1000);
        std::string text = pem("CERTIFICATE", data);
        ck_assert_uint_eq(text.size(), pem_encoded_length("CERTIFICATE", n));
        std::vector<std::uint8_t> back;
        ck_assert(pem_decode(as_bytes(text), "CERTIFICATE", back) == Err::ok);
        ck_assert(back == data);
        // With CRLF line ends and text around it, any label.
        std::string crlf = "Subject: something\r\n";
        for (char c : text) {
            if (c == '\n')
                crlf += '\r';
            crlf += c;
        }
        crlf += "trailing text\r\n";
        back.clear();
        ck_assert(pem_decode(as_bytes(crlf), "", back) == Err::ok);
        ck_assert(back == data);
    }
}
END_TEST

START_TEST(pem_find_and_labels)
{
    const std::string text =
        "leading junk -----BEGIN\n"
        "-----BEGIN CERTIFICATE-----\r\nYWJj\r\n-----END CERTIFICATE-----\r\n"
        "-----BEGIN RSA PRIVATE KEY-----\nZGVm\n-----END RSA PRIVATE KEY-----\n";
    Bytes t = as_bytes(text);
    PemBlock b;
    ck_assert(pem_find(t, "", b) == Err::ok);
    CHECK_STR(std::string(b.label), "CERTIFICATE");
    CHECK_STR(str(b.body), "\r\nYWJj\r\n");
    ck_assert_uint_eq(b.begin, text.find("-----BEGIN CERT"));

    // A label is a prefix match; the whole label is reported.
    ck_assert(pem_find(t, "RSA", b) == Err::ok);
    CHECK_STR(std::string(b.label), "RSA PRIVATE KEY");
    std::vector<std::uint8_t> out;
    ck_assert(pem_decode(t, "RSA PRIVATE KEY", out) == Err::ok);
    CHECK_STR(str(out), "def");

    // Labels are case-sensitive; absent ones are "unexpected header".
    ck_assert(pem_find(t, "certificate", b) == Err::base64_unexpected_header);
    ck_assert(pem_find(t, "EC PRIVATE KEY", b) == Err::base64_unexpected_header);
    ck_assert(pem_find(as_bytes("YWJj"), "", b) == Err::base64_unexpected_header);
    ck_assert(pem_find(Bytes(), "", b) == Err::base64_unexpected_header);

    // The END line's label is not checked.
    out.clear();
    ck_assert(pem_decode(as_bytes("-----BEGIN A-----\nYWJj\n-----END B-----\n"), "A", out) == Err::ok);
    CHECK_STR(str(out), "abc");

    // Encapsulated headers end the body at their first dash.
    out.clear();
    ck_assert(pem_decode(as_bytes("-----BEGIN A-----\nProc-Type: 4,ENCRYPTED\n\nYWJj\n-----END A-----\n"),
                         "A", out) == Err::ok);
    ck_assert_uint_eq(out.size(), 3);  // what "Proc" decodes to
    ck_assert(std::memcmp(out.data(), "\x3e\xba\x1c", 3) == 0);

    // Binary-safe: NUL bytes before and inside the markers are plain bytes.
    const char nul_text[] = "\0-----BEGIN X\0-----\nYWJj\n-----END X-----\n";
    out.clear();
    ck_assert(pem_decode(Bytes(reinterpret_cast<const std::uint8_t *>(nul_text), sizeof nul_text - 1), "X",
                         out) == Err::ok);
    CHECK_STR(str(out), "abc");
}
END_TEST

START_TEST(pem_list_of_blocks)
{
    std::string text = "bundle:\n";
    std::vector<std::vector<std::uint8_t>> items;
    for (unsigned i = 0; i < 5; i++) {
        items.push_back(pattern(10 + 37 * i, i));
        text += pem(i == 2 ? "X509 CRL" : "CERTIFICATE", items.back());
        text += "\n";
    }
    Bytes t = as_bytes(text);
    // Every block, whatever its label.
    std::size_t from = 0;
    unsigned count = 0;
    PemBlock b;
    while (pem_find(t, "", b, from) == Err::ok) {
        std::vector<std::uint8_t> der;
        ck_assert(base64_decode(b.body, der) == Err::ok);
        ck_assert(der == items[count]);
        ck_assert(b.next > b.begin && b.next <= t.size());
        from = b.next;
        count++;
    }
    ck_assert_uint_eq(count, 5);
    // Only the certificates.
    from = 0;
    count = 0;
    std::vector<std::uint8_t> der;
    while (pem_decode(t, "CERTIFICATE", der, from) == Err::ok) {
        ck_assert(der == items[count < 2 ? count : count + 1]);
        ck_assert(pem_find(t, "CERTIFICATE", b, from) == Err::ok);
        from = b.next;
        count++;
    }
    ck_assert_uint_eq(count, 4);
    ck_assert(pem_find(t, "", b, t.size()) == Err::base64_unexpected_header);
    ck_assert(pem_find(t, "", b, t.size() + 10) == Err::base64_unexpected_header);
}
END_TEST

START_TEST(pem_damaged_blocks)
{
    struct Case {
        const char *text;
        Err expect;
    };
    static const Case cases[] = {
        {"-----BEGIN X-----\nYWJj\n-----END X-----\n", Err::ok},
        {"-----BEGIN X-----\nYWJj\n-----END ", Err::ok},
        {"-----BEGIN X-----\nYWJj\n-----END", Err::base64_decoding},    // truncated END marker
        {"-----BEGIN X-----\nYWJj\n", Err::base64_decoding},            // no END line
        {"-----BEGIN X-----\nYW", Err::base64_decoding},                // cut in the body
        {"-----BEGIN X-----", Err::base64_decoding},                    // cut after BEGIN
        {"-----BEGIN X--", Err::base64_decoding},                       // cut in the BEGIN line
        {"-----BEGIN X", Err::base64_decoding},
        {"-----BEGIN", Err::base64_unexpected_header},
        {"-----BEGIN X-----\n-----END X-----\n", Err::base64_decoding},  // empty body
        {"-----BEGIN X-----\nYWJ\n-----END X-----\n", Err::base64_decoding},
        {"-----BEGIN X-----\nYW*j\n-----END X-----\n", Err::base64_decoding},
        {"-----BEGIN X-----\nYWJj\n----- END X-----\n", Err::base64_decoding},
        {"-----BEGIN X-----END \nYWJj\n", Err::base64_decoding},
        {"-----BEGIN Y-----\nYWJj\n-----END Y-----\n", Err::base64_unexpected_header},
    };
    for (const auto &c : cases) {
        std::vector<std::uint8_t> out;
        Err e = pem_decode(as_bytes(c.text), "X", out);
        ck_assert_msg(e == c.expect, "\"%s\": got %d", c.text, static_cast<int>(e));
    }
    // Every truncation of a valid block is either decoded or rejected.
    std::string full = pem("CERTIFICATE", pattern(120));
    for (std::size_t cut = 0; cut <= full.size(); cut++) {
        std::vector<std::uint8_t> der(full.begin(), full.begin() + static_cast<long>(cut));
        std::vector<std::uint8_t> out;
        Err e = pem_decode(Bytes(der), "CERTIFICATE", out);
        bool complete = cut >= full.size() - std::strlen("CERTIFICATE-----\n");
        ck_assert_msg(complete ? e == Err::ok : e != Err::ok, "cut %zu: %d", cut, static_cast<int>(e));
    }
}
END_TEST

START_TEST(search_is_linear)
{
    // Inputs that make a naive search take ~n*m steps (8*10^11 here): these
    // exceed the test case's timeout (30 s) without a linear algorithm.
    std::string hay(4000000, 'a');
    std::string needle(200000, 'a');
    needle.back() = 'b';
    Needle n(as_bytes(needle));
    ck_assert_uint_eq(n.find(as_bytes(hay)), Needle::npos);
    hay += 'b';
    ck_assert_uint_eq(n.find(as_bytes(hay)), hay.size() - needle.size());
    ck_assert_uint_eq(Needle(as_bytes("")).find(as_bytes("xyz"), 2), 2);
    ck_assert_uint_eq(Needle(as_bytes("aab")).find(as_bytes("aaab"), 0), 1);
    ck_assert_uint_eq(Needle(as_bytes("abab")).find(as_bytes("abaabab"), 0), 3);

    std::string label(200000, 'A');
    std::string text = "-----BEGIN " + std::string(4000000, 'A');
    PemBlock b;
    ck_assert(pem_find(as_bytes(text), label, b) == Err::base64_decoding);
    std::string many;
    for (int i = 0; i < 100000; i++)
        many += "-----BEGIN -----END ";
    ck_assert(pem_find(as_bytes(many), "", b) == Err::ok);
    std::vector<std::uint8_t> out;
    ck_assert(pem_decode(as_bytes(many), "", out) == Err::base64_decoding);
}
END_TEST

// --------------------------------------------------------------------- hex --

START_TEST(hex_rfc4648_vectors)
{
    static const char *const vec[][2] = {
        {"", ""}, {"f", "66"}, {"fo", "666f"}, {"foo", "666f6f"},
        {"foob", "666f6f62"}, {"fooba", "666f6f6261"}, {"foobar", "666f6f626172"},
    };
    for (auto &v : vec) {
        std::vector<std::uint8_t> out;
        Writer w(out);
        ck_assert(hex_encode(as_bytes(v[0]), w));
        CHECK_STR(str(out), v[1]);
        // Decoding accepts either case (the RFC writes upper case).
        std::string upper = v[1];
        for (auto &c : upper)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        for (const std::string &text : {std::string(v[1]), upper}) {
            std::vector<std::uint8_t> back;
            Writer wb(back);
            ck_assert(hex_decode(as_bytes(text), wb) == Err::ok);
            CHECK_STR(str(back), v[0]);
        }
    }
}
END_TEST

START_TEST(hex_round_trip_and_errors)
{
    for (std::size_t n = 0; n <= 300; n++) {
        auto data = pattern(n, 77);
        std::vector<std::uint8_t> text, back(n);
        Writer w(text);
        ck_assert(hex_encode(data, w));
        ck_assert_uint_eq(text.size(), 2 * n);
        Writer wb{MutableBytes(back)};
        ck_assert(hex_decode(text, wb) == Err::ok);
        ck_assert_uint_eq(wb.size(), n);
        ck_assert(back == data);
        if (n > 0) {
            std::vector<std::uint8_t> small(n - 1);
            Writer ws{MutableBytes(small)};
            ck_assert(hex_decode(text, ws) == Err::short_memory_buffer);
        }
    }
    std::vector<std::uint8_t> out;
    for (const char *bad : {"0", "abc", "0g", "g0", "ab cd", " ab", "ab:", "0x12"}) {
        out.clear();
        Writer w(out);
        ck_assert_msg(hex_decode(as_bytes(bad), w) == Err::parsing_error, "accepted \"%s\"", bad);
    }
    // Bytes before the error have been written.
    out.clear();
    Writer w(out);
    ck_assert(hex_decode(as_bytes("abcdz0"), w) == Err::parsing_error);
    ck_assert_uint_eq(out.size(), 2);
}
END_TEST

START_TEST(hex_lenient)
{
    struct Case {
        const char *text;
        std::size_t room;
        Err expect;
        const char *bytes;
        std::size_t n;
    };
    static const Case cases[] = {
        {"ab:cd:ef", 8, Err::ok, "\xab\xcd\xef", 3},
        {"AB CD\nef", 8, Err::ok, "\xab\xcd\xef", 3},
        {"0x12", 8, Err::ok, "\x00\x12", 2},
        {"1g", 8, Err::ok, "\x01", 1},
        {"zz", 8, Err::ok, "", 0},
        {":ab", 8, Err::ok, "\xab", 1},
        {"", 0, Err::ok, "", 0},
        {"abc", 8, Err::parsing_error, "\xab", 1},
        {"g1", 8, Err::parsing_error, "", 0},
        {"abc", 1, Err::short_memory_buffer, "\xab", 1},  // room is checked before the odd tail
        {"abcd", 1, Err::short_memory_buffer, "\xab", 1},
        {"abcd", 0, Err::short_memory_buffer, "", 0},
    };
    for (const auto &c : cases) {
        std::vector<std::uint8_t> buf(c.room + 1, 0xee);
        Writer w{MutableBytes(buf.data(), c.room)};
        Err e = hex_decode_lenient(as_bytes(c.text), w);
        ck_assert_msg(e == c.expect, "\"%s\": %d", c.text, static_cast<int>(e));
        ck_assert(std::memcmp(buf.data(), c.bytes, c.n) == 0);
        ck_assert_uint_eq(buf[c.room], 0xee);
        if (e == Err::ok)
            ck_assert_uint_eq(w.size(), c.n);
    }
}
END_TEST

START_TEST(hex_dump_format)
{
    const std::uint8_t in[] = {0x11, 0x22, 0x33, 0x44};
    auto dump = [&](std::size_t n, std::size_t room, const char *sep) {
        std::vector<char> buf(room + 8, '.');
        bool ok = hex_dump(Bytes(in, n), std::span<char>(buf.data(), room), sep);
        for (std::size_t i = room; i < buf.size(); i++)
            ck_assert_msg(buf[i] == '.', "wrote past the room at %zu", i);
        return ok ? std::string(buf.data(), room) : std::string("NULL");
    };
    ck_assert(dump(4, 2, "") == "NULL");
    ck_assert(dump(4, 3, "") == std::string("11\0", 3));
    ck_assert(dump(4, 9, "") == std::string("11223344\0", 9));
    ck_assert(dump(4, 8, "") == std::string("112233\0.", 8));
    ck_assert(dump(4, 12, ":") == std::string("11:22:33:44\0", 12));
    ck_assert(dump(4, 11, ":") == std::string("11:22:33\0..", 11));
    ck_assert(dump(0, 5, ":") == std::string("\0....", 5));
    // Longer separators overlap (as in the reference library) but stay in bounds.
    ck_assert(dump(3, 20, "XY") == std::string("11XY2XY3\0\0..........", 20));
    ck_assert(dump(3, 6, "VWXYZ") == std::string("11VWX\0", 6));
}
END_TEST

// ------------------------------------------------------------------- text --

START_TEST(utf16_conversions)
{
    std::vector<std::uint8_t> out;
    // "é€😀" in UTF-16BE and LE.
    const char be[] = "\x00\xe9\x20\xac\xd8\x3d\xde\x00";
    const char le[] = "\xe9\x00\xac\x20\x3d\xd8\x00\xde";
    const char utf8[] = "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
    ck_assert(utf16_to_utf8(as_bytes(std::string_view(be, 8)), true, out) == Err::ok);
    ck_assert(str(out) == utf8);
    out.clear();
    ck_assert(utf16_to_utf8(as_bytes(std::string_view(le, 8)), false, out) == Err::ok);
    ck_assert(str(out) == utf8);
    out.clear();
    ck_assert(utf8_to_utf16(as_bytes(utf8), true, out) == Err::ok);
    ck_assert(str(out) == std::string(be, 8));
    out.clear();
    ck_assert(utf8_to_utf16(as_bytes(utf8), false, out) == Err::ok);
    ck_assert(str(out) == std::string(le, 8));
    // An odd trailing byte is ignored; U+0000 is kept.
    out.clear();
    ck_assert(utf16_to_utf8(as_bytes(std::string_view("\x00\x41\x00\x00\x42", 5)), true, out) == Err::ok);
    ck_assert(str(out) == std::string("A\0", 2));
    // Unpaired surrogates.
    for (std::string_view bad : {std::string_view("\xd8\x3d", 2), std::string_view("\xde\x00", 2),
                                 std::string_view("\xd8\x3d\x00\x41", 4), std::string_view("\xd8\x00\xd8\x00", 4)}) {
        out.clear();
        ck_assert(utf16_to_utf8(as_bytes(bad), true, out) == Err::invalid_utf8_string);
    }
    // Malformed UTF-8: stray continuation, truncated, overlong, surrogate, too large.
    for (const char *bad : {"\x80", "\xc3", "\xe2\x82", "\xc0\x80", "\xc1\xbf", "\xe0\x9f\xbf",
                            "\xed\xa0\x80", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
                            "\xff"}) {
        out.clear();
        ck_assert_msg(utf8_to_utf16(as_bytes(bad), true, out) == Err::invalid_utf8_string, "accepted %s", bad);
    }
    // The limits that are valid.
    for (const char *good : {"\xc2\x80", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xee\x80\x80", "\xef\xbf\xbf",
                             "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf"}) {
        out.clear();
        ck_assert_msg(utf8_to_utf16(as_bytes(good), true, out) == Err::ok, "rejected %s", good);
        std::vector<std::uint8_t> back;
        ck_assert(utf16_to_utf8(out, true, back) == Err::ok);
        ck_assert(str(back) == good);
    }
}
END_TEST

START_TEST(ip_and_cidr_text)
{
    char buf[64];
    const std::uint8_t v4[] = {192, 168, 1, 2, 255, 255, 240, 0};
    ck_assert(ip_to_string(Bytes(v4, 4), std::span<char>(buf, 16)));
    ck_assert_str_eq(buf, "192.168.1.2");
    ck_assert(!ip_to_string(Bytes(v4, 4), std::span<char>(buf, 15)));
    ck_assert(!ip_to_string(Bytes(v4, 5), std::span<char>(buf, 64)));
    std::uint8_t v6[32] = {0x20, 0x01, 0x0d, 0xb8};
    v6[15] = 1;
    std::memset(v6 + 16, 0xff, 8);
    ck_assert(ip_to_string(Bytes(v6, 16), std::span<char>(buf, 48)));
    ck_assert_str_eq(buf, "2001:db8::1");
    ck_assert(!ip_to_string(Bytes(v6, 16), std::span<char>(buf, 47)));

    ck_assert(cidr_to_string(Bytes(v4, 8), std::span<char>(buf, 64)));
    ck_assert_str_eq(buf, "192.168.1.2/20");
    ck_assert(cidr_to_string(Bytes(v4, 8), std::span<char>(buf, 6)));
    ck_assert_str_eq(buf, "192.1");
    ck_assert(cidr_to_string(Bytes(v6, 32), std::span<char>(buf, 64)));
    ck_assert_str_eq(buf, "2001:db8::1/64");
    ck_assert(!cidr_to_string(Bytes(v6, 16), std::span<char>(buf, 64)));

    const std::uint8_t m1[] = {0xff, 0x00, 0xff, 0x00}, m2[] = {0xff, 0xfe, 0, 0}, m3[] = {0, 0, 0, 1};
    ck_assert_int_eq(netmask_prefix(Bytes(m1, 4)), -1);
    ck_assert_int_eq(netmask_prefix(Bytes(m2, 4)), 15);
    ck_assert_int_eq(netmask_prefix(Bytes(m3, 4)), -1);
    ck_assert_int_eq(netmask_prefix(Bytes(v6 + 16, 16)), 64);
}
END_TEST

START_TEST(memory_primitives)
{
    ck_assert_int_eq(ct_difference("abc", "abc", 3), 0);
    ck_assert_int_eq(ct_difference("a", "b", 1), 'a' ^ 'b');
    ck_assert_int_eq(ct_difference("\x11\x22", "\x22\x11", 2), 0x33);
    ck_assert_int_eq(ct_difference("x", "y", 0), 0);
    std::uint8_t buf[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    secure_fill(buf + 1, 0x1ab, 3);
    secure_fill(buf + 5, 0, 2);
    secure_fill(nullptr, 1, 0);
    const std::uint8_t want[8] = {1, 0xab, 0xab, 0xab, 5, 0, 0, 8};
    ck_assert(std::memcmp(buf, want, 8) == 0);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("encoding");
    TCase *b = tcase_create("base64");
    tcase_add_test(b, base64_rfc4648_vectors);
    tcase_add_test(b, base64_round_trip_all_lengths);
    tcase_add_test(b, base64_decoding_rules);
    tcase_add_test(b, base64_decoder_never_leaves_its_buffers);
    suite_add_tcase(s, b);
    TCase *p = tcase_create("pem");
    tcase_add_test(p, pem_encode_layout);
    tcase_add_test(p, pem_round_trip_all_lengths);
    tcase_add_test(p, pem_find_and_labels);
    tcase_add_test(p, pem_list_of_blocks);
    tcase_add_test(p, pem_damaged_blocks);
    suite_add_tcase(s, p);
    TCase *lin = tcase_create("linear");
    tcase_set_timeout(lin, 30);
    tcase_add_test(lin, search_is_linear);
    suite_add_tcase(s, lin);
    TCase *h = tcase_create("hex");
    tcase_add_test(h, hex_rfc4648_vectors);
    tcase_add_test(h, hex_round_trip_and_errors);
    tcase_add_test(h, hex_lenient);
    tcase_add_test(h, hex_dump_format);
    suite_add_tcase(s, h);
    TCase *t = tcase_create("text");
    tcase_add_test(t, utf16_conversions);
    tcase_add_test(t, ip_and_cidr_text);
    tcase_add_test(t, memory_primitives);
    suite_add_tcase(s, t);
    return s;
}
