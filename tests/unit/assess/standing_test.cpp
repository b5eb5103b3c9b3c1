// Veto conditions, ranks and grades (spec/assessment.md §5, §9) on small schemes; the reference
// examples exercise `falls` only, so the other tests and their edges are checked here.
#include <gtest/gtest.h>

#include <string>

#include "assess/parse.hpp"
#include "assess/rounding.hpp"
#include "assess/standing.hpp"

namespace {

using kc::assess::Input;

// One indicator "r" (target 10, `direction`) and one veto with the single condition `cond`.
Input with_condition(const std::string& cond, int direction = 1) {
  const std::string text = R"({"scheme": {"code": "s", "method": "target_ratio",
      "nodes": [{"code": "r", "parent": null, "indicator": "r", "target": 10, "direction": )" +
                           std::to_string(direction) + R"(}],
      "vetoes": [{"code": "v", "all": [)" + cond + R"(]}]},
    "units": []})";
  auto r = kc::assess::parse_input(text);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.value();
}

bool applies(const Input& in, std::optional<double> value, std::optional<double> previous) {
  kc::assess::Unit u{"u", {{"r", value}}, {{"r", previous}}, {}};
  return kc::assess::veto_applies(in.scheme, in.scheme.vetoes.at(0), u);
}

TEST(AssessVetoes, Falls) {
  const auto in = with_condition(R"({"indicator": "r", "test": "falls"})");
  EXPECT_TRUE(applies(in, 2.5, 2.6));
  EXPECT_FALSE(applies(in, 2.6, 2.6));  // unchanged is not a fall
  EXPECT_FALSE(applies(in, 2.5, std::nullopt));
  EXPECT_FALSE(applies(in, std::nullopt, 2.6));
}

TEST(AssessVetoes, GrowthBelowIsExactAtTheValue) {
  const auto in = with_condition(R"({"indicator": "r", "test": "growth_below", "value": 5})");
  EXPECT_TRUE(applies(in, 104, 100));
  EXPECT_FALSE(applies(in, 105, 100));     // exactly 5% is not below 5%
  EXPECT_FALSE(applies(in, 3.78, 3.6));    // … although (3.78 / 3.6 − 1) × 100 < 5 in binary
  EXPECT_FALSE(applies(in, 104, 0));       // previous ≤ 0: not computable, false
  EXPECT_FALSE(applies(in, 104, std::nullopt));
}

TEST(AssessVetoes, BelowTargetFollowsTheDirection) {
  const auto up = with_condition(R"({"indicator": "r", "test": "below_target"})");
  EXPECT_TRUE(applies(up, 9.99, std::nullopt));
  EXPECT_FALSE(applies(up, 10, std::nullopt));
  const auto down = with_condition(R"({"indicator": "r", "test": "below_target"})", -1);
  EXPECT_TRUE(applies(down, 10.01, std::nullopt));
  EXPECT_FALSE(applies(down, 10, std::nullopt));
  EXPECT_FALSE(applies(down, std::nullopt, std::nullopt));
}

TEST(AssessVetoes, Below) {
  const auto in = with_condition(R"({"indicator": "r", "test": "below", "value": 3})");
  EXPECT_TRUE(applies(in, 2.99, std::nullopt));
  EXPECT_FALSE(applies(in, 3, std::nullopt));
  EXPECT_FALSE(applies(in, std::nullopt, std::nullopt));
}

TEST(AssessRanks, CompetitionRanksSkipAfterTies) {
  const auto r = kc::assess::competition_ranks({90, 80, std::nullopt, 80, 70});
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0], 1);
  EXPECT_EQ(r[1], 2);
  EXPECT_EQ(r[2], std::nullopt);
  EXPECT_EQ(r[3], 2);
  EXPECT_EQ(r[4], 4);
}

TEST(AssessGrades, TheFirstGradeWhoseMinimumTheRoundedTotalReaches) {
  auto in = kc::assess::parse_input(R"({"scheme": {"code": "s", "method": "target_ratio",
      "nodes": [{"code": "r", "parent": null, "indicator": "r", "target": 10}],
      "grades": [{"grade": "good", "min": 90}, {"grade": "pass", "min": 60}, {"grade": "fail", "min": null}]},
    "units": []})");
  ASSERT_TRUE(in.ok());
  using kc::assess::micro_units;
  EXPECT_EQ(kc::assess::grade_of(in->scheme, micro_units(90)), 0u);
  EXPECT_EQ(kc::assess::grade_of(in->scheme, micro_units(89.9999995)), 0u);  // rounds to 90
  EXPECT_EQ(kc::assess::grade_of(in->scheme, micro_units(89.9999994)), 1u);
  EXPECT_EQ(kc::assess::grade_of(in->scheme, micro_units(-5)), 2u);
  EXPECT_EQ(kc::assess::grade_of(in->scheme, std::nullopt), std::nullopt);
}

}  // namespace
