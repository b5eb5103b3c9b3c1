// RegionCode: a GB/T 2260 administrative-division code (6 digits: province, prefecture, county),
// checked for a real province prefix and a consistent level (no county part under "00").
#pragma once

#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace kc::domain {

enum class RegionLevel { province, prefecture, county };

class RegionCode {
 public:
  // Accepts 6 digits (full-width folded, surrounding spaces trimmed).
  static Result<RegionCode> parse(std::string_view text);

  const std::string& text() const { return text_; }
  std::string_view province_part() const { return std::string_view(text_).substr(0, 2); }
  std::string_view prefecture_part() const { return std::string_view(text_).substr(2, 2); }
  std::string_view county_part() const { return std::string_view(text_).substr(4, 2); }
  RegionLevel level() const;
  // The province-level code this one belongs to, e.g. 330106 → 330000.
  RegionCode province() const { return RegionCode(text_.substr(0, 2) + "0000"); }
  // The prefecture-level code, e.g. 330106 → 330100 (a province returns itself).
  RegionCode prefecture() const { return RegionCode(text_.substr(0, 4) + "00"); }
  std::string_view province_name_zh() const;
  // The digits every code inside this division starts with: 2 for a province, 4 for a
  // prefecture (city), all 6 for a county (district). What a district scope filters by.
  std::string_view prefix() const;
  // True when `other` lies inside this division (a division contains itself).
  bool contains(const RegionCode& other) const;

  friend bool operator==(const RegionCode&, const RegionCode&) = default;

 private:
  explicit RegionCode(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

// The name of a GB/T 2260 province-level prefix ("33" → "浙江省"); empty if none.
std::string_view province_name_zh(std::string_view two_digits);

}  // namespace kc::domain
