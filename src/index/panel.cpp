// Panel data: selecting a year (apart from model.cpp because it needs the panel imputation of
// impute.cpp) and the panel-wide normalisation, which runs earlier steps over every year.
#include <algorithm>
#include <cstdio>
#include <string>

#include "index/impute.hpp"
#include "index/model.hpp"
#include "index/normalise.hpp"
#include "index/pipeline.hpp"

namespace kc::index {

namespace {

bool has_time(const UnitData& u) {
  return u.time.size() == u.codes.size() &&
         !std::all_of(u.time.begin(), u.time.end(), [](double t) { return is_na(t); });
}

Error no_row_with(double time) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", time);
  return make_error("panel.time", std::string("iData has no row with Time ") + buf);
}

}  // namespace

Result<IndexData> choose_time(IndexData data, const TimeChoice& choice) {
  if (choice.panel_impute && !choice.time)
    return make_error("panel.impute_needs_time", "a panel imputation needs a Time value (year) to build");
  if (!choice.time) {
    const auto years = panel_times(data);
    if (!years.empty())
      return make_error("panel.time_required", "iData holds " + std::to_string(years.size()) +
                                                   " Time values; choose the one to build");
    return data;
  }
  return select_time(data, *choice.time, choice.panel_impute);
}

Result<IndexData> rows_of_time(const IndexData& data, double time) {
  const UnitData& u = data.units;
  if (!has_time(u))
    return make_error("panel.time", "iData has no Time column to select a year from");
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < u.codes.size(); ++i)
    if (u.time[i] == time) rows.push_back(i);
  if (rows.empty()) return no_row_with(time);
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
  out.raw.columns = data.raw.columns;
  out.raw.units = out.units.codes;
  for (std::size_t k = 0; k < rows.size(); ++k) out.raw.source_rows.push_back(k);
  for (const auto& col : data.raw.values) out.raw.values.push_back(pick(col));
  return out;
}

Result<IndexData> select_time(const IndexData& data, double time,
                              std::optional<ImputeMethod> panel_impute) {
  const UnitData& u = data.units;
  if (!has_time(u))
    return make_error("panel.time", "iData has no Time column to select a year from");
  auto whole = std::make_shared<IndexData>();
  whole->framework = data.framework;
  whole->units = data.units;
  whole->raw = data.raw;
  if (panel_impute) {
    const ImputeMethod method = *panel_impute;
    if (method != ImputeMethod::PanelLatest && method != ImputeMethod::PanelLinear)
      return make_error("panel.method", "panel imputation is 'latest' or 'linear'");
    for (auto& col : whole->raw.values) col = impute_panel(col, u.codes, u.time, method);
  }
  auto out = rows_of_time(*whole, time);
  if (!out) return out.error();
  out.value().panel = std::move(whole);
  return out;
}

Result<Dataset> normalise_panel_wide(const Dataset& current, const IndexData& data,
                                     const PipelineSpec& spec, std::size_t step) {
  const std::size_t years = data.panel ? panel_times(*data.panel).size() : 0;
  if (years < 2)
    return make_error("normalise.panel_wide",
                      "panel-wide normalisation needs panel data (several Time values) and a "
                      "selected year (--time)");
  const double selected = data.units.time.empty() ? kNA : data.units.time.front();
  PipelineSpec before;
  before.steps.assign(spec.steps.begin(), spec.steps.begin() + static_cast<std::ptrdiff_t>(step));
  // The selected year's rows first: they are the ones kept, and dist2ref finds its reference
  // unit in them.
  Dataset stacked = current;
  for (double t : panel_times(*data.panel)) {
    if (t == selected) continue;
    auto year = rows_of_time(*data.panel, t);
    if (!year) return year.error();
    // Each year runs the earlier steps on its own, as each coin of a COINr purse does.
    auto built = build(year.value(), before, BuildOptions{{}, false, false});
    char label[32];
    std::snprintf(label, sizeof label, "%g", t);
    if (!built)
      return make_error(built.error().code, std::string("panel-wide normalisation, year ") + label +
                                                ": " + built.error().message);
    const Dataset& d = built->last();
    for (std::size_t c = 0; c < stacked.n_columns(); ++c) {
      const int k = d.column(stacked.columns[c]);
      if (k < 0)
        return make_error("normalise.panel_wide", std::string("panel-wide normalisation, year ") +
                                                      label + ": no column '" + stacked.columns[c] +
                                                      "'");
      stacked.values[c].insert(stacked.values[c].end(), d.values[k].begin(), d.values[k].end());
    }
    stacked.units.insert(stacked.units.end(), d.units.begin(), d.units.end());
    stacked.source_rows.insert(stacked.source_rows.end(), d.source_rows.begin(),
                               d.source_rows.end());
  }
  auto normalised = normalise(stacked, spec.steps[step].normalise, data.framework);
  if (!normalised) return normalised.error();
  Dataset out = std::move(normalised.value());
  const std::size_t n = current.n_units();
  out.units.resize(n);
  out.source_rows.resize(n);
  for (auto& col : out.values) col.resize(n);
  return out;
}

}  // namespace kc::index
