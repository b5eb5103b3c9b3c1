#include "rules/sme.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace kc::rules {
namespace {

using testing::d;
using testing::date;
using testing::sme_ok;

SmeResult eval(const EnterpriseFacts& e, Date as_of = testing::kSmeAsOf) {
  return evaluate_sme(e, testing::sme(), as_of);
}

YearFacts& data_year(EnterpriseFacts& e) { return e.years.front(); }

TEST(Sme, BaselineQualifiesByScoreAtSixty) {
  const auto r = eval(sme_ok());
  EXPECT_EQ(r.verdict, SmeVerdict::qualified);
  EXPECT_EQ(r.route, SmeRoute::score);
  EXPECT_EQ(r.score.total, 60);
  EXPECT_EQ(r.score.st_staff, 12);
  EXPECT_EQ(r.score.rd, 30);
  EXPECT_EQ(r.score.ip, 18);
  EXPECT_EQ(r.figures.data_year, 2024);
}

TEST(Sme, SizeCapsAreInclusive) {
  auto e = sme_ok();
  data_year(e).employees = d("500");
  data_year(e).st_staff = d("110");
  data_year(e).sales_revenue = d("20000");
  data_year(e).total_assets = d("20000");
  data_year(e).rd_total = d("840");
  EXPECT_EQ(eval(e).conditions[1].status, CondStatus::pass);
  data_year(e).total_assets = d("20000.0001");
  auto r = eval(e);
  EXPECT_EQ(r.conditions[1].status, CondStatus::fail);
  EXPECT_EQ(r.verdict, SmeVerdict::not_qualified);
  EXPECT_EQ(r.failed, std::vector<std::string>{"M2"});
  EXPECT_FALSE(r.route);
}

TEST(Sme, StaffBandsAndZeroFailsM5) {
  auto e = sme_ok();
  struct Case { const char* st; int points; };
  for (auto c : {Case{"60", 20}, Case{"59.9999", 16}, Case{"50", 16}, Case{"40", 12}, Case{"30", 8},
                 Case{"20", 4}, Case{"19.9999", 0}}) {
    data_year(e).st_staff = d(c.st);
    EXPECT_EQ(eval(e).score.st_staff, c.points) << c.st;
  }
  // Zero staff points fail M5 even when the total is high.
  e.ip = {testing::ip(IpKind::invention_patent)};
  data_year(e).rd_total = d("200");
  const auto r = eval(e);
  EXPECT_GE(r.score.total, 60);
  EXPECT_EQ(r.failed, std::vector<std::string>{"M5"});
}

TEST(Sme, BothRdOptionsTheHigherWinsAndTiesReportOne) {
  auto e = sme_ok();
  data_year(e).rd_total = d("120");           // 6% of sales → 50
  data_year(e).total_cost_expense = d("400");  // 30% of cost → 50: tie
  auto r = eval(e);
  EXPECT_EQ(r.score.rd, 50);
  EXPECT_EQ(r.score.rd_option, 1);
  data_year(e).rd_total = d("100");           // 5% → 40; 25% → 40: tie again
  EXPECT_EQ(eval(e).score.rd_option, 1);
  data_year(e).total_cost_expense = d("333.3333");  // 30.0000…% → 50 beats 40
  r = eval(e);
  EXPECT_EQ(r.score.rd, 50);
  EXPECT_EQ(r.score.rd_option, 2);
  data_year(e).rd_total = d("39.9999");  // just under 2% and 10%: 0 either way
  data_year(e).total_cost_expense = d("400");
  r = eval(e);
  EXPECT_EQ(r.score.rd, 0);
  data_year(e).rd_total = d("40");  // 2% → 10, 10% → 10
  EXPECT_EQ(eval(e).score.rd, 10);
}

TEST(Sme, IpPoints) {
  auto e = sme_ok();
  struct Case { int n; int points; };
  for (auto c : {Case{5, 24}, Case{4, 24}, Case{3, 18}, Case{2, 12}, Case{1, 6}, Case{0, 0}}) {
    e.ip.assign(static_cast<std::size_t>(c.n), testing::ip(IpKind::software_copyright));
    EXPECT_EQ(eval(e).score.ip, c.points) << c.n;
  }
  e.ip = {testing::ip(IpKind::plant_variety)};
  EXPECT_EQ(eval(e).score.ip, 30);
}

TEST(Sme, DataYearIsTheYearBeforeAsOf) {
  auto e = sme_ok();
  const auto r = eval(e, date("2026-03-31"));  // needs 2025, which is absent
  EXPECT_EQ(r.conditions[1].status, CondStatus::unknown);
  EXPECT_EQ(r.conditions[4].status, CondStatus::unknown);
  EXPECT_EQ(r.verdict, SmeVerdict::needs_review);
  EXPECT_FALSE(r.route);
}

TEST(Sme, CleanRecordCoversLastYearAndThisYear) {
  auto e = sme_ok();
  e.incidents = {{date("2024-01-01"), IncidentKind::research_misconduct}};
  EXPECT_EQ(eval(e).conditions[3].status, CondStatus::fail);
  e.incidents = {{date("2023-12-31"), IncidentKind::safety}};
  EXPECT_EQ(eval(e).conditions[3].status, CondStatus::pass);
  e.incidents.clear();
  e.abnormal_operation_list = true;
  EXPECT_EQ(eval(e).conditions[3].status, CondStatus::fail);
}

TEST(Sme, M1ToM4FailingStillJudgesM5) {
  auto e = sme_ok();
  e.prohibited_industry = true;
  e.resident = false;
  e.ip.clear();  // score 42 → M5 fails too
  const auto r = eval(e);
  EXPECT_EQ(r.verdict, SmeVerdict::not_qualified);
  EXPECT_EQ(r.failed, (std::vector<std::string>{"M1", "M3", "M5"}));
}

TEST(Sme, DirectRoutesNeedM1ToM4) {
  auto e = sme_ok();
  e.ip.clear();  // the score alone would fail M5
  e.hte_certificate_issued_on = date("2022-12-01");
  auto r = eval(e);
  EXPECT_EQ(r.verdict, SmeVerdict::qualified);
  EXPECT_EQ(r.route, SmeRoute::direct_hte);
  EXPECT_TRUE(r.failed.empty());
  EXPECT_EQ(r.score.total, 42);  // still computed and reported
  e.hte_certificate_issued_on = date("2022-03-31");  // expired at as_of (3 years)
  EXPECT_NE(eval(e).route, SmeRoute::direct_hte);

  e.hte_certificate_issued_on.reset();
  e.awards = {{"national", 2021, 3}};
  EXPECT_EQ(eval(e).route, SmeRoute::direct_award);
  e.awards = {{"national", 2021, 4}};
  EXPECT_FALSE(eval(e).route);
  e.awards.clear();

  e.rd_institutions = {{InstitutionLevel::provincial, InstitutionKind::enterprise_tech_centre}};
  EXPECT_EQ(eval(e).route, SmeRoute::direct_institution);
  e.rd_institutions = {{InstitutionLevel::municipal, InstitutionKind::key_lab}};
  EXPECT_FALSE(eval(e).route);
  e.rd_institutions.clear();

  e.standards = {{StandardLevel::industry, date("2020-03-31"), 5}};
  EXPECT_EQ(eval(e).route, SmeRoute::direct_standard);
  e.standards = {{StandardLevel::industry, date("2020-03-30"), 5}};  // more than 5 years ago
  EXPECT_FALSE(eval(e).route);
  e.standards = {{StandardLevel::national, date("2024-01-01"), 6}};  // not among the first 5
  EXPECT_FALSE(eval(e).route);

  // M2 failing blocks a direct route.
  e.standards = {{StandardLevel::national, date("2024-01-01"), 1}};
  data_year(e).employees = d("501");
  r = eval(e);
  EXPECT_EQ(r.verdict, SmeVerdict::not_qualified);
  EXPECT_FALSE(r.route);
  EXPECT_EQ(r.failed, (std::vector<std::string>{"M2", "M5"}));
}

TEST(Sme, MonthlyStaffFiguresAreUsed) {
  auto e = sme_ok();
  for (int m = 0; m < 12; ++m) data_year(e).staff_monthly.push_back({d("100"), d("100"), d("30"), d("30")});
  EXPECT_EQ(eval(e).score.st_staff, 20);
}

}  // namespace
}  // namespace kc::rules
