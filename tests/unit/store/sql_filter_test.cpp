#include "store/sql_filter.hpp"

#include <gtest/gtest.h>

namespace kc::store {
namespace {

TEST(SqlFilter, NumbersPlaceholdersInOrder) {
  SqlFilter f;
  f.contains_any({"a", "b"}, "x").add("c = ?", std::int64_t{1}).add("d <= ?", std::string("z"));
  EXPECT_EQ(f.where(),
            " WHERE (LOWER(COALESCE(a, '')) LIKE LOWER($1) ESCAPE '\\' OR LOWER(COALESCE(b, '')) LIKE "
            "LOWER($1) ESCAPE '\\') AND (c = $2) AND (d <= $3)");
  EXPECT_EQ(f.params().size(), 3u);
  EXPECT_EQ(f.next_placeholder(), "$4");
}

TEST(SqlFilter, InListsOneParameterPerValueAndNothingForNone) {
  SqlFilter f;
  f.add("a = ?", std::int64_t{1}).in("id", {}).in("id", {7, 9});
  EXPECT_EQ(f.where(), " WHERE (a = $1) AND (id IN ($2, $3))");
  ASSERT_EQ(f.params().size(), 3u);
  EXPECT_EQ(std::get<std::int64_t>(f.params()[2]), 9);
}

TEST(SqlFilter, EmptyFilterHasNoWhere) {
  SqlFilter f;
  f.contains_any({"a"}, "");
  EXPECT_EQ(f.where(), "");
}

TEST(SqlFilter, LikePatternTakesWildcardsLiterally) {
  EXPECT_EQ(like_contains("50%_a\\b"), "%50\\%\\_a\\\\b%");
}

}  // namespace
}  // namespace kc::store
