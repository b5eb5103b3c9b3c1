// The HTE growth indicators (net assets, sales): the average growth rate over the operating
// years of the window and its band A–F, with the edge rules of 195号 and the §6.1 settings.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "rules/policy.hpp"

namespace kc::rules {

struct GrowthResult {
  std::optional<char> band;     // 'A'..'F'; nullopt when it cannot be computed
  std::optional<Fraction> rate; // nullopt when the rule scores 0 without a rate, or not computed
  bool negative_base = false;   // a base value is negative: not computed, needs review
  bool missing_data = false;    // a year of the window has no figure
};

// `values`: year-end values of the operating years of the window, earliest first; an empty
// optional is a year without a figure. `bands`: minimum growth for A..D (E is > 0).
GrowthResult growth_band(std::span<const std::optional<Decimal>> values,
                         const std::vector<Fraction>& bands);

}  // namespace kc::rules
