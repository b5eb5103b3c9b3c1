#include "app/registry_table.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "domain/date.hpp"
#include "io/csv.hpp"
#include "io/text_encoding.hpp"
#include "io/xlsx_reader.hpp"

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

domain::Result<TextTable> read_text_table(std::string_view bytes, std::size_t max_bytes, std::size_t max_rows) {
  if (bytes.size() > max_bytes) {
    return domain::Error{"import.too_large", "文件超过 " + std::to_string(max_bytes >> 20) +
                                                 " MB / the file is larger than " +
                                                 std::to_string(max_bytes >> 20) + " MB"};
  }
  if (bytes.empty()) return domain::Error{"import.empty", "文件为空 / the file is empty"};
  TextTable table;
  if (bytes.starts_with("PK\x03\x04")) {
    io::XlsxReadOptions options;
    options.limits.max_file_bytes = max_bytes;
    options.limits.max_rows = max_rows + 1;
    auto sheet = io::read_xlsx(bytes, options);
    if (!sheet) return sheet.error();
    table.format = "xlsx";
    table.from_xlsx = true;
    auto& rows = sheet->rows;
    if (rows.empty()) return domain::Error{"import.no_header", "缺少表头行 / the sheet has no header row"};
    table.header = std::move(rows.front());
    table.rows.assign(std::make_move_iterator(rows.begin() + 1), std::make_move_iterator(rows.end()));
  } else {
    auto text = io::decode_to_utf8(bytes);
    if (!text) return text.error();
    auto csv = io::parse_csv_table(text->utf8);
    if (!csv) return csv.error();
    table.format = "csv (" + std::string(io::text_encoding_name(text->source)) + ")";
    table.header = std::move(csv->header);
    table.rows.reserve(csv->rows.size());
    for (auto& r : csv->rows) table.rows.push_back(std::move(r.fields));
  }
  // Trailing rows that are entirely empty are what spreadsheets leave behind, not data.
  while (!table.rows.empty() &&
         std::all_of(table.rows.back().begin(), table.rows.back().end(), [](const std::string& c) { return c.empty(); })) {
    table.rows.pop_back();
  }
  if (table.rows.size() > max_rows) {
    return domain::Error{"import.too_many_rows", "超过 " + std::to_string(max_rows) + " 行 / more than " +
                                                     std::to_string(max_rows) + " rows"};
  }
  return table;
}

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
