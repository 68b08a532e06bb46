// SPDX-License-Identifier: LGPL-2.1-or-later
// gnutls_priority_*: priority strings and the lists they resolve to.
#include "api/priority.hh"

#include <gnutls/gnutls.h>

#include "api/api.hh"
#include "api/session.hh"
#include "core/tls/priority.hh"

extern "C" {
extern const char *_gnutls_default_priority_string;
}

using namespace tlshim;

namespace {

// Hands out one of the priority's lists: the number of entries, the array
// through *list.
int list_out(gnutls_priority_t pcache, const unsigned int **list, const std::vector<unsigned> tls::Priority::*member)
{
    if (pcache == nullptr || pcache->prio == nullptr || list == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const std::vector<unsigned> &v = (*pcache->prio).*member;
    *list = v.data();
    return static_cast<int>(v.size());
}

int init_common(gnutls_priority_t *priority_cache, const char *priorities, const char **err_pos, unsigned flags)
{
    if (priority_cache == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *priority_cache = nullptr;
    if (err_pos != nullptr)
        *err_pos = priorities;
    return api::guard([&] {
        const bool append = (flags & GNUTLS_PRIORITY_INIT_DEF_APPEND) != 0;
        tls::ParseResult r = tls::init_priority(priorities, append, _gnutls_default_priority_string);
        if (r.err != Err::ok) {
            if (err_pos != nullptr && priorities != nullptr)
                *err_pos = priorities + r.err_offset;
            return api::to_gnutls(r.err);
        }
        *priority_cache = new gnutls_priority_st{std::move(r.priority)};
        return 0;
    });
}

}  // namespace

/**
 * gnutls_priority_init:
 * @priority_cache: where the new priority object is stored
 * @priorities: a priority string such as "NORMAL:-VERS-TLS1.0", or %NULL
 * @err_pos: where the position of a rejected token is stored, or %NULL
 *
 * Parses a priority string into a reusable object that sessions take with
 * gnutls_priority_set().  A string is a keyword (NORMAL, PFS, PERFORMANCE,
 * SECURE128, SECURE192, SECURE256, SUITEB128, SUITEB192, LEGACY or NONE) or
 * a system keyword written "@NAME[,FALLBACK...]", followed by
 * colon-separated edits: "+NAME" appends an algorithm (cipher, MAC, key
 * exchange, VERS-*, GROUP-*, SIGN-*, CTYPE-*, ...) to its list, "-NAME" or
 * "!NAME" removes it, and "%FLAG" switches a behaviour on.  With a %NULL
 * string the library's default priorities are used.
 *
 * When a token is rejected, @err_pos points into @priorities at that
 * token (at the start of the string for errors that concern the whole of
 * it, such as an unknown system keyword).
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST for a syntax error,
 * %GNUTLS_E_NO_PRIORITIES_WERE_SET when nothing usable remains, or another
 * negative error code.
 **/
TLSHIM_API int gnutls_priority_init(gnutls_priority_t *priority_cache, const char *priorities, const char **err_pos)
{
    return init_common(priority_cache, priorities, err_pos, 0);
}

/**
 * gnutls_priority_init2:
 * @priority_cache: where the new priority object is stored
 * @priorities: a priority string, or %NULL
 * @err_pos: where the position of a rejected token is stored, or %NULL
 * @flags: zero or %GNUTLS_PRIORITY_INIT_DEF_APPEND
 *
 * Like gnutls_priority_init(); with %GNUTLS_PRIORITY_INIT_DEF_APPEND the
 * string holds only edits, applied after the library's default priorities
 * (for example "-VERS-TLS1.0:%SERVER_PRECEDENCE").  @err_pos then still
 * points into @priorities.
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.6.3
 **/
TLSHIM_API int gnutls_priority_init2(gnutls_priority_t *priority_cache, const char *priorities, const char **err_pos,
                                     unsigned flags)
{
    return init_common(priority_cache, priorities, err_pos, flags);
}

/**
 * gnutls_priority_deinit:
 * @priority_cache: a priority object, or %NULL
 *
 * Releases the application's handle.  Sessions that were given the
 * priorities keep using them until they are deinitialized.
 **/
TLSHIM_API void gnutls_priority_deinit(gnutls_priority_t priority_cache)
{
    delete priority_cache;
}

/**
 * gnutls_priority_get_cipher_suite_index:
 * @pcache: a priority object
 * @idx: a position in the priority's list of cipher suites, from 0
 * @sidx: where the suite's index for gnutls_cipher_suite_info() is stored
 *
 * Walks the cipher suites of @pcache in the order they are offered.  A
 * suite that none of the enabled protocol versions can use is reported
 * with %GNUTLS_E_UNKNOWN_CIPHER_SUITE; iteration continues past it.
 *
 * Returns: zero on success, %GNUTLS_E_UNKNOWN_CIPHER_SUITE for an unusable
 * suite, %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE past the end of the list.
 **/
TLSHIM_API int gnutls_priority_get_cipher_suite_index(gnutls_priority_t pcache, unsigned int idx, unsigned int *sidx)
{
    if (pcache == nullptr || pcache->prio == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    unsigned out = 0;
    Err e = pcache->prio->suite_index(idx, out);
    if (e == Err::ok && sidx != nullptr)
        *sidx = out;
    return api::to_gnutls(e);
}

/**
 * gnutls_priority_string_list:
 * @iter: a position, from 0
 * @flags: %GNUTLS_PRIORITY_LIST_INIT_KEYWORDS or %GNUTLS_PRIORITY_LIST_SPECIAL
 *
 * Enumerates names the priority language knows: with
 * %GNUTLS_PRIORITY_LIST_INIT_KEYWORDS the keywords a string may start
 * with, with %GNUTLS_PRIORITY_LIST_SPECIAL the names of the "%" flags
 * (this enumeration has empty strings in it, which are to be skipped).
 * Call it with @iter 0, 1, 2, ... until it returns %NULL.
 *
 * Returns: a static string, or %NULL past the end.
 *
 * Since: 3.6.3
 **/
TLSHIM_API const char *gnutls_priority_string_list(unsigned iter, unsigned int flags)
{
    std::span<const char *const> names;
    if (flags & GNUTLS_PRIORITY_LIST_INIT_KEYWORDS)
        names = tls::keyword_names();
    else if (flags & GNUTLS_PRIORITY_LIST_SPECIAL)
        names = tls::special_names();
    return iter < names.size() ? names[iter] : nullptr;
}

/**
 * gnutls_priority_certificate_type_list:
 * @pcache: a priority object
 * @list: where the array of #gnutls_certificate_type_t values is stored
 *
 * Reports the certificate types the client side may use, in order.
 *
 * Returns: the number of entries of the array, or a negative error code.
 **/
TLSHIM_API int gnutls_priority_certificate_type_list(gnutls_priority_t pcache, const unsigned int **list)
{
    return list_out(pcache, list, &tls::Priority::ctype_client);
}

/**
 * gnutls_priority_certificate_type_list2:
 * @pcache: a priority object
 * @list: where the array of #gnutls_certificate_type_t values is stored
 * @target: %GNUTLS_CTYPE_CLIENT or %GNUTLS_CTYPE_SERVER
 *
 * Reports the certificate types enabled for the client or for the server
 * side (the CTYPE-CLI-* and CTYPE-SRV-* items of a priority string).
 * Other targets, which only make sense for a session, report no types.
 *
 * Returns: the number of entries of the array, or a negative error code.
 *
 * Since: 3.6.4
 **/
TLSHIM_API int gnutls_priority_certificate_type_list2(gnutls_priority_t pcache, const unsigned int **list,
                                                      gnutls_ctype_target_t target)
{
    switch (api::raw(target)) {
    case GNUTLS_CTYPE_CLIENT:
        return list_out(pcache, list, &tls::Priority::ctype_client);
    case GNUTLS_CTYPE_SERVER:
        return list_out(pcache, list, &tls::Priority::ctype_server);
    default:  // the session-relative targets mean nothing here
        return 0;
    }
}

/**
 * gnutls_priority_cipher_list:
 * @pcache: a priority object
 * @list: where the array of #gnutls_cipher_algorithm_t values is stored
 *
 * Reports the enabled ciphers, in order of preference.
 *
 * Returns: the number of entries of the array, or a negative error code.
 **/
TLSHIM_API int gnutls_priority_cipher_list(gnutls_priority_t pcache, const unsigned int **list)
{
    return list_out(pcache, list, &tls::Priority::ciphers);
}

/**
 * gnutls_priority_mac_list:
 * @pcache: a priority object
 * @list: where the array of #gnutls_mac_algorithm_t values is stored
 *
 * Reports the enabled MAC algorithms, in order of preference
 * (%GNUTLS_MAC_AEAD stands for the AEAD ciphers).
 *
 * Returns: the number of entries of the array, or a negative error code.
 **/
TLSHIM_API int gnutls_priority_mac_list(gnutls_priority_t pcache, const unsigned int **list)
{
    return list_out(pcache, list, &tls::Priority::macs);
}

/**
 * gnutls_priority_kx_list:
 * @pcache: a priority object
 * @list: where the array of #gnutls_kx_algorithm_t values is stored
 *
 * Reports the enabled TLS 1.2-style key exchanges, in order of
 * preference.  The list is empty when only TLS 1.3 is enabled.
 *
 * Returns: the number of entries of the array, or a negative error code.
 **/
TLSHIM_API int gnutls_priority_kx_list(gnutls_priority_t pcache, const unsigned int **list)
{
    return list_out(pcache, list, &tls::Priority::kx);
}

/**
 * gnutls_priority_protocol_list:
 * @pcache: a priority object
 * @list: where the array of #gnutls_protocol_t values is stored
 *
 * Reports the enabled protocol versions, in the order they were listed.
 *
 * Returns: the number of entries of the array, or a negative error code.
 **/
TLSHIM_API int gnutls_priority_protocol_list(gnutls_priority_t pcache, const unsigned int **list)
{
    return list_out(pcache, list, &tls::Priority::protocols);
}

/**
 * gnutls_priority_sign_list:
 * @pcache: a priority object
 * @list: where the array of #gnutls_sign_algorithm_t values is stored
 *
 * Reports the enabled signature algorithms, in order of preference.
 *
 * Returns: the number of entries of the array, or a negative error code.
 **/
TLSHIM_API int gnutls_priority_sign_list(gnutls_priority_t pcache, const unsigned int **list)
{
    return list_out(pcache, list, &tls::Priority::sigs);
}

/**
 * gnutls_priority_group_list:
 * @pcache: a priority object
 * @list: where the array of #gnutls_group_t values is stored
 *
 * Reports the enabled key-exchange groups (elliptic curves and finite
 * field groups), in order of preference.
 *
 * Returns: the number of entries of the array, or a negative error code.
 *
 * Since: 3.6.0
 **/
TLSHIM_API int gnutls_priority_group_list(gnutls_priority_t pcache, const unsigned int **list)
{
    return list_out(pcache, list, &tls::Priority::groups);
}

/**
 * gnutls_priority_ecc_curve_list:
 * @pcache: a priority object
 * @list: where the array of #gnutls_ecc_curve_t values is stored
 *
 * Reports the curves of the elliptic-curve groups that lead the group
 * list: the enumeration stops at the first group that is not an elliptic
 * curve.  gnutls_priority_group_list() gives the complete list.
 *
 * Returns: the number of entries of the array, or a negative error code.
 **/
TLSHIM_API int gnutls_priority_ecc_curve_list(gnutls_priority_t pcache, const unsigned int **list)
{
    return list_out(pcache, list, &tls::Priority::curves);
}

/**
 * gnutls_priority_compression_list:
 * @pcache: a priority object
 * @list: where the array of #gnutls_compression_method_t values is stored
 *
 * Reports the compression methods: always the null method alone, as
 * record compression is no longer supported.
 *
 * Returns: the number of entries of the array (1), or a negative error code.
 **/
TLSHIM_API int gnutls_priority_compression_list(gnutls_priority_t pcache, const unsigned int **list)
{
    if (pcache == nullptr || list == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const auto comp = tls::Priority::compression();
    *list = comp.data();
    return static_cast<int>(comp.size());
}

namespace {

// Parses and installs a priority string on a session (the shared part of
// gnutls_priority_set_direct and gnutls_set_default_priority*).
int set_text(gnutls_session_t session, const char *text, bool append, const char **err_pos)
{
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (err_pos != nullptr)
        *err_pos = text;
    return api::guard([&] {
        tls::ParseResult r = tls::init_priority(text, append, _gnutls_default_priority_string);
        if (r.err != Err::ok) {
            if (err_pos != nullptr && text != nullptr)
                *err_pos = text + r.err_offset;
            return api::to_gnutls(r.err);
        }
        session->set_priority(std::move(r.priority));
        return 0;
    });
}

}  // namespace

/**
 * gnutls_priority_set:
 * @session: the session to configure
 * @priority: a priority object from gnutls_priority_init()
 *
 * Makes @session negotiate with the versions, algorithms and flags of
 * @priority.  The session keeps its own reference, so @priority may be
 * released with gnutls_priority_deinit() while the session lives.  It
 * applies to the next handshake.
 *
 * Returns: zero on success, or %GNUTLS_E_NO_CIPHER_SUITES when @priority
 * is %NULL.
 **/
TLSHIM_API int gnutls_priority_set(gnutls_session_t session, gnutls_priority_t priority)
{
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (priority == nullptr || priority->prio == nullptr)
        return GNUTLS_E_NO_CIPHER_SUITES;
    session->set_priority(priority->prio);
    return 0;
}

/**
 * gnutls_priority_set_direct:
 * @session: the session to configure
 * @priorities: a priority string (see gnutls_priority_init()), or %NULL for the default
 * @err_pos: where the position of a rejected token is stored, or %NULL
 *
 * Parses @priorities and installs the result on @session in one step, as
 * gnutls_priority_init() followed by gnutls_priority_set() would.
 *
 * Returns: zero on success, or a negative error code (then @err_pos
 * points at the offending token).
 **/
TLSHIM_API int gnutls_priority_set_direct(gnutls_session_t session, const char *priorities, const char **err_pos)
{
    return set_text(session, priorities, false, err_pos);
}

/**
 * gnutls_set_default_priority:
 * @session: the session to configure
 *
 * Installs the library's default priorities on @session (the system
 * configuration may override them).  This is what most applications want.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_set_default_priority(gnutls_session_t session)
{
    return set_text(session, nullptr, false, nullptr);
}

/**
 * gnutls_set_default_priority_append:
 * @session: the session to configure
 * @add_prio: edits to apply to the default priorities, such as "-VERS-TLS1.2"
 * @err_pos: where the position of a rejected token is stored, or %NULL
 * @flags: reserved, zero
 *
 * Installs the default priorities modified by the edits in @add_prio (a
 * string of ":"-separated edits without a leading keyword).
 *
 * Returns: zero on success, or a negative error code (then @err_pos
 * points at the offending token of @add_prio).
 **/
TLSHIM_API int gnutls_set_default_priority_append(gnutls_session_t session, const char *add_prio,
                                                  const char **err_pos, unsigned flags)
{
    (void)flags;
    return set_text(session, add_prio, true, err_pos);
}
