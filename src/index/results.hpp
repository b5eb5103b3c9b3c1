// Results: the scores of every aggregate and the sport rank of the index (COINr's get_results,
// ranks as rank(-score, ties = "min")).
#pragma once

#include "index/model.hpp"

namespace kc::index {

struct Results {
  std::vector<std::string> units;
  std::vector<std::string> columns;  // aggregates, top level first, iMeta order within a level
  std::vector<std::vector<double>> scores;  // scores[column][unit]
  std::vector<std::vector<double>> ranks;   // sport rank of each column
  std::vector<double> rank;                 // rank of the first top-level aggregate
};

Results results(const Dataset& aggregated, const Framework& framework);

}  // namespace kc::index
