// Rounding of totals to 6 decimals on their decimal value (spec/assessment.md §5, §9).
#include <gtest/gtest.h>

#include "assess/rounding.hpp"

namespace {

using kc::assess::micro_units;

TEST(AssessRounding, HalvesRoundAwayFromZeroEvenThroughBinaryError) {
  EXPECT_EQ(micro_units(85.0000005), 85000001);
  EXPECT_EQ(micro_units(85.00000049999999), 85000001);  // binary error on the exact half
  EXPECT_EQ(micro_units(85.0000002), 85000000);
  EXPECT_EQ(micro_units(-2.0000005), -2000001);
  EXPECT_EQ(micro_units(84.0 + 3.5), micro_units(86.0 + 1.5));
}

TEST(AssessRounding, SmallLargeAndZeroValues) {
  EXPECT_EQ(micro_units(0.0), 0);
  EXPECT_EQ(micro_units(1e-9), 0);
  EXPECT_EQ(micro_units(0.0000015), 2);
  EXPECT_EQ(micro_units(1000.25), 1000250000);
  EXPECT_EQ(micro_units(1.0 / 3.0), 333333);
}

}  // namespace
