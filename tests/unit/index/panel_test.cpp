#include <gtest/gtest.h>

#include <cmath>

#include "index/pipeline.hpp"
#include "index/spec.hpp"
#include "io/index_csv.hpp"
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

TEST(Panel, BuildRefusesSeveralYearsAtOnce) {
  auto b = build(panel(), PipelineSpec::defaults());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, "build.panel");
  EXPECT_TRUE(build(select_time(panel(), 2018).value(), PipelineSpec::defaults()).ok());
}

TEST(Panel, AsemPanelFileLoadsAndEachYearBuilds) {
  auto d = io::read_index_csv(std::string(KC_SHARED_DIR) + "/data/asem/ASEM_iData_p.csv",
                              std::string(KC_SHARED_DIR) + "/data/asem/ASEM_iMeta.csv");
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
}  // namespace kc::index
