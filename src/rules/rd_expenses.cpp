#include "rules/rd_expenses.hpp"

namespace kc::rules {

std::optional<RdCollected> collect_rd(const YearFacts& year, const RdCollection& basis) {
  if (!year.rd) {
    if (!year.rd_total) return std::nullopt;
    const Fraction t = Fraction::of(*year.rd_total);
    return RdCollected{t, t, Fraction{}, Fraction{}};
  }
  const RdBreakdown& r = *year.rd;
  // Everything is scaled to one common denominator 10000·q_s·q_c (q_s, q_c: the denominators of
  // the commissioned share s and of the cap factor c = cap/(1 − cap)), so the sums below are plain
  // integer additions and three years add up without any gcd.
  using domain::Int128;
  const Fraction& share = basis.commissioned_share;  // in lowest terms (see parse_policy)
  const Fraction& cap = basis.other_cap_factor;
  const Int128 qs = share.den(), qc = cap.den(), d = qs * qc;
  const Int128 internal = (r.personnel + r.direct_inputs + r.depreciation + r.amortisation +
                           r.design + r.trials).units();
  const Int128 commissioned = (r.commissioned_domestic + r.commissioned_foreign).units();
  const Int128 foreign = r.commissioned_foreign.units();
  // B × d = internal·d + commissioned·s·d.
  const Int128 base = internal * d + commissioned * share.num() * qc;
  // cap_base × c × d, exact because d carries c's denominator.
  const Int128 cap_scaled = basis.cap_base_includes_commissioned
                                ? (internal * qs + commissioned * share.num()) * cap.num()
                                : internal * qs * cap.num();
  const Int128 other = Int128(r.other.units()) * d;
  const Int128 allowed = other < cap_scaled ? other : cap_scaled;
  const Int128 den = Int128(Decimal::kUnitsPerOne) * d;
  const Int128 total = base + allowed;
  return RdCollected{Fraction(total, den), Fraction(total - foreign * share.num() * qc, den),
                     Fraction(other, den), Fraction(allowed, den)};
}

}  // namespace kc::rules
