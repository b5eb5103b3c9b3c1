// Totals are compared after rounding to 6 decimals, half away from zero, of their exact decimal
// value (spec/assessment.md §5, §9). A double is first rounded to 12 significant digits, so a
// total such as 85.00000049999999 (binary error on the exact 85.0000005) still rounds up.
#pragma once

#include <cstdint>

namespace kc::assess {

// round6(v) × 10^6 as an integer: comparisons of rounded totals are exact integer comparisons.
std::int64_t micro_units(double v);

// The value rounded to 12 significant digits (for comparisons that must not see binary error).
double significant12(double v);

}  // namespace kc::assess
