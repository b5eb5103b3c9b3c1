// libFuzzer target for the XML side of the XLSX reader. Mutating a whole .xlsx mostly breaks the
// zip's CRCs, so here the input is split at NUL bytes into the sheet, shared strings, workbook and
// workbook relationships, packed into a valid zip, and handed to read_xlsx. Missing parts get a
// well-formed default. Built by tests/fuzz/run.sh.
#include <zip.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "io/xlsx_reader.hpp"

namespace {

constexpr std::array<std::string_view, 4> kNames = {"xl/worksheets/sheet1.xml",
                                                    "xl/sharedStrings.xml", "xl/workbook.xml",
                                                    "xl/_rels/workbook.xml.rels"};
constexpr std::array<std::string_view, 4> kDefaults = {
    R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>)",
    R"(<sst><si><t>x</t></si></sst>)",
    R"(<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)",
    R"(<Relationships><Relationship Id="rId1" Type="/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="/sharedStrings" Target="sharedStrings.xml"/></Relationships>)"};

std::string pack(const std::array<std::string, 4>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  if (z == nullptr) __builtin_trap();
  zip_source_keep(src);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    zip_int64_t idx = zip_file_add(z, std::string(kNames[i]).c_str(),
                                   zip_source_buffer(z, parts[i].data(), parts[i].size(), 0), 0);
    if (idx < 0) __builtin_trap();
    zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
  }
  if (zip_close(z) != 0) __builtin_trap();
  std::string out;
  if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    out.resize(static_cast<std::size_t>(size));
    zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::array<std::string, 4> parts;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    auto nul = input.find('\0');
    bool present = !input.empty() || nul != std::string_view::npos;
    parts[i] = present ? std::string(input.substr(0, nul)) : std::string(kDefaults[i]);
    input = nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);
    if (nul == std::string_view::npos)
      for (std::size_t k = i + 1; k < parts.size(); ++k) parts[k] = std::string(kDefaults[k]);
    if (nul == std::string_view::npos) break;
  }
  kc::io::XlsxReadOptions options;
  options.limits.max_rows = 10'000;
  options.limits.max_columns = 1'000;
  options.limits.max_cells = 100'000;
  auto sheet = kc::io::read_xlsx(pack(parts), options);
  if (sheet) {
    std::size_t cells = 0;
    for (const auto& row : sheet->rows) {
      if (row.size() > options.limits.max_columns) __builtin_trap();
      cells += row.size();
    }
    if (sheet->rows.size() > options.limits.max_rows || cells > options.limits.max_cells)
      __builtin_trap();
  } else if (sheet.error().code.rfind("xlsx.", 0) != 0) {
    __builtin_trap();
  }
  return 0;
}
