// SPDX-License-Identifier: LGPL-2.1-or-later
// Handshake message bodies: strict parsing and writing.
#include "core/tls/messages.hh"

#include <algorithm>
#include <cstring>
#include <utility>

#include "core/log.hh"

namespace tlshim::tls {

const std::array<std::uint8_t, kRandomSize> kHelloRetryRandom = {
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c};
// "DOWNGRD" followed by 01 (TLS 1.2) or 00 (TLS 1.1 and below).
const std::array<std::uint8_t, 8> kDowngradeTls12 = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01};
const std::array<std::uint8_t, 8> kDowngradeTls11 = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00};

namespace {

constexpr Err kDecode = Err::unexpected_packet_length;
constexpr Err kIllegal = Err::received_illegal_parameter;

bool equal(Bytes a, Bytes b) noexcept
{
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

bool take(Reader &r, std::size_t n, Bytes &out) noexcept
{
    return r.bytes(n, out);
}

bool vec8(Reader &r, std::size_t min, std::size_t max, Bytes &out) noexcept
{
    Reader v;
    if (!r.vec8(v, min, max))
        return false;
    out = v.rest();
    return true;
}

bool vec16(Reader &r, std::size_t min, std::size_t max, Bytes &out) noexcept
{
    Reader v;
    if (!r.vec16(v, min, max))
        return false;
    out = v.rest();
    return true;
}

bool vec24(Reader &r, std::size_t min, std::size_t max, Bytes &out) noexcept
{
    Reader v;
    if (!r.vec24(v, min, max))
        return false;
    out = v.rest();
    return true;
}

bool put8(Writer &w, Bytes b, std::size_t min, std::size_t max) noexcept
{
    if (b.size() < min || b.size() > max)
        return false;
    auto v = w.open(1);
    w.bytes(b);
    w.close(v);
    return w.ok();
}

bool put16(Writer &w, Bytes b, std::size_t min, std::size_t max) noexcept
{
    if (b.size() < min || b.size() > max)
        return false;
    auto v = w.open(2);
    w.bytes(b);
    w.close(v);
    return w.ok();
}

bool put24(Writer &w, Bytes b, std::size_t min, std::size_t max) noexcept
{
    if (b.size() < min || b.size() > max)
        return false;
    auto v = w.open(3);
    w.bytes(b);
    w.close(v);
    return w.ok();
}

// The extension block: a 2-byte length in [min, max], then the list.
Err read_extensions(Reader &r, std::size_t min, std::size_t max, Bytes &raw, ExtensionList &ext)
{
    Reader v;
    if (!r.vec16(v, min, max))
        return Err::unexpected_extensions_length;
    raw = v.rest();
    return ext.parse(raw);
}

}  // namespace

// ---- Framing --------------------------------------------------------------

Err parse_handshake(Bytes msg, HandshakeType &type, Bytes &body) noexcept
{
    Reader r(msg), v;
    std::uint8_t t;
    if (!r.u8(t) || !r.vec24(v) || !r.empty())
        return kDecode;
    type = static_cast<HandshakeType>(t);
    body = v.rest();
    return Err::ok;
}

Writer::Vec begin_message(Writer &w, HandshakeType type) noexcept
{
    w.u8(static_cast<std::uint8_t>(type));
    return w.open(3);
}

bool end_message(Writer &w, Writer::Vec v) noexcept
{
    return w.close(v).ok();
}

Err parse_empty_message(Bytes body) noexcept
{
    return body.empty() ? Err::ok : kDecode;
}

// ---- ClientHello ----------------------------------------------------------

bool ClientHello::offers_null_compression() const noexcept
{
    return std::find(compression_methods.begin(), compression_methods.end(), 0) !=
           compression_methods.end();
}

Err parse(Bytes body, ClientHello &out)
{
    out = ClientHello{};
    Reader r(body);
    Bytes suites;
    if (!r.u16(out.legacy_version) || !take(r, kRandomSize, out.random) ||
        !vec8(r, 0, 32, out.session_id) || !vec16(r, 2, 0xfffe, suites) || suites.size() % 2 != 0 ||
        !vec8(r, 1, 0xff, out.compression_methods))
        return kDecode;
    out.cipher_suites = U16List(suites);
    if (r.empty())
        return Err::ok;  // no extensions (allowed before TLS 1.3)
    out.has_extensions = true;
    if (Err e = read_extensions(r, 0, 0xffff, out.extensions, out.ext); !ok(e))
        return e;
    if (!r.empty())
        return kDecode;
    return Err::ok;
}

bool write(const ClientHello &m, Writer &w) noexcept
{
    if (m.random.size() != kRandomSize || m.cipher_suites.empty())
        return false;
    w.u16(m.legacy_version).bytes(m.random);
    if (!put8(w, m.session_id, 0, 32) || !put16(w, m.cipher_suites.wire(), 2, 0xfffe) ||
        !put8(w, m.compression_methods, 1, 0xff))
        return false;
    if (m.has_extensions && !put16(w, m.extensions, 0, 0xffff))
        return false;
    return w.ok();
}

// ---- ServerHello ----------------------------------------------------------

Err parse(Bytes body, ServerHello &out)
{
    out = ServerHello{};
    Reader r(body);
    if (!r.u16(out.legacy_version) || !take(r, kRandomSize, out.random) ||
        !vec8(r, 0, 32, out.session_id) || !r.u16(out.cipher_suite) || !r.u8(out.compression_method))
        return kDecode;
    out.is_hello_retry_request = equal(out.random, Bytes(kHelloRetryRandom));
    Bytes tail = out.random.last(8);
    if (equal(tail, Bytes(kDowngradeTls12)))
        out.downgrade = Downgrade::tls12;
    else if (equal(tail, Bytes(kDowngradeTls11)))
        out.downgrade = Downgrade::tls11;
    if (!r.empty()) {
        out.has_extensions = true;
        // TLS 1.3 requires at least supported_versions (6 bytes); TLS 1.2
        // allows an empty block.
        if (Err e = read_extensions(r, 0, 0xffff, out.extensions, out.ext); !ok(e))
            return e;
        if (!r.empty())
            return kDecode;
    }
    if (out.compression_method != 0)
        return kIllegal;
    return Err::ok;
}

bool write(const ServerHello &m, Writer &w) noexcept
{
    if (m.random.size() != kRandomSize)
        return false;
    w.u16(m.legacy_version).bytes(m.random);
    if (!put8(w, m.session_id, 0, 32))
        return false;
    w.u16(m.cipher_suite).u8(m.compression_method);
    if (m.has_extensions && !put16(w, m.extensions, 0, 0xffff))
        return false;
    return w.ok();
}

// ---- EncryptedExtensions --------------------------------------------------

Err parse(Bytes body, EncryptedExtensions &out)
{
    out = EncryptedExtensions{};
    Reader r(body);
    if (Err e = read_extensions(r, 0, 0xffff, out.extensions, out.ext); !ok(e))
        return e;
    return r.empty() ? Err::ok : kDecode;
}

bool write(const EncryptedExtensions &m, Writer &w) noexcept
{
    return put16(w, m.extensions, 0, 0xffff);
}

// ---- CertificateRequest ---------------------------------------------------

Err parse(Bytes body, CertificateRequest13 &out)
{
    out = CertificateRequest13{};
    Reader r(body);
    if (!vec8(r, 0, 0xff, out.context))
        return kDecode;
    if (Err e = read_extensions(r, 2, 0xffff, out.extensions, out.ext); !ok(e))
        return e;
    if (!r.empty())
        return kDecode;
    return out.ext.require(ExtensionType::signature_algorithms);
}

bool write(const CertificateRequest13 &m, Writer &w) noexcept
{
    return put8(w, m.context, 0, 0xff) && put16(w, m.extensions, 2, 0xffff);
}

Err parse(Bytes body, CertificateRequest12 &out, bool with_signature_algorithms)
{
    out = CertificateRequest12{};
    out.has_signature_algorithms = with_signature_algorithms;
    Reader r(body);
    if (!vec8(r, 1, 0xff, out.certificate_types))
        return kDecode;
    if (with_signature_algorithms) {
        Bytes algs;
        if (!vec16(r, 2, 0xfffe, algs) || algs.size() % 2 != 0)
            return kDecode;
        out.signature_algorithms = U16List(algs);
    }
    if (!vec16(r, 0, 0xffff, out.authorities) || !r.empty())
        return kDecode;
    Reader list(out.authorities);
    while (!list.empty()) {
        Bytes dn;
        if (!vec16(list, 1, 0xffff, dn)) {
            out.authority_names.clear();
            return kDecode;
        }
        out.authority_names.push_back(dn);
    }
    return Err::ok;
}

bool write(const CertificateRequest12 &m, Writer &w) noexcept
{
    if (!put8(w, m.certificate_types, 1, 0xff))
        return false;
    if (m.has_signature_algorithms && !put16(w, m.signature_algorithms.wire(), 2, 0xfffe))
        return false;
    return put16(w, m.authorities, 0, 0xffff);
}

// ---- Certificate ----------------------------------------------------------

Err parse(Bytes body, Certificate13 &out)
{
    out = Certificate13{};
    Reader r(body), list;
    if (!vec8(r, 0, 0xff, out.context) || !r.vec24(list) || !r.empty())
        return kDecode;
    while (!list.empty()) {
        CertificateEntry e;
        if (!vec24(list, 1, 0xffffff, e.data)) {
            out.entries.clear();
            return kDecode;
        }
        if (Err err = read_extensions(list, 0, 0xffff, e.extensions, e.ext); !ok(err)) {
            out.entries.clear();
            return err;
        }
        out.entries.push_back(std::move(e));
    }
    return Err::ok;
}

bool write(const Certificate13 &m, Writer &w) noexcept
{
    if (!put8(w, m.context, 0, 0xff))
        return false;
    auto list = w.open(3);
    for (const auto &e : m.entries)
        if (!put24(w, e.data, 1, 0xffffff) || !put16(w, e.extensions, 0, 0xffff))
            return false;
    return w.close(list).ok();
}

Err parse(Bytes body, Certificate12 &out)
{
    out = Certificate12{};
    Reader r(body), list;
    if (!r.vec24(list) || !r.empty())
        return kDecode;
    while (!list.empty()) {
        Bytes cert;
        if (!vec24(list, 1, 0xffffff, cert)) {
            out.certificates.clear();
            return kDecode;
        }
        out.certificates.push_back(cert);
    }
    return Err::ok;
}

bool write(const Certificate12 &m, Writer &w) noexcept
{
    auto list = w.open(3);
    for (const auto &c : m.certificates)
        if (!put24(w, c, 1, 0xffffff))
            return false;
    return w.close(list).ok();
}

// ---- CertificateVerify, Finished, CertificateStatus ------------------------

Err parse(Bytes body, CertificateVerify &out, bool with_scheme) noexcept
{
    out = CertificateVerify{};
    out.has_scheme = with_scheme;
    Reader r(body);
    if (with_scheme && !r.u16(out.scheme))
        return kDecode;
    if (!vec16(r, 0, 0xffff, out.signature) || !r.empty())
        return kDecode;
    return Err::ok;
}

bool write(const CertificateVerify &m, Writer &w) noexcept
{
    if (m.has_scheme)
        w.u16(m.scheme);
    return put16(w, m.signature, 0, 0xffff);
}

Err parse(Bytes body, Finished &out, std::size_t expected_len) noexcept
{
    out = Finished{};
    if (body.size() != expected_len)
        return kDecode;
    out.verify_data = body;
    return Err::ok;
}

bool write(const Finished &m, Writer &w) noexcept
{
    return !m.verify_data.empty() && w.bytes(m.verify_data).ok();
}

Err parse(Bytes body, CertificateStatus &out) noexcept
{
    out = CertificateStatus{};
    Reader r(body);
    if (!r.u8(out.status_type))
        return kDecode;
    if (out.status_type != 1)
        return kIllegal;
    if (!vec24(r, 1, 0xffffff, out.response) || !r.empty())
        return kDecode;
    return Err::ok;
}

bool write(const CertificateStatus &m, Writer &w) noexcept
{
    if (m.status_type != 1)
        return false;
    w.u8(m.status_type);
    return put24(w, m.response, 1, 0xffffff);
}

// ---- NewSessionTicket, KeyUpdate ------------------------------------------

Err parse(Bytes body, NewSessionTicket13 &out)
{
    out = NewSessionTicket13{};
    Reader r(body);
    if (!r.u32(out.lifetime) || !r.u32(out.age_add) || !vec8(r, 0, 0xff, out.nonce) ||
        !vec16(r, 1, 0xffff, out.ticket))
        return kDecode;
    if (Err e = read_extensions(r, 0, 0xfffe, out.extensions, out.ext); !ok(e))
        return e;
    return r.empty() ? Err::ok : kDecode;
}

bool write(const NewSessionTicket13 &m, Writer &w) noexcept
{
    w.u32(m.lifetime).u32(m.age_add);
    return put8(w, m.nonce, 0, 0xff) && put16(w, m.ticket, 1, 0xffff) &&
           put16(w, m.extensions, 0, 0xfffe);
}

Err parse(Bytes body, NewSessionTicket12 &out) noexcept
{
    out = NewSessionTicket12{};
    Reader r(body);
    if (!r.u32(out.lifetime_hint) || !vec16(r, 0, 0xffff, out.ticket) || !r.empty())
        return kDecode;
    return Err::ok;
}

bool write(const NewSessionTicket12 &m, Writer &w) noexcept
{
    w.u32(m.lifetime_hint);
    return put16(w, m.ticket, 0, 0xffff);
}

Err parse(Bytes body, KeyUpdate &out) noexcept
{
    out = KeyUpdate{};
    Reader r(body);
    if (!r.u8(out.request_update) || !r.empty())
        return kDecode;
    return out.request_update <= 1 ? Err::ok : kIllegal;
}

bool write(const KeyUpdate &m, Writer &w) noexcept
{
    return m.request_update <= 1 && w.u8(m.request_update).ok();
}

// ---- Key exchange ---------------------------------------------------------

namespace {

bool has_psk(KeyExchange k) noexcept
{
    return k == KeyExchange::psk || k == KeyExchange::dhe_psk || k == KeyExchange::ecdhe_psk ||
           k == KeyExchange::rsa_psk;
}
bool is_ecdh(KeyExchange k) noexcept
{
    return k == KeyExchange::ecdhe || k == KeyExchange::ecdhe_psk;
}
bool is_dh(KeyExchange k) noexcept
{
    return k == KeyExchange::dhe || k == KeyExchange::dhe_psk;
}

constexpr std::uint8_t kNamedCurve = 3;

}  // namespace

Err parse(Bytes body, ServerKeyExchange &out, KeyExchange kind, KxSignature sig) noexcept
{
    out = ServerKeyExchange{};
    out.kind = kind;
    out.sig = sig;
    if (kind == KeyExchange::rsa || kind == KeyExchange::gost)
        return Err::unexpected_handshake_packet;
    Reader r(body);
    if (has_psk(kind) && !vec16(r, 0, 0xffff, out.psk_identity_hint))
        return kDecode;
    std::size_t params_start = body.size() - r.remaining();
    if (is_ecdh(kind)) {
        std::uint8_t curve_type;
        if (!r.u8(curve_type))
            return kDecode;
        // Explicit curves (1, 2) are not supported by anyone any more
        // (RFC 8422 section 5.4); anything but a named curve is refused.
        if (curve_type != kNamedCurve)
            return kIllegal;
        if (!r.u16(out.named_group) || !vec8(r, 1, 0xff, out.point))
            return kDecode;
    } else if (is_dh(kind)) {
        if (!vec16(r, 1, 0xffff, out.dh_p) || !vec16(r, 1, 0xffff, out.dh_g) ||
            !vec16(r, 1, 0xffff, out.dh_ys))
            return kDecode;
    }
    out.params = body.subspan(params_start, body.size() - r.remaining() - params_start);
    if (sig != KxSignature::none) {
        if (sig == KxSignature::scheme && !r.u16(out.scheme))
            return kDecode;
        if (!vec16(r, 0, 0xffff, out.signature))
            return kDecode;
    }
    return r.empty() ? Err::ok : kDecode;
}

bool write_params(const ServerKeyExchange &m, Writer &w) noexcept
{
    if (is_ecdh(m.kind)) {
        w.u8(kNamedCurve).u16(m.named_group);
        return put8(w, m.point, 1, 0xff);
    }
    if (is_dh(m.kind))
        return put16(w, m.dh_p, 1, 0xffff) && put16(w, m.dh_g, 1, 0xffff) &&
               put16(w, m.dh_ys, 1, 0xffff);
    return w.ok();
}

bool write(const ServerKeyExchange &m, Writer &w) noexcept
{
    if (m.kind == KeyExchange::rsa || m.kind == KeyExchange::gost)
        return false;
    if (has_psk(m.kind) && !put16(w, m.psk_identity_hint, 0, 0xffff))
        return false;
    if (!write_params(m, w))
        return false;
    if (m.sig == KxSignature::scheme)
        w.u16(m.scheme);
    if (m.sig != KxSignature::none)
        return put16(w, m.signature, 0, 0xffff);
    return w.ok();
}

Err parse(Bytes body, ClientKeyExchange &out, KeyExchange kind) noexcept
{
    out = ClientKeyExchange{};
    out.kind = kind;
    if (kind == KeyExchange::gost) {
        // A self-delimiting DER value fills the body; asn1 checks it.
        if (body.empty())
            return kDecode;
        out.key_transport = body;
        return Err::ok;
    }
    Reader r(body);
    if (has_psk(kind) && !vec16(r, 0, 0xffff, out.psk_identity))
        return kDecode;
    bool good = true;
    if (kind == KeyExchange::rsa || kind == KeyExchange::rsa_psk)
        good = vec16(r, 0, 0xffff, out.encrypted_premaster);
    else if (is_ecdh(kind))
        good = vec8(r, 1, 0xff, out.point);
    else if (is_dh(kind))
        good = vec16(r, 1, 0xffff, out.dh_yc);
    if (!good || !r.empty())
        return kDecode;
    return Err::ok;
}

bool write(const ClientKeyExchange &m, Writer &w) noexcept
{
    if (has_psk(m.kind) && !put16(w, m.psk_identity, 0, 0xffff))
        return false;
    if (m.kind == KeyExchange::rsa || m.kind == KeyExchange::rsa_psk)
        return put16(w, m.encrypted_premaster, 0, 0xffff);
    if (is_ecdh(m.kind))
        return put8(w, m.point, 1, 0xff);
    if (is_dh(m.kind))
        return put16(w, m.dh_yc, 1, 0xffff);
    if (m.kind == KeyExchange::gost) {
        if (m.key_transport.empty())
            return false;
        w.bytes(m.key_transport);
    }
    return w.ok();
}

// ---- ClientHello helpers --------------------------------------------------

namespace {

// Locates, in a whole ClientHello message, the start of the extensions
// vector (its length field) and the pre_shared_key extension.
struct ChLayout {
    ClientHello ch;
    std::size_t ext_len_at = 0;  // offset of the extensions length field
    const Extension *psk = nullptr;
};

Err layout(Bytes msg, ChLayout &out)
{
    HandshakeType type;
    Bytes body;
    if (Err e = parse_handshake(msg, type, body); !ok(e))
        return e;
    if (type != HandshakeType::client_hello)
        return Err::unexpected_handshake_packet;
    if (Err e = parse(body, out.ch); !ok(e))
        return e;
    if (!out.ch.has_extensions)
        return Err::invalid_request;
    out.ext_len_at = kHandshakeHeaderSize + body.size() - out.ch.extensions.size() - 2;
    out.psk = out.ch.ext.find(ExtensionType::pre_shared_key);
    if (out.psk != nullptr && out.psk != &out.ch.ext.all().back())
        return kIllegal;  // RFC 8446 section 4.2.11: it must come last
    return Err::ok;
}

}  // namespace

Err binder_prefix(Bytes client_hello_msg, Bytes &prefix)
{
    ChLayout l;
    if (Err e = layout(client_hello_msg, l); !ok(e))
        return e;
    if (l.psk == nullptr)
        return Err::missing_extension;
    OfferedPsks psks;
    if (Err e = parse_offered_psks(l.psk->body, psks); !ok(e))
        return e;
    // The body of the psk extension starts 4 bytes after its type field.
    std::size_t at = l.ext_len_at + 2 + l.psk->offset + 4 + psks.binders_offset;
    prefix = client_hello_msg.first(at);
    return Err::ok;
}

Err fill_binders(MutableBytes client_hello_msg, const std::vector<Bytes> &binders)
{
    Bytes prefix;
    if (Err e = binder_prefix(client_hello_msg, prefix); !ok(e))
        return e;
    // What follows the prefix is exactly the binders vector (the psk
    // extension is the last one).
    Reader r(Bytes(client_hello_msg).subspan(prefix.size())), list;
    if (!r.vec16(list) || !r.empty())
        return kDecode;
    std::size_t at = prefix.size() + 2;
    for (const auto &b : binders) {
        std::uint8_t len;
        if (!list.u8(len) || len != b.size() || !list.skip(len))
            return Err::invalid_request;
        std::memcpy(client_hello_msg.data() + at + 1, b.data(), b.size());
        at += 1 + b.size();
    }
    return list.empty() ? Err::ok : Err::invalid_request;
}

Err pad_client_hello(std::vector<std::uint8_t> &msg, std::size_t target)
{
    if (msg.size() >= target)
        return Err::ok;
    ChLayout l;
    if (Err e = layout(msg, l); !ok(e))
        return e;
    if (l.ch.ext.has(ExtensionType::padding))
        return Err::invalid_request;
    std::size_t need = target - msg.size();
    // The extension header alone takes 4 bytes.
    std::size_t pad = need > 4 ? need - 4 : 0;
    std::size_t grow = pad + 4;
    std::size_t ext_block = l.ch.extensions.size();
    std::size_t body = msg.size() - kHandshakeHeaderSize;
    if (ext_block + grow > 0xffff || body + grow > 0xffffff)
        return Err::invalid_request;
    std::size_t insert_at = l.psk != nullptr ? l.ext_len_at + 2 + l.psk->offset : msg.size();

    std::vector<std::uint8_t> out;
    out.reserve(msg.size() + grow);
    out.insert(out.end(), msg.begin(), msg.begin() + static_cast<std::ptrdiff_t>(insert_at));
    {
        Writer w(out);
        w.u16(static_cast<std::uint16_t>(ExtensionType::padding)).u16(static_cast<std::uint16_t>(pad)).zeros(pad);
        if (!w.ok())
            return Err::memory;
    }
    out.insert(out.end(), msg.begin() + static_cast<std::ptrdiff_t>(insert_at), msg.end());
    // Fix the two lengths that cover the new extension.
    std::size_t nbody = body + grow;
    out[1] = static_cast<std::uint8_t>(nbody >> 16);
    out[2] = static_cast<std::uint8_t>(nbody >> 8);
    out[3] = static_cast<std::uint8_t>(nbody);
    std::size_t nblock = ext_block + grow;
    out[l.ext_len_at] = static_cast<std::uint8_t>(nblock >> 8);
    out[l.ext_len_at + 1] = static_cast<std::uint8_t>(nblock);
    msg.swap(out);
    return Err::ok;
}

}  // namespace tlshim::tls
