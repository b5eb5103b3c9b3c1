#include "index/treat.hpp"

#include <algorithm>
#include <cmath>

#include "index/stats.hpp"

namespace kc::index {

SkewKurt check_skew_kurt(std::span<const double> x, double skew_t, double kurt_t) {
  SkewKurt r;
  const stats::Shape sh = stats::shape(x);
  r.skew = sh.skew;
  r.kurt = sh.kurt;
  // R's three-valued `|`: TRUE if either side is TRUE, NA if the other side is NA.
  const std::optional<bool> a =
      is_na(r.skew) ? std::nullopt : std::optional<bool>(std::abs(r.skew) < skew_t);
  const std::optional<bool> b = is_na(r.kurt) ? std::nullopt : std::optional<bool>(r.kurt < kurt_t);
  if (a == true || b == true)
    r.pass = true;
  else if (a.has_value() && b.has_value())
    r.pass = false;
  return r;
}

Winsorised winsorise(std::span<const double> x0, int winmax, double skew_t, double kurt_t,
                     const SkewKurt* initial) {
  Winsorised w;
  w.x.assign(x0.begin(), x0.end());
  std::vector<double>& x = w.x;
  SkewKurt& check = w.check;
  check = initial ? *initial : check_skew_kurt(x, skew_t, kurt_t);
  std::optional<bool> pass = check.pass;
  // COINr counts the points moved in the latest step at each end: after k steps at the top all k
  // points share the new maximum, so this is the number of distinct points changed.
  std::size_t hi = 0, lo = 0;
  std::vector<std::size_t> at;
  while (pass == false && w.nwin < winmax) {
    const double s = check.skew;  // the skew of the current x
    if (is_na(s)) break;
    const bool high = s >= 0;
    const double extreme = high ? stats::max(x) : stats::min(x);
    at.clear();
    double next = kNA;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (is_na(x[i])) continue;
      if (x[i] == extreme)
        at.push_back(i);
      else if (is_na(next) || (high ? x[i] > next : x[i] < next))
        next = x[i];
    }
    if (is_na(next)) break;  // every point is at the extreme: nothing left to winsorise towards
    for (std::size_t i : at) x[i] = next;
    (high ? hi : lo) = at.size();
    w.nwin = static_cast<int>(hi + lo);
    check = check_skew_kurt(x, skew_t, kurt_t);
    pass = check.pass;
  }
  return w;
}

std::vector<double> log_ct(std::span<const double> x) {
  const double mn = stats::min(x), mx = stats::max(x);
  std::vector<double> out(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) out[i] = std::log(x[i] - mn + 0.01 * (mx - mn));
  return out;
}

Result<Dataset> treat(const Dataset& in, const TreatSpec& spec, std::vector<TreatDetail>* details) {
  if (spec.winmax < 0) return make_error("treat.winmax", "treat: winmax must be 0 or more");
  if (!(spec.skew > 0) || !std::isfinite(spec.kurt))
    return make_error("treat.thresholds", "treat: skew must be > 0 and kurt a number");
  Dataset out = in;
  if (details) details->clear();
  for (std::size_t c = 0; c < out.n_columns(); ++c) {
    if (std::find(spec.skip.begin(), spec.skip.end(), out.columns[c]) != spec.skip.end()) continue;
    std::vector<double>& x = out.values[c];
    TreatDetail d;
    d.code = out.columns[c];
    d.before = check_skew_kurt(x, spec.skew, spec.kurt);
    if (d.before.pass == false) {
      Winsorised w = winsorise(x, spec.winmax, spec.skew, spec.kurt, &d.before);
      d.winsorised = true;
      d.nwin = w.nwin;
      d.after_winsorise = w.check;
      if (d.after_winsorise.pass == true ||
          (d.after_winsorise.pass == false && !spec.log_fallback)) {
        x = std::move(w.x);
      } else if (d.after_winsorise.pass == false) {
        // COINr applies the log to the original values, not the winsorised ones.
        x = log_ct(x);
        d.logged = true;
        d.after_log = check_skew_kurt(x, spec.skew, spec.kurt);
      }
      // An NA check after winsorising leaves the column as it was, as COINr does.
    }
    if (details) details->push_back(std::move(d));
  }
  return out;
}

}  // namespace kc::index
