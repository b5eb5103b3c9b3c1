// Internal to the batch path (batch_hte.cpp, batch_sme.cpp): policy numbers turned into small
// integer fractions once per run, the exact ratio tests on integer units, R&D collection at one
// common scale, and a date threshold for "as_of is before issue date + N years". The bounds that
// make the 128-bit products safe are stated in rules/batch.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/decimal.hpp"
#include "domain/result.hpp"
#include "rules/fact_columns.hpp"
#include "rules/policy.hpp"

namespace kc::rules::batch {

using domain::Int128;

inline constexpr std::int64_t kUnits = Decimal::kUnitsPerOne;
inline constexpr Int128 kMaxThresholdTerm = Int128(1) << 32;
inline constexpr Int128 kMaxShareTerm = Int128(1) << 16;
inline constexpr int kMaxWindowYears = 16;

// p/q in lowest terms, q > 0.
struct Ratio {
  Int128 p = 0, q = 1;
};

// The policy setting `name` as a Ratio, or nullopt (with `error` set) when a term exceeds `limit`.
std::optional<Ratio> ratio_of(const Fraction& f, Int128 limit, const char* name,
                              std::string& error);

// a/b ≥ t and a/b > t, exactly, for b ≠ 0 (a/b with b < 0 is (−a)/(−b)).
inline bool at_least(Int128 a, Int128 b, const Ratio& t) {
  if (b < 0) a = -a, b = -b;
  return a * t.q >= t.p * b;
}
inline bool above(Int128 a, Int128 b, const Ratio& t) {
  if (b < 0) a = -a, b = -b;
  return a * t.q > t.p * b;
}
// x/kUnits ≤ t (an amount in units against a threshold in 万元 or persons).
inline bool units_at_most(Int128 x, Int128 divisor, const Ratio& t) {
  return x * t.q <= t.p * kUnits * divisor;
}

// collect_rd at the common scale d = q_share · q_cap: a year's collected R&D is T / (kUnits · d)
// with T an integer, so several years add up as integers.
struct RdScale {
  Int128 d = 1, share_num_qc = 0, share_num = 0, qs = 1, cap_num = 0;
  bool cap_base_includes_commissioned = true;

  static std::optional<RdScale> of(const RdCollection& c, std::string& error);

  // Collected total and domestic part (scaled) of year slot k; false when the year has neither a
  // breakdown nor rd_total.
  bool collect(const FactColumns& f, std::size_t k, std::uint16_t has, Int128& total,
               Int128& domestic) const {
    if (has & FactColumns::kRdBreakdown) {
      const Int128 internal = Int128(f.rd_personnel[k]) + f.rd_direct_inputs[k] +
                              f.rd_depreciation[k] + f.rd_amortisation[k] + f.rd_design[k] +
                              f.rd_trials[k];
      const Int128 foreign = f.rd_commissioned_foreign[k];
      const Int128 commissioned = Int128(f.rd_commissioned_domestic[k]) + foreign;
      const Int128 base = internal * d + commissioned * share_num_qc;
      const Int128 cap = cap_base_includes_commissioned
                             ? (internal * qs + commissioned * share_num) * cap_num
                             : internal * qs * cap_num;
      const Int128 other = Int128(f.rd_other[k]) * d;
      total = base + (other < cap ? other : cap);
      domestic = total - foreign * share_num_qc;
      return true;
    }
    if (has & FactColumns::kRdTotal) {
      total = domestic = Int128(f.rd_total[k]) * d;
      return true;
    }
    return false;
  }
};

// Points of a ratio a/b (b > 0) against descending inclusive bands; 0 below the last band.
struct PointsRatio {
  Ratio min;
  int points = 0;
};
inline int band_points(Int128 a, Int128 b, const std::vector<PointsRatio>& bands) {
  for (const auto& band : bands)
    if (at_least(a, b, band.min)) return band.points;
  return 0;
}

// The first day c with c.add_years(years) > as_of. add_years never decreases when its argument
// grows (later days land in the same or a later month, clamping keeps the order within a
// month), so "as_of < c.add_years(years)" is exactly "c ≥ the returned day".
domain::Result<std::int32_t> first_day_expiring_after(Date as_of, int years);

// A bit per enum value (values are < 32, checked by FactColumns).
template <class E>
std::uint32_t mask_of(const std::vector<E>& v) {
  std::uint32_t m = 0;
  for (E e : v) m |= 1u << static_cast<unsigned>(e);
  return m;
}
inline bool in_mask(std::uint32_t m, unsigned v) { return (m >> v) & 1u; }

// Status of the conditions of one enterprise, folded into outcome masks.
struct Masks {
  std::uint8_t failed = 0, unknown = 0;
  void set(int index, CondStatus s) {
    if (s == CondStatus::fail) failed |= static_cast<std::uint8_t>(1u << index);
    if (s == CondStatus::unknown) unknown |= static_cast<std::uint8_t>(1u << index);
  }
};

}  // namespace kc::rules::batch
