// libFuzzer target: any byte string handed to the XLSX reader must give a sheet or a clear error,
// never a crash, a sanitizer report or unbounded memory. Built by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  kc::io::XlsxReadOptions options;
  // Tighter than the defaults so each run stays fast; the checks exercised are the same.
  options.limits.max_entry_bytes = 4u << 20;
  options.limits.max_total_bytes = 16u << 20;
  options.limits.ratio_floor_bytes = 64u << 10;
  options.limits.max_rows = 10'000;
  options.limits.max_columns = 1'000;
  options.limits.max_cells = 100'000;
  auto sheet = kc::io::read_xlsx(bytes, options);
  if (sheet) {
    // Invariants the importer relies on.
    if (sheet->rows.size() > options.limits.max_rows) __builtin_trap();
    std::size_t cells = 0;
    for (const auto& row : sheet->rows) {
      if (row.size() > options.limits.max_columns) __builtin_trap();
      cells += row.size();
    }
    if (cells > options.limits.max_cells) __builtin_trap();
  } else if (sheet.error().code.rfind("xlsx.", 0) != 0 || sheet.error().message.empty()) {
    __builtin_trap();
  }
  auto names = kc::io::list_xlsx_sheets(bytes, options.limits);
  if (sheet && !names) __builtin_trap();  // a readable workbook has a readable sheet list
  return 0;
}
