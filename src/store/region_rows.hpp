// Rows that carry a region of their own in a nullable region_code column (local programmes, index
// definitions): NULL is the whole installation's, a code is that district's, city's or province's.
// A scoped reader sees the rows inside its scope, the installation's, and those of the divisions
// its scope lies in (a city's rows apply to each of its districts).
#pragma once

#include <string>
#include <vector>

#include "store/database.hpp"

namespace kc::store {

struct RegionRows {
  std::string prefix;                 // the digits codes inside the scope start with; "" = every row
  std::vector<std::string> covering;  // codes of the divisions containing the scope (its province, city)
  // Only the whole installation's rows (a reader placed nowhere: an enterprise account whose
  // enterprise lies in no district); prefix and covering are then unused.
  bool installation_only = false;
};

// The condition on `column` for `visible` (empty when every row is), its values appended to
// `params` and numbered after those already there ($n).
std::string region_rows_condition(const std::string& column, const RegionRows& visible, Params& params);

}  // namespace kc::store
