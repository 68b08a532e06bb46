// SPDX-License-Identifier: LGPL-2.1-or-later
// The state of one TLS 1.3 post-handshake authentication (reauth13.cc).
#pragma once

#include <cstdint>
#include <vector>

#include "core/tls/key-schedule.hh"
#include "core/tls/session.hh"
#include "core/x509/key.hh"

namespace tlshim::tls {

struct Session::Reauth {
    enum class Step : std::uint8_t { want_certificate, want_certificate_verify, want_finished };
    Transcript t;
    std::vector<std::uint8_t> context;
    std::vector<std::uint8_t> request;  // client: the CertificateRequest (whole message)
    std::vector<std::uint8_t> schemes;  // client: its signature_algorithms (wire form)
    std::vector<std::uint8_t> out;
    std::size_t out_pos = 0;
    bool built = false;
    Step step = Step::want_certificate;
    x509::PublicKey peer_key;
    std::vector<std::vector<std::uint8_t>> chain;
};

}  // namespace tlshim::tls
