// SPDX-License-Identifier: LGPL-2.1-or-later
// The objects behind gnutls_pubkey_t, gnutls_privkey_t and gnutls_x509_spki_t,
// shared by the facade files that take abstract keys (pubkey.cc, privkey.cc,
// pcert.cc, the credentials, certificate signing).
//
// A gnutls_privkey_t is either empty, a wrapper around an X.509 private key
// (owned or borrowed, see gnutls_privkey_import_x509), or an "external" key
// whose operations are application callbacks.  Either way it exposes a
// tlshim::x509::Signer, which is what the rest of the library signs with.
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include <initializer_list>
#include <memory>

#include "core/x509/key.hh"

// gnutls_x509_spki_t: a key type and its RSA-PSS parameters.
struct gnutls_x509_spki_st {
    gnutls_pk_algorithm_t pk = GNUTLS_PK_UNKNOWN;
    tlshim::x509::PssParams pss;
};

struct gnutls_pubkey_st {
    tlshim::x509::PublicKey key;
    unsigned key_usage = 0;  // GNUTLS_KEY_* bits (from a certificate or set by the application)
    gnutls_pin_callback_t pin_fn = nullptr;
    void *pin_data = nullptr;
};

namespace tlshim::api {

// The callbacks of a key imported with gnutls_privkey_import_ext*.
struct ExtKey {
    void *userdata = nullptr;
    gnutls_privkey_sign_func sign = nullptr;              // ext, ext2, ext3
    gnutls_privkey_sign_hash_func sign_hash = nullptr;    // ext4
    gnutls_privkey_sign_data_func sign_data = nullptr;    // ext4
    gnutls_privkey_decrypt_func decrypt = nullptr;
    gnutls_privkey_deinit_func deinit = nullptr;
    gnutls_privkey_info_func info = nullptr;
    gnutls_pk_algorithm_t pk = GNUTLS_PK_UNKNOWN;
    unsigned bits = 0;
};

}  // namespace tlshim::api

struct gnutls_privkey_st {
    gnutls_privkey_st() = default;
    gnutls_privkey_st(const gnutls_privkey_st &) = delete;
    gnutls_privkey_st &operator=(const gnutls_privkey_st &) = delete;
    ~gnutls_privkey_st();

    // Drops whatever key is held (runs the external key's deinit callback,
    // releases an owned X.509 key).
    void clear() noexcept;
    bool empty() const noexcept { return !signer; }

    gnutls_privkey_type_t type = GNUTLS_PRIVKEY_X509;
    // GNUTLS_PRIVKEY_X509: the key, released with the object when owned.
    gnutls_x509_privkey_t x509 = nullptr;
    bool owns_x509 = false;
    // GNUTLS_PRIVKEY_EXT.
    tlshim::api::ExtKey ext;
    // The operations of the key held, null when empty.
    std::unique_ptr<tlshim::x509::Signer> signer;

    unsigned flags = 0;  // gnutls_privkey_set_flags()
    gnutls_pin_callback_t pin_fn = nullptr;
    void *pin_data = nullptr;
};

namespace tlshim::api {

// The signer behind an abstract private key (null when the key is empty or
// the handle null); valid while the key is neither changed nor released.
const tlshim::x509::Signer *privkey_signer(gnutls_privkey_t key) noexcept;

// The public key of an abstract private key (for external keys only when
// the application's callbacks can tell it, which they cannot: then
// Err::invalid_request).
tlshim::Err privkey_public_key(gnutls_privkey_t key, tlshim::x509::PublicKey &out);

// A big-endian integer handed to the application in a gnutls_malloc'd datum
// (nothing when `out` is null): minimal length, and unless `flags` has
// GNUTLS_EXPORT_FLAG_NO_LZ, a zero byte in front when the top bit is set.
int int_out(tlshim::Bytes v, gnutls_datum_t *out, unsigned flags);
// Frees a datum's data with gnutls_free and empties it (null is fine).
void free_datum(gnutls_datum_t *d) noexcept;

// The enum arguments of a raw GOST import, read as ints by the caller and
// checked here: a curve the library knows (else
// GNUTLS_E_ECC_UNSUPPORTED_CURVE), one of the three GOST digests and a
// known (or UNKNOWN) parameter set (else GNUTLS_E_INVALID_REQUEST).
struct GostArgs {
    gnutls_ecc_curve_t curve;
    gnutls_digest_algorithm_t digest;
    gnutls_gost_paramset_t paramset;
};
int gost_import_args(int c, int d, int ps, GostArgs &out);

// The results of a GOST raw export: the three ids where asked for, and each
// value copied as is into its datum (skipped when null); on failure the
// datums already filled are freed again.
struct GostOut {
    const tlshim::SecretBytes *value;
    gnutls_datum_t *out;
};
int gost_out(gnutls_ecc_curve_t c, gnutls_digest_algorithm_t d, gnutls_gost_paramset_t ps, gnutls_ecc_curve_t *curve,
             gnutls_digest_algorithm_t *digest, gnutls_gost_paramset_t *paramset, std::initializer_list<GostOut> values);

}  // namespace tlshim::api
