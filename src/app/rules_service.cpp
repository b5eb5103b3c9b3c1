#include "app/rules_service.hpp"

#include "io/rules_json.hpp"

namespace kc::app {

Outcome<std::string> evaluate_policy(const Actor& actor, std::string_view policy, std::string_view input) {
  if (actor.role == Role::enterprise || actor.role == Role::viewer) {
    return Problem::forbidden("Policy evaluation is for bureau staff and reviewers.");
  }
  const auto result = io::evaluate_rules_document(policy, input);
  if (!result.ok) return Problem{422, "validation", "Evaluation refused", result.error, {}};
  return result.output;
}

}  // namespace kc::app
