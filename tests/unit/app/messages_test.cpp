// The message catalogue (app/messages.hpp) and the web's translations of it agree: every code is
// translated in both languages, no translation names a parameter the server does not send, and
// the web translates no code the server has dropped.
#include "app/messages.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace kc::app {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = KC_SOURCE_DIR;

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> out;
  static const std::regex re(R"(\{([a-z_]+)\})");
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1].str());
  }
  return out;
}

TEST(Messages, TheCatalogueListsEveryDeclaredMessageOnce) {
  const std::string header = read(kSource / "src/app/messages.hpp");
  std::size_t declared = 0;
  for (std::size_t at = 0; (at = header.find("inline constexpr MessageDef ", at)) != std::string::npos; ++at) {
    ++declared;
  }
  EXPECT_GT(declared, 30u);
  EXPECT_EQ(all_messages().size(), declared) << "a message declared in messages.hpp is missing from all_messages()";
  std::set<std::string_view> codes;
  for (const auto* m : all_messages()) EXPECT_TRUE(codes.insert(m->code).second) << "twice: " << m->code;
}

TEST(Messages, TheWebTranslatesEveryCodeInBothLanguagesWithTheServersParameters) {
  for (const char* lang : {"zh-CN", "en"}) {
    const fs::path file = kSource / "web/src/i18n" / (std::string("problems.") + lang + ".json");
    const auto json = boost::json::parse(read(file)).as_object();
    std::set<std::string> translated;
    for (const auto& [key, value] : json) translated.insert(std::string(key));
    for (const auto* m : all_messages()) {
      const auto* text = json.if_contains(m->code);
      ASSERT_NE(text, nullptr) << lang << " lacks " << m->code;
      const auto sent = placeholders(m->english);
      for (const auto& name : placeholders(text->as_string())) {
        // kind_zh is sent wherever kind_en is (the kind's two labels travel together).
        const bool ok = sent.contains(name) || (name == "kind_zh" && sent.contains("kind_en"));
        EXPECT_TRUE(ok) << lang << " " << m->code << " uses {" << name << "}, which the server does not send";
      }
      translated.erase(std::string(m->code));
    }
    EXPECT_TRUE(translated.empty()) << lang << " translates a code the server no longer sends: " << *translated.begin();
  }
}

TEST(Messages, RenderTheEnglishDetailFromTheTemplate) {
  EXPECT_EQ(render_english({msg::no_record, {{"id", 7}, {"kind_zh", "企业"}, {"kind_en", "Enterprises"}}}),
            "No record 7 in Enterprises.");
  EXPECT_EQ(render_english({msg::no_record, {{"id", 7}}}), "No record 7 in {kind_en}.");
  EXPECT_EQ(render_english({msg::last_admin}), "This change would leave no enabled administrator.");
}

TEST(Messages, AProblemCarriesItsMessageCodeAndParameters) {
  const Problem p = Problem::not_found({msg::no_user, {{"id", 42}}});
  EXPECT_EQ(p.status, 404);
  EXPECT_EQ(p.code, "not_found");
  EXPECT_EQ(p.message, "no_user");
  EXPECT_EQ(p.detail, "No user with id 42.");
  ASSERT_EQ(p.params.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(p.params[0].second), 42);
  const Problem locked = said(423, "locked", "Account locked", {msg::account_locked, {{"until", "2026-12-03T10:00:00Z"}, {"minutes", 15}}});
  EXPECT_EQ(locked.detail, "Too many wrong passwords; the account is locked until 2026-12-03T10:00:00Z (15 min).");
}

}  // namespace
}  // namespace kc::app
