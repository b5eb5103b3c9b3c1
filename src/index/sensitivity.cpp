#include "index/sensitivity.hpp"

#include <algorithm>
#include <cmath>

#include "index/model.hpp"
#include "index/rng.hpp"
#include "index/stats.hpp"
#include "index/uncertainty.hpp"

namespace kc::index {

namespace {
constexpr std::uint64_t kStreamBootstrap = 3;
}

void saltelli(std::span<const double> yA, std::span<const double> yB,
              const std::vector<std::vector<double>>& yAB, std::span<const std::size_t> rows,
              std::vector<double>& si, std::vector<double>& sti) {
  const std::size_t d = yAB.size();
  si.assign(d, kNA);
  sti.assign(d, kNA);
  // V: sample variance of yA and yB pooled (COINr: var(c(yA, yB))).
  std::vector<double> pooled;
  pooled.reserve(2 * rows.size());
  for (std::size_t r : rows) pooled.push_back(yA[r]), pooled.push_back(yB[r]);
  const double sd = stats::sd(pooled);
  const double v = sd * sd;
  if (rows.empty() || is_na(v) || v == 0) return;
  const double n = static_cast<double>(rows.size());
  for (std::size_t i = 0; i < d; ++i) {
    double s1 = 0, s2 = 0;
    for (std::size_t r : rows) {
      s1 += yB[r] * (yAB[i][r] - yA[r]);
      s2 += (yA[r] - yAB[i][r]) * (yA[r] - yAB[i][r]);
    }
    si[i] = s1 / n / v;
    sti[i] = s2 / (2 * n * v);
  }
}

std::vector<SensitivityIndex> sensitivity_indices(const VarySpec& vary, std::span<const double> yA,
                                                  std::span<const double> yB,
                                                  const std::vector<std::vector<double>>& yAB,
                                                  std::uint64_t seed, int bootstrap) {
  const std::size_t d = yAB.size();
  // Only rows where every run of the row produced an output.
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < yA.size(); ++r) {
    bool ok = !is_na(yA[r]) && !is_na(yB[r]);
    for (const auto& y : yAB) ok = ok && !is_na(y[r]);
    if (ok) rows.push_back(r);
  }
  std::vector<double> si, sti;
  saltelli(yA, yB, yAB, rows, si, sti);
  std::vector<SensitivityIndex> out(d);
  for (std::size_t i = 0; i < d; ++i) {
    out[i].factor = vary.factors[i].name();
    out[i].si = si[i];
    out[i].sti = sti[i];
  }
  if (bootstrap <= 0 || rows.empty()) return out;
  std::vector<std::vector<double>> bs_si(d), bs_sti(d);
  std::vector<std::size_t> sample(rows.size());
  for (int b = 0; b < bootstrap; ++b) {
    Rng rng(seed, kStreamBootstrap, static_cast<std::uint64_t>(b));
    for (auto& s : sample) s = rows[rng.below(rows.size())];
    saltelli(yA, yB, yAB, sample, si, sti);
    for (std::size_t i = 0; i < d; ++i) {
      if (!is_na(si[i])) bs_si[i].push_back(si[i]);
      if (!is_na(sti[i])) bs_sti[i].push_back(sti[i]);
    }
  }
  for (std::size_t i = 0; i < d; ++i) {
    std::sort(bs_si[i].begin(), bs_si[i].end());
    std::sort(bs_sti[i].begin(), bs_sti[i].end());
    out[i].si_q5 = stats::quantile_sorted(bs_si[i], 0.05);
    out[i].si_q95 = stats::quantile_sorted(bs_si[i], 0.95);
    out[i].sti_q5 = stats::quantile_sorted(bs_sti[i], 0.05);
    out[i].sti_q95 = stats::quantile_sorted(bs_sti[i], 0.95);
  }
  return out;
}

}  // namespace kc::index
