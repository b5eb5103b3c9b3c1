#include "index/stats.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "index/model.hpp"

namespace kc::index::stats {

std::vector<double> present(std::span<const double> x) {
  std::vector<double> out;
  out.reserve(x.size());
  for (double v : x)
    if (!is_na(v)) out.push_back(v);
  return out;
}

std::size_t count_present(std::span<const double> x) {
  std::size_t n = 0;
  for (double v : x) n += is_na(v) ? 0 : 1;
  return n;
}

double min(std::span<const double> x) {
  double m = kNA;
  for (double v : x)
    if (!is_na(v) && (is_na(m) || v < m)) m = v;
  return m;
}

double max(std::span<const double> x) {
  double m = kNA;
  for (double v : x)
    if (!is_na(v) && (is_na(m) || v > m)) m = v;
  return m;
}

double mean(std::span<const double> x) {
  // R's mean: accumulate in long double, then refine with a second pass.
  long double s = 0;
  std::size_t n = 0;
  for (double v : x)
    if (!is_na(v)) s += v, ++n;
  if (n == 0) return kNA;
  long double m = s / n;
  long double t = 0;
  for (double v : x)
    if (!is_na(v)) t += v - m;
  return static_cast<double>(m + t / n);
}

double median(std::span<const double> x) {
  std::vector<double> p = present(x);
  if (p.empty()) return kNA;
  std::sort(p.begin(), p.end());
  const std::size_t n = p.size();
  return n % 2 ? p[n / 2] : (p[n / 2 - 1] + p[n / 2]) / 2;
}

double sd(std::span<const double> x) {
  const std::size_t n = count_present(x);
  if (n < 2) return kNA;
  const double m = mean(x);
  double ss = 0;
  for (double v : x)
    if (!is_na(v)) ss += (v - m) * (v - m);
  return std::sqrt(ss / static_cast<double>(n - 1));
}

double skew(std::span<const double> x) {
  const double n = static_cast<double>(count_present(x));
  if (n < 3) return kNA;
  const double m = mean(x);
  double s2 = 0, s3 = 0;
  for (double v : x) {
    if (is_na(v)) continue;
    const double d = v - m;
    s2 += d * d;
    s3 += d * d * d;
  }
  const double y = std::sqrt(n) * s3 / std::pow(s2, 1.5);
  return y * std::sqrt(n * (n - 1)) / (n - 2);
}

double kurt(std::span<const double> x) {
  const double n = static_cast<double>(count_present(x));
  if (n < 4) return kNA;
  const double m = mean(x);
  double s2 = 0, s4 = 0;
  for (double v : x) {
    if (is_na(v)) continue;
    const double d = v - m;
    s2 += d * d;
    s4 += d * d * d * d;
  }
  const double r = n * s4 / (s2 * s2);
  return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3));
}

Shape shape(std::span<const double> x) {
  double s = 0;
  std::size_t k = 0;
  for (double v : x)
    if (!is_na(v)) s += v, ++k;
  Shape out{kNA, kNA};
  if (k < 3) return out;
  const double n = static_cast<double>(k);
  double m = s / n;
  double t = 0;
  for (double v : x)
    if (!is_na(v)) t += v - m;
  m += t / n;  // one refinement step, as R's mean does
  double s2 = 0, s3 = 0, s4 = 0;
  for (double v : x) {
    if (is_na(v)) continue;
    const double d = v - m, d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  out.skew = std::sqrt(n) * s3 / (s2 * std::sqrt(s2)) * std::sqrt(n * (n - 1)) / (n - 2);
  if (k >= 4) {
    const double r = n * s4 / (s2 * s2);
    out.kurt = ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3));
  }
  return out;
}

double quantile_sorted(std::span<const double> sorted, double p) {
  if (sorted.empty()) return kNA;
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

double quantile(std::span<const double> x, double p) {
  std::vector<double> s = present(x);
  std::sort(s.begin(), s.end());
  return quantile_sorted(s, p);
}

std::vector<double> min_rank(std::span<const double> x) {
  std::vector<std::size_t> idx;
  idx.reserve(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!is_na(x[i])) idx.push_back(i);
  std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size(), kNA);
  for (std::size_t k = 0; k < idx.size(); ++k) {
    if (k > 0 && x[idx[k]] == x[idx[k - 1]])
      r[idx[k]] = r[idx[k - 1]];
    else
      r[idx[k]] = static_cast<double>(k + 1);
  }
  return r;
}

std::vector<double> sport_rank(std::span<const double> x) {
  std::vector<double> neg(x.begin(), x.end());
  for (double& v : neg) v = -v;
  return min_rank(neg);
}

double pearson(std::span<const double> x, std::span<const double> y) {
  const std::size_t n = std::min(x.size(), y.size());
  double sx = 0, sy = 0;
  std::size_t k = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (!is_na(x[i]) && !is_na(y[i])) sx += x[i], sy += y[i], ++k;
  if (k < 2) return kNA;
  const double mx = sx / k, my = sy / k;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (is_na(x[i]) || is_na(y[i])) continue;
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx == 0 || syy == 0) return kNA;
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace kc::index::stats
