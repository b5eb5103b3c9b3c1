// select_time lives apart from model.cpp because it needs the panel imputation of impute.cpp.
#include <algorithm>
#include <cstdio>
#include <string>

#include "index/impute.hpp"
#include "index/model.hpp"

namespace kc::index {

Result<IndexData> select_time(const IndexData& data, double time,
                              std::optional<ImputeMethod> panel_impute) {
  const UnitData& u = data.units;
  if (u.time.size() != u.codes.size() ||
      std::all_of(u.time.begin(), u.time.end(), [](double t) { return is_na(t); }))
    return make_error("panel.time", "iData has no Time column to select a year from");
  Dataset raw = data.raw;
  if (panel_impute) {
    const ImputeMethod method = *panel_impute;
    if (method != ImputeMethod::PanelLatest && method != ImputeMethod::PanelLinear)
      return make_error("panel.method", "panel imputation is 'latest' or 'linear'");
    for (auto& col : raw.values) col = impute_panel(col, u.codes, u.time, method);
  }
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < u.codes.size(); ++i)
    if (u.time[i] == time) rows.push_back(i);
  if (rows.empty()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", time);
    return make_error("panel.time", std::string("iData has no row with Time ") + buf);
  }
  IndexData out;
  out.framework = data.framework;
  auto pick = [&](const auto& v) {
    std::remove_cvref_t<decltype(v)> r;
    for (std::size_t i : rows) r.push_back(v[i]);
    return r;
  };
  out.units.codes = pick(u.codes);
  out.units.names = pick(u.names);
  out.units.time = pick(u.time);
  for (const auto& g : u.groups) out.units.groups.push_back({g.code, pick(g.values)});
  for (const auto& d : u.denominators) out.units.denominators.push_back({d.code, pick(d.values)});
  out.raw.columns = raw.columns;
  out.raw.units = out.units.codes;
  for (std::size_t k = 0; k < rows.size(); ++k) out.raw.source_rows.push_back(k);
  for (const auto& col : raw.values) out.raw.values.push_back(pick(col));
  return out;
}

}  // namespace kc::index
