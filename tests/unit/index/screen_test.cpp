#include "index/screen.hpp"

#include <gtest/gtest.h>

#include "tiny_index.hpp"

namespace kc::index {
namespace {

Dataset sample() {
  // u1 complete; u2 one of three missing; u3 two zeros; u4 nothing.
  return test::dataset({"a", "b", "c"}, {{1, kNA, 0, kNA}, {2, 2, 0, kNA}, {3, 3, 5, kNA}});
}

TEST(Screen, ByMissingData) {
  ScreenReport rep;
  auto out = screen(sample(), {ScreenBy::NA, 2.0 / 3.0, {}, {}}, &rep);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->units, (std::vector<std::string>{"u1", "u2", "u3"}));
  EXPECT_EQ(rep.removed, (std::vector<std::string>{"u4"}));
  EXPECT_DOUBLE_EQ(rep.availability[1], 2.0 / 3.0);
  EXPECT_EQ(out->source_rows, (std::vector<std::size_t>{0, 1, 2}));
}

TEST(Screen, ByZerosAndBoth) {
  auto z = screen(sample(), {ScreenBy::Zeros, 0.5, {}, {}});
  EXPECT_EQ(z->units, (std::vector<std::string>{"u1", "u2"}));
  auto both = screen(sample(), {ScreenBy::NAAndZeros, 0.9, {}, {}});
  EXPECT_EQ(both->units, (std::vector<std::string>{"u1"}));
}

TEST(Screen, ForcedIncludeAndExclude) {
  auto out = screen(sample(), {ScreenBy::NA, 0.9, {"u4"}, {"u1"}});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->units, (std::vector<std::string>{"u3", "u4"}));  // u2 below 0.9, u1 forced out
  EXPECT_EQ(out->values[0].size(), 2u);
  EXPECT_FALSE(screen(sample(), {ScreenBy::NA, 0.9, {"u1"}, {"u1"}}).ok());
  EXPECT_FALSE(screen(sample(), {ScreenBy::NA, 1.5, {}, {}}).ok());
}

}  // namespace
}  // namespace kc::index
