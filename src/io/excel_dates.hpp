// Excel stores dates as serial day numbers in its 1900 system; spreadsheets read as text give
// "45292" where the user typed 2024-01-01.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kc::io {

// "45292" → "2024-01-01"; nullopt when the text is not a serial day number Excel can show.
std::optional<std::string> excel_serial_to_date(std::string_view text);

}  // namespace kc::io
