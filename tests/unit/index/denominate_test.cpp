#include "index/denominate.hpp"

#include <gtest/gtest.h>

#include "tiny_index.hpp"

namespace kc::index {
namespace {

TEST(Denominate, DividesByTheNamedDenominator) {
  MetaRow a = test::ind("a", "I");
  a.denominator = "Pop";
  MetaRow pop;
  pop.code = "Pop";
  pop.type = ColumnType::Denominator;
  Framework f = test::framework({a, test::ind("b", "I"), test::agg("I", 2, ""), pop});
  UnitData units;
  units.denominators = {{"Pop", {2, 0, kNA, 4}}};
  Dataset d = test::dataset({"a", "b"}, {{10, 10, 10, kNA}, {1, 2, 3, 4}});
  auto out = denominate(d, f, units);
  ASSERT_TRUE(out.ok());
  EXPECT_DOUBLE_EQ(out->values[0][0], 5);
  EXPECT_TRUE(is_na(out->values[0][1]));   // zero denominator: missing
  EXPECT_TRUE(is_na(out->values[0][2]));   // missing denominator
  EXPECT_TRUE(is_na(out->values[0][3]));   // missing value
  EXPECT_EQ(out->values[1], d.values[1]);  // no denominator: unchanged
}

TEST(Denominate, FollowsSourceRowsAfterScreening) {
  MetaRow a = test::ind("a", "I");
  a.denominator = "Pop";
  MetaRow pop;
  pop.code = "Pop";
  pop.type = ColumnType::Denominator;
  Framework f = test::framework({a, test::agg("I", 2, ""), pop});
  UnitData units;
  units.denominators = {{"Pop", {1, 2, 4}}};
  Dataset d = test::dataset({"a"}, {{8, 8}});
  d.source_rows = {0, 2};  // the second unit of the iData was screened out
  auto out = denominate(d, f, units);
  ASSERT_TRUE(out.ok());
  EXPECT_DOUBLE_EQ(out->values[0][1], 2);
}

TEST(Denominate, RefusesAMissingDenominatorColumn) {
  MetaRow a = test::ind("a", "I");
  a.denominator = "Pop";
  MetaRow pop;
  pop.code = "Pop";
  pop.type = ColumnType::Denominator;
  Framework f = test::framework({a, test::agg("I", 2, ""), pop});
  auto out = denominate(test::dataset({"a"}, {{1}}), f, UnitData{});
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find("Pop"), std::string::npos);
}

}  // namespace
}  // namespace kc::index
