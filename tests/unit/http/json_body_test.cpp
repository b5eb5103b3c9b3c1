#include "http/json_body.hpp"

#include <gtest/gtest.h>

namespace kc::http {
namespace {

TEST(ParseJsonObject, ReportsLineAndColumnOfTheError) {
  auto r = parse_json_object("{\n  \"a\": 1,\n  \"b\": ]\n}");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.problem().status, 400);
  EXPECT_NE(r.problem().detail.find("line 3, column 8"), std::string::npos) << r.problem().detail;
}

TEST(ParseJsonObject, RefusesNonObjects) {
  EXPECT_FALSE(parse_json_object("[1]"));
  EXPECT_FALSE(parse_json_object(""));
  EXPECT_TRUE(parse_json_object(R"({"名字":"科创"})"));
}

TEST(FieldReader, CollectsTypeErrorsPerField) {
  auto body = parse_json_object(R"({"name": 5, "flag": "yes", "n": 1.5, "extra": null})");
  FieldReader f(body.value());
  f.allow_only({"name", "flag", "n", "missing"});
  EXPECT_EQ(f.required_string("name"), "");
  EXPECT_FALSE(f.optional_bool("flag"));
  EXPECT_FALSE(f.optional_integer("n"));
  f.required_string("missing");
  ASSERT_FALSE(f.ok());
  std::vector<std::string> fields;
  for (const auto& e : f.problem().errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"extra", "name", "flag", "n", "missing"}));
}

TEST(FieldReader, EnforcesLengthLimits) {
  auto body = parse_json_object(R"({"s": "abcdef"})");
  FieldReader f(body.value());
  EXPECT_FALSE(f.optional_string("s", 5));
  EXPECT_FALSE(f.ok());
}

}  // namespace
}  // namespace kc::http
