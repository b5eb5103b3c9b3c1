#include "io/index_spec_json.hpp"

#include <gtest/gtest.h>

#include "io/csv.hpp"

namespace kc::io {
namespace {

TEST(IndexSpecJson, ParsesTheAsemExampleSpec) {
  auto text = read_file(std::string(KC_REFERENCE_DIR) + "/asem/example-spec.json");
  ASSERT_TRUE(text.ok());
  auto s = parse_pipeline_spec(text.value());
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_EQ(s->steps.size(), 6u);
  EXPECT_EQ(s->steps[1].impute.method, index::ImputeMethod::MeanGroup);
  EXPECT_EQ(s->steps[1].impute.group, "EurAsia_group");
  EXPECT_EQ(s->steps[2].screen.threshold, 0.9);
  EXPECT_EQ(s->steps[3].treat.winmax, 5);
  EXPECT_TRUE(s->steps[3].treat.log_fallback);
  EXPECT_EQ(s->steps[4].normalise.global.params, (std::vector<double>{0, 100}));
  EXPECT_EQ(s->steps[5].aggregate.method, index::AggMethod::AMean);
}

TEST(IndexSpecJson, OptionsAndOverrides) {
  auto s = parse_pipeline_spec(R"({"steps": [
    {"op": "screen", "by": "NA_and_zeros", "threshold": 0.5, "include": ["A"], "exclude": ["B"]},
    {"op": "treat", "winmax": 3, "fallback": "none", "skip": ["x"]},
    {"op": "normalise", "method": "zscore", "indicators": {"x": {"method": "goalposts", "params": [0, 10, 100]}}},
    {"op": "aggregate", "method": "genmean", "p": 3, "dat_thresh": 0.5, "by_level": ["gmean", "amean"], "weights": {"P": 2}}
  ]})");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->steps[0].screen.by, index::ScreenBy::NAAndZeros);
  EXPECT_EQ(s->steps[0].screen.exclude, (std::vector<std::string>{"B"}));
  EXPECT_FALSE(s->steps[1].treat.log_fallback);
  EXPECT_EQ(s->steps[2].normalise.global.params, (std::vector<double>{0, 1}));  // zscore default
  EXPECT_EQ(s->steps[2].normalise.overrides[0].second.method, index::NormMethod::Goalposts);
  EXPECT_EQ(s->steps[3].aggregate.p, 3);
  EXPECT_EQ(*s->steps[3].aggregate.dat_thresh, 0.5);
  EXPECT_EQ(s->steps[3].aggregate.by_level.size(), 2u);
  EXPECT_EQ(s->steps[3].aggregate.weights[0].second, 2);
}

TEST(IndexSpecJson, ErrorsSayWhereAndWhy) {
  auto expect_error = [](const char* json, const char* fragment) {
    auto s = parse_pipeline_spec(json);
    ASSERT_FALSE(s.ok()) << json;
    EXPECT_NE(s.error().message.find(fragment), std::string::npos) << s.error().message;
  };
  expect_error("{", "not valid JSON");
  expect_error(R"({"steps": [{"op": "normalize"}]})", "steps[0].op");
  expect_error(R"({"steps": [{"op": "normalise", "method": "minmax", "params": [0]}]})", "params");
  expect_error(R"({"steps": [{"op": "treat", "winmax": 2.5}]})", "winmax");
  expect_error(R"({"steps": [{"op": "impute", "method": "mean_group"}]})", "group");
  expect_error(R"({"steps": [{"op": "aggregate", "methd": "amean"}]})", "unknown key 'methd'");
  expect_error(R"({"steps": [{"op": "aggregate"}, {"op": "normalise"}]})", "nothing can follow");
  expect_error(R"({"steps": [{"op": "normalise", "method": "dist2ref"}]})", "ref");
  expect_error(R"({"steps": [{"op": "screen", "threshold": 2}]})", "between 0 and 1");
  expect_error(R"({"steps": [{"op": "impute", "method": "latest"}]})", "--panel-impute");
}

TEST(IndexSpecJson, ParsesTheVarySpecOfTheContract) {
  auto v = parse_vary_spec(R"({"vary": [
    {"factor": "winmax", "values": [1, 2, 3, 4, 5]},
    {"factor": "normalise", "values": [{"method": "minmax", "params": [1, 100]}, {"method": "zscore", "params": [10, 2]}]},
    {"factor": "weights", "noise": [{"level": 2, "factor": 0.25}, {"level": 3, "factor": 0.25}], "sets": 100},
    {"factor": "aggregate", "values": [{"method": "amean"}, {"method": "gmean"}]},
    {"factor": "impute", "values": [true, false]}
  ]})");
  ASSERT_TRUE(v.ok()) << v.error().message;
  ASSERT_EQ(v->factors.size(), 5u);
  EXPECT_EQ(v->factors[0].winmax.size(), 5u);
  EXPECT_EQ(v->factors[1].normalise[1].params, (std::vector<double>{10, 2}));
  EXPECT_EQ(v->factors[2].noise[1].level, 3);
  EXPECT_EQ(v->factors[2].sets, 100);
  EXPECT_EQ(v->factors[3].aggregate[1].method, index::AggMethod::GMean);
  EXPECT_EQ(v->factors[4].impute, (std::vector<bool>{true, false}));
  EXPECT_EQ(v->factors[4].name(), "impute");
}

TEST(IndexSpecJson, VaryErrors) {
  EXPECT_FALSE(parse_vary_spec(R"({"vary": [{"factor": "colour", "values": [1]}]})").ok());
  EXPECT_FALSE(parse_vary_spec(R"({"vary": [{"factor": "winmax", "values": []}]})").ok());
  EXPECT_FALSE(parse_vary_spec(R"({"vary": [{"factor": "impute", "values": [1]}]})").ok());
  EXPECT_FALSE(
      parse_vary_spec(R"({"vary": [{"factor": "weights", "noise": [{"level": 2}]}]})").ok());
  auto e =
      parse_vary_spec(R"({"vary": [{"factor": "aggregate", "values": [{"method": "mode"}]}]})");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.error().message.find("vary.vary[0].values[0].method"), std::string::npos);
}

}  // namespace
}  // namespace kc::io
