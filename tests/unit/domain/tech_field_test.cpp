#include "domain/tech_field.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

using kc::domain::TechField;

TEST(TechField, EightFieldsWithDistinctCodesAndNames) {
  std::set<int> codes;
  std::set<std::string> zh;
  std::set<std::string> en;
  for (TechField f : kc::domain::kAllTechFields) {
    codes.insert(kc::domain::tech_field_code(f));
    zh.insert(std::string(kc::domain::tech_field_name_zh(f)));
    en.insert(std::string(kc::domain::tech_field_name_en(f)));
  }
  EXPECT_EQ(codes, (std::set<int>{1, 2, 3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(zh.size(), 8u);
  EXPECT_EQ(en.size(), 8u);
  EXPECT_EQ(kc::domain::tech_field_name_zh(TechField::electronic_information), "电子信息");
  EXPECT_EQ(kc::domain::tech_field_name_zh(TechField::advanced_manufacturing_and_automation),
            "先进制造与自动化");
}

TEST(TechField, FromCodeBoundaries) {
  EXPECT_EQ(kc::domain::tech_field_from_code(1).value(), TechField::electronic_information);
  EXPECT_EQ(kc::domain::tech_field_from_code(8).value(),
            TechField::advanced_manufacturing_and_automation);
  EXPECT_EQ(kc::domain::tech_field_from_code(0).error().code, "tech_field.code");
  EXPECT_EQ(kc::domain::tech_field_from_code(9).error().code, "tech_field.code");
}

TEST(TechField, ParsesCodeAndNames) {
  EXPECT_EQ(kc::domain::parse_tech_field("4").value(), TechField::new_materials);
  EXPECT_EQ(kc::domain::parse_tech_field("４").value(), TechField::new_materials);
  EXPECT_EQ(kc::domain::parse_tech_field(" 新材料 ").value(), TechField::new_materials);
  EXPECT_EQ(kc::domain::parse_tech_field("High-Tech Services").value(),
            TechField::high_tech_services);
  EXPECT_EQ(kc::domain::parse_tech_field("9").error().code, "tech_field.code");
  auto unknown = kc::domain::parse_tech_field("人工智能");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "tech_field.name");
  EXPECT_NE(unknown.error().message.find("人工智能"), std::string::npos);
  EXPECT_EQ(std::get<std::string>(*unknown.error().param("text")), "人工智能");
}
