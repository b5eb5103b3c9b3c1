// The output writer: shortest decimal numbers that still read back as the same doubles.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "json/json_text.hpp"

namespace {

namespace json = boost::json;

TEST(AssessJsonOut, NumbersAreShortestDecimalsThatRoundTrip) {
  const json::value v = json::parse(R"({"a": [92.5, 100.0, 0.1, 1e-7, 2.1562500312500004, -3], "b": null, "c": "区 \"x\""})");
  const std::string text = kc::json::to_text(v);
  EXPECT_EQ(json::parse(text), v);
  EXPECT_NE(text.find("92.5"), std::string::npos) << text;
  EXPECT_NE(text.find("2.1562500312500004"), std::string::npos) << text;
  EXPECT_EQ(text.find("E1"), std::string::npos) << text;
}

TEST(AssessJsonOut, NonFiniteNumbersBecomeNull) {
  json::object o{{"x", std::nan("")}};
  EXPECT_EQ(kc::json::to_text(o), R"({"x":null})");
}

}  // namespace
