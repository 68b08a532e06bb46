// SPDX-License-Identifier: LGPL-2.1-or-later
// The exported group parameters are the published ones: each FFDHE prime is
// a safe prime of the stated size whose q is (p-1)/2 (RFC 7919), and each SRP
// prime is prime with the RFC 5054 generator.
#include <gnutls/gnutls.h>
#include <gmp.h>

#include "check-main.hh"

namespace {
struct Mpz {
    mpz_t v;
    Mpz() { mpz_init(v); }
    explicit Mpz(const gnutls_datum_t &d) { mpz_init(v); mpz_import(v, d.size, 1, 1, 1, 0, d.data); }
    ~Mpz() { mpz_clear(v); }
};

void check_ffdhe(const gnutls_datum_t &p, const gnutls_datum_t &q, const gnutls_datum_t &g,
                 unsigned bits, unsigned key_bits)
{
    Mpz P(p), Q(q), G(g), t;
    ck_assert_uint_eq(mpz_sizeinbase(P.v, 2), bits);
    ck_assert_uint_eq(p.size, bits / 8);
    ck_assert_int_eq(mpz_cmp_ui(G.v, 2), 0);
    mpz_sub_ui(t.v, P.v, 1);
    mpz_fdiv_q_2exp(t.v, t.v, 1);
    ck_assert_int_eq(mpz_cmp(t.v, Q.v), 0);
    ck_assert_int_ne(mpz_probab_prime_p(P.v, 2), 0);
    ck_assert_int_ne(mpz_probab_prime_p(Q.v, 2), 0);
    // RFC 7919: the top and bottom 64 bits are all ones.
    for (unsigned i = 0; i < 8; i++) {
        ck_assert_uint_eq(p.data[i], 0xff);
        ck_assert_uint_eq(p.data[p.size - 1 - i], 0xff);
    }
    ck_assert_uint_gt(key_bits, 0);
    ck_assert_uint_lt(key_bits, bits);
}
}  // namespace

START_TEST(ffdhe_groups)
{
    check_ffdhe(gnutls_ffdhe_2048_group_prime, gnutls_ffdhe_2048_group_q, gnutls_ffdhe_2048_group_generator, 2048, gnutls_ffdhe_2048_key_bits);
    check_ffdhe(gnutls_ffdhe_3072_group_prime, gnutls_ffdhe_3072_group_q, gnutls_ffdhe_3072_group_generator, 3072, gnutls_ffdhe_3072_key_bits);
    check_ffdhe(gnutls_ffdhe_4096_group_prime, gnutls_ffdhe_4096_group_q, gnutls_ffdhe_4096_group_generator, 4096, gnutls_ffdhe_4096_key_bits);
    check_ffdhe(gnutls_ffdhe_6144_group_prime, gnutls_ffdhe_6144_group_q, gnutls_ffdhe_6144_group_generator, 6144, gnutls_ffdhe_6144_key_bits);
    check_ffdhe(gnutls_ffdhe_8192_group_prime, gnutls_ffdhe_8192_group_q, gnutls_ffdhe_8192_group_generator, 8192, gnutls_ffdhe_8192_key_bits);
}
END_TEST

START_TEST(srp_groups)
{
    const struct {
        const gnutls_datum_t *p, *g;
        unsigned bits, gen;
    } groups[] = {
        {&gnutls_srp_1024_group_prime, &gnutls_srp_1024_group_generator, 1024, 2},
        {&gnutls_srp_1536_group_prime, &gnutls_srp_1536_group_generator, 1536, 2},
        {&gnutls_srp_2048_group_prime, &gnutls_srp_2048_group_generator, 2048, 2},
        {&gnutls_srp_3072_group_prime, &gnutls_srp_3072_group_generator, 3072, 5},
        {&gnutls_srp_4096_group_prime, &gnutls_srp_4096_group_generator, 4096, 5},
        {&gnutls_srp_8192_group_prime, &gnutls_srp_8192_group_generator, 8192, 19},
    };
    for (const auto &gr : groups) {
        Mpz P(*gr.p), G(*gr.g);
        ck_assert_uint_eq(mpz_sizeinbase(P.v, 2), gr.bits);
        ck_assert_int_eq(mpz_cmp_ui(G.v, gr.gen), 0);
        ck_assert_int_ne(mpz_probab_prime_p(P.v, 2), 0);
    }
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("abi-data");
    TCase *tc = tcase_create("groups");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, ffdhe_groups);
    tcase_add_test(tc, srp_groups);
    suite_add_tcase(s, tc);
    return s;
}
