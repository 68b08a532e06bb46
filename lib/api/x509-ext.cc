// SPDX-License-Identifier: LGPL-2.1-or-later
// C facade: extension codecs (gnutls_x509_ext_*), the small objects they
// fill (TLS features, key purposes) and the certificate getters on them.
#include "api/api.hh"
#include "api/x509-crt.hh"

#include <gnutls/x509.h>
#include <gnutls/x509-ext.h>

#include <string>
#include <vector>

#include "core/x509/ext.hh"

using namespace tlshim;

// Most entries a TLS features or key purposes object holds.
static constexpr std::size_t kMaxEntries = 64;

struct gnutls_x509_tlsfeatures_st {
    std::vector<std::uint16_t> features;
};

struct gnutls_x509_key_purposes_st {
    std::vector<std::string> oids;
};

namespace {

bool loaded(gnutls_x509_crt_t c) noexcept { return c != nullptr && !c->cert.empty(); }

Bytes view(const gnutls_datum_t *d) noexcept { return Bytes(d->data, d->size); }

int der_out(Err e, const std::vector<std::uint8_t> &der, gnutls_datum_t *ext)
{
    if (!ok(e))
        return api::to_gnutls(e);
    return api::datum_out(der.data(), der.size(), ext);
}

int merge_features(gnutls_x509_tlsfeatures_t f, const std::vector<std::uint16_t> &in, unsigned flags)
{
    if (!(flags & GNUTLS_EXT_FLAG_APPEND))
        f->features.clear();
    for (auto v : in) {
        bool dup = false;
        for (auto have : f->features)
            if (have == v)
                dup = true;
        if (dup)
            continue;
        if (f->features.size() >= kMaxEntries)
            return GNUTLS_E_INTERNAL_ERROR;
        f->features.push_back(v);
    }
    return 0;
}

}  // namespace

/**
 * gnutls_x509_tlsfeatures_init:
 * @features: where the new, empty TLS features object is stored
 *
 * Creates an object holding a list of TLS feature numbers (RFC 7633), to be
 * released with gnutls_x509_tlsfeatures_deinit().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_tlsfeatures_init(gnutls_x509_tlsfeatures_t *features)
{
    if (features == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        *features = new gnutls_x509_tlsfeatures_st;
        return 0;
    });
}

/**
 * gnutls_x509_tlsfeatures_deinit:
 * @f: a TLS features object, or %NULL
 *
 * Releases a TLS features object.
 **/
TLSHIM_API void gnutls_x509_tlsfeatures_deinit(gnutls_x509_tlsfeatures_t f)
{
    delete f;
}

/**
 * gnutls_x509_tlsfeatures_get:
 * @f: a TLS features object
 * @idx: which feature, from 0
 * @feature: receives the feature number (a TLS extension type)
 *
 * Reads one feature of the list.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * end of the list, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_tlsfeatures_get(gnutls_x509_tlsfeatures_t f, unsigned idx, unsigned int *feature)
{
    if (f == nullptr || feature == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (idx >= f->features.size())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    *feature = f->features[idx];
    return 0;
}

/**
 * gnutls_x509_tlsfeatures_add:
 * @f: a TLS features object
 * @feature: the feature number to add (a TLS extension type, below 65536)
 *
 * Appends a feature to the list.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a number out of
 * range, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_tlsfeatures_add(gnutls_x509_tlsfeatures_t f, unsigned int feature)
{
    if (f == nullptr || feature > 0xffff)
        return GNUTLS_E_INVALID_REQUEST;
    if (f->features.size() >= kMaxEntries)
        return GNUTLS_E_INTERNAL_ERROR;
    return api::guard([&] {
        f->features.push_back(static_cast<std::uint16_t>(feature));
        return 0;
    });
}

/**
 * gnutls_x509_ext_import_tlsfeatures:
 * @ext: the DER value of a TLS features extension
 * @f: the object to fill
 * @flags: zero to replace the contents of @f, or %GNUTLS_EXT_FLAG_APPEND
 *   to add the features it does not hold yet
 *
 * Decodes a TLS features extension (RFC 7633).
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_import_tlsfeatures(const gnutls_datum_t *ext, gnutls_x509_tlsfeatures_t f,
                                                  unsigned int flags)
{
    if (ext == nullptr || f == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint16_t> v;
        if (Err e = x509::decode_tlsfeatures(view(ext), v); !ok(e))
            return api::to_gnutls(e);
        return merge_features(f, v, flags);
    });
}

/**
 * gnutls_x509_ext_export_tlsfeatures:
 * @f: a TLS features object
 * @ext: receives the DER extension value (gnutls_malloc'd)
 *
 * Encodes the list as a TLS features extension value.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_export_tlsfeatures(gnutls_x509_tlsfeatures_t f, gnutls_datum_t *ext)
{
    if (f == nullptr || ext == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> der;
        Err e = x509::encode_tlsfeatures(f->features, der);
        return der_out(e, der, ext);
    });
}

/**
 * gnutls_x509_crt_get_tlsfeatures:
 * @cert: a certificate
 * @features: the object to fill
 * @flags: zero to replace the contents of @features, or %GNUTLS_EXT_FLAG_APPEND
 * @critical: receives the extension's criticality, or %NULL
 *
 * Reads the certificate's TLS features extension (RFC 7633).
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE without
 * the extension, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_tlsfeatures(gnutls_x509_crt_t cert, gnutls_x509_tlsfeatures_t features,
                                               unsigned int flags, unsigned int *critical)
{
    if (!loaded(cert) || features == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        const x509::Extension *x = cert->cert.extension(x509::kOidTlsFeatures);
        if (!x)
            return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        if (critical)
            *critical = x->critical;
        std::vector<std::uint16_t> v;
        if (Err e = x509::decode_tlsfeatures(x->value, v); !ok(e))
            return api::to_gnutls(e);
        return merge_features(features, v, flags);
    });
}

/**
 * gnutls_x509_tlsfeatures_check_crt:
 * @feat: the features a certificate must declare
 * @crt: a certificate
 *
 * Checks that every feature of @feat is listed in the TLS features
 * extension of @crt.
 *
 * Returns: 1 when all are (or @feat is empty), 0 otherwise.
 **/
TLSHIM_API unsigned gnutls_x509_tlsfeatures_check_crt(gnutls_x509_tlsfeatures_t feat, gnutls_x509_crt_t crt)
{
    if (feat == nullptr || !loaded(crt))
        return 0;
    if (feat->features.empty())
        return 1;
    return api::guard_value(0u, [&]() -> unsigned {
        const x509::Extension *x = crt->cert.extension(x509::kOidTlsFeatures);
        if (!x)
            return 0;
        std::vector<std::uint16_t> have;
        if (!ok(x509::decode_tlsfeatures(x->value, have)))
            return 0;
        for (auto want : feat->features) {
            bool found = false;
            for (auto h : have)
                if (h == want)
                    found = true;
            if (!found)
                return 0;
        }
        return 1;
    });
}

/**
 * gnutls_x509_key_purpose_init:
 * @p: where the new, empty key purposes object is stored
 *
 * Creates an object holding a list of key purpose OIDs (extended key
 * usage), to be released with gnutls_x509_key_purpose_deinit().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_key_purpose_init(gnutls_x509_key_purposes_t *p)
{
    if (p == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        *p = new gnutls_x509_key_purposes_st;
        return 0;
    });
}

/**
 * gnutls_x509_key_purpose_deinit:
 * @p: a key purposes object, or %NULL
 *
 * Releases a key purposes object.
 **/
TLSHIM_API void gnutls_x509_key_purpose_deinit(gnutls_x509_key_purposes_t p)
{
    delete p;
}

/**
 * gnutls_x509_key_purpose_set:
 * @p: a key purposes object
 * @oid: the dotted OID of a key purpose to append
 *
 * Appends a key purpose to the list.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_key_purpose_set(gnutls_x509_key_purposes_t p, const char *oid)
{
    if (p == nullptr || oid == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (p->oids.size() >= kMaxEntries)
        return GNUTLS_E_INTERNAL_ERROR;
    return api::guard([&] {
        p->oids.emplace_back(oid);
        return 0;
    });
}

/**
 * gnutls_x509_key_purpose_get:
 * @p: a key purposes object
 * @idx: which purpose, from 0
 * @oid: receives the OID; the data belongs to @p and must not be freed
 *
 * Reads one key purpose of the list.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the
 * end of the list, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_key_purpose_get(gnutls_x509_key_purposes_t p, unsigned idx, gnutls_datum_t *oid)
{
    if (p == nullptr || oid == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (idx >= p->oids.size())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    oid->data = reinterpret_cast<unsigned char *>(const_cast<char *>(p->oids[idx].c_str()));
    oid->size = static_cast<unsigned>(p->oids[idx].size());
    return 0;
}

/**
 * gnutls_x509_ext_import_key_purposes:
 * @ext: the DER value of an extended key usage extension
 * @p: the object to fill
 * @flags: zero (the contents of @p are replaced)
 *
 * Decodes an extended key usage extension into a list of key purpose OIDs.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_import_key_purposes(const gnutls_datum_t *ext, gnutls_x509_key_purposes_t p,
                                                   unsigned int flags)
{
    (void)flags;
    if (ext == nullptr || p == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::string> oids;
        if (Err e = x509::decode_key_purposes(view(ext), oids); !ok(e))
            return api::to_gnutls(e);
        if (oids.size() > kMaxEntries)
            oids.resize(kMaxEntries);
        p->oids = std::move(oids);
        return 0;
    });
}

/**
 * gnutls_x509_ext_export_key_purposes:
 * @p: a key purposes object
 * @ext: receives the DER extension value (gnutls_malloc'd)
 *
 * Encodes the list as an extended key usage extension value.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_export_key_purposes(gnutls_x509_key_purposes_t p, gnutls_datum_t *ext)
{
    if (p == nullptr || ext == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> der;
        Err e = x509::encode_key_purposes(p->oids, der);
        return der_out(e, der, ext);
    });
}

/**
 * gnutls_x509_ext_import_subject_key_id:
 * @ext: the DER value of a subject key identifier extension
 * @id: receives the key identifier (gnutls_malloc'd)
 *
 * Decodes a subject key identifier extension.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_import_subject_key_id(const gnutls_datum_t *ext, gnutls_datum_t *id)
{
    if (ext == nullptr || id == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> v;
        if (Err e = x509::decode_subject_key_id(view(ext), v); !ok(e))
            return api::to_gnutls(e);
        return api::datum_out(v.data(), v.size(), id);
    });
}

/**
 * gnutls_x509_ext_export_subject_key_id:
 * @id: the key identifier
 * @ext: receives the DER extension value (gnutls_malloc'd)
 *
 * Encodes a subject key identifier extension value.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_export_subject_key_id(const gnutls_datum_t *id, gnutls_datum_t *ext)
{
    if (id == nullptr || ext == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> der;
        Err e = x509::encode_subject_key_id(view(id), der);
        return der_out(e, der, ext);
    });
}

/**
 * gnutls_x509_ext_import_basic_constraints:
 * @ext: the DER value of a basic constraints extension
 * @ca: receives 1 for a CA certificate, 0 otherwise
 * @pathlen: receives the path length constraint, -1 when absent
 *
 * Decodes a basic constraints extension.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_import_basic_constraints(const gnutls_datum_t *ext, unsigned int *ca, int *pathlen)
{
    if (ext == nullptr || ca == nullptr || pathlen == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        x509::BasicConstraintsExt bc;
        if (Err e = x509::decode_basic_constraints(view(ext), bc); !ok(e))
            return api::to_gnutls(e);
        *ca = bc.ca;
        *pathlen = bc.pathlen;
        return 0;
    });
}

/**
 * gnutls_x509_ext_export_basic_constraints:
 * @ca: non-zero for a CA certificate
 * @pathlen: the path length constraint, or a negative value for none
 * @ext: receives the DER extension value (gnutls_malloc'd)
 *
 * Encodes a basic constraints extension value.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_export_basic_constraints(unsigned int ca, int pathlen, gnutls_datum_t *ext)
{
    if (ext == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        x509::BasicConstraintsExt bc;
        bc.ca = ca != 0;
        bc.pathlen = pathlen < 0 ? -1 : pathlen;
        std::vector<std::uint8_t> der;
        Err e = x509::encode_basic_constraints(bc, der);
        return der_out(e, der, ext);
    });
}

/**
 * gnutls_x509_ext_import_key_usage:
 * @ext: the DER value of a key usage extension
 * @key_usage: receives the GNUTLS_KEY_* bits
 *
 * Decodes a key usage extension.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_import_key_usage(const gnutls_datum_t *ext, unsigned int *key_usage)
{
    if (ext == nullptr || key_usage == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        unsigned u = 0;
        if (Err e = x509::decode_key_usage(view(ext), u); !ok(e))
            return api::to_gnutls(e);
        *key_usage = u;
        return 0;
    });
}

/**
 * gnutls_x509_ext_export_key_usage:
 * @key_usage: the GNUTLS_KEY_* bits
 * @ext: receives the DER extension value (gnutls_malloc'd)
 *
 * Encodes a key usage extension value.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_export_key_usage(unsigned int key_usage, gnutls_datum_t *ext)
{
    if (ext == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> der;
        Err e = x509::encode_key_usage(key_usage, der);
        return der_out(e, der, ext);
    });
}

/**
 * gnutls_x509_ext_import_inhibit_anypolicy:
 * @ext: the DER value of an inhibit anyPolicy extension
 * @skipcerts: receives its SkipCerts number
 *
 * Decodes an inhibit anyPolicy extension.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_import_inhibit_anypolicy(const gnutls_datum_t *ext, unsigned int *skipcerts)
{
    if (ext == nullptr || skipcerts == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        unsigned v = 0;
        if (Err e = x509::decode_inhibit_anypolicy(view(ext), v); !ok(e))
            return api::to_gnutls(e);
        *skipcerts = v;
        return 0;
    });
}

/**
 * gnutls_x509_ext_export_inhibit_anypolicy:
 * @skipcerts: the SkipCerts number
 * @ext: receives the DER extension value (gnutls_malloc'd)
 *
 * Encodes an inhibit anyPolicy extension value.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_export_inhibit_anypolicy(unsigned int skipcerts, gnutls_datum_t *ext)
{
    if (ext == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<std::uint8_t> der;
        Err e = x509::encode_inhibit_anypolicy(skipcerts, der);
        return der_out(e, der, ext);
    });
}

/**
 * gnutls_x509_ext_import_private_key_usage_period:
 * @ext: the DER value of a private key usage period extension
 * @activation: receives the start of the period ((time_t)-1 when absent), or %NULL
 * @expiration: receives its end ((time_t)-1 when absent), or %NULL
 *
 * Decodes a private key usage period extension.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_import_private_key_usage_period(const gnutls_datum_t *ext, time_t *activation,
                                                               time_t *expiration)
{
    if (ext == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        x509::PrivateKeyUsagePeriod p;
        if (Err e = x509::decode_private_key_usage_period(view(ext), p); !ok(e))
            return api::to_gnutls(e);
        if (activation)
            *activation = p.not_before;
        if (expiration)
            *expiration = p.not_after;
        return 0;
    });
}

/**
 * gnutls_x509_ext_export_private_key_usage_period:
 * @activation: the start of the period
 * @expiration: its end
 * @ext: receives the DER extension value (gnutls_malloc'd)
 *
 * Encodes a private key usage period extension value (both bounds as
 * GeneralizedTime).
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_ext_export_private_key_usage_period(time_t activation, time_t expiration,
                                                               gnutls_datum_t *ext)
{
    if (ext == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        x509::PrivateKeyUsagePeriod p;
        p.not_before = activation;
        p.not_after = expiration;
        std::vector<std::uint8_t> der;
        Err e = x509::encode_private_key_usage_period(p, der);
        return der_out(e, der, ext);
    });
}
