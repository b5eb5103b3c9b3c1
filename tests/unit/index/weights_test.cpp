#include "index/weights.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "index/rng.hpp"
#include "tiny_index.hpp"

namespace kc::index {
namespace {

TEST(Weights, NormalisedWithinParentAndEffective) {
  auto idx = test::two_pillars({{1}, {2}, {3}});
  std::vector<double> w = idx.framework.weights();
  w[0] = 3;  // a: 3, b: 1 under P
  const auto nw = normalised_weights(idx.framework, w);
  EXPECT_DOUBLE_EQ(nw[0], 0.75);
  EXPECT_DOUBLE_EQ(nw[2], 1);
  const auto e = effective_weights(idx.framework, w);
  EXPECT_DOUBLE_EQ(e[0], 0.375);
  EXPECT_DOUBLE_EQ(e[1], 0.125);
  EXPECT_DOUBLE_EQ(e[2], 0.5);
  EXPECT_DOUBLE_EQ(e[5], 1);
  EXPECT_DOUBLE_EQ(e[0] + e[1] + e[2], 1);
}

TEST(Weights, NoiseStaysWithinTheFactorAtTheChosenLevel) {
  auto idx = test::two_pillars({{1}, {2}, {3}});
  const auto w = idx.framework.weights();
  Rng rng(7, 0, 0);
  std::vector<WeightNoise> noise{{2, 0.25}};
  for (int i = 0; i < 100; ++i) {
    auto n = noisy_weights(idx.framework, w, noise, [&] { return rng.uniform(); });
    EXPECT_EQ(n[0], 1);  // level 1 untouched
    EXPECT_GE(n[3], 0.75);
    EXPECT_LE(n[3], 1.25);
  }
}

TEST(Weights, SymmetricEigen) {
  std::vector<double> vals;
  std::vector<std::vector<double>> vecs;
  symmetric_eigen({{2, 1}, {1, 2}}, vals, vecs);
  EXPECT_NEAR(vals[0], 3, 1e-12);
  EXPECT_NEAR(vals[1], 1, 1e-12);
  EXPECT_NEAR(std::abs(vecs[0][0]), std::sqrt(0.5), 1e-12);
}

TEST(Weights, PcaWeightsFavourCorrelatedIndicators) {
  // a and b move together, c is noise: under one parent PC1 loads on a and b.
  IndexData d;
  d.framework = test::framework(
      {test::ind("a", "I"), test::ind("b", "I"), test::ind("c", "I"), test::agg("I", 2, "")});
  d.raw = test::dataset({"a", "b", "c"},
                        {{1, 2, 3, 4, 5, 6}, {1.1, 2.2, 2.9, 4.1, 5.2, 5.9}, {3, 1, 4, 1, 5, 9}});
  auto w = pca_weights(d.raw, d.framework, d.framework.weights(), 1);
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_NEAR(w.value()[0] + w.value()[1] + w.value()[2], 1, 1e-12);
  EXPECT_GT(w.value()[0], w.value()[2]);
  EXPECT_GT(w.value()[1], w.value()[2]);
  EXPECT_FALSE(pca_weights(d.raw, d.framework, d.framework.weights(), 3).ok());
}

}  // namespace
}  // namespace kc::index
