// SPDX-License-Identifier: LGPL-2.1-or-later
// C facade: distinguished name objects (gnutls_x509_dn_*, gnutls_x509_rdn_*)
// and the certificate getters that look into names by attribute OID.
//
// A gnutls_x509_dn_t is a tlshim::x509::DnObject: either one the
// application created with gnutls_x509_dn_init(), or one owned by a
// certificate (gnutls_x509_crt_get_subject() / get_issuer()).
#include "api/api.hh"
#include "api/x509-crt.hh"

#include <gnutls/x509.h>

#include <string>
#include <vector>

#include "core/encoding/base64.hh"
#include "core/x509/dn.hh"

using namespace tlshim;

namespace {

x509::DnObject *obj(gnutls_x509_dn_t dn) noexcept { return reinterpret_cast<x509::DnObject *>(dn); }

gnutls_x509_dn_t handle(const x509::DnObject &o) noexcept
{
    return reinterpret_cast<gnutls_x509_dn_t>(const_cast<x509::DnObject *>(&o));
}

bool loaded(gnutls_x509_crt_t c) noexcept { return c != nullptr && !c->cert.empty(); }

// Text or bytes into a caller buffer: a short buffer reports the length
// plus one (room for a terminating NUL); success reports the length.
int copy_terminated(const void *src, std::size_t len, void *dst, std::size_t *size) noexcept
{
    if (size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (dst == nullptr || *size < len + 1) {
        *size = len + 1;
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    if (len)
        std::memcpy(dst, src, len);
    static_cast<char *>(dst)[len] = '\0';
    *size = len;
    return 0;
}

// The DER of a name as text, RDNs last first (RFC 4514) unless `encoded_order`.
int name_text(Bytes der, bool encoded_order, std::string &s)
{
    return api::to_gnutls(x509::dn_to_string(der, s, !encoded_order));
}

int by_oid(const x509::DnObject &o, const char *oid, unsigned indx, unsigned raw, void *buf, size_t *size)
{
    if (oid == nullptr || size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const x509::Ava *a = o.find(oid, indx);
    if (!a)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (raw)
        return copy_terminated(a->value_der.data(), a->value_der.size(), buf, size);
    std::string s;
    if (Err e = x509::ava_text(*a, s); !ok(e))
        return api::to_gnutls(e);
    return copy_terminated(s.data(), s.size(), buf, size);
}

int oid_at(const x509::DnObject &o, unsigned indx, void *buf, size_t *size)
{
    if (size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    auto all = o.all();
    if (indx >= all.size())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    const std::string &oid = all[indx]->oid;
    return copy_terminated(oid.data(), oid.size(), buf, size);
}

}  // namespace

/**
 * gnutls_x509_crt_get_subject:
 * @cert: a certificate
 * @dn: receives the subject's name
 *
 * Gives access to the certificate's subject as a name object.  The object
 * belongs to @cert: it stays valid while @cert is neither re-imported nor
 * released, and must not be passed to gnutls_x509_dn_deinit().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_subject(gnutls_x509_crt_t cert, gnutls_x509_dn_t *dn)
{
    if (!loaded(cert) || dn == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *dn = handle(cert->cert.subject_object());
    return 0;
}

/**
 * gnutls_x509_crt_get_issuer:
 * @cert: a certificate
 * @dn: receives the issuer's name
 *
 * Like gnutls_x509_crt_get_subject(), for the issuer's name.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_issuer(gnutls_x509_crt_t cert, gnutls_x509_dn_t *dn)
{
    if (!loaded(cert) || dn == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *dn = handle(cert->cert.issuer_object());
    return 0;
}

/**
 * gnutls_x509_dn_init:
 * @dn: where the new, empty name object is stored
 *
 * Creates a name object, to be filled with gnutls_x509_dn_import() and
 * released with gnutls_x509_dn_deinit().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_dn_init(gnutls_x509_dn_t *dn)
{
    if (dn == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        *dn = handle(*new x509::DnObject);
        return 0;
    });
}

/**
 * gnutls_x509_dn_deinit:
 * @dn: a name object made by gnutls_x509_dn_init(), or %NULL
 *
 * Releases a name object.  Objects obtained from a certificate are not
 * released this way.
 **/
TLSHIM_API void gnutls_x509_dn_deinit(gnutls_x509_dn_t dn)
{
    delete obj(dn);
}

/**
 * gnutls_x509_dn_import:
 * @dn: a name object
 * @data: the DER encoding of a Name (a sequence of RDNs)
 *
 * Replaces the contents of @dn with the decoded name.
 *
 * Returns: zero on success, or a negative error code (an ASN.1 error when
 * @data is not a name).
 **/
TLSHIM_API int gnutls_x509_dn_import(gnutls_x509_dn_t dn, const gnutls_datum_t *data)
{
    if (dn == nullptr || data == nullptr || data->data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        x509::DnObject tmp;
        if (Err e = tmp.assign(Bytes(data->data, data->size)); !ok(e))
            return api::to_gnutls(e);
        *obj(dn) = std::move(tmp);
        return 0;
    });
}

namespace {

int export_common(gnutls_x509_dn_t dn, int fmt, std::vector<std::uint8_t> &out)
{
    const x509::DnObject *o = obj(dn);
    if (o->empty())
        return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
    if (fmt != GNUTLS_X509_FMT_PEM) {
        out = o->der;
        return 0;
    }
    out.clear();
    Writer w(out);
    return api::to_gnutls(encoding::pem_encode("NAME", o->der, w));
}

}  // namespace

/**
 * gnutls_x509_dn_export:
 * @dn: a name object
 * @format: %GNUTLS_X509_FMT_DER, or %GNUTLS_X509_FMT_PEM for text labelled "NAME"
 * @output_data: the buffer to write to, or %NULL to ask for the size
 * @output_data_size: in: the buffer's size; out: the length written or needed
 *
 * Writes the encoding of the name.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER with the needed
 * size in @output_data_size, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_dn_export(gnutls_x509_dn_t dn, gnutls_x509_crt_fmt_t format, void *output_data,
                                     size_t *output_data_size)
{
    if (dn == nullptr || output_data_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        std::vector<std::uint8_t> out;
        if (int r = export_common(dn, fmt, out); r < 0)
            return r;
        if (fmt == GNUTLS_X509_FMT_PEM)
            return copy_terminated(out.data(), out.size(), output_data, output_data_size);
        return api::copy_out(out.data(), out.size(), output_data, output_data_size);
    });
}

/**
 * gnutls_x509_dn_export2:
 * @dn: a name object
 * @format: %GNUTLS_X509_FMT_DER or %GNUTLS_X509_FMT_PEM
 * @out: receives the encoding, allocated with gnutls_malloc()
 *
 * Like gnutls_x509_dn_export(), into a newly allocated datum that the
 * caller releases with gnutls_free().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_dn_export2(gnutls_x509_dn_t dn, gnutls_x509_crt_fmt_t format, gnutls_datum_t *out)
{
    if (dn == nullptr || out == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        std::vector<std::uint8_t> v;
        if (int r = export_common(dn, fmt, v); r < 0)
            return r;
        return api::datum_out(v.data(), v.size(), out, fmt == GNUTLS_X509_FMT_PEM);
    });
}

/**
 * gnutls_x509_dn_get_str:
 * @dn: a name object
 * @str: receives the name as NUL-terminated text (gnutls_malloc'd)
 *
 * Formats the name as text with its RDNs in their encoded order, like
 * gnutls_x509_crt_get_dn().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_dn_get_str(gnutls_x509_dn_t dn, gnutls_datum_t *str)
{
    if (dn == nullptr || str == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        if (int r = name_text(obj(dn)->der, true, s); r < 0)
            return r;
        return api::datum_out(s.data(), s.size(), str, true);
    });
}

/**
 * gnutls_x509_dn_get_str2:
 * @dn: a name object
 * @str: receives the name as NUL-terminated text (gnutls_malloc'd)
 * @flags: zero, or %GNUTLS_X509_DN_FLAG_COMPAT for the encoded order
 *
 * Formats the name as text.  Without flags the RDNs are listed last
 * first, as RFC 4514 specifies; with %GNUTLS_X509_DN_FLAG_COMPAT in their
 * encoded order, as gnutls_x509_dn_get_str() does.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_dn_get_str2(gnutls_x509_dn_t dn, gnutls_datum_t *str, unsigned flags)
{
    if (dn == nullptr || str == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        if (int r = name_text(obj(dn)->der, (flags & GNUTLS_X509_DN_FLAG_COMPAT) != 0, s); r < 0)
            return r;
        return api::datum_out(s.data(), s.size(), str, true);
    });
}

/**
 * gnutls_x509_dn_get_rdn_ava:
 * @dn: a name object
 * @irdn: which RDN, from 0 in encoded order
 * @iava: which attribute of that RDN, from 0
 * @ava: receives the attribute: its OID (NUL-terminated, the size counting
 *   the NUL), the contents of its value and the value's ASN.1 tag
 *
 * Reads one attribute of a name.  The data pointed to belongs to @dn and
 * stays valid as long as @dn does.
 *
 * Returns: zero on success, %GNUTLS_E_ASN1_ELEMENT_NOT_FOUND when there is
 * no such attribute, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_dn_get_rdn_ava(gnutls_x509_dn_t dn, int irdn, int iava, gnutls_x509_ava_st *ava)
{
    if (dn == nullptr || ava == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const x509::DnObject *o = obj(dn);
    if (irdn < 0 || iava < 0 || static_cast<std::size_t>(irdn) >= o->rdns.size() ||
        static_cast<std::size_t>(iava) >= o->rdns[static_cast<std::size_t>(irdn)].size())
        return GNUTLS_E_ASN1_ELEMENT_NOT_FOUND;
    const x509::Ava &a = o->rdns[static_cast<std::size_t>(irdn)][static_cast<std::size_t>(iava)];
    ava->oid.data = reinterpret_cast<unsigned char *>(const_cast<char *>(a.oid.c_str()));
    ava->oid.size = static_cast<unsigned>(a.oid.size() + 1);
    ava->value.data = const_cast<unsigned char *>(a.value.data());
    ava->value.size = static_cast<unsigned>(a.value.size());
    ava->value_tag = a.tag;
    return 0;
}

/**
 * gnutls_x509_dn_oid_name:
 * @oid: a dotted attribute type OID
 * @flags: zero or %GNUTLS_X509_DN_OID_RETURN_OID
 *
 * Looks up the short name used for an attribute type in name strings
 * ("CN" for 2.5.4.3, ...).
 *
 * Returns: the short name; for a type without one, @oid itself with
 * %GNUTLS_X509_DN_OID_RETURN_OID, %NULL otherwise.
 **/
TLSHIM_API const char *gnutls_x509_dn_oid_name(const char *oid, unsigned int flags)
{
    if (oid == nullptr)
        return nullptr;
    const char *name = x509::dn_oid_name(oid);
    if (name)
        return name;
    return (flags & GNUTLS_X509_DN_OID_RETURN_OID) ? oid : nullptr;
}

/**
 * gnutls_x509_dn_oid_known:
 * @oid: a dotted attribute type OID
 *
 * Tells whether the library knows the attribute type, i.e. prints its
 * values as text in name strings.
 *
 * Returns: 1 for a known type, 0 otherwise.
 **/
TLSHIM_API int gnutls_x509_dn_oid_known(const char *oid)
{
    if (oid == nullptr)
        return 0;
    return x509::dn_oid_known(oid) ? 1 : 0;
}

/**
 * gnutls_x509_rdn_get:
 * @idn: the DER encoding of a name
 * @buf: the buffer for the NUL-terminated text, or %NULL to ask for the size
 * @sizeof_buf: in: the buffer's size; out: the text's length (or the size needed)
 *
 * Formats an encoded name as text, RDNs in their encoded order.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_rdn_get(const gnutls_datum_t *idn, char *buf, size_t *sizeof_buf)
{
    if (idn == nullptr || sizeof_buf == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        if (int r = name_text(Bytes(idn->data, idn->size), true, s); r < 0)
            return r;
        return copy_terminated(s.data(), s.size(), buf, sizeof_buf);
    });
}

/**
 * gnutls_x509_rdn_get2:
 * @idn: the DER encoding of a name
 * @str: receives the NUL-terminated text (gnutls_malloc'd)
 * @flags: zero, or %GNUTLS_X509_DN_FLAG_COMPAT for the encoded order
 *
 * Formats an encoded name as text; without flags the RDNs are listed last
 * first (RFC 4514).
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_rdn_get2(const gnutls_datum_t *idn, gnutls_datum_t *str, unsigned flags)
{
    if (idn == nullptr || str == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string s;
        if (int r = name_text(Bytes(idn->data, idn->size), (flags & GNUTLS_X509_DN_FLAG_COMPAT) != 0, s); r < 0)
            return r;
        return api::datum_out(s.data(), s.size(), str, true);
    });
}

/**
 * gnutls_x509_rdn_get_by_oid:
 * @idn: the DER encoding of a name
 * @oid: the attribute type to look for
 * @indx: which occurrence of that type, from 0
 * @raw_flag: zero for the value as (escaped) text, non-zero for its DER
 * @buf: the buffer for the value, or %NULL to ask for the size
 * @sizeof_buf: in: the buffer's size; out: the value's length (or the size needed)
 *
 * Reads one attribute value of an encoded name.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when
 * there is no such attribute, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_rdn_get_by_oid(const gnutls_datum_t *idn, const char *oid, unsigned indx,
                                          unsigned int raw_flag, void *buf, size_t *sizeof_buf)
{
    if (idn == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        x509::DnObject o;
        if (Err e = o.assign(Bytes(idn->data, idn->size)); !ok(e))
            return api::to_gnutls(e);
        return by_oid(o, oid, indx, raw_flag, buf, sizeof_buf);
    });
}

/**
 * gnutls_x509_rdn_get_oid:
 * @idn: the DER encoding of a name
 * @indx: which attribute, from 0, counting every attribute in encoded order
 * @buf: the buffer for the NUL-terminated OID, or %NULL to ask for the size
 * @sizeof_buf: in: the buffer's size; out: the OID's length (or the size needed)
 *
 * Reads the type of one attribute of an encoded name.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * last attribute, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_rdn_get_oid(const gnutls_datum_t *idn, unsigned indx, void *buf, size_t *sizeof_buf)
{
    if (idn == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        x509::DnObject o;
        if (Err e = o.assign(Bytes(idn->data, idn->size)); !ok(e))
            return api::to_gnutls(e);
        return oid_at(o, indx, buf, sizeof_buf);
    });
}

/**
 * gnutls_x509_crt_get_dn_by_oid:
 * @cert: a certificate
 * @oid: the attribute type to look for (e.g. %GNUTLS_OID_X520_COMMON_NAME)
 * @indx: which occurrence of that type, from 0
 * @raw_flag: zero for the value as (escaped) text, non-zero for its DER
 * @buf: the buffer for the value, or %NULL to ask for the size
 * @buf_size: in: the buffer's size; out: the value's length (or the size needed)
 *
 * Reads one attribute value of the subject's name.  A short buffer gets
 * the size needed including room for a terminating NUL.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when
 * there is no such attribute, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_dn_by_oid(gnutls_x509_crt_t cert, const char *oid, unsigned indx,
                                             unsigned int raw_flag, void *buf, size_t *buf_size)
{
    if (!loaded(cert))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return by_oid(cert->cert.subject_object(), oid, indx, raw_flag, buf, buf_size); });
}

/**
 * gnutls_x509_crt_get_issuer_dn_by_oid:
 * @cert: a certificate
 * @oid: the attribute type to look for
 * @indx: which occurrence of that type, from 0
 * @raw_flag: zero for the value as (escaped) text, non-zero for its DER
 * @buf: the buffer for the value, or %NULL to ask for the size
 * @buf_size: in: the buffer's size; out: the value's length (or the size needed)
 *
 * Like gnutls_x509_crt_get_dn_by_oid(), for the issuer's name.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_issuer_dn_by_oid(gnutls_x509_crt_t cert, const char *oid, unsigned indx,
                                                    unsigned int raw_flag, void *buf, size_t *buf_size)
{
    if (!loaded(cert))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return by_oid(cert->cert.issuer_object(), oid, indx, raw_flag, buf, buf_size); });
}

/**
 * gnutls_x509_crt_get_dn_oid:
 * @cert: a certificate
 * @indx: which attribute of the subject's name, from 0, in encoded order
 * @oid: the buffer for the NUL-terminated OID, or %NULL to ask for the size
 * @oid_size: in: the buffer's size; out: the OID's length (or the size needed)
 *
 * Reads the type of one attribute of the subject's name.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * last attribute, %GNUTLS_E_SHORT_MEMORY_BUFFER, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_dn_oid(gnutls_x509_crt_t cert, unsigned indx, void *oid, size_t *oid_size)
{
    if (!loaded(cert))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return oid_at(cert->cert.subject_object(), indx, oid, oid_size); });
}

/**
 * gnutls_x509_crt_get_issuer_dn_oid:
 * @cert: a certificate
 * @indx: which attribute of the issuer's name, from 0, in encoded order
 * @oid: the buffer for the NUL-terminated OID, or %NULL to ask for the size
 * @oid_size: in: the buffer's size; out: the OID's length (or the size needed)
 *
 * Like gnutls_x509_crt_get_dn_oid(), for the issuer's name.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_issuer_dn_oid(gnutls_x509_crt_t cert, unsigned indx, void *oid,
                                                 size_t *oid_size)
{
    if (!loaded(cert))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return oid_at(cert->cert.issuer_object(), indx, oid, oid_size); });
}
