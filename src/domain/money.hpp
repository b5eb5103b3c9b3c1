// Money: an exact amount of renminbi held as integer fen (分), parsed from the text people type in
// imports ("1,234.56", "12.5万元", "1.2亿") and formatted for display in 元, 万元 or 亿元.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace kc::domain {

enum class MoneyUnit { yuan, wan_yuan, yi_yuan };  // 元, 万元, 亿元

std::string_view money_unit_name_zh(MoneyUnit unit);  // "元", "万元", "亿元"

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_fen(std::int64_t fen) { return Money(fen); }

  // Parses an optional sign, an optional ¥/￥, digits with optional thousands commas and a decimal
  // part, then an optional unit (元, 万, 万元, 亿, 亿元). Text without a unit is read in
  // `default_unit`, so a column headed "金额（万元）" can pass wan_yuan. Digits finer than one fen
  // are refused rather than rounded; so are amounts beyond the int64 fen range.
  static Result<Money> parse(std::string_view text, MoneyUnit default_unit = MoneyUnit::yuan);

  constexpr std::int64_t fen() const { return fen_; }

  // The number in `unit` rounded half away from zero to `decimals` places (0–10, capped at the
  // unit's exact precision), with thousands commas when `grouping`: 123456789 fen, wan_yuan, 2 →
  // "123.46". No unit name is appended.
  std::string format(MoneyUnit unit, int decimals = 2, bool grouping = true) const;
  // format() followed by the unit name: "123.46万元".
  std::string to_display(MoneyUnit unit, int decimals = 2) const;

  friend constexpr Money operator+(Money a, Money b) { return Money(a.fen_ + b.fen_); }
  friend constexpr Money operator-(Money a, Money b) { return Money(a.fen_ - b.fen_); }
  friend constexpr auto operator<=>(Money, Money) = default;

 private:
  constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

}  // namespace kc::domain
