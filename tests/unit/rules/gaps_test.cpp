// Gap analysis: every suggestion, applied to the facts, makes the failed condition pass, and the
// amounts are the smallest on the yuan grid (one yuan less still fails).
#include "rules/gaps.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace kc::rules {
namespace {

using testing::d;
using testing::date;

const Gap* find_gap(const std::vector<Gap>& gs, const char* code, const char* field) {
  for (const auto& g : gs)
    if (g.code == code && g.field == field) return &g;
  return nullptr;
}

CondStatus status(const HteResult& r, const char* code) {
  for (const auto& c : r.conditions)
    if (c.code == code) return c.status;
  return CondStatus::unknown;
}

HteResult hte_eval(const EnterpriseFacts& e, Date as_of = testing::kHteAsOf) {
  return evaluate_hte(e, testing::hte(), as_of);
}

std::vector<Gap> hte_gaps_of(const EnterpriseFacts& e, Date as_of = testing::kHteAsOf) {
  return hte_gaps(e, testing::hte(), as_of, hte_eval(e, as_of));
}

// Adds `amount` of domestic internal R&D to the latest year of the window.
void add_rd(EnterpriseFacts& e, int year, Decimal amount) {
  for (auto& y : e.years)
    if (y.year == year) y.rd_total = *y.rd_total + amount;
}

TEST(Gaps, NothingToSuggestWhenEverythingPasses) {
  EXPECT_TRUE(hte_gaps_of(testing::hte_ok()).empty());
  const auto e = testing::sme_ok();
  EXPECT_TRUE(sme_gaps(e, testing::sme(), testing::kSmeAsOf,
                       evaluate_sme(e, testing::sme(), testing::kSmeAsOf))
                  .empty());
}

TEST(Gaps, RdIntensityRiseIsTheSmallestThatPasses) {
  auto e = testing::hte_ok();
  for (auto& y : e.years) y.rd_total = d("150");  // 450 / 12,100; 5% needs 605
  const auto gaps = hte_gaps_of(e);
  const Gap* g = find_gap(gaps, "E5", "rd");
  ASSERT_TRUE(g);
  EXPECT_EQ(*g->amount, d("155"));
  EXPECT_EQ(g->years, (std::vector<int>{2022, 2023, 2024}));
  EXPECT_EQ(g->text.en, "R&D spending in China over 2022–2024 must rise by 155 万元");
  auto less = e;
  add_rd(less, 2024, *g->amount - Decimal::from_units(1));
  EXPECT_EQ(status(hte_eval(less), "E5"), CondStatus::fail);
  add_rd(e, 2024, *g->amount);
  EXPECT_EQ(status(hte_eval(e), "E5"), CondStatus::pass);
}

TEST(Gaps, RdGapRoundsUpToTheYuan) {
  auto e = testing::hte_ok();
  e.years[0].sales_revenue = d("3800.0001");  // 5% of 12,100.0001 = 605.000005
  for (auto& y : e.years) y.rd_total = d("200");
  const auto gaps = hte_gaps_of(e);
  const Gap* g = find_gap(gaps, "E5", "rd");
  ASSERT_TRUE(g);
  EXPECT_EQ(*g->amount, d("5.0001"));
  add_rd(e, 2024, *g->amount);
  EXPECT_EQ(status(hte_eval(e), "E5"), CondStatus::pass);
}

TEST(Gaps, DomesticShareGapCountsBothSides) {
  auto e = testing::hte_ok();
  for (auto& y : e.years) {
    RdBreakdown b;
    b.personnel = d("100");
    b.commissioned_foreign = d("125");  // 100 counted: 50% in China
    y.rd = b;
  }
  const auto gaps = hte_gaps_of(e);
  const Gap* g = find_gap(gaps, "E5", "rd");
  ASSERT_TRUE(g);
  // (300 + x) / (600 + x) ≥ 0.6 → x ≥ 150.
  EXPECT_EQ(*g->amount, d("150"));
  e.years.back().rd->personnel = e.years.back().rd->personnel + *g->amount;
  EXPECT_EQ(status(hte_eval(e), "E5"), CondStatus::pass);
}

TEST(Gaps, StaffGapInWholePeople) {
  auto e = testing::hte_ok();
  e.years.back().employees = d("200");
  e.years.back().st_staff = d("18");  // needs 20
  const auto gaps = hte_gaps_of(e);
  const Gap* g = find_gap(gaps, "E4", "st_staff");
  ASSERT_TRUE(g);
  EXPECT_EQ(*g->count, 2);
  EXPECT_EQ(g->text.en, "2 more S&T staff on annual average in 2024 (same head count)");
  e.years.back().st_staff = *e.years.back().st_staff + Decimal::from_int(*g->count);
  EXPECT_EQ(status(hte_eval(e), "E4"), CondStatus::pass);
}

TEST(Gaps, HighTechRevenueAndMainProducts) {
  auto e = testing::hte_ok();
  auto& y = e.years.back();
  y.gross_income = d("5050");
  y.non_taxable_income = d("50");  // total income 5,000
  y.high_tech_revenue = d("2999.5");
  y.ip_backed_revenue = d("1499.75");  // exactly half: fails E2
  auto gaps = hte_gaps_of(e);
  const Gap* g6 = find_gap(gaps, "E6", "high_tech_revenue");
  const Gap* g2 = find_gap(gaps, "E2", "ip_backed_revenue");
  ASSERT_TRUE(g6);
  ASSERT_TRUE(g2);
  EXPECT_EQ(*g6->amount, d("0.5"));
  EXPECT_EQ(*g2->amount, d("0.0001"));
  y.high_tech_revenue = *y.high_tech_revenue + *g6->amount;
  y.ip_backed_revenue = *y.ip_backed_revenue + *g2->amount + *g6->amount;
  const auto r = hte_eval(e);
  EXPECT_EQ(status(r, "E6"), CondStatus::pass);
  EXPECT_EQ(status(r, "E2"), CondStatus::pass);
}

TEST(Gaps, NoIpAtAll) {
  auto e = testing::hte_ok();
  e.ip.clear();
  const auto gaps = hte_gaps_of(e);
  const Gap* g = find_gap(gaps, "E2", "ip");
  ASSERT_TRUE(g);
  EXPECT_EQ(*g->count, 1);
  e.ip.push_back(testing::ip(IpKind::software_copyright));
  EXPECT_EQ(status(hte_eval(e), "E2"), CondStatus::pass);
}

TEST(Gaps, ScoreAndDates) {
  auto e = testing::hte_ok();
  e.expert_scores->rd_management = d("14.5");  // 69.5
  e.registered_on = date("2024-06-01");
  e.incidents = {{date("2024-10-01"), IncidentKind::safety}};
  const auto gaps = hte_gaps_of(e);
  const Gap* g7 = find_gap(gaps, "E7", "expert_scores");
  const Gap* g1 = find_gap(gaps, "E1", "as_of");
  const Gap* g8 = find_gap(gaps, "E8", "as_of");
  ASSERT_TRUE(g7 && g1 && g8);
  EXPECT_EQ(*g7->count, 1);
  EXPECT_EQ(*g1->date, date("2025-06-01"));
  EXPECT_EQ(*g8->date, date("2025-10-02"));
  e.expert_scores->rd_management = e.expert_scores->rd_management + Decimal::from_int(*g7->count);
  const auto later = hte_eval(e, *g8->date);
  EXPECT_EQ(status(later, "E7"), CondStatus::pass);
  EXPECT_EQ(status(later, "E1"), CondStatus::pass);
  EXPECT_EQ(status(later, "E8"), CondStatus::pass);
  EXPECT_EQ(status(hte_eval(e, g8->date->add_days(-1)), "E8"), CondStatus::fail);
}

SmeResult sme_eval(const EnterpriseFacts& e) {
  return evaluate_sme(e, testing::sme(), testing::kSmeAsOf);
}

std::vector<Gap> sme_gaps_of(const EnterpriseFacts& e) {
  return sme_gaps(e, testing::sme(), testing::kSmeAsOf, sme_eval(e));
}

TEST(Gaps, SmeScoreAlternativesEachSuffice) {
  auto e = testing::sme_ok();
  e.ip.pop_back();  // 54 points, like M-01
  const auto gaps = sme_gaps_of(e);
  ASSERT_EQ(sme_eval(e).verdict, SmeVerdict::not_qualified);
  const Gap* staff = find_gap(gaps, "M5", "st_staff");
  const Gap* rd = find_gap(gaps, "M5", "rd");
  const Gap* ip = find_gap(gaps, "M5", "ip");
  ASSERT_TRUE(staff && rd && ip);
  EXPECT_EQ(*staff->count, 16);  // 60 of 200 = 30% → 20 points
  EXPECT_EQ(*rd->amount, d("16"));  // 100 / 2,000 = 5% → 40 points
  EXPECT_EQ(*ip->count, 1);
  {
    auto x = e;
    x.years[0].st_staff = *x.years[0].st_staff + Decimal::from_int(*staff->count);
    EXPECT_EQ(sme_eval(x).verdict, SmeVerdict::qualified);
  }
  {
    auto x = e;
    x.years[0].rd_total = *x.years[0].rd_total + *rd->amount;
    EXPECT_EQ(sme_eval(x).verdict, SmeVerdict::qualified);
    x.years[0].rd_total = *x.years[0].rd_total - Decimal::from_units(1);
    EXPECT_EQ(sme_eval(x).verdict, SmeVerdict::not_qualified);
  }
  {
    auto x = e;
    for (int i = 0; i < *ip->count; ++i) x.ip.push_back(testing::ip(IpKind::utility_model));
    EXPECT_EQ(sme_eval(x).verdict, SmeVerdict::qualified);
  }
}

TEST(Gaps, SmeZeroStaffScoreComesFirst) {
  auto e = testing::sme_ok();
  e.years[0].st_staff = d("19");  // 9.5% → 0 points
  e.ip = {testing::ip(IpKind::invention_patent)};  // 0 + 30 + 30 = 60 but staff is 0
  const auto gaps = sme_gaps_of(e);
  ASSERT_FALSE(gaps.empty());
  EXPECT_EQ(gaps[0].field, "st_staff");
  EXPECT_EQ(*gaps[0].count, 1);
  e.years[0].st_staff = *e.years[0].st_staff + Decimal::from_int(*gaps[0].count);
  EXPECT_EQ(sme_eval(e).verdict, SmeVerdict::qualified);
}

TEST(Gaps, SmeSizeCapsSayByHowMuch) {
  auto e = testing::sme_ok();
  e.years[0].employees = d("503");
  e.years[0].st_staff = d("160");
  e.years[0].total_assets = d("20000.5");
  const auto gaps = sme_gaps_of(e);
  const Gap* emp = find_gap(gaps, "M2", "employees");
  const Gap* assets = find_gap(gaps, "M2", "total_assets");
  ASSERT_TRUE(emp && assets);
  EXPECT_EQ(*emp->count, -3);
  EXPECT_EQ(*assets->amount, d("-0.5"));
  e.years[0].employees = *e.years[0].employees + Decimal::from_int(*emp->count);
  e.years[0].total_assets = *e.years[0].total_assets + *assets->amount;
  EXPECT_EQ(sme_eval(e).conditions[1].status, CondStatus::pass);
}

TEST(Gaps, AFirmFarBeyondTheSizeCapsGetsOnePlainSentence) {
  auto e = testing::sme_ok();
  e.years[0].employees = d("7590");  // like enterprise 690 of the demo: fifteen times the cap
  e.years[0].st_staff = d("2000");
  e.ip.pop_back();  // M5 fails too, but advice on it would be as idle
  const auto gaps = sme_gaps_of(e);
  ASSERT_EQ(sme_eval(e).conditions[1].status, CondStatus::fail);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].code, "M2");
  EXPECT_EQ(gaps[0].field, "size");
  EXPECT_FALSE(gaps[0].fixable);
  EXPECT_FALSE(gaps[0].count.has_value());
  EXPECT_NE(gaps[0].text.zh.find("不是科技型中小企业的评价对象"), std::string::npos);
  EXPECT_NE(gaps[0].text.en.find("not a candidate"), std::string::npos);
}

TEST(Gaps, WithinATenthOfASizeCapTheGapIsStillArithmetic) {
  auto e = testing::sme_ok();
  e.years[0].employees = d("550");  // exactly 10 % over: still a firm that could shrink under it
  e.years[0].st_staff = d("170");
  const auto gaps = sme_gaps_of(e);
  const Gap* emp = find_gap(gaps, "M2", "employees");
  ASSERT_TRUE(emp);
  EXPECT_EQ(*emp->count, -50);
  EXPECT_EQ(find_gap(gaps, "M2", "size"), nullptr);
  e.years[0].employees = d("551");
  EXPECT_NE(find_gap(sme_gaps_of(e), "M2", "size"), nullptr);
}

TEST(Gaps, UnfixableConditionsSaySo) {
  auto e = testing::sme_ok();
  e.resident = false;
  const auto gaps = sme_gaps_of(e);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_FALSE(gaps[0].fixable);
}

}  // namespace
}  // namespace kc::rules
