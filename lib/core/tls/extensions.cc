// SPDX-License-Identifier: LGPL-2.1-or-later
// Hello extensions: the block, the per-message rules and the body codecs.
#include "core/tls/extensions.hh"

#include <bitset>
#include <memory>

#include "core/log.hh"
#include "core/tls/messages.hh"

namespace tlshim::tls {

namespace {

constexpr Err kDecode = Err::unexpected_packet_length;
constexpr Err kIllegal = Err::received_illegal_parameter;

// A list of 16-bit values: an even length in [min, max].
Err u16_vector(Bytes body, std::size_t min, std::size_t max, U16List &out) noexcept
{
    Reader r(body), v;
    if (!r.vec16(v, min, max) || !r.empty() || v.remaining() % 2 != 0)
        return kDecode;
    out = U16List(v.rest());
    return Err::ok;
}

Err opaque8(Bytes body, std::size_t min, std::size_t max, Bytes &out) noexcept
{
    Reader r(body), v;
    if (!r.vec8(v, min, max) || !r.empty())
        return kDecode;
    out = v.rest();
    return Err::ok;
}

Err opaque16(Bytes body, std::size_t min, std::size_t max, Bytes &out) noexcept
{
    Reader r(body), v;
    if (!r.vec16(v, min, max) || !r.empty())
        return kDecode;
    out = v.rest();
    return Err::ok;
}

bool put8(Bytes b, std::size_t min, std::size_t max, Writer &w) noexcept
{
    if (b.size() < min || b.size() > max)
        return false;
    auto v = w.open(1);
    w.bytes(b);
    w.close(v);
    return w.ok();
}

bool put16(Bytes b, std::size_t min, std::size_t max, Writer &w) noexcept
{
    if (b.size() < min || b.size() > max)
        return false;
    auto v = w.open(2);
    w.bytes(b);
    w.close(v);
    return w.ok();
}

}  // namespace

// ---- U16List --------------------------------------------------------------

bool U16List::contains(std::uint16_t v) const noexcept
{
    for (std::size_t i = 0; i < size(); i++)
        if ((*this)[i] == v)
            return true;
    return false;
}

U16Builder::U16Builder(std::initializer_list<std::uint16_t> values)
{
    for (auto v : values)
        add(v);
}

void U16Builder::add(std::uint16_t v)
{
    buf_.push_back(static_cast<std::uint8_t>(v >> 8));
    buf_.push_back(static_cast<std::uint8_t>(v));
}

// ---- The block ------------------------------------------------------------

Err ExtensionList::parse(Bytes block)
{
    clear();
    // 65536 bits: one per possible type, so a hostile block of 16k
    // extensions costs linear time.
    auto seen = std::make_unique<std::bitset<65536>>();
    Reader r(block);
    while (!r.empty()) {
        std::size_t offset = block.size() - r.remaining();
        std::uint16_t type;
        Reader body;
        if (!r.u16(type) || !r.vec16(body)) {
            clear();
            return Err::unexpected_extensions_length;
        }
        if (seen->test(type)) {
            TLSHIM_DEBUG("tls: extension %u appears twice\n", static_cast<unsigned>(type));
            clear();
            return kIllegal;
        }
        seen->set(type);
        items_.push_back(Extension{static_cast<ExtensionType>(type), body.rest(), offset});
    }
    block_ = block;
    return Err::ok;
}

const Extension *ExtensionList::find(ExtensionType t) const noexcept
{
    for (const auto &e : items_)
        if (e.type == t)
            return &e;
    return nullptr;
}

bool is_known(ExtensionType t) noexcept
{
    switch (t) {
    case ExtensionType::server_name:
    case ExtensionType::max_fragment_length:
    case ExtensionType::status_request:
    case ExtensionType::supported_groups:
    case ExtensionType::ec_point_formats:
    case ExtensionType::signature_algorithms:
    case ExtensionType::use_srtp:
    case ExtensionType::heartbeat:
    case ExtensionType::application_layer_protocol_negotiation:
    case ExtensionType::signed_certificate_timestamp:
    case ExtensionType::client_certificate_type:
    case ExtensionType::server_certificate_type:
    case ExtensionType::padding:
    case ExtensionType::encrypt_then_mac:
    case ExtensionType::extended_master_secret:
    case ExtensionType::compress_certificate:
    case ExtensionType::record_size_limit:
    case ExtensionType::session_ticket:
    case ExtensionType::pre_shared_key:
    case ExtensionType::early_data:
    case ExtensionType::supported_versions:
    case ExtensionType::cookie:
    case ExtensionType::psk_key_exchange_modes:
    case ExtensionType::certificate_authorities:
    case ExtensionType::oid_filters:
    case ExtensionType::post_handshake_auth:
    case ExtensionType::signature_algorithms_cert:
    case ExtensionType::key_share:
    case ExtensionType::renegotiation_info:
        return true;
    default:
        return false;
    }
}

bool permitted_tls13(ExtensionType t, HandshakeType msg) noexcept
{
    using H = HandshakeType;
    // A ClientHello may still negotiate TLS 1.2: every known extension is
    // acceptable there.
    if (msg == H::client_hello)
        return is_known(t);
    switch (t) {
    case ExtensionType::server_name:
    case ExtensionType::max_fragment_length:
    case ExtensionType::supported_groups:
    case ExtensionType::use_srtp:
    case ExtensionType::heartbeat:
    case ExtensionType::application_layer_protocol_negotiation:
    case ExtensionType::client_certificate_type:
    case ExtensionType::server_certificate_type:
    case ExtensionType::record_size_limit:
        return msg == H::encrypted_extensions;
    case ExtensionType::status_request:
    case ExtensionType::signed_certificate_timestamp:
        return msg == H::certificate_request || msg == H::certificate;
    case ExtensionType::signature_algorithms:
    case ExtensionType::certificate_authorities:
    case ExtensionType::oid_filters:
    case ExtensionType::signature_algorithms_cert:
    case ExtensionType::compress_certificate:
        return msg == H::certificate_request;
    case ExtensionType::pre_shared_key:
        return msg == H::server_hello;
    case ExtensionType::early_data:
        return msg == H::encrypted_extensions || msg == H::new_session_ticket;
    case ExtensionType::supported_versions:
    case ExtensionType::key_share:
        return msg == H::server_hello || msg == H::hello_retry_request;
    case ExtensionType::cookie:
        return msg == H::hello_retry_request;
    default:
        // padding, psk_key_exchange_modes, post_handshake_auth: ClientHello
        // only; the TLS 1.2 extensions: not in TLS 1.3 server messages.
        return false;
    }
}

Err ExtensionList::check_permitted_tls13(HandshakeType msg) const noexcept
{
    for (const auto &e : items_) {
        if (is_known(e.type) && !permitted_tls13(e.type, msg)) {
            TLSHIM_DEBUG("tls: extension %u not allowed in message %u\n",
                         static_cast<unsigned>(e.type), static_cast<unsigned>(msg));
            return kIllegal;
        }
    }
    return Err::ok;
}

Err ExtensionList::check_solicited(const ExtensionList &request) const noexcept
{
    for (const auto &e : items_) {
        if (e.type == ExtensionType::cookie)
            continue;
        if (!request.has(e.type)) {
            TLSHIM_DEBUG("tls: unsolicited extension %u\n", static_cast<unsigned>(e.type));
            return Err::received_illegal_extension;
        }
    }
    return Err::ok;
}

Err ExtensionList::require(ExtensionType t) const noexcept
{
    return has(t) ? Err::ok : Err::missing_extension;
}

// ---- ExtensionWriter ------------------------------------------------------

ExtensionWriter::ExtensionWriter(Writer &w) noexcept : w_(w)
{
    block_ = w_.open(2);
}

bool ExtensionWriter::seen(ExtensionType t) noexcept
{
    auto v = static_cast<std::uint16_t>(t);
    for (auto s : types_)
        if (s == v)
            return true;
    try {
        types_.push_back(v);
    } catch (...) {
        w_.fail();
    }
    return false;
}

ExtensionWriter &ExtensionWriter::add(ExtensionType t, Bytes body) noexcept
{
    begin(t).bytes(body);
    end();
    return *this;
}

Writer &ExtensionWriter::begin(ExtensionType t) noexcept
{
    if (open_ || seen(t))
        w_.fail();
    w_.u16(static_cast<std::uint16_t>(t));
    ext_ = w_.open(2);
    open_ = true;
    return w_;
}

void ExtensionWriter::end() noexcept
{
    if (!open_) {
        w_.fail();
        return;
    }
    w_.close(ext_);
    open_ = false;
}

bool ExtensionWriter::finish() noexcept
{
    if (open_)
        w_.fail();
    w_.close(block_);
    return w_.ok();
}

// ---- Bodies ---------------------------------------------------------------

Err parse_empty(Bytes body) noexcept
{
    return body.empty() ? Err::ok : kDecode;
}

Err parse_server_name(Bytes body, ServerNameList &out) noexcept
{
    out = ServerNameList{};
    Reader r(body), list;
    if (!r.vec16(list, 1) || !r.empty())
        return kDecode;
    out.list = list.rest();
    bool have_host = false;
    while (!list.empty()) {
        std::uint8_t type;
        Reader name;
        // HostName is opaque<1..2^16-1>; entries of unknown types are
        // assumed to share that framing and are skipped.
        if (!list.u8(type) || !list.vec16(name, 1))
            return kDecode;
        if (type != 0)
            continue;
        // RFC 6066: at most one name of each type.
        if (have_host)
            return kIllegal;
        have_host = true;
        for (auto c : name.rest())
            if (c == 0)
                return kIllegal;
        out.host_name = name.rest();
    }
    return Err::ok;
}

bool write_server_name(Bytes host_name, Writer &w) noexcept
{
    if (host_name.empty())
        return false;
    for (auto c : host_name)
        if (c == 0)
            return false;
    auto list = w.open(2);
    w.u8(0);
    put16(host_name, 1, 0xffff, w);
    w.close(list);
    return w.ok();
}

Err parse_max_fragment_length(Bytes body, std::uint8_t &out) noexcept
{
    Reader r(body);
    if (!r.u8(out) || !r.empty())
        return kDecode;
    return out >= 1 && out <= 4 ? Err::ok : kIllegal;
}

bool write_max_fragment_length(std::uint8_t code, Writer &w) noexcept
{
    if (code < 1 || code > 4)
        return false;
    return w.u8(code).ok();
}

Err parse_max_fragment_request(Bytes body, std::uint8_t &code) noexcept
{
    code = 0;
    Reader r(body);
    if (r.empty())
        return Err::ok;
    if (!r.u8(code))
        return kDecode;
    return code >= 1 && code <= 4 ? Err::ok : kIllegal;
}

std::size_t max_fragment_size(std::uint8_t code) noexcept
{
    return code >= 1 && code <= 4 ? std::size_t{1} << (8 + code) : 0;
}

std::uint8_t max_fragment_code(std::size_t size) noexcept
{
    for (std::uint8_t c = 1; c <= 4; c++)
        if (max_fragment_size(c) == size)
            return c;
    return 0;
}

Err parse_certificate_status(Bytes body, std::uint8_t &status_type, Bytes &response) noexcept
{
    Reader r(body), resp;
    response = Bytes();
    if (!r.u8(status_type))
        return kDecode;
    if (status_type != 1)
        return Err::ok;
    if (!r.vec24(resp, 1) || !r.empty())
        return kDecode;
    response = resp.rest();
    return Err::ok;
}

bool write_certificate_status(Bytes ocsp_response, Writer &w) noexcept
{
    w.u8(1);
    auto v = w.open(3);
    w.bytes(ocsp_response);
    w.close(v);
    return w.ok();
}

Err parse_status_request(Bytes body, StatusRequest &out) noexcept
{
    out = StatusRequest{};
    Reader r(body), ids, exts;
    if (!r.u8(out.status_type))
        return kDecode;
    if (out.status_type != 1) {
        // Another status type: its body is not known; keep it whole.
        out.responder_id_list = r.rest();
        return Err::ok;
    }
    if (!r.vec16(ids) || !r.vec16(exts) || !r.empty())
        return kDecode;
    // ResponderID opaque<1..2^16-1>.
    Reader walk = ids;
    while (!walk.empty()) {
        Reader id;
        if (!walk.vec16(id, 1))
            return kDecode;
    }
    out.responder_id_list = ids.rest();
    out.request_extensions = exts.rest();
    return Err::ok;
}

bool write_status_request(const StatusRequest &in, Writer &w) noexcept
{
    w.u8(in.status_type);
    if (in.status_type != 1)
        return w.bytes(in.responder_id_list).ok();
    return put16(in.responder_id_list, 0, 0xffff, w) && put16(in.request_extensions, 0, 0xffff, w);
}

Err parse_supported_groups(Bytes body, U16List &out) noexcept
{
    return u16_vector(body, 2, 0xffff, out);
}

Err parse_signature_algorithms(Bytes body, U16List &out) noexcept
{
    return u16_vector(body, 2, 0xfffe, out);
}

bool write_u16_list(U16List list, Writer &w) noexcept
{
    return put16(list.wire(), 2, 0xfffe, w);
}

Err parse_ec_point_formats(Bytes body, Bytes &formats) noexcept
{
    return opaque8(body, 1, 0xff, formats);
}

bool write_ec_point_formats(Bytes formats, Writer &w) noexcept
{
    return put8(formats, 1, 0xff, w);
}

Err parse_alpn(Bytes body, AlpnList &out)
{
    out = AlpnList{};
    Reader r(body), list;
    if (!r.vec16(list, 2) || !r.empty())
        return kDecode;
    out.list = list.rest();
    while (!list.empty()) {
        Reader name;
        if (!list.vec8(name, 1)) {
            out.names.clear();
            return kDecode;
        }
        out.names.push_back(name.rest());
    }
    return Err::ok;
}

Err parse_alpn_reply(Bytes body, Bytes &selected)
{
    AlpnList list;
    if (Err e = parse_alpn(body, list); !ok(e))
        return e;
    if (list.names.size() != 1)
        return kIllegal;
    selected = list.names[0];
    return Err::ok;
}

bool write_alpn(const std::vector<Bytes> &names, Writer &w) noexcept
{
    if (names.empty())
        return false;
    auto list = w.open(2);
    for (const auto &n : names)
        if (!put8(n, 1, 0xff, w))
            return false;
    w.close(list);
    return w.ok();
}

Err parse_cert_type_list(Bytes body, Bytes &types) noexcept
{
    return opaque8(body, 1, 0xff, types);
}

Err parse_cert_type_reply(Bytes body, std::uint8_t &type) noexcept
{
    Reader r(body);
    if (!r.u8(type) || !r.empty())
        return kDecode;
    return Err::ok;
}

bool write_cert_type_list(Bytes types, Writer &w) noexcept
{
    return put8(types, 1, 0xff, w);
}

Err parse_padding(Bytes body) noexcept
{
    for (auto c : body)
        if (c != 0)
            return kIllegal;
    return Err::ok;
}

Err parse_record_size_limit(Bytes body, std::uint16_t &limit) noexcept
{
    Reader r(body);
    if (!r.u16(limit) || !r.empty())
        return kDecode;
    return limit >= 64 ? Err::ok : kIllegal;
}

bool write_record_size_limit(std::uint16_t limit, Writer &w) noexcept
{
    return limit >= 64 && w.u16(limit).ok();
}

Err parse_offered_psks(Bytes body, OfferedPsks &out)
{
    out = OfferedPsks{};
    Reader r(body), ids, binders;
    if (!r.vec16(ids, 7))
        return kDecode;
    out.binders_offset = body.size() - r.remaining();
    if (!r.vec16(binders, 33) || !r.empty())
        return kDecode;
    while (!ids.empty()) {
        PskIdentity id;
        Reader v;
        if (!ids.vec16(v, 1) || !ids.u32(id.obfuscated_ticket_age)) {
            out = OfferedPsks{};
            return kDecode;
        }
        id.identity = v.rest();
        out.identities.push_back(id);
    }
    while (!binders.empty()) {
        Reader v;
        if (!binders.vec8(v, 32)) {
            out = OfferedPsks{};
            return kDecode;
        }
        out.binders.push_back(v.rest());
    }
    if (out.binders.size() != out.identities.size()) {
        TLSHIM_DEBUG("tls: %zu PSK identities but %zu binders\n", out.identities.size(),
                     out.binders.size());
        out = OfferedPsks{};
        return kIllegal;
    }
    return Err::ok;
}

bool write_offered_psks(const OfferedPsks &in, Writer &w) noexcept
{
    if (in.identities.empty() || in.identities.size() != in.binders.size())
        return false;
    auto ids = w.open(2);
    for (const auto &id : in.identities) {
        if (!put16(id.identity, 1, 0xffff, w))
            return false;
        w.u32(id.obfuscated_ticket_age);
    }
    w.close(ids);
    auto b = w.open(2);
    for (const auto &bd : in.binders)
        if (!put8(bd, 32, 0xff, w))
            return false;
    w.close(b);
    return w.ok();
}

Err parse_selected_identity(Bytes body, std::uint16_t &index) noexcept
{
    Reader r(body);
    if (!r.u16(index) || !r.empty())
        return kDecode;
    return Err::ok;
}

bool write_u16(std::uint16_t v, Writer &w) noexcept
{
    return w.u16(v).ok();
}

Err parse_max_early_data(Bytes body, std::uint32_t &size) noexcept
{
    Reader r(body);
    if (!r.u32(size) || !r.empty())
        return kDecode;
    return Err::ok;
}

Err parse_supported_versions(Bytes body, U16List &versions) noexcept
{
    Reader r(body), v;
    if (!r.vec8(v, 2, 254) || !r.empty() || v.remaining() % 2 != 0)
        return kDecode;
    versions = U16List(v.rest());
    return Err::ok;
}

Err parse_selected_version(Bytes body, std::uint16_t &version) noexcept
{
    return parse_selected_identity(body, version);
}

bool write_supported_versions(U16List versions, Writer &w) noexcept
{
    return put8(versions.wire(), 2, 254, w);
}

Err parse_cookie(Bytes body, Bytes &cookie) noexcept
{
    return opaque16(body, 1, 0xffff, cookie);
}

bool write_cookie(Bytes cookie, Writer &w) noexcept
{
    return put16(cookie, 1, 0xffff, w);
}

Err parse_psk_modes(Bytes body, Bytes &modes) noexcept
{
    return opaque8(body, 1, 0xff, modes);
}

bool write_psk_modes(Bytes modes, Writer &w) noexcept
{
    return put8(modes, 1, 0xff, w);
}

Err parse_certificate_authorities(Bytes body, std::vector<Bytes> &names)
{
    names.clear();
    Reader r(body), list;
    if (!r.vec16(list, 3) || !r.empty())
        return kDecode;
    while (!list.empty()) {
        Reader dn;
        if (!list.vec16(dn, 1)) {
            names.clear();
            return kDecode;
        }
        names.push_back(dn.rest());
    }
    return Err::ok;
}

bool write_certificate_authorities(const std::vector<Bytes> &names, Writer &w) noexcept
{
    if (names.empty())
        return false;
    auto list = w.open(2);
    for (const auto &n : names)
        if (!put16(n, 1, 0xffff, w))
            return false;
    w.close(list);
    return w.ok();
}

Err parse_key_share_client(Bytes body, std::vector<KeyShareEntry> &shares)
{
    shares.clear();
    Reader r(body), list;
    if (!r.vec16(list) || !r.empty())
        return kDecode;
    while (!list.empty()) {
        KeyShareEntry e;
        Reader kx;
        if (!list.u16(e.group) || !list.vec16(kx, 1)) {
            shares.clear();
            return kDecode;
        }
        e.key_exchange = kx.rest();
        for (const auto &s : shares) {
            if (s.group == e.group) {
                TLSHIM_DEBUG("tls: key share for group %u offered twice\n", e.group);
                shares.clear();
                return kIllegal;
            }
        }
        shares.push_back(e);
    }
    return Err::ok;
}

bool write_key_share_entry(const KeyShareEntry &share, Writer &w) noexcept
{
    w.u16(share.group);
    return put16(share.key_exchange, 1, 0xffff, w);
}

bool write_key_share_client(const std::vector<KeyShareEntry> &shares, Writer &w) noexcept
{
    auto list = w.open(2);
    for (std::size_t i = 0; i < shares.size(); i++) {
        for (std::size_t j = 0; j < i; j++)
            if (shares[j].group == shares[i].group)
                return false;
        if (!write_key_share_entry(shares[i], w))
            return false;
    }
    w.close(list);
    return w.ok();
}

Err parse_key_share_server(Bytes body, KeyShareEntry &share) noexcept
{
    Reader r(body), kx;
    if (!r.u16(share.group) || !r.vec16(kx, 1) || !r.empty())
        return kDecode;
    share.key_exchange = kx.rest();
    return Err::ok;
}

Err parse_key_share_hrr(Bytes body, std::uint16_t &group) noexcept
{
    return parse_selected_identity(body, group);
}

Err parse_renegotiation_info(Bytes body, Bytes &verify_data) noexcept
{
    return opaque8(body, 0, 0xff, verify_data);
}

bool write_renegotiation_info(Bytes verify_data, Writer &w) noexcept
{
    return put8(verify_data, 0, 0xff, w);
}

}  // namespace tlshim::tls
