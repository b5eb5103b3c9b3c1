#include "index/results.hpp"

#include "index/stats.hpp"

namespace kc::index {

Results results(const Dataset& aggregated, const Framework& framework) {
  Results r;
  r.units = aggregated.units;
  for (int lev = framework.max_level(); lev >= 2; --lev) {
    for (int a : framework.aggregates_at(lev)) {
      const int c = aggregated.column(framework.rows()[a].code);
      if (c < 0) continue;
      r.columns.push_back(framework.rows()[a].code);
      r.scores.push_back(aggregated.values[c]);
      r.ranks.push_back(stats::sport_rank(aggregated.values[c]));
    }
  }
  if (!r.ranks.empty()) r.rank = r.ranks.front();
  return r;
}

}  // namespace kc::index
