#include "domain/formula/check.hpp"
#include "domain/formula/formula.hpp"

#include <gtest/gtest.h>

namespace kc::domain::formula {
namespace {

bool none(std::string_view) { return false; }
bool known(std::string_view code) { return code == "rd_expenditure_enterprise"; }

TEST(FormulaParse, ArithmeticKeepsPrecedenceAndReadsAggregates) {
  auto e = parse("indicator(rd_expenditure_enterprise) / stat(gdp) * 100");
  ASSERT_TRUE(e) << e.error().message;
  // (a / b) * 100: multiplication at the top, division inside on the left.
  EXPECT_EQ(e.value().op, Expr::Op::multiply);
  EXPECT_EQ(e.value().args[0].op, Expr::Op::divide);
  EXPECT_EQ(e.value().args[0].args[0].op, Expr::Op::indicator);
  EXPECT_EQ(e.value().args[0].args[1].op, Expr::Op::statistic);
  EXPECT_EQ(e.value().args[1].text, "100");
}

TEST(FormulaParse, AggregateWithFilterAndYearOffsets) {
  auto e = parse("sum(tech_contracts.value where in_year(signed_on) and (type = 'development' or value >= 10.5))"
                 " - indicator(rd_expenditure_enterprise, Y-2) + stat(gdp, 2011)");
  ASSERT_TRUE(e) << e.error().message;
  std::vector<const Aggregate*> aggs;
  collect_aggregates(e.value(), aggs);
  ASSERT_EQ(aggs.size(), 1u);
  EXPECT_EQ(aggs[0]->function, Aggregate::Function::sum);
  EXPECT_EQ(aggs[0]->field, "value");
  ASSERT_EQ(aggs[0]->where.size(), 1u);
  EXPECT_EQ(aggs[0]->where[0].op, Condition::Op::all);
  EXPECT_EQ(aggs[0]->where[0].children[1].op, Condition::Op::any);
  // a - b + c parses left to right: (a - b) + c.
  const Expr& top = e.value();
  ASSERT_EQ(top.op, Expr::Op::add);
  EXPECT_EQ(top.args[1].year.fixed, true);
  EXPECT_EQ(top.args[1].year.value, 2011);
  EXPECT_EQ(top.args[0].args[1].year.value, -2);
}

TEST(FormulaParse, ErrorsSayLineAndColumn) {
  auto e = parse("count(patents where\n  filed_on >> year_start)");
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, "formula.syntax");
  // The second '>' at line 2, column 13, where an operand was expected.
  EXPECT_NE(e.error().message.find("line 2, column 13"), std::string::npos) << e.error().message;
  ASSERT_TRUE(e.error().param("line") && e.error().param("column") && e.error().param("detail_zh"));
  EXPECT_EQ(std::get<std::int64_t>(*e.error().param("line")), 2);
  EXPECT_EQ(std::get<std::int64_t>(*e.error().param("column")), 13);
  // Both languages travel as parameters, for the web to pick from.
  EXPECT_EQ(std::get<std::string>(*e.error().param("detail_zh")), "此处应为字段、字符串、数或年份");
}

TEST(FormulaParse, ColumnsCountCharactersNotBytes) {
  auto e = parse("count(talents where programme = '甬江引才' and ? )");
  ASSERT_FALSE(e);
  // 甬江引才 is 4 characters (12 bytes): the '?' is at column 44, not 52.
  EXPECT_NE(e.error().message.find("column 44"), std::string::npos) << e.error().message;
}

TEST(FormulaParse, RefusesWhatIsNotTheLanguage) {
  for (const char* text : {"", "   ", "count(", "sum(patents)", "1 +", "drop(table)", "count(patents) ; 1",
                           "stat(gdp, Y-123)", "indicator(x, 13)", "'text'", "count(patents where kind)"}) {
    EXPECT_FALSE(parse(text)) << text;
  }
  EXPECT_FALSE(parse(std::string(9000, '1')));
  EXPECT_FALSE(parse(std::string(100, '(') + "1" + std::string(100, ')')));  // too deep
  EXPECT_TRUE(parse("null"));
  EXPECT_TRUE(parse("-- a comment\ncount(patents) -- and another"));
}

TEST(FormulaCheck, AcceptsTheSpecificationsShapes) {
  for (const char* text :
       {"sum(enterprise_years.rd_total where year = Y)",
        "count(rd_institutions where kind in ('engineering_centre', 'technology_centre') and level in ('national', "
        "'provincial', 'municipal') and recognised_year <= Y)",
        "count(enterprises where above_size = true and starts_with(industry_code, 'C') and exists(rd_institutions "
        "where enterprise_id = outer.id and recognised_year <= Y))",
        "count_distinct(hte_certificates.enterprise_id where issued_on <= year_end and (revoked_on is null or "
        "revoked_on > year_end))",
        "sum(tech_contracts.value where in_year(signed_on) and in_region(buyer_region) and not in_region(seller_region))",
        "indicator(rd_expenditure_enterprise) / stat(gdp) * 100"}) {
    auto e = parse(text);
    ASSERT_TRUE(e) << text << ": " << e.error().message;
    auto st = check(e.value(), known);
    EXPECT_TRUE(st) << text << ": " << (st ? "" : st.error().message);
  }
}

TEST(FormulaCheck, NamesWhatIsWrongAndWhere) {
  struct Case {
    const char* text;
    const char* says;
  } cases[] = {
      {"count(enterprize)", "unknown registry kind 'enterprize'"},
      {"sum(patents.title)", "sum adds numbers"},
      {"count(patents where colour = 'red')", "patents has no field 'colour'"},
      {"count(patents where kind = 'inventon')", "has no value 'inventon'"},
      {"count(patents where filed_on = 2013)", "different types"},
      {"count(patents where filed_on <= '2013-13')", "YYYY-MM-DD"},
      {"count(patents where in_year(kind))", "not a date field"},
      {"count(patents where outer.id = 1)", "only meaningful inside exists"},
      {"stat(population)", "region statistics have no field 'population'"},
      {"indicator(unknown_code)", "unknown indicator 'unknown_code'"},
      {"count(region_statistics)", "stat(field)"},
  };
  for (const auto& c : cases) {
    auto e = parse(c.text);
    ASSERT_TRUE(e) << c.text << ": " << e.error().message;
    auto st = check(e.value(), none);
    ASSERT_FALSE(st) << c.text;
    EXPECT_EQ(st.error().code, "formula.invalid");
    EXPECT_NE(st.error().message.find(c.says), std::string::npos) << c.text << " → " << st.error().message;
    EXPECT_NE(st.error().message.find("line 1, column "), std::string::npos);
  }
}

}  // namespace
}  // namespace kc::domain::formula
