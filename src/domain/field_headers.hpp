// The column headers of registry files: machine names (`registered_capital`), or a field's label
// in Chinese or English with its unit (注册资本（万元）, Registered capital (10k yuan)), as a clerk's
// spreadsheet has them. Imports accept all three (registry_table.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/registry_kind.hpp"

namespace kc::domain {

enum class HeaderLanguage { names, zh, en };

// "names", "zh" or "en"; anything else is none.
std::optional<HeaderLanguage> parse_header_language(std::string_view text);

// The unit as an English header writes it ("万元" → "10k yuan"); empty for a unit without one.
std::string_view unit_in_english(std::string_view unit);

// The header of `field` in `language`.
std::string header_of(const FieldDef& field, HeaderLanguage language);

}  // namespace kc::domain
