#include "domain/decimal.hpp"

#include <gtest/gtest.h>

namespace kc::domain {
namespace {

Decimal d(const char* s) { return *Decimal::parse(s); }

TEST(Decimal, ParsesUpToFourDecimals) {
  EXPECT_EQ(d("1822.5").units(), 18225000);
  EXPECT_EQ(d("0.0001").units(), 1);
  EXPECT_EQ(d("-12").units(), -120000);
  EXPECT_EQ(d("3.50000").units(), 35000);  // trailing zeros beyond the scale are harmless
  Decimal::ParseError why{};
  EXPECT_FALSE(Decimal::parse("1.00001", &why));
  EXPECT_EQ(why, Decimal::ParseError::too_many_decimals);
  for (const char* bad : {"", "-", ".5", "5.", "1e3", "+1", "1,000", "12a", " 1"}) {
    EXPECT_FALSE(Decimal::parse(bad, &why)) << bad;
    EXPECT_EQ(why, Decimal::ParseError::malformed) << bad;
  }
  EXPECT_FALSE(Decimal::parse("100000000000", &why));
  EXPECT_EQ(why, Decimal::ParseError::out_of_range);
}

TEST(Decimal, FromDoubleRecoversTheWrittenLiteral) {
  // 1102.29 and 0.1 have no exact binary form; the shortest spelling gives the literal back.
  EXPECT_EQ(Decimal::from_double(1102.29)->units(), 11022900);
  EXPECT_EQ(Decimal::from_double(0.1)->units(), 1000);
  EXPECT_EQ(Decimal::from_double(1234567.8901)->units(), 12345678901);
  EXPECT_EQ(Decimal::from_double(-3.5)->units(), -35000);
  Decimal::ParseError why{};
  EXPECT_FALSE(Decimal::from_double(0.00001, &why));
  EXPECT_EQ(why, Decimal::ParseError::too_many_decimals);
  EXPECT_FALSE(Decimal::from_double(1e300, &why));
  EXPECT_EQ(why, Decimal::ParseError::out_of_range);
}

TEST(Decimal, FormatsShortest) {
  EXPECT_EQ(d("1822.50").to_string(), "1822.5");
  EXPECT_EQ(d("60").to_string(), "60");
  EXPECT_EQ(d("-0.0001").to_string(), "-0.0001");
  EXPECT_EQ(d("0").to_string(), "0");
  EXPECT_EQ((d("0.1") + d("0.2")).to_string(), "0.3");  // exact, unlike doubles
}

TEST(Fraction, ExactComparisonsAtThresholds) {
  const Fraction five = *Fraction::parse("0.05");
  // 605 / 12,100 is exactly 5%.
  EXPECT_TRUE(compare_ratio(Fraction::of(d("605")), Fraction::of(d("12100")), five) == 0);
  EXPECT_TRUE(compare_ratio(Fraction::of(d("604.9999")), Fraction::of(d("12100")), five) < 0);
  // 0.1 + 0.2 == 0.3 exactly.
  EXPECT_EQ(*Fraction::parse("0.1") + *Fraction::parse("0.2"), *Fraction::parse("0.3"));
  EXPECT_EQ(Fraction(2, 4), Fraction(1, 2));
  EXPECT_EQ(Fraction(2, 4).reduced().num(), 1);
  EXPECT_EQ(Fraction(1, -2), Fraction(-1, 2));
  EXPECT_EQ(*Fraction::parse("1/3") * Fraction::integer(3), Fraction::integer(1));
}

TEST(Fraction, LargeAmountsDoNotOverflow) {
  // Three-year sums near the amount bound, cross-multiplied against a threshold.
  const Fraction big = Fraction::of(Decimal::from_units(Decimal::kMaxUnits)) * Fraction::integer(3);
  const Fraction half = big / Fraction::integer(2);
  EXPECT_TRUE(compare_ratio(half, big, *Fraction::parse("0.5")) == 0);
  EXPECT_GT(big, half);
}

TEST(Fraction, RoundingHelpers) {
  EXPECT_EQ(Fraction(7, 2).ceil(), 4);
  EXPECT_EQ(Fraction(-7, 2).ceil(), -3);
  EXPECT_EQ(Fraction(-7, 2).floor(), -4);
  EXPECT_EQ(Fraction(1, 3).ceil_to_decimal().units(), 3334);  // rounds up to the yuan
  EXPECT_EQ(Fraction::integer(5).ceil_to_decimal().units(), 50000);
  EXPECT_DOUBLE_EQ(Fraction(351, 5).to_double(), 70.2);
}

}  // namespace
}  // namespace kc::domain

namespace kc::domain {
namespace {

TEST(Fraction, ComparesWithoutOverflowWhenCrossProductsWouldOverflow) {
  const Int128 big = (Int128(1) << 100) + 7;
  const Fraction a(big, big - 1), b(big + 1, big);  // both just above 1; a > b
  EXPECT_GT(a, b);
  EXPECT_LT(b, a);
  EXPECT_TRUE((a <=> a) == 0);
  EXPECT_LT(Fraction(-big, big - 1), b);
  EXPECT_GT(Fraction(big * 3, big), Fraction(big * 2 + 1, big));
}

}  // namespace
}  // namespace kc::domain
