// The JSON face of the policy rules engine (policy-rules spec §6.2 input, §6.3 output): mapping
// enterprise facts from JSON with errors that name the enterprise and the field, and results,
// conditions and gap suggestions to JSON.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rules/facts.hpp"
#include "rules/gaps.hpp"
#include "rules/hte.hpp"
#include "rules/policy.hpp"
#include "rules/sme.hpp"

namespace kc::io {

struct RulesInput {
  domain::Date as_of;
  std::vector<rules::EnterpriseFacts> enterprises;
};

struct RulesInputError {
  std::string enterprise;  // the id, or "#3" (1-based position) when the id itself is bad
  std::string field;       // e.g. "years[2].sales_revenue"
  std::string message;     // why
  std::string to_string() const;
};

std::variant<RulesInput, RulesInputError> parse_rules_input(std::string_view json_text);

// Output documents (§6.3), results in input order, with conditions and gaps for each.
std::string hte_results_json(const rules::HtePolicy& p, domain::Date as_of,
                             const std::vector<rules::HteResult>& results,
                             const std::vector<std::vector<rules::Gap>>& gaps);
std::string sme_results_json(const rules::SmePolicy& p, domain::Date as_of,
                             const std::vector<rules::SmeResult>& results,
                             const std::vector<std::vector<rules::Gap>>& gaps);

// The whole `rules evaluate` pipeline on text: policy ("hte", "sme" or a version id) and input
// document in, output document or a specific error out.
struct RulesEvaluation {
  bool ok = false;
  std::string output;  // the §6.3 document when ok
  std::string error;   // what went wrong otherwise
};
RulesEvaluation evaluate_rules_document(std::string_view policy, std::string_view input_json);
// The same over facts already in memory (from the registry, say).
RulesEvaluation evaluate_facts(std::string_view policy, domain::Date as_of,
                               const std::vector<rules::EnterpriseFacts>& enterprises);

}  // namespace kc::io
