// The facts the policy rules read about one registry enterprise, gathered from its records:
// the enterprise, its years, patents and other IP, HTE certificates and R&D institutions.
#pragma once

#include <cstdint>

#include "app/outcome.hpp"
#include "rules/facts.hpp"
#include "store/database.hpp"

namespace kc::app {

// 404 when there is no such enterprise; 422 when a fact the rules cannot do without is missing.
Outcome<rules::EnterpriseFacts> load_enterprise_facts(store::Connection& conn, std::int64_t enterprise_id);

}  // namespace kc::app
