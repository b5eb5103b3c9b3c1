#include "domain/field_headers.hpp"

#include <array>
#include <utility>

namespace kc::domain {

std::optional<HeaderLanguage> parse_header_language(std::string_view text) {
  if (text == "names") return HeaderLanguage::names;
  if (text == "zh") return HeaderLanguage::zh;
  if (text == "en") return HeaderLanguage::en;
  return std::nullopt;
}

std::string_view unit_in_english(std::string_view unit) {
  // Every unit a kind declaration uses (registry_kinds.cpp); a test keeps the list complete.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kUnits = {{
      {"万元", "10k yuan"},
      {"人", "people"},
      {"家", "enterprises"},
      {"件", "items"},
      {"项", "items"},
      {"届", "editions"},
      {"平方米", "m²"},
      {"月", "months"},
      {"分", "points"},
      {"基点", "bp"},
      {"%", "%"},
  }};
  for (const auto& [zh, en] : kUnits) {
    if (zh == unit) return en;
  }
  return {};
}

std::string header_of(const FieldDef& field, HeaderLanguage language) {
  switch (language) {
    case HeaderLanguage::names: return field.name;
    case HeaderLanguage::zh: return field.unit.empty() ? field.zh : field.zh + "（" + field.unit + "）";
    case HeaderLanguage::en: {
      const std::string_view unit = unit_in_english(field.unit);
      return unit.empty() ? field.en : field.en + " (" + std::string(unit) + ")";
    }
  }
  return field.name;
}

}  // namespace kc::domain
