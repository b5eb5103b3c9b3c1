// Every worked example of tests/reference/assessment through the engine, compared as its README
// says: numbers within 1e-9 (relative or absolute), vetoes and missing as sets, next_rank within
// 1e-6 × max(1, |x'|) and on the side that achieves the move; every *.invalid.json refused.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "assess/assess.hpp"
#include "assess/parse.hpp"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
const fs::path kDir = fs::path(KC_REFERENCE_DIR) / "assessment";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Example names (without extension) whose file ends with `suffix`.
std::vector<std::string> examples(const std::string& suffix) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(kDir)) {
    const std::string name = e.path().filename().string();
    if (name.ends_with(suffix)) out.push_back(name.substr(0, name.size() - suffix.size()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool close(double got, double want, double tolerance) {
  const double diff = std::fabs(got - want);
  return diff <= tolerance || diff <= tolerance * std::fabs(want);
}

void expect_number(const json::value* got, const json::value& want, const std::string& what) {
  ASSERT_NE(got, nullptr) << what << " is absent";
  if (want.is_null()) {
    EXPECT_TRUE(got->is_null()) << what << ": expected null, got " << json::serialize(*got);
    return;
  }
  ASSERT_TRUE(got->is_number()) << what << ": expected " << json::serialize(want) << ", got "
                                << json::serialize(*got);
  EXPECT_TRUE(close(got->to_number<double>(), want.to_number<double>(), 1e-9))
      << what << ": got " << json::serialize(*got) << ", expected " << json::serialize(want);
}

std::set<std::string> as_set(const json::value& v) {
  std::set<std::string> out;
  for (const auto& s : v.as_array()) out.insert(std::string(s.as_string()));
  return out;
}

bool no_moves(const json::object& unit) {
  const auto* v = unit.if_contains("next_rank");
  return !v || v->is_null() || (v->is_object() && v->get_object().empty());
}

// Direction of each indicator node of the input scheme, by node code.
std::map<std::string, int> directions(const json::value& input) {
  std::map<std::string, int> out;
  for (const auto& n : input.at("scheme").at("nodes").as_array()) {
    const auto& o = n.as_object();
    const auto* d = o.if_contains("direction");
    out[std::string(o.at("code").as_string())] = d && !d->is_null() ? static_cast<int>(d->to_number<double>()) : 1;
  }
  return out;
}

void expect_moves(const json::object& got, const json::object& want, const std::map<std::string, int>& dir,
                  const std::string& unit) {
  if (no_moves(want)) {
    EXPECT_TRUE(no_moves(got)) << unit << ": a unit ranked 1 or unranked has no next_rank";
    return;
  }
  ASSERT_FALSE(no_moves(got)) << unit << ": next_rank is missing";
  const auto& g = got.at("next_rank").as_object();
  for (const auto& [node, w] : want.at("next_rank").as_object()) {
    const std::string what = unit + " next_rank." + std::string(node);
    const auto* x = g.if_contains(node);
    ASSERT_NE(x, nullptr) << what << " is absent";
    if (w.is_null()) {
      EXPECT_TRUE(x->is_null()) << what << ": expected null, got " << json::serialize(*x);
      continue;
    }
    ASSERT_TRUE(x->is_number()) << what << ": expected " << json::serialize(w);
    const double gv = x->to_number<double>(), wv = w.to_number<double>();
    const double tolerance = 1e-6 * std::max(1.0, std::fabs(wv));
    EXPECT_LE(std::fabs(gv - wv), tolerance) << what << ": got " << gv << ", expected " << wv;
    // The achieving side: not below the boundary for direction 1, not above it for −1 (a margin
    // of 1e-12 relative allows for the expected file's own last digit).
    const double slack = 1e-12 * std::max(1.0, std::fabs(wv));
    if (dir.at(std::string(node)) == 1) {
      EXPECT_GE(gv, wv - slack) << what << " falls short of the move";
    } else {
      EXPECT_LE(gv, wv + slack) << what << " falls short of the move";
    }
  }
}

class AssessExample : public testing::TestWithParam<std::string> {};

TEST_P(AssessExample, MatchesTheExpectedOutput) {
  const std::string text = read(kDir / (GetParam() + ".json"));
  const auto result = kc::assess::assess_document(text);
  ASSERT_TRUE(result.ok()) << result.error().message;
  const json::value got = json::parse(result.value());
  const json::value want = json::parse(read(kDir / (GetParam() + ".expected.json")));
  const auto dir = directions(json::parse(text));
  EXPECT_EQ(got.at("scheme"), want.at("scheme"));
  const auto& gu = got.at("units").as_array();
  const auto& wu = want.at("units").as_array();
  ASSERT_EQ(gu.size(), wu.size());
  for (std::size_t i = 0; i < wu.size(); ++i) {
    const auto& g = gu[i].as_object();
    const auto& w = wu[i].as_object();
    const std::string unit = std::string(w.at("code").as_string());
    EXPECT_EQ(g.at("code"), w.at("code")) << "units come in input order";
    expect_number(g.if_contains("total"), w.at("total"), unit + " total");
    EXPECT_EQ(g.at("rank"), w.at("rank")) << unit << " rank";
    EXPECT_EQ(g.at("grade"), w.at("grade")) << unit << " grade";
    EXPECT_EQ(as_set(g.at("vetoes")), as_set(w.at("vetoes"))) << unit << " vetoes";
    EXPECT_EQ(as_set(g.at("missing")), as_set(w.at("missing"))) << unit << " missing";
    const auto& gn = g.at("nodes").as_object();
    for (const auto& [code, node] : w.at("nodes").as_object()) {
      const std::string what = unit + " node " + std::string(code);
      const auto* n = gn.if_contains(code);
      ASSERT_NE(n, nullptr) << what << " is absent";
      for (const char* field : {"value", "score"})
        if (const auto* wf = node.as_object().if_contains(field))
          expect_number(n->as_object().if_contains(field), *wf, what + " " + field);
    }
    expect_moves(g, w, dir, unit);
  }
}

INSTANTIATE_TEST_SUITE_P(Reference, AssessExample, testing::ValuesIn(examples(".expected.json")),
                         [](const auto& info) { return info.param; });

// The codes an invalid example could name: its nodes, vetoes and grades.
std::set<std::string> named_things(const json::value& input) {
  std::set<std::string> out;
  const auto& s = input.at("scheme").as_object();
  for (const char* list : {"nodes", "vetoes"})
    if (const auto* v = s.if_contains(list))
      for (const auto& x : v->as_array()) out.insert(std::string(x.at("code").as_string()));
  return out;
}

class AssessRefusal : public testing::TestWithParam<std::string> {};

TEST_P(AssessRefusal, IsRefusedNamingTheNodeOrVeto) {
  const std::string text = read(kDir / (GetParam() + ".invalid.json"));
  const auto result = kc::assess::parse_input(text);
  ASSERT_FALSE(result.ok()) << GetParam() << " was accepted";
  const auto& message = result.error().message;
  const auto names = named_things(json::parse(text));
  EXPECT_TRUE(std::any_of(names.begin(), names.end(),
                          [&](const std::string& n) { return message.find(n) != std::string::npos; }))
      << "the message names nothing of the scheme: " << message;
  EXPECT_FALSE(kc::assess::assess_document(text).ok());
}

INSTANTIATE_TEST_SUITE_P(Reference, AssessRefusal, testing::ValuesIn(examples(".invalid.json")),
                         [](const auto& info) { return info.param; });

TEST(AssessReference, TheFolderHoldsExamplesOfBothKinds) {
  EXPECT_FALSE(examples(".expected.json").empty());
  EXPECT_FALSE(examples(".invalid.json").empty());
}

}  // namespace
