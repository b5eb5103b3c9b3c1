#include "index/spec.hpp"

#include <gtest/gtest.h>

namespace kc::index {
namespace {

TEST(Spec, DefaultsAreNormaliseMinmaxThenArithmeticMean) {
  const PipelineSpec s = PipelineSpec::defaults();
  ASSERT_EQ(s.steps.size(), 2u);
  EXPECT_EQ(s.steps[0].op, Op::Normalise);
  EXPECT_EQ(s.steps[0].normalise.global.method, NormMethod::MinMax);
  EXPECT_EQ(s.steps[0].normalise.global.params, (std::vector<double>{0, 100}));
  EXPECT_EQ(s.steps[1].op, Op::Aggregate);
  EXPECT_EQ(s.steps[1].aggregate.method, AggMethod::AMean);
}

TEST(Spec, NamesRoundTrip) {
  for (const char* n : {"minmax", "zscore", "rank", "prank", "borda", "dist2max", "dist2ref",
                        "dist2targ", "fracmax", "goalposts", "scaled"}) {
    NormMethod m{};
    ASSERT_TRUE(parse(n, m)) << n;
    EXPECT_STREQ(to_string(m), n);
  }
  for (const char* n : {"amean", "gmean", "hmean", "genmean", "copeland", "wmedian"}) {
    AggMethod m{};
    ASSERT_TRUE(parse(n, m)) << n;
    EXPECT_STREQ(to_string(m), n);
  }
  ImputeMethod i{};
  EXPECT_TRUE(parse("median_group", i));
  EXPECT_EQ(i, ImputeMethod::MedianGroup);
  ScreenBy b{};
  EXPECT_TRUE(parse("NA_and_zeros", b));
  EXPECT_FALSE(parse("na", b));
  EXPECT_STREQ(dataset_name(Op::Treat), "Treated");
}

}  // namespace
}  // namespace kc::index
