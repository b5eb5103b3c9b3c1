#include "rules/text.hpp"

#include <gtest/gtest.h>

namespace kc::rules {
namespace {

TEST(Text, NumbersTrimTrailingZeros) {
  EXPECT_EQ(text::num(120.0), "120");
  EXPECT_EQ(text::num(4.666666), "4.6667");
  EXPECT_EQ(text::num(0.5), "0.5");
  EXPECT_EQ(text::num(-0.00001), "0");
  EXPECT_EQ(text::num(domain::Fraction(14, 3), 2), "4.67");
}

TEST(Text, Percentages) {
  EXPECT_EQ(text::pct(domain::Fraction(700, 12100)), "5.79%");
  EXPECT_EQ(text::pct(0.6), "60%");
  EXPECT_EQ(text::pct(domain::Fraction(1, 10)), "10%");
}

}  // namespace
}  // namespace kc::rules
