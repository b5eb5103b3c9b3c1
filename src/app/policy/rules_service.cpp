#include "app/policy/rules_service.hpp"

#include "app/messages.hpp"
#include "app/policy/enterprise_facts.hpp"
#include "app/registry/district_scope.hpp"
#include "domain/field_messages.hpp"
#include "io/rules_json.hpp"
#include "rules/score_range.hpp"

#include <boost/json.hpp>

namespace kc::app {
namespace {

std::optional<char> band_letter(const boost::json::value* v) {
  if (!v || !v->is_string() || v->as_string().empty()) return std::nullopt;
  return v->as_string()[0];
}

// The points the score can still reach, from the bands the data gave (HTE only): per item the
// band and its range, and the total's range, so staff see whether the pass mark is within reach.
boost::json::value score_range_json(const boost::json::object& result, const rules::Policy& policy) {
  const auto* hte = std::get_if<rules::HtePolicy>(&policy);
  const auto* score = result.if_contains("score");
  const auto* bands = score && score->is_object() ? score->as_object().if_contains("bands") : nullptr;
  if (!hte || !bands || !bands->is_object()) return nullptr;
  const auto& b = bands->as_object();
  rules::HteScore s;
  s.ip_quantity = band_letter(b.if_contains("ip_quantity")).value_or('E');
  s.transfer = band_letter(b.if_contains("transfer")).value_or('F');
  s.growth_net_assets = band_letter(b.if_contains("growth_net_assets"));
  s.growth_sales = band_letter(b.if_contains("growth_sales"));
  const auto range = rules::hte_score_range(s, *hte);
  boost::json::array items;
  for (const auto& i : range.items) {
    items.push_back({{"item", i.item},
                     {"band", i.band ? boost::json::value(std::string(1, *i.band)) : boost::json::value(nullptr)},
                     {"min", i.points.min},
                     {"max", i.points.max}});
  }
  return boost::json::object{{"items", std::move(items)},
                             {"total_min", range.total_min},
                             {"total_max", range.total_max},
                             {"pass_mark_exclusive", hte->score_pass_mark.to_double()}};
}

}  // namespace

Outcome<std::string> evaluate_policy(const Actor& actor, std::string_view policy, std::string_view input) {
  if (actor.role == Role::enterprise || actor.role == Role::viewer) {
    return Problem::forbidden({msg::staff_and_reviewers_only});
  }
  const auto result = io::evaluate_rules_document(policy, input);
  if (!result.ok) return Problem{422, "validation", "Evaluation refused", result.error, {}};
  return result.output;
}

boost::json::value policy_note_json(const rules::PolicyChoice& choice, domain::Date as_of) {
  if (!choice.before_first_version || !choice.load.policy) return nullptr;
  const auto& id = rules::policy_id(*choice.load.policy);
  return boost::json::object{
      {"zh", as_of.to_string() + " 早于现行认定办法的施行日期，按 " + id + " 的规则评价（历史年份的参考结果）"},
      {"en", as_of.to_string() + " is before the first encoded version took effect; judged by the rules of " + id +
                 " (a reference for past years)"}};
}

Outcome<std::string> evaluate_registry_enterprise(store::Database& db, const Actor& actor, std::string_view policy,
                                                  std::int64_t enterprise_id, const std::string& as_of) {
  if (actor.role == Role::viewer) return Problem::forbidden({msg::staff_and_reviewers_only});
  if (!actor.may_access_enterprise(enterprise_id)) {
    return Problem::forbidden({msg::own_enterprise_only});
  }
  auto date = domain::Date::parse(as_of);
  if (!date) return Problem::validation({field_error("as_of", domain::fmsg::not_date)});
  auto conn = db.acquire();
  if (!enterprise_in_scope(*conn, actor, enterprise_id)) {
    return Problem::not_found({msg::no_enterprise, {{"id", enterprise_id}}});
  }
  // Enterprise accounts do not see the expert panel's scores, so their verdicts leave E7 open.
  // The review is read once: its scores complete the facts and its id is named in the answer.
  auto facts = load_enterprise_facts(*conn, enterprise_id, *date, false);
  if (!facts) return facts.problem();
  const auto review =
      actor.role != Role::enterprise ? expert_review_on(*conn, enterprise_id, *date) : std::nullopt;
  if (review) facts->expert_scores = review->scores;
  const auto choice = rules::policy_for_history(policy, *date);
  if (!choice.load.policy) return Problem{422, "validation", "Evaluation refused", choice.load.error, {}};
  const std::string version = rules::policy_id(*choice.load.policy);
  const auto result = io::evaluate_facts(version, *date, {facts.value()});
  if (!result.ok) return Problem{422, "validation", "Evaluation refused", result.error, {}};
  // Say which review completed the verdict, so the page can link to it.
  auto output = boost::json::parse(result.output).as_object();
  output["expert_review"] = review ? boost::json::value{{"id", review->id}, {"reviewed_on", review->reviewed_on}}
                                   : boost::json::value(nullptr);
  const auto& results = output["results"].as_array();
  output["score_range"] = results.empty() ? boost::json::value(nullptr)
                                          : score_range_json(results.front().as_object(), *choice.load.policy);
  output["policy_note"] = policy_note_json(choice, *date);
  return boost::json::serialize(output);
}

}  // namespace kc::app
