// The index studio's build options on ASEM: analysis fields, unit profile, what-if, and the
// option reader's field errors.
#include "app/index/index_service.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numeric>

#include "asem_text.hpp"
#include "io/csv.hpp"
#include "io/index_csv.hpp"

namespace kc::app {
namespace {

using test::asem;

IndexRequest asem_request(bool example_spec = true) {
  IndexRequest r;
  r.data_csv = asem("ASEM_iData.csv");
  r.meta_csv = asem("ASEM_iMeta.csv");
  if (example_spec) r.spec_json = asem("example-spec.json");
  return r;
}

Actor staff() {
  Actor a;
  a.role = Role::staff;
  return a;
}

// The example spec with Connectivity weighted 4 against Sustainability's 1.
std::string conn_weighted_spec() {
  std::string spec = asem("example-spec.json");
  const std::string plain = R"({"op": "aggregate", "method": "amean"})";
  const auto at = spec.find(plain);
  EXPECT_NE(at, std::string::npos);
  if (at != std::string::npos)
    spec.replace(at, plain.size(), R"({"op": "aggregate", "method": "amean", "weights": {"Conn": 4}})");
  return spec;
}

std::string first_field(const Problem& p) { return p.errors.empty() ? std::string("(none)") : p.errors.front().field; }

TEST(IndexAnalysis, EffectiveWeightsSumToOnePerLevel) {
  auto r = asem_request();
  r.analysis = true;
  auto b = run_index_build(staff(), r);
  ASSERT_TRUE(b.ok()) << b.problem().detail;
  const auto& fw = b->analysis->framework;
  // 49 indicators, 8 pillars, 2 sub-indices, 1 index: every framework row, iMeta order.
  ASSERT_EQ(fw.size(), 60u);
  EXPECT_EQ(fw.front().code, "LPI");
  EXPECT_EQ(fw.back().code, "Index");
  EXPECT_TRUE(fw.back().parent.empty());
  std::map<int, double> sum;
  for (const auto& f : fw) sum[f.level] += f.effective_weight;
  ASSERT_EQ(sum.size(), 4u);
  for (const auto& [level, s] : sum) EXPECT_NEAR(s, 1.0, 1e-12) << "level " << level;
  // LPI is one of 8 indicators of Physical, one of 5 pillars of Conn, one of 2 sub-indices.
  EXPECT_NEAR(fw.front().effective_weight, 1.0 / 8 / 5 / 2, 1e-15);
}

TEST(IndexAnalysis, WeightOverridesOfTheSpecAreTheWeightsInEffect) {
  auto r = asem_request(false);
  r.spec_json = R"({"steps": [{"op": "normalise", "method": "minmax", "params": [0, 100]},
                              {"op": "aggregate", "method": "amean", "weights": {"Conn": 3}}]})";
  r.analysis = true;
  auto b = run_index_build(staff(), r);
  ASSERT_TRUE(b.ok()) << b.problem().detail;
  std::map<std::string, FrameworkEntry> by_code;
  for (const auto& f : b->analysis->framework) by_code[f.code] = f;
  EXPECT_EQ(by_code["Conn"].weight, 3);
  EXPECT_NEAR(by_code["Conn"].effective_weight, 0.75, 1e-15);
  EXPECT_NEAR(by_code["Sust"].effective_weight, 0.25, 1e-15);
}

TEST(IndexAnalysis, CorrelationsAreSquareSymmetricWithOnesOnTheDiagonal) {
  auto r = asem_request();
  r.analysis = true;
  auto b = run_index_build(staff(), r);
  ASSERT_TRUE(b.ok()) << b.problem().detail;
  const auto& c = b->analysis->correlations;
  ASSERT_EQ(c.x.size(), 60u);
  EXPECT_EQ(c.x, c.y);
  EXPECT_EQ(c.x[0], "LPI");
  const auto& fw = b->data.framework;
  for (std::size_t i = 0; i < c.x.size(); ++i) {
    const int row = fw.find(c.x[i]);
    ASSERT_GE(row, 0);
    EXPECT_EQ(fw.rows()[row].level == 1, i < 49) << "indicators first, then aggregates: " << c.x[i];
  }
  EXPECT_EQ(c.x[49], "Physical") << "aggregates in iMeta order";
  EXPECT_EQ(c.x.back(), "Index");
  std::size_t defined = 0;
  for (std::size_t i = 0; i < c.x.size(); ++i) {
    for (std::size_t j = 0; j < c.x.size(); ++j) {
      const double a = c.r[i][j], t = c.r[j][i];
      if (std::isnan(a)) {
        EXPECT_TRUE(std::isnan(t));
        continue;
      }
      ++defined;
      EXPECT_NEAR(a, t, 1e-12) << c.x[i] << " " << c.x[j];
      EXPECT_LE(std::abs(a), 1 + 1e-12);
      if (i == j) {
        EXPECT_NEAR(a, 1.0, 1e-12) << c.x[i];
      }
    }
  }
  EXPECT_GT(defined, 3000u);
}

TEST(IndexAnalysis, StatisticsOfOneColumnMatchAHandCalculation) {
  auto r = asem_request();
  r.analysis = true;
  auto b = run_index_build(staff(), r);
  ASSERT_TRUE(b.ok()) << b.problem().detail;
  // Goods straight from the CSV text, the dumb way.
  auto table = io::parse_csv_table(r.data_csv);
  ASSERT_TRUE(table.ok());
  const int col = table->column("Goods");
  std::vector<double> x;
  for (const auto& row : table->rows)
    if (!row.fields[col].empty() && row.fields[col] != "NA") x.push_back(std::stod(row.fields[col]));
  const double n = static_cast<double>(x.size());
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
  double ss = 0;
  for (double v : x) ss += (v - mean) * (v - mean);
  const index::ColumnStats* s = nullptr;
  for (const auto& st : b->analysis->statistics)
    if (st.code == "Goods") s = &st;
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(b->analysis->statistics.size(), 49u) << "one row per Raw indicator";
  EXPECT_EQ(s->n, x.size());
  EXPECT_NEAR(s->availability, n / 51.0, 1e-15);
  EXPECT_NEAR(s->mean, mean, 1e-9 * mean);
  EXPECT_NEAR(s->sd, std::sqrt(ss / (n - 1)), 1e-9 * s->sd);
  EXPECT_EQ(s->min, *std::min_element(x.begin(), x.end()));
  EXPECT_EQ(s->max, *std::max_element(x.begin(), x.end()));
}

TEST(IndexAnalysis, AlphaForEveryAggregateOverItsChildren) {
  auto r = asem_request();
  r.analysis = true;
  auto b = run_index_build(staff(), r);
  ASSERT_TRUE(b.ok());
  std::vector<std::string> groups;
  for (const auto& g : b->analysis->alpha) groups.push_back(g.group);
  EXPECT_EQ(groups, (std::vector<std::string>{"Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ",
                                              "Social", "SusEcFin", "Conn", "Sust", "Index"}));
  for (const auto& g : b->analysis->alpha)
    if (!std::isnan(g.alpha)) {
      EXPECT_LT(g.alpha, 1.0) << g.group;
    }
}

TEST(IndexAnalysis, JsonCarriesTheAnalysisOnlyWhenAsked) {
  auto plain = build_index(staff(), asem_request());
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->contains("framework"));
  auto r = asem_request();
  r.analysis = true;
  auto j = build_index(staff(), r);
  ASSERT_TRUE(j.ok());
  for (const char* k : {"framework", "statistics", "correlations", "alpha"}) EXPECT_TRUE(j->contains(k)) << k;
  EXPECT_TRUE(j->at("framework").as_array().back().as_object().at("parent").is_null());
  EXPECT_EQ(j->at("correlations").at("r").as_array().size(), 60u);
}

TEST(IndexProfile, StrengthsAreTheUnitsBestRanksInTheNormalisedData) {
  auto r = asem_request();
  r.profile = ProfileOptions{"AUT", 1, 5};
  auto b = run_index_build(staff(), r);
  ASSERT_TRUE(b.ok()) << b.problem().detail;
  const auto& p = b->profile->profile;
  ASSERT_EQ(p.strengths.size(), 5u);
  ASSERT_EQ(p.weaknesses.size(), 5u);
  const index::Dataset* norm = b->output.find("Normalised");
  ASSERT_NE(norm, nullptr);
  const int u = norm->unit("AUT");
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_LE(p.strengths[i].rank, p.weaknesses[i].rank);
    if (i) {
      EXPECT_LE(p.strengths[i - 1].rank, p.strengths[i].rank);
    }
    const int c = norm->column(p.strengths[i].code);
    ASSERT_GE(c, 0);
    EXPECT_EQ(p.strengths[i].value, norm->values[c][u]);
    // The rank counts the units that score strictly higher, plus one.
    double higher = 0;
    for (double v : norm->values[c]) higher += v > norm->values[c][u] ? 1 : 0;
    EXPECT_EQ(p.strengths[i].rank, higher + 1) << p.strengths[i].code;
  }
  // Level 2 ranks the pillars in the aggregated data.
  r.profile = ProfileOptions{"AUT", 2, 3};
  auto pillars = run_index_build(staff(), r);
  ASSERT_TRUE(pillars.ok());
  EXPECT_EQ(pillars->profile->profile.strengths.size(), 3u);
  EXPECT_NE(b->data.framework.find(pillars->profile->profile.strengths[0].code), -1);
  EXPECT_EQ(b->data.framework.rows()[b->data.framework.find(pillars->profile->profile.strengths[0].code)].level, 2);
}

TEST(IndexProfile, BadUnitOrLevelNamesTheField) {
  auto r = asem_request();
  r.profile = ProfileOptions{"XXX", 1, 5};
  auto b = run_index_build(staff(), r);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.problem().status, 422);
  EXPECT_EQ(first_field(b.problem()), "profile.unit");
  r.profile = ProfileOptions{"AUT", 5, 5};
  EXPECT_EQ(first_field(run_index_build(staff(), r).problem()), "profile.level");
}

TEST(IndexWhatIf, AChangedWeightEqualsARebuildWithThatWeight) {
  auto r = asem_request();
  r.what_if = WhatIfOptions{"", {}, {{"Conn", 4}}};
  auto b = run_index_build(staff(), r);
  ASSERT_TRUE(b.ok()) << b.problem().detail;
  const auto& w = b->what_if->result;
  EXPECT_EQ(b->what_if->column, "Index");
  // The same weight as a spec override, built from scratch.
  auto again = asem_request();
  const std::string spec = conn_weighted_spec();
  again.spec_json = spec;
  auto rebuilt = run_index_build(staff(), again);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.problem().detail;
  ASSERT_EQ(w.after.units, rebuilt->output.results.units);
  EXPECT_EQ(w.after.rank, rebuilt->output.results.rank);
  for (std::size_t i = 0; i < w.after.units.size(); ++i)
    EXPECT_NEAR(w.after.scores[0][i], rebuilt->output.results.scores[0][i], 1e-12);
  EXPECT_EQ(w.before.rank, b->output.results.rank) << "before is the request's own build";
  double moved = 0;
  for (std::size_t i = 0; i < w.rank_change.size(); ++i) {
    EXPECT_EQ(w.rank_change[i], w.after.rank[i] - w.before.rank[i]);
    moved += std::abs(w.rank_change[i]);
  }
  EXPECT_GT(moved, 0) << "weighting Connectivity 4:1 moves some ranks";
}

TEST(IndexWhatIf, AWeightTheSpecOverridesIsStillChanged) {
  // The spec weighs Conn 4; the what-if puts it back to 1: the result must be the plain build.
  auto r = asem_request();
  const std::string spec = conn_weighted_spec();
  r.spec_json = spec;
  r.what_if = WhatIfOptions{"", {}, {{"Conn", 1}}};
  auto b = run_index_build(staff(), r);
  ASSERT_TRUE(b.ok()) << b.problem().detail;
  auto plain = run_index_build(staff(), asem_request());
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(b->what_if->result.before.rank, b->output.results.rank);
  EXPECT_EQ(b->what_if->result.after.rank, plain->output.results.rank);
}

TEST(IndexWhatIf, AChangedValueMovesThatUnit) {
  auto r = asem_request();
  auto base = run_index_build(staff(), r);
  ASSERT_TRUE(base.ok());
  // The last-ranked unit gets the best value of every indicator of the Political pillar.
  const auto& res = base->output.results;
  const std::size_t last = static_cast<std::size_t>(
      std::max_element(res.rank.begin(), res.rank.end()) - res.rank.begin());
  WhatIfOptions w;
  w.unit = res.units[last];
  for (const char* code : {"Embs", "IGOs", "UNVote"}) {
    const int c = base->data.raw.column(code);
    const auto& col = base->data.raw.values[c];
    w.values.emplace_back(code, *std::max_element(col.begin(), col.end()));
  }
  r.what_if = w;
  auto b = run_index_build(staff(), r);
  ASSERT_TRUE(b.ok()) << b.problem().detail;
  const auto& after = b->what_if->result.after;
  const auto it = std::find(after.units.begin(), after.units.end(), w.unit);
  ASSERT_NE(it, after.units.end());
  const std::size_t i = static_cast<std::size_t>(it - after.units.begin());
  EXPECT_LT(b->what_if->result.rank_change[i], 0) << "a better rank is a smaller number";
}

TEST(IndexWhatIf, UnknownCodesNameTheirField) {
  auto r = asem_request();
  r.what_if = WhatIfOptions{"AUT", {{"Nope", 1}}, {{"Zip", 1}, {"Conn", -1}}};
  auto b = run_index_build(staff(), r);
  ASSERT_FALSE(b.ok());
  std::vector<std::string> fields;
  for (const auto& e : b.problem().errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"what_if.values.Nope", "what_if.weights.Zip", "what_if.weights.Conn"}));
  r.what_if = WhatIfOptions{"XXX", {}, {}};
  EXPECT_EQ(first_field(run_index_build(staff(), r).problem()), "what_if.unit");
  r.what_if = WhatIfOptions{"", {{"LPI", 1}}, {}};
  EXPECT_EQ(first_field(run_index_build(staff(), r).problem()), "what_if.unit") << "values need a unit";
}

TEST(IndexOptions, TypeErrorsNameTheMember) {
  auto body = boost::json::parse(R"({"analysis": "yes", "profile": {"unit": "AUT", "n": 0, "colour": 1},
                                     "what_if": {"values": {"LPI": "high", "Ship": null}, "weights": {"Conn": null}}})")
                  .as_object();
  IndexRequest r;
  auto st = read_index_options(body, r);
  ASSERT_FALSE(st.ok());
  std::vector<std::string> fields;
  for (const auto& e : st.problem().errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"analysis", "profile.colour", "profile.n", "what_if.values.LPI",
                                              "what_if.weights.Conn"}));
  auto good = boost::json::parse(R"({"analysis": true, "profile": {"unit": "AUT", "level": 2},
                                     "what_if": {"unit": "AUT", "values": {"LPI": 3.5, "Ship": null}, "weights": {"Conn": 2}}})")
                  .as_object();
  IndexRequest g;
  ASSERT_TRUE(read_index_options(good, g).ok());
  EXPECT_TRUE(g.analysis);
  EXPECT_EQ(g.profile->level, 2);
  EXPECT_EQ(g.profile->n, 5u);
  ASSERT_EQ(g.what_if->values.size(), 2u);
  EXPECT_EQ(g.what_if->values[0].second, 3.5);
  EXPECT_TRUE(std::isnan(g.what_if->values[1].second)) << "null is a missing value";
  EXPECT_EQ(g.what_if->weights, (std::vector<std::pair<std::string, double>>{{"Conn", 2}}));
}

TEST(IndexService, EnterpriseUsersMayNotBuild) {
  Actor a;
  a.role = Role::enterprise;
  auto b = run_index_build(a, asem_request());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.problem().status, 403);
}

}  // namespace
}  // namespace kc::app
