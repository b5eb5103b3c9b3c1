#include "domain/plain_text.hpp"

#include <gtest/gtest.h>

#include "domain/registry_kinds.hpp"

namespace kc::domain {

TEST(PlainText, OrdinaryTextPasses) {
  EXPECT_FALSE(find_forbidden_character("杭州甲科技有限公司 (Hangzhou) №1 — ok", false));
  EXPECT_FALSE(find_forbidden_character("", false));
  EXPECT_FALSE(find_forbidden_character("emoji 🚀", false));
}

TEST(PlainText, ControlCharactersAreRefusedWithTheirPosition) {
  using namespace std::string_literals;
  auto nul = find_forbidden_character("a\0b"s, false);
  ASSERT_TRUE(nul);
  EXPECT_EQ(nul->code, "text.control_character");
  EXPECT_NE(nul->message.find("U+0000"), std::string::npos);
  EXPECT_NE(nul->message.find("character 2"), std::string::npos);
  auto bell = find_forbidden_character("甲乙\x07", false);
  ASSERT_TRUE(bell);
  EXPECT_NE(bell->message.find("character 3"), std::string::npos) << "counted in characters, not bytes";
  EXPECT_TRUE(find_forbidden_character("\x7f", false));
  EXPECT_TRUE(find_forbidden_character("x\xC2\x85y", false)) << "C1 control NEL";
  EXPECT_TRUE(find_forbidden_character("a\rb", true)) << "a lone CR is not a line break";
}

TEST(PlainText, LineBreaksAndTabsOnlyInMultilineText) {
  EXPECT_TRUE(find_forbidden_character("a\nb", false));
  EXPECT_TRUE(find_forbidden_character("a\tb", false));
  EXPECT_FALSE(find_forbidden_character("a\nb\r\nc\td", true));
}

TEST(PlainText, BidiControlsAreRefused) {
  for (const char* s : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
    auto e = find_forbidden_character(std::string("x") + s, true);
    ASSERT_TRUE(e) << s;
    EXPECT_EQ(e->code, "text.bidi_control");
  }
  EXPECT_FALSE(find_forbidden_character("\u200F", false)) << "a right-to-left mark alone reorders nothing around it";
}

TEST(PlainText, InvalidUtf8IsRefused) {
  for (const char* s : {"\xFF", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE4\xB8"}) {
    auto e = find_forbidden_character(s, false);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->code, "text.invalid_utf8");
  }
}

TEST(PlainText, RegistryTextFieldsApplyIt) {
  const auto* kind = find_kind("enterprises");
  ASSERT_TRUE(kind);
  const auto* name = kind->field("name");
  const auto* former = kind->field("former_names");
  ASSERT_TRUE(name && former);
  EXPECT_FALSE(name->multiline());
  EXPECT_TRUE(former->multiline());
  EXPECT_FALSE(parse_cell(*name, "a\nb"));
  EXPECT_TRUE(parse_cell(*former, "a\nb"));
  EXPECT_FALSE(parse_cell(*former, "a\u202Eb"));
}

}  // namespace kc::domain
