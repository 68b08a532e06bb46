// SPDX-License-Identifier: LGPL-2.1-or-later
// The result type of a declared function, for the generated stubs and the
// test that calls them.
#pragma once

namespace tlshim::abi {

template <typename F>
struct Signature;
template <typename R, typename... A>
struct Signature<R(A...)> {
    using result = R;
};
template <typename R, typename... A>
struct Signature<R(A..., ...)> {
    using result = R;
};

}  // namespace tlshim::abi
