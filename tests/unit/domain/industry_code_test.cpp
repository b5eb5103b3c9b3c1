#include "domain/industry_code.hpp"

#include <gtest/gtest.h>

using kc::domain::IndustryCode;
using kc::domain::IndustryLevel;

TEST(IndustryCode, ParsesEveryShape) {
  auto section = IndustryCode::parse("C");
  ASSERT_TRUE(section.ok());
  EXPECT_EQ(section->level(), IndustryLevel::section);
  EXPECT_EQ(section->section_name_zh(), "制造业");
  auto division = IndustryCode::parse("39");
  ASSERT_TRUE(division.ok());
  EXPECT_EQ(division->section(), 'C');  // inferred from the division
  EXPECT_EQ(division->text(), "C39");
  EXPECT_EQ(division->level(), IndustryLevel::division);
  auto group = IndustryCode::parse("I651");
  ASSERT_TRUE(group.ok());
  EXPECT_EQ(group->level(), IndustryLevel::group);
  auto cls = IndustryCode::parse(" c 3911 ");
  ASSERT_TRUE(cls.ok()) << cls.error().message;
  EXPECT_EQ(cls->text(), "C3911");
  EXPECT_EQ(cls->digits(), "3911");
  EXPECT_EQ(cls->level(), IndustryLevel::industry_class);
  EXPECT_EQ(IndustryCode::parse("Ｍ７３")->text(), "M73");
}

TEST(IndustryCode, SectionBoundaries) {
  // First and last division of every section, and the neighbour just outside it.
  struct Case {
    char section;
    int first;
    int last;
  };
  const Case cases[] = {{'A', 1, 5},   {'B', 6, 12},  {'C', 13, 43}, {'D', 44, 46}, {'E', 47, 50},
                        {'F', 51, 52}, {'G', 53, 60}, {'H', 61, 62}, {'I', 63, 65}, {'J', 66, 69},
                        {'K', 70, 70}, {'L', 71, 72}, {'M', 73, 75}, {'N', 76, 79}, {'O', 80, 82},
                        {'P', 83, 83}, {'Q', 84, 85}, {'R', 86, 90}, {'S', 91, 96}, {'T', 97, 97}};
  for (const auto& c : cases) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%c%02d", c.section, c.first);
    EXPECT_TRUE(IndustryCode::parse(buf).ok()) << buf;
    std::snprintf(buf, sizeof buf, "%c%02d", c.section, c.last);
    EXPECT_TRUE(IndustryCode::parse(buf).ok()) << buf;
    std::snprintf(buf, sizeof buf, "%c%02d", c.section, c.last + 1);
    EXPECT_FALSE(IndustryCode::parse(buf).ok()) << buf;
    if (c.first > 1) {
      std::snprintf(buf, sizeof buf, "%c%02d", c.section, c.first - 1);
      EXPECT_FALSE(IndustryCode::parse(buf).ok()) << buf;
    }
    EXPECT_EQ(kc::domain::industry_section_of_division(c.first), c.section);
    EXPECT_EQ(kc::domain::industry_section_of_division(c.last), c.section);
  }
}

TEST(IndustryCode, RefusesWithReasons) {
  EXPECT_EQ(IndustryCode::parse("").error().code, "industry_code.empty");
  EXPECT_EQ(IndustryCode::parse("U").error().code, "industry_code.section");
  EXPECT_EQ(IndustryCode::parse("00").error().code, "industry_code.division");
  EXPECT_EQ(IndustryCode::parse("98").error().code, "industry_code.division");
  EXPECT_EQ(IndustryCode::parse("3").error().code, "industry_code.length");
  EXPECT_EQ(IndustryCode::parse("C39111").error().code, "industry_code.length");
  EXPECT_EQ(IndustryCode::parse("C39A").error().code, "industry_code.format");
  auto mismatch = IndustryCode::parse("I3911");
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().code, "industry_code.section_mismatch");
  EXPECT_NE(mismatch.error().message.find("belongs to section C, not I"), std::string::npos)
      << mismatch.error().message;
}
