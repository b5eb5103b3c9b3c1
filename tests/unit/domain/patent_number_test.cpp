#include "domain/patent_number.hpp"

#include <gtest/gtest.h>

#include <string>

using kc::domain::PatentNumber;
using kc::domain::PatentType;

// Application numbers of granted patents as published (ZL numbers), new and old forms.
TEST(PatentNumber, AcceptsPublishedNumbers) {
  const char* const real[] = {"202010566088.9", "201510958772.0", "200510096239.4",
                              "201811564288.X", "201810698291.4", "202322865413.3",
                              "200510025251.6", "99113861.9",     "01105715.7"};
  for (const char* n : real) {
    auto r = PatentNumber::parse(n);
    ASSERT_TRUE(r.ok()) << n << ": " << r.error().message;
    EXPECT_EQ(r->text(), n);
  }
}

TEST(PatentNumber, ExposesTypeAndYear) {
  auto inv = PatentNumber::parse("CN201811564288.X").value();
  EXPECT_EQ(inv.type(), PatentType::invention);
  EXPECT_EQ(inv.year(), 2018);
  EXPECT_FALSE(inv.is_old_form());
  auto um = PatentNumber::parse("202322865413.3").value();
  EXPECT_EQ(um.type(), PatentType::utility_model);
  EXPECT_EQ(kc::domain::patent_type_name_zh(um.type()), "实用新型");
  EXPECT_EQ(kc::domain::patent_type_name_en(um.type()), "utility model");
  auto old = PatentNumber::parse("ZL99113861.9").value();
  EXPECT_TRUE(old.is_old_form());
  EXPECT_EQ(old.year(), 1999);
  EXPECT_EQ(old.type(), PatentType::invention);
  EXPECT_EQ(PatentNumber::parse("01105715.7")->year(), 2001);
}

TEST(PatentNumber, AcceptsPrefixesSpacesNoDotAndFullWidth) {
  const std::string want = "201510958772.0";
  for (const char* v :
       {"CN201510958772.0", "ZL 2015 1 0958772.0", "2015109587720", "cn 201510958772 .0",
        "ＺＬ２０１５１０９５８７７２．０", "  201510958772.0\t"}) {
    auto r = PatentNumber::parse(v);
    ASSERT_TRUE(r.ok()) << v << ": " << r.error().message;
    EXPECT_EQ(r->text(), want) << v;
  }
  EXPECT_EQ(PatentNumber::parse("201811564288.x")->text(), "201811564288.X");
}

TEST(PatentNumber, TypesFromDigit) {
  // Build a valid number for every type digit and check the type that comes back.
  const std::pair<char, PatentType> types[] = {{'1', PatentType::invention},
                                               {'2', PatentType::utility_model},
                                               {'3', PatentType::design},
                                               {'8', PatentType::pct_invention},
                                               {'9', PatentType::pct_utility_model}};
  for (auto [digit, type] : types) {
    std::string d = std::string("2021") + digit + "0001234";
    auto r = PatentNumber::parse(d + "." + PatentNumber::compute_check_digit(d));
    ASSERT_TRUE(r.ok()) << d;
    EXPECT_EQ(r->type(), type);
  }
  std::string d = "20215000123";
  d += '4';
  auto bad = PatentNumber::parse(d + "." + PatentNumber::compute_check_digit(d));
  EXPECT_EQ(bad.error().code, "patent_number.type");
}

TEST(PatentNumber, CheckDigitWeights) {
  // 8-digit: weights 2..9; 12-digit: 2..9 then 2..5.
  EXPECT_EQ(PatentNumber::compute_check_digit("00000001"), '9');      // 1×9
  EXPECT_EQ(PatentNumber::compute_check_digit("000000000001"), '5');  // 1×5
  EXPECT_EQ(PatentNumber::compute_check_digit("000000001000"), '2');  // 1×2 at position 9
  EXPECT_EQ(PatentNumber::compute_check_digit("000000000005"), '3');  // 25 mod 11
  EXPECT_EQ(PatentNumber::compute_check_digit("00000005"), '1');      // 45 mod 11
  EXPECT_EQ(PatentNumber::compute_check_digit("10000000"), '2');
  EXPECT_EQ(PatentNumber::compute_check_digit("50000000"), 'X');  // 10 → X
  EXPECT_EQ(PatentNumber::compute_check_digit("1234567"), '\0');
  EXPECT_EQ(PatentNumber::compute_check_digit("1234567a"), '\0');
}

TEST(PatentNumber, RefusesWrongCheckDigitSayingWhichIsRight) {
  auto r = PatentNumber::parse("202010566088.8");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "patent_number.check_digit");
  EXPECT_NE(r.error().message.find("should be '9'"), std::string::npos) << r.error().message;
  EXPECT_EQ(std::get<std::string>(*r.error().param("expected")), "9");
  EXPECT_EQ(std::get<std::string>(*r.error().param("actual")), "8");
}

TEST(PatentNumber, RefusesMalformed) {
  EXPECT_EQ(PatentNumber::parse("").error().code, "patent_number.empty");
  EXPECT_EQ(PatentNumber::parse("CN").error().code, "patent_number.empty");
  EXPECT_EQ(PatentNumber::parse("202010566088").error().code, "patent_number.check_missing");
  EXPECT_EQ(PatentNumber::parse("99113861").error().code, "patent_number.check_missing");
  EXPECT_EQ(PatentNumber::parse("2020105660881.9").error().code, "patent_number.length");
  EXPECT_EQ(PatentNumber::parse("202010566088.98").error().code, "patent_number.dot");
  EXPECT_EQ(PatentNumber::parse("2020A0566088.9").error().code, "patent_number.format");
  EXPECT_EQ(PatentNumber::parse("202010566088.Y").error().code, "patent_number.check_char");
  // 2002 predates the 12-digit form; "50" is no year of the 8-digit form.
  std::string d = "200210566088";
  EXPECT_EQ(PatentNumber::parse(d + "." + PatentNumber::compute_check_digit(d)).error().code,
            "patent_number.year");
  d = "50113861";
  EXPECT_EQ(PatentNumber::parse(d + "." + PatentNumber::compute_check_digit(d)).error().code,
            "patent_number.old_year");
}

TEST(PatentNumber, EverySingleDigitTypoIsCaught) {
  const std::string good = "200510096239";
  for (std::size_t pos = 0; pos < good.size(); ++pos)
    for (char c = '0'; c <= '9'; ++c) {
      if (c == good[pos]) continue;
      std::string typo = good;
      typo[pos] = c;
      EXPECT_FALSE(PatentNumber::parse(typo + ".4").ok()) << typo;
    }
}
