#include "rules/policy.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "rules/policy_texts.hpp"

namespace kc::rules {
namespace {

using testing::f;

TEST(Policy, ShipsBothVersionsLoadableById) {
  const auto ids = policy_ids();
  EXPECT_NE(std::find(ids.begin(), ids.end(), "hte-2016"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "sme-2017"), ids.end());
  for (const auto& t : embedded_policy_texts()) {
    const PolicyLoad l = parse_policy(t.json);
    ASSERT_TRUE(l.policy) << t.id << ": " << l.error;
    EXPECT_EQ(policy_id(*l.policy), t.id);
  }
}

TEST(Policy, HteSettingsAreTheSpecDefaults) {
  const HtePolicy& p = testing::hte();
  EXPECT_EQ(p.effective_from, testing::date("2016-01-01"));
  EXPECT_EQ(p.age_min_days, 365);
  ASSERT_EQ(p.rd_tiers.size(), 3u);
  EXPECT_EQ(*p.rd_tiers[0].sales_max, f("5000"));
  EXPECT_EQ(p.rd_tiers[0].min_ratio, f("0.05"));
  EXPECT_EQ(*p.rd_tiers[1].sales_max, f("20000"));
  EXPECT_EQ(p.rd_tiers[1].min_ratio, f("0.04"));
  EXPECT_FALSE(p.rd_tiers[2].sales_max);
  EXPECT_EQ(p.rd_tiers[2].min_ratio, f("0.03"));
  EXPECT_EQ(p.rd_collection.commissioned_share, f("0.8"));
  EXPECT_EQ(p.rd_collection.other_cap_share, f("0.2"));
  EXPECT_TRUE(p.rd_collection.cap_base_includes_commissioned);
  EXPECT_EQ(p.rd_collection.other_cap_factor.num(), 1);
  EXPECT_EQ(p.rd_collection.other_cap_factor.den(), 4);
  EXPECT_EQ(p.score_pass_mark, f("70"));
  EXPECT_EQ(p.growth_bands.size(), 4u);
  EXPECT_EQ(p.annual_report.what, "hte_annual_report");
  EXPECT_EQ(p.annual_report.due_in(2025), testing::date("2025-05-31"));
}

TEST(Policy, SmeSettingsAreTheSpecDefaults) {
  const SmePolicy& p = testing::sme();
  EXPECT_EQ(p.max_employees, f("500"));
  EXPECT_EQ(p.max_sales, f("20000"));
  EXPECT_EQ(p.pass_score, f("60"));
  EXPECT_EQ(p.rd_collection.other_cap_share, f("0.1"));
  EXPECT_FALSE(p.rd_collection.cap_base_includes_commissioned);
  EXPECT_EQ(p.rd_collection.other_cap_factor, Fraction(1, 9));
  EXPECT_EQ(p.data_year_offset, 1);
  EXPECT_EQ(p.annual_update.what, "sme_annual_update");
  EXPECT_EQ(p.annual_update.due_in(2025), testing::date("2025-03-31"));
}

TEST(Policy, KindPicksTheVersionInForce) {
  const auto now = load_policy("hte", testing::date("2025-05-20"));
  ASSERT_TRUE(now.policy);
  EXPECT_EQ(policy_id(*now.policy), "hte-2016");
  const auto before = load_policy("sme", testing::date("2017-01-01"));
  EXPECT_FALSE(before.policy);
  EXPECT_NE(before.error.find("in force on 2017-01-01"), std::string::npos);
  EXPECT_FALSE(load_policy("hte-2099").policy);
}

TEST(Policy, ANewVersionIsJustData) {
  // A hypothetical later notice with a 2.5% top tier parses with no new code.
  std::string text(embedded_policy_texts().front().id == "hte-2016"
                       ? embedded_policy_texts().front().json
                       : embedded_policy_texts().back().json);
  text.replace(text.find("\"hte-2016\""), 10, "\"hte-2030\"");
  text.replace(text.find("\"min_ratio\": \"0.03\""), 19, "\"min_ratio\": \"0.025\"");
  const PolicyLoad l = parse_policy(text);
  ASSERT_TRUE(l.policy) << l.error;
  const auto& p = std::get<HtePolicy>(*l.policy);
  EXPECT_EQ(p.id, "hte-2030");
  EXPECT_EQ(p.rd_tiers[2].min_ratio, f("0.025"));
}

TEST(Policy, AnnualDeadlinesAreDaysOfEveryYear) {
  const std::string_view hte = embedded_policy_texts().front().id == "hte-2016"
                                   ? embedded_policy_texts().front().json
                                   : embedded_policy_texts().back().json;
  for (const char* bad : {"02-29", "13-01", "5-31", "05/31"}) {
    std::string text(hte);
    text.replace(text.find("\"05-31\""), 7, "\"" + std::string(bad) + "\"");
    EXPECT_EQ(parse_policy(text).error,
              "setting \"annual_report.due\" is a day of every year, \"MM-DD\"") << bad;
  }
}

TEST(Policy, ScorePointRangesAreCheckedWhenLoaded) {
  std::string text(embedded_policy_texts().front().id == "hte-2016" ? embedded_policy_texts().front().json
                                                                   : embedded_policy_texts().back().json);
  const auto hte = std::get<HtePolicy>(*parse_policy(text).policy);
  ASSERT_EQ(hte.score_points.transfer.size(), 6u);
  EXPECT_EQ(hte.score_points.transfer[0].second.min, 25);
  EXPECT_EQ(hte.score_points.growth[5].second.max, 0);
  std::string missing = text;
  const std::string last_ip_band = ", \"E\": [0, 0]},";  // the first E band is IP quantity's
  missing.replace(missing.find(last_ip_band), last_ip_band.size(), "},");
  EXPECT_EQ(parse_policy(missing).error, "setting \"score_points.ip_quantity.E\" is missing");
  std::string reversed = text;
  reversed.replace(reversed.find("[25, 30]"), 8, "[30, 25]");
  EXPECT_EQ(parse_policy(reversed).error, "setting \"score_points.transfer.A\" is a range [min, max] of whole points");
}

TEST(Policy, HistoryBeforeTheFirstVersionIsJudgedByItAndFlagged) {
  const auto before = policy_for_history("hte", *Date::parse("2014-06-01"));
  ASSERT_TRUE(before.load.policy) << before.load.error;
  EXPECT_EQ(policy_id(*before.load.policy), "hte-2016");
  EXPECT_TRUE(before.before_first_version);
  const auto in_force = policy_for_history("sme", *Date::parse("2020-01-01"));
  EXPECT_EQ(policy_id(*in_force.load.policy), "sme-2017");
  EXPECT_FALSE(in_force.before_first_version);
  const auto version = policy_for_history("hte-2016", *Date::parse("2014-06-01"));
  EXPECT_FALSE(version.before_first_version) << "an explicit version is what was asked for";
  EXPECT_FALSE(policy_for_history("xyz", *Date::parse("2020-01-01")).load.policy);
}

TEST(Policy, BadSettingsAreNamed) {
  EXPECT_EQ(parse_policy("[]").error, "policy file is not a JSON object");
  EXPECT_EQ(parse_policy(R"({"kind": "xyz"})").error, "setting \"kind\" must be \"hte\" or \"sme\"");
  EXPECT_EQ(parse_policy(R"({"kind": "sme", "id": "x"})").error, "missing setting \"effective_from\"");
}

}  // namespace
}  // namespace kc::rules
