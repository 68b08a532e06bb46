// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/tls/extension-order.hh"

#include <algorithm>
#include <cstring>
#include <vector>

namespace tlshim::tls {

namespace {

// GnuTLS 3.7.9's order, as its ClientHello and its servers' messages show
// it (tests/handshake/diff-hello, tests/interop/testssl.sh).
constexpr std::uint16_t kOrder[] = {
    5,      // status_request
    10,     // supported_groups
    11,     // ec_point_formats
    13,     // signature_algorithms
    16,     // application_layer_protocol_negotiation
    22,     // encrypt_then_mac
    23,     // extended_master_secret
    35,     // session_ticket
    51,     // key_share
    43,     // supported_versions
    65281,  // renegotiation_info
    0,      // server_name
    44,     // cookie
    45,     // psk_key_exchange_modes
    49,     // post_handshake_auth
    28,     // record_size_limit
    1,      // max_fragment_length
    42,     // early_data
    41,     // pre_shared_key (last in a ClientHello, RFC 8446 4.2.11)
};

struct Entry {
    std::uint16_t type;
    std::size_t off, len;  // the whole extension: type, length, body
};

}  // namespace

unsigned extension_rank(std::uint16_t type, ExtOrder kind) noexcept
{
    constexpr unsigned n = sizeof kOrder / sizeof kOrder[0];
    unsigned first = 0;
    if (kind == ExtOrder::certificate_request) {
        if (type == 13)  // signature_algorithms
            return 0;
        if (type == 47)  // certificate_authorities
            return 1;
        first = 2;
    }
    for (unsigned i = 0; i < n; i++)
        if (kOrder[i] == type)
            return first + i;
    return first + n + type;
}

Err order_extension_block(std::vector<std::uint8_t> &block, ExtOrder kind)
{
    if (block.size() < 2)
        return Err::unexpected_packet_length;
    return order_extensions(MutableBytes(block).subspan(2), kind);
}

Err order_extensions(MutableBytes list, ExtOrder kind)
{
    std::vector<Entry> entries;
    Reader r{Bytes(list)};
    while (!r.empty()) {
        const std::size_t off = list.size() - r.remaining();
        std::uint16_t type = 0;
        Reader body;
        if (!r.u16(type) || !r.vec16(body))
            return Err::unexpected_packet_length;
        entries.push_back(Entry{type, off, list.size() - r.remaining() - off});
    }
    if (entries.size() < 2)
        return Err::ok;  // nothing to reorder (an empty list has no storage)
    std::stable_sort(entries.begin(), entries.end(), [kind](const Entry &a, const Entry &b) {
        return extension_rank(a.type, kind) < extension_rank(b.type, kind);
    });
    std::vector<std::uint8_t> out;
    out.reserve(list.size());
    for (const Entry &e : entries)
        out.insert(out.end(), list.begin() + static_cast<std::ptrdiff_t>(e.off),
                   list.begin() + static_cast<std::ptrdiff_t>(e.off + e.len));
    std::memcpy(list.data(), out.data(), out.size());
    return Err::ok;
}

}  // namespace tlshim::tls
