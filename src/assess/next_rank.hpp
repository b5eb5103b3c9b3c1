// What moves a rank (spec/assessment.md §6): the least change of one indicator node's raw value
// of year t, everything else fixed, at which the unit's rounded total exceeds `must_exceed`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "assess/scheme.hpp"

namespace kc::assess {

// The smallest (direction 1) or largest (direction −1) raw value that achieves the move, within
// 1e-8 × max(1, |x'|) of the boundary on the achieving side; nullopt when no value does.
std::optional<double> next_rank_value(const Scheme& scheme, const Unit& unit, std::size_t node,
                                      std::int64_t must_exceed);

}  // namespace kc::assess
