// SPDX-License-Identifier: LGPL-2.1-or-later
// C facade: X.509 certificates (gnutls_x509_crt_*).
#include "api/api.hh"
#include "api/x509-crt.hh"

#include <gnutls/x509.h>

#include <new>
#include <string>
#include <vector>

#include "core/algo/algo.hh"
#include "core/asn1/asn1.hh"
#include "core/crypto/hash.hh"
#include "core/x509/ext.hh"
#include "core/x509/print.hh"

using namespace tlshim;

namespace {

// A string result in a caller buffer: on a short buffer the size needed
// counts the terminating NUL; on success *size is the length without it.
int copy_text(const std::string &s, void *dst, std::size_t *size) noexcept
{
    if (size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (dst == nullptr || *size < s.size() + 1) {
        *size = s.size() + 1;
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    std::memcpy(dst, s.data(), s.size());
    static_cast<char *>(dst)[s.size()] = '\0';
    *size = s.size();
    return 0;
}

bool loaded(gnutls_x509_crt_t c) noexcept { return c != nullptr && !c->cert.empty(); }

int import_one(gnutls_x509_crt_t cert, const gnutls_datum_t *data, int format)
{
    if (format == GNUTLS_X509_FMT_PEM)
        return api::to_gnutls(cert->cert.import_pem(Bytes(data->data, data->size)));
    return api::to_gnutls(cert->cert.import_der(Bytes(data->data, data->size)));
}

int dn_common(gnutls_x509_crt_t cert, bool issuer, std::string &s, bool rfc4514 = false)
{
    if (!loaded(cert))
        return GNUTLS_E_INVALID_REQUEST;
    Err e = issuer ? cert->cert.issuer_dn(s, rfc4514) : cert->cert.subject_dn(s, rfc4514);
    return api::to_gnutls(e);
}

}  // namespace

/**
 * gnutls_x509_crt_init:
 * @cert: where the new certificate object is stored
 *
 * Creates an empty certificate object, to be filled with
 * gnutls_x509_crt_import() and released with gnutls_x509_crt_deinit().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_init(gnutls_x509_crt_t *cert)
{
    if (cert == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        *cert = new gnutls_x509_crt_int;
        return 0;
    });
}

/**
 * gnutls_x509_crt_deinit:
 * @cert: a certificate object, or %NULL
 *
 * Releases a certificate object and everything it holds.
 **/
TLSHIM_API void gnutls_x509_crt_deinit(gnutls_x509_crt_t cert)
{
    delete cert;
}

/**
 * gnutls_x509_crt_import:
 * @cert: the certificate object to fill
 * @data: the encoded certificate
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 *
 * Decodes a certificate into @cert.  In PEM form, the first block labelled
 * "X509 CERTIFICATE" or "CERTIFICATE" is used.  The object keeps a copy of
 * the DER encoding.
 *
 * Returns: zero on success; %GNUTLS_E_ASN1_DER_ERROR (or another ASN.1
 * error) when the encoding is not a certificate,
 * %GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR when no PEM block is found.
 **/
TLSHIM_API int gnutls_x509_crt_import(gnutls_x509_crt_t cert, const gnutls_datum_t *data,
                                      gnutls_x509_crt_fmt_t format)
{
    if (cert == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] { return import_one(cert, data, fmt); });
}

/**
 * gnutls_x509_crt_export:
 * @cert: a certificate
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @output_data: the buffer to write to, or %NULL to ask for the size
 * @output_data_size: in: the buffer's size; out: the length written or needed
 *
 * Writes the certificate in DER or PEM ("CERTIFICATE") form.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER (with the needed
 * size in @output_data_size) when the buffer is too small, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_export(gnutls_x509_crt_t cert, gnutls_x509_crt_fmt_t format,
                                      void *output_data, size_t *output_data_size)
{
    if (!loaded(cert) || output_data_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        if (fmt != GNUTLS_X509_FMT_PEM) {
            Bytes d = cert->cert.der();
            return api::copy_out(d.data(), d.size(), output_data, output_data_size);
        }
        std::vector<std::uint8_t> pem;
        if (Err e = cert->cert.export_pem(pem); !ok(e))
            return api::to_gnutls(e);
        return copy_text(std::string(pem.begin(), pem.end()), output_data, output_data_size);
    });
}

/**
 * gnutls_x509_crt_export2:
 * @cert: a certificate
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @out: receives the encoding, allocated with gnutls_malloc()
 *
 * Like gnutls_x509_crt_export(), into a newly allocated datum that the
 * caller releases with gnutls_free().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_export2(gnutls_x509_crt_t cert, gnutls_x509_crt_fmt_t format,
                                       gnutls_datum_t *out)
{
    if (!loaded(cert) || out == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        if (fmt != GNUTLS_X509_FMT_PEM) {
            Bytes d = cert->cert.der();
            return api::datum_out(d.data(), d.size(), out);
        }
        std::vector<std::uint8_t> pem;
        if (Err e = cert->cert.export_pem(pem); !ok(e))
            return api::to_gnutls(e);
        return api::datum_out(pem.data(), pem.size(), out, true);
    });
}

namespace {

// The DER of every certificate in `data`.
int split_list(const gnutls_datum_t *data, int fmt, std::vector<std::vector<std::uint8_t>> &ders)
{
    Bytes in(data->data, data->size);
    if (fmt == GNUTLS_X509_FMT_PEM) {
        if (Err e = x509::pem_certificates(in, ders); !ok(e))
            return api::to_gnutls(e);
        if (ders.empty())
            return GNUTLS_E_NO_CERTIFICATE_FOUND;
        return 0;
    }
    ders.emplace_back(in.begin(), in.end());
    return 0;
}

}  // namespace

/**
 * gnutls_x509_crt_list_import:
 * @certs: an array of at least *@cert_max certificate handles to fill
 * @cert_max: in: the array's size; out: the number of certificates imported (or found)
 * @data: one DER certificate, or PEM text with any number of them
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @flags: %GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED and related flags
 *
 * Imports a list of certificates, initialising one handle per certificate.
 * With %GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED, a text holding more
 * certificates than the array can take fails with
 * %GNUTLS_E_SHORT_MEMORY_BUFFER and @cert_max set to the number found;
 * without it, the first *@cert_max are imported.
 *
 * Returns: the number of certificates imported, or a negative error code
 * (%GNUTLS_E_NO_CERTIFICATE_FOUND when the text holds none).
 **/
TLSHIM_API int gnutls_x509_crt_list_import(gnutls_x509_crt_t *certs, unsigned int *cert_max,
                                           const gnutls_datum_t *data,
                                           gnutls_x509_crt_fmt_t format, unsigned int flags)
{
    if (cert_max == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        std::vector<std::vector<std::uint8_t>> ders;
        if (int r = split_list(data, fmt, ders); r < 0)
            return r;
        std::size_t n = ders.size();
        if (n > *cert_max) {
            if (flags & GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED) {
                *cert_max = static_cast<unsigned>(n);
                return GNUTLS_E_SHORT_MEMORY_BUFFER;
            }
            n = *cert_max;
        }
        if (n > 0 && certs == nullptr)
            return GNUTLS_E_INVALID_REQUEST;
        for (std::size_t i = 0; i < n; i++) {
            certs[i] = nullptr;
            int r = gnutls_x509_crt_init(&certs[i]);
            if (r == 0)
                r = api::to_gnutls(certs[i]->cert.import_der(ders[i]));
            if (r < 0) {
                for (std::size_t j = 0; j <= i; j++) {
                    gnutls_x509_crt_deinit(certs[j]);
                    certs[j] = nullptr;
                }
                return r;
            }
        }
        *cert_max = static_cast<unsigned>(n);
        return static_cast<int>(n);
    });
}

/**
 * gnutls_x509_crt_list_import2:
 * @certs: receives an array of certificates, allocated with gnutls_malloc()
 * @size: receives the number of certificates
 * @data: one DER certificate, or PEM text with any number of them
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @flags: flags of gnutls_x509_crt_list_import()
 *
 * Imports every certificate of @data.  The caller releases each
 * certificate with gnutls_x509_crt_deinit() and the array with gnutls_free().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_list_import2(gnutls_x509_crt_t **certs, unsigned int *size,
                                            const gnutls_datum_t *data,
                                            gnutls_x509_crt_fmt_t format, unsigned int flags)
{
    if (certs == nullptr || size == nullptr || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        std::vector<std::vector<std::uint8_t>> ders;
        if (int r = split_list(data, fmt, ders); r < 0)
            return r;
        auto *arr = static_cast<gnutls_x509_crt_t *>(gnutls_malloc(ders.size() * sizeof(gnutls_x509_crt_t)));
        if (arr == nullptr)
            return GNUTLS_E_MEMORY_ERROR;
        unsigned max = static_cast<unsigned>(ders.size());
        gnutls_datum_t d = *data;
        int r = gnutls_x509_crt_list_import(arr, &max, &d, format,
                                            flags | GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED);
        if (r < 0) {
            (gnutls_free)(arr);
            return r;
        }
        *certs = arr;
        *size = max;
        return 0;
    });
}

/**
 * gnutls_x509_crt_get_version:
 * @cert: a certificate
 *
 * Reads the version field of the certificate.
 *
 * Returns: the certificate's X.509 version (1 to 3), or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_version(gnutls_x509_crt_t cert)
{
    if (!loaded(cert))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return cert->cert.version(); });
}

/**
 * gnutls_x509_crt_get_serial:
 * @cert: a certificate
 * @result: the buffer for the serial number
 * @result_size: in: the buffer's size; out: the serial number's length
 *
 * Copies the serial number as the big-endian bytes of its DER INTEGER
 * (a leading zero byte kept).
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_serial(gnutls_x509_crt_t cert, void *result, size_t *result_size)
{
    if (!loaded(cert) || result_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> s;
        if (Err e = cert->cert.serial(s); !ok(e))
            return api::to_gnutls(e);
        return api::copy_out(s.data(), s.size(), result, result_size);
    });
}

/**
 * gnutls_x509_crt_get_activation_time:
 * @cert: a certificate
 *
 * Reads the notBefore time of the certificate.
 *
 * Returns: the start of the validity period (notBefore) in seconds since
 * the epoch, or (time_t)-1 on error.
 **/
TLSHIM_API time_t gnutls_x509_crt_get_activation_time(gnutls_x509_crt_t cert)
{
    if (!loaded(cert))
        return static_cast<time_t>(-1);
    return api::guard_value(static_cast<time_t>(-1), [&] { return cert->cert.activation_time(); });
}

/**
 * gnutls_x509_crt_get_expiration_time:
 * @cert: a certificate
 *
 * Reads the notAfter time of the certificate.
 *
 * Returns: the end of the validity period (notAfter) in seconds since the
 * epoch, or (time_t)-1 on error.
 **/
TLSHIM_API time_t gnutls_x509_crt_get_expiration_time(gnutls_x509_crt_t cert)
{
    if (!loaded(cert))
        return static_cast<time_t>(-1);
    return api::guard_value(static_cast<time_t>(-1), [&] { return cert->cert.expiration_time(); });
}

/**
 * gnutls_x509_crt_get_dn:
 * @cert: a certificate
 * @buf: the buffer for the NUL-terminated text, or %NULL to ask for the size
 * @buf_size: in: the buffer's size; out: the text's length (or the size needed)
 *
 * Writes the subject's distinguished name as RFC 4514 style text, the
 * RDNs in the order they are encoded, attribute types by their short names
 * or in dotted form, values escaped, non-string values as '#' and hex.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_dn(gnutls_x509_crt_t cert, char *buf, size_t *buf_size)
{
    if (buf_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        if (int r = dn_common(cert, false, s); r < 0)
            return r;
        return copy_text(s, buf, buf_size);
    });
}

/**
 * gnutls_x509_crt_get_issuer_dn:
 * @cert: a certificate
 * @buf: the buffer for the NUL-terminated text, or %NULL to ask for the size
 * @buf_size: in: the buffer's size; out: the text's length (or the size needed)
 *
 * Like gnutls_x509_crt_get_dn(), for the issuer's name.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_issuer_dn(gnutls_x509_crt_t cert, char *buf, size_t *buf_size)
{
    if (buf_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        if (int r = dn_common(cert, true, s); r < 0)
            return r;
        return copy_text(s, buf, buf_size);
    });
}

namespace {

int dn_datum(gnutls_x509_crt_t cert, bool issuer, gnutls_datum_t *dn, bool rfc4514 = false)
{
    if (dn == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        if (int r = dn_common(cert, issuer, s, rfc4514); r < 0)
            return r;
        return api::datum_out(s.data(), s.size(), dn, true);
    });
}

}  // namespace

/**
 * gnutls_x509_crt_get_dn2:
 * @cert: a certificate
 * @dn: receives the subject's name as NUL-terminated text (gnutls_malloc'd)
 *
 * Like gnutls_x509_crt_get_dn(), into an allocated datum.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_dn2(gnutls_x509_crt_t cert, gnutls_datum_t *dn)
{
    return dn_datum(cert, false, dn);
}

/**
 * gnutls_x509_crt_get_dn3:
 * @cert: a certificate
 * @dn: receives the subject's name as NUL-terminated text (gnutls_malloc'd)
 * @flags: zero or %GNUTLS_X509_DN_FLAG_COMPAT
 *
 * Like gnutls_x509_crt_get_dn2(), except that without
 * %GNUTLS_X509_DN_FLAG_COMPAT the RDNs are listed last first, the order of
 * RFC 4514 (gnutls_x509_crt_get_dn() and gnutls_x509_crt_get_dn2() list
 * them in their encoded order).
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_dn3(gnutls_x509_crt_t cert, gnutls_datum_t *dn, unsigned int flags)
{
    return dn_datum(cert, false, dn, !(flags & GNUTLS_X509_DN_FLAG_COMPAT));
}

/**
 * gnutls_x509_crt_get_issuer_dn2:
 * @cert: a certificate
 * @dn: receives the issuer's name as NUL-terminated text (gnutls_malloc'd)
 *
 * Like gnutls_x509_crt_get_issuer_dn(), into an allocated datum.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_issuer_dn2(gnutls_x509_crt_t cert, gnutls_datum_t *dn)
{
    return dn_datum(cert, true, dn);
}

/**
 * gnutls_x509_crt_get_issuer_dn3:
 * @cert: a certificate
 * @dn: receives the issuer's name as NUL-terminated text (gnutls_malloc'd)
 * @flags: zero or %GNUTLS_X509_DN_FLAG_COMPAT
 *
 * Like gnutls_x509_crt_get_issuer_dn2(); the order of the RDNs follows
 * @flags as for gnutls_x509_crt_get_dn3().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_issuer_dn3(gnutls_x509_crt_t cert, gnutls_datum_t *dn,
                                              unsigned int flags)
{
    return dn_datum(cert, true, dn, !(flags & GNUTLS_X509_DN_FLAG_COMPAT));
}

/**
 * gnutls_x509_crt_get_raw_dn:
 * @cert: a certificate
 * @start: receives a copy of the subject's DER-encoded name (gnutls_malloc'd)
 *
 * Copies the subject name exactly as encoded in the certificate.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_raw_dn(gnutls_x509_crt_t cert, gnutls_datum_t *start)
{
    if (!loaded(cert) || start == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    Bytes raw;
    if (Err e = cert->cert.subject_raw(raw); !ok(e))
        return api::to_gnutls(e);
    return api::datum_out(raw.data(), raw.size(), start);
}

/**
 * gnutls_x509_crt_get_raw_issuer_dn:
 * @cert: a certificate
 * @start: receives a copy of the issuer's DER-encoded name (gnutls_malloc'd)
 *
 * Copies the issuer name exactly as encoded in the certificate.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_raw_issuer_dn(gnutls_x509_crt_t cert, gnutls_datum_t *start)
{
    if (!loaded(cert) || start == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    Bytes raw;
    if (Err e = cert->cert.issuer_raw(raw); !ok(e))
        return api::to_gnutls(e);
    return api::datum_out(raw.data(), raw.size(), start);
}

/**
 * gnutls_x509_crt_get_pk_algorithm:
 * @cert: a certificate
 * @bits: if not %NULL, receives the key's size in bits
 *
 * Identifies the algorithm of the certificate's subject public key.
 *
 * Returns: the subject public key's algorithm (a #gnutls_pk_algorithm_t),
 * %GNUTLS_PK_UNKNOWN for an algorithm tlshim does not know, or a negative
 * error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_pk_algorithm(gnutls_x509_crt_t cert, unsigned int *bits)
{
    if (!loaded(cert))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        return cert->cert.pk_algorithm(bits);
    });
}

/**
 * gnutls_x509_crt_get_signature_algorithm:
 * @cert: a certificate
 *
 * Identifies the algorithm of the issuer's signature, including the hash of an RSA-PSS signature from its parameters.
 *
 * Returns: the algorithm the issuer signed the certificate with (a
 * #gnutls_sign_algorithm_t), %GNUTLS_SIGN_UNKNOWN if it is not known, or a
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_signature_algorithm(gnutls_x509_crt_t cert)
{
    if (!loaded(cert))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return cert->cert.signature_algorithm(); });
}

/**
 * gnutls_x509_crt_get_fingerprint:
 * @cert: a certificate
 * @algo: the digest to compute
 * @buf: the buffer for the digest
 * @buf_size: in: the buffer's size; out: the digest's length
 *
 * Computes the digest of the certificate's DER encoding (as re-encoded from
 * the decoded structure, which for a well-formed certificate is the
 * imported encoding).
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_fingerprint(gnutls_x509_crt_t cert, gnutls_digest_algorithm_t algo,
                                               void *buf, size_t *buf_size)
{
    if (!loaded(cert) || buf_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int alg = api::raw(algo);
    std::size_t n = crypto::hash_output_size(static_cast<gnutls_digest_algorithm_t>(alg));
    if (n == 0)
        return GNUTLS_E_INVALID_REQUEST;
    if (buf == nullptr || *buf_size < n) {
        *buf_size = n;
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    return api::guard([&] {
        std::vector<std::uint8_t> der;
        if (Err e = cert->cert.reencode(der); !ok(e))
            return api::to_gnutls(e);
        Err e = crypto::Hash::compute(static_cast<gnutls_digest_algorithm_t>(alg), der,
                                      static_cast<std::uint8_t *>(buf));
        if (!ok(e))
            return api::to_gnutls(e);
        *buf_size = n;
        return 0;
    });
}

namespace {

int san_common(gnutls_x509_crt_t cert, unsigned seq, void *san, size_t *san_size,
               unsigned *san_type, unsigned *critical)
{
    if (!loaded(cert) || san_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        x509::AltName an;
        bool crit = false;
        Err e = cert->cert.alt_name(seq, an, crit);
        // GnuTLS 3.7.9 leaves *critical untouched here, whatever the
        // extension says; so does tlshim.
        (void)critical;
        if (!ok(e))
            return api::to_gnutls(e);
        if (san_type)
            *san_type = an.type;
        int r = an.text ? copy_text(std::string(an.value.begin(), an.value.end()), san, san_size)
                        : api::copy_out(an.value.data(), an.value.size(), san, san_size);
        return r < 0 ? r : static_cast<int>(an.type);
    });
}

}  // namespace

/**
 * gnutls_x509_crt_get_subject_alt_name:
 * @cert: a certificate
 * @seq: which alternative name, from 0
 * @san: the buffer for the name (text is NUL-terminated; an IP address is raw bytes)
 * @san_size: in: the buffer's size; out: the name's length
 * @critical: not written (GnuTLS 3.7.9 does not report the criticality here either)
 *
 * Reads one entry of the subject alternative name extension.
 *
 * Returns: the entry's type (a #gnutls_x509_subject_alt_name_t);
 * %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the last entry or without the
 * extension, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_subject_alt_name(gnutls_x509_crt_t cert, unsigned int seq, void *san,
                                                    size_t *san_size, unsigned int *critical)
{
    return san_common(cert, seq, san, san_size, nullptr, critical);
}

/**
 * gnutls_x509_crt_get_subject_alt_name2:
 * @cert: a certificate
 * @seq: which alternative name, from 0
 * @san: the buffer for the name
 * @san_size: in: the buffer's size; out: the name's length
 * @san_type: if not %NULL, receives the entry's type
 * @critical: not written, as in gnutls_x509_crt_get_subject_alt_name()
 *
 * Like gnutls_x509_crt_get_subject_alt_name(), also storing the type.
 *
 * Returns: the entry's type, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_subject_alt_name2(gnutls_x509_crt_t cert, unsigned int seq, void *san,
                                                     size_t *san_size, unsigned int *san_type,
                                                     unsigned int *critical)
{
    return san_common(cert, seq, san, san_size, san_type, critical);
}

/**
 * gnutls_x509_crt_get_basic_constraints:
 * @cert: a certificate
 * @critical: if not %NULL, receives the extension's criticality
 * @ca: if not %NULL, receives the cA flag
 * @pathlen: if not %NULL, receives the path length constraint, or -1 when absent
 *
 * Reads the basic constraints extension.
 *
 * Returns: the cA flag (0 or 1) on success,
 * %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE without the extension, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_basic_constraints(gnutls_x509_crt_t cert, unsigned int *critical,
                                                     unsigned int *ca, int *pathlen)
{
    if (!loaded(cert))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        bool crit = false, isca = false;
        int pl = -1;
        Err e = cert->cert.basic_constraints(crit, isca, pl);
        if (critical && e != Err::requested_data_not_available)
            *critical = crit;
        if (!ok(e))
            return api::to_gnutls(e);
        if (ca)
            *ca = isca;
        if (pathlen)
            *pathlen = pl;
        return isca ? 1 : 0;
    });
}

/**
 * gnutls_x509_crt_get_ca_status:
 * @cert: a certificate
 * @critical: if not %NULL, receives the basic constraints extension's criticality
 *
 * Tells whether the basic constraints extension marks the certificate as a CA.
 *
 * Returns: the cA flag of the basic constraints extension (0 or 1),
 * %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE without the extension, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_ca_status(gnutls_x509_crt_t cert, unsigned int *critical)
{
    unsigned ca = 0;
    return gnutls_x509_crt_get_basic_constraints(cert, critical, &ca, nullptr);
}

/**
 * gnutls_x509_crt_get_key_usage:
 * @cert: a certificate
 * @key_usage: receives the GNUTLS_KEY_* bits
 * @critical: if not %NULL, receives the extension's criticality
 *
 * Reads the key usage extension as a combination of GNUTLS_KEY_* bits.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE without
 * the extension, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_key_usage(gnutls_x509_crt_t cert, unsigned int *key_usage,
                                             unsigned int *critical)
{
    if (!loaded(cert) || key_usage == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        unsigned u = 0;
        bool crit = false;
        Err e = cert->cert.key_usage(u, crit);
        if (critical && e != Err::requested_data_not_available)
            *critical = crit;
        if (!ok(e))
            return api::to_gnutls(e);
        *key_usage = u;
        return 0;
    });
}

/**
 * gnutls_x509_crt_get_subject_key_id:
 * @cert: a certificate
 * @ret: the buffer for the key identifier
 * @ret_size: in: the buffer's size; out: the identifier's length
 * @critical: if not %NULL, receives the extension's criticality
 *
 * Reads the subject key identifier extension.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE without
 * the extension, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_subject_key_id(gnutls_x509_crt_t cert, void *ret, size_t *ret_size,
                                                  unsigned int *critical)
{
    if (!loaded(cert) || ret_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> id;
        bool crit = false;
        Err e = cert->cert.subject_key_id(id, crit);
        if (critical && e != Err::requested_data_not_available)
            *critical = crit;
        if (!ok(e))
            return api::to_gnutls(e);
        return api::copy_out(id.data(), id.size(), ret, ret_size);
    });
}

/**
 * gnutls_x509_crt_get_authority_key_id:
 * @cert: a certificate
 * @id: the buffer for the key identifier
 * @id_size: in: the buffer's size; out: the identifier's length
 * @critical: if not %NULL, receives the extension's criticality
 *
 * Reads the keyIdentifier field of the authority key identifier extension.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the
 * extension or the field is absent, %GNUTLS_E_SHORT_MEMORY_BUFFER, or
 * another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_authority_key_id(gnutls_x509_crt_t cert, void *id, size_t *id_size,
                                                    unsigned int *critical)
{
    if (!loaded(cert) || id_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> v;
        bool crit = false;
        Err e = cert->cert.authority_key_id(v, crit);
        if (critical && e != Err::requested_data_not_available)
            *critical = crit;
        if (!ok(e))
            return api::to_gnutls(e);
        return api::copy_out(v.data(), v.size(), id, id_size);
    });
}

/**
 * gnutls_x509_crt_get_extension_info:
 * @cert: a certificate
 * @indx: which extension, from 0
 * @oid: the buffer for the extension's OID (NUL-terminated text)
 * @oid_size: in: the buffer's size; out: the OID's length
 * @critical: if not %NULL, receives the extension's criticality
 *
 * Reports the OID and criticality of one extension, in the order of the certificate.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * last extension, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_extension_info(gnutls_x509_crt_t cert, unsigned int indx, void *oid,
                                                  size_t *oid_size, unsigned int *critical)
{
    if (!loaded(cert) || oid_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        const auto &exts = cert->cert.extensions();
        if (indx >= exts.size())
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        int r = copy_text(exts[indx].oid, oid, oid_size);
        if (r < 0)
            return r;
        if (critical)
            *critical = exts[indx].critical;
        return 0;
    });
}

/**
 * gnutls_x509_crt_get_extension_oid:
 * @cert: a certificate
 * @indx: which extension, from 0
 * @oid: the buffer for the extension's OID (NUL-terminated text)
 * @oid_size: in: the buffer's size; out: the OID's length
 *
 * Reports the OID of one extension, in the order of the certificate.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * last extension, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_extension_oid(gnutls_x509_crt_t cert, unsigned int indx, void *oid,
                                                 size_t *oid_size)
{
    return gnutls_x509_crt_get_extension_info(cert, indx, oid, oid_size, nullptr);
}

/**
 * gnutls_x509_crt_get_extension_data:
 * @cert: a certificate
 * @indx: which extension, from 0
 * @data: the buffer for the extension's DER value
 * @sizeof_data: in: the buffer's size; out: the value's length
 *
 * Copies the DER-encoded value of one extension (the contents of its extnValue).
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * last extension, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_extension_data(gnutls_x509_crt_t cert, unsigned int indx, void *data,
                                                  size_t *sizeof_data)
{
    if (!loaded(cert) || sizeof_data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const auto &exts = cert->cert.extensions();
    if (indx >= exts.size())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    return api::copy_out(exts[indx].value.data(), exts[indx].value.size(), data, sizeof_data);
}

/**
 * gnutls_x509_crt_get_extension_data2:
 * @cert: a certificate
 * @indx: which extension, from 0
 * @data: receives a copy of the extension's DER value (gnutls_malloc'd)
 *
 * Copies the DER-encoded value of one extension into an allocated datum.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * last extension, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_extension_data2(gnutls_x509_crt_t cert, unsigned int indx,
                                                   gnutls_datum_t *data)
{
    if (!loaded(cert) || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const auto &exts = cert->cert.extensions();
    if (indx >= exts.size())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    return api::datum_out(exts[indx].value.data(), exts[indx].value.size(), data);
}

/**
 * gnutls_x509_crt_get_extension_by_oid:
 * @cert: a certificate
 * @oid: the extension's OID in dotted form
 * @indx: which of the extensions with that OID, from 0
 * @buf: the buffer for the extension's DER value
 * @buf_size: in: the buffer's size; out: the value's length
 * @critical: if not %NULL, receives the extension's criticality
 *
 * Copies the DER-encoded value of an extension chosen by its OID.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when there
 * is no such extension, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another negative
 * error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_extension_by_oid(gnutls_x509_crt_t cert, const char *oid,
                                                    unsigned int indx, void *buf, size_t *buf_size,
                                                    unsigned int *critical)
{
    if (!loaded(cert) || oid == nullptr || buf_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const x509::Extension *x = cert->cert.extension(oid, indx);
    if (x == nullptr)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    int r = api::copy_out(x->value.data(), x->value.size(), buf, buf_size);
    if (r == 0 && critical)
        *critical = x->critical;
    return r;
}

/**
 * gnutls_x509_crt_get_extension_by_oid2:
 * @cert: a certificate
 * @oid: the extension's OID in dotted form
 * @indx: which of the extensions with that OID, from 0
 * @output: receives a copy of the extension's DER value (gnutls_malloc'd)
 * @critical: if not %NULL, receives the extension's criticality
 *
 * Copies the DER-encoded value of an extension chosen by its OID into an allocated datum.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when there
 * is no such extension, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_extension_by_oid2(gnutls_x509_crt_t cert, const char *oid,
                                                     unsigned int indx, gnutls_datum_t *output,
                                                     unsigned int *critical)
{
    if (!loaded(cert) || oid == nullptr || output == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const x509::Extension *x = cert->cert.extension(oid, indx);
    if (x == nullptr)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    int r = api::datum_out(x->value.data(), x->value.size(), output);
    if (r == 0 && critical)
        *critical = x->critical;
    return r;
}

/**
 * gnutls_x509_crt_equals:
 * @cert1: a certificate
 * @cert2: another certificate
 *
 * Compares two certificates.
 *
 * Returns: non-zero when both certificates have the same DER encoding.
 **/
TLSHIM_API unsigned int gnutls_x509_crt_equals(gnutls_x509_crt_t cert1, gnutls_x509_crt_t cert2)
{
    if (!loaded(cert1) || !loaded(cert2))
        return 0;
    Bytes a = cert1->cert.der(), b = cert2->cert.der();
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0;
}

/**
 * gnutls_x509_crt_equals2:
 * @cert1: a certificate
 * @der: a DER-encoded certificate
 *
 * Compares a certificate with a DER encoding.
 *
 * Returns: non-zero when the certificate's DER encoding equals @der.
 **/
TLSHIM_API unsigned int gnutls_x509_crt_equals2(gnutls_x509_crt_t cert1, const gnutls_datum_t *der)
{
    if (!loaded(cert1) || der == nullptr)
        return 0;
    Bytes a = cert1->cert.der();
    return a.size() == der->size && (a.empty() || std::memcmp(a.data(), der->data, a.size()) == 0);
}

// ---- further getters (public key parameters, identifiers, extensions) ----

namespace {

// The OID getters of GnuTLS 3.7.9 count the terminating NUL in the
// reported length, and ask for one more byte than that on a short buffer.
int oid_text(Err e, const std::string &oid, void *buf, size_t *size)
{
    if (!ok(e))
        return api::to_gnutls(e);
    if (buf == nullptr || *size < oid.size() + 2) {
        *size = oid.size() + 2;
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    std::memcpy(buf, oid.c_str(), oid.size() + 1);
    *size = oid.size() + 1;
    return 0;
}

// The magnitude of an INTEGER's contents, with a zero octet in front
// when the top bit is set (the form GnuTLS hands out for key parameters).
std::vector<std::uint8_t> mpi_bytes(const std::vector<std::uint8_t> &v)
{
    std::size_t i = 0;
    while (i < v.size() && v[i] == 0)
        i++;
    std::vector<std::uint8_t> out;
    if (i < v.size() && (v[i] & 0x80))
        out.push_back(0);
    out.insert(out.end(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
    return out;
}

int mpi_out(const std::vector<std::uint8_t> &v, gnutls_datum_t *d)
{
    if (d == nullptr)
        return 0;
    auto m = mpi_bytes(v);
    return api::datum_out(m.data(), m.size(), d);
}

// The decoded SubjectPublicKeyInfo and its key bits.
Err spki_parts(const x509::Certificate &c, asn1::Node &spki, std::vector<std::uint8_t> &key)
{
    Bytes raw;
    if (Err e = c.spki_raw(raw); !ok(e))
        return e;
    if (Err e = spki.decode("SubjectPublicKeyInfo", raw); !ok(e))
        return e;
    std::size_t bits = 0;
    return spki.read_bits("subjectPublicKey", key, bits);
}

}  // namespace

/**
 * gnutls_x509_crt_get_pk_oid:
 * @cert: a certificate
 * @oid: the buffer for the NUL-terminated OID, or %NULL to ask for the size
 * @oid_size: in: the buffer's size; out: the OID's length (or the size needed)
 *
 * Reads the OID of the certificate's public key algorithm, known or not.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_pk_oid(gnutls_x509_crt_t cert, char *oid, size_t *oid_size)
{
    if (!loaded(cert) || oid_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        Err e = cert->cert.pk_oid(s);
        return oid_text(e, s, oid, oid_size);
    });
}

/**
 * gnutls_x509_crt_get_signature_oid:
 * @cert: a certificate
 * @oid: the buffer for the NUL-terminated OID, or %NULL to ask for the size
 * @oid_size: in: the buffer's size; out: the OID's length (or the size needed)
 *
 * Reads the OID of the algorithm the certificate is signed with.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_signature_oid(gnutls_x509_crt_t cert, char *oid, size_t *oid_size)
{
    if (!loaded(cert) || oid_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        Err e = cert->cert.signature_oid(s);
        return oid_text(e, s, oid, oid_size);
    });
}

/**
 * gnutls_x509_crt_get_signature:
 * @cert: a certificate
 * @sig: the buffer for the signature value, or %NULL to ask for the size
 * @sizeof_sig: in: the buffer's size; out: the signature's length
 *
 * Reads the certificate's signature (the contents of its BIT STRING).
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_signature(gnutls_x509_crt_t cert, char *sig, size_t *sizeof_sig)
{
    if (!loaded(cert) || sizeof_sig == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> v;
        if (Err e = cert->cert.signature_value(v); !ok(e))
            return api::to_gnutls(e);
        return api::copy_out(v.data(), v.size(), sig, sizeof_sig);
    });
}

/**
 * gnutls_x509_crt_get_key_id:
 * @crt: a certificate
 * @flags: %GNUTLS_KEYID_USE_SHA1 (zero), %GNUTLS_KEYID_USE_SHA256 or %GNUTLS_KEYID_USE_SHA512
 * @output_data: the buffer for the identifier, or %NULL to ask for the size
 * @output_data_size: in: the buffer's size; out: the identifier's length
 *
 * Computes the identifier of the certificate's public key: the digest of
 * its DER SubjectPublicKeyInfo.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_key_id(gnutls_x509_crt_t crt, unsigned int flags, unsigned char *output_data,
                                          size_t *output_data_size)
{
    if (!loaded(crt) || output_data_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    gnutls_digest_algorithm_t h = (flags & GNUTLS_KEYID_USE_SHA512)   ? GNUTLS_DIG_SHA512
                                  : (flags & GNUTLS_KEYID_USE_SHA256) ? GNUTLS_DIG_SHA256
                                  : (flags & GNUTLS_KEYID_USE_BEST_KNOWN) ? GNUTLS_DIG_SHA512
                                                                      : GNUTLS_DIG_SHA1;
    return api::guard([&] {
        std::vector<std::uint8_t> id;
        if (Err e = x509::certificate_key_id(crt->cert, h, id); !ok(e))
            return api::to_gnutls(e);
        return api::copy_out(id.data(), id.size(), output_data, output_data_size);
    });
}

/**
 * gnutls_x509_crt_get_pk_rsa_raw:
 * @crt: a certificate with an RSA key
 * @m: receives the modulus (gnutls_malloc'd), or %NULL
 * @e: receives the public exponent (gnutls_malloc'd), or %NULL
 *
 * Reads the parameters of the certificate's RSA public key as big-endian
 * numbers.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a key of another
 * type, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_pk_rsa_raw(gnutls_x509_crt_t crt, gnutls_datum_t *m, gnutls_datum_t *e)
{
    if (!loaded(crt))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        int pk = crt->cert.pk_algorithm(nullptr);
        if (pk != GNUTLS_PK_RSA && pk != GNUTLS_PK_RSA_PSS)
            return GNUTLS_E_INVALID_REQUEST;
        asn1::Node spki, k;
        std::vector<std::uint8_t> key, n, x;
        if (Err r = spki_parts(crt->cert, spki, key); !ok(r))
            return api::to_gnutls(r);
        if (Err r = k.decode("RSAPublicKey", key); !ok(r))
            return api::to_gnutls(r);
        if (Err r = k.read("modulus", n); !ok(r))
            return api::to_gnutls(r);
        if (Err r = k.read("publicExponent", x); !ok(r))
            return api::to_gnutls(r);
        if (int r = mpi_out(n, m); r < 0)
            return r;
        if (int r = mpi_out(x, e); r < 0) {
            if (m) {
                (gnutls_free)(m->data);
                m->data = nullptr;
            }
            return r;
        }
        return 0;
    });
}

/**
 * gnutls_x509_crt_get_pk_dsa_raw:
 * @crt: a certificate with a DSA key
 * @p: receives the prime p (gnutls_malloc'd)
 * @q: receives the subgroup order q (gnutls_malloc'd)
 * @g: receives the generator g (gnutls_malloc'd)
 * @y: receives the public value y (gnutls_malloc'd)
 *
 * Reads the parameters of the certificate's DSA public key as big-endian
 * numbers.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a key of another
 * type, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_pk_dsa_raw(gnutls_x509_crt_t crt, gnutls_datum_t *p, gnutls_datum_t *q,
                                              gnutls_datum_t *g, gnutls_datum_t *y)
{
    if (!loaded(crt))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        if (crt->cert.pk_algorithm(nullptr) != GNUTLS_PK_DSA)
            return GNUTLS_E_INVALID_REQUEST;
        asn1::Node spki, params, pub;
        std::vector<std::uint8_t> key, pv, vp, vq, vg, vy;
        if (Err r = spki_parts(crt->cert, spki, key); !ok(r))
            return api::to_gnutls(r);
        if (Err r = spki.read("algorithm.parameters", pv); !ok(r))
            return api::to_gnutls(r);
        if (Err r = params.decode("DSAParameters", pv); !ok(r))
            return api::to_gnutls(r);
        if (Err r = pub.decode("DSAPublicKey", key); !ok(r))
            return api::to_gnutls(r);
        if (!ok(params.read("p", vp)) || !ok(params.read("q", vq)) || !ok(params.read("g", vg)) ||
            !ok(pub.read("", vy)))
            return GNUTLS_E_ASN1_DER_ERROR;
        gnutls_datum_t *outs[4] = {p, q, g, y};
        const std::vector<std::uint8_t> *vals[4] = {&vp, &vq, &vg, &vy};
        for (int i = 0; i < 4; i++) {
            if (int r = mpi_out(*vals[i], outs[i]); r < 0) {
                for (int j = 0; j < i; j++)
                    if (outs[j]) {
                        (gnutls_free)(outs[j]->data);
                        outs[j]->data = nullptr;
                    }
                return r;
            }
        }
        return 0;
    });
}

/**
 * gnutls_x509_crt_get_pk_ecc_raw:
 * @crt: a certificate with an elliptic-curve key
 * @curve: receives the curve
 * @x: receives the x coordinate, or the whole key of an EdDSA key (gnutls_malloc'd)
 * @y: receives the y coordinate (gnutls_malloc'd; empty for EdDSA keys)
 *
 * Reads the parameters of the certificate's ECDSA or EdDSA public key.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a key of another
 * type, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_pk_ecc_raw(gnutls_x509_crt_t crt, gnutls_ecc_curve_t *curve, gnutls_datum_t *x,
                                              gnutls_datum_t *y)
{
    if (!loaded(crt))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        int pk = crt->cert.pk_algorithm(nullptr);
        asn1::Node spki;
        std::vector<std::uint8_t> key;
        if (pk == GNUTLS_PK_EDDSA_ED25519 || pk == GNUTLS_PK_EDDSA_ED448) {
            if (Err r = spki_parts(crt->cert, spki, key); !ok(r))
                return api::to_gnutls(r);
            if (curve)
                *curve = pk == GNUTLS_PK_EDDSA_ED25519 ? GNUTLS_ECC_CURVE_ED25519 : GNUTLS_ECC_CURVE_ED448;
            if (x)
                if (int r = api::datum_out(key.data(), key.size(), x); r < 0)
                    return r;
            if (y) {
                y->data = nullptr;
                y->size = 0;
            }
            return 0;
        }
        if (pk != GNUTLS_PK_ECDSA)
            return GNUTLS_E_INVALID_REQUEST;
        if (Err r = spki_parts(crt->cert, spki, key); !ok(r))
            return api::to_gnutls(r);
        std::vector<std::uint8_t> params;
        asn1::Node ep;
        std::string oid;
        if (Err r = spki.read("algorithm.parameters", params); !ok(r))
            return api::to_gnutls(r);
        if (Err r = ep.decode("ECParameters", params); !ok(r))
            return api::to_gnutls(r);
        if (Err r = ep.read_oid("namedCurve", oid); !ok(r))
            return api::to_gnutls(r);
        const algo::Curve *c = algo::curve_by_oid(oid);
        if (!c)
            return GNUTLS_E_ECC_UNSUPPORTED_CURVE;
        std::size_t size = c->size;
        if (key.size() != 1 + 2 * size || key[0] != 0x04)
            return GNUTLS_E_PARSING_ERROR;
        if (curve)
            *curve = c->id;
        std::vector<std::uint8_t> vx(key.begin() + 1, key.begin() + 1 + static_cast<std::ptrdiff_t>(size));
        std::vector<std::uint8_t> vy(key.begin() + 1 + static_cast<std::ptrdiff_t>(size), key.end());
        if (int r = mpi_out(vx, x); r < 0)
            return r;
        if (int r = mpi_out(vy, y); r < 0) {
            if (x) {
                (gnutls_free)(x->data);
                x->data = nullptr;
            }
            return r;
        }
        return 0;
    });
}

namespace {

int unique_id(gnutls_x509_crt_t crt, bool issuer, char *buf, size_t *size)
{
    if (!loaded(crt) || size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> v;
        Err e = issuer ? crt->cert.issuer_unique_id(v) : crt->cert.subject_unique_id(v);
        if (e == Err::requested_data_not_available)
            return GNUTLS_E_ASN1_ELEMENT_NOT_FOUND;
        if (!ok(e))
            return api::to_gnutls(e);
        return api::copy_out(v.data(), v.size(), buf, size);
    });
}

}  // namespace

/**
 * gnutls_x509_crt_get_subject_unique_id:
 * @crt: a certificate
 * @buf: the buffer for the identifier, or %NULL to ask for the size
 * @buf_size: in: the buffer's size; out: the identifier's length
 *
 * Reads the subjectUniqueID of a version 2 or 3 certificate.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the
 * certificate has none, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another negative
 * error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_subject_unique_id(gnutls_x509_crt_t crt, char *buf, size_t *buf_size)
{
    return unique_id(crt, false, buf, buf_size);
}

/**
 * gnutls_x509_crt_get_issuer_unique_id:
 * @crt: a certificate
 * @buf: the buffer for the identifier, or %NULL to ask for the size
 * @buf_size: in: the buffer's size; out: the identifier's length
 *
 * Reads the issuerUniqueID of a version 2 or 3 certificate.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the
 * certificate has none, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another negative
 * error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_issuer_unique_id(gnutls_x509_crt_t crt, char *buf, size_t *buf_size)
{
    return unique_id(crt, true, buf, buf_size);
}

/**
 * gnutls_x509_crt_get_key_purpose_oid:
 * @cert: a certificate
 * @indx: which purpose of the extended key usage extension, from 0
 * @oid: the buffer for the NUL-terminated OID, or %NULL to ask for the size
 * @oid_size: in: the buffer's size; out: the OID's length (or the size needed)
 * @critical: receives the extension's criticality, or %NULL
 *
 * Reads one key purpose OID of the extended key usage extension.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * last purpose or without the extension, %GNUTLS_E_SHORT_MEMORY_BUFFER, or
 * another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_key_purpose_oid(gnutls_x509_crt_t cert, unsigned indx, void *oid,
                                                   size_t *oid_size, unsigned int *critical)
{
    if (!loaded(cert) || oid_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        const x509::Extension *x = cert->cert.extension(x509::kOidExtKeyUsage);
        if (!x)
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        if (critical)
            *critical = x->critical;
        std::vector<std::string> oids;
        if (Err e = x509::decode_key_purposes(x->value, oids); !ok(e))
            return api::to_gnutls(e);
        if (indx >= oids.size())
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        return copy_text(oids[indx], oid, oid_size);
    });
}

/**
 * gnutls_x509_crt_get_inhibit_anypolicy:
 * @cert: a certificate
 * @skipcerts: receives the number of certificates after which anyPolicy stops being accepted
 * @critical: receives the extension's criticality, or %NULL
 *
 * Looks for the inhibit anyPolicy extension (RFC 5280, 4.2.1.14).  As in
 * GnuTLS 3.7.9, a certificate that has the extension gets its criticality
 * stored and %GNUTLS_E_ASN1_TAG_ERROR; decode the value with
 * gnutls_x509_ext_import_inhibit_anypolicy() instead.
 *
 * Returns: %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE without the extension,
 * %GNUTLS_E_ASN1_TAG_ERROR with it, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_inhibit_anypolicy(gnutls_x509_crt_t cert, unsigned int *skipcerts,
                                                     unsigned int *critical)
{
    if (!loaded(cert))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        const x509::Extension *x = cert->cert.extension(x509::kOidInhibitAnyPolicy);
        if (!x)
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        if (critical)
            *critical = x->critical;
        // GnuTLS 3.7.9 reports a tag error for every inhibit anyPolicy
        // extension it finds in a certificate (its extension import
        // function decodes the same value fine); tlshim does the same.
        (void)skipcerts;
        return GNUTLS_E_ASN1_TAG_ERROR;
    });
}

/**
 * gnutls_x509_crt_get_private_key_usage_period:
 * @cert: a certificate
 * @activation: receives the start of the private key's usage period, or %NULL
 * @expiration: receives its end, or %NULL
 * @critical: receives the extension's criticality, or %NULL
 *
 * Reads the private key usage period extension; a bound that is absent is
 * reported as (time_t)-1.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE without
 * the extension, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_private_key_usage_period(gnutls_x509_crt_t cert, time_t *activation,
                                                            time_t *expiration, unsigned int *critical)
{
    if (!loaded(cert))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        const x509::Extension *x = cert->cert.extension(x509::kOidPrivateKeyUsagePeriod);
        if (!x)
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        x509::PrivateKeyUsagePeriod p;
        if (Err e = x509::decode_private_key_usage_period(x->value, p); !ok(e))
            return api::to_gnutls(e);
        if (activation)
            *activation = p.not_before;
        if (expiration)
            *expiration = p.not_after;
        if (critical)
            *critical = x->critical;
        return 0;
    });
}

/**
 * gnutls_x509_crt_get_proxy:
 * @cert: a proxy certificate (RFC 3820)
 * @critical: receives the extension's criticality, or %NULL
 * @pathlen: receives the path length constraint (-1 when unlimited), or %NULL
 * @policyLanguage: receives the policy language OID (gnutls_malloc'd), or %NULL
 * @policy: receives the policy (gnutls_malloc'd, NUL-terminated), or %NULL
 * @sizeof_policy: receives the policy's length, or %NULL
 *
 * Reads the proxy certificate information extension.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE without
 * the extension, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_proxy(gnutls_x509_crt_t cert, unsigned int *critical, int *pathlen,
                                         char **policyLanguage, char **policy, size_t *sizeof_policy)
{
    if (!loaded(cert))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        const x509::Extension *x = cert->cert.extension(x509::kOidProxy);
        if (!x)
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        x509::ProxyExt px;
        if (Err e = x509::decode_proxy(x->value, px); !ok(e))
            return api::to_gnutls(e);
        if (critical)
            *critical = x->critical;
        if (pathlen)
            *pathlen = px.pathlen;
        gnutls_datum_t lang{}, pol{};
        if (policyLanguage) {
            if (int r = api::datum_out(px.language.data(), px.language.size(), &lang, true); r < 0)
                return r;
            *policyLanguage = reinterpret_cast<char *>(lang.data);
        }
        if (policy) {
            if (px.has_policy) {
                if (int r = api::datum_out(px.policy.data(), px.policy.size(), &pol, true); r < 0) {
                    if (policyLanguage) {
                        (gnutls_free)(*policyLanguage);
                        *policyLanguage = nullptr;
                    }
                    return r;
                }
                *policy = reinterpret_cast<char *>(pol.data);
            } else {
                *policy = nullptr;
            }
        }
        if (sizeof_policy)
            *sizeof_policy = px.has_policy ? px.policy.size() : 0;
        return 0;
    });
}

/**
 * gnutls_x509_crt_set_pin_function:
 * @crt: a certificate
 * @fn: the callback asked for PINs, or %NULL
 * @userdata: the value passed to @fn
 *
 * Stores the PIN callback to use with this certificate.  tlshim has no
 * token support, so the callback is only kept.
 **/
TLSHIM_API void gnutls_x509_crt_set_pin_function(gnutls_x509_crt_t crt, gnutls_pin_callback_t fn, void *userdata)
{
    if (crt == nullptr)
        return;
    crt->cert.set_pin_function(reinterpret_cast<void (*)()>(fn), userdata);
}

namespace {

// The ASN.1 name of a GeneralName's CHOICE alternative, as
// GNUTLS_IA_ACCESSLOCATION_GENERALNAME_TYPE reports it.
const char *general_name_choice(gnutls_x509_subject_alt_name_t type) noexcept
{
    switch (type) {
    case GNUTLS_SAN_DNSNAME:
        return "dNSName";
    case GNUTLS_SAN_RFC822NAME:
        return "rfc822Name";
    case GNUTLS_SAN_URI:
        return "uniformResourceIdentifier";
    case GNUTLS_SAN_IPADDRESS:
        return "iPAddress";
    case GNUTLS_SAN_OTHERNAME:
        return "otherName";
    case GNUTLS_SAN_DN:
        return "directoryName";
    case GNUTLS_SAN_REGISTERED_ID:
        return "registeredID";
    default:
        return nullptr;
    }
}

}  // namespace

/**
 * gnutls_x509_crt_get_authority_info_access:
 * @crt: a certificate
 * @seq: which AccessDescription of the extension, counting from 0
 * @what: the piece wanted: %GNUTLS_IA_ACCESSMETHOD_OID, %GNUTLS_IA_ACCESSLOCATION_GENERALNAME_TYPE,
 *   %GNUTLS_IA_URI, %GNUTLS_IA_OCSP_URI or %GNUTLS_IA_CAISSUERS_URI
 * @data: receives a copy of it, allocated with gnutls_malloc()
 * @critical: receives the extension's critical flag, or %NULL
 *
 * Reads the Authority Information Access extension (RFC 5280 section
 * 4.2.2.1), one access description at a time. The method OID and the
 * location's type name come back as NUL-terminated strings whose size
 * counts the NUL; a URI comes back with its length, NUL-terminated as
 * well. %GNUTLS_IA_OCSP_URI and %GNUTLS_IA_CAISSUERS_URI return the URI of
 * description @seq only when its method is id-ad-ocsp or id-ad-caIssuers
 * respectively.
 *
 * Returns: zero on success; %GNUTLS_E_CONSTRAINT_ERROR when the extension
 * is marked critical, which RFC 5280 forbids;
 * %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the certificate has no such
 * extension, @seq is past the last
 * description, or the location is not a URI; %GNUTLS_E_UNKNOWN_ALGORITHM
 * when the description has another method than asked for;
 * %GNUTLS_E_INVALID_REQUEST for an unknown @what.
 *
 * Since: 3.0
 **/
TLSHIM_API int gnutls_x509_crt_get_authority_info_access(gnutls_x509_crt_t crt, unsigned int seq, int what,
                                                         gnutls_datum_t *data, unsigned int *critical)
{
    if (!loaded(crt) || data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        const x509::Extension *ext = crt->cert.extension(x509::kOidAia);
        if (ext == nullptr)
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        if (critical != nullptr)
            *critical = ext->critical ? 1 : 0;
        // RFC 5280 section 4.2.2.1: the extension must not be critical.
        if (ext->critical)
            return GNUTLS_E_CONSTRAINT_ERROR;
        switch (what) {
        case GNUTLS_IA_ACCESSMETHOD_OID:
        case GNUTLS_IA_ACCESSLOCATION_GENERALNAME_TYPE:
        case GNUTLS_IA_URI:
        case GNUTLS_IA_OCSP_URI:
        case GNUTLS_IA_CAISSUERS_URI:
            break;
        default:
            return GNUTLS_E_INVALID_REQUEST;
        }
        std::vector<x509::AccessDescription> ads;
        if (Err e = x509::decode_aia(ext->value, ads); !ok(e))
            return api::to_gnutls(e);
        if (seq >= ads.size())
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        const x509::AccessDescription &ad = ads[seq];
        if (what == GNUTLS_IA_ACCESSMETHOD_OID)
            return api::datum_out(ad.method.data(), ad.method.size() + 1, data);
        if (what == GNUTLS_IA_ACCESSLOCATION_GENERALNAME_TYPE) {
            const char *name = general_name_choice(ad.location.type);
            if (name == nullptr)
                return GNUTLS_E_X509_UNKNOWN_SAN;
            return api::datum_out(name, std::strlen(name) + 1, data);
        }
        if (what == GNUTLS_IA_OCSP_URI && ad.method != "1.3.6.1.5.5.7.48.1")
            return GNUTLS_E_UNKNOWN_ALGORITHM;
        if (what == GNUTLS_IA_CAISSUERS_URI && ad.method != "1.3.6.1.5.5.7.48.2")
            return GNUTLS_E_UNKNOWN_ALGORITHM;
        if (ad.location.type != GNUTLS_SAN_URI)
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        return api::datum_out(ad.location.data.data(), ad.location.data.size(), data, true);
    });
}

/**
 * gnutls_x509_crt_import_url:
 * @crt: a certificate
 * @url: a PKCS #11 URL ("pkcs11:...") or a system-store URL ("system:...")
 * @flags: gnutls_pkcs11_obj_flags bits
 *
 * Loads a certificate from a token or key store named by a URL. tlshim
 * reaches no PKCS #11 module, so a "pkcs11:" URL finds no object, as with
 * GnuTLS on a machine without tokens; system key stores exist only on
 * Windows.
 *
 * Returns: %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE for a "pkcs11:" URL,
 * %GNUTLS_E_UNIMPLEMENTED_FEATURE for a "system:" URL,
 * %GNUTLS_E_INVALID_REQUEST for anything else.
 *
 * Since: 3.4.0
 **/
TLSHIM_API int gnutls_x509_crt_import_url(gnutls_x509_crt_t crt, const char *url, unsigned int flags)
{
    (void)flags;
    if (crt == nullptr || url == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const std::string_view u(url);
    if (u.starts_with("pkcs11:"))
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (u.starts_with("system:"))
        return GNUTLS_E_UNIMPLEMENTED_FEATURE;
    return GNUTLS_E_INVALID_REQUEST;
}
