#include "io/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <cmath>
#include <fstream>
#include <system_error>
#include <utility>

namespace kc::io {
namespace {

using kc::domain::Error;
using kc::domain::Result;
using kc::domain::Status;

constexpr std::size_t kMaxRows = 1'048'576;
constexpr std::size_t kMaxColumns = 16'384;

Error fail(std::string code, const std::string& zh, const std::string& en) {
  return Error{"xlsx_write." + std::move(code), zh + " / " + en};
}

Error lxw_fail(lxw_error e, const std::string& where) {
  std::string why = lxw_strerror(e);
  return fail("write", "写入xlsx失败（" + where + "）：" + why,
              "writing the xlsx failed (" + where + "): " + why);
}

}  // namespace

Result<XlsxWriter> XlsxWriter::create(const std::filesystem::path& path,
                                      std::string_view sheet_name,
                                      const std::vector<XlsxColumn>& columns,
                                      const std::filesystem::path& tmpdir) {
  if (columns.empty() || columns.size() > kMaxColumns)
    return fail("columns", "列数应为1–16384，实际为" + std::to_string(columns.size()),
                "a sheet needs 1-16384 columns, got " + std::to_string(columns.size()));
  XlsxWriter w;
  w.path_ = path;
  w.columns_ = columns.size();
  w.tmpdir_ = tmpdir.string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = w.tmpdir_.empty() ? nullptr : w.tmpdir_.data();
  options.use_zip64 = LXW_FALSE;
  const std::string file = path.string();
  // libxlsxwriter opens the output only when closing; find out now whether it can be written.
  if (std::ofstream probe(path, std::ios::binary | std::ios::trunc); !probe)
    return fail("create", "无法创建文件" + file, "cannot create " + file);
  w.workbook_ = workbook_new_opt(file.c_str(), &options);
  if (w.workbook_ == nullptr) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    return fail("create", "无法创建文件" + file, "cannot create " + file);
  }
  if (auto st = w.start_sheet(sheet_name, columns); !st) return st.error();
  return w;
}

Status XlsxWriter::add_sheet(std::string_view sheet_name, const std::vector<XlsxColumn>& columns) {
  if (workbook_ == nullptr) return fail("closed", "写入器已关闭", "the writer is closed");
  return start_sheet(sheet_name, columns);
}

Status XlsxWriter::start_sheet(std::string_view sheet_name,
                               const std::vector<XlsxColumn>& columns) {
  if (columns.empty() || columns.size() > kMaxColumns)
    return fail("columns", "列数应为1–16384，实际为" + std::to_string(columns.size()),
                "a sheet needs 1-16384 columns, got " + std::to_string(columns.size()));
  const std::string name(sheet_name);
  if (lxw_error e = workbook_validate_sheet_name(workbook_, name.c_str()); e != LXW_NO_ERROR)
    return fail("sheet_name", "工作表名“" + name + "”无效：" + lxw_strerror(e),
                "invalid sheet name '" + name + "': " + lxw_strerror(e));
  lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
  if (sheet == nullptr)
    return fail("sheet_name", "无法添加工作表“" + name + "”", "cannot add sheet '" + name + "'");
  sheet_ = sheet;
  columns_ = columns.size();
  next_row_ = 1;
  if (bold_ == nullptr) {
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    if (columns[c].width > 0) {
      if (lxw_error e = worksheet_set_column(sheet_, col, col, columns[c].width, nullptr);
          e != LXW_NO_ERROR)
        return lxw_fail(e, "column width");
    }
    if (lxw_error e = worksheet_write_string(sheet_, 0, col, columns[c].header.c_str(), bold_);
        e != LXW_NO_ERROR)
      return lxw_fail(e, "header " + columns[c].header);
  }
  worksheet_freeze_panes(sheet_, 1, 0);  // keep the header visible while scrolling
  return kc::domain::ok();
}

XlsxWriter::XlsxWriter(XlsxWriter&& other) noexcept
    : workbook_(std::exchange(other.workbook_, nullptr)),
      sheet_(std::exchange(other.sheet_, nullptr)),
      bold_(std::exchange(other.bold_, nullptr)),
      path_(std::move(other.path_)),
      tmpdir_(std::move(other.tmpdir_)),
      columns_(other.columns_),
      next_row_(other.next_row_) {}

XlsxWriter& XlsxWriter::operator=(XlsxWriter&& other) noexcept {
  if (this != &other) {
    abandon();
    workbook_ = std::exchange(other.workbook_, nullptr);
    sheet_ = std::exchange(other.sheet_, nullptr);
    bold_ = std::exchange(other.bold_, nullptr);
    path_ = std::move(other.path_);
    tmpdir_ = std::move(other.tmpdir_);
    columns_ = other.columns_;
    next_row_ = other.next_row_;
  }
  return *this;
}

XlsxWriter::~XlsxWriter() { abandon(); }

void XlsxWriter::abandon() noexcept {
  if (workbook_ == nullptr) return;
  workbook_close(workbook_);  // the only way libxlsxwriter frees a workbook
  workbook_ = nullptr;
  sheet_ = nullptr;
  bold_ = nullptr;
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

Status XlsxWriter::write_row(const std::vector<XlsxCell>& cells) {
  if (workbook_ == nullptr) return fail("closed", "写入器已关闭", "the writer is closed");
  if (next_row_ >= kMaxRows)
    return fail("too_many_rows", "超过Excel的1048576行上限", "more than Excel's 1,048,576 rows");
  if (cells.size() > columns_)
    return fail("columns",
                "第" + std::to_string(next_row_ + 1) + "行有" + std::to_string(cells.size()) +
                    "个单元格，但只有" + std::to_string(columns_) + "列",
                "row " + std::to_string(next_row_ + 1) + " has " + std::to_string(cells.size()) +
                    " cells but the sheet has " + std::to_string(columns_) + " columns");
  const auto row = static_cast<lxw_row_t>(next_row_);
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    lxw_error e = LXW_NO_ERROR;
    if (const auto* s = std::get_if<std::string>(&cells[c])) {
      if (!s->empty()) e = worksheet_write_string(sheet_, row, col, s->c_str(), nullptr);
    } else if (const auto* d = std::get_if<double>(&cells[c])) {
      if (std::isfinite(*d)) e = worksheet_write_number(sheet_, row, col, *d, nullptr);
    } else if (const auto* b = std::get_if<bool>(&cells[c])) {
      e = worksheet_write_boolean(sheet_, row, col, *b ? 1 : 0, nullptr);
    }
    if (e != LXW_NO_ERROR) {
      char ref[16];
      lxw_rowcol_to_cell(ref, row, col);
      return lxw_fail(e, std::string("cell ") + ref);
    }
  }
  ++next_row_;
  return kc::domain::ok();
}

Status XlsxWriter::write_text_row(const std::vector<std::string>& cells) {
  std::vector<XlsxCell> row(cells.begin(), cells.end());
  return write_row(row);
}

Status XlsxWriter::close() {
  if (workbook_ == nullptr) return fail("closed", "写入器已关闭", "the writer is closed");
  lxw_error e = workbook_close(workbook_);
  workbook_ = nullptr;
  sheet_ = nullptr;
  bold_ = nullptr;
  if (e != LXW_NO_ERROR) return lxw_fail(e, path_.string());
  return kc::domain::ok();
}

}  // namespace kc::io
