#include "index/model.hpp"

#include <gtest/gtest.h>

#include "tiny_index.hpp"

namespace kc::index {
namespace {

using test::agg;
using test::ind;

TEST(Framework, BuildsTheTreeInMetaOrder) {
  auto f = Framework::build({ind("a", "P"), ind("b", "P"), ind("c", "Q"), agg("P", 2, "I"),
                             agg("Q", 2, "I"), agg("I", 3, "")});
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_EQ(f->max_level(), 3);
  EXPECT_EQ(f->indicators(), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(f->aggregates_at(2), (std::vector<int>{3, 4}));
  EXPECT_EQ(f->children(3), (std::vector<int>{0, 1}));
  EXPECT_EQ(f->parent(2), 4);
  EXPECT_EQ(f->top(), (std::vector<int>{5}));
  EXPECT_EQ(f->find("Q"), 4);
  EXPECT_EQ(f->find("nope"), -1);
}

TEST(Framework, AllowsUnbalancedTrees) {
  // Indicator d sits directly under a level-2 pillar that feeds the index alongside a deeper
  // branch.
  auto f = Framework::build({ind("a", "P"), ind("d", "R"), agg("P", 2, "S"), agg("R", 2, "T"),
                             agg("S", 3, "I"), agg("T", 3, "I"), agg("I", 4, "")});
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->max_level(), 4);
}

TEST(Framework, RefusesBadRowsNamingThem) {
  auto dup = Framework::build({ind("a", "I"), ind("a", "I"), agg("I", 2, "")});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, "meta.duplicate");
  EXPECT_NE(dup.error().message.find("row 2"), std::string::npos);

  auto orphan = Framework::build({ind("a", "X"), agg("I", 2, "")});
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, "meta.parent");

  auto skip = Framework::build({ind("a", "I"), agg("P", 2, "I"), agg("I", 3, "")});
  ASSERT_FALSE(skip.ok());  // a's parent must be at level 2; and P has no children
  EXPECT_EQ(skip.error().code, "meta.parent");

  auto childless =
      Framework::build({ind("a", "P"), agg("P", 2, "I"), agg("Q", 2, "I"), agg("I", 3, "")});
  ASSERT_FALSE(childless.ok());
  EXPECT_EQ(childless.error().code, "meta.children");

  MetaRow bad_dir = ind("a", "I", 1, 2);
  auto dir = Framework::build({bad_dir, agg("I", 2, "")});
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.error().code, "meta.direction");

  MetaRow den = ind("a", "I");
  den.denominator = "GDP";
  auto d = Framework::build({den, agg("I", 2, "")});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "meta.denominator");
}

TEST(ColumnTypes, ParseAndPrint) {
  for (auto t : {ColumnType::Indicator, ColumnType::Aggregate, ColumnType::Group,
                 ColumnType::Denominator, ColumnType::Other})
    EXPECT_EQ(parse_column_type(to_string(t)).value(), t);
  EXPECT_FALSE(parse_column_type("indicator").ok());
}

TEST(Assemble, RefusesDuplicateUnitsAndMissingIndicators) {
  Framework f = test::framework({ind("a", "I"), agg("I", 2, "")});
  UnitData u;
  u.codes = {"x", "x"};
  auto dup = assemble(f, u, {{"a", {1, 2}}});
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.error().message.find("appears twice"), std::string::npos);
  u.codes = {"x", "y"};
  auto missing = assemble(f, u, {{"b", {1, 2}}});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("'a'"), std::string::npos);
  auto good = assemble(f, u, {{"a", {1, 2}}});
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good->raw.values[0], (std::vector<double>{1, 2}));
  EXPECT_EQ(good->raw.unit("y"), 1);
}

}  // namespace
}  // namespace kc::index
