// libFuzzer target: /index/convert's XLSX-to-CSV (app::xlsx_to_csv, with the converter's own
// limits) on any bytes gives CSV whose padded cells stay within kMaxConvertCells, or a 413/422
// problem with a code — never a crash, a sanitizer report or memory beyond -rss_limit_mb. Issue 9:
// a 1.6 KB sheet with A1 and XFD1048576 once padded itself to 23.9 GB here. Built by run.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/index/index_convert.hpp"
#include "io/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  kc::app::Actor viewer;
  viewer.role = kc::app::Role::viewer;
  auto converted = kc::app::xlsx_to_csv(viewer, bytes, "");
  if (!converted) {
    const auto& p = converted.problem();
    if ((p.status != 422 && p.status != 413) || p.code.empty() || p.detail.empty()) __builtin_trap();
    if (p.status == 422 && p.code != "validation" && p.params.empty()) __builtin_trap();
    return 0;
  }
  // The CSV reads back as a table of rows × width within the cap.
  kc::io::CsvLimits limits;
  limits.max_cells = kc::app::kMaxConvertCells;
  auto back = kc::io::parse_csv(converted->csv, limits);
  if (!back) __builtin_trap();
  std::size_t width = back->empty() ? 0 : back->front().fields.size();
  for (const auto& r : back.value())
    if (r.fields.size() != width) __builtin_trap();
  if (back->size() * width > kc::app::kMaxConvertCells) __builtin_trap();
  return 0;
}
