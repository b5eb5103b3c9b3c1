// The facts the policy rules read about one registry enterprise, gathered from its records:
// the enterprise, its years, patents and other IP, HTE certificates and R&D institutions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/outcome.hpp"
#include "rules/facts.hpp"
#include "store/database.hpp"

namespace kc::app {

// The expert panel's review that completes an HTE verdict on a date: the latest one on or before it.
struct ExpertReview {
  std::int64_t id = 0;
  std::string reviewed_on;
  rules::ExpertScores scores;
};
std::optional<ExpertReview> expert_review_on(store::Connection& conn, std::int64_t enterprise_id, domain::Date as_of);

// The facts as they stood on `as_of`: the HTE certificate is the latest one issued on or before it
// and still in force then (not expired, not revoked by then). With `with_expert_review`, the
// expert scores of the latest review on or before `as_of` are included; without it (enterprise
// accounts, who may not see the panel's scores) there are none.
// 404 when there is no such enterprise; 422 when a fact the rules cannot do without is missing.
Outcome<rules::EnterpriseFacts> load_enterprise_facts(store::Connection& conn, std::int64_t enterprise_id,
                                                      domain::Date as_of, bool with_expert_review);

}  // namespace kc::app
