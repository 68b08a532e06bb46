// SPDX-License-Identifier: LGPL-2.1-or-later
// Unit tests of the algorithm registry: the tables are consistent with
// themselves and with each other, and the lookups find what they should.
#include "core/algo/algo.hh"
#include "core/algo/errors.hh"

#include <gnutls/pkcs11.h>

#include <cstring>
#include <set>
#include <string>
#include <utility>

#include "../unit/check-main.hh"

using namespace tlshim::algo;

namespace {

std::string lower(const char *s)
{
    std::string out(s);
    for (char &c : out)
        c = ascii_lower(c);
    return out;
}

// Counts the entries of a zero-terminated list of ids.  The entries are read
// as ints: the key exchange list holds -1, which is not a value of its enum.
template <typename Id>
std::size_t list_length(const Id *list)
{
    static_assert(sizeof(Id) == sizeof(int));
    std::size_t n = 0;
    for (;; n++) {
        int v;
        std::memcpy(&v, &list[n], sizeof v);
        if (v == 0)
            return n;
    }
}

}  // namespace

START_TEST(case_insensitive_compare)
{
    ck_assert(iequals("AES-128-GCM", "aes-128-gcm"));
    ck_assert(iequals("", ""));
    ck_assert(!iequals("AES", "AES "));
    ck_assert(!iequals("SHA1", "SHA-1"));
    // Only ASCII letters fold.
    ck_assert(!iequals("\xc3\x89", "\xc3\xa9"));
    ck_assert(!iequals("[", "{"));
}
END_TEST

START_TEST(ciphers_consistent)
{
    std::set<int> ids;
    std::set<std::string> names;
    std::size_t listed = 0;
    for (const Cipher &c : cipher_table()) {
        ck_assert_msg(ids.insert(c.id).second, "duplicate cipher id %d", c.id);
        ck_assert_msg(names.insert(lower(c.name)).second, "duplicate cipher name %s", c.name);
        ck_assert_ptr_eq(cipher(c.id), &c);
        ck_assert(c.key_size <= 64 && c.block_size <= 64 && c.iv_size <= 16);
        if (c.kind == CipherKind::aead) {
            ck_assert_msg(c.tag_size >= 8 && c.tag_size <= 16, "%s", c.name);
            // A TLS 1.2 AEAD nonce is the fixed part followed by the explicit part.
            if (c.tls_fixed_iv != 0)
                ck_assert_uint_eq(c.tls_fixed_iv + c.tls_explicit_nonce, c.iv_size);
        } else {
            ck_assert_uint_eq(c.tag_size, 0);
            ck_assert_uint_eq(c.tls_explicit_nonce, 0);
        }
        if (c.kind == CipherKind::block && c.key_size <= 32 && std::strstr(c.name, "XTS") == nullptr)
            ck_assert_uint_eq(c.iv_size, c.block_size);
        if (c.tls13)
            ck_assert(c.kind == CipherKind::aead && c.listed);
        if (c.listed) {
            listed++;
            ck_assert_ptr_eq(cipher_by_name(c.name), &c);
            ck_assert_ptr_eq(cipher_by_name(lower(c.name)), &c);
        } else {
            ck_assert_ptr_null(cipher_by_name(c.name));
        }
    }
    ck_assert_uint_eq(list_length(cipher_list()), listed);
    // The null cipher is listed last.
    ck_assert_int_eq(cipher_list()[listed - 1], GNUTLS_CIPHER_NULL);
    ck_assert_ptr_null(cipher(GNUTLS_CIPHER_UNKNOWN));
    ck_assert_ptr_null(cipher_by_name("AES-128-GCM "));
    ck_assert_uint_eq(cipher(GNUTLS_CIPHER_AES_256_GCM)->key_size, 32);
    ck_assert_uint_eq(cipher(GNUTLS_CIPHER_CHACHA20_POLY1305)->tls_fixed_iv, 12);
}
END_TEST

START_TEST(macs_and_digests_consistent)
{
    std::set<int> ids;
    std::set<std::string> names, oids, mac_oids;
    std::size_t mac_listed = 0, digest_listed = 0;
    for (const Mac &m : mac_table()) {
        ck_assert_msg(ids.insert(m.id).second, "duplicate MAC id %d", m.id);
        ck_assert_msg(names.insert(lower(m.name)).second, "duplicate MAC name %s", m.name);
        ck_assert_ptr_eq(mac(m.id), &m);
        ck_assert(m.output_size <= 64 && m.key_size <= 64);
        if (m.oid != nullptr) {
            ck_assert(m.digest);
            ck_assert(oids.insert(m.oid).second);
            ck_assert_ptr_eq(digest_by_oid(m.oid), &m);
        }
        if (m.mac_oid != nullptr) {
            ck_assert(mac_oids.insert(m.mac_oid).second);
            ck_assert_ptr_eq(mac_by_oid(m.mac_oid), &m);
        }
        if (m.digest) {
            ck_assert_ptr_eq(digest(static_cast<gnutls_digest_algorithm_t>(m.id)), &m);
            ck_assert_ptr_eq(digest_by_name(m.name), &m);
        } else {
            ck_assert_ptr_null(digest(static_cast<gnutls_digest_algorithm_t>(m.id)));
            ck_assert(!m.digest_listed);
        }
        if (m.kind == MacKind::hmac && m.output_size != 0)
            ck_assert_uint_eq(m.key_size, m.output_size);
        if (m.kind == MacKind::hmac || m.kind == MacKind::xof)
            ck_assert(m.block_size >= 16);
        mac_listed += m.mac_listed;
        digest_listed += m.digest_listed;
        ck_assert_ptr_eq(mac_by_name(m.name), m.mac_listed ? &m : nullptr);
    }
    ck_assert_uint_eq(list_length(mac_list()), mac_listed);
    ck_assert_uint_eq(list_length(digest_list()), digest_listed);
    // Digests and MACs share their ids.
    ck_assert_int_eq(GNUTLS_DIG_SHA256, GNUTLS_MAC_SHA256);
    ck_assert_uint_eq(mac(GNUTLS_MAC_SHA384)->output_size, 48);
    ck_assert_str_eq(digest(GNUTLS_DIG_SHA1)->oid, "1.3.14.3.2.26");
    ck_assert_ptr_null(digest(GNUTLS_DIG_MD5_SHA1));
    ck_assert_ptr_null(mac_by_name("SHA3-256"));  // known, but not listed as a MAC
    ck_assert_ptr_nonnull(digest_by_name("sha3-256"));
}
END_TEST

START_TEST(key_exchanges_consistent)
{
    std::set<int> ids;
    std::set<std::string> names;
    for (const Kx &k : kx_table()) {
        ck_assert(ids.insert(k.id).second);
        ck_assert(names.insert(lower(k.name)).second);
        ck_assert_ptr_eq(kx(k.id), &k);
        ck_assert_ptr_eq(kx_by_name(k.name), k.by_name ? &k : nullptr);
        ck_assert(!(k.dhe && k.ecdhe));
        if (k.cred == GNUTLS_CRD_ANON)
            ck_assert_int_eq(k.cert_pk, GNUTLS_PK_UNKNOWN);
        if (k.rsa_encrypt)
            ck_assert_int_eq(k.cert_pk, GNUTLS_PK_RSA);
        if (k.cert_pk != GNUTLS_PK_UNKNOWN)
            ck_assert_ptr_nonnull(pk(k.cert_pk));
    }
    ck_assert_uint_eq(list_length(kx_list()), kx_table().size());
    ck_assert_ptr_null(kx(GNUTLS_KX_RSA_EXPORT));
}
END_TEST

START_TEST(public_keys_consistent)
{
    std::set<std::pair<int, std::string>> rows;
    std::set<std::string> oids;
    std::size_t listed = 0;
    for (const Pk &p : pk_table()) {
        ck_assert(rows.insert({p.id, p.oid != nullptr ? p.oid : ""}).second);
        if (p.oid != nullptr) {
            ck_assert_msg(oids.insert(p.oid).second, "duplicate pk OID %s", p.oid);
            ck_assert_int_eq(pk_by_oid(p.oid)->id, p.id);
        }
        ck_assert_int_eq(pk_by_name(p.name)->id, p.id);
        listed += p.listed;
        if (p.id != GNUTLS_PK_UNKNOWN)
            ck_assert_int_eq(pk(p.id)->id, p.id);
    }
    ck_assert_uint_eq(list_length(pk_list()), listed);
    ck_assert_ptr_null(pk(GNUTLS_PK_UNKNOWN));
    ck_assert_str_eq(pk_name(GNUTLS_PK_UNKNOWN), "GOST R 34.10-94");
    ck_assert_ptr_null(pk_by_name("rsa"));  // case-sensitive
    ck_assert(pk_is_curve_based(GNUTLS_PK_EDDSA_ED25519));
    ck_assert(!pk_is_curve_based(GNUTLS_PK_RSA_PSS));
}
END_TEST

START_TEST(signatures_consistent)
{
    std::set<std::string> oids;
    std::set<std::pair<int, bool>> tls_ids;
    for (const Sign &s : sign_table()) {
        const Sign *first = sign(s.id);
        ck_assert_ptr_nonnull(first);
        ck_assert_str_eq(first->name, s.name);  // further rows of an id only add an OID
        ck_assert_int_eq(sign_by_name(s.name)->id, s.id);
        if (s.oid != nullptr) {
            ck_assert_msg(oids.insert(s.oid).second || std::strcmp(s.oid, "1.2.840.113549.1.1.10") == 0,
                          "duplicate sign OID %s", s.oid);
            ck_assert_ptr_nonnull(sign_by_oid(s.oid));
        }
        ck_assert_ptr_nonnull(pk(s.pk));
        ck_assert(sign_supports_pk(s, s.pk));
        if (s.hash != GNUTLS_DIG_UNKNOWN)
            ck_assert_msg(digest(s.hash) != nullptr, "%s: hash %d", s.name, s.hash);
        if (s.secure_for_certs)
            ck_assert(s.secure);
        if (s.tls13_verify)
            ck_assert(s.tls13 && s.secure_for_certs);
        if (s.curve != GNUTLS_ECC_CURVE_INVALID)
            ck_assert(curve(s.curve) != nullptr && s.pk == GNUTLS_PK_ECDSA && !s.tls12);
        if (s.tls_id == 0) {
            ck_assert(!s.tls12 && !s.tls13);
        } else if (first == &s) {
            // One scheme per code point and protocol.
            if (s.tls12)
                ck_assert(tls_ids.insert({s.tls_id, false}).second);
            if (s.tls13)
                ck_assert(tls_ids.insert({s.tls_id, true}).second);
            if (s.tls12)
                ck_assert_ptr_eq(sign_by_tls_id(s.tls_id, false), &s);
            if (s.tls13)
                ck_assert_ptr_eq(sign_by_tls_id(s.tls_id, true), &s);
        }
        ck_assert_ptr_nonnull(sign_by_pk_hash(s.pk, s.hash));
    }
    ck_assert_uint_eq(list_length(sign_list()), sign_table().size());
    ck_assert_uint_eq(sign(GNUTLS_SIGN_RSA_PSS_RSAE_SHA256)->tls_id, 0x0804);
    ck_assert_uint_eq(sign(GNUTLS_SIGN_RSA_PSS_SHA256)->tls_id, 0x0809);
    ck_assert_uint_eq(sign(GNUTLS_SIGN_EDDSA_ED25519)->tls_id, 0x0807);
    ck_assert_int_eq(sign_by_tls_id(0x0403, false)->id, GNUTLS_SIGN_ECDSA_SHA256);
    ck_assert_int_eq(sign_by_tls_id(0x0403, true)->id, GNUTLS_SIGN_ECDSA_SECP256R1_SHA256);
    ck_assert_ptr_null(sign_by_tls_id(0, false));
    ck_assert(sign_supports_pk(*sign(GNUTLS_SIGN_RSA_PSS_RSAE_SHA384), GNUTLS_PK_RSA));
    ck_assert(!sign_supports_pk(*sign(GNUTLS_SIGN_RSA_SHA256), GNUTLS_PK_RSA_PSS));
    ck_assert(!sign(GNUTLS_SIGN_RSA_SHA1)->secure_for_certs);
    ck_assert(!sign(GNUTLS_SIGN_RSA_MD5)->secure);
    ck_assert_int_eq(sign_by_oid("1.3.14.3.2.29")->id, GNUTLS_SIGN_RSA_SHA1);
}
END_TEST

START_TEST(curves_and_groups_consistent)
{
    std::set<int> ids, tls_ids;
    std::set<std::string> names, oids;
    std::size_t supported = 0, listed = 0;
    for (const Curve &c : curve_table()) {
        ck_assert(ids.insert(c.id).second);
        ck_assert(names.insert(lower(c.name)).second);
        ck_assert(oids.insert(c.oid).second);
        ck_assert_ptr_eq(curve(c.id), &c);
        ck_assert(c.size >= 24 && c.size <= 66);
        ck_assert_ptr_eq(curve_by_name(c.name), c.supported ? &c : nullptr);
        ck_assert_ptr_eq(curve_by_oid(c.oid), c.supported ? &c : nullptr);
        if (c.group != GNUTLS_GROUP_INVALID)
            ck_assert_int_eq(group(c.group)->curve, c.id);
        supported += c.supported;
    }
    ck_assert_uint_eq(list_length(curve_list()), supported);
    ids.clear();
    names.clear();
    for (const Group &g : group_table()) {
        ck_assert(ids.insert(g.id).second);
        ck_assert(names.insert(lower(g.name)).second);
        ck_assert(tls_ids.insert(g.tls_id).second);
        ck_assert_ptr_eq(group(g.id), &g);
        ck_assert_ptr_eq(group_by_tls_id(g.tls_id), &g);
        ck_assert_ptr_eq(group_by_name(g.name), g.listed ? &g : nullptr);
        ck_assert_ptr_nonnull(pk(g.pk));
        if (g.kind == GroupKind::ffdhe) {
            ck_assert_int_eq(g.curve, GNUTLS_ECC_CURVE_INVALID);
            ck_assert_uint_eq(g.share_size * 8u, g.prime_bits);
            ck_assert_uint_eq(g.tls_id & 0xff00, 0x0100);
        } else {
            const Curve *c = curve(g.curve);
            ck_assert_ptr_nonnull(c);
            ck_assert_int_eq(c->group, g.id);
            ck_assert(!g.listed || c->supported);
            if (g.kind == GroupKind::ec)
                ck_assert_uint_eq(g.share_size, 1 + 2 * c->size);  // uncompressed point
            if (g.kind == GroupKind::montgomery)
                ck_assert_uint_eq(g.share_size, c->size);
        }
        ck_assert(g.tls13 == (g.share_size != 0));
        listed += g.listed;
    }
    ck_assert_uint_eq(list_length(group_list()), listed);
    ck_assert_uint_eq(group(GNUTLS_GROUP_X25519)->tls_id, 0x001d);
    ck_assert_uint_eq(group(GNUTLS_GROUP_FFDHE8192)->tls_id, 0x0104);
}
END_TEST

START_TEST(protocols_consistent)
{
    std::set<int> ids, wire;
    for (const Protocol &p : protocol_table()) {
        ck_assert(ids.insert(p.id).second);
        ck_assert(wire.insert(p.major << 8 | p.minor).second);
        ck_assert_ptr_eq(protocol(p.id), &p);
        ck_assert_ptr_eq(protocol_by_name(p.name), &p);
        ck_assert_ptr_eq(protocol_by_wire(p.major, p.minor), &p);
        ck_assert(!(p.dtls && p.tls13_sem));
    }
    ck_assert_uint_eq(list_length(protocol_list()), protocol_table().size() - 1);  // not SSL 3.0
    ck_assert_ptr_null(protocol_by_wire(3, 5));
    ck_assert_int_eq(protocol_by_wire(254, 253)->id, GNUTLS_DTLS1_2);
}
END_TEST

START_TEST(cipher_suites_consistent)
{
    std::set<int> codes;
    std::set<std::string> names, iana;
    for (const CipherSuite &s : suite_table()) {
        ck_assert_msg(codes.insert(s.code_point()).second, "duplicate suite %04x", s.code_point());
        ck_assert(names.insert(s.name).second);
        ck_assert(iana.insert(s.iana_name).second);
        ck_assert(std::strncmp(s.name, "TLS_", 4) == 0 && std::strncmp(s.iana_name, "TLS_", 4) == 0);
        ck_assert_ptr_eq(suite_by_code(s.code_point()), &s);
        ck_assert_ptr_eq(suite_by_algorithms(s.kx, s.cipher, s.mac), &s);
        const Cipher *c = cipher(s.cipher);
        const Mac *m = mac(s.mac);
        const Mac *prf = mac(s.prf);
        ck_assert(c != nullptr && c->listed);
        ck_assert(m != nullptr && m->mac_listed);
        ck_assert(prf != nullptr && prf->digest_listed);
        ck_assert((c->kind == CipherKind::aead) == (s.mac == GNUTLS_MAC_AEAD));
        ck_assert(protocol(s.min_tls) != nullptr && protocol(s.max_tls) != nullptr);
        ck_assert_int_le(s.min_tls, s.max_tls);
        if (s.min_tls == GNUTLS_TLS1_3) {
            ck_assert_int_eq(s.kx, GNUTLS_KX_UNKNOWN);
            ck_assert(c->tls13);
            ck_assert_str_eq(s.name, s.iana_name);
            ck_assert_uint_eq(s.code[0], 0x13);
        } else {
            const Kx *k = kx(s.kx);
            ck_assert(k != nullptr && k->listed && k->by_name);
            ck_assert_int_eq(s.max_tls, GNUTLS_TLS1_2);
            ck_assert(std::strstr(s.iana_name, "_WITH_") != nullptr || s.code_point() == 0x0066);
        }
        if (s.min_dtls == GNUTLS_VERSION_UNKNOWN) {
            ck_assert_int_eq(s.max_dtls, GNUTLS_VERSION_UNKNOWN);
        } else {
            ck_assert(protocol(s.min_dtls)->dtls && protocol(s.max_dtls)->dtls);
            ck_assert(c->kind != CipherKind::stream);  // no RC4 over datagrams
        }
    }
    ck_assert_uint_eq(suite_table().size(), 188);
    const CipherSuite *s = suite_by_code(0xc02f);
    ck_assert_str_eq(s->name, "TLS_ECDHE_RSA_AES_128_GCM_SHA256");
    ck_assert_str_eq(s->iana_name, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    ck_assert_int_eq(suite_by_code(0x009d)->prf, GNUTLS_MAC_SHA384);
    ck_assert_str_eq(suite_by_code(0xc0aa)->iana_name, "TLS_PSK_DHE_WITH_AES_128_CCM_8");
    ck_assert_ptr_null(suite_by_code(0x0000));
    ck_assert_ptr_null(suite_by_algorithms(GNUTLS_KX_RSA, GNUTLS_CIPHER_CHACHA20_POLY1305, GNUTLS_MAC_AEAD));
}
END_TEST

START_TEST(security_levels)
{
    unsigned prev_sym = 0, prev_pk = 0, prev_ecc = 0;
    int prev_id = 0;
    for (const SecParam &s : sec_param_table()) {
        ck_assert_int_gt(s.id, prev_id);
        ck_assert(s.symmetric_bits >= prev_sym && s.pk_bits >= prev_pk && s.ecc_bits >= prev_ecc);
        prev_id = s.id;
        prev_sym = s.symmetric_bits;
        prev_pk = s.pk_bits;
        prev_ecc = s.ecc_bits;
        ck_assert_ptr_eq(sec_param(s.id), &s);
        // A key of exactly the recommended size reaches the level.
        if (s.pk_bits != 0)
            ck_assert_int_eq(pk_bits_to_sec_param(GNUTLS_PK_RSA, sec_param_to_pk_bits(GNUTLS_PK_RSA, s.id)), s.id);
    }
    ck_assert_uint_eq(sec_param_to_pk_bits(GNUTLS_PK_RSA, GNUTLS_SEC_PARAM_MEDIUM), 2048);
    ck_assert_uint_eq(sec_param_to_pk_bits(GNUTLS_PK_DSA, GNUTLS_SEC_PARAM_LEGACY), 2048);
    ck_assert_uint_eq(sec_param_to_pk_bits(GNUTLS_PK_ECDSA, GNUTLS_SEC_PARAM_HIGH), 256);
    ck_assert_uint_eq(sec_param_to_pk_bits(GNUTLS_PK_RSA, GNUTLS_SEC_PARAM_UNKNOWN), 0);
    ck_assert_int_eq(pk_bits_to_sec_param(GNUTLS_PK_RSA, 0), GNUTLS_SEC_PARAM_UNKNOWN);
    ck_assert_int_eq(pk_bits_to_sec_param(GNUTLS_PK_RSA, 100), GNUTLS_SEC_PARAM_INSECURE);
    ck_assert_int_eq(pk_bits_to_sec_param(GNUTLS_PK_RSA, 3071), GNUTLS_SEC_PARAM_MEDIUM);
    ck_assert_int_eq(pk_bits_to_sec_param(GNUTLS_PK_ECDSA, 255), GNUTLS_SEC_PARAM_MEDIUM);
    ck_assert_int_eq(pk_bits_to_sec_param(GNUTLS_PK_ECDSA, 100000), GNUTLS_SEC_PARAM_FUTURE);
}
END_TEST

START_TEST(small_tables)
{
    ck_assert_int_eq(cert_type_by_name("x509")->id, GNUTLS_CRT_X509);
    ck_assert_int_eq(cert_type_by_name("RAWPK")->id, GNUTLS_CRT_RAWPK);
    ck_assert_ptr_null(cert_type_by_name("Raw Public Key"));
    ck_assert_uint_eq(list_length(cert_type_list()), cert_type_table().size());
    ck_assert_int_eq(compression_by_name("null")->id, GNUTLS_COMP_NULL);
    ck_assert_uint_eq(list_length(compression_list()), 1);

    std::set<unsigned> flags;
    for (const PkcsSchema &p : pkcs_schema_table()) {
        ck_assert((p.flag & (p.flag - 1)) == 0);  // one bit
        ck_assert(flags.insert(p.flag).second);
        ck_assert_ptr_eq(pkcs_schema(p.flag), &p);
        ck_assert_ptr_eq(pkcs_schema(p.flag | GNUTLS_PKCS_NULL_PASSWORD), &p);
        ck_assert(cipher(p.cipher) != nullptr);
    }
    ck_assert_ptr_null(pkcs_schema(0));
    ck_assert_ptr_null(pkcs_schema(GNUTLS_PKCS_PLAIN));
    ck_assert_ptr_null(pkcs_schema(GNUTLS_PKCS_PBES2_AES_128 | GNUTLS_PKCS_PBES2_AES_256));

    ck_assert_int_eq(srtp_profile_by_name("SRTP_NULL_SHA1_32")->id, GNUTLS_SRTP_NULL_HMAC_SHA1_32);
    ck_assert_ptr_null(srtp_profile_by_name("srtp_null_sha1_32"));
    ck_assert_int_eq(verify_profile_by_name("suiteb128")->id, GNUTLS_PROFILE_SUITEB128);
    ck_assert_int_eq(gost_paramset_by_oid(gost_paramset(GNUTLS_GOST_PARAMSET_CP_C)->oid)->id,
                     GNUTLS_GOST_PARAMSET_CP_C);
    ck_assert_str_eq(pkcs11_type_name(GNUTLS_PKCS11_OBJ_PRIVKEY), "Private key");
    ck_assert_str_eq(pkcs11_type_name(-1), "Unknown");
    ck_assert_str_eq(handshake_name(GNUTLS_HANDSHAKE_CLIENT_HELLO), "CLIENT HELLO");
    ck_assert_str_eq(handshake_name(7), "Unknown Handshake packet");
    ck_assert_str_eq(alert(GNUTLS_A_UNKNOWN_CA)->symbol, "GNUTLS_A_UNKNOWN_CA");
    ck_assert_ptr_null(alert(1));

    std::set<unsigned> ext_ids;
    for (const Extension &e : extension_table())
        ck_assert(ext_ids.insert(e.tls_id).second);
    ck_assert_str_eq(extension(43)->name, "Supported Versions");
    ck_assert_ptr_null(extension(9999));
}
END_TEST

START_TEST(errors_consistent)
{
    std::set<int> codes;
    std::set<std::string> names, messages;
    const char *unknown = unknown_error_message();
    ck_assert(unknown != nullptr && *unknown != '\0');
    int prev = 1;
    for (const ErrorInfo &e : error_table()) {
        ck_assert_int_lt(e.code, prev);  // descending, no duplicates
        prev = e.code;
        ck_assert(codes.insert(e.code).second);
        ck_assert(std::strncmp(e.name, "GNUTLS_E_", 9) == 0);
        ck_assert(names.insert(e.name).second);
        ck_assert_msg(e.message != nullptr && *e.message != '\0', "%s", e.name);
        ck_assert_msg(messages.insert(e.message).second, "two codes share the text of %s", e.name);
        ck_assert_str_ne(e.message, unknown);
        ck_assert_ptr_eq(error_info(e.code), &e);
        ck_assert_str_eq(error_message(e.code), e.message);
        ck_assert(e.level == GNUTLS_AL_WARNING || e.level == GNUTLS_AL_FATAL);
        ck_assert_ptr_nonnull(alert(e.alert));
        ck_assert(error_is_fatal(e.code) == (e.code < 0 && e.fatal));
    }
    ck_assert_uint_eq(error_table().size(), 192);
    ck_assert_str_eq(error_message(-1), unknown);
    ck_assert_str_eq(error_message(12345), unknown);
    ck_assert(!error_is_fatal(GNUTLS_E_AGAIN));
    ck_assert(!error_is_fatal(GNUTLS_E_INTERRUPTED));
    ck_assert(!error_is_fatal(GNUTLS_E_SUCCESS));
    ck_assert(!error_is_fatal(42));
    ck_assert(error_is_fatal(GNUTLS_E_MEMORY_ERROR));
    ck_assert(error_is_fatal(-1));
    ck_assert(error_is_fatal(-65000));
    int level = 0;
    ck_assert_int_eq(error_to_alert(GNUTLS_E_REHANDSHAKE, &level), GNUTLS_A_NO_RENEGOTIATION);
    ck_assert_int_eq(level, GNUTLS_AL_WARNING);
    ck_assert_int_eq(error_to_alert(GNUTLS_E_PK_SIG_VERIFY_FAILED, &level), GNUTLS_A_DECRYPT_ERROR);
    ck_assert_int_eq(level, GNUTLS_AL_FATAL);
    ck_assert_int_eq(error_to_alert(-9999, nullptr), GNUTLS_A_INTERNAL_ERROR);
}
END_TEST

Suite *make_suite(void)
{
    Suite *s = suite_create("algo");
    TCase *tc = tcase_create("tables");
    tcase_add_test(tc, case_insensitive_compare);
    tcase_add_test(tc, ciphers_consistent);
    tcase_add_test(tc, macs_and_digests_consistent);
    tcase_add_test(tc, key_exchanges_consistent);
    tcase_add_test(tc, public_keys_consistent);
    tcase_add_test(tc, signatures_consistent);
    tcase_add_test(tc, curves_and_groups_consistent);
    tcase_add_test(tc, protocols_consistent);
    tcase_add_test(tc, cipher_suites_consistent);
    tcase_add_test(tc, security_levels);
    tcase_add_test(tc, small_tables);
    tcase_add_test(tc, errors_consistent);
    suite_add_tcase(s, tc);
    return s;
}
