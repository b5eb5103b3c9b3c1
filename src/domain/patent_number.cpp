#include "domain/patent_number.hpp"

#include "domain/credit_code.hpp"

namespace kc::domain {
namespace {

Error fail(std::string code, std::string zh, std::string en) {
  return Error{"patent_number." + std::move(code), std::move(zh) + " / " + std::move(en)};
}

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
  if (s.empty()) return fail("empty", "专利申请号为空", "the patent application number is empty");

  std::string digits;
  char check = '\0';
  if (auto dot = s.find('.'); dot != std::string::npos) {
    if (dot + 2 != s.size())
      return fail("format", "小数点后应只有一位校验位：“" + s + "”",
                  "exactly one check digit must follow the dot: '" + s + "'");
    digits = s.substr(0, dot);
    check = s.back();
  } else {
    digits = s.substr(0, s.size() - 1);
    check = s.back();
  }
  if (!all_digits(digits))
    return fail("format", "专利申请号只能由数字、小数点和校验位组成：“" + s + "”",
                "an application number has only digits, a dot and the check digit: '" + s + "'");
  if (digits.size() != 12 && digits.size() != 8) {
    if (digits.size() + 1 == 12 || digits.size() + 1 == 8)
      return fail("check_missing", "缺少校验位：“" + s + "”",
                  "the check digit is missing: '" + s + "'");
    return fail("length",
                "专利申请号应为12位（2003年10月起）或8位数字加校验位，实际为" +
                    std::to_string(digits.size()) + "位",
                "an application number has 12 digits (since October 2003) or 8 digits plus a check "
                "digit, got " +
                    std::to_string(digits.size()));
  }
  if (!(check >= '0' && check <= '9') && check != 'X')
    return fail("check_char", std::string("校验位“") + check + "”应为数字或X",
                std::string("check digit '") + check + "' must be a digit or X");

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
      return fail(
          "year", "8位申请号的年份“" + digits.substr(0, 2) + "”不在1985–2003之间",
          "an 8-digit application number's year '" + digits.substr(0, 2) + "' is not 1985-2003");
  } else if (year < 2003 || year > 2099) {
    return fail(
        "year", "12位申请号的年份" + std::to_string(year) + "不在2003–2099之间",
        "a 12-digit application number's year " + std::to_string(year) + " is not 2003-2099");
  }
  if (type_digit != '1' && type_digit != '2' && type_digit != '3' && type_digit != '8' &&
      type_digit != '9')
    return fail("type", std::string("专利类型位“") + type_digit + "”应为1、2、3、8或9",
                std::string("patent type digit '") + type_digit + "' must be 1, 2, 3, 8 or 9");
  char expected = compute_check_digit(digits);
  if (expected != check)
    return fail("check_digit", std::string("校验位应为“") + expected + "”，实际为“" + check + "”",
                std::string("check digit should be '") + expected + "', not '" + check + "'");
  return PatentNumber(digits + "." + check, static_cast<PatentType>(type_digit - '0'), year);
}

}  // namespace kc::domain
