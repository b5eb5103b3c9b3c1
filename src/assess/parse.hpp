// INPUT JSON (spec/assessment.md §1–§2) → Input, refusing what §1 and §9 refuse with a message
// that names the node, veto, grade, unit or field at fault.
#pragma once

#include <string_view>

#include "assess/scheme.hpp"
#include "domain/result.hpp"

namespace kc::assess {

domain::Result<Input> parse_input(std::string_view json_text);

}  // namespace kc::assess
