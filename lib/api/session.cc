// SPDX-License-Identifier: LGPL-2.1-or-later
// C facade: session life cycle, transport, record I/O and the session's
// configuration and state getters.
#include "api/api.hh"
#include "api/session.hh"

#include <gnutls/gnutls.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "core/encoding/idna.hh"
#include "core/tls/transport.hh"

using namespace tlshim;

namespace {

// ALPN limits of GnuTLS: at most 8 protocols, names shorter than 32 bytes.
constexpr unsigned kMaxAlpnProtocols = 8;
constexpr std::size_t kMaxAlpnName = 32;

long record_io_check(gnutls_session_t session) noexcept
{
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    if (!session->handshake_done())
        return GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE;
    return 0;
}

int ptr_fd(gnutls_transport_ptr_t p) noexcept
{
    return static_cast<int>(reinterpret_cast<std::intptr_t>(p));
}

}  // namespace

/**
 * gnutls_init:
 * @session: where the new session is stored
 * @flags: %GNUTLS_SERVER or %GNUTLS_CLIENT, with any other gnutls_init_flags_t bits
 *
 * Creates a session for one TLS connection, in the server role when @flags
 * contains %GNUTLS_SERVER and in the client role otherwise. Before the
 * handshake the session needs credentials (gnutls_credentials_set()), a
 * priority (gnutls_priority_set() or gnutls_set_default_priority()) and a
 * transport (gnutls_transport_set_int() or the push/pull functions).
 * Release it with gnutls_deinit().
 *
 * Flag bits this version does not act on are accepted and ignored; see the
 * compatibility notes.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_init(gnutls_session_t *session, unsigned int flags)
{
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        *session = new gnutls_session_int(flags);
        return 0;
    });
}

/**
 * gnutls_deinit:
 * @session: a session, or %NULL
 *
 * Frees a session and every secret it holds. The connection is not closed:
 * call gnutls_bye() first for an orderly end.
 **/
TLSHIM_API void gnutls_deinit(gnutls_session_t session)
{
    delete session;
}

/**
 * gnutls_session_set_ptr:
 * @session: a session
 * @ptr: any pointer
 *
 * Attaches an application pointer to @session, for callbacks to find with
 * gnutls_session_get_ptr().
 **/
TLSHIM_API void gnutls_session_set_ptr(gnutls_session_t session, void *ptr)
{
    if (session != nullptr)
        session->user_ptr = ptr;
}

/**
 * gnutls_session_get_ptr:
 * @session: a session
 *
 * Returns the application pointer attached to the session.
 *
 * Returns: the pointer given to gnutls_session_set_ptr(), or %NULL.
 **/
TLSHIM_API void *gnutls_session_get_ptr(gnutls_session_t session)
{
    return session != nullptr ? session->user_ptr : nullptr;
}

/**
 * gnutls_transport_set_int2:
 * @session: a session
 * @r: the descriptor to read from
 * @s: the descriptor to write to
 *
 * Makes the session read records from @r and write them to @s with the
 * default transport functions (recv() and send(), or read() and write()
 * on descriptors that are not sockets).
 **/
TLSHIM_API void gnutls_transport_set_int2(gnutls_session_t session, int r, int s)
{
    if (session != nullptr)
        session->transport().set_int(r, s);
}

/**
 * gnutls_transport_set_ptr:
 * @session: a session
 * @ptr: the value handed to the push and pull functions
 *
 * Sets the value that the transport functions receive as their first
 * argument, for both directions.
 **/
TLSHIM_API void gnutls_transport_set_ptr(gnutls_session_t session, gnutls_transport_ptr_t ptr)
{
    if (session != nullptr)
        session->transport().recv_ptr = session->transport().send_ptr = ptr;
}

/**
 * gnutls_transport_set_ptr2:
 * @session: a session
 * @recv_ptr: the value handed to the pull functions
 * @send_ptr: the value handed to the push functions
 *
 * Sets different transport values for reading and for writing.
 **/
TLSHIM_API void gnutls_transport_set_ptr2(gnutls_session_t session, gnutls_transport_ptr_t recv_ptr,
                                          gnutls_transport_ptr_t send_ptr)
{
    if (session == nullptr)
        return;
    session->transport().recv_ptr = recv_ptr;
    session->transport().send_ptr = send_ptr;
}

/**
 * gnutls_transport_get_ptr:
 * @session: a session
 *
 * Returns the transport value the session reads through.
 *
 * Returns: the transport value used for reading.
 **/
TLSHIM_API gnutls_transport_ptr_t gnutls_transport_get_ptr(gnutls_session_t session)
{
    return session != nullptr ? session->transport().recv_ptr : nullptr;
}

/**
 * gnutls_transport_get_ptr2:
 * @session: a session
 * @recv_ptr: receives the transport value used for reading
 * @send_ptr: receives the transport value used for writing
 *
 * Reports both transport values.
 **/
TLSHIM_API void gnutls_transport_get_ptr2(gnutls_session_t session, gnutls_transport_ptr_t *recv_ptr,
                                          gnutls_transport_ptr_t *send_ptr)
{
    if (session == nullptr || recv_ptr == nullptr || send_ptr == nullptr)
        return;
    *recv_ptr = session->transport().recv_ptr;
    *send_ptr = session->transport().send_ptr;
}

/**
 * gnutls_transport_get_int:
 * @session: a session
 *
 * Returns the descriptor the session reads from.
 *
 * Returns: the descriptor used for reading (-1 when none was set).
 **/
TLSHIM_API int gnutls_transport_get_int(gnutls_session_t session)
{
    return session != nullptr ? ptr_fd(session->transport().recv_ptr) : -1;
}

/**
 * gnutls_transport_get_int2:
 * @session: a session
 * @r: receives the descriptor used for reading
 * @s: receives the descriptor used for writing
 *
 * Reports both descriptors.
 **/
TLSHIM_API void gnutls_transport_get_int2(gnutls_session_t session, int *r, int *s)
{
    if (session == nullptr || r == nullptr || s == nullptr)
        return;
    *r = ptr_fd(session->transport().recv_ptr);
    *s = ptr_fd(session->transport().send_ptr);
}

/**
 * gnutls_transport_set_push_function:
 * @session: a session
 * @push_func: a send()-like function, or %NULL for the default
 *
 * Replaces the function that writes records to the transport. It returns
 * the number of bytes it took (possibly fewer than offered) or -1, with
 * the reason in errno or given through gnutls_transport_set_errno();
 * %EAGAIN and %EINTR become %GNUTLS_E_AGAIN and %GNUTLS_E_INTERRUPTED.
 **/
TLSHIM_API void gnutls_transport_set_push_function(gnutls_session_t session, gnutls_push_func push_func)
{
    if (session != nullptr)
        session->transport().push_fn = push_func;
}

/**
 * gnutls_transport_set_vec_push_function:
 * @session: a session
 * @vec_func: a writev()-like function, or %NULL
 *
 * Replaces the function that writes records with one that takes an array
 * of buffers. A push function set with gnutls_transport_set_push_function()
 * takes precedence.
 **/
TLSHIM_API void gnutls_transport_set_vec_push_function(gnutls_session_t session, gnutls_vec_push_func vec_func)
{
    if (session != nullptr)
        session->transport().vec_push_fn = vec_func;
}

/**
 * gnutls_transport_set_pull_function:
 * @session: a session
 * @pull_func: a recv()-like function, or %NULL for the default
 *
 * Replaces the function that reads from the transport. It returns the
 * number of bytes read, 0 at the end of the stream, or -1 with the reason
 * as for the push function.
 **/
TLSHIM_API void gnutls_transport_set_pull_function(gnutls_session_t session, gnutls_pull_func pull_func)
{
    if (session != nullptr)
        session->transport().pull_fn = pull_func;
}

/**
 * gnutls_system_recv_timeout:
 * @ptr: the transport pointer, holding a socket descriptor
 * @ms: the longest wait in milliseconds, or %GNUTLS_INDEFINITE_TIMEOUT
 *
 * The pull-timeout function the default transport uses, exported so that
 * applications with their own pull function on a socket can install it
 * with gnutls_transport_set_pull_timeout_function().  It waits until the
 * descriptor has data to read.
 *
 * Returns: a positive number when data is ready, 0 when @ms passed
 * without any, -1 on error (with errno set).
 **/
TLSHIM_API int gnutls_system_recv_timeout(gnutls_transport_ptr_t ptr, unsigned int ms)
{
    return tls::wait_fd_readable(ptr, ms);
}

/**
 * gnutls_transport_set_pull_timeout_function:
 * @session: a session
 * @func: a function that waits for input, or %NULL for the default
 *
 * Sets the function used to wait for data with a timeout (in milliseconds;
 * %GNUTLS_INDEFINITE_TIMEOUT waits forever). It returns a positive number
 * when data is available, 0 on timeout and -1 on error. Applications with
 * their own pull function should set one when they use timeouts.
 **/
TLSHIM_API void gnutls_transport_set_pull_timeout_function(gnutls_session_t session, gnutls_pull_timeout_func func)
{
    if (session != nullptr)
        session->transport().pull_timeout_fn = func;
}

/**
 * gnutls_transport_set_errno_function:
 * @session: a session
 * @errno_func: a function returning the errno of the last transport call
 *
 * For transports that do not report failures through errno: the library
 * asks this function for the reason after a push or pull function failed.
 **/
TLSHIM_API void gnutls_transport_set_errno_function(gnutls_session_t session, gnutls_errno_func errno_func)
{
    if (session != nullptr)
        session->transport().errno_fn = errno_func;
}

/**
 * gnutls_transport_set_errno:
 * @session: a session
 * @err: an errno value such as %EAGAIN or %EINTR
 *
 * Called from a push or pull function before it returns -1, to give the
 * reason without touching the global errno.
 **/
TLSHIM_API void gnutls_transport_set_errno(gnutls_session_t session, int err)
{
    if (session != nullptr)
        session->transport().set_errno(err);
}

/**
 * gnutls_record_get_direction:
 * @session: a session
 *
 * After a call returned %GNUTLS_E_AGAIN or %GNUTLS_E_INTERRUPTED, tells
 * whether it was waiting to read or to write, so that the application can
 * wait for the right event on its descriptor.
 *
 * Returns: 0 when the interrupted call was reading, 1 when it was writing.
 **/
TLSHIM_API int gnutls_record_get_direction(gnutls_session_t session)
{
    return session != nullptr ? session->direction() : 0;
}

/**
 * gnutls_record_check_pending:
 * @session: a session
 *
 * Tells whether gnutls_record_recv() can return data without reading from the transport.
 *
 * Returns: the number of decrypted application bytes waiting to be read
 * with gnutls_record_recv(); no transport read is needed to get them.
 **/
TLSHIM_API size_t gnutls_record_check_pending(gnutls_session_t session)
{
    return session != nullptr ? session->pending() : 0;
}

/**
 * gnutls_record_send:
 * @session: a session that completed its handshake
 * @data: the bytes to send
 * @data_size: their number
 *
 * Encrypts and sends application data. One call sends at most one record,
 * so it may take fewer bytes than offered; the return value says how many.
 *
 * When it returns %GNUTLS_E_AGAIN or %GNUTLS_E_INTERRUPTED the record is
 * already built: call it again (with the same arguments, or %NULL and 0)
 * until it returns the number of bytes it had taken.
 *
 * Returns: the number of bytes sent, or a negative error code.
 **/
TLSHIM_API ssize_t gnutls_record_send(gnutls_session_t session, const void *data, size_t data_size)
{
    if (long rc = record_io_check(session); rc < 0)
        return rc;
    if (data == nullptr && data_size != 0)
        data_size = 0;
    return api::guard([&] {
        return static_cast<int>(session->send(Bytes(static_cast<const std::uint8_t *>(data), data_size)));
    });
}

/**
 * gnutls_record_recv:
 * @session: a session that completed its handshake
 * @data: where the bytes go
 * @data_size: the room at @data
 *
 * Receives application data: at most one record's worth per call.
 *
 * Returns: the number of bytes received, 0 when the peer closed the
 * connection with close_notify, or a negative error code. Among them,
 * %GNUTLS_E_AGAIN and %GNUTLS_E_INTERRUPTED (call again),
 * %GNUTLS_E_WARNING_ALERT_RECEIVED (see gnutls_alert_get(); the session
 * goes on), %GNUTLS_E_REHANDSHAKE (the peer asks for a new handshake) and
 * %GNUTLS_E_PREMATURE_TERMINATION (the transport ended without close_notify).
 **/
TLSHIM_API ssize_t gnutls_record_recv(gnutls_session_t session, void *data, size_t data_size)
{
    if (long rc = record_io_check(session); rc < 0)
        return rc;
    // Like GnuTLS: a read needs room for at least one byte.
    if (data == nullptr || data_size == 0)
        return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        return static_cast<int>(session->recv(MutableBytes(static_cast<std::uint8_t *>(data), data_size)));
    });
}

/**
 * gnutls_record_recv_seq:
 * @session: a session that completed its handshake
 * @data: where the bytes go
 * @data_size: the room at @data
 * @seq: receives the record's 8-byte sequence number (big-endian), or %NULL
 *
 * Same as gnutls_record_recv(), also reporting which record the bytes came from.
 *
 * Returns: as gnutls_record_recv().
 **/
TLSHIM_API ssize_t gnutls_record_recv_seq(gnutls_session_t session, void *data, size_t data_size,
                                          unsigned char *seq)
{
    if (long rc = record_io_check(session); rc < 0)
        return rc;
    if (data == nullptr)
        data_size = 0;
    return api::guard([&] {
        std::uint64_t n = 0;
        long rc = session->recv(MutableBytes(static_cast<std::uint8_t *>(data), data_size), &n);
        if (rc > 0 && seq != nullptr)
            for (int i = 7; i >= 0; i--, n >>= 8)
                seq[i] = static_cast<unsigned char>(n);
        return static_cast<int>(rc);
    });
}

// A received record handed over whole (gnutls_record_recv_packet).
struct mbuffer_st {
    std::vector<std::uint8_t> data;
    unsigned char seq[8] = {};
};

/**
 * gnutls_record_recv_packet:
 * @session: a session that completed its handshake
 * @packet: receives the record's data (release it with gnutls_packet_deinit())
 *
 * Receives the application data of one record as an object of its own,
 * read with gnutls_packet_get().
 *
 * Returns: the number of bytes in the packet; 0 when the peer closed the
 * connection (then @packet is %NULL); or a negative error code, as
 * gnutls_record_recv().
 **/
TLSHIM_API ssize_t gnutls_record_recv_packet(gnutls_session_t session, gnutls_packet_t *packet)
{
    if (packet == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *packet = nullptr;
    if (long rc = record_io_check(session); rc < 0)
        return rc;
    return api::guard([&] {
        auto p = std::make_unique<mbuffer_st>();
        p->data.resize(tls::kMaxPlaintext);
        std::uint64_t n = 0;
        const long rc = session->recv(MutableBytes(p->data), &n);
        if (rc <= 0)
            return static_cast<int>(rc);
        p->data.resize(static_cast<std::size_t>(rc));
        for (int i = 7; i >= 0; i--, n >>= 8)
            p->seq[i] = static_cast<unsigned char>(n);
        *packet = p.release();
        return static_cast<int>(rc);
    });
}

/**
 * gnutls_packet_get:
 * @packet: a packet from gnutls_record_recv_packet()
 * @data: receives a view of its data (valid until gnutls_packet_deinit()), or %NULL
 * @sequence: receives its 8-byte record sequence number, or %NULL
 *
 * Gives the contents of a received packet.
 **/
TLSHIM_API void gnutls_packet_get(gnutls_packet_t packet, gnutls_datum_t *data, unsigned char *sequence)
{
    if (packet == nullptr)
        return;
    if (data != nullptr) {
        data->data = packet->data.data();
        data->size = static_cast<unsigned>(packet->data.size());
    }
    if (sequence != nullptr)
        std::memcpy(sequence, packet->seq, 8);
}

/**
 * gnutls_packet_deinit:
 * @packet: a packet from gnutls_record_recv_packet(), or %NULL
 *
 * Releases a packet.
 **/
TLSHIM_API void gnutls_packet_deinit(gnutls_packet_t packet)
{
    delete packet;
}

/**
 * gnutls_alert_get:
 * @session: a session
 *
 * Tells which alert the peer sent last.
 *
 * Returns: the description of the last alert received, for the
 * application to inspect after %GNUTLS_E_WARNING_ALERT_RECEIVED or
 * %GNUTLS_E_FATAL_ALERT_RECEIVED.
 **/
TLSHIM_API gnutls_alert_description_t gnutls_alert_get(gnutls_session_t session)
{
    return session != nullptr ? session->last_alert() : GNUTLS_A_CLOSE_NOTIFY;
}

/**
 * gnutls_record_get_max_size:
 * @session: a session
 *
 * Tells the record size this side works with: after a handshake, the size
 * it asked for with gnutls_record_set_max_size(), or the fragment length
 * both sides agreed on through max_fragment_length.  Records sent may be
 * smaller still when the peer announced a lower record_size_limit.
 *
 * Returns: a plaintext size in bytes (16384 when nothing was asked for).
 **/
TLSHIM_API size_t gnutls_record_get_max_size(gnutls_session_t session)
{
    return session != nullptr ? session->record_size_reported() : 0;
}

/**
 * gnutls_record_set_max_size:
 * @session: a session
 * @size: the largest record plaintext wanted, from 512 to 16384
 *
 * Asks for smaller records. A client announces the limit in its hello
 * (record_size_limit, and for 512, 1024, 2048 or 4096 also
 * max_fragment_length for servers that only know that one); a server
 * answers a client's record_size_limit with it.  Either way the limit
 * bounds the records this side sends from the handshake on.
 *
 * Returns: zero on success, or %GNUTLS_E_INVALID_REQUEST for a size out of range.
 **/
TLSHIM_API ssize_t gnutls_record_set_max_size(gnutls_session_t session, size_t size)
{
    if (session == nullptr || size < 512 || size > 16384)
        return GNUTLS_E_INVALID_REQUEST;
    session->options().max_record_request = size;
    return 0;
}

/**
 * gnutls_protocol_get_version:
 * @session: a session
 *
 * Tells which protocol version the session speaks.
 *
 * Returns: the negotiated protocol version, or %GNUTLS_VERSION_UNKNOWN
 * before a handshake.
 **/
TLSHIM_API gnutls_protocol_t gnutls_protocol_get_version(gnutls_session_t session)
{
    return session != nullptr ? session->protocol_version() : GNUTLS_VERSION_UNKNOWN;
}

/**
 * gnutls_cipher_get:
 * @session: a session
 *
 * Tells which cipher protects the records.
 *
 * Returns: the cipher protecting the records (%GNUTLS_CIPHER_NULL before a handshake).
 **/
TLSHIM_API gnutls_cipher_algorithm_t gnutls_cipher_get(gnutls_session_t session)
{
    return session != nullptr ? session->negotiated().cipher : GNUTLS_CIPHER_NULL;
}

/**
 * gnutls_kx_get:
 * @session: a session
 *
 * Tells which key exchange the last handshake used.
 *
 * Returns: the key exchange of the last handshake, or %GNUTLS_KX_UNKNOWN.
 * Under TLS 1.3 it names the kind of key exchange that took place
 * (e.g. %GNUTLS_KX_ECDHE_RSA for an ECDHE handshake with an RSA certificate).
 **/
TLSHIM_API gnutls_kx_algorithm_t gnutls_kx_get(gnutls_session_t session)
{
    return session != nullptr ? session->negotiated().kx : GNUTLS_KX_UNKNOWN;
}

/**
 * gnutls_mac_get:
 * @session: a session
 *
 * Tells which MAC protects the records.
 *
 * Returns: the record MAC (%GNUTLS_MAC_AEAD for AEAD ciphers,
 * %GNUTLS_MAC_NULL before a handshake).
 **/
TLSHIM_API gnutls_mac_algorithm_t gnutls_mac_get(gnutls_session_t session)
{
    return session != nullptr ? session->negotiated().mac : GNUTLS_MAC_NULL;
}

/**
 * gnutls_group_get:
 * @session: a session
 *
 * Tells which group the key exchange used.
 *
 * Returns: the group of the (EC)DH key exchange, or %GNUTLS_GROUP_INVALID
 * when there was none.
 *
 * Since: 3.6.0
 **/
TLSHIM_API gnutls_group_t gnutls_group_get(gnutls_session_t session)
{
    return session != nullptr ? session->negotiated().group : GNUTLS_GROUP_INVALID;
}

/**
 * gnutls_certificate_type_get:
 * @session: a session
 *
 * Tells which kind of certificate (X.509 or raw public key) the session uses.
 *
 * Returns: the certificate type in use (the server's, or this side's when
 * the types differ); %GNUTLS_CRT_X509 unless raw public keys were negotiated.
 **/
TLSHIM_API gnutls_certificate_type_t gnutls_certificate_type_get(gnutls_session_t session)
{
    if (session == nullptr)
        return GNUTLS_CRT_UNKNOWN;
    return session->negotiated().server_ctype;
}

/**
 * gnutls_certificate_type_get2:
 * @session: a session
 * @target: %GNUTLS_CTYPE_CLIENT, %GNUTLS_CTYPE_SERVER, %GNUTLS_CTYPE_OURS or %GNUTLS_CTYPE_PEERS
 *
 * Tells which kind of certificate one side of the session uses.
 *
 * Returns: the certificate type negotiated for @target.
 *
 * Since: 3.6.4
 **/
TLSHIM_API gnutls_certificate_type_t gnutls_certificate_type_get2(gnutls_session_t session,
                                                                  gnutls_ctype_target_t target)
{
    if (session == nullptr)
        return GNUTLS_CRT_UNKNOWN;
    const auto &n = session->negotiated();
    switch (api::raw(target)) {
    case GNUTLS_CTYPE_CLIENT:
        return n.client_ctype;
    case GNUTLS_CTYPE_SERVER:
        return n.server_ctype;
    case GNUTLS_CTYPE_OURS:
        return session->server() ? n.server_ctype : n.client_ctype;
    case GNUTLS_CTYPE_PEERS:
        return session->server() ? n.client_ctype : n.server_ctype;
    default:
        return GNUTLS_CRT_UNKNOWN;
    }
}

/**
 * gnutls_server_name_set:
 * @session: a client session
 * @type: %GNUTLS_NAME_DNS
 * @name: the server's host name (UTF-8; converted to its IDNA ASCII form)
 * @name_length: its length, without a terminating NUL
 *
 * Sets the name sent in the server_name extension (RFC 6066). A %NULL or
 * empty name removes it; other name types are ignored.
 *
 * Returns: zero on success, %GNUTLS_E_INVALID_REQUEST on a server or for a
 * name longer than 255 bytes, %GNUTLS_E_INVALID_UTF8_STRING for a name
 * that is not valid UTF-8.
 **/
TLSHIM_API int gnutls_server_name_set(gnutls_session_t session, gnutls_server_name_type_t type,
                                      const void *name, size_t name_length)
{
    if (session == nullptr || session->server())
        return GNUTLS_E_INVALID_REQUEST;
    if (name == nullptr || name_length == 0) {
        session->options().server_name.clear();
        return 0;
    }
    if (name_length > 255)
        return GNUTLS_E_INVALID_REQUEST;
    if (api::raw(type) != GNUTLS_NAME_DNS)
        return 0;
    return api::guard([&] {
        std::string ace;
        std::string_view in(static_cast<const char *>(name), name_length);
        if (Err e = encoding::idna_to_ascii(in, false, ace); !ok(e))
            return api::to_gnutls(e);
        session->options().server_name = ace;
        return 0;
    });
}

/**
 * gnutls_server_name_get:
 * @session: a server session
 * @data: where the name is written, NUL-terminated
 * @data_length: the room at @data; receives the name's length
 * @type: receives the name type (%GNUTLS_NAME_DNS)
 * @indx: which name; only 0 exists
 *
 * Reports the host name the client asked for in its hello.
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER (with the size
 * needed, terminating NUL included, in @data_length),
 * %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when the client sent none, or
 * %GNUTLS_E_INVALID_REQUEST on a client.
 **/
TLSHIM_API int gnutls_server_name_get(gnutls_session_t session, void *data, size_t *data_length,
                                      unsigned int *type, unsigned int indx)
{
    if (session == nullptr || !session->server() || data_length == nullptr || type == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const std::string &name = session->negotiated().peer_server_name;
    if (indx != 0 || name.empty())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    *type = GNUTLS_NAME_DNS;
    if (data == nullptr || *data_length < name.size() + 1) {
        *data_length = name.size() + 1;
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    std::memcpy(data, name.data(), name.size());
    static_cast<char *>(data)[name.size()] = '\0';
    *data_length = name.size();
    return 0;
}

/**
 * gnutls_alpn_set_protocols:
 * @session: a session
 * @protocols: the protocol names in order of preference
 * @protocols_size: how many (at most 8)
 * @flags: %GNUTLS_ALPN_MANDATORY and/or %GNUTLS_ALPN_SERVER_PRECEDENCE
 *
 * Sets the application protocols (RFC 7301) a client offers or a server
 * accepts. Each name must be shorter than 32 bytes.
 *
 * Returns: zero on success, or %GNUTLS_E_INVALID_REQUEST.
 *
 * Since: 3.2.0
 **/
TLSHIM_API int gnutls_alpn_set_protocols(gnutls_session_t session, const gnutls_datum_t *protocols,
                                         unsigned protocols_size, unsigned int flags)
{
    if (session == nullptr || protocols_size > kMaxAlpnProtocols || (protocols_size && protocols == nullptr))
        return GNUTLS_E_INVALID_REQUEST;
    for (unsigned i = 0; i < protocols_size; i++)
        if (protocols[i].size >= kMaxAlpnName || (protocols[i].size && protocols[i].data == nullptr))
            return GNUTLS_E_INVALID_REQUEST;
    return api::guard([&] {
        auto &o = session->options();
        o.alpn.clear();
        for (unsigned i = 0; i < protocols_size; i++)
            if (protocols[i].size != 0)
                o.alpn.emplace_back(reinterpret_cast<const char *>(protocols[i].data), protocols[i].size);
        o.alpn_flags = flags;
        return 0;
    });
}

/**
 * gnutls_alpn_get_selected_protocol:
 * @session: a session
 * @protocol: receives the protocol agreed on (pointing into the session)
 *
 * Reports the application protocol the handshake settled on (RFC 7301).
 *
 * Returns: zero on success, or %GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when
 * no protocol was negotiated.
 *
 * Since: 3.2.0
 **/
TLSHIM_API int gnutls_alpn_get_selected_protocol(gnutls_session_t session, gnutls_datum_t *protocol)
{
    if (session == nullptr || protocol == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const std::string &p = session->negotiated().alpn;
    if (p.empty())
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    protocol->data = reinterpret_cast<unsigned char *>(const_cast<char *>(p.data()));
    protocol->size = static_cast<unsigned>(p.size());
    return 0;
}

/**
 * gnutls_session_is_resumed:
 * @session: a session
 *
 * Tells whether the last handshake was an abbreviated one.
 *
 * Returns: non-zero when the last handshake resumed an earlier session.
 **/
TLSHIM_API int gnutls_session_is_resumed(gnutls_session_t session)
{
    return session != nullptr && session->negotiated().resumed ? 1 : 0;
}

/**
 * gnutls_safe_renegotiation_status:
 * @session: a session
 *
 * Tells whether renegotiation on this session is protected by RFC 5746.
 *
 * Returns: non-zero when the peer supports safe renegotiation (RFC 5746);
 * always non-zero after a TLS 1.3 handshake.
 *
 * Since: 2.10.0
 **/
TLSHIM_API unsigned gnutls_safe_renegotiation_status(gnutls_session_t session)
{
    return session != nullptr && session->negotiated().safe_renegotiation ? 1 : 0;
}

/**
 * gnutls_session_ext_master_secret_status:
 * @session: a session
 *
 * Tells whether the master secret is bound to the handshake transcript.
 *
 * Returns: non-zero when the session uses the extended master secret
 * (RFC 7627); always non-zero after a TLS 1.3 handshake.
 *
 * Since: 3.5.0
 **/
TLSHIM_API unsigned gnutls_session_ext_master_secret_status(gnutls_session_t session)
{
    return session != nullptr && session->negotiated().extended_master_secret ? 1 : 0;
}

/**
 * gnutls_session_etm_status:
 * @session: a session
 *
 * Tells whether the CBC records of this session are MACed after encryption.
 *
 * Returns: non-zero when records are protected with encrypt-then-MAC (RFC 7366).
 *
 * Since: 3.4.0
 **/
TLSHIM_API unsigned gnutls_session_etm_status(gnutls_session_t session)
{
    return session != nullptr && session->negotiated().encrypt_then_mac ? 1 : 0;
}

/**
 * gnutls_session_get_flags:
 * @session: a session
 *
 * Describes the last handshake in flag bits.
 *
 * Returns: gnutls_session_flags_t bits describing the last handshake
 * (resumption, extended master secret, false start, tickets, ...).
 *
 * Since: 3.5.0
 **/
TLSHIM_API unsigned gnutls_session_get_flags(gnutls_session_t session)
{
    return session != nullptr ? session->negotiated().session_flags : 0;
}

/**
 * gnutls_session_get_id2:
 * @session: a session
 * @session_id: receives the session id (pointing into the session)
 *
 * Reports the session id of the last handshake: the one the server chose
 * under TLS 1.2, the legacy one the client sent under TLS 1.3.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_session_get_id2(gnutls_session_t session, gnutls_datum_t *session_id)
{
    if (session == nullptr || session_id == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const auto &id = session->negotiated().session_id;
    session_id->data = const_cast<unsigned char *>(id.data());
    session_id->size = static_cast<unsigned>(id.size());
    return 0;
}

/**
 * gnutls_session_get_id:
 * @session: a session
 * @session_id: where the id is copied
 * @session_id_size: the room at @session_id; receives the id's length
 *
 * Copies the session id (see gnutls_session_get_id2()).
 *
 * Returns: zero on success, %GNUTLS_E_SHORT_MEMORY_BUFFER (with the size
 * needed in @session_id_size), or another negative error code.
 **/
TLSHIM_API int gnutls_session_get_id(gnutls_session_t session, void *session_id, size_t *session_id_size)
{
    if (session == nullptr || session_id_size == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const auto &id = session->negotiated().session_id;
    if (id.empty()) {
        *session_id_size = 0;
        return 0;
    }
    return api::copy_out(id.data(), id.size(), session_id, session_id_size);
}

/**
 * gnutls_session_get_random:
 * @session: a session
 * @client: receives the client's hello random (pointing into the session), or %NULL
 * @server: receives the server's hello random, or %NULL
 *
 * Reports the two 32-byte randoms of the last handshake (zeros before one).
 *
 * Since: 3.0.0
 **/
TLSHIM_API void gnutls_session_get_random(gnutls_session_t session, gnutls_datum_t *client,
                                          gnutls_datum_t *server)
{
    if (session == nullptr)
        return;
    auto &n = const_cast<tls::Negotiated &>(session->negotiated());
    if (client != nullptr) {
        client->data = n.client_random;
        client->size = sizeof n.client_random;
    }
    if (server != nullptr) {
        server->data = n.server_random;
        server->size = sizeof n.server_random;
    }
}

/**
 * gnutls_handshake_get_last_in:
 * @session: a session
 *
 * Tells how far the peer got in the last handshake.
 *
 * Returns: the type of the last handshake message received, or -1 when
 * none was; useful to tell how far a failed handshake got.
 **/
TLSHIM_API gnutls_handshake_description_t gnutls_handshake_get_last_in(gnutls_session_t session)
{
    return static_cast<gnutls_handshake_description_t>(session != nullptr ? session->last_in() : -1);
}

/**
 * gnutls_handshake_get_last_out:
 * @session: a session
 *
 * Tells how far this side got in the last handshake.
 *
 * Returns: the type of the last handshake message sent, or -1 when none was.
 **/
TLSHIM_API gnutls_handshake_description_t gnutls_handshake_get_last_out(gnutls_session_t session)
{
    return static_cast<gnutls_handshake_description_t>(session != nullptr ? session->last_out() : -1);
}

/**
 * gnutls_credentials_set:
 * @session: a session
 * @type: the kind of credentials (%GNUTLS_CRD_CERTIFICATE, %GNUTLS_CRD_ANON, %GNUTLS_CRD_PSK, ...)
 * @cred: the credentials structure of that kind
 *
 * Gives the session credentials of one kind; a second call for the same
 * kind replaces the first. The session does not copy them: they must stay
 * alive, unmodified, as long as the session uses them.
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_credentials_set(gnutls_session_t session, gnutls_credentials_type_t type, void *cred)
{
    if (session == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const int t = api::raw(type);
    if (t >= 0 && static_cast<std::size_t>(t) < session->credentials.size())
        session->credentials[static_cast<std::size_t>(t)] = cred;
    return 0;
}

/**
 * gnutls_credentials_get:
 * @session: a session
 * @type: the kind of credentials
 * @cred: receives the pointer given to gnutls_credentials_set()
 *
 * Returns the credentials of one kind that the session was given.
 *
 * Returns: zero on success, or %GNUTLS_E_INVALID_REQUEST when the session
 * has no credentials of that kind.
 *
 * Since: 3.3.3
 **/
TLSHIM_API int gnutls_credentials_get(gnutls_session_t session, gnutls_credentials_type_t type, void **cred)
{
    if (session == nullptr || cred == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    const int t = api::raw(type);
    if (t < 0 || static_cast<std::size_t>(t) >= session->credentials.size() ||
        session->credentials[static_cast<std::size_t>(t)] == nullptr)
        return GNUTLS_E_INVALID_REQUEST;
    *cred = session->credentials[static_cast<std::size_t>(t)];
    return 0;
}

/**
 * gnutls_credentials_clear:
 * @session: a session
 *
 * Forgets every credentials structure given to the session (it does not
 * free them).
 **/
TLSHIM_API void gnutls_credentials_clear(gnutls_session_t session)
{
    if (session != nullptr)
        session->credentials.fill(nullptr);
}

/**
 * gnutls_handshake_set_timeout:
 * @session: a session
 * @ms: the limit in milliseconds; 0 for none, %GNUTLS_DEFAULT_HANDSHAKE_TIMEOUT for the default
 *
 * Bounds the time a handshake may take; past it the handshake fails with
 * %GNUTLS_E_TIMEDOUT. Under non-blocking I/O the limit is checked each time
 * gnutls_handshake() is called.
 **/
TLSHIM_API void gnutls_handshake_set_timeout(gnutls_session_t session, unsigned int ms)
{
    if (session == nullptr)
        return;
    // The default is 40 seconds, as GnuTLS has it.
    session->options().handshake_timeout_ms = ms == GNUTLS_DEFAULT_HANDSHAKE_TIMEOUT ? 40000 : ms;
}

/**
 * gnutls_record_set_timeout:
 * @session: a session
 * @ms: the limit in milliseconds, 0 for none, or %GNUTLS_INDEFINITE_TIMEOUT
 *
 * Makes gnutls_record_recv() fail with %GNUTLS_E_TIMEDOUT when no data
 * arrives within @ms. It needs a pull timeout function when the
 * application has its own pull function.
 **/
TLSHIM_API void gnutls_record_set_timeout(gnutls_session_t session, unsigned int ms)
{
    if (session == nullptr)
        return;
    session->options().record_timeout_ms = ms;
    session->set_read_timeout(ms);
}
