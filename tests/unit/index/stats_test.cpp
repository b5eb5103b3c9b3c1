#include "index/stats.hpp"

#include <gtest/gtest.h>

#include "index/model.hpp"

namespace kc::index::stats {
namespace {

TEST(Stats, DropMissingValues) {
  std::vector<double> x{1, kNA, 3, 2};
  EXPECT_EQ(count_present(x), 3u);
  EXPECT_DOUBLE_EQ(mean(x), 2);
  EXPECT_DOUBLE_EQ(median(x), 2);
  EXPECT_DOUBLE_EQ(min(x), 1);
  EXPECT_DOUBLE_EQ(max(x), 3);
  EXPECT_DOUBLE_EQ(sd(x), 1);
  EXPECT_TRUE(is_na(mean(std::vector<double>{kNA})));
}

TEST(Stats, SkewAndKurtosisAreType2) {
  // Reference values computed independently (Python) from the type-2 formulas.
  std::vector<double> x{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100};
  EXPECT_NEAR(skew(x), 3.0632410342394985, 1e-12);
  EXPECT_NEAR(kurt(x), 9.741390834569144, 1e-12);
  EXPECT_TRUE(is_na(skew(std::vector<double>{1, 2})));
  EXPECT_TRUE(is_na(kurt(std::vector<double>{1, 2, 3})));
  EXPECT_TRUE(is_na(skew(std::vector<double>{2, 2, 2, 2})));  // no spread: 0/0
}

TEST(Stats, QuantilesAreType7) {
  std::vector<double> x{1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(quantile(x, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(quantile(x, 0.05), 1.15);
  EXPECT_DOUBLE_EQ(quantile(x, 0.95), 3.85);
  EXPECT_DOUBLE_EQ(quantile(std::vector<double>{7}, 0.3), 7);
}

TEST(Stats, RanksTakeTheMinimumForTies) {
  std::vector<double> x{10, 20, 20, kNA, 5};
  EXPECT_EQ(min_rank(x)[0], 2);
  EXPECT_EQ(min_rank(x)[1], 3);
  EXPECT_EQ(min_rank(x)[2], 3);
  EXPECT_TRUE(is_na(min_rank(x)[3]));
  const auto s = sport_rank(x);
  EXPECT_EQ(s[1], 1);
  EXPECT_EQ(s[2], 1);
  EXPECT_EQ(s[0], 3);
  EXPECT_EQ(s[4], 4);
}

TEST(Stats, PearsonUsesCompletePairs) {
  std::vector<double> x{1, 2, 3, kNA}, y{2, 4, 6, 100};
  EXPECT_NEAR(pearson(x, y), 1.0, 1e-15);
  std::vector<double> z{3, 2, 1, 0};
  EXPECT_NEAR(pearson(x, z), -1.0, 1e-15);
  EXPECT_TRUE(is_na(pearson(x, std::vector<double>{1, 1, 1, 1})));
}

}  // namespace
}  // namespace kc::index::stats
