// The registry's kinds, declared once (see registry_kind.hpp).
#pragma once

#include <string_view>
#include <vector>

#include "domain/registry_kind.hpp"

namespace kc::domain {

const std::vector<KindDef>& registry_kinds();
const KindDef* find_kind(std::string_view name);

}  // namespace kc::domain
