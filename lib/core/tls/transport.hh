// SPDX-License-Identifier: LGPL-2.1-or-later
// The one module that talks to the application's transport: the pull/push
// callbacks (or the default ones on a socket descriptor), the errno they
// report, and the mapping of their failures to GNUTLS_E_AGAIN /
// GNUTLS_E_INTERRUPTED / pull and push errors. Everything above it works on
// bytes in and bytes out.
#pragma once

#include <gnutls/gnutls.h>
#include <sys/uio.h>

#include <cstddef>
#include <cstdint>

#include "core/bytes.hh"
#include "core/error.hh"

namespace tlshim::tls {

// Waits until the descriptor in `ptr` (the default transport's form) is
// readable: poll(2)'s answer (>0 ready, 0 after `ms` milliseconds, -1 with
// errno).  GNUTLS_INDEFINITE_TIMEOUT waits without limit.
int wait_fd_readable(gnutls_transport_ptr_t ptr, unsigned ms) noexcept;

class Transport {
public:
    // The application's side (gnutls_transport_set_*).
    gnutls_transport_ptr_t recv_ptr = nullptr;
    gnutls_transport_ptr_t send_ptr = nullptr;
    gnutls_pull_func pull_fn = nullptr;  // null: recv() on the descriptor
    gnutls_push_func push_fn = nullptr;  // null (and no vec_push): send() on it
    gnutls_vec_push_func vec_push_fn = nullptr;
    gnutls_pull_timeout_func pull_timeout_fn = nullptr;  // null: poll() on it
    gnutls_errno_func errno_fn = nullptr;
    bool no_signal = false;  // GNUTLS_NO_SIGNAL: MSG_NOSIGNAL on send()

    // Sets both pointers to a descriptor (gnutls_transport_set_int).
    void set_int(int recv_fd, int send_fd) noexcept;

    // gnutls_transport_set_errno: the errno a callback reports for its -1.
    void set_errno(int e) noexcept { errno_ = e; }

    // Reads up to out.size() bytes. got == 0 with Err::ok is end of stream.
    // Err::again / Err::interrupted when the callback said EAGAIN / EINTR,
    // Err::pull_error otherwise.
    Err pull(MutableBytes out, std::size_t &got);
    // Waits up to ms milliseconds (GNUTLS_INDEFINITE_TIMEOUT: forever) for
    // input. Err::ok when there is some, Err::timed_out when not.
    Err wait_readable(unsigned ms);
    // Writes some of the bytes; sent may be less than data.size().
    Err push(Bytes data, std::size_t &sent);

    // The errno of the last failed callback (for diagnostics).
    int last_errno() const noexcept { return last_errno_; }

private:
    Err map_failure(gnutls_transport_ptr_t ptr, Err other) noexcept;

    int errno_ = 0;
    int last_errno_ = 0;
};

}  // namespace tlshim::tls
