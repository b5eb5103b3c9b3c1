#include "rules/growth.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace kc::rules {
namespace {

using testing::d;

GrowthResult g(std::vector<const char*> vs) {
  std::vector<std::optional<Decimal>> values;
  for (const char* v : vs) values.push_back(v ? std::optional<Decimal>(d(v)) : std::nullopt);
  return growth_band(values, testing::hte().growth_bands);
}

TEST(Growth, BandsAreInclusiveAtExactDecimalEdges) {
  EXPECT_EQ(*g({"1000", "1350", "1822.5"}).band, 'A');   // exactly 35%
  EXPECT_EQ(*g({"1000", "1250", "1562.5"}).band, 'B');   // exactly 25%
  EXPECT_EQ(*g({"1000", "1150", "1322.5"}).band, 'C');   // exactly 15%
  EXPECT_EQ(*g({"1000", "1050", "1102.5"}).band, 'D');   // exactly 5%
  EXPECT_EQ(*g({"1000", "1050", "1102.29"}).band, 'E');  // just below 5%
  EXPECT_EQ(*g({"1000", "1000", "1000"}).band, 'F');     // 0 is not > 0
  EXPECT_EQ(*g({"1000", "900", "800"}).band, 'F');       // negative growth scores 0
  EXPECT_EQ(*g({"1000", "1350", "1822.5"}).rate, Fraction(35, 100));
}

TEST(Growth, FirstValueZeroUsesTheLatterTwoYears) {
  const auto r = g({"0", "1000", "1500"});
  EXPECT_EQ(*r.band, 'A');
  EXPECT_EQ(*r.rate, Fraction(1, 2));
}

TEST(Growth, SecondValueZeroScoresZero) {
  const auto r = g({"800", "0", "1200"});
  EXPECT_EQ(*r.band, 'F');
  EXPECT_FALSE(r.rate);
}

TEST(Growth, ShortHistories) {
  EXPECT_EQ(*g({"1000", "1250"}).band, 'B');  // V2/V1 − 1 = 25%
  EXPECT_EQ(*g({"1000"}).band, 'F');          // one year: no growth period
  EXPECT_EQ(*g({}).band, 'F');
}

TEST(Growth, NegativeBaseIsNotComputed) {
  EXPECT_TRUE(g({"-100", "1000", "1500"}).negative_base);
  EXPECT_FALSE(g({"-100", "1000", "1500"}).band);
  EXPECT_TRUE(g({"100", "-5", "1500"}).negative_base);
  EXPECT_TRUE(g({"-1", "5"}).negative_base);
  // A negative latest value is not a base: it is computed and scores 0.
  EXPECT_EQ(*g({"100", "100", "-50"}).band, 'F');
}

TEST(Growth, MissingYearIsReported) {
  const auto r = g({"100", nullptr, "150"});
  EXPECT_TRUE(r.missing_data);
  EXPECT_FALSE(r.band);
}

}  // namespace
}  // namespace kc::rules
