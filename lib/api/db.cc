// SPDX-License-Identifier: LGPL-2.1-or-later
// The server-side session cache of TLS 1.2 (gnutls_db_*): the application
// stores and returns opaque entries keyed by session ID; the engine asks
// through the Session virtuals defined here.  An entry is the session
// state of core/tls/resumption.hh (version, suite, creation time,
// lifetime, master secret).
#include <ctime>
#include <cstring>

#include "api/api.hh"
#include "api/session.hh"
#include "core/tls/resumption.hh"

using namespace tlshim;

namespace {

constexpr unsigned kDefaultExpiration = 21600;  // 6 hours
constexpr unsigned kMaxExpiration = 604800;     // 7 days

// The state inside an entry, or false when it is not one of ours.
bool entry_state(const gnutls_datum_t *entry, tls::TicketState &st) noexcept
{
    if (entry == nullptr || entry->data == nullptr || entry->size == 0)
        return false;
    return ok(tls::decode_state(Bytes(entry->data, entry->size), st));
}

gnutls_datum_t key_datum(Bytes id) noexcept
{
    return gnutls_datum_t{const_cast<unsigned char *>(id.data()), static_cast<unsigned>(id.size())};
}

}  // namespace

bool gnutls_session_int::db_retrieve(Bytes id, SecretBytes &data)
{
    if (db_retrieve_func == nullptr || id.empty())
        return false;
    gnutls_datum_t got = db_retrieve_func(db_ptr, key_datum(id));
    if (got.data == nullptr)
        return false;
    data.assign(got.data, got.data + got.size);
    secure_wipe(got.data, got.size);
    (gnutls_free)(got.data);
    return true;
}

void gnutls_session_int::db_store(Bytes id, Bytes data)
{
    if (db_store_func == nullptr || id.empty())
        return;
    gnutls_datum_t value{const_cast<unsigned char *>(data.data()), static_cast<unsigned>(data.size())};
    (void)db_store_func(db_ptr, key_datum(id), value);
}

void gnutls_session_int::db_remove(Bytes id)
{
    if (db_remove_func != nullptr && !id.empty())
        (void)db_remove_func(db_ptr, key_datum(id));
}

bool gnutls_session_int::db_expired(std::uint64_t issued_ms) const
{
    const std::uint64_t now = tls::now_ms();
    return now < issued_ms || now - issued_ms > std::uint64_t{db_expiration} * 1000;
}

/**
 * gnutls_db_set_retrieve_function:
 * @session: a server session
 * @retr_func: returns the entry stored under a session ID (allocated with
 *   gnutls_malloc(); the library frees it), or a datum with %NULL data
 *
 * Sets how a server looks up a session a client wants to resume by its
 * session ID (TLS 1.2 and older).
 **/
TLSHIM_API void gnutls_db_set_retrieve_function(gnutls_session_t session, gnutls_db_retr_func retr_func)
{
    if (session != nullptr)
        session->db_retrieve_func = retr_func;
}

/**
 * gnutls_db_set_store_function:
 * @session: a server session
 * @store_func: saves an entry under a session ID; returns zero on success
 *
 * Sets how a server saves a completed session so that clients can resume
 * it by its session ID.
 **/
TLSHIM_API void gnutls_db_set_store_function(gnutls_session_t session, gnutls_db_store_func store_func)
{
    if (session != nullptr)
        session->db_store_func = store_func;
}

/**
 * gnutls_db_set_remove_function:
 * @session: a server session
 * @rem_func: deletes the entry stored under a session ID
 *
 * Sets how a server forgets a session (expired entries, or
 * gnutls_db_remove_session()).
 **/
TLSHIM_API void gnutls_db_set_remove_function(gnutls_session_t session, gnutls_db_remove_func rem_func)
{
    if (session != nullptr)
        session->db_remove_func = rem_func;
}

/**
 * gnutls_db_set_ptr:
 * @session: a server session
 * @ptr: the value passed as first argument to the cache functions
 *
 * Sets the pointer the store, retrieve and remove functions receive.
 **/
TLSHIM_API void gnutls_db_set_ptr(gnutls_session_t session, void *ptr)
{
    if (session != nullptr)
        session->db_ptr = ptr;
}

/**
 * gnutls_db_get_ptr:
 * @session: a server session
 *
 * Gives the pointer set with gnutls_db_set_ptr().
 *
 * Returns: the pointer, or %NULL.
 **/
TLSHIM_API void *gnutls_db_get_ptr(gnutls_session_t session)
{
    return session != nullptr ? session->db_ptr : nullptr;
}

/**
 * gnutls_db_set_cache_expiration:
 * @session: a server session
 * @seconds: how long a stored session may be resumed
 *
 * Sets the lifetime of cache entries; values above 604800 (seven days)
 * are reduced to it.
 **/
TLSHIM_API void gnutls_db_set_cache_expiration(gnutls_session_t session, int seconds)
{
    if (session == nullptr)
        return;
    if (seconds < 0)
        seconds = 0;
    session->db_expiration = static_cast<unsigned>(seconds) > kMaxExpiration ? kMaxExpiration
                                                                            : static_cast<unsigned>(seconds);
}

/**
 * gnutls_db_get_default_cache_expiration:
 *
 * Gives the cache lifetime a session starts with.
 *
 * Returns: the number of seconds (21600).
 **/
TLSHIM_API unsigned gnutls_db_get_default_cache_expiration(void)
{
    return kDefaultExpiration;
}

/**
 * gnutls_db_remove_session:
 * @session: a server session
 *
 * Deletes the session's own entry from the cache through the remove
 * function, so that it cannot be resumed.
 **/
TLSHIM_API void gnutls_db_remove_session(gnutls_session_t session)
{
    if (session == nullptr)
        return;
    const std::vector<std::uint8_t> &id = session->negotiated().session_id;
    if (session->db_remove_func != nullptr && !id.empty())
        (void)session->db_remove_func(session->db_ptr, key_datum(Bytes(id)));
}

/**
 * gnutls_db_check_entry:
 * @session: a session
 * @session_entry: a cache entry
 *
 * Kept for compatibility; it checks nothing.
 *
 * Returns: zero.
 **/
TLSHIM_API int gnutls_db_check_entry(gnutls_session_t session, gnutls_datum_t session_entry)
{
    (void)session;
    (void)session_entry;
    return 0;
}

/**
 * gnutls_db_check_entry_time:
 * @entry: a cache entry
 *
 * Tells when the session in a cache entry was established.
 *
 * Returns: the time, or zero when @entry is not a session entry.
 **/
TLSHIM_API time_t gnutls_db_check_entry_time(gnutls_datum_t *entry)
{
    tls::TicketState st;
    if (!entry_state(entry, st))
        return 0;
    return static_cast<time_t>(st.issued_ms / 1000);
}

/**
 * gnutls_db_check_entry_expire_time:
 * @entry: a cache entry
 *
 * Tells until when the session in a cache entry may be resumed.
 *
 * Returns: the time, or zero when @entry is not a session entry.
 **/
TLSHIM_API time_t gnutls_db_check_entry_expire_time(gnutls_datum_t *entry)
{
    tls::TicketState st;
    if (!entry_state(entry, st))
        return 0;
    return static_cast<time_t>(st.issued_ms / 1000 + st.lifetime);
}
