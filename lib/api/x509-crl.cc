// SPDX-License-Identifier: LGPL-2.1-or-later
// C facade: certificate revocation lists (gnutls_x509_crl_*).
#include "api/api.hh"
#include "api/x509-crl.hh"
#include "api/x509-crt.hh"

#include <gnutls/x509.h>

#include <ctime>
#include <string>
#include <vector>


using namespace tlshim;

// The state of gnutls_x509_crl_iter_crt_serial(): the next entry to report.
struct gnutls_x509_crl_iter {
    std::size_t next = 0;
};

namespace {

bool loaded(gnutls_x509_crl_t c) noexcept { return c != nullptr && !c->crl.empty(); }

// A string in a caller buffer: on a short buffer the size needed counts the
// terminating NUL; on success *size is the length without it.
int copy_text(const void *s, std::size_t len, void *dst, std::size_t *size) noexcept
{
    if (size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (dst == nullptr || *size < len + 1) {
        *size = len + 1;
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    if (len)
        std::memcpy(dst, s, len);
    static_cast<char *>(dst)[len] = '\0';
    *size = len;
    return 0;
}

int copy_text(const std::string &s, void *dst, std::size_t *size) noexcept
{
    return copy_text(s.data(), s.size(), dst, size);
}

int import_one(gnutls_x509_crl_t crl, Bytes data, int format)
{
    if (format == GNUTLS_X509_FMT_PEM)
        return api::to_gnutls(crl->crl.import_pem(data));
    return api::to_gnutls(crl->crl.import_der(data));
}

// The DER of every CRL in `data`.
int split_list(const gnutls_datum_t *data, int fmt, std::vector<std::vector<std::uint8_t>> &ders)
{
    Bytes in(data->data, data->size);
    if (fmt == GNUTLS_X509_FMT_PEM) {
        if (Err e = x509::pem_crls(in, ders); !ok(e))
            return api::to_gnutls(e);
        if (ders.empty())
            return GNUTLS_E_BASE64_DECODING_ERROR;
        return 0;
    }
    ders.emplace_back(in.begin(), in.end());
    return 0;
}

}  // namespace

/**
 * gnutls_x509_crl_init:
 * @crl: where the new CRL object is stored
 *
 * Creates an empty certificate revocation list object, to be filled with
 * gnutls_x509_crl_import() and released with gnutls_x509_crl_deinit().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_init(gnutls_x509_crl_t *crl)
{
    if (crl == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        *crl = new gnutls_x509_crl_int;
        return 0;
    });
}

/**
 * gnutls_x509_crl_deinit:
 * @crl: a CRL object, or %NULL
 *
 * Releases a CRL object and everything it holds.
 **/
TLSHIM_API void gnutls_x509_crl_deinit(gnutls_x509_crl_t crl)
{
    delete crl;
}

/**
 * gnutls_x509_crl_import:
 * @crl: the CRL object to fill
 * @data: the encoded revocation list
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 *
 * Decodes a certificate revocation list into @crl.  In PEM form the first
 * block labelled "X509 CRL" is used.  The object keeps a copy of the DER.
 *
 * Returns: zero on success; an ASN.1 error such as
 * %GNUTLS_E_ASN1_DER_ERROR when the data is not a CRL,
 * %GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR when no PEM block is found.
 **/
TLSHIM_API int gnutls_x509_crl_import(gnutls_x509_crl_t crl, const gnutls_datum_t *data,
                                      gnutls_x509_crt_fmt_t format)
{
    if (crl == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] { return import_one(crl, Bytes(data->data, data->size), fmt); });
}

/**
 * gnutls_x509_crl_export:
 * @crl: a CRL
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @output_data: the buffer to write to, or %NULL to ask for the size
 * @output_data_size: in: the buffer's size; out: the length written or needed
 *
 * Writes the revocation list in DER, or in PEM with the label "X509 CRL".
 * The DER is produced from the decoded structure.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER (with the size
 * needed in @output_data_size) when the buffer is too small, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_export(gnutls_x509_crl_t crl, gnutls_x509_crt_fmt_t format,
                                      void *output_data, size_t *output_data_size)
{
    if (!loaded(crl) || output_data_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        if (fmt != GNUTLS_X509_FMT_PEM) {
            std::vector<std::uint8_t> d;
            if (Err e = crl->crl.reencode(d); !ok(e))
                return api::to_gnutls(e);
            return api::copy_out(d.data(), d.size(), output_data, output_data_size);
        }
        std::vector<std::uint8_t> pem;
        if (Err e = crl->crl.export_pem(pem); !ok(e))
            return api::to_gnutls(e);
        return copy_text(pem.data(), pem.size(), output_data, output_data_size);
    });
}

/**
 * gnutls_x509_crl_export2:
 * @crl: a CRL
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @out: receives the encoding, allocated with gnutls_malloc()
 *
 * Like gnutls_x509_crl_export(), into a new datum that the caller releases
 * with gnutls_free().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_export2(gnutls_x509_crl_t crl, gnutls_x509_crt_fmt_t format,
                                       gnutls_datum_t *out)
{
    if (!loaded(crl) || out == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        if (fmt != GNUTLS_X509_FMT_PEM) {
            std::vector<std::uint8_t> d;
            if (Err e = crl->crl.reencode(d); !ok(e))
                return api::to_gnutls(e);
            return api::datum_out(d.data(), d.size(), out);
        }
        std::vector<std::uint8_t> pem;
        if (Err e = crl->crl.export_pem(pem); !ok(e))
            return api::to_gnutls(e);
        return api::datum_out(pem.data(), pem.size(), out, true);
    });
}

/**
 * gnutls_x509_crl_list_import:
 * @crls: an array of at least *@crl_max CRL handles to fill
 * @crl_max: in: the array's size; out: the number of lists imported (or found)
 * @data: one DER list, or PEM text holding any number of "X509 CRL" blocks
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @flags: %GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED or zero
 *
 * Imports several revocation lists, initialising one handle for each.
 * When @data holds more than *@crl_max of them, the first *@crl_max are
 * imported, unless %GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED is given:
 * then nothing is imported, *@crl_max receives the number found and the
 * result is %GNUTLS_E_SHORT_MEMORY_BUFFER.
 *
 * Returns: the number of lists imported, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_list_import(gnutls_x509_crl_t *crls, unsigned int *crl_max,
                                           const gnutls_datum_t *data,
                                           gnutls_x509_crt_fmt_t format, unsigned int flags)
{
    if (crl_max == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        std::vector<std::vector<std::uint8_t>> ders;
        if (int r = split_list(data, fmt, ders); r < 0)
            return r;
        std::size_t n = ders.size();
        if (n > *crl_max) {
            if (flags & GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED) {
                *crl_max = static_cast<unsigned>(n);
                return GNUTLS_E_SHORT_MEMORY_BUFFER;
            }
            n = *crl_max;
        }
        if (n > 0 && crls == nullptr)
            return GNUTLS_E_INVALID_REQUEST;
        for (std::size_t i = 0; i < n; i++) {
            crls[i] = nullptr;
            int r = gnutls_x509_crl_init(&crls[i]);
            if (r == 0)
                r = api::to_gnutls(crls[i]->crl.import_der(ders[i]));
            if (r < 0) {
                for (std::size_t j = 0; j <= i; j++) {
                    gnutls_x509_crl_deinit(crls[j]);
                    crls[j] = nullptr;
                }
                return r;
            }
        }
        *crl_max = static_cast<unsigned>(n);
        return static_cast<int>(n);
    });
}

/**
 * gnutls_x509_crl_list_import2:
 * @crls: receives an array of CRLs, allocated with gnutls_malloc()
 * @size: receives the number of CRLs
 * @data: one DER list, or PEM text holding any number of them
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @flags: flags of gnutls_x509_crl_list_import()
 *
 * Imports every revocation list of @data.  The caller releases each with
 * gnutls_x509_crl_deinit() and the array with gnutls_free().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_list_import2(gnutls_x509_crl_t **crls, unsigned int *size,
                                            const gnutls_datum_t *data,
                                            gnutls_x509_crt_fmt_t format, unsigned int flags)
{
    if (crls == nullptr || size == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        std::vector<std::vector<std::uint8_t>> ders;
        if (int r = split_list(data, fmt, ders); r < 0)
            return r;
        auto *arr = static_cast<gnutls_x509_crl_t *>(gnutls_malloc(ders.size() * sizeof(gnutls_x509_crl_t)));
        if (arr == nullptr)
            return GNUTLS_E_MEMORY_ERROR;
        unsigned max = static_cast<unsigned>(ders.size());
        int r = gnutls_x509_crl_list_import(arr, &max, data, format,
                                            flags | GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED);
        if (r < 0) {
            (gnutls_free)(arr);
            return r;
        }
        *crls = arr;
        *size = max;
        return 0;
    });
}

/**
 * gnutls_x509_crl_get_raw_issuer_dn:
 * @crl: a CRL
 * @dn: receives the DER of the issuer name, allocated with gnutls_malloc()
 *
 * Gives the issuer's distinguished name exactly as encoded in the list.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_raw_issuer_dn(gnutls_x509_crl_t crl, gnutls_datum_t *dn)
{
    if (!loaded(crl) || dn == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        Bytes raw;
        if (Err e = crl->crl.issuer_raw(raw); !ok(e))
            return api::to_gnutls(e);
        return api::datum_out(raw.data(), raw.size(), dn);
    });
}

/**
 * gnutls_x509_crl_get_issuer_dn:
 * @crl: a CRL
 * @buf: the buffer for the name, or %NULL to ask for the size
 * @sizeof_buf: in: the buffer's size; out: the length written or needed
 *
 * Writes the issuer's distinguished name as a NUL-terminated string, its
 * components in the order in which they are encoded.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER when the buffer
 * is too small, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_issuer_dn(gnutls_x509_crl_t crl, char *buf, size_t *sizeof_buf)
{
    if (!loaded(crl) || sizeof_buf == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        if (Err e = crl->crl.issuer_dn(s, false); !ok(e))
            return api::to_gnutls(e);
        return copy_text(s, buf, sizeof_buf);
    });
}

namespace {

int issuer_datum(gnutls_x509_crl_t crl, gnutls_datum_t *dn, bool rfc4514)
{
    if (!loaded(crl) || dn == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        if (Err e = crl->crl.issuer_dn(s, rfc4514); !ok(e))
            return api::to_gnutls(e);
        return api::datum_out(s.data(), s.size(), dn, true);
    });
}

}  // namespace

/**
 * gnutls_x509_crl_get_issuer_dn2:
 * @crl: a CRL
 * @dn: receives the name as a NUL-terminated string, allocated with gnutls_malloc()
 *
 * Gives the issuer's distinguished name as text, its components in the
 * order in which they are encoded.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_issuer_dn2(gnutls_x509_crl_t crl, gnutls_datum_t *dn)
{
    return issuer_datum(crl, dn, false);
}

/**
 * gnutls_x509_crl_get_issuer_dn3:
 * @crl: a CRL
 * @dn: receives the name as a NUL-terminated string, allocated with gnutls_malloc()
 * @flags: zero, or %GNUTLS_X509_DN_FLAG_COMPAT
 *
 * Gives the issuer's distinguished name as text in RFC 4514 order (the
 * last encoded component first); with %GNUTLS_X509_DN_FLAG_COMPAT, in
 * encoded order as gnutls_x509_crl_get_issuer_dn2() does.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_issuer_dn3(gnutls_x509_crl_t crl, gnutls_datum_t *dn,
                                              unsigned flags)
{
    return issuer_datum(crl, dn, !(flags & GNUTLS_X509_DN_FLAG_COMPAT));
}

/**
 * gnutls_x509_crl_get_issuer_dn_by_oid:
 * @crl: a CRL
 * @oid: the attribute type to look for, in dotted form
 * @indx: which of the attributes of that type (0 for the first)
 * @raw_flag: zero for the value as text, non-zero for its DER encoding
 * @buf: the buffer for the value, or %NULL to ask for the size
 * @sizeof_buf: in: the buffer's size; out: the length written or needed
 *
 * Reads one attribute of the issuer's name, counting attributes in the
 * order in which they are encoded.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when
 * there is no such attribute, %GNUTLS_E_SHORT_MEMORY_BUFFER when the
 * buffer is too small, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_issuer_dn_by_oid(gnutls_x509_crl_t crl, const char *oid,
                                                    unsigned indx, unsigned int raw_flag,
                                                    void *buf, size_t *sizeof_buf)
{
    if (!loaded(crl) || oid == nullptr || sizeof_buf == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> v;
        if (Err e = crl->crl.issuer_attribute(oid, indx, raw_flag != 0, v); !ok(e))
            return api::to_gnutls(e);
        return copy_text(v.data(), v.size(), buf, sizeof_buf);
    });
}

/**
 * gnutls_x509_crl_get_dn_oid:
 * @crl: a CRL
 * @indx: which attribute of the issuer's name (0 for the first)
 * @oid: the buffer for the attribute type, or %NULL to ask for the size
 * @sizeof_oid: in: the buffer's size; out: the length written or needed
 *
 * Gives the type (an OID in dotted form) of an attribute of the issuer's
 * name, counting every attribute in the order in which they are encoded.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * last attribute, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_dn_oid(gnutls_x509_crl_t crl, unsigned indx, void *oid,
                                          size_t *sizeof_oid)
{
    if (!loaded(crl) || sizeof_oid == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        if (Err e = crl->crl.issuer_oid(indx, s); !ok(e))
            return api::to_gnutls(e);
        return copy_text(s, oid, sizeof_oid);
    });
}

/**
 * gnutls_x509_crl_get_signature_algorithm:
 * @crl: a CRL
 *
 * Tells which algorithm signed the list.
 *
 * Returns: a #gnutls_sign_algorithm_t value (%GNUTLS_SIGN_UNKNOWN when the
 * algorithm is not known), or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_signature_algorithm(gnutls_x509_crl_t crl)
{
    if (!loaded(crl))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return crl->crl.signature_algorithm(); });
}

/**
 * gnutls_x509_crl_get_signature_oid:
 * @crl: a CRL
 * @oid: the buffer for the OID
 * @oid_size: in: the buffer's size; out: the length written or needed
 *
 * Gives the OID of the signature algorithm, in dotted form, whether or not
 * the algorithm is known.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER when the buffer
 * is too small, or another negative error code.
 *
 * Since: 3.5.0
 **/
TLSHIM_API int gnutls_x509_crl_get_signature_oid(gnutls_x509_crl_t crl, char *oid, size_t *oid_size)
{
    if (!loaded(crl) || oid_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        if (Err e = crl->crl.signature_oid(s); !ok(e))
            return api::to_gnutls(e);
        // The size reported counts the OID's terminating NUL.
        return copy_text(s.c_str(), s.size() + 1, oid, oid_size);
    });
}

/**
 * gnutls_x509_crl_get_signature:
 * @crl: a CRL
 * @sig: the buffer for the signature, or %NULL to ask for the size
 * @sizeof_sig: in: the buffer's size; out: the length written or needed
 *
 * Gives the signature value of the list (the contents of its BIT STRING).
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER when the buffer
 * is too small, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_signature(gnutls_x509_crl_t crl, char *sig, size_t *sizeof_sig)
{
    if (!loaded(crl) || sizeof_sig == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> v;
        if (Err e = crl->crl.signature_value(v); !ok(e))
            return api::to_gnutls(e);
        return api::copy_out(v.data(), v.size(), sig, sizeof_sig);
    });
}

/**
 * gnutls_x509_crl_get_version:
 * @crl: a CRL
 *
 * Reads the version field of the list.
 *
 * Returns: 1 or 2, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_version(gnutls_x509_crl_t crl)
{
    if (!loaded(crl))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return crl->crl.version(); });
}

/**
 * gnutls_x509_crl_get_this_update:
 * @crl: a CRL
 *
 * Gives the time at which the list was issued.
 *
 * Returns: the thisUpdate time, or (time_t)-1 on error.
 **/
TLSHIM_API time_t gnutls_x509_crl_get_this_update(gnutls_x509_crl_t crl)
{
    if (!loaded(crl))
        return static_cast<time_t>(-1);
    return crl->crl.this_update();
}

/**
 * gnutls_x509_crl_get_next_update:
 * @crl: a CRL
 *
 * Gives the time by which the issuer promises a newer list.
 *
 * Returns: the nextUpdate time, or (time_t)-1 when the list has none or on error.
 **/
TLSHIM_API time_t gnutls_x509_crl_get_next_update(gnutls_x509_crl_t crl)
{
    if (!loaded(crl))
        return static_cast<time_t>(-1);
    return crl->crl.next_update();
}

/**
 * gnutls_x509_crl_get_crt_count:
 * @crl: a CRL
 *
 * Counts the revoked certificates the list names.
 *
 * Returns: the number of entries, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_crt_count(gnutls_x509_crl_t crl)
{
    if (!loaded(crl))
        return GNUTLS_E_INVALID_REQUEST;
    return static_cast<int>(crl->crl.revoked().size());
}

namespace {

int serial_out(const x509::RevokedEntry &r, unsigned char *serial, size_t *serial_size, time_t *t)
{
    int rc = api::copy_out(r.serial.data(), r.serial.size(), serial, serial_size);
    if (rc < 0)
        return rc;
    if (t != nullptr)
        *t = r.when;
    return 0;
}

}  // namespace

/**
 * gnutls_x509_crl_get_crt_serial:
 * @crl: a CRL
 * @indx: which entry (0 for the first)
 * @serial: the buffer for the serial number
 * @serial_size: in: the buffer's size; out: the length written or needed
 * @t: receives the revocation time, or %NULL
 *
 * Reads one entry of the list: the serial number of a revoked certificate
 * (as encoded, big-endian) and when it was revoked.  Going through all the
 * entries is faster with gnutls_x509_crl_iter_crt_serial().
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * last entry, %GNUTLS_E_SHORT_MEMORY_BUFFER when the buffer is too small.
 **/
TLSHIM_API int gnutls_x509_crl_get_crt_serial(gnutls_x509_crl_t crl, unsigned indx,
                                              unsigned char *serial, size_t *serial_size, time_t *t)
{
    if (!loaded(crl) || serial_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const auto &list = crl->crl.revoked();
    if (indx >= list.size())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    return serial_out(list[indx], serial, serial_size, t);
}

/**
 * gnutls_x509_crl_iter_crt_serial:
 * @crl: a CRL
 * @iter: the iteration state: point it to a %NULL iterator before the first call
 * @serial: the buffer for the serial number
 * @serial_size: in: the buffer's size; out: the length written or needed
 * @t: receives the revocation time, or %NULL
 *
 * Reads the entries of the list one after the other, each call giving the
 * next one.  Release the iterator with gnutls_x509_crl_iter_deinit().
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE after
 * the last entry, or another negative error code.
 *
 * Since: 3.4.0
 **/
TLSHIM_API int gnutls_x509_crl_iter_crt_serial(gnutls_x509_crl_t crl, gnutls_x509_crl_iter_t *iter,
                                               unsigned char *serial, size_t *serial_size, time_t *t)
{
    if (!loaded(crl) || iter == nullptr || serial_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        if (*iter == nullptr)
            *iter = new gnutls_x509_crl_iter;
        const auto &list = crl->crl.revoked();
        if ((*iter)->next >= list.size())
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        int rc = serial_out(list[(*iter)->next], serial, serial_size, t);
        if (rc == 0)
            (*iter)->next++;
        return rc;
    });
}

/**
 * gnutls_x509_crl_iter_deinit:
 * @iter: an iterator from gnutls_x509_crl_iter_crt_serial(), or %NULL
 *
 * Releases the iteration state.
 **/
TLSHIM_API void gnutls_x509_crl_iter_deinit(gnutls_x509_crl_iter_t iter)
{
    delete iter;
}

/**
 * gnutls_x509_crl_check_issuer:
 * @crl: a CRL
 * @issuer: a certificate
 *
 * Tells whether @issuer's subject name is the name of the list's issuer.
 * The signature is not checked (see gnutls_x509_crl_verify()).
 *
 * Returns: 1 when the names match, 0 otherwise.
 **/
TLSHIM_API unsigned gnutls_x509_crl_check_issuer(gnutls_x509_crl_t crl, gnutls_x509_crt_t issuer)
{
    if (!loaded(crl) || issuer == nullptr || issuer->cert.empty())
        return 0;
    return api::guard_value(0u, [&] { return crl->crl.issued_by(issuer->cert) ? 1u : 0u; });
}

/**
 * gnutls_x509_crl_get_authority_key_id:
 * @crl: a CRL
 * @id: the buffer for the key identifier, or %NULL to ask for the size
 * @id_size: in: the buffer's size; out: the length written or needed
 * @critical: receives whether the extension is critical, or %NULL
 *
 * Reads the keyIdentifier of the list's authority key identifier
 * extension.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the
 * extension or the identifier is absent, %GNUTLS_E_SHORT_MEMORY_BUFFER when
 * the buffer is too small, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_authority_key_id(gnutls_x509_crl_t crl, void *id, size_t *id_size,
                                                    unsigned int *critical)
{
    if (!loaded(crl) || id_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> v;
        bool crit = false;
        Err e = crl->crl.authority_key_id(v, crit);
        if (e == Err::requested_data_not_available && !crl->crl.extension("2.5.29.35"))
            return api::to_gnutls(e);
        if (critical)
            *critical = crit;
        if (!ok(e))
            return api::to_gnutls(e);
        return api::copy_out(v.data(), v.size(), id, id_size);
    });
}

/**
 * gnutls_x509_crl_get_authority_key_gn_serial:
 * @crl: a CRL
 * @seq: which name of the authorityCertIssuer (0 for the first)
 * @alt: the buffer for the name
 * @alt_size: in: the buffer's size; out: the length written or needed
 * @alt_type: receives the name's type (a #gnutls_x509_subject_alt_name_t)
 * @serial: the buffer for the authorityCertSerialNumber
 * @serial_size: in: the buffer's size; out: the serial number's length
 * @critical: receives whether the extension is critical, or %NULL
 *
 * Reads the issuer name and serial number form of the authority key
 * identifier extension.  A directory name is given as a string in RFC 4514
 * order.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the
 * extension or the name is absent, %GNUTLS_E_SHORT_MEMORY_BUFFER when a
 * buffer is too small, or another negative error code.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_x509_crl_get_authority_key_gn_serial(gnutls_x509_crl_t crl, unsigned int seq,
                                                           void *alt, size_t *alt_size,
                                                           unsigned int *alt_type, void *serial,
                                                           size_t *serial_size, unsigned int *critical)
{
    if (!loaded(crl) || alt_size == nullptr || serial_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        const x509::Extension *x = crl->crl.extension("2.5.29.35");
        if (!x)
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        if (critical)
            *critical = x->critical;
        std::vector<std::uint8_t> value, ser;
        unsigned type = 0;
        bool crit = false;
        if (Err e = crl->crl.authority_key_gn_serial(seq, type, value, ser, crit); !ok(e))
            return api::to_gnutls(e);
        if (alt_type)
            *alt_type = type;
        if (alt == nullptr || *alt_size < value.size()) {
            *alt_size = value.size();
            return GNUTLS_E_SHORT_MEMORY_BUFFER;
        }
        if (!value.empty())
            std::memcpy(alt, value.data(), value.size());
        if (*alt_size > value.size())
            static_cast<std::uint8_t *>(alt)[value.size()] = 0;
        *alt_size = value.size();
        // The serial number's size is reported even when it does not fit.
        if (serial != nullptr && *serial_size >= ser.size() && !ser.empty())
            std::memcpy(serial, ser.data(), ser.size());
        *serial_size = ser.size();
        return 0;
    });
}

/**
 * gnutls_x509_crl_get_number:
 * @crl: a CRL
 * @ret: the buffer for the number, or %NULL to ask for the size
 * @ret_size: in: the buffer's size; out: the length written or needed
 * @critical: receives whether the extension is critical, or %NULL
 *
 * Reads the CRL number extension: the list's sequence number, as the
 * big-endian bytes of the INTEGER.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the
 * list has no number, %GNUTLS_E_SHORT_MEMORY_BUFFER when the buffer is too
 * small, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_number(gnutls_x509_crl_t crl, void *ret, size_t *ret_size,
                                          unsigned int *critical)
{
    if (!loaded(crl) || ret_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> v;
        bool crit = false;
        Err e = crl->crl.number(v, crit);
        if (!ok(e))
            return api::to_gnutls(e);
        if (critical)
            *critical = crit;
        return api::copy_out(v.data(), v.size(), ret, ret_size);
    });
}

namespace {

const x509::Extension *ext_at(gnutls_x509_crl_t crl, unsigned indx) noexcept
{
    const auto &v = crl->crl.extensions();
    return indx < v.size() ? &v[indx] : nullptr;
}

}  // namespace

/**
 * gnutls_x509_crl_get_extension_oid:
 * @crl: a CRL
 * @indx: which extension (0 for the first)
 * @oid: the buffer for the OID, or %NULL to ask for the size
 * @sizeof_oid: in: the buffer's size; out: the length written or needed
 *
 * Gives the OID, in dotted form, of one of the list's extensions.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * last extension, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_get_extension_oid(gnutls_x509_crl_t crl, unsigned indx, void *oid,
                                                 size_t *sizeof_oid)
{
    if (!loaded(crl) || sizeof_oid == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const x509::Extension *x = ext_at(crl, indx);
    if (!x)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    return copy_text(x->oid.data(), x->oid.size(), oid, sizeof_oid);
}

/**
 * gnutls_x509_crl_get_extension_info:
 * @crl: a CRL
 * @indx: which extension (0 for the first)
 * @oid: the buffer for the OID, or %NULL to ask for the size
 * @sizeof_oid: in: the buffer's size; out: the size written (terminating NUL
 *   included) or needed
 * @critical: receives whether the extension is critical, or %NULL
 *
 * Gives the OID and criticality of one of the list's extensions; its value
 * is read with gnutls_x509_crl_get_extension_data().
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * last extension, %GNUTLS_E_SHORT_MEMORY_BUFFER when the buffer is too small.
 **/
TLSHIM_API int gnutls_x509_crl_get_extension_info(gnutls_x509_crl_t crl, unsigned indx, void *oid,
                                                  size_t *sizeof_oid, unsigned int *critical)
{
    if (!loaded(crl) || sizeof_oid == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const x509::Extension *x = ext_at(crl, indx);
    if (!x)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    std::size_t need = x->oid.size() + 1;
    if (oid == nullptr || *sizeof_oid < need) {
        *sizeof_oid = need;
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    std::memcpy(oid, x->oid.c_str(), need);
    *sizeof_oid = need;
    if (critical)
        *critical = x->critical;
    return 0;
}

/**
 * gnutls_x509_crl_get_extension_data:
 * @crl: a CRL
 * @indx: which extension (0 for the first)
 * @data: the buffer for the value, or %NULL to ask for the size
 * @sizeof_data: in: the buffer's size; out: the length written or needed
 *
 * Gives the DER value (the contents of extnValue) of one of the list's
 * extensions.  With @data %NULL, only the size is reported, and the call
 * succeeds.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * last extension, %GNUTLS_E_SHORT_MEMORY_BUFFER when the buffer is too small.
 **/
TLSHIM_API int gnutls_x509_crl_get_extension_data(gnutls_x509_crl_t crl, unsigned indx, void *data,
                                                  size_t *sizeof_data)
{
    if (!loaded(crl) || sizeof_data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const x509::Extension *x = ext_at(crl, indx);
    if (!x)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (data == nullptr) {
        *sizeof_data = x->value.size();
        return 0;
    }
    return api::copy_out(x->value.data(), x->value.size(), data, sizeof_data);
}

/**
 * gnutls_x509_crl_get_extension_data2:
 * @crl: a CRL
 * @indx: which extension (0 for the first)
 * @data: receives a copy of the value, allocated with gnutls_malloc()
 *
 * Gives the DER value (the contents of extnValue) of one of the list's
 * extensions, in a new datum.
 *
 * Returns: zero on success, %GNUTLS_E_ASN1_ELEMENT_NOT_FOUND past the last
 * extension, or another negative error code.
 *
 * Since: 3.3.0
 **/
TLSHIM_API int gnutls_x509_crl_get_extension_data2(gnutls_x509_crl_t crl, unsigned indx,
                                                   gnutls_datum_t *data)
{
    if (!loaded(crl) || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const x509::Extension *x = ext_at(crl, indx);
    if (!x)
        return GNUTLS_E_ASN1_ELEMENT_NOT_FOUND;
    return api::datum_out(x->value.data(), x->value.size(), data);
}

/**
 * gnutls_x509_crl_print:
 * @crl: a CRL
 * @format: a #gnutls_certificate_print_formats_t; %GNUTLS_CRT_PRINT_UNSIGNED_FULL
 *   leaves out the issuer and the signature
 * @out: receives the NUL-terminated text, allocated with gnutls_malloc()
 *
 * Describes the revocation list in human-readable text: version, issuer,
 * update times, extensions, the revoked serial numbers and the signature.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_print(gnutls_x509_crl_t crl, gnutls_certificate_print_formats_t format,
                                     gnutls_datum_t *out)
{
    if (!loaded(crl) || out == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        std::string s;
        if (Err e = crl->crl.print(fmt, s); !ok(e))
            return api::to_gnutls(e);
        return api::datum_out(s.data(), s.size(), out, true);
    });
}

/**
 * gnutls_x509_crl_verify:
 * @crl: the CRL to check
 * @CA_list: candidate issuers
 * @CA_list_length: the number of certificates in @CA_list
 * @flags: #gnutls_certificate_verify_flags
 * @verify: receives the result, a combination of #gnutls_certificate_status_t bits
 *
 * Checks that the list was signed by the certificate of @CA_list whose
 * subject is the list's issuer, that this certificate may sign CRLs, and
 * (unless %GNUTLS_VERIFY_DISABLE_TIME_CHECKS is given) that the list is
 * current.  Zero in @verify means the list is valid;
 * %GNUTLS_CERT_SIGNER_NOT_FOUND, %GNUTLS_CERT_SIGNATURE_FAILURE,
 * %GNUTLS_CERT_INSECURE_ALGORITHM, %GNUTLS_CERT_SIGNER_NOT_CA,
 * %GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED and
 * %GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE tell why it is not.
 *
 * Returns: zero when the check could be carried out (whatever its result),
 * or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crl_verify(gnutls_x509_crl_t crl, const gnutls_x509_crt_t *CA_list,
                                      unsigned CA_list_length, unsigned int flags, unsigned int *verify)
{
    if (!loaded(crl) || (CA_list_length > 0 && CA_list == nullptr))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<const x509::Certificate *> cas;
        for (unsigned i = 0; i < CA_list_length; i++)
            cas.push_back(CA_list[i] ? &CA_list[i]->cert : nullptr);
        unsigned st = crl->crl.verify_status(cas, flags, std::time(nullptr));
        if (verify)
            *verify = st;
        return 0;
    });
}
