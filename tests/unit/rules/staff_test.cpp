#include "rules/staff.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace kc::rules {
namespace {

using testing::d;

TEST(Staff, AnnualAveragesWhenNoMonths) {
  YearFacts y;
  y.employees = d("120");
  y.st_staff = d("18.5");
  const auto s = staff_averages(y);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->employees, Fraction::integer(120));
  EXPECT_EQ(s->st_staff, Fraction(37, 2));
  y.st_staff.reset();
  EXPECT_FALSE(staff_averages(y));
}

TEST(Staff, MonthlyFiguresDefineBothAverages) {
  YearFacts y;
  y.employees = d("999");  // ignored: months win
  y.st_staff = d("999");
  for (int m = 0; m < 12; ++m) y.staff_monthly.push_back({d("100"), d("100"), d("10"), d("10")});
  y.staff_monthly.back().st_end = d("9");  // last month averages 9.5
  const auto s = staff_averages(y);
  EXPECT_EQ(s->employees, Fraction::integer(100));
  EXPECT_EQ(s->st_staff, Fraction(239, 24));  // (11 × 20 + 19) / 24
}

TEST(Staff, ShortOperatingYearAveragesOverItsMonths) {
  YearFacts y;
  for (int m = 0; m < 6; ++m) y.staff_monthly.push_back({d("10"), d("20"), d("1"), d("3")});
  const auto s = staff_averages(y);
  EXPECT_EQ(s->employees, Fraction::integer(15));
  EXPECT_EQ(s->st_staff, Fraction::integer(2));
}

}  // namespace
}  // namespace kc::rules
