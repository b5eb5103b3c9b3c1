// Checks a parsed formula against the registry's declarations: every kind, field and choice value
// it names exists, every comparison compares like with like (a date with a date, an amount with a
// number), and every indicator it reads is known. What passes can be turned into SQL without
// further questions; what fails says where, as the parser does.
#pragma once

#include <functional>
#include <string_view>

#include "domain/formula/formula.hpp"
#include "domain/registry_kind.hpp"

namespace kc::domain::formula {

// The kind whose fields `stat(FIELD)` reads: the region statistics of the region and year.
inline constexpr std::string_view kStatisticsKind = "region_statistics";

// `indicator_known(code)` answers whether `indicator(code)` may be read.
Status check(const Expr& e, const std::function<bool(std::string_view)>& indicator_known);

// Whether a value of field type `type` is a number that sums (integers, amounts, decimals).
bool summable(FieldType type);

}  // namespace kc::domain::formula
