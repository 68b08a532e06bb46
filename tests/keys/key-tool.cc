// SPDX-License-Identifier: LGPL-2.1-or-later
// A driver for the key tests, linked with the library's objects directly:
//   key-tool sign KEYFILE DIGEST DATAFILE SIGFILE
//       imports the key with gnutls_x509_privkey_import2 and signs with
//       gnutls_x509_privkey_sign_data (DIGEST: sha1, sha256, sha384,
//       sha512, shake256);
//   key-tool verify SPKIFILE SIGN-ALGORITHM DATAFILE SIGFILE
//       verifies with tlshim::x509::PublicKey (SPKI in DER or PEM;
//       SIGN-ALGORITHM by GnuTLS name, e.g. RSA-SHA256, RSA-PSS-RSAE-SHA256);
//   key-tool import FILE...
//       feeds each file to every import function (DER and PEM, with and
//       without a password) and to PublicKey::import_spki; reports nothing
//       but must not crash, leak or trip a sanitizer.
// Exit status 0 on success, 1 on failure (with the error on stderr).
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/algo/algo.hh"
#include "core/x509/key.hh"

namespace {

bool read_file(const char *path, std::vector<unsigned char> &out)
{
    std::ifstream f(path, std::ios::binary);
    if (!f)
        return false;
    out.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    return true;
}

gnutls_digest_algorithm_t digest_named(const std::string &n)
{
    if (n == "sha1") return GNUTLS_DIG_SHA1;
    if (n == "sha256") return GNUTLS_DIG_SHA256;
    if (n == "sha384") return GNUTLS_DIG_SHA384;
    if (n == "sha512") return GNUTLS_DIG_SHA512;
    if (n == "shake256") return GNUTLS_DIG_SHAKE_256;
    return GNUTLS_DIG_UNKNOWN;
}

int do_sign(char **argv)
{
    std::vector<unsigned char> key, data;
    if (!read_file(argv[0], key) || !read_file(argv[2], data)) {
        std::fprintf(stderr, "cannot read input\n");
        return 1;
    }
    gnutls_x509_privkey_t k;
    gnutls_x509_privkey_init(&k);
    gnutls_datum_t kd = {key.data(), static_cast<unsigned>(key.size())};
    int rc = gnutls_x509_privkey_import2(k, &kd, GNUTLS_X509_FMT_PEM, nullptr, 0);
    if (rc < 0)
        rc = gnutls_x509_privkey_import2(k, &kd, GNUTLS_X509_FMT_DER, nullptr, 0);
    if (rc < 0) {
        std::fprintf(stderr, "import: %d\n", rc);
        gnutls_x509_privkey_deinit(k);
        return 1;
    }
    gnutls_datum_t dd = {data.data(), static_cast<unsigned>(data.size())};
    std::vector<unsigned char> sig(2048);
    size_t size = sig.size();
    rc = gnutls_x509_privkey_sign_data(k, digest_named(argv[1]), 0, &dd, sig.data(), &size);
    gnutls_x509_privkey_deinit(k);
    if (rc < 0) {
        std::fprintf(stderr, "sign: %d\n", rc);
        return 1;
    }
    FILE *f = std::fopen(argv[3], "wb");
    if (!f || std::fwrite(sig.data(), 1, size, f) != size) {
        if (f)
            std::fclose(f);
        return 1;
    }
    std::fclose(f);
    return 0;
}

int do_verify(char **argv)
{
    std::vector<unsigned char> spki, data, sig;
    if (!read_file(argv[0], spki) || !read_file(argv[2], data) || !read_file(argv[3], sig)) {
        std::fprintf(stderr, "cannot read input\n");
        return 1;
    }
    const tlshim::algo::Sign *s = tlshim::algo::sign_by_name(argv[1]);
    if (!s) {
        std::fprintf(stderr, "unknown signature algorithm %s\n", argv[1]);
        return 1;
    }
    tlshim::x509::PublicKey pub;
    tlshim::Bytes in(spki.data(), spki.size());
    bool pem = spki.size() > 10 && std::memcmp(spki.data(), "-----", 5) == 0;
    tlshim::Err e = pub.import_pem_or_der(in, pem ? GNUTLS_X509_FMT_PEM : GNUTLS_X509_FMT_DER);
    if (!tlshim::ok(e)) {
        std::fprintf(stderr, "import_spki: %d\n", static_cast<int>(e));
        return 1;
    }
    e = pub.verify_data(s->id, tlshim::Bytes(data.data(), data.size()), tlshim::Bytes(sig.data(), sig.size()));
    if (!tlshim::ok(e)) {
        std::fprintf(stderr, "verify %s: %d\n", argv[1], static_cast<int>(e));
        return 1;
    }
    return 0;
}

int do_import(int argc, char **argv)
{
    const char *const passwords[] = {nullptr, "1234", "password", ""};
    for (int i = 0; i < argc; i++) {
        std::vector<unsigned char> in;
        if (!read_file(argv[i], in))
            continue;
        gnutls_datum_t d = {in.data(), static_cast<unsigned>(in.size())};
        for (int fmt : {GNUTLS_X509_FMT_DER, GNUTLS_X509_FMT_PEM}) {
            auto f = static_cast<gnutls_x509_crt_fmt_t>(fmt);
            for (const char *pw : passwords) {
                gnutls_x509_privkey_t k;
                gnutls_x509_privkey_init(&k);
                if (gnutls_x509_privkey_import2(k, &d, f, pw, 0) == 0) {
                    gnutls_datum_t out = {nullptr, 0};
                    unsigned bits;
                    gnutls_x509_privkey_get_pk_algorithm2(k, &bits);
                    gnutls_x509_privkey_verify_params(k);
                    if (gnutls_x509_privkey_export2_pkcs8(k, GNUTLS_X509_FMT_PEM, nullptr, GNUTLS_PKCS_PLAIN, &out) == 0)
                        gnutls_free(out.data);
                    if (gnutls_x509_privkey_export2(k, GNUTLS_X509_FMT_DER, &out) == 0)
                        gnutls_free(out.data);
                    unsigned char id[64];
                    size_t idsize = sizeof id;
                    gnutls_x509_privkey_get_key_id(k, 0, id, &idsize);
                }
                gnutls_x509_privkey_deinit(k);
                gnutls_x509_privkey_init(&k);
                gnutls_x509_privkey_import_pkcs8(k, &d, f, pw, 0);
                gnutls_x509_privkey_deinit(k);
            }
            gnutls_x509_privkey_t k;
            gnutls_x509_privkey_init(&k);
            gnutls_x509_privkey_import(k, &d, f);
            gnutls_x509_privkey_deinit(k);
        }
        tlshim::x509::PublicKey pub;
        (void)pub.import_spki(tlshim::Bytes(in.data(), in.size()));
    }
    return 0;
}

}  // namespace

int main(int argc, char **argv)
{
    if (gnutls_global_init() < 0)
        return 1;
    int rc = 2;
    if (argc == 6 && std::strcmp(argv[1], "sign") == 0)
        rc = do_sign(argv + 2);
    else if (argc == 6 && std::strcmp(argv[1], "verify") == 0)
        rc = do_verify(argv + 2);
    else if (argc >= 2 && std::strcmp(argv[1], "import") == 0)
        rc = do_import(argc - 2, argv + 2);
    else
        std::fprintf(stderr, "usage: key-tool sign|verify|import ...\n");
    gnutls_global_deinit();
    return rc;
}
