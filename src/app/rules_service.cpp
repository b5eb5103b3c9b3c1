#include "app/rules_service.hpp"

#include "app/enterprise_facts.hpp"
#include "io/rules_json.hpp"

#include <boost/json.hpp>

namespace kc::app {

Outcome<std::string> evaluate_policy(const Actor& actor, std::string_view policy, std::string_view input) {
  if (actor.role == Role::enterprise || actor.role == Role::viewer) {
    return Problem::forbidden("Policy evaluation is for bureau staff and reviewers.");
  }
  const auto result = io::evaluate_rules_document(policy, input);
  if (!result.ok) return Problem{422, "validation", "Evaluation refused", result.error, {}};
  return result.output;
}

Outcome<std::string> evaluate_registry_enterprise(store::Database& db, const Actor& actor, std::string_view policy,
                                                  std::int64_t enterprise_id, const std::string& as_of) {
  if (actor.role == Role::viewer) return Problem::forbidden("Policy evaluation is for bureau staff and reviewers.");
  if (!actor.may_access_enterprise(enterprise_id)) {
    return Problem::forbidden("Enterprise accounts may evaluate only their own enterprise.");
  }
  auto date = domain::Date::parse(as_of);
  if (!date) return Problem::validation({{"as_of", "must be a date YYYY-MM-DD"}});
  auto conn = db.acquire();
  // Enterprise accounts do not see the expert panel's scores, so their verdicts leave E7 open.
  const bool bureau = actor.role != Role::enterprise;
  auto facts = load_enterprise_facts(*conn, enterprise_id, bureau ? std::optional<domain::Date>(*date) : std::nullopt);
  if (!facts) return facts.problem();
  const auto result = io::evaluate_facts(policy, *date, {facts.value()});
  if (!result.ok) return Problem{422, "validation", "Evaluation refused", result.error, {}};
  // Say which review completed the verdict, so the page can link to it.
  auto output = boost::json::parse(result.output).as_object();
  const auto review = bureau ? expert_review_on(*conn, enterprise_id, *date) : std::nullopt;
  output["expert_review"] = review ? boost::json::value{{"id", review->id}, {"reviewed_on", review->reviewed_on}}
                                   : boost::json::value(nullptr);
  return boost::json::serialize(output);
}

}  // namespace kc::app
