// A registry file as a table of text cells, whatever it came as (CSV in UTF-8 or GB18030, XLSX),
// and the mapping of its header onto a kind's fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/registry_kind.hpp"
#include "domain/result.hpp"

namespace kc::app {

struct TextTable {
  std::string format;
  bool from_xlsx = false;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

domain::Result<TextTable> read_text_table(std::string_view bytes, std::size_t max_bytes, std::size_t max_rows);

// The field a header cell names: its name, Chinese label or English label (case and spaces ignored
// for the English ones); nullptr when none.
const domain::FieldDef* field_for_header(const domain::KindDef& kind, std::string_view header);

// Excel stores dates as serial day numbers; turn "45292" into "2024-01-01" for date fields.
std::optional<std::string> excel_serial_to_date(std::string_view text);

}  // namespace kc::app
