// Collecting one year's R&D expenses under a policy's basis: commissioned work at its share (80%)
// and "other" expenses capped at a share of the collected total (HTE 20%, super-deduction 10%).
#pragma once

#include <optional>

#include "rules/facts.hpp"
#include "rules/policy.hpp"

namespace kc::rules {

struct RdCollected {
  Fraction total;         // collected R&D of the year
  Fraction domestic;      // incurred in China: total minus the counted foreign commissioned part
  Fraction other_actual;  // "other" as reported
  Fraction other_allowed;
};

// nullopt when the year has neither a breakdown nor rd_total. A breakdown wins over rd_total.
std::optional<RdCollected> collect_rd(const YearFacts& year, const RdCollection& basis);

}  // namespace kc::rules
