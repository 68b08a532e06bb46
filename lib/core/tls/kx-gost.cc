// SPDX-License-Identifier: LGPL-2.1-or-later
// VKO GOST R 34.10-2012 key transport for TLS 1.2 (see kx-gost.hh).
#include "core/tls/kx-gost.hh"

#include <gnutls/gnutls.h>

#include <cstring>
#include <string>

#include "core/algo/algo.hh"
#include "core/asn1/asn1.hh"
#include "core/crypto/gost28147.hh"
#include "core/crypto/hash.hh"
#include "core/crypto/random.hh"
#include "core/log.hh"
#include "core/x509/key-impl.hh"
#include "core/x509/key.hh"

namespace tlshim::tls {

namespace {

constexpr const char *kBlob = "TLSGostKeyTransportBlob";
constexpr std::size_t kWrappedSize = 32;
constexpr std::size_t kMacSize = 4;

bool gost12(gnutls_pk_algorithm_t pk) noexcept
{
    return pk == GNUTLS_PK_GOST_12_256 || pk == GNUTLS_PK_GOST_12_512;
}

// The GOST 28147 S-boxes of a parameter set OID, false when unknown.
bool sbox_of_oid(const std::string &oid, crypto::gost::Sbox &out) noexcept
{
    const algo::GostParamset *p = algo::gost_paramset_by_oid(oid);
    if (p == nullptr)
        return false;
    out = crypto::gost::sbox_of(static_cast<gnutls_gost_paramset_t>(p->id));
    return true;
}

}  // namespace

Err gost_ukm(Bytes client_random, Bytes server_random, std::uint8_t ukm[kGostUkmSize]) noexcept
{
    crypto::Hash h;
    if (Err e = h.init(GNUTLS_DIG_STREEBOG_256); !ok(e))
        return e;
    h.update(client_random);
    h.update(server_random);
    std::uint8_t d[32];
    h.digest(d);
    std::memcpy(ukm, d, kGostUkmSize);
    return Err::ok;
}

Err gost_kx_write(const x509::PublicKey &server_key, Bytes client_random, Bytes server_random,
                  std::vector<std::uint8_t> &blob, SecretBytes &premaster)
{
    premaster.clear();
    if (server_key.empty() || !gost12(server_key.algorithm()))
        return Err::invalid_request;
    const gnutls_gost_paramset_t paramset = server_key.gost_paramset();
    const algo::GostParamset *ps = algo::gost_paramset(paramset);
    if (ps == nullptr)
        return Err::invalid_request;

    std::uint8_t ukm[kGostUkmSize];
    if (Err e = gost_ukm(client_random, server_random, ukm); !ok(e))
        return e;
    SecretBytes pms(kGostPremasterSize);
    if (Err e = crypto::random(crypto::RandomLevel::key, MutableBytes(pms)); !ok(e))
        return e;

    // The ephemeral key lives on the server key's curve.
    x509::PrivateKey eph;
    if (Err e = eph.generate(server_key.algorithm(), GNUTLS_CURVE_TO_BITS(server_key.curve())); !ok(e))
        return e;
    SecretBytes kek;
    if (Err e = eph.vko(server_key, Bytes(ukm, sizeof ukm), kek); !ok(e))
        return e;
    if (kek.size() != 32)
        return Err::internal;
    std::uint8_t wrapped[kWrappedSize], mac[kMacSize];
    crypto::gost::key_wrap_cryptopro(crypto::gost::sbox_of(paramset), kek.data(), ukm, pms.data(), wrapped, mac);

    x509::PublicKey eph_pub;
    if (Err e = eph.public_key(eph_pub); !ok(e))
        return e;
    std::vector<std::uint8_t> spki_der;
    if (Err e = eph_pub.export_spki(spki_der); !ok(e))
        return e;
    asn1::Node spki;
    if (Err e = spki.decode("SubjectPublicKeyInfo", Bytes(spki_der)); !ok(e))
        return e;
    std::string alg_oid;
    std::vector<std::uint8_t> alg_params, pub_bits;
    std::size_t nbits = 0;
    if (Err e = spki.read_oid("algorithm.algorithm", alg_oid); !ok(e))
        return e;
    Bytes params_der;
    if (Err e = spki.raw_der(Bytes(spki_der), "algorithm.parameters", params_der); !ok(e))
        return e;
    if (Err e = spki.read_bits("subjectPublicKey", pub_bits, nbits); !ok(e))
        return e;

    asn1::Node n;
    if (Err e = n.create(kBlob); !ok(e))
        return e;
    namespace ku = x509::keyutil;
    const std::string tp = "keyBlob.transportParameters.";
    Err e = ku::write(n, "keyBlob.sessionEncryptedKey.encryptedKey", Bytes(wrapped, sizeof wrapped));
    if (ok(e))
        e = ku::write_absent(n, "keyBlob.sessionEncryptedKey.maskKey");
    if (ok(e))
        e = ku::write(n, "keyBlob.sessionEncryptedKey.macKey", Bytes(mac, sizeof mac));
    if (ok(e))
        e = ku::write_oid(n, (tp + "encryptionParamSet").c_str(), ps->oid);
    if (ok(e))
        e = ku::write_oid(n, (tp + "ephemeralPublicKey.algorithm.algorithm").c_str(), alg_oid.c_str());
    if (ok(e))
        e = ku::write(n, (tp + "ephemeralPublicKey.algorithm.parameters").c_str(), params_der);
    if (ok(e))
        e = ku::write(n, (tp + "ephemeralPublicKey.subjectPublicKey").c_str(), pub_bits.data(),
                      static_cast<int>(nbits));
    if (ok(e))
        e = ku::write(n, (tp + "ukm").c_str(), Bytes(ukm, sizeof ukm));
    if (ok(e))
        e = ku::write_absent(n, "proxyKeyBlobs");
    if (!ok(e))
        return e;
    if (Err e2 = n.encode("", blob); !ok(e2))
        return e2;
    premaster = std::move(pms);
    return Err::ok;
}

Err gost_kx_read(const x509::PrivateKey &key, Bytes client_random, Bytes server_random, Bytes blob,
                 SecretBytes &premaster)
{
    premaster.clear();
    if (key.empty() || !gost12(key.algorithm()))
        return Err::invalid_request;
    asn1::Node n;
    if (!ok(n.decode(kBlob, blob)))
        return Err::unexpected_packet_length;
    std::vector<std::uint8_t> wrapped, mac, ukm;
    std::string paramset_oid;
    const std::string tp = "keyBlob.transportParameters.";
    if (!ok(n.read("keyBlob.sessionEncryptedKey.encryptedKey", wrapped)) ||
        !ok(n.read("keyBlob.sessionEncryptedKey.macKey", mac)) ||
        !ok(n.read_oid(tp + "encryptionParamSet", paramset_oid)) || !ok(n.read(tp + "ukm", ukm)))
        return Err::unexpected_packet_length;
    if (wrapped.size() != kWrappedSize || mac.size() != kMacSize)
        return Err::received_illegal_parameter;

    // The UKM must be the one both sides derive from the randoms.
    std::uint8_t expect[kGostUkmSize];
    if (Err e = gost_ukm(client_random, server_random, expect); !ok(e))
        return e;
    if (ukm.size() != kGostUkmSize || std::memcmp(ukm.data(), expect, kGostUkmSize) != 0) {
        TLSHIM_DEBUG("kx-gost: the client's UKM is not H(client_random || server_random)\n");
        return Err::received_illegal_parameter;
    }
    crypto::gost::Sbox sbox;
    if (!sbox_of_oid(paramset_oid, sbox))
        return Err::received_illegal_parameter;

    // Without an ephemeral key the client would have used its certified
    // key (RFC 4490 4.2.1), which TLS does not do here.
    Bytes eph_der;
    if (!ok(n.raw_der(blob, tp + "ephemeralPublicKey", eph_der)))
        return Err::received_illegal_parameter;
    // The element is [0] IMPLICIT: give it back its SEQUENCE tag to import it.
    std::vector<std::uint8_t> spki(eph_der.begin(), eph_der.end());
    if (spki.empty())
        return Err::unexpected_packet_length;
    spki[0] = 0x30;
    x509::PublicKey eph;
    if (!ok(eph.import_spki(Bytes(spki))))
        return Err::received_illegal_parameter;
    if (eph.algorithm() != key.algorithm() || eph.curve() != key.curve())
        return Err::received_illegal_parameter;

    SecretBytes kek;
    if (Err e = key.vko(eph, Bytes(expect, sizeof expect), kek); !ok(e))
        return e == Err::internal ? e : Err::received_illegal_parameter;
    if (kek.size() != 32)
        return Err::internal;
    SecretBytes pms(kGostPremasterSize);
    if (!crypto::gost::key_unwrap_cryptopro(sbox, kek.data(), expect, wrapped.data(), mac.data(), pms.data()))
        return Err::decryption_failed;
    premaster = std::move(pms);
    return Err::ok;
}

}  // namespace tlshim::tls
