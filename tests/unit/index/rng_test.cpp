#include "index/rng.hpp"

#include <gtest/gtest.h>

namespace kc::index {
namespace {

TEST(Rng, SameSeedStreamAndIndexGiveTheSameSequence) {
  Rng a(42, 1, 7), b(42, 1, 7), c(42, 1, 8), d(42, 2, 7);
  bool differs_c = false, differs_d = false;
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next();
    EXPECT_EQ(x, b.next());
    differs_c = differs_c || x != c.next();
    differs_d = differs_d || x != d.next();
  }
  EXPECT_TRUE(differs_c);
  EXPECT_TRUE(differs_d);
}

TEST(Rng, UniformIsInTheUnitIntervalAndRoughlyFlat) {
  Rng r(1, 0, 0);
  int bins[10] = {};
  for (int i = 0; i < 100000; ++i) {
    const double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    ++bins[static_cast<int>(u * 10)];
  }
  for (int b : bins) EXPECT_NEAR(b, 10000, 500);
  for (int i = 0; i < 1000; ++i) EXPECT_LT(r.below(3), 3u);
}

}  // namespace
}  // namespace kc::index
