#include "app/registry_table.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "domain/date.hpp"

namespace kc::app {
namespace {

std::string folded(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '_' || c == '-') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

const domain::FieldDef* field_for_header(const domain::KindDef& kind, std::string_view header) {
  const std::string key = folded(header);
  for (const auto& f : kind.fields) {
    if (folded(f.name) == key || f.zh == header || folded(f.en) == key) return &f;
  }
  return nullptr;
}

std::optional<std::string> excel_serial_to_date(std::string_view text) {
  int serial = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), serial);
  if (ec != std::errc{} || end != text.data() + text.size() || serial < 1 || serial > 2958465) return std::nullopt;
  // Serial 25569 is 1970-01-01 in Excel's 1900 system (which counts a 29 February 1900 that never was).
  return domain::Date::from_days(serial - 25569).to_string();
}

}  // namespace kc::app
