// SPDX-License-Identifier: LGPL-2.1-or-later
// gnutls_dh_params_*: finite-field Diffie-Hellman groups held for a server.
//
// The object stores the prime, generator and (optionally) the subgroup order
// and private key size; they are imported from raw numbers or from a PKCS #3
// DHParameter structure (DER or PEM "DH PARAMETERS") and exported the same
// ways.  gnutls_dh_params_generate2() hands out one of the RFC 7919 groups
// instead of searching for a new prime.
#include "api/dh-params.hh"

#include <libtasn1.h>

#include <climits>
#include <cstring>
#include <new>
#include <string>

#include "api/api.hh"
#include "core/asn1/asn1.hh"
#include "core/encoding/base64.hh"
#include "core/pk/mpz.hh"

using namespace tlshim;

namespace {

constexpr const char *kPemLabel = "DH PARAMETERS";
constexpr const char *kAsn1Type = "DHParameter";

// The bytes of a datum, or an empty range for a null/empty one.
Bytes view(const gnutls_datum_t *d) noexcept
{
    if (d == nullptr || d->data == nullptr)
        return {};
    return {d->data, d->size};
}

// A datum that can be read as a number: present and not empty.
bool scannable(const gnutls_datum_t *d) noexcept
{
    return d != nullptr && d->data != nullptr && d->size != 0;
}

std::size_t bit_length(Bytes minimal) noexcept
{
    if (minimal.empty())
        return 0;
    unsigned top = minimal[0];
    std::size_t bits = (minimal.size() - 1) * 8;
    while (top != 0) {
        ++bits;
        top >>= 1;
    }
    return bits;
}

// An unsigned number as the contents of a DER INTEGER (a zero byte in
// front when the top bit is set; a single zero for the value zero).
std::vector<std::uint8_t> der_integer(Bytes minimal)
{
    std::size_t lead = minimal.empty() || (minimal[0] & 0x80) != 0 ? 1 : 0;
    std::vector<std::uint8_t> out(lead + minimal.size(), 0);
    Writer w{MutableBytes(out).subspan(lead)};
    w.bytes(minimal);
    return out;
}

std::vector<std::uint8_t> der_integer(unsigned long v)
{
    std::vector<std::uint8_t> be;
    for (; v != 0; v >>= 8)
        be.insert(be.begin(), static_cast<std::uint8_t>(v & 0xff));
    return der_integer(Bytes(be));
}

Err write_int(asn1::Node &n, const char *path, const std::vector<std::uint8_t> &value) noexcept
{
    return asn1::from_asn1(asn1_write_value(n.get(), path, value.data(), static_cast<int>(value.size())));
}

// The DHParameter DER of the parameters (PEM armoured when pem).
int encode(const gnutls_dh_params_int &params, bool pem, std::vector<std::uint8_t> &out)
{
    asn1::Node node;
    if (Err e = node.create(kAsn1Type); !ok(e))
        return api::to_gnutls(e);
    if (Err e = write_int(node, "prime", der_integer(Bytes(params.p))); !ok(e))
        return api::to_gnutls(e);
    if (Err e = write_int(node, "base", der_integer(Bytes(params.g))); !ok(e))
        return api::to_gnutls(e);
    Err e = params.q_bits != 0
                ? write_int(node, "privateValueLength", der_integer(static_cast<unsigned long>(params.q_bits)))
                : asn1::from_asn1(asn1_write_value(node.get(), "privateValueLength", nullptr, 0));
    if (!ok(e))
        return api::to_gnutls(e);
    std::vector<std::uint8_t> der;
    if (e = node.encode("", der); !ok(e))
        return api::to_gnutls(e);
    if (!pem) {
        out = std::move(der);
        return 0;
    }
    out.clear();
    Writer w(out);
    if (e = encoding::pem_encode(kPemLabel, der, w); !ok(e))
        return api::to_gnutls(e);
    return 0;
}

}  // namespace

void gnutls_dh_params_int::assign(Bytes prime, Bytes generator, Bytes order, unsigned bits)
{
    Bytes mp = pk::strip_leading_zeros(prime), mg = pk::strip_leading_zeros(generator),
          mq = pk::strip_leading_zeros(order);
    p.assign(mp.begin(), mp.end());
    g.assign(mg.begin(), mg.end());
    q.assign(mq.begin(), mq.end());
    present = true;
    q_bits = bits;
    // Numbers the key exchange cannot use simply leave `group` invalid.
    (void)group.set(p, g, q, bits);
}

/**
 * gnutls_dh_params_init:
 * @dh_params: where the new, empty parameters object is stored
 *
 * Creates an object to hold Diffie-Hellman group parameters.  Fill it with
 * one of the import functions or gnutls_dh_params_generate2(), and release
 * it with gnutls_dh_params_deinit().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_dh_params_init(gnutls_dh_params_t *dh_params)
{
    if (dh_params == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *dh_params = new (std::nothrow) gnutls_dh_params_int();
    return *dh_params == nullptr ? GNUTLS_E_MEMORY_ERROR : 0;
}

/**
 * gnutls_dh_params_deinit:
 * @dh_params: the parameters to release, or %NULL
 *
 * Frees a parameters object.  Credentials that were given it must not be
 * used afterwards.
 **/
TLSHIM_API void gnutls_dh_params_deinit(gnutls_dh_params_t dh_params)
{
    delete dh_params;
}

/**
 * gnutls_dh_params_cpy:
 * @dst: the object that receives the copy
 * @src: the parameters to copy
 *
 * Replaces the contents of @dst with the group held by @src, including its
 * subgroup order and private key size.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST when @src holds
 * nothing, or another negative error code.
 **/
TLSHIM_API int gnutls_dh_params_cpy(gnutls_dh_params_t dst, gnutls_dh_params_t src)
{
    if (dst == nullptr || src == nullptr || src->empty())
        return GNUTLS_E_INVALID_REQUEST;
    if (dst == src)
        return 0;
    return api::guard([&] {
        dst->assign(src->p, src->g, src->q, src->q_bits);
        return 0;
    });
}

/**
 * gnutls_dh_params_import_raw2:
 * @dh_params: the object to fill
 * @prime: the prime, an unsigned big-endian number
 * @generator: the generator, an unsigned big-endian number
 * @key_bits: the size in bits of the private exponents, or 0 for a default
 *
 * Stores a group given as raw numbers, with the private key size the
 * server should use for it.  The numbers are not checked here.
 *
 * Returns: zero on success, %GNUTLS_E_MPI_SCAN_FAILED when a number is
 * empty, or another negative error code.
 **/
TLSHIM_API int gnutls_dh_params_import_raw2(gnutls_dh_params_t dh_params, const gnutls_datum_t *prime,
                                            const gnutls_datum_t *generator, unsigned key_bits)
{
    if (dh_params == nullptr || prime == nullptr || generator == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (!scannable(prime) || !scannable(generator))
        return GNUTLS_E_MPI_SCAN_FAILED;
    return api::guard([&] {
        dh_params->assign(view(prime), view(generator), {}, key_bits);
        return 0;
    });
}

/**
 * gnutls_dh_params_import_raw:
 * @dh_params: the object to fill
 * @prime: the prime, an unsigned big-endian number
 * @generator: the generator, an unsigned big-endian number
 *
 * Stores a group given as raw numbers; the same as
 * gnutls_dh_params_import_raw2() without a private key size.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_dh_params_import_raw(gnutls_dh_params_t dh_params, const gnutls_datum_t *prime,
                                           const gnutls_datum_t *generator)
{
    return gnutls_dh_params_import_raw2(dh_params, prime, generator, 0);
}

/**
 * gnutls_dh_params_import_raw3:
 * @dh_params: the object to fill
 * @prime: the prime, an unsigned big-endian number
 * @q: the order of the subgroup the generator produces
 * @generator: the generator, an unsigned big-endian number
 *
 * Stores a group together with its subgroup order, which lets peer values
 * be checked fully.  The private key size becomes the size of @q.
 *
 * Returns: zero on success, %GNUTLS_E_MPI_SCAN_FAILED when a number is
 * empty, or another negative error code.
 *
 * Since: 3.6.8
 **/
TLSHIM_API int gnutls_dh_params_import_raw3(gnutls_dh_params_t dh_params, const gnutls_datum_t *prime,
                                            const gnutls_datum_t *q, const gnutls_datum_t *generator)
{
    if (dh_params == nullptr || prime == nullptr || q == nullptr || generator == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (!scannable(prime) || !scannable(q) || !scannable(generator))
        return GNUTLS_E_MPI_SCAN_FAILED;
    return api::guard([&] {
        Bytes mq = pk::strip_leading_zeros(view(q));
        dh_params->assign(view(prime), view(generator), mq, static_cast<unsigned>(bit_length(mq)));
        return 0;
    });
}

/**
 * gnutls_dh_params_import_pkcs3:
 * @params: the object to fill
 * @pkcs3_params: a PKCS #3 DHParameter structure
 * @format: %GNUTLS_X509_FMT_PEM for a "DH PARAMETERS" PEM block; any
 *   other value means DER
 *
 * Reads a group in the format OpenSSL's "dhparam" command and certtool
 * write.  When the structure carries a privateValueLength it becomes the
 * private key size.
 *
 * Returns: zero on success; %GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR when
 * no PEM block is found, an ASN.1 error for malformed DER,
 * %GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER for a zero prime or generator, or
 * another negative error code.
 **/
TLSHIM_API int gnutls_dh_params_import_pkcs3(gnutls_dh_params_t params, const gnutls_datum_t *pkcs3_params,
                                             gnutls_x509_crt_fmt_t format)
{
    if (params == nullptr || pkcs3_params == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        Bytes in = view(pkcs3_params);
        std::vector<std::uint8_t> pem_der;
        if (api::raw(format) == GNUTLS_X509_FMT_PEM) {
            if (Err e = encoding::pem_decode(in, kPemLabel, pem_der); !ok(e))
                return api::to_gnutls(e);
            in = pem_der;
        }
        asn1::Node node;
        if (Err e = node.decode(kAsn1Type, in, false); !ok(e))
            return api::to_gnutls(e);
        std::vector<std::uint8_t> p, g;
        if (Err e = node.read_integer("prime", p); !ok(e))
            return api::to_gnutls(e);
        if (Err e = node.read_integer("base", g); !ok(e))
            return api::to_gnutls(e);
        if (pk::strip_leading_zeros(p).empty() || pk::strip_leading_zeros(g).empty())
            return GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER;
        unsigned long bits = 0;
        if (Err e = node.read_uint("privateValueLength", bits); !ok(e) && e != Err::requested_data_not_available)
            return api::to_gnutls(e);
        params->assign(p, g, {}, static_cast<unsigned>(bits > UINT_MAX ? UINT_MAX : bits));
        return 0;
    });
}

/**
 * gnutls_dh_params_export2_pkcs3:
 * @params: the parameters to export
 * @format: %GNUTLS_X509_FMT_DER, or %GNUTLS_X509_FMT_PEM (any value other
 *   than DER gives PEM)
 * @out: receives the encoding, allocated with gnutls_malloc()
 *
 * Encodes the group as a PKCS #3 DHParameter structure; the private key
 * size, when known, is written as privateValueLength.  The PEM form uses
 * the label "DH PARAMETERS".  The data in @out is followed by a zero byte
 * that @out's size does not count; free it with gnutls_free().
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST when @params holds
 * nothing, or another negative error code.
 *
 * Since: 3.1.3
 **/
TLSHIM_API int gnutls_dh_params_export2_pkcs3(gnutls_dh_params_t params, gnutls_x509_crt_fmt_t format,
                                              gnutls_datum_t *out)
{
    if (params == nullptr || out == nullptr || params->empty())
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> enc;
        if (int rc = encode(*params, api::raw(format) != GNUTLS_X509_FMT_DER, enc); rc < 0)
            return rc;
        return api::datum_out(enc.data(), enc.size(), out, true);
    });
}

/**
 * gnutls_dh_params_export_pkcs3:
 * @params: the parameters to export
 * @format: %GNUTLS_X509_FMT_DER, or %GNUTLS_X509_FMT_PEM (any value other
 *   than DER gives PEM)
 * @params_data: the output buffer
 * @params_data_size: in: the size of @params_data; out: the length written
 *
 * Like gnutls_dh_params_export2_pkcs3() into a caller buffer.  The buffer
 * must have room for the encoding plus a terminating zero byte (which is
 * written but not counted); otherwise %GNUTLS_E_SHORT_MEMORY_BUFFER is
 * returned and @params_data_size receives the size needed.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_dh_params_export_pkcs3(gnutls_dh_params_t params, gnutls_x509_crt_fmt_t format,
                                             unsigned char *params_data, size_t *params_data_size)
{
    if (params == nullptr || params_data_size == nullptr || params->empty())
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> enc;
        if (int rc = encode(*params, api::raw(format) != GNUTLS_X509_FMT_DER, enc); rc < 0)
            return rc;
        if (*params_data_size < enc.size() + 1) {
            *params_data_size = enc.size() + 1;
            return GNUTLS_E_SHORT_MEMORY_BUFFER;
        }
        if (params_data != nullptr) {
            std::memcpy(params_data, enc.data(), enc.size());
            params_data[enc.size()] = 0;
        }
        *params_data_size = enc.size();
        return 0;
    });
}

/**
 * gnutls_dh_params_export_raw:
 * @params: the parameters to export
 * @prime: receives the prime (allocated with gnutls_malloc())
 * @generator: receives the generator (allocated with gnutls_malloc())
 * @bits: if not %NULL, receives the private key size in bits (0 when
 *   unspecified)
 *
 * Hands out the numbers of the group as unsigned big-endian byte strings
 * without leading zeros.  Free them with gnutls_free().
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST when @params holds
 * nothing, or another negative error code.
 **/
TLSHIM_API int gnutls_dh_params_export_raw(gnutls_dh_params_t params, gnutls_datum_t *prime,
                                           gnutls_datum_t *generator, unsigned int *bits)
{
    if (params == nullptr || prime == nullptr || generator == nullptr || params->empty())
        return GNUTLS_E_INVALID_REQUEST;
    if (int rc = api::datum_out(params->p.data(), params->p.size(), prime); rc < 0)
        return rc;
    if (int rc = api::datum_out(params->g.data(), params->g.size(), generator); rc < 0) {
        (gnutls_free)(prime->data);
        prime->data = nullptr;
        prime->size = 0;
        return rc;
    }
    if (bits != nullptr)
        *bits = params->q_bits;
    return 0;
}

/**
 * gnutls_dh_params_generate2:
 * @params: the object to fill
 * @bits: the wanted size of the prime in bits
 *
 * Provides a group with a prime of at least @bits bits.  Rather than
 * searching for a fresh prime (slow, and no safer), tlshim hands out the
 * smallest RFC 7919 group (2048, 3072, 4096, 6144 or 8192 bits) whose prime
 * has at least @bits bits, or the 8192-bit group for larger requests,
 * together with its subgroup order and recommended private key size.  So
 * the prime may be larger than asked for and is the same on every call.
 * Prefer gnutls_certificate_set_known_dh_params() and its equivalents.
 *
 * Returns: zero on success, %GNUTLS_E_ILLEGAL_PARAMETER when @bits is 0,
 * %GNUTLS_E_PK_GENERATION_ERROR when @bits is below 190, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_dh_params_generate2(gnutls_dh_params_t params, unsigned int bits)
{
    if (params == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (bits == 0)
        return GNUTLS_E_ILLEGAL_PARAMETER;
    if (bits < 190)
        return GNUTLS_E_PK_GENERATION_ERROR;
    const pk::FfdheGroup *grp = nullptr;
    for (unsigned size : {2048u, 3072u, 4096u, 6144u, 8192u}) {
        grp = pk::ffdhe_group(size);
        if (grp != nullptr && size >= bits)
            break;
    }
    if (grp == nullptr)
        return GNUTLS_E_INTERNAL_ERROR;
    return api::guard([&] {
        params->assign(grp->prime, grp->generator, grp->q, grp->key_bits);
        return 0;
    });
}
