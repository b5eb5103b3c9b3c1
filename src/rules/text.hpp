// Number spellings used in the bilingual condition details (display only; decisions are exact).
#pragma once

#include <string>

#include "domain/decimal.hpp"

namespace kc::rules::text {

// At most `decimals` decimals, trailing zeros trimmed: 4.6667, 120, 0.5.
std::string num(double v, int decimals = 4);
inline std::string num(const domain::Fraction& f, int decimals = 4) {
  return num(f.to_double(), decimals);
}
// A fraction as a percentage with two decimals: 0.05785 → "5.79%".
std::string pct(const domain::Fraction& f);
std::string pct(double v);

}  // namespace kc::rules::text
