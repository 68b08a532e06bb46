// SPDX-License-Identifier: LGPL-2.1-or-later
#include "core/encoding/search.hh"

namespace tlshim::encoding {

Needle::Needle(Bytes pattern) : pat_(pattern), fail_(pattern.size(), 0)
{
    std::size_t k = 0;
    for (std::size_t i = 1; i < pat_.size(); i++) {
        while (k > 0 && pat_[i] != pat_[k])
            k = fail_[k - 1];
        if (pat_[i] == pat_[k])
            k++;
        fail_[i] = k;
    }
}

std::size_t Needle::find(Bytes hay, std::size_t from) const noexcept
{
    const std::size_t m = pat_.size();
    if (from > hay.size())
        return npos;
    if (m == 0)
        return from;
    std::size_t k = 0;  // pattern bytes matched so far
    for (std::size_t i = from; i < hay.size(); i++) {
        while (k > 0 && hay[i] != pat_[k])
            k = fail_[k - 1];
        if (hay[i] == pat_[k])
            k++;
        if (k == m)
            return i + 1 - m;
    }
    return npos;
}

}  // namespace tlshim::encoding
