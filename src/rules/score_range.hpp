// The points an HTE innovation-capability score can reach given what the data already decides:
// IP quantity, transfers and growth fall in bands computed from the facts, each band a range of
// points the expert picks from; the other items are the expert's alone (policy-rules §1.9).
// Staff see whether the pass mark is within reach before the panel meets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/hte.hpp"
#include "rules/policy.hpp"

namespace kc::rules {

struct ScoreItemRange {
  std::string item;          // ip_quantity, transfer, growth_net_assets, …, or an expert item
  std::optional<char> band;  // the band the data gives; none for expert items and undecided growth
  PointRange points;
};

struct ScoreRange {
  std::vector<ScoreItemRange> items;
  int total_min = 0, total_max = 0;  // the IP items together capped at the policy's IP cap
};

ScoreRange hte_score_range(const HteScore& score, const HtePolicy& policy);

}  // namespace kc::rules
