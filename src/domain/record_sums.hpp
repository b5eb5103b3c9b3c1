// The totals a kind declares as sums of parts (KindDef::sums), over one record's cells: a missing
// total is filled in from the parts given; a total that disagrees with them is reported.
#pragma once

#include <cstdint>
#include <vector>

#include "domain/registry_kind.hpp"

namespace kc::domain {

struct SumMismatch {
  const FieldDef* total = nullptr;
  std::int64_t stated = 0;     // the total as given, in the field's stored units
  std::int64_t parts_sum = 0;  // the sum of the parts that were given
};

// Fills every declared total that is empty while at least one of its parts is given, and returns
// the totals that were given and differ from the sum of the parts given. A total with no part
// given is left as it is (a firm may report only the total).
std::vector<SumMismatch> complete_sums(const KindDef& kind, std::vector<Cell>& cells);

}  // namespace kc::domain
