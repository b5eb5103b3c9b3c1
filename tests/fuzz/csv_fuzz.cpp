// libFuzzer target: parse_csv_table on arbitrary text either fails with a csv.* error or returns a
// table whose rows all have the header's width, with increasing line numbers, and which reads back
// unchanged after being written with append_csv_row. Built by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "io/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = kc::io::parse_csv_table(text);
  if (!table) {
    if (table.error().code != "csv.syntax" && table.error().code != "csv.empty") __builtin_trap();
    return 0;
  }
  std::size_t last_line = 1;
  for (const auto& row : table->rows) {
    if (row.fields.size() != table->header.size()) __builtin_trap();
    if (row.line <= last_line) __builtin_trap();
    last_line = row.line;
  }
  // Round trip. The written text starts with a BOM so that a header cell that itself begins with
  // one (the reader drops only the first) survives.
  std::string written = "\xEF\xBB\xBF";
  kc::io::append_csv_row(written, table->header);
  for (const auto& row : table->rows) kc::io::append_csv_row(written, row.fields);
  auto again = kc::io::parse_csv_table(written);
  if (!again) __builtin_trap();
  if (again->header != table->header || again->rows.size() != table->rows.size()) __builtin_trap();
  for (std::size_t i = 0; i < table->rows.size(); ++i) {
    if (again->rows[i].fields != table->rows[i].fields) __builtin_trap();
  }
  return 0;
}
