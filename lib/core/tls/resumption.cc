// SPDX-License-Identifier: LGPL-2.1-or-later
// Tickets, the session cache's state and client session data (see
// resumption.hh).
#include "core/tls/resumption.hh"

#include <gnutls/gnutls.h>

#include <chrono>
#include <cstring>
#include <memory>

#include "core/crypto/aead.hh"
#include "core/crypto/random.hh"

namespace tlshim::tls {

namespace {

constexpr std::size_t kNameSize = 16, kKeyOffset = 16, kKeySize = 32, kNonceSize = 12, kTagSize = 16;
constexpr std::uint8_t kMagic[8] = {'t', 'l', 's', 'h', 'i', 'm', 0, 2};

}  // namespace

std::uint64_t now_ms() noexcept
{
    using namespace std::chrono;
    return static_cast<std::uint64_t>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

Err seal_ticket(Bytes ticket_key, const TicketState &st, std::vector<std::uint8_t> &ticket)
{
    if (ticket_key.size() != kTicketKeySize || st.psk.empty() || st.psk.size() > 255)
        return Err::internal;
    SecretBytes plain;
    if (Err e = encode_state(st, plain); !ok(e))
        return e;
    std::unique_ptr<crypto::Aead> aead;
    if (Err e = crypto::Aead::create(GNUTLS_CIPHER_AES_256_GCM, ticket_key.subspan(kKeyOffset, kKeySize), aead); !ok(e))
        return e;
    ticket.assign(kNameSize + kNonceSize + plain.size() + kTagSize, 0);
    std::memcpy(ticket.data(), ticket_key.data(), kNameSize);
    std::uint8_t *nonce = ticket.data() + kNameSize;
    if (Err e = crypto::random(crypto::RandomLevel::nonce, MutableBytes(nonce, kNonceSize)); !ok(e))
        return e;
    std::uint8_t *body = nonce + kNonceSize;
    return aead->seal(Bytes(nonce, kNonceSize), Bytes(ticket.data(), kNameSize), plain.data(), plain.size(), body,
                      MutableBytes(body + plain.size(), kTagSize));
}

Err open_ticket(Bytes ticket_key, Bytes ticket, TicketState &st)
{
    if (ticket_key.size() != kTicketKeySize)
        return Err::internal;
    if (ticket.size() < kNameSize + kNonceSize + kTagSize + 21 ||
        std::memcmp(ticket.data(), ticket_key.data(), kNameSize) != 0)
        return Err::decryption_failed;
    std::unique_ptr<crypto::Aead> aead;
    if (Err e = crypto::Aead::create(GNUTLS_CIPHER_AES_256_GCM, ticket_key.subspan(kKeyOffset, kKeySize), aead); !ok(e))
        return e;
    const std::size_t len = ticket.size() - kNameSize - kNonceSize - kTagSize;
    SecretBytes plain(len);
    const std::uint8_t *nonce = ticket.data() + kNameSize;
    if (Err e = aead->open(Bytes(nonce, kNonceSize), ticket.first(kNameSize), nonce + kNonceSize, len, plain.data(),
                           Bytes(nonce + kNonceSize + len, kTagSize));
        !ok(e))
        return Err::decryption_failed;
    return decode_state(Bytes(plain), st);
}

Err encode_state(const TicketState &st, SecretBytes &out)
{
    if (st.psk.empty() || st.psk.size() > 255)
        return Err::internal;
    std::vector<std::uint8_t> tmp;
    Writer w(tmp);
    w.u16(st.version).u16(st.suite).u64(st.issued_ms).u32(st.lifetime).u32(st.age_add);
    w.u8(static_cast<std::uint8_t>(st.psk.size())).bytes(Bytes(st.psk)).u8(st.flags);
    if ((st.flags & kTicketPsk) != 0) {
        if (st.psk_identity.size() > 0xffff)
            return Err::internal;
        w.u16(static_cast<std::uint16_t>(st.psk_identity.size())).bytes(st.psk_identity);
    }
    const bool good = w.ok();
    out.assign(tmp.begin(), tmp.end());
    secure_wipe(tmp.data(), tmp.size());
    return good ? Err::ok : Err::internal;
}

Err decode_state(Bytes in, TicketState &st)
{
    Reader r{in};
    std::uint8_t psk_len = 0;
    Bytes psk;
    if (!r.u16(st.version) || !r.u16(st.suite) || !r.u64(st.issued_ms) || !r.u32(st.lifetime) ||
        !r.u32(st.age_add) || !r.u8(psk_len) || !r.bytes(psk_len, psk) || !r.u8(st.flags) || psk.empty())
        return Err::decryption_failed;
    st.psk_identity.clear();
    if ((st.flags & kTicketPsk) != 0) {
        Reader name;
        if (!r.vec16(name))
            return Err::decryption_failed;
        const Bytes n = name.rest();
        st.psk_identity.assign(n.begin(), n.end());
    }
    if (!r.empty())
        return Err::decryption_failed;
    st.psk.assign(psk.begin(), psk.end());
    return Err::ok;
}

Err encode_session_data(const ClientTicket &t, std::vector<std::uint8_t> &out)
{
    if (!t.valid())
        return Err::invalid_request;
    out.clear();
    Writer w(out);
    w.bytes(Bytes(kMagic, sizeof kMagic));
    w.u16(t.version).u8(t.flags).u16(t.suite).u32(t.age_add).u32(t.lifetime).u64(t.received_ms);
    auto sid = w.open(1);
    w.bytes(Bytes(t.session_id));
    w.close(sid);
    auto v = w.open(2);
    w.bytes(Bytes(t.identity));
    w.close(v);
    auto p = w.open(1);
    w.bytes(Bytes(t.psk));
    w.close(p);
    auto n = w.open(1);
    w.bytes(std::string_view(t.server_name));
    w.close(n);
    auto chain = w.open(3);
    for (const auto &c : t.peer_chain) {
        auto one = w.open(3);
        w.bytes(Bytes(c));
        w.close(one);
    }
    w.close(chain);
    return w.ok() ? Err::ok : Err::internal;
}

Err decode_session_data(Bytes blob, ClientTicket &t)
{
    Reader r(blob);
    Bytes magic, id, psk, name, sid;
    std::uint16_t id_len = 0;
    std::uint8_t psk_len = 0, name_len = 0, sid_len = 0;
    if (!r.bytes(sizeof kMagic, magic) || std::memcmp(magic.data(), kMagic, sizeof kMagic) != 0)
        return Err::db_error;
    if (!r.u16(t.version) || !r.u8(t.flags) || !r.u16(t.suite) || !r.u32(t.age_add) || !r.u32(t.lifetime) ||
        !r.u64(t.received_ms) || !r.u8(sid_len) || !r.bytes(sid_len, sid) || sid_len > 32 || !r.u16(id_len) ||
        !r.bytes(id_len, id) || !r.u8(psk_len) || !r.bytes(psk_len, psk) || !r.u8(name_len) ||
        !r.bytes(name_len, name) || (id.empty() && sid.empty()) || psk.empty())
        return Err::db_error;
    t.session_id.assign(sid.begin(), sid.end());
    Reader chain;
    if (!r.vec24(chain) || !r.empty())
        return Err::db_error;
    t.peer_chain.clear();
    while (!chain.empty()) {
        Reader one;
        if (!chain.vec24(one, 1))
            return Err::db_error;
        t.peer_chain.emplace_back(one.rest().begin(), one.rest().end());
    }
    t.identity.assign(id.begin(), id.end());
    t.psk.assign(psk.begin(), psk.end());
    t.server_name.assign(name.begin(), name.end());
    return Err::ok;
}

}  // namespace tlshim::tls
