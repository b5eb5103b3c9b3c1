// Explained verdicts: every condition says what was measured, against what, and where the rule
// comes from, in Chinese and English; failed conditions come with the smallest change that would
// make them pass (gap analysis).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/decimal.hpp"

namespace kc::rules {

enum class CondStatus { pass, fail, unknown };
const char* to_string(CondStatus s);

// What a condition's value and threshold measure, by its code: "days", "share" (a fraction),
// "count", "people", "points", or "none" for conditions judged without a figure. The one place the
// web and the CLI output learn a condition's unit from.
const char* condition_unit(std::string_view code);

struct Bilingual {
  std::string zh;
  std::string en;
};

struct Condition {
  std::string_view code;  // "E1".."E8", "M1".."M5" (string literals)
  CondStatus status = CondStatus::unknown;
  // Exact values; ratios as fractions (0.05, not 5). Kept exact so that batch runs never pay for
  // a conversion and the output layer decides the number format.
  std::optional<domain::Fraction> value;
  std::optional<domain::Fraction> threshold;
  Bilingual detail;
};

// One structured suggestion: change `field` in `years` by `amount` (万元) or `count` (people,
// items, points), or wait until `date`.
struct Gap {
  std::string code;   // the condition it repairs
  std::string field;  // input field to change, e.g. "rd", "st_staff", "ip"
  std::vector<int> years;
  std::optional<domain::Decimal> amount;
  std::optional<std::int64_t> count;
  std::optional<domain::Date> date;
  bool fixable = true;  // false: nothing the enterprise can change in its figures
  Bilingual text;
};

}  // namespace kc::rules
