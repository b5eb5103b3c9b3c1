#include "index/aggregate.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "tiny_index.hpp"

namespace kc::index {
namespace {

double row(AggMethod m, std::vector<double> x, std::vector<double> w, double p = 2) {
  auto r = aggregate_row(m, x, w, p);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : kNA;
}

TEST(Aggregate, ArithmeticMeanDropsMissingWithTheirWeights) {
  EXPECT_DOUBLE_EQ(row(AggMethod::AMean, {10, 20}, {1, 3}), 17.5);
  EXPECT_DOUBLE_EQ(row(AggMethod::AMean, {10, kNA, 40}, {1, 5, 1}), 25);
  EXPECT_TRUE(is_na(row(AggMethod::AMean, {kNA, kNA}, {1, 1})));
}

TEST(Aggregate, GeometricHarmonicAndPowerMeans) {
  EXPECT_NEAR(row(AggMethod::GMean, {1, 100}, {1, 1}), 10, 1e-12);
  EXPECT_NEAR(row(AggMethod::HMean, {1, 3}, {1, 1}), 1.5, 1e-12);
  EXPECT_NEAR(row(AggMethod::GenMean, {1, 7}, {1, 1}, 2), 5, 1e-12);
  EXPECT_NEAR(row(AggMethod::GenMean, {1, 100}, {1, 1}, 0), 10, 1e-12);
  EXPECT_NEAR(row(AggMethod::GenMean, {2, 4}, {1, 1}, 1), 3, 1e-12);
}

TEST(Aggregate, GeometricMeanRefusesNegativeAndZeroValues) {
  auto neg =
      aggregate_row(AggMethod::GMean, std::vector<double>{-1, 4}, std::vector<double>{1, 1}, 2);
  ASSERT_FALSE(neg.ok());
  EXPECT_EQ(neg.error().code, "aggregate.domain");
  EXPECT_FALSE(
      aggregate_row(AggMethod::GMean, std::vector<double>{0, 4}, std::vector<double>{1, 1}, 2)
          .ok());
  EXPECT_FALSE(
      aggregate_row(AggMethod::HMean, std::vector<double>{0, 4}, std::vector<double>{1, 1}, 2)
          .ok());
  // The error names the unit and the aggregate.
  Framework f = test::framework({test::ind("a", "I"), test::ind("b", "I"), test::agg("I", 2, "")});
  AggregateSpec s;
  s.method = AggMethod::GMean;
  auto out = aggregate(test::dataset({"a", "b"}, {{1, -2}, {3, 4}}), f, s, f.weights());
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find("u2"), std::string::npos);
}

TEST(Aggregate, WeightedMedian) {
  EXPECT_DOUBLE_EQ(weighted_median(std::vector<double>{1, 2, 3}, std::vector<double>{1, 1, 1}), 2);
  EXPECT_DOUBLE_EQ(
      weighted_median(std::vector<double>{1, 2, 3, 4}, std::vector<double>{1, 1, 1, 1}), 2.5);
  EXPECT_DOUBLE_EQ(weighted_median(std::vector<double>{1, 2, 3}, std::vector<double>{1, 1, 5}), 3);
  EXPECT_DOUBLE_EQ(weighted_median(std::vector<double>{3, kNA, 1}, std::vector<double>{1, 9, 1}),
                   2);
}

TEST(Aggregate, CopelandCountsPairwiseWins) {
  // Three units, two indicators of equal weight.
  std::vector<double> a{3, 2, 1}, b{1, 2, 3};
  auto s = copeland({&a, &b}, std::vector<double>{1, 1});
  EXPECT_EQ(s, (std::vector<double>{0, 0, 0}));  // every pair ties at ½
  auto s2 = copeland({&a, &b}, std::vector<double>{2, 1});
  EXPECT_EQ(s2, (std::vector<double>{2, 0, -2}));
  std::vector<double> c{5, 5, 1};
  auto s3 = copeland({&c}, std::vector<double>{1});
  EXPECT_EQ(s3, (std::vector<double>{1, 1, -2}));
}

TEST(Aggregate, LevelByLevelWithThresholdAndOverrides) {
  auto idx = test::two_pillars({{10, kNA}, {30, 50}, {60, 70}});
  AggregateSpec s;
  auto out = aggregate(idx.raw, idx.framework, s, idx.framework.weights());
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->columns, (std::vector<std::string>{"a", "b", "c", "P", "Q", "Index"}));
  EXPECT_DOUBLE_EQ(out->values[3][0], 20);
  EXPECT_DOUBLE_EQ(out->values[3][1], 50);
  EXPECT_DOUBLE_EQ(out->values[5][0], 40);
  s.dat_thresh = 0.9;
  auto thr = aggregate(idx.raw, idx.framework, s, idx.framework.weights());
  EXPECT_TRUE(is_na(thr->values[3][1]));
  s.dat_thresh.reset();
  s.weights = {{"Q", 3}};
  auto w = aggregate(idx.raw, idx.framework, s, idx.framework.weights());
  EXPECT_DOUBLE_EQ(w->values[5][0], (20 + 3 * 60) / 4.0);
  s.weights = {{"zz", 1}};
  EXPECT_FALSE(aggregate(idx.raw, idx.framework, s, idx.framework.weights()).ok());
}

TEST(Aggregate, DifferentMethodPerLevel) {
  auto idx = test::two_pillars({{1, 4}, {100, 1}, {10, 2}});
  AggregateSpec s;
  s.by_level = {AggMethod::GMean, AggMethod::AMean};
  auto out = aggregate(idx.raw, idx.framework, s, idx.framework.weights());
  ASSERT_TRUE(out.ok());
  EXPECT_NEAR(out->values[3][0], 10, 1e-12);
  EXPECT_NEAR(out->values[5][0], 10, 1e-12);
  s.by_level = {AggMethod::GMean};
  EXPECT_FALSE(aggregate(idx.raw, idx.framework, s, idx.framework.weights()).ok());
}

TEST(Aggregate, CopelandThroughTheTree) {
  auto idx = test::two_pillars({{1, 2, 3}, {1, 2, 3}, {3, 2, 1}});
  AggregateSpec s;
  s.method = AggMethod::Copeland;
  auto out = aggregate(idx.raw, idx.framework, s, idx.framework.weights());
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->values[3], (std::vector<double>{-2, 0, 2}));
}

}  // namespace
}  // namespace kc::index
