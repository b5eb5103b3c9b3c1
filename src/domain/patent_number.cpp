#include "domain/patent_number.hpp"

#include "domain/credit_code.hpp"
#include "domain/field_messages.hpp"

namespace kc::domain {
namespace {


bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

std::string_view patent_type_name_zh(PatentType type) {
  switch (type) {
    case PatentType::invention:
      return "发明";
    case PatentType::utility_model:
      return "实用新型";
    case PatentType::design:
      return "外观设计";
    case PatentType::pct_invention:
      return "PCT发明";
    case PatentType::pct_utility_model:
      return "PCT实用新型";
  }
  return {};
}

std::string_view patent_type_name_en(PatentType type) {
  switch (type) {
    case PatentType::invention:
      return "invention";
    case PatentType::utility_model:
      return "utility model";
    case PatentType::design:
      return "design";
    case PatentType::pct_invention:
      return "PCT invention";
    case PatentType::pct_utility_model:
      return "PCT utility model";
  }
  return {};
}

char PatentNumber::compute_check_digit(std::string_view digits) {
  if ((digits.size() != 12 && digits.size() != 8) || !all_digits(digits)) return '\0';
  // Weights run 2..9 and, for the 12-digit form, wrap round to 2..5.
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i)
    sum += (digits[i] - '0') * static_cast<int>(2 + i % 8);
  int check = sum % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

Result<PatentNumber> PatentNumber::parse(std::string_view input) {
  std::string folded = fold_to_ascii_upper(input);
  std::string s;
  for (char c : folded)
    if (c != ' ' && c != '\t') s.push_back(c);
  if (s.rfind("CN", 0) == 0 || s.rfind("ZL", 0) == 0) s.erase(0, 2);
  using namespace fmsg;
  if (s.empty()) return refusal(patent_number_empty);

  std::string digits;
  char check = '\0';
  if (auto dot = s.find('.'); dot != std::string::npos) {
    if (dot + 2 != s.size())
      return refusal(patent_number_dot, {{"text", s}});
    digits = s.substr(0, dot);
    check = s.back();
  } else {
    digits = s.substr(0, s.size() - 1);
    check = s.back();
  }
  if (!all_digits(digits))
    return refusal(patent_number_format, {{"text", s}});
  if (digits.size() != 12 && digits.size() != 8) {
    if (digits.size() + 1 == 12 || digits.size() + 1 == 8)
      return refusal(patent_number_check_missing, {{"text", s}});
    return refusal(patent_number_length, {{"length", static_cast<std::int64_t>(digits.size())}});
  }
  if (!(check >= '0' && check <= '9') && check != 'X')
    return refusal(patent_number_check_char, {{"char", std::string(1, check)}});

  bool old_form = digits.size() == 8;
  int year = old_form ? std::stoi(digits.substr(0, 2)) : std::stoi(digits.substr(0, 4));
  char type_digit = digits[old_form ? 2 : 4];
  if (old_form) {
    // The 8-digit form ran from 1985 to September 2003: "85".."99" then "00".."03".
    if (year >= 85)
      year += 1900;
    else if (year <= 3)
      year += 2000;
    else
      return refusal(patent_number_old_year, {{"year", digits.substr(0, 2)}});
  } else if (year < 2003 || year > 2099) {
    return refusal(patent_number_year, {{"year", std::int64_t{year}}});
  }
  if (type_digit != '1' && type_digit != '2' && type_digit != '3' && type_digit != '8' &&
      type_digit != '9')
    return refusal(patent_number_type, {{"digit", std::string(1, type_digit)}});
  char expected = compute_check_digit(digits);
  if (expected != check)
    return refusal(patent_number_check_digit, {{"expected", std::string(1, expected)}, {"actual", std::string(1, check)}});
  return PatentNumber(digits + "." + check, static_cast<PatentType>(type_digit - '0'), year);
}

}  // namespace kc::domain
