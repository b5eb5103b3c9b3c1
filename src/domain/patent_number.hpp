// PatentNumber: a Chinese patent application number (申请号) with its mod-11 check digit, in the
// 12-digit form used since October 2003 (YYYY T NNNNNNN.C) or the older 8-digit form (YY T
// NNNNN.C).
#pragma once

#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace kc::domain {

enum class PatentType {
  invention = 1,         // 发明
  utility_model = 2,     // 实用新型
  design = 3,            // 外观设计
  pct_invention = 8,     // 进入中国国家阶段的PCT发明
  pct_utility_model = 9  // 进入中国国家阶段的PCT实用新型
};

std::string_view patent_type_name_zh(PatentType type);
std::string_view patent_type_name_en(PatentType type);

class PatentNumber {
 public:
  // Accepts an optional "CN" or "ZL" prefix, spaces, the dot before the check digit or none, full-
  // width characters and a lower-case 'x'. The check digit itself is required.
  static Result<PatentNumber> parse(std::string_view text);

  // Check digit for 12 or 8 leading digits: Σ digit × weight mod 11, 10 written 'X'; '\0' if the
  // input is not 8 or 12 digits.
  static char compute_check_digit(std::string_view digits);

  // Canonical text "201010535627.8" / "98123456.X" without prefix.
  const std::string& text() const { return text_; }
  PatentType type() const { return type_; }
  int year() const { return year_; }  // application year, e.g. 2010, 1998
  bool is_old_form() const { return text_.size() == 10; }

  friend bool operator==(const PatentNumber&, const PatentNumber&) = default;

 private:
  PatentNumber(std::string text, PatentType type, int year)
      : text_(std::move(text)), type_(type), year_(year) {}
  std::string text_;
  PatentType type_;
  int year_;
};

}  // namespace kc::domain
