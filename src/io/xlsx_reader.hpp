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
  // Padded cells: rows × the widest row, which is what a caller that squares the sheet off (the
  // index converter) allocates. Counted while the rows are read and refused before the row or
  // cell that would pass it is allocated: A1 plus XFD1048576 is 2^34 cells, not two.
  std::size_t max_cells = 10'000'000;
  // Bytes of cell text held: the shared-string table plus every cell's text (a shared string is
  // copied into each cell that refers to it, so one long string named by many cells counts each
  // time).
  std::uint64_t max_text_bytes = 256ull << 20;
  // XML elements of one part (the sheet, the shared strings), counted on the inflated text before
  // it is parsed: the parsed tree costs about 64 bytes per element and 40 per attribute, far more
  // than the few bytes of "<c/>" that make one.
  std::uint64_t max_nodes = 32'000'000;
};

struct XlsxReadOptions {
  std::optional<std::string> sheet_name;  // nullopt: the first sheet in workbook order
  XlsxLimits limits;
};

// Limit errors carry their figures in Error::params: `limit` and what the file reached (`cells`,
// `bytes` or `nodes`), codes xlsx.too_many_cells, xlsx.too_much_text, xlsx.too_many_nodes.

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
