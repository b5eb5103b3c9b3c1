// Annual average head counts of one year: from the twelve monthly (start + end) / 2 figures when
// they are given, otherwise the reported annual averages.
#pragma once

#include <optional>

#include "rules/facts.hpp"
#include "rules/policy.hpp"

namespace kc::rules {

struct StaffAverages {
  Fraction employees;
  Fraction st_staff;
};

// nullopt when neither the monthly figures nor both annual averages are present.
std::optional<StaffAverages> staff_averages(const YearFacts& year);

}  // namespace kc::rules
