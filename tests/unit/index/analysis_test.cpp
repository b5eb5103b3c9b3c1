#include "index/analysis.hpp"

#include <gtest/gtest.h>

#include "asem_helpers.hpp"
#include "tiny_index.hpp"

namespace kc::index {
namespace {

TEST(Analysis, ColumnStats) {
  Dataset d = test::dataset({"a", "flat"},
                            {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100}, std::vector<double>(12, 0)});
  d.values[1][0] = kNA;
  auto s = column_stats(d);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].n, 12u);
  EXPECT_DOUBLE_EQ(s[0].median, 6.5);
  EXPECT_TRUE(s[0].outlier);
  EXPECT_EQ(s[1].n, 11u);
  EXPECT_EQ(s[1].zeros, 11u);
  EXPECT_NEAR(s[1].availability, 11.0 / 12, 1e-15);
  EXPECT_FALSE(s[1].outlier);
}

TEST(Analysis, CorrelationsAndCronbach) {
  Dataset d = test::dataset({"a", "b", "c"}, {{1, 2, 3, 4}, {2, 4, 6, 8}, {4, 3, 2, 1}});
  auto r = correlations(d, {"a"}, {"b", "c"});
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->r[0][0], 1, 1e-12);
  EXPECT_NEAR(r->r[0][1], -1, 1e-12);
  EXPECT_FALSE(correlations(d, {"zz"}, {"a"}).ok());
  // Two identical columns: alpha = 1.
  Dataset same = test::dataset({"a", "b"}, {{1, 2, 3, 5}, {1, 2, 3, 5}});
  EXPECT_NEAR(cronbach_alpha(same, {"a", "b"}).value(), 1, 1e-12);
  // Hand-computed: items {1,2,3},{2,2,4}: vars 1 and 4/3, total {3,4,7} var 13/3 → 2·(1 −
  // (7/3)/(13/3)).
  Dataset h = test::dataset({"a", "b"}, {{1, 2, 3}, {2, 2, 4}});
  EXPECT_NEAR(cronbach_alpha(h, {"a", "b"}).value(), 2 * (1 - 7.0 / 13), 1e-12);
  EXPECT_FALSE(cronbach_alpha(h, {"a"}).ok());
}

TEST(Analysis, AsemToolsRunOnTheDefaultBuild) {
  IndexData data = test::load_asem();
  const PipelineSpec spec = PipelineSpec::defaults();
  auto out = build(data, spec);
  ASSERT_TRUE(out.ok());
  const Dataset& agg = *out->find("Aggregated");
  auto alphas = cronbach_by_group(agg, data.framework, 1);
  EXPECT_EQ(alphas.size(), 8u);
  auto pillars = codes_at_level(data.framework, 2);
  EXPECT_EQ(pillars.size(), 8u);
  auto corr = correlations(agg, pillars, {"Index"});
  ASSERT_TRUE(corr.ok());
  for (const auto& row : corr->r) EXPECT_GT(row[0], -1);

  auto removal = removal_effects(data, spec, 2);
  ASSERT_TRUE(removal.ok());
  ASSERT_EQ(removal->size(), 8u);
  for (const auto& e : removal.value()) EXPECT_GT(e.mean_abs_rank_change, 0) << e.code;

  auto prof = unit_profile(agg, data.framework, "DEU", 2, 3);
  ASSERT_TRUE(prof.ok());
  ASSERT_EQ(prof->strengths.size(), 3u);
  EXPECT_LE(prof->strengths[0].rank, prof->weaknesses[0].rank);
  EXPECT_FALSE(unit_profile(agg, data.framework, "XXX", 2, 3).ok());
}

TEST(Analysis, WhatIfMovesTheChangedUnit) {
  auto idx = test::two_pillars({{10, 20, 30}, {10, 20, 30}, {10, 20, 30}});
  const PipelineSpec spec = PipelineSpec::defaults();
  WhatIf w;
  w.ucode = "u1";
  w.values = {{"a", 100}, {"b", 100}, {"c", 100}};
  auto r = what_if(idx, spec, w);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->before.rank[0], 3);
  EXPECT_EQ(r->after.rank[0], 1);
  EXPECT_EQ(r->rank_change[0], -2);
  WhatIf wt;
  wt.weights = {{"Q", 0}};
  auto r2 = what_if(idx, spec, wt);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->after.rank, r2->before.rank);
  wt.weights = {{"nope", 1}};
  EXPECT_FALSE(what_if(idx, spec, wt).ok());
}

}  // namespace
}  // namespace kc::index
