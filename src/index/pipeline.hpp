// Build an index: run the spec's steps in order over IndexData, keeping each dataset as COINr names
// them (Raw, Denominated, Imputed, Screened, Treated, Normalised, Aggregated) and the results.
#pragma once

#include <span>

#include "index/model.hpp"
#include "index/results.hpp"
#include "index/spec.hpp"
#include "index/treat.hpp"

namespace kc::index {

struct NamedDataset {
  std::string name;
  Dataset data;
};

struct BuildOutput {
  std::vector<NamedDataset> datasets;  // Raw first (only the last one when keep_datasets is off)
  std::vector<TreatDetail> treat_details;
  std::vector<std::string> screened_out;
  Results results;  // empty if the spec has no aggregate step

  const Dataset* find(std::string_view name) const;
  const Dataset& last() const { return datasets.back().data; }
};

struct BuildOptions {
  std::span<const double> weights;  // one per iMeta row; empty = iMeta's weights
  bool keep_datasets = true;
  bool want_details = true;
};

// Checks the spec (order and parameters) before running anything.
Status validate(const PipelineSpec& spec, const IndexData& data);

Result<BuildOutput> build(const IndexData& data, const PipelineSpec& spec,
                          const BuildOptions& options = {});

// The normalise step `spec.steps[step]` with panel_wide: `current` (the selected year's input to
// the step) and the same input of every other year of `data.panel` (each year run through the
// steps before `step` on its own) are stacked, normalised together, and the selected year's rows
// returned. An error when `data` is not a year selected from a panel of several years.
Result<Dataset> normalise_panel_wide(const Dataset& current, const IndexData& data,
                                     const PipelineSpec& spec, std::size_t step);

}  // namespace kc::index
