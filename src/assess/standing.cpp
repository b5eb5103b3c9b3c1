#include "assess/standing.hpp"

#include "assess/rounding.hpp"

namespace kc::assess {

std::vector<std::optional<int>> competition_ranks(
    const std::vector<std::optional<std::int64_t>>& rounded) {
  std::vector<std::optional<int>> out(rounded.size());
  for (std::size_t i = 0; i < rounded.size(); ++i) {
    if (!rounded[i]) continue;
    int above = 0;
    for (const auto& other : rounded)
      if (other && *other > *rounded[i]) ++above;
    out[i] = above + 1;
  }
  return out;
}

std::optional<std::size_t> grade_of(const Scheme& scheme, std::optional<std::int64_t> rounded) {
  if (!rounded) return std::nullopt;
  for (std::size_t i = 0; i < scheme.grades.size(); ++i) {
    const auto& min = scheme.grades[i].min;
    if (!min || micro_units(*min) <= *rounded) return i;
  }
  return std::nullopt;
}

namespace {

bool holds(const Scheme& scheme, const Condition& c, const Unit& unit) {
  const auto v = lookup(unit.values, c.indicator);
  if (!v) return false;  // §9: a test on a missing value is false
  const auto prev = lookup(unit.previous, c.indicator);
  switch (c.test) {
    case VetoTest::falls: return prev && *v < *prev;
    case VetoTest::growth_below:
      // 12 significant digits, so that a growth of exactly `value` in decimal is not below it.
      return prev && *prev > 0 && significant12((*v / *prev - 1) * 100) < c.value;
    case VetoTest::below_target:
      // §9: the first node that scores the indicator.
      for (const auto& n : scheme.nodes) {
        if (!n.is_indicator || n.indicator != c.indicator) continue;
        if (!n.target) return false;
        return n.direction == 1 ? *v < *n.target : *v > *n.target;
      }
      return false;
    case VetoTest::below: return *v < c.value;
  }
  return false;
}

}  // namespace

bool veto_applies(const Scheme& scheme, const Veto& veto, const Unit& unit) {
  for (const auto& c : veto.all)
    if (!holds(scheme, c, unit)) return false;
  return true;
}

}  // namespace kc::assess
