#include "index/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "index/stats.hpp"
#include "index/treat.hpp"

namespace kc::index {

std::vector<ColumnStats> column_stats(const Dataset& data, double skew_t, double kurt_t) {
  std::vector<ColumnStats> out;
  for (std::size_t c = 0; c < data.n_columns(); ++c) {
    const auto& x = data.values[c];
    ColumnStats s;
    s.code = data.columns[c];
    s.n = stats::count_present(x);
    s.availability = data.n_units() ? static_cast<double>(s.n) / data.n_units() : 0;
    for (double v : x) s.zeros += v == 0 ? 1 : 0;
    s.min = stats::min(x);
    s.max = stats::max(x);
    s.mean = stats::mean(x);
    s.median = stats::median(x);
    s.sd = stats::sd(x);
    s.skew = stats::skew(x);
    s.kurt = stats::kurt(x);
    s.outlier = check_skew_kurt(x, skew_t, kurt_t).pass == false;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> codes_at_level(const Framework& framework, int level) {
  std::vector<std::string> out;
  for (int r : framework.tree_rows())
    if (framework.rows()[r].level == level) out.push_back(framework.rows()[r].code);
  return out;
}

Result<Correlations> correlations(const Dataset& data, const std::vector<std::string>& x,
                                  const std::vector<std::string>& y) {
  Correlations out{x, y, {}};
  for (const auto& a : x) {
    const int ca = data.column(a);
    if (ca < 0)
      return make_error("analysis.column", "correlations: '" + a + "' is not in the dataset");
    std::vector<double> row;
    for (const auto& b : y) {
      const int cb = data.column(b);
      if (cb < 0)
        return make_error("analysis.column", "correlations: '" + b + "' is not in the dataset");
      row.push_back(stats::pearson(data.values[ca], data.values[cb]));
    }
    out.r.push_back(std::move(row));
  }
  return out;
}

Result<double> cronbach_alpha(const Dataset& data, const std::vector<std::string>& codes) {
  if (codes.size() < 2)
    return make_error("analysis.alpha", "Cronbach's alpha needs at least two columns");
  std::vector<const std::vector<double>*> cols;
  for (const auto& c : codes) {
    const int i = data.column(c);
    if (i < 0)
      return make_error("analysis.column", "Cronbach's alpha: '" + c + "' is not in the dataset");
    cols.push_back(&data.values[i]);
  }
  std::vector<std::vector<double>> cc(cols.size());
  std::vector<double> total;
  for (std::size_t u = 0; u < data.n_units(); ++u) {
    bool complete = true;
    for (auto* c : cols) complete = complete && !is_na((*c)[u]);
    if (!complete) continue;
    double t = 0;
    for (std::size_t k = 0; k < cols.size(); ++k)
      cc[k].push_back((*cols[k])[u]), t += (*cols[k])[u];
    total.push_back(t);
  }
  if (total.size() < 2)
    return make_error("analysis.alpha", "Cronbach's alpha: fewer than two complete units");
  double sum_var = 0;
  for (auto& c : cc) {
    const double sd = stats::sd(c);
    sum_var += sd * sd;
  }
  const double sd_t = stats::sd(total);
  const double k = static_cast<double>(cols.size());
  return k / (k - 1) * (1 - sum_var / (sd_t * sd_t));
}

std::vector<GroupAlpha> cronbach_by_group(const Dataset& data, const Framework& framework,
                                          int level) {
  std::vector<GroupAlpha> out;
  for (int a : framework.aggregates_at(std::min(level + 1, framework.max_level()))) {
    const auto& kids = framework.children(a);
    if (kids.empty() || framework.rows()[kids[0]].level != level) continue;
    std::vector<std::string> codes;
    for (int k : kids) codes.push_back(framework.rows()[k].code);
    auto alpha = cronbach_alpha(data, codes);
    out.push_back({framework.rows()[a].code, alpha ? alpha.value() : kNA});
  }
  return out;
}

namespace {

double mean_abs_change(const Results& base, const Results& other) {
  double s = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < other.units.size(); ++i) {
    auto it = std::find(base.units.begin(), base.units.end(), other.units[i]);
    if (it == base.units.end()) continue;
    const double b = base.rank[static_cast<std::size_t>(it - base.units.begin())];
    if (is_na(b) || is_na(other.rank[i])) continue;
    s += std::abs(other.rank[i] - b);
    ++n;
  }
  return n ? s / static_cast<double>(n) : kNA;
}

}  // namespace

Result<std::vector<RemovalEffect>> removal_effects(const IndexData& data, const PipelineSpec& spec,
                                                   int level) {
  auto base = build(data, spec, BuildOptions{{}, false, false});
  if (!base) return base.error();
  if (base->results.columns.empty())
    return make_error("analysis.removal", "removal effects need an aggregate step");
  const std::vector<double> w0 = data.framework.weights();
  std::vector<RemovalEffect> out;
  for (int r : data.framework.tree_rows()) {
    if (data.framework.rows()[r].level != level || data.framework.parent(r) < 0) continue;
    std::vector<double> w = w0;
    w[r] = 0;
    // With every weight of the same parent at 0 the parent would be missing for all; keep going.
    auto b = build(data, spec, BuildOptions{w, false, false});
    out.push_back(
        {data.framework.rows()[r].code, b ? mean_abs_change(base->results, b->results) : kNA});
  }
  return out;
}

Result<Profile> unit_profile(const Dataset& data, const Framework& framework,
                             const std::string& ucode, int level, std::size_t n) {
  const int u = data.unit(ucode);
  if (u < 0) return make_error("analysis.unit", "unit '" + ucode + "' is not in the dataset");
  std::vector<UnitRank> all;
  for (const auto& code : codes_at_level(framework, level)) {
    const int c = data.column(code);
    if (c < 0) continue;
    const std::vector<double> r = stats::sport_rank(data.values[c]);
    if (is_na(r[u])) continue;
    all.push_back({code, data.values[c][u], r[u]});
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const UnitRank& a, const UnitRank& b) { return a.rank < b.rank; });
  Profile p;
  for (std::size_t i = 0; i < std::min(n, all.size()); ++i) p.strengths.push_back(all[i]);
  for (std::size_t i = 0; i < std::min(n, all.size()); ++i)
    p.weaknesses.push_back(all[all.size() - 1 - i]);
  return p;
}

Result<WhatIfResult> what_if(const IndexData& data, const PipelineSpec& spec,
                             const WhatIf& change) {
  auto before = build(data, spec, BuildOptions{{}, false, false});
  if (!before) return before.error();
  IndexData changed = data;
  if (!change.values.empty()) {
    const int u = changed.raw.unit(change.ucode);
    if (u < 0)
      return make_error("analysis.unit", "what-if: unit '" + change.ucode + "' is not in iData");
    for (const auto& [code, v] : change.values) {
      const int c = changed.raw.column(code);
      if (c < 0)
        return make_error("analysis.column", "what-if: '" + code + "' is not an indicator");
      changed.raw.values[c][u] = v;
    }
  }
  std::vector<double> w = data.framework.weights();
  for (const auto& [code, v] : change.weights) {
    const int r = data.framework.find(code);
    if (r < 0 || is_na(w[r]))
      return make_error("analysis.weight", "what-if: '" + code + "' has no weight");
    if (!(v >= 0))
      return make_error("analysis.weight", "what-if: weight of '" + code + "' must be >= 0");
    w[r] = v;
  }
  auto after = build(changed, spec, BuildOptions{w, false, false});
  if (!after) return after.error();
  WhatIfResult out{before->results, after->results, {}};
  for (std::size_t i = 0; i < out.after.units.size(); ++i) {
    auto it = std::find(out.before.units.begin(), out.before.units.end(), out.after.units[i]);
    out.rank_change.push_back(
        it == out.before.units.end()
            ? kNA
            : out.after.rank[i] -
                  out.before.rank[static_cast<std::size_t>(it - out.before.units.begin())]);
  }
  return out;
}

}  // namespace kc::index
