// The assessment engine (spec/assessment.md): one scheme, many units → scores up the tree, totals,
// ranks, grades, vetoes and optionally what moves each rank. Pure: no I/O beyond the JSON
// documents at its edge (assess_document).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/scheme.hpp"
#include "domain/result.hpp"

namespace kc::assess {

struct UnitResult {
  std::string code;
  std::optional<double> total;
  std::optional<int> rank;
  std::optional<std::string> grade;
  std::vector<std::string> vetoes;
  std::vector<std::string> missing;
  std::vector<std::optional<double>> value;  // per node of Scheme::nodes
  std::vector<std::optional<double>> score;  // per node
  // Per node (indicator nodes only have an entry); present for units ranked > 1 when asked.
  std::optional<std::vector<std::optional<double>>> next_rank;
};

struct Output {
  std::string scheme;
  std::vector<UnitResult> units;  // in input order
};

Output assess(const Input& input);

// The §7 output document of `output` for the scheme it was computed with.
std::string to_json(const Scheme& scheme, const Output& output);

// INPUT text → OUTPUT text, or the refusal of a malformed input or scheme.
domain::Result<std::string> assess_document(std::string_view input_json);

}  // namespace kc::assess
