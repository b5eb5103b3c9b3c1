#include "app/index/index_analysis.hpp"

#include <algorithm>
#include <cmath>

#include "index/weights.hpp"

namespace kc::app {
namespace {

Problem invalid(const std::string& field, const std::string& message) {
  return Problem::validation({{field, message}});
}

const index::Step* aggregate_step(const index::PipelineSpec& spec) {
  for (const auto& s : spec.steps)
    if (s.op == index::Op::Aggregate) return &s;
  return nullptr;
}

// Codes of the rows of `type`, in iMeta order, that are columns of `data`.
std::vector<std::string> present_codes(const index::Framework& fw, const index::Dataset& data,
                                       index::ColumnType type) {
  std::vector<std::string> out;
  for (int r : fw.tree_rows())
    if (fw.rows()[r].type == type && data.column(fw.rows()[r].code) >= 0)
      out.push_back(fw.rows()[r].code);
  return out;
}

}  // namespace

std::vector<double> weights_in_effect(const index::Framework& framework,
                                      const index::PipelineSpec& spec) {
  std::vector<double> w = framework.weights();
  if (const auto* agg = aggregate_step(spec)) {
    for (const auto& [code, value] : agg->aggregate.weights) {
      const int r = framework.find(code);
      if (r >= 0) w[r] = value;
    }
  }
  return w;
}

IndexAnalysis analyse_build(const index::IndexData& data, const index::PipelineSpec& spec,
                            const index::BuildOutput& out) {
  const index::Framework& fw = data.framework;
  IndexAnalysis a;
  const std::vector<double> w = weights_in_effect(fw, spec);
  const std::vector<double> eff = index::effective_weights(fw, w);
  for (int r : fw.tree_rows()) {
    const auto& row = fw.rows()[r];
    const int p = fw.parent(r);
    a.framework.push_back({row.code, row.name, row.level,
                           p >= 0 ? fw.rows()[p].code : std::string(), row.direction, w[r],
                           eff[r]});
  }
  a.statistics = index::column_stats(data.raw);
  const index::Dataset& last = out.last();
  std::vector<std::string> codes = present_codes(fw, last, index::ColumnType::Indicator);
  for (auto& c : present_codes(fw, last, index::ColumnType::Aggregate))
    codes.push_back(std::move(c));
  // Every code was just checked to be a column, so this cannot fail.
  auto cor = index::correlations(last, codes, codes);
  if (cor) a.correlations = std::move(cor.value());
  for (int level = 1; level < fw.max_level(); ++level) {
    for (auto& g : index::cronbach_by_group(last, fw, level)) a.alpha.push_back(std::move(g));
  }
  return a;
}

Outcome<IndexProfile> profile_unit(const index::IndexData& data, const index::BuildOutput& out,
                                   const ProfileOptions& o) {
  const int top = data.framework.max_level();
  if (o.level < 1 || o.level > top)
    return invalid("profile.level",
                   "must be from 1 to " + std::to_string(top) + " (the framework's levels)");
  if (o.n < 1 || o.n > 100) return invalid("profile.n", "must be from 1 to 100");
  const index::Dataset* aggregated = out.find("Aggregated");
  const index::Dataset* source = nullptr;
  if (o.level == 1) {
    // The dataset the aggregation read: Normalised in a usual spec, else the one before Aggregated.
    source = out.find("Normalised");
    if (!source && aggregated && out.datasets.size() >= 2)
      source = &out.datasets[out.datasets.size() - 2].data;
    if (!source) source = &out.last();
  } else {
    if (!aggregated)
      return invalid("profile.level", "levels above 1 need an aggregate step in the spec");
    source = aggregated;
  }
  if (data.raw.unit(o.unit) < 0)
    return invalid("profile.unit", "unit '" + o.unit + "' is not in iData");
  if (source->unit(o.unit) < 0)
    return invalid("profile.unit", "unit '" + o.unit + "' was screened out of the build");
  auto p = index::unit_profile(*source, data.framework, o.unit, o.level, o.n);
  if (!p) return invalid("profile", p.error().message);
  return IndexProfile{o.unit, o.level, std::move(p.value())};
}

Outcome<IndexWhatIf> what_if_build(const index::IndexData& data, const index::PipelineSpec& spec,
                                   const WhatIfOptions& o) {
  const index::Step* agg = aggregate_step(spec);
  if (!agg)
    return invalid("what_if", "needs an aggregate step in the spec (it compares index ranks)");
  std::vector<FieldError> errors;
  if (!o.values.empty() && o.unit.empty())
    errors.push_back({"what_if.unit", "is required when values are changed"});
  if (!o.unit.empty() && data.raw.unit(o.unit) < 0)
    errors.push_back({"what_if.unit", "unit '" + o.unit + "' is not in iData"});
  for (const auto& [code, v] : o.values) {
    if (data.raw.column(code) < 0)
      errors.push_back({"what_if.values." + code, "'" + code + "' is not an indicator of iData"});
  }
  for (const auto& [code, v] : o.weights) {
    const int r = data.framework.find(code);
    const bool in_tree = r >= 0 && (data.framework.rows()[r].type == index::ColumnType::Indicator ||
                                    data.framework.rows()[r].type == index::ColumnType::Aggregate);
    if (!in_tree)
      errors.push_back(
          {"what_if.weights." + code, "'" + code + "' is not an indicator or aggregate of iMeta"});
    else if (!(std::isfinite(v) && v >= 0))
      errors.push_back({"what_if.weights." + code, "must be a number >= 0"});
  }
  if (!errors.empty()) return Problem::validation(std::move(errors));

  index::WhatIf change{o.unit, o.values, o.weights};
  // The aggregate step's weight overrides are applied on top of whatever weights a build is given,
  // so a what-if weight for an overridden row would be lost. Fold the overrides into the framework
  // instead: both builds then see the same weights as the request's own build.
  if (!o.weights.empty() && !agg->aggregate.weights.empty()) {
    std::vector<index::MetaRow> rows = data.framework.rows();
    const std::vector<double> w = weights_in_effect(data.framework, spec);
    for (int r : data.framework.tree_rows()) rows[r].weight = w[r];
    auto fw = index::Framework::build(std::move(rows));
    if (!fw) return invalid("spec", fw.error().message);
    index::IndexData folded = data;
    folded.framework = std::move(fw.value());
    index::PipelineSpec plain = spec;
    for (auto& s : plain.steps)
      if (s.op == index::Op::Aggregate) s.aggregate.weights.clear();
    auto r = index::what_if(folded, plain, change);
    if (!r) return invalid("what_if", r.error().message);
    return IndexWhatIf{r->after.columns.empty() ? std::string() : r->after.columns.front(),
                       std::move(r.value())};
  }
  auto r = index::what_if(data, spec, change);
  if (!r) return invalid("what_if", r.error().message);
  return IndexWhatIf{r->after.columns.empty() ? std::string() : r->after.columns.front(),
                     std::move(r.value())};
}

}  // namespace kc::app
