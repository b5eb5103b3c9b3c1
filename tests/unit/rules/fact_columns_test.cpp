#include "rules/fact_columns.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace kc::rules {
namespace {

using testing::d;
using testing::date;

TEST(FactColumns, YearsAreContiguousPerEnterpriseAndOnlyTheRangeIsKept) {
  FactColumns c(2022, 2024);
  EnterpriseFacts a = testing::hte_ok();  // 2022–2024
  a.years.push_back(testing::year(2019, "999", "1", "1"));
  EnterpriseFacts b = testing::sme_ok();  // 2024 only
  EXPECT_EQ(c.add(a), 0u);
  EXPECT_EQ(c.add(b), 1u);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c.year_count(), 3);
  EXPECT_EQ(c.slot(1, 2022), 3u);
  EXPECT_EQ(c.year_has.size(), 6u);
  EXPECT_EQ(c.sales[c.slot(0, 2023)], d("4300").units());
  EXPECT_EQ(c.sales[c.slot(1, 2024)], d("2000").units());
  EXPECT_FALSE(c.year_has[c.slot(1, 2022)] & FactColumns::kYear);  // b has no 2022
  EXPECT_TRUE(c.year_has[c.slot(0, 2024)] & FactColumns::kRdTotal);
  EXPECT_FALSE(c.year_has[c.slot(0, 2024)] & FactColumns::kRdBreakdown);
  EXPECT_TRUE(c.fallbacks().empty());
  EXPECT_EQ(c.registered[0], date("2019-06-01").days_since_epoch());
  EXPECT_TRUE(c.flags[0] & FactColumns::kExpert);
  EXPECT_FALSE(c.flags[1] & FactColumns::kExpert);
  EXPECT_EQ(c.ip_begin, (std::vector<std::uint32_t>{0, 1, 4}));
}

TEST(FactColumns, FirstEntryOfADuplicateYearWins) {
  FactColumns c(2024, 2024);
  EnterpriseFacts e = testing::sme_ok();
  e.years.push_back(e.years.front());
  e.years.back().sales_revenue = d("1");
  c.add(e);
  EXPECT_EQ(c.sales[0], d("2000").units());
}

TEST(FactColumns, MonthlyStaffBecomesSumsOverTwiceTheMonths) {
  FactColumns c(2024, 2024);
  EnterpriseFacts e = testing::sme_ok();
  e.years.front().staff_monthly = {{d("100"), d("110"), d("10"), d("12")},
                                   {d("110"), d("120"), d("12"), d("14")}};
  c.add(e);
  EXPECT_EQ(c.employees[0], d("440").units());
  EXPECT_EQ(c.st_staff[0], d("48").units());
  EXPECT_EQ(c.staff_divisor[0], 4);  // averages 110 and 12
}

TEST(FactColumns, AwardLevelsAreInterned) {
  FactColumns c(2024, 2024);
  EnterpriseFacts e = testing::sme_ok();
  e.awards = {{"national", 2023, 1}, {"provincial", 2023, 1}, {"national", 2022, 2}};
  c.add(e);
  EXPECT_EQ(c.award_levels, (std::vector<std::string>{"national", "provincial"}));
  ASSERT_EQ(c.awards.size(), 3u);
  EXPECT_EQ(c.awards[2].level, 0u);
  EXPECT_EQ(c.awards[2].rank, 2);
}

TEST(FactColumns, FiguresOutsideTheExactRangeMakeFallbackRows) {
  FactColumns c(2022, 2024);
  EnterpriseFacts big = testing::hte_ok();
  big.years[1].rd = RdBreakdown{};
  big.years[1].rd->other = Decimal::from_units(-Decimal::kMaxUnits - 1);
  EnterpriseFacts months = testing::hte_ok();
  months.years[2].staff_monthly.assign(13, StaffMonth{d("10"), d("10"), d("1"), d("1")});
  EnterpriseFacts at_bound = testing::hte_ok();
  at_bound.years[0].total_assets = Decimal::from_units(Decimal::kMaxUnits);
  c.add(big);
  c.add(months);
  c.add(at_bound);
  ASSERT_EQ(c.fallbacks().size(), 2u);
  EXPECT_EQ(c.fallbacks()[0].row, 0u);
  EXPECT_EQ(c.fallbacks()[1].row, 1u);
  EXPECT_EQ(c.fallbacks()[1].facts.years[2].staff_monthly.size(), 13u);
  EXPECT_FALSE(c.flags[2] & FactColumns::kFallback);
  // Fallback rows keep the arrays aligned.
  EXPECT_EQ(c.size(), 3u);
  EXPECT_EQ(c.year_has.size(), 9u);
  EXPECT_EQ(c.ip_begin.size(), 4u);
}

}  // namespace
}  // namespace kc::rules
