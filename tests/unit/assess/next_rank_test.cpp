// next_rank (spec/assessment.md §6) as a property: at x' the unit's rounded total exceeds T, and
// 1e-6 × max(1, |x'|) further back it does not (x' is within the spec's precision of the
// boundary); a null means that no value, however large or small, achieves the move.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "assess/evaluate.hpp"
#include "assess/next_rank.hpp"
#include "assess/parse.hpp"
#include "assess/rounding.hpp"

namespace {

using namespace kc::assess;

bool exceeds(const Input& in, const Unit& u, std::size_t node, double raw, std::int64_t t) {
  const auto total = evaluate_unit(in.scheme, u, Override{node, raw}).total;
  return total && micro_units(*total) > t;
}

// Checks every indicator node of the second unit against the first unit's rounded total.
void check_moves(const std::string& text) {
  auto parsed = parse_input(text);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const Input& in = parsed.value();
  const auto leader = evaluate_unit(in.scheme, in.units[0]).total;
  ASSERT_TRUE(leader);
  const std::int64_t t = micro_units(*leader);
  const Unit& u = in.units[1];
  for (std::size_t i = 0; i < in.scheme.nodes.size(); ++i) {
    const Node& n = in.scheme.nodes[i];
    if (!n.is_indicator) continue;
    const auto x = next_rank_value(in.scheme, u, i, t);
    if (!x) {
      for (const double far : {-1e12, -1.0, 1e-6, 1.0, 1e12})
        EXPECT_FALSE(exceeds(in, u, i, far, t)) << n.code << ": null, but " << far << " moves it";
      continue;
    }
    EXPECT_TRUE(exceeds(in, u, i, *x, t)) << n.code << ": " << *x << " does not move it";
    const double back = 1e-6 * std::max(1.0, std::fabs(*x)) * (n.direction == 1 ? -1 : 1);
    EXPECT_FALSE(exceeds(in, u, i, *x + back, t)) << n.code << ": " << *x << " is not near the boundary";
  }
}

TEST(AssessNextRank, UncappedTargetRatiosInBothDirections) {
  check_moves(R"({"scheme": {"code": "s", "method": "target_ratio", "nodes": [
      {"code": "up", "parent": null, "indicator": "up", "target": 3, "cap": null},
      {"code": "down", "parent": null, "indicator": "down", "target": 0.7, "direction": -1, "cap": null, "weight": 2}]},
    "units": [{"code": "a", "values": {"up": 3.3, "down": 0.6}},
              {"code": "b", "values": {"up": 2.9, "down": 0.8}}]})");
}

TEST(AssessNextRank, CapsThatSaturateGiveNull) {
  check_moves(R"({"scheme": {"code": "s", "method": "target_ratio", "nodes": [
      {"code": "up", "parent": null, "indicator": "up", "target": 3},
      {"code": "down", "parent": null, "indicator": "down", "target": 0.7, "direction": -1}]},
    "units": [{"code": "a", "values": {"up": 3.3, "down": 0.6}},
              {"code": "b", "values": {"up": 2.0, "down": 0.9}}]})");
}

TEST(AssessNextRank, GrowthAndChangeUnderReweightWithAMissingValue) {
  check_moves(R"({"scheme": {"code": "s", "method": "target_ratio", "missing": "reweight", "nodes": [
      {"code": "g", "parent": null, "indicator": "g", "transform": "growth", "target": 10, "cap": 150},
      {"code": "c", "parent": null, "indicator": "c", "transform": "change", "target": 2},
      {"code": "l", "parent": null, "indicator": "l", "target": 5, "cap": null}]},
    "units": [{"code": "a", "values": {"g": 115, "c": 12, "l": 5}, "previous": {"g": 100, "c": 10}},
              {"code": "b", "values": {"g": 112, "c": 11.8, "l": null}, "previous": {"g": 100, "c": 10}}]})");
}

TEST(AssessNextRank, BaseIndicesAndPointsWithBandsAndBonus) {
  check_moves(R"({"scheme": {"code": "s", "method": "base_index", "nodes": [
      {"code": "x", "parent": null, "indicator": "x"},
      {"code": "y", "parent": null, "indicator": "y", "direction": -1, "cap": 130}]},
    "units": [{"code": "a", "values": {"x": 3, "y": 1}, "base": {"x": 2, "y": 1.2}},
              {"code": "b", "values": {"x": 2.5, "y": 1.1}, "base": {"x": 2, "y": 1.2}}]})");
  check_moves(R"({"scheme": {"code": "s", "method": "points", "nodes": [
      {"code": "p", "parent": null, "indicator": "p", "target": 6, "points": 2,
       "bands": [{"from": 1.0, "share": 1.0}, {"from": 0.8, "share": 0.6}]},
      {"code": "q", "parent": null, "indicator": "q", "target": 20, "points": 2,
       "bonus": {"per": 0.1, "points": 0.2, "max": 0.4}},
      {"code": "r", "parent": null, "indicator": "r", "target": 4, "points": 1, "direction": -1}]},
    "units": [{"code": "a", "values": {"p": 6, "q": 22, "r": 4}},
              {"code": "b", "values": {"p": 5, "q": 20, "r": 5}}]})");
}

}  // namespace
