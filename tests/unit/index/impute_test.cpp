#include "index/impute.hpp"

#include <gtest/gtest.h>

#include "tiny_index.hpp"

namespace kc::index {
namespace {

TEST(Impute, ColumnMeanAndMedian) {
  Dataset d = test::dataset({"a"}, {{1, kNA, 2, 9}});
  auto m = impute(d, {ImputeMethod::Mean, ""}, UnitData{});
  ASSERT_TRUE(m.ok());
  EXPECT_DOUBLE_EQ(m->values[0][1], 4);
  auto md = impute(d, {ImputeMethod::Median, ""}, UnitData{});
  EXPECT_DOUBLE_EQ(md->values[0][1], 2);
  EXPECT_DOUBLE_EQ(md->values[0][3], 9);  // present values untouched
}

TEST(Impute, WholeColumnMissingStaysMissing) {
  Dataset d = test::dataset({"a", "b"}, {{kNA, kNA}, {1, kNA}});
  auto m = impute(d, {ImputeMethod::Mean, ""}, UnitData{});
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(is_na(m->values[0][0]) && is_na(m->values[0][1]));
  EXPECT_DOUBLE_EQ(m->values[1][1], 1);
}

TEST(Impute, WithinGroups) {
  Dataset d = test::dataset({"a"}, {{1, 3, kNA, 10, kNA, kNA}});
  UnitData u;
  u.groups = {{"G", {"x", "x", "x", "y", "y", ""}}};
  auto m = impute(d, {ImputeMethod::MeanGroup, "G"}, u);
  ASSERT_TRUE(m.ok());
  EXPECT_DOUBLE_EQ(m->values[0][2], 2);
  EXPECT_DOUBLE_EQ(m->values[0][4], 10);
  EXPECT_TRUE(is_na(m->values[0][5]));  // no group: left alone
  Dataset e = test::dataset({"a"}, {{1, 2, 6, kNA}});
  u.groups = {{"G", {"x", "x", "x", "x"}}};
  EXPECT_DOUBLE_EQ(impute(e, {ImputeMethod::MedianGroup, "G"}, u)->values[0][3], 2);
}

TEST(Impute, UnknownGroupIsAnError) {
  auto m = impute(test::dataset({"a"}, {{1}}), {ImputeMethod::MeanGroup, "Nope"}, UnitData{});
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.error().message.find("Nope"), std::string::npos);
}

TEST(Impute, PanelLatestAndLinear) {
  std::vector<double> x{1, kNA, 3, kNA, 10, kNA};
  std::vector<std::string> unit{"A", "A", "A", "A", "B", "B"};
  std::vector<double> time{2018, 2019, 2020, 2021, 2018, 2019};
  auto latest = impute_panel(x, unit, time, ImputeMethod::PanelLatest);
  EXPECT_DOUBLE_EQ(latest[1], 1);
  EXPECT_DOUBLE_EQ(latest[3], 3);
  EXPECT_DOUBLE_EQ(latest[5], 10);
  auto linear = impute_panel(x, unit, time, ImputeMethod::PanelLinear);
  EXPECT_DOUBLE_EQ(linear[1], 2);
  EXPECT_DOUBLE_EQ(linear[3], 3);  // beyond the last value: held constant
  std::vector<double> lead{kNA, 4, 6};
  std::vector<std::string> one{"A", "A", "A"};
  std::vector<double> t3{2018, 2019, 2020};
  EXPECT_TRUE(is_na(impute_panel(lead, one, t3, ImputeMethod::PanelLatest)[0]));  // nothing earlier
  EXPECT_DOUBLE_EQ(impute_panel(lead, one, t3, ImputeMethod::PanelLinear)[0], 4);
}

}  // namespace
}  // namespace kc::index
