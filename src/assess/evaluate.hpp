// One unit's scores up the tree (spec/assessment.md §3): every node's value and score and the
// total, under the scheme's missing policy.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "assess/scheme.hpp"

namespace kc::assess {

// Replaces one node's raw value of year t (only that node's; next_rank asks "what if").
struct Override {
  std::size_t node = 0;
  double raw = 0;
};

struct Evaluation {
  std::vector<std::optional<double>> value;  // per node: x (indicator nodes only)
  std::vector<std::optional<double>> score;  // per node; nullopt: missing under reweight
  std::optional<double> total;
  std::vector<std::string> missing;          // indicator codes whose score is missing
};

Evaluation evaluate_unit(const Scheme& scheme, const Unit& unit,
                         std::optional<Override> what_if = std::nullopt);

}  // namespace kc::assess
