// SPDX-License-Identifier: LGPL-2.1-or-later
// Test driver for the OpenSSL interoperability test: signs or verifies a
// file with the public-key core, using a raw key file ("name hex" lines,
// written by openssl-key.py from `openssl pkey -text`).
//
//   pk-driver sign   SCHEME KEYFILE MSGFILE SIGFILE
//   pk-driver verify SCHEME KEYFILE MSGFILE SIGFILE
//
// SCHEME: rsa-pkcs1-HASH, rsa-pss-HASH, ecdsa-HASH, ed25519, ed448 with
// HASH one of sha1, sha224, sha256, sha384, sha512.  Verification uses
// only the public half of the key.  Exit status: 0 success, 1 signature
// rejected, 2 any other error.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/crypto/hash.hh"
#include "core/pk/ecc.hh"
#include "core/pk/edwards.hh"
#include "core/pk/rsa.hh"

using namespace tlshim;
using namespace tlshim::pk;
using Buf = std::vector<std::uint8_t>;

namespace {

int fail(const char *what)
{
    std::fprintf(stderr, "pk-driver: %s\n", what);
    return 2;
}

bool read_file(const char *path, Buf &out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

Buf unhex(const std::string &s)
{
    Buf out;
    for (std::size_t i = 0; i + 1 < s.size(); i += 2)
        out.push_back(static_cast<std::uint8_t>(std::stoi(s.substr(i, 2), nullptr, 16)));
    return out;
}

gnutls_digest_algorithm_t hash_by_name(const std::string &n)
{
    if (n == "sha1") return GNUTLS_DIG_SHA1;
    if (n == "sha224") return GNUTLS_DIG_SHA224;
    if (n == "sha256") return GNUTLS_DIG_SHA256;
    if (n == "sha384") return GNUTLS_DIG_SHA384;
    if (n == "sha512") return GNUTLS_DIG_SHA512;
    return GNUTLS_DIG_UNKNOWN;
}

gnutls_ecc_curve_t curve_by_name(const std::string &n)
{
    if (n == "P-256") return GNUTLS_ECC_CURVE_SECP256R1;
    if (n == "P-384") return GNUTLS_ECC_CURVE_SECP384R1;
    if (n == "P-521") return GNUTLS_ECC_CURVE_SECP521R1;
    return GNUTLS_ECC_CURVE_INVALID;
}

int status(Err e, bool verify)
{
    if (e == Err::ok)
        return 0;
    std::fprintf(stderr, "pk-driver: error %d\n", static_cast<int>(e));
    return verify && e == Err::pk_sig_verify_failed ? 1 : 2;
}

}  // namespace

int main(int argc, char **argv)
{
    if (argc != 6)
        return fail("usage: pk-driver sign|verify SCHEME KEYFILE MSGFILE SIGFILE");
    std::string op = argv[1], scheme = argv[2];
    bool verify = op == "verify";
    if (!verify && op != "sign")
        return fail("unknown operation");

    std::map<std::string, std::string> key;
    {
        std::ifstream in(argv[3]);
        if (!in)
            return fail("cannot read key file");
        std::string line;
        while (std::getline(in, line)) {
            std::istringstream ls(line);
            std::string name, value;
            if (ls >> name >> value)
                key[name] = value;
        }
    }
    Buf msg, sig;
    if (!read_file(argv[4], msg))
        return fail("cannot read message");
    if (verify && !read_file(argv[5], sig))
        return fail("cannot read signature");

    std::string hash_name = scheme.substr(scheme.rfind('-') + 1);
    gnutls_digest_algorithm_t hash = hash_by_name(hash_name);
    Buf digest;
    if (hash != GNUTLS_DIG_UNKNOWN) {
        digest.resize(crypto::hash_output_size(hash));
        if (crypto::Hash::compute(hash, msg, digest.data()) != Err::ok)
            return fail("hash failed");
    }

    Err e = Err::invalid_request;
    const std::string &type = key["type"];
    if (scheme.rfind("rsa-", 0) == 0 && type == "rsa") {
        bool pss = scheme.rfind("rsa-pss-", 0) == 0;
        if (verify) {
            RsaPublicKey pub;
            e = pub.set(unhex(key["n"]), unhex(key["e"]));
            if (e == Err::ok)
                e = pss ? rsa_pss_verify(pub, hash, digest, sig) : rsa_pkcs1_verify(pub, hash, digest, sig);
        } else {
            RsaPrivateKey priv;
            e = priv.import(unhex(key["n"]), unhex(key["e"]), unhex(key["d"]), unhex(key["p"]), unhex(key["q"]),
                            unhex(key["dp"]), unhex(key["dq"]), unhex(key["qinv"]));
            if (e == Err::ok)
                e = pss ? rsa_pss_sign(priv, hash, digest, sig) : rsa_pkcs1_sign(priv, hash, digest, sig);
        }
    } else if (scheme.rfind("ecdsa-", 0) == 0 && type == "ec") {
        gnutls_ecc_curve_t curve = curve_by_name(key["curve"]);
        EcKey k;
        e = k.import(curve, unhex(key["x"]), unhex(key["y"]), verify ? Buf() : unhex(key["k"]));
        if (e == Err::ok)
            e = verify ? ecdsa_verify_der(k.pub(), digest, sig) : ecdsa_sign_der(k, digest, sig);
    } else if ((scheme == "ed25519" || scheme == "ed448") && type == scheme) {
        gnutls_ecc_curve_t curve = scheme == "ed25519" ? GNUTLS_ECC_CURVE_ED25519 : GNUTLS_ECC_CURVE_ED448;
        RawCurveKey k;
        e = verify ? k.import_public(curve, unhex(key["pub"])) : k.import_pair(curve, unhex(key["priv"]), unhex(key["pub"]));
        if (e == Err::ok)
            e = verify ? eddsa_verify(k, msg, sig) : eddsa_sign(k, msg, sig);
    } else {
        return fail("scheme does not match the key");
    }
    if (e == Err::ok && !verify) {
        std::FILE *f = std::fopen(argv[5], "wb");
        if (!f || std::fwrite(sig.data(), 1, sig.size(), f) != sig.size() || std::fclose(f) != 0)
            return fail("cannot write signature");
    }
    return status(e, verify);
}
