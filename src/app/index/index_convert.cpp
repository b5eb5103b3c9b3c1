#include "app/index/index_convert.hpp"

#include <algorithm>

#include "app/limit_problem.hpp"
#include "app/messages.hpp"
#include "io/csv.hpp"
#include "io/xlsx_reader.hpp"

namespace kc::app {
namespace {

// An 8 MiB upload of iData or iMeta: far below the reader's import defaults, so a hostile file
// (a deflate bomb, a sheet of millions of empty cells) is refused before it costs much. Every row
// is padded to the widest, so max_cells (rows × widest row, checked by the reader as it reads)
// is what the CSV costs; docs/operations.md states the memory per cell.
io::XlsxLimits convert_limits() {
  io::XlsxLimits l;
  l.max_file_bytes = kMaxConvertBytes;
  l.max_entries = 1'000;
  l.max_entry_bytes = 64ull << 20;
  l.max_total_bytes = 128ull << 20;
  l.max_cells = kMaxConvertCells;
  l.max_text_bytes = 64ull << 20;
  l.max_nodes = 6'000'000;
  return l;
}

}  // namespace

Outcome<ConvertedSheet> xlsx_to_csv(const Actor& actor, std::string_view bytes,
                                    const std::string& sheet) {
  if (actor.role == Role::enterprise)
    return Problem::forbidden({msg::bureau_users_only});
  if (bytes.size() > kMaxConvertBytes) {
    return Problem{
        413,
        "payload_too_large",
        "Payload too large",
        "The workbook is larger than " + std::to_string(kMaxConvertBytes >> 20) + " MiB.",
        {}};
  }
  if (bytes.empty())
    return Problem::validation({{"body", "is empty: send the .xlsx file as the request body"}});
  if (!bytes.starts_with("PK\x03\x04"))
    return Problem::validation(
        {{"body", "is not an .xlsx workbook (a zip file starting with PK)"}});
  const io::XlsxLimits limits = convert_limits();
  auto names = io::list_xlsx_sheets(bytes, limits);
  if (!names) {
    if (auto p = limit_problem(names.error(), "body")) return *p;
    return Problem::validation({{"body", names.error().message}});
  }
  ConvertedSheet out;
  out.sheets = std::move(names.value());
  if (!sheet.empty() &&
      std::find(out.sheets.begin(), out.sheets.end(), sheet) == out.sheets.end()) {
    std::string list;
    for (const auto& n : out.sheets) list += (list.empty() ? "" : ", ") + n;
    return Problem::validation(
        {{"sheet", "no sheet named '" + sheet + "' (the workbook has: " + list + ")"}});
  }
  io::XlsxReadOptions options;
  if (!sheet.empty()) options.sheet_name = sheet;
  options.limits = limits;
  auto read = io::read_xlsx(bytes, options);
  if (!read) {
    if (auto p = limit_problem(read.error(), "body")) return *p;
    return Problem::validation({{"body", read.error().message}});
  }
  auto& rows = read->rows;
  // Rows a spreadsheet leaves empty at the end are not data.
  while (!rows.empty() && std::all_of(rows.back().begin(), rows.back().end(),
                                      [](const std::string& c) { return c.empty(); }))
    rows.pop_back();
  std::size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.size());
  out.sheet = read->name;
  for (auto& r : rows) {
    r.resize(width);
    io::append_csv_row(out.csv, r);
  }
  return out;
}

}  // namespace kc::app
