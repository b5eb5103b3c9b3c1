// Rows with a region of their own (local programmes, index definitions): which a scoped actor
// sees, changes, and where its new rows lie.
#include "app/registry/district_scope.hpp"

#include <gtest/gtest.h>

namespace kc::app {
namespace {

Actor scoped(const char* region) {
  Actor a;
  a.username = "u";
  if (region) a.region = domain::RegionCode::parse(region).value();
  return a;
}

TEST(DistrictScope, VisibleRowsCoverTheScopeAndTheDivisionsAboveIt) {
  EXPECT_TRUE(visible_rows(scoped(nullptr)).prefix.empty());
  auto district = visible_rows(scoped("330205"));
  EXPECT_EQ(district.prefix, "330205");
  EXPECT_EQ(district.covering, (std::vector<std::string>{"330000", "330200"}));
  auto city = visible_rows(scoped("330200"));
  EXPECT_EQ(city.prefix, "3302");
  EXPECT_EQ(city.covering, (std::vector<std::string>{"330000"}));
  EXPECT_TRUE(visible_rows(scoped("330000")).covering.empty());
}

TEST(DistrictScope, OnlyRowsInsideTheScopeMayBeChanged) {
  EXPECT_TRUE(may_change_row(scoped(nullptr), std::nullopt));
  EXPECT_FALSE(may_change_row(scoped("330205"), std::nullopt)) << "the installation's";
  EXPECT_FALSE(may_change_row(scoped("330205"), "330200")) << "the city's";
  EXPECT_TRUE(may_change_row(scoped("330200"), "330205"));
  EXPECT_FALSE(may_change_row(scoped("330205"), "330206"));
}

TEST(DistrictScope, ChosenRegionMustLieInTheScope) {
  const auto a = scoped("330205");
  EXPECT_EQ(choose_region(a, std::nullopt, region_of_scope(a)).value(), "330205");
  EXPECT_EQ(choose_region(scoped(nullptr), std::nullopt, region_of_scope(scoped(nullptr))).value(), std::nullopt);
  EXPECT_EQ(choose_region(scoped("330200"), std::optional<std::string>{"330206"}, std::nullopt).value(), "330206");
  auto other = choose_region(a, std::optional<std::string>{"330206"}, std::nullopt);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.problem().status, 403);
  EXPECT_EQ(other.problem().message, "region_outside_scope");
  auto wide = choose_region(a, std::optional<std::string>{}, std::nullopt);
  ASSERT_FALSE(wide);
  EXPECT_EQ(wide.problem().errors.at(0).field, "region_code");
  auto malformed = choose_region(scoped(nullptr), std::optional<std::string>{"3302"}, std::nullopt);
  ASSERT_FALSE(malformed);
  EXPECT_EQ(malformed.problem().errors.at(0).field, "region_code");
  EXPECT_EQ(choose_region(scoped(nullptr), std::optional<std::string>{}, "330205").value(), std::nullopt);
}

}  // namespace
}  // namespace kc::app
