// RFC 4180 CSV: read (quoted fields with commas, quotes and newlines; CRLF or LF; a UTF-8 BOM is
// dropped) and write. Errors name the line where the problem starts.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace kc::io {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based line where the record starts
};

// Every record of `text`. A blank last line is not a record.
domain::Result<std::vector<CsvRecord>> parse_csv(std::string_view text);

// A header row plus data rows, all with the header's width.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRecord> rows;
  int column(std::string_view name) const;  // -1 if absent
};
domain::Result<CsvTable> parse_csv_table(std::string_view text);

domain::Result<std::string> read_file(const std::string& path);
domain::Status write_file(const std::string& path, std::string_view content);

// Quotes a field only when it needs it (comma, quote, CR or LF, leading/trailing space).
std::string csv_field(std::string_view s);
void append_csv_row(std::string& out, std::span<const std::string> fields);

}  // namespace kc::io
