#include "index/normalise.hpp"

#include <gtest/gtest.h>

#include "tiny_index.hpp"

namespace kc::index {
namespace {

std::vector<double> norm(std::vector<double> x, NormParams p, double dir = 1, double target = kNA,
                         int ref = -1) {
  auto s = normalise_column(x, p, dir, target, ref);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return x;
}

NormParams method(NormMethod m, std::vector<double> params = {}) {
  NormParams p;
  p.method = m;
  p.params = std::move(params);
  return p;
}

TEST(Normalise, MinMaxWithDirection) {
  auto up = norm({2, 4, kNA, 6}, method(NormMethod::MinMax, {0, 100}));
  EXPECT_EQ(up[0], 0);
  EXPECT_EQ(up[1], 50);
  EXPECT_TRUE(is_na(up[2]));
  EXPECT_EQ(up[3], 100);
  auto down = norm({2, 4, 6}, method(NormMethod::MinMax, {1, 100}), -1);
  EXPECT_EQ(down[0], 100);  // the minimum of a −1 indicator goes to the top
  EXPECT_EQ(down[2], 1);
}

TEST(Normalise, ZeroRangeGivesMissingAsCoinr) {
  auto x = norm({3, 3, 3}, method(NormMethod::MinMax, {0, 100}));
  for (double v : x) EXPECT_TRUE(is_na(v));
}

TEST(Normalise, ZScoreUsesTheSampleSd) {
  auto x = norm({1, 2, 3}, method(NormMethod::ZScore, {10, 2}));
  EXPECT_DOUBLE_EQ(x[0], 8);
  EXPECT_DOUBLE_EQ(x[1], 10);
  EXPECT_DOUBLE_EQ(x[2], 12);
}

TEST(Normalise, RankFamilies) {
  std::vector<double> x{5, 1, 5, 3};
  EXPECT_EQ(norm(x, method(NormMethod::Rank)), (std::vector<double>{3, 1, 3, 2}));
  EXPECT_EQ(norm(x, method(NormMethod::Borda)), (std::vector<double>{2, 0, 2, 1}));
  auto pr = norm(x, method(NormMethod::PRank));
  EXPECT_DOUBLE_EQ(pr[0], 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(pr[1], 0);
}

TEST(Normalise, DistanceMethods) {
  std::vector<double> x{2, 4, 10};
  auto fm = norm(x, method(NormMethod::FracMax));
  EXPECT_DOUBLE_EQ(fm[1], 0.4);
  auto d2m = norm(x, method(NormMethod::Dist2Max));
  EXPECT_DOUBLE_EQ(d2m[0], 0);
  EXPECT_DOUBLE_EQ(d2m[1], 0.25);
  auto d2r = norm(x, method(NormMethod::Dist2Ref), 1, kNA, 1);  // reference: 4
  EXPECT_DOUBLE_EQ(d2r[2], 1 - (4.0 - 10) / (4 - 2));
  NormParams cap = method(NormMethod::Dist2Ref);
  cap.cap_max = true;
  EXPECT_DOUBLE_EQ(norm(x, cap, 1, kNA, 1)[2], 1);
  auto d2t = norm(x, method(NormMethod::Dist2Targ), 1, 6);
  EXPECT_DOUBLE_EQ(d2t[1], 0.5);
  // Direction −1: target 4 of values {2, 4, 10}: best is low; 4 scores 1, 10 scores 0.
  auto d2t_down = norm(x, method(NormMethod::Dist2Targ), -1, 4);
  EXPECT_DOUBLE_EQ(d2t_down[1], 1);
  EXPECT_DOUBLE_EQ(d2t_down[2], 0);
}

TEST(Normalise, GoalpostsAndScaled) {
  auto g = norm({0, 5, 10, 20}, method(NormMethod::Goalposts, {2, 12, 100}));
  EXPECT_EQ(g[0], 0);
  EXPECT_DOUBLE_EQ(g[1], 30);
  EXPECT_DOUBLE_EQ(g[2], 80);
  EXPECT_EQ(g[3], 100);
  auto gd = norm({0, 5, 10, 20}, method(NormMethod::Goalposts, {2, 12, 1}), -1);
  EXPECT_EQ(gd[0], 1);
  EXPECT_DOUBLE_EQ(gd[1], 0.7);
  auto s = norm({1, 3}, method(NormMethod::Scaled, {1, 5}));
  EXPECT_DOUBLE_EQ(s[1], 50);
}

TEST(Normalise, RefusesMissingParameters) {
  std::vector<double> x{1, 2};
  EXPECT_FALSE(normalise_column(x, method(NormMethod::MinMax, {0}), 1, kNA, -1).ok());
  EXPECT_FALSE(normalise_column(x, method(NormMethod::Goalposts, {0, 1}), 1, kNA, -1).ok());
  EXPECT_FALSE(normalise_column(x, method(NormMethod::Dist2Targ), 1, kNA, -1).ok());
  EXPECT_FALSE(normalise_column(x, method(NormMethod::Dist2Ref), 1, kNA, -1).ok());
}

TEST(Normalise, PerIndicatorOverrides) {
  Framework f =
      test::framework({test::ind("a", "I"), test::ind("b", "I", 1, -1), test::agg("I", 2, "")});
  Dataset d = test::dataset({"a", "b"}, {{1, 2, 3}, {1, 2, 3}});
  NormaliseSpec spec;
  spec.overrides.push_back({"a", method(NormMethod::Rank)});
  auto out = normalise(d, spec, f);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->values[0], (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(out->values[1], (std::vector<double>{100, 50, 0}));
  spec.overrides.push_back({"zz", method(NormMethod::Rank)});
  EXPECT_FALSE(normalise(d, spec, f).ok());
}

TEST(Normalise, OneUnit) {
  auto x = norm({5}, method(NormMethod::MinMax, {0, 100}));
  EXPECT_TRUE(is_na(x[0]));
  EXPECT_EQ(norm({5}, method(NormMethod::Rank))[0], 1);
}

}  // namespace
}  // namespace kc::index
