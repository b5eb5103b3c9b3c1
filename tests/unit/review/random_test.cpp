// The draw's generator: portable 128-bit product, integers below n in range and unbiased enough
// to see, and one sequence per seed.
#include <gtest/gtest.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "review/random.hpp"

namespace kc::review {
namespace {

TEST(ReviewRandom, TheSameSeedGivesTheSameSequenceAndAnotherSeedAnother) {
  DrawRng a(42), b(42), c(43);
  int same_as_other = 0;
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next();
    EXPECT_EQ(x, b.next());
    same_as_other += x == c.next();
  }
  EXPECT_EQ(same_as_other, 0);
}

TEST(ReviewRandom, BelowStaysInRangeAndCoversIt) {
  DrawRng rng(7);
  for (std::uint64_t n : {1ULL, 2ULL, 3ULL, 7ULL, 1000ULL, (1ULL << 63) + 1, ~0ULL}) {
    for (int i = 0; i < 1000; ++i) EXPECT_LT(rng.below(n), n) << n;
  }
  std::vector<int> counts(6, 0);
  constexpr int kDraws = 60000;
  for (int i = 0; i < kDraws; ++i) ++counts[rng.below(6)];
  // 10 000 expected each, standard deviation ≈ 91: 500 is more than five.
  for (int c : counts) EXPECT_NEAR(c, kDraws / 6, 500);
}

TEST(ReviewRandom, AShuffleIsAPermutation) {
  DrawRng rng(99);
  std::vector<int> v{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  rng.shuffle(v);
  std::vector<int> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

}  // namespace
}  // namespace kc::review

namespace kc::review {
namespace {

TEST(ReviewRandom, TheProductOfTwo64BitWordsIsExact) {
  using Words = std::pair<std::uint64_t, std::uint64_t>;
  EXPECT_EQ(DrawRng::multiply(~std::uint64_t{0}, ~std::uint64_t{0}), Words(~std::uint64_t{0} - 1, 1));
  EXPECT_EQ(DrawRng::multiply(std::uint64_t{1} << 32, std::uint64_t{1} << 32), Words(1, 0));
  DrawRng rng(3);
  for (int i = 0; i < 1000; ++i) {
    const std::uint64_t a = rng.next(), b = rng.next();
    // The compiler's 128-bit type, where it has one, as the oracle.
    __extension__ using u128 = unsigned __int128;
    const u128 p = static_cast<u128>(a) * b;
    EXPECT_EQ(DrawRng::multiply(a, b), Words(static_cast<std::uint64_t>(p >> 64), static_cast<std::uint64_t>(p)));
  }
}

}  // namespace
}  // namespace kc::review
