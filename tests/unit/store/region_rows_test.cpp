// Local programmes and index definitions carry a region of their own: a scoped reader finds the
// rows inside its scope, the installation's (NULL) and those of the divisions covering it.
#include "store/region_rows.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/index_definition_repository.hpp"
#include "store/programme_repository.hpp"
#include "temp_database.hpp"

namespace kc::store {
namespace {

const RegionRows kDistrictA{"330205", {"330000", "330200"}};
const RegionRows kCity{"3302", {"330000"}};

std::vector<std::string> regions(const std::vector<ProgrammeRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.region_code.value_or("-"));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(RegionRows, NoConditionForTheWholeInstallation) {
  Params params;
  EXPECT_EQ(region_rows_condition("region_code", {}, params), "");
  EXPECT_TRUE(params.empty());
}

TEST(RegionRows, ConditionNumbersItsValuesAfterThoseGiven) {
  Params params{std::int64_t{7}};
  EXPECT_EQ(region_rows_condition("region_code", kCity, params),
            "(region_code IS NULL OR (region_code >= $2 AND region_code < $3) OR region_code = $4)");
  EXPECT_EQ(params, (Params{std::int64_t{7}, std::string("3302"), std::string("3303"), std::string("330000")}));
}

TEST(RegionRows, ProgrammesOfAScopeTheInstallationAndTheCoveringCity) {
  testing::TempDatabase db;  // with the two shipped programmes, both the installation's
  auto conn = db->acquire();
  ProgrammeRepository programmes(*conn);
  std::int64_t in_b = 0;
  for (const char* region : {"330205", "330206", "330200", "330106"}) {
    const std::int64_t id = programmes.insert({0, std::string("p-") + region, "{}", "test", "2024-01-01T00:00:00Z", region});
    if (std::string(region) == "330206") in_b = id;
  }
  EXPECT_EQ(regions(programmes.list()), (std::vector<std::string>{"-", "-", "330106", "330200", "330205", "330206"}));
  EXPECT_EQ(regions(programmes.list(kDistrictA)), (std::vector<std::string>{"-", "-", "330200", "330205"}));
  EXPECT_EQ(regions(programmes.list(kCity)), (std::vector<std::string>{"-", "-", "330200", "330205", "330206"}));
  EXPECT_FALSE(programmes.find(in_b, kDistrictA));
  ASSERT_TRUE(programmes.find(in_b, kCity));
  EXPECT_EQ(programmes.find(in_b, kCity)->region_code, "330206");

  auto row = *programmes.find(in_b);
  row.region_code.reset();
  ASSERT_TRUE(programmes.update(row));
  EXPECT_TRUE(programmes.find(in_b, kDistrictA)) << "now the installation's";
}

TEST(RegionRows, IndexDefinitionsKeepTheirRegion) {
  testing::TempDatabase db;
  auto conn = db->acquire();
  IndexDefinitionRepository definitions(*conn);
  IndexDefinitionRow d{0, "甲区", "", "region_statistics", std::nullopt, "Level\n", "{}", "test", "", "2024-01-01T00:00:00Z", "330205"};
  const std::int64_t a = definitions.insert(d);
  d.name = "全部";
  d.region_code.reset();
  const std::int64_t all = definitions.insert(d);
  const RegionRows district_b{"330206", {"330000", "330200"}};
  EXPECT_FALSE(definitions.find(a, district_b));
  EXPECT_TRUE(definitions.find(all, district_b));
  ASSERT_EQ(definitions.list(district_b).size(), 1u);
  ASSERT_EQ(definitions.list(kDistrictA).size(), 2u);
  EXPECT_EQ(definitions.find(a)->region_code, "330205");
}

}  // namespace
}  // namespace kc::store
