#include "index/treat.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "index/stats.hpp"
#include "tiny_index.hpp"

namespace kc::index {
namespace {

TEST(Treat, CheckPassesWhenEitherThresholdHolds) {
  std::vector<double> x{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100};
  auto c = check_skew_kurt(x, 2, 3.5);
  EXPECT_EQ(c.pass, false);
  EXPECT_EQ(check_skew_kurt(x, 4, 3.5).pass, true);  // |skew| < 4
  EXPECT_EQ(check_skew_kurt(x, 2, 10).pass, true);   // kurt < 10
  EXPECT_FALSE(
      check_skew_kurt(std::vector<double>{1, 1, 1, 1}, 2, 3.5).pass.has_value());  // no spread: NA
}

TEST(Treat, WinsorisesTheHighEndOnePointAtATime) {
  std::vector<double> x{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100};
  Winsorised w = winsorise(x, 5, 2, 3.5);
  EXPECT_EQ(w.x[11], 30);  // 100 → 30 passes the check already
  EXPECT_EQ(w.nwin, 1);
  EXPECT_EQ(check_skew_kurt(w.x, 2, 3.5).pass, true);
}

TEST(Treat, TiedPointsAllMoveAndCount) {
  std::vector<double> x(20, 1.0);
  for (int i = 0; i < 20; ++i) x[i] = i;
  x[18] = 500;
  x[19] = 500;
  Winsorised w = winsorise(x, 5, 2, 3.5);
  EXPECT_EQ(w.x[18], 17);
  EXPECT_EQ(w.x[19], 17);
  EXPECT_EQ(w.nwin, 2);
}

TEST(Treat, LowEndWhenSkewIsNegative) {
  std::vector<double> x{-100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  Winsorised w = winsorise(x, 5, 2, 3.5);
  EXPECT_EQ(w.x[0], 1);
  EXPECT_EQ(w.nwin, 1);
}

TEST(Treat, LogOfTheOriginalValuesWhenWinmaxIsNotEnough) {
  // A heavy tail that needs more than one point winsorised.
  std::vector<double> x{1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2, 2.1, 50, 200, 1000};
  Dataset d = test::dataset({"a"}, {x});
  std::vector<TreatDetail> det;
  auto out = treat(d, TreatSpec{1, 2, 3.5, true, {}}, &det);
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(det.size(), 1u);
  EXPECT_TRUE(det[0].winsorised);
  EXPECT_TRUE(det[0].logged);
  const double mn = 1, mx = 1000;
  for (std::size_t i = 0; i < x.size(); ++i)
    EXPECT_DOUBLE_EQ(out->values[0][i], std::log(x[i] - mn + 0.01 * (mx - mn)));
  // Without the fallback the winsorised values are kept.
  auto kept = treat(d, TreatSpec{1, 2, 3.5, false, {}}, &det);
  EXPECT_FALSE(det[0].logged);
  EXPECT_EQ(kept->values[0][14], 200);
}

TEST(Treat, LeavesPassingSkippedAndFlatColumnsAlone) {
  Dataset d =
      test::dataset({"ok", "flat", "skip"}, {{1, 2, 3, 4, 5}, {7, 7, 7, 7, 7}, {1, 1, 1, 1, 1000}});
  std::vector<TreatDetail> det;
  TreatSpec s;
  s.skip = {"skip"};
  auto out = treat(d, s, &det);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->values, d.values);
  ASSERT_EQ(det.size(), 2u);
  EXPECT_FALSE(det[0].winsorised);
  EXPECT_FALSE(det[1].before.pass.has_value());
}

TEST(Treat, RefusesBadParameters) {
  Dataset d = test::dataset({"a"}, {{1, 2, 3, 4}});
  EXPECT_FALSE(treat(d, TreatSpec{-1, 2, 3.5, true, {}}).ok());
  EXPECT_FALSE(treat(d, TreatSpec{5, 0, 3.5, true, {}}).ok());
}

}  // namespace
}  // namespace kc::index
