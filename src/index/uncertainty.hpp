// Uncertainty analysis: rebuild the index many times with randomly drawn choices (winsorisation
// limit, normalisation, weights, aggregation, imputation on/off) and summarise each unit's rank.
// With `sensitivity`, the draws follow a Saltelli design and first-order and total sensitivity
// indices are estimated for each choice. Runs are spread over threads; the results for a seed do
// not depend on the thread count.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "index/model.hpp"
#include "index/pipeline.hpp"
#include "index/spec.hpp"
#include "index/weights.hpp"

namespace kc::index {

struct AggChoice {
  AggMethod method = AggMethod::AMean;
  double p = 2;
};

// One uncertain choice and its alternatives (drawn with equal probability).
struct VaryFactor {
  enum class Kind { Winmax, Normalise, Weights, Aggregate, Impute };
  Kind kind = Kind::Winmax;
  std::vector<int> winmax;
  std::vector<NormParams> normalise;
  std::vector<WeightNoise> noise;
  int sets = 100;  // noisy weight sets drawn up front; each run picks one
  std::vector<AggChoice> aggregate;
  std::vector<bool> impute;

  std::string name() const;
  std::size_t alternatives() const;
};

struct VarySpec {
  std::vector<VaryFactor> factors;
};

struct UncertaintyOptions {
  std::size_t runs = 100;  // UA: number of runs; SA: base sample N (N·(d+2) runs in all)
  std::uint64_t seed = 1;
  unsigned threads = 0;  // 0 = all cores
  bool sensitivity = false;
  int bootstrap = 1000;  // SA bootstrap resamples for the 5–95 % intervals
  // Asked before every run (from several threads at once) and before the bootstrap: true stops
  // the analysis, which then fails with code "ua.stopped". The caller's deadline lives here, so
  // the engine keeps no clock and no notion of a request.
  std::function<bool()> stop;
};

struct RankStats {
  std::vector<std::string> units;
  std::vector<double> nominal, mean, median, q5, q95;
};

struct SensitivityIndex {
  std::string factor;
  double si = kNA, sti = kNA, si_q5 = kNA, si_q95 = kNA, sti_q5 = kNA, sti_q95 = kNA;
};

struct UncertaintyResult {
  RankStats ranks;
  std::vector<SensitivityIndex> sensitivity;  // SA only
  std::vector<double> output;                 // per run: mean absolute rank change vs nominal
  std::size_t runs = 0;
  std::size_t failed_runs = 0;  // runs whose choices the data cannot take (e.g. gmean of 0)
  std::vector<std::vector<double>> run_ranks;  // [run][unit], units as in `ranks`
};

Status validate(const VarySpec& vary, const PipelineSpec& nominal);

Result<UncertaintyResult> run_uncertainty(const IndexData& data, const PipelineSpec& nominal,
                                          const VarySpec& vary, const UncertaintyOptions& options);

// The spec and weights of one run, given one uniform draw in [0,1) per factor (exposed for tests).
struct RunChoice {
  PipelineSpec spec;
  int weight_set = -1;  // index into the noisy weight sets, −1 = iMeta weights
};
RunChoice choose(const PipelineSpec& nominal, const VarySpec& vary, std::span<const double> u);

}  // namespace kc::index
