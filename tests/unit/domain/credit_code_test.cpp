#include "domain/credit_code.hpp"

#include <gtest/gtest.h>

#include <string>

using kc::domain::CreditCode;

namespace {

// Published codes of well-known companies (national enterprise credit information publicity
// system).
const char* const kRealCodes[] = {
    "914403001922038216",  // 华为技术有限公司
    "9144030071526726XG",  // 腾讯科技（深圳）有限公司
    "91330100799655058B",  // 阿里巴巴（中国）有限公司
    "91110108551385082Q",  // 小米科技有限责任公司
    "91110000802100433B",  // 百度在线网络技术（北京）有限公司
    "91110000100010433L",  // 中国石油天然气集团有限公司
    "12100000470095016Q",  // 浙江大学 (机构编制 / 事业单位, national level)
    "12100000425006117P",  // 复旦大学
    "51310110501144395U",  // a 社会团体 registered in 上海市杨浦区 (民政)
    "53100000500019795A",  // a 基金会 registered with the Ministry of Civil Affairs
};

std::string message_of(std::string_view text) {
  auto r = CreditCode::parse(text);
  EXPECT_FALSE(r.ok()) << text;
  return r ? std::string() : r.error().message;
}

}  // namespace

TEST(CreditCode, AcceptsPublishedCodes) {
  for (const char* code : kRealCodes) {
    auto r = CreditCode::parse(code);
    ASSERT_TRUE(r.ok()) << code << ": " << r.error().message;
    EXPECT_EQ(r->text(), code);
    EXPECT_EQ(CreditCode::compute_check_char(std::string_view(code).substr(0, 17)), code[17]);
    EXPECT_EQ(CreditCode::compute_org_check_char(std::string_view(code).substr(8, 8)), code[16]);
  }
}

TEST(CreditCode, ExposesParts) {
  auto r = CreditCode::parse("914403001922038216");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->authority(), '9');
  EXPECT_EQ(r->authority_name_zh(), "工商");
  EXPECT_EQ(r->org_type(), '1');
  EXPECT_EQ(r->org_type_name_zh(), "企业");
  EXPECT_EQ(r->region(), "440300");
  EXPECT_EQ(r->org_code(), "192203821");
}

TEST(CreditCode, NamesAuthorityAndTypeOfNonEnterprises) {
  auto university = CreditCode::parse("12100000470095016Q").value();
  EXPECT_EQ(university.authority_name_zh(), "机构编制");
  EXPECT_EQ(university.org_type_name_zh(), "事业单位");
  EXPECT_EQ(university.region(), "100000");
  auto foundation = CreditCode::parse("53100000500019795A").value();
  EXPECT_EQ(foundation.authority_name_en(), "civil affairs");
  EXPECT_EQ(foundation.org_type_name_zh(), "基金会");
}

TEST(CreditCode, StandardWorkedExampleCheckIsThree) {
  // The worked example published with GB 32100-2015 (91350100M000100Y4?): the sum 1640 mod 31 is
  // 28, so 31-28 = 3.
  EXPECT_EQ(CreditCode::compute_check_char("91350100M000100Y4"), '3');
  EXPECT_NE(message_of("91350100M000100Y40").find("should be '3'"), std::string::npos);
  EXPECT_TRUE(CreditCode::parse("91350100M000100Y43").ok());
  // The example's own last character 'Z' is outside the code's character set.
  EXPECT_EQ(CreditCode::parse("91350100M000100Y4Z").error().code, "credit_code.illegal_char");
}

TEST(CreditCode, NormalisesCaseWidthAndSpaces) {
  auto lower = CreditCode::parse("  9144030071526726xg ");
  ASSERT_TRUE(lower.ok()) << lower.error().message;
  EXPECT_EQ(lower->text(), "9144030071526726XG");
  // Full-width digits and letters as typed with a Chinese input method.
  auto wide = CreditCode::parse("９１３３０１００７９９６５５０５８Ｂ");
  ASSERT_TRUE(wide.ok()) << wide.error().message;
  EXPECT_EQ(wide->text(), "91330100799655058B");
  auto ideographic_space = CreditCode::parse(
      "\u3000"
      "91110108551385082q");
  EXPECT_TRUE(ideographic_space.ok());
}

TEST(CreditCode, RefusesWrongLength) {
  auto r = CreditCode::parse("91440300192203821");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "credit_code.length");
  EXPECT_EQ(std::get<std::int64_t>(*r.error().param("length")), 17);
  EXPECT_NE(r.error().message.find("got 17"), std::string::npos);
  EXPECT_EQ(CreditCode::parse("9144030019220382160").error().code, "credit_code.length");
  EXPECT_EQ(CreditCode::parse("   ").error().code, "credit_code.empty");
}

TEST(CreditCode, RefusesIllegalCharacterWithPosition) {
  for (char bad : {'I', 'O', 'S', 'V', 'Z'}) {
    std::string code = "914403001922038216";
    code[9] = bad;
    auto r = CreditCode::parse(code);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "credit_code.illegal_char");
    EXPECT_NE(r.error().message.find("position 10"), std::string::npos) << r.error().message;
    EXPECT_EQ(std::get<std::int64_t>(*r.error().param("position")), 10);
    EXPECT_EQ(std::get<std::string>(*r.error().param("char")), std::string(1, bad));
  }
  // A Chinese character counts as one position, not three bytes.
  auto r = CreditCode::parse("91440300192203821中");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("position 18"), std::string::npos) << r.error().message;
  EXPECT_EQ(CreditCode::parse("9144030019220382-6").error().code, "credit_code.illegal_char");
}

TEST(CreditCode, RefusesUnknownAuthorityAndType) {
  auto authority = CreditCode::parse("B14403001922038216");
  EXPECT_EQ(authority.error().code, "credit_code.authority");
  auto type = CreditCode::parse("944403001922038216");  // 工商 has types 1, 2, 3 only
  EXPECT_EQ(type.error().code, "credit_code.org_type");
  EXPECT_NE(type.error().message.find("position 2"), std::string::npos);
}

TEST(CreditCode, RefusesBadRegion) {
  EXPECT_EQ(CreditCode::parse("91990300192203821X").error().code,
            "credit_code.region");  // no province 99
  EXPECT_EQ(CreditCode::parse("9144A300192203821X").error().code,
            "credit_code.region_digit");  // letter in region
  EXPECT_EQ(std::get<std::int64_t>(*CreditCode::parse("9144A300192203821X").error().param("position")), 5);
  EXPECT_EQ(CreditCode::parse("91440006192203821X").error().code,
            "credit_code.region");  // county without city
}

TEST(CreditCode, AcceptsNationalLevelRegion) {
  // Region 100000 marks national-level registration; build a code whose checks are correct.
  std::string body =
      "11100000"
      "00001351";
  body += CreditCode::compute_org_check_char(body.substr(8, 8));
  body += CreditCode::compute_check_char(body);
  auto r = CreditCode::parse(body);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->authority_name_zh(), "机构编制");
  EXPECT_EQ(r->org_type_name_zh(), "机关");
}

TEST(CreditCode, RefusesOrganisationCodeCheckFailure) {
  // Change the 9th character of Huawei's code: the org-code check (position 17) no longer matches.
  auto r = CreditCode::parse("914403002922038216");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "credit_code.org_check");
  char expected = CreditCode::compute_org_check_char("29220382");
  EXPECT_NE(r.error().message.find(std::string("position 17 should be '") + expected + "'"),
            std::string::npos)
      << r.error().message;
  EXPECT_EQ(std::get<std::string>(*r.error().param("expected")), std::string(1, expected));
  EXPECT_EQ(std::get<std::string>(*r.error().param("actual")), "1");
}

TEST(CreditCode, RefusesWrongCheckCharacterAndNamesTheRightOne) {
  auto r = CreditCode::parse("914403001922038217");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "credit_code.check_char");
  EXPECT_NE(r.error().message.find("should be '6'"), std::string::npos) << r.error().message;
  EXPECT_EQ(std::get<std::string>(*r.error().param("expected")), "6");
  EXPECT_EQ(std::get<std::string>(*r.error().param("actual")), "7");
}

TEST(CreditCode, EverySingleCharacterTypoInCheckedPartIsCaught) {
  // The mod-31 check catches every single substitution in positions 1-17.
  const std::string good = "91330100799655058B";
  const std::string_view charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  for (std::size_t pos = 0; pos < 17; ++pos)
    for (char c : charset) {
      if (c == good[pos]) continue;
      std::string typo = good;
      typo[pos] = c;
      EXPECT_FALSE(CreditCode::parse(typo).ok()) << typo;
    }
}

TEST(CreditCode, CheckCharHelpersRefuseMalformedInput) {
  EXPECT_EQ(CreditCode::compute_check_char("123"), '\0');
  EXPECT_EQ(CreditCode::compute_check_char("9144030019220382I"), '\0');
  EXPECT_EQ(CreditCode::compute_org_check_char("1234567"), '\0');
  EXPECT_EQ(CreditCode::compute_org_check_char("1234567-"), '\0');
  // GB 11714: 11 - (Σ mod 11) with 10 → X and 11 → 0.
  EXPECT_EQ(CreditCode::compute_org_check_char("71526726"), 'X');
}

TEST(FoldToAsciiUpper, FoldsOnlyWhatItShould) {
  EXPECT_EQ(kc::domain::fold_to_ascii_upper("ａｂＣ１，．abc"), "ABC1,.ABC");
  EXPECT_EQ(kc::domain::fold_to_ascii_upper("万元\u3000x"), "万元 X");
  EXPECT_EQ(kc::domain::fold_to_ascii_upper("\xEF\xBC"), "\xEF\xBC");  // truncated sequence kept
}
