#include "domain/registry_kind.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/registry_kinds.hpp"

namespace kc::domain {
namespace {

const FieldDef& field_of(const char* kind, const char* field) { return *find_kind(kind)->field(field); }

TEST(ParseCell, EmptyTextIsNull) {
  auto r = parse_cell(field_of("enterprises", "name"), "");
  ASSERT_TRUE(r);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(r.value()));
}

TEST(ParseCell, AmountsAreExactIntegerYuan) {
  const auto& f = field_of("enterprise_years", "sales_revenue");
  EXPECT_EQ(std::get<std::int64_t>(parse_cell(f, "4000.1234").value()), 40001234);
  EXPECT_EQ(format_cell(f, parse_cell(f, " 12.5 ").value()), "12.5");
  EXPECT_FALSE(parse_cell(f, "1.23456")) << "more than 4 decimals";
  EXPECT_FALSE(parse_cell(f, "-1")) << "amounts may not be negative";
  EXPECT_FALSE(parse_cell(f, "12a"));
}

TEST(ParseCell, DecimalScoresAreExactAndWithinTheirMaximum) {
  const auto& f = field_of("hte_expert_reviews", "transfer");  // 0–30 points
  EXPECT_EQ(to_string(f.type), "decimal");
  EXPECT_EQ(std::get<std::int64_t>(parse_cell(f, "23.4").value()), 234000);
  EXPECT_EQ(format_cell(f, parse_cell(f, "23.40").value()), "23.4");
  EXPECT_TRUE(parse_cell(f, "30")) << "the maximum itself is allowed";
  EXPECT_TRUE(parse_cell(f, "0"));
  auto over = parse_cell(f, "30.0001");
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().code, "field.out_of_range");
  EXPECT_EQ(over.error().message, "must be from 0 to 30");
  EXPECT_EQ(std::get<std::int64_t>(*over.error().param("min")), 0);
  EXPECT_EQ(std::get<std::int64_t>(*over.error().param("max")), 30);
  EXPECT_FALSE(parse_cell(f, "-0.5"));
  EXPECT_FALSE(parse_cell(f, "1.23456")) << "more than 4 decimals";
  EXPECT_FALSE(parse_cell(f, "many"));
}

TEST(ParseCell, IntegersRespectTheirRange) {
  const auto& year = field_of("enterprise_years", "year");
  EXPECT_EQ(std::get<std::int64_t>(parse_cell(year, "2013").value()), 2013);
  EXPECT_FALSE(parse_cell(year, "1800"));
  EXPECT_FALSE(parse_cell(year, "2013.5"));
}

TEST(ParseCell, BooleansChoicesAndDates) {
  const auto& above = field_of("enterprises", "above_size");
  EXPECT_EQ(std::get<std::int64_t>(parse_cell(above, "是").value()), 1);
  EXPECT_EQ(std::get<std::int64_t>(parse_cell(above, "false").value()), 0);
  EXPECT_FALSE(parse_cell(above, "maybe"));
  const auto& tech = field_of("enterprises", "tech_field");
  EXPECT_EQ(std::get<std::string>(parse_cell(tech, "新材料").value()), "4") << "Chinese label accepted";
  EXPECT_FALSE(parse_cell(tech, "9"));
  const auto& date = field_of("enterprises", "registered_on");
  EXPECT_EQ(std::get<std::string>(parse_cell(date, "2013-02-28").value()), "2013-02-28");
  EXPECT_FALSE(parse_cell(date, "2013-02-29"));
}

TEST(ParseCell, CodesAreVerifiedAndCanonical) {
  const auto& cc = field_of("enterprises", "credit_code");
  auto bad = parse_cell(cc, "91350100M000100Y44");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "credit_code.check_char") << "the parser's own code, for the web to translate";
  EXPECT_EQ(bad.error().message, "check character should be '3', not '4'");
  EXPECT_EQ(std::get<std::string>(*bad.error().param("expected")), "3");
  EXPECT_EQ(std::get<std::string>(parse_cell(cc, "91350100m000100y43").value()), "91350100M000100Y43");
  EXPECT_FALSE(parse_cell(field_of("enterprises", "region_code"), "990000"));
}

TEST(RegistryKinds, DeclarationsAreConsistent) {
  std::set<std::string> names;
  for (const auto& k : registry_kinds()) {
    EXPECT_TRUE(names.insert(k.name).second) << "duplicate kind " << k.name;
    EXPECT_NE(k.field(k.title_field), nullptr) << k.name;
    for (const auto& key : k.natural_key) EXPECT_NE(k.field(key), nullptr) << k.name << "." << key;
    std::set<std::string> fields;
    for (const auto& f : k.fields) {
      EXPECT_TRUE(fields.insert(f.name).second) << k.name << "." << f.name;
      if (f.type == FieldType::reference) {
        const auto* target = find_kind(f.references);
        ASSERT_NE(target, nullptr) << f.references;
        EXPECT_LT(target - registry_kinds().data(), &k - registry_kinds().data())
            << "referenced kinds are declared first";
      }
    }
    if (!k.enterprise_scope.empty() && k.enterprise_scope != "id") {
      EXPECT_NE(k.field(k.enterprise_scope), nullptr) << k.name;
    }
  }
}

// Every record belongs to a district: each kind names a filterable region field of its own, or a
// required reference to a kind declared earlier that has a district scope.
TEST(RegistryKinds, EveryKindPlacesItsRecordsInADistrict) {
  std::set<std::string> scoped;
  for (const auto& k : registry_kinds()) {
    const FieldDef* f = k.field(k.region_scope);
    ASSERT_NE(f, nullptr) << k.name << " has no district scope";
    if (f->type == FieldType::region_code) {
      EXPECT_TRUE(f->filterable) << k.name << ": the scope column needs an index";
    } else {
      EXPECT_EQ(f->type, FieldType::reference) << k.name;
      EXPECT_TRUE(f->required) << k.name << ": a record without " << f->name << " would lie in no district";
      EXPECT_TRUE(scoped.contains(f->references)) << k.name << " is scoped through " << f->references;
    }
    scoped.insert(k.name);
  }
  EXPECT_EQ(find_kind("enterprises")->region_scope, "region_code");
  EXPECT_EQ(find_kind("platform_years")->region_scope, "platform_id");
}

TEST(RegistryKinds, IndexOfIsAFieldsPositionAndFieldsSizeWhenThereIsNone) {
  const KindDef& years = *find_kind("enterprise_years");
  EXPECT_EQ(years.index_of("enterprise_id"), 0u);
  EXPECT_EQ(&years.fields[years.index_of("rd_total")], years.field("rd_total"));
  EXPECT_EQ(years.index_of("colour"), years.fields.size());
  EXPECT_EQ(years.field("colour"), nullptr);
}

}  // namespace
}  // namespace kc::domain
