#include "domain/money.hpp"

#include <algorithm>
#include <limits>

#include "domain/credit_code.hpp"
#include "domain/field_messages.hpp"

namespace kc::domain {
namespace {

// The unit's English name, for the parameters of a refusal (its Chinese one is money_unit_name_zh).
std::string_view unit_name_en(MoneyUnit unit) {
  switch (unit) {
    case MoneyUnit::yuan:
      return "yuan";
    case MoneyUnit::wan_yuan:
      return "10k yuan";
    case MoneyUnit::yi_yuan:
      return "100M yuan";
  }
  return {};
}

// Decimal places of one unit that are still whole fen: 元 2, 万元 6, 亿元 10.
int unit_scale(MoneyUnit unit) {
  switch (unit) {
    case MoneyUnit::yuan:
      return 2;
    case MoneyUnit::wan_yuan:
      return 6;
    case MoneyUnit::yi_yuan:
      return 10;
  }
  return 2;
}

std::uint64_t pow10(int n) {
  std::uint64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

bool consume_prefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

bool consume_suffix(std::string_view& s, std::string_view suffix) {
  if (s.size() < suffix.size() || s.substr(s.size() - suffix.size()) != suffix) return false;
  s.remove_suffix(suffix.size());
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string group_thousands(std::string digits) {
  std::string out;
  int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[static_cast<std::size_t>(i)]);
  }
  return out;
}

}  // namespace

std::string_view money_unit_name_zh(MoneyUnit unit) {
  switch (unit) {
    case MoneyUnit::yuan:
      return "元";
    case MoneyUnit::wan_yuan:
      return "万元";
    case MoneyUnit::yi_yuan:
      return "亿元";
  }
  return {};
}

Result<Money> Money::parse(std::string_view input, MoneyUnit default_unit) {
  const std::string folded = fold_to_ascii_upper(input);
  std::string_view s = trim(folded);
  const std::string shown(s);
  using namespace fmsg;
  if (s.empty()) return refusal(money_empty);
  const ErrorParams shown_param{{"text", shown}};

  bool negative = false;
  if (consume_prefix(s, "-"))
    negative = true;
  else
    consume_prefix(s, "+");
  s = trim(s);
  if (consume_prefix(s, "\xEF\xBF\xA5") || consume_prefix(s, "\xC2\xA5")) s = trim(s);  // ￥ or ¥

  MoneyUnit unit = default_unit;
  if (consume_suffix(s, "万元") || consume_suffix(s, "万"))
    unit = MoneyUnit::wan_yuan;
  else if (consume_suffix(s, "亿元") || consume_suffix(s, "亿"))
    unit = MoneyUnit::yi_yuan;
  else if (consume_suffix(s, "元"))
    unit = MoneyUnit::yuan;
  s = trim(s);

  auto dot = s.find('.');
  std::string_view int_part = s.substr(0, dot);
  std::string_view frac_part =
      dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
  if (int_part.empty() && frac_part.empty()) return refusal(money_format, shown_param);

  std::string digits;
  // Thousands commas must sit every three digits: "1,23" is more likely a typo than 123.
  std::size_t group = 0;
  bool seen_comma = false;
  for (std::size_t i = 0; i < int_part.size(); ++i) {
    char c = int_part[i];
    if (c == ',') {
      if ((seen_comma && group != 3) || (!seen_comma && (group == 0 || group > 3)))
        return refusal(money_commas, shown_param);
      seen_comma = true;
      group = 0;
      continue;
    }
    if (c < '0' || c > '9') return refusal(money_character, shown_param);
    digits.push_back(c);
    ++group;
  }
  if (seen_comma && group != 3) return refusal(money_commas, shown_param);
  std::string frac(frac_part);
  for (char c : frac)
    if (c < '0' || c > '9') return refusal(money_decimal_character, shown_param);
  if (int_part.empty() && frac.empty()) return refusal(money_format, shown_param);

  const int scale = unit_scale(unit);
  while (static_cast<int>(frac.size()) > scale && frac.back() == '0') frac.pop_back();
  if (static_cast<int>(frac.size()) > scale)
    return refusal(money_precision, {{"text", shown},
                                     {"decimals", std::int64_t{scale}},
                                     {"unit_zh", std::string(money_unit_name_zh(unit))},
                                     {"unit_en", std::string(unit_name_en(unit))}});
  frac.resize(static_cast<std::size_t>(scale), '0');
  digits += frac;

  // Accumulate as a negative number so INT64_MIN fen is representable and overflow is exact.
  std::int64_t value = 0;
  for (char c : digits) {
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_sub_overflow(value, c - '0', &value))
      return refusal(money_range, shown_param);
  }
  if (!negative) {
    if (value == std::numeric_limits<std::int64_t>::min()) return refusal(money_range, shown_param);
    value = -value;
  }
  return Money(value);
}

std::string Money::format(MoneyUnit unit, int decimals, bool grouping) const {
  const int scale = unit_scale(unit);
  decimals = std::clamp(decimals, 0, scale);
  // Magnitude as unsigned so the most negative amount has a magnitude too.
  std::uint64_t magnitude =
      fen_ < 0 ? 0 - static_cast<std::uint64_t>(fen_) : static_cast<std::uint64_t>(fen_);
  const std::uint64_t drop = pow10(scale - decimals);
  std::uint64_t rounded =
      magnitude / drop + (magnitude % drop >= (drop + 1) / 2 && drop > 1 ? 1 : 0);
  const std::uint64_t frac_div = pow10(decimals);
  std::string int_text = std::to_string(rounded / frac_div);
  std::string out = (fen_ < 0 && rounded != 0) ? "-" : "";
  out += grouping ? group_thousands(int_text) : int_text;
  if (decimals > 0) {
    std::string frac = std::to_string(rounded % frac_div);
    out += '.';
    out += std::string(static_cast<std::size_t>(decimals) - frac.size(), '0') + frac;
  }
  return out;
}

std::string Money::to_display(MoneyUnit unit, int decimals) const {
  return format(unit, decimals) + std::string(money_unit_name_zh(unit));
}

}  // namespace kc::domain
