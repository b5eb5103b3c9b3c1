// The field-error catalogue (domain/field_messages.hpp) and the web's translations of it agree:
// every code is translated in both languages with the same placeholders as the English template
// (a label's `x_zh` stands for its `x_en`), and the web translates no code the server has dropped.
// A field error built from a refusal carries its code, parameters and English rendering.
#include "domain/field_messages.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "app/outcome.hpp"

namespace kc::domain {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = KC_SOURCE_DIR;

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The placeholders of a template, each label's language-specific name read as its English one.
std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> out;
  static const std::regex re(R"(\{([a-z_]+)\})");
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
    std::string name = (*it)[1].str();
    if (name.ends_with("_zh")) name.replace(name.size() - 3, 3, "_en");
    out.insert(name);
  }
  return out;
}

std::string joined(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return "{" + out + "}";
}

TEST(FieldMessages, TheCatalogueListsEveryDeclaredMessageOnce) {
  const std::string header = read(kSource / "src/domain/field_messages.hpp");
  std::size_t declared = 0;
  for (std::size_t at = 0; (at = header.find("inline constexpr FieldMessageDef ", at)) != std::string::npos; ++at) {
    ++declared;
  }
  EXPECT_GT(declared, 50u);
  EXPECT_EQ(all_field_messages().size(), declared)
      << "a message declared in field_messages.hpp is missing from all_field_messages()";
  std::set<std::string_view> codes;
  for (const auto* m : all_field_messages()) {
    EXPECT_TRUE(codes.insert(m->code).second) << "twice: " << m->code;
    EXPECT_EQ(m->code.find('.'), m->code.rfind('.')) << m->code << ": one group and one name";
  }
}

TEST(FieldMessages, TheWebTranslatesEveryCodeInBothLanguagesWithTheSamePlaceholders) {
  for (const char* lang : {"zh-CN", "en"}) {
    const fs::path file = kSource / "web/src/i18n" / (std::string("field_errors.") + lang + ".json");
    const auto json = boost::json::parse(read(file)).as_object();
    std::set<std::string> translated;
    for (const auto& [group, names] : json) {
      for (const auto& [name, text] : names.as_object()) translated.insert(std::string(group) + "." + std::string(name));
    }
    for (const auto* m : all_field_messages()) {
      const std::string code(m->code);
      const auto dot = code.find('.');
      const auto* group = json.if_contains(code.substr(0, dot));
      const auto* text = group ? group->as_object().if_contains(code.substr(dot + 1)) : nullptr;
      ASSERT_NE(text, nullptr) << lang << " lacks " << code;
      const auto web = placeholders(text->as_string());
      const auto server = placeholders(m->english);
      EXPECT_EQ(web, server) << lang << " " << code << " uses " << joined(web) << ", the server's template "
                             << joined(server);
      translated.erase(code);
    }
    EXPECT_TRUE(translated.empty()) << lang << " translates a code the server no longer sends: " << *translated.begin();
  }
}

TEST(FieldMessages, ARefusalRendersItsEnglishTemplateAndKeepsItsParameters) {
  const Error e = refusal(fmsg::out_of_range, {{"min", 0}, {"max", 30}});
  EXPECT_EQ(e.code, "field.out_of_range");
  EXPECT_EQ(e.message, "must be from 0 to 30");
  ASSERT_EQ(e.params.size(), 2u);
  EXPECT_EQ(std::get<std::int64_t>(e.params[1].second), 30);
  EXPECT_EQ(fill_placeholders("no {kind_en} record with id {id}", {{"kind_en", "Enterprises"}}),
            "no Enterprises record with id {id}");
}

TEST(FieldMessages, AFieldErrorCarriesTheRefusalsCodeAndParameters) {
  const app::FieldError f = app::field_error("credit_code", refusal(fmsg::credit_code_length, {{"length", 17}}));
  EXPECT_EQ(f.field, "credit_code");
  EXPECT_EQ(f.code, "credit_code.length");
  EXPECT_EQ(f.message, "must be 18 characters, got 17");
  ASSERT_EQ(f.params.size(), 1u);
  EXPECT_EQ(f.params[0].first, "length");
}

}  // namespace
}  // namespace kc::domain
