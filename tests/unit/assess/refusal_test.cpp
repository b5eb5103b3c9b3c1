// The refusals of spec/assessment.md §1 and §9 one by one, each on an otherwise sound scheme, so a
// check that is lost shows up as an accepted input; and the message names what is at fault.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <functional>
#include <string>

#include "assess/parse.hpp"

namespace {

namespace json = boost::json;

// A sound target_ratio scheme: a group with two indicators, grades and one veto.
json::object sound() {
  return json::parse(R"({
    "scheme": {"code": "s", "method": "target_ratio",
      "nodes": [
        {"code": "grp", "parent": null},
        {"code": "ind_a", "parent": "grp", "indicator": "ind_a", "target": 2},
        {"code": "ind_b", "parent": "grp", "indicator": "ind_b", "target": 4, "weight": 2}],
      "grades": [{"grade": "good", "min": 80}, {"grade": "fail", "min": null}],
      "vetoes": [{"code": "veto_x", "all": [{"indicator": "ind_a", "test": "falls"}], "max_grade": "fail"}]},
    "units": [{"code": "unit_1", "values": {"ind_a": 1, "ind_b": 2}}]})").as_object();
}

json::object& scheme(json::object& in) { return in["scheme"].as_object(); }
json::object& node(json::object& in, std::size_t i) { return scheme(in)["nodes"].as_array()[i].as_object(); }

void expect_refused(const std::function<void(json::object&)>& change, const std::string& named) {
  auto in = sound();
  change(in);
  const auto r = kc::assess::parse_input(json::serialize(in));
  ASSERT_FALSE(r.ok()) << "accepted: " << json::serialize(in);
  EXPECT_NE(r.error().message.find(named), std::string::npos) << r.error().message;
}

TEST(AssessRefusals, TheSoundSchemeIsAccepted) {
  EXPECT_TRUE(kc::assess::parse_input(json::serialize(sound())).ok());
}

TEST(AssessRefusals, TreeFaults) {
  expect_refused([](auto& in) { node(in, 2)["code"] = "ind_a"; }, "ind_a");                 // repeated code
  expect_refused([](auto& in) { node(in, 1)["parent"] = "nowhere"; }, "nowhere");   // unknown parent
  expect_refused([](auto& in) { node(in, 0)["parent"] = "grp"; }, "grp");               // a cycle
  expect_refused([](auto& in) {                                                     // empty group
    scheme(in)["nodes"].as_array().push_back(json::parse(R"({"code": "empty", "parent": null})"));
  }, "empty");
  expect_refused([](auto& in) { node(in, 2)["parent"] = "ind_a"; }, "ind_a");               // leaf with children
}

TEST(AssessRefusals, NodeFaults) {
  expect_refused([](auto& in) { node(in, 2)["weight"] = 0; }, "ind_b");
  expect_refused([](auto& in) { node(in, 2)["weight"] = "two"; }, "ind_b");
  expect_refused([](auto& in) { node(in, 1).erase("target"); }, "ind_a");
  expect_refused([](auto& in) { node(in, 1)["target"] = 0; }, "ind_a");
  expect_refused([](auto& in) { node(in, 1)["target"] = -1; }, "ind_a");
  expect_refused([](auto& in) { node(in, 1)["direction"] = 2; }, "ind_a");
}

TEST(AssessRefusals, MethodSpecificFaults) {
  expect_refused([](auto& in) {  // growth is not defined for the base year
    scheme(in)["method"] = "base_index";
    node(in, 1)["transform"] = "growth";
  }, "ind_a");
  expect_refused([](auto& in) {  // a target given to a base_index node must still be positive
    scheme(in)["method"] = "base_index";
    node(in, 1)["target"] = 0;
  }, "ind_a");
  expect_refused([](auto& in) { scheme(in)["method"] = "points"; }, "points");  // points required
  expect_refused([](auto& in) {
    scheme(in)["method"] = "points";
    scheme(in)["missing"] = "reweight";
  }, "reweight");
  const auto points = [](auto& in) {
    scheme(in)["method"] = "points";
    node(in, 1)["points"] = 1;
    node(in, 2)["points"] = 1;
  };
  expect_refused([&](auto& in) {
    points(in);
    node(in, 1)["bonus"] = json::parse(R"({"per": 0, "points": 0.1, "max": 1})");
  }, "ind_a");
  expect_refused([&](auto& in) {
    points(in);
    node(in, 1)["bands"] = json::parse(R"([{"from": 1, "share": 1}, {"from": 1, "share": 0.5}])");
  }, "ind_a");
  expect_refused([&](auto& in) {
    points(in);
    node(in, 1)["bands"] = json::parse(R"([{"from": 1, "share": 1.5}])");
  }, "ind_a");
  auto ok = sound();
  points(ok);
  EXPECT_TRUE(kc::assess::parse_input(json::serialize(ok)).ok());
}

TEST(AssessRefusals, GradeAndVetoFaults) {
  expect_refused([](auto& in) { scheme(in)["grades"].as_array()[1].as_object()["grade"] = "good"; }, "good");
  expect_refused([](auto& in) { scheme(in)["grades"].as_array()[1].as_object()["min"] = 90; }, "fail");
  expect_refused([](auto& in) { scheme(in)["grades"].as_array()[1].as_object()["min"] = 60; }, "grades");
  expect_refused([](auto& in) {
    scheme(in)["grades"].as_array()[0].as_object()["min"] = nullptr;
  }, "fail");
  expect_refused([](auto& in) {
    scheme(in)["vetoes"].as_array()[0].as_object()["all"].as_array()[0].as_object()["indicator"] = "ind_c";
  }, "ind_c");
  expect_refused([](auto& in) { scheme(in).erase("grades"); }, "veto_x");  // names a grade, none exist
  expect_refused([](auto& in) {
    auto& v = scheme(in)["vetoes"].as_array();
    v.push_back(v[0]);
  }, "veto_x");
}

TEST(AssessRefusals, MalformedUnitsNameTheUnitAndField) {
  expect_refused([](auto& in) { in["units"].as_array()[0].as_object()["values"].as_object()["ind_b"] = "x"; }, "unit_1");
  expect_refused([](auto& in) { in["units"].as_array()[0].as_object()["values"].as_object()["ind_b"] = "x"; }, "ind_b");
  expect_refused([](auto& in) { in["units"].as_array().push_back(in["units"].as_array()[0]); }, "unit_1");
  const auto r = kc::assess::parse_input("{not json");
  EXPECT_FALSE(r.ok());
}

}  // namespace
