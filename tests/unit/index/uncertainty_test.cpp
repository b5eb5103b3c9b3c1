#include "index/uncertainty.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

#include "asem_helpers.hpp"
#include "index/parallel.hpp"

namespace kc::index {
namespace {

PipelineSpec example_spec() {
  PipelineSpec s;
  Step d;
  d.op = Op::Denominate;
  Step i;
  i.op = Op::Impute;
  i.impute.method = ImputeMethod::MeanGroup;
  i.impute.group = "EurAsia_group";
  Step sc;
  sc.op = Op::Screen;
  sc.screen.threshold = 0.9;
  Step t;
  t.op = Op::Treat;
  Step n;
  n.op = Op::Normalise;
  n.normalise.global.params = {1, 100};
  Step a;
  a.op = Op::Aggregate;
  s.steps = {d, i, sc, t, n, a};
  return s;
}

VarySpec full_vary() {
  VarySpec v;
  VaryFactor w;
  w.kind = VaryFactor::Kind::Winmax;
  w.winmax = {1, 2, 3, 4, 5};
  VaryFactor n;
  n.kind = VaryFactor::Kind::Normalise;
  NormParams mm;
  mm.params = {1, 100};
  NormParams zs;
  zs.method = NormMethod::ZScore;
  zs.params = {10, 2};
  n.normalise = {mm, zs};
  VaryFactor ws;
  ws.kind = VaryFactor::Kind::Weights;
  ws.noise = {{2, 0.25}, {3, 0.25}};
  ws.sets = 20;
  VaryFactor a;
  a.kind = VaryFactor::Kind::Aggregate;
  a.aggregate = {{AggMethod::AMean, 2}, {AggMethod::GMean, 2}};
  VaryFactor im;
  im.kind = VaryFactor::Kind::Impute;
  im.impute = {true, false};
  v.factors = {w, n, ws, a, im};
  return v;
}

// Equal element by element, NaN (a unit a run could not rank) equal to NaN.
bool same(const std::vector<std::vector<double>>& a, const std::vector<std::vector<double>>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].size() != b[i].size()) return false;
    for (std::size_t j = 0; j < a[i].size(); ++j)
      if (!(a[i][j] == b[i][j] || (std::isnan(a[i][j]) && std::isnan(b[i][j])))) return false;
  }
  return true;
}

class Uncertainty : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { data_ = new IndexData(test::load_asem()); }
  static void TearDownTestSuite() { delete data_; }
  static IndexData* data_;
};
IndexData* Uncertainty::data_ = nullptr;

TEST_F(Uncertainty, SameSeedSameResultsWhateverTheThreadCount) {
  UncertaintyOptions o;
  o.runs = 60;
  o.seed = 123;
  o.threads = 1;
  auto one = run_uncertainty(*data_, example_spec(), full_vary(), o);
  ASSERT_TRUE(one.ok()) << one.error().message;
  for (unsigned t : {2u, 4u}) {
    o.threads = t;
    auto many = run_uncertainty(*data_, example_spec(), full_vary(), o);
    ASSERT_TRUE(many.ok());
    EXPECT_TRUE(same(one->run_ranks, many->run_ranks)) << t << " threads";
    EXPECT_TRUE(same({one->ranks.median, one->ranks.q95, one->output},
                     {many->ranks.median, many->ranks.q95, many->output}));
    EXPECT_EQ(one->failed_runs, many->failed_runs);
  }
  o.seed = 124;
  auto other = run_uncertainty(*data_, example_spec(), full_vary(), o);
  EXPECT_FALSE(same(one->run_ranks, other->run_ranks));
}

TEST_F(Uncertainty, RankStatisticsBracketTheRuns) {
  UncertaintyOptions o;
  o.runs = 40;
  o.seed = 5;
  auto r = run_uncertainty(*data_, example_spec(), full_vary(), o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->ranks.units.size(), 51u);
  for (std::size_t u = 0; u < 51; ++u) {
    EXPECT_LE(r->ranks.q5[u], r->ranks.median[u]);
    EXPECT_LE(r->ranks.median[u], r->ranks.q95[u]);
    EXPECT_GE(r->ranks.q5[u], 1);
    EXPECT_LE(r->ranks.q95[u], 51);
  }
}

// The caller's deadline hook: once stop() is true no further run starts and the analysis fails
// with ua.stopped, from any number of threads.
TEST_F(Uncertainty, StopsWhenTheCallerSaysSo) {
  for (unsigned threads : {1u, 4u}) {
    UncertaintyOptions o;
    o.runs = 1000;
    o.threads = threads;
    std::atomic<int> asked{0};
    o.stop = [&] { return ++asked > 10; };
    auto r = run_uncertainty(*data_, example_spec(), full_vary(), o);
    ASSERT_FALSE(r.ok()) << threads;
    EXPECT_EQ(r.error().code, "ua.stopped");
    EXPECT_LT(asked.load(), 1000) << "every remaining run was still asked, threads " << threads;
  }
  UncertaintyOptions never;
  never.runs = 20;
  never.stop = [] { return false; };
  EXPECT_TRUE(run_uncertainty(*data_, example_spec(), full_vary(), never).ok());
  // A sensitivity analysis asks once more before its bootstrap.
  UncertaintyOptions sa;
  sa.runs = 4;
  sa.sensitivity = true;
  sa.threads = 1;
  int calls = 0;
  const int runs = static_cast<int>(4 * (full_vary().factors.size() + 2));
  sa.stop = [&] { return ++calls > runs; };
  auto late = run_uncertainty(*data_, example_spec(), full_vary(), sa);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "ua.stopped");
}

TEST_F(Uncertainty, NoVariationReproducesTheNominalRanks) {
  VarySpec v;
  VaryFactor a;
  a.kind = VaryFactor::Kind::Aggregate;
  a.aggregate = {{AggMethod::AMean, 2}};
  v.factors = {a};
  UncertaintyOptions o;
  o.runs = 5;
  auto r = run_uncertainty(*data_, example_spec(), v, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ranks.median, r->ranks.nominal);
  for (double y : r->output) EXPECT_EQ(y, 0);
}

TEST_F(Uncertainty, WeightNoiseStartsFromTheSpecsWeightOverrides) {
  // Conn has weight 0 in the spec: ±25 % noise around 0 keeps it at 0, so ranks never move.
  PipelineSpec spec = example_spec();
  spec.steps.back().aggregate.weights = {{"Conn", 0}};
  VarySpec v;
  VaryFactor ws;
  ws.kind = VaryFactor::Kind::Weights;
  ws.noise = {{3, 0.25}};
  ws.sets = 10;
  v.factors = {ws};
  UncertaintyOptions o;
  o.runs = 10;
  auto r = run_uncertainty(*data_, spec, v, o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  for (double y : r->output) EXPECT_EQ(y, 0);
}

TEST_F(Uncertainty, ChooseAppliesEachFactor) {
  VarySpec v = full_vary();
  // u picks the last alternative of each factor.
  std::vector<double> u{0.99, 0.99, 0.99, 0.99, 0.99};
  RunChoice c = choose(example_spec(), v, u);
  bool has_impute = false;
  for (const auto& s : c.spec.steps) {
    if (s.op == Op::Treat) {
      EXPECT_EQ(s.treat.winmax, 5);
    } else if (s.op == Op::Normalise) {
      EXPECT_EQ(s.normalise.global.method, NormMethod::ZScore);
    } else if (s.op == Op::Aggregate) {
      EXPECT_EQ(s.aggregate.method, AggMethod::GMean);
    }
    has_impute = has_impute || s.op == Op::Impute;
  }
  EXPECT_FALSE(has_impute);
  EXPECT_EQ(c.weight_set, 19);
  // Imputation switched on where the nominal spec has none: inserted after denominate.
  PipelineSpec no_imp = PipelineSpec::defaults();
  std::vector<double> u0{0, 0, 0, 0, 0};
  VarySpec only_imp;
  VaryFactor im;
  im.kind = VaryFactor::Kind::Impute;
  im.impute = {true};
  only_imp.factors = {im};
  RunChoice c2 = choose(no_imp, only_imp, std::vector<double>{0.0});
  EXPECT_EQ(c2.spec.steps.front().op, Op::Impute);
}

TEST_F(Uncertainty, RefusesFactorsTheSpecCannotTake) {
  VarySpec v;
  VaryFactor w;
  w.kind = VaryFactor::Kind::Winmax;
  w.winmax = {1};
  v.factors = {w};
  UncertaintyOptions o;
  auto r = run_uncertainty(*data_, PipelineSpec::defaults(), v, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "vary.step");
  EXPECT_FALSE(run_uncertainty(*data_, example_spec(), VarySpec{}, o).ok());
  o.runs = 0;
  EXPECT_FALSE(run_uncertainty(*data_, example_spec(), full_vary(), o).ok());
}

TEST(ParallelFor, VisitsEveryIndexOnce) {
  std::vector<int> hits(1000, 0);
  parallel_for(hits.size(), 4, [&](std::size_t i) { hits[i] += 1; });
  for (int h : hits) EXPECT_EQ(h, 1);
  parallel_for(0, 4, [&](std::size_t) { FAIL(); });
}

}  // namespace
}  // namespace kc::index
