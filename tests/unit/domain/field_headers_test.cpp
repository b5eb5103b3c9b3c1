#include "domain/field_headers.hpp"

#include <gtest/gtest.h>

#include "domain/registry_kinds.hpp"

namespace kc::domain {
namespace {

const FieldDef& field(const char* kind, const char* name) {
  const KindDef& k = *find_kind(kind);
  return k.fields.at(k.index_of(name));
}

TEST(FieldHeaders, LabelsCarryTheirUnitInEachLanguage) {
  const auto& capital = field("enterprises", "registered_capital");
  EXPECT_EQ(header_of(capital, HeaderLanguage::names), "registered_capital");
  EXPECT_EQ(header_of(capital, HeaderLanguage::zh), capital.zh + "（万元）");
  EXPECT_EQ(header_of(capital, HeaderLanguage::en), capital.en + " (10k yuan)");
  const auto& name = field("enterprises", "name");
  EXPECT_EQ(header_of(name, HeaderLanguage::zh), name.zh) << "no unit, no brackets";
}

TEST(FieldHeaders, EveryUnitAKindDeclaresHasAnEnglishName) {
  for (const auto& kind : registry_kinds()) {
    for (const auto& f : kind.fields) {
      if (f.unit.empty()) continue;
      EXPECT_FALSE(unit_in_english(f.unit).empty()) << kind.name << "." << f.name << " unit " << f.unit;
    }
  }
}

TEST(FieldHeaders, ParsesTheThreeLanguagesOnly) {
  EXPECT_EQ(parse_header_language("zh"), HeaderLanguage::zh);
  EXPECT_EQ(parse_header_language("en"), HeaderLanguage::en);
  EXPECT_EQ(parse_header_language("names"), HeaderLanguage::names);
  EXPECT_FALSE(parse_header_language("zh-CN"));
  EXPECT_FALSE(parse_header_language(""));
}

}  // namespace
}  // namespace kc::domain
