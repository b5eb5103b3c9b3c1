// The example and default pipelines on ASEM against COINr's own outputs, dataset by dataset.
#include "index/pipeline.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "asem_helpers.hpp"
#include "index/aggregate.hpp"
#include "index/normalise.hpp"
#include "index/stats.hpp"
#include "tiny_index.hpp"

namespace kc::index {
namespace {

using test::expect_matches;

PipelineSpec example_spec() {
  PipelineSpec s;
  Step d;
  d.op = Op::Denominate;
  Step i;
  i.op = Op::Impute;
  i.impute.method = ImputeMethod::MeanGroup;
  i.impute.group = "EurAsia_group";
  Step sc;
  sc.op = Op::Screen;
  sc.screen.by = ScreenBy::NA;
  sc.screen.threshold = 0.9;
  Step t;
  t.op = Op::Treat;
  Step n;
  n.op = Op::Normalise;
  Step a;
  a.op = Op::Aggregate;
  s.steps = {d, i, sc, t, n, a};
  return s;
}

class Asem : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { data_ = new IndexData(test::load_asem()); }
  static void TearDownTestSuite() { delete data_; }
  static IndexData* data_;
};
IndexData* Asem::data_ = nullptr;

TEST_F(Asem, LoadsFiftyOneUnitsAndFortyNineIndicators) {
  EXPECT_EQ(data_->raw.n_units(), 51u);
  EXPECT_EQ(data_->raw.n_columns(), 49u);
  EXPECT_EQ(data_->framework.max_level(), 4);
  std::size_t missing = 0;
  for (const auto& c : data_->raw.values) missing += c.size() - stats::count_present(c);
  EXPECT_EQ(missing, 63u);
}

TEST_F(Asem, ExamplePipelineMatchesCoinrDatasetByDataset) {
  auto out = build(*data_, example_spec());
  ASSERT_TRUE(out.ok()) << out.error().message;
  const char* names[] = {"Raw",     "Denominated", "Imputed",   "Screened",
                         "Treated", "Normalised",  "Aggregated"};
  for (const char* name : names) {
    const Dataset* d = out->find(name);
    ASSERT_NE(d, nullptr) << name;
    EXPECT_GT(expect_matches(*d, std::string("expected_example_") + name + ".csv"), 0u) << name;
  }
  EXPECT_TRUE(out->screened_out.empty());
}

TEST_F(Asem, ExampleTreatDetailsMatchCoinr) {
  auto out = build(*data_, example_spec());
  ASSERT_TRUE(out.ok()) << out.error().message;
  auto text = io::read_file(test::asem_path("expected_example_treat_details.csv"));
  auto t = io::parse_csv_table(text.value());
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), out->treat_details.size());
  int winsorised = 0, logged = 0;
  for (const auto& row : t->rows) {
    const std::string& code = row.fields[0];
    auto it = std::find_if(out->treat_details.begin(), out->treat_details.end(),
                           [&](const TreatDetail& d) { return d.code == code; });
    ASSERT_NE(it, out->treat_details.end()) << code;
    EXPECT_EQ(row.fields[1] == "TRUE", it->before.pass == true) << code;
    EXPECT_TRUE(test::close(it->before.skew, io::parse_number_cell(row.fields[2]).value())) << code;
    EXPECT_TRUE(test::close(it->before.kurt, io::parse_number_cell(row.fields[3]).value())) << code;
    if (!row.fields[4].empty()) {
      ++winsorised;
      EXPECT_TRUE(it->winsorised) << code;
      EXPECT_EQ(std::to_string(it->nwin), row.fields[4]) << code;
      EXPECT_EQ(row.fields[5] == "TRUE", it->after_winsorise.pass == true) << code;
      EXPECT_TRUE(
          test::close(it->after_winsorise.skew, io::parse_number_cell(row.fields[6]).value()))
          << code;
      EXPECT_TRUE(
          test::close(it->after_winsorise.kurt, io::parse_number_cell(row.fields[7]).value()))
          << code;
    } else {
      EXPECT_FALSE(it->winsorised) << code;
    }
    logged += it->logged;
  }
  EXPECT_EQ(winsorised, 15);
  EXPECT_EQ(logged, 0);
}

TEST_F(Asem, ExampleResultsScoresAndRanksMatchCoinr) {
  auto out = build(*data_, example_spec());
  ASSERT_TRUE(out.ok()) << out.error().message;
  const Results& r = out->results;
  ASSERT_EQ(r.columns.front(), "Index");
  Dataset scores{r.units, {}, r.columns, r.scores};
  scores.columns.push_back("Rank");
  scores.values.push_back(r.rank);
  expect_matches(scores, "expected_example_results_scores.csv");
}

TEST_F(Asem, DefaultPipelineMatchesCoinr) {
  auto out = build(*data_, PipelineSpec::defaults());
  ASSERT_TRUE(out.ok()) << out.error().message;
  expect_matches(*out->find("Normalised"), "expected_default_Normalised.csv");
  expect_matches(*out->find("Aggregated"), "expected_default_Aggregated.csv");
  const Results& r = out->results;
  Dataset scores{r.units, {}, r.columns, r.scores};
  scores.columns.push_back("Rank");
  scores.values.push_back(r.rank);
  expect_matches(scores, "expected_default_results_scores.csv");
  Dataset ranks{r.units, {}, r.columns, r.ranks};
  expect_matches(ranks, "expected_default_results_ranks.csv");
}

TEST_F(Asem, ExampleRanksFileMatchesCoinr) {
  auto out = build(*data_, example_spec());
  ASSERT_TRUE(out.ok());
  const Results& r = out->results;
  Dataset ranks{r.units, {}, r.columns, r.ranks};
  expect_matches(ranks, "expected_example_results_ranks.csv");
}

TEST_F(Asem, MinmaxOnTreatedMatchesCoinr) {
  auto out = build(*data_, example_spec());
  ASSERT_TRUE(out.ok());
  NormaliseSpec ns;
  auto n = normalise(*out->find("Treated"), ns, data_->framework);
  ASSERT_TRUE(n.ok());
  expect_matches(n.value(), "expected_norm_n_minmax.csv");
}

TEST_F(Asem, ArithmeticMeanOnMinmax1To100MatchesCoinr) {
  auto out = build(*data_, example_spec());
  ASSERT_TRUE(out.ok());
  NormaliseSpec ns;
  ns.global.params = {1, 100};
  auto n = normalise(*out->find("Treated"), ns, data_->framework);
  ASSERT_TRUE(n.ok());
  auto a = aggregate(n.value(), data_->framework, AggregateSpec{}, data_->framework.weights());
  ASSERT_TRUE(a.ok());
  expect_matches(a.value(), "expected_agg_a_amean_on_minmax1_100.csv");
}

TEST_F(Asem, RepeatedBuildsGiveIdenticalResults) {
  auto a = build(*data_, example_spec());
  auto b = build(*data_, example_spec(), BuildOptions{{}, false, false});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(b->datasets.size(), 1u);
  EXPECT_EQ(a->results.rank, b->results.rank);
  EXPECT_EQ(a->last().values, b->last().values);
}

TEST_F(Asem, AggregateBeforeTheEndIsRefused) {
  PipelineSpec s;
  Step a;
  a.op = Op::Aggregate;
  Step n;
  n.op = Op::Normalise;
  s.steps = {a, n};
  auto out = build(*data_, s);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, "spec.order");
  EXPECT_FALSE(validate(s, *data_).ok());
}

TEST(PipelineEdges, WholeColumnMissingIsSkippedByTheMean) {
  auto idx = test::two_pillars({{kNA, kNA, kNA}, {1, 2, 3}, {3, 2, 1}});
  auto out = build(idx, PipelineSpec::defaults());
  ASSERT_TRUE(out.ok()) << out.error().message;
  const Dataset& agg = out->last();
  EXPECT_DOUBLE_EQ(agg.values[agg.column("P")][2], 100);         // b alone
  EXPECT_EQ(out->results.rank, (std::vector<double>{1, 1, 1}));  // P and Q mirror each other: ties
}

TEST(PipelineEdges, AllValuesEqualGiveMissingScoresNotCrashes) {
  auto idx = test::two_pillars({{5, 5, 5}, {5, 5, 5}, {5, 5, 5}});
  PipelineSpec s;
  Step t;
  t.op = Op::Treat;
  Step n;
  n.op = Op::Normalise;
  Step a;
  a.op = Op::Aggregate;
  s.steps = {t, n, a};
  auto out = build(idx, s);
  ASSERT_TRUE(out.ok()) << out.error().message;
  for (double r : out->results.rank) EXPECT_TRUE(std::isnan(r));
  EXPECT_FALSE(out->treat_details[0].before.pass.has_value());
}

TEST(PipelineEdges, OneUnit) {
  auto idx = test::two_pillars({{1}, {2}, {3}});
  PipelineSpec s = PipelineSpec::defaults();
  s.steps[0].normalise.global.method = NormMethod::Rank;
  auto out = build(idx, s);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out->results.rank, (std::vector<double>{1}));
}

TEST(PipelineEdges, GeometricMeanOfNegativeValuesIsAClearError) {
  auto idx = test::two_pillars({{-1, 2}, {1, 2}, {1, 2}});
  PipelineSpec s;
  Step a;
  a.op = Op::Aggregate;
  a.aggregate.method = AggMethod::GMean;
  s.steps = {a};
  auto out = build(idx, s);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, "aggregate.domain");
  EXPECT_NE(out.error().message.find("step 1 (Aggregated)"), std::string::npos);
  EXPECT_NE(out.error().message.find("unit 'u1'"), std::string::npos);
}

TEST(PipelineEdges, ScreeningEveryUnitOutIsAnError) {
  auto idx = test::two_pillars({{kNA, 1}, {kNA, 1}, {1, 1}});
  PipelineSpec s;
  Step sc;
  sc.op = Op::Screen;
  sc.screen.threshold = 1;
  sc.screen.exclude = {"u2"};
  s.steps = {sc};
  auto out = build(idx, s);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, "build.empty");
}

}  // namespace
}  // namespace kc::index
