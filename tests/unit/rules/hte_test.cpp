#include "rules/hte.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace kc::rules {
namespace {

using testing::d;
using testing::date;
using testing::hte_ok;

HteResult eval(const EnterpriseFacts& e, Date as_of = testing::kHteAsOf) {
  return evaluate_hte(e, testing::hte(), as_of);
}

CondStatus status(const HteResult& r, const char* code) {
  for (const auto& c : r.conditions)
    if (c.code == code) return c.status;
  ADD_FAILURE() << code;
  return CondStatus::unknown;
}

YearFacts& latest(EnterpriseFacts& e) { return e.years.back(); }

TEST(Hte, BaselineIsRecognised) {
  const auto r = eval(hte_ok());
  EXPECT_EQ(r.verdict, HteVerdict::recognised);
  EXPECT_TRUE(r.failed.empty());
  ASSERT_EQ(r.conditions.size(), 8u);
  EXPECT_EQ(r.score.ip_quantity, 'A');
  EXPECT_EQ(r.score.transfer, 'A');  // 15 / 3 = 5
  EXPECT_EQ(*r.score.total, Fraction::integer(71));
  EXPECT_NE(r.conditions[4].detail.zh.find("国科发火〔2016〕32号"), std::string::npos);
  EXPECT_NE(r.conditions[4].detail.en.find("art. 11(5)"), std::string::npos);
}

TEST(Hte, AgeCountsExactly365DaysAsEnough) {
  auto e = hte_ok();
  e.registered_on = date("2024-05-21");  // 364 days before 2025-05-20
  EXPECT_EQ(status(eval(e), "E1"), CondStatus::fail);
  e.registered_on = date("2024-05-20");  // exactly 365 days
  EXPECT_EQ(*eval(e).conditions[0].value, Fraction::integer(365));
  EXPECT_EQ(status(eval(e), "E1"), CondStatus::pass);
  e.resident = false;
  EXPECT_EQ(status(eval(e), "E1"), CondStatus::fail);
}

TEST(Hte, IpOwnershipAndMainProducts) {
  auto e = hte_ok();
  e.ip = {testing::ip(IpKind::trademark)};
  EXPECT_EQ(status(eval(e), "E2"), CondStatus::fail);
  e = hte_ok();
  latest(e).high_tech_revenue = d("3000");
  latest(e).ip_backed_revenue = d("1500");  // exactly 50% is not "more than 50%"
  EXPECT_EQ(status(eval(e), "E2"), CondStatus::fail);
  latest(e).ip_backed_revenue = d("1500.0001");
  EXPECT_EQ(status(eval(e), "E2"), CondStatus::pass);
  latest(e).ip_backed_revenue.reset();
  const auto r = eval(e);
  EXPECT_EQ(status(r, "E2"), CondStatus::unknown);
  EXPECT_EQ(r.verdict, HteVerdict::needs_review);
}

TEST(Hte, TechFieldNotJudgedNeedsReview) {
  auto e = hte_ok();
  e.tech_field.reset();
  const auto r = eval(e);
  EXPECT_EQ(status(r, "E3"), CondStatus::unknown);
  EXPECT_EQ(r.verdict, HteVerdict::needs_review);
}

TEST(Hte, StaffRatioAtTenPercentPasses) {
  auto e = hte_ok();
  latest(e).employees = d("180");
  latest(e).st_staff = d("18");
  EXPECT_EQ(status(eval(e), "E4"), CondStatus::pass);
  latest(e).st_staff = d("17.9999");
  EXPECT_EQ(status(eval(e), "E4"), CondStatus::fail);
  // Only the latest fiscal year counts.
  e.years[0].st_staff = d("0");
  latest(e).st_staff = d("18");
  EXPECT_EQ(status(eval(e), "E4"), CondStatus::pass);
}

TEST(Hte, RdTierFollowsLatestSalesWithInclusiveBounds) {
  auto e = hte_ok();
  // Latest sales 5,000 → 5% tier; 5,000.0001 → 4% tier.
  e.years[0].rd_total = d("200");
  e.years[1].rd_total = d("200");
  latest(e).sales_revenue = d("5000");
  latest(e).rd_total = d("200");  // 600 / 13,100 = 4.58%
  EXPECT_EQ(status(eval(e), "E5"), CondStatus::fail);
  EXPECT_EQ(*eval(e).conditions[4].threshold, testing::f("0.05"));
  latest(e).sales_revenue = d("5000.0001");
  EXPECT_EQ(status(eval(e), "E5"), CondStatus::pass);
  EXPECT_EQ(*eval(e).conditions[4].threshold, testing::f("0.04"));
}

TEST(Hte, RdRatioExactlyAtThresholdPasses) {
  auto e = hte_ok();
  // Sales 3800 + 4300 + 4000 = 12,100; 5% is 605.
  e.years[0].rd_total = d("200");
  e.years[1].rd_total = d("200");
  latest(e).rd_total = d("205");
  EXPECT_EQ(status(eval(e), "E5"), CondStatus::pass);
  latest(e).rd_total = d("204.9999");
  EXPECT_EQ(status(eval(e), "E5"), CondStatus::fail);
}

TEST(Hte, RdAboveTwentyThousandNeedsThreePercent) {
  auto e = hte_ok();
  for (auto& y : e.years) {
    y.sales_revenue = d("30000");
    y.rd_total = d("900");
    y.gross_income = d("30000");
    y.high_tech_revenue = d("30000");
  }
  EXPECT_EQ(status(eval(e), "E5"), CondStatus::pass);
  latest(e).rd_total = d("899.9999");
  EXPECT_EQ(status(eval(e), "E5"), CondStatus::fail);
}

TEST(Hte, DomesticShareAtSixtyPercentPasses) {
  auto e = hte_ok();
  for (auto& y : e.years) {
    RdBreakdown b;
    b.personnel = d("150");
    b.commissioned_foreign = d("125");  // 100 counted, all foreign
    y.rd = b;  // 250 collected, 150 in China = 60%
  }
  EXPECT_EQ(status(eval(e), "E5"), CondStatus::pass);
  latest(e).rd->personnel = d("149");
  EXPECT_EQ(status(eval(e), "E5"), CondStatus::fail);
}

TEST(Hte, ShortHistoryUsesOperatingYears) {
  auto e = hte_ok();
  e.registered_on = date("2023-03-01");
  e.years.erase(e.years.begin());  // 2023 and 2024 only
  const auto r = eval(e);
  EXPECT_EQ(r.figures.window.years(), (std::vector<int>{2023, 2024}));
  EXPECT_EQ(status(r, "E5"), CondStatus::pass);
  EXPECT_EQ(r.score.transfer, 'A');  // (5 + 5) / 2 operating years = 5
}

TEST(Hte, MissingYearInWindowIsUnknown) {
  auto e = hte_ok();
  e.years.erase(e.years.begin() + 1);  // 2023 missing
  const auto r = eval(e);
  EXPECT_EQ(status(r, "E5"), CondStatus::unknown);
  EXPECT_EQ(r.verdict, HteVerdict::needs_review);
}

TEST(Hte, HighTechRevenueShareAtSixtyPercent) {
  auto e = hte_ok();
  latest(e).gross_income = d("5230");
  latest(e).non_taxable_income = d("30");
  latest(e).high_tech_revenue = d("3120");  // 3120 / 5200 = 60%
  latest(e).ip_backed_revenue = d("3120");
  EXPECT_EQ(status(eval(e), "E6"), CondStatus::pass);
  latest(e).high_tech_revenue = d("3119.9999");
  EXPECT_EQ(status(eval(e), "E6"), CondStatus::fail);
}

TEST(Hte, ScorePassMarkIsStrictlyAboveSeventy) {
  auto e = hte_ok();
  e.expert_scores->rd_management = d("15");  // 70
  auto r = eval(e);
  EXPECT_EQ(status(r, "E7"), CondStatus::fail);
  EXPECT_EQ(r.verdict, HteVerdict::not_recognised);
  e.expert_scores->rd_management = d("15.2");
  EXPECT_EQ(status(eval(e), "E7"), CondStatus::pass);
  e.expert_scores.reset();
  e.panel_totals = {d("70"), d("71"), d("70"), d("69"), d("71")};  // mean 70.2
  r = eval(e);
  EXPECT_EQ(status(r, "E7"), CondStatus::pass);
  EXPECT_EQ(*r.score.total, Fraction(351, 5));
  e.panel_totals = {d("70"), d("70")};
  EXPECT_EQ(status(eval(e), "E7"), CondStatus::fail);
  e.panel_totals.clear();
  r = eval(e);
  EXPECT_EQ(status(r, "E7"), CondStatus::unknown);
  EXPECT_FALSE(r.score.total);
}

TEST(Hte, IpPointsAreCappedAtThirty) {
  auto e = hte_ok();
  e.expert_scores->ip_advancement = d("8");
  e.expert_scores->ip_core_support = d("8");
  e.expert_scores->ip_quantity = d("8");
  e.expert_scores->ip_acquisition = d("6");
  e.expert_scores->ip_standards_bonus = d("2");  // 32 → 30
  EXPECT_EQ(*eval(e).score.total, Fraction::integer(30 + 21 + 16 + 8));
}

TEST(Hte, NegativeGrowthBaseMakesE7UnknownButKeepsTheTotal) {
  auto e = hte_ok();
  e.years[0].net_assets = d("-100");
  const auto r = eval(e);
  EXPECT_EQ(status(r, "E7"), CondStatus::unknown);
  EXPECT_FALSE(r.score.growth_net_assets);
  EXPECT_EQ(*r.score.total, Fraction::integer(71));
  EXPECT_EQ(r.verdict, HteVerdict::needs_review);
  // A failure elsewhere still decides the verdict.
  e.tech_field.reset();
  latest(e).employees = d("1000");
  EXPECT_EQ(eval(e).verdict, HteVerdict::not_recognised);
}

TEST(Hte, IncidentWithinOneYearFails) {
  auto e = hte_ok();
  e.incidents = {{date("2024-05-20"), IncidentKind::safety}};  // exactly 365 days before
  EXPECT_EQ(status(eval(e), "E8"), CondStatus::fail);
  e.incidents = {{date("2024-05-19"), IncidentKind::quality}};
  EXPECT_EQ(status(eval(e), "E8"), CondStatus::pass);
  e.incidents = {{date("2025-01-01"), IncidentKind::research_misconduct}};  // not an HTE condition
  EXPECT_EQ(status(eval(e), "E8"), CondStatus::pass);
  e.incidents = {{date("2025-01-01"), IncidentKind::environment}};
  EXPECT_EQ(status(eval(e), "E8"), CondStatus::fail);
}

TEST(Hte, IpQuantityAndTransferBands) {
  auto e = hte_ok();
  e.ip.assign(5, testing::ip(IpKind::utility_model));
  EXPECT_EQ(eval(e).score.ip_quantity, 'B');
  e.ip.resize(4);
  EXPECT_EQ(eval(e).score.ip_quantity, 'C');
  e.ip.resize(2);
  EXPECT_EQ(eval(e).score.ip_quantity, 'D');
  e.ip.clear();
  EXPECT_EQ(eval(e).score.ip_quantity, 'E');
  e = hte_ok();
  for (auto& y : e.years) y.transfers = 1;
  EXPECT_EQ(eval(e).score.transfer, 'E');
  for (auto& y : e.years) y.transfers = 0;
  EXPECT_EQ(eval(e).score.transfer, 'F');
  e.years[0].transfers = 9;  // 9 / 3 = 3 → C
  EXPECT_EQ(eval(e).score.transfer, 'C');
}

TEST(Hte, FailedCodesAreAscending) {
  auto e = hte_ok();
  e.incidents = {{date("2025-01-01"), IncidentKind::safety}};
  e.registered_on = date("2025-01-01");
  latest(e).st_staff = d("1");
  const auto r = eval(e);
  ASSERT_GE(r.failed.size(), 3u);
  EXPECT_TRUE(std::is_sorted(r.failed.begin(), r.failed.end()));
  EXPECT_EQ(r.failed.front(), "E1");
  EXPECT_EQ(r.failed.back(), "E8");
}

TEST(Hte, ExplanationsCanBeSkippedForBatches) {
  const auto r = evaluate_hte(hte_ok(), testing::hte(), testing::kHteAsOf, {.explain = false});
  EXPECT_EQ(r.verdict, HteVerdict::recognised);
  EXPECT_TRUE(r.conditions[0].detail.zh.empty());
}

}  // namespace
}  // namespace kc::rules
