// XLSX to CSV for the index studio: a workbook uploaded as iData or iMeta becomes the CSV text the
// index build reads, so the studio needs no spreadsheet code of its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"

namespace kc::app {

inline constexpr std::size_t kMaxConvertBytes = 8u << 20;  // the .xlsx itself
// Rows × the widest row: what the padded CSV holds. A1 plus XFD1048576 is refused (2^34 cells).
inline constexpr std::size_t kMaxConvertCells = 2'000'000;

struct ConvertedSheet {
  std::vector<std::string> sheets;  // every sheet name, workbook order
  std::string sheet;                // the one converted
  std::string csv;                  // RFC 4180, rows padded to the widest row
};

// `sheet` empty: the first sheet. Problems: 413 for a file over kMaxConvertBytes, 422 `body` for
// bytes that are not a readable workbook (including zip bombs), 422 `sheet` for an unknown name,
// 422 too_many_cells / too_much_text / too_many_nodes with params {limit, cells|bytes|nodes}.
Outcome<ConvertedSheet> xlsx_to_csv(const Actor& actor, std::string_view bytes,
                                    const std::string& sheet);

}  // namespace kc::app
