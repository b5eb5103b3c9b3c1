#include "domain/industry_code.hpp"

#include <array>

#include "domain/credit_code.hpp"
#include "domain/field_messages.hpp"

namespace kc::domain {
namespace {

struct Section {
  char letter;
  int first;  // first and last 2-digit division of the section
  int last;
  std::string_view zh;
};

// GB/T 4754-2017 sections with their division ranges (97 divisions in 20 sections).
constexpr std::array<Section, 20> kSections = {{
    {'A', 1, 5, "农、林、牧、渔业"},
    {'B', 6, 12, "采矿业"},
    {'C', 13, 43, "制造业"},
    {'D', 44, 46, "电力、热力、燃气及水生产和供应业"},
    {'E', 47, 50, "建筑业"},
    {'F', 51, 52, "批发和零售业"},
    {'G', 53, 60, "交通运输、仓储和邮政业"},
    {'H', 61, 62, "住宿和餐饮业"},
    {'I', 63, 65, "信息传输、软件和信息技术服务业"},
    {'J', 66, 69, "金融业"},
    {'K', 70, 70, "房地产业"},
    {'L', 71, 72, "租赁和商务服务业"},
    {'M', 73, 75, "科学研究和技术服务业"},
    {'N', 76, 79, "水利、环境和公共设施管理业"},
    {'O', 80, 82, "居民服务、修理和其他服务业"},
    {'P', 83, 83, "教育"},
    {'Q', 84, 85, "卫生和社会工作"},
    {'R', 86, 90, "文化、体育和娱乐业"},
    {'S', 91, 96, "公共管理、社会保障和社会组织"},
    {'T', 97, 97, "国际组织"},
}};

const Section* find_section(char letter) {
  for (const auto& s : kSections)
    if (s.letter == letter) return &s;
  return nullptr;
}

}  // namespace

char industry_section_of_division(int division) {
  for (const auto& s : kSections)
    if (division >= s.first && division <= s.last) return s.letter;
  return '\0';
}

std::string_view industry_section_name_zh(char section) {
  const Section* s = find_section(section);
  return s ? s->zh : std::string_view{};
}

Result<IndustryCode> IndustryCode::parse(std::string_view input) {
  std::string s;
  for (char c : fold_to_ascii_upper(input))
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') s.push_back(c);
  using namespace fmsg;
  if (s.empty()) return refusal(industry_code_empty);
  char letter = '\0';
  std::string digits = s;
  if (s[0] >= 'A' && s[0] <= 'Z') {
    letter = s[0];
    digits = s.substr(1);
    if (!find_section(letter))
      return refusal(industry_code_section, {{"letter", std::string(1, letter)}});
  }
  for (char c : digits)
    if (c < '0' || c > '9')
      return refusal(industry_code_format, {{"text", s}});
  if (digits.empty()) return IndustryCode(letter, "");
  if (digits.size() < 2 || digits.size() > 4)
    return refusal(industry_code_length, {{"length", static_cast<std::int64_t>(digits.size())}});
  int division = (digits[0] - '0') * 10 + (digits[1] - '0');
  char owner = industry_section_of_division(division);
  if (owner == '\0')
    return refusal(industry_code_division, {{"division", digits.substr(0, 2)}});
  if (letter != '\0' && letter != owner)
    return refusal(industry_code_section_mismatch, {{"division", digits.substr(0, 2)},
                                                    {"owner", std::string(1, owner)},
                                                    {"letter", std::string(1, letter)}});
  return IndustryCode(owner, std::move(digits));
}

IndustryLevel IndustryCode::level() const {
  switch (digits_.size()) {
    case 0:
      return IndustryLevel::section;
    case 2:
      return IndustryLevel::division;
    case 3:
      return IndustryLevel::group;
    default:
      return IndustryLevel::industry_class;
  }
}

std::string_view IndustryCode::section_name_zh() const {
  return industry_section_name_zh(section_);
}

}  // namespace kc::domain
