#include "domain/region_code.hpp"

#include <gtest/gtest.h>

using kc::domain::RegionCode;
using kc::domain::RegionLevel;

TEST(RegionCode, ParsesLevels) {
  auto province = RegionCode::parse("330000");
  ASSERT_TRUE(province.ok());
  EXPECT_EQ(province->level(), RegionLevel::province);
  EXPECT_EQ(province->province_name_zh(), "浙江省");
  auto city = RegionCode::parse("330100");
  ASSERT_TRUE(city.ok());
  EXPECT_EQ(city->level(), RegionLevel::prefecture);
  auto county = RegionCode::parse(" ３３０１０６ ");
  ASSERT_TRUE(county.ok());
  EXPECT_EQ(county->text(), "330106");
  EXPECT_EQ(county->level(), RegionLevel::county);
  EXPECT_EQ(county->prefecture_part(), "01");
  EXPECT_EQ(county->county_part(), "06");
  EXPECT_EQ(county->province(), province.value());
  EXPECT_EQ(county->prefecture(), city.value());
}

TEST(RegionCode, Contains) {
  auto zj = RegionCode::parse("330000").value();
  auto hz = RegionCode::parse("330100").value();
  auto xh = RegionCode::parse("330106").value();
  auto nb = RegionCode::parse("330200").value();
  auto sh = RegionCode::parse("310000").value();
  EXPECT_TRUE(zj.contains(xh));
  EXPECT_TRUE(hz.contains(xh));
  EXPECT_TRUE(xh.contains(xh));
  EXPECT_FALSE(xh.contains(hz));
  EXPECT_FALSE(nb.contains(xh));
  EXPECT_FALSE(sh.contains(xh));
}

TEST(RegionCode, AllProvincePrefixesAndOnlyThose) {
  int valid = 0;
  for (int p = 0; p < 100; ++p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d0000", p);
    if (RegionCode::parse(buf).ok()) ++valid;
  }
  EXPECT_EQ(valid, 34);
  EXPECT_TRUE(RegionCode::parse("820000").ok());  // 澳门
  EXPECT_TRUE(
      RegionCode::parse("419001").ok());  // 济源市, a province-administered county-level city
}

TEST(RegionCode, RefusesMalformed) {
  EXPECT_EQ(RegionCode::parse("33010").error().code, "region_code.length");
  EXPECT_EQ(RegionCode::parse("3301067").error().code, "region_code.length");
  EXPECT_EQ(RegionCode::parse("33O106").error().code, "region_code.digit");
  EXPECT_EQ(RegionCode::parse("990000").error().code, "region_code.province");
  EXPECT_EQ(RegionCode::parse("100000").error().code, "region_code.province");
  auto level = RegionCode::parse("330006");
  ASSERT_FALSE(level.ok());
  EXPECT_EQ(level.error().code, "region_code.level");
  EXPECT_NE(level.error().message.find("330006"), std::string::npos);
}
