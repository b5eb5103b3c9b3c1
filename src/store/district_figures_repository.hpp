// The figures of each district of a region scope for one year, aggregated from the registry in
// SQL, one grouped query per source table (app/registry/district_figures names and combines them).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kc::store {

struct DistrictFigureRow {
  std::string region_code;
  std::optional<std::string> region_name;  // from the district's statistics of the year
  // Figure code → value: a count, or an amount in 1/10,000 万元 (yuan); absent when the district
  // has no row for it (no statistics that year), 0 when it has no records counted.
  std::map<std::string, std::int64_t> values;
};

// Every district inside `prefix` (2, 4 or 6 digits; empty: all) that has enterprises or region
// statistics, ordered by code. Records without a district belong to none.
std::vector<DistrictFigureRow> district_figures(Connection& conn, const std::string& prefix, int year);

}  // namespace kc::store
