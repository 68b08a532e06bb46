// SPDX-License-Identifier: LGPL-2.1-or-later
// Transport callbacks and the default socket transport (see transport.hh).
#include "core/tls/transport.hh"

#include <poll.h>
#include <unistd.h>
#include <sys/socket.h>

#include <cerrno>
#include <climits>
#include <cstdint>

namespace tlshim::tls {

namespace {

int fd_of(gnutls_transport_ptr_t p) noexcept
{
    return static_cast<int>(reinterpret_cast<std::intptr_t>(p));
}

}  // namespace

void Transport::set_int(int recv_fd, int send_fd) noexcept
{
    recv_ptr = reinterpret_cast<gnutls_transport_ptr_t>(static_cast<std::intptr_t>(recv_fd));
    send_ptr = reinterpret_cast<gnutls_transport_ptr_t>(static_cast<std::intptr_t>(send_fd));
}

Err Transport::map_failure(gnutls_transport_ptr_t ptr, Err other) noexcept
{
    // A callback reports its errno through gnutls_transport_set_errno(),
    // an errno function, or errno itself, in that order of preference.
    int e = errno;
    if (errno_ != 0)
        e = errno_;
    else if (errno_fn != nullptr)
        e = errno_fn(ptr);
    errno_ = 0;
    last_errno_ = e;
    if (e == EAGAIN || e == EWOULDBLOCK)
        return Err::again;
    if (e == EINTR)
        return Err::interrupted;
    return other;
}

Err Transport::pull(MutableBytes out, std::size_t &got)
{
    got = 0;
    if (out.empty())
        return Err::ok;
    errno_ = 0;
    ssize_t n;
    if (pull_fn != nullptr) {
        errno = 0;
        n = pull_fn(recv_ptr, out.data(), out.size());
    } else {
        n = ::recv(fd_of(recv_ptr), out.data(), out.size(), 0);
        if (n < 0 && errno == ENOTSOCK)
            n = ::read(fd_of(recv_ptr), out.data(), out.size());
    }
    if (n < 0)
        return map_failure(recv_ptr, Err::pull_error);
    if (static_cast<std::size_t>(n) > out.size())
        return Err::pull_error;  // a callback that claims more than it was given
    got = static_cast<std::size_t>(n);
    return Err::ok;
}

int wait_fd_readable(gnutls_transport_ptr_t ptr, unsigned ms) noexcept
{
    pollfd p{fd_of(ptr), POLLIN, 0};
    int t = ms == GNUTLS_INDEFINITE_TIMEOUT ? -1 : (ms > INT_MAX ? INT_MAX : static_cast<int>(ms));
    return ::poll(&p, 1, t);
}

Err Transport::wait_readable(unsigned ms)
{
    int rc;
    if (pull_timeout_fn != nullptr) {
        errno = 0;
        errno_ = 0;
        rc = pull_timeout_fn(recv_ptr, ms);
    } else {
        rc = wait_fd_readable(recv_ptr, ms);
    }
    if (rc < 0)
        return map_failure(recv_ptr, Err::pull_error);
    return rc == 0 ? Err::timed_out : Err::ok;
}

Err Transport::push(Bytes data, std::size_t &sent)
{
    sent = 0;
    if (data.empty())
        return Err::ok;
    errno_ = 0;
    ssize_t n;
    if (push_fn != nullptr) {
        errno = 0;
        n = push_fn(send_ptr, data.data(), data.size());
    } else if (vec_push_fn != nullptr) {
        giovec_t iov{const_cast<std::uint8_t *>(data.data()), data.size()};
        errno = 0;
        n = vec_push_fn(send_ptr, &iov, 1);
    } else {
        n = ::send(fd_of(send_ptr), data.data(), data.size(), no_signal ? MSG_NOSIGNAL : 0);
        if (n < 0 && errno == ENOTSOCK)
            n = ::write(fd_of(send_ptr), data.data(), data.size());
    }
    if (n < 0)
        return map_failure(send_ptr, Err::push_error);
    if (static_cast<std::size_t>(n) > data.size())
        return Err::push_error;
    sent = static_cast<std::size_t>(n);
    return Err::ok;
}

}  // namespace tlshim::tls
