// XlsxWriter: writes worksheets row by row through libxlsxwriter in constant-memory mode, so
// exports of any length use the same small amount of memory. Header row bold, column widths set.
// A workbook may hold several sheets: add_sheet() starts the next one, and rows always go to the
// sheet added last (constant-memory mode cannot go back to an earlier sheet).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/result.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace kc::io {

struct XlsxColumn {
  std::string header;
  double width = 0;  // in Excel character units; 0 keeps Excel's default (8.43)
};

// A cell: empty, text, number or boolean. Identifiers such as credit codes belong in text so
// Excel does not turn them into floating point.
using XlsxCell = std::variant<std::monostate, std::string, double, bool>;

class XlsxWriter {
 public:
  // Creates the file with one sheet and writes the header row. The sheet name follows Excel's
  // rules (at most 31 characters, none of []:*?/\); tmpdir holds libxlsxwriter's row spill files
  // (empty: the system default).
  static kc::domain::Result<XlsxWriter> create(const std::filesystem::path& path,
                                               std::string_view sheet_name,
                                               const std::vector<XlsxColumn>& columns,
                                               const std::filesystem::path& tmpdir = {});

  XlsxWriter(XlsxWriter&& other) noexcept;
  XlsxWriter& operator=(XlsxWriter&& other) noexcept;
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;
  // A writer destroyed without close() was abandoned half-way: its file is removed so no
  // truncated export is left looking complete.
  ~XlsxWriter();

  // Adds another sheet with its header row; later rows go to it. Names must differ (Excel compares
  // them case-insensitively) and follow the same rules as in create().
  kc::domain::Status add_sheet(std::string_view sheet_name, const std::vector<XlsxColumn>& columns);

  // Writes the next row below the previous one. Refused once the sheet holds Excel's 1,048,576
  // rows, for more cells than there are columns, and for text over 32,767 characters. A number
  // that is NaN or infinite is left as an empty cell (the file format has no such numbers).
  kc::domain::Status write_row(const std::vector<XlsxCell>& cells);
  kc::domain::Status write_text_row(const std::vector<std::string>& cells);

  // Finishes the file; after this the writer accepts no more rows.
  kc::domain::Status close();

  std::size_t data_rows_written() const { return next_row_ - 1; }

 private:
  XlsxWriter() = default;
  void abandon() noexcept;
  kc::domain::Status start_sheet(std::string_view sheet_name,
                                 const std::vector<XlsxColumn>& columns);

  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;  // the sheet rows go to (the one added last)
  lxw_format* bold_ = nullptr;
  std::filesystem::path path_;
  std::string tmpdir_;  // must outlive the workbook: libxlsxwriter keeps the pointer
  std::size_t columns_ = 0;
  std::size_t next_row_ = 1;  // row 0 is the header
};

}  // namespace kc::io
