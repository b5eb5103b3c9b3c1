// RFC 4180 CSV: read (quoted fields with commas, quotes and newlines; CRLF or LF; a UTF-8 BOM is
// dropped) and write. Errors name the line where the problem starts.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace kc::io {

// Caps on what a CSV may make us hold. Fields per record apply to every reader (a streamed file
// holds one record at a time, so that is its whole memory); cells apply where every record is held
// (parse_csv, parse_csv_table). Refusals: csv.too_many_fields (params limit, fields, line) and
// csv.too_many_cells (params limit, cells).
struct CsvLimits {
  std::size_t max_fields = 16'384;  // Excel's column count
  std::size_t max_cells = 10'000'000;
};

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based line where the record starts
};

// Reads CSV records one at a time, from text in memory or from chunks pulled from a file, so a
// large import never holds every parsed row (or the whole file). Syntax and messages are those of
// parse_csv, which is built on it.
class CsvReader {
 public:
  // Fills `buffer` with up to `capacity` bytes and returns how many; 0 at the end of the input.
  using Pull = std::function<std::size_t(char* buffer, std::size_t capacity)>;
  // Records longer than this (an unclosed quote in a streamed file, usually) are refused rather
  // than buffered without bound.
  static constexpr std::size_t kMaxStreamedRecordBytes = 16u << 20;

  explicit CsvReader(std::string_view text, std::size_t max_fields = CsvLimits{}.max_fields);
  explicit CsvReader(Pull pull, std::size_t chunk_bytes = 1u << 20,
                     std::size_t max_fields = CsvLimits{}.max_fields);

  // The next record into `fields` (resized; its strings' storage is reused). false at the end.
  domain::Result<bool> next(std::vector<std::string>& fields);
  // 1-based line where the record last returned by next() starts.
  std::size_t line() const { return record_line_; }

 private:
  enum class Parsed { record, need_more, error };
  Parsed parse(std::vector<std::string>& fields, domain::Error& error);
  bool refill();  // pulls more bytes after the unconsumed ones; false when the input has ended

  std::string_view text_;  // what is parsed: the whole text, or the unconsumed part of buffer_
  std::size_t pos_ = 0;
  bool at_end_ = true;  // no more bytes will come
  bool bom_checked_ = false;
  std::size_t line_ = 1, record_line_ = 0;
  Pull pull_;
  std::size_t chunk_bytes_ = 0;
  std::size_t max_fields_ = 0;
  std::string buffer_;
};

// Every record of `text`. A blank last line is not a record.
domain::Result<std::vector<CsvRecord>> parse_csv(std::string_view text, const CsvLimits& limits = {});

// A header row plus data rows, all with the header's width.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRecord> rows;
  int column(std::string_view name) const;  // -1 if absent
};
domain::Result<CsvTable> parse_csv_table(std::string_view text, const CsvLimits& limits = {});

domain::Result<std::string> read_file(const std::string& path);
domain::Status write_file(const std::string& path, std::string_view content);

// Quotes a field only when it needs it (comma, quote, CR or LF, leading/trailing space).
std::string csv_field(std::string_view s);
void append_csv_row(std::string& out, std::span<const std::string> fields);

}  // namespace kc::io
