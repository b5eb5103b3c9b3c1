#include "index/impute.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "index/stats.hpp"

namespace kc::index {

namespace {

void fill(std::vector<double>& x, double value) {
  for (double& v : x)
    if (is_na(v)) v = value;
}

double centre(std::span<const double> x, bool median) {
  return median ? stats::median(x) : stats::mean(x);
}

}  // namespace

Result<Dataset> impute(const Dataset& in, const ImputeSpec& spec, const UnitData& units) {
  Dataset out = in;
  const bool median =
      spec.method == ImputeMethod::Median || spec.method == ImputeMethod::MedianGroup;
  if (spec.method == ImputeMethod::Mean || spec.method == ImputeMethod::Median) {
    for (auto& col : out.values)
      if (std::any_of(col.begin(), col.end(), [](double v) { return is_na(v); }))
        fill(col, centre(col, median));
    return out;
  }
  if (spec.method == ImputeMethod::PanelLatest || spec.method == ImputeMethod::PanelLinear) {
    std::vector<double> time(out.n_units());
    for (std::size_t u = 0; u < out.n_units(); ++u) time[u] = units.time[out.source_rows[u]];
    for (auto& col : out.values) col = impute_panel(col, out.units, time, spec.method);
    return out;
  }
  const TextColumn* g = units.group(spec.group);
  if (!g)
    return make_error("impute.group",
                      "impute by group: '" + spec.group + "' is not a group column of iData");
  // Group number of each unit (−1: no group value, left alone), groups in order of appearance.
  std::vector<std::string> names;
  std::vector<int> group(out.n_units(), -1);
  for (std::size_t u = 0; u < out.n_units(); ++u) {
    const std::string& key = g->values[out.source_rows[u]];
    if (key.empty()) continue;
    auto it = std::find(names.begin(), names.end(), key);
    group[u] = static_cast<int>(it - names.begin());
    if (it == names.end()) names.push_back(key);
  }
  std::vector<double> sub;
  for (auto& col : out.values) {
    if (std::none_of(col.begin(), col.end(), [](double v) { return is_na(v); })) continue;
    for (int k = 0; k < static_cast<int>(names.size()); ++k) {
      sub.clear();
      bool gap = false;
      for (std::size_t u = 0; u < col.size(); ++u)
        if (group[u] == k) sub.push_back(col[u]), gap = gap || is_na(col[u]);
      if (!gap) continue;
      const double c = centre(sub, median);
      for (std::size_t u = 0; u < col.size(); ++u)
        if (group[u] == k && is_na(col[u])) col[u] = c;
    }
  }
  return out;
}

std::vector<double> impute_panel(std::span<const double> x, std::span<const std::string> unit,
                                 std::span<const double> time, ImputeMethod method) {
  std::vector<double> out(x.begin(), x.end());
  std::map<std::string, std::vector<std::size_t>> rows;
  for (std::size_t i = 0; i < x.size(); ++i) rows[unit[i]].push_back(i);
  for (auto& [code, idx] : rows) {
    std::sort(idx.begin(), idx.end(),
              [&](std::size_t a, std::size_t b) { return time[a] < time[b]; });
    std::vector<std::size_t> known;
    for (std::size_t i : idx)
      if (!is_na(x[i])) known.push_back(i);
    if (known.empty()) continue;
    for (std::size_t i : idx) {
      if (!is_na(x[i])) continue;
      // Latest earlier value, and the next later one.
      std::size_t before = x.size(), after = x.size();
      for (std::size_t k : known) {
        if (time[k] < time[i]) before = k;
        if (time[k] > time[i] && after == x.size()) after = k;
      }
      if (method == ImputeMethod::PanelLatest) {
        if (before != x.size()) out[i] = x[before];
      } else if (before != x.size() && after != x.size()) {
        const double f = (time[i] - time[before]) / (time[after] - time[before]);
        out[i] = x[before] + f * (x[after] - x[before]);
      } else {
        out[i] = x[before != x.size() ? before : after];
      }
    }
  }
  return out;
}

}  // namespace kc::index
