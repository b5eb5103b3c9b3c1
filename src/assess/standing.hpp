// Ranks, grades and vetoes (spec/assessment.md §5), all decided on rounded totals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assess/scheme.hpp"

namespace kc::assess {

// Competition ranks (1, 2, 2, 4) of the units with a total; nullopt for those without.
std::vector<std::optional<int>> competition_ranks(const std::vector<std::optional<std::int64_t>>& rounded);

// The index of the first grade whose min is null or ≤ the rounded total; nullopt without grades
// or total.
std::optional<std::size_t> grade_of(const Scheme& scheme, std::optional<std::int64_t> rounded);

// Whether every condition of `veto` holds on the unit's raw values.
bool veto_applies(const Scheme& scheme, const Veto& veto, const Unit& unit);

}  // namespace kc::assess
