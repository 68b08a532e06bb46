// SPDX-License-Identifier: LGPL-2.1-or-later
// C facade: human-readable certificate and extension descriptions.
#include "api/api.hh"
#include "api/x509-crt.hh"

#include <gnutls/x509.h>
#include <gnutls/x509-ext.h>

#include <string>

#include "core/x509/print.hh"

using namespace tlshim;

/**
 * gnutls_x509_crt_print:
 * @cert: the certificate to describe
 * @format: the layout, one of the #gnutls_certificate_print_formats_t values
 * @out: receives the text, allocated with gnutls_malloc() and NUL-terminated
 *
 * Writes a human-readable description of @cert.  %GNUTLS_CRT_PRINT_FULL
 * lists every field, the public key material, each extension and the
 * signature, followed by fingerprints and key identifiers;
 * %GNUTLS_CRT_PRINT_UNSIGNED_FULL leaves out what only a signed certificate
 * has (issuer, signature, fingerprints); %GNUTLS_CRT_PRINT_FULL_NUMBERS is
 * the full layout with the key parameters as plain hexadecimal numbers;
 * %GNUTLS_CRT_PRINT_ONELINE summarises the certificate in a single line and
 * %GNUTLS_CRT_PRINT_COMPACT adds the key identifiers to that line.  Release
 * @out with gnutls_free().
 *
 * Returns: zero on success, or a negative error code.
 **/
TLSHIM_API int gnutls_x509_crt_print(gnutls_x509_crt_t cert, gnutls_certificate_print_formats_t format,
                                     gnutls_datum_t *out)
{
    if (cert == nullptr || out == nullptr || cert->cert.empty())
        return GNUTLS_E_INVALID_REQUEST;
    int fmt = api::raw(format);
    return api::guard([&] {
        std::string text;
        if (Err e = x509::print_certificate(cert->cert, fmt, text); !ok(e))
            return api::to_gnutls(e);
        return api::datum_out(text.data(), text.size(), out, true);
    });
}
