// Reads one worksheet of an .xlsx workbook into rows of cell text for imports, refusing malformed
// or hostile files (zip bombs, absurd sizes) before it spends memory on them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace kc::io {

// Hard limits, all checked against the zip's central directory before anything is inflated, and
// again while inflating (a local header may lie about sizes). Defaults suit district imports.
struct XlsxLimits {
  std::uint64_t max_file_bytes = 64ull << 20;    // the .xlsx itself
  std::uint64_t max_entries = 10'000;            // files inside the zip
  std::uint64_t max_entry_bytes = 256ull << 20;  // any one entry, uncompressed
  std::uint64_t max_total_bytes = 512ull << 20;  // all entries, uncompressed
  // Uncompressed ÷ compressed for entries larger than ratio_floor_bytes. Real sheets stay well
  // under 100; deflate bombs reach about 1000.
  double max_ratio = 200.0;
  std::uint64_t ratio_floor_bytes = 1ull << 20;
  std::size_t max_rows = 1'048'576;  // Excel's own limits
  std::size_t max_columns = 16'384;
  // Cells held in memory, counting the empty ones that pad sparse rows: one cell in column XFD of
  // every row would otherwise cost 16,384 strings per row.
  std::size_t max_cells = 10'000'000;
};

struct XlsxReadOptions {
  std::optional<std::string> sheet_name;  // nullopt: the first sheet in workbook order
  XlsxLimits limits;
};

// Cell text as stored: shared and inline strings as text, numbers as written in the file ("12.5",
// "1E-3"), booleans "TRUE"/"FALSE", errors like "#N/A", dates as their serial number ("45321").
// rows[i] is sheet row i+1; rows[i][j] is column j+1. Missing cells and rows are "" and empty;
// each row ends at its last cell present in the file.
struct XlsxSheet {
  std::string name;
  std::vector<std::vector<std::string>> rows;
};

kc::domain::Result<XlsxSheet> read_xlsx(std::string_view bytes,
                                        const XlsxReadOptions& options = {});
kc::domain::Result<XlsxSheet> read_xlsx_file(const std::filesystem::path& path,
                                             const XlsxReadOptions& options = {});
// The worksheet names in workbook order.
kc::domain::Result<std::vector<std::string>> list_xlsx_sheets(std::string_view bytes,
                                                              const XlsxLimits& limits = {});

// "A" → 0, "Z" → 25, "AA" → 26, "XFD" → 16383; nullopt for anything else (lower case, > 3 letters).
std::optional<std::size_t> column_index(std::string_view letters);

}  // namespace kc::io
