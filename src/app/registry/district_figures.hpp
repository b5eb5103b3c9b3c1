// Side-by-side figures of the districts in the actor's region scope for one year, computed from
// the registry's records and the districts' statistics: what a city or province bureau compares
// its districts by. A city's total of an additive figure is the sum over its districts; a ratio's
// total is recomputed from the summed parts. The codes are those of the indicator catalogue
// (spec indicators.md) where one defines the figure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "domain/registry_kind.hpp"
#include "store/database.hpp"

namespace kc::app {

enum class FigureType { count, amount, percent };

struct FigureDef {
  std::string_view code;
  std::string_view zh, en;            // labels
  std::string_view unit_zh, unit_en;  // units as a header shows them
  FigureType type;
  bool additive;  // a city's value is the sum of its districts' values
  int decimals;   // as a table states it (1 for 万元, as a report writes 1317.7万元); values stay exact
};

// The figures in the order a table shows them.
std::span<const FigureDef> district_figure_catalogue();

// A region's values by figure, in catalogue order: a count (integer), an exact decimal text
// (amounts in 万元, percentages), or empty when it cannot be stated (no GDP for a ratio).
struct RegionFigures {
  std::string region_code;
  std::optional<std::string> region_name;
  std::vector<domain::Cell> values;
};

struct DistrictComparison {
  int year = 0;
  std::vector<RegionFigures> districts;  // by code
  std::optional<RegionFigures> total;    // with two districts or more; code: the scope's prefix
};

// For bureau users; the scope is the actor's region (narrowed by the request, if it was).
Outcome<DistrictComparison> compare_districts(store::Database& db, const Actor& actor, int year);

}  // namespace kc::app
