// SPDX-License-Identifier: LGPL-2.1-or-later
// Every exported function that tlshim does not implement yet.
//
// The list comes from lib/abi/symbols.tsv (status "stub") through the
// generated stubs.inc.  Each stub takes its return type from the public
// declaration (so a stub always matches the header), ignores its arguments,
// logs its name at debug level, and answers "not implemented":
// GNUTLS_E_UNIMPLEMENTED_FEATURE for int results, a null pointer or zero for
// everything else.  Implementing a function means writing it in lib/api/ and
// changing its row in symbols.tsv from "stub" to "impl".
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/compat.h>
#include <gnutls/crypto.h>
#include <gnutls/dtls.h>
#include <gnutls/ocsp.h>
#include <gnutls/openpgp.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <gnutls/self-test.h>
#include <gnutls/socket.h>
#include <gnutls/system-keys.h>
#include <gnutls/tpm.h>
#include <gnutls/urls.h>
#include <gnutls/x509-ext.h>
#include <gnutls/x509.h>

#include <type_traits>

#include "abi/private.h"
#include "abi/signature.hh"
#include "core/log.hh"

// Deprecated functions are declared with a deprecation attribute; naming
// them here is not a use.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace tlshim::abi {

template <typename R>
R unimplemented(const char *name) noexcept
{
    if (log::enabled(2))
        log::write(2, "tlshim: %s is not implemented\n", name);
    if constexpr (std::is_void_v<R>)
        return;
    else if constexpr (std::is_same_v<R, int>)
        return GNUTLS_E_UNIMPLEMENTED_FEATURE;
    else
        return R{};
}

}  // namespace tlshim::abi

// Defines a function whose symbol name is `fn` and whose return type is
// that of the declared `fn`; the parameters are not read.
#define TLSHIM_STUB(fn)                                                                  \
    extern "C" __attribute__((visibility("default")))                                    \
    tlshim::abi::Signature<decltype(fn)>::result tlshim_stub_##fn() noexcept __asm__(#fn); \
    tlshim::abi::Signature<decltype(fn)>::result tlshim_stub_##fn() noexcept               \
    {                                                                                    \
        return tlshim::abi::unimplemented<tlshim::abi::Signature<decltype(fn)>::result>(#fn); \
    }

#include "abi/stubs.inc"
