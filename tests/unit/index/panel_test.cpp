#include <gtest/gtest.h>

#include <cmath>

#include "index/pipeline.hpp"
#include "index/spec.hpp"
#include "io/index_csv.hpp"
#include "io/index_spec_json.hpp"
#include "tiny_index.hpp"

namespace kc::index {
namespace {

IndexData panel() {
  IndexData d;
  d.framework = test::framework({test::ind("a", "I"), test::agg("I", 2, "")});
  d.units.codes = {"A", "B", "A", "B", "A", "B"};
  d.units.names.assign(6, "");
  d.units.time = {2018, 2018, 2019, 2019, 2020, 2020};
  d.units.groups = {{"G", {"x", "y", "x", "y", "x", "y"}}};
  d.raw.units = d.units.codes;
  d.raw.source_rows = {0, 1, 2, 3, 4, 5};
  d.raw.columns = {"a"};
  d.raw.values = {{1, 10, kNA, 20, 3, kNA}};
  return d;
}

TEST(Panel, TimesAndSelection) {
  const IndexData p = panel();
  EXPECT_EQ(panel_times(p), (std::vector<double>{2018, 2019, 2020}));
  auto y = select_time(p, 2019);
  ASSERT_TRUE(y.ok()) << y.error().message;
  EXPECT_EQ(y->raw.units, (std::vector<std::string>{"A", "B"}));
  EXPECT_TRUE(std::isnan(y->raw.values[0][0]));
  EXPECT_EQ(y->units.groups[0].values, (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(panel_times(y.value()).empty());
  EXPECT_FALSE(select_time(p, 2030).ok());
}

TEST(Panel, ImputationFromOtherYearsBeforeSelecting) {
  const IndexData p = panel();
  auto lin = select_time(p, 2019, ImputeMethod::PanelLinear);
  ASSERT_TRUE(lin.ok());
  EXPECT_DOUBLE_EQ(lin->raw.values[0][0], 2);  // between 1 (2018) and 3 (2020)
  auto latest = select_time(p, 2020, ImputeMethod::PanelLatest);
  EXPECT_DOUBLE_EQ(latest->raw.values[0][1], 20);  // B's 2019 value
  EXPECT_FALSE(select_time(p, 2019, ImputeMethod::Mean).ok());
}

TEST(Panel, ChooseTimeTakesTheYearOrRefusesAPanelWithoutOne) {
  auto none = choose_time(panel(), {});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "panel.time_required");
  EXPECT_NE(none.error().message.find("3 Time values"), std::string::npos) << none.error().message;
  auto impute_alone = choose_time(panel(), {std::nullopt, ImputeMethod::PanelLinear});
  ASSERT_FALSE(impute_alone.ok());
  EXPECT_EQ(impute_alone.error().code, "panel.impute_needs_time");
  auto year = choose_time(panel(), {2019.0, ImputeMethod::PanelLinear});
  ASSERT_TRUE(year.ok()) << year.error().message;
  EXPECT_DOUBLE_EQ(year->raw.values[0][0], 2);  // the same as select_time with the imputation
  EXPECT_FALSE(choose_time(panel(), {2030.0, {}}).ok());
  // Data of one year passes as it is.
  auto single = choose_time(select_time(panel(), 2018).value(), {});
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single->raw.units, (std::vector<std::string>{"A", "B"}));
}

TEST(Panel, BuildRefusesSeveralYearsAtOnce) {
  auto b = build(panel(), PipelineSpec::defaults());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, "build.panel");
  EXPECT_TRUE(build(select_time(panel(), 2018).value(), PipelineSpec::defaults()).ok());
}

TEST(Panel, AsemPanelFileLoadsAndEachYearBuilds) {
  auto d = io::read_index_csv(std::string(KC_REFERENCE_DIR) + "/asem/ASEM_iData_p.csv",
                              std::string(KC_REFERENCE_DIR) + "/asem/ASEM_iMeta.csv");
  ASSERT_TRUE(d.ok()) << d.error().message;
  const auto years = panel_times(d.value());
  ASSERT_EQ(years.size(), 5u);
  for (double y : years) {
    auto one = select_time(d.value(), y, ImputeMethod::PanelLatest);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(one->raw.n_units(), 51u);
    auto b = build(one.value(), PipelineSpec::defaults());
    ASSERT_TRUE(b.ok()) << b.error().message;
    EXPECT_EQ(b->results.rank.size(), 51u);
  }
}

TEST(Panel, DuplicateUnitInOneYearIsRefused) {
  IndexData p = panel();
  p.units.time[2] = 2018;
  auto a = assemble(p.framework, p.units, {{"a", p.raw.values[0]}});
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().message.find("same Time"), std::string::npos);
}

}  // namespace

// Two units over two years, one indicator a (Direction +1) and one b (Direction −1), each the
// only child of its own pillar under the index.
IndexData two_years() {
  IndexData d;
  d.framework =
      test::framework({test::ind("a", "P"), test::ind("b", "Q", 1, -1), test::agg("P", 2, "I"),
                       test::agg("Q", 2, "I"), test::agg("I", 3, "")});
  d.units.codes = {"A", "B", "A", "B"};
  d.units.names.assign(4, "");
  d.units.time = {2018, 2018, 2019, 2019};
  d.raw.units = d.units.codes;
  d.raw.source_rows = {0, 1, 2, 3};
  d.raw.columns = {"a", "b"};
  d.raw.values = {{1, 3, 5, 9}, {2, 4, 6, 8}};
  return d;
}

PipelineSpec minmax(bool panel_wide) {
  PipelineSpec s = PipelineSpec::defaults();
  for (auto& step : s.steps)
    if (step.op == Op::Normalise) step.normalise.panel_wide = panel_wide;
  return s;
}

std::vector<double> normalised(const IndexData& year, const PipelineSpec& spec, const char* code) {
  auto b = build(year, spec);
  EXPECT_TRUE(b.ok()) << (b.ok() ? "" : b.error().message);
  if (!b.ok()) return {};
  const Dataset* n = b->find("Normalised");
  return n->values[n->column(code)];
}

TEST(PanelWide, MinMaxOverTheStackedYearsDiffersFromPerYear) {
  const IndexData p = two_years();
  const IndexData y2018 = select_time(p, 2018).value();
  const IndexData y2019 = select_time(p, 2019).value();
  // Per year, each year's own minimum and maximum: 0 and 100 both years.
  EXPECT_EQ(normalised(y2018, minmax(false), "a"), (std::vector<double>{0, 100}));
  EXPECT_EQ(normalised(y2019, minmax(false), "a"), (std::vector<double>{0, 100}));
  // a over {1, 3, 5, 9}: (x − 1) / 8 · 100.
  EXPECT_EQ(normalised(y2018, minmax(true), "a"), (std::vector<double>{0, 25}));
  EXPECT_EQ(normalised(y2019, minmax(true), "a"), (std::vector<double>{50, 100}));
  // b × −1 over {−2, −4, −6, −8}: (−x + 8) / 6 · 100.
  const auto b2018 = normalised(y2018, minmax(true), "b");
  ASSERT_EQ(b2018.size(), 2u);
  EXPECT_DOUBLE_EQ(b2018[0], 100);
  EXPECT_DOUBLE_EQ(b2018[1], 400.0 / 6);
  const auto b2019 = normalised(y2019, minmax(true), "b");
  EXPECT_DOUBLE_EQ(b2019[0], 200.0 / 6);
  EXPECT_DOUBLE_EQ(b2019[1], 0);
  // The index of 2019 is the mean of its pillars: A (50 + 33.3) / 2, B (100 + 0) / 2.
  auto built = build(y2019, minmax(true));
  ASSERT_TRUE(built.ok());
  EXPECT_EQ(built->results.units, (std::vector<std::string>{"A", "B"}));
  EXPECT_DOUBLE_EQ(built->results.scores[0][0], (50 + 200.0 / 6) / 2);
  EXPECT_DOUBLE_EQ(built->results.scores[0][1], 50);
}

TEST(PanelWide, EarlierStepsRunOnEachYearOnItsOwn) {
  IndexData p = two_years();
  p.raw.values[0][0] = kNA;  // A in 2018
  PipelineSpec s = minmax(true);
  Step impute;
  impute.op = Op::Impute;
  s.steps.insert(s.steps.begin(), impute);
  // 2018's mean fills A with 3 (B's value), not the panel's mean (3 + 5 + 9) / 3; the stack is
  // {3, 3, 5, 9}.
  const auto a2019 = normalised(select_time(p, 2019).value(), s, "a");
  ASSERT_EQ(a2019.size(), 2u);
  EXPECT_DOUBLE_EQ(a2019[0], 200.0 / 6);
  EXPECT_DOUBLE_EQ(a2019[1], 100);
  EXPECT_EQ(normalised(select_time(p, 2018).value(), s, "a"), (std::vector<double>{0, 0}));
}

TEST(PanelWide, NeedsAYearSelectedFromAPanel) {
  const IndexData p = two_years();
  auto one = rows_of_time(p, 2018);  // the rows, without the panel they came from
  ASSERT_TRUE(one.ok());
  auto v = validate(minmax(true), one.value());
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().code, "spec.panel_wide");
  EXPECT_NE(v.error().message.find("--time"), std::string::npos) << v.error().message;
  auto b = build(one.value(), minmax(true));
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().message.find("panel-wide normalisation needs panel data"), std::string::npos);
  EXPECT_TRUE(validate(minmax(true), select_time(p, 2018).value()).ok());
}

TEST(PanelWide, SpecJsonFlag) {
  auto s = io::parse_pipeline_spec(
      R"({"steps": [{"op": "normalise", "method": "minmax", "params": [0, 100], "panel_wide": true},
                    {"op": "aggregate", "method": "amean"}]})");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_TRUE(s->steps[0].normalise.panel_wide);
  auto bad = io::parse_pipeline_spec(R"({"steps": [{"op": "normalise", "panel_wide": "yes"}]})");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("steps[0].panel_wide"), std::string::npos)
      << bad.error().message;
}

TEST(PanelWide, AsemPanelEveryYearOnOneScale) {
  auto d = io::read_index_csv(std::string(KC_REFERENCE_DIR) + "/asem/ASEM_iData_p.csv",
                              std::string(KC_REFERENCE_DIR) + "/asem/ASEM_iMeta.csv");
  ASSERT_TRUE(d.ok()) << d.error().message;
  // Over all years stacked, each indicator reaches 0 and 100 in some year, not in every year.
  double lowest = INFINITY, highest = -INFINITY;
  std::size_t years_reaching_100 = 0;
  for (double y : panel_times(d.value())) {
    auto year = select_time(d.value(), y, ImputeMethod::PanelLatest);
    ASSERT_TRUE(year.ok());
    const auto lpi = normalised(year.value(), minmax(true), "LPI");
    ASSERT_EQ(lpi.size(), 51u);
    double mx = -INFINITY;
    for (double v : lpi) {
      lowest = std::min(lowest, v);
      highest = std::max(highest, v);
      mx = std::max(mx, v);
    }
    years_reaching_100 += mx == 100 ? 1 : 0;
  }
  EXPECT_EQ(lowest, 0);
  EXPECT_EQ(highest, 100);
  EXPECT_LT(years_reaching_100, 5u);
}

}  // namespace kc::index
