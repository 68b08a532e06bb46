// SPDX-License-Identifier: LGPL-2.1-or-later
// gnutls_x509_trust_list_*: lists of trusted certificates and revocation
// lists, and verification of certificate chains against them.
#include "api/trust-list.hh"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>

#include "api/api.hh"
#include "core/global.hh"
#include "core/x509/verify.hh"

#include "config.h"  // TLSHIM_DEFAULT_TRUST_FILE (configure --with-default-trust-store-file)

#ifndef TLSHIM_DEFAULT_TRUST_FILE
#define TLSHIM_DEFAULT_TRUST_FILE "/etc/ssl/certs/ca-certificates.crt"
#endif

using namespace tlshim;

struct gnutls_x509_trust_list_iter {
    std::size_t next = 0;
};

namespace {

Bytes der_of(gnutls_x509_crt_t c)
{
    return c->cert.der();
}

bool distrusted(gnutls_x509_trust_list_t list, gnutls_x509_crt_t c)
{
    Bytes d = der_of(c);
    for (const auto &v : list->distrusted)
        if (v.size() == d.size() && std::equal(v.begin(), v.end(), d.begin()))
            return true;
    return false;
}

bool already_trusted(gnutls_x509_trust_list_t list, gnutls_x509_crt_t c, bool same_key_only)
{
    for (const auto &ca : list->cas) {
        if (x509::same_certificate(ca.crt->cert, c->cert))
            return true;
        if (same_key_only) {
            Bytes a, b, sa, sb;
            if (ok(ca.crt->cert.subject_raw(sa)) && ok(c->cert.subject_raw(sb)) &&
                ok(ca.crt->cert.spki_raw(a)) && ok(c->cert.spki_raw(b)) && sa.size() == sb.size() &&
                std::equal(sa.begin(), sa.end(), sb.begin()) && a.size() == b.size() &&
                std::equal(a.begin(), a.end(), b.begin()))
                return true;
        }
    }
    return false;
}

// Adds certificates; returns how many became trusted.
int add_cas(gnutls_x509_trust_list_t list, const gnutls_x509_crt_t *clist, unsigned n, unsigned flags,
            bool internal)
{
    int added = 0;
    for (unsigned i = 0; i < n; i++) {
        gnutls_x509_crt_t c = clist[i];
        if (c == nullptr)
            continue;
        // Adding a certificate again trusts it again.
        Bytes d = der_of(c);
        std::erase_if(list->distrusted, [d](const std::vector<unsigned char> &v) {
            return v.size() == d.size() && std::equal(v.begin(), v.end(), d.begin());
        });
        // A duplicate is released instead of stored, but counted all the same.
        added++;
        if ((flags & (GNUTLS_TL_NO_DUPLICATES | GNUTLS_TL_NO_DUPLICATE_KEY)) &&
            already_trusted(list, c, (flags & GNUTLS_TL_NO_DUPLICATE_KEY) != 0)) {
            (internal ? list->spare_internal_crts : list->spare_crts).push_back(c);
            continue;
        }
        list->cas.push_back({c, internal});
    }
    return added;
}

bool crl_is_signed_by_list(gnutls_x509_trust_list_t list, gnutls_x509_crl_t crl, unsigned vflags)
{
    Bytes issuer;
    if (!ok(crl->crl.issuer_raw(issuer)))
        return false;
    for (const auto &ca : list->cas) {
        Bytes subject;
        if (!ok(ca.crt->cert.subject_raw(subject)) || subject.size() != issuer.size() ||
            !std::equal(subject.begin(), subject.end(), issuer.begin()))
            continue;
        if (x509::check_crl_signature(crl->crl, ca.crt->cert, vflags) == 0)
            return true;
    }
    return false;
}

int add_crls(gnutls_x509_trust_list_t list, const gnutls_x509_crl_t *rlist, unsigned n, unsigned flags,
             unsigned vflags, bool internal)
{
    int added = 0;
    for (unsigned i = 0; i < n; i++) {
        gnutls_x509_crl_t r = rlist[i];
        if (r == nullptr)
            continue;
        if ((flags & GNUTLS_TL_VERIFY_CRL) && !crl_is_signed_by_list(list, r, vflags)) {
            (internal ? list->spare_internal_crls : list->spare_crls).push_back(r);
            if (flags & GNUTLS_TL_FAIL_ON_INVALID_CRL) {
                for (unsigned j = i + 1; j < n; j++)
                    if (rlist[j])
                        (internal ? list->spare_internal_crls : list->spare_crls).push_back(rlist[j]);
                return GNUTLS_E_CRL_VERIFICATION_ERROR;
            }
            continue;
        }
        if (flags & GNUTLS_TL_NO_DUPLICATES) {
            bool dup = false;
            for (const auto &e : list->crls) {
                Bytes a = e.crl->crl.der(), b = r->crl.der();
                if (a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin()))
                    dup = true;
            }
            if (dup) {
                (internal ? list->spare_internal_crls : list->spare_crls).push_back(r);
                continue;
            }
        }
        list->crls.push_back({r, internal});
        added++;
    }
    return added;
}

// Certificates of a PEM text or one DER certificate, as new objects.
int parse_crts(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt, std::vector<gnutls_x509_crt_t> &out)
{
    Bytes in(data->data, data->size);
    std::vector<std::vector<std::uint8_t>> ders;
    if (fmt == GNUTLS_X509_FMT_PEM) {
        if (Err e = x509::pem_certificates(in, ders); !ok(e))
            return api::to_gnutls(e);
        if (ders.empty())
            return GNUTLS_E_NO_CERTIFICATE_FOUND;
    } else {
        ders.emplace_back(in.begin(), in.end());
    }
    for (const auto &d : ders) {
        auto *c = new gnutls_x509_crt_int;
        if (Err e = c->cert.import_der(d); !ok(e)) {
            delete c;
            for (auto *p : out)
                delete p;
            out.clear();
            return api::to_gnutls(e);
        }
        out.push_back(c);
    }
    return 0;
}

int parse_crls(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt, std::vector<gnutls_x509_crl_t> &out)
{
    Bytes in(data->data, data->size);
    std::vector<std::vector<std::uint8_t>> ders;
    if (fmt == GNUTLS_X509_FMT_PEM) {
        if (Err e = x509::pem_crls(in, ders); !ok(e))
            return api::to_gnutls(e);
    } else {
        ders.emplace_back(in.begin(), in.end());
    }
    for (const auto &d : ders) {
        auto *r = new gnutls_x509_crl_int;
        if (Err e = r->crl.import_der(d); !ok(e)) {
            delete r;
            for (auto *p : out)
                delete p;
            out.clear();
            return api::to_gnutls(e);
        }
        out.push_back(r);
    }
    return 0;
}

bool read_whole_file(const char *path, std::vector<unsigned char> &out)
{
    std::ifstream f(path, std::ios::binary);
    if (!f)
        return false;
    out.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    return !f.bad();
}

int add_trust_mem(gnutls_x509_trust_list_t list, const gnutls_datum_t *cas, const gnutls_datum_t *crls,
                  gnutls_x509_crt_fmt_t type, unsigned tl_flags, unsigned tl_vflags)
{
    int total = 0;
    if (cas != nullptr && cas->data != nullptr) {
        std::vector<gnutls_x509_crt_t> v;
        if (int r = parse_crts(cas, type, v); r < 0)
            return r;
        total += add_cas(list, v.data(), static_cast<unsigned>(v.size()), tl_flags, true);
    }
    if (crls != nullptr && crls->data != nullptr) {
        std::vector<gnutls_x509_crl_t> v;
        if (int r = parse_crls(crls, type, v); r < 0)
            return r;
        int r = add_crls(list, v.data(), static_cast<unsigned>(v.size()), tl_flags, tl_vflags, true);
        if (r < 0)
            return r;
        total += r;
    }
    return total;
}

int add_trust_file(gnutls_x509_trust_list_t list, const char *ca_file, const char *crl_file,
                   gnutls_x509_crt_fmt_t type, unsigned tl_flags, unsigned tl_vflags)
{
    std::vector<unsigned char> cas, crls;
    gnutls_datum_t cd{nullptr, 0}, rd{nullptr, 0};
    if (ca_file != nullptr) {
        if (std::strncmp(ca_file, "pkcs11:", 7) == 0 || std::strncmp(ca_file, "system", 7) == 0)
            return GNUTLS_E_UNIMPLEMENTED_FEATURE;
        if (!read_whole_file(ca_file, cas))
            return GNUTLS_E_FILE_ERROR;
        cd = {cas.data(), static_cast<unsigned>(cas.size())};
        if (cas.empty())
            cd.data = reinterpret_cast<unsigned char *>(const_cast<char *>(""));
    }
    if (crl_file != nullptr) {
        if (!read_whole_file(crl_file, crls))
            return GNUTLS_E_FILE_ERROR;
        rd = {crls.data(), static_cast<unsigned>(crls.size())};
        if (crls.empty())
            rd.data = reinterpret_cast<unsigned char *>(const_cast<char *>(""));
    }
    return add_trust_mem(list, ca_file ? &cd : nullptr, crl_file ? &rd : nullptr, type, tl_flags,
                         tl_vflags);
}

int remove_cas(gnutls_x509_trust_list_t list, const gnutls_x509_crt_t *clist, unsigned n)
{
    int removed = 0;
    for (unsigned i = 0; i < n; i++) {
        if (clist[i] == nullptr)
            continue;
        for (std::size_t j = 0; j < list->cas.size();) {
            if (x509::same_certificate(list->cas[j].crt->cert, clist[i]->cert)) {
                auto ca = list->cas[j];
                (ca.internal ? list->spare_internal_crts : list->spare_crts).push_back(ca.crt);
                list->cas.erase(list->cas.begin() + static_cast<std::ptrdiff_t>(j));
                removed++;
            } else {
                j++;
            }
        }
        Bytes d = der_of(clist[i]);
        list->distrusted.emplace_back(d.begin(), d.end());
    }
    return removed;
}

int copy_crt(gnutls_x509_crt_t src, gnutls_x509_crt_t *dst)
{
    auto *c = new gnutls_x509_crt_int;
    if (Err e = c->cert.import_der(src->cert.der()); !ok(e)) {
        delete c;
        return api::to_gnutls(e);
    }
    *dst = c;
    return 0;
}

int hand_out(gnutls_x509_crt_t found, gnutls_x509_crt_t *issuer, unsigned flags)
{
    if (flags & GNUTLS_TL_GET_COPY)
        return copy_crt(found, issuer);
    *issuer = found;
    return 0;
}

std::vector<const x509::Certificate *> anchors_of(gnutls_x509_trust_list_t list)
{
    std::vector<const x509::Certificate *> a;
    a.reserve(list->cas.size());
    for (const auto &ca : list->cas)
        if (!distrusted(list, ca.crt))
            a.push_back(&ca.crt->cert);
    return a;
}

}  // namespace

namespace tlshim::api {

int trust_list_verify(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *certs, unsigned n,
                      const gnutls_typed_vdata_st *data, unsigned elements, unsigned flags,
                      unsigned *status)
{
    x509::VerifyParams p;
    p.flags = flags;
    p.now = global::now();
    for (unsigned i = 0; i < elements; i++) {
        const gnutls_typed_vdata_st &d = data[i];
        auto text = [&d]() {
            const char *s = reinterpret_cast<const char *>(d.data);
            if (s == nullptr)
                return std::string();
            return d.size ? std::string(s, d.size) : std::string(s);
        };
        switch (d.type) {
        case GNUTLS_DT_DNS_HOSTNAME:
            p.hostname = text();
            break;
        case GNUTLS_DT_RFC822NAME:
            p.email = text();
            break;
        case GNUTLS_DT_IP_ADDRESS:
            if (d.data != nullptr && (d.size == 4 || d.size == 16))
                p.ip.assign(d.data, d.data + d.size);
            break;
        case GNUTLS_DT_KEY_PURPOSE_OID:
            p.purpose = text();
            break;
        default:
            return GNUTLS_E_UNIMPLEMENTED_FEATURE;
        }
    }
    std::vector<const x509::Certificate *> in;
    for (unsigned i = 0; i < n; i++) {
        if (certs[i] == nullptr)
            return GNUTLS_E_INVALID_REQUEST;
        in.push_back(&certs[i]->cert);
    }
    std::vector<const x509::Crl *> crls;
    if (!(flags & GNUTLS_VERIFY_DISABLE_CRL_CHECKS))
        for (const auto &r : list->crls)
            crls.push_back(&r.crl->crl);
    p.crls = crls;
    auto chain = x509::order_chain(in, flags);
    auto anchors = anchors_of(list);

    // Ask the application for missing issuers.
    gnutls_x509_crt_t *extra = nullptr;
    unsigned extra_n = 0;
    if (list->getissuer != nullptr && !chain.empty()) {
        const x509::Certificate *top = chain.back();
        bool known = x509::is_self_signed(*top);
        for (const auto *a : anchors)
            if (x509::is_issuer(*top, *a))
                known = true;
        if (!known) {
            for (unsigned i = 0; i < n; i++)
                if (&certs[i]->cert == top &&
                    list->getissuer(list, certs[i], &extra, &extra_n) == 0 && extra != nullptr) {
                    std::vector<const x509::Certificate *> more(chain.begin(), chain.end());
                    for (unsigned j = 0; j < extra_n; j++)
                        if (extra[j])
                            more.push_back(&extra[j]->cert);
                    chain = x509::order_chain(more, flags & ~GNUTLS_VERIFY_DO_NOT_ALLOW_UNSORTED_CHAIN);
                    break;
                }
        }
    }
    *status = x509::verify_chain(chain, anchors, p);
    for (unsigned j = 0; j < extra_n; j++)
        gnutls_x509_crt_deinit(extra[j]);
    (gnutls_free)(extra);
    return 0;
}

}  // namespace tlshim::api

/**
 * gnutls_x509_trust_list_init:
 * @list: where the new trust list is stored
 * @size: a hint of how many certificates will be added (unused)
 *
 * Creates an empty list of trusted certificates and revocation lists.
 * Release it with gnutls_x509_trust_list_deinit().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_init(gnutls_x509_trust_list_t *list, unsigned int size)
{
    (void)size;
    if (list == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        *list = new gnutls_x509_trust_list_st;
        return 0;
    });
}

/**
 * gnutls_x509_trust_list_deinit:
 * @list: a trust list, or %NULL
 * @all: non-zero to release the certificates and CRLs the application handed over as well
 *
 * Releases a trust list.  Objects the list created itself (from files or
 * memory) are always released; those given with
 * gnutls_x509_trust_list_add_cas(), gnutls_x509_trust_list_add_named_crt()
 * and gnutls_x509_trust_list_add_crls() only when @all is non-zero.
 **/
TLSHIM_API void gnutls_x509_trust_list_deinit(gnutls_x509_trust_list_t list, unsigned int all)
{
    if (list == nullptr)
        return;
    for (const auto &ca : list->cas)
        if (ca.internal)
            delete ca.crt;
        else if (all)
            gnutls_x509_crt_deinit(ca.crt);
    for (const auto &r : list->crls)
        if (r.internal)
            delete r.crl;
        else if (all)
            gnutls_x509_crl_deinit(r.crl);
    for (auto *c : list->spare_internal_crts)
        delete c;
    for (auto *r : list->spare_internal_crls)
        delete r;
    if (all) {
        for (const auto &nm : list->named)
            gnutls_x509_crt_deinit(nm.crt);
        for (auto *c : list->spare_crts)
            gnutls_x509_crt_deinit(c);
        for (auto *r : list->spare_crls)
            gnutls_x509_crl_deinit(r);
    }
    delete list;
}

/**
 * gnutls_x509_trust_list_add_cas:
 * @list: the trust list
 * @clist: the certificates to trust
 * @clist_size: the number of certificates in @clist
 * @flags: %GNUTLS_TL_NO_DUPLICATES to skip certificates already trusted,
 *   %GNUTLS_TL_NO_DUPLICATE_KEY to skip those with an already trusted name and key
 *
 * Makes certificate authorities trusted.  The list takes the certificate
 * objects over: the application must not release them while the list
 * exists, and gnutls_x509_trust_list_deinit() with a non-zero "all"
 * releases them.
 *
 * Returns: the number of certificates added, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_add_cas(gnutls_x509_trust_list_t list, const gnutls_x509_crt_t *clist,
                                              unsigned clist_size, unsigned int flags)
{
    if (list == nullptr || (clist == nullptr && clist_size > 0))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return add_cas(list, clist, clist_size, flags, false); });
}

/**
 * gnutls_x509_trust_list_remove_cas:
 * @list: the trust list
 * @clist: certificates that must no longer be trusted
 * @clist_size: the number of certificates in @clist
 *
 * Removes the given certificates from the trusted ones and keeps them
 * distrusted should they be added again.  The objects in @clist stay the
 * application's.
 *
 * Returns: the number of certificates removed, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_remove_cas(gnutls_x509_trust_list_t list,
                                                 const gnutls_x509_crt_t *clist, unsigned clist_size)
{
    if (list == nullptr || (clist == nullptr && clist_size > 0))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return remove_cas(list, clist, clist_size); });
}

/**
 * gnutls_x509_trust_list_add_named_crt:
 * @list: the trust list
 * @cert: the certificate
 * @name: the name (for example a host name) the certificate is trusted for
 * @name_size: the length of @name
 * @flags: unused, zero
 *
 * Trusts a certificate only when it is presented for @name, as checked by
 * gnutls_x509_trust_list_verify_named_crt().  The list takes the object over.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_add_named_crt(gnutls_x509_trust_list_t list, gnutls_x509_crt_t cert,
                                                    const void *name, size_t name_size, unsigned int flags)
{
    (void)flags;
    if (list == nullptr || cert == nullptr || (name == nullptr && name_size > 0))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        list->named.push_back({cert, std::string(static_cast<const char *>(name), name_size)});
        return 0;
    });
}

/**
 * gnutls_x509_trust_list_add_crls:
 * @list: the trust list
 * @crl_list: the revocation lists
 * @crl_size: the number of entries in @crl_list
 * @flags: %GNUTLS_TL_VERIFY_CRL to keep only lists signed by a trusted
 *   authority, %GNUTLS_TL_FAIL_ON_INVALID_CRL to fail on the first one that is not,
 *   %GNUTLS_TL_NO_DUPLICATES to skip lists already present
 * @verification_flags: gnutls_certificate_verify_flags for the signature checks
 *
 * Adds certificate revocation lists used by the verification functions.
 * The list takes the objects over, including the ones it does not keep.
 *
 * Returns: the number of lists added, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_add_crls(gnutls_x509_trust_list_t list, const gnutls_x509_crl_t *crl_list,
                                               unsigned crl_size, unsigned int flags,
                                               unsigned int verification_flags)
{
    if (list == nullptr || (crl_list == nullptr && crl_size > 0))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard(
        [&] { return add_crls(list, crl_list, crl_size, flags, verification_flags, false); });
}

/**
 * gnutls_x509_trust_list_add_trust_mem:
 * @list: the trust list
 * @cas: encoded certificate authorities, or %NULL
 * @crls: encoded revocation lists, or %NULL
 * @type: %GNUTLS_X509_FMT_PEM (any number of objects) or %GNUTLS_X509_FMT_DER (one)
 * @tl_flags: flags as for gnutls_x509_trust_list_add_cas() and gnutls_x509_trust_list_add_crls()
 * @tl_vflags: verification flags for the revocation lists
 *
 * Decodes certificates and revocation lists from memory and adds them.
 *
 * Returns: the number of certificates and lists added, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_add_trust_mem(gnutls_x509_trust_list_t list, const gnutls_datum_t *cas,
                                                    const gnutls_datum_t *crls, gnutls_x509_crt_fmt_t type,
                                                    unsigned int tl_flags, unsigned int tl_vflags)
{
    if (list == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return add_trust_mem(list, cas, crls, type, tl_flags, tl_vflags); });
}

/**
 * gnutls_x509_trust_list_add_trust_file:
 * @list: the trust list
 * @ca_file: a file of certificate authorities, or %NULL
 * @crl_file: a file of revocation lists, or %NULL
 * @type: %GNUTLS_X509_FMT_PEM or %GNUTLS_X509_FMT_DER
 * @tl_flags: flags as for gnutls_x509_trust_list_add_trust_mem()
 * @tl_vflags: verification flags for the revocation lists
 *
 * Reads certificates and revocation lists from files and adds them.
 *
 * Returns: the number of certificates and lists added, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_add_trust_file(gnutls_x509_trust_list_t list, const char *ca_file,
                                                     const char *crl_file, gnutls_x509_crt_fmt_t type,
                                                     unsigned int tl_flags, unsigned int tl_vflags)
{
    if (list == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] { return add_trust_file(list, ca_file, crl_file, type, tl_flags, tl_vflags); });
}

/**
 * gnutls_x509_trust_list_add_trust_dir:
 * @list: the trust list
 * @ca_dir: a directory of certificate authority files, or %NULL
 * @crl_dir: a directory of revocation list files, or %NULL
 * @type: %GNUTLS_X509_FMT_PEM or %GNUTLS_X509_FMT_DER
 * @tl_flags: flags as for gnutls_x509_trust_list_add_trust_mem()
 * @tl_vflags: verification flags for the revocation lists
 *
 * Adds every regular file of the directories, as
 * gnutls_x509_trust_list_add_trust_file() would.  Files that cannot be
 * decoded are skipped.
 *
 * Returns: the number of certificates and lists added, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_add_trust_dir(gnutls_x509_trust_list_t list, const char *ca_dir,
                                                    const char *crl_dir, gnutls_x509_crt_fmt_t type,
                                                    unsigned int tl_flags, unsigned int tl_vflags)
{
    if (list == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        int total = 0;
        for (int pass = 0; pass < 2; pass++) {
            const char *dir = pass == 0 ? ca_dir : crl_dir;
            if (dir == nullptr)
                continue;
            DIR *d = opendir(dir);
            if (d == nullptr)
                return GNUTLS_E_FILE_ERROR;
            std::vector<std::string> names;
            while (struct dirent *e = readdir(d)) {
                if (e->d_name[0] == '.')
                    continue;
                std::string path = std::string(dir) + "/" + e->d_name;
                struct stat st;
                if (stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
                    names.push_back(path);
            }
            closedir(d);
            std::sort(names.begin(), names.end());
            for (const auto &path : names) {
                int r = pass == 0 ? add_trust_file(list, path.c_str(), nullptr, type, tl_flags, tl_vflags)
                                  : add_trust_file(list, nullptr, path.c_str(), type, tl_flags, tl_vflags);
                if (r > 0)
                    total += r;
            }
        }
        return total;
    });
}

/**
 * gnutls_x509_trust_list_add_system_trust:
 * @list: the trust list
 * @tl_flags: flags as for gnutls_x509_trust_list_add_trust_mem()
 * @tl_vflags: verification flags for revocation lists
 *
 * Adds the system's trusted certificate authorities, read from the file
 * chosen when the library was configured (--with-default-trust-store-file).
 *
 * Returns: the number of certificates added, or a negative error code
 * (%GNUTLS_E_FILE_ERROR when the file cannot be read).
 **/
TLSHIM_API int gnutls_x509_trust_list_add_system_trust(gnutls_x509_trust_list_t list, unsigned int tl_flags,
                                                       unsigned int tl_vflags)
{
    if (list == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        return add_trust_file(list, TLSHIM_DEFAULT_TRUST_FILE, nullptr, GNUTLS_X509_FMT_PEM,
                              tl_flags, tl_vflags);
    });
}

/**
 * gnutls_x509_trust_list_remove_trust_mem:
 * @list: the trust list
 * @cas: encoded certificates to distrust
 * @type: %GNUTLS_X509_FMT_PEM or %GNUTLS_X509_FMT_DER
 *
 * Decodes certificates and removes them as gnutls_x509_trust_list_remove_cas() does.
 *
 * Returns: the number of certificates removed, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_remove_trust_mem(gnutls_x509_trust_list_t list, const gnutls_datum_t *cas,
                                                       gnutls_x509_crt_fmt_t type)
{
    if (list == nullptr || cas == nullptr || cas->data == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<gnutls_x509_crt_t> v;
        if (int r = parse_crts(cas, type, v); r < 0)
            return r;
        int removed = remove_cas(list, v.data(), static_cast<unsigned>(v.size()));
        for (auto *c : v)
            delete c;
        return removed;
    });
}

/**
 * gnutls_x509_trust_list_remove_trust_file:
 * @list: the trust list
 * @ca_file: a file of certificates to distrust
 * @type: %GNUTLS_X509_FMT_PEM or %GNUTLS_X509_FMT_DER
 *
 * Reads certificates from a file and removes them as
 * gnutls_x509_trust_list_remove_cas() does.
 *
 * Returns: the number of certificates removed, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_remove_trust_file(gnutls_x509_trust_list_t list, const char *ca_file,
                                                        gnutls_x509_crt_fmt_t type)
{
    if (list == nullptr || ca_file == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::vector<unsigned char> buf;
        if (!read_whole_file(ca_file, buf))
            return GNUTLS_E_FILE_ERROR;
        gnutls_datum_t d{buf.data(), static_cast<unsigned>(buf.size())};
        return gnutls_x509_trust_list_remove_trust_mem(list, &d, type);
    });
}

/**
 * gnutls_x509_trust_list_get_issuer:
 * @list: the trust list
 * @cert: the certificate whose issuer is wanted
 * @issuer: where the issuer is stored
 * @flags: %GNUTLS_TL_GET_COPY for a copy the caller releases; otherwise
 *   the list's own object (valid while the list is)
 *
 * Looks a trusted certificate up that issued @cert.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when
 * none is trusted, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_get_issuer(gnutls_x509_trust_list_t list, gnutls_x509_crt_t cert,
                                                 gnutls_x509_crt_t *issuer, unsigned int flags)
{
    if (list == nullptr || cert == nullptr || issuer == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        for (const auto &ca : list->cas)
            if (!distrusted(list, ca.crt) && x509::is_issuer(cert->cert, ca.crt->cert))
                return hand_out(ca.crt, issuer, flags);
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    });
}

/**
 * gnutls_x509_trust_list_get_issuer_by_dn:
 * @list: the trust list
 * @dn: the subject name (DER) of the wanted certificate
 * @issuer: where the certificate is stored
 * @flags: %GNUTLS_TL_GET_COPY for a copy the caller releases
 *
 * Looks a trusted certificate up by its subject name.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when
 * there is none, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_get_issuer_by_dn(gnutls_x509_trust_list_t list, const gnutls_datum_t *dn,
                                                       gnutls_x509_crt_t *issuer, unsigned int flags)
{
    if (list == nullptr || dn == nullptr || issuer == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        for (const auto &ca : list->cas) {
            Bytes s;
            if (distrusted(list, ca.crt) || !ok(ca.crt->cert.subject_raw(s)))
                continue;
            if (s.size() == dn->size && std::equal(s.begin(), s.end(), dn->data))
                return hand_out(ca.crt, issuer, flags);
        }
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    });
}

/**
 * gnutls_x509_trust_list_get_issuer_by_subject_key_id:
 * @list: the trust list
 * @dn: the subject name (DER) the certificate must have, or %NULL for any
 * @spki: the subject key identifier of the wanted certificate
 * @issuer: where the certificate is stored
 * @flags: %GNUTLS_TL_GET_COPY for a copy the caller releases
 *
 * Looks a trusted certificate up by its subject key identifier extension.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when
 * there is none, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_get_issuer_by_subject_key_id(gnutls_x509_trust_list_t list,
                                                                   const gnutls_datum_t *dn,
                                                                   const gnutls_datum_t *spki,
                                                                   gnutls_x509_crt_t *issuer, unsigned int flags)
{
    if (list == nullptr || spki == nullptr || issuer == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        for (const auto &ca : list->cas) {
            if (distrusted(list, ca.crt))
                continue;
            if (dn != nullptr && dn->data != nullptr) {
                Bytes s;
                if (!ok(ca.crt->cert.subject_raw(s)) || s.size() != dn->size ||
                    !std::equal(s.begin(), s.end(), dn->data))
                    continue;
            }
            std::vector<std::uint8_t> ski;
            bool crit = false;
            if (ok(ca.crt->cert.subject_key_id(ski, crit)) && ski.size() == spki->size &&
                std::equal(ski.begin(), ski.end(), spki->data))
                return hand_out(ca.crt, issuer, flags);
        }
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    });
}

/**
 * gnutls_x509_trust_list_verify_crt2:
 * @list: the trust list
 * @cert_list: the peer's certificates, the end entity first
 * @cert_list_size: the number of certificates
 * @data: what the end entity must match (%GNUTLS_DT_DNS_HOSTNAME,
 *   %GNUTLS_DT_RFC822NAME, %GNUTLS_DT_IP_ADDRESS, %GNUTLS_DT_KEY_PURPOSE_OID), or %NULL
 * @elements: the number of entries in @data
 * @flags: gnutls_certificate_verify_flags
 * @voutput: where the gnutls_certificate_status_t bits are stored
 * @func: a callback for each verified certificate (not called by this implementation)
 *
 * Builds a path from the end entity to a trusted certificate using the
 * other certificates of the list in any order (unless
 * %GNUTLS_VERIFY_DO_NOT_ALLOW_UNSORTED_CHAIN), and verifies it: signatures,
 * validity, CA constraints, revocation against the list's CRLs, and the
 * identity and key purpose given in @data.  Zero in @voutput means trusted.
 *
 * Returns: zero when the verification could be carried out (its result is
 * in @voutput), or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_verify_crt2(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *cert_list,
                                                  unsigned int cert_list_size, gnutls_typed_vdata_st *data,
                                                  unsigned int elements, unsigned int flags,
                                                  unsigned int *voutput, gnutls_verify_output_function func)
{
    (void)func;
    if (list == nullptr || voutput == nullptr || (cert_list == nullptr && cert_list_size > 0) ||
        (data == nullptr && elements > 0))
        return GNUTLS_E_INVALID_REQUEST;
    if (cert_list_size == 0)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        return api::trust_list_verify(list, cert_list, cert_list_size, data, elements, flags, voutput);
    });
}

/**
 * gnutls_x509_trust_list_verify_crt:
 * @list: the trust list
 * @cert_list: the peer's certificates, the end entity first
 * @cert_list_size: the number of certificates
 * @flags: gnutls_certificate_verify_flags
 * @verify: where the gnutls_certificate_status_t bits are stored
 * @func: a callback for each verified certificate (not called by this implementation)
 *
 * Same as gnutls_x509_trust_list_verify_crt2() without identity checks.
 *
 * Returns: zero when the verification could be carried out, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_verify_crt(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *cert_list,
                                                 unsigned int cert_list_size, unsigned int flags,
                                                 unsigned int *verify, gnutls_verify_output_function func)
{
    return gnutls_x509_trust_list_verify_crt2(list, cert_list, cert_list_size, nullptr, 0, flags, verify,
                                              func);
}

/**
 * gnutls_x509_trust_list_verify_named_crt:
 * @list: the trust list
 * @cert: the certificate
 * @name: the name it is presented for
 * @name_size: the length of @name
 * @flags: gnutls_certificate_verify_flags
 * @verify: where the gnutls_certificate_status_t bits are stored
 * @func: a callback (not called by this implementation)
 *
 * Checks that @cert was added with gnutls_x509_trust_list_add_named_crt()
 * for exactly @name, and that it is within its validity period.
 *
 * Returns: zero when the check could be carried out, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_verify_named_crt(gnutls_x509_trust_list_t list, gnutls_x509_crt_t cert,
                                                       const void *name, size_t name_size, unsigned int flags,
                                                       unsigned int *verify, gnutls_verify_output_function func)
{
    (void)func;
    if (list == nullptr || cert == nullptr || verify == nullptr || (name == nullptr && name_size > 0))
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        std::string want(static_cast<const char *>(name), name_size);
        unsigned st = GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND;
        for (const auto &nm : list->named) {
            if (nm.name != want || !x509::same_certificate(nm.crt->cert, cert->cert))
                continue;
            st = 0;
            if (!(flags & GNUTLS_VERIFY_DISABLE_TIME_CHECKS)) {
                std::time_t now = global::now();
                if (now < cert->cert.activation_time())
                    st |= GNUTLS_CERT_INVALID | GNUTLS_CERT_NOT_ACTIVATED;
                else if (now > cert->cert.expiration_time())
                    st |= GNUTLS_CERT_INVALID | GNUTLS_CERT_EXPIRED;
            }
            break;
        }
        *verify = st;
        return 0;
    });
}

/**
 * gnutls_x509_trust_list_iter_get_ca:
 * @list: the trust list
 * @iter: the iterator, %NULL before the first call
 * @crt: where a copy of the next trusted certificate is stored
 *
 * Walks through the trusted certificate authorities.  Each certificate is
 * a copy the caller releases with gnutls_x509_crt_deinit().  After the
 * last one the iterator is released and set to %NULL.
 *
 * Returns: zero on success, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE after
 * the last certificate, or another negative error code.
 **/
TLSHIM_API int gnutls_x509_trust_list_iter_get_ca(gnutls_x509_trust_list_t list,
                                                  gnutls_x509_trust_list_iter_t *iter, gnutls_x509_crt_t *crt)
{
    if (list == nullptr || iter == nullptr || crt == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        if (*iter == nullptr)
            *iter = new gnutls_x509_trust_list_iter;
        while ((*iter)->next < list->cas.size()) {
            gnutls_x509_crt_t c = list->cas[(*iter)->next++].crt;
            if (distrusted(list, c))
                continue;
            return copy_crt(c, crt);
        }
        delete *iter;
        *iter = nullptr;
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    });
}

/**
 * gnutls_x509_trust_list_iter_deinit:
 * @iter: an iterator, or %NULL
 *
 * Releases an iterator of gnutls_x509_trust_list_iter_get_ca() that was
 * not run to its end.
 **/
TLSHIM_API void gnutls_x509_trust_list_iter_deinit(gnutls_x509_trust_list_iter_t iter)
{
    delete iter;
}

/**
 * gnutls_x509_trust_list_set_getissuer_function:
 * @tlist: the trust list
 * @func: the callback, or %NULL
 *
 * Installs a callback asked for the issuers of a chain whose top
 * certificate has no trusted issuer.  The certificates it returns in a
 * gnutls_malloc()ed array are released by the library.
 **/
TLSHIM_API void gnutls_x509_trust_list_set_getissuer_function(gnutls_x509_trust_list_t tlist,
                                                              gnutls_x509_trust_list_getissuer_function *func)
{
    if (tlist)
        tlist->getissuer = func;
}

/**
 * gnutls_x509_trust_list_set_ptr:
 * @tlist: the trust list
 * @ptr: any pointer of the application
 *
 * Stores a pointer in the list for the application's callbacks.
 *
 * Since: 3.7.0
 **/
TLSHIM_API void gnutls_x509_trust_list_set_ptr(gnutls_x509_trust_list_t tlist, void *ptr)
{
    if (tlist)
        tlist->user_ptr = ptr;
}

/**
 * gnutls_x509_trust_list_get_ptr:
 * @tlist: the trust list
 *
 * Gives back the pointer stored with gnutls_x509_trust_list_set_ptr().
 *
 * Returns: the stored pointer, or %NULL.
 *
 * Since: 3.7.0
 **/
TLSHIM_API void *gnutls_x509_trust_list_get_ptr(gnutls_x509_trust_list_t tlist)
{
    return tlist ? tlist->user_ptr : nullptr;
}
