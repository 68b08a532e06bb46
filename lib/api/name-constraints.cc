// SPDX-License-Identifier: LGPL-2.1-or-later
// gnutls_x509_name_constraints_*: name constraints objects, read from
// certificates or built by the application, and checks against them.
#include <gnutls/x509.h>

#include "api/api.hh"
#include "api/x509-crt.hh"
#include "core/x509/constraints.hh"

using namespace tlshim;

struct gnutls_name_constraints_st {
    x509::NameConstraints nc;
};

namespace {

bool supported_type(int t) noexcept
{
    return t == GNUTLS_SAN_DNSNAME || t == GNUTLS_SAN_RFC822NAME || t == GNUTLS_SAN_DN ||
           t == GNUTLS_SAN_URI || t == GNUTLS_SAN_IPADDRESS;
}

int add(std::vector<x509::NameConstraint> &to, gnutls_x509_subject_alt_name_t type, const gnutls_datum_t *name)
{
    int t = api::raw(type);
    if (!supported_type(t))
        return GNUTLS_E_INVALID_REQUEST;
    if (t == GNUTLS_SAN_IPADDRESS && name->size != 8 && name->size != 32)
        return GNUTLS_E_ILLEGAL_PARAMETER;
    x509::NameConstraint c;
    c.type = static_cast<gnutls_x509_subject_alt_name_t>(t);
    if (name->data != nullptr)
        c.data.assign(name->data, name->data + name->size);
    to.push_back(std::move(c));
    return 0;
}

int get(const std::vector<x509::NameConstraint> &from, unsigned idx, unsigned *type, gnutls_datum_t *name)
{
    if (idx >= from.size())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    const auto &c = from[idx];
    *type = static_cast<unsigned>(c.type);
    name->data = const_cast<unsigned char *>(c.data.data());
    name->size = static_cast<unsigned>(c.data.size());
    return 0;
}

}  // namespace

/**
 * gnutls_x509_name_constraints_init:
 * @nc: where the new object is stored
 *
 * Creates an empty set of name constraints, to be filled with
 * gnutls_x509_crt_get_name_constraints() or the add functions.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_name_constraints_init(gnutls_x509_name_constraints_t *nc)
{
    if (nc == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        *nc = new gnutls_name_constraints_st;
        return 0;
    });
}

/**
 * gnutls_x509_name_constraints_deinit:
 * @nc: a name constraints object, or %NULL
 *
 * Releases a name constraints object.
 **/
TLSHIM_API void gnutls_x509_name_constraints_deinit(gnutls_x509_name_constraints_t nc)
{
    delete nc;
}

/**
 * gnutls_x509_crt_get_name_constraints:
 * @crt: a certificate
 * @nc: the object receiving the constraints
 * @flags: %GNUTLS_NAME_CONSTRAINTS_FLAG_APPEND to add to what @nc holds
 *   instead of replacing it
 * @critical: where the extension's criticality is stored, or %NULL
 *
 * Reads the name constraints extension of a CA certificate.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when
 * the certificate has no such extension, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_get_name_constraints(gnutls_x509_crt_t crt, gnutls_x509_name_constraints_t nc,
                                                    unsigned int flags, unsigned int *critical)
{
    if (crt == nullptr || nc == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        x509::NameConstraints fresh;
        bool crit = false;
        if (Err e = fresh.import_certificate(crt->cert, crit); !ok(e))
            return api::to_gnutls(e);
        if (!(flags & GNUTLS_NAME_CONSTRAINTS_FLAG_APPEND))
            nc->nc.clear();
        nc->nc.permitted.insert(nc->nc.permitted.end(), fresh.permitted.begin(), fresh.permitted.end());
        nc->nc.excluded.insert(nc->nc.excluded.end(), fresh.excluded.begin(), fresh.excluded.end());
        if (critical)
            *critical = crit ? 1 : 0;
        return 0;
    });
}

/**
 * gnutls_x509_name_constraints_add_permitted:
 * @nc: the name constraints
 * @type: %GNUTLS_SAN_DNSNAME, %GNUTLS_SAN_RFC822NAME, %GNUTLS_SAN_DN,
 *   %GNUTLS_SAN_URI or %GNUTLS_SAN_IPADDRESS
 * @name: the subtree: a domain, a mailbox or mail domain, a DER name, or
 *   an IP address followed by its mask (8 or 32 bytes)
 *
 * Adds a permitted subtree.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_name_constraints_add_permitted(gnutls_x509_name_constraints_t nc,
                                                          gnutls_x509_subject_alt_name_t type,
                                                          const gnutls_datum_t *name)
{
    if (nc == nullptr || name == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return add(nc->nc.permitted, type, name); });
}

/**
 * gnutls_x509_name_constraints_add_excluded:
 * @nc: the name constraints
 * @type: the name type, as for gnutls_x509_name_constraints_add_permitted()
 * @name: the subtree, as for gnutls_x509_name_constraints_add_permitted()
 *
 * Adds an excluded subtree.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_name_constraints_add_excluded(gnutls_x509_name_constraints_t nc,
                                                         gnutls_x509_subject_alt_name_t type,
                                                         const gnutls_datum_t *name)
{
    if (nc == nullptr || name == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return add(nc->nc.excluded, type, name); });
}

/**
 * gnutls_x509_name_constraints_get_permitted:
 * @nc: the name constraints
 * @idx: the index of the subtree, from zero
 * @type: where its gnutls_x509_subject_alt_name_t type is stored
 * @name: where its value is stored (pointing into @nc, not to be freed)
 *
 * Reads one permitted subtree.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past
 * the last one, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_name_constraints_get_permitted(gnutls_x509_name_constraints_t nc, unsigned idx,
                                                          unsigned *type, gnutls_datum_t *name)
{
    if (nc == nullptr || type == nullptr || name == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return get(nc->nc.permitted, idx, type, name);
}

/**
 * gnutls_x509_name_constraints_get_excluded:
 * @nc: the name constraints
 * @idx: the index of the subtree, from zero
 * @type: where its gnutls_x509_subject_alt_name_t type is stored
 * @name: where its value is stored (pointing into @nc, not to be freed)
 *
 * Reads one excluded subtree.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past
 * the last one, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_name_constraints_get_excluded(gnutls_x509_name_constraints_t nc, unsigned idx,
                                                         unsigned *type, gnutls_datum_t *name)
{
    if (nc == nullptr || type == nullptr || name == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return get(nc->nc.excluded, idx, type, name);
}

/**
 * gnutls_x509_name_constraints_check:
 * @nc: the name constraints
 * @type: the type of @name
 * @name: a name (an IP address in binary form for %GNUTLS_SAN_IPADDRESS)
 *
 * Tells whether a name is acceptable: inside a permitted subtree when
 * there are permitted subtrees of its type, and inside no excluded one.
 *
 * Returns: non-zero when the name is acceptable, zero otherwise.
 **/
TLSHIM_API unsigned gnutls_x509_name_constraints_check(gnutls_x509_name_constraints_t nc,
                                                       gnutls_x509_subject_alt_name_t type,
                                                       const gnutls_datum_t *name)
{
    if (nc == nullptr || name == nullptr)
        return 0;
    int t = api::raw(type);
    if (!supported_type(t))
        return 0;
    return api::guard_value(0u, [&] {
        return nc->nc.check(static_cast<gnutls_x509_subject_alt_name_t>(t), Bytes(name->data, name->size))
                   ? 1u
                   : 0u;
    });
}

/**
 * gnutls_x509_name_constraints_check_crt:
 * @nc: the name constraints
 * @type: which names of the certificate to check
 * @crt: the certificate
 *
 * Checks the certificate's names of one type (its alternative names, and
 * for DNS names and e-mail addresses the subject's common name or
 * emailAddress when it has no alternative name of that type).
 *
 * Returns: non-zero when all of them are acceptable, zero otherwise.
 **/
TLSHIM_API unsigned gnutls_x509_name_constraints_check_crt(gnutls_x509_name_constraints_t nc,
                                                           gnutls_x509_subject_alt_name_t type,
                                                           gnutls_x509_crt_t crt)
{
    if (nc == nullptr || crt == nullptr)
        return 0;
    int t = api::raw(type);
    if (!supported_type(t))
        return 0;
    return api::guard_value(0u, [&] {
        return nc->nc.check_certificate(crt->cert, static_cast<gnutls_x509_subject_alt_name_t>(t)) ? 1u : 0u;
    });
}
