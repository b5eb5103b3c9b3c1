// Analysis tools a user expects next to the build (COINr's get_stats, get_corr, get_cronbach,
// remove_elements, get_str_weak and what-if rebuilds).
#pragma once

#include <span>

#include "index/model.hpp"
#include "index/pipeline.hpp"
#include "index/spec.hpp"

namespace kc::index {

struct ColumnStats {
  std::string code;
  std::size_t n = 0;        // present values
  double availability = 0;  // n / units
  std::size_t zeros = 0;
  double min = kNA, max = kNA, mean = kNA, median = kNA, sd = kNA, skew = kNA, kurt = kNA;
  bool outlier = false;  // fails |skew| < skew_t OR kurt < kurt_t
};
std::vector<ColumnStats> column_stats(const Dataset& data, double skew_t = 2, double kurt_t = 3.5);

// Codes of the framework's rows at `level` (1 = indicators) in iMeta order.
std::vector<std::string> codes_at_level(const Framework& framework, int level);

// Pearson correlations (pairwise complete) between columns `x` and columns `y` of one dataset, e.g.
// indicators against their pillars in the Aggregated dataset. r[i][j] = cor(x[i], y[j]).
struct Correlations {
  std::vector<std::string> x, y;
  std::vector<std::vector<double>> r;
};
Result<Correlations> correlations(const Dataset& data, const std::vector<std::string>& x,
                                  const std::vector<std::string>& y);

// Cronbach's alpha of a set of columns over the complete units: k/(k−1)·(1 − Σvar_i / var_total).
Result<double> cronbach_alpha(const Dataset& data, const std::vector<std::string>& codes);
// Alpha of the children of every aggregate whose children are at `level`.
struct GroupAlpha {
  std::string group;
  double alpha = kNA;
};
std::vector<GroupAlpha> cronbach_by_group(const Dataset& data, const Framework& framework,
                                          int level);

// Removing one element: the mean absolute change of the index rank when each element at `level`
// is given weight 0 and the index is rebuilt.
struct RemovalEffect {
  std::string code;
  double mean_abs_rank_change = kNA;
};
Result<std::vector<RemovalEffect>> removal_effects(const IndexData& data, const PipelineSpec& spec,
                                                   int level);

// A unit's strengths and weaknesses: its rank in each column at `level` of `data` (higher scores
// rank better), best `n` first and worst `n` last.
struct UnitRank {
  std::string code;
  double value = kNA;
  double rank = kNA;
};
struct Profile {
  std::vector<UnitRank> strengths, weaknesses;
};
Result<Profile> unit_profile(const Dataset& data, const Framework& framework,
                             const std::string& ucode, int level, std::size_t n);

// What-if: rebuild with some of one unit's raw values and/or some weights changed.
struct WhatIf {
  std::string ucode;
  std::vector<std::pair<std::string, double>> values;  // indicator → new raw value (NaN = missing)
  std::vector<std::pair<std::string, double>> weights;  // iCode → new weight
};
struct WhatIfResult {
  Results before, after;
  std::vector<double> rank_change;  // after − before for each unit of `after`
};
Result<WhatIfResult> what_if(const IndexData& data, const PipelineSpec& spec, const WhatIf& change);

}  // namespace kc::index
