#include "index/results.hpp"

#include <gtest/gtest.h>

#include "index/aggregate.hpp"
#include "tiny_index.hpp"

namespace kc::index {
namespace {

TEST(Results, SportRanksWithTiesAtTheMinimum) {
  auto idx = test::two_pillars({{50, 50, 10, kNA}, {50, 50, 10, kNA}, {10, 10, 90, kNA}});
  auto agg = aggregate(idx.raw, idx.framework, AggregateSpec{}, idx.framework.weights());
  ASSERT_TRUE(agg.ok());
  Results r = results(agg.value(), idx.framework);
  EXPECT_EQ(r.columns, (std::vector<std::string>{"Index", "P", "Q"}));
  // Index: u1 = u2 = 30, u3 = 50, u4 missing.
  EXPECT_EQ(r.rank[0], 2);
  EXPECT_EQ(r.rank[1], 2);
  EXPECT_EQ(r.rank[2], 1);
  EXPECT_TRUE(is_na(r.rank[3]));
  EXPECT_EQ(r.ranks[2][2], 1);
}

TEST(Results, OneUnit) {
  auto idx = test::two_pillars({{1}, {2}, {3}});
  auto agg = aggregate(idx.raw, idx.framework, AggregateSpec{}, idx.framework.weights());
  Results r = results(agg.value(), idx.framework);
  EXPECT_EQ(r.rank, (std::vector<double>{1}));
}

}  // namespace
}  // namespace kc::index
