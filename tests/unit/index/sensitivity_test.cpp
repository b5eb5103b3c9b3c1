#include "index/sensitivity.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "asem_helpers.hpp"
#include "index/rng.hpp"
#include "index/uncertainty.hpp"

namespace kc::index {
namespace {

VarySpec two_factors() {
  VarySpec v;
  VaryFactor a, b;
  a.kind = VaryFactor::Kind::Winmax;
  b.kind = VaryFactor::Kind::Impute;
  v.factors = {a, b};
  return v;
}

TEST(Saltelli, RecoversTheIndicesOfAnAdditiveModel) {
  // y = 4·x1 + x2 with x uniform: S1 = 16/17, S2 = 1/17, no interactions (S = ST).
  const std::size_t N = 20000;
  std::vector<double> yA(N), yB(N);
  std::vector<std::vector<double>> yAB(2, std::vector<double>(N));
  for (std::size_t r = 0; r < N; ++r) {
    Rng rng(9, 1, r);
    const double a1 = rng.uniform(), a2 = rng.uniform(), b1 = rng.uniform(), b2 = rng.uniform();
    yA[r] = 4 * a1 + a2;
    yB[r] = 4 * b1 + b2;
    yAB[0][r] = 4 * b1 + a2;
    yAB[1][r] = 4 * a1 + b2;
  }
  auto s = sensitivity_indices(two_factors(), yA, yB, yAB, 1, 200);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].factor, "winmax");
  EXPECT_NEAR(s[0].si, 16.0 / 17, 0.05);
  EXPECT_NEAR(s[0].sti, 16.0 / 17, 0.05);
  EXPECT_NEAR(s[1].si, 1.0 / 17, 0.05);
  EXPECT_NEAR(s[1].sti, 1.0 / 17, 0.02);
  EXPECT_LE(s[0].si_q5, s[0].si);
  EXPECT_GE(s[0].si_q95, s[0].si);
  EXPECT_LE(s[1].sti_q5, s[1].sti_q95);
}

TEST(Saltelli, SkipsRowsWithAMissingOutput) {
  std::vector<double> yA{1, 2, kNA, 4}, yB{2, 3, 4, 1};
  std::vector<std::vector<double>> yAB{{1, 3, 3, 1}, {2, 2, 2, 4}};
  auto s = sensitivity_indices(two_factors(), yA, yB, yAB, 1, 0);
  EXPECT_FALSE(std::isnan(s[0].sti));
  EXPECT_TRUE(std::isnan(s[0].si_q5));  // no bootstrap asked
}

TEST(Saltelli, AsemDesignIsDeterministicAcrossThreads) {
  IndexData data = test::load_asem();
  PipelineSpec spec = PipelineSpec::defaults();
  spec.steps[0].normalise.global.params = {1, 100};
  VarySpec v;
  VaryFactor ws;
  ws.kind = VaryFactor::Kind::Weights;
  ws.noise = {{2, 0.25}};
  ws.sets = 10;
  VaryFactor a;
  a.kind = VaryFactor::Kind::Aggregate;
  a.aggregate = {{AggMethod::AMean, 2}, {AggMethod::GMean, 2}};
  v.factors = {ws, a};
  UncertaintyOptions o;
  o.runs = 16;
  o.seed = 3;
  o.sensitivity = true;
  o.bootstrap = 50;
  o.threads = 1;
  auto r1 = run_uncertainty(data, spec, v, o);
  ASSERT_TRUE(r1.ok()) << r1.error().message;
  EXPECT_EQ(r1->runs, 16u * 4);
  ASSERT_EQ(r1->sensitivity.size(), 2u);
  o.threads = 4;
  auto r4 = run_uncertainty(data, spec, v, o);
  ASSERT_TRUE(r4.ok());
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(r1->sensitivity[i].si, r4->sensitivity[i].si);
    EXPECT_EQ(r1->sensitivity[i].sti_q95, r4->sensitivity[i].sti_q95);
  }
  // Aggregation changes ranks far more than ±25 % pillar weights.
  EXPECT_GT(r1->sensitivity[1].sti, r1->sensitivity[0].sti);
}

}  // namespace
}  // namespace kc::index
