// The policy versions shipped with the program: the JSON text of src/rules/policies/*.json,
// embedded at build time (see src/rules/CMakeLists.txt).
#pragma once

#include <string_view>
#include <vector>

namespace kc::rules {

struct PolicyText {
  std::string_view id;    // file name without .json, equal to the "id" inside
  std::string_view json;
};

const std::vector<PolicyText>& embedded_policy_texts();

}  // namespace kc::rules
