// Building composite indices and their uncertainty analysis for the web studio: iData/iMeta CSV
// text and a spec in, scores, ranks and diagnostics out (nothing stored). The run_* functions
// return what was computed, so the JSON answer and the XLSX download share one computation.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>

#include "app/actor.hpp"
#include "app/index/index_analysis.hpp"
#include "app/outcome.hpp"
#include "index/uncertainty.hpp"

namespace kc::app {

// What one analysis may cost. `runs × units × indicators` (every run of an uncertainty or
// sensitivity analysis rebuilds every cell) and `columns² × units` (the correlation matrix of a
// build's analysis) beyond these are refused before any work: 422 analysis_too_large with params
// {limit, cost}.
inline constexpr std::uint64_t kMaxUncertaintyCost = 1'000'000'000;
inline constexpr std::uint64_t kMaxCorrelationCost = 1'000'000'000;

struct IndexRequest {
  std::string data_csv;
  std::string meta_csv;
  std::string spec_json;  // empty: COINr's defaults (minmax [0,100], arithmetic mean)
  bool include_datasets = false;
  bool analysis = false;  // framework, statistics, correlations, alpha
  std::optional<ProfileOptions> profile{};
  std::optional<WhatIfOptions> what_if{};
  // Seconds the analysis may take (`serve --heavy-request-seconds`); 0: no limit (the CLI).
  // Past it the work stops: 422 time_budget_exceeded with params {seconds}.
  std::int64_t time_budget_seconds = 0;
  // Panel data: the year to build; `panel_impute` "latest" or "linear" (empty: none) first fills
  // gaps from the unit's other years. Panel data without a year is refused (index::choose_time).
  std::optional<double> time;
  std::string panel_impute;
};

struct UncertaintyRequest {
  IndexRequest index;
  std::string vary_json;
  std::size_t runs = 1000;
  std::uint64_t seed = 1;
  bool sensitivity = false;
};

// Everything one build request computed.
struct IndexBuild {
  index::IndexData data;
  index::PipelineSpec spec;
  index::BuildOutput output;  // every dataset, Raw first
  std::optional<IndexAnalysis> analysis;
  std::optional<IndexProfile> profile;
  std::optional<IndexWhatIf> what_if;
};

struct IndexUncertainty {
  index::UncertaintyResult result;
  bool sensitivity = false;
};

// Builds and computes what the request asks for (`force_analysis` for exports, which always carry
// the analysis sheets).
Outcome<IndexBuild> run_index_build(const Actor& actor, const IndexRequest& request, bool force_analysis = false);
boost::json::object index_build_json(const IndexBuild& build, bool include_datasets);
Outcome<boost::json::object> build_index(const Actor& actor, const IndexRequest& request);

Outcome<IndexUncertainty> run_index_uncertainty(const Actor& actor, const UncertaintyRequest& request);
boost::json::object index_uncertainty_json(const IndexUncertainty& result);
Outcome<boost::json::object> index_uncertainty(const Actor& actor, const UncertaintyRequest& request);

// Reads the optional `analysis`, `profile` and `what_if` members of a build request's JSON body
// into `request`; type errors name the member (`profile.n`, `what_if.values.<iCode>`).
Status read_index_options(const boost::json::object& body, IndexRequest& request);

}  // namespace kc::app
