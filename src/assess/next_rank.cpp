#include "assess/next_rank.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "assess/evaluate.hpp"
#include "assess/rounding.hpp"

namespace kc::assess {
namespace {

// The total is monotone in the node's value (non-decreasing for direction 1, non-increasing for
// −1, §4), so the values that achieve the move form a ray (or, for direction −1 where x ≤ 0 is
// missing, an interval ending at the boundary). A sweep over magnitudes 1e-9 … 1e15 of both signs
// finds a value on each side; bisection then narrows the boundary to adjacent doubles.
std::vector<double> sweep(std::optional<double> current) {
  std::vector<double> out{0.0};
  for (int k = -9; k <= 15; ++k) {
    out.push_back(std::pow(10.0, k));
    out.push_back(-std::pow(10.0, k));
  }
  if (current) out.push_back(*current);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::optional<double> next_rank_value(const Scheme& scheme, const Unit& unit, std::size_t node,
                                      std::int64_t must_exceed) {
  const Node& n = scheme.nodes[node];
  const auto achieves = [&](double raw) {
    const auto total = evaluate_unit(scheme, unit, Override{node, raw}).total;
    return total && micro_units(*total) > must_exceed;
  };
  const auto candidates = sweep(lookup(unit.values, n.indicator));
  std::vector<bool> ok;
  for (const double c : candidates) ok.push_back(achieves(c));
  const bool up = n.direction == 1;
  // Direction 1: the smallest achieving candidate and the one below it; −1: the largest and the
  // one above it. At the end of the sweep the boundary is out of reach: no value.
  std::optional<std::size_t> at;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (ok[i] && (up ? !at : true)) at = i;
  if (!at || (up && *at == 0) || (!up && *at + 1 == candidates.size())) return std::nullopt;
  double good = candidates[*at];
  double bad = candidates[up ? *at - 1 : *at + 1];
  for (int i = 0; i < 2000; ++i) {
    const double mid = bad + (good - bad) / 2;
    if (mid == bad || mid == good) break;
    (achieves(mid) ? good : bad) = mid;
  }
  // Our totals carry binary error near the boundary (≈1e-12 relative); step a little further to
  // the achieving side, far inside the spec's 1e-6 × max(1, |x'|).
  const double step = 1e-8 * std::max(1.0, std::fabs(good));
  const double safe = up ? good + step : good - step;
  return achieves(safe) ? safe : good;
}

}  // namespace kc::assess
