// Evaluating enterprise facts against a policy version (the rules engine's JSON face) for the
// API: who may ask, and how large a request may be.
#pragma once

#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "rules/policy.hpp"
#include "store/database.hpp"

namespace kc::app {

// `policy` is "hte", "sme" or a version id such as "hte-2016"; `input` the policy-rules §6.2
// document. Returns the §6.3 document.
Outcome<std::string> evaluate_policy(const Actor& actor, std::string_view policy, std::string_view input);

// Evaluates a registry enterprise on `as_of` (YYYY-MM-DD): its verdict, every condition with value,
// threshold and rule, and the gaps. Staff and reviewers for any enterprise; an enterprise account
// for its own. A date before a kind's first version is judged by that version, with `policy_note`
// saying so (rules::policy_for_history), as the cultivation pipeline does.
Outcome<std::string> evaluate_registry_enterprise(store::Database& db, const Actor& actor, std::string_view policy,
                                                  std::int64_t enterprise_id, const std::string& as_of);

// The bilingual note that a version was applied to a date before it took effect; null otherwise.
boost::json::value policy_note_json(const rules::PolicyChoice& choice, domain::Date as_of);

}  // namespace kc::app
