// IndustryCode: a GB/T 4754-2017 national-economy industry code — a section letter A–T alone, or a
// 2-digit division, 3-digit group or 4-digit class, optionally led by its section letter. The
// division must lie in its section's range; whether a group or class exists is not checked here.
#pragma once

#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace kc::domain {

enum class IndustryLevel { section, division, group, industry_class };

class IndustryCode {
 public:
  // "C", "C39", "39", "C391", "3911", "c 3911" (folded, spaces removed).
  static Result<IndustryCode> parse(std::string_view text);

  char section() const { return section_; }
  const std::string& digits() const { return digits_; }    // "" for a section, else 2–4 digits
  std::string text() const { return section_ + digits_; }  // canonical: "C3911"
  IndustryLevel level() const;
  std::string_view section_name_zh() const;

  friend bool operator==(const IndustryCode&, const IndustryCode&) = default;

 private:
  IndustryCode(char section, std::string digits) : section_(section), digits_(std::move(digits)) {}
  char section_;
  std::string digits_;
};

// The section (门类) a 2-digit division (大类) 01–97 belongs to; '\0' when out of range.
char industry_section_of_division(int division);
std::string_view industry_section_name_zh(char section);

}  // namespace kc::domain
