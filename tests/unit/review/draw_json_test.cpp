// The JSON contract of review-draw spec §4–5: malformed input is refused naming the field, the
// output has every key in place, and the seed survives as an unsigned 64-bit integer.
#include <gtest/gtest.h>

#include <functional>

#include "examples.hpp"
#include "review/draw.hpp"

namespace kc::review::test {
namespace {

namespace json = boost::json;

// p1's input with one change applied, as text.
std::string p1_with(const std::function<void(json::object&)>& change) {
  json::object doc = json::parse(load_example("p1-conflict-codes").text).as_object();
  change(doc);
  return json::serialize(doc);
}

json::object& expert(json::object& doc, std::size_t i) { return doc["experts"].as_array()[i].as_object(); }

struct Malformed {
  const char* what;
  std::function<void(json::object&)> change;
  const char* field;  // the message must start with it
};

TEST(ReviewDrawJson, MalformedInputIsRefusedNamingTheField) {
  const std::vector<Malformed> cases = {
      {"unknown top-level field", [](json::object& d) { d["colour"] = "red"; }, "colour"},
      {"unknown expert field", [](json::object& d) { expert(d, 1)["age"] = 50; }, "experts[1].age"},
      {"missing key", [](json::object& d) { d.erase("window_years"); }, "window_years"},
      {"missing expert key", [](json::object& d) { expert(d, 0).erase("declared"); }, "experts[0].declared"},
      {"duplicate expert id", [](json::object& d) { expert(d, 2)["id"] = "E001"; }, "experts[2].id"},
      {"duplicate application id",
       [](json::object& d) { d["applications"].as_array()[1].as_object()["id"] = "APP-2014-001"; },
       "applications[1].id"},
      {"panel_size below 1", [](json::object& d) { d["panel_size"] = 0; }, "panel_size"},
      {"negative reserves", [](json::object& d) { d["reserves"] = -1; }, "reserves"},
      {"max_load below 1", [](json::object& d) { d["max_load"] = 0; }, "max_load"},
      {"max_same_affiliation below 1", [](json::object& d) { d["max_same_affiliation"] = 0; }, "max_same_affiliation"},
      {"bad as_of", [](json::object& d) { d["as_of"] = "2014-02-30"; }, "as_of"},
      {"bad until",
       [](json::object& d) { expert(d, 1)["former_affiliations"].as_array()[0].as_object()["until"] = "30/06/2012"; },
       "experts[1].former_affiliations[0].until"},
      {"negative seed", [](json::object& d) { d["seed"] = -5; }, "seed"},
      {"fractional seed", [](json::object& d) { d["seed"] = 1.5; }, "seed"},
      {"fields not a list", [](json::object& d) { expert(d, 3)["fields"] = "F02"; }, "experts[3].fields"},
  };
  for (const auto& c : cases) {
    const auto r = parse_draw_input(p1_with(c.change));
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_EQ(r.error().code, "review.input") << c.what;
    EXPECT_TRUE(r.error().message.starts_with(std::string(c.field) + ":")) << c.what << ": " << r.error().message;
  }
  EXPECT_FALSE(parse_draw_input("{\"seed\": ").ok());
}

TEST(ReviewDrawJson, NoAffiliationLimitIsNull) {
  const auto r = parse_draw_input(p1_with([](json::object& d) { d["max_same_affiliation"] = nullptr; }));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r.value().max_same_affiliation.has_value());
}

TEST(ReviewDrawJson, ASeedAbove2To53IsEchoedAsTheSameInteger) {
  for (const char* seed : {"18446744073709551615", "9007199254740993", "0"}) {
    std::string text = load_example("p1-conflict-codes").text;
    const std::string from = "\"seed\": 20140301";
    ASSERT_NE(text.find(from), std::string::npos);
    text.replace(text.find(from), from.size(), std::string("\"seed\": ") + seed);
    const auto in = parse_draw_input(text);
    ASSERT_TRUE(in.ok()) << in.error().message;
    const std::string out = draw_output_json(in.value(), draw(in.value()));
    EXPECT_TRUE(out.starts_with(std::string("{\"seed\":") + seed + ",")) << out.substr(0, 40);
  }
}

TEST(ReviewDrawJson, TheOutputHasEveryKeyOfTheSpecAndLoadOnlyForSeatedExperts) {
  for (const auto& name : example_names()) {
    const Example ex = load_example(name);
    const DrawOutput out = draw(ex.input);
    const json::object doc = json::parse(draw_output_json(ex.input, out)).as_object();
    EXPECT_EQ(doc.at("seed").to_number<std::uint64_t>(), ex.input.seed) << name;
    ASSERT_EQ(doc.at("assignments").as_array().size(), ex.input.applications.size()) << name;
    std::set<std::string> seated;
    for (std::size_t a = 0; a < ex.input.applications.size(); ++a) {
      const auto& as = doc.at("assignments").as_array()[a].as_object();
      EXPECT_EQ(as.at("application").as_string(), ex.input.applications[a].id) << name;
      for (const char* key : {"panel", "reserves", "eligible", "excluded"}) EXPECT_TRUE(as.contains(key)) << key;
      for (const auto& id : as.at("panel").as_array()) seated.emplace(id.as_string());
    }
    ASSERT_TRUE(doc.at("short").is_array()) << name;  // present, [] when none
    const auto& load = doc.at("load").as_object();
    EXPECT_EQ(load.size(), seated.size()) << name;
    for (const auto& e : ex.input.experts) {
      if (!seated.contains(e.id)) continue;
      std::int64_t panels = 0;
      for (const auto& as : doc.at("assignments").as_array())
        for (const auto& id : as.at("panel").as_array()) panels += id.as_string() == e.id;
      EXPECT_EQ(load.at(e.id).as_int64(), e.prior_load + panels) << name << " " << e.id;
    }
  }
}

TEST(ReviewDrawJson, ShortApplicationsComeInInputOrderWithTheirMissingSeats) {
  const Example ex = load_example("p5-infeasible-short");
  const DrawOutput out = draw(ex.input);
  const json::object doc = json::parse(draw_output_json(ex.input, out)).as_object();
  std::size_t last = 0;
  for (const auto& s : doc.at("short").as_array()) {
    const std::string id(s.at("application").as_string());
    std::size_t a = 0;
    while (ex.input.applications[a].id != id) ++a;
    EXPECT_GE(a, last);
    last = a;
    const auto seated = doc.at("assignments").as_array()[a].at("panel").as_array().size();
    EXPECT_EQ(s.at("missing_seats").as_int64(), ex.input.panel_size - static_cast<std::int64_t>(seated));
    EXPECT_GT(s.at("missing_seats").as_int64(), 0);
  }
}

}  // namespace
}  // namespace kc::review::test
