// The diagnostics the index studio shows next to a build: the framework with the weights in
// effect, indicator statistics, correlations, Cronbach's alpha, one unit's strengths and
// weaknesses, and what-if rebuilds. Engine types in, plain structs out; JSON and XLSX elsewhere.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/outcome.hpp"
#include "index/analysis.hpp"
#include "index/pipeline.hpp"

namespace kc::app {

// One framework row (indicator or aggregate) with the weight used in the build: iMeta's, or the
// spec's `aggregate.weights` override, and its effective weight (product of the weights
// normalised within each parent, from the row up to the top).
struct FrameworkEntry {
  std::string code;
  std::string name;
  int level = 1;
  std::string parent;  // empty at the top
  double direction = 1;
  double weight = index::kNA;
  double effective_weight = index::kNA;
};

struct IndexAnalysis {
  std::vector<FrameworkEntry> framework;       // iMeta order
  std::vector<index::ColumnStats> statistics;  // Raw indicators
  index::Correlations correlations;            // square: x == y (indicators, then aggregates)
  std::vector<index::GroupAlpha> alpha;        // every aggregate over its children
};

struct ProfileOptions {
  std::string unit;
  int level = 1;
  std::size_t n = 5;
};
struct IndexProfile {
  std::string unit;
  int level = 1;
  index::Profile profile;
};

struct WhatIfOptions {
  std::string unit;                                     // needed when values are given
  std::vector<std::pair<std::string, double>> values;   // indicator → raw value (NaN = missing)
  std::vector<std::pair<std::string, double>> weights;  // framework row → weight
};
struct IndexWhatIf {
  std::string column;  // the top aggregate whose scores and ranks are compared
  index::WhatIfResult result;
};

// The weights the spec's aggregate step uses: iMeta's with its overrides (one per iMeta row).
std::vector<double> weights_in_effect(const index::Framework& framework,
                                      const index::PipelineSpec& spec);

// `out` must have been built with keep_datasets (Raw … Aggregated).
IndexAnalysis analyse_build(const index::IndexData& data, const index::PipelineSpec& spec,
                            const index::BuildOutput& out);

// Strengths and weaknesses of one unit. Level 1 ranks the dataset the aggregation read (the
// Normalised one, where Direction is already applied, so higher is better as COINr's
// get_str_weak ranks with direction adjusted); higher levels rank the aggregated scores. Problems
// name `profile.unit`, `profile.level`.
Outcome<IndexProfile> profile_unit(const index::IndexData& data, const index::BuildOutput& out,
                                   const ProfileOptions& options);

// Rebuilds with the changed values and weights (index::what_if). Problems name the offending
// `what_if.unit`, `what_if.values.<iCode>` or `what_if.weights.<iCode>`.
Outcome<IndexWhatIf> what_if_build(const index::IndexData& data, const index::PipelineSpec& spec,
                                   const WhatIfOptions& options);

}  // namespace kc::app
