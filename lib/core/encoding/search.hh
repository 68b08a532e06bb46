// SPDX-License-Identifier: LGPL-2.1-or-later
// Substring search in linear time (Knuth-Morris-Pratt), for scanning
// untrusted text for markers whose length the caller chooses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/bytes.hh"

namespace tlshim::encoding {

class Needle {
public:
    // Keeps a view of `pattern` (which must outlive the Needle).
    // std::bad_alloc may propagate.
    explicit Needle(Bytes pattern);

    static constexpr std::size_t npos = SIZE_MAX;

    // Offset of the first occurrence of the pattern in `hay` at or after
    // `from`, or npos.  An empty pattern matches at `from`.
    std::size_t find(Bytes hay, std::size_t from = 0) const noexcept;

private:
    Bytes pat_;
    std::vector<std::size_t> fail_;  // fail_[i]: longest proper border of pat_[0..i]
};

}  // namespace tlshim::encoding
