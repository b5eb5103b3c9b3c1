// Denominate: divide each indicator by the denominator iMeta names for it (COINr's Denominate).
#pragma once

#include "index/model.hpp"

namespace kc::index {

// Indicators without a Denominator are copied. A missing or zero denominator gives a missing value
// (COINr would produce Inf, which no later step can use).
Result<Dataset> denominate(const Dataset& in, const Framework& framework, const UnitData& units);

}  // namespace kc::index
