#include "domain/date.hpp"

#include <gtest/gtest.h>

namespace kc::domain {
namespace {

Date d(const char* s) { return *Date::parse(s); }

TEST(Date, ParsesAndFormatsIsoDates) {
  const auto x = Date::parse("2024-02-29");
  ASSERT_TRUE(x);
  EXPECT_EQ(x->year(), 2024);
  EXPECT_EQ(x->month(), 2);
  EXPECT_EQ(x->day(), 29);
  EXPECT_EQ(x->to_string(), "2024-02-29");
  EXPECT_EQ(d("1970-01-01").days_since_epoch(), 0);
  EXPECT_EQ(d("2000-03-01").to_string(), "2000-03-01");
}

TEST(Date, RejectsWhatIsNotADate) {
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-4-01",
                          "2024/04/01", "20240401", "", "2024-04-01T00:00:00Z", " 2024-04-01",
                          "1900-02-29", "abcd-ef-gh", "0999-01-01"})
    EXPECT_FALSE(Date::parse(bad)) << bad;
  EXPECT_TRUE(Date::parse("2000-02-29"));  // divisible by 400
}

TEST(Date, DayDifferencesAcrossLeapYears) {
  EXPECT_EQ(days_between(d("2024-05-20"), d("2025-05-20")), 365);
  EXPECT_EQ(days_between(d("2023-05-20"), d("2024-05-20")), 366);
  EXPECT_EQ(days_between(d("2025-05-20"), d("2024-05-20")), -365);
  EXPECT_EQ(d("2024-12-31").add_days(1), d("2025-01-01"));
}

TEST(Date, AddMonthsAndYearsClampToMonthEnd) {
  EXPECT_EQ(d("2024-02-29").add_years(1), d("2025-02-28"));
  EXPECT_EQ(d("2024-02-29").add_years(4), d("2028-02-29"));
  EXPECT_EQ(d("2025-01-31").add_months(1), d("2025-02-28"));
  EXPECT_EQ(d("2025-03-31").add_months(-1), d("2025-02-28"));
  EXPECT_EQ(d("2025-11-15").add_months(3), d("2026-02-15"));
  EXPECT_EQ(d("2025-01-15").add_months(-13), d("2023-12-15"));
  EXPECT_EQ(d("2025-03-31").add_years(-5), d("2020-03-31"));
}

TEST(Date, Compares) {
  EXPECT_LT(d("2024-12-31"), d("2025-01-01"));
  EXPECT_EQ(d("2025-01-01"), *Date::from_ymd(2025, 1, 1));
  EXPECT_FALSE(Date::from_ymd(2025, 2, 29));
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_EQ(days_in_month(2024, 2), 29);
}

}  // namespace
}  // namespace kc::domain
