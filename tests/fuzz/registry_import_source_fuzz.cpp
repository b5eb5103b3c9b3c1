// libFuzzer target: every registry importer reads its file through app::ImportSource (CSV in any
// encoding, XLSX). Any bytes give rows of the header's width (CSV; XLSX rows at most as wide as
// the sheet allows; empty rows before data as no cells) up to max_rows, or a file-level error
// with a code; never a crash, a sanitizer
// report or memory beyond -rss_limit_mb. Built by run.sh.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/registry/import/registry_import_source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  constexpr std::size_t kMaxRows = 1'000;
  auto source = kc::app::ImportSource::from_bytes(bytes, 8u << 20, kMaxRows);
  if (!source) {
    if (source.error().code.empty() || source.error().message.empty()) __builtin_trap();
    return 0;
  }
  const std::size_t width = source->header().size();
  if (width > 16'384) __builtin_trap();
  std::vector<std::string> cells;
  std::size_t rows = 0;
  for (;;) {
    auto more = source->next(cells);
    if (!more) {
      if (more.error().code.empty()) __builtin_trap();
      break;
    }
    if (!more.value()) break;
    ++rows;
    // An all-empty row followed by data is handed out as no cells; any other CSV row has the
    // header's width.
    if (!source->from_xlsx() && !cells.empty() && cells.size() != width) __builtin_trap();
    if (cells.size() > 16'384) __builtin_trap();
    if (source->row_number() != rows + 1) __builtin_trap();
  }
  if (rows > kMaxRows) __builtin_trap();
  (void)source->sha256();
  return 0;
}
