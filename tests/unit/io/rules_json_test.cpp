// The §6 JSON face of the rules engine: the shared worked examples end to end, and input errors
// that name the enterprise and the field.
#include "io/rules_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <sstream>

namespace {

namespace json = boost::json;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string shared(const std::string& name) {
  return read_file(std::string(KC_REFERENCE_DIR) + "/rules/" + name);
}

std::set<std::string> as_set(const json::value& v) {
  std::set<std::string> s;
  for (const auto& x : v.as_array()) s.insert(std::string(x.as_string()));
  return s;
}

const json::object& by_id(const json::array& results, std::string_view id) {
  for (const auto& r : results)
    if (r.as_object().at("id").as_string() == id) return r.as_object();
  ADD_FAILURE() << "no result for " << id;
  static const json::object empty;
  return empty;
}

double number(const json::value& v) { return v.is_double() ? v.as_double() : static_cast<double>(v.to_number<double>()); }

json::value evaluate(std::string_view policy, const std::string& input) {
  const auto ev = kc::io::evaluate_rules_document(policy, input);
  EXPECT_TRUE(ev.ok) << ev.error;
  return ev.ok ? json::parse(ev.output) : json::value();
}

TEST(RulesJson, PublicHteExamplesMatchExpected) {
  const json::value got = evaluate("hte", shared("public-hte.json"));
  const json::value want = json::parse(shared("public-hte.expected.json"));
  ASSERT_TRUE(got.is_object());
  EXPECT_EQ(got.at("policy"), want.at("policy"));
  EXPECT_EQ(got.at("as_of"), want.at("as_of"));
  const auto& results = got.at("results").as_array();
  for (const auto& w : want.at("results").as_array()) {
    const auto& wo = w.as_object();
    const std::string id(wo.at("id").as_string());
    SCOPED_TRACE(id);
    const auto& g = by_id(results, id);
    if (g.empty()) continue;
    EXPECT_EQ(g.at("verdict"), wo.at("verdict"));
    EXPECT_EQ(as_set(g.at("failed")), as_set(wo.at("failed")));
    const auto& wb = wo.at("score").at("bands").as_object();
    const auto& gb = g.at("score").at("bands").as_object();
    for (const auto& [k, v] : wb) EXPECT_EQ(gb.at(k), v) << "band " << k;
    const auto& wt = wo.at("score").at("total");
    const auto& gt = g.at("score").at("total");
    if (wt.is_null())
      EXPECT_TRUE(gt.is_null());
    else
      EXPECT_NEAR(number(gt), number(wt), 1e-6);
  }
}

TEST(RulesJson, PublicSmeExamplesMatchExpected) {
  const json::value got = evaluate("sme", shared("public-sme.json"));
  const json::value want = json::parse(shared("public-sme.expected.json"));
  ASSERT_TRUE(got.is_object());
  EXPECT_EQ(got.at("policy"), want.at("policy"));
  const auto& results = got.at("results").as_array();
  for (const auto& w : want.at("results").as_array()) {
    const auto& wo = w.as_object();
    const std::string id(wo.at("id").as_string());
    SCOPED_TRACE(id);
    const auto& g = by_id(results, id);
    if (g.empty()) continue;
    EXPECT_EQ(g.at("verdict"), wo.at("verdict"));
    EXPECT_EQ(g.at("route"), wo.at("route"));
    EXPECT_EQ(as_set(g.at("failed")), as_set(wo.at("failed")));
    for (const auto& [k, v] : wo.at("score").as_object()) {
      if (k == "total")
        EXPECT_NEAR(number(g.at("score").at(k)), number(v), 1e-6);
      else
        EXPECT_EQ(g.at("score").at(k).to_number<double>(), v.to_number<double>()) << k;
    }
  }
}

TEST(RulesJson, ResultsKeepInputOrderAndCarryExplainedConditions) {
  const json::value got = evaluate("hte-2016", shared("public-hte.json"));
  const json::value in = json::parse(shared("public-hte.json"));
  const auto& results = got.at("results").as_array();
  const auto& ents = in.at("enterprises").as_array();
  ASSERT_EQ(results.size(), ents.size());
  for (std::size_t i = 0; i < ents.size(); ++i) {
    EXPECT_EQ(results[i].at("id"), ents[i].at("id"));
    const auto& conds = results[i].at("conditions").as_array();
    ASSERT_EQ(conds.size(), 8u);
    for (std::size_t k = 0; k < conds.size(); ++k) {
      EXPECT_EQ(conds[k].at("code").as_string(), "E" + std::to_string(k + 1));
      EXPECT_FALSE(conds[k].at("detail").at("zh").as_string().empty());
      EXPECT_NE(std::string(conds[k].at("detail").at("en").as_string()).find("Source:"),
                std::string::npos);
    }
  }
  // H-04 sits exactly on the 4% tier: value equals threshold and passes.
  const auto& h04 = by_id(results, "H-04");
  const auto& e5 = h04.at("conditions").as_array()[4];
  EXPECT_EQ(e5.at("status"), "pass");
  EXPECT_DOUBLE_EQ(e5.at("value").as_double(), 0.04);
  EXPECT_DOUBLE_EQ(e5.at("threshold").as_double(), 0.04);
  // Whole numbers are written as integers.
  const auto& e1 = h04.at("conditions").as_array()[0];
  EXPECT_EQ(e1.at("threshold"), json::value(365));
  EXPECT_TRUE(e1.at("value").is_int64());
}

TEST(RulesJson, EveryConditionDeclaresTheUnitOfItsFigures) {
  // The web formats value and threshold by this unit; E2 compares a revenue share with 50 %.
  const std::vector<std::string> hte = {"days", "share", "none", "share", "share", "share", "points", "count"};
  const json::value hte_out = evaluate("hte", shared("public-hte.json"));
  for (const auto& r : hte_out.at("results").as_array()) {
    const auto& conds = r.at("conditions").as_array();
    ASSERT_EQ(conds.size(), hte.size());
    for (std::size_t k = 0; k < conds.size(); ++k) EXPECT_EQ(conds[k].at("unit").as_string(), hte[k]);
  }
  const std::vector<std::string> sme = {"none", "people", "none", "count", "points"};
  const json::value sme_out = evaluate("sme", shared("public-sme.json"));
  for (const auto& r : sme_out.at("results").as_array()) {
    const auto& conds = r.at("conditions").as_array();
    ASSERT_EQ(conds.size(), sme.size());
    for (std::size_t k = 0; k < conds.size(); ++k) EXPECT_EQ(conds[k].at("unit").as_string(), sme[k]);
  }
}

TEST(RulesJson, FailedConditionsComeWithGaps) {
  const json::value got = evaluate("hte", shared("public-hte.json"));
  const auto& h02 = by_id(got.at("results").as_array(), "H-02");
  const auto& gaps = h02.at("gaps").as_array();
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].at("code"), "E5");
  EXPECT_EQ(gaps[0].at("field"), "rd");
  EXPECT_EQ(gaps[0].at("years").as_array().size(), 3u);
  // 5% of 12,800 万元 sales is 640; collected R&D is 555.
  EXPECT_EQ(gaps[0].at("amount"), json::value(85));
  EXPECT_EQ(gaps[0].at("text").at("en"), "R&D spending in China over 2022–2024 must rise by 85 万元");
}

std::string one_enterprise(const std::string& fields) {
  return R"({"as_of": "2025-05-20", "enterprises": [{"id": "X-1", "registered_on": "2019-06-01")" +
         fields + "}]}";
}

std::string error_of(const std::string& input) {
  auto parsed = kc::io::parse_rules_input(input);
  const auto* err = std::get_if<kc::io::RulesInputError>(&parsed);
  return err ? err->to_string() : std::string("(no error)");
}

TEST(RulesJson, ErrorsNameEnterpriseAndField) {
  EXPECT_EQ(error_of(one_enterprise(R"(, "years": [{"year": 2024, "sales_revenue": -5}])")),
            "enterprise \"X-1\", field years[0].sales_revenue: must not be negative (-5)");
  EXPECT_EQ(error_of(one_enterprise(R"(, "years": [{"year": 2024}, {"year": 2024}])")),
            "enterprise \"X-1\", field years[1].year: duplicate year 2024");
  EXPECT_EQ(error_of(one_enterprise(R"(, "incidents": [{"date": "2024-02-30", "kind": "safety"}])")),
            "enterprise \"X-1\", field incidents[0].date: \"2024-02-30\" is not a date (YYYY-MM-DD)");
  EXPECT_EQ(error_of(one_enterprise(R"(, "ip": [{"id": "P", "kind": "blueprint", "granted_on": "2020-01-01"}])")),
            "enterprise \"X-1\", field ip[0].kind: unknown IP kind \"blueprint\"");
  EXPECT_EQ(error_of(one_enterprise(R"(, "years": [{"year": 2024, "sales_revenue": "lots"}])")),
            "enterprise \"X-1\", field years[0].sales_revenue: is not a decimal number");
  EXPECT_EQ(error_of(one_enterprise(R"(, "years": [{"year": 2024, "employees": true}])")),
            "enterprise \"X-1\", field years[0].employees: must be a number, not a boolean");
  EXPECT_EQ(error_of(one_enterprise(R"(, "years": [{"year": 2024, "rd_total": 1.00001}])")),
            "enterprise \"X-1\", field years[0].rd_total: has more than 4 decimal places (amounts are 万元 to the yuan)");
  EXPECT_EQ(error_of(one_enterprise(R"(, "years": [{"year": 2024, "rd": {"other": -1}}])")),
            "enterprise \"X-1\", field years[0].rd.other: must not be negative (-1)");
  EXPECT_EQ(error_of(one_enterprise(R"(, "tech_field": 9)")),
            "enterprise \"X-1\", field tech_field: 9 is outside 1..8");
  EXPECT_EQ(error_of(R"({"as_of": "2025-13-01", "enterprises": []})"),
            "enterprise -, field as_of: \"2025-13-01\" is not a date (YYYY-MM-DD)");
  EXPECT_EQ(error_of(R"({"as_of": "2025-01-01", "enterprises": [{"registered_on": "2019-06-01"}]})"),
            "enterprise #1, field id: is required");
  EXPECT_NE(error_of("{not json").find("not valid JSON"), std::string::npos);
}

TEST(RulesJson, AmountsAreExactAndNetAssetsMayBeNegative) {
  auto parsed = kc::io::parse_rules_input(one_enterprise(
      R"(, "years": [{"year": 2024, "sales_revenue": 1102.29, "net_assets": -3.5, "rd_total": "0.0001"}])"));
  ASSERT_TRUE(std::holds_alternative<kc::io::RulesInput>(parsed));
  const auto& y = std::get<kc::io::RulesInput>(parsed).enterprises[0].years[0];
  EXPECT_EQ(y.sales_revenue->units(), 11022900);
  EXPECT_EQ(y.net_assets->units(), -35000);
  EXPECT_EQ(y.rd_total->units(), 1);
}

TEST(RulesJson, UnknownPolicyIsAnError) {
  const auto ev = kc::io::evaluate_rules_document("hte-1999", R"({"as_of": "2025-01-01", "enterprises": []})");
  EXPECT_FALSE(ev.ok);
  EXPECT_NE(ev.error.find("no policy \"hte-1999\""), std::string::npos);
}

}  // namespace
