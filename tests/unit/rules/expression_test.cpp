#include "rules/expression.hpp"

#include <gtest/gtest.h>

namespace kc::rules {
namespace {

using domain::Fraction;

const FactSchema kSchema = {
    {"rd_total", {FactType::number, "研发费用", "R&D", "万元"}},
    {"sales_revenue", {FactType::number, "销售收入", "Sales", "万元"}},
    {"hte_certified", {FactType::boolean, "高企", "HTE", ""}},
};

Expression compile(const std::string& text, bool numeric = false) {
  auto r = Expression::compile(text, kSchema, numeric);
  if (auto e = std::get_if<ExpressionError>(&r)) ADD_FAILURE() << text << ": " << e->en;
  return std::get<Expression>(r);
}

ExpressionError error_of(const std::string& text) {
  auto r = Expression::compile(text, kSchema);
  EXPECT_TRUE(std::holds_alternative<ExpressionError>(r)) << text;
  return std::holds_alternative<ExpressionError>(r) ? std::get<ExpressionError>(r) : ExpressionError{};
}

FactValues facts(std::optional<std::string> rd, std::optional<std::string> sales, std::optional<bool> hte) {
  FactValues f;
  if (rd) f["rd_total"] = FactValue{*Fraction::parse(*rd)};
  if (sales) f["sales_revenue"] = FactValue{*Fraction::parse(*sales)};
  if (hte) f["hte_certified"] = FactValue{*hte};
  return f;
}

TEST(Expression, ComparesExactlyAtTheThreshold) {
  auto e = compile("rd_total / sales_revenue >= 0.03 and not hte_certified");
  // 0.03 exactly: 3 / 100 is not below 0.03, whatever binary floating point would say.
  EXPECT_EQ(e.evaluate(facts("3", "100", false)).truth, Expression::Truth::yes);
  EXPECT_EQ(e.evaluate(facts("2.9999", "100", false)).truth, Expression::Truth::no);
  EXPECT_EQ(e.evaluate(facts("3", "100", true)).truth, Expression::Truth::no);
}

TEST(Expression, MissingFactsAreUnknownButFalseStillWins) {
  auto e = compile("rd_total >= 500 and sales_revenue >= 10000");
  EXPECT_EQ(e.evaluate(facts(std::nullopt, "20000", std::nullopt)).truth, Expression::Truth::unknown);
  EXPECT_EQ(e.evaluate(facts(std::nullopt, "100", std::nullopt)).truth, Expression::Truth::no);
  auto either = compile("rd_total >= 500 or hte_certified");
  EXPECT_EQ(either.evaluate(facts(std::nullopt, std::nullopt, true)).truth, Expression::Truth::yes);
  auto ratio = compile("rd_total / sales_revenue > 0.05");
  EXPECT_EQ(ratio.evaluate(facts("1", "0", std::nullopt)).truth, Expression::Truth::unknown) << "x / 0 is unknown";
}

TEST(Expression, ExplainsEveryComparison) {
  auto e = compile("rd_total >= 500 and (sales_revenue > 2 * 5000)");
  auto out = e.evaluate(facts("600", "9000", std::nullopt));
  ASSERT_EQ(out.comparisons.size(), 2u);
  EXPECT_EQ(out.comparisons[0].text, "rd_total >= 500");
  EXPECT_EQ(out.comparisons[0].result, Expression::Truth::yes);
  EXPECT_EQ(out.comparisons[1].text, "sales_revenue > 2 * 5000");
  EXPECT_DOUBLE_EQ(*out.comparisons[1].right, 10000);
  EXPECT_EQ(out.comparisons[1].result, Expression::Truth::no);
  EXPECT_EQ(e.facts_used(), (std::vector<std::string>{"rd_total", "sales_revenue"}));
}

TEST(Expression, NumericExpressionsComputeAmounts) {
  auto subsidy = compile("rd_total * 0.1", true);
  auto out = subsidy.evaluate(facts("1234.5", std::nullopt, std::nullopt));
  ASSERT_TRUE(out.number);
  EXPECT_EQ(*out.number, *Fraction::parse("123.45"));
}

TEST(Expression, ErrorsSayWhereAndWhy) {
  auto unknown = error_of("rd_totl >= 5");
  EXPECT_EQ(unknown.position, 0u);
  EXPECT_NE(unknown.en.find("unknown field 'rd_totl'"), std::string::npos);
  EXPECT_NE(unknown.en.find("rd_total"), std::string::npos) << "lists the known fields";
  auto type = error_of("hte_certified >= 1");
  EXPECT_NE(type.en.find("needs a number"), std::string::npos);
  auto andnum = error_of("rd_total and hte_certified");
  EXPECT_NE(andnum.en.find("'and'"), std::string::npos);
  auto paren = error_of("(rd_total >= 5");
  EXPECT_NE(paren.en.find("missing ')'"), std::string::npos);
  EXPECT_EQ(paren.position, 14u) << "at the end, where ')' is missing";
  auto trailing = error_of("rd_total >= 5 5");
  EXPECT_EQ(trailing.position, 14u);
  auto not_condition = error_of("rd_total + 5");
  EXPECT_NE(not_condition.en.find("condition"), std::string::npos);
  EXPECT_FALSE(error_of("").en.empty());
}

}  // namespace
}  // namespace kc::rules
