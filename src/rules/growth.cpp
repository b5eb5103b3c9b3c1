#include "rules/growth.hpp"

namespace kc::rules {
namespace {

char band_of(const Fraction& g, const std::vector<Fraction>& bands) {
  for (std::size_t i = 0; i < bands.size(); ++i)
    if (g >= bands[i]) return static_cast<char>('A' + i);
  return g > Fraction{} ? 'E' : 'F';
}

GrowthResult scored(const Fraction& g, const std::vector<Fraction>& bands) {
  return GrowthResult{band_of(g, bands), g, false, false};
}

GrowthResult zero_points() { return GrowthResult{'F', std::nullopt, false, false}; }

}  // namespace

GrowthResult growth_band(std::span<const std::optional<Decimal>> values,
                         const std::vector<Fraction>& bands) {
  GrowthResult out;
  for (const auto& v : values)
    if (!v) {
      out.missing_data = true;
      return out;
    }
  const Fraction one = Fraction::integer(1);
  if (values.size() >= 3) {
    const auto n = values.size();
    const Decimal v1 = *values[n - 3], v2 = *values[n - 2], v3 = *values[n - 1];
    if (v1.is_negative() || v2.is_negative()) {
      out.negative_base = true;
      return out;
    }
    if (v2.is_zero()) return zero_points();  // second year-end value 0 → 0 points (C)
    const Fraction r32(v3.units(), v2.units());
    if (v1.is_zero()) return scored(r32 - one, bands);  // from the latter two years (§6.1)
    const Fraction r21(v2.units(), v1.units());
    return scored((r21 + r32) * Fraction(1, 2) - one, bands);
  }
  if (values.size() == 2) {
    const Decimal v1 = *values[0], v2 = *values[1];
    if (v1.is_negative()) {
      out.negative_base = true;
      return out;
    }
    if (v1.is_zero()) return zero_points();
    return scored(Fraction(v2.units(), v1.units()) - one, bands);
  }
  return zero_points();  // one operating year: no growth period
}

}  // namespace kc::rules
