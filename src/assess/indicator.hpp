// The value and score of one indicator node (spec/assessment.md §2, §4). A score of nullopt is a
// missing score; the missing policy (§3) is applied by the caller.
#pragma once

#include <optional>

#include "assess/scheme.hpp"

namespace kc::assess {

// x (§2): the node's transform of year t's raw value `raw` (nullopt: missing) against `previous`.
std::optional<double> transformed_value(const Node& node, std::optional<double> raw,
                                        const Unit& unit);

// The score (target_ratio, base_index) or points (points) of x for `unit`.
std::optional<double> indicator_score(Method method, const Node& node, std::optional<double> x,
                                      const Unit& unit);

}  // namespace kc::assess
