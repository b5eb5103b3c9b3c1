#include "io/excel_dates.hpp"

#include <charconv>

#include "domain/date.hpp"

namespace kc::io {

std::optional<std::string> excel_serial_to_date(std::string_view text) {
  int serial = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), serial);
  if (ec != std::errc{} || end != text.data() + text.size() || serial < 1 || serial > 2958465) return std::nullopt;
  // Serial 25569 is 1970-01-01 in Excel's 1900 system (which counts a 29 February 1900 that never was).
  return domain::Date::from_days(serial - 25569).to_string();
}

}  // namespace kc::io
