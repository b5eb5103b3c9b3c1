#include "index/aggregate.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kc::index {

namespace {

Error refuse(AggMethod m, const char* why) {
  return make_error("aggregate.domain", std::string("aggregate ") + to_string(m) + ": " + why);
}

}  // namespace

double weighted_median(std::span<const double> x, std::span<const double> w) {
  std::vector<std::pair<double, double>> v;
  double total = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!is_na(x[i])) v.emplace_back(x[i], w[i]), total += w[i];
  if (v.empty() || total <= 0) return kNA;
  std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.first < b.first; });
  double cum = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    cum += v[i].second / total;
    // Exactly half the weight below: the median lies between this value and the next.
    if (std::abs(cum - 0.5) < 1e-12 && i + 1 < v.size()) return (v[i].first + v[i + 1].first) / 2;
    if (cum > 0.5) return v[i].first;
  }
  return v.back().first;
}

Result<double> aggregate_row(AggMethod method, std::span<const double> x, std::span<const double> w,
                             double p) {
  double sw = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!is_na(x[i])) sw += w[i], ++n;
  if (n == 0 || sw <= 0) return kNA;
  switch (method) {
    case AggMethod::AMean: {
      double s = 0;
      for (std::size_t i = 0; i < x.size(); ++i)
        if (!is_na(x[i])) s += w[i] / sw * x[i];
      return s;
    }
    case AggMethod::GMean: {
      double s = 0;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (is_na(x[i])) continue;
        if (x[i] <= 0)
          return refuse(method,
                        "needs values > 0 (normalise to a positive range, e.g. minmax [1, 100])");
        s += w[i] * std::log(x[i]);
      }
      return std::exp(s / sw);
    }
    case AggMethod::HMean: {
      double s = 0;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (is_na(x[i])) continue;
        if (x[i] == 0) return refuse(method, "cannot take zero values");
        s += w[i] / x[i];
      }
      return sw / s;
    }
    case AggMethod::GenMean: {
      if (p == 0) return aggregate_row(AggMethod::GMean, x, w, 0);
      double s = 0;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (is_na(x[i])) continue;
        if (x[i] < 0 || (p < 0 && x[i] == 0)) return refuse(method, "needs values > 0");
        s += w[i] * std::pow(x[i], p);
      }
      return std::pow(s / sw, 1 / p);
    }
    case AggMethod::WMedian:
      return weighted_median(x, w);
    case AggMethod::Copeland:
      break;
  }
  return refuse(method, "is not a row-wise method");
}

std::vector<double> copeland(const std::vector<const std::vector<double>*>& columns,
                             std::span<const double> w) {
  const std::size_t k = columns.size();
  const std::size_t n = k ? columns[0]->size() : 0;
  double total = 0;
  for (double v : w) total += v;
  std::vector<double> score(n, 0.0);
  std::vector<bool> any(n, false);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t c = 0; c < k; ++c) any[i] = any[i] || !is_na((*columns[c])[i]);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      double o = 0;
      for (std::size_t c = 0; c < k; ++c) {
        const double a = (*columns[c])[i], b = (*columns[c])[j];
        if (is_na(a) || is_na(b)) continue;
        if (a > b)
          o += w[c] / total;
        else if (a == b)
          o += w[c] / total / 2;
      }
      // o(j, i) = 1 − o(i, j), as COINr's outranking matrix.
      const int sign = o > 0.5 + 1e-12 ? 1 : (o < 0.5 - 1e-12 ? -1 : 0);
      score[i] += sign;
      score[j] -= sign;
    }
  }
  for (std::size_t i = 0; i < n; ++i)
    if (!any[i]) score[i] = kNA;
  return score;
}

Result<Dataset> aggregate(const Dataset& in, const Framework& framework, const AggregateSpec& spec,
                          std::span<const double> weights) {
  const auto& rows = framework.rows();
  if (weights.size() != rows.size())
    return make_error("aggregate.weights", "aggregate: one weight per iMeta row is needed");
  if (!spec.by_level.empty() && static_cast<int>(spec.by_level.size()) != framework.max_level() - 1)
    return make_error("aggregate.levels", "aggregate: by_level must give one method per level 2.." +
                                              std::to_string(framework.max_level()));
  if (spec.dat_thresh && !(*spec.dat_thresh >= 0 && *spec.dat_thresh <= 1))
    return make_error("aggregate.dat_thresh", "aggregate: dat_thresh must be between 0 and 1");
  std::vector<double> w(weights.begin(), weights.end());
  for (const auto& [code, value] : spec.weights) {
    const int r = framework.find(code);
    if (r < 0)
      return make_error("aggregate.weights",
                        "aggregate: weight given for unknown iCode '" + code + "'");
    if (!(value >= 0))
      return make_error("aggregate.weights", "aggregate: weight of '" + code + "' must be >= 0");
    w[r] = value;
  }
  const std::size_t n = in.n_units();
  Dataset out;
  out.units = in.units;
  out.source_rows = in.source_rows;
  const auto& tree = framework.tree_rows();
  out.columns.reserve(tree.size());
  out.values.resize(tree.size());
  // Position in `out` of each iMeta row.
  std::vector<int> pos(rows.size(), -1);
  for (std::size_t k = 0; k < tree.size(); ++k) {
    pos[tree[k]] = static_cast<int>(k);
    out.columns.push_back(rows[tree[k]].code);
  }
  const auto& inds = framework.indicators();
  for (std::size_t k = 0; k < inds.size(); ++k) {
    const int r = inds[k];
    // Datasets from the pipeline hold the indicators in iMeta order: try that position first.
    const int c = k < in.n_columns() && in.columns[k] == rows[r].code ? static_cast<int>(k)
                                                                      : in.column(rows[r].code);
    if (c < 0)
      return make_error("aggregate.missing",
                        "aggregate: indicator '" + rows[r].code + "' is not in the dataset");
    out.values[pos[r]] = in.values[c];
  }
  std::vector<double> xs, ws;
  std::vector<const std::vector<double>*> cols;
  for (int lev = 2; lev <= framework.max_level(); ++lev) {
    const AggMethod method = spec.by_level.empty() ? spec.method : spec.by_level[lev - 2];
    for (int a : framework.aggregates_at(lev)) {
      const auto& kids = framework.children(a);
      std::vector<double>& y = out.values[pos[a]];
      y.assign(n, kNA);
      ws.clear();
      cols.clear();
      for (int k : kids) ws.push_back(w[k]), cols.push_back(&out.values[pos[k]]);
      if (method == AggMethod::Copeland) {
        y = copeland(cols, ws);
      } else {
        xs.resize(kids.size());
        for (std::size_t u = 0; u < n; ++u) {
          for (std::size_t k = 0; k < kids.size(); ++k) xs[k] = (*cols[k])[u];
          auto v = aggregate_row(method, xs, ws, spec.p);
          if (!v)
            return make_error(v.error().code, v.error().message + " (unit '" + in.units[u] +
                                                  "', aggregate '" + rows[a].code + "')");
          y[u] = v.value();
        }
      }
      if (spec.dat_thresh) {
        for (std::size_t u = 0; u < n; ++u) {
          std::size_t present = 0;
          for (auto* c : cols) present += is_na((*c)[u]) ? 0 : 1;
          if (static_cast<double>(present) / kids.size() < *spec.dat_thresh) y[u] = kNA;
        }
      }
    }
  }
  return out;
}

}  // namespace kc::index
