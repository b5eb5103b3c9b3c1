#include "io/spreadsheet_text.hpp"

#include <gtest/gtest.h>

namespace kc::io {

TEST(SpreadsheetText, FormulaTriggersGetTheApostrophe) {
  EXPECT_EQ(neutralise_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
  EXPECT_EQ(neutralise_formula("+1"), "'+1");
  EXPECT_EQ(neutralise_formula("-2+3"), "'-2+3");
  EXPECT_EQ(neutralise_formula("@SUM(1)"), "'@SUM(1)");
  EXPECT_EQ(neutralise_formula("\t=1"), "'\t=1");
  EXPECT_EQ(neutralise_formula("\r=1"), "'\r=1");
}

TEST(SpreadsheetText, OrdinaryTextIsUnchanged) {
  for (const char* t : {"", "甲科技", "a=b", "'quoted", "'", "1-2", " =1"}) EXPECT_EQ(neutralise_formula(t), t) << t;
  EXPECT_EQ(restore_formula("甲科技"), "甲科技");
  EXPECT_EQ(restore_formula("'quoted"), "'quoted");
  EXPECT_EQ(restore_formula("'"), "'");
}

TEST(SpreadsheetText, RestoreInvertsNeutraliseForEveryText) {
  // Every string of up to four characters over an alphabet of triggers, apostrophes and letters.
  const std::string alphabet = "=+-@\t\r'a";
  std::vector<std::string> texts{""};
  for (int len = 1; len <= 4; ++len) {
    std::vector<std::string> longer;
    for (const auto& t : texts) {
      if (t.size() + 1 != static_cast<std::size_t>(len)) continue;
      for (char c : alphabet) longer.push_back(t + c);
    }
    texts.insert(texts.end(), longer.begin(), longer.end());
  }
  ASSERT_GT(texts.size(), 4000u);
  for (const auto& t : texts) {
    const auto cell = neutralise_formula(t);
    EXPECT_EQ(restore_formula(cell), t) << "text " << t;
    const bool starts_formula = !cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos;
    EXPECT_FALSE(starts_formula) << "cell " << cell;
  }
}

}  // namespace kc::io
