#include "rules/rd_expenses.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace kc::rules {
namespace {

using testing::d;
using testing::f;

YearFacts with(RdBreakdown b) {
  YearFacts y;
  y.year = 2024;
  y.rd = b;
  return y;
}

TEST(RdExpenses, ShortcutIsAllInternal) {
  YearFacts y;
  y.rd_total = d("208.5");
  const auto c = collect_rd(y, testing::hte().rd_collection);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->total, f("208.5"));
  EXPECT_EQ(c->domestic, f("208.5"));
}

TEST(RdExpenses, AbsentWhenNoFigures) {
  EXPECT_FALSE(collect_rd(YearFacts{}, testing::hte().rd_collection));
}

TEST(RdExpenses, OtherCappedAtAQuarterOfTheRestForHte) {
  RdBreakdown b;
  b.personnel = d("80");
  b.direct_inputs = d("40");
  b.other = d("60");  // cap 0.25 × 120 = 30
  const auto c = collect_rd(with(b), testing::hte().rd_collection);
  EXPECT_EQ(c->other_allowed, f("30"));
  EXPECT_EQ(c->total, f("150"));
  // Exactly at the cap: nothing is cut.
  b.other = d("30");
  EXPECT_EQ(collect_rd(with(b), testing::hte().rd_collection)->total, f("150"));
  b.other = d("29.9999");
  EXPECT_EQ(collect_rd(with(b), testing::hte().rd_collection)->total, f("149.9999"));
}

TEST(RdExpenses, CommissionedCountsEightyPercentAndForeignIsNotDomestic) {
  RdBreakdown b;
  b.personnel = d("100");
  b.commissioned_domestic = d("50");  // 40
  b.commissioned_foreign = d("25");   // 20
  b.other = d("100");                 // cap 0.25 × 160 = 40 (HTE base includes commissioned)
  const auto c = collect_rd(with(b), testing::hte().rd_collection);
  EXPECT_EQ(c->total, f("200"));
  EXPECT_EQ(c->domestic, f("180"));  // (B − 0.8 × foreign + other_allowed)
}

TEST(RdExpenses, SmeBasisCapsOtherAtTenPercentOfTheFirstFive) {
  RdBreakdown b;
  b.personnel = d("90");
  b.commissioned_domestic = d("10");  // 8, not in the cap base
  b.other = d("20");                  // cap 90 × 0.1 / 0.9 = 10
  const auto c = collect_rd(with(b), testing::sme().rd_collection);
  EXPECT_EQ(c->other_allowed, f("10"));
  EXPECT_EQ(c->total, f("108"));
}

TEST(RdExpenses, SubYuanResultsStayExact) {
  RdBreakdown b;
  b.commissioned_domestic = d("0.0001");  // 0.8 yuan
  const auto c = collect_rd(with(b), testing::hte().rd_collection);
  EXPECT_EQ(c->total, Fraction(8, 100000));
}

}  // namespace
}  // namespace kc::rules
