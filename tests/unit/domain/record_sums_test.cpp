#include "domain/record_sums.hpp"

#include <gtest/gtest.h>

#include "domain/registry_kinds.hpp"

namespace kc::domain {
namespace {

struct Years {
  const KindDef& kind = *find_kind("enterprise_years");
  std::vector<Cell> cells = std::vector<Cell>(kind.fields.size());
  std::size_t at(const std::string& name) const {
    const std::size_t i = kind.index_of(name);
    if (i == kind.fields.size()) throw std::out_of_range(name);
    return i;
  }
  void set(const std::string& name, std::int64_t yuan) { cells[at(name)] = yuan; }
  const Cell& get(const std::string& name) const { return cells[at(name)]; }
};

TEST(RecordSums, EnterpriseYearsDeclareTheRdTotalAsTheSumOfItsNineCategories) {
  const auto& sums = find_kind("enterprise_years")->sums;
  ASSERT_EQ(sums.size(), 1u);
  EXPECT_EQ(sums[0].total, "rd_total");
  EXPECT_EQ(sums[0].parts.size(), 9u);
  for (const auto& p : sums[0].parts) EXPECT_NE(find_kind("enterprise_years")->field(p), nullptr) << p;
}

TEST(RecordSums, AMissingTotalIsFilledInFromThePartsGiven) {
  Years y;
  y.set("rd_personnel", 70'000'000);
  y.set("rd_other", 50'000'000);
  EXPECT_TRUE(complete_sums(y.kind, y.cells).empty());
  EXPECT_EQ(y.get("rd_total"), Cell{std::int64_t{120'000'000}});
}

TEST(RecordSums, ATotalThatDisagreesWithItsPartsIsReportedWithBothFigures) {
  Years y;
  y.set("rd_total", 130'000'000);
  y.set("rd_personnel", 120'000'000);
  const auto m = complete_sums(y.kind, y.cells);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].total->name, "rd_total");
  EXPECT_EQ(m[0].stated, 130'000'000);
  EXPECT_EQ(m[0].parts_sum, 120'000'000);
  EXPECT_EQ(y.get("rd_total"), Cell{std::int64_t{130'000'000}});  // left as given
}

TEST(RecordSums, ATotalWithNoPartsGivenIsLeftAlone) {
  Years y;
  y.set("rd_total", 130'000'000);
  EXPECT_TRUE(complete_sums(y.kind, y.cells).empty());
  Years none;
  EXPECT_TRUE(complete_sums(none.kind, none.cells).empty());
  EXPECT_TRUE(std::holds_alternative<std::monostate>(none.get("rd_total")));
}

TEST(RecordSums, AnAgreeingTotalPasses) {
  Years y;
  y.set("rd_total", 3);
  y.set("rd_design", 1);
  y.set("rd_trials", 2);
  EXPECT_TRUE(complete_sums(y.kind, y.cells).empty());
}

}  // namespace
}  // namespace kc::domain
