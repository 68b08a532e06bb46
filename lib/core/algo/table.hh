// SPDX-License-Identifier: LGPL-2.1-or-later
// Helpers shared by the registry's table files (not part of its interface).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "core/algo/algo.hh"

namespace tlshim::algo::detail {

// The first row satisfying pred, or null.
template <typename Row, std::size_t N, typename Pred>
constexpr const Row *find(const Row (&table)[N], Pred pred) noexcept
{
    for (const Row &r : table)
        if (pred(r))
            return &r;
    return nullptr;
}

template <typename Row, std::size_t N, typename Pred>
constexpr std::size_t count(const Row (&table)[N], Pred pred) noexcept
{
    std::size_t n = 0;
    for (const Row &r : table)
        if (pred(r))
            n++;
    return n;
}

// A zero-terminated array of proj(row) for the M rows satisfying pred, in
// table order: what the public *_list() functions return.
template <std::size_t M, typename Id, typename Row, std::size_t N, typename Pred, typename Proj>
constexpr std::array<Id, M + 1> zero_list(const Row (&table)[N], Pred pred, Proj proj) noexcept
{
    std::array<Id, M + 1> out{};
    std::size_t n = 0;
    for (const Row &r : table)
        if (pred(r))
            out[n++] = proj(r);
    return out;
}

// Equality of a possibly-null C string with a string_view.
constexpr bool same(const char *s, std::string_view v) noexcept
{
    return s != nullptr && std::string_view(s) == v;
}
constexpr bool isame(const char *s, std::string_view v) noexcept
{
    return s != nullptr && iequals(s, v);
}

}  // namespace tlshim::algo::detail

// Defines the zero-terminated list `var` of the ids of the rows of `table`
// for which `pred` (an expression on `r`) holds.
#define TLSHIM_ALGO_LIST(var, IdType, table, pred)                                                   \
    constexpr auto var = ::tlshim::algo::detail::zero_list<::tlshim::algo::detail::count(               \
                                                               table, [](const auto &r) { (void)r; return pred; }), \
                                                           IdType>(                                     \
            table, [](const auto &r) { (void)r; return pred; }, [](const auto &r) { return r.id; })
