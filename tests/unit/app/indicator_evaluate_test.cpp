#include "app/indicators/evaluate.hpp"

#include <gtest/gtest.h>

#include <map>

namespace kc::app {
namespace {

// Answers by (kind, year) with rows per district; records likewise.
class FakeSource final : public IndicatorSource {
 public:
  std::map<std::pair<std::string, int>, std::vector<SourceRow>> rows;
  std::map<std::pair<std::string, int>, std::vector<SourceRecord>> record_rows;
  std::vector<std::string> district_list;
  int calls = 0;

  std::vector<SourceRow> aggregate(const domain::formula::Aggregate& a, int year) override {
    ++calls;
    auto it = rows.find({a.kind + "." + a.field, year});
    return it == rows.end() ? std::vector<SourceRow>{} : it->second;
  }
  std::vector<SourceRecord> records(const domain::formula::Aggregate& a, int year, std::size_t limit) override {
    auto it = record_rows.find({a.kind + "." + a.field, year});
    if (it == record_rows.end()) return {};
    auto out = it->second;
    if (out.size() > limit) out.resize(limit);
    return out;
  }
  std::vector<std::string> districts(int) override { return district_list; }
};

IndicatorDef def(std::string code, std::string formula) {
  IndicatorDef d;
  d.code = std::move(code);
  d.formula = std::move(formula);
  return d;
}

struct Catalogue {
  std::vector<IndicatorDef> defs;
  IndicatorLookup lookup() {
    return [this](const std::string& code) -> const IndicatorDef* {
      for (const auto& d : defs) {
        if (d.code == code) return &d;
      }
      return nullptr;
    };
  }
};

std::string text(const Evaluated& e) { return e.value ? decimal_text(*e.value, 4) : "null"; }

TEST(IndicatorEvaluate, RatioOfAmountsIsExactAndNullWithoutItsStatistic) {
  FakeSource src;
  // 90,123.4567 万元 of R&D (stored in yuan) over a GDP of 3,300,000 万元.
  src.rows[{"enterprise_years.rd_total", 2013}] = {{"330205", 901234567, 2400, "2014-02-01T00:00:00Z"}};
  src.rows[{"region_statistics.gdp", 2013}] = {{"330205", 33000000000, 1, "2014-03-01T00:00:00Z"}};
  Catalogue c{{def("rd", "sum(enterprise_years.rd_total where year = Y)"),
               def("share", "indicator(rd) / stat(gdp) * 100")}};
  IndicatorEvaluator ev(src, c.lookup(), true);
  auto share = ev.value(c.defs[1], 2013);
  ASSERT_TRUE(share) << share.error().message;
  // 90123.4567 / 3300000 × 100 = 2.73101384848… → 2.731
  EXPECT_EQ(text(share.value()), "2.731");
  EXPECT_EQ(share.value().records, 2401);
  EXPECT_EQ(share.value().updated_at, "2014-03-01T00:00:00Z");
  auto later = ev.value(c.defs[1], 2014);  // no GDP, no enterprise years: unknown, not 0
  ASSERT_TRUE(later);
  EXPECT_FALSE(later.value().value);
}

TEST(IndicatorEvaluate, CountOfNothingIsZeroButSumOfNothingIsUnknown) {
  FakeSource src;
  Catalogue c{{def("n", "count(patents)"), def("s", "sum(loans.amount)"), def("z", "count(patents) / count(patents)")}};
  IndicatorEvaluator ev(src, c.lookup(), true);
  EXPECT_EQ(text(ev.value(c.defs[0], 2013).value()), "0");
  EXPECT_EQ(text(ev.value(c.defs[1], 2013).value()), "null");
  EXPECT_EQ(text(ev.value(c.defs[2], 2013).value()), "null");  // 0 / 0
}

TEST(IndicatorEvaluate, CityIsTheSumOfItsDistrictsAndItsRatioIsRecomputed) {
  FakeSource src;
  src.district_list = {"330203", "330205"};
  src.rows[{"tech_contracts.value", 2013}] = {{"330203", 1000000, 3, "a"}, {"330205", 13177000, 12, "b"}};
  src.rows[{"region_statistics.gdp", 2013}] = {
      {"330200", 999999999, 1, "c"}, {"330203", 10000000000, 1, "c"}, {"330205", 30000000000, 1, "c"}};
  src.rows[{"region_statistics.rd_expenditure", 2013}] = {{"330205", 300000000, 1, "c"}};
  Catalogue c{{def("turnover", "sum(tech_contracts.value)"), def("per_gdp", "indicator(turnover) / stat(gdp) * 100"),
               def("official", "stat(rd_expenditure) / stat(gdp) * 100")}};
  IndicatorEvaluator ev(src, c.lookup(), false);
  EXPECT_EQ(text(ev.value(c.defs[0], 2013).value()), "1417.7");  // 100 + 1317.7 万元
  // The city's own statistics row (330200) is not a district: GDP is 4,000,000 万元.
  EXPECT_EQ(text(ev.value(c.defs[1], 2013).value()), "0.0354");
  // One district lacks its R&D statistic: the city's is unknown, not the other's alone.
  EXPECT_EQ(text(ev.value(c.defs[2], 2013).value()), "null");
}

TEST(IndicatorEvaluate, CirclesAndUnknownIndicatorsAreErrors) {
  FakeSource src;
  Catalogue c{{def("a", "indicator(b) + 1"), def("b", "indicator(a)"), def("c", "indicator(missing)"),
               def("d", "count(")}};
  IndicatorEvaluator ev(src, c.lookup(), true);
  auto a = ev.value(c.defs[0], 2013);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, "indicator.cycle");
  const auto unknown = ev.value(c.defs[2], 2013);
  EXPECT_EQ(unknown.error().code, "formula.evaluation");
  EXPECT_EQ(std::get<std::string>(*unknown.error().param("code")), "missing");
  EXPECT_EQ(ev.value(c.defs[3], 2013).error().code, "formula.syntax");
}

TEST(IndicatorEvaluate, YearOffsetsReadOtherYears) {
  FakeSource src;
  src.rows[{"patents.", 2011}] = {{"330205", 500, 500, "x"}};
  src.rows[{"patents.", 2013}] = {{"330205", 1100, 1100, "y"}};
  Catalogue c{{def("apps", "count(patents)"), def("growth", "(indicator(apps) - indicator(apps, Y-2)) / indicator(apps, Y-2) * 100")}};
  IndicatorEvaluator ev(src, c.lookup(), true);
  EXPECT_EQ(text(ev.value(c.defs[1], 2013).value()), "120");
}

TEST(IndicatorEvaluate, AdditiveExplanationsShareTheValueRatiosListBothParts) {
  FakeSource src;
  src.rows[{"tech_contracts.value", 2013}] = {{"330205", 3000000, 2, "x"}};
  src.record_rows[{"tech_contracts.value", 2013}] = {{11, "330205", "JS1", 1000000, "x"}, {12, "330205", "JS2", 2000000, "x"}};
  src.record_rows[{"region_statistics.gdp", 2013}] = {{7, "330205", "北仑区", 30000000000, "y"}};
  src.record_rows[{"hte_certificates.enterprise_id", 2013}] = {{1, "330205", "GR1", 5, "z"}, {2, "330205", "GR2", 5, "z"}, {3, "330205", "GR3", 6, "z"}};
  Catalogue c{{def("turnover", "sum(tech_contracts.value)"), def("share", "indicator(turnover) / stat(gdp) * 100"),
               def("hte", "count_distinct(hte_certificates.enterprise_id)")}};
  IndicatorEvaluator ev(src, c.lookup(), true);
  auto sum = ev.explain(c.defs[0], 2013, 100);
  ASSERT_TRUE(sum);
  EXPECT_FALSE(sum.value().ratio);
  ASSERT_EQ(sum.value().records.size(), 2u);
  EXPECT_EQ(decimal_text(*sum.value().records[1].contributes, 4), "200");
  auto ratio = ev.explain(c.defs[1], 2013, 100);
  ASSERT_TRUE(ratio);
  EXPECT_TRUE(ratio.value().ratio);
  EXPECT_EQ(ratio.value().numerator.size(), 2u);
  ASSERT_EQ(ratio.value().denominator.size(), 1u);
  EXPECT_FALSE(ratio.value().denominator[0].contributes);
  EXPECT_EQ(ratio.value().denominator[0].kind, "region_statistics");
  // Two certificates of enterprise 5 count once: shares 1, 0, 1.
  auto hte = ev.explain(c.defs[2], 2013, 100);
  ASSERT_TRUE(hte);
  ASSERT_EQ(hte.value().records.size(), 3u);
  EXPECT_EQ(decimal_text(*hte.value().records[1].contributes, 4), "0");
  EXPECT_EQ(decimal_text(*hte.value().records[2].contributes, 4), "1");
  auto cut = ev.explain(c.defs[2], 2013, 2);
  EXPECT_TRUE(cut.value().truncated);
}

TEST(IndicatorEvaluate, DecimalTextRoundsHalfAwayFromZero) {
  EXPECT_EQ(decimal_text(domain::Fraction(27310, 10000), 4), "2.731");
  EXPECT_EQ(decimal_text(domain::Fraction(1, 3), 4), "0.3333");
  EXPECT_EQ(decimal_text(domain::Fraction(2, 3), 4), "0.6667");
  EXPECT_EQ(decimal_text(domain::Fraction(-5, 100000), 4), "-0.0001");
  EXPECT_EQ(decimal_text(domain::Fraction(72, 1), 4), "72");
  EXPECT_EQ(decimal_text(domain::Fraction(0, 1), 4), "0");
}

}  // namespace
}  // namespace kc::app
