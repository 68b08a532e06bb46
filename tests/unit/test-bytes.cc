// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the bounds-checked Reader and Writer and the secret containers.
#include "core/bytes.hh"
#include "core/secret.hh"

#include <cstring>

#include "check-main.hh"

using namespace tlshim;

START_TEST(reader_integers)
{
    const std::uint8_t in[] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a};
    Reader r(in, sizeof in);
    std::uint8_t a;
    std::uint16_t b;
    std::uint32_t c;
    ck_assert(r.u8(a) && a == 0x01);
    ck_assert(r.u16(b) && b == 0x0203);
    ck_assert(r.u24(c) && c == 0x040506);
    ck_assert(r.u32(c) && c == 0x0708090a);
    ck_assert(r.empty());
    ck_assert(!r.u8(a));
}
END_TEST

START_TEST(reader_short_input_consumes_nothing)
{
    const std::uint8_t in[] = {0xaa, 0xbb, 0xcc};
    Reader r(in, sizeof in);
    std::uint32_t v = 7;
    ck_assert(!r.u32(v));
    ck_assert_uint_eq(v, 7);
    ck_assert_uint_eq(r.remaining(), 3);
    Bytes b;
    ck_assert(!r.bytes(4, b));
    ck_assert_uint_eq(r.remaining(), 3);
    ck_assert(r.bytes(3, b) && b.size() == 3 && b[2] == 0xcc);
}
END_TEST

START_TEST(reader_vectors_and_bounds)
{
    // vec16 of 3 bytes, then vec8 claiming more bytes than remain.
    const std::uint8_t in[] = {0x00, 0x03, 'a', 'b', 'c', 0x05, 'x'};
    Reader r(in, sizeof in);
    Reader sub;
    ck_assert(!r.vec16(sub, 4, 10)); /* below min */
    ck_assert(!r.vec16(sub, 0, 2));  /* above max */
    ck_assert_uint_eq(r.remaining(), sizeof in);
    ck_assert(r.vec16(sub, 1, 10));
    ck_assert_uint_eq(sub.remaining(), 3);
    Reader tail;
    ck_assert(!r.vec8(tail));
    ck_assert_uint_eq(r.remaining(), 2);
    const std::uint8_t big[] = {0x00, 0x00, 0x02, 0x10, 0x20};
    Reader r24(big, sizeof big);
    ck_assert(r24.vec24(sub) && sub.remaining() == 2 && r24.empty());
}
END_TEST

START_TEST(writer_fixed_overflow_is_sticky)
{
    std::uint8_t buf[4];
    Writer w{MutableBytes(buf)};
    w.u16(0x0102).u8(3);
    ck_assert(w.ok());
    w.u16(0x0405); /* needs 2, has 1 */
    ck_assert(!w.ok());
    w.u8(9);
    ck_assert(!w.ok());
    ck_assert_uint_eq(w.size(), 3);
    ck_assert(buf[0] == 1 && buf[1] == 2 && buf[2] == 3);
}
END_TEST

START_TEST(writer_growable_and_length_prefix)
{
    std::vector<std::uint8_t> out = {0xee};
    Writer w(out);
    auto v = w.open(2);
    w.bytes(std::string_view("hello"));
    auto inner = w.open(1);
    w.u24(0x010203);
    w.close(inner);
    w.close(v);
    ck_assert(w.ok());
    const std::uint8_t want[] = {0xee, 0x00, 0x09, 'h', 'e', 'l', 'l', 'o', 0x03, 1, 2, 3};
    ck_assert_uint_eq(out.size(), sizeof want);
    ck_assert(std::memcmp(out.data(), want, sizeof want) == 0);
    ck_assert_uint_eq(w.written().size(), sizeof want - 1);
}
END_TEST

START_TEST(writer_prefix_limits)
{
    std::vector<std::uint8_t> out;
    Writer w(out);
    auto v = w.open(1);
    w.zeros(256);
    w.close(v);
    ck_assert(!w.ok()); /* 256 bytes do not fit a one-byte length */
    std::vector<std::uint8_t> out2;
    Writer w2(out2);
    auto v2 = w2.open(2);
    w2.zeros(10);
    w2.close(v2, 9);
    ck_assert(!w2.ok()); /* caller's maximum */
    std::vector<std::uint8_t> out3;
    Writer w3(out3);
    w3.u24(0x1000000);
    ck_assert(!w3.ok());
}
END_TEST

START_TEST(secrets_wipe)
{
    FixedSecret<32> s;
    ck_assert(s.resize(32));
    ck_assert(!s.resize(33));
    std::memset(s.data(), 0x5a, 32);
    s.clear();
    ck_assert_uint_eq(s.size(), 0);
    for (std::size_t i = 0; i < s.capacity(); i++)
        ck_assert_uint_eq(s.data()[i], 0);
    std::uint8_t a[4] = {1, 2, 3, 4}, b[4] = {1, 2, 3, 5};
    ck_assert_int_eq(ct_memcmp(a, a, 4), 0);
    ck_assert_int_ne(ct_memcmp(a, b, 4), 0);
    SecretBytes sb(16, 0x11);
    sb.resize(1000, 0x22); /* reallocation goes through the wiping allocator */
    ck_assert_uint_eq(sb[0], 0x11);
    ck_assert_uint_eq(sb[999], 0x22);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("bytes");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, reader_integers);
    tcase_add_test(tc, reader_short_input_consumes_nothing);
    tcase_add_test(tc, reader_vectors_and_bounds);
    tcase_add_test(tc, writer_fixed_overflow_is_sticky);
    tcase_add_test(tc, writer_growable_and_length_prefix);
    tcase_add_test(tc, writer_prefix_limits);
    tcase_add_test(tc, secrets_wipe);
    suite_add_tcase(s, tc);
    return s;
}
